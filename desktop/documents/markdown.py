"""Markdown to plain text: markup removed, headings kept as their own paragraphs and recorded."""

from __future__ import annotations

import re

from desktop.documents.html import join_blocks
from desktop.documents.model import Article, DocumentError

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<body>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_TAG = re.compile(r"<[^>]*>")


def _front_matter(source: str) -> tuple[dict[str, str], str]:
    """YAML-style `key: value` front matter (Jekyll, Hugo, Obsidian), and the text after it."""
    m = _FRONT_MATTER.match(source)
    if not m:
        return {}, source
    fields: dict[str, str] = {}
    for line in m.group("body").splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t", "-")):
            fields[key.strip().lower()] = value.strip().strip("\"'")
    if not fields:
        return {}, source
    return fields, source[m.end() :]


def _inline_text(token) -> str:
    """The visible words of an inline token: emphasis, links, code marks and inline HTML removed."""
    parts: list[str] = []
    for child in token.children or ():
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind == "html_inline":
            if child.content.lower().startswith("<br"):
                parts.append("\n")
        elif kind == "image":
            continue  # pictures are not part of the article's words
    text = "".join(parts)
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))


def markdown_to_text(source: str) -> tuple[str, tuple[tuple[int, int], ...], str]:
    """(plain text, heading offsets, first H1) for a Markdown document.

    Paragraphs, list items, quotes and code blocks become blank-line-separated paragraphs;
    list items keep a bullet or their number; headings are their own paragraphs.
    """
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    tokens = md.parse(source)
    blocks: list[tuple[str, bool]] = []  # (text, is_heading)
    first_h1 = ""
    list_stack: list[list[int | None]] = []  # per open list: [next number or None for bullets]
    pending_prefix = ""
    in_heading = False
    heading_level = 0
    table_row: list[str] | None = None
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            in_heading = True
            heading_level = int(token.tag[1:])
        elif kind == "heading_close":
            in_heading = False
        elif kind == "bullet_list_open":
            list_stack.append([None])
        elif kind == "ordered_list_open":
            list_stack.append([int(token.attrGet("start") or 1)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_stack.pop()
        elif kind == "list_item_open" and list_stack:
            number = list_stack[-1][0]
            if number is None:
                pending_prefix = "• "
            else:
                pending_prefix = f"{number}. "
                list_stack[-1][0] = number + 1
        elif kind == "tr_open":
            table_row = []
        elif kind == "tr_close" and table_row is not None:
            if any(cell for cell in table_row):
                blocks.append((" | ".join(table_row), False))
            table_row = None
        elif kind == "inline":
            text = _inline_text(token).strip()
            if table_row is not None:
                table_row.append(text)
                continue
            if not text:
                continue
            if in_heading:
                text = " ".join(text.split())
                if not first_h1 and heading_level == 1:
                    first_h1 = text
                blocks.append((text, True))
            else:
                blocks.append((pending_prefix + text, False))
                pending_prefix = ""
        elif kind in ("code_block", "fence"):
            code = token.content.rstrip("\n")
            if code.strip():
                blocks.append((code, False))
        elif kind == "html_block":
            text = " ".join(_TAG.sub(" ", token.content).split())
            if text:
                blocks.append((text, False))
    text, headings = join_blocks(blocks)
    return text, headings, first_h1


def article_from_markdown(source: str, *, name: str, path: str = "", url: str = "", encoding: str = "") -> Article:
    """An `Article` from Markdown source; the title is the front matter's or the first H1."""
    from desktop.documents.metadata import guess_metadata, normalize_date

    fields, body = _front_matter(source)
    text, headings, first_h1 = markdown_to_text(body)
    if not text.strip():
        raise DocumentError(f"{name} has no text once its Markdown markup is removed")
    guessed = guess_metadata(text)
    try:
        date = normalize_date(fields.get("date", "")) if fields.get("date") else guessed.date
    except DocumentError:
        date = guessed.date
    return Article(
        text=text,
        title=fields.get("title") or first_h1 or guessed.title,
        author=fields.get("author") or guessed.author,
        outlet=fields.get("outlet") or fields.get("publication") or fields.get("site") or guessed.outlet,
        date=date,
        url=fields.get("url") or fields.get("source") or url,
        path=path,
        kind="markdown",
        encoding=encoding,
        headings=headings,
    )
