"""Actor countries from the text around a name, from the known-actors table, and the
table's converter; sentences and dictionary lines written for the tests."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest

from newsgraph.extract.actors.knowledge import Known, KnownActors, load, name_key

ROOT = Path(__file__).resolve().parents[1]


def person(result, name):
    hits = [e for e in result.entities if e.kind == "person" and e.name == name]
    assert hits, [(e.name, e.kind) for e in result.entities]
    return hits[0]


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("Kenya's Wanjiru Otieno opened the summit on Monday.", "Wanjiru Otieno", "KEN"),
        (
            "Police said the plot was run by Egyptian financier Tarek Mansour.",
            "Tarek Mansour",
            "EGY",
        ),
        (
            "Guards escorted the Peruvian, Luis Quispe Mamani, to the border.",
            "Luis Quispe Mamani",
            "PER",
        ),
        ("The suspect, Ramil Dagohoy, a Filipino seaman, was held.", "Ramil Dagohoy", "PHL"),
        ("Later Daniel Okafor of the Nigerian army spoke to reporters.", "Daniel Okafor", "NGA"),
        ("Nairobi Mayor Amos Njoroge said the roads would reopen.", "Amos Njoroge", "KEN"),
        ("The Houston mayor, Ruth Pemberton, said the video was out.", "Ruth Pemberton", "USA"),
        ("He spoke for the Norfolk district attorney, Ed Sayer.", "Ed Sayer", None),  # 2 Norfolks
        ("Memphis Mayor Ruth Pemberton said the video was out.", "Ruth Pemberton", "USA"),
        ("University President Derek Vane penned an essay.", "Derek Vane", None),
    ],
)
def test_country_from_the_words_around_the_name(analyze, text, name, country):
    assert person(analyze(text), name).country == country


def test_a_verb_between_demonym_and_name_gives_nothing(analyze):
    r = analyze("Chilean officials said on Monday Tomas Errazuriz had resigned.")
    assert person(r, "Tomas Errazuriz").country is None


def test_department_words_and_split_compound_titles(analyze):
    r = analyze("U.S. Energy Secretary Maria Delgado met reporters in Ohio.")
    delgado = person(r, "Maria Delgado")
    assert delgado.country == "USA" and delgado.codes.get("cameo") == "USAGOV"
    assert [x.title for x in delgado.roles] == ["Energy Secretary"]
    r = analyze("U.N. Secretary-General Peter Hansen said the aid was late.")
    hansen = person(r, "Peter Hansen")
    assert [(x.title, x.organization) for x in hansen.roles] == [("Secretary General", "U.N.")]
    assert hansen.codes.get("cameo") == "IGO"  # a secretary-general, not a general


def test_known_actor_gets_country_and_the_code_of_the_day(analyze):
    r = analyze("Vaclav Havel spoke in Prague on Tuesday.", published="1995-05-02")
    havel = person(r, "Vaclav Havel")
    assert havel.country == "CZE" and havel.codes.get("cameo") == "CZEGOV"
    earlier = person(
        analyze("Vaclav Havel spoke on Tuesday.", published="1985-05-02"), "Vaclav Havel"
    )
    # 1985: a Czechoslovak (the state of the article's time), with the code of the day
    assert earlier.country == "CSK" and earlier.codes.get("cameo") == "CSKELI"


def test_bare_surname_and_text_country_win_over_the_table(analyze):
    r = analyze("Havel spoke on Tuesday.", published="1995-05-02")
    assert all(e.country is None for e in r.entities if e.kind == "person")
    r = analyze("Slovak author Vaclav Havel spoke on Tuesday.", published="1995-05-02")
    assert person(r, "Vaclav Havel").country == "SVK"


def test_generic_national_institution_takes_the_dateline_country(analyze):
    r = analyze("LIMA, Peru (Wire) - The Foreign Ministry said on Monday it would reply.")
    ministry = [e for e in r.entities if e.name == "Foreign Ministry"]
    assert ministry and ministry[0].country == "PER"


def test_code_on_dates():
    k = Known("person", "XYZ", (("XYZELI", "1980-01-01", "1990-01-01"),
                                ("XYZGOV", "1990-01-01", ""), ("XYZELI", "", "")))  # fmt: skip
    assert k.code_on(date(1985, 1, 1)) == "XYZELI"
    assert k.code_on(date(2001, 1, 1)) == "XYZGOV"
    # no role held that day, no day, or an open role past the table's end: the standing code
    assert k.code_on(date(1970, 1, 1)) == k.code_on(None) == k.code_on(date(2020, 1, 1)) == "XYZELI"
    assert Known("person", "XYZ", (("XYZGOV", "1990-01-01", "2000-01-01"),)).code_on(None) is None
    table = KnownActors({"ana maria lopez": k})
    assert table.find("Ana-María López", "person") is k
    assert (
        table.find("Lopez", "person") is None
        and table.find("Ana Maria Lopez", "organization") is None
    )
    assert name_key("Abd al-Aziz") == "abd al aziz"


def test_shipped_table_loads_with_attribution():
    assert len(load().rows) > 10000
    data = ROOT / "src" / "newsgraph" / "data"
    assert "MIT" in (data / "known_actors.LICENSE").read_text(encoding="utf-8")
    assert "Phoenix" in (data / "known_actors.tsv").read_text(encoding="utf-8")[:400]


def test_converter_on_dictionary_lines(tmp_path):
    spec = importlib.util.spec_from_file_location("bka", ROOT / "tools" / "build_known_actors.py")
    bka = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bka)
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir(), out.mkdir()
    (src / "LICENSE").write_text("MIT licence text\n")
    (src / "Phoenix.Countries.actors.txt").write_text(
        "# comment\nNARNIA_  [NRN]\n+CAIR_PARAVEL_\n"
        "JOHN_Q._EXAMPLE_  # CountryInfo.txt\n+JOHNNY_EXAMPLE_\nJ._EXAMPLE_\n"
        "\t[FRAELI 800101-900101]\n\t[FRAGOV 900101-950101]\n"
        "SAME_NAME_\n\t[DEUGOV]\nSAME_NAME_\n\t[ITAGOV]\n"
    )
    (src / "Phoenix.MilNonState.actors.txt").write_text(
        "GLOBAL_FRONT_ [IMGMUSALQ]\nLOCAL_FRONT_(LF)_ [ESPREB]\n"
    )
    (src / "Phoenix.International.actors.txt").write_text(
        "ACME_AID_\t[NGOUSA]\n"
        "ANA_CHAIR_\t[IGOWSTNAT 950101-991231] # chair from SPAIN# IGOrulers.txt\n"
        "BO_HEAD_\n+SECRETARY_GENERAL_BO_HEAD\n\t[IGOUNO 970101-061231]\n\t[ELI]\n"
        "CY_NOBODY_\t[IGOUNO 970101-061231]\n"
    )
    (out / "igo_nationalities.tsv").write_text("# heads\nbo head\tGHA\tUN\ndee only\tSWE\tIAEA\n")
    (out / "leaders.tsv").write_text(
        "# leaders\nnew leader\tFRA\tFRAGOV|2017-05-14|\tPresident\n"
        "john q example\tDEU\tDEUGOV|2020-01-01|\tnot him: the dictionaries' entry wins\n"
    )
    assert bka.build(src, out) > 0
    rows = {
        line.split("\t")[0]: line.split("\t")[1:]
        for line in (out / "known_actors.tsv").read_text().splitlines()
        if not line.startswith("#")
    }
    assert rows["john q example"][:2] == ["person", "FRA"]
    assert rows["john example"][:2] == ["person", "FRA"]  # initials dropped
    assert (
        rows["johnny example"][1] == "FRA"
        and "FRAGOV|1990-01-01|1995-01-01" in rows["johnny example"][2]
    )
    assert "same name" not in rows  # two countries share the name
    assert "global front" not in rows  # a religion code, not Mauritius
    assert rows["local front"][:2] == ["organization", "ESP"]
    assert rows["acme aid"][:2] == ["organization", "USA"]
    assert "cair paravel" not in rows  # a country's own names and cities
    # heads of organisations: nationality from the comment or the project's list
    assert rows["ana chair"][:3] == ["person", "ESP", "IGOWSTNAT|1995-01-01|1999-12-31"]
    assert rows["bo head"][:2] == ["person", "GHA"] and "IGOUNO" in rows["bo head"][2]
    assert rows["secretary general bo head"][:2] == ["person", "GHA"]
    assert rows["dee only"][:2] == ["person", "SWE"]
    assert "cy nobody" not in rows  # no nationality known
    assert rows["new leader"][:3] == ["person", "FRA", "FRAGOV|2017-05-14|"]
    assert rows["john q example"][1] == "FRA"
    assert (out / "known_actors.LICENSE").read_text() == "MIT licence text\n"


def test_former_states_are_countries_with_their_iso_3166_3_codes(analyze):
    r = analyze("The Soviet Union and Czechoslovakia signed the pact. Yugoslav troops left.")
    countries = {e.name: e.country for e in r.entities if e.kind == "country"}
    assert countries == {"Soviet Union": "SUN", "Czechoslovakia": "CSK"}
    assert any(e.country == "YUG" and e.kind == "group" for e in r.entities)


def test_country_and_person_run_together_in_one_entity_are_split(analyze):
    r = analyze("U.S. Ambassador to Kenya Prudence Bushnell spoke at the embassy.")
    names = {e.name: e.kind for e in r.entities}
    assert names.get("Kenya") == "country" and names.get("Prudence Bushnell") == "person"
    r = analyze("The loan came from Kenya Commercial Bank on Monday.")
    assert "Kenya Commercial Bank" in {e.name for e in r.entities}


def test_an_organisation_named_with_and_without_its_country_is_one_body(analyze):
    r = analyze(
        "The South African Foreign Affairs Department condemned the attack. "
        "The Foreign Affairs Department later said it was shocked."
    )
    (dept,) = [e for e in r.entities if "Foreign Affairs Department" in e.name]
    assert dept.country == "ZAF" and len(dept.mentions) == 2
    r = analyze("The Egyptian Foreign Ministry and the Jordanian Foreign Ministry replied.")
    assert {e.country for e in r.entities if "Foreign Ministry" in e.name} == {"EGY", "JOR"}


def test_a_title_led_organisation_span_is_a_titled_person(analyze):
    r = analyze("Spokeswoman Ilse Brandt accused the alliance of provoking a crisis.")
    (p,) = [e for e in r.entities if e.kind == "person"]
    assert p.name == "Ilse Brandt" and [x.title for x in p.roles] == ["Spokeswoman"]


def test_a_described_group_is_named_without_one_mentions_post_modifiers(analyze):
    r = analyze(
        "Nigerian riot police deployed in Lagos to break up a rally clashed with students. "
        "The police later withdrew."
    )
    names = {e.name for e in r.entities}
    assert "Nigerian riot police" in names


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Fans of the Dodgers cheered when the Dodgers won the series on Sunday.", "Dodgers"),
        ("“We are done,” said Ohtani after the game in Tokyo.", "Said Ohtani"),
        ("School/Team: Central High. The coach spoke to reporters.", "School/Team:"),
        ("Next, the mayor spoke. The next speaker was late.", "Next"),
        ("The coach praised Argi Cortez\nNext season starts soon.", "Argi Cortez\nNext"),
        ("Obama Says African Art Museum Will Tell of Hope.\n\nMr. Obama spoke.", "Obama Says"),
        ("Charlotte Mayor Ruth Pemberton said the video was out.", "Charlotte Mayor"),
    ],
)
def test_person_spans_that_are_no_name(analyze, text, absent):
    r = analyze(text)
    assert absent not in {e.name for e in r.entities if e.kind == "person"}


def test_a_role_taken_up_after_the_dictionaries_end_is_still_held():
    old = Known("person", "FRA", (("FRAGOV", "2010-01-01", ""),))
    new = Known("person", "FRA", (("FRAGOV", "2017-05-14", ""),))
    assert old.code_on(date(2014, 1, 1)) == "FRAGOV" and old.code_on(date(2020, 1, 1)) is None
    assert new.code_on(date(2024, 1, 1)) == "FRAGOV" and new.code_on(date(2016, 1, 1)) is None


def test_georgia_among_american_places_is_the_state_not_the_country(analyze):
    r = analyze(
        "ATLANTA (AP) — The Georgia Board of Pharmacy began licensing pharmacies on Monday. "
        "Georgia is the first state in the Southeast to do so; Alabama may follow."
    )
    assert "GEO" not in {e.country for e in r.entities}
    assert {p.place.key for p in r.places if p.text == "Georgia"} == {"sub:US-GA"}
    r = analyze(
        "TBILISI, Georgia (AP) — Georgia asked the European Union on Monday to grant it "
        "candidate status. Russia objected, officials in Moscow said."
    )
    assert ("Georgia", "GEO") in {(e.name, e.country) for e in r.entities}


def test_a_police_department_or_sheriffs_office_is_police(analyze):
    r = analyze(
        "The Orange County Sheriff's Department arrested two men, and the Los Angeles Police "
        "Department opened an inquiry on Monday."
    )
    codes = {e.name: e.codes.get("cameo") for e in r.entities}
    assert codes["Orange County Sheriff's Department"] == "COP"
    assert codes["Los Angeles Police Department"] == "COP"
