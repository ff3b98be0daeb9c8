"""Near-duplicate signatures: the values datasketch 2.0's MinHash gave this project's
settings (stored signatures stay comparable), and what they estimate. Texts written for
these tests."""

from __future__ import annotations

from newsgraph.extract import signature

SAMPLE = (
    "The foreign ministers of the two countries met in Vienna on Tuesday to discuss the "
    "water treaty."
)
# datasketch.MinHash(num_perm=64, seed=1, hashfunc=zlib.crc32) over SAMPLE's shingles,
# computed with datasketch 2.0.0 (the same for 428 naeb articles when this was written)
KNOWN = [
    29163855, 629184931, 38050279, 363123905, 122263623, 831786130, 118075475, 64508417,
    350872911, 176539580, 79559689, 666927642, 130382114, 986091174, 387308991, 165215424,
    298150473, 718123983, 1289174863, 27322547, 391849864, 1836352412, 372425801, 251950201,
    66945541, 233773079, 298905394, 81210920, 83281314, 385360669, 546395597, 204282979,
    869359727, 579010107, 45443105, 191586376, 236000881, 62186077, 357623696, 619492896,
    44381310, 396650461, 38689113, 112830818, 176285987, 746744523, 414080050, 1278033729,
    36080384, 5575099, 388754395, 116039380, 37786866, 352861027, 457716202, 1181612297,
    317484395, 245662875, 1071032414, 620345871, 36228139, 7338047, 302185934, 38993636,
]  # fmt: skip


def test_the_signature_is_the_one_stored_bases_hold():
    assert signature.minhash(SAMPLE) == KNOWN
    assert signature.minhash(SAMPLE.upper()) == KNOWN  # shingles are lower-cased words


def test_a_text_without_words_has_the_empty_signature():
    assert signature.minhash("") == signature.minhash(" -- ") == [signature.EMPTY] * 64


def test_shared_values_estimate_the_shingles_in_common():
    base = " ".join(f"word{i}" for i in range(400))
    near = base.replace("word200", "other")  # 5 of 396 shingles differ
    far = " ".join(f"term{i}" for i in range(400))
    first = signature.minhash(base)
    same = sum(x == y for x, y in zip(first, signature.minhash(near), strict=True))
    apart = sum(x == y for x, y in zip(first, signature.minhash(far), strict=True))
    assert same >= 56 and apart <= 2
