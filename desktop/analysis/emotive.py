"""Emotive or loaded phrasing (ANNOTATION_GUIDE §3), from lexicons in `resources/emotive/`.

Registered as the spaCy component `sourcelight_emotive` (after `sourcelight_quotes`, whose
spans it skips); sets `doc._.sl_emotive`, a list of `Span(kind="emotive")`.

One PhraseMatcher pass (LOWER attribute, word forms generated from the lexicons) finds
candidates; each is then grown to the smallest phrase carrying the charge (a loaded adjective
takes its noun, a loaded adverb its verb, an intensifier its adjective, a loaded noun its
modifiers and a short of/to complement: "a disgrace to the office"; hyphenated words are
never cut), neighbouring candidates joined by "and"/"or"/"even" are merged, words coordinated
with a charged one join it ("plotting and scheming"), and scare quotes with no one quoted are
added. Left out: certainty adverbs inside a sentence ("was clearly late"), absolutes stated
as a fact ("the delay was inevitable"), lines repeated word for word (scraped polls and
prompts), quoted words that echo someone's quote elsewhere in the text. With no tagger (the
rule-only pipeline) the same rules run on word shapes alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from desktop.analysis.emotive_lexicon import (
    Entry,
    load_blame_verbs,
    load_lexicon_entries,
    load_mention_cues,
    load_reporting_verbs,
)
from desktop.analysis.model import Span

if not Doc.has_extension("sl_emotive"):
    Doc.set_extension("sl_emotive", default=None)
if not Doc.has_extension("sl_posts"):  # set by `sourcing`, which runs before
    Doc.set_extension("sl_posts", default=None)
if not Doc.has_extension("sl_quotes"):
    Doc.set_extension("sl_quotes", default=None)

# Roles whose single-word matches are dropped when capitalised mid-sentence (part of a name).
_NAME_SENSITIVE = {"adjective", "noun", "verb", "name", "absolute"}
# Roles that take the noun they modify.
_TAKES_NOUN = {"adjective", "absolute", "superlative"}
_CERTAINTY = "certainty asserted for effect"
# -ly adverbs that say when, how often, by whose account or how exactly, not how strongly:
# "specifically self-professed", "reportedly corrupt" keep the adverb out of the phrase
_PLAIN_ADVERBS = {
    "specifically", "previously", "allegedly", "reportedly", "publicly", "officially", "recently",
    "currently", "apparently", "initially", "eventually", "originally", "formerly", "largely",
    "mostly", "partly", "widely", "openly", "personally", "repeatedly", "directly", "finally",
    "nearly", "early", "likely", "generally", "usually", "typically", "increasingly", "already",
    "supposedly", "purportedly", "ostensibly", "seemingly", "probably", "possibly", "certainly",
}
# loaded adjectives whose noun sense is a neutral term of the subject ("the spring offensive")
_NEUTRAL_NOUN_SENSES = {"offensive"}
_PARTICLES = {"back", "out", "up", "off", "down"}
_NEGATING_PREFIXES = {"non", "anti", "counter", "de"}
# Tokens allowed between two candidates that then merge into one phrase.
_JOINERS = {"and", "or", ",", "even", "but", "also", "yet", "nor"}
_QUOTE_PAIRS = (
    re.compile(r"“([^“”\n]{1,60})”"),
    re.compile(r"(?<![\w])‘([^‘’\n]{1,60})’(?!\w)"),
    re.compile(r"«\s?([^«»\n]{1,60}?)\s?»"),
    re.compile(r"\"([^\"\n]{1,60})\""),
)
_SENTENCE_PUNCT = re.compile(r"[.!?;:]\s*\S")  # sentence punctuation followed by more words
_SKIP_WORDS = {"the", "a", "an", "of", "so", "-", "its", "their", "his", "her"}


@dataclass
class _Candidate:
    start: int  # token indices, end exclusive
    end: int
    notes: list[tuple[str, str, str]]  # (label, cue, matched text)

    def overlaps(self, other: "_Candidate") -> bool:
        return self.start < other.end and other.start < self.end


class EmotiveDetector:
    """The `sourcelight_emotive` component: lexicon matches grown into charged phrases."""

    def __init__(self, nlp: Language, name: str, lexicon: str, scare_quotes: bool, max_scare_words: int):
        self.name = name
        self.entries: dict[str, tuple[Entry, ...]] = load_lexicon_entries(lexicon)
        self.blame_verbs = load_blame_verbs(lexicon)
        self.mention_cues = load_mention_cues(lexicon)
        self.reporting = load_reporting_verbs(lexicon)
        self.scare_quotes = scare_quotes
        self.max_scare_words = max_scare_words
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        tokenizer = nlp.tokenizer
        # One key per distinct form keeps the lookup from match to entry exact.
        for form in self.entries:
            self.matcher.add(form, [tokenizer(form)])
        self.key_to_form = {nlp.vocab.strings[form]: form for form in self.entries}

    def __call__(self, doc: Doc) -> Doc:
        doc._.sl_emotive = self.find(doc)
        return doc

    # -- detection -----------------------------------------------------------------------

    def find(self, doc: Doc) -> list[Span]:
        tagged = doc.has_annotation("TAG") or doc.has_annotation("POS")
        # someone else's words: quotes, and posts embedded whole (a tweet and its signature)
        quotes = [(q.start, q.end) for q in (doc._.sl_quotes or [])] + list(doc._.sl_posts or [])
        neutral: list[tuple[int, int]] = []
        raw: list[tuple[int, int, tuple[Entry, ...]]] = []
        for key, start, end in self.matcher(doc):
            entries = self.entries[self.key_to_form[key]]
            if entries[0].role == "neutral":
                neutral.append((start, end))
            else:
                raw.append((start, end, entries))
        candidates: list[_Candidate] = []
        weak: list[_Candidate] = []
        for start, end, entries in raw:
            if any(ns <= start and end <= ne for ns, ne in neutral):
                continue
            # the first reading the context allows: 'has been pandering' is the verb, not the noun
            entry = next((e for e in entries if self._plausible(doc, start, end, e, tagged)), None)
            if entry is None:
                continue
            text = doc[start:end].text
            cand = _Candidate(start, end, [(entry.label, entry.cue, text)])
            if entry.role == "weak":
                weak.append(cand)
                continue
            self._grow(doc, cand, entry, tagged)
            if tagged and entry.role == "absolute" and end - start == 1 and cand.end == end and doc[start].pos_ == "ADJ":
                # "inevitable death", "overwhelming majority" inflate; "the outcome was
                # inevitable", "the damage is irreversible" state a judgement of fact
                continue
            candidates.append(cand)
        if tagged:
            candidates.extend(_shouted(doc))
        candidates = self._longest_first(candidates)
        candidates = self._attach_weak(candidates, weak)
        candidates = self._merge(doc, candidates)
        if tagged:
            for cand in candidates:
                _coordinate(doc, cand)
            candidates = self._longest_first(candidates)
        # page furniture: lines repeated down the page, and the sentences sourcing found to be
        # share/subscribe boilerplate or a poll widget ("Whom do you consider to be the most corrupt …?")
        boilerplate = _repeated_lines(doc) + [
            (sent.start, sent.end)
            for sent in (getattr(doc._, "sl_sentences", None) or [])
            if getattr(sent, "label", None) == "not_claim" and _FURNITURE.search(getattr(sent, "why", "") or "")
        ]
        spans = []
        for cand in candidates:
            s, e = doc[cand.start].idx, doc[cand.end - 1].idx + len(doc[cand.end - 1].text)
            if _overlaps_any(s, e, quotes) or _overlaps_any(s, e, boilerplate):
                continue
            spans.append(self._span(s, e, cand.notes))
        if self.scare_quotes:
            loaded = [(sp.start, sp.end) for sp in spans]
            scare = [q for q in self._scare_quotes(doc, quotes, loaded) if not _overlaps_any(q.start, q.end, boilerplate)]
            if scare:
                # a lexicon match inside scare quotes ("proxy war") gives way to the quoted phrase
                kept = []
                for sp in spans:
                    holder = next((q for q in scare if q.start < sp.end and sp.start < q.end), None)
                    if holder is None:
                        kept.append(sp)
                    else:
                        scare[scare.index(holder)] = Span(
                            kind="emotive",
                            start=min(holder.start, sp.start),
                            end=max(holder.end, sp.end),
                            cue=f"{holder.cue} + {sp.cue}",
                            why=f"{holder.why}; {sp.why}",
                        )
                spans = kept + scare
        spans.sort(key=lambda sp: (sp.start, sp.end))
        return spans

    def _plausible(self, doc: Doc, start: int, end: int, entry: Entry, tagged: bool) -> bool:
        tok = doc[start]
        if end - start == 1 and entry.role in _NAME_SENSITIVE:
            # "Great Britain", "Black Death", "the Justice Party": a capitalised word inside a
            # sentence is part of a name, not the author's judgement (unless the whole line is
            # in title case, as headlines are).
            if tok.is_title and not _starts_sentence(tok) and not _in_title_case_line(tok):
                return False
        if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in _NEGATING_PREFIXES:
            return False  # "non-partisan", "anti-fascist" describe, they do not judge
        if entry.role == "certainty" and not _starts_sentence(tok) and not _asserts_certainty(tok, tagged):
            # "Clearly, …" / "Needless to say, …" opening a sentence tell the reader what to
            # think, and so does one placed before the verb of a clause ("they obviously got
            # help"); after it ("speak clearly") it describes a manner.
            return False
        if tagged and entry.role == "verb" and end - start == 1 and tok.pos_ not in ("VERB", "AUX", "ADJ", "NOUN"):
            # a headline in title case is tagged as one long name: 'Trump Slams Clinton'
            if not (tok.pos_ == "PROPN" and tok.is_title and _in_title_case_line(tok)):
                return False
        if tagged and entry.role == "noun" and end - start == 1 and tok.pos_ in ("VERB", "AUX"):
            return False  # "the answer lies with Russia" is not "lies"
        if tagged and entry.cue in _NEUTRAL_NOUN_SENSES and tok.pos_ == "NOUN" and any(c.dep_ == "det" for c in tok.children):
            return False  # "the offensive began": the military noun, not the adjective ("the evil" stays)
        return True

    def _grow(self, doc: Doc, cand: _Candidate, entry: Entry, tagged: bool) -> None:
        role = entry.role
        # "hurricane-ravaged", "war-ravaged": the whole hyphenated word carries the charge
        while cand.start >= 2 and doc[cand.start - 1].text == "-" and not doc[cand.start - 2].whitespace_ \
                and not doc[cand.start - 1].whitespace_ and doc[cand.start - 2].is_alpha:
            cand.start -= 2
        if tagged and role in ("adjective", "absolute") and cand.start > 0:
            # "politically suicidal", "deeply offensive": a manner adverb sharpening it joins
            prev = doc[cand.start - 1]
            if prev.pos_ == "ADV" and prev.lower_.endswith("ly") and prev.lower_ not in STOP_WORDS \
                    and prev.lower_ not in _PLAIN_ADVERBS:
                cand.start -= 1
        if role == "name" and tagged and cand.end - cand.start == 1 and doc[cand.start].pos_ == "ADJ":
            role = "adjective"  # "radical ideas", "fascist propaganda": a label used as adjective
        if role in _TAKES_NOUN:
            cand.end = _take_noun(doc, cand.end, tagged)
            if tagged:
                cand.end = _through_adjectives(doc, cand)
        elif role in ("noun", "name") and tagged and doc[cand.start].pos_ not in ("VERB", "AUX"):
            # its own modifiers join ("zinc coffins", "jihadist psychopath"); determiners,
            # possessives and numbers do not
            inside = set(range(cand.start, cand.end))
            prev = cand.start - 1
            words = 0
            while prev >= 0 and words < 3:
                p = doc[prev]
                if not (
                    p.pos_ in ("NOUN", "ADJ", "ADV")
                    and p.dep_ in ("compound", "amod", "advmod", "nmod", "npadvmod")
                    and (p.head.i in inside)
                    and not p.is_stop
                    and p.is_alpha
                ):
                    break
                inside.add(prev)
                cand.start = prev
                words += 1
                # "left-wing mob", "sex-predator": the whole hyphenated modifier
                while cand.start >= 2 and doc[cand.start - 1].text == "-" and not doc[cand.start - 1].whitespace_ \
                        and not doc[cand.start - 2].whitespace_ and doc[cand.start - 2].is_alpha:
                    cand.start -= 2
                    inside.update((cand.start, cand.start + 1))
                prev = cand.start - 1
        elif role == "adverb":
            prev, nxt = cand.start - 1, cand.end
            if prev >= 0 and _is_verb(doc[prev], tagged):
                cand.start = prev
            elif nxt < len(doc) and (_is_adjective(doc[nxt], tagged) or (tagged and doc[nxt].pos_ == "VERB")):
                cand.end = nxt + 1  # "dreadfully wrong", "aggressively pushed"
        elif role == "verb" and tagged and cand.end - cand.start == 1 and doc[cand.start].pos_ == "VERB":
            cand.end = _take_particle(doc, cand.start, cand.end)
        elif role == "intensifier":
            nxt = cand.end
            if nxt < len(doc) and _is_adjective(doc[nxt], tagged):
                cand.end = nxt + 1
            elif tagged and cand.end - cand.start == 1 and doc[cand.start].pos_ == "ADJ":
                cand.end = _take_noun(doc, nxt, tagged)  # "sheer incompetence", "an outright lie"
        elif role == "fear":
            cand.end = self._blame(doc, cand.end)
        if role in ("phrase", "fear") and tagged and cand.end - cand.start > 1 \
                and (doc[cand.end - 1].pos_ in ("DET", "ADJ") or doc[cand.end - 1].tag_ in ("DT", "PDT")):
            cand.end = _take_noun(doc, cand.end, tagged)  # "any and all allegations", "each and every voter"
        elif role == "phrase" and tagged and doc[cand.end - 1].pos_ == "NUM" and doc[cand.end - 1].dep_ in ("nummod", "amod", "compound"):
            cand.end = _take_noun(doc, cand.end, tagged)  # "24/7 media coverage"
        if cand.end - cand.start > 1 and doc[cand.end - 1].lower_ == "of" and cand.end < len(doc):
            # "all sorts of crimes", "worship at the altar of gun rights": the phrase is not
            # whole without what it is of
            j = cand.end + (1 if doc[cand.end].pos_ == "DET" or doc[cand.end].lower_ in ("the", "a", "an") else 0)
            got = _take_noun(doc, j, tagged)
            if got > j:
                cand.end = got
        # "anti-Catholic", "hurricane-ravaged": a hyphenated word is never cut in two
        cand.end = _hyphen_right(doc, cand.end)
        if tagged and role in ("noun", "name") and doc[cand.end - 1].pos_ == "NOUN":
            # "a disgrace to the office", "travesty of justice": a short complement completes
            # the charged noun
            cand.end = _take_complement(doc, cand, 3)

    def _blame(self, doc: Doc, i: int) -> int:
        """'… unleashed by the West': the agent a feared outcome is pinned on joins the span."""
        if i + 1 < len(doc) and doc[i].lower_ in self.blame_verbs and doc[i + 1].lower_ == "by":
            j = i + 2
            if j < len(doc) and doc[j].lower_ == "the":
                j += 1
            end = j
            while end < len(doc) and end - j < 4 and doc[end].is_title and not doc[end].is_sent_start:
                end += 1
            if end > j:
                return end
        return i

    @staticmethod
    def _longest_first(cands: list[_Candidate]) -> list[_Candidate]:
        """Keep the longest of overlapping candidates; drop the ones they contain or cross."""
        kept: list[_Candidate] = []
        for cand in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
            clash = [k for k in kept if k.overlaps(cand)]
            if not clash:
                kept.append(cand)
                continue
            for k in clash:  # fold the notes of a grown word into the phrase that holds it
                if k.start <= cand.start and cand.end <= k.end:
                    k.notes.extend(
                        n for n in cand.notes if not any(n[2].lower() in have[2].lower() for have in k.notes)
                    )
        return sorted(kept, key=lambda c: c.start)

    @staticmethod
    def _attach_weak(cands: list[_Candidate], weak: list[_Candidate]) -> list[_Candidate]:
        """'simply unrealistic': a weak intensifier counts only right before a charged word."""
        starts = {c.start: c for c in cands}
        for w in weak:
            target = starts.get(w.end)
            if target is not None and not any(c.overlaps(w) for c in cands):
                target.start = w.start
                target.notes.insert(0, w.notes[0])
        return cands

    @staticmethod
    def _merge(doc: Doc, cands: list[_Candidate]) -> list[_Candidate]:
        """'harsh criticism and even ridicule', 'cynical and dismissive attitude': one phrase."""
        merged: list[_Candidate] = []
        for cand in cands:
            if merged:
                last = merged[-1]
                gap = doc[last.end : cand.start]
                sentence_adverb = any(n[0] == _CERTAINTY for n in cand.notes + last.notes)
                joined = (
                    len(gap) <= 2
                    and all(t.lower_ in _JOINERS for t in gap)
                    and "\n" not in gap.text
                    # touching, or joined by a conjunction ("A, B" alone is a list, not one phrase)
                    and (not len(gap) or any(t.lower_ in ("and", "or", "nor") for t in gap))
                )
                if joined and not sentence_adverb:
                    last.end = max(last.end, cand.end)
                    last.notes.extend(n for n in cand.notes if n not in last.notes)
                    continue
            merged.append(cand)
        return merged

    @staticmethod
    def _span(start: int, end: int, notes: list[tuple[str, str, str]]) -> Span:
        whys: list[str] = []
        by_label: dict[str, list[str]] = {}
        for label, _cue, text in notes:
            by_label.setdefault(label, []).append(text)
        for label, texts in by_label.items():
            quoted = ", ".join(f"'{t}'" for t in dict.fromkeys(texts))
            whys.append(f"{label}: {quoted}")
        cue = " + ".join(dict.fromkeys(cue for _label, cue, _text in notes))
        return Span(kind="emotive", start=start, end=end, cue=cue, why="; ".join(whys))

    # -- scare quotes ----------------------------------------------------------------------

    def _scare_quotes(self, doc: Doc, quotes: list[tuple[int, int]], loaded: list[tuple[int, int]]) -> list[Span]:
        text = doc.text
        out: list[Span] = []
        taken: list[tuple[int, int]] = []
        # a short quote in a sentence credited to someone is most likely theirs; in boilerplate
        # ("fair use") it mocks nothing
        credited = [
            (sent.start, sent.end)
            for sent in (getattr(doc._, "sl_sentences", None) or [])
            if getattr(sent, "label", None) in ("attributed", "not_claim")
        ]
        reported: dict[int, bool] = {}  # sentence start -> has a reporting word (one scan per sentence)
        for pattern in _QUOTE_PAIRS:
            for m in pattern.finditer(text):
                s, e = m.span()
                inner = m.group(1)
                words = inner.split()
                if not words or len(words) > self.max_scare_words:
                    continue
                if len(words) > 1 and not _in_quoted_list(text, s, e) and not _overlaps_any(s, e, loaded):
                    # a quoted phrase of several words is mostly a name or a term ("person of
                    # interest", "promoted trend"); it mocks in a list of quoted words ("instructors",
                    # "military advisers", "mercenaries") or around a loaded label ("proxy war")
                    continue
                if not inner.strip()[0].islower() or _SENTENCE_PUNCT.search(inner.strip()):
                    continue
                if inner.strip()[-1] in ".!?,":
                    continue
                if _overlaps_any(s, e, quotes) or _overlaps_any(s, e, taken):
                    continue
                if self._mentioned(text, s) or self._reported(doc, s, reported) or _overlaps_any(s, e, credited):
                    continue
                if _names_a_thing(doc, e) and not _mocked_adjective(doc, s, e):
                    continue
                if _echoes_a_quote(text, inner, s, quotes):
                    continue
                taken.append((s, e))
                out.append(
                    Span(
                        kind="emotive",
                        start=s,
                        end=e,
                        cue="scare quotes",
                        why=f"scare quotes around '{' '.join(words)}' with no one quoted",
                    )
                )
        return out

    def _reported(self, doc: Doc, start: int, seen: dict[int, bool]) -> bool:
        """True when the sentence holding the mark has a reporting word: a partial quote. `seen`
        keeps the answer per sentence, so a text of one huge sentence is scanned once, not once
        per mark."""
        tok = doc.char_span(start, start + 1, alignment_mode="expand")
        if tok is None or not len(tok):
            return False
        tok = tok[0]
        if not doc.has_annotation("SENT_START"):
            return any(t.lower_ in self.reporting for t in doc[max(0, tok.i - 25) : tok.i + 25])
        sent = tok.sent
        if sent.start not in seen:
            seen[sent.start] = any(t.lower_ in self.reporting for t in sent)
        return seen[sent.start]

    def _mentioned(self, text: str, start: int) -> bool:
        """True when the words before the opening mark name it as a term ("the label of")."""
        before = re.findall(r"[\w'-]+", text[max(0, start - 40) : start].lower())
        for word in reversed(before[-3:]):
            if word in self.mention_cues:
                return True
            if word not in _SKIP_WORDS:
                return False
        return False


# inside a clause these mostly describe ("was clearly visible") or hedge ("will certainly reply")
_HEDGING_CERTAINTY = {"clearly", "certainly", "surely", "definitely"}


def _asserts_certainty(tok, tagged: bool) -> bool:
    """'who obviously got help', 'it is clearly a lie': a certainty adverb in front of the verb
    or complement it vouches for, in a clause with a subject."""
    if not tagged or tok.dep_ != "advmod" or tok.i > tok.head.i or tok.lower_ in _HEDGING_CERTAINTY:
        return False
    head = tok.head
    if head.pos_ not in ("VERB", "AUX", "ADJ", "NOUN"):
        return False
    clause = head.head if head.pos_ in ("ADJ", "NOUN") else head  # "is clearly a lie": the copula's clause
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


_SHOUT_POS = {"ADJ", "ADV", "PART", "VERB", "AUX", "DET", "PRON", "INTJ", "ADP", "SCONJ", "CCONJ"}


def _shouted(doc: Doc) -> list[_Candidate]:
    """'Do Something BIG', 'Hillary is NOT above the law': a common word in capitals inside a
    line in ordinary case shouts for emphasis (acronyms and names are left alone)."""
    out = []
    text = doc.text
    initialisms: set[str] | None = None
    for tok in doc:
        t = tok.text
        if len(t) < 2 or not t.isalpha() or not t.isupper() or tok.pos_ not in _SHOUT_POS:
            continue
        if t in ("OK", "TV", "US", "UK", "EU", "UN", "AM", "PM") or tok.ent_type_:
            continue
        if initialisms is None:
            initialisms = _initialisms(text)
        if t in initialisms or _acronym_by_use(text, t):
            continue  # 'WHO' after 'the World Health Organization', or 'DACA' throughout, is an acronym
        line_start = text.rfind("\n", 0, tok.idx) + 1
        line_end = text.find("\n", tok.idx)
        line = text[line_start : line_end if line_end != -1 else len(text)]
        letters = [c for c in line if c.isalpha()]
        if not letters or sum(c.isupper() for c in letters) > 0.5 * len(letters):
            continue  # a line in capitals is a heading, not a shout
        lead_in = _LEAD_IN.match(text, line_start)
        if lead_in and tok.idx < lead_in.end():
            continue  # 'PEOPLE WHO are barred…': a paragraph's opening words set in capitals
        out.append(_Candidate(tok.i, tok.i + 1, [("capitals for emphasis", "capitals", t)]))
    return out


_LEAD_IN = re.compile(r"[^\S\n]*[A-Z][A-Z'’-]+(?:[^\S\n]+[A-Z][A-Z'’-]*)+\b")
_NAME_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|the|on|in|de)\s+)*[A-Z][\w'’-]*)+")


def _initialisms(text: str) -> set[str]:
    """Acronyms the text spells out: '(The) World Health Organization' -> WHO, with and without
    the initials of its small words, so 'Department of Justice' gives both DJ and DOJ."""
    found = set()
    for m in _NAME_RUN.finditer(text):
        words = m.group().split()
        if len(words) > 6:
            continue  # a title-case headline, not a name
        for initials in ("".join(w[0] for w in words if w[0].isupper()), "".join(w[0] for w in words).upper()):
            found.update(initials[i:j] for i in range(len(initials)) for j in range(i + 2, len(initials) + 1))
    return found


def _acronym_by_use(text: str, word: str) -> bool:
    """A capitalised word the text uses more than once and never in lower case ('ISIS', 'BDS')
    names something; a shouted common word ('NOT') also appears in ordinary case."""
    if word.lower() in STOP_WORDS:
        return False
    pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
    forms = [m.group() for m in pattern.finditer(text)]
    return forms.count(word) >= 2 and not any(f.islower() for f in forms)


def _repeated_lines(doc: Doc, times: int = 3) -> list[tuple[int, int]]:
    """Lines that recur word for word (a poll, a share prompt, a sign-up box scraped with the
    page) are site furniture, not the author's phrasing: flagging each copy only adds noise."""
    text = doc.text
    seen: dict[str, list[tuple[int, int]]] = {}
    pos = 0
    for line in text.split("\n"):
        key = " ".join(line.split()).lower()
        if len(key) >= 20:
            seen.setdefault(key, []).append((pos, pos + len(line)))
        pos += len(line) + 1
    return [r for ranges in seen.values() if len(ranges) >= times for r in ranges]


def _echoes_a_quote(text: str, inner: str, at: int, quotes: list[tuple[int, int]]) -> bool:
    """True when the quoted words also stand inside someone's quote elsewhere in the text: the
    author is citing that speaker's word, not mocking it."""
    needle = re.compile(r"(?<!\w)" + re.escape(inner.strip()) + r"(?!\w)", re.IGNORECASE)
    return any(not (qs <= at < qe) and needle.search(text, qs, qe) for qs, qe in quotes)


def _names_a_thing(doc: Doc, end: int) -> bool:
    """'the “red flag” laws', 'the “worker-priest” movement': quoted words that modify the noun
    right after them are the name of a thing, not mockery."""
    if not (doc.has_annotation("TAG") or doc.has_annotation("POS")):
        return False
    closing = doc.char_span(end - 1, end, alignment_mode="expand")  # the closing mark's token
    if closing is None or not len(closing) or closing[-1].i + 1 >= len(doc):
        return False
    tok = doc[closing[-1].i + 1]
    return tok.idx - end <= 1 and tok.pos_ in ("NOUN", "PROPN") and tok.is_alpha


def _mocked_adjective(doc: Doc, start: int, end: int) -> bool:
    """'the "peaceful" migrants', 'the "moderate" rebels': one quoted adjective before its noun
    doubts the word; a quoted name of a thing ('the "red flag" laws') is a noun or a phrase."""
    inner = doc.char_span(start + 1, end - 1, alignment_mode="contract")
    return inner is not None and len(inner) == 1 and inner[0].pos_ == "ADJ" and inner[0].tag_ == "JJ"


def _starts_sentence(tok) -> bool:
    if tok.i == 0 or tok.is_sent_start:
        return True
    prev = tok.doc[tok.i - 1]
    return prev.is_punct and prev.text in (".", "!", "?", ":", "“", '"', "‘", "«", "—", "–", "-") or "\n" in prev.text_with_ws


def _in_title_case_line(tok) -> bool:
    """True when most words of the token's line are capitalised: a headline in title case."""
    doc = tok.doc
    text = doc.text
    line_start = text.rfind("\n", 0, tok.idx) + 1
    line_end = text.find("\n", tok.idx)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) > 3]
    if len(words) < 3 or len(words) > 30:
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _is_verb(tok, tagged: bool) -> bool:
    if tagged:
        return tok.pos_ == "VERB"
    return tok.is_alpha and tok.is_lower and tok.lower_ not in STOP_WORDS and tok.lower_.endswith("ed")


def _is_adjective(tok, tagged: bool) -> bool:
    if tagged:
        return tok.pos_ == "ADJ"
    return False


def _take_particle(doc: Doc, verb: int, end: int) -> int:
    """'lashed out', 'whipped up': the particle belongs to the loaded verb; its object does not."""
    if end < len(doc) and doc[end].head.i == verb and (
        doc[end].dep_ == "prt" or (doc[end].dep_ == "advmod" and doc[end].lower_ in _PARTICLES)
    ):
        return end + 1  # the parser often reads "lashes back" as verb + adverb
    return end


def _take_noun(doc: Doc, i: int, tagged: bool) -> int:
    """End of the noun (up to two words, "-" joined kept whole) that starts at token i, or i."""
    end = i
    if tagged:
        # an adjective/name/noun run that ends in a common noun: "ugly public fight",
        # "reckless IT practices"; stops before a verb, a preposition or a determiner
        last_noun = i
        words = 0
        while end < len(doc) and words < 3 and doc[end].pos_ in ("NOUN", "ADJ", "PROPN") \
                and (not doc[end].is_stop or doc[end].pos_ == "NOUN"):  # "a shocking move": a noun spaCy lists as a stop word
            if not doc[end].is_alpha or doc[end].dep_ == "npadvmod":
                break  # "fool gullible Westerners today": a time word is not part of the noun
            end = _hyphen_right(doc, end + 1)  # "far-right personality"
            words += 1
            if doc[end - 1].pos_ == "NOUN" or doc[end - 1].tag_ == "NNPS":  # "gullible Westerners"
                last_noun = end
        return last_noun
    if end < len(doc):
        tok = doc[end]
        if tok.is_alpha and tok.is_lower and tok.lower_ not in STOP_WORDS and not tok.lower_.endswith("ly"):
            end += 1
    return end


def _through_adjectives(doc: Doc, cand: _Candidate, limit: int = 5) -> int:
    """'partisan, conservative judges', 'grim and increasingly common reality': a charged
    adjective in a row of adjectives takes the noun they all describe."""
    last = doc[cand.end - 1]
    head = last.head
    if last.dep_ != "amod" or head.pos_ not in ("NOUN", "PROPN") or not (cand.end <= head.i < cand.end + limit):
        return cand.end
    gap = doc[cand.end : head.i]
    if not any(t.text == "," or t.lower_ in ("and", "or") for t in gap):
        return cand.end
    for t in gap:
        if t.text in (",", "-") or t.lower_ in ("and", "or"):
            continue
        if t.pos_ not in ("ADJ", "NOUN", "PROPN", "ADV") or not t.is_alpha or t.head.i not in range(cand.start, head.i + 1):
            return cand.end
    if "\n" in gap.text:
        return cand.end
    return _hyphen_right(doc, head.i + 1)


def _coordinate(doc: Doc, cand: _Candidate) -> None:
    """'dark and menacing developments', 'tormenting and persecuting': words coordinated with
    the charged one, of the same kind, join it."""
    for _ in range(3):
        first = doc[cand.start]
        head = first.head
        if first.dep_ != "conj" or head.i >= cand.start or not _same_kind(head, first) or cand.start - head.i > 3:
            break
        if not all(t.lower_ in (",", "and", "or") for t in doc[head.i + 1 : cand.start]):
            break
        cand.start = head.i
    for _ in range(3):
        nxt = [
            c for t in doc[cand.start : cand.end] for c in t.children
            if c.dep_ == "conj" and c.i >= cand.end and _same_kind(c, t)
            # "drag his feet and release the reports": a conjunct with its own object is a new act
            and not any(g.dep_ in ("dobj", "prep", "xcomp", "ccomp", "acomp", "attr") for g in c.children)
        ]
        if not nxt:
            break
        c = min(nxt, key=lambda t: t.i)
        if c.i - cand.end > 2 or not all(t.lower_ in (",", "and", "or") for t in doc[cand.end : c.i]):
            break
        cand.end = c.i + 1


def _same_kind(a, b) -> bool:
    """Same part of speech; a participle and an adjective count as one ("offended and outraged")."""
    if a.pos_ == b.pos_:
        return True
    kinds = {a.pos_, b.pos_}
    return kinds == {"ADJ", "VERB"} and "VBN" in (a.tag_, b.tag_)


def _hyphen_right(doc: Doc, end: int) -> int:
    """End of the hyphenated word that token end-1 starts ("anti" -> "anti-Catholic")."""
    while (
        end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
        and not doc[end].whitespace_ and doc[end + 1].is_alpha
    ):
        end += 2
    return end


def _take_complement(doc: Doc, cand: _Candidate, limit: int) -> int:
    """End of an of/to/against phrase of at most `limit` words hanging on the candidate's noun."""
    end = cand.end
    if end >= len(doc):
        return end
    prep = doc[end]
    if prep.lower_ not in ("of", "to", "against", "toward", "towards") or prep.dep_ != "prep":
        return end
    # right after the noun, "of"/"to" belong to it even when the parser hangs them on the verb
    # ("called it a disgrace to the office")
    if not (cand.start <= prep.head.i < cand.end) and prep.lower_ not in ("of", "to"):
        return end
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if not objs:
        return end
    right = objs[0].right_edge.i + 1
    if right - end > limit:
        return end
    return right


_FURNITURE = re.compile(r"^boilerplate|\bpoll\b")
_LIST_BEFORE = re.compile(r"[”\"’]\s*(?:,|or|and|,\s*or|,\s*and)\s*$")
_LIST_AFTER = re.compile(r"\s*(?:,|or|and)\s*[“\"‘]")


def _in_quoted_list(text: str, start: int, end: int) -> bool:
    """Is the quoted phrase at text[start:end] one of a list of quoted words?"""
    return bool(_LIST_BEFORE.search(text[max(0, start - 8) : start]) or _LIST_AFTER.match(text, end))


def _overlaps_any(s: int, e: int, ranges: list[tuple[int, int]]) -> bool:
    return any(rs < e and s < re_ for rs, re_ in ranges)


@Language.factory(
    "sourcelight_emotive",
    default_config={"lexicon": "emotive", "scare_quotes": True, "max_scare_words": 3},
)
def make_emotive(nlp: Language, name: str, lexicon: str, scare_quotes: bool, max_scare_words: int):
    return EmotiveDetector(nlp, name, lexicon, scare_quotes, max_scare_words)
