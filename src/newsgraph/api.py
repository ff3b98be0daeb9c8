"""The Python API for notebooks: ``kb = newsgraph.open("news.db")``.

    with newsgraph.open("news.db") as kb:
        kb.events(actor="Sudan", type="ASSAULT", since="2025-01-01")  # list of records
        kb.events_df(place="Darfur")                                  # a pandas DataFrame
        kb.quotes(actor="Guterres", as_frame=True)

Records are the newsgraph/1 export records (see the contract). DataFrames are the flat
tables of the CSV/Parquet exports: one row per record, nested lists moved to their own
frames (``event_mentions_df``, ``actor_roles_df``). The database is opened read-only; a
missing file raises FileNotFoundError unless ``create=True`` (an empty base is made).
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.store import Store, records
from newsgraph.store.dialect import is_postgres_url
from newsgraph.store.records import Filter, Record, views

if TYPE_CHECKING:
    import pandas as pd

# the filters each kind honours (records.FIELDS); others raise instead of being ignored
_PAGE = {"limit", "offset"}
FILTERS: dict[str, set[str]] = {
    kind: set(fields) | _PAGE for kind, fields in records.FIELDS.items()
}


class KnowledgeBase:
    """A read-only view of a newsgraph database."""

    def __init__(self, path: str | Path, create: bool = False) -> None:
        self.path = Path(path)
        if not is_postgres_url(str(path)) and not self.path.exists():
            if not create:
                raise FileNotFoundError(errno.ENOENT, "no such newsgraph database", str(path))
            Store(path).close()  # an empty knowledge base, with its schema
        self.store = Store(path, readonly=True)  # the str: a postgresql:// URL stays intact
        self.store.set_query_only()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"KnowledgeBase({str(self.path)!r})"

    # -- records ------------------------------------------------------------------

    def documents(self, as_frame: bool = False, **filters: Any) -> Any:
        """Articles (without their text: see ``text(doc_id)``); filters: search, since, until."""
        return self._list("documents", records.documents, as_frame, filters)

    def actors(self, as_frame: bool = False, **filters: Any) -> Any:
        """People, organisations, countries, groups; filters: actor (name/alias/id), type."""
        return self._list("actors", records.actors, as_frame, filters)

    def places(self, as_frame: bool = False, **filters: Any) -> Any:
        """Resolved places; filter: place (name or id)."""
        return self._list("places", records.places, as_frame, filters)

    def events(self, as_frame: bool = False, **filters: Any) -> Any:
        """PLOVER events; filters: actor, type, since, until, place, search, doc_id."""
        return self._list("events", records.events, as_frame, filters)

    def event_candidates(self, **filters: Any) -> list[Record]:
        """Acts the coding rules saw but did not code, each with its ``reason`` (records
        only); filters: actor, type, since, until, search, doc_id."""
        items: list[Record] = self._list(
            "event_candidates", records.event_candidates, False, filters
        )
        return items

    def quotes(self, as_frame: bool = False, **filters: Any) -> Any:
        """Direct and reported speech; filters: actor (speaker), search, since, until."""
        return self._list("quotes", records.quotes, as_frame, filters)

    def time_expressions(self, as_frame: bool = False, **filters: Any) -> Any:
        """Normalised time expressions; filter: doc_id."""
        return self._list("time_expressions", records.time_expressions, as_frame, filters)

    def stories(self, as_frame: bool = False) -> Any:
        """Groups of articles about the same story."""
        items = records.stories(self.store)
        return self._frame("stories", items) if as_frame else items

    def text(self, doc_id: str) -> str | None:
        """An article's full text (offsets in every record index into it)."""
        return records.document_text(self.store, doc_id)

    def headline(self, doc_id: str) -> Record | None:
        """An article's headline event: who / what / when / where, each with its evidence
        (``start``/``end`` into ``text(doc_id)``); None when it has none or is unknown."""
        doc = views.document(self.store, doc_id)
        return doc["headline"] if doc is not None else None

    def export(self, candidates: bool = False) -> Record:
        """The whole knowledge base as one newsgraph/1 object (``candidates``: with the
        uncoded event candidates)."""
        return records.export(self.store, candidates=candidates)

    # -- DataFrames ---------------------------------------------------------------

    def documents_df(self, **filters: Any) -> pd.DataFrame:
        return self.documents(as_frame=True, **filters)

    def actors_df(self, **filters: Any) -> pd.DataFrame:
        return self.actors(as_frame=True, **filters)

    def places_df(self, **filters: Any) -> pd.DataFrame:
        return self.places(as_frame=True, **filters)

    def events_df(self, **filters: Any) -> pd.DataFrame:
        return self.events(as_frame=True, **filters)

    def quotes_df(self, **filters: Any) -> pd.DataFrame:
        return self.quotes(as_frame=True, **filters)

    def time_expressions_df(self, **filters: Any) -> pd.DataFrame:
        return self.time_expressions(as_frame=True, **filters)

    def stories_df(self) -> pd.DataFrame:
        return self.stories(as_frame=True)

    def event_mentions_df(self, **filters: Any) -> pd.DataFrame:
        """One row per mention of the events that ``filters`` select."""
        return self._frame("event_mentions", self.events(**filters), source="events")

    def actor_roles_df(self, **filters: Any) -> pd.DataFrame:
        """One row per (actor, title, organization, doc) of the actors ``filters`` select."""
        return self._frame("actor_roles", self.actors(**filters), source="actors")

    # -- helpers ------------------------------------------------------------------

    def _list(self, kind: str, reader: Any, as_frame: bool, filters: dict[str, Any]) -> Any:
        unknown = set(filters) - FILTERS[kind]
        if unknown:
            raise TypeError(
                f"{kind}: unsupported filter(s) {', '.join(sorted(unknown))} "
                f"(use: {', '.join(sorted(FILTERS[kind]))})"
            )
        items = reader(self.store, Filter(**filters))
        return self._frame(kind, items) if as_frame else items

    def _frame(self, table: str, items: list[Record], source: str | None = None) -> pd.DataFrame:
        from newsgraph.exporters.frames import frame

        return frame(table, {source or table: items})
