"""How a pack's script is read: the mechanisms a writing system needs, added once for every
pack that declares them in its ``[script]`` section.

- ``fold``: letters written several ways that mean one ("أ", "إ", "آ" → "ا"; traditional
  Chinese characters as simplified), one character for one; ``drop``: marks the rules read
  past (Arabic vowel marks, tatweel). Digits of every script (Arabic-Indic, Persian,
  full-width) are read as ASCII digits in every pack.
- ``segmenter``: a script written without spaces between words (Chinese) is read through a
  word segmenter that puts a space between words, so the pack's patterns and every rule that
  looks for word boundaries work as they do in spaced scripts. The pack's ``words`` are kept
  whole and its ``split`` words are cut ("万人" → "万 人").
- ``clitics`` / ``suffixes`` / ``contractions``: what a script writes onto a word ("و", "ب",
  "ال", "وال"... before it; pronouns after it; "لل" standing for "ل" + "ال", in Arabic): a
  word of the pack's lists is still found, and the match is the word itself, so lookups by
  the matched word keep working.
- ``cased = false``: a script without capital letters, whose names are found by looking them
  up (countries, places) instead of by their capitals.

Rules read the *view* of a text (`view`), and claims are brought back to the original by
`View.restore`: offsets and quotes are the document's own.
"""

from __future__ import annotations

import bisect
import logging
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # lang/__init__ imports this module
    from tocsin.lang import LangPack
    from tocsin.types import Claim, Count, Segment, Source

# Digits of other scripts, one for one with ASCII: any text may carry them.
_DIGITS = {
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian
    **{chr(0xFF10 + i): str(i) for i in range(10)},  # full-width
    "٫": ".",  # Arabic decimal separator
    "٬": ",",  # Arabic thousands separator
}
# Characters of scripts written without spaces: a space between two of them in the view
# was put there by the segmenter.
_UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_INSERTED_SPACE = re.compile(rf"(?<=[{_UNSPACED}]) (?=[{_UNSPACED}])")


def _ranges(chars: list[str]) -> str:
    out: list[str] = []
    i = 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and ord(chars[j + 1]) == ord(chars[j]) + 1:
            j += 1
        out.append(
            re.escape(chars[i]) if i == j else f"{re.escape(chars[i])}-{re.escape(chars[j])}"
        )
        i = j + 1
    return "".join(out)


def groupable(letter: str) -> bool:
    """Can words starting with `letter` be grouped under it in a regex that ignores case?
    A letter whose other case is one letter of its own script ("т"/"Т", "é"/"É"); not one
    that folds to an ASCII letter ("ſ", the Kelvin sign) or to two letters ("ß")."""
    if not letter.isalpha():
        return False
    variants = {letter.lower(), letter.upper(), letter.casefold()}
    if any(len(v) != 1 for v in variants):
        return False
    return letter.isascii() or not any(v.isascii() for v in variants)


# The capital letters of the cased scripts (Latin, Greek, Cyrillic, Armenian), as the body of
# a regex character class: `re` has no class for them, and names start with one.
UPPER = _ranges([c for c in map(chr, range(0x41, 0x530)) if c.isupper()])


@dataclass(frozen=True)
class Script:
    cased: bool = True
    suffixes: tuple[str, ...] = ()
    fold: dict[str, str] | None = None
    segmenter: str | None = None
    words: tuple[str, ...] = ()
    split: tuple[str, ...] = ()
    clitics: tuple[str, ...] = ()  # written onto the start of a word ("وال", "ب")
    contractions: tuple[tuple[str, str], ...] = ()  # "لل" → "ال": "للسودان" is "ل" + "السودان"
    drop: frozenset[str] = frozenset()  # marks the rules read past (vowel marks, tatweel)

    @property
    def start(self) -> str:
        """Where a word may start: a word boundary, or right after a clitic that follows one
        (lookbehinds, so the clitic is not part of the match)."""
        if not self.clitics:
            return r"\b"
        after = "|".join(rf"(?<=\b{re.escape(c)})" for c in self.clitics)
        return rf"(?:\b|{after})"

    @property
    def end(self) -> str:
        """Where a word may end: a word boundary, or before a suffix that ends at one."""
        if not self.suffixes:
            return r"\b"
        return rf"(?=(?:{'|'.join(re.escape(x) for x in self.suffixes)})?\b)"

    def bounded(self, alternation: str) -> str:
        """A pattern for one of the words in `alternation`, as a whole word of the script."""
        return rf"{self.start}(?:{alternation}){self.end}"

    def bare(self, word: str) -> list[str]:
        """`word` and what it is without each clitic it may start with, longest bare first
        ("والعراق", "العراق", "عراق": a name may keep its article)."""
        if not self.clitics:
            return [word]
        return list(_bare(word, self.clitics, self.contractions))


@lru_cache(maxsize=1 << 16)
def _bare(
    word: str, clitics: tuple[str, ...], contractions: tuple[tuple[str, str], ...] = ()
) -> tuple[str, ...]:
    # words recur: each is stripped once
    bare = {word[len(c) :] for c in clitics if word.startswith(c) and len(word) - len(c) >= 2}
    # a clitic that stands for two ("لل" = "ل" + "ال"): the word with what it replaced
    bare |= {r + word[len(c) :] for c, r in contractions if word.startswith(c)}
    return (word, *sorted(bare, key=len, reverse=True))


@cache
def of(pack: LangPack) -> Script:
    data = pack.section("script")
    fold = {k: v for k, v in data.get("fold", {}).items() if len(k) == 1 and len(v) == 1}
    return Script(
        cased=bool(data.get("cased", True)),
        suffixes=tuple(sorted(data.get("suffixes", ()), key=len, reverse=True)),
        fold=fold or None,
        segmenter=data.get("segmenter"),
        words=tuple(data.get("words", ())),
        split=tuple(data.get("split", ())),
        clitics=tuple(sorted(data.get("clitics", ()), key=len, reverse=True)),
        contractions=tuple((str(k), str(v)) for k, v in data.get("contractions", {}).items()),
        drop=frozenset(data.get("drop", "")),
    )


@cache
def _table(pack: LangPack) -> dict[int, str]:
    return str.maketrans({**_DIGITS, **(of(pack).fold or {})})


def fold(text: str, pack: LangPack) -> str:
    """`text` with the pack's letter variants and every script's digits folded, same length."""
    return text.translate(_table(pack))


def as_read(name: str, pack: LangPack) -> str:
    """A name as the rules read it in a view: folded, without the marks they read past
    (how names looked up in the text must be keyed)."""
    drop = of(pack).drop
    folded = fold(name, pack)
    return "".join(ch for ch in folded if ch not in drop) if drop else folded


@dataclass(frozen=True)
class View:
    """A text as the rules read it. `origin` maps each view offset (and the end) to the
    document's offset where characters were put in (spaces between words) or left out
    (vowel marks); without it the view is the text, folded, offset for offset."""

    text: str
    origin: tuple[int, ...] | None = None
    segmented: bool = False  # words set apart by a segmenter: names lose the spaces put in

    def original(self, pos: int) -> int:
        """The offset in the document of view offset `pos`."""
        return pos if self.origin is None else self.origin[pos]

    def at(self, pos: int) -> int:
        """The view offset of document offset `pos`."""
        return pos if self.origin is None else bisect.bisect_left(self.origin, pos)

    def segments(self, segments: Iterable[Segment]) -> tuple[Segment, ...]:
        if self.origin is None:
            return tuple(segments)
        return tuple(replace(s, start=self.at(s.start), end=self.at(s.end)) for s in segments)

    def restore(self, claim: Claim, original: str) -> Claim:
        """The claim with the document's own offsets, quote and spellings of names."""
        if self.origin is None and self.text is original:
            return claim
        pos = self.original

        def name(read: str) -> str:
            """A name read from the view, as the document writes it (traditional characters,
            vowel marks): where the view holds it, the document's text there."""
            at = self.text.find(read) if read else -1
            if at < 0:
                return unspace(read) if self.segmented else read
            return original[pos(at) : pos(at + len(read))]

        def count(c: Count | None) -> Count | None:
            if c is None or c.start is None or c.end is None:
                return c
            return replace(c, start=pos(c.start), end=pos(c.end))

        def source(s: Source | None) -> Source | None:
            if s is None:
                return None
            return replace(
                s,
                name=name(s.name),
                relayed_by=s.relayed_by and name(s.relayed_by),
                affiliation=s.affiliation and name(s.affiliation),
                start=None if s.start is None else pos(s.start),
                end=None if s.end is None else pos(s.end),
            )

        start, end = pos(claim.start), pos(claim.end)
        return replace(
            claim,
            start=start,
            end=end,
            quote=original[start:end],
            count=count(claim.count),
            includes=tuple(replace(i, count=count(i.count) or i.count) for i in claim.includes),
            places=tuple(replace(p, name=name(p.name)) for p in claim.places),
            accused=tuple(name(a) for a in claim.accused),
            claimed_by=tuple(name(a) for a in claim.claimed_by),
            victim_group=claim.victim_group and name(claim.victim_group),
            denies=claim.denies and name(claim.denies),
            source=source(claim.source),
            speaker=claim.speaker and name(claim.speaker),
            matched=tuple((pos(s), pos(e), what) for s, e, what in claim.matched),
        )


def unspace(text: str) -> str:
    """`text` without the spaces a segmenter put between two characters of a script
    written without spaces (a name read from the view, as the document writes it)."""
    return _INSERTED_SPACE.sub("", text)


def view(text: str, pack: LangPack) -> View:
    """The text as the pack's rules read it (see the module's docstring)."""
    folded = fold(text, pack)
    if folded == text:
        folded = text  # the same object: `restore` has nothing to bring back
    segmenter = _segmenter(pack)
    drop = of(pack).drop
    if segmenter is None and not (drop and any(ch in drop for ch in folded)):
        return View(folded)
    out: list[str] = []
    origin: list[int] = []
    pos = 0
    for token in segmenter.cut(folded) if segmenter is not None else (folded,):
        if segmenter is not None and out and token[:1].strip() and not out[-1].isspace():
            out.append(" ")  # between two words: at the next word's offset
            origin.append(pos)
        for ch in token:
            if ch not in drop:
                out.append(ch)
                origin.append(pos)
            pos += 1
    origin.append(pos)
    return View("".join(out), tuple(origin), segmenter is not None)


# ---- segmenters: one per script that needs one, named by the packs ----


class Segmenter:
    """Cuts a text into words (`cut`) and can be told names to keep whole (`keep`)."""

    def cut(self, text: str) -> Iterable[str]:
        raise NotImplementedError

    def keep(self, words: Iterable[str]) -> None:
        raise NotImplementedError


class _Jieba(Segmenter):
    """Chinese words by jieba's dictionary (it ships inside the package), with the pack's
    words kept whole and its `split` words cut."""

    def __init__(self, pack: LangPack) -> None:
        import jieba  # loaded only for the packs that use it

        jieba.setLogLevel(logging.WARNING)
        self._tokenizer = jieba.Tokenizer()
        self._kept: set[str] = set()
        self.keep(_pack_words(pack))
        for word in of(pack).split:
            self._tokenizer.del_word(word)

    def cut(self, text: str) -> Iterable[str]:
        return list(self._tokenizer.cut(text, HMM=True))

    def keep(self, words: Iterable[str]) -> None:
        for word in words:
            if word and " " not in word and word not in self._kept:
                self._kept.add(word)
                self._tokenizer.add_word(word, freq=None)


_SEGMENTERS: dict[str, Callable[[LangPack], Segmenter]] = {"jieba": _Jieba}
_LOCK = threading.Lock()


def _pack_words(pack: LangPack) -> list[str]:
    """What a segmenter must keep whole: the pack's words and the names it looks up."""
    from tocsin import countries  # countries reads packs: imported when first needed

    words: list[str] = list(of(pack).words)
    words += list(countries.index(pack.code))
    words += [str(n) for n in pack.section("countries").get("aliases", {})]
    words += [str(n) for n in pack.section("regions").get("names", {})]
    words += [str(n) for n in pack.section("regions").get("areas", {})]
    for group in pack.section("armed_groups").get("named", []):
        words += [str(n) for n in group.get("aliases", [])]
    return words


@cache
def _segmenter(pack: LangPack) -> Segmenter | None:
    name = of(pack).segmenter
    if not name:
        return None
    make = _SEGMENTERS.get(name)
    if make is None:
        raise ValueError(
            f"language pack {pack.code}: unknown segmenter {name!r} "
            f"(have: {', '.join(sorted(_SEGMENTERS))})"
        )
    with _LOCK:  # building a dictionary is not thread-safe
        return make(pack)


def keep_whole(pack: LangPack, names: Iterable[str]) -> None:
    """Names the user adds (an entities file's states and places) stay one word."""
    segmenter = _segmenter(pack)
    if segmenter is not None:
        with _LOCK:
            segmenter.keep(names)


def first_use(pack: LangPack) -> Any:
    """Load what reading the pack's script needs now rather than on the first document
    (the segmenter's dictionary takes about a second)."""
    return _segmenter(pack)


# ---- words a search looks up, in every script ----

_SEARCH_WORD = re.compile(r"\w+")
_HAN_RUN = re.compile(rf"[{_UNSPACED}]+")
_SEARCH_FOLD = str.maketrans({"ى": "ي", "ة": "ه", "ـ": None, **_DIGITS})


@cache
def _clitics_by_letter() -> dict[str, tuple[str, ...]]:
    """The clitics every installed pack declares (folded as search folds), by first letter,
    longest first: a word is only tried against those it could start with."""
    from tocsin.lang import available, load

    found = {_search_fold(c) for code in available() for c in of(load(code)).clitics}
    out: dict[str, list[str]] = {}
    for c in sorted(found, key=len, reverse=True):
        out.setdefault(c[:1], []).append(c)
    return {k: tuple(v) for k, v in out.items()}


def _search_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.casefold().translate(_SEARCH_FOLD)


def search_keys(text: str, query: bool = False) -> set[str]:
    """What a word search matches on, the same for the texts and the query: words folded
    (case, accents, Arabic letter variants and tatweel); in scripts written without spaces,
    character pairs (single characters too, for a one-character query); a word with a
    clitic written on it also under its bare form ("وقتل" is found by "قتل"). A text
    matches when it holds every key of the query (`query=True` keys the query)."""
    if text.isascii() and not any(c.isascii() for c in _clitics_by_letter()):
        return set(_SEARCH_WORD.findall(text.lower()))  # most quotes: nothing to fold
    keys: set[str] = set()
    clitics = _clitics_by_letter()
    for word in _SEARCH_WORD.findall(_search_fold(text)):
        rest = _HAN_RUN.sub(" ", word)
        for run in _HAN_RUN.findall(word):
            if query and len(run) > 1:
                keys.update(run[i : i + 2] for i in range(len(run) - 1))
            elif query:
                keys.add(run)
            else:
                keys.update(run)
                keys.update(run[i : i + 2] for i in range(len(run) - 1))
        for part in rest.split():
            keys.add(part)
            if not query:
                keys.update(
                    part[len(c) :]
                    for c in clitics.get(part[:1], ())
                    if part.startswith(c) and len(part) - len(c) >= 2
                )
    return keys
