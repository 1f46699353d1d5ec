"""Accuracy on the hand-annotated seeds (tests/gold) never silently drops below a floor."""

from __future__ import annotations

import pytest

from desktop.analysis.scoring import load_gold_dir, micro, read_text, score_document
from tests.conftest import GOLD_DIR, SEEDS_DIR

# Floors, a little under what `make eval` measured on the seeds (micro-averaged over the five,
# 2026-11-22 05:20 UTC). The seeds were seen while tuning, so these guard against regressions
# only; the honest figures are the held-out corpus slices `make eval` prints.
# Raise a floor whenever a measurement rises; never lower one to make a change pass.
FLOORS = {
    "quote_f1": 0.95,  # measured 0.99 (0.96 before names glued to the next word were split)
    "speaker_accuracy": 0.90,  # measured 0.95 (0.89 before)
    "attributed_f1": 0.90,  # measured 0.96
    "vague_source_f1": 0.85,  # measured 0.94 (small support: 1,533 characters)
    "unsourced_f1": 0.90,  # measured 0.97
    "not_claim_f1": 0.95,  # measured 0.99
    "emotive_f1": 0.85,  # measured 0.91 (2026-12-07: lexicon entries that describe more than judge removed)
}


@pytest.fixture(scope="module")
def measured(analyzer) -> dict[str, float]:
    golds = load_gold_dir(GOLD_DIR)
    names = sorted(golds)
    assert len(names) == 5, "one gold file per seed"
    texts = [read_text(SEEDS_DIR / n) for n in names]
    total = micro(
        score_document(text, analysis.spans, golds[name].spans)
        for name, text, analysis in zip(names, texts, analyzer.analyze_many(texts))
    )
    out = {
        "quote_f1": total.quotes.prf.f1,
        "speaker_accuracy": total.quotes.speaker_accuracy,
        "emotive_f1": total.emotive.f1,
    }
    for label, prf in total.labels.items():
        out[f"{label}_f1"] = prf.f1
    return out


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_seed_accuracy_stays_above_its_floor(measured, metric):
    assert measured[metric] >= FLOORS[metric], (
        f"{metric} on the seeds fell to {measured[metric]:.3f} (floor {FLOORS[metric]:.2f}); "
        f"run `make eval` for the per-seed tables"
    )
