"""What an export is made of, without Qt: `ExportItem`, `ExportOptions` and the rules for what is drawn."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from datetime import datetime, timezone

from desktop.analysis.model import Analysis, Profile, Span
from desktop.documents.model import Article
from desktop.layers import LAYER_BY_KEY, LAYER_KEYS, USER_TAG_BY_KEY, USER_TAGS
from desktop.store.model import Highlight

PAGE_SIZES = ("A4", "Letter")


class ExportError(Exception):
    """An export could not be written; the message is one line for the user."""


@dataclass(frozen=True)
class ExportItem:
    """One article to export: its text and metadata, what the analysis found, and the user's own marks.

    `dismissed` and `confirmed` hold (kind, start, end) of detector spans the user judged; dismissed
    spans are not drawn, counted or exported. `highlights` are personal highlights (tag 1–5) whose
    offsets are into `article.text`; any that no longer match the text are listed as orphans.
    """

    article: Article
    analysis: Analysis
    layers: frozenset[str] = frozenset(LAYER_KEYS)
    highlights: tuple[Highlight, ...] | list[Highlight] = ()
    article_note: str = ""
    dismissed: frozenset[tuple[str, int, int]] | set[tuple[str, int, int]] = frozenset()
    confirmed: frozenset[tuple[str, int, int]] | set[tuple[str, int, int]] = frozenset()
    tag_names: dict[str, str] | None = None  # the user's names for tags 1–5 (None: the defaults)

    @property
    def title(self) -> str:
        return self.article.display_title

    def tag_name(self, key: str) -> str:
        if self.tag_names and self.tag_names.get(key):
            return self.tag_names[key]
        return USER_TAG_BY_KEY[key].name if key in USER_TAG_BY_KEY else "Highlight"


@dataclass(frozen=True)
class ExportOptions:
    """How to export: page size ("A4", "Letter" or None for the locale's), the "why" appendix, notes, layers."""

    page_size: str | None = None
    why: bool = False
    notes: bool = True  # include personal highlights, their notes and the article note
    layers: frozenset[str] | None = None  # None: each item's own layers
    exported_at: datetime | None = None  # None: now

    def export_time(self) -> datetime:
        """When the export was made, in the user's time zone (shown in the title block)."""
        return self.exported_at or datetime.now(timezone.utc).astimezone()


def parse_layers(value: str | None) -> frozenset[str]:
    """`quote,unsourced` → frozenset; raises ExportError naming the unknown layer and the valid ones."""
    if value is None or not value.strip():
        return frozenset(LAYER_KEYS)
    keys = [part.strip().lower() for part in value.split(",") if part.strip()]
    unknown = [k for k in keys if k not in LAYER_BY_KEY]
    if unknown:
        raise ExportError(f"unknown layer {unknown[0]!r}; choose from {', '.join(LAYER_KEYS)}")
    return frozenset(keys)


@dataclass(frozen=True)
class PlacedHighlight:
    """A personal highlight found in the text, with its note number (0: no note) and tag name."""

    highlight: Highlight
    start: int
    end: int
    number: int = 0
    name: str = ""

    @property
    def tag(self):
        return USER_TAG_BY_KEY.get(self.highlight.tag, USER_TAGS[0])


@dataclass(frozen=True)
class Prepared:
    """An `ExportItem` reduced to exactly what the PDF shows."""

    item: ExportItem
    kept: tuple[Span, ...]  # every detector span the user did not dismiss (what the summary counts)
    spans: tuple[Span, ...]  # visible detector spans, not dismissed, in text order
    highlights: tuple[PlacedHighlight, ...]  # anchored personal highlights, in text order
    orphans: tuple[Highlight, ...]  # highlights whose passage is no longer in the text
    article_note: str
    profile: Profile  # recomputed without dismissed spans
    layer_counts: dict[str, int]
    hidden_layers: tuple[str, ...]
    dismissed_count: int = 0

    @property
    def notes(self) -> list[PlacedHighlight]:
        return [h for h in self.highlights if h.number]


def _locate(text: str, highlight: Highlight) -> tuple[int, int] | None:
    """Where the highlight's passage is in `text` now: its offsets if they still hold, else the nearest copy."""
    a = highlight.anchor
    if 0 <= a.start < a.end <= len(text) and (not a.exact or text[a.start : a.end] == a.exact):
        return a.start, a.end
    if not a.exact:
        return None
    hits = [m.start() for m in re.finditer(re.escape(a.exact), text)]
    if not hits:
        return None
    if a.prefix:
        with_prefix = [h for h in hits if text[max(0, h - len(a.prefix)) : h].endswith(a.prefix[-16:])]
        hits = with_prefix or hits
    best = min(hits, key=lambda h: abs(h - a.start))
    return best, best + len(a.exact)


def _profile_without(analysis: Analysis, spans: list[Span]) -> Profile:
    if len(spans) == len(analysis.spans):
        return analysis.profile
    from desktop.analysis.analyzer import build_profile

    return build_profile(analysis.text, spans)


def prepare(item: ExportItem, options: ExportOptions | None = None) -> Prepared:
    """Apply layers, verdicts and the notes option: what is drawn, counted and exported."""
    options = options or ExportOptions()
    layers = options.layers if options.layers is not None else item.layers
    dismissed = set(item.dismissed)
    kept = [s for s in item.analysis.spans if (s.kind, s.start, s.end) not in dismissed]
    visible = tuple(s for s in kept if s.layer is not None and s.layer in layers)
    counts = {key: 0 for key in LAYER_KEYS if key in layers}
    for s in visible:
        counts[s.layer] += 1
    placed: list[PlacedHighlight] = []
    orphans: list[Highlight] = []
    if options.notes:
        text = item.analysis.text
        for h in item.highlights:
            where = None if h.orphan else _locate(text, h)
            if where is None:
                orphans.append(h)
            else:
                placed.append(PlacedHighlight(h, *where, name=item.tag_name(h.tag)))
        placed.sort(key=lambda p: (p.start, p.end))
        number = 0
        numbered = []
        for p in placed:
            if p.highlight.note.strip():
                number += 1
                p = replace(p, number=number)
            numbered.append(p)
        placed = numbered
    return Prepared(
        item=item,
        kept=tuple(kept),
        spans=visible,
        highlights=tuple(placed),
        orphans=tuple(o for o in orphans if o.note.strip() or o.anchor.exact),
        article_note=item.article_note.strip() if options.notes else "",
        profile=_profile_without(item.analysis, kept),
        layer_counts=counts,
        hidden_layers=tuple(k for k in LAYER_KEYS if k not in layers),
        dismissed_count=len(item.analysis.spans) - len(kept),
    )


def speaker_counts(spans) -> list[tuple[str, int]]:
    """(speaker, number of quotes), most quoted first."""
    counts: dict[str, int] = {}
    for s in spans:
        if s.kind == "quote":
            name = s.speaker or "unknown speaker"
            counts[name] = counts.get(name, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].lower()))


def excerpt(text: str, start: int, end: int, limit: int = 140) -> str:
    """The passage on one line, shortened in the middle when long."""
    s = " ".join(text[start:end].split())
    if len(s) <= limit:
        return s
    half = (limit - 3) // 2
    return s[:half].rstrip() + " … " + s[-half:].lstrip()


def reading_ease_words(score: float) -> str:
    """Flesch reading ease in words (the usual bands)."""
    bands = ((90, "very easy"), (80, "easy"), (70, "fairly easy"), (60, "plain English"),
             (50, "fairly difficult"), (30, "difficult"))
    for floor, words in bands:
        if score >= floor:
            return words
    return "very difficult"


_SLUG = re.compile(r"[^\w\-]+", re.UNICODE)


def file_stem(item: ExportItem, index: int) -> str:
    """A file name (no suffix) for one article in a folder export: its title, made safe."""
    name = item.article.title or (item.article.path.rsplit("/", 1)[-1].rsplit(".", 1)[0] if item.article.path else "")
    name = name or item.title
    slug = _SLUG.sub("-", name).strip("-_.")[:80].rstrip("-_.")
    return slug or f"article-{index + 1}"


class OffsetMap:
    """Python str offsets → positions in a Qt text document (UTF-16 units, plus inserted note markers)."""

    def __init__(self, text: str, base: int = 0):
        self.base = base
        wide = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if _NON_BMP.search(text) else []
        self._wide = wide  # code-point offsets of characters that take two UTF-16 units
        self._ins_at: list[int] = []  # article offsets where markers were inserted (sorted)
        self._ins_cum: list[int] = []  # cumulative inserted length up to and including that marker

    def insert(self, offset: int, length: int) -> None:
        """Record `length` extra units inserted before the character at `offset` (call in text order)."""
        total = (self._ins_cum[-1] if self._ins_cum else 0) + length
        self._ins_at.append(offset)
        self._ins_cum.append(total)

    def _utf16(self, offset: int) -> int:
        return offset + bisect.bisect_left(self._wide, offset) if self._wide else offset

    def start(self, offset: int) -> int:
        """Document position of a span starting at `offset` (after markers inserted there)."""
        i = bisect.bisect_right(self._ins_at, offset)
        return self.base + self._utf16(offset) + (self._ins_cum[i - 1] if i else 0)

    def end(self, offset: int) -> int:
        """Document position of a span ending at `offset` (before markers inserted there)."""
        i = bisect.bisect_left(self._ins_at, offset)
        return self.base + self._utf16(offset) + (self._ins_cum[i - 1] if i else 0)


_NON_BMP = re.compile("[\U00010000-\U0010FFFF]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def printable(text: str) -> str:
    """The text with the same length, line ends as `\\n` and control characters as spaces."""
    text = text.replace("\r\n", " \n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return _CONTROL.sub(" ", text)


def item_from_library(library, article: Article, analysis: Analysis, layers=frozenset(LAYER_KEYS)) -> ExportItem:
    """The export item for `article`, with its highlights, note, verdicts and corrected metadata when the
    library knows it (found by path, then URL, then text). `library` is a `desktop.store.library.Library`."""
    item = ExportItem(article, analysis, frozenset(layers))
    if library is None:
        return item
    article_id = None
    if article.path and article.path != "-":
        from pathlib import Path

        for candidate in dict.fromkeys((str(Path(article.path).expanduser().resolve()), article.path)):
            article_id = library.find_article(path=candidate)
            if article_id is not None:
                break
    if article_id is None and article.url:
        article_id = library.find_article(url=article.url)
    if article_id is None:
        article_id = library.find_article(text_hash=article.text_hash)
    if article_id is None:
        return item
    return item_from_library_id(library, article_id, article, analysis, layers)


def item_from_library_id(library, article_id: int, article: Article, analysis: Analysis, layers=frozenset(LAYER_KEYS)) -> ExportItem:
    """The export item for a library article whose id is known (the reader window's case)."""
    item = ExportItem(article, analysis, frozenset(layers))
    stored = library.get_article(article_id)
    meta = {k: getattr(stored, k) for k in ("title", "outlet", "author", "date") if getattr(stored, k)}
    confirmed = {
        (v.kind, v.anchor.start, v.anchor.end)
        for v in library.verdicts(article_id)
        if v.verdict == "confirmed" and not v.orphan
    }
    return replace(
        item,
        article=replace(article, **meta),
        highlights=tuple(library.highlights(article_id)),
        article_note=library.article_note(article_id) or "",
        dismissed=frozenset(library.dismissed_spans(article_id, analysis.spans)),
        confirmed=frozenset(confirmed),
        tag_names=dict(library.tag_names()) if hasattr(library, "tag_names") else None,
    )
