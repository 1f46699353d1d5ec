"""Turn a path or URL into an `Article`: read the file safely, pick the reader by type and content."""

from __future__ import annotations

from pathlib import Path

from desktop.documents.model import Article, DocumentError

MAX_BYTES = 50 * 1024 * 1024

TEXT_SUFFIXES = {".txt", ".text", ".asc", ".log"}
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdtxt"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".xht"}
PDF_SUFFIXES = {".pdf"}
_UNSUPPORTED = {
    ".docx": "Word documents", ".doc": "Word documents", ".odt": "OpenDocument files", ".rtf": "RTF files",
    ".pages": "Pages documents", ".epub": "e-books", ".mobi": "e-books", ".mht": "web archives (.mht)",
    ".mhtml": "web archives (.mhtml)", ".webarchive": "Safari web archives",
}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES  # others: sniffed, else text
# for a file dialog's filter: "Articles (*.txt *.md *.html *.htm *.pdf)"
FILE_DIALOG_FILTER = "Articles (*.txt *.text *.md *.markdown *.html *.htm *.xhtml *.pdf);;All files (*)"

_open = open  # the one place a file is opened (tests replace it to simulate a vanishing file)


def read_file(path: str | Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a file; every way of failing becomes a one-line `DocumentError`."""
    p = Path(path)
    name = p.name or str(p)
    try:
        if p.is_dir():
            raise DocumentError(f"{p} is a folder, not a file")
        size = p.stat().st_size
    except FileNotFoundError:
        raise DocumentError(f"{p} does not exist") from None
    except PermissionError:
        raise DocumentError(f"{p} cannot be read (permission denied)") from None
    except OSError as exc:
        raise DocumentError(f"{p} cannot be read: {exc.strerror or exc}") from None
    if size > max_bytes:
        raise DocumentError(f"{name} is too large ({size / 1e6:.0f} MB; the limit is {max_bytes / 1e6:.0f} MB)")
    try:
        with _open(p, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise DocumentError(f"{name} disappeared while it was being read (was it moved or deleted?)") from None
    except PermissionError:
        raise DocumentError(f"{p} cannot be read (permission denied)") from None
    except IsADirectoryError:
        raise DocumentError(f"{p} is a folder, not a file") from None
    except OSError as exc:
        raise DocumentError(f"{name} could not be read to the end: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise DocumentError(f"{name} is too large (the limit is {max_bytes / 1e6:.0f} MB)")
    return data


def _kind_for(p: Path, data: bytes) -> str:
    suffix = p.suffix.lower()
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-") or suffix in PDF_SUFFIXES:
        return "pdf"
    if suffix in _UNSUPPORTED:
        raise DocumentError(f"{p.name}: {_UNSUPPORTED[suffix]} are not supported; save the article as PDF, HTML or text first")
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    lowered = head[:300].lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or (b"<html" in lowered and b"<head" in data[:4096].lower()):
        return "html"
    return "text"


def load_path(path: str | Path) -> Article:
    """Read a file into an `Article`; raises `DocumentError` with a one-line message.

    A `.txt` (or any plain text) file's text is its decoded content unchanged, CRLF included;
    only a leading byte-order mark is dropped.
    """
    p = Path(path)
    data = read_file(p)
    name = p.name or str(p)
    kind = _kind_for(p, data)
    if kind == "pdf":
        from desktop.documents.pdf import article_from_pdf

        return article_from_pdf(data, name=name, path=str(p))
    if kind == "html":
        from desktop.documents.html import article_from_html

        return article_from_html(data, name=name, path=str(p))
    from desktop.documents.text import decode_bytes

    text, encoding = decode_bytes(data, name)
    if kind == "markdown":
        from desktop.documents.markdown import article_from_markdown

        return article_from_markdown(text, name=name, path=str(p), encoding=encoding)
    from desktop.documents.metadata import with_guessed_metadata

    return with_guessed_metadata(Article(text=text, path=str(p), kind="text", encoding=encoding))


def load_source(source: str) -> Article:
    """A path, a file:// URL or an http(s) URL, as typed on the command line or in Open URL…."""
    from desktop.documents.url import is_url, load_url

    if is_url(source):
        return load_url(source.strip())
    if source.lower().startswith("file://"):
        from urllib.parse import unquote, urlsplit

        return load_path(unquote(urlsplit(source).path))
    try:
        return load_path(source)
    except DocumentError:
        from desktop.documents.url import looks_like_web_address

        if not Path(source).exists() and looks_like_web_address(source):
            raise DocumentError(f"{source} does not exist (for a web page, type the full address: https://{source})") from None
        raise
