"""The highlighted PDF: every seed exports headless, and the PDF holds what the reader shows."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from pypdf import PdfReader

from desktop.export import ExportItem, ExportOptions
from desktop.export.model import prepare
from desktop.export.pdf import export_folder, export_pdf
from desktop.layers import LAYER_BY_KEY, LAYERS, USER_TAG_BY_KEY
from desktop.store.model import Anchor, Highlight
from tests.export.conftest import annotations, content_colors, flat, is_subsequence, pdf_text, rgb, words

WHEN = datetime(2026, 11, 22, 9, 30, tzinfo=timezone.utc)


def _highlight(text: str, phrase: str, tag: str, note: str, hid: int) -> Highlight:
    start = text.index(phrase)
    return Highlight(hid, 1, Anchor.from_text(text, start, start + len(phrase)), tag, note)


def _some_sentence(analysis, label: str):
    return next(s for s in analysis.sentences if s.label == label and s.end - s.start > 40)


@pytest.mark.parametrize("index", range(5))
def test_every_seed_exports_with_text_legend_notes_and_colours(index, analysed_seeds, tmp_path):
    article, analysis = analysed_seeds[index]
    text = analysis.text
    sentence = _some_sentence(analysis, "unsourced")
    phrase = " ".join(text[sentence.start : sentence.end].split()[:4])
    note = f"Ask the desk about this, seed {index}"
    hl = _highlight(text, phrase, "2", note, 1)
    item = ExportItem(article, analysis, highlights=[hl], article_note="Overall: check the sourcing before we run it.")
    out = export_pdf([item], tmp_path / "seed.pdf", ExportOptions(page_size="A4", exported_at=WHEN))

    reader = PdfReader(str(out))
    words_in_article = analysis.profile.words or len(text.split())
    assert 2 <= len(reader.pages) <= 3 + words_in_article // 150, "cover + text (+ notes), not one page per line"
    got = flat(pdf_text(out))
    # the whole article, in order (markers like [1] and page headers may sit between words)
    assert is_subsequence(words(text), words(got)), "every word of the article is in the PDF, in order"
    # title block, legend with counts, summary, note and its number, article note
    assert "Legend" in got and "Summary" in got
    prep = prepare(item)
    for layer in LAYERS:
        assert layer.title in got
    flat_text = got
    for key, count in prep.layer_counts.items():
        assert f"{LAYER_BY_KEY[key].title}" in flat_text and str(count) in flat_text
    assert note in flat_text
    assert "[1]" in got, "the note's number is in the text and the endnotes"
    assert flat_text.count("[1]") >= 2
    assert "Overall: check the sourcing before we run it." in flat_text
    assert "Sourcelight" in got and (analysis.model or "rules only") in flat_text
    assert "Page 1 of" in flat_text
    meta = reader.metadata
    assert meta.title == item.title and "Sourcelight" in (meta.subject or "")
    # colours: detector underlines and the user's fill in the page content itself
    colors = content_colors(out)
    for key in prep.layer_counts:
        if prep.layer_counts[key]:
            assert rgb(LAYER_BY_KEY[key].color) in colors, f"{key} colour drawn in the page content"
    assert rgb(USER_TAG_BY_KEY["2"].color) in colors
    # the note is a real PDF highlight annotation over the highlighted words
    notes = [(p, a) for p, a in annotations(out) if a.get("/Contents") == note]
    assert len(notes) == 1
    page_index, annot = notes[0]
    assert annot["/Subtype"] == "/Highlight"
    assert [round(c * 255) for c in annot["/C"]] == list(rgb(USER_TAG_BY_KEY["2"].color))
    quads = [float(v) for v in annot["/QuadPoints"]]
    assert len(quads) % 8 == 0 and quads
    first_word = phrase.split()[0]
    pieces = []

    def visit(s, cm, tm, font, size):
        if s.strip():
            pieces.append((s, tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))

    reader.pages[page_index].extract_text(visitor_text=visit)
    x0, y_top, x1, _, _, y_bottom = quads[0], quads[1], quads[2], quads[3], quads[4], quads[5]
    starts = [(x, y) for s, x, y in pieces if s.lstrip().startswith(first_word)]
    assert any(x0 - 1 <= x <= x1 and y_bottom <= y <= y_top for x, y in starts), "the quad covers the highlighted words"


def test_detector_highlights_are_annotations_with_reasons(analysed_seeds, tmp_path):
    article, analysis = analysed_seeds[2]
    out = export_pdf([ExportItem(article, analysis)], tmp_path / "a.pdf", ExportOptions(why=True))
    annots = [a for _, a in annotations(out)]
    quotes = [a for a in annots if a.get("/Subj") == LAYER_BY_KEY["quote"].title]
    assert len(quotes) >= len(analysis.quotes), "every quote is an annotation (one per page it spans)"
    speakers = {q.speaker for q in analysis.quotes if q.speaker}
    assert any(any(sp in str(a["/Contents"]) for sp in speakers) for a in quotes), "quote annotations name the speaker"
    text = flat(pdf_text(out))
    assert "Why each passage is highlighted" in text
    assert "Speaker:" in text


def test_dismissed_span_is_not_drawn_counted_or_annotated(analysed_seeds, tmp_path):
    article, analysis = analysed_seeds[2]
    quote = analysis.quotes[0]
    base = export_pdf([ExportItem(article, analysis)], tmp_path / "base.pdf", ExportOptions(why=True))
    dismissed = ExportItem(article, analysis, dismissed={(quote.kind, quote.start, quote.end)})
    out = export_pdf([dismissed], tmp_path / "dismissed.pdf", ExportOptions(why=True))

    def quote_annots(path):
        return [a for _, a in annotations(path) if a.get("/Subj") == LAYER_BY_KEY["quote"].title]

    base_q, out_q = quote_annots(base), quote_annots(out)
    assert len(base_q) - len(out_q) >= 1
    starts = {round(float(a["/QuadPoints"][0]), 1) for a in base_q} - {round(float(a["/QuadPoints"][0]), 1) for a in out_q}
    assert starts, "the dismissed quote's annotation is gone"
    prep = prepare(dismissed)
    assert prep.layer_counts["quote"] == len(analysis.quotes) - 1
    assert prep.profile.quotes == analysis.profile.quotes - 1, "not counted in the summary either"
    assert "you dismissed is left out" in flat(pdf_text(out))
    # the appendix no longer lists it
    passage = flat(analysis.text[quote.start : quote.end])[:40]
    appendix_base = flat(pdf_text(base)).split("Why each passage is highlighted", 1)[1]
    appendix_out = flat(pdf_text(out)).split("Why each passage is highlighted", 1)[1]
    assert appendix_out.count(passage[:25]) < appendix_base.count(passage[:25])


def test_hidden_layers_are_neither_drawn_nor_annotated(analysed_seeds, tmp_path):
    article, analysis = analysed_seeds[1]
    item = ExportItem(article, analysis, layers=frozenset({"vague"}))
    out = export_pdf([item], tmp_path / "vague.pdf")
    subjects = {a.get("/Subj") for _, a in annotations(out)}
    assert subjects == {LAYER_BY_KEY["vague"].title}
    assert rgb(LAYER_BY_KEY["unsourced"].color) not in content_colors(out)
    assert "Not shown in this export" in flat(pdf_text(out))


def test_orphaned_note_is_listed_not_drawn(analysed_seeds, tmp_path):
    article, analysis = analysed_seeds[0]
    orphan = Highlight(7, 1, Anchor(10, 30, "words that are gone now"), "3", "Was this in the first version?", orphan=True)
    out = export_pdf([ExportItem(article, analysis, highlights=[orphan])], tmp_path / "o.pdf")
    text = flat(pdf_text(out))
    assert "no longer in the text" in text and "Was this in the first version?" in text
    assert not [a for _, a in annotations(out) if a.get("/Contents") == "Was this in the first version?"]


def test_page_size_letter_and_a4(analysed_seeds, tmp_path):
    article, analysis = analysed_seeds[4]
    letter = export_pdf([ExportItem(article, analysis)], tmp_path / "l.pdf", ExportOptions(page_size="Letter"))
    a4 = export_pdf([ExportItem(article, analysis)], tmp_path / "a.pdf", ExportOptions(page_size="A4"))
    assert [round(float(v)) for v in PdfReader(str(letter)).pages[0].mediabox[2:]] == [612, 792]
    assert [round(float(v)) for v in PdfReader(str(a4)).pages[0].mediabox[2:]] == [595, 842]


def test_default_page_size_follows_the_locale(monkeypatch):
    from desktop.export.pdf import default_page_size

    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LC_PAPER", "en_US.UTF-8")
    assert default_page_size() == "Letter"
    monkeypatch.setenv("LC_PAPER", "fr_CA.UTF-8")
    assert default_page_size() == "Letter"
    monkeypatch.setenv("LC_PAPER", "de_DE.UTF-8")
    assert default_page_size() == "A4"
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert default_page_size() == "A4"


def test_combined_pdf_starts_with_the_comparison(analysed_seeds, tmp_path):
    items = [ExportItem(a, an) for a, an in analysed_seeds[:3]]
    out = export_pdf(items, tmp_path / "all.pdf")
    reader = PdfReader(str(out))
    first = flat(reader.pages[0].extract_text())
    assert "3 articles compared" in first
    assert "How each article sources what it says" in first
    text = flat(pdf_text(out))
    for item in items:
        assert flat(item.title)[:30] in text
    assert reader.metadata.title.startswith("3 articles compared")


def test_folder_export_writes_one_pdf_per_article(analysed_seeds, tmp_path):
    items = [ExportItem(a, an) for a, an in analysed_seeds[:2]]
    written = export_folder(items, tmp_path / "pdfs")
    assert len(written) == 2 and len({p.name for p in written}) == 2
    for path, item in zip(written, items):
        assert path.parent == tmp_path / "pdfs" and path.suffix == ".pdf"
        assert PdfReader(str(path)).metadata.title == item.title


def test_text_with_emoji_and_windows_line_ends_keeps_highlights_on_the_right_words(analyzer, tmp_path):
    from desktop.documents.model import Article

    text = "Officials said 😀 the plan failed miserably.\r\nThe minister resigned on Tuesday, sources say.\r\n"
    analysis = analyzer.analyze(text)
    start = text.index("minister")
    hl = Highlight(1, 1, Anchor.from_text(text, start, start + len("minister")), "1", "who?")
    out = export_pdf([ExportItem(Article(text=text), analysis, highlights=[hl])], tmp_path / "e.pdf")
    reader = PdfReader(str(out))
    page_index, annot = next((p, a) for p, a in annotations(out) if a.get("/Contents") == "who?")
    pieces = []

    def visit(s, cm, tm, font, size):
        if s.strip():
            pieces.append((s, tm[4] * cm[0] + tm[5] * cm[2] + cm[4]))

    reader.pages[page_index].extract_text(visitor_text=visit)
    x0, x1 = float(annot["/QuadPoints"][0]), float(annot["/QuadPoints"][2])
    assert any(s.startswith("minister") and abs(x - x0) < 1.5 for s, x in pieces)
    assert x1 - x0 > 20


@pytest.mark.parametrize("index", range(5))
def test_every_annotation_sits_on_a_line_of_text(index, analysed_seeds, tmp_path):
    """Each quad's bottom is just under a text baseline on its page (also for lines moved by a page break)."""
    article, analysis = analysed_seeds[index]
    text = analysis.text
    picks = [s for s in analysis.sentences if s.end - s.start > 30][2::3]
    notes = [_highlight(text, text[s.start : s.start + 30], str(i % 5 + 1), f"n{i}", i) for i, s in enumerate(picks)]
    out = export_pdf([ExportItem(article, analysis, highlights=notes)], tmp_path / "lines.pdf")
    reader = PdfReader(str(out))
    baselines: dict[int, list[float]] = {}
    for number, page in enumerate(reader.pages):
        ys = baselines.setdefault(number, [])
        page.extract_text(visitor_text=lambda s, cm, tm, font, size, ys=ys: s.strip() and ys.append(tm[4] * cm[1] + tm[5] * cm[3] + cm[5]))
    checked = 0
    for page_index, annot in annotations(out):
        quads = [float(v) for v in annot["/QuadPoints"]]
        for k in range(0, len(quads), 8):
            bottom = quads[k + 5]
            assert any(0.5 < y - bottom < 5 for y in baselines[page_index]), f"quad {quads[k:k + 8]} is not on a line"
            checked += 1
    assert checked > 20
