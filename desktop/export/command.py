"""`sourcelight export PATH... -o OUT`: highlighted PDFs from the terminal, with no display needed.

OUT ending in `.pdf` is one file (one article, or several with `--combined`); any other OUT is a
folder that gets one PDF per article. Articles the library knows come with the user's highlights,
notes and verdicts; if the library cannot be opened the export goes on without them and says so.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _open_library(db: str | None):
    """The user's library, or None (with a note on stderr when one was expected but cannot be used)."""
    try:
        from desktop.store.library import Library, LibraryError
        from desktop.store.paths import default_db_path
    except ImportError as exc:  # the store is part of the app; only a broken install lands here
        _say(f"note: the library is not available ({exc}); exporting without notes")
        return None
    path = Path(db).expanduser() if db else default_db_path()
    if not path.exists():
        if db:
            _say(f"note: there is no library at {path}; exporting without notes")
        return None
    try:
        return Library(path)
    except LibraryError as exc:
        _say(f"note: cannot open the library ({exc}); exporting without notes")
    except Exception as exc:  # any other failure to open: still export, without notes
        _say(f"note: cannot open the library {path} ({type(exc).__name__}: {exc}); exporting without notes")
    return None


def run(args) -> int:
    """Entry point for `desktop.cli`; returns the exit status."""
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QGuiApplication exists

    from desktop.export.model import ExportError, ExportOptions, item_from_library, parse_layers

    try:
        layers = parse_layers(getattr(args, "layers", None))
    except ExportError as exc:
        _say(f"error: --layers: {exc}")
        return 2
    out = Path(args.output).expanduser()
    combined = bool(getattr(args, "combined", False))
    to_file = out.suffix.lower() == ".pdf"
    if combined and not to_file:
        _say(f"error: --combined writes one PDF: give -o a file name ending in .pdf (not {out})")
        return 2
    if not combined and to_file and len(args.paths) > 1:
        _say("error: several articles: give -o a folder (one PDF each), or add --combined for one PDF")
        return 2
    if to_file and out.is_dir():
        _say(f"error: {out} is a folder; give a file name ending in .pdf, or a folder name without .pdf")
        return 2

    from desktop.analysis.analyzer import Analyzer, TextTooLong
    from desktop.documents import DocumentError, load_source

    library = _open_library(getattr(args, "db", None))
    analyzer = Analyzer()
    items = []
    failed = 0
    try:
        for path in args.paths:
            try:
                article = load_source(path)
                analysis = analyzer.analyze(article.text)
            except (DocumentError, TextTooLong) as exc:
                failed += 1
                _say(f"error: {path}: {exc}")
                continue
            for warning in analysis.warnings:
                _say(f"note: {path}: {warning}")
            try:
                items.append(item_from_library(library, article, analysis, layers))
            except Exception as exc:  # a library read failed: this article goes out without notes
                _say(f"note: {path}: cannot read its notes from the library ({exc}); exporting without them")
                items.append(item_from_library(None, article, analysis, layers))
    finally:
        if library is not None:
            library.close()
    if not items:
        _say("error: nothing to export")
        return 1

    from desktop.export.pdf import ensure_gui_app, export_folder, export_pdf

    ensure_gui_app()
    options = ExportOptions(page_size=getattr(args, "page_size", None), why=bool(getattr(args, "why", False)))
    try:
        if to_file:
            written = [export_pdf(items, out, options)]
        else:
            written = export_folder(items, out, options)
    except ExportError as exc:
        _say(f"error: {exc}")
        return 1
    for path in written:
        print(path, flush=True)
    return 1 if failed else 0
