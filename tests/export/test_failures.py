"""A failed export leaves no half-written PDF behind and says why in one line."""

from __future__ import annotations

import errno
import os

import pytest
from pypdf import PdfReader, PdfWriter

from desktop.export import ExportError, ExportItem
from desktop.export.pdf import export_folder, export_pdf


@pytest.fixture()
def item(analysed_seeds):
    article, analysis = analysed_seeds[4]
    return ExportItem(article, analysis)


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture()
def folder(tmp_path):
    """An empty folder of its own (tmp_path also holds the isolated HOME)."""
    path = tmp_path / "exports"
    path.mkdir()
    return path


def test_disk_full_midway_leaves_the_old_file_and_no_temp_file(item, folder, monkeypatch):
    target = folder / "report.pdf"
    target.write_bytes(b"%PDF-1.4 the editor's previous copy")
    real_write = PdfWriter.write

    def write_then_fail(self, stream):
        stream.write(b"%PDF-1.7\n" + b"x" * 4096)  # some bytes reach the disk, then it is full
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(PdfWriter, "write", write_then_fail)
    with pytest.raises(ExportError) as info:
        export_pdf([item], target)
    message = str(info.value)
    assert "no space left" in message and str(target) in message and "\n" not in message
    assert target.read_bytes() == b"%PDF-1.4 the editor's previous copy", "the old file is untouched"
    assert _leftovers(folder) == ["report.pdf"], "no temporary file is left behind"
    monkeypatch.setattr(PdfWriter, "write", real_write)
    export_pdf([item], target)
    assert len(PdfReader(str(target)).pages) >= 2


def test_read_only_folder(item, tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        probe = folder / "probe"
        try:
            probe.write_bytes(b"")
            probe.unlink()
            can_write = True  # running as root: permissions do not stop us, so simulate the refusal
        except PermissionError:
            can_write = False
        if can_write:
            import desktop.export.files as files

            def refuse(*args, **kwargs):
                raise PermissionError(errno.EACCES, "Permission denied")

            monkeypatch.setattr(files.tempfile, "mkstemp", refuse)
        with pytest.raises(ExportError) as info:
            export_pdf([item], folder / "out.pdf")
        assert "permission denied" in str(info.value)
        assert _leftovers(folder) == []
    finally:
        folder.chmod(0o755)


def test_missing_folder(item, tmp_path):
    with pytest.raises(ExportError) as info:
        export_pdf([item], tmp_path / "nowhere" / "out.pdf")
    assert "does not exist" in str(info.value) and "nowhere" in str(info.value)
    assert not (tmp_path / "nowhere").exists()


def test_target_open_elsewhere(item, folder, monkeypatch):
    target = folder / "open.pdf"
    target.write_bytes(b"old")
    import desktop.export.files as files

    def busy(src, dst):
        raise OSError(errno.EBUSY, "Device or resource busy")

    monkeypatch.setattr(files.os, "replace", busy)
    with pytest.raises(ExportError) as info:
        export_pdf([item], target)
    assert "open in another program" in str(info.value)
    assert target.read_bytes() == b"old"
    assert _leftovers(folder) == ["open.pdf"]


def test_folder_export_into_a_file(item, tmp_path):
    blocker = tmp_path / "pdfs"
    blocker.write_text("not a folder")
    with pytest.raises(ExportError) as info:
        export_folder([item], blocker)
    assert "not a folder" in str(info.value)


def test_written_file_has_normal_permissions(item, tmp_path):
    out = export_pdf([item], tmp_path / "perm.pdf")
    assert oct(os.stat(out).st_mode & 0o777) == oct(0o644)
