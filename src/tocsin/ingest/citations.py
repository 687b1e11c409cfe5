"""UN document symbols cited in a text, normalised.

Symbols themselves are language-independent (A/77/910-S/2023/409, A/75/L.82,
S/RES/2417 (2018)); the words around resolutions cited by bare number ("the Council adopted
four resolutions – 822, 853, 874 and 884") come from the language pack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tocsin.lang import LangPack

# Series that open a UN document symbol.
_SERIES = r"(?:A|S|E|ST|CCPR|CERD|CEDAW|CRC|CAT|CMW|CRPD|CED|DP|TD|UNEP|ICCD|FCCC|UNW)"
_PART = (
    r"/(?:[A-Z]{1,8}(?:\.\d{1,4})?|\d{1,5}(?:\.\d{1,4})?|[A-Z]{1,3}\.\d{1,4}(?:/[A-Z]{3}\.\d+)?)"
)
_ONE = rf"{_SERIES}(?:{_PART})+"
_DASH = r"\s?[-–—‐‑]\s?"
SYMBOL = re.compile(
    rf"(?<![\w/]){_ONE}(?:{_DASH}{_ONE})*(?:\s?\((?P<year>(?:19|20)\d\d)\))?(?![\w/])"
)
_YEAR = re.compile(r"\b(19[4-9]\d|20\d\d)\b")


@dataclass(frozen=True)
class Citation:
    symbol: str
    start: int
    end: int


def normalise_symbol(raw: str) -> str:
    """Dashes to "-", no spaces inside, "S/RES/2417(2018)" → "S/RES/2417 (2018)"."""
    m = re.match(r"^(.*?)\s?\((\d{4})\)$", raw)
    core, year = (m.group(1), m.group(2)) if m else (raw, None)
    core = re.sub(_DASH, "-", core).replace(" ", "").rstrip(".")
    return f"{core} ({year})" if year else core


def _has_digit(symbol: str) -> bool:
    return any(ch.isdigit() for ch in symbol)


@cache
def _resolution_patterns(
    pack: LangPack,
) -> tuple[re.Pattern[str], re.Pattern[str], list[tuple[str, str]]]:
    cfg = pack.section("citations")
    joiners = "|".join(re.escape(j) for j in cfg.get("list_joiners", ["and"]))
    number = r"\d{1,4}(?:/\d{1,4})?(?:\s?\((?:19|20)\d\d\))?"
    listed = re.compile(
        rf"{cfg['resolution_word']}\s*(?:[-–—:]\s*)?(?P<list>{number}(?:\s*(?:,|;|{joiners}|,\s*(?:{joiners}))\s*{number})*)",
        re.IGNORECASE,
    )
    item = re.compile(r"(?P<num>\d{1,4}(?:/\d{1,4})?)(?:\s?\((?P<year>(?:19|20)\d\d)\))?")
    bodies = sorted(cfg.get("bodies", {}).items(), key=lambda kv: len(kv[0]), reverse=True)
    return listed, item, bodies


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(". ", 0, pos), text.rfind("\n\n", 0, pos))
    end_candidates = [i for i in (text.find(". ", pos), text.find("\n\n", pos)) if i != -1]
    return (start + 1 if start >= 0 else 0), (min(end_candidates) if end_candidates else len(text))


def _nearest_year(text: str, s_start: int, s_end: int, pos: int, exclude: set[str]) -> str | None:
    """The year stated in the same sentence closest to `pos` ("In 1993, ... resolutions 822")."""
    years = [
        (abs(m.start() - pos), m.group(1))
        for m in _YEAR.finditer(text, s_start, s_end)
        if m.group(1) not in exclude
    ]
    return min(years)[1] if years else None


def _resolutions(text: str, pack: LangPack) -> list[Citation]:
    listed, item, bodies = _resolution_patterns(pack)
    out = []
    for m in listed.finditer(text):
        s_start, s_end = _sentence_bounds(text, m.start())
        context = text[s_start : m.start()]
        prefix = next((p for name, p in bodies if name in context), None)
        numbers = list(item.finditer(m.group("list")))
        cited = {n.group("num") for n in numbers}
        for n in numbers:
            num, year = n.group("num"), n.group("year")
            if "/" in num:  # session/number: General Assembly or Human Rights Council style
                if prefix == "S":
                    continue
                symbol = f"{prefix or 'A'}/RES/{num}"
            else:  # a plain number is a Security Council resolution
                if prefix not in (None, "S"):
                    continue
                year = year or _nearest_year(text, s_start, s_end, m.start(), cited)
                symbol = f"S/RES/{num}" + (f" ({year})" if year else "")
            base = m.start("list")
            out.append(Citation(symbol, base + n.start(), base + n.end()))
    return out


def cited_symbols(text: str, pack: LangPack) -> list[Citation]:
    """Every UN symbol in the text, in order of first appearance, each once."""
    found: list[Citation] = []
    for m in SYMBOL.finditer(text):
        raw = m.group(0)
        if _has_digit(raw):
            found.append(Citation(normalise_symbol(raw), m.start(), m.end()))
    covered = [(c.start, c.end) for c in found]
    for c in _resolutions(text, pack):
        if not any(s <= c.start < e for s, e in covered):
            found.append(c)
    found.sort(key=lambda c: c.start)
    seen: set[str] = set()
    unique = []
    for c in found:
        if c.symbol not in seen:
            seen.add(c.symbol)
            unique.append(c)
    return unique
