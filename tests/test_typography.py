"""Typographic quotes, dashes and spaces (text pasted from Word or Outlook) are read as plain ones."""

from __future__ import annotations

import re

import pytest

from feedbackai.typography import _PLAIN, plain, unmarked

PAIRS = [
    ("She\u2019s a bit of a diva and hard\u2013working.", "She's a bit of a diva and hard-working."),
    ("He\u2019s always late and doesn\u2019t send the handover notes.", "He's always late and doesn't send the handover notes."),
    ("The client called her \u201cabrasive\u201d after the 3 May call.", 'The client called her "abrasive" after the 3 May call.'),
    ("She\u00a0is\u00a0very emotional in planning meetings.", "She is very emotional in planning meetings."),
    ("Great job this year \u2014 keep it up!", "Great job this year - keep it up!"),
    ("If I\u2019m honest, she\u2019s a bit of a perfectionist.", "If I'm honest, she's a bit of a perfectionist."),
    ("\ufeffShe is abrasive in code reviews.", " She is abrasive in code reviews."),
]


def test_plain_replaces_one_character_for_one():
    for variant, ordinary in _PLAIN.items():
        assert len(variant) == 1 and len(ordinary) == 1
    text = "".join(_PLAIN)
    assert len(plain(text)) == len(text)
    assert plain(PAIRS[0][0]) == PAIRS[0][1]


@pytest.mark.parametrize("typed,ordinary", PAIRS)
def test_typographic_text_gets_the_plain_texts_flags_with_its_own_characters(analyzer, typed, ordinary):
    got, want = analyzer.analyze(typed), analyzer.analyze(ordinary)
    assert got.text == typed
    assert [(f.category, f.start, f.end) for f in got.flags] == [(f.category, f.start, f.end) for f in want.flags]
    assert want.flags or ordinary.startswith("The client")  # every other pair has something to flag
    for f in got.flags:
        assert f.text == typed[f.start:f.end]
    for e in got.evidence:
        assert e.text == typed[e.start:e.end]
    for s in got.sentences:
        assert s.text == typed[s.start:s.end]
    assert got.specificity.value == pytest.approx(want.specificity.value, abs=1e-6)
    assert got.actionability.value == pytest.approx(want.actionability.value, abs=1e-6)


def test_hyphenated_term_typed_with_an_en_dash_is_flagged(analyzer):
    typed = "Dariusz is hard\u2013working."
    assert [f.text for f in analyzer.analyze(typed).flags if f.category == "vague.generic"] == ["hard\u2013working"]


# Rich-text fields exported as HTML read as the text they show
MARKUP = [
    ("She is <b>bossy</b> and <i>emotional</i> in meetings.", "She is bossy and emotional in meetings."),
    ("<p>Great job this year.</p><p>He is always late&nbsp;to stand-ups and a bit of a <em>diva</em>.</p>",
     "Great job this year. He is always late to stand-ups and a bit of a diva."),
    ("She&rsquo;s a bit of a diva &amp; hard&ndash;working.", "She's a bit of a diva & hard-working."),
    ('<div class="note"><span style="color:red">She gets &quot;too emotional&quot; with clients</span></div>',
     'She gets "too emotional" with clients'),
    ("<ul><li>too old for this</li><li>a real team player</li></ul>", "too old for this\na real team player"),
]


# Markdown from review tools, read the same way
MARKDOWN = [
    ("She is **bossy** and _emotional_ in meetings.", "She is bossy and emotional in meetings."),
    ("* She is a bit of a __diva__.\n* Great job overall!", "* She is a bit of a diva.\n* Great job overall!"),
    ("See [her write-up](https://wiki.example.com/q3 \"Q3\") - she is *abrasive* with `git` novices.",
     "See her write-up - she is abrasive with `git` novices."),
    ("He is ~~too old~~ **_too old_** for this.", "He is too old too old for this."),
]


@pytest.mark.parametrize("marked,shown", MARKUP + MARKDOWN)
def test_markup_is_read_as_the_text_it_shows(analyzer, marked, shown):
    got, want = analyzer.analyze(marked), analyzer.analyze(shown)
    assert got.text == marked and want.flags
    # a flag's own text keeps the markup inside it ("bit of a __diva"): compare what it shows
    shows = [(f.category, re.sub(r"[*_~]", "", unmarked(f.text).text if unmarked(f.text) else f.text)) for f in got.flags]
    assert sorted(shows) == sorted((f.category, f.text) for f in want.flags)
    for f in got.flags:
        assert f.text == marked[f.start:f.end] and f.text[0] not in "<*_~" and f.text[-1] not in ">*_~"
    for s in got.sentences:
        assert s.text == marked[s.start:s.end]
    assert len(got.sentences) == len(want.sentences)


def test_unmarked_text_and_where_each_character_came_from():
    text = "<p>She&rsquo;s <b>bossy</b>.</p><p>Late&nbsp;twice.</p>"
    u = unmarked(text)
    assert u.text == "\nShe's bossy.\nLate twice.\n"
    k = u.text.index("bossy")
    assert text[slice(*u.span(k, k + 5))] == "bossy"
    assert text[slice(*u.span(1, 6))] == "She&rsquo;s"        # a decoded reference maps to all of it
    assert len(u.starts) == len(u.ends) == len(u.text)


def test_script_and_style_content_and_comments_are_not_review_text():
    text = "<style>.x{color:red}</style><script>alert('she is abrasive')</script><!-- bossy -->Fine."
    u = unmarked(text)
    assert u.text == "Fine." and u.span(0, 5) == (len(text) - 5, len(text))


@pytest.mark.parametrize("text", ["Revenue < plan and costs > budget.", "Loved working with her <3",
                                  "Use a<b in the SQL filter", "R&D spend & tax credits; AT&T account",
                                  "Renamed load_user_data and user_id in the API.", "Scored 5 * 3 * 2 on the rubric.",
                                  "Revenue* was up (*unaudited).", "Cut costs by 10%_", "Tickets tagged [urgent] first.",
                                  "Hit 2*3*4 = 24", "Use the snake_case_names the team agreed"])
def test_text_that_only_looks_like_markup_is_left_alone(text):
    assert unmarked(text) is None


@pytest.mark.parametrize("marked,shown", MARKDOWN)
def test_markdown_emphasis_and_links_are_removed(marked, shown):
    assert unmarked(marked).text == shown


def test_markdown_inside_html_maps_back_through_both():
    text = "<p>She is **bossy**&nbsp;at times.</p>"
    u = unmarked(text)
    assert u.text == "\nShe is bossy at times.\n"
    k = u.text.index("bossy")
    assert text[slice(*u.span(k, k + 5))] == "bossy"
    assert text[slice(*u.span(k + 5, k + 6))] == "&nbsp;"      # the closing marker left no character
