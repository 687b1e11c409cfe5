"""Compiled patterns for extraction, built once per language pack."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tocsin.lang import NEVER, LangPack, script

FLAGS = re.IGNORECASE


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NEVER = re.compile(NEVER)


def _optional(pattern: str | None, flags: int = FLAGS) -> re.Pattern[str]:
    """A pattern a language pack may leave out: then it never matches."""
    return re.compile(pattern, flags) if pattern else _NEVER


def _words(writing: script.Script, words: list[str], flags: int = 0) -> re.Pattern[str]:
    """Any of `words`, as whole words of the script; never, for a pack without any."""
    return re.compile(writing.bounded(_alt(words)), flags) if words else _NEVER


@dataclass(frozen=True)
class Lexicon:
    any_event: re.Pattern[str]  # every trigger in one pattern; the group name is the event
    victims: re.Pattern[str]
    victim_of: dict[str, str]  # word (lower) → category
    demonyms: re.Pattern[str]
    demonym_codes: dict[str, str]  # as written (lower) → ISO code
    groups: re.Pattern[str]  # ethnic and religious groups with no state of their own
    armed: re.Pattern[str]
    negation: re.Pattern[str]
    hypothetical: re.Pattern[str]
    conditional: re.Pattern[str]  # a sentence opening on "If": hypothetical throughout
    not_violence: re.Pattern[str]  # accidents, disease, disasters: harm that is no violation
    categories: re.Pattern[str]  # "genocide, war crimes and crimes against humanity": names
    anaphor_before: re.Pattern[str]  # "the", "such": an event noun that refers back...
    anaphor_after: re.Pattern[str]  # ...unless it says whose or by whom ("the killing of")
    procedural: re.Pattern[str]
    denies: re.Pattern[str]
    calls_for: re.Pattern[str]
    reports: re.Pattern[str]
    allegation: re.Pattern[str]
    outcomes: dict[str, re.Pattern[str]]  # killed, injured
    either: re.Pattern[str]  # "killed or wounded"
    agent_before: re.Pattern[str]
    agent_possessive: re.Pattern[str]
    clause_start: re.Pattern[str]
    subject_verb: re.Pattern[str]
    plural_suffix: str
    first_person: re.Pattern[str]
    passive: re.Pattern[str]
    boundary: re.Pattern[str]
    coordination: re.Pattern[str]  # joins two statements inside a clause: "killed ... and raped"
    complement: re.Pattern[str]  # "said that": the reported clause starts after it
    sub_count: re.Pattern[str]
    producer: str


@cache
def lexicon(pack: LangPack) -> Lexicon:
    victim_of = {w.lower(): cat for cat, words in pack.section("victims").items() for w in words}
    actors = pack.section("actors")
    demonyms = actors.get("demonyms", {})
    groups = pack.section("groups").get("names", [])
    mod = pack.section("modality")
    stance = pack.section("stance")
    writing = script.of(pack)
    # Every trigger starts on a word boundary; testing it once before the alternatives spares
    # trying each of them at every position inside a word (several times faster).
    any_event = re.compile(
        rf"{writing.start}(?=\w)(?:"
        + "|".join(
            f"(?P<{name}>{'|'.join(f'(?:{p})' for p in patterns)})"
            for name, patterns in pack.section("events").items()
        )
        + ")",
        FLAGS,
    )
    return Lexicon(
        any_event=any_event,
        victims=_words(writing, list(victim_of), FLAGS),
        victim_of=victim_of,
        demonyms=_words(writing, list(demonyms)),
        demonym_codes={k.lower(): v for k, v in demonyms.items()},
        groups=_words(writing, groups),
        armed=_optional(actors.get("armed")),
        negation=_optional(mod.get("negation")),
        hypothetical=_optional(mod.get("hypothetical"), 0),
        conditional=_optional(mod.get("conditional"), 0),
        not_violence=_optional(mod.get("not_violence")),
        categories=_optional(mod.get("categories")),
        anaphor_before=_optional(mod.get("anaphor_before")),
        anaphor_after=_optional(mod.get("anaphor_after")),
        procedural=_optional(mod.get("procedural")),
        denies=_optional(stance.get("denies")),
        calls_for=_optional(stance.get("calls_for")),
        reports=_optional(stance.get("reports")),
        allegation=_optional(stance.get("allegation")),
        outcomes={k: _optional(pack.section("outcomes").get(k)) for k in ("killed", "injured")}
        | {k: re.compile(v, FLAGS) for k, v in pack.section("outcomes").items() if k != "either"},
        either=_optional(pack.section("outcomes").get("either")),
        agent_before=_optional(actors.get("agent_before"), 0),
        agent_possessive=_optional(actors.get("agent_possessive"), 0),
        clause_start=_optional(actors.get("clause_start"), 0),
        subject_verb=_optional(actors.get("subject_verb"), 0),
        plural_suffix=actors.get("plural_suffix", ""),
        first_person=_optional(stance.get("first_person"), 0),
        passive=_optional(stance.get("passive"), 0),
        boundary=_optional(pack.section("clauses").get("boundary", r"[;,]")),
        coordination=_optional(pack.section("statements").get("coordination")),
        complement=_optional(pack.section("statements").get("complement")),
        sub_count=_optional(pack.section("quantities").get("sub_count")),
        producer=f"lexicon.{pack.code}@{pack.version}",
    )
