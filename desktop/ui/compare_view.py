"""`CompareView`: how the open articles tell one story — stats table, shared quotes, shared claims, only-here.

The view only draws a `desktop.analysis.compare.Comparison` computed elsewhere (off the GUI
thread). Clicking an occurrence emits `occurrence_activated(article_index, start, end)`; the
main window scrolls that article's pane to it and flashes it.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    QCheckBox,
    QHeaderView,
)

from desktop.analysis.compare import STATS_COLUMNS, Comparison, DiffOp, Occurrence
from desktop.layers import LAYER_BY_KEY

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_LABEL_TEXT = {"attributed": "ATTRIBUTED", "vague_source": "VAGUE", "unsourced": "UNSOURCED", "not_claim": "not a claim"}
_LABEL_LAYER = {"vague_source": "vague", "unsourced": "unsourced"}


def _is_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Base).lightness() < 128


def _format_stat(key: str, value) -> str:
    if key in ("unsourced_share", "vague_share"):
        return f"{100 * value:.0f}%"
    if key == "emotive_per_1000":
        return f"{value:.1f}"
    if key == "grade":
        return f"{value:.1f}"
    return str(value)


class StatsModel(QAbstractTableModel):
    """The per-article figures. By default one column per article and one row per figure
    (as a journalist reads them side by side); `articles_as_rows` swaps that.

    Sorting reorders the articles by a figure: in the default layout by clicking the
    figure's row header (`sort_articles`), in the swapped layout by clicking a column header.
    """

    def __init__(self, comparison: Comparison | None = None, parent=None):
        super().__init__(parent)
        self._stats = list(comparison.stats) if comparison else []
        self._order = list(range(len(self._stats)))
        self.articles_as_rows = False
        self.sorted_by: tuple[str, Qt.SortOrder] | None = None

    # layout helpers
    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self._stats = list(comparison.stats) if comparison else []
        self._order = list(range(len(self._stats)))
        self.sorted_by = None
        self.endResetModel()

    def set_articles_as_rows(self, on: bool) -> None:
        self.beginResetModel()
        self.articles_as_rows = on
        self.endResetModel()

    def article_order(self) -> list[int]:
        """Article indices in display order."""
        return list(self._order)

    def _cell(self, row: int, column: int):
        """(stats row, figure key) for a view cell."""
        if self.articles_as_rows:
            return self._stats[self._order[row]], STATS_COLUMNS[column][0]
        return self._stats[self._order[column]], STATS_COLUMNS[row][0]

    # Qt model API
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        if parent.isValid():
            return 0
        return len(self._stats) if self.articles_as_rows else len(STATS_COLUMNS)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        if parent.isValid():
            return 0
        return len(STATS_COLUMNS) if self.articles_as_rows else len(self._stats)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        stats, key = self._cell(index.row(), index.column())
        value = getattr(stats, key)
        if role == Qt.ItemDataRole.DisplayRole:
            return _format_stat(key, value)
        if role == SORT_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{stats.label}: {dict(STATS_COLUMNS)[key]} = {_format_stat(key, value)}"
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        article_axis = Qt.Orientation.Vertical if self.articles_as_rows else Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == article_axis:
                if section >= len(self._order):
                    return None
                s = self._stats[self._order[section]]
                return f"[{s.index + 1}] {s.label}"
            return STATS_COLUMNS[section][1] if section < len(STATS_COLUMNS) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if orientation != article_axis:
                return "Click to sort the articles by this figure"
            if section < len(self._order):
                return self._stats[self._order[section]].label
        return None

    def sort_articles(self, key: str, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the articles by one figure (`key` from STATS_COLUMNS)."""
        self.layoutAboutToBeChanged.emit()
        self._order.sort(key=lambda i: (getattr(self._stats[i], key), i),
                         reverse=order == Qt.SortOrder.DescendingOrder)
        self.sorted_by = (key, order)
        self.layoutChanged.emit()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """QTableView header click in the swapped layout: sort articles by that figure."""
        if self.articles_as_rows and 0 <= column < len(STATS_COLUMNS):
            self.sort_articles(STATS_COLUMNS[column][0], order)


class _OccurrenceBrowser(QTextBrowser):
    """Read-only rich text whose `occ:` links are occurrences; never opens URLs itself."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )


class CompareView(QWidget):
    """Tabs: Stats (sortable, Export CSV…), Shared quotes (word-level diffs), Shared claims, Only here."""

    occurrence_activated = Signal(int, int, int)  # article index, start, end

    def __init__(self, comparison: Comparison | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("compareView")
        self.comparison: Comparison | None = None

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget()

        # stats
        self.stats_model = StatsModel(parent=self)
        self.table = QTableView()
        self.table.setModel(self.stats_model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setMaximumSectionSize(280)  # long titles elide; the tooltip has them whole
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionsClickable(True)
        self.table.verticalHeader().sectionClicked.connect(self._row_header_clicked)
        self.table.horizontalHeader().sectionClicked.connect(self._column_header_clicked)
        self.swap_box = QCheckBox("Articles as rows")
        self.swap_box.setToolTip("One row per article instead of one column per article")
        self.swap_box.toggled.connect(self._swap)
        self.export_button = QPushButton("Export CSV…")
        self.export_button.setToolTip("Save the table as a CSV file (one row per article)")
        self.export_button.clicked.connect(self._export_clicked)
        hint = QLabel("Click a figure's header to sort the articles by it; click again to reverse.")
        hint.setWordWrap(True)
        stats_page = QWidget()
        sl = QVBoxLayout(stats_page)
        sl.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(hint, 1)
        buttons.addWidget(self.swap_box)
        buttons.addWidget(self.export_button)
        sl.addLayout(buttons)

        self.quotes_browser = _OccurrenceBrowser()
        self.claims_browser = _OccurrenceBrowser()
        self.only_browser = _OccurrenceBrowser()
        for browser in (self.quotes_browser, self.claims_browser, self.only_browser):
            browser.anchorClicked.connect(self._anchor_clicked)

        self.tabs.addTab(stats_page, "Stats")
        self.tabs.addTab(self.quotes_browser, "Shared quotes")
        self.tabs.addTab(self.claims_browser, "Shared claims")
        self.tabs.addTab(self.only_browser, "Only here")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        self.set_comparison(comparison)

    # ------------------------------------------------------------ public API

    def set_comparison(self, comparison: Comparison | None) -> None:
        """Show a comparison (None: an empty view that says what to do)."""
        self.comparison = comparison
        self.stats_model.set_comparison(comparison)
        self.export_button.setEnabled(comparison is not None and bool(comparison.stats))
        if comparison is None:
            self.summary.setText("Open two or more articles, then choose Compare to see how they tell the story.")
            for browser in (self.quotes_browser, self.claims_browser, self.only_browser):
                browser.setHtml("")
            self._set_tab_counts(0, 0, 0)
            return
        c = comparison
        self.summary.setText(
            f"{len(c.articles)} articles: {len(c.shared_quotes)} shared quotes, {len(c.shared_claims)} shared claims, "
            f"{len(c.only_here_quotes) + len(c.only_here_claims)} passages only in one article. "
            "Click an article name under a passage to show it in its pane."
        )
        self.quotes_browser.setHtml(self.quotes_html())
        self.claims_browser.setHtml(self.claims_html())
        self.only_browser.setHtml(self.only_here_html())
        self._set_tab_counts(len(c.shared_quotes), len(c.shared_claims), len(c.only_here_quotes) + len(c.only_here_claims))

    def export_csv(self, path: str | Path) -> None:
        """Write the stats table as CSV (raises OSError)."""
        if self.comparison is None:
            raise ValueError("nothing to export")
        Path(path).write_text(self.comparison.to_csv(), encoding="utf-8", newline="")

    # ------------------------------------------------------------ html

    def _colors(self) -> dict[str, str]:
        if _is_dark(self):
            return {"delete": "#FF9E80", "delete_bg": "#4a2a22", "insert": "#7FE0BF", "insert_bg": "#1f3f35",
                    "muted": "#A8A8A8", "link": "#8CC8FF"}
        return {"delete": "#A63A00", "delete_bg": "#FBE3D6", "insert": "#006B4F", "insert_bg": "#D7F2E8",
                "muted": "#666666", "link": "#0B5FA5"}

    def _article_link(self, occ: Occurrence) -> str:
        c = self.comparison
        label = c.articles[occ.article] if c else str(occ.article)
        col = self._colors()["link"]
        return (f'<a href="occ:{occ.article}:{occ.start}:{occ.end}" style="color:{col}">'
                f"[{occ.article + 1}]&nbsp;{html.escape(label)}</a>")

    def _label_badge(self, occ: Occurrence) -> str:
        text = _LABEL_TEXT.get(occ.label or "", occ.label or "?")
        if occ.source and occ.label in ("attributed", "vague_source"):
            text += f" ← {occ.source}"
        layer = LAYER_BY_KEY.get(_LABEL_LAYER.get(occ.label or "", ""))
        color = layer.color if layer else self._colors()["muted"]
        return f'<span style="color:{color}; font-weight:bold">{html.escape(text)}</span>'

    def _diff_html(self, ops: tuple[DiffOp, ...]) -> str:
        c = self._colors()
        out = []
        for op in ops:
            t = html.escape(op.text)
            if op.op == "delete":
                out.append(f'<s style="color:{c["delete"]}; background-color:{c["delete_bg"]}" title="only in the first wording">{t}</s>')
            elif op.op == "insert":
                out.append(f'<u style="color:{c["insert"]}; background-color:{c["insert_bg"]}" title="only in this wording">{t}</u>')
            else:
                out.append(t)
        return " ".join(out)

    def quotes_html(self) -> str:
        c = self.comparison
        muted = self._colors()["muted"]
        if c is None or not c.shared_quotes:
            return f'<p style="color:{muted}">No speaker is quoted with similar words in two of these articles.</p>'
        parts = [
            f'<p style="color:{muted}">Each group: one speaker\'s words as the articles quote them. Below the first '
            "wording, each other one shows <s>struck-through words</s> that it drops and <u>underlined words</u> "
            "that it has instead.</p>"
        ]
        for g in c.shared_quotes:
            where = ", ".join(f"[{m.article + 1}]" for m in g.members)
            parts.append(f"<h3>{html.escape(g.speaker)} <span style='color:{muted}; font-weight:normal'>"
                         f"— {len(g.members)} articles: {where}</span></h3>")
            first = g.members[0]
            parts.append(f"<p>{self._article_link(first)}<br>{html.escape(first.text)}</p>")
            for d in g.diffs:
                other = g.members[d.b]
                parts.append(f"<p>{self._article_link(other)}<br>{self._diff_html(d.ops)}</p>")
        return "\n".join(parts)

    def claims_html(self) -> str:
        c = self.comparison
        muted = self._colors()["muted"]
        if c is None or not c.shared_claims:
            return f'<p style="color:{muted}">No sentence in one article is close to a sentence in another.</p>'
        parts = [f'<p style="color:{muted}">Each group: one statement as several articles make it, with how each '
                 "article sources it.</p>"]
        for k, g in enumerate(c.shared_claims, 1):
            flag = " — <b>sourced differently</b>" if g.sourcing_differs else ""
            parts.append(f"<h3>Claim {k} <span style='font-weight:normal; color:{muted}'>"
                         f"in {len(g.members)} articles, wording {g.similarity:.0f}% alike{flag}</span></h3>")
            for m in g.members:
                parts.append(f"<p>{self._article_link(m)} · {self._label_badge(m)}<br>{html.escape(m.text)}</p>")
        return "\n".join(parts)

    def only_here_html(self) -> str:
        c = self.comparison
        muted = self._colors()["muted"]
        if c is None:
            return ""
        parts = [f'<p style="color:{muted}">Quotes and claims found in one article only.</p>']
        for i, label in enumerate(c.articles):
            quotes = [q for q in c.only_here_quotes if q.article == i]
            claims = [s for s in c.only_here_claims if s.article == i]
            parts.append(f"<h3>[{i + 1}] {html.escape(label)} <span style='font-weight:normal; color:{muted}'>"
                         f"— {len(claims)} claims, {len(quotes)} quotes</span></h3>")
            for q in quotes:
                parts.append(f"<p>{self._article_link(q)} · quote, {html.escape(q.speaker or 'unknown speaker')}"
                             f"<br>{html.escape(q.text)}</p>")
            for s in claims:
                parts.append(f"<p>{self._article_link(s)} · {self._label_badge(s)}<br>{html.escape(s.text)}</p>")
        return "\n".join(parts)

    # ------------------------------------------------------------ slots

    def _set_tab_counts(self, quotes: int, claims: int, only: int) -> None:
        self.tabs.setTabText(1, f"Shared quotes ({quotes})")
        self.tabs.setTabText(2, f"Shared claims ({claims})")
        self.tabs.setTabText(3, f"Only here ({only})")

    def _anchor_clicked(self, url: QUrl) -> None:
        parts = url.toString().split(":")
        if len(parts) == 4 and parts[0] == "occ":
            try:
                article, start, end = (int(p) for p in parts[1:])
            except ValueError:
                return
            self.occurrence_activated.emit(article, start, end)

    def _toggle_sort(self, key: str) -> None:
        current = self.stats_model.sorted_by
        order = Qt.SortOrder.AscendingOrder
        if current and current[0] == key and current[1] == Qt.SortOrder.AscendingOrder:
            order = Qt.SortOrder.DescendingOrder
        self.stats_model.sort_articles(key, order)

    def _row_header_clicked(self, section: int) -> None:
        if not self.stats_model.articles_as_rows and 0 <= section < len(STATS_COLUMNS):
            self._toggle_sort(STATS_COLUMNS[section][0])

    def _column_header_clicked(self, section: int) -> None:
        if self.stats_model.articles_as_rows and 0 <= section < len(STATS_COLUMNS):
            self._toggle_sort(STATS_COLUMNS[section][0])
            header = self.table.horizontalHeader()
            header.setSortIndicatorShown(True)
            header.setSortIndicator(section, self.stats_model.sorted_by[1])

    def _swap(self, on: bool) -> None:
        self.stats_model.set_articles_as_rows(on)
        self.table.horizontalHeader().setSortIndicatorShown(False)

    def _export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export comparison as CSV", "comparison.csv", "CSV files (*.csv)")
        if not path:
            return
        try:
            self.export_csv(path)
        except OSError as exc:
            QMessageBox.warning(self, "Export CSV", f"Could not write {path}: {exc.strerror or exc}")
