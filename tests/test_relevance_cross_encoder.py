"""The relevance cross-encoder: training is reproducible, save/load round-trips, only tensors ship."""

from __future__ import annotations

import json

import numpy as np
import pytest

from feedbackai.goals import pair_model, train_relevance
from feedbackai.goals.relevance_model import MODEL

pytestmark = pytest.mark.slow

TINY = [
    {"id": "T-1", "source": "t", "goal": "Cut average call handle time to 6 minutes by Q3",
     "objectives": ["Reduce cost to serve", "Launch the new brand"], "relevant": True, "serves": [0]},
    {"id": "T-2", "source": "t", "goal": "Win the regional sales award", "objectives": ["Lower customer churn"],
     "relevant": False, "serves": []},
    {"id": "G-1", "source": "goals", "goal": "Cycle count all A-class SKUs weekly",
     "objectives": ["Raise inventory record accuracy to 99%", "Open two new stores"], "relevant": True,
     "serves": None},
]


def _train(seed=0):
    return train_relevance.train_cross_encoder(TINY, epochs=1, seed=seed, rank=2, log=lambda *_: None)


def test_training_is_reproducible_and_the_saved_model_scores_the_same(tmp_path):
    import torch

    enc, tok, head, tensors = _train()
    _, _, _, again = _train()
    assert tensors.keys() == again.keys()
    assert all(np.array_equal(tensors[k].numpy(), again[k].numpy()) for k in tensors)
    _, _, _, other = _train(seed=1)
    assert any(not np.array_equal(tensors[k].numpy(), other[k].numpy()) for k in tensors)

    # one optimiser step barely moves the adapters: give them weight, so that a wrong merge
    # (orientation, scale, a layer skipped) shows in the scores
    gen = torch.Generator().manual_seed(7)
    with torch.no_grad():
        for _, m in train_relevance.adapter_modules(enc):
            m.B.copy_(torch.randn(m.B.shape, generator=gen) * 0.05)
        head.weight.copy_(torch.randn(head.weight.shape, generator=gen))
    tensors = train_relevance.export_tensors(enc, head)
    pairs = [(x["goal"], o) for x in TINY for o in x["objectives"]]
    expected = train_relevance.score_pairs(enc, tok, head, pairs)
    meta = {"lora": {"rank": 2, "scale": train_relevance.SCALE}}
    out = tmp_path / "relevance" / "9.9.9"
    train_relevance.save(tensors, out, meta)
    assert sorted(p.name for p in out.iterdir()) == ["adapter.safetensors", "metadata.json"]
    loaded = pair_model.PairModel(out, quantize=False).logits(pairs)
    assert np.allclose(loaded, expected, atol=1e-4)
    # without the adapters (B = 0) the same head gives clearly different scores
    bare = tmp_path / "relevance" / "0.0.1"
    train_relevance.save({k: (v * 0 if k.endswith(".B") else v) for k, v in tensors.items()}, bare, meta)
    assert np.abs(pair_model.PairModel(bare, quantize=False).logits(pairs) - expected).max() > 50 * 1e-4
    # the shipped int8 path stays close to the float model, relative to the spread of the scores
    q = pair_model.PairModel(out, quantize=True).logits(pairs)
    assert np.abs(q - expected).max() < 0.1 * max(np.ptp(expected), 1e-3) + 0.02


def test_load_refuses_a_file_with_missing_or_foreign_tensors(tmp_path):
    from safetensors.torch import load_file, save_file

    src = pair_model.latest_model_dir()
    tensors = load_file(str(src / "adapter.safetensors"))
    meta = json.loads((src / "metadata.json").read_text())
    for name, bad in (("missing", {k: v for k, v in tensors.items() if k != "head.bias"}),
                      ("foreign", {**tensors, "evil.payload": tensors["head.bias"].clone()})):
        out = tmp_path / name
        out.mkdir()
        save_file(bad, str(out / "adapter.safetensors"))
        (out / "metadata.json").write_text(json.dumps(meta))
        with pytest.raises(ValueError, match="tensors"):
            pair_model.PairModel(out)


def test_the_shipped_model_is_tensors_and_json_only():
    d = pair_model.latest_model_dir()
    assert d is not None, "models/relevance/<version>/ is missing"
    names = {p.name for p in d.iterdir()}
    assert names == {"adapter.safetensors", "metadata.json", "MODEL_CARD.md"}
    meta = json.loads((d / "metadata.json").read_text())
    assert MODEL["cross_encoder"] == {"version": d.name, "sha256": pair_model.adapter_sha256(d)}
    assert meta["int8_vs_float"]["same_side_of_0.5"] >= 0.97
    assert meta["lora"]["rank"] == train_relevance.RANK and meta["training"]["seed"] == 0
    assert set(meta["corpus_sha256"]) == ({"goals.jsonl"} | {f"relevance_{w}.jsonl" for w in train_relevance.PAIR_SETS}
                                          | {f"{w}.jsonl" for w in train_relevance.GOAL_SETS})
    assert "relevance_f.jsonl" not in meta["corpus_sha256"]     # evaluation only


def test_relevance_model_reads_the_cross_encoder_and_was_chosen_by_writer():
    assert MODEL["features"][-1] == "cross_encoder" and len(MODEL["coef"]) == len(MODEL["features"])
    by = MODEL["cv"]["by_writer"]
    assert set(by) == {"goals", *train_relevance.PAIR_SETS, *train_relevance.GOAL_SETS}
    maj = MODEL["cv"]["majority_by_writer"]
    # every other writer's pairs are read well above their majority class; the main corpus (75% relevant,
    # judged generously) is the hard one to reach from the others alone, and is in the final fit
    assert all(by[w] > maj[w] + 0.1 for w in train_relevance.PAIR_SETS)
    # reading the pair together beats the features alone, writer by writer on average
    assert MODEL["cv"]["accuracy_mean"] > MODEL["fallback"]["cv"]["accuracy_mean"] + 0.05


def test_evaluation_only_set_cannot_be_loaded_for_training():
    with pytest.raises(ValueError, match="evaluation only"):
        train_relevance.load_items(sets=("a", "f"))


def test_read_together_tells_a_trade_off_from_a_link():
    """Pairs written for this test (no text of them is in corpora/goals). 1.2.0 failed it (both read as
    served, 0.993 vs 0.997); 1.3.0 passes. Written with it and failing:
    "Bring goods-in to shelf time at the Leeds DC down to 3 hours" is read as serving "Send fewer wrong
    items to customers" (p 0.998) — near misses in the same team are the model's weak spot (README)."""
    pm = pair_model.default_pair_model()
    assert pm is not None
    trade = "Push pick rate on the ambient aisles from 100 to 150 lines an hour by spring"
    served, traded = pm.probabilities([(trade, "Ship more orders per labour hour across the network"),
                                       (trade, "Halve picking errors reported by stores")])
    assert served > traded


def test_without_the_cross_encoder_the_features_only_model_answers(monkeypatch):
    import feedbackai

    objs = ["Grow recurring revenue from mid-market customers", "Reduce customer support costs"]
    full = feedbackai.check_goal("Close 12 new mid-market subscription deals by Q2", objs, "2026-01-10")
    assert full.criteria["relevant"].details["model"] == "features + cross-encoder"
    assert "read together" in full.criteria["relevant"].explanation
    monkeypatch.setattr(pair_model, "default_pair_model", lambda: None)
    part = feedbackai.check_goal("Close 12 new mid-market subscription deals by Q2", objs, "2026-01-10")
    rel = part.criteria["relevant"]
    assert rel.details["model"] == "features only (cross-encoder missing)"
    assert len(rel.details["features"]) == len(MODEL["fallback"]["features"]) and rel.met
