"""The knowledge-base tables, defined once (SQLAlchemy Core) for SQLite and PostgreSQL.

Every table, column and index carries the schema version that introduced it
(``info["since"]``); ``schema`` derives the forward migrations from these marks, so a
database made by an older newsgraph gains exactly what it lacks. Types compile per
dialect: SQLite keeps INTEGER / REAL / TEXT / BLOB; PostgreSQL gets BIGINT, DOUBLE
PRECISION, BYTEA and ``TEXT COLLATE "C"`` (bytewise ordering and comparison, as SQLite).
Never change a released column: add one with the next ``since``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    REAL,
    BigInteger,
    Column,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
    text,
)
from sqlalchemy.dialects.postgresql import DOUBLE_PRECISION

TEXT = Text().with_variant(Text(collation="C"), "postgresql")
INT = Integer().with_variant(BigInteger(), "postgresql")
FLOAT = REAL().with_variant(DOUBLE_PRECISION(), "postgresql")
BLOB = LargeBinary()  # BLOB / BYTEA

metadata = MetaData()


def c(name: str, type_: Any = TEXT, since: int = 1, null: bool = True, **kw: Any) -> Column:
    """A column introduced in schema version ``since``."""
    return Column(name, type_, nullable=null, info={"since": since}, **kw)


def key(name: str, type_: Any = TEXT, null: bool = True) -> Column:
    """A primary-key column (``null``: no NOT NULL in the DDL, as version 1 wrote a
    single-column key; PostgreSQL's keys are NOT NULL anyway)."""
    return Column(name, type_, primary_key=True, nullable=null, info={"since": 1})


def ix(name: str, *cols: str, since: int = 1) -> Index:
    return Index(name, *cols, info={"since": since})


def table(name: str, *items: Any, since: int = 1) -> Table:
    return Table(name, metadata, *items, info={"since": since})


EMPTY_JSON = text("'{}'")
ZERO = text("0")

meta = table("meta", key("key"), c("value", null=False))

documents = table(
    "documents",
    key("id"),
    c("seq", INT, null=False),  # ingest order; export order
    c("title"), c("url"), c("source"), c("author"),
    c("published"),  # ISO date or NULL
    c("published_from"),  # 'metadata' | 'text' | NULL
    c("dateline_text"), c("dateline_start", INT), c("dateline_end", INT),
    c("dateline_place"),  # places.id
    c("sha256", null=False),
    c("chars", INT, null=False),
    c("text", null=False),
    c("origin"),
    c("duplicate_of"),  # documents.id of the canonical copy
    c("minhash", BLOB),
    c("ingested_at", null=False),
    c("headline", since=7),  # JSON: the headline event's answers (store.headlines)
    ix("documents_sha", "sha256"),
    ix("documents_seq", "seq", since=2),
    ix("documents_duplicate", "duplicate_of", since=2),
    ix("documents_source", "source", since=6),
    ix("documents_published", "published", since=6),
)  # fmt: skip

actors = table(
    "actors",
    key("id"),
    c("name", null=False),
    c("kind", null=False),
    c("country"),
    c("codes", null=False, server_default=EMPTY_JSON),  # JSON object
    c("num_mentions", INT, since=6, server_default=ZERO),  # actor_counts
    c("num_events", INT, since=6, server_default=ZERO),
    ix("actors_country", "country", since=6),
    ix("actors_kind", "kind", since=6),
    ix("actors_mentions", "num_mentions", since=6),
)
actor_keys = table(  # cross-document merge keys, a row per document that gave one
    "actor_keys", key("key", null=False), key("actor_id", null=False), key("doc_id", null=False),
    ix("actor_keys_doc", "doc_id", since=9),
)  # fmt: skip
actor_key_index = table(  # each (key, actor) of actor_keys once: what linking reads
    "actor_key_index", key("key", null=False), key("actor_id", null=False),
    ix("actor_key_index_actor", "actor_id", since=9),
    since=9,
)  # fmt: skip
actor_aliases = table(
    "actor_aliases",
    key("actor_id", null=False),
    key("alias", null=False),
    key("doc_id", null=False),
    ix("actor_aliases_doc", "doc_id", since=9),  # the search index reads a document's
)
actor_alias_firsts = table(  # each (actor, alias) of actor_aliases once: what lists show
    "actor_alias_firsts", key("actor_id", null=False), key("alias", null=False),
    c("doc_seq", INT, null=False, since=11),  # the seq of the first document writing it
    ix("actor_alias_firsts_seq", "doc_seq", since=11),
    since=11,
)  # fmt: skip
actor_roles = table(
    "actor_roles",
    c("actor_id", null=False), c("title", null=False), c("organization"),
    c("past", INT, null=False, server_default=text("0")), c("doc_id", null=False),
    c("seq", INT, since=3),
    ix("actor_roles_actor", "actor_id"),
    ix("actor_roles_seq", "seq", since=3),
    ix("actor_roles_doc", "doc_id", since=9),
    ix("actor_roles_actor_seq", "actor_id", "seq", since=9),  # an actor's first roles
)  # fmt: skip


def _span(*more: Any) -> list[Any]:
    return [c("doc_id", null=False), c("start", INT, null=False), c("end", INT, null=False),
            c("text", null=False), *more]  # fmt: skip


actor_mentions = table(
    "actor_mentions",
    *_span(c("kind", null=False), c("actor_id", null=False)),
    ix("actor_mentions_doc", "doc_id"),
    ix("actor_mentions_actor", "actor_id"),
)

places = table(
    "places",
    key("id"), c("name", null=False), c("kind", null=False), c("country"),
    c("lat", FLOAT), c("lon", FLOAT), c("geonames_id", INT),
)  # fmt: skip
place_mentions = table(
    "place_mentions",
    *_span(c("place_id", null=False)),
    ix("place_mentions_doc", "doc_id"),
    ix("place_mentions_place", "place_id", since=2),
)

time_expressions = table(
    "time_expressions",
    *_span(c("value"), c("precision")),
    ix("time_expressions_doc", "doc_id"),
)

quotes = table(
    "quotes",
    key("id"), c("doc_id", null=False),
    c("start", INT, null=False), c("end", INT, null=False), c("text", null=False),
    c("direct", INT, null=False),
    c("speaker"),  # actors.id
    c("speaker_text"), c("speaker_start", INT), c("speaker_end", INT),
    c("cue"), c("cue_start", INT), c("cue_end", INT),
    c("addressee"),  # actors.id
    c("medium"), c("date"),
    c("doc_seq", INT, since=11),  # documents.seq of doc_id: the listing's order, indexed
    ix("quotes_doc", "doc_id"),
    ix("quotes_speaker", "speaker"),
    ix("quotes_dated", "date", "id", since=9),  # the timeline's order
    ix("quotes_listed", "doc_seq", "start", "end", "id", since=11),
)  # fmt: skip

events = table(
    "events",
    key("id"),
    c("type", null=False), c("mode"), c("cameo"),
    c("source"), c("target"),  # actors.id
    c("date"), c("place"),  # places.id
    c("negated", INT, null=False), c("modality", null=False), c("confidence", FLOAT, null=False),
    c("seq", INT, since=2),
    c("range_lo", INT, since=2), c("range_hi", INT, since=2),  # day ordinals of its time
    c("range_explicit", INT, since=2),
    c("first_doc", since=2),
    c("num_sources", INT, since=6, server_default=ZERO),  # event_counts
    c("num_mentions", INT, since=6, server_default=ZERO),
    c("num_articles", INT, since=9, server_default=ZERO),
    c("tally", since=9),  # JSON: what its reports tell, summed up (store.event_tally)
    ix("events_seq", "seq", since=2),
    ix("events_sources", "num_sources", since=6),
    ix("events_date", "date", since=6),
)  # fmt: skip
Index(  # the events list's default order (undated last), read in order, not sorted
    "events_listed", events.c.date.is_(None), events.c.date, events.c.id, info={"since": 9}
)
Index("events_timeline", events.c.date, events.c.type, events.c.id, info={"since": 9})
event_mentions = table(
    "event_mentions",
    c("event_id", null=False),
    *_span(),
    c("trigger"), c("source_text"), c("target_text"), c("date"), c("place"),
    c("figures", null=False, server_default=EMPTY_JSON),
    c("source", since=2), c("target", since=2),  # actors.id, aligned to the event
    c("local", INT, since=2),  # the event's index in its document
    c("seq", INT, since=3),
    c("type", since=8), c("cameo", since=8), c("modality", since=8),  # the extracted event's
    c("date_precision", since=12),  # "week": the date names only its week (link.dates.WEEK)
    ix("event_mentions_doc", "doc_id"),
    ix("event_mentions_event", "event_id"),
    ix("event_mentions_seq", "seq", since=3),
    ix("event_mentions_event_seq", "event_id", "seq", since=9),  # an event's first mentions
)  # fmt: skip
event_candidates = table(  # what the rules saw but did not code, with the reason (per doc)
    "event_candidates",
    key("id"), *_span(),
    c("trigger"), c("type", null=False), c("mode"), c("cameo"),
    c("source"), c("target"),  # actors.id
    c("source_text"), c("target_text"), c("date"), c("place"),  # places.id
    c("negated", INT, null=False), c("modality", null=False), c("confidence", FLOAT, null=False),
    c("reason", null=False),
    ix("event_candidates_doc", "doc_id", since=5),
    since=5,
)  # fmt: skip
event_keys = table(
    "event_keys",
    c("key", null=False), c("bucket", INT, null=False), c("event_id", null=False),
    ix("event_keys_lookup", "key", "bucket", since=2),
    ix("event_keys_event", "event_id", since=2),
    since=2,
)  # fmt: skip
conflicts = table(
    "conflicts",
    key("id"), c("event_id", null=False), c("field", null=False),
    c("values", null=False),  # JSON [{value, doc_id, start, end, text}]
    ix("conflicts_event", "event_id", since=2),
    since=2,
)  # fmt: skip

doc_bands = table(  # MinHash LSH
    "doc_bands",
    c("band", INT, null=False), c("doc_id", null=False),
    ix("doc_bands_band", "band", since=2), ix("doc_bands_doc", "doc_id", since=2),
    since=2,
)  # fmt: skip

stories = table(
    "stories",
    key("id"), c("label", null=False),
    c("seq", INT, since=2),
    c("actor_counts", null=False, server_default=EMPTY_JSON, since=2),  # to 10; now '{}'
    c("type_counts", null=False, server_default=EMPTY_JSON, since=2),
    ix("stories_seq", "seq", since=2),
)  # fmt: skip
story_actor_counts = table(  # of a story's documents, how many bring each actor (label)
    "story_actor_counts", key("story_id", null=False), key("actor_id", null=False),
    c("n", INT, null=False, since=11),
    ix("story_actor_counts_top", "story_id", "n", "actor_id", since=11),
    since=11,
)  # fmt: skip
story_docs = table(
    "story_docs",
    c("story_id", null=False), c("doc_id", null=False),
    ix("story_docs_doc", "doc_id", since=2), ix("story_docs_story", "story_id", since=2),
)  # fmt: skip
story_events = table(
    "story_events",
    c("story_id", null=False), c("event_id", null=False),
    c("doc_id", since=2),
    ix("story_events_event", "event_id", since=2),
    ix("story_events_doc", "doc_id", since=2),
    ix("story_events_story", "story_id", since=2),
)  # fmt: skip
story_actors = table(
    "story_actors",
    c("story_id", null=False), c("actor_id", null=False), c("doc_id", null=False),
    c("day", INT),
    ix("story_actors_lookup", "actor_id", "day", since=2),
    ix("story_actors_doc", "doc_id", since=2),
    since=2,
)  # fmt: skip
story_actor_days = table(  # each dated (actor, day, story) of story_actors once
    "story_actor_days",
    key("actor_id", null=False), key("day", INT, null=False), key("story_id", null=False),
    ix("story_actor_days_story", "story_id", since=9),
    since=9,
)  # fmt: skip


def since(item: Any) -> int:
    return int(item.info.get("since", 1))
