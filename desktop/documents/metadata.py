"""Metadata from plain text (best-effort title, author, outlet, date) and the user's corrections."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from dataclasses import dataclass

from desktop.documents.model import Article, DocumentError

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DATE_PATTERNS = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<day>\d\d)\b"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)/(?P<m>\d\d)/(?P<day>\d\d)\b"),
)


def parse_date(text: str) -> str:
    """The first unambiguous calendar date in `text` as YYYY-MM-DD, or ""."""
    best: tuple[int, str] | None = None
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            month = int(groups["m"]) if groups.get("m") else _MONTHS.get(groups["month"].lower()[:3])
            try:
                day = _dt.date(int(groups["year"]), month, int(groups["day"]))
            except (TypeError, ValueError):
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), day.isoformat())
            break
    return best[1] if best else ""


def normalize_date(value: str) -> str:
    """A date the user typed, as YYYY-MM-DD; "" clears it. Raises `DocumentError` if it is not a date."""
    value = value.strip()
    if not value:
        return ""
    found = parse_date(value)
    if found:
        return found
    raise DocumentError(f"“{value}” is not a date Sourcelight understands: use YYYY-MM-DD, e.g. 2024-06-11")


@dataclass(frozen=True)
class Metadata:
    title: str = ""
    author: str = ""
    outlet: str = ""
    date: str = ""


_BOILERPLATE = re.compile(
    r"^(?:date\b|image\b|photo\b|region:|theme:|in-depth report:|by\s|source:|share\b|click\b|to receive\b|"
    r"all .* articles|follow us|subscribe|advertisement|listen\b|read more|updated\b|published\b|\d+\s*min(?:ute)?s? read)",
    re.I,
)
_BYLINE = re.compile(r"^(?:By|Written by|Author:)\s+(?P<name>[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|da|van|von|der|del|la|le|bin|al|el)){0,5})\s*$")
# "Global Research, June 11, 2024" — an outlet line made of a name and a date
_OUTLET_DATE = re.compile(r"^(?P<outlet>[A-Z][\w&.'’ -]{1,60}?),\s+" + _MONTH + r"\s+\d{1,2},?\s+(?:19|20)\d\d\s*$", re.I)
# "Paris, Mar. 31 (Al Arabiya) -" — a dateline crediting a news agency or outlet
_DATELINE = re.compile(r"^[A-Z][\w .'’-]{1,40},\s+" + _MONTH + r"\s+\d{1,2}(?:,\s+(?:19|20)\d\d)?\s+\((?P<outlet>[^()]{2,40})\)\s*[-–—]")


def _is_headline(line: str) -> bool:
    if len(line) > 150 or len(line.split()) < 2:
        return False
    if _BOILERPLATE.match(line) or _OUTLET_DATE.match(line) or _BYLINE.match(line):
        return False
    # a headline is one short phrase: no final full stop, or at most one sentence in title case
    if line.endswith((".", ",", ";", ":")):
        words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
        capitalised = sum(1 for w in words if w[0].isupper())
        return bool(words) and capitalised / len(words) > 0.7 and line.count(". ") == 0
    return True


def guess_metadata(text: str) -> Metadata:
    """Best-effort title, author, outlet and date from the first lines of an article's text.

    Reads only; the text itself is never changed. Empty strings where nothing fits.
    """
    lines = [line.strip() for line in text[:4000].splitlines()]
    lines = [line for line in lines if line][:15]
    title = author = outlet = date = ""
    for index, line in enumerate(lines):
        if not title and index < 4 and _is_headline(line):
            # only before the first body paragraph
            if not any(len(prev) > 200 for prev in lines[:index]):
                title = line
        m = _BYLINE.match(line)
        if m and not author:
            author = m.group("name")
        m = _OUTLET_DATE.match(line)
        if m and not outlet:
            outlet = m.group("outlet").strip()
            date = date or parse_date(line)
        m = _DATELINE.match(line)
        if m and not outlet:
            outlet = m.group("outlet").strip()
            date = date or parse_date(line[: m.end()])
        if not date and (line.lower().startswith(("date ", "published", "updated", "posted")) or len(line) < 60):
            date = parse_date(line)
    return Metadata(title=title, author=author, outlet=outlet, date=date)


def with_guessed_metadata(article: Article) -> Article:
    """Fill the article's empty title / author / outlet / date from its text, where the text shows them."""
    found = guess_metadata(article.text)
    changes = {k: v for k, v in dataclasses.asdict(found).items() if v and not getattr(article, k)}
    return dataclasses.replace(article, **changes) if changes else article


def correct_metadata(
    article: Article,
    *,
    title: str | None = None,
    author: str | None = None,
    outlet: str | None = None,
    date: str | None = None,
) -> Article:
    """The article with the user's corrections applied (None leaves a field alone, "" clears it).

    The date may be typed as 2024-06-11, "June 11, 2024" or "11 June 2024"; anything else raises
    `DocumentError` with a one-line message for the metadata editor.
    """
    changes: dict[str, str] = {}
    for key, value in (("title", title), ("author", author), ("outlet", outlet)):
        if value is not None:
            changes[key] = " ".join(value.split())
    if date is not None:
        changes["date"] = normalize_date(date)
    return dataclasses.replace(article, **changes) if changes else article
