"""Time expressions, normalised against the document's date: "on 27 September 2020",
"since November 2020", "in the fall of 2020", "in the early 1990s", "in 1993", "last week",
"in late January and February", "between 13 and 26 October", "this year", "on Tuesday",
"so far in 2020", "the day before yesterday" (in each pack's words: "desde enero de este año",
"les 5 et 7 octobre", "с начала года").

Expressions the document's date is needed for (relative ones, dates without a year) are left
out when the document has no date: what cannot be resolved stays empty. The document's date
itself is never an event's time unless the text says so ("today", "yesterday").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from tocsin.ingest.metadata import date_pattern, parse_date
from tocsin.lang import NEVER, LangPack, script

PRODUCER = "extract.when@2"
_YEAR = re.compile(r"(?:19|20)\d\d")
HEAD = 400  # a report's title, where it names the period it covers, is within this
_LEADING_WORDS = re.compile(r"(?<!\S)\S+\s+(?=\S)")  # "начиная с января": where "since" may end


@dataclass(frozen=True)
class When:
    start: int
    end: int
    date_from: str
    date_to: str
    duration: bool = False  # "for thirty years": true of its own sentence, not carried on
    said: bool = False  # "X said on Tuesday": when something was said, not when it happened
    opens: bool = False  # "since March 2013": a period still running at the document's date
    since_then: bool = False  # "since then": from the time named before, to the document's date


@dataclass(frozen=True)
class _Ref:
    """The document's date, as precisely as it is known."""

    year: int
    month: int | None
    day: date | None
    iso: str

    @staticmethod
    def of(doc_date: str | None) -> _Ref | None:
        if not doc_date or not re.match(r"(?:19|20)\d\d", doc_date):
            return None
        month = int(doc_date[5:7]) if len(doc_date) >= 7 else None
        day = date.fromisoformat(doc_date[:10]) if len(doc_date) >= 10 else None
        return _Ref(int(doc_date[:4]), month, day, doc_date)


@cache
def _patterns(pack: LangPack) -> dict[str, re.Pattern[str]]:
    t = pack.section("time")
    months = (
        month_alternation(sorted(pack.section("dates").get("months", {}), key=len, reverse=True))
        or NEVER
    )
    flags = re.IGNORECASE
    out = {
        name: re.compile(t.get(name, NEVER).replace("{months}", months), flags)
        for name in (
            "decade_part",
            "decade",
            "season",
            "month_year",
            "month_day",
            "weekday",
            "days_ago",
            "year",
            "duration",
            "conflict",
            "conflict_end",
            "after_conflict",
            "day_month",
            "day_range",
            "month_day_range",
            "month_range",
            "month_alone",
            "year_part",
            "months_of_year",
            "ago",
            "since_ago",
            "since_then",
            "range_link",
            "year_to_date",
            "then",
        )
    }
    weekdays = "|".join(t.get("weekdays", [])) or NEVER
    out["cue"] = re.compile(
        t.get("cue", NEVER).replace("{months}", months).replace("{weekdays}", weekdays), flags
    )
    out["month_cue"] = re.compile(rf"\b(?:{months})\b", flags)
    # "Wednesday 6 March", "mercredi 6 mars", "Wednesday, March 6": the date names the day
    out["date_after"] = re.compile(
        rf"[\s,]*(?:\w{{1,3}}\s+)?\d{{1,2}}\S{{0,3}}\s+(?:\w{{1,2}}\s+)?(?:{months})\b"
        rf"|[\s,]*(?:{months})\.?\s+\d",
        flags,
    )
    out["relative_cue"] = re.compile(t.get("relative_cue", NEVER), flags)
    out["day_cue"] = re.compile(t.get("day_cue", NEVER).replace("{weekdays}", weekdays), flags)
    out["since"] = re.compile(rf"(?:{t.get('since', NEVER)})$", flags)
    out["said_before"] = re.compile(rf"(?:{t.get('said_before', NEVER)})$", flags)
    out["said_after"] = re.compile(t.get("said_after", NEVER), flags)
    out["label"] = re.compile(rf"(?:{t.get('published_label', NEVER)})$", flags)
    out["dateline_prefix"] = re.compile(t.get("dateline_prefix", NEVER))
    out["dateline_suffix"] = re.compile(t.get("dateline_suffix", NEVER), flags)
    out["name_after"] = re.compile(t.get("date_as_name", NEVER))
    out["dates_noun"] = re.compile(rf"(?:{t.get('dates_noun', NEVER)})$", flags)
    out["clause_break"] = re.compile(t.get("clause_break", NEVER), flags)
    out["past"] = re.compile(t.get("past", NEVER), flags)
    out["relative"] = re.compile(
        "|".join(f"(?P<{rule}>{rx})" for rule, rx in t.get("relative", {"never": NEVER}).items()),
        flags,
    )
    return out


def month_alternation(months: list[str]) -> str:
    """The months' names as one alternation, tried in the order given, grouped by first
    letter ("s(?:eptember|ept|ep)|f(?:ebruary|eb)|..."): the same matches (case is ignored,
    and only one group can match a letter) for far fewer branches tried at every position.
    Names that are not plain letters (and dots) stay as they are."""
    if not all(re.fullmatch(r"\w[\w.]*", m) and script.groupable(m[0]) for m in months):
        return "|".join(months)
    groups: dict[str, list[str]] = {}
    for m in months:
        groups.setdefault(m[0].lower(), []).append(m[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


def _recent(ref: _Ref, month: int, day: int | None = None) -> int:
    """The year that puts a month (and day) written without one on or before the document's
    date: "in November" written in March 2024 is November 2023."""
    if ref.month is None or month < ref.month:
        return ref.year
    if month > ref.month:
        return ref.year - 1
    if day is not None and ref.day is not None and day > ref.day.day:
        return ref.year - 1
    return ref.year


def _ym(year: int, month: int) -> str:
    return f"{year}-{month:02d}"


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_of(word: str | None, pack: LangPack) -> int | None:
    if not word:
        return None
    month: int | None = pack.section("dates").get("months", {}).get(word.lower().rstrip("."))
    return month


def _is_month(m: re.Match[str], group: str, pack: LangPack) -> bool:
    """ "May" and "March" are months only when written as names (capitalised in English)."""
    word = m.group(group)
    if word is None:
        return True
    lower: list[str] = pack.section("time").get("capitalised_months", [])
    return not (word.lower() in lower and word[0].islower())


Found = tuple[int, int, str, str]


def _full_dates(text: str, start: int, end: int, pack: LangPack) -> Iterator[Found]:
    for m in date_pattern(pack).finditer(text, start, end):
        iso = parse_date(m, pack)
        if iso:
            yield m.start(), m.end(), iso, iso


def _day_ranges(
    text: str, start: int, end: int, pack: LangPack, ref: _Ref | None
) -> Iterator[Found]:
    """ "between 13 and 26 October", "12 June - 9 July 2018", "October 13-26"."""
    pat = _patterns(pack)
    for name in ("day_range", "month_day_range"):
        for m in pat[name].finditer(text, start, end):
            g = m.groupdict()
            dash = re.search("[-–—]", text[m.end("d1") : m.start("d2")])
            if name == "day_range" and not (g.get("lead") or g.get("m1") or dash):
                continue  # "3 and 26 October": two numbers, not a range, without "from"/"between"
            if not (_is_month(m, "m1", pack) and _is_month(m, "m2", pack)):
                continue
            m2 = _month_of(g.get("m2"), pack) or _month_of(g.get("m1"), pack)
            m1 = _month_of(g.get("m1"), pack) or m2
            if m1 is None or m2 is None:
                continue
            y2 = int(g["y2"]) if g.get("y2") else (_recent(ref, m2, int(g["d2"])) if ref else None)
            if y2 is None:
                continue
            y1 = int(g["y1"]) if g.get("y1") else (y2 - 1 if m1 > m2 else y2)
            lo, hi = _iso(y1, m1, int(g["d1"])), _iso(y2, m2, int(g["d2"]))
            if lo and hi and lo <= hi:
                yield m.start(), m.end(), lo, hi


def _month_ranges(
    text: str, start: int, end: int, pack: LangPack, ref: _Ref | None
) -> Iterator[Found]:
    """ "from April to November 2023", "in late January and February"."""
    for m in _patterns(pack)["month_range"].finditer(text, start, end):
        if not (_is_month(m, "m1", pack) and _is_month(m, "m2", pack)):
            continue
        m1, m2 = _month_of(m.group("m1"), pack), _month_of(m.group("m2"), pack)
        if m1 is None or m2 is None:
            continue
        if m.group("y2"):
            y2 = int(m.group("y2"))
        elif ref is not None:
            y2 = _recent(ref, m2)
        else:
            continue
        y1 = int(m.group("y1")) if m.group("y1") else (y2 - 1 if m1 > m2 else y2)
        if (y1, m1) <= (y2, m2):
            yield m.start(), m.end(), _ym(y1, m1), _ym(y2, m2)


def _year_parts(text: str, start: int, end: int, pack: LangPack) -> Iterator[Found]:
    """ "in the first half of 2018", "the first four months of 2020"."""
    from tocsin.extract.quantities import lexicon, parse_number

    pat = _patterns(pack)
    parts = pack.section("time").get("year_parts", {})
    for m in pat["year_part"].finditer(text, start, end):
        a, b = parts[re.sub(r"\s+", " ", m.group("part").lower())]
        y = m.group("year")
        yield m.start(), m.end(), f"{y}-{a:02d}", f"{y}-{b:02d}"
    for m in pat["months_of_year"].finditer(text, start, end):
        n = parse_number(m.group("n"), lexicon(pack))
        if n and 1 <= n <= 12:
            y = m.group("year")
            first = m.group("which").lower() in pack.section("time").get("first_words", [])
            lo, hi = (1, n) if first else (13 - n, 12)
            yield m.start(), m.end(), f"{y}-{lo:02d}", f"{y}-{hi:02d}"


def _years_to_date(
    text: str, start: int, end: int, pack: LangPack, ref: _Ref | None
) -> Iterator[Found]:
    """ "so far in 2020", "since the start of 2020": from its January to the document's date
    (within that year when the document is undated)."""
    for m in _patterns(pack)["year_to_date"].finditer(text, start, end):
        y = int(m.group("year"))
        if ref is not None and ref.year < y:
            continue
        yield m.start(), m.end(), f"{y}-01", ref.iso if ref is not None else f"{y}-12"


def _seasons_decades(text: str, start: int, end: int, pack: LangPack) -> Iterator[Found]:
    pat = _patterns(pack)
    t = pack.section("time")
    for m in pat["season"].finditer(text, start, end):
        first, last = t["seasons"][m.group("season").lower()]
        year = int(m.group("year"))
        yield m.start(), m.end(), _ym(year, first), _ym(year + (1 if last < first else 0), last)
    for m in pat["decade_part"].finditer(text, start, end):
        d = int(m.group("decade"))
        a, b = t["decade_parts"][m.group("part").lower()]
        yield m.start(), m.end(), str(d + a), str(d + b)
    for m in pat["decade"].finditer(text, start, end):
        d = int(m.group("decade"))
        yield m.start(), m.end(), str(d), str(d + 9)


def _month_years(text: str, start: int, end: int, pack: LangPack) -> Iterator[Found]:
    for m in _patterns(pack)["month_year"].finditer(text, start, end):
        month = _month_of(m.group("month"), pack)
        if month is not None and _is_month(m, "month", pack):
            ym = _ym(int(m.group("year")), month)
            yield m.start(), m.end(), ym, ym


def _relative(text: str, start: int, end: int, pack: LangPack, ref: _Ref) -> Iterator[Found]:
    """ "this year", "last month", "last week", "at the weekend", "today", "yesterday"."""
    for m in _patterns(pack)["relative"].finditer(text, start, end):
        rule = m.lastgroup or ""
        span = _resolve(rule, ref)
        if span:
            yield m.start(), m.end(), span[0], span[1]


def _resolve(rule: str, ref: _Ref) -> tuple[str, str] | None:
    y, mo, d = ref.year, ref.month, ref.day
    if rule == "this_year":
        return f"{y}-01", ref.iso
    if rule == "last_year":
        return f"{y - 1}-01", f"{y - 1}-12"
    if mo is None:
        return None
    if rule == "this_month":
        return _ym(y, mo), ref.iso
    if rule == "last_month":
        py, pm = (y, mo - 1) if mo > 1 else (y - 1, 12)
        return _ym(py, pm), _ym(py, pm)
    if d is None:  # known to the month: "currently", "this week" are that month
        return (ref.iso, ref.iso) if rule in ("today", "this_week") else None
    days = {
        "today": (0, 0),
        "yesterday": (1, 1),
        "overnight": (1, 0),
        "last_week": (7, 0),
        "this_week": (d.weekday(), 0),
    }
    if rule in days:
        back, upto = days[rule]
        return (d - timedelta(days=back)).isoformat(), (d - timedelta(days=upto)).isoformat()
    if rule == "weekend":  # the last Saturday and Sunday before the day it was written
        saturday = d - timedelta(days=(d.weekday() - 5) % 7 or 7)
        return saturday.isoformat(), (saturday + timedelta(days=1)).isoformat()
    return None


def _days_without_year(
    text: str, start: int, end: int, pack: LangPack, ref: _Ref
) -> Iterator[Found]:
    """ "Feb 13", "21 June": the latest such day on or before the day it was written."""
    pat = _patterns(pack)
    for name in ("month_day", "day_month"):
        for m in pat[name].finditer(text, start, end):
            month = _month_of(m.group("month"), pack)
            if month is None or not _is_month(m, "month", pack):
                continue
            if pat["name_after"].match(text, m.end()):
                continue  # "the March 23 Movement": a name, not a date
            day = int(m.group("day"))
            iso = _iso(_recent(ref, month, day), month, day)
            if iso:
                yield m.start(), m.end(), iso, iso


def _days_relative(
    text: str, start: int, end: int, pack: LangPack, written: date
) -> Iterator[Found]:
    """ "on Monday", "two days ago", "three weeks ago": against the day it was written."""
    from tocsin.extract.quantities import lexicon, parse_number

    pat = _patterns(pack)
    weekdays = pack.section("time").get("weekdays", [])
    for m in pat["weekday"].finditer(text, start, end):
        if pat["date_after"].match(text, m.end(), end):
            continue  # the date that follows is the day's
        back = (written.weekday() - weekdays.index(m.group("weekday").lower())) % 7
        if m.groupdict().get("last") and back == 0:
            back = 7  # "last Monday" written on a Monday
        day = (written - timedelta(days=back)).isoformat()
        yield m.start(), m.end(), day, day
    for m in pat["days_ago"].finditer(text, start, end):
        g = m.groupdict()
        n = (
            1
            if g.get("yesterday")
            else 2
            if g.get("day_before")  # "the day before yesterday"
            else parse_number(g.get("n") or "", lexicon(pack))
        )
        if n:
            day = (written - timedelta(days=n)).isoformat()
            yield m.start(), m.end(), day, day
    for m in pat["ago"].finditer(text, start, end):
        span = _duration_days(m.group("n"), m.group("unit"), pack)
        if span:
            back = _before(written.isoformat(), *span)
            yield m.start(), m.end(), back, back


def _months_alone(text: str, start: int, end: int, pack: LangPack, ref: _Ref) -> Iterator[Found]:
    """ "in August", "since April", "in late November": the latest such month."""
    for m in _patterns(pack)["month_alone"].finditer(text, start, end):
        month = _month_of(m.group("month"), pack)
        if month is None or not _is_month(m, "month", pack):
            continue
        rel = (
            pack.section("time").get("month_rel", {}).get((m.groupdict().get("rel") or "").lower())
        )
        year = ref.year + rel if rel is not None else None
        ym = _ym(year or _recent(ref, month), month)
        yield m.start(), m.end(), ym, ym


def _years(text: str, start: int, end: int, pack: LangPack) -> Iterator[Found]:
    for m in _patterns(pack)["year"].finditer(text, start, end):
        yield m.start("year"), m.end("year"), m.group("year"), m.group("year")


def _candidates(
    text: str, start: int, end: int, pack: LangPack, ref: _Ref | None
) -> Iterator[tuple[Found, bool]]:
    """Every expression, the most specific first: (span and dates, whether a duration). Each
    family is looked for only where its cue words are (a month's name, a year, a weekday)."""
    pat = _patterns(pack)
    month = bool(pat["month_cue"].search(text, start, end))
    year = bool(_YEAR.search(text, start, end))
    found: list[Iterator[Found]] = []
    if month:
        found += [
            _day_ranges(text, start, end, pack, ref),
            _month_ranges(text, start, end, pack, ref),
        ]
    if year:
        found += [
            _full_dates(text, start, end, pack),
            _years_to_date(text, start, end, pack, ref),
            _year_parts(text, start, end, pack),
            _seasons_decades(text, start, end, pack),
        ]
    if year and month:
        found.append(_month_years(text, start, end, pack))
    if ref is not None:
        if month:
            found += [
                _days_without_year(text, start, end, pack, ref),
                _months_alone(text, start, end, pack, ref),
            ]
        if pat["relative_cue"].search(text, start, end):
            found.append(_relative(text, start, end, pack, ref))
        if ref.day is not None and pat["day_cue"].search(text, start, end):
            found.append(_days_relative(text, start, end, pack, ref.day))
    if year:
        found.append(_years(text, start, end, pack))
    for family in found:
        for f in family:
            yield f, False
    if ref is not None:
        yield from ((f, True) for f in _durations(text, start, end, pack, ref))


def _durations(text: str, start: int, end: int, pack: LangPack, ref: _Ref) -> Iterator[Found]:
    """ "for nearly thirty years", "in the last two years": periods ending at the document's
    date."""
    for m in _patterns(pack)["duration"].finditer(text, start, end):
        span = _duration_days(m.group("n"), m.group("unit"), pack)
        back = m.groupdict().get("back") or m.groupdict().get("back2")
        if span and back and span[1] == "year":
            span = (span[0], "month")  # "the last two years": counted back to the month
        if span:
            yield m.start(), m.end(), _before(ref.iso, *span), ref.iso


def find_times(text: str, start: int, end: int, pack: LangPack, doc_date: str | None) -> list[When]:
    """Every time expression in text[start:end], each as an ISO (partial) date range."""
    pat = _patterns(pack)
    if not pat["cue"].search(text, start, end):
        return []  # most sentences name no time: one scan instead of every pattern's
    ref = _Ref.of(doc_date)
    kept: list[tuple[Found, bool]] = []
    blocked: list[tuple[int, int]] = []
    for (s, e, lo, hi), duration in _candidates(text, start, end, pack, ref):
        taken = [(a, b) for (a, b, _, _), _ in kept] + blocked
        if any(not (e <= a or s >= b) for a, b in taken):
            continue
        if lo == hi and _published(text, s, e, pat):
            blocked.append((s, e))  # the date the document was written: header, dateline
            continue
        kept.append(((s, e, lo, hi), duration))
    kept.sort(key=lambda k: k[0][0])
    found = [
        _qualify(text, start, end, s, e, lo, hi, duration, ref, pat)
        for (s, e, lo, hi), duration in _merge_ranges(text, kept, pat)
    ]
    if ref is not None:
        for m in pat["since_then"].finditer(text, start, end):
            if not any(w.start <= m.start() < w.end for w in found):
                found.append(When(m.start(), m.end(), "", ref.iso, since_then=True))
        found += _since_ago(text, start, end, pack, ref, found)
    found.sort(key=lambda w: w.start)
    return found


def _since_ago(
    text: str, start: int, end: int, pack: LangPack, ref: _Ref, found: list[When]
) -> list[When]:
    """ "three years after fighting began", "18 months since the invasion": from that long
    before the document's date, to it."""
    out = []
    for m in _patterns(pack)["since_ago"].finditer(text, start, end):
        if any(not (m.end() <= w.start or m.start() >= w.end) for w in found):
            continue
        span = _duration_days(m.group("n"), m.group("unit"), pack)
        if span:
            days, precision = span
            lo = _before(ref.iso, days, "month" if precision == "year" else precision)
            out.append(When(m.start(), m.end(), lo, ref.iso, opens=True))
    return out


def covered_period(text: str, pack: LangPack, doc_date: str | None) -> When | None:
    """The period a report says it covers, in a title line near its top ("Humanitarian Update
    Covering 12 June - 9 July 2018", "Regional Overview (30 July - 5 August 2022)"): what it
    reports without a time of its own happened then."""
    for t in find_times(text, 0, min(len(text), HEAD), pack, doc_date):
        if t.date_from == t.date_to or t.opens or t.duration or t.said or t.since_then:
            continue
        line_end = text.find("\n", t.end)
        line = text[t.end : line_end if line_end >= 0 else len(text)].rstrip()
        if not line.endswith((".", "!", "?", "”", '"')):
            return t
    return None


def _merge_ranges(
    text: str, kept: list[tuple[Found, bool]], pat: dict[str, re.Pattern[str]]
) -> list[tuple[Found, bool]]:
    """ "from December 2017 to May 2018": two times joined as one period."""
    out: list[tuple[Found, bool]] = []
    for item in kept:
        if out and not item[1] and not out[-1][1]:
            (s0, e0, lo0, _), _ = out[-1]
            (s1, e1, _, hi1), _ = item
            if pat["range_link"].fullmatch(text, e0, s1) and lo0 <= hi1:
                out[-1] = ((s0, e1, lo0, hi1), False)
                continue
        out.append(item)
    return out


def _qualify(
    text: str,
    start: int,
    end: int,
    s: int,
    e: int,
    lo: str,
    hi: str,
    duration: bool,
    ref: _Ref | None,
    pat: dict[str, re.Pattern[str]],
) -> When:
    """Open a period ("since March 2013"), or mark the time of a statement ("said Friday")."""
    opens = False
    # the expression's own leading words may be the ones that open it ("since April",
    # "начиная с января"); not a range's ("desde enero hasta marzo": it says where it ends)
    ends = [s]
    if lo == hi:
        ends += [s + m.end() for m in _LEADING_WORDS.finditer(text[s:e])]
    if (
        ref is not None
        and not duration
        and any(pat["since"].search(text, max(start, s - 45), upto) for upto in ends)
    ):
        hi, opens = ref.iso, True  # "since November 2020": from then until the statement
    return When(s, e, lo, hi, duration, _said(text, start, end, s, e, pat), opens)


def _said(text: str, start: int, end: int, s: int, e: int, pat: dict[str, re.Pattern[str]]) -> bool:
    """ "said on Tuesday", "Sudan on Tuesday accused", "On Thursday, the ministry denied":
    the time of the saying. Not "...were displaced in March 2024, the Mission said": there
    the time ends the clause it dates."""
    if pat["said_before"].search(text, max(start, s - 60), s):
        return True
    after = pat["said_after"].match(text, e, end)
    if after is None:
        return False
    if not text[e : after.end()].lstrip().startswith(","):
        return True
    if text[after.end() : after.end() + 1] == ",":
        return False  # "In May, the Mission said, 40 were killed": the saying is an aside
    return not re.search(r"\w\s+\w", text[start:s])  # the sentence opens with the time


def _published(text: str, s: int, e: int, pat: dict[str, re.Pattern[str]]) -> bool:
    """A date labelled as the document's ("Published: 3 May 2024") or in its dateline
    ("GENEVA (20 April 2022) -", "KABUL, Dec 10 (AP):"): when it was written, not an event."""
    line_start = text.rfind("\n", 0, s) + 1
    if pat["label"].search(text, max(line_start, s - 30), s):
        return True
    return bool(
        pat["dateline_prefix"].fullmatch(text, line_start, s)
        and pat["dateline_suffix"].match(text, e)
    )


def applies_after(text: str, claim_end: int, t: When, pack: LangPack) -> bool:
    """Whether a time written after a claim, in its sentence, is still the claim's: "executed
    44 people and raped 61 women since March 2013" (yes); "...and defies the order of
    7 December 2021" (no: it dates a noun); "killed 5 people, which led to protests on Monday"
    (no: another clause)."""
    pat = _patterns(pack)
    between = text[claim_end : t.start]
    if pat["dates_noun"].search(between):
        return False
    head = re.sub(r"\S+\s*$", "", between)  # the time's own preposition ("since") is no break
    return not pat["clause_break"].search(head)


def refers_back(text: str, start: int, end: int, pack: LangPack) -> bool:
    """Whether text[start:end] points back to the time told last ("The militias then
    targeted...", "ce jour-là", "в тот же день"): it takes that time even when it was told
    in the paragraph before."""
    return bool(_patterns(pack)["then"].search(text, start, end))


def tells_past(text: str, start: int, end: int, pack: LangPack) -> bool:
    """Whether text[start:end] tells of something past (a past or perfect verb): only then
    does it take a date told in an earlier sentence, not when it speaks of the present
    ("The report documents gangs looting farms")."""
    return bool(_patterns(pack)["past"].search(text, start, end))


def _duration_days(n: str, unit: str, pack: LangPack) -> tuple[int, str] | None:
    """(days, precision) of "thirty years" in the pack's words; precision: day, month, year."""
    from tocsin.extract.quantities import lexicon, parse_number

    units = pack.section("time").get("duration_units", {})
    if unit.lower() not in units:
        return None
    per_unit, precision = units[unit.lower()]
    value = (
        1
        if n.lower() in pack.section("time").get("one_words", [])
        else parse_number(n, lexicon(pack))
    )
    return (value * per_unit, precision) if value else None


def _before(doc_date: str, days: int, precision: str) -> str:
    """The start of a period of `days` ending on the document's date, as precise as its unit."""
    end = (
        date.fromisoformat(doc_date[:10])
        if len(doc_date) >= 10
        else date(int(doc_date[:4]), int(doc_date[5:7]) if len(doc_date) >= 7 else 12, 28)
    )
    start = end - timedelta(days=days)
    if precision in ("month", "year"):  # "18 months": counted in calendar months
        months = end.year * 12 + end.month - 1 - round(days / 30.4375)
        start = date(months // 12, months % 12 + 1, 1)
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
    a sentence naming a war or aggression with a full date starts it; a duration near a
    conflict word ("lasted 44 days"), or the first ceasefire or agreement date after it,
    ends it."""
    pat = _patterns(pack)
    start: When | None = None
    end: str | None = None
    for s, e, times in sentences:
        if start is None:
            if pat["conflict"].search(text, s, e):
                points = [
                    t
                    for t in times
                    if len(t.date_from) == 10 and (t.date_from == t.date_to or t.opens)
                ]
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
