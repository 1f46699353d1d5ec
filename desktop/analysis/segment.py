"""News-aware sentence boundaries: a line break always ends a sentence.

Registered as the spaCy component `sourcelight_paragraphs`, placed before the parser
(or after the sentencizer in the rule-only pipeline) so that paragraphs, headlines and
bylines never run into each other.
"""

from __future__ import annotations

from spacy.language import Language


@Language.component("sourcelight_paragraphs")
def mark_paragraphs(doc):
    """Start a sentence at the first non-space token after any line break."""
    after_break = True
    for token in doc:
        if after_break and not token.is_space:
            token.is_sent_start = True
            after_break = False
        if "\n" in token.text or "\n" in token.whitespace_:
            after_break = True
    return doc
