"""Every shipped language pack: complete (each section and key the French pack has, the
second pack written), and every pattern in it compiles."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tocsin import lang

PACKS = ("es", "ru", "ar", "zh")
LOCALES = {"es": "es", "ru": "ru", "ar": "ar", "zh": "zh_CN"}
# lists of names, not keys: what one language names another need not
NAMES = ("dates.months.", "countries.aliases.", "regions.names.", "regions.areas.")
NAMES += ("meta.bodies.", "meta.organisations.", "citations.bodies.", "script.")


def _keys(data: dict[str, Any]) -> set[str]:
    out: set[str] = set()
    for name, value in data.items():
        out.add(name)
        if isinstance(value, dict):
            out |= {f"{name}.{k}" for k in value}
    return {k for k in out if not k.startswith(NAMES)}


@pytest.mark.parametrize("code", PACKS)
def test_the_pack_has_every_section_and_key_of_the_french_pack(code: str) -> None:
    assert lang.has_pack(code)
    pack = lang.load(code)
    assert not _keys(lang.load("fr").data) - _keys(pack.data)
    assert pack.data["iso_locale"] == LOCALES[code]


@pytest.mark.parametrize("code", (*PACKS, "en", "fr"))
def test_every_pattern_of_the_pack_compiles(code: str) -> None:
    placeholders = {
        "{months}": "x",
        "{weekdays}": "x",
        "{n}": r"\d+",
        "{date}": r"\d",
        "{monthday}": r"\d",
        "{day}": r"\d",
        "{month}": "x",
        "{year}": r"\d{4}",
    }

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, str) and "\\" in value:
            for key, stand_in in placeholders.items():
                value = value.replace(key, stand_in)
            re.compile(value)

    walk(lang.load(code).data)
