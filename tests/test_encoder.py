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


def test_int8_linear_matches_its_reference_arithmetic():
    """The in-place Int8Linear computes exactly the per-token/per-channel int8 product."""
    import torch

    from feedbackai.encoder import Int8Linear

    torch.manual_seed(0)
    lin = torch.nn.Linear(48, 24)
    q = Int8Linear(lin)
    x = torch.randn(3, 7, 48)
    with torch.inference_mode():
        got = q(x)
        x2 = x.reshape(-1, 48)
        sx = x2.abs().amax(dim=1, keepdim=True).clamp(min=1e-8) / 127.0
        xq = torch.round(x2 / sx).clamp(-127, 127).to(torch.int8)
        want = (torch._int_mm(xq, q.w_t).float() * sx * q.scale_w + lin.bias).reshape(3, 7, 24)
        assert torch.equal(got, want)
        assert torch.allclose(got, lin(x), atol=0.05)  # and it approximates the float layer
