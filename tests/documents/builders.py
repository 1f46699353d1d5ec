"""Fixture builders for the document tests: seeds rendered as saved web pages and as PDFs."""

from __future__ import annotations

import html
import textwrap

HEADLINE = "Europe Weighs Sending Troops to Ukraine"
AUTHOR = "Jane Doe"
OUTLET = "The Daily Planet"
DATE = "2024-02-27"
CANONICAL = "https://dailyplanet.example/world/2024/02/27/europe-troops"

# Words that must not survive extraction: they only appear in the page's chrome.
BOILERPLATE = (
    "Sign in to your account",
    "Share on Facebook",
    "Tweet this story",
    "Most read this week",
    "Subscribe to our newsletter",
    "Cookie settings",
    "All rights reserved",
    "what a load of rubbish",
    "Recommended for you",
)


def seed_paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def normalized(text: str) -> str:
    """Whitespace-insensitive form for comparing an extracted body with a seed."""
    return " ".join(text.split())


def seed_page(text: str, *, headline: str = HEADLINE, extra_head: str = "", scripts: str = "") -> str:
    """A seed as a saved news page: navigation, share buttons, comments and footer around it."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in seed_paragraphs(text))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(headline)} | {OUTLET}</title>
<meta name="author" content="{AUTHOR}">
<meta property="og:site_name" content="{OUTLET}">
<meta property="og:title" content="{html.escape(headline)}">
<meta property="article:published_time" content="{DATE}T09:30:00+00:00">
<link rel="canonical" href="{CANONICAL}">
<link rel="stylesheet" href="https://cdn.dailyplanet.example/site.css">
<script src="https://cdn.dailyplanet.example/tracker.js"></script>
<script>window.dataLayer = []; document.write("Injected by a script");</script>
{extra_head}
</head><body>
<header class="site-header"><a class="logo" href="/">{OUTLET}</a>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li><li><a href="/login">Sign in to your account</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies. <a href="/cookies">Cookie settings</a></div>
<main><article class="story">
<h1>{html.escape(headline)}</h1>
<img src="https://cdn.dailyplanet.example/photo.jpg" alt="Soldiers">
{body}
</article>
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet this story</a></div>
<aside class="related"><h3>Recommended for you</h3><ul><li><a href="/a">Most read this week</a></li></ul></aside>
<section id="comments" class="comments"><h3>3 comments</h3>
<div class="comment"><p>I disagree with every word, what a load of rubbish, nobody cares about this.</p></div></section>
</main>
<footer class="site-footer"><p>Subscribe to our newsletter</p><p>© 2024 {OUTLET}. All rights reserved.</p></footer>
{scripts}
</body></html>"""


def write_pdf(path, paragraphs: list[str], *, headline: str = HEADLINE, title: str = "") -> None:
    """Render a headline and paragraphs as an A4 PDF through QTextDocument (Qt numbers the pages)."""
    from PySide6.QtGui import QFont, QPageSize, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    if title:
        writer.setTitle(title)
    doc = QTextDocument()
    doc.setDefaultFont(QFont("DejaVu Serif", 11))
    doc.setHtml(f"<h1>{html.escape(headline)}</h1>" + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs))
    doc.print_(writer)


def hyphenate(paragraph: str, width: int = 70) -> list[str]:
    """A paragraph as lines of about `width` characters, long words split across lines with a hyphen."""
    lines: list[str] = []
    for line in textwrap.wrap(paragraph, width):
        if lines:
            previous = lines[-1]
            first, _, rest = line.partition(" ")
            if first.isalpha() and first.islower() and len(first) >= 8:
                cut = len(first) // 2
                lines[-1] = f"{previous} {first[:cut]}-"
                line = first[cut:] + (" " + rest if rest else "")
        lines.append(line)
    return lines


def write_lines_pdf(path, pages: list[list[str]], *, size: int = 11, head: str = "", numbers: bool = True) -> None:
    """A PDF drawn line by line (for exact control of hyphens, headers and page numbers)."""
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(72)
    painter = QPainter(writer)
    painter.setFont(QFont("DejaVu Serif", size))
    for index, lines in enumerate(pages):
        if index:
            writer.newPage()
        y = 20
        if head:
            painter.drawText(0, y, head)
            y += 30
        for line in lines:
            if line:
                painter.drawText(0, y, line)
                y += int(size * 1.5)
            else:
                y += int(size * 1.5)  # an empty entry: paragraph spacing
        if numbers:
            painter.drawText(250, 800, str(index + 1))
    painter.end()
