"""`sourcelight compare PATH... [--json]`: how several articles tell one story, in the terminal.

With --json: one JSON object (the articles with path and title, then `Comparison.to_dict()`,
every member with its article index and offsets). Without: a readable report. A file that
cannot be read is reported in one line and left out; at least two readable articles are needed.
"""

from __future__ import annotations

import json
import sys
import textwrap

from desktop.analysis.compare import Comparison, WordDiff, compare

_LABEL_TAGS = {"attributed": "attributed", "vague_source": "VAGUE", "unsourced": "UNSOURCED", "not_claim": "not a claim", None: "?"}
_ANSI = {"delete": "\x1b[9;31m", "insert": "\x1b[4;32m", "bold": "\x1b[1m", "dim": "\x1b[2m", "reset": "\x1b[0m"}


def _load(paths: list[str]) -> tuple[list, list[tuple[str, str]]]:
    """(articles as (path, Article), errors as (path, message)), in the given order."""
    from desktop.cli import _read_input

    articles, errors = [], []
    for path in paths:
        article, error = _read_input(path)
        if article is None:
            errors.append((path, error or "cannot be read"))
        else:
            articles.append((path, article))
    return articles, errors


def _labels(articles) -> list[str]:
    """Short unique labels: the file name, else the title."""
    from pathlib import PurePath

    labels = []
    for path, article in articles:
        label = PurePath(path).name if path != "-" else article.display_title
        base, n = label, 2
        while label in labels:
            label, n = f"{base} ({n})", n + 1
        labels.append(label)
    return labels


def render_diff(diff: WordDiff, color: bool) -> str:
    """One diff as text: deletions [-like this-], insertions {+like this+} (wdiff style), or coloured."""
    parts = []
    for op in diff.ops:
        if op.op == "equal":
            parts.append(op.text)
        elif color:
            parts.append(f"{_ANSI[op.op]}{op.text}{_ANSI['reset']}")
        else:
            parts.append(f"[-{op.text}-]" if op.op == "delete" else f"{{+{op.text}+}}")
    return " ".join(parts)


def _wrap(text: str, indent: str, width: int = 100) -> list[str]:
    return textwrap.wrap(" ".join(text.split()), width, initial_indent=indent, subsequent_indent=indent) or [indent]


def text_report(comparison: Comparison, color: bool = False, width: int = 100) -> str:
    c = comparison
    bold = (lambda s: f"{_ANSI['bold']}{s}{_ANSI['reset']}") if color else (lambda s: s)
    lines = [bold(f"Comparing {len(c.articles)} articles"), ""]
    for i, label in enumerate(c.articles):
        lines.append(f"  [{i + 1}] {label}")
    lines += ["", bold("Stats")]
    head = ["", "sentences", "unsourced", "vague", "quotes", "speakers", "emotive/1k", "grade"]
    rows = [
        [f"[{s.index + 1}]", str(s.sentences), f"{100 * s.unsourced_share:.0f}%", f"{100 * s.vague_share:.0f}%",
         str(s.quotes), str(s.named_speakers), f"{s.emotive_per_1000:.1f}", f"{s.grade:.1f}"]
        for s in c.stats
    ]
    widths = [max(len(r[k]) for r in [head] + rows) for k in range(len(head))]
    for r in [head] + rows:
        lines.append("  " + "  ".join(cell.rjust(w) for cell, w in zip(r, widths)))

    lines += ["", bold(f"Shared quotes ({len(c.shared_quotes)})")]
    if not c.shared_quotes:
        lines.append("  none: no speaker is quoted with similar words in two articles")
    for g in c.shared_quotes:
        where = ", ".join(f"[{m.article + 1}]" for m in g.members)
        lines.append(f"  {g.speaker} — in {where}")
        first = g.members[0]
        lines += _wrap(f"[{first.article + 1}] {first.text}", "      ", width)
        for d in g.diffs:
            other = g.members[d.b]
            lines += _wrap(f"[{other.article + 1}] {render_diff(d, color)}", "      ", width)
    if c.shared_quotes and not color:
        lines.append("  (in the diffs, [-words-] are only in the first article's wording, {+words+} only in the other's)")

    lines += ["", bold(f"Shared claims ({len(c.shared_claims)})")]
    if not c.shared_claims:
        lines.append("  none: no sentence is close to a sentence of another article")
    for g in c.shared_claims:
        note = "  — sourced differently" if g.sourcing_differs else ""
        lines.append(f"  claim in {', '.join(f'[{m.article + 1}]' for m in g.members)}{note}")
        for m in g.members:
            tag = _LABEL_TAGS.get(m.label, m.label or "?") + (f" ← {m.source}" if m.source else "")
            lines += _wrap(f"[{m.article + 1}] ({tag}) {m.text}", "      ", width)

    lines += ["", bold("Only here")]
    for i, label in enumerate(c.articles):
        quotes = [q for q in c.only_here_quotes if q.article == i]
        claims = [s for s in c.only_here_claims if s.article == i]
        lines.append(f"  [{i + 1}] {label}: {len(claims)} claims, {len(quotes)} quotes found in no other article")
        for q in quotes:
            lines += _wrap(f"quote, {q.speaker or 'unknown speaker'}: {q.text}", "      ", width)
        for s in claims:
            if s.label in ("unsourced", "vague_source"):
                lines += _wrap(f"{_LABEL_TAGS[s.label]}: {s.text}", "      ", width)
        others = sum(1 for s in claims if s.label not in ("unsourced", "vague_source"))
        if others:
            lines.append(f"      (and {others} attributed claims; --json lists them all)")
    lines.append("")
    return "\n".join(lines)


def run(args) -> int:
    from desktop.analysis.analyzer import MAX_CHARS, Analyzer

    loaded, errors = _load(list(args.paths))
    fits = []
    for path, article in loaded:
        if len(article.text) > MAX_CHARS:
            errors.append((path, f"too long to analyse: {len(article.text) / 1e6:.1f} million characters "
                                 f"(the limit is {MAX_CHARS / 1e6:.0f} million)"))
        else:
            fits.append((path, article))
    analyzer = Analyzer(model=getattr(args, "model", None))
    analyses = analyzer.analyze_many(a.text for _, a in fits)
    analysed = [(path, article, analysis) for (path, article), analysis in zip(fits, analyses)]
    for path, error in errors:
        print(f"error: {path}: {error}", file=sys.stderr, flush=True)
    if len(analysed) < 2:
        print(
            f"error: comparing needs at least two readable articles ({len(analysed)} of {len(args.paths)} could be read)",
            file=sys.stderr,
        )
        return 2 if not errors else 1
    labels = _labels([(p, a) for p, a, _ in analysed])
    comparison = compare([(label, analysis) for label, (_, _, analysis) in zip(labels, analysed)])
    if args.json:
        out = comparison.to_dict()
        out["articles"] = [
            {"index": i, "label": labels[i], "path": path, "title": article.display_title}
            for i, (path, article, _) in enumerate(analysed)
        ]
        if errors:
            out["errors"] = [{"path": p, "error": e} for p, e in errors]
        print(json.dumps(out, ensure_ascii=False), flush=True)
    else:
        print(text_report(comparison, color=sys.stdout.isatty()), flush=True)
    return 1 if errors else 0
