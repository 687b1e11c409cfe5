"""The Spanish pack on sentences of our own from conflicts Spanish-language media cover: the
vocabulary of events with its gender and number, counts as Spanish writes them, who says it,
denials, calls, places, dates, and harm that is no violation (accidents, disease,
hypotheticals, budgets)."""

from __future__ import annotations

import pytest

from tocsin.extract import extract
from tocsin.types import Claim

META = {"speaker": "A. Reporter", "date": "2024-03-01"}  # a Friday


def claims(text: str) -> list[Claim]:
    return extract(text, META, language="es")


def events(text: str) -> list[str]:
    return [c.event for c in claims(text)]


def first(text: str) -> Claim:
    found = claims(text)
    assert found, text
    return found[0]


def places(c: Claim) -> list[str]:
    return [p.name for p in c.places]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Hombres armados mataron a 14 campesinos en el Bajo Cauca en 2023.", "killing"),
        ("Tres lideresas sociales fueron asesinadas en Nariño en enero de 2022.", "killing"),
        ("Los paramilitares ejecutaron a 30 prisioneros en Jartum en 2023.", "killing"),
        ("Se hallaron los cuerpos de nueve hombres en Michoacán en 2019.", "killing"),
        ("Al menos 40 personas resultaron heridas en Járkov en 2022.", "injury"),
        ("La aviación bombardeó un mercado de Alepo en 2016.", "attack_on_civilians"),
        ("Los soldados abrieron fuego contra una marcha en Yangón en 2021.", "attack_on_civilians"),
        ("Miles de familias huyeron de sus hogares en Kivu del Norte en 2023.", "displacement"),
        (
            "Unas 500 familias fueron desplazadas por los combates en el Catatumbo en 2022.",
            "displacement",
        ),
        ("Doce pescadores siguen desaparecidos en Tumaco desde marzo de 2021.", "missing_persons"),
        ("Los fiscales exhumaron una fosa común en Izium en 2022.", "mass_grave"),
        ("Las pandillas incendiaron 80 viviendas en Cité Soleil en 2023.", "destruction_property"),
        ("Los detenidos fueron torturados en la prisión de Saydnaya en 2014.", "torture"),
        ("Boko Haram secuestró a 276 niñas en Chibok en 2014.", "detention"),
        ("Los soldados violaron a dos mujeres en Kivu del Sur en 2022.", "sexual_violence"),
        (
            "Unos 3.000 niños han sido reclutados por grupos armados en Colombia en 2023.",
            "recruitment_of_children",
        ),
        (
            "Las milicias asediaron la ciudad de El Fasher durante meses en 2024.",
            "humanitarian_access_denial",
        ),
        (
            "Las fuerzas del régimen lanzaron barriles explosivos sobre Daraya en 2015.",
            "prohibited_weapons",
        ),
    ],
)
def test_the_vocabulary_of_events_with_its_inflection(text: str, event: str) -> None:
    assert event in events(text), (text, events(text))


def test_one_claim_per_event_stated() -> None:
    found = events(
        "Al menos 23 personas murieron y 40 resultaron heridas en un ataque contra Mariúpol en 2022."
    )
    assert found[:2] == ["killing", "injury"]


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        (
            "Más de 1,5 millones de personas han sido desplazadas en Sudán en 2023.",
            1500000,
            "more_than",
        ),
        ("Al menos 3.000 civiles fueron asesinados en Darfur en 2023.", 3000, "at_least"),
        ("Cerca de 200 civiles fueron secuestrados en Borno en 2024.", 200, "almost"),
        ("Unos 120 migrantes fueron secuestrados en Tamaulipas en 2023.", 120, "about"),
        ("Casi medio millón de personas fueron desplazadas en Tigré en 2021.", 500000, "almost"),
        ("Más de un millar de civiles murieron en Mosul en 2017.", 1000, "more_than"),
        ("Los atacantes mataron a doce aldeanos en Ituri en 2022.", 12, "exact"),
    ],
)
def test_counts_as_spanish_writes_them(text: str, value: int, qualifier: str) -> None:
    c = first(text)
    assert c.count is not None
    assert (c.count.value, c.count.qualifier) == (value, qualifier), text


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Cientos de personas fueron asesinadas en Haití en 2024.", 100, 999),
        ("Decenas de mujeres fueron víctimas de violencia sexual en Darfur en 2023.", 24, 99),
        ("Miles de personas huyeron de sus hogares en Ucrania en 2022.", 1000, 9999),
        ("Decenas de miles de civiles fueron desplazados en Gaza en 2023.", 10000, 99999),
    ],
)
def test_vague_counts(text: str, low: int, high: int) -> None:
    c = first(text)
    assert c.count is not None
    assert (c.count.qualifier, c.count.low, c.count.high) == ("vague", low, high), text


def test_attribution_verbs_and_according_to() -> None:
    c = first("Al menos 12 personas murieron en Culiacán en 2024, según Human Rights Watch.")
    assert c.source is not None and c.source.name == "Human Rights Watch"
    assert c.stance == "reports"
    c = first("La ONU denunció que 40 civiles fueron asesinados en Ituri en 2023.")
    assert c.source is not None and c.source.kind == "un"
    c = first(
        "Más de 300 presos fueron torturados en Siria en 2013, afirmó Amnistía Internacional."
    )
    assert c.source is not None and c.source.kind == "ngo"
    c = first("De acuerdo con el ACNUR, 20.000 personas huyeron de Haití en 2024.")
    assert c.source is not None and c.source.kind == "un"


def test_the_day_in_the_attribution_is_not_part_of_the_name() -> None:
    c = first("Diez civiles murieron en Jenin en 2023, declaró este jueves el portavoz de UNICEF.")
    assert c.source is not None and "jueves" not in c.source.name


def test_a_named_perpetrator_is_accused() -> None:
    c = first("El Tren de Aragua secuestró a siete migrantes en Santiago en 2024.")
    assert "Tren de Aragua" in c.accused and c.stance == "accuses"
    c = first("El ELN asesinó a cuatro soldados en Arauca en 2023.")
    assert "ELN" in c.accused
    c = first("Las disidencias de las FARC desplazaron a 300 familias en el Cauca en 2022.")
    assert "FARC dissidents" in c.accused
    c = first(
        "Cientos de personas murieron por la violencia en curso de las pandillas en Haití en 2024."
    )
    assert "gangs" in c.accused
    c = first(
        "Ocho personas fueron asesinadas por combatientes de las Fuerzas de Apoyo Rápido en 2023."
    )
    assert "RSF" in c.accused


@pytest.mark.parametrize(
    "text",
    [
        "El ejército negó que sus soldados hubieran torturado a detenidos en Járkov en 2022.",
        "El Gobierno rechazó categóricamente las acusaciones de ejecuciones extrajudiciales en 2019.",
        "El ministro calificó de falsas las denuncias sobre masacres en Tigré en 2021.",
        "La milicia ha negado repetidamente haber atacado a civiles en Darfur en 2023.",
        "El canciller desmintió las informaciones sobre bombardeos contra escuelas en 2022.",
    ],
)
def test_denials_with_and_without_the_word(text: str) -> None:
    c = first(text)
    assert c.event == "denial" and c.stance == "denies", text


def test_a_call_names_no_event_unless_it_states_one() -> None:
    assert (
        claims("El Consejo instó a las partes a respetar el derecho internacional humanitario.")
        == []
    )
    assert claims("La ONU pidió poner fin a la violencia y proteger a la población civil.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Un accidente de tránsito dejó 12 muertos en la carretera Panamericana en 2023.",
        "El dengue causó 36 muertes en Paraguay en la última semana.",
        "Las inundaciones dejaron 40 fallecidos en Valencia en 2024.",
        "Si no llega la ayuda, miles de niños podrían morir de hambre en Yemen.",
        "El presupuesto de la misión asciende a 3.000 millones de dólares en 2024.",
        "Ningún civil resultó herido en el ataque contra la base, según el ministerio.",
        "Dos hombres fueron detenidos por robo en Lima en 2023.",
        "El partido de fútbol terminó con 2 heridos leves en Buenos Aires.",
    ],
)
def test_harm_that_is_no_violation_yields_no_claim(text: str) -> None:
    assert claims(text) == [], (text, events(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hombres armados mataron a 14 campesinos en el departamento de Cauca, Colombia, en 2023.",
            "Cauca",
        ),
        ("Las RSF asesinaron a 40 civiles en la ciudad de Nyala, Sudán, en 2023.", "Nyala"),
        ("Colonos israelíes quemaron 12 casas en Cisjordania en 2024.", "Cisjordania"),
        ("Diez soldados murieron en el Alto Karabaj en 2020.", "Alto Karabaj"),
        ("Las pandillas asesinaron a 30 personas en Puerto Príncipe en 2024.", "Puerto Príncipe"),
    ],
)
def test_places_of_latin_america_and_of_the_conflicts_spanish_media_cover(
    text: str, expected: str
) -> None:
    assert expected in places(first(text)), (text, places(first(text)))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Veinte civiles murieron en Gaza el 17 de mayo de 2021.", "2021-05-17", "2021-05-17"),
        ("Veinte civiles murieron en Gaza el pasado martes.", "2024-02-27", "2024-02-27"),
        ("Veinte civiles murieron en Gaza la semana pasada.", "2024-02-23", "2024-03-01"),
        ("Veinte civiles murieron en Gaza ayer.", "2024-02-29", "2024-02-29"),
        ("Veinte civiles murieron en Gaza en marzo de 2022.", "2022-03", "2022-03"),
        (
            "Veinte civiles murieron en Gaza entre el 13 y el 26 de octubre de 2023.",
            "2023-10-13",
            "2023-10-26",
        ),
        ("Veinte civiles murieron en Gaza el año pasado.", "2023-01", "2023-12"),
    ],
)
def test_dates_as_spanish_writes_them(text: str, start: str, end: str) -> None:
    c = first(text)
    assert (c.when_from, c.when_to) == (start, end), (text, c.when_from, c.when_to)


def test_negation_of_the_event_is_no_claim() -> None:
    assert claims("Los militares no mataron a ningún civil en Nicaragua en 2018.") == []


def test_thousands_with_a_comma_as_mexico_writes_them() -> None:
    c = first("Al menos 3,000 personas fueron asesinadas en Sinaloa en 2024.")
    assert c.count is not None and c.count.value == 3000


def test_a_parenthesis_after_the_perpetrator_does_not_hide_its_verb() -> None:
    c = first(
        "Más de 200 civiles murieron en mayo de 2023 cuando las Fuerzas de Apoyo Rápido "
        "(RSF, por sus siglas en inglés) tomaron la ciudad de Nyala."
    )
    assert "RSF" in c.accused


def test_perpetrators_named_by_a_noun_and_a_demonym_or_a_clitic() -> None:
    assert (
        "UKR"
        in first("Un dron ucraniano impactó un edificio en Bélgorod y mató a 5 personas.").accused
    )
    assert "RUS" in first("Soldados rusos ejecutaron a 10 civiles en Bucha en 2022.").accused
    c = first(
        "Los manifestantes denunciaron que la policía los golpeó y torturó en Caracas en 2017."
    )
    assert c.event == "torture" and "police" in c.accused


def test_a_sentence_that_closes_on_its_speaker() -> None:
    c = first("“Las pandillas mataron a 20 personas en Gonaives en 2023”, dijo el alcalde.")
    assert c.source is not None and c.source.name == "alcalde"


def test_a_place_named_like_an_accident_word_is_no_accident() -> None:
    # "Chocó" is a Colombian department, not "chocó" (crashed)
    assert events("El ELN confinó a 2.000 indígenas en el Chocó, Colombia, en 2023.") == [
        "displacement"
    ]
    assert claims("El huracán dejó 45 muertos y miles de damnificados en Acapulco en 2023.") == []
