"""The places extractor: toponyms geocoded with exact offsets, and the dateline's place."""

from __future__ import annotations


def _places(result) -> dict[str, str]:
    for m in result.places:
        assert result.article.text[m.start : m.end] == m.text
    return {m.text: m.place.key for m in result.places}


def _country(result, text: str) -> str | None:
    return next(m.place.country for m in result.places if m.text == text)


def test_dateline_city_with_country(analyze):
    r = analyze("AMMAN, Jordan (AP) - Officials met in the capital on Monday to discuss trade.")
    assert r.dateline.place == "geo:250441"
    places = _places(r)
    assert places["AMMAN"] == "geo:250441"
    assert places["Jordan"] == "iso:JOR"
    assert r.places[0].start == 0 and r.places[0].end == 5


def test_dateline_city_with_region(analyze):
    r = analyze("GAZA CITY, Gaza Strip - Residents queued for water as the shelling went on.")
    assert r.dateline.place.startswith("geo:")
    places = _places(r)
    assert places["Gaza Strip"] == "region:gaza-strip"
    assert _country(r, "GAZA CITY") == "PSE"


def test_dateline_disambiguates_city(analyze):
    r = analyze("PARIS, Texas (AP) - The county fair opened on Friday with a parade downtown.")
    assert _country(r, "PARIS") == "USA"
    assert r.dateline.place == _places(r)["PARIS"]


def test_countries_cities_and_regions(analyze):
    r = analyze(
        "Talks in Cairo between Israel and Hamas stalled on Tuesday, while fighting went on "
        "in northern Syria and the West Bank. Aid reached the Horn of Africa."
    )
    places = _places(r)
    assert places["Cairo"] == "geo:360630"
    assert places["Israel"] == "iso:ISR"
    assert places["northern Syria"] == "region:northern-syria"
    assert places["West Bank"] == "region:west-bank"
    assert places["Horn of Africa"] == "region:horn-of-africa"
    assert "Hamas" not in places


def test_city_disambiguated_by_state_in_article(analyze):
    r = analyze("Storms hit Texas on Sunday. In Paris, the mayor said schools would stay closed.")
    assert _country(r, "Paris") == "USA"
    r = analyze("Ministers met in Paris on Sunday to discuss the budget.")
    assert _country(r, "Paris") == "FRA"


def test_us_state_not_country_in_american_context(analyze):
    r = analyze("ATLANTA -- Federal officials warned Georgia to drop the plan, the governor said.")
    assert _places(r)["Georgia"] == "sub:US-GA"


def test_alternate_city_names(analyze):
    r = analyze("The delegation flew from Kiev to Bombay on Wednesday.")
    places = _places(r)
    assert places["Kiev"] == "geo:703448"
    assert places["Bombay"] == "geo:1275339"


def test_demonyms_are_not_places(analyze):
    r = analyze("Egyptian and Jordanian officials met Palestinian negotiators on Monday.")
    assert r.places == []


def test_person_names_are_not_places(analyze):
    r = analyze("Michael Jordan said on Monday that he would retire. Jordan thanked his fans.")
    assert "Jordan" not in _places(r)


def test_common_words_are_not_places(analyze):
    r = analyze(
        "Reading the report, the minister said mobile clinics would open. Most of them "
        "will be staffed by volunteers."
    )
    assert r.places == []


def test_buildings_are_not_cities(analyze):
    r = analyze("The White House said the Pentagon would review the request.")
    assert all(m.place.kind != "city" for m in r.places)


def test_a_place_named_again_is_the_same_place(analyze):
    text = (
        "A drone attack on a camp for displaced people near El Fasher killed 23 people on "
        "Sunday. The RSF, which has besieged El Fasher since last year, did not respond."
    )
    found = [m for m in analyze(text).places if m.text == "El Fasher"]
    assert len(found) == 2 and found[0].place.key == found[1].place.key


def test_a_place_inside_a_longer_name_is_not_repeated(analyze):
    text = (
        "Storms hit Texas on Monday. A professor at the University of Texas said more would come."
    )
    assert [m.start for m in analyze(text).places if m.text == "Texas"] == [text.index("Texas")]
