"""Paragraphs and sentences as character offsets into the document text.

Pure and deterministic: the same text and language pack always give the same segments, so
segment indexes are stable identifiers for later stages. Offsets are half-open [start, end)
and every segment is trimmed of surrounding whitespace.
"""

from __future__ import annotations

import re
from functools import cache

from tocsin.lang import LangPack
from tocsin.types import Page, Segment, page_number

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_CLOSERS = "\"'”’»)]}"
_OPENERS = "\"'“‘«([{¿¡"


@cache
def _boundary_pattern(terminators: str) -> re.Pattern[str]:
    # A run of terminators, optional closing quotes/brackets, then whitespace.
    term = re.escape(terminators)
    return re.compile(rf"[{term}]+[{re.escape(_CLOSERS)}]*(?=\s)")


def _spans(text: str, pattern: re.Pattern[str], start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    pos = start
    for m in pattern.finditer(text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    for start, end in _spans(text, _PARAGRAPH_BREAK, 0, len(text)):
        start, end = _trim(text, start, end)
        if end > start:
            out.append((start, end))
    return out


def _word_before(text: str, pos: int, floor: int) -> str:
    """The token that ends at `pos` (the terminator's position), e.g. "Mr" or "H.E"."""
    i = pos
    while i > floor and not text[i - 1].isspace() and text[i - 1] not in _OPENERS:
        i -= 1
    return text[i:pos]


def _ends_sentence(
    text: str, stop: int, after: int, end: int, sent_start: int, abbreviations: frozenset[str]
) -> bool:
    """Is the terminator at text[stop] a sentence end? `after` is where the next text starts."""
    if text[stop] != ".":
        return True
    word = _word_before(text, stop, sent_start)
    if word.lower() in abbreviations:
        return False
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: "Tofiq F. Musayev"
    if word.isdigit() and len(word) <= 3 and not text[sent_start : stop - len(word)].strip():
        return False  # the number of a numbered paragraph or list item: "1. The Council..."
    nxt = text[after] if after < end else ""
    # A lower-case continuation means the period belonged to an abbreviation we do not know.
    return not nxt.islower()


def sentences(text: str, start: int, end: int, pack: LangPack) -> list[tuple[int, int]]:
    seg = pack.section("segment")
    abbreviations = frozenset(a.lower() for a in seg.get("abbreviations", ()))
    pattern = _boundary_pattern(seg.get("terminators", ".!?"))
    out = []
    sent_start = start
    for m in pattern.finditer(text, start, end):
        after = m.end()
        while after < end and text[after].isspace():
            after += 1
        if _ends_sentence(text, m.start(), after, end, sent_start, abbreviations):
            s, e = _trim(text, sent_start, m.end())
            if e > s:
                out.append((s, e))
            sent_start = m.end()
    s, e = _trim(text, sent_start, end)
    if e > s:
        out.append((s, e))
    return out


def segment(text: str, pack: LangPack, pages: tuple[Page, ...] = ()) -> tuple[Segment, ...]:
    """All paragraphs, then all sentences, each with the page it starts on."""
    out: list[Segment] = []
    paras = paragraphs(text)
    for i, (s, e) in enumerate(paras):
        out.append(Segment("paragraph", i, s, e, page_number(pages, s)))
    n = 0
    for i, (ps, pe) in enumerate(paras):
        for s, e in sentences(text, ps, pe, pack):
            out.append(Segment("sentence", n, s, e, page_number(pages, s), i))
            n += 1
    return tuple(out)
