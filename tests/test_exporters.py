"""Every export format, read back with the library a user would use."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import networkx as nx
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsgraph import exporters
from newsgraph.exporters import cameo, gdelt
from newsgraph.model import (
    Article,
    DocResult,
    Entity,
    Event,
    EventMention,
    Mention,
    Place,
    PlaceMention,
    Quote,
    Role,
)
from newsgraph.store import Store, records

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT.parent / "shared" / "contract" / "export.schema.json"
LEXICON = ROOT / "src" / "newsgraph" / "data" / "event_lexicon.tsv"

LEAD = "Egypt's foreign minister Karim Nasser met Jordan's king in Amman on Monday."
BODY = 'Sudan\'s army shelled the town in March, a resident said. "We fled," he said.'
TEXT = LEAD + "\n\n" + BODY


def _at(part: str) -> tuple[int, int, str]:
    start = TEXT.index(part)
    return start, start + len(part), part


def sample_result() -> DocResult:
    """One article analysed by hand, so exports can be checked value by value."""
    article = Article(
        id="amman-talks",
        text=TEXT,
        title="Talks in Amman",
        url="https://example.org/amman-talks",
        source="Example Wire",
        published="2025-03-04",
    )
    amman = Place("geo:250441", "Amman", "city", "JOR", 31.95522, 35.94503, 250441)
    entities = [
        Entity(
            "Karim Nasser", "person", "EGY", ["Karim Nasser", "Nasser"],
            [Role("foreign minister")], {"cameo": "EGYGOV"}, [Mention(*_at("Karim Nasser"), "name")],
        ),
        Entity("Jordan", "country", "JOR", ["Jordan"], [], {"cameo": "JOR"},
               [Mention(*_at("Jordan"), "name")]),
        Entity("Sudan's army", "organization", "SDN", ["Sudan's army"], [], {"cameo": "SDNMIL"},
               [Mention(*_at("Sudan's army"), "name")]),
    ]  # fmt: skip
    for i, entity in enumerate(entities):
        for mention in entity.mentions:
            mention.entity = i
    consult = Event(
        "CONSULT", None, "040", 0, 1, "Karim Nasser", "Jordan", "2025-03-03", amman.key,
        False, "asserted", 0.9, [EventMention(*_at(LEAD), "met")],
    )  # fmt: skip
    shell = Event(
        "ASSAULT", None, "190", 2, None, "Sudan's army", None, "2025-03", None,
        False, "reported", 0.6, [EventMention(*_at(BODY[: BODY.index(",") + 1]), "shelled")],
    )  # fmt: skip
    quote = Quote(*_at("We fled,"), direct=True, cue="said")
    return DocResult(
        article=article,
        published="2025-03-04",
        published_from="metadata",
        entities=entities,
        places=[PlaceMention(*_at("Amman"), amman)],
        quotes=[quote],
        events=[consult, shell],
    )


def build_sample_db(path: Path) -> Path:
    with Store(path) as store:
        store.save(sample_result())
    return path


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = build_sample_db(tmp_path_factory.mktemp("kb") / "kb.db")
    with Store(db, readonly=True) as s:
        yield s


@pytest.fixture(scope="module")
def data(store):
    return records.export(store)


def _event(data, type_: str) -> dict:
    return next(e for e in data["events"] if e["type"] == type_)


def test_registry_and_errors(store, tmp_path):
    assert set(exporters.FORMATS) == {
        "json",
        "jsonl",
        "csv",
        "parquet",
        "gdelt",
        "graphml",
        "plover",
    }
    with pytest.raises(exporters.ExportError, match="unknown format"):
        exporters.write("xml", store, tmp_path / "x")
    with pytest.raises(exporters.ExportError, match="folder"):
        exporters.write("csv", store, None)
    (tmp_path / "file").write_text("")
    with pytest.raises(exporters.ExportError, match="not a folder"):
        exporters.write("parquet", store, tmp_path / "file")


def test_json_follows_the_contract(store, tmp_path, capsys):
    exporters.write("json", store, tmp_path / "out.json")
    exported = json.loads((tmp_path / "out.json").read_text("utf-8"))
    jsonschema.validate(exported, json.loads(SCHEMA.read_text("utf-8")))
    assert exported == json.loads(json.dumps(records.export(store)))
    assert not list(tmp_path.glob("*.tmp"))
    exporters.write("json", store, None)  # stdout
    assert json.loads(capsys.readouterr().out)["format"] == "newsgraph/1"


def test_jsonl_lines_parse_with_a_kind(store, data, tmp_path):
    exporters.write("jsonl", store, tmp_path / "out.jsonl")
    lines = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]
    assert lines[0]["kind"] == "header"
    assert lines[0]["record"]["format"] == "newsgraph/1"
    events = [x["record"] for x in lines if x["kind"] == "event"]
    assert events == json.loads(json.dumps(data["events"]))
    actors = [x["record"] for x in lines if x["kind"] == "actor"]
    assert sorted(a["kind"] for a in actors) == ["country", "organization", "person"]
    assert lines[0]["record"]["counts"]["events"] == len(events) == 2


def test_csv_read_by_pandas(store, data, tmp_path):
    exporters.write("csv", store, tmp_path / "csv")
    actors = pd.read_csv(tmp_path / "csv" / "actors.csv")
    nasser = actors[actors["name"] == "Karim Nasser"].iloc[0]
    assert nasser["code_cameo"] == "EGYGOV"
    assert set(nasser["aliases"].split(" | ")) == {"Karim Nasser", "Nasser"}
    events = pd.read_csv(tmp_path / "csv" / "events.csv", dtype={"cameo": str})
    assert sorted(events["cameo"]) == ["040", "190"]
    assert list(events["num_mentions"]) == [1, 1]
    mentions = pd.read_csv(tmp_path / "csv" / "event_mentions.csv")
    assert set(mentions["event_id"]) == set(events["id"])
    assert set(mentions["trigger"]) == {"met", "shelled"}
    roles = pd.read_csv(tmp_path / "csv" / "actor_roles.csv")
    assert list(roles["title"]) == ["foreign minister"]
    docs = pd.read_csv(tmp_path / "csv" / "documents.csv")
    assert docs.loc[0, "url"] == "https://example.org/amman-talks"
    quotes = pd.read_csv(tmp_path / "csv" / "quotes.csv")
    assert quotes.loc[0, "text"] == "We fled,"
    with (tmp_path / "csv" / "stories.csv").open(encoding="utf-8") as f:
        assert next(csv.reader(f)) == ["id", "label", "doc_ids", "event_ids"]


def test_parquet_read_by_pyarrow(store, data, tmp_path):
    exporters.write("parquet", store, tmp_path / "pq")
    actors = pq.read_table(tmp_path / "pq" / "actors.parquet")
    aliases_type = actors.schema.field("aliases").type
    assert pa.types.is_list(aliases_type) and pa.types.is_string(aliases_type.value_type)
    rows = {r["name"]: r for r in actors.to_pylist()}
    assert set(rows["Karim Nasser"]["aliases"]) == {"Karim Nasser", "Nasser"}
    places = pq.read_table(tmp_path / "pq" / "places.parquet").to_pylist()
    assert places[0]["lat"] == pytest.approx(31.95522)
    assert places[0]["geonames_id"] == 250441
    events = pq.read_table(tmp_path / "pq" / "events.parquet")
    assert str(events.schema.field("negated").type) == "bool"
    assert events.column("type").to_pylist() == [e["type"] for e in data["events"]]
    stories = pq.read_table(tmp_path / "pq" / "stories.parquet")
    assert stories.column_names[:4] == ["id", "label", "doc_ids", "event_ids"]
    assert stories.num_rows == len(data["stories"])
    empty = pq.read_table(tmp_path / "pq" / "actor_roles.parquet").slice(0, 0)
    assert empty.column_names == ["actor_id", "title", "organization", "doc_id", "past"]


def test_gdelt_columns_and_a_row(store, data, tmp_path):
    exporters.write("gdelt", store, tmp_path / "events.tsv")
    lines = (tmp_path / "events.tsv").read_text("utf-8").splitlines()
    header = lines[0].split("\t")
    assert len(header) == len(gdelt.COLUMNS) == 61
    assert header[:5] == ["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"]
    assert header[26:35] == [
        "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
        "NumMentions", "NumSources", "NumArticles", "AvgTone",
    ]  # fmt: skip
    assert header[51:53] == ["ActionGeo_Type", "ActionGeo_FullName"]
    assert header[-2:] == ["DATEADDED", "SOURCEURL"]
    df = pd.read_csv(tmp_path / "events.tsv", sep="\t", dtype=str, keep_default_na=False)
    assert len(df) == 2 and all(len(x.split("\t")) == 61 for x in lines)
    consult = df[df["EventRootCode"] == "04"].iloc[0]
    expected = {
        "Day": "20250303", "MonthYear": "202503", "Year": "2025", "FractionDate": "2025.2548",
        "Actor1Code": "EGYGOV", "Actor1Name": "KARIM NASSER", "Actor1CountryCode": "EGY",
        "Actor1Type1Code": "GOV", "Actor2Code": "JOR", "Actor2CountryCode": "JOR",
        "Actor2Type1Code": "", "IsRootEvent": "1", "EventCode": "040", "EventBaseCode": "040",
        "QuadClass": "1", "GoldsteinScale": "1.0", "NumMentions": "1", "NumSources": "1",
        "NumArticles": "1", "AvgTone": "", "ActionGeo_Type": "4",
        "ActionGeo_FullName": "Amman, Jordan", "ActionGeo_CountryCode": "JO",
        "ActionGeo_Lat": "31.95522", "ActionGeo_Long": "35.94503",
        "ActionGeo_FeatureID": "250441", "DATEADDED": "20250304000000",
        "SOURCEURL": "https://example.org/amman-talks",
    }  # fmt: skip
    assert {k: consult[k] for k in expected} == expected
    assault = df[df["EventRootCode"] == "19"].iloc[0]
    assert (assault["Day"], assault["MonthYear"], assault["IsRootEvent"]) == ("", "202503", "0")
    assert (assault["QuadClass"], assault["GoldsteinScale"]) == ("4", "-10.0")
    assert (assault["Actor1Code"], assault["Actor1Type1Code"], assault["Actor2Code"]) == (
        "SDNMIL", "MIL", "",
    )  # fmt: skip
    assert df["GlobalEventID"].str.fullmatch(r"\d+").all()


def test_cameo_tables():
    assert [cameo.quad_class(c) for c in ("010", "0874", "112", "145", "2041")] == [1, 2, 3, 4, 4]
    assert cameo.goldstein("0874") == 10.0
    assert cameo.goldstein("0439") == cameo.goldstein("043")  # unknown sub-code: base value
    assert cameo.goldstein(None) is None and cameo.quad_class("99") is None
    split = cameo.split_actor_code("IGOEUREEC")
    assert (split.types, split.country, split.known_group) == (["IGO"], "EUR", "EEC")
    split = cameo.split_actor_code("IGOUNO")
    assert (split.types, split.country, split.known_group) == (["IGO"], "", "UNO")
    assert cameo.split_actor_code("PSEREB").country == "PSE"
    assert cameo.split_actor_code(None, "QAT").code == "QAT"
    for root in [f"{n:02d}" for n in range(1, 21)]:
        assert cameo.goldstein(root) is not None and cameo.quad_class(root) is not None


def test_every_lexicon_cameo_code_has_a_goldstein_value():
    codes = {
        line.split("\t")[4]
        for line in LEXICON.read_text("utf-8").splitlines()
        if line and not line.startswith("#") and len(line.split("\t")) > 4
    }
    scale = cameo._data("cameo_events.json")["goldstein"]
    assert sorted(c for c in codes - {""} if c not in scale) == []


def test_graphml_read_by_networkx(store, tmp_path):
    exporters.write("graphml", store, tmp_path / "kb.graphml")
    graph = nx.read_graphml(tmp_path / "kb.graphml")
    names = {n: a["name"] for n, a in graph.nodes(data=True)}
    assert sorted(names.values()) == ["Jordan", "Karim Nasser", "Sudan's army"]
    (source, target, attrs), *rest = graph.edges(data=True)
    assert not rest  # the assault has no target: no edge
    assert (names[source], names[target]) == ("Karim Nasser", "Jordan")
    assert (attrs["type"], attrs["date"], attrs["count"], attrs["cameo"]) == (
        "CONSULT", "2025-03-03", 1, "040",
    )  # fmt: skip
    assert graph.nodes[source]["country"] == "EGY" and graph.nodes[source]["kind"] == "person"


def test_plover_records(store, tmp_path):
    out = io.StringIO()
    exporters.FILE_FORMATS["plover"](store, out)
    items = {r["event"]: r for r in json.loads(out.getvalue())}
    consult = items["CONSULT"]
    assert consult["date"] == "2025-03-03" and consult["text"] == LEAD
    assert [(a["role"], a["actorText"], a["code"]) for a in consult["actors"]] == [
        ("source", "Karim Nasser", "EGYGOV"),
        ("target", "Jordan", "JOR"),
    ]
    assert consult["location"]["name"] == "Amman"
    assert consult["sources"][0]["url"] == "https://example.org/amman-talks"
    assert [a["role"] for a in items["ASSAULT"]["actors"]] == ["source"]
    assert "context" not in consult
