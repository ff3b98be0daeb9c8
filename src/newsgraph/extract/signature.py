"""Near-duplicate signatures: MinHash over word shingles.

The signature is datasketch's MinHash as this project used it (datasketch 2.0, its
default "affine32" scheme, ``crc32`` over the shingles, 64 permutations, seed 1): each
shingle's 32-bit hash goes through the MurmurHash3 finalizer, then 64 affine permutations
modulo 2^32; the signature is each permutation's minimum. Computed here with numpy, to the
same values (stored signatures stay comparable; ``tests/test_signature.py`` holds known
values), without importing the library, whose LSH module imports scipy (half a second at
the start of every process, and scipy's install, for 20 lines of arithmetic).
"""

from __future__ import annotations

import re
import zlib
from functools import cache

import numpy as np

NUM_PERM = 64
SEED = 1
SHINGLE = 5
EMPTY = 0xFFFFFFFF  # each permutation's value before any shingle
_WORD = re.compile(r"\w+")
_U32 = np.uint32


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


@cache
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """(a, b) of the permutations h -> a * h + b mod 2^32, drawn as datasketch draws them."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=_U32) * _U32(2) + _U32(1)  # odd: a bijection
    b = gen.randint(0, 1 << 32, num_perm, dtype=_U32)
    return a, b


def _fmix32(h: np.ndarray) -> np.ndarray:
    """The MurmurHash3 finalizer (uint32 arithmetic wraps, as intended)."""
    h = h ^ (h >> _U32(16))
    h = h * _U32(0x85EBCA6B)
    h = h ^ (h >> _U32(13))
    h = h * _U32(0xC2B2AE35)
    return h ^ (h >> _U32(16))


def minhash(text: str) -> list[int]:
    """The MinHash signature of a text as plain ints (storable, picklable)."""
    grams = shingles(text)
    if not grams:
        return [EMPTY] * NUM_PERM
    hashed = np.fromiter((zlib.crc32(g) for g in grams), dtype=_U32, count=len(grams))
    a, b = _permutations(NUM_PERM, SEED)
    return [int(v) for v in (_fmix32(hashed)[:, None] * a + b).min(axis=0)]
