"""PDF export speed and memory: a 1,000-word article, and an 80,000-word document in a child process.

Called by `benchmarks/run.py` as `run(report)`. Analysis is done first and not timed: the
figures are the export alone (layout, painting, annotations, atomic write).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.bench_analysis import article  # noqa: E402  (the same seed-made articles for every section)
SMALL_WORDS = 1_000
BIG_WORDS = 80_000


def item_with_notes(text: str, analysis, notes: int):
    """An export item with `notes` personal highlights spread over the text, each with a note."""
    from desktop.documents.model import Article
    from desktop.export import ExportItem
    from desktop.store.model import Anchor, Highlight

    sentences = analysis.sentences
    step = max(1, len(sentences) // max(1, notes))
    highlights = []
    for n, s in enumerate(sentences[::step][:notes]):
        end = min(s.end, s.start + 60)
        highlights.append(Highlight(n + 1, 1, Anchor.from_text(text, s.start, end), str(n % 5 + 1), f"Note {n + 1}: check this."))
    return ExportItem(Article(text=text, title="Benchmark article", outlet="Bench"), analysis, highlights=highlights,
                      article_note="Benchmark article note.")


_CHILD = r"""
import json, resource, sys, time, os
sys.path.insert(0, {root!r})
sys.path.insert(0, {bench!r})
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from bench_export import item_with_notes
from desktop.analysis.analyzer import Analyzer, word_count
from desktop.export import ExportOptions
from desktop.export.pdf import ensure_gui_app, export_pdf
text = open({path!r}, encoding="utf-8").read()
t0 = time.perf_counter()
analysis = Analyzer().analyze(text)
analysed = time.perf_counter() - t0
item = item_with_notes(text, analysis, 200)
ensure_gui_app()
rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t0 = time.perf_counter()
out = export_pdf([item], {out!r}, ExportOptions(page_size="A4", why={why}))
seconds = time.perf_counter() - t0
from pypdf import PdfReader
reader = PdfReader(str(out))
annots = sum(len(p["/Annots"].get_object()) for p in reader.pages if "/Annots" in p)
print(json.dumps(dict(words=word_count(text), analyse_s=analysed, seconds=seconds, pages=len(reader.pages), annots=annots,
                      mb=os.path.getsize(out) / 2**20, rss_before_mb=rss_before,
                      rss_peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)))
"""


def _child(text_path: Path, out: Path, why: bool, timeout: float = 1800) -> dict:
    code = _CHILD.format(root=str(ROOT), bench=str(Path(__file__).resolve().parent), path=str(text_path), out=str(out), why=why)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    try:
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return {"error": f"not finished within {timeout:.0f} s"}
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        return {"error": (proc.stderr.strip().splitlines() or ["no output"])[-1]}
    return json.loads(lines[-1])


def small(report) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.analysis.analyzer import Analyzer
    from desktop.export import ExportOptions
    from desktop.export.pdf import ensure_gui_app, export_pdf

    text = article(SMALL_WORDS)
    analysis = Analyzer().analyze(text)
    item = item_with_notes(text, analysis, 10)
    ensure_gui_app()
    with tempfile.TemporaryDirectory() as tmp:
        export_pdf([item], Path(tmp) / "warm.pdf")  # fonts and Qt warm up once
        for why in (False, True):
            times = []
            for i in range(3):
                t0 = time.perf_counter()
                export_pdf([item], Path(tmp) / f"a{i}.pdf", ExportOptions(page_size="A4", why=why))
                times.append(time.perf_counter() - t0)
            name = "export 1,000 words" + (" + why appendix" if why else "")
            report(name, min(times), "s", f"best of 3, 10 notes, {len(analysis.spans)} spans; target: well under a few seconds")
        from desktop.export.worker import export_in_child

        t0 = time.perf_counter()
        export_in_child([item], str(Path(tmp) / "child.pdf"), ExportOptions(page_size="A4"), False)
        report("export 1,000 words from the dialog", time.perf_counter() - t0, "s", "child process start included")


def big(report) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "big.txt"
        src.write_text(article(BIG_WORDS), encoding="utf-8")
        result = _child(src, Path(tmp) / "big.pdf", why=False)
        if "error" in result:
            report("export 80,000 words", "failed", "", result["error"])
            return
        report("export 80,000 words", result["seconds"], "s", f"{result['pages']} pages, {result['annots']:,} annotations, 200 notes")
        report("  PDF size", result["mb"], "MB")
        report("  peak memory (whole process)", result["rss_peak_mb"], "MB", f"{result['rss_before_mb']:.0f} MB before the export (model + analysis)")
        report("  analysis of the same text (not in the export)", result["analyse_s"], "s")


def run(report) -> None:
    small(report)
    big(report)


if __name__ == "__main__":
    from run import report as _report  # noqa: E402  (benchmarks/run.py)

    run(_report)
