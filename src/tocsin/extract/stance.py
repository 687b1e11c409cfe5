"""Stance: does the source assert, accuse, deny, call for, or report?"""

from __future__ import annotations

import re

from tocsin.extract.lexicon import Lexicon
from tocsin.types import Source

PRODUCER = "extract.stance@1"


def stance(
    text: str,
    sentence_start: int,
    sentence_end: int,
    claim_start: int,
    claim_end: int,
    trigger_start: int,
    lex: Lexicon,
    agent_before_claim_end: bool,
    others_named: bool,
    accusatory_event: bool,
) -> str:
    if lex.calls_for.search(text, sentence_start, trigger_start):
        return "calls_for"
    if lex.reports.search(text, sentence_start, sentence_end):
        return "reports"
    if agent_before_claim_end and not lex.passive.search(text, claim_start, claim_end):
        return "accuses"  # "Armenia regularly violates the ceasefire"
    if accusatory_event and others_named:
        return "accuses"  # hate speech or a broken ceasefire attributed to another party
    return "asserts"


def settle(
    says: str,
    accused: tuple[str, ...],
    who: Source | None,
    voice: Source | None,
    hedged: bool = False,
) -> str:
    """The stance once the perpetrator and the source are known: naming who did it accuses;
    relaying someone else's account (not the document's own voice), or an account of unnamed
    others ("reportedly", "were reported"), reports; else asserts. A call to act stays one."""
    if says == "calls_for":
        return says
    if accused:
        return "accuses"
    if hedged or (who is not None and who.origin == "text" and not same_source(who, voice)):
        return "reports"
    return "asserts"


def same_source(a: Source | None, b: Source | None) -> bool:
    """Whether two sources are one voice: the same state, or one name inside the other."""
    if a is None or b is None:
        return False
    if a.country and a.country == b.country:
        return True
    x, y = a.name.casefold(), b.name.casefold()
    return x in y or y in x


def is_denial(text: str, s: int, e: int, lex: Lexicon) -> bool:
    return bool(lex.denies.search(text, s, e))


def denied_allegation(text: str, s: int, e: int, sentence_end: int, lex: Lexicon) -> str:
    """What a denial rejects: "the so-called “blockade” of the road" → "blockade of the road";
    without such words, the denying clause itself."""
    m = lex.allegation.search(text, s, sentence_end)
    if not m:
        return text[s:e]
    what = re.sub(r"\bthe\s+so-called\s+|\bso-called\s+", "", m.group("what"))
    return re.sub(r"[“”\"‘’]", "", what).strip(" ,")
