"""New from clipboard: a browser selection (HTML) or plain text becomes an article."""

from __future__ import annotations

import html

import pytest

from desktop.documents import DocumentError, from_clipboard
from tests.documents.builders import BOILERPLATE, HEADLINE, normalized, seed_page, seed_paragraphs


def _selection(paragraphs: list[str], headline: str) -> str:
    # what Chrome/Firefox put on the clipboard for a selection: a fragment with inline styles
    body = "".join(f'<p style="margin: 0 0 1em; font-family: Georgia">{html.escape(p)}</p>' for p in paragraphs)
    return (
        '<html><body><!--StartFragment--><h1 style="font-size: 2em">'
        + html.escape(headline)
        + "</h1>"
        + body
        + "<!--EndFragment--></body></html>"
    )


def test_html_selection_keeps_paragraphs_and_headline(seed_texts):
    seed = seed_texts["002_dc816de6b9c4007f.txt"]
    paragraphs = seed_paragraphs(seed)
    article = from_clipboard(seed, _selection(paragraphs, HEADLINE))
    assert article.kind == "clipboard"
    assert article.text.split("\n\n") == [HEADLINE] + paragraphs
    assert article.title == HEADLINE
    assert article.headings == ((0, len(HEADLINE)),)
    assert article.fetched_at


def test_short_selection_is_kept_whole():
    # one paragraph: far below what a page extractor would call an article, still what the user copied
    article = from_clipboard(None, "<meta charset='utf-8'><span>Macron said “nothing can be ruled out”.</span>")
    assert article.text == "Macron said “nothing can be ruled out”."


def test_whole_page_source_is_extracted(seed_texts):
    seed = seed_texts["004_0a461c4a61171af8.txt"]
    article = from_clipboard(None, seed_page(seed))
    assert normalized(article.text) == normalized(HEADLINE + " " + seed)
    assert not any(chrome in article.text for chrome in BOILERPLATE)


def test_plain_text_paste(seed_texts):
    seed = seed_texts["001_221d298b99cd1c88.txt"]
    pasted = seed.replace("\n", "\r\n") + "\r\n\r\n\r\n"
    article = from_clipboard(pasted, None)
    assert article.text == seed.strip("\n")
    assert article.title == "France Isolated in Its Proposal to Send Troops to Fight Russia"
    assert article.outlet == "Global Research"
    assert article.date == "2024-06-11"


def test_html_without_text_falls_back_to_plain_text():
    article = from_clipboard("The words themselves.", "<img src='x.png'>")
    assert article.text == "The words themselves."


@pytest.mark.parametrize("text, markup", [(None, None), ("", ""), ("  \n\t", "<p> </p>"), (None, "<script>x()</script>")])
def test_empty_clipboard(text, markup):
    with pytest.raises(DocumentError) as err:
        from_clipboard(text, markup)
    assert str(err.value) == "the clipboard has no text to make an article from"


def test_clipboard_holding_a_url():
    with pytest.raises(DocumentError) as err:
        from_clipboard("https://news.example.com/story/123\n", None)
    assert str(err.value) == "the clipboard holds a web address, not an article: use File ▸ Open URL… to open it"
