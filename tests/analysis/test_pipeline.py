"""The pipeline loader: model choice, rule-only fallback, and the tokenizer guard."""

import spacy

from desktop.analysis.pipeline import GuardedTokenizer, NO_MODEL_WARNING, load_pipeline


def test_long_runs_without_spaces_become_single_characters_and_text_is_kept():
    nlp = spacy.blank("en")
    guarded = GuardedTokenizer(nlp.tokenizer)
    text = "He said: “" + "!" * 300 + " then it ended. Normal words, here.\n"
    doc = guarded(text)
    assert doc.text == text
    assert [t.text for t in doc][:3] == ["He", "said", ":"]
    assert sum(1 for t in doc if t.text == "!") == 300
    plain = nlp.tokenizer("then it ended. Normal words, here.\n")
    assert [t.text for t in doc][-len(plain):] == [t.text for t in plain]
    assert guarded("short text only").text == "short text only"


def test_unknown_model_falls_back_to_rule_only_with_a_warning(monkeypatch):
    pipeline = load_pipeline("no_such_model_xyz")
    assert pipeline.model is None
    assert pipeline.warnings and NO_MODEL_WARNING in pipeline.warnings[0]
    doc = pipeline.nlp("Officials said “we will not back down,” the minister said.\n\nIt was a catastrophic failure.")
    assert doc._.sl_sentences and doc._.sl_quotes is not None


def test_rule_only_json_says_model_null(monkeypatch):
    from desktop.analysis.analyzer import Analyzer

    analysis = Analyzer(model="no_such_model_xyz").analyze("The mayor said: “We will rebuild.”\n")
    data = analysis.to_dict()
    assert data["model"] is None and data["warnings"]
    assert any(s["kind"] == "quote" for s in data["spans"])
