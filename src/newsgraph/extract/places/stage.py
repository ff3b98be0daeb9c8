"""Places: every toponym in the article, geocoded, plus the dateline's place.

Candidates come from spaCy GPE/LOC entities (FAC only when it names a region or
country), from capitalised proper-noun runs the small model left untagged, and
from the dateline (blanked in the parse, so read from the text). A direction
adjective before a country or region widens it ("northern Syria"). Cities are
disambiguated by the other places of the article (countries, US states).
Demonyms are not places, and nothing inside a person's name is.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict

import numpy
from spacy.attrs import ENT_IOB, IS_TITLE, IS_UPPER, POS
from spacy.symbols import PROPN

from newsgraph.gazetteer.build import load
from newsgraph.gazetteer.context import context_codes, near_codes
from newsgraph.gazetteer.lookup import DIRECTIONS, Gazetteer, normalize
from newsgraph.model import DocContext, Place, PlaceMention
from newsgraph.nlp.resources import Resources

PLACE_LABELS = frozenset({"GPE", "LOC"})
_IOB_OUTSIDE = 2  # spaCy's ENT_IOB code for "O"
LOCATIVE_PREPOSITIONS = frozenset(
    ("in", "at", "from", "to", "near", "into", "across", "outside", "around", "toward")
    + ("towards", "through", "throughout", "inside", "via", "of", "within")
)
# An untagged proper-noun run must be a well-known place to count.
MIN_UNTAGGED_CITY = 100_000
STRONG_ORIGINS = frozenset({"ent", "dateline"})  # tagged as places by the model or dateline
_DIRECTION_BEFORE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(d) for d in DIRECTIONS), key=len, reverse=True)) + r")\s+$",
    re.I,
)
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_SPLIT_PARTS = re.compile(r"\s*,\s*")
_CAPITALISED_AFTER = re.compile(r"[ \-][A-Z]")


def extract(ctx: DocContext, res: Resources) -> list[PlaceMention]:
    gaz: Gazetteer = res.get("gazetteer", load)
    text = ctx.text
    people = _Cover(_person_spans(ctx))
    dateline = _dateline_places(ctx, gaz)
    found: dict[tuple[int, int], tuple[Place, str]] = {
        (start, end): (place, "dateline") for start, end, place in dateline
    }
    for start, end, origin in _candidates(ctx, people):
        place = gaz.place(text[start:end])
        if place is None or not _acceptable(place, origin, gaz, text, start, end):
            continue
        start, place = _widen_direction(gaz, text, start, end, place)
        found.setdefault((start, end), (place, origin))
    _repeat_mentions(ctx, found, people)
    if ctx.result.dateline is not None:
        ctx.result.dateline.place = dateline[0][2].key if dateline else None
    return _without_overlaps(_resolve_in_context(gaz, text, found))


def _person_spans(ctx: DocContext) -> list[tuple[int, int]]:
    """Name mentions of real people from the actors stage.

    An entity that is nothing but one name ("Khan Younis", mis-tagged by the
    model) does not count; "Jordan" for a "Michael Jordan" does.
    """
    spans = []
    for entity in ctx.result.entities:
        if entity.kind != "person":
            continue
        names = {m.text for m in entity.mentions if m.kind == "name"}
        for m in entity.mentions:  # titles ("U.K. Foreign Minister") keep their places
            if m.kind == "name" and (entity.roles or entity.name != m.text or names - {m.text}):
                spans.append((m.start, m.end))
    return spans


class _Cover:
    """Answers "is [start, end) inside one of these spans?" by bisection."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.max_end: list[int] = []
        best = -1
        for _, e in spans:
            best = max(best, e)
            self.max_end.append(best)

    def covers(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start)
        return i > 0 and self.max_end[i - 1] >= end


def _repeat_mentions(
    ctx: DocContext, found: dict[tuple[int, int], tuple[Place, str]], people: _Cover
) -> None:
    """One sense per discourse: a name the model tagged as a place is the same place where
    it recurs as a name of its own, whatever the model tagged there ("has besieged El
    Fasher", tagged ORG); never inside a longer name ("University of Texas")."""
    text = ctx.text
    strong = {
        text[s:e]: place
        for (s, e), (place, origin) in found.items()
        if origin in STRONG_ORIGINS and e - s >= 4
    }
    spans = list(found)
    spans += [(x.start_char, x.end_char) for x in ctx.doc.ents if x.label_ not in PLACE_LABELS]
    for name, place in strong.items():
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            s, e = m.span()
            if (
                (s, e) in found
                or people.covers(s, e)
                or any(a < e and s < b and (a, b) != (s, e) for a, b in spans)
            ):
                continue
            if _CAPITALISED_AFTER.match(text, e):
                continue  # part of a longer name ("Paris Saint-Germain")
            found[(s, e)] = (place, "repeat")
            spans.append((s, e))


def _candidates(ctx: DocContext, people: _Cover):
    """(start, end, origin) spans worth geocoding, with "the" and "'s" trimmed."""
    doc = ctx.doc
    text = ctx.text
    for ent in doc.ents:
        label = ent.label_
        if label in PLACE_LABELS or label == "FAC":
            origin = "ent" if label in PLACE_LABELS else "fac"
            if origin == "ent" and _before_name(doc, ent.end):
                origin = "name_part"  # "Yang You", "Alice Walker": a name, unless a country
            for start, end in _parts(text, ent.start_char, ent.end_char):
                if not people.covers(start, end):
                    yield start, end, origin
        elif label in ("ORG", "PERSON"):
            # The sm model tags many unfamiliar toponyms as PERSON or ORG ("Khan Younis");
            # only the whole entity counts, and _resolve_in_context checks the context.
            start, end = _trim(text, ent.start_char, ent.end_char)
            if start < end and not people.covers(start, end):
                prev = doc[ent.start - 1] if ent.start > 0 else None
                locative = prev is not None and prev.lower_ in LOCATIVE_PREPOSITIONS
                kind = "org" if label == "ORG" else "person"
                yield start, end, kind + "_loc" if locative else kind
    yield from _untagged_runs(doc)


def _before_name(doc, i: int) -> bool:
    """Whether token i continues a proper name (capitalised, untagged or a person)."""
    if i >= len(doc):
        return False
    tok = doc[i]
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.ent_type_ in ("", "PERSON")


def _parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """An entity's toponyms: itself, or its comma-separated parts ("Paris, Texas")."""
    start, end = _trim(text, start, end)
    span = text[start:end]
    if "," not in span:
        return [(start, end)] if start < end else []
    parts = []
    pos = start
    for piece in _SPLIT_PARTS.split(span):
        i = text.index(piece, pos)
        if piece:
            parts.append(_trim(text, i, i + len(piece)))
        pos = i + len(piece)
    return parts


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    span = text[start:end]
    m = _LEADING_THE.match(span)
    if m:
        start += m.end()
    m = _POSSESSIVE.search(text, start, end)
    if m:
        end = m.start()
    return start, end


def _untagged_runs(doc):
    """Runs of capitalised proper nouns outside any entity (read from arrays: fast)."""
    if not len(doc):
        return
    arr = doc.to_array([POS, ENT_IOB, IS_TITLE, IS_UPPER])
    mask = (arr[:, 0] == PROPN) & (arr[:, 1] == _IOB_OUTSIDE) & ((arr[:, 2] + arr[:, 3]) > 0)
    run: list[int] = []
    for i in numpy.flatnonzero(mask).tolist():
        if run and i != run[-1] + 1:
            yield _run_span(doc, run)
            run = []
        run.append(i)
    if run:
        yield _run_span(doc, run)


def _run_span(doc, run: list[int]) -> tuple[int, int, str]:
    last = doc[run[-1]]
    return doc[run[0]].idx, last.idx + len(last.text), "run"


def _acceptable(place: Place, origin: str, gaz: Gazetteer, text: str, start: int, end: int) -> bool:
    if place.kind == "country":
        return origin != "person"  # "Jordan said": a bare country name as a person
    if text[start:end].isupper() and end - start > 3:
        return False  # "FLORIDA STATE", "ADA": headlines, acronyms and teams
    if place.kind != "city":
        return origin != "person"
    if origin in ("fac", "org", "name_part"):  # "the White House" is no city White House
        return False
    plural_after_the = text[end - 1] == "s" and text[max(0, start - 4) : start].lower() == "the "
    if text[start:end].isupper() or plural_after_the:
        return False  # "ADA", "the Rockies": acronyms and ranges, not towns
    if origin == "run":
        city = gaz.cities[place.geonames_id]
        return city.capital or city.population >= MIN_UNTAGGED_CITY
    return True


def _widen_direction(
    gaz: Gazetteer, text: str, start: int, end: int, place: Place
) -> tuple[int, Place]:
    """ "northern Syria": a direction adjective before a country or region."""
    if place.kind == "city":
        return start, place
    m = _DIRECTION_BEFORE.search(text, max(0, start - 20), start)
    if not m or not m.group(1)[0].islower():
        return start, place
    wider = gaz.place(text[m.start(1) : end])
    return (m.start(1), wider) if wider is not None else (start, place)


def _resolve_in_context(
    gaz: Gazetteer, text: str, found: dict[tuple[int, int], tuple[Place, str]]
) -> list[PlaceMention]:
    """Geocode again with the article's other places as context ("Paris" near Texas).

    A city the model tagged as a person or organisation is kept only after a
    locative preposition or when the article mentions its country elsewhere.
    """
    seen: dict[str, set[str]] = defaultdict(set)
    for (start, end), (place, origin) in found.items():
        if origin in ("person", "org"):  # too weak to be context
            continue
        key = normalize(text[start:end])
        for code in context_codes(gaz, place):
            seen[code].add(key)
    mentions = []
    for (start, end), (place, origin) in found.items():
        span = text[start:end]
        near = near_codes(seen, span)
        ambiguous = place.kind in ("city", "country") or place.key.startswith("sub:")
        if near and ambiguous and origin != "dateline":
            place = gaz.place(span, near=near) or place
        if origin == "person" and place.kind == "city" and place.country not in near:
            continue
        mentions.append(PlaceMention(start=start, end=end, text=span, place=place))
    return mentions


def _dateline_places(ctx: DocContext, gaz: Gazetteer) -> list[tuple[int, int, Place]]:
    """The dateline's toponyms ("AMMAN", "Jordan"), the first one the dateline's place.

    The later parts ("Jordan", "Gaza Strip") disambiguate the first; when the
    first does not geocode, the dateline's place is the first part that does.
    """
    dateline = ctx.result.dateline
    if dateline is None or not dateline.place_text:
        return []
    text = ctx.text
    parts = []
    pos = dateline.start
    for piece in _SPLIT_PARTS.split(dateline.place_text):
        i = text.find(piece, pos) if piece else -1
        if i >= 0:
            parts.append((i, i + len(piece)))
            pos = i + len(piece)
    places = [(s, e, gaz.place(text[s:e])) for s, e in parts[1:]]
    hints = [c for _, _, p in places if p is not None for c in context_codes(gaz, p)]
    if parts:
        s, e = parts[0]
        places.insert(0, (s, e, gaz.place(text[s:e], near=hints)))
    return [(s, e, p) for s, e, p in places if p is not None]


def _without_overlaps(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Sorted by offset; of overlapping mentions the longest is kept."""
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[PlaceMention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out
