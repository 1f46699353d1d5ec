"""compare(): speakers matched by name, quote groups with word diffs, claim groups with sourcing, only-here, stats."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from desktop.analysis.analyzer import build_profile
from desktop.analysis.compare import compare, is_named, resolve_speaker, same_speaker, speaker_clusters, word_diff
from desktop.analysis.compare_eval import GOLD, falls_in, load_gold, pair_scores
from desktop.analysis.model import Analysis, Readability, Span
from tests.conftest import SEEDS_DIR


def make(text: str, sentences: list[tuple[str, str, str | None]], quotes: list[tuple[str, str]] = (), grade=10.0) -> Analysis:
    """An Analysis of `text` with the given (sentence, label, source) and (quoted words, speaker)."""
    spans = []
    for sent, label, source in sentences:
        start = text.index(sent)
        spans.append(Span("sentence", start, start + len(sent), "test", label=label, source=source))
    for words, speaker in quotes:
        start = text.index(words)
        spans.append(Span("quote", start, start + len(words), "test", speaker=speaker, cue="said"))
    spans.sort(key=lambda s: (s.start, -s.end))
    return Analysis(text, tuple(spans), Readability(50.0, grade), build_profile(text, spans), None, "test")


PESKOV_A = "“In this case, we need to talk not about the likelihood, but about the inevitability of conflict.”"
PESKOV_B = "“In this case, we should not talk about probability, but about the inevitability of conflict.”"

TEXT_A = (
    "Troops in Ukraine\n"
    f"{PESKOV_A} said Kremlin spokesman Dmitry Peskov. "
    "German Chancellor Olaf Scholz said there will be no ground troops from European states or NATO in Ukraine. "
    "The weather in Paris was mild on Tuesday."
)
TEXT_B = (
    f"{PESKOV_B} Peskov said. "
    "Scholz ruled out ground troops from European states or NATO in Ukraine. "
    "Farmers protested in Brussels against new tariffs."
)
TEXT_C = "“We will never stop,” Peskov said. Sources say a summit is planned in Geneva next month."


@pytest.fixture()
def items():
    a = make(
        TEXT_A,
        [("Troops in Ukraine", "not_claim", None),
         (f"{PESKOV_A} said Kremlin spokesman Dmitry Peskov.", "attributed", "Dmitry Peskov"),
         ("German Chancellor Olaf Scholz said there will be no ground troops from European states or NATO in Ukraine.", "attributed", "Olaf Scholz"),
         ("The weather in Paris was mild on Tuesday.", "unsourced", None)],
        [(PESKOV_A, "Kremlin spokesman Dmitry Peskov")],
        grade=12.0,
    )
    b = make(
        TEXT_B,
        [(f"{PESKOV_B} Peskov said.", "attributed", "Peskov"),
         ("Scholz ruled out ground troops from European states or NATO in Ukraine.", "unsourced", None),
         ("Farmers protested in Brussels against new tariffs.", "unsourced", None)],
        [(PESKOV_B, "Peskov")],
    )
    c = make(
        TEXT_C,
        [("“We will never stop,” Peskov said.", "attributed", "Peskov"),
         ("Sources say a summit is planned in Geneva next month.", "vague_source", "Sources")],
        [("“We will never stop,”", "Dmitry Peskov")],
    )
    return [("a.txt", a), ("b.txt", b), ("c.txt", c)]


def test_speakers_are_matched_by_name():
    assert same_speaker("Peskov", "Dmitry Peskov")
    assert same_speaker("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov")
    assert same_speaker("Kremlin spokesman Dmitry Peskov", "Peskov")
    assert same_speaker("US President Joe Biden", "Biden")
    assert same_speaker("A NATO spokesman", "a NATO spokesman")
    assert not same_speaker("Dmitry Peskov", "Sergei Lavrov")
    assert not same_speaker("Joe Biden", "Hunter Biden")
    assert not same_speaker("A NATO spokesman", "Jens Stoltenberg")
    assert not same_speaker(None, "Peskov")
    # a lone given name joins the one full name that has it, never two different people
    assert speaker_clusters(["Dmitry Peskov", "Dmitry", "Peskov", "Sergei Lavrov"]) == [0, 0, 0, 3]
    assert speaker_clusters(["Dmitry Peskov", "Dmitry", "Dmitry Medvedev"]) == [0, 1, 2]
    assert is_named("The White House") and is_named("Dmitry Peskov")
    assert not is_named("A NATO spokesman") and not is_named("police") and not is_named("Forty-one percent of respondents")


def test_a_descriptor_speaker_is_resolved_by_the_name_its_article_gives():
    text = "Kremlin spokesman Dmitry Peskov spoke on Monday. Later the Kremlin spokesman added more."
    assert resolve_speaker("the Kremlin spokesman", text) == "Dmitry Peskov"
    assert resolve_speaker("The French President", text) == "The French President"  # no name given
    assert resolve_speaker("Peskov", text) == "Peskov"
    two = "French President Emmanuel Macron and, a decade ago, French President Francois Hollande."
    assert resolve_speaker("the French President", two) == "the French President", "ambiguous: left alone"

    quote = "“We will answer,”"
    a = make(f"{quote} said Dmitry Peskov.", [], [(quote, "Dmitry Peskov")])
    b = make(f"Kremlin spokesman Dmitry Peskov was asked. {quote} the Kremlin spokesman said.", [], [(quote, "the Kremlin spokesman")])
    (group,) = compare([("a", a), ("b", b)]).shared_quotes
    assert group.speaker == "Dmitry Peskov"
    assert group.members[1].speaker == "the Kremlin spokesman", "members keep the speaker as the article gives it"


def test_one_statement_in_two_translations_is_one_quote_group_with_a_word_diff(items):
    result = compare(items)
    assert len(result.shared_quotes) == 1
    group = result.shared_quotes[0]
    assert group.speaker == "Dmitry Peskov"
    assert [m.article for m in group.members] == [0, 1]
    a, b = group.members
    assert (a.start, a.end) == (TEXT_A.index(PESKOV_A), TEXT_A.index(PESKOV_A) + len(PESKOV_A))
    assert (b.start, b.end) == (0, len(PESKOV_B))
    assert a.label == "attributed" and a.speaker == "Kremlin spokesman Dmitry Peskov"
    assert [(op.op, op.text) for op in group.diffs[0].ops] == [
        ("equal", "“In this case, we"),
        ("delete", "need to"),
        ("insert", "should not"),
        ("equal", "talk"),
        ("delete", "not"),
        ("equal", "about"),
        ("delete", "the likelihood,"),
        ("insert", "probability,"),
        ("equal", "but about the inevitability of conflict.”"),
    ]
    # Peskov's other, unrelated quote is only in article c
    assert [(q.article, q.text) for q in result.only_here_quotes] == [(2, "“We will never stop,”")]


def test_one_event_in_two_wordings_is_a_claim_group_showing_who_sources_it(items):
    result = compare(items)
    assert len(result.shared_claims) == 1
    group = result.shared_claims[0]
    assert [(m.article, m.label, m.source) for m in group.members] == [(0, "attributed", "Olaf Scholz"), (1, "unsourced", None)]
    assert group.sourcing_differs
    for m in group.members:
        assert items[m.article][1].text[m.start : m.end] == m.text
    assert group.members[1].text == "Scholz ruled out ground troops from European states or NATO in Ukraine."


def test_only_here_lists_the_rest_and_never_headlines_or_shared_quotes(items):
    result = compare(items)
    only = {(c.article, c.text) for c in result.only_here_claims}
    assert only == {
        (0, "The weather in Paris was mild on Tuesday."),
        (1, "Farmers protested in Brussels against new tariffs."),
        (2, "“We will never stop,” Peskov said."),
        (2, "Sources say a summit is planned in Geneva next month."),
    }
    # the Peskov sentences are shown as the shared quote, not again as a claim
    assert all("inevitability" not in g.members[0].text for g in result.shared_claims)


def test_unrelated_articles_share_nothing():
    a = make("The central bank raised interest rates by half a point.", [("The central bank raised interest rates by half a point.", "unsourced", None)])
    b = make("A storm flooded the harbour of the old town overnight.", [("A storm flooded the harbour of the old town overnight.", "unsourced", None)])
    result = compare([("a", a), ("b", b)])
    assert result.shared_quotes == () and result.shared_claims == ()
    assert len(result.only_here_claims) == 2


def test_stats_rows_and_csv(items):
    result = compare(items)
    a, b, c = result.stats
    assert (a.label, a.sentences, a.quotes, a.named_speakers, a.grade) == ("a.txt", 4, 1, 1, 12.0)
    assert a.unsourced_share == pytest.approx(1 / 3)  # the headline is not a claim
    assert c.vague_share == pytest.approx(1 / 2)
    rows = list(csv.reader(io.StringIO(result.to_csv())))
    assert rows[0][0] == "Article" and "Share unsourced" in rows[0] and "Readability grade" in rows[0]
    assert [r[0] for r in rows[1:]] == ["a.txt", "b.txt", "c.txt"]
    assert rows[1][rows[0].index("Share unsourced")] == "0.333"


def test_named_speakers_merge_spellings_and_skip_descriptors():
    text = "“One,” Peskov said. “Two,” said Dmitry Peskov. “Three,” a NATO spokesman said. “Four,” said the French President."
    a = make(text, [], [("“One,”", "Peskov"), ("“Two,”", "Dmitry Peskov"), ("“Three,”", "A NATO spokesman"),
                        ("“Four,”", "the French President")])
    (row,) = compare([("a", a)]).stats
    assert row.quotes == 4 and row.named_speakers == 1


def test_to_dict_is_json_with_offsets(items):
    data = json.loads(json.dumps(compare(items).to_dict()))
    assert [a["label"] for a in data["articles"]] == ["a.txt", "b.txt", "c.txt"]
    member = data["shared_quotes"][0]["members"][1]
    assert {"article", "start", "end", "text", "label", "source", "speaker"} <= set(member)
    assert data["shared_quotes"][0]["diffs"][0]["ops"][0][0] in ("equal", "delete", "insert")
    assert data["shared_claims"][0]["sourcing_differs"] is True
    assert {"quotes", "claims"} == set(data["only_here"])


def test_word_diff_ignores_case_and_punctuation_but_keeps_the_wording():
    ops = word_diff("Nothing can be ruled out,", "But nothing can be ruled out")
    assert [(o.op, o.text) for o in ops] == [("insert", "But"), ("equal", "nothing can be ruled out")]


def test_a_group_never_holds_two_passages_of_one_article():
    text_a = "Macron said troops could be sent to Ukraine. Macron said troops could be sent to Ukraine soon."
    a = make(text_a, [("Macron said troops could be sent to Ukraine.", "attributed", "Macron"),
                      ("Macron said troops could be sent to Ukraine soon.", "attributed", "Macron")])
    b = make("Macron said troops could be sent to Ukraine.", [("Macron said troops could be sent to Ukraine.", "attributed", "Macron")])
    result = compare([("a", a), ("b", b)])
    assert len(result.shared_claims) == 1
    assert sorted(m.article for m in result.shared_claims[0].members) == [0, 1]


# ------------------------------------------------------------------ gold and evaluation


def test_gold_is_well_formed():
    data = json.loads(GOLD.read_text(encoding="utf-8"))
    assert len(data["groups"]) >= 10
    for group in data["groups"]:
        assert group["type"] in ("quote", "claim")
        assert len({m["file"] for m in group["members"]}) >= 2, group["topic"]
        for m in group["members"]:
            text = (SEEDS_DIR / m["file"]).open(encoding="utf-8", newline="").read()
            assert text[m["start"] : m["end"]] == m["text"]


def test_pairwise_scores_count_pairs_across_articles():
    gold = [[("x", 0, 10), ("y", 0, 10), ("z", 0, 10)]]
    assert falls_in(("x", 0, 12), ("x", 0, 10)) and not falls_in(("x", 8, 30), ("x", 0, 10))
    s = pair_scores([[("x", 0, 12), ("y", 2, 10)], [("z", 0, 10), ("w", 0, 5)]], gold)
    assert (s["predicted_pairs"], s["correct_pairs"], s["gold_pairs"], s["found_pairs"]) == (2, 1, 3, 1)
    assert s["precision"] == 0.5 and s["recall"] == pytest.approx(1 / 3)
    assert set(load_gold()) == {"quote", "claim"}


# ------------------------------------------------------------------ seeds (loose: the detectors are still changing)


@pytest.mark.slow
def test_seed_smoke(analyzer, seed_paths):
    texts = [p.open(encoding="utf-8", newline="").read() for p in seed_paths]
    analyses = list(analyzer.analyze_many(texts))
    result = compare([(p.name, a) for p, a in zip(seed_paths, analyses)])
    assert len(result.stats) == 5
    assert result.shared_claims, "the five seeds tell one story: some claims must be shared"
    for group in list(result.shared_claims) + list(result.shared_quotes):
        assert len({m.article for m in group.members}) == len(group.members) >= 2
        for m in group.members:
            assert texts[m.article][m.start : m.end] == m.text
    joined = " ".join(m.text for g in result.shared_claims for m in g.members)
    assert "Scholz" in joined or "Stoltenberg" in joined


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, timeout=300)


@pytest.mark.slow
def test_cli_json_and_a_missing_file(tmp_path):
    seeds = sorted(SEEDS_DIR.glob("*.txt"))
    result = run_cli("compare", "--json", str(seeds[2]), str(seeds[3]), str(tmp_path / "missing.txt"))
    assert result.returncode == 1, "a file that failed makes the exit status non-zero"
    assert b"Traceback" not in result.stderr and b"missing.txt" in result.stderr
    data = json.loads(result.stdout)
    assert [a["path"] for a in data["articles"]] == [str(seeds[2]), str(seeds[3])]
    assert data["errors"][0]["path"].endswith("missing.txt")
    texts = [s.open(encoding="utf-8", newline="").read() for s in seeds[2:4]]
    for group in data["shared_quotes"] + data["shared_claims"]:
        for m in group["members"]:
            assert texts[m["article"]][m["start"] : m["end"]] == m["text"]


def test_cli_needs_two_readable_articles(tmp_path):
    one = tmp_path / "one.txt"
    one.write_text("The minister resigned on Tuesday.\n", encoding="utf-8")
    result = run_cli("compare", str(one), str(tmp_path / "nope.txt"))
    assert result.returncode != 0
    err = result.stderr.decode()
    assert "at least two readable articles" in err and "Traceback" not in err
