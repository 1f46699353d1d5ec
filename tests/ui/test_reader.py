"""The reader window as a user sees it: text, painted layers, toggles, panels, panes, restart, failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat

from desktop.analysis.model import Analysis, Profile, Readability, Span
from desktop.documents.model import Article
from desktop.layers import LAYER_BY_KEY
from desktop.ui.highlighter import layers_of
from desktop.ui.reader_pane import ReaderPane
from tests.ui.conftest import wait_analysed, wait_loaded

SEED = "002_dc816de6b9c4007f.txt"


def seed(seed_paths, name=SEED) -> Path:
    return next(p for p in seed_paths if p.name == name)


# a small article with known spans: an emotive phrase inside an unsourced sentence, a quote, a vague sentence
TEXT = (
    "The plan failed miserably and everyone knows it.\n"
    "Officials said the talks would resume.\n"
    "“We will not give up,” Macron said.\n"
)
S1 = (0, 48)
EMO = (TEXT.index("miserably"), TEXT.index("miserably") + len("miserably"))
S2 = (49, 49 + len("Officials said the talks would resume."))
Q = (TEXT.index("“"), TEXT.index("”") + 1)


def known_analysis(text=TEXT) -> Analysis:
    spans = (
        Span("sentence", *S1, why="the author asserts it", label="unsourced"),
        Span("emotive", *EMO, why="loaded adverb", cue="miserably"),
        Span("sentence", *S2, why="unnamed officials", label="vague_source", source="Officials"),
        Span("quote", *Q, why="quotation marks + said", speaker="Emmanuel Macron", cue="said"),
        Span("sentence", Q[0], len(text) - 1, why="quote", label="attributed", source="Macron"),
    )
    return Analysis(text, spans, Readability(60.0, 8.0), Profile(sentences=3, unsourced=1, vague_source=1, attributed=1, quotes=1, speakers=1, emotive=1, words=20), "test", "0")


@pytest.fixture
def pane(qtbot):
    p = ReaderPane()
    qtbot.addWidget(p)
    p.resize(700, 500)
    p.show()
    p.set_article(Article(text=TEXT, title="Known"))
    p.set_analysis(known_analysis())
    p.painter.flush()
    return p


def fill(layer: str) -> QColor:
    return QColor(LAYER_BY_KEY[layer].background_light)


def test_known_offsets_carry_the_right_layer_colours(pane):
    mid = lambda r: (r[0] + r[1]) // 2  # noqa: E731
    # unsourced sentence: orange fill, dashed orange underline
    f = pane.format_at(2)
    assert layers_of(f) == {"unsourced"}
    assert f.background().color() == fill("unsourced")
    assert f.underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline
    assert f.underlineColor() == QColor(LAYER_BY_KEY["unsourced"].color)
    # emotive inside the unsourced sentence: BOTH the sentence fill and the vermillion wave underline
    f = pane.format_at(mid(EMO))
    assert layers_of(f) == {"unsourced", "emotive"}
    assert f.background().color() == fill("unsourced")
    assert f.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert f.underlineColor() == QColor(LAYER_BY_KEY["emotive"].color)
    assert f.foreground().color() == QColor(LAYER_BY_KEY["emotive"].text_light), "emotive words are coloured too"
    assert pane.format_at(2).foreground().style() == Qt.BrushStyle.NoBrush, "other text keeps its ink"
    # vague sentence: purple fill, dotted underline
    f = pane.format_at(mid(S2))
    assert layers_of(f) == {"vague"}
    assert f.background().color() == fill("vague")
    assert f.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    # quote: blue fill, solid underline; the attributed sentence around it is not painted
    f = pane.format_at(mid(Q))
    assert layers_of(f) == {"quote"}
    assert f.background().color() == fill("quote")
    assert f.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    assert pane.format_at(Q[1] + 3) is None
    assert pane.legend.buttons["emotive"].text().endswith("1")


def painted(pane, n):
    return [frozenset(layers_of(pane.format_at(i))) if pane.format_at(i) is not None else frozenset() for i in range(n)]


def test_toggling_a_layer_removes_and_restores_exactly_that_layer(pane):
    before = painted(pane, len(TEXT))
    pane.legend.buttons["emotive"].click()  # the user clicks the legend toggle
    pane.painter.flush()
    after = painted(pane, len(TEXT))
    assert all("emotive" not in a for a in after)
    assert after == [b - {"emotive"} for b in before]
    assert "emotive" in before[(EMO[0] + EMO[1]) // 2]
    pane.legend.buttons["emotive"].click()
    pane.painter.flush()
    assert painted(pane, len(TEXT)) == before
    pane.set_layer("quote", False)
    pane.painter.flush()
    assert painted(pane, len(TEXT)) == [b - {"quote"} for b in before]


def test_hover_text_names_the_speaker_and_why(pane):
    tip = pane.tooltip_at((Q[0] + Q[1]) // 2)
    assert "Emmanuel Macron" in tip and "quotation marks" in tip
    tip = pane.tooltip_at((EMO[0] + EMO[1]) // 2)
    assert "loaded adverb" in tip and "the author asserts it" in tip
    pane.set_layer("emotive", False)
    assert "loaded adverb" not in pane.tooltip_at((EMO[0] + EMO[1]) // 2)


def test_opening_a_seed_shows_its_text_and_paints_every_layer(make_window, qtbot, seed_paths):
    w = make_window()
    path = seed(seed_paths)
    [pane] = w.open_sources([str(path)])
    wait_loaded(qtbot, pane)
    assert pane.text.toPlainText() == path.read_text(encoding="utf-8")
    assert pane.stack.currentWidget() is pane.text and pane.text.isVisible()
    wait_analysed(qtbot, pane)
    assert pane.analysis is not None and pane.error is None
    checked = 0
    for span in pane.analysis.spans:
        if span.layer is None:
            continue
        f = pane.format_at((span.start + span.end) // 2)
        assert f is not None and span.layer in layers_of(f), span
        checked += 1
    assert checked > 10
    assert pane.legend.buttons["quote"].text().endswith(f"{len(pane.analysis.quotes)}")


def test_quotes_panel_lists_the_speakers_and_click_moves_to_the_quote(make_window, qtbot, seed_paths):
    w = make_window()
    [pane] = w.open_sources([str(seed(seed_paths))])
    wait_analysed(qtbot, pane)
    panel = w.quotes_panel
    speakers = panel.speakers()
    assert set(speakers) == {q.speaker for q in pane.analysis.quotes}
    assert "Emmanuel Macron" in speakers  # the gold's main speaker of this seed
    top = panel.tree.topLevelItem(speakers.index("Emmanuel Macron"))
    child = top.child(top.childCount() - 1)
    rect = panel.tree.visualItemRect(child)
    panel.tree.scrollToItem(child)
    rect = panel.tree.visualItemRect(child)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    quote = [q for q in pane.analysis.quotes if q.speaker == "Emmanuel Macron"][-1]
    cursor = pane.text.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (quote.start, quote.end)
    assert cursor.selectedText() == pane.analysis.text[quote.start : quote.end]
    # the claims panel lists unsourced / vague sentences in order and scrolls too
    w.claims_dock.raise_()
    model = w.claims_panel.model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=30_000)
    wanted = [s for s in pane.analysis.sentences if s.layer in ("unsourced", "vague")]
    assert [model.index(i, 0).data(Qt.ItemDataRole.UserRole + 1) for i in range(model.rowCount())] == [(s.start, s.end) for s in wanted]
    w.claims_panel.activate(model.rowCount() - 1)
    assert pane.text.textCursor().selectionStart() == wanted[-1].start


def test_side_by_side_opens_and_closes_panes(make_window, qtbot, seed_paths):
    w = make_window()
    paths = [str(p) for p in seed_paths]
    panes = w.open_sources(paths)  # five files: four panes, the fifth goes to the library
    assert len(w.panes) == 4 and w.splitter.count() == 4
    for p in panes:
        wait_loaded(qtbot, p)
    assert not w.act_split.isEnabled()
    qtbot.waitUntil(lambda: w.sidebar.entry(paths[4]) is not None and w.sidebar.entry(paths[4]).subtitle != "loading…", timeout=30_000)
    texts = {p.source: p.text.toPlainText() for p in w.panes}
    closing = w.panes[1]
    closing.close_requested.emit(closing)  # its ✕ button
    assert len(w.panes) == 3 and closing not in w.panes
    for p in w.panes:
        assert p.text.toPlainText() == texts[p.source]
    assert w.act_split.isEnabled()
    w.set_current(w.panes[0])
    w.act_close_pane.trigger()  # Ctrl+W
    assert len(w.panes) == 2
    # each pane keeps its own layer toggles
    w.panes[0].set_layer("quote", False)
    assert w.panes[1].layer_states()["quote"] is True
    # synchronised scrolling moves the other pane
    for p in w.panes:
        wait_analysed(qtbot, p)
    w.act_sync.setChecked(True)
    bar = w.panes[0].text.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert w.panes[1].scroll_fraction() == pytest.approx(1.0, abs=0.02)


def test_state_is_restored_after_a_restart(make_window, qtbot, seed_paths):
    w = make_window()
    paths = [str(seed(seed_paths, n)) for n in ("002_dc816de6b9c4007f.txt", "000_1773240db986259e.txt")]
    panes = w.open_sources(paths)
    for p in panes:
        wait_loaded(qtbot, p)
    panes[1].set_layer("emotive", False)
    panes[0].set_layer("vague", False)
    w.set_zoom(2)
    w.resize(780, 560)  # fits the offscreen screen, so the geometry comes back as it was
    qtbot.waitUntil(lambda: w.width() == 780, timeout=30_000)
    w.claims_dock.close()  # the user closes the side panels to make room
    w.quotes_dock.close()
    w.profile_dock.close()
    w.notes_dock.close()
    qtbot.waitUntil(lambda: w.splitter.width() > 450, timeout=30_000)
    w.splitter.setSizes([300, 150])
    sizes = w.splitter.sizes()
    assert sizes[0] > 1.5 * sizes[1]
    w.close()  # saves
    w2 = make_window()
    w2.start([])
    qtbot.waitUntil(lambda: len(w2.panes) == 2, timeout=20_000)
    assert [p.source for p in w2.panes] == paths
    assert w2.panes[1].layer_states()["emotive"] is False and w2.panes[1].layer_states()["quote"] is True
    assert w2.panes[0].layer_states()["vague"] is False
    assert w2.panes[1].legend.buttons["emotive"].isChecked() is False
    assert w2.panes[0].text.zoom_steps == 2
    qtbot.waitUntil(lambda: w2.width() == 780 and w2.splitter.sizes() == sizes, timeout=5000)
    assert not w2.quotes_dock.isVisible() and w2.library_dock.isVisible()
    for p in w2.panes:
        wait_loaded(qtbot, p)
        assert p.text.toPlainText() == Path(p.source).read_text(encoding="utf-8")


def test_first_run_adds_the_seeds_and_opens_two(make_window, qtbot, seed_paths):
    w = make_window()
    w.start([])
    qtbot.waitUntil(lambda: len(w.panes) == 2, timeout=20_000)
    qtbot.waitUntil(lambda: len(w.sidebar.entries()) == 5, timeout=30_000)
    for p in w.panes:
        wait_loaded(qtbot, p)
        assert p.error is None


def test_a_failing_file_shows_its_error_and_leaves_other_panes_intact(make_window, qtbot, seed_paths, tmp_path):
    w = make_window()
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01" * 100)
    good = seed(seed_paths)
    missing = tmp_path / "gone.txt"
    panes = w.open_sources([str(good), str(missing), str(binary)])
    for p in panes:
        wait_loaded(qtbot, p)
    ok, gone, bad = panes
    assert gone.error and "does not exist" in gone.error
    assert "could not be opened" in gone.message.text() and "does not exist" in gone.message.text()
    assert gone.stack.currentWidget() is gone.message
    assert bad.error and "binary" in bad.error
    wait_analysed(qtbot, ok)
    assert ok.error is None and ok.text.toPlainText() == good.read_text(encoding="utf-8")
    assert ok.analysis is not None
    # the window keeps working: close the failed panes, open another article
    gone.close_requested.emit(gone)
    bad.close_requested.emit(bad)
    [another] = w.open_sources([str(seed(seed_paths, "004_0a461c4a61171af8.txt"))])
    wait_loaded(qtbot, another)
    assert another.error is None and len(w.panes) == 2


class BrokenAnalyzer:
    model_name = "broken"

    def analyze(self, text):
        raise ValueError("the analyser crashed on purpose")


def test_an_analysis_failure_keeps_the_text_and_says_why(make_window, qtbot, seed_paths, tmp_path):
    w = make_window(analyzer_override=BrokenAnalyzer(), cache=False)
    path = tmp_path / "fresh.txt"
    path.write_text("A text no other test has analysed. It says something.\n", encoding="utf-8")
    [pane] = w.open_sources([str(path)])
    qtbot.waitUntil(lambda: pane.error is not None, timeout=20_000)
    assert pane.text.toPlainText().startswith("A text no other test")
    assert pane.banner.isVisible() and "crashed on purpose" in pane.banner.text()


def test_find_and_zoom(make_window, qtbot, seed_paths):
    w = make_window()
    [pane] = w.open_sources([str(seed(seed_paths))])
    wait_loaded(qtbot, pane)
    w.act_find.trigger()
    assert pane.find_bar.isVisible()
    qtbot.keyClicks(pane.find_bar.edit, "Macron")
    text = pane.text.toPlainText()
    assert pane.text.textCursor().selectedText() == "Macron"
    assert pane.text.textCursor().selectionStart() == text.index("Macron")
    qtbot.keyClick(pane.find_bar.edit, Qt.Key.Key_Return)
    assert pane.text.textCursor().selectionStart() == text.index("Macron", text.index("Macron") + 1)
    assert pane.find_bar.count.text() == f"{text.count('Macron')} matches"
    size = pane.text.font().pointSizeF()
    w.act_zoom_in.trigger()
    assert pane.text.font().pointSizeF() > size
    w.act_zoom_out.trigger()
    w.act_zoom_out.trigger()
    assert pane.text.font().pointSizeF() < size


def test_status_bar_says_what_is_happening(make_window, qtbot, tmp_path):
    w = make_window(cache=False)
    said = []
    w.analysis.status.connect(said.append)
    w.start([])  # the window is up: the model starts loading on the analysis thread
    assert said and said[0] == "Loading language model…"
    paths = []
    for i in range(3):
        p = tmp_path / f"a{i}.txt"
        p.write_text(f"Article {i}. Officials said the plan would work. The plan failed miserably.\n", encoding="utf-8")
        paths.append(str(p))
    w2 = make_window(cache=False)
    said2 = []
    w2.analysis.status.connect(said2.append)
    panes = w2.open_sources(paths)
    for p in panes:
        wait_analysed(qtbot, p)
    assert any(s.startswith("Analysing") and s.endswith("of 3") for s in said2), said2
    assert said2[-1] == "Ready" and w2.status_label.text() == "Ready"
