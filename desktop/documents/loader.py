"""Turn a path into an `Article`. Plain text for now; other formats dispatch from here."""

from __future__ import annotations

from pathlib import Path

from desktop.documents.model import Article, DocumentError

MAX_BYTES = 50 * 1024 * 1024


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if not data.strip():
        raise DocumentError(f"{name} is empty")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentError(f"{name} is not a text file (it looks binary)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DocumentError(f"{name}: cannot tell which text encoding this file uses")
    return str(best), best.encoding


def load_path(path: str | Path) -> Article:
    """Read a file into an `Article`; raises `DocumentError` with a one-line message."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise DocumentError(f"{p.name} is too large ({size / 1e6:.0f} MB; the limit is {MAX_BYTES // 1_000_000} MB)")
        data = p.read_bytes()
    except FileNotFoundError:
        raise DocumentError(f"{p} does not exist") from None
    except IsADirectoryError:
        raise DocumentError(f"{p} is a folder, not a file") from None
    except PermissionError:
        raise DocumentError(f"{p} cannot be read (permission denied)") from None
    except OSError as exc:
        raise DocumentError(f"{p} cannot be read: {exc.strerror or exc}") from None
    text, encoding = _decode(data, p.name)
    if text.startswith("\ufeff"):
        text = text[1:]
    return Article(text=text, path=str(p), kind="text", encoding=encoding)


def load_source(source: str) -> Article:
    """A path or an http(s) URL, as typed on the command line."""
    if source.startswith(("http://", "https://")):
        raise DocumentError(f"{source}: opening URLs is not supported yet")
    return load_path(source)
