"""spaCy's attribute ruler and English rule lemmatizer made fast, their annotations unchanged
(together they were about a fifth of the parse of a news article).

Both are registered factories, ``newsgraph_attribute_ruler`` and ``newsgraph_lemmatizer``,
subclasses of spaCy's stock classes. They keep their state exactly as spaCy keeps it (the
ruler's patterns, the lemmatizer's ``Lookups``), so a pipeline with them serialises and
loads like any other (after this module is imported, which registers the factories); what
makes them fast is derived on the side, lazily, and rebuilt when the state changes.

Attribute ruler: the English models' ruler (tag map: TAG -> POS and MORPH, plus a few word
exceptions) runs a ``Matcher`` with ~180 patterns over every token, several with Python
predicates (IN, NOT_IN, REGEX). A token's matches depend only on the attributes the patterns
test, and a handful of values recur, so ``match`` decides each pattern once per distinct
(TAG, LOWER, DEP, IS_SPACE), from its LOWER test evaluated once per word and its other tests
once per (TAG, DEP, IS_SPACE), and returns the very list spaCy's matcher gives; spaCy's own
``set_annotations`` applies it. Patterns it does not understand (operators, other attributes
or predicates) make it use spaCy's matcher.

Lemmatizer: spaCy's rule lemmatizer looks candidate forms up in word lists (a linear scan of
up to 60,000 words for every word it has not seen); here it asks a set built from the same
lists. It caches per (ORTH, POS, MORPH) but not base forms (most nouns and verbs), which it
re-derives for every token; the result depends on nothing else, so every result is memoised
under that key.

This module has no ``from __future__ import annotations``: spaCy validates factory
arguments against the factories' runtime type hints.
"""

import re
import warnings
from collections.abc import Callable, Iterable
from typing import Any

from spacy import attrs
from spacy.errors import Warnings
from spacy.lang.en import English
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from thinc.api import Model

FAST_RULER = "newsgraph_attribute_ruler"
FAST_LEMMATIZER = "newsgraph_lemmatizer"

_TESTED = ("TAG", "LOWER", "DEP", "IS_SPACE")  # the token attributes patterns may test
_COLUMNS = [getattr(attrs, a) for a in _TESTED]
_SET_PREDICATES = {"IN", "NOT_IN", "REGEX"}
_MAX_VALUES = 200_000  # distinct token values / lemma keys remembered (then started afresh)

Value = tuple[str, str, str, bool]  # (tag, lower, dep, is_space) of one token
Test = Callable[[Value], bool]


def _spec_test(spec: dict[str, Any]) -> tuple[Test, Test] | None:
    """A test of one token's value for one token pattern, or None if unsupported; split in
    two: (the test of its LOWER, the test of its other attributes), each reading only its
    own part of a value, so that each can be remembered by that part."""
    lower: list[Test] = []
    rest: list[Test] = []
    for attr, want in spec.items():
        if attr not in _TESTED:
            return None
        k = _TESTED.index(attr)
        tests = lower if attr == "LOWER" else rest
        if attr == "IS_SPACE":
            if not isinstance(want, bool):
                return None
            tests.append(lambda v, k=k, w=want: v[k] == w)
        elif isinstance(want, str):
            tests.append(lambda v, k=k, w=want: v[k] == w)
        elif isinstance(want, dict) and want and set(want) <= _SET_PREDICATES:
            for op, arg in want.items():
                if op == "REGEX" and isinstance(arg, str):
                    rx = re.compile(arg)
                    tests.append(lambda v, k=k, rx=rx: rx.search(v[k]) is not None)
                elif isinstance(arg, list) and all(isinstance(a, str) for a in arg):
                    members = frozenset(arg)
                    if op == "IN":
                        tests.append(lambda v, k=k, m=members: v[k] in m)
                    elif op == "NOT_IN":
                        tests.append(lambda v, k=k, m=members: v[k] not in m)
                    else:
                        return None
                else:
                    return None
        else:
            return None
    return _every(lower), _every(rest)


def _every(tests: list[Test]) -> Test:
    if not tests:
        return lambda v: True
    if len(tests) == 1:
        return tests[0]
    return lambda v: all(t(v) for t in tests)


def _both(parts: tuple[Test, Test]) -> Test:
    lower, rest = parts
    return lambda v: lower(v) and rest(v)


def _bits(flags: Iterable[bool]) -> int:
    """Flags as the bits of an int (the first flag the lowest bit)."""
    return sum(1 << i for i, flag in enumerate(flags) if flag)


class _Plan:
    """The ruler's patterns as tests of token values, and the rules each value matches."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.strings = ruler.vocab.strings
        self.ok = True  # False: a pattern this plan cannot evaluate, use spaCy's matcher
        # the match id of each rule, as spaCy's matcher reports it
        self.ids = [self.strings[str(rule)] for rule in range(len(ruler.attrs))]
        # single-token patterns (rule, test) by how they test LOWER: one word (looked up),
        # not at all (decided once per TAG, DEP, IS_SPACE), by a predicate (always tried)
        self.by_lower: dict[str, list[tuple[int, Test]]] = {}
        self.lowerless: list[tuple[int, Test]] = []
        self.lower_tested: list[tuple[int, tuple[Test, Test]]] = []  # (rule, its two parts)
        self.multi: list[tuple[int, list[Test]]] = []  # (rule, a test per token)
        self.multi_first: list[tuple[Test, Test]] = []  # each multi pattern's first token's
        for rule, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                parts = [_spec_test(spec) for spec in pattern]
                if not parts or None in parts:
                    self.ok = False
                    return
                tests = [_both(p) for p in parts]
                if len(tests) > 1:
                    self.multi.append((rule, tests))
                    self.multi_first.append(parts[0])
                elif isinstance(pattern[0].get("LOWER"), str):
                    self.by_lower.setdefault(pattern[0]["LOWER"], []).append((rule, tests[0]))
                elif "LOWER" in pattern[0]:
                    self.lower_tested.append((rule, parts[0]))
                else:
                    self.lowerless.append((rule, tests[0]))
        # per distinct token key: (single-token rules matched, first-token test of each
        # multi-token pattern, the value as strings)
        self.values: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[bool, ...], Value]] = {}
        # what the tests find by part of a value: by (TAG, DEP, IS_SPACE), the rules with no
        # LOWER test matched, the predicate rules and first tokens whose other part passes;
        # by LOWER, the predicate rules and first tokens whose LOWER part passes
        self.by_rest: dict[tuple[str, str, bool], tuple[set[int], set[int], int]] = {}
        self.by_lower_part: dict[str, tuple[set[int], int]] = {}

    def _value(self, key: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[bool, ...], Value]:
        if len(self.values) > _MAX_VALUES:
            self.values.clear()
            self.by_lower_part.clear()
        s = self.strings
        v: Value = (s[key[0]], s[key[1]], s[key[2]], key[3] == 1)
        rest = (v[0], v[2], v[3])
        found = self.by_rest.get(rest)
        if found is None:
            found = self.by_rest[rest] = (
                {rule for rule, test in self.lowerless if test(v)},
                {rule for rule, (_lower, other) in self.lower_tested if other(v)},
                _bits(other(v) for _lower, other in self.multi_first),
            )
        by_lower = self.by_lower_part.get(v[1])
        if by_lower is None:
            by_lower = self.by_lower_part[v[1]] = (
                {rule for rule, (lower, _other) in self.lower_tested if lower(v)},
                _bits(lower(v) for lower, _other in self.multi_first),
            )
        rules = found[0].union(
            [rule for rule, test in self.by_lower.get(v[1], ()) if test(v)], found[1] & by_lower[0]
        )
        started = found[2] & by_lower[1]
        starts = tuple(bool(started >> m & 1) for m in range(len(self.multi)))
        out = self.values[key] = (tuple(sorted(rules)), starts, v)
        return out

    def matches(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """What ``AttributeRuler.match`` returns: sorted (rule, match id, start, end)."""
        keys = list(map(tuple, doc.to_array(_COLUMNS).tolist()))
        values = [self.values.get(k) or self._value(k) for k in keys]
        ids = self.ids
        found = [(rule, ids[rule], i, i + 1) for i, val in enumerate(values) for rule in val[0]]
        spans = set()  # spaCy's matcher reports a (rule, start, end) once
        for m, (rule, tests) in enumerate(self.multi):
            n = len(tests)
            for i in range(len(keys) - n + 1):
                if values[i][1][m] and all(tests[p](values[i + p][2]) for p in range(1, n)):
                    spans.add((rule, ids[rule], i, i + n))
        found.extend(spans)
        found.sort()
        return found


class _Derived:
    """What a fast component derives from its state for speed. It pickles empty (rebuilt
    on use): the plan's tests are lambdas, and the state that counts is spaCy's."""

    def __init__(self) -> None:
        self.plan: _Plan | None = None  # the ruler's
        self.memo: dict[tuple[int, int, int], str] = {}  # the lemmatizer's results
        self.sets: dict[str, frozenset[str]] = {}  # its lemma_index lists as sets, by POS
        self.source: Lookups | None = None  # the tables memo and sets come from

    def __reduce__(self) -> tuple[type, tuple[()]]:
        return (_Derived, ())


class FastAttributeRuler(AttributeRuler):
    """``AttributeRuler`` matching once per distinct token value (same matches)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._derived = _Derived()

    def _plan(self) -> _Plan:
        plan = self._derived.plan
        if plan is None:
            plan = self._derived.plan = _Plan(self)
        return plan

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        plan = self._plan()
        return plan.matches(doc) if plan.ok else super().match(doc)

    def uses_fast_path(self) -> bool:
        """Whether every pattern is evaluated by the fast plan (not spaCy's matcher)."""
        return self._plan().ok

    # every change of the patterns goes through add() or clear(): the plan is rebuilt
    def add(self, patterns: Iterable[Any], attrs: dict, index: int = 0) -> None:
        self._derived = _Derived()
        super().add(patterns, attrs, index)

    def clear(self) -> None:
        self._derived = _Derived()
        super().clear()


class FastEnglishLemmatizer(EnglishLemmatizer):
    """``EnglishLemmatizer`` in rule mode with every result memoised by (ORTH, POS, MORPH)
    and the word index looked up in sets derived from the tables."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._derived = _Derived()

    def _side(self) -> _Derived:
        """The derived state, started afresh if the tables were replaced."""
        derived = self._derived
        if derived.source is not self.lookups:
            derived = self._derived = _Derived()
            derived.source = self.lookups
        elif len(derived.memo) > _MAX_VALUES:
            derived.memo.clear()
        return derived

    def __call__(self, doc: Doc) -> Doc:
        required, _optional = self.get_lookups_config(self.mode)
        if self.mode != "rule" or any(table not in self.lookups for table in required):
            return super().__call__(doc)  # spaCy's path, and its error for missing tables
        memo = self._side().memo
        error_handler = self.get_error_handler()
        try:
            rows = doc.to_array([attrs.ORTH, attrs.POS, attrs.MORPH, attrs.LEMMA]).tolist()
            for i, (orth, pos, morph, lemma) in enumerate(rows):
                if self.overwrite or lemma == 0:
                    token = doc[i]
                    if pos == 0:  # no POS: spaCy warns for each such token, so no memo
                        token.lemma_ = self.lemmatize(token)[0]
                        continue
                    key = (orth, pos, morph)
                    lemma_ = memo.get(key)
                    if lemma_ is None:
                        lemma_ = memo[key] = self.lemmatize(token)[0]
                    token.lemma_ = lemma_
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)

    def _index_set(self, univ_pos: str) -> frozenset[str]:
        sets = self._side().sets
        found = sets.get(univ_pos)
        if found is None:
            index = self.lookups.get_table("lemma_index", {}).get(univ_pos, {})
            found = sets[univ_pos] = frozenset(index)
        return found

    def rule_lemmatize(self, token: Token) -> list[str]:
        """spaCy 3.8's ``Lemmatizer.rule_lemmatize``, the word index looked up in a set."""
        cache_key = (token.orth, token.pos, token.morph.key)
        if cache_key in self.cache:
            return self.cache[cache_key]
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            if univ_pos == "":
                warnings.warn(Warnings.W108, stacklevel=2)
            return [string.lower()]
        if self.is_base_form(token):
            return [string.lower()]
        index_table = self.lookups.get_table("lemma_index", {})
        exc_table = self.lookups.get_table("lemma_exc", {})
        rules_table = self.lookups.get_table("lemma_rules", {})
        if not any((index_table.get(univ_pos), exc_table.get(univ_pos), rules_table.get(univ_pos))):
            return [string] if univ_pos == "propn" else [string.lower()]
        index = self._index_set(univ_pos)
        exceptions = exc_table.get(univ_pos, {})
        rules = rules_table.get(univ_pos, {})
        orig = string
        string = string.lower()
        forms: list[str] = []
        oov_forms = []
        for old, new in rules:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index or not form.isalpha():
                    if form in index:
                        forms.insert(0, form)
                    else:
                        forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))  # no duplicates, in the order of the rules
        for form in exceptions.get(string, []):  # exceptions first
            if form not in forms:
                forms.insert(0, form)
        if not forms:
            forms.extend(oov_forms)
        if not forms:
            forms.append(orig)
        self.cache[cache_key] = forms
        return forms

    # new tables: forget what was derived from the old ones
    def initialize(self, *args: Any, **kwargs: Any) -> None:
        self._derived = _Derived()
        super().initialize(*args, **kwargs)

    def from_bytes(self, *args: Any, **kwargs: Any) -> "FastEnglishLemmatizer":
        self._derived = _Derived()
        return super().from_bytes(*args, **kwargs)

    def from_disk(self, *args: Any, **kwargs: Any) -> "FastEnglishLemmatizer":
        self._derived = _Derived()
        return super().from_disk(*args, **kwargs)


@Language.factory(
    FAST_RULER,
    default_config={
        "validate": False,
        "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"},
    },
)
def make_fast_attribute_ruler(
    nlp: Language, name: str, validate: bool, scorer: Callable | None
) -> FastAttributeRuler:
    """The fast attribute ruler; same settings as spaCy's ``attribute_ruler``."""
    return FastAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


@English.factory(
    FAST_LEMMATIZER,
    assigns=["token.lemma"],
    default_config={
        "model": None,
        "mode": "rule",
        "overwrite": False,
        "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"},
    },
    default_score_weights={"lemma_acc": 1.0},
)
def make_fast_lemmatizer(
    nlp: Language,
    model: Model | None,
    name: str,
    mode: str,
    overwrite: bool,
    scorer: Callable | None,
) -> FastEnglishLemmatizer:
    """The fast English lemmatizer; same settings as spaCy's English ``lemmatizer``."""
    return FastEnglishLemmatizer(
        nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer
    )
