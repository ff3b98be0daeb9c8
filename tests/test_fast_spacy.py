"""The fast components must not change a single annotation: newsgraph's attribute ruler and
lemmatizer, with the layers computing on numpy's BLAS, against spaCy's own (on blis) over
real articles. Also: the pipeline with them serialises, the switch and the spaCy version
guard give the stock components, and the token lists hold spaCy's Token attributes."""

from __future__ import annotations

import json
import pickle
from itertools import islice

import pytest
import spacy
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from conftest import SHARED
from newsgraph.nlp.fast_components import FastAttributeRuler, FastEnglishLemmatizer
from newsgraph.nlp.load import (
    FAST_SPACY_ENV,
    fast_requested,
    load_model,
    model_layers,
    spacy_is_tested,
)
from newsgraph.nlp.resources import Resources
from newsgraph.nlp.tokens import Tokens

CORPUS = SHARED / "benchmarks" / "corpora" / "naeb_articles.jsonl"
N_ARTICLES = 50
TEXTS = [
    "The ministers didn't meet on Monday; they'd gone home. He ain't gonna sign, aides said.",
    "  CAIRO (Reuters) - Egypt's foreign minister met his Jordanian counterpart in Cairo,\n\n"
    "where they discussed the bridge. \u201cWe won't accept it,\u201d she said. Y'all'd've come.",
    "Protesters were chanting 'No more!' as police fired tear gas; 12 people were hurt.",
    "",
]
STOCK = {"attribute_ruler": AttributeRuler, "lemmatizer": EnglishLemmatizer}
FAST = {"attribute_ruler": FastAttributeRuler, "lemmatizer": FastEnglishLemmatizer}
TOKEN_ATTRS = [
    "text", "whitespace_", "idx", "tag_", "pos_", "lemma_", "dep_", "ent_iob_", "ent_type_",
    "ent_kb_id_", "is_sent_start", "norm_", "lower_", "shape_", "prefix_", "suffix_",
    "is_stop", "is_alpha", "like_num",
]  # fmt: skip
LAYERS = ["TAG", "POS", "MORPH", "LEMMA", "DEP", "ENT_IOB", "SENT_START"]


def kinds(nlp: Language) -> dict[str, type]:
    """The classes of the ruler and the lemmatizer in the pipeline."""
    return {name: type(nlp.get_pipe(name)) for name in STOCK}


def annotations(doc: Doc) -> tuple:
    """Every annotation of the doc, token by token, and the doc-level ones."""
    tokens = [tuple(getattr(t, a) for a in TOKEN_ATTRS) + (str(t.morph), t.head.i) for t in doc]
    ents = [(e.start, e.end, e.label_) for e in doc.ents]
    sents = [(s.start, s.end) for s in doc.sents] if len(doc) else []
    layers = [doc.has_annotation(layer) for layer in LAYERS]
    return tokens, ents, sents, layers


@pytest.fixture(scope="module")
def articles() -> list[str]:
    """The texts of the first 50 articles of the shared benchmark corpus."""
    if not CORPUS.is_file():
        pytest.skip(f"shared benchmark corpus not found at {CORPUS} (../shared/benchmarks)")
    with CORPUS.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in islice(lines, N_ARTICLES)]
    assert len(texts) == N_ARTICLES
    return texts


@pytest.fixture(scope="module")
def stock() -> Language:
    return load_model(fast=False)


@pytest.fixture(scope="module")
def fast() -> Language:
    return load_model(fast=True)


@pytest.fixture(scope="module")
def parsed(stock: Language, fast: Language, articles: list[str]) -> list[tuple[Doc, Doc]]:
    """(stock parse, fast parse) of the 50 articles and the edge cases."""
    texts = articles + TEXTS
    return list(zip(stock.pipe(texts), fast.pipe(texts), strict=True))


def test_load_model_selects_the_fast_components(stock, fast):
    assert kinds(stock) == STOCK and kinds(fast) == FAST
    assert fast.component_names == stock.component_names  # same names, same places
    assert fast.pipe_names == stock.pipe_names
    assert fast.get_pipe("attribute_ruler").uses_fast_path()  # not spaCy's matcher
    for name in STOCK:
        config = dict(fast.config["components"][name])
        assert config.pop("factory").startswith("newsgraph_")
        assert config == {
            k: v for k, v in stock.config["components"][name].items() if k != "factory"
        }


def test_the_fast_model_computes_with_numpys_blas_on_one_thread(stock, fast):
    from threadpoolctl import threadpool_info

    assert len(model_layers(fast)) > 100 and not any(
        node.ops.use_blis for node in model_layers(fast)
    )
    assert all(node.ops.use_blis for node in model_layers(stock))  # thinc's default, untouched
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == 1 for pool in blas)


def test_the_pipeline_uses_the_fast_components(monkeypatch):
    monkeypatch.delenv(FAST_SPACY_ENV, raising=False)
    assert kinds(Resources().nlp) == FAST


def test_fast_components_annotate_exactly_as_spacy(parsed):
    assert len(parsed) == N_ARTICLES + len(TEXTS)
    assert sum(len(doc) for doc, _fast in parsed) > 20_000
    for k, (plain, quick) in enumerate(parsed):
        assert annotations(quick) == annotations(plain), f"text {k} differs"


def test_fast_ruler_finds_the_matches_of_spacys_matcher(parsed, fast):
    ruler = fast.get_pipe("attribute_ruler")
    for _plain, doc in parsed:
        assert ruler.match(doc) == AttributeRuler.match(ruler, doc)


def test_the_state_is_kept_as_spacy_keeps_it(parsed, stock, fast):
    """After parsing: the same patterns, and the lemmatizer's tables not rewritten."""
    assert fast.get_pipe("attribute_ruler").patterns == stock.get_pipe("attribute_ruler").patterns
    tables = fast.get_pipe("lemmatizer").lookups
    assert tables.to_bytes() == stock.get_pipe("lemmatizer").lookups.to_bytes()
    assert all(isinstance(words, list) for words in tables.get_table("lemma_index").values())


def test_the_pipeline_serialises(parsed, fast, articles, tmp_path):
    texts = articles[:3] + TEXTS
    expected = [annotations(doc) for doc, _fast in parsed[:3]]
    expected += [annotations(doc) for doc, _fast in parsed[N_ARTICLES:]]
    # bytes, into a pipeline built from the config
    data = fast.to_bytes()
    copy = spacy.util.get_lang_class(fast.config["nlp"]["lang"]).from_config(fast.config)
    copy.from_bytes(data)
    assert kinds(copy) == FAST
    assert [annotations(doc) for doc in copy.pipe(TEXTS)] == expected[3:]
    # a folder, loaded by spacy.load (the factories are registered on import)
    fast.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    assert kinds(loaded) == FAST
    assert loaded.get_pipe("attribute_ruler").uses_fast_path()
    assert [annotations(doc) for doc in loaded.pipe(texts)] == expected
    # the pipeline pickles (what the components derive for speed is rebuilt on use)
    unpickled = pickle.loads(pickle.dumps(fast))
    assert kinds(unpickled) == FAST
    assert [annotations(doc) for doc in unpickled.pipe(TEXTS)] == expected[3:]


def test_the_switch_turns_the_fast_components_off(stock, monkeypatch):
    assert kinds(stock) == STOCK  # load_model(fast=False)
    monkeypatch.setenv(FAST_SPACY_ENV, "0")
    assert not fast_requested(None) and fast_requested(True)
    assert kinds(load_model()) == STOCK
    for on in ("1", "yes", ""):
        monkeypatch.setenv(FAST_SPACY_ENV, on)
        assert fast_requested(None)
    assert not fast_requested(False)


def test_outside_the_tested_spacy_versions_the_stock_components_stay(monkeypatch):
    assert spacy_is_tested("3.8.0") and spacy_is_tested("3.8.18") and spacy_is_tested()
    assert not any(spacy_is_tested(v) for v in ("3.7.5", "3.9.0", "4.0.0", "dev"))
    monkeypatch.setattr(spacy, "__version__", "3.9.0")
    with pytest.warns(UserWarning) as caught:
        nlp = load_model(fast=True)
    ours = [w for w in caught if "newsgraph" in str(w.message)]
    assert len(ours) == 1 and "3.9.0" in str(ours[0].message)
    assert kinds(nlp) == STOCK


def test_token_lists_hold_the_token_attributes(parsed):
    for _plain, doc in parsed[-len(TEXTS) :]:
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
