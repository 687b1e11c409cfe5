"""Where a claim's events are said to happen: decided here, once, for the risk matrix,
alerts, the desk's map and country pages, reports and exports.

The places the claim names (their countries and, where known, first-level subdivisions);
failing that, the one country its accused and its targeted group point to (an ISO code among
the accused, the country whose demonym names the victims' group). Never the speaker's state:
a state's statement about its adversary is not evidence about the state itself. A claim that
names no place, or whose accused and victims point to different countries, has no area, and
says so (`Where.note`) rather than being filed under a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from tocsin import lang
from tocsin.types import Claim, Place

_ISO3 = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True, slots=True)
class Where:
    areas: tuple[str, ...]  # "XVM", "XVM/Dravin Valley"; empty: no area
    basis: str  # places | accused | targeted group | accused and targeted group | none | unclear
    note: str  # the same in words, for people

    def record(self) -> dict[str, object]:
        return {"areas": list(self.areas), "basis": self.basis, "note": self.note}


def where_of(c: Claim) -> Where:
    """Where the claim's events are said to happen (see the module's docstring)."""
    found = place_areas(c.places)
    if found:
        return Where(found, "places", "the places it names")
    return _fallback(tuple(c.accused), c.victim_group)


def areas_of(c: Claim) -> tuple[str, ...]:
    return where_of(c).areas


@lru_cache(maxsize=1 << 16)  # claims naming the same places share them
def place_areas(places: tuple[Place, ...]) -> tuple[str, ...]:
    found: set[str] = set()
    for p in places:
        if p.country:
            found.add(p.country)
            if p.admin1:
                found.add(f"{p.country}/{p.admin1}")
    return tuple(sorted(found))


@lru_cache(maxsize=1 << 16)
def _fallback(accused: tuple[str, ...], group: str | None) -> Where:
    states = {a for a in accused if _ISO3.fullmatch(a)}
    home = group_country(group) if group else None
    pointed = states | ({home} if home else set())
    if len(pointed) == 1:
        (country,) = pointed
        basis = " and ".join(
            b for b, on in (("accused", country in states), ("targeted group", home)) if on
        )
        return Where((country,), basis, f"no place named; placed by the {basis} ({country})")
    if not pointed:
        return Where((), "none", "no area: no place named, no state accused, no group's country")
    accused_text = ", ".join(sorted(states)) or "—"
    return Where(
        (),
        "unclear",
        f"no area: no place named, and the accused ({accused_text}) and the targeted group "
        f"({home or '—'}) point to different countries",
    )


@cache
def _demonyms() -> dict[str, str]:
    """Every language pack's demonyms ("Azerbaijani" → AZE), lower-cased: a claim does not
    say which language it was read in, and a group's name means one country in all."""
    out: dict[str, str] = {}
    for code in lang.available():
        actors = lang.load(code).section("actors")
        suffix = str(actors.get("plural_suffix", "")).casefold()
        for word, iso in dict(actors.get("demonyms", {})).items():
            out.setdefault(word.casefold(), iso)
            if suffix:
                out.setdefault(word.casefold() + suffix, iso)
    return out


def group_country(group: str) -> str | None:
    """The country a victims' group is named after ("Azerbaijani" civilians), if any; groups
    with no state of their own ("Rohingya", "Yazidi") have none."""
    return _demonyms().get(group.casefold())
