"""Every phrase or lemma term is split the way spaCy's tokenizer splits the same words in a comment;
a term split otherwise can never match (before 2026-11-27: "gives 110%", "boys' club", "they/them
pronouns", "h-1b" were silently dead)."""

from __future__ import annotations

from feedbackai.checks import registry


def test_lexicon_terms_tokenize_like_spacy(nlp):
    wrong = []
    for lx in registry.lexicons():
        for e in lx.entries:
            if e.match in ("phrase", "lemma") and e.tokens and " '" not in e.key:  # "i 'm": written pre-split
                real = tuple(t.lower_ for t in nlp.tokenizer(e.key.lower()))
                if real != e.tokens:
                    wrong.append((lx.id, e.key, e.tokens, real))
    assert not wrong, wrong[:10]


def test_formerly_dead_terms_now_flag(analyzer):
    for text, cat in [("Robin always gives 110%.", "vague.generic"),
                      ("It is a bit of a boys' club on the night shift.", "bias.gendered"),
                      ("He is on an H-1B visa.", "bias.other_protected")]:
        assert cat in {f.category for f in analyzer.analyze(text).flags}, text


def test_curly_apostrophes_match_like_straight_ones(analyzer):
    """Text pasted from a word processor has ’ for ': the same terms must match."""
    for straight in ["I'm not sure she's ready for the lead role.", "It is a bit of a boys' club on nights.",
                     "From what I've seen the handovers are late."]:
        curly = straight.replace("'", "\u2019")
        got = [(f.category, f.start, f.end) for f in analyzer.analyze(curly).flags]
        want = [(f.category, f.start, f.end) for f in analyzer.analyze(straight).flags]
        assert got == want, (curly, got, want)
