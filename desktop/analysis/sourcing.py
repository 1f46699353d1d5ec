"""One sourcing label for every sentence of the body (ANNOTATION_GUIDE §2).

Registered as the spaCy component `sourcelight_sourcing` (after `sourcelight_quotes`);
sets `doc._.sl_sentences`, a list of `Span(kind="sentence")` covering every sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from desktop.analysis.model import Span

if not Doc.has_extension("sl_sentences"):
    Doc.set_extension("sl_sentences", default=None)


@Language.component("sourcelight_sourcing")
def label_sentences(doc):
    out = []
    for sent in doc.sents:
        text = sent.text.strip()
        if not text:
            continue
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        end = start + len(text)
        out.append(Span("sentence", start, end, why="placeholder", label="unsourced"))
    doc._.sl_sentences = out
    return doc
