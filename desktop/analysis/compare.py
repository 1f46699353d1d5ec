"""Compare how several analysed articles tell one story: stats, shared quotes, shared claims, only-here.

Pure Python, no Qt. `compare(items)` takes `(label, Analysis)` pairs and returns a frozen
`Comparison` whose every member carries `(article, start, end)` offsets into its article's
text, so the reader, the PDF export and `sourcelight compare --json` can all point at it.

How things are matched
- Speakers: by name. The name is the tail of the speaker string after titles and roles
  (`Kremlin spokesman Dmitry Peskov` -> `Dmitry Peskov`); two names match when their
  surnames are equal (case and accents folded) and, if both give a first name, the first
  names start alike (`Peskov` = `Dmitry Peskov`; `Dmytro Kuleba` = `Dmitry Kuleba`).
  Descriptors (`A NATO spokesman`) match only the same descriptor.
- Wording: rapidfuzz scores over stemmed content words (Snowball stems, spaCy's English
  stop words removed): `token_set_ratio` for quotes of one speaker (a short quote inside a
  longer translation still matches) and an IDF-weighted overlap for claims, so that words
  every article uses (`troops`, `Ukraine`) count for little and names and rare words for much.
- Groups hold at most one member per article; they are built greedily from the best pair
  down (single linkage under that constraint), so a long chain of loosely related
  sentences never collapses into one group.
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from desktop.analysis.model import Analysis, Span

# Pair scores are 0..100. Tuned on the five seeds against tests/gold/compare.json (make eval).
QUOTE_THRESHOLD = 55.0
CLAIM_THRESHOLD = 30.0
CLAIM_MIN_SHARED = 2  # content stems two sentences must share to be compared at all
SHORT_QUOTE_WORDS = 6  # a quote this short may match inside a longer one, near-verbatim

STATS_COLUMNS: tuple[tuple[str, str], ...] = (
    ("sentences", "Sentences"),
    ("unsourced_share", "Share unsourced"),
    ("vague_share", "Share vague"),
    ("quotes", "Quotes"),
    ("named_speakers", "Distinct named speakers"),
    ("emotive_per_1000", "Emotive per 1,000 words"),
    ("grade", "Readability grade"),
)


# ---------------------------------------------------------------- result dataclasses


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One member of a group: where it is and how its article sources it."""

    article: int  # index into Comparison.articles
    start: int
    end: int
    text: str
    speaker: str | None = None  # the quote's speaker as the article gives it
    label: str | None = None  # the sourcing label of the sentence it sits in
    source: str | None = None  # that sentence's source, if any

    def to_dict(self) -> dict:
        out = {"article": self.article, "start": self.start, "end": self.end, "text": self.text}
        if self.speaker is not None:
            out["speaker"] = self.speaker
        out["label"] = self.label
        out["source"] = self.source
        return out


@dataclass(frozen=True, slots=True)
class DiffOp:
    """A run of words: `equal` in both, `delete` only in the first, `insert` only in the second."""

    op: str
    text: str


@dataclass(frozen=True, slots=True)
class WordDiff:
    """Word-level differences from member `a` to member `b` of a group (indices into members)."""

    a: int
    b: int
    ops: tuple[DiffOp, ...]

    def to_dict(self) -> dict:
        return {"from": self.a, "to": self.b, "ops": [[o.op, o.text] for o in self.ops]}


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """Quotes by one speaker, in several articles, with similar wording."""

    speaker: str
    members: tuple[Occurrence, ...]
    similarity: float  # lowest linking pair score in the group, 0..100
    diffs: tuple[WordDiff, ...]  # each later member against the first

    @property
    def articles(self) -> tuple[int, ...]:
        return tuple(m.article for m in self.members)

    def to_dict(self) -> dict:
        return {
            "speaker": self.speaker,
            "similarity": round(self.similarity, 1),
            "members": [m.to_dict() for m in self.members],
            "diffs": [d.to_dict() for d in self.diffs],
        }


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """Near-duplicate sentences across articles: one event, told in different words."""

    members: tuple[Occurrence, ...]
    similarity: float
    diffs: tuple[WordDiff, ...]

    @property
    def articles(self) -> tuple[int, ...]:
        return tuple(m.article for m in self.members)

    @property
    def sourcing_differs(self) -> bool:
        """True when one article credits the claim differently (e.g. attributed vs unsourced)."""
        return len({m.label for m in self.members}) > 1

    def to_dict(self) -> dict:
        return {
            "similarity": round(self.similarity, 1),
            "sourcing_differs": self.sourcing_differs,
            "members": [m.to_dict() for m in self.members],
            "diffs": [d.to_dict() for d in self.diffs],
        }


@dataclass(frozen=True, slots=True)
class ArticleStats:
    """One row of the stats table."""

    index: int
    label: str
    words: int
    sentences: int
    unsourced_share: float
    vague_share: float
    quotes: int
    named_speakers: int
    emotive_per_1000: float
    grade: float

    def to_dict(self) -> dict:
        return {
            "index": self.index,
            "label": self.label,
            "words": self.words,
            "sentences": self.sentences,
            "unsourced_share": round(self.unsourced_share, 3),
            "vague_share": round(self.vague_share, 3),
            "quotes": self.quotes,
            "named_speakers": self.named_speakers,
            "emotive_per_1000": round(self.emotive_per_1000, 2),
            "grade": self.grade,
        }


@dataclass(frozen=True)
class Comparison:
    """Everything `compare()` found. Offsets are into `texts[member.article]`."""

    articles: tuple[str, ...]  # labels, in the order given
    texts: tuple[str, ...] = field(repr=False)
    stats: tuple[ArticleStats, ...]
    shared_quotes: tuple[QuoteGroup, ...]
    shared_claims: tuple[ClaimGroup, ...]
    only_here_quotes: tuple[Occurrence, ...]
    only_here_claims: tuple[Occurrence, ...]

    def to_dict(self) -> dict:
        return {
            "articles": [{"index": i, "label": label} for i, label in enumerate(self.articles)],
            "stats": [s.to_dict() for s in self.stats],
            "shared_quotes": [g.to_dict() for g in self.shared_quotes],
            "shared_claims": [g.to_dict() for g in self.shared_claims],
            "only_here": {
                "quotes": [o.to_dict() for o in self.only_here_quotes],
                "claims": [o.to_dict() for o in self.only_here_claims],
            },
        }

    def to_csv(self) -> str:
        """The stats table, one row per article, with a header row."""
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["Article", "Words"] + [title for _, title in STATS_COLUMNS])
        for s in self.stats:
            writer.writerow(
                [s.label, s.words, s.sentences, f"{s.unsourced_share:.3f}", f"{s.vague_share:.3f}", s.quotes,
                 s.named_speakers, f"{s.emotive_per_1000:.2f}", f"{s.grade:.1f}"]
            )
        return buf.getvalue()


# ---------------------------------------------------------------- words


_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_QUOTE_CHARS = "\"“”„‟«»‘’‹›"


def _fold(text: str) -> str:
    """Case-folded, accents removed, curly apostrophes straightened."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("ʼ", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    try:
        from spacy.lang.en.stop_words import STOP_WORDS
    except ImportError:  # spaCy is a dependency; this only keeps the module importable alone
        STOP_WORDS = {"the", "a", "an", "of", "to", "in", "and", "or", "is", "are", "was", "that", "this", "it", "for", "on", "with", "be", "by", "as", "at"}
    return frozenset(_fold(w) for w in STOP_WORDS) | {"said", "says", "say", "s"}


@lru_cache(maxsize=1)
def _stemmer():
    try:
        import snowballstemmer
    except ImportError:
        return None
    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    stemmer = _stemmer()
    return stemmer.stemWord(word) if stemmer is not None else word


_COUNTRY_US = re.compile(r"\b(?:U\.S\.A?\.?|USA|US)(?![\w.])")


def content_stems(text: str) -> list[str]:
    """Stemmed content words of `text`, in order (stop words and possessive 's dropped).

    `US`/`U.S.`/`USA` become `usa` first: folded to "us" they would be dropped as a stop word.
    """
    stops = _stop_words()
    out = []
    for tok in _TOKEN.findall(_fold(_COUNTRY_US.sub("usa", text))):
        if tok.endswith("'s"):
            tok = tok[:-2]
        tok = tok.strip("'")
        if not tok or tok in stops:
            continue
        out.append(_stem(tok))
    return out


def word_diff(a: str, b: str) -> tuple[DiffOp, ...]:
    """Word-level diff from `a` to `b`, comparing words case- and punctuation-blind."""
    wa, wb = a.split(), b.split()

    def key(w: str) -> str:
        return _fold(w).strip(_QUOTE_CHARS + ".,;:!?()[]-–—…")

    ops: list[DiffOp] = []

    def add(op: str, words: list[str]) -> None:
        if not words:
            return
        text = " ".join(words)
        if ops and ops[-1].op == op:
            ops[-1] = DiffOp(op, ops[-1].text + " " + text)
        else:
            ops.append(DiffOp(op, text))

    matcher = SequenceMatcher(None, [key(w) for w in wa], [key(w) for w in wb], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("equal", wb[j1:j2])  # show the second wording's spelling
        else:
            add("delete", wa[i1:i2])
            add("insert", wb[j1:j2])
    return tuple(ops)


# ---------------------------------------------------------------- speakers

_TITLE_WORDS = frozenset(
    _fold(w)
    for w in """
    president vice prime minister chancellor secretary general spokesman spokeswoman spokesperson
    speaker foreign defence defense interior state deputy chief head minister's press senator
    governor mayor king queen prince pope ambassador commander admiral colonel major lieutenant
    sergeant captain dr mr mrs ms sir lord lady professor prof chairman chairwoman chair director
    leader premier envoy official officials analyst expert correspondent adviser advisor
    the a an former ex acting us u.s. uk eu un
    """.split()
)
_DESCRIPTOR_START = frozenset("a an some one several many few most two three four five police officials".split())
_NUMBER_WORD = re.compile(r"^(\d|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)", re.I)


def _name_tokens(speaker: str) -> list[str]:
    return [t for t in re.split(r"[\s,]+", speaker.strip()) if t]


def is_named(speaker: str | None) -> bool:
    """A named person or body (`Dmitry Peskov`, `The White House`), not a descriptor (`A NATO spokesman`)."""
    if not speaker or not speaker.strip():
        return False
    toks = _name_tokens(speaker)
    first = toks[0].casefold()
    if first in _DESCRIPTOR_START or _NUMBER_WORD.match(first):
        return False
    return any(t[:1].isupper() for t in toks)


@lru_cache(maxsize=4096)
def speaker_name(speaker: str) -> tuple[str | None, str] | None:
    """(first name or None, surname), folded, for a named speaker; None for a descriptor.

    The name is the run of capitalised words at the end of the speaker string, without
    leading titles: `Kremlin spokesman Dmitry Peskov` -> ("dmitry", "peskov");
    `US President Joe Biden` -> ("joe", "biden"); `Peskov` -> (None, "peskov").
    """
    if not is_named(speaker):
        return None
    toks = [t.strip(".'’\"") for t in _name_tokens(speaker)]
    toks = [t[:-2] if t.endswith(("'s", "’s")) else t for t in toks if t]
    # the trailing run of capitalised tokens (a lower-case particle like "de" inside is kept)
    run: list[str] = []
    for t in reversed(toks):
        if t[:1].isupper() or (run and t in ("de", "da", "van", "von", "bin", "al", "le", "la", "del")):
            run.insert(0, t)
        else:
            break
    if not run:  # all lower-case but not a descriptor, e.g. "jens stoltenberg"
        run = toks[-2:]
    while len(run) > 1 and _fold(run[0]) in _TITLE_WORDS:
        run.pop(0)
    while run and run[0] in ("de", "da", "van", "von", "bin", "al", "le", "la", "del"):
        run.pop(0)
    if not run:
        return None
    last = _fold(run[-1])
    if last in _TITLE_WORDS:  # "The French President": a title, not a name
        return None
    first = _fold(run[-2]) if len(run) >= 2 and _fold(run[-2]) not in _TITLE_WORDS else None
    return first, last


def same_speaker(a: str | None, b: str | None) -> bool:
    """Whether two speaker strings name the same person or body."""
    if not a or not b:
        return False
    na, nb = speaker_name(a), speaker_name(b)
    if na is None or nb is None:
        if na is None and nb is None:
            return _descriptor_key(a) == _descriptor_key(b)
        return False
    (fa, la), (fb, lb) = na, nb
    if la != lb:
        return False
    return fa is None or fb is None or fa[:1] == fb[:1]


_NAME_AFTER = r"\s+((?:[A-Z][\w'’-]+\s+)?[A-Z][\w'’-]+)"


def resolve_speaker(speaker: str | None, text: str) -> str | None:
    """The name a descriptor speaker stands for in this article, else the speaker unchanged.

    `The French President` -> `Emmanuel Macron` when the article says "French President
    Emmanuel Macron" somewhere; `the Kremlin spokesman` -> `Dmitry Peskov` likewise. Only a
    name that directly follows the descriptor's words counts, and only if just one does.
    """
    if not speaker or speaker_name(speaker) is not None:
        return speaker
    words = _name_tokens(speaker)
    while words and words[0].casefold() in ("a", "an", "the"):
        words.pop(0)
    if not words or len(words) > 6:
        return speaker
    pattern = re.compile(r"\b(?i:" + r"\s+".join(re.escape(w) for w in words) + ")" + _NAME_AFTER)
    found = set()
    for m in pattern.finditer(text):
        name = m.group(1)
        if name[:1].isupper() and speaker_name(name) is not None:
            found.add(speaker_name(name))
            candidate = name
    return candidate if len(found) == 1 else speaker


def _descriptor_key(speaker: str) -> str:
    words = _TOKEN.findall(_fold(speaker))
    while words and words[0] in ("a", "an", "the"):
        words.pop(0)
    return " ".join(words)


def _display_name(speakers: list[str]) -> str:
    """The fullest plain name among the spellings (`Dmitry Peskov`, not `Peskov` or the title)."""
    best, best_key = speakers[0], (-1, 0)
    for s in speakers:
        name = speaker_name(s)
        if name is None:
            return s.strip()
        toks = _name_tokens(s)
        # prefer the name without its titles: rebuild it from the tail
        n = 2 if name[0] else 1
        plain = " ".join(toks[-n:])
        key = (n, -len(s))
        if key > best_key:
            best, best_key = plain, key
    if best[:1].islower():
        best = " ".join(w[:1].upper() + w[1:] for w in best.split())
    return best


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def speaker_clusters(speakers: list[str]) -> list[int]:
    """For each speaker string, the index of its cluster's first member (same person = same id)."""
    unique = list(dict.fromkeys(speakers))
    uf = _UnionFind(len(unique))
    for i in range(len(unique)):
        for j in range(i + 1, len(unique)):
            if uf.find(i) != uf.find(j) and same_speaker(unique[i], unique[j]):
                uf.union(i, j)
    # a lone given name ("Dmitry", as some outlets or detectors leave it) joins the one full
    # name with that first name, if exactly one has it and nothing matched it by surname
    names = [speaker_name(u) for u in unique]
    for i, name in enumerate(names):
        if name is None or name[0] is not None or any(uf.find(i) == uf.find(j) for j in range(len(unique)) if j != i):
            continue
        owners = {n[1] for n in names if n is not None and n[0] == name[1]}
        if len(owners) == 1:
            for j, other in enumerate(names):
                if other is not None and other[0] == name[1]:
                    uf.union(i, j)
    first_of_root: dict[int, int] = {}
    position = {s: k for k, s in enumerate(unique)}
    out = []
    for k, s in enumerate(speakers):
        root = uf.find(position[s])
        out.append(first_of_root.setdefault(root, k))
    return out


# ---------------------------------------------------------------- similarity


def _plain(text: str) -> str:
    """Folded words only: quotation marks and punctuation gone, for comparing wordings."""
    return " ".join(_TOKEN.findall(_fold(text)))


def quote_similarity(a: str, b: str) -> float:
    """0..100 for two quotes by one speaker: are they renderings of the same words?

    Whole wordings are compared, function words included (two translations of one sentence
    keep its skeleton: "It seems to me that those who not only…"): the best of rapidfuzz's
    `ratio` and `token_sort_ratio`. A short quote (up to SHORT_QUOTE_WORDS words) that
    appears nearly verbatim inside a longer one ("Nothing can be ruled out" inside "…But
    nothing can be ruled out") also matches, via `partial_ratio`, if it has three words or more.
    """
    from rapidfuzz import fuzz

    pa, pb = _plain(a), _plain(b)
    if not pa or not pb:
        return 0.0
    score = max(fuzz.ratio(pa, pb), fuzz.token_sort_ratio(pa, pb))
    short = pa if len(pa) <= len(pb) else pb
    if 3 <= len(short.split()) <= SHORT_QUOTE_WORDS:
        partial = fuzz.partial_ratio(pa, pb)
        if partial >= 90:
            score = max(score, partial)
    return float(score)


class _Idf:
    """Inverse document frequency of stems, with every compared sentence as a document."""

    def __init__(self, docs: list[set[str]]):
        n = max(1, len(docs))
        df: Counter[str] = Counter()
        for d in docs:
            df.update(d)
        self.weight = {stem: math.log((n + 1) / (count + 0.5)) for stem, count in df.items()}
        self._default = math.log((n + 1) / 0.5)

    def __call__(self, stem: str) -> float:
        return self.weight.get(stem, self._default)

    def total(self, stems: set[str]) -> float:
        w = self.weight
        return sum(w.get(s, self._default) for s in stems)


def claim_similarity(a: set[str], b: set[str], idf: _Idf, totals: tuple[float, float] | None = None) -> float:
    """0..100: do two sentences state the same thing?

    The geometric mean of an IDF-weighted Dice overlap of their content stems (words most
    sentences share weigh little) and rapidfuzz's `token_set_ratio` over the same stems
    (which forgives a sentence that adds a clause). On the seeds this ranks the gold pairs
    better than either alone, or than a plain overlap coefficient.
    """
    from rapidfuzz import fuzz

    shared = a & b
    if not shared:
        return 0.0
    total = sum(totals) if totals else idf.total(a) + idf.total(b)
    dice = 2 * idf.total(shared) / total if total else 0.0
    token_set = fuzz.token_set_ratio(sorted(a), sorted(b)) / 100.0
    return 100.0 * math.sqrt(dice * token_set)


# ---------------------------------------------------------------- grouping


def _greedy_groups(n: int, article_of: list[int], pairs: list[tuple[float, int, int]], threshold: float) -> list[tuple[list[int], float]]:
    """Groups of item indices, best pairs first, never two items of one article in a group.

    Two groups merge when the pair linking them scores at least `threshold` and their mean
    cross-pair score (pairs never scored count as 0) does too (average linkage), so a chain
    of loosely related sentences does not collapse into one group.
    """
    score_of = {(i, j) if i < j else (j, i): s for s, i, j in pairs}
    groups: dict[int, list[int]] = {i: [i] for i in range(n)}
    where = list(range(n))
    weakest: dict[int, float] = {}
    for score, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if score < threshold:
            break
        gi, gj = where[i], where[j]
        if gi == gj or {article_of[k] for k in groups[gi]} & {article_of[k] for k in groups[gj]}:
            continue
        cross = [score_of.get((a, b) if a < b else (b, a), 0.0) for a in groups[gi] for b in groups[gj]]
        mean = sum(cross) / len(cross)
        if mean < threshold:
            continue
        keep, gone = min(gi, gj), max(gi, gj)
        groups[keep] += groups.pop(gone)
        for k in groups[keep]:
            where[k] = keep
        weakest[keep] = min(mean, weakest.get(gi, 100.0), weakest.get(gj, 100.0))
    return [
        (sorted(g, key=lambda k: (article_of[k], k)), weakest.get(root, 100.0))
        for root, g in groups.items()
        if len(g) > 1
    ]


def _diffs(members: list[Occurrence]) -> tuple[WordDiff, ...]:
    return tuple(WordDiff(0, k, word_diff(members[0].text, members[k].text)) for k in range(1, len(members)))


def _sentence_at(sentences: list[Span], starts: list[int], pos: int) -> Span | None:
    import bisect

    k = bisect.bisect_right(starts, pos) - 1
    if 0 <= k < len(sentences) and sentences[k].start <= pos < sentences[k].end:
        return sentences[k]
    return None


def _stats(index: int, label: str, analysis: Analysis) -> ArticleStats:
    p = analysis.profile
    named: list[str] = []
    for q in analysis.quotes:
        speaker = resolve_speaker(q.speaker, analysis.text)
        if speaker and speaker_name(speaker) is not None and not any(same_speaker(speaker, s) for s in named):
            named.append(speaker)
    return ArticleStats(
        index=index,
        label=label,
        words=p.words,
        sentences=p.sentences,
        unsourced_share=p.unsourced_share,
        vague_share=p.vague_share,
        quotes=len(analysis.quotes),
        named_speakers=len(named),
        emotive_per_1000=p.emotive_per_1000,
        grade=analysis.readability.grade,
    )


def compare(items: list[tuple[str, Analysis]]) -> Comparison:
    """Compare articles: `items` is a list of (label, Analysis), in display order."""
    labels = tuple(label for label, _ in items)
    analyses = [a for _, a in items]
    texts = tuple(a.text for a in analyses)
    stats = tuple(_stats(i, label, a) for i, (label, a) in enumerate(items))

    # sentences and quotes as occurrences
    sent_lists = [sorted(a.sentences, key=lambda s: s.start) for a in analyses]
    sent_starts = [[s.start for s in lst] for lst in sent_lists]
    quotes: list[Occurrence] = []
    for i, a in enumerate(analyses):
        for q in sorted(a.quotes, key=lambda s: s.start):
            sent = _sentence_at(sent_lists[i], sent_starts[i], q.start)
            quotes.append(Occurrence(i, q.start, q.end, a.text[q.start : q.end], q.speaker,
                                     sent.label if sent else None, sent.source if sent else None))
    claims: list[Occurrence] = []
    for i, a in enumerate(analyses):
        for s in sent_lists[i]:
            if s.label == "not_claim":
                continue
            claims.append(Occurrence(i, s.start, s.end, a.text[s.start : s.end], None, s.label, s.source))

    # shared quotes: same speaker, similar wording, different articles
    resolved = [resolve_speaker(q.speaker, texts[q.article]) or "" for q in quotes]
    clusters = speaker_clusters(resolved)
    by_speaker: dict[int, list[int]] = defaultdict(list)
    for k, q in enumerate(quotes):
        if q.speaker and q.speaker.strip():
            by_speaker[clusters[k]].append(k)
    quote_groups: list[QuoteGroup] = []
    in_quote_group: set[int] = set()
    for ks in by_speaker.values():
        if len({quotes[k].article for k in ks}) < 2:
            continue
        pairs = []
        for x in range(len(ks)):
            for y in range(x + 1, len(ks)):
                qa, qb = quotes[ks[x]], quotes[ks[y]]
                if qa.article != qb.article:
                    pairs.append((quote_similarity(qa.text, qb.text), x, y))
        for idxs, weakest in _greedy_groups(len(ks), [quotes[k].article for k in ks], pairs, QUOTE_THRESHOLD):
            members = [quotes[ks[x]] for x in idxs]
            in_quote_group.update(ks[x] for x in idxs)
            quote_groups.append(QuoteGroup(_display_name([resolved[ks[x]] for x in idxs]), tuple(members), weakest, _diffs(members)))
    quote_groups.sort(key=lambda g: (-len(g.members), g.members[0].article, g.members[0].start))

    # shared claims: similar sentences, different articles
    stems = [set(content_stems(c.text)) for c in claims]
    idf = _Idf(stems)
    totals = [idf.total(st) for st in stems]
    # a sentence pair that only repeats a shared quote is already shown as that quote group
    quote_spans: dict[int, list[tuple[int, int, int]]] = defaultdict(list)  # article -> (start, end, group)
    for g_index, g in enumerate(quote_groups):
        for m in g.members:
            quote_spans[m.article].append((m.start, m.end, g_index))

    def shared_quote_groups(c: Occurrence) -> set[int]:
        return {g for start, end, g in quote_spans[c.article] if start < c.end and c.start < end}

    claim_quote_groups = [shared_quote_groups(c) for c in claims]
    pairs = []
    inverted: dict[str, list[int]] = defaultdict(list)
    for k, st in enumerate(stems):
        for s in st:
            inverted[s].append(k)
    candidate: Counter[tuple[int, int]] = Counter()
    for ks in inverted.values():
        if len(claims) >= 20 and len(ks) > len(claims) // 2:  # a stem in most sentences tells nothing
            continue
        for x in range(len(ks)):
            for y in range(x + 1, len(ks)):
                if claims[ks[x]].article != claims[ks[y]].article:
                    candidate[(ks[x], ks[y])] += 1
    for (x, y), n_shared in candidate.items():
        if len(stems[x] & stems[y]) < CLAIM_MIN_SHARED:
            continue
        if claim_quote_groups[x] & claim_quote_groups[y]:
            continue
        pairs.append((claim_similarity(stems[x], stems[y], idf, (totals[x], totals[y])), x, y))
    claim_groups: list[ClaimGroup] = []
    in_claim_group: set[int] = set()
    for idxs, weakest in _greedy_groups(len(claims), [c.article for c in claims], pairs, CLAIM_THRESHOLD):
        members = [claims[k] for k in idxs]
        in_claim_group.update(idxs)
        claim_groups.append(ClaimGroup(tuple(members), weakest, _diffs(members)))
    claim_groups.sort(key=lambda g: (-g.similarity, -len(g.members), g.members[0].article, g.members[0].start))  # surest first

    # only here: in no shared group (a sentence holding a shared quote is not "only here")
    only_quotes = tuple(q for k, q in enumerate(quotes) if k not in in_quote_group)
    only_claims = tuple(c for k, c in enumerate(claims) if k not in in_claim_group and not claim_quote_groups[k])
    return Comparison(labels, texts, stats, tuple(quote_groups), tuple(claim_groups), only_quotes, only_claims)
