"""The gold annotations of the seeds are well formed: one file per seed, spans match the text."""

from __future__ import annotations

import json

import pytest

from desktop.analysis.model import KINDS, LABELS
from tests.conftest import GOLD_DIR, SEEDS_DIR

SEEDS = sorted(SEEDS_DIR.glob("*.txt"))


def _load(seed):
    gold = json.loads((GOLD_DIR / f"{seed.stem}.json").read_text(encoding="utf-8"))
    with open(seed, encoding="utf-8", newline="") as fh:
        text = fh.read()
    return gold, text


def test_every_seed_has_a_gold_file():
    assert len(SEEDS) == 5
    missing = [s.name for s in SEEDS if not (GOLD_DIR / f"{s.stem}.json").exists()]
    assert not missing, f"no gold file for {missing}"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_gold_spans_match_the_seed_text(seed):
    gold, text = _load(seed)
    assert gold["file"] == seed.name
    assert gold["spans"], "a gold file with no spans"
    for span in gold["spans"]:
        assert span["kind"] in KINDS, span
        assert 0 <= span["start"] < span["end"] <= len(text), span
        assert text[span["start"] : span["end"]] == span["text"], span
        assert span["text"] == span["text"].strip(), f"span with outer whitespace: {span}"
        if span["kind"] == "quote":
            assert span["speaker"] and span["speaker"].strip(), span
            assert span["text"][0] in "“\"‘«", f"a quote starts with its mark: {span}"
        elif span["kind"] == "sentence":
            assert span["label"] in LABELS, span
            if span["label"] in ("attributed", "vague_source"):
                assert span["source"], f"{span['label']} sentence without source: {span}"
            else:
                assert span["source"] is None, span


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_gold_sentences_tile_the_text_without_overlap(seed):
    gold, text = _load(seed)
    sentences = sorted((s for s in gold["spans"] if s["kind"] == "sentence"), key=lambda s: s["start"])
    for a, b in zip(sentences, sentences[1:]):
        assert a["end"] <= b["start"], f"sentences overlap: {a['text']!r} / {b['text']!r}"
    # every non-space character of the seed lies in exactly one sentence: one label each
    covered = [False] * len(text)
    for s in sentences:
        for i in range(s["start"], s["end"]):
            covered[i] = True
    stray = [i for i, ch in enumerate(text) if not ch.isspace() and not covered[i]]
    assert not stray, f"text outside every sentence: {text[stray[0]:stray[0] + 40]!r}"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_gold_emotive_is_never_inside_a_quote(seed):
    gold, _ = _load(seed)
    quotes = [s for s in gold["spans"] if s["kind"] == "quote"]
    for em in (s for s in gold["spans"] if s["kind"] == "emotive"):
        for q in quotes:
            assert em["end"] <= q["start"] or q["end"] <= em["start"], (em, q)
    for a, b in zip(quotes, quotes[1:]):
        assert a["end"] <= b["start"], f"quotes overlap: {a} / {b}"
