"""Comparison speed: `compare()` on five analysed ~1,000-word articles (target < 1 s), and the CLI end to end.

Called by `benchmarks/run.py` as `run(report)`. The analysis itself is not timed here
(bench_analysis.py measures it); this is the cost the user waits for after it.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
WORDS = 1_000
RUNS = 7


def five_articles(words: int = WORDS) -> list[str]:
    """Five texts of about `words` words: each seed, topped up with the next seeds' paragraphs."""
    from desktop.analysis.analyzer import word_count

    texts = [p.open(encoding="utf-8", newline="").read() for p in SEEDS]
    out = []
    for i in range(5):
        paragraphs = [par for k in range(len(texts)) for par in texts[(i + k) % len(texts)].split("\n") if par.strip()]
        kept, n = [], 0
        for par in paragraphs:
            if n >= words:
                break
            kept.append(par)
            n += word_count(par)
        out.append("\n".join(kept) + "\n")
    return out


def run(report) -> None:
    from desktop.analysis.analyzer import Analyzer, word_count
    from desktop.analysis.compare import compare

    texts = five_articles()
    analyses = list(Analyzer().analyze_many(texts))
    items = [(f"article {i + 1}", a) for i, a in enumerate(analyses)]
    t0 = time.perf_counter()
    first = compare(items)
    cold = time.perf_counter() - t0
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        compare(items)
        times.append(time.perf_counter() - t0)
    total_words = sum(word_count(t) for t in texts)
    report("compare: 5 analysed articles, first call", cold, "s", f"{total_words:,} words in all; target < 1 s")
    report("compare: 5 analysed articles, median", statistics.median(times), "s", f"of {RUNS} runs; target < 1 s")
    report("compare: groups found", len(first.shared_quotes) + len(first.shared_claims), "groups",
           f"{len(first.shared_quotes)} quote, {len(first.shared_claims)} claim")
