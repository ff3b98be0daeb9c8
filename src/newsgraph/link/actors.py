"""Cross-document actor identity: merge keys and the rule that decides a merge.

Actors from two documents merge only when a full-name key agrees (after
transliteration variants and name particles are folded) and nothing about them
contradicts (kind, country). A bare surname or first name is never a key. A surname spelled
one letter off merges only with the same given name and the same office. A name with or
without middle initials is one person unless both write initials that differ. A country's
people ("Iraqis") and a group described by whose it is ("Elian's relatives") in one country
have keys of their own.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache, lru_cache

from newsgraph.data import flagged_words, load_json
from newsgraph.model import Entity
from newsgraph.nlp.spelling import same_person

_PARTICLES = frozenset(flagged_words("name_particles.json", "not_in_keys"))
_TITLES = {"mr", "mrs", "ms", "dr", "sir", "sheikh", "gen", "col", "lt", "sgt", "prof"}
_NON_WORD = re.compile(r"[^\w\s]")
# an organisation's name without its country ("immigration and naturalization service"): a
# body named without its country meets the one named with it, when only one such is stored
ANY_COUNTRY = "organization:*:"
LOOSE = "loose:"  # a person's name without middle initials: see ``loose_keys``


@cache
def _variants() -> dict[str, str]:
    table: dict[str, str] = {}
    for group in load_json("name_variants.json")["groups"]:
        for spelling in group:
            table[spelling] = group[0]
    return table


@cache
def _phrase_variants() -> list[tuple[str | None, re.Pattern[str], str]]:
    """Multi-word spellings in table order, compiled once; the spelling itself when it is
    plain text (so a substring test can skip it)."""
    out = []
    for spelling, canon in _variants().items():
        if " " in spelling:
            plain = spelling if re.escape(spelling) == spelling.replace(" ", "\\ ") else None
            out.append((plain, re.compile(rf"\b{spelling}\b"), canon))
    return out


@lru_cache(maxsize=1 << 16)  # the same names recur in every document
def fold(text: str) -> str:
    """Lower case, no accents, no punctuation, single spaces."""
    if not text.isascii():  # ASCII has nothing to decompose
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").replace("-", " ")
    return " ".join(_NON_WORD.sub(" ", text.lower()).split())


@lru_cache(maxsize=1 << 16)
def person_key(name: str) -> str | None:
    """A key for a person's full name, or None for a single name."""
    variants = _variants()
    words = [w for w in fold(name).split() if w not in _TITLES]
    folded = fold(" ".join(words))
    for spelling, rx, canon in _phrase_variants():
        if spelling is None or spelling in folded:  # a plain phrase must occur to match
            folded = rx.sub(canon, folded)
    parts = [variants.get(w, w) for w in folded.split() if w not in _PARTICLES]
    if len(parts) < 2:
        return None
    return "person:" + " ".join(parts)


def merge_keys(entity: Entity) -> list[str]:
    """The keys under which an entity may meet the same actor in another document."""
    if entity.kind == "country" and entity.country:
        return [f"country:{entity.country}"]
    if (
        entity.kind == "group"
        and entity.country
        and any(m.kind == "demonym" for m in entity.mentions)
    ):
        return [f"people:{entity.country}:{fold(entity.name)}"]  # "Iraqis", "Hutus"
    if not any(m.kind == "name" for m in entity.mentions):
        return _institution_key(entity) + _possessed_key(entity)
    if entity.kind == "person":
        keys = {k for k in (person_key(n) for n in [entity.name, *entity.aliases]) if k}
        return sorted(keys)
    name = fold(entity.name)
    if not name:
        return []
    scope = entity.country or ""
    keys = [f"{entity.kind}:{scope}:{name}"]
    if entity.kind == "organization":  # "INS" with and without its "U.S.": see ANY_COUNTRY
        bare = [a for a in entity.aliases if entity.name.endswith(" " + a)] if scope else [name]
        keys += sorted({f"{ANY_COUNTRY}{fold(a)}" for a in bare if len(fold(a).split()) >= 2})
    return keys


def loose_keys(entity: Entity) -> list[str]:
    """A person's full-name keys without middle initials ("Donald J. Trump" and "Donald
    Trump"): where the same person may be stored under a name written with fewer or no
    initials. Initials that differ ("George W. Bush", "George H. W. Bush") never meet:
    see ``initials_clash``."""
    if entity.kind != "person":
        return []
    return sorted({LOOSE + " ".join(strip_initials(k)) for k in merge_keys(entity)})


def strip_initials(key: str) -> list[str]:
    words = key.removeprefix("person:").split()
    return [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]


def initials_of(key: str) -> tuple[str, ...]:
    """The middle initials of a person key ("person:george h w bush" -> ("h", "w"))."""
    words = key.removeprefix("person:").split()
    return tuple(w for w in words[1:-1] if len(w) == 1)


def initials_clash(keys: list[str], stored: list[str]) -> bool:
    """Both sides write middle initials and no spelling of one has the other's."""
    mine = {initials_of(k) for k in keys if k.startswith("person:")} - {()}
    theirs = {initials_of(k) for k in stored if k.startswith("person:")} - {()}
    return bool(mine and theirs and not mine & theirs)


def office_keys(entity: Entity) -> list[str]:
    """Given name or surname and office of a person ("joseph", "minister"): where another
    article's spelling of the other name, one letter off, may be found."""
    if entity.kind != "person":
        return []
    names = [k.removeprefix("person:").split() for k in merge_keys(entity)]
    firsts = {n[0] for n in names if n}
    lasts = {n[-1] for n in names if len(n) > 1}
    # the office's head word: "Kenyan Trade Minister" and "Trade Minister" are one office
    titles = {fold(r.title).split()[-1] for r in entity.roles if not r.past and fold(r.title)}
    return sorted(
        [f"office:{f}:{t}" for f in firsts for t in titles]
        + [f"office-of:{n}:{t}" for n in lasts for t in titles]
    )


def spelled_alike(key: str, other: str) -> bool:
    """Two person keys of one name spelled two ways, one word one letter off ("joseph
    kimotho"/"joseph kamotho", "bronisaw geremek"/"bronislaw geremek")."""
    a, b = key.removeprefix("person:").split(), other.removeprefix("person:").split()
    if not key.startswith("person:") or not other.startswith("person:") or len(a) != len(b):
        return False
    return a[1:-1] == b[1:-1] and same_person((a[0], a[-1]), (b[0], b[-1]))


def _institution_key(entity: Entity) -> list[str]:
    """A national institution named by description ("Sudan's army", "the government") may
    meet itself in another article; other descriptions ("protesters", "an official"), one
    only ever described indefinitely ("a 21st-century digital government") and a part of
    the country's ("the California state government") stay in theirs."""
    code = entity.codes.get("cameo", "")
    words = fold(entity.name).split()
    if entity.kind != "organization" or not entity.country or not code.startswith(entity.country):
        return []
    described = [m.text for m in entity.mentions if m.kind != "pronoun"]
    if not any(_definite(text) for text in described):
        return []
    said = {w for text in described for w in fold(text).split()}
    if not words or said & _subnational():
        return []
    return [f"institution:{code}:{words[-1]}"]


_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "our", "its", "their"})


def _definite(text: str) -> bool:
    """ "the army", "Sudan's army", "Kenyan police": a description that names one body."""
    first = (text.split() or [""])[0]
    return first.lower() in _DETERMINERS or first[:1].isupper() or "'s" in text or "’s" in text


@cache
def _subnational() -> frozenset[str]:
    return frozenset(load_json("actor_sectors.json")["subnational_modifiers"])


def _possessed_key(entity: Entity) -> list[str]:
    """A group described by whose it is ("Elian's Miami relatives", "Elian's relatives"),
    placed in a country: the same group in another article."""
    owner, _, rest = entity.name.partition("'s ")
    words = fold(rest).split()
    if entity.kind != "group" or not entity.country or not rest or not words:
        return []
    return [f"described:{entity.country}:{fold(owner)}:{words[-1]}"]


def compatible(entity: Entity, kind: str, country: str | None) -> bool:
    """Whether an entity may be the same real actor as a stored one."""
    if entity.kind != kind:
        return False
    return not (entity.country and country and entity.country != country)


def new_actor_id(entity: Entity, doc_id: str, local: int) -> str:
    """A deterministic id: from the first merge key, else from the document position."""
    keys = merge_keys(entity)
    seed = keys[0] if keys else f"{doc_id}#{local}"
    return "A" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:12]
