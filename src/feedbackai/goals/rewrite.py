"""A rewrite template that keeps the goal's own words and marks what to fill in."""

from __future__ import annotations

import re
from typing import Mapping

from ..types import CriterionResult
from .context import Goal


def rewrite_template(g: Goal, c: Mapping[str, CriterionResult]) -> str:
    text = " ".join(g.text.split()).rstrip(" .;")
    if not c["specific"].met:
        text = re.sub(r"^(?:i will |i'll |we will )?(?:try to |aim to |strive to )?", "", text, flags=re.I)
        text = f"<concrete action> on <what, which scope> ({text})"
    if not c["measurable"].met:
        text += " from <baseline> to <target>"
    elif c["measurable"].score < 1.0 and c["measurable"].evidence and c["measurable"].evidence[0].kind == "kpi":
        text += " from <baseline> to <target>"
    if not c["time_bound"].met:
        past = "already past" in c["time_bound"].explanation
        text += " by <new date>" if past else " by <date>"
    if not c["achievable"].met and "Several goals" in c["achievable"].explanation:
        text += "  [split into one goal per action]"
    if c["relevant"].judged and not c["relevant"].met:
        text += ", so that <objective it serves>"
    return text[:1].upper() + text[1:] + "."
