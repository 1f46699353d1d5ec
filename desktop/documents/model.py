"""`Article`: the text Sourcelight analyses plus what is known about where it came from."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


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
        if self.title:
            return self.title
        for line in self.text.splitlines():
            if line.strip():
                line = line.strip()
                return line if len(line) <= 90 else line[:87].rstrip() + "…"
        return self.path.rsplit("/", 1)[-1] if self.path else "Untitled"
