"""Re-anchoring annotations when an article's text changes: position, exact quote, context, fuzzy, else orphan.

Pure functions on plain strings and `Anchor`s (W3C TextPositionSelector + TextQuoteSelector), no
database and no Qt, so the export code can reuse them. The order of attempts is:

1. ``position``: the quoted text is still at the stored offsets → keep it there;
2. ``unique``: the quoted text occurs exactly once elsewhere → move it there;
3. ``context``: it occurs several times → the occurrence whose surroundings best match the stored
   prefix and suffix (ties: the one nearest the old position);
4. ``normalized``: the same text once whitespace is reflowed and typographic quotes/dashes are
   folded (a re-wrapped web page);
5. ``fuzzy``: the best approximate match (rapidfuzz), if quote and surroundings together are at least
   ``threshold`` similar (a similar phrase elsewhere, with other neighbours, is not taken for it);
6. otherwise ``orphan``: the annotation keeps its old anchor and is reported, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from desktop.store.model import Anchor

CONTEXT = 32  # characters of prefix and suffix kept with each anchor
THRESHOLD = 0.75  # least mean similarity (0–1) of quote and context for a fuzzy match
QUOTE_FLOOR = 0.6  # least similarity of the quote itself for a fuzzy match
MAX_OCCURRENCES = 2000
EDGE = 48  # characters at each end of a long quote that are located separately  # beyond this many exact occurrences, context scoring looks at the first ones only

METHODS = ("position", "unique", "context", "normalized", "fuzzy", "orphan")


@dataclass(frozen=True)
class Placement:
    """Where an annotation landed in the new text, how it was found, and how sure that is (0–1)."""

    anchor: Anchor  # the new anchor, or the old one unchanged when orphaned
    method: str  # one of METHODS
    score: float = 1.0

    @property
    def orphan(self) -> bool:
        return self.method == "orphan"

    @property
    def moved(self) -> bool:
        return self.method not in ("position", "orphan")


def make_anchor(text: str, start: int, end: int, context: int = CONTEXT) -> Anchor:
    """The anchor of `text[start:end]` with up to `context` characters of prefix and suffix."""
    if not (0 <= start < end <= len(text)):
        raise ValueError(f"no text between offsets {start} and {end} (the text has {len(text)} characters)")
    return Anchor.from_text(text, start, end, context)


def reanchor(text: str, anchor: Anchor, *, threshold: float = THRESHOLD, context: int = CONTEXT) -> Placement:
    """Place `anchor` in `text` (the article's new text); see the module docstring for the order."""
    exact = anchor.exact
    if not exact or not text:
        return Placement(anchor, "orphan", 0.0)
    if 0 <= anchor.start < anchor.end <= len(text) and text[anchor.start : anchor.end] == exact:
        return Placement(make_anchor(text, anchor.start, anchor.end, context), "position")

    starts = _occurrences(text, exact)
    if len(starts) == 1:
        s = starts[0]
        return Placement(make_anchor(text, s, s + len(exact), context), "unique")
    if starts:
        s, score = _best_by_context(text, starts, len(exact), anchor)
        return Placement(make_anchor(text, s, s + len(exact), context), "context", score)

    found = _normalized_match(text, anchor)
    if found is not None:
        s, e = found
        return Placement(make_anchor(text, s, e, context), "normalized")

    found = _fuzzy_match(text, anchor, threshold)
    if found is not None:
        s, e, score = found
        return Placement(make_anchor(text, s, e, context), "fuzzy", score)
    return Placement(anchor, "orphan", 0.0)


def reanchor_all(text: str, anchors: Iterable[Anchor], **kwargs) -> list[Placement]:
    """`reanchor` for each anchor, in order."""
    return [reanchor(text, a, **kwargs) for a in anchors]


# -- helpers -------------------------------------------------------------------------------------


def _occurrences(text: str, needle: str, limit: int = MAX_OCCURRENCES) -> list[int]:
    out: list[int] = []
    i = text.find(needle)
    while i != -1 and len(out) < limit:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def _similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return fuzz.ratio(a, b) / 100.0


def _context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> float:
    """How well the text around [start, end) matches the stored prefix and suffix, 0–1 (weighted by length)."""
    total = len(prefix) + len(suffix)
    if total == 0:
        return 0.0
    score = 0.0
    if prefix:
        score += len(prefix) * _similarity(prefix, text[max(0, start - len(prefix)) : start])
    if suffix:
        score += len(suffix) * _similarity(suffix, text[end : end + len(suffix)])
    return score / total


def _best_by_context(text: str, starts: list[int], length: int, anchor: Anchor) -> tuple[int, float]:
    def key(s: int) -> tuple[float, int]:
        return (-_context_score(text, s, s + length, anchor.prefix, anchor.suffix), abs(s - anchor.start))

    best = min(starts, key=key)
    return best, _context_score(text, best, best + length, anchor.prefix, anchor.suffix)


_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                       "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
                       "\u00ab": '"', "\u00bb": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-",
                       "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " "})
_WS = re.compile(r"\s+")


@lru_cache(maxsize=8)
def _normalize(text: str) -> tuple[str, list[int]]:
    """`text` with whitespace runs collapsed to one space and typography folded, plus a map back to offsets."""
    folded = text.translate(_FOLD)  # one character for one: offsets stay valid
    out: list[str] = []
    index: list[int] = []
    pos = 0
    for m in _WS.finditer(folded):
        a, b = m.span()
        out.append(folded[pos:a])
        index.extend(range(pos, a))
        out.append(" ")
        index.append(a)
        pos = b
    out.append(folded[pos:])
    index.extend(range(pos, len(folded)))
    return "".join(out), index


def _normalized_match(text: str, anchor: Anchor) -> tuple[int, int] | None:
    needle, _ = _normalize(anchor.exact)
    needle = needle.strip()
    if not needle:
        return None
    hay, index = _normalize(text)
    starts = _occurrences(hay, needle)
    if not starts:
        return None
    if len(starts) > 1:
        prefix = _normalize(anchor.prefix)[0]
        suffix = _normalize(anchor.suffix)[0]
        # compare in normalized space; the old position is only a tie-break, mapped roughly
        s = min(starts, key=lambda s: (-_context_score(hay, s, s + len(needle), prefix, suffix),
                                       abs(index[s] - anchor.start)))
    else:
        s = starts[0]
    return index[s], index[s + len(needle) - 1] + 1


def _boundaries(text: str, lo: int, hi: int) -> list[int]:
    """Offsets in [lo, hi] where a word or a run of whitespace starts or ends."""
    lo, hi = max(0, lo), min(len(text), hi)
    out = []
    for i in range(lo, hi + 1):
        if i == 0 or i == len(text):
            out.append(i)
            continue
        a, b = text[i - 1], text[i]
        if a.isalnum() != b.isalnum() or a.isspace() != b.isspace():
            out.append(i)
    return out


def _on_boundary(left: str, right: str) -> bool:
    """Whether a cut between characters `left` and `right` falls at a word or whitespace edge."""
    if not left or not right:
        return True
    return left.isalnum() != right.isalnum() or left.isspace() != right.isspace()


def _refine(text: str, anchor: Anchor, ds: int, de: int, cutoff: float) -> tuple[int, int, float, float] | None:
    """Best (start, end) near the rough window [ds, de): most similar quote *and* surroundings.

    Returns (start, end, quote similarity 0–100, context similarity + share of the quote kept, 0–200)."""
    exact, prefix, suffix = anchor.exact, anchor.prefix, anchor.suffix
    whole = prefix + exact + suffix
    lp, ls = len(prefix), len(suffix)
    slack = min(200, max(16, len(exact) // 2))
    near = min(slack, 24)
    if len(exact) > 2 * EDGE:
        # a long quote: find where its first and last words went (an insertion or deletion inside it
        # moves the end far from the rough window), then look closely around those two places only
        reach = len(exact) // 3 + 2 * EDGE
        head = fuzz.partial_ratio_alignment(exact[:EDGE], text[max(0, ds - reach) : ds + reach])
        tail = fuzz.partial_ratio_alignment(exact[-EDGE:], text[max(0, de - reach) : de + reach])
        if head is not None and tail is not None:
            ds = max(0, ds - reach) + head.dest_start
            de = max(0, de - reach) + tail.dest_end
        slack = near = 16
    starts = set(_boundaries(text, ds - slack, ds + slack))
    ends = set(_boundaries(text, de - slack, de + slack))
    if not _on_boundary(prefix[-1:], exact[:1]):  # the quote itself began mid-word
        starts |= set(range(max(0, ds - near), min(len(text), ds + near) + 1))
    if not _on_boundary(exact[-1:], suffix[:1]):
        ends |= set(range(max(0, de - near), min(len(text), de + near) + 1))

    def score(s: int, e: int) -> tuple[float, float, float] | None:
        if e <= s:
            return None
        piece = text[s:e]
        r = fuzz.ratio(exact, piece)
        w = fuzz.ratio(whole, text[max(0, s - lp) : e + ls]) if (lp or ls) else r
        # share of the quote's characters kept: an insertion inside a highlight widens it, never cuts it
        kept = 100 * (len(exact) + len(piece) - Indel.distance(exact, piece)) / (2 * len(exact))
        return r + w + kept, r, w + kept

    def key(s: int, e: int) -> tuple[float, int]:
        got = score(s, e)
        return (-got[0] if got else 0.0, abs(s - ds) + abs(e - de))

    # coordinate ascent: best start for the current end, best end for that start, until stable;
    # a few hundred comparisons even for a long highlight (a full grid would be quadratic)
    if not starts or not ends:
        return None
    s_best = min(starts, key=lambda s: abs(s - ds))
    e_best = min(ends, key=lambda e: abs(e - de))
    for _ in range(4):
        s_new = min(sorted(starts), key=lambda s: key(s, e_best))
        e_new = min(sorted(ends), key=lambda e: key(s_new, e))
        if (s_new, e_new) == (s_best, e_best):
            break
        s_best, e_best = s_new, e_new
    # never start or end on whitespace the quote did not have
    while s_best < e_best and text[s_best].isspace() and not exact[:1].isspace():
        s_best += 1
    while e_best > s_best and text[e_best - 1].isspace() and not exact[-1:].isspace():
        e_best -= 1
    got = score(s_best, e_best)
    if got is None or got[1] < cutoff:
        return None
    return s_best, e_best, got[1], got[2]


def _edges_window(text: str, exact: str, cutoff: float) -> tuple[int, int] | None:
    """Rough place of a long quote from where its first and last words are (much faster than aligning
    the whole quote), or None if they are not found in a plausible order and distance."""
    head = fuzz.partial_ratio_alignment(exact[:EDGE], text, score_cutoff=cutoff)
    tail = fuzz.partial_ratio_alignment(exact[-EDGE:], text, score_cutoff=cutoff)
    if head is None or tail is None:
        return None
    ds, de = head.dest_start, tail.dest_end
    if not (len(exact) / 2 <= de - ds <= len(exact) * 2):
        return None
    return ds, de


def _fuzzy_match(text: str, anchor: Anchor, threshold: float) -> tuple[int, int, float] | None:
    """Best approximate placement. Rough windows come from aligning the quote alone and the quote with its
    prefix and suffix (rapidfuzz partial alignment); each is refined to word boundaries, and the candidate
    whose quote and surroundings are most similar wins. It is accepted if the quote is at least 60 %
    similar and the mean of quote and context similarity reaches `threshold`: (start, end, that mean)."""
    exact = anchor.exact
    cutoff = floor = QUOTE_FLOOR * 100
    windows: set[tuple[int, int]] = set()
    window = _edges_window(text, exact, cutoff) if len(exact) > 4 * EDGE else None
    if window is not None:
        windows.add(window)
    else:
        hit = fuzz.partial_ratio_alignment(exact, text, score_cutoff=cutoff)
        if hit is not None:
            windows.add((hit.dest_start, hit.dest_end))
    if (anchor.prefix or anchor.suffix) and len(exact) <= 4 * EDGE:  # a long quote is its own context
        whole = anchor.prefix + exact + anchor.suffix
        hit = fuzz.partial_ratio_alignment(whole, text, score_cutoff=50)
        if hit is not None:
            ds = hit.dest_start + len(anchor.prefix) - hit.src_start
            ds = max(0, min(len(text), ds))
            windows.add((ds, min(len(text), ds + len(exact))))
    found = [c for c in (_refine(text, anchor, ds, de, floor) for ds, de in windows) if c is not None]
    if not found:
        return None
    s, e, r, _w = min(found, key=lambda c: (-(c[2] + c[3]), abs(c[0] - anchor.start)))
    quote = r / 100.0
    # accept on the quote *and* its surroundings: a similar phrase in another place has other neighbours
    context = _context_score(text, s, e, anchor.prefix, anchor.suffix) if (anchor.prefix or anchor.suffix) else quote
    score = (quote + context) / 2
    if score < threshold:
        return None
    return s, e, score
