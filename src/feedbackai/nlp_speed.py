"""Speed-ups of the stock English pipeline that leave its output unchanged.

Both are applied by :func:`feedbackai.nlp.load_pipeline` and were checked token by token
(tags, POS, morphology, lemmas, dependencies, entities) on 6,423 texts (generated and
corpus comments, goals), with identical results; they are
checked again by ``tests/test_nlp_speed.py``:

* :func:`use_numpy_blas` — thinc multiplies matrices with its bundled BLIS build, which
  on the machines we measured is ~2.7x slower than the OpenBLAS that ships with numpy for
  the same float32 products; the whole pipeline ran 36% faster with numpy's.
* :func:`fast_attribute_ruler` — the attribute ruler tries each of its ~180 token
  patterns at every token; 150 of them test only a token's tag and/or lower-case form,
  which a dictionary lookup answers, and 21 more are one-token tests of tag, form,
  dependency or whitespace done in Python. The other 9 keep a Matcher; the
  rules are applied in the ruler's own order, so later rules still win. ~1.7 ms -> ~0.6 ms
  per 100-word comment.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language

_OPS = None


def speed_up(nlp: Language) -> Language:
    use_numpy_blas(nlp)
    fast_attribute_ruler(nlp)
    fast_entity_recognizer(nlp)
    return nlp


def fast_entity_recognizer(nlp: Language, name: str = "ner") -> bool:
    """Put a :class:`FastEntityRecognizer` in place of the pipeline's recogniser; True if done."""
    if name not in nlp.component_names:
        return False
    proc = nlp.get_pipe(name)
    if getattr(proc, "_feedbackai_fast", False) or not FastEntityRecognizer.supports(proc):
        return False
    components = nlp._components  # (name, component) pairs; spaCy reads the pipeline from it
    for i, (n, _proc) in enumerate(components):
        if n == name:
            components[i] = (n, FastEntityRecognizer(proc))
    return True


def use_numpy_blas(nlp: Language) -> int:
    """Route the pipeline's matrix products through numpy's BLAS; returns nodes switched.

    Only nodes on plain ``NumpyOps`` are switched (GPU or other ops are left alone).
    """
    from thinc.api import NumpyOps

    ops = _numpy_blas_ops()
    switched = 0
    for _name, proc in nlp.components:
        model = getattr(proc, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops
                switched += 1
    return switched


def _numpy_blas_ops():
    global _OPS
    if _OPS is None:
        from thinc.api import NumpyOps
        from thinc.backends.ops import Ops

        class NumpyBlasOps(NumpyOps):
            """NumpyOps whose ``gemm`` is numpy's ``dot`` (OpenBLAS) rather than BLIS."""

            gemm = Ops.gemm

        _OPS = NumpyBlasOps()
    return _OPS


def fast_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Answer the ruler's single-token tag/lower-case patterns by lookup; True if applied."""
    if name not in nlp.component_names:
        return False
    ruler = nlp.get_pipe(name)
    if getattr(ruler, "_feedbackai_fast", False) or not hasattr(ruler, "patterns"):
        return False
    if len(ruler.patterns) != len(ruler.attrs):  # not the layout we know: leave it alone
        return False
    from spacy.matcher import Matcher
    from spacy.tokens._retokenize import set_token_attrs

    by_tag: dict[str, list[int]] = {}
    by_lower: dict[str, list[int]] = {}
    by_both: dict[tuple[str, str], list[int]] = {}
    tests: list[tuple[int, Any]] = []  # other single-token patterns: (rule, predicate)
    rest = Matcher(nlp.vocab)
    for attr_id, entry in enumerate(ruler.patterns):
        others = []
        for pattern in entry["patterns"]:
            if _simple(pattern):
                spec = pattern[0]
                if "TAG" in spec and "LOWER" in spec:
                    by_both.setdefault((spec["TAG"], spec["LOWER"]), []).append(attr_id)
                elif "TAG" in spec:
                    by_tag.setdefault(spec["TAG"], []).append(attr_id)
                else:
                    by_lower.setdefault(spec["LOWER"], []).append(attr_id)
            elif (test := _predicate(pattern)) is not None:
                tests.append((attr_id, test))
            else:
                others.append(pattern)
        if others:
            rest.add(str(attr_id), others)
    attrs, indices, strings = ruler.attrs, ruler.indices, nlp.vocab.strings
    empty: list[int] = []

    def match(doc) -> list[tuple[int, int]]:
        """(rule, token index) pairs, in the order the ruler applies them."""
        found = []
        for tok in doc:
            tag, lower = tok.tag_, tok.lower_
            for attr_id in by_tag.get(tag, empty):
                found.append((attr_id, tok.i))
            for attr_id in by_lower.get(lower, empty):
                found.append((attr_id, tok.i))
            for attr_id in by_both.get((tag, lower), empty):
                found.append((attr_id, tok.i))
            if tests:
                values = {"TAG": tag, "LOWER": lower, "DEP": tok.dep_, "IS_SPACE": tok.is_space}
                for attr_id, test in tests:
                    if test(values):
                        found.append((attr_id, tok.i))
        for match_id, start, end in rest(doc, allow_missing=True):
            attr_id = int(strings[match_id])
            index = indices[attr_id]
            i = (start if index >= 0 else end) + index
            if not start <= i < end:
                raise ValueError(f"attribute ruler rule {attr_id}: index {index} outside its match")
            found.append((attr_id, i))
        found.sort()
        return found

    def apply(doc, found) -> None:
        for attr_id, i in found:
            set_token_attrs(doc[i], attrs[attr_id])

    ruler.match = match
    ruler.set_annotations = apply
    ruler._feedbackai_fast = True
    return True


_ATTRS = {"TAG", "LOWER", "DEP", "IS_SPACE"}


def _predicate(pattern: list[dict[str, Any]]):
    """A Python test for a single-token pattern over tag, lower form, dependency and
    is_space with equality, ``IN`` and ``NOT_IN`` (the Matcher's semantics); None if the
    pattern has anything else (it then stays in the Matcher)."""
    if len(pattern) != 1 or not pattern[0] or not set(pattern[0]) <= _ATTRS:
        return None
    checks = []
    for attr, value in pattern[0].items():
        if attr == "IS_SPACE":
            if not isinstance(value, bool):
                return None
            checks.append((attr, "eq", value))
        elif isinstance(value, str):
            checks.append((attr, "eq", value))
        elif isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"} \
                and all(isinstance(v, str) for v in next(iter(value.values()))):
            op, items = next(iter(value.items()))
            checks.append((attr, op, frozenset(items)))
        else:
            return None

    def test(values: dict[str, Any]) -> bool:
        for attr, op, want in checks:
            got = values[attr]
            if (op == "eq" and got != want) or (op == "IN" and got not in want) \
                    or (op == "NOT_IN" and got in want):
                return False
        return True

    return test


def _simple(pattern: list[dict[str, Any]]) -> bool:
    if len(pattern) != 1:
        return False
    spec = pattern[0]
    return bool(spec) and set(spec) <= {"TAG", "LOWER"} and all(isinstance(v, str) for v in spec.values())


class FastEntityRecognizer:
    """The pipeline's own entity recogniser, decoded in bulk instead of one step at a time.

    spaCy's greedy NER decoder scores each token from three context tokens — the token
    itself, and, only while an entity is open, the entity's first token and the token before
    — and takes the best move its BILUO rules allow. It does this one step per token for the
    whole batch, and tries all 74 moves for validity at each step, which costs ~3 ms of a
    100-word comment's ~4.5 ms of NER. But while no entity is open, which is nearly always,
    a token's scores do not depend on any earlier decision, so here they come from two matrix
    products for all tokens at once; only inside an entity (the next move is I or L of its
    label) is a token scored on its own. The moves allowed are spaCy's (``ner.pyx``): B only
    if the entity can continue within the sentence and not on whitespace, U not on
    whitespace, I not at the end or before a sentence start, L always; ties go to the first
    move, as spaCy's ``arg_max_if_valid`` does. Same model, same weights, same arithmetic: the
    features are summed in spaCy's order, the output layer goes through BLIS's sgemm as in
    spaCy's decoder (numpy's BLAS sums in another order, which could flip a near-tie in the
    last bit), and ``pipe`` uses spaCy's own length-sorted sub-batches, so the layers before
    the decoder see the same inputs (``tests/test_nlp_speed.py`` and
    ``bench/ner_equivalence.py`` compare entities with the stock decoder). A batch that has
    entities set before the recogniser runs (an entity ruler's, which these rules would have
    to respect), a beam model, or moves changed since (a label added) go to spaCy's own
    decoder. ``isinstance(nlp.get_pipe("ner"), EntityRecognizer)`` is False: the wrapper
    hands attributes (read and written) to the recogniser, but is not one.

    The wrapper stands in the pipeline under the recogniser's name and hands everything
    else (labels, serialisation, training) to the recogniser itself.
    """

    _feedbackai_fast = True

    def __init__(self, ner: Any) -> None:
        import numpy as np

        self._ner = ner
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        strings = ner.vocab.strings
        self._begin = [i for i, n in enumerate(names) if n.startswith("B-") and len(n) > 2]
        self._unit = [i for i, n in enumerate(names) if n.startswith("U-") and len(n) > 2]
        self._out = names.index("O")
        self._label_hash = {}
        self._in_of: dict[str, int] = {}
        self._last_of: dict[str, int] = {}
        for i, n in enumerate(names):
            if n[:2] in ("B-", "I-", "L-", "U-") and len(n) > 2:
                self._label_hash[i] = strings.add(n[2:])
                if n[0] == "I":
                    self._in_of[n[2:]] = i
                elif n[0] == "L":
                    self._last_of[n[2:]] = i
        self._names = names
        n_moves = len(names)
        self._mask_begin = np.full(n_moves, False)
        self._mask_begin[self._begin + self._unit + [self._out]] = True
        self._mask_unit = np.full(n_moves, False)
        self._mask_unit[self._unit + [self._out]] = True
        self._label_of_move = [n[2:] if len(n) > 2 else "" for n in names]
        self._unit_set = frozenset(self._unit)
        self._ready = True

    @staticmethod
    def supports(ner: Any) -> bool:
        """True for a greedy BILUO recogniser with this layout (3 features, maxout, upper)."""
        try:
            model = ner.model
            lower = model.get_ref("lower")
            names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
            return (type(ner).__name__ == "EntityRecognizer" and ner.cfg.get("beam_width") == 1
                    and model.attrs.get("has_upper") and not model.attrs.get("unseen_classes")
                    and lower.get_dim("nF") == 3 and lower.get_dim("nP") >= 2
                    and "O" in names and model.get_ref("upper").get_param("W").shape[0] == len(names)
                    and all(n == "O" or n == "U-" or n[:2] in ("B-", "I-", "L-", "U-") for n in names))
        except Exception:
            return False

    def __setattr__(self, name: str, value: Any) -> None:
        # spaCy sets attributes on its components (e.g. ``_rehearsal_model`` in
        # ``resume_training``): they belong to the recogniser. The wrapper's own are those
        # set while it is built (before ``_ner``'s tables are complete) or set already.
        if "_ready" not in self.__dict__ or name in self.__dict__:
            object.__setattr__(self, name, value)
        else:
            setattr(self._ner, name, value)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "_ner":  # e.g. while unpickling, before _ner is set
            raise AttributeError(name)
        return getattr(self._ner, name)

    def __call__(self, doc):
        self._annotate([doc])
        return doc

    def pipe(self, stream, *, batch_size: int = 256):
        from spacy.util import minibatch

        error_handler = self._ner.get_error_handler()
        for batch in minibatch(stream, size=batch_size):
            batch = list(batch)
            try:
                # spaCy's own sub-batches (by length, a quarter of the batch): the layers before
                # the decoder then see exactly the inputs they see under spaCy's own pipe
                by_length = sorted(batch, key=len)
                for sub in minibatch(by_length, size=max(batch_size // 4, 2)):
                    self._annotate(list(sub))
                yield from batch
            except Exception as e:  # as spaCy's own pipe does
                error_handler(self._ner.name, self._ner, batch, e)

    def _annotate(self, docs) -> None:
        from spacy.attrs import ENT_IOB

        docs = [d for d in docs if len(d)]
        if not docs:
            return
        ner = self._ner
        ner._ensure_labels_are_added(docs)  # as spaCy's predict does (labels set on tokens)
        moves = ner.moves
        if any(d.to_array(ENT_IOB).any() for d in docs) or moves.n_moves != len(self._names) \
                or any(moves.get_class_name(i) != n for i, n in enumerate(self._names)) \
                or ner.cfg.get("beam_width") != 1:
            # preset entities (spaCy's rules must respect them), labels added since, or a beam
            # model loaded since: spaCy's own decoder
            self._ner.set_annotations(docs, self._ner.predict(docs))
            return
        for doc, ents in zip(docs, self._decode(docs)):
            doc.set_ents(ents, default="outside")

    def _decode(self, docs):
        import numpy as np
        from blis.py import gemm as blis_gemm
        from spacy.attrs import IS_SPACE, SENT_START
        from spacy.tokens import Span

        model = self._ner.model  # read each time: training may replace the weights
        lower = model.get_ref("lower")
        W = np.ascontiguousarray(model.get_ref("upper").get_param("W"))  # (moves, hidden)
        b = model.get_ref("upper").get_param("b")
        bias = lower.get_param("b")  # (hidden, pieces)
        tokvecs = model.layers[0].predict(docs)
        Yf = lower.predict(tokvecs)  # (tokens + 1, 3, hidden, pieces); row 0 = padding
        # no entity open: features (token, padding, padding), summed in spaCy's order
        unmaxed = Yf[1:, 0] + Yf[0, 1]
        unmaxed += Yf[0, 2]
        unmaxed += bias
        # the output layer through BLIS's sgemm, as spaCy's decoder computes it (numpy's BLAS
        # sums in another order: scores could differ in the last bit and flip a near-tie)
        closed = blis_gemm(np.ascontiguousarray(unmaxed.max(axis=2)), W, trans2=True, beta=0.0)
        closed += b
        out, offset = [], 0
        for doc in docs:
            n = len(doc)
            arr = doc.to_array([SENT_START, IS_SPACE])
            space = arr[:, 1] == 1
            next_start = np.zeros(n, dtype=bool)
            next_start[:-1] = arr[1:, 0] == 1
            can_begin = ~space & ~next_start
            can_begin[-1] = False
            scores = closed[offset:offset + n]
            pick = np.where(can_begin, np.argmax(np.where(self._mask_begin, scores, -np.inf), axis=1),
                            np.where(space, self._out,
                                     np.argmax(np.where(self._mask_unit, scores, -np.inf), axis=1)))
            ents = []
            nonout = np.flatnonzero(pick != self._out)
            k = 0
            while k < len(nonout):
                i = int(nonout[k])
                move = int(pick[i])
                label = self._label_of_move[move]
                if move in self._unit_set:
                    ents.append(Span(doc, i, i + 1, label=self._label_hash[move]))
                    k += 1
                    continue
                start = i  # B: the entity is open; decide I or L token by token
                i_move, l_move = self._in_of[label], self._last_of[label]
                j = i + 1
                while True:
                    g = offset + j
                    u = Yf[g + 1, 0] + Yf[start + offset + 1, 1]
                    u += Yf[g, 2]  # the token before (row g = token j - 1)
                    u += bias
                    row = blis_gemm(u.max(axis=1)[None, :], W, trans2=True, beta=0.0)[0]
                    row += b
                    s_in, s_last = row[i_move], row[l_move]
                    can_in = j < n - 1 and not next_start[j]
                    # spaCy's arg_max_if_valid: the lower move index wins a tie
                    if can_in and (s_in > s_last or (s_in == s_last and i_move < l_move)):
                        j += 1
                        continue
                    break
                ents.append(Span(doc, start, j + 1, label=self._label_hash[l_move]))
                while k < len(nonout) and nonout[k] <= j:
                    k += 1
                # after the entity closes, later closed-state choices stand as computed
            out.append(ents)
            offset += n
        return out
