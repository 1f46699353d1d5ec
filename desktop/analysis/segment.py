"""News-aware sentence boundaries: a line break always ends a sentence.

Registered as the spaCy component `sourcelight_paragraphs`, placed before the parser
(or after the sentencizer in the rule-only pipeline) so that paragraphs, headlines and
bylines never run into each other. It also
- splits tokens glued to a curly quote mark (`it”said`, `out“The`), so the tagger and parser see
  the words (component `sourcelight_unglue`, first in the pipeline);
- keeps a quote's closing mark and a `,” he said` tail in the quote's sentence;
- makes a dateline (`Paris, Mar. 31 (Al Arabiya) -`) a sentence of its own.
"""

from __future__ import annotations

import re

from spacy.language import Language

_GLUE = re.compile(r"[“”„«»]")
_OPENERS = {"“", "„", "«"}
_CLOSERS = {"”", "»"}
# `PARIS, Mar. 31 (Reuters) -`, `WASHINGTON —`, `Kyiv (AP) –` at the start of a paragraph
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'’-]{1,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?:\([^)\n]{1,40}\))?\s*[-–—]+\s+(?=[A-Z])"
)


def _split_glued(doc) -> None:
    """`it”said` -> `it` `”` `said` (only where the text glues a curly mark to words)."""
    todo = []
    for tok in doc:
        t = tok.text
        if len(t) > 1 and _GLUE.search(t) and any(ch.isalpha() for ch in t):
            parts = [p for p in re.split(r"([“”„«»])", t) if p]
            if len(parts) > 1:
                todo.append((tok, parts))
    if not todo:
        return
    with doc.retokenize() as retok:
        for tok, parts in todo:
            heads = [(tok, 0)] * len(parts)
            retok.split(tok, parts, heads=heads)


@Language.component("sourcelight_unglue")
def unglue_quote_marks(doc):
    """First in the pipeline, before any tagging: split words glued to a curly quote mark."""
    try:
        _split_glued(doc)
    except Exception:  # pragma: no cover - retokenizing is best effort
        pass
    return doc


@Language.component("sourcelight_paragraphs")
def mark_paragraphs(doc):
    """Start a sentence at the first non-space token after any line break."""
    text = doc.text
    after_break = True
    n = len(doc)
    for i, token in enumerate(doc):
        if after_break and not token.is_space:
            token.is_sent_start = True
            after_break = False
            # a dateline is a sentence of its own
            m = _DATELINE.match(text, token.idx, min(len(text), token.idx + 90))
            if m and "\n" not in m.group(0):
                end = m.end()
                j = i + 1
                while j < n and doc[j].idx < end:
                    j += 1
                if j < n and doc[j].idx == end:
                    doc[j].is_sent_start = True
        elif i > 0 and not token.is_space:
            prev = doc[i - 1]
            # never start a sentence right after an opening mark, on a closing mark, or on the
            # lower-case attribution after `,”` (`,” he said`)
            if prev.text in _OPENERS or token.text in _CLOSERS:
                token.is_sent_start = False
            elif prev.text in _CLOSERS and i > 1 and doc[i - 2].text in (",", "?", "!") and token.is_lower:
                token.is_sent_start = False
        if "\n" in token.text or "\n" in token.whitespace_:
            after_break = True
    return doc
