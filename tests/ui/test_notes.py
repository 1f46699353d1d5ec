"""The user's layer through the UI: highlights with keys 1–5 and undo, notes, verdicts, search, restart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor

from desktop.layers import USER_TAG_BY_KEY
from desktop.ui.highlighter import layers_of
from tests.ui.conftest import wait_analysed

SEED = "002_dc816de6b9c4007f.txt"


def open_seed(make_window, qtbot, seed_paths, w=None):
    w = w or make_window()
    path = next(p for p in seed_paths if p.name == SEED)
    [pane] = w.open_sources([str(path)])
    wait_analysed(qtbot, pane)
    qtbot.waitUntil(lambda: pane.article_id is not None, timeout=20_000)
    return w, pane


def select(pane, start, end):
    cursor = pane.text.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    pane.text.setTextCursor(cursor)


def test_key_2_highlights_the_selection_and_undo_redo(make_window, qtbot, seed_paths):
    w, pane = open_seed(make_window, qtbot, seed_paths)
    text = pane.article.text
    start = text.index("Olaf Scholz")
    end = start + len("Olaf Scholz")
    select(pane, start, end)
    pane.text.setFocus()
    qtbot.keyClick(pane.text, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: len(pane.highlights) == 1, timeout=10_000)
    h = pane.highlights[0]
    assert (h.start, h.end, h.tag) == (start, end, "2")
    pane.painter.flush()
    qtbot.waitUntil(lambda: pane.is_painted(), timeout=30_000)
    f = pane.format_at(start + 3)
    assert "user:2" in layers_of(f)
    expected = QColor(USER_TAG_BY_KEY["2"].color)
    assert f.background().color().rgb() == expected.rgb()
    # listed in the Notes panel; clicking it selects the text
    w.notes_dock.raise_()
    qtbot.waitUntil(lambda: w.notes.notes_panel.list.count() == 1, timeout=30_000)
    w.notes.notes_panel._go(w.notes.notes_panel.list.item(0))
    assert pane.text.textCursor().selectedText() == "Olaf Scholz"
    # Ctrl+Z removes it, Ctrl+Shift+Z brings it back
    w.notes.undo_stack.undo()
    qtbot.waitUntil(lambda: not pane.highlights, timeout=10_000)
    qtbot.waitUntil(lambda: pane.is_painted(), timeout=30_000)
    pane.painter.flush()
    assert pane.format_at(start + 3) is None or "user:2" not in layers_of(pane.format_at(start + 3))
    w.notes.undo_stack.redo()
    qtbot.waitUntil(lambda: len(pane.highlights) == 1, timeout=10_000)
    assert pane.highlights[0].tag == "2"


def test_note_edit_delete_undo_and_restart(make_window, qtbot, seed_paths):
    w, pane = open_seed(make_window, qtbot, seed_paths)
    text = pane.article.text
    start = text.index("unanimously opposed")
    assert w.notes.tag_selection(pane, "3", start, start + len("unanimously opposed"), note="")
    qtbot.waitUntil(lambda: len(pane.highlights) == 1, timeout=10_000)
    w.notes.edit_highlight(pane.highlights[0], note="Check the summit transcript")
    qtbot.waitUntil(lambda: pane.highlights and pane.highlights[0].note == "Check the summit transcript", timeout=10_000)
    assert "Check the summit transcript" in pane.tooltip_at(start + 2)
    # the article note is saved as the user types
    w.set_current(pane)
    w.notes_dock.raise_()
    panel = w.notes.notes_panel
    qtbot.waitUntil(lambda: panel.note.isEnabled(), timeout=30_000)
    panel.note.setPlainText("Compare with the Reuters version.")
    panel.save_note()
    # delete, undo the delete
    w.notes.delete_highlight(pane.highlights[0])
    qtbot.waitUntil(lambda: not pane.highlights, timeout=10_000)
    w.notes.undo_stack.undo()
    qtbot.waitUntil(lambda: len(pane.highlights) == 1, timeout=10_000)
    assert pane.highlights[0].note == "Check the summit transcript"
    w.close()
    w.shutdown()
    # a new window (a restart): the highlight, its note and the article note are there
    w2 = make_window()
    w2.start([])
    qtbot.waitUntil(lambda: len(w2.panes) == 1, timeout=20_000)
    p2 = w2.panes[0]
    qtbot.waitUntil(lambda: len(p2.highlights) == 1, timeout=30_000)
    h = p2.highlights[0]
    assert (h.start, h.tag, h.note) == (start, "3", "Check the summit transcript")
    w2.set_current(p2)
    w2.notes_dock.raise_()
    qtbot.waitUntil(lambda: w2.notes.notes_panel.note.toPlainText() == "Compare with the Reuters version.", timeout=10_000)


def test_dismissed_detector_highlight_is_not_drawn_or_counted_and_stays_dismissed(make_window, qtbot, seed_paths):
    w, pane = open_seed(make_window, qtbot, seed_paths)
    span = next(s for s in pane.analysis.spans if s.layer == "quote")
    before = pane.counts()["quote"]
    mid = (span.start + span.end) // 2
    assert "quote" in layers_of(pane.format_at(mid))
    w.notes.set_verdict(pane, span, "dismissed")
    qtbot.waitUntil(lambda: pane.is_painted(), timeout=30_000)
    pane.painter.flush()
    assert pane.counts()["quote"] == before - 1
    f = pane.format_at(mid)
    assert f is None or "quote" not in layers_of(f)
    assert pane.legend.buttons["quote"].text().endswith(str(before - 1))
    w.close()
    w.shutdown()
    w2 = make_window()
    w2.start([])
    qtbot.waitUntil(lambda: len(w2.panes) == 1, timeout=20_000)
    p2 = w2.panes[0]
    wait_analysed(qtbot, p2)
    qtbot.waitUntil(lambda: (span.kind, span.start, span.end) in p2.dismissed, timeout=20_000)
    qtbot.waitUntil(lambda: p2.is_painted(), timeout=30_000)
    p2.painter.flush()
    assert p2.counts()["quote"] == before - 1
    f = p2.format_at(mid)
    assert f is None or "quote" not in layers_of(f)


def test_search_finds_a_note_and_opens_the_article_at_the_hit(make_window, qtbot, seed_paths):
    w, pane = open_seed(make_window, qtbot, seed_paths)
    text = pane.article.text
    start = text.index("Kremlin")
    w.notes.tag_selection(pane, "4", start, start + len("Kremlin"), note="Peskov quote — verify zanzibar")
    qtbot.waitUntil(lambda: len(pane.highlights) == 1, timeout=10_000)
    w.close_pane(pane)
    w.focus_search()
    search = w.notes.search_panel
    search.box.setText("zanzibar")
    search.search()
    qtbot.waitUntil(lambda: search.results.count() >= 1, timeout=10_000)
    hit = search.results.item(0).data(Qt.ItemDataRole.UserRole + 21)
    assert hit.where in ("note", "highlight")
    search._open(search.results.item(0))
    qtbot.waitUntil(lambda: len(w.panes) == 1 and w.panes[0].article is not None, timeout=20_000)
    if hit.start is not None:
        qtbot.waitUntil(lambda: w.panes[0].text.textCursor().selectionStart() == hit.start, timeout=5000)
        assert w.panes[0].text.textCursor().selectedText() == "Kremlin"


def test_a_note_that_cannot_be_saved_comes_back_in_the_editor(make_window, qtbot, seed_paths, monkeypatch):
    from desktop.ui import notes

    w, pane = open_seed(make_window, qtbot, seed_paths)
    start = pane.article.text.index("Kremlin")
    w.notes.tag_selection(pane, "1", start, start + len("Kremlin"))
    qtbot.waitUntil(lambda: len(pane.highlights) == 1, timeout=10_000)
    seen = []

    def fake_exec(dialog):
        seen.append((dialog.windowTitle(), dialog.text()))
        if len(seen) == 1:
            dialog.edit.setPlainText("Who in the Kremlin? Ask the desk.")
            return notes.QDialog.DialogCode.Accepted
        return notes.QDialog.DialogCode.Rejected

    def full_disk(fn, *args, on_done=None, on_error=None):
        on_error(OSError("database or disk is full"))

    monkeypatch.setattr(notes.NoteDialog, "exec", fake_exec)
    monkeypatch.setattr(w.store, "run", full_disk)
    w.notes.edit_note_dialog(pane.highlights[0], pane)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    title, text = seen[1]
    assert text == "Who in the Kremlin? Ask the desk."
    assert "not saved" in title
    assert "disk is full" in w.statusBar().currentMessage()


def test_export_then_import_notes_from_the_file_menu_does_not_duplicate(make_window, qtbot, seed_paths, tmp_path):
    w, pane = open_seed(make_window, qtbot, seed_paths)
    start = pane.article.text.index("Olaf Scholz")
    w.notes.tag_selection(pane, "2", start, start + 11, note="Chancellor since 2021")
    qtbot.waitUntil(lambda: len(pane.highlights) == 1, timeout=10_000)
    for name in ("notes.jsonld", "notes.md"):
        out = tmp_path / name
        w.export_notes(str(out))
        qtbot.waitUntil(out.exists, timeout=10_000)
        assert "Chancellor since 2021" in out.read_text(encoding="utf-8")
    w.import_notes(str(tmp_path / "notes.jsonld"))
    qtbot.waitUntil(lambda: getattr(w, "last_import", None) is not None, timeout=10_000)
    assert w.last_import[0] == 0  # everything was already there
    qtbot.waitUntil(lambda: len(pane.highlights) == 1, timeout=30_000)
