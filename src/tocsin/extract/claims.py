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

from tocsin import countries
from tocsin.extract import actors, places, stance, taxonomy, triggers
from tocsin.extract.lexicon import Lexicon, lexicon
from tocsin.extract.quantities import PRODUCER as COUNT_PRODUCER
from tocsin.extract.quantities import find_counts
from tocsin.extract.triggers import Trigger
from tocsin.extract.when import PRODUCER as WHEN_PRODUCER
from tocsin.extract.when import Period, When, after_conflict, conflict_period, find_times
from tocsin.ingest.metadata import header_salutation
from tocsin.lang import LangPack
from tocsin.types import Claim, Count, Place, Segment, SubCount

UNQUANTIFIED = Count(None, "unquantified")


@dataclass(frozen=True)
class Settings:
    """Knobs of the default pipeline; a different pipeline is a different Settings."""

    carry_accused_paragraphs: int = 2
    geocode: bool = True


@dataclass
class _Draft:
    """A claim in the making: a span, its event, and the counts found for it."""

    start: int
    end: int
    event: str
    others: set[str]
    triggers: list[Trigger]
    counts: list[Count] = field(default_factory=list)
    denial: bool = False
    subs: list[Count] = field(default_factory=list)  # "including 12 children"


@dataclass
class _Sentence:
    """What is known about one sentence, shared by the claims made from it."""

    seg: Segment
    times: list[When]
    context_when: When | None
    mentions: list[actors.Mention]  # states and groups named, the speaker's own left out
    agents: list[actors.Mention]  # states named as the ones acting, not the speaker's own
    places: list[tuple[int, int, Place]]
    named: list[actors.Mention]  # every state and group named, the speaker's own included
    context_places: tuple[Place, ...] = ()  # towns named earlier in the paragraph

    @property
    def others(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.code for m in self.mentions))


@dataclass
class _Document:
    text: str
    pack: LangPack
    lex: Lexicon
    tax: taxonomy.Taxonomy
    meta: dict[str, str]
    doc_sha256: str
    entities: str | None
    settings: Settings
    period: Period | None = None  # the war or offensive the document dates, if any
    accused: tuple[str, ...] = ()
    accused_age: int = 99  # paragraphs since the accused were last named


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
    doc = _Document(
        text, pack, lexicon(pack), taxonomy.load(), meta, doc_sha256, entities, settings
    )
    speaker_country = meta.get("speaker_country")
    context = {m.code for m in actors.mentions(text, 0, len(text), pack, entities)}
    context |= {speaker_country} if speaker_country else set()
    # A statement's header (title, meeting, agenda) names topics, not incidents.
    salutation = header_salutation(text, pack)
    sentences = [s for s in segments if s.kind == "sentence"]
    times_of = {
        s.index: find_times(text, s.start, s.end, pack, meta.get("date")) for s in sentences
    }
    doc.period = conflict_period(
        text, [(s.start, s.end, times_of[s.index]) for s in sentences], pack
    )
    claims: list[Claim] = []
    paragraph = -1
    when: When | None = None
    where: tuple[Place, ...] = ()  # towns named earlier in the paragraph
    for seg in sentences:
        if seg.paragraph != paragraph:
            paragraph = seg.paragraph if seg.paragraph is not None else -1
            when = None
            where = ()
            doc.accused_age += 1
        if salutation is not None and seg.end <= salutation:
            continue
        if doc.lex.procedural.search(text, seg.start, seg.end):
            continue
        mentions = actors.mentions(text, seg.start, seg.end, pack, entities)
        own = [m for m in mentions if m.code != speaker_country]
        times = times_of[seg.index]
        after = after_conflict(text, seg.start, seg.end, pack, doc.period, meta.get("date"))
        sent = _Sentence(
            seg,
            sorted([*times, after], key=lambda t: t.start) if after else times,
            when,
            own,
            [m for m in own if actors.is_agent(text, m, seg.start, pack)],
            _places(doc, seg, mentions, context),
            mentions,
            where,
        )
        for draft in _drafts(doc, seg, mentions):
            claims.extend(_assemble(doc, draft, sent))
        dated = [t for t in sent.times if not t.duration]
        when = dated[-1] if dated else when
        towns = tuple(
            p for _, _, p in sent.places if not (p.gazetteer_id or "").startswith("iso3166")
        )
        where = towns or where
        if sent.agents:
            doc.accused = tuple(dict.fromkeys(m.code for m in sent.agents))
            doc.accused_age = 0
    return claims


def _places(
    doc: _Document, seg: Segment, mentions: list[actors.Mention], context: set[str]
) -> list[tuple[int, int, Place]]:
    out = [
        (m.start, m.end, Place(m.written, m.code, gazetteer_id=f"iso3166:{m.code}"))
        for m in mentions
        if actors.is_place(doc.text, m, seg.start, doc.pack)
    ]
    if doc.settings.geocode:
        taken = [(m.start, m.end) for m in mentions]
        for start, end, name in places.candidates(doc.text, seg.start, seg.end, _stop(doc.pack)):
            if any(a <= start < b for a, b in taken):
                continue
            place = places.geocode(name, context, doc.pack.code, doc.entities)
            if place is not None and not (place.gazetteer_id or "").startswith("iso3166"):
                out.append((start, end, place))
    return sorted(out, key=lambda p: p[0])


def _drafts(doc: _Document, seg: Segment, mentions: list[actors.Mention]) -> list[_Draft]:
    text, lex = doc.text, doc.lex
    speaker_country = doc.meta.get("speaker_country")
    drafts: list[_Draft] = []
    orphans: list[Count] = []  # counts in pieces without a trigger, for a neighbour to claim
    for s, e in triggers.pieces(text, seg.start, seg.end, lex):
        counts = find_counts(text, s, e, doc.pack)
        if lex.sub_count.match(text, s) and drafts:
            drafts[-1].subs.extend(counts)
            continue
        kept, negated = triggers.find(text, s, e, seg.start, lex)
        own_side = any(m.code == speaker_country and s <= m.start < e for m in mentions) or bool(
            re.search(r"\b(?:our|we)\b", text[s:e], re.IGNORECASE)
        )
        if stance.is_denial(text, s, e, lex) or (negated and own_side):
            found = sorted(kept + negated, key=lambda t: t.start)
            drafts.append(_Draft(s, e, "denial", {t.event for t in found}, found, counts, True))
            continue
        if not kept:
            orphans.extend(counts)
            continue
        event, others = triggers.primary(kept, doc.tax)
        if drafts and drafts[-1].event == event and not counts:
            drafts[-1].end = e  # "looted, vandalized, desecrated and destroyed": one claim
            drafts[-1].triggers.extend(kept)
            drafts[-1].others |= others
            continue
        kind = doc.tax.events[event]
        if not any(kind.counts(c.unit) for c in counts):
            usable = [c for c in orphans if kind.counts(c.unit)]
            if usable:
                counts = [*counts, usable[-1]]
                orphans.remove(usable[-1])
                # the claim reaches back to its count: "almost 5,000 houses, ... were destroyed"
                s = min(s, usable[-1].start or s)
        drafts.append(_Draft(s, e, event, others, kept, counts))
    return drafts


def _outcome(text: str, count: Count, limit: int, lex: Lexicon, piece_start: int) -> str | None:
    """killed / injured / killed_or_injured, from the words after the count (else before)."""
    after = text[count.end or 0 : limit]
    killed = lex.outcomes["killed"].search(after)
    injured = lex.outcomes["injured"].search(after)
    if killed and injured:
        between = after[min(killed.start(), injured.start()) : max(killed.end(), injured.end())]
        if lex.either.search(between):
            return "killed_or_injured"
    if killed or injured:
        first = min((m for m in (killed, injured) if m), key=lambda m: m.start())
        return "killed" if first is killed else "injured"
    before = text[piece_start : count.start or 0]
    for outcome in ("killed", "injured"):
        if lex.outcomes[outcome].search(before):
            return outcome
    return None


def _victims(
    text: str, s: int, e: int, count: Count | None, lex: Lexicon
) -> tuple[str | None, tuple[int, int] | None]:
    """The victim category: the counted noun's, else the first victim word in the claim."""
    if count is not None and count.noun and count.noun.lower() in lex.victim_of:
        return lex.victim_of[count.noun.lower()], None
    m = lex.victims.search(text, s, e)
    return (lex.victim_of[m.group(0).lower()], (m.start(), m.end())) if m else (None, None)


def _when(d: _Draft, sent: _Sentence, period: Period | None) -> When | None:
    """In the claim, else earlier in its sentence, else earlier in its paragraph. Times later
    in the sentence belong to later clauses ("...and defies the order of 7 December 2021").
    A date carried from an earlier sentence that starts a war the document dates stands for
    that war's whole period: consequences reported after "the aggression on 27 September"
    happened during it, not on that day."""
    inside = [t for t in sent.times if d.start <= t.start < d.end]
    earlier = [t for t in sent.times if t.start < d.start]
    if inside or earlier:
        return inside[0] if inside else earlier[-1]
    ctx = sent.context_when
    if ctx is not None and period is not None and period.date_to and ctx == period.start:
        return When(ctx.start, ctx.end, period.date_from, period.date_to)
    return ctx


def _assemble(doc: _Document, d: _Draft, sent: _Sentence) -> list[Claim]:
    text, lex, tax = doc.text, doc.lex, doc.tax
    when = _when(d, sent, doc.period)
    matched: list[tuple[int, int, str]] = [(t.start, t.end, f"event:{t.event}") for t in d.triggers]
    if when is not None and when in sent.times:
        matched.append((when.start, when.end, "when"))
    matched += [(s, e, "place") for s, e, _ in sent.places]
    produced = {
        "event": f"{lex.producer}+{tax.producer}",
        "stance": stance.PRODUCER,
        "count": COUNT_PRODUCER,
        "victims": lex.producer,
        "when": WHEN_PRODUCER,
        "places": f"{places.PRODUCER}+{places.GAZETTEER}",
        "accused": actors.PRODUCER,
    }
    base = {
        "doc_sha256": doc.doc_sha256,
        "sentence": sent.seg.index,
        "start": d.start,
        "end": d.end,
        "quote": text[d.start : d.end],
        "speaker": doc.meta.get("speaker"),
        "speaker_country": doc.meta.get("speaker_country"),
        "doc_date": doc.meta.get("date"),
        "when_from": when.date_from if when else None,
        "when_to": when.date_to if when else None,
        "places": _claim_places(sent),
        "produced_by": produced,
    }
    if d.denial:
        denied = stance.denied_allegation(text, d.start, d.end, sent.seg.end, lex)
        return [
            Claim(
                id=_claim_id(doc.doc_sha256, d.start, d.end, "denial", None),
                event="denial",
                stance="denies",
                claimed_by=sent.others,
                denies=denied,
                other_events=tuple(sorted(d.others)),
                matched=tuple(sorted(matched)),
                **base,  # type: ignore[arg-type]
            )
        ]
    specific = bool(sent.times or sent.context_when or sent.mentions or sent.places or d.counts)
    if not specific and not lex.victims.search(text, d.start, d.end):
        return []  # a generic statement ("hate propaganda fuels intolerance"): no incident
    kind = tax.events[d.event]
    says = stance.stance(
        text,
        sent.seg.start,
        sent.seg.end,
        d.start,
        d.end,
        d.triggers[0].start if d.triggers else d.end,
        lex,
        any(m.start < d.end for m in sent.agents),
        bool(sent.others),
        kind.accusatory,
    )
    accused = tuple(dict.fromkeys(m.code for m in sent.agents))
    if not accused and doc.accused_age <= doc.settings.carry_accused_paragraphs:
        accused = doc.accused  # named earlier: "...occupation by neighbouring Armenia"
        produced["accused"] = f"{actors.PRODUCER} (from context)"
    group = _group(doc, d, sent)
    counts = [c for c in d.counts if kind.counts(c.unit)] or [UNQUANTIFIED]
    includes = tuple(SubCount(c, _victims(text, d.start, d.end, c, lex)[0]) for c in d.subs)
    out = []
    for i, count in enumerate(counts):
        nxt = counts[i + 1].start if i + 1 < len(counts) else None
        victims, victim_span = (
            _victims(text, d.start, d.end, count if count.noun else None, lex)
            if count.unit is None
            else (None, None)  # houses and villages are not victims
        )
        outcome = (
            _outcome(text, count, nxt or d.end, lex, d.start)
            if kind.outcomes and count.start is not None
            else None
        )
        spans = list(matched)
        if count.start is not None and count.end is not None:
            spans.append((count.start, count.end, "count"))
        if victim_span:
            spans.append((*victim_span, "victims"))
        out.append(
            Claim(
                id=_claim_id(doc.doc_sha256, d.start, d.end, d.event, count.start),
                event=d.event,
                stance=says,
                count=count,
                includes=includes,
                victims=victims,
                victim_group=group,
                outcome=outcome,
                accused=accused,
                other_events=tuple(sorted(d.others)),
                risk_indicators=kind.indicators_for(group),
                matched=tuple(sorted(spans)),
                **base,  # type: ignore[arg-type]
            )
        )
    return out


def _claim_places(sent: _Sentence) -> tuple[Place, ...]:
    """Places the sentence names; a sentence naming no place takes the towns named earlier in
    its paragraph ("The attack killed 23 civilians" after "...the market of Kessa")."""
    named = tuple(dict.fromkeys(p for _, _, p in sent.places))
    return named or sent.context_places


def _group(doc: _Document, d: _Draft, sent: _Sentence) -> str | None:
    """The national, ethnic or religious group the victims belong to, as named in the claim."""
    for m in sent.named:
        if not d.start <= m.start < d.end:
            continue
        if m.kind == "demonym" and not actors.is_agent(doc.text, m, sent.seg.start, doc.pack):
            return actors.group_name(m.written, doc.pack)
    named = doc.lex.groups.search(doc.text, d.start, d.end)
    if named is None and (user := countries.user_groups(doc.entities)) is not None:
        named = user.search(doc.text, d.start, d.end)
    return named.group(0) if named else None


def _claim_id(doc: str, start: int, end: int, event: str, count_start: int | None) -> str:
    key = f"{doc}:{start}:{end}:{event}:{count_start}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]
