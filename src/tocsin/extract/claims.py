"""Sentences → claims. One pure function of a document's text, segments and metadata.

For each sentence: split it into pieces (clauses and list members), find event triggers in
each, drop negated and hypothetical ones, decide the stance (asserts, accuses, denies,
calls_for, reports), then attach counts, victims, the group named, time, places and who is
blamed. Context that sentences leave implicit (when, who) is carried within a paragraph.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cache

from tocsin.extract import actors, places, taxonomy
from tocsin.extract.lexicon import Lexicon, lexicon
from tocsin.extract.quantities import PRODUCER as COUNT_PRODUCER
from tocsin.extract.quantities import find_counts
from tocsin.extract.when import PRODUCER as WHEN_PRODUCER
from tocsin.extract.when import When, find_times
from tocsin.ingest.metadata import header_salutation
from tocsin.lang import LangPack
from tocsin.types import Claim, Count, Place, Segment, SubCount

STANCE_PRODUCER = "extract.stance@1"
# Units a count may have for each event type (None: people).
_UNITS: dict[str, tuple[str | None, ...]] = {
    "destruction_property": ("buildings", "settlements"),
    "destruction_cultural_heritage": ("sites", "buildings"),
    "mass_grave": ("graves", None),
    "mine_incident": (None, "mines"),
    "humanitarian_access_denial": ("vehicles",),
}
_OUTCOME_EVENTS = frozenset({"killing", "injury", "mine_incident", "attack_on_civilians"})
_ACCUSATORY = frozenset({"hate_speech", "ceasefire_violation"})
UNQUANTIFIED = Count(None, "unquantified")


@dataclass
class _Trigger:
    start: int
    end: int
    event: str


@dataclass
class _Draft:
    start: int
    end: int
    event: str
    others: set[str]
    triggers: list[_Trigger]
    counts: list[Count] = field(default_factory=list)
    denial: bool = False
    subs: list[Count] = field(default_factory=list)  # "including 12 children"


@dataclass
class _Context:
    when: When | None = None
    accused: tuple[str, ...] = ()
    accused_age: int = 99  # paragraphs since the accused were named


@dataclass(frozen=True)
class Settings:
    """Knobs of the default pipeline; a different pipeline is a different Settings."""

    carry_accused_paragraphs: int = 2
    geocode: bool = True


def _pieces(text: str, start: int, end: int, lex: Lexicon) -> list[tuple[int, int]]:
    out = []
    pos = start
    for m in lex.boundary.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    trimmed = []
    for s, e in out:
        while s < e and text[s] in ' \n\t-–—“”"(':
            s += 1
        while e > s and text[e - 1] in ' \n\t.;:,)”"':
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def _triggers(
    text: str, s: int, e: int, sentence_start: int, lex: Lexicon
) -> tuple[list[_Trigger], list[_Trigger]]:
    """(kept, negated) triggers in a piece; hypothetical ones are dropped altogether.
    Negation reaches back within the piece; modality ("could", "need to") to the sentence start."""
    kept, negated = [], []
    for event, pattern in lex.events.items():
        for m in pattern.finditer(text, s, e):
            if _in_a_name(text, m.start(), m.end()):
                continue  # "Working Group on Enforced or Involuntary Disappearances"
            before = text[max(s, m.start() - 60) : m.start()]
            if lex.hypothetical.search(text, sentence_start, m.start()):
                continue
            neg = lex.negation.search(before)
            if neg and not lex.negation.search(m.group(0)):
                negated.append(_Trigger(m.start(), m.end(), event))
            else:
                kept.append(_Trigger(m.start(), m.end(), event))
    kept.sort(key=lambda t: t.start)
    return kept, negated


def _in_a_name(text: str, start: int, end: int) -> bool:
    """A trigger written in Title Case in mid-sentence belongs to a proper name
    ("the Working Group on Enforced or Involuntary Disappearances")."""
    words = re.findall(r"[^\W\d_]{4,}", text[start:end])
    if not words or not all(w[0].isupper() for w in words):
        return False
    before = text[max(0, start - 80) : start].rstrip(' \t"“‘(')
    return bool(before) and before[-1] not in ".!?:\n"


def _primary(triggers: list[_Trigger], tax: taxonomy.Taxonomy) -> tuple[str, set[str]]:
    events = {t.event for t in triggers}
    absorbed = {a for ev in events for a in tax.events[ev].absorbs}
    remaining = [t for t in triggers if t.event not in absorbed] or triggers
    primary = remaining[0].event
    return primary, events - {primary}


def _compatible(count: Count, event: str) -> bool:
    return count.unit in _UNITS.get(event, (None,))


def _outcome(text: str, count: Count, limit: int, lex: Lexicon, piece_start: int) -> str | None:
    after = text[count.end or 0 : limit]
    killed = lex.outcomes["killed"].search(after)
    injured = lex.outcomes["injured"].search(after)
    if (
        killed
        and injured
        and re.search(
            r"\bor\b",
            after[min(killed.start(), injured.start()) : max(killed.end(), injured.end())],
        )
    ):
        return "killed_or_injured"
    first = min((m for m in (killed, injured) if m), key=lambda m: m.start(), default=None)
    if first is None:
        before = text[piece_start : count.start or 0]
        if lex.outcomes["killed"].search(before):
            return "killed"
        if lex.outcomes["injured"].search(before):
            return "injured"
        return None
    return "killed" if first is killed else "injured"


def _victims(
    text: str, s: int, e: int, count: Count | None, lex: Lexicon
) -> tuple[str | None, tuple[int, int] | None]:
    if count is not None and count.noun and count.noun.lower() in lex.victim_of:
        return lex.victim_of[count.noun.lower()], None
    m = lex.victims.search(text, s, e)
    return (lex.victim_of[m.group(0).lower()], (m.start(), m.end())) if m else (None, None)


def _clean_allegation(what: str) -> str:
    what = re.sub(r"\bthe\s+so-called\s+|\bso-called\s+", "", what)
    return re.sub(r"[“”\"‘’]", "", what).strip(" ,")


@cache
def _stop(pack: LangPack) -> frozenset[str]:
    return frozenset(w.lower() for w in pack.section("places").get("stop", []))


def extract_claims(
    text: str,
    segments: tuple[Segment, ...],
    meta: dict[str, str],
    pack: LangPack,
    *,
    doc_sha256: str = "",
    entities: str | None = None,
    settings: Settings = Settings(),
) -> list[Claim]:
    lex = lexicon(pack)
    tax = taxonomy.load()
    speaker_country = meta.get("speaker_country")
    doc_date = meta.get("date")
    doc_countries = {m.code for m in actors.mentions(text, 0, len(text), pack, entities)}
    if speaker_country:
        doc_countries.add(speaker_country)
    claims: list[Claim] = []
    ctx = _Context()
    # A statement's header (title, meeting, agenda) names topics, not incidents.
    salutation = header_salutation(text, pack)
    current_paragraph = -1
    for sent in (s for s in segments if s.kind == "sentence"):
        if sent.paragraph != current_paragraph:
            current_paragraph = sent.paragraph if sent.paragraph is not None else -1
            ctx.when = None
            ctx.accused_age += 1
        s_start, s_end = sent.start, sent.end
        if salutation is not None and s_end <= salutation:
            continue
        times = find_times(text, s_start, s_end, pack, doc_date)
        mentions = actors.mentions(text, s_start, s_end, pack, entities)
        agents = tuple(
            dict.fromkeys(
                m.code
                for m in mentions
                if actors.is_agent(text, m, s_start, pack) and m.code != speaker_country
            )
        )
        others = tuple(dict.fromkeys(m.code for m in mentions if m.code != speaker_country))
        if lex.procedural.search(text, s_start, s_end):
            continue
        sentence_places = _places(
            text, s_start, s_end, mentions, doc_countries, pack, entities, settings
        )
        drafts = _drafts(text, s_start, s_end, pack, lex, tax, speaker_country, mentions)
        context_when = ctx.when
        for d in drafts:
            claim = _assemble(
                text,
                d,
                sent,
                lex,
                tax,
                pack,
                times,
                context_when,
                mentions,
                agents,
                others,
                sentence_places,
                ctx,
                settings,
                speaker_country,
                meta,
                doc_sha256,
            )
            claims.extend(claim)
        dated = [t for t in times if not t.duration]
        if dated:
            ctx.when = dated[-1]
        if agents:
            ctx.accused, ctx.accused_age = agents, 0
    return claims


def _places(
    text: str,
    s: int,
    e: int,
    mentions: list[actors.Mention],
    context: set[str],
    pack: LangPack,
    entities: str | None,
    settings: Settings,
) -> list[tuple[int, int, Place]]:
    out: list[tuple[int, int, Place]] = []
    for m in mentions:
        if actors.is_place(text, m, s, pack):
            out.append((m.start, m.end, Place(m.written, m.code, gazetteer_id=f"iso3166:{m.code}")))
    if not settings.geocode:
        return out
    taken = [(m.start, m.end) for m in mentions]
    for start, end, name in places.candidates(text, s, e, _stop(pack)):
        if any(a <= start < b for a, b in taken):
            continue
        place = places.geocode(name, context, pack.code, entities)
        if place is not None and place.gazetteer_id and place.gazetteer_id.startswith("geonames"):
            out.append((start, end, place))
    out.sort(key=lambda p: p[0])
    return out


def _drafts(
    text: str,
    s_start: int,
    s_end: int,
    pack: LangPack,
    lex: Lexicon,
    tax: taxonomy.Taxonomy,
    speaker_country: str | None,
    mentions: list[actors.Mention],
) -> list[_Draft]:
    drafts: list[_Draft] = []
    orphans: list[Count] = []  # counts in pieces without a trigger, for a neighbour to claim
    for s, e in _pieces(text, s_start, s_end, lex):
        counts = find_counts(text, s, e, pack)
        if lex.sub_count.match(text, s) and drafts:
            drafts[-1].subs.extend(counts)
            continue
        kept, negated = _triggers(text, s, e, s_start, lex)
        own_side = (
            speaker_country is not None
            and any(m.code == speaker_country and s <= m.start < e for m in mentions)
        ) or bool(re.search(r"\b(?:our|we)\b", text[s:e], re.IGNORECASE))
        if lex.denies.search(text, s, e) or (negated and own_side):
            triggers = sorted(kept + negated, key=lambda t: t.start)
            drafts.append(
                _Draft(s, e, "denial", {t.event for t in triggers}, triggers, counts, True)
            )
            continue
        if not kept:
            orphans.extend(counts)
            continue
        primary, others = _primary(kept, tax)
        if drafts and drafts[-1].event == primary and not counts:
            drafts[-1].end = e  # "looted, vandalized, desecrated and destroyed": one claim
            drafts[-1].triggers.extend(kept)
            drafts[-1].others |= others
            continue
        if not any(_compatible(c, primary) for c in counts):
            usable = [c for c in orphans if _compatible(c, primary)]
            if usable:
                counts = [*counts, usable[-1]]
                orphans.remove(usable[-1])
                # the claim's span reaches back to its count: "almost 5,000 houses, ... were destroyed"
                s = min(s, usable[-1].start or s)
        drafts.append(_Draft(s, e, primary, others, kept, counts))
    return drafts


def _assemble(
    text: str,
    d: _Draft,
    sent: Segment,
    lex: Lexicon,
    tax: taxonomy.Taxonomy,
    pack: LangPack,
    times: list[When],
    context_when: When | None,
    mentions: list[actors.Mention],
    agents: tuple[str, ...],
    others: tuple[str, ...],
    sentence_places: list[tuple[int, int, Place]],
    ctx: _Context,
    settings: Settings,
    speaker_country: str | None,
    meta: dict[str, str],
    doc_sha256: str,
) -> list[Claim]:
    # when: in the piece, else in the sentence, else earlier in the paragraph
    # times later in the sentence belong to later clauses ("...defies the order of 7 December 2021")
    in_piece = [t for t in times if d.start <= t.start < d.end]
    earlier = [t for t in times if t.start < d.start]
    when = in_piece[0] if in_piece else (earlier[-1] if earlier else context_when)
    specific = bool(times or context_when or mentions or sentence_places or d.counts)
    matched: list[tuple[int, int, str]] = [(t.start, t.end, f"event:{t.event}") for t in d.triggers]
    if when is not None and when in times:
        matched.append((when.start, when.end, "when"))
    for ps, pe, _ in sentence_places:
        matched.append((ps, pe, "place"))
    produced = {
        "event": f"{lex.producer}+{tax.producer}",
        "stance": STANCE_PRODUCER,
        "count": COUNT_PRODUCER,
        "when": WHEN_PRODUCER,
        "places": f"{places.PRODUCER}+{places.GAZETTEER}",
        "actors": actors.PRODUCER,
    }
    base = {
        "doc_sha256": doc_sha256,
        "sentence": sent.index,
        "start": d.start,
        "end": d.end,
        "quote": text[d.start : d.end],
        "speaker": meta.get("speaker"),
        "speaker_country": speaker_country,
        "doc_date": meta.get("date"),
        "when_from": when.date_from if when else None,
        "when_to": when.date_to if when else None,
        "places": tuple(dict.fromkeys(p for _, _, p in sentence_places)),
        "produced_by": produced,
    }
    if d.denial:
        m = lex.allegation.search(text, d.start, sent.end)
        denies = _clean_allegation(m.group("what")) if m else text[d.start : d.end]
        claim = Claim(
            id=_claim_id(doc_sha256, d.start, d.end, "denial", None),
            event="denial",
            stance="denies",
            claimed_by=others,
            denies=denies,
            other_events=tuple(sorted(d.others)),
            risk_indicators=(),
            matched=tuple(sorted(matched)),
            **base,  # type: ignore[arg-type]
        )
        return [claim]
    if (
        not specific
        and not lex.victims.search(text, d.start, d.end)
        and not any(d.start <= m.start < d.end for m in mentions)
    ):
        return []  # a generic statement ("hate propaganda fuels intolerance"): no incident claimed
    stance = _stance(text, d, sent, lex, agents, others, pack)
    accused = agents or (
        ctx.accused if ctx.accused_age <= settings.carry_accused_paragraphs else ()
    )
    if agents == () and accused:
        produced["accused"] = f"{actors.PRODUCER} (from context)"
    named_group = lex.groups.search(text, d.start, d.end)
    group = next(
        (
            actors.group_name(m.written, pack)
            for m in mentions
            if m.kind == "demonym"
            and d.start <= m.start < d.end
            and not actors.is_agent(text, m, sent.start, pack)
        ),
        named_group.group(0) if named_group else None,
    )
    subs = d.subs
    main_counts = [c for c in d.counts if _compatible(c, d.event)] or [UNQUANTIFIED]
    out = []
    for i, count in enumerate(main_counts):
        limit = (
            main_counts[i + 1].start
            if i + 1 < len(main_counts) and main_counts[i + 1].start
            else d.end
        )
        victims, victim_span = (
            _victims(text, d.start, d.end, count if count.noun else None, lex)
            if count.unit is None
            else (None, None)  # houses and villages are not victims
        )
        outcome = (
            _outcome(text, count, limit or d.end, lex, d.start)
            if d.event in _OUTCOME_EVENTS and count.start
            else None
        )
        spans = list(matched)
        if count.start is not None and count.end is not None:
            spans.append((count.start, count.end, "count"))
        if victim_span:
            spans.append((*victim_span, "victims"))
        includes = tuple(SubCount(c, _victims(text, d.start, d.end, c, lex)[0]) for c in subs)
        out.append(
            Claim(
                id=_claim_id(doc_sha256, d.start, d.end, d.event, count.start),
                event=d.event,
                stance=stance,
                count=count,
                includes=includes,
                victims=victims,
                victim_group=group,
                outcome=outcome,
                accused=accused,
                other_events=tuple(sorted(d.others)),
                risk_indicators=tax.events[d.event].indicators,
                matched=tuple(sorted(spans)),
                **base,  # type: ignore[arg-type]
            )
        )
    return out


def _stance(
    text: str,
    d: _Draft,
    sent: Segment,
    lex: Lexicon,
    agents: tuple[str, ...],
    others: tuple[str, ...],
    pack: LangPack,
) -> str:
    head = text[sent.start : d.triggers[0].start if d.triggers else d.end]
    if lex.calls_for.search(head):
        return "calls_for"
    if lex.reports.search(text, sent.start, sent.end):
        return "reports"
    piece_agents = [a for a in agents if a]
    if (
        piece_agents
        and any(
            actors.is_agent(text, m, sent.start, pack)
            for m in actors.mentions(text, sent.start, d.end, pack, None)
        )
        and not re.search(r"\b(?:were|was|been)\s+\w+ed\b", text[d.start : d.end])
    ):
        return "accuses"
    if d.event in _ACCUSATORY and others:
        return "accuses"
    return "asserts"


def _claim_id(doc: str, start: int, end: int, event: str, count_start: int | None) -> str:
    key = f"{doc}:{start}:{end}:{event}:{count_start}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]
