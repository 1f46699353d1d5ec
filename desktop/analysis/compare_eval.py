"""Accuracy of `compare()` on the five seeds against `tests/gold/compare.json` (printed by `make eval`).

Counting (pairwise, documented in the output):
- A member (file, start, end) *falls in* a gold member when both are in the same file and
  their character overlap is at least half of the shorter of the two spans (a predicted
  sentence holding a gold quote falls in it; sentence boundaries that differ a little do too).
- Every predicted group yields the pairs of its members from different articles. A pair is
  correct when both members fall in members of one and the same gold group.
- Every gold group yields its pairs of members from different articles. A gold pair is found
  when some predicted group has two members (of different articles) falling in the two gold
  members.
- precision = correct predicted pairs / predicted pairs; recall = found gold pairs / gold pairs.
Counted per type (predicted quote groups against gold quote groups, predicted claim groups
against gold claim groups) and overall (every predicted group against every gold group).
"""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

GOLD = Path(__file__).resolve().parents[2] / "tests" / "gold" / "compare.json"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"

Member = tuple[str, int, int]  # file name, start, end


def falls_in(a: Member, b: Member) -> bool:
    if a[0] != b[0]:
        return False
    overlap = min(a[2], b[2]) - max(a[1], b[1])
    return overlap > 0 and overlap >= 0.5 * min(a[2] - a[1], b[2] - b[1])


def _pairs(members: list[Member]) -> list[tuple[Member, Member]]:
    return [(a, b) for a, b in combinations(members, 2) if a[0] != b[0]]


def pair_scores(predicted: list[list[Member]], gold: list[list[Member]]) -> dict:
    """Pairwise precision and recall of predicted groups against gold groups (see module doc)."""
    pred_pairs = [p for g in predicted for p in _pairs(g)]
    correct = 0
    for a, b in pred_pairs:
        if any(any(falls_in(a, m) for m in g) and any(falls_in(b, m) for m in g) for g in gold):
            correct += 1
    gold_pairs = [p for g in gold for p in _pairs(g)]
    found = 0
    for ga, gb in gold_pairs:
        for g in predicted:
            if any(falls_in(p, ga) and falls_in(q, gb) for p, q in _pairs(g)) or any(
                falls_in(p, gb) and falls_in(q, ga) for p, q in _pairs(g)
            ):
                found += 1
                break
    return {
        "predicted_pairs": len(pred_pairs),
        "correct_pairs": correct,
        "gold_pairs": len(gold_pairs),
        "found_pairs": found,
        "precision": correct / len(pred_pairs) if pred_pairs else 0.0,
        "recall": found / len(gold_pairs) if gold_pairs else 0.0,
    }


def load_gold(path: Path = GOLD) -> dict[str, list[list[Member]]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, list[list[Member]]] = {"quote": [], "claim": []}
    for g in data["groups"]:
        out[g["type"]].append([(m["file"], m["start"], m["end"]) for m in g["members"]])
    return out


def predicted_groups(comparison, files: list[str]) -> dict[str, list[list[Member]]]:
    return {
        "quote": [[(files[m.article], m.start, m.end) for m in g.members] for g in comparison.shared_quotes],
        "claim": [[(files[m.article], m.start, m.end) for m in g.members] for g in comparison.shared_claims],
    }


def scores_for(comparison, files: list[str], gold: dict[str, list[list[Member]]]) -> dict[str, dict]:
    pred = predicted_groups(comparison, files)
    return {
        "quote": pair_scores(pred["quote"], gold["quote"]),
        "claim": pair_scores(pred["claim"], gold["claim"]),
        "all": pair_scores(pred["quote"] + pred["claim"], gold["quote"] + gold["claim"]),
    }


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate_compare(analyzer) -> str:
    """Analyse the seeds, compare them, and report pairwise precision/recall against the gold."""
    from desktop.analysis.compare import compare

    paths = sorted(SEEDS.glob("*.txt"))
    if not GOLD.exists() or not paths:
        return "compare: no gold (tests/gold/compare.json) or no seeds; nothing to evaluate"
    texts = [p.open(encoding="utf-8", newline="").read() for p in paths]
    analyses = list(analyzer.analyze_many(texts))
    files = [p.name for p in paths]
    comparison = compare(list(zip(files, analyses)))
    scores = scores_for(comparison, files, load_gold())
    lines = [
        "Compare (shared quotes and claims across the 5 seeds, tests/gold/compare.json)",
        "  pairwise: every two members of a group from different articles form a pair; a predicted",
        "  pair is correct when both members fall in (overlap >= half the shorter span) one gold group;",
        "  a gold pair is found when one predicted group covers both of its members.",
    ]
    for kind, title in (("quote", "shared quotes"), ("claim", "shared claims"), ("all", "all groups")):
        s = scores[kind]
        lines.append(
            f"  {title:<14} precision {s['precision']:.2f} ({s['correct_pairs']}/{s['predicted_pairs']})  "
            f"recall {s['recall']:.2f} ({s['found_pairs']}/{s['gold_pairs']})  F1 {_f1(s['precision'], s['recall']):.2f}"
        )
    lines.append(f"  groups found: {len(comparison.shared_quotes)} quote, {len(comparison.shared_claims)} claim")
    return "\n".join(lines)
