"""The `File ▸ Export PDF…` dialog: options reach the PDF, notes come from the store thread, failures show one line."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from desktop.ui.export_dialog import ExportDialog, ExportSource
from tests.export.conftest import annotations, flat, pdf_text


@pytest.fixture()
def pools():
    from desktop.ui.workers import Pools

    pools = Pools()
    yield pools
    pools.wait()


def _export(qtbot, dialog):
    with qtbot.waitSignal(dialog.exported, timeout=60000) as blocker:
        dialog.export_button.click()
    return blocker.args[0]


def test_layers_page_size_and_appendix_reach_the_pdf(qtbot, analysed_seeds, tmp_path, pools):
    article, analysis = analysed_seeds[2]
    dialog = ExportDialog([ExportSource(article, analysis)], layers={"quote": True, "unsourced": False, "vague": False, "emotive": False}, pools=pools)
    qtbot.addWidget(dialog)
    assert dialog.layer_boxes["quote"].isChecked() and not dialog.layer_boxes["unsourced"].isChecked()
    assert not dialog.notes_box.isEnabled(), "no library: nothing to include"
    dialog.page_combo.setCurrentText("Letter")
    dialog.why_box.setChecked(True)
    dialog.path_edit.setText(str(tmp_path / "quotes"))
    paths = _export(qtbot, dialog)
    assert paths == [str(tmp_path / "quotes.pdf")], ".pdf is added to a name without it"
    reader = PdfReader(paths[0])
    assert round(float(reader.pages[0].mediabox[2])) == 612
    assert {a.get("/Subj") for _, a in annotations(paths[0])} == {"Attributed quote"}
    assert "Why each passage is highlighted" in flat(pdf_text(paths[0]))
    assert "Saved" in dialog.status.text() and not dialog.open_button.isHidden()


def test_notes_from_the_library_and_folder_mode(qtbot, analysed_seeds, tmp_path, pools):
    from desktop.store.library import Library
    from desktop.ui.services import StoreController

    db = tmp_path / "lib.sqlite"
    lib = Library(db)
    (a1, an1), (a2, an2) = analysed_seeds[0], analysed_seeds[4]
    id1 = lib.add_article(a1)
    start = a1.text.index("Macron")
    lib.add_highlight(id1, start, start + 6, tag="2", note="Dialog note survives export")
    lib.set_verdict(id1, next(sp for sp in an1.sentences if sp.label == "unsourced"), "dismissed")
    lib.close()
    store = StoreController(pools, str(db))
    dialog = ExportDialog([ExportSource(a1, an1, id1), ExportSource(a2, an2, None)], store=store, pools=pools)
    qtbot.addWidget(dialog)
    assert dialog.notes_box.isEnabled() and dialog.notes_box.isChecked()
    dialog.folder_radio.setChecked(True)
    dialog.path_edit.setText(str(tmp_path / "pdfs"))
    paths = _export(qtbot, dialog)
    assert len(paths) == 2
    assert "Dialog note survives export" in flat(pdf_text(paths[0]))
    assert "Dialog note survives export" not in flat(pdf_text(paths[1]))
    assert "1 finding you dismissed" in flat(pdf_text(paths[0]))
    # without notes: no highlights or notes, but the dismissed finding stays out
    dialog.notes_box.setChecked(False)
    dialog.combined_radio.setChecked(True)
    dialog.path_edit.setText(str(tmp_path / "plain.pdf"))
    paths = _export(qtbot, dialog)
    text = flat(pdf_text(paths[0]))
    assert "Dialog note survives export" not in text and "1 finding you dismissed" in text
    assert "2 articles compared" in text
    store.close()


def test_failure_is_one_line_in_the_dialog(qtbot, analysed_seeds, tmp_path, pools):
    article, analysis = analysed_seeds[4]
    dialog = ExportDialog([ExportSource(article, analysis)], pools=pools)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "missing" / "x.pdf"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.busy and "failed" in dialog.status.text(), timeout=60000)
    assert "does not exist" in dialog.status.text() and "\n" not in dialog.status.text()
    assert dialog.export_button.isEnabled()
    assert not (tmp_path / "missing").exists()
