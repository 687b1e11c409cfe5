"""States and other parties by name → ISO 3166-1 alpha-3 code, offline.

Names come from pycountry (ISO 3166 short, official and common names, with "Korea, Republic
of" also read as "Republic of Korea"), the language pack's aliases, a small built-in list of
entities ISO omits (Kosovo, XKX), and any entities file the user names (``--entities`` or
``TOCSIN_ENTITIES``): JSON ``{"entities": [{"code": "XVR", "names": ["Varosia"]}]}``. User
codes for fictional or unrecognised parties should use the user-assigned range (XAA–XZZ).
"""

from __future__ import annotations

import gettext
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pycountry

from tocsin.errors import TocsinError
from tocsin.lang import LangPack, load, script

_BUILTIN = Path(__file__).parent / "data" / "entities.json"


@dataclass(frozen=True)
class CountryMatch:
    code: str
    name: str  # as written in the text
    start: int
    end: int


def _strip_the(name: str) -> str:
    return _THE.sub("", name.strip())


_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _translator(locale: str | None) -> Callable[[str], str]:
    """ISO 3166 names in the pack's language, from the iso-codes translations pycountry ships."""
    if not locale:
        return lambda name: name
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[locale]).gettext
    except OSError:
        return lambda name: name


def _iso_names(locale: str | None = None) -> dict[str, str]:
    translate = _translator(locale)
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            english = getattr(c, attr, None)
            if not english:
                continue
            for value in {english, translate(english)}:
                names[_strip_the(value)] = c.alpha_3
                # "Congo, The Democratic Republic of the" → "Democratic Republic of the Congo"
                if ", " in value:
                    head, tail = value.split(", ", 1)
                    names[_strip_the(f"{tail} {head}")] = c.alpha_3
    return names


@cache
def _read_entities(path: str) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("entities", []), list):
            raise ValueError("top level must be an object with an 'entities' list")
        return data
    except (OSError, ValueError) as exc:
        raise TocsinError(
            f"entities file {path}: {exc} (expected {{'entities': [{{'code', 'names'}}]}})"
        ) from None


def _entity_file(path: Path) -> dict[str, str]:
    try:
        return {
            n: e["code"] for e in _read_entities(str(path)).get("entities", []) for n in e["names"]
        }
    except (KeyError, TypeError) as exc:
        raise TocsinError(
            f"entities file {path}: every entity needs 'code' and 'names' ({exc})"
        ) from None


def _user_file(entities_file: str | None) -> str | None:
    """The user's entities file: given, else $TOCSIN_ENTITIES, else none."""
    return entities_file or os.environ.get("TOCSIN_ENTITIES")


@cache
def user_groups(entities_file: str | None) -> re.Pattern[str] | None:
    """Protected groups the user's entities file names (``"groups": ["Kaduri", ...]``):
    fictional ones, or real ones the language pack lacks; found as victims' group."""
    user = _user_file(entities_file)
    names = _read_entities(user).get("groups", []) if user else []
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        raise TocsinError(f"entities file {user}: 'groups' must be a list of names")
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b")


@cache
def user_names(entities_file: str | None) -> tuple[str, ...]:
    """Every name the user's entities file gives a state or a place."""
    user = _user_file(entities_file)
    if not user:
        return ()
    names = list(_entity_file(Path(user)))
    for p in user_places(entities_file):
        names += [p["name"], *p.get("alternates", [])]
    return tuple(names)


def user_places(entities_file: str | None) -> list[dict[str, Any]]:
    """Places the user's entities file adds to the gazetteer (fictional or missing towns):
    ``"places": [{"name", "country", "lat", "lon", "alternates"?, "admin1"?}]``, where
    admin1 names the first-level subdivision (province, region) risk is also assessed for."""
    user = _user_file(entities_file)
    if not user:
        return []
    places = _read_entities(user).get("places", [])
    for p in places:
        if not isinstance(p, dict) or not {"name", "country", "lat", "lon"} <= set(p):
            raise TocsinError(f"entities file {user}: each place needs name, country, lat and lon")
        if "admin1" in p and not (
            isinstance(p["admin1"], str) and p["admin1"].strip() and "/" not in p["admin1"]
        ):
            raise TocsinError(f"entities file {user}: a place's admin1 must be a region name")
    return list(places)


@cache
def index(lang: str = "en", entities_file: str | None = None) -> dict[str, str]:
    pack = load(lang)
    names = _iso_names(pack.data.get("iso_locale"))
    names.update(pack.section("countries").get("aliases", {}))
    names.update(_entity_file(_BUILTIN))
    user = _user_file(entities_file)
    if user:
        names.update(_entity_file(Path(user)))
    writing = script.of(pack)
    if writing.fold or writing.drop:  # names as the rules read the text (letters folded)
        names = {script.as_read(n, pack): c for n, c in names.items()}
    return names


_LETTERS = re.compile(r"[^\W\d_]+")
# Where a name can start: a run of letters after no letter, digit or hyphen, opening with an
# ASCII capital or a non-ASCII letter (checked in Python). The regex engine skips the
# lower-case words that are most of a text, and a Unicode class of capitals is slow in `re`.
_CAPITALISED = re.compile(r"(?<![^\W_])(?<!-)(?=[A-Z]|[^\x00-\x7f])[^\W\d_]+")


@cache
def _by_first_word(lang: str, entities_file: str | None) -> dict[str, list[tuple[str, str]]]:
    """First word of every name (lower case) → (name, code), longest names first."""
    out: dict[str, list[tuple[str, str]]] = {}
    for name, code in index(lang, entities_file).items():
        first = _LETTERS.match(name)
        if first:
            out.setdefault(first.group(0).lower(), []).append((name, code))
    for names in out.values():
        names.sort(key=lambda nc: len(nc[0]), reverse=True)
    return out


def find(text: str, lang: str = "en", entities_file: str | None = None) -> list[CountryMatch]:
    """Every country name in `text`, the longest name winning at each position.

    A name must be written as the gazetteer writes it ("Chad", not "chad") or in capitals
    (letterheads: "THE REPUBLIC OF AZERBAIJAN"). Scans capitalised words and looks names up
    by their first word, which keeps this fast on long texts.
    """
    if len(text) >= _WHOLE:
        return list(_find_whole(text, lang, entities_file))
    return _find(text, lang, entities_file)


# A whole document is scanned by several steps of extraction (the states it names, how it
# writes them): the last few are kept.
_WHOLE = 2000


@lru_cache(maxsize=4)
def _find_whole(text: str, lang: str, entities_file: str | None) -> tuple[CountryMatch, ...]:
    return tuple(_find(text, lang, entities_file))


def _find(text: str, lang: str, entities_file: str | None) -> list[CountryMatch]:
    first_words = _by_first_word(lang, entities_file)
    writing = script.of(load(lang))
    if not writing.cased:
        return list(_find_uncased(text, lang, entities_file))
    out: list[CountryMatch] = []
    pos = 0
    for m in _CAPITALISED.finditer(text):
        start = m.start()
        if start < pos or not m.group(0)[0].isupper():
            continue
        for name, code in first_words.get(m.group(0).lower(), ()):
            end = start + len(name)
            written = text[start:end]
            if written.lower() != name.lower():
                continue
            if end < len(text) and (text[end].isalnum() or text[end] in "-_"):
                continue
            if written == name or written.isupper():
                out.append(CountryMatch(code, written, start, end))
                pos = end
                break
    return out


@lru_cache(maxsize=256)
def _find_uncased(text: str, lang: str, entities_file: str | None) -> tuple[CountryMatch, ...]:
    """In a script without capitals, every word (without the clitics written onto it)
    whose name the index holds, the longest name winning. A sentence is asked about by
    several steps of extraction: the answers are kept."""
    first_words = _by_first_word(lang, entities_file)
    writing = script.of(load(lang))
    out: list[CountryMatch] = []
    pos = 0
    for m in _LETTERS.finditer(text):
        if m.start() < pos:
            continue
        for bare in writing.bare(m.group(0)):
            # the bare word read in place of the written one ("للسودان" read as "السودان")
            start = m.end() - len(bare) if m.group(0).endswith(bare) else m.start()
            rest = text[m.end() :]
            hit = next(
                (
                    (name, code)
                    for name, code in first_words.get(bare.lower(), ())
                    if (bare + rest[: len(name) - len(bare)]).lower() == name.lower()
                    and not _glued(text, m.end() + len(name) - len(bare), writing)
                ),
                None,
            )
            if hit and not _placed(text, start, hit[0], lang):
                continue  # "دعم مالي" (financial support), not Mali
            if hit:
                end = m.end() + len(hit[0]) - len(bare)
                out.append(CountryMatch(hit[1], text[start:end], start, end))
                pos = end
                break
    return tuple(out)


def _placed(text: str, start: int, name: str, lang: str) -> bool:
    """A country's name that is also a common word (the pack's [countries] word_too) names
    the country only after a place or institution word ("في مالي", "حكومة مالي")."""
    pack = load(lang)
    if name not in _words_too(pack):
        return True
    places = pack.section("places")
    before = text[max(0, start - 40) : start]
    return any(
        re.search(places[key], before) is not None
        for key in ("before_country", "institution_before_country")
        if places.get(key)
    )


@cache
def _words_too(pack: LangPack) -> frozenset[str]:
    return frozenset(script.as_read(n, pack) for n in pack.section("countries").get("word_too", []))


def _glued(text: str, end: int, writing: script.Script) -> bool:
    """Does a word go on after `end` (other than with a suffix the script writes on)?"""
    if end >= len(text) or not text[end].isalnum():
        return False
    return not any(text.startswith(x, end) for x in writing.suffixes)


@cache
def _lowered(lang: str, entities_file: str | None) -> dict[str, str]:
    return {n.lower(): c for n, c in index(lang, entities_file).items()}


def resolve(name: str, lang: str = "en", entities_file: str | None = None) -> str | None:
    """The code of a party named exactly (any case, with or without a leading "the")."""
    return _lowered(lang, entities_file).get(_strip_the(name).lower())


@cache
def _names_of(lang: str) -> dict[str, str]:
    """ISO alpha-3 → the name the pack's language gives the country: ISO's common or short
    name when it is short ("Myanmar", "United States"), else the pack's shortest alias (not
    an acronym: "Syria" for "Syrian Arab Republic"), else ISO's name."""
    pack = load(lang)
    translate = _translator(pack.data.get("iso_locale"))
    aliases: dict[str, str] = {}
    for name, code in pack.section("countries").get("aliases", {}).items():
        if name.isupper() or "." in name or "-" in name:
            continue
        if code not in aliases or len(name) < len(aliases[code]):
            aliases[code] = name
    out: dict[str, str] = {}
    for c in pycountry.countries:
        common = getattr(c, "common_name", None)
        name = translate(common or c.name)
        if common and name == common and translate(c.name) != c.name:
            name = translate(c.name)  # the common name has no translation, the official one has
        if ", " in name or len(name.split()) > 2:
            name = aliases.get(c.alpha_3) or name
        if ", " in name:  # "Congo, The Democratic Republic of the"
            head, tail = name.split(", ", 1)
            name = _strip_the(f"{tail} {head}")
        out[c.alpha_3] = name
    return out


def name_of(code: str, lang: str = "en", entities_file: str | None = None) -> str:
    """The name of the party with this code in the pack's language ("SDN" → "Sudan"),
    the entities files' first name for codes ISO lacks, else the code itself."""
    known = _names_of(lang).get(code)
    if known:
        return known
    names = [n for n, c in index(lang, entities_file).items() if c == code]
    return names[0] if names else code
