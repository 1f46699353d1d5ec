"""News-aware sentence boundaries: line breaks, quotes kept whole, datelines, glued quote marks."""

from __future__ import annotations


def sentences_of(analyzer, text):
    return [text[s.start : s.end] for s in analyzer.analyze(text).sentences]


def test_a_line_break_always_ends_a_sentence(analyzer):
    text = "Macron Isolated Over Troops Plan\nBy Lucas Leiroz\nFrance appears isolated. Berlin says no"
    assert sentences_of(analyzer, text) == [
        "Macron Isolated Over Troops Plan",
        "By Lucas Leiroz",
        "France appears isolated.",
        "Berlin says no",
    ]


def test_a_quote_and_its_attribution_stay_one_sentence(analyzer):
    text = "“Nothing can be ruled out,” he said. “We will do everything possible to prevent Russia from winning.”"
    assert sentences_of(analyzer, text) == [
        "“Nothing can be ruled out,” he said.",
        "“We will do everything possible to prevent Russia from winning.”",
    ]


def test_closing_mark_belongs_to_its_sentence(analyzer):
    text = "He said: “We are ready. The troops are ready.” Then he left."
    sents = sentences_of(analyzer, text)
    assert not any(s.startswith("”") for s in sents)
    assert sents[-1] == "Then he left."


def test_dateline_is_its_own_sentence(analyzer):
    text = "Paris, Mar. 31 (Al Arabiya) - Emmanuel Macron is trying to convince European countries."
    assert sentences_of(analyzer, text) == [
        "Paris, Mar. 31 (Al Arabiya) -",
        "Emmanuel Macron is trying to convince European countries.",
    ]


def test_a_dateline_after_the_headline_is_its_own_sentence_and_no_claim(analyzer):
    # a dateline opening the first paragraph under a headline, not only at the very start of the text
    text = (
        "Trump Wins Again\n\n"
        "WASHINGTON — The senator spoke on Monday.\n\n"
        "PHILADELPHIA (AP) — Tim Canova raised $100,000.\n\n"
        "KINSHASA, Congo -- The government declared an outbreak.\n\n"
        "SALZBURG, Austria, February 13, 2018 (LifeSiteNews) – The bishop signed.\n\n"
        "NEW YORK - Trump tweeted \"most corrupt candidate ever!\" on Saturday.\n\n"
        "Donald Trump - the Art of the Deal author - spoke."
    )
    result = analyzer.analyze(text)
    labels = {text[s.start : s.end]: s.label for s in result.sentences}
    for dateline in ("WASHINGTON —", "PHILADELPHIA (AP) —", "KINSHASA, Congo --", "NEW YORK -",
                     "SALZBURG, Austria, February 13, 2018 (LifeSiteNews) –"):
        assert labels[dateline] == "not_claim"
    assert labels["The senator spoke on Monday."] == "unsourced"
    assert labels["Donald Trump - the Art of the Deal author - spoke."] == "unsourced"  # a name and a dash: no dateline
    (q,) = result.quotes
    assert q.speaker == "Donald Trump"  # not "NEW YORK - Trump"


def test_glued_quote_marks_keep_the_text_and_find_the_speaker(analyzer):
    text = "“In this case, we should not talk about probability. This is how we evaluate it”said Dmitry Peskov, a spokesman."
    result = analyzer.analyze(text)
    assert result.text == text
    (q,) = result.quotes
    assert text[q.start : q.end] == "“In this case, we should not talk about probability. This is how we evaluate it”"
    assert q.speaker == "Dmitry Peskov"


def test_text_without_any_punctuation_or_breaks(analyzer):
    text = "word " * 400
    sents = analyzer.analyze(text).sentences
    assert sents and all(s.label in ("unsourced", "not_claim", "attributed", "vague_source") for s in sents)


def test_a_line_broken_after_a_title_goes_on_with_the_name(analyzer):
    text = (
        "“I’ve never known of anyone who has been pressured,” said the Rev.\n"
        "David W. Dockery, senior pastor at First Baptist Church.\n"
        "The Rev.\nRay Hurt has led the church for two decades.\n"
        "He stayed.\nDr. Smith left."
    )
    result = analyzer.analyze(text)
    assert [text[s.start : s.end].replace("\n", " ") for s in result.sentences] == [
        "“I’ve never known of anyone who has been pressured,” said the Rev. David W. Dockery, senior pastor at First Baptist Church.",
        "The Rev. Ray Hurt has led the church for two decades.",
        "He stayed.",
        "Dr. Smith left.",
    ]
    assert [q.speaker for q in result.quotes] == ["David W. Dockery"]
    assert "\n" not in result.quotes[0].why


def test_a_name_glued_to_the_next_word_is_read_as_two_words(analyzer):
    # copy that lost a space: the sentence before stays apart, and the speaker is the name alone
    text = (
        "However, other leaders indicated that they did not agree with sending troops.\n\n"
        "He German Chancellor Olaf ScholzSaid that “one thing is clear: there will be no ground forces.”"
    )
    result = analyzer.analyze(text)
    assert [text[s.start : s.end] for s in result.sentences] == text.split("\n\n")
    assert [q.speaker for q in result.quotes] == ["Olaf Scholz"]
    # names and brands that end in such a word stay whole
    doc = analyzer.pipeline.nlp("He posted on LinkedIn and MoveOn that #StopThe plan was dead.")
    assert {"LinkedIn", "MoveOn"} <= {t.text for t in doc}
