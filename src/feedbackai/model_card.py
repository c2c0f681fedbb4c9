"""Writes MODEL_CARD.md for a trained scorer: intended use, limits, held-out results by subgroup."""

from __future__ import annotations

from pathlib import Path

import numpy as np

PARTS = {"A": "software, IT support, data, product", "B": "sales, marketing, finance, legal, executives",
         "C": "healthcare, education, retail, hospitality", "D": "logistics, manufacturing, field, HR, public sector, labs"}


def _table(values, y, groups, cuts, metrics) -> list[str]:
    rows = ["| group | n | spearman | accuracy |", "|---|---|---|---|"]
    for g in sorted(set(groups)):
        idx = np.asarray([k for k, x in enumerate(groups) if x == g])
        if len(idx) < 10:
            continue
        m = metrics(values[idx], y[idx], cuts)
        label = f"{g} ({PARTS[g]})" if g in PARTS else g
        rows.append(f"| {label} | {m['n']} | {m['spearman']:.3f} | {m['accuracy']:.3f} |")
    return rows


def write_model_card(out: Path, info: dict, corpus_root=None) -> None:
    from .corpus import load_comments
    from .engine import Analyzer
    from .evaluate import score_comments, subgroups
    from .scoring.trained import TrainedScorer
    from .train import metrics

    test = load_comments(corpus_root, split="test")
    scorer = TrainedScorer(out)
    analyzer = Analyzer(scorer=scorer)
    values = score_comments(analyzer, test)
    y = np.asarray([(c.specificity, c.actionability) for c in test])
    subs = subgroups(test)
    lines = [
        f"# Model card: feedbackai scorers {info['version']}",
        "",
        "## What it does",
        "Scores a performance-review comment, and each of its sentences, for **specificity** (how concrete:",
        "instances, numbers, outcomes) and **actionability** (what to do next), 0-100 with levels low / medium /",
        "high, as defined in `corpora/GUIDELINES.md`. Four linear heads (sentence and comment x two targets):",
        "standardised features -> multinomial logistic regression over levels 1-3; value = 50 x (expected level - 1).",
        "Features: int8 all-MiniLM-L6-v2 sentence embeddings (comment = length-weighted mean of its sentences),",
        "evidence features from the parse (counts and weights of each evidence kind, formula scores, length,",
        "hedge / quantifier / absolute / generic / personality flags, question mark, digits, person), and for the",
        "comment the max / mean / min of its sentence scores. Stored as float arrays + JSON (no pickle).",
        "",
        "## Intended use",
        "Feedback to a manager on a draft review comment, and aggregate statistics in HR audits. Not for rating",
        "employees, and not a judgement of the feedback's fairness or accuracy.",
        "",
        "## Training data",
        f"{info['n_train_comments']} comments / {info['n_train_sentences']} sentences of the train split of",
        "`corpora/comments/` (written by the team, see its DATA_CARD.md); corpus sha256",
        f"`{info['corpus_sha256'][:16]}…`; seed {info['seed']}. Hyper-parameter C and the level cuts were chosen",
        "by 5-fold grouped cross-validation on the train split only.",
        "",
        "## Cross-validated (train split)",
        "| head | C | spearman | accuracy | macro-F1 | cuts |",
        "|---|---|---|---|---|---|",
    ]
    cuts_by_head = {}
    import json

    model = json.loads((out / "model.json").read_text())
    for name, m in info["cross_validated"].items():
        cuts_by_head[name] = tuple(model["heads"][name]["cuts"])
        lines.append(f"| {name} | {m['C']} | {m['spearman']:.3f} | {m['accuracy']:.3f} | {m['macro_f1']:.3f} | "
                     f"{cuts_by_head[name][0]:.1f} / {cuts_by_head[name][1]:.1f} |")
    lines += ["", f"## Held-out test split ({len(test)} comments, never used for any choice)"]
    for j, t in enumerate(("specificity", "actionability")):
        m = metrics(values[:, j], y[:, j], cuts_by_head[f"comment.{t}"])
        lines += ["", f"### {t.capitalize()}: spearman {m['spearman']:.3f}, accuracy {m['accuracy']:.3f}, "
                      f"AUC high-vs-rest {m.get('auc_high_vs_rest', float('nan')):.3f}, "
                      f"AUC low-vs-rest {m.get('auc_low_vs_rest', float('nan')):.3f}"]
        for sub, groups in subs.items():
            lines += ["", f"By {sub}:", ""] + _table(values[:, j], y[:, j], groups, cuts_by_head[f"comment.{t}"], metrics)
    lines += [
        "",
        "## Limits",
        "- Trained on comments written by the team (with an AI writing assistant), not on real HR exports: real",
        "  reviews are messier, longer and more domain-specific. Expect lower figures on real text.",
        "- English only. Very long comments are scored from pooled sentence embeddings; structure across",
        "  sentences (e.g. a suggestion that refers back to an example) is only seen through sentence scores.",
        "- A sentence with a concrete, unhedged suggestion is floored at the medium cut of actionability",
        f"  ({info['suggestion_floor']:.1f}) by design, and its comment at the comment head's medium cut"
        f" ({cuts_by_head['comment.actionability'][0]:.1f}).",
        "- Subgroup figures with fewer than 10 comments are not shown.",
    ]
    (out / "MODEL_CARD.md").write_text("\n".join(lines) + "\n")
