"""Where a sentence divides into pieces, and which event triggers each piece holds."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tocsin.extract.lexicon import Lexicon
from tocsin.extract.taxonomy import Taxonomy

_LEAD = ' \n\t-–—“”"('
_TRAIL = ' \n\t.;:,)”"'
_HEADLINE_WORDS = 3  # long words in a sentence all in Title Case: a headline, not a name
_HARMLESS_CUES = 2  # a document naming accidents or disease this often may be about them


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


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def in_a_name(text: str, start: int, end: int) -> bool:
    """A trigger written in Title Case in mid-sentence belongs to a proper name
    ("the Working Group on Enforced or Involuntary Disappearances")."""
    words = _LONG_WORD.findall(text, start, end)
    if not words or not all(w[0].isupper() for w in words):
        return False
    before = text[max(0, start - 80) : start].rstrip(' \t"“‘(')
    return bool(before) and before[-1] not in ".!?:\n"


def title_case(text: str, start: int, end: int) -> bool:
    """Is the whole sentence in Title Case, as headlines are written?"""
    words = _LONG_WORD.findall(text, start, end)
    return len(words) >= _HEADLINE_WORDS and all(w[0].isupper() for w in words)


def find(
    text: str, s: int, e: int, sentence_start: int, lex: Lexicon, sentence_end: int | None = None
) -> tuple[list[Trigger], list[Trigger]]:
    """(kept, negated) triggers in a piece; hypothetical ones are dropped altogether.
    A modal scopes its own clause (the piece) unless the sentence opens on a condition
    ("If the siege continues, ..."); a negation scopes its own statement, back to the last
    coordinator ("No one was killed and 30 were injured": the injuries stand)."""
    kept, negated = [], []
    conditional, listed, headline = _sentence_scan(
        text, sentence_start, sentence_end if sentence_end is not None else e, lex
    )
    # One scan for all event types: where two triggers overlap, the leftmost wins.
    for m in lex.any_event.finditer(text, s, e):
        event = m.lastgroup
        if event is None or (not headline and in_a_name(text, m.start(), m.end())):
            continue
        if any(a <= m.start() < b for a, b in listed):
            continue
        if conditional or lex.hypothetical.search(text, s, m.start()):
            continue
        if _negated(text, s, m, lex):
            negated.append(Trigger(m.start(), m.end(), event))
        else:
            kept.append(Trigger(m.start(), m.end(), event))
    return kept, negated


# The last sentence scanned: its pieces are read one after another.
_last_scan: list[tuple[str, int, int, Lexicon, _Scan]] = []
_Scan = tuple[bool, tuple[tuple[int, int], ...], bool]


def _sentence_scan(text: str, start: int, end: int, lex: Lexicon) -> _Scan:
    """What `find` needs of the whole sentence, once for all its pieces: whether it opens on
    a condition, where it lists crime names, whether it is a headline."""
    if _last_scan:
        last_text, last_start, last_end, last_lex, scan = _last_scan[0]
        if last_text is text and last_start == start and last_end == end and last_lex is lex:
            return scan
    conditional = bool(lex.conditional.match(text, start))
    # a list of crime names runs across the commas that cut the sentence into pieces
    listed = tuple((c.start(), c.end()) for c in lex.categories.finditer(text, start, end))
    # a headline in Title Case ("Military Executes Dozens in Amhara") is no proper name
    scan = (conditional, listed, title_case(text, start, end))
    _last_scan[:] = [(text, start, end, lex, scan)]
    return scan


def _negated(text: str, s: int, m: re.Match[str], lex: Lexicon) -> bool:
    start = max(s, m.start() - 60)
    for joint in lex.coordination.finditer(text, start, m.start()):
        start = joint.end()
    before = text[start : m.start()]
    return bool(lex.negation.search(before)) and not lex.negation.search(m.group(0))


def not_violence(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Does the sentence speak of harm that is no violation (a road accident, an epidemic)?
    In a document about such harm (its words as frequent as half its triggers: road-safety
    statistics, a die-off of a herd, a match report), every sentence does."""
    return bool(lex.not_violence.search(text, start, end)) or _harmless(
        text, lex.not_violence, lex.any_event
    )


@lru_cache(maxsize=8)
def _harmless(text: str, harmless: re.Pattern[str], events: re.Pattern[str]) -> bool:
    cues = sum(1 for _ in harmless.finditer(text))
    if cues < _HARMLESS_CUES:
        return False
    return 2 * cues >= sum(1 for _ in events.finditer(text))


def primary(found: list[Trigger], tax: Taxonomy) -> tuple[str, set[str]]:
    """The event a piece is about: the first trigger not absorbed by a more specific one."""
    events = {t.event for t in found}
    absorbed = {a for ev in events for a in tax.events[ev].absorbs}
    remaining = [t for t in found if t.event not in absorbed] or found
    return remaining[0].event, events - {remaining[0].event}


@dataclass
class Statement:
    """One event stated in a piece: its span, its type, the other types its triggers name."""

    start: int
    end: int
    event: str
    others: set[str]
    triggers: list[Trigger]


def statements(
    text: str, s: int, e: int, found: list[Trigger], tax: Taxonomy, lex: Lexicon
) -> list[Statement]:
    """The distinct events a piece states. Triggers joined by a coordinator ("executed 44 people
    and raped 61 women", "killing, raping, kidnapping") are separate statements, each its own
    claim; triggers in one phrase ("an airstrike killed", "shot dead") are one statement whose
    event is the most specific (absorbs). Neighbours of one type stay one statement."""
    groups: list[list[Trigger]] = []
    cuts: list[tuple[int, int]] = []  # the coordinator before each group after the first
    for t in sorted(found, key=lambda t: t.start):
        if groups:
            # the last coordinator between them: "women and children and injured"
            joints = list(lex.coordination.finditer(text, groups[-1][-1].end, t.start))
            if not joints:
                groups[-1].append(t)
                continue
            cuts.append((joints[-1].start(), joints[-1].end()))
        groups.append([t])
    frame = next((t.event for t in found if tax.events[t.event].frames), None)
    framed = tax.events[frame].frames if frame else frozenset()
    out: list[Statement] = []
    for i, group in enumerate(groups):
        event, others = primary(group, tax)
        if event in framed and frame is not None:
            event, others = frame, others | {event}
        start = _after_frame(text, s, group[0].start, lex) if i == 0 else cuts[i - 1][1]
        end = e if i == len(groups) - 1 else cuts[i][0]
        if out and out[-1].event == event:
            out[-1].end, out[-1].others = end, out[-1].others | others
            out[-1].triggers.extend(group)
            continue
        out.append(Statement(start, end, event, others, group))
    return [_trimmed(text, st) for st in out]


def _after_frame(text: str, s: int, trigger: int, lex: Lexicon) -> int:
    """Where the reported clause starts: after "HRW said it confirmed ... that", so the claim
    quotes the event, not who reports it."""
    said = lex.reports.search(text, s, trigger)
    if said is None:
        return s
    start = s
    for that in lex.complement.finditer(text, said.end(), trigger):
        start = that.end()
    return start


def anaphoric(text: str, st: Statement, lex: Lexicon) -> bool:
    """Does the statement only refer back to an event told already ("the death toll is
    unclear", "such killings are war crimes")? Every trigger follows a determiner and names
    neither victims nor perpetrators after it; the caller checks the statement has no count."""
    if any(ch.isdigit() for ch in text[st.start : st.end]):
        return False  # "the bloodbath unfolded on April 20": a date or a number makes it told
    return all(_refers_back(text, st.start, t, lex) for t in st.triggers)


def _refers_back(text: str, floor: int, t: Trigger, lex: Lexicon) -> bool:
    words = text[t.start : t.end].split()
    if not words or words[-1].lower().endswith(("ed", "é", "ée", "és", "ées")):
        return False  # a participle ("the plundered town") tells the deed itself
    first = t.start + len(words[0])  # "the displacement of thousands": the "of" is in the trigger
    return bool(lex.anaphor_before.search(text, max(floor, t.start - 40), t.start)) and not (
        lex.anaphor_after.match(text, t.end) or lex.anaphor_after.match(text, first)
    )


def bare(text: str, st: Statement) -> bool:
    """Does the statement open on its trigger ("and destroyed", "also looted"), with no subject
    of its own? Then it continues a list ("looted, vandalized and destroyed"): one claim."""
    return len(text[st.start : st.triggers[0].start].split()) <= 1


def _trimmed(text: str, st: Statement) -> Statement:
    while st.start < st.end and text[st.start] in _LEAD:
        st.start += 1
    while st.end > st.start and text[st.end - 1] in _TRAIL:
        st.end -= 1
    return st
