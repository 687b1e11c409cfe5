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
from functools import cache
from pathlib import Path

import pycountry

from tocsin.errors import TocsinError
from tocsin.lang import load

_BUILTIN = Path(__file__).parent / "data" / "entities.json"


@dataclass(frozen=True)
class CountryMatch:
    code: str
    name: str  # as written in the text
    start: int
    end: int


def _strip_the(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)


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


def _entity_file(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {n: e["code"] for e in data["entities"] for n in e["names"]}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise TocsinError(
            f"entities file {path}: {exc} (expected {{'entities': [{{'code', 'names'}}]}})"
        ) from None


@cache
def index(lang: str = "en", entities_file: str | None = None) -> dict[str, str]:
    pack = load(lang)
    names = _iso_names(pack.data.get("iso_locale"))
    names.update(pack.section("countries").get("aliases", {}))
    names.update(_entity_file(_BUILTIN))
    user = entities_file or os.environ.get("TOCSIN_ENTITIES")
    if user:
        names.update(_entity_file(Path(user)))
    return names


@cache
def _pattern(
    lang: str, entities_file: str | None
) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    names = index(lang, entities_file)
    lowered = {n.lower(): (c, n) for n, c in names.items()}
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE), lowered


def find(text: str, lang: str = "en", entities_file: str | None = None) -> list[CountryMatch]:
    """Every country name in `text`, the longest name winning at each position.

    A name must be written as the gazetteer writes it ("Chad", not "chad") or in capitals
    (letterheads: "THE REPUBLIC OF AZERBAIJAN").
    """
    pattern, lowered = _pattern(lang, entities_file)
    out = []
    for m in pattern.finditer(text):
        written = m.group(0)
        code, canonical = lowered[written.lower()]
        if written == canonical or written.isupper():
            out.append(CountryMatch(code, written, m.start(), m.end()))
    return out


def resolve(name: str, lang: str = "en", entities_file: str | None = None) -> str | None:
    """The code of a party named exactly (any case, with or without a leading "the")."""
    _, lowered = _pattern(lang, entities_file)
    found = lowered.get(_strip_the(name).lower())
    return found[0] if found else None
