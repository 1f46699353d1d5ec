"""Pasted text or HTML (File ▸ New from clipboard) into an `Article`."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import re

from desktop.documents.model import Article, DocumentError

_FULL_PAGE = re.compile(r"<(?:nav|header|footer|aside)\b", re.I)
_SOURCE_URL = re.compile(r"^SourceURL:(\S+)", re.M)  # Windows CF_HTML header, when it is kept
_JUST_URL = re.compile(r"^\s*https?://\S+\s*$", re.I)


def clean_pasted_text(text: str) -> str:
    """Pasted plain text with line endings unified, trailing spaces and runs of blank lines trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = text.replace("\u00a0", " ") if text.count("\u00a0") > 20 else text
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text)


def from_clipboard(text: str | None, html: str | None) -> Article:
    """An `Article` from what the clipboard holds: its HTML if that has text, else its plain text.

    A browser selection arrives as HTML with paragraphs and headings, which are kept; a whole page's
    source (with navigation and footers) goes through the same extraction as a saved page.
    """
    from desktop.documents.metadata import with_guessed_metadata

    fetched = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()
    if html and html.strip():
        from desktop.documents.html import article_from_html, html_to_blocks, join_blocks, strip_heavy

        source_url = ""
        m = _SOURCE_URL.search(html[:2000])
        if m:
            source_url = m.group(1)
        article = None
        if _FULL_PAGE.search(html) and len(html) > 2000:
            try:
                article = article_from_html(html, name="the pasted page", url=source_url, kind="clipboard")
            except DocumentError:
                article = None
        if article is None:
            blocks = html_to_blocks(strip_heavy(html))
            body, headings = join_blocks(blocks)
            if body.strip():
                title = next((body[s:e] for s, e in headings), "")
                article = with_guessed_metadata(Article(text=body, title=title, url=source_url, kind="clipboard", headings=headings))
        if article is not None:
            return dataclasses.replace(article, fetched_at=fetched)
    if text and text.strip():
        if _JUST_URL.match(text):
            raise DocumentError("the clipboard holds a web address, not an article: use File ▸ Open URL… to open it")
        body = clean_pasted_text(text)
        return with_guessed_metadata(Article(text=body, kind="clipboard", fetched_at=fetched))
    raise DocumentError("the clipboard has no text to make an article from")
