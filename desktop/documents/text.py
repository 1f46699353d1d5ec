"""Bytes to text: encoding detection (BOM, UTF-8, charset-normalizer) and binary-file detection."""

from __future__ import annotations

import codecs
import unicodedata

from desktop.documents.model import DocumentError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# What a binary file renamed to .txt usually is, so the message can say so.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a media file"),
    (b"PK\x03\x04", "a ZIP archive or an office document (.docx, .odt, .epub)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc, .xls)"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"{\\rtf", "an RTF document"),
    (b"SQLite format 3\x00", "a database"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an audio file"),
    (b"\x00\x00\x00\x18ftyp", "a video file"),
    (b"\x00\x00\x00\x20ftyp", "a video file"),
)


def sniff_binary(data: bytes) -> str | None:
    """What kind of non-text file `data` is ("a PNG image"), or None if it may be text."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    return None


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def _looks_utf16(sample: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII text has a NUL in every other byte."""
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd > 0.6 and even < 0.1:
        return "utf-16-le"
    if even > 0.6 and odd < 0.1:
        return "utf-16-be"
    return None


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ch not in "\t\n\r\f\v\x1b" and unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn"))
    return bad / len(sample)


def decode_bytes(data: bytes, name: str, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding) for the bytes of a text file; a leading BOM is dropped, nothing else changes.

    `declared` is an encoding named by the container (an HTTP header, an HTML meta tag); it is
    tried after a BOM and before guessing. Raises `DocumentError` for empty or binary data.
    """
    if not data or not data.strip(b" \t\r\n\f\v\x00"):
        raise DocumentError(f"{name} is empty")
    found = _bom(data)
    if found:
        encoding, skip = found
        try:
            text = data[skip:].decode(encoding)
        except UnicodeDecodeError:
            raise DocumentError(f"{name} is not valid {encoding.upper()} text although it says it is") from None
        return _checked(text, name), encoding
    what = sniff_binary(data)
    if what:
        raise DocumentError(f"{name} is not a text file (it looks like {what})")
    if b"\x00" in data[:8192]:
        encoding = _looks_utf16(data[:8192])
        if encoding:
            try:
                return _checked(data.decode(encoding), name), encoding
            except UnicodeDecodeError:
                pass
        raise DocumentError(f"{name} is not a text file (it looks binary)")
    candidates = ["utf-8"]  # UTF-8 first: other encodings almost never decode as valid UTF-8
    if declared:
        try:
            candidates.append(codecs.lookup(declared).name)
        except LookupError:
            pass
    for encoding in candidates:
        try:
            return _checked(data.decode(encoding), name), encoding
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise DocumentError(f"{name} is not a text file (no text encoding fits it)")
    western = _western_tie(data, best, matches)
    if western:
        return western
    return _checked(str(best), name), best.encoding


# When single-byte code pages tie (the same bytes read equally well as Central European cp1250
# or Western cp1252), prefer the Western one: it is what English-language news is saved in.
_WESTERN = ("cp1252", "iso8859_15", "latin_1")


def _western_tie(data: bytes, best, matches) -> tuple[str, str] | None:
    for match in matches:
        if abs(match.chaos - best.chaos) > 0.01 or abs(match.coherence - best.coherence) > 0.01:
            continue
        for encoding in _WESTERN:
            if encoding in match.could_be_from_charset:
                try:
                    return data.decode(encoding), encoding
                except UnicodeDecodeError:
                    continue
    return None


def _checked(text: str, name: str) -> str:
    if not text.strip():
        raise DocumentError(f"{name} is empty")
    if _control_ratio(text) > 0.01:
        raise DocumentError(f"{name} is not a text file (it looks binary)")
    return text
