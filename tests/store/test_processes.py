"""Never lose a note: a writer killed with SIGKILL loses nothing it reported saved; two processes write side by side."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from desktop.store.library import Library

ROOT = Path(__file__).resolve().parents[2]
WRITER = [sys.executable, "-m", "tests.store.writer"]


def _env() -> dict:
    return {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}


def test_sigkill_while_writing_loses_no_saved_note(tmp_path, article):
    path = tmp_path / "library.sqlite"
    lib = Library(path)
    aid = lib.add_article(article)
    lib.close()

    proc = subprocess.Popen([*WRITER, str(path), str(aid), "0", "crash"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=str(ROOT), env=_env())
    saved: list[int] = []
    try:
        for line in proc.stdout:  # each id is printed only after add_highlight returned
            saved.append(int(line))
            if len(saved) >= 150:
                break
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    assert len(saved) == 150, proc.stderr.read()

    conn = sqlite3.connect(path)  # a plain reader first: the file itself is sound
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    lib = Library(path)
    assert lib.integrity_check() == "ok"
    notes = {h.id: h.note for h in lib.highlights(aid)}
    missing = [i for i in saved if i not in notes]
    assert missing == []
    assert all(notes[i].startswith("crash note ") for i in saved)
    assert lib.article_note(aid).startswith("crash article note")
    assert lib.search("crash")  # the search index is consistent with the notes
    lib.close()


def test_two_processes_write_the_same_library(tmp_path):
    path = tmp_path / "library.sqlite"  # does not exist yet: both processes create and migrate it
    count = 120
    procs = [
        subprocess.Popen([*WRITER, str(path), "0", str(count), name, "sync"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=str(ROOT), env=_env())
        for name in ("alpha", "beta")
    ]
    for p in procs:  # both have opened the library and added the article
        assert p.stdout.readline().strip() == "ready", p.stderr.read()
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    results = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, results):
        assert p.returncode == 0, err
        assert "Error" not in err
    ids = [int(x) for out, _ in results for x in out.split()]
    assert len(ids) == 2 * count and len(set(ids)) == 2 * count

    lib = Library(path)
    assert len(lib.list_articles()) == 1
    aid = lib.find_article(url="https://example.org/shared")
    notes = {h.id: h.note for h in lib.highlights(aid)}
    assert set(ids) <= set(notes)
    assert sorted(n for n in notes.values() if n.startswith("alpha")) == sorted(f"alpha note {i}" for i in range(count))
    assert sorted(n for n in notes.values() if n.startswith("beta")) == sorted(f"beta note {i}" for i in range(count))
    assert len(lib.search("alpha")) >= 1 and len(lib.search("beta")) >= 1
    assert lib.integrity_check() == "ok"
    lib.close()
