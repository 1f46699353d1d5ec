"""One sourcing label for every sentence of the body (ANNOTATION_GUIDE §2).

Registered as the spaCy component `sourcelight_sourcing` (after `sourcelight_quotes`);
sets `doc._.sl_sentences`, a list of `Span(kind="sentence")` covering every non-blank
sentence once, in order, trimmed of whitespace.

Order of the checks for one sentence:
1. inside or holding an attributed quote -> `attributed` (or `vague_source` when the
   speaker is someone no reader can identify);
2. headline, byline, dateline, caption, boilerplate, a question or instruction to the
   reader -> `not_claim`;
3. reported speech (`Scholz also stressed that…`, `…, reports CNN`, `according to X`):
   an identifiable source -> `attributed`; an unnamed one (`sources say`, `critics say`,
   `citing sources familiar with…`) -> `vague_source`;
4. phrases that credit nobody (`it is said`, `reportedly`, `is expected to`) -> `vague_source`;
5. anything else the author asserts -> `unsourced`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from desktop.analysis.model import Span
from desktop.analysis.segment import DATELINE_HEAD
from desktop.resources import read_lines, word_set
from desktop.analysis.speakers import (
    _BODY_WORDS,
    _can_report,
    _closes_after_name,
    _known_agent,
    _singular,
    BARE_TITLES,
    PERSON_PRONOUNS,
    QUANTIFIER_WORDS,
    NameBook,
    Source,
    agent_of,
    describe_source,
    find_cue_phrase,
    has_parse,
    has_tags,
    is_cue_verb,
    is_propn,
    is_role,
    lexical_np_after,
    lexical_np_before,
    lexicon,
    np_bounds,
    passive_use,
    phrases_by_first,
    subject_of,
)

if not Doc.has_extension("sl_sentences"):
    Doc.set_extension("sl_sentences", default=None)
# (start, end) of posts embedded whole (a tweet and its signature), for `emotive`
if not Doc.has_extension("sl_posts"):
    Doc.set_extension("sl_posts", default=None)

# ", which is a dangerous escalation": the author's judgement hung on someone's report
_AUTHOR_JUDGEMENT = re.compile(
    r",\s+which\s+(?:is|was|would\s+be|will\s+be|could\s+be|has\s+been|marks|means|amounts|shows|proves|makes)\b",
    re.IGNORECASE,
)
# the author's verdict on what was said: `falsely claimed`, `repeating a false claim`,
# `claimed without any evidence`, `a claim that has been debunked`
_AUTHOR_VERDICT = re.compile(
    r"\b(?:falsely|wrongly|baselessly|erroneously|incorrectly|misleadingly|mistakenly|inaccurately)\s+"
    r"(?:\w+\s+)?(?:claim|claims|claimed|claiming|said|saying|says|asserted|asserting|suggested|suggesting|stated|stating|"
    r"accused|accusing|insisted|insisting|blamed|blaming|alleged|alleging|described|describing|called|calling)\b"
    r"|\b(?:a|the|his|her|their|its|this|that)\s+(?:(?:false|baseless|debunked|unfounded|unsubstantiated|discredited|bogus|"
    r"untrue|erroneous|misleading|inaccurate)(?:\s+and\s+\w+)?)\s+(?:claim|assertion|allegation|conspiracy theory|theory|charge|"
    r"statement|notion|narrative|talking point|account|story|rumor|rumour)s?\b"
    r"|\bwithout\s+(?:any\s+|offering\s+(?:any\s+)?|providing\s+(?:any\s+)?|citing\s+(?:any\s+)?)?evidence\b(?!\s+of\b)"
    r"|\b(?:a\s+)?claim\s+(?:that\s+)?(?:has\s+been|was)\s+(?:widely\s+)?(?:debunked|disproven|discredited)\b",
    re.IGNORECASE,
)
_CHARACTERISE = {"call", "label", "brand", "dub", "term", "describe", "slam", "criticize", "praise", "blast",
                 "hail", "mock", "decry", "condemn", "dismiss", "reject", "defend", "denounce"}
# "criticized the group for promoting …": the reason given is the source's claim
_BLAME_FOR = {"slam", "criticize", "praise", "blast", "condemn", "denounce", "mock", "thank", "fault", "commend"}
_MODALS = {"could", "would", "might", "may", "should", "can", "must", "ca"}
_TERMINAL = re.compile(r"[.!?…:;][\"”’»)\]]*$")
_QUESTION = re.compile(r"\?[\"”’»)\]]*$")
# a page's style sheet left in scraped text: "width:100%;", "font-family:Helvetica, Arial, sans-serif;",
# ".image-wrap img {", "@media screen and (max-width: 600px) {", "}."
_STYLE_SHEET_LINE = re.compile(
    r"^(?:-?[a-z]+(?:-[a-z]+)*\s*:\s*[^\s;{}:]+(?:[ ,]+[^\s;{}:]+){0,4}\s*;\s*)+$"
    r"|^[.#@][\w-]+(?:[\s,]+[.#]?[\w-]+|\s*\([\w-]+:\s*\w+\))*\s*\{$"
    r"|^\}\.?$"
)
# a sentence that is only a dateline: the pattern the segmenter splits datelines off by
_DATELINE = re.compile(DATELINE_HEAD + r"\s*[-–—]+$")
_ABOUT_THE_AUTHOR = re.compile(
    r"^(?:[A-Z][\w.'’-]+\s+){1,3}(?:is|was)\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,3})?"
    r"(?:editor|contributor|columnist|writer|author|co-author|reporter|correspondent|blogger|commentator|fellow)\b"
)
# "Here are the eight accusations he faces:", "Here’s what happened to him:": a pointer to the lines after
_HERE_IS = re.compile(r"^(?:Here|Below)(?:'s|’s|\s+is|\s+are)\b|^(?:(?:But|And)\s+)?There(?:'s|’s|\s+is)\s+(?:even\s+|much\s+)?more\b")
# a byline inside a scraped line: a name in capitals after "by", or a wire service
_BYLINE_INSIDE = re.compile(
    r"\b[Bb]y\s+[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){1,2},\s+[A-Z]{2,}|\bBy\s+(?:The\s+)?(?:Associated Press|Reuters|AFP|Agence France-Presse)\s+[A-Z]{3,}"
)
_BYLINE = re.compile(
    r"^(?:By|BY|Written by|Words by|Reporting by)\s+[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|da|di|del|van|von|der|al|bin|la|le|du|dos))"
    r"{0,5}\s*(?:(?:[,|]|and\b).{0,60})?$"
)
_DATE_LINE = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\s+\d{4})\s*$"
)
_IMPERATIVE = re.compile(
    r"^(?:please\s+)?(?:click|tap|share|follow|subscribe|sign up|sign in|log in|register|donate|read|watch|listen|"
    r"download|join|support|contact|email|write to|send|visit|see|check out|find out|learn more|don['’]t miss|"
    r"give|become|comment|get|try|help us|tell us|let us know)\b",
    re.IGNORECASE,
)
# a verb in the sentence: no verb and no terminal mark means a heading or a label
_ANSWER_OPTION = re.compile(r"^(?:Yes|No)\b[,.!]")  # "Yes, he will be confirmed." under a poll question
# "No    58%.", "Undecided   9%.": the rows of a poll graphic
_CHART_ROW = re.compile(r"^[A-Z][\w'’/ -]{0,30}?\s+\d{1,3}(?:\.\d+)?\s*%\.?$")
# words a title-case heading capitalises that a sentence would not ("Hid It For Years", "Was Just")
_HEADLINE_CAPS = {
    "Is", "Are", "Was", "Were", "Has", "Have", "Had", "Be", "Been", "Will", "Would", "Can", "Could", "Do", "Does",
    "Did", "Not", "It", "He", "She", "They", "We", "You", "His", "Her", "Their", "Its", "This", "That", "These",
    "Those", "What", "Who", "How", "Why", "When", "Just", "Into", "Over", "After", "Before", "About", "Up", "Out",
    "All", "More", "Most", "Than", "For", "To", "Of", "In", "On", "At", "By", "With", "From", "Why", "Your", "Our",
    "Him", "Them", "Me", "Us", "My", "If", "Now", "Says", "Said", "Makes", "Gets", "Takes", "Goes",
}
_SMALL_WORDS = {"a", "an", "the", "and", "or", "but", "nor", "to", "of", "in", "on", "at", "for", "by", "with", "from", "as", "vs", "via"}


def _title_case_heading(words: list[str]) -> bool:
    """`The Email That Makes Benghazi Look Way Worse Was Just Released`: every word but the small
    ones capitalised, including words a sentence never capitalises mid-way."""
    content = [w for w in words if w.lower() not in _SMALL_WORDS and not w.isdigit()]
    if len(content) < 4 or len(words) > 30:
        return False
    capped = [w for w in content if w[:1].isupper()]
    if len(capped) < 0.9 * len(content):
        return False
    return sum(1 for w in words[1:] if w in _HEADLINE_CAPS) >= 2


_NEEDS_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|be|been)\b", re.IGNORECASE)


_PUBLIC_STANCE = {
    "denounce", "condemn", "decry", "criticize", "slam", "blast", "praise", "hail", "lambaste", "assail", "rebuke",
    "applaud", "defend", "blame",
}
# "Sanders questioned Mr. Trump's veracity": doubt cast on a claim or a thing, not on a person
# ("police questioned the suspect" is an interview)
_PUBLIC_DOUBT = frozenset("question questions questioned questioning dispute disputes disputed disputing".split())
# a passive whose subject is the news and whose agent broke it: "was first reported by MSNBC"
_REPORTED_BY = {"report", "announce", "confirm", "disclose", "reveal"}


@lru_cache(maxsize=1)
def _acts() -> dict[str, frozenset[str]]:
    """resources/attribution/reporting_acts.txt: `name: word word …` lines."""
    out: dict[str, set[str]] = {}
    for line in read_lines("attribution", "reporting_acts.txt"):
        name, _, words = line.partition(":")
        out.setdefault(name.strip(), set()).update(w.lower() for w in words.split())
    # every form that can start an act, to skip all other tokens at once
    out["_triggers"] = out["issue"] | out["decline"] | out["show"] | out["voice"] | out["deliver"] | {
        form for form, base in lexicon().verb_forms.items() if base in _PUBLIC_STANCE
    } | _PUBLIC_DOUBT
    return {k: frozenset(v) for k, v in out.items()}


def _characterises(tok, base: str) -> bool:
    """A characterisation is the source's claim: `accused Republicans of …`, `called him a liar`,
    `slammed the plan as unrealistic`, `described it as …`, `criticized the group for …`. The
    parser may hang the "of …" / "as …" / "for …" on the object ("accused the president of
    politicizing …") or make "as …" a clause ("described the dinner as Washington celebrating itself")."""
    reach = list(tok.children) + [g for c in tok.children if c.dep_ == "dobj" for g in c.children]
    if base == "accuse" and any(c.dep_ == "prep" and c.lower_ == "of" for c in reach):
        return True
    if base in _CHARACTERISE and any(
        c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as")
        or (c.dep_ == "advcl" and c.tag_ == "VBG" and any(g.dep_ == "mark" and g.lower_ == "as" for g in c.children))
        for c in reach
    ):
        return True
    if base in ("call", "label", "brand", "dub", "term") and any(
        # "called her fallen son her hero": the parser made the second noun an apposition of the
        # first; one set off by a comma ("called his brother, John,") is a name, not a label
        g.dep_ == "appos" and g.left_edge.i > 0 and g.doc[g.left_edge.i - 1].text not in (",", "(", "—", "–", "-")
        for c in tok.children if c.dep_ == "dobj" for g in c.children
    ):
        return True
    return base in _BLAME_FOR and any(c.dep_ == "prep" and c.lower_ == "for" for c in reach)


def _compound_holder(tok):
    """`…, FEC records show.`: the word right before a verb that the parser made the verb's
    compound (it took 'records' for a verb too); the holder of what is shown. Or None."""
    if tok.i == tok.sent.start:
        return None
    before = tok.doc[tok.i - 1]
    return before if before.dep_ == "compound" and before.head.i == tok.i else None


def _a_person(tok) -> bool:
    """A common noun for people ('the suspect', 'two witnesses', 'the spokesman')."""
    low = tok.lower_
    forms = {low, low[:-1] if low.endswith("s") else low, low[:-2] if low.endswith("es") else low}
    lex = lexicon()
    return is_role(tok) or any(
        f in lex.roles or f in lex.agent_nouns or f in lex.vague_heads or f in lex.group_nouns
        or f in word_set("attribution", "anaphoric_roles.txt") or f in ("suspect", "detainee", "prisoner")
        for f in forms
    )


def _clean_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class _Labeller:
    def __init__(self, doc):
        self.doc = doc
        self.text = doc.text
        self.parsed = has_parse(doc)
        self.tagged = has_tags(doc)
        infos = doc._.sl_quote_info or []
        self.quotes = [(i.span.start, i.span.end, i) for i in infos]
        self.quote_starts = [q[0] for q in self.quotes]
        # every quoted stretch (attributed or not), so cues inside quotes are not the author's
        ctx = doc._.sl_quote_ctx
        doc._.sl_quote_ctx = None
        if ctx is None:
            from desktop.analysis.quotes import find_quoted

            ctx = ([(q.start, q.end) for q in find_quoted(doc.text)], None)
        self.all_quoted = ctx[0]
        self.all_quoted_starts = [a for a, _ in self.all_quoted]
        self.book = ctx[1] if ctx[1] is not None else NameBook(doc, self.all_quoted)
        if ctx[1] is None:
            for s, e, info in self.quotes:
                if info.span.speaker:
                    self.book.note_speaker(s, info.span.speaker)
        self.byline_names: set[str] = set()
        # only the article's opening holds a headline, not the start of a later chunk
        self.headline_end = _headline_end(self.text) if not doc.user_data.get("sl_offset") else 0
        self.unnamed_one_at: list[int] = []  # sentences credited to "a/an/one …" unnamed person
        self.credited: list[tuple[int, str]] = []  # (sentence index, source) of attributed sentences
        self.posts = _embedded_posts(self.text) + _transcript_turns(self.text)
        self.posts.sort()
        self.post_starts = [p[0] for p in self.posts]

    # ------------------------------------------------------------------ helpers

    def _post_at(self, start: int, end: int):
        """The embedded post or transcript turn (start, end, author, kind) holding the sentence, or None."""
        k = bisect.bisect_right(self.post_starts, start) - 1
        for j in (k, k + 1):
            if 0 <= j < len(self.posts):
                a, b = self.posts[j][0], self.posts[j][1]
                if a <= start < b or (start <= a < end and b >= end):
                    return self.posts[j]
        return None

    def in_quoted(self, pos: int) -> bool:
        k = bisect.bisect_right(self.all_quoted_starts, pos) - 1
        return k >= 0 and self.all_quoted[k][0] <= pos < self.all_quoted[k][1]

    def quotes_overlapping(self, start: int, end: int):
        k = bisect.bisect_right(self.quote_starts, end) - 1
        out = []
        while k >= 0:
            qs, qe, info = self.quotes[k]
            if qe <= start:
                if start - qe > 20000:
                    break
                k -= 1
                continue
            if qs < end:
                out.append(info)
            k -= 1
        return out

    # ------------------------------------------------------------------ the checks

    def not_claim(self, sent_text: str, para_text: str, is_whole_para: bool, first_para: bool, start: int) -> str | None:
        s = sent_text.strip()
        lex = lexicon()
        for pat in lex.boilerplate:
            if pat.search(s):
                return "boilerplate (share, subscribe, credits or disclaimer)"
        if _BYLINE.match(s):
            m = re.match(r"^(?:By|BY|Written by|Words by|Reporting by)\s+(.*)$", s)
            if m:
                for w in re.findall(r"[A-Z][\w'’-]+", m.group(1)):
                    self.byline_names.add(w)
            return "byline"
        if _DATELINE.match(s):
            return "dateline"
        if _ABOUT_THE_AUTHOR.match(s) and len(self.text.rstrip()) - (start + len(sent_text)) < 400:
            # "Paul Joseph Watson is the editor at large of Infowars.com.", "Kington is a special
            # correspondent.": the note about the writer closing the article
            return "about the author (a note closing the article)"
        if _HERE_IS.match(s) and s.endswith(":"):
            return "a lead-in to what follows ('Here are …:')"
        if _BYLINE_INSIDE.search(s) and not s.endswith((".", "!", "?", "”", '"')):
            # a headline, byline and dateline run together on one scraped line: "Police identify
            # suspect … by SARAH WYNN, WSYX/WTTE Saturday, …", "… By The Associated Press WESTERVILLE, Ohio —"
            return "a headline run into its byline"
        if _STYLE_SHEET_LINE.match(para_text.strip()):
            return "page code (a style sheet) left in the text"
        words = re.findall(r"\w+", s)
        if not words:
            return "no words"
        first_word = words[0]
        if self.byline_names and first_word in self.byline_names and re.match(r"^\w+(?:\s+\w+){0,3}\s+(?:is|was|has been)\s+an?\s", s):
            return "about the author"
        if _QUESTION.search(s):
            return "a question in the author's voice"
        if is_whole_para and len(words) <= 6 and sum(c.isupper() for c in s) >= 0.8 * sum(c.isalpha() for c in s) > 0:
            return "a heading in capitals"
        if len(words) <= 4 and s.endswith(":") and para_text.lstrip().startswith(s) and s[:-1].isupper():
            return "a label in capitals opening the paragraph ('EDITOR'S NOTE:')"
        bare_para = para_text.lstrip("*•·-–— \t")  # "* Yes, he will be confirmed." in a form
        if (is_whole_para or bare_para == s) and len(words) <= 12 and (
            _ANSWER_OPTION.match(s) and self._after_question(start) or self._after_options(start)
        ):
            return "an answer option of a poll"
        if (is_whole_para or bare_para == s) and _CHART_ROW.match(s):
            return "a row of a chart or poll graphic"
        if len(para_text) < 400 and _title_case_heading(re.findall(r"\w+", para_text) if not is_whole_para else words):
            return "a heading in title case"
        if _IMPERATIVE.match(s) and not re.match(r"^\w+\s+(?:is|are|was|were|has|have)\b", s):
            return "an instruction to the reader"
        para_words = len(re.findall(r"\w+", para_text))
        if not is_whole_para and not _TERMINAL.search(para_text) and para_words <= 14 and not _TERMINAL.search(s):
            return "part of a heading or label line (no sentence punctuation)"
        low_words = [w.lower() for w in words]
        if is_whole_para and s.endswith(":") and len(words) <= 4 and not any(w in lex.verb_forms for w in low_words) \
                and find_cue_phrase(low_words) is None and not (self.parsed and any(t.pos_ in ("VERB", "AUX") for t in self._tokens(s))):
            # "Arrest Information:", "Highlights:", "12:50 p.m.:" (but "According to Ritter:" credits
            # the lines after it)
            return "a label line ending in a colon"
        if is_whole_para and not _TERMINAL.search(s) and len(words) <= 14:
            if not (self.parsed and any(t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" for t in self._tokens(s))) or len(words) <= 8 or s.istitle() or _DATE_LINE.search(s):
                return "a heading or label line (no sentence punctuation)"
        if _DATE_LINE.search(s) and len(words) <= 10 and not _NEEDS_VERB.search(s):
            return "a date line"
        return None

    def _headlinese(self, sent, stext: str, end: int) -> bool:
        """`Sanders praises Obama after 45-minute meeting.`, `Spain struggles to form government.`,
        `NSA leaker critical.`: a short paragraph in headline style (no article first, no 'is' or
        'has', no pronoun, a present-tense or participle verb or none) right after the headline or
        another heading and before a longer paragraph: a deck or a digest's item heading, not a
        claim of the body."""
        if not self.parsed or not stext[:1].isupper() or any(q in stext for q in "\"“”‘’«»") and "'" not in stext[:1]:
            return False
        toks = [t for t in sent if not t.is_space]
        words = [t for t in toks if not t.is_punct]
        if not 3 <= len(words) <= 12 or stext[-1:] != "." and _TERMINAL.search(stext) or words[0].tag_ == "VB":
            return False
        if words[0].lower_ in ("the", "a", "an", "this", "that", "these", "those", "it", "there", "then", "but", "and", "so"):
            return False
        if any(t.lower_ in _COPULAS or (t.tag_ == "PRP" and t.lower_ != "us") or t.tag_ in ("VBD", "MD", "WP", "WRB") for t in words):
            return False
        if any(t.i > sent.start and t.doc[t.i - 1].text == "," and t.lower_ in lexicon().verb_forms for t in words):
            return False  # "Not so, the authors contend.": an attribution
        if any(t.pos_ in ("VERB", "AUX") and t.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") for c in t.children) for t in words):
            return False
        nxt = re.search(r"\n\s*(\S[^\n]*)", self.text[end : end + 3000])
        if nxt is None or "\n" not in self.text[end : end + nxt.start(1)]:
            return False
        following = len(re.findall(r"\w+", nxt.group(1)))
        return following >= 15 and following >= 2 * len(words)

    def _after_question(self, start: int) -> bool:
        """True when the line before the paragraph starting at `start` asks a question or is
        another answer option."""
        before = self.text[max(0, start - 600) : start].rstrip()
        prev = before[before.rfind("\n") + 1 :].strip()
        while prev and not any(c.isalpha() for c in prev) and "\n" in before:
            before = before[: before.rfind("\n")].rstrip()  # a lone "*" of a form between them
            prev = before[before.rfind("\n") + 1 :].strip()
        prev = prev.lstrip("*•·-–— \t")
        return prev.endswith("?") or bool(_ANSWER_OPTION.match(prev))

    def _after_options(self, start: int) -> bool:
        """The last option of a poll's list ("Yes, …" / "No, …" / "Maybe?" / "I'm not sure if he
        should have."): the two lines before are an answer option and a short question."""
        lines = [ln.strip().lstrip("*•·-–— \t") for ln in self.text[max(0, start - 600) : start].split("\n")]
        lines = [ln for ln in lines if any(c.isalpha() for c in ln)]
        return len(lines) >= 2 and bool(_ANSWER_OPTION.match(lines[-2])) and lines[-1].endswith("?") and len(lines[-1].split()) <= 3

    def _tokens(self, s):
        return []

    def cue_sources(self, sent) -> list[tuple[Source, str, object]]:
        """Reporting cues in this sentence outside any quote: (source, cue text, cue token)."""
        out = []
        doc = self.doc
        lex = lexicon()
        toks = list(sent)
        low = [t.lower_ for t in toks]
        for k, tok in enumerate(toks):
            if self.in_quoted(tok.idx):
                continue
            if self.parsed and low[k] in word_set("attribution", "view_verbs.txt") and (
                tok.tag_ in ("VB", "VBD", "VBP", "VBZ")
                or tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in tok.children)
            ) and not (k > 0 and toks[k - 1].text == "-") and any(
                c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as") or (c.dep_ == "ccomp" and low[k].startswith("consider"))
                or (c.dep_ == "dobj" and any(g.dep_ == "prep" and g.lower_ == "as" for g in c.children))  # "identified X as Y"
                for c in tok.children
            ) and not any(c.dep_ == "aux" and c.lower_ in _MODALS for c in tok.children) and tok.dep_ not in (
                "relcl", "acl", "amod", "pcomp", "ccomp"
            ) and not any(c.lower_ in ("what", "which", "whom") for c in tok.children):
                # "Democrats see the plan as a giveaway": their view, credited to them
                src = self._source_for_verb(tok, sent)
                if src is not None:
                    out.append((src, tok.text, tok))
                continue
            if self.parsed and (
                low[k] in _FEARING and tok.tag_ in ("VB", "VBD", "VBP", "VBZ") and tok.dep_ in ("ROOT", "conj")
                or low[k] in _STANCE and tok.dep_ == "acomp" and tok.head.dep_ in ("ROOT", "conj")
            ) and any(c.dep_ == "ccomp" for c in tok.children):
                # "Many fear that …", "officials worry this outbreak could spread", "his advisers were
                # optimistic that …": an unnamed group's view is credited to it; a named person's fear
                # or hope is the author's reading of them ("he worried they would …"), not their words
                verb = tok if low[k] in _FEARING else tok.head
                src = self._source_for_verb(verb, sent)
                # "not all his allies are convinced he's …", "are not confident that …": a doubt the
                # author reports, crediting no claim to anyone
                denied = any(t.dep_ == "neg" for t in verb.subtree if t.i < tok.i)
                if src is not None and not src.identifiable and not denied:
                    out.append((src, tok.text, tok))
                continue
            quoted = self._quoted_as_saying(tok) if self.parsed and low[k] in _QUOTING else None
            if quoted is not None:
                # "The New York Times quoted one of Carson's advisers as saying …": the words are the
                # adviser's, relayed by the paper (checked before what a source cites, below:
                # "cited officials as saying" is this case)
                said, who = quoted
                lo, hi = np_bounds(who)
                src = describe_source(doc, lo, hi, self.book, tok.idx)
                if src is not None:
                    out.append((src, f"{tok.text} … as {said.text}", said))
                quoter = self._source_for_verb(tok, sent) if src is None or not src.identifiable else None
                if quoter is not None:
                    out.append((quoter, tok.text, tok))
                continue
            if self.parsed and low[k] in _POINTS_TO and tok.tag_ in ("VBD", "VBZ", "VBP", "VBG", "VBN") and tok.dep_ not in (
                "relcl", "acl", "amod", "pcomp", "xcomp", "advcl"
            ) and any(c.dep_ == "dobj" for c in tok.children) and not (tok.tag_ == "VBN" and not any(c.dep_ == "aux" for c in tok.children)):
                # "He cited reports of cyberattacks", "SHTFPlan detailed the symptoms": what the source
                # points to or spells out is its account (not a quote cue: a cited phrase is often
                # someone else's words)
                src = self._source_for_verb(tok, sent)
                if src is not None:
                    out.append((src, tok.text, tok))
                continue
            if self.parsed and low[k] in _TAKE_STRIKE and _fight_idiom(tok):
                # "Blackwell also took a shot at Hillary Clinton", "His campaign manager struck a
                # similar tune": words said, in the idiom of a fight
                src = self._source_for_verb(tok, sent)
                if src is not None:
                    out.append((src, tok.text, tok))
                continue
            act = self._reporting_act(tok) if self.parsed else None
            if act is not None:
                if tok.dep_ == "acl":  # "polls showing her lead evaporating": the polls
                    lo, hi = np_bounds(tok.head)
                    src = describe_source(doc, lo, hi, self.book, tok.idx)
                elif _compound_holder(tok) is not None and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                    # "…, Federal Election Commission records show.": the holder's whole name
                    lo = tok.i - 1
                    while lo > sent.start and doc[lo - 1].dep_ == "compound" and doc[lo - 1].head.i in range(lo, tok.i + 1):
                        lo -= 1
                    src = describe_source(doc, lo, tok.i, self.book, tok.idx)
                else:
                    src = self._source_for_verb(tok, sent)
                if src is not None and not src.identifiable:
                    src = self._supplier_of_evidence(tok) or src
                if src is not None:
                    out.append((src, act, tok))
                continue
            if is_cue_verb(tok, self.tagged):
                if self.parsed and self._means_of_saying(tok) and self._reports(tok, toks, k):
                    # "… hit Snowden back by accusing him of pandering to Clinton": what the main
                    # clause's subject did by saying it
                    src = self._source_for_verb(tok.head.head, sent)
                    if src is not None:
                        out.append((src, tok.text, tok))
                    continue
                if self.parsed and tok.dep_ in ("relcl", "acl", "amod", "pcomp") and not tok.dep_ == "ROOT":
                    continue  # "the plan Macron proposed": a noun's modifier, not a report
                if self.parsed and self._backgrounded(tok):
                    continue  # "while testifying before the committee", "Declaring that … is common sense"
                if self.parsed and k + 2 < len(toks) and toks[k + 1].lower_ == "what" and toks[k + 2].lower_ in ("is", "was", "were", "are"):
                    continue  # "Lemon said what is clearly insane": the author's description of the words
                if self.parsed and tok.dep_ == "xcomp" and tok.head.lower_ in ("refused", "declined"):
                    continue
                if self.parsed and tok.dep_ == "xcomp" and tok.head.lower_ in word_set("attribution", "intention_verbs.txt"):
                    continue  # "would like to emphasize", "wanted to defend": a wish, not words said
                if self.parsed and any(c.dep_ == "aux" and c.lower_ in _MODALS for c in tok.children):
                    continue  # "Macron could simply say that …": a hypothesis of the author's
                if not self._reports(tok, toks, k):
                    continue
                src = self._source_for_verb(tok, sent)
                if src is not None:
                    out.append((src, tok.text, tok))
                continue
            for ph in phrases_by_first().get(low[k], ()):
                if tuple(low[k : k + len(ph)]) == ph:
                    j = k + len(ph)
                    if j < len(toks):
                        nxt = toks[j]
                        got = None
                        if self.parsed:
                            head = nxt
                            guard = 0
                            while head.head.i != head.i and head.dep_ in ("compound", "det", "amod", "flat", "poss", "nmod", "nummod") and guard < 6:
                                head = head.head
                                guard += 1
                            lo, hi = np_bounds(head)
                            got = describe_source(doc, max(lo, nxt.i), hi, self.book, nxt.idx)
                            inner = _contents_of(head)
                            if inner is not None and (got is None or not got.identifiable):
                                # "according to a copy of the report": the report's account
                                lo, hi = np_bounds(inner)
                                got = describe_source(doc, lo, hi, self.book, doc[lo].idx) or got
                        else:
                            b = lexical_np_after(doc, nxt.i, min(sent.end, nxt.i + 10))
                            if b:
                                got = describe_source(doc, b[0], b[1], self.book, nxt.idx)
                        if got and ph[0] in ("citing", "quoting") and not got.identifiable:
                            # "citing statistics": a thing cited, not an unnamed source
                            words = got.name.lower().split()
                            if not words or words[-1] not in lex.vague_heads:
                                got = None
                        if got:
                            out.append((got, " ".join(ph), tok))
                    break
        crowd = word_set("attribution", "crowd_acts.txt")
        return [
            c for c in out
            if not self._not_a_source(c[0], sent)
            # "supporters responded with chants of …": a crowd's chant is an event, not a claim
            and not (not c[0].identifiable and any(t.lower_ in crowd for t in doc[c[2].i : min(sent.end, c[2].i + 4)]))
            # "A reporter asked the senator how …", "a woman demanded to know whether …": an unnamed
            # person's question or request asserts nothing; the sentence reports the event
            and not (not c[0].identifiable and lexicon().verb_forms.get(c[2].lower_) in _ASKING)
            # "they will hold banners proclaiming …": an unnamed someone who only might say it
            and not (not c[0].identifiable and _under_modal(c[2]))
            # "Europeans are questioning the US commitment": a mood the author reports, not
            # anyone's words; only a named doubter's doubt is a claim credited to them
            and not (not c[0].identifiable and c[2].lower_ in _PUBLIC_DOUBT and not any(g.dep_ == "ccomp" for g in c[2].children))
            # "Needless to say, many were …", "so to speak": idioms of the author's
            and not (c[2].i - 2 >= sent.start and doc[c[2].i - 1].lower_ == "to" and doc[c[2].i - 2].lower_ in ("needless", "so", "is"))
            # "The professor did not acknowledge their error", "The Caucus has yet to apologize":
            # the author says what was not said
            and not (self.parsed and self._unsaid(c[2]))
        ]

    def _unsaid(self, tok) -> bool:
        """A verb of saying denied ('did not acknowledge', 'never apologized', 'has yet to
        apologize', 'failed to condemn') with nothing said in its reach: no clause, no quote."""
        denied = any(c.dep_ == "neg" for c in tok.children) or tok.dep_ == "xcomp" and (
            any(c.lower_ == "yet" for c in tok.head.children) or tok.head.lower_ in ("fail", "fails", "failed", "failing")
        )
        if not denied or any(c.dep_ in ("ccomp", "parataxis") for c in tok.children):
            return False
        return not any(self.in_quoted(t.idx) for t in tok.subtree)

    def _supplier_of_evidence(self, tok) -> Source | None:
        """`Emails obtained by WikiLeaks showed …`, `documents released by the State Department show
        …`: unnamed papers that a named body obtained or released speak for that body."""
        holder = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if holder is None or holder.lower_ not in _acts()["evidence"]:
            return None
        for c in holder.children:
            if c.dep_ == "acl" and c.tag_ == "VBN":
                who = agent_of(c)
                if who is not None:
                    got = describe_source(self.doc, *np_bounds(who), self.book, tok.idx)
                    if got is not None and got.identifiable:
                        return got
        return None

    @staticmethod
    def _means_of_saying(tok) -> bool:
        """A gerund of saying after 'by' that tells how the main clause's subject acted."""
        prep = tok.head
        return (
            tok.dep_ == "pcomp" and tok.tag_ == "VBG" and prep.lower_ == "by" and prep.dep_ == "prep"
            and prep.head.pos_ in ("VERB", "AUX") and prep.head.dep_ in ("ROOT", "conj")
        )

    @staticmethod
    def _quoted_as_saying(tok):
        """(the verb of saying, the person quoted) of "quoted X as saying …", or None."""
        if not tok.tag_.startswith("VB"):
            return None
        who = next((c for c in tok.children if c.dep_ == "dobj"), None)
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > tok.i), None)
        if who is None or prep is None:
            return None
        said = next((c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG" and is_cue_verb(c, True)), None)
        return (said, who) if said is not None else None

    def _relayed_unnamed(self, cues, named):
        """`Health officials suspect …, AFP reports`, `CNN reported that officials believe …`: a
        named source whose report only relays unnamed people (the guide's named outlet relaying
        unnamed sources). The unnamed cue, or None."""
        if not self.parsed:
            return None
        n_src, _, n_tok = named[0]
        for src, cue, tok in cues:
            words = src.name.lower().split()
            if src.identifiable or not words or words[-1] not in _RELAYED_HEADS:
                continue
            # what the named source says is the unnamed one's report ("CNN reported that officials
            # believe …"), or the named source closes the sentence the unnamed one spoke ("…, AFP reports")
            inside = tok.dep_ == "ccomp" and tok.head.i == n_tok.i or (
                tok.dep_ == "pcomp" and tok.head.head.i == n_tok.i  # "quoted officials as saying"
            )
            closing = n_tok.i > tok.i and tok.dep_ == "ROOT" and self.text[: min(n_tok.idx, n_src.start)].rstrip().endswith(",")
            if inside or closing:
                return src, cue, tok
        return None

    def _unnamed_outer_source(self, cues, named):
        """`The woman told police she was stressed, a police report indicates`: an unnamed source
        whose report holds the named one's (its verb governs the other cue, or closes the sentence
        after a comma). The cue, or None."""
        if not self.parsed:
            return None
        lex = lexicon()
        for src, cue, tok in cues:
            if src.identifiable:
                continue
            words = src.name.lower().split()
            if not words or (
                words[-1] not in lex.vague_heads and words[-1] not in lex.group_nouns
                # "One of the women says Franken suggested …": an unnamed one of a group
                and not (len(words) >= 3 and words[1] == "of" and words[0] in _UNNAMED_ONE_OF)
            ):
                continue
            if any(n_tok.dep_ == "parataxis" for _, _, n_tok in named):
                continue  # "…, the senator said, the media considered him …": the named source is outside
            if any(n_tok.i > tok.i and self.text[: min(n_tok.idx, n_src.start)].rstrip().endswith(",") for n_src, _, n_tok in named):
                continue  # "…, a study by Mikhail Dmitriyev concluded": the named source closes the sentence
            governs = any(n_tok.i != tok.i and tok in n_tok.ancestors for _, _, n_tok in named)
            after = [t for t in tok.doc[tok.i + 1 : tok.sent.end] if not t.is_punct]
            closing = (
                all(n_tok.i < tok.i for _, _, n_tok in named)
                and self.text[max(0, src.start - 5) : src.start].rstrip().endswith(",")
                and len(after) <= 3
                and not any(t.pos_ in ("VERB", "AUX") for t in after)
            )
            if governs or closing:
                return src, cue, tok
        return None

    def _reporting_act(self, tok) -> str | None:
        """Acts that report without a verb of saying: `issued a statement`, `declined to comment`,
        `a poll shows that …`, `has denounced the efforts`. The cue text, or None."""
        low = tok.lower_
        acts = _acts()
        if low not in acts["_triggers"] or not tok.tag_.startswith("VB"):
            return None
        kids = list(tok.children)
        if low in acts["show"] and tok.dep_ not in ("relcl", "amod"):
            # "a poll shows that …", "with polls showing her lead evaporating": evidence speaks for
            # its makers; only documents and data report so, not "he showed up"
            holder = tok.head if tok.dep_ == "acl" else next((c for c in kids if c.dep_ == "nsubj"), None)
            before = _compound_holder(tok)
            if before is not None and before.lower_ in acts["evidence"]:
                holder = before
            if holder is not None and low in acts["find"] and holder.lower_ not in acts["evidence"]:
                # "…, Fox found.", "Gallup found that …": what a named pollster, outlet or body
                # concluded; "the police found the body" (no clause) is an event
                if holder.pos_ == "PROPN" and any(c.dep_ == "ccomp" for c in kids) and not any(c.dep_ == "dobj" for c in kids):
                    return tok.text
                return None
            if holder is None or holder.lower_ not in acts["evidence"]:
                return None
            if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in kids) or tok.dep_ == "acl":
                return tok.text
            return None
        if tok.dep_ in ("relcl", "amod", "pcomp") or self._backgrounded(tok):
            return None
        if low in acts["issue"]:
            for c in kids:
                if c.dep_ == "dobj":
                    for t in list(c.subtree)[:5]:  # "issued an alert warning Americans" (parsed oddly)
                        if t.lower_ in acts["statement"]:
                            return f"{tok.text} {t.text}"
            return None
        main_clause = tok.dep_ in ("ROOT", "conj", "ccomp", "parataxis")
        if low in acts["voice"] or low in acts["deliver"]:
            for c in kids if main_clause else ():
                if c.dep_ != "dobj":
                    continue
                if low in acts["voice"] and c.lower_ in acts["claimnoun"]:
                    return f"{tok.text} {c.text}"
                if low in acts["deliver"] and c.lower_ in acts["speechnoun"] and any(
                    g.dep_ == "prep" and g.lower_ in ("of", "for", "about", "on", "against") for g in c.children
                ) and not any(g.lower_ in _HEDGES for g in kids):  # "reportedly offers a defense": hearsay
                    return f"{tok.text} {c.text}"
            return None
        if low in acts["decline"]:
            for c in kids:
                if c.dep_ == "xcomp" and c.lower_ in acts["comment"]:
                    return f"{tok.text} to {c.text}"
            return None
        base = lexicon().verb_forms.get(low)
        if base in _PUBLIC_STANCE and main_clause and any(c.dep_ == "dobj" for c in kids) and not any(
            c.dep_ == "aux" and c.lower_ in _MODALS for c in kids
        ):
            return tok.text  # "Hillary Clinton has denounced GOP efforts to defund the group"
        if low in _PUBLIC_DOUBT and main_clause and not any(c.dep_ == "aux" and c.lower_ in _MODALS for c in kids) and any(
            c.dep_ == "dobj" and c.pos_ == "NOUN" and not _a_person(c) for c in kids
        ):
            return tok.text
        return None

    _BACKGROUND_MARKS = {"while", "when", "whenever", "after", "before", "since", "until", "as", "because", "if", "although", "though"}

    def _backgrounded(self, tok) -> bool:
        """A reporting verb inside a time or reason clause of the author's sentence ("while
        testifying before investigators"), or a gerund that is the subject ("Declaring that … is
        simply common sense"): the sentence's claim is not the report."""
        t = tok
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        kids = {c.dep_ for c in t.children}
        if t.dep_ in ("csubj", "csubjpass") and not ({"nsubj", "aux"} <= kids and not any(c.lower_ in ("what", "which") for c in t.children)):
            return True  # (not "…, experts are predicting a minimum will occur": the parser's slip)
        if t.tag_ == "VBG" and t.dep_ in ("advcl", "pcomp") and not any(c.dep_ == "ccomp" for c in t.children) and any(
            c.dep_ == "mark" and c.lower_ in self._BACKGROUND_MARKS for c in t.children
        ):
            return True
        if t.tag_ == "VBG" and t.dep_ == "pcomp" or (t.tag_ == "VBG" and t.head.dep_ == "prep" and t.head.lower_ in ("in", "while", "after", "before", "by", "since")):
            return True
        return False

    def _author_clause_before(self, cues):
        """`Moscow is not interested in a conflict, but it has made it clear that …`: the report is
        the second of two coordinated clauses and the first asserts something of the author's own.
        Returns the first clause's verb, or None."""
        if not self.parsed:
            return None
        cue_ids = {tok.i for _, _, tok in cues}
        for _, _, tok in cues:
            if tok.dep_ != "conj" or tok.head.i >= tok.i or tok.head.i in cue_ids:
                continue
            first = tok.head
            if first.pos_ not in ("VERB", "AUX") or is_cue_verb(first, self.tagged):
                continue
            if not (first.lower_ in _BE and any(c.dep_ in ("acomp", "attr") for c in first.children)):
                continue  # only a state the author asserts ("is not interested"), not an event
            if not any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in first.children if first.i < c.i < tok.i):
                continue
            return first
        return None

    def _author_clause_after(self, cues):
        """`Bastian told reporters the verdict “was not the one we were hoping for,” but the family could
        be forgiven for …`: after the report, 'but' opens a clause with a subject of its own that
        asserts something in the author's voice. Returns that clause's verb, or None."""
        if not self.parsed:
            return None
        doc = self.doc
        for _, _, tok in cues:
            if tok.tag_ == "VBG" or tok.dep_ == "parataxis" or any(c.dep_ in ("ccomp", "parataxis") and c.i < tok.i for c in tok.children):
                continue  # '…, noting that …', '…, Ragan said, but …': what follows may still be theirs
            # '… told reporters the verdict “was not …,” but the family …': after the closing mark
            # the parser may hang the new clause on the quoted one
            closed = [g for k in tok.children if k.dep_ == "ccomp" for g in k.children if g.dep_ == "conj"
                      and any(x.dep_ == "cc" and x.i > 1 and doc[x.i - 1].text in ("”", '"', "''") for x in g.head.children if x.i < g.i)]
            for c in list(tok.children) + closed:
                if c.dep_ != "conj" or c.i < tok.i or c.pos_ not in ("VERB", "AUX") or is_cue_verb(c, self.tagged):
                    continue
                if any(k.dep_ == "mark" for k in c.children) or any(self.in_quoted(t.idx) for t in c.subtree):
                    continue  # 'predicted that …, but that …', '… but instead Obama is giving them “lectures”'
                if c.lower_ in lexicon().passive_forms and any(k.dep_ == "auxpass" for k in c.children):
                    continue  # '…, but the shift was expected …': a passive of saying credits no one either
                if not any(k.dep_ == "cc" and k.lower_ in ("but", "yet") and tok.i < k.i < c.i for k in list(c.head.children) + list(c.children)):
                    continue
                subj = next((k for k in c.children if k.dep_ in ("nsubj", "nsubjpass") and k.i < c.i), None)
                if subj is None or subj.pos_ == "PRON" or self.in_quoted(subj.idx) or self.in_quoted(c.idx):
                    continue
                if _characterises(c, lexicon().verb_forms.get(c.lower_, "")):
                    continue
                return c
        return None

    def _agentless_passive(self, sent):
        """The verb of `is expected to`, `was seen by some as`, `it was revealed that`, `is considered
        an asset`: a passive that credits the claim to nobody named (None when there is none)."""
        lex = lexicon()
        for tok in sent:
            low = tok.lower_
            if tok.tag_ != "VBN" or self.in_quoted(tok.idx):
                continue
            kids = list(tok.children)
            if not any(c.dep_ == "auxpass" for c in kids):
                continue
            agent = next((c for c in kids if c.dep_ == "agent"), None)
            if agent is not None:
                # "was seen by some as a demotion": an agent that is nobody in particular
                who = next((g for g in agent.children if g.dep_ == "pobj"), None)
                if who is None or not (who.lower_ in _VAGUE_AGENTS or (who.lower_ in lex.vague_heads and not any(
                    d.dep_ in ("compound", "poss") or d.pos_ == "PROPN" for d in who.children
                ))):
                    continue
            if any(c.dep_ == "aux" and c.lower_ in _MODALS | {"will", "wo"} for c in kids):
                continue  # "can be seen as", "will be considered": the author's own view or forecast
            subj = next((c for c in kids if c.dep_ == "nsubjpass"), None)
            if subj is None or tok.dep_ not in ("ROOT", "conj", "advcl", "ccomp") or subj.lower_ in ("what", "which", "who", "that"):
                continue  # "which has been expected to …", "(… have been criticized as …)": an aside
            if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self._BACKGROUND_MARKS for c in kids):
                continue  # "While the ad is expected to …, it will air once": a time or concession clause
            if subj.lower_ == "it" and low in lex.verb_forms and any(c.dep_ == "ccomp" for c in kids):
                return tok  # "it was revealed that …"
            if low not in lex.passive_forms:
                continue
            if self.text.rfind("(", sent.start_char, tok.idx) > self.text.rfind(")", sent.start_char, tok.idx):
                continue  # inside a parenthesis: an aside, not what the sentence asserts
            if low in _PASSIVE_AS_ONLY and not any(t.dep_ == "prep" and t.lower_ == "as" for t in tok.subtree):
                continue  # "agents were seen patrolling the area": seeing, not a view
            if low in _PASSIVE_NEEDS_COMPLEMENT and low not in _PASSIVE_AS_ONLY and not any(
                c.dep_ in ("oprd", "xcomp", "attr", "acomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as") for c in kids
            ):
                continue  # "the bill was considered on Monday"
            return tok
        return None

    def _phrase_head(self, start: int, end: int):
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def _not_a_source(self, src: Source, sent) -> bool:
        """An unnamed 'source' that is no one: a word the parser took for a subject ('Making …',
        'releasing the records will …', a bare number), the author or reader ('we', 'my
        daughter', 'you'), or a pointer to the author's own words ('This helps explain')."""
        if src.identifiable or not self.parsed or not (sent.start_char <= src.start < sent.end_char):
            return False
        head = self._phrase_head(src.start, src.end)
        if head is None:
            return False
        if head.lower_ in QUANTIFIER_WORDS and head.dep_ == "nsubj" and all(
            c.dep_ == "prep" and c.lower_ == "of" and any(
                g.dep_ == "pobj" and (g.pos_ in ("PRON", "PROPN") or _known_agent(g.lower_)) for g in c.children
            ) or c.dep_ == "advmod" for c in head.children
        ):
            # "few believe …", "most of them said …": people, though tagged as an adjective (not
            # "most of the evidence")
            return False
        if head.pos_ in ("VERB", "AUX", "ADJ", "ADP", "SCONJ", "CCONJ", "PART", "INTJ", "SYM", "X") or head.tag_ == "VBG":
            return True
        if head.pos_ == "NUM" and not any(t.lower_ in ("percent", "%", "per") for t in head.doc[head.i : head.i + 3]) and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in head.children  # "one of the women"
        ):
            return True
        words = [t.lower_ for t in head.doc[max(sent.start, head.left_edge.i) : head.i + 1]]
        if any(w in _FIRST_SECOND for w in words):
            return True
        if len(src.name.split()) == 1 and src.name.rstrip(".").lower() in BARE_TITLES:
            return True  # a title cut off from its name
        if head.lower_ in ("'s", "’s") and head.i > 0 and head.doc[head.i - 1].lower_ == "let":
            return True  # "Let's say …": the author's supposition
        return head.lower_ in ("this", "that", "these", "those", "which", "what")

    def _same_group_as_before(self, src: Source | None, sent_index: int) -> str | None:
        """`65 women from both parties … said …. The women also said …`: 'the' and a noun that the
        source of one of the last three attributed sentences holds (past its first word) is that
        source. Returns it, or None."""
        if src is None or src.identifiable:
            return None
        m = re.fullmatch(r"(?:the|these|those) (\w+)", src.name, re.I)
        if m is None:
            return None
        word = m.group(1).lower()
        for k, source in reversed(self.credited[-3:]):
            words = source.lower().split()
            if 0 < sent_index - k <= 3 and word in words[1:] and len(words) > 1:
                return source
        return None

    def _points_back_at_named(self, src: Source | None, sent_index: int) -> bool:
        """`the tough-talking politician said`, `the Democratic candidate stated`: a definite
        descriptor for someone the article has named, not an anonymous source. Not when an unnamed
        one was introduced before (`a witness` … `the witness`), nor right after a sentence
        credited to an unnamed person (`a White House official said` … `The aide declined`)."""
        if src is None or src.identifiable or not self.parsed:
            return False
        words = src.name.split()
        if len(words) < 2 or words[0].lower() not in ("the", "this"):
            return False
        head = self._phrase_head(src.start, src.end)
        if head is None or head.tag_ != "NN" or head.lower_ not in word_set("attribution", "anaphoric_roles.txt"):
            return False
        if any(c.dep_ in ("relcl", "acl", "appos") or (c.dep_ == "prep" and c.lower_ != "to") for c in head.children):
            return False  # "the official in charge of …", "the aide who …": introduced here
        if not (self.book.mentions and self.book.mentions[0].start < src.start):
            return False
        if any(0 < sent_index - k <= 3 for k in self.unnamed_one_at):
            return False
        before = self.text[max(0, src.start - 20000) : src.start]
        for m in re.finditer(
            r"\b(\w+\s+)?(?:a|an|one|another)\s+(?:[\w'’.-]+\s+){0,3}?" + re.escape(head.lower_) + r"\b(\s+of\b)?", before, re.IGNORECASE
        ):
            if m.group(2) or (m.group(1) or "").strip().lower() in _PREDICATIVE:
                continue  # "is a leader", "as an adviser", "a member of": says what someone is
            if _NAME_IN_APPOSITION.match(before, m.end()):
                continue  # "A British diplomat, Peter Westmacott, …": named where introduced
            return False
        return True

    def _unnamed_criticism(self, sent) -> str | None:
        """`He has faced criticism even from within his own party`, `drew sharp backlash`, `came
        under fire`: others' words reported as a reaction nobody is named for. The phrase, or None
        when a named critic is given (`criticism from Senator Warren`)."""
        for tok in sent:
            if tok.lower_ not in _REACTION_VERBS or not tok.pos_ == "VERB":
                continue
            if tok.dep_ in ("relcl", "amod", "acl") or self._in_subordinate_clause(tok.idx, sent):
                continue
            for obj in tok.children:
                if obj.dep_ not in ("dobj", "prep") or obj.i < tok.i:
                    continue
                noun = obj
                if obj.dep_ == "prep":
                    if obj.lower_ != "under":  # "came under fire"
                        continue
                    noun = next((c for c in obj.children if c.dep_ == "pobj"), None)
                if noun is None or noun.lower_ not in _REACTION_NOUNS:
                    continue
                sources = [
                    g for c in list(noun.children) + list(tok.children) if c.dep_ == "prep" and c.lower_ in ("from", "by")
                    for g in c.children if g.dep_ == "pobj"
                ]
                if any(any(t.pos_ == "PROPN" for t in g.subtree) for g in sources):
                    return None
                return self.text[tok.idx : noun.idx + len(noun)]
        return None

    def _in_subordinate_clause(self, char: int, sent) -> bool:
        """Is the word at `char` inside an adverbial clause opened by 'as', 'when', 'while',
        'after' … (not the sentence's main clause)? Relative clauses are left alone: 'the man who
        allegedly shot him' still hedges who did it."""
        if not self.parsed:
            return False
        tok = next((t for t in sent if t.idx <= char < t.idx + len(t) + 1), None)
        if tok is None:
            return False
        t = tok
        for _ in range(40):
            if t.head.i == t.i:
                return False
            if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self._BACKGROUND_MARKS for c in t.children):
                return True
            t = t.head
        return False

    @staticmethod
    def _in_named_journal(src: Source | None, stext: str) -> str | None:
        """`…, scientists have reported in a study published in Nature Astronomy`: researchers whose
        work a named journal published, where a reader can look it up. The journal, or None."""
        words = src.name.lower().split() if src is not None and not src.identifiable else []
        if not words or words[-1] not in _RESEARCHERS:
            return None
        m = _PUBLISHED_IN.search(stext)
        return m.group(1).strip().rstrip(".,;:") if m else None

    def _voice_of_body(self, src: Source | None, sent) -> str | None:
        """`The U.S. Attorney’s office is considering an appeal, a spokeswoman said.`: a bare
        spokeswoman speaks for the body the sentence names. '<body> spokeswoman', or None."""
        m = _BARE_SPOKESPERSON.match(src.name) if src is not None and not src.identifiable and self.parsed else None
        if m is None:
            return None
        for t in sent:
            if t.idx >= src.start or t.lower_ not in _BODY_WORDS or self.in_quoted(t.idx):
                continue
            run = [c for c in t.lefts if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"]
            if run and t.dep_ in ("nsubj", "nsubjpass"):
                lo = min(x.left_edge.i for x in run)
                body = re.sub(r"^[Tt]he\s+", "", self.doc[lo : t.i + 1].text)
                return f"{body} {m.group(1)}"
        return None

    def _made_by_named(self, src: Source | None) -> str | None:
        """`a 33-year-long study conducted by the National Home Education Research Institute`, `data
        released Friday by the New Jersey Division of Gaming Enforcement`: the named maker of the
        study or data the source phrase stopped before. The maker's name, or None."""
        if src is None or src.identifiable or not self.parsed:
            return None
        last = self.doc.char_span(src.end - 1, src.end, alignment_mode="expand")  # the phrase's last word
        head = last[0] if last is not None and len(last) else None
        if head is None or not _can_report(head):
            return None
        for c in head.children:
            if c.dep_ != "acl" or c.tag_ != "VBN" or c.lower_ not in _MADE:
                continue  # "a draft report obtained by the AP": the AP did not write it
            for a in c.children:
                obj = next((g for g in a.children if g.dep_ == "pobj"), None) if a.dep_ == "agent" else None
                if obj is not None and obj.pos_ == "PROPN":
                    lo, hi = np_bounds(obj)
                    words = [t for t in self.doc[lo : obj.i + 1] if t.lower_ != "the"]
                    tail = list(self.doc[obj.i + 1 : hi])
                    # "… Division of Gaming Enforcement" goes on; "… Institute in Oregon" stops
                    while len(tail) >= 2 and tail[0].lower_ in ("of", "for", "on") and tail[1].text[:1].isupper():
                        k = 1
                        while k < len(tail) and (tail[k].text[:1].isupper() or tail[k].lower_ in ("and", "&")):
                            k += 1
                        words += tail[:k]
                        tail = tail[k:]
                    if words:
                        return "".join(t.text_with_ws for t in words).strip()
        return None

    def _appositive_name(self, src: Source | None) -> str | None:
        """`his best friend at Lehigh, Bruce Turry`: a descriptor whose phrase ends in the person's
        full name after a comma names the source; `polling by the A.F.L.-C.I.O.`, `a study by
        Harvard University`: a document made by a named body. The name, or None."""
        if src is None or src.identifiable:
            return None
        m = _APPOSITIVE_NAME.search(src.name) or _MADE_BY_NAMED.search(src.name)
        if m is None:
            return None
        name = m.group(1).strip()
        if any(w.lower() in lexicon().group_nouns or w.lower() in lexicon().countries for w in name.split()):
            return None
        return self.book.fullest(name)

    def _quote_in_authors_clause(self, infos, sent):
        """`The email appears to contradict 2013 comments from Panetta that “…”`, `he leaves behind
        a backlash against his warning that “…”`: every quote hangs on a noun of saying inside a
        clause whose verb is the author's, not a report. The main verb, or None."""
        if not self.parsed:
            return None
        root = sent.root
        if root.pos_ not in ("VERB", "AUX") or root.lower_ in lexicon().verb_forms or self.in_quoted(root.idx):
            return None
        if root.lower_ in _acts()["voice"] or root.lower_ in _acts()["issue"]:
            return None  # "repeated his warning that …", "issued a statement: …"
        for info in infos:
            cue = (info.span.cue or "").lower()
            if not cue or info.span.start < sent.start_char:
                return None
            hit = None
            for t in sent:
                if t.idx >= info.span.start:
                    break
                if t.lower_ == cue:
                    hit = t
            if hit is None or hit.pos_ != "NOUN" or not any(a.i == root.i for a in hit.ancestors):
                return None
            if any(a.lower_ in lexicon().verb_forms and a.i != root.i for a in hit.ancestors):
                return None  # the noun hangs on a verb of saying below the root
        return root.text

    def _not_a_speaker(self, info, sent) -> bool:
        """An unnamed 'speaker' of a quote that did not say it: the one the words were said to or
        about ('emailed supporters saying: “…”', 'reporters were told … “…”', 'saying white
        people “deserve to die”'), someone who only might say it ('Americans will say “no”'),
        the one who coins a name in the author's aside ('what her business calls “…”'), or a
        crowd whose chant is an event ('supporters responded with chants of “…”')."""
        src = info.source
        if src is None or src.identifiable or not self.parsed:
            return False
        if not (sent.start_char <= src.start < sent.end_char):
            return False
        if self._not_a_source(src, sent):
            return True
        head = self._phrase_head(src.start, src.end)
        if head is None:
            return False
        qs, qe = info.span.start, info.span.end
        between = self.doc.char_span(min(src.end, qs), max(src.end, qs), alignment_mode="expand")
        crowd = word_set("attribution", "crowd_acts.txt")
        if (info.span.cue or "").lower() in crowd or (between is not None and any(t.lower_ in crowd for t in between)):
            return True
        if head.dep_ in ("dobj", "dative", "iobj", "nsubjpass", "attr", "oprd"):
            return True
        if head.dep_ == "pobj" and head.head.lower_ not in ("to", "by", "from", "of", "in", "among"):
            return True
        if head.dep_ in ("nsubj", "csubj"):
            verb = head.head
            if qs <= verb.idx < qe or self.in_quoted(verb.idx):
                return True  # the subject of the quoted words themselves
            if _under_modal(verb):  # "Americans will say “no”", "they will hold banners proclaiming “…”"
                return True
            if any(c.dep_ == "dobj" and c.lower_ == "what" for c in verb.children):
                return True
        return False

    def _relayed_by_unnamed(self, sent, quote_start: int) -> Source | None:
        """'Law enforcement sources have said he said "…"': an unnamed source whose report holds
        the quote (its cue verb governs the quoted words)."""
        if not self.parsed or quote_start < sent.start_char:
            return None
        inner = self.doc.char_span(quote_start + 1, min(sent.end_char, quote_start + 2), alignment_mode="expand")
        if inner is None or not len(inner):
            return None
        ancestors = {t.i for t in inner[0].ancestors}
        for src, _cue, tok in self.cue_sources(sent):
            if not src.identifiable and tok.i in ancestors and tok.idx < quote_start:
                return src
        return None

    def _reports(self, tok, toks, k) -> bool:
        """Does this reporting verb carry a report here (a clause, a quote, an inverted `…, X said`)?"""
        base = lexicon().verb_forms.get(tok.lower_, "")
        if self.parsed and not self._words_not_deeds(tok, base, toks, k):
            return False
        if base not in lexicon().clause_only:
            return True
        nxt = toks[k + 1].lower_ if k + 1 < len(toks) else ""
        if nxt in ("that", ":", ","):
            return True
        if k > 0 and toks[k - 1].text == "," and not (base in ("add", "continue") and nxt in ("to", "up", "in")) and not (
            self.parsed and any(c.dep_ == "dobj" and c.pos_ not in ("PROPN", "PRON") and not is_role(c) for c in tok.children)
        ):
            return True  # "“…,” added Smith." (but not "…, adding to her lead", nor "X, meanwhile, offered a contrast")
        if base == "speak" and nxt == "out" or base == "point" and nxt == "to":
            return True  # "spoke out against", "points to the intensity of …"
        if self.parsed:
            if any(c.dep_ in ("ccomp", "parataxis") for c in tok.children):
                return True
            if (
                any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
                and not any(c.dep_ == "dobj" for c in tok.children)
                and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text in (",", "—", "–")
            ):
                return True  # "As CNN reported, …": the rest of the sentence is what was reported
            if tok.dep_ == "parataxis" and not any(c.dep_ == "dobj" for c in tok.children):
                return True  # "…, he added": the other clause is what was added
            if base in ("call", "urge") and any(c.dep_ == "xcomp" for c in tok.children):
                return True
            if base in ("vow", "pledge", "promise", "threaten") and any(c.dep_ == "xcomp" for c in tok.children):
                # "Sanders vowed to take his campaign to the convention": a promise is said; not
                # "retirements promise to swell costs", "the error threatens to overwhelm"
                who = subject_of(tok)
                return who is not None and (who.pos_ == "PROPN" or who.lower_ in PERSON_PRONOUNS | {"they", "we"} or _a_person(who))
            if base == "make" and any(c.lower_ == "clear" for c in tok.subtree):
                return True
            if _characterises(tok, base):
                return True
        # a quote in the verb's reach counts too
        end = toks[-1].idx + len(toks[-1])
        return any(self.in_quoted(t.idx) for t in toks[k + 1 : k + 8]) and tok.idx < end

    def _words_not_deeds(self, tok, base, toks, k) -> bool:
        """False where a verb of saying names a deed, a holding or a noun here, not words said."""
        kids = list(tok.children)
        if any(c.dep_ == "relcl" for c in kids):
            return False  # "Massachusetts and Vermont, states that vote on March 1": a noun
        if any(c.dep_ == "auxpass" for c in kids) and any(c.dep_ == "mark" and c.lower_ == "as" for c in kids) \
                and not any(c.dep_ == "agent" for c in kids):
            return False  # "As has been widely reported, three bishops …": reported by no one named
        if any(c.dep_ in ("ccomp", "parataxis") for c in kids) or k > 0 and toks[k - 1].text in (",", "—", "–"):
            return True
        objs = [c for c in kids if c.dep_ == "dobj"]
        obj = objs[0].lower_ if objs else ""
        quote_near = any(self.in_quoted(t.idx) for t in toks[k + 1 : k + 8])
        if base == "say" and obj and obj in _NOTHING_SAID and not quote_near:
            return False  # "Trump says racist things", "He said nothing": the author's account of the talk
        if obj and base in _DEEDS and (not _DEEDS[base] or _singular(obj) in _DEEDS[base] or obj in _DEEDS[base]) and not quote_near:
            # "She boasts a 45-point lead", "claimed a victory in New Hampshire", "is conceding the
            # race": something held or done, not a claim credited to anyone
            return False
        if objs and tok.dep_ == "xcomp" and tok.head.lower_ in ("seem", "seems", "seemed", "appear", "appears", "appeared"):
            return False  # "the Republican seemed to confirm critiques of his candidacy": the author's reading
        return True

    def _lost_subject(self, tok, sent) -> Source | None:
        """The source of a verb of saying the parser gave no subject, from what stands around it."""
        doc = self.doc
        # the parser lost the subject ("Alarmed by the unrest, Senator Harry Reid, the
        # minority leader, said that …"): a name right before the verb still reports
        before = lexical_np_before(doc, tok.i, sent.start)
        if before and any(is_propn(t, self.tagged) for t in doc[before[0] : before[1]]):
            return describe_source(doc, before[0], before[1], self.book, tok.idx)
        # "Sanders, meanwhile, who sits at zero endorsements, said …": the parser made the
        # relative clause the verb's report and left the name as that clause's subject
        for c in tok.children:
            if c.dep_ in ("ccomp", "advcl") and c.i < tok.i:
                subjects = [g for g in c.children if g.dep_ == "nsubj"]
                if len(subjects) == 2 and subjects[1].lower_ == "who" and subjects[0].text[:1].isupper() and subjects[0].pos_ in ("PROPN", "NOUN"):
                    lo, hi = np_bounds(subjects[0])
                    return describe_source(doc, lo, min(hi, subjects[0].i + 1), self.book, tok.idx)
        # "…, said a former spokesman for Ukraine's Foreign Ministry, Oleg Voloshyn, who …":
        # inverted after a comma, the subject lost to a clause further on
        if tok.i > sent.start and doc[tok.i - 1].text in (",", "—", "–") and not any(c.dep_ == "dobj" for c in tok.children):
            after = lexical_np_after(doc, tok.i + 1, min(sent.end, tok.i + 12))
            if after:
                got = describe_source(doc, after[0], after[1], self.book, tok.idx)
                tail = self.text[doc[after[1] - 1].idx + len(doc[after[1] - 1]) : sent.end_char]
                m = _NAMED_AFTER_DESCRIPTOR.match(tail)
                if got is not None and not got.identifiable and m:
                    # "a former spokesman for Ukraine's Foreign Ministry, Oleg Voloshyn": the name
                    a = doc[after[1] - 1].idx + len(doc[after[1] - 1]) + m.start(1)
                    span = doc.char_span(a, a + len(m.group(1)), alignment_mode="expand")
                    if span is not None and all(is_propn(t, self.tagged) or t.text == "." for t in span):
                        named = describe_source(doc, span.start, span.end, self.book, tok.idx)
                        if named is not None and named.identifiable:
                            return named
                return got
        return None

    def _source_for_verb(self, tok, sent) -> Source | None:
        doc = self.doc
        if self.parsed:
            # "…, Will believes …" (George Will): mid-sentence, a capitalised "Will" right before the
            # verb is a name the tagger took for the modal
            if tok.i - 1 > sent.start and doc[tok.i - 1].text == "Will" and doc[tok.i - 1].dep_ == "aux":
                name = self.book.fullest("Will")
                return Source(name, True, f"'Will' (a name, not the modal) → {name}", doc[tok.i - 1].idx, doc[tok.i - 1].idx + 4)
            if tok.tag_ in ("NNS", "NNPS") and _closes_after_name(tok):
                # "…, O'Keefe notes.": the verb the tagger took for a noun, its name in front of it
                lo = tok.i
                while lo - 1 > sent.start and doc[lo - 1].tag_ == "NNP":
                    lo -= 1
                return describe_source(doc, lo, tok.i, self.book, tok.idx)
            if passive_use(tok) and not any(c.dep_ == "auxpass" for c in tok.children):
                # "Historically dubbed the “black death”, the plague …": a participle with no subject
                # credits only its agent
                who = agent_of(tok)
                return describe_source(doc, *np_bounds(who), self.book, tok.idx) if who is not None else None
            subj = subject_of(tok)
            if subj is not None and subj.i >= sent.start and subj.i < sent.end and not self.in_quoted(subj.idx):
                if subj.lower_ in ("i", "you", "who", "which", "that", "what", "time") and subj.text != "WHO":
                    return None  # "only time will tell" (but "WHO said" is the World Health Organization)
                # passive "it is said" / "is expected to": no agent named; "reporters were told by
                # the sheriff's spokeswoman that …": the agent reports
                if subj.dep_ == "nsubjpass":
                    who = agent_of(tok) if subj.head.i == tok.i and (
                        any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children)  # a passive of saying, then what was said
                        # "O'Malley's move was first reported by MSNBC": the subject is what was reported
                        or lexicon().verb_forms.get(tok.lower_) in _REPORTED_BY
                    ) else None
                    if who is None:
                        return None
                    lo, hi = np_bounds(who)
                    return describe_source(doc, lo, hi, self.book, tok.idx)
                # "it is said", "it seems": no one; but "It said …" / "it reads: …" after a named
                # body or document is that body speaking
                if subj.lower_ == "it" and not (
                    subj.head.i == tok.i
                    and not any(c.dep_ == "aux" and c.lower_ in _MODALS | {"will", "wo"} for c in tok.children)
                    and (
                        any(c.dep_ in ("ccomp", "parataxis") for c in tok.children)
                        or tok.dep_ == "parataxis"
                        or (subj.i > 0 and self.in_quoted(doc[subj.i - 1].idx))  # “…,” it said
                        or (tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":")  # It reads: …
                        # "The letter also accuses …. It also accused another reporter of …"
                        or _characterises(tok, lexicon().verb_forms.get(tok.lower_, ""))
                    )
                ):
                    return None
                if subj.lower_ in QUANTIFIER_WORDS and not any(True for _ in subj.children):
                    # "few believe …", "Many speculated that …": people nobody names
                    return Source(subj.text, False, f"'{subj.text}': people nobody names", subj.idx, subj.idx + len(subj))
                lo, hi = np_bounds(subj)
                got = describe_source(doc, lo, hi, self.book, tok.idx)
                if got is not None and not got.identifiable:
                    # "the political scientist Richard Neustadt said": the parser split the
                    # descriptor and the name into two subjects; the name right after it reports
                    for c in subj.head.children:
                        if c.dep_ == "nsubj" and c.i > subj.i and c.left_edge.i == hi and is_propn(c, self.tagged):
                            lo2, hi2 = np_bounds(c)
                            named = describe_source(doc, lo2, hi2, self.book, tok.idx)
                            if named is not None and named.identifiable:
                                return named
                return got
            return self._lost_subject(tok, sent) if subj is None else None
        before = lexical_np_before(doc, tok.i, sent.start)
        if before:
            return describe_source(doc, before[0], before[1], self.book, tok.idx)
        # inverted: "…, reports CNN", "…, said the minister"
        if tok.i > sent.start and doc[tok.i - 1].text in (",", "—", "–", "-"):
            after = lexical_np_after(doc, tok.i + 1, min(sent.end, tok.i + 10))
            if after:
                return describe_source(doc, after[0], after[1], self.book, tok.idx)
        return None

    # ------------------------------------------------------------------ main

    def run(self) -> list[Span]:
        doc, text = self.doc, self.text
        sents = []
        for sent in doc.sents:
            s, e = _clean_bounds(text, sent.start_char, sent.end_char)
            if s < e:
                sents.append((s, e, sent))
        out: list[Span] = []
        first_body = None
        prev_label = None
        prev_source: str | None = None
        body = text.strip().split("\n\n", 1)[-1]
        lines = sum(1 for line in body.split("\n") if line.strip())
        line_per_sentence = "\n\n" not in body and lines >= 8 and lines >= 0.85 * len(sents)
        carry: _Block | None = None  # a block quote after "X wrote:"
        last_poll: tuple[int, str] | None = None  # (sentence index, name) of the last poll credited
        for idx, (s, e, sent) in enumerate(sents):
            stext = text[s:e]
            para_start = text.rfind("\n", 0, s) + 1
            para_end = text.find("\n", e)
            para_end = len(text) if para_end == -1 else para_end
            para_text = text[para_start:para_end].strip()
            whole_para = para_text == stext
            label, source, why = self.label_one(s, e, sent, stext, para_text, whole_para, first_body is None, prev_label, prev_source, idx, sents)
            if carry is not None and carry.first_line_end <= s < carry.end and label != "not_claim":
                # where every sentence has its own line the block runs on for a few lines, up to the
                # first that credits someone of its own or sounds like the author again ("So
                # interesting!", "Ah, yes, John Bolton.", "But how likely is that?")
                if label != "unsourced" or carry.lines_after >= _BLOCK_LINES or _AUTHOR_AGAIN.search(stext):
                    carry = None
                elif "\n" in text[sents[idx - 1][1] : s]:
                    carry.lines_after += 1
            if carry is not None and s < carry.end and why != "no words" and (
                label == "unsourced" or label == "not_claim" and carry.near and s < carry.first_line_end
            ):
                # the paragraph after "Sanders wrote:": his words, set off without quote marks
                label, source, why = carry.label, carry.source, f"follows '{carry.cue}' (a block quote after a colon)"
            elif carry is not None and s >= carry.end:
                carry = None
            opens = _introduces_block(stext) if label in ("attributed", "vague_source") and source and carry is None else None
            if opens:
                nxt = re.search(r"\n\s*\S", text[e : e + 2000])
                if nxt and "\n" not in text[e : e + nxt.start()].strip():
                    block_start = e + nxt.end() - 1
                    block_end = text.find("\n", block_start)
                    # a block after a distant verb of saying may be a heading of the author's: only
                    # claims are taken into it
                    line_end = len(text) if block_end == -1 else block_end
                    # one sentence a line and no blank line between paragraphs (as PTC's texts
                    # keep them): the block runs on past its first line, since nothing marks its end
                    end = len(text) if line_per_sentence else line_end
                    carry = _Block(end, label, source, stext[-40:], opens == "near", line_end)
            poll_figure = (
                last_poll is not None and idx - last_poll[0] <= 3 and _SHARE_FIGURE.search(stext) is not None
                and (
                    label == "unsourced" and why == _NO_SOURCE
                    # "Six percent were confident that …": the share of the poll's respondents
                    or label == "vague_source" and source is not None and _SHARE_FIGURE.search(source) is not None
                )
            )
            if poll_figure:
                # `A YouGov poll … revealed that 59 percent … ⏎ Less than a third agreed …`: the
                # poll's further figures, a sentence or two on
                back = idx - last_poll[0]
                label, source = "attributed", last_poll[1]
                why = f"a further figure of {source}, named {back} sentence{'s' if back > 1 else ''} before"
            if label == "attributed" and source:
                if re.search(r"\b(?:poll|survey)s?\b", source, re.I):
                    last_poll = (idx, source)
                elif last_poll is not None and (poll_figure or "respondents of the poll" in why):
                    last_poll = (idx, last_poll[1])
            elif label == "unsourced":
                last_poll = None  # the author's own words in between: the figures that follow are not the poll's
            if label == "vague_source" and source and source.split()[0].lower() in ("a", "an", "one", "another"):
                self.unnamed_one_at.append(idx)
            if label != "not_claim" and first_body is None:
                first_body = idx
            if label == "attributed" and source:
                self.credited.append((idx, source))
            out.append(Span("sentence", s, e, why=why, label=label, source=source))
            prev_label, prev_source = label, source
        return out

    def label_one(self, s, e, sent, stext, para_text, whole_para, first, prev_label, prev_source, idx, sents):
        text = self.text
        # 0. the headline, even when it quotes someone ("Clinton Says Trump’s Bigotry Doesn’t ‘Fit …’")
        if self.headline_end and e <= self.headline_end:
            return "not_claim", None, "the headline (the article's short first line)"
        # 1. quotes
        overlapping = [i for i in self.quotes_overlapping(s, e) if not self._not_a_speaker(i, sent)]
        if overlapping:
            # quote characters in the sentence vs the sentence's own words
            covered = 0
            for info in overlapping:
                a, b = max(s, info.span.start), min(e, info.span.end)
                covered += max(0, b - a)
            info = overlapping[-1]
            src = info.source
            name = info.span.speaker
            appos = self._appositive_name(src)
            if appos:
                return "attributed", appos, f"quotes '{src.name}', which names {appos}"
            if src is not None and not src.identifiable and self._points_back_at_named(src, idx):
                return "attributed", name, f"quotes '{name}', a descriptor of someone the article named"
            group = self._same_group_as_before(src, idx)
            if group is not None:
                return "attributed", group, f"quotes '{name}' → {group}, credited just before"
            if src is not None and not src.identifiable:
                return "vague_source", name, f"quotes '{name}', whom no reader can identify"
            relay = self._relayed_by_unnamed(sent, info.span.start)
            if relay is not None and not (src is not None and relay.start == src.start):
                # (not the quote's own speaker, described: "the tough-talking politician said")
                return "vague_source", relay.name, f"{name}'s words as relayed by unnamed '{relay.name}'"
            inside = info.span.start <= s and e <= info.span.end
            if not inside:
                own = list(stext)
                for other in overlapping:
                    for k in range(max(s, other.span.start) - s, min(e, other.span.end) - s):
                        own[k] = " "
                verdict = _AUTHOR_VERDICT.search("".join(own))
                if verdict:
                    return "unsourced", None, f"the author's verdict on {name}'s words ('{verdict.group(0)}')"
            framed = self._quote_in_authors_clause(overlapping, sent)
            if not inside and framed is not None:
                return "unsourced", None, f"the author's claim about {name}'s words ('{framed} …')"
            mixed = self._author_clause_after(self.cue_sources(sent)) if not inside else None
            if mixed is not None:
                return "unsourced", None, f"the author's own clause ('but … {mixed.text} …') after {name}'s words"
            if inside:
                return "attributed", name, f"inside a quote by {name}"
            return "attributed", name, f"holds a quote by {name}"
        if idx > 0 and prev_label == "attributed" and prev_source and stext[-1:] in "”\"»" and not self.in_quoted(e - 1):
            ps = sents[idx - 1][1]
            if "\n" not in text[ps:s]:
                return "attributed", prev_source, f"ends with the closing mark of {prev_source}'s quote before it"
        post = self._post_at(s, e)
        if post is not None and post[3] == "turn":
            name = self.book.fullest(post[2])
            name = name.title() if name.isupper() else name
            return "attributed", name, f"a turn of {post[2]} in a transcript ('{post[2].upper()}:')"
        if post is not None:
            # an embedded tweet or post: its words are its author's, its markup and signature furniture
            body = _POST_FURNITURE.sub(" ", stext)
            if len(re.findall(r"[A-Za-z]{2,}", body)) >= 2 and not _SIGNATURE_ONLY.match(stext):
                return "attributed", post[2], f"inside a post embedded from {post[2]}"
            return "not_claim", None, "the markup or signature of an embedded post"
        # 2. not a claim
        reason = self.not_claim(stext, para_text, whole_para, first, s)
        if reason:
            return "not_claim", None, reason
        if whole_para and (idx == 0 or prev_label == "not_claim") and self._headlinese(sent, stext, e):
            return "not_claim", None, "a deck or section heading in headline style before its story"
        # 3. reported speech
        cues = self.cue_sources(sent)
        lex = lexicon()
        vague_m = lex.vague_phrase_re.search(stext)
        if vague_m is not None and not vague_m.group(0).lower().startswith("as ") and self._in_subordinate_clause(s + vague_m.start(), sent):
            # "As the rumors broke, Cruz sought to …": a hedge inside a time or reason clause does
            # not credit what the sentence asserts
            vague_m = None
        if cues:
            judged = _AUTHOR_JUDGEMENT.search(stext, max(0, cues[0][2].idx - s))
            if judged:
                return "unsourced", None, f"mixes a report with the author's own claim ('{judged.group(0).strip(', ')} …')"
            verdict = _AUTHOR_VERDICT.search(stext)
            if verdict and self.parsed and not stext[: verdict.start()].rstrip().endswith(","):
                # not the reported words themselves ('Trump said the media told a false story'),
                # unless set off after a comma (', a claim that has been debunked')
                at = s + verdict.start()
                for c in cues[0][2].children:
                    if c.dep_ in ("ccomp", "xcomp") and c.left_edge.idx <= at < c.right_edge.idx + len(c.right_edge):
                        verdict = None
                        break
            if verdict and cues[0][0].identifiable:
                return "unsourced", None, f"the author's verdict on what {cues[0][0].name} said ('{verdict.group(0)}')"
            mixed = self._author_clause_before(cues)
            if mixed is not None:
                return "unsourced", None, f"the author's own clause ('{mixed.text} …') before the report"
            mixed = self._author_clause_after(cues)
            if mixed is not None:
                return "unsourced", None, f"the author's own clause ('but … {mixed.text} …') after the report"
            named = [c for c in cues if c[0].identifiable]
            # a hedge on a named source's report ("allegedly") is not a second, unnamed source
            relays_unnamed = vague_m is not None and vague_m.group(0).lower() not in _HEDGES
            if named and relays_unnamed and named[0][0].start <= s + vague_m.start() < named[0][0].end + 1:
                relays_unnamed = False  # "FEC reports show": the phrase is the named source itself
            if named and relays_unnamed:
                src, cue, tok = named[0]
                return "vague_source", src.name, f"{src.name} relays unnamed sources ('{vague_m.group(0)}')"
            relayed = self._relayed_unnamed(cues, named) if named else None
            if relayed is not None:
                return "vague_source", named[0][0].name, f"{named[0][0].name} relays unnamed '{relayed[0].name}' ('{relayed[1]}')"
            outer = self._unnamed_outer_source(cues, named) if named else None
            if outer is not None:
                src, cue, tok = outer
                return "vague_source", src.name, f"what {named[0][0].name} did or said, as reported by unnamed '{src.name}' ('{cue}')"
            if named and prev_label == "vague_source" and prev_source and named[0][0].name.lower() == "they" \
                    and named[0][0].how.endswith("the group or body named before"):
                # "The outreach, they said, raised new worries" after "according to officials": the
                # unnamed people of the sentence before, not some body named further back
                return "vague_source", prev_source, f"'they' → '{prev_source}', unnamed in the sentence before"
            if named:
                src, cue, tok = named[0]
                if self.book.is_person(src.name):
                    self.book.note_speaker(tok.idx, src.name)
                return "attributed", src.name, f"reported speech: '{cue}' credits {src.how}"
            src, cue, tok = cues[0]
            appos = self._appositive_name(src) or self._made_by_named(src) or self._voice_of_body(src, sent) \
                or self._in_named_journal(src, stext)
            if appos:
                return "attributed", appos, f"'{cue}' credits '{src.name}', which names {appos}"
            if src.name.split() and src.name.split()[-1].lower() in word_set("attribution", "court_heads.txt") and not self._not_a_source(src, sent):
                return "attributed", src.name, f"'{cue}' credits '{src.name}': a court record a reader can look up"
            if self._points_back_at_named(src, idx):
                return "attributed", src.name, f"'{cue}' credits '{src.name}', a descriptor of someone the article named"
            group = self._same_group_as_before(src, idx)
            if group is not None:
                return "attributed", group, f"'{cue}' credits '{src.name}' → {group}, credited just before"
            return "vague_source", src.name, f"credited to unnamed '{src.name}' ('{cue}')"
        # 4. credited to nobody in particular
        poll = _IN_NAMED_POLL.match(stext)
        if poll:
            # "In an early-October CBS News poll, she led …": a finding of the poll the sentence names
            name = f"{poll.group(1)} {poll.group(2)}"
            return "attributed", name, f"a finding of the {name}, which the sentence names"
        tally = _BY_NAMED_TALLY.match(stext)
        if tally:
            # "By the Associated Press's tally, he now has 739 delegates": the named body's count
            return "attributed", tally.group(1), f"by the count of {tally.group(1)}, which the sentence names"
        if vague_m:
            return "vague_source", vague_m.group(0), f"credited to nobody in particular: '{vague_m.group(0)}'"
        if self.parsed:
            # "X is expected to", "it is said that", "he is widely seen as": a passive of saying,
            # believing or expecting with no agent
            passive = self._agentless_passive(sent)
            if passive is not None:
                words = [c for c in passive.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < passive.i] + [passive]
                phrase = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
                return "vague_source", phrase, f"passive '{phrase}' with no one named"
            criticism = self._unnamed_criticism(sent)
            if criticism is not None:
                return "vague_source", criticism, f"'{criticism}' from no one named"
        view = _IN_THE_VIEW_OF.match(stext) if self.parsed else None
        if view:
            # "To Sexton, who has made a study of Trump rallies, Tuesday marked a turning point": the
            # person's reading of it, as "Sexton says" would credit it
            name = self.book.fullest(view.group(1))
            if self.book.is_person(name) or self.book.gender(name) is not None:
                return "attributed", name, f"'{view.group(0).rstrip(', ')}': in the view of {name}"
        # 5. a continuation of the previous sentence's speaker
        if idx > 0 and prev_label == "attributed" and prev_source and stext[-1:] in "”\"»" and not self.in_quoted(e - 1):
            ps = sents[idx - 1][1]
            if "\n" not in text[ps:s]:
                return "attributed", prev_source, f"ends with the closing mark of {prev_source}'s quote before it"
        if idx > 0 and prev_label in ("attributed",) and prev_source:
            m = re.match(r"^(?:He|She|They)\s+(?:also\s+)?(?:added|continued|went on)\b", stext)
            if m:
                return "attributed", prev_source, f"continues what {prev_source} said in the sentence before"
            ps, pe = sents[idx - 1][0], sents[idx - 1][1]
            if (
                "\n" not in text[pe:s] and text[ps:pe].rstrip()[-1:] in "”\"»'"
                and len(stext.split()) <= 6 and _ATTRIBUTION_TAIL.match(stext)
                and any(t.lower_ in lexicon().verb_forms or t.lower_ in _TAIL_VERBS for t in sent)
            ):
                # `“What was the pivot point?” Beck questioned.`: the attribution the sentence
                # splitter cut off after a question mark
                return "attributed", prev_source, f"the attribution of {prev_source}'s quote before it"
        return "unsourced", None, _NO_SOURCE


_NO_SOURCE = "no source in this sentence or the one before"


# a copy or a part of a text, which says what the text says ("an archived version of the website")
_CONTAINERS = {"copy", "copies", "version", "versions", "draft", "transcript", "excerpt", "excerpts", "screenshot",
               "recording", "portion", "section", "summary", "archive"}


def _contents_of(tok):
    """The text `a copy of the report`, `an archived version of the website` hold, or None."""
    if tok.lower_ not in _CONTAINERS:
        return None
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def _fight_idiom(tok) -> bool:
    """'took a shot at Hillary Clinton', 'struck a similar tune' (not 'took a shot at the target',
    'struck a note')."""
    if not tok.tag_.startswith("VB") or tok.dep_ not in ("ROOT", "conj"):
        return False
    objects = _TAKE_STRIKE[tok.lower_]
    for c in tok.children:
        if c.dep_ != "dobj" or c.lower_ not in objects:
            continue
        if tok.lower_ in _STRIKE:
            if any(g.dep_ == "amod" for g in c.children):  # "a similar tune"
                return True
            continue
        for g in list(c.children) + list(tok.children):  # at someone: "at Hillary Clinton", "at him"
            if g.dep_ == "prep" and g.lower_ == "at" and any(
                o.dep_ == "pobj" and (o.pos_ == "PROPN" or o.lower_ in PERSON_PRONOUNS | {"them", "him", "her"} or _known_agent(o.lower_))
                for o in g.children
            ):
                return True
    return False


@dataclass
class _Block:
    """A block quote after "X wrote:" while it lasts: the sentences up to `end` are X's."""

    end: int
    label: str
    source: str | None
    cue: str  # the lead-in's last words, for the `why`
    near: bool  # the verb of saying stands right before the colon: short lines may be taken in too
    first_line_end: int
    lines_after: int = 0  # lines taken in past the first (text set one sentence a line)

# a block quote after a colon, in a text with a sentence a line, runs on for at most this many
# lines after its first; these lines are the author's again
_BLOCK_LINES = 4
_AUTHOR_AGAIN = re.compile(r"[!?][”\"’']?$|^(?:Ah|Oh|Yes|No|Well|So|Wow|Sure|Indeed|Of course)\b[,!.]")
# "To Ms. Gil, …", "To Florida consultant Wilson, who …, …": a sentence set in a person's view
_IN_THE_VIEW_OF = re.compile(
    r"^To\s+(?:(?!(?:of|the|a|an|his|her|their|its|my|our|your)\s)[\w.'’-]+\s+){0,3}?(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)(?:,\s+[^,;:]{1,120})?,\s+"
)
# a share of people: '59 percent', '13%', 'less than a third', 'the vast majority'
_SHARE_FIGURE = re.compile(
    r"\b(?:\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\s*(?:percent|per cent|%)"
    r"|\b(?:than|about|nearly|almost|over|under|roughly|only|just)\s+(?:a|one|two) (?:third|quarter|fifth|half)s?\b"
    r"|\b(?:a|one|two) (?:third|quarter|fifth|half)s? of\b|\bmajority\b", re.I
)
# "In an early-October CBS News poll, …", "In the latest Quinnipiac survey, …"
_BY_NAMED_TALLY = re.compile(
    r"^(?:By|According to)\s+(?:the\s+)?((?:[A-Z][\w/&.’'-]*\s+){0,4}[A-Z][\w/&.’'-]*?)['’]s?\s+"
    r"(?:latest\s+|own\s+|unofficial\s+|official\s+)?(?:tally|count|estimates?|calculations?|reckoning|math|figures|data|analysis)\b"
)
_IN_NAMED_POLL = re.compile(
    r"^(?:In|According to)\s+(?:an?|the|this|its)\s+(?:[a-z][\w-]*\s+){0,3}"
    r"((?:[A-Z][\w/&.’'-]*\s+){0,4}[A-Z][\w/&.’'-]*)\s+(poll|survey)\b"
)
# `faced criticism`, `drew backlash`, `came under fire`: a reaction of others, reported
_REACTION_VERBS = {
    form for stem in ("face", "draw", "attract", "receive", "spark", "provoke", "prompt", "trigger", "invite", "earn")
    for form in (stem, stem + "s", stem.removesuffix("e") + "ed", stem.removesuffix("e") + "ing")
} | {"drew", "drawn", "come", "came", "comes", "coming"}
_REACTION_NOUNS = {
    "criticism", "criticisms", "backlash", "condemnation", "outrage", "fire", "ridicule", "derision", "rebuke",
    "rebukes", "complaints", "outcry", "scorn",
}
# the author and the reader: "we reported", "my daughter told me", "you said": not a source of the
# author's claim
_FIRST_SECOND = {"i", "we", "us", "me", "my", "our", "ours", "you", "your", "yours", "let", "let's", "let’s"}
# the rest of "said a former spokesman| for Ukraine's Foreign Ministry, Oleg Voloshyn, who …"
_NAMED_AFTER_DESCRIPTOR = re.compile(
    r"(?:\s+(?:for|of|at|to|with|in)\s+[^,;:“”\"]{1,60}?)?,\s+((?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][a-z][\w'’-]*)(?=\s*(?:,|\.|$))"
)
# ", Bruce Turry" closing a descriptor: two to four capitalised words, the last not an initial
_APPOSITIVE_NAME = re.compile(r",\s+((?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][a-z][\w'’-]*)$")
# "polling by the A.F.L.-C.I.O.", "a 2015 study by Harvard University": what a named body made
_MADE_BY_NAMED = re.compile(r"^(?:an?|the|this|new|recent|\d{4}|\s)*(?:[\w-]+\s+){0,2}?(?:poll|polls|polling|survey|surveys|study|studies|report|reports|analysis|research|data|review|audit|estimates?)\s+by\s+(?:the\s+)?((?:[A-Z][\w.&'’-]*\s*){1,6})$")
_PREDICATIVE = {"is", "was", "are", "were", "be", "been", "being", "as", "became", "becomes", "become", "remains", "remained"}
_UNNAMED_ONE_OF = {"one", "some", "many", "several", "most", "few", "two", "three", "four", "both", "each", "another"}
_COPULAS = {"is", "are", "was", "were", "am", "'s", "’s", "'re", "’re", "has", "have", "had", "be", "been", "being", "do", "does", "did"}
_ASKING = {"ask", "demand", "inquire", "request", "beg", "plead"}
_NAME_IN_APPOSITION = re.compile(r",\s+(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]+,")
# verbs of saying that also name a deed or a holding, by their object: any object of "boast" that
# is no claim ("boasts a 45-point lead"); these objects of "claim" and "concede"
_DEEDS: dict[str, frozenset[str]] = {
    "boast": frozenset(),
    "claim": frozenset({"victory", "win", "title", "seat", "crown", "prize", "lives", "mantle", "nomination",
                        "throne", "spot", "place", "share", "medal", "trophy", "championship", "majority", "state",
                        "delegate", "land", "territory"}),
    "concede": frozenset({"race", "election", "defeat", "nomination", "primary", "contest", "seat", "state",
                          "caucus", "game", "match", "loss", "goal", "lead", "ground", "territory"}),
}
# the unnamed people a named outlet or person may relay: "officials say …, AFP reports"
_RELAYED_HEADS = {"official", "officials", "source", "sources", "authorities", "police", "investigators", "insiders",
                  "insider", "aides", "aide", "advisers", "adviser", "advisors", "diplomats", "diplomat", "experts",
                  "analysts", "officers", "agents", "prosecutors"}
_BARE_SPOKESPERSON = re.compile(r"^(?:a|an|the)\s+(spokes(?:wo)?man|spokesperson|representative)$", re.IGNORECASE)
_RESEARCHERS = {"scientists", "researchers", "scientist", "researcher", "authors", "team", "study", "studies",
                "astronomers", "physicists", "biologists", "economists", "doctors", "physicians", "epidemiologists"}
_PUBLISHED_IN = re.compile(
    r"\b(?:published\s+(?:\w+\s+)?in|in\s+the\s+journal)\s+(?:the\s+)?(?:journal\s+)?((?:[A-Z][\w&.’'-]*(?:\s+(?:of|and|&)\s+|\s+)?){1,6})"
)
_MADE = {"conducted", "released", "published", "compiled", "commissioned", "carried", "produced", "issued", "prepared",
         "written", "authored", "made", "filed", "done", "led", "sponsored", "funded", "drafted", "presented", "posted"}
_BE = {"is", "are", "was", "were", "be", "been", "being", "am", "'s", "’s", "'re", "’re"}  # (no lemmatizer runs)
_POINTS_TO = {"cite", "cites", "cited", "detail", "details", "detailed", "detailing"}
_NOTHING_SAID = {"things", "thing", "stuff", "something", "anything", "nothing", "everything", "lot", "much", "little",
                 "words", "whatever"}
_STRIKE = {"struck", "strikes", "strike", "striking"}
_TAKE_STRIKE = {**{w: {"shot", "shots", "swipe", "swipes", "jab", "jabs", "potshot", "potshots"}
                   for w in ("took", "takes", "take", "taking", "taken")},
                **{w: {"tone", "tune", "note"} for w in _STRIKE}}
_QUOTING = {"quoted", "quotes", "quote", "quoting", "cited", "cites", "cite", "citing"}
_HEDGES = {"allegedly", "reportedly", "apparently", "purportedly"}
_FEARING = {"fear", "fears", "feared", "worry", "worries", "worried"}
_STANCE = {"optimistic", "confident", "hopeful", "convinced", "certain", "skeptical", "sceptical", "doubtful", "pessimistic"}
# a name or pronoun and a verb, a few words at most: `Beck questioned.`, `she asked Tuesday.`
_TAIL_VERBS = {
    "questioned", "asked", "asks", "replied", "replies", "answered", "quipped", "joked", "shouted",
    "wondered", "exclaimed", "responded", "retorted", "questions",
}
_ATTRIBUTION_TAIL = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){1,3}[a-z]+(?:\s+[\w.'’-]+){0,3}[.!]$")
_VAGUE_AGENTS = {"some", "many", "others", "critics", "observers", "experts", "analysts", "opponents", "detractors", "skeptics", "most", "few"}


def _under_modal(verb) -> bool:
    """Does a modal ('will', 'would', 'could' …) govern this verb or the verbs above it that it
    complements ('will hold banners proclaiming …')?"""
    v = verb
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in _MODALS | {"will", "wo", "'ll", "’ll"} for c in v.children):
            return True
        if v.dep_ not in ("ccomp", "xcomp", "acl", "advcl") or v.head.i == v.i:
            return False
        v = v.head
    return False


def _introduces_block(stext: str) -> str | None:
    """"Beck wrote:", "Fox 5 reports:", "According to Carlson:", "released the following statement:":
    a speaker introducing a block of their words. "near" when a reporting word is among the last
    few before the colon, "far" when it stands further back ("Arnold asserted that …, linking to
    the section of the country's website:"), else None."""
    if not stext.endswith(":"):
        return None
    words = [w.lower() for w in re.findall(r"[\w’']+", stext)]
    forms = lexicon().verb_forms
    if any(w in forms or w in ("according", "following", "follows") for w in words[-5:]):
        return "near"
    return "far" if any(w in forms for w in words) else None
# passives that credit a view only with what the view is: "is seen as a threat", "is considered the
# favourite", "was regarded as"
_PASSIVE_NEEDS_COMPLEMENT = {"seen", "viewed", "regarded", "perceived", "considered", "known", "thought"}
_PASSIVE_AS_ONLY = {"seen", "viewed", "regarded", "perceived"}


def _headline_end(text: str) -> int:
    """End of the headline: the first line when it is short (at most 15 words) and the article
    goes on after it, plus a second short line when the first ends with ';' or ':' (a deck).
    0 when the article does not open with such a line."""
    pos = 0
    lines = []
    for line in text.split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line), line.strip()))
            if len(lines) == 3:
                break
        pos += len(line) + 1
    if len(lines) < 2:
        return 0
    n_words = len(re.findall(r"\w+", lines[0][2]))
    # a headline keeps no full stop: without one, a longer first line is still the headline
    if n_words > 15 and (
        n_words > 25 or (_TERMINAL.search(lines[0][2]) and not _title_case_heading(re.findall(r"\w+", lines[0][2])))
    ):
        return 0
    end = lines[0][1]
    if lines[0][2][-1] in ";:" and len(lines) == 3 and len(re.findall(r"\w+", lines[1][2])) <= 15:
        end = lines[1][1]
    return end


# `<tweet tweet-author="@FoxBusiness" …>WATCH: …<tweet/>` as scraped archives keep embedded tweets
_TWEET_MARKUP = re.compile(r"<tweet\b([^>]*)>(.*?)(?:</tweet>|<tweet\s*/>|$)", re.DOTALL)
_TWEET_AUTHOR = re.compile(r"(?:tweet-)?author=\"([^\"]+)\"")
# `… pic.twitter.com/x — Charlie Kirk (@charliekirk11) November 14, 2018`: a pasted tweet's signature
# the display name: capitalised words, with the small words of a body's name ("City of Westerville")
_DISPLAY_NAME = r"[A-Z][\w.'’&-]*\.?\s*(?:(?:[A-Z][\w.'’&-]*\.?|of|the|and|for|de)\s*){0,5}"
_SIGNATURE = re.compile(
    r"[—–-]\s*(" + _DISPLAY_NAME + r")\s*\(@(\w+)\)\s*[A-Z][a-z]+\.?\s+\d{1,2},\s*\d{4}\s*$"
)
_SIGNATURE_ONLY = re.compile(r"^(?:[—–-]\s*)?" + _DISPLAY_NAME + r"\(@\w+\)\s*[A-Z][a-z]+\.?\s+\d{1,2},\s*\d{4}\.?$")
_POST_FURNITURE = re.compile(r"<[^>]*(?:>|$)|^[^<>]*\">|https?://\S+|pic\.twitter\.com/\S+|[—–-]\s*" + _DISPLAY_NAME + r"\(@\w+\).*$")


def _embedded_posts(text: str) -> list[tuple[int, int, str]]:
    """(start, end, author) of embedded tweets: `<tweet …>…</tweet>` markup, and pasted tweets whose
    line ends with a signature `— Name (@handle) Month D, YYYY`: the line, back to the farthest of
    the three lines before it in the same block that reads like the tweet (hashtags, handles),
    with the plain lines between; never past a blank line, a quote mark, a report or another
    signature."""
    if "<tweet" not in text and "(@" not in text:
        return []
    out = []
    for m in _TWEET_MARKUP.finditer(text):
        who = _TWEET_AUTHOR.search(m.group(1))
        out.append((m.start(), m.end(), who.group(1) if who else "the embedded tweet", "post"))
    if "(@" in text:
        lines = []
        pos = 0
        for line in text.split("\n"):
            lines.append((pos, pos + len(line), line))
            pos += len(line) + 1
        for k, (a, b, line) in enumerate(lines):
            if "<tweet" in line:
                continue
            m = _SIGNATURE.search(line)
            first = k
            if m:
                name = m.group(1).strip()
            elif _SIGNATURE_ONLY.match(line.strip()) and k > 0 and re.search(r"[—–-]\s*\S{1,12}$", lines[k - 1][2]):
                # "— Sec.\nKirstjen Nielsen (@SecNielsen) November 14, 2018": broken over two lines
                name = line.strip().split("(@")[0].strip(" —–-")
                first = k - 1
            else:
                continue
            start = lines[first][0]
            j = first - 1
            while j >= 0 and first - j <= 3:
                pa, pb, prev = lines[j]
                if not prev.strip() or '"' in prev or "“" in prev or "(@" in prev or re.search(r"\b(?:said|says|told|wrote|tweeted)\b", prev):
                    break  # a blank line, someone's report or another post's signature
                if re.search(r"[#@]|pic\.twitter", prev):
                    # the farthest line that reads like the tweet (hashtags, handles) takes in the
                    # plain lines between it and the signature ("Please keep … in your prayers.")
                    start = pa
                j -= 1
            out.append((start, b, name, "post"))
    out.sort()
    return out


# "TAPPER: Donald Trump released a video …", "JAKE TAPPER:" on its own line: a transcript turn
_TURN = re.compile(r"^\s*[\"“]?((?:[A-Z][A-Z.'’-]+)(?:\s+[A-Z][A-Z.'’-]+){0,3})\s*:\s*(\S?)", re.MULTILINE)
_NOT_SPEAKERS = {
    "UPDATE", "NOTE", "STORY", "VIDEO", "WATCH", "CORRECTION", "ABSTRACT", "FULL TEXT", "EDITOR'S NOTE", "EDITOR’S NOTE",
    "RELATED", "READ MORE", "PHOTO", "PHOTOS", "SOURCE", "SOURCES", "TAGS", "TOPICS", "WASHINGTON", "NEW YORK", "BREAKING",
    "ALSO", "MORE", "Q", "A", "PS", "P.S.", "FACT", "CLAIM", "VERDICT", "BOTTOM LINE", "THE TOTAL", "LISTEN", "READ", "ADVERTISEMENT",
}


def _transcript_turns(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, speaker, "turn") for transcript turns: a paragraph opening with a speaker's name
    in capitals and a colon is that speaker's; a name standing alone carries into the next paragraph.
    Two such labels are needed before a text is read as a transcript."""
    found = []
    for m in _TURN.finditer(text):
        name = m.group(1).strip()
        if name in _NOT_SPEAKERS or len(name.replace(".", "")) < 2:
            continue
        words = name.split()
        if any(w in ("OF", "THE", "AND", "FOR", "IN", "ON", "TO", "A", "AN", "AT") for w in words):
            continue  # "STAT OF THE WEEK:", a heading
        last = words[-1].title()
        if not re.search(r"\b" + re.escape(last) + r"\b", text) and len(re.findall(r"(?m)^\s*[\"“]?" + re.escape(words[-1]) + r"\s*:", text)) < 2:
            continue  # a speaker is named in ordinary case somewhere ("Tapper"), or speaks more than once
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end == -1 else line_end
        end = line_end
        if not m.group(2):  # the name alone: the turn is the next paragraph
            nxt = re.search(r"\S", text[line_end:])
            if nxt:
                start_next = line_end + nxt.start()
                stop = text.find("\n", start_next)
                end = len(text) if stop == -1 else stop
        found.append((m.start(1), end, name.title(), "turn"))
    return found if len(found) >= 2 else []


def label_doc(doc) -> list[Span]:
    labeller = _Labeller(doc)
    doc._.sl_posts = [(a, b) for a, b, _, kind in labeller.posts if kind == "post"]
    return labeller.run()


def _fallback(doc) -> list[Span]:
    out = []
    for sent in doc.sents:
        s, e = _clean_bounds(doc.text, sent.start_char, sent.end_char)
        if s < e:
            out.append(Span("sentence", s, e, why=_NO_SOURCE, label="unsourced"))
    return out


@Language.component("sourcelight_sourcing")
def label_sentences(doc):
    try:
        doc._.sl_sentences = label_doc(doc)
    except Exception:  # never let one odd text break the analysis; every sentence still gets a label
        doc._.sl_sentences = _fallback(doc)
    return doc
