"""CompareView: stats table (one column per article, sortable, CSV), diffs readable without colour, clicks point at text."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette, QTextCursor
from PySide6.QtTest import QTest

from desktop.analysis.compare import compare
from desktop.ui.compare_view import CompareView
from tests.analysis.test_compare import PESKOV_A, TEXT_A, items  # noqa: F401  (fixture)


@pytest.fixture()
def view(qtbot, items):  # noqa: F811
    v = CompareView(compare(items))
    qtbot.addWidget(v)
    v.resize(900, 600)
    v.show()
    qtbot.waitExposed(v)
    return v


def _cell(view, row, column):
    model = view.table.model()
    return model.data(model.index(row, column))


def test_table_has_one_column_per_article_and_sorts_by_a_figure(view, qtbot):
    model = view.table.model()
    assert model.columnCount() == 3
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == ["[1] a.txt", "[2] b.txt", "[3] c.txt"]
    rows = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert rows[:3] == ["Sentences", "Share unsourced", "Share vague"]
    assert [_cell(view, 0, c) for c in range(3)] == ["4", "3", "2"]
    assert _cell(view, 1, 0) == "33%"

    # a click on the "Sentences" row header sorts the articles by it, a second click reverses
    header = view.table.verticalHeader()
    y = header.sectionViewportPosition(0) + header.sectionSize(0) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.width() // 2, y))
    assert [_cell(view, 0, c) for c in range(3)] == ["2", "3", "4"]
    assert model.headerData(0, Qt.Orientation.Horizontal) == "[3] c.txt"
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.width() // 2, y))
    assert [_cell(view, 0, c) for c in range(3)] == ["4", "3", "2"]


def test_articles_as_rows_sorts_by_column_header(view):
    view.swap_box.setChecked(True)
    model = view.table.model()
    assert model.rowCount() == 3 and model.columnCount() >= 7
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(0) + header.sectionSize(0) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert [model.headerData(r, Qt.Orientation.Vertical) for r in range(3)] == ["[3] c.txt", "[2] b.txt", "[1] a.txt"]


def test_export_csv_button_writes_the_table(view, tmp_path, monkeypatch):
    target = tmp_path / "out.csv"
    monkeypatch.setattr(
        "desktop.ui.compare_view.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), "CSV files (*.csv)")
    )
    QTest.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    rows = list(csv.reader(target.open(encoding="utf-8")))
    assert rows[0][0] == "Article" and [r[0] for r in rows[1:]] == ["a.txt", "b.txt", "c.txt"]


def _formats_of(browser, word):
    doc = browser.document()
    cursor = doc.find(word)
    assert not cursor.isNull(), word
    return cursor.charFormat()


def test_diff_marks_deletions_struck_and_insertions_underlined(view):
    view.tabs.setCurrentIndex(1)
    assert view.tabs.tabText(1) == "Shared quotes (1)"
    text = view.quotes_browser.toPlainText()
    assert "Dmitry Peskov" in text and "likelihood" in text and "probability" in text
    # in the second wording, "likelihood," is struck through and "probability," underlined
    doc = view.quotes_browser.document()
    second = doc.find("b.txt")
    deleted = doc.find("likelihood", second)
    inserted = doc.find("probability", second)
    assert deleted.charFormat().fontStrikeOut() and not deleted.charFormat().fontUnderline()
    assert inserted.charFormat().fontUnderline() and not inserted.charFormat().fontStrikeOut()
    equal = doc.find("inevitability", second)
    assert not equal.charFormat().fontStrikeOut() and not equal.charFormat().fontUnderline()


def test_diff_colours_stay_readable_in_a_dark_theme(qtbot, items):  # noqa: F811
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Window, QColor("#2b2b2b"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e0e0e0"))
    v = CompareView()
    v.setPalette(dark)
    v.set_comparison(compare(items))
    qtbot.addWidget(v)
    doc = v.quotes_browser.document()
    deleted = doc.find("likelihood", doc.find("b.txt"))
    fg = deleted.charFormat().foreground().color()
    bg = deleted.charFormat().background().color()
    assert fg.lightness() > 150 and bg.lightness() < 100, "light text on a dark tint"


def _click_link(qtbot, browser, href):
    """Click, like a user, on the link with this href."""
    doc = browser.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.charFormat().anchorHref() == href:
                cursor = QTextCursor(doc)
                cursor.setPosition(frag.position() + min(2, frag.length() - 1))
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                rect = browser.cursorRect(cursor)
                QTest.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=rect.center() + QPoint(2, 0))
                return
            it += 1
        block = block.next()
    raise AssertionError(f"no link {href}")


def test_clicking_an_occurrence_emits_its_article_and_offsets(view, qtbot):
    view.tabs.setCurrentIndex(1)
    start = TEXT_A.index(PESKOV_A)
    href = f"occ:0:{start}:{start + len(PESKOV_A)}"
    with qtbot.waitSignal(view.occurrence_activated, timeout=2000) as blocker:
        _click_link(qtbot, view.quotes_browser, href)
    assert blocker.args == [0, start, start + len(PESKOV_A)]
    view.tabs.setCurrentIndex(2)
    claim = view.comparison.shared_claims[0].members[1]
    with qtbot.waitSignal(view.occurrence_activated, timeout=2000) as blocker:
        _click_link(qtbot, view.claims_browser, f"occ:{claim.article}:{claim.start}:{claim.end}")
    assert blocker.args == [1, claim.start, claim.end]


def test_claims_show_each_articles_sourcing_and_only_here_lists_the_rest(view):
    claims = view.claims_browser.toPlainText()
    assert "sourced differently" in claims
    assert "ATTRIBUTED ← Olaf Scholz" in claims and "UNSOURCED" in claims
    only = view.only_browser.toPlainText()
    assert "Farmers protested in Brussels" in only and "“We will never stop,”" in only
    assert "Troops in Ukraine" not in only, "headlines are not claims"
    assert view.tabs.tabText(3) == "Only here (5)"


def test_empty_view_says_what_to_do(qtbot):
    v = CompareView()
    qtbot.addWidget(v)
    assert "Open two or more articles" in v.summary.text()
    assert not v.export_button.isEnabled()
    assert v.table.model().columnCount() == 0
