"""The main window: library sidebar, 1–4 reader panes side by side, side panels, menus and state."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

import desktop
from desktop import __version__
from desktop.layers import LAYERS
from desktop.ui import settings
from desktop.ui.library_sidebar import LibraryEntry, LibrarySidebar, badges_from
from desktop.ui.panels import ClaimsPanel, ProfilePanel, QuotesPanel
from desktop.ui.reader_pane import ReaderPane
from desktop.ui.services import AnalysisService, StoreController
from desktop.ui.workers import Pools, error_message

SEEDS_DIR = Path(desktop.__file__).resolve().parent.parent / "seeds"
OPEN_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm *.pdf);;All files (*)"


def icon(name: str) -> QIcon:
    from desktop.resources import resource_path

    try:
        return QIcon(str(resource_path("icons", f"{name}.svg")))
    except FileNotFoundError:
        return QIcon()


def seed_files() -> list[Path]:
    return sorted(SEEDS_DIR.glob("*.txt"))


class MainWindow(QMainWindow):
    """Owns the panes; loading, analysis and storage go through workers and controllers."""

    pane_ready = Signal(object)  # a pane shows its text (or its error)
    pane_analysed = Signal(object)  # a pane has its analysis painted (or analysis failed)
    current_changed = Signal(object)

    def __init__(self, pools: Pools | None = None, analysis: AnalysisService | None = None, store: StoreController | None = None, db: str | None = None):
        super().__init__()
        self.setObjectName("main_window")
        self.setWindowTitle("Sourcelight")
        self.setWindowIcon(icon("sourcelight"))
        self.setAcceptDrops(True)
        self.pools = pools or Pools()
        self.store = store if store is not None else StoreController(self.pools, db)
        self.analysis = analysis or AnalysisService(self.pools, self.store)
        self.panes: list[ReaderPane] = []
        self.current: ReaderPane | None = None
        self._zoom = int(settings.get("view/zoom") or 0)
        self._closing = False

        # central: the panes side by side, or a welcome page when none is open
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("panes_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(6)
        self._pending_sizes: list[int] | None = None
        self.splitter.installEventFilter(self)
        self.splitter.splitterMoved.connect(self._forget_pending_sizes)
        self.welcome = QLabel(self)
        self.welcome.setObjectName("welcome")
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome.setWordWrap(True)
        self.welcome.setText(
            "<h2>No article open</h2><p>Open an article with <b>Ctrl+O</b>, drop a file here, "
            "or pick one in the library on the left.</p>"
        )
        self.central = QStackedWidget(self)
        self.central.addWidget(self.welcome)
        self.central.addWidget(self.splitter)
        self.setCentralWidget(self.central)

        # docks: library (left), quotes / claims / profile (right)
        self.sidebar = LibrarySidebar(self)
        self.sidebar.can_edit = self.store.available
        self.sidebar.open_requested.connect(self.open_entry)
        self.sidebar.open_beside_requested.connect(lambda e: self.open_entry(e, beside=True))
        self.sidebar.edit_requested.connect(self.edit_entry)
        self.sidebar.remove_requested.connect(self.remove_entry)
        self.library_dock = self._dock("Library", "library_dock", self.sidebar, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.quotes_panel = QuotesPanel(self)
        self.claims_panel = ClaimsPanel(self)
        self.profile_panel = ProfilePanel(self)
        self.quotes_dock = self._dock("Quotes", "quotes_dock", self.quotes_panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self.claims_dock = self._dock("Claims", "claims_dock", self.claims_panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self.profile_dock = self._dock("Profile", "profile_dock", self.profile_panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.quotes_dock, self.claims_dock)
        self.tabifyDockWidget(self.claims_dock, self.profile_dock)
        self.quotes_dock.raise_()
        self.extra_docks: list[QDockWidget] = []

        from desktop.ui.notes import NotesController, undo_actions

        self.pane_hooks = []
        self.article_hooks = []
        self.notes = NotesController(self)
        self.notes_dock = self._dock("Notes", "notes_dock", self.notes.notes_panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.profile_dock, self.notes_dock)
        self.search_dock = self._dock("Search", "search_dock", self.notes.search_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.tabifyDockWidget(self.library_dock, self.search_dock)
        self.library_dock.raise_()
        self.quotes_dock.raise_()
        self.undo_actions = undo_actions(self.notes, self)
        for a in self.undo_actions:
            self.addAction(a)

        self.status_label = QLabel("Ready", self)
        self.status_label.setObjectName("status_label")
        self.library_state = QLabel("", self)
        self.library_state.setObjectName("library_state")
        self.statusBar().addPermanentWidget(self.library_state)
        self.statusBar().addPermanentWidget(self.status_label)
        self.analysis.status.connect(self.status_label.setText)
        self.store.error.connect(self._library_error)

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._update_actions()
        self.resize(1400, 860)
        self.resizeDocks([self.library_dock, self.quotes_dock], [280, 300], Qt.Orientation.Horizontal)

    # -- construction ---------------------------------------------------------------------------
    def _dock(self, title: str, name: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _action(self, text: str, slot, shortcut=None, tip: str = "", checkable: bool = False, icon_name: str | None = None) -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, (list, tuple)):
                a.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                a.setShortcut(QKeySequence(shortcut))
        if tip:
            a.setStatusTip(tip)
            a.setToolTip(tip + (f" ({a.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})" if shortcut else ""))
        a.setCheckable(checkable)
        if icon_name:
            a.setIcon(icon(icon_name))
        if checkable:
            a.toggled.connect(slot)
        else:
            a.triggered.connect(lambda _checked=False: slot())
        self.addAction(a)
        return a

    def _build_actions(self) -> None:
        A = self._action
        self.act_open = A("&Open…", self.open_dialog, QKeySequence.StandardKey.Open, "Open article files", icon_name="open")
        self.act_open_url = None
        self.act_clipboard = None
        import desktop.documents as documents

        if hasattr(documents, "load_url"):
            self.act_open_url = A("Open &URL…", self.open_url_dialog, "Ctrl+L", "Fetch a web article and open it", icon_name="url")
        if hasattr(documents, "from_clipboard"):
            self.act_clipboard = A("New from &clipboard", self.open_clipboard, "Ctrl+Shift+V", "Open the text or HTML on the clipboard as an article", icon_name="paste")
        self.act_split = A("Open &beside…", self.split_dialog, "Ctrl+\\", "Open another article in a new pane beside the current one", icon_name="split")
        self.act_close_pane = A("&Close pane", self.close_current_pane, QKeySequence.StandardKey.Close, "Close the current pane; the others stay", icon_name="close")
        self.act_quit = A("&Quit", self.close, QKeySequence.StandardKey.Quit, "Quit Sourcelight")
        self.act_copy = A("&Copy", self._copy, QKeySequence.StandardKey.Copy, "Copy the selected text")
        self.act_select_all = A("Select &all", self._select_all, QKeySequence.StandardKey.SelectAll)
        self.act_find = A("&Find…", self.find, QKeySequence.StandardKey.Find, "Find in the current article", icon_name="find")
        self.act_find_next = A("Find &next", lambda: self._find_step(True), QKeySequence.StandardKey.FindNext)
        self.act_find_prev = A("Find pre&vious", lambda: self._find_step(False), QKeySequence.StandardKey.FindPrevious)
        self.act_zoom_in = A("Zoom &in", lambda: self.set_zoom(self._zoom + 1), ["Ctrl++", "Ctrl+="], "Larger text", icon_name="zoom-in")
        self.act_zoom_out = A("Zoom &out", lambda: self.set_zoom(self._zoom - 1), "Ctrl+-", "Smaller text", icon_name="zoom-out")
        self.act_zoom_reset = A("&Reset zoom", lambda: self.set_zoom(0), "Ctrl+0")
        self.act_sync = A("&Synchronised scrolling", self.set_sync_scroll, "Ctrl+Shift+S", "Scroll all panes together", checkable=True, icon_name="sync")
        self.act_next_pane = A("Next pane", lambda: self._cycle_pane(1), "Ctrl+Tab")
        self.act_prev_pane = A("Previous pane", lambda: self._cycle_pane(-1), "Ctrl+Shift+Tab")
        self.act_fullscreen = A("&Full screen", self._toggle_fullscreen, QKeySequence.StandardKey.FullScreen, checkable=True)
        self.layer_actions = {}
        for i, layer in enumerate(LAYERS, start=1):
            a = A(layer.title, lambda on, key=layer.key: self._toggle_layer(key, on), f"Ctrl+{i}", f"Show or hide “{layer.title}” in the current pane", checkable=True)
            a.setChecked(True)
            self.layer_actions[layer.key] = a
        self.act_compare = None
        try:
            import desktop.analysis.compare  # noqa: F401
            import desktop.ui.compare_view  # noqa: F401
        except ImportError:
            pass
        else:
            self.act_compare = A("&Compare open articles", self.compare_open, "Ctrl+Shift+C", "How the open articles tell the same story: shared quotes, shared claims, what only one says", icon_name="compare")
        self.act_export_notes = A("Export &notes…", self.export_notes, None, "Save all your highlights and notes as W3C Web Annotations (JSON-LD) or Markdown")
        self.act_import_notes = A("&Import notes…", self.import_notes, None, "Add highlights and notes from a Sourcelight JSON-LD or Markdown export (no duplicates)")
        self.act_search = A("&Search the library…", self.focus_search, "Ctrl+Shift+F", "Search every article, note and tag", icon_name="search")
        self.act_export = None
        try:
            import desktop.ui.export_dialog  # noqa: F401  (present once the export engineer's dialog lands)
        except ImportError:
            pass
        else:
            self.act_export = A("&Export PDF…", self.export_pdf, "Ctrl+E", "Write a highlighted PDF of the open articles", icon_name="export")
        self.act_about = A("&About Sourcelight", self.about)
        self.act_guide = A("What the &highlights mean", self.show_guide, QKeySequence.StandardKey.HelpContents)
        self.act_sync.blockSignals(True)
        self.act_sync.setChecked(bool(settings.get("view/sync_scroll")))
        self.act_sync.blockSignals(False)

    def _build_menus(self) -> None:
        mb = self.menuBar()
        m = mb.addMenu("&File")
        m.addAction(self.act_open)
        if self.act_open_url:
            m.addAction(self.act_open_url)
        if self.act_clipboard:
            m.addAction(self.act_clipboard)
        self.recent_menu = m.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._fill_recent()
        m.addSeparator()
        if self.act_export:
            m.addAction(self.act_export)
        m.addAction(self.act_export_notes)
        m.addAction(self.act_import_notes)
        self.file_menu_extra = m.addSeparator()  # further export / compare actions go here
        m.addAction(self.act_close_pane)
        m.addSeparator()
        m.addAction(self.act_quit)
        self.file_menu = m

        m = mb.addMenu("&Edit")
        for a in self.undo_actions:
            m.addAction(a)
        m.addSeparator()
        for a in (self.act_copy, self.act_select_all):
            m.addAction(a)
        m.addSeparator()
        for a in (self.act_find, self.act_find_next, self.act_find_prev):
            m.addAction(a)
        m.addSeparator()
        m.addAction(self.act_search)
        self.edit_menu = m

        m = mb.addMenu("&View")
        m.addAction(self.act_split)
        if self.act_compare:
            m.addAction(self.act_compare)
        m.addAction(self.act_sync)
        m.addAction(self.act_next_pane)
        m.addAction(self.act_prev_pane)
        m.addSeparator()
        lm = m.addMenu("&Layers in this pane")
        for a in self.layer_actions.values():
            lm.addAction(a)
        m.addSeparator()
        for a in (self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset):
            m.addAction(a)
        m.addSeparator()
        pm = m.addMenu("&Panels")
        for d in (self.library_dock, self.search_dock, self.quotes_dock, self.claims_dock, self.profile_dock, self.notes_dock):
            pm.addAction(d.toggleViewAction())
        self.panels_menu = pm
        tm = m.addMenu("&Theme")
        group = QActionGroup(self)
        current = settings.get("view/theme") or "system"
        for key, title in (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark")):
            a = QAction(title, self, checkable=True)
            a.setChecked(key == current)
            a.triggered.connect(lambda _c=False, k=key: self.set_theme(k))
            group.addAction(a)
            tm.addAction(a)
        m.addSeparator()
        m.addAction(self.act_fullscreen)
        self.view_menu = m

        m = mb.addMenu("&Help")
        m.addAction(self.act_guide)
        m.addAction(self.act_about)

    def _build_toolbar(self) -> None:
        tb = QToolBar("Main toolbar", self)
        tb.setObjectName("main_toolbar")
        tb.setIconSize(QSize(20, 20))
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tb.addAction(self.act_open)
        if self.act_open_url:
            tb.addAction(self.act_open_url)
        tb.addAction(self.act_split)
        tb.addAction(self.act_close_pane)
        if self.act_compare:
            tb.addAction(self.act_compare)
        tb.addSeparator()
        tb.addAction(self.act_sync)
        tb.addAction(self.act_find)
        tb.addAction(self.act_zoom_out)
        tb.addAction(self.act_zoom_in)
        for a in (self.act_find, self.act_zoom_in, self.act_zoom_out, self.act_close_pane):
            tb.widgetForAction(a).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.addToolBar(tb)
        self.toolbar = tb

    def add_file_action(self, action: QAction) -> None:
        """For export / compare: a File menu entry (before "Close pane")."""
        self.file_menu.insertAction(self.file_menu_extra, action)
        self.addAction(action)

    # -- opening -----------------------------------------------------------------------------------
    def open_dialog(self) -> None:
        start = settings.get("recent/dir") or str(Path.home())
        try:
            from desktop.documents import FILE_DIALOG_FILTER as file_filter
        except ImportError:
            file_filter = OPEN_FILTER
        paths, _ = QFileDialog.getOpenFileNames(self, "Open articles", start, file_filter)
        if paths:
            settings.put("recent/dir", str(Path(paths[0]).parent))
            self.open_sources(paths)

    def open_url_dialog(self) -> None:
        url, ok = QInputDialog.getText(self, "Open URL", "Address of the web article (http or https):")
        url = url.strip()
        if ok and url:
            if not url.startswith(("http://", "https://")):
                url = "https://" + url
            self.open_sources([url])

    def open_clipboard(self) -> None:
        mime = QApplication.clipboard().mimeData()
        text = mime.text() if mime and mime.hasText() else ""
        markup = mime.html() if mime and mime.hasHtml() else ""
        if not text.strip() and not markup.strip():
            self.statusBar().showMessage("The clipboard holds no text to open.", 5000)
            return
        from desktop.documents import from_clipboard

        pane = self._new_pane("clipboard:", "Pasted text")
        if pane is None:
            return
        pane.set_loading("Pasted text")
        self.pools.load(from_clipboard, text, markup, on_done=lambda a: self._article_loaded(pane, a, None), on_error=lambda e: self._load_failed(pane, e))

    def split_dialog(self) -> None:
        """Ctrl+\\: pick another article (library or file) for a new pane beside the current one."""
        if len(self.panes) >= settings.MAX_PANES:
            self.statusBar().showMessage(f"At most {settings.MAX_PANES} panes side by side: close one first (Ctrl+W).", 6000)
            return
        menu = QMenu(self)
        menu.setObjectName("split_menu")
        open_sources = {p.source for p in self.panes}
        for entry in self.sidebar.entries():
            if entry.source not in open_sources and not entry.failed:
                menu.addAction(entry.title[:80], lambda e=entry: self.open_entry(e, beside=True))
        if menu.actions():
            menu.addSeparator()
        menu.addAction("Browse files…", self.open_dialog)
        anchor = self.current.mapToGlobal(QPoint(self.current.width() // 2, 60)) if self.current else self.mapToGlobal(QPoint(self.width() // 2, 80))
        menu.popup(anchor)
        self._split_menu = menu

    def open_entry(self, entry: LibraryEntry, beside: bool = False) -> None:
        for pane in self.panes:
            if pane.source == entry.source or (entry.article_id is not None and pane.article_id == entry.article_id):
                self.set_current(pane)
                pane.text.setFocus()
                return
        if not beside and self.current is not None and len(self.panes) >= settings.MAX_PANES:
            # all panes in use: the current one shows the chosen article instead
            self.close_pane(self.current)
        self.open_sources([entry.source])

    def open_sources(self, sources: list[str], layer_states: list[dict] | None = None) -> list[ReaderPane]:
        """Open files / URLs / library entries, each in a new pane (the ones beyond four go to the library)."""
        opened = []
        for i, source in enumerate(sources):
            source = str(source)
            existing = next((p for p in self.panes if p.source == source), None)
            if existing is not None:
                self.set_current(existing)
                continue
            name = source if source.startswith(("http://", "https://", "library:")) else Path(source).name
            if source.startswith("library:"):
                entry = self.sidebar.entry(source)
                name = entry.title if entry else "Library article"
            if len(self.panes) >= settings.MAX_PANES:
                self._add_to_library_only(source)
                continue
            pane = self._new_pane(source, name)
            if layer_states and i < len(layer_states) and layer_states[i]:
                pane.set_layer_states(layer_states[i])
            pane.set_loading(name)
            opened.append(pane)
            if source.startswith("library:"):
                article_id = int(source.split(":", 1)[1])
                self.store.call("get_article", article_id, on_done=lambda a, p=pane, i=article_id: self._article_loaded(p, a, i), on_error=lambda e, p=pane: self._load_failed(p, e))
            else:
                loader = self._loader_for(source)
                self.pools.load(loader, source, on_done=lambda a, p=pane: self._article_loaded(p, a, None), on_error=lambda e, p=pane: self._load_failed(p, e))
        if len(sources) > len(opened) and len(self.panes) >= settings.MAX_PANES:
            self.statusBar().showMessage(f"{settings.MAX_PANES} panes are open; the other articles are in the library on the left.", 8000)
        return opened

    def _loader_for(self, source: str):
        import desktop.documents as documents

        if source.startswith(("http://", "https://")) and hasattr(documents, "load_url"):
            return documents.load_url
        return documents.load_source

    def focus_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.notes.search_panel.box.setFocus()
        self.notes.search_panel.box.selectAll()

    def open_article_at(self, article_id: int, start: int | None, end: int | None) -> None:
        """Open (or focus) a library article and select the hit in it."""
        pane = next((p for p in self.panes if p.article_id == article_id), None)
        if pane is None:
            entry = next((e for e in self.sidebar.entries() if e.article_id == article_id), None)
            if entry is not None:
                self.open_entry(entry)
            else:
                self.open_sources([f"library:{article_id}"])
            pane = next((p for p in self.panes if p.article_id == article_id or p.source == (entry.source if entry else f"library:{article_id}")), None)
        if pane is None:
            return
        self.set_current(pane)
        if start is None:
            return
        if pane.article is not None:
            pane.select_range(start, end if end is not None else start)
        else:
            def ready(p, pane=pane):
                if p is pane:
                    self.pane_ready.disconnect(ready)
                    if pane.article is not None:
                        pane.select_range(start, end if end is not None else start)

            self.pane_ready.connect(ready)

    def _add_to_library_only(self, source: str) -> None:
        """Load without a pane: the article goes to the library sidebar (and the store)."""
        if self.sidebar.entry(source) is None:
            self.sidebar.upsert(LibraryEntry(source=source, title=Path(source).name if "://" not in source else source, subtitle="loading…"))
        if source.startswith("library:"):
            return
        self.pools.load(self._loader_for(source), source, on_done=lambda a, s=source: self._store_article(s, a, None), on_error=lambda e, s=source: self.sidebar.update_entry(s, failed=error_message(e), subtitle=""))

    def _new_pane(self, source: str, name: str) -> ReaderPane | None:
        if len(self.panes) >= settings.MAX_PANES:
            self.statusBar().showMessage(f"At most {settings.MAX_PANES} panes side by side: close one first (Ctrl+W).", 6000)
            return None
        pane = ReaderPane(self.splitter, source=source)
        pane.pools = self.pools
        pane.activated.connect(self.set_current)
        pane.close_requested.connect(self.close_pane)
        pane.scrolled.connect(self._pane_scrolled)
        pane.layers_changed.connect(self._pane_layers_changed)
        pane.analysis_changed.connect(self._pane_analysis_changed)
        pane.zoom(self._zoom)
        if self.palette_is_dark():
            pane.set_dark(True)
        index = self.panes.index(self.current) + 1 if self.current in self.panes else len(self.panes)
        self.panes.insert(index, pane)
        self.splitter.insertWidget(index, pane)
        self.central.setCurrentWidget(self.splitter)
        self._even_splitter()
        self.set_current(pane)
        self._update_actions()
        for hook in getattr(self, "pane_hooks", []):
            hook(pane)
        return pane

    def eventFilter(self, obj, event):  # noqa: N802
        from PySide6.QtCore import QEvent

        if obj is self.splitter and event.type() == QEvent.Type.Resize and self._pending_sizes:
            if len(self._pending_sizes) == len(self.panes):
                self.splitter.setSizes(self._pending_sizes)
            else:
                self._pending_sizes = None
        return super().eventFilter(obj, event)

    def _forget_pending_sizes(self, *_args) -> None:
        self._pending_sizes = None

    def _even_splitter(self) -> None:
        n = len(self.panes)
        if n:
            total = max(self.splitter.width(), 400 * n)
            self.splitter.setSizes([total // n] * n)

    def _article_loaded(self, pane: ReaderPane, article, article_id: int | None) -> None:
        if pane not in self.panes:
            return
        pane.set_article(article, article_id)
        if pane is self.current:
            self._update_title()
        self.pane_ready.emit(pane)
        if article_id is not None:
            for hook in self.article_hooks:
                hook(pane)
        source = pane.source
        if source.startswith("clipboard:"):
            source = pane.source = f"clipboard:{article.text_hash[:12]}"
        if not source.startswith(("library:", "clipboard:")):
            settings.add_recent(source)
        self._store_article(source, article, article_id, pane)
        self._analyse(pane)

    def _store_article(self, source: str, article, article_id: int | None, pane: ReaderPane | None = None) -> None:
        entry = LibraryEntry(
            source=source,
            title=article.display_title,
            subtitle=article.outlet or (Path(article.path).name if article.path else (article.url or "pasted text")),
            date=article.date,
            article_id=article_id,
            is_open=pane is not None,
        )
        self.sidebar.upsert(entry)
        if pane is None:
            # in the library but not open: analyse it after the open panes so its badges show (and the cache is warm)
            self.analysis.analyze(article.text, lambda a, s=source: self.sidebar.update_entry(s, badges=badges_from(a.profile)), lambda _e: None)
        if not self.store.available:
            return
        if article_id is not None:
            return

        def stored(new_id: int, source=source, pane=pane) -> None:
            if pane is not None and pane in self.panes:
                pane.article_id = new_id
                for hook in getattr(self, "article_hooks", []):
                    hook(pane)
            self.sidebar.update_entry(source, article_id=new_id)
            self._refresh_library()

        def not_stored(error) -> None:
            if self.store.open_error is None:  # an unopenable library is reported once, not per article
                self.statusBar().showMessage(f"Not saved in the library: {error_message(error)}", 8000)

        self.store.call("add_article", article, on_done=stored, on_error=not_stored)

    def _analyse(self, pane: ReaderPane) -> None:
        article = pane.article

        def done(analysis, pane=pane) -> None:
            if pane not in self.panes or pane.article is None or pane.article.text != analysis.text:
                return
            pane.set_analysis(analysis)
            self.sidebar.update_entry(pane.source, badges=badges_from(analysis.profile, pane.counts()))
            self.pane_analysed.emit(pane)

        def failed(message, pane=pane) -> None:
            if pane in self.panes:
                pane.set_error(message)
                self.pane_analysed.emit(pane)

        self.analysis.analyze(article.text, done, failed)

    def _load_failed(self, pane: ReaderPane, error) -> None:
        if pane not in self.panes:
            return
        message = error_message(error)
        pane.set_error(message, title=pane.display_name)
        self.sidebar.update_entry(pane.source, failed=message)
        self.statusBar().showMessage(f"{pane.display_name}: {message}", 8000)
        self.pane_ready.emit(pane)
        self.pane_analysed.emit(pane)

    # -- export -------------------------------------------------------------------------------------
    def export_pdf(self) -> None:
        """The export dialog for the open, analysed articles (current pane's layer toggles preselected)."""
        from desktop.ui.export_dialog import ExportDialog, ExportSource

        sources = [ExportSource(p.article, p.analysis, p.article_id) for p in self.panes if p.analysis is not None]
        if not sources:
            self.statusBar().showMessage("Nothing to export yet: wait until the open articles are analysed.", 6000)
            return
        layers = self.current.layer_states() if self.current is not None else None
        dialog = ExportDialog(sources, self, layers=layers, store=self.store, pools=self.pools)
        dialog.exported.connect(lambda paths: self.statusBar().showMessage(f"Exported {', '.join(paths)}", 10000))
        dialog.exec()

    def export_notes(self, path: str | None = None) -> None:
        """Every annotation in the library to a .jsonld / .json (W3C Web Annotation) or .md file."""
        if not self.store.available:
            self.statusBar().showMessage("The library is unavailable: there are no notes to export.", 8000)
            return
        if path is None:
            start = str(Path(settings.get("recent/dir") or Path.home()) / "sourcelight-notes.jsonld")
            path, _ = QFileDialog.getSaveFileName(self, "Export notes", start, "W3C Web Annotations (*.jsonld *.json);;Markdown (*.md)")
            if not path:
                return
        markdown = path.lower().endswith((".md", ".markdown"))

        def write(lib, path=path, markdown=markdown):
            import json

            data = lib.export_markdown() if markdown else json.dumps(lib.export_jsonld(), ensure_ascii=False, indent=1)
            Path(path).write_text(data, encoding="utf-8")
            return path

        self.store.run(
            write,
            on_done=lambda p: self.statusBar().showMessage(f"Notes exported to {p}", 10000),
            on_error=lambda e: QMessageBox.warning(self, "Notes not exported", error_message(e)),
        )

    def import_notes(self, path: str | None = None) -> None:
        if not self.store.available:
            self.statusBar().showMessage("The library is unavailable: notes cannot be imported.", 8000)
            return
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, "Import notes", settings.get("recent/dir") or str(Path.home()), "Sourcelight notes (*.jsonld *.json *.md)")
            if not path:
                return

        def read(lib, path=path):
            import json

            text = Path(path).read_text(encoding="utf-8")
            if path.lower().endswith((".md", ".markdown")):
                return lib.import_markdown(text)
            try:
                data = json.loads(text)
            except ValueError:
                raise ValueError(f"{Path(path).name} is not a JSON-LD notes file") from None
            return lib.import_jsonld(data)

        def done(counts) -> None:
            added, skipped = counts
            self.statusBar().showMessage(f"Imported {added} annotation{'s' if added != 1 else ''}" + (f", {skipped} already in the library" if skipped else ""), 10000)
            self.load_library()
            for pane in self.panes:
                self.notes.reload(pane.article_id)
                self.notes._load_verdicts(pane)
            self.last_import = counts

        self.store.run(read, on_done=done, on_error=lambda e: QMessageBox.warning(self, "Notes not imported", error_message(e)))

    # -- compare ------------------------------------------------------------------------------------
    def compare_open(self) -> None:
        """Compare the analysed panes (on a worker) and show the result in the Comparison panel."""
        from desktop.analysis.compare import compare

        panes = [p for p in self.panes if p.analysis is not None]
        if len(panes) < 2:
            self.statusBar().showMessage("Open at least two analysed articles to compare them.", 6000)
            return
        items = [(p.display_name, p.analysis) for p in panes]
        self._compare_panes = panes
        self.status_label.setText("Comparing…")

        def done(comparison) -> None:
            from desktop.ui.compare_view import CompareView

            if getattr(self, "compare_view", None) is None:
                self.compare_view = CompareView(parent=self)
                self.compare_view.occurrence_activated.connect(self._compare_jump)
                self.compare_dock = self._dock("Comparison", "compare_dock", self.compare_view, Qt.DockWidgetArea.BottomDockWidgetArea)
                self.panels_menu.addAction(self.compare_dock.toggleViewAction())
            self.compare_view.set_comparison(comparison)
            self.compare_dock.show()
            self.compare_dock.raise_()
            self.status_label.setText("Ready")

        def failed(error) -> None:
            self.status_label.setText("Ready")
            self.statusBar().showMessage(f"The comparison failed: {error_message(error)}", 10000)

        self.pools.load(compare, items, on_done=done, on_error=failed)

    def _compare_jump(self, index: int, start: int, end: int) -> None:
        panes = getattr(self, "_compare_panes", [])
        if 0 <= index < len(panes) and panes[index] in self.panes:
            self.set_current(panes[index])
            panes[index].select_range(start, end)
        else:
            self.statusBar().showMessage("That article is no longer open.", 5000)

    # -- library -----------------------------------------------------------------------------------
    def load_library(self, then=None) -> None:
        """Fill the sidebar from the store (with badges from cached analyses); then(rows) afterwards."""
        if not self.store.available:
            if then:
                then(None)
            return
        model = self.analysis.model_name or settings.get("analysis/model") or ""

        def fetch(lib):
            rows = lib.list_articles()
            out = []
            for row in rows:
                cached = None
                if model and row.text_hash:
                    try:
                        cached = lib.cached_analysis(row.text_hash, __version__, model)
                    except Exception:  # noqa: BLE001 - a broken cache entry only costs the badges
                        cached = None
                out.append((row, cached.profile if cached is not None else None))
            return out

        def done(items) -> None:
            self._apply_library(items)
            if then:
                then([row for row, _ in items])

        def failed(error) -> None:
            self.statusBar().showMessage(f"The library could not be read: {error_message(error)}", 10000)
            if then:
                then(None)

        self.store.run(fetch, on_done=done, on_error=failed)

    def _refresh_library(self) -> None:
        if self._closing:
            return
        self.load_library()

    def _apply_library(self, items) -> None:
        open_ids = {p.article_id for p in self.panes if p.article_id is not None}
        for row, profile in items:
            source = row.path if row.path and Path(row.path).exists() else (row.url or f"library:{row.id}")
            existing = self.sidebar.entry(source)
            badges = badges_from(profile) if profile is not None else (existing.badges if existing else {})
            self.sidebar.upsert(
                LibraryEntry(
                    source=source,
                    title=row.title or getattr(row, "display_title", "") or (Path(row.path).name if row.path else "Untitled"),
                    subtitle=row.outlet or (Path(row.path).name if row.path else (row.url or "")),
                    date=row.date or "",
                    article_id=row.id,
                    badges=badges,
                    is_open=row.id in open_ids,
                )
            )
        self.sidebar.set_open({p.source for p in self.panes})

    def edit_entry(self, entry: LibraryEntry) -> None:
        from desktop.ui.dialogs import MetadataDialog

        dialog = MetadataDialog(entry, self)
        if dialog.exec() != MetadataDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        self.store.run(
            lambda lib: lib.update_metadata(entry.article_id, **values),
            on_done=lambda _r: self._metadata_saved(entry, values),
            on_error=lambda e: QMessageBox.warning(self, "Not saved", error_message(e)),
        )

    def _metadata_saved(self, entry: LibraryEntry, values: dict) -> None:
        self.sidebar.update_entry(entry.source, title=values["title"] or entry.title, subtitle=values["outlet"] or entry.subtitle, date=values["date"])
        for pane in self.panes:
            if pane.article_id == entry.article_id and pane.article is not None:
                from dataclasses import replace

                pane.article = replace(pane.article, title=values["title"], outlet=values["outlet"], date=values["date"])
                pane.update_header()
        self._update_title()

    def remove_entry(self, entry: LibraryEntry) -> None:
        answer = QMessageBox.question(self, "Remove from library", f"Remove “{entry.title}” and your notes on it from the library?")
        if answer != QMessageBox.StandardButton.Yes:
            return
        for pane in list(self.panes):
            if pane.article_id == entry.article_id:
                self.close_pane(pane)
        self.store.call("remove_article", entry.article_id, on_done=lambda _r: self.sidebar.remove(entry.source), on_error=lambda e: QMessageBox.warning(self, "Not removed", error_message(e)))

    def _library_error(self, message: str) -> None:
        self.sidebar.can_edit = False
        self.library_state.setText("⚠ Library unavailable: notes are not saved")
        self.library_state.setToolTip(message)
        self.statusBar().showMessage(f"Library unavailable: {message}", 15000)
        from desktop.ui.dialogs import library_error_dialog

        self.library_error_box = library_error_dialog(self, message, on_path=self.use_library)

    def use_library(self, path: str) -> None:
        """Switch to another library file (after an error); open articles are added to it."""
        self.store.reopen(path)
        self.sidebar.can_edit = True
        self.library_state.setText("")
        self.library_state.setToolTip("")

        def loaded(_rows) -> None:
            if self.store.available:
                self.statusBar().showMessage(f"Library: {path}", 8000)
                for pane in self.panes:
                    if pane.article is not None and pane.article_id is None:
                        self._store_article(pane.source, pane.article, None, pane)

        self.load_library(loaded)

    # -- panes -------------------------------------------------------------------------------------
    def set_current(self, pane: ReaderPane | None) -> None:
        if pane is not None and pane not in self.panes:
            return
        if pane is self.current:
            return
        self.current = pane
        for p in self.panes:
            p.setProperty("current", p is pane)
            p.style().unpolish(p)
            p.style().polish(p)
        for panel in (self.quotes_panel, self.claims_panel, self.profile_panel):
            panel.set_pane(pane)
        self._sync_layer_actions()
        self._update_title()
        self._update_actions()
        self.current_changed.emit(pane)

    def close_current_pane(self) -> None:
        if self.current is not None:
            self.close_pane(self.current)

    def close_pane(self, pane: ReaderPane) -> None:
        if pane not in self.panes:
            return
        index = self.panes.index(pane)
        self.panes.remove(pane)
        pane.dispose()
        pane.hide()
        pane.setParent(None)
        pane.deleteLater()
        if self.current is pane:
            self.current = None
            self.set_current(self.panes[min(index, len(self.panes) - 1)] if self.panes else None)
        if not self.panes:
            self.central.setCurrentWidget(self.welcome)
            self.set_current(None)
        self.sidebar.set_open({p.source for p in self.panes})
        self._update_actions()

    def _cycle_pane(self, step: int) -> None:
        if not self.panes:
            return
        i = self.panes.index(self.current) if self.current in self.panes else 0
        pane = self.panes[(i + step) % len(self.panes)]
        self.set_current(pane)
        pane.text.setFocus()

    def _pane_scrolled(self, pane: ReaderPane, fraction: float) -> None:
        if self.act_sync.isChecked():
            for p in self.panes:
                if p is not pane:
                    p.set_scroll_fraction(fraction)

    def _pane_layers_changed(self, pane: ReaderPane) -> None:
        if pane is self.current:
            self._sync_layer_actions()

    def _pane_analysis_changed(self, pane: ReaderPane) -> None:
        if pane.analysis is not None:
            self.sidebar.update_entry(pane.source, badges=badges_from(pane.analysis.profile, pane.counts()))

    def _sync_layer_actions(self) -> None:
        states = self.current.layer_states() if self.current else {}
        for key, a in self.layer_actions.items():
            a.blockSignals(True)
            a.setChecked(states.get(key, True))
            a.setEnabled(self.current is not None)
            a.blockSignals(False)

    def _toggle_layer(self, key: str, on: bool) -> None:
        if self.current is not None:
            self.current.set_layer(key, on)

    def set_sync_scroll(self, on: bool) -> None:
        settings.put("view/sync_scroll", bool(on))
        if on and self.current is not None:
            self._pane_scrolled(self.current, self.current.scroll_fraction())

    def set_zoom(self, steps: int) -> None:
        self._zoom = max(-6, min(12, steps))
        for p in self.panes:
            p.zoom(self._zoom)
        settings.put("view/zoom", self._zoom)
        self.statusBar().showMessage(f"Zoom {round(100 * 1.1 ** self._zoom)} %", 2000)

    def find(self) -> None:
        if self.current is not None:
            self.current.open_find()

    def _find_step(self, forward: bool) -> None:
        if self.current is None:
            return
        bar = self.current.find_bar
        if not bar.isVisible() or not bar.edit.text():
            self.current.open_find()
        else:
            bar.find(forward)

    def _copy(self) -> None:
        w = QApplication.focusWidget()
        if hasattr(w, "copy"):
            w.copy()
        elif self.current is not None:
            self.current.text.copy()

    def _select_all(self) -> None:
        w = QApplication.focusWidget()
        if hasattr(w, "selectAll"):
            w.selectAll()
        elif self.current is not None:
            self.current.text.selectAll()

    def _toggle_fullscreen(self, on: bool) -> None:
        self.showFullScreen() if on else self.showNormal()

    def _update_title(self) -> None:
        if self.current is not None:
            self.setWindowTitle(f"{self.current.display_name} — Sourcelight")
        else:
            self.setWindowTitle("Sourcelight")

    def _update_actions(self) -> None:
        has = self.current is not None
        for a in (self.act_close_pane, self.act_find, self.act_find_next, self.act_find_prev):
            a.setEnabled(has)
        self.act_split.setEnabled(len(self.panes) < settings.MAX_PANES)
        self.act_sync.setEnabled(len(self.panes) > 1 or self.act_sync.isChecked())
        if self.act_compare:
            self.act_compare.setEnabled(len(self.panes) > 1)
        if self.act_export:
            self.act_export.setEnabled(bool(self.panes))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = settings.get("recent/files") or []
        for source in recent:
            label = source if "://" in source else f"{Path(source).name}  —  {Path(source).parent}"
            self.recent_menu.addAction(label, lambda s=source: self.open_sources([s]))
        if recent:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear list", lambda: settings.put("recent/files", []))
        else:
            a = self.recent_menu.addAction("No recent files")
            a.setEnabled(False)

    # -- theme ---------------------------------------------------------------------------------------
    def palette_is_dark(self) -> bool:
        from desktop.ui.reader_pane import is_dark

        return is_dark(self)

    def set_theme(self, theme: str) -> None:
        from desktop.ui.app import apply_theme

        settings.put("view/theme", theme)
        apply_theme(QApplication.instance(), theme)
        dark = self.palette_is_dark()
        for p in self.panes:
            p.set_dark(dark)

    # -- drag and drop -----------------------------------------------------------------------------
    def dragEnterEvent(self, event):  # noqa: N802
        if event.mimeData().hasUrls() and any(u.isLocalFile() or u.scheme() in ("http", "https") for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event):  # noqa: N802
        self.dragEnterEvent(event)

    def dropEvent(self, event):  # noqa: N802
        sources = []
        for u in event.mimeData().urls():
            if u.isLocalFile():
                sources.append(u.toLocalFile())
            elif u.scheme() in ("http", "https"):
                sources.append(u.toString())
        if sources:
            event.acceptProposedAction()
            self.open_sources(sources)

    # -- help ----------------------------------------------------------------------------------------
    def about(self) -> None:
        QMessageBox.about(
            self,
            "About Sourcelight",
            f"<h3>Sourcelight {__version__}</h3><p>A reader for journalists: it marks what an article quotes, "
            "what it asserts with no source, what it credits to sources nobody can check, and the words chosen "
            "to make the reader feel rather than know.</p><p>Everything runs on this computer; nothing is sent anywhere.</p>",
        )

    def show_guide(self) -> None:
        from desktop.ui.dialogs import GuideDialog

        GuideDialog(self, dark=self.palette_is_dark()).exec()

    # -- state -----------------------------------------------------------------------------------------
    def session_state(self) -> list[dict]:
        out = []
        for p in self.panes:
            if p.source.startswith("clipboard:"):
                if p.article_id is None:
                    continue
                source = f"library:{p.article_id}"
            else:
                source = p.source
            out.append({"source": source, "article_id": p.article_id, "layers": p.layer_states()})
        return out

    def save_state(self) -> None:
        settings.put("window/geometry", self.saveGeometry())
        settings.put("window/state", self.saveState())
        settings.put("window/splitter", self.splitter.sizes())
        settings.put("session/open", self.session_state())
        settings.put("session/current", self.panes.index(self.current) if self.current in self.panes else 0)
        settings.put("session/started_once", True)
        settings.settings().sync()

    def restore_geometry(self) -> None:
        geometry = settings.get("window/geometry")
        if isinstance(geometry, (QByteArray, bytes)):
            self.restoreGeometry(geometry)
        state = settings.get("window/state")
        if isinstance(state, (QByteArray, bytes)):
            self.restoreState(state)

    def restore_session(self) -> bool:
        """Re-open the panes of the last session; False when there was none."""
        items = settings.get("session/open") or []
        if not items:
            return False
        sources = [it["source"] for it in items if isinstance(it, dict) and it.get("source")]
        panes = self.open_sources(sources, [it.get("layers") or {} for it in items])
        sizes = settings.get("window/splitter")
        if isinstance(sizes, list) and len(sizes) == len(self.panes) and all(isinstance(x, int) for x in sizes):
            # applied when the splitter gets its real width (it is still being laid out now)
            self._pending_sizes = sizes
            self.splitter.setSizes(sizes)
        current = settings.get("session/current") or 0
        if isinstance(current, int) and 0 <= current < len(self.panes):
            self.set_current(self.panes[current])
        return bool(panes)

    def first_run(self) -> None:
        """An empty library: add the five sample articles, open two side by side."""
        seeds = [str(p) for p in seed_files()]
        if not seeds:
            return
        self.open_sources(seeds[:1] + seeds[2:3] if len(seeds) >= 3 else seeds[:2])
        for s in seeds:
            if all(p.source != s for p in self.panes):
                self._add_to_library_only(s)
        if self.panes:
            self.set_current(self.panes[0])

    def start(self, files: list[str]) -> None:
        """What run_app does after showing the window: files, else the last session, else the seeds."""
        self.restore_geometry()
        self.analysis.preload()

        seeds = {str(p.resolve()) for p in seed_files()}
        if files and seeds and {str(Path(f).resolve()) for f in files if "://" not in f} == seeds and len(files) == len(seeds):
            # `make run` passes the five samples: treat it as a plain start (first run: two open side by side)
            files = []

        def with_library(rows) -> None:
            if files:
                self.open_sources([str(Path(f)) if "://" not in f else f for f in files])
                return
            first = (rows is not None and not rows and not settings.get("session/started_once")) or (rows is None and not settings.get("session/started_once"))
            if first:
                self.first_run()
            elif not self.restore_session():
                if not self.panes:
                    self.central.setCurrentWidget(self.welcome)

        self.load_library(with_library)

    def closeEvent(self, event):  # noqa: N802
        self._closing = True
        self.save_state()
        for hook in getattr(self, "close_hooks", []):
            hook()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Wait for workers and close the library (after the window closed)."""
        self.analysis.close()
        self.pools.wait(10000)
        self.pools.cancel_pending()
        self.store.close()
