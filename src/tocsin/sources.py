"""Well-known sources (UN bodies, NGOs, news agencies and outlets) as data, and where a text
names them.

The list is `data/sources.toml`; a document's publisher and a claim's source are both
recognised against it. Names are matched with case as written ("WHO" the agency, never
"who"), on word boundaries, longest first ("UN Human Rights Office" before "UN").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_FILE = Path(__file__).parent / "data" / "sources.toml"
KINDS = ("un", "ngo", "outlet", "state")


@dataclass(frozen=True, slots=True)
class KnownSource:
    name: str  # canonical, in English
    kind: str  # one of KINDS
    country: str | None = None  # ISO 3166-1 alpha-3 (an outlet's state; state media)
    aliases: tuple[str, ...] = ()
    short: str | None = None  # usual abbreviation ("AP", "OHCHR")
    wire: bool = False  # a news agency other outlets credit ("(AP) —")


@cache
def known_sources() -> tuple[KnownSource, ...]:
    """Every entry of data/sources.toml, in file order."""
    with _FILE.open("rb") as fh:
        data = tomllib.load(fh)
    out = []
    for kind in KINDS:
        for entry in data.get(kind, ()):
            out.append(
                KnownSource(
                    name=entry["name"],
                    kind=kind,
                    country=entry.get("country"),
                    aliases=tuple(entry.get("aliases", ())),
                    short=entry.get("short"),
                    wire=bool(entry.get("wire", False)),
                )
            )
    return tuple(out)


@cache
def _index() -> tuple[re.Pattern[str], dict[str, KnownSource]]:
    by_name: dict[str, KnownSource] = {}
    for src in known_sources():
        for written in (src.name, *src.aliases):
            by_name.setdefault(_fold(written), src)  # the first entry to claim a spelling keeps it
    names = sorted(by_name, key=len, reverse=True)
    # Word-bounded; an apostrophe may be written straight or curly ("Children’s Fund").
    alts = "|".join(_APOSTROPHE.sub("['’]", re.escape(n)) for n in names)
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])"), by_name


_APOSTROPHE = re.compile("['’]")


def _fold(name: str) -> str:
    return _APOSTROPHE.sub("'", name.strip())


def find_known(
    text: str, start: int = 0, end: int | None = None
) -> list[tuple[int, int, KnownSource]]:
    """Known sources named in text[start:end], as (start, end, entry), in text order."""
    pattern, by_name = _index()
    out = []
    for m in pattern.finditer(text, start, len(text) if end is None else end):
        src = by_name.get(_fold(m.group(0)))
        if src is not None:
            out.append((m.start(), m.end(), src))
    return out


def lookup(name: str) -> KnownSource | None:
    """The entry a name (canonical or alias, exactly as written) stands for."""
    return _index()[1].get(_fold(name))
