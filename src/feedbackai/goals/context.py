"""What every SMART criterion reads: the goal's one parse, its evidence and its dates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Sequence

from spacy.tokens import Doc

from ..types import Evidence
from .dates import Deadline, find_time_expressions


# Goals are usually written as bare imperatives ("Reduce churn ..."), which the small
# English model often tags as nouns. They are parsed behind "I will " (same length of
# goal text, offsets shifted back), so the verb is read as a verb.
GOAL_VERBS = set("""
accelerate achieve add adopt align analyse analyze answer apply approve archive assess assign attend
audit automate balance benchmark bill boost book brief bring build call carve catch certify chase
check clean clear close coach collaborate collect communicate complete conduct consolidate contribute
convert cook coordinate count create cross-train cut cycle decommission decrease define deliver demo
deploy design develop digitise digitize discover do document double draft drive earn eliminate
enrol enroll ensure establish evaluate expand explore facilitate file fill finalise finalize finish
fix focus get go grade grow halve handle have hedge help hire hit hold host identify implement
improve increase inspect inspire integrate interview introduce investigate issue keep land launch
lead learn level lift look lower maintain make manage map master maximise maximize measure meet
mentor migrate minimise minimize model modernise modernize monitor move negotiate obtain onboard
open optimise optimize organise organize own partner pass patch pay pick pilot pitch plan post
prep prepare present price process produce publish put qualify raise rank reach read rebuild
receive recruit redesign redo reduce refactor refinance refresh reinvent relaunch release remember
remove renegotiate renew replace replatform re-platform report reposition resolve respond restructure
retain retire return review rewrite roll run save scale scan schedule secure see sell send set
shadow share ship shorten sign simplify smile sort source speak speed stabilise stabilize stand
standardise standardize start stay stop streamline strengthen submit support survey take talk
teach template test think tidy track train transition translate triage triple try turn type
update upgrade upsell validate visit win work write be become
""".split())
# words that start a goal as a bare imperative would (parsed behind "I will " as well)
PREFIX_WORDS = GOAL_VERBS | {"never", "always", "not", "personally", "also", "finally", "properly"}
PREFIX = "I will "


def parse_goal(nlp, texts):
    """Parse goals; returns (doc, offset) pairs where offset is the prefix length used."""
    prepared, offsets = [], []
    for t in texts:
        stripped = t.lstrip()
        first = stripped.split(maxsplit=1)[0].lower().strip(",.:;") if stripped else ""
        if first in PREFIX_WORDS and len(t) == len(stripped):
            prepared.append(PREFIX + t[:1].lower() + t[1:])
            offsets.append(len(PREFIX))
        else:
            prepared.append(t)
            offsets.append(0)
    return list(zip(nlp.pipe(prepared), offsets))


@dataclass
class Goal:
    text: str
    doc: Doc
    today: dt.date
    objectives: tuple[str, ...]
    evidence: Sequence[Evidence]
    all_times: list[Deadline] = field(default_factory=list)
    offset: int = 0
    parts: list = field(default_factory=list)   # GoalPart list, set by the checker
    parts_related: float | None = None           # mean cosine between the parts' embeddings (several parts)

    @property
    def deadlines(self) -> list[Deadline]:
        return [d for d in self.all_times if d.is_deadline]

    @classmethod
    def build(cls, text: str, doc: Doc, offset: int, today: dt.date, objectives: Sequence[str],
              evidence: Sequence[Evidence]) -> "Goal":
        shifted = [Evidence(**{**e.to_dict(), "start": e.start - offset, "end": e.end - offset,
                               "text": text[e.start - offset:e.end - offset]})
                   for e in evidence if e.start >= offset]
        return cls(text=text, doc=doc, today=today, objectives=tuple(objectives), evidence=shifted,
                   all_times=find_time_expressions(text, today), offset=offset)

    def char(self, doc_offset: int) -> int:
        """A character offset in the parsed text, as an offset in the goal text."""
        return max(0, doc_offset - self.offset)

    def span_evidence(self, kind: str, target: str, start: int, end: int, description: str,
                      weight: float = 1.0) -> Evidence:
        return Evidence(kind=kind, target=target, start=start, end=end,  # type: ignore[arg-type]
                        text=self.text[start:end], description=description, weight=weight)

    def find(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        return list(pattern.finditer(self.text))
