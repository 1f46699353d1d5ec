"""The emotive lexicons in `resources/emotive/`, read once and expanded to the word forms to match."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from desktop.resources import read_lines

# role -> (file, inflection, words for the `why` note)
ROLES: dict[str, tuple[str, str, str]] = {
    "adjective": ("adjectives.txt", "", "loaded word"),
    "noun": ("nouns.txt", "noun", "loaded word"),
    "verb": ("verbs.txt", "verb", "loaded word"),
    "adverb": ("adverbs.txt", "", "loaded word"),
    "name": ("name_calling.txt", "noun", "name-calling"),
    "absolute": ("absolutes.txt", "", "absolute used for effect"),
    "superlative": ("superlatives.txt", "", "superlative used for effect"),
    "intensifier": ("intensifiers.txt", "", "intensifier used for effect"),
    "weak": ("weak_intensifiers.txt", "", "intensifier used for effect"),
    "certainty": ("certainty.txt", "", "certainty asserted for effect"),
    "neutral": ("neutral.txt", "", "neutral term"),
}
# phrases.txt categories -> (role, words for the `why` note)
PHRASE_CATEGORIES: dict[str, tuple[str, str]] = {
    "loaded": ("phrase", "loaded phrase"),
    "exaggeration": ("phrase", "exaggeration"),
    "fear": ("fear", "appeal to fear"),
    "label": ("name", "loaded label"),
}
# When one word form is listed under several roles, the earlier role here wins.
PRIORITY = (
    "neutral", "fear", "phrase", "superlative", "name", "absolute", "certainty",
    "intensifier", "adverb", "adjective", "noun", "verb", "weak",
)

_VOWELS = set("aeiou")


@dataclass(frozen=True, slots=True)
class Entry:
    """One word form to match: its role, the lexicon entry it comes from, the why-note words."""

    role: str
    cue: str
    label: str


def _plural(word: str) -> str:
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    if len(word) > 2 and word.endswith("y") and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def _doubles(word: str) -> bool:
    """Short consonant-vowel-consonant verbs double their last letter: slam -> slammed."""
    return (
        len(word) <= 4
        and len(word) >= 3
        and word[-1] not in _VOWELS | set("wxy")
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    )


def _verb_forms(word: str) -> list[str]:
    forms = [_plural(word)]
    if word.endswith("e"):
        forms += [word + "d", word[:-1] + "ing"]
    elif len(word) > 2 and word.endswith("y") and word[-2] not in _VOWELS:
        forms += [word[:-1] + "ied", word + "ing"]
    elif _doubles(word):
        forms += [word + word[-1] + "ed", word + word[-1] + "ing"]
    else:
        forms += [word + "ed", word + "ing"]
    return forms


def _forms(entry: str, inflection: str) -> tuple[str, list[str]]:
    """(base, all forms) of a lexicon line such as `thief: thieves` or `smear`."""
    base, _, extra = entry.partition(":")
    base = base.strip().lower()
    forms = [base] + extra.lower().split()
    head, _, last = base.rpartition(" ")
    prefix = head + " " if head else ""
    if inflection == "noun":
        forms.append(prefix + _plural(last))
    elif inflection == "verb":
        first, _, rest = base.partition(" ")
        if rest:  # a phrasal verb inflects its verb: "ram through" -> "rammed through"
            forms += [f + " " + rest for f in _verb_forms(first)]
        else:
            forms += _verb_forms(base)
    return base, forms


@lru_cache(maxsize=4)
def load_lexicon(folder: str = "emotive") -> dict[str, Entry]:
    """Every lower-case word form to match -> its first `Entry` by PRIORITY."""
    return {form: entries[0] for form, entries in load_lexicon_entries(folder).items()}


@lru_cache(maxsize=4)
def load_lexicon_entries(folder: str = "emotive") -> dict[str, tuple[Entry, ...]]:
    """Every lower-case word form to match -> its entries, read from `resources/<folder>/`, in
    PRIORITY order ('pandering' is both a loaded noun and a form of the loaded verb 'pander')."""
    found: dict[str, list[Entry]] = {}
    for role, (filename, inflection, label) in ROLES.items():
        for line in read_lines(folder, filename):
            base, forms = _forms(line, inflection)
            for form in forms:
                found.setdefault(form, []).append(Entry(role, base, label))
    for line in read_lines(folder, "phrases.txt"):
        category, sep, phrase = line.partition("|")
        if not sep:
            raise ValueError(f"resources/{folder}/phrases.txt: expected 'category | phrase', got {line!r}")
        category = category.strip().lower()
        if category not in PHRASE_CATEGORIES:
            raise ValueError(f"resources/{folder}/phrases.txt: unknown category {category!r}")
        role, label = PHRASE_CATEGORIES[category]
        phrase = " ".join(phrase.lower().split())
        found.setdefault(phrase, []).append(Entry(role, phrase, label))
    rank = {role: i for i, role in enumerate(PRIORITY)}
    # duplicates dropped in reading order (not through a set, whose order changes from run to run),
    # so a phrase listed twice ('witch hunt') always gives the same reason
    return {form: tuple(sorted(dict.fromkeys(entries), key=lambda e: rank[e.role])) for form, entries in found.items()}


@lru_cache(maxsize=4)
def load_blame_verbs(folder: str = "emotive") -> frozenset[str]:
    return frozenset(w.lower() for w in read_lines(folder, "blame_verbs.txt"))


@lru_cache(maxsize=4)
def load_mention_cues(folder: str = "emotive") -> frozenset[str]:
    return frozenset(w.lower() for w in read_lines(folder, "mention_cues.txt"))


@lru_cache(maxsize=4)
def load_reporting_verbs(folder: str = "emotive") -> frozenset[str]:
    return frozenset(w.lower() for w in read_lines(folder, "reporting_verbs.txt"))
