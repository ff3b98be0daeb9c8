"""User errors: one line, no traceback, and no empty database left behind."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import newsgraph
from newsgraph.cli.main import app

runner = CliRunner()
ARTICLE = {"id": "a1", "text": "Kenya's president visited Uganda on Monday.", "title": "Visit"}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("kb")
    (tmp / "a.jsonl").write_text(json.dumps(ARTICLE) + "\n")
    result = runner.invoke(app, ["ingest", str(tmp / "a.jsonl"), "--db", str(tmp / "kb.db")])
    assert result.exit_code == 0, result.output
    return tmp / "kb.db"


def one_error_line(result, *names: str) -> str:
    assert result.exit_code in (1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    lines = [x for x in result.output.splitlines() if x.startswith("error:")]
    assert len(lines) == 1, result.output
    for name in names:
        assert name in lines[0]
    return lines[0]


def test_export_to_a_missing_folder(db, tmp_path):
    target = tmp_path / "nonexistent" / "dir" / "x.json"
    result = runner.invoke(app, ["export", "--db", str(db), "-o", str(target)])
    one_error_line(result, str(target))
    assert not target.parent.exists()


def test_export_csv_into_a_file_path(db, tmp_path):
    (tmp_path / "file").write_text("")
    target = tmp_path / "file" / "csv"
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "csv", "-o", str(target)])
    one_error_line(result, str(target))


@pytest.mark.parametrize("command", ["report", "quotes", "export"])
def test_unopenable_databases(tmp_path, command):
    (tmp_path / "notes.db").write_text("not a database at all\n" * 10)
    for path in (tmp_path, tmp_path / "notes.db"):
        result = runner.invoke(app, [command, "--db", str(path)])
        one_error_line(result, str(path))


def test_failed_first_ingest_leaves_no_database(tmp_path):
    db = tmp_path / "new.db"
    result = runner.invoke(app, ["ingest", str(tmp_path / "nothing-here.txt"), "--db", str(db)])
    assert result.exit_code == 1
    assert "nothing-here.txt" in result.output
    (tmp_path / "bad.jsonl").write_text("{not json\n")
    result = runner.invoke(app, ["ingest", str(tmp_path / "bad.jsonl"), "--db", str(db)])
    assert result.exit_code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl"]


def test_failed_ingest_keeps_an_existing_database(db, tmp_path):
    result = runner.invoke(app, ["ingest", str(tmp_path / "nothing-here.txt"), "--db", str(db)])
    assert result.exit_code == 1
    with newsgraph.open(db) as kb:
        assert [d["id"] for d in kb.documents()] == ["a1"]
