"""Attributed direct quotations and their speakers (ANNOTATION_GUIDE §1).

Registered as the spaCy component `sourcelight_quotes`; sets `doc._.sl_quotes`,
a list of `Span(kind="quote")` with offsets into `doc.text`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

if not Doc.has_extension("sl_quotes"):
    Doc.set_extension("sl_quotes", default=None)


@Language.component("sourcelight_quotes")
def find_quotes(doc):
    doc._.sl_quotes = []  # placeholder until the detector lands
    return doc
