"""Near-duplicate signatures: MinHash over word shingles (datasketch)."""

from __future__ import annotations

import re
import zlib

NUM_PERM = 64
SHINGLE = 5
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def minhash(text: str) -> list[int]:
    """The MinHash signature of a text as plain ints (storable, picklable)."""
    from datasketch import MinHash  # imported here: slow to import, needed only by ingest

    mh = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=zlib.crc32)
    grams = shingles(text)
    if grams:
        mh.update_batch(list(grams))
    return [int(v) for v in mh.hashvalues]
