"""The team's generator of synthetic review comments for speed and audit benchmarks.

Comments are assembled from sentence pools (praise, evidence, criticism, suggestions,
biased and vague phrasing) with names, roles, projects and numbers filled in, to a target
length of 40-120 words. They exercise the whole pipeline at realistic lengths; they are
not labelled data and are never used for training.
"""

from __future__ import annotations

import random

NAMES = {
    "female": ["Aisha", "Priya", "Emily", "Fatima", "Mei", "Sofia", "Olga", "Grace", "Amara", "Lucia", "Hannah", "Yuki"],
    "male": ["Mateo", "Wei", "Jamal", "Tomasz", "Oluwaseun", "Sven", "Arjun", "Liam", "Kenji", "Omar", "Diego", "Noah"],
    "nonbinary": ["Alex", "Sam", "Jordan", "Robin", "Kai", "Rowan"],
}
PRONOUNS = {"female": ("she", "her"), "male": ("he", "his"), "nonbinary": ("they", "their")}
PROJECTS = ["Atlas", "Falcon", "Helios", "the Q3 migration", "the billing revamp", "the spring reset",
            "the EMR rollout", "the Meridian renewal", "the night-shift pilot", "the audit prep"]
METRICS = ["cut ticket backlog from {a} to {b}", "raised CSAT from {a} to {b}", "closed {a} deals worth ${b}k",
           "reduced mispicks by {a}%", "shipped {a} releases with zero rollbacks", "handled {a} escalations",
           "trained {a} new hires", "lowered scrap rate by {a}%", "saved {a} hours a week"]
PRAISE = ["{Name} had a great year and is a real team player.", "{Name} always goes above and beyond.",
          "{P} is a pleasure to work with and a valuable asset to the team.", "Great job this year, keep it up!",
          "{Name} is a strong performer who gets things done.", "{P} is very easygoing and friendly with everyone."]
EVIDENCE = ["In {project}, {p} {metric} over {n} weeks.", "During the {month} review {p} {metric}.",
            "{Name} {metric}, which let the team hit the {month} deadline.",
            "For example, {p} rewrote the handover checklist and errors dropped by {a}%.",
            "{P} led {project} and {metric}."]
CRITIQUE = ["{P} can be abrasive in meetings and is sometimes hard to follow.", "{Name} is often late with updates.",
            "{P} needs to improve communication.", "At times {p} seems a bit disengaged in planning.",
            "{Name} never listens to feedback from the team.", "{P} missed {a} of the last {b} sprint deadlines."]
SUGGEST = ["Before each sprint review, send the PM a one-page summary.", "Next quarter, {p} should lead the retro.",
           "Could you try sharing the agenda a day ahead?", "I'd like {p2} to pair with Dana on two on-call shifts next month.",
           "Going forward, maybe think about being more visible.", "Please take the SQL course in the learning portal by June.",
           "{P} should work on delegating.", "I will book {p2} onto the leadership workshop in the spring."]
MONTHS = ["January", "March", "May", "June", "September", "November"]


def _fill(s: str, rng: random.Random, name: str, gender: str) -> str:
    p, poss = PRONOUNS[gender]
    a, b = rng.randint(2, 60), rng.randint(61, 900)
    metric = rng.choice(METRICS).format(a=a, b=b)
    return s.format(Name=name, P=p.capitalize(), p=p, p2="them" if gender == "nonbinary" else ("her" if gender == "female" else "him"),
                    project=rng.choice(PROJECTS), metric=metric, n=rng.randint(2, 12), month=rng.choice(MONTHS), a=a, b=b)


def generate_rows(n: int, seed: int = 0, min_words: int = 40, max_words: int = 120):
    """Yield dicts with comment text and group columns (gender, team, manager, rating)."""
    rng = random.Random(seed)
    pools = [PRAISE, EVIDENCE, CRITIQUE, SUGGEST]
    for i in range(n):
        gender = rng.choices(["female", "male", "nonbinary"], [0.47, 0.47, 0.06])[0]
        name = rng.choice(NAMES[gender])
        target = rng.randint(min_words, max_words)
        parts: list[str] = []
        words = 0
        while words < target:
            s = _fill(rng.choice(rng.choice(pools)), rng, name, gender)
            parts.append(s)
            words += len(s.split())
        yield {"id": f"r{i:07d}", "comment": " ".join(parts), "gender": gender,
               "team": rng.choice(["Sales", "Support", "Engineering", "Nursing", "Warehouse", "Finance"]),
               "manager": f"m{rng.randint(1, 400):03d}", "rating": rng.randint(1, 5)}


def generate_comments(n: int, seed: int = 0) -> list[str]:
    return [r["comment"] for r in generate_rows(n, seed)]
