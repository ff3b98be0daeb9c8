"""The shared document model: articles in, records out.

Every stage reads and writes these plain dataclasses. Offsets are Python string
indices into ``Article.text`` exactly as ingested, end exclusive.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # spaCy is only needed by the language-analysis stage
    from spacy.tokens import Doc, Span, Token

    from newsgraph.nlp.tokens import Tokens


@dataclass
class Article:
    """One article as read from its file, before any analysis."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) from metadata
    author: str | None = None
    origin: str = ""  # "path" or "path:line" it came from

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass
class Dateline:
    """The opening "PLACE, Region (Agency) -" of a wire story."""

    text: str
    start: int
    end: int  # end of the whole dateline including the dash
    place_text: str  # the toponym part, e.g. "AMMAN, Jordan"
    agency: str | None = None
    place: str | None = None  # resolved place id, filled by the places stage


@dataclass
class Role:
    title: str
    organization: str | None = None
    past: bool = False


@dataclass
class Mention:
    """A span of text that refers to an entity (name, title, pronoun)."""

    start: int
    end: int
    text: str
    kind: str  # "name", "title", "nominal", "pronoun", "demonym"
    entity: int | None = None  # index into DocResult.entities


@dataclass
class Entity:
    """One in-document actor: a coreference chain with its attributes."""

    name: str
    kind: str  # person / organization / country / group / other
    country: str | None = None  # ISO 3166 alpha-3
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    codes: dict[str, str] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Place:
    """A geocoded place, shared across documents by ``key``."""

    key: str  # stable id: "geo:<geonames id>", "iso:<alpha3>", "region:<slug>"
    name: str
    kind: str  # country / region / city / other
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


@dataclass
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place


@dataclass
class TimeExpression:
    start: int
    end: int
    text: str
    value: str | None  # ISO date at `precision`, or None when unresolved
    precision: str | None  # day / week / month / year / decade


@dataclass
class Quote:
    start: int
    end: int
    text: str
    direct: bool
    speaker: int | None = None  # index into DocResult.entities
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    addressee: int | None = None  # index into DocResult.entities
    medium: str | None = None  # "the state news agency reported"
    date: str | None = None


@dataclass
class EventMention:
    start: int
    end: int
    text: str  # the evidence: the sentence or clause
    trigger: str = ""


@dataclass
class Event:
    """One in-document event with all its in-document mentions."""

    type: str  # one of the 16 PLOVER types
    mode: str | None
    cameo: str | None
    source: int | None  # index into DocResult.entities
    target: int | None
    source_text: str | None  # the mention naming the source in this event's sentence
    target_text: str | None
    date: str | None
    place: str | None  # Place.key
    negated: bool
    modality: str  # asserted / intended / hypothetical / reported
    confidence: float
    mentions: list[EventMention] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)  # e.g. {"killed": 12}
    reason: str | None = None  # why the coding rules keep it as a candidate; None when coded
    features: dict[str, float] = field(default_factory=dict)  # inputs of ``confidence``
    date_precision: str | None = None  # "week": ``date`` is the first day of the week named


@dataclass
class Answer:
    """One answer of a headline event: the words of the text that give it (offsets into
    ``Article.text``; none when the answer comes from the metadata, ``basis``)."""

    text: str
    start: int | None
    end: int | None
    basis: str = "text"  # "text" / "coreference" (an earlier name of the subject) / "published"
    value: str | None = None  # when: ISO date; where: Place.key
    precision: str | None = None  # when: day / week / month / year
    entity: int | None = None  # who: index into DocResult.entities


@dataclass
class Headline:
    """The article's main event as who / what / when / where (Giveme5W1H's questions)."""

    sentence_start: int
    sentence_end: int
    who: Answer | None
    what: Answer
    when: Answer | None = None
    where: Answer | None = None
    event: int | None = None  # index into DocResult.events of the coded event it is
    score: float = 0.0


@dataclass
class DocResult:
    """Everything extracted from one article: the unit the store writes."""

    article: Article
    dateline: Dateline | None = None
    published: str | None = None
    published_from: str | None = None  # "metadata" / "text" / None
    entities: list[Entity] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)  # coded events
    event_candidates: list[Event] = field(default_factory=list)  # seen, not coded (``reason``)
    headline: Headline | None = None  # the article's main event (who/what/when/where)
    minhash: list[int] = field(default_factory=list)  # near-duplicate signature
    warnings: list[str] = field(default_factory=list)  # kept, with a caveat (e.g. parts)


def parse_day(value: str | None) -> date | None:
    """The day of an ISO date or timestamp ("2025-03-07", "2025-03-07T10:00"), else None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


@dataclass
class DocContext:
    """What extractors see: the article, its parse, and earlier stages' output.

    Extractors run in order (actors, places, time, quotes, events) and each
    reads what the earlier ones put into ``result``.
    """

    article: Article
    doc: Doc
    result: DocResult
    # declared by the time stage: detected expressions, and those dated by the token they
    # attach to (clause verb and nouns on the way)
    time_candidates: list[Any] | None = None
    time_index: dict[int, list[Any]] | None = None
    # declared by the quotes stage: tokens that may name a reporting medium
    media_cues: list[int] | None = None

    @property
    def published_date(self) -> date | None:
        """The publication date as a date (decided by the publication stage)."""
        return parse_day(self.result.published)

    @property
    def text(self) -> str:
        return self.article.text

    @cached_property
    def tokens(self) -> Tokens:
        """The parse's token attributes as plain lists, read once for every extractor
        (``doc[i]`` builds a new spaCy Token on each access)."""
        from newsgraph.nlp.tokens import Tokens

        return Tokens(self.doc)

    def evidence(self, start: int, end: int) -> tuple[int, int, str]:
        """A span of the article text without surrounding space or the blanked dateline."""
        text = self.article.text
        dateline = self.result.dateline
        if dateline is not None and start < dateline.end < end:
            start = dateline.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end, text[start:end]

    @property
    def parse_text(self) -> str:
        """``doc.text`` (the article with its dateline blanked), without rebuilding it from
        tokens as spaCy does on every access."""
        cached = getattr(self, "_parse_text", None)
        if cached is None:
            text = self.article.text
            end = self.result.dateline.end if self.result.dateline is not None else 0
            if end > 0:
                text = " " * end + text[end:]
            doc = self.doc
            last = doc[-1] if len(doc) else None
            if last is None or last.idx + len(last.text_with_ws) != len(text):
                text = doc.text  # not the text that was parsed: rebuild it
            cached = self._parse_text = text
        return cached

    def span(self, start: int, end: int) -> Span | None:
        """The spaCy span covering characters [start, end), expanded to tokens."""
        return self.doc.char_span(start, end, alignment_mode="expand")

    def entity_at(self, token: Token) -> int | None:
        """The entity whose mention covers this token, if any."""
        m = self.mention_at(token)
        return m.entity if m is not None else None

    def mention_at(self, token: Token) -> Mention | None:
        """The first mention (by start) that covers this token, if any."""
        ms, starts, reach = self._mention_index()
        idx = token.idx
        # reach[k] is the furthest end among ms[:k + 1], so the first k it passes idx at is
        # the first mention ending after idx; it covers idx if it starts at or before it
        k = bisect_right(reach, idx)
        return ms[k] if k < bisect_right(starts, idx) else None

    def _mentions_sorted(self) -> list[Mention]:
        return self._mention_index()[0]

    def _mention_index(self) -> tuple[list[Mention], list[int], list[int]]:
        cache = getattr(self, "_mention_cache", None)
        if cache is None or cache[0] != len(self.result.entities):
            ms = sorted(
                (m for e in self.result.entities for m in e.mentions), key=lambda m: m.start
            )
            reach: list[int] = []
            for m in ms:
                reach.append(max(m.end, reach[-1]) if reach else m.end)
            cache = (len(self.result.entities), (ms, [m.start for m in ms], reach))
            self._mention_cache = cache
        return cache[1]
