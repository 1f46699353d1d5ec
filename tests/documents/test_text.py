"""Plain-text files: encodings, BOM, CRLF kept, metadata guessed without touching the text, bad files."""

from __future__ import annotations

import pytest

from desktop.documents import DocumentError, load_path, load_source
from desktop.documents import loader


def test_seeds_load_byte_for_byte(seed_paths):
    for path in seed_paths:
        article = load_path(path)
        assert article.text == path.read_text(encoding="utf-8")
        assert article.kind == "text"
        assert article.encoding == "utf-8"


def test_seed_metadata_is_guessed_and_text_untouched(seed_paths):
    by_name = {p.name: p for p in seed_paths}
    gr = load_path(by_name["001_221d298b99cd1c88.txt"])
    assert gr.title == "France Isolated in Its Proposal to Send Troops to Fight Russia"
    assert gr.outlet == "Global Research"
    assert gr.date == "2024-06-11"
    assert gr.author == "Lucas Leiroz de Almeida"
    arabiya = load_path(by_name["000_1773240db986259e.txt"])
    assert arabiya.outlet == "Al Arabiya"
    assert arabiya.title == ""  # the first line is a paragraph, not a headline
    assert arabiya.display_title.startswith("Emmanuel Macron trying to convince")  # dateline dropped
    bbc = load_path(by_name["003_2db0398f006d2414.txt"])
    assert bbc.date == "2024-01-15"
    assert bbc.text == by_name["003_2db0398f006d2414.txt"].read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "encoding, sample",
    [
        ("cp1252", "Macron’s “coalition” — a café in Besançon costs 5 €.\n"),
        ("latin-1", "Les soldats français à Kharkiv, déclaré le ministre. Ça coûte cher.\n"),
        ("utf-16", "Пресс-секретарь Кремля Дмитрий Песков заявил, что это неизбежно.\n"),
        ("koi8-r", "Пресс-секретарь Кремля Дмитрий Песков заявил журналистам, что конфликт неизбежен, если войска будут отправлены.\n"),
    ],
)
def test_encodings_are_detected(tmp_path, encoding, sample):
    path = tmp_path / "article.txt"
    path.write_bytes((sample * 6).encode(encoding))
    article = load_path(path)
    assert article.text == sample * 6


def test_utf8_bom_dropped_and_crlf_kept(tmp_path, seed_texts):
    seed = seed_texts["004_0a461c4a61171af8.txt"]
    crlf = seed.replace("\n", "\r\n")
    path = tmp_path / "windows.txt"
    path.write_bytes(b"\xef\xbb\xbf" + crlf.encode("utf-8"))
    article = load_path(path)
    assert article.text == crlf  # the file's text unchanged: offsets stay offsets into the file
    assert not article.text.startswith("\ufeff")


def test_utf16_bom_file(tmp_path, seed_texts):
    seed = seed_texts["002_dc816de6b9c4007f.txt"]
    path = tmp_path / "notepad.txt"
    path.write_bytes(seed.encode("utf-16"))  # with a BOM, as Notepad writes it
    assert load_path(path).text == seed


@pytest.mark.parametrize("content", [b"", b"   \n\r\n\t  \n"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(DocumentError) as err:
        load_path(path)
    assert str(err.value) == "empty.txt is empty"


def test_binary_file_renamed_txt(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    with pytest.raises(DocumentError) as err:
        load_path(path)
    assert str(err.value) == "photo.txt is not a text file (it looks like a PNG image)"


def test_unknown_binary_renamed_txt(tmp_path):
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(DocumentError) as err:
        load_path(path)
    assert str(err.value) == "data.txt is not a text file (it looks binary)"


def test_word_document_gets_a_plain_message(tmp_path):
    path = tmp_path / "story.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(DocumentError) as err:
        load_path(path)
    assert "Word documents are not supported" in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(DocumentError) as err:
        load_path(tmp_path / "nope.txt")
    assert str(err.value).endswith("nope.txt does not exist")
    with pytest.raises(DocumentError) as err:
        load_path(tmp_path)
    assert str(err.value).endswith("is a folder, not a file")


def test_file_that_disappears_while_being_read(tmp_path, monkeypatch):
    path = tmp_path / "vanishing.txt"
    path.write_text("A sentence that will be gone.\n", encoding="utf-8")
    real_open = loader._open

    def open_after_delete(p, mode="r", *args, **kwargs):
        path.unlink()  # another program (a sync client, the user) removes it between stat and open
        return real_open(p, mode, *args, **kwargs)

    monkeypatch.setattr(loader, "_open", open_after_delete)
    with pytest.raises(DocumentError) as err:
        load_path(path)
    assert str(err.value) == "vanishing.txt disappeared while it was being read (was it moved or deleted?)"


def test_read_error_midway_is_one_line(tmp_path, monkeypatch):
    path = tmp_path / "usb.txt"
    path.write_text("Text on a USB stick that is pulled out.\n", encoding="utf-8")

    class FailingHandle:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def read(self, n):
            raise OSError(5, "Input/output error")

    monkeypatch.setattr(loader, "_open", lambda p, mode="r": FailingHandle())
    with pytest.raises(DocumentError) as err:
        load_path(path)
    assert str(err.value) == "usb.txt could not be read to the end: Input/output error"


def test_file_url_and_unknown_extension(tmp_path, seed_texts):
    seed = seed_texts["004_0a461c4a61171af8.txt"]
    path = tmp_path / "notes.article"
    path.write_text(seed, encoding="utf-8")
    assert load_source(path.as_uri()).text == seed


def test_pdf_renamed_txt_is_read_as_pdf(tmp_path, qapp, seed_texts):
    from tests.documents.builders import seed_paragraphs, write_pdf

    path = tmp_path / "report.txt"
    write_pdf(path, seed_paragraphs(seed_texts["004_0a461c4a61171af8.txt"]))
    article = load_path(path)
    assert article.kind == "pdf"
    assert "Politico writes about this with reference to sources." in article.text


@pytest.mark.slow
def test_crlf_text_analyses_like_lf(analyzer, seed_texts):
    """Nothing downstream breaks on CRLF: the same sentences and quotes, no span ends in a \\r."""
    seed = seed_texts["004_0a461c4a61171af8.txt"]
    crlf = seed.replace("\n", "\r\n")
    lf_spans = [(s.kind, seed[s.start : s.end]) for s in analyzer.analyze(seed).spans]
    crlf_analysis = analyzer.analyze(crlf)
    crlf_spans = [(s.kind, crlf[s.start : s.end]) for s in crlf_analysis.spans]
    assert crlf_spans == lf_spans
    assert not any(text.endswith("\r") or text.startswith("\n") for _, text in crlf_spans)


@pytest.mark.slow
def test_cli_json_text_is_the_crlf_file_unchanged(tmp_path, analyzer, seed_texts, capsys):
    import json

    from desktop.cli import main

    crlf = seed_texts["002_dc816de6b9c4007f.txt"].replace("\n", "\r\n")
    path = tmp_path / "windows.txt"
    path.write_bytes(crlf.encode("utf-8"))
    assert main(["analyze", "--json", str(path)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["text"] == crlf
    quotes = [s for s in result["spans"] if s["kind"] == "quote"]
    assert quotes and all(crlf[q["start"] : q["end"]][0] in "“\"‘«" for q in quotes)
