"""Library speed: opening a big library (integrity probe), saving a note, searching, re-anchoring, export/import.

Called by `benchmarks/run.py` as `run(report)`; works in a temporary folder, never the user's library.
Targets (notes): a note saves in < 50 ms, a search answers in < 100 ms, opening takes < 1 s.
"""

from __future__ import annotations

import random
import re
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


def _edits(text: str, start: int, end: int, rng: random.Random):
    """Realistic corrections of an article around a highlight [start, end): (name, new text, expected
    new start, expected new end), or expected None when the highlighted words are gone."""
    insert = " The ministry later issued a clarification on these figures."
    # a sentence added before the highlight
    i = text.rfind(". ", 0, max(0, start - 1))
    i = i + 1 if i > 0 else 0
    yield "sentence inserted before", text[:i] + insert + text[i:], start + len(insert), end + len(insert)
    # a sentence removed before the highlight
    j = text.find(". ", 0, max(0, start - 2))
    if 0 < j < start - 2:
        k = text.rfind(". ", 0, j)
        k = k + 1 if k > 0 else 0
        cut = j + 1 - k
        yield "sentence removed before", text[:k] + text[j + 1 :], start - cut, end - cut
    # whitespace reflowed: every space in the article may become a line break, some doubled
    out, mapping, pos = [], [], 0
    for ch in text:
        mapping.append(pos)
        piece = rng.choice(("\n", " ", "  ")) if ch == " " and rng.random() < 0.3 else ch
        out.append(piece)
        pos += len(piece)
    new = "".join(out)
    mapping.append(len(new))
    yield "whitespace reflowed", new, mapping[start], mapping[end - 1] + 1
    # a word inserted inside the highlight
    words = [m.start() for m in re.finditer(r" ", text[start:end])]
    if words:
        at = start + words[len(words) // 2]
        yield "word inserted inside", text[:at] + " reportedly" + text[at:], start, end + len(" reportedly")
    # a word inside replaced and the words just before it rewritten (context and quote both change)
    inner = list(re.finditer(r"\w{4,}", text[start:end]))
    before = list(re.finditer(r"\w+", text[max(0, start - 30) : start]))
    if inner and len(before) >= 2:
        w = inner[len(inner) // 2]
        a, b = start + w.start(), start + w.end()
        new = text[:a] + "XYZ" + text[b:]
        b0 = max(0, start - 30) + before[-2].start()
        b1 = max(0, start - 30) + before[-1].end()
        new = new[:b0] + "some rewritten words" + new[b1:]
        shift = len("some rewritten words") - (b1 - b0)
        yield "word replaced inside, context rewritten", new, start + shift, end + shift + 3 - (b - a)
    # typographic quotes and dashes straightened all through the article
    plain = text.translate(str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2014": "-"}))
    yield "quotes and dashes straightened", plain, start, end
    # the highlighted passage deleted
    yield "passage deleted", text[:start] + text[end:], None, None


def anchoring_accuracy(report) -> None:
    from desktop.store.anchoring import make_anchor, reanchor

    rng = random.Random(5)
    results: dict[str, list[int]] = {}
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        spaces = [m.start() for m in re.finditer(r" ", text)]
        for _ in range(20):
            a = rng.randrange(len(spaces) - 20)
            s, e = spaces[a] + 1, spaces[a + rng.randint(3, 15)]
            anchor = make_anchor(text, s, e)
            for name, new, es, ee in _edits(text, s, e, rng):
                p = reanchor(new, anchor)
                if es is None:
                    ok = p.orphan
                else:
                    ok = not p.orphan and (p.anchor.start, p.anchor.end) == (es, ee)
                results.setdefault(name, []).append(int(ok))
    for name, oks in results.items():
        what = "orphaned as expected" if name == "passage deleted" else "placed exactly"
        report(f"anchoring: {name}", 100 * sum(oks) / len(oks), "%", f"{what}, {len(oks)} highlights on the seeds")


def run(report) -> None:
    from desktop.documents.model import Article
    from desktop.store.library import Library

    anchoring_accuracy(report)
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
