"""The library and PDF show a sensible title even when the article has none."""

from desktop.documents import load_path
from desktop.documents.model import Article
from tests.conftest import SEEDS_DIR


def test_seed_without_headline_uses_its_first_sentence_not_the_photo_credit():
    article = load_path(SEEDS_DIR / "003_2db0398f006d2414.txt")
    assert not article.title
    assert article.display_title.startswith("French President Emmanuel Macron said this Monday")


def test_dateline_is_dropped_and_the_first_sentence_kept():
    article = load_path(SEEDS_DIR / "000_1773240db986259e.txt")
    assert article.display_title == "Emmanuel Macron trying to convince European countries to send troops to Ukraine."


def test_title_wins_and_abbreviations_do_not_cut_a_headline():
    assert Article(text="Body.", title="Real title").display_title == "Real title"
    assert Article(text="U.S. troops leave base\n\nBody text.").display_title == "U.S. troops leave base"
    assert Article(text="", path="/tmp/x/notes.txt").display_title == "notes.txt"
