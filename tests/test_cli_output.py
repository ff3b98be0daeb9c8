"""The command line shows article text literally: no console markup, no terminal controls."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsgraph.cli.app import err, out
from newsgraph.cli.main import app
from newsgraph.cli.safe import PLACEHOLDER, clean

runner = CliRunner()
MARKUP = ("[bold red]", "[/]", "[link=http://x]")
HOSTILE = (
    'WASHINGTON (Wire) - President Joe Biden said on Monday: "We will not accept [bold red] '
    'this [/] at all [link=http://x]ever\x1b[31m now\x07 here," officials said.\n\n'
    "Russian troops attacked Ukrainian forces [bold red] near Kyiv [/] on Tuesday "
    "[link=http://x] \x1b[31m \x07, the ministry said. Foreign Minister Sergei Lavrov said "
    "the talks with France [/] failed [bold red] [link=http://x] \x1b]8;;http://x\x1b\\."
)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    (tmp / "a.jsonl").write_text(
        json.dumps({"id": "m1", "text": HOSTILE, "published": "2025-04-07"}) + "\n"
    )
    result = runner.invoke(app, ["ingest", str(tmp / "a.jsonl"), "--db", str(tmp / "kb.db")])
    assert result.exit_code == 0, result.output
    return tmp / "kb.db"


@pytest.fixture(autouse=True)
def wide_console():
    """Wide enough that a cell is not folded in the middle of a markup tag."""
    saved = out._width, err._width
    out._width = err._width = 400
    yield
    out._width, err._width = saved


# the tags each command's cells hold (event evidence is a clause, the report clips)
SHOWN = {"quotes": MARKUP, "timeline": MARKUP, "events": MARKUP[:1], "report": MARKUP[:2]}


@pytest.mark.parametrize("command", ["quotes", "events", "actors", "report", "timeline"])
def test_hostile_text_is_shown_literally(db, command):
    result = runner.invoke(app, [command, "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    for tag in SHOWN.get(command, ()):
        assert tag in result.output, (tag, result.output)


@pytest.mark.parametrize("command", ["quotes", "timeline"])
def test_json_output_keeps_the_data(db, command):
    result = runner.invoke(app, [command, "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    texts = json.dumps(json.loads(result.stdout))
    assert "\\u001b[31m" in texts and "[bold red]" in texts


def test_clean_replaces_controls_but_keeps_lines():
    assert clean("a\x1b[1;31mb\x07c\x9bd\x00e\tf\ng") == (
        f"a{PLACEHOLDER}b{PLACEHOLDER}c{PLACEHOLDER}d{PLACEHOLDER}e\tf\ng"
    )
    assert clean("x\x1b]8;;http://e\x1b\\y") == f"x{PLACEHOLDER}y"
    assert clean(None) == "" and clean(3) == "3"
