"""Counts as sources state them: "57", "4,000", "84 000", "1.2 million", "twelve", with their
qualifier ("more than", "almost", "some"), ranges ("between 10,000 and 12,000"), vague
quantities ("hundreds of" → 100–999) and what is counted (people, buildings, settlements...).

A number counts something when a counted noun follows it, or, bare, when it is what a harm
verb acts on ("killed 40", "thousands fled") or a sub-count ("including 132 in Kharkiv").
Numbers inside names ("M23", "G9"), ages, sums of money and references are no counts; a
count of fighters is the victims' only when something was done to them ("killed 203
fighters", "15 soldiers were wounded"), not when they act ("200 fighters attacked").

Pure functions over text and a language pack; all words come from the pack's [numbers],
[quantities] and [units] sections.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import islice

from tocsin.extract.when import month_alternation
from tocsin.lang import NEVER, LangPack, script
from tocsin.types import Count

PRODUCER = "extract.quantities@2"
_WORD = re.compile(r"[\w’'-]+|[%]")
_AHEAD = 120  # characters after a number that can say what it counts


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
    harm_before: re.Pattern[str]  # "abducted 2,000", "executes dozens": a bare count of people
    harm_after: re.Pattern[str]  # "thousands fled", "more than 100 died"
    sub_before: re.Pattern[str]  # "including 132 in Kharkiv": a part of the total before it
    articles: frozenset[str]  # "a child": an individual, not a count worth reporting
    fractions: dict[str, float]  # "half a million"
    approximate: frozenset[str]  # "une dizaine": a round number that is an estimate
    groups: frozenset[str]  # demonyms and group names: "700 Rohingya", "22 Myanmar officials"
    plural: str  # "Palestinians": a group's name in the plural
    combatants: frozenset[str]  # "fighters": victims only when acted upon
    acted_upon: re.Pattern[str]  # "...were killed" after the fighters counted
    participles: frozenset[str]  # "40 wounded": people only right after the number
    phrase_end: frozenset[str]  # words that end the phrase of the number: "to", "in"...
    year_before: re.Pattern[str]  # "in 2022", "since 2019": a year, whatever follows it
    in_need: re.Pattern[str] | None  # "712,000 people in need of assistance": no victims
    individual: re.Pattern[str] | None  # "an aid worker", "a 22-year-old woman": one person
    individual_harmed: re.Pattern[str]  # "...was killed" after the one person named
    # how the unit nouns begin (two letters; one-letter nouns apart), to skip the pattern of
    # hundreds of nouns where none can match; None where a noun begins with non-ASCII
    unit_heads: tuple[frozenset[str], frozenset[str]] | None = None
    # qualifiers written after the number ("300多人": more than 300), in packs that have them
    after_number: tuple[tuple[str, str], ...] = ()
    glued: bool = False  # number words written together ("两千", "1万2500"): read one by one
    classifiers: frozenset[str] = frozenset()  # "300 名 儿童": between a number and its noun
    # qualifiers written after the number and its noun ("30 شخصا على الأقل": at least 30)
    after_noun: re.Pattern[str] | None = None
    after_noun_kinds: dict[str, str] | None = None


def _alternation(words: list[str]) -> str:
    """The words as one alternation, longest first, grouped by first letter ("t(?:housand|
    hree|wo)|..."): the same matches (only one group can match a letter, and each keeps its
    words' order) for far fewer branches tried at every position. Words that do not begin
    with a letter `script.groupable` accepts, or letters told apart only by case, leave it a
    plain alternation."""
    ordered = sorted(words, key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    for w in ordered:
        groups.setdefault(w[:1], []).append(re.escape(w[1:]))
    firsts = [f.lower() for f in groups]
    if not all(script.groupable(f) for f in firsts) or len(set(firsts)) < len(firsts):
        return "|".join(re.escape(w) for w in ordered)
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


def _any(words: list[str]) -> str:
    """`_alternation`, or a pattern that never matches for a pack without such words."""
    return _alternation(words) or NEVER


@cache
def lexicon(pack: LangPack) -> Lexicon:
    nums = pack.section("numbers")
    qty = pack.section("quantities")
    words: dict[str, int] = dict(nums.get("units", {}))
    multipliers: dict[str, int] = dict(nums.get("multipliers", {}))
    fractions: dict[str, float] = dict(nums.get("fractions", {}))
    # one-letter number words only outside ASCII ("三", not "a")
    word_alt = _any(
        [w for w in words if len(w) > 1 or not w.isascii()] + list(multipliers) + list(fractions)
    )
    mult_alt = _any(list(multipliers))
    # Digits as the language writes them: "4,000.5" in English, "4 000,5" in French.
    groups = "".join(re.escape(g) for g in nums.get("group_separators", [","]))
    point = re.escape(nums.get("decimal_point", "."))
    # Not inside a name or a code: "M23", "G9", "COVID-19", "3A".
    glued = r"(?<![^\W_])(?<![^\W\d_]-)"
    # a one-letter clitic written onto a numeral is no name ("و15", "ل3" in Arabic)
    onto = "".join(re.escape(c) for c in script.of(pack).clitics if len(c) == 1)
    if onto:
        glued = rf"(?:(?<![^\W_])|(?<=\b[{onto}]))(?<![^\W\d_]-)"
    digits = (
        rf"{glued}(?:\d{{1,3}}(?:[{groups}]\d{{3}})+(?:{point}\d+)?|\d+(?:{point}\d+)?)(?![^\W_])"
    )
    # "two hundred and five", "half a million", "one and a half million"
    joiners = "|".join(re.escape(j) for j in [*nums.get("joiners", []), *nums.get("articles", [])])
    joined = rf"(?:(?:{joiners})\s+){{0,2}}" if joiners else ""
    articles = _any(nums.get("articles", []))
    # "more than a million": the article is the number's
    article = rf"(?:(?:{articles})\s+(?=(?:{mult_alt})\b))?" if articles else ""
    number = rf"(?:(?:{digits})(?:\s+(?:{mult_alt})\b)?|\b{article}(?:{word_alt})(?:[\s-]+{joined}(?:{word_alt}))*\b)"
    after_number = tuple((str(q), str(k)) for q, k in qty.get("after_number", []))
    # a classifier written onto the number ("三十名", "数百间"): the number ends before it
    classifier = _any(nums.get("classifiers", []))
    end = rf"(?![^\W_])|(?=(?:{classifier}))"
    if nums.get("glued"):
        # a word written onto 万 or 亿 ("30万叙平民"): the number ends there
        ones = "".join(re.escape(m) for m in multipliers if len(m) == 1)
        end += rf"|(?<=[{ones}])" if ones else ""
        # "1 万 2500", "两千", "300 多": digits, number words and qualifiers
        part = rf"(?:{digits}|(?:{word_alt})|{_any([q for q, _ in after_number])})"
        number = rf"(?:(?:{digits})|\b(?:{word_alt}))(?:\s*{part})*(?:{end})"
    quals = {q.lower(): kind for q, kind in qty.get("qualifiers", [])}
    vague = {v[0].lower(): (int(v[1]), int(v[2])) for v in qty.get("vague", [])}
    units: dict[str, str] = {}
    for unit, nouns in pack.section("units").items():
        if unit in ("not_counted", "combatants", "participles"):
            continue
        for noun in nouns:
            units.setdefault(noun.lower(), unit)
    combatants = frozenset(w.lower() for w in pack.section("units").get("combatants", []))
    participles = frozenset(w.lower() for w in pack.section("units").get("participles", []))
    for noun in combatants | participles:
        units.setdefault(noun, "people")
    # "200,000 Azerbaijanis", "700,000 Rohingya": a group's name counts people
    actors = pack.section("actors")
    plural = str(actors.get("plural_suffix", ""))
    group_names = frozenset(
        name.lower()
        for name in (*actors.get("demonyms", {}), *pack.section("groups").get("names", []))
    )
    for name in group_names:
        units.setdefault(name, "people")
        if plural:
            units.setdefault(name + plural, "people")
    months = month_alternation(
        sorted(pack.section("dates").get("months", {}), key=len, reverse=True)
    )
    months = months or NEVER
    blockers = re.compile(
        rf"{qty.get('not_count_before', NEVER)}|\b(?:{months})\s*$", re.IGNORECASE
    )
    outcomes = "|".join(v for k, v in pack.section("outcomes").items() if k != "either") or NEVER
    return Lexicon(
        number=re.compile(number, re.IGNORECASE),
        qualifier=re.compile(rf"\b({_any(list(quals))})\s*$", re.IGNORECASE),
        qualifiers=quals,
        vague=re.compile(rf"\b(?:{_any(list(vague))})(?:{end})", re.IGNORECASE),
        vague_ranges=vague,
        range=re.compile(qty.get("range", NEVER).replace("{n}", number), re.IGNORECASE),
        units=units,
        unit_nouns=re.compile(rf"\b(?:{_any(list(units))})\b", re.IGNORECASE),
        not_counted=frozenset(w.lower() for w in pack.section("units").get("not_counted", [])),
        words={k.lower(): v for k, v in words.items()},
        multipliers={k.lower(): v for k, v in multipliers.items()},
        blockers=blockers,
        not_after=re.compile(qty.get("not_count_after", NEVER), re.IGNORECASE),
        joiners=frozenset(nums.get("joiners", [])),
        group_separators="".join(nums.get("group_separators", [","])),
        decimal_point=nums.get("decimal_point", "."),
        outcome_before=re.compile(rf"(?:{outcomes})\s+$", re.IGNORECASE),
        harm_before=re.compile(
            rf"(?:{qty.get('harm_before', NEVER)})\s+[\"“‘«]?\s*$", re.IGNORECASE
        ),
        harm_after=re.compile(rf"^\s+(?:{qty.get('harm_after', NEVER)})", re.IGNORECASE),
        sub_before=re.compile(rf"(?:{qty.get('sub_count', NEVER)})$", re.IGNORECASE),
        articles=frozenset(w.lower() for w in nums.get("articles", [])),
        fractions={k.lower(): float(v) for k, v in fractions.items()},
        approximate=frozenset(w.lower() for w in qty.get("approximate", [])),
        groups=group_names,
        plural=plural,
        combatants=combatants,
        participles=participles,
        phrase_end=frozenset(w.lower() for w in qty.get("phrase_end", [])),
        acted_upon=re.compile(
            rf"^[^.;:,]{{0,40}}?(?:{qty.get('acted_upon', NEVER)})", re.IGNORECASE
        ),
        year_before=re.compile(rf"(?:{qty.get('year_before', NEVER)})\s*$", re.IGNORECASE),
        in_need=re.compile(
            rf"^\s+(?:[\w’'-]+\s+){{0,3}}?(?:{qty.get('in_need', NEVER)})", re.IGNORECASE
        )
        if qty.get("in_need")
        else None,
        individual=_individual(nums.get("articles", []), pack.section("units")),
        individual_harmed=re.compile(
            rf"^[^.;:,]{{0,80}}?(?:{qty.get('individual_harmed', NEVER)})", re.IGNORECASE
        ),
        unit_heads=_heads(list(units)),
        after_number=after_number,
        after_noun=re.compile(
            rf"\s*(?:[^\W\d_]+\s+){{0,2}}?({_any([q for q, _ in qty['after_noun']])})(?!\w)",
            re.IGNORECASE,
        )
        if qty.get("after_noun")
        else None,
        after_noun_kinds={str(q).lower(): str(k) for q, k in qty.get("after_noun", [])},
        glued=bool(nums.get("glued")),
        classifiers=frozenset(w.lower() for w in nums.get("classifiers", [])),
    )


def _heads(words: list[str]) -> tuple[frozenset[str], frozenset[str]] | None:
    """The first two letters of the words that begin in ASCII (lower case), and those of one
    letter: ASCII text can only match these, and for them ignoring case is comparing lower
    case. None where a non-ASCII letter could match an ASCII one ("ſ", the Kelvin sign)."""
    for w in words:
        for ch in w[:2]:
            variants = ch.lower() + ch.upper() + ch.casefold()
            if not ch.isascii() and any(v.isascii() for v in variants):
                return None
    ascii_words = [w for w in words if w[:2].isascii()]
    return (
        frozenset(w[:2].lower() for w in ascii_words if len(w) >= 2),
        frozenset(w.lower() for w in ascii_words if len(w) == 1),
    )


def _unit_noun(window: str, pos: int, lex: Lexicon) -> re.Match[str] | None:
    """`lex.unit_nouns` matched at `pos`, after a check of its first letters."""
    head = window[pos : pos + 2]
    if lex.unit_heads is not None and head.isascii():
        pairs, singles = lex.unit_heads
        if head.lower() not in pairs and head[:1].lower() not in singles:
            return None  # no noun begins so: the pattern cannot match here
    return lex.unit_nouns.match(window, pos)


def _individual(articles: list[str], units: dict[str, list[str]]) -> re.Pattern[str] | None:
    """An article, up to three modifiers and a noun naming one person: "an IOM staff member",
    "a 22-year-old woman", "a third person"."""
    nouns = units.get("individuals", [])
    if not articles or not nouns:
        return None
    return re.compile(
        rf"\b(?:{_alternation(articles)})\s+(?:[\w’'-]+\s+){{0,3}}?"
        rf"(?P<noun>{_alternation(nouns)})\b",
        re.IGNORECASE,
    )


@cache
def _numeral_patterns(
    group_separators: str, decimal_point: str
) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A numeral with its multiplier word, and a group separator; compiled once per pack."""
    separators = re.escape(group_separators + decimal_point)
    groups = re.escape(group_separators)
    return (
        re.compile(rf"^([\d{separators}]+?)\s*([^\W\d_]+)?$"),
        re.compile(rf"[{groups}](?=\d{{3}}\b)"),
    )


def parse_number(raw: str, lex: Lexicon) -> int | None:
    """ "4,000" → 4000, "84 000" → 84000, "1.2 million" → 1200000, "two hundred" → 200."""
    text = raw.strip().lower()
    if lex.glued:
        return _parse_glued(text, lex)
    numeral, grouping = _numeral_patterns(lex.group_separators, lex.decimal_point)
    m = numeral.match(text)
    if m and any(ch.isdigit() for ch in m.group(1)):
        digits = grouping.sub("", m.group(1).strip())
        try:
            value = float(digits.replace(lex.decimal_point, "."))
        except ValueError:
            return None
        if m.group(2):
            if m.group(2) not in lex.multipliers:
                return None
            value *= lex.multipliers[m.group(2)]
        return round(value)
    return _parse_words(text, lex)


_SPACES = re.compile(r"[\s-]+")
_GLUED = re.compile(r"\d+(?:\.\d+)?|\S")


def _parse_glued(text: str, lex: Lexicon) -> int | None:
    """Number words written together, digit by digit: "二十五" → 25, "两千" → 2000,
    "1 万 2500" → 12500, "2.5 万" → 25000; a qualifier after the number is skipped."""
    total = section = 0.0
    digit: float | None = None
    skip = {q for q, _ in lex.after_number}
    for sep in " " + lex.group_separators:
        text = text.replace(sep, "")
    for tok in _GLUED.findall(text):
        if tok[0].isdigit():
            digit = float(tok)
        elif tok in lex.multipliers:
            mult = lex.multipliers[tok]
            if mult >= 10000:  # 万, 亿: what comes before is counted in them
                section += digit if digit is not None else (0 if section else 1)
                total, section = total + section * mult, 0.0
            else:
                section += (digit if digit is not None else 1) * mult
            digit = None
        elif tok in lex.words:
            digit = float(lex.words[tok])
        elif tok not in skip:
            return None
    value = total + section + (digit or 0)
    return round(value) if value and value == int(value) else None


def _parse_words(text: str, lex: Lexicon) -> int | None:
    """ "two hundred and five" → 205, "half a million" → 500000, "une dizaine" → 10."""
    words = [w for w in _SPACES.split(text) if w not in lex.joiners]
    # the article of a fraction is no number: "half a million", "one and a half thousand"
    words = [
        w
        for i, w in enumerate(words)
        if not (
            w in lex.articles
            and any(n in lex.fractions for n in words[max(0, i - 1) : i + 2] if n != w)
        )
    ]
    total, current = 0.0, 0.0
    if not words or all(w in lex.fractions for w in words):
        return None  # "half of the villages" is a share, not a count
    last = 0  # the multiplier just applied: "un million et demi" is half of a million more
    for word in words:
        if word in lex.multipliers:
            current = (current or 1) * lex.multipliers[word]
            last = lex.multipliers[word]
            if last >= 1000:
                total, current = total + current, 0
        elif word in lex.fractions:
            current += lex.fractions[word] * (last if current == 0 and total else 1)
        elif word in lex.words:
            current += lex.words[word]
        else:
            return None
    value = total + current
    return round(value) if value == int(value) else None


def _unit_after(text: str, pos: int, end: int, lex: Lexicon) -> tuple[str | None, str | None, bool]:
    """(unit, noun, countable) for the words after a number: skip up to three modifiers
    ("101 Azerbaijani civilians", "5,000 private houses"); "days" or "km" make it no count.
    A group's name may be a modifier of the noun counted ("22 Myanmar army officers"), so
    it counts people only right after the number and when no other noun follows it."""
    window = text[pos : min(end, pos + _AHEAD)]
    tokens = list(islice(_WORD.finditer(window), 5))
    # a classifier stands between the number and its noun ("300 名 儿童"); with no noun after
    # it, it is what is counted ("300 名")
    nouns = [t for t in tokens if t.group(0).lower() not in lex.classifiers]
    if lex.classifiers and len(nouns) < len(tokens):
        found = _unit_in(nouns, window, lex)
        if found[2]:
            return found
    return _unit_in(tokens, window, lex)


def _unit_in(
    tokens: list[re.Match[str]], window: str, lex: Lexicon
) -> tuple[str | None, str | None, bool]:
    group: tuple[str, str] | None = None
    for i, tok in enumerate(tokens):
        word = tok.group(0).lower()
        if word in lex.not_counted:
            return None, None, False
        if word in lex.phrase_end:
            break  # "thousands to flee their homes": the homes are not what is counted
        noun = _unit_noun(window, tok.start(), lex)
        if noun and i > 0 and noun.group(0).lower() in lex.participles:
            continue  # "15 Israelis were killed": the verb, not the noun counted
        if noun and _is_group(noun.group(0), lex):
            # right after the number only: "3 diplomates français" counts diplomats
            group = group or ((lex.units[noun.group(0).lower()], noun.group(0)) if i == 0 else None)
        elif noun:
            return lex.units[noun.group(0).lower()], noun.group(0), True
        if i >= 3:
            break
    return (group[0], group[1], True) if group else (None, None, False)


def _is_group(noun: str, lex: Lexicon) -> bool:
    word = noun.lower()
    return word in lex.groups or bool(
        lex.plural and word.endswith(lex.plural) and word[: -len(lex.plural)] in lex.groups
    )


def counted_group(count: Count, pack: LangPack) -> str | None:
    """The group a count counts, when its noun is a group's name: "630 Palestinians"."""
    lex = lexicon(pack)
    if count.noun is None or not _is_group(count.noun, lex):
        return None
    noun = count.noun
    if lex.plural and noun.lower() not in lex.groups and noun.lower().endswith(lex.plural):
        return noun[: -len(lex.plural)]
    return noun


def is_part(text: str, count: Count, pack: LangPack) -> bool:
    """Is this count a part of the one before it: "223 civilians including 56 children"?"""
    if count.start is None:
        return False
    lex = lexicon(pack)
    return bool(lex.sub_before.search(text, max(0, count.start - 30), count.start))


def _blocked(text: str, start: int, end: int, lex: Lexicon) -> bool:
    before = text[max(0, start - 12) : start]
    after = text[end : end + 12]
    if lex.blockers.search(before):
        return True
    return bool(lex.not_after.match(after))


def _bare(text: str, start: int, m_start: int, m_end: int, end: int, lex: Lexicon) -> bool:
    """A number with no noun counts people where a harm verb acts on it ("killed 40",
    "abducted at least 2,000"), where it suffers one ("more than 100 died", "thousands
    fled") or where it is a part of a total before it ("including 132 in Kharkiv")."""
    before = max(start, m_start - 40)
    if lex.harm_after.match(text[m_end : min(end, m_end + _AHEAD)]):
        return True
    q = lex.qualifier.search(text, before, m_start)
    at = q.start(1) if q else m_start
    return any(
        p.search(text, max(start, at - 30), at)
        for p in (lex.outcome_before, lex.harm_before, lex.sub_before)
    )


def _victims_count(text: str, noun: str | None, after: int, end: int, lex: Lexicon) -> bool:
    """Fighters counted are the victims' count only when acted upon: "killed 203 fighters",
    "15 soldiers were wounded"; "200 fighters attacked" counts the perpetrators."""
    if noun is None or noun.lower() not in lex.combatants:
        return True
    return bool(lex.acted_upon.match(text[after : min(end, after + _AHEAD)]))


def find_counts(text: str, start: int, end: int, pack: LangPack) -> list[Count]:
    """Every count of something in text[start:end], in order."""
    lex = lexicon(pack)
    found: list[Count] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def counted(s: int, e: int) -> tuple[str | None, str | None, bool]:
        if lex.in_need and lex.in_need.match(text[e : min(end, e + _AHEAD)]):
            return None, None, False  # those in need of aid, not those harmed
        unit, noun, ok = _unit_after(text, e, end, lex)
        if not ok and _bare(text, start, s, e, end, lex):
            return "people", None, True
        if ok and not _victims_count(text, noun, e, end, lex):
            if _bare(text, start, s, e, end, lex):
                return unit, noun, True  # "killed 203 fighters"
            return None, None, False
        return unit, noun, ok

    for m in lex.range.finditer(text, start, end):
        a = next(g for g in (m.group("a"), m.group("c"), m.group("e")) if g)
        b = next(g for g in (m.group("b"), m.group("d"), m.group("f")) if g)
        low, high = parse_number(a, lex), parse_number(b, lex)
        if low is None or high is None or low >= high or _blocked(text, m.start(), m.end(), lex):
            continue
        unit, noun, ok = counted(m.start(), m.end())
        if not ok:
            continue
        found.append(Count(None, "between", low, high, _unit(unit), m.start(), m.end(), noun))
        taken.append((m.start(), m.end()))
    for m in lex.vague.finditer(text, start, end):
        if not free(m.start(), m.end()) or _multiplied(text, start, m, lex):
            continue
        unit, noun, ok = counted(m.start(), m.end())
        if not ok:
            continue
        low, high = lex.vague_ranges[m.group(0).lower()]
        found.append(Count(None, "vague", low, high, _unit(unit), m.start(), m.end(), noun))
        taken.append((m.start(), m.end()))
    for m in lex.number.finditer(text, start, end):
        if not free(m.start(), m.end()) or _blocked(text, m.start(), m.end(), lex):
            continue
        count = _number(text, start, end, m, lex, counted)
        if count is not None:
            found.append(count)
            taken.append((m.start(), m.end()))
    found.extend(c for c in _individuals(text, start, end, lex) if free(c.start or 0, c.end or 0))
    found.sort(key=lambda c: c.start or 0)
    return found


def _multiplied(text: str, start: int, m: re.Match[str], lex: Lexicon) -> bool:
    """Is a vague word the multiplier of a number before it ("3 آلاف": 3000, not thousands)?"""
    return any(
        n.start() < m.start() and n.end() >= m.end()
        for n in lex.number.finditer(text, max(start, m.start() - 20), m.end())
    )


def _individuals(text: str, start: int, end: int, lex: Lexicon) -> list[Count]:
    """One person harmed, named with an article: "An aid worker ... was killed", "killed a
    journalist" count 1; "a woman told reporters" counts nothing."""
    if lex.individual is None:
        return []
    out = []
    for m in lex.individual.finditer(text, start, end):
        harmed = lex.individual_harmed.match(text[m.end() : min(end, m.end() + _AHEAD)]) or any(
            p.search(text, max(start, m.start() - 30), m.start())
            for p in (lex.outcome_before, lex.harm_before)
        )
        if harmed and not any(w.lower() in lex.not_counted for w in m.group(0).split()):
            out.append(Count(1, "exact", None, None, None, m.start(), m.end(), m.group("noun")))
    return out


def _number(
    text: str,
    start: int,
    end: int,
    m: re.Match[str],
    lex: Lexicon,
    counted: Callable[[int, int], tuple[str | None, str | None, bool]],
) -> Count | None:
    raw = m.group(0)
    if raw.lower() in lex.articles:
        return None  # "a child" is an individual, not a count worth reporting
    value = parse_number(raw, lex)
    if value is None:
        return None
    unit, noun, ok = counted(m.start(), m.end())
    if not ok:
        return None
    q_start = m.start()
    qualifier = "about" if any(w in lex.approximate for w in raw.lower().split()) else "exact"
    q = lex.qualifier.search(text, max(start, m.start() - 30), m.start())
    after = [k for w, k in lex.after_number if w in raw[1:]] if lex.after_number else []
    if q:
        qualifier = lex.qualifiers[q.group(1).lower()]
        q_start = q.start(1)
    elif after:
        qualifier = after[0]  # "300 多 人": more than 300
    elif (
        lex.after_noun is not None
        and lex.after_noun_kinds
        and (late := lex.after_noun.match(text, m.end(), min(end, m.end() + 40)))
    ):
        qualifier = lex.after_noun_kinds[late.group(1).lower()]  # "30 شخصا على الأقل"
    elif _year_like(raw, value) and (
        noun is None or lex.year_before.search(text, max(start, m.start() - 12), m.start())
    ):
        return None  # "killed in 2019", "in 2022 civilians fled": a year
    return Count(value, qualifier, None, None, _unit(unit), q_start, m.end(), noun)  # type: ignore[arg-type]


def _year_like(raw: str, value: int) -> bool:
    """A four-digit number without separators in the years a text speaks of."""
    return raw.isdigit() and len(raw) == 4 and 1800 <= value <= 2100


def _unit(unit: str | None) -> str | None:
    return None if unit in (None, "people") else unit
