"""The analysis cache gives back exactly the analysis that was stored (every span, figure and warning)."""

from __future__ import annotations

import pytest

from desktop.analysis.model import Analysis, Profile, Readability, Span
from desktop.store.serialize import analysis_from_json, analysis_to_json


def test_hand_made_analysis_round_trips_exactly():
    a = Analysis(
        text="Ünïcode “quotes” — and\nnew lines",
        spans=(Span("quote", 8, 16, why="because", speaker="Zoë", cue="says"),
               Span("sentence", 0, 22, label="vague_source", source="officials", why="vague"),
               Span("emotive", 17, 18, cue="—")),
        readability=Readability(0.1 + 0.2, -3.75),
        profile=Profile(sentences=1, vague_source=1, quotes=1, speakers=1, emotive=1, words=5,
                        emotive_per_1000=200.0000001, named_sources=("Zoë",), vague_sources=("officials",)),
        model=None,
        version="0.1.0",
        warnings=("short text", "second"),
    )
    back = analysis_from_json(analysis_to_json(a))
    assert back == a
    assert isinstance(back.spans, tuple) and isinstance(back.profile.named_sources, tuple)


def test_garbage_is_a_value_error():
    for bad in ("", "{}", '{"format": 99}', "[1, 2]", '{"format": 1, "spans": 3}'):
        with pytest.raises(ValueError):
            analysis_from_json(bad)


def test_real_analysis_of_a_seed_round_trips(analyzer, seed_texts):
    text = next(iter(seed_texts.values()))
    a = analyzer.analyze(text)
    assert a.spans
    assert analysis_from_json(analysis_to_json(a)) == a
