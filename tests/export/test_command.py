"""`sourcelight export`: headless, with the user's notes from the library, and clear one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys

from pypdf import PdfReader

from desktop.cli import main
from desktop.documents import load_source
from tests.conftest import SEEDS_DIR
from tests.export.conftest import annotations, flat, pdf_text

SEEDS = sorted(SEEDS_DIR.glob("*.txt"))


def test_export_runs_with_no_display(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "one.pdf"
    result = subprocess.run([sys.executable, "-m", "desktop", "export", str(SEEDS[0]), "-o", str(out), "--page-size", "Letter"],
                            capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    assert len(PdfReader(str(out)).pages) >= 2


def test_library_notes_highlights_and_verdicts_are_exported(tmp_path, capsys):
    from desktop.analysis.analyzer import Analyzer
    from desktop.store.library import Library

    seed = SEEDS[2]
    article = load_source(str(seed))
    analysis = Analyzer().analyze(article.text)
    db = tmp_path / "lib.sqlite"
    lib = Library(db)
    article_id = lib.add_article(article)
    start = article.text.index("Macron")
    lib.add_highlight(article_id, start, start + len("Macron"), tag="3", note="Which Macron statement is this?")
    lib.set_article_note(article_id, "Send to the foreign desk before noon.")
    quote = analysis.quotes[0]
    lib.set_verdict(article_id, quote, "dismissed")
    lib.update_metadata(article_id, title="Macron and the troops question", outlet="Test Outlet")
    lib.close()

    out = tmp_path / "noted.pdf"
    assert main(["export", str(seed), "-o", str(out), "--db", str(db), "--why"]) == 0
    text = flat(pdf_text(out))
    assert "Which Macron statement is this?" in text and "[1]" in text
    assert "Send to the foreign desk before noon." in text
    assert "Macron and the troops question" in text and "Test Outlet" in text
    assert "1 finding you dismissed is left out" in text
    notes = [a for _, a in annotations(out) if a.get("/Contents") == "Which Macron statement is this?"]
    assert len(notes) == 1 and notes[0]["/Subtype"] == "/Highlight"
    quote_annots = [a for _, a in annotations(out) if a.get("/Subj") == "Attributed quote"]
    assert len(quote_annots) < len(analysis.quotes) + 3  # the dismissed one is gone (others may span pages)
    assert PdfReader(str(out)).metadata.title == "Macron and the troops question"


def test_unreadable_library_exports_without_notes_and_says_so(tmp_path, capsys):
    db = tmp_path / "broken.sqlite"
    db.write_bytes(b"this is not a database" * 100)
    out = tmp_path / "plain.pdf"
    assert main(["export", str(SEEDS[4]), "-o", str(out), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert "exporting without notes" in err and len(err.strip().splitlines()) == 1
    assert out.exists()
    assert db.read_bytes() == b"this is not a database" * 100, "the broken library is never overwritten"


def test_folder_and_combined_modes(tmp_path, capsys):
    folder = tmp_path / "pdfs"
    assert main(["export", str(SEEDS[0]), str(SEEDS[4]), "-o", str(folder), "--layers", "quote,emotive"]) == 0
    written = capsys.readouterr().out.split()
    assert len(written) == 2 and all(os.path.exists(p) for p in written)
    combined = tmp_path / "both.pdf"
    assert main(["export", str(SEEDS[0]), str(SEEDS[4]), "-o", str(combined), "--combined"]) == 0
    assert "2 articles compared" in flat(PdfReader(str(combined)).pages[0].extract_text())


def test_bad_input_gets_one_line_and_a_non_zero_status(tmp_path, capsys):
    assert main(["export", str(SEEDS[0]), "-o", str(tmp_path / "x.pdf"), "--layers", "quotes"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error:") and "quote, unsourced, vague, emotive" in err and "\n" not in err
    assert main(["export", str(SEEDS[0]), str(SEEDS[1]), "-o", str(tmp_path / "x.pdf")]) == 2
    assert "--combined" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "x.pdf")]) == 1
    err = capsys.readouterr().err
    assert "missing.txt" in err and "Traceback" not in err
    # one bad input among good ones: the good ones are exported, the status says something failed
    out = tmp_path / "some.pdf"
    assert main(["export", str(SEEDS[4]), str(tmp_path / "missing.txt"), "-o", str(out), "--combined"]) == 1
    assert out.exists()
    assert main(["export", str(SEEDS[4]), "-o", str(tmp_path / "no" / "dir.pdf")]) == 1
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("error: cannot write") and "does not exist" in err
