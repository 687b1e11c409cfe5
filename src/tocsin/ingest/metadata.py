"""Document metadata read from the text itself: who speaks, for whom, when, where, on what.

Works on the header of statements and similar documents (letterhead, "Statement by ...",
title line, meeting, agenda item, date) using the language pack's patterns, so the same
code reads a statement by any state. Every inferred value records the rule that produced
it and the span of text it was read from.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from tocsin import countries
from tocsin.ingest.citations import cited_symbols
from tocsin.lang import LangPack
from tocsin.types import MetaValue

PRODUCER = "meta.header@1"
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
        name: re.compile(meta[name], flags)
        for name in ("salutation", "mission", "on_behalf", "meeting", "agenda", "quoted")
    }
    out["speaker"] = re.compile(meta["speaker"], re.MULTILINE)
    out["byline"] = re.compile(meta["byline"], re.MULTILINE)
    out["title_words"] = re.compile(meta["title_words"])
    out["honorifics"] = re.compile(rf"^(?:(?:{honor})\s*)+", re.IGNORECASE)
    out["bodies"] = re.compile("|".join(re.escape(b) for b in bodies))
    out["orgs"] = re.compile("|".join(re.escape(o) for o in orgs))
    out["date"] = _date_pattern(pack)
    out["date_line"] = re.compile(
        meta["date_line"].replace("{date}", f"(?:{out['date'].pattern})"), flags
    )
    out["party_skip"] = re.compile(meta["party_skip"], re.IGNORECASE)
    return out


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
    months = pack.section("dates")["months"]
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


def _last_date(pattern: re.Pattern[str], text: str) -> int | None:
    """Where a date that ends `text` starts, if one does."""
    found = [m for m in pattern.finditer(text) if not text[m.end() :].strip(" .,;")]
    return found[-1].start() if found else None


def _find_date(
    text: str, head: int, pack: LangPack, pat: dict[str, re.Pattern[str]]
) -> MetaValue | None:
    """The document's date: one standing on its own line first, else the header's first."""
    for m in (*pat["date_line"].finditer(text, 0, head), *pat["date"].finditer(text, 0, head)):
        inner = pat["date"].search(m.group(0))
        if inner is None:
            continue
        iso = parse_date(inner, pack)
        if iso:
            start = m.start() + inner.start()
            return _value(iso, start, start + len(inner.group(0)))
    return None


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
    meta = _speaker(text, head, pat)
    meta.update(_party(text, head, meta.get("speaker_title"), pack, pat, entities))

    found_date = _find_date(text, head, pack, pat)
    if found_date:
        meta["date"] = found_date
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
    for key, value in (hints or {}).items():
        if key not in meta and value:
            hint_value = (
                value[:10] if key == "date" and re.match(r"\d{4}-\d\d-\d\d", value) else value
            )
            meta[key] = MetaValue(hint_value, "inferred", "meta.format-hints@1")
    return meta
