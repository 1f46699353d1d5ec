"""The library keeps every kind of annotation across a restart, finds articles again, searches and caches."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.analysis.model import Analysis, Profile, Readability, Span
from desktop.documents.model import Article
from desktop.store.library import Library, LibraryError
from desktop.store.paths import default_db_path


def test_default_path_follows_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCELIGHT_DB", str(tmp_path / "x" / "mine.sqlite"))
    assert default_db_path() == tmp_path / "x" / "mine.sqlite"
    lib = Library()
    assert lib.path == tmp_path / "x" / "mine.sqlite" and lib.path.exists()
    lib.close()
    monkeypatch.delenv("SOURCELIGHT_DB")
    assert "Sourcelight" in str(default_db_path()) and default_db_path().name == "library.sqlite"


def test_every_annotation_survives_a_restart(tmp_path, article):
    path = tmp_path / "library.sqlite"
    lib = Library(path)
    aid = lib.add_article(article)
    t = article.text
    s = t.index("Critics said")
    h1 = lib.add_highlight(aid, s, s + len("Critics said the plan would fail"), tag="2", note="Who are the critics?")
    h2 = lib.add_highlight(aid, t.index("Protesters"), t.index("Protesters") + 10)
    h3 = lib.add_highlight(aid, t.index("catastrophic"), t.index("catastrophic") + 12, tag="3", note="loaded")
    lib.update_highlight(h2.id, tag="4", note="How many?")
    deleted = lib.delete_highlight(h3.id)
    lib.set_article_note(aid, "Call the union back on Monday.\nCheck the numbers.")
    quote = Span("quote", t.index("\"We"), t.index("down,\"") + 6, speaker="Maria Lopez", cue="said")
    vague = Span("sentence", t.index("Sources close"), len(t), label="vague_source", source="sources")
    emotive = Span("emotive", t.index("catastrophic"), t.index("catastrophic") + 12, cue="catastrophic")
    lib.set_verdict(aid, quote, "confirmed")
    lib.set_verdict(aid, emotive, "dismissed")
    lib.set_verdict(aid, vague, "dismissed")
    lib.set_verdict(aid, vague, None)  # changed their mind
    lib.update_metadata(aid, title="Plan under fire (corrected)", author="B. Reporter")
    lib.close()

    lib = Library(path)
    assert lib.find_article(path=article.path) == aid
    got = lib.get_article(aid)
    assert got.text == article.text and got.title == "Plan under fire (corrected)" and got.author == "B. Reporter"
    assert got.outlet == "Daily Example"
    hs = lib.highlights(aid)
    assert [(h.id, h.tag, h.note) for h in hs] == [(h1.id, "2", "Who are the critics?"), (h2.id, "4", "How many?")]
    assert hs[0].anchor.exact == "Critics said the plan would fail"
    assert t[hs[1].start : hs[1].end] == "Protesters"
    assert lib.article_note(aid) == "Call the union back on Monday.\nCheck the numbers."
    assert {(v.kind, v.verdict) for v in lib.verdicts(aid)} == {("quote", "confirmed"), ("emotive", "dismissed")}
    assert lib.dismissed_spans(aid, [quote, vague, emotive]) == {("emotive", emotive.start, emotive.end)}
    # undo of the delete brings back the same highlight
    with pytest.raises(LibraryError, match="No highlight"):
        lib.get_highlight(h3.id)
    restored = lib.restore_highlight(deleted)
    assert (restored.id, restored.anchor, restored.tag, restored.note) == (h3.id, deleted.anchor, "3", "loaded")
    assert lib.get_highlight(h3.id) == restored
    lib.close()


def test_reopening_finds_the_same_article(lib, article):
    aid = lib.add_article(article)
    assert lib.add_article(article) == aid
    pasted = Article(text=article.text, kind="clipboard")
    assert lib.add_article(pasted) == aid  # same text
    web = Article(text="Some other story entirely.", url="https://example.org/a")
    wid = lib.add_article(web)
    assert wid != aid
    assert lib.add_article(replace(web, text="Some other story entirely, corrected.")) == wid
    assert lib.get_article(wid).text.endswith("corrected.")
    assert lib.find_article(url="https://example.org/a") == wid
    assert lib.find_article(text_hash=article.text_hash) == aid
    assert lib.find_article(path="/nowhere") is None
    rows = lib.list_articles()
    assert {r.id for r in rows} == {aid, wid}
    row = next(r for r in rows if r.id == aid)
    assert (row.title, row.outlet, row.path, row.text_hash) == ("Plan under fire", "Daily Example", article.path,
                                                                 article.text_hash)


def test_user_corrected_metadata_is_not_overwritten_by_reimport(lib, article):
    aid = lib.add_article(article)
    lib.update_metadata(aid, title="Better title")
    lib.add_article(replace(article, title="Scraped title", author="New Author"))
    got = lib.get_article(aid)
    assert got.title == "Better title" and got.author == "New Author"


def test_remove_article_takes_its_annotations(lib, article):
    aid = lib.add_article(article)
    lib.add_highlight(aid, 0, 12, note="unique-word-zebra")
    lib.remove_article(aid)
    assert lib.list_articles() == []
    assert lib.search("zebra") == []
    with pytest.raises(LibraryError):
        lib.get_article(aid)


def test_bad_offsets_and_unknown_ids_are_clear_errors(lib, article):
    aid = lib.add_article(article)
    with pytest.raises(LibraryError, match="offsets"):
        lib.add_highlight(aid, 10, 5)
    with pytest.raises(LibraryError, match="offsets"):
        lib.add_highlight(aid, 0, len(article.text) + 1)
    with pytest.raises(LibraryError, match="No article"):
        lib.add_highlight(aid + 99, 0, 4)
    with pytest.raises(LibraryError, match="No highlight"):
        lib.update_highlight(12345, note="x")
    with pytest.raises(LibraryError, match="verdict"):
        lib.set_verdict(aid, Span("quote", 0, 5), "maybe")


def test_search_finds_notes_tags_article_notes_and_text(lib, article):
    aid = lib.add_article(article)
    other = lib.add_article(Article(text="Nothing to see here about weather.", title="Weather"))
    t = article.text
    h = lib.add_highlight(aid, t.index("Officials"), t.index("Officials") + 9, tag="2", note="Ask the spokeswoman again")
    lib.set_article_note(other, "Remember the drought figures")

    hits = lib.search("spokeswoman")
    assert [(x.article_id, x.where, x.highlight_id) for x in hits] == [(aid, "note", h.id)]
    assert (hits[0].start, hits[0].end) == (h.start, h.end)
    assert "spokeswoman" in hits[0].snippet
    s, e = hits[0].marks[0]
    assert hits[0].snippet[s:e] == "spokeswoman"

    hits = lib.search("drought")
    assert [(x.article_id, x.where) for x in hits] == [(other, "article_note")]

    hits = lib.search("check this")  # the tag's name
    assert [(x.where, x.highlight_id) for x in hits] == [("highlight", h.id)]

    hits = lib.search("protester")  # stem + prefix: finds "Protesters"
    assert [(x.article_id, x.where) for x in hits] == [(aid, "text")]
    assert t[hits[0].start : hits[0].end] == "Protesters"
    assert "Protesters" in hits[0].snippet

    assert lib.search('"would fail too"')[0].start == t.index("would fail too")
    assert lib.search("weather")[0].article_id == other
    assert lib.search('AND OR ( "') == [] and lib.search("   ") == []

    lib.set_tag_name("2", "Verify")
    assert [x.where for x in lib.search("verify")] == ["highlight"]


def test_analysis_cache_round_trip(lib, article):
    analysis = Analysis(
        text=article.text,
        spans=(Span("quote", 1, 5, why="w", speaker="S", cue="said"), Span("sentence", 0, 38, label="unsourced"),
               Span("emotive", 7, 9, cue="x")),
        readability=Readability(48.25, 11.9),
        profile=Profile(sentences=4, unsourced=1, quotes=1, named_sources=("Maria Lopez",), emotive_per_1000=1 / 3),
        model="en_core_web_sm 3.8.0",
        version="0.1.0",
        warnings=("one",),
    )
    lib.add_article(article)
    assert lib.cached_analysis(article.text_hash, "0.1.0", analysis.model) is None
    lib.store_analysis(article.text_hash, analysis)
    assert lib.cached_analysis(article.text_hash, "0.1.0", analysis.model) == analysis
    assert lib.cached_analysis(article.text_hash, "0.2.0", analysis.model) is None
    assert lib.cached_analysis(article.text_hash, "0.1.0", "other model") is None


def test_relative_and_absolute_paths_are_the_same_article(lib, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text("A story.", encoding="utf-8")
    aid = lib.add_article(Article(text="A story.", path="story.txt"))
    assert lib.add_article(Article(text="A story, edited.", path=str(tmp_path / "story.txt"))) == aid
    assert lib.get_article(aid).path == str(tmp_path / "story.txt")
    assert lib.find_article(path="story.txt") == aid


def test_dismissed_spans_survive_reanalysis(lib, article):
    t = article.text
    aid = lib.add_article(article)
    start = t.index("Sources close")
    sentence = Span("sentence", start, len(t), label="vague_source")
    lib.set_verdict(aid, sentence, "dismissed")
    other = Span("sentence", 0, 38, label="unsourced")
    # a newer analyser ends the sentence one character earlier; an unrelated sentence is not dismissed
    moved = Span("sentence", start, len(t) - 1, label="vague_source")
    assert lib.dismissed_spans(aid, [moved, other]) == {("sentence", start, len(t) - 1)}
    # a different kind at the same place is another finding
    assert lib.dismissed_spans(aid, [Span("emotive", start, len(t))]) == set()
