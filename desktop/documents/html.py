"""HTML to an `Article`: main text and metadata with trafilatura, no scripts run, nothing fetched."""

from __future__ import annotations

import re
import warnings

from desktop.documents.model import Article, DocumentError
from desktop.documents.text import decode_bytes

# Page markup left after scripts, styles, inline pictures and comments are cut out. A real article
# page is well under 1 MB once cut. trafilatura takes 2-6 s per MB on a slow, busy machine
# (`python benchmarks/run.py documents`), so bigger pages get a plain, fast walk instead, and
# pages beyond any article's size are refused.
MAX_EXTRACT_CHARS = 2_000_000
MAX_MARKUP_CHARS = 8_000_000

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HEAVY = re.compile(
    r"<(script|style|svg|noscript|template|object|embed|math)\b[^>]*>.*?</\1\s*>|<!--.*?-->|<!\[CDATA\[.*?\]\]>",
    re.I | re.S,
)
_DATA_URI = re.compile(r"""(["'(])data:[^"')]{200,}""", re.I)
_SCRIPT = re.compile(r"<script\b", re.I)
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote", "pre",
    "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "figure",
    "figcaption", "hr", "address", "form", "fieldset", "details", "summary", "body", "html",
}
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head", "title", "meta", "link", "button", "select", "option", "iframe", "object", "embed", "math"}


def decode_html(data: bytes, name: str, declared: str | None = None) -> str:
    """Text of an HTML file: BOM, then the HTTP header's charset, then the page's own <meta charset>."""
    if not declared:
        m = _META_CHARSET.search(data[:4096])
        if m:
            declared = m.group(1).decode("ascii", "replace")
    text, _ = decode_bytes(data, name, declared=declared)
    return text


def strip_heavy(markup: str) -> str:
    """The markup without scripts, styles, inline SVG, comments and long data: URIs (never text)."""
    markup = _HEAVY.sub(" ", markup)
    return _DATA_URI.sub(r"\1data:,", markup)


def _element_text(el) -> str:
    """Visible text of an extracted element, <lb/> kept as a line break, spaces collapsed."""
    parts: list[str] = []

    def walk(node) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if child.tag == "lb":
                parts.append("\n")
            elif child.tag != "graphic":
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _body_blocks(body) -> list[tuple[str, bool]]:
    """(text, is_heading) paragraphs of trafilatura's extracted body."""
    blocks: list[tuple[str, bool]] = []

    def add(el, heading: bool = False, prefix: str = "") -> None:
        text = _element_text(el)
        if text:
            blocks.append((prefix + text, heading))

    def visit(el) -> None:
        tag = el.tag
        if tag == "head":
            add(el, heading=True)
        elif tag == "list":
            for item in el:
                if item.tag == "item":
                    nested = [c for c in item if c.tag == "list"]
                    for c in nested:
                        item.remove(c)
                    add(item, prefix="• ")
                    for c in nested:
                        visit(c)
        elif tag == "table":
            for row in el.iter("row"):
                cells = [_element_text(cell) for cell in row if cell.tag == "cell"]
                line = " | ".join(c.replace("\n", " ") for c in cells if c)
                if line:
                    blocks.append((line, False))
        elif tag in ("quote", "div", "body") and any(child.tag in ("p", "head", "list", "table", "quote") for child in el):
            if el.text and el.text.strip():
                blocks.append((" ".join(el.text.split()), False))
            for child in el:
                visit(child)
                if child.tail and child.tail.strip():
                    blocks.append((" ".join(child.tail.split()), False))
        elif tag == "graphic":
            return
        else:
            add(el)

    for child in body:
        visit(child)
    return blocks


def join_blocks(blocks: list[tuple[str, bool]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Blank-line-separated paragraphs, and the (start, end) of those that are headings."""
    out: list[str] = []
    headings: list[tuple[int, int]] = []
    pos = 0
    for text, heading in blocks:
        if out:
            out.append("\n\n")
            pos += 2
        if heading:
            headings.append((pos, pos + len(text)))
        out.append(text)
        pos += len(text)
    return "".join(out), tuple(headings)


def html_to_blocks(markup: str, *, drop_chrome: bool = False) -> list[tuple[str, bool]]:
    """Every visible paragraph of an HTML fragment (a pasted selection), in order; no extraction.

    With `drop_chrome`, navigation, headers, footers, asides and forms are left out.
    """
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fromstring(markup)
    except (etree.ParserError, ValueError):
        return []
    blocks: list[tuple[str, bool]] = []
    current: list[str] = []
    chrome = {"nav", "header", "footer", "aside", "form"} if drop_chrome else set()

    def flush(heading: bool = False) -> None:
        text = "\n".join(" ".join(line.split()) for line in "".join(current).split("\n"))
        text = "\n".join(line for line in text.split("\n") if line)
        if text:
            blocks.append((text, heading))
        current.clear()

    def walk(node) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        tag = tag.lower()
        if not tag or tag in _SKIP_TAGS or tag in chrome:
            if node.tail:
                current.append(node.tail)
            return
        if tag == "br":
            current.append("\n")
        elif tag in _BLOCK_TAGS or tag in _HEADING_TAGS:
            flush()
            if tag == "li":
                current.append("• ")
            if node.text:
                current.append(node.text)
            for child in node:
                walk(child)
            flush(heading=tag in _HEADING_TAGS)
        elif tag in ("td", "th"):
            if node.text:
                current.append(node.text)
            for child in node:
                walk(child)
            current.append(" | ")
        else:
            if node.text:
                current.append(node.text)
            for child in node:
                walk(child)
        if node.tail:
            current.append(node.tail)

    walk(root)
    flush()
    return [(text.rstrip(" |").strip(), heading) for text, heading in blocks if text.rstrip(" |").strip()]


def _no_text_error(markup: str, name: str, had_scripts: bool) -> DocumentError:
    visible = html_to_blocks(markup)
    if not visible and had_scripts:
        return DocumentError(
            f"{name} has no readable text: the page is built by scripts, which Sourcelight never runs "
            "(copy the text from a browser instead)"
        )
    if not visible:
        return DocumentError(f"{name} has no readable text")
    return DocumentError(f"{name}: no article text found in this page")


def article_from_html(
    source: str | bytes,
    *,
    name: str,
    path: str = "",
    url: str = "",
    charset: str | None = None,
    kind: str = "html",
) -> Article:
    """The main text and metadata of a web page, as an `Article`; nothing is fetched or run."""
    markup = decode_html(source, name, charset) if isinstance(source, bytes) else source
    if not markup.strip():
        raise DocumentError(f"{name} is empty")
    raw_size = len(markup)
    had_scripts = bool(_SCRIPT.search(markup))
    markup = strip_heavy(markup)
    if len(markup) > MAX_MARKUP_CHARS:
        raise DocumentError(
            f"{name} is too large to find an article in: {raw_size / 1e6:.1f} MB of page "
            f"({len(markup) / 1e6:.1f} MB without scripts; the limit is {MAX_MARKUP_CHARS / 1e6:.0f} MB)"
        )
    if len(markup) > MAX_EXTRACT_CHARS:
        return _large_page(markup, name=name, path=path, url=url, kind=kind, had_scripts=had_scripts)
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            doc = trafilatura.bare_extraction(
                markup,
                url=url or None,
                with_metadata=True,
                include_comments=False,
                include_tables=True,
                include_images=False,
                include_links=False,
                deduplicate=False,
            )
        except Exception:  # trafilatura/lxml on badly broken markup: fall back to the plain walk
            doc = None
    blocks = _body_blocks(doc.body) if doc is not None and doc.body is not None else []
    if not blocks:
        blocks = html_to_blocks(markup, drop_chrome=True)
    text, headings = join_blocks(blocks)
    if not text.strip():
        raise _no_text_error(markup, name, had_scripts)
    title = author = outlet = date = page_url = ""
    if doc is not None:
        title = (doc.title or "").strip()
        author = (doc.author or "").strip()
        outlet = (doc.sitename or "").strip()
        date = (doc.date or "").strip()[:10]
        page_url = (doc.url or "").strip()
    from desktop.documents.metadata import guess_metadata

    guessed = guess_metadata(text)
    return Article(
        text=text,
        title=title or guessed.title,
        author=author or guessed.author,
        outlet=outlet or guessed.outlet,
        date=date or guessed.date,
        url=url or page_url,
        path=path,
        kind=kind,
        headings=headings,
    )


def _large_page(markup: str, *, name: str, path: str, url: str, kind: str, had_scripts: bool) -> Article:
    """A page too big for trafilatura: every paragraph outside nav/header/footer/aside, with a warning."""
    blocks = html_to_blocks(markup, drop_chrome=True)
    text, headings = join_blocks(blocks)
    if not text.strip():
        raise _no_text_error(markup, name, had_scripts)
    title = ""
    m = re.search(r"<title[^>]*>(.*?)</title>", markup[:200_000], re.I | re.S)
    if m:
        import html as _html

        title = " ".join(_html.unescape(m.group(1)).split())
    from desktop.documents.metadata import guess_metadata

    guessed = guess_metadata(text)
    return Article(
        text=text,
        title=title or guessed.title,
        author=guessed.author,
        outlet=guessed.outlet,
        date=guessed.date,
        url=url,
        path=path,
        kind=kind,
        headings=headings,
        warnings=(f"{name} is a very large page: its text was taken whole, without removing menus or comments",),
    )
