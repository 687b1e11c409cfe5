"""Grouping claims into incidents and judging each one's status."""

from __future__ import annotations

import hashlib
import statistics
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache, partial
from typing import Any, NamedTuple

from tocsin.corroborate.blocking import candidate_pairs
from tocsin.corroborate.sources import claim_source
from tocsin.extract.places import fold
from tocsin.forkmap import cores, fork_map
from tocsin.gcpause import paused
from tocsin.types import Claim, Count, Document, DocumentInfo, Place

PRODUCER = "corroborate@2"  # 2: claims counted under their own source; figures disputed apart
# Event types that describe the same incident from different angles: a denial of shelling
# contests the killings that shelling is said to have caused.
_FAMILIES = ({"attack_on_civilians", "killing", "injury"},)


@dataclass(frozen=True)
class Rules:
    """How close claims must be to describe one incident. Documented defaults; tune with care."""

    time_slack_days: int = 1  # "12 February" and "13 February" can be the same shelling
    exact_tolerance: float = 0.10  # exact counts within 10% (at least 1) do not conflict
    series_tolerance: float = 0.15  # one source's repeated figure: within 15%
    # a standing tally ("4,000 missing") repeated over the years is a series; "3 killed"
    # said twice by one outlet is a coincidence of small numbers, not one incident
    series_min_figure: int = 50


@dataclass
class Incident:
    id: str
    event: str
    status: str  # single-source | repeated | corroborated | contested (a source denies it)
    claims: list[str]
    sources: list[str]  # independent sources asserting it
    contested_by: list[str]  # sources denying it
    count: dict[str, int | None]  # low / best / high
    count_basis: list[dict[str, object]]  # which claim gave which figure
    when_from: str | None
    when_to: str | None
    places: list[str]
    series: list[dict[str, object]] = field(default_factory=list)
    explanation: list[str] = field(default_factory=list)
    # sources whose figures cannot all hold: a dispute over how many, not over whether
    disputed_by: list[str] = field(default_factory=list)


PUBLIC_SOURCE_FIELDS = ("speaker_country", "speaker_org", "publisher")


def source_label(info: DocumentInfo | Document) -> str:
    """Who a document speaks for: claims from one state, organisation or outlet are one
    source however many documents repeat them. A person speaking for none of these (a
    witness, a journalist's byline) is a source of their own."""
    for key in (*PUBLIC_SOURCE_FIELDS, "speaker"):
        value = info.meta.get(key)
        if value is not None and isinstance(value.value, str):
            return value.value
    return f"document {info.sha256[:12]}"


def is_public_source(info: DocumentInfo | Document) -> bool:
    """Whether the source is a state, organisation or outlet rather than a private person."""
    return any(k in info.meta for k in PUBLIC_SOURCE_FIELDS)


@lru_cache(maxsize=1 << 16)  # a corpus has few distinct dates and many claims
def _day(iso: str, end: bool) -> date:
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        first = date(parts[0], parts[1], 1)
        if not end:
            return first
        nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return nxt - timedelta(days=1)
    return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)


def _span(c: Claim) -> tuple[date, date] | None:
    return _span_of(c.when_from, c.when_to)


@lru_cache(maxsize=1 << 16)
def _span_of(when_from: str | None, when_to: str | None) -> tuple[date, date] | None:
    if not when_from:
        return None
    return _day(when_from, False), _day(when_to or when_from, True)


def _place_keys(c: Claim) -> frozenset[str]:
    """Towns identify an incident; a country alone is too coarse to tell incidents apart."""
    return _keys_of(c.places)


@lru_cache(maxsize=1 << 16)
def _keys_of(places: tuple[Place, ...]) -> frozenset[str]:
    return frozenset(
        p.gazetteer_id or fold(p.name)
        for p in places
        if not (p.gazetteer_id or "").startswith("iso3166")
    )


def _bounds(count: Count, tolerance: float) -> tuple[float, float] | None:
    """The interval a count allows, widened by the tolerance: figures are rounded, so
    "23" → [21, 25], "at least 20" → [18, ∞), "10,000 to 12,000" → [9,000, 13,200]; and
    "more than 12,000" agrees with "10,000 to 12,000" rather than disputing it by one."""
    q, v = count.qualifier, count.value
    if q in ("vague", "between"):
        low, high = float(count.low or 0), float(count.high or float("inf"))
        return (low * (1 - tolerance), high * (1 + tolerance))
    if v is None:
        return None
    slack = max(1.0, v * tolerance)
    return {
        "exact": (v - slack, v + slack),
        "about": (v * 0.8, v * 1.2),
        "more_than": (v + 1 - slack, float("inf")),
        "at_least": (v - slack, float("inf")),
        "almost": (v * 0.8, v + slack),
    }.get(q)


def _point(count: Count) -> int | None:
    if count.value is not None:
        return count.value
    if count.low is not None and count.high is not None:
        return (count.low + count.high) // 2
    return None


def _related(a: str, b: str) -> bool:
    return a == b or any(a in f and b in f for f in _FAMILIES)


class _Where(NamedTuple):
    """What `_match` compares, computed once per claim."""

    span: tuple[date, date] | None
    towns: frozenset[str]
    countries: frozenset[str]


def _where(c: Claim) -> _Where:
    return _Where(_span(c), _place_keys(c), _countries_of(c.places))


@lru_cache(maxsize=1 << 16)
def _countries_of(places: tuple[Place, ...]) -> frozenset[str]:
    return frozenset(p.country for p in places if p.country)


def _match(a: Claim, b: Claim, rules: Rules, wa: _Where, wb: _Where) -> bool:
    """Whether two claims describe the same incident (`_why` says why)."""
    if a.event != b.event:
        return False
    sa, sb, pa, pb = wa.span, wb.span, wa.towns, wb.towns
    if sa and sb:
        slack = timedelta(days=rules.time_slack_days)
        if sa[0] > sb[1] + slack or sb[0] > sa[1] + slack:
            return False
    if wa.countries and wb.countries and not wa.countries & wb.countries:
        return False  # events in different countries are different events
    if pa and pb and not pa & pb:
        return False
    if not (sa and sb) and not (pa and pb) and a.doc_sha256 != b.doc_sha256:
        return False  # without a time or a place in common, claims of two documents stay apart
    return not (a.accused and b.accused and not set(a.accused) & set(b.accused))


def _why(a: Claim, b: Claim, wa: _Where, wb: _Where) -> list[str]:
    """Why two claims that `_match` describe the same incident. Written apart from the test,
    and only when an explanation is kept: most matching pairs in a large corpus join claims
    already grouped, and their reasons would be thrown away."""
    sa, sb, pa, pb = wa.span, wb.span, wa.towns, wb.towns
    why = [f"event {a.event}"]
    if sa and sb:
        why.append(f"time overlaps ({a.when_from}…{a.when_to} / {b.when_from}…{b.when_to})")
    if pa and pb:
        why.append(
            "same place "
            + ", ".join(sorted(p.name for p in a.places if (p.gazetteer_id or fold(p.name)) in pb))
        )
    if not (sa and sb) and not (pa and pb):
        why.append("same document, nothing tells them apart")
    blamed = set(a.accused) & set(b.accused)
    if blamed:
        why.append("same party blamed " + ", ".join(sorted(blamed)))
    return why


# Below this many claims grouping runs in one process: forking costs more than it saves.
PARALLEL_MIN = 100_000


def corroborate(
    claims: list[Claim],
    sources: Mapping[str, str],
    rules: Rules | None = None,
    merge: Collection[frozenset[str]] = (),
    split: Collection[frozenset[str]] = (),
    workers: int | None = None,
) -> list[Incident]:
    """Group claims into incidents. `sources` maps a document's sha256 to its source label;
    `merge` and `split` are analysts' corrections: claim-id pairs that must, or must not,
    share an incident. Claims of different event types never share an incident (unless an
    analyst merges them), so each event type is grouped apart, over `workers` processes
    (default: the machine's cores for a large corpus, else one)."""
    with paused():
        return _corroborate(claims, sources, rules or Rules(), merge, split, workers)


def _corroborate(
    claims: list[Claim],
    sources: Mapping[str, str],
    rules: Rules,
    merge: Collection[frozenset[str]],
    split: Collection[frozenset[str]],
    workers: int | None,
) -> list[Incident]:
    # Demands ("we call for an investigation") report no event; denials contest one.
    facts = [c for c in claims if c.event != "denial" and c.stance != "calls_for"]
    denials = [c for c in claims if c.event == "denial"]
    if workers is None:
        workers = cores() if len(facts) >= PARALLEL_MIN else 1
    group = partial(_group, sources=sources, rules=rules, merge=merge, split=split)
    incidents = [
        inc for part in fork_map(group, _shards(facts, merge), workers, len) for inc in part
    ]
    if workers > 1:
        # Strings come back from the processes as copies. Use the claims' own ids and one
        # copy of each label, so that dictionaries and comparisons later find them by
        # identity: on a million claims that makes profiles and alerts a third faster.
        same = {c.id: c.id for c in facts}
        labels: dict[str, str] = {s: s for s in sources.values()}
        for inc in incidents:
            inc.claims = [same[cid] for cid in inc.claims]
            inc.status = labels.setdefault(inc.status, inc.status)
            inc.event = labels.setdefault(inc.event, inc.event)
            inc.sources = [labels.setdefault(s, s) for s in inc.sources]
            inc.contested_by = [labels.setdefault(s, s) for s in inc.contested_by]
            inc.disputed_by = [labels.setdefault(s, s) for s in inc.disputed_by]
    by_id = {c.id: c for c in facts}
    denying: dict[str, list[Claim]] = {}  # event type -> the denials that may contest it
    for inc in incidents:
        if inc.event not in denying:
            denying[inc.event] = [
                d for d in denials if any(_related(inc.event, ev) for ev in d.other_events)
            ]
        if denying[inc.event]:
            _contest_by_denials(inc, denying[inc.event], by_id, sources, rules)
    incidents.sort(key=lambda i: (i.when_from or "", i.event, i.id))
    return incidents


def _shards(facts: list[Claim], merge: Collection[frozenset[str]]) -> list[list[Claim]]:
    """Claims that may share an incident, in their order: one event type in one country
    (claims in different countries never match), joined where a claim names several
    countries, where a claim names none (it may match any country's) and where an analyst
    merged claims."""
    joined: dict[tuple[str, str], tuple[str, str]] = {}

    def root(k: tuple[str, str]) -> tuple[str, str]:
        joined.setdefault(k, k)
        while joined[k] != k:
            k = joined[k]
        return k

    def union(keys: list[tuple[str, str]]) -> None:
        roots = sorted({root(k) for k in keys})
        for r in roots[1:]:
            joined[r] = roots[0]

    first: list[tuple[str, str]] = []  # each claim's (event, first country), in order
    nowhere: set[str] = set()  # event types with a claim in no country
    # claims naming the same places (the same objects) look their countries up once
    countries_of: dict[tuple[int, ...], tuple[str, ...]] = {}
    for c in facts:
        where = tuple(map(id, c.places))
        countries = countries_of.get(where)
        if countries is None:
            countries = countries_of[where] = tuple(sorted(_countries_of(c.places)))
        if not countries:
            nowhere.add(c.event)
        elif len(countries) > 1:
            union([(c.event, k) for k in countries])
        first.append((c.event, countries[0] if countries else ""))
    keys = set(first) | set(joined)
    for event in nowhere:  # a claim in no country may match any country's
        union([k for k in keys if k[0] == event])
    if merge:
        at = {c.id: i for i, c in enumerate(facts)}
        for pair in merge:
            union([first[at[cid]] for cid in pair if cid in at])
    root_of = {k: root(k) for k in keys}
    parts: dict[tuple[str, str], list[Claim]] = {}
    for c, k in zip(facts, first, strict=True):
        parts.setdefault(root_of[k], []).append(c)
    return list(parts.values())


def _group(
    facts: list[Claim],
    sources: Mapping[str, str],
    rules: Rules,
    merge: Collection[frozenset[str]],
    split: Collection[frozenset[str]],
) -> list[Incident]:
    """The incidents of claims that may share one (`_shards`), series included; denials
    are matched afterwards, against all of them."""
    parent = list(range(len(facts)))
    reasons: dict[int, list[str]] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index = {c.id: i for i, c in enumerate(facts)}
    members: dict[int, set[str]] = {i: {c.id} for i, c in enumerate(facts)}
    where = [_where(c) for c in facts]
    towns: dict[int, frozenset[str]] = {i: w.towns for i, w in enumerate(where)}

    def join(i: int, j: int) -> bool:
        ri, rj = find(i), find(j)
        if ri == rj:
            return True
        if split and any(frozenset((a, b)) in split for a in members[ri] for b in members[rj]):
            return False  # an analyst split these apart
        if len(members[ri]) < len(members[rj]):
            ri, rj = rj, ri  # the smaller group joins the larger
        parent[rj] = ri
        members[ri] |= members.pop(rj)
        towns[ri] = towns[ri] | towns.pop(rj)
        return True

    for pair in (p for p in merge if len(p) == 2):
        first, second = sorted(pair)
        if first in index and second in index and join(index[first], index[second]):
            reasons.setdefault(index[second], ["merged by an analyst"])
    # First the claims alike in naming a town or not; then each group that names no town
    # joins the one group with towns it matches. One that matches several ("three killed in
    # Velmora on 12 February", beside reports from Kessa and from Lorn that day) stays apart:
    # it must not make one incident of two towns' killings, and which town it belongs to is
    # not for the order of the reports to decide.
    between: list[tuple[int, int]] = []
    for i, j in candidate_pairs(facts, where, rules.time_slack_days):
        alike = bool(where[i].towns) == bool(where[j].towns)
        if find(i) == find(j) and (j in reasons or not alike):
            continue  # already together, and the pair would add nothing to say
        if not _match(facts[i], facts[j], rules, where[i], where[j]):
            continue
        if not alike:
            between.append((i, j))
        elif join(i, j) and j not in reasons:
            reasons[j] = _why(facts[i], facts[j], where[i], where[j])
    fits: dict[int, dict[int, tuple[int, int]]] = {}
    for i, j in between:
        ri, rj = find(i), find(j)
        if bool(towns[ri]) == bool(towns[rj]):
            continue  # an analyst's merge already put a town in both, or neither
        townless, towned = (ri, rj) if not towns[ri] else (rj, ri)
        fits.setdefault(townless, {}).setdefault(towned, (i, j))
    for townless in sorted(fits):
        if len(fits[townless]) == 1:
            ((i, j),) = fits[townless].values()
            if join(i, j) and j not in reasons:
                reasons[j] = _why(facts[i], facts[j], where[i], where[j])
    groups: dict[int, list[int]] = {}
    for i in range(len(facts)):
        groups.setdefault(find(i), []).append(i)
    incidents = [
        _incident([facts[i] for i in idx], [reasons.get(i, []) for i in idx], sources, rules)
        for idx in groups.values()
    ]
    by_id = {c.id: c for c in facts}
    # one source repeating a figure in several documents is a series, not several incidents
    return _merge_series(incidents, by_id, sources, rules, split)


def _incident_id(members: list[Claim]) -> str:
    """Named after its first claim (earliest document, then claim id): new reports joining an
    incident leave its id, and the reviews filed under it, unchanged."""
    first = min(members, key=lambda c: (c.doc_date or "9999", c.id))
    return hashlib.sha256(f"incident:{first.event}:{first.id}".encode()).hexdigest()[:12]


def _incident(
    members: list[Claim], why: list[list[str]], sources: Mapping[str, str], rules: Rules
) -> Incident:
    members.sort(key=lambda c: (c.doc_date or "", c.id))
    event = members[0].event
    key = _incident_id(members)
    incident = Incident(
        id=key,
        event=event,
        status="single-source",
        claims=[c.id for c in members],
        sources=[],
        contested_by=[],
        count={"low": None, "best": None, "high": None},
        count_basis=[],
        when_from=None,
        when_to=None,
        places=[],
    )
    for c, reason in zip(members, why, strict=True):
        if reason:
            incident.explanation.append(f"{c.id} joined: " + "; ".join(reason))
    _summarise(incident, members, sources, rules)
    return incident


def _summarise(
    incident: Incident, members: list[Claim], sources: Mapping[str, str], rules: Rules
) -> None:
    """Sources, time, places, reconciled counts and status, from the member claims."""
    if len(members) == 1 and not incident.contested_by:
        _summarise_one(incident, members[0], sources)
    else:
        _summarise_general(incident, members, sources, rules)


def _summarise_general(
    incident: Incident, members: list[Claim], sources: Mapping[str, str], rules: Rules
) -> None:
    by_source: dict[str, list[Claim]] = {}
    for c in members:
        by_source.setdefault(claim_source(c, sources.get(c.doc_sha256, c.doc_sha256)), []).append(c)
    incident.sources = sorted(by_source)
    spans = [s for s in (_span(c) for c in members) if s]
    if spans:
        incident.when_from = min(s[0] for s in spans).isoformat()
        incident.when_to = max(s[1] for s in spans).isoformat()
    incident.places = sorted(
        {
            p.name
            for c in members
            for p in c.places
            if not (p.gazetteer_id or "").startswith("iso3166")
        }
    )
    # Each source counts once: its latest figure (a series is a history, not new victims).
    latest: list[tuple[str, Claim]] = []
    incident.series = []
    for source, claims in sorted(by_source.items()):
        counted = [
            c
            for c in claims
            if c.count and c.count.qualifier != "unquantified" and c.count.unit is None
        ]
        if not counted:
            continue
        # the latest date's figure; of one date's, the largest: a document's smaller figure
        # is a part of its total ("at least 20 killed, among them several children")
        counted.sort(key=lambda c: (c.doc_date or "", _figure(c), c.id))
        latest.append((source, counted[-1]))
        # a series is one figure per document: its largest (a total, not its parts)
        per_doc = {c.doc_sha256: c for c in sorted(counted, key=_figure)}
        if len(per_doc) > 1:
            incident.series.append(
                {
                    "source": source,
                    "figures": [
                        {
                            "date": c.doc_date,
                            "qualifier": c.count.qualifier,
                            "value": c.count.value,
                            "claim": c.id,
                        }
                        for c in counted
                        if c.count is not None and per_doc[c.doc_sha256] is c
                    ],
                }
            )
    lows, highs, points = [], [], []
    incident.count_basis = []
    for source, c in latest:
        assert c.count is not None
        point = _point(c.count)
        low = c.count.low if c.count.low is not None else c.count.value
        high = c.count.high if c.count.high is not None else c.count.value
        if point is None or low is None or high is None:
            continue
        lows.append(low)
        highs.append(high)
        points.append(point)
        incident.count_basis.append(
            {
                "source": source,
                "claim": c.id,
                "qualifier": c.count.qualifier,
                "value": c.count.value,
                "low": low,
                "high": high,
            }
        )
    if points:
        incident.count = {
            "low": min(lows),
            "best": points[0] if len(points) == 1 else int(statistics.median(points)),
            "high": max(highs),
        }
    conflict = _count_conflict([c for _, c in latest], rules)
    incident.disputed_by = sorted({s for s, c in latest if c in conflict})
    if conflict:
        incident.explanation.append(
            "figures disputed (they cannot all hold, given their qualifiers): "
            + ", ".join(f"{c.id} ({_describe(c.count)})" for c in conflict if c.count)
        )
    _status(incident, members)


def _summarise_one(incident: Incident, c: Claim, sources: Mapping[str, str]) -> None:
    """`_summarise` for an incident of one claim, the most common kind in a large corpus:
    the same result (a test compares them) without the bookkeeping for several sources."""
    source = claim_source(c, sources.get(c.doc_sha256, c.doc_sha256))
    incident.sources = [source]
    incident.disputed_by = []
    span = _span(c)
    if span:
        incident.when_from, incident.when_to = span[0].isoformat(), span[1].isoformat()
    incident.places = sorted(
        {p.name for p in c.places if not (p.gazetteer_id or "").startswith("iso3166")}
    )
    incident.series = []
    incident.count_basis = []
    count = c.count
    if count and count.qualifier != "unquantified" and count.unit is None:
        point = _point(count)
        low = count.low if count.low is not None else count.value
        high = count.high if count.high is not None else count.value
        if point is not None and low is not None and high is not None:
            incident.count_basis.append(
                {
                    "source": source,
                    "claim": c.id,
                    "qualifier": count.qualifier,
                    "value": count.value,
                    "low": low,
                    "high": high,
                }
            )
            incident.count = {"low": low, "best": point, "high": high}
    incident.status = "single-source"


def _figure(c: Claim) -> int:
    return (_point(c.count) or 0) if c.count else 0


def _describe(count: Count) -> str:
    if count.value is None:
        return f"{count.qualifier} {count.low}-{count.high}"
    return f"{count.qualifier} {count.value}"


def _count_conflict(latest: list[Claim], rules: Rules) -> list[Claim]:
    """The claims whose counts cannot all hold at once, given their stated qualifiers."""
    if len(latest) < 2:
        return []
    bounds: list[tuple[Claim, tuple[float, float]]] = []
    for c in latest:
        b = _bounds(c.count, rules.exact_tolerance) if c.count else None
        if b is not None:
            bounds.append((c, b))
    if len(bounds) < 2:
        return []
    low = max(b[0] for _, b in bounds)
    high = min(b[1] for _, b in bounds)
    if low <= high:
        return []
    return [c for c, b in bounds if b[1] < low or b[0] > high]


def _status(incident: Incident, members: list[Claim]) -> None:
    if incident.contested_by:
        incident.status = "contested"
    elif len(incident.sources) >= 2:
        incident.status = "corroborated"
    elif len({c.doc_sha256 for c in members}) >= 2:
        incident.status = "repeated"
    else:
        incident.status = "single-source"


def _merge_series(
    incidents: list[Incident],
    by_id: dict[str, Claim],
    sources: Mapping[str, str],
    rules: Rules,
    split: Collection[frozenset[str]] = (),
) -> list[Incident]:
    """Undated or unplaced claims by one source repeating a figure ("about 4000 missing" in
    2023, "almost 4,000" in 2024) join as one incident with a series of figures."""
    merged: list[Incident] = []
    # only incidents with neither a town nor a date to tell them apart, from one source, can
    # be a series: indexed by event and source, so a large corpus is not compared pairwise
    loose: dict[tuple[str, str], list[list[Any]]] = {}  # [incident, its latest figure]
    for inc in incidents:
        figures = _values(inc, by_id) if len(inc.sources) == 1 else []
        if not figures or not _loose(inc, by_id):
            merged.append(inc)
            continue
        figure = figures[-1]
        if figure < rules.series_min_figure:
            merged.append(inc)
            continue
        bucket = loose.setdefault((inc.event, inc.sources[0]), [])
        countries = _incident_countries(inc, by_id)
        home = next(
            (
                entry
                for entry in bucket
                if abs(entry[1] - figure) <= rules.series_tolerance * max(entry[1], figure)
                and _meet(countries, _incident_countries(entry[0], by_id))
                and not any(frozenset((a, b)) in split for a in entry[0].claims for b in inc.claims)
            ),
            None,
        )
        if home is None:
            merged.append(inc)
            bucket.append([inc, figure])
            continue
        target: Incident = home[0]
        target.claims += inc.claims
        home[1] = figure  # the series goes on from the figure that joined last
        target.explanation.append(
            f"{', '.join(inc.claims)} joined: same source, same event, same figure"
        )
        members = [by_id[c] for c in target.claims]
        target.id = _incident_id(members)
        _summarise(target, members, sources, rules)
    return merged


def _incident_countries(inc: Incident, by_id: dict[str, Claim]) -> frozenset[str]:
    return frozenset(p.country for c in inc.claims for p in by_id[c].places if p.country)


def _meet(a: frozenset[str], b: frozenset[str]) -> bool:
    """Countries that can describe the same events: shared, or one side names none."""
    return not (a and b) or bool(a & b)


def _loose(inc: Incident, by_id: dict[str, Claim]) -> bool:
    """No town or no date: nothing but its figure tells it apart from another report."""
    members = [by_id[c] for c in inc.claims]
    return not any(_place_keys(c) for c in members) or not any(c.when_from for c in members)


def _values(inc: Incident, by_id: dict[str, Claim]) -> list[int]:
    counts = (by_id[c].count for c in inc.claims if c in by_id)
    return [c.value for c in counts if c is not None and c.value]


def _denier(d: Claim, sources: Mapping[str, str]) -> str:
    """Who denies: the denial's own source (a report of a denial, "Astrel denies shelling
    Kessa market", is Astrel's denial relayed, not the newspaper's)."""
    return claim_source(d, sources.get(d.doc_sha256, d.doc_sha256))


def _contest_by_denials(
    inc: Incident,
    denials: list[Claim],
    by_id: dict[str, Claim],
    sources: Mapping[str, str],
    rules: Rules,
) -> None:
    members = [by_id[c] for c in inc.claims]
    for d in denials:  # those about this incident's kind of event (the caller picks them)
        ds, dp = _span(d), _place_keys(d)
        near = False
        for c in members:
            cs, cp = _span(c), _place_keys(c)
            time_ok = bool(
                ds
                and cs
                and not (
                    ds[0] > cs[1] + timedelta(days=rules.time_slack_days)
                    or cs[0] > ds[1] + timedelta(days=rules.time_slack_days)
                )
            )
            place_ok = bool(dp and cp and dp & cp)
            if (time_ok and (place_ok or not dp or not cp)) or (place_ok and not (ds and cs)):
                near = True
                break
        if not near:
            continue
        source = _denier(d, sources)
        if source in inc.sources and len(inc.sources) == 1:
            continue  # a source does not contest itself
        inc.claims.append(d.id)
        inc.contested_by = sorted(set(inc.contested_by) | {source})
        inc.explanation.append(f"{d.id} denies it ({source}): {d.denies or d.quote}")
        inc.status = "contested"
