"""The speed-ups must not change a single annotation: the fast attribute ruler and
lemmatizer against spaCy's own, and the token lists against spaCy's Token attributes."""

from __future__ import annotations

import pytest
import spacy
from spacy import attrs

from newsgraph.fast_spacy import FastAttributeRuler, FastLemmatizer
from newsgraph.nlp.tokens import Tokens

TEXTS = [
    "The ministers didn't meet on Monday; they'd gone home. He ain't gonna sign, aides said.",
    "  CAIRO (Reuters) - Egypt's foreign minister met his Jordanian counterpart in Cairo,\n\n"
    "where they discussed the bridge. \u201cWe won't accept it,\u201d she said. Y'all'd've come.",
    "Protesters were chanting 'No more!' as police fired tear gas; 12 people were hurt.",
    "",
]
COLUMNS = ["ORTH", "POS", "TAG", "DEP", "HEAD", "LEMMA", "MORPH", "ENT_IOB", "ENT_TYPE"]


@pytest.fixture(scope="module")
def docs(res):
    """(spaCy's parse, the pipeline's parse) of every text."""
    plain = spacy.load(res.model)
    return list(zip(plain.pipe(TEXTS), res.nlp.pipe(TEXTS), strict=True))


def test_the_pipeline_uses_the_fast_components(res):
    kinds = {type(proc) for _name, proc in res.nlp.pipeline}
    assert {FastAttributeRuler, FastLemmatizer} <= kinds


def test_fast_components_annotate_exactly_as_spacy(docs):
    ids = [getattr(attrs, c) for c in COLUMNS]
    for plain, fast in docs:
        assert plain.to_array(ids).tolist() == fast.to_array(ids).tolist()
        assert [str(t.morph) for t in plain] == [str(t.morph) for t in fast]


def test_token_lists_hold_the_token_attributes(docs):
    for _plain, doc in docs:
        toks = Tokens(doc)
        assert len(toks) == len(doc)
        for t in doc:
            i = t.i
            assert (toks.text[i], toks.lower[i], toks.lemma[i]) == (t.text, t.lower_, t.lemma_)
            assert (toks.pos[i], toks.tag[i], toks.dep[i]) == (t.pos_, t.tag_, t.dep_)
            assert (toks.ent_iob[i], toks.ent_type[i]) == (t.ent_iob_, t.ent_type_)
            assert (toks.head[i], toks.idx[i]) == (t.head.i, t.idx)
            assert (toks.is_space[i], toks.is_punct[i]) == (t.is_space, t.is_punct)
            assert toks.is_sent_start[i] == t.is_sent_start
            assert toks.children[i] == [c.i for c in t.children]
        if len(doc):
            assert toks.sent_bounds == [(s.start, s.end) for s in doc.sents]
            assert toks.sent == [k for k, s in enumerate(doc.sents) for _ in s]
