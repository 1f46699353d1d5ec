"""Emotive or loaded phrasing (ANNOTATION_GUIDE §3), from lexicons in `resources/`.

Registered as the spaCy component `sourcelight_emotive` (after `sourcelight_quotes`, whose
spans it skips); sets `doc._.sl_emotive`, a list of `Span(kind="emotive")`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

if not Doc.has_extension("sl_emotive"):
    Doc.set_extension("sl_emotive", default=None)


@Language.component("sourcelight_emotive")
def find_emotive(doc):
    doc._.sl_emotive = []  # placeholder until the detector lands
    return doc
