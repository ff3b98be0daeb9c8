"""End to end: intake of every input kind, bad input, re-ingest, export contract."""

from __future__ import annotations

import json
import sqlite3

import jsonschema
import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES, SCHEMA
from newsgraph.cli.main import app
from newsgraph.intake.dateline import find_dateline
from newsgraph.intake.decoding import decode

runner = CliRunner()

WIRE = (
    "LIMA, Peru (Andes Wire) - Peru's trade minister met her Chilean counterpart on Monday "
    "to discuss copper exports, officials said.\n\nThe two ministers agreed to meet again."
)
SECOND = "BERLIN - German officials praised the agreement on Friday."


def ingest(tmp_path, *args: str):
    db = tmp_path / "kb.db"
    result = runner.invoke(app, ["ingest", *args, "--db", str(db)])
    return result, db


def export(db) -> dict:
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def doc_ids(db) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {r[0] for r in conn.execute("SELECT id FROM documents")}


def test_txt_jsonl_and_html_inputs(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "peru.txt").write_text(WIRE, encoding="utf-8")
    lines = [
        {"id": "j1", "text": SECOND, "published": "2025-04-04T10:00:00Z", "source": "Wire"},
        {"id": "j2", "text": "Kenya's president visited Uganda.", "title": "Visit"},
    ]
    (tmp_path / "in" / "batch.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    html = (
        "<html><head><title>Talks in Oslo</title>"
        '<meta name="date" content="2025-05-02"></head><body><article><h1>Talks in Oslo</h1>'
        + "".join(
            f"<p>Norwegian diplomats hosted envoys from both sides for round {i} of the "
            "talks, which the foreign ministry described as constructive and frank.</p>"
            for i in range(1, 5)
        )
        + "</article></body></html>"
    )
    (tmp_path / "in" / "oslo.html").write_text(html, encoding="utf-8")
    result, db = ingest(tmp_path, str(tmp_path / "in"))
    assert result.exit_code == 0, result.output
    assert doc_ids(db) == {"peru", "j1", "j2", "oslo"}
    data = export(db)
    docs = {d["id"]: d for d in data["documents"]}
    assert docs["j1"]["published"] == "2025-04-04"
    assert docs["j1"]["published_from"] == "metadata"
    assert docs["j1"]["source"] == "Wire"
    assert docs["peru"]["dateline"]["text"] == "LIMA, Peru (Andes Wire) -"
    assert docs["oslo"]["title"] == "Talks in Oslo"


def test_non_utf8_text_is_decoded(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("SÃO PAULO - Brazil's café exports rose, ministers said.".encode("cp1252"))
    result, db = ingest(tmp_path, str(path))
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as conn:
        (text,) = conn.execute("SELECT text FROM documents").fetchone()
    assert "SÃO PAULO" in text and "café" in text
    assert decode("Привет, мир. Новости дня.".encode("cp1251")) == "Привет, мир. Новости дня."


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("binary.txt", b"\x00\x01\x02\xff" * 100, "binary"),
        (
            "bad.jsonl",
            b'{"id": "ok", "text": "Fine text here."}\n{not json}\n',
            ":2: not valid JSON",
        ),
        ("notext.jsonl", b'{"id": "x", "title": "no body"}\n', ':1: no "text" field'),
        ("empty.html", b"<html><body><nav>menu</nav></body></html>", "no article text"),
    ],
)
def test_bad_input_is_reported_and_batch_goes_on(tmp_path, name, content, message):
    (tmp_path / "good.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / name).write_bytes(content)
    result, db = ingest(tmp_path, str(tmp_path / "good.txt"), str(tmp_path / name))
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, result.stderr
    assert name in lines[0] and message in lines[0]
    assert "good" in doc_ids(db)


def test_size_limit_and_missing_file(tmp_path):
    (tmp_path / "good.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "big.txt").write_text("word " * 400, encoding="utf-8")
    result, db = ingest(
        tmp_path, str(tmp_path / "good.txt"), str(tmp_path / "big.txt"),
        str(tmp_path / "nope.txt"), "--max-bytes", "1000",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "big.txt: file is 2,000 bytes, over the 1,000-byte limit" in result.stderr
    assert "nope.txt: no such file or folder" in result.stderr
    assert doc_ids(db) == {"good"}


def test_wrong_usage_exits_2(tmp_path):
    assert runner.invoke(app, ["ingest"]).exit_code == 2
    assert runner.invoke(app, ["export", "--format", "xml"]).exit_code == 2
    assert runner.invoke(app, ["frobnicate"]).exit_code == 2


def test_reingest_is_idempotent_and_new_text_replaces(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(WIRE, encoding="utf-8")
    ingest(tmp_path, str(path))
    first = export(tmp_path / "kb.db")
    result, db = ingest(tmp_path, str(path))
    assert result.exit_code == 0
    assert "1 unchanged" in result.stdout
    assert export(db) == first
    path.write_text(WIRE.replace("Monday", "Tuesday"), encoding="utf-8")
    result, db = ingest(tmp_path, str(path))
    assert "1 replaced" in result.stdout
    assert "replaced the old version" in result.stderr
    data = export(db)
    assert len(data["documents"]) == 1
    assert data["documents"][0]["sha256"] != first["documents"][0]["sha256"]


def test_json_summary(tmp_path):
    (tmp_path / "a.txt").write_text(WIRE, encoding="utf-8")
    result, _ = ingest(tmp_path, str(tmp_path / "a.txt"), "--json")
    assert json.loads(result.stdout)["added"] == 1


@pytest.fixture(scope="module")
def sample_export(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sample")
    result, db = ingest(tmp, str(EXAMPLES))
    assert result.exit_code == 0, result.output
    return export(db), db


def test_sample_export_follows_the_contract(sample_export):
    data, _ = sample_export
    schema = json.loads(SCHEMA.read_text())
    jsonschema.validate(data, schema)
    assert len(data["documents"]) >= 8


def test_offsets_slice_the_text_exactly(sample_export):
    data, db = sample_export
    with sqlite3.connect(db) as conn:
        texts = dict(conn.execute("SELECT id, text FROM documents"))
        mentions = conn.execute('SELECT doc_id, start, "end", text FROM actor_mentions').fetchall()
    spans = [(m[0], m[1], m[2], m[3]) for m in mentions]
    spans += [(t["doc_id"], t["start"], t["end"], t["text"]) for t in data["time_expressions"]]
    spans += [(q["doc_id"], q["start"], q["end"], q["text"]) for q in data["quotes"]]
    for q in data["quotes"]:
        if q["speaker_start"] is not None:
            spans.append((q["doc_id"], q["speaker_start"], q["speaker_end"], q["speaker_text"]))
    for e in data["events"]:
        spans += [(m["doc_id"], m["start"], m["end"], m["text"]) for m in e["mentions"]]
    for d in data["documents"]:
        if d["dateline"]:
            dl = d["dateline"]
            spans.append((d["id"], dl["start"], dl["end"], texts[d["id"]][dl["start"] : dl["end"]]))
    assert spans
    for doc_id, start, end, text in spans:
        assert texts[doc_id][start:end] == text, (doc_id, start, end, text)


@pytest.mark.parametrize(
    ("text", "place", "agency"),
    [
        ("AMMAN, Jordan - Jordan's minister said", "AMMAN, Jordan", None),
        ("CAIRO, March 3 (Nile Wire) \u2014 Egypt's", "CAIRO", "Nile Wire"),
        ("GAZA CITY, Gaza Strip (Reuters) - Israeli", "GAZA CITY, Gaza Strip", "Reuters"),
        ("Kyiv (Agency) - Ukraine said", "Kyiv", "Agency"),
        ("WASHINGTON -- The Senate", "WASHINGTON", None),
    ],
)
def test_datelines(text, place, agency):
    dl = find_dateline(text)
    assert dl is not None and dl.place_text == place and dl.agency == agency
    assert text[dl.start : dl.end].rstrip() == dl.text


@pytest.mark.parametrize("text", ["The US - China talks resumed.", "Amman - the capital - grew."])
def test_no_dateline_in_ordinary_openings(text):
    assert find_dateline(text) is None


def test_dateline_is_not_parsed_as_part_of_first_sentence(analyze):
    result = analyze("MOSCOW - Officials met on Monday.")
    assert result.dateline is not None and result.dateline.end == len("MOSCOW - ")
