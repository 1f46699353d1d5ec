"""Emotive phrasing detector: exact spans per category, quotes skipped, neutral terms left alone."""

from __future__ import annotations

import pytest

from desktop.analysis.model import Span


def emotive_texts(analyzer, text: str) -> list[str]:
    return [text[s.start : s.end] for s in analyzer.analyze(text).emotive]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The French leader's initiative failed miserably last week.", ["failed miserably"]),
        ("The proposal was categorically rejected by the USA.", ["categorically"]),
        ("The French leader's provocative proposal was on every front page.", ["provocative proposal"]),
        ("He became the object of harsh criticism and even ridicule from the elites.", ["harsh criticism and even ridicule"]),
        ("Losses are due to the cynical and dismissive attitude of the command.", ["cynical and dismissive attitude"]),
        ("Major powers fear a catastrophic war arising from such a move.", ["catastrophic war"]),
        ("This scenario could easily end in tragedy.", ["end in tragedy"]),
        ("Macron has made the worst possible decision about the deaths.", ["worst possible decision"]),
        ("Any French soldier in Ukraine is a legitimate target.", ["legitimate target"]),
        ("Soldiers sent there will face inevitable death due to their weak training.", ["inevitable death"]),
        ("The overwhelming majority of heads of state rejected the initiative.", ["overwhelming majority"]),
        ("It would lead to the Third World War unleashed by the West.", ["Third World War unleashed by the West"]),
        ("NATO has been waging a proxy war against Russia since 2022.", ["proxy war"]),
        ("Macron wants to continue propagandizing his image in Europe.", ["propagandizing"]),
        ("Obviously, Paris does not want to face the consequences.", ["Obviously"]),
        ("The experts called for calm, but the report was simply unrealistic.", ["simply unrealistic"]),
        ("When the French start receiving zinc coffins from Ukraine, protests will grow.", ["zinc coffins"]),
        # a charged noun keeps its short complement; a hyphenated word is never cut
        ("His exoneration is a complete travesty of justice.", ["complete travesty of justice"]),
        ("The mayor called it a disgrace to the office.", ["disgrace to the office"]),
        ("The bitterly anti-Catholic media ignored him.", ["bitterly anti-Catholic"]),
        ("The radical left-wing mob took over the square.", ["radical left-wing mob"]),
        # words coordinated with the charged one are one phrase
        ("They were plotting and scheming to get what they want.", ["plotting and scheming"]),
        ("He became offended and outraged when it was pointed out.", ["offended and outraged"]),
        # idioms of contempt and stock exaggerations
        ("The coach's plan went off the rails within a week.", ["off the rails"]),
        ("The rebuttal was a pack of lies from start to finish.", ["pack of lies"]),
    ],
)
def test_each_category_marks_the_charged_phrase(analyzer, text, expected):
    assert emotive_texts(analyzer, text) == expected


def test_why_and_cue_name_the_lexicon_entry(analyzer):
    text = "The initiative failed miserably."
    (span,) = analyzer.analyze(text).emotive
    assert span.cue == "miserably"
    assert span.why == "loaded word: 'miserably'"
    text = "It was categorically rejected."
    (span,) = analyzer.analyze(text).emotive
    assert span.why == "intensifier used for effect: 'categorically'"


@pytest.mark.parametrize(
    "text",
    [
        "The war in Ukraine entered its third year as troops and missiles were moved to the front.",
        "Great Britain and Germany sent ammunition, the ministry said in a statement on Monday.",
        "The death toll rose to 207, and officials prepared for the worst-case scenario.",
        "He spoke clearly and slowly to the committee about the budget.",
        # certainty adverbs mid-sentence hedge or describe; only "Clearly, …" opening a sentence asserts
        "The report was clearly late, and the minister will certainly reply on Monday.",
        # broad intensifiers alone are not charged ("totally new", "extremely broad")
        "The new model is totally new and its powers are extremely broad.",
        # an outcome called inevitable or a size called huge states a judgement of fact
        "The delay was inevitable after the huge storm closed the port.",
    ],
)
def test_neutral_terms_are_not_flagged(analyzer, text):
    assert emotive_texts(analyzer, text) == []


def test_nothing_inside_an_attributed_quote(analyzer):
    text = (
        "“This is a catastrophic, shameful and reckless decision,” German Chancellor Olaf Scholz said. "
        "The decision failed miserably."
    )
    analysis = analyzer.analyze(text)
    assert analysis.quotes, "the quote detector should find Scholz's quote"
    assert [text[s.start : s.end] for s in analysis.emotive] == ["failed miserably"]


def test_given_quote_spans_are_skipped(analyzer):
    """Whatever the quote detector reports is skipped, even a bare partial quote."""
    nlp = analyzer.pipeline.nlp
    text = "The minister called it a disgraceful verdict and a brutal sham."
    with nlp.select_pipes(disable=["sourcelight_emotive"]):
        doc = nlp(text)
    start = text.index("a disgraceful")
    doc._.sl_quotes = [Span(kind="quote", start=start, end=text.index(" and a")) ]
    nlp.get_pipe("sourcelight_emotive")(doc)
    assert [text[s.start : s.end] for s in doc._.sl_emotive] == ["brutal sham"]
    doc._.sl_quotes = None
    nlp.get_pipe("sourcelight_emotive")(doc)
    assert [text[s.start : s.end] for s in doc._.sl_emotive] == ["disgraceful verdict", "brutal sham"]


def test_scare_quotes_only_when_no_one_is_quoted(analyzer):
    text = 'In addition, the French would have the mission of "protecting" strategic areas in key cities.'
    spans = analyzer.analyze(text).emotive
    assert [text[s.start : s.end] for s in spans] == ['"protecting"']
    assert spans[0].why == "scare quotes around 'protecting' with no one quoted"
    # a partial quote of someone named is theirs, not scare quotes
    text = 'Dmitry Peskov said the plan was "absolutely unacceptable" for Moscow.'
    assert emotive_texts(analyzer, text) == []
    # a term mentioned as a term is not mocked
    text = 'Many are regular commandos who fight under the label of "mercenaries" in Ukraine.'
    assert emotive_texts(analyzer, text) == []
    # titles and names in quotes are not scare quotes
    text = 'The newspaper "Welt am Sonntag" published the letter on Sunday.'
    assert emotive_texts(analyzer, text) == []


def test_broad_intensifier_counts_before_a_charged_word(analyzer):
    text = "The minister's answer was totally disgraceful."
    assert emotive_texts(analyzer, text) == ["totally disgraceful"]


def test_quoted_word_echoing_someone_s_quote_is_not_scare_quotes(analyzer):
    """A word the author repeats from a quote elsewhere in the text is cited, not mocked."""
    text = (
        "“We need discernment in every case,” the bishop told the synod on Monday.\n\n"
        "The document then applies this \"discernment\" to marriage."
    )
    assert emotive_texts(analyzer, text) == []
    text = "The document then applies this \"discernment\" to marriage."
    assert emotive_texts(analyzer, text) == ['"discernment"']


def test_repeated_boilerplate_lines_are_not_painted(analyzer):
    poll = "Whom do you consider to be the most corrupt politician in the state?"
    text = f"{poll}\n\nThe council met on Monday.\n\n{poll}\n\nIt was a shameful decision.\n\n{poll}"
    assert emotive_texts(analyzer, text) == ["shameful decision"]
    # said once, by the author, it is the author's judgement
    assert emotive_texts(analyzer, poll) == ["most corrupt politician"]


def test_capitalised_names_are_not_judgements(analyzer):
    text = "The Reckless Party met in the Grand Hotel. Reckless ideas spread."
    assert emotive_texts(analyzer, text) == ["Reckless ideas"]


def test_headline_in_title_case_still_counts(analyzer):
    text = "The Rigged Witch Hunt Goes On\n\nThe inquiry continued on Monday."
    assert emotive_texts(analyzer, text) == ["Rigged Witch Hunt"]


def test_rule_only_pipeline_degrades_without_crashing():
    import spacy

    import desktop.analysis.emotive  # noqa: F401  registers the factory

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("sourcelight_emotive")
    text = (
        "The plan failed miserably. It was a provocative proposal, categorically rejected. "
        'The French had the mission of "protecting" the cities. The war in Ukraine went on.'
    )
    doc = nlp(text)
    found = [text[s.start : s.end] for s in doc._.sl_emotive]
    assert found == ["failed miserably", "provocative proposal", "categorically", '"protecting"']
    assert nlp("")._.sl_emotive == []


def test_seed_000_marks_the_guide_examples(analyzer, seed_texts):
    text = seed_texts["000_1773240db986259e.txt"]
    found = {text[s.start : s.end] for s in analyzer.analyze(text).emotive}
    for phrase in ("failed miserably", "categorically", "zinc coffins", "provocative proposal", "inevitable death"):
        assert phrase in found
    # neutral subject terms stay unmarked on their own
    assert not found & {"troops", "NATO troops", "war", "missiles"}


def test_seed_003_news_report_is_not_painted_red(analyzer, seed_texts):
    text = seed_texts["003_2db0398f006d2414.txt"]
    analysis = analyzer.analyze(text)
    assert len(analysis.emotive) <= 2


def test_lexicon_is_data_of_reasonable_size():
    from desktop.analysis.emotive_lexicon import load_lexicon

    lexicon = load_lexicon()
    bases = {entry.cue for entry in lexicon.values()}
    assert 800 <= len(bases) <= 4000
    assert lexicon["miserably"].role == "adverb"
    assert lexicon["propagandizing"].cue == "propagandize"
    assert lexicon["coffins"].cue == "coffin"
    assert lexicon["great britain"].role == "neutral"


def test_spans_never_overlap_and_carry_a_reason(analyzer, seed_texts):
    for name, text in seed_texts.items():
        spans = analyzer.analyze(text).emotive
        for a, b in zip(spans, spans[1:]):
            assert a.end <= b.start, (name, text[a.start : a.end], text[b.start : b.end])
        for s in spans:
            assert s.why and s.cue and text[s.start : s.end].strip() == text[s.start : s.end]


def test_scare_quotes_around_a_loaded_label_are_one_span(analyzer):
    text = 'NATO has been waging a "proxy war" against Russia since 2022.'
    spans = analyzer.analyze(text).emotive
    assert [text[s.start : s.end] for s in spans] == ['"proxy war"']
    assert "scare quotes" in spans[0].why and "proxy war" in spans[0].why


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("More Than 100 Delegates Are Planning To Do Something about it.\n\nThey want to do something BIG to Trump.", ["BIG"]),
        ("Hillary is NOT above the law, whatever the court says.", ["NOT above the law"]),
    ],
)
def test_a_common_word_in_capitals_shouts(analyzer, text, expected):
    assert emotive_texts(analyzer, text) == expected


def test_acronyms_and_capital_headings_do_not_shout(analyzer):
    assert emotive_texts(analyzer, "The DNC and NATO met the FBI in Washington on Monday.") == []
    assert emotive_texts(analyzer, "IN BRIEF\n\nThe DNC met on Monday.") == []


@pytest.mark.parametrize(
    "text",
    [
        # spelled out earlier in the text
        "The World Health Organization sent doses on Monday. WHO also sent staff to the island.",
        # used more than once, never in lower case
        "DACA protects 700,000 people. Congress has tried to end DACA twice.",
        # a paragraph's first words set in capitals, newspaper style
        "Guns a click away\n\nPEOPLE WHO are barred from buying guns can now print them.",
    ],
)
def test_acronyms_and_lead_in_capitals_are_not_shouts(analyzer, text):
    assert emotive_texts(analyzer, text) == []


def test_a_word_in_two_lexicons_is_read_as_the_context_allows(analyzer):
    # 'pandering' is a loaded noun and a form of the loaded verb 'pander'
    assert emotive_texts(analyzer, "The senator has been pandering to donors all year.") == ["pandering"]
    assert emotive_texts(analyzer, "His pandering to donors cost him the primary.") == ["pandering"]


def test_certainty_before_the_verb_is_asserted_for_effect(analyzer):
    got = emotive_texts(analyzer, "The migrants, who obviously got help along the way, crossed the border.")
    assert any(s.startswith("obviously") for s in got), got


def test_loaded_verbs_in_a_title_case_headline(analyzer):
    text = "Sanders Humiliates Reporter In Savage Takedown As Trump Slams Clinton\n\nThe Slams family met Mr. Humiliates."
    assert emotive_texts(analyzer, text) == ["Humiliates", "Savage Takedown", "Slams"]


def test_an_adjective_used_as_a_noun_of_the_subject_is_neutral(analyzer):
    assert emotive_texts(analyzer, "He made offensive statements about the judge.") == ["offensive statements"]
    assert emotive_texts(analyzer, "The offensive began in June and the Russian offensive in Kharkiv stalled.") == []
    assert emotive_texts(analyzer, "A tornado ripped through the town.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a phrase ending in 'of' takes what it is of
        ("She committed all sorts of crimes in office.", ["all sorts of crimes"]),
        # a time word is not part of the noun; 'reportedly' does not sharpen, 'deeply' does
        ("They lie to fool gullible Westerners today.", ["fool gullible Westerners"]),
        ("He hired a reportedly corrupt official and a deeply corrupt judge.", ["corrupt official", "deeply corrupt judge"]),
    ],
)
def test_phrase_edges(analyzer, text, expected):
    assert emotive_texts(analyzer, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # feelings and harsh criticism named in the author's voice
        ("The governor sounded clearly exasperated by the delay.", ["clearly exasperated"]),
        ("The council issued a blistering report on the project.", ["blistering report"]),
        ("The minister answered testily and left the room.", ["answered testily"]),
        # a noun spaCy counts as a stop word still ends the adjective's phrase
        ("It was a shocking move by the mayor.", ["shocking move"]),
        # an intensifier used as an adjective takes its noun
        ("The vote was an outright retreat from the plan.", ["outright retreat"]),
        # words with a common literal sense in news stay neutral
        ("The patient was treated for cancer at the regional hospital.", []),
        ("Police said the criminal case against the gang is closed.", []),
    ],
)
def test_fourth_pass_lexicon_and_noun_edges(analyzer, text, expected):
    assert emotive_texts(analyzer, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a charged adjective in a row of adjectives takes the noun they all describe
        ("He appointed partisan, conservative judges to the bench.", ["partisan, conservative judges"]),
        ("It is a grim and increasingly common reality.", ["grim and increasingly common reality"]),
        # ... but not across a clause
        ("The deal was corrupt, and voters knew it.", ["corrupt"]),
        # idioms of temper and contempt, stock hyperbole
        ("The senator fired back at the reporters on Friday.", ["fired back"]),
        ("The mayor was thrown under the bus by his own staff.", ["thrown under the bus"]),
        ("They denied any and all allegations.", ["any and all allegations"]),
        # a literal sense stays neutral
        ("The committee heard from a defector and a former hitman.", []),
    ],
)
def test_adjective_rows_and_fifth_pass_idioms(analyzer, text, expected):
    assert emotive_texts(analyzer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # terms news uses to describe, not to judge: a topic, a figure, a name for a thing
        "The documentary examines conspiracy theories about the moon landing.",
        "The bank still has outstanding debts of two million dollars.",
        "Downloadable blueprints for so-called ghost guns were posted online.",
        "Diplomats discussed the risk of nuclear war in the region.",
        "Critics of the military dictatorship were arrested in March.",
    ],
)
def test_descriptive_terms_are_not_emotive(analyzer, text):
    assert emotive_texts(analyzer, text) == []


def test_quoted_name_before_its_noun_is_not_a_scare_quote_but_a_quoted_adjective_is(analyzer):
    # the quoted words name a thing: the noun after the closing mark (past a space) is looked at
    assert emotive_texts(analyzer, "The state passed the “red flag” laws in May.") == []
    assert emotive_texts(analyzer, "Lawmakers debated the “sunset” clause of the treaty.") == []
    # one quoted adjective before its noun doubts the word
    assert emotive_texts(analyzer, "They armed the “moderate” rebels in Syria.") == ["“moderate”"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # name-calling labels for groups and policies
        ("Leftists cheered the bill while liberal elites stayed silent.", ["Leftists", "liberal elites"]),
        ("He warned about gun grabbers in the capital.", ["gun grabbers"]),
        # the neutral words those labels are made of are not labels by themselves
        ("The left wing of the party met the elite units at the border.", []),
    ],
)
def test_group_labels(analyzer, text, expected):
    assert emotive_texts(analyzer, text) == expected


def test_a_phrasal_verb_is_inflected_on_its_verb(analyzer):
    from desktop.analysis.emotive_lexicon import _forms

    assert "rammed through" in _forms("ram through", "verb")[1]
    assert "ram throughs" not in _forms("ram through", "verb")[1]
    assert emotive_texts(analyzer, "The leaders rammed through the budget on Friday.") == ["rammed through"]
    assert emotive_texts(analyzer, "The farmer's ram walked through the gate.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The governor took a swipe at his rival during the debate.", ["took a swipe at"]),
        ("Critics called the ad a cheap shot.", ["cheap shot"]),
        # plain reportage of a political fight is not emotive
        ("The bill came under fire from both parties, and the senator doubled down.", []),
    ],
)
def test_contemptuous_fight_idioms_but_not_plain_reportage(analyzer, text, expected):
    assert emotive_texts(analyzer, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor has gotten away with it for years.", ["gotten away with"]),
        ("The blogger is a notorious anti-Semite.", ["notorious anti-Semite"]),
        ("Semitic languages are taught at the university.", []),
        ("The prisoners got away from the camp at night.", []),
    ],
)
def test_inflected_idioms_and_labels(analyzer, text, expected):
    assert emotive_texts(analyzer, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a particle the parser reads as an adverb still belongs to the loaded verb
        ("The president lashes back at critics.", ["lashes back"]),
        # ... but the verb's object does not
        ("They slammed the door on him.", ["slammed"]),
        # a number-like exaggeration takes its noun
        ("The network gave him 24/7 media coverage.", ["24/7 media coverage"]),
    ],
)
def test_particles_and_numeric_exaggeration(analyzer, text, expected):
    assert emotive_texts(analyzer, text) == expected


def test_a_phrase_listed_twice_gives_the_same_reason_on_every_run():
    # the reason shown for 'witch hunt' (name-calling and a loaded label) must not depend on the
    # process's hash seed
    import subprocess
    import sys
    from pathlib import Path

    code = "from desktop.analysis.emotive_lexicon import load_lexicon_entries as l; print(l()['witch hunt'])"
    root = Path(__file__).resolve().parents[2]
    outs = {
        subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True,
                       env={"PYTHONHASHSEED": str(seed), "PATH": ""}).stdout
        for seed in (1, 2, 3, 4, 5)
    }
    assert len(outs) == 1 and "name-calling" in outs.pop().split("label=")[1]


@pytest.mark.parametrize(
    "text",
    [
        # a quoted term or name of several words mocks nothing by itself
        'Haig was named as a "person of interest" in the investigation.',
        "Trump became the first candidate to purchase a “promoted trend” on Twitter.",
        # a word the text translates or defines
        "Families dig up their dead relatives every seven years. It means ‘turning the bones’.",
        # plain words of the subject
        "Witnesses saw muzzle flashes from the 32nd floor.",
    ],
)
def test_terms_names_and_plain_words_are_not_emotive(analyzer, text):
    assert [text[s.start : s.end] for s in analyzer.analyze(text).emotive] == []


def test_a_list_of_quoted_words_mocks_together(analyzer):
    text = 'Paris is sending troops under the guise of "instructors", "military advisers" or "volunteers".'
    got = [text[s.start : s.end] for s in analyzer.analyze(text).emotive]
    assert got == ['"instructors"', '"military advisers"', '"volunteers"']
