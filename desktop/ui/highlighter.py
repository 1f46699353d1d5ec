"""Paints precomputed spans into a text document: one palette table, layers toggled without re-analysis.

Spans become non-overlapping segments (each carrying the set of layers active there); each
segment gets one merged `QTextCharFormat` so overlapping layers stay visible together: the
sentence layer's fill AND the emotive wave underline. Formats go into each block's
`QTextLayout` as `FormatRange`s (no QSyntaxHighlighter, the text itself is never changed),
the visible blocks first, the rest in small time-boxed steps so the GUI never stalls.
"""

from __future__ import annotations

import bisect
import time
from dataclasses import dataclass
from typing import Iterable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QPlainTextEdit

from desktop.layers import LAYER_BY_KEY, LAYER_KEYS, USER_TAG_BY_KEY

UNDERLINES = {
    "solid_underline": QTextCharFormat.UnderlineStyle.SingleUnderline,
    "dash_underline": QTextCharFormat.UnderlineStyle.DashUnderline,
    "dot_underline": QTextCharFormat.UnderlineStyle.DotLine,
    "wave_underline": QTextCharFormat.UnderlineStyle.WaveUnderline,
}
# which layer's fill wins where layers overlap (most specific first); the emotive layer
# never fills, it only adds its wave underline
FILL_ORDER = ("quote", "vague", "unsourced")
UNDERLINE_ORDER = ("emotive", "quote", "vague", "unsourced")
STEP_BUDGET = 0.008  # seconds of painting per event-loop turn


def qcolor(hex_color: str) -> QColor:
    """#RRGGBB or #AARRGGBB as a QColor (Qt reads #AARRGGBB natively)."""
    return QColor(hex_color)


@dataclass(frozen=True)
class Mark:
    """Something to paint: a detector layer or a user highlight tag ("user:1")."""

    start: int
    end: int
    layer: str


def segments(marks: Iterable[Mark]) -> list[tuple[int, int, frozenset[str]]]:
    """Cut overlapping marks into sorted, non-overlapping (start, end, layers) pieces."""
    events: list[tuple[int, int, str]] = []
    for m in marks:
        if m.end > m.start:
            events.append((m.start, 1, m.layer))
            events.append((m.end, -1, m.layer))
    if not events:
        return []
    events.sort(key=lambda e: (e[0], e[1]))
    active: dict[str, int] = {}
    out: list[tuple[int, int, frozenset[str]]] = []
    pos = events[0][0]
    i = 0
    n = len(events)
    while i < n:
        at = events[i][0]
        if at > pos and active:
            out.append((pos, at, frozenset(active)))
        while i < n and events[i][0] == at:
            _, delta, layer = events[i]
            count = active.get(layer, 0) + delta
            if count > 0:
                active[layer] = count
            else:
                active.pop(layer, None)
            i += 1
        pos = at
    return out


class Palette:
    """Merged char formats per combination of layers, for a light or a dark page."""

    def __init__(self, dark: bool = False):
        self.dark = dark
        self._formats: dict[frozenset[str], QTextCharFormat] = {}

    def fill(self, layer: str) -> QColor:
        if layer.startswith("user:"):
            tag = USER_TAG_BY_KEY.get(layer[5:])
            color = QColor(tag.color if tag else "#F0E442")
            color.setAlpha(150 if self.dark else 130)
            return color
        spec = LAYER_BY_KEY[layer]
        return qcolor(spec.background_dark if self.dark else spec.background_light)

    def format(self, layers: frozenset[str]) -> QTextCharFormat:
        fmt = self._formats.get(layers)
        if fmt is not None:
            return fmt
        fmt = QTextCharFormat()
        user = sorted(layer for layer in layers if layer.startswith("user:"))
        if user:
            # the user's own highlight: its tag colour as a fill plus an overline, a cue no detector uses
            fill = self.fill(user[-1])
            fmt.setBackground(fill)
            fmt.setFontOverline(True)
            if self.dark:
                solid = QColor(fill)
                solid.setAlpha(255)
                fmt.setBackground(solid)
                fmt.setForeground(QColor("#111111") if solid.lightnessF() > 0.55 else QColor("#ffffff"))
        else:
            for layer in FILL_ORDER:
                if layer in layers:
                    fill = self.fill(layer)
                    if fill.alpha():
                        fmt.setBackground(fill)
                    break
        for layer in UNDERLINE_ORDER:
            if layer in layers:
                spec = LAYER_BY_KEY[layer]
                fmt.setUnderlineStyle(UNDERLINES.get(spec.cue, QTextCharFormat.UnderlineStyle.SingleUnderline))
                fmt.setUnderlineColor(qcolor(spec.color))
                break
        if not user:
            # a layer without a fill (emotive) also colours its words, so a thin wave under a
            # filled sentence is not the only thing that shows it
            for layer in UNDERLINE_ORDER:
                spec = LAYER_BY_KEY[layer]
                text = spec.text_dark if self.dark else spec.text_light
                if layer in layers and text:
                    fmt.setForeground(QColor(text))
                    break
        fmt.setProperty(QTextCharFormat.Property.UserProperty + 1, ",".join(sorted(layers)))
        self._formats[layers] = fmt
        return fmt


def layers_of(fmt: QTextCharFormat) -> set[str]:
    """The layer keys a painted format stands for (what tests and tooltips read back)."""
    value = fmt.property(QTextCharFormat.Property.UserProperty + 1)
    return set(value.split(",")) if value else set()


@dataclass
class Prepared:
    """Everything the pane needs to paint and list an analysis, computed once (off the GUI thread when long)."""

    spans: list  # detector spans the user did not dismiss, by start offset
    starts: list[int]
    max_len: int
    segments: list[tuple[int, int, frozenset[str]]]  # every layer (and user highlight), toggles applied at paint time
    counts: dict[str, int]


def prepare(analysis, dismissed: frozenset | set = frozenset(), user_marks: Iterable[Mark] = ()) -> Prepared:
    """Pure Python, no Qt objects: safe on a worker thread."""
    spans = []
    marks = []
    counts = {key: 0 for key in LAYER_KEYS}
    if analysis is not None:
        for s in analysis.spans:
            if (s.kind, s.start, s.end) in dismissed:
                continue
            spans.append(s)
            layer = s.layer
            if layer:
                counts[layer] += 1
                marks.append(Mark(s.start, s.end, layer))
    marks.extend(user_marks)
    spans.sort(key=lambda s: s.start)
    return Prepared(
        spans=spans,
        starts=[s.start for s in spans],
        max_len=max((s.end - s.start for s in spans), default=0),
        segments=segments(marks),
        counts=counts,
    )


class DocumentPainter(QObject):
    """Applies segments to a QPlainTextEdit's blocks, visible part first, without blocking the GUI."""

    painted = Signal()  # every block has its formats

    def __init__(self, editor: QPlainTextEdit, palette: Palette):
        super().__init__(editor)
        self._editor = editor
        self.palette = palette
        self._segments: list[tuple[int, int, frozenset[str]]] = []
        self._starts: list[int] = []
        self._enabled: frozenset[str] | None = None  # None: everything
        self._queue: list[int] = []  # block numbers still to paint (popped from the end)
        self._painted_blocks: set[int] = set()
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)
        self.done = True

    def reset(self) -> None:
        """The document's text was replaced: nothing of ours is painted any more."""
        self._timer.stop()
        self._queue = []
        self._painted_blocks.clear()
        self._segments = []
        self._starts = []
        self.done = True

    def set_palette(self, palette: Palette) -> None:
        self.palette = palette
        self._schedule()

    def paint(self, segs: list[tuple[int, int, frozenset[str]]], enabled: Iterable[str] | None = None) -> None:
        """Replace everything painted with `segs` (visible blocks now, the rest progressively)."""
        self._segments = segs
        self._starts = [s[0] for s in segs]
        if enabled is not None:
            self._enabled = frozenset(enabled)
        self._schedule()

    def set_enabled(self, enabled: Iterable[str]) -> None:
        """Layer toggles: repaint from the same segments (no re-analysis, nothing recomputed)."""
        self._enabled = frozenset(enabled)
        self._schedule()

    def _schedule(self) -> None:
        doc = self._editor.document()
        total = doc.blockCount()
        first = self._editor.firstVisibleBlock().blockNumber() if total else 0
        first = max(0, first)
        line = max(1, self._editor.fontMetrics().height())
        last = first
        block = doc.findBlockByNumber(first)
        height = 0.0
        view = self._editor.viewport().height()
        while block.isValid() and height < view + line:
            height += max(line, self._editor.blockBoundingRect(block).height())
            last = block.blockNumber()
            block = block.next()
        near = list(range(first, last + 1))
        # then the blocks below the visible part, then those above it (popped from the end)
        self._queue = list(range(first - 1, -1, -1)) + list(range(total - 1, last, -1))
        self.done = False
        self._paint_blocks(near)
        if self._queue:
            self._timer.start()
        else:
            self._finish()

    def _step(self) -> None:
        deadline = time.perf_counter() + STEP_BUDGET
        while self._queue and time.perf_counter() < deadline:
            batch = self._queue[-64:]
            del self._queue[-64:]
            batch.reverse()
            self._paint_blocks(batch)
        if not self._queue:
            self._timer.stop()
            self._finish()

    def flush(self) -> None:
        """Paint everything left now (tests, screenshots, export of what is shown)."""
        self._timer.stop()
        blocks = list(reversed(self._queue))
        self._queue = []
        self._paint_blocks(blocks)
        self._finish()

    def _finish(self) -> None:
        if not self.done:
            self.done = True
            self.painted.emit()

    def _ranges(self, pos: int, length: int) -> list:
        out = []
        if not self._segments:
            return out
        end = pos + length
        i = bisect.bisect_right(self._starts, pos) - 1
        if i < 0:
            i = 0
        segs = self._segments
        enabled = self._enabled
        while i < len(segs):
            s, e, layers = segs[i]
            if s >= end:
                break
            if e > pos:
                if enabled is not None:
                    layers = frozenset(layer for layer in layers if layer in enabled or layer.startswith("user:"))
                if layers:
                    r = QTextLayout.FormatRange()
                    r.start = max(s, pos) - pos
                    r.length = min(e, end) - max(s, pos)
                    r.format = self.palette.format(layers)
                    out.append(r)
            i += 1
        return out

    def _paint_blocks(self, numbers: list[int]) -> None:
        if not numbers:
            return
        doc = self._editor.document()
        lo = hi = None
        for n in numbers:
            block = doc.findBlockByNumber(n)
            if not block.isValid():
                continue
            ranges = self._ranges(block.position(), block.length())
            if not ranges and n not in self._painted_blocks:
                continue
            block.layout().setFormats(ranges)
            if ranges:
                self._painted_blocks.add(n)
            else:
                self._painted_blocks.discard(n)
            p0, p1 = block.position(), block.position() + block.length()
            lo = p0 if lo is None else min(lo, p0)
            hi = p1 if hi is None else max(hi, p1)
        if lo is not None:
            doc.markContentsDirty(lo, hi - lo)

    def format_at(self, offset: int) -> QTextCharFormat | None:
        """The painted format at a character offset (None: nothing painted there)."""
        block = self._editor.document().findBlock(offset)
        if not block.isValid():
            return None
        rel = offset - block.position()
        for r in block.layout().formats():
            if r.start <= rel < r.start + r.length:
                return QTextCharFormat(r.format)
        return None

    def clear(self) -> None:
        self.paint([])


def known_layers() -> tuple[str, ...]:
    return LAYER_KEYS
