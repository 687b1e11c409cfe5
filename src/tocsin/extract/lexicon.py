"""Compiled patterns for extraction, built once per language pack."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tocsin.lang import LangPack

FLAGS = re.IGNORECASE


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


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
    sub_count: re.Pattern[str]
    producer: str


@cache
def lexicon(pack: LangPack) -> Lexicon:
    victim_of = {w.lower(): cat for cat, words in pack.section("victims").items() for w in words}
    actors = pack.section("actors")
    demonyms = actors["demonyms"]
    groups = pack.section("groups").get("names", [])
    mod = pack.section("modality")
    stance = pack.section("stance")
    any_event = re.compile(
        "|".join(
            f"(?P<{name}>{'|'.join(f'(?:{p})' for p in patterns)})"
            for name, patterns in pack.section("events").items()
        ),
        FLAGS,
    )
    return Lexicon(
        any_event=any_event,
        victims=re.compile(rf"\b(?:{_alt(list(victim_of))})\b", FLAGS),
        victim_of=victim_of,
        demonyms=re.compile(rf"\b(?:{_alt(list(demonyms))})\b"),
        demonym_codes={k.lower(): v for k, v in demonyms.items()},
        groups=re.compile(rf"\b(?:{_alt(groups)})\b") if groups else re.compile(r"(?!x)x"),
        armed=re.compile(actors["armed"], FLAGS),
        negation=re.compile(mod["negation"], FLAGS),
        hypothetical=re.compile(mod["hypothetical"]),
        procedural=re.compile(mod["procedural"], FLAGS),
        denies=re.compile(stance["denies"], FLAGS),
        calls_for=re.compile(stance["calls_for"], FLAGS),
        reports=re.compile(stance["reports"], FLAGS),
        allegation=re.compile(stance["allegation"], FLAGS),
        outcomes={
            k: re.compile(v, FLAGS) for k, v in pack.section("outcomes").items() if k != "either"
        },
        either=re.compile(pack.section("outcomes")["either"], FLAGS),
        agent_before=re.compile(actors["agent_before"]),
        agent_possessive=re.compile(actors["agent_possessive"]),
        clause_start=re.compile(actors["clause_start"]),
        subject_verb=re.compile(actors["subject_verb"]),
        plural_suffix=actors.get("plural_suffix", ""),
        first_person=re.compile(stance["first_person"]),
        passive=re.compile(stance["passive"]),
        boundary=re.compile(pack.section("clauses")["boundary"], FLAGS),
        sub_count=re.compile(pack.section("quantities")["sub_count"], FLAGS),
        producer=f"lexicon.{pack.code}@{pack.version}",
    )
