"""Train the learned span check 2.x (:class:`feedbackai.checks.learned.SpanFlagModel`).

    python -m feedbackai.train_span_flags [--out models] [--version 2.0.0] [--seed 0]
    feedbackai train --flags ...

Data: the development sets ``train_flags.DEV_SETS`` (corpora/flags). Each comment is parsed as
the engine parses it; each non-blank sentence is encoded by the shipped int8 encoder, and every
word piece becomes one row: [its last-layer state, the sentence embedding], labelled per
category 1 when it overlaps a gold span of that category. ``UNREAD_DEV_SETS`` are never
trained on and only measured; ``heldout.jsonl`` is never read.

Model: standardise -> Linear(768, 256) -> ReLU -> Linear(256, 12) -> sigmoid, dropout 0.2 in
training, AdamW (lr 1e-3, weight decay 1e-2), 10 epochs of mini-batches of 512, fixed seed.
Thresholds, per category, on out-of-fold predictions (5 folds grouped by comment): a comment
gains the category when its highest word-piece probability reaches the threshold and no
lexicon flag of the category fired; the threshold on a fixed grid that adds the most correct
minus wrong comment labels with the additions at least ``MIN_PRECISION`` right (0.7 for the bias
heads, 0.6 for the vague ones). A head with no
such gain is off. The reported cross-validated figures are nested (each outer fold chooses its
thresholds by an inner grouped cross-validation on its own training comments only).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from pathlib import Path
from typing import Sequence

import numpy as np

from .checks.learned import MODEL_NAME, SpanHead, load_span_model, save_span_model
from .corpus import DEFAULT_ROOT
from .train_flags import DEV_SETS, UNREAD_DEV_SETS, _nth
from .types import CATEGORIES

CATS = tuple(c for c in CATEGORIES if c.startswith(("bias.", "vague.")))
SEVERITY = {c: ("low" if c.startswith("vague.") else "medium") for c in CATS}
HIDDEN = 256
EPOCHS = 10
BATCH = 512
DROPOUT = 0.2
LR = 1e-3
WEIGHT_DECAY = 1e-2
N_FOLDS = 5
GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
# how often a head's own additions (comment level) must be right when its threshold is chosen: a false
# bias flag costs a manager's trust more than a false vague one (at 0.6 for both, the bias heads tied alex
# on write-good's fixtures and tripled the bias flags on proselint's should-pass examples)
MIN_PRECISION = {"medium": 0.7, "low": 0.6}
MIN_DEFAULT_GAIN = 0.005


class Data:
    """Word-piece rows of a list of flag sets."""

    def __init__(self, X, Y, comment, gold, lex, names, ids) -> None:
        self.X, self.Y, self.comment = X, Y, comment     # (n, 768) float16, (n, C) int8, (n,) int
        self.gold, self.lex = gold, lex                   # per comment: sets of categories
        self.names, self.ids = names, ids                 # per comment: set name, comment id


def collect(analyzer, names: Sequence[str], root: Path | None = None, log=print, limit: int | None = None) -> Data:
    """Rows for the sets ``names`` (the first ``limit`` comments of each, or all); ``analyzer`` runs
    with the learned check off (lexicon flags)."""
    from .encoder import Encoder

    root = root or DEFAULT_ROOT
    enc = Encoder(cache_size=0)

    def feats(states, emb):  # (b, n, d) token states and (b, d) embeddings, torch tensors
        s, e = states.numpy(), emb.numpy()
        return np.concatenate([s, np.broadcast_to(e[:, None, :], s.shape)], axis=-1).astype(np.float16)

    X, Y, com, gold, lex, sets, ids = [], [], [], [], [], [], []
    for name in names:
        rows = [json.loads(line) for line in (root / "flags" / name).read_text(encoding="utf-8").splitlines()
                if line.strip()][:limit]
        reports = list(analyzer.analyze_many([r["text"] for r in rows]))
        for r, rep in zip(rows, reports):
            text = r["text"]
            spans = []
            for sp in r.get("spans", []):
                if sp["category"] in CATS:
                    a = _nth(text, sp["text"], sp.get("occurrence", 0))
                    if a >= 0:
                        spans.append((CATS.index(sp["category"]), a, a + len(sp["text"])))
            k = len(gold)
            gold.append({c for c in r.get("categories", []) if c in CATS})
            lex.append({f.category for f in rep.flags if f.category in CATS})
            sets.append(name)
            ids.append(r.get("id", ""))
            doc = analyzer.parse(text)
            sents = [s for s in doc.sents if s.text.strip()]
            if not sents:
                continue
            _, toks = enc.encode([s.text.strip() for s in sents], token_fn=feats)
            for s, (offsets, f) in zip(sents, toks):
                base = s.start_char + (len(s.text) - len(s.text.lstrip()))
                y = np.zeros((len(offsets), len(CATS)), dtype=np.int8)
                for j, (a, b) in enumerate(offsets):
                    for c, ga, gb in spans:
                        if ga < base + b and base + a < gb:
                            y[j, c] = 1
                X.append(f)
                Y.append(y)
                com.append(np.full(len(offsets), k, dtype=np.int32))
        log(f"  {name}: {len(rows)} comments")
    return Data(np.vstack(X), np.vstack(Y), np.concatenate(com), gold, lex, sets, ids)


# ------------------------------------------------------------------ model
def fit(X: np.ndarray, Y: np.ndarray, mean: np.ndarray, scale: np.ndarray, seed: int) -> dict:
    import torch

    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    net = torch.nn.Sequential(torch.nn.Dropout(DROPOUT), torch.nn.Linear(X.shape[1], HIDDEN), torch.nn.ReLU(),
                              torch.nn.Dropout(DROPOUT), torch.nn.Linear(HIDDEN, Y.shape[1]))
    opt = torch.optim.AdamW(net.parameters(), lr=LR, weight_decay=WEIGHT_DECAY)
    loss = torch.nn.BCEWithLogitsLoss()
    xt = torch.from_numpy(((X.astype(np.float32) - mean) / scale).astype(np.float32))
    yt = torch.from_numpy(Y.astype(np.float32))
    for _ in range(EPOCHS):
        net.train()
        perm = torch.randperm(len(xt), generator=g)
        for b in range(0, len(xt), BATCH):
            j = perm[b:b + BATCH]
            opt.zero_grad()
            loss(net(xt[j]), yt[j]).backward()
            opt.step()
    w = {k: v.detach().numpy().astype(np.float32) for k, v in net.state_dict().items()}
    return {"mean": mean.astype(np.float32), "scale": scale.astype(np.float32), "w1": w["1.weight"].T.copy(),
            "b1": w["1.bias"], "w2": w["4.weight"].T.copy(), "b2": w["4.bias"]}


def predict(arrays: dict, X: np.ndarray) -> np.ndarray:
    z = (X.astype(np.float32) - arrays["mean"]) / arrays["scale"]
    h = np.maximum(z @ arrays["w1"] + arrays["b1"], 0.0)
    return 1.0 / (1.0 + np.exp(-np.clip(h @ arrays["w2"] + arrays["b2"], -40, 40)))


def comment_max(P: np.ndarray, comment: np.ndarray, n: int) -> np.ndarray:
    out = np.zeros((n, P.shape[1]), dtype=np.float32)
    np.maximum.at(out, comment, P)
    return out


def _standardiser(X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    x = X.astype(np.float32)
    return x.mean(0), x.std(0) + 1e-6


def _folds(comments: np.ndarray, k: int, seed: int) -> np.ndarray:
    return np.random.RandomState(seed).randint(0, k, len(comments))


def oof(d: Data, comments: np.ndarray, seed: int, k: int = N_FOLDS) -> np.ndarray:
    """Out-of-fold comment x category max probabilities for ``comments`` (indices into d)."""
    fold = dict(zip(comments.tolist(), _folds(comments, k, seed).tolist()))
    rows = np.flatnonzero(np.isin(d.comment, comments))
    rf = np.array([fold[c] for c in d.comment[rows]])
    out = np.zeros((len(d.gold), len(CATS)), dtype=np.float32)
    for f in range(k):
        tr, te = rows[rf != f], rows[rf == f]
        mean, scale = _standardiser(d.X[tr])
        a = fit(d.X[tr], d.Y[tr], mean, scale, seed)
        out = np.maximum(out, comment_max(predict(a, d.X[te]), d.comment[te], len(d.gold)))
    return out


def _min_precision(category: str) -> float:
    m = MIN_PRECISION
    return float(m[SEVERITY[category]]) if isinstance(m, dict) else float(m)


def choose_thresholds(d: Data, probs: np.ndarray, comments: np.ndarray) -> dict:
    out = {}
    for j, c in enumerate(CATS):
        best = (0, None)
        for t in GRID:
            tp = fp = 0
            for i in comments:
                if c not in d.lex[i] and probs[i, j] >= t:
                    tp += c in d.gold[i]
                    fp += c not in d.gold[i]
            if tp + fp and tp / (tp + fp) >= _min_precision(c) and tp - fp > best[0]:
                best = (tp - fp, t)
        out[c] = best[1]
    return out


def score(d: Data, probs: np.ndarray | None, thr: dict, comments) -> dict:
    """Comment-level P/R/F1 of the lexicon alone and with the model, overall and per category."""
    res = {}
    for name in ("lexicon", "lexicon+model"):
        per = {c: [0, 0, 0] for c in CATS}
        for i in comments:
            pred = set(d.lex[i])
            if name != "lexicon" and probs is not None:
                pred |= {c for j, c in enumerate(CATS) if thr.get(c) is not None and probs[i, j] >= thr[c]}
            for c in CATS:
                g, p = c in d.gold[i], c in pred
                per[c][0] += g and p
                per[c][1] += p and not g
                per[c][2] += g and not p
        tot = np.sum(list(per.values()), axis=0).tolist()
        res[name] = {"all": _prf(*tot), **{c: _prf(*v) for c, v in per.items()}}
    return res


def _prf(tp, fp, fn) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"tp": int(tp), "fp": int(fp), "fn": int(fn), "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def nested(d: Data, comments: np.ndarray, seed: int, k: int = N_FOLDS) -> dict:
    """Nested grouped CV: each outer fold's thresholds come from its own training comments."""
    fold = _folds(comments, k, seed)
    probs = np.zeros((len(d.gold), len(CATS)), dtype=np.float32)
    thr_of = {}
    for f in range(k):
        tr_c, te_c = comments[fold != f], comments[fold == f]
        inner = oof(d, tr_c, seed + 1, k - 1)
        thr = choose_thresholds(d, inner, tr_c)
        rows = np.flatnonzero(np.isin(d.comment, tr_c))
        te_rows = np.flatnonzero(np.isin(d.comment, te_c))
        mean, scale = _standardiser(d.X[rows])
        a = fit(d.X[rows], d.Y[rows], mean, scale, seed)
        p = comment_max(predict(a, d.X[te_rows]), d.comment[te_rows], len(d.gold))
        # apply the fold's own thresholds: shift so that the common cut is 0.5
        for j, c in enumerate(CATS):
            probs[te_c, j] = (p[te_c, j] - thr[c] + 0.5) if thr[c] is not None else -1.0
        thr_of[f] = thr
    return {"score": score(d, probs, {c: 0.5 for c in CATS}, comments), "fold_thresholds": thr_of}


# ------------------------------------------------------------------ training
def train(out_root: Path | None = None, version: str = "2.0.0", seed: int = 0, analyzer=None,
          write_card: bool = True, do_nested: bool = True, log=print) -> Path:
    from .checks import CheckConfig
    from .engine import Analyzer
    from .train import _versions

    analyzer = analyzer or Analyzer(CheckConfig(learned=False), scorer="formula")
    log("collecting the development sets")
    d = collect(analyzer, DEV_SETS, log=log)
    comments = np.arange(len(d.gold))
    nest = nested(d, comments, seed) if do_nested else None
    if nest:
        o = nest["score"]
        log(f"nested CV: lexicon F1 {o['lexicon']['all']['f1']:.4f} -> "
            f"lexicon+model {o['lexicon+model']['all']['f1']:.4f}")
    probs = oof(d, comments, seed)
    thr = choose_thresholds(d, probs, comments)
    oof_score = score(d, probs, thr, comments)
    mean, scale = _standardiser(d.X)
    arrays = fit(d.X, d.Y, mean, scale, seed)
    heads = {c: SpanHead(c, threshold=float(thr[c]) if thr[c] is not None else 1.0, severity=SEVERITY[c],
                         enabled=thr[c] is not None) for c in CATS}
    basis = nest["score"] if nest else oof_score
    gain = basis["lexicon+model"]["all"]["f1"] - basis["lexicon"]["all"]["f1"]
    files = [DEFAULT_ROOT / "flags" / n for n in DEV_SETS]
    sha = hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest()
    meta = {
        "name": MODEL_NAME, "version": version, "seed": seed, "trained": dt.date.today().isoformat(),
        "input_dim": int(d.X.shape[1]), "hidden": HIDDEN, "epochs": EPOCHS, "data_sha256": sha,
        "min_precision": MIN_PRECISION,
        "default_enabled": bool(gain >= MIN_DEFAULT_GAIN
                                and basis["lexicon+model"]["all"]["precision"] >= 0.9),
        "source": (f"feedbackai learned span check {MODEL_NAME} {version}: a one-layer network on the int8 "
                   f"all-MiniLM-L6-v2 token states, trained on the corpora/flags dev sets (data sha256 {sha[:12]})"),
    }
    out = (out_root or DEFAULT_ROOT.parent / "models") / MODEL_NAME / version
    save_span_model(out, heads, arrays, CATS, meta)
    log("measuring the sets no model trains on: " + ", ".join(UNREAD_DEV_SETS))
    unread = measure(load_span_model(out), analyzer, UNREAD_DEV_SETS)
    for n, r in unread.items():
        log(f"  {n}: F1 {r['lexicon']['all']['f1']:.4f} -> {r['lexicon+model']['all']['f1']:.4f}")
    info = {**meta, "library_versions": _versions(analyzer), "data_files": [f"corpora/flags/{n}" for n in DEV_SETS],
            "n_rows": int(len(d.Y)), "n_comments": len(d.gold), "thresholds": thr,
            "cross_validated": {"nested": nest["score"] if nest else None, "oof_thresholds_in_sample": oof_score},
            "unread_sets": unread, "format": "arrays (heads.npz, allow_pickle=False) + JSON; no pickle"}
    (out / "metadata.json").write_text(json.dumps(info, indent=2, sort_keys=True, default=float) + "\n")
    if write_card:
        write_card_md(out, info)
    return out


def measure(model, analyzer, names: Sequence[str], root: Path | None = None) -> dict:
    """Comment-level figures of the lexicons alone and with ``model`` through the engine's own path."""
    from .checks import CheckConfig
    from .engine import Analyzer

    root = root or DEFAULT_ROOT
    on = Analyzer(CheckConfig(learned=True), nlp=analyzer.nlp, scorer="formula")
    on.checker._learned = model
    out = {}
    for name in names:
        rows = [json.loads(line) for line in (root / "flags" / name).read_text(encoding="utf-8").splitlines()
                if line.strip()]
        texts = [r["text"] for r in rows]
        d = Data(None, None, None, [{c for c in r.get("categories", []) if c in CATS} for r in rows],
                 [{f.category for f in rep.flags if f.category in CATS} for rep in analyzer.analyze_many(texts)],
                 [name] * len(rows), [r.get("id", "") for r in rows])
        with_model = [{f.category for f in rep.flags if f.category in CATS} for rep in on.analyze_many(texts)]
        probs = np.array([[1.0 if c in w else 0.0 for c in CATS] for w in with_model])
        out[name] = score(d, probs, {c: 0.5 for c in CATS}, range(len(rows)))
    return out


def write_card_md(out: Path, info: dict) -> None:
    nest = info["cross_validated"]["nested"]
    lines = [
        f"# Model card: feedbackai learned span check {info['version']}",
        "",
        "## What it does",
        "Adds bias and vague-language flags that no word list catches (trait idioms, implicit stereotypes,",
        "paraphrased generic praise), on the words that carry them. For every word piece of a sentence, a",
        "one-layer network reads the int8 all-MiniLM-L6-v2 encoder's last-layer state of that piece and the",
        f"sentence embedding ({info['input_dim']} inputs, {info['hidden']} hidden units, one sigmoid per category)",
        "and gives the probability that the piece lies inside a flagged phrase of each category. A run of pieces",
        "at or above the category's threshold becomes a flag on the whole words it covers, unless a lexicon flag",
        "of that category covers them already. The encoder computes it in the pass that embeds the sentence.",
        "In the engine (not in these training figures), a sentence with gendered words is also read in its gender",
        "flip and the two readings are averaged, so a comment and its flip get the same flags; and words a lexicon",
        "filter ruled out as a thing, a name or someone else's, or that yield to another category, are not flagged.",
        "",
        "## Intended use",
        "A second reader that points a manager at wording worth rereading. Not evidence about a person, not an",
        "audit finding on its own, and not a replacement for the lexicon checks (it only adds to them).",
        "",
        "## Training data",
        f"{info['n_comments']:,} labelled comments ({info['n_rows']:,} word pieces) of corpora/flags "
        f"{', '.join(n.removesuffix('.jsonl') for n in DEV_SETS)}; the labels are the gold spans. Data sha256",
        f"`{info['data_sha256'][:16]}…`, seed {info['seed']}, {info['epochs']} epochs. heldout.jsonl was not used",
        f"for any choice; {', '.join(n.removesuffix('.jsonl') for n in UNREAD_DEV_SETS)} were never trained on.",
        "",
        "## Thresholds",
        "Per category, on out-of-fold predictions (5 folds grouped by comment): the grid value that adds the most",
        "correct minus wrong comment labels with the additions right at least "
        + ", ".join(f"{v:.0%} of the time for the {'bias' if k == 'medium' else 'vague'} heads"
                    for k, v in sorted(info["min_precision"].items(), reverse=True))
        if isinstance(info["min_precision"], dict) else
        f"correct minus wrong comment labels with the additions right at least {info['min_precision']:.0%} of the time",
        "(a false bias flag costs more trust than a vague one); off when nothing is gained.",
        "",
        "| category | threshold | nested F1 lexicon | nested F1 lexicon+model | P | R |",
        "|---|---|---|---|---|---|",
    ]
    for c in CATS:
        t = info["thresholds"].get(c)
        a = nest["lexicon"][c] if nest else {"f1": float("nan")}
        b = nest["lexicon+model"][c] if nest else {"f1": float("nan"), "precision": float("nan"),
                                                  "recall": float("nan")}
        lines.append(f"| {c} | {'off' if t is None else t} | {a['f1']:.3f} | {b['f1']:.3f} | "
                     f"{b['precision']:.3f} | {b['recall']:.3f} |")
    if nest:
        a, b = nest["lexicon"]["all"], nest["lexicon+model"]["all"]
        lines.append(f"| **all** | | {a['f1']:.3f} (P {a['precision']:.3f}, R {a['recall']:.3f}) | "
                     f"{b['f1']:.3f} | {b['precision']:.3f} | {b['recall']:.3f} |")
    lines += ["", "## Sets never trained on (comment level, through the engine)", "",
              "| set | F1 lexicon | F1 lexicon+model | P | R |", "|---|---|---|---|---|"]
    for n, r in info["unread_sets"].items():
        a, b = r["lexicon"]["all"], r["lexicon+model"]["all"]
        lines.append(f"| {n.removesuffix('.jsonl')} | {a['f1']:.3f} | {b['f1']:.3f} | {b['precision']:.3f} | "
                     f"{b['recall']:.3f} |")
    lines += [
        "",
        f"On by default: {'yes' if info['default_enabled'] else 'no'} (CheckConfig(learned=...) overrides).",
        "",
        "## Limits",
        "- Small data, all written for the project (by the team and by AI writing assistants working from the",
        "  annotation conventions); the writers disagree on some conventions (gender-coded traits as personality",
        "  too; generic praise beside a stereotype), and the model learns their mixture.",
        "- A word piece's label is the gold span's category: a span's edges are the model's guess of the phrase,",
        "  widened to whole words; they are not always the shortest phrase a person would mark.",
        "- It needs the sentence encoder, so it costs the encoder's time even with the formula scorer.",
        "- The spaCy component (`nlp.add_pipe('feedbackai')`) runs the lexicon checks only.",
    ]
    (out / "MODEL_CARD.md").write_text("\n".join(lines) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m feedbackai.train_span_flags",
                                 description="Train the learned span check from corpora/flags.")
    ap.add_argument("--out", type=Path, default=None, help="models root (default: the repository's models/)")
    ap.add_argument("--version", default="2.0.0")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-nested", action="store_true", help="skip the nested cross-validation (faster)")
    args = ap.parse_args(argv)
    out = train(args.out, args.version, args.seed, do_nested=not args.no_nested)
    print(f"written: {out}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
