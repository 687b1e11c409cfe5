"""Time expressions resolved against the document's date, on sentences the gold never saw."""

from __future__ import annotations

import pytest

from tocsin import lang
from tocsin.extract import extract
from tocsin.extract.when import find_times


def times(text: str, doc_date: str | None, language: str = "en") -> list[tuple[str, str]]:
    pack = lang.load(language)
    return [(t.date_from, t.date_to) for t in find_times(text, 0, len(text), pack, doc_date)]


@pytest.mark.parametrize(
    ("text", "doc_date", "want"),
    [
        # dates without a year: the latest such day on or before the document's date
        ("Shelling hit Kharkiv on 21 June.", "2024-06-25", ("2024-06-21", "2024-06-21")),
        ("Shelling hit Kharkiv on 21 December.", "2024-06-25", ("2023-12-21", "2023-12-21")),
        # periods written as ranges
        (
            "Between 13 and 26 October, 40 schools were hit in Idlib.",
            "2023-11-02",
            ("2023-10-13", "2023-10-26"),
        ),
        ("Raids from 4 to 9 May 2019 in Hama.", None, ("2019-05-04", "2019-05-09")),
        ("Covering 28 June - 3 July 2021", None, ("2021-06-28", "2021-07-03")),
        ("Attacks from April to November 2022 in Tigray.", None, ("2022-04", "2022-11")),
        ("Raids between March 2015 and June 2016 in Taiz.", None, ("2015-03", "2016-06")),
        ("Killings in late January and February in Sagaing.", "2022-04-10", ("2022-01", "2022-02")),
        ("Operations on August 3-7 in Upper Nile.", "2017-09-01", ("2017-08-03", "2017-08-07")),
        # months, years and weeks relative to the document's date
        ("In August, militias burned 12 villages.", "2021-03-15", ("2020-08", "2020-08")),
        ("In March this year, 40 people were abducted.", "2021-11-15", ("2021-03", "2021-03")),
        ("Over 500 people have been killed this year.", "2019-06-20", ("2019-01", "2019-06-20")),
        ("The camp was shelled last year.", "2019-06-20", ("2018-01", "2018-12")),
        ("Two clinics were looted last month.", "2019-01-20", ("2018-12", "2018-12")),
        (
            "Nine markets were bombed over the past week.",
            "2016-10-10",
            ("2016-10-03", "2016-10-10"),
        ),
        ("Gunmen attacked Kajo Keji at the weekend.", "2017-05-13", ("2017-05-06", "2017-05-07")),
        ("Soldiers burned Tula last Thursday.", "2020-02-12", ("2020-02-06", "2020-02-06")),
        ("Soldiers burned Tula on Thursday.", "2020-02-13", ("2020-02-13", "2020-02-13")),
        ("The town was hit three weeks ago.", "2020-02-22", ("2020-02-01", "2020-02-01")),
        (
            "Fighting has displaced 2,000 in the last two years.",
            "2018-05-30",
            ("2016-05", "2018-05-30"),
        ),
        ("Some 3,000 were displaced in the first half of 2016.", None, ("2016-01", "2016-06")),
        ("Attacks rose in the first three months of 2017.", None, ("2017-01", "2017-03")),
        (
            "Two years after the war began, 400 were missing.",
            "2016-09-05",
            ("2014-09", "2016-09-05"),
        ),
        # the text says it is the day it was written
        ("Shells fell on the market today.", "2015-07-01", ("2015-07-01", "2015-07-01")),
        ("Shells fell on the market yesterday.", "2015-07-01", ("2015-06-30", "2015-06-30")),
        # an open period runs to the document's date
        ("Militias have killed 80 since March 2013.", "2013-07-22", ("2013-03", "2013-07-22")),
        (
            "The war, which began in May 2015, killed thousands.",
            "2017-01-09",
            ("2015-05", "2017-01-09"),
        ),
    ],
)
def test_expressions_are_resolved_against_the_document_date(
    text: str, doc_date: str | None, want: tuple[str, str]
) -> None:
    assert times(text, doc_date)[:1] == [want]


def test_relative_expressions_stay_empty_without_a_document_date() -> None:
    assert times("In August, militias burned 12 villages last week.", None) == []
    assert times("Soldiers burned Tula on Thursday.", None) == []


def test_a_date_used_as_a_name_is_no_date() -> None:
    assert times("The July 26 Movement and the March 23 (M23) rebels.", "2022-12-01") == []


def test_the_documents_own_date_is_not_an_event_time() -> None:
    assert times("Published: 4 March 2021\nShelling hit Marib.", "2021-03-04") == []
    assert times("ADEN, Yemen, Jan 12 (AP) — Shelling hit Marib.", "2021-01-12") == []
    assert times("(KYIV, 14 May 2022) - Shelling hit the station.", "2022-05-14") == []


def test_when_something_was_said_is_marked_as_such() -> None:
    pack = lang.load("en")
    text = "The army said on Monday that it had shelled Juba."
    (t,) = find_times(text, 0, len(text), pack, "2016-07-13")
    assert t.said
    text = "On Tuesday, the ministry accused the rebels of killing 12 farmers."
    (t,) = find_times(text, 0, len(text), pack, "2016-07-13")
    assert t.said
    text = "On Tuesday, rebels killed 12 farmers near Yei."
    (t,) = find_times(text, 0, len(text), pack, "2016-07-13")
    assert not t.said


META = {"speaker_country": "FRA", "date": "2019-04-10"}


def test_a_statement_time_is_not_given_to_the_event() -> None:
    (c,) = [
        c
        for c in extract(
            "On Monday the government accused the militia of killing 30 villagers in Ituri.",
            META,
            language="en",
        )
        if c.event == "killing"
    ]
    assert c.when_from is None


def test_a_time_at_the_end_of_the_clause_dates_the_claims_before_it() -> None:
    found = extract(
        "Rebels executed 20 men and abducted 15 girls in Kasai since January 2017.",
        {"date": "2017-06-30"},
        language="en",
    )
    assert found and all((c.when_from, c.when_to) == ("2017-01", "2017-06-30") for c in found)


def test_a_running_period_outlives_its_paragraph_but_a_date_does_not() -> None:
    text = (
        "Since 2012, the armed group has killed more than 3,000 civilians in Mali.\n\n"
        "Villages have been burned and looted across the region."
    )
    found = extract(text, {"date": "2016-05-01"}, language="en")
    assert all((c.when_from, c.when_to) == ("2012", "2016-05-01") for c in found), [
        (c.event, c.when_from, c.when_to) for c in found
    ]


def test_since_then_starts_at_the_time_named_before() -> None:
    text = (
        "Insurgents first attacked the district in October 2017. "
        "Since then, the attacks have displaced more than 50,000 people."
    )
    found = extract(text, {"date": "2019-02-01"}, language="en")
    displaced = next(c for c in found if c.event == "displacement")
    assert (displaced.when_from, displaced.when_to) == ("2017-10", "2019-02-01")


def test_a_report_covers_the_period_in_its_title() -> None:
    text = (
        "Humanitarian Bulletin, 2 - 15 March 2018\n\n"
        "Eleven civilians were killed by shelling in Ghouta."
    )
    (c,) = extract(text, {"date": "2018-03"}, language="en")
    assert (c.when_from, c.when_to) == ("2018-03-02", "2018-03-15")


@pytest.mark.parametrize(
    ("text", "doc_date", "want"),
    [
        (
            "Les frappes du 12 au 15 mars ont visé Idlib.",
            "2020-04-01",
            ("2020-03-12", "2020-03-15"),
        ),
        ("D'avril à juin 2019, les milices ont tué 300 civils.", None, ("2019-04", "2019-06")),
        ("En août, des villages ont été incendiés.", "2021-03-15", ("2020-08", "2020-08")),
        ("Plus de 200 civils ont été tués cette année.", "2019-06-20", ("2019-01", "2019-06-20")),
        (
            "Le marché a été bombardé la semaine dernière.",
            "2016-10-10",
            ("2016-10-03", "2016-10-10"),
        ),
        (
            "Le camp a été attaqué il y a trois semaines.",
            "2020-02-22",
            ("2020-02-01", "2020-02-01"),
        ),
        ("Au premier semestre 2016, 3 000 personnes ont fui.", None, ("2016-01", "2016-06")),
    ],
)
def test_french_expressions(text: str, doc_date: str | None, want: tuple[str, str]) -> None:
    assert times(text, doc_date, "fr")[:1] == [want]


def test_french_statement_time_is_marked() -> None:
    pack = lang.load("fr")
    text = "Le ministère a dénoncé vendredi des exécutions à Goma."
    (t,) = find_times(text, 0, len(text), pack, "2025-02-08")
    assert t.said


def test_a_time_ending_its_clause_is_not_the_time_of_a_later_saying() -> None:
    pack = lang.load("en")
    text = "About 900 people were displaced from Kismayo in May 2017, the agency said."
    (t,) = find_times(text, 0, len(text), pack, "2017-06-01")
    assert not t.said
    text = "In May 2017, the agency said, about 900 people were displaced from Kismayo."
    (t,) = find_times(text, 0, len(text), pack, "2017-06-01")
    assert not t.said


def test_hate_speech_is_dated_by_when_it_was_said() -> None:
    (c,) = extract(
        'On 3 April 2019, a militia leader told a crowd in Bunia the Hema were "cockroaches".',
        META,
        language="en",
    )
    assert c.event == "hate_speech"
    assert (c.when_from, c.when_to) == ("2019-04-03", "2019-04-03")


def test_a_sentence_about_the_present_takes_no_date_told_before() -> None:
    text = (
        "On 12 March 2019, soldiers burned the village of Kalehe. "
        "The report documents armed groups looting farms across the province."
    )
    found = extract(text, META, language="en")
    burned = next(c for c in found if c.quote.startswith("soldiers burned"))
    assert burned.when_from == "2019-03-12"
    looting = [c for c in found if "looting" in c.quote]
    assert looting and all(c.when_from is None for c in looting)


def test_a_headline_takes_the_date_its_story_gives_the_incident() -> None:
    text = (
        "Gunmen kill 14 villagers in Zamfara\n\n"
        "Gunmen killed 14 villagers in Zamfara state on Sunday, residents said.\n\n"
        "Such attacks are frequent in the region."
    )
    found = extract(text, {"date": "2021-02-09"}, language="en")
    headline = next(c for c in found if c.start == 0)
    assert (headline.when_from, headline.when_to) == ("2021-02-07", "2021-02-07")
    assert all(c.when_from is None for c in found if c.quote.startswith("Such attacks"))
