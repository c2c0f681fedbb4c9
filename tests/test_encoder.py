"""The sentence encoder: batch-independent vectors, and a cache that returns exactly them."""

import numpy as np

from feedbackai.encoder import Encoder

SENTS = ["Keep up the good work.", "She cut ticket backlog from 120 to 35 in six weeks.",
         "Meets expectations.", "Could you try sharing the agenda a day ahead?"]


def test_cached_vectors_equal_fresh_ones(analyzer):
    enc = analyzer.encoder
    fresh = Encoder(cache_size=0)  # same model, no cache
    first = enc.encode(SENTS + SENTS[:2])  # duplicates inside one call too
    again = enc.encode(list(reversed(SENTS)))
    ref = fresh.encode(SENTS)
    assert np.array_equal(first[:4], ref)
    assert np.array_equal(first[4:], ref[:2])
    assert np.array_equal(again, ref[::-1])
    assert np.allclose(np.linalg.norm(ref, axis=1), 1.0, atol=1e-5)


def test_cache_is_bounded_and_counts():
    enc = Encoder(cache_size=3)
    enc.encode(SENTS)
    assert len(enc._cache) == 3 and enc.misses == 4 and enc.hits == 0
    enc.encode([SENTS[-1], "", ""])
    assert enc.hits == 1 and len(enc._cache) == 3
    assert enc.encode([]).shape == (0, enc.dim)
