"""Event times in French, Spanish and Russian: periods opened by "since", ranges, parts of a
month, weekdays and relative expressions resolved against the document's date. Sentences of
our own, from conflicts the dev corpus does not cover."""

from __future__ import annotations

import pytest

from tocsin import lang
from tocsin.extract import extract
from tocsin.extract.when import find_times, refers_back


def times(text: str, doc_date: str | None, language: str) -> list[tuple[str, str]]:
    pack = lang.load(language)
    return [(t.date_from, t.date_to) for t in find_times(text, 0, len(text), pack, doc_date)]


# 2024-03-14 is a Thursday
DOC = "2024-03-14"


@pytest.mark.parametrize(
    ("text", "language", "want"),
    [
        # "since" opens a period that runs to the document's date, whether its word is part of
        # the expression ("desde enero") or stands before it ("depuis le 3 janvier")
        ("Desde enero de este año, 40 civiles fueron asesinados en Cauca.", "es", ("2024-01", DOC)),
        ("Desde principios de enero, 40 civiles murieron en Ituri.", "es", ("2024-01", DOC)),
        ("Desde el 3 de enero, 40 civiles murieron en Ituri.", "es", ("2024-01-03", DOC)),
        ("Depuis le 3 janvier, 40 civils ont été tués en Ituri.", "fr", ("2024-01-03", DOC)),
        ("Depuis janvier, 40 civils ont été tués à Kidal.", "fr", ("2024-01", DOC)),
        ("С 3 января в Судане погибли 40 мирных жителей.", "ru", ("2024-01-03", DOC)),
        ("С начала января в Судане погибли 40 мирных жителей.", "ru", ("2024-01", DOC)),
        ("Начиная с января, в Судане погибли 40 человек.", "ru", ("2024-01", DOC)),
        # the year so far
        ("С начала года в Мьянме погибли 300 человек.", "ru", ("2024-01", DOC)),
        ("С начала 2024 года в Мьянме погибли 300 человек.", "ru", ("2024-01", DOC)),
        (
            "En lo que va de 2024, 66 masacres fueron documentadas en Nariño.",
            "es",
            ("2024-01", DOC),
        ),
        ("Desde inicios de año, 12 líderes sociales fueron asesinados.", "es", ("2024-01", DOC)),
        ("Depuis le début de 2023, 400 civils ont été tués au Sahel.", "fr", ("2023-01", DOC)),
        # two days of one month: one period
        (
            "Au moins 14 civils ont été tués lors des frappes des 5 et 7 mars.",
            "fr",
            ("2024-03-05", "2024-03-07"),
        ),
        ("Les 2 et 4 mars, des drones ont frappé Goma.", "fr", ("2024-03-02", "2024-03-04")),
        (
            "Del 2 al 5 de marzo, 30 personas fueron secuestradas en Zamfara.",
            "es",
            ("2024-03-02", "2024-03-05"),
        ),
        (
            "Los días 2 y 5 de marzo, 30 personas fueron secuestradas.",
            "es",
            ("2024-03-02", "2024-03-05"),
        ),
        (
            "Entre le 2 et le 5 mars, 30 personnes ont été enlevées à Kaya.",
            "fr",
            ("2024-03-02", "2024-03-05"),
        ),
        ("Со 2 по 5 марта в Донецке похищены 30 человек.", "ru", ("2024-03-02", "2024-03-05")),
        # the beginning, middle or end of a month
        (
            "Fin février, des hommes armés ont tué 12 villageois à Djibo.",
            "fr",
            ("2024-02", "2024-02"),
        ),
        ("À la fin du mois de février, 12 villageois ont été tués.", "fr", ("2024-02", "2024-02")),
        (
            "A finales de febrero, hombres armados mataron a 12 campesinos.",
            "es",
            ("2024-02", "2024-02"),
        ),
        ("В конце февраля боевики убили 12 жителей Дарфура.", "ru", ("2024-02", "2024-02")),
        ("В начале марта боевики убили 12 жителей Дарфура.", "ru", ("2024-03", "2024-03")),
        ("В январе прошлого года похищены 30 человек.", "ru", ("2023-01", "2023-01")),
        # a weekday: the latest such day on or before the document's date
        (
            "Este martes, hombres armados mataron a 12 campesinos en Catatumbo.",
            "es",
            ("2024-03-12", "2024-03-12"),
        ),
        (
            "Ce mardi, des hommes armés ont tué 12 villageois au Kivu.",
            "fr",
            ("2024-03-12", "2024-03-12"),
        ),
        ("Во вторник боевики убили 12 жителей Гомы.", "ru", ("2024-03-12", "2024-03-12")),
        (
            "Dans la nuit de mardi à mercredi, 12 villageois ont été tués.",
            "fr",
            ("2024-03-12", "2024-03-13"),
        ),
        # periods counted back from the document's date
        ("En las últimas dos semanas, 30 personas fueron secuestradas.", "es", ("2024-02-29", DOC)),
        ("На выходных в Херсоне погибли 3 человека.", "ru", ("2024-03-09", "2024-03-10")),
    ],
)
def test_expressions_in_other_languages(text: str, language: str, want: tuple[str, str]) -> None:
    assert times(text, DOC, language)[:1] == [want]


def test_the_beginning_of_a_month_is_not_the_start_of_a_war() -> None:
    pack = lang.load("ru")
    text = "В начале марта боевики убили 12 жителей."
    (t,) = find_times(text, 0, len(text), pack, DOC)
    assert not t.opens
    text = "Война, которая началась в апреле 2023 года, унесла тысячи жизней."
    (t,) = find_times(text, 0, len(text), pack, DOC)
    assert t.opens and t.date_to == DOC


def test_a_range_that_says_where_it_ends_is_not_opened() -> None:
    assert times("Desde enero hasta marzo de 2023 murieron 80 personas.", DOC, "es") == [
        ("2023-01", "2023-03")
    ]


def test_the_year_so_far_without_a_document_date_stays_within_the_year() -> None:
    assert times("En lo que va de 2020, 255 personas fueron asesinadas.", None, "es") == [
        ("2020-01", "2020-12")
    ]


def test_a_document_dated_to_the_month_is_currently_that_month() -> None:
    assert times("Le village est actuellement assiégé par l'armée.", "2022-04", "fr") == [
        ("2022-04", "2022-04")
    ]


def test_relative_times_stay_empty_without_a_document_date() -> None:
    assert times("Este martes, hombres armados mataron a 12 campesinos.", None, "es") == []
    assert times("Depuis le 3 janvier, 40 civils ont été tués.", None, "fr") == []
    assert times("С начала года погибли 300 человек.", None, "ru") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("El informe se basa en entrevistas realizadas en junio con 80 testigos.", "es"),
        ("Le rapport s'appuie sur des entretiens menés pendant juin avec 80 témoins.", "fr"),
        ("Доклад основан на интервью, проведенных в июне с 80 свидетелями.", "ru"),
    ],
)
def test_when_interviews_were_held_is_not_an_event_time(text: str, language: str) -> None:
    pack = lang.load(language)
    (t,) = find_times(text, 0, len(text), pack, DOC)
    assert t.said


@pytest.mark.parametrize(
    ("text", "language", "back"),
    [
        ("Los milicianos atacaron entonces el mercado.", "es", True),
        ("Ese mismo día, soldados quemaron el pueblo.", "es", True),
        ("El entonces presidente negó las acusaciones.", "es", False),
        ("Les miliciens ont alors attaqué le marché.", "fr", True),
        ("Alors que les combats continuent, l'aide manque.", "fr", False),
        ("Тогда боевики атаковали рынок.", "ru", True),
        ("В тот же день военные сожгли деревню.", "ru", True),
    ],
)
def test_a_sentence_that_points_back_to_the_time_told_last(
    text: str, language: str, back: bool
) -> None:
    assert refers_back(text, 0, len(text), lang.load(language)) is back


def test_a_denial_is_dated_by_when_it_was_made() -> None:
    found = extract(
        "El Gobierno de Etiopía rechazó este martes las acusaciones de masacres en Tigray.",
        {"date": DOC},
        language="es",
    )
    denials = [c for c in found if c.event == "denial"]
    assert denials and all(
        (c.when_from, c.when_to) == ("2024-03-12", "2024-03-12") for c in denials
    )


def test_an_open_period_dates_the_claims_of_its_sentence() -> None:
    found = extract(
        "Depuis le 3 janvier, au moins 40 civils ont été tués dans le Nord-Kivu.",
        {"date": DOC},
        language="fr",
    )
    killed = [c for c in found if c.event == "killing"]
    assert killed and all((c.when_from, c.when_to) == ("2024-01-03", DOC) for c in killed)


@pytest.mark.parametrize(
    ("text", "language", "want"),
    [
        # the day before yesterday, not yesterday
        (
            "Avant-hier, 30 personnes ont été enlevées près de Mopti.",
            "fr",
            ("2024-03-12", "2024-03-12"),
        ),
        ("Hier, 30 personnes ont été enlevées près de Mopti.", "fr", ("2024-03-13", "2024-03-13")),
        (
            "Anteayer, 30 personas fueron secuestradas en Guerrero.",
            "es",
            ("2024-03-12", "2024-03-12"),
        ),
        ("Позавчера в Бахмуте погибли 3 человека.", "ru", ("2024-03-12", "2024-03-12")),
        ("В минувшие выходные в Бахмуте погибли 3 человека.", "ru", ("2024-03-09", "2024-03-10")),
        # the start or end of a year: that year, opened by "since"
        ("Début 2023, 30 personnes ont été enlevées au Tigré.", "fr", ("2023", "2023")),
        ("Depuis fin 2022, 30 personnes ont été enlevées au Tigré.", "fr", ("2022", DOC)),
        ("A principios de 2023, 30 personas fueron secuestradas en Haití.", "es", ("2023", "2023")),
        ("Desde finales de 2022, 30 personas fueron secuestradas en Haití.", "es", ("2022", DOC)),
        ("В конце 2022 года в Мариуполе погибли 30 человек.", "ru", ("2022", "2022")),
        ("С конца 2022 года в Мариуполе погибли 30 человек.", "ru", ("2022", DOC)),
    ],
)
def test_days_and_years_at_the_edges(text: str, language: str, want: tuple[str, str]) -> None:
    assert times(text, DOC, language)[:1] == [want]


def test_then_takes_the_time_told_in_the_paragraph_before() -> None:
    text = (
        "Durante el asalto del 2 al 4 de marzo, las milicias rodearon el pueblo de Kutum.\n\n"
        "Los milicianos mataron entonces a 40 civiles en el mercado."
    )
    found = extract(text, {"date": DOC}, language="es")
    killed = [c for c in found if c.event == "killing"]
    assert killed and all((c.when_from, c.when_to) == ("2024-03-02", "2024-03-04") for c in killed)


@pytest.mark.parametrize(
    ("text", "language", "want"),
    [
        ("Mercredi 6 mars, 3 personnes ont été tuées à Bunia.", "fr", ("2024-03-06", "2024-03-06")),
        (
            "Tres personas murieron el miércoles 6 de marzo en Jalisco.",
            "es",
            ("2024-03-06", "2024-03-06"),
        ),
        ("В среду, 6 марта, в Газе погибли 3 человека.", "ru", ("2024-03-06", "2024-03-06")),
        ("1-го марта в Газе погибли 3 человека.", "ru", ("2024-03-01", "2024-03-01")),
        (
            "Le mardi à 3 heures, des obus sont tombés sur Bunia.",
            "fr",
            ("2024-03-12", "2024-03-12"),
        ),
    ],
)
def test_a_weekday_followed_by_its_date_is_that_date(
    text: str, language: str, want: tuple[str, str]
) -> None:
    assert times(text, DOC, language) == [want]


def test_the_year_so_far_in_english_too() -> None:
    found = extract(
        "Since the start of 2024, 300 people were abducted in Zamfara.", {"date": "2024-06-10"}
    )
    assert [(c.when_from, c.when_to) for c in found] == [("2024-01", "2024-06-10")]
