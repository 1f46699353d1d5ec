"""Attributed direct quotations and their speakers (ANNOTATION_GUIDE §1).

Registered as the spaCy component `sourcelight_quotes`; sets `doc._.sl_quotes`,
a list of `Span(kind="quote")` with offsets into `doc.text` (quote marks included).

Two steps. `find_quoted` pairs quotation marks paragraph by paragraph (curly, straight,
guillemets, single quotes as outer marks; nested quotes stay inside their outer quote; a
quote over several paragraphs when each paragraph opens with a mark; an unclosed quote is
capped at its paragraph). `attribute` then looks for the speaker: a reporting cue right
after the quote or before it in the same sentence, `according to`, a colon after a name,
or the speaker of the previous sentence. Quoted words nobody is presented as saying
(scare quotes, mentioned terms) are not quotes.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from desktop.analysis.model import Span
from desktop.analysis.segment import TITLE_ABBREVIATIONS
from desktop.resources import word_set
from desktop.analysis.speakers import (
    _BODY_OF_PERSON,
    BARE_TITLES,
    PERSON_PRONOUNS,
    NameBook,
    Source,
    _singular,
    agent_of,
    describe_source,
    find_cue_phrase,
    has_parse,
    how_far_back,
    has_tags,
    is_cue_verb,
    lexical_np_after,
    lexical_np_before,
    lexicon,
    np_bounds,
    passive_use,
    subject_of,
    _WHEN_WORDS,
)

if not Doc.has_extension("sl_quotes"):
    Doc.set_extension("sl_quotes", default=None)
if not Doc.has_extension("sl_quote_info"):
    Doc.set_extension("sl_quote_info", default=None)
# (every quoted stretch, the NameBook) for `sourcing`, which clears it
if not Doc.has_extension("sl_quote_ctx"):
    Doc.set_extension("sl_quote_ctx", default=None)

# two apostrophes (or backticks) stand for a double mark in wire and archive copy: ''Yes,'' he said.
_MARKS = re.compile(r"''|``|[\"“”„«»‘’']")
_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_DOUBLE_MARKS = ("“", "”", '"', "«", "»", "„", "''", "``")
_SPACE_BEFORE = " \t\n\r([{—–-/"  # an opening mark follows one of these
_TERMINATORS = re.compile(r"[.!?…](?:[\"”’»)]*)(?=\s|$)")
_DASH_ATTRIBUTION = re.compile(r"[.!?,]\s*[-–—]\s")
# words in front of a short quoted term that make it a mention, not a quote: the "yellow vests"
_MENTION_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|so-called|term|word|words|phrase|label|labels|slogan|called|dubbed|named|titled|"
    r"as|of|his|her|their|its|our|my|your|this|these|those|like)\s*)$",
    re.IGNORECASE,
)


# verbs of issuing a text: `issued a statement calling …`, `put out a statement`
_ISSUING = {
    "issue", "issues", "issued", "issuing", "release", "releases", "released", "releasing",
    "post", "posts", "posted", "posting", "send", "sends", "sent", "sending",
    "write", "writes", "wrote", "written", "writing", "deliver", "delivers", "delivered", "delivering",
    "give", "gives", "gave", "given", "giving", "make", "makes", "made", "making",
    "publish", "publishes", "published", "publishing", "tweet", "tweets", "tweeted", "tweeting",
    "pen", "pens", "penned", "penning", "sign", "signs", "signed", "signing",
    "draft", "drafts", "drafted", "drafting", "put", "puts", "putting",
}
# the people who speak for a body: `a representative for the university`
_SPOKESPEOPLE = {
    "representative", "spokesman", "spokeswoman", "spokesperson", "spokespeople", "official", "officials",
    "lawyer", "attorney", "attorneys", "lawyers", "aide", "aides", "executive", "executives", "officer",
}


@dataclass
class Quoted:
    """A stretch of text between quotation marks (marks included)."""

    start: int
    end: int
    closed: bool = True
    children: list[tuple[int, int]] = field(default_factory=list)
    paragraphs: int = 1

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - (1 if self.closed else 0)


@dataclass(frozen=True)
class QuoteInfo:
    """A found quote with what `sourcing` needs besides the `Span`."""

    span: Span
    source: Source | None


# ---------------------------------------------------------------- pairing marks


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        if text[pos:end].strip():
            out.append((pos, end))
        pos = end + 1
    return out


def _classify(text: str, i: int, ch: str, depth: int, single_open: bool) -> str | None:
    """'open', 'close' or None (an apostrophe, a stray) for the mark `ch` at `i`."""
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    prev_space = prev in _SPACE_BEFORE or prev.isspace()
    next_space = nxt.isspace()
    if ch in "“„":
        if depth and not prev_space:
            return "close"  # a wrong-way closing mark: `ruled out“The French President said`
        if next_space and not prev_space:
            return "close"
        return "open"
    if ch == "«" or ch == "``":
        return "open"
    if ch == "''":
        # like a straight double mark, read around both apostrophes
        nxt = text[i + 2] if i + 2 < len(text) else "\n"
        if prev_space and not nxt.isspace():
            return "open"
        if not prev_space and (nxt.isspace() or not nxt.isalnum()):
            return "close" if depth else "open" if prev in "([{" else "close"
        return "close" if depth else "open"
    if ch == "»":
        return "close"
    if ch == "”":
        if not depth and prev_space and not next_space:
            return "open"  # some sites open with ” too
        return "close"
    if ch == '"':
        if prev_space and not next_space:
            return "open" if not depth or prev in " \t\n" and depth else "open"
        if not prev_space and (next_space or not nxt.isalnum()):
            return "close" if depth else "open" if prev in "([{" else "close"
        return "close" if depth else "open"
    # single marks: only as outer marks, outside any double quote
    if depth:
        return None
    if ch in "‘'":
        if prev_space and nxt.isalnum() and not single_open:
            return "sopen"
        if ch == "'" and single_open and not prev_space and not nxt.isalnum():
            return "sclose"
        return None
    if ch == "’":
        if single_open and not prev_space and not nxt.isalnum():
            return "sclose"
        return None
    return None


# verbs that only attribute what was just said (not `Rubio disagreed.`, which starts a reply)
_PLAIN_SAYING = {"say", "add", "write", "tell", "state", "explain", "continue", "conclude", "note"}


_SHOWN_SAYING = re.compile(
    r"\b(?:footage|videos?|clips?|tapes?|recordings?|audio|images?)\s+(?:of|showing)\s+((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s+"
    r"(saying|telling|calling|declaring|insisting|arguing|claiming|asking|vowing|promising)\b[^.!?“”\"]{0,60}?[,:]?\s*$"
)
# `She said, “Never Again.”`: right after one of these and a comma or colon, capitalised words are
# words said, not a title
_SAID_THEN = _PLAIN_SAYING | {"shout", "yell", "reply", "answer", "respond", "exclaim", "declare", "ask", "scream", "chant"}


def _has_cue(text: str) -> bool:
    lex = lexicon()
    for w in re.findall(r"[A-Za-z]+", text):
        if w.lower() in lex.verb_forms and w.islower():
            return True
    return False


def _cut_before(text: str, start: int, limit: int) -> int:
    """End of an unclosed quote that starts at `start`, cut before `limit`.

    The quote ends at a sentence end: the last one after which an attribution
    (`- said Peskov.`, `He also wrote in X,`) begins, else the last one before `limit`.
    """
    seg = text[start:limit]
    m = _DASH_ATTRIBUTION.search(seg)
    if m:
        return start + m.start() + 1
    ends = [start + mm.end() for mm in _TERMINATORS.finditer(seg)]
    # an attribution sits close before `limit`: only the last few hundred characters are read
    for e in ends:
        if limit - e <= 300 and _has_cue(text[e:limit]):
            return e
    if ends:
        return ends[-1]
    end = limit
    while end > start + 1 and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return end


_MAX_CONTINUED_LINES = 6


def _continues_on(text: str, marks: list[tuple[int, str]], paras: list[tuple[int, int]], pi: int) -> bool:
    """Does an open quote ending line `pi` go on in the next line? Yes when only single line
    breaks part the lines (text set one sentence per line) and the first double mark in the
    lines that follow closes: `“My experience has been positive.\nI’ve never known anyone
    pressured,” said …` (lines with no mark at all in between are part of it)."""
    for k in range(pi + 1, min(len(paras), pi + 1 + _MAX_CONTINUED_LINES)):
        if text[paras[k - 1][1] : paras[k][0]] != "\n":
            return False
        j = bisect.bisect_left(marks, (paras[k][0], ""))
        while j < len(marks) and marks[j][0] < paras[k][1]:
            pos, ch = marks[j]
            if ch in _DOUBLE_MARKS:
                return _classify(text, pos, ch, 1, False) == "close"
            j += 1
    return False


def find_quoted(text: str) -> list[Quoted]:
    """Pair quotation marks into top-level quoted stretches, in order."""
    paras = _paragraphs(text)
    marks = [(m.start(), m.group()) for m in _MARKS.finditer(text)]
    if "<" in text:
        # attribute values of markup left in scraped text (`<tweet author="tedcruz">`) are not quotes
        tags = [(m.start(), m.end()) for m in _MARKUP.finditer(text)]
        if tags:
            starts = [a for a, _ in tags]
            marks = [(i, ch) for i, ch in marks if not ((k := bisect.bisect_right(starts, i) - 1) >= 0 and i < tags[k][1])]
    out: list[Quoted] = []
    mi = 0
    carry: Quoted | None = None  # a quote continuing from the previous paragraph
    carry_parts: list[tuple[int, int]] = []
    cont: tuple[list[int], list[tuple[int, int]]] | None = None  # an open quote running onto the next line
    cont_lines = 0
    for pi, (ps, pe) in enumerate(paras):
        while mi < len(marks) and marks[mi][0] < ps:
            mi += 1
        stack: list[int] = []
        children: list[tuple[int, int]] = []
        if cont is not None:
            stack, children = cont  # the quote carries on from the line before
            cont = None
        else:
            cont_lines = 0
        single_at = -1
        pmarks = []
        while mi < len(marks) and marks[mi][0] < pe:
            pmarks.append(marks[mi])
            mi += 1
        first_nonspace = ps + (len(text[ps:pe]) - len(text[ps:pe].lstrip()))
        if carry is not None:
            if pmarks and pmarks[0][0] == first_nonspace and pmarks[0][1] in ("“", '"', "«", "‘", "'", "„", "''", "``"):
                stack = [carry.start]
                pmarks = pmarks[1:]
                carry_parts.append((first_nonspace, pe))
            else:
                # the chain broke: every part ends at its own paragraph
                for s, e in carry_parts:
                    out.append(Quoted(s, _cut_before(text, s, e) if e else e, closed=False))
                carry = None
                carry_parts = []
        for pos, ch in pmarks:
            kind = _classify(text, pos, ch, len(stack), single_at >= 0)
            if kind == "open":
                if stack and re.search(r"[.!?…]\s+$", text[max(ps, pos - 3) : pos]) and len(stack) == 1:
                    # a new quote after a sentence end inside an unclosed one: close that one first
                    s0 = stack.pop()
                    out.append(Quoted(s0, _cut_before(text, s0, pos), closed=False, children=children))
                    children = []
                    if carry is not None:
                        carry = None
                        carry_parts = []
                stack.append(pos)
            elif kind == "close":
                if not stack:
                    continue  # a stray closing mark
                s0 = stack.pop()
                if stack:
                    children.append((s0, pos + len(ch)))
                else:
                    q = Quoted(s0, pos + len(ch), closed=True, children=children)
                    if carry is not None:
                        q.paragraphs = len(carry_parts) + 1
                        carry = None
                        carry_parts = []
                    out.append(q)
                    children = []
            elif kind == "sopen":
                single_at = pos
            elif kind == "sclose" and single_at >= 0:
                if pos - single_at > 2:
                    out.append(Quoted(single_at, pos + 1, closed=True))
                single_at = -1
        if stack:
            s0 = stack[0]
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            next_opens = False
            if nxt is not None and not children and len(stack) == 1:
                lead = text[nxt[0] : nxt[1]].lstrip()
                next_opens = lead[:1] in "“\"«„" or lead[:2] in ("''", "``")
            if (
                nxt is not None and not next_opens and carry is None and len(stack) == 1
                and cont_lines < _MAX_CONTINUED_LINES and _continues_on(text, marks, paras, pi)
            ):
                cont = (stack, children)  # one sentence per line: `“I knew.\nYou need the Bible.”`
                cont_lines += 1
                continue
            if next_opens:
                if carry is None:
                    carry = Quoted(s0, pe, closed=False)
                    carry_parts = [(s0, pe)]
                continue
            if carry is not None:
                for s, e in carry_parts:
                    out.append(Quoted(s, _cut_before(text, s, e), closed=False))
                carry = None
                carry_parts = []
                continue
            if children:
                # an unclosed outer quote holding closed inner ones: the outer ends before the first
                # inner one, and the inner ones become quotes of their own
                first = children[0][0]
                out.append(Quoted(s0, _cut_before(text, s0, first), closed=False))
                for cs, ce in children:
                    out.append(Quoted(cs, ce, closed=True))
            else:
                out.append(Quoted(s0, _cut_before(text, s0, pe), closed=False))
    if carry is not None:
        for s, e in carry_parts:
            out.append(Quoted(s, _cut_before(text, s, e), closed=False))
    # a quoted stretch holds words: not `""`, not a bare date or number
    out = [q for q in out if q.end - q.start > 2 and re.search(r"[^\W\d_]{2}", text[q.start + 1 : q.end])]
    out.sort(key=lambda q: q.start)
    # drop overlaps (keep the earlier)
    kept: list[Quoted] = []
    for q in out:
        if kept and q.start < kept[-1].end:
            continue
        kept.append(q)
    return kept


# ---------------------------------------------------------------- speakers


def _in_aside(toks, n: int) -> bool:
    """Is toks[n] still within `Name, <aside>,` right after a quote (an aside opened by a comma)?"""
    commas = sum(1 for t in toks[1:n] if t.text == ",")
    return commas in (1, 2) and (commas == 1 or toks[n - 1].text == ",")


def _words(s: str) -> int:
    return len(re.findall(r"\w+", s))


# what an `it` that quotes words can be: a document somebody wrote
_DOCUMENT_NOUNS = {
    "email", "e-mail", "letter", "memo", "memorandum", "message", "statement", "note", "text", "post",
    "tweet", "filing", "complaint", "lawsuit", "suit", "indictment", "release", "report", "document",
    "cable", "affidavit", "motion", "petition", "press release", "op-ed", "column", "editorial",
}
_WRITTEN_BY = re.compile(r"\b(?:sent|written|signed|authored|penned|drafted)\s+(?:\S+\s+){0,6}?by\b[^,;.]*$|\bfrom\s+[^,;.]*$", re.IGNORECASE)
# `the two lawmakers`, `the committee chairmen`: people, described
_PLURAL_DESCRIPTION = re.compile(r"^[Tt]he (?:two |[\w-]+ ){0,2}([a-z][\w-]*(?:men|[^s]s))$")
# `Goodlatte and Benghazi Committee Chairman Trey Gowdy`: two names joined, titles allowed
_PAIR_GAP = re.compile(r"\s*,?\s*and\s+(?:[A-Z][\w.’'-]*\s+){0,5}")
# `the radioman`, `the 45-year-old`, `the Republican`: one person, described
_DEFINITE_DESCRIPTION = re.compile(r"^[Tt]he (?:[\w-]+ ){0,4}([a-z0-9][\w-]*[^s\W]|[A-Z][a-z]+[^s\W])$")
# `the company`, `the newspaper`: a body named just before, described
_BODY_EPITHETS = {
    "company", "firm", "corporation", "newspaper", "paper", "network", "organization", "organisation",
    "agency", "ministry", "bank", "university", "magazine", "website", "airline", "retailer", "automaker",
    "nonprofit", "charity", "giant", "broadcaster", "publisher", "insurer", "manufacturer",
}
# `“…,” it reads.`: a document's words, right after them
_IT_READS = re.compile(r"[,.]?\s*it\s+(?:reads?|said|says|states|stated|continues|continued|adds|added)\b")
# descriptions that usually bring in another, unnamed voice
_OTHER_VOICES = {
    "spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "staffer", "official",
    "representative", "lawyer", "attorney", "source", "secretary", "press secretary", "host", "anchor",
    "reporter", "correspondent", "journalist", "editor", "witness", "resident", "neighbor", "neighbour",
    "member", "analyst", "expert", "judge", "officer", "detective", "sheriff", "deputy", "inspector",
    "prosecutor", "pollster", "strategist", "commentator", "researcher", "economist", "professor",
    "doctor", "coach", "manager", "owner", "organizer", "organiser", "chair", "head", "director",
}
# a term named, not words said: `the so-called “…”`, `the phrase “…”`, `known as “…”`
_NAMED_TERM_BEFORE = re.compile(
    r"\b(?:so-called|term|terms|word|words|phrase|phrases|label|labels|slogan|slogans|called|dubbed|named|titled|"
    r"known\s+as|nicknamed|hashtag|motto)\s*$",
    re.IGNORECASE,
)
# idioms of quoting: `as X put it, “…”`, `in X’s words, “…”` (the name up to a comma)
_PUT_IT = re.compile(
    r"\b[Aa]s\s+([A-Z][^,;:!?\n]{1,60}?)(?:,[^;!?\n]{0,120},['’\"”]*)?\s+(?:once\s+|has\s+|had\s+)?put\s+it[,:]?\s*$"
)
_IN_WORDS = re.compile(r"\b[Ii]n\s+([A-Z][^,.;:!?\n]{1,60}?)['’]s?\s+(?:own\s+)?words[,:]?\s*$")
# `“We will not give in.” That was the message from Angela Merkel on Monday.`, `… That's what
# Sanders told the crowd.`: the sentence after a quote that stands alone says whose it was
_MESSAGE_FROM = re.compile(
    r"\s*(?:That|This|Such)(?:'s|’s|\s+is|\s+was|\s+were)\s+(?:"
    r"(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:message|word|words|warning|verdict|view|response|reply|answer|"
    r"assessment|promise|pledge|argument|position|vow|plea|refrain)\s+(?:from|of)\s+"
    r"|what\s+(?=(?:the\s+)?[A-Z]))"
    r"((?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+|the\s+[a-z]+(?:\s+[a-z]+)?)"
)
# how the quoted words hang on a verb of saying when they are what it reports
_REPORTED_DEPS = {"ccomp", "xcomp", "dobj", "parataxis", "oprd", "attr", "conj", "dative"}
# … and on a verb that reports only a clause (`observing training … in a “classroom”` is no report)
_CLAUSE_DEPS = {"ccomp", "xcomp", "parataxis", "oprd"}
# what a title of a show or work follows: `CNN’s “New Day”`, `on “Hannity”`, `star of “Scandal”`
_TITLE_BEFORE = re.compile(
    r"(?:\w['’]s?|\b(?:on|of|in|to|told|from|at)|\b(?:[Tt]itled?|[Ee]ntitled|[Cc]alled|[Hh]eadlined)"
    r"|\b(?:book|memoir|novel|film|movie|documentary|show|series|program|programme|song|album|article|essay"
    r"|column|op-ed|study|biography|play|poem|headline|podcast|episode|segment|broadcast|newsletter|blog|website|hashtag)s?,?)\s*$"
)
# `Heading text - Michael P. McDonald: “…”`
_DASH_NAME_COLON = re.compile(
    r"\S\s+[-–—]\s+([A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|of|de|van|von|and|&)){0,5})\s*:\s*$"
)
_QUOTING_VERBS = {"quoted", "quotes", "quoting", "quote", "cited", "cites", "citing"}
# `the “Broad City” star`, `“Avatar” actress Zoe Saldana`: a title before the people of the work
_TITLE_AFTER = re.compile(
    r"^[,’']?s?\s*(?:co-?)?(?:star|actor|actress|creator|host|author|director|producer|showrunner|writer|singer|cast)s?\b",
    re.IGNORECASE,
)
_MARKUP = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>\n]{0,300})?/?>")
# a speaker phrase never starts with these: the parse handed over a clause
_NOT_A_SPEAKER_START = {"in", "on", "at", "which", "that", "whose", "whom", "for", "with", "to", "from", "of", "by", "into", "as"}
_DETERMINER_STARTS = {"which", "that", "whose", "whom"}  # "That source" opening a sentence is a source
_NOT_SPEAKERS = {"i", "we", "you", "me", "us", "it", "that", "this", "which", "who", "whom", "his", "her", "their", "its", "there", "what", "one"}
_SMALL_WORDS = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with", "de", "or", "vs"}


def _modal_as_name(tok, verb) -> bool:
    """`Will urged Republicans …`: a capitalised 'modal' right before a verb in the past, a
    participle or the third person cannot be a modal; it is George Will (or Theresa May) the
    parser misread."""
    return (
        (tok.tag_ == "MD" or tok.dep_ == "aux" and tok.tag_ == "NNP")
        and tok.text[:1].isupper()
        and tok.text[1:].islower()
        and verb.tag_ in ("VBD", "VBZ", "VBN")
    )


def _participle_link(gap: str) -> bool:
    """`, adding, ` / ` and adding: ` between two quotes: the second carries on from the first."""
    m = re.fullmatch(r"[\s,;:—–-]*(?:and\s+)?([a-z]+ing)[\s,;:—–-]*", gap)
    return m is not None and m.group(1) in lexicon().verb_forms


def _relative_clause_holder(cue_tok):
    """`a White House official who spoke anonymously … said`: when the parser hung the noun
    elsewhere and left the verb without a subject, the noun whose relative clause ends right
    before the verb is who speaks."""
    doc = cue_tok.doc
    k = cue_tok.i - 1
    while k >= 0 and doc[k].is_punct:
        k -= 1
    if k < 0:
        return None
    t = doc[k]
    for _ in range(8):
        if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN") and t.head.i < t.i:
            return t.head if t.right_edge.i >= k else None
        if t.head.i == t.i or t.head.i >= cue_tok.i:
            return None
        t = t.head
    return None


# `… as a “forceful persona”`, `what it called a “troubling” and …`: the quoted term is the name given
_FRAMED_BEFORE = re.compile(
    r"(?:\bas\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}|\b(?:call(?:s|ed|ing)?|dub(?:s|bed|bing)?|brand(?:s|ed|ing)?|"
    r"label(?:s|ed|led|ing|ling)?|term(?:s|ed|ing)?)\s+(?:[\w’'-]+\s+){0,3}?(?:an?\s+|the\s+)?)$",
    re.IGNORECASE,
)


# nouns for something said or written, whose holder (`his warning that …`, `comments from X that
# “…”`) speaks the quote in their clause
_SPEECH_NOUNS = {
    "statement", "statements", "remark", "remarks", "comment", "comments", "warning", "warnings", "claim",
    "claims", "assertion", "assertions", "words", "promise", "pledge", "vow", "speech", "testimony",
    "argument", "insistence", "admission", "accusation", "accusations", "complaint", "boast", "retort",
    "response", "reply", "plea", "threat", "quip", "prediction", "declaration", "message", "tweet",
}


def _is_title(content: str, max_words: int = 6) -> bool:
    """`Sunday Morning Futures`, `CBS This Morning`: every word capitalised, no sentence punctuation."""
    words = re.findall(r"[^\W\d_][\w'’-]*", content)
    if not words or len(words) > max_words:
        return False
    if re.search(r"[!?]\s*$", content.strip(" ,")) or len(words) == 1 and re.search(r"\.\s*$", content):
        return False
    return all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words) and words[0][0].isupper()


class _Finder:
    """Finds the speaker of each quoted stretch in one doc."""

    def __init__(self, doc, quoted: list[Quoted]):
        self.doc = doc
        self.text = doc.text
        self.parsed = has_parse(doc)
        self.tagged = has_tags(doc)
        self.quoted = quoted
        self.book = NameBook(doc, [(q.start, q.end) for q in quoted])
        self._tok_starts = [t.idx for t in doc]
        self._described: dict[str, str] = {}  # `the former president` -> the name it stood for first
        self._body_start = len(self.text) - len(self.text.lstrip())  # where the first line starts
        self._current: Quoted | None = None  # the quote whose speaker is being looked for

    def _on_first_line(self, pos: int) -> bool:
        """Is there no line break between the text's first word and the last one before `pos`?"""
        end = pos
        while end > self._body_start and self.text[end - 1].isspace():
            end -= 1
        return self.text.find("\n", self._body_start, end) == -1

    def token_at(self, char: int):
        """The token holding char offset `char`, or the first one after it."""
        k = bisect.bisect_right(self._tok_starts, char) - 1
        if k < 0:
            k = 0
        if k < len(self.doc) and self.doc[k].idx + len(self.doc[k]) <= char:
            k += 1
        return self.doc[k] if k < len(self.doc) else None

    def inside_any(self, i_tok: int) -> bool:
        return self.book.inside_quote(self.doc[i_tok].idx)

    def source_for_cue(self, cue_tok, at_char: int, after_quote: bool) -> Source | None:
        doc = self.doc
        if cue_tok.lower_ == "saying" and cue_tok.i > 1 and doc[cue_tok.i - 1].lower_ == "as":
            # `Reuters quoted German Foreign Minister Sigmar Gabriel as saying`: the one quoted speaks
            lo = max(cue_tok.sent.start, cue_tok.i - 16)
            verb = next((t for t in reversed(doc[lo : cue_tok.i - 1]) if t.lower_ in _QUOTING_VERBS), None)
            if verb is not None and verb.i + 1 < cue_tok.i - 1:
                src = describe_source(doc, verb.i + 1, cue_tok.i - 1, self.book, at_char)
                if src is not None:
                    return src
        if self.parsed and cue_tok.i > 0 and _modal_as_name(doc[cue_tok.i - 1], cue_tok):
            name_tok = doc[cue_tok.i - 1]
            name = self.book.fullest(name_tok.text)
            return Source(name, True, f"'{name_tok.text}' → {name}", name_tok.idx, name_tok.idx + len(name_tok))
        if self.parsed and cue_tok.lower_ in word_set("attribution", "framing_verbs.txt") and passive_use(cue_tok):
            return self._framer(cue_tok)  # "the plan was described as “…”": not the plan's words
        if self.parsed and cue_tok.tag_ == "VBG" and cue_tok.i > 0 and doc[cue_tok.i - 1].lower_ == "and":
            # "telling CNN that Trump is a “faker” and questioning how he has “…”": the parser hung
            # the second participle inside what the first reported; both share one speaker
            outer = next((a for a in cue_tok.ancestors if a.tag_ == "VBG" and is_cue_verb(a, self.tagged)), None)
            if outer is not None and outer.i != cue_tok.head.i:
                return self.source_for_cue(outer, at_char, after_quote)
        if self.parsed:
            if cue_tok.dep_ == "relcl" and cue_tok.text.islower() and cue_tok.head.pos_ == "PROPN" and cue_tok.head.i < cue_tok.i \
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue_tok.children) \
                    and any(c.dep_ in ("dobj", "oprd", "ccomp") for c in cue_tok.children):
                # "Speaker Paul D. Ryan, the nation's highest-ranking Republican, on Tuesday called
                # Trump's remarks “…”": the parser made the main verb a clause of the name
                subj = cue_tok.head
            else:
                subj = subject_of(cue_tok)
                if subj is not None and subj.lower_ in ("all", "what") and subj.i < cue_tok.i:
                    # "All she could do was shout “…”": the one in the clause the cleft opens
                    inner = next((g for c in subj.children if c.dep_ == "relcl" for g in c.children if g.dep_ == "nsubj"), None)
                    subj = inner if inner is not None else subj
                if subj is not None and subj.pos_ == "ADP" and subj.i == subj.sent.start:
                    # "Of Carson, Levine … said": the parser made the fronted topic's preposition
                    # the subject; the name after the comma speaks
                    subj = next((c for c in subj.children if c.dep_ == "pobj"), subj)
            if cue_tok.tag_ == "VBG" and cue_tok.i > 0 and doc[cue_tok.i - 1].text == "," and (
                subj is None or self.book.inside_quote(subj.idx) or subj.i > cue_tok.i
            ):
                # "Clinton seemed ready to riff on it, telling the crowd, “…”": the parser hung the
                # participle on the quoted words; it belongs to the clause before the comma
                subj = next((t for t in reversed(doc[cue_tok.sent.start : cue_tok.i]) if t.dep_ in ("nsubj", "nsubjpass")
                             and t.head.i < cue_tok.i and not self.book.inside_quote(t.idx)), subj)
            if subj is None and cue_tok.dep_ == "acl" and cue_tok.head.lower_ in _BODY_OF_PERSON:
                # "his remarks calling the Chinese government “strong”": the remarks' owner speaks;
                # "Sanders issued a statement calling the plan “a disaster”": the one who made them
                subj = next((c for c in cue_tok.head.children if c.dep_ == "poss"), None)
                if subj is not None and subj.pos_ == "PRON":
                    # "When Mr. Trump tried to defend his remarks …": 'his' is the clause's subject
                    named = next((c for a in subj.head.ancestors for c in a.children
                                  if c.dep_ == "nsubj" and c.pos_ == "PROPN" and c.i < subj.i), None)
                    subj = named if named is not None else subj
                if subj is None and cue_tok.head.dep_ == "dobj" and cue_tok.head.head.lower_ in _ISSUING:
                    subj = subject_of(cue_tok.head.head)
            # no subject: the noun whose relative clause ends right before the cue
            head = subj if subj is not None else _relative_clause_holder(cue_tok)
            if head is not None and not self.book.inside_quote(head.idx):
                src = describe_source(doc, *np_bounds(head), self.book, at_char)
                if src:
                    return src
                # "Farrakhan's history of extreme comments includes saying …": what cannot speak
                # is the named person's record
                owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None) \
                    if head.lower_ in ("history", "record") else None
                if owner is not None:
                    src = describe_source(doc, *np_bounds(owner), self.book, at_char)
                    if src and src.identifiable:
                        return src
        sent = cue_tok.sent
        # lexical: after the cue ("said Peskov") when the quote came before it, else before the cue
        if after_quote and cue_tok.i + 1 < len(doc):
            before = lexical_np_before(doc, cue_tok.i, max(sent.start, self._floor(cue_tok)))
            if before:
                src = describe_source(doc, before[0], before[1], self.book, at_char)
                if src:
                    return src
            after = lexical_np_after(doc, cue_tok.i + 1, min(len(doc), cue_tok.i + 12))
            if after:
                return describe_source(doc, after[0], after[1], self.book, at_char)
            return None
        before = lexical_np_before(doc, cue_tok.i, max(sent.start, self._floor(cue_tok)))
        if before:
            return describe_source(doc, before[0], before[1], self.book, at_char)
        if cue_tok.i + 1 < len(doc):
            after = lexical_np_after(doc, cue_tok.i + 1, min(len(doc), cue_tok.i + 10))
            if after:
                return describe_source(doc, after[0], after[1], self.book, at_char)
        return None

    def _floor(self, tok) -> int:
        """Token index before which a lexical search never goes: the end of a quote before `tok`."""
        k = bisect.bisect_right(self.book._quote_starts, tok.idx) - 1
        cur = self._current
        if cur is not None and k >= 1 and cur.end <= self.book._quote_starts[k]:
            qs, qe = self.book._quote_ranges[k]
            if len(re.findall(r"\w+", self.text[qs:qe])) <= 3 and "," in self.text[qe : tok.idx] \
                    and "\n" not in self.text[cur.end : tok.idx]:
                # a short quote inside an aside after the one being credited (`“…,” Bill Eastland,
                # wearing “Ted Cruz” pins, said`): the search may go back to the one being credited
                k = bisect.bisect_right(self.book._quote_starts, cur.start) - 1
        if k >= 0:
            qs, qe = self.book._quote_ranges[k]
            t = self.token_at(max(qs, qe - 1))
            if t is not None and t.i < tok.i:
                return t.i + 1
        return 0

    def _phrase_cue(self, tokens) -> tuple[int, int, str] | None:
        """`according to` and friends among tokens: (index after the phrase, index of phrase, phrase)."""
        return find_cue_phrase([t.lower_ for t in tokens])

    def after(self, q: Quoted):
        """A cue right after the quote: `,” he said.`, `,” said Peskov.`, `” - Macron`."""
        doc, text = self.doc, self.text
        t = self.token_at(q.end) if q.end < len(text) else None
        if t is None:
            return None
        # stay in this paragraph, stop at the next quote
        limit_char = text.find("\n", q.end)
        limit_char = len(text) if limit_char == -1 else limit_char
        if limit_char < len(text) and not text[q.end : limit_char].strip(" .,"):
            # `"…?"⏎Morphonious said.⏎`: text set one sentence per line puts a short attribution
            # on the line after the quote
            nl = text.find("\n", limit_char + 1)
            nl = len(text) if nl == -1 else nl
            line = text[limit_char + 1 : nl].strip()
            said = any(lexicon().verb_forms.get(w.lower()) in _PLAIN_SAYING for w in re.findall(r"[a-z]+", line))
            if line.endswith(".") and len(line.split()) <= 5 and said and line[:1] not in "\"“”'‘’":
                limit_char = nl
        k = bisect.bisect_right(self.book._quote_starts, q.end)
        if k < len(self.book._quote_starts):
            limit_char = min(limit_char, self.book._quote_starts[k])
        tail = text[q.end : limit_char]
        # the quote must end its clause: `,”` `.”` `?”` or be followed by a comma/dash/attribution
        inner_end = text[q.end - 2 : q.end] if q.closed else ""
        lead = tail.lstrip()
        if lead[:1] in "-–—":
            # `“…” – Macron` / `. - said Peskov.`
            pass
        toks = []
        i = t.i
        while i < len(doc) and doc[i].idx < limit_char and len(toks) < 22:
            if doc[i].idx >= q.end and not doc[i].is_space:
                toks.append(doc[i])
            i += 1
        if not toks:
            return None
        content_end = text[max(q.start, q.end - 3) : q.end].rstrip("”\"»’'")
        if q.closed and content_end.endswith(".") and toks[0].text[:1].isupper() and toks[0].lower_ not in ("said", "says", "wrote", "added"):
            # `“… unhinged.” Sen. Marco Rubio called the statement …`: the quote ended its sentence,
            # unless a bare `Name said.` follows
            bare = False
            for n, tok in enumerate(toks[:7]):
                if is_cue_verb(tok, self.tagged):
                    nxt = toks[n + 1] if n + 1 < len(toks) else None
                    bare = nxt is None or nxt.text in (".", ",", ";") or nxt.pos_ == "ADP" or nxt.lower_ in ("on", "in", "at", "during", "after", "to")
                    if bare and nxt is not None and nxt.text in (",", ":") and text[nxt.idx + 1 : nxt.idx + 5].lstrip().startswith(("“", "„", "«", '"', "‘", "''", "``")):
                        bare = False  # `“…” He added, “…”`: the cue opens the next quote, not this one
                    break
            if not bare:
                return None
        # a sentence end between the quote and the cue ends the search, unless the quote itself
        # ended with its own punctuation (`,”` `.”` `?”`)
        # `,” Jenna Golden, Twitter’s director of political advertising, said.`: a name and its aside
        for n, tok in enumerate(toks[:20]):
            if tok.text in (".", "!", "?", ";") and n > 0:
                break
            # words, not tokens: `American Action Forum’s Douglas Holtz-Eakin said` is 6 words, 9 tokens
            if n >= 8 and sum(1 for x in toks[:n] if x.is_alpha) >= 8 and not _in_aside(toks, n):
                break
            if tok.text in ("“", "\"", "«"):
                break
            if tok.lower_ in _QUOTING_VERBS:
                # `,” Reuters quoted German Foreign Minister Sigmar Gabriel as saying.`
                saying = next((x for x in toks[n + 2 : n + 12] if x.lower_ == "saying" and x.nbor(-1).lower_ == "as"), None)
                if saying is not None:
                    src = self.source_for_cue(saying, saying.idx, after_quote=True)
                    return (src, "quoted … as saying", "after") if src else None
            if is_cue_verb(tok, self.tagged):
                # between quote and cue only a short name phrase: at most 7 tokens
                src = self.source_for_cue(tok, tok.idx, after_quote=True)
                if src:
                    return src, tok.text, "after"
                return None
        ph = self._phrase_cue(toks[:4])
        if ph:
            k_after, k_ph, phrase = ph
            rest = toks[k_after:]
            if rest:
                got = self._np_from(rest[0].i, min(len(doc), rest[0].i + 10))
                if got:
                    return got, phrase, "after"
        # `“…” – Macron`
        if lead[:1] in "-–—" and len(toks) >= 2:
            got = self._np_from(toks[1].i, min(len(doc), toks[1].i + 6))
            if got and got.identifiable:
                return got, "—", "after"
        return None

    def governing(self, q: Quoted):
        """The reporting verb the quote hangs on in the parse: `argue that “…”, citing …`,
        `said there was evidence that Clinton was “extremely careless”, …`: the verb whose
        clause holds the quoted words, not the nearest cue word."""
        span = self._quoted_span(q) if self.parsed else None
        if span is None:
            return None
        inside = range(span.start, span.end)
        for r in [t for t in span if t.head.i not in inside][:3]:
            v, steps = r.head, 0
            while steps < 4 and v.i not in inside:
                if is_cue_verb(v, self.tagged) and not self.book.inside_quote(v.idx):
                    if v.idx >= q.end and steps == 0 and r.dep_ not in ("ccomp", "parataxis", "dobj", "xcomp"):
                        return None
                    src = self.source_for_cue(v, v.idx, after_quote=v.idx >= q.end)
                    if src is None and v.dep_ == "acl" and v.tag_ == "VBG" and v.head.i != v.i:
                        # `urged those calling for his withdrawal to “give him time”`: the
                        # participle describes a noun; the verb above it reports
                        v, steps = v.head, steps + 1
                        continue
                    if src is None:
                        return None
                    return src, v.text, "after" if v.idx >= q.end else "before"
                if v.head.i == v.i:
                    break
                v, steps = v.head, steps + 1
        return None

    def put_it(self, q: Quoted):
        """`as Laurence Tribe, author of …, put it, “…”`, `in Forbes’ words, “…”`: an idiom of
        quoting names the speaker right before the quote."""
        lo = max(0, q.start - 200)
        m = _PUT_IT.search(self.text, lo, q.start) or _IN_WORDS.search(self.text, lo, q.start)
        return self._named_by(m, "put it" if m is not None and m.re is _PUT_IT else "in … words")

    def message_from(self, q: Quoted):
        """`“We will not give in.” That was the message from Angela Merkel.`: a quote that is a
        sentence of its own, and the next sentence names whose message it was."""
        if not q.closed or not re.search(r"[.!?]['’\"”»]*$", self.text[q.start : q.end]):
            return None
        m = _MESSAGE_FROM.match(self.text, q.end)
        if m is None or "\n" in self.text[q.end : m.start(1)]:
            return None
        return self._named_by(m, "that was the message from")

    def _named_by(self, m, cue: str):
        """(source, cue, "before") for the name a pattern before the quote caught in its group 1."""
        if m is None:
            return None
        span = self.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None or not len(span):
            return None
        src = describe_source(self.doc, span.start, span.end, self.book, m.start(1))
        return (src, cue, "before") if src is not None else None

    def reported_clause(self, q: Quoted):
        """The verb of saying whose reported clause holds the quote, however deep: `He said he
        loved hearing from some of his “favorite Democrats”`, `Carter said he would welcome
        China’s participation in a “principled security network”`. Climbs the parse from the
        quoted words until the first verb of saying; it credits them only when the climb entered
        that verb through what it reports (its clause or object, `accused … of`, `described … as`),
        never through its subject, a time, a place or a programme (`said on CNN’s “…”`), and a
        short term inside the subject of the reported clause is a name, not words said."""
        span = self._quoted_span(q) if self.parsed else None
        if span is None:
            return None
        inside = range(span.start, span.end)
        root = next((t for t in span if t.head.i not in inside), None)
        if root is None:
            return None
        short = _words(self.text[q.inner[0] : q.inner[1]]) <= 3
        child, v = root, root.head
        for _ in range(8):
            if v.i in inside or self.book.inside_quote(v.idx):
                return None
            if short and child.dep_ in ("nsubj", "nsubjpass"):
                # a short term in the subject of what was reported names a thing (`said that protests
                # by farmers and the “yellow vests” will seem …`); it is not the words said
                return None
            if child.dep_ == "relcl":
                return None  # `Trump's remarks, which have included the suggestion that …`: their words
            if is_cue_verb(v, self.tagged):
                if v.idx >= q.end or any(c.dep_ == "auxpass" for c in v.children):
                    return None  # a cue after the quote (`after` reads it), or a passive with no one saying
                entry = child.dep_
                clause_only = lexicon().verb_forms.get(v.lower_) in lexicon().clause_only
                if not (entry in (_CLAUSE_DEPS if clause_only else _REPORTED_DEPS) or entry == "prep" and child.lower_ in ("of", "as", "about")):
                    if clause_only and entry == "dobj" and v.head.i != v.i:
                        # `would welcome China’s participation in a “…”`: no report here; the verb
                        # above it may be one (`Carter said he would welcome …`)
                        child, v = v, v.head
                        continue
                    return None
                src = self.source_for_cue(v, v.idx, after_quote=False)
                # only someone a reader can name: not "official figures", "a caller", "rally goers"
                return (src, v.text, "before") if src is not None and src.identifiable else None
            if v.head.i == v.i:
                return None
            child, v = v, v.head
        return None

    def _finite_clause(self, q: Quoted) -> bool:
        """Do the quoted words make a clause with a finite verb (`“It Is Not Good.”`, `“Nobody
        Knows More Than Me”`)? Capitalised words that say something are words said, not a title."""
        span = self._quoted_span(q) if self.tagged else None
        return span is not None and len(span) >= 2 and any(t.tag_ in ("VBZ", "VBD", "VBP", "MD") for t in span)

    def _quoted_span(self, q: Quoted):
        """The tokens of the quoted words (marks left out), or None."""
        span = self.doc.char_span(q.inner[0], q.inner[1], alignment_mode="expand")
        return span if span is not None and len(span) else None

    def _np_from(self, i: int, limit: int) -> Source | None:
        doc = self.doc
        if self.parsed:
            # the head of the phrase starting at i
            t = doc[i]
            head = t
            while head.head.i != head.i and head.head.i < limit and head.head.i >= i and head.dep_ in ("compound", "det", "amod", "flat", "poss", "nmod", "nummod"):
                head = head.head
            lo, hi = np_bounds(head)
            lo = max(lo, i)
            return describe_source(doc, lo, hi, self.book, doc[i].idx)
        got = lexical_np_after(doc, i, limit)
        if got:
            return describe_source(doc, got[0], got[1], self.book, doc[i].idx)
        return None

    def before(self, q: Quoted):
        """A cue before the quote in the same sentence: `Lavrov said: “…`, `said that “…`, `according to X, “…`."""
        doc, text = self.doc, self.text
        t = self.token_at(q.start)
        if t is None:
            return None
        sent_start = t.sent.start
        # sentences may have been split inside the paragraph before a partial quote; stay in the paragraph
        para_start = text.rfind("\n", 0, q.start) + 1
        if sent_start == t.i and t.i > 0 and text[para_start : q.start].rstrip().endswith((",", ":")):
            # `… said Wednesday, "Certainly …"`: the parser ended the sentence at the comma
            sent_start = doc[t.i - 1].sent.start
        lo = max(sent_start, t.i - 60)  # a cue is never far before its quote
        floor = self._floor(t)
        lo = max(lo, floor)
        toks = [tok for tok in doc[lo : t.i] if tok.idx >= para_start]
        if not toks:
            return None
        # colon after a name: `Sergei Lavrov spoke more harshly: “…”`, `Macron: “…”`
        for k in range(len(toks) - 1, -1, -1):
            tok = toks[k]
            if is_cue_verb(tok, self.tagged) and not self.book.inside_quote(tok.idx):
                src = self.source_for_cue(tok, tok.idx, after_quote=False)
                got = self.checked((src, tok.text, "before"))
                if got:
                    cue = tok.text
                    if toks[-1].text == ":" and toks[-1].i > tok.i:
                        cue = text[tok.idx : toks[-1].idx + 1]
                    return got[0], cue, "before"
                if src is None:
                    break
                # a clause or a day offered as the speaker (`He added that praising X was like
                # saying “…”`): the cue before it may name the speaker
        ph = self._phrase_cue(toks)
        if ph:
            k_after, k_ph, phrase = ph
            if k_after < len(toks):
                got = self._np_from(toks[k_after].i, toks[-1].i + 1)
                if got:
                    return got, phrase, "before"
        if toks[-1].text == ":" and len(toks) >= 2:
            got = lexical_np_before(doc, toks[-1].i, toks[0].i)
            if got is None and 2 <= len(toks) <= 4 and all(x.is_title and x.is_alpha for x in toks[:-1]) \
                    and not text[para_start : toks[0].idx].strip() and toks[-2].lower_ in self.book.by_last:
                # `Trump: “…”` opening a line, whatever the tagger made of the name
                raw = text[toks[0].idx : toks[-2].idx + len(toks[-2])]
                name = self.book.fullest(raw)
                return Source(name, True, f"'{raw}:' opening the line → {name}", toks[0].idx, toks[-2].idx + len(toks[-2])), ":", "before"
            if got and got[1] - got[0] <= 6 and (got[0] == toks[0].i or doc[got[0] - 1].lower_ == "by"):
                # `Macron: “…”`, and a byline before an excerpt: `“…,” by DNAinfo's Eddie Small: "…"`
                src = describe_source(doc, got[0], got[1], self.book, toks[-1].idx)
                if src and src.identifiable:
                    return src, ":", "before"
            if self.parsed:
                # `Faggioli gave the only answer he could: “…”`: the named subject of the clause
                # the colon closes
                v, steps = toks[-2], 0
                while (v.pos_ not in ("VERB", "AUX") or v.dep_ in ("relcl", "ccomp", "xcomp", "conj", "aux")) \
                        and v.head.i != v.i and toks[0].i <= v.head.i < toks[-1].i and steps < 6:
                    v, steps = v.head, steps + 1
                subj = subject_of(v) if v.pos_ in ("VERB", "AUX") else None
                if subj is not None and subj.i >= toks[0].i and subj.pos_ != "PROPN" and subj.lower_ not in ("he", "she"):
                    # "One early supporter, Representative Lee Zeldin, …, gave the technique a whirl
                    # in an interview with CNN on Tuesday: “…”": the name in apposition
                    subj = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), subj)
                if subj is not None and subj.i >= toks[0].i and (subj.pos_ == "PROPN" or subj.lower_ in ("he", "she")):
                    src = describe_source(doc, *np_bounds(subj), self.book, toks[-1].idx)
                    if src and src.identifiable:
                        return src, ":", "before"
        return None

    def framing(self, q: Quoted):
        """`what it called a “troubling” settlement`, `defended Farrakhan as an “outstanding human
        being”`: a short quoted term a framing verb gives as its subject's name for something is the
        subject's quote (a `called`/`as` right before it, the verb up its clause in the parse)."""
        if not self.parsed:
            return None
        before = self.text[max(0, q.start - 60) : q.start]
        if not _FRAMED_BEFORE.search(before):
            return None
        s, e = q.inner
        span = self.doc.char_span(s, e, alignment_mode="expand")
        if span is None or not len(span):
            return None
        forms = word_set("attribution", "framing_verbs.txt")
        inside = range(span.start, span.end)
        for r in [t for t in span if t.head.i not in inside][:2]:
            v, steps = r.head, 0
            while steps < 5 and v.i not in inside:
                if v.lower_ in forms and v.pos_ in ("VERB", "AUX") and v.i < span.start and not self.book.inside_quote(v.idx):
                    src = self._framer(v)
                    return (src, v.text, "before") if src is not None else None
                if v.head.i == v.i or v.dep_ in ("ROOT",):
                    break
                v, steps = v.head, steps + 1
        return None

    def _framer(self, v) -> Source | None:
        """Who gives the name with framing verb `v`: its subject; in the passive (`the plan was
        described as “a disaster”`) only its agent, never the thing named; for a gerund with a
        reflexive object (`banks on presenting herself as “anti-system”`) the person meant."""
        kids = list(v.children)
        if passive_use(v):
            who = agent_of(v)
            return describe_source(self.doc, *np_bounds(who), self.book, v.idx) if who is not None else None
        refl = next((c for c in kids if c.dep_ == "dobj" and c.lower_ in ("herself", "himself")), None)
        if refl is not None and v.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in kids):
            got = self.book.resolve_pronoun(refl.idx, pronoun=refl.lower_)
            if got is None:
                return None
            return Source(got[0], True, f"'{refl.text}' → {got[0]}", refl.idx, refl.idx + len(refl))
        return self.source_for_cue(v, v.idx, after_quote=False)

    def headline_speaker(self, q: Quoted):
        """`Donald Trump Is Now Calling Obama The ‘Most Valuable Player’ For ISIS`, `“It’s gotta be
        a set-up”: Neighbor of Las Vegas Shooter Claims …`: a headline set in title case, which the
        tagger cannot parse, credits the words to the one it names before its verb of saying or
        naming (a person the article names in full), or to the phrase after a colon that follows
        the quote."""
        if not self._on_first_line(q.start):
            return None
        text = self.text
        lo = text.rfind("\n", 0, q.start) + 1
        hi = text.find("\n", q.end)
        hi = len(text) if hi == -1 else hi
        if hi - lo > 400:
            return None  # no headline runs this long (and a page with no line breaks is not read word by word per quote)
        cues = set(lexicon().verb_forms) | word_set("attribution", "framing_verbs.txt")
        words = [(m.start() + lo, m.group()) for m in re.finditer(r"[A-Za-z][\w’'-]*", text[lo:hi])]
        outside = [(i, w) for i, w in words if not q.start <= i < q.end]
        long_words = [w for _, w in outside if len(w) > 3]
        if not long_words or sum(w[0].isupper() for w in long_words) < 0.7 * len(long_words):
            return None  # not set in title case: a sentence the parser reads, not a headline
        cue = next(((i, w) for i, w in outside if w.lower() in cues), None)
        if cue is None:
            return None
        after_colon = re.match(r"\s*:\s*", text[q.end:hi])
        if after_colon and cue[0] > q.end:
            # `“…”: Neighbor of Las Vegas Shooter Claims …`
            start = q.end + after_colon.end()
            phrase = text[start : cue[0]].strip()
            if phrase and len(phrase.split()) <= 8:
                return Source(phrase, False, f"'{phrase}' before '{cue[1]}' in the headline", start, start + len(phrase)), cue[1], "after"
            return None
        if cue[0] > q.start:
            return None
        for i, w in reversed([(i, w) for i, w in outside if i < cue[0]]):
            full = [
                n for n in self.book.by_last.get(w.lower(), [])
                if len(n.split()) >= 2 and self.book.is_person(n)
                # plainly a person: a first name we know, or a title the article gives ("Former
                # Mexican President Felipe Calderon"), not "Las Vegas Massacre" or "DR Congo"
                and (self.book.gender(n) is not None or any(n in names for names in self.book.titles.values()))
            ]
            if full:
                name = max(full, key=len)
                return Source(name, True, f"'{w}' in the headline → {name}", i, i + len(w)), cue[1], "before"
        return None

    def speech_noun(self, q: Quoted):
        """`his warning that Britain would go to the “back of the queue”`, `comments from former
        Secretary Leon Panetta that “time, distance …”`: the quote inside the clause of a noun of
        speech is its holder's (the possessor, or the one it is by or from)."""
        if not self.parsed:
            return None
        t = self.token_at(q.start)
        if t is None:
            return None
        sent = t.sent
        lo = max(sent.start, t.i - 30, self._floor(t))
        for k in range(t.i - 1, lo - 1, -1):
            noun = self.doc[k]
            if noun.lower_ not in _SPEECH_NOUNS or noun.pos_ != "NOUN" or self.book.inside_quote(noun.idx):
                continue
            between = self.text[noun.idx + len(noun) : q.start]
            # the quote is what was said: right after the noun (`: “…”`, `, “…”`) or in its that-clause
            # (`his statement on Wednesday that “Islam hates us”`: a time or place may come between)
            if not (re.fullmatch(r"\s*[:,]?\s*", between) or re.match(r"\s*(?:(?:by|from|of|on|in|at|during|last|earlier)\s+[^,;.!?]{1,80}?\s+)?that\b[^.;!?]*$", between)):
                return None
            holder = next((c for c in noun.children if c.dep_ == "poss"), None)
            if holder is None:
                by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")), None)
                holder = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
            if holder is None:
                return None
            lo2, hi2 = np_bounds(holder) if holder.lower_ not in ("his", "her", "their", "its") else (holder.i, holder.i + 1)
            if holder.lower_ in ("his", "her"):
                got = self.book.resolve_pronoun(holder.idx, pronoun=holder.lower_)
                if got is None:
                    return None
                src = Source(got[0], True, f"'{holder.text} {noun.text}' → {got[0]}", holder.idx, holder.idx + len(holder))
            else:
                src = describe_source(self.doc, lo2, hi2, self.book, holder.idx)
            return (src, noun.text, "before") if src is not None else None
        return None

    def shown_saying(self, q: Quoted):
        """`cuts to footage of Trump saying, “…”`, `a video of Clinton telling supporters “…”`: the one
        the recording shows (the parser reads 'Trump saying' as a noun)."""
        m = _SHOWN_SAYING.search(self.text, max(0, q.start - 160), q.start)
        return self._named_by(m, m.group(2) if m is not None else "")

    def dash_name(self, q: Quoted):
        """A roundup's `Media shares blame in Iowa poll overhype - HuffPollster: “…”`: the name
        between the dash and the colon, not anyone in the heading before it."""
        text = self.text
        para_start = text.rfind("\n", 0, q.start) + 1
        m = _DASH_NAME_COLON.search(text[para_start : q.start])
        if m is None:
            return None
        a, b = para_start + m.start(1), para_start + m.end(1)
        span = self.doc.char_span(a, b, alignment_mode="expand")
        if span is None or not len(span):
            return None
        src = describe_source(self.doc, span.start, span.end, self.book, a)
        return (src, ":", "before") if src is not None and src.identifiable else None

    def in_list(self, q: Quoted) -> bool:
        """A short quoted term next to another one: `"instructors", "military advisers" or "volunteers"`."""
        text = self.text
        before = text[max(0, q.start - 6) : q.start]
        after = text[q.end : q.end + 6]
        # on one line: a quote that ends a paragraph is not listed with the one opening the next
        return bool(re.search(r"[\"”’»],?[^\S\n]*(?:or|and)?[^\S\n]*$", before) or re.match(r"^,?[^\S\n]*(?:or|and)?[^\S\n]*[\"“‘«]", after))

    def run(self) -> list[QuoteInfo]:
        out: list[QuoteInfo] = []
        text = self.text
        prev: tuple[Quoted, Source, str] | None = None
        last_title: int | None = None
        pending: list[Quoted] = []
        for q in self.quoted:
            self._current = q
            s, e = q.inner
            content = text[s:e]
            nwords = _words(content)
            governed = self.checked(self.dash_name(q)) or self.checked(self.governing(q))
            found = governed or self.checked(self.after(q)) or self.checked(self.before(q))
            why = ""
            starts_para = not text[text.rfind("\n", 0, q.start) + 1 : q.start].strip()
            before_text = text[max(0, q.start - 40) : q.start]
            near_cue = _has_cue(" ".join(re.findall(r"[A-Za-z]+", before_text)[-5:]))
            # `says that …`, `tweeted that Trump is a “loser,” a “liar” and a “whiner”`: words said
            said_that = governed is not None and (
                lexicon().verb_forms.get(governed[1].lower()) == "say"
                or re.search(r"\bthat\b[^.!?]*$", text[max(0, q.start - 120) : q.start]) is not None
            )
            # the same cue already credited a quote earlier in this sentence: `Franken's office said he has
            # not "intentionally engage in" the "kind of conduct" described` goes on quoting
            same_voice = found is not None and prev is not None and prev[2] == found[1] and prev[1].name == found[0].name \
                and q.start - prev[0].end <= 80 and not re.search(r"[–—;(]|\s-\s", text[prev[0].end : q.start]) \
                and bool(self._same_sentence([prev[0]], q)) and not self._other_framing(prev[0].end, q.start, found[1]) \
                and not self._someone_else_leads(prev[0].end, q.start, found[0].name)
            if found and nwords <= 3 and found[2] == "before" and not said_that and not same_voice \
                    and (_MENTION_BEFORE.search(before_text) and not near_cue or self.in_list(q)):
                found = None  # the "yellow vests", "instructors", "mercenaries": terms mentioned, not words said
            if found is None and nwords <= 20:
                found = self.checked(self.framing(q))
            if found is None:
                found = self.checked(self.speech_noun(q))
            if found is None:
                found = self.checked(self.shown_saying(q))
            title_context = _TITLE_BEFORE.search(before_text) is not None or last_title is not None and re.fullmatch(
                r"\s*,?\s*(?:and|or)?\s*", text[last_title : q.start]
            ) is not None or (
                _TITLE_AFTER.match(text[q.end : q.end + 30]) is not None
                or re.search(r"\b(?:starred|starring|stars|appeared|appearing)\s+in\s*$", before_text) is not None
            )
            # a headline sets everything in title case: `Trump: “We Will Build The Wall”` is words said
            headline_words = found is not None and found[1] == ":" and not title_context and self._on_first_line(q.start)
            said_then = re.search(r"\b([a-z]+)\s*[,:]\s*$", before_text)
            said_then = said_then is not None and lexicon().verb_forms.get(said_then.group(1)) in _SAID_THEN
            if found and not headline_words and not said_then and _is_title(content, 12 if title_context else 6) and (found[2] != "after" or title_context) \
                    and (title_context or self._on_first_line(q.start) or not self._finite_clause(q)):
                # "Sunday Morning Futures", `on CNN’s “State of the Union,” Fallin said`: a title
                # or a name, not words said
                found = None
            if title_context and _is_title(content, 12):
                last_title = q.end  # `starred in “Parks and Recreation” and “Guardians of the Galaxy,”`
            if found is None and prev is not None and (
                re.fullmatch(r"[,;]?\s*(?:and|or|but)?\s*", text[prev[0].end : q.start]) or _participle_link(text[prev[0].end : q.start])
            ):
                # the next item of a list whose first item was someone's words (`described Trump
                # as a “caricature …” and “stupendously un-conservative”`), or the quote a
                # participle cue links to the one before (`she stated, “…,” adding, “…”`)
                found = (prev[1], prev[2], "carried")
            short_sentence = 2 <= nwords < 4 and re.fullmatch(r"[A-Z][^.!?]*[.!?]", content.strip()) is not None
            if found is None and short_sentence and prev is not None and re.search(r"[.!?](?:''|[\"”’»])?\s*$", text[max(0, q.start - 5) : q.start]) \
                    and not starts_para and self._previous_sentence_holds(prev[0], prev[2], q):
                # `“It’s not quite optimistic,” he said. “We’re hopeful.”`: a short sentence right
                # after the one that quotes the speaker, in the same paragraph
                found = (prev[1], prev[2], "carried")
            if found is None and nwords >= 4:
                # no cue in its sentence: a quote opening a sentence carries on from the previous
                # speaker, or from a sentence ending with a colon or a cue
                opens_sentence = starts_para or re.search(r"[.!?…:](?:''|[\"”’»])?\s*$", text[max(0, q.start - 5) : q.start])
                if opens_sentence:
                    # only punctuation after it (`…office”.`) still ends the paragraph
                    ends_para = not text[q.end : (text.find("\n", q.end) + 1 or len(text) + 1) - 1].strip().strip(".,;")
                    if prev is not None and self._previous_sentence_holds(prev[0], prev[2], q):
                        # `“…,” the former president told a crowd that the campaign estimated at
                        # 3,000. “…”`: the sentence before is the last quote's, so is this one
                        found = (prev[1], prev[2], "carried")
                    else:
                        found = self.previous_sentence_cue(q, whole_para=bool(starts_para and ends_para and q.closed))
                if found is None and opens_sentence and prev is not None and q.start - prev[0].end < 400:
                    gap = text[prev[0].end : q.start]
                    # a new paragraph whose lead-in has a subject of its own ("⏎⏎The Slate columnist
                    # went so far as to say: “…”") brings in someone else's words, unless it names the
                    # last speaker again ("More from Jones: “…”"); "⏎And it gets worse: “…”" goes on
                    lead_at = prev[0].end + gap.rfind("\n")
                    new_lead = "\n" in gap and prev[1].name.split()[-1].lower() not in re.findall(r"[\w'’-]+", text[lead_at : q.start].lower()) \
                        and self._someone_else_leads(lead_at, q.start, prev[1].name)
                    if gap.count("\n") <= 2 and not new_lead and not _authors_sentence_in(gap):
                        found = (prev[1], prev[2], "carried")
            if found is None:
                found = self.checked(self.put_it(q)) or self.checked(self.message_from(q))
            if found is None and not title_context:
                found = self.headline_speaker(q)
            if found is None and not title_context and not _is_title(content, 12) \
                    and not _NAMED_TERM_BEFORE.search(before_text):
                found = self.checked(self.reported_clause(q))
            if found is None:
                if not title_context and q.closed and 2 <= nwords <= 12 and not _is_title(content, 12):
                    pending.append(q)  # may yet be credited by a cue at the end of its sentence
                continue
            src, cue, where = found
            if src and src.name.lower() == "it":
                # `“…,” it reads.`: the email's writer; `what it calls “…”`: the body just named
                author = self.document_author(q, src)
                if author is None or not author.identifiable:
                    author = self.body_referent(q, src) or author
                if (author is None or not author.identifiable) and prev is not None and prev[1].identifiable and q.start - prev[0].end < 200 and (
                    where == "previous" or where == "after" and _IT_READS.match(text, q.end)
                ):
                    # `“…,” it said.⏎⏎“…,” it read.`: the same document as the quote just before
                    author = prev[1]
                src = author
            elif src and re.fullmatch(r"the (?:statement|letter|release|memo|email|post|tweet|message)", src.name.lower()):
                # `Jeff Sessions issued a statement on Friday. “…,” the statement said.`: its issuer
                src = self.issuer_of(q, src) or src
            elif src and re.fullmatch(r"the (?:[\w-]+ )?(\w+)", src.name.lower()) and src.name.lower().split()[-1] in _BODY_EPITHETS:
                # `Exxon Mobil rejected … The company called them “…”`: the body just named
                src = self.body_referent(q, src, described=True) or src
            if not src or not src.name or src.name.lower() in _NOT_SPEAKERS:
                continue  # the author's or the reader's own voice, or no one we can name
            if where != "carried":
                src = self.named_referent(q, src)
            if where == "after":
                why = f"speaker from '{cue}' after the quote: {src.how}"
            elif where == "before":
                why = f"speaker from '{cue}' before the quote: {src.how}"
            elif where == "carried":
                why = f"continues the quote before it: speaker {src.name}"
            else:
                why = f"speaker named in the previous sentence ('{cue}'): {src.how}"
            if where == "after":
                for earlier in self._same_sentence(pending, q):
                    # `Such a reading is causing “rampant confusion,” will spread “a plague of
                    # divorce” …, the three bishops said`: the cue at the end of the sentence
                    # credits every quote in it
                    out.append(QuoteInfo(Span(
                        "quote", earlier.start, earlier.end, speaker=src.name, cue=cue,
                        why=f"speaker from '{cue}' at the end of its sentence: {src.how}",
                    ), src))
            pending = []
            self.book.note_speaker(q.start, src.name)
            span = Span("quote", q.start, q.end, why=why, speaker=src.name, cue=cue)
            out.append(QuoteInfo(span, src))
            prev = (q, src, cue)
        out.sort(key=lambda info: info.span.start)
        return out

    def _same_sentence(self, pending: list[Quoted], q: Quoted) -> list[Quoted]:
        """The quotes of `pending` in the sentence of `q`, with no sentence end between."""
        t = self.token_at(q.start)
        if t is None:
            return []
        got = []
        for earlier in pending:
            te = self.token_at(earlier.start)
            between = self.text[earlier.end : q.start]
            if te is not None and te.sent == t.sent and "\n" not in between and not re.search(r"[.!?][\"”’»]?\s+[A-Z]", between):
                got.append(earlier)
        return got

    def checked(self, found):
        """`found` unless its speaker is a clause the parse handed over ('in requiring 250
        workers …', 'which backers use …') or a day ('on Monday offering'); a dateline read as the subject ('PHILADELPHIA — The
        committee offered …') gives way to the phrase after its dash."""
        if found is None or found[0] is None or not found[0].name:
            return None  # nobody found this way: the next way is tried
        src = found[0]
        words = src.name.split()
        if words[0] in _NOT_A_SPEAKER_START or words[0].lower() in _NOT_A_SPEAKER_START - _DETERMINER_STARTS \
                or src.name.lower() in _WHEN_WORDS:
            return None  # `a statement on Monday offering “…”`: Monday says nothing; "Of Carson, Levine said"
        if not any(ch.isalpha() for ch in src.name.replace("’s", "").replace("'s", "")) \
                or (len(words) == 1 and src.name.rstrip(".").lower() in BARE_TITLES):
            return None  # "Let’s state the obvious:" (the author), a title cut off from its name ("Mr.")
        if src.name.lower() in ("emphasis", "italics", "bold", "brackets"):
            return None  # `“…” (emphasis added)`: the author's note on the quote, not its speaker
        first = self.token_at(src.start) if self.tagged and src.start is not None else None
        if first is not None and first.tag_ == "VBG" and first.text[:1].islower():
            return None  # `praising the former president … was like saying “…”`: an act, not a speaker
        if len(words) == 1 and src.name.isupper() and len(src.name) > 2:
            dateline = re.compile(rf"[^\S\n]*{re.escape(src.name)}(?:,[^\n]{{0,30}}?)?[^\S\n]*(?:\([^)\n]*\)[^\S\n]*)?[—–-]+[^\S\n]*")
            m = dateline.match(self.text, self.text.rfind("\n", 0, src.start) + 1)
            if m:
                t = self.token_at(m.end())
                after = self._np_from(t.i, min(len(self.doc), t.i + 12)) if t is not None else None
                return (after, found[1], found[2]) if after is not None and after.name else None
        return found

    def named_pair(self, q: Quoted, src: Source) -> Source | None:
        """`Goodlatte and Benghazi Committee Chairman Trey Gowdy sent a letter … The two lawmakers
        argue that “…”`: a plural description of people stands for the two people the article last
        named together."""
        m = _PLURAL_DESCRIPTION.match(src.name)
        if m is None:
            return None
        if _singular(m.group(1).lower()) not in lexicon().roles:
            return None
        people = [mm for mm in self.book.mentions if mm.person and mm.end <= src.start and src.start - mm.start < 3000]
        for a, b in zip(reversed(people[:-1]), reversed(people[1:])):
            if _PAIR_GAP.fullmatch(self.text[a.end : b.start]):
                name = f"{self.book.fullest(a.name)} and {self.book.fullest(b.name)}"
                return Source(name, True, f"{src.how}; '{src.name}' → {name}, named together before", src.start, src.end)
        return None

    def named_referent(self, q: Quoted, src: Source) -> Source:
        """`Glenn Beck said … The radioman pointed to “…”`, `the 45-year-old said`: a definite
        description standing for the person the article is about is reported by that person's
        name. Roles that usually bring in someone else (`the spokesman`, `the aide`) stay as
        they are, and so does any description when no person was named in the last sentences."""
        pair = self.named_pair(q, src)
        if pair is not None:
            return pair
        m = _DEFINITE_DESCRIPTION.match(src.name)
        head = m.group(1).lower() if m else ""
        person_word = head in lexicon().roles or head.endswith(("-year-old", "radioman"))
        # "the Russian leader", "the politician": one person, though "leaders" or "politicians" say is vague
        anaphoric = head in word_set("attribution", "anaphoric_roles.txt")
        if m is None or not person_word or head in lexicon().vague_heads and not anaphoric or head in _OTHER_VOICES:
            return src
        key = src.name.lower()
        if key in self._described:
            # the article keeps one epithet for one person: `the former president` again
            name = self._described[key]
            return Source(name, True, f"'{src.name}' → {name}, as earlier in the article", src.start, src.end)
        got = self.book.resolve_pronoun(q.start)
        if got is None:
            return src
        name, back = got
        # only someone the article puts forward: a speaker already, or the subject of a sentence;
        # a name, not another description ('a reporter')
        last = name.split()[-1:]
        if back > 5 or name.split()[0].lower() in ("a", "an", "the") or last[0].lower() in src.name.lower().split() or not (
            any(n.split()[-1:] == last for _, n in self.book._speakers)
            or any(mm.person and mm.subject and mm.name.split()[-1:] == last for mm in self.book.mentions)
        ):
            return src
        self._described[key] = name
        return Source(name, True, f"'{src.name}' → {name}, named {how_far_back(back)}", src.start, src.end)

    def body_referent(self, q: Quoted, src: Source, described: bool = False) -> Source | None:
        """`The Brady Center sued on Friday. … what it called a “troubling” settlement`: an `it`
        that speaks is the organisation last named as a subject in the sentences just before."""
        for m in reversed(self.book.mentions):
            if m.start >= q.start:
                continue
            if self.book._sentences_between(m.start, q.start) > 2:
                break
            # without the entity recogniser a body's name reads as a person's; `the company` says
            # what it is, unless the name is plainly a person's (`Ben Carson`)
            body = not m.person or (described and len(m.name.split()) <= 3 and self.book.gender(m.name) is None)
            if body and (m.subject or self._speaks_for(m)):
                # the whole name of the body: 'Justice Department', not the 'Department' left
                # once the role-like 'Justice' is dropped
                start = m.start
                t = self.token_at(start)
                while t is not None and t.i > 0 and self.doc[t.i - 1].is_title and self.doc[t.i - 1].is_alpha \
                        and not self.doc[t.i - 1].is_stop:
                    t = self.doc[t.i - 1]
                    start = t.idx
                name = self.text[start : m.end]
                return Source(name, True, f"'{src.name}' → {name}, named just before", start, m.end)
        return None

    def _speaks_for(self, m) -> bool:
        """`A representative for Southern New Hampshire University did not respond …`: the body a
        sentence's subject speaks for is as good as the subject, for a later `it`."""
        t = self.token_at(m.end - 1)
        if t is None or not self.book.parsed:
            return False
        while t.dep_ in ("compound", "flat") and t.head.i != t.i:
            t = t.head
        prep = t.head if t.dep_ == "pobj" else None
        if prep is None or prep.lower_ not in ("for", "of", "at") or prep.head.i == prep.i:
            return False
        who = prep.head
        return who.dep_ in ("nsubj", "nsubjpass") and who.lower_ in _SPOKESPEOPLE

    def issuer_of(self, q: Quoted, src: Source) -> Source | None:
        """`Attorney General Jeff Sessions issued a statement … “…,” the statement said.`: who
        issued, released or sent the document, in the three sentences up to the quote; a named
        person or body only."""
        if not self.parsed:
            return None
        noun = src.name.lower().split()[-1]
        t = self.token_at(q.start)
        if t is None:
            return None
        lo = t.sent.start
        for _ in range(3):
            if lo == 0:
                break
            lo = self.doc[lo - 1].sent.start
        for tok in reversed(self.doc[lo : t.i]):
            if tok.lower_ != noun or self.book.inside_quote(tok.idx) or src.start <= tok.idx < src.end:
                continue
            if not (tok.dep_ == "dobj" and tok.head.lower_ in _ISSUING):
                return None  # the statement last mentioned is not one someone issued ('read out a statement')
            who = subject_of(tok.head)
            if who is None or self.book.inside_quote(who.idx):
                return None
            got = describe_source(self.doc, *np_bounds(who), self.book, who.idx)
            return got if got is not None and got.identifiable else None
        return None

    def document_author(self, q: Quoted, src: Source) -> Source | None:
        """`The email was sent by Jeremy Bash. … “I just tried you on the phone,” it reads.`: an
        `it` quoting words is a document named just before; its writer speaks, or, when the text
        names none, the document itself ('the email')."""
        t = self.token_at(q.start)
        if t is None or not self.tagged:
            return None
        sents = []
        sent = t.sent
        while sent is not None and len(sents) < 5:
            sents.append(sent)
            sent = self.doc[sent.start - 1].sent if sent.start > 0 else None
        for sent in sents:
            nouns = [
                tok for tok in sent
                if tok.lower_ in _DOCUMENT_NOUNS and tok.pos_ == "NOUN" and tok.idx < q.start
                and not self.book.inside_quote(tok.idx)
                # "In a tweet, it said …": the tweet is how it spoke, not what 'it' is
                and not (sent is sents[0] and tok.dep_ == "pobj")
            ]
            if not nouns:
                continue
            noun = nouns[-1]
            people = [
                m for m in self.book.mentions
                if m.person and sent.start_char <= m.start < sent.end_char and not self.book.inside_quote(m.start)
            ]
            if people:
                # the writer: `sent by …`, `written by …`, `from …` when said, else the first named
                writer = next(
                    (m for m in people if _WRITTEN_BY.search(self.text[max(sent.start_char, m.start - 100) : m.start])),
                    people[0],
                )
                name = self.book.fullest(writer.name)
                return Source(name, True, f"'{src.name}' is the {noun.lower_} by {name}", writer.start, writer.end)
            return Source(f"the {noun.lower_}", False, f"'{src.name}' is the {noun.lower_} named before", noun.idx, noun.idx + len(noun))
        return None

    def _previous_sentence_holds(self, earlier: Quoted, cue: str, q: Quoted) -> bool:
        """Is the sentence right before `q` (same paragraph) the one that quotes `earlier`, with its
        cue as the main verb (not `…, calling Trump “…,” Susan said`)?"""
        t = self.token_at(q.start)
        if t is None or t.sent.start == 0 or not self.parsed:
            return False
        prev_sent = self.doc[t.sent.start - 1].sent
        between = self.text[earlier.end : q.start]
        return (
            prev_sent.start_char <= earlier.start < prev_sent.end_char
            and "\n" not in self.text[prev_sent.end_char : q.start]
            # a sentence keeps the line breaks after it: past one, a new line that leads into the quote
            # with someone else as its subject is not a continuation
            and not ("\n" in between and self._someone_else_leads(earlier.end + between.rfind("\n"), q.start))
            and prev_sent.root.text == cue
        )

    def _tokens_between(self, start: int, end: int):
        """The tokens from char `start` (or the first one after it) that begin before `end`."""
        t = self.token_at(start)
        return self.doc[t.i : bisect.bisect_left(self._tok_starts, end)] if t is not None else []

    def _other_framing(self, start: int, end: int, cue: str) -> bool:
        """Is there a verb of saying or naming between `start` and `end` other than `cue` ("… as
        “discernment”": presented so by others)?"""
        framing = word_set("attribution", "framing_verbs.txt")
        return any(
            t.text != cue and (t.lower_ in framing or is_cue_verb(t, self.tagged)) for t in self._tokens_between(start, end)
        )

    def _someone_else_leads(self, start: int, end: int, name: str = "") -> bool:
        """Does the text between `start` and `end` have a subject of its own, a noun other than the
        speaker `name` ("Critics were less kind:", "Bolton distanced himself …"), not "it gets worse:"?"""
        if not self.parsed:
            return False
        own = set(name.lower().split())
        return any(
            t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN") and t.lower_ not in own
            for t in self._tokens_between(start, end)
        )

    def previous_sentence_cue(self, q: Quoted, whole_para: bool = False):
        """`Lavrov said on Tuesday:` / `Macron told reporters.` right before a standalone quote."""
        doc = self.doc
        t = self.token_at(q.start)
        if t is None or t.sent.start == 0:
            return None
        prev_sent = doc[t.sent.start - 1].sent
        if t.idx - prev_sent.end_char > 3:
            # only a sentence directly before (same or previous paragraph)
            if self.text[prev_sent.end_char : t.idx].count("\n") > 2:
                return None
        toks = [tok for tok in prev_sent if not tok.is_space]
        if not toks or toks[-1].text not in (":", ".", ","):
            return None
        if toks[-1].text == ":" and self.parsed:
            # `Cruz called them on it:` / `Breitbart News responded:` — the subject of the introducing clause
            root = prev_sent.root
            cue_toks = [t for t in toks if is_cue_verb(t, self.tagged) and not self.book.inside_quote(t.idx)]
            verb = cue_toks[-1] if cue_toks else root
            src = self.source_for_cue(verb, verb.idx, after_quote=False)
            if src and src.identifiable and src.name.lower() not in ("it", "this", "that", "there", "here"):
                return src, (verb.text + " …:") if verb.i != toks[-1].i else ":", "previous"
            return None
        for tok in reversed(toks):
            if is_cue_verb(tok, self.tagged) and not self.book.inside_quote(tok.idx):
                if self.parsed and tok.dep_ == "relcl":
                    continue  # `told a crowd that the campaign estimated at 3,000`: a clause about the crowd
                if self.parsed and tok.dep_ == "ccomp" and tok.head.i < tok.i and is_cue_verb(tok.head, self.tagged) \
                        and not self.book.inside_quote(tok.head.idx):
                    continue  # `Carter said that critics had been predicting …`: the one who said it
                if toks[-1].text != ":" and not whole_para and any(
                    c.dep_ == "ccomp" and not self.book.inside_quote(c.idx) for c in tok.children
                ):
                    # `X said that Y.` is reported speech, not an introduction (a clause inside the
                    # sentence's own quote is not); a quote that is a paragraph of its own still
                    # belongs to the speaker reported just before it
                    return None
                src = self.source_for_cue(tok, tok.idx, after_quote=False)
                if src and src.identifiable:
                    return src, tok.text, "previous"
                return None
        return None


def detect_quotes(doc) -> list[QuoteInfo]:
    """The attributed quotes of `doc`; leaves the quoted stretches and the name book for `sourcing`."""
    quoted = find_quoted(doc.text)
    if not quoted:
        doc._.sl_quote_ctx = ([], None)
        return []
    finder = _Finder(doc, quoted)
    infos = finder.run()
    doc._.sl_quote_ctx = ([(q.start, q.end) for q in quoted], finder.book)
    return infos


@Language.component("sourcelight_quotes")
def find_quotes(doc):
    try:
        infos = detect_quotes(doc)
    except Exception:  # never let one odd text break the analysis
        infos = []
    doc._.sl_quote_info = infos
    doc._.sl_quotes = [i.span for i in infos]
    return doc


# "Mr.", "Sen.", "Sept.", "J." end no sentence
_ABBREVIATION = re.compile(rf"(?:\b(?:{TITLE_ABBREVIATIONS}|St|Jr|Sr|Jan|Feb|Aug|Sept|Oct|Nov|Dec|Ave|No)|\b[A-Z])$")

_UNQUOTED_RUN = re.compile(r"[^“”\"]{60,}")


def _authors_sentence_in(gap: str) -> bool:
    """A sentence of 60 or more characters without quote marks between two quotes: the author
    speaking, so the second quote does not simply go on with the first."""
    for m in re.finditer(r"[.!?]\s+[A-Z]", gap):
        if m.group(0)[0] == "." and _ABBREVIATION.search(gap[: m.start()]):
            continue
        if _UNQUOTED_RUN.match(gap, m.end() - 1):
            return True
    return False
