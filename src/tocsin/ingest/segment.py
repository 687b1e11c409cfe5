"""Paragraphs and sentences as character offsets into the document text.

Pure and deterministic: the same text and language pack always give the same segments, so
segment indexes are stable identifiers for later stages. Offsets are half-open [start, end)
and every segment is trimmed of surrounding whitespace.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from tocsin.lang import LangPack
from tocsin.types import Page, Segment, page_number

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_CLOSERS = "\"'”’»)]}」』）"
# Full-width sentence ends (Chinese, Japanese) need no space after them.
_FULL_WIDTH = "。！？"
_OPENERS = "\"'“‘«([{¿¡"


@cache
def _boundary_pattern(terminators: str) -> re.Pattern[str]:
    # A run of terminators, optional closing quotes/brackets, then whitespace.
    term = re.escape(terminators)
    full = "".join(t for t in terminators if t in _FULL_WIDTH)
    closers = re.escape(_CLOSERS)
    unspaced = rf"|[{re.escape(full)}]+[{closers}]*" if full else ""
    return re.compile(rf"[{term}]+[{closers}]*(?=\s){unspaced}")


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


_OPEN_END = ",;-–—(/&"  # a line ending on these goes on in the next line
_WRAPPED = 3  # this many mid-sentence line ends in a block: prose wrapped at a line width


def _blocks(text: str, start: int, end: int, terminators: str) -> list[tuple[int, int]]:
    """A paragraph's stretches that hold whole sentences: a line with no final punctuation
    followed by a line that starts anew (capital, digit, quote, bullet) is a headline, byline
    or list item, a sentence of its own. Prose wrapped at a fixed width (a PDF page) has many
    lines ending mid-sentence: there a line end is no boundary."""
    breaks = [i for i in range(start, end) if text[i] == "\n"]
    if not breaks:
        return [(start, end)]
    open_ends = [b for b in breaks if _last(text, start, b) not in terminators]
    # wrapped prose goes on in lower case after most of its line ends; a list of headlines
    # or items starts each line anew
    going_on = [b for b in open_ends if _next(text, b + 1, end).islower()]
    if len(open_ends) >= _WRAPPED and 3 * len(going_on) >= len(open_ends):
        return [(start, end)]
    out, pos = [], start
    for b in open_ends:
        last, first = _last(text, pos, b), _next(text, b + 1, end)
        if not last or last in _OPEN_END or not first:
            continue
        if first.isupper() or first.isdigit() or first in _OPENERS or first in "•·–—-*":
            out.append((pos, b))
            pos = b + 1
    out.append((pos, end))
    return out


def _last(text: str, floor: int, pos: int) -> str:
    """The last character before `pos` that is neither space nor a closing quote or bracket."""
    while pos > floor and (text[pos - 1].isspace() or text[pos - 1] in _CLOSERS):
        pos -= 1
    return text[pos - 1] if pos > floor else ""


def _next(text: str, pos: int, end: int) -> str:
    """The first character from `pos` that is not space."""
    while pos < end and text[pos].isspace():
        pos += 1
    return text[pos] if pos < end else ""


def sentences(text: str, start: int, end: int, pack: LangPack) -> list[tuple[int, int]]:
    seg = pack.section("segment")
    terminators = seg.get("terminators", ".!?")
    out = []
    for s, e in _blocks(text, start, end, terminators):
        out.extend(_sentences(text, s, e, seg))
    return out


def _sentences(text: str, start: int, end: int, seg: dict[str, Any]) -> list[tuple[int, int]]:
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
