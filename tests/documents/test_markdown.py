"""Markdown files: markup removed, headings kept and recorded, the first H1 (or front matter) is the title."""

from __future__ import annotations

import pytest

from desktop.documents import DocumentError, load_path
from tests.documents.builders import normalized, seed_paragraphs


def test_seed_as_markdown(tmp_path, seed_texts):
    seed = seed_texts["002_dc816de6b9c4007f.txt"]
    paragraphs = seed_paragraphs(seed)
    body = "\n\n".join(paragraphs[:-4])
    source = (
        "# Europe *weighs* sending troops\n\n"
        + body
        + "\n\n## War in Europe\n\n"
        + "\n\n".join(paragraphs[-3:])
        + "\n"
    )
    path = tmp_path / "story.md"
    path.write_text(source, encoding="utf-8")
    article = load_path(path)
    assert article.kind == "markdown"
    assert article.title == "Europe weighs sending troops"
    assert [article.text[s:e] for s, e in article.headings] == ["Europe weighs sending troops", "War in Europe"]
    assert article.text.split("\n\n") == ["Europe weighs sending troops"] + paragraphs[:-4] + ["War in Europe"] + paragraphs[-3:]


def test_markup_is_removed(tmp_path):
    source = (
        "---\ntitle: \"Macron and the troops\"\nauthor: Jane Doe\ndate: June 11, 2024\n---\n"
        "Macron **said** that *nothing* can be [ruled out](https://example.org), in `Paris`,\n"
        "on a soft-wrapped line.  \nA hard break.\n\n"
        "- first point\n- second point\n\n"
        "> “We will do everything possible,” he said.\n\n"
        "![a photo](photo.jpg)\n\n"
        "Some <u>underlined</u> words.\n"
    )
    path = tmp_path / "notes.markdown"
    path.write_bytes(source.replace("\n", "\r\n").encode("utf-8"))
    article = load_path(path)
    assert article.title == "Macron and the troops"
    assert article.author == "Jane Doe"
    assert article.date == "2024-06-11"
    assert article.text == (
        "Macron said that nothing can be ruled out, in Paris, on a soft-wrapped line.\nA hard break.\n\n"
        "• first point\n\n• second point\n\n"
        "“We will do everything possible,” he said.\n\n"
        "Some underlined words."
    )
    for mark in ("**", "](", "---", "![", "<u>", "> "):
        assert mark not in article.text


def test_markdown_of_only_markup(tmp_path):
    path = tmp_path / "pics.md"
    path.write_text("![one](a.png)\n\n---\n\n![two](b.png)\n", encoding="utf-8")
    with pytest.raises(DocumentError) as err:
        load_path(path)
    assert str(err.value) == "pics.md has no text once its Markdown markup is removed"


def test_empty_markdown(tmp_path):
    path = tmp_path / "empty.md"
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(DocumentError) as err:
        load_path(path)
    assert str(err.value) == "empty.md is empty"


def test_markdown_in_legacy_encoding(tmp_path):
    text = "# Déclaration\n\nLe président français a déclaré que « rien ne doit être exclu », selon l’Élysée.\n" * 3
    path = tmp_path / "fr.md"
    path.write_bytes(text.encode("cp1252"))
    article = load_path(path)
    assert article.title == "Déclaration"
    assert normalized(article.text).startswith("Déclaration Le président français a déclaré")
