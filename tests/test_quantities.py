from __future__ import annotations

import pytest

from tocsin.extract import extract
from tocsin.extract.quantities import find_counts, lexicon, parse_number
from tocsin.lang import load
from tocsin.types import Claim

EN = load("en")
FR = load("fr")


def counts(text: str) -> list[tuple[object, ...]]:
    return [
        (c.value, c.qualifier, c.low, c.high, c.unit) for c in find_counts(text, 0, len(text), EN)
    ]


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("4000", 4000),
        ("4,000", 4000),
        ("84 000", 84000),
        ("84\u202f000", 84000),
        ("1.2 million", 1_200_000),
        ("twelve", 12),
        ("two hundred", 200),
        ("two hundred and five", 205),
        ("forty-four", 44),
        ("three thousand", 3000),
        ("1,250,000", 1_250_000),
    ],
)
def test_numbers_in_digits_and_words(raw: str, value: int) -> None:
    assert parse_number(raw, lexicon(EN)) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("more than 200,000 refugees crossed", [(200000, "more_than", None, None, None)]),
        ("over 400 civilians were wounded", [(400, "more_than", None, None, None)]),
        ("at least 18 people were killed", [(18, "at_least", None, None, None)]),
        ("almost 5,000 private houses were destroyed", [(5000, "almost", None, None, "buildings")]),
        ("up to 300 detainees", [(300, "almost", None, None, None)]),
        ("some 84,000 people fled", [(84000, "about", None, None, None)]),
        ("an estimated 1.2 million people are displaced", [(1200000, "about", None, None, None)]),
        ("between 10,000 and 12,000 people have fled", [(None, "between", 10000, 12000, None)]),
        ("hundreds of villages were burned", [(None, "vague", 100, 999, "settlements")]),
        ("tens of thousands of people", [(None, "vague", 10000, 99999, None)]),
        ("several mass graves", [(None, "vague", 3, 9, "graves")]),
        ("dozens of journalists were detained", [(None, "vague", 24, 99, None)]),
        (
            "Nine civilians died and fourteen were injured",
            [(9, "exact", None, None, None), (14, "exact", None, None, None)],
        ),
    ],
)
def test_counts_with_qualifiers_ranges_and_units(
    text: str, expected: list[tuple[object, ...]]
) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The combat lasted 44 days.",
        "On 27 September 2020 at 10:40 the session opened.",
        "See resolution 2417 and paragraph 12 of the report.",
        "Tel: (212) 371-2559, Suite 3210.",
        "The 64th plenary meeting took place in 2021.",
        "Turnout rose by 12 per cent.",
    ],
)
def test_numbers_that_are_not_counts_of_anything(text: str) -> None:
    assert counts(text) == []


def counts_fr(text: str) -> list[tuple[object, ...]]:
    return [
        (c.value, c.qualifier, c.low, c.high, c.unit) for c in find_counts(text, 0, len(text), FR)
    ]


def nouns(text: str) -> list[str | None]:
    return [c.noun for c in find_counts(text, 0, len(text), EN)]


@pytest.mark.parametrize(
    ("raw", "value"),
    [("half a million", 500_000), ("one and a half million", 1_500_000), ("a thousand", 1000)],
)
def test_fractions_of_round_numbers(raw: str, value: int) -> None:
    assert parse_number(raw, lexicon(EN)) == value


def test_french_round_numbers() -> None:
    assert parse_number("un million et demi", lexicon(FR)) == 1_500_000
    assert parse_number("une centaine", lexicon(FR)) == 100


def test_a_share_is_no_number() -> None:
    assert parse_number("half", lexicon(EN)) is None
    assert counts("Half of the villages near Kadugli were burned.") == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("The M23 fighters entered Bunagana.", 23),  # a name, not 23 of anything
        ("Ministers of the G7 countries met.", 7),
        ("A 17-year-old boy was shot in Mariupol.", 17),  # an age
        ("A girl aged 12 was abducted near Maiduguri.", 12),
        ("Donors pledged $5 million for the displaced people of Tigray.", 5_000_000),  # a sum
        ("In 2022 civilians continued to flee Kherson.", 2022),  # a year
        ("Several people were killed in 2019 near Kidal.", 2019),
        ("COVID-19 deaths rose in the camps of Cox's Bazar.", 19),
        ("The report names 22 Myanmar army officials responsible for the airstrikes.", 22),
    ],
)
def test_numbers_in_names_ages_sums_and_years_are_no_counts(text: str, number: int) -> None:
    assert number not in [c[0] for c in counts(text)]


def test_a_number_beside_a_harm_verb_counts_people_without_a_noun() -> None:
    assert counts("Al-Shabaab gunmen abducted at least 2,000 in Lower Shabelle.") == [
        (2000, "at_least", None, None, None)
    ]
    assert counts("More than 100 died when the market in Hodeidah was shelled.") == [
        (100, "more_than", None, None, None)
    ]
    assert counts("The militia killed thousands in West Darfur.") == [
        (None, "vague", 1000, 9999, None)
    ]
    assert counts("Hundreds fled into the forest near Beni.") == [(None, "vague", 100, 999, None)]
    assert counts("The army executed several dozen civilians in Wollega.") == [
        (None, "vague", 36, 108, None)
    ]
    assert counts("The death toll rose to 300 in Aleppo.") == [(300, "exact", None, None, None)]
    # with no verb acting on it, a bare number stays no count
    assert counts("Thousands gathered in Yangon on 2 March.") == []


def test_a_bare_sub_count_is_part_of_its_total() -> None:
    found = counts("At least 57 people were killed, including 20 in Kramatorsk.")
    assert found == [(57, "at_least", None, None, None), (20, "exact", None, None, None)]


def test_counted_fighters_are_victims_only_when_acted_upon() -> None:
    # the perpetrators counted: no victims' count
    assert counts("Some 300 fighters attacked the village of Tawila, killing 19 civilians.") == [
        (19, "exact", None, None, None)
    ]
    assert counts("About 150 militants stormed the prison in Gwoza.") == []
    # the fighters as victims
    assert counts("The army said it killed 203 fighters near Mopti.") == [
        (203, "exact", None, None, None)
    ]
    assert counts("Twelve soldiers were wounded by a mine near Donetsk.")[0][0] == 12


def test_a_groups_name_counts_people_unless_it_qualifies_another_noun() -> None:
    assert nouns("Shelling killed 41 Armenians and 9 Syrians were wounded.") == [
        "Armenians",
        "Syrians",
    ]
    assert nouns("The strikes killed 700,000 Rohingya.") == ["Rohingya"]
    assert nouns("The army detained 14 Kachin students.") == ["students"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Près de 1,5 million de personnes ont été déplacées.",
            [(1_500_000, "almost", None, None, None)],
        ),
        (
            "Plus de 2 000 maisons ont été détruites.",
            [(2000, "more_than", None, None, "buildings")],
        ),
        ("Environ 300 civils ont fui Kalehe.", [(300, "about", None, None, None)]),
        ("Les miliciens ont tué une dizaine de villageois.", [(10, "about", None, None, None)]),
        ("ont enlevé plus d'une centaine de personnes", [(100, "more_than", None, None, None)]),
        (
            "Des dizaines de milliers de personnes ont fui Goma.",
            [(None, "vague", 10000, 99999, None)],
        ),
        (
            "Il dénonce les massacres de dizaines de civils à Wad Madani.",
            [(None, "vague", 24, 99, None)],
        ),
        ("L'attaque a fait des centaines de blessés.", [(None, "vague", 100, 999, None)]),
        ("Les rebelles ont tué des milliers à Kananga.", [(None, "vague", 1000, 9999, None)]),
        ("Au moins 40 sont morts à Djibo.", [(40, "at_least", None, None, None)]),
    ],
)
def test_french_counts(text: str, expected: list[tuple[object, ...]]) -> None:
    assert counts_fr(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Une fillette âgée de 12 ans a témoigné à Kananga.",
        "Le M23 contrôle Bunagana.",
        "Plus de 200 combattants ont attaqué Djibo.",
        "Les donateurs ont promis 5 millions de dollars.",
        "Une protection particulière des civils est due.",
    ],
)
def test_french_numbers_that_are_not_victims_counts(text: str) -> None:
    assert counts_fr(text) == []


def _claims(text: str, language: str = "en") -> list[Claim]:
    return extract(text, {"date": "2024-03-01"}, language=language)


def test_coordinated_counts_of_different_groups_are_separate_claims() -> None:
    found = _claims("The shelling killed 41 Georgians and 9 Syrians were killed in Aleppo.")
    got = sorted((c.count.value, c.victim_group) for c in found if c.event == "killing" and c.count)
    assert got == [(9, "Syrian"), (41, "Georgian")]


def test_a_part_in_the_same_clause_is_an_include_not_another_claim() -> None:
    found = [c for c in _claims("Troops killed 40 villagers including 11 women in Tula.")]
    assert [(c.event, c.count.value if c.count else None) for c in found] == [("killing", 40)]
    assert [(s.count.value, s.victims) for s in found[0].includes] == [(11, "women")]
    fr = _claims("L'armée a exécuté au moins 223 civils dont au moins 56 enfants à Nodin.", "fr")
    assert [(c.count.value, c.count.qualifier) for c in fr if c.count] == [(223, "at_least")]
    assert [s.count.value for s in fr[0].includes] == [56]


def test_deaths_among_casualties_are_also_a_killing() -> None:
    found = _claims("The clashes in Malakal left 700 casualties, including 129 deaths.")
    by_event = {c.event: c for c in found}
    casualties = by_event["attack_on_civilians"].count
    assert casualties is not None and casualties.value == 700
    killed = by_event["killing"].count
    assert killed is not None and (killed.value, killed.qualifier) == (129, "exact")


def test_a_bare_sub_count_counts_what_its_claim_counts() -> None:
    found = _claims("Shelling destroyed 31 schools in Donetsk, including 12 in Avdiivka.")
    values = {(c.count.value, c.count.unit) for c in found if c.count and c.count.value}
    assert (31, "buildings") in values
    assert all(unit == "buildings" for _, unit in values)


def test_counts_of_incidents_and_villages() -> None:
    found = _claims("The UN verified 842 cases of recruitment of children in Yemen in 2017.")
    count = next(c for c in found if c.event == "recruitment_of_children").count
    assert count is not None and (count.value, count.unit) == (842, "incidents")
    found = _claims("Gunmen attacked three villages in Kaduna state on 4 May.")
    count = next(c for c in found if c.event == "attack_on_civilians").count
    assert count is not None and (count.value, count.unit) == (3, "settlements")
    # the victims counted, not the incidents they died in
    found = _claims("Twelve people were killed in 3 attacks on Bama on 2 June.")
    assert [(c.count.value, c.count.unit) for c in found if c.count] == [(12, None)]


def test_perpetrators_counted_are_not_the_victims() -> None:
    found = _claims("Some 300 fighters stormed the village of Tawila, killing 19 civilians.")
    assert [c.count.value for c in found if c.count and c.count.value] == [19]


def test_one_person_harmed_named_with_an_article_counts_one() -> None:
    one = [(1, "exact", None, None, None)]
    assert counts("An aid worker from the Red Cross was killed near Kismayo on 2 May.") == one
    assert counts("Gunmen shot dead a journalist in Mogadishu.") == one
    assert counts("A 17-year-old girl was abducted in Zamfara.") == one
    assert counts_fr("Une fillette âgée de 12 ans a été enlevée à Kananga.") == one
    # named, but nothing was done to that person
    assert counts("A woman told reporters that the market in Bor had burned.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Half a million people fled Rakhine.", [(500_000, "exact", None, None, None)]),
        ("Many hundreds of Yazidis were abducted.", [(None, "vague", 100, 999, None)]),
        (
            "Investigators found the remains of at least 87 people near Izium.",
            [(87, "at_least", None, None, None)],
        ),
        (
            "Over one and a half million were displaced.",
            [(1_500_000, "more_than", None, None, None)],
        ),
    ],
)
def test_spelled_out_and_vague_counts(text: str, expected: list[tuple[object, ...]]) -> None:
    assert counts(text) == expected


def test_people_in_need_of_aid_are_no_victims_count() -> None:
    found = counts("Over 300,000 people were displaced and 712,000 people are in need of aid.")
    assert found == [(300_000, "more_than", None, None, None)]
    assert counts("Some 2 million people require food assistance in Tigray.") == []
    assert counts_fr("Plus de 3 000 personnes ont besoin d'aide à Goma.") == []
