"""Opening a URL: pages, PDFs and text from a local server on 127.0.0.1; every failure is one plain line."""

from __future__ import annotations

import socket

import pytest

from desktop.documents import DocumentError, load_source, load_url
from tests.documents.builders import AUTHOR, BOILERPLATE, HEADLINE, OUTLET, normalized, seed_page, seed_paragraphs, write_pdf


def test_web_page(local_site, seed_texts):
    seed = seed_texts["000_1773240db986259e.txt"]
    url = local_site.add("/world/europe-troops.html", seed_page(seed))
    article = load_source(url)
    assert article.kind == "url"
    assert article.url == url
    assert article.path == ""
    assert article.fetched_at.endswith("+00:00")
    assert normalized(article.text) == normalized(HEADLINE + " " + seed)
    assert (article.title, article.author, article.outlet) == (HEADLINE, AUTHOR, OUTLET)
    assert not any(chrome in article.text for chrome in BOILERPLATE)
    # the page names a stylesheet, a script and a photo on a CDN: none of them is fetched
    assert local_site.requests == ["/world/europe-troops.html"]


def test_redirect_is_followed(local_site, seed_texts):
    target = local_site.add("/story", seed_page(seed_texts["004_0a461c4a61171af8.txt"]))
    url = local_site.add("/s/abc", b"", status=301, headers={"Location": "/story"})
    article = load_url(url)
    assert article.url == target


def test_pdf_url(local_site, tmp_path, qapp, seed_texts):
    seed = seed_texts["004_0a461c4a61171af8.txt"]
    path = tmp_path / "x.pdf"
    write_pdf(path, seed_paragraphs(seed))
    url = local_site.add("/report.pdf", path.read_bytes(), "application/pdf")
    article = load_url(url)
    assert normalized(article.text) == normalized(HEADLINE + " " + seed)


def test_plain_text_url_in_declared_charset(local_site, seed_texts):
    text = "Le président a déclaré que « rien ne doit être exclu ».\n"
    url = local_site.add("/note.txt", text.encode("iso-8859-1"), "text/plain; charset=iso-8859-1")
    assert load_url(url).text == text


def test_markdown_url(local_site):
    url = local_site.add("/post.md", "# Troops\n\nMacron **said** so.\n", "text/markdown; charset=utf-8")
    article = load_url(url)
    assert article.text == "Troops\n\nMacron said so."
    assert article.title == "Troops"


def test_not_found(local_site):
    url = local_site.base + "/missing"
    with pytest.raises(DocumentError) as err:
        load_url(url)
    assert str(err.value) == f"{url} was not found (HTTP 404)"


def test_server_error(local_site):
    url = local_site.add("/broken", "oops", status=500)
    with pytest.raises(DocumentError) as err:
        load_url(url)
    assert str(err.value) == f"{url}: the server answered HTTP 500 (Internal Server Error)"


def test_timeout(local_site):
    url = local_site.base + "/hang"
    with pytest.raises(DocumentError) as err:
        load_url(url, timeout=0.3)
    host = url.split("/")[2]
    assert str(err.value) == f"{host} did not answer within 0.3 seconds"


@pytest.mark.parametrize("content_type", ["image/png", "video/mp4", "application/zip"])
def test_non_text_type(local_site, content_type):
    url = local_site.add("/thing", b"\x89PNG\r\n\x1a\n" + b"\x00" * 1000, content_type)
    with pytest.raises(DocumentError) as err:
        load_url(url)
    assert str(err.value) == f"{url} is not an article Sourcelight can read (the server sent {content_type})"


def test_too_large(local_site):
    url = local_site.add("/big.html", "<p>" + "word " * 300_000 + "</p>")
    with pytest.raises(DocumentError) as err:
        load_url(url, max_bytes=1_000_000)
    assert str(err.value) == f"{url} is too large (1.5 MB; the limit is 1 MB)"


def test_too_large_without_content_length(local_site, monkeypatch):
    url = local_site.add("/stream.html", "<p>" + "word " * 300_000 + "</p>", headers={"Content-Length": ""})
    with pytest.raises(DocumentError) as err:
        load_url(url, max_bytes=1_000_000)
    assert str(err.value) == f"{url} is too large (more than 1 MB)"


def test_empty_page(local_site):
    url = local_site.add("/empty", b"", "text/html")
    with pytest.raises(DocumentError) as err:
        load_url(url)
    assert str(err.value) == f"{url} returned an empty page"


def test_connection_refused():
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(DocumentError) as err:
        load_url(f"http://127.0.0.1:{port}/article")
    assert str(err.value) == f"cannot reach 127.0.0.1:{port}: the connection was refused"


def test_offline(monkeypatch):
    def no_dns(*args, **kwargs):
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    with pytest.raises(DocumentError) as err:
        load_url("https://news.example.com/article")
    assert str(err.value) == "cannot reach news.example.com: you seem to be offline, or the address does not exist"


@pytest.mark.parametrize("url", ["ftp://example.com/a.txt", "https://", "javascript:alert(1)"])
def test_bad_addresses(url):
    with pytest.raises(DocumentError) as err:
        load_url(url)
    assert "\n" not in str(err.value)


def test_address_typed_without_scheme(monkeypatch):
    from desktop.documents.url import normalize_url

    assert normalize_url(" www.example.com/story?id=3 ") == "https://www.example.com/story?id=3"
    assert normalize_url("example.org") == "https://example.org"
    assert normalize_url("http://example.org/a") == "http://example.org/a"
    assert normalize_url("notes.txt") == "notes.txt"  # a file name, not a web address
    assert normalize_url("story.html") == "story.html"


def test_bare_domain_on_the_command_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DocumentError) as err:
        load_source("www.example.com/story")
    assert str(err.value) == "www.example.com/story does not exist (for a web page, type the full address: https://www.example.com/story)"


def test_cli_reports_a_missing_page_in_one_json_line(local_site, capsys):
    import json

    from desktop.cli import main

    url = local_site.base + "/gone"
    status = main(["analyze", "--json", url])
    out = capsys.readouterr().out.strip().splitlines()
    assert status == 1
    assert json.loads(out[0]) == {"path": url, "error": f"{url} was not found (HTTP 404)"}


def test_gzip_page_although_identity_was_asked(local_site, seed_texts):
    import gzip

    seed = seed_texts["004_0a461c4a61171af8.txt"]
    url = local_site.add("/gz.html", gzip.compress(seed_page(seed).encode("utf-8")), headers={"Content-Encoding": "gzip"})
    assert normalized(load_url(url).text) == normalized(HEADLINE + " " + seed)


def test_gzip_bomb_is_refused(local_site):
    import gzip

    url = local_site.add("/bomb.html", gzip.compress(b"<p>" + b"a" * 5_000_000 + b"</p>"), headers={"Content-Encoding": "gzip"})
    with pytest.raises(DocumentError) as err:
        load_url(url, max_bytes=1_000_000)
    assert str(err.value) == f"{url} is too large (more than 1 MB once uncompressed)"


def test_server_that_trickles_meets_the_deadline(local_site):
    url = local_site.base + "/drip"
    with pytest.raises(DocumentError) as err:
        load_url(url, timeout=0.5)
    host = url.split("/")[2]
    assert str(err.value) == f"{host} did not send the page within 0.5 seconds"
