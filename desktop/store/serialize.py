"""The analysis cache format: `Analysis` to JSON and back, exactly (every span, figure and warning)."""

from __future__ import annotations

import json
from dataclasses import fields

from desktop.analysis.model import Analysis, Profile, Readability, Span

FORMAT = 1


def _plain(obj) -> dict:
    return {f.name: getattr(obj, f.name) for f in fields(obj)}


def analysis_to_json(analysis: Analysis) -> str:
    """A compact JSON string holding everything in `analysis`; `analysis_from_json` gives it back equal."""
    data = {
        "format": FORMAT,
        "text": analysis.text,
        "model": analysis.model,
        "version": analysis.version,
        "warnings": list(analysis.warnings),
        "readability": _plain(analysis.readability),
        "profile": {k: (list(v) if isinstance(v, tuple) else v) for k, v in _plain(analysis.profile).items()},
        # spans as rows: [kind, start, end, why, label, speaker, cue, source] keeps big analyses small
        "span_fields": [f.name for f in fields(Span)],
        "spans": [[getattr(s, f.name) for f in fields(Span)] for s in analysis.spans],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _build(cls, values: dict, tuple_fields: tuple[str, ...] = ()):
    known = {f.name for f in fields(cls)}
    kwargs = {k: v for k, v in values.items() if k in known}
    for name in tuple_fields:
        if name in kwargs and isinstance(kwargs[name], list):
            kwargs[name] = tuple(kwargs[name])
    return cls(**kwargs)


def analysis_from_json(data: str | bytes) -> Analysis:
    """The `Analysis` that `analysis_to_json` wrote. Raises ValueError for anything else."""
    try:
        obj = json.loads(data)
        if not isinstance(obj, dict) or obj.get("format") != FORMAT:
            raise ValueError(f"not an analysis cache entry of format {FORMAT}")
        names = obj["span_fields"]
        spans = tuple(_build(Span, dict(zip(names, row))) for row in obj["spans"])
        profile_tuples = tuple(f.name for f in fields(Profile) if isinstance(f.default, tuple))
        return Analysis(
            text=obj["text"],
            spans=spans,
            readability=_build(Readability, obj["readability"]),
            profile=_build(Profile, obj["profile"], profile_tuples),
            model=obj["model"],
            version=obj["version"],
            warnings=tuple(obj.get("warnings", ())),
        )
    except (KeyError, TypeError, json.JSONDecodeError) as exc:
        raise ValueError(f"unreadable analysis cache entry: {exc}") from exc
