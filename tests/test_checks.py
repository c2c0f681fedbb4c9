"""Every check proves itself from its own examples; configuration works."""

import textwrap

import pytest

from feedbackai import Analyzer
from feedbackai.checks import CheckConfig, Checker, LexiconError, load_lexicon, registry
from feedbackai.checks.context import FILTERS
from feedbackai.types import CATEGORIES

LEXICONS = registry.lexicons()


def test_every_check_has_flag_and_pass_examples():
    for lx in LEXICONS:
        assert lx.flag_examples, f"{lx.id} has no flag examples"
        assert lx.pass_examples, f"{lx.id} has no pass examples"


def test_every_check_cites_its_source_and_every_entry_explains():
    for lx in LEXICONS:
        assert lx.source and lx.licence, lx.id
        for e in lx.entries:
            assert e.explanation and e.suggestion and e.source, (lx.id, e.key)
            assert set(e.categories) <= set(CATEGORIES)


def _cases():
    for lx in LEXICONS:
        for ex in lx.flag_examples:
            yield pytest.param(lx.id, ex, True, id=f"{lx.id}-flag-{ex[:30]}")
        for ex in lx.pass_examples:
            yield pytest.param(lx.id, ex, False, id=f"{lx.id}-pass-{ex[:30]}")


@pytest.mark.parametrize("check_id,example,should_flag", list(_cases()))
def test_check_examples(analyzer, check_id, example, should_flag):
    report = analyzer.analyze(example)
    hits = [f for f in report.flags if f.check == check_id]
    if should_flag:
        assert hits, f"{check_id} should flag: {example!r}"
    else:
        assert not hits, f"{check_id} should not flag {[h.text for h in hits]} in {example!r}"


def test_categories_can_be_turned_off(analyzer):
    a = Analyzer(CheckConfig(disabled=["bias.personality"]), nlp=analyzer.nlp)
    r = a.analyze("She is abrasive. Great job!")
    assert {f.category for f in r.flags} == {"vague.generic"}
    b = Analyzer(CheckConfig(categories=["bias.personality"]), nlp=analyzer.nlp)
    assert {f.category for f in b.analyze("She is abrasive. Great job!").flags} == {"bias.personality"}


def test_allow_and_deny_lists(analyzer):
    a = Analyzer(CheckConfig(allow=["Great job"], deny=[{"term": "ninja", "category": "vague.generic"}]),
                 nlp=analyzer.nlp)
    r = a.analyze("Great job! She is a real ninja.")
    assert [f.text for f in r.flags] == ["ninja"]
    assert r.flags[0].source == "organisation deny list"


def test_severity_threshold(analyzer):
    a = Analyzer(CheckConfig(min_severity="medium"), nlp=analyzer.nlp)
    r = a.analyze("Maybe she is abrasive.")
    assert [f.text for f in r.flags] == ["abrasive"]


# an organisation's own lexicon file: its header, then the entries a test gives
ORG_LEXICON = """
id: org.jargon
category: vague.generic
severity: low
match: phrase
explanation: "'{term}' is house jargon."
suggestion: "Say what was done."
source: {citation: "Acme style guide", licence: internal}
examples: {flag: ["Great synergy."], pass: ["We met."]}
"""


def test_extra_organisation_lexicon(analyzer, tmp_path):
    p = tmp_path / "org.yaml"
    p.write_text(ORG_LEXICON + "entries: [synergy, move the needle]\n")
    a = Analyzer(CheckConfig(extra_lexicons=[p]), nlp=analyzer.nlp)
    r = a.analyze("He helped move the needle on synergy.")
    assert {f.text for f in r.flags if f.check == "org.jargon"} == {"move the needle", "synergy"}


@pytest.mark.parametrize("body,msg", [
    ("id: x\ncategory: vague.nope\nsource: s\nentries: [a]", "unknown category"),
    ("id: x\ncategory: vague.hedge\nentries: [a]", "source"),
    ("id: x\ncategory: vague.hedge\nsource: s\nentries: [a]", "explanation"),
    ("id: x\ncategory: vague.hedge\nsource: s\nexplanation: e\nsuggestion: s\ncontext: [nope]\nentries: [a]", "context"),
    ("- just a list", "mapping"),
    ("id: [unclosed", "cannot read"),
    # a key given twice would silently replace the first; a bare on/no/true in a list is a boolean
    ("id: x\ncategory: vague.hedge\nsource: s\nexplanation: e\nsuggestion: s\n"
     "entries:\n  - terms: [a]\n    unless_next: [b]\n    unless_next: [c]", "given twice"),
    ("id: x\ncategory: vague.hedge\nsource: s\nexplanation: e\nsuggestion: s\n"
     "entries:\n  - terms: [a]\n    unless_next: [at, on, by]", "quote it"),
])
def test_malformed_lexicons_give_clear_errors(tmp_path, body, msg):
    p = tmp_path / "bad.yaml"
    p.write_text(body)
    with pytest.raises(LexiconError, match=msg):
        load_lexicon(p, known_contexts=tuple(FILTERS))


def test_bad_config_is_rejected():
    with pytest.raises(ValueError):
        CheckConfig(categories=["bias.nope"])
    with pytest.raises(ValueError):
        CheckConfig(min_severity="huge")
    with pytest.raises(ValueError):
        CheckConfig(deny=[{"term": "x"}])


@pytest.mark.parametrize("text,category,word", [
    ("She is abrasive.", "bias.personality", "abrasive"),
    ("A difficult person to manage.", "bias.personality", "difficult"),
    ("He comes across as arrogant in meetings.", "bias.personality", "arrogant"),
    ("She can be quite emotional and defensive.", "bias.personality", "defensive"),
])
def test_personality_about_people(analyzer, text, category, word):
    assert any(f.category == category and word in f.text for f in analyzer.analyze(text).flags)


@pytest.mark.parametrize("text", [
    "We set an aggressive target for Q3.",
    "The Oracle migration was difficult.",
    "Enable lazy loading on the images.",
    "The cold storage tier saves money.",
    "Warm leads convert twice as often.",
])
def test_personality_words_about_things_are_not_flagged(analyzer, text):
    assert not [f for f in analyzer.analyze(text).flags if f.category == "bias.personality"]


def test_absolute_backed_by_a_count_is_not_flagged(analyzer):
    assert not [f for f in analyzer.analyze("She never missed a deadline in 12 sprints.").flags
                if f.category == "vague.absolute"]
    assert [f for f in analyzer.analyze("She never meets deadlines.").flags if f.category == "vague.absolute"]


def test_generic_praise_with_evidence_in_the_sentence_is_not_flagged(analyzer):
    assert not [f for f in analyzer.analyze("Great work on the Q3 migration: zero downtime across 40 services.").flags
                if f.category == "vague.generic"]


def test_one_phrase_can_carry_two_categories(analyzer):
    text = "As a working mom she is often distracted."
    a, b = text.index("working mom"), text.index("working mom") + len("working mom")
    cats = {f.category for f in analyzer.analyze(text).flags if f.start <= a and b <= f.end
            and f.category.startswith("bias")}
    assert cats == {"bias.gendered", "bias.family_status"}


def test_checker_runs_without_precomputed_evidence(nlp):
    doc = nlp("Great job, she is abrasive.")
    flags = Checker().run(doc)
    assert {f.category for f in flags} == {"vague.generic", "bias.personality"}


def test_vague_words_in_quotes_are_someone_elses_and_reported_words_are_mentions(analyzer):
    quoted = analyzer.analyze("The buyer wrote “always helpful, never late” in the renewal survey.")
    assert not [f for f in quoted.flags if f.category.startswith("vague.")]
    bare = analyzer.analyze("She is always helpful and never late.")
    assert {"vague.absolute"} <= {f.category for f in bare.flags}
    # reporting what the person said is feedback on their conduct, not the reviewer's bias
    for text in ('He called the new hire "a total psycho" in front of the team.',
                 "He needs to stop calling female colleagues 'love' and 'sweetheart'."):
        assert not [f for f in analyzer.analyze(text).flags if f.category.startswith("bias.")], text
    # scare quotes are still the reviewer's own judgement
    assert any(f.category == "bias.gendered" for f in analyzer.analyze("She is a real 'diva' in meetings.").flags)
    assert any(f.category == "bias.disability" for f in analyzer.analyze('He is a bit "psycho" about deadlines.').flags)


def test_an_absolute_backed_by_a_count_of_things_is_not_vague_but_a_period_alone_is(analyzer):
    backed = analyzer.analyze("She never missed a medication round in 40 night shifts.")
    assert not [f for f in backed.flags if f.category == "vague.absolute"]
    period = analyzer.analyze("She was never late in 3 weeks.")
    assert any(f.category == "vague.absolute" for f in period.flags)


@pytest.mark.parametrize("text,word", [
    ("Tunde can be abrasive with the night crew.", "abrasive"),
    ("Simone is bossy in stand-ups.", "bossy"),
    ("Shanice is arrogant with junior staff.", "arrogant"),
    ("Rosalind is pushy with the suppliers.", "pushy"),
    ("ximena is moody on Mondays.", "moody"),  # a lower-case name at the start of a comment
])
def test_names_of_any_origin_are_people(analyzer, text, word):
    # names the small model tags NOUN, ORG or GPE, and not in the flip's name list
    assert any(text[f.start:f.end] == word for f in analyzer.analyze(text).flags), text


@pytest.mark.parametrize("text", [
    "Marketing is aggressive about the launch date.",
    "Attrition is stubborn in the warehouse this year.",
    "Salesforce reports are difficult to read.",
])
def test_common_words_as_subjects_are_not_people(analyzer, text):
    assert not [f for f in analyzer.analyze(text).flags if f.category == "bias.personality"], text


def test_origin_inside_a_stereotype_is_the_stereotype_not_a_plain_mention(analyzer):
    # annotation convention: a plain mention of nationality is other_protected; the same word
    # inside an ethnic or national stereotype is race_ethnicity only (yields_to in the YAML)
    cats = {f.category for f in analyzer.analyze("Wei is a typical Chinese engineer, head down.").flags}
    assert "bias.race_ethnicity" in cats and "bias.other_protected" not in cats
    cats = {f.category for f in analyzer.analyze("Kofi is Ghanaian and very loud on calls.").flags}
    assert "bias.race_ethnicity" in cats and "bias.other_protected" not in cats
    # a plain mention stays other_protected
    cats = {f.category for f in analyzer.analyze("Wei is Chinese and joined the Leeds team in May.").flags}
    assert "bias.other_protected" in cats and "bias.race_ethnicity" not in cats


def test_yields_to_names_known_categories(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(textwrap.dedent("""
        id: bad
        version: 1
        category: vague.hedge
        severity: low
        match: phrase
        explanation: x
        suggestion: y
        source: {citation: test, licence: CC0, retrieved: 2026-11-26}
        entries:
          - terms: [maybe]
            yields_to: [bias.nonsense]
        examples: {flag: ["Maybe."], pass: ["No."]}
    """))
    with pytest.raises(LexiconError, match="yields_to"):
        load_lexicon(bad)


@pytest.mark.parametrize("text,cat,word", [
    ("He mabye needs a mentor.", "vague.hedge", "mabye"),
    ("She is very arrogent in meetings.", "bias.personality", "arrogent"),
    ("He sumtimes misses the handover.", "vague.quantifier", "sumtimes"),
])
def test_misspelt_terms_are_still_the_terms(analyzer, text, cat, word):
    assert any(f.category == cat and f.text == word for f in analyzer.analyze(text).flags), text


@pytest.mark.parametrize("text", [
    "Keisha ran the Black Friday floor plan with no till outage.",   # a name, one edit from a term
    "linda closed 40 tickets in March.",                              # a lower-case name
    "She migrated the kubectl scripts to the new cluster in May.",    # a tool name
])
def test_names_and_tools_are_not_misspellings(analyzer, text):
    assert not analyzer.analyze(text).flags, text


def test_an_unlemmatised_inflection_is_no_misspelling(analyzer):
    # the small model tags "looks" AUX and leaves its lemma "looks"; one edit from a slur in the lexicon
    flags = analyzer.analyze("now he has a new role, looks settled").flags
    assert not [f for f in flags if f.check != "learned.flags"], flags


def test_osa_distance():
    from feedbackai.checks.typos import osa_distance

    assert osa_distance("mabye", "maybe") == 1   # transposition
    assert osa_distance("alwys", "always") == 1  # deletion
    assert osa_distance("arrogent", "arrogant") == 1
    assert osa_distance("probly", "probably") == 2


def test_person_through_placeholder_nouns_and_descriptive_fragments(analyzer):
    # "a feisty little thing": the noun stands for the person it is predicated of
    flags = analyzer.analyze("Marta is such a feisty little thing with suppliers.").flags
    assert any(f.category == "bias.personality" and f.text == "feisty" for f in flags)
    assert not analyzer.analyze("The new release is a fiddly thing to install.").flags
    # a clause describing a person noun in a fragment is about that person
    flags = analyzer.analyze("Lovely girl, always smiling at the customers.").flags
    assert any(f.category == "vague.absolute" and f.text == "always" for f in flags)


@pytest.mark.parametrize("text,expected", [
    ("Kenji's husband works at a rival firm.", {"bias.other_protected"}),   # same-sex partner: orientation
    ("Helen's husband works at the depot.", {"bias.family_status"}),
    ("He is a single dad.", {"bias.family_status", "bias.gendered"}),       # parent nouns carry both
    ("She is a natural leader.", {"bias.personality"}),                      # a trait, not a content-free verdict
    ("He has a whiny voice on calls.", {"bias.appearance"}),                 # not gender-coded: appearance only
])
def test_annotation_conventions(analyzer, text, expected):
    assert {f.category for f in analyzer.analyze(text).flags} == expected, text


@pytest.mark.parametrize("text,want", [
    ("Harpreet's turban is fine but the hairnet rule still applies.", "turban"),
    ("Honestly she is doing great, keep it up.", "doing great"),
])
def test_flag_spans_leave_out_edge_punctuation_and_clitics(analyzer, text, want):
    """A pattern may match "'s turban" or "doing great,"; the flag highlights the phrase."""
    spans = [f.text for f in analyzer.analyze(text).flags if f.check != "learned.flags"]
    assert want in spans, spans
    assert all(s[0] not in ",.;:!?'\u2019 " and s[-1] not in ",.;:!?'\u2019 " for s in spans), spans


def test_lexicon_yaml_merge_keys_still_load(tmp_path):
    """The strict loader keeps YAML merge keys ("<<: *defaults") working for organisation files."""
    p = tmp_path / "org.yaml"
    p.write_text(ORG_LEXICON + "defaults: &d {severity: medium}\nentries:\n  - {<<: *d, terms: [synergy]}\n")
    lx = load_lexicon(p, known_contexts=tuple(FILTERS))
    assert lx.entries[0].severity == "medium"


def test_generic_praise_that_carries_a_stereotype_yields_to_the_bias_flag(analyzer):
    cats = {f.category for f in analyzer.analyze("Praveen is good with computers, like most Indians.").flags}
    assert "bias.race_ethnicity" in cats and "vague.generic" not in cats
    # only in that sentence: a verdict elsewhere in the comment is still flagged
    cats = {f.category for f in analyzer.analyze(
        "Praveen is good with computers, like most Indians. Great job this year.").flags}
    assert {"bias.race_ethnicity", "vague.generic"} <= cats


def test_a_generic_verdict_yields_to_a_stereotype_unless_set_against_it(analyzer):
    same = {f.category for f in analyzer.analyze("Wei is good with numbers, as you'd expect of a Chinese lad.").flags}
    assert "bias.race_ethnicity" in same and "vague.generic" not in same
    against = {f.category for f in analyzer.analyze("Darius is great but has a thick accent on the tannoy.").flags}
    assert {"bias.other_protected", "vague.generic"} <= against
