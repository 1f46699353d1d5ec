"""One reader pane: an article's text with its highlight layers, legend, find bar, tooltips and messages."""

from __future__ import annotations

import bisect
import html
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QPalette, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.layers import LAYER_BY_KEY, LAYER_KEYS, USER_TAG_BY_KEY
from desktop.ui.highlighter import DocumentPainter, Mark, Palette, prepare
from desktop.ui.legend import LegendBar

READING_WIDTH_EM = 46  # the text column never gets wider than this (comfortable line length)
LABEL_TEXT = {"unsourced": "Unsourced assertion", "vague_source": "Vague sourcing", "attributed": "Attributed", "not_claim": "Not a claim"}


def is_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Base).lightness() < 128


class ElidedLabel(QLabel):
    """A one-line label that ends with "…" when it does not fit (plain text)."""

    def __init__(self, text: str = "", parent=None):
        super().__init__(parent)
        self._full = text
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._elide()

    def setText(self, text: str) -> None:  # noqa: N802
        self._full = text
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(10, self.width())
        super().setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width))


class ArticleText(QPlainTextEdit):
    """The read-only article text; tooltips explain the highlight under the mouse."""

    def __init__(self, pane: "ReaderPane"):
        super().__init__(pane)
        self._pane = pane
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setObjectName("article_text")
        font = QFont(self.font())
        font.setPointSizeF(max(11.0, font.pointSizeF() * 1.15))
        self.setFont(font)
        self.document().setDocumentMargin(14)
        self.base_point_size = font.pointSizeF()
        self.zoom_steps = 0
        self._fit_pending = False

    def set_zoom(self, steps: int) -> None:
        self.zoom_steps = max(-6, min(12, steps))
        font = QFont(self.font())
        font.setPointSizeF(self.base_point_size * (1.1**self.zoom_steps))
        self.setFont(font)
        self._fit_margins()

    def resizeEvent(self, event):  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if not self._fit_pending:
            # never change the viewport from inside its own resize: do it once the resize is over
            self._fit_pending = True
            QTimer.singleShot(0, self._fit_margins)

    def _fit_margins(self) -> None:
        self._fit_pending = False
        em = self.fontMetrics().horizontalAdvance("M")
        max_width = READING_WIDTH_EM * em
        extra = max(0, self.width() - max_width)
        side = extra // 2
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 0, side, 0)

    def viewportEvent(self, event):  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            pos = event.pos()
            cursor = self.cursorForPosition(pos)
            rect = self.cursorRect(cursor)
            # only when the mouse is really over text, not past the end of a line
            text = self._pane.tooltip_at(cursor.position()) if abs(rect.center().y() - pos.y()) <= rect.height() else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def focusInEvent(self, event):  # noqa: N802
        super().focusInEvent(event)
        self._pane.activated.emit(self._pane)

    def mousePressEvent(self, event):  # noqa: N802
        self._pane.activated.emit(self._pane)
        super().mousePressEvent(event)

    def keyPressEvent(self, event):  # noqa: N802
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_5 and mods == Qt.KeyboardModifier.NoModifier:
            # keys 1–5: a personal highlight with that tag on the selection
            self._pane.tag_requested.emit(self._pane, str(key - Qt.Key.Key_0))
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event):  # noqa: N802
        menu = self.createStandardContextMenu(event.pos())
        self._pane.extend_context_menu(menu, self.cursorForPosition(event.pos()).position())
        menu.exec(event.globalPos())


class FindBar(QFrame):
    """Find in the article (Ctrl+F): incremental, Enter / Shift+Enter for next / previous."""

    def __init__(self, pane: "ReaderPane"):
        super().__init__(pane)
        self._pane = pane
        self.setObjectName("find_bar")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 3, 8, 3)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("Find in article")
        self.edit.setClearButtonEnabled(True)
        self.count = QLabel(self)
        prev_b = QToolButton(self)
        prev_b.setText("↑")
        prev_b.setToolTip("Previous match (Shift+Enter)")
        next_b = QToolButton(self)
        next_b.setText("↓")
        next_b.setToolTip("Next match (Enter)")
        close_b = QToolButton(self)
        close_b.setText("✕")
        close_b.setToolTip("Close (Esc)")
        close_b.setAutoRaise(True)
        row.addWidget(self.edit, 1)
        row.addWidget(self.count)
        row.addWidget(prev_b)
        row.addWidget(next_b)
        row.addWidget(close_b)
        self.edit.textChanged.connect(lambda _t: self.find(True, incremental=True))
        self.edit.returnPressed.connect(lambda: self.find(True))
        QShortcut(QKeySequence("Shift+Return"), self.edit, lambda: self.find(False))
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        prev_b.clicked.connect(lambda: self.find(False))
        next_b.clicked.connect(lambda: self.find(True))
        close_b.clicked.connect(self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        selected = self._pane.text.textCursor().selectedText()
        if selected and "\u2029" not in selected and len(selected) < 80:
            self.edit.setText(selected)
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self._pane.text.setFocus()

    def find(self, forward: bool, incremental: bool = False) -> bool:
        needle = self.edit.text()
        editor = self._pane.text
        if not needle:
            self.count.setText("")
            return False
        text = editor.toPlainText()
        total = text.lower().count(needle.lower())
        cursor = editor.textCursor()
        if incremental:
            cursor.setPosition(cursor.selectionStart())
            editor.setTextCursor(cursor)
        flags = QTextDocument.FindFlag(0) if forward else QTextDocument.FindFlag.FindBackward
        found = editor.find(needle, flags)
        if not found and total:
            cursor = editor.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.Start if forward else QTextCursor.MoveOperation.End)
            editor.setTextCursor(cursor)
            found = editor.find(needle, flags)
        self.count.setText(f"{total} match{'es' if total != 1 else ''}" if total else "not found")
        self.edit.setProperty("notfound", not total)
        self.edit.style().unpolish(self.edit)
        self.edit.style().polish(self.edit)
        if found:
            editor.centerCursor()
        return found


class ReaderPane(QFrame):
    """An article with its layers painted; knows nothing about files, spaCy or SQL."""

    activated = Signal(object)  # this pane got the focus
    close_requested = Signal(object)
    analysis_changed = Signal(object)  # analysis arrived / layer toggled / verdicts changed
    scrolled = Signal(object, float)  # fraction 0..1
    layers_changed = Signal(object)
    context_menu_requested = Signal(object, object, int)  # pane, QMenu, offset (for notes and verdicts)
    tag_requested = Signal(object, str)  # pane, user tag "1"…"5" (keys 1–5 on a selection)

    def __init__(self, parent=None, source: str = ""):
        super().__init__(parent)
        self.setObjectName("reader_pane")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.source = source  # what re-opens it: a path, a URL, or "library:<id>"
        self.article = None
        self.article_id: int | None = None
        self.analysis = None
        self.error: str | None = None
        self.dismissed: set[tuple[str, int, int]] = set()
        self.user_marks: list[Mark] = []  # personal highlights, painted beside the layers
        self.highlights: list = []  # the user's Highlight objects placed in this text
        self._states = {key: True for key in LAYER_KEYS}
        self.prepared = prepare(None)
        self.pools = None  # set by the window: long articles are prepared on a worker thread
        self._prep_generation = 0
        self._applied_generation = 0

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        header = QWidget(self)
        header.setObjectName("pane_header")
        hl = QHBoxLayout(header)
        hl.setContentsMargins(10, 6, 4, 4)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.title_label = ElidedLabel("", header)
        self.title_label.setObjectName("pane_title")
        self.meta_label = ElidedLabel("", header)
        self.meta_label.setObjectName("pane_meta")
        titles.addWidget(self.title_label)
        titles.addWidget(self.meta_label)
        hl.addLayout(titles, 1)
        self.state_label = QLabel("", header)
        self.state_label.setObjectName("pane_state")
        hl.addWidget(self.state_label)
        close = QToolButton(header)
        close.setObjectName("pane_close")
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Close this pane (the others stay open)")
        close.clicked.connect(lambda: self.close_requested.emit(self))
        hl.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(header)

        self.legend = LegendBar(self)
        self.legend.toggled.connect(self.set_layer)
        layout.addWidget(self.legend)

        self.banner = QLabel(self)
        self.banner.setObjectName("pane_banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        layout.addWidget(self.banner)

        self.stack = QStackedWidget(self)
        self.text = ArticleText(self)
        self.message = QLabel(self)
        self.message.setObjectName("pane_message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setMargin(24)
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.message.setMinimumWidth(60)
        self.stack.addWidget(self.text)
        self.stack.addWidget(self.message)
        layout.addWidget(self.stack, 1)
        self.find_bar = FindBar(self)
        layout.addWidget(self.find_bar)

        self.palette_ = Palette(is_dark(self))
        self.painter = DocumentPainter(self.text, self.palette_)
        self.text.verticalScrollBar().valueChanged.connect(self._on_scroll)
        self._syncing = False

    # -- content ---------------------------------------------------------------------------
    def set_loading(self, name: str) -> None:
        self.title_label.setText(name)
        self.meta_label.setText("")
        self.state_label.setText("Loading…")
        self.message.setText(f"Opening {html.escape(name)}…")
        self.stack.setCurrentWidget(self.message)

    def set_article(self, article, article_id: int | None = None) -> None:
        """Show the text at once; highlights follow with `set_analysis`."""
        self.article = article
        self.article_id = article_id
        self.error = None
        self.analysis = None
        self.banner.hide()
        self.prepared = prepare(None)
        self._prep_generation += 1
        self.dismissed = set()
        self.user_marks = []
        self.highlights = []
        self.update_header()
        self.painter.reset()
        self.text.setPlainText(article.text)
        self.stack.setCurrentWidget(self.text)
        self.state_label.setText("Analysing…")
        self.legend.set_counts(None)

    def update_header(self) -> None:
        a = self.article
        if a is None:
            return
        title = a.display_title
        self.title_label.setText(title)
        self.title_label.setToolTip(html.escape(title))
        meta = [x for x in (a.outlet, a.author, a.date) if x]
        if a.path and a.path != "-":
            meta.append(Path(a.path).name)
        elif a.url:
            meta.append(a.url)
        elif a.kind == "clipboard":
            meta.append("pasted text")
        self.meta_label.setText(" · ".join(meta))
        self.meta_label.setToolTip(html.escape(a.path or a.url or ""))

    def set_state(self, text: str) -> None:
        self.state_label.setText(text)

    def set_analysis(self, analysis) -> None:
        if self.article is None or analysis.text != self.article.text:
            return
        self.analysis = analysis
        self.state_label.setText("Painting…")
        self.repaint_layers()
        if analysis.warnings:
            self.state_label.setToolTip("\n".join(analysis.warnings))

    def set_error(self, message: str, title: str | None = None) -> None:
        """A clear message in this pane; the rest of the window keeps working."""
        self.error = message
        if title:
            self.title_label.setText(title)
        if self.article is not None and self.analysis is None and self.stack.currentWidget() is self.text:
            # the text loaded but the analysis failed: keep the text readable, say why nothing is painted
            self.state_label.setText("⚠ analysis failed")
            self.state_label.setToolTip(message)
            self.banner.setText(f"No highlights: the analysis failed ({html.escape(message)}). The text is shown as it is.")
            self.banner.show()
            return
        self.state_label.setText("⚠ failed")
        self.message.setText(
            f"<p style='font-size:large'><b>This article could not be opened.</b></p><p>{html.escape(message)}</p>"
            "<p>The other panes are not affected. Close this pane with ✕.</p>"
        )
        self.stack.setCurrentWidget(self.message)

    # -- layers ------------------------------------------------------------------------------
    def visible_spans(self) -> list:
        """Detector spans not dismissed by the user (drawn, listed and counted), by start offset."""
        return self.prepared.spans

    def counts(self) -> dict[str, int]:
        return dict(self.prepared.counts)

    def enabled_layers(self) -> set[str]:
        return {key for key, on in self._states.items() if on}

    def repaint_layers(self) -> None:
        """Recompute the painted segments from the spans, verdicts and notes (no re-analysis).

        A long article is prepared on a worker thread so the window never stalls.
        """
        self._prep_generation += 1
        generation = self._prep_generation
        args = (self.analysis, frozenset(self.dismissed), tuple(self.user_marks))
        if self.pools is not None and self.analysis is not None and len(self.analysis.spans) > 1500:
            self.pools.load(prepare, *args, on_done=lambda prep: self._apply(prep, generation), on_error=lambda e: self._apply(prepare(*args), generation))
        else:
            self._apply(prepare(*args), generation)

    def _apply(self, prep, generation: int) -> None:
        if generation != self._prep_generation:
            return  # a newer text or verdict came in meanwhile
        self.prepared = prep
        self._applied_generation = generation
        self.legend.set_counts(prep.counts if self.analysis is not None else None)
        self.painter.paint(prep.segments, self.enabled_layers())
        if self.analysis is not None and not self.error:
            self.state_label.setText("⚠ limited analysis" if self.analysis.warnings else "")
        self.analysis_changed.emit(self)

    def dispose(self) -> None:
        """The pane is closing: results still on their way are dropped."""
        self._prep_generation += 1
        self.painter.reset()

    def is_painted(self) -> bool:
        """The analysis has arrived and every block carries its formats."""
        return self.analysis is not None and self._applied_generation == self._prep_generation and self.painter.done

    def set_layer(self, key: str, on: bool) -> None:
        if self._states.get(key) == on:
            return
        self._states[key] = on
        self.legend.set_states({key: on})
        self.painter.set_enabled(self.enabled_layers())
        self.layers_changed.emit(self)

    def layer_states(self) -> dict[str, bool]:
        return dict(self._states)

    def set_layer_states(self, states: dict) -> None:
        changed = False
        for key in LAYER_KEYS:
            if key in states and self._states[key] != bool(states[key]):
                self._states[key] = bool(states[key])
                changed = True
        self.legend.set_states(self._states)
        if changed:
            self.painter.set_enabled(self.enabled_layers())

    def set_dark(self, dark: bool) -> None:
        self.palette_ = Palette(dark)
        self.legend.set_dark(dark)
        self.painter.set_palette(self.palette_)

    def format_at(self, offset: int):
        return self.painter.format_at(offset)

    def spans_at(self, offset: int) -> list:
        prep = self.prepared
        i = bisect.bisect_right(prep.starts, offset)
        out = []
        j = i - 1
        while j >= 0 and prep.spans[j].start >= offset - prep.max_len:
            s = prep.spans[j]
            if s.start <= offset < s.end:
                out.append(s)
            j -= 1
        return out

    def tooltip_at(self, offset: int) -> str:
        parts = []
        for s in sorted(self.spans_at(offset), key=lambda s: (s.kind != "sentence", s.start)):
            layer = s.layer
            if not layer or not self._states.get(layer, True):
                continue
            spec = LAYER_BY_KEY[layer]
            head = f"<span style='color:{spec.color}'>■</span> <b>{html.escape(spec.title)}</b>"
            lines = [head]
            if s.kind == "quote" and s.speaker:
                lines.append(f"Speaker: <b>{html.escape(s.speaker)}</b>" + (f" ({html.escape(s.cue)})" if s.cue else ""))
            elif s.kind == "sentence" and s.source:
                lines.append(f"Source: {html.escape(s.source)}")
            elif s.kind == "emotive" and s.cue:
                lines.append(f"Cue: “{html.escape(s.cue)}”")
            if s.why:
                lines.append(f"<i>{html.escape(s.why)}</i>")
            parts.append("<br>".join(lines))
        for h in self.highlights:
            if h.start <= offset < h.end:
                tag = USER_TAG_BY_KEY.get(h.tag)
                head = f"<span style='color:{tag.color if tag else '#F0E442'}'>■</span> <b>Your highlight: {html.escape(tag.name if tag else h.tag)}</b>"
                parts.append(head + (f"<br>{html.escape(h.note)}" if h.note else ""))
        return "<hr>".join(parts)

    def extend_context_menu(self, menu, offset: int) -> None:
        self.context_menu_requested.emit(self, menu, offset)

    # -- navigation --------------------------------------------------------------------------
    def select_range(self, start: int, end: int) -> None:
        """Scroll to and select text (panels' clicks land here)."""
        cursor = self.text.textCursor()
        length = len(self.text.toPlainText()) if self.article is None else len(self.article.text)
        cursor.setPosition(max(0, min(start, length)))
        cursor.setPosition(max(0, min(end, length)), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.centerCursor()
        self.text.setFocus()

    def open_find(self) -> None:
        if self.stack.currentWidget() is self.text:
            self.find_bar.open_bar()

    def zoom(self, steps: int) -> None:
        self.text.set_zoom(steps)

    def scroll_fraction(self) -> float:
        bar = self.text.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() else 0.0

    def set_scroll_fraction(self, fraction: float) -> None:
        bar = self.text.verticalScrollBar()
        self._syncing = True
        try:
            bar.setValue(round(fraction * bar.maximum()))
        finally:
            self._syncing = False

    def _on_scroll(self, _value: int) -> None:
        if not self._syncing:
            self.scrolled.emit(self, self.scroll_fraction())

    @property
    def display_name(self) -> str:
        if self.article is not None:
            return self.article.display_title
        return Path(self.source).name if self.source else "Untitled"
