"""States and groups in a text, and the role each plays: perpetrator, victim group, place."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from tocsin import countries
from tocsin.extract.lexicon import lexicon
from tocsin.lang import NEVER, LangPack

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
    return re.compile(pack.section("places").get("before_country") or NEVER, re.IGNORECASE)


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


# --- Who does the event: states, named armed groups and generic forces as phrases. ---

ARMED = "armed_groups"
REFER_BACK_PARAGRAPHS = 3  # how far back "the armed group" looks for the group it stands for
NEAR = 60  # characters: doers this much farther from a claim than the nearest are not its


@dataclass(frozen=True)
class _Named:
    name: str
    kind: str  # "state_force" (recorded as its country) or "non_state"
    country: str


@dataclass(frozen=True)
class _Armed:
    """The pack's armed actors and agency cues, compiled once."""

    named: re.Pattern[str]
    lookup: dict[str, _Named]  # folded alias → entry
    first_words: frozenset[str]  # an alias's first word (casefolded): where to try `named`
    any_generic: re.Pattern[str]  # every generic at once: is there one at all?
    generics: tuple[tuple[str, bool, re.Pattern[str]], ...]  # name, of a state?, pattern
    refers_back: frozenset[str]
    refer_to_all: frozenset[str]  # plural: all the groups the paragraph has named
    anaphora: re.Pattern[str]
    cues: dict[str, re.Pattern[str]]


_CUES = (
    "join",
    "heads",
    "action_after",
    "by_before",
    "accused_after",
    "passive_after",
    "speech_after",
    "active_after",
    "auxiliary_after",
    "subject_lead",
    "victim_before",
    "coordination",
    "with_before",
    "doing_after",
    "definite_before",
    "indefinite_before",
    "by_not",
    "no_carry",
    "foreign_before",
)
_NEVER = re.compile(NEVER)
_FIRST_WORD = re.compile(r"\w+")
_SEPARATORS = re.compile(r"[\s\-‐–’']+")


def _fold(name: str) -> str:
    return _SEPARATORS.sub(" ", name.casefold()).strip()


def _alias_pattern(alias: str) -> str:
    """Spaces, hyphens and apostrophes as the text may write them; acronyms keep their case."""
    parts = [re.escape(p) for p in re.split(r"[\s\-‐’']+", alias) if p]
    body = r"[\s\-‐’']*".join(parts) if len(parts) > 1 else parts[0]
    exact = alias.isupper() or any(ch.isdigit() for ch in alias)
    return body if exact else f"(?i:{body})"


@cache
def _armed(pack: LangPack) -> _Armed:
    data = pack.section(ARMED)
    actors_section = pack.section("actors")
    lookup: dict[str, _Named] = {}
    aliases: list[str] = []
    for entry in data.get("named", []):
        named = _Named(entry["name"], entry.get("kind", "non_state"), entry.get("country", ""))
        for alias in entry.get("aliases", [entry["name"]]):
            lookup.setdefault(_fold(alias), named)
            aliases.append(alias)
    ordered = sorted(set(aliases), key=len, reverse=True)
    named_re = (
        re.compile(r"(?<![\w\-])(?:" + "|".join(_alias_pattern(a) for a in ordered) + r")(?!\w)")
        if ordered
        else _NEVER
    )
    raw = [
        (name, of_state, pattern)
        for key, of_state in (("state_generic", True), ("non_state_generic", False))
        for name, pattern in data.get(key, {}).items()
    ]
    generics = tuple(
        (name, of_state, re.compile(rf"(?<![\w\-])(?:{pattern})(?!\w)", re.IGNORECASE))
        for name, of_state, pattern in raw
    )
    anaphora = data.get("anaphora")
    return _Armed(
        named_re,
        lookup,
        frozenset(w.casefold() for a in ordered for w in _FIRST_WORD.findall(a)[:1]),
        # every generic starts on a word (tests check the packs): testing that once before the
        # alternatives spares trying each of them at every position inside a word
        re.compile(r"\b(?=\w)(?:" + "|".join(f"(?:{p})" for _, _, p in raw) + ")", re.IGNORECASE)
        if raw
        else _NEVER,
        generics,
        frozenset(data.get("refers_back", [])),
        frozenset(data.get("refer_to_all", [])),
        re.compile(rf"\b(?:{anaphora})\b", re.IGNORECASE) if anaphora else _NEVER,
        {
            k: re.compile(actors_section[k], re.IGNORECASE) if actors_section.get(k) else _NEVER
            for k in _CUES
        },
    )


def armed_actor(name: str, pack: LangPack) -> tuple[str, str] | None:
    """The armed actor a name is or contains, as a source: ("state", ISO3) for a state's own
    force ("the Tatmadaw"), ("group", canonical name) for a non-state group ("the Houthis")."""
    armed = _armed(pack)
    m = armed.named.search(name)
    named = armed.lookup.get(_fold(m.group(0))) if m else None
    if named is None:
        return None
    return ("state", named.country) if named.kind == "state_force" else ("group", named.name)


def armed_group_spans(text: str, start: int, end: int, pack: LangPack) -> list[tuple[int, int]]:
    """Where named armed groups and forces are written: not places ("the Arakan Army")."""
    return [(m.start(), m.end()) for m in _armed(pack).named.finditer(text, start, end)]


def _armed_mentions(text: str, start: int, end: int, pack: LangPack) -> list[Mention]:
    """Named groups and forces, generic forces ("gunmen", "security forces") and words that
    refer back to a group ("the armed group"), the longest at each place."""
    armed = _armed(pack)
    out: list[Mention] = []
    for w in _FIRST_WORD.finditer(text, start, end):
        if w.group(0).casefold() not in armed.first_words:
            continue  # a scan by first word: one big pattern at every position is slow
        m = armed.named.match(text, w.start(), end)
        named = armed.lookup.get(_fold(m.group(0))) if m else None
        if m is None or named is None or (out and m.start() < out[-1].end):
            continue
        kind, code = (
            ("force", named.country) if named.kind == "state_force" else ("group", named.name)
        )
        out.append(Mention(m.start(), m.end(), m.group(0), code, kind))
    found: list[Mention] = (
        [
            Mention(
                m.start(), m.end(), m.group(0), name, "generic_state" if of_state else "generic"
            )
            for name, of_state, pattern in armed.generics
            for m in pattern.finditer(text, start, end)
        ]
        if armed.any_generic.search(text, start, end)
        else []
    )
    found += [
        Mention(m.start(), m.end(), m.group(0), "", "anaphor")
        for m in armed.anaphora.finditer(text, start, end)
    ]
    for g in sorted(found, key=lambda m: (m.start, m.start - m.end)):
        if not any(o.start < g.end and g.start < o.end for o in out):
            out.append(g)
    return out


@dataclass
class Cast:
    """What a document says about its actors as it is read: the state it is about, its
    speaker's own state, the groups named lately (what "the armed group" stands for)."""

    focus: str | None
    speaker: str | None
    carry: bool = True  # may the sentence read last take the doers named before it?
    paragraph: int = -1
    paragraph_groups: list[str] = field(default_factory=list)  # named in this paragraph
    last_group: str | None = None
    last_group_paragraph: int = -99

    @property
    def recent(self) -> tuple[str, ...]:
        """The group named last, if named lately."""
        if self.last_group and self.paragraph - self.last_group_paragraph <= REFER_BACK_PARAGRAPHS:
            return (self.last_group,)
        return ()

    def read(self, paragraph: int) -> None:
        if paragraph != self.paragraph:
            self.paragraph, self.paragraph_groups = paragraph, []

    def named(self, groups: list[str]) -> None:
        for g in groups:
            self.last_group, self.last_group_paragraph = g, self.paragraph
            if g not in self.paragraph_groups:
                self.paragraph_groups.append(g)


def cast(named: Mapping[str, int], speaker: str | None) -> Cast:
    """A document's cast from how often it names each state (`named`, by ISO code): the one
    it names most, not its speaker's, is whose "army" or "security forces" an unnamed force
    is."""
    counts = {code: n for code, n in named.items() if code != speaker}
    focus = max(counts, key=lambda c: counts[c]) if counts else None
    return Cast(focus, speaker)


@dataclass
class _Phrase:
    start: int
    end: int
    parts: list[Mention]
    forceful: bool = False  # names a force: "Russian troops", "RSF fighters", "the IDF"
    agent: bool = False
    guarded: bool = False  # the target or a party ("attacks on RSF positions")
    definite: bool = False  # "the fighters", or a sentence's first words: may refer back
    indefinite: bool = False  # "an armed group": may stand for the one the paragraph names


_CLOSE = re.compile(r"\s*[)”\"’'»」』]")


def _phrases(text: str, parts: list[Mention], pack: LangPack) -> list[_Phrase]:
    """Mentions written together as one actor: "the rebel RSF", "Russian armed forces",
    "Rapid Support Forces (RSF) fighters", "the army of Mali"."""
    armed = _armed(pack)
    lex = lexicon(pack)
    out: list[_Phrase] = []
    for m in parts:
        last = out[-1] if out else None
        if last is not None and m.start < last.end:
            continue  # inside the phrase already ("Israeli" in "Israeli settlers")
        if last is not None and armed.cues["join"].match(text[last.end : m.start]):
            last.parts.append(m)
            last.end = m.end
        else:
            out.append(_Phrase(m.start, m.end, [m]))
    for p in out:
        close = _CLOSE.match(text, p.end)
        if close and close.end() > p.end and re.search(r"[(\"“‘']", text[p.start : p.end]):
            p.end = close.end()  # "the Rapid Support Forces (RSF)", 'calling itself "X"'
        head = armed.cues["heads"].match(text[p.end : p.end + 40])
        if head:
            p.end += head.end()
        kinds = {m.kind for m in p.parts}
        p.forceful = (
            "force" in kinds
            or bool(head and kinds & {"group", "state", "demonym"})
            or bool(kinds & {"state", "demonym"} and kinds & {"generic_state"})
        )
        if not p.forceful and kinds & {"state", "demonym"}:
            after = text[p.end : p.end + 40]
            p.forceful = bool(lex.armed.match(after) or lex.agent_possessive.match(after))
    return out


def _acts(text: str, p: _Phrase, start: int, end: int, pack: LangPack) -> bool:
    """Does the sentence [start, end) make this phrase the doer of something?"""
    cues = _armed(pack).cues
    lex = lexicon(pack)
    before = text[max(start, p.start - 120) : p.start]
    after = text[p.end : min(end, p.end + 120)]
    p.guarded = bool(cues["victim_before"].search(before))
    p.definite = bool(cues["definite_before"].search(before))
    p.indefinite = bool(cues["indefinite_before"].search(before))
    if cues["action_after"].match(after) or cues["accused_after"].match(after):
        return True
    if _possessive_deed(text, p.end, after, lex.any_event):
        return True
    if cues["by_before"].search(before) and not cues["by_not"].search(before):
        return True
    if cues["with_before"].search(before) and cues["doing_after"].match(after):
        return True  # "with gangs rampaging through villages"
    if p.guarded or cues["passive_after"].match(after) or cues["speech_after"].match(after):
        return False
    if cues["auxiliary_after"].match(after):
        return True
    if cues["subject_lead"].search(before):
        verb = re.match(r"\s+(?:\w+ly\s+)?", after)
        if cues["active_after"].match(after) or (
            verb and lex.any_event.match(text, p.end + verb.end())
        ):
            return True
    return p.forceful or any(
        m.kind in ("state", "demonym") and bool(lex.agent_before.search(before)) for m in p.parts
    )


_POSSESSIVE = re.compile(r"[’']s\s+")
_WORD = re.compile(r"(?!(?:was|were|is|are|has|have|had|been|be)\b)[\w-]+\s+")


def _possessive_deed(text: str, end: int, after: str, deed: re.Pattern[str]) -> bool:
    """ "the RSF's alleged genocide", "the junta's continued bombing": a deed of theirs
    within two words of the possessive."""
    m = _POSSESSIVE.match(after)
    if m is None:
        return False
    pos = end + m.end()
    for _ in range(3):
        if deed.match(text, pos):
            return True
        word = _WORD.match(text, pos)
        if word is None:
            return False
        pos = word.end()
    return False


def _resolve(
    text: str, p: _Phrase, states: list[Mention], who: Cast, armed: _Armed
) -> tuple[str, ...]:
    """The accused a phrase stands for: a named group by its name, a state's force as the
    state, a generic force as the state the sentence or document is about, "the armed
    group" as the group named last and "armed groups" as those the paragraph has named;
    none when it stands for nobody."""
    by_kind: dict[str, list[Mention]] = {}
    for m in p.parts:
        by_kind.setdefault(m.kind, []).append(m)
    for kind in ("group", "force"):
        if kind in by_kind:
            return (by_kind[kind][0].code,)
    if "generic" in by_kind:
        return _generic(text, p, by_kind["generic"][-1], who, armed)
    if "anaphor" in by_kind:
        return who.recent[-1:]
    named = by_kind.get("state", []) + by_kind.get("demonym", [])
    if named:
        return (min(named, key=lambda m: m.start).code,)
    if armed.cues["foreign_before"].search(text[max(0, p.start - 40) : p.start]):
        return ()  # "foreign troops": a state, but not one the text names
    others = [s.code for s in states if s.code != who.speaker]
    return (others[0] if others else who.focus or p.parts[-1].code,)


def _generic(text: str, p: _Phrase, g: Mention, who: Cast, armed: _Armed) -> tuple[str, ...]:
    """ "the fighters" after "Fano militias seized..." are Fano's; "Armed groups have..."
    after a paragraph naming the ELN and the EPL are those; otherwise what they are."""
    one = len(who.paragraph_groups) == 1
    if p.indefinite and len(p.parts) == 1 and one and g.code in armed.refers_back:
        return tuple(who.paragraph_groups)  # "an armed group" in a paragraph about one
    if p.definite and len(p.parts) == 1:
        if g.code in armed.refers_back and who.recent:
            return who.recent
        if g.code in armed.refer_to_all and who.paragraph_groups:
            return tuple(who.paragraph_groups)
    if p.parts[0].kind in ("state", "demonym"):
        return (text[p.parts[0].start : g.end],)  # "Sudanese Arab militias": who they are
    return (g.written.lower() if g.code == "*" else g.code,)


def agents(
    text: str,
    start: int,
    end: int,
    paragraph: int,
    named: list[Mention],
    pack: LangPack,
    who: Cast,
) -> list[Mention]:
    """The actors a sentence makes the doers of something, each as the accused it stands
    for (`code`): "RSF fighters killed" → RSF, "by Ethiopian soldiers" → ETH, "the army
    opened fire" → the state the text is about. Never the target ("killed 12 Hamas
    members"), a party to clashes, a speaker ("the army said"), or the speaker's own state.
    `named`: the states and demonyms in the sentence (`mentions`). Sets `who.carry`: whether
    the sentence, if it names no doer, may take the doers named before it."""
    armed = _armed(pack)
    who.read(paragraph)
    parts = sorted([*named, *_armed_mentions(text, start, end, pack)], key=lambda m: m.start)
    phrases = _phrases(text, parts, pack)
    for p in phrases:
        p.agent = _acts(text, p, start, end, pack)
    _coordinate(text, phrases, pack)
    states = [m for m in named if m.kind == "state"]
    out: list[Mention] = []
    for p in phrases:
        codes = _resolve(text, p, states, who, armed) if p.agent else ()
        kind = p.parts[-1].kind
        written = text[p.start : p.end]
        out += [Mention(p.start, p.end, written, c, kind) for c in codes if c != who.speaker]
        who.named([m.code for m in p.parts if m.kind == "group"])
    who.carry = bool(out) or not armed.cues["no_carry"].search(text, start, end)
    return out


def _coordinate(text: str, phrases: list[_Phrase], pack: LangPack) -> None:
    """Actors joined by "and" do the same: "by M23 and other armed groups"."""
    coordination = _armed(pack).cues["coordination"]
    for a, b in pairwise(phrases):
        if a.agent == b.agent or a.guarded or b.guarded:
            continue
        if coordination.match(text[a.end : b.start]):
            a.agent = b.agent = True


def accused_in(agents: list[Mention], start: int, end: int) -> tuple[str, ...]:
    """Who a claim [start, end) blames: the doers inside it, else the doers nearest to it
    ("In addition to M23 abuses, HRW documented killings by Hutu militias": the militias)."""
    inside = [m.code for m in agents if start <= m.start < end]
    if inside or not agents:
        return tuple(dict.fromkeys(inside))
    gap = [max(start - m.end, m.start - end, 0) for m in agents]
    nearest = min(gap)
    return tuple(
        dict.fromkeys(m.code for m, g in zip(agents, gap, strict=True) if g <= nearest + NEAR)
    )
