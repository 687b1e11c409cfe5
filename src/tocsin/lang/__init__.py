"""Language packs: everything language-specific, as data.

A pack is a TOML file named for its ISO 639-1 code (``en.toml``). Packs ship in this folder;
more can be added from a directory named by ``TOCSIN_LANG_PATH``. Code reads packs only
through `LangPack`, never by hard-coding words.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

_HERE = Path(__file__).parent
DEFAULT = "en"
_WORD = re.compile(r"\w+", re.UNICODE)


# eq=False: packs are loaded once and compared by identity, which makes them hashable
# (compiled patterns are cached per pack).
@dataclass(frozen=True, eq=False)
class LangPack:
    code: str
    name: str
    version: int
    data: dict[str, Any]

    @property
    def producer(self) -> str:
        return f"lang.{self.code}@{self.version}"

    def section(self, name: str) -> dict[str, Any]:
        value = self.data.get(name, {})
        if not isinstance(value, dict):
            raise ValueError(f"language pack {self.code}: [{name}] must be a table")
        return value

    @property
    def stopwords(self) -> frozenset[str]:
        return frozenset(self.data.get("stopwords", ()))


def _pack_dirs() -> list[Path]:
    extra = os.environ.get("TOCSIN_LANG_PATH", "")
    return [Path(p) for p in extra.split(os.pathsep) if p] + [_HERE]


@cache
def available() -> tuple[str, ...]:
    codes = {
        p.stem for d in _pack_dirs() if d.is_dir() for p in d.glob("*.toml") if "." not in p.stem
    }
    return tuple(sorted(codes))


@cache
def load(code: str) -> LangPack:
    """The pack `code.toml`, with the sections of its companions `code.*.toml` merged in
    (``en.extract.toml`` holds the extraction lexicons)."""
    for folder in _pack_dirs():
        path = folder / f"{code}.toml"
        if path.is_file():
            with path.open("rb") as fh:
                data = tomllib.load(fh)
            for extra in sorted(folder.glob(f"{code}.*.toml")):
                with extra.open("rb") as fh:
                    data.update(tomllib.load(fh))
            return LangPack(data.get("code", code), data.get("name", code), data["version"], data)
    raise KeyError(f"no language pack {code!r} (have: {', '.join(available())})")


def detect(text: str, sample: int = 20_000) -> str:
    """The pack whose function words are most frequent in the text; the default when unsure."""
    words = [w.lower() for w in _WORD.findall(text[:sample])]
    if not words:
        return DEFAULT
    best, best_share = DEFAULT, 0.0
    for code in available():
        stop = load(code).stopwords
        share = sum(w in stop for w in words) / len(words)
        if share > best_share:
            best, best_share = code, share
    return best if best_share >= 0.05 else DEFAULT
