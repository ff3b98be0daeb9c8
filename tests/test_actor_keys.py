"""Cross-document actor keys: full names and national institutions merge, bare names never."""

from __future__ import annotations

from newsgraph.link.actors import compatible, merge_keys, person_key
from newsgraph.model import Article, DocResult, Entity, Mention, Role
from newsgraph.store import Store, records


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


def stored_people(tmp_path, names: list[str]) -> list[str]:
    """Save one document per name (a person in it) and list the stored actors' names."""
    tmp_path.mkdir(exist_ok=True)
    store = Store(tmp_path / "kb.db")
    try:
        for k, name in enumerate(names):
            article = Article(id=f"d{k}", text=f"{name} spoke.", source=f"outlet {k}",
                              published="2020-01-0" + str(k + 1))  # fmt: skip
            store.save(DocResult(article=article, published=article.published,
                                 entities=[entity(name, "person")]))  # fmt: skip
        return sorted(a["name"] for a in records.actors(store))
    finally:
        store.close()


def test_a_middle_initial_written_or_left_out_is_one_person(tmp_path):
    assert stored_people(tmp_path, ["Donald Trump", "Donald J. Trump"]) == ["Donald J. Trump"]
    assert stored_people(tmp_path / "b", ["Jane Q. Doe", "Jane Doe"]) == ["Jane Q. Doe"]


def test_different_middle_initials_are_different_people(tmp_path):
    names = stored_people(tmp_path, ["George W. Bush", "George H. W. Bush", "George Bush"])
    assert names == ["George Bush", "George H. W. Bush", "George W. Bush"]


def test_a_group_described_by_whose_it_is_meets_itself_across_articles():
    miami = entity("Elian's Miami relatives", "group", "USA", "nominal")
    bare = entity("Elian's relatives", "group", "USA", "nominal")
    assert set(merge_keys(miami)) & set(merge_keys(bare))
    elsewhere = entity("Elian's relatives", "group", "CUB", "nominal")
    assert not set(merge_keys(miami)) & set(merge_keys(elsewhere))
    assert merge_keys(entity("Elian's relatives", "group", None, "nominal")) == []


def test_a_minister_s_name_one_letter_off_in_another_article_is_one_person(tmp_path):
    def minister(name: str) -> Entity:
        e = entity(name, "person", "POL")
        e.roles = [Role(title="Foreign Minister")]
        return e

    store = Store(tmp_path / "kb.db")
    try:
        for k, name in enumerate(["Bronislaw Geremek", "Bronisaw Geremek", "Bronislaw Gremek"]):
            article = Article(id=f"d{k}", text=f"{name} spoke.", source=f"outlet {k}",
                              published="1999-03-0" + str(k + 1))  # fmt: skip
            store.save(DocResult(article=article, published=article.published,
                                 entities=[minister(name)]))  # fmt: skip
        assert len(records.actors(store)) == 1
    finally:
        store.close()
