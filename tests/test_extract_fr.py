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
    (denial,) = extract(
        "Nous rejetons catégoriquement les allégations concernant le massacre de Kiwanja formulées par le Rwanda.",
        {"speaker_country": "COD", "date": "2009-01-10"},
        language="fr",
    )
    assert denial.event == "denial" and "massacre de Kiwanja" in (denial.denies or "")
    assert denial.claimed_by == ("RWA",)


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
