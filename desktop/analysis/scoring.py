"""Accuracy metrics of ANNOTATION_GUIDE.md §4: quote matching, sentence labels by character, emotive by token.

Pure functions over spans (our `Span` dataclasses or plain dicts with the same keys);
the only I/O is loading the gold files of `tests/gold/`. Counts (tp/fp/fn) are kept so
that scores micro-average across documents by adding them up.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SENTENCE_LABELS = ("attributed", "vague_source", "unsourced", "not_claim")
TOKEN_RE = re.compile(r"\w+")


def _get(span: Any, key: str, default: Any = None) -> Any:
    """Read a field of a span given as a dataclass or as a dict."""
    if isinstance(span, Mapping):
        return span.get(key, default)
    return getattr(span, key, default)


def of_kind(spans: Iterable[Any], kind: str) -> list[Any]:
    return [s for s in spans if _get(s, "kind") == kind]


@dataclass(frozen=True)
class PRF:
    """True positives, false positives and false negatives; scores derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        """Share of predictions that are right (1.0 when nothing was predicted)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of gold items found (1.0 when there is nothing to find)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        if not (self.tp + self.fp + self.fn):
            return 1.0
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)

    @property
    def support(self) -> int:
        """Gold items (tp + fn)."""
        return self.tp + self.fn


# ---------------------------------------------------------------- quotes


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def quotes_match(pred: tuple[int, int], gold: tuple[int, int]) -> bool:
    """§4: the character overlap is at least half of the longer span."""
    longer = max(pred[1] - pred[0], gold[1] - gold[0])
    return longer > 0 and 2 * overlap(pred, gold) >= longer


def match_quotes(pred: Sequence[Any], gold: Sequence[Any]) -> list[tuple[int, int]]:
    """One-to-one matching of predicted to gold quotes, as (pred index, gold index) pairs.

    Candidate pairs are those that `quotes_match`; they are taken greedily, largest overlap
    first (ties: earliest gold, then earliest prediction), each span used at most once.
    """
    pairs = []
    for i, p in enumerate(pred):
        pr = (_get(p, "start"), _get(p, "end"))
        for j, g in enumerate(gold):
            gr = (_get(g, "start"), _get(g, "end"))
            if quotes_match(pr, gr):
                pairs.append((-overlap(pr, gr), j, i))
    pairs.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, j, i in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    out.sort()
    return out


def _last_word(name: str) -> str:
    words = re.findall(r"[\w'’-]+", name.casefold())
    return words[-1] if words else ""


def speaker_matches(pred: str | None, gold: str | None) -> bool:
    """§4: equal after case folding, or the same last word."""
    if not pred or not gold:
        return False
    p, g = " ".join(pred.casefold().split()), " ".join(gold.casefold().split())
    return p == g or (_last_word(p) != "" and _last_word(p) == _last_word(g))


@dataclass(frozen=True)
class QuoteScore:
    prf: PRF = field(default_factory=PRF)
    speakers_right: int = 0
    speakers_scored: int = 0  # matched quotes whose gold speaker is scored

    def __add__(self, other: QuoteScore) -> QuoteScore:
        return QuoteScore(
            self.prf + other.prf,
            self.speakers_right + other.speakers_right,
            self.speakers_scored + other.speakers_scored,
        )

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.speakers_scored if self.speakers_scored else 1.0


def score_quotes(pred: Sequence[Any], gold: Sequence[Any], speaker_scored=None) -> QuoteScore:
    """Quote P/R/F1 and speaker accuracy over matched quotes.

    `speaker_scored(gold_span) -> bool` can leave some gold speakers out of the speaker
    accuracy (used for corpora whose gold speaker is a bare pronoun); all count by default.
    """
    pred, gold = list(pred), list(gold)
    pairs = match_quotes(pred, gold)
    right = scored = 0
    for i, j in pairs:
        if speaker_scored is not None and not speaker_scored(gold[j]):
            continue
        scored += 1
        right += speaker_matches(_get(pred[i], "speaker"), _get(gold[j], "speaker"))
    tp = len(pairs)
    return QuoteScore(PRF(tp, len(pred) - tp, len(gold) - tp), right, scored)


# ---------------------------------------------------------------- sentence labels


def _mask(text: str, spans: Iterable[Any], label: str) -> bytearray:
    mask = bytearray(len(text))
    for s in spans:
        if _get(s, "label") == label:
            start, end = max(0, _get(s, "start")), min(len(text), _get(s, "end"))
            if end > start:
                mask[start:end] = b"\x01" * (end - start)
    return mask


def score_labels(
    text: str, pred: Iterable[Any], gold: Iterable[Any], labels: Sequence[str] = SENTENCE_LABELS
) -> dict[str, PRF]:
    """§4: per label, character-level counts over the text's non-space characters."""
    pred, gold = of_kind(pred, "sentence"), of_kind(gold, "sentence")
    nonspace = [i for i, ch in enumerate(text) if not ch.isspace()]
    out = {}
    for label in labels:
        pm, gm = _mask(text, pred, label), _mask(text, gold, label)
        tp = fp = fn = 0
        for i in nonspace:
            p, g = pm[i], gm[i]
            if p and g:
                tp += 1
            elif p:
                fp += 1
            elif g:
                fn += 1
        out[label] = PRF(tp, fp, fn)
    return out


# ---------------------------------------------------------------- emotive


def tokens(text: str) -> list[tuple[int, int]]:
    """Tokens for the emotive score: maximal runs of word characters."""
    return [m.span() for m in TOKEN_RE.finditer(text)]


def _positive_tokens(toks: list[tuple[int, int]], spans: Iterable[Any]) -> set[int]:
    """Indices of tokens with at least one character inside a span."""
    import bisect

    starts = [t[0] for t in toks]
    hit: set[int] = set()
    for s in spans:
        a, b = _get(s, "start"), _get(s, "end")
        k = max(0, bisect.bisect_right(starts, a) - 1)
        while k < len(toks) and toks[k][0] < b:
            if toks[k][1] > a:
                hit.add(k)
            k += 1
    return hit


def score_emotive(text: str, pred: Iterable[Any], gold: Iterable[Any]) -> PRF:
    """§4: token-level counts; a token is positive when any of its characters is in a span."""
    toks = tokens(text)
    p = _positive_tokens(toks, of_kind(pred, "emotive"))
    g = _positive_tokens(toks, of_kind(gold, "emotive"))
    return PRF(len(p & g), len(p - g), len(g - p))


# ---------------------------------------------------------------- documents


@dataclass(frozen=True)
class DocumentScore:
    """All §4 counts for one or more documents; `+` micro-averages."""

    quotes: QuoteScore = field(default_factory=QuoteScore)
    labels: Mapping[str, PRF] = field(default_factory=lambda: {label: PRF() for label in SENTENCE_LABELS})
    emotive: PRF = field(default_factory=PRF)

    def __add__(self, other: DocumentScore) -> DocumentScore:
        keys = list(dict.fromkeys([*self.labels, *other.labels]))
        return DocumentScore(
            self.quotes + other.quotes,
            {k: self.labels.get(k, PRF()) + other.labels.get(k, PRF()) for k in keys},
            self.emotive + other.emotive,
        )


def score_document(text: str, pred: Sequence[Any], gold: Sequence[Any]) -> DocumentScore:
    """Score predicted spans against gold spans of one text on all three kinds."""
    return DocumentScore(
        quotes=score_quotes(of_kind(pred, "quote"), of_kind(gold, "quote")),
        labels=score_labels(text, pred, gold),
        emotive=score_emotive(text, pred, gold),
    )


def micro(scores: Iterable[DocumentScore]) -> DocumentScore:
    total = DocumentScore()
    for s in scores:
        total = total + s
    return total


# ---------------------------------------------------------------- development corpora
# Pure adapters that turn records of PolNeAR (attribution relations) into our gold shapes; the
# mapping and its limits are printed by tools/evaluate.py next to the figures.

OPEN_MARKS = "“«„"
CLOSE_MARKS = "”»"
PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "who", "which", "that", "his", "her", "their",
            "them", "him", "us", "me", "its", "whom", "this", "these", "those", "one"}
FIRST_SECOND_PERSON = {"i", "we", "you", "me", "us", "my", "our", "your"}
VAGUE_HEADS = {
    "source", "sources", "official", "officials", "critics", "experts", "analysts", "observers", "people",
    "aides", "insiders", "advisers", "advisors", "others", "some", "many", "most", "several", "few", "reports",
    "supporters", "opponents", "strategists", "operatives", "allies", "staffers", "members", "person",
    "individuals", "skeptics", "pundits", "commentators", "voters", "followers", "donors", "residents",
    "those", "activists", "diplomats", "lawmakers", "leaders", "insider", "aide", "someone", "everyone",
}
DETERMINERS = {"the", "a", "an", "some", "many", "most", "several", "few", "his", "her", "their", "its",
               "other", "those", "these", "two", "three", "multiple", "numerous", "various", "one"}
QUANTIFIERS = {"some", "many", "several", "few", "most", "numerous", "multiple", "various", "certain"}
GENERIC_CAPITALS = {"american", "americans", "republican", "republicans", "democratic", "democrat",
                    "democrats", "gop", "u.s.", "us", "western", "european", "conservative", "liberal"}
_VAGUE_TAIL = re.compile(r"\b(?:familiar with|close to|who|with knowledge|briefed on|knowledgeable|speaking on)\b.*$", re.I)


def is_vague_source(source: str | None) -> bool:
    """No source, or a generic one: `officials`, `sources close to ...`, `his critics`, `many`.

    A capitalized word that is not a leading determiner or a generic party/nationality word names
    someone (`White House officials`, `Clayton County police` are identifiable, as in the guide).
    """
    if not source:
        return True
    if source.casefold().strip() in PRONOUNS:
        return False  # resolvable to the person named nearby
    head = _VAGUE_TAIL.sub("", " ".join(source.split())).strip()
    words = re.findall(r"[\w'’.-]+", head)
    if not words:
        return True
    if words[0].casefold() in QUANTIFIERS and any(w.casefold() in VAGUE_HEADS for w in words):
        return True  # `some NATO members`: unidentifiable people within a named body
    for k, w in enumerate(words):
        folded = w.casefold()
        if w[0].isupper() and folded not in GENERIC_CAPITALS and not (k == 0 and folded in DETERMINERS | VAGUE_HEADS):
            return False
    return any(w.casefold() in VAGUE_HEADS for w in words)


_TRAILING_TAG = re.compile(r"\s*\([^()]*\)?\s*$")


def clean_speaker(source: str | None) -> str | None:
    """The source's name without its apposition or trailing tag.

    `Christie, New Jersey's governor,` -> `Christie`; `Sen. Bernie Sanders (I-Vt.)` ->
    `Sen. Bernie Sanders` (party/state tags, handles and acronyms in parentheses are not part of
    the name, and would otherwise be the "last word" of §4's speaker comparison).
    """
    if not source:
        return None
    parts = [p.strip(" \t\n\xa0,;:—–-") for p in source.split(",")]
    name = parts[0]
    if len(parts) > 1 and not _has_name(name) and _is_name(parts[1]):
        name = parts[1]  # `A top strategist, John Weaver`: §1 reports the fullest name
    stripped = _TRAILING_TAG.sub("", name).strip(" \t\n\xa0,;:—–-")
    name = stripped or name
    m = re.match(r"^((?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]*)\s+of\s+\S", name)
    if m and _is_name(m.group(1)) and m.group(1).split()[0].casefold() not in DETERMINERS:
        name = m.group(1)  # `Robert Antonacci of the New York delegation`
    return name or None


def _is_name(part: str) -> bool:
    """Two to four capitalized words: `John Weaver`, `Sen. Bernie Sanders`."""
    words = part.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def _has_name(part: str) -> bool:
    """A capitalized word after the first: `A NATO spokesman`, `Christie` alone counts too."""
    words = part.split()
    return len(words) == 1 and words[0][:1].isupper() or any(w[:1].isupper() for w in words[1:])


# PolNeAR cues that report a wish, feeling, plan, stance or action, not anything the source said or
# believes (`voters fear`, `he wants`, `Trump refused`, `groups supporting her`): §2 credits a claim
# to a source through a quote, reported speech or `according to`, so these sentences are the author's.
# Belief verbs (`believe`, `think`, `see … as`) stay attributions: the guide's `many believe` is one.
_STANCE_CUES = {
    "want", "wants", "wanted", "wanting", "wish", "wishes", "wished", "hope", "hopes", "hoped", "hoping",
    "fear", "fears", "feared", "fearing", "worry", "worries", "worried", "worrying", "feel", "feels", "felt",
    "feeling", "like", "likes", "liked", "love", "loves", "loved", "enjoy", "enjoys", "enjoyed", "prefer",
    "prefers", "preferred", "preference", "plan", "plans", "planned", "planning", "intend", "intends",
    "intended", "seek", "seeks", "sought", "seeking", "try", "tries", "tried", "trying", "decide",
    "decides", "decided", "decision", "refuse", "refuses", "refused", "refusing", "seem", "seems",
    "seemed", "appear", "appears", "appeared", "support", "supports", "supported",
    "supporting", "back", "backs", "backed", "backing", "oppose", "opposes", "opposed", "opposing",
    "vote", "votes", "voted", "voting", "watch", "watched", "watching", "allow", "allowed", "order",
    "ordered", "need", "needs", "needed", "aim", "aims", "aimed", "push", "pushed", "pushing",
}
_AUX = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "not",
        "would", "will", "could", "can", "may", "might", "should", "also", "still", "never", "to", "who",
        "’s", "'s", "s", "just", "only", "now", "long", "reportedly", "clearly", "even"}


def is_stance_cue(cue: str) -> bool:
    """A PolNeAR cue that is a wish, feeling, plan, stance or action (`wants`, `is expected`, `refused`)."""
    words = [w for w in re.findall(r"[\w'’]+", cue.casefold()) if w not in _AUX]
    return bool(words) and words[0] in _STANCE_CUES


# With no source at all, PolNeAR also marks nouns and adverbs that credit nobody (`the bitter debate
# about`, `revelations`, `apparently`, `embracing`); §2's unidentifiable sources are `it is said`,
# `is widely seen as`, `reportedly`: a sourceless attribution counts only with a verb of saying,
# reporting or believing.
_REPORTING_CUES = {
    "say", "says", "said", "saying", "tell", "told", "report", "reports", "reported", "reportedly",
    "according", "claim", "claims", "claimed", "allege", "alleged", "allegedly", "rumored", "rumoured",
    "believe", "believed", "believes", "think", "thought", "seen", "considered", "regarded", "viewed",
    "expected", "estimated", "predicted", "described", "announced", "revealed", "confirmed", "suggested",
    "argued", "argue", "argues", "warned", "criticized", "called", "accused", "insisted", "noted",
    "acknowledged", "asserted", "declared", "stated", "wrote", "written", "quoted", "cited", "widely",
    "understood", "assumed", "speculated", "suggest", "suggests", "show", "shows", "showed", "shown",
    "found", "polls", "poll", "surveys", "survey",
}


def is_reporting_cue(cue: str) -> bool:
    """A cue that credits what follows to someone: a verb of saying, reporting or believing."""
    return any(w in _REPORTING_CUES for w in re.findall(r"[\w'’]+", cue.casefold()))


def quote_segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Top-level quoted stretches of text[start:end], marks included, widened to adjacent marks.

    Curly and guillemet marks nest; straight `"` marks pair up (and are ignored inside curly
    ones), and so do doubled apostrophes `''` (wire and archive copy: `''Yes,'' he said`).
    An opening mark with no close ends at `end`; a close with no opening starts at `start`.
    """
    # a doubled apostrophe reads as a straight double mark; same length, so offsets stay right
    text = text.replace("''", '"\x01')
    if start > 1 and text[start - 1] == "\x01" and text[start - 2] == '"':
        start -= 2
    elif start > 0 and text[start - 1] in OPEN_MARKS + '"':
        start -= 1
    if end < len(text) and text[end] in CLOSE_MARKS + '"':
        end += 1
    elif end + 1 < len(text) and text[end] in ".,?!" and text[end + 1] in CLOSE_MARKS + '"':
        end += 2
    if end < len(text) and text[end] == "\x01":
        end += 1
    out: list[tuple[int, int]] = []
    depth, begin, straight = 0, start, False

    def close_at(i: int) -> int:
        return i + 2 if i + 1 < len(text) and text[i + 1] == "\x01" else i + 1

    for i in range(start, end):
        ch = text[i]
        if straight:
            if ch == '"':
                out.append((begin, close_at(i)))
                straight = False
        elif ch == '"' and depth == 0:
            begin, straight = i, True
        elif ch in OPEN_MARKS:
            if depth == 0:
                begin = i
            depth += 1
        elif ch in CLOSE_MARKS:
            if depth == 0:
                out.append((start, i + 1))
            else:
                depth -= 1
                if depth == 0:
                    out.append((begin, i + 1))
    if depth > 0 or straight:
        out.append((begin, end))
    return [(a, b) for a, b in out if len(re.findall(r"\w", text[a:b])) >= 2]


def polnear_gold(doc: dict) -> tuple[list[dict], list[tuple[int, int]], list[dict]]:
    """(gold quotes, regions where unmatched predicted quotes are not counted, gold sentence attributions)."""
    text = doc["text"]
    by_id: dict[str, list[dict]] = {}
    for s in doc["spans"]:
        by_id.setdefault(s["attribution_id"], []).append(s)
    quotes: list[dict] = []
    ignore: list[tuple[int, int]] = []
    attributions: list[dict] = []
    for parts in by_id.values():
        kind = parts[0].get("attribution_type", "Attribution")
        sources = [p for p in parts if p["label"] == "source"]
        speaker = clean_speaker(sources[0]["speaker"]) if sources else None
        if speaker and speaker.casefold() in FIRST_SECOND_PERSON:
            continue  # the author's or the reader's own voice
        no_source = kind == "Attribution-no-source" or not speaker
        cue = " ".join(text[p["start"]:p["end"]] for p in parts if p["label"] == "cue")
        quoted = any(p.get("content_quoted") for p in parts if p["label"] == "content")
        if quoted or not (is_stance_cue(cue) or (no_source and not is_reporting_cue(cue))):
            attributions.append({
                "vague": no_source or is_vague_source(speaker),
                "ranges": [(p["start"], p["end"]) for p in parts],
            })
        for p in parts:
            if p["label"] != "content":
                continue
            segments = quote_segments(text, p["start"], p["end"]) if p.get("content_quoted") else []
            if no_source or not segments:
                ignore.append((p["start"], p["end"]))
            if no_source:
                continue
            for a, b in segments:
                quotes.append({"kind": "quote", "start": a, "end": b, "speaker": speaker})
            # partial quotes inside paraphrased content are not annotated as units by PolNeAR
            if segments and (segments[0][0] > p["start"] + 1 or segments[-1][1] < p["end"] - 1):
                ignore.append((p["start"], p["end"]))
    # one quote per stretch even when two attributions share the content
    unique = {(q["start"], q["end"]): q for q in quotes}
    return sorted(unique.values(), key=lambda q: q["start"]), ignore, attributions


def polnear_sentence_gold(text: str, predicted_sentences: Iterable, attributions: list[dict]) -> list[dict]:
    """Gold labels on OUR sentence boundaries: named attribution > vague attribution > none (unsourced).

    The text's first line (the headline) is `not_claim`.
    """
    headline_end = text.find("\n")
    out = []
    for s in predicted_sentences:
        a, b = _get(s, "start"), _get(s, "end")
        if headline_end > 0 and b <= headline_end:
            label = "not_claim"
        else:
            hits = [att for att in attributions if any(x < b and a < y for x, y in att["ranges"])]
            if any(not att["vague"] for att in hits):
                label = "attributed"
            elif hits:
                label = "vague_source"
            else:
                label = "unsourced"
        out.append({"kind": "sentence", "start": a, "end": b, "label": label})
    return out


def drop_ignored_quotes(pred: Sequence[Any], gold: Sequence[Any], ignore: list[tuple[int, int]]) -> list:
    """Predicted quotes inside an `ignore` region that match no gold quote are not counted."""
    pred = list(pred)
    matched = {i for i, _ in match_quotes(pred, gold)}
    keep = []
    for i, p in enumerate(pred):
        start, end = _get(p, "start"), _get(p, "end")
        # regions are content spans; the prediction may add the marks just outside them
        if i not in matched and any(x - 1 <= start and end <= y + 1 for x, y in ignore):
            continue
        keep.append(p)
    return keep


# ---------------------------------------------------------------- gold files


@dataclass(frozen=True)
class Gold:
    file: str
    spans: tuple[dict, ...]


def load_gold(path: Path | str) -> Gold:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return Gold(file=data["file"], spans=tuple(data["spans"]))


def load_gold_dir(directory: Path | str) -> dict[str, Gold]:
    """Span gold files of a directory by the file name they annotate.

    Other JSON files living there (e.g. the cross-article comparison gold) are skipped.
    """
    out = {}
    for p in sorted(Path(directory).glob("*.json")):
        data = json.loads(p.read_text(encoding="utf-8"))
        if not (isinstance(data, dict) and isinstance(data.get("file"), str) and isinstance(data.get("spans"), list)):
            continue
        out[data["file"]] = Gold(file=data["file"], spans=tuple(data["spans"]))
    return out


def read_text(path: Path | str) -> str:
    """A seed's text exactly as the gold offsets count it (UTF-8, no newline translation)."""
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()
