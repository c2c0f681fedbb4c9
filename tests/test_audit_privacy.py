"""Suppression (k and next-smallest), keyed pseudonyms, name redaction."""

import hashlib
import hmac

import pytest

from feedbackai.audit.privacy import PersonRedactor, Pseudonymiser, check_k, redact, suppress


def test_no_suppression_when_all_groups_reach_k():
    assert suppress({"a": 10, "b": 5, "c": 7}, 5) == {}


def test_next_smallest_is_suppressed_too():
    hidden = suppress({"a": 50, "b": 3, "c": 20, "d": 9}, 5)
    assert hidden == {"b": "n < k", "d": "complementary"}


def test_complement_continues_until_hidden_total_reaches_k():
    # two tiny groups (1 + 1 < k): a third must go so their sum cannot be derived
    hidden = suppress({"a": 1, "b": 1, "c": 30, "d": 40}, 5)
    assert hidden == {"a": "n < k", "b": "n < k", "c": "complementary"}


def test_two_small_groups_already_protect_each_other():
    assert suppress({"a": 3, "b": 4, "c": 30}, 5) == {"a": "n < k", "b": "n < k"}


def test_single_group_below_k_is_hidden():
    assert suppress({"only": 2}, 5) == {"only": "n < k"}


def test_k_minimum():
    with pytest.raises(ValueError, match="at least 3"):
        check_k(2)
    with pytest.raises(ValueError):
        suppress({"a": 1}, 1)
    assert check_k(3) == 3


def test_pseudonyms_are_keyed_hmacs():
    key = b"k" * 32
    p = Pseudonymiser(key)
    expect = "p_" + hmac.new(key, b"E1234", hashlib.sha256).hexdigest()[:16]
    assert p("E1234") == expect
    assert p("E1234") == p("E1234") != p("E1235")
    assert Pseudonymiser(b"x" * 32)("E1234") != expect       # another run, another key
    assert Pseudonymiser()("E1234") != Pseudonymiser()("E1234")  # random key per run
    assert p(None) == "" and p("") == ""
    with pytest.raises(ValueError):
        Pseudonymiser(b"short")


def test_redact_remaps_offsets():
    text = "Ask Dana Lee and Sam to review it."
    new, remap = redact(text, [(4, 12), (17, 20)])
    assert new == "Ask [NAME] and [NAME] to review it."
    # a span after the names moves; a span over a name covers its mark
    a, b = text.index("review"), text.index("review") + 6
    assert new[remap(a, False):remap(b, True)] == "review"
    assert new[remap(4, False):remap(12, True)] == "[NAME]"
    assert new[remap(6, False):remap(8, True)] == "[NAME]"      # inside a name
    assert new[remap(0, False):remap(3, True)] == "Ask"


def test_redact_without_spans_is_identity():
    new, remap = redact("abc", [])
    assert new == "abc" and remap(2, True) == 2


def test_person_redactor_on_real_pipeline(nlp):
    r = PersonRedactor(nlp)
    texts = ["Aisha led the migration and Mateo reviewed it.", "", "Priya had a great year. Priya shipped Atlas."]
    out = [t for t, _ in r.redact_many(texts)]
    assert "Aisha" not in out[0] and "Mateo" not in out[0] and "[NAME]" in out[0]
    assert out[1] == ""
    assert "Priya" not in out[2]
    assert "migration" in out[0]
