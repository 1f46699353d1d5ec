"""A library file is never damaged by Sourcelight: corrupt, foreign, newer, read-only or full → a clear message."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.store import migrations as schema
from desktop.store.library import Library, LibraryError

ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_untouched(path: Path, before: str) -> None:
    assert digest(path) == before
    assert not Path(str(path) + "-wal").exists() and not Path(str(path) + "-journal").exists()


def one_line(exc: pytest.ExceptionInfo) -> str:
    text = str(exc.value)
    assert "\n" not in text and "Traceback" not in text
    return text


def test_non_sqlite_file_is_left_untouched(tmp_path):
    path = tmp_path / "library.sqlite"
    path.write_bytes(os.urandom(5000))
    before = digest(path)
    with pytest.raises(LibraryError) as exc:
        Library(path)
    assert "not an SQLite database" in one_line(exc) and "left untouched" in str(exc.value)
    assert_untouched(path, before)


def test_corrupt_sqlite_file_is_left_untouched(tmp_path, article):
    path = tmp_path / "library.sqlite"
    lib = Library(path)
    aid = lib.add_article(article)
    for i in range(30):
        lib.add_highlight(aid, 0, 10, note="x" * 3000 + str(i))
    lib.close()
    data = bytearray(path.read_bytes())
    assert len(data) > 40000
    data[4096:len(data) - 4096] = os.urandom(len(data) - 8192)  # keep the header, scramble the pages
    path.write_bytes(bytes(data))
    for leftover in (Path(str(path) + "-wal"), Path(str(path) + "-shm")):
        leftover.unlink(missing_ok=True)
    before = digest(path)
    with pytest.raises(LibraryError) as exc:
        Library(path)
    assert "damaged" in one_line(exc)
    assert_untouched(path, before)


def test_truncated_library_is_left_untouched(tmp_path, article):
    path = tmp_path / "library.sqlite"
    lib = Library(path)
    aid = lib.add_article(article)
    for i in range(30):
        lib.add_highlight(aid, 0, 10, note="y" * 3000 + str(i))
    lib.close()
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    before = digest(path)
    with pytest.raises(LibraryError) as exc:
        Library(path)
    one_line(exc)
    assert_untouched(path, before)


def test_another_programs_database_is_left_untouched(tmp_path):
    path = tmp_path / "contacts.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ada')")
    conn.execute("PRAGMA user_version = 1")  # like a Sourcelight library's version: still not ours
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(LibraryError) as exc:
        Library(path)
    assert "not a Sourcelight library" in one_line(exc)
    assert_untouched(path, before)


def test_newer_schema_is_refused_clearly(tmp_path, article):
    path = tmp_path / "library.sqlite"
    lib = Library(path)
    lib.add_article(article)
    lib.close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('sourcelight', '0999_future', 'x')")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(LibraryError) as exc:
        Library(path)
    message = one_line(exc)
    assert "newer Sourcelight" in message and "update Sourcelight" in message
    assert_untouched(path, before)


def test_a_folder_is_not_a_library(tmp_path):
    with pytest.raises(LibraryError, match="folder"):
        Library(tmp_path)


def test_backup_is_made_before_a_migration(tmp_path, article, monkeypatch):
    path = tmp_path / "library.sqlite"
    lib = Library(path)
    aid = lib.add_article(article)
    lib.add_highlight(aid, 0, 12, note="written before the upgrade")
    assert lib.backup_path is None  # a new library needs no backup
    lib.close()
    current = schema.SCHEMA_VERSION
    name = f"{current + 1:04d}_test_upgrade"

    # the next version of Sourcelight brings one more migration
    upgraded = schema.Migrations(schema.MIGRATION_SET)
    for m in schema.migrations._migrations:
        upgraded(name=m.name)(m.fn)
    seen = {}

    @upgraded(name=name)
    def _upgrade(db):
        seen["backup_existed"] = any(p.name.startswith(f"library.v{current}-backup-") for p in tmp_path.iterdir())
        db.execute("ALTER TABLE highlights ADD COLUMN colour TEXT")
        db.execute(f"PRAGMA user_version = {current + 1}")

    monkeypatch.setattr(schema, "migrations", upgraded)
    monkeypatch.setattr(schema, "MIGRATION_NAMES", [*schema.MIGRATION_NAMES, name])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", current + 1)

    lib = Library(path)
    assert seen == {"backup_existed": True}
    assert lib.schema_version == current + 1
    assert [h.note for h in lib.highlights(aid)] == ["written before the upgrade"]
    backup = lib.backup_path
    lib.close()
    assert backup is not None and backup.parent == tmp_path
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == current
    assert old.execute("SELECT note FROM highlights").fetchall() == [("written before the upgrade",)]
    assert "colour" not in [r[1] for r in old.execute("PRAGMA table_info(highlights)")]
    old.close()


def test_a_version_1_library_is_upgraded_with_a_backup(tmp_path, article):
    """A library written by the first release (schema 1) gets today's schema, its notes intact."""
    path = tmp_path / "library.sqlite"
    first = schema.Migrations(schema.MIGRATION_SET)
    m1 = schema.migrations._migrations[0]
    first(name=m1.name)(m1.fn)
    with pytest.MonkeyPatch.context() as release_1:
        release_1.setattr(schema, "migrations", first)
        release_1.setattr(schema, "MIGRATION_NAMES", [m1.name])
        release_1.setattr(schema, "SCHEMA_VERSION", 1)
        lib = Library(path)
        aid = lib.add_article(article)
        lib.add_highlight(aid, 0, 12, note="from release 1")
        lib.close()

    lib = Library(path)
    assert lib.backup_path is not None and lib.backup_path.exists()
    assert lib.schema_version == schema.SCHEMA_VERSION
    assert [h.note for h in lib.highlights(aid)] == ["from release 1"]
    lib.close()


def test_full_disk_is_a_clear_message_and_loses_nothing(lib, article):
    aid = lib.add_article(article)
    kept = lib.add_highlight(aid, 0, 12, note="saved before the disk filled up")
    pages = lib._conn.execute("PRAGMA page_count").fetchone()[0]
    lib._conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now "full"
    with pytest.raises(LibraryError) as exc:
        lib.add_highlight(aid, 0, 12, note="z" * 200_000)
    assert "full" in one_line(exc)
    with pytest.raises(LibraryError, match="full"):
        lib.set_article_note(aid, "n" * 200_000)
    assert [h.note for h in lib.highlights(aid)] == [kept.note]  # the failed writes left nothing half-done
    assert lib.article_note(aid) == ""
    lib._conn.execute("PRAGMA max_page_count = 1073741823")  # space freed: the same note saves now
    lib.add_highlight(aid, 0, 12, note="z" * 200_000)
    assert len(lib.highlights(aid)) == 2 and lib.integrity_check() == "ok"


_READONLY_SCRIPT = """
import sys
from desktop.store.library import Library, LibraryError
for path in sys.argv[1:]:
    try:
        Library(path)
    except LibraryError as exc:
        print("LibraryError:", exc)
    else:
        print("opened")
"""


def test_read_only_location_is_a_clear_message(tmp_path, article):
    """A new library in a read-only folder, and a read-only existing library: refused with a clear message.
    Runs in a child process; as root, that child drops the capability that lets root write anywhere."""
    folder = tmp_path / "readonly"
    folder.mkdir()
    existing = folder / "existing.sqlite"
    lib = Library(existing)
    lib.add_article(article)
    lib.close()
    before = digest(existing)
    command = [sys.executable, "-c", _READONLY_SCRIPT, str(folder / "new.sqlite"), str(existing)]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: cannot make a folder read-only for this process")
        command = [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--", *command]
    os.chmod(existing, 0o444)
    os.chmod(folder, 0o555)
    try:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
        out = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    finally:
        os.chmod(folder, 0o755)
        os.chmod(existing, 0o644)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert len(lines) == 2 and all(line.startswith("LibraryError:") for line in lines), out.stdout
    assert all("read-only" in line for line in lines), lines
    assert not (folder / "new.sqlite").exists()
    assert digest(existing) == before


def test_an_unusable_library_can_be_set_aside_for_a_new_one(tmp_path):
    from desktop.store.paths import set_aside

    path = tmp_path / "library.sqlite"
    path.write_bytes(b"not a database at all")
    before = digest(path)
    with pytest.raises(LibraryError):
        Library(path)
    moved = set_aside(path)
    assert digest(moved) == before and moved.parent == tmp_path and "set-aside" in moved.name
    lib = Library(path)  # a new, empty library where the old one was
    assert lib.list_articles() == []
    lib.close()
