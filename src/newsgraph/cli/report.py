"""The short corpus report that `newsgraph report` and `make demo` print."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsgraph.cli.safe import clean
from newsgraph.store import Store, records


def print_report(store: Store, console: Console, top: int = 5) -> None:
    docs = records.documents(store)
    actors = records.actors(store)
    quotes = records.quotes(store)
    events = records.events(store)
    times = records.time_expressions(store)
    names = {a["id"]: a["name"] for a in actors}
    console.print(
        f"[bold]{len(docs)}[/] documents, [bold]{len(actors)}[/] actors, "
        f"[bold]{len(quotes)}[/] quotes, [bold]{len(events)}[/] events, "
        f"[bold]{len(times)}[/] time expressions"
    )

    table = Table(title="Top actors (by mentions)")
    for col in ("actor", "kind", "country", "mentions"):
        table.add_column(col)
    for a in sorted(actors, key=lambda a: (-a["mentions"], a["name"]))[:top]:
        table.add_row(*_cells(a["name"], a["kind"], a["country"], a["mentions"]))
    console.print(table)

    speakers = Counter(q["speaker"] for q in quotes if q["speaker"])
    table = Table(title="Top speakers (by quotes)")
    table.add_column("speaker")
    table.add_column("quotes")
    table.add_column("example")
    for actor_id, n in speakers.most_common(top):
        theirs = [q for q in quotes if q["speaker"] == actor_id]
        example = max(theirs, key=lambda q: (q["direct"], len(q["text"])))["text"]
        table.add_row(*_cells(names.get(actor_id, actor_id), n, _clip(example, 60)))
    console.print(table)

    table = Table(title="Events (most reported first)")
    for col in ("type", "source", "target", "date", "articles", "evidence"):
        table.add_column(col)
    ranked = sorted(events, key=lambda e: (-e["num_articles"], -len(e["mentions"]), e["id"]))
    for e in ranked[:top]:
        table.add_row(
            *_cells(
                e["type"],
                names.get(e["source"], "") if e["source"] else "",
                names.get(e["target"], "") if e["target"] else "",
                e["date"],
                e["num_articles"],
                _clip(e["mentions"][0]["text"], 60),
            )
        )
    console.print(table)
    print_headlines(docs, console, top)


def print_headlines(docs: list[dict], console: Console, top: int = 5) -> None:
    """Each document's headline event (who / what / when / where), the first ``top``."""
    table = Table(title="Headline events (per document)")
    for col in ("document", "who", "what", "when", "where"):
        table.add_column(col)
    for doc in [d for d in docs if d.get("headline")][:top]:
        hl = doc["headline"]
        answers = [_answer(hl.get(q)) for q in ("who", "what", "when", "where")]
        table.add_row(*_cells(_clip(doc["title"] or doc["id"], 40), *answers))
    console.print(table)


def _answer(answer: dict | None) -> str:
    if not answer:
        return ""
    text = _clip(answer["text"], 50)
    if answer.get("value") and answer["value"] != answer["text"]:
        text += f" ({answer['value']})"
    return text


def _cells(*values: object) -> list[Text]:
    """Data shown literally: markup in article text is not interpreted."""
    return [Text(clean(v)) for v in values]


def _clip(text: str, width: int) -> str:
    text = " ".join(clean(text).split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"
