"""Two spaCy components made fast, their result unchanged: the attribute ruler and the
English rule lemmatizer (together about a fifth of the parse of a news article).

``speed_up(nlp)`` swaps the loaded components' classes for the subclasses here; they
keep the loaded patterns and tables and fall back to spaCy's code for anything they do
not handle.

Attribute ruler: the English models' ``attribute_ruler`` (tag map: TAG -> POS and MORPH,
plus a few word exceptions) runs a ``Matcher`` with ~180 patterns over every token, several
with Python predicates (IN, NOT_IN, REGEX): about 15% of the whole parse. A token's matches depend
only on the attributes its patterns test, and a handful of values recur, so this ruler
evaluates each pattern once per distinct (TAG, LOWER, DEP, IS_SPACE) and applies the
attributes exactly as ``AttributeRuler`` does: all matches first, then in pattern order,
the later pattern winning. Patterns it does not understand (operators, other attributes
or predicates) make it fall back to spaCy's own matcher.

Lemmatizer: spaCy's rule lemmatizer looks each candidate form up in a word list (a
linear scan of up to 60,000 words for every word it has not seen); here the lists become
sets. It caches its result per (ORTH, POS, MORPH) but not for base forms (most nouns and
verbs), which it re-derives for every token through Python ``Token`` objects; the result
depends on nothing else, so ``FastLemmatizer`` memoises every result under that key.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

_TESTED = ("TAG", "LOWER", "DEP", "IS_SPACE")  # the token attributes patterns may test
_SET_PREDICATES = {"IN", "NOT_IN", "REGEX"}
_MAX_VALUES = 200_000  # distinct token values / lemma keys remembered (then started afresh)


def _spec_test(spec: dict[str, Any]) -> Any:
    """A function of (tag, lower, dep, is_space) for one token pattern, or None if unsupported."""
    tests = []
    for attr, want in spec.items():
        if attr not in _TESTED:
            return None
        k = _TESTED.index(attr)
        if attr == "IS_SPACE":
            if not isinstance(want, bool):
                return None
            tests.append(lambda v, k=k, w=want: v[k] == w)
        elif isinstance(want, str):
            tests.append(lambda v, k=k, w=want: v[k] == w)
        elif isinstance(want, dict) and want and set(want) <= _SET_PREDICATES:
            for op, arg in want.items():
                if op == "REGEX":
                    rx = re.compile(arg)
                    tests.append(lambda v, k=k, rx=rx: rx.search(v[k]) is not None)
                elif isinstance(arg, list) and all(isinstance(a, str) for a in arg):
                    members = frozenset(arg)
                    if op == "IN":
                        tests.append(lambda v, k=k, m=members: v[k] in m)
                    else:
                        tests.append(lambda v, k=k, m=members: v[k] not in m)
                else:
                    return None
        else:
            return None
    return lambda v: all(t(v) for t in tests)


class _Plan:
    """The ruler's patterns as token tests, and what each distinct token value matches."""

    def __init__(self, ruler: AttributeRuler) -> None:
        from spacy import attrs

        self.ok = True
        self.ruler = ruler
        self.size = len(ruler.attrs)  # patterns added later need a new plan
        self.columns = [getattr(attrs, a) for a in _TESTED]
        # single-token patterns (rule, test) by how they test LOWER: one word (looked up),
        # not at all (decided once per TAG, DEP, IS_SPACE), by a predicate (always tried)
        self.by_lower: dict[str, list[tuple[int, Any]]] = {}
        self.lowerless: list[tuple[int, Any]] = []
        self.lower_tested: list[tuple[int, Any]] = []
        self.multi: list[tuple[int, int, list[Any]]] = []  # (rule, target offset, tests)
        for rule, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                tests = [_spec_test(spec) for spec in pattern] if pattern else [None]
                index = entry["index"]
                if None in tests or not -len(tests) <= index < len(tests):
                    self.ok = False
                    return
                offset = index if index >= 0 else len(tests) + index
                if len(tests) > 1:
                    self.multi.append((rule, offset, tests))
                elif isinstance(pattern[0].get("LOWER"), str):
                    self.by_lower.setdefault(pattern[0]["LOWER"], []).append((rule, tests[0]))
                elif "LOWER" in pattern[0]:
                    self.lower_tested.append((rule, tests[0]))
                else:
                    self.lowerless.append((rule, tests[0]))
        self.values: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[bool, ...], Any]] = {}
        self.by_rest: dict[tuple[Any, ...], set[int]] = {}
        self.merged: dict[tuple[int, ...], dict[Any, Any]] = {}

    def _value(self, key: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[bool, ...], Any]:
        """(single-token rules matching, first-token test of each multi rule, the strings)."""
        if len(self.values) > _MAX_VALUES:
            self.values.clear()
        strings = self.ruler.vocab.strings
        v = tuple(strings[h] for h in key[:3]) + (key[3] == 1,)
        rest = (v[0], v[2], v[3])
        rules = self.by_rest.get(rest)
        if rules is None:
            rules = self.by_rest[rest] = {rule for rule, test in self.lowerless if test(v)}
        rules = rules.union(
            [rule for rule, test in self.by_lower.get(v[1], ()) if test(v)],
            [rule for rule, test in self.lower_tested if test(v)],
        )
        starts = tuple(tests[0](v) for _rule, _off, tests in self.multi)
        out = self.values[key] = (tuple(sorted(rules)), starts, v)
        return out

    def _attrs(self, rules: tuple[int, ...]) -> dict[Any, Any]:
        merged = self.merged.get(rules)
        if merged is None:
            merged = {}
            for rule in rules:  # in pattern order: a later rule overrides an earlier one
                merged.update(self.ruler.attrs[rule])
            self.merged[rules] = merged
        return merged

    def apply(self, doc: Doc) -> None:
        keys = list(map(tuple, doc.to_array(self.columns).tolist()))
        values = [self.values.get(k) or self._value(k) for k in keys]
        extra: dict[int, list[int]] = {}
        for m, (rule, offset, tests) in enumerate(self.multi):
            n = len(tests)
            for i in range(len(keys) - n + 1):
                if values[i][1][m] and all(tests[p](values[i + p][2]) for p in range(1, n)):
                    extra.setdefault(i + offset, []).append(rule)
        for i, (rules, _starts, _v) in enumerate(values):
            if i in extra:
                rules = tuple(sorted(set(rules).union(extra[i])))
            if rules:
                set_token_attrs(doc[i], self._attrs(rules))


class FastAttributeRuler(AttributeRuler):
    """``AttributeRuler`` with the per-value matching above (same patterns, same result)."""

    _plan: _Plan | None = None

    def __call__(self, doc: Doc) -> Doc:
        plan = self._plan
        if plan is None or plan.ruler is not self or plan.size != len(self.attrs):
            self._plan = _Plan(self)
        if not self._plan.ok:
            return super().__call__(doc)
        try:
            self._plan.apply(doc)
        except Exception as e:
            return self.get_error_handler()(self.name, self, [doc], e)
        return doc


class FastLemmatizer(EnglishLemmatizer):
    """``EnglishLemmatizer`` in rule mode with every result memoised by (ORTH, POS, MORPH)."""

    _memo: dict[tuple[int, int, int], str] | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        from spacy import attrs

        if self._memo is None or len(self._memo) > _MAX_VALUES:
            self._memo = {}
        memo = self._memo
        try:
            rows = doc.to_array([attrs.ORTH, attrs.POS, attrs.MORPH, attrs.LEMMA]).tolist()
            for i, (orth, pos, morph, lemma) in enumerate(rows):
                if self.overwrite or lemma == 0:
                    token = doc[i]
                    key = (orth, pos, morph)
                    lemma_ = memo.get(key)
                    if lemma_ is None:
                        lemma_ = memo[key] = self.lemmatize(token)[0]
                    token.lemma_ = lemma_
        except Exception as e:
            self.get_error_handler()(self.name, self, [doc], e)
        return doc


def speed_up(nlp: Any) -> None:
    """Swap the pipeline's attribute ruler and English rule lemmatizer for the fast ones."""
    for _name, proc in nlp.pipeline:
        if type(proc) is AttributeRuler:
            proc.__class__ = FastAttributeRuler
        elif type(proc) is EnglishLemmatizer and proc.mode == "rule":
            proc.__class__ = FastLemmatizer
            _index_as_sets(proc)


def _index_as_sets(lemmatizer: EnglishLemmatizer) -> None:
    """The rule lemmatizer only asks ``form in index``: of a list of up to 60,000 words,
    scanned on every new word. The same question of a set is answered at once."""
    if lemmatizer.lookups.has_table("lemma_index"):
        index = lemmatizer.lookups.get_table("lemma_index")
        for pos in list(index):
            index[pos] = frozenset(index[pos])
