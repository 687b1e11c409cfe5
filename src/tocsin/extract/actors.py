"""States and groups in a text, and the role each plays: perpetrator, victim group, place."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tocsin import countries
from tocsin.extract.lexicon import lexicon
from tocsin.lang import LangPack

PRODUCER = "extract.actors@1"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    written: str
    code: str
    kind: str  # "state" (a name) or "demonym"


@cache
def _before_country(pack: LangPack) -> re.Pattern[str]:
    return re.compile(pack.section("places")["before_country"], re.IGNORECASE)


def mentions(
    text: str, start: int, end: int, pack: LangPack, entities: str | None
) -> list[Mention]:
    lex = lexicon(pack)
    span = text[start:end]
    out = [
        Mention(start + m.start, start + m.end, m.name, m.code, "state")
        for m in countries.find(span, pack.code, entities)
    ]
    for m in lex.demonyms.finditer(text, start, end):
        if not any(o.start <= m.start() < o.end for o in out):
            out.append(
                Mention(
                    m.start(), m.end(), m.group(0), lex.demonym_codes[m.group(0).lower()], "demonym"
                )
            )
    out.sort(key=lambda m: m.start)
    return out


def is_agent(text: str, mention: Mention, sentence_start: int, pack: LangPack) -> bool:
    """Does the sentence make this state the one who acts? "Armenia refuses...",
    "Armenian forces", "by Armenia", "the armed forces of the Kingdom of Astrel"."""
    lex = lexicon(pack)
    after = text[mention.end : mention.end + 40]
    before = text[max(sentence_start, mention.start - 40) : mention.start]
    if lex.armed.match(after) or lex.agent_possessive.match(after):
        return True
    if lex.agent_before.search(before):
        return True
    # The subject of the sentence or of a clause: a name followed by a verb.
    at_clause_start = not text[sentence_start : mention.start].strip(" ,;:") or bool(
        lex.clause_start.search(before)
    )
    return mention.kind == "state" and at_clause_start and bool(lex.subject_verb.match(after))


@cache
def _institution_before(pack: LangPack) -> re.Pattern[str] | None:
    pattern = pack.section("places").get("institution_before_country")
    return re.compile(pattern, re.IGNORECASE) if pattern else None


def is_place(text: str, mention: Mention, sentence_start: int, pack: LangPack) -> bool:
    """A state named as where something happened ("in Velmora"), not as who acted ("the
    armed forces of Velmora") or as an institution ("the Government of Velmora")."""
    if mention.kind != "state":
        return False
    before = text[max(sentence_start, mention.start - 40) : mention.start]
    if not _before_country(pack).search(before):
        return False
    institution = _institution_before(pack)
    if institution is not None and institution.search(before):
        return False
    return not is_agent(text, mention, sentence_start, pack)


def group_name(written: str, pack: LangPack) -> str:
    """ "Azerbaijanis" → "Azerbaijani": the adjective names the group."""
    lex = lexicon(pack)
    suffix = lex.plural_suffix
    if suffix and written.endswith(suffix) and written[: -len(suffix)].lower() in lex.demonym_codes:
        return written[: -len(suffix)]
    return written
