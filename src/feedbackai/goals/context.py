"""What every SMART criterion reads: the goal's one parse, its evidence and its dates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Sequence

from spacy.tokens import Doc

from ..types import Evidence
from .dates import Deadline, find_deadlines


# Goals are usually written as bare imperatives ("Reduce churn ..."), which the small
# English model often tags as nouns. They are parsed behind "I will " (same length of
# goal text, offsets shifted back), so the verb is read as a verb.
GOAL_VERBS = set("""
achieve add analyse analyze attend audit automate build close coach complete conduct create cut
decrease deliver deploy design develop document drive earn eliminate establish expand finish
get grow halve help hire hit implement improve increase introduce launch lead learn lower maintain
mentor migrate move obtain onboard open organise organize pass present publish raise reach
recruit redesign reduce refactor release remove replace respond retire roll run save schedule
ship shorten sign speak standardise standardize start submit support take teach test train
transition update upgrade write work focus be become keep make set double triple boost lift
prepare review resolve secure shadow streamline enrol enroll finalise finalize pilot partner
""".split())
PREFIX = "I will "


def parse_goal(nlp, texts):
    """Parse goals; returns (doc, offset) pairs where offset is the prefix length used."""
    prepared, offsets = [], []
    for t in texts:
        stripped = t.lstrip()
        first = stripped.split(maxsplit=1)[0].lower().strip(",.:;") if stripped else ""
        if first in GOAL_VERBS and len(t) == len(stripped):
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
    deadlines: list[Deadline] = field(default_factory=list)
    offset: int = 0

    @classmethod
    def build(cls, text: str, doc: Doc, offset: int, today: dt.date, objectives: Sequence[str],
              evidence: Sequence[Evidence]) -> "Goal":
        shifted = [Evidence(**{**e.to_dict(), "start": e.start - offset, "end": e.end - offset,
                               "text": text[e.start - offset:e.end - offset]})
                   for e in evidence if e.start >= offset]
        return cls(text=text, doc=doc, today=today, objectives=tuple(objectives), evidence=shifted,
                   deadlines=find_deadlines(text, today), offset=offset)

    def char(self, doc_offset: int) -> int:
        """A character offset in the parsed text, as an offset in the goal text."""
        return max(0, doc_offset - self.offset)

    def span_evidence(self, kind: str, target: str, start: int, end: int, description: str,
                      weight: float = 1.0) -> Evidence:
        return Evidence(kind=kind, target=target, start=start, end=end,  # type: ignore[arg-type]
                        text=self.text[start:end], description=description, weight=weight)

    def find(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        return list(pattern.finditer(self.text))
