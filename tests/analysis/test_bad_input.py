"""Bad input never produces a traceback: each case gets a result or a clear one-line error."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from desktop.analysis.analyzer import MAX_CHARS, TextTooLong


def analyze_json(*paths, stdin: bytes | None = None):
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "analyze", "--json", *map(str, paths)],
        input=stdin, capture_output=True, timeout=300,
    )
    assert b"Traceback" not in proc.stderr, proc.stderr.decode(errors="replace")
    return proc.returncode, [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]


def one_line_error(obj) -> str:
    assert "error" in obj, obj
    assert obj["error"] and "\n" not in obj["error"]
    return obj["error"].lower()


def test_empty_binary_and_good_files_in_one_call(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"  \n\n \t\n")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    good = tmp_path / "good.txt"
    good.write_text("The council approved the budget on Monday.\n", encoding="utf-8")
    code, objs = analyze_json(empty, blank, binary, good)
    assert code != 0
    assert [o["path"] for o in objs] == [str(empty), str(blank), str(binary), str(good)]
    assert "empty" in one_line_error(objs[0])
    assert "empty" in one_line_error(objs[1])
    assert "binary" in one_line_error(objs[2]) or "not a text" in one_line_error(objs[2])
    assert "error" not in objs[3] and objs[3]["text"].startswith("The council")


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16"])
def test_other_encodings_are_detected(tmp_path, encoding):
    text = "Le président a déclaré: « Nous ne céderons pas », selon l’agence. Café, naïve, façade.\n"
    if encoding != "utf-16":
        text = text.replace("’", "'")  # latin-1 has no curly apostrophe
    path = tmp_path / f"article-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    code, [obj] = analyze_json(path)
    assert code == 0, obj
    assert obj["text"] == text


def test_invalid_utf8_bytes_do_not_crash(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("Officials said the plan was “final”.\n".encode("utf-8") + b"\xff\xfe broken \xc3 bytes.\n")
    code, [obj] = analyze_json(path)
    if "error" in obj:
        one_line_error(obj)
    else:
        assert "Officials said" in obj["text"]


def test_ten_megabyte_text_gets_a_clear_error_quickly(analyzer):
    text = ("The minister said the talks would resume. " * 250_000)[: 10 * 1024 * 1024]
    assert len(text) > MAX_CHARS
    with pytest.raises(TextTooLong) as info:
        analyzer.analyze(text)
    assert "too long" in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize(
    "text",
    [
        "“”“”\"\"\"«»«»‘’",
        "\" \" \" \" “ ” «",
        "no punctuation at all just words running on and on without any end in sight " * 40,
        "He said: “this quote never closes and the article goes on\n\nand on for another paragraph.\n\nAnd another.",
        "»reversed« guillemets and ”backwards“ curly marks said nobody.",
        "\n\n\n   \n",
        "a",
        "“" * 5000,
        "“" * 40_000,  # spaCy alone is quadratic here; the tokenizer guard keeps it to seconds
    ],
)
def test_odd_texts_give_a_result(analyzer, text):
    analysis = analyzer.analyze(text)
    assert analysis.text == text
    for span in analysis.spans:
        assert 0 <= span.start < span.end <= len(text)
    for quote in analysis.quotes:
        # no runaway quote: an unclosed mark never swallows following paragraphs
        assert "\n\n" not in text[quote.start : quote.end] or text[quote.end - 1] in "”\"»’"


def test_unclosed_quote_does_not_swallow_the_article(analyzer):
    text = (
        "Mayor Ann Lee said: “We will rebuild the bridge.\n\n"
        "The bridge collapsed in March after years of neglect.\n\n"
        "Residents were angry, critics say.\n"
    )
    analysis = analyzer.analyze(text)
    later = text.index("The bridge collapsed")
    assert not any(q.start < later < q.end for q in analysis.quotes)
    labels = {text[s.start : s.end]: s.label for s in analysis.sentences}
    assert labels.get("The bridge collapsed in March after years of neglect.") == "unsourced"
