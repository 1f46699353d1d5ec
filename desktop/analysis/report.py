"""The readable terminal report of `sourcelight analyze` (without --json)."""

from __future__ import annotations

import textwrap

from desktop.analysis.model import Analysis

_TAGS = {"attributed": "ATTRIBUTED", "vague_source": "VAGUE", "unsourced": "UNSOURCED", "not_claim": "not a claim"}
_ANSI = {"quote": "\x1b[34m", "emotive": "\x1b[4;31m", "reset": "\x1b[0m",
         "unsourced": "\x1b[33m", "vague_source": "\x1b[35m", "attributed": "\x1b[32m", "not_claim": "\x1b[2m"}


def _mark(text: str, start: int, end: int, analysis: Analysis, color: bool) -> str:
    """The sentence text with quotes in «» (blue) and emotive phrases in ⟦⟧ (red, underlined)."""
    marks: list[tuple[int, int, str]] = []
    for span in analysis.spans:
        if span.kind == "sentence" or span.end <= start or span.start >= end:
            continue
        s, e = max(span.start, start), min(span.end, end)
        if span.kind == "quote":
            marks += [(s, 1, _ANSI["quote"] if color else "«"), (e, 0, _ANSI["reset"] if color else "»")]
        else:
            marks += [(s, 1, _ANSI["emotive"] if color else "⟦"), (e, 0, _ANSI["reset"] if color else "⟧")]
    marks.sort()
    out, pos = [], start
    for at, _, token in marks:
        out.append(text[pos:at])
        out.append(token)
        pos = at
    out.append(text[pos:end])
    return "".join(out)


def text_report(path: str, title: str, analysis: Analysis, color: bool = False, width: int = 100) -> str:
    lines = [f"== {path}: {title}", f"   analysed with {analysis.model or 'rules only (no spaCy model)'}, Sourcelight {analysis.version}"]
    for warning in analysis.warnings:
        lines.append(f"   warning: {warning}")
    lines.append("")
    text = analysis.text
    for sent in analysis.sentences:
        tag = _TAGS.get(sent.label or "", sent.label or "")
        head = f"[{tag}{' ← ' + sent.source if sent.source else ''}]"
        if color:
            head = _ANSI.get(sent.label or "", "") + head + _ANSI["reset"]
        body = _mark(text, sent.start, sent.end, analysis, color).replace("\n", " ")
        lines.append(head)
        lines.extend(textwrap.wrap(body, width, initial_indent="    ", subsequent_indent="    ") or ["    "])
    quotes = analysis.quotes
    if quotes:
        lines += ["", "Quotes:"]
        for q in quotes:
            snippet = text[q.start : q.end].replace("\n", " ")
            if len(snippet) > 70:
                snippet = snippet[:67] + "…"
            lines.append(f"  {q.speaker or '?'} ({q.cue or 'no cue'}): {snippet}")
    emotive = analysis.emotive
    if emotive:
        lines += ["", "Emotive phrasing: " + "; ".join(text[e.start : e.end] for e in emotive)]
    p, r = analysis.profile, analysis.readability
    lines += [
        "",
        f"Summary: {p.sentences} sentences: {p.attributed} attributed, {p.vague_source} vague, "
        f"{p.unsourced} unsourced, {p.not_claim} not claims; {p.quotes} quotes from {p.speakers} speakers; "
        f"{p.emotive} emotive phrases ({p.emotive_per_1000:.1f} per 1,000 words); "
        f"reading ease {r.flesch_reading_ease}, grade {r.grade}",
        "",
    ]
    return "\n".join(lines)
