"""Who says what: reporting cues, the noun phrase that reports, and the fullest name for it.

Shared by `quotes` (speakers of direct quotations) and `sourcing` (sources of sentences).
Works with whatever the pipeline gives: dependency parse, tags and entities when a trained
model runs, plain capitalisation and word lists in the rule-only pipeline. Word lists are
data under `resources/attribution/`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from desktop.resources import read_lines, word_set

PERSON_PRONOUNS = {"he", "she", "him", "her"}
# a title cut off from its name ("Mr.", "Sen."): nobody a reader can name
BARE_TITLES = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "prof", "rev", "fr"}
GROUP_PRONOUNS = {"they", "we", "it"}
DETERMINERS = {"a", "an", "the", "some", "many", "several", "few", "most", "other", "others", "one", "two", "three"}
_GROUP_QUANTIFIERS = {"some", "many", "several", "few", "most", "numerous", "various", "other", "certain"}
QUANTIFIER_WORDS = {"some", "many", "several", "few", "most", "number", "majority", "other", "others", "all"}
# verbs that report only with a particle: "pointed out", "ruled out", "called on/for"
PARTICLE_VERBS = {
    "point": {"out", "to"}, "rule": {"out"}, "continue": {",", ".", ":"}, "make": {"it", "clear"},
    "read": {",", ":", "one", "another"}, "shoot": {"back"}, "fire": {"back"}, "hit": {"back"},
    "lash": {"out"}, "brush": {"off", "aside"},
}
# A demonym or other adjective of nationality ("French", "Ukrainian") names no one by itself.
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:an|ian|ese|ish|ch|i|ic|ean)$")
_PERSONAL_ENTS = {"PERSON", "ORG", "GPE", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT"}


def is_demonym(tok) -> bool:
    """`French`, `Russian`, `the Chinese`: a nationality word, not a name.

    The shape alone (`-an`, `-i`, `-ch`) also fits surnames (`Ryan`, `Lombardi`, `Kasich`): it is
    trusted only when the word modifies a noun or follows an article, unless NER tagged it NORP.
    """
    if tok.ent_type_ == "NORP":
        return True
    if tok.ent_type_ in _PERSONAL_ENTS or not _DEMONYM.match(tok.text):
        return False
    doc = tok.doc
    prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if prev in ("the", "a", "an"):
        return True
    if nxt is None or not (nxt.is_alpha and nxt.text[:1].islower()):
        return False
    if tok.dep_:
        return tok.dep_ in ("amod", "compound", "nmod") and tok.head.i > tok.i
    return nxt.lower_ not in lexicon().verb_forms


_NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT"}
_NON_NAME_CAPS = {
    "I", "The", "A", "An", "In", "On", "At", "But", "And", "However", "He", "She", "They", "We", "It",
    "This", "That", "These", "Those", "If", "When", "While", "As", "Meanwhile", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
}


@dataclass(frozen=True)
class Lexicon:
    verb_forms: dict[str, str]  # inflected form -> base form
    clause_only: frozenset[str]  # base forms that report only with a clause or a quote
    passive_forms: frozenset[str]  # forms whose agentless passive credits someone unnamed
    phrases: tuple[tuple[str, ...], ...]  # multi-word cues, lower case
    vague_heads: frozenset[str]
    vague_phrases: tuple[str, ...]
    vague_phrase_re: re.Pattern
    roles: frozenset[str]  # single role words, lower case
    boilerplate: tuple[re.Pattern, ...]
    outlets: frozenset[str]  # news outlets and agencies, lower case: bodies, never "he" or "she"
    group_nouns: frozenset[str]  # "Democrats", "Americans": large groups that name no one by themselves
    countries: frozenset[str]  # "U.S.", "Russia", "Kyiv": places, not offices ("U.S. officials" stay unnamed)
    agent_nouns: frozenset[str]  # common nouns that can report: people, bodies, documents, media
    inanimate_nouns: frozenset[str]  # common nouns that never report ("the drinking continued")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    forms: dict[str, str] = {}
    clause_only: set[str] = set()
    for line in read_lines("attribution", "reporting_verbs.txt"):
        needs_clause = line.startswith("*")
        words = line.lstrip("*").lower().split()
        for w in words:
            forms.setdefault(w, words[0])
        if needs_clause:
            clause_only.add(words[0])
    phrases = tuple(tuple(line.lower().split()) for line in read_lines("attribution", "cue_phrases.txt"))
    vague_phrases = tuple(line.lower() for line in read_lines("attribution", "vague_phrases.txt"))
    vague_re = re.compile(
        r"(?<![\w’'])(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(vague_phrases, key=len, reverse=True)) + r")(?![\w])",
        re.IGNORECASE,
    )
    roles = set()
    for line in read_lines("attribution", "roles.txt"):
        for w in line.lower().split():
            roles.add(w)
    boiler = tuple(re.compile(p, re.IGNORECASE) for p in read_lines("attribution", "boilerplate.txt"))
    return Lexicon(
        verb_forms=forms,
        clause_only=frozenset(clause_only),
        passive_forms=frozenset(w for line in read_lines("attribution", "passive_reporting.txt") for w in line.lower().split()),
        phrases=phrases,
        vague_heads=frozenset(w.lower() for w in read_lines("attribution", "vague_heads.txt")),
        vague_phrases=vague_phrases,
        vague_phrase_re=vague_re,
        roles=frozenset(roles),
        boilerplate=boiler,
        outlets=frozenset(line.lower() for line in read_lines("attribution", "outlets.txt")),
        group_nouns=frozenset(line.lower() for line in read_lines("attribution", "group_nouns.txt")),
        countries=frozenset(line.lower() for line in read_lines("attribution", "countries.txt")),
        agent_nouns=frozenset(line.lower() for line in read_lines("attribution", "agent_nouns.txt")),
        inanimate_nouns=frozenset(line.lower() for line in read_lines("attribution", "inanimate_nouns.txt")),
    )


# ---------------------------------------------------------------- token helpers


@lru_cache(maxsize=1)
def phrases_by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The cue phrases (`according to`, `citing` …) keyed by their first word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for ph in lexicon().phrases:
        out.setdefault(ph[0], []).append(ph)
    return {k: tuple(v) for k, v in out.items()}


def find_cue_phrase(low: Sequence[str]) -> tuple[int, int, str] | None:
    """The first cue phrase among lower-cased words: (index after it, index of it, the phrase)."""
    for k, word in enumerate(low):
        for ph in phrases_by_first().get(word, ()):
            if tuple(low[k : k + len(ph)]) == ph:
                return k + len(ph), k, " ".join(ph)
    return None


def has_parse(doc) -> bool:
    return doc.has_annotation("DEP")


def has_tags(doc) -> bool:
    return doc.has_annotation("TAG") or doc.has_annotation("POS")


# verbs of saying the small model tags as proper nouns when capitalised ("Stated Stone:", "Said Smith")
_TITLE_CASE_CUES = {
    "said", "says", "wrote", "noted", "added", "stressed", "tweeted", "posted", "told", "explained", "replied",
    "stated", "declared", "continued", "concluded", "insisted", "argued", "responded", "warned",
}


def _closes_after_name(tok) -> bool:
    """'…, O'Keefe notes.': the word ends the sentence right after a name set off by a comma."""
    doc = tok.doc
    if tok.i + 1 < len(doc) and doc[tok.i + 1].text not in (".", "!", "?", "\n"):
        return False
    k = tok.i - 1
    while k >= 0 and doc[k].tag_ == "NNP" and doc[k].text[:1].isupper() and k > tok.i - 4:
        k -= 1
    return k < tok.i - 1 and k >= 0 and doc[k].text == ","


def is_cue_verb(tok, tagged: bool) -> bool:
    """Is `tok` a reporting verb (`said`, `noted`, `wrote`, …) used as a verb here?"""
    lex = lexicon()
    low = tok.lower_
    base = lex.verb_forms.get(low)
    if base is None:
        return False
    if tok.i > 0 and tok.doc[tok.i - 1].text in ("-", "‐") and not tok.doc[tok.i - 1].whitespace_:
        return False  # "the self-described Islamic State", "so-called": half of a compound word
    if tagged:
        before = [t.lower_ for t in tok.doc[max(0, tok.i - 2) : tok.i]]
        if before[-1:] == ["if"] or before == ["if", "to"]:
            return False  # `as if to say “…”`, `as if saying`: nobody said it ("went so far as to say" did)
        if tok.tag_ == "VBN" and before[-1:] in (["when"], ["once"], ["unless"], ["until"]):
            return False  # "the pope had doubled down when questioned about it": he was asked, not the asker
        if base == "claim" and any(
            c.dep_ == "dobj" and (c.lower_ in ("life", "lives", "victims", "title", "titles", "crown", "seat", "seats")
                                  or any(g.dep_ == "nummod" for g in c.children)) for c in tok.children
        ):
            return False  # "the plague has claimed 57 lives": took, not said
        if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
            # the small model sometimes tags a sentence-initial or title-case "Said" oddly
            if not (tok.tag_ in ("NNP",) and low in _TITLE_CASE_CUES) and not (
                # "…, O'Keefe notes.": tagged a plural noun, yet the sentence before it is its clause
                tok.tag_ in ("NNS", "NNPS") and low.endswith("s") and _closes_after_name(tok)
            ):
                return False
    else:
        if not tok.text.islower() and not (tok.i > 0 and tok.text.istitle() and low in ("said", "says")):
            return False
        prev = tok.nbor(-1).lower_ if tok.i > 0 else ""
        if prev in ("the", "a", "an", "this", "that", "his", "her", "their", "its", "our", "these", "those"):
            return False
    particles = PARTICLE_VERBS.get(base)
    if particles:
        nxt = tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else ""
        if nxt not in particles and not _reports_without_particle(tok, base, nxt):
            return False
        if base == "make" and not any(t.lower_ == "clear" for t in tok.doc[tok.i + 1 : tok.i + 4]):
            return False  # "made it clear that …", not "made it difficult to …"
    return True


_CLOSING_MARKS = {"”", '"', "''", "’", "»"}


def _reports_without_particle(tok, base: str, nxt: str) -> bool:
    """`a federal judge ruled Monday that …` / `…, a judge ruled.`; `“…,” it reads.`: uses of a
    particle verb that report without the particle."""
    if base == "rule":
        return nxt == "that" or any(c.dep_ == "ccomp" for c in tok.children)
    if base == "make":
        return False
    if base == "read":
        doc = tok.doc
        return any(doc[j].text in _CLOSING_MARKS for j in range(max(0, tok.i - 3), tok.i))
    return False


def _wordlike(text: str) -> bool:
    """Letters, with apostrophes or hyphens inside a name: `O’Donnell`, `Holtz-Eakin`."""
    return text.replace("’", "").replace("'", "").replace("-", "").isalpha()


def is_propn(tok, tagged: bool) -> bool:
    if tok.ent_type_ in _NAME_ENTS:
        return True
    text = tok.text
    if tagged:
        if tok.pos_ == "PROPN" or tok.tag_ in ("NNP", "NNPS"):
            return True
        # a rare name the tagger took for a common noun ("Zelenskyy said")
        return tok.pos_ == "NOUN" and text[:1].isupper() and _wordlike(text) and not tok.is_sent_start and text not in _NON_NAME_CAPS
    return text[:1].isupper() and text not in _NON_NAME_CAPS and not text.isupper() or (text.isupper() and len(text) > 1 and text.isalpha())


_HONORIFICS = {"mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "miss", "sen.", "rep.", "gov."}


def is_role(tok) -> bool:
    """A title word (`spokesman`, `President`), unless an honorific makes it a surname: `Mr. King`."""
    if tok.lower_ not in lexicon().roles:
        return False
    if tok.text[:1].isupper() and tok.i > 0 and tok.doc[tok.i - 1].lower_ in _HONORIFICS:
        return False
    return True


def _title_office(tok) -> bool:
    """The office a title names: 'Defense' in `Secretary of Defense Leon Panetta`."""
    return tok.i >= 2 and tok.text[:1].isupper() and tok.doc[tok.i - 1].lower_ == "of" and is_role(tok.doc[tok.i - 2])


# ---------------------------------------------------------------- noun phrases

_LEFT_DEPS = {"det", "compound", "amod", "poss", "nmod", "nummod", "quantmod", "case", "predet", "flat"}
_RIGHT_DEPS = {"prep", "amod", "compound", "flat", "case", "pobj", "nummod"}


def _left_edge(head, deps=_LEFT_DEPS):
    lo = head.i
    stack = [head]
    while stack:
        t = stack.pop()
        for c in t.lefts:
            if c.dep_ in deps or (c.dep_ == "punct" and c.text in "-–"):
                lo = min(lo, c.left_edge.i if c.dep_ in ("poss", "nmod") else c.i)
                stack.append(c)
    return lo


def _end_before_clause(tok) -> int:
    """End (exclusive) of `tok`'s subtree without the relative clauses hung in it (a participle
    stays: 'exit polls conducted by Edison Research for The Associated Press')."""
    end = tok.i + 1
    for c in tok.children:
        if c.i > tok.i and c.dep_ != "relcl":
            end = max(end, _end_before_clause(c))
    return end


def np_bounds(head) -> tuple[int, int]:
    """Token bounds [lo, hi) of the noun phrase headed by `head` (parse needed)."""
    lo = _left_edge(head)
    hi = head.i + 1
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ in ("of", "from", "at", "with", "in", "on", "close", "for", "by"):
            # the phrase's own object, not a clause hung on it ("65 women from both parties who
            # have known Kavanaugh since high school …": the parser ran the clause on into the verb)
            hi = max(hi, _end_before_clause(c))
        elif c.dep_ in ("amod", "compound", "flat", "nummod"):
            hi = max(hi, c.right_edge.i + 1)
        elif c.dep_ in ("punct", "appos", "relcl", "acl", "cc", "conj"):
            if c.dep_ == "conj" and c.i == hi + 1 or c.dep_ == "cc" and c.i == hi:
                hi = max(hi, c.right_edge.i + 1)
                continue
            break
    doc = head.doc
    while hi > lo + 1 and doc[hi - 1].is_punct:
        hi -= 1
    return lo, hi


# "said Wednesday": a time word after the verb is when, not who
# (months that are also names, "said May", are left out)
_WHEN_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
    "tonight", "tomorrow", "january", "february", "april", "july", "september", "october", "november",
    "december", "morning", "evening", "afternoon", "night", "week", "weekend",
}


def _opens_clause(tok) -> bool:
    """Does the phrase of `tok` start a sentence, or follow a comma or a dash, not as a place tag?"""
    doc = tok.doc
    left = tok.left_edge.i
    if doc[left].tag_ in ("VBG", "VBN"):
        return False  # 'spurning requests from …': a participle's object
    if left == tok.sent.start:
        return True
    prev = doc[left - 1]
    if prev.text not in (",", "—", "–", "-") and not prev.is_space:
        return False
    # "Berea, OH", "Beaumont, Tex.": a state's abbreviation after its city
    return not (left == tok.i and left >= 2 and prev.text == "," and doc[left - 2].pos_ == "PROPN"
                and re.fullmatch(r"[A-Z]{2}|[A-Z][a-z]{1,4}\.", tok.text))


def passive_use(v) -> bool:
    """A verb used in the passive: 'was described as', or a participle with no subject of its own
    ('Historically dubbed the “black death”, the plague …', 'a plan described as …')."""
    kids = list(v.children)
    if any(c.dep_ == "auxpass" for c in kids):
        return True
    if v.tag_ != "VBN" or any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in kids):
        return False
    if v.dep_ == "acl":
        # "a group called the “We The People Foundation”" (the small model also reads finite verbs
        # as participles: "Sanders’ campaign called AP’s report a “rush”", so only after 'a')
        return v.head.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in v.head.children)
    # a participle opening its sentence, maybe after adverbs: "Historically dubbed the “black death”, …"
    return v.dep_ == "advcl" and v.head.i > v.i and (
        v.left_edge.i == v.sent.start or all(t.pos_ == "ADV" for t in v.doc[v.sent.start : v.i])
    )


def agent_of(v):
    """The one a passive verb names after 'by' ('was first reported by MSNBC' → MSNBC), or None."""
    agent = next((c for c in v.children if c.dep_ == "agent"), None)
    return next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None


def subject_of(verb):
    """The subject token of a reporting verb (follows `conj`/`xcomp` to the governing verb)."""
    seen = 0
    v = verb
    while v is not None and seen < 5:
        subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")] or [c for c in v.children if c.dep_ == "csubj"]
        if subjects and subjects[0].i > v.i and any(c.dep_ == "prep" and c.lower_ == "as" and c.i > subjects[0].i for c in v.children):
            # "Farrakhan has denounced Jews as “satanic,” praised Hitler as a “very great man”": who
            # is praised, not who praises; the parser made the first verb of the series a clause
            # of this one, and its subject is the series'
            subjects = [g for c in v.children if c.dep_ == "ccomp" and c.i < v.i for g in c.children if g.dep_ == "nsubj"][:1]
        if len(subjects) > 1 and subjects[0].tag_ in ("WDT", "WP") and subjects[0].i < subjects[1].i < v.i \
                and (subjects[1].pos_ in ("PRON", "PROPN") or any(c.dep_ in ("det", "poss") for c in subjects[1].children)):
            # "…, which she said represented …": the relative pronoun belongs to the reported clause
            subjects = subjects[1:]
        if len(subjects) > 1:
            # two subjects where the parser misread a long one: the nearest before the verb that
            # opens a clause (at the sentence start or after a comma), never a place tag ("in
            # Berea, OH, …, Gov. John Kasich said"), a quoted title ('star of “Scandal,”') or a
            # noun inside a participle or relative clause ('Churkin, spurning requests …, asserted')
            opening = [c for c in subjects if c.i < v.i and _opens_clause(c)]
            if opening:
                return opening[-1]
        if subjects and v is not verb and verb.tag_ == "VBG" and subjects[0].pos_ == "NOUN" and not _known_agent(subjects[0].lower_) \
                and v.dep_ in ("ccomp", "advcl", "relcl", "acl") and v.head.i != v.i:
            # "Trump argued that a database would keep people out, saying it's “all about
            # management”", "Bennett denied the notion that a shakeup is coming, explaining …": the
            # parser hung the participle on the reported clause, whose subject is a thing; the one
            # who argued or denied says it
            up = v.head.head if v.dep_ == "acl" and v.head.dep_ in ("dobj", "pobj", "attr") else v.head
            if up.pos_ in ("VERB", "AUX") and up.i != v.i and lexicon().verb_forms.get(up.lower_):
                v = up
                seen += 1
                continue
        if subjects:
            return subjects[0]
        if v.dep_ == "acl" and v.tag_ in ("VBD", "VBZ", "VBP") and v.head.i < v.i and v.head.pos_ in ("NOUN", "PROPN"):
            # "a man yelled “…”" parsed as a clause of 'man': a finite verb is the noun's predicate
            return v.head
        if v.dep_ == "acl" and v.tag_ == "VBG" and v.i > 0 and v.doc[v.i - 1].text == "," \
                and v.head.dep_ in ("dobj", "pobj", "attr") and v.head.head.pos_ in ("VERB", "AUX"):
            # "Carson rejected the notion …, saying that …": a participle after a comma is the main
            # clause's, though the parser hung it on the object
            v = v.head.head
            seen += 1
            continue
        if v.dep_ == "conj" and v.head.dep_ == "ccomp" and v.head.head.i != v.head.i and v.head.i < v.i \
                and lexicon().verb_forms.get(v.lower_) and lexicon().verb_forms.get(v.head.head.lower_) and v.head.head.i < v.head.i \
                and v.head.head.dep_ != "relcl":
            # "De Blasio said the move was made by Bratton and said, “…”": the second 'said' is the
            # first one's, though the parser hung it on the reported clause
            v = v.head.head
            seen += 1
            continue
        if (v.dep_ in ("conj", "xcomp", "advcl", "pcomp", "prep", "acl", "dep") or v.dep_ == "advmod" and v.pos_ == "ADV" and v is not verb) \
                and v.head.i != v.i:
            # ("went so far as to say": 'say' hangs on 'far', 'far' on 'went')
            v = v.head
            seen += 1
            continue
        break
    doc = verb.doc
    # "Cardinal de Lubac, writing in 1985, said:": the parser gave the subject to the participle
    for c in verb.children:
        if c.dep_ == "advcl" and c.i < verb.i and c.tag_ == "VBG":
            got = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass") and g.i < c.i), None)
            if got is not None:
                return got
    # the subject the parser hung elsewhere: "…, Franken's office said he has not …" ('office'
    # read as an apposition), "…, the Democratic candidate stated that …"
    if verb.i > 0:
        prev = doc[verb.i - 1]
        if prev.pos_ in ("NOUN", "PROPN") and prev.dep_ in ("appos", "conj", "pobj") and prev.lower_ not in _WHEN_WORDS:
            return prev
    # "“How big is that wall?” asked the boy": right after a closing mark the phrase after the
    # verb is who spoke, though the parser read it as the one asked
    if 0 < verb.i and doc[verb.i - 1].text in ("”", '"', "''", "’", "'", "»"):
        got = next((c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1), None)
        if got is not None and got.pos_ in ("NOUN", "PROPN"):
            return got
    # inverted order the parser missed: "…, said Peskov" — a proper noun right after the verb,
    # never the subject of the reported clause ("said he has not …")
    if verb.i + 1 < len(doc):
        nxt = doc[verb.i + 1]
        if nxt.pos_ in ("PROPN", "NOUN", "PRON") and nxt.dep_ not in ("dobj",) and nxt.lower_ not in _WHEN_WORDS \
                and not (nxt.dep_ in ("nsubj", "nsubjpass") and nxt.head.i != verb.i) \
                and not (lexicon().verb_forms.get(verb.lower_) == "tell" and nxt.head.dep_ in ("dobj", "dative") and nxt.head.head.i == verb.i):
            # (whom one tells is never the teller: "…, founder of the center, tells Breitbart News")
            j = nxt.i
            while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and doc[j + 1].dep_ in ("compound", "flat", "nsubj", "appos", "dobj", "npadvmod") :
                j += 1
            # `said Oversight ranking Democrat Elijah Cummings`: titles in front of the person's name
            for k in range(j + 1, min(len(doc), j + 4)):
                if not doc[k].is_alpha:
                    break
                if doc[k].pos_ == "PROPN" and k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN":
                    while k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN" and doc[k + 1].is_alpha:
                        k += 1
                    return doc[k]
            return doc[j]
    return None


def lexical_np_after(doc, i: int, limit: int) -> tuple[int, int] | None:
    """A speaker phrase starting at token i (rule-only): determiner, capitalised words, role words."""
    lo = i
    j = i
    tagged = has_tags(doc)
    if j < limit and doc[j].lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return j, j + 1
    if j < limit and doc[j].lower_ in _WHEN_WORDS:
        return None  # "said Wednesday": when, not who
    if j < limit and doc[j].lower_ in DETERMINERS:
        j += 1
    start_content = j
    while j < limit:
        t = doc[j]
        if is_propn(t, tagged) or is_role(t) or (t.text[:1].isupper() and t.is_alpha) or t.text in ("-", "’s", "'s") and j > start_content:
            j += 1
            continue
        if t.is_lower and j + 1 < limit and (is_role(doc[j + 1]) or doc[j + 1].lower_ in lexicon().vague_heads) and t.is_alpha and not is_cue_verb(t, tagged):
            j += 1  # "senior official", "military analyst"
            continue
        if t.lower_ in lexicon().vague_heads and j > lo:
            j += 1
            continue
        if j == start_content and t.lower_ in lexicon().vague_heads:
            j += 1
            continue
        break
    if j == start_content:
        return None
    return lo, j


def lexical_np_before(doc, i: int, floor: int) -> tuple[int, int] | None:
    """A speaker phrase ending just before token i (rule-only), skipping adverbs and one `, who …,` aside."""
    tagged = has_tags(doc)
    j = i - 1
    while j >= floor and (doc[j].lower_ in ("also", "later", "then", "again", "further", "previously", "earlier", "once", "has", "have", "had", "was", "is", "reportedly", "repeatedly", "recently", "had", "would", "will", "did", "does", "not") or doc[j].lower_.endswith("ly") and doc[j].is_lower):
        j -= 1
    if j >= floor and doc[j].text == ",":
        # skip an aside ", who attended the meeting," back to the previous comma; one that ends
        # in a place ("Mr. Daniloff, now 81 and retired in Cambridge, Mass., said") goes back to
        # the comma before that place
        for _ in range(3):
            k = j - 1
            while k >= floor and doc[k].text != "," and j - k < 25:
                k -= 1
            if not (k >= floor and doc[k].text == ","):
                break
            j = k - 1
            m = j
            while m >= floor and (is_propn(doc[m], tagged) or doc[m].text == "."):
                m -= 1
            if not (m < j and m >= floor and doc[m].lower_ in ("in", "at", "from", "near", "of", "outside")):
                break
    hi = j + 1
    if j >= floor and doc[j].lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return j, j + 1
    while j >= floor:
        t = doc[j]
        if is_propn(t, tagged) or is_role(t) or t.lower_ in lexicon().vague_heads or t.text in ("’s", "'s", "-"):
            j -= 1
            continue
        if t.is_lower and t.is_alpha and j + 1 < hi and not is_cue_verb(t, tagged) and (is_role(doc[j + 1]) or doc[j + 1].lower_ in lexicon().vague_heads) and t.lower_ not in ("and", "or", "that", "of", "to", "which", "who"):
            j -= 1
            continue
        break
    if j >= floor and doc[j].lower_ in DETERMINERS:
        j -= 1
    lo = j + 1
    if lo >= hi:
        return None
    return lo, hi


# ---------------------------------------------------------------- names in the article


# a named police force: "the Westerville Division of Police", "Clayton County Police Department"
_POLICE_FORCE = re.compile(
    r"\b((?:(?:[A-Z][\w'’-]*|[A-Z]\.)[ \t]+){1,4}(?:Police(?:[ \t]+Department|[ \t]+Service|[ \t]+Force)?|"
    r"Division[ \t]+of[ \t]+Police|Sheriff['’]s[ \t]+(?:Office|Department)|Constabulary)|NYPD|LAPD"
    # "the Las Vegas police": a place's force in lower case, not "The police", "Local police"
    r"|(?!(?:The|A|An|And|But|When|While|After|Before|Then|If|As|So|Local|Federal|State|Some|Many|Other|Both|Police)\b)"
    r"(?:[A-Z][\w'’-]*[ \t]+){1,3}police(?![ \t]+officers?\b))\b"
)
_PROSECUTION = re.compile(
    r"\b(?:Assistant\s+)?(?:U\.S\.|United States|District|State['’]s|County|Commonwealth['’]s)\s+Attorney"
    r"(?:['’]s\s+[Oo]ffice(?:\s+(?:for|in)\s+(?:the\s+)?(?:[A-Z][\w.]*\s*){1,5})?|\s+(?:[A-Z][\w.'’-]*\s*){1,4})"
    r"|\b(?:[A-Z][\w.]*\s+){1,3}(?:District|County|State['’]s)\s+Attorney['’]s\s+[Oo]ffice"
)
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w'’-]+)")
_PRONOUN_GENDER = re.compile(r"(?:(he|him|his|himself)|she|her|hers|herself)\b", re.IGNORECASE)


def _gender_word(word: str) -> str | None:
    """The sex a first name implies ("felicia" -> "f"), else None."""
    if word in word_set("attribution", "female_names.txt"):
        return "f"
    if word in word_set("attribution", "male_names.txt"):
        return "m"
    return None


@lru_cache(maxsize=1)
def _gendered_titles() -> dict[str, str]:
    """"mr." -> "m", "congresswoman" -> "f": titles before a name that say the person's sex."""
    out = {}
    for line in read_lines("attribution", "gendered_titles.txt"):
        sex, _, words = line.partition(":")
        out.update((w.lower(), sex.strip()) for w in words.split())
    return out


_BODY_WORDS = {
    "house", "office", "ministry", "department", "government", "kremlin", "statement", "report", "committee",
    "council", "agency", "campaign", "administration", "commission", "court", "party", "newspaper", "times",
    "post", "news", "journal", "network", "channel", "website", "union", "alliance", "nato", "pentagon",
    "center", "centre", "institute", "foundation", "association", "coalition", "organization", "organisation",
    "university", "college", "church", "corporation", "company", "bureau", "board",
}
# bodies a one-word name can stand for, which 'he' never means
_ASSEMBLIES = {
    "senate", "congress", "parliament", "assembly", "legislature", "conference", "caucus", "cabinet",
    "army", "navy", "military", "police", "synod", "vatican", "embassy", "consulate", "tribunal",
}
# a document speaks for the body named in it: "A White House statement" -> White House
_REFERRED_DOCUMENTS = {"report", "study", "survey", "poll", "analysis", "filing", "audit", "review", "investigation"}
_DOCUMENT_WORDS = {"statement", "release", "communique", "communiqué", "letter", "memo", "report", "post", "tweet", "message", "readout", "announcement",
                   "alert", "advisory", "plan", "notice", "lawsuit", "indictment", "note"}


@dataclass(frozen=True)
class Mention:
    start: int  # char offset
    end: int
    name: str  # role words dropped
    person: bool
    subject: bool


_NAME_SUFFIXES = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"}


def strip_roles(tokens) -> list:
    """Drop title words in front of a name: `Kremlin spokesman Dmitry Peskov` -> `Dmitry Peskov`."""
    toks = list(tokens)
    last_role = -1
    for k, t in enumerate(toks[:-1]):
        if toks[k + 1].lower_ in _NAME_SUFFIXES:
            continue  # "Martin Luther King Jr.": a surname, though 'king' is a title
        if is_role(t) or _title_office(t) or t.lower_ in ("the", "a", "an") or t.text in ("’s", "'s"):
            last_role = k
    toks = toks[last_role + 1 :]
    while toks and (toks[-1].is_punct or toks[-1].text in ("’s", "'s")):
        toks.pop()
    while toks and toks[0].is_punct:
        toks.pop(0)
    return toks


_GLUED = re.compile(r"^.*[“”\"«»]")


def _from_first_name(run: list, lower_words: set[str], after_title: bool = False) -> list:
    """A run of capitalised words from its first name on, when what comes before it is a title or a
    word the article also writes in lower case: `House Paul Ryan`, `Rival Hillary Clinton`, `Foreign
    Affairs Sergei Lavrov` (`after_title`: the run follows a title); not `Giovanni Maria Vian`, `E.
    Christian Brugger`."""
    for k in range(1, len(run) - 1):
        if _gender_word(run[k].lower_) is None:
            continue
        before = run[k - 1]
        if _gender_word(before.lower_) is not None or before.text.endswith((".", "-")):
            return run
        if before.lower_ in _BODY_WORDS or is_role(before) or is_demonym(before) or before.lower_ in lexicon().group_nouns \
                or before.lower_ in lower_words or k >= 2 or after_title:
            return run[k:]
        return run
    return run


def _join(tokens) -> str:
    out = ""
    for k, t in enumerate(tokens):
        out += t.text + (t.whitespace_ if k < len(tokens) - 1 else "")
    # "-Lynn Vavreck" (a list dash glued to the name): the dash is no part of it; "the Rev.⏎David
    # W. Dockery" (a line broken after the title) is one line
    return " ".join(_GLUED.sub("", out.strip()).strip().lstrip("-–—‐ ").split())


class NameBook:
    """The names an article gives, to report every speaker by the fullest one."""

    def __init__(self, doc, quote_ranges: list[tuple[int, int]] | None = None):
        self.doc = doc
        self.tagged = has_tags(doc)
        self.parsed = has_parse(doc)
        self.by_last: dict[str, list[str]] = {}
        self.titles: dict[str, set[str]] = {}
        self.mentions: list[Mention] = []
        self.org_names: set[str] = set()
        self._gender_by_last: dict[str, set[str]] = {}  # "roof" -> {"m"}: from "Mr. Roof", "Rep. … congresswoman"
        self._quote_starts = [a for a, _ in (quote_ranges or [])]
        self._quote_ranges = quote_ranges or []
        self.lower_words = {t.text for t in doc if t.is_lower}  # words the article writes in lower case
        # capitalised words the article writes inside its sentences, not only at their start
        self.mid_caps = {t.text for t in doc if not t.is_sent_start and t.text[:1].isupper()}
        self._collect()
        for m in _HONORIFIC.finditer(doc.text):
            self._gender_by_last.setdefault(m.group(2).lower(), set()).add("m" if m.group(1) == "Mr" else "f")
        self._starts = [m.start for m in self.mentions]
        self._speakers: list[tuple[int, str]] = []
        self._one_person: dict[str, str] = {}  # one-word name -> _single_word_verdict
        self._tok_starts: list[int] | None = None
        self._person_names: set[str] | None = None
        self._acronyms: dict[str, str | None] = {}  # "ICE" -> "Immigration and Customs Enforcement"

    def inside_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self._quote_starts, pos) - 1
        return k >= 0 and self._quote_ranges[k][0] <= pos < self._quote_ranges[k][1]

    def _collect(self) -> None:
        doc = self.doc
        spans = []
        if doc.has_annotation("ENT_IOB"):
            in_ent = set()
            for ent in doc.ents:
                if ent.label_ in ("PERSON", "ORG"):
                    # 'the Brady Center' tagged as a person is still a body
                    person = ent.label_ == "PERSON" and doc[ent.end - 1].lower_ not in _BODY_WORDS
                    spans.append((ent.start, ent.end, person))
                in_ent.update(range(ent.start, ent.end))
            if self.parsed:
                # proper-noun subjects the entity recogniser missed ("Scholz met Macron")
                for t in doc:
                    if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN" and t.i not in in_ent:
                        lo = t.i
                        while lo - 1 >= 0 and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].dep_ in ("compound", "flat") and lo - 1 not in in_ent:
                            lo -= 1
                        spans.append((lo, t.i + 1, True))
                spans.sort()
        else:
            # no entity recogniser: runs of proper nouns (tagged) or capitalised words (rule-only);
            # acronyms and names ending in a body word (`White House`, `Defense Ministry`) are bodies
            i = 0
            n = len(doc)
            tagged = self.tagged

            def shaped_like_name(tok) -> bool:
                if tagged:
                    # "George Will wrote": a capitalised 'modal' right after a first name is a surname
                    return tok.text[:1].isupper() and (
                        tok.pos_ == "PROPN" or tok.tag_ == "NNP" and tok.is_alpha
                        or tok.tag_ == "MD" and not tok.is_sent_start and tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN"
                        or tok.pos_ == "NOUN" and tok.is_alpha and not tok.is_sent_start and not is_role(tok)
                    )
                return tok.text[:1].isupper() and tok.is_alpha

            # "Sanders called …" opening a sentence, tagged as a plural noun: a word the article
            # uses as a name inside its sentences is a name at their start too
            mid_names = {t.text for t in doc if not t.is_sent_start and shaped_like_name(t)} if tagged else set()

            def name_like(tok) -> bool:
                return shaped_like_name(tok) or (tok.is_sent_start and tok.pos_ == "NOUN" and tok.text in mid_names)

            while i < n:
                t = doc[i]
                if name_like(t) and t.text not in _NON_NAME_CAPS:
                    j = i
                    while j + 1 < n and name_like(doc[j + 1]):
                        j += 1
                    first = i
                    if t.is_sent_start and (t.is_stop or t.lower_.endswith(("ing", "ed", "ly"))):
                        first = i + 1  # "Given Trump's chances": a sentence's first word, not a name
                    if j > first or (j == first and (tagged or j + 1 < n and is_cue_verb(doc[j + 1], False))):
                        last = doc[j]
                        body = (
                            last.lower_ in _BODY_WORDS
                            or (last.text.isupper() and len(last.text) > 1)
                            or is_role(last)
                            or last.lower_ in lexicon().outlets
                        )
                        spans.append((first, j + 1, not body))
                    i = j + 1
                else:
                    i += 1
        for s, e, person in spans:
            toks = strip_roles(doc[s:e])
            if person:
                # "Speaker of the House Paul Ryan", "Minister of Foreign Affairs Sergei Lavrov"
                titled = len(toks) < e - s or (s >= 2 and doc[s - 1].lower_ in ("of", "for") and is_role(doc[s - 2]))
                toks = _from_first_name(toks, self.lower_words, titled)
            if not toks:
                continue
            # a title right before the name: "French President" Emmanuel Macron
            k = s - 1
            title = []
            while k >= 0 and k > s - 5 and (is_role(doc[k]) or (doc[k].text[:1].isupper() and doc[k].is_alpha and doc[k].text not in _NON_NAME_CAPS)):
                title.insert(0, doc[k])
                k -= 1
            inner_title = [t for t in doc[s:e] if t.i < toks[0].i]
            title = title + inner_title
            name = _join(toks)
            if len(name) < 2:
                continue
            if not person:
                self.org_names.add(name)
            last = toks[-1].lower_
            self.by_last.setdefault(last, []).append(name)
            for t in title:
                g = _gendered_titles().get(t.lower_)
                if g and person:
                    self._gender_by_last.setdefault(last, set()).add(g)
            if title and any(is_role(t) for t in title):
                key = " ".join(t.lower_ for t in title if t.lower_ not in ("the", "a", "an"))
                self.titles.setdefault(key, set()).add(name)
                role_words = [t.lower_ for t in title if is_role(t)]
                if role_words:
                    self.titles.setdefault(role_words[-1], set()).add(name)
            start = toks[0].idx
            end = toks[-1].idx + len(toks[-1])
            # the subject of a main clause (not of `… warned that Russia would …`)
            subject = bool(
                self.parsed
                and any(
                    (t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ in ("ROOT", "conj"))
                    or (t.dep_ in ("compound", "flat") and t.head.dep_ in ("nsubj", "nsubjpass") and t.head.head.dep_ in ("ROOT", "conj"))
                    # "Britain's foreign secretary, David Lammy, spoke …": the name in apposition
                    or (t.dep_ == "appos" and t.head.pos_ == "NOUN" and t.head.dep_ in ("nsubj", "nsubjpass")
                        and t.head.head.dep_ in ("ROOT", "conj") and len(toks) >= 2)
                    for t in toks
                )
            )
            if person and self.parsed and len(toks) == 1 and toks[0].dep_ in ("compound", "amod", "nmod") \
                    and toks[0].head.i > toks[0].i and toks[0].head.pos_ == "NOUN":
                # "the Vermont senator", "Bible talk shows", "The Sanders campaign": a word that
                # qualifies a noun names no one a later 'he' can mean here (though a body is named)
                person = False
            if not self.inside_quote(start):
                self.mentions.append(Mention(start, end, name, person, subject or not self.parsed))

    def fullest(self, name: str, sex: str | None = None) -> str:
        """`Peskov` -> `Dmitry Peskov` when the article gives the longer form; with `sex` ("m", "f":
        from "Mr." or "Mrs." before the name) never a longer form whose first name says otherwise
        ("Mrs. Clinton" is not Bill Clinton)."""
        words = name.split()
        if not words:
            return name
        if len(words) == 1 and re.fullmatch(r"[A-Z]{2,6}", name):
            spelled = self._spelled_out(name)
            if spelled:
                return spelled
        cands = self.by_last.get(words[-1].lower(), [])
        if sex is not None:
            # (a first name the lists get wrong for this person, "Ms. Epstein" for Lee Epstein, leaves
            # the one full form standing)
            agree = [c for c in cands if _gender_word(c.split()[0].lower()) in (None, sex)]
            if any(len(c.split()) > len(words) for c in agree):
                cands = agree
        low_words = [w.lower() for w in words]
        best = name
        for c in cands:
            cw = [w.lower() for w in c.split()]
            if len(cw) > len(best.split()) and all(w in cw for w in low_words):
                best = c
        if best == name and name.islower() and cands:
            for c in cands:
                if c.lower() == name.lower():
                    return c
        if best == name and name.islower() and low_words[0] not in ("the", "a", "an"):
            return name.title()  # a name typed in lower case; not a descriptor ('the minister')
        return best

    def _spelled_out(self, acronym: str) -> str | None:
        """`ICE` -> `Immigration and Customs Enforcement` when the article writes it out before the
        acronym in brackets ("Immigration and Customs Enforcement (ICE)"), the capitals spelling it."""
        if acronym not in self._acronyms:
            self._acronyms[acronym] = None
            run = r"((?:[A-Z][\w.’'-]*\s+(?:(?:and|of|for|the|on|&)\s+)*){1,8})\(" + re.escape(acronym) + r"\)"
            for m in re.finditer(run, self.doc.text):
                words = m.group(1).split()
                starts = [i for i, w in enumerate(words) if w[:1].isupper()
                          and "".join(x[0] for x in words[i:] if x[:1].isupper()) == acronym]
                if starts:
                    self._acronyms[acronym] = " ".join(words[starts[0]:])
                    break
        return self._acronyms[acronym]

    def by_title(self, phrase: str) -> str | None:
        """`the French president` -> `Emmanuel Macron` when the article uses that title before his name."""
        words = [w for w in re.findall(r"[\w.'’-]+", phrase.lower()) if w not in ("the", "a", "an")]
        if not words:
            return None
        key = " ".join(words)
        key = _ROLE_ABBREVIATIONS.get(key, key)  # "the AG": the Attorney General named before
        names = self.titles.get(key)
        if names and len(names) == 1:
            return self.fullest(next(iter(names)))
        return None

    def is_person(self, name: str) -> bool:
        """Does the article name a person so (not a body, a place or a descriptor)?"""
        if self._person_names is None:
            self._person_names = {m.name for m in self.mentions if m.person}
        return name in self._person_names and name not in self.org_names

    def _a_body(self, name: str) -> bool:
        """A name the article gives a body, an outlet's, or one ending in a body's word ('the State
        Department'): never 'he' or 'she'."""
        words = name.split()
        return name in self.org_names or name.lower() in lexicon().outlets or bool(words) and words[-1].lower() in _BODY_WORDS

    def note_speaker(self, pos: int, name: str) -> None:
        """Remember a resolved speaker at char `pos` (for `he`/`she` later on); bodies are not people."""
        if self._a_body(name):
            return
        last = name.split()[-1] if name.split() else ""
        if last.islower() and last.endswith("s") and not last.endswith(("ss", "us", "is")):
            return  # 'banners', 'protesters' … : never a 'he' or a 'she' later on
        bisect.insort(self._speakers, (pos, name))

    def gender(self, name: str) -> str | None:
        """"m", "f" or None: from a first name the lists know (`Felicia Sanders`), or a title the
        article gives the person (`Mr. Roof`, `Congresswoman Maxine Waters`)."""
        words = name.split()
        if not words:
            return None
        if len(words) >= 2:
            return _gender_word(words[0].lower()) if len(words) <= 3 else None
        # a surname alone: every person of that name the article gives must agree ("Clinton" is
        # Hillary or Bill)
        found = set(self._gender_by_last.get(words[0].lower(), ()))
        for full in self.by_last.get(words[0].lower(), []):
            if 2 <= len(full.split()) <= 3:  # not a headline read as a name ("Clinton Wins Delaware")
                found.add(_gender_word(full.split()[0].lower()))
        return next(iter(found)) if len(found) == 1 else None

    def resolve_pronoun(self, pos: int, person: bool = True, pronoun: str = "") -> tuple[str, int] | None:
        """The person a `he`/`she` at char `pos` refers to: the last speaker or subject before it.
        When that person's name says they are of the other sex, the last one whose name says the
        right sex instead (`she` after `Felicia Sanders … Dylann Roof` is Felicia Sanders), else the
        last one whose sex the article never says; with no such person, the first choice stands.

        Returns (name, sentences back) or None.
        """
        best = self._last_person(pos, person, lambda name: not person or self._could_be_one_person(name))
        m = _PRONOUN_GENDER.fullmatch(pronoun)
        want = ("m" if m.group(1) else "f") if m else None
        if best is not None and want is not None and self.gender(best[1]) not in (None, want):
            best = (
                self._last_person(pos, person, lambda name: self.gender(name) == want)
                # "Kelly … She told ABC …" after Trump: someone whose sex the article never says
                # before someone of the other sex
                or self._last_person(pos, person, lambda name: self.gender(name) is None and not self._a_body(name)
                                     and name.split()[-1].lower() not in _PAPER_WORDS
                                     and (not person or self._could_be_one_person(name)))
                or best
            )
        if best is None:
            return None
        back = self._sentences_between(best[0], pos)
        return self.fullest(best[1]), back

    def _could_be_one_person(self, name: str) -> bool:
        """Can 'he' or 'she' be `name`? Not a country or a month, not a plural or a pronoun opening
        a sentence ('They', 'People', 'Prosecutors'), not a common noun the article also writes in
        lower case ('Bible'/'bible', 'Communion'/'communion'), not a place the article names after
        'in' or 'near' ('in Westerville,'). Without the entity recogniser every capitalised word is
        a candidate; this keeps 'he' on people."""
        if " " in name:
            return True
        verdict = self._one_person.get(name)
        if verdict is None:
            verdict = self._one_person[name] = self._single_word_verdict(name)
        # a word that already spoke ("Branch contradicted Penkoski, claiming: …") is someone
        return verdict == "yes" or verdict == "unless a speaker" and any(n == name for _, n in self._speakers)

    def _single_word_verdict(self, name: str) -> str:
        """'no', 'yes', or 'unless a speaker' for a one-word name: what the article itself says of it."""
        low = name.lower()
        if low in lexicon().countries or low in _WHEN_WORDS or low in ("march", "may", "june", "august") \
                or low in STOP_WORDS or low in lexicon().group_nouns or low in lexicon().vague_heads \
                or low in _BODY_WORDS or low in _ASSEMBLIES or (name.isupper() and len(name) > 1):
            return "no"  # ... nor a body ('Senate', 'Conference', 'FBI')
        if self.gender(name) is not None:
            return "yes"
        if low.endswith("s") and not low.endswith(("ss", "us", "is")) and low[:-1] in self.lower_words:
            return "unless a speaker"  # "Prosecutors", "Russians" opening a sentence: never one 'he'
        if low in self.lower_words:
            return "unless a speaker"
        if any(m.subject and m.name == name for m in self.mentions):
            return "yes"  # the subject of a sentence somewhere: someone who acts
        if re.search(rf"\b(?:in|near)\s+{re.escape(name)}\s*[,.;:)]", self.doc.text):
            return "unless a speaker"
        return "yes"

    def _last_person(self, pos: int, person: bool, accept) -> tuple[int, str] | None:
        """(char, name) of the last speaker or main-clause subject before `pos` that `accept`s."""
        best: tuple[int, str] | None = None
        k = bisect.bisect_left(self._speakers, (pos, "")) - 1
        while k >= 0 and pos - self._speakers[k][0] < 700:
            if accept(self._speakers[k][1]):
                best = self._speakers[k]
                break
            k -= 1
        k = bisect.bisect_left(self._starts, pos) - 1
        scanned = 0
        any_person: tuple[int, str] | None = None
        while k >= 0 and scanned < 40:
            m = self.mentions[k]
            scanned += 1
            if pos - m.start > 1500:
                break
            if m.end <= pos and m.person == person and m.name.lower() not in lexicon().group_nouns \
                    and not (person and m.name.lower() in lexicon().outlets) and accept(m.name):
                # 'he' is never 'Republicans'
                if any_person is None:
                    any_person = (m.start, m.name)
                if m.subject and pos - m.start <= 700:
                    if best is None or m.start > best[0]:
                        best = (m.start, m.name)
                    break
            k -= 1
        if best is None:
            k = bisect.bisect_left(self._speakers, (pos, "")) - 1
            while k >= 0 and pos - self._speakers[k][0] < 1500:
                if accept(self._speakers[k][1]):
                    best = self._speakers[k]
                    break
                k -= 1
        return best or any_person

    def _token_at(self, char: int):
        if self._tok_starts is None:
            self._tok_starts = [t.idx for t in self.doc]
        k = max(0, bisect.bisect_right(self._tok_starts, char) - 1)
        return self.doc[k] if len(self.doc) else None

    def _sentences_between(self, a: int, b: int) -> int:
        """How many sentence starts lie between char offsets a and b (0: same sentence)."""
        ta, tb = self._token_at(a), self._token_at(b)
        if ta is None or tb is None or tb.i <= ta.i:
            return 0
        count = 0
        for t in self.doc[ta.i + 1 : tb.i + 1]:
            if t.is_sent_start:
                count += 1
        return count


# ---------------------------------------------------------------- source phrases


@dataclass(frozen=True)
class Source:
    """Who a cue credits: the name or descriptor, whether a reader can identify it, and how we know."""

    name: str
    identifiable: bool
    how: str  # for the `why` text
    start: int  # char offsets of the source phrase in the text
    end: int


def _sentence_case_only(tok, book: NameBook) -> bool:
    """'Health officials suspect …' then 'health officials have warned': a word capitalised only
    because it opens a sentence, which the article otherwise writes in lower case."""
    return tok.is_sent_start and tok.text not in book.mid_caps and (
        tok.lower_ in book.lower_words
        # "Records show …": a plural the tagger called a proper noun only for its capital
        or tok.tag_ == "NNPS" and len(tok.text) > 3 and tok.text[1:].islower()
    )


def _known_name(tok, book: NameBook) -> bool:
    """A capitalised word the article uses as a name's last word (`Sanders says` after `Bernie
    Sanders`), whatever the tagger made of it at the start of a sentence (NNS, VB)."""
    return (
        _wordlike(tok.text) and tok.text[:1].isupper() and tok.text not in _NON_NAME_CAPS and tok.lower_ in book.by_last
        # "Officials" after a headline's "As Officials Worry …": a word for unnamed people is no one's name
        and (tok.lower_ not in lexicon().vague_heads or tok.lower_ == "police")  # a force's name ends in "Police"
    )


# people around a named person or inside a named body, never named themselves: `Sanders' aides`,
# `Pentagon sources`, `allies of the governor`, `Trump supporters`
_ABSTRACT_ENDINGS = ("ing", "tion", "tions", "sion", "sions", "ness", "ity", "ities", "ment", "ments", "ance", "ence", "ism", "ship")


def _known_agent(low: str) -> bool:
    """A noun the word lists know for one that can speak: a person's role, a body, a group, an
    outlet, a document."""
    lex = lexicon()
    for word in (low, _singular(low), low[:-3] + "y" if low.endswith("ies") else low):
        if word in lex.agent_nouns or word in lex.roles or word in lex.vague_heads or word in lex.group_nouns or word in lex.outlets:
            return True
        if word in _BODY_WORDS or word in _DOCUMENT_WORDS or word in _REFERRED_DOCUMENTS or word in _ALWAYS_UNNAMED or word in _ONE_OF_MANY:
            return True
    return False


def _can_report(head) -> bool:
    """Can a noun phrase with this head say, report or hold a view? Not "the drinking", "a close
    look", "their show of force" (inanimate_nouns.txt and abstract endings); people, bodies and
    documents can (agent_nouns.txt, roles, vague heads)."""
    lex = lexicon()
    low = head.lower_
    if _known_agent(low):
        return True
    if low in lex.inanimate_nouns or _singular(low) in lex.inanimate_nouns:
        return False
    return not low.endswith(_ABSTRACT_ENDINGS)


def _role_surname(tok, book: NameBook) -> bool:
    """`King` in "King said" after "Congressman Pete King": a title word the article uses as the last
    word of a full name (not "the President", not a lone "President" line)."""
    if not (_wordlike(tok.text) and tok.text[:1].isupper()) or (tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("the", "a", "an")):
        return False
    for name in book.by_last.get(tok.lower_, []):
        words = name.split()
        if len(words) >= 2 and words[-2][:1].isupper() and words[-2].lower() not in lexicon().roles:
            return True  # "Pete King", not "French President"
    return False


_POLITICAL_CAMP = re.compile(r"^the\s+(?:(?:far|radical|hard|extreme|religious|alt|new)[\s-]+)?(?:left|right)$", re.IGNORECASE)
_ALWAYS_UNNAMED = {
    "source", "sources", "insider", "insiders", "aide", "aides", "adviser", "advisers", "advisor", "advisors",
    "ally", "allies", "associate", "associates", "confidant", "confidants", "friend", "friends", "supporter",
    "supporters", "loyalist", "loyalists", "staffers", "operatives", "people", "person",
}
# a person who asked not to be named
_ANONYMOUS = re.compile(
    r"anonym|unnamed|unidentified|not authori[sz]ed|(?:declined|asked) not to be|(?:not|n't) be (?:named|identified)"
    r"|without being (?:named|identified)|close to the|familiar with|knowledge of|briefed on",
    re.I,
)
# one unnamed person inside a named body ("a White House official said"): still unnamed
_ONE_OF_MANY = {
    "official", "source", "insider", "aide", "adviser", "advisor", "diplomat", "agent", "staffer", "employee",
    "officer", "member", "person", "operative", "strategist", "worker", "analyst", "lawmaker", "legislator",
}
# a person's own organisation or mouthpiece: identifiable once the person is
_BODY_OF_PERSON = {
    "campaign", "team", "office", "administration", "government", "spokesman", "spokeswoman", "spokesperson",
    "lawyer", "lawyers", "attorney", "attorneys", "statement", "website", "foundation", "company", "party",
    # what the person said or wrote: "His remarks indicated that …", "her memoir says …"
    "remarks", "remark", "comments", "comment", "speech", "testimony", "letter", "memo", "tweet", "tweets",
    "post", "posts", "interview", "words", "email", "emails", "memoir", "book", "op-ed", "column", "message",
}


# titles news copy abbreviates after giving them in full: "Attorney General Jeff Sessions … the AG"
_ROLE_ABBREVIATIONS = {
    "ag": "attorney general", "da": "district attorney", "pm": "prime minister", "fm": "foreign minister",
    "potus": "president", "sos": "secretary of state", "ceo": "chief executive",
}


def _singular(word: str) -> str:
    """'chairmen' -> 'chairman', 'lawmakers' -> 'lawmaker' (role words only need these two rules)."""
    if word.endswith("men"):
        return word[:-3] + "man"
    return word[:-1] if word.endswith("s") else word


_POLL_NAMED = re.compile(r"\b[A-Z][\w/&.’'-]*\s+(?:[A-Z][\w/&.’'-]*\s+)?(?:[Pp]oll|[Ss]urvey)\b")
_RESPONDENTS = re.compile(
    r"^(?:those|people|voters|adults|americans|respondents|likely voters)?\s*(?:surveyed|polled|questioned|interviewed|asked)$"
    r"|^(?:the\s+)?respondents$",
    re.IGNORECASE,
)
# "Twenty-four percent said", "six in 10 say", "half of voters say", "a majority of Democrats said":
# shares of a poll's respondents, as identifiable as the poll itself (guide §1 "Forty-one percent of
# respondents")
_NUMBER = r"(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?)"
_SHARE = re.compile(
    r"^(?:(?:about|nearly|roughly|almost|around|some|just|only|a\s+mere|more\s+than|fewer\s+than|less\s+than|at\s+least|over|under|close\s+to)\s+)*"
    r"(?:" + _NUMBER + r"\s*(?:percent|per\s+cent|%)|" + _NUMBER + r"\s+(?:in|out\s+of)\s+(?:10|ten|\d+)"
    r"|(?:a|one|two)[-\s]thirds?|(?:a|one|three)[-\s]quarters?|half|(?:a\s+|the\s+)?majorit(?:y|ies)|(?:a\s+|the\s+)?plurality)"
    r"(?:\s+(?:of|in)\s+.*)?$",
    re.IGNORECASE,
)


def how_far_back(back: int, named: str = "") -> str:
    """Where a name stood, for a `why` note: 'in the same sentence', '[named ]2 sentences earlier'."""
    if back == 0:
        return "in the same sentence"
    return f"{named}{back} sentence{'s' if back > 1 else ''} earlier"


def _people_named_together(doc, pron, book: NameBook) -> tuple[str, int] | None:
    """(names, sentences back) of the nearest subject in the two sentences before `pron` (or its own,
    before it) that names people together: proper names joined by 'and' ("Paradis and Bennett"),
    each by the fullest name; never a pronoun, a group word ("Democrats") or words inside a quote."""
    sents = [pron.sent]
    while len(sents) < 3 and sents[-1].start > 0:
        sents.append(doc[sents[-1].start - 1].sent)
    for back, sent in enumerate(sents):
        for t in reversed([t for t in sent if t.i < pron.i]):
            if t.dep_ not in ("nsubj", "nsubjpass") or t.pos_ != "PROPN" or book.inside_quote(t.idx):
                continue
            conj = [c for c in t.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
            if not conj:
                continue
            lo = min(x.i for x in t.subtree if x.pos_ in ("PROPN", "PUNCT", "CCONJ") or x.i == t.i)
            last = conj[-1]
            while any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in last.children):
                last = next(c for c in last.children if c.dep_ == "conj" and c.pos_ == "PROPN")
            toks = doc[lo : last.i + 1]
            if not (all(x.pos_ in ("PROPN", "CCONJ", "PUNCT") for x in toks) and toks[0].pos_ == "PROPN"):
                continue
            groups: list[list] = [[]]
            for x in toks:
                if x.pos_ in ("CCONJ", "PUNCT"):
                    groups.append([])
                else:
                    groups[-1].append(x)
            people = [book.fullest(_join(strip_roles(g) or g)) for g in groups if g]
            names = ", ".join(people[:-1]) + " and " + people[-1] if len(people) > 1 else _join(toks)
            return names, back
    return None


def _official_of_named_office(toks, head) -> bool:
    """`An FBI official told the Daily News …`: the office is named, as "Clayton County police" is,
    and the sentence does not say the person would not be named. A country names no office."""
    return head.lower_ in ("official", "officer") and not _ANONYMOUS.search(head.sent.text) and any(
        t.pos_ == "PROPN" and t.ent_type_ not in ("NORP", "GPE") and not is_demonym(t) and t.lower_ not in lexicon().countries
        for t in toks[1:-1]
    )


def describe_source(doc, lo: int, hi: int, book: NameBook, at_char: int) -> Source | None:
    """Turn the phrase doc[lo:hi] into a speaker: pronouns resolved, names made fullest."""
    if hi <= lo:
        return None
    tagged = book.tagged
    toks = [t for t in doc[lo:hi]]
    while toks and (toks[-1].is_punct or toks[-1].lower_ in ("and", "or", "but")):
        toks.pop()
    if book.parsed and len(toks) == 1 and toks[0].lower_ in ("who", "which", "that") and toks[0].head.dep_ == "relcl":
        # "…, who said …": the noun the clause hangs on
        noun = toks[0].head.head
        lo2, hi2 = np_bounds(noun)
        toks = [t for t in doc[lo2:hi2]]
    while toks and (toks[0].is_punct or toks[0].lower_ in ("and", "but", "so", "also")):
        toks.pop(0)
    if len(toks) > 1 and toks[0].is_sent_start and toks[0].lower_ in _TITLE_CASE_CUES:
        toks.pop(0)  # "Stated Stone:": the verb opening an inverted line, not part of the name
    opened = [k for k, t in enumerate(toks) if t.text == "("]
    if opened and not any(t.text == ")" for t in toks[opened[-1] :]):
        toks = toks[: opened[-1]]  # "Rep. Paul Ryan (R-WI) said": the parser stopped inside the party tag
    if not toks:
        return None
    phrase = _join(toks)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    nxt = doc[toks[-1].i + 1] if toks[-1].i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in ("surveyed", "polled", "questioned", "interviewed") and nxt.idx != at_char:
        phrase = f"{phrase} {nxt.text}"  # "those surveyed": the parser leaves the participle out
    if (_RESPONDENTS.match(phrase) or _SHARE.match(phrase)) and _POLL_NAMED.search(doc.text):
        # "those surveyed said": the respondents of the poll the article names
        return Source(phrase, True, f"'{phrase}': respondents of the poll the article names", start, end)
    if len(toks) <= 2 and toks[-1].text.lower() in _ROLE_ABBREVIATIONS and toks[-1].text.isupper():
        # "the AG said": the abbreviation of a title the article gave before a name
        titled = book.by_title(toks[-1].text)
        if titled:
            return Source(titled, True, f"'{phrase}' → {titled}", start, end)
    head = toks[-1]
    if book.parsed:
        # the syntactic head of the phrase: the token whose head lies outside it
        inside = {t.i for t in toks}
        heads = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
        if heads:
            head = heads[0]
    low = head.lower_
    if len(toks) == 1 and low == "his" and book.parsed:
        low = "he"  # a possessive the parser left as the subject ("… for his wife …, Bill Clinton said")
    if len(toks) == 1 and low in PERSON_PRONOUNS:
        got = book.resolve_pronoun(at_char, pronoun=low)
        if got:
            name, back = got
            return Source(name, True, f"'{head.text}' → {name}, {how_far_back(back, 'named ')}", start, end)
        # a person the article has in mind, though we could not tell who: still not an anonymous source
        return Source(head.text, True, f"'{head.text}' (nobody named before it)", start, end)
    if len(toks) == 1 and low == "they" and book.parsed and (head.i == 0 or doc[head.i - 1].lower_ != "as"):
        # "Paradis and Bennett … they say", "Autor, Dorn and Hanson … they argued": the people a
        # subject of the last sentences named together
        got = _people_named_together(doc, head, book)
        if got is not None:
            names, back = got
            return Source(names, True, f"'{head.text}' → {names}, {how_far_back(back, 'named ')}", start, end)
    if len(toks) == 1 and low in ("they", "it"):
        # news "they said" / "it said" points back at a group or body the article just named;
        # `as they say` is an idiom, and with nobody named before it the source stays unnamed
        prev = doc[head.i - 1].lower_ if head.i > 0 else ""
        if prev != "as" and any(m.start < at_char for m in book.mentions[:1]):
            return Source(head.text, True, f"'{head.text}' → the group or body named before", start, end)
        return Source(head.text, False, f"'{head.text}' with no named group", start, end)
    if len(toks) == 1 and low in GROUP_PRONOUNS:
        return Source(head.text, False, f"'{head.text}' with no named group", start, end)
    if low == "police" and len(toks) <= 2 and toks[0].lower_ in ("the", "police"):
        # `police say` after the article named the force ("the Westerville Division of Police")
        forces = [m.group(1) for m in _POLICE_FORCE.finditer(doc.text, 0, start)]
        # "the Las Vegas police", "the Las Vegas Metropolitan Police Department": one force, its fullest name
        places = {next((w for w in f.lower().split() if w != "the"), "") for f in forces}
        if forces and len(places) == 1:
            force = max(forces, key=len)
            return Source(force, True, f"'{phrase}' → {force}, the force the article names", start, end)
    if low == "prosecutors" and len(toks) <= 2 and toks[0].lower_ in ("the", "federal", "prosecutors"):
        # `prosecutors said` in an article that names the prosecution ("Assistant U.S. Attorney
        # Maya D. Song", "the Manhattan District Attorney's office"), as a named force names `police`
        office = _PROSECUTION.search(doc.text)
        if office:
            # (the speaker stays the prosecutors, not the one prosecutor named)
            return Source(phrase, True, f"'{phrase}': the prosecution of {office.group(0).strip()}, whom the article names", start, end)
    if book.parsed and (low in lexicon().vague_heads or low in lexicon().group_nouns):
        # "Some observers, including professor Zeynep Tufekci, …", "Other Republicans, like Mitt
        # Romney, …": a named person among them
        for c in head.children:
            such_as = c.lower_ == "as" and c.i > 0 and doc[c.i - 1].lower_ == "such"
            if (c.lower_ in ("including", "like") or such_as) and c.dep_ in ("prep", "acl"):
                obj = next((g for g in c.children if g.dep_ in ("pobj", "dobj")), None)
                if obj is None or not is_propn(obj, tagged) or is_role(obj) or is_demonym(obj):
                    break
                run = [obj]
                while run[0].i - 1 > c.i and is_propn(doc[run[0].i - 1], tagged) and not is_role(doc[run[0].i - 1]):
                    run.insert(0, doc[run[0].i - 1])
                name = book.fullest(_join(run))
                return Source(name, True, f"'{phrase}' including {name}", start, end)
    if book.parsed and head.pos_ in ("NOUN",) and not is_propn(head, tagged) and not _known_name(head, book) and not _can_report(head):
        # "the drinking continued", "a close look at the jets suggests": no one reports here
        return None
    if book.parsed and (head.like_num or head.lower_ in QUANTIFIER_WORDS):
        # "one of Carson's advisers", "some of Clinton's aides": unnamed people around a named one
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        member = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if member is not None and member.lower_ in _ALWAYS_UNNAMED:
            return Source(phrase, False, f"'{phrase}': unnamed people around a named one", start, end)
    if phrase == "WHO":
        return Source(phrase, True, "'WHO': the World Health Organization", start, end)
    if _POLITICAL_CAMP.match(phrase):
        # "The Left maintains that …": a whole political camp, however capitalised
        return Source(phrase, False, f"'{phrase}': a political camp, no one a reader can check", start, end)
    # `many Latinos`, `most Republicans`, `several Clinton supporters`: unnamed members of a group
    # (the guide's `some NATO members`), however capitalised the group is
    if toks[0].lower_ in _GROUP_QUANTIFIERS and (head.tag_ in ("NNS", "NNPS") or low.endswith("s")) and head.i != toks[0].i:
        return Source(phrase, False, f"'{phrase}': unnamed members of a group", start, end)
    # names inside the phrase, trailing run of proper nouns ending at the head
    proper = [t for t in toks if (is_propn(t, tagged) or _known_name(t, book)) and not is_role(t) and not t.is_punct
              and not _sentence_case_only(t, book)]
    # `Democrats blasted …`, `conservative Republicans say`: a large group, named by nothing else
    if low in lexicon().group_nouns and (head.tag_ in ("NNPS", "NNS") or low.endswith("s")) and all(
        t.lower_ in lexicon().group_nouns or is_demonym(t) or t.i == head.i for t in proper
    ):
        return Source(phrase, False, f"'{phrase}': a large group, no one a reader can check", start, end)
    # `his campaign`, `her team`, `his spokesman`: the body or the voice of the person the pronoun
    # points at
    if (
        book.parsed and low in _BODY_OF_PERSON and toks[0].lower_ in ("his", "her") and toks[0].head.i == head.i
        and not any(c.dep_ == "appos" for c in head.children)  # "Her spokesman, Nick Merrill,": the name
    ):
        got = book.resolve_pronoun(at_char, pronoun=toks[0].lower_)
        if got:
            return Source(f"{got[0]}’s {low}", True, f"'{phrase}' → {got[0]}’s {low}", start, end)
    # a role word the article uses as a surname ("Congressman Pete King" ... "King said") is a name
    head_proper = (is_propn(head, tagged) or _known_name(head, book)) and (not is_role(head) or _role_surname(head, book)) \
        and not is_demonym(head) and not _sentence_case_only(head, book)
    if head_proper and head.i == toks[0].i and head.is_sent_start and low in lexicon().vague_heads:
        head_proper = False  # "Police said …": capitalised only because it opens the sentence
    if head_proper and book.parsed:
        # "World Health Organization (WHO) official Peter Salama": the parser made the body the
        # head and the person its apposition; the person (a role word, then a first name we know) speaks
        for c in head.children:
            if c.dep_ == "appos" and c.i > head.i and is_propn(c, tagged) and c.i - head.i <= 6:
                k = c.i
                while k - 1 > head.i and is_propn(doc[k - 1], tagged) and not is_role(doc[k - 1]):
                    k -= 1
                run = list(doc[k : c.i + 1])
                if len(run) >= 2 and k - 1 > head.i and is_role(doc[k - 1]) and book.gender(_join(run)) is not None:
                    name = book.fullest(_join(run))
                    return Source(name, True, f"'{_join(doc[toks[0].i : c.i + 1])}' → {name}", start, c.idx + len(c))
    if head_proper:
        j = head.i
        run = [head]
        while j - 1 >= toks[0].i and (is_propn(doc[j - 1], tagged) or doc[j - 1].text in ("-", ".")) \
                and (not is_role(doc[j - 1]) or doc[j].lower_ in _NAME_SUFFIXES or j == head.i and low in _BODY_WORDS) \
                and not _title_office(doc[j - 1]):
            # (a title-like word right before a body's word names the body: "Justice Department")
            j -= 1
            run.insert(0, doc[j])
        # extend to the right ("Dmitry Peskov" when the head is Dmitry in a flat name)
        j = head.i
        while j + 1 <= toks[-1].i and is_propn(doc[j + 1], tagged) and not is_role(doc[j + 1]):
            j += 1
            run.append(doc[j])
        # "the Justice Department": the title-like word stays part of the body's name
        titled_body = low in _BODY_WORDS and len(run) >= 2 and run[-1].i == head.i and is_role(run[-2])
        run = run if titled_body else _from_first_name(strip_roles(run) or run, book.lower_words)
        if run and run[-1].i == head.i and low in _BODY_WORDS:
            # "the Department of Justice", "the Department of Health and Human Services", "the
            # Committee on House Administration": a body's name goes on past its 'of'
            prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "on", "for") and c.i == head.i + 1), None)
            tail = list(doc[prep.i + 1 : toks[-1].i + 1]) if prep is not None else []
            while tail and not (is_propn(tail[-1], tagged) and tail[-1].text[:1].isupper()):
                tail.pop()
            if tail and all(t.text[:1].isupper() or t.lower_ in ("and", "&", "the", "of") for t in tail):
                run = run + [prep] + tail
        sex = _gendered_titles().get(doc[run[0].i - 1].lower_) if run[0].i > 0 else None  # "Mrs." Clinton
        name = book.fullest(_join(run), sex)
        how = f"'{phrase}'" + (f" → {name}" if name != phrase else "")
        return Source(name, True, how, start, end)
    if (
        toks[0].lower_ in ("the", "these", "both") and (head.tag_ == "NNS" or low.endswith("s"))
        and (toks[0].lower_ == "both" or any(t.like_num for t in toks[1:]))
        and (is_role(head) or _singular(low) in lexicon().roles) and book.mentions and book.mentions[0].start < at_char
    ):
        # "the two lawmakers", "both senators": the people the article has named
        return Source(phrase, True, f"'{phrase}': the people the article has named", start, end)
    if book.parsed and not head_proper and any(
        c.dep_ in ("relcl", "acl") and _ANONYMOUS.search(" ".join(t.text for t in c.subtree)) for c in head.children
    ):
        # "The minister, who asked not to be named, said": a description that withholds the name
        return Source(phrase, False, f"'{phrase}', whom the article will not name", start, end)
    if toks[0].lower_ in ("a", "an", "one", "another") and low in _ONE_OF_MANY and not any(
        c.dep_ == "appos" for c in head.children
    ) and not (book.parsed and _official_of_named_office(toks, head)):
        # "a State Department diplomatic security agent", "a White House official who spoke
        # anonymously": one unnamed person inside a body, not the body's voice
        return Source(phrase, False, f"'{phrase}': one unnamed person", start, end)
    if book.parsed:
        # "One Republican hopeful, Carly Fiorina, says": the name in apposition to a descriptor;
        # "his best friend at Lehigh, Bruce Turry": the parser hung it on the place instead
        inner_appos = [c for t in toks if t.dep_ == "pobj" and t.head.head.i == head.i for c in t.children
                       if c.dep_ == "appos" and c.i == toks[-1].i and book.gender(_join([x for x in c.subtree if is_propn(x, tagged)])) is not None]
        for c in list(head.children) + inner_appos:
            if c.dep_ == "appos" and is_propn(c, tagged) and not is_role(c) and not is_demonym(c):
                run = [t for t in c.subtree if is_propn(t, tagged) and not is_role(t) and t.i <= c.i]
                run = strip_roles(run) or run
                if run and run[-1].i == c.i and all(b.i == a.i + 1 for a, b in zip(run, run[1:])):
                    name = book.fullest(_join(run))
                    said = phrase if phrase.endswith(_join(run)) else f"{phrase}, {_join(run)}"
                    return Source(name, True, f"'{said}' → {name}", start, end)
                break
    if low in _DOCUMENT_WORDS and proper:
        # titles in front of the name go ("Press Secretary Josh Earnest's statement"), a title word
        # inside a body's name stays ("the Associated Press report")
        run = strip_roles([t for t in toks if is_propn(t, tagged)])
        name = _join(run) if any(not is_role(t) for t in run) else ""
        if name:
            return Source(name, True, f"'{phrase}' → {name}", start, end)
    if book.parsed and is_role(head) and head.i == toks[0].i:
        # "Minister of Foreign Affairs Sergei Lavrov", "Speaker of the House Paul Ryan": the person
        # the long title ends in
        run = []
        for t in reversed(toks):
            if not is_propn(t, tagged) or is_role(t):
                break
            run.insert(0, t)
        run = _from_first_name(run, book.lower_words, after_title=True)
        if len(run) >= 2 and run[-1].i == toks[-1].i:
            name = book.fullest(_join(run))
            return Source(name, True, f"'{phrase}' → {name}", start, end)
    # a descriptor: title used before a name elsewhere in the article?
    titled = book.by_title(phrase)
    if titled:
        return Source(titled, True, f"'{phrase}' → {titled}", start, end)
    if len(toks) == 2 and toks[0].lower_ == "the" and head.i == toks[1].i and head.tag_ == "NN":
        # "the paper" → the newspaper last named; "the investor" → "billionaire investor Mark
        # Cuban": the one person the article described so
        named = _outlet_before(book, low, at_char) or _described_before(doc.text, low, at_char, book)
        if named:
            return Source(named, True, f"'{phrase}' → {named}, described so before", start, end)
    # "office of Italy's Prime Minister Giorgia Meloni": the person named at the end of the phrase
    # (found by the entity recogniser when it runs, else as the trailing run of proper nouns)
    if low == "office":
        run = [t for t in toks if t.ent_type_ == "PERSON"]
        if not run:
            for t in reversed(toks):
                if not is_propn(t, tagged):
                    break
                run.insert(0, t)
        run = strip_roles(run)
        if run and (any(t.ent_type_ == "PERSON" for t in run) or len(run) >= 2 or book.gender(_join(run)) is not None):
            name = book.fullest(_join(run))
            return Source(name, True, f"'{phrase}' → {name}", start, end)
    named_body = [t for t in proper if not is_demonym(t) and t.ent_type_ not in ("NORP", "DATE")]
    if (named_body and low in lexicon().vague_heads and not is_role(head) or low in ("officials", "diplomats", "sources")) and low != "police":
        # "U.S. officials", "Gulf sources": a country names no office ("Paris police", "police in
        # Ohio" name a force, as "Clayton County police" does)
        place = " ".join(t.lower_ for t in named_body)
        if place in lexicon().countries or all(t.lower_ in lexicon().countries for t in named_body):
            named_body = []
    vague = identifiable = False
    if low in lexicon().vague_heads or any(t.lower_ in QUANTIFIER_WORDS for t in toks):
        vague = True
    if named_body and low in _ALWAYS_UNNAMED:
        pass  # "Pentagon sources", "Law enforcement sources": people inside a body, never named
    elif low in ("official", "officials") and head.i > 0 and doc[head.i - 1].lower_ == "administration":
        # "Obama administration officials", "a senior Administration official": a whole
        # government's people, no office a reader could ask
        named_body = []
    elif named_body:
        identifiable = True
        vague = False if not any(t.lower_ in QUANTIFIER_WORDS for t in toks) or named_body else vague
    elif not vague and low not in lexicon().vague_heads:
        # singular definite role ("the French president", "the ministry"), or any named organisation
        first = phrase.split()[0].lower() if phrase.split() else ""
        identifiable = first in ("the", "this") and head.tag_ not in ("NNS",) and not low.endswith("s")
        if not identifiable and first in ("the", "these", "both") and (is_role(head) or _singular(low) in lexicon().roles) and book.mentions and book.mentions[0].start < at_char:
            # "the two lawmakers", "the committee chairmen": the people the article has named
            identifiable = True
    if vague and named_body and low not in _ALWAYS_UNNAMED:
        vague = False
    if vague and low in _REFERRED_DOCUMENTS and toks[0].lower_ in ("the", "this") and head.tag_ != "NNS" and not low.endswith("s"):
        # `the report said`, `the congressional report said`: the report the article introduced
        vague, identifiable = False, True
    if low == "results" and toks[0].lower_ == "the" and len(toks) <= 3 and _POLL_NAMED.search(doc.text):
        # `according to the results`: the results of the poll the article names
        return Source(phrase, True, f"'{phrase}': results of the poll the article names", start, end)
    if vague or not identifiable:
        return Source(phrase, False, f"'{phrase}' names no one a reader can check", start, end)
    return Source(phrase, True, f"'{phrase}'", start, end)


# people known by what they do or are, not by an office ("the investor", "the actor", "the witness")
_PERSON_DESCRIPTORS = {
    "investor", "billionaire", "businessman", "businesswoman", "entrepreneur", "actor", "actress", "singer",
    "rapper", "comedian", "musician", "author", "writer", "novelist", "filmmaker", "director", "activist",
    "witness", "survivor", "victim", "veteran", "student", "professor", "teacher", "doctor", "physician",
    "pastor", "preacher", "rabbi", "imam", "coach", "quarterback", "athlete", "player", "blogger", "host",
    "anchor", "columnist", "economist", "historian", "scientist", "researcher", "lawyer", "attorney",
}
# ("the website", "the site" are left alone: often the site of whoever the story is about)
_OUTLET_NOUNS = {"paper", "newspaper", "daily", "network", "magazine", "broadcaster", "publication", "tabloid", "weekly"}
_NAME_RUN = r"([A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|bin|al)){0,3})"


def _outlet_before(book: NameBook, noun: str, at_char: int) -> str | None:
    """'the paper', 'the network': the newspaper or broadcaster the article named last."""
    if noun not in _OUTLET_NOUNS:
        return None
    for m in reversed(book.mentions):
        if m.start >= at_char:
            continue
        words = m.name.lower().split()
        if words and (words[-1] in _PAPER_WORDS or m.name.lower() in lexicon().outlets or " ".join(words[-2:]) in lexicon().outlets):
            return m.name
    return None


def _described_before(text: str, noun: str, at_char: int, book: NameBook) -> str | None:
    """'the investor' after 'billionaire investor Mark Cuban', 'the actor' after 'actor Michael B.
    Jordan': the one person the article described so, or None."""
    if noun not in _PERSON_DESCRIPTORS:
        return None
    names = {m.group(1) for m in re.finditer(rf"\b{noun}\s+{_NAME_RUN}", text[:at_char])}
    names = {book.fullest(n) for n in names if len(n.split()) >= 2 and book.is_person(n)}
    return names.pop() if len(names) == 1 else None


# the last word of a newspaper's or a broadcaster's name ("Cincinnati Enquirer", "Chicago Tribune")
_PAPER_WORDS = {
    "enquirer", "times", "post", "news", "journal", "tribune", "herald", "gazette", "globe", "telegraph",
    "guardian", "examiner", "observer", "chronicle", "star", "sun", "daily", "press", "magazine", "network",
    "radio", "tv", "wire", "bulletin", "courier", "dispatch", "register", "record", "inquirer", "reporter",
}
