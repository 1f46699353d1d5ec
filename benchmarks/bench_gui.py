"""GUI figures: open → text visible / highlights painted (1,000 words), longest GUI stall on 80,000 words, memory with four panes."""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

HEARTBEAT_MS = 5


def _rss_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _children_rss_mb() -> float:
    """RSS of this process's children (the analysis process holds the language model)."""
    total = 0.0
    children: list[str] = []
    for task in Path(f"/proc/{os.getpid()}/task").glob("*"):
        try:
            children += (task / "children").read_text().split()
        except OSError:
            continue
    for child in children:
        try:
            for line in Path(f"/proc/{child}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
        except OSError:
            continue
    return total


def _isolate() -> Path:
    tmp = Path(tempfile.mkdtemp(prefix="sourcelight-bench-gui-"))
    os.environ["QT_QPA_PLATFORM"] = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    for var, sub in (("HOME", ""), ("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"), ("XDG_CACHE_HOME", ".cache")):
        os.environ[var] = str(tmp / sub)
    os.environ["SOURCELIGHT_DB"] = str(tmp / "library.sqlite")
    return tmp


def _words(text: str, n: int) -> str:
    """The first paragraphs of `text` holding about n words."""
    out, count = [], 0
    for para in text.split("\n"):
        out.append(para)
        count += len(re.findall(r"\w+", para))
        if count >= n:
            break
    return "\n".join(out)


def run(report) -> None:
    tmp = _isolate()
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from desktop.ui.app import create_app
    from desktop.ui.main_window import MainWindow, seed_files

    app = create_app(["sourcelight"])  # noqa: F841 — keep the QApplication alive for the whole run
    seeds = seed_files()
    texts = [p.read_text(encoding="utf-8") for p in seeds]

    # QEventLoop.processEvents, not QCoreApplication.processEvents: in PySide6 6.12 the latter
    # drops a reference to None on every call and crashes a long loop ("none_dealloc")
    spinner = QEventLoop()

    def spin() -> None:
        spinner.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)

    def wait(predicate, timeout_s: float = 600.0) -> bool:
        end = time.perf_counter() + timeout_s
        while not predicate():
            if time.perf_counter() > end:
                return False
            spin()
        return True

    rss0 = _rss_mb()
    t_window = time.perf_counter()
    window = MainWindow()
    window.resize(1600, 950)
    window.show()
    spin()
    report("window shown (before the language model)", 1000 * (time.perf_counter() - t_window), "ms")
    t_model = time.perf_counter()
    window.analysis.preload()
    wait(lambda: window.analysis.model_name is not None)
    report("language model loaded (analysis process)", time.perf_counter() - t_model, "s")

    # -- 1,000-word article: open → text visible → highlights painted ---------------------------
    base = max(texts, key=len)
    article = _words(base, 1000) + "\n\nBenchmark copy made at %f.\n" % time.time()  # a text no cache has seen
    path = tmp / "article-1000.txt"
    path.write_text(article, encoding="utf-8")
    t0 = time.perf_counter()
    [pane] = window.open_sources([str(path)])
    wait(lambda: pane.article is not None or pane.error is not None)
    spin()
    t_text = time.perf_counter() - t0
    wait(lambda: pane.is_painted())
    t_paint = time.perf_counter() - t0
    words = len(re.findall(r"\w+", article))
    report("open → text visible (1,000 words)", 1000 * t_text, "ms", f"{words} words")
    report("open → highlights painted (1,000 words)", 1000 * t_paint, "ms", "analysis on the worker included")
    window.close_pane(pane)
    t0 = time.perf_counter()
    [pane] = window.open_sources([str(path)])
    wait(lambda: pane.is_painted())
    report("re-open same article → highlights painted", 1000 * (time.perf_counter() - t0), "ms", "analysis cache hit")
    window.close_pane(pane)

    # -- 80,000 words: longest GUI-thread stall while it is loaded, analysed and painted ----------
    big, n = [], 0
    i = 0
    while n < 80_000:
        t = texts[i % len(texts)]
        big.append(t)
        n += len(re.findall(r"\w+", t))
        i += 1
    big_text = "\n\n".join(big)
    big_path = tmp / "article-80000.txt"
    big_path.write_text(big_text, encoding="utf-8")
    clock = QElapsedTimer()
    gaps: list[int] = []
    last = [0]

    def beat() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(HEARTBEAT_MS)
    heartbeat.timeout.connect(beat)
    clock.start()
    heartbeat.start()
    t0 = time.perf_counter()
    [pane] = window.open_sources([str(big_path)])
    wait(lambda: pane.article is not None or pane.error is not None)
    t_text = time.perf_counter() - t0
    wait(lambda: (pane.is_painted()) or pane.error is not None, 1800)
    t_all = time.perf_counter() - t0
    heartbeat.stop()
    big_words = len(re.findall(r"\w+", big_text))
    report("80k words: open → text visible", 1000 * t_text, "ms", f"{big_words:,} words")
    report("80k words: open → all highlights painted", t_all, "s", pane.error or "")
    report("80k words: longest GUI-thread stall", max(gaps) - HEARTBEAT_MS if gaps else 0, "ms", "target < 100 ms (QTimer heartbeat every 5 ms)")
    gaps.sort()
    report("80k words: 99th percentile heartbeat gap", gaps[int(0.99 * (len(gaps) - 1))] if gaps else 0, "ms")
    window.close_pane(pane)

    # the same document again (analysis cached): what the GUI itself costs to show and paint it
    gaps.clear()
    clock.restart()
    last[0] = 0
    heartbeat.start()
    t0 = time.perf_counter()
    [pane] = window.open_sources([str(big_path)])
    wait(lambda: pane.is_painted() or pane.error is not None, 600)
    t_all = time.perf_counter() - t0
    heartbeat.stop()
    report("80k words, cached: open → all highlights painted", 1000 * t_all, "ms", "analysis cache hit: loading, preparing and painting only")
    report("80k words, cached: longest GUI-thread stall", max(gaps) - HEARTBEAT_MS if gaps else 0, "ms", "the UI's own share of the stall")
    window.close_pane(pane)

    # -- memory with four articles open ----------------------------------------------------------
    panes = window.open_sources([str(p) for p in seeds[:4]])
    wait(lambda: all(p.is_painted() for p in panes))
    spin()
    rss = _rss_mb()
    child = _children_rss_mb()
    report("memory, four articles open (RSS, window process)", rss, "MB", f"{rss - rss0:+.0f} MB since before the window")
    report("memory, four articles open (RSS, analysis process)", child, "MB", "the language model and its working memory")
    window.close()
    window.shutdown()


if __name__ == "__main__":
    from benchmarks.run import report as _report

    run(_report)
