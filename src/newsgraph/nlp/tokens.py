"""Per-token attributes of a parse as plain Python lists, shared by every extractor.

``doc[i]`` (and iterating a ``Doc``) builds a new spaCy ``Token`` object on every
access, which made token scans the main cost of our own code. ``Tokens`` reads the
whole parse once with ``Doc.to_array`` and turns each column into a list on first use,
so ``toks.lemma[i]`` is a list lookup. Use ``DocContext.tokens`` (built once per
document) rather than constructing one.

Every list has one entry per token and holds exactly what the same ``Token`` attribute
returns: ``text``, ``lower`` (``lower_``), ``lemma`` (``lemma_``), ``pos`` (``pos_``),
``tag`` (``tag_``), ``dep`` (``dep_``), ``ent_type`` (``ent_type_``), ``ent_iob``
(``ent_iob_``), ``head`` (``head.i``), ``idx``, ``is_space``, ``is_punct``,
``is_sent_start`` (``is_sent_start``: True, False or None).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_IOB = ("", "I", "O", "B")  # ENT_IOB codes as ``Token.ent_iob_`` spells them
_COLUMNS = (
    "ORTH", "LOWER", "LEMMA", "POS", "TAG", "DEP", "ENT_TYPE",
    "HEAD", "ENT_IOB", "IDX", "IS_SPACE", "IS_PUNCT", "SENT_START",
)  # fmt: skip
_COL = {name: k for k, name in enumerate(_COLUMNS)}
# hash -> string for every string seen: a hash names the same string in any vocab
_STRINGS: dict[int, str] = {}
_STRINGS_MAX = 1_000_000


class Tokens:
    """The token attributes of one parsed ``Doc`` as lists (see the module docstring)."""

    def __init__(self, doc: Doc) -> None:
        from spacy import attrs

        self.doc = doc
        self._strings = doc.vocab.strings
        self._array = doc.to_array([getattr(attrs, name) for name in _COLUMNS])

    def __len__(self) -> int:
        return len(self._array)

    def _ints(self, name: str) -> list[int]:
        return self._array[:, _COL[name]].tolist()

    def _text_column(self, name: str) -> list[str]:
        hashes = self._ints(name)
        try:
            return list(map(_STRINGS.__getitem__, hashes))
        except KeyError:
            if len(_STRINGS) > _STRINGS_MAX:
                _STRINGS.clear()
            strings = self._strings
            for h in set(hashes).difference(_STRINGS):
                _STRINGS[h] = strings[h]
            return list(map(_STRINGS.__getitem__, hashes))

    @cached_property
    def text(self) -> list[str]:
        return self._text_column("ORTH")

    @cached_property
    def lower(self) -> list[str]:
        return self._text_column("LOWER")

    @cached_property
    def lemma(self) -> list[str]:
        return self._text_column("LEMMA")

    @cached_property
    def pos(self) -> list[str]:
        return self._text_column("POS")

    @cached_property
    def tag(self) -> list[str]:
        return self._text_column("TAG")

    @cached_property
    def dep(self) -> list[str]:
        return self._text_column("DEP")

    @cached_property
    def ent_type(self) -> list[str]:
        return self._text_column("ENT_TYPE")

    @cached_property
    def ent_iob(self) -> list[str]:
        return [_IOB[v] for v in self._ints("ENT_IOB")]

    @cached_property
    def head(self) -> list[int]:
        """The head's token index (a root is its own head)."""
        offsets = self._array[:, _COL["HEAD"]].astype("int64")  # stored relative, unsigned
        return [i + off for i, off in enumerate(offsets.tolist())]

    @cached_property
    def idx(self) -> list[int]:
        return self._ints("IDX")

    @cached_property
    def is_space(self) -> list[bool]:
        return [v == 1 for v in self._ints("IS_SPACE")]

    @cached_property
    def is_punct(self) -> list[bool]:
        return [v == 1 for v in self._ints("IS_PUNCT")]

    @cached_property
    def is_sent_start(self) -> list[bool | None]:
        signed = self._array[:, _COL["SENT_START"]].astype("int64").tolist()
        return [True if v == 1 else False if v == -1 else None for v in signed]

    @cached_property
    def children(self) -> list[list[int]]:
        """Each token's dependents in text order (``Token.children``)."""
        out: list[list[int]] = [[] for _ in range(len(self))]
        for i, h in enumerate(self.head):
            if h != i:
                out[h].append(i)
        return out

    @cached_property
    def sent(self) -> list[int]:
        """The sentence number of every token, as ``enumerate(doc.sents)`` numbers them."""
        starts = self._ints("SENT_START")
        out = [0] * len(starts)
        k = 0
        for t in range(1, len(starts)):
            if starts[t] == 1:
                k += 1
            out[t] = k
        return out

    @cached_property
    def sent_bounds(self) -> list[tuple[int, int]]:
        """Token range [start, end) of each sentence, in ``doc.sents`` order."""
        starts = self._ints("SENT_START")
        cuts = [0] + [t for t in range(1, len(starts)) if starts[t] == 1] + [len(starts)]
        return [(cuts[k], cuts[k + 1]) for k in range(len(cuts) - 1)] if starts else []

    def token_at(self, char: int) -> int:
        """The index of the token that starts at or before character ``char`` (-1 if none)."""
        return bisect_right(self.idx, char) - 1
