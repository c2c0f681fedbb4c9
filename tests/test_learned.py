"""The learned sentence check: model format, switch, engine integration."""

import json

import numpy as np
import pytest

from feedbackai.checks import CheckConfig
from feedbackai.checks.learned import (FORMAT, CategoryHead, SentenceFlagModel, load_default, load_model, merge,
                                       save_model)
from feedbackai.scoring.heads import UntrustedModelError
from feedbackai.types import Flag

# A comment on looks that no word list matches (not in any training set), and a neutral sentence.
IMPLICIT = "She always turns up looking like she just rolled out of bed."
NEUTRAL = "She migrated the billing service to Postgres in March and cut query time by 40%."


def _tiny(tmp_path, dim=4):
    heads = {"bias.age": CategoryHead("bias.age", np.zeros(dim), np.ones(dim), np.arange(dim, dtype=float),
                                      np.array([0.5]), threshold=0.9, severity="medium")}
    save_model(tmp_path, heads, {"name": "flags", "version": "0.0.1", "input_dim": dim})
    return heads


def test_round_trip_without_pickle(tmp_path):
    heads = _tiny(tmp_path)
    m = load_model(tmp_path)
    h = m.heads["bias.age"]
    assert np.array_equal(h.coef, heads["bias.age"].coef) and h.threshold == 0.9 and h.severity == "medium"
    X = np.random.default_rng(0).normal(size=(3, 4))
    assert np.allclose(h.proba(X), heads["bias.age"].proba(X))
    with np.load(tmp_path / "heads.npz", allow_pickle=False) as z:  # plain float arrays only
        assert all(z[k].dtype.kind == "f" for k in z.files)


def test_refuses_untrusted_files(tmp_path):
    _tiny(tmp_path)
    np.savez(tmp_path / "heads.npz", **{"bias.age/mean": np.array([object()] * 4, dtype=object)})
    with pytest.raises(UntrustedModelError):
        load_model(tmp_path)
    _tiny(tmp_path)
    doc = json.loads((tmp_path / "model.json").read_text())
    doc["format"] = "pickle"
    (tmp_path / "model.json").write_text(json.dumps(doc))
    with pytest.raises(UntrustedModelError):
        load_model(tmp_path)
    _tiny(tmp_path)
    doc["format"] = FORMAT
    doc["input_dim"] = 5
    (tmp_path / "model.json").write_text(json.dumps(doc))
    with pytest.raises(UntrustedModelError):
        load_model(tmp_path)


def test_shipped_model_loads_and_is_documented():
    m = load_default()
    assert m is not None, "models/flags/ missing: run python -m feedbackai.train_flags"
    path = m.meta
    assert path["format"] == FORMAT and len(path["data_sha256"]) == 64
    from feedbackai.checks.learned import default_model_dir

    d = default_model_dir()
    meta = json.loads((d / "metadata.json").read_text())
    assert "cross_validated" in meta and (d / "MODEL_CARD.md").exists()
    assert not any(p.suffix in (".pkl", ".pickle", ".joblib") for p in d.iterdir())


def test_merge_sorts_and_deduplicates():
    a = Flag("bias.age", 10, 14, "abcd", "medium", "e", "s", "src", "lex")
    b = Flag("bias.age", 0, 4, "abcd", "medium", "e", "s", "src", "learned.flags")
    assert merge([a], [b, a]) == [b, a]


def test_switch_off_never_loads_the_encoder():
    from feedbackai.engine import Analyzer

    a = Analyzer(CheckConfig(learned=False), scorer="formula")
    assert a.checker.learned is None
    a.analyze("He is a bull in a china shop with the vendors.")
    assert a._encoder is None


def test_off_when_its_categories_are_disabled():
    from feedbackai.checks import Checker

    m = load_default()
    cats = [c for c, h in m.heads.items() if h.enabled]
    if not cats:
        pytest.skip("no head enabled")
    assert Checker(CheckConfig(learned=True, disabled=cats)).learned is None


@pytest.fixture(scope="module")
def learned_analyzer(analyzer):
    from feedbackai.engine import Analyzer

    return Analyzer(CheckConfig(learned=True), nlp=analyzer.nlp, encoder=analyzer.encoder)


@pytest.mark.slow
def test_fires_on_an_unseen_implicit_stereotype_and_not_on_a_neutral_sentence(learned_analyzer):
    r = learned_analyzer.analyze(IMPLICIT)
    model = [f for f in r.flags if f.check.startswith("learned.")]
    assert model, r.flags
    f = model[0]
    assert f.category == "bias.appearance" and f.severity in ("low", "medium")
    assert "(model, p=" in f.explanation and f.source and f.suggestion
    assert IMPLICIT[f.start:f.end] == f.text
    assert not [f for f in learned_analyzer.analyze(NEUTRAL).flags if f.check.startswith("learned.")]


@pytest.mark.slow
def test_analyze_equals_analyze_many_with_the_learned_check(learned_analyzer):
    texts = [IMPLICIT, NEUTRAL, "", "Great year, keep it up! She is a firecracker in meetings.",
             "Honestly he is a jobsworth. He closed 14 tickets.", "It must be in his blood, given where he grew up."]
    many = list(learned_analyzer.analyze_many(texts, batch_size=4))
    assert [learned_analyzer.analyze(t) for t in texts] == many


@pytest.mark.slow
def test_scores_do_not_change_with_the_learned_check(analyzer, learned_analyzer):
    from feedbackai.engine import Analyzer

    off = Analyzer(CheckConfig(learned=False), nlp=analyzer.nlp, encoder=analyzer.encoder)
    for t in (IMPLICIT, "Great year, keep it up!"):
        a, b = off.analyze(t), learned_analyzer.analyze(t)
        assert a.specificity == b.specificity and a.actionability == b.actionability
        assert set(a.flags) <= set(b.flags)
