"""Annotations follow their text when an article changes: insertions, deletions, reflowed whitespace; else orphans."""

from __future__ import annotations

from dataclasses import replace

from desktop.store.anchoring import make_anchor, reanchor

TEXT = (
    "The minister said the plan would fail. Critics said the plan would fail too. "
    "Protesters gathered outside the parliament on Tuesday, according to witnesses. "
    "Officials declined to comment on the figures."
)


def anchor_of(text, phrase, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return make_anchor(text, start, start + len(phrase))


def test_unchanged_position_is_kept():
    a = anchor_of(TEXT, "Protesters gathered")
    p = reanchor(TEXT + " Update: more.", a)
    assert p.method == "position" and p.anchor.start == a.start


def test_insertion_before_moves_the_annotation():
    a = anchor_of(TEXT, "Protesters gathered")
    new = "UPDATE, 5pm: this story has been corrected. " + TEXT
    p = reanchor(new, a)
    assert p.method == "unique"
    assert new[p.anchor.start : p.anchor.end] == "Protesters gathered"


def test_repeated_text_is_placed_by_its_context():
    a = anchor_of(TEXT, "the plan would fail", nth=1)  # the critics' one
    new = "Breaking. " + TEXT
    p = reanchor(new, a)
    assert p.method == "context"
    assert new[p.anchor.start - len("Critics said ") : p.anchor.start] == "Critics said "


def test_deletion_before_and_inside():
    a = anchor_of(TEXT, "Officials declined to comment on the figures")
    new = TEXT.replace("Critics said the plan would fail too. ", "").replace("to comment on", "to comment publicly on")
    p = reanchor(new, a)
    assert p.method == "fuzzy" and not p.orphan
    assert new[p.anchor.start : p.anchor.end] == "Officials declined to comment publicly on the figures"

    b = anchor_of(TEXT, "gathered outside the parliament on Tuesday")
    new = TEXT.replace(" the parliament", "")
    p = reanchor(new, b)
    assert p.method == "fuzzy"
    assert new[p.anchor.start : p.anchor.end] == "gathered outside on Tuesday"


def test_reflowed_whitespace_and_typography():
    a = anchor_of(TEXT, "Protesters gathered outside the parliament")
    new = TEXT.replace("gathered outside the", "gathered\n   outside  the")
    p = reanchor(new, a)
    assert p.method == "normalized"
    assert new[p.anchor.start : p.anchor.end] == "Protesters gathered\n   outside  the parliament"
    quoted = 'He said "it won\'t work" loudly.'
    b = anchor_of(quoted, '"it won\'t work"')
    curly = "He said \u201cit won\u2019t work\u201d loudly."
    p = reanchor(curly, b)
    assert curly[p.anchor.start : p.anchor.end] == "\u201cit won\u2019t work\u201d"


def test_text_that_is_gone_becomes_an_orphan_with_its_old_anchor():
    a = anchor_of(TEXT, "Officials declined to comment on the figures")
    new = TEXT.replace("Officials declined to comment on the figures.", "The ministry has not replied.")
    p = reanchor(new, a)
    assert p.orphan and p.anchor == a


def test_short_quote_found_through_its_context():
    a = anchor_of(TEXT, "Tuesday")
    new = TEXT.replace("Tuesday", "Tuesdy")  # typo fixed the other way round
    p = reanchor(new, a)
    assert not p.orphan and new[p.anchor.start : p.anchor.end] == "Tuesdy"


def test_anchor_keeps_its_prefix_and_suffix_fresh():
    a = anchor_of(TEXT, "Protesters")
    new = TEXT.replace("too. ", "too, they said. ")
    p = reanchor(new, replace(a))
    assert p.anchor.prefix == new[max(0, p.anchor.start - 32) : p.anchor.start]
    assert p.anchor.suffix == new[p.anchor.end : p.anchor.end + 32]


def test_long_highlight_with_an_edit_inside_keeps_both_ends():
    import random

    rng = random.Random(3)
    words = ["".join(rng.choice("abcdefghijklmnop") for _ in range(rng.randint(2, 9))) for _ in range(4000)]
    text = " ".join(words)
    a = make_anchor(text, 1000, 3000)
    inserted = " and, officials later added, a long clarification that was not in the first version"
    new = text[:1500] + inserted * 2 + text[1500:2500] + text[2600:]
    p = reanchor(new, a)
    assert p.method == "fuzzy"
    assert new[p.anchor.start : p.anchor.start + 40] == text[1000:1040]
    assert new[p.anchor.end - 40 : p.anchor.end] == text[2960:3000]


def test_a_similar_phrase_elsewhere_is_not_taken_for_a_deleted_one():
    a = anchor_of(TEXT, "Critics said the plan would fail too.")
    new = TEXT.replace("Critics said the plan would fail too. ", "")
    p = reanchor(new, a)  # "The minister said the plan would fail." is similar but in another place
    assert p.orphan
