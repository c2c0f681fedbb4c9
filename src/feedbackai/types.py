"""Public result types.

Every type is a frozen dataclass with ``to_dict()`` (JSON-serialisable) and a lossless
``from_dict()``. Offsets are *character* offsets into the analysed text (Python string
indices, i.e. code points), never token offsets, with the invariant
``text[x.start:x.end] == x.text`` for every :class:`Flag` and :class:`Evidence`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any, Literal, Mapping

Level = Literal["low", "medium", "high"]
Severity = Literal["low", "medium", "high"]
LEVELS: tuple[str, ...] = ("low", "medium", "high")
SEVERITIES: tuple[str, ...] = ("low", "medium", "high")

#: Flag categories fixed by the design; ids are part of the public API.
CATEGORIES: tuple[str, ...] = (
    "bias.gendered",
    "bias.personality",
    "bias.age",
    "bias.race_ethnicity",
    "bias.disability",
    "bias.family_status",
    "bias.appearance",
    "bias.other_protected",
    "vague.generic",
    "vague.hedge",
    "vague.quantifier",
    "vague.absolute",
    "tone.profanity",
)

SMART_CRITERIA: tuple[str, ...] = ("specific", "measurable", "achievable", "relevant", "time_bound")


class _Serialisable:
    def to_dict(self) -> dict[str, Any]:
        raise NotImplementedError

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    @classmethod
    def from_json(cls, data: str):
        return cls.from_dict(json.loads(data))  # type: ignore[attr-defined]


def _check_span(obj: Any) -> None:
    if not isinstance(obj.start, int) or not isinstance(obj.end, int):
        raise TypeError("start and end must be int character offsets")
    if obj.start < 0 or obj.end < obj.start:
        raise ValueError(f"invalid span [{obj.start}, {obj.end})")
    if len(obj.text) != obj.end - obj.start:
        raise ValueError("span text length does not match its offsets")


@dataclass(frozen=True)
class Evidence(_Serialisable):
    """A span of text that moved a score.

    ``kind`` names what was found (``metric``, ``date``, ``entity``, ``project``,
    ``action``, ``outcome``, ``example``, ``imperative``, ``suggestion``, ``question``,
    ``timing``, ``resource``); ``target`` the score it supports.
    """

    kind: str
    target: Literal["specificity", "actionability"]
    start: int
    end: int
    text: str
    description: str = ""
    weight: float = 1.0

    def __post_init__(self) -> None:
        _check_span(self)

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Evidence":
        return cls(**{f.name: d[f.name] for f in fields(cls) if f.name in d})


@dataclass(frozen=True)
class Flag(_Serialisable):
    """A flagged span: biased or vague language, with why and what to write instead."""

    category: str
    start: int
    end: int
    text: str
    severity: Severity
    explanation: str
    suggestion: str
    source: str
    check: str = ""
    confidence: float = 1.0

    def __post_init__(self) -> None:
        _check_span(self)
        if self.severity not in SEVERITIES:
            raise ValueError(f"severity must be one of {SEVERITIES}, not {self.severity!r}")

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Flag":
        return cls(**{f.name: d[f.name] for f in fields(cls) if f.name in d})


@dataclass(frozen=True)
class Score(_Serialisable):
    """A 0-100 score with its level and what moved it.

    ``reasons`` are short, manager-readable sentences ("mentions a measurable result:
    'cut errors by 40%'"); ``method`` names the model that produced the value.
    """

    value: float
    level: Level
    evidence: tuple[Evidence, ...] = ()
    reasons: tuple[str, ...] = ()
    method: str = ""

    def __post_init__(self) -> None:
        if not 0.0 <= self.value <= 100.0:
            raise ValueError(f"score value must be within 0-100, not {self.value}")
        if self.level not in LEVELS:
            raise ValueError(f"level must be one of {LEVELS}, not {self.level!r}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "level": self.level,
            "evidence": [e.to_dict() for e in self.evidence],
            "reasons": list(self.reasons),
            "method": self.method,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Score":
        return cls(
            value=d["value"],
            level=d["level"],
            evidence=tuple(Evidence.from_dict(e) for e in d.get("evidence", ())),
            reasons=tuple(d.get("reasons", ())),
            method=d.get("method", ""),
        )


@dataclass(frozen=True)
class SentenceReport(_Serialisable):
    """One sentence of a comment, with its character offsets and its own scores."""

    start: int
    end: int
    text: str
    specificity: Score
    actionability: Score

    def __post_init__(self) -> None:
        _check_span(self)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "specificity": self.specificity.to_dict(),
            "actionability": self.actionability.to_dict(),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "SentenceReport":
        return cls(
            start=d["start"],
            end=d["end"],
            text=d["text"],
            specificity=Score.from_dict(d["specificity"]),
            actionability=Score.from_dict(d["actionability"]),
        )


@dataclass(frozen=True)
class CommentReport(_Serialisable):
    """Everything feedbackai says about one review comment."""

    text: str
    specificity: Score
    actionability: Score
    flags: tuple[Flag, ...] = ()
    sentences: tuple[SentenceReport, ...] = ()
    notes: tuple[str, ...] = ()
    version: str = ""

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """All evidence of both scores, in text order."""
        both = self.specificity.evidence + self.actionability.evidence
        return tuple(sorted(both, key=lambda e: (e.start, e.end, e.target)))

    def flags_by_category(self) -> dict[str, tuple[Flag, ...]]:
        out: dict[str, list[Flag]] = {}
        for f in self.flags:
            out.setdefault(f.category, []).append(f)
        return {k: tuple(v) for k, v in out.items()}

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "specificity": self.specificity.to_dict(),
            "actionability": self.actionability.to_dict(),
            "flags": [f.to_dict() for f in self.flags],
            "sentences": [s.to_dict() for s in self.sentences],
            "notes": list(self.notes),
            "version": self.version,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "CommentReport":
        return cls(
            text=d["text"],
            specificity=Score.from_dict(d["specificity"]),
            actionability=Score.from_dict(d["actionability"]),
            flags=tuple(Flag.from_dict(f) for f in d.get("flags", ())),
            sentences=tuple(SentenceReport.from_dict(s) for s in d.get("sentences", ())),
            notes=tuple(d.get("notes", ())),
            version=d.get("version", ""),
        )


@dataclass(frozen=True)
class CriterionResult(_Serialisable):
    """One SMART criterion of one goal.

    ``judged`` is False when the criterion could not be judged (e.g. *relevant* without
    objectives); then ``met`` is False and the criterion is left out of the overall score.
    """

    met: bool
    score: float
    evidence: tuple[Evidence, ...] = ()
    explanation: str = ""
    suggestion: str = ""
    judged: bool = True
    details: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"criterion score must be within 0-1, not {self.score}")
        object.__setattr__(self, "details", MappingProxyType(dict(self.details)))

    def to_dict(self) -> dict[str, Any]:
        return {
            "met": self.met,
            "score": self.score,
            "evidence": [e.to_dict() for e in self.evidence],
            "explanation": self.explanation,
            "suggestion": self.suggestion,
            "judged": self.judged,
            "details": dict(self.details),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "CriterionResult":
        return cls(
            met=d["met"],
            score=d["score"],
            evidence=tuple(Evidence.from_dict(e) for e in d.get("evidence", ())),
            explanation=d.get("explanation", ""),
            suggestion=d.get("suggestion", ""),
            judged=d.get("judged", True),
            details=d.get("details", {}),
        )


@dataclass(frozen=True)
class GoalReport(_Serialisable):
    """A goal checked against SMART, criterion by criterion."""

    goal: str
    criteria: Mapping[str, CriterionResult]
    score: float
    verdict: str = ""
    rewrite: str = ""
    today: str = ""
    objectives: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 100.0:
            raise ValueError(f"goal score must be within 0-100, not {self.score}")
        object.__setattr__(self, "criteria", MappingProxyType(dict(self.criteria)))

    @property
    def met(self) -> dict[str, bool]:
        return {k: v.met for k, v in self.criteria.items()}

    def to_dict(self) -> dict[str, Any]:
        return {
            "goal": self.goal,
            "criteria": {k: v.to_dict() for k, v in self.criteria.items()},
            "score": self.score,
            "verdict": self.verdict,
            "rewrite": self.rewrite,
            "today": self.today,
            "objectives": list(self.objectives),
            "notes": list(self.notes),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "GoalReport":
        return cls(
            goal=d["goal"],
            criteria={k: CriterionResult.from_dict(v) for k, v in d["criteria"].items()},
            score=d["score"],
            verdict=d.get("verdict", ""),
            rewrite=d.get("rewrite", ""),
            today=d.get("today", ""),
            objectives=tuple(d.get("objectives", ())),
            notes=tuple(d.get("notes", ())),
        )


def level_for(value: float, cuts: tuple[float, float] = (35.0, 65.0)) -> Level:
    """Map a 0-100 value to low / medium / high by two cut points."""
    if value < cuts[0]:
        return "low"
    if value < cuts[1]:
        return "medium"
    return "high"
