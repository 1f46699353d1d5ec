"""News-aware sentence boundaries: a line break always ends a sentence.

Registered as the spaCy component `sourcelight_paragraphs`, placed before the parser
(or after the sentencizer in the rule-only pipeline) so that paragraphs, headlines and
bylines never run into each other. It also
- splits tokens glued to a curly quote mark (`it”said`, `out“The`), and a name glued to the
  next word (`ScholzSaid`), so the tagger and parser see the words (component
  `sourcelight_unglue`, first in the pipeline);
- keeps a quote's closing mark and a `,” he said` tail in the quote's sentence (doubled
  apostrophes `''…''` of wire and archive copy count as marks too);
- makes a dateline (`Paris, Mar. 31 (Al Arabiya) -`) a sentence of its own.
"""

from __future__ import annotations

import bisect
import re

from spacy.attrs import SENT_START
from spacy.language import Language

_GLUE = re.compile(r"[“”„«»]|^[^\W\d_]+[,:;]\"[^\W\d_]")  # a straight mark only as in `said,"Look`
# a name glued to the next word where copy lost a space ("Olaf ScholzSaid that", "Rishi SunakFor his
# part"): only before words no brand or name ends in ("LinkedIn", "MoveOn" stay whole)
_GLUED_WORDS = re.compile(r"^([A-Z][a-z]{2,})([A-Z][a-z]+)$")
_GLUED_SECOND = {
    "said", "says", "declared", "stated", "told", "noted", "added", "stressed", "wrote", "for", "and", "the",
    "of", "to", "with", "who", "that", "was", "is", "has", "had", "but", "at", "by", "from",
}
_OPENERS = {"“", "„", "«"}
_CLOSERS = {"”", "»"}
# `PARIS, Mar. 31 (Reuters) -`, `WASHINGTON —`, `Kyiv (AP) –`, `KINSHASA, Congo --` at the start of a
# paragraph: a place in capitals, or any place with a date or a wire service after it
# (the place, region, date and wire service, without the dash: sourcing labels a sentence that is
# only this and its dash a dateline)
DATELINE_HEAD = (
    r"^(?:(?P<caps>[A-Z][A-Z .'’-]{1,40}?)|[A-Z][A-Za-z .'’-]{1,40}?)(?:,\s*[A-Z][A-Za-z.]{1,20}(?=\s*[,(–—-]))?"
    r"(?P<date>,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*(?P<wire>\([^)\n]{1,40}\))?"
)
_DATELINE = re.compile(DATELINE_HEAD + r"\s*[-–—]+\s+(?=[A-Z])", re.MULTILINE)


def _split_glued(doc) -> None:
    """`it”said` -> `it` `”` `said`, `said,“Look` -> `said` `,` `“` `Look`, `said,"Look` -> `said`
    `,` `"` `Look` (only where the text glues a quote mark to words; a comma, colon or semicolon
    before the mark is split off too, and a dash on either side: `said—“Look`, `”—and`)."""
    todo = []
    for tok in doc:
        t = tok.text
        m = _GLUED_WORDS.match(t)
        if m and m.group(2).lower() in _GLUED_SECOND and not (tok.i and doc[tok.i - 1].text in ("#", "@")):
            todo.append((tok, [m.group(1), m.group(2)]))  # "Olaf ScholzSaid that …": a lost space
            continue
        if len(t) > 1 and _GLUE.search(t) and any(ch.isalpha() for ch in t):
            parts = [p for p in re.split(r"([“”„«»\"])", t) if p]
            parts = [q for p in parts for q in (re.split(r"(?<=\w)([,;:—–]+)$|^([—–]+)(?=\w)", p) if len(p) > 1 else [p]) if q]
            if len(parts) > 1:
                todo.append((tok, parts))
    if not todo:
        return
    with doc.retokenize() as retok:
        for tok, parts in todo:
            heads = [(tok, k) for k in range(len(parts))]  # each its own head: no arc for the parser to keep
            retok.split(tok, parts, heads=heads)


@Language.component("sourcelight_unglue")
def unglue_quote_marks(doc):
    """First in the pipeline, before any tagging: split words glued to a curly quote mark."""
    try:
        _split_glued(doc)
    except Exception:  # pragma: no cover - retokenizing is best effort
        pass
    return doc


_BREAK = re.compile(r"\n\s*(?=\S)")
_MARK = re.compile(r"''|``|[“”„«»\"]")
# titles written with a full stop that ends no sentence ("the Rev.⏎David W. Dockery", "Mr. Trump asked")
TITLE_ABBREVIATIONS = "Rev|Dr|Mr|Mrs|Ms|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Prof|Pres|Msgr|Fr"
_TITLE_AT_LINE_END = re.compile(rf"\b(?:{TITLE_ABBREVIATIONS})\.[ \t]*\n[ \t]*$")


@Language.component("sourcelight_paragraphs")
def mark_paragraphs(doc):
    """Start a sentence at the first non-space token after any line break (and see the module notes).

    Only tokens next to a line break or a curly quote mark are looked at, found from the text,
    and the marks are written in one array (setting `is_sent_start` token by token re-checks
    the whole doc each time).
    """
    text = doc.text
    n = len(doc)
    if not n or doc.has_annotation("DEP"):
        return doc
    starts = doc.to_array("IDX").tolist()
    marks = doc.to_array(SENT_START).astype("int32")
    changed = False

    def token_at(char: int) -> int:
        k = bisect.bisect_left(starts, char)
        return k if k < n and starts[k] == char else -1

    def is_space(k: int) -> bool:
        return text[starts[k] : starts[k] + 1].isspace()

    # quote marks first: never start a sentence right after an opening mark, on a closing mark,
    # or on the lower-case attribution after `,”` (`,” he said`); line breaks below win over these
    for m in _MARK.finditer(text):
        k = token_at(m.start())
        if k < 0:
            continue
        ch = m.group()
        doubled = ch in ("''", "``")  # wire and archive copy: ''Yes,'' he said.
        if ch in ('"', "''"):
            i = m.start()
            before = text[i - 1] if i else " "
            after = text[i + len(ch)] if i + len(ch) < len(text) else " "
            ch = "“" if before.isspace() or before in "([{—–-" else "”" if after.isspace() or not after.isalnum() else ""
        elif ch == "``":
            ch = "“"
        if ch in _OPENERS:
            if k + 1 < n and not is_space(k + 1):
                marks[k + 1] = -1
                changed = True
            # `… said. ''I assume …`: the parser would leave a doubled opening mark on the
            # sentence before; it opens the next one
            if doubled and k > 0 and re.search(r"[.!?]\s+$", text[max(0, m.start() - 3) : m.start()]):
                marks[k] = 1
        elif ch in _CLOSERS and k > 0:
            marks[k] = -1
            changed = True
            if k + 1 < n and text[starts[k - 1]] in ",?!" and text[starts[k + 1] : starts[k + 1] + 1].islower():
                marks[k + 1] = -1
    breaks = [0] + [m.end() for m in _BREAK.finditer(text)]
    for pos in breaks:
        k = token_at(pos)
        if k < 0:
            continue
        if _TITLE_AT_LINE_END.search(text, max(0, pos - 12), pos) and text[pos : pos + 1].isupper():
            # "… said the Rev.⏎David W. Dockery": a line broken after a title, not a new sentence
            marks[k] = -1
            changed = True
            continue
        marks[k] = 1
        changed = True
        # a dateline is a sentence of its own
        m = _DATELINE.match(text, pos, min(len(text), pos + 90))
        if m and "\n" not in m.group(0) and (m.group("caps") or m.group("date") or m.group("wire")):
            j = token_at(m.end())
            if j > 0:
                marks[j] = 1
                for i in range(k + 1, j):
                    marks[i] = -1  # "WASHINGTON —" stays whole: the parser may not split it
    if changed:
        marks[0] = 1
        doc.from_array([SENT_START], marks.astype("int64").astype("uint64").reshape(-1, 1))
    return doc
