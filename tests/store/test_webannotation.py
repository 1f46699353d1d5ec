"""Export → import of all annotations as W3C Web Annotation JSON-LD (no duplicates on re-import), and Markdown."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from desktop.analysis.model import Span
from desktop.documents.model import Article
from desktop.store.library import Library, LibraryError


def annotate(lib: Library, article: Article) -> int:
    t = article.text
    aid = lib.add_article(article)
    lib.add_highlight(aid, t.index("Critics"), t.index("Critics") + 32, tag="2", note="Which critics?\nNamed?")
    lib.add_highlight(aid, t.index("Protesters"), t.index("Protesters") + 10)
    lib.add_highlight(aid, t.index("catastrophic"), t.index("catastrophic") + 12, tag="3", note="loaded word")
    lib.set_article_note(aid, "Follow up with the union.")
    lib.set_verdict(aid, Span("emotive", t.index("catastrophic"), t.index("catastrophic") + 12), "dismissed")
    lib.set_verdict(aid, Span("sentence", 0, 38, label="unsourced"), "confirmed")
    return aid


def snapshot(lib: Library, aid: int):
    return (
        [(h.anchor, h.tag, h.note, h.orphan) for h in lib.highlights(aid)],
        lib.article_note(aid),
        sorted((v.kind, v.anchor, v.verdict) for v in lib.verdicts(aid)),
    )


def test_export_is_w3c_web_annotation(lib, article):
    aid = annotate(lib, article)
    data = lib.export_jsonld()
    json.dumps(data)  # plain JSON
    assert data["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["total"] == 6
    items = data["first"]["items"]
    assert all(i["type"] == "Annotation" and i["id"].startswith("urn:") for i in items)
    high = next(i for i in items if i.get("motivation") == "commenting" and isinstance(i["body"], list))
    assert high["target"]["source"] == "file:///news/plan.txt"
    types = {s["type"]: s for s in high["target"]["selector"]}
    assert types["TextQuoteSelector"]["exact"] == "Critics said the plan would fail"
    assert article.text[types["TextPositionSelector"]["start"] : types["TextPositionSelector"]["end"]] == \
        "Critics said the plan would fail"
    assert {"type": "TextualBody", "value": "Which critics?\nNamed?", "format": "text/plain",
            "purpose": "commenting"} in high["body"]
    assert any(b.get("purpose") == "tagging" and b["value"] == "Check this" for b in high["body"])
    web = lib.add_article(Article(text="Web story.", url="https://example.org/story"))
    lib.add_highlight(web, 0, 3)
    web_items = lib.export_jsonld([web])["first"]["items"]
    assert [i["target"]["source"] for i in web_items] == ["https://example.org/story"]
    assert lib.export_jsonld([aid], include_text=False).get("sl:articles") is None


def test_export_import_round_trip_into_a_new_library_without_duplicates(tmp_path, lib, article):
    aid = annotate(lib, article)
    before = snapshot(lib, aid)
    text = json.dumps(lib.export_jsonld())

    other = Library(tmp_path / "other.sqlite")
    added, skipped = other.import_jsonld(text)
    assert (added, skipped) == (6, 0)
    oid = other.find_article(text_hash=article.text_hash)
    assert oid is not None and other.get_article(oid).title == article.title
    assert snapshot(other, oid) == before
    assert other.import_jsonld(text) == (0, 6)  # the same file twice: nothing doubled
    assert snapshot(other, oid) == before
    assert len(other.list_articles()) == 1
    # and back into the first library: everything is already there
    assert lib.import_jsonld(other.export_jsonld()) == (0, 6)
    assert snapshot(lib, aid) == before
    other.close()


def test_import_after_delete_restores_and_reanchors_into_changed_text(tmp_path, lib, article):
    aid = annotate(lib, article)
    data = lib.export_jsonld()
    for h in lib.highlights(aid):
        lib.delete_highlight(h.id)
    lib.set_article_note(aid, "")
    new_text = "Editor's note: updated.\n" + article.text
    lib.add_article(replace(article, text=new_text))
    added, skipped = lib.import_jsonld(data)
    assert added == 4 and skipped == 2  # 3 highlights + article note; the 2 verdicts were kept
    hs = lib.highlights(aid)
    assert sorted(new_text[h.start : h.end] for h in hs) == sorted(
        ["Critics said the plan would fail", "Protesters", "catastrophic"])
    assert lib.article_note(aid) == "Follow up with the union."


def test_import_of_another_tools_annotations(lib):
    aid = lib.add_article(Article(text="The mayor promised a new bridge by 2027. Engineers doubt it.",
                                  url="https://example.org/bridge"))
    hypothesis_like = [{
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://hyp.example/a/abc123",
        "type": "Annotation",
        "body": [{"type": "TextualBody", "value": "Check the budget", "purpose": "commenting"},
                 {"type": "TextualBody", "value": "Follow up", "purpose": "tagging"},
                 {"type": "TextualBody", "value": "bridge", "purpose": "tagging"}],
        "target": {"source": "https://example.org/bridge",
                   "selector": {"type": "TextQuoteSelector", "exact": "a new bridge by 2027"}},
    }]
    assert lib.import_jsonld(hypothesis_like) == (1, 0)
    (h,) = lib.highlights(aid)
    assert (h.anchor.exact, h.tag) == ("a new bridge by 2027", "4")
    assert h.note == "Check the budget\nTags: bridge"
    assert lib.import_jsonld(hypothesis_like) == (0, 1)


def test_unplaceable_annotations_are_counted_not_invented(lib):
    data = {"type": "Annotation", "target": {"source": "https://nowhere.example/x",
            "selector": {"type": "TextQuoteSelector", "exact": "ghost"}}}
    assert lib.import_jsonld(data) == (0, 0)
    assert lib.last_import_unplaced == 1 and lib.list_articles() == []


@pytest.mark.parametrize("bad", ["not json", "42", '{"hello": 1}'])
def test_bad_files_are_a_clear_error(lib, bad):
    with pytest.raises(LibraryError, match="Not a Web Annotation file"):
        lib.import_jsonld(bad)


def test_markdown_export(lib, article):
    aid = annotate(lib, article)
    md = lib.export_markdown()
    assert md.startswith("# Sourcelight annotations")
    assert "## Plan under fire" in md and "*Daily Example · A. Writer · 2026-11-20*" in md
    assert "> Follow up with the union." in md
    assert "- **Check this** · “Critics said the plan would fail”" in md
    assert "  > Which critics?\n  > Named?" in md
    assert "- Dismissed emotive phrase: “catastrophic”" in md
    assert "- Confirmed sentence (unsourced): “The minister said the plan would fail.”" in md
    assert lib.export_markdown([aid]).splitlines()[3:] == md.splitlines()[3:]  # all but the export time


def test_markdown_export_imports_back_without_duplicates(lib, article):
    aid = annotate(lib, article)
    lib.update_highlight(lib.highlights(aid)[0].id, note="a note with -- dashes --> and <!-- comment marks")
    before = snapshot(lib, aid)
    md = lib.export_markdown()
    assert md.count("<!--") - md.count("\\<!--") == 1  # the hidden data block only: the note's are escaped
    body = md[: md.rindex("<!--")]
    assert "> a note with -- dashes --> and \\<!-- comment marks" in body
    for h in lib.highlights(aid):
        lib.delete_highlight(h.id)
    assert lib.import_markdown(md) == (3, 3)  # the highlights come back; note and verdicts were still there
    assert snapshot(lib, aid) == before
    assert lib.import_markdown(md) == (0, 6)
    with pytest.raises(LibraryError, match="no Sourcelight annotations"):
        lib.import_markdown("# Some notes\n\n- a list\n")
