"""Sentences → claims. One pure function of a document's text, segments and metadata.

For each sentence: split it into pieces (clauses and list members), find event triggers in
each, drop negated and hypothetical ones, decide the stance (asserts, accuses, denies,
calls_for, reports), then attach counts, victims, the group named, time, places and who is
blamed. Context that sentences leave implicit (when, who) is carried within a paragraph.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache

from tocsin import countries
from tocsin.extract import actors, places, source, stance, taxonomy, triggers
from tocsin.extract.lexicon import Lexicon, lexicon
from tocsin.extract.quantities import PRODUCER as COUNT_PRODUCER
from tocsin.extract.quantities import counted_group, find_counts, is_part
from tocsin.extract.taxonomy import INCIDENTS
from tocsin.extract.triggers import Trigger
from tocsin.extract.when import PRODUCER as WHEN_PRODUCER
from tocsin.extract.when import (
    Period,
    When,
    after_conflict,
    applies_after,
    conflict_period,
    covered_period,
    find_times,
    refers_back,
    tells_past,
)
from tocsin.ingest.metadata import header_salutation
from tocsin.lang import LangPack
from tocsin.types import Claim, Count, Place, Segment, Source, SubCount

UNQUANTIFIED = Count(None, "unquantified")
LEAD_PARAGRAPHS = 3  # a news story's lead: the paragraphs that name and date its incident
# What a sub-count's own outcome makes it a claim of (taxonomy names, not words).
_OUTCOME_EVENTS = {"killed": "killing", "injured": "injury"}


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
    context_places: tuple[Place, ...] = ()  # places named last before this sentence
    attributions: list[source.Attribution] = field(default_factory=list)  # who says what
    # the claims' places, worked out once per sentence: `_claim_places` reads nothing that
    # changes before the next sentence
    claim_places: tuple[Place, ...] | None = None
    hedged: bool | None = None  # told at second hand ("reportedly"): once per sentence

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
    voice: Source | None = None  # the document's author or publisher, else whom it quotes
    declared: Source | None = None  # the author or publisher its metadata names
    where: tuple[Place, ...] = ()  # places named last in the document, for sentences naming none


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
    sentences_all = [s for s in segments if s.kind == "sentence"]
    doc.declared = source.of_document(meta, pack, entities)
    attributions = source.in_sentences(
        text, [(s.start, s.end) for s in sentences_all], pack, entities, doc.declared
    )
    attributions_of = dict(zip((s.index for s in sentences_all), attributions, strict=True))
    doc.voice = doc.declared or source.most_quoted(attributions, least=1)
    speaker_country = meta.get("speaker_country")
    named = Counter(m.code for m in actors.mentions(text, 0, len(text), pack, entities))
    context = set(named)
    context |= {speaker_country} if speaker_country else set()
    players = actors.cast(named, speaker_country)
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
    # a period still running ("since 2009"), or the one a report covers: it outlives paragraphs
    running = covered_period(text, pack, meta.get("date"))
    lead: When | None = None  # the first time a claim is dated by, in the story's lead
    paragraphs_seen = 0
    told: When | None = None  # the time told last, whatever the paragraph
    where: tuple[Place, ...] = ()  # places named last in the paragraph
    for seg in sentences:
        if seg.paragraph != paragraph:
            paragraph = seg.paragraph if seg.paragraph is not None else -1
            when = running
            paragraphs_seen += 1
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
        if when is None and refers_back(text, seg.start, seg.end, pack):
            when = told  # "The militias then targeted...": the time told last, even before
        sent = _Sentence(
            seg,
            sorted([*times, after], key=lambda t: t.start) if after else times,
            when,
            own,
            actors.agents(text, seg.start, seg.end, paragraph, mentions, pack, players),
            _places(doc, seg, mentions, context),
            mentions,
            where,
        )
        if not players.carry:
            doc.accused_age = 99  # about the whole war, or naming its parties: no carry
        sent.attributions = attributions_of[seg.index]
        made = [c for draft in _drafts(doc, seg, mentions) for c in _assemble(doc, draft, sent)]
        claims.extend(made)
        dated = [t for t in sent.times if not (t.duration or t.said)]
        when = (_resolved(dated[-1], when) if dated else None) or when
        running = when if when is not None and when.opens else running
        told = when or told
        points = [t for t in dated if not (t.opens or t.since_then)]
        if lead is None and points and made and paragraphs_seen <= LEAD_PARAGRAPHS:
            lead = points[0]  # an incident's date, not a period still running
        where = places.carry(where, _claim_places(doc, sent), pack.code, entities)
        doc.where = places.carry(doc.where, where, pack.code, entities)
        if sent.agents:
            doc.accused = tuple(dict.fromkeys(m.code for m in sent.agents))
            doc.accused_age = 0
    # one claim per id: a span read twice (a denial's allegation, a list) is stored once
    unique: dict[str, Claim] = {}
    timed = {i for i, found in times_of.items() if found}
    for c in _dated_by_lead(claims, lead, timed):
        unique.setdefault(c.id, c)
    return list(unique.values())


def _places(
    doc: _Document, seg: Segment, mentions: list[actors.Mention], context: set[str]
) -> list[tuple[int, int, Place]]:
    """The places the sentence names, most specific first (sites, regions, countries)."""
    states = [
        (
            m.start,
            m.end,
            m.code,
            actors.is_place(doc.text, m, seg.start, doc.pack)
            or (
                m.kind == "demonym"
                and places.located_demonym(doc.text, m.start, m.end, seg.start, doc.pack)
            ),
        )
        for m in mentions
    ]
    found = places.find(
        doc.text,
        seg.start,
        seg.end,
        doc.pack,
        context,
        doc.entities,
        states,
        geocode_towns=doc.settings.geocode,
    )
    return [(f.start, f.end, f.place) for f in found]


_OWN_SIDE = re.compile(r"\b(?:our|we)\b", re.IGNORECASE)


def _drafts(doc: _Document, seg: Segment, mentions: list[actors.Mention]) -> list[_Draft]:
    text, lex = doc.text, doc.lex
    speaker_country = doc.meta.get("speaker_country")
    drafts: list[_Draft] = []
    orphans: list[Count] = []  # counts in pieces without a trigger, for a neighbour to claim
    if triggers.not_violence(text, seg.start, seg.end, lex):
        return drafts  # "40,901 people were killed in traffic crashes": no violation
    for s, e in triggers.pieces(text, seg.start, seg.end, lex):
        counts = find_counts(text, s, e, doc.pack)
        kept, negated = triggers.find(text, s, e, seg.start, lex, seg.end)
        sub = bool(drafts and lex.sub_count.match(text, s))
        if sub and drafts[-1].denial and not stance.is_denial(text, s, e, lex):
            # "denied involvement, including any responsibility for the deaths": denied too,
            # and the deaths are still stated (below)
            found = sorted(kept + negated, key=lambda t: t.start)
            drafts.append(_Draft(s, e, "denial", {t.event for t in found}, found, counts, True))
        elif sub and not {t.event for t in kept} - {drafts[-1].event}:
            # "..., including nine children": part of the claim before, and a claim of its own;
            # "including killings" of another type is a statement like any other
            drafts[-1].subs.extend(counts)
            if counts:
                last = drafts[-1]
                drafts.append(_Draft(s, e, last.event, set(last.others), [], counts))
            continue
        own_side = any(m.code == speaker_country and s <= m.start < e for m in mentions) or bool(
            _OWN_SIDE.search(text[s:e])
        )
        if stance.is_denial(text, s, e, lex) or (negated and own_side):
            found = sorted(kept + negated, key=lambda t: t.start)
            drafts.append(_Draft(s, e, "denial", {t.event for t in found}, found, counts, True))
            continue
        if not kept:
            orphans.extend(counts)
            continue
        stated = triggers.statements(text, s, e, kept, doc.tax, lex)
        for i, st in enumerate(stated):
            # each statement takes the counts up to the next one: "killed 12 and injured 40"
            upto = stated[i + 1].start if i + 1 < len(stated) else e
            own = [
                c
                for c in counts
                if (i == 0 or st.start <= (c.start or s)) and (c.start or s) < upto
            ]
            if not own and triggers.anaphoric(text, st, lex):
                continue  # "such killings are war crimes": an event told already, or none
            if drafts and drafts[-1].event == st.event and not own and triggers.bare(text, st):
                drafts[-1].end = st.end  # "looted, vandalized, desecrated and destroyed": one claim
                drafts[-1].triggers.extend(st.triggers)
                drafts[-1].others |= st.others
                continue
            kind = doc.tax.events[st.event]
            if i == 0 and not any(kind.counts(c.unit) for c in own):
                usable = [c for c in orphans if kind.counts(c.unit)]
                if usable:
                    own = [*own, usable[-1]]
                    orphans.remove(usable[-1])
                    # the claim reaches back to its count: "almost 5,000 houses, ... were destroyed"
                    st.start = min(st.start, usable[-1].start or st.start)
            drafts.append(_Draft(st.start, st.end, st.event, st.others, st.triggers, own))
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


def _when(
    d: _Draft, sent: _Sentence, period: Period | None, text: str, pack: LangPack
) -> When | None:
    """In the claim, else earlier in its sentence, else earlier in its paragraph. Times later
    in the sentence belong to later clauses ("...and defies the order of 7 December 2021").
    When something was said ("the ministry said on Tuesday") is not when it happened, unless
    the saying is the claim itself (hate speech, a denial: "rejected on Wednesday").
    A date carried from an earlier sentence that starts a war the document dates stands for
    that war's whole period: consequences reported after "the aggression on 27 September"
    happened during it, not on that day."""
    ctx = sent.context_when
    # hate speech and denials are sayings: when said is when they happened
    spoken = d.event in ("hate_speech", "denial")
    times = [t for t in (_resolved(t, ctx) for t in sent.times if spoken or not t.said) if t]
    if any(not t.duration for t in times):
        # "in March ... held her for two weeks": the span counts from that time, not back
        # from the document's date
        times = [t for t in times if not t.duration]
    inside = [t for t in times if d.start <= t.start < d.end]
    earlier = [t for t in times if t.start < d.start]
    if inside or earlier:
        return inside[0] if inside else earlier[-1]
    later = [t for t in times if t.start >= d.end and applies_after(text, d.end, t, pack)]
    if later:
        return later[0]
    if ctx is not None and period is not None and period.date_to and ctx == period.start:
        return When(ctx.start, ctx.end, period.date_from, period.date_to)
    if ctx is not None and not ctx.opens and not tells_past(text, sent.seg.start, d.end, pack):
        return None  # "The report documents gangs looting...": not the day told before
    return ctx


def _dated_by_lead(claims: list[Claim], lead: When | None, timed: set[int]) -> list[Claim]:
    """A story's headline and first lines name its incident before they date it ("Gunmen
    kill 29 in Plateau" ... "the attack on Monday night"): claims written before the first
    date of the lead, in sentences that name no time at all, take it. A denial is dated by
    its own words only."""
    if lead is None:
        return claims
    return [
        replace(c, when_from=lead.date_from, when_to=lead.date_to)
        if c.when_from is None
        and c.start < lead.start
        and c.sentence not in timed
        and c.event != "denial"
        else c
        for c in claims
    ]


def _resolved(t: When, ctx: When | None) -> When | None:
    """ "since then": from the time named before it, else nothing."""
    if not t.since_then:
        return t
    if ctx is None:
        return None
    return When(t.start, t.end, ctx.date_from, t.date_to, opens=True)


def _assemble(doc: _Document, d: _Draft, sent: _Sentence) -> list[Claim]:
    text, lex, tax = doc.text, doc.lex, doc.tax
    when = _when(d, sent, doc.period, doc.text, doc.pack)
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
        "places": _claim_places(doc, sent),
        "produced_by": produced,
    }
    anchor = d.triggers[0].start if d.triggers else d.start
    who = source.for_event(sent.attributions, anchor)
    who = who or doc.voice  # unattributed: the document's own voice, not the last one quoted
    who = source.vouched(who, doc.voice)  # "officials said": as relayed by the document
    base["source"] = who
    produced["source"] = source.PRODUCER
    if d.denial:
        cue = lex.denies.search(text, d.start, d.end)
        at = cue.start() if cue else d.start
        denier = source.for_denial(sent.attributions, at) or doc.voice
        base["source"] = denier
        denied = stance.denied_allegation(text, d.start, d.end, sent.seg.end, lex)
        accuser = source.accuser(sent.attributions, at, denier, sent.others)
        accuser = accuser or source.unnamed_accuser(text, at, d.end, doc.pack, doc.voice, denier)
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
            ),
            *_allegation(doc, d, base, denier, accuser),
        ]
    specific = bool(sent.times or sent.context_when or sent.mentions or sent.places or d.counts)
    if not specific and not lex.victims.search(text, d.start, d.end) and not _told(doc, d):
        return []  # a generic statement ("hate propaganda fuels intolerance"): no incident
    kind = tax.events[d.event]
    accused = actors.accused_in(sent.agents, d.start, d.end)
    if not accused and doc.accused_age <= doc.settings.carry_accused_paragraphs:
        accused = doc.accused  # named earlier: "...occupation by neighbouring Armenia"
        produced["accused"] = f"{actors.PRODUCER} (from context)"
    if sent.hedged is None:
        sent.hedged = source.hedged(text, sent.seg.start, sent.seg.end, doc.pack)
    trigger = d.triggers[0].start if d.triggers else d.end
    says = stance.stance(
        text, sent.seg.start, trigger, lex, accused, who, doc.declared, sent.hedged
    )
    group = _group(doc, d, sent)
    counts = [c for c in (_bare_of(c, kind) for c in d.counts) if kind.counts(c.unit)]
    # "12 killed in 3 attacks": the victims are the count, the incidents only their setting
    counts = [c for c in counts if c.unit != INCIDENTS] or counts or [UNQUANTIFIED]
    # "223 civilians including 56 children" in one clause: the part is the total's include
    parts = [c for c in counts[1:] if is_part(text, c, doc.pack)]
    counts = [c for c in counts if c not in parts]
    # "630 Palestinians and 15 Israelis": each count's own group, when one names a group
    own_groups = [counted_group(c, doc.pack) for c in counts]
    includes = tuple(
        SubCount(_part_of(c, counts[0]), _victims(text, d.start, d.end, c, lex)[0])
        for c in [*parts, *d.subs]
    )
    out = []
    for i, count in enumerate(counts):
        victim_group = own_groups[i] if any(own_groups) else group
        nxt = counts[i + 1].start if i + 1 < len(counts) else None
        victims, victim_span = (
            _victims(text, d.start, d.end, count if count.noun else None, lex)
            if count.unit in (None, INCIDENTS)
            else (None, None)  # houses and villages are not victims
        )
        outcome = (
            _outcome(text, count, nxt or d.end, lex, d.start)
            if kind.outcomes and count.start is not None
            else None
        )
        event = _by_outcome(d.event, outcome, tax)
        spans = list(matched)
        if count.start is not None and count.end is not None:
            spans.append((count.start, count.end, "count"))
        if victim_span:
            spans.append((*victim_span, "victims"))
        out.append(
            Claim(
                id=_claim_id(doc.doc_sha256, d.start, d.end, event, count.start),
                event=event,
                stance=says,
                count=count,
                includes=includes,
                victims=victims,
                victim_group=victim_group,
                outcome=outcome,
                accused=accused,
                other_events=tuple(sorted(d.others)),
                risk_indicators=tax.events[event].indicators_for(victim_group),
                matched=tuple(sorted(spans)),
                **base,  # type: ignore[arg-type]
            )
        )
    return out


def _by_outcome(event: str, outcome: str | None, tax: taxonomy.Taxonomy) -> str:
    """ "700 casualties, including 129 deaths": a count of deaths in an attack is a killing,
    of the wounded an injury, where that event type takes in the attack."""
    named = _OUTCOME_EVENTS.get(outcome or "")
    if named is None or named not in tax.events or event not in tax.events[named].absorbs:
        return event
    return named


def _bare_of(count: Count, kind: taxonomy.EventType) -> Count:
    """ "31 incidents, including 20 in Rafah": a number with no noun counts what its claim's
    event counts, where that is not people."""
    if count.noun is not None or count.unit is not None or kind.counts(None):
        return count
    return replace(count, unit=kind.units[0])


def _part_of(sub: Count, total: Count) -> Count:
    """ "10 schools, including 4 in Gaza": a bare sub-count counts what its total counts."""
    return replace(sub, unit=total.unit) if sub.noun is None else sub


def _allegation(
    doc: _Document,
    d: _Draft,
    base: dict[str, object],
    denier: Source | None,
    accuser: Source | None,
) -> list[Claim]:
    """What a denial rejects, when the text states it ("denied reports that its jets killed 12
    villagers"), is a claim of its own: made by the accuser, against the denier."""
    found = [t for t in d.triggers if t.event != "denial"]
    if not found or accuser is None:
        return []
    event, others = triggers.primary(found, doc.tax)
    kind = doc.tax.events[event]
    against: tuple[str, ...] = ()
    if denier is not None and denier.kind in ("state", "group"):
        against = (denier.country or denier.name,)
    fields = {**base, "source": accuser}
    return [
        Claim(
            id=_claim_id(doc.doc_sha256, d.start, d.end, f"alleged:{event}", count.start),
            event=event,
            stance="accuses" if against else "reports",
            count=count,
            accused=against,
            other_events=tuple(sorted(others)),
            risk_indicators=kind.indicators_for(None),
            **fields,  # type: ignore[arg-type]
        )
        for count in ([c for c in d.counts if kind.counts(c.unit)] or [UNQUANTIFIED])
    ]


@cache
def _told_pattern(pack: LangPack) -> re.Pattern[str] | None:
    told = pack.section("modality").get("told")
    return re.compile(told, re.IGNORECASE) if told else None


def _told(doc: _Document, d: _Draft) -> bool:
    """Whether the claim's clause tells of something that happened (a finite past verb)."""
    told = _told_pattern(doc.pack)
    return bool(told and told.search(doc.text, d.start, d.end))


def _claim_places(doc: _Document, sent: _Sentence) -> tuple[Place, ...]:
    if sent.claim_places is None:
        sent.claim_places = _places_of_claims(doc, sent)
    return sent.claim_places


def _places_of_claims(doc: _Document, sent: _Sentence) -> tuple[Place, ...]:
    """Places the sentence names, most specific first, with the country of each. A sentence
    naming no place takes those named last in its paragraph ("The attack killed 23
    civilians" after "...the market of Kessa"), else in the document unless it turns to
    another state; failing those, the one state it names, as actor or not ("Sudan accused
    the RSF of genocide"): where a state's own war is reported."""
    lang, entities = doc.pack.code, doc.entities
    named = tuple(dict.fromkeys(p for _, _, p in sent.places))
    if named:
        written = places.written_countries(doc.text, lang, entities)
        return places.with_countries(named, lang, written, entities)
    if sent.context_places:
        return sent.context_places
    dateline = places.dateline_end(doc.text, sent.seg.start, sent.seg.end, doc.pack)
    states = {
        m.code: m
        for m in sent.named
        if m.kind == "state"
        and m.start >= dateline
        and not places.landmark(doc.text, m.end, doc.pack)
    }
    if doc.where and not set(states) - {p.country for p in doc.where}:
        return doc.where
    # not the state a statement accuses: a delegation names the other party as the actor
    speaker = doc.meta.get("speaker_country")
    if len(states) == 1 and speaker in (None, *states):
        (m,) = states.values()
        return (Place(m.written, m.code, gazetteer_id=f"iso3166:{m.code}"),)
    return ()


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
