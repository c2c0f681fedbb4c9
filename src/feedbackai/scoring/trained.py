"""Trained specificity and actionability scorers (sentence and comment heads).

Each sentence is scored from its embedding plus its evidence features; the comment is
scored from the pooled sentence embeddings, its own evidence features and its sentences'
scores, so a comment's score is explained by its sentences. Values are 50 x (expected
level - 1) and levels are cut where the labelled levels are best separated (cuts stored
with the model). Heads are trained by ``feedbackai train`` (see :mod:`feedbackai.train`).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Sequence

import numpy as np

from ..evidence import DESCRIBE
from ..types import Evidence, Flag, Score, level_for
from .features import FLAG_GROUPS, N_FEATURES, DocTokens, feature_names, pool, span_features
from .heads import LinearHead, UntrustedModelError, load_heads

MODEL_NAME = "scorers"
TARGETS = ("specificity", "actionability")
ABSENT = {
    "metric": "no number or measurable result", "date": "no date or time", "entity": "no named person or organisation",
    "project": "no named project or tool", "action": "no concrete action", "outcome": "no stated outcome or impact",
    "example": "no example", "imperative": "no instruction", "suggestion": "no suggestion",
    "question": "no action proposed", "next_step": "no next step", "timing": "no timing or deadline",
    "resource": "no resource or person to work with",
}
FLAG_TEXT = {"hedge": "hedged wording", "quantifier": "vague quantities", "absolute": "sweeping absolutes",
             "generic": "generic praise or criticism", "personality": "judges the person rather than the work"}


def models_root() -> Path:
    env = os.environ.get("FEEDBACKAI_MODELS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "models"


def _version_key(p: Path) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", p.name)) or (0,)


def latest_model_dir(name: str = MODEL_NAME, root: Path | None = None) -> Path | None:
    base = (root or models_root()) / name
    if not base.is_dir():
        return None
    dirs = [d for d in base.iterdir() if d.is_dir() and (d / "model.json").exists()]
    return max(dirs, key=_version_key) if dirs else None


def comment_stats(sent_values: np.ndarray) -> np.ndarray:
    """max / mean / min of the sentence values of both targets, scaled to 0-1."""
    if len(sent_values) == 0:
        return np.zeros(6, dtype=np.float32)
    v = sent_values / 100.0
    return np.concatenate([v.max(0), v.mean(0), v.min(0)]).astype(np.float32)


class TrainedScorer:
    needs_embeddings = True

    def __init__(self, model_dir: str | Path | None = None) -> None:
        path = Path(model_dir) if model_dir else latest_model_dir()
        if path is None:
            raise FileNotFoundError(f"no trained scorer under {models_root() / MODEL_NAME}; run `feedbackai train`")
        heads, meta = load_heads(path)
        need = {f"{lvl}.{t}" for lvl in ("sentence", "comment") for t in TARGETS}
        if set(heads) != need:
            raise UntrustedModelError(f"{path}: expected heads {sorted(need)}, found {sorted(heads)}")
        if meta.get("feature_names") != feature_names():
            raise UntrustedModelError(f"{path}: trained with other features; retrain with `feedbackai train`")
        self.heads: dict[str, LinearHead] = heads
        self.meta = meta
        self.path = path
        self.method = f"trained {meta.get('name', MODEL_NAME)} {meta.get('version', path.name)}"
        self.dim = int(meta["embedding_dim"])
        self.floor = float(meta.get("suggestion_floor", 0.0))

    # ------------------------------------------------------------------ features
    def sentence_matrix(self, doc, spans, evidence, flags, vecs: np.ndarray,
                        tokens: DocTokens | None = None) -> np.ndarray:
        tokens = tokens or DocTokens(doc)
        feats = [span_features(doc, a, b, evidence, flags, 1, tokens=tokens) for a, b in spans]
        f = np.vstack(feats) if feats else np.zeros((0, N_FEATURES), np.float32)
        return np.hstack([vecs.reshape(len(spans), self.dim), f])

    def comment_vector(self, doc, spans, evidence, flags, vecs: np.ndarray, sent_values: np.ndarray,
                       tokens: DocTokens | None = None) -> np.ndarray:
        tokens = tokens or DocTokens(doc)
        lengths = [b - a for a, b in spans]
        cvec = pool(vecs, lengths) if len(spans) else np.zeros(self.dim, np.float32)
        cf = span_features(doc, 0, len(tokens.text), evidence, flags, max(len(spans), 1), tokens=tokens)
        return np.concatenate([cvec, cf, comment_stats(sent_values)])

    # ------------------------------------------------------------------ scoring
    def score_doc(self, doc, sents, evidence: Sequence[Evidence], flags: Sequence[Flag], sent_vecs):
        spans = [(s.start_char, s.end_char) for s in sents]
        vecs = np.asarray(sent_vecs, dtype=np.float32).reshape(len(spans), self.dim)
        tokens = DocTokens(doc)   # read the Doc's tokens and text once
        text = tokens.text
        Xs = self.sentence_matrix(doc, spans, evidence, flags, vecs, tokens)
        sent_values = np.zeros((len(spans), 2))
        per_sentence = []
        for j, t in enumerate(TARGETS):
            if len(spans):
                sent_values[:, j] = self.heads[f"sentence.{t}"].value(Xs)
        suggestion = None   # the first sentence that makes a concrete, unhedged suggestion
        for i, (a, b) in enumerate(spans):
            ev = [e for e in evidence if a <= e.start < b]
            fl = [f for f in flags if a <= f.start < b]
            strong = self._suggests(ev, fl)
            if strong and suggestion is None:
                suggestion = text[a:b].strip()
            pair = []
            for j, t in enumerate(TARGETS):
                v = float(sent_values[i, j])
                cut = self.heads[f"sentence.{t}"].cuts[0]
                lifted = t == "actionability" and strong and v < cut
                sent_values[i, j] = v = max(v, cut) if lifted else v
                pair.append(self._score(f"sentence.{t}", t, v, Xs[i], ev, fl, text, None,
                                        text[a:b].strip() if lifted else None))
            per_sentence.append(tuple(pair))
        xc = self.comment_vector(doc, spans, evidence, flags, vecs, sent_values, tokens)
        out = []
        for j, t in enumerate(TARGETS):
            head = self.heads[f"comment.{t}"]
            v = float(head.value(xc)[0])
            floor_by = suggestion if t == "actionability" and v < head.cuts[0] else None
            if floor_by is not None:
                v = head.cuts[0]   # 'medium' on the comment head's own scale
            best = int(np.argmax(sent_values[:, j])) if len(spans) else None
            best_text = text[spans[best][0]:spans[best][1]].strip() if best is not None else None
            out.append(self._score(f"comment.{t}", t, v, xc, evidence, flags, text, best_text, floor_by))
        return out[0], out[1], per_sentence

    def _suggests(self, ev, fl) -> bool:
        """Does a sentence make a concrete, unhedged suggestion? Then its actionability, and the
        comment's, is at least 'medium' (each on its own head's scale: the heads are cut apart)."""
        if not self.floor:
            return False
        strong = any(e.target == "actionability" and e.kind in ("imperative", "suggestion", "question", "next_step")
                     and e.weight >= 1.0 for e in ev)
        return strong and not any(f.category == "vague.hedge" for f in fl)

    def _score(self, head_name, target, value, x, evidence, flags, text, best_sentence,
               floor_by: str | None = None) -> Score:
        head = self.heads[head_name]
        value = round(float(np.clip(value, 0.0, 100.0)), 1)
        ev = tuple(e for e in evidence if e.target == target)
        reasons = self._reasons(head, target, x, evidence, flags, best_sentence)
        if floor_by is not None:   # the value was lifted to 'medium' by this sentence
            reasons.insert(0, f"makes a concrete suggestion, so at least medium: '{floor_by[:80]}'")
        return Score(value=value, level=level_for(value, head.cuts), evidence=ev, reasons=tuple(reasons),
                     method=self.method)

    def _groups(self, level: str) -> tuple[list[str], np.ndarray]:
        """The reason groups of a head's inputs, in first-seen order, and each input's group."""
        cache = self.__dict__.setdefault("_group_cache", {})
        if level not in cache:
            keys: dict[str, int] = {}
            index = []
            for name in self.meta["input_names_" + level]:
                key = name.split(":")[0] if name.startswith(("emb", "len", "tok", "formula", "stats")) else ":".join(name.split(":")[:2])
                index.append(keys.setdefault(key, len(keys)))
            cache[level] = (list(keys), np.asarray(index, dtype=np.intp))
        return cache[level]

    def _reasons(self, head, target, x, evidence, flags, best_sentence, limit: int = 4) -> list[str]:
        level = "comment" if len(x) > self.dim + N_FEATURES else "sentence"
        keys, index = self._groups(level)
        contrib = head.contributions(x)
        # per group, the sum of its inputs' contributions, added in input order as before
        # (bincount adds the weights sequentially, so the sums are bit-identical)
        if len(index) == len(contrib):
            sums = np.bincount(index, weights=contrib, minlength=len(keys))
            groups: dict[str, float] = dict(zip(keys, sums.tolist()))
        else:  # names and inputs disagree: pair them up as far as they go
            groups = {}
            for k, c in zip(index.tolist(), contrib):
                groups[keys[k]] = groups.get(keys[k], 0.0) + float(c)
        best_ev: dict[str, Evidence] = {}
        for e in evidence:
            if e.kind not in best_ev or e.weight > best_ev[e.kind].weight:
                best_ev[e.kind] = e
        ranked = sorted(groups.items(), key=lambda kv: -abs(kv[1]))
        out: list[str] = []
        for key, c in ranked:
            if abs(c) < 0.15 or len(out) >= limit:
                continue
            sign = "+" if c > 0 else "-"
            if key.startswith("ev:"):
                kind = key.split(":")[1]
                if kind in best_ev and c > 0:
                    out.append(f"{DESCRIBE[kind]}: '{best_ev[kind].text}' (+)")
                elif kind not in best_ev and c < 0:
                    out.append(f"{ABSENT[kind]} (-)")
            elif key.startswith("flag:"):
                g = key.split(":")[1]
                hits = [f.text for f in flags if f.category in FLAG_GROUPS[g]]
                if hits and c < 0:
                    out.append(f"{FLAG_TEXT[g]}: '{hits[0]}' (-)")
            elif key == "emb":
                kind = "concrete" if target == "specificity" else "actionable"
                out.append(f"the wording reads as {'' if c > 0 else 'not '}{kind} ({sign})")
            elif key == "stats" and best_sentence and c > 0:
                out.append(f"its strongest sentence: '{best_sentence[:80]}' (+)")
            elif key == "len":
                out.append(f"{'length' if c > 0 else 'brevity'} ({sign})")
        return out
