"""Linear heads stored as plain arrays + JSON: nothing in a model file can run code.

A model directory holds ``model.json`` (format tag, feature names, cut points) and
``heads.npz`` (float arrays only, loaded with ``allow_pickle=False``). Loading checks the
format tag, every array's dtype and shape, and refuses anything else.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

import numpy as np

FORMAT = "feedbackai.linear-heads/1"
ARRAYS = ("classes", "mean", "scale", "coef", "intercept")


class UntrustedModelError(ValueError):
    """The model files are not in the expected, code-free format."""


@dataclass(frozen=True)
class LinearHead:
    """Standardise, then multinomial logistic regression over ordered levels (1, 2, 3)."""

    classes: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    cuts: tuple[float, float]

    def proba(self, X: np.ndarray) -> np.ndarray:
        z = (np.atleast_2d(X) - self.mean) / self.scale
        logits = z @ self.coef.T + self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return p / p.sum(axis=1, keepdims=True)

    def value(self, X: np.ndarray) -> np.ndarray:
        """0-100: 50 x (expected level - 1)."""
        e = self.proba(X) @ self.classes.astype(np.float64)
        return np.clip(50.0 * (e - 1.0), 0.0, 100.0)

    def contributions(self, x: np.ndarray) -> np.ndarray:
        """Per feature, its push towards the top level vs the bottom one (log-odds)."""
        z = (x - self.mean) / self.scale
        return (self.coef[-1] - self.coef[0]) * z

    @classmethod
    def from_sklearn(cls, scaler, clf, cuts=(33.3, 66.7)) -> "LinearHead":
        return cls(np.asarray(clf.classes_, dtype=np.float64), scaler.mean_.astype(np.float64),
                   scaler.scale_.astype(np.float64), clf.coef_.astype(np.float64),
                   clf.intercept_.astype(np.float64), tuple(float(c) for c in cuts))


def save_heads(path: str | Path, heads: Mapping[str, LinearHead], meta: dict) -> None:
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    arrays = {f"{name}/{a}": getattr(h, a) for name, h in heads.items() for a in ARRAYS}
    np.savez(path / "heads.npz", **arrays)
    doc = {"format": FORMAT, "heads": {name: {"cuts": list(h.cuts)} for name, h in heads.items()}, **meta}
    (path / "model.json").write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n")


def open_model(path: Path, fmt: str) -> tuple[dict, "np.lib.npyio.NpzFile"]:
    """``model.json`` and ``heads.npz`` of a model folder, refusing anything but the expected
    format and plain numeric arrays (no pickle, so loading cannot run code)."""
    try:
        doc = json.loads((path / "model.json").read_text())
    except (OSError, json.JSONDecodeError) as exc:
        raise UntrustedModelError(f"{path}: cannot read model.json: {exc}") from exc
    if doc.get("format") != fmt:
        raise UntrustedModelError(f"{path}: unknown model format {doc.get('format')!r}; expected {fmt}")
    try:
        npz = np.load(path / "heads.npz", allow_pickle=False)
    except ValueError as exc:  # object arrays need pickle: refused
        raise UntrustedModelError(f"{path}: heads.npz holds non-numeric data: {exc}") from exc
    return doc, npz


def load_heads(path: str | Path) -> tuple[dict[str, LinearHead], dict]:
    path = Path(path)
    doc, npz = open_model(path, FORMAT)
    heads: dict[str, LinearHead] = {}
    with npz:
        expected = {f"{name}/{a}" for name in doc["heads"] for a in ARRAYS}
        if set(npz.files) != expected:
            raise UntrustedModelError(f"{path}: heads.npz arrays {sorted(npz.files)} do not match model.json")
        for name, info in doc["heads"].items():
            try:
                arrs = {a: npz[f"{name}/{a}"] for a in ARRAYS}
            except ValueError as exc:
                raise UntrustedModelError(f"{path}: {name}: {exc}") from exc
            for a, v in arrs.items():
                if v.dtype.kind != "f":
                    raise UntrustedModelError(f"{path}: {name}/{a} is {v.dtype}, not a float array")
            k, d = arrs["coef"].shape
            if arrs["mean"].shape != (d,) or arrs["scale"].shape != (d,) or arrs["intercept"].shape != (k,) \
                    or arrs["classes"].shape != (k,):
                raise UntrustedModelError(f"{path}: {name}: inconsistent array shapes")
            cuts = tuple(float(c) for c in info["cuts"])
            heads[name] = LinearHead(cuts=cuts, **arrs)  # type: ignore[arg-type]
    return heads, doc
