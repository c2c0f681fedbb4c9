"""MODEL_CARD.md for the relevance cross-encoder (written by ``train_relevance``)."""

from __future__ import annotations


def model_card(meta: dict) -> str:
    cv = meta["relevance_model_cv"]
    tr = meta["training"]
    by = cv["by_writer"]
    maj = cv.get("majority_by_writer", {})
    sets = ", ".join(f"`relevance_{w}`" for w in tr["by_source"] if w != "goals" and len(w) == 1)
    goal_sets = [w for w in tr["by_source"] if w != "goals" and len(w) > 1]
    more = (" and the full-SMART set" + ("s " if len(goal_sets) > 1 else " ") + ", ".join(f"`{w}`" for w in goal_sets)
            + " (goal-level labels, as the main corpus)") if goal_sets else ""
    rows = "\n".join(f"| {w} | {tr['by_source'].get(w, '')} | {acc:.3f} | {maj.get(w, float('nan')):.3f} |"
                     for w, acc in by.items())
    return f"""# Model card: relevance cross-encoder {meta['version']}

## What it is
A cross-encoder that reads a workplace goal and one team objective together and gives the
probability that the goal serves the objective. Base: {meta['base']}, frozen; low-rank adapters
(LoRA rank {meta['lora']['rank']}, scale {meta['lora']['scale']}) on every linear layer of the six
transformer blocks and a logistic head on the mean-pooled output. Its log-odds are the ninth
feature of the relevance model (`src/feedbackai/goals/relevance_model.py`), beside embedding
similarity, shared terms and outcome themes.

Files: `adapter.safetensors` (adapters and head; tensors only, nothing runs on load),
`metadata.json` (training settings, corpus hashes, library versions), this card. On load the
adapters are merged into the base weights and every linear layer runs in int8.

## Intended use
The **Relevant** criterion of `feedbackai.check_goal`: does a goal plausibly serve at least one of the
objectives given with it? English workplace goals and objectives of one to a few sentences. Not for
ranking people, not for deciding pay or performance ratings, not for other languages or for long
documents (pairs are cut at {meta['max_length']} tokens).

## Training data
{tr['items']} items (goals with 1-4 objectives): the train split of `corpora/goals/goals.jsonl`
(goal-level labels, learned as the maximum over the goal's objectives) and the pair sets
{sets} (pair-level labels){more}, each by a different
writer for this project (see `corpora/goals/DATA_CARD.md`). Items per source: {tr['by_source']}.
{tr['epochs']} epochs, AdamW, learning rate {tr['lr']} (adapters) / 1e-3 (head), batch {tr['batch']},
seed {tr['seed']}. `relevance_f`, `_g`, `_h`, `smart_b` and the test split of `goals.jsonl` were not used.

## Results
Relevance model (features + this cross-encoder's out-of-fold scores), leave one writer out:
the model is fit on the other writers and scored on the held-out one.

| writer | items | accuracy | majority class |
|---|---|---|---|
{rows}

{_int8(meta)}
Unseen evaluation sets (`relevance_f`, the goal corpus test split) are measured by
`python bench/goals.py` and reported in the README.

## Limits
- Writers disagree on what "plausibly serves" means for long causal chains; the labels are one
  writer's judgement each, with no second annotator.
- It knows only what its writers' few thousand goal-objective pairs teach it about which measure moves which;
  uncommon industries and jargon are weaker.
- Treat "not relevant" as a prompt to ask the employee how the goal serves an objective, not as a verdict.
"""


def _int8(meta: dict) -> str:
    q = meta.get("int8_vs_float")
    if not q:
        return ""
    return (f"The relevance model was fitted on scores of the float model; the shipped int8 path differs from it by "
            f"{q['mean_abs_logit_diff']:.3f} in log-odds on average (max {q['max_abs_logit_diff']:.3f}) over "
            f"{q['pairs']} training pairs, and falls on the same side of 0.5 for {100 * q['same_side_of_0.5']:.1f}% "
            f"of them.\n")
