"""Fetch an http(s) URL into an `Article`: timeout, size limit, content-type check, plain errors."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import email.message
import re
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request

from desktop import __version__
from desktop.documents.model import Article, DocumentError

DEFAULT_TIMEOUT = 20.0  # seconds, for the whole download
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
USER_AGENT = f"Mozilla/5.0 (compatible; Sourcelight/{__version__}; article reader)"

_HTML_TYPES = {"text/html", "application/xhtml+xml", "application/xml", "text/xml"}
_TEXT_TYPES = {"text/plain"}
_MARKDOWN_TYPES = {"text/markdown", "text/x-markdown"}
_PDF_TYPES = {"application/pdf", "application/x-pdf"}
_GENERIC_TYPES = {"", "application/octet-stream", "binary/octet-stream"}
_HTTP_REASONS = {
    401: "asks for a login",
    403: "refused access",
    404: "was not found",
    410: "is gone",
    429: "refused: too many requests, try again later",
    451: "is blocked for legal reasons",
}


_BARE_HOST = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$", re.I)


def is_url(source: str) -> bool:
    return source.strip().lower().startswith(("http://", "https://"))


_FILE_SUFFIX = re.compile(r"\.(?:txt|text|md|markdown|html?|xhtml|pdf|docx?|odt|rtf|log|json|csv)$", re.I)


def looks_like_web_address(text: str) -> bool:
    """"www.example.com/story" typed without http(s)://, not "notes.txt"."""
    text = text.strip()
    host = re.split(r"[/?#]", text, maxsplit=1)[0]
    return bool(_BARE_HOST.match(text)) and (text.lower().startswith("www.") or not _FILE_SUFFIX.search(host))


def normalize_url(text: str) -> str:
    """What the user typed in Open URL…, as a full address: "example.com/a" -> "https://example.com/a"."""
    text = text.strip()
    if not is_url(text) and "://" not in text and looks_like_web_address(text):
        return "https://" + text
    return text


def _check_url(url: str) -> str:
    url = url.strip()
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise DocumentError(f"{url}: only http:// and https:// addresses can be opened")
    if not parts.hostname:
        raise DocumentError(f"{url} is not a complete web address")
    return url


def _host(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return parts.netloc or url


def _reason(exc: BaseException) -> BaseException:
    return exc.reason if isinstance(exc, urllib.error.URLError) and isinstance(exc.reason, BaseException) else exc


def _network_error(url: str, exc: BaseException, timeout: float) -> DocumentError:
    reason = _reason(exc)
    host = _host(url)
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return DocumentError(f"{host} did not answer within {timeout:g} seconds")
    if isinstance(reason, socket.gaierror):
        return DocumentError(f"cannot reach {host}: you seem to be offline, or the address does not exist")
    if isinstance(reason, ConnectionRefusedError):
        return DocumentError(f"cannot reach {host}: the connection was refused")
    if isinstance(reason, (ConnectionResetError, ConnectionAbortedError)):
        return DocumentError(f"{host} closed the connection before the page arrived")
    if isinstance(reason, ssl.SSLCertVerificationError):
        return DocumentError(f"{host} has an invalid security certificate ({reason.verify_message or 'not trusted'})")
    if isinstance(reason, ssl.SSLError):
        return DocumentError(f"a secure connection to {host} failed")
    if isinstance(reason, OSError) and reason.errno in (101, 113, 65, 51):  # network / host unreachable
        return DocumentError(f"cannot reach {host}: you seem to be offline")
    text = getattr(reason, "strerror", None) or str(reason) or type(reason).__name__
    return DocumentError(f"cannot download {url}: {text}")


def _content_kind(content_type: str, url: str, head: bytes) -> str:
    """html, text, markdown or pdf for what the server sent; raises for anything else."""
    mime = content_type.split(";")[0].strip().lower()
    path = urllib.parse.urlsplit(url).path.lower()
    if head.lstrip()[:5] == b"%PDF-" and (mime in _PDF_TYPES or mime in _GENERIC_TYPES):
        return "pdf"
    if mime in _PDF_TYPES:
        return "pdf"
    if mime in _HTML_TYPES:
        return "html"
    if mime in _MARKDOWN_TYPES or (mime in _TEXT_TYPES | _GENERIC_TYPES and path.endswith((".md", ".markdown"))):
        return "markdown"
    if mime in _TEXT_TYPES:
        return "text"
    if mime in _GENERIC_TYPES:
        sample = head.lstrip()[:200].lower()
        if sample.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in sample:
            return "html"
    shown = mime or "no content type"
    raise DocumentError(f"{url} is not an article Sourcelight can read (the server sent {shown})")


def _charset(content_type: str) -> str | None:
    msg = email.message.Message()
    msg["content-type"] = content_type
    return msg.get_param("charset")  # type: ignore[return-value]


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, str, str]:
    """(body, content type, final URL after redirects) of an http(s) URL; raises `DocumentError`."""
    url = _check_url(url)
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,text/markdown;q=0.8,*/*;q=0.1",
            "Accept-Encoding": "identity",
        },
    )
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            content_type = response.headers.get("Content-Type", "") or ""
            content_encoding = response.headers.get("Content-Encoding", "") or ""
            final_url = response.geturl() or url
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise DocumentError(f"{url} is too large ({int(length) / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB)")
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    raise DocumentError(f"{_host(url)} did not send the page within {timeout:g} seconds")
                chunk = response.read1(64 * 1024)  # what has arrived: a trickling server still meets the deadline
                if not chunk:
                    break
                if size == 0 and content_encoding.strip().lower() not in ("gzip", "x-gzip", "deflate"):
                    _content_kind(content_type, final_url, chunk)  # refuse images, videos... before downloading them
                chunks.append(chunk)
                size += len(chunk)
                if size > max_bytes:
                    raise DocumentError(f"{url} is too large (more than {max_bytes / 1e6:.0f} MB)")
    except DocumentError:
        raise
    except urllib.error.HTTPError as exc:
        reason = _HTTP_REASONS.get(exc.code)
        if reason:
            raise DocumentError(f"{url} {reason} (HTTP {exc.code})") from None
        raise DocumentError(f"{url}: the server answered HTTP {exc.code} ({exc.reason})") from None
    except (urllib.error.URLError, OSError, ssl.SSLError) as exc:
        raise _network_error(url, exc, timeout) from None
    except ValueError as exc:  # malformed URL or headers
        raise DocumentError(f"cannot download {url}: {exc}") from None
    except Exception as exc:  # http.client.HTTPException and friends: a broken server answer
        raise DocumentError(f"cannot download {url}: the server's answer was broken ({type(exc).__name__})") from None
    data = b"".join(chunks)
    encoding = (content_encoding or "").strip().lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        data = _decompress(data, encoding, url, max_bytes)
    return data, content_type, final_url


def _decompress(data: bytes, encoding: str, url: str, max_bytes: int) -> bytes:
    """A compressed body (sent although we asked for none), never inflated past `max_bytes`."""
    import zlib

    wbits = 16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS
    try:
        inflater = zlib.decompressobj(wbits)
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error:
        try:  # "deflate" is sometimes raw deflate
            inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            out = inflater.decompress(data, max_bytes + 1)
        except zlib.error:
            raise DocumentError(f"{url}: the server sent a damaged compressed page") from None
    if len(out) > max_bytes:
        raise DocumentError(f"{url} is too large (more than {max_bytes / 1e6:.0f} MB once uncompressed)")
    return out


def load_url(url: str, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Download a web page, PDF, Markdown or text file and turn it into an `Article` (kind "url").

    `url` may lack its scheme ("example.com/story" means https://). Raises `DocumentError` with
    a one-line message: offline, timed out, HTTP 404, not a text type, too large...
    """
    url = normalize_url(url)
    data, content_type, final_url = fetch(url, timeout=timeout, max_bytes=max_bytes)
    name = url
    if not data.strip():
        raise DocumentError(f"{name} returned an empty page")
    kind = _content_kind(content_type, final_url, data[:1024])
    if kind == "pdf":
        from desktop.documents.pdf import article_from_pdf

        article = article_from_pdf(data, name=name, url=final_url)
    elif kind == "html":
        from desktop.documents.html import article_from_html

        article = article_from_html(data, name=name, url=final_url, charset=_charset(content_type))
    else:
        from desktop.documents.text import decode_bytes

        text, encoding = decode_bytes(data, name, declared=_charset(content_type))
        if kind == "markdown":
            from desktop.documents.markdown import article_from_markdown

            article = article_from_markdown(text, name=name, url=final_url, encoding=encoding)
        else:
            from desktop.documents.metadata import with_guessed_metadata

            article = with_guessed_metadata(Article(text=text, url=final_url, encoding=encoding))
    fetched = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()
    return dataclasses.replace(article, kind="url", url=article.url or final_url, path="", fetched_at=fetched)
