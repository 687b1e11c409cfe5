"""Counts as sources state them: "57", "4,000", "84 000", "1.2 million", "twelve", with their
qualifier ("more than", "almost", "some"), ranges ("between 10,000 and 12,000"), vague
quantities ("hundreds of" → 100–999) and what is counted (people, buildings, settlements...).

Pure functions over text and a language pack; all words come from the pack's [numbers],
[quantities] and [units] sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tocsin.lang import LangPack
from tocsin.types import Count

PRODUCER = "extract.quantities@1"
_WORD = re.compile(r"[\w’'-]+|[%]")


@dataclass(frozen=True)
class Lexicon:
    number: re.Pattern[str]  # one number: digits (with separators, multiplier) or number words
    qualifier: re.Pattern[str]  # a qualifier ending just before a number
    qualifiers: dict[str, str]
    vague: re.Pattern[str]
    vague_ranges: dict[str, tuple[int, int]]
    range: re.Pattern[str]
    units: dict[str, str]  # noun (lower) → unit ("people", "buildings"...)
    unit_nouns: re.Pattern[str]
    not_counted: frozenset[str]
    words: dict[str, int]
    multipliers: dict[str, int]
    blockers: re.Pattern[str]  # words before a number that make it no count (dates, symbols...)
    not_after: re.Pattern[str]  # what after a number makes it no count (ordinals, %...)
    joiners: frozenset[str]  # "two hundred and five"
    group_separators: str
    decimal_point: str
    outcome_before: re.Pattern[str]  # "injured 40": a bare number after an outcome counts people


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def lexicon(pack: LangPack) -> Lexicon:
    nums = pack.section("numbers")
    qty = pack.section("quantities")
    words: dict[str, int] = dict(nums["units"])
    multipliers: dict[str, int] = dict(nums["multipliers"])
    word_alt = _alternation([w for w in words if len(w) > 1] + list(multipliers))
    mult_alt = _alternation(list(multipliers))
    # Digits as the language writes them: "4,000.5" in English, "4 000,5" in French.
    groups = "".join(re.escape(g) for g in nums["group_separators"])
    point = re.escape(nums["decimal_point"])
    digits = rf"\d{{1,3}}(?:[{groups}]\d{{3}})+(?:{point}\d+)?|\d+(?:{point}\d+)?"
    joiners = "|".join(re.escape(j) for j in nums.get("joiners", []))
    joined = rf"(?:(?:{joiners})\s+)?" if joiners else ""
    number = rf"(?:(?:{digits})(?:\s+(?:{mult_alt})\b)?|\b(?:{word_alt})(?:[\s-]+{joined}(?:{word_alt}))*\b)"
    quals = {q.lower(): kind for q, kind in qty["qualifiers"]}
    vague = {v[0].lower(): (int(v[1]), int(v[2])) for v in qty["vague"]}
    units: dict[str, str] = {}
    for unit, nouns in pack.section("units").items():
        if unit == "not_counted":
            continue
        for noun in nouns:
            units.setdefault(noun.lower(), unit)
    # "200,000 Azerbaijanis", "700,000 Rohingya": a group's name counts people
    for name in (
        *pack.section("actors").get("demonyms", {}),
        *pack.section("groups").get("names", []),
    ):
        units.setdefault(name.lower(), "people")
    months = "|".join(sorted(pack.section("dates")["months"], key=len, reverse=True))
    blockers = re.compile(rf"{qty['not_count_before']}|\b(?:{months})\s*$", re.IGNORECASE)
    return Lexicon(
        number=re.compile(number, re.IGNORECASE),
        qualifier=re.compile(rf"\b({_alternation(list(quals))})\s*$", re.IGNORECASE),
        qualifiers=quals,
        vague=re.compile(rf"\b(?:{_alternation(list(vague))})(?=\s)", re.IGNORECASE),
        vague_ranges=vague,
        range=re.compile(qty["range"].replace("{n}", number), re.IGNORECASE),
        units=units,
        unit_nouns=re.compile(rf"\b(?:{_alternation(list(units))})\b", re.IGNORECASE),
        not_counted=frozenset(w.lower() for w in pack.section("units").get("not_counted", [])),
        words={k.lower(): v for k, v in words.items()},
        multipliers={k.lower(): v for k, v in multipliers.items()},
        blockers=blockers,
        not_after=re.compile(qty["not_count_after"], re.IGNORECASE),
        joiners=frozenset(nums.get("joiners", [])),
        group_separators="".join(nums["group_separators"]),
        decimal_point=nums["decimal_point"],
        outcome_before=re.compile(
            "(?:"
            + "|".join(v for k, v in pack.section("outcomes").items() if k != "either")
            + r")\s+$",
            re.IGNORECASE,
        ),
    )


def parse_number(raw: str, lex: Lexicon) -> int | None:
    """ "4,000" → 4000, "84 000" → 84000, "1.2 million" → 1200000, "two hundred" → 200."""
    text = raw.strip().lower()
    separators = re.escape(lex.group_separators + lex.decimal_point)
    m = re.match(rf"^([\d{separators}]+?)\s*([^\W\d_]+)?$", text)
    if m and any(ch.isdigit() for ch in m.group(1)):
        groups = re.escape(lex.group_separators)
        digits = re.sub(rf"[{groups}](?=\d{{3}}\b)", "", m.group(1).strip())
        try:
            value = float(digits.replace(lex.decimal_point, "."))
        except ValueError:
            return None
        if m.group(2):
            if m.group(2) not in lex.multipliers:
                return None
            value *= lex.multipliers[m.group(2)]
        return round(value)
    total, current = 0, 0
    seen = False
    for word in re.split(r"[\s-]+", text):
        if word in lex.joiners:
            continue
        if word in lex.multipliers:
            current = max(current, 1) * lex.multipliers[word]
            if lex.multipliers[word] >= 1000:
                total, current = total + current, 0
        elif word in lex.words:
            current += lex.words[word]
        else:
            return None
        seen = True
    return total + current if seen else None


def _unit_after(text: str, pos: int, end: int, lex: Lexicon) -> tuple[str | None, str | None, bool]:
    """(unit, noun, countable) for the words after a number: skip up to three modifiers
    ("101 Azerbaijani civilians", "5,000 private houses"); "days" or "km" make it no count."""
    window = text[pos:end]
    tokens = list(_WORD.finditer(window))[:5]
    for i, tok in enumerate(tokens):
        word = tok.group(0).lower()
        if word in lex.not_counted or (i == 0 and word in ("th", "st", "nd", "rd")):
            return None, None, False
        noun = lex.unit_nouns.match(window, tok.start())
        if noun:
            return lex.units[noun.group(0).lower()], noun.group(0), True
        if i >= 3:
            break
    return None, None, False


def _blocked(text: str, start: int, end: int, lex: Lexicon) -> bool:
    before = text[max(0, start - 12) : start]
    after = text[end : end + 12]
    if lex.blockers.search(before):
        return True
    return bool(lex.not_after.match(after))


def find_counts(text: str, start: int, end: int, pack: LangPack) -> list[Count]:
    """Every count of something in text[start:end], in order."""
    lex = lexicon(pack)
    found: list[Count] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in lex.range.finditer(text, start, end):
        a = next(g for g in (m.group("a"), m.group("c"), m.group("e")) if g)
        b = next(g for g in (m.group("b"), m.group("d"), m.group("f")) if g)
        low, high = parse_number(a, lex), parse_number(b, lex)
        if low is None or high is None or low >= high or _blocked(text, m.start(), m.end(), lex):
            continue
        unit, noun, ok = _unit_after(text, m.end(), end, lex)
        if not ok:
            continue
        found.append(Count(None, "between", low, high, _unit(unit), m.start(), m.end(), noun))
        taken.append((m.start(), m.end()))
    for m in lex.vague.finditer(text, start, end):
        if not free(m.start(), m.end()):
            continue
        unit, noun, ok = _unit_after(text, m.end(), end, lex)
        if not ok:
            continue
        low, high = lex.vague_ranges[m.group(0).lower()]
        found.append(Count(None, "vague", low, high, _unit(unit), m.start(), m.end(), noun))
        taken.append((m.start(), m.end()))
    for m in lex.number.finditer(text, start, end):
        if not free(m.start(), m.end()) or _blocked(text, m.start(), m.end(), lex):
            continue
        raw = m.group(0)
        if raw.lower() in ("a", "an", "one"):
            continue  # "a child" is an individual, not a count worth reporting
        value = parse_number(raw, lex)
        if value is None:
            continue
        unit, noun, ok = _unit_after(text, m.end(), end, lex)
        if not ok and lex.outcome_before.search(text, max(start, m.start() - 20), m.start()):
            unit, noun, ok = "people", None, True
        if not ok:
            continue
        q_start = m.start()
        qualifier = "exact"
        q = lex.qualifier.search(text, max(start, m.start() - 30), m.start())
        if q:
            qualifier = lex.qualifiers[q.group(1).lower()]
            q_start = q.start(1)
        found.append(Count(value, qualifier, None, None, _unit(unit), q_start, m.end(), noun))  # type: ignore[arg-type]
        taken.append((m.start(), m.end()))
    found.sort(key=lambda c: c.start or 0)
    return found


def _unit(unit: str | None) -> str | None:
    return None if unit in (None, "people") else unit
