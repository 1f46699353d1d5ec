"""Direct quotations: every mark style, nesting, splits, paragraphs, broken marks, and who said it."""

from __future__ import annotations

import pytest

from desktop.analysis.quotes import find_quoted


def quotes_of(analyzer, text):
    """(quoted text, speaker) for every quote the analyser finds, in order."""
    result = analyzer.analyze(text)
    return [(text[q.start : q.end], q.speaker) for q in result.quotes], result


def speakers_of(analyzer, text):
    """The speaker of every quote the analyser finds, in order."""
    return [s for _, s in quotes_of(analyzer, text)[0]]


@pytest.fixture(scope="session")
def rule_only():
    """The pipeline that runs when no trained model can be loaded."""
    from desktop.analysis.analyzer import Analyzer

    analyzer = Analyzer(model="sourcelight_no_such_model")
    assert analyzer.model_name is None
    return analyzer


@pytest.mark.parametrize(
    "text, quoted, speaker",
    [
        ('Mayor Anne Hidalgo said: "The city is ready for the Games."', '"The city is ready for the Games."', "Anne Hidalgo"),
        ("Mayor Anne Hidalgo said: “The city is ready for the Games.”", "“The city is ready for the Games.”", "Anne Hidalgo"),
        ("Chancellor Olaf Scholz wrote in a post: «Nobody wants a war.»", "«Nobody wants a war.»", "Olaf Scholz"),
        ("Finance Minister Lena Berg told parliament: ‘We have no money left.’", "‘We have no money left.’", "Lena Berg"),
    ],
)
def test_each_mark_style_is_a_quote_with_its_speaker(analyzer, text, quoted, speaker):
    found, _ = quotes_of(analyzer, text)
    assert found == [(quoted, speaker)]


def test_exact_offsets_include_the_marks(analyzer):
    text = "A NATO spokesman said the alliance has “no plans” to station combat troops in Ukraine."
    result = analyzer.analyze(text)
    (q,) = result.quotes
    assert (q.start, q.end) == (39, 49)
    assert text[q.start : q.end] == "“no plans”"
    assert q.speaker == "A NATO spokesman", "no name is ever given: the descriptor is the speaker"
    assert q.cue == "said"


def test_nested_quote_stays_inside_its_outer_quote(analyzer):
    text = "“He told me ‘we will win’ and I believed him,” said Senator Mary Jones."
    found, _ = quotes_of(analyzer, text)
    assert found == [("“He told me ‘we will win’ and I believed him,”", "Mary Jones")]


def test_nested_double_marks_too(analyzer):
    text = "“They said they would “never” give us aircraft,” Macron emphasized."
    found, _ = quotes_of(analyzer, text)
    assert found == [("“They said they would “never” give us aircraft,”", "Macron")]


def test_quote_split_by_its_attribution_is_two_spans_with_one_speaker_and_pronoun_resolved(analyzer):
    text = (
        "President Emmanuel Macron spoke to reporters. “Nothing can be ruled out,” he said. "
        "“We will do everything possible.”"
    )
    found, result = quotes_of(analyzer, text)
    assert found == [
        ("“Nothing can be ruled out,”", "Emmanuel Macron"),
        ("“We will do everything possible.”", "Emmanuel Macron"),
    ]
    assert "Emmanuel Macron" in result.quotes[0].why and "'he'" in result.quotes[0].why


def test_quote_over_several_paragraphs_is_one_span(analyzer):
    text = (
        "Governor Tom Reed addressed the crowd.\n\n“We will rebuild every house.\n\n"
        "“We will not leave anyone behind,” he said.\n\nThe storm hit on Monday."
    )
    found, _ = quotes_of(analyzer, text)
    assert found == [("“We will rebuild every house.\n\n“We will not leave anyone behind,”", "Tom Reed")]


def test_unclosed_quote_is_capped_at_its_paragraph(analyzer):
    text = "The senator said “this will never pass.\n\nThe vote is on Monday, and “everyone knows it.”"
    found, _ = quotes_of(analyzer, text)
    assert found[0] == ("“this will never pass.", "The senator")
    assert all("\n" not in q for q, _ in found), "no runaway span into the next paragraph"


@pytest.mark.parametrize(
    "text",
    ['"" """ “ ” « »', "“Never closed quote and more words here", "”Backwards“ marks ” everywhere “", "'", "«" * 50, ""],
)
def test_broken_marks_never_crash(analyzer, text):
    result = analyzer.analyze(text)
    for q in result.quotes:
        assert 0 <= q.start < q.end <= len(text)


def test_find_quoted_pairs_marks_paragraph_by_paragraph():
    text = "He said “one\n\nand two”. Then “three”."
    spans = [(text[q.start : q.end], q.closed) for q in find_quoted(text)]
    assert spans == [("“one", False), ("“three”", True)]


def test_quote_set_one_sentence_per_line_runs_on_to_its_closing_mark(analyzer):
    # wire and scraped copy often breaks lines between sentences inside one quote
    text = (
        "“The employee was sent home for tests.\n"
        "The findings matched a mild brain injury,” Jinnie Lee, an embassy spokesperson, told reporters.\n"
        "“We are investigating,” Lee said."
    )
    found, _ = quotes_of(analyzer, text)
    assert found == [
        ("“The employee was sent home for tests.\nThe findings matched a mild brain injury,”", "Jinnie Lee"),
        ("“We are investigating,”", "Jinnie Lee"),
    ]


def test_open_quote_does_not_run_on_into_lines_without_a_closing_mark(analyzer):
    text = "He said “this stays open.\nThe next line has no marks.\nNor does this one."
    assert [text[q.start : q.end] for q in find_quoted(text)] == ["“this stays open."]


def test_speaker_of_a_quote_after_a_relative_clause_the_parser_misattached(analyzer):
    # the parser hangs "a senior aide" on "team" and leaves "said" with no subject
    text = (
        "Although there was no overlap with the rival team, a senior aide who spoke anonymously to "
        "discuss strategy said Monday, \"Certainly there are talks between the two campaigns.\" "
        "The aide declined to say more."
    )
    found, _ = quotes_of(analyzer, text)
    assert found == [("\"Certainly there are talks between the two campaigns.\"", "a senior aide")]


def test_speaker_after_the_quote_by_fullest_name(analyzer):
    text = "Kremlin spokesman Dmitry Peskov spoke on Tuesday. “We will respond,” Peskov said."
    found, result = quotes_of(analyzer, text)
    assert found == [("“We will respond,”", "Dmitry Peskov")]
    assert "'Peskov' → Dmitry Peskov" in result.quotes[0].why


def test_according_to_and_a_colon_after_a_name(analyzer):
    found, _ = quotes_of(analyzer, "According to Finance Minister Lena Berg, “the budget is balanced.”")
    assert found == [("“the budget is balanced.”", "Lena Berg")]
    found, result = quotes_of(analyzer, "Finance Minister Lena Berg: “The budget is balanced.”")
    assert found == [("“The budget is balanced.”", "Lena Berg")]
    assert result.quotes[0].cue == ":"


def test_speaker_in_the_previous_sentence_introducing_a_block_quote(analyzer):
    text = "Senator Ted Cruz answered the moderators:\n\n“The questions asked in this debate show why people distrust the media.”"
    found, _ = quotes_of(analyzer, text)
    assert found == [("“The questions asked in this debate show why people distrust the media.”", "Ted Cruz")]


def test_pronoun_goes_to_the_person_named_before(analyzer):
    text = "Sergei Lavrov arrived in Paris on Monday. He said that “the talks were useful.”"
    found, _ = quotes_of(analyzer, text)
    assert found == [("“the talks were useful.”", "Sergei Lavrov")]


def test_scare_quotes_and_mentioned_terms_are_not_quotes(analyzer):
    text = (
        'NATO has been waging a "proxy war" against Russia, using "instructors", "advisers" or "volunteers". '
        'Protesters wore "yellow vests" in the square. He watched “Sunday Morning Futures” on Fox.'
    )
    found, _ = quotes_of(analyzer, text)
    assert found == []


def test_seed_002_speakers(analyzer, seed_texts):
    text = seed_texts["002_dc816de6b9c4007f.txt"]
    found, _ = quotes_of(analyzer, text)
    speakers = dict(found)
    assert speakers["“Nothing can be ruled out,”"] == "Emmanuel Macron"
    peskov = [s for q, s in found if q.startswith("“In this case, we need to talk")]
    assert peskov == ["Dmitry Peskov"]
    assert speakers["“This is a European war,”"] == "Emmanuel Macron"
    assert speakers["“no plans”"] == "A NATO spokesman"
    assert len(found) >= 15


def test_seeds_000_and_001_have_no_quotes(analyzer, seed_texts):
    for name in ("000_1773240db986259e.txt", "001_221d298b99cd1c88.txt"):
        found, _ = quotes_of(analyzer, seed_texts[name])
        assert found == [], name


def test_rule_only_pipeline_still_finds_quotes_and_simple_speakers(rule_only, seed_texts):
    text = "Kremlin spokesman Dmitry Peskov spoke on Tuesday. “We will respond,” Peskov said. “Nobody wants this,” he added."
    found, result = quotes_of(rule_only, text)
    assert result.model is None
    assert found == [("“We will respond,”", "Dmitry Peskov"), ("“Nobody wants this,”", "Dmitry Peskov")]
    seed = rule_only.analyze(seed_texts["002_dc816de6b9c4007f.txt"])
    assert len(seed.quotes) >= 12


def test_a_long_name_between_quote_and_cue_is_still_the_speaker(analyzer):
    text = ("“I think you focus entirely on the growth in living standards,” American Action Forum’s "
            "Douglas Holtz-Eakin said in Iowa.")
    (q,) = analyzer.analyze(text).quotes
    assert (q.start, q.end, q.speaker) == (0, text.index("”") + 1, "Douglas Holtz-Eakin")


def test_next_quote_after_a_long_attribution_keeps_the_speaker(analyzer):
    text = ("“That is a problem for the party,” said Rep. Jim Clyburn (D-S.C.), a member of House "
            "Democratic leadership. “I would love to see Mr. Sanders endorse, go all in.”")
    quotes = analyzer.analyze(text).quotes
    assert [(text[q.start : q.end][:12], q.speaker) for q in quotes] == [
        ("“That is a p", "Jim Clyburn"), ("“I would lov", "Jim Clyburn")]


def test_a_quote_paragraph_after_reported_speech_belongs_to_that_speaker(analyzer):
    text = ("Clinton, clearly frustrated, responded by pointing a finger, saying the Sanders campaign "
            "was conflating donations.\n\n“I do not have money from fossil fuel companies. I am so sick of it.”"
            "\n\nThe Sanders campaign responded Friday.")
    (q,) = analyzer.analyze(text).quotes
    assert q.speaker == "Clinton" and text[q.start] == "“"


def test_doubled_apostrophes_of_wire_copy_are_quote_marks(analyzer):
    text = ("Golf courses closed across Florida.\n\n''The key was the broader market timing,'' Mr. Hedge "
            "said. ''I assume they saw the market returning.''\n\nHe wrote ''The Art of the Deal'' in 1987.")
    result = analyzer.analyze(text)
    assert [(text[q.start : q.end], q.speaker) for q in result.quotes] == [
        ("''The key was the broader market timing,''", "Hedge"),
        ("''I assume they saw the market returning.''", "Hedge"),
    ]
    # the opening marks start their sentences, which are the speaker's
    labels = [(text[s.start : s.end][:10], s.label) for s in result.sentences]
    assert labels[1:3] == [("''The key ", "attributed"), ("''I assume", "attributed")]


def test_a_title_word_after_an_honorific_is_a_surname(analyzer):
    text = "Representative Peter King spoke on Monday.\n“That is not my recollection,” Mr. King said."
    (q,) = analyzer.analyze(text).quotes
    assert q.speaker == "Peter King"


def test_a_partial_quote_belongs_to_the_verb_whose_clause_holds_it(analyzer):
    text = (
        "House Judiciary Committee Chairman Bob Goodlatte and Trey Gowdy sent a letter to the FBI.\n\n"
        "While FBI Director James Comey said there was clear evidence that Clinton was “extremely careless” "
        "with classified information, he said there was no precedent for a prosecution.\n\n"
        "The two lawmakers, however, argue that “there is precedent for prosecution,” citing an instance "
        "in which a Marine was found guilty.\n"
    )
    quotes, _ = quotes_of(analyzer, text)
    assert quotes[0] == ("“extremely careless”", "James Comey")
    assert quotes[1][0] == "“there is precedent for prosecution,”"
    assert quotes[1][1] != "an instance"


def test_a_weekday_after_said_is_not_the_speaker(analyzer):
    text = 'The official said Wednesday, "Certainly there are discussions between the White House and the campaign."'
    quotes, _ = quotes_of(analyzer, text)
    assert all(speaker != "Wednesday" for _, speaker in quotes)


def test_two_partial_quotes_said_of_one_thing_are_both_quotes(analyzer):
    text = "Kristian Saucier served a year in prison.\n\nSaucier says that the decision was “unfair” and “unequal” compared with other cases.\n"
    quotes, _ = quotes_of(analyzer, text)
    assert quotes == [("“unfair”", "Kristian Saucier"), ("“unequal”", "Kristian Saucier")]


def test_a_quoting_it_is_the_document_and_its_writer_speaks(analyzer):
    text = (
        "Rain fell all night.\n\n“It was raining all day,” it said.\n\n"
        "The email, released by Judicial Watch, was sent at 7:19 p.m. EST by chief of staff Jeremy Bash.\n\n"
        "“I just tried you on the phone,” it reads."
    )
    found, _ = quotes_of(analyzer, text)
    # the first 'it' has no document before it: no one to credit, so no quote
    assert found == [("“I just tried you on the phone,”", "Jeremy Bash")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Serena Williams won again on Sunday. “I felt great out there,” the 41-year-old said.", "Serena Williams"),
        ("Glenn Beck spoke on his show on Tuesday. “It was a massive pivot,” the radioman said.", "Glenn Beck"),
        # a spokesman is somebody else: the description stays
        ("Vladimir Putin spoke on Monday. “We will respond,” the spokesman said.", "the spokesman"),
    ],
)
def test_a_description_of_the_person_just_named_is_reported_by_name(analyzer, text, speaker):
    found, _ = quotes_of(analyzer, text)
    assert [s for _, s in found] == [speaker]


def test_a_name_the_parser_reads_as_a_modal_is_the_speaker(analyzer):
    text = (
        "Conservative columnist George Will reignited his feud with Donald Trump this week.\n\n"
        "Citing last week’s attack as a wake-up call for their “reveries about treating the presidency as an "
        "entry-level job,” Will urged the Republican electorate to abandon all outsider candidates."
    )
    found, _ = quotes_of(analyzer, text)
    assert len(found) == 1 and found[0][1] == "George Will"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Justice Department filed the motion on Monday. It said the ruling was “deeply flawed” and would appeal.", "Justice Department"),
        ("Greenpeace released the report on Monday. “The forests are dying,” it said.", "Greenpeace"),
    ],
)
def test_an_it_that_speaks_is_the_body_or_the_writer_just_named(analyzer, text, speaker):
    found, _ = quotes_of(analyzer, text)
    assert [s for _, s in found] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Sunday on Fox News channel’s “Sunday Morning Futures,” Rep. Darrell Issa said Democrats were wrong.",
        "Wednesday on “Hannity,” Newt Gingrich said the party would unite.",
    ],
)
def test_a_show_title_before_its_guest_is_not_a_quote(analyzer, text):
    found, _ = quotes_of(analyzer, text)
    assert found == []


def test_a_title_case_quote_with_its_speaker_after_is_still_a_quote(analyzer):
    found, _ = quotes_of(analyzer, "The crowd went quiet. “Stop Now,” Senator Ann Lee said.")
    assert found == [("“Stop Now,”", "Ann Lee")]


def test_quoted_words_in_a_reported_that_clause_are_the_speakers(analyzer):
    text = "For his part, Jeb Bush tweeted Monday that Trump is a “loser,” a “liar” and a “whiner.”"
    found, _ = quotes_of(analyzer, text)
    assert found == [("“loser,”", "Jeb Bush"), ("“liar”", "Jeb Bush"), ("“whiner.”", "Jeb Bush")]
    # a list of terms with no that-clause of anyone's stays a list of terms (`calls them “…”`
    # would make them Moscow's words; `sends them as` does not)
    text = "Moscow sends them as “instructors”, “military advisers” or “volunteers” to the front."
    assert quotes_of(analyzer, text)[0] == []


def test_the_next_item_of_a_quoted_list_is_the_same_speakers(analyzer):
    text = (
        "Columnist George Will wrote a scathing op-ed this week.\n\n"
        "Will described Trump as a “caricature of democracy’s most embarrassing possibilities” and “stupendously "
        "un-conservative.”"
    )
    found, _ = quotes_of(analyzer, text)
    assert [q for q, _ in found] == ["“caricature of democracy’s most embarrassing possibilities”", "“stupendously un-conservative.”"]
    assert all(s.split()[-1] == "Will" for _, s in found)


def test_wire_copy_quote_after_a_show_title_carries_on_from_its_speaker(analyzer):
    text = (
        "Donald Trump spoke on Sunday. ''Obama doesn't get along with Putin,'' he said on ABC's ''This Week.'' "
        "''Putin can't stand our president.''\n\nThe race goes on."
    )
    found, _ = quotes_of(analyzer, text)
    assert found == [("''Obama doesn't get along with Putin,''", "Donald Trump"), ("''Putin can't stand our president.''", "Donald Trump")]


def test_a_dateline_is_never_the_speaker(analyzer):
    text = (
        "DNC apologizes to Sanders\n\n"
        "PHILADELPHIA, July 25 (UPI) — The Democratic National Committee on Monday offered "
        "“a deep and sincere apology” to Bernie Sanders and his supporters."
    )
    found, _ = quotes_of(analyzer, text)
    assert len(found) == 1 and found[0][1].endswith("Democratic National Committee")


def test_a_dateline_or_a_day_proposed_as_speaker_gives_way(analyzer):
    from desktop.analysis.pipeline import load_pipeline
    from desktop.analysis.quotes import _Finder, find_quoted
    from desktop.analysis.speakers import Source

    text = "DNC says sorry\n\nPHILADELPHIA, July 25 (UPI) — The Democratic National Committee offered “a deep apology” to Sanders."
    doc = load_pipeline().nlp(text)
    finder = _Finder(doc, find_quoted(text))
    start = text.index("PHILADELPHIA")
    fixed = finder.checked((Source("PHILADELPHIA", True, "", start, start + 12), "offered", "before"))
    assert fixed is not None and fixed[0].name.endswith("Democratic National Committee")
    start = text.index("July")
    assert finder.checked((Source("Monday", True, "", start, start + 4), "offered", "before")) is None
    text2 = "Yes: “We will,” the senator said."
    assert quotes_of(analyzer, text2)[0] == [("“We will,”", "the senator")]


def test_a_quote_set_one_sentence_per_line_may_have_lines_without_marks(analyzer):
    text = (
        "Senator Ann Lee spoke to the committee on Friday.\n"
        "Lee told the committee: “This is the worst hearing I have seen.\n"
        "I hope you never run anything.\n"
        "I hope voters see through this,” she said.\n"
        "The hearing went on."
    )
    found, _ = quotes_of(analyzer, text)
    assert found == [
        ("“This is the worst hearing I have seen.\nI hope you never run anything.\nI hope voters see through this,”", "Ann Lee")
    ]


def test_a_book_title_is_not_a_quote_even_with_its_author_after_it(analyzer):
    text = "In his new book, ''Doomed to Succeed: The Alliance From Truman to Obama,'' Mr. Ross said the ties were strong."
    assert quotes_of(analyzer, text)[0] == []


def test_a_participle_cue_between_two_quotes_links_them(analyzer):
    text = (
        "Hillary Clinton spoke on Sunday.\n\nOn CBS the day before, she stated, “An absence of action would have "
        "turned Libya into Syria,” adding, “I think maybe 1,500 people were killed last year compared to 150,000 in Syria.”"
    )
    found, _ = quotes_of(analyzer, text)
    assert [s for _, s in found] == ["Hillary Clinton", "Hillary Clinton"]


def test_a_subject_the_parser_hangs_on_the_phrase_before_still_speaks(analyzer):
    # the parser reads 'office' as an apposition of 'accusation', and 'he' is the reported
    # clause's subject: the speaker is the office, not 'he' (nor the woman named before)
    text = (
        "Stephanie Kemplin, an Army veteran, says Franken put his hand on her back in 2003.\n"
        'In a statement following that accusation, Franken\'s office said he has not "intentionally engage in" such conduct.'
    )
    assert quotes_of(analyzer, text)[0] == [('"intentionally engage in"', "Franken's office")]


def test_a_description_in_apposition_before_the_cue_is_the_person_named(analyzer):
    text = (
        "Hillary Clinton spoke on Monday.\n\nIn an interview with hosts Joe Scarborough and Mika Brzezinski, the "
        "Democratic presidential candidate stated that Trump’s “divisive” comments do not “fit with what I thought I knew.”"
    )
    found, _ = quotes_of(analyzer, text)
    assert [s for _, s in found] == ["Hillary Clinton", "Hillary Clinton"]


def test_a_plural_descriptor_is_never_a_later_he(analyzer):
    text = (
        "Barack Obama visited Hanover on Sunday, where thousands marched with banners proclaiming: “Stop the deal!”\n\n"
        "Conceding that there would be a deal “down the line,” he warned that it would not come soon."
    )
    found, _ = quotes_of(analyzer, text)
    assert found[-1] == ("“down the line,”", "Barack Obama")


@pytest.mark.parametrize(
    "text, quoted, speaker",
    [
        (
            "The Brady Center to Prevent Gun Violence sued on Monday. It tried to block what it called a "
            "“troubling” and “dangerous” settlement.",
            ["“troubling”", "“dangerous”"],
            "Brady Center",
        ),
        ("Rep. Danny Davis defended the preacher as an “outstanding human being” on Monday.", ["“outstanding human being”"], "Danny Davis"),
        ('Senator Ann Lee referred to the protesters as "thugs" and left the room.', ['"thugs"'], "Ann Lee"),
    ],
)
def test_a_term_a_framing_verb_gives_is_its_subjects_quote(analyzer, text, quoted, speaker):
    found, _ = quotes_of(analyzer, text)
    assert found == [(q, speaker) for q in quoted]


@pytest.mark.parametrize(
    "text",
    [
        'The rebels, known as the "Wolves" in the region, crossed the river on Monday.',
        "Protesters wearing the “yellow vests” marched through Paris as police watched.",
    ],
)
def test_a_term_with_no_framing_verb_stays_a_mention(analyzer, text):
    assert quotes_of(analyzer, text)[0] == []


def test_a_quote_in_the_clause_of_a_noun_of_speech_is_its_holders(analyzer):
    text = (
        "Barack Obama spoke in London on Friday. The backlash grew, particularly over his warning that Britain "
        "would have to go to the “back of the queue” for a trade deal."
    )
    assert quotes_of(analyzer, text)[0] == [("“back of the queue”", "Barack Obama")]
    # a noun of speech with no holder and no clause of its own says nothing about the quote
    assert quotes_of(analyzer, "The remarks came after the “special operation” began in the east.")[0] == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("When the senator thanked the city and said it was great to be home, a man yelled “Stay there!”", "a man"),
        ("Mayor Ann Lee gestured as if to stop the noise, then leaned in and boomed: “Let’s win in November.”", "Ann Lee"),
    ],
)
def test_a_cue_the_parser_misattaches_still_finds_its_subject(analyzer, text, speaker):
    found, _ = quotes_of(analyzer, text)
    assert [s for _, s in found] == [speaker]


def test_a_colon_after_a_clause_with_a_named_subject_introduces_their_words(analyzer):
    text = "After a long pause, Faggioli gave the only answer he could: “There are different answers in different times.”"
    assert quotes_of(analyzer, text)[0] == [("“There are different answers in different times.”", "Faggioli")]
    # a clause with no one for its subject introduces nobody's words
    assert quotes_of(analyzer, "The problem is simple: “We have no money.”")[0] == []


def test_text_set_one_sentence_per_line_may_attribute_a_quote_on_the_next_line(analyzer):
    text = (
        'He discussed a "shadow government" at length.\n'
        '"Did he know something that the gunman was going to do? That I don\'t know."\n'
        "Morphonious said.\n"
        "In an interview, Cruz said he saw the two men in the bishop's office.\n"
        "“I saw them kissing and touching each other.\nIt happened in the bishop’s office”.\n"
    )
    found, _ = quotes_of(analyzer, text)
    assert [s for _, s in found] == ["Morphonious", "Cruz"]
    # a reply on the next line is somebody else's turn, not an attribution
    found, _ = quotes_of(analyzer, '"We will win," Christie said. "A leader must fight for it."\nRubio disagreed.\n')
    assert [s for _, s in found] == ["Christie", "Christie"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        (
            "Parent Libby Hilsenrath characterized the accompanying assignment as “replete with biased statements "
            "encouraging the students to follow the faith.”",
            "Hilsenrath",
        ),
        ("“Any public discussion of these options could backfire,” according to the plan.", "the plan"),
    ],
)
def test_longer_framed_quotes_and_quoted_documents(analyzer, text, speaker):
    found, _ = quotes_of(analyzer, text)
    assert len(found) == 1 and found[0][1].split()[-1] == speaker.split()[-1]


def test_a_title_case_cue_the_tagger_reads_as_a_name_still_attributes(analyzer):
    text = "Laura Loomer posted a picture.\nThe picture “proves the FBI misled the public about the date,” Loomer Tweeted."
    assert quotes_of(analyzer, text)[0] == [("“proves the FBI misled the public about the date,”", "Laura Loomer")]


@pytest.mark.parametrize(
    "text",
    [
        'There is more:\n\n<tweet pic="" author="tedcruz">Praying for the victims. — Ted Cruz (@tedcruz) December 2, 2015</tweet>.',
        "“Broad City” star Ilana Glazer said critics should look at it again.",
        "Serafinowicz, who’s starred in “Parks and Recreation” and “Guardians of the Galaxy,” said the voice gives it a tone.",
    ],
)
def test_markup_attributes_and_titles_of_works_are_not_quotes(analyzer, text):
    assert quotes_of(analyzer, text)[0] == []


@pytest.mark.parametrize(
    "text, speaker",
    [
        ('"The deal would be in danger," Reuters quoted German Foreign Minister Sigmar Gabriel as saying.', "Sigmar Gabriel"),
        ('Interfax quoted Dmitry Peskov as saying that the talks were "constructive."', "Dmitry Peskov"),
    ],
)
def test_the_one_an_outlet_quotes_as_saying_is_the_speaker(analyzer, text, speaker):
    found, _ = quotes_of(analyzer, text)
    assert [s for _, s in found] == [speaker]


def test_titles_between_the_cue_and_an_inverted_name_do_not_hide_the_name(analyzer):
    found, _ = quotes_of(analyzer, '"They are squandering money," said Oversight ranking Democrat Elijah Cummings (D-Md.).')
    assert len(found) == 1 and found[0][1].endswith("Elijah Cummings")


def test_a_plural_description_stands_for_the_two_people_named_together(analyzer):
    text = (
        "On Monday, Senator Ann Lee and Judiciary Committee Chairman Tom Hale sent a letter to the director.\n\n"
        "While the director said there was no case, the two lawmakers argue that “there is precedent for prosecution.”"
    )
    assert quotes_of(analyzer, text)[0] == [("“there is precedent for prosecution.”", "Ann Lee and Tom Hale")]
    # with nobody named together, the description stays as written
    found, _ = quotes_of(analyzer, "Protesters marched. The two officials said “nothing will change.”")
    assert [s for _, s in found] == ["The two officials"]


def test_a_subject_the_parser_gave_to_a_fronted_participle_still_speaks(analyzer):
    text = (
        "Cardinal Henri de Lubac, writing in 1985, recalling that drama, said:\n"
        "“Joseph Ratzinger, an expert at the Council, was also the private secretary of Cardinal Frings.”\n"
        "Blind, the old Cardinal had read the speech."
    )
    found, _ = quotes_of(analyzer, text)
    assert len(found) == 1 and found[0][1].endswith("Henri de Lubac")


def test_a_named_person_among_a_group_speaks_and_a_pollster_is_never_she(analyzer):
    found, _ = quotes_of(analyzer, 'Other prominent Republicans, like Mitt Romney and Jeb Bush, said "the party is lost."')
    assert [s for _, s in found] == ["Mitt Romney"]
    found, _ = quotes_of(analyzer, 'Hillary Clinton spoke on Monday. Gallup found support for her plan. She said "the numbers are good."')
    assert [s for _, s in found] == ["Hillary Clinton"]


def test_a_headline_name_and_colon_introduce_title_case_words(analyzer):
    text = "Trump: “We Will Build The Wall”\n\nDonald Trump spoke in Ohio on Monday."
    assert quotes_of(analyzer, text)[0] == [("“We Will Build The Wall”", "Donald Trump")]
    # a label that names nobody in the article is not a speaker
    assert quotes_of(analyzer, "Review: “The Crown” Season 4\n\nThe show is back.")[0] == []


def test_an_epithet_keeps_the_person_it_first_stood_for(analyzer):
    text = (
        "George W. Bush came to South Carolina on Monday to vouch for his brother.\n\n"
        "''Labels are for soup cans,'' the former president told a crowd that the campaign estimated at 3,000 people. "
        "''The presidency is a serious job.''\n\n"
        "Donald J. Trump held a news conference nearby, mocking the war.\n\n"
        "''Condi called me and said a plane had hit the Pentagon,'' the former president said."
    )
    found, _ = quotes_of(analyzer, text)
    assert [s for _, s in found] == ["George W. Bush"] * 3


@pytest.mark.parametrize(
    "text, speaker",
    [
        ('"We won," said Secretary of State John Kerry.', "John Kerry"),
        ("Parent Libby Hilsenrath characterized the assignment as “replete with biased statements.”", "Libby Hilsenrath"),
        ("Cardinal Henri de Lubac said: “It was a drama.”", "Henri de Lubac"),
    ],
)
def test_titles_and_offices_are_not_part_of_the_name(analyzer, text, speaker):
    found, _ = quotes_of(analyzer, text)
    assert [s for _, s in found] == [speaker]


def test_a_roundup_credits_the_name_between_dash_and_colon(analyzer):
    text = (
        "But polls did predict the Democratic caucus - HuffPollster: “While the caucuses provided an upset, most polls got it right.” [HuffPost.]\n\n"
        "TURNOUT IN IOWA DOESN’T RAISE EXPECTATIONS ELSEWHERE - Michael P. McDonald:  “At long last the contests have started.”"
    )
    found, _ = quotes_of(analyzer, text)
    assert [s for _, s in found] == ["HuffPollster", "Michael P. McDonald"]
    # a dateline's dash is no roundup: the speaker is still the one who said it
    found, _ = quotes_of(analyzer, "PARIS — President Emmanuel Macron said: “We are ready.”")
    assert [s for _, s in found] == ["Emmanuel Macron"]


def test_as_if_to_say_reports_nothing(analyzer):
    text = "Senator Ann Lee grinned, her eyes gleaming, as if to say, “Did you see me pull that off?”"
    assert quotes_of(analyzer, text)[0] == []


def test_she_is_never_a_man_named_just_before(analyzer):
    text = (
        "Felicia Sanders survived the shooting. Dylann Roof is accused of killing nine people, including Sanders’ son.\n"
        "Sanders called her fallen son her hero before explaining why she forgave Roof.\n\n"
        "“Hate destroys those who harbor it,” she said on stage."
    )
    assert quotes_of(analyzer, text)[0][-1][1] == "Felicia Sanders"
    # an honorific says it too
    text = "Mr. Kelly met Ms. Ryan on Monday. “We will win,” she said. “We will lose,” he said."
    assert speakers_of(analyzer, text) == ["Ryan", "Kelly"]


def test_the_company_is_the_body_just_named(analyzer):
    text = 'Exxon Mobil rejected the articles on Monday. The company called them "inaccurate and deliberately misleading."'
    assert speakers_of(analyzer, text) == ["Exxon Mobil"]
    # a person is no company
    text = "Jane Doe rejected the articles on Monday. “They are wrong,” the company said."
    assert speakers_of(analyzer, text) == ["the company"]


def test_who_frames_a_term_in_the_passive_or_with_a_reflexive(analyzer):
    # the thing named is not the one naming it; the agent is
    assert quotes_of(analyzer, "The film was billed as “the event of the year.”")[0] == []
    found, _ = quotes_of(analyzer, "The plan was described as “a disaster” by Senator Ted Cruz.")
    assert [s for _, s in found] == ["Ted Cruz"]
    # a gerund presenting oneself: the person meant, not the noun the clause hangs on
    text = "Marine Le Pen spoke on Monday. She shares with Trump a strategy that banks on presenting herself as “anti-system.”"
    assert speakers_of(analyzer, text) == ["Marine Le Pen"]


def test_a_participle_after_a_comma_speaks_for_the_main_subject(analyzer):
    text = (
        "Carson rejected the notion that the episode should be water under the bridge, saying that if he "
        "\"found something that was rotten and that I didn't agree with, I would fix it.\""
    )
    assert speakers_of(analyzer, text) == ["Carson"]


def test_a_document_quoted_paragraph_after_paragraph_keeps_its_writer(analyzer):
    text = (
        "The email, released by Judicial Watch, was sent at 7:19 p.m. by chief of staff Jeremy Bash, more than three hours "
        "after the initial attack on the compound. Two Americans were killed at each location.\n\n"
        "“I just tried you on the phone but you were all in with S,” it reads.\n\n"
        "“After consulting with General Dempsey, General Ham and the Joint Staff, we have identified the forces that could "
        "move. They are spinning up as we speak. They include a (REDACTED),” it said.\n\n"
        "“Assuming Principals agree to deploy these elements, we will ask State to procure the approval from host nation. "
        "Please advise how you wish to proceed,” it read.\n\n"
        "The email was sent to officials at the State Department."
    )
    assert speakers_of(analyzer, text) == ["Jeremy Bash"] * 3


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Donald Trump Is Now Calling Obama The ‘Most Valuable Player’ For ISIS\n\n"
            "Republican presidential nominee Donald Trump said on Thursday that Barack Obama founded ISIS.",
            [("‘Most Valuable Player’", "Donald Trump")],
        ),
        (
            "“It’s gotta be a set-up”: Neighbor of Las Vegas Shooter Claims He Didn’t Do It\n\n"
            "A caller to the radio show says he lived next to Stephen Paddock.",
            [("“It’s gotta be a set-up”", "Neighbor of Las Vegas Shooter")],
        ),
        # no verb of saying or naming in the headline, or a name the article never gives as a person's
        ("Review: “The Crown” Is Back\n\nThe show returns on Friday.", []),
        ("Las Vegas Massacre Reveals “Another Active Shooter”\n\nPolice in Las Vegas Massacre county said more.", []),
    ],
)
def test_a_title_case_headline_credits_the_person_before_its_verb(analyzer, text, expected):
    assert quotes_of(analyzer, text)[0] == expected


def test_a_description_stands_for_the_name_given_in_apposition(analyzer):
    # the name is in apposition to the subject: 'the minister' is David Lammy, and so is 'He'
    text = (
        "Britain's foreign secretary, David Lammy, spoke in London on Monday. "
        "‘We will not back down,’ the minister said.\n\n"
        "He added that Britain would ‘stand firm’."
    )
    assert speakers_of(analyzer, text) == ["David Lammy", "David Lammy"]


def test_a_description_with_no_name_keeps_its_own_words(analyzer):
    # no one is named: the description is reported as written, not capitalised into a 'name',
    # and never swapped for another description ('a reporter')
    text = (
        "A reporter asked about the plan on Monday. ‘There should be more systems,’ the businessman replied.\n\n"
        "He added that he would ‘certainly implement that’."
    )
    assert speakers_of(analyzer, text) == ["the businessman", "the businessman"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        # the parser gives 'said' two subjects: the place in the opening phrase, and the governor
        (
            "Tuesday at Baldwin Wallace University in Berea, OH, after winning Ohio in the primary, "
            "Gov. John Kasich (R-OH), said, “I’m getting ready to rent a covered wagon.”",
            "John Kasich",
        ),
        # a quoted title between the subject and its verb is not the subject
        ("Washington, star of television’s “Scandal,” thanked Obama for “taking these steps to make us ALL safer.”",
         "Washington"),
    ],
)
def test_of_two_subjects_the_speaker_is_the_one_that_opens_the_clause(analyzer, text, speaker):
    quotes = quotes_of(analyzer, text)[0]
    assert quotes and quotes[-1][1] == speaker


def test_a_short_sentence_right_after_the_attribution_is_the_same_speakers(analyzer):
    text = "Zeke Emanuel spoke on Monday. His final assessment: “It’s not quite optimistic,” he said. “We’re hopeful.”"
    assert quotes_of(analyzer, text)[0] == [
        ("“It’s not quite optimistic,”", "Zeke Emanuel"), ("“We’re hopeful.”", "Zeke Emanuel"),
    ]
    # a short title after a sentence of the author's is not anyone's words
    text = "Zeke Emanuel spoke on Monday about the law. The show is called “Health Now.”"
    assert quotes_of(analyzer, text)[0] == []


def test_a_participle_describing_a_noun_does_not_hide_the_verb_that_reports(analyzer):
    # the parser hangs the quote on 'calling' (which describes 'those'); 'urging' reports it
    text = (
        "Sanders stayed in the race. “Oh, let him make that decision,” said Vice President Joe Biden, "
        "urging those calling for Sanders’ withdrawal to “give him time.”"
    )
    assert quotes_of(analyzer, text)[0][-1] == ("“give him time.”", "Joe Biden")


@pytest.mark.parametrize("verb", ["shouting", "yelling", "whispering", "boasting"])
def test_a_verb_of_saying_in_its_ing_form_reports(analyzer, verb):
    text = f"Donald Trump took the stage in Iowa. Mr. Trump waved at the crowd, {verb} “Get them out of here.”"
    assert quotes_of(analyzer, text)[0] == [("“Get them out of here.”", "Donald Trump")]


def test_a_cue_at_the_end_of_a_sentence_credits_every_quote_in_it(analyzer):
    text = (
        "The three bishops issued a profession on Monday.\n"
        "Some of these norms, Schneider told LifeSiteNews, give “implicit approval” of divorce.\n"
        "Such a reading is causing “rampant confusion,” will spread “a plague of divorce” in the Church, "
        "and is “alien” to the Church’s entire faith, the three bishops said in the profession."
    )
    assert quotes_of(analyzer, text)[0][1:] == [
        ("“rampant confusion,”", "the three bishops"), ("“a plague of divorce”", "the three bishops"),
        ("“alien”", "the three bishops"),
    ]
    # titles and names in quote marks are nobody's words
    text = "The bishops met on Monday.\nThe film “Dateline on Assignment” and “Stand Your Ground” laws came up, the bishops said."
    assert quotes_of(analyzer, text)[0] == []


@pytest.mark.parametrize("text, quote, speaker", [
    ("Blumenthal was asked about the server. He answered, “I have no idea. We’re old friends.”",
     "“I have no idea. We’re old friends.”", "Blumenthal"),
    ("“It’s jeff feltman,” Ms. Abedin answered, referring to a State Department official.",
     "“It’s jeff feltman,”", "Abedin"),
    ("Freddy Trump was the eldest son. Mr. Trump confided to her that his parents had panicked about “the first ethnic family.”",
     "“the first ethnic family.”", "Freddy Trump"),
    ("The Slate technology columnist David Auerbach went so far as to say: “Twitter as we know it is over.”",
     "“Twitter as we know it is over.”", "David Auerbach"),
])
def test_verbs_of_answering_and_confiding_report(analyzer, text, quote, speaker):
    assert (quote, speaker) in quotes_of(analyzer, text)[0]


def test_as_if_to_say_is_nobodys_words(analyzer):
    text = "Brafman was delighted. His eyes were gleaming, as if to say, “Did you see me pull that off?”"
    assert quotes_of(analyzer, text)[0] == []


def test_a_second_verb_of_saying_joined_to_the_reported_clause_is_the_first_speakers(analyzer):
    # the parser hangs the second 'said' on 'was made', whose subject is 'the move'
    text = ("De Blasio said the move was made by NYPD commissioner Bill Bratton and said, "
            "“Who are you going to trust on security and keeping people safe?”")
    assert quotes_of(analyzer, text)[0] == [
        ("“Who are you going to trust on security and keeping people safe?”", "De Blasio")]


def test_a_new_paragraph_leading_into_a_quote_does_not_carry_the_last_speaker(analyzer):
    text = (
        "Blumenthal was asked about it. He answered, “I have no idea.”\n\n"
        "Critics were less kind in the days that followed: “Twitter as we know it is over.”"
    )
    assert ("“Twitter as we know it is over.”", "Blumenthal") not in quotes_of(analyzer, text)[0]
    # a lead-in with no one else in it, or naming the last speaker again, still carries
    for lead in ("And it gets even worse: ", "More of the same from Blumenthal and his friend: "):
        text = f"Blumenthal was asked about it. He answered, “I have no idea.”\n{lead}“We are old friends, and that is all.”"
        assert ("“We are old friends, and that is all.”", "Blumenthal") in quotes_of(analyzer, text)[0], lead


def test_a_byline_and_a_colon_before_an_excerpt_credit_its_writer(analyzer):
    text = (
        'NOW OPEN—"Pop-up art show strives to confront South Bronx gentrification," by DNAinfo\'s Eddie Small: '
        '"Curators of a pop-up art show in the South Bronx are determined to confront the area\'s fears." '
        "http://nyti.ms/1U0Xvbm."
    )
    assert quotes_of(analyzer, text)[0] == [
        ('"Curators of a pop-up art show in the South Bronx are determined to confront the area\'s fears."', "Eddie Small")]


@pytest.mark.parametrize("text, speaker", [
    ("Speaker of the House Paul Ryan said “we are close.”", "Paul Ryan"),
    ("Speaker of the House Rep. Paul Ryan (R-WI) said “anti-Semitic images have no place.”", "Paul Ryan"),
    ("Minister of Foreign Affairs Sergei Lavrov said “we are close.”", "Sergei Lavrov"),
    ("Director of National Intelligence James Clapper said “we are close.”", "James Clapper"),
    ("She faces a tough rival. Rival Hillary Clinton said “we are close.”", "Hillary Clinton"),
    ("Martin Luther King Jr. said “we are close.”", "Martin Luther King Jr."),
    # a double given name stays whole
    ("Giovanni Maria Vian said “we are close.”", "Giovanni Maria Vian"),
])
def test_a_speaker_is_named_without_the_title_or_party_before_the_name(analyzer, text, speaker):
    assert speakers_of(analyzer, text) == [speaker]


def test_a_junior_is_not_his_father(analyzer):
    text = "Donald Trump Jr. said “no.” Donald Trump said “yes.” Trump added “maybe.”"
    assert speakers_of(analyzer, text) == ["Donald Trump Jr.", "Donald Trump", "Donald Trump"]


def test_a_paragraph_quote_after_reported_speech_is_the_reporters_not_the_people_reported_on(analyzer):
    text = (
        "Defense Secretary Ash Carter spoke in Singapore.\n\n"
        "Carter said that for decades some critics had been predicting an impending U.S. withdrawal "
        "from the region, but this would not happen.\n\n"
        "“That’s because this region, which is home to nearly half the world’s population, is vital "
        "to America’s own security and prosperity.”"
    )
    assert speakers_of(analyzer, text) == ["Ash Carter"]


def test_a_short_quote_right_after_one_in_the_same_reported_clause_is_the_same_voice(analyzer):
    text = ('In a statement following that accusation, Franken\'s office said he has not "intentionally engage in" '
            'the "kind of conduct" described.')
    assert quotes_of(analyzer, text)[0] == [('"intentionally engage in"', "Franken's office"), ('"kind of conduct"', "Franken's office")]
    # someone else between them: the second is a term, not the first speaker's words
    text = ("While Sullivan proclaims the article a “terrific piece and well worth the trip,” "
            "Clinton fixates on the “pivot” line.")
    assert speakers_of(analyzer, text) == ["Sullivan"]


def test_emphasis_added_is_the_authors_note_not_a_speaker(analyzer):
    text = 'Senator Smith wrote in his letter:\n\n“The agency has failed to protect the public and must answer for it” (emphasis added).'
    assert quotes_of(analyzer, text)[0] == [("“The agency has failed to protect the public and must answer for it”", "Smith")]


@pytest.mark.parametrize("text, speaker", [
    ("Vladimir Putin met the press on Friday. The Russian leader said “we will respond.”", "Vladimir Putin"),
    ("Donald Trump held a rally in Iowa. The presumptive Republican presidential nominee said “we will win.”", "Donald Trump"),
    ("Hungarian PM Viktor Orban said “we will not bow.”", "Viktor Orban"),
])
def test_a_long_descriptor_or_an_abbreviated_title_stands_for_the_person_named(analyzer, text, speaker):
    assert speakers_of(analyzer, text) == [speaker]


def test_a_quote_by_a_described_named_person_keeps_its_sentence_attributed(analyzer):
    text = ("Viktor Orban spoke in Budapest on Sunday. The tough-talking politician said he would “never” "
            "accept migrant quotas.")
    spans = analyzer.analyze(text).sentences
    assert [(s.label, s.source) for s in spans][-1] == ("attributed", "Viktor Orban")


def test_they_after_two_people_named_together_is_those_two(analyzer):
    text = ("French President Emmanuel Macron and German Chancellor Angela Merkel met in Berlin. "
            "They said “Europe must stand together.”")
    assert quotes_of(analyzer, text)[0] == [("“Europe must stand together.”", "Emmanuel Macron and Angela Merkel")]
    # a group word is not two people: 'they' stays as written
    text = "Democrats were furious. “This is a disgrace,” they said."
    assert speakers_of(analyzer, text) == ["they"]


def test_mr_and_mrs_keep_a_couple_apart(analyzer):
    text = ("Former President Bill Clinton campaigned in Ohio. Hillary Clinton joined him on stage. "
            "Mr. Clinton said “she will win.” Mrs. Clinton said “we will win.”")
    assert speakers_of(analyzer, text) == ["Bill Clinton", "Hillary Clinton"]
    # a first name the lists read wrong for this person still gives the one full form
    text = "Lee Epstein teaches law. Ms. Epstein said “the court has changed.”"
    assert speakers_of(analyzer, text) == ["Lee Epstein"]


@pytest.mark.parametrize("text, quoted, speaker", [
    # the reported clause holds the quoted words however deep the parse puts them
    ("Chris Christie spoke in Iowa. He said he loved hearing from some of his “favorite Democrats” "
     "because it fires him up.", "“favorite Democrats”", "Chris Christie"),
    ("Ash Carter visited Beijing. Carter however said he would welcome China’s participation in a "
     "“principled security network” for Asia.", "“principled security network”", "Ash Carter"),
    ("Hillary Clinton accuses Bernie Sanders of subjecting her to an “artful smear” regarding her "
     "Wall Street links.", "“artful smear”", "Hillary Clinton"),
])
def test_a_term_deep_in_what_someone_said_is_their_quote(analyzer, text, quoted, speaker):
    assert quotes_of(analyzer, text)[0] == [(quoted, speaker)]


@pytest.mark.parametrize("text", [
    # a named thing in the subject of the reported clause (seed 000: the guide's own example)
    "EU leaders reacted coolly, while a number of French government officials said that protests by "
    "farmers and the \"yellow vests\" will seem like an innocent child's prank.",
    # a verb that reports only a clause, here with a plain object
    "Berhanu Nega spends his days observing training and leading seminars with chalk in a “classroom”.",
    # a relative clause about someone else's remarks
    "Joe Biden said he would warn his son about Trump’s remarks, which included the suggestion that "
    "Obama was the “founder” of the group.",
    # a programme's title, not words said
    "Anthony Weiner said in May on the podcast “The Whole Thing” that he would run.",
])
def test_a_named_thing_in_a_report_is_not_a_quote(analyzer, text):
    assert quotes_of(analyzer, text)[0] == []


def test_capitalised_words_that_make_a_sentence_are_words_said_not_a_title(analyzer):
    text = "Trump leaves the hearing\n\nDonald Trump said the inquiry “Is A Total Disgrace” and left the room."
    assert quotes_of(analyzer, text)[0] == [("“Is A Total Disgrace”", "Donald Trump")]
    # a title after a podcast or show is still a title, sentence or not
    text = "In an interview on his podcast “The Axe Files,” Mary Kay Henry said her union is going into “hyperdrive.”"
    assert quotes_of(analyzer, text)[0] == [("“hyperdrive.”", "Mary Kay Henry")]


def test_a_named_official_of_a_body_in_parentheses_speaks_not_the_body(analyzer):
    text = ("Senior World Health Organization (WHO) official Peter Salama said the spread to Mbandaka "
            "meant an “explosive increase” was possible. “We are entering a new phase,” he told reporters.")
    assert speakers_of(analyzer, text) == ["Peter Salama", "Peter Salama"]


@pytest.mark.parametrize("text, speaker", [
    # a state before a title qualifies the title; it is nobody 'he' can mean
    ("Democratic presidential candidate Bernie Sanders is choosing not to respond. Instead, the Vermont "
     "senator is sticking to his campaign message. “We are going to win,” he told reporters.", "Bernie Sanders"),
    ("John Kasich said Saturday that deporting parents was wrong. The Ohio governor got applause. "
     "“We need to unite,” he said.", "John Kasich"),
    # a country, or a plural opening a sentence, is not 'he'
    ("Shaykh Hamza Sodagar spoke at a mosque. Britain has seen such talks before. “Punish them,” he said.",
     "Shaykh Hamza Sodagar"),
    # nor a body
    ("Don Stewart spoke for the majority leader. The Senate adjourned on Tuesday. “We will act,” he said.",
     "Don Stewart"),
])
def test_he_is_a_person_not_a_place_or_a_word_before_a_noun(analyzer, text, speaker):
    assert speakers_of(analyzer, text) == [speaker]


def test_an_inverted_lead_in_and_an_aside_ending_in_a_place_keep_the_speaker(analyzer):
    text = ("Roger Stone spoke on the radio on Sunday.\n\nStated Stone:\n\n“I think that the stakes are so high.”")
    assert speakers_of(analyzer, text) == ["Roger Stone"]
    text = ("Mr. Reagan freed a spy in exchange for Nick Daniloff. ''I would have been sitting in Siberia for "
            "a long time,'' Mr. Daniloff, now 81 and retired in Cambridge, Mass., said by telephone.")
    assert speakers_of(analyzer, text) == ["Nick Daniloff"]


@pytest.mark.parametrize("text, speaker", [
    # the parser hung the main verb on the name as a relative clause
    ("Speaker Paul D. Ryan, the nation's highest-ranking Republican, on Tuesday called Donald J. Trump's "
     "remarks about a Latino judge ''racist,'' an extraordinary indictment.", "Paul D. Ryan"),
    # the name in apposition to a descriptor, hung on the place in it
    ("''It may have been Freddy's first attempt to make a name,'' said his best friend at Lehigh, Bruce Turry.",
     "Bruce Turry"),
])
def test_the_named_person_speaks_whatever_the_parser_hung_the_name_on(analyzer, text, speaker):
    assert speakers_of(analyzer, text) == [speaker]


@pytest.mark.parametrize("text, speakers", [
    # half of a compound word is no verb of saying
    ("Donald Trump referred to President Barack Obama as “the most valuable player” for the self-described "
     "Islamic State.", ["Donald Trump"]),
    # the author's own aside, and a title cut off from its name, are nobody's
    ("Let’s state the obvious: “national security” has nothing to do with it.", []),
    # a fronted topic's preposition is not the speaker; the name after it is
    ("Eric Levine is a donor. Of Carson, Levine, who has given money to Marco Rubio, said, “He’s "
     "flat-out scary.”", ["Eric Levine"]),
])
def test_no_speaker_from_a_word_fragment(analyzer, text, speakers):
    assert speakers_of(analyzer, text) == speakers


def test_a_short_quote_ending_a_paragraph_is_not_listed_with_the_next_one(analyzer):
    text = ('Ben Carson was more measured. "If we have evidence, then yes," Carson said. But, Carson added, '
            'he did not support issuing quarantines "willy-nilly."\n"I do not think that works," he said.')
    assert [q for q, _ in quotes_of(analyzer, text)[0]] == [
        '"If we have evidence, then yes,"', '"willy-nilly."', '"I do not think that works,"']


@pytest.mark.parametrize("text, speaker", [
    ("The court would shift. As Akhil Amar, professor of law and author of ''America's Unwritten Constitution,'' "
     "put it, ''Senate Republicans should remember that a compromise is possible.''", "Akhil Amar"),
    ("The summit was held in Jerusalem because, in Forbes’ words, “they are the most entrepreneurial places "
     "on the planet.”", "Forbes"),
])
def test_idioms_of_quoting_name_the_speaker(analyzer, text, speaker):
    assert speakers_of(analyzer, text) == [speaker]
    # a saying has no speaker
    assert quotes_of(analyzer, "As the saying goes, “better late than never.”")[0] == []


def test_a_participle_after_a_comma_speaks_for_the_clause_before_it(analyzer):
    text = ("Clinton seemed to be ready to riff on the incident in Iowa, telling the crowd, “Some people get "
            "a little carried away, have you noticed that?”")
    assert speakers_of(analyzer, text) == ["Clinton"]


def test_a_short_quote_in_an_aside_does_not_hide_the_speaker_after_it(analyzer):
    text = ("Not everyone was claiming success.\n\n“We’ve had more successful conventions than this one,” Texas "
            "delegate Bill Eastland, wearing a cowboy hat and “Ted Cruz” campaign pins, said matter-of-factly.")
    # the pins' “Ted Cruz” is a name on a badge, not words Eastland said
    assert quotes_of(analyzer, text)[0] == [("“We’ve had more successful conventions than this one,”", "Bill Eastland")]


def test_questioning_quoted_words_credits_the_questioner_not_the_one_questioned(analyzer):
    text = (
        "Republican presidential front-runner Donald Trump spoke in Iowa on Monday.\n\n"
        "Trump questioned whether Obama would have attended the funeral “if it were held at a mosque.”"
    )
    assert speakers_of(analyzer, text) == ["Donald Trump"]
    # "when questioned" is the one asked, and the quoted word before it a scare quote of the author's
    text = (
        "Pope Francis visited Chile in January.\n\n"
        "Even while “apologising” the pope had doubled down when questioned about it by journalists."
    )
    assert speakers_of(analyzer, text) == []


@pytest.mark.parametrize("opening, closing, glue", [("“", "”", ","), ("“", "”", "—"), ('"', '"', ","), ('"', '"', ":")])
def test_a_quote_glued_to_the_comma_after_the_verb(analyzer, opening, closing, glue):
    quote = f"{opening}Look, anti-Semitic images, they’ve got no place in a presidential campaign.{closing}"
    text = f"Paul Ryan spoke on Monday. Ryan said{glue}{quote}"
    quotes, result = quotes_of(analyzer, text)
    assert quotes == [(quote, "Paul Ryan")]
    assert [s.label for s in result.sentences] == ["unsourced", "attributed"]


def test_a_closing_mark_glued_to_the_speakers_name(analyzer):
    text = (
        "A super PAC attacked Donald Trump on Thursday.\n\n"
        '"Trump says different things to different audiences,"Katie Packer, who is chairman of Our Principles PAC, said in a statement.'
    )
    assert speakers_of(analyzer, text) == ["Katie Packer"]


def test_a_dash_glued_to_the_closing_mark_is_not_a_speaker(analyzer):
    text = (
        "Hillary Clinton wants to bring back the 1990s. She has touted her husband’s economic record—“the longest "
        "peacetime expansion in our history”—and promised to put him in charge because, in her words, “he knows how to do it.”"
    )
    assert speakers_of(analyzer, text) == ["Hillary Clinton", "Hillary Clinton"]


def test_capitalised_words_right_after_said_are_words_said(analyzer):
    text = "Hillary Clinton was asked whether she would run again. She said, “Never Again.”"
    assert quotes_of(analyzer, text)[0] == [("“Never Again.”", "Hillary Clinton")]
    # a title after its programme's name is still a title
    text = "Mary Fallin appeared on CNN’s “State of the Union,” Fallin said."
    assert quotes_of(analyzer, text)[0] == []


def test_a_recording_of_someone_saying_and_a_statement_dated_before_its_clause(analyzer):
    text = "Donald Trump ran a new ad on Monday. The ad then cuts to footage of Trump saying, “You have to give them a path.”"
    assert speakers_of(analyzer, text) == ["Donald Trump"]
    text = "Donald Trump spoke in Ohio. He was criticized over his statement on Wednesday that “Islam hates us,” among others."
    assert speakers_of(analyzer, text) == ["Donald Trump"]


def test_a_colon_closing_a_clause_whose_subject_is_named_in_apposition(analyzer):
    text = (
        "Mr. Trump has told his supporters to respond. One early supporter, Representative Lee Zeldin, Republican of "
        "New York, gave the technique a whirl in an interview with CNN on Tuesday: “You can easily argue that the "
        "president is a racist.”"
    )
    assert speakers_of(analyzer, text) == ["Lee Zeldin"]


def test_a_second_participle_the_parser_hung_inside_the_first_report(analyzer):
    text = (
        "In a subsequent interview, Ruth Bader Ginsburg joked about moving to New Zealand if Trump is elected. "
        "She escalated her criticism on Tuesday, telling CNN that Trump is a “faker” and questioning how he has "
        "“gotten away with not turning over his tax returns.”"
    )
    assert speakers_of(analyzer, text) == ["Ruth Bader Ginsburg", "Ruth Bader Ginsburg"]


def test_a_cleft_sentence_credits_the_one_inside_it(analyzer):
    text = "Hillary Clinton heard the news on Tuesday. All she could do was shout “Yessss!”"
    assert speakers_of(analyzer, text) == ["Hillary Clinton"]


def test_the_one_asked_after_a_closing_mark_is_who_asked(analyzer):
    text = "The last question came from a young child. “How big is that wall?” asked the boy, as the audience laughed."
    assert speakers_of(analyzer, text) == ["the boy"]


def test_a_relative_pronoun_before_the_subject_is_not_the_speaker(analyzer):
    text = (
        "Hillary Clinton spoke on Monday. The documents included 44 emails that were not among some 55,000 pages "
        "of emails that Mrs. Clinton had previously given to the State Department, which she said represented all "
        "her ''work-related'' emails."
    )
    assert speakers_of(analyzer, text) == ["Hillary Clinton"]


def test_a_descriptor_stops_before_a_clause_the_parser_ran_into_the_verb(analyzer):
    text = (
        "On Friday, 65 women from both parties who have known Kavanaugh since high school defended his character "
        "and said he has always behaved “honorably.”"
    )
    assert speakers_of(analyzer, text) == ["65 women from both parties"]


def test_a_named_outlets_report_credits_the_outlet_title_words_and_all(analyzer):
    text = "Pence’s release linked to the Associated Press report, which notes, “More than half gave money.”"
    assert speakers_of(analyzer, text) == ["Associated Press"]


def test_who_is_said_of_is_not_who_said_it(analyzer):
    text = (
        "Farrakhan’s history of racially extreme comments includes blaming Jews for the attacks, saying white "
        "people “deserve to die” and praising Adolf Hitler as a “very great man.”"
    )
    assert speakers_of(analyzer, text) == ["Farrakhan", "Farrakhan"]
    text = "Farrakhan has repeatedly denounced Jews as “satanic,” praised Hitler as a “very great man” and more."
    assert speakers_of(analyzer, text) == ["Farrakhan", "Farrakhan"]


def test_an_inverted_speaker_the_parser_hung_elsewhere_still_speaks(analyzer):
    text = (
        "Any ''cleareyed'' interpretation of Mr. Kerry's actions, said Michael Kofman, an expert on Russia at the "
        "Woodrow Wilson Center in Washington, would read this as an admission."
    )
    assert speakers_of(analyzer, text) == ["Michael Kofman"]


def test_an_acronym_the_article_spells_out_is_reported_in_full(analyzer):
    text = (
        "Officials at Immigration and Customs Enforcement (ICE) were angry. "
        "ICE reports that 864 immigrants “remain at large” in the area. The FBI said that “nothing was found.”"
    )
    assert speakers_of(analyzer, text) == ["Immigration and Customs Enforcement", "FBI"]


@pytest.mark.parametrize(
    "body",
    ["Department of Health and Human Services", "Committee on House Administration", "University of Chicago",
     "Center for Responsive Politics"],
)
def test_a_bodys_name_goes_on_past_its_of(analyzer, body):
    assert speakers_of(analyzer, f'The {body} said, "The rule is final."') == [body]


def test_a_title_in_the_attribution_is_no_sentence_of_the_authors(analyzer):
    # 'Mr. Trump asked, repeating …' is the first quote's attribution, not the author speaking
    # between two quotes, though 'Mr.' ends in a full stop
    text = (
        "Donald Trump held a news conference.\n\n"
        "''What does that mean, he kept the country safe after 9/11?'' Mr. Trump asked, repeating a broadside - "
        "that the 43rd president was responsible for the attacks - that he used in Saturday's debate. "
        "''What about during 9/11? I was there.''"
    )
    quotes, _ = quotes_of(analyzer, text)
    assert [(q[:20], speaker) for q, speaker in quotes] == [
        ("''What does that mea", "Donald Trump"),
        ("''What about during ", "Donald Trump"),
    ]


def test_she_is_never_the_last_man_when_a_woman_of_unknown_name_came_before(analyzer):
    # 'Megyn' is in no list of first names; Trump is known to be a man ('he', 'Mr.')
    text = (
        "Donald Trump sat down with Megyn Kelly for an interview.\n\n"
        "Kelly asked about the debate. Trump said he had moved on.\n\n"
        "She told ABC on Monday the tone of the interview was cordial, and predicted viewers "
        "“will be feeling a little uncomfortable.”"
    )
    assert speakers_of(analyzer, text) == ["Megyn Kelly"]


def test_a_persons_office_speaks_for_the_person_without_the_entity_recogniser(analyzer):
    text = (
        "Leaders met in Paris on Monday.\n\n"
        "office of Italy’s Prime Minister Giorgia Meloni Declared that Italy’s “support does not include "
        "the presence of troops on Ukrainian territory.”"
    )
    assert speakers_of(analyzer, text) == ["Giorgia Meloni"]


def test_an_abbreviated_title_is_the_person_given_it_in_full(analyzer):
    text = (
        "Attorney General Jeff Sessions spoke in San Francisco on Monday.\n\n"
        "“We will enforce the law,” the AG said.\n\n"
        "Prime Minister Viktor Orban spoke too. “Hungary comes first,” the PM said."
    )
    assert speakers_of(analyzer, text) == ["Jeff Sessions", "Viktor Orban"]


def test_it_after_a_body_s_spokesperson_is_the_body_not_the_tweet_it_used(analyzer):
    text = (
        "Ashley Arnold posted the exchange online. A representative for Southern New Hampshire "
        "University did not respond to a request for comment. In a tweet, it said it refunded the "
        'tuition and "replaced the instructor."'
    )
    assert speakers_of(analyzer, text) == ["Southern New Hampshire University"]


def test_words_calling_something_speak_for_whoever_said_or_issued_them(analyzer):
    text = (
        "John Kasich and Donald Trump met in Miami. When Mr. Trump tried to defend his remarks "
        "calling the Chinese government ''strong'', Mr. Kasich differed.\n\n"
        "Bernie Sanders spoke on Monday. Sanders issued a statement calling the plan “a disaster.”\n\n"
        "Critics saw a statement calling the plan “a triumph.”"
    )
    quotes, _ = quotes_of(analyzer, text)
    got = dict(quotes)
    assert got["''strong''"] == "Donald Trump"
    assert got["“a disaster.”"] == "Bernie Sanders"
    assert got.get("“a triumph.”") != "Critics"  # they saw the statement; they did not issue it


def test_a_participle_after_a_reported_clause_is_the_reporters_not_the_clauses_subject(analyzer):
    text = (
        "Donald Trump and Barry Bennett spoke on Monday.\n\n"
        "Trump argued that a database would keep people from coming into the country illegally, "
        "saying it’s “all about management.”\n\n"
        "Reached by POLITICO, Bennett denied the notion that a campaign shakeup is coming, explaining "
        "that he was unaware of the interview because he was “taking a day off.”"
    )
    assert speakers_of(analyzer, text) == ["Donald Trump", "Barry Bennett"]


def test_whom_someone_tells_is_never_the_one_telling(analyzer):
    text = (
        "Leaders Back Cruz\n\nMorton Blackwell, founder of the Leadership Institute, endorsed Cruz last "
        "week, saying he “has consistently demonstrated his deep commitment to conservative principles.”\n\n"
        "“Yes, I support Ted Cruz,” Brent Bozell III, founder of the Media Research Center, tells "
        "Breitbart News in an exclusive interview.\n\nBozell was only five years old when the statement was signed."
    )
    assert speakers_of(analyzer, text) == ["Morton Blackwell", "Brent Bozell III"]


def test_the_sentence_after_a_lone_quote_can_say_whose_it_was(analyzer):
    assert speakers_of(analyzer, "“We will not give in.” That was the message from Angela Merkel on Monday.") == ["Angela Merkel"]
    assert speakers_of(analyzer, "Angela Merkel spoke. “We will not give in.” That’s what Merkel told the crowd.") == ["Angela Merkel"]
    assert speakers_of(analyzer, "“We will not give in.” That is the question.") == []


def test_a_description_that_withholds_the_name_is_a_vague_source(analyzer):
    result = analyzer.analyze("The minister, who asked not to be named, said: “This is a disaster.”")
    assert [s.label for s in result.sentences] == ["vague_source"]
    result = analyzer.analyze("The minister, who was appointed last week, said: “This is a disaster.”")
    assert [s.label for s in result.sentences] == ["attributed"]


def test_a_cue_opening_the_next_quote_does_not_credit_the_one_before(analyzer):
    text = (
        "Ishaan Tharoor of the Washington Post wrote: “Israel knows what’s clearly in its interest.”\n\n"
        "However, as Archbishop Aris Shirvanian of the Armenian Patriarchate of Jerusalem told the "
        "Associated Press (AP), “We, the Armenians and the Jewish people, have suffered the same fate.” "
        "He added, “So Israel should have been one of the first.”"
    )
    assert speakers_of(analyzer, text) == ["Ishaan Tharoor", "Aris Shirvanian", "Aris Shirvanian"]


def test_the_statement_speaks_for_whoever_issued_it(analyzer):
    text = (
        "Attorney General Jeff Sessions issued a statement on Friday. "
        "“They put the public’s safety at risk,” the statement said.\n\n"
        "Protesters read out a statement on Saturday. “We will be back,” the statement said."
    )
    assert speakers_of(analyzer, text) == ["Jeff Sessions", "the statement"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        # a descriptor the article gave one named person, or the newspaper it named last
        ("Billionaire investor Mark Cuban spoke on Sunday. “That is even worse,” the investor said.", "Mark Cuban"),
        ("The film stars actor Michael B. Jordan. “It was hard,” the actor said.", "Michael B. Jordan"),
        ("The Washington Times reported the story. “The phones started ringing,” the paper noted.", "Washington Times"),
    ],
)
def test_a_descriptor_points_back_at_whom_it_described(analyzer, text, speaker):
    assert speakers_of(analyzer, text)[-1] == speaker
