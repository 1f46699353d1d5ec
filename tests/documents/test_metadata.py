"""Metadata guessed from plain text, and the user's corrections of title, outlet and date."""

from __future__ import annotations

import pytest

from desktop.documents import Article, DocumentError, correct_metadata, guess_metadata, normalize_date


@pytest.mark.parametrize(
    "typed, iso",
    [
        ("2024-06-11", "2024-06-11"),
        ("June 11, 2024", "2024-06-11"),
        ("11 June 2024", "2024-06-11"),
        ("Mar. 31, 2024", "2024-03-31"),
        ("Sept 3 2023", "2023-09-03"),
        ("  ", ""),
    ],
)
def test_dates_the_user_may_type(typed, iso):
    assert normalize_date(typed) == iso


@pytest.mark.parametrize("typed", ["yesterday", "2024-02-30", "31/02/2024", "June 2024"])
def test_impossible_dates_are_refused_in_one_line(typed):
    with pytest.raises(DocumentError) as err:
        normalize_date(typed)
    assert str(err.value) == f"“{typed}” is not a date Sourcelight understands: use YYYY-MM-DD, e.g. 2024-06-11"


def test_corrections_change_metadata_not_text():
    article = Article(text="Body text.\n", title="Wrong", outlet="", date="", path="/x.txt")
    fixed = correct_metadata(article, title="  Macron  and the troops ", outlet="Politico", date="27 February 2024")
    assert (fixed.title, fixed.outlet, fixed.date) == ("Macron and the troops", "Politico", "2024-02-27")
    assert fixed.text == article.text and fixed.text_hash == article.text_hash
    assert correct_metadata(fixed, title=None).title == "Macron and the troops"  # None leaves it
    assert correct_metadata(fixed, outlet="").outlet == ""  # "" clears it


def test_dateline_and_outlet_lines():
    text = "Kyiv, Feb. 27 (Reuters) - Officials said on Tuesday that nothing was decided.\n"
    assert guess_metadata(text).outlet == "Reuters"
    text = "Macron and the Troops\n\nBy Jane Doe\n\nThe Daily Planet, February 27, 2024\n\nBody paragraph here.\n"
    found = guess_metadata(text)
    assert (found.title, found.author, found.outlet, found.date) == ("Macron and the Troops", "Jane Doe", "The Daily Planet", "2024-02-27")


def test_a_lead_sentence_is_not_a_title(seed_texts):
    assert guess_metadata(seed_texts["002_dc816de6b9c4007f.txt"]).title == ""
    assert guess_metadata(seed_texts["004_0a461c4a61171af8.txt"]).title == ""
