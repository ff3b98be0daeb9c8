"""The headline event: the chooser on written text, the store and export, the web page,
``report``, and the Giveme5W1H scorer on a small file written here."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from newsgraph.api import KnowledgeBase
from newsgraph.cli.app import out
from newsgraph.cli.main import app
from newsgraph.evaluate import giveme5w1h
from newsgraph.model import Answer, Article
from newsgraph.pipeline import STAGES, process, process_many
from newsgraph.store import Store

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT.parent / "shared" / "contract" / "export.schema.json"
runner = CliRunner()

RAILWAY = (
    "NAIROBI (Example Wire) - Kenyan President William Ruto opened a new railway line in "
    "Mombasa on Tuesday, the first stretch of a link to Uganda.\n\n"
    'The line carries freight from the port. "It is a great day," Ruto said at the '
    "ceremony. Officials said the second stretch would open next year."
)


def _headline(res, text: str, title: str | None = None, published: str | None = "2025-03-06"):
    article = Article(id="t", text=text, title=title, published=published)
    return process(article, res).headline


def _evidence(text: str, answer: Answer) -> None:
    assert answer.start is not None and answer.end is not None
    assert text[answer.start : answer.end] == answer.text


def test_the_stage_is_declared_after_what_it_reads():
    names = [s.name for s in STAGES]
    stage = STAGES[names.index("headline")]
    assert set(stage.requires) >= {"entities", "places", "times", "events"}
    assert names.index("events") < names.index("headline")


def test_who_what_when_where_of_a_lede(res):
    hl = _headline(res, RAILWAY, title="Ruto opens railway to Mombasa")
    assert hl is not None
    for answer in (hl.who, hl.what, hl.when, hl.where):
        _evidence(RAILWAY, answer)
    assert "William Ruto" in hl.who.text
    assert hl.who.entity is not None
    assert hl.what.text.startswith("opened a new railway line")
    assert (hl.when.text, hl.when.value) == ("Tuesday", "2025-03-04")  # before publication
    assert hl.where.text == "Mombasa"  # where it happened, not the dateline


def test_the_reported_clause_answers_not_its_reporter(res):
    text = "A bomber rammed a truck into the embassy in Kabul on Monday, police said."
    hl = _headline(res, text, title="Bomber rams truck into embassy")
    assert hl.who.text == "A bomber"
    assert hl.what.text.startswith("rammed a truck")
    assert hl.where.text == "Kabul"


def test_quoted_words_and_page_furniture_are_not_the_event(res):
    text = (
        "Click to share on Facebook (Opens in new window) \u201cWe will win,\u201d the coach "
        "told reporters. The Lions beat the Tigers 3-1 in the final in Lisbon."
    )
    hl = _headline(res, text, title="Lions beat Tigers in the final")
    assert hl.who.text == "The Lions"
    assert hl.what.text.startswith("beat the Tigers")


def test_no_date_in_the_lede_takes_the_publication_day_marked_so(res):
    hl = _headline(res, "The city council approved the budget for the new bridge.")
    assert hl.when.basis == "published" and hl.when.value == "2025-03-06"
    assert hl.when.start is None and hl.when.end is None
    assert _headline(res, "The council approved it.", published=None).when is None


def test_a_text_without_a_clause_has_no_headline(res):
    assert _headline(res, "Breaking news. More soon.") is None


# -- the store, the export, the faces --------------------------------------------------

TITLE = "Ministers <b>meet</b> in Amman"
TEXT = (
    "AMMAN (Wire) - Egypt's foreign minister Karim Nasser met the <b>Jordan</b> trade "
    "delegation in Amman on Monday to discuss the border crossing.\n\n"
    "The two men agreed to meet again next month, officials said."
)


@pytest.fixture(scope="module")
def kb(tmp_path_factory, res) -> Path:
    path = tmp_path_factory.mktemp("headline") / "kb.db"
    articles = [
        Article(id="amman", text=TEXT, title=TITLE, published="2025-03-04"),
        Article(id="rail", text=RAILWAY, title="Ruto opens railway", published="2025-03-06"),
    ]
    with Store(path) as store:
        for result in process_many(articles, res):
            store.save(result)
    return path


def test_the_export_carries_the_headline_with_its_evidence(kb, tmp_path):
    target = tmp_path / "kb.json"
    result = runner.invoke(app, ["export", "--db", str(kb), "--format", "json", "-o", str(target)])
    assert result.exit_code == 0, result.output
    exported = json.loads(target.read_text("utf-8"))
    jsonschema.validate(exported, json.loads(SCHEMA.read_text("utf-8")))
    texts = {"amman": TEXT, "rail": RAILWAY}
    actors = {a["id"] for a in exported["actors"]}
    events = {e["id"] for e in exported["events"]}
    for doc in exported["documents"]:
        hl = doc["headline"]
        assert hl is not None, doc["id"]
        for q in ("who", "what", "when", "where"):
            answer = hl[q]
            if answer and answer["start"] is not None:
                assert texts[doc["id"]][answer["start"] : answer["end"]] == answer["text"]
        assert hl["who"]["actor"] is None or hl["who"]["actor"] in actors
        assert hl["event"] is None or hl["event"] in events
    amman = next(d for d in exported["documents"] if d["id"] == "amman")["headline"]
    assert "Nasser" in amman["who"]["text"] and amman["when"]["value"] == "2025-03-03"
    with KnowledgeBase(kb) as base:  # the Python API reads the same record
        assert base.headline("amman") == amman and base.headline("nothing") is None


def test_the_document_page_shows_the_headline_escaped(kb):
    pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
    pytest.importorskip("httpx", reason="httpx is needed by FastAPI's TestClient")
    from fastapi.testclient import TestClient

    from newsgraph.web.app import create_app

    page = TestClient(create_app(str(kb))).get("/documents/amman")
    assert page.status_code == 200
    html = page.text
    section = html[html.index("Headline event") : html.index('class="legend"')]
    assert "&lt;b&gt;Jordan&lt;/b&gt;" in section and "<b>Jordan" not in section
    assert "?at=" in section and "Monday" in section


def test_report_prints_each_documents_headline(kb):
    saved = out._width
    out._width = 200
    try:
        result = runner.invoke(app, ["report", "--db", str(kb)])
    finally:
        out._width = saved
    assert result.exit_code == 0, result.output
    shown = result.output[result.output.index("Headline events") :]
    assert "Ruto" in shown and "opened a new railway" in shown and "Mombasa" in shown
    assert "Nasser" in shown and "2025-03-03" in shown


# -- the scorer --------------------------------------------------------------------------


def _news_please(folder: Path, name: str, text: str, title: str, five: dict) -> None:
    data = {"dId": name, "title": title, "text": text, "date_publish": "2025-03-06 10:00:00",
            "publisher": "example", "fiveWoneH": five}  # fmt: skip
    (folder / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")


def test_the_scorer_on_written_files(tmp_path, res):
    folder = tmp_path / "giveme5w1h"
    folder.mkdir()
    right = {
        "who": {"annotated": [{"text": "President William Ruto"}]},
        "what": {"annotated": [{"text": "opens new railway line"}]},
        "when": {"annotated": [{"text": "Tuesday", "parsed": "2025-03-04"}]},
        "where": {"annotated": [{"text": "in Mombasa"}]},
    }
    wrong = {
        "who": {"annotated": [{"text": "Uganda"}]},
        "what": {"annotated": [{"text": "freight"}]},
        "when": {"annotated": [{"text": None, "parsed": "2024-01-01"}]},
        "where": {"annotated": [{"text": None}]},
    }
    _news_please(folder, "a", RAILWAY, "Ruto opens railway", right)
    _news_please(folder, "b", RAILWAY, "Ruto opens railway", wrong)
    figures = giveme5w1h.evaluate(tmp_path, res)
    assert figures["articles"] == 2 and figures["failed"] == 0
    for q in ("who", "what", "when", "where"):
        assert figures[q]["coverage"] == 1.0
        assert figures["first_half"][q]["precision"] == 1.0, q
        assert figures["second_half"][q]["precision"] == 0.0, q
        assert figures[q]["precision"] == 0.5


def test_the_match_is_word_overlap_of_the_shorter_phrase():
    assert giveme5w1h.overlaps("Hillary Clinton", "Clinton")
    assert giveme5w1h.overlaps("has blamed James Comey", "blames FBI's James Comey for defeat")
    assert not giveme5w1h.overlaps("the driver", "the tram")  # function words do not count
    long = "said on Monday that the talks in Doha had failed again"
    assert giveme5w1h.overlaps(long, "talks failed")
    assert not giveme5w1h.overlaps(long, "talks failed", strict=True)
    day = Answer("Tuesday", 5, 12, value="2025-03-04", precision="day")
    assert giveme5w1h.is_right("when", day, [{"text": "last week", "parsed": "2025-03-04"}])
    published = Answer("2025-03-04", None, None, basis="published", value="2025-03-04")
    published.precision = "day"
    assert giveme5w1h.is_right("when", published, [{"text": None, "parsed": "2025-03-04"}])
    assert not giveme5w1h.is_right("who", published, [{"text": "2025-03-04"}])
