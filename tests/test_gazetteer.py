"""The gazetteer: country names and aliases, demonyms, capitals, cities, regions."""

from __future__ import annotations

import time

import pytest

from newsgraph.gazetteer.build import load
from newsgraph.gazetteer.lookup import Gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load()


@pytest.mark.parametrize(
    ("text", "alpha3"),
    [
        ("Jordan", "JOR"),
        ("the United States", "USA"),
        ("US", "USA"),
        ("U.S.", "USA"),
        ("America", "USA"),
        ("Britain", "GBR"),
        ("UK", "GBR"),
        ("Russian Federation", "RUS"),
        ("Russia", "RUS"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("JORDAN", "JOR"),
        ("the Netherlands", "NLD"),
        ("South Korea", "KOR"),
        ("North Korea", "PRK"),
        ("Iran", "IRN"),
        ("Syria", "SYR"),
        ("Palestine", "PSE"),
        ("Taiwan", "TWN"),
        ("Vatican", "VAT"),
        ("Kosovo", "XKX"),
        ("Democratic Republic of Congo", "COD"),
        ("Czech Republic", "CZE"),
    ],
)
def test_country_names_and_aliases(gaz, text, alpha3):
    assert gaz.country(text).alpha3 == alpha3


def test_country_record(gaz):
    jordan = gaz.country("Jordan")
    assert (jordan.alpha2, jordan.name, jordan.capital) == ("JO", "Jordan", "Amman")
    assert "Jordanian" in jordan.demonyms
    assert 31 < jordan.lat < 33 and 35 < jordan.lon < 37
    assert gaz.country("United States of America").name == "United States"
    assert gaz.country("Russian Federation").name == "Russia"


def test_not_countries(gaz):
    for text in ["Amman", "Jordanian", "Tuesday", "the", "", "Kurdistan"]:
        assert gaz.country(text) is None, text


@pytest.mark.parametrize(
    ("text", "alpha3"),
    [
        ("Jordanian", "JOR"),
        ("Egyptian", "EGY"),
        ("Israeli", "ISR"),
        ("Israelis", "ISR"),
        ("Palestinian", "PSE"),
        ("Palestinians", "PSE"),
        ("American", "USA"),
        ("British", "GBR"),
        ("Saudi", "SAU"),
        ("Emirati", "ARE"),
        ("Dutch", "NLD"),
        ("Swiss", "CHE"),
        ("Filipino", "PHL"),
        ("Kosovar", "XKX"),
        ("IRANIAN", "IRN"),
    ],
)
def test_demonyms(gaz, text, alpha3):
    assert gaz.country_of_demonym(text).alpha3 == alpha3


def test_demonyms_cover_the_world(gaz):
    with_demonyms = [c for c in gaz.countries.values() if c.demonyms]
    assert len(with_demonyms) >= 195
    for text in ["Kurdish", "Arab", "Jordan", "Sunni"]:
        assert gaz.country_of_demonym(text) is None, text


@pytest.mark.parametrize(
    ("text", "alpha3"),
    [("Amman", "JOR"), ("Washington", "USA"), ("Moscow", "RUS"), ("Kiev", "UKR"), ("Cairo", "EGY")],
)
def test_capitals(gaz, text, alpha3):
    assert gaz.country_of_capital(text).alpha3 == alpha3


def test_non_capital_city_is_not_metonymy(gaz):
    assert gaz.country_of_capital("Aleppo") is None
    assert gaz.country_of_capital("Jordan") is None


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Amman", "Amman", "JOR"),
        ("AMMAN", "Amman", "JOR"),
        ("Gaza City", "Gaza", "PSE"),
        ("Kiev", "Kyiv", "UKR"),
        ("Bombay", "Mumbai", "IND"),
        ("Sao Paulo", "São Paulo", "BRA"),
        ("Paris", "Paris", "FRA"),
        ("Washington", "Washington", "USA"),
        ("New York", "New York City", "USA"),
        ("Ramallah", "Ramallah", "PSE"),
        ("Al-Khalil", "Hebron", "PSE"),
    ],
)
def test_cities(gaz, text, name, country):
    place = gaz.place(text)
    assert place.kind == "city" and place.name == name and place.country == country
    assert place.key == f"geo:{place.geonames_id}"


def test_city_disambiguated_by_nearby_country(gaz):
    assert gaz.place("Paris").country == "FRA"
    assert gaz.place("Paris", near=["USA"]).country == "FRA"  # a capital stays
    assert gaz.place("Paris", near=["USA", "US-TX"]).country == "USA"
    assert gaz.place("Virginia").key == "sub:US-VA"
    # a capital is not moved by context
    assert gaz.place("Amman", near=["USA"]).country == "JOR"


def test_countries_and_subdivisions(gaz):
    assert gaz.place("Jordan").key == "iso:JOR"
    texas = gaz.place("Texas")
    assert (texas.key, texas.kind, texas.country) == ("sub:US-TX", "region", "USA")
    assert gaz.place("Quebec").key == "sub:CA-QC"


@pytest.mark.parametrize(
    ("text", "key", "country"),
    [
        ("the West Bank", "region:west-bank", "PSE"),
        ("Gaza Strip", "region:gaza-strip", "PSE"),
        ("Iraqi Kurdistan", "region:iraqi-kurdistan", "IRQ"),
        ("the Horn of Africa", "region:horn-of-africa", None),
        ("the Middle East", "region:middle-east", None),
        ("Sahel", "region:sahel", None),
        ("the Balkans", "region:balkans", None),
        ("northern Syria", "region:northern-syria", "SYR"),
        ("eastern Ukraine", "region:eastern-ukraine", "UKR"),
        ("southern Lebanon", "region:southern-lebanon", "LBN"),
    ],
)
def test_regions(gaz, text, key, country):
    place = gaz.place(text)
    assert (place.key, place.kind, place.country) == (key, "region", country)


def test_not_toponyms(gaz):
    for text in ["Jordanian", "Tuesday", "northern", "the president", "Hamas"]:
        assert not gaz.is_toponym(text), text
    assert gaz.is_toponym("Beirut")


def test_load_is_fast():
    start = time.perf_counter()
    load()
    assert time.perf_counter() - start < 5.0  # ~1.5 s on an idle core


def test_country_or_us_state_by_context(gaz):
    assert gaz.place("Georgia").key == "iso:GEO"
    assert gaz.place("Georgia", near=["USA"]).key == "sub:US-GA"
    assert gaz.place("Georgia", near=["USA", "GEO"]).key == "iso:GEO"


def test_the_built_gazetteer_is_kept_on_disk(tmp_path, monkeypatch):
    import pickle

    from newsgraph.gazetteer import build, cache

    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    built = load()
    [kept] = list(tmp_path.glob("gazetteer-*.pickle"))
    again = load()  # read back: the same indexes
    assert vars(again) == vars(built)
    assert again.place("Georgia", near=["USA"]).key == "sub:US-GA"
    kept.write_bytes(b"damaged")  # rebuilt and written again, not an error
    assert vars(load()) == vars(built)
    assert pickle.loads(kept.read_bytes()) is not None
    changed = cache.fingerprint(build.SOURCES, build.DATA_FILES[:-1])
    assert changed != cache.fingerprint(build.SOURCES, build.DATA_FILES)


def test_the_gazetteer_cache_can_be_turned_off(tmp_path, monkeypatch):
    from newsgraph.gazetteer import cache

    monkeypatch.setenv(cache.CACHE_ENV, "0")
    assert cache.cache_dir() is None
    monkeypatch.setenv("HOME", str(tmp_path))
    load()
    assert not list(tmp_path.rglob("*.pickle"))
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "file"))
    (tmp_path / "file").write_text("not a folder")
    assert load().place("Beirut") is not None  # an unusable folder: built, not kept
