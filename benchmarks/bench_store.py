"""Library speed: opening a big library (integrity probe), saving a note, searching, re-anchoring, export/import.

Called by `benchmarks/run.py` as `run(report)`; works in a temporary folder, never the user's library.
Targets (notes): a note saves in < 50 ms, a search answers in < 100 ms, opening takes < 1 s.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
ARTICLES = 400
HIGHLIGHTS_PER_ARTICLE = 10


def _texts() -> list[str]:
    base = [p.read_text(encoding="utf-8") for p in SEEDS] or ["The minister said the plan would fail. " * 200]
    rng = random.Random(7)
    out = []
    for i in range(ARTICLES):
        paragraphs = [p for t in base for p in t.split("\n") if p.strip()]
        rng.shuffle(paragraphs)
        out.append(f"Story {i}.\n" + "\n".join(paragraphs[:25]))
    return out


def run(report) -> None:
    from desktop.documents.model import Article
    from desktop.store.library import Library

    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "library.sqlite"
        lib = Library(path)
        texts = _texts()
        t0 = time.perf_counter()
        ids = [lib.add_article(Article(text=t, path=f"/bench/{i}.txt")) for i, t in enumerate(texts)]
        report("store: add article (new)", (time.perf_counter() - t0) / len(ids) * 1000, "ms",
               f"{len(ids)} articles of ~{sum(map(len, texts)) // len(texts):,} chars")
        saves = []
        for aid, text in zip(ids, texts):
            for _ in range(HIGHLIGHTS_PER_ARTICLE):
                s = rng.randrange(0, len(text) - 80)
                t = time.perf_counter()
                lib.add_highlight(aid, s, s + rng.randrange(10, 80), tag=str(rng.randint(1, 5)),
                                  note=f"note {rng.random():.6f} check the figures")
                saves.append(time.perf_counter() - t)
        report("store: save a highlight + note (median)", statistics.median(saves) * 1000, "ms",
               "target < 50 ms; synchronous=FULL, one transaction")
        report("store: save a highlight + note (p95)", sorted(saves)[int(len(saves) * 0.95)] * 1000, "ms")
        lib.close()
        report("store: library file size", path.stat().st_size / 1e6, "MB",
               f"{ARTICLES} articles, {ARTICLES * HIGHLIGHTS_PER_ARTICLE:,} highlights")

        t = time.perf_counter()
        lib = Library(path)
        report("store: open (with integrity probe)", (time.perf_counter() - t) * 1000, "ms", "target < 1 s")

        times = []
        for word in ("minister", "figures", "police", "said", '"the government"', "zzzz"):
            t = time.perf_counter()
            lib.search(word)
            times.append(time.perf_counter() - t)
        report("store: search (median of 6 queries)", statistics.median(times) * 1000, "ms", "target < 100 ms")

        aid, text = ids[0], texts[0]
        for _ in range(190):
            s = rng.randrange(0, len(text) - 80)
            lib.add_highlight(aid, s, s + rng.randrange(10, 80))
        words = text.split(" ")
        for _ in range(40):  # an edited version: words inserted and removed throughout
            i = rng.randrange(len(words))
            if rng.random() < 0.5:
                words.insert(i, "reportedly")
            else:
                words.pop(i)
        t = time.perf_counter()
        lib.add_article(Article(text=" ".join(words), path="/bench/0.txt"))
        elapsed = time.perf_counter() - t
        r = lib.last_reanchor
        report("store: re-anchor 200 highlights after 40 edits", elapsed * 1000, "ms",
               ", ".join(f"{k} {v}" for k, v in sorted(r.methods.items())) if r else "")

        t = time.perf_counter()
        data = lib.export_jsonld()
        report("store: export JSON-LD (all)", (time.perf_counter() - t) * 1000, "ms", f"{data['total']:,} annotations")
        t = time.perf_counter()
        added, skipped = lib.import_jsonld(data)
        report("store: re-import the same file", (time.perf_counter() - t) * 1000, "ms",
               f"added {added}, skipped {skipped}")
        lib.close()


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(ROOT))
    run(lambda name, value, unit="", note="": print(f"{name:<48} {value:>10.2f} {unit:<4} {note}"))
