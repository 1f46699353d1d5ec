"""Fixtures for the PDF export tests: analysed seeds and helpers that read a PDF back with pypdf."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from desktop.documents import load_source


@pytest.fixture(autouse=True)
def _qt_application(qapp):
    """The QApplication pytest-qt makes, created before any export would make a bare QGuiApplication
    (widgets tests later in the same process need a QApplication)."""
    yield qapp


@pytest.fixture(scope="session")
def analysed_seeds(analyzer, seed_paths):
    """[(Article, Analysis)] for every seed, analysed once."""
    out = []
    for path in seed_paths:
        article = load_source(str(path))
        out.append((article, analyzer.analyze(article.text)))
    return out


def pdf_text(path: Path) -> str:
    """All the text of a PDF, as pypdf extracts it, NFKC-normalised."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return unicodedata.normalize("NFKC", "\n".join(page.extract_text() or "" for page in reader.pages))


def words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text).lower())


def is_subsequence(needle: list[str], haystack: list[str]) -> bool:
    it = iter(haystack)
    return all(any(w == h for h in it) for w in needle)


def flat(text: str) -> str:
    return " ".join(text.split())


def annotations(path: Path) -> list[tuple[int, dict]]:
    """(page index, annotation dictionary) for every annotation of the PDF."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    out = []
    for i, page in enumerate(reader.pages):
        for ref in page["/Annots"].get_object() if "/Annots" in page else []:
            out.append((i, ref.get_object()))
    return out


def content_colors(path: Path) -> set[tuple[int, int, int]]:
    """Every RGB colour set in the pages' content streams (fill or stroke), as 0–255 triples."""
    from pypdf import PdfReader

    colors = set()
    for page in PdfReader(str(path)).pages:
        data = page.get_contents().get_data().decode("latin-1")
        for m in re.finditer(r"([\d.]+) ([\d.]+) ([\d.]+) (?:scn|SCN|rg|RG)\b", data):
            colors.add(tuple(round(float(v) * 255) for v in m.groups()))
    return colors


def rgb(hex_color: str) -> tuple[int, int, int]:
    h = hex_color.lstrip("#")[-6:]
    return tuple(int(h[i : i + 2], 16) for i in (0, 2, 4))
