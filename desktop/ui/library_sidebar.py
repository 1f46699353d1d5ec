"""The library sidebar: every article with its title, outlet or file name, date and profile badges."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from desktop.layers import LAYER_BY_KEY

ROLE_ENTRY = Qt.ItemDataRole.UserRole + 10


@dataclass
class LibraryEntry:
    source: str  # what opens it: a path, a URL or "library:<id>"
    title: str
    subtitle: str = ""  # outlet, else the file name
    date: str = ""
    article_id: int | None = None
    badges: dict = field(default_factory=dict)  # unsourced_share, quotes, emotive_per_1000
    is_open: bool = False
    failed: str = ""


def badges_from(profile, counts: dict | None = None) -> dict:
    """The three sidebar badges from an analysis profile (and the pane's counts after verdicts)."""
    claims = max(0, profile.sentences - profile.not_claim)
    unsourced = counts["unsourced"] if counts else profile.unsourced
    quotes = counts["quote"] if counts else profile.quotes
    emotive = counts["emotive"] if counts else profile.emotive
    return {
        "unsourced_share": unsourced / claims if claims else 0.0,
        "quotes": quotes,
        "emotive_per_1000": 1000.0 * emotive / profile.words if profile.words else 0.0,
    }


class EntryDelegate(QStyledItemDelegate):
    """Paints one entry: title, subtitle · date, and the coloured badges."""

    PAD = 8

    def sizeHint(self, option, index):  # noqa: N802
        fm = QFontMetrics(option.font)
        return QSize(200, self.PAD * 2 + fm.height() * 3 + 10)

    def paint(self, painter, option, index):
        entry: LibraryEntry = index.data(ROLE_ENTRY)
        if entry is None:
            return super().paint(painter, option, index)
        painter.save()
        style = option.widget.style() if option.widget else None
        if style:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        pal = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        fg = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        dim = QColor(fg)
        dim.setAlpha(170)
        r = option.rect.adjusted(self.PAD, self.PAD // 2 + 2, -self.PAD, -self.PAD // 2)
        fm = QFontMetrics(option.font)
        line = fm.height()
        # title
        tf = QFont(option.font)
        tf.setBold(True)
        painter.setFont(tf)
        painter.setPen(fg)
        mark = "● " if entry.is_open else ""
        title = QFontMetrics(tf).elidedText(mark + entry.title, Qt.TextElideMode.ElideRight, r.width())
        painter.drawText(QRect(r.left(), r.top(), r.width(), line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        # subtitle · date
        painter.setFont(option.font)
        painter.setPen(dim)
        sub = " · ".join(x for x in (entry.subtitle, entry.date) if x)
        if entry.failed:
            sub = "⚠ " + entry.failed
        painter.drawText(
            QRect(r.left(), r.top() + line, r.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(sub, Qt.TextElideMode.ElideRight, r.width()),
        )
        # badges
        if entry.badges:
            bf = QFont(option.font)
            bf.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.85))
            painter.setFont(bf)
            bfm = QFontMetrics(bf)
            x = r.left()
            y = r.top() + 2 * line + 4
            h = bfm.height() + 2
            items = (
                ("unsourced", f"{100 * entry.badges.get('unsourced_share', 0):.0f}% unsourced"),
                ("quote", f"{entry.badges.get('quotes', 0)} quote{'' if entry.badges.get('quotes', 0) == 1 else 's'}"),
                ("emotive", f"{entry.badges.get('emotive_per_1000', 0):.1f}/1k emotive"),
            )
            for key, text in items:
                w = bfm.horizontalAdvance(text) + 10
                if x + w > r.right():
                    break
                color = QColor(LAYER_BY_KEY[key].color)
                fill = QColor(color)
                fill.setAlpha(45)
                painter.setPen(color)
                painter.setBrush(fill)
                painter.setRenderHint(painter.RenderHint.Antialiasing)
                painter.drawRoundedRect(QRect(x, y, w, h), 4, 4)
                painter.setPen(fg)
                painter.drawText(QRect(x, y, w, h), Qt.AlignmentFlag.AlignCenter, text)
                x += w + 4
        painter.restore()


class LibrarySidebar(QWidget):
    """Lists articles; activating one opens it (or focuses its pane)."""

    open_requested = Signal(object)  # LibraryEntry
    open_beside_requested = Signal(object)
    edit_requested = Signal(object)
    remove_requested = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("library_sidebar")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter by title or outlet")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.info = QLabel(self)
        self.info.setObjectName("panel_info")
        self.info.setMargin(4)
        self.list = QListWidget(self)
        self.list.setObjectName("library_list")
        self.list.setItemDelegate(EntryDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.itemActivated.connect(lambda item: self.open_requested.emit(item.data(ROLE_ENTRY)))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.info)
        self.can_edit = False
        self._entries: dict[str, LibraryEntry] = {}

    def entries(self) -> list[LibraryEntry]:
        return [self.list.item(i).data(ROLE_ENTRY) for i in range(self.list.count())]

    def entry(self, source: str) -> LibraryEntry | None:
        return self._entries.get(source)

    def upsert(self, entry: LibraryEntry) -> None:
        """Add or update one entry (matched by source, else by article id)."""
        old_source = None
        if entry.source not in self._entries and entry.article_id is not None:
            for src, e in self._entries.items():
                if e.article_id == entry.article_id:
                    old_source = src
                    break
        key = old_source or entry.source
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(ROLE_ENTRY).source == key:
                merged = entry if not old_source else replace(entry, source=old_source)
                if not merged.badges:
                    merged.badges = item.data(ROLE_ENTRY).badges
                item.setData(ROLE_ENTRY, merged)
                item.setToolTip(self._tip(merged))
                self._entries[key] = merged
                self._apply_filter(self.filter.text())
                return
        item = QListWidgetItem()
        item.setData(ROLE_ENTRY, entry)
        item.setToolTip(self._tip(entry))
        self.list.addItem(item)
        self._entries[entry.source] = entry
        self._update_info()
        self._apply_filter(self.filter.text())

    def update_entry(self, source: str, **changes) -> None:
        entry = self._entries.get(source)
        if entry is None:
            return
        self.upsert(replace(entry, **changes))

    def remove(self, source: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(ROLE_ENTRY).source == source:
                self.list.takeItem(i)
                break
        self._entries.pop(source, None)
        self._update_info()

    def set_open(self, open_sources: set[str]) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            e = item.data(ROLE_ENTRY)
            if e.is_open != (e.source in open_sources):
                e = replace(e, is_open=e.source in open_sources)
                item.setData(ROLE_ENTRY, e)
                self._entries[e.source] = e

    def _tip(self, e: LibraryEntry) -> str:
        import html

        lines = [f"<b>{html.escape(e.title)}</b>"]
        if e.subtitle or e.date:
            lines.append(html.escape(" · ".join(x for x in (e.subtitle, e.date) if x)))
        if e.badges:
            b = e.badges
            lines.append(
                f"{100 * b.get('unsourced_share', 0):.0f}% of claims unsourced · {b.get('quotes', 0)} quotes · "
                f"{b.get('emotive_per_1000', 0):.1f} emotive phrases per 1,000 words"
            )
        if not e.source.startswith("library:"):
            lines.append(html.escape(e.source))
        if e.failed:
            lines.append("⚠ " + html.escape(e.failed))
        return "<br>".join(lines)

    def _update_info(self) -> None:
        n = self.list.count()
        self.info.setText(f"{n} article{'s' if n != 1 else ''}")

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.list.count()):
            item = self.list.item(i)
            e = item.data(ROLE_ENTRY)
            hay = f"{e.title} {e.subtitle} {e.date}".lower()
            item.setHidden(bool(needle) and needle not in hay)

    def _menu(self, pos) -> None:
        item = self.list.itemAt(pos)
        if item is None:
            return
        entry = item.data(ROLE_ENTRY)
        menu = QMenu(self)
        menu.addAction("Open", lambda: self.open_requested.emit(entry))
        menu.addAction("Open beside the current pane", lambda: self.open_beside_requested.emit(entry))
        if self.can_edit and entry.article_id is not None:
            menu.addSeparator()
            menu.addAction("Edit title, outlet and date…", lambda: self.edit_requested.emit(entry))
            menu.addAction("Remove from library", lambda: self.remove_requested.emit(entry))
        menu.exec(self.list.viewport().mapToGlobal(pos))
