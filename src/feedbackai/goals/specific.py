"""Specific: a concrete action or outcome, with an object and a scope.

Not specific, whatever else the goal says:
- a hedge with no number to commit to ("try to", "maybe", "if possible", "look into",
  "explore", "somehow", "some");
- a vague comparative with no number ("faster", "better", "more", "friendlier");
- a superlative or slogan ("the best", "#1", "world-class", "revolutionary") unless it names
  a KPI; an open scope ("everything", "everyone", "every market", "every possible ...");
- a vague verb on an abstract object ("improve communication", "work on leadership", "drive
  innovation", "learn Kubernetes" - a skill with no level or outcome - "update the KB").
- an aspiration nobody could check ("achieve perfection in all areas", "give 110%", "unlock value";
  ``signals.PLATITUDE``) unless a number pins it down.
A vague *owning* verb (own, lead, drive, ensure) is made concrete by a named object or a counted
zero ("own the Q3 SOX walkthroughs", "ensure zero data breaches across the organisation");
supporting, helping with or leveraging a named thing is not.
Specific: a concrete verb on a concrete object ("Migrate the nightly billing jobs to
Airflow", "Redesign the pricing page"); a named KPI or named thing as the object, even after a
vague verb ("Reduce our DSO", "grow walmart account"); a target number or a countable outcome
about a concrete thing ("Zero guest complaints about cleanliness", "Get the patent granted").
When the text holds several goals, the first one must be specific.
"""

from __future__ import annotations

import re

from ..types import CriterionResult
from .context import Goal
from .signals import (AFFECT, BUZZ_VERBS, COMPARATIVE, EVERYONE, HEDGE, KPI_NAMES, ONGOING_VERBS, OUTCOME_OBJECTS,
                      PLATITUDE, SUPERLATIVE, UNIVERSAL, VAGUE_NOUNS, ZERO, has_target, main_actions)

# verbs that need a concrete object or a number to be specific
SOFT_VERBS = {
    "improve", "work", "focus", "help", "be", "become", "get", "try", "grow", "develop", "enhance",
    "strengthen", "continue", "keep", "support", "contribute", "do", "make", "strive", "aim", "drive", "own",
    "lead", "look", "explore", "think", "streamline", "optimize", "optimise", "modernize", "modernise",
    "reposition", "level", "stay", "ensure", "reinvent", "inspire", "expand", "clean", "organize", "organise",
    "update", "brush", "talk", "read", "chase", "assign", "prep", "price", "post", "train", "sell", "upsell",
    "bill", "cook", "fix", "handle", "manage", "step", "stop", "have", "go", "do", "build", "create", "save",
    "smile", "teach", "tighten", "sharpen", "smooth", "lift", "up", "reorganize", "reorganise", "revamp", "overhaul",
}
OWNERSHIP_VERBS = {"own", "lead", "drive", "ensure"}
PLACEHOLDER_OBJECTS = {"stuff", "things", "thing", "something", "anything", "everything"}
# organising, hosting or leading a named kind of event or review is a concrete deliverable ("Organise the team
# Christmas social", "Lead a review of the council's procurement rules"); "organise case files" and "lead the
# team" are not
EVENT_VERBS = {"organise", "organize", "lead", "host", "arrange", "plan", "coordinate", "co-ordinate", "chair"}
EVENT_NOUNS = {"social", "party", "dinner", "lunch", "away-day", "awayday", "away day", "open day", "offsite", "off-site", "conference",
               "workshop", "fair", "summit", "roadshow", "hackathon", "retreat", "ceremony", "celebration", "webinar",
               "review", "audit", "pilot", "consultation", "tender", "bid", "inquiry", "investigation", "visit",
               "festival", "gala", "showcase", "exhibition", "launch", "relaunch", "drill", "exercise", "walkthrough",
               "inspection", "evening", "fundraiser", "appeal", "trip", "tour", "course", "bootcamp", "induction",
               "migration", "rollout", "roll-out", "upgrade", "refit", "move",
               "relocation", "restructure", "merger", "integration", "transition", "switchover", "cutover",
               "sports day", "fun day", "family day", "camp", "awards", "awards night", "prize-giving", "town hall",
               "blood drive", "quiz", "marathon", "walkathon"}
# the determiner is required: "organise a team away-day", "lead the review of …"; not "organise case files"
EVENT_OBJECT = re.compile(r"\s+(?:a|an|the|our|my|this|next|this\s+year's|next\s+year's)\s+"
                          r"(?:(?!(?:through|to|on|in|for|of|with|at|by|from|into|about|before|after|during|way|thoughts?)\b)[\w'’&-]+\s+){0,4}?(?:"
                          + "|".join(sorted((re.escape(n) for n in EVENT_NOUNS), key=len, reverse=True)) + r")\b", re.I)
# skill verbs: a named skill is still not specific without a level or an outcome
SKILL = re.compile(r"\b(learn(?:ing)?|refresh\s+my|get\s+(?:better|good)\s+at|brush\s+up|study|practi[cs]e|master|upskill|read\s+up)\b", re.I)
SCOPE_NOUNS_VAGUE = VAGUE_NOUNS | {"costs", "revenue", "output", "scores", "score", "numbers", "things", "culture",
                                   "efficiency", "morale", "team", "operations", "reporting", "forecasting",
                                   "variance", "analysis", "headlines", "briefs", "food", "demos", "conferences",
                                   "case", "studies", "files", "hires", "reading", "lessons", "rooms", "papers",
                                   "routes", "customers", "companies", "chats", "claims", "drinks", "accounts",
                                   "escalations", "payments", "paper", "menu", "kb", "crm", "docs", "api",
                                   "pipeline", "handoffs", "nurses", "kids", "deadlines", "regs", "regulations",
                                   # unnamed targets and plans, relations, images (2026-11-27, smart_e): "achieve the
                                   # targets given", "Meeting all KPIs", "Deliver on the H2 plan", "maintain cordial
                                   # relation with union", "Reach the top", "planing for future", "Reduce cost"
                                   "targets", "target", "kpis", "kpi", "goals", "objectives", "plan", "relation",
                                   "relations", "mindset", "top", "future", "stakeholders", "stakeholder", "cost"}


def _concrete_tokens(g: Goal, toks) -> list:
    out = []
    for t in toks:
        if t.idx < g.offset or not t.is_alpha or any(d.start <= g.char(t.idx) < d.end for d in g.all_times):
            continue
        if t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.lemma_.lower() not in SCOPE_NOUNS_VAGUE
                                 and t.lower_ not in SCOPE_NOUNS_VAGUE):
            out.append(t)
        elif t.pos_ == "NOUN" and any(c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")
                                      and c.lower_ not in SCOPE_NOUNS_VAGUE and not COMPARATIVE.fullmatch(c.lower_)
                                      for c in t.children):
            out.append(t)
    return out


def _scoped(g: Goal, toks) -> bool:
    """A noun with a modifier or a prepositional scope, or a deadline ('no order ... late',
    'a defective part', 'complaints about cleanliness', 'this semester')."""
    if g.deadlines:
        return True
    for t in toks:
        if any(c.dep_ in ("compound", "amod", "prep", "acl", "relcl") for c in t.children):
            return True
        if t.dep_ == "nsubj" and t.head.pos_ in ("VERB", "AUX", "ADJ"):
            return True
    return False


def _first_part_span(g: Goal) -> tuple[int, int]:
    if len(g.parts) > 1:
        return g.parts[0].start, g.parts[0].end
    return 0, len(g.text)


def check(g: Goal) -> CriterionResult:
    text = g.text
    ev = []
    target = has_target(g)
    hedge = HEDGE.search(text)
    comparative = COMPARATIVE.search(text)
    superlative = SUPERLATIVE.search(text)
    if superlative and re.match(r"the\s+most\s", superlative.group(0), re.I) and \
            re.search(r"\b(?:fix|clear|visit|call|review|close|resolve|answer|contact|reach|prioriti[sz]e|tackle|address)\s+$",
                      text[:superlative.start()], re.I):
        superlative = None       # "fix the most common errors": the object picked, not a slogan
    open_scope = EVERYONE.search(text)
    kpi = KPI_NAMES.search(text)
    skill = SKILL.search(text)
    if skill:
        tok = next((t for t in g.doc if g.char(t.idx) == skill.start()), None)
        if tok is not None and tok.pos_ in ("NOUN", "PROPN") and tok.i > 0:
            skill = None         # "first patient in for study AZ-4411", "a partner at the practice"
    a, b = _first_part_span(g)

    actions = []
    first_objs = None   # what the first action of the (first) goal acts on
    for verb, objs in main_actions(g):
        vs = g.char(verb.idx)
        if not (a <= vs < b):
            continue
        if first_objs is None:
            first_objs = objs
        concrete = _concrete_tokens(g, objs)
        lemma = verb.lemma_.lower()
        obj_kpi = any(KPI_NAMES.search(t.text) for t in objs) or bool(kpi and kpi.start() >= vs)
        if objs:
            end = g.char(max(t.idx + len(t.text) for t in objs))
            for d in g.all_times:
                if vs < d.start < end:
                    end = d.start
            end = vs + len(text[vs:end].rstrip(" ,;"))
            end = vs + len(re.sub(r"\s+(?:by|before|in|within|until|through|during|for|over|this|next|on|at)$", "",
                                  text[vs:end], flags=re.I))
            ev_span = (vs, min(end, vs + 120))
        else:
            ev_span = (vs, g.char(verb.idx + len(verb.text)))
        event = lemma in EVENT_VERBS and bool(EVENT_OBJECT.match(text, vs + len(verb.text)))
        strong = (bool(concrete) and lemma not in SOFT_VERBS) or event
        named = (any(t.pos_ == "PROPN" for t in concrete) and lemma not in ONGOING_VERBS) or obj_kpi
        actions.append((verb, lemma, concrete, strong, named, ev_span))

    reasons_not: list[tuple[str, re.Match | None]] = []
    if hedge and not target:
        reasons_not.append((f"'{hedge.group(0).strip()}' hedges it and no number pins it down", hedge))
    if comparative and not target:
        reasons_not.append((f"'{comparative.group(0)}' is a comparison with no number or reference", comparative))
    if superlative and not kpi:
        reasons_not.append((f"'{superlative.group(0)}' is a slogan, not a scope", superlative))
    if open_scope:
        reasons_not.append((f"'{open_scope.group(0)}' has no defined scope", open_scope))
    if skill and not target and not OUTCOME_OBJECTS.search(text):
        reasons_not.append((f"'{skill.group(0)}' names a skill with no level or outcome", skill))
    affect = AFFECT.search(text)
    if affect:
        reasons_not.append((f"'{affect.group(0)}' is a feeling, not a scope anyone can check", affect))

    # the thing acted on is a placeholder ("finish SOC2 stuff", "refactor stuff in the billing module", "ship the thing
    # Gal asked for", "set up something for knowledge sharing"; eighth round, smart_i)
    # (not "do something about staff turnover": a named KPI follows)
    filler = next((t for t in first_objs or () if t.lower_ in PLACEHOLDER_OBJECTS and t.dep_ in ("dobj", "obj", "ROOT")
                   and not (t.i + 1 < len(g.doc) and g.doc[t.i + 1].lower_ == "about")), None)
    if filler is not None and not target:
        reasons_not.append((f"'{filler.text}' names no concrete object", None))
    platitude = PLATITUDE.search(text)
    if platitude and not target:
        reasons_not.append((f"'{platitude.group(0)}' is an aspiration, not something anyone can check", platitude))
    universal = (UNIVERSAL.search(text) or ZERO.search(text))
    all_concrete = _concrete_tokens(g, [t for t in g.doc if t.idx >= g.offset])
    counted = bool(universal) and bool(all_concrete) and _scoped(g, all_concrete)
    # a vague verb is vague unless what it acts on is named ("own the Q3 SOX walkthroughs") or counted
    # ("ensure zero data breaches across the organisation")
    first = next((t for t in g.doc if t.idx >= g.offset and t.is_alpha), None)
    buzz = (actions[0][0] if actions and actions[0][1] in BUZZ_VERBS else
            first if first is not None and not actions and first.lower_ in BUZZ_VERBS else None)
    # owning a named thing is a concrete responsibility; supporting, helping with or leveraging one is not
    named_object = bool(actions) and actions[0][1] in OWNERSHIP_VERBS and any(t.pos_ == "PROPN" for t in actions[0][2])
    none_counted = counted and bool(ZERO.search(text) or re.search(r"\b(?:no|never|nobody|nothing)\b", text, re.I))
    event_action = bool(actions) and actions[0][1] in EVENT_VERBS and actions[0][3]
    if buzz is not None and not target and not named_object and not none_counted and not event_action:
        reasons_not.append((f"'{buzz.text}' is a vague verb", None))
    concrete_action = next((x for x in actions if x[3]), None)
    named_action = next((x for x in actions if x[4]), None)
    outcome = OUTCOME_OBJECTS.search(text)
    target_on_thing = target and bool(all_concrete or kpi)

    positive = None
    if concrete_action:
        positive = ("a concrete action on a concrete object", concrete_action[5])
    elif named_action:
        positive = ("a named KPI or named thing as the object", named_action[5])
    elif target_on_thing:
        positive = ("a target on a named thing", None)
    elif outcome:
        positive = ("an outcome that happens or not", None)
    elif counted:
        positive = ("a countable outcome about a concrete, scoped thing", None)
    elif not actions and len(all_concrete) >= 2:
        positive = ("a concrete deliverable", None)

    for verb, lemma, concrete, strong, named, (s, e) in actions[:3]:
        if e > s:
            ev.append(g.span_evidence("action", "specificity", s, e, "action and object"))
    details = {"actions": [x[1] for x in actions], "hedge": hedge.group(0) if hedge else None}
    if positive and not reasons_not:
        expl = f"Specific: {positive[0]}"
        if positive[1]:
            expl += f" ('{text[positive[1][0]:positive[1][1]]}')"
        score = 1.0 if (target or concrete_action) else 0.8
        return CriterionResult(True, score, tuple(ev), expl + ".", "", details=details)
    for msg, m in reasons_not:
        if m is not None:
            ev.append(g.span_evidence("red_flag", "specificity", m.start(), m.end(), "vague"))
    if reasons_not:
        expl = "Not specific: " + "; ".join(r[0] for r in reasons_not[:2]) + "."
    else:
        verb = actions[0][0].text if actions else None
        expl = (f"Not specific: '{verb}' has no concrete object or scope." if verb
                else "Not specific: no concrete action or object.")
    sugg = ("Name the concrete action, what it applies to and the scope: e.g. 'Cut first-response time on tier-1 "
            "tickets', not 'Improve support'.")
    score = 0.3 if positive else 0.1
    return CriterionResult(False, score, tuple(ev), expl, sugg, details=details)
