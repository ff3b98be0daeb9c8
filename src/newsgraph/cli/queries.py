"""Query commands: actors, quotes, events, timeline (tables or JSON)."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from newsgraph.cli.app import DbOption, JsonOption, app, open_store, out
from newsgraph.cli.safe import plain, print_json
from newsgraph.store import DEFAULT_DB, records
from newsgraph.store.records import Filter, views

ActorOpt = Annotated[str | None, typer.Option("--actor", help="Actor name, alias or id.")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="From this ISO date on.")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Up to this ISO date.")]
LimitOpt = Annotated[int, typer.Option("--limit", help="At most this many rows.", min=1)]


def _emit(rows: list[dict[str, Any]], as_json: bool, columns: list[str], title: str) -> None:
    if as_json:
        print_json(out, rows)
        return
    table = Table(title=f"{title} ({len(rows)})")
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*[_cell(row.get(col)) for col in columns])
    out.print(table)


def _cell(value: Any) -> Text:
    text = " ".join(plain(value).plain.split())
    return Text(text if len(text) <= 90 else text[:89] + "\u2026")


@app.command()
def actors(
    search: Annotated[str | None, typer.Option("--search", help="Name or alias.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="person, organization, ...")] = None,
    db: DbOption = DEFAULT_DB,
    limit: LimitOpt = 50,
    as_json: JsonOption = False,
) -> None:
    """List actors with their aliases, roles and codes."""
    with open_store(db) as store:
        rows = records.actors(store, Filter(actor=search, type=kind))
    rows.sort(key=lambda a: (-a["mentions"], a["name"]))
    rows = rows[:limit]
    for a in rows:
        a["aliases_text"] = "; ".join(a["aliases"])
        a["roles_text"] = "; ".join(r["title"] for r in a["roles"])
    cols = ["name", "kind", "country", "mentions", "aliases_text", "roles_text"]
    _emit(rows, as_json, cols, "Actors")


@app.command()
def quotes(
    speaker: Annotated[str | None, typer.Option("--speaker", help="Speaker name or id.")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    search: Annotated[str | None, typer.Option("--search", help="Text in the quote.")] = None,
    db: DbOption = DEFAULT_DB,
    limit: LimitOpt = 100,
    as_json: JsonOption = False,
) -> None:
    """Who said what: direct and reported quotes with their speakers."""
    with open_store(db) as store:
        rows = records.quotes(
            store, Filter(actor=speaker, since=since, until=until, search=search, limit=limit)
        )
        names = views.all_actor_names(store)
    for q in rows:
        q["speaker_name"] = names.get(q["speaker"] or "", q["speaker_text"])
        q["kind"] = "direct" if q["direct"] else "reported"
    _emit(rows, as_json, ["doc_id", "speaker_name", "cue", "kind", "date", "text"], "Quotes")


@app.command()
def events(
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. ASSAULT.")] = None,
    actor: ActorOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    place: Annotated[str | None, typer.Option("--place", help="Place name or id.")] = None,
    db: DbOption = DEFAULT_DB,
    limit: LimitOpt = 100,
    as_json: JsonOption = False,
) -> None:
    """Who did what to whom: PLOVER events with their evidence."""
    with open_store(db) as store:
        rows = records.events(
            store,
            Filter(type=type, actor=actor, since=since, until=until, place=place, limit=limit),
        )
        names = views.all_actor_names(store)
        places = {p["id"]: p["name"] for p in records.places(store)}
    for e in rows:
        e["source_name"] = names.get(e["source"] or "", "")
        e["target_name"] = names.get(e["target"] or "", "")
        e["place_name"] = places.get(e["place"] or "", "")
        e["evidence"] = e["mentions"][0]["text"]
    cols = ["type", "source_name", "target_name", "date", "place_name", "modality", "evidence"]
    _emit(rows, as_json, cols, "Events")


@app.command()
def timeline(
    actor: ActorOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    db: DbOption = DEFAULT_DB,
    as_json: JsonOption = False,
) -> None:
    """Events and quotes in date order (undated ones are left out)."""
    with open_store(db) as store:
        rows = views.timeline_rows(store, Filter(actor=actor, since=since, until=until))
    _emit(rows, as_json, ["date", "kind", "who", "what", "doc_id"], "Timeline")
