"""Window actions beyond reading: comparing the open articles, the library sidebar, drag and drop."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from tests.ui.conftest import wait_analysed, wait_loaded


def test_compare_open_articles_and_jump_to_an_occurrence(make_window, qtbot, seed_paths):
    w = make_window()
    if w.act_compare is None:
        import pytest

        pytest.skip("the comparison view is not part of this build")
    panes = w.open_sources([str(seed_paths[2]), str(seed_paths[0])])
    for p in panes:
        wait_analysed(qtbot, p)
    assert w.act_compare.isEnabled()
    w.act_compare.trigger()
    qtbot.waitUntil(lambda: getattr(w, "compare_view", None) is not None and w.compare_dock.isVisible(), timeout=60_000)
    quote = panes[1].analysis.quotes[0] if panes[1].analysis.quotes else panes[1].analysis.sentences[0]
    w.compare_view.occurrence_activated.emit(1, quote.start, quote.end)
    assert w.current is panes[1]
    cursor = panes[1].text.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (quote.start, quote.end)


def test_dropping_files_opens_them(make_window, qtbot, seed_paths):
    w = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(seed_paths[1])), QUrl.fromLocalFile(str(seed_paths[3]))])
    event = QDropEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    w.dropEvent(event)
    assert [p.source for p in w.panes] == [str(seed_paths[1]), str(seed_paths[3])]
    for p in w.panes:
        wait_loaded(qtbot, p)
        assert p.text.toPlainText() == seed_paths[1 if p is w.panes[0] else 3].read_text(encoding="utf-8")


def test_library_sidebar_lists_opened_articles_with_badges_and_reopens_them(make_window, qtbot, seed_paths):
    w = make_window()
    [pane] = w.open_sources([str(seed_paths[2])])
    wait_analysed(qtbot, pane)
    qtbot.waitUntil(lambda: bool(w.sidebar.entry(str(seed_paths[2])) and w.sidebar.entry(str(seed_paths[2])).badges), timeout=20_000)
    entry = w.sidebar.entry(str(seed_paths[2]))
    assert entry.title == pane.article.display_title
    assert entry.badges["quotes"] == pane.counts()["quote"]
    assert entry.is_open
    w.close_pane(pane)
    assert not w.panes
    w.open_entry(w.sidebar.entry(str(seed_paths[2])))
    assert len(w.panes) == 1
    wait_loaded(qtbot, w.panes[0])
    assert w.panes[0].article.text == seed_paths[2].read_text(encoding="utf-8")


def test_recent_files_menu_reopens(make_window, qtbot, seed_paths):
    w = make_window()
    [pane] = w.open_sources([str(seed_paths[4])])
    wait_loaded(qtbot, pane)
    w.close_pane(pane)
    w._fill_recent()
    actions = [a for a in w.recent_menu.actions() if seed_paths[4].name in a.text()]
    assert actions
    actions[0].trigger()
    assert [p.source for p in w.panes] == [str(seed_paths[4])]


def test_export_action_opens_the_dialog_for_the_open_articles(make_window, qtbot, seed_paths, monkeypatch):
    w = make_window()
    if w.act_export is None:
        import pytest

        pytest.skip("the export dialog is not part of this build")
    [pane] = w.open_sources([str(seed_paths[2])])
    wait_analysed(qtbot, pane)
    pane.set_layer("emotive", False)
    seen = {}
    from desktop.ui import export_dialog

    def fake_exec(self):
        seen["sources"] = self.sources
        seen["emotive"] = self.layer_boxes["emotive"].isChecked()
        return 0

    monkeypatch.setattr(export_dialog.ExportDialog, "exec", fake_exec)
    w.act_export.trigger()
    assert [s.article.text for s in seen["sources"]] == [pane.article.text]
    assert seen["emotive"] is False


def test_a_corrupt_library_file_is_reported_left_untouched_and_reading_still_works(make_window, qtbot, seed_paths, tmp_path, monkeypatch):
    bad = tmp_path / "notes.sqlite"
    bad.write_bytes(b"this is not a database\n" * 50)
    before = bad.read_bytes()
    monkeypatch.setenv("SOURCELIGHT_DB", str(bad))
    w = make_window()
    w.start([str(seed_paths[2])])
    qtbot.waitUntil(lambda: w.store.open_error is not None, timeout=20_000)
    assert not w.store.available
    assert "Library unavailable" in w.library_state.text()
    assert "left untouched" in w.library_error_box.informativeText() or "untouched" in w.library_error_box.text()
    qtbot.waitUntil(lambda: len(w.panes) == 1 and w.panes[0].article is not None, timeout=20_000)
    wait_analysed(qtbot, w.panes[0])
    assert w.panes[0].error is None
    assert bad.read_bytes() == before
    # the user starts a new library instead: the open article goes into it
    w.library_error_box.close()
    w.use_library(str(tmp_path / "fresh.sqlite"))
    qtbot.waitUntil(lambda: w.panes[0].article_id is not None, timeout=20_000)
    assert not w.library_state.text()
    assert bad.read_bytes() == before


def test_new_from_clipboard_opens_the_pasted_text(make_window, qtbot):
    w = make_window()
    if w.act_clipboard is None:
        import pytest

        pytest.skip("clipboard import is not part of this build")
    from PySide6.QtWidgets import QApplication

    QApplication.clipboard().setText("Officials said the bridge will reopen in May.\n\nThe mayor called it “a disaster”.")
    w.act_clipboard.trigger()
    assert len(w.panes) == 1
    pane = w.panes[0]
    wait_loaded(qtbot, pane)
    assert pane.error is None
    assert "bridge will reopen" in pane.text.toPlainText()
    assert "pasted text" in pane.meta_label.full_text() or pane.article.kind == "clipboard"


def test_open_url_from_a_local_server_and_a_failing_url(make_window, qtbot, seed_paths):
    import http.server
    import threading

    body = seed_paths[2].read_text(encoding="utf-8")
    page = "<html><head><title>Macron and the troops</title></head><body><article>" + "".join(
        f"<p>{para}</p>" for para in body.split("\n") if para.strip()
    ) + "</article></body></html>"

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            if self.path == "/article.html":
                data = page.encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            else:
                self.send_error(404)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        w = make_window()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        ok, missing = w.open_sources([f"{base}/article.html", f"{base}/gone.html"])
        wait_loaded(qtbot, ok)
        wait_loaded(qtbot, missing)
        assert ok.error is None and "Olaf Scholz" in ok.text.toPlainText()
        assert missing.error and "404" in missing.error
        assert ok in w.panes and missing in w.panes
    finally:
        server.shutdown()
        server.server_close()
