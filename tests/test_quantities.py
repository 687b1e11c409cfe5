from __future__ import annotations

import pytest

from tocsin.extract.quantities import find_counts, lexicon, parse_number
from tocsin.lang import load

EN = load("en")


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
