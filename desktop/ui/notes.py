"""The user's own layer: personal highlights (tags 1–5) with notes and undo, article notes, verdicts on
detector highlights, and search over the library. Every store call goes through `StoreController`."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.layers import LAYER_BY_KEY, USER_TAG_BY_KEY, USER_TAGS
from desktop.ui.highlighter import Mark
from desktop.ui.workers import error_message

ROLE_HIGHLIGHT = Qt.ItemDataRole.UserRole + 20
ROLE_HIT = Qt.ItemDataRole.UserRole + 21
KIND_TITLES = {"quote": "quote", "sentence": "sentence label", "emotive": "emotive phrase"}


def tag_icon(key: str) -> QIcon:
    tag = USER_TAG_BY_KEY.get(key)
    pm = QPixmap(14, 14)
    pm.fill(QColor(tag.color if tag else "#F0E442"))
    return QIcon(pm)


def _excerpt(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class NoteDialog(QDialog):
    """Edit a note; the text stays here until it is saved (a failed save re-opens it with the text)."""

    def __init__(self, parent, title: str, text: str = "", quote: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        if quote:
            q = QLabel(f"<i>“{html.escape(_excerpt(quote, 240))}”</i>", self)
            q.setWordWrap(True)
            layout.addWidget(q)
        self.edit = QPlainTextEdit(self)
        self.edit.setPlainText(text)
        self.edit.setPlaceholderText("Your note")
        layout.addWidget(self.edit, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, 260)

    def text(self) -> str:
        return self.edit.toPlainText()


@dataclass
class _Holder:
    highlight: object = None


class _StoreCommand(QUndoCommand):
    """An undoable change to the library; redo/undo run on the store thread, in order."""

    def __init__(self, controller: "NotesController", article_id: int, text: str, do, undo, on_fail=None):
        super().__init__(text)
        self._c = controller
        self._article_id = article_id
        self._do = do
        self._undo = undo
        self._on_fail = on_fail

    def redo(self) -> None:
        on_fail, self._on_fail = self._on_fail, None  # only the first attempt re-opens the editor
        self._c._write(self._article_id, self._do, self.text(), on_fail)

    def undo(self) -> None:
        self._c._write(self._article_id, self._undo, "Undo " + self.text().lower())


class NotesController(QObject):
    """Connects panes, the Notes and Search panels and the store; owns the undo stack."""

    highlights_changed = Signal(int)  # article id
    failed = Signal(str)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.store = window.store
        self.undo_stack = QUndoStack(self)
        self.highlights: dict[int, list] = {}  # article id -> Highlight list (orphans included)
        self.notes_panel = NotesPanel(self)
        self.search_panel = SearchPanel(self)
        window.pane_hooks = getattr(window, "pane_hooks", []) + [self._attach]
        window.article_hooks = getattr(window, "article_hooks", []) + [self._article_known]
        window.pane_analysed.connect(self._load_verdicts)
        window.current_changed.connect(self.notes_panel.set_pane)
        self.failed.connect(lambda m: window.statusBar().showMessage(m, 10000))

    # -- panes ------------------------------------------------------------------------------------------
    def _attach(self, pane) -> None:
        pane.context_menu_requested.connect(self._context_menu)
        pane.tag_requested.connect(self.tag_selection)

    def _article_known(self, pane) -> None:
        self.reload(pane.article_id)
        self._load_verdicts(pane)
        if pane is self.window.current:
            self.notes_panel.set_pane(pane)

    def panes_of(self, article_id: int) -> list:
        return [p for p in self.window.panes if p.article_id == article_id]

    def reload(self, article_id: int | None) -> None:
        if article_id is None or not self.store.available:
            return
        self.store.call("highlights", article_id, on_done=lambda hs, a=article_id: self._apply_highlights(a, hs), on_error=self._fail)

    def _apply_highlights(self, article_id: int, highlights: list) -> None:
        self.highlights[article_id] = highlights
        for pane in self.panes_of(article_id):
            pane.highlights = [h for h in highlights if not h.orphan]
            pane.user_marks = [Mark(h.start, h.end, f"user:{h.tag}") for h in pane.highlights]
            pane.repaint_layers()
        self.highlights_changed.emit(article_id)

    def _fail(self, error) -> None:
        self.failed.emit(f"Not saved: {error_message(error)}")

    def _write(self, article_id: int, fn, what: str, on_fail=None) -> None:
        def failed(error) -> None:
            self.failed.emit(f"{what} failed: {error_message(error)}")
            self.reload(article_id)
            if on_fail is not None:
                on_fail(error_message(error))

        self.store.run(fn, on_done=lambda _r: self.reload(article_id), on_error=failed)

    # -- personal highlights ---------------------------------------------------------------------------
    def tag_selection(self, pane, tag: str, start: int | None = None, end: int | None = None, note: str = "") -> bool:
        """Keys 1–5 on a selection: a highlight with that tag (or re-tag the highlight under the cursor)."""
        if pane.article_id is None:
            self.failed.emit("This article is not in the library yet; try again in a moment." if self.store.available else "The library is unavailable: highlights cannot be saved.")
            return False
        if start is None:
            cursor = pane.text.textCursor()
            start, end = cursor.selectionStart(), cursor.selectionEnd()
            if start == end:
                existing = self.highlight_at(pane, start)
                if existing is not None:
                    self.edit_highlight(existing, tag=tag)
                    return True
                self.failed.emit("Select some text first, then press 1–5 to highlight it.")
                return False
        text = pane.article.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return False
        holder = _Holder()
        article_id = pane.article_id

        def do(lib):
            if holder.highlight is None:
                holder.highlight = lib.add_highlight(article_id, start, end, tag=tag, note=note)
            else:
                holder.highlight = lib.restore_highlight(holder.highlight)
            return holder.highlight

        def undo(lib):
            holder.highlight = lib.delete_highlight(holder.highlight.id)

        name = USER_TAG_BY_KEY[tag].name if tag in USER_TAG_BY_KEY else tag
        self.undo_stack.push(_StoreCommand(self, article_id, f"Highlight as “{name}”", do, undo))
        return True

    def highlight_at(self, pane, offset: int):
        for h in getattr(pane, "highlights", []):
            if h.start <= offset < h.end:
                return h
        return None

    def edit_highlight(self, highlight, *, tag: str | None = None, note: str | None = None, on_fail=None) -> None:
        old_tag, old_note = highlight.tag, highlight.note
        new_tag = tag if tag is not None else old_tag
        new_note = note if note is not None else old_note
        hid = highlight.id
        self.undo_stack.push(
            _StoreCommand(
                self,
                highlight.article_id,
                "Edit note" if note is not None else "Change tag",
                lambda lib: lib.update_highlight(hid, tag=new_tag, note=new_note),
                lambda lib: lib.update_highlight(hid, tag=old_tag, note=old_note),
                on_fail,
            )
        )

    def delete_highlight(self, highlight) -> None:
        holder = _Holder(highlight)

        def do(lib):
            holder.highlight = lib.delete_highlight(holder.highlight.id)

        def undo(lib):
            holder.highlight = lib.restore_highlight(holder.highlight)

        self.undo_stack.push(_StoreCommand(self, highlight.article_id, "Delete highlight", do, undo))

    def edit_note_dialog(self, highlight, pane=None, typed: str | None = None, problem: str = "") -> None:
        """Edit a highlight's note; if saving fails, the editor comes back with what was typed."""
        quote = highlight.anchor.exact
        title = "Note on your highlight" + (" — not saved, try again" if problem else "")
        dialog = NoteDialog(self.window, title, highlight.note if typed is None else typed, quote)
        if problem:
            dialog.setToolTip(problem)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.text() != highlight.note:
            text = dialog.text()

            def retry(message: str, text=text) -> None:
                QTimer.singleShot(0, lambda: self.edit_note_dialog(highlight, pane, text, message))

            self.edit_highlight(highlight, note=text, on_fail=retry)

    # -- article notes -------------------------------------------------------------------------------------
    def load_article_note(self, article_id: int, on_done) -> None:
        self.store.call("article_note", article_id, on_done=on_done, on_error=self._fail)

    def save_article_note(self, article_id: int, text: str, on_error=None) -> None:
        self.store.call("set_article_note", article_id, text, on_error=on_error or self._fail)

    # -- verdicts ------------------------------------------------------------------------------------------
    def _load_verdicts(self, pane) -> None:
        if pane.article_id is None or pane.analysis is None or not self.store.available:
            return
        analysis = pane.analysis
        generation = getattr(pane, "verdict_generation", 0)

        def done(dismissed, pane=pane, analysis=analysis) -> None:
            if getattr(pane, "verdict_generation", 0) != generation:
                return  # the user gave a verdict meanwhile: this answer is older than what the pane shows
            if pane in self.window.panes and pane.analysis is analysis and set(dismissed) != pane.dismissed:
                pane.dismissed = set(dismissed)
                pane.repaint_layers()

        self.store.call("dismissed_spans", pane.article_id, list(analysis.spans), on_done=done, on_error=self._fail)

    def set_verdict(self, pane, span, verdict: str | None) -> None:
        if pane.article_id is None:
            self.failed.emit("This article is not in the library: verdicts cannot be saved.")
            return
        key = (span.kind, span.start, span.end)
        pane.verdict_generation = getattr(pane, "verdict_generation", 0) + 1
        before = key in pane.dismissed
        if verdict == "dismissed":
            pane.dismissed.add(key)
        else:
            pane.dismissed.discard(key)
        if before != (key in pane.dismissed):
            pane.repaint_layers()
        article_id = pane.article_id
        old = "dismissed" if before else None

        def failed(error, pane=pane) -> None:
            self.failed.emit(f"Verdict not saved: {error_message(error)}")
            self._load_verdicts(pane)

        self.store.run(lambda lib: lib.set_verdict(article_id, span, verdict), on_error=failed)
        what = {"dismissed": "Dismissed", "confirmed": "Confirmed", None: "Cleared the verdict on"}[verdict]
        self.window.statusBar().showMessage(f"{what} this {KIND_TITLES.get(span.kind, span.kind)}." + (" Undo: right-click it again." if verdict == "dismissed" else ""), 6000)
        del old

    # -- context menu -------------------------------------------------------------------------------------
    def _context_menu(self, pane, menu, offset: int) -> None:
        if pane.article is None:
            return
        cursor = pane.text.textCursor()
        has_selection = cursor.hasSelection()
        menu.addSeparator()
        existing = self.highlight_at(pane, offset)
        if has_selection:
            sub = menu.addMenu("Highlight selection as")
            for tag in USER_TAGS:
                a = sub.addAction(tag_icon(tag.key), f"{tag.key}  {tag.name}")
                a.triggered.connect(lambda _c=False, k=tag.key: self.tag_selection(pane, k))
            a = menu.addAction("Highlight with a note…")
            a.triggered.connect(lambda: self._highlight_with_note(pane))
        if existing is not None:
            a = menu.addAction("Edit note on your highlight…")
            a.triggered.connect(lambda: self.edit_note_dialog(existing, pane))
            sub = menu.addMenu("Change tag")
            for tag in USER_TAGS:
                a = sub.addAction(tag_icon(tag.key), f"{tag.key}  {tag.name}")
                a.triggered.connect(lambda _c=False, k=tag.key: self.edit_highlight(existing, tag=k))
            a = menu.addAction("Delete your highlight")
            a.triggered.connect(lambda: self.delete_highlight(existing))
        # verdicts on the detector spans under the mouse (dismissed ones included, to restore them)
        spans = [s for s in (pane.analysis.spans if pane.analysis else ()) if s.start <= offset < s.end and s.layer]
        for s in spans:
            layer = LAYER_BY_KEY[s.layer]
            key = (s.kind, s.start, s.end)
            menu.addSeparator()
            if key in pane.dismissed:
                a = menu.addAction(f"Restore dismissed “{layer.title}”")
                a.triggered.connect(lambda _c=False, s=s: self.set_verdict(pane, s, None))
            else:
                a = menu.addAction(f"Dismiss “{layer.title}” (wrong)")
                a.triggered.connect(lambda _c=False, s=s: self.set_verdict(pane, s, "dismissed"))
                a = menu.addAction(f"Confirm “{layer.title}”")
                a.triggered.connect(lambda _c=False, s=s: self.set_verdict(pane, s, "confirmed"))

    def _highlight_with_note(self, pane) -> None:
        cursor = pane.text.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        dialog = NoteDialog(self.window, "New highlight with a note", "", pane.article.text[start:end])
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.tag_selection(pane, "1", start, end, note=dialog.text())


class NotesPanel(QWidget):
    """The current article's note and the user's highlights (click → scroll; orphans listed apart)."""

    def __init__(self, controller: NotesController):
        super().__init__()
        self.c = controller
        self.pane = None
        self._article_id = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(QLabel("<b>Article note</b>", self))
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("article_note")
        self.note.setPlaceholderText("Your notes on this article (saved as you type)")
        self.note.setMaximumHeight(140)
        self.note_state = QLabel("", self)
        self.note_state.setObjectName("panel_info")
        layout.addWidget(self.note)
        layout.addWidget(self.note_state)
        self.info = QLabel("", self)
        self.info.setObjectName("panel_info")
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.list = QListWidget(self)
        self.list.setObjectName("notes_list")
        self.list.setWordWrap(True)
        self.list.itemClicked.connect(self._go)
        self.list.itemActivated.connect(self._go)
        self.list.itemDoubleClicked.connect(self._edit)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.edit_button = QPushButton("Edit note…", self)
        self.delete_button = QPushButton("Delete", self)
        self.edit_button.clicked.connect(lambda: self._edit(self.list.currentItem()))
        self.delete_button.clicked.connect(self._delete)
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        layout.addLayout(row)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(700)
        self._save_timer.timeout.connect(self.save_note)
        self.note.textChanged.connect(self._note_changed)
        self._loading = False
        controller.highlights_changed.connect(self._highlights_changed)
        self.set_pane(None)

    def set_pane(self, pane) -> None:
        if self._save_timer.isActive():
            self.save_note()
        self.pane = pane
        article_id = pane.article_id if pane is not None else None
        self._article_id = article_id
        self.note.setEnabled(article_id is not None)
        self._loading = True
        self.note.setPlainText("")
        self._loading = False
        self.note_state.setText("" if article_id is not None else "Open an article from the library to take notes.")
        if article_id is not None:
            self.c.load_article_note(article_id, lambda text, a=article_id: self._note_loaded(a, text))
        self.refresh()

    def _note_loaded(self, article_id: int, text: str) -> None:
        if article_id != self._article_id or self.note.toPlainText():
            return
        self._loading = True
        self.note.setPlainText(text)
        self._loading = False

    def _note_changed(self) -> None:
        if not self._loading and self._article_id is not None:
            self.note_state.setText("Saving…")
            self._save_timer.start()

    def save_note(self) -> None:
        self._save_timer.stop()
        if self._article_id is None:
            return
        text = self.note.toPlainText()

        def failed(error) -> None:
            # what the user typed stays in the editor; say why it is not saved
            self.note_state.setText(f"⚠ Not saved: {error_message(error)}")

        self.c.save_article_note(self._article_id, text, on_error=failed)
        self.note_state.setText("Saved")

    def _highlights_changed(self, article_id: int) -> None:
        if article_id == self._article_id:
            self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        if self.pane is None or self._article_id is None:
            self.info.setText("No article with notes is selected.")
            return
        highlights = self.c.highlights.get(self._article_id, [])
        placed = [h for h in highlights if not h.orphan]
        orphans = [h for h in highlights if h.orphan]
        self.info.setText(
            f"{len(placed)} highlight{'s' if len(placed) != 1 else ''}"
            + (f", {len(orphans)} could not be placed in the current text" if orphans else "")
            + ". Select text and press 1–5 to add one."
        )
        for h in placed + orphans:
            tag = USER_TAG_BY_KEY.get(h.tag)
            label = f"“{_excerpt(h.anchor.exact)}”"
            if h.note:
                label += f"\n{_excerpt(h.note, 200)}"
            if h.orphan:
                label = "⚠ not found in the current text: " + label
            item = QListWidgetItem(tag_icon(h.tag), label)
            item.setData(ROLE_HIGHLIGHT, h)
            item.setToolTip(html.escape(f"{tag.name if tag else h.tag}: {h.note or 'no note'}"))
            self.list.addItem(item)

    def _go(self, item) -> None:
        if item is None or self.pane is None:
            return
        h = item.data(ROLE_HIGHLIGHT)
        if not h.orphan:
            self.pane.select_range(h.start, h.end)

    def _edit(self, item) -> None:
        if item is not None:
            self.c.edit_note_dialog(item.data(ROLE_HIGHLIGHT), self.pane)

    def _delete(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.c.delete_highlight(item.data(ROLE_HIGHLIGHT))


class SearchPanel(QWidget):
    """One search box over every article's text, notes and tags (SQLite FTS5); click a hit to open it there."""

    def __init__(self, controller: NotesController):
        super().__init__()
        self.c = controller
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.box = QLineEdit(self)
        self.box.setObjectName("search_box")
        self.box.setPlaceholderText("Search all articles and notes")
        self.box.setClearButtonEnabled(True)
        self.box.returnPressed.connect(self.search)
        self.info = QLabel("", self)
        self.info.setObjectName("panel_info")
        self.info.setMargin(4)
        self.results = QListWidget(self)
        self.results.setObjectName("search_results")
        self.results.setWordWrap(True)
        self.results.itemClicked.connect(self._open)
        self.results.itemActivated.connect(self._open)
        layout.addWidget(self.box)
        layout.addWidget(self.info)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.search)
        self.box.textEdited.connect(lambda _t: self._timer.start())
        self.hits: list = []

    def search(self) -> None:
        self._timer.stop()
        query = self.box.text().strip()
        if not query:
            self.results.clear()
            self.info.setText("")
            return
        if not self.c.store.available:
            self.info.setText("The library is unavailable.")
            return
        self.info.setText("Searching…")
        self.c.store.call("search", query, on_done=lambda hits, q=query: self._show(q, hits), on_error=lambda e: self.info.setText(error_message(e)))

    def _show(self, query: str, hits: list) -> None:
        if query != self.box.text().strip():
            return
        self.hits = hits
        self.results.clear()
        where_text = {"text": "in the text", "note": "in a note", "highlight": "a highlight tag", "article_note": "in the article note"}
        for hit in hits:
            item = QListWidgetItem(f"{hit.title}  —  {where_text.get(hit.where, hit.where)}\n{_excerpt(hit.snippet, 200)}")
            item.setData(ROLE_HIT, hit)
            item.setToolTip(html.escape(hit.snippet))
            self.results.addItem(item)
        self.info.setText(f"{len(hits)} result{'s' if len(hits) != 1 else ''}" if hits else "Nothing found.")

    def _open(self, item) -> None:
        if item is not None:
            hit = item.data(ROLE_HIT)
            self.c.window.open_article_at(hit.article_id, hit.start, hit.end)


def undo_actions(controller: NotesController, window) -> list[QAction]:
    undo = controller.undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = controller.undo_stack.createRedoAction(window, "&Redo")
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    return [undo, redo]
