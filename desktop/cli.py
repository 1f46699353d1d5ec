"""The `sourcelight` command: open the reader, or analyze / export / compare from the terminal.

    sourcelight [FILE...]                 open the reader window (on FILEs, else the library)
    sourcelight analyze [--json] PATH...  analyse articles; `-` reads standard input
    sourcelight export PATH... -o OUT     highlighted PDF(s), no display needed
    sourcelight compare PATH... [--json]  how several articles tell one story
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from desktop import __version__

COMMANDS = ("analyze", "export", "compare")


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help="the library database (default: $SOURCELIGHT_DB, else the app-data folder)")


def _analyze_parser(sub) -> None:
    p = sub.add_parser("analyze", help="analyse articles and print what was found")
    p.add_argument("paths", nargs="+", metavar="PATH", help="a file, an http(s) URL, or - for standard input")
    p.add_argument("--json", action="store_true", help="one JSON object per input, one per line")
    p.add_argument("--model", help="spaCy pipeline to use (default: $SOURCELIGHT_MODEL, else en_core_web_sm)")
    p.set_defaults(func=run_analyze)


def _export_parser(sub) -> None:
    p = sub.add_parser("export", help="write highlighted PDFs")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="a .pdf file, or a folder for one PDF per article")
    p.add_argument("--combined", action="store_true", help="one PDF for all articles, with a comparison summary first")
    p.add_argument("--why", action="store_true", help="add an appendix with each highlight's reason")
    p.add_argument("--page-size", choices=("A4", "Letter"), help="default: from the locale")
    p.add_argument("--layers", help="comma-separated layers to draw (default: all): quote,unsourced,vague,emotive")
    _add_db(p)
    p.set_defaults(func=lambda args: _delegate("desktop.export.command", args))


def _compare_parser(sub) -> None:
    p = sub.add_parser("compare", help="compare how several articles tell one story")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="print the groups as JSON")
    p.set_defaults(func=lambda args: _delegate("desktop.analysis.compare_command", args))


def _delegate(module: str, args) -> int:
    import importlib

    return importlib.import_module(module).run(args)


def _read_input(path: str):
    """(Article or None, error message or None) for one command-line input."""
    from desktop.documents import Article, DocumentError, load_source
    from desktop.documents.text import decode_bytes

    try:
        if path == "-":  # the same encoding detection and binary check as a file gets
            text, encoding = decode_bytes(sys.stdin.buffer.read(), "standard input")
            return Article(text=text, path="-", kind="text", encoding=encoding), None
        return load_source(path), None
    except DocumentError as exc:
        return None, str(exc)


def run_analyze(args) -> int:
    from desktop.analysis.analyzer import Analyzer, TextTooLong

    analyzer = Analyzer(model=args.model)
    failed = 0
    for path in args.paths:
        article, error = _read_input(path)
        analysis = None
        if article is not None:
            try:
                analysis = analyzer.analyze(article.text)
            except TextTooLong as exc:
                error = str(exc)
        if analysis is None:
            failed += 1
            if args.json:
                print(json.dumps({"path": path, "error": error}, ensure_ascii=False), flush=True)
            else:
                print(f"error: {path}: {error}", file=sys.stderr, flush=True)
            continue
        if args.json:
            out = {"path": path, "title": article.display_title, **analysis.to_dict()}
            print(json.dumps(out, ensure_ascii=False), flush=True)
        else:
            from desktop.analysis.report import text_report

            print(text_report(path, article.display_title, analysis, color=sys.stdout.isatty()), flush=True)
    return 1 if failed else 0


def run_gui(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="sourcelight", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", metavar="FILE", help="articles to open")
    parser.add_argument("--version", action="version", version=f"sourcelight {__version__}")
    _add_db(parser)
    args = parser.parse_args(argv)
    from desktop.ui.app import run_app

    return run_app(args.files, db=args.db)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in COMMANDS:
        return run_gui(argv)
    parser = argparse.ArgumentParser(prog="sourcelight")
    sub = parser.add_subparsers(dest="command", required=True)
    _analyze_parser(sub)
    _export_parser(sub)
    _compare_parser(sub)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # e.g. `sourcelight analyze … | head`: not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
