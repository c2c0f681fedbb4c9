"""Training is reproducible, models round-trip exactly, and loading refuses untrusted files."""

import json

import numpy as np
import pytest

from feedbackai.engine import Analyzer
from feedbackai.scoring.heads import UntrustedModelError, load_heads, save_heads
from feedbackai.scoring.trained import TrainedScorer
from feedbackai.train import best_cuts, train

PROBES = ["Great job this year, keep it up!",
          "She cut the invoice backlog from 900 to 150 in six weeks. Next quarter, pair with Dana on the close.",
          "Could you try sharing the agenda a day ahead?"]


@pytest.fixture(scope="module")
def small_models(tmp_path_factory, analyzer):
    a = Analyzer(scorer="formula", nlp=analyzer.nlp, encoder=analyzer.encoder)
    d1 = train(out_root=tmp_path_factory.mktemp("m1"), version="0.0.1", limit=120, analyzer=a, write_card=False,
              c_grid=(0.01, 0.1))
    d2 = train(out_root=tmp_path_factory.mktemp("m2"), version="0.0.1", limit=120, analyzer=a, write_card=False,
              c_grid=(0.01, 0.1))
    return d1, d2


def test_training_is_reproducible(small_models, analyzer):
    d1, d2 = small_models
    h1, _ = load_heads(d1)
    h2, _ = load_heads(d2)
    for name in h1:
        assert np.array_equal(h1[name].coef, h2[name].coef) and h1[name].cuts == h2[name].cuts
    r1 = [r.to_dict() for r in Analyzer(scorer=TrainedScorer(d1), nlp=analyzer.nlp, encoder=analyzer.encoder).analyze_many(PROBES)]
    r2 = [r.to_dict() for r in Analyzer(scorer=TrainedScorer(d2), nlp=analyzer.nlp, encoder=analyzer.encoder).analyze_many(PROBES)]
    assert r1 == r2
    meta = json.loads((d1 / "metadata.json").read_text())
    assert meta["corpus_sha256"] and meta["library_versions"]["scikit-learn"] and meta["cross_validated"]


def test_save_load_round_trip_gives_identical_scores(small_models, tmp_path, analyzer):
    heads, meta = load_heads(small_models[0])
    meta = {k: v for k, v in meta.items() if k not in ("format", "heads")}
    save_heads(tmp_path, heads, meta)
    again, _ = load_heads(tmp_path)
    x = np.random.default_rng(0).normal(size=(5, heads["sentence.specificity"].coef.shape[1]))
    for name in heads:
        if heads[name].coef.shape[1] == x.shape[1]:
            assert np.array_equal(heads[name].value(x), again[name].value(x))


def test_load_refuses_untrusted_files(small_models, tmp_path):
    src = small_models[0]
    # 1. an object array (needs pickle to load) in heads.npz
    bad = tmp_path / "pickled"
    bad.mkdir()
    (bad / "model.json").write_text((src / "model.json").read_text())
    np.savez(bad / "heads.npz", **{"sentence.specificity/classes": np.array([object()], dtype=object)})
    with pytest.raises(UntrustedModelError):
        load_heads(bad)
    # 2. an unknown format tag
    odd = tmp_path / "odd"
    odd.mkdir()
    doc = json.loads((src / "model.json").read_text())
    doc["format"] = "sklearn-pickle"
    (odd / "model.json").write_text(json.dumps(doc))
    (odd / "heads.npz").write_bytes((src / "heads.npz").read_bytes())
    with pytest.raises(UntrustedModelError, match="format"):
        load_heads(odd)
    # 3. integer arrays where floats belong
    ints = tmp_path / "ints"
    heads, meta = load_heads(src)
    save_heads(ints, heads, {k: v for k, v in meta.items() if k not in ("format", "heads")})
    with np.load(ints / "heads.npz") as z:
        arrays = {k: z[k] for k in z.files}
    arrays["sentence.specificity/coef"] = arrays["sentence.specificity/coef"].astype(np.int64)
    np.savez(ints / "heads.npz", **arrays)
    with pytest.raises(UntrustedModelError, match="float"):
        load_heads(ints)


def test_no_pickle_in_shipped_model():
    from feedbackai.scoring.trained import latest_model_dir

    d = latest_model_dir()
    assert d is not None, "the trained scorer must ship in models/"
    heads, meta = load_heads(d)
    assert set(heads) == {"sentence.specificity", "sentence.actionability", "comment.specificity", "comment.actionability"}
    assert sorted(p.name for p in d.iterdir()) == ["MODEL_CARD.md", "heads.npz", "metadata.json", "model.json"]


def test_best_cuts_separate_levels():
    y = np.array([1] * 30 + [2] * 30 + [3] * 30)
    v = np.concatenate([np.linspace(0, 30, 30), np.linspace(40, 60, 30), np.linspace(75, 100, 30)])
    c1, c2 = best_cuts(v, y)
    assert 30 < c1 <= 40 and 60 < c2 <= 75


@pytest.mark.parametrize("text", [
    "Send the PM a one-page summary before each sprint review.",
    "Please pair with Dana on the next two on-call shifts.",
    "Could you try posting the standup notes in Slack by 10am?",
    "I'd like you to present the Q3 forecast at the March board meeting.",
    "Book the SQL course in the learning portal and finish it by June.",
])
def test_a_concrete_suggestion_is_at_least_medium_actionability(analyzer, text):
    r = analyzer.analyze(text)
    assert r.actionability.level in ("medium", "high"), r.actionability
    assert all(s.actionability.level in ("medium", "high") for s in r.sentences)


@pytest.mark.parametrize("text", [
    "I would definitely recommend this hotel to anyone visiting Rome.",   # the model alone says low
    "Keep the handover notes in the shared folder. Great year overall, well done.",
])
def test_the_suggestion_floor_lifts_the_comment_on_the_comment_scale(analyzer, text):
    """The floor is the 'medium' cut of the scale it is applied to: the sentence head's cut for a
    sentence, the comment head's for the comment (the two heads are cut at different values)."""
    r = analyzer.analyze(text)
    strong = [s for s in r.sentences if s.actionability.level != "low"]
    assert strong, r.sentences
    assert r.actionability.level in ("medium", "high"), r.actionability
    assert any("suggestion" in reason for reason in r.actionability.reasons), r.actionability.reasons


def test_a_hedged_suggestion_gets_no_floor(analyzer):
    r = analyzer.analyze("I guess maybe you could possibly think about the course at some point.")
    assert all("at least medium" not in reason for reason in r.actionability.reasons)


def test_scores_explain_themselves(analyzer):
    r = analyzer.analyze("Cut errors by 40% in the March close. Next quarter, pair with Dana on the audit.")
    assert r.specificity.method.startswith("trained")
    assert any("'" in reason for reason in r.specificity.reasons)
    assert r.specificity.evidence and r.actionability.evidence


def test_independent_writers_train_only_and_test_split_unchanged():
    from feedbackai.corpus import TRAIN_ONLY_FILES, corpus_files, load_comments, split_of

    names = [p.name for p in corpus_files()]
    assert all(n in names for n in TRAIN_ONLY_FILES)
    assert "indep_b.jsonl" not in names and "indep_e.jsonl" not in names   # the unseen writers are never trained on
    assert split_of("IA-0005") == split_of("IC-0010") == "train"
    test = load_comments(split="test")
    assert len(test) == 761 and not any(c.id.startswith(("IA-", "IB-", "IC-")) for c in test)


def test_shipped_scorers_name_the_files_train_reads_now():
    """`feedbackai train` rebuilds the shipped recipe: same corpus files, same corpus hash."""
    from feedbackai.corpus import corpus_files, corpus_hash
    from feedbackai.scoring.trained import latest_model_dir

    meta = json.loads((latest_model_dir() / "metadata.json").read_text(encoding="utf-8"))
    files = corpus_files()
    assert meta["corpus_files"] == [p.name for p in files]
    assert meta["corpus_sha256"] == corpus_hash(files)
