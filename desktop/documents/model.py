"""`Article`: the text Sourcelight analyses plus what is known about where it came from."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field


# lines that are never a title: photo credits, bare dates, captions
_NOT_TITLE = re.compile(r"^(date|image|photo|caption|credit)\b|^\d{4}-\d{2}-\d{2}|\bimage source\b|\bgetty\b", re.I)
# "Paris, Mar. 31 (Al Arabiya) - " or "WASHINGTON (Reuters) — " before a lead sentence
_DATELINE = re.compile(r"^[A-Z][\w .'-]{1,40}(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?(?: \([^)]{2,40}\))? ?[-–—] ")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


class DocumentError(Exception):
    """A file, URL or paste could not be turned into an article; the message is for the user."""


@dataclass(frozen=True)
class Article:
    text: str
    title: str = ""
    author: str = ""
    outlet: str = ""
    date: str = ""  # ISO 8601 (YYYY-MM-DD) when known
    url: str = ""
    path: str = ""  # the file it came from, if any
    kind: str = "text"  # text, markdown, html, pdf, url, clipboard
    encoding: str = ""  # the encoding detected for a text file
    headings: tuple[tuple[int, int], ...] = field(default=())  # (start, end) of heading lines
    warnings: tuple[str, ...] = field(default=())  # things the reader should know (pages left out...)
    fetched_at: str = ""  # ISO 8601 UTC time a URL was downloaded or a clipboard pasted

    @property
    def text_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def display_title(self) -> str:
        """The title, else the article's first sentence (without a dateline), else the file name."""
        if self.title:
            return self.title
        for line in self.text.splitlines():
            line = line.strip()
            if not line or _NOT_TITLE.search(line):
                continue
            line = _DATELINE.sub("", line, count=1)
            end = _SENTENCE_END.search(line)
            if end and end.start() >= 20:
                line = line[: end.start() + 1]
            return line if len(line) <= 90 else line[:88].rsplit(" ", 1)[0].rstrip(",;:") + "…"
        return self.path.rsplit("/", 1)[-1] if self.path else "Untitled"
