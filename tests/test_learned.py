"""The learned sentence check: model format, switch, engine integration."""

import json

import numpy as np
import pytest

from feedbackai.checks import CheckConfig
from feedbackai.checks.learned import (FORMAT, SPAN_FORMAT, CategoryHead, SentenceFlagModel, SpanFlagModel, SpanHead,
                                       load_default, load_model, merge, save_model, save_span_model)
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
    assert path["format"] in (FORMAT, SPAN_FORMAT) and len(path["data_sha256"]) == 64
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


# ------------------------------------------------------------------ the span model (2.x)
def _tiny_span(tmp_path, d=6, hidden=3, cats=("bias.age", "vague.hedge")):
    rng = np.random.default_rng(1)
    arrays = {"mean": rng.normal(size=2 * d), "scale": rng.uniform(0.5, 2, size=2 * d),
              "w1": rng.normal(size=(2 * d, hidden)), "b1": rng.normal(size=hidden),
              "w2": rng.normal(size=(hidden, len(cats))), "b2": rng.normal(size=len(cats))}
    heads = {c: SpanHead(c, threshold=0.5, severity="low" if c.startswith("vague.") else "medium") for c in cats}
    save_span_model(tmp_path, heads, arrays, cats, {"name": "flags", "version": "0.0.1", "input_dim": 2 * d})
    return arrays


def test_span_model_round_trip_matches_the_training_arithmetic(tmp_path):
    from feedbackai.train_span_flags import predict

    arrays = _tiny_span(tmp_path)
    m = load_model(tmp_path)
    assert isinstance(m, SpanFlagModel) and m.token_level and m.categories == ("bias.age", "vague.hedge")
    rng = np.random.default_rng(2)
    states, emb = rng.normal(size=(5, 6)), rng.normal(size=6)
    ref = predict({k: np.asarray(v, dtype=np.float32) for k, v in arrays.items()},
                  np.hstack([states, np.tile(emb, (5, 1))]))
    assert np.allclose(m.token_fn(states, emb).astype(np.float32), ref, atol=2e-3)  # stored as float16
    assert m.token_fn(np.zeros((0, 6)), emb).shape == (0, 2)
    with np.load(tmp_path / "heads.npz", allow_pickle=False) as z:
        assert all(z[k].dtype.kind == "f" for k in z.files)


@pytest.mark.parametrize("breakage", ["object", "shape", "category", "format"])
def test_span_model_refuses_untrusted_files(tmp_path, breakage):
    arrays = _tiny_span(tmp_path)
    if breakage == "object":
        np.savez(tmp_path / "heads.npz", **{**arrays, "w1": np.array([object()] * 3, dtype=object)})
    elif breakage == "shape":
        np.savez(tmp_path / "heads.npz", **{**arrays, "w2": np.zeros((4, 2))})
    else:
        doc = json.loads((tmp_path / "model.json").read_text())
        if breakage == "category":
            doc["categories"] = ["bias.age", "os.system"]
        else:
            doc["format"] = SPAN_FORMAT.replace("token", "pickled")
        (tmp_path / "model.json").write_text(json.dumps(doc))
    with pytest.raises(UntrustedModelError):
        load_model(tmp_path)


def test_span_flags_cover_whole_words_and_skip_what_a_lexicon_flag_has(analyzer, tmp_path):
    _tiny_span(tmp_path)
    m = load_model(tmp_path)
    text = "Tom is overconfident, honestly."
    doc = analyzer.parse(text)
    sents = [s for s in doc.sents if s.text.strip()]
    # two word pieces inside "overconfident" (7-20) fire for age; nothing fires for hedges
    offsets = np.array([[0, 3], [4, 6], [7, 11], [11, 17], [17, 20], [20, 21], [22, 30], [30, 31]], dtype=np.int32)
    probs = np.zeros((8, 2), dtype=np.float16)
    probs[3:5, 0] = 0.9
    flags = m.flags(doc, sents, [(offsets, probs)], [], lambda c: True)
    assert [(f.category, f.text) for f in flags] == [("bias.age", "overconfident")]
    assert flags[0].check == "learned.flags" and "(model, p=0.90)" in flags[0].explanation and flags[0].suggestion
    lexicon = [Flag("bias.age", 7, 20, text[7:20], "medium", "e", "s", "src", "lex")]
    assert m.flags(doc, sents, [(offsets, probs)], lexicon, lambda c: True) == []
    assert m.flags(doc, sents, [(offsets, probs)], [], lambda c: c != "bias.age") == []


def test_span_training_is_reproducible():
    from feedbackai.train_span_flags import fit

    rng = np.random.default_rng(0)
    X = rng.normal(size=(300, 8)).astype(np.float16)
    Y = (rng.uniform(size=(300, 2)) < 0.2).astype(np.int8)
    mean, scale = X.astype(np.float32).mean(0), X.astype(np.float32).std(0) + 1e-6
    a, b = fit(X, Y, mean, scale, seed=3), fit(X, Y, mean, scale, seed=3)
    assert all(np.array_equal(a[k], b[k]) for k in a)
    c = fit(X, Y, mean, scale, seed=4)
    assert not np.array_equal(a["w1"], c["w1"])


@pytest.mark.slow
def test_span_model_flags_words_through_the_engine_and_honours_the_allow_list(analyzer):
    from feedbackai.engine import Analyzer

    m = load_default()
    if not getattr(m, "token_level", False):
        pytest.skip("the shipped learned check is a sentence model")
    on = Analyzer(CheckConfig(learned=True), nlp=analyzer.nlp, encoder=analyzer.encoder)
    flags = [f for f in on.analyze(IMPLICIT).flags if f.check == m.check_id]
    assert flags and all(f.category == "bias.appearance" for f in flags)
    f = flags[0]
    assert IMPLICIT[f.start:f.end] == f.text and len(f.text) < len(IMPLICIT) - 10  # words, not the sentence
    assert (f.start == 0 or not IMPLICIT[f.start - 1].isalnum()) and (f.end == len(IMPLICIT)
                                                                        or not IMPLICIT[f.end].isalnum())
    allowed = Analyzer(CheckConfig(learned=True, allow=[f.text]), nlp=analyzer.nlp, encoder=analyzer.encoder)
    assert not [g for g in allowed.analyze(IMPLICIT).flags if g.check == m.check_id and g.text == f.text]


@pytest.mark.slow
def test_span_model_gives_a_sentence_and_its_gender_flip_the_same_flags(analyzer):
    from feedbackai.counterfactual import flip

    for text in ("She is so bubbly and always smiling with the guests.",
                 "Tom is a bit of a drama queen when the rota changes, and his manager says he sulks."):
        fr = flip(text, analyzer)
        a = {(f.category, fr.map_offset(f.start), fr.map_offset(f.end)) for f in analyzer.analyze(text).flags
             if not fr.changed(f.start, f.end)}
        new = [(c.new_start, c.new_end) for c in fr.changes]
        b = {(f.category, f.start, f.end) for f in analyzer.analyze(fr.text).flags
             if not any(s < f.end and f.start < e for s, e in new)}
        assert a == b, (text, a ^ b)


@pytest.mark.slow
def test_span_training_data_labels_the_pieces_inside_gold_spans_and_the_recipe_runs(analyzer):
    import feedbackai.train_span_flags as ts
    from feedbackai.engine import Analyzer

    lex = Analyzer(CheckConfig(learned=False), nlp=analyzer.nlp, scorer="formula")
    d = ts.collect(lex, ["dev.jsonl"], log=lambda *_: None, limit=40)
    assert d.X.shape[0] == d.Y.shape[0] == d.comment.shape[0] and d.X.shape[1] == 768 and len(d.gold) == 40
    rows = [json.loads(x) for x in (ts.DEFAULT_ROOT / "flags" / "dev.jsonl").read_text().splitlines()[:40]]
    for k, r in enumerate(rows):  # a comment with a gold span of category c has a positive piece for c
        for c in {s["category"] for s in r.get("spans", [])} & set(ts.CATS):
            assert d.Y[d.comment == k, ts.CATS.index(c)].any(), (r["id"], c)
        if not r.get("spans"):
            assert not d.Y[d.comment == k].any()
    comments = np.arange(len(d.gold))
    probs = ts.oof(d, comments, seed=0, k=2)
    assert probs.shape == (40, len(ts.CATS)) and ((probs >= 0) & (probs <= 1)).all()
    thr = ts.choose_thresholds(d, probs, comments)
    sc = ts.score(d, probs, thr, comments)
    assert sc["lexicon+model"]["all"]["tp"] >= sc["lexicon"]["all"]["tp"]  # the model only adds
