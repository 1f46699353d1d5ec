"""The highlighted PDF: QTextDocument lays each article out, QPdfWriter paints the pages, pypdf adds annotations."""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QLocale, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPalette,
    QPdfWriter,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)

from desktop import __version__
from desktop.export.annotate import PdfHighlight, finish_pdf
from desktop.export.files import atomic_write, check_target
from desktop.export.model import (
    ExportError,
    ExportItem,
    ExportOptions,
    OffsetMap,
    PlacedHighlight,
    Prepared,
    excerpt,
    file_stem,
    prepare,
    printable,
    reading_ease_words,
    speaker_counts,
)
from desktop.layers import LAYER_BY_KEY, LAYER_KEYS, LAYERS, USER_TAGS

RES = 300  # device pixels per inch of the PDF writer; the text layout uses the same units
INK = "#1A1A1A"
MUTED = "#555555"
RULE = "#9A9A9A"
NOTE_FILL = "#FFF8DC"
NOTE_BORDER = "#C8B45A"
SERIF = ["Source Serif 4", "Georgia", "Cambria", "Charter", "Times New Roman", "DejaVu Serif", "Liberation Serif", "serif"]
SANS = ["Source Sans 3", "Helvetica Neue", "Segoe UI", "Arial", "DejaVu Sans", "Liberation Sans", "sans-serif"]
LETTER_TERRITORIES = {"UnitedStates", "Canada", "Mexico", "Chile", "Colombia", "Venezuela", "Philippines", "PuertoRico"}

_app = None




def pt(points: float) -> float:
    """Points → device pixels of the writer (and of the text layout)."""
    return points * RES / 72.0


def css(points: float) -> float:
    """Points → the 96-dpi pixels Qt uses for frame and table borders, padding and margins (it scales them to the device)."""
    return points * 96.0 / 72.0


def mm(millimetres: float) -> float:
    return millimetres / 25.4 * RES


def ensure_gui_app():
    """A QGuiApplication (fonts need one). Headless when there is no display, decided before it is created."""
    global _app
    app = QGuiApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = app = QGuiApplication([sys.argv[0] if sys.argv and sys.argv[0] else "sourcelight"])
    return app


def _territory_name(locale: QLocale) -> str:
    return locale.territory().name if hasattr(locale.territory(), "name") else str(locale.territory())


def default_page_size() -> str:
    """Letter for the US, Canada and the other Letter countries, else A4; LC_PAPER / LC_ALL win over the UI locale."""
    for var in ("LC_ALL", "LC_PAPER"):
        value = os.environ.get(var, "").split(".", 1)[0]
        if value and value not in ("C", "POSIX"):
            return "Letter" if _territory_name(QLocale(value)) in LETTER_TERRITORIES else "A4"
    return "Letter" if _territory_name(QLocale.system()) in LETTER_TERRITORIES else "A4"


def _no_ligatures(font: QFont) -> None:
    """Ligature glyphs ("ﬁ", "ﬀ") make copied and searched text differ from the article; draw letters apart."""
    if hasattr(font, "setFeature") and hasattr(QFont, "Tag"):
        for tag in ("liga", "clig"):
            font.setFeature(QFont.Tag(tag), 0)


def _no_ligatures_fmt(fmt: QTextCharFormat) -> None:
    if hasattr(fmt, "setFontFeatures") and hasattr(QFont, "Tag"):
        fmt.setFontFeatures({QFont.Tag("liga"): 0, QFont.Tag("clig"): 0})


def _color(value: str) -> QColor:
    return QColor(value)  # "#RRGGBB" or "#AARRGGBB"


def _over_white(colors: Sequence[QColor]) -> QColor:
    """Translucent fills composed over white paper, as one opaque colour."""
    r = g = b = 255.0
    for c in colors:
        a = c.alphaF()
        r, g, b = (c.red() * a + r * (1 - a), c.green() * a + g * (1 - a), c.blue() * a + b * (1 - a))
    return QColor(round(r), round(g), round(b))


_UNDERLINES = {
    "solid_underline": QTextCharFormat.UnderlineStyle.SingleUnderline,
    "dash_underline": QTextCharFormat.UnderlineStyle.DashUnderline,
    "dot_underline": QTextCharFormat.UnderlineStyle.DotLine,
    "wave_underline": QTextCharFormat.UnderlineStyle.WaveUnderline,
    "box": QTextCharFormat.UnderlineStyle.SingleUnderline,
}
# Qt draws a wave underline as a tiled bitmap; we paint it ourselves as a vector path in the layer's colour.
VECTOR_CUES = {"wave_underline"}


class _Formats:
    """Char formats for every combination of layers and tags, built once per export (the palette is `desktop.layers`)."""

    def __init__(self):
        self._cache: dict = {}

    def span(self, layers: frozenset[str], inner: str | None, tag: str | None) -> QTextCharFormat:
        key = (layers, inner, tag)
        fmt = self._cache.get(key)
        if fmt is not None:
            return fmt
        fmt = QTextCharFormat()
        fmt.setForeground(_color(INK))
        if tag is not None:
            user = next((t for t in USER_TAGS if t.key == tag), USER_TAGS[0])
            fmt.setBackground(_color(user.color))
        elif layers:
            fills = [_color(LAYER_BY_KEY[k].background_light) for k in LAYER_KEYS if k in layers]
            fill = _over_white(fills)
            if fill != QColor("#FFFFFF"):
                fmt.setBackground(fill)
        for key in LAYER_KEYS:
            if key in layers and tag is None and LAYER_BY_KEY[key].text_light:
                fmt.setForeground(_color(LAYER_BY_KEY[key].text_light))
        if inner is not None:
            layer = LAYER_BY_KEY[inner]
            if layer.cue in VECTOR_CUES:
                pass  # painted as a vector path over the page (Qt would draw a bitmap)
            elif layer.cue == "bold":
                fmt.setFontWeight(QFont.Weight.Bold)
            else:
                fmt.setUnderlineStyle(_UNDERLINES.get(layer.cue, QTextCharFormat.UnderlineStyle.SingleUnderline))
                fmt.setUnderlineColor(_color(layer.color))
                if layer.cue == "box":
                    fmt.setFontOverline(True)
        self._cache[key] = fmt
        return fmt

    def layer_sample(self, key: str) -> QTextCharFormat:
        return self.span(frozenset([key]), key, None)

    def tag_sample(self, tag: str) -> QTextCharFormat:
        return self.span(frozenset(), None, tag)


@dataclass
class _Part:
    """One document that starts on a new page: a cover, an article's text and notes, or an appendix."""

    doc: QTextDocument
    pages: int = 0
    highlights: list = field(default_factory=list)  # (doc_start, doc_end, color, contents, subject, author)
    bars: list = field(default_factory=list)  # (doc_start, doc_end, color): user highlights' left border
    waves: list = field(default_factory=list)  # (doc_start, doc_end, color): wave underlines to paint


@dataclass
class _Section:
    """What one running header covers: the comparison, or one article."""

    header: str
    parts: list[_Part] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return sum(p.pages for p in self.parts)


class _Builder:
    """Writes one QTextDocument with a cursor; sizes in points, converted to device pixels."""

    def __init__(self, device, width: float, height: float):
        self.doc = QTextDocument()
        self.doc.documentLayout().setPaintDevice(device)
        self.doc.setDocumentMargin(0)
        self.doc.setPageSize(QSizeF(width, height))
        self.doc.setUndoRedoEnabled(False)
        body = QFont()
        body.setFamilies(SERIF)
        body.setStyleHint(QFont.StyleHint.Serif)
        body.setPointSizeF(10.5)
        _no_ligatures(body)
        self.doc.setDefaultFont(body)
        self.cursor = QTextCursor(self.doc)
        self.first_block = True

    # --- formats -------------------------------------------------------------------------
    @staticmethod
    def char(size: float | None = None, bold=False, italic=False, color=INK, sans=False, background=None) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if sans:
            fmt.setFontFamilies(SANS)
            fmt.setFontStyleHint(QFont.StyleHint.SansSerif)
            _no_ligatures_fmt(fmt)
        if size:
            fmt.setFontPointSize(size)
        if bold:
            fmt.setFontWeight(QFont.Weight.Bold)
        if italic:
            fmt.setFontItalic(True)
        fmt.setForeground(_color(color))
        if background:
            fmt.setBackground(_color(background))
        return fmt

    @staticmethod
    def block(top=0.0, bottom=3.0, indent=0.0, page_break=False, line_height=None, align=None) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setTopMargin(pt(top))
        fmt.setBottomMargin(pt(bottom))
        if indent:
            fmt.setLeftMargin(pt(indent))
        if page_break:
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        if line_height:
            fmt.setLineHeight(line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        if align is not None:
            fmt.setAlignment(align)
        return fmt

    # --- writing -------------------------------------------------------------------------
    def new_block(self, block: QTextBlockFormat, char: QTextCharFormat | None = None) -> None:
        char = char or self.char()
        if self.first_block:
            self.cursor.setBlockFormat(block)
            self.cursor.setBlockCharFormat(char)
            self.first_block = False
        else:
            self.cursor.insertBlock(block, char)

    def para(self, *runs, block: QTextBlockFormat | None = None) -> None:
        """A paragraph of (text, char format) runs, or plain strings."""
        self.new_block(block or self.block())
        self.runs(*runs)

    def runs(self, *runs) -> None:
        for run in runs:
            if isinstance(run, str):
                self.cursor.insertText(run, self.char())
            else:
                self.cursor.insertText(*run)

    def heading(self, text: str, page_break=False, size=13.0, top=14.0) -> None:
        self.para((text, self.char(size, bold=True, sans=True)), block=self.block(top=top, bottom=5, page_break=page_break))

    def rule(self) -> None:
        fmt = self.block(top=2, bottom=6)
        fmt.setProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth, QTextLength(QTextLength.Type.PercentageLength, 100))
        self.new_block(fmt, self.char(2))

    def boxed(self, paragraphs: list[list], fill: str, border: str) -> None:
        """Paragraphs (lists of runs) in a framed box."""
        fmt = QTextFrameFormat()
        fmt.setBorder(css(0.75))
        fmt.setBorderBrush(_color(border))
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setBackground(_color(fill))
        fmt.setPadding(css(6))
        fmt.setTopMargin(css(2))
        fmt.setBottomMargin(css(6))
        self.cursor.insertFrame(fmt)
        for i, runs in enumerate(paragraphs):
            if i:
                self.cursor.insertBlock(self.block(bottom=3), self.char())
            else:
                self.cursor.setBlockFormat(self.block(bottom=3))
            self.runs(*runs)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        self.first_block = True  # the empty block Qt leaves after a frame or table takes the next paragraph

    def table(self, rows: list[list], widths: list[float], header: bool = True, size: float = 9.0) -> None:
        """A table of cells; each cell is a string or a list of runs. `widths` are percentages."""
        if not rows:
            return
        fmt = QTextTableFormat()
        fmt.setBorder(css(0.5))
        fmt.setBorderBrush(_color("#AAAAAA"))
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setBorderCollapse(True)
        fmt.setCellPadding(css(3))
        fmt.setCellSpacing(0)
        fmt.setTopMargin(css(2))
        fmt.setBottomMargin(css(6))
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, w) for w in widths])
        table = self.cursor.insertTable(len(rows), len(widths), fmt)
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                cur = table.cellAt(r, c).firstCursorPosition()
                cur.setBlockFormat(self.block(bottom=0))
                runs = [cell] if isinstance(cell, str) else cell
                for run in runs:
                    if isinstance(run, str):
                        cur.insertText(run, self.char(size, sans=True, bold=header and r == 0))
                    else:
                        text, f = run
                        f = QTextCharFormat(f)
                        if not f.hasProperty(QTextFormat.Property.FontPointSize):
                            f.setFontPointSize(size)
                        cur.insertText(text, f)
                if header and r == 0:
                    table.cellAt(r, c).setFormat(self._header_cell())
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        self.first_block = True  # the empty block Qt leaves after a frame or table takes the next paragraph
        return table

    @staticmethod
    def _header_cell() -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setBackground(_color("#EEEEEE"))
        return fmt


# --- one article ---------------------------------------------------------------------------------


def _meta_line(article) -> str:
    author = article.author
    if author and not author.lower().startswith("by "):
        author = f"by {author}"
    parts = [p for p in (article.outlet, author, article.date) if p]
    return " · ".join(parts) if parts else "Outlet, author and date not known"


def _version_line(prep: Prepared, options: ExportOptions) -> str:
    a = prep.item.analysis
    when = options.export_time().strftime("%d %B %Y, %H:%M %Z").lstrip("0")
    model = a.model or "rules only (no spaCy model)"
    return f"Exported {when} with Sourcelight {__version__} · analyser {a.version}, model {model}"


def _percent(part: int, whole: int) -> str:
    return f"{part} ({100.0 * part / whole:.0f}%)" if whole else str(part)


def _summary_rows(prep: Prepared) -> list[list]:
    p = prep.profile
    r = prep.item.analysis.readability
    speakers = speaker_counts(prep.kept)
    rows = [
        ["Length", f"{p.words:,} words in {p.sentences} sentences ({p.claims} make a claim)"],
        ["Sourcing of claims", f"attributed {_percent(p.attributed, p.claims)} · vague {_percent(p.vague_source, p.claims)} · "
                               f"unsourced {_percent(p.unsourced, p.claims)} · not a claim {p.not_claim}"],
        ["Named vs vague sources", f"{len(p.named_sources)} named · {len(p.vague_sources)} vague"],
        ["Named sources", ", ".join(p.named_sources) or "none"],
        ["Vague sources", ", ".join(f"“{s}”" for s in p.vague_sources) or "none"],
        ["Quotes", f"{p.quotes} from {p.speakers} speaker{'s' if p.speakers != 1 else ''}"],
        ["Speakers (quotes)", ", ".join(f"{name} ({n})" for name, n in speakers) or "nobody is quoted"],
        ["Emotive phrasing", f"{p.emotive} phrase{'s' if p.emotive != 1 else ''} ({p.emotive_per_1000:.1f} per 1,000 words)"],
        ["Readability", f"Flesch reading ease {r.flesch_reading_ease:g} ({reading_ease_words(r.flesch_reading_ease)}), "
                        f"grade level {r.grade:g}"],
    ]
    return rows


def _why_text(span, text: str) -> str:
    parts = []
    if span.kind == "quote":
        parts.append(f"Speaker: {span.speaker or 'not identified'}" + (f" (cue: {span.cue})" if span.cue else ""))
    elif span.source:
        parts.append(f"Source: {span.source}")
    if span.why:
        parts.append(span.why)
    return ". ".join(p.rstrip(".") for p in parts) + ("." if parts else "")


class _ArticleSection:
    """Builds one article's document: title block, note, legend, summary, the text, notes, appendix."""

    def __init__(self, prep: Prepared, options: ExportOptions, device, width, height, formats: _Formats, first_page: int = 1):
        self.prep = prep
        self.options = options
        self.formats = formats
        self.device, self.width, self.height = device, width, height
        self.first_page = first_page  # printed number of this article's first page
        self.body_first_page = first_page
        self.section = _Section(prep.item.title)
        self.omap: OffsetMap | None = None
        self.b = _Builder(device, width, height)

    def _new_part(self) -> _Part:
        if self.section.parts:
            self.b = _Builder(self.device, self.width, self.height)
        part = _Part(self.b.doc)
        self.section.parts.append(part)
        return part

    def build(self) -> _Section:
        cover = self._new_part()
        b, prep = self.b, self.prep
        art = prep.item.article
        b.para(("SOURCELIGHT · HIGHLIGHTED ARTICLE", b.char(7.5, bold=True, sans=True, color=MUTED)), block=b.block(bottom=4))
        b.para((prep.item.title, b.char(19, bold=True)), block=b.block(bottom=5, line_height=112))
        b.para((_meta_line(art), b.char(10.5, sans=True)), block=b.block(bottom=2))
        source = art.url or art.path or "pasted text"
        b.para(("Source: ", b.char(8.5, sans=True, color=MUTED, bold=True)), (source, b.char(8.5, sans=True, color=MUTED)), block=b.block(bottom=2))
        b.para((_version_line(prep, self.options), b.char(8.5, sans=True, color=MUTED)), block=b.block(bottom=2))
        for warning in prep.item.analysis.warnings:
            b.para((f"Warning: {warning}", b.char(8.5, sans=True, color="#9C2F00")), block=b.block(bottom=2))
        b.rule()
        if prep.article_note:
            b.heading("Your note on this article", top=4)
            paras = [[(line, b.char(10))] for line in prep.article_note.splitlines() if line.strip()]
            b.boxed(paras, NOTE_FILL, NOTE_BORDER)
        self._legend()
        b.heading("Summary", top=8)
        b.table(_summary_rows(prep), [26, 74], header=False)
        cover.pages = cover.doc.pageCount()
        self.body_first_page = self.first_page + cover.pages
        self.body = body = self._new_part()
        self._article(body)
        # Pages are known once the text is laid out; the notes only append after it.
        body.doc.pageCount()
        self._notes()
        body.pages = body.doc.pageCount()
        if self.options.why:
            appendix = self._new_part()
            self._appendix()
            appendix.pages = appendix.doc.pageCount()
        return self.section

    def _legend(self):
        b, prep, f = self.b, self.prep, self.formats
        b.heading("Legend", top=8)
        rows = [["Looks like", "Layer", "What it marks", "Count"]]
        wavy: list[tuple[int, str]] = []
        for layer in LAYERS:
            if layer.key not in prep.layer_counts:
                continue
            if layer.cue in VECTOR_CUES:
                wavy.append((len(rows), layer.color))
            cue = layer.cue.replace("_", " ")
            rows.append([[("sample text", f.layer_sample(layer.key))], [(layer.title, b.char(bold=True, sans=True)), (f"\n{cue}", b.char(7.5, sans=True, color=MUTED))],
                         layer.description, str(prep.layer_counts[layer.key])])
        tag_counts: dict[str, int] = {}
        for h in prep.highlights:
            tag_counts[h.tag.key] = tag_counts.get(h.tag.key, 0) + 1
        for tag in USER_TAGS:
            if tag.key in tag_counts:
                rows.append([[("sample text", f.tag_sample(tag.key))], [(f"Your highlight: {prep.item.tag_name(tag.key)}", b.char(bold=True, sans=True)), ("\nsolid fill, bar at the left", b.char(7.5, sans=True, color=MUTED))],
                             "Marked by you in the reader; a number [n] points to your note", str(tag_counts[tag.key])])
        table = b.table(rows, [16, 27, 45, 12])
        for row, color in wavy:
            cell = table.cellAt(row, 0)
            self.section.parts[-1].waves.append((cell.firstPosition(), cell.lastPosition(), color))
        extra = []
        if prep.hidden_layers:
            extra.append("Not shown in this export: " + ", ".join(LAYER_BY_KEY[k].title for k in prep.hidden_layers) + ".")
        if prep.dismissed_count:
            n = prep.dismissed_count
            extra.append(f"{n} finding{'s' if n != 1 else ''} you dismissed {'are' if n != 1 else 'is'} left out and not counted.")
        if extra:
            b.para((" ".join(extra), b.char(8.5, sans=True, color=MUTED)), block=b.block(bottom=4))

    def _article(self, part: _Part):
        b, prep, f = self.b, self.prep, self.formats
        text = printable(prep.item.analysis.text)
        b.heading("The article", top=0)
        # blank lines between paragraphs become a small gap instead of a full empty line; the formats
        # are given as each block is made (changing them afterwards re-lays out the rest: quadratic)
        self._para_block, self._gap_block = b.block(bottom=2, line_height=125), b.block(bottom=0)
        self._gap_char = b.char(4)
        if _blank_line_at(text, 0):
            b.new_block(self._gap_block, self._gap_char)
        else:
            b.new_block(self._para_block, b.char())
        cursor = b.cursor
        omap = self.omap = OffsetMap(text, cursor.position())
        # (start, end, kind, key, length): kind 0 = detector layer, 1 = user tag
        marks = [(s.start, s.end, 0, s.layer, s.end - s.start) for s in prep.spans]
        marks += [(h.start, h.end, 1, h.tag.key, h.end - h.start) for h in prep.highlights]
        marks.sort()
        markers: dict[int, list[PlacedHighlight]] = {}
        for h in prep.highlights:
            if h.number:
                at = h.end
                while at > h.start + 1 and text[at - 1].isspace():
                    at -= 1  # the number goes right after the last word, not after the space
                markers.setdefault(at, []).append(h)
        points = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks), *markers})
        active: list[tuple] = []
        nxt = 0
        plain = b.char()
        for i in range(len(points) - 1):
            a, z = points[i], points[i + 1]
            for h in markers.get(a, ()):
                self._marker(h, a)
            while nxt < len(marks) and marks[nxt][0] <= a:
                active.append(marks[nxt])
                nxt += 1
            active = [m for m in active if m[1] > a]
            if active:
                layers = frozenset(m[3] for m in active if m[2] == 0)
                det = [m for m in active if m[2] == 0]
                inner = min(det, key=lambda m: m[4])[3] if det else None
                tags = [m for m in active if m[2] == 1]
                tag = min(tags, key=lambda m: m[4])[3] if tags else None
                fmt = f.span(layers, inner, tag)
            else:
                fmt = plain
            self._insert(text, a, z, fmt)
        for h in markers.get(len(text), ()):
            self._marker(h, len(text))
        # headings of the article (from the document loader) in bold
        for hs, he in prep.item.article.headings:
            if 0 <= hs < he <= len(text):
                c = QTextCursor(b.doc)
                c.setPosition(omap.start(hs))
                c.setPosition(omap.end(he), QTextCursor.MoveMode.KeepAnchor)
                c.mergeCharFormat(b.char(12, bold=True, sans=True))
        analysis_text = prep.item.analysis.text
        for s in prep.spans:
            layer = LAYER_BY_KEY[s.layer]
            contents = _why_text(s, analysis_text)
            if (s.kind, s.start, s.end) in prep.item.confirmed:
                contents += " Confirmed by the reader."
            part.highlights.append((omap.start(s.start), omap.end(s.end), layer.color, contents, layer.title, "Sourcelight"))
        for s in prep.spans:
            if LAYER_BY_KEY[s.layer].cue in VECTOR_CUES:
                part.waves.append((omap.start(s.start), omap.end(s.end), LAYER_BY_KEY[s.layer].color))
        for h in prep.highlights:
            tag = h.tag
            contents = h.highlight.note.strip() or f"Highlighted by the reader ({h.name})."
            subject = f"Note {h.number} · {h.name}" if h.number else h.name
            part.highlights.append((omap.start(h.start), omap.end(h.end), tag.color, contents, subject, f"Reader · {h.name}"))
            part.bars.append((omap.start(h.start), omap.end(h.end), tag.color))
        b.first_block = False

    def _insert(self, text: str, a: int, z: int, fmt: QTextCharFormat) -> None:
        """text[a:z] in `fmt`; each line end starts a block (one position, like the `\n` it replaces)."""
        cursor = self.b.cursor
        pos = a
        while pos < z:
            nl = text.find("\n", pos, z)
            if nl == -1:
                cursor.insertText(text[pos:z], fmt)
                return
            if nl > pos:
                cursor.insertText(text[pos:nl], fmt)
            if _blank_line_at(text, nl + 1):
                cursor.insertBlock(self._gap_block, self._gap_char)
            else:
                cursor.insertBlock(self._para_block, fmt)
            pos = nl + 1

    def _marker(self, h: PlacedHighlight, offset: int):
        fmt = self.b.char(bold=True, sans=True, background=h.tag.color)
        fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
        label = f"[{h.number}]"
        self.b.cursor.insertText(label, fmt)
        self.omap.insert(offset, len(label))

    def page_of(self, doc_pos: int) -> int:
        """The printed page number of a position in the article text."""
        doc = self.body.doc
        block = doc.findBlock(doc_pos)
        layout = block.layout()
        line = layout.lineForTextPosition(doc_pos - block.position())
        y = layout.position().y() + (line.y() if line.isValid() else 0)
        return self.body_first_page + _page_index(y, self.height)

    def _notes(self):
        b, prep = self.b, self.prep
        notes = prep.notes
        if not notes and not prep.orphans:
            return
        b.heading("Notes", top=16)
        text = prep.item.analysis.text
        for h in notes:
            page = self.page_of(self.omap.start(h.start))
            b.para((f"[{h.number}]", b.char(9.5, bold=True, sans=True, background=h.tag.color)),
                   (f"  p. {page} · {h.name} · ", b.char(8.5, sans=True, color=MUTED)),
                   (f"“{excerpt(text, h.start, h.end, 160)}”", b.char(9, italic=True, color=MUTED)),
                   block=b.block(top=5, bottom=1))
            for line in h.highlight.note.strip().splitlines():
                if line.strip():
                    b.para((line, b.char(10)), block=b.block(bottom=1, indent=18))
        if prep.orphans:
            b.heading("Notes on passages no longer in the text", size=11, top=12)
            b.para(("The article changed since these were written; the passage they marked was not found.", b.char(8.5, sans=True, color=MUTED)))
            for h in prep.orphans:
                b.para((f"“{' '.join(h.anchor.exact.split())[:200]}”", b.char(9, italic=True, color=MUTED)), block=b.block(top=4, bottom=1))
                if h.note.strip():
                    b.para((h.note.strip(), b.char(10)), block=b.block(bottom=1, indent=18))

    def _appendix(self):
        b, prep, f = self.b, self.prep, self.formats
        text = prep.item.analysis.text
        b.heading("Why each passage is highlighted", top=0)
        b.para(("Every highlight in the text above, in reading order, with the detector's reason; for quotes, the speaker.",
                b.char(8.5, sans=True, color=MUTED)), block=b.block(bottom=6))
        entries = [(s.start, 0, s) for s in prep.spans] + [(h.start, 1, h) for h in prep.highlights]
        entries.sort(key=lambda e: (e[0], e[1]))
        for start, kind, obj in entries:
            if kind == 0:
                layer = LAYER_BY_KEY[obj.layer]
                page = self.page_of(self.omap.start(obj.start))
                label = (layer.title, f.layer_sample(obj.layer))
                reason = _why_text(obj, text)
                if (obj.kind, obj.start, obj.end) in prep.item.confirmed:
                    reason += " ✓ Confirmed by you."
                passage = excerpt(text, obj.start, obj.end, 150)
            else:
                page = self.page_of(self.omap.start(obj.start))
                label = (f"Your highlight: {obj.name}", f.tag_sample(obj.tag.key))
                reason = (f"Note [{obj.number}]: " + " ".join(obj.highlight.note.split())) if obj.number else "Marked by you, no note."
                passage = excerpt(text, obj.start, obj.end, 150)
            b.para((f"p. {page}  ", b.char(8.5, sans=True, color=MUTED)), block=b.block(top=3, bottom=0))
            at = b.cursor.position()
            b.runs((label[0], _sized(label[1], 8.5, sans=True)))
            if kind == 0 and LAYER_BY_KEY[obj.layer].cue in VECTOR_CUES:
                self.section.parts[-1].waves.append((at, b.cursor.position(), LAYER_BY_KEY[obj.layer].color))
            b.runs(("  “" + passage + "”", b.char(9, italic=True)))
            b.para((reason, b.char(8.5, sans=True, color="#333333")), block=b.block(bottom=2, indent=18))


def _blank_line_at(text: str, start: int) -> bool:
    """Whether the line starting at `start` is empty or only spaces (or the text ends there)."""
    end = text.find("\n", start)
    return not text[start : end if end != -1 else len(text)].strip()


def _sized(fmt: QTextCharFormat, size: float, sans=False) -> QTextCharFormat:
    fmt = QTextCharFormat(fmt)
    fmt.setFontPointSize(size)
    if sans:
        fmt.setFontFamilies(SANS)
    return fmt


# --- comparison page (combined export) ---------------------------------------------------------


def _comparison_section(preps: list[Prepared], options: ExportOptions, device, width, height) -> _Section:
    b = _Builder(device, width, height)
    b.para(("SOURCELIGHT · COMPARISON", b.char(7.5, bold=True, sans=True, color=MUTED)), block=b.block(bottom=4))
    b.para((f"{len(preps)} articles compared", b.char(19, bold=True)), block=b.block(bottom=5))
    when = options.export_time().strftime("%d %B %Y, %H:%M %Z").lstrip("0")
    models = sorted({p.item.analysis.model or "rules only" for p in preps})
    b.para((f"Exported {when} with Sourcelight {__version__} · model {', '.join(models)}", b.char(8.5, sans=True, color=MUTED)), block=b.block(bottom=2))
    b.rule()
    b.heading("The articles", top=2)
    for i, p in enumerate(preps, 1):
        art = p.item.article
        b.para((f"{i}. ", b.char(10, bold=True, sans=True)), (p.item.title, b.char(10, bold=True)),
               (f"  {_meta_line(art)} · {art.url or art.path or 'pasted text'}", b.char(8.5, sans=True, color=MUTED)),
               block=b.block(bottom=3, indent=0))
    b.heading("How each article sources what it says", top=10)
    rows = [["#", "Words", "Attributed", "Vague", "Unsourced", "Quotes (speakers)", "Emotive / 1,000 words", "Reading ease", "Your notes"]]
    for i, p in enumerate(preps, 1):
        pr = p.profile
        rows.append([str(i), f"{pr.words:,}", _share(pr.attributed, pr.claims), _share(pr.vague_source, pr.claims),
                     _share(pr.unsourced, pr.claims), f"{pr.quotes} ({pr.speakers})", f"{pr.emotive_per_1000:.1f}",
                     f"{p.item.analysis.readability.flesch_reading_ease:g}", str(len(p.notes) + (1 if p.article_note else 0))])
    b.table(rows, [4, 9, 13, 11, 13, 14, 13, 11, 12])
    b.para(("Shares are of the sentences that make a claim. Dismissed findings are not counted.", b.char(8, sans=True, color=MUTED)))
    # who is quoted where
    speakers: dict[str, list[int]] = {}
    for i, p in enumerate(preps, 1):
        for name, n in speaker_counts(p.kept):
            speakers.setdefault(name, []).append(i)
    shared = sorted(((name, arts) for name, arts in speakers.items() if len(arts) > 1), key=lambda kv: (-len(kv[1]), kv[0]))
    b.heading("Speakers quoted in more than one article", top=10)
    if shared:
        b.table([["Speaker", "Quoted in articles"]] + [[name, ", ".join(map(str, arts))] for name, arts in shared], [50, 50])
    else:
        b.para(("No speaker is quoted in more than one of these articles.", b.char(9.5)))
    b.heading("Sources by article", top=10)
    rows = [["#", "Named sources", "Vague sources"]]
    for i, p in enumerate(preps, 1):
        rows.append([str(i), ", ".join(p.profile.named_sources) or "none", ", ".join(p.profile.vague_sources) or "none"])
    b.table(rows, [5, 60, 35])
    _compare_findings(b, preps)
    return _Section("Comparison", [_Part(b.doc, b.doc.pageCount())])


def _share(part: int, whole: int) -> str:
    return f"{part} · {100.0 * part / whole:.0f}%" if whole else str(part)


def _compare_findings(b: _Builder, preps: list[Prepared]) -> None:
    """What `desktop.analysis.compare` finds across the set: shared quotes, one claim sourced differently, only-here."""
    try:
        from desktop.analysis.compare import compare
    except ImportError:
        return
    try:
        result = compare([(p.item.title, p.item.analysis) for p in preps])
    except Exception as exc:  # the comparison is extra information; the export goes on without it
        b.para((f"The cross-article comparison could not be computed ({type(exc).__name__}).", b.char(8.5, sans=True, color=MUTED)))
        return
    dismissed = [set(p.item.dismissed) for p in preps]

    def kept(o, kind) -> bool:
        return (kind, o.start, o.end) not in dismissed[o.article]

    small = b.char(8.5, sans=True, color=MUTED)
    groups = [g for g in getattr(result, "shared_quotes", ()) if all(kept(m, "quote") for m in g.members)]
    b.heading("The same quote in several articles", top=10)
    if groups:
        for g in groups[:15]:
            arts = ", ".join(str(m.article + 1) for m in g.members)
            first = g.members[0]
            b.para((g.speaker, b.char(9.5, bold=True, sans=True)), (f"  in articles {arts} · wording {g.similarity:.0f}% alike", small),
                   block=b.block(top=3, bottom=0))
            b.para((f"“{excerpt(first.text, 0, len(first.text), 220).strip(chr(34) + '“”')}”", b.char(9, italic=True)), block=b.block(bottom=2, indent=12))
        if len(groups) > 15:
            b.para((f"… and {len(groups) - 15} more.", small))
    else:
        b.para(("No quote appears in more than one article.", b.char(9.5)))
    claims = [g for g in getattr(result, "shared_claims", ()) if g.sourcing_differs]
    b.heading("The same claim, sourced differently", top=10)
    if claims:
        labels = {"attributed": "attributed", "vague_source": "vague source", "unsourced": "unsourced", "not_claim": "not a claim"}
        for g in claims[:12]:
            b.para((f"Told in articles {', '.join(str(m.article + 1) for m in g.members)}", b.char(9.5, bold=True, sans=True)),
                   block=b.block(top=4, bottom=0))
            for m in g.members:
                label = labels.get(m.label or "", m.label or "?") + (f" ({m.source})" if m.source else "")
                b.para((f"{m.article + 1} · {label}: ", small), (excerpt(m.text, 0, len(m.text), 200), b.char(9)),
                       block=b.block(bottom=1, indent=12))
        if len(claims) > 12:
            b.para((f"… and {len(claims) - 12} more.", small))
    else:
        b.para(("No claim is told in several articles with different sourcing.", b.char(9.5)))
    only_q = getattr(result, "only_here_quotes", ())
    only_c = getattr(result, "only_here_claims", ())
    if only_q or only_c:
        rows = [["#", "Quotes found only here", "Claims found only here"]]
        for i in range(len(preps)):
            rows.append([str(i + 1), str(sum(1 for o in only_q if o.article == i)), str(sum(1 for o in only_c if o.article == i))])
        b.heading("Only in one article", top=10)
        b.table(rows, [6, 47, 47])


# --- pages -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RenderResult:
    data: bytes
    highlights: list[PdfHighlight]
    pages: int


def _page_size_id(name: str):
    return QPageSize.PageSizeId.Letter if name == "Letter" else QPageSize.PageSizeId.A4


def _line_rects(doc: QTextDocument, a: int, z: int):
    """(x, y, width, height, ascent) in document coordinates of each line piece of the range [a, z)."""
    doc_layout = doc.documentLayout()
    block = doc.findBlock(a)
    while block.isValid() and block.position() < z:
        layout = block.layout()
        bpos = block.position()
        # line.y() is relative to the block's layout, whose position is relative to its frame or table
        # cell; blockBoundingRect's corner is that position in document coordinates
        origin = doc_layout.blockBoundingRect(block).topLeft()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            ls = bpos + line.textStart()
            le = ls + line.textLength()
            s, e = max(a, ls), min(z, le)
            if s >= e:
                continue
            x1 = _x(line, s - bpos)
            x2 = _x(line, e - bpos)
            if x2 < x1:
                x1, x2 = x2, x1
            if x2 - x1 < 0.5:
                continue
            yield origin.x() + x1, origin.y() + line.y(), x2 - x1, line.height(), line.ascent()
        block = block.next()


def _page_index(y: float, page_height: float) -> int:
    """0-based page of a line whose top is at `y` (Qt's fixed-point layout may put it a hair above the cut)."""
    return int((y + 1.0) // page_height)


def _x(line, pos: int) -> float:
    value = line.cursorToX(pos)
    return float(value[0] if isinstance(value, tuple) else value)


def render(preps: list[Prepared], options: ExportOptions, combined: bool) -> RenderResult:
    """Lay out and paint the PDF in memory; annotation rectangles come from the same layout."""
    ensure_gui_app()
    size_name = options.page_size or default_page_size()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RES)
    writer.setPageLayout(QPageLayout(QPageSize(_page_size_id(size_name)), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    writer.setCreator(f"Sourcelight {__version__}")
    writer.setTitle(preps[0].item.title if len(preps) == 1 else f"{len(preps)} articles compared")
    page_w, page_h = float(writer.width()), float(writer.height())
    ml, mr, mt, mb = mm(20), mm(20), mm(22), mm(20)
    # whole pixels, so Qt's fixed-point layout puts page breaks exactly where the pages are cut
    cw, ch = float(int(page_w - ml - mr)), float(int(page_h - mt - mb))
    formats = _Formats()
    sections: list[tuple[_Section, object]] = []
    if combined and len(preps) > 1:
        sections.append((_comparison_section(preps, options, writer, cw, ch), None))
    for prep in preps:
        first = 1 + sum(s.pages for s, _ in sections)
        builder = _ArticleSection(prep, options, writer, cw, ch, formats, first_page=first)
        sections.append((builder.build(), builder))
    total = sum(s.pages for s, _ in sections)
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError("cannot start the PDF (Qt could not open the PDF writer)")
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Text, _color(INK))
    palette.setColor(QPalette.ColorRole.WindowText, _color(INK))
    highlights: list[PdfHighlight] = []
    page_no = 0
    header_font = QFont()
    header_font.setFamilies(SANS)
    header_font.setPointSizeF(7.5)
    when = options.export_time().strftime("%Y-%m-%d")
    try:
        for section, _builder in sections:
            for part in section.parts:
                page_no = _paint_part(painter, writer, part, section.header, page_no, total, palette, header_font, when,
                                      highlights, (ml, mt, cw, ch, page_h))
    finally:
        painter.end()
    buffer.close()
    return RenderResult(bytes(buffer.data()), highlights, total)


def _paint_part(painter, writer, part: _Part, header: str, page_no: int, total: int, palette, header_font, when,
                highlights: list, geometry) -> int:
    """Paint one part's pages after page `page_no`; collects its annotations. Returns the last page number."""
    ml, mt, cw, ch, page_h = geometry
    scale = 72.0 / RES
    page_h_pt = page_h * scale
    doc = part.doc
    layout = doc.documentLayout()
    for a, z, color, contents, subject, author in part.highlights:
        per_page: dict[int, list] = {}
        for x, y, w, h, _asc in _line_rects(doc, a, z):
            p = _page_index(y, ch)
            top = mt + (y - p * ch)
            per_page.setdefault(p, []).append(
                ((ml + x) * scale, page_h_pt - (top + h) * scale, (ml + x + w) * scale, page_h_pt - top * scale))
        for p, rects in per_page.items():
            highlights.append(PdfHighlight(page_no + p, tuple(rects), color, contents, subject, author,
                                           f"sourcelight-{uuid.uuid4().hex[:16]}"))
    bars_by_page: dict[int, list] = {}
    for a, z, color in part.bars:
        first = next(_line_rects(doc, a, z), None)
        if first is not None:
            x, y, w, h, _asc = first
            p = _page_index(y, ch)
            bars_by_page.setdefault(p, []).append((x, y - p * ch, h, color))
    waves_by_page: dict[int, list] = {}
    for a, z, color in part.waves:
        for x, y, w, h, asc in _line_rects(doc, a, z):
            p = _page_index(y, ch)
            waves_by_page.setdefault(p, []).append((x, y - p * ch + asc + pt(1.7), w, color))
    for p in range(part.pages):
        if page_no:
            writer.newPage()
        page_no += 1
        painter.save()
        painter.translate(ml, mt - p * ch)
        # a line moved to the next page may start a hair above the cut (fixed-point layout): shift the
        # clip up one pixel so its background does not leave a sliver at the bottom of this page
        clip = QRectF(-pt(6), p * ch - 1, cw + pt(12), ch)
        painter.setClipRect(clip)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.clip = clip
        ctx.palette = palette
        layout.draw(painter, ctx)
        painter.restore()
        for x, y, h, color in bars_by_page.get(p, ()):
            painter.fillRect(QRectF(ml + x - pt(2.2), mt + y, pt(1.3), h), _color(color))
        for x, y, w, color in waves_by_page.get(p, ()):
            _paint_wave(painter, ml + x, ml + x + w, mt + y, _color(color))
        _paint_header_footer(painter, header_font, header, page_no, total, when, ml, mt, cw, ch)
    return page_no


def _paint_wave(painter: QPainter, x0: float, x1: float, y: float, color: QColor) -> None:
    """A wavy underline from x0 to x1 centred on y, as a vector path."""
    amp, half = pt(0.9), pt(1.6)
    path = QPainterPath(QPointF(x0, y))
    x, up = x0, True
    while x < x1 - 0.5:
        nx = min(x + half, x1)
        path.quadTo((x + nx) / 2, y + (-2 * amp if up else 2 * amp) * (nx - x) / half, nx, y)
        x, up = nx, not up
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(color, pt(0.7)))
    painter.drawPath(path)
    painter.restore()


def _paint_header_footer(painter: QPainter, font: QFont, title: str, page: int, total: int, when: str, ml, mt, cw, ch):
    painter.save()
    painter.setFont(font)
    painter.setPen(_color(MUTED))
    fm = QFontMetricsF(font, painter.device())
    right = f"Sourcelight · exported {when}"
    rw = fm.horizontalAdvance(right)
    head_y = mt - mm(7)
    elided = fm.elidedText(title, Qt.TextElideMode.ElideRight, cw - rw - pt(16))
    painter.drawText(QRectF(ml, head_y - fm.height(), cw - rw - pt(12), fm.height()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, elided)
    painter.drawText(QRectF(ml + cw - rw, head_y - fm.height(), rw, fm.height()), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, right)
    painter.setPen(QPen(_color(RULE), pt(0.5)))
    painter.drawLine(ml, head_y + pt(2), ml + cw, head_y + pt(2))
    painter.setPen(_color(MUTED))
    foot_y = mt + ch + mm(9)
    painter.drawText(QRectF(ml, foot_y, cw, fm.height() * 1.5), Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, f"Page {page} of {total}")
    painter.restore()


# --- public API --------------------------------------------------------------------------------


def _metadata(preps: list[Prepared], combined: bool) -> dict[str, str]:
    layers = sorted({k for p in preps for k in p.layer_counts}, key=LAYER_KEYS.index)
    shown = ", ".join(LAYER_BY_KEY[k].title.lower() for k in layers) or "no detector layers"
    notes = any(p.notes or p.article_note for p in preps)
    if len(preps) == 1:
        art = preps[0].item.article
        title = preps[0].item.title
        about = f"{art.outlet}: " if art.outlet else ""
        subject = f"{about}{title} — highlighted by Sourcelight ({shown}{'; with the reader’s notes' if notes else ''})"
        author = art.author
    else:
        title = f"{len(preps)} articles compared — Sourcelight"
        subject = "Comparison and highlights: " + "; ".join(p.item.title for p in preps)
        author = ""
    return {
        "/Title": title,
        "/Subject": subject[:1000],
        "/Author": author,
        "/Creator": f"Sourcelight {__version__}",
        "/Keywords": "Sourcelight; sourcing; quotes; " + shown,
    }


def export_pdf(items: Sequence[ExportItem], out_path: str | os.PathLike, options: ExportOptions | None = None) -> Path:
    """Write one PDF for `items` (more than one: combined, with a comparison page first). Atomic; ExportError on failure."""
    options = options or ExportOptions()
    items = list(items)
    if not items:
        raise ExportError("nothing to export")
    out = Path(out_path)
    check_target(out)
    preps = [prepare(item, options) for item in items]
    result = render(preps, options, combined=len(preps) > 1)
    metadata = _metadata(preps, len(preps) > 1)
    return atomic_write(out, lambda fh: finish_pdf(result.data, result.highlights, metadata, fh, options.export_time()))


def export_folder(items: Sequence[ExportItem], folder: str | os.PathLike, options: ExportOptions | None = None) -> list[Path]:
    """One PDF per article into `folder` (created if its parent exists); names come from the titles."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"cannot write into {folder}: it is a file, not a folder")
    if not folder.exists():
        if not folder.parent.is_dir():
            raise ExportError(f"cannot write into {folder}: the folder {folder.parent} does not exist")
        try:
            folder.mkdir()
        except OSError as exc:
            from desktop.export.files import describe

            raise ExportError(f"cannot create {folder}: {describe(exc)}") from None
    written = []
    used: set[str] = set()
    for i, item in enumerate(items):
        stem = file_stem(item, i)
        name, n = stem, 2
        while name.lower() in used:
            name, n = f"{stem}-{n}", n + 1
        used.add(name.lower())
        written.append(export_pdf([item], folder / f"{name}.pdf", options))
    return written
