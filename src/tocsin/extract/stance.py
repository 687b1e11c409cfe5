"""Stance: does the source assert, accuse, deny, call for, or report?"""

from __future__ import annotations

import re

from tocsin.extract.lexicon import Lexicon
from tocsin.extract.source import same
from tocsin.types import Source

PRODUCER = "extract.stance@2"


def stance(
    text: str,
    sentence_start: int,
    trigger_start: int,
    lex: Lexicon,
    accused: tuple[str, ...],
    who: Source | None,
    voice: Source | None,
    hedged: bool = False,
) -> str:
    """A call to act before the event word calls for it; naming who did it accuses; relaying
    someone else's account (not the document's own `voice`), or an account of unnamed others
    ("reportedly", "were reported"), reports; else the source asserts it."""
    if lex.calls_for.search(text, sentence_start, trigger_start):
        return "calls_for"
    if accused:
        return "accuses"
    if hedged or (who is not None and who.origin == "text" and not same(who, voice)):
        return "reports"
    return "asserts"


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
