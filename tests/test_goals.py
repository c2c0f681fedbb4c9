"""SMART goal checking: the contract and a first honest check of each criterion."""

import datetime as dt

import pytest

import feedbackai
from feedbackai.goals import clean_objectives, parse_today
from feedbackai.goals.dates import find_deadlines
from feedbackai.types import SMART_CRITERIA

TODAY = dt.date(2026, 11, 26)


def test_contract(analyzer):
    r = feedbackai.check_goal("Reduce p95 checkout latency from 900 ms to 400 ms by end of Q3 2027",
                              ["Make checkout faster and more reliable"], TODAY)
    assert set(r.criteria) == set(SMART_CRITERIA)
    for c in r.criteria.values():
        assert isinstance(c.met, bool) and 0 <= c.score <= 1 and c.explanation
    assert all(r.met.values()) and r.score > 80
    assert r.criteria["relevant"].details["best_objective"] == "Make checkout faster and more reliable"
    assert r.today == "2026-11-26"


@pytest.mark.parametrize("text,expected", [
    ("by 2027-03-31", dt.date(2027, 3, 31)),
    ("by 31/03/2027", dt.date(2027, 3, 31)),
    ("by 3/31/27", dt.date(2027, 3, 31)),
    ("by March 31st, 2027", dt.date(2027, 3, 31)),
    ("by 31 March 2027", dt.date(2027, 3, 31)),
    ("by March 2027", dt.date(2027, 3, 31)),
    ("by end of Q3", dt.date(2027, 9, 30)),
    ("in Q4", dt.date(2026, 12, 31)),
    ("by Q3 FY27", dt.date(2027, 9, 30)),
    ("in H1 2027", dt.date(2027, 6, 30)),
    ("by year end", dt.date(2026, 12, 31)),
    ("next quarter", dt.date(2027, 3, 31)),
    ("within 6 weeks", dt.date(2027, 1, 7)),
    ("in the next 90 days", dt.date(2027, 2, 24)),
    ("by Friday", dt.date(2026, 11, 27)),
])
def test_deadlines_resolve_against_today(text, expected):
    found = find_deadlines("Ship the release " + text, TODAY)
    assert found and found[0].date == expected, found


def test_event_deadline_is_time_bound_but_unresolved():
    found = find_deadlines("Migrate the billing jobs before the spring release", TODAY)
    assert found and found[0].date is None and found[0].how == "event"


@pytest.mark.parametrize("goal,met", [
    ("Ship the v2 billing API by 2027-03-01", True),
    ("Ship the v2 billing API by 2025-03-01", False),     # already past
    ("Answer tickets ASAP", False),
    ("Review the backlog weekly", False),                  # cadence without a horizon
    ("Review the backlog weekly until the end of Q2", True),
    ("Keep improving eventually", False),
])
def test_time_bound(analyzer, goal, met):
    c = feedbackai.check_goal(goal, today=TODAY).criteria["time_bound"]
    assert c.met is met, c.explanation
    if "2025" in goal:
        assert "past" in c.explanation and "2025" in c.explanation


@pytest.mark.parametrize("goal,met", [
    ("Raise NPS from 32 to 45 by Q2", True),
    ("Cut churn to 3%", True),
    ("Complete the AWS Solutions Architect certification", True),
    ("Get better at Python 3", False),
    ("Learn React 18", False),
    ("Be more visible in the 2026 reorg", False),
])
def test_measurable(analyzer, goal, met):
    assert feedbackai.check_goal(goal, today=TODAY).criteria["measurable"].met is met


@pytest.mark.parametrize("goal,met", [
    ("Improve communication", False),
    ("Try to work on leadership if possible", False),
    ("Cut first-response time on tier-1 support tickets", True),
    ("Migrate the nightly billing jobs to Airflow", True),
])
def test_specific(analyzer, goal, met):
    assert feedbackai.check_goal(goal, today=TODAY).criteria["specific"].met is met


@pytest.mark.parametrize("goal,met", [
    ("Zero defects forever", False),
    ("Reach 100% of all customers by Q1", False),
    ("Triple ARR next month", False),
    ("Get promoted to VP by June", False),
    ("Ship the mobile app, hire three engineers and learn Rust by Q2", False),
    ("Raise NPS from 32 to 40 by Q4 2027", True),
])
def test_achievable(analyzer, goal, met):
    assert feedbackai.check_goal(goal, today=TODAY).criteria["achievable"].met is met


def test_relevant_with_and_without_objectives(analyzer):
    objs = ["Grow recurring revenue from mid-market customers", "Reduce customer support costs"]
    yes = feedbackai.check_goal("Close 12 new mid-market subscription deals by Q2", objs, TODAY)
    no = feedbackai.check_goal("Repaint the warehouse break room by Q2", objs, TODAY)
    assert yes.criteria["relevant"].met and not no.criteria["relevant"].met
    none = feedbackai.check_goal("Close 12 new deals by Q2", (), TODAY)
    rel = none.criteria["relevant"]
    assert rel.judged is False and rel.met is False and "not judged" in rel.explanation
    assert none.notes


def test_rewrite_keeps_the_goals_words_and_marks_the_gaps(analyzer):
    r = feedbackai.check_goal("Improve onboarding for new nurses", today=TODAY)
    assert "onboarding for new nurses" in r.rewrite
    assert "<target>" in r.rewrite and "<date>" in r.rewrite


def test_bad_input():
    with pytest.raises(ValueError, match="empty"):
        feedbackai.check_goal("   ")
    with pytest.raises(TypeError):
        feedbackai.check_goal(None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        feedbackai.check_goal("Ship it by Q3", today="26/11/2026")
    assert parse_today("2026-11-26") == TODAY
    assert clean_objectives(["  Grow  revenue ", "", "grow revenue", "Cut costs"]) == ("Grow revenue", "Cut costs")


def test_check_goals_streams(analyzer):
    goals = ["Ship X by Q3", "Improve", "Cut churn to 3% by June"]
    out = list(feedbackai.check_goals(iter(goals), ["Grow revenue"], TODAY))
    assert [r.goal for r in out] == goals
