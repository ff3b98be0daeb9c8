"""Cross-document actor keys: full names and national institutions merge, bare names never."""

from __future__ import annotations

from conftest import back_to_version
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


def test_a_code_told_without_the_country_gives_way_to_one_told_with_it(tmp_path):
    store = Store(tmp_path / "kb.db")
    try:
        told = [(None, "LEG"), ("USA", "USALEG"), (None, "LEG")]
        for k, (country, code) in enumerate(told):
            article = Article(id=f"d{k}", text="Ada Q. Lindqvist spoke.", source=f"outlet {k}")
            person = entity("Ada Q. Lindqvist", "person", country, code=code)
            store.save(DocResult(article=article, entities=[person]))
        [actor] = records.actors(store)
        assert (actor["country"], actor["codes"]) == ("USA", {"cameo": "USALEG"})
    finally:
        store.close()


def _person_doc(doc: str, name: str, day: str) -> DocResult:
    article = Article(id=doc, text=f"{name} spoke.", source=doc, published=day)
    return DocResult(article=article, published=day, entities=[entity(name, "person")])


def test_the_key_index_holds_each_key_once_and_forgets_what_no_document_gives(tmp_path):
    from sqlalchemy import text

    with Store(tmp_path / "kb.db") as store:
        for k in range(3):
            store.save(_person_doc(f"d{k}", "Maria Lopez", f"2020-01-0{k + 1}"))
        store.save(_person_doc("d9", "Kofi Mensah", "2020-01-09"))
        index = "SELECT key FROM actor_key_index ORDER BY key"
        per_doc = {r[0]: r[1] for r in store.rows(text(
            "SELECT key, count(*) FROM actor_keys GROUP BY key"))}  # fmt: skip
        assert [r[0] for r in store.rows(text(index))] == sorted(per_doc)
        assert per_doc[merge_keys(entity("Maria Lopez", "person"))[0]] == 3
        store.save(_person_doc("d9", "Ama Owusu", "2020-01-09"))  # replaced: Kofi is gone
        store.save(_person_doc("d1", "Maria Lopez Garcia", "2020-01-02"))
        keys = {r[0] for r in store.rows(text(index))}
        assert merge_keys(entity("Kofi Mensah", "person"))[0] not in keys
        assert merge_keys(entity("Maria Lopez", "person"))[0] in keys  # d0 and d2 still do
        assert len([a for a in records.actors(store) if a["name"] == "Maria Lopez"]) == 1


def test_a_version_8_base_gains_what_version_9_adds_and_keeps_linking(tmp_path):
    with Store(tmp_path / "kb.db") as store:
        store.save(_person_doc("d0", "Maria Lopez", "2020-01-01"))
        back_to_version(store, 8)
    with Store(tmp_path / "kb.db") as store:
        store.save(_person_doc("d1", "Maria Lopez", "2020-01-02"))
        assert [a["name"] for a in records.actors(store)] == ["Maria Lopez"]


def test_one_document_s_entities_see_what_the_ones_before_them_linked(tmp_path):
    """Linking reads the store once per document: a later entity still meets the actor an
    earlier one created or enriched, with or without middle initials, and one written
    with other initials stays apart."""
    first = entity("Jane Q. Doe", "person")
    again = entity("Jane Doe", "person", "KEN")  # meets her, and gives her a country
    other = entity("Jane R. Doe", "person")
    text = "Jane Q. Doe met Jane R. Doe."
    with Store(tmp_path / "kb.db") as store:
        article = Article(id="d1", text=text, source="outlet", published="2020-01-01")
        store.save(DocResult(article=article, published=article.published,
                             entities=[first, again, other]))  # fmt: skip
        stored = {a["name"]: a for a in records.actors(store)}
    assert sorted(stored) == ["Jane Q. Doe", "Jane R. Doe"]
    assert stored["Jane Q. Doe"]["country"] == "KEN"


def test_a_document_is_linked_in_as_many_statements_whatever_its_number_of_actors(tmp_path):
    from newsgraph.store import actor_links

    def statements(doc: str, n: int) -> int:
        calls = 0
        people = [entity(f"{doc}{k} {doc}son{k}", "person", "KEN") for k in range(n)]
        for e in people:
            e.roles = [Role(title="Minister")]
        with Store(tmp_path / "kb.db") as store, store.transaction() as db:
            for method in ("rows", "run", "many", "one", "scalar", "column"):
                real = getattr(db, method)

                def counted(*a, _real=real, **k):
                    nonlocal calls
                    calls += 1
                    return _real(*a, **k)

                setattr(db, method, counted)
            ids = actor_links.link_actors(db, doc, people)
        assert len(set(ids)) == n
        return calls

    assert statements("Few", 3) == statements("Many", 40)


def test_a_government_only_described_indefinitely_or_below_the_state_stays_in_its_article():
    national = entity("the government", "organization", "USA", "nominal", "USAGOV")
    assert merge_keys(national) == ["institution:USAGOV:government"]
    assert (
        merge_keys(entity("a digital government", "organization", "USA", "nominal", "USAGOV")) == []
    )
    state = entity("the Ohio state government", "organization", "USA", "nominal", "USAGOV")
    assert merge_keys(state) == []
