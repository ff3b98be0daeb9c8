"""Cross-document actor keys: full names and national institutions merge, bare names never."""

from __future__ import annotations

from newsgraph.link.actors import compatible, merge_keys, person_key
from newsgraph.model import Entity, Mention


def entity(name: str, kind: str, country: str | None = None, mention_kind: str = "name",
           code: str | None = None) -> Entity:  # fmt: skip
    codes = {"cameo": code} if code else {}
    return Entity(
        name=name, kind=kind, country=country, codes=codes,
        mentions=[Mention(0, len(name), name, mention_kind)],
    )  # fmt: skip


def test_transliteration_variants_and_particles_share_a_key():
    assert person_key("Muammar al-Gaddafi") == person_key("Muammar Qadhafi")
    assert person_key("Mohammed bin Salman") == person_key("Muhammad bin Salman")


def test_a_bare_name_is_never_a_key():
    assert person_key("Hassan") is None
    assert merge_keys(entity("Hassan", "person")) == []


def test_national_institution_by_description_gets_a_key():
    army = entity("Sudan's army", "organization", "SDN", "nominal", "SDNMIL")
    other = entity("the army", "organization", "SDN", "title", "SDNMIL")
    assert merge_keys(army) == merge_keys(other) == ["institution:SDNMIL:army"]


def test_descriptions_without_a_country_stay_in_their_document():
    assert merge_keys(entity("protesters", "group", None, "nominal", "CVL")) == []
    assert merge_keys(entity("an Israeli official", "person", "ISR", "title", "ISRGOV")) == []


def test_contradicting_countries_never_merge():
    assert not compatible(entity("John Smith", "person", "GBR"), "person", "USA")
    assert compatible(entity("John Smith", "person", "GBR"), "person", None)
