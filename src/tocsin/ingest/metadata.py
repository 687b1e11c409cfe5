"""Document metadata read from the text itself: who speaks, for whom, when, where, on what.

Works on the header of statements and similar documents (letterhead, "Statement by ...",
title line, meeting, agenda item, date) using the language pack's patterns, so the same
code reads a statement by any state. Every inferred value records the rule that produced
it and the span of text it was read from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from tocsin import countries
from tocsin.ingest.citations import cited_symbols
from tocsin.ingest.segment import paragraphs
from tocsin.lang import NEVER, LangPack
from tocsin.lang.script import UPPER
from tocsin.sources import KnownSource, find_known, lookup
from tocsin.types import MetaValue

PRODUCER = "meta.header@1"
# What the format declares (HTML meta tags) beats what is guessed from the text for these.
DECLARED_WINS = frozenset({"publisher", "date", "author"})
HEADER_MAX = 3000  # a statement's header never runs longer than this
HEADER_PARAGRAPHS = 3  # without a salutation, the header is at most the first paragraphs
_WS = re.compile(r"\s+")


def _one_line(text: str) -> str:
    return _WS.sub(" ", text).strip()


@cache
def _compiled(pack: LangPack) -> dict[str, re.Pattern[str]]:
    meta = pack.section("meta")
    flags = re.IGNORECASE | re.MULTILINE
    honor = "|".join(meta.get("honorifics", []))
    bodies = sorted(meta.get("bodies", {}), key=len, reverse=True)
    orgs = sorted(meta.get("organisations", {}), key=len, reverse=True)
    out = {
        name: re.compile(meta.get(name, NEVER), flags)
        for name in ("salutation", "mission", "on_behalf", "meeting", "agenda", "quoted")
    }
    out["speaker"] = re.compile(meta.get("speaker", NEVER), re.MULTILINE)
    out["byline"] = re.compile(meta.get("byline", NEVER), re.MULTILINE)
    out["title_words"] = re.compile(meta.get("title_words", NEVER))
    # An office, then a name of two to four capitalised words: "spokesperson Jane Roe".
    out["title_then_name"] = re.compile(
        rf"(?i:{meta.get('title_words', NEVER)})\s+(?P<name>[{UPPER}][\w’'-]+(?:\s+[{UPPER}][\w’'-]+){{1,3}})"
        r"(?=\s+[a-z]|\s*[,:(]|\s*$)"
    )
    out["honorifics"] = re.compile(rf"^(?:(?:{honor})\s*)+", re.IGNORECASE)
    out["bodies"] = re.compile("|".join(re.escape(b) for b in bodies) or NEVER)
    out["orgs"] = re.compile("|".join(re.escape(o) for o in orgs) or NEVER)
    out["date"] = _date_pattern(pack)
    out["date_line"] = re.compile(
        meta.get("date_line", NEVER).replace("{date}", f"(?:{out['date'].pattern})"), flags
    )
    out["party_skip"] = re.compile(meta.get("party_skip", NEVER), re.IGNORECASE)
    out.update(_news_patterns(pack, meta))
    return out


def _news_patterns(pack: LangPack, meta: dict[str, Any]) -> dict[str, re.Pattern[str]]:
    """Patterns of news and web pages: datelines, credits, mastheads, labels (optional keys:
    a pack without them simply infers less)."""
    flags = re.IGNORECASE | re.MULTILINE
    out: dict[str, re.Pattern[str]] = {}
    for name in ("event_date_cue", "photo_credit", "self_report", "self_reference_before"):
        if name in meta:
            out[name] = re.compile(meta[name], re.IGNORECASE)
    if "date_label" in meta:
        out["date_label"] = re.compile(meta["date_label"], re.IGNORECASE)
    for name in ("publisher_label", "service_of", "numeric_date"):
        if name in meta:
            out[name] = re.compile(meta[name], flags)
    for name in ("copyright", "press_symbol", "credit_lead", "credit_tail"):
        if name in meta:
            out[name] = re.compile(meta[name], re.MULTILINE)
    if "self_reference_after" in meta:
        out["self_reference_after"] = re.compile(meta["self_reference_after"], re.IGNORECASE)
    if "speaker_act" in meta:
        out["speaker_act"] = re.compile(meta["speaker_act"])
    if "masthead_words" in meta:
        out["masthead_words"] = re.compile(rf"(?:{meta['masthead_words']})\b")
    if "dateline" in meta:
        full = _plain_dates(pack, "patterns")
        partial = _plain_dates(pack, "month_day") or full
        pattern = meta["dateline"].replace("{date}", f"(?i:{full})")
        pattern = pattern.replace("{monthday}", f"(?i:{partial})")
        out["dateline"] = re.compile(pattern)
    return out


def _plain_dates(pack: LangPack, key: str) -> str:
    """The pack's date patterns of one kind as one alternation without named groups, to be
    embedded in a larger pattern (read the match again with `date_pattern`)."""
    dates = pack.section("dates")
    months = "|".join(sorted(dates["months"], key=len, reverse=True))
    alternatives = [
        p.format(day=r"[0-3]?\d", month=f"(?:{months})", year=r"(?:19|20)\d\d")
        for p in dates.get(key, ())
    ]
    return "|".join(f"(?:{a})" for a in alternatives)


def _date_pattern(pack: LangPack) -> re.Pattern[str]:
    dates = pack.section("dates")
    months = "|".join(sorted(dates["months"], key=len, reverse=True))
    alternatives = [
        p.format(
            day=rf"(?P<day{i}>[0-3]?\d)",
            month=rf"(?P<month{i}>{months})",
            year=rf"(?P<year{i}>(?:19|20)\d\d)",
        )
        for i, p in enumerate(dates["patterns"])
    ]
    iso = r"(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)"
    return re.compile(rf"\b(?:{'|'.join(alternatives)}|{iso})\b", re.IGNORECASE)


def date_pattern(pack: LangPack) -> re.Pattern[str]:
    """Full dates as the pack writes them ("26 June 2023"); read matches with `parse_date`."""
    return _compiled(pack)["date"]


def parse_date(m: re.Match[str], pack: LangPack) -> str | None:
    """ISO date from a match of the date pattern; None for impossible dates (31 June)."""
    if m.group("iso"):
        try:
            return date.fromisoformat(m.group("iso")).isoformat()
        except ValueError:
            return None
    months = pack.section("dates").get("months", {})
    groups = {k: v for k, v in m.groupdict().items() if v is not None}
    day = next(v for k, v in groups.items() if k.startswith("day"))
    month = next(v for k, v in groups.items() if k.startswith("month"))
    year = next(v for k, v in groups.items() if k.startswith("year"))
    try:
        return date(int(year), months[month.lower().rstrip(".")], int(day)).isoformat()
    except (ValueError, KeyError):
        return None


def header_salutation(text: str, pack: LangPack) -> int | None:
    """Where the first salutation ("Mr. President,") starts, if the text has one."""
    m = _compiled(pack)["salutation"].search(text, 0, HEADER_MAX)
    return m.start() if m else None


def header_end(text: str, pack: LangPack) -> int:
    """Where the header stops: the first salutation ("Mr. President,") or, in documents
    without one (reports, news), the end of the first few paragraphs."""
    m = _compiled(pack)["salutation"].search(text, 0, HEADER_MAX)
    if m:
        return m.start()
    end = 0
    for _ in range(HEADER_PARAGRAPHS):
        nxt = text.find("\n\n", end + 2)
        if nxt == -1:
            return min(len(text), HEADER_MAX)
        end = nxt
    return min(end, HEADER_MAX)


def _value(value: str | list[str], start: int | None = None, end: int | None = None) -> MetaValue:
    return MetaValue(value, "inferred", PRODUCER, start, end)


def _speaker(text: str, head: int, pat: dict[str, re.Pattern[str]]) -> dict[str, MetaValue]:
    out: dict[str, MetaValue] = {}
    m = pat["speaker"].search(text, 0, head) or pat["byline"].search(text, 0, head)
    if not m:
        return out
    raw = m.group("name")
    honor = pat["honorifics"].match(raw)
    name_start = m.start("name") + (honor.end() if honor else 0)
    name = raw[honor.end() if honor else 0 :].strip().rstrip(",.:;")
    titled = _titled_name(name, pat)
    if titled is not None:  # "Comment by UN Human Rights Office spokesperson Jane Roe on ..."
        (ts, te), (ns, ne) = titled
        out["speaker"] = _value(name[ns:ne], name_start + ns, name_start + ne)
        out["speaker_title"] = _value(_one_line(name[ts:te]), name_start + ts, name_start + te)
        return out
    # "Statement by the Secretary-General": a title, not a name.
    if pat["title_words"].search(name) or not name:
        out["speaker_title"] = _value(_one_line(name), name_start, m.end("name"))
        return out
    out["speaker"] = _value(name, name_start, name_start + len(name))
    if m.group("title"):
        title, t_start, t_end = m.group("title"), m.start("title"), m.end("title")
    else:
        # The title is the next line(s) of the same paragraph when they name an office.
        rest_start = m.end()
        para_end = text.find("\n\n", rest_start)
        para_end = head if para_end == -1 else min(para_end, head)
        title, t_start, t_end = text[rest_start:para_end], rest_start, para_end
        if not pat["title_words"].search(title):
            return out
    trailing_date = _last_date(pat["date"], title)
    if trailing_date is not None:  # "Special Representative ..., 14 February 2024"
        title = title[:trailing_date]
    title = title.strip().rstrip(",.:;")
    # "By Lena Hartwig, Kessa": what follows a name is a title only if it names an office.
    if title and pat["title_words"].search(title):
        out["speaker_title"] = _value(_one_line(title), t_start, t_end)
    return out


def _titled_name(
    name: str, pat: dict[str, re.Pattern[str]]
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(title span, name span) when what follows "Statement by" is an office and then a
    person's name ("Foreign Minister Jane Roe", "UN human rights spokesperson Jane Roe on ...")."""
    m = pat["title_then_name"].search(name)
    if m is None:
        return None
    title = name[: m.start("name")].strip()
    if not title:
        return None
    return (0, len(title)), (m.start("name"), m.end("name"))


def _speaker_act(text: str, region: int, pat: dict[str, re.Pattern[str]]) -> dict[str, MetaValue]:
    """ "Counsellor Mr. Jan Roe delivered a statement": the speaker of a reported statement."""
    p = pat.get("speaker_act")
    m = p.search(text, 0, region) if p else None
    if m is None:
        return {}
    return {"speaker": _value(m.group("name"), m.start("name"), m.end("name"))}


def _last_date(pattern: re.Pattern[str], text: str) -> int | None:
    """Where a date that ends `text` starts, if one does."""
    found = [m for m in pattern.finditer(text) if not text[m.end() :].strip(" .,;")]
    return found[-1].start() if found else None


def _find_date(
    text: str,
    region: int,
    dl: _Dateline | None,
    pack: LangPack,
    pat: dict[str, re.Pattern[str]],
) -> MetaValue | None:
    """The publication date, from the top of the document only (a date deep in the body is
    an event's): a date on a line of its own or labelled ("Published on ..."), the dateline's,
    an unambiguous numeric date line, else the first date not introduced as an event's."""
    for m in pat["date_line"].finditer(text, 0, region):
        inner = pat["date"].search(m.group(0))
        iso = parse_date(inner, pack) if inner else None
        if inner and iso:
            start = m.start() + inner.start()
            return _value(iso, start, start + len(inner.group(0)))
    labelled = _labelled_date(text, 0, region, pat)
    if labelled is not None and labelled.re is _PARTIAL_ISO:
        # "date 2021-06": as precise as the page says (YYYY-MM)
        return MetaValue(labelled.group("iso"), "inferred", _by("label", "date"), *labelled.span())
    monthday = _dateline_month_day(text, dl, pack)
    if dl is not None and dl.date is not None:
        inner = pat["date"].fullmatch(text, *dl.date)
        iso = parse_date(inner, pack) if inner else None
        if iso:
            return MetaValue(iso, "inferred", _by("dateline", "date"), *dl.date)
    numeric = _numeric_date(text, region, monthday, pack, pat)
    if numeric is not None:
        return numeric
    cue = pat.get("event_date_cue")
    for m in pat["date"].finditer(text, 0, region):
        if cue is not None and cue.search(text[max(0, m.start() - 30) : m.start()]):
            continue  # "killed on 1 July 2024": the event's date
        if _in_caption(text, m.start(), pat):
            continue  # "FILE: A mural is seen in Ouagadougou, Wednesday March 1, 2023."
        iso = parse_date(m, pack)
        if iso:
            return _value(iso, m.start(), m.end())
    return None


def _in_caption(text: str, pos: int, pat: dict[str, re.Pattern[str]]) -> bool:
    """Whether `pos` is on a line labelled as a photo's caption or credit ("FILE: ...")."""
    photo = pat.get("photo_credit")
    line_start = text.rfind("\n", 0, pos) + 1
    m = photo.match(text, line_start, pos) if photo else None
    return m is not None and text[m.end() : m.end() + 3].lstrip(" \t")[:1] in (":", "|")


def _dateline_month_day(text: str, dl: _Dateline | None, pack: LangPack) -> tuple[int, int] | None:
    """(month, day) of a dateline that gives no year ("PORT-AU-PRINCE, Haiti, Dec 10 (AP):")."""
    if dl is None or dl.date is None:
        return None
    written = text[dl.date[0] : dl.date[1]].lower()
    months = pack.section("dates").get("months", {})
    month = next(
        (n for name, n in sorted(months.items(), key=lambda kv: -len(kv[0])) if name in written),
        None,
    )
    day = re.search(r"\b([0-3]?\d)\b", written)
    return (int(month), int(day.group(1))) if month and day else None


def _numeric_date(
    text: str,
    region: int,
    monthday: tuple[int, int] | None,
    pack: LangPack,
    pat: dict[str, re.Pattern[str]],
) -> MetaValue | None:
    """A numeric date on a line of its own ("10/12/2024"): read when only one order makes a
    date, when the pack says which order is the rule, or when the dateline's month settles it."""
    p = pat.get("numeric_date")
    if p is None:
        return None
    order = pack.section("meta").get("numeric_order", "")
    for m in p.finditer(text, 0, region):
        a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        if a > 12 or order == "dmy":
            day, month = a, b
        elif b > 12 or order == "mdy":
            month, day = a, b
        elif monthday in ((a, b), (b, a)):
            month, day = monthday
        else:
            continue  # 10/12: October or December, nothing says which
        try:
            iso = date(year, month, day).isoformat()
        except ValueError:
            continue
        return MetaValue(iso, "inferred", _by("numeric", "date"), m.start(), m.end())
    return None


# --- News and web pages: where the top of the page ends, datelines, credits, publishers ----

LEAD_PARAGRAPHS = 4  # paragraphs of running text within which mastheads and datelines stand
SHORT_PARAGRAPH = 40  # menus, "Skip to main content", section names: not counted as text
MIN_LEAD_LINE = 40  # a dateline opens a paragraph of running text, not a headline


def _by(rule: str, family: str = "source") -> str:
    """Producer of a value read from a news or web page: "meta.source.credit@1"."""
    return f"meta.{family}.{rule}@1"


def lead_end(text: str) -> int:
    """Where the top of a page ends: after the first few paragraphs of running text (short
    lines such as menus, section names and mastheads are not counted), at most HEADER_MAX."""
    head = text[:HEADER_MAX]
    counted = 0
    for start, end in paragraphs(head):
        if end - start > SHORT_PARAGRAPH:
            counted += 1
            if counted >= LEAD_PARAGRAPHS:
                return end
    return len(head)


@dataclass(frozen=True)
class _Dateline:
    start: int  # where the paragraph opened by the dateline starts
    place: tuple[int, int] | None
    date: tuple[int, int] | None
    credit: tuple[int, int] | None


def _dateline(text: str, lead: int, pat: dict[str, re.Pattern[str]]) -> _Dateline | None:
    """The dateline opening the first line of running text that has one (pages copied as text
    often keep one line per paragraph, with no blank line between)."""
    if "dateline" not in pat:
        return None
    opened = False  # past the story's first paragraph, only unmistakable datelines count
    for line in _LINE.finditer(text, 0, lead):
        start, line_end = line.start(), line.end()
        for at in _line_starts(text, start, line_end, pat):
            found = _dateline_at(text, at, line_end, pat, opened)
            if found is not None:
                return found
        opened = opened or _running_text(text[start:line_end])
    return None


def dateline_span(text: str, pack: LangPack) -> tuple[int, int] | None:
    """Where the place a story was filed from is written ("BANGKOK (AP) —"): a place to skip
    as an event's place. The same span `infer` records as the `dateline` field."""
    pat = _compiled(pack)
    head = header_end(text, pack)
    region = head if header_salutation(text, pack) is not None else max(head, lead_end(text))
    found = _dateline(text, region, pat)
    return found.place if found is not None else None


def _running_text(line: str) -> bool:
    """A paragraph of sentences, not a headline, menu or caption label."""
    line = line.rstrip()
    return len(line) >= 2 * MIN_LEAD_LINE and line[-1:] in _SENTENCE_END


_LINE = re.compile(r"(?<![^\n])[ \t]*\S[^\n]*")


def _line_starts(
    text: str, start: int, line_end: int, pat: dict[str, re.Pattern[str]]
) -> list[int]:
    """Where a dateline may start: the line's start, or after a leading (labelled) date
    ("date 2024-03-29 KHARTOUM —")."""
    starts = [start]
    m = _labelled_date(text, start, line_end, pat)
    if m is not None:
        rest = m.end()
        while rest < line_end and text[rest] in " \t":
            rest += 1
        starts.append(rest)
    return starts


def _labelled_date(
    text: str, start: int, end: int, pat: dict[str, re.Pattern[str]]
) -> re.Match[str] | None:
    """A date opening a line, after an optional label: "date 2024-03-29", "Date: 2021-06"."""
    label = pat.get("date_label")
    at = start
    if label is not None:
        m = label.match(text, start, end)
        at = m.end() if m else start
    return pat["date"].match(text, at, end) or (
        _PARTIAL_ISO.match(text, at, end) if at > start else None
    )


_PARTIAL_ISO = re.compile(r"(?P<iso>(?:19|20)\d\d-[01]\d)(?![\d-])")


def _dateline_at(
    text: str, at: int, line_end: int, pat: dict[str, re.Pattern[str]], opened: bool
) -> _Dateline | None:
    m = pat["dateline"].match(text, at, line_end)
    if m is not None:
        found = _checked_dateline(text, m, line_end, pat, opened)
        if found is not None:
            return found
    lead = pat.get("credit_lead")
    c = lead.match(text, at, line_end) if lead else None
    if c is not None and _is_credit(c.group("credit"), pat) and line_end - c.end() >= MIN_LEAD_LINE:
        return _Dateline(at, None, None, (c.start("credit"), c.end("credit")))
    return None


def _checked_dateline(
    text: str, m: re.Match[str], line_end: int, pat: dict[str, re.Pattern[str]], opened: bool
) -> _Dateline | None:
    rest = text[m.end() : line_end].rstrip()
    # running text follows: long, or a sentence ("Ethiopia – Military Executes Dozens" is a title)
    if len(rest) < MIN_LEAD_LINE or (len(rest) < 200 and rest[-1] not in '.!?"”’»)…'):
        return None
    place = _span(m, "place")
    date_span = _span(m, "date")
    credit = _span(m, "credit")
    if place and not credit and text[m.start()] == "(" and lookup(text[place[0] : place[1]]):
        place, credit = None, place  # "(Reuters) - ...": a credit, not a place
    if credit and not _is_credit(text[credit[0] : credit[1]], pat):
        return None
    if not (place or date_span or credit):
        return None
    if m.group("sep") == ":" and not (date_span or credit):
        return None  # "Background: In 2019..." is a label, not a dateline
    if place and not (date_span or credit):
        written = text[place[0] : place[1]]
        if not _capitals(written) and (opened or len(written.split()) > 3):
            return None  # "In Darfur — where...", a headline's "Colombia – Armed Groups..."
    return _Dateline(m.start(), place, date_span, credit)


def _span(m: re.Match[str], group: str) -> tuple[int, int] | None:
    if m.group(group) is None or not m.group(group).strip():
        return None
    return m.start(group), m.end(group)


def _capitals(place: str) -> bool:
    """A place in capitals ("KINSHASA", "PORT-AU-PRINCE, Haiti" counts by its first part)."""
    letters = [c for c in place.split(",")[0] if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _is_credit(credit: str, pat: dict[str, re.Pattern[str]]) -> bool:
    """A credit names who wrote the story, in a few words; a photo credit does not count."""
    photo = pat.get("photo_credit")
    if photo is not None and photo.search(credit):
        return False
    return 1 <= len(credit.split()) <= 5 and credit[:1].isupper()


def _source_value(
    name: str, start: int, end: int, producer: str
) -> tuple[MetaValue, KnownSource | None]:
    """A source named in the text: the canonical name when it is a known one."""
    known = lookup(name)
    value = known.name if known else _one_line(name)
    return MetaValue(value, "inferred", producer, start, end), known


@dataclass
class _Found:
    """Publisher and author candidates in order of strength: the first of each wins."""

    publisher: list[tuple[MetaValue, KnownSource | None]]
    author: list[MetaValue]


def _mastheads(text: str, lead: int, pat: dict[str, re.Pattern[str]], found: _Found) -> None:
    """A known source's name standing on a line of its own near the top of the page, alone or
    with words like "Report", "Press release", "Statements" ("Fortify Rights Report")."""
    words = pat.get("masthead_words")
    for line in re.finditer(r"[^\n]+", text[:lead]):
        ls, le = line.start(), line.end()
        raw = line.group(0)
        if len(raw.strip()) > 100:
            continue
        for s, e, known in find_known(text, ls, le):
            before, after = text[ls:s].strip(" \t|–—-:"), text[e:le].strip(" \t|–—-:")
            if not _masthead_rest(before, words, at_start=False) or not _masthead_rest(
                after, words, at_start=True
            ):
                continue
            value = MetaValue(known.name, "inferred", _by("masthead"), s, e)
            found.publisher.append((value, known))
            if (known.kind == "outlet" and not before and not after) or known.kind == "ngo":
                found.author.append(MetaValue(known.name, "inferred", _by("credit"), s, e))
            break


def _masthead_rest(rest: str, words: re.Pattern[str] | None, at_start: bool) -> bool:
    """What may stand beside a masthead name: nothing, or a publication word (after the name
    anything may follow it: "ACLED Regional Overview: Africa (30 July - 5 August 2022)")."""
    if not rest:
        return True
    if words is None:
        return False
    m = words.match(rest)
    if m is None:
        return False
    return at_start or m.end() == len(rest)


def _labelled(text: str, lead: int, pat: dict[str, re.Pattern[str]], found: _Found) -> None:
    """ "Source: OCHA", "Sources" then the name, "a service provided by UN OCHA"."""
    for name in ("publisher_label", "service_of"):
        p = pat.get(name)
        if p is None:
            continue
        for m in p.finditer(text, 0, lead):
            known = find_known(text, m.start("name"), m.end("name"))
            if known:
                s, e, entry = known[0]
                value = MetaValue(entry.name, "inferred", _by("label"), s, e)
                found.publisher.append((value, entry))
                return


def _press_symbol(
    text: str, lead: int, pack: LangPack, pat: dict[str, re.Pattern[str]], found: _Found
) -> None:
    """A UN press-release symbol on a line of its own: the UN's meetings coverage."""
    p = pat.get("press_symbol")
    m = p.search(text, 0, lead) if p else None
    name = pack.section("meta").get("press_symbol_source")
    if m is not None and name:
        known = lookup(name)
        value = MetaValue(known.name if known else name, "inferred", _by("symbol"))
        found.publisher.append(
            (MetaValue(value.value, "inferred", value.producer, m.start(), m.end()), known)
        )


def _copyright(text: str, pat: dict[str, re.Pattern[str]], found: _Found) -> None:
    """ "© 2024 The Daily Courier. All rights reserved." on a line of its own, anywhere."""
    p = pat.get("copyright")
    if p is None:
        return
    for m in p.finditer(text):
        name = m.group("name").strip()
        if len(name.split()) > 6 or not name[:1].isupper():
            continue
        value, known = _source_value(
            name, m.start("name"), m.start("name") + len(name), _by("copyright")
        )
        found.publisher.append((value, known))
        return


def _credits(
    text: str, dl: _Dateline | None, pat: dict[str, re.Pattern[str]], found: _Found
) -> None:
    """Who filed the story: the dateline's credit ("BANGKOK (AP) —"), else a known agency
    credited at the end of a paragraph ("... — AFP")."""
    spans: list[tuple[int, int]] = []
    if dl is not None and dl.credit is not None:
        spans.append(dl.credit)
    tail = pat.get("credit_tail")
    if tail is not None and not spans:
        for m in tail.finditer(text):
            credit = m.group("credit")
            known = lookup(credit)
            if known is not None and known.kind == "outlet" and _is_credit(credit, pat):
                spans.append((m.start("credit"), m.end("credit")))
                break
    for s, e in spans[:1]:
        value, known = _source_value(text[s:e], s, e, _by("credit"))
        found.publisher.append((value, known))
        found.author.append(MetaValue(value.value, "inferred", value.producer, s, e))


def _self_report(text: str, lead: int, pat: dict[str, re.Pattern[str]], found: _Found) -> None:
    """An organisation's own release: "Amnesty International said today", "MSF ... warns
    that" in running text of the lead (a news story says "said on Friday")."""
    cue = pat.get("self_report")
    if cue is None:
        return
    for line in _LINE.finditer(text, 0, lead):
        start, end = line.start(), line.end()
        if end - start < 2 * MIN_LEAD_LINE or text[start:end].rstrip()[-1:] not in _SENTENCE_END:
            continue  # a headline ("..., HRW says") is no release
        for said in cue.finditer(text, start, end):
            sentence = max(text.rfind(". ", start, said.start()) + 1, start)
            named = [k for k in find_known(text, sentence, said.start()) if k[2].kind in _ORGS]
            if named:  # the organisation nearest before the verb is its subject
                s, e, known = named[-1]
                value = MetaValue(known.name, "inferred", _by("self-report"), s, e)
                found.publisher.append((value, known))
                found.author.append(value)
                return


_ORGS = ("ngo", "un")
_SENTENCE_END = '.!?"”’…'


def _self_reference(text: str, pat: dict[str, re.Pattern[str]], found: _Found) -> None:
    """An outlet speaking of itself in its own story ("a witness told AFP", "Reuters could not
    independently verify"): it wrote the story, and published it unless more is known."""
    before, after = pat.get("self_reference_before"), pat.get("self_reference_after")
    if before is None or after is None:
        return
    for s, e, known in find_known(text, 0, HEADER_MAX):
        if known.kind != "outlet":
            continue
        if before.search(text[max(0, s - 40) : s]) or after.match(text, e, e + 80):
            value = MetaValue(known.name, "inferred", _by("self-reference"), s, e)
            found.publisher.append((value, known))
            found.author.append(value)
            return


def _mission(text: str, head: int, pat: dict[str, re.Pattern[str]], found: _Found) -> None:
    """A statement's header naming a state's permanent mission: the mission published it
    (a letterhead line whole: "PERMANENT MISSION OF X TO THE UNITED NATIONS")."""
    m = pat["mission"].search(text, 0, head)
    if m is None:
        return
    start, end = m.start(), m.end()
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end == -1 else line_end
    if not text[line_start:start].strip() and line_end - line_start <= 150:
        start, end = line_start, line_end
    end = len(text[:end].rstrip())
    value = MetaValue(_one_line(text[start:end]), "inferred", _by("mission"), start, end)
    found.publisher.append((value, None))


def _publisher_author(
    text: str,
    head: int,
    lead: int,
    dl: _Dateline | None,
    pack: LangPack,
    pat: dict[str, re.Pattern[str]],
) -> dict[str, MetaValue]:
    found = _Found([], [])
    _mastheads(text, lead, pat, found)
    _labelled(text, lead, pat, found)
    _press_symbol(text, lead, pack, pat, found)
    _copyright(text, pat, found)
    _credits(text, dl, pat, found)
    _self_report(text, lead, pat, found)
    _self_reference(text, pat, found)
    _mission(text, head, pat, found)
    out: dict[str, MetaValue] = {}
    if found.publisher:
        out["publisher"] = found.publisher[0][0]
    if found.author:
        out["author"] = found.author[0]
    return out


def _party(
    text: str,
    head: int,
    title: MetaValue | None,
    pack: LangPack,
    pat: dict[str, re.Pattern[str]],
    entities: str | None,
) -> dict[str, MetaValue]:
    """The state (ISO alpha-3) or organisation the speaker speaks for."""
    sources: list[tuple[int, int]] = []
    if title is not None and title.start is not None and title.end is not None:
        sources.append((title.start, title.end))
    for name in ("mission", "on_behalf"):
        for m in pat[name].finditer(text, 0, head):
            sources.append((m.start("party"), m.end("party")))
    for start, end in sources:
        found = countries.find(text[start:end], pack.code, entities)
        if found:
            c = found[0]
            return {"speaker_country": _value(c.code, start + c.start, start + c.end)}
        skip = pat["party_skip"].search(text, start, end)
        for org in pat["orgs"].finditer(text, start, end):
            if skip and skip.start() <= org.start() < skip.end():
                continue
            code = pack.section("meta")["organisations"][org.group(0)]
            return {"speaker_org": _value(code, org.start(), org.end())}
    return {}


def _first(pattern: re.Pattern[str], text: str, head: int, group: str) -> MetaValue | None:
    m = pattern.search(text, 0, head)
    return _value(_one_line(m.group(group)), m.start(group), m.end(group)) if m else None


def infer(
    text: str, pack: LangPack, hints: dict[str, str] | None = None, entities: str | None = None
) -> dict[str, MetaValue]:
    """Every metadata field the text supports. Pure: no I/O, no global state."""
    pat = _compiled(pack)
    head = header_end(text, pack)
    # A statement's header ends at its salutation; a page's top at its first paragraphs.
    region = head if header_salutation(text, pack) is not None else max(head, lead_end(text))
    meta = _speaker(text, head, pat) or _speaker_act(text, region, pat)
    meta.update(_party(text, head, meta.get("speaker_title"), pack, pat, entities))
    dl = _dateline(text, region, pat)
    if dl is not None and dl.place is not None:
        # Where the story was filed, never where an event happened: extraction skips this span.
        place = _one_line(text[dl.place[0] : dl.place[1]])
        meta["dateline"] = MetaValue(place, "inferred", _by("dateline", "date"), *dl.place)
    found_date = _find_date(text, region, dl, pack, pat)
    if found_date:
        meta["date"] = found_date
    meta.update(_publisher_author(text, head, region, dl, pack, pat))
    body = pat["bodies"].search(text, 0, head)
    if body:
        canonical = pack.section("meta")["bodies"][body.group(0)]
        meta["body"] = _value(canonical, body.start(), body.end())
    meeting = _first(pat["meeting"], text, head, "meeting")
    if meeting:
        meta["meeting"] = meeting
    agenda = pat["agenda"].search(text, 0, head)
    if agenda:
        item = agenda.group("item").replace(" ", "")
        meta["agenda_item"] = _value(item, agenda.start("item"), agenda.end("item"))
        quoted = pat["quoted"].match(text, agenda.end())
        if quoted:
            meta["agenda_title"] = _value(
                _one_line(quoted.group("title")), quoted.start("title"), quoted.end("title")
            )
    cites = cited_symbols(text, pack)
    if cites:
        meta["cites"] = MetaValue([c.symbol for c in cites], "inferred", "meta.cites@1")
    meta.update(_hinted(meta, hints or {}))
    return meta


def _hinted(meta: dict[str, MetaValue], hints: dict[str, str]) -> dict[str, MetaValue]:
    """What the format declares (HTML meta tags): the page's own publisher, date and author
    beat what is guessed from its text; other hints only fill gaps."""
    out: dict[str, MetaValue] = {}
    for key, value in hints.items():
        if not value:
            continue
        if key == "date":
            if not re.match(r"\d{4}-\d\d-\d\d", value):
                if key not in meta:
                    out[key] = MetaValue(value, "inferred", "meta.format-hints@1")
                continue
            value = value[:10]
        if key not in meta or key in DECLARED_WINS:
            out[key] = MetaValue(value, "inferred", "meta.format-hints@1")
    return out
