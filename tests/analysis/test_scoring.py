"""The accuracy metrics count exactly as ANNOTATION_GUIDE.md §4 says (hand-computed cases)."""

from __future__ import annotations

import pytest

from desktop.analysis.model import Span
from desktop.analysis.scoring import (
    PRF,
    DocumentScore,
    load_gold_dir,
    match_quotes,
    micro,
    quotes_match,
    score_document,
    score_emotive,
    score_labels,
    score_quotes,
    speaker_matches,
)
from tests.conftest import GOLD_DIR, SEEDS_DIR


def q(start, end, speaker=None):
    return {"kind": "quote", "start": start, "end": end, "speaker": speaker}


def sent(start, end, label):
    return {"kind": "sentence", "start": start, "end": end, "label": label}


def emo(start, end):
    return {"kind": "emotive", "start": start, "end": end}


def test_prf_from_counts():
    s = PRF(tp=3, fp=1, fn=2)
    assert s.precision == pytest.approx(0.75)
    assert s.recall == pytest.approx(0.6)
    assert s.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)  # 0.6667
    assert PRF(1, 0, 0) + PRF(0, 2, 3) == PRF(1, 2, 3)
    # nothing to find and nothing found is perfect; finding nothing of something is zero
    assert PRF().f1 == 1.0
    assert PRF(0, 0, 4).f1 == 0.0 and PRF(0, 0, 4).recall == 0.0


def test_quote_overlap_must_reach_half_of_the_longer_span():
    assert quotes_match((0, 10), (0, 10))
    assert quotes_match((0, 10), (5, 10))  # overlap 5, longer 10: exactly half
    assert not quotes_match((0, 10), (6, 10))  # overlap 4 < 5
    assert quotes_match((0, 20), (5, 15))  # overlap 10 of 20
    assert not quotes_match((0, 21), (5, 15))  # overlap 10 < 10.5
    assert not quotes_match((0, 10), (10, 20))


def test_quote_matching_is_one_to_one():
    # one long prediction over two gold quotes matches at most one of them
    gold = [q(0, 10), q(10, 20)]
    pred = [q(0, 20)]
    pairs = match_quotes(pred, gold)
    assert len(pairs) == 1
    score = score_quotes(pred, gold)
    assert score.prf == PRF(tp=1, fp=0, fn=1)
    # two predictions for one gold quote: one match, one false positive
    score = score_quotes([q(0, 10), q(1, 10)], [q(0, 10)])
    assert score.prf == PRF(tp=1, fp=1, fn=0)
    # the best-overlapping prediction gets the match
    assert match_quotes([q(2, 10), q(0, 10)], [q(0, 10)]) == [(1, 0)]


def test_speaker_match_by_case_folding_or_last_word():
    assert speaker_matches("Dmitry Peskov", "dmitry peskov")
    assert speaker_matches("Peskov", "Dmitry Peskov")
    assert speaker_matches("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov")
    assert speaker_matches("A NATO spokesman", "a nato  spokesman")
    assert not speaker_matches("Emmanuel Macron", "Dmitry Peskov")
    assert not speaker_matches("he", "Emmanuel Macron")
    assert not speaker_matches(None, "Emmanuel Macron")


def test_speaker_accuracy_is_over_matched_quotes_only():
    gold = [q(0, 10, "Emmanuel Macron"), q(20, 30, "Dmitry Peskov"), q(40, 50, "Olaf Scholz")]
    pred = [q(0, 10, "Macron"), q(20, 30, "Emmanuel Macron"), q(60, 70, "Olaf Scholz")]
    score = score_quotes(pred, gold)
    assert score.prf == PRF(tp=2, fp=1, fn=1)
    assert (score.speakers_right, score.speakers_scored) == (1, 2)
    assert score.speaker_accuracy == pytest.approx(0.5)
    # a gold speaker left out of speaker accuracy still counts for the quote F1
    score = score_quotes(pred, gold, speaker_scored=lambda g: g["speaker"] != "Dmitry Peskov")
    assert score.prf == PRF(tp=2, fp=1, fn=1)
    assert (score.speakers_right, score.speakers_scored) == (1, 1)


def test_sentence_labels_count_non_space_characters():
    text = "Aa bb. Cc dd."
    #       0123456789012
    gold = [sent(0, 6, "unsourced"), sent(7, 13, "attributed")]
    # the prediction swallows the space and the first sentence's last word into the second
    pred = [sent(0, 3, "unsourced"), sent(3, 13, "attributed")]
    scores = score_labels(text, pred, gold)
    # unsourced gold chars: A a b b . (5); predicted: A a (2; the space does not count)
    assert scores["unsourced"] == PRF(tp=2, fp=0, fn=3)
    # attributed gold: C c d d . (5); predicted: b b . C c d d . (8)
    assert scores["attributed"] == PRF(tp=5, fp=3, fn=0)
    assert scores["attributed"].precision == pytest.approx(5 / 8)
    assert scores["vague_source"] == PRF() and scores["not_claim"] == PRF()


def test_sentence_labels_accept_span_dataclasses():
    text = "One. Two."
    pred = [Span(kind="sentence", start=0, end=4, label="not_claim"), Span(kind="sentence", start=5, end=9, label="unsourced")]
    gold = [sent(0, 4, "not_claim"), sent(5, 9, "vague_source")]
    scores = score_labels(text, pred, gold)
    assert scores["not_claim"] == PRF(4, 0, 0)
    assert scores["unsourced"] == PRF(0, 4, 0)
    assert scores["vague_source"] == PRF(0, 0, 4)


def test_emotive_counts_tokens_touched_by_a_span():
    text = "It failed miserably, a catastrophic war."
    #       0123456789012345678901234567890123456789
    gold = [emo(3, 19), emo(23, 39)]  # "failed miserably", "catastrophic war"
    # predicts "miserably" plus the comma, and only the last letters of "catastrophic"
    pred = [emo(10, 20), emo(33, 35), emo(0, 2)]
    s = score_emotive(text, pred, gold)
    # tokens: It failed miserably a catastrophic war; gold positive: failed miserably catastrophic war
    # predicted positive: miserably, catastrophic, It
    assert s == PRF(tp=2, fp=1, fn=2)
    assert s.f1 == pytest.approx(4 / 7)


def test_documents_micro_average_by_adding_counts():
    text = "Xx said “yy zz”. Awful."
    a = score_document(text, [q(8, 15, "Xx"), emo(17, 22)], [q(8, 15, "Xx"), sent(0, 16, "attributed"), emo(17, 22)])
    b = score_document(text, [], [q(8, 15, "Xx"), emo(17, 22)])
    total = micro([a, b])
    assert total.quotes.prf == PRF(1, 0, 1)
    assert total.quotes.speaker_accuracy == 1.0
    assert total.emotive == PRF(1, 0, 1)
    assert total.labels["attributed"] == PRF(0, 0, 13)
    assert isinstance(total, DocumentScore)


def test_gold_of_a_seed_scores_perfectly_against_itself():
    golds = load_gold_dir(GOLD_DIR)
    assert len(golds) == 5
    for name, gold in golds.items():
        text = (SEEDS_DIR / name).read_text(encoding="utf-8")
        s = score_document(text, gold.spans, gold.spans)
        assert s.quotes.prf.fn == s.quotes.prf.fp == 0
        assert s.quotes.speaker_accuracy == 1.0
        assert all(prf.fp == prf.fn == 0 for prf in s.labels.values())
        assert s.emotive.fp == s.emotive.fn == 0


# ---------------------------------------------------------------- development-corpus adapters


def test_quote_segments_take_the_quoted_stretch_with_its_marks():
    from desktop.analysis.scoring import quote_segments

    text = 'He said the plan was “a disaster” and “doomed,” aides recalled.'
    start = text.index("the plan")
    end = text.index(" aides")
    segs = [text[a:b] for a, b in quote_segments(text, start, end)]
    assert segs == ["“a disaster”", "“doomed,”"]
    # content given without its marks is widened to them; nested marks stay inside
    text = 'x “We said “never” then,” he said.'
    a, b = text.index("We"), text.index(" he") - 1
    assert [text[s:e] for s, e in quote_segments(text, a, b)] == ["“We said “never” then,”"]
    # straight marks pair up; an unclosed quote runs to the end of the content
    text = 'She said "yes" and "no'
    assert [text[s:e] for s, e in quote_segments(text, 9, len(text))] == ['"yes"', '"no']
    # doubled apostrophes of wire and archive copy are double marks too
    text = "Mr. Hedge said. ''I assume they saw it coming,'' he added."
    a = text.index("I assume")
    assert [text[s:e] for s, e in quote_segments(text, a, text.index(",''") + 1)] == ["''I assume they saw it coming,''"]
    assert quote_segments("the players' union's ''deal''", 0, 5) == []


def test_vague_sources_are_generic_groups_and_named_ones_are_not():
    from desktop.analysis.scoring import clean_speaker, is_vague_source

    for vague in (None, "officials", "sources close to the Clinton campaign", "his critics",
                  "Some NATO members", "EXPERTS", "The person familiar with the planning"):
        assert is_vague_source(vague), vague
    for named in ("Donald Trump", "White House officials", "the Washington Post", "he", "who",
                  "Clayton County police", "A NATO spokesman"):
        assert not is_vague_source(named), named
    assert clean_speaker("Christie, New Jersey’s sitting governor,") == "Christie"
    # party/state tags are not the speaker's last word
    assert clean_speaker("Sen. Bernie Sanders (I-Vt.)") == "Sen. Bernie Sanders"
    assert clean_speaker("Rep. Jim Jordan (R-Ohio)\xa0") == "Rep. Jim Jordan"
    assert clean_speaker("Gov. Scott Walker (R") == "Gov. Scott Walker"
    assert clean_speaker("Sen. Ted Cruz (R-Tex.), who") == "Sen. Ted Cruz"
    assert speaker_matches("Bernie Sanders", clean_speaker("Sen. Bernie Sanders (I-Vt.)"))
    assert not speaker_matches("Bernie Sanders", "Sen. Bernie Sanders (I-Vt.)")
    # the fullest name, not the descriptor in front of it or the body after it
    assert clean_speaker("A top strategist, John Weaver,") == "John Weaver"
    assert clean_speaker("her senior policy adviser, Jake Sullivan,") == "Jake Sullivan"
    assert clean_speaker("Robert Antonacci of the New York delegation") == "Robert Antonacci"
    assert clean_speaker("Gov. Scott Walker of Wisconsin") == "Gov. Scott Walker"
    assert clean_speaker("Secretary of State John Kerry") == "Secretary of State John Kerry"
    assert clean_speaker("The Department of Justice") == "The Department of Justice"
    assert clean_speaker("A NATO spokesman, who asked not to be named,") == "A NATO spokesman"


def test_polnear_record_maps_to_quotes_and_sentence_labels():
    from desktop.analysis.scoring import drop_ignored_quotes, polnear_gold, polnear_sentence_gold

    text = ("Headline here\n\n"
            "“We will win,” Smith said. Officials said the plan was “bold” and new. The sky is blue. "
            "I think so.")
    def span(label, frag, aid, speaker, kind="Attribution", quoted=None):
        s = text.index(frag)
        out = {"start": s, "end": s + len(frag), "label": label, "attribution_id": aid,
               "attribution_type": kind, "speaker": speaker, "fragment": frag}
        if quoted is not None:
            out["content_quoted"] = quoted
        return out
    doc = {"text": text, "spans": [
        span("content", "We will win,", "E1", "Smith", quoted=True),
        span("source", "Smith", "E1", "Smith"), span("cue", "said", "E1", "Smith"),
        span("source", "Officials", "E2", "Officials"),
        span("content", "the plan was “bold” and new", "E2", "Officials", quoted=False),
        span("source", "I", "E3", "I"), span("cue", "think", "E3", "I"),
    ]}
    quotes, ignore, attributions = polnear_gold(doc)
    assert [(text[q["start"]:q["end"]], q["speaker"]) for q in quotes] == [("“We will win,”", "Smith")]
    assert len(attributions) == 2, "the first-person attribution is the author's own voice"
    # a partial quote inside paraphrased content is neither right nor wrong
    bold = text.index("“bold”")
    pred = [q(quotes[0]["start"], quotes[0]["end"], "John Smith"), q(bold, bold + 6, "Officials")]
    assert len(drop_ignored_quotes(pred, quotes, ignore)) == 1
    bounds = [(0, 13)]
    for sentence in ("“We will win,” Smith said.", "Officials said the plan was “bold” and new.",
                     "The sky is blue.", "I think so."):
        s = text.index(sentence)
        bounds.append((s, s + len(sentence)))
    labels = [g["label"] for g in polnear_sentence_gold(text, [sent(a, b, "x") for a, b in bounds], attributions)]
    assert labels == ["not_claim", "attributed", "vague_source", "unsourced", "unsourced"]
