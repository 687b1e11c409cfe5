"""The shortcuts that keep extraction fast find exactly what the plain way finds."""

from __future__ import annotations

import re

import pytest

from tocsin import countries
from tocsin.extract import places, quantities
from tocsin.extract.when import month_alternation
from tocsin.lang import load

EN = load("en")
FR = load("fr")

SENTENCES = [
    "Between 12 and 15 January 2017, 230 civilians were killed in Idlib, Syria.",
    "Some 3,000 Rohingya fled Rakhine State; the village of Tula Toli was burned in Aug. 2017.",
    "In mid-March, hundreds of Houthi fighters attacked the town of Marib, YEMEN, killing 41.",
    "Dozens of Tigrayan students were abducted near Mekelle, Ethiopia, on Sept 3.",
    "Le 14 février 2022, des dizaines de civils ont été tués à Kharkiv (Ukraine).",
    "The Sri Lanka-based group said 1,200 Tamils disappeared; U.N. Secretary-General spoke.",
    "ﬁve \u212aelvin-sized ſigns, KM: 2Syria, -Bosnia, _Colombia and Ⅻ Sudan; ÉTHIOPIE and Türkiye.",
]


def _old_starts(text: str) -> list[tuple[int, int]]:
    """Where countries.find tried names before: every run of letters, tested in Python."""
    out = []
    for m in re.finditer(r"[^\W\d_]+", text):
        start = m.start()
        if not m.group(0)[0].isupper():
            continue
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
            continue
        out.append((start, m.end()))
    return out


@pytest.mark.parametrize("text", SENTENCES)
def test_country_scan_tries_the_words_it_tried_before(text: str) -> None:
    new = [
        (m.start(), m.end())
        for m in countries._CAPITALISED.finditer(text)
        if m.group(0)[0].isupper()
    ]
    assert new == _old_starts(text)


def test_a_long_text_is_scanned_once_and_answers_the_same() -> None:
    text = " ".join(SENTENCES * 40)
    first = countries.find(text)
    assert first == countries.find(text) == countries._find(text, "en", None)
    assert {m.code for m in first} >= {"SYR", "ETH", "UKR", "COL", "SDN"}
    assert "BIH" not in {m.code for m in first}  # "-Bosnia": a part of a longer word
    first.clear()  # a caller's list is its own
    assert countries.find(text)


@pytest.mark.parametrize(
    "words",
    [
        ["killed", "Kurds", "kidnapped", "houses", "hundreds", "k", "h", "displaced persons"],
        ["a", "ab", "abc", "b", "ba"],
        ["Yazidi", "yazidi"],  # letters told apart only by case: left plain
        ["élèves", "enfants", "écoles"],  # a non-ASCII first letter: left plain
    ],
)
def test_grouped_alternation_matches_as_the_plain_one(words: list[str]) -> None:
    plain = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    for template in (r"\b(?:{})\b", r"(?:{})s?(?:\s+of)?", r"\b(?P<n>{})(?=\W)"):
        a = re.compile(template.format(plain), re.IGNORECASE)
        b = re.compile(template.format(quantities._alternation(words)), re.IGNORECASE)
        for text in [*SENTENCES, " ".join(words), " ".join(w.upper() for w in words) + " abab"]:
            assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]


@pytest.mark.parametrize("pack", [EN, FR])
def test_grouped_months_match_as_the_plain_alternation(pack: object) -> None:
    months = sorted(pack.section("dates")["months"], key=len, reverse=True)
    plain = re.compile(rf"\b(?:{'|'.join(months)})\.?\s+\d+", re.IGNORECASE)
    grouped = re.compile(rf"\b(?:{month_alternation(months)})\.?\s+\d+", re.IGNORECASE)
    for text in SENTENCES:
        assert [m.span() for m in plain.finditer(text)] == [
            m.span() for m in grouped.finditer(text)
        ]
    assert month_alternation(["jan.x", "(b)"]) == "jan.x|(b)"  # not plain letters: as given


@pytest.mark.parametrize("pack", [EN, FR])
def test_unit_nouns_checked_by_their_first_letters_match_as_before(pack: object) -> None:
    lex = quantities.lexicon(pack)
    for text in [*SENTENCES, " ".join(lex.units), " ".join(lex.units).upper()]:
        for pos in range(len(text)):
            expected = lex.unit_nouns.match(text, pos)
            found = quantities._unit_noun(text, pos, lex)
            assert (found and found.span()) == (expected and expected.span())


def test_site_cues_read_from_the_document_scan_are_those_of_the_sentence() -> None:
    text = (
        "Fighting spread. Residents of the village of Tula Toli fled. "
        "The Tula Toli massacre followed, and the town of Marib was shelled."
    )
    rules = places._rules(EN)
    sites, cues = places._document_cues(text, EN)
    assert sites == {"Tula Toli", "Marib"}
    for (s, e), cue in cues.items():
        assert cue == places._site_cue(text, s, e, max(0, s - 40), rules)


def _opens_on_a_word(items: list[tuple[object, object]]) -> bool:
    """Whether every match of a parsed pattern begins with a word character (conservative:
    False where unsure)."""
    from re import _constants as c

    for i, (op, av) in enumerate(items):
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width: the next item opens the match
        if op is c.LITERAL:
            return bool(re.match(r"\w", chr(av)))
        if op is c.IN:
            return all(
                (o is c.LITERAL and re.match(r"\w", chr(a)))
                or (o is c.RANGE and all(re.match(r"\w", chr(x)) for x in range(a[0], a[1] + 1)))
                for o, a in av
            )
        if op is c.SUBPATTERN:
            return _opens_on_a_word(list(av[3]))
        if op is c.BRANCH:
            return all(_opens_on_a_word(list(b)) for b in av[1])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            low, _, sub = av
            if low >= 1:
                return _opens_on_a_word(list(sub))
            return _opens_on_a_word(list(sub)) and _opens_on_a_word(items[i + 1 :])
        return False
    return False


@pytest.mark.parametrize("pack", [EN, FR])
def test_every_generic_force_opens_on_a_word(pack: object) -> None:
    """The test for any generic force at all (`_armed().any_generic`) looks only where a word
    begins: no generic may begin otherwise."""
    from re import _parser

    data = pack.section("armed_groups")
    patterns = [
        *data.get("state_generic", {}).values(),
        *data.get("non_state_generic", {}).values(),
    ]
    assert patterns
    for p in patterns:
        assert _opens_on_a_word(list(_parser.parse(p, re.IGNORECASE))), p
    assert not _opens_on_a_word(list(_parser.parse(r"(?:\(|a)b", 0)))
    assert not _opens_on_a_word(list(_parser.parse(r"(?:x\s+)?-y", 0)))
