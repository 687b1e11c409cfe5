"""French extraction runs on the French language pack alone: data, not code."""

from __future__ import annotations

from tocsin.extract import extract

META = {"speaker_country": "FRA", "date": "2024-03-01"}


def claims(text: str) -> list[tuple[object, ...]]:
    return [
        (
            c.event,
            c.stance,
            c.count.value if c.count else None,
            c.count.qualifier if c.count else None,
        )
        for c in extract(text, META, language="fr")
    ]


def test_killing_with_perpetrator_count_sub_count_date_and_place() -> None:
    found = extract(
        "Le 3 mai 2023, les forces syriennes ont bombardé la ville d'Idlib, tuant 14 civils, dont 5 enfants.",
        META,
        language="fr",
    )
    killing = next(c for c in found if c.event == "killing")
    assert killing.count is not None and (killing.count.value, killing.count.qualifier) == (
        14,
        "exact",
    )
    assert [(s.count.value, s.victims) for s in killing.includes] == [(5, "children")]
    assert killing.accused == ("SYR",) and killing.stance == "accuses"
    assert (killing.when_from, killing.when_to) == ("2023-05-03", "2023-05-03")
    assert any(p.name == "Idlib" and p.country == "SYR" for p in killing.places)


def test_french_number_formats_and_qualifiers() -> None:
    assert claims("En mars 2022, plus de 3 000 civils ont été déplacés de force de Marioupol.") == [
        ("displacement", "asserts", 3000, "more_than")
    ]
    assert claims("Le sort de près de 4 000 personnes portées disparues reste inconnu.") == [
        ("missing_persons", "asserts", 4000, "almost")
    ]


def test_two_outcomes_negation_denial_and_procedure() -> None:
    assert claims(
        "Depuis novembre 2020, 57 citoyens ont été tués et 247 blessés par des explosions de mines."
    ) == [
        ("mine_incident", "asserts", 57, "exact"),
        ("mine_incident", "asserts", 247, "exact"),
    ]
    assert claims("Aucun civil n'a été tué lors de l'opération.") == []
    assert claims("Je voudrais remercier le Secrétaire général pour son rapport.") == []
    denial, alleged = extract(
        "Nous rejetons catégoriquement les allégations concernant le massacre de Kiwanja formulées par le Rwanda.",
        {"speaker_country": "COD", "date": "2009-01-10"},
        language="fr",
    )
    assert denial.event == "denial" and "massacre de Kiwanja" in (denial.denies or "")
    assert denial.claimed_by == ("RWA",)
    # what is denied is Rwanda's allegation against the speaker's state
    assert (alleged.event, alleged.accused) == ("killing", ("COD",))
    assert alleged.source is not None and alleged.source.country == "RWA"


def test_vague_quantities_and_decades() -> None:
    (c,) = extract(
        "Des centaines de villages ont été rasés au début des années 1990.", META, language="fr"
    )
    assert c.event == "destruction_property"
    assert c.count is not None and (c.count.low, c.count.high, c.count.unit) == (
        100,
        999,
        "settlements",
    )
    assert (c.when_from, c.when_to) == ("1990", "1994")


def _claims(text: str, language: str = "fr") -> list[object]:
    return list(extract(text, META, language=language))


def _events(text: str, language: str = "fr") -> list[str]:
    return [c.event for c in extract(text, META, language=language)]


def test_french_events_share_the_same_rules() -> None:
    assert _events("Des hommes armés ont décapité 12 villageois près de Palma en 2021.", "fr") == [
        "killing"
    ]
    assert _events(
        "Les miliciens ont tué 31 civils et blessé 12 autres à Beni en mai 2023.", "fr"
    ) == ["killing", "injury"]
    assert _events("La ville assiégée de Mariupol a été privée d'eau en mars 2022.", "fr") == [
        "humanitarian_access_denial"
    ]
    assert _events("Des soldats ont pillé et incendié le marché de Bunia en 2022.", "fr")[0] == (
        "destruction_property"
    )
    assert (
        _claims("En 2019, 3 200 personnes sont mortes dans des accidents de la route.", "fr") == []
    )
    assert "denial" in _events(
        "Le ministère a dénoncé de fausses allégations de massacre à Moura en 2022.", "fr"
    )


def test_french_anaphora_and_harmless_documents() -> None:
    assert _claims("Pour le Mali, de tels massacres sont des crimes contre l'humanité.", "fr") == []
    text = (
        "Bilan de la sécurité routière en 2019.\n\n"
        "Les accidents de la route restent la première cause de décès des jeunes.\n\n"
        "Au total, 3 200 personnes ont été tuées et 70 000 blessées."
    )
    assert _claims(text, "fr") == []


def test_french_trigger_words_in_their_ordinary_sense() -> None:
    assert _claims("Le gouvernement a exécuté le plan de paix à Bamako en 2023.") == []
    assert _claims("L'armée a juré de détruire les rebelles à Kidal en 2023.") == []
    assert _events("L'armée a exécuté 40 civils à Moura en 2022.") == ["killing"]
