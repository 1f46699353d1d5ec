"""Side panels for the current pane: Quotes by speaker, Claims in order, and the article's Profile."""

from __future__ import annotations

import html
from collections import OrderedDict

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QListView, QTextBrowser, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from desktop.layers import LAYER_BY_KEY
from desktop.ui.legend import swatch_icon

ROLE_RANGE = Qt.ItemDataRole.UserRole + 1


def _excerpt(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class _PanePanel(QWidget):
    """A panel that follows the current reader pane."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.pane = None
        self._dirty = True

    def set_pane(self, pane) -> None:
        if self.pane is pane:
            self._refresh_if_shown()
            return
        if self.pane is not None:
            try:
                self.pane.analysis_changed.disconnect(self._changed)
            except (RuntimeError, TypeError):
                pass
        self.pane = pane
        if pane is not None:
            pane.analysis_changed.connect(self._changed)
        self._refresh_if_shown()

    def _changed(self, pane) -> None:
        if pane is self.pane:
            self._refresh_if_shown()

    def _refresh_if_shown(self) -> None:
        # a panel behind another tab (or closed) refreshes when it is shown: no work for nothing
        if self.isVisible():
            self._dirty = False
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        if self._dirty:
            self._dirty = False
            self.refresh()

    def refresh(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _placeholder(self) -> str:
        if self.pane is None:
            return "Open an article to see this."
        if self.pane.error and self.pane.analysis is None:
            return "This article could not be analysed."
        return "Analysing…"


class QuotesPanel(_PanePanel):
    """Attributed quotes grouped by speaker; click one to scroll to it and select it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.info = QLabel(self)
        self.info.setObjectName("panel_info")
        self.info.setWordWrap(True)
        self.info.setMargin(6)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("quotes_tree")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.itemActivated.connect(self._go)
        self.tree.itemClicked.connect(self._go)
        layout.addWidget(self.info)
        layout.addWidget(self.tree, 1)

    def speakers(self) -> list[str]:
        return [self.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) for i in range(self.tree.topLevelItemCount())]

    def refresh(self) -> None:
        self.tree.clear()
        pane = self.pane
        if pane is None or pane.analysis is None:
            self.info.setText(self._placeholder())
            return
        text = pane.analysis.text
        groups: OrderedDict[str, list] = OrderedDict()
        for s in pane.visible_spans():
            if s.kind == "quote":
                groups.setdefault(s.speaker or "Unknown speaker", []).append(s)
        if not groups:
            self.info.setText("No attributed quotes in this article.")
            return
        total = sum(len(v) for v in groups.values())
        self.info.setText(f"{total} quote{'s' if total != 1 else ''} from {len(groups)} speaker{'s' if len(groups) != 1 else ''}")
        icon = swatch_icon(LAYER_BY_KEY["quote"])
        for speaker, quotes in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[1][0].start)):
            top = QTreeWidgetItem([f"{speaker}  ({len(quotes)})"])
            top.setData(0, Qt.ItemDataRole.UserRole, speaker)
            top.setData(0, ROLE_RANGE, (quotes[0].start, quotes[0].end))
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setIcon(0, icon)
            for q in quotes:
                child = QTreeWidgetItem([_excerpt(text[q.start : q.end])])
                child.setData(0, ROLE_RANGE, (q.start, q.end))
                tip = html.escape(" ".join(text[q.start : q.end].split()))
                if q.why:
                    tip += f"<br><i>{html.escape(q.why)}</i>"
                child.setToolTip(0, tip)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)

    def _go(self, item, _column=0) -> None:
        rng = item.data(0, ROLE_RANGE)
        if rng and self.pane is not None:
            self.pane.select_range(*rng)


class ClaimsModel(QAbstractListModel):
    """Sentences to check; text and icons are made only for the rows on screen (fast on long articles)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self.text = ""
        self._icons = {}

    def set_rows(self, rows: list, text: str) -> None:
        self.beginResetModel()
        self.rows = rows
        self.text = text
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        s = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _excerpt(self.text[s.start : s.end], 220)
        if role == Qt.ItemDataRole.DecorationRole:
            if s.layer not in self._icons:
                self._icons[s.layer] = swatch_icon(LAYER_BY_KEY[s.layer])
            return self._icons[s.layer]
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = LAYER_BY_KEY[s.layer].title + (f" — source: {s.source}" if s.source else "") + (f"\n{s.why}" if s.why else "")
            return html.escape(" ".join(self.text[s.start : s.end].split())) + "<br><i>" + html.escape(tip).replace("\n", "<br>") + "</i>"
        if role == ROLE_RANGE:
            return (s.start, s.end)
        return None


class ClaimsPanel(_PanePanel):
    """Unsourced and vaguely sourced sentences in reading order; click to scroll there."""

    FILTERS = (("All claims to check", ("unsourced", "vague")), ("Unsourced only", ("unsourced",)), ("Vague sourcing only", ("vague",)))

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QComboBox(self)
        for title, _ in self.FILTERS:
            self.filter.addItem(title)
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.info = QLabel(self)
        self.info.setObjectName("panel_info")
        self.info.setMargin(6)
        self.info.setWordWrap(True)
        self.model = ClaimsModel(self)
        self.list = QListView(self)
        self.list.setObjectName("claims_list")
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.activated.connect(self._go)
        self.list.clicked.connect(self._go)
        layout.addWidget(self.filter)
        layout.addWidget(self.info)
        layout.addWidget(self.list, 1)

    def refresh(self) -> None:
        pane = self.pane
        if pane is None or pane.analysis is None:
            self.model.set_rows([], "")
            self.info.setText(self._placeholder())
            return
        wanted = self.FILTERS[self.filter.currentIndex()][1]
        rows = [s for s in pane.visible_spans() if s.kind == "sentence" and s.layer in wanted]
        self.model.set_rows(rows, pane.analysis.text)
        n = len(rows)
        self.info.setText(f"{n} sentence{'s' if n != 1 else ''} to check" if n else "Nothing to check: every claim is attributed.")

    def activate(self, row: int) -> None:
        self._go(self.model.index(row, 0))

    def _go(self, index) -> None:
        rng = index.data(ROLE_RANGE)
        if rng and self.pane is not None:
            self.pane.select_range(*rng)


def _pct(x: float) -> str:
    return f"{100 * x:.0f} %"


class ProfilePanel(_PanePanel):
    """Counts, shares, readability, named and vague sources of the current article."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = QTextBrowser(self)
        self.view.setObjectName("profile_view")
        self.view.setOpenLinks(False)
        layout.addWidget(self.view)

    def refresh(self) -> None:
        pane = self.pane
        if pane is None or pane.analysis is None:
            self.view.setHtml(f"<p>{html.escape(self._placeholder())}</p>")
            return
        self.view.setHtml(profile_html(pane))


def profile_html(pane) -> str:
    a = pane.analysis
    p = a.profile
    counts = pane.counts()
    dismissed = len(pane.dismissed)
    claims = max(0, p.sentences - p.not_claim)
    unsourced = counts["unsourced"]
    vague = counts["vague"]
    rows = [
        ("Words (body)", f"{p.words:,}"),
        ("Sentences", f"{p.sentences}"),
        ("Claims", f"{claims}"),
        ("Unsourced", f"{unsourced} ({_pct(unsourced / claims) if claims else '–'})"),
        ("Vague sourcing", f"{vague} ({_pct(vague / claims) if claims else '–'})"),
        ("Attributed", f"{p.attributed}"),
        ("Quotes", f"{counts['quote']} from {p.speakers} speaker{'s' if p.speakers != 1 else ''}"),
        ("Emotive phrases", f"{counts['emotive']} ({1000 * counts['emotive'] / p.words:.1f} per 1,000 words)" if p.words else f"{counts['emotive']}"),
        ("Reading ease (Flesch)", f"{a.readability.flesch_reading_ease:.0f}"),
        ("Grade level", f"{a.readability.grade:.1f}"),
    ]
    out = ["<table cellspacing='0' cellpadding='3'>"]
    for k, v in rows:
        out.append(f"<tr><td>{html.escape(k)}</td><td align='right'><b>{html.escape(v)}</b></td></tr>")
    out.append("</table>")
    if dismissed:
        out.append(f"<p><i>{dismissed} highlight{'s' if dismissed != 1 else ''} dismissed by you (not counted).</i></p>")

    def src_list(title: str, names, color: str) -> None:
        out.append(f"<h4 style='margin-bottom:2px'><span style='color:{color}'>■</span> {html.escape(title)} ({len(names)})</h4>")
        if names:
            out.append("<ul style='margin-top:0'>" + "".join(f"<li>{html.escape(n)}</li>" for n in names) + "</ul>")
        else:
            out.append("<p style='margin-top:0'>none</p>")

    src_list("Named sources", p.named_sources, LAYER_BY_KEY["quote"].color)
    src_list("Vague sources", p.vague_sources, LAYER_BY_KEY["vague"].color)
    if a.model:
        out.append(f"<p style='color:gray'>Analysed with {html.escape(a.model)}, Sourcelight {html.escape(a.version)}</p>")
    for w in a.warnings:
        out.append(f"<p style='color:#D55E00'>⚠ {html.escape(w)}</p>")
    return "".join(out)
