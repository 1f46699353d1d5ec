"""Re-importing a changed article re-anchors its highlights and verdicts in the library; orphans are kept and listed."""

from __future__ import annotations

from dataclasses import replace

from desktop.analysis.model import Span
from desktop.store.library import Library


def test_reimport_reanchors_and_reports_orphans(tmp_path, article):
    path = tmp_path / "library.sqlite"
    lib = Library(path)
    t = article.text
    aid = lib.add_article(article)
    moved = lib.add_highlight(aid, t.index("Protesters"), t.index("Protesters") + 19, note="count them")
    edited = lib.add_highlight(aid, t.index("Officials"), t.index("Officials") + 29, tag="2")
    gone = lib.add_highlight(aid, t.index("Sources close"), t.index("Sources close") + 30, tag="3", note="who?")
    emotive = Span("emotive", t.index("catastrophic"), t.index("catastrophic") + 12)
    lib.set_verdict(aid, emotive, "dismissed")

    new_text = (
        "Correction appended.\n"
        + t.replace("Officials declined to comment", "Officials  declined\nto comment")
        .replace("Sources close to the government described the talks as a catastrophic failure.",
                 "The government called the talks constructive.")
    )
    assert lib.add_article(replace(article, text=new_text)) == aid
    report = lib.last_reanchor
    assert report is not None and report.article_id == aid
    assert [o.id for o in report.orphans if hasattr(o, "tag")] == [gone.id]
    assert report.methods.get("orphan") == 2  # the highlight and the dismissed emotive phrase
    lib.close()

    lib = Library(path)  # survives a restart
    hs = {h.id: h for h in lib.highlights(aid)}
    assert set(hs) == {moved.id, edited.id, gone.id}  # nothing dropped
    assert new_text[hs[moved.id].start : hs[moved.id].end] == "Protesters gathered"
    assert hs[moved.id].note == "count them"
    assert new_text[hs[edited.id].start : hs[edited.id].end] == "Officials  declined\nto comment"
    assert hs[gone.id].orphan and hs[gone.id].note == "who?" and hs[gone.id].anchor.exact.startswith("Sources close")
    assert [h.id for h in lib.orphans()] == [gone.id]
    assert lib.highlights(aid)[-1].id == gone.id  # orphans listed last
    assert [v.orphan for v in lib.verdicts(aid)] == [True]
    assert "Highlights no longer found" in lib.export_markdown([aid])
    (version,) = lib.article_versions(aid)  # the text before the correction is kept
    assert version.text_hash == article.text_hash and lib.article_version_text(version.id) == t

    # the article goes back to its old text: the orphan finds its place again
    lib.add_article(article)
    assert not any(h.orphan for h in lib.highlights(aid))
    assert [v.text_hash for v in lib.article_versions(aid)] == [replace(article, text=new_text).text_hash,
                                                                 article.text_hash]
    assert lib.dismissed_spans(aid, [emotive]) == {("emotive", emotive.start, emotive.end)}
    lib.close()
