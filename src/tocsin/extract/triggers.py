"""Where a sentence divides into pieces, and which event triggers each piece holds."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tocsin.extract.lexicon import Lexicon
from tocsin.extract.taxonomy import Taxonomy

_LEAD = ' \n\t-–—“”"('
_TRAIL = ' \n\t.;:,)”"'


@dataclass
class Trigger:
    start: int
    end: int
    event: str


def pieces(text: str, start: int, end: int, lex: Lexicon) -> list[tuple[int, int]]:
    """Clauses and list members of text[start:end], trimmed of punctuation."""
    bounds = []
    pos = start
    for m in lex.boundary.finditer(text, start, end):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, end))
    out = []
    for s, e in bounds:
        while s < e and text[s] in _LEAD:
            s += 1
        while e > s and text[e - 1] in _TRAIL:
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def in_a_name(text: str, start: int, end: int) -> bool:
    """A trigger written in Title Case in mid-sentence belongs to a proper name
    ("the Working Group on Enforced or Involuntary Disappearances")."""
    words = re.findall(r"[^\W\d_]{4,}", text[start:end])
    if not words or not all(w[0].isupper() for w in words):
        return False
    before = text[max(0, start - 80) : start].rstrip(' \t"“‘(')
    return bool(before) and before[-1] not in ".!?:\n"


def find(
    text: str, s: int, e: int, sentence_start: int, lex: Lexicon
) -> tuple[list[Trigger], list[Trigger]]:
    """(kept, negated) triggers in a piece; hypothetical ones are dropped altogether.
    Negation reaches back within the piece; modality ("could", "need to") to the sentence start."""
    kept, negated = [], []
    # One scan for all event types: where two triggers overlap, the leftmost wins.
    for m in lex.any_event.finditer(text, s, e):
        event = m.lastgroup
        if event is None or in_a_name(text, m.start(), m.end()):
            continue
        if lex.hypothetical.search(text, sentence_start, m.start()):
            continue
        before = text[max(s, m.start() - 60) : m.start()]
        if lex.negation.search(before) and not lex.negation.search(m.group(0)):
            negated.append(Trigger(m.start(), m.end(), event))
        else:
            kept.append(Trigger(m.start(), m.end(), event))
    return kept, negated


def primary(found: list[Trigger], tax: Taxonomy) -> tuple[str, set[str]]:
    """The event a piece is about: the first trigger not absorbed by a more specific one."""
    events = {t.event for t in found}
    absorbed = {a for ev in events for a in tax.events[ev].absorbs}
    remaining = [t for t in found if t.event not in absorbed] or found
    return remaining[0].event, events - {remaining[0].event}
