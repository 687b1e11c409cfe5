"""Language packs: everything language-specific, as data.

A pack is a TOML file named for its ISO 639-1 code (``en.toml``). Packs ship in this folder;
more can be added from a directory named by ``TOCSIN_LANG_PATH``. Code reads packs only
through `LangPack`, never by hard-coding words.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

_HERE = Path(__file__).parent
DEFAULT = "en"
_WORD = re.compile(r"\w+", re.UNICODE)
# identify.toml sits beside the packs but is not one.
_NOT_PACKS = frozenset({"identify"})
# Sentence ends of the scripts a generic pack may meet (Latin, CJK, Arabic, Devanagari).
_GENERIC_TERMINATORS = ".!?…。！？؟।"
NO_CLAIMS = "no claims extracted"  # how the warning on such a document starts
NEVER = r"(?!x)x"  # a pattern that never matches: what a pack's key is when a pack leaves it out
MIN_SHARE = 0.05  # below this share of function words, fall back to the script's default


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
        p.stem
        for d in _pack_dirs()
        if d.is_dir()
        for p in d.glob("*.toml")
        if "." not in p.stem and p.stem not in _NOT_PACKS
    }
    return tuple(sorted(codes))


def has_pack(code: str) -> bool:
    """Whether claims can be extracted from text in this language."""
    return code in available()


def no_pack_note(code: str) -> str | None:
    """What a document in a language without a pack is told (None when it has one)."""
    return None if has_pack(code) else f"{NO_CLAIMS}: no language pack for {code}"


@cache
def pack_for(code: str) -> LangPack:
    """The pack to read a document in `code` with: its own, or, for a language that has
    none, a generic one (the default pack's header and date rules, sentence ends of every
    script) so that the document is still stored, segmented and dated."""
    if has_pack(code):
        return load(code)
    base = load(DEFAULT)
    data = dict(base.data)
    seg = dict(base.section("segment"))
    seg["terminators"] = _GENERIC_TERMINATORS
    data["segment"] = seg
    # Its code stays the default's: lookups keyed by a pack's code (country names) need a
    # pack file; the document itself is stored under `code`.
    return LangPack(base.code, f"generic ({code})", base.version, data)


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
    """The language of `text` (ISO 639-1), whether or not it has a pack: the script most of
    its letters are written in, then, among that script's languages, the one whose function
    words are most frequent. The default when the text has no letters."""
    return identify(text[:sample])[0]


def identify(text: str) -> tuple[str, str]:
    """(language code, how it was decided): "script:han", "words:es" or "default"."""
    scripts = _scripts()
    counts = _script_counts(text, scripts)
    letters = sum(counts.values())
    if not letters:
        return DEFAULT, "default"
    chosen = max(counts, key=lambda name: counts[name])
    for name, script in scripts.items():
        wins_at = script.wins_at
        if wins_at is not None and counts.get(name, 0) >= wins_at * letters:
            chosen = name
            break
    script = scripts[chosen]
    if len(script.languages) == 1:
        return script.languages[0], f"script:{chosen}"
    return _by_words(text, script)


@dataclass(frozen=True)
class _Script:
    ranges: tuple[tuple[int, int], ...]
    languages: tuple[str, ...]
    default: str
    wins_at: float | None


@cache
def _identify_data() -> dict[str, Any]:
    with (_HERE / "identify.toml").open("rb") as fh:
        return tomllib.load(fh)


@cache
def _scripts() -> dict[str, _Script]:
    out = {}
    for name, entry in _identify_data()["scripts"].items():
        ranges = tuple(
            (int(lo, 16), int(hi, 16)) for lo, hi in (r.split("-") for r in entry["ranges"])
        )
        out[name] = _Script(
            ranges, tuple(entry["languages"]), entry["default"], entry.get("wins_at")
        )
    return out


@cache
def _script_of_char() -> dict[int, str]:
    """Code point → script, for every code point the scripts name (a few thousand)."""
    table: dict[int, str] = {}
    for name, script in _scripts().items():
        for lo, hi in script.ranges:
            for cp in range(lo, hi + 1):
                table.setdefault(cp, name)
    return table


def _script_counts(text: str, scripts: dict[str, _Script]) -> dict[str, int]:
    table = _script_of_char()
    counts: dict[str, int] = dict.fromkeys(scripts, 0)
    for ch, n in Counter(text).items():
        name = table.get(ord(ch))
        if name is not None and ch.isalpha():
            counts[name] += n
    return {k: v for k, v in counts.items() if v}


@cache
def _function_words(code: str) -> frozenset[str]:
    words = set(_identify_data().get("words", {}).get(code, ()))
    if has_pack(code):
        words |= load(code).stopwords  # a user's pack brings its own
    return frozenset(words)


def _by_words(text: str, script: _Script) -> tuple[str, str]:
    words = Counter(w.lower() for w in _WORD.findall(text))
    total = sum(words.values())
    best, best_share = script.default, 0.0
    for code in script.languages:
        stop = _function_words(code)
        share = sum(n for w, n in words.items() if w in stop) / total if total else 0.0
        if share > best_share:
            best, best_share = code, share
    if best_share < MIN_SHARE:
        return script.default, "default"
    return best, f"words:{best}"
