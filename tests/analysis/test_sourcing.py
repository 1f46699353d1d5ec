"""Sentence sourcing: attributed, vague_source, unsourced, not_claim, with the source and a reason."""

from __future__ import annotations

import pytest


def labels_of(analyzer, text):
    """(sentence text, label, source) for every sentence, in order."""
    result = analyzer.analyze(text)
    return [(text[s.start : s.end], s.label, s.source) for s in result.sentences], result


@pytest.mark.parametrize(
    "text, source",
    [
        ("German Chancellor Olaf Scholz also stressed that there will be no ground troops.", "Olaf Scholz"),
        ("Politico writes that the two leaders disagree on Ukraine.", "Politico"),
        ("Macron discussed sending troops, reports CNN.", "CNN"),
        ("According to the Defense Ministry, 40 drones were shot down overnight.", "Defense Ministry"),
        ("Clayton County police said the suspect fled on foot.", "Clayton County police"),
    ],
)
def test_reported_speech_with_a_named_source_is_attributed(analyzer, text, source):
    (sent,), result = labels_of(analyzer, text)
    assert sent[1:] == ("attributed", source)
    assert result.sentences[0].why.startswith("reported speech")


@pytest.mark.parametrize(
    "text, source",
    [
        ("Sources say the plan was dropped.", "Sources"),
        ("The president's critics say he is more talk than action.", "The president's critics"),
        ("Interlocutors of journalists say that the president was worried.", "Interlocutors of journalists"),
        ("A number of officials said the talks would fail.", "A number of officials"),
        ("Police said the suspect fled on foot.", "Police"),
        ("The outlet, citing sources familiar with state affairs, claims that Paris is isolated.", "The outlet"),
        ("Germany is expected to make a public statement next week.", "is expected to"),
    ],
)
def test_anonymous_sources_are_vague(analyzer, text, source):
    (sent,), result = labels_of(analyzer, text)
    assert sent[1:] == ("vague_source", source)
    assert result.sentences[0].why


def test_quote_sentences_are_attributed_to_the_speaker(analyzer):
    text = "President Emmanuel Macron spoke to reporters. “Nothing can be ruled out,” he said. “We will do everything possible.”"
    sents, result = labels_of(analyzer, text)
    assert sents == [
        ("President Emmanuel Macron spoke to reporters.", "unsourced", None),
        ("“Nothing can be ruled out,” he said.", "attributed", "Emmanuel Macron"),
        ("“We will do everything possible.”", "attributed", "Emmanuel Macron"),
    ]
    assert result.sentences[0].why == "no source in this sentence or the one before"


def test_author_judgement_and_mixed_sentences_are_unsourced(analyzer):
    text = (
        "The bottom line is that the initiative failed miserably. "
        "Macron said troops could be sent, which is a dangerous escalation."
    )
    sents, _ = labels_of(analyzer, text)
    assert [label for _, label, _ in sents] == ["unsourced", "unsourced"]


def test_headline_byline_dateline_and_boilerplate_are_not_claims(analyzer):
    text = (
        "Troops Gather at the Border\n\nBy Jane Smith and Tom Brown\n\n"
        "PARIS, Mar. 31 (Reuters) - The talks ended without a deal.\n\n"
        "What is Macron looking for?\n\n"
        "Click the share button above to email this article to your friends."
    )
    sents, _ = labels_of(analyzer, text)
    assert sents == [
        ("Troops Gather at the Border", "not_claim", None),
        ("By Jane Smith and Tom Brown", "not_claim", None),
        ("PARIS, Mar. 31 (Reuters) -", "not_claim", None),
        ("The talks ended without a deal.", "unsourced", None),
        ("What is Macron looking for?", "not_claim", None),
        ("Click the share button above to email this article to your friends.", "not_claim", None),
    ]


def test_he_added_continues_with_the_resolved_person(analyzer):
    text = "Sergei Lavrov arrived in Paris on Monday. He added that the talks were frank."
    sents, result = labels_of(analyzer, text)
    assert sents[1][1:] == ("attributed", "Sergei Lavrov")
    assert "Sergei Lavrov" in result.sentences[1].why


def test_every_sentence_exactly_once_in_order_trimmed(analyzer, seed_texts):
    for name, text in seed_texts.items():
        result = analyzer.analyze(text)
        sents = result.sentences
        assert sents, name
        for a, b in zip(sents, sents[1:]):
            assert a.end <= b.start, name
        for s in sents:
            chunk = text[s.start : s.end]
            assert chunk == chunk.strip() and chunk, name
            assert s.label in ("attributed", "vague_source", "unsourced", "not_claim")
            assert s.why
            if s.label in ("attributed", "vague_source"):
                assert s.source, (name, chunk)
        covered = set()
        for s in sents:
            covered.update(range(s.start, s.end))
        missing = [i for i, ch in enumerate(text) if not ch.isspace() and i not in covered]
        assert not missing, f"{name}: text outside every sentence at {missing[:5]}"


def test_seed_assertions(analyzer, seed_texts):
    def label(name, start_of_sentence):
        text = seed_texts[name]
        for s in analyzer.analyze(text).sentences:
            if text[s.start : s.end].startswith(start_of_sentence):
                return s.label, s.source
        raise AssertionError(f"no sentence starting {start_of_sentence!r}")

    assert label("004_0a461c4a61171af8.txt", "Interlocutors of journalists say")[0] == "vague_source"
    assert label("004_0a461c4a61171af8.txt", "Politico writes about this with reference to sources")[0] == "vague_source"
    assert label("000_1773240db986259e.txt", "The French president’s critics say")[0] == "vague_source"
    assert label("000_1773240db986259e.txt", "The bottom line is that")[0] == "unsourced"
    assert label("000_1773240db986259e.txt", "German Chancellor Olaf Scholz also stressed") == ("attributed", "Olaf Scholz")
    assert label("001_221d298b99cd1c88.txt", "Click the share button above")[0] == "not_claim"
    assert label("002_dc816de6b9c4007f.txt", "French President Emmanuel Macron openly discussed") == ("attributed", "CNN")


def test_rule_only_pipeline_labels_every_sentence():
    from desktop.analysis.analyzer import Analyzer

    rule_only = Analyzer(model="sourcelight_no_such_model")
    text = "Troops Gather at the Border\n\nSources say the plan was dropped. Politico writes that talks failed. The war goes on."
    sents, result = labels_of(rule_only, text)
    assert result.model is None
    assert [label for _, label, _ in sents] == ["not_claim", "vague_source", "attributed", "unsourced"]


@pytest.mark.parametrize(
    "text, source",
    [
        # surnames shaped like nationality words are still names
        ("Ryan said the bill would pass.", "Ryan"),
        ("Kasich told reporters the bill would pass.", "Kasich"),
        # a descriptor with the name in apposition: the name is the source
        ("Her spokesman, Nick Merrill, said the talks failed.", "Nick Merrill"),
        ("One Republican presidential hopeful, Carly Fiorina, says she plans to root for Iowa.", "Carly Fiorina"),
    ],
)
def test_names_the_tagger_misreads_are_still_named_sources(analyzer, text, source):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1:] == ("attributed", source)


def test_a_surname_known_from_the_article_names_the_source(analyzer):
    sents, _ = labels_of(analyzer, "Bernie Sanders spoke in Iowa.\nSanders says the obvious example is her record.")
    assert sents[1][1:] == ("attributed", "Bernie Sanders")


def test_nationality_words_still_make_a_vague_source(analyzer):
    (sent,), _ = labels_of(analyzer, "Russian officials said the bill would pass.")
    assert sent[1] == "vague_source"


@pytest.mark.parametrize(
    "text, label",
    [
        # passives of saying or expecting with no agent: credited to nobody in particular
        ("The Republican front-runner isn’t expected to attend the dinner.", "vague_source"),
        ("Reporters were told that the talks had failed.", "vague_source"),
        # other passives of reporting verbs credit nothing
        ("Marco Rubio was asked to name a single legislative achievement.", "unsourced"),
        ("Ms. Smith was told to leave the room.", "unsourced"),
        ("Three city commissioners were charged with receiving bribes.", "unsourced"),
        # `add` reports only with a clause or a quote
        ("The denials only added to the picture of a campaign in chaos.", "unsourced"),
    ],
)
def test_passives_and_ambiguous_verbs(analyzer, text, label):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label


def test_they_and_the_report_point_back_at_what_the_article_named(analyzer):
    sents, _ = labels_of(analyzer, "The Sanders campaign hit back on Friday. They said the criticism was fair game.")
    assert sents[1][1] == "attributed"
    sents, _ = labels_of(analyzer, "The GAO published a review in May. The report said hackers broke in.")
    assert sents[1][1] == "attributed"
    # with nobody named before, or as an idiom, they stay unnamed; so does an indefinite report
    (sent,), _ = labels_of(analyzer, "They say the plan failed.")
    assert sent[1] == "vague_source"
    (sent,), _ = labels_of(analyzer, "A report said hackers broke in.")
    assert sent[1] == "vague_source"


@pytest.mark.parametrize(
    "text",
    [
        "Many Carrier workers say that it was not his talk that fired them up.",
        "But most Republicans agreed they had no real recourse.",
        "Several Democrats cautioned against drawing lessons, saying immigration was a bigger problem.",
    ],
)
def test_unnamed_members_of_a_named_group_are_a_vague_source(analyzer, text):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == "vague_source"


def test_a_name_with_an_apostrophe_and_a_body_after_by_are_named(analyzer):
    sents, result = labels_of(analyzer, "Lawrence O’Donnell spoke on MSNBC.\n“It is over,” O’Donnell said.")
    assert sents[1][1] == "attributed" and result.quotes[0].speaker.endswith("O’Donnell")
    (sent,), _ = labels_of(analyzer, "A report by Reuters said the deal was off.")
    assert sent[1:] == ("attributed", "Reuters")


# ---------------------------------------------------------------- news furniture outside the seeds


def test_a_short_first_line_is_the_headline_even_with_a_full_stop(analyzer):
    text = (
        "Republicans ask DOJ to investigate Clinton for perjury.\n\n"
        "Two House committees on Monday asked the Justice Department to open an inquiry.\n"
    )
    sents, _ = labels_of(analyzer, text)
    assert sents[0] == ("Republicans ask DOJ to investigate Clinton for perjury.", "not_claim", None)
    assert sents[1][1] == "unsourced"


def test_a_long_first_line_is_a_lede_not_a_headline(analyzer):
    text = (
        "French President Emmanuel Macron openly discussed the possibility of sending European troops "
        "to Ukraine to help Kyiv win the war against Russia, reports CNN.\n\nThe Kremlin reacted at once.\n"
    )
    sents, _ = labels_of(analyzer, text)
    assert sents[0][1:] == ("attributed", "CNN")


def test_poll_widgets_and_sign_up_boxes_are_not_claims(analyzer):
    text = (
        "Kavanaugh Hearing Ends\n\n"
        "The hearing ended on Thursday after nine hours.\n"
        "Will Brett Kavanaugh be confirmed to the Supreme Court?\n"
        "Yes, he will be confirmed.\n"
        "No, he will not be confirmed.\n"
        "This field is for validation purposes and should be left unchanged.\n"
        "Completing this poll grants you access to our updates free of charge.\n"
        "You may opt out at anytime.\n"
        "The committee votes next week.\n"
    )
    sents, _ = labels_of(analyzer, text)
    got = {s: label for s, label, _ in sents}
    for line in ("Yes, he will be confirmed.", "No, he will not be confirmed.",
                 "This field is for validation purposes and should be left unchanged.",
                 "Completing this poll grants you access to our updates free of charge.",
                 "You may opt out at anytime."):
        assert got[line] == "not_claim", line
    assert got["The hearing ended on Thursday after nine hours."] == "unsourced"
    assert got["The committee votes next week."] == "unsourced"


def test_a_heading_in_capitals_is_not_a_claim(analyzer):
    text = "Spain votes.\n\nThe vote was close.\n\nIN BRIEF.\n\nThe count ends on Monday.\n"
    sents, _ = labels_of(analyzer, text)
    assert ("IN BRIEF.", "not_claim", None) in sents


def test_an_unnamed_source_relaying_a_quote_makes_the_sentence_vague(analyzer):
    text = (
        "The suspect was arrested on Friday after a five-hour standoff.\n\n"
        'Law enforcement sources have said he said "no more baby parts" after the shooting.\n'
    )
    sents, _ = labels_of(analyzer, text)
    assert sents[-1][1] == "vague_source"


def test_a_hedge_on_a_named_source_keeps_it_attributed(analyzer):
    text = "U.S. Magistrate Judge David Bristow said a conspiracy Marquez allegedly plotted was enough to keep him in prison."
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1:] == ("attributed", "David Bristow")


def test_named_people_referred_to_as_a_group_stay_identifiable(analyzer):
    text = (
        "Committee chairmen Jason Chaffetz and Bob Goodlatte sent the referral on Monday.\n\n"
        "“The evidence appears to contradict her sworn testimony,” the committee chairmen wrote.\n"
    )
    sents, _ = labels_of(analyzer, text)
    assert sents[-1][1] == "attributed"


def test_poll_respondents_are_credited_to_the_poll(analyzer):
    text = (
        "A USA TODAY/Suffolk University poll of 1,000 likely voters was taken last week.\n\n"
        "By 58%-33%, those surveyed said the group's funding should not be eliminated.\n"
    )
    sents, _ = labels_of(analyzer, text)
    assert sents[-1][1] == "attributed"


def test_criticising_someone_for_something_is_reported_speech(analyzer):
    text = "Professor Zeynep Tufekci also criticized the organization for promoting links to a leaked database."
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1:] == ("attributed", "Zeynep Tufekci")


def test_a_short_paragraph_opening_a_later_chunk_is_not_a_headline(analyzer, monkeypatch):
    import desktop.analysis.analyzer as analyzer_module

    monkeypatch.setattr(analyzer_module, "CHUNK_CHARS", 300)
    body = "The committee met again on Tuesday to discuss the budget for the coming year. " * 3
    text = f"Budget talks resume\n\n{body}\n\nThe vote failed. Nobody in the room was surprised at all.\n\n{body}\n"
    # the second chunk opens with the short paragraph
    assert analyzer_module.chunk_text(text)[1][1].startswith("The vote failed.")
    sents, _ = labels_of(analyzer, text)
    got = dict((s, label) for s, label, _ in sents)
    assert got["Budget talks resume"] == "not_claim"
    assert got["The vote failed."] == "unsourced"


# ---------------------------------------------------------------- sources found by the parse (session 3)


def test_shares_of_a_named_polls_respondents_are_attributed(analyzer):
    text = (
        "A Quinnipiac University poll of 1,200 voters was released on Tuesday.\n\n"
        "The race is close.\n\n"
        "Twenty-four percent said they would vote for him, and six in 10 say the economy is weak.\n"
    )
    sents, _ = labels_of(analyzer, text)
    assert sents[-1][1:] == ("attributed", "Twenty-four percent")
    # with no poll named anywhere, the share names no one
    (sent,), _ = labels_of(analyzer, "Twenty-four percent said they would vote for him.")
    assert sent[1] == "vague_source"


def test_a_title_word_used_as_a_surname_is_the_person(analyzer):
    text = "New York Congressman Pete King spoke to reporters on Monday. King said the testimony differed from an earlier account."
    sents, _ = labels_of(analyzer, text)
    assert sents[1][1:] == ("attributed", "Pete King")


def test_it_said_after_a_named_body_is_that_body(analyzer):
    text = "The Justice Department published its findings on Monday. It said hackers broke into the network in May."
    sents, _ = labels_of(analyzer, text)
    assert sents[1][1] == "attributed"
    # "it" doing something else, or the impersonal "it is said", credits no one
    sents, _ = labels_of(analyzer, "WikiLeaks runs a website. It often posts long documents online.")
    assert sents[1][1] == "unsourced"
    (sent,), _ = labels_of(analyzer, "It is said that hackers broke into the network.")
    assert sent[1] == "vague_source"


def test_a_speaker_the_parser_detached_from_the_verb_still_reports(analyzer):
    text = "Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said that he spoke with Bernie Sanders on Tuesday."
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1:] == ("attributed", "Harry Reid")


@pytest.mark.parametrize(
    "text, label",
    [
        # a party or nation as a whole names no one a reader can check ...
        ("Democrats blasted Republicans for being sore losers.", "vague_source"),
        ("Americans believe that the economy is getting worse.", "vague_source"),
        # ... a caucus or body does
        ("Senate Democrats said the bill would fail.", "attributed"),
        # a country is not an office
        ("U.S. officials said the strike killed 12 people.", "vague_source"),
        ("State Department officials said the strike killed 12 people.", "attributed"),
    ],
)
def test_groups_and_countries_are_not_named_bodies(analyzer, text, label):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label


def test_a_persons_campaign_is_named_but_their_aides_are_not(analyzer):
    text = (
        "Bernie Sanders won in Michigan. Sanders’ aides say the campaign will go on. "
        "His campaign said he would stay in the race."
    )
    sents, _ = labels_of(analyzer, text)
    assert sents[1][1] == "vague_source"
    assert sents[2][1:] == ("attributed", "Bernie Sanders’s campaign")
    sents, _ = labels_of(analyzer, "Martin O’Malley spoke in Iowa. O’Malley’s campaign says it will shift staff to the early states.")
    assert sents[1][1] == "attributed"


@pytest.mark.parametrize(
    "text, label",
    [
        # agentless passives of believing, expecting and seeing-as: credited to nobody in particular
        ("Direct mail is considered an effective technique for reaching older voters.", "vague_source"),
        ("Trump is also expected to unveil a new ad on Monday.", "vague_source"),
        # an event, the author's own hedge, or an aside of the author's sentence: no credit
        ("The bill was considered on Monday.", "unsourced"),
        ("The travails of his campaign can be seen as the last gasp of an old order.", "unsourced"),
        ("Iowa, which has been expected to be a Cruz stronghold, votes first.", "unsourced"),
    ],
)
def test_agentless_passives_of_belief(analyzer, text, label):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label


@pytest.mark.parametrize(
    "text, label",
    [
        ("Many observers expect the agency to dial back the mandate.", "vague_source"),
        ("Some outside analysts see the cease-fire as a sign of weakness.", "vague_source"),
        ("Governor Jay Inslee views the deal as a victory for workers.", "attributed"),
        # seeing without "as" reports no view
        ("Robert Greenhill saw his worth balloon to $550 million.", "unsourced"),
    ],
)
def test_expectations_and_views_are_credited_to_who_holds_them(analyzer, text, label):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label


def test_a_state_the_author_asserts_before_but_makes_the_sentence_unsourced(analyzer):
    (sent,), _ = labels_of(analyzer, "Moscow is not interested in an open conflict, but it has made it clear that troops would be targets.")
    assert sent[1] == "unsourced"
    # an event before "but" is not a judgement: the report stands
    (sent,), _ = labels_of(analyzer, "Tim Kaine endorsed Clinton, but told reporters that Sanders would win.")
    assert sent[1:] == ("attributed", "Tim Kaine")


def test_an_unnamed_source_reporting_what_a_named_one_did_is_vague(analyzer):
    text = "The homeless woman told police she was stressed by the guards, a police report indicates."
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1:] == ("vague_source", "a police report")
    # the named source closing the sentence is the outer one
    text = "Russians now say they admire Putin as a protector, a study by the sociologist Mikhail Dmitriyev concluded this year."
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == "attributed"


@pytest.mark.parametrize(
    "text, label",
    [
        # acts that report without a verb of saying
        ("In the presidential race, front-runner Hillary Clinton has denounced GOP efforts to defund the group.", "attributed"),
        ("The U.S. government has issued an alert warning Americans traveling to China.", "attributed"),
        ("Jay Carney declined to comment on the report.", "attributed"),
        ("The Gallup poll shows that Trump leads in Ohio.", "attributed"),
        ("A recent survey of Republican insiders shows that Trump could lose 100 delegates.", "vague_source"),
        ("Clinton and Sanders are locked in a tight race in Iowa, with polls showing her lead having evaporated.", "vague_source"),
        # the same verbs doing something else
        ("Hillary Clinton could denounce the plan.", "unsourced"),
        ("The government has issued new banknotes.", "unsourced"),
        ("Mark Cuban refused to leave the stage.", "unsourced"),
        ("The storm showed no sign of weakening.", "unsourced"),
        ("Sanders showed up late to the rally.", "unsourced"),
    ],
)
def test_reporting_acts_outside_the_verb_list(analyzer, text, label):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label


def test_an_unnamed_aide_declining_to_say_stays_vague(analyzer):
    text = (
        "A White House official who spoke on condition of anonymity said the talks would go on. "
        "The aide declined to specify the nature of those discussions."
    )
    sents, _ = labels_of(analyzer, text)
    assert [label for _, label, _ in sents] == ["vague_source", "vague_source"]


@pytest.mark.parametrize(
    "text, label",
    [
        # the office is named, as in the guide's "Clayton County police said"
        ("An FBI official told the New York Daily News that the letter has not resulted in an investigation.", "attributed"),
        ("A State Department official said the documents would be released.", "attributed"),
        # no office: a country, or a person the article says is not to be named
        ("A U.S. official said the strike killed 40.", "vague_source"),
        ("An unnamed Treasury official said the funds were frozen.", "vague_source"),
        ("A House official close to the probe said the employee was Abid.", "vague_source"),
    ],
)
def test_an_official_of_a_named_office_is_identifiable(analyzer, text, label):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label


def test_will_before_a_verb_mid_sentence_is_a_name(analyzer):
    text = (
        "Columnist George Will spoke in Iowa. In particular, Will wrote, Christie can challenge Hillary Clinton. "
        "With the heightened security concerns, Will believes Christie has an opportunity."
    )
    sents, _ = labels_of(analyzer, text)
    assert [s[1:] for s in sents[1:]] == [("attributed", "George Will"), ("attributed", "George Will")]
    # the modal opening a question is not a name
    (sent,), _ = labels_of(analyzer, "Will Brett Kavanaugh be confirmed to the Supreme Court?")
    assert sent[1] == "not_claim"


@pytest.mark.parametrize(
    "text, label, source",
    [
        ("Some observers, including professor Zeynep Tufekci, also criticized the organization.", "attributed", "Zeynep Tufekci"),
        ("Some economists, including a minority of the Fed's own committee, warn that rates could rise.", "vague_source", None),
        # one unnamed person inside a named body is still unnamed; the body's spokesman is its voice
        ("A State Department diplomatic security agent reported hearing an unusual sound.", "vague_source", None),
        ("A NATO spokesman said the alliance has no plans to send troops.", "attributed", "A NATO spokesman"),
        ("A former spokesman for the ministry, Oleg Voloshyn, said the talks failed.", "attributed", "Oleg Voloshyn"),
    ],
)
def test_named_people_among_unnamed_ones(analyzer, text, label, source):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label
    if source:
        assert sent[2] == source


def test_the_two_lawmakers_are_the_people_named_but_the_officials_are_not(analyzer):
    text = "Jason Chaffetz and Bob Goodlatte wrote to the FBI. The two lawmakers argue that there is precedent for prosecution."
    sents, _ = labels_of(analyzer, text)
    assert sents[1][1] == "attributed"
    (sent,), _ = labels_of(analyzer, "The officials argue that there is precedent for prosecution.")
    assert sent[1] == "vague_source"


@pytest.mark.parametrize(
    "text",
    [
        # a report in a time clause, a gerund subject, or the author's description of the words
        "Sanders was in Iowa on Monday. While testifying before the committee, he wore a blue tie.",
        "Demonizing those who break the law and declaring that we will not allow them in is simply common sense.",
        "Don Lemon spoke on CNN. Lemon said what is clearly not only racist but utterly insane.",
    ],
)
def test_reports_the_authors_sentence_only_mentions_are_unsourced(analyzer, text):
    sents, _ = labels_of(analyzer, text)
    assert sents[-1][1] == "unsourced"


def test_the_rows_and_method_lines_of_a_poll_graphic_are_not_claims(analyzer):
    text = (
        "Voters oppose the cuts\n\n"
        "Most voters oppose the cuts, the poll found.\n\n"
        "Should federal funding for Planned Parenthood be eliminated?\n\n"
        "No    58%.\n\nYes    33%.\n\nUndecided   9%.\n\n"
        "Poll of 1,000 likely voters taken Wednesday through Sunday.\n"
        "Margin of error +/- 3 percentage points.\n\n"
        "Source USA TODAY/Suffolk University.\n\n"
        "Sources say the vote will be close.\n"
    )
    sents, _ = labels_of(analyzer, text)
    got = {s: label for s, label, _ in sents}
    for line in ("No    58%.", "Yes    33%.", "Undecided   9%.", "Poll of 1,000 likely voters taken Wednesday through Sunday.",
                 "Margin of error +/- 3 percentage points.", "Source USA TODAY/Suffolk University."):
        assert got[line] == "not_claim", line
    assert got["Sources say the vote will be close."] == "vague_source"


def test_a_title_case_heading_is_not_a_claim(analyzer):
    text = (
        "Senate Passes Budget\n\nThe Senate passed the budget on Friday.\n\n"
        "Hillary And Obama Hid It For Years.\n\n"
        "Tom Carper and Chris Coons.\n"
    )
    sents, _ = labels_of(analyzer, text)
    got = {s: label for s, label, _ in sents}
    assert got["Hillary And Obama Hid It For Years."] == "not_claim"
    assert got["Tom Carper and Chris Coons."] == "unsourced"


def test_an_answer_option_after_a_form_marker_is_not_a_claim(analyzer):
    text = (
        "The caravan nears the border\n\nThe caravan reached Tijuana on Sunday.\n\n"
        "Should military force be used to stop the caravan?\n\n*\nYes, military force should be used.\n\n"
        "No, keep the military out of it.\n"
    )
    sents, _ = labels_of(analyzer, text)
    got = {s: label for s, label, _ in sents}
    assert got["Yes, military force should be used."] == "not_claim"
    assert got["No, keep the military out of it."] == "not_claim"


@pytest.mark.parametrize(
    "text, label",
    [
        ("Barack Obama spoke on Tuesday. Obama repeated his contention that the name would only help the group.", "attributed"),
        ("Barack Obama spoke on Tuesday. Obama defended the process, though not the results.", "attributed"),
        ("Barack Obama spoke on Tuesday. Obama blames part of the failure on his allies.", "attributed"),
        ("Mark Cuban was asked about 2020. Pushed by the host, Cuban demurred.", "attributed"),
        ("Barack Obama spoke on Tuesday. The president also points to the intensity of tribal division.", "attributed"),
        # the same verbs as an aim or an aside, not a report
        ("The White House has fought hard to defend the tax.", "unsourced"),
        ("The campaign has struggled to make that case in Iowa.", "unsourced"),
    ],
)
def test_more_reporting_acts(analyzer, text, label):
    sents, _ = labels_of(analyzer, text)
    assert sents[-1][1] == label


def test_seen_doing_is_not_seen_as(analyzer):
    (sent,), _ = labels_of(analyzer, "Several border agents were seen patrolling the area on horses.")
    assert sent[1] == "unsourced"
    (sent,), _ = labels_of(analyzer, "The governor is seen as a moderate.")
    assert sent[1] == "vague_source"


def test_a_credit_line_and_a_title_case_line_split_in_two_are_not_claims(analyzer):
    text = (
        "Senator Lindsey Graham Unleashes Firestorm At Democrat Senators. Since He's Been In Politics\n\n"
        "The hearing went on for hours.\n\n- Reuters.\n"
    )
    sents, _ = labels_of(analyzer, text)
    got = {s: label for s, label, _ in sents}
    assert got["- Reuters."] == "not_claim"
    assert got["The hearing went on for hours."] == "unsourced"
    assert all(label == "not_claim" for s, label in got.items() if "Graham" in s or "Politics" in s)


def test_criticism_with_no_critic_named_is_vague(analyzer):
    (sent,), _ = labels_of(analyzer, "Trump has been criticized for failing to spend enough time in the state.")
    assert sent[1] == "vague_source"
    (sent,), _ = labels_of(analyzer, "Trump has been criticized by Senator John McCain for his remarks.")
    assert sent[1] != "vague_source"


def test_the_results_of_a_named_poll_are_attributed(analyzer):
    text = (
        "A Morning Consult Poll found that Bloomberg would draw from Clinton. "
        "Trump received 37 percent, Clinton had 36 percent, according to the results."
    )
    sents, _ = labels_of(analyzer, text)
    assert sents[1][1] == "attributed"
    (sent,), _ = labels_of(analyzer, "Trump received 37 percent, according to the results.")
    assert sent[1] == "vague_source"


def test_embedded_tweets_are_their_authors_words(analyzer):
    text = (
        "Cruz reacted on Twitter\n\n"
        "Ted Cruz answered within the hour.\n\n"
        '<tweet tweet-author="@tedcruz" tweet-date="January 19, 2016">I love my colleague. '
        "Without her support, I would not be in the Senate.<tweet/>.\n\n"
        "The rally went on until late.\n"
        "Border agents waited at the fence.\n"
        "The caravan is here, illegally entering the country pic.twitter.com/zmAvbC13eL — Jane Roe (@janeroe) November 14, 2018\n"
        "Officials closed the crossing at noon.\n"
    )
    sents, _ = labels_of(analyzer, text)
    got = {s: (label, source) for s, label, source in sents}
    assert got["Without her support, I would not be in the Senate.<tweet/>."] == ("attributed", "@tedcruz")
    assert any(s.startswith("The caravan is here") and label == "attributed" and source == "Jane Roe" for s, label, source in sents)
    assert got["The rally went on until late."][0] == "unsourced"
    assert got["Officials closed the crossing at noon."][0] == "unsourced"
    # a signature alone is page furniture
    sents, _ = labels_of(analyzer, "The senator posted twice.\n\nShe left at noon.\n— Jane Roe (@janeroe) November 14, 2018\n")
    assert sents[-1][1] == "not_claim"


def test_a_pasted_tweet_takes_its_plain_lines_and_keeps_its_loaded_words(analyzer):
    # a body's display name with a small word in it; a plain line between the tweet's first line
    # and its signature; the tweet's own words are not the author's emotive phrasing
    text = (
        "Police identify the suspect\n"
        "Morelli, 54, had 30 years with the force.\n"
        "The City of #Westerville suffered a tremendous loss today.\n"
        "@WestervillePD Officer Anthony Morelli was killed in the line of duty.\n"
        "Please keep our first responders in your thoughts and prayers.\n"
        "#WestervilleStrong pic.twitter.com/GcN3Y4FRvr — City of Westerville (@tellwesterville) February 11, 2018\n"
        "Two officers were killed in a shocking attack.\n"
    )
    sents, result = labels_of(analyzer, text)
    got = {s: (label, source) for s, label, source in sents}
    assert got["The City of #Westerville suffered a tremendous loss today."] == ("attributed", "City of Westerville")
    assert got["Please keep our first responders in your thoughts and prayers."] == ("attributed", "City of Westerville")
    assert got["Morelli, 54, had 30 years with the force."][0] == "unsourced"
    emotive = [text[e.start : e.end] for e in result.emotive]
    assert "shocking attack" in emotive and not any("tremendous" in e for e in emotive)


@pytest.mark.parametrize(
    "text, label",
    [
        # a thing or an abstraction as the subject of a reporting verb reports nothing
        ("But the drinking continued, and four years later, Freddy was dead.", "unsourced"),
        ("A close look at Mr. Trump's two airplanes suggests that their value rests in their marketing potential.", "unsourced"),
        ("The back and forth of the conflict continues, with insurgents making gains over the weekend.", "unsourced"),
        # people, bodies and documents still do
        ("The anti-abortion movement has traditionally argued that providers should be punished.", "attributed"),
        ("But the same polling suggests that Mr. Trump could perform unusually well among these voters.", "attributed"),
        ("In Britain, the cities of Blackpool and Liverpool said they would light local landmarks.", "attributed"),
    ],
)
def test_only_people_bodies_and_documents_report(analyzer, text, label):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label


@pytest.mark.parametrize(
    "text, label",
    [
        ("Hillary Clinton won the primary on Tuesday, adding to her lead over Bernie Sanders.", "unsourced"),
        ("Demographic decline has made it difficult to recruit an all-volunteer force.", "unsourced"),
        ("The economy is strong, Janet Yellen added.", "attributed"),
        ("Moscow has made it clear that any soldier in Ukraine is a target.", "attributed"),
    ],
)
def test_add_to_and_make_it_difficult_report_nothing(analyzer, text, label):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label


def test_form_fields_links_and_second_answer_options_are_not_claims(analyzer):
    text = (
        "The caravan nears the border\n\nThe caravan reached Tijuana on Sunday.\n\n"
        "Will Brett Kavanaugh be confirmed to the Supreme Court?\n\n* Yes, he will be confirmed.\n\n"
        "No, he will not be confirmed.\n\nEmail *\n\nPhone\n\n"
        "http://via.kswbtv.com/Ky5E4 Posted by FOX 5 San Diego on Tuesday, November 13, 2018\n\n"
        "Personal Liberty Poll Exercise your right to vote.\n\n"
        "The phone lines opened at noon.\n"
    )
    sents, _ = labels_of(analyzer, text)
    got = {s: label for s, label, _ in sents}
    for line in ("No, he will not be confirmed.", "Phone", "Personal Liberty Poll Exercise your right to vote."):
        assert got[line] == "not_claim", line
    assert all(label == "not_claim" for s, label in got.items() if "kswbtv" in s or s.startswith("Posted by"))
    assert got["The phone lines opened at noon."] == "unsourced"


def test_transcript_turns_belong_to_the_named_speaker(analyzer):
    text = (
        "Fallin on CNN\n\nGovernor Mary Fallin spoke to CNN's Jake Tapper on Sunday.\n\n"
        "TAPPER: Donald Trump released a video on Friday. Take a listen.\n\n"
        "FALLIN:\n\nWell, I think the whole nation needs to work together. They want safe homes.\n\n"
        "The interview ended after ten minutes.\n\n"
        "STAT OF THE WEEK: $43 million in subsidies.\n"
    )
    sents, _ = labels_of(analyzer, text)
    got = {s: (label, source) for s, label, source in sents}
    assert got["Take a listen."] == ("attributed", "Jake Tapper")
    assert got["They want safe homes."] == ("attributed", "Mary Fallin")
    assert got["The interview ended after ten minutes."][0] == "unsourced"
    assert all(label != "attributed" for s, (label, _) in got.items() if "43 million" in s)


def test_a_block_after_a_speakers_colon_is_theirs(analyzer):
    text = (
        "Beck on Palin\n\nGlenn Beck spoke on Tuesday.\n\nIn a post on Facebook, Beck wrote:\n\n"
        "Sarah Palin has been a friend. But this endorsement is a mistake.\n\nThe rally went on.\n\n"
        "Wait, it gets better:\n\nThe senator then left the room.\n"
    )
    sents, _ = labels_of(analyzer, text)
    got = {s: (label, source) for s, label, source in sents}
    assert got["But this endorsement is a mistake."] == ("attributed", "Glenn Beck")
    assert got["The rally went on."][0] == "unsourced"
    assert got["The senator then left the room."][0] == "unsourced"


@pytest.mark.parametrize(
    "text, label",
    [
        ("But the staffing change was seen by some as a demotion for Mr. Manafort.", "vague_source"),
        ("Just 30 percent of all voters consider Clinton honest.", "vague_source"),
        ("Like Rove, the Sanders camp has identified Clinton's Wall Street ties as one of her weaknesses.", "attributed"),
        ("The committee considered the bill on Monday.", "unsourced"),
        # the named speaker set inside the sentence is the outer source
        ("Six months ago, Senator Bernie Sanders said, the media considered him a fringe candidate.", "attributed"),
    ],
)
def test_views_by_some_and_considered_as(analyzer, text, label):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label


def test_an_attribution_cut_off_after_a_question_mark_is_the_speakers(analyzer):
    text = (
        "Beck on the endorsement\n\nGlenn Beck spoke on his radio show on Tuesday.\n\n"
        "“What was the massive pivot point to make him change so fundamentally?” Beck questioned.\n\n"
        "The senator said “no.” Markets fell sharply."
    )
    sents, _ = labels_of(analyzer, text)
    by_text = {t: (label, source) for t, label, source in sents}
    assert by_text["Beck questioned."] == ("attributed", "Glenn Beck")
    # a short sentence of the author's after a quote is not an attribution
    assert by_text["Markets fell sharply."] == ("unsourced", None)


@pytest.mark.parametrize(
    "text, label, source",
    [
        # the unnamed people a quote is said to or about are not its speaker
        ("The governor emailed donors saying: “The fight goes on” and promised to run again.", None, "donors"),
        ("Her record includes saying bankers “deserve jail” and praising the strike.", "unsourced", None),
        ("Governor Ann Ruiz said she expected that voters will say “enough” to the plan.", "attributed", "Ann Ruiz"),
        ("Mayor Tom Hale noted that the levy – what his business calls “a fair share” – is “vital” to the city.", "attributed", "Tom Hale"),
        # a crowd's chant is an event the author reports
        ("Fans of the mayor responded with chants of “Four more years” until she spoke.", "unsourced", None),
        # but an unnamed speaker who says the words is still a vague source
        ("“The plan is dead,” one aide said.", "vague_source", "one aide"),
        ("Fans of the mayor said the vote was “rigged.”", "vague_source", "Fans of the mayor"),
    ],
)
def test_an_unnamed_quote_speaker_must_be_the_one_saying_it(analyzer, text, label, source):
    (sent,), _ = labels_of(analyzer, text)
    if label is None:
        assert sent[2] != source  # whatever the label, not credited to the addressees
    else:
        assert sent[1:] == (label, source)


@pytest.mark.parametrize(
    "text, label",
    [
        # a gerund, a number, the author or the reader is no unnamed source
        ("Making her way through the crowd, the candidate thanked a voter for coming.", "attributed"),
        ("We suspect it will not be long before the governor has something to say.", "unsourced"),
        ("Let's say, for the sake of argument, that the budget passes.", "unsourced"),
        ("Of the state's 40 counties, 12 have reported cases of flu.", "unsourced"),
        # an agent after a passive of saying is the source
        ("Reporters were told by Dana Cole, the city's spokeswoman, that the mayor would not comment.", "attributed"),
        ("Reporters were told by some that the mayor would not comment.", "vague_source"),
        ("Experts warn that the flu season will be long.", "vague_source"),
    ],
)
def test_only_someone_can_be_an_unnamed_source(analyzer, text, label):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label


def test_an_unnamed_persons_question_is_an_event(analyzer):
    text = (
        "Town hall\n\nSenator Ruth Ames held a town hall on Monday. A student asked Ames how she would vote. "
        "Senator Lee Park asked whether the agency had misled the committee."
    )
    sents, _ = labels_of(analyzer, text)
    got = {t: (label, source) for t, label, source in sents}
    assert got["A student asked Ames how she would vote."][0] == "unsourced"
    assert got["Senator Lee Park asked whether the agency had misled the committee."] == ("attributed", "Lee Park")


def test_a_descriptor_and_the_name_after_it_name_the_source(analyzer):
    (sent,), _ = labels_of(analyzer, "As the political scientist Richard Neustadt said, leaders are always judged.")
    assert sent[1:] == ("attributed", "Richard Neustadt")


def test_the_descriptor_of_a_named_person_is_not_anonymous(analyzer):
    text = (
        "Budget fight\n\nGovernor Maria Lund vetoed the budget on Friday. "
        "Instead, the veteran politician said the cuts were “reckless.” "
        "A witness saw the governor leave. The witness said she looked angry. "
        "A state official said talks would resume. The aide declined to say when."
    )
    sents, _ = labels_of(analyzer, text)
    got = {t: label for t, label, _ in sents}
    assert got["Instead, the veteran politician said the cuts were “reckless.”"] == "attributed"
    # an unnamed one introduced before, or just credited, stays unnamed
    assert got["The witness said she looked angry."] == "vague_source"
    assert got["The aide declined to say when."] == "vague_source"


def test_a_passive_act_with_an_agent_is_not_a_report(analyzer):
    (sent,), _ = labels_of(analyzer, "The plan failed; it was rejected by Spain, Italy and Sweden.")
    assert sent[1] == "unsourced"


@pytest.mark.parametrize(
    "text, label",
    [
        # a speech verb with only a thing as its object reports an act, not a claim
        ("Senator Amy Dole announced her resignation on the Senate floor on Thursday.", "unsourced"),
        ("Two hours later, Mayor Lee tweeted a photo of the flooded street.", "unsourced"),
        ("Senator Amy Dole announced that she would resign on Thursday.", "attributed"),
        ("Mayor Lee tweeted that the street was flooded.", "attributed"),
    ],
)
def test_announcing_or_tweeting_a_thing_is_an_act(analyzer, text, label):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label


def test_a_quote_hung_on_a_noun_in_the_authors_clause_is_the_authors_claim(analyzer):
    text = (
        "Memo\n\nThe email appears to contradict 2013 comments from former Secretary of Defense Leon Marsh that “time, "
        "distance and events that moved quickly prevented a more immediate response.” "
        "Later, a furious backlash followed his warning that the city would be at the “back of the line.” "
        "Marsh repeated his warning that the city would be at the “back of the line.”"
    )
    sents, _ = labels_of(analyzer, text)
    assert [label for _, label, _ in sents[1:]] == ["unsourced", "unsourced", "attributed"]


def test_a_descriptor_with_the_name_after_a_comma_is_named(analyzer):
    text = (
        "College days\n\nFred Hale studied at Lehigh. ''It was his first attempt,'' said his best friend at Lehigh, Bruce Tarr. "
        "Some officials, Democrats and Republicans alike, said the vote was close."
    )
    sents, _ = labels_of(analyzer, text)
    got = {t: (label, source) for t, label, source in sents}
    assert got["''It was his first attempt,'' said his best friend at Lehigh, Bruce Tarr."] == ("attributed", "Bruce Tarr")
    assert got["Some officials, Democrats and Republicans alike, said the vote was close."][0] == "vague_source"


def test_a_leader_in_a_predicate_is_no_unnamed_source_introduced(analyzer):
    text = (
        "Putin speaks\n\nPresident Vladimir Putin praised the candidate, calling him an absolute leader of the race. "
        "He is a strong leader, Putin added. “He is a very bright man,” the Russian leader said."
    )
    sents, _ = labels_of(analyzer, text)
    assert sents[-1][1:] == ("attributed", "Vladimir Putin")  # the descriptor stands for the name


@pytest.mark.parametrize(
    "text, label",
    [
        # a reporting verb under a verb of wanting is a wish, not words said
        ("Mayor Dana Fox would really like to stress that the budget is balanced.", "unsourced"),
        ("Mayor Dana Fox wanted to argue that the budget is balanced.", "unsourced"),
        ("Mayor Dana Fox stressed that the budget is balanced.", "attributed"),
        # "As X added, …": what follows is what was added
        ("As the mayor's office added, the budget is balanced.", "attributed"),
        ("The budget passed as the mayor added a clause to it.", "unsourced"),
    ],
)
def test_wishes_and_as_clauses(analyzer, text, label):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label


def test_one_of_an_unnamed_group_reporting_a_named_person_is_vague(analyzer):
    text = (
        "Claims\n\nSenator Al Brandt spoke on Monday. One of the women says Brandt suggested that they meet alone. "
        "Brandt says he suggested nothing of the kind."
    )
    sents, _ = labels_of(analyzer, text)
    assert [label for _, label, _ in sents[2:]] == ["vague_source", "attributed"]


def test_a_headline_is_not_a_claim_even_with_a_quote_or_without_a_full_stop(analyzer):
    text = (
        "A student failed a test because her teacher believed Peru 'is not a country'\n\n"
        "A teacher at a college in Ohio failed one of her students because she thought Peru was a region of Brazil.\n"
    )
    sents, _ = labels_of(analyzer, text)
    assert sents[0][1] == "not_claim"
    long_title = (
        "Swiss bishop signs statement calling the cardinal’s reading of the new papal letter “alien” to the Catholic Faith\n\n"
        "News\n\nROME, February 2, 2018 — The auxiliary bishop of Chur today added his name to a profession of faith signed by three other bishops.\n"
    )
    sents, _ = labels_of(analyzer, long_title)
    assert sents[0][1] == "not_claim"


def test_a_deck_in_headline_style_after_the_headline_is_not_a_claim(analyzer):
    text = (
        "Senator visits the White House.\n\n"
        "Ames praises Obama after 45-minute meeting on policy and politics.\n\n"
        "With five days left until the caucuses, Senator Ruth Ames took a brief detour from the campaign trail on Wednesday "
        "to meet the president at the White House.\n\n"
        "Ames praises the plan.\n\n"
        "She said the meeting went well and that the two had discussed the economy at length over lunch.\n"
    )
    sents, _ = labels_of(analyzer, text)
    got = {t: label for t, label, _ in sents}
    assert got["Ames praises Obama after 45-minute meeting on policy and politics."] == "not_claim"
    # a short paragraph inside the story is judged as a sentence
    assert got["Ames praises the plan."] != "not_claim"


@pytest.mark.parametrize(
    "text, label",
    [
        # "underscore" with only a thing as its object is the author's emphasis
        ("The findings underscore the political risks for the party.", "unsourced"),
        ("The minister underscored that the plan was final.", "attributed"),
        # a court's ruling is on the public record, even with no judge named
        ("The man will stay in custody while the case proceeds, a federal judge ruled Monday.", "attributed"),
        ("The man will stay in custody while the case proceeds, a federal official said Monday.", "vague_source"),
    ],
)
def test_underscoring_a_thing_and_court_rulings(analyzer, text, label):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label


@pytest.mark.parametrize(
    "text, label",
    [
        # "accused the president of …" with the "of" hung on the object is still an accusation
        ("Republicans quickly accused the president of politicizing the tragedy.", "vague_source"),
        ("Senator Ann Cole quickly accused the president of politicizing the tragedy.", "attributed"),
        # but a plain object with no charge or characterisation is an act
        ("Republicans quickly accused the president.", "unsourced"),
    ],
)
def test_an_accusation_whose_charge_hangs_on_the_object(analyzer, text, label):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label


@pytest.mark.parametrize(
    "text, label",
    [
        # a comma before the verb that only closes an aside is no inverted attribution
        ("The mayor's news conference, a few miles north, offered a striking contrast with the rally.", "unsourced"),
        ("“We will win,” added Mayor Dan Smith.", "attributed"),
    ],
)
def test_a_comma_before_a_verb_with_an_object_is_no_inverted_attribution(analyzer, text, label):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label


@pytest.mark.parametrize(
    "text, label",
    [
        # a poll or study made by a named body names its source; one by unnamed people does not
        ("Union members favored the senator by 20 points, according to polling by the A.F.L.-C.I.O., even as others did not.", "attributed"),
        ("A report by a research team found that the union was split.", "vague_source"),
    ],
)
def test_a_document_by_a_named_body(analyzer, text, label):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label


def test_the_aide_to_a_named_person_points_back(analyzer):
    text = (
        "Bush aide\n\nKarl Hovey, who served President George W. Bush for eight years, spoke on Monday. "
        "“Trump has gone the other way,” said the former top aide to President George W. Bush."
    )
    sents, _ = labels_of(analyzer, text)
    assert sents[-1][1] == "attributed"


@pytest.mark.parametrize(
    "text, label",
    [
        # a hedge or "rumors" inside an aside does not credit the main claim
        ("As the rumors spread on Tuesday, the senator sought to convey that he was calm.", "attributed"),
        ("While the ad is expected to draw a large audience, it will air only once.", "unsourced"),
        # in the main clause it still does
        ("Rumors swirled that the senator would resign.", "vague_source"),
        ("The senator is expected to resign.", "vague_source"),
    ],
)
def test_a_hedge_in_an_aside_does_not_source_the_sentence(analyzer, text, label):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label


@pytest.mark.parametrize(
    "text, label",
    [
        # an unnamed someone who only will or would say it is the author's forecast
        ("Critics will say the plan is too costly.", "unsourced"),
        ("Next week, they will hold banners proclaiming: “Stop the deal!”", "unsourced"),
        ("Officials said they would argue that the plan is legal.", "vague_source"),
    ],
)
def test_an_unnamed_source_under_a_modal_is_a_forecast(analyzer, text, label):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label


@pytest.mark.parametrize(
    "text, label",
    [
        # polls nobody is named for
        ("Opinion polls see Le Pen making it to a run-off.", "vague_source"),
        # a named outlet relaying sources it does not name
        ("The Guardian said its sources had dated the final visit to March.", "vague_source"),
        ("The newspaper added that the visit was not logged and cited a source as saying he left.", "vague_source"),
        # criticism from nobody named
        ("He has faced criticism even from within his own party for his comments.", "vague_source"),
        ("The remarks drew sharp backlash.", "vague_source"),
        ("The plan came under fire from Senator Elizabeth Warren.", "unsourced"),
        ("The senator faced a tough race.", "unsourced"),
        # a body's own reports, sources of another kind, and records a reader can look up
        ("But FEC reports show that four groups have spent $1.1 million supporting him.", "attributed"),
        ("To protect its sources of intelligence, the agency kept the files secret.", "unsourced"),
        ("The men set up a company in 2007, according to a court filing.", "attributed"),
        # people nobody names: a bare quantifier, or what they know
        ("But few believe their relationship can ever be more than transactional.", "vague_source"),
        ("Many speculated that he might fail to turn out his supporters.", "vague_source"),
        ("People briefed on the reshuffling were adamant that his children would block a return.", "vague_source"),
    ],
)
def test_unnamed_polls_sources_and_critics_are_vague(analyzer, text, label):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label


def test_police_are_the_force_the_article_named(analyzer):
    text = (
        "Officers of the Westerville Division of Police were called on Saturday. "
        "According to police, a call came in as a hang-up. Police say his wife had asked for protection."
    )
    sents, _ = labels_of(analyzer, text)
    assert [s[1:] for s in sents[1:]] == [("attributed", "Westerville Division of Police")] * 2
    # a street is no police force, and a bare "Police said" opening a sentence is still unnamed
    sents, _ = labels_of(analyzer, "A man was hurt on Main Street. Police said he was shot.")
    assert sents[1][1:] == ("vague_source", "Police")


@pytest.mark.parametrize(
    "text",
    [
        "Donald Trump spoke on Monday. Trump made similar comments on Thursday on CNBC.",
        "Donald Trump spoke on Monday. Trump parroted these views during an interview.",
        "Columbia spoke on Monday. The university rebutted the accusation that its articles were misleading.",
        "Hillary Clinton spoke on Monday. In an early-October CBS News poll, she led Mr. Sanders 56 percent to 32 percent.",
    ],
)
def test_remarks_echoes_rebuttals_and_named_polls_are_attributed(analyzer, text):
    sents, _ = labels_of(analyzer, text)
    assert sents[-1][1] == "attributed"


def test_a_polls_further_figures_are_its_findings_until_the_author_speaks(analyzer):
    text = (
        "The vote was close. A YouGov poll of American voters has revealed that the President does not speak "
        "for most of his citizens.\n\n"
        "Less than a third agreed with the President, while 13 percent were unsure.\n\n"
        "Canada was the runner up, gaining just 16 percent of the vote. France was named by a paltry three percent. "
        "The special relationship is alive and well. Turnout rose 5 percent in 2016."
    )
    got, _ = labels_of(analyzer, text)
    assert [label for _, label, _ in got] == [
        "unsourced", "attributed", "attributed", "attributed", "attributed", "unsourced", "unsourced",
    ]
    assert got[2][2] == got[4][2] == "A YouGov poll of American voters"


@pytest.mark.parametrize(
    "text, label",
    [
        # the author judges the words false: a claim of the author's a journalist must check
        ("“I was totally against going into Iraq,” Trump said, repeating a false claim that he opposed the invasion.", "unsourced"),
        ("Trump falsely claimed that millions of people voted illegally.", "unsourced"),
        ("At a rally in Texas, Mr. Trump claimed without any evidence that the refugees were a threat.", "unsourced"),
        ("Trump said that vaccines cause autism, a claim that has been debunked.", "unsourced"),
        # the judgement is the speaker's own, or no judgement of the words at all
        ("Trump said the media had published a false claim about him.", "attributed"),
        ("Comey said there is no precedent for prosecuting a case without evidence of intent.", "attributed"),
    ],
)
def test_the_authors_verdict_on_what_was_said_is_the_authors_claim(analyzer, text, label):
    sents, _ = labels_of(analyzer, text)
    assert sents[0][1] == label


@pytest.mark.parametrize(
    "line, label",
    [
        ("PURCHASE, N.Y., April 1 (UPI) —", "not_claim"),  # a dateline with its state
        ("COLUMBIA, S.C. (AP) —", "not_claim"),
        ("This article has been updated with comments from the campaign.", "not_claim"),
        ("Arrest Information:", "not_claim"),  # a label line ending in a colon
        ("12:50 p.m.:", "not_claim"),
        ("According to Ritter:", "attributed"),  # credits the lines after it
    ],
)
def test_page_furniture_is_not_a_claim(analyzer, line, label):
    text = f"Police identify the suspect\n\nThe suspect was arrested on Monday.\n\n{line}\n\nHe had no record.\n"
    sents, _ = labels_of(analyzer, text)
    got = {s: lab for s, lab, _ in sents}
    assert got[line] == label


@pytest.mark.parametrize(
    "text, label, source",
    [
        # a named pollster's, outlet's or body's finding, its clause before or after the verb
        ("In contrast, Clinton has kept her support among black voters, Fox found.", "attributed", "Fox"),
        ("Gallup found that Clinton leads among women.", "attributed", "Gallup"),
        # a list dash glued to the name is no part of it
        ("-Lynn Vavreck finds that the vote was close.", "attributed", "Lynn Vavreck"),
        # finding a thing is an event, not a report
        ("The police found the body in a car.", "unsourced", None),
        # the news and who broke it, in the passive
        ("O’Malley’s move was first reported by MSNBC.", "attributed", "MSNBC"),
        # doubt cast on a claim is a public stance; questioning a person is an interview
        ("Senator Bernie Sanders questioned Mr. Trump's veracity.", "attributed", "Bernie Sanders"),
        ("Detectives questioned two witnesses.", "unsourced", None),
        # a whole people's doubt is the author's account of a mood (the first seed)
        ("Europeans are already questioning the US commitment to Ukraine.", "unsourced", None),
        # a characterisation whose "as …" the parser made a clause
        ("Barack Obama has described the dinner as Washington celebrating itself.", "attributed", "Barack Obama"),
        ("Mr. Trump could benefit from scenes that allow him to call for order, as he did recently.", "unsourced", None),
    ],
)
def test_findings_reports_in_the_passive_doubts_and_characterisations(analyzer, text, label, source):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1:] == (label, source)


def test_a_document_that_accused_goes_on_accusing_as_it(analyzer):
    text = (
        "The letter accuses one of the journalists, Susanne Rust, of ignoring information favorable to the company. "
        "It also accused another reporter of misrepresenting herself in interviews."
    )
    sents, _ = labels_of(analyzer, text)
    assert [s[1] for s in sents] == ["attributed", "attributed"]
    # but a bare "it is called …" credits nobody
    (sent,), _ = labels_of(analyzer, "It is called the Big Apple.")
    assert sent[1] == "unsourced"


def test_a_block_after_a_colon_far_from_the_verb_of_saying_is_the_speakers(analyzer):
    text = (
        "Student wins grade appeal\n\n"
        "In another email exchange, Ashley Arnold asserted that Australia is a country, linking to the "
        "\"About Australia\" section of the country's website:\n"
        "Australia is both a country and a continent.\n"
        "The professor later changed the grade."
    )
    sents, _ = labels_of(analyzer, text)
    assert [s[1:] for s in sents[1:]] == [
        ("attributed", "Ashley Arnold"), ("attributed", "Ashley Arnold"), ("unsourced", None)
    ]


@pytest.mark.parametrize(
    "text, label",
    [
        # a speech act summed up, with what it was about
        ("Polly Sheppard presented a message about healing and forgiveness.", "attributed"),
        ("Felicia Sanders made an impassioned call for love and racial unity on Wednesday.", "attributed"),
        # an event, not words: a speech with nothing said of it, a telephone call
        ("Obama gave a speech in Chicago on Tuesday.", "unsourced"),
        ("Senator Ann Cole made a call to her lawyer.", "unsourced"),
    ],
)
def test_a_speech_act_summed_up_with_its_subject(analyzer, text, label):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label


@pytest.mark.parametrize(
    "text, source",
    [
        # inverted after a comma, the parser lost the subject to the relative clause after the name
        (
            "He also had a voice in decisions about major American investments in Ukraine, said a former spokesman "
            "for Ukraine's Foreign Ministry, Oleg Voloshyn, who also ran as a candidate in the new bloc Mr. Manafort helped form.",
            "Oleg Voloshyn",
        ),
        # the parser made "who sits …" the verb's report and the name its subject
        (
            "Bernie Sanders spoke. Sanders, meanwhile, who sits at zero such endorsements, said that fact speaks volumes "
            "about which candidate is ready.",
            "Bernie Sanders",
        ),
    ],
)
def test_a_speaker_the_parser_lost_to_a_relative_clause(analyzer, text, source):
    sents, _ = labels_of(analyzer, text)
    assert sents[-1][1:] == ("attributed", source)


def test_a_dateline_line_with_an_abbreviated_state_is_not_a_claim(analyzer):
    text = "Pence Blames Media\n\nLA CROSSE, Wisc. — Gov. Mike Pence on Thursday blamed the media for the uproar."
    sents, _ = labels_of(analyzer, text)
    assert ("LA CROSSE, Wisc. —", "not_claim", None) in sents


def test_what_a_disease_claimed_or_a_name_it_was_given_credits_no_one(analyzer):
    text = (
        "So far, the plague has claimed 57 lives and infected more than 680 others. "
        "Historically dubbed the “black death” the bubonic plague has been responsible for several pandemics."
    )
    sents, result = labels_of(analyzer, text)
    assert [label for _, label, _ in sents] == ["unsourced", "unsourced"]
    assert not result.quotes


def test_declining_to_say_what_a_deal_holds_is_the_persons_act(analyzer):
    text = "Donald Trump spoke to AIPAC on Monday. Trump, however, declined to define what such a deal would include."
    sents, _ = labels_of(analyzer, text)
    assert sents[1][1:] == ("attributed", "Donald Trump")


@pytest.mark.parametrize(
    "text, label",
    [
        ("Alex Bastian told reporters the verdict “was not the one we were hoping for,” but the Steinle family "
         "could be forgiven for any reasonable doubts about the prosecution.", "unsourced"),
        ("Clayton County police said the man was armed, but no arrests have been made.", "unsourced"),
        # still the speaker's: a clause of the report, their own quote, a passive that credits no one
        ("Daniel Hamermesh predicted that base wages would fall, but that the higher overtime payments would "
         "offset any loss.", "attributed"),
        ("Mitch McConnell says that Americans want a leader, but instead Obama is giving them “lectures.”", "attributed"),
    ],
)
def test_a_claim_of_the_authors_after_but_makes_a_report_unsourced(analyzer, text, label):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label


@pytest.mark.parametrize(
    "text, label",
    [
        ("Vermont Sen. Bernie Sanders is pledging to take his campaign to the convention floor.", "attributed"),
        ("Mr. Trump vows not to take Carrier's calls until it agrees to change course.", "attributed"),
        ("Republican lawmakers have vowed to block the rule during the review period.", "vague_source"),
        # a promise only people and bodies make
        ("Looming retirements promise to swell Social Security costs.", "unsourced"),
    ],
)
def test_a_vow_or_a_pledge_to_act_is_said(analyzer, text, label):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label


def test_the_group_just_credited_is_still_identifiable(analyzer):
    text = (
        "According to Breitbart, 65 women from both the Republican and Democrat parties who have known Kavanaugh "
        "since high school defended his character "
        "and said he has always behaved “honorably.” The women also said that Kavanaugh has “stood out for his "
        "integrity.”"
    )
    sents, _ = labels_of(analyzer, text)
    assert [s[1] for s in sents] == ["attributed", "attributed"]
    assert sents[1][2] == sents[0][2]


def test_the_last_option_of_a_poll_widget_is_not_a_claim(analyzer):
    text = (
        "Migrants reached the border on Tuesday.\n"
        "Should Jim Acosta have gotten his press pass back?\n"
        "* Yes, he should have gotten it back.\n"
        "No, you can't act like a child and keep your pass.\n"
        "Maybe?\n"
        "I'm not sure if he should have.\n"
        "The caravan moved north on Saturday."
    )
    sents, _ = labels_of(analyzer, text)
    labels = dict((t, label) for t, label, _ in sents)
    assert labels["I'm not sure if he should have."] == "not_claim"
    assert labels["The caravan moved north on Saturday."] == "unsourced"


@pytest.mark.parametrize(
    "text, label",
    [
        ("Julian Assange hit Edward Snowden back by accusing him of pandering to Hillary Clinton.", "attributed"),
        ("Bernie Sanders responded by saying that the plan was dead.", "attributed"),
        # a deed done by some other means is the author's account
        ("The company reacted by firing the manager.", "unsourced"),
    ],
)
def test_saying_something_is_how_the_subject_acted(analyzer, text, label):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label


def test_a_named_bodys_records_at_the_end_of_a_sentence_credit_it(analyzer):
    # the parser takes 'records' for a verb and leaves 'show' with no subject
    text = "In all, the Tampa host committee raised $57million, Federal Election Commission records show."
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1:] == ("attributed", "Federal Election Commission")


@pytest.mark.parametrize(
    "text, label, source",
    [
        ("Emails obtained by WikiLeaks showed correspondence between Eric Schmidt and Hillary Clinton.", "attributed", "WikiLeaks"),
        ("The FEC filings show that Trump began increasing the rent at Trump Tower in May.", "attributed", "The FEC filings"),
        # papers nobody names the keeper of are an unnamed source
        ("Emails obtained by hackers showed correspondence between the two aides.", "vague_source", "Emails"),
    ],
)
def test_papers_speak_for_whoever_obtained_or_released_them(analyzer, text, label, source):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1:] == (label, source)


def test_a_style_sheet_left_in_scraped_text_is_not_a_claim(analyzer):
    text = (
        "The senator spoke on Monday.\n\n"
        ".image-wrap img {\n   width:100px;\n   -webkit-border-radius: 50px;\n   }\n"
        ".bio-text, .twitter-bio {\ntext-align: left;\nfont-family:Helvetica, Arial, sans-serif;\n}.\n"
        "@media screen and (max-width: 600px) {\nheight: 275px !important;\n}\n\n"
        "The bill passed the Senate on Tuesday."
    )
    sents, _ = labels_of(analyzer, text)
    labels = {t: label for t, label, _ in sents}
    assert labels["The bill passed the Senate on Tuesday."] == "unsourced"
    code = [(t, label) for t, label, _ in sents if not t.startswith("The ")]
    assert len(code) == 11 and all(label == "not_claim" for _, label in code), code
    # a line of prose with a colon and a semicolon is still read
    (sent,), _ = labels_of(analyzer, "update: the senator resigned on Friday after the vote;")
    assert sent[1] == "unsourced"


@pytest.mark.parametrize(
    "text, label",
    [
        ("Many fear that if they speak their mind, they will be marginalized.", "vague_source"),
        ("Some Democrats now worry that Hillary Clinton will have difficulty matching the surge.", "vague_source"),
        # a named person's fear is the author's reading of them, not their words
        ("Donald Trump fears that the plan will fail.", "unsourced"),
        ("Parents worry about their children.", "unsourced"),
    ],
)
def test_what_unnamed_people_fear_is_vaguely_sourced(analyzer, text, label):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label


def test_what_a_named_person_said_or_wrote_speaks_for_them(analyzer):
    text = "FBI Director James Comey spoke on Monday. His remarks indicated that the comments were not made in public posts."
    sents, _ = labels_of(analyzer, text)
    assert sents[1][1] == "attributed" and "James Comey" in sents[1][2]


def test_a_descriptor_of_someone_named_in_apposition_is_identifiable(analyzer):
    text = (
        "A British diplomat, Peter Westmacott, praised the president. "
        "The diplomat also mused about the 2016 race, saying the country is not in decline."
    )
    sents, _ = labels_of(analyzer, text)
    assert sents[1][1] == "attributed"
    # one introduced without a name stays anonymous
    sents, _ = labels_of(analyzer, "A witness said he saw the car. The witness also said the driver fled.")
    assert [s[1] for s in sents] == ["vague_source", "vague_source"]


@pytest.mark.parametrize(
    "text, label",
    [
        ("The senator's advisers were optimistic that he would perform strongly in the primaries.", "vague_source"),
        ("Even after the advertising campaign, some remained skeptical that he would follow through.", "vague_source"),
        ("It was widely reported that Mr. Trump paid $100 million for the jet.", "vague_source"),
        ("The treaty is widely seen as a failure.", "vague_source"),
        # a named person's confidence is the author's reading of them
        ("Bernie Sanders was confident that he would win.", "unsourced"),
        # a doubt the author reports credits no claim to anyone
        ("But not all his allies are convinced he’s the best champion of their interests.", "unsourced"),
    ],
)
def test_what_unnamed_people_hope_or_doubt_is_vaguely_sourced(analyzer, text, label):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label


def test_a_share_of_a_polls_respondents_is_the_polls_figure(analyzer):
    text = (
        "A new Quinnipiac poll found that 48 percent of voters back Clinton. "
        "Only six percent were confident that Congress would act."
    )
    sents, _ = labels_of(analyzer, text)
    assert sents[1][1:] == ("attributed", "A new Quinnipiac poll")


def test_calling_someone_something_is_a_characterisation_however_parsed(analyzer):
    text = (
        "Felicia Sanders spoke on Monday. Sanders called her fallen son her hero before explaining why she forgave Roof. "
        "Sanders called her brother, John, on Tuesday."
    )
    sents, _ = labels_of(analyzer, text)
    assert sents[1][1:] == ("attributed", "Felicia Sanders")
    assert sents[2][1] == "unsourced"  # a phone call, and a name in apposition


@pytest.mark.parametrize(
    "text, label",
    [
        # what someone did not say is the author's claim
        ("The professor did not acknowledge their error.", "unsourced"),
        ("The Caucus has yet to apologize for it.", "unsourced"),
        ("Cruz never apologized for the remarks.", "unsourced"),
        # a denied verb that still reports something: a clause, a quote
        ("Border Patrol has not confirmed whether this group is part of the caravan.", "attributed"),
        ("He never called the plan “a disaster.”", "attributed"),
        ("The professor acknowledged their error.", "attributed"),
    ],
)
def test_a_verb_of_saying_denied_reports_nothing(analyzer, text, label):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label


@pytest.mark.parametrize(
    "text, label",
    [
        # a verb of saying that names something held, won or done, not words said
        ("Hillary Clinton leads the polls. She boasts a roughly 45-point lead nationally.", "unsourced"),
        ("Bernie Sanders won in Michigan. Sanders had also claimed a victory in the New Hampshire primary.", "unsourced"),
        ("Bernie Sanders is conceding the race in Nevada.", "unsourced"),
        ("Mr. Trump officially claimed the nomination on Tuesday.", "unsourced"),
        ("John Kasich is campaigning in Massachusetts and Vermont, states that vote on March 1.", "unsourced"),
        ("Kim Jong Un met the president. Even Kim seemed to acknowledge the surreality of the day.", "unsourced"),
        # the same verbs with a claim in their reach still report it
        ("Hillary Clinton boasted that she would win the primary.", "attributed"),
        ("Obama claimed credit for the recovery.", "attributed"),
        ("Bernie Sanders conceded that the race was over.", "attributed"),
        ("The Pentagon confirmed the deaths of two soldiers.", "attributed"),
    ],
)
def test_a_deed_named_by_a_verb_of_saying_is_not_a_report(analyzer, text, label):
    sents, _ = labels_of(analyzer, text)
    assert sents[-1][1] == label


def test_to_a_named_person_is_their_view(analyzer):
    text = (
        "Arianna Gil runs a skate crew in New York. "
        "To Ms. Gil, skateboarding represents a cry of dissent against the city's gentrification. "
        "To Florida consultant Rick Wilson, the official party line is just plain silly. "
        "To the surprise of Rick Wilson, the line held. "
        "To date, the crew has 300 members."
    )
    sents, _ = labels_of(analyzer, text)
    assert sents[1][1:] == ("attributed", "Arianna Gil")
    assert sents[2][1:] == ("attributed", "Rick Wilson")
    assert sents[3][1] == "unsourced"
    assert sents[4][1] == "unsourced"


def test_administration_officials_name_no_office(analyzer):
    for text in (
        "Obama administration officials at the time assured lawmakers that no license was coming.",
        "A senior Obama administration official said the plan would fail.",
    ):
        (sent,), _ = labels_of(analyzer, text)
        assert sent[1] == "vague_source", text
    (sent,), _ = labels_of(analyzer, "A State Department official said the plan would fail.")
    assert sent[1] == "attributed"


def test_a_block_quote_runs_on_over_lines_where_each_sentence_has_its_own(analyzer):
    """PTC's texts: one sentence a line, no blank line between paragraphs. A block after "X
    reports:" goes on past its first line, over boilerplate, to the first line crediting someone
    else, the author's own exclamation, or four lines on."""
    body = [
        "The caravan reached the border on Tuesday.",
        "Fox 5 reports:",
        "People on the Mexican side of the border were seen climbing the fence.",
        "Several people scaled the fence and sat on top of it.",
        "Take our poll - story continues below",
        "A few jumped onto U.S. soil but quickly ran back as agents approached.",
        "So interesting!",
        "The agents had seen it all before.",
        "The caravan will test the new rules.",
        "Officials in Tijuana counted 2,000 people.",
    ]
    text = "Caravan Reaches the Border\n\n" + "\n".join(body) + "\n"
    sents, _ = labels_of(analyzer, text)
    got = {s: (label, source) for s, label, source in sents}
    fox = got["Fox 5 reports:"]
    assert fox[0] == "attributed" and fox[1].startswith("Fox")
    for line in body[2:4] + body[5:6]:
        assert got[line] == fox, line
    assert got["Take our poll - story continues below"][0] == "not_claim"
    assert got["The agents had seen it all before."][0] == "unsourced"
    # the same lines as paragraphs of an ordinary article: the block is its first paragraph only
    text = "Caravan Reaches the Border\n\n" + "\n\n".join(body) + "\n"
    sents, _ = labels_of(analyzer, text)
    got = {s: (label, source) for s, label, source in sents}
    assert got[body[2]] == fox
    assert got[body[3]][0] == "unsourced"


@pytest.mark.parametrize(
    "text",
    [
        "Most of them said they had loved working for Carrier.",
        "Many of them told reporters they had loved working for Carrier.",
        "Most of the workers said they had loved working for Carrier.",
    ],
)
def test_most_or_many_of_a_group_are_unnamed_people(analyzer, text):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == "vague_source"


@pytest.mark.parametrize(
    "text, label",
    [
        ("Paris police said three people were arrested.", "attributed"),
        ("Police in Paris said three people were arrested.", "attributed"),
        ("U.S. officials said the talks failed.", "vague_source"),
        ("Police said three people were arrested.", "vague_source"),
    ],
)
def test_a_place_names_its_police_force_but_no_office(analyzer, text, label):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1] == label


def test_a_headline_run_into_its_byline_is_not_a_claim(analyzer):
    text = (
        "Officers shot in Westerville\n\n"
        "Police identify suspect in death of 2 Ohio police officers by SARAH WYNN, WSYX/WTTE Saturday, "
        "February 10th 2018 COLUMBUS, Ohio (WSYX/WTTE)\n\n"
        "The Latest: Police identify suspect in 2 officers' shootings By The Associated Press WESTERVILLE, Ohio —\n\n"
        "The plan was backed by NATO ALLIES, NATO said.\n"
    )
    sents, _ = labels_of(analyzer, text)
    assert [label for _, label, _ in sents[1:3]] == ["not_claim", "not_claim"]
    assert sents[3][1] == "attributed"


def test_a_here_are_lead_in_is_not_a_claim(analyzer):
    text = "Charges filed\n\nHere are the eight accusations he faces:\n\nHe is accused of fraud. Here is why it matters."
    sents, _ = labels_of(analyzer, text)
    got = {s: label for s, label, _ in sents}
    assert got["Here are the eight accusations he faces:"] == "not_claim"
    assert got["He is accused of fraud."] != "not_claim"
    assert got["Here is why it matters."] != "not_claim"


def test_a_note_about_the_writer_closing_the_article_is_not_a_claim(analyzer):
    body = "Kington is a special correspondent who covered the rally. " + "Trump spoke in Ohio on Monday. " * 20
    text = "Rally in Ohio\n\n" + body + "\n\nPaul Joseph Watson is the editor at large of Infowars.com.\n"
    sents, _ = labels_of(analyzer, text)
    assert sents[-1][1] == "not_claim"
    # the same words inside the article are a claim
    assert all(label == "unsourced" for s, label, _ in sents if s.startswith("Kington"))


def test_a_title_word_before_a_bodys_word_is_part_of_its_name(analyzer):
    for text, source in (
        ("The Justice Department said the case was closed.", "Justice Department"),
        ("The Justice Ministry said the case was closed.", "Justice Ministry"),
        ("Secretary of State John Kerry said the case was closed.", "John Kerry"),
    ):
        (sent,), _ = labels_of(analyzer, text)
        assert sent[1:] == ("attributed", source), text


@pytest.mark.parametrize(
    "text, label",
    [
        # a capital that only opens a sentence or a headline does not make unnamed people a name
        ("Plague Is Spreading As Officials Worry\n\nOfficials warn that the infection will resist antibiotics.", "vague_source"),
        ("Records show Haig also owns an ammunition company.", "vague_source"),
        ("The Left maintains that the threat is not a problem.", "vague_source"),
        ("One of Carson's advisers said the retired neurosurgeon struggles with foreign policy.", "vague_source"),
        # a name is still a name there
        ("Bernie Sanders won. Sanders said the plan is dead.", "attributed"),
        ("Reuters reports the plan is dead.", "attributed"),
    ],
)
def test_unnamed_people_stay_unnamed_however_capitalised(analyzer, text, label):
    sents, _ = labels_of(analyzer, text)
    assert sents[-1][1] == label


@pytest.mark.parametrize(
    "text, label, source",
    [
        # a named outlet or person that only relays unnamed officials or sources (the guide's
        # "Politico writes about this with reference to sources")
        ("Officials said the bridge was unsafe, CNN reported.", "vague_source", "CNN"),
        ("CNN reported that officials believe the bridge was unsafe.", "vague_source", "CNN"),
        ("Reuters quoted officials as saying that the plan was dead.", "vague_source", "Reuters"),
        ("The Guardian cited two unidentified sources as saying Manafort met Assange.", "vague_source", "The Guardian"),
        ("The New York Times quoted one of Carson's advisers as saying the neurosurgeon struggles.",
         "vague_source", "New York Times"),
        # the words of a named person, as the paper quoted them
        ("The Times quoted Ben Carson as saying the plan was dead.", "attributed", "Ben Carson"),
        # what a named person says about polls or people is still their claim
        ("Marco Rubio says the latest polls showing him a distant second are wrong.", "attributed", "Marco Rubio"),
    ],
)
def test_a_named_source_relaying_unnamed_ones_is_vague(analyzer, text, label, source):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1:] == (label, source)


def test_a_name_closing_the_sentence_credits_it_though_tagged_a_noun(analyzer):
    text = ("Ed O'Keefe wrote about the endorsement. George P. Bush is now considered the family's next best hope, "
            "but he cannot advance without Cruz's support, O'Keefe notes.")
    sents, _ = labels_of(analyzer, text)
    assert sents[-1][1] == "attributed"
    assert "O'Keefe" in sents[-1][2]


@pytest.mark.parametrize(
    "first, source",
    [
        ("It did not take long for the Las Vegas police to release a timeline.", "Las Vegas police"),
        ("The Westerville Division of Police named the suspect, who shot two Westerville police officers.",
         "The Westerville Division of Police"),
        ("Local police arrived late.", None),
    ],
)
def test_bare_police_is_the_force_the_article_named(analyzer, first, source):
    sents, _ = labels_of(analyzer, first + " Police said officers reached the 32nd floor at 10:17 p.m.")
    assert sents[-1][1:] == (("attributed", source) if source else ("vague_source", "Police"))


@pytest.mark.parametrize(
    "text, label, source",
    [
        # the named maker of a study, data or report the source phrase stops before
        ("According to a 33-year-long study conducted by the National Home Education Research Institute in Oregon, "
         "religion is the top reason.", "attributed", "National Home Education Research Institute"),
        ("Casino revenue rose 3.5 percent, according to data released Friday by the New Jersey Division of Gaming "
         "Enforcement.", "attributed", "New Jersey Division of Gaming Enforcement"),
        ("A draft report obtained by the AP noted that the footage was lost.", "vague_source", "A draft report"),
        # a bare spokeswoman speaks for the body her sentence names
        ("The U.S. Attorney’s office is considering an appeal, a spokeswoman said.", "attributed",
         "U.S. Attorney’s office spokeswoman"),
        # researchers whose work a named journal published
        ("The object will spin for billions of years, scientists have reported in a study published in Nature "
         "Astronomy.", "attributed", "Nature Astronomy"),
        ("Scientists say the object will spin for billions of years.", "vague_source", "Scientists"),
        # reported by no one named
        ("As has been widely reported, three bishops in Kazakhstan issued a profession of faith on Dec. 31.",
         "vague_source", "As has been widely reported"),
    ],
)
def test_sources_named_around_the_source_phrase(analyzer, text, label, source):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1:] == (label, source)


def test_labels_and_lead_ins_in_the_authors_voice_are_not_claims(analyzer):
    text = ("The school board met on Monday.\n"
            "REMNANT COMMENT: We here at The Remnant are always eager to promote home-schooling.\n"
            "Our family is happy with it. There’s more:\n"
            "Parents are leaving the district.")
    sents, _ = labels_of(analyzer, text)
    got = {t: label for t, label, _ in sents}
    assert got["REMNANT COMMENT:"] == "not_claim"
    assert got["We here at The Remnant are always eager to promote home-schooling."] == "unsourced"
    assert got["There’s more:"] == "not_claim"


def test_unnamed_people_speaking_again_as_they_stay_unnamed(analyzer):
    text = ("Senior Mexican officials said the government had reshuffled its diplomats in the United States. "
            "The outreach, they said, raised new worries about anti-Mexican feeling.")
    sents, _ = labels_of(analyzer, text)
    assert [label for _, label, _ in sents] == ["vague_source", "vague_source"]


def test_a_parser_slip_does_not_hide_a_report(analyzer):
    # the parser makes "predicting" the subject of "occur"; it still has its own subject and auxiliary
    text = ("By combining data and observations from decades of Sun research, experts are predicting a "
            "Grand Solar Minimum will occur a few decades from now.")
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1:] == ("vague_source", "experts")
    # a clause that is the subject stays background: what Obama says is not reported here
    (sent,), _ = labels_of(analyzer, "At the Washington Post, what Obama says is now the baseline for truth.")
    assert sent[1] == "unsourced"



def test_list_numbers_credits_and_notes_on_the_piece_are_not_claims(analyzer):
    text = ("Here are three reasons the movement should worry.\n\n1.\n\nTrump keeps winning primaries.\n\n"
            "Editor’s Note: Paragraph breaks added for readability.\n\n"
            "Editor's Note: This is probably why reporters were barred from the press conference.\n\n"
            "More from the Washington Times:\n\n"
            "Associated Press writers Ken Ritter in Las Vegas and Anita Snow in Phoenix contributed to this report.\n\n"
            "Brett M. Decker is co-author of the upcoming book The Conservative Case for Trump.")
    sents, _ = labels_of(analyzer, text)
    got = {t: label for t, label, _ in sents}
    assert got["1."] == "not_claim"
    assert got["Trump keeps winning primaries."] == "unsourced"
    assert got["Editor’s Note: Paragraph breaks added for readability."] == "not_claim"
    # a note that makes a claim of its own is judged as any sentence
    assert got["Editor's Note: This is probably why reporters were barred from the press conference."] == "unsourced"
    assert got["More from the Washington Times:"] == "not_claim"
    assert got["Associated Press writers Ken Ritter in Las Vegas and Anita Snow in Phoenix contributed to this report."] == "not_claim"
    assert got["Brett M. Decker is co-author of the upcoming book The Conservative Case for Trump."] == "not_claim"



def test_a_wire_storys_reported_from_credit_is_not_a_claim(analyzer):
    text = ("Arizona officials released the records on Friday.\n\n"
            "Garcia Cano reported from Las Vegas.\n\nJulie Pace and Ken Thomas reported from Washington, D.C.\n\n"
            "Police reported from the scene that two men were shot.")
    sents, _ = labels_of(analyzer, text)
    got = {t: label for t, label, _ in sents}
    assert got["Garcia Cano reported from Las Vegas."] == "not_claim"
    assert got["Julie Pace and Ken Thomas reported from Washington, D.C."] == "not_claim"
    # reporting something from a place is still a report
    assert got["Police reported from the scene that two men were shot."] == "vague_source"


def test_according_to_a_copy_of_a_text_credits_the_text(analyzer):
    text = ("The fund is small. According to an archived version of the Eric Trump Foundation website from 2010, "
            "\"Title Sponsor\" was the highest level of sponsorship. The AP obtained the report on Monday. "
            "According to a copy of the report, the fund lost money. According to a copy of a memo, it lost more.")
    sents, _ = labels_of(analyzer, text)
    assert sents[1][1:] == ("attributed", "the Eric Trump Foundation website")
    assert sents[3][1:] == ("attributed", "the report")  # the report the article introduced
    assert sents[4][1:] == ("vague_source", "a memo")  # a memo no one can check

def test_who_in_capitals_is_the_world_health_organization(analyzer):
    sents, _ = labels_of(analyzer, "Ebola is back in Congo. WHO said Tuesday that it is scaling up its operations.")
    assert sents[-1][1:] == ("attributed", "WHO")


@pytest.mark.parametrize(
    "text, label",
    [
        # what a source points to, spells out or strikes at is its account
        ("Eric Trump spoke to the Post. In response, Trump cited several examples of help his charity had received.",
         "attributed"),
        ("SHTFPlan originally detailed the symptoms experienced by US diplomats in Cuba.", "attributed"),
        ("Juanita Broaddrick spoke out. Ms. Broaddrick has also lashed out at Sen. Dick Durbin.", "attributed"),
        ("Ben Carson met voters. He brushed off these concerns.", "attributed"),
        # not the phrase someone else cited, nor a hair brushed
        ("The phrase Grassley cited on Wednesday has appeared in various speeches.", "unsourced"),
        ("Juanita Broaddrick was late. She brushed her hair.", "unsourced"),
    ],
)
def test_citing_detailing_and_lashing_out_are_reports(analyzer, text, label):
    sents, _ = labels_of(analyzer, text)
    assert sents[-1][1] == label


def test_a_cited_phrase_is_not_made_a_quote_of_the_one_citing_it(analyzer):
    text = "The “wise Latina” phrase Grassley cited on Wednesday has appeared in speeches Sotomayor has given."
    assert not analyzer.analyze(text).quotes


@pytest.mark.parametrize(
    "text, label",
    [
        # the author's account of someone's talk, with nothing they said in it
        ("Trump says racist things.", "unsourced"),
        ("Lael Brainard joined the Fed in 2014, but she said almost nothing about monetary policy until 2015.", "unsourced"),
        # the author's verdict on what was said
        ("Bernie Sanders spoke on Sunday. He called him a liar for continuing to insist the debunked accounts of "
         "celebrations in New Jersey.", "unsourced"),
        # still reports
        ("Donald Trump says the plan is dead.", "attributed"),
    ],
)
def test_talk_without_content_or_with_the_authors_verdict_is_unsourced(analyzer, text, label):
    sents, _ = labels_of(analyzer, text)
    assert sents[-1][1] == label


@pytest.mark.parametrize(
    "text, label",
    [
        # words said, in the idiom of a fight
        ("Morton Blackwell endorsed Cruz. Blackwell also took a shot at likely Democratic nominee Hillary Clinton.",
         "attributed"),
        ("Marco Rubio spoke on Monday. His campaign manager, Alex Conant, struck a similar tune.", "attributed"),
        # the literal deeds
        ("The soldier took a shot at the target.", "unsourced"),
        ("The band struck a note.", "unsourced"),
    ],
)
def test_taking_a_shot_at_someone_is_a_report(analyzer, text, label):
    sents, _ = labels_of(analyzer, text)
    assert sents[-1][1] == label


@pytest.mark.parametrize(
    "text, label, source",
    [
        ("By the Associated Press's tally, he now has 739 delegates to Cruz's 465.", "attributed", "Associated Press"),
        ("By CNN’s count, 12 people died in the storm.", "attributed", "CNN"),
    ],
)
def test_a_named_bodys_count_credits_the_figure(analyzer, text, label, source):
    (sent,), _ = labels_of(analyzer, text)
    assert sent[1:] == (label, source)


def test_prosecutors_are_the_prosecution_the_article_names(analyzer):
    named = ("The hacker was sentenced on Thursday. \"The harm is incalculable,\" Assistant U.S. Attorney Maya D. Song "
             "wrote. Prosecutors said a stern sentence could deter others.")
    sents, _ = labels_of(analyzer, named)
    assert sents[-1][1:] == ("attributed", "Prosecutors")
    sents, _ = labels_of(analyzer, "The hacker was sentenced on Thursday. Prosecutors said a stern sentence could deter others.")
    assert sents[-1][1] == "vague_source"
