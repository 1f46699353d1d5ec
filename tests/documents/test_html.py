"""Saved web pages: the seed's body comes out whole, the page's chrome does not, metadata is found."""

from __future__ import annotations

import socket

import pytest

from desktop.documents import DocumentError, load_path
from desktop.documents.html import article_from_html
from tests.documents.builders import AUTHOR, BOILERPLATE, CANONICAL, DATE, HEADLINE, OUTLET, normalized, seed_page, seed_paragraphs


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection fails the test: a saved page must fetch nothing."""

    def refuse(*args, **kwargs):
        raise AssertionError("opening a saved page tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_every_seed_comes_out_of_a_news_page(tmp_path, seed_texts, no_network):
    for name, seed in seed_texts.items():
        path = tmp_path / (name[:-4] + ".html")
        path.write_text(seed_page(seed), encoding="utf-8")
        article = load_path(path)
        assert normalized(article.text) == normalized(HEADLINE + " " + seed), name
        for chrome in BOILERPLATE + ("Injected by a script", "window.dataLayer", "Home World Politics"):
            assert chrome not in article.text, (name, chrome)
        assert article.kind == "html"
        assert article.path == str(path)


def test_metadata_from_the_page(seed_texts, no_network):
    article = article_from_html(seed_page(seed_texts["002_dc816de6b9c4007f.txt"]), name="page.html")
    assert article.title == HEADLINE
    assert article.author == AUTHOR
    assert article.outlet == OUTLET
    assert article.date == DATE
    assert article.url == CANONICAL


def test_paragraphs_and_headline_are_kept(seed_texts):
    seed = seed_texts["002_dc816de6b9c4007f.txt"]
    article = article_from_html(seed_page(seed), name="page.html")
    paragraphs = article.text.split("\n\n")
    assert paragraphs == [HEADLINE] + seed_paragraphs(seed)
    start, end = article.headings[0]
    assert article.text[start:end] == HEADLINE


def test_legacy_encoding_from_meta_charset(tmp_path):
    page = seed_page("Le président français a déclaré que « rien ne doit être exclu ».\n" * 5)
    page = page.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">')
    path = tmp_path / "latin.htm"
    path.write_bytes(page.replace("« ", "« ").encode("latin-1", "replace"))
    article = load_path(path)
    assert "Le président français a déclaré que « rien ne doit être exclu »." in article.text


def test_page_of_only_scripts(tmp_path):
    path = tmp_path / "app.html"
    path.write_text(
        "<!doctype html><html><head><script src='/bundle.js'></script></head>"
        "<body><div id='root'></div><script>render(document.getElementById('root'))</script></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(DocumentError) as err:
        load_path(path)
    assert str(err.value) == (
        "app.html has no readable text: the page is built by scripts, which Sourcelight never runs "
        "(copy the text from a browser instead)"
    )


def test_empty_html_file(tmp_path):
    path = tmp_path / "blank.html"
    path.write_text("<html><body>\n</body></html>", encoding="utf-8")
    with pytest.raises(DocumentError) as err:
        load_path(path)
    assert str(err.value) == "blank.html has no readable text"


def test_ten_megabyte_page_of_scripts_still_opens(tmp_path, seed_texts):
    """A saved page is often megabytes of inline scripts and pictures around a short article."""
    seed = seed_texts["004_0a461c4a61171af8.txt"]
    scripts = "<script>" + "var tracking = {a: 1, b: [1, 2, 3]};\n" * 280_000 + "</script>"
    picture = '<img src="data:image/png;base64,' + "iVBORw0KGgo" * 100_000 + '">'
    page = seed_page(seed, scripts=scripts + picture)
    assert len(page) > 10_000_000
    path = tmp_path / "heavy.html"
    path.write_text(page, encoding="utf-8")
    article = load_path(path)
    assert normalized(article.text) == normalized(HEADLINE + " " + seed)


def test_ten_megabyte_page_of_markup_is_refused_quickly(tmp_path, seed_texts):
    seed = seed_texts["004_0a461c4a61171af8.txt"]
    filler = "<div class='cell'><span>x</span></div>" * 270_000
    page = seed_page(seed).replace("<main>", "<main>" + filler)
    assert len(page) > 10_000_000
    path = tmp_path / "huge.html"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(DocumentError) as err:
        load_path(path)
    message = str(err.value)
    assert message.startswith("huge.html is too large to find an article in: 10.")
    assert "the limit is 8 MB" in message and "\n" not in message


def test_very_large_page_opens_with_a_warning(tmp_path, seed_texts):
    """Between 2 and 8 MB of real markup: every paragraph outside the menus, fast, with a warning."""
    seed = seed_texts["004_0a461c4a61171af8.txt"]
    filler = "<div class='cell'><p>Row of a very long table of results.</p></div>" * 40_000
    page = seed_page(seed).replace("</article>", "</article>" + filler)
    path = tmp_path / "long.html"
    path.write_text(page, encoding="utf-8")
    article = load_path(path)
    assert normalized(seed) in normalized(article.text)
    assert "Sign in to your account" not in article.text  # the navigation is still left out
    assert article.warnings == ("long.html is a very large page: its text was taken whole, without removing menus or comments",)


def test_html_extension_sniffed_when_missing(tmp_path, seed_texts):
    seed = seed_texts["004_0a461c4a61171af8.txt"]
    path = tmp_path / "saved_page"
    path.write_text(seed_page(seed), encoding="utf-8")
    article = load_path(path)
    assert article.kind == "html"
    assert normalized(article.text) == normalized(HEADLINE + " " + seed)
