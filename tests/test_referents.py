"""A protected mention that hangs on a pronoun pointing at someone else the comment names (a
patient, a caller) is not about the reviewee; where the pronoun may be the reviewee's, the flag stays."""

import pytest

BIAS = ("bias.disability", "bias.family_status", "bias.age", "bias.other_protected")


def _bias(analyzer, text):
    return {f.category for f in analyzer.analyze(text).flags if f.category in BIAS}


@pytest.mark.parametrize("text", [
    "Priya took the call from Mr Daniels about his wife's dementia and booked a home visit the same day.",
    "She talked the caller through resetting his password while he explained his hearing loss.",
    "Dev handled the complaint from Mrs Green, who is elderly and partially sighted, with real patience.",
    "Maria settled Mr Osei, who is deaf, by writing the discharge plan out for him.",
    "She discharged 30 patients after their surgery with no readmissions.",   # she is not a they
])
def test_mentions_about_someone_else_are_not_flagged(analyzer, text):
    assert _bias(analyzer, text) == set()


@pytest.mark.parametrize("text,category", [
    ("Since her knee surgery in March, Joanne has been slower on the ward.", "bias.disability"),
    ("Priya told Mr Daniels about her divorce and then cried in the office.", "bias.family_status"),
    ("Since his stroke, Mr Lee has struggled on the tills.", "bias.disability"),
    ("Too early to tell with Felix, he's only 24 and still wet behind the ears", "bias.age"),
    ("Mark covered for Sam while his wife was in hospital.", "bias.family_status"),
    ("Kwame, who is deaf, runs the best handovers on the ward.", "bias.disability"),
    ("Since their surgery Alex has been slower on the ward.", "bias.disability"),       # Alex may be a they
    ("Dan has been slower since their surgery; the team has covered 3 shifts.", "bias.disability"),  # no one served
])
def test_mentions_the_reviewee_may_own_stay_flagged(analyzer, text, category):
    assert category in _bias(analyzer, text)



def test_the_learned_check_does_not_flag_a_sentence_whose_mention_is_someone_elses(analyzer):
    text = "Sean found Mrs Walsh a quieter room because of her anxiety about the MRI, and the scan finished on time."
    assert not [f for f in analyzer.analyze(text).flags if f.category.startswith("bias.")]
