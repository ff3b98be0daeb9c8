"""Cross-document linking: duplicates, merged events, conflicts, stories (issue 7).

DocResults are built by hand (no spaCy) so each test states exactly what the
extractors would have found.
"""

from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import SCHEMA, back_to_version
from newsgraph.extract.signature import minhash
from newsgraph.link import dates, event_keys
from newsgraph.link import events as rules
from newsgraph.model import (
    Article,
    DocResult,
    Entity,
    Event,
    EventMention,
    Mention,
)
from newsgraph.store import Store, records

PEOPLE = {
    "masri": ("Khalid al-Masri", "JOR"),
    "zeid": ("Hisham Abu Zeid", "EGY"),
    "israel": ("Israel", "ISR"),
    "wolska": ("Katarzyna Wolska", "POL"),
}


def entity(key: str) -> Entity:
    name, country = PEOPLE[key]
    kind = "country" if key == "israel" else "person"
    return Entity(name, kind, country=country, mentions=[Mention(0, len(name), name, "name")])


def event(etype: str, src: int | None, tgt: int | None, date: str | None, text: str,
          place: str | None = None, figures: dict | None = None,
          negated: bool = False) -> Event:  # fmt: skip
    return Event(
        type=etype, mode=None, cameo=None, source=src, target=tgt, source_text=None,
        target_text=None, date=date, place=place, negated=negated, modality="asserted",
        confidence=0.9, mentions=[EventMention(0, len(text), text)], figures=figures or {},
    )  # fmt: skip


def doc(doc_id: str, published: str | None, actors: list[str], events: list[Event],
        text: str | None = None, source: str | None = None) -> DocResult:  # fmt: skip
    body = text or f"{doc_id}: " + " ".join(e.mentions[0].text for e in events)
    article = Article(id=doc_id, text=body, source=source or f"outlet {doc_id}",
                      published=published)  # fmt: skip
    return DocResult(article=article, published=published,
                     entities=[entity(a) for a in actors], events=events,
                     minhash=minhash(body))  # fmt: skip


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "kb.db")
    yield s
    s.close()


def meeting(doc_id: str, published: str, date: str | None, swap: bool = False) -> DocResult:
    src, tgt = (1, 0) if swap else (0, 1)
    text = f"The two ministers met in Cairo ({doc_id})."
    return doc(doc_id, published, ["masri", "zeid"], [event("CONSULT", src, tgt, date, text)])


def test_same_event_from_two_outlets_merges(store):
    store.save(meeting("a", "2025-03-04", "2025-03-03"))
    store.save(meeting("b", "2025-03-05", None, swap=True))  # "Zeid hosted Masri"
    [ev] = records.events(store)
    assert {m["doc_id"] for m in ev["mentions"]} == {"a", "b"}
    assert ev["num_articles"] == 2 and ev["num_sources"] == 2
    assert ev["date"] == "2025-03-03"


def test_same_actors_months_apart_stay_apart(store):
    store.save(meeting("march", "2025-03-04", "2025-03-03"))
    store.save(meeting("may", "2025-05-13", "2025-05-12"))
    store.save(meeting("may-undated", "2025-05-14", None))
    evs = records.events(store)
    assert len(evs) == 2
    by_doc = {m["doc_id"]: e["id"] for e in evs for m in e["mentions"]}
    assert by_doc["may"] == by_doc["may-undated"] != by_doc["march"]


def test_month_and_day_dates_merge(store):
    store.save(meeting("month", "2025-03-20", "2025-03"))
    store.save(meeting("day", "2025-03-21", "2025-03-03"))
    [ev] = records.events(store)
    assert ev["date"] == "2025-03-03"  # refined to the more specific date
    assert records.conflicts(store) == []


def test_negated_event_does_not_merge(store):
    store.save(meeting("a", "2025-03-04", "2025-03-03"))
    denial = event("CONSULT", 0, 1, "2025-03-03", "Masri did not meet Abu Zeid.", negated=True)
    store.save(doc("b", "2025-03-04", ["masri", "zeid"], [denial]))
    assert len(records.events(store)) == 2


def test_an_article_s_own_separate_events_stay_apart(store):
    """The extractor saw both in context and kept them apart: the store does not join them."""
    first, second = "Masri appealed for aid.", "Masri called on Israel to open the bridge."
    appeal = event("REQUEST", 0, None, "2025-03-03", first)
    demand = event("REQUEST", 0, 2, "2025-03-03", second)
    start = len(first) + 1
    demand.mentions = [EventMention(start, start + len(second), second)]
    body = f"{first} {second}"
    store.save(doc("a", "2025-03-04", ["masri", "zeid", "israel"], [appeal, demand], body))
    assert len(records.events(store)) == 2


def test_near_duplicate_detected_and_counted_once(store):
    body = (
        "The European Union on Friday imposed sanctions on 52 tankers of the shadow fleet "
        "that carries Russian oil around a price cap, its foreign ministers said in Brussels. "
        "The measures, agreed by ambassadors of the 27 member states on Thursday, freeze the "
        "assets of shipping companies in three countries. Polish Foreign Minister Katarzyna "
        "Wolska welcomed the decision but said more had to be done to close loopholes."
    )
    rewrite = body.replace("52 tankers", "52 oil tankers").replace("agreed by", "approved by")
    welcome = "Polish Foreign Minister Katarzyna Wolska welcomed the decision"
    store.save(doc("orig", "2025-11-21", ["wolska"], [event("SUPPORT", 0, None, None, welcome)],
                   text=body, source="Europa Briefing"))  # fmt: skip
    store.save(doc("copy", "2025-11-21", ["wolska"], [event("SUPPORT", 0, None, None, welcome)],
                   text=rewrite, source="Danube Post"))  # fmt: skip
    other = doc("other", "2025-11-22", ["wolska"], [event("SUPPORT", 0, None, None, welcome)],
                text="Wolska spoke in Warsaw about farm subsidies and rail freight.",
                source="Vistula News")  # fmt: skip
    store.save(other)
    docs = {d["id"]: d for d in records.documents(store)}
    assert docs["copy"]["duplicate_of"] == "orig"
    assert docs["orig"]["duplicate_of"] is None and docs["other"]["duplicate_of"] is None
    [ev] = records.events(store)
    assert ev["num_articles"] == 3 and ev["num_sources"] == 2  # the copy adds no source
    assert docs["copy"]["story_id"] == docs["orig"]["story_id"]


def test_exact_copy_is_duplicate(store):
    first = meeting("first", "2025-03-04", "2025-03-03")
    store.save(first)
    again = doc("again", "2025-03-04", ["masri", "zeid"], first.events, text=first.article.text)
    store.save(again)
    docs = {d["id"]: d for d in records.documents(store)}
    assert docs["again"]["duplicate_of"] == "first"


def test_date_disagreement_merges_and_is_listed(store):
    text_a = "Masri called on Israel to reopen the bridge on Monday."
    text_b = "Masri demanded on Tuesday that Israel reopen the bridge."
    place = "geo:360630"
    store.save(doc("a", "2025-03-04", ["masri", "israel"],
                   [event("REQUEST", 0, 1, "2025-03-03", text_a, place)]))  # fmt: skip
    store.save(doc("b", "2025-03-05", ["masri", "israel"],
                   [event("REQUEST", 0, 1, "2025-03-04", text_b, place)]))  # fmt: skip
    [ev] = records.events(store)
    [conflict] = records.conflicts(store)
    assert conflict["event_id"] == ev["id"] and conflict["field"] == "date"
    got = {(v["value"], v["doc_id"], v["text"]) for v in conflict["values"]}
    assert got == {("2025-03-03", "a", text_a), ("2025-03-04", "b", text_b)}


def test_days_far_apart_do_not_merge(store):
    store.save(meeting("a", "2025-03-04", "2025-03-03"))
    store.save(meeting("b", "2025-03-25", "2025-03-24"))
    assert len(records.events(store)) == 2 and records.conflicts(store) == []


def test_casualty_disagreement_listed(store):
    place = "geo:228227"
    a = "A drone attack on the camp near El Fasher killed 23 people on Sunday."
    b = "At least 31 people were killed when drones hit the camp on Sunday."
    store.save(
        doc(
            "army",
            "2025-06-10",
            [],
            [event("ASSAULT", None, None, "2025-06-08", a, place, {"killed": 23})],
        )
    )
    store.save(
        doc(
            "medics",
            "2025-06-09",
            [],
            [event("ASSAULT", None, None, "2025-06-08", b, place, {"killed": 31})],
        )
    )
    [ev] = records.events(store)
    assert ev["num_sources"] == 2
    [conflict] = records.conflicts(store)
    assert conflict["field"] == "killed"
    assert {(v["value"], v["doc_id"]) for v in conflict["values"]} == {(23, "army"), (31, "medics")}


def test_agentless_events_without_shared_place_stay_apart(store):
    a = "A drone attack killed 23 people on Sunday."
    b = "Shelling killed 23 people in a market on Sunday, witnesses said."
    store.save(doc("x", "2025-06-10", [], [event("ASSAULT", None, None, "2025-06-08", a)]))
    store.save(doc("y", "2025-06-10", [], [event("ASSAULT", None, None, "2025-06-08", b)]))
    assert len(records.events(store)) == 2


def siege(doc_id: str, published: str, date: str | None, text: str) -> DocResult:
    ev = event("COERCE", 0, None, date, text, place="geo:379555")
    ev.mode = "restrict"
    return doc(doc_id, published, ["israel"], [ev])


def test_an_ongoing_state_told_months_apart_is_one_event(store):
    store.save(
        siege("april", "2025-04-15", None, "Israel was urged to lift its siege of the city.")
    )
    store.save(siege("june", "2025-06-09", "2024", "Israel has besieged the city since last year."))
    [ev] = records.events(store)
    assert {m["doc_id"] for m in ev["mentions"]} == {"april", "june"}


def test_an_earlier_siege_of_the_same_city_stays_apart(store):
    store.save(siege("old", "2016-05-02", "2016-04", "Israel besieged the city in April."))
    store.save(siege("june", "2025-06-09", "2024", "Israel has besieged the city since last year."))
    assert len(records.events(store)) == 2


def test_stories_group_related_articles(store):
    store.save(meeting("a", "2025-03-04", "2025-03-03"))
    store.save(meeting("b", "2025-03-11", "2025-03-11"))  # a second, separate meeting
    wolska = event("SUPPORT", 0, None, None, "Wolska welcomed the sanctions.")
    store.save(doc("c", "2025-03-05", ["wolska"], [wolska]))
    store.save(meeting("d", "2025-09-01", "2025-09-01"))  # months later: a new story
    stories = records.stories(store)
    by_doc = {d: s for s in stories for d in s["doc_ids"]}
    assert by_doc["a"]["id"] == by_doc["b"]["id"]
    assert by_doc["c"]["id"] != by_doc["a"]["id"]
    assert by_doc["d"]["id"] != by_doc["a"]["id"]
    names, etype = by_doc["a"]["label"].split(": ")
    assert set(names.split(" / ")) == {"Hisham Abu Zeid", "Khalid al-Masri"} and etype == "CONSULT"
    assert len(by_doc["a"]["event_ids"]) == 2


def test_replace_keeps_other_documents_intact(store):
    store.save(meeting("a", "2025-03-04", "2025-03-03"))
    store.save(meeting("b", "2025-03-05", None))
    text_a = "Masri called on Israel to reopen the bridge on Monday."
    store.save(doc("a2", "2025-03-04", ["masri", "israel"],
                   [event("REQUEST", 0, 1, "2025-03-03", text_a, "geo:1")]))  # fmt: skip
    store.save(doc("b2", "2025-03-05", ["masri", "israel"],
                   [event("REQUEST", 0, 1, "2025-03-04", text_a, "geo:1")]))  # fmt: skip
    assert len(records.conflicts(store)) == 1
    # "a" and "b2" get new texts: their old contributions go, the others stay.
    assert (
        store.save(
            doc("a", "2025-03-04", ["wolska"], [event("SUPPORT", 0, None, None, "Wolska spoke.")])
        )
        == "replaced"
    )
    assert store.save(doc("b2", "2025-03-05", ["wolska"],
                          [event("SUPPORT", 0, None, None, "Wolska spoke again.")]))  # fmt: skip
    evs = records.events(store)
    meet = [e for e in evs if e["type"] == "CONSULT"]
    assert [[m["doc_id"] for m in e["mentions"]] for e in meet] == [["b"]]
    assert meet[0]["date"] is None and meet[0]["num_articles"] == 1
    req = [e for e in evs if e["type"] == "REQUEST"]
    assert [[m["doc_id"] for m in e["mentions"]] for e in req] == [["a2"]]
    assert records.conflicts(store) == []
    story_docs = sorted(d for s in records.stories(store) for d in s["doc_ids"])
    assert story_docs == ["a", "a2", "b", "b2"]
    assert not store.query("SELECT 1 FROM event_mentions m LEFT JOIN events e "
                           "ON e.id = m.event_id WHERE e.id IS NULL")  # fmt: skip
    days = store.query("SELECT actor_id, day, story_id FROM story_actor_days ORDER BY 1, 2, 3")
    told = store.query("SELECT DISTINCT actor_id, day, story_id FROM story_actors "
                       "WHERE day IS NOT NULL ORDER BY 1, 2, 3")  # fmt: skip
    assert days and [tuple(r) for r in days] == [tuple(r) for r in told]
    counts = store.query("SELECT story_id, actor_id, n FROM story_actor_counts ORDER BY 1, 2")
    recount = store.query("SELECT story_id, actor_id, count(*) FROM story_actors "
                          "GROUP BY story_id, actor_id ORDER BY 1, 2")  # fmt: skip
    assert counts and [tuple(r) for r in counts] == [tuple(r) for r in recount]


def test_same_input_order_gives_same_ids(tmp_path):
    def run(path):
        with Store(path) as s:
            s.save(meeting("a", "2025-03-04", "2025-03-03"))
            s.save(meeting("b", "2025-03-05", None, swap=True))
            s.save(meeting("c", "2025-05-13", "2025-05-12"))
            return json.dumps(records.export(s)["events"]), json.dumps(records.stories(s))

    assert run(tmp_path / "1.db") == run(tmp_path / "2.db")


def test_candidates_come_from_the_index_only():
    view = rules.EventView("CONSULT", False, "A1", "A2", "2025-03-03", None,
                           dates.event_range("2025-03-03", "2025-03-04"), "d")  # fmt: skip
    keys = event_keys.lookup_keys(view)
    assert {k for k, _ in keys} == {
        f"CONSULT|{k}" for k in ("A1>A2", "A1>-", "->A2", "A2>A1", "A2>-", "->A1")
    }
    assert len({b for _, b in keys if b >= 0}) <= 2  # weeks, and the year (reports of 2025)
    assert {b for _, b in keys if b < 0} == {-2025}


def test_export_validates_against_contract(store):
    store.save(meeting("a", "2025-03-04", "2025-03-03"))
    store.save(meeting("b", "2025-03-05", "2025-03-04"))
    data = records.export(store)
    schema = json.loads(SCHEMA.read_text())
    jsonschema.validate(data, schema)
    assert data["conflicts"] and data["conflicts"][0]["values"][0]["doc_id"] in {"a", "b"}


def test_a_base_keyed_the_old_way_is_keyed_anew_when_opened(tmp_path):
    """Schema 10: the one-role keys per country are written for events stored before."""
    from sqlalchemy import text

    db = tmp_path / "kb.db"
    keys = text("SELECT key, bucket, event_id FROM event_keys ORDER BY 1, 2, 3")
    with Store(db) as store:
        store.save(meeting("a", "2025-03-04", "2025-03-03"))
        lone = event("REQUEST", 0, None, "2025-03-03", "Masri appealed for aid.")
        store.save(doc("b", "2025-03-04", ["masri"], [lone]))
        before = [tuple(r) for r in store.rows(keys)]
        with store.transaction() as tx:  # as version 9 left them
            tx.run("DELETE FROM event_keys WHERE key LIKE '%|src:%@%' OR key LIKE '%|tgt:%@%'")
        back_to_version(store, 9)
        assert len(store.rows(keys)) < len(before)
    with Store(db) as store:
        assert [tuple(r) for r in store.rows(keys)] == before
        assert any("|src:" in k and k.endswith("@-") for k, _, _ in before)
