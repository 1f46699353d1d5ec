"""The guide-annotated corpus gold (offsets only; the corpus texts are not in the repository) is well formed."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tools.corpus_gold import GOLD_DIR, SECOND_DIR, split_of  # noqa: E402
from desktop.analysis.model import LABELS  # noqa: E402

FILES = sorted(GOLD_DIR.glob("*.json")) + sorted(SECOND_DIR.glob("*.json"))


def test_there_is_corpus_gold_in_both_halves_and_a_second_annotation():
    splits = {json.loads(p.read_text(encoding="utf-8"))["split"] for p in GOLD_DIR.glob("*.json")}
    assert splits == {"dev", "test"}
    assert list(SECOND_DIR.glob("*.json"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_corpus_gold_file_is_well_formed(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert path.stem == gold["file"]
    assert gold["split"] == split_of(gold["file"])  # the halves are fixed by the id, never chosen
    assert len(gold["sha256"]) == 64
    sentences = [s for s in gold["spans"] if s["kind"] == "sentence"]
    assert sentences and all(s["label"] in LABELS for s in sentences)
    for a, b in zip(sentences, sentences[1:]):
        assert a["end"] <= b["start"], "sentence spans overlap"
    for s in gold["spans"]:
        assert s["kind"] in ("sentence", "quote", "emotive") and 0 <= s["start"] < s["end"]
        if s["kind"] == "quote":
            assert s["speaker"].strip()


@pytest.mark.parametrize("path", sorted(SECOND_DIR.glob("*.json")), ids=lambda p: p.stem)
def test_a_second_annotation_indexes_the_same_text_as_the_first(path):
    second = json.loads(path.read_text(encoding="utf-8"))
    first = json.loads((GOLD_DIR / path.name).read_text(encoding="utf-8"))
    assert second["sha256"] == first["sha256"]
