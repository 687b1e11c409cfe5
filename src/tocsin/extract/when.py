"""Time expressions, normalised against the document's date: "on 27 September 2020",
"since November 2020", "in the fall of 2020", "in the early 1990s", "in 1993"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from tocsin.ingest.metadata import date_pattern, parse_date
from tocsin.lang import LangPack

PRODUCER = "extract.when@1"


@dataclass(frozen=True)
class When:
    start: int
    end: int
    date_from: str
    date_to: str
    duration: bool = False  # "for thirty years": true of its own sentence, not carried on


@cache
def _patterns(pack: LangPack) -> dict[str, re.Pattern[str]]:
    t = pack.section("time")
    months = "|".join(sorted(pack.section("dates")["months"], key=len, reverse=True))
    flags = re.IGNORECASE
    return {
        "since": re.compile(rf"(?:{t['since']})[^.;]{{0,40}}$", flags),
        "decade_part": re.compile(t["decade_part"], flags),
        "decade": re.compile(t["decade"], flags),
        "season": re.compile(t["season"], flags),
        "month_year": re.compile(t["month_year"].replace("{months}", months), flags),
        "month_day": re.compile(t["month_day"].replace("{months}", months), flags),
        "weekday": re.compile(t["weekday"], flags),
        "days_ago": re.compile(t["days_ago"], flags),
        "year": re.compile(t["year"], flags),
        "duration": re.compile(t["duration"], flags),
        "conflict": re.compile(t["conflict"], flags),
        "conflict_end": re.compile(t["conflict_end"], flags),
        "after_conflict": re.compile(t["after_conflict"], flags),
    }


def find_times(text: str, start: int, end: int, pack: LangPack, doc_date: str | None) -> list[When]:
    """Every time expression in text[start:end], each as an ISO (partial) date range."""
    pat = _patterns(pack)
    seasons = pack.section("time")["seasons"]
    months = pack.section("dates")["months"]
    found: list[When] = []
    taken: list[tuple[int, int]] = []

    def add(s: int, e: int, lo: str, hi: str, duration: bool = False) -> None:
        if any(not (e <= a or s >= b) for a, b in taken):
            return
        taken.append((s, e))
        if doc_date and pat["since"].search(text, max(start, s - 45), s + 1):
            hi = doc_date  # "since November 2020": from then until the statement
        found.append(When(s, e, lo, hi, duration))

    for m in date_pattern(pack).finditer(text, start, end):
        iso = parse_date(m, pack)
        if iso:
            add(m.start(), m.end(), iso, iso)
    for m in pat["season"].finditer(text, start, end):
        first, last = seasons[m.group("season").lower()]
        year = int(m.group("year"))
        add(
            m.start(),
            m.end(),
            f"{year}-{first:02d}",
            f"{year + (1 if last < first else 0)}-{last:02d}",
        )
    for m in pat["decade_part"].finditer(text, start, end):
        d = int(m.group("decade"))
        a, b = pack.section("time")["decade_parts"][m.group("part").lower()]
        add(m.start(), m.end(), str(d + a), str(d + b))
    for m in pat["decade"].finditer(text, start, end):
        d = int(m.group("decade"))
        add(m.start(), m.end(), str(d), str(d + 9))
    for m in pat["month_year"].finditer(text, start, end):
        month = months[m.group("month").lower()]
        ym = f"{m.group('year')}-{month:02d}"
        add(m.start(), m.end(), ym, ym)
    for m in pat["year"].finditer(text, start, end):
        add(m.start("year"), m.end("year"), m.group("year"), m.group("year"))
    if doc_date and len(doc_date) >= 10:
        for s, e, day in _relative_days(text, start, end, pack, date.fromisoformat(doc_date[:10])):
            add(s, e, day, day)
    if doc_date:
        for m in pat["duration"].finditer(text, start, end):
            span = _duration_days(m.group("n"), m.group("unit"), pack)
            if span:
                add(m.start(), m.end(), _before(doc_date, *span), doc_date, True)
    found.sort(key=lambda w: w.start)
    return found


def _relative_days(
    text: str, start: int, end: int, pack: LangPack, written: date
) -> list[tuple[int, int, str]]:
    """ "Feb 13", "on Monday", "two days ago": days the text dates against the day it was
    written, never after it."""
    from tocsin.extract.quantities import lexicon, parse_number

    pat = _patterns(pack)
    months = pack.section("dates")["months"]
    weekdays = pack.section("time")["weekdays"]
    out = []
    for m in pat["month_day"].finditer(text, start, end):
        try:
            day = date(written.year, months[m.group("month").lower()], int(m.group("day")))
        except (ValueError, KeyError):
            continue
        if day > written:
            day = day.replace(year=day.year - 1)
        out.append((m.start(), m.end(), day.isoformat()))
    for m in pat["weekday"].finditer(text, start, end):
        back = (written.weekday() - weekdays.index(m.group("weekday").lower())) % 7
        out.append((m.start(), m.end(), (written - timedelta(days=back)).isoformat()))
    for m in pat["days_ago"].finditer(text, start, end):
        n = 1 if m.group("yesterday") else parse_number(m.group("n"), lexicon(pack))
        if n:
            out.append((m.start(), m.end(), (written - timedelta(days=n)).isoformat()))
    return out


def _duration_days(n: str, unit: str, pack: LangPack) -> tuple[int, str] | None:
    """(days, precision) of "thirty years" in the pack's words; precision: day, month, year."""
    from tocsin.extract.quantities import lexicon, parse_number

    per_unit, precision = pack.section("time")["duration_units"][unit.lower()]
    value = parse_number(n, lexicon(pack))
    return (value * per_unit, precision) if value else None


def _before(doc_date: str, days: int, precision: str) -> str:
    """The start of a period of `days` ending on the document's date, as precise as its unit."""
    end = (
        date.fromisoformat(doc_date[:10])
        if len(doc_date) >= 10
        else date(int(doc_date[:4]), 12, 31)
    )
    start = end - timedelta(days=days)
    if precision == "year":
        return str(start.year)
    if precision == "month":
        return f"{start.year}-{start.month:02d}"
    return start.isoformat()


@dataclass(frozen=True)
class Period:
    """A war or offensive the document itself dates, from its own words."""

    start: When  # the expression that dates its beginning
    date_from: str
    date_to: str | None  # None: the document does not say when it ended


def conflict_period(
    text: str, sentences: list[tuple[int, int, list[When]]], pack: LangPack
) -> Period | None:
    """The first dated conflict in the document (sentences come with their time expressions):
    a sentence naming a war or aggression with a full date starts it; a duration near a conflict word ("lasted 44 days"), or the first
    ceasefire or agreement date after it, ends it."""
    pat = _patterns(pack)
    start: When | None = None
    end: str | None = None
    for s, e, times in sentences:
        if start is None:
            if pat["conflict"].search(text, s, e):
                points = [t for t in times if len(t.date_from) == 10 and t.date_from == t.date_to]
                if points:
                    start = points[0]
            continue
        if pat["conflict"].search(text, s, e):
            for m in pat["duration"].finditer(text, s, e):
                span = _duration_days(m.group("n"), m.group("unit"), pack)
                if span and span[1] == "day":
                    ended = date.fromisoformat(start.date_from) + timedelta(days=span[0])
                    return Period(start, start.date_from, ended.isoformat())
        if end is None and pat["conflict_end"].search(text, s, e):
            later = [
                t.date_from
                for t in times
                if len(t.date_from) == 10 and t.date_from > start.date_from
            ]
            if later:
                end = later[0]
    if start is None:
        return None
    return Period(start, start.date_from, end)


def after_conflict(
    text: str, s: int, e: int, pack: LangPack, period: Period | None, doc_date: str | None
) -> When | None:
    """ "after the cessation of hostilities": from the period's end to the document's date."""
    if period is None or period.date_to is None or doc_date is None:
        return None
    m = _patterns(pack)["after_conflict"].search(text, s, e)
    return When(m.start(), m.end(), period.date_to, doc_date) if m else None
