"""The time extractor: detection, normalisation, publication date and clause dates."""

from __future__ import annotations

import pytest

from newsgraph.extract.time.stage import date_of_clause
from newsgraph.model import Article, DocContext
from newsgraph.pipeline import new_result, parse_text

PUB = "2021-10-06"  # a Wednesday


def times(analyze, text: str, published: str | None = PUB) -> dict[str, tuple]:
    result = analyze(text, published=published)
    for t in result.times:
        assert text[t.start : t.end] == t.text
    return {t.text: (t.value, t.precision) for t in result.times}


@pytest.mark.parametrize(
    "text, expr, value, precision",
    [
        ("The treaty was signed on March 3, 2021 in Geneva.", "March 3, 2021", "2021-03-03", "day"),
        ("The ceasefire collapsed on Sept. 12, officials said.", "Sept. 12", "2021-09-12", "day"),
        ("Talks resumed on 12 September after a pause.", "12 September", "2021-09-12", "day"),
        ("The decree is dated 2021-03-03 in the archive.", "2021-03-03", "2021-03-03", "day"),
        ("The strike began in September 2019 at the port.", "September 2019", "2019-09", "month"),
        ("The coup happened in 1974, historians say.", "1974", "1974", "year"),
        ("Inflation soared in the 1990s across the region.", "the 1990s", "1990", "decade"),
        ("The minister resigned today after the vote.", "today", "2021-10-06", "day"),
        ("The minister resigned yesterday after the vote.", "yesterday", "2021-10-05", "day"),
        ("The minister will resign tomorrow, aides said.", "tomorrow", "2021-10-07", "day"),
        ("Troops crossed the border last week.", "last week", "2021-09-27", "week"),
        ("Rebels shelled the town earlier this week.", "earlier this week", "2021-10-04", "week"),
        ("Prices rose sharply this month in the capital.", "this month", "2021-10", "month"),
        ("Elections will be held next year, the council said.", "next year", "2022", "year"),
        ("The bridge collapsed two years ago.", "two years ago", "2019", "year"),
        ("The plant will close by the end of next year.", "the end of next year", "2022", "year"),
        ("The army withdrew last month.", "last month", "2021-09", "month"),
        (
            "In January of last year rebels took the town.",
            "January of last year",
            "2020-01",
            "month",
        ),
        ("The Romans sacked the city in 410 A.D.", "410 A.D.", "0410", "year"),
        ("The wall dates from AD 122, guides say.", "AD 122", "0122", "year"),
        ("The pharaoh ruled in 1300 BC, scholars say.", "1300 BC", None, None),
    ],
)
def test_forms_and_values(analyze, text, expr, value, precision):
    assert times(analyze, text).get(expr) == (value, precision)


def test_weekday_in_past_report_is_latest_on_or_before(analyze):
    got = times(analyze, "Police arrested three men on Monday. The mayor spoke Wednesday.")
    assert got["Monday"] == ("2021-10-04", "day")
    assert got["Wednesday"] == ("2021-10-06", "day")


def test_weekday_in_future_clause_is_ahead(analyze):
    got = times(analyze, "The envoy will travel to Cairo on Friday.")
    assert got["Friday"] == ("2021-10-08", "day")
    got = times(analyze, "Rebels plan to meet on Monday, a spokesman said.")
    assert got["Monday"] == ("2021-10-11", "day")


def test_time_of_day_attaches_to_the_day(analyze):
    got = times(analyze, "Shots were heard on Tuesday night and again this morning.")
    assert got["Tuesday night"] == ("2021-10-05", "day")
    assert got["this morning"] == ("2021-10-06", "day")


def test_month_without_year_follows_tense(analyze):
    assert times(analyze, "The plant closed in August.")["August"] == ("2021-08", "month")
    assert times(analyze, "The summit will open in March.")["March"] == ("2022-03", "month")


def test_shift_against_an_explicit_date(analyze):
    got = times(analyze, "The rally was held on May 2, 2020. Two days later the police moved in.")
    assert got["Two days later"] == ("2020-05-04", "day")
    got = times(analyze, "A truce began a day after May 2, 2020, the army said.")
    assert got["a day after"] == ("2020-05-03", "day")


def test_shift_without_dated_anchor_is_unresolved(analyze):
    got = times(analyze, "Violence resumed a day after the vote.")
    assert got["a day after"] == (None, None)
    got = times(analyze, "The day before, nearly two weeks later, nobody came.")
    assert got["The day before"] == (None, None)
    assert got["nearly two weeks later"] == (None, None)


def test_anniversary_of_a_dated_event(analyze):
    got = times(analyze, "Crowds marked the tenth anniversary of the uprising of March 15, 2011.")
    assert got["the tenth anniversary"] == ("2021-03-15", "day")
    got = times(analyze, "Crowds marked the tenth anniversary of the uprising.")
    assert got["the tenth anniversary"] == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "The war lasted four decades.",
        "He served for five years in the army.",
        "We may see more protests, she said.",
        "The report appeared in the Sunday Times.",
        "The clashes left 1,974 people wounded.",
        "In 1974 cases the court ruled for the state.",
        "The company sold 1974 cars to the ministry.",
        "Jan Kowalski leads the party.",
    ],
)
def test_not_dates(analyze, text):
    assert times(analyze, text) == {}


def test_month_may_is_a_date_but_the_verb_is_not(analyze):
    got = times(analyze, "Voters may return to the polls in May.")
    assert list(got) == ["May"]


def test_relative_forms_unresolved_without_publication_date(analyze):
    result = analyze("Police arrested three men on Monday.", published=None)
    assert result.published is None and result.published_from is None
    assert [(t.text, t.value) for t in result.times] == [("Monday", None)]


def test_published_from_metadata(analyze):
    result = analyze("Police arrested three men on Monday.", published=PUB)
    assert (result.published, result.published_from) == (PUB, "metadata")


def test_published_from_dateline_and_body_year(analyze):
    text = "CAIRO, March 3 (Reuters) - The minister said on Monday that the 2021 budget passed."
    result = analyze(text, published=None)
    assert (result.published, result.published_from) == ("2021-03-03", "text")
    got = {t.text: t.value for t in result.times}
    assert got["March 3"] == "2021-03-03"
    assert got["Monday"] == "2021-03-01"


def test_published_from_today_next_to_full_date(analyze):
    result = analyze("Today, June 4, 2019, the students gathered in the square.", published=None)
    assert (result.published, result.published_from) == ("2019-06-04", "text")


def test_published_from_weekday_and_anniversary(analyze):
    text = (
        "On Saturday, thousands marked the 20th anniversary of the attacks of September 11, 2001."
    )
    result = analyze(text, published=None)
    assert (result.published, result.published_from) == ("2021-09-11", "text")
    wrong_day = text.replace("Saturday", "Sunday")  # 2021-09-11 was a Saturday
    assert analyze(wrong_day, published=None).published is None


def test_published_not_guessed(analyze):
    result = analyze("The minister said the budget passed in 2021.", published=None)
    assert result.published is None


def _context(res, text: str, published: str | None = PUB) -> DocContext:
    article = Article(id="c", text=text, published=published)
    result = new_result(article)
    doc = res.nlp(parse_text(article, result.dateline.end if result.dateline else 0))
    from newsgraph.extract.time import stage as timex

    ctx = DocContext(article=article, doc=doc, result=result)
    result.times = timex.extract(ctx, res)
    return ctx


def test_date_of_clause(res):
    ctx = _context(res, "Police said on Thursday that rebels attacked the village on Monday.")
    said = next(t for t in ctx.doc if t.text == "said")
    attacked = next(t for t in ctx.doc if t.text == "attacked")
    assert date_of_clause(ctx, said) == "2021-09-30"
    assert date_of_clause(ctx, attacked) == "2021-10-04"


def test_date_of_clause_nominal_and_none(res):
    ctx = _context(res, "Monday's attack killed five. Officials condemned the violence.")
    attack = next(t for t in ctx.doc if t.text == "attack")
    condemned = next(t for t in ctx.doc if t.text == "condemned")
    assert date_of_clause(ctx, attack) == "2021-10-04"
    assert date_of_clause(ctx, condemned) is None


def test_published_from_anniversary_in_a_simultaneous_clause(analyze):
    text = (
        "Veterans gathered in the capital on Friday as the nation marked the fifth anniversary "
        "of the flood that struck on June 12, 2015."
    )
    result = analyze(text, published=None)
    assert (result.published, result.published_from) == ("2020-06-12", "text")
    got = {t.text: t.value for t in result.times}
    assert got["Friday"] == "2020-06-12"
    assert analyze(text.replace("Friday", "Monday"), published=None).published is None


def test_backshifted_past_under_a_speech_verb_looks_forward(analyze):
    said = "The spokesman told journalists that the curfew lasted until February."
    assert times(analyze, said)["February"] == ("2022-02", "month")
    adding = "The envoy left early, he said, adding that the blockade lasted until March."
    assert times(analyze, adding)["March"] == ("2022-03", "month")
    # A past perfect stays past, and so does a plain narrative past.
    earlier = "The spokesman told journalists that the curfew had lasted until February."
    assert times(analyze, earlier)["February"] == ("2021-02", "month")
    assert times(analyze, "The curfew lasted until February.")["February"] == ("2021-02", "month")


def test_deictic_in_a_quote_counts_from_the_dated_utterance(analyze):
    text = (
        "The two presidents met in Vienna on Monday.\n\n"
        '"The border will open tomorrow," Smith told journalists after the meeting.'
    )
    assert times(analyze, text)["tomorrow"] == ("2021-10-05", "day")
    undated = '"The border will open tomorrow," Smith told journalists after the meeting.'
    assert times(analyze, undated)["tomorrow"] == ("2021-10-07", "day")
    cue_dated = '"We signed the deal today," the minister said on Monday.'
    assert times(analyze, cue_dated)["today"] == ("2021-10-04", "day")


def test_a_day_after_takes_the_date_of_a_dated_subject_event(analyze):
    text = (
        "The governors met in Lagos on Monday. The meeting came a day after rebels blocked a road."
    )
    assert times(analyze, text)["a day after"] == ("2021-10-04", "day")
    alone = "The meeting came a day after rebels blocked a road."
    assert times(analyze, alone)["a day after"] == (None, None)


def test_the_weekend_is_the_week_it_closes(analyze):
    past = times(analyze, "Gunmen attacked two villages over the weekend.")
    assert past["the weekend"] == ("2021-09-27", "week")  # Saturday 2 and Sunday 3 October
    future = times(analyze, "The talks will resume at the weekend.")
    assert future["the weekend"] == ("2021-10-04", "week")
    unknown = analyze("Gunmen attacked two villages over the weekend.", published=None)
    assert [(t.text, t.value) for t in unknown.times] == [("the weekend", None)]


@pytest.mark.parametrize(
    "text, published, expr, value",
    [
        ("He had talked about the slated visit of the trade secretary in September.",
         "1998-08-26", "September", "1998-09"),
        ("Leaders will meet at a summit set for Geneva in April.", "1999-03-12", "April",
         "1999-04"),
        ("The bridge destroyed in April was rebuilt.", "1998-12-12", "April", "1998-04"),
    ],
)  # fmt: skip
def test_a_thing_set_for_later_looks_forward(analyze, text, published, expr, value):
    assert times(analyze, text, published)[expr][0] == value


def test_a_present_passive_of_obligation_looks_forward_a_past_one_back(analyze):
    t = times(analyze, "The talks, which are supposed to conclude by May, resumed.", "1998-03-22")
    assert t["May"][0] == "1998-05"
    t = times(analyze, "The report was supposed to be ready by January.", "1998-03-22")
    assert t["January"][0] == "1998-01"


def test_a_day_told_again_is_the_anchor_s_day(analyze):
    got = times(
        analyze,
        "Blasts hit two embassies on Friday. Earlier in the day, police "
        "closed the road. Later that day, the army arrived. The same day, talks ended.",
    )
    assert got["Earlier in the day"] == got["Later that day"] == ("2021-10-01", "day")
    assert got["The same day"] == ("2021-10-01", "day")
