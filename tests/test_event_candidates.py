"""Event candidates (acts the coding rules did not code) in the store, the JSON export and
the Python API; articles written for these tests."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema

import newsgraph
from conftest import SCHEMA

TEXT = (
    "LIMA (Wire) - If the talks fail, the rebels could attack the airport, officials said. "
    "Talks were held in a hotel on Monday. Rebels attacked a police post near Cusco on "
    "Sunday, police said."
)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsgraph", *args], capture_output=True, text=True
    )


def test_candidates_are_stored_exported_on_request_and_replaced_with_their_article(tmp_path):
    src, db = tmp_path / "in.jsonl", tmp_path / "kb.db"
    src.write_text(json.dumps({"id": "a1", "text": TEXT, "published": "2024-05-06"}) + "\n")
    assert run("ingest", str(src), "--db", str(db)).returncode == 0
    plain, full = tmp_path / "plain.json", tmp_path / "full.json"
    assert run("export", "--db", str(db), "-o", str(plain)).returncode == 0
    assert run("export", "--db", str(db), "--candidates", "-o", str(full)).returncode == 0
    assert "event_candidates" not in json.loads(plain.read_text())
    data = json.loads(full.read_text())
    jsonschema.validate(data, json.loads(SCHEMA.read_text("utf-8")))  # an extra list only
    reasons = {c["type"]: c["reason"] for c in data["event_candidates"]}
    assert reasons.get("ASSAULT") == "hypothetical"
    assert all(TEXT[m["start"] : m["end"]] == m["text"]
               for c in data["event_candidates"] for m in c["mentions"])  # fmt: skip
    assert any(e["type"] == "ASSAULT" for e in data["events"])  # the real attack is coded
    with newsgraph.open(db) as kb:
        assert [c["reason"] for c in kb.event_candidates(type="assault")] == ["hypothetical"]
        before = len(kb.event_candidates())
    src.write_text(json.dumps({"id": "a1", "text": TEXT + " ", "published": "2024-05-06"}) + "\n")
    assert run("ingest", str(src), "--db", str(db)).returncode == 0
    with newsgraph.open(db) as kb:
        assert len(kb.event_candidates()) == before  # replaced, not added twice


def test_candidates_apply_to_json_only(tmp_path):
    db = tmp_path / "kb.db"
    newsgraph.open(db, create=True).close()
    r = run("export", "--db", str(db), "--format", "csv", "--candidates", "-o", str(tmp_path / "x"))
    assert r.returncode == 2 and "json format only" in r.stderr
