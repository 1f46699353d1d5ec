"""Opening documents: seconds to read each seed as text, Markdown, a saved page and a PDF; big pages.

Called by `benchmarks/run.py` as `run(report)` (`python benchmarks/run.py documents`).
Fixtures are built in a temporary folder from the seeds, as the tests build them.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
_APP = None


def _best(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def run(report) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from desktop.documents import DocumentError, load_path
    from desktop.documents.html import MAX_EXTRACT_CHARS
    from tests.documents.builders import hyphenate, seed_page, seed_paragraphs, write_lines_pdf, write_pdf

    global _APP
    _APP = QGuiApplication.instance() or QGuiApplication([])  # QPdfWriter needs one; kept alive here
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        t0 = time.perf_counter()
        import importlib

        for module in ("trafilatura", "pypdf"):
            importlib.import_module(module)

        report("import trafilatura + pypdf (first open)", time.perf_counter() - t0, "s")
        report("5 seeds as .txt", _best(lambda: [load_path(p) for p in SEEDS]), "s")
        pages = []
        for i, text in enumerate(texts):
            page = tmp / f"{i}.html"
            page.write_text(seed_page(text), encoding="utf-8")
            pages.append(page)
        load_path(pages[0])  # warm up trafilatura's caches
        report("5 seeds as saved news pages (.html)", _best(lambda: [load_path(p) for p in pages]), "s", "per page ~10 KB")
        pdfs = []
        for i, text in enumerate(texts):
            pdf = tmp / f"{i}.pdf"
            write_pdf(pdf, seed_paragraphs(text))
            pdfs.append(pdf)
        report("5 seeds as PDFs (Qt, 2-4 pages each)", _best(lambda: [load_path(p) for p in pdfs]), "s")
        lines = [line for text in texts for p in seed_paragraphs(text) for line in hyphenate(p) + [""]] * 4
        long_pdf = tmp / "long.pdf"
        chunks = [lines[i : i + 45] for i in range(0, len(lines), 45)]
        write_lines_pdf(long_pdf, chunks, head="The Daily Planet | World")
        seconds = _best(lambda: load_path(long_pdf), repeat=1)
        report(f"{len(chunks)}-page hyphenated PDF", seconds, "s", f"{seconds / len(chunks) * 1000:.0f} ms/page")
        scripts = "<script>" + "var tracking = {a: 1, b: [1, 2, 3]};\n" * 280_000 + "</script>"
        heavy = tmp / "heavy.html"
        heavy.write_text(seed_page(texts[4], scripts=scripts), encoding="utf-8")
        report("10 MB page, mostly inline scripts", _best(lambda: load_path(heavy), repeat=1), "s", f"{heavy.stat().st_size / 1e6:.1f} MB")
        filler = "<div class='cell'><p>Filler paragraph with some words in it.</p></div>"
        for size, note in ((1_000_000, "trafilatura"), (MAX_EXTRACT_CHARS - 100_000, "trafilatura, worst case"), (6_000_000, "plain walk + warning")):
            big = tmp / f"markup{size}.html"
            big.write_text(seed_page(texts[4]).replace("<main>", "<main>" + filler * (size // len(filler))), encoding="utf-8")
            report(f"{size / 1e6:.1f} MB of real markup", _best(lambda: load_path(big), repeat=1), "s", note)
        huge = tmp / "huge.html"
        huge.write_text(seed_page(texts[4]).replace("<main>", "<main>" + filler * (10_000_000 // len(filler))), encoding="utf-8")

        def refuse() -> None:
            try:
                load_path(huge)
            except DocumentError:
                pass

        report("10 MB of real markup (refused)", _best(refuse, repeat=1), "s", "clear message, no hang")
