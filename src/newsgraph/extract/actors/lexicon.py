"""Word lists for actor extraction, loaded once: titles, sector nouns, organisations, names."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from newsgraph.data import flagged_words, load_json

NAME_PARTICLES = frozenset(flagged_words("name_particles.json", "word"))
PRONOUNS = {
    "he": ("m", False), "him": ("m", False), "his": ("m", False), "himself": ("m", False),
    "she": ("f", False), "her": ("f", False), "hers": ("f", False), "herself": ("f", False),
    "they": (None, True), "them": (None, True), "their": (None, True),
    "themselves": (None, True), "its": ("n", False),
}  # fmt: skip


@dataclass(frozen=True)
class Organization:
    name: str
    country: str | None
    sector: str
    kind: str
    cameo: str | None


@dataclass
class ActorLexicon:
    title_heads: dict[str, dict] = field(default_factory=dict)
    title_modifiers: frozenset[str] = frozenset()
    past_modifiers: frozenset[str] = frozenset()
    descriptions: dict[str, list[str]] = field(default_factory=dict)
    honorifics: dict[str, str] = field(default_factory=dict)
    sector_nouns: dict[str, tuple[str, str]] = field(default_factory=dict)
    sector_compounds: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)
    distinct_compounds: frozenset[tuple[str, ...]] = frozenset()  # "upper house"
    group_nouns: dict[str, list[str]] = field(default_factory=dict)
    country_nouns: frozenset[str] = frozenset()
    group_noun_sectors: dict[str, list[str | None]] = field(default_factory=dict)
    state_nouns: frozenset[str] = frozenset()
    metonymy_verbs: frozenset[str] = frozenset()  # "accused Pyongyang": the object is an agent
    bloc_nouns: frozenset[str] = frozenset()  # "states" of "Balkan states"
    bloc_regions: dict[str, str | None] = field(default_factory=dict)  # region -> CAMEO
    party_families: frozenset[str] = frozenset()  # "greens": a country's party
    national_sectors: frozenset[str] = frozenset()  # "the army": a country's own
    local_sectors: frozenset[str] = frozenset()  # "the police": where the story is
    worldwide_peoples: frozenset[str] = frozenset()  # "Europeans": of no one country
    crowd_nouns: frozenset[str] = frozenset()
    ethnic_modifiers: frozenset[str] = frozenset()  # "ethnic Albanians": a people, no state
    community_members: frozenset[str] = frozenset()  # "Catholic protesters": the community
    crowd_quantities: frozenset[str] = frozenset()
    facility_heads: frozenset[str] = frozenset()  # "bridge": named structures are not actors
    first_names: dict[str, str] = field(default_factory=dict)
    # organisation surface forms as token tuples, indexed by their first token
    org_forms: dict[str, list[tuple[tuple[str, ...], bool, Organization]]] = field(
        default_factory=dict
    )

    def title_gender(self, word: str) -> str | None:
        info = self.title_heads.get(word)
        return (info or {}).get("gender") or self.honorifics.get(word)


def load(tokenizer: Callable[[str], Any]) -> ActorLexicon:
    """All actor word lists; ``tokenizer`` (spaCy's) splits organisation names like the text."""
    titles = load_json("titles.json")
    sectors = load_json("actor_sectors.json")
    orgs = load_json("organizations.json")
    names = load_json("actor_first_names.json")
    lex = ActorLexicon(
        facility_heads=frozenset(orgs["facility_heads"]),
        title_heads=titles["heads"],
        title_modifiers=frozenset(titles["modifiers"]),
        past_modifiers=frozenset(titles["past"]),
        descriptions=titles["descriptions"],
        honorifics=titles["honorifics"],
        sector_nouns={k: (v[0], v[1]) for k, v in sectors["nouns"].items()},
        sector_compounds={tuple(k.split()): (v[0], v[1]) for k, v in sectors["compounds"].items()},
        distinct_compounds=frozenset(
            tuple(k.split()) for k, v in sectors["compounds"].items() if "distinct" in v[2:]
        ),
        group_nouns=sectors["group_nouns"],
        country_nouns=frozenset(sectors["country_nouns"]),
        group_noun_sectors=sectors["group_noun_sectors"],
        state_nouns=frozenset(sectors["state_nouns"]),
        metonymy_verbs=frozenset(sectors["metonymy_object_verbs"]),
        bloc_nouns=frozenset(sectors["regional_blocs"]["nouns"]),
        bloc_regions=sectors["regional_blocs"]["regions"],
        party_families=frozenset(sectors["party_families"]["names"]),
        national_sectors=frozenset(sectors.get("national_institution_sectors", [])),
        local_sectors=frozenset(sectors.get("local_institution_sectors", [])),
        worldwide_peoples=frozenset(sectors.get("worldwide_peoples", [])),
        crowd_nouns=frozenset(sectors["crowds"]["nouns"]),
        ethnic_modifiers=frozenset(sectors["ethnic_modifiers"]),
        community_members=frozenset(sectors.get("community_members", [])),
        crowd_quantities=frozenset(sectors["crowds"]["quantities"]),
        first_names={n: g for g in ("m", "f") for n in names[g]},
    )
    for entry in orgs["organizations"]:
        org = Organization(
            name=entry["name"],
            country=entry.get("country"),
            sector=entry["sector"],
            kind=entry.get("kind", "organization"),
            cameo=entry.get("cameo"),
        )
        for form in [entry["name"], *entry.get("aliases", [])]:
            if form.lower().startswith("the "):
                form = form[4:]
            toks = tuple(t.text for t in tokenizer(form))
            acronym = len(toks) == 1 and sum(c.isupper() for c in form) >= 2
            key = toks[0] if acronym else toks[0].lower()
            forms = lex.org_forms.setdefault(key, [])
            forms.append((toks if acronym else tuple(t.lower() for t in toks), acronym, org))
    for forms in lex.org_forms.values():
        forms.sort(key=lambda f: -len(f[0]))
    return lex


@cache
def ties() -> dict[str, frozenset[str]]:
    """The word lists of ``actor_ties.json`` (relations that tie an actor to a state)."""
    data = load_json("actor_ties.json")
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}
