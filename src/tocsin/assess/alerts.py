"""Alerts: rules applied to the monthly evidence matrix, each alert carrying why it fired.

Pure: a month-granularity RiskMatrix, the incidents, the rules and what has already fired in,
new alerts out. What has fired is given as (rule, area, subject) keys and the claim ids each
(rule, area) has already used as evidence, so re-running the rules over a grown store raises
only what is new: no alert fires twice for the same evidence.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from tocsin.assess.profile import RiskMatrix, day_of, level_of, previous_period
from tocsin.assess.rules import OneParty, Rule, Rules
from tocsin.corroborate import Incident
from tocsin.gcpause import paused

PRODUCER = "assess.alerts@2"  # 2: the one_party tier rule
SEVERITY_RANK = {"critical": 0, "high": 1, "medium": 2, "low": 3}


@dataclass
class Evidence:
    claim: str
    doc_sha256: str
    start: int
    end: int
    quote: str
    source: str
    date: str
    stance: str
    event: str
    incident: str | None
    status: str  # the incident's: corroborated | repeated | single-source | contested
    party: str | None = None  # the party to a conflict the claim comes from, if any


@dataclass
class Alert:
    id: str
    rule: str
    kind: str
    severity: str
    area: str
    period: str  # calendar month of the evidence
    subjects: list[str]  # indicators, "event@month", or incident ids: what it fired on
    title: str
    evidence: list[Evidence]
    sources: list[str]
    corroboration: str  # corroborated | contested | single-source: of the evidence as a whole
    caveat: str
    measure: dict[str, float] = field(default_factory=dict)  # escalation: value, baseline
    previous: str | None = None  # the last alert raised on the same area
    raised_at: str = ""
    produced_by: str = ""
    # the party all the evidence comes from, when one party alone says it: the alert is
    # raised at most at the rules' one_party.max_severity, and its caveat says so first
    one_party: str | None = None

    def record(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_record(cls, r: Mapping[str, Any]) -> Alert:
        data = dict(r)
        data["evidence"] = [Evidence(**e) for e in data["evidence"]]
        return cls(**data)


@dataclass
class Fired:
    """What earlier alerts have already fired on."""

    subjects: set[tuple[str, str, str]] = field(default_factory=set)  # (rule, area, subject)
    claims: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # (rule, area)
    last: dict[str, str] = field(default_factory=dict)  # area -> last alert id

    @classmethod
    def of(cls, alerts: Iterable[Alert]) -> Fired:
        fired = cls()
        for a in alerts:
            fired.add(a)
        return fired

    def add(self, a: Alert) -> None:
        self.subjects.update((a.rule, a.area, s) for s in a.subjects)
        self.claims.setdefault((a.rule, a.area), set()).update(e.claim for e in a.evidence)
        self.last[a.area] = a.id


def evaluate(
    rules: Rules,
    matrix: RiskMatrix,
    incident_of: Mapping[str, Incident],
    fired: Fired,
    areas: Collection[str] | None = None,
) -> list[Alert]:
    """New alerts for `areas` (default: every area in the matrix), oldest evidence first."""
    with paused():
        return _evaluate(rules, matrix, incident_of, fired, areas)


def _evaluate(
    rules: Rules,
    matrix: RiskMatrix,
    incident_of: Mapping[str, Incident],
    fired: Fired,
    areas: Collection[str] | None,
) -> list[Alert]:
    if matrix.granularity != "month":
        raise ValueError("alerts are evaluated on a monthly matrix")
    found: list[Alert] = []
    for area in sorted(areas if areas is not None else matrix.areas()):
        level = level_of(area)
        for rule in rules.rules:
            if rule.level != level:
                continue
            check = {
                "first_evidence": _first_evidence,
                "escalation": _escalation,
                "new_incident": _new_incident,
            }[rule.kind]
            found += [
                _tier(a, rules.one_party) for a in check(rule, area, matrix, incident_of, fired)
            ]
    found.sort(key=lambda a: (a.period, SEVERITY_RANK[a.severity], a.rule, a.area, a.id))
    for a in found:  # chain each area's alerts, and remember them so none fires twice
        a.previous = fired.last.get(a.area)
        a.produced_by = f"{PRODUCER}+{rules.producer}"
        fired.add(a)
    return found


def _first_evidence(
    rule: Rule, area: str, m: RiskMatrix, incident_of: Mapping[str, Incident], fired: Fired
) -> list[Alert]:
    seen: set[str] = set()  # indicators with evidence in an earlier month
    out = []
    for period in m.periods(area):
        profile = m.profile((area, period))
        if profile is None:
            continue
        new = [
            i
            for i in rule.indicators
            if i in profile.cells and i not in seen and (rule.name, area, i) not in fired.subjects
        ]
        seen.update(i for i in rule.indicators if i in profile.cells)
        if not new:
            continue
        claims = list(dict.fromkeys(c for i in new for c in profile.cells[i].claims))
        title = f"first evidence of {', '.join(new)} in {area}"
        out.append(_alert(rule, area, period, new, title, claims, m, incident_of))
    return out


def _month_measure(rule: Rule, claims: list[str], incident_of: Mapping[str, Incident]) -> float:
    if rule.measure == "claims":
        return float(len(claims))
    incidents = {incident_of[c].id: incident_of[c] for c in claims if c in incident_of}
    if rule.measure == "incidents":
        return float(len(incidents))
    return float(sum(inc.count.get("best") or 0 for inc in incidents.values()))


def _escalation(
    rule: Rule, area: str, m: RiskMatrix, incident_of: Mapping[str, Incident], fired: Fired
) -> list[Alert]:
    periods = m.periods(area)
    if len(periods) < 2:
        return []  # no earlier month, no baseline
    first = periods[0]
    out = []
    for event in rule.events:
        by_month = {
            p: [c for c in m.members((area, p)) if m.claim(c).event == event] for p in periods
        }
        measured = {p: _month_measure(rule, claims, incident_of) for p, claims in by_month.items()}
        for period in periods[1:]:
            claims = by_month[period]
            subject = f"{event}@{period}"
            if not claims or (rule.name, area, subject) in fired.subjects:
                continue
            value = measured[period]
            window, month = [], period
            for _ in range(rule.baseline_months):
                month = previous_period(month)
                if month < first:
                    break  # months before the area's first evidence were not observed
                window.append(measured.get(month, 0.0))  # a month with no evidence: none
            baseline = sum(window) / len(window)
            if value < rule.minimum or value <= rule.factor * baseline:
                continue
            title = (
                f"{event} in {area}: {value:g} {rule.measure} in {period}, "
                f"baseline {baseline:.2f} over {len(window)} month(s)"
            )
            alert = _alert(rule, area, period, [subject], title, claims, m, incident_of)
            alert.measure = {
                "value": value,
                "baseline": round(baseline, 3),
                "months": float(len(window)),
                "factor": rule.factor,
            }
            out.append(alert)
    return out


def _new_incident(
    rule: Rule, area: str, m: RiskMatrix, incident_of: Mapping[str, Incident], fired: Fired
) -> list[Alert]:
    used = fired.claims.get((rule.name, area), set())
    grouped: dict[str, tuple[str, list[str]]] = {}  # incident -> (first month, claims here)
    for period in m.periods(area):
        for c in m.members((area, period)):
            claim = m.claim(c)
            if claim.event not in rule.events:
                continue
            inc = incident_of.get(c)
            key = inc.id if inc else c
            grouped.setdefault(key, (period, []))[1].append(c)
    out = []
    for key, (period, claims) in grouped.items():
        if (rule.name, area, key) in fired.subjects or used.intersection(claims):
            continue  # already alerted, perhaps under an earlier incident id
        event = m.claim(claims[0]).event
        title = f"new {event.replace('_', ' ')} incident in {area} ({period})"
        out.append(_alert(rule, area, period, [key], title, claims, m, incident_of))
    return out


def _alert(
    rule: Rule,
    area: str,
    period: str,
    subjects: list[str],
    title: str,
    claims: list[str],
    m: RiskMatrix,
    incident_of: Mapping[str, Incident],
) -> Alert:
    evidence = []
    for cid in claims:
        c = m.claim(cid)
        inc = incident_of.get(cid)
        evidence.append(
            Evidence(
                cid,
                c.doc_sha256,
                c.start,
                c.end,
                c.quote,
                m.source(cid),
                day_of(c) or "",
                c.stance,
                c.event,
                inc.id if inc else None,
                m.status(cid),
                m.party(cid),
            )
        )
    statuses = {e.status for e in evidence}
    corroboration = (
        "contested"
        if "contested" in statuses
        else "corroborated"
        if "corroborated" in statuses
        else "single-source"
    )
    key = "|".join([rule.name, area, *subjects])
    return Alert(
        id=hashlib.sha256(key.encode()).hexdigest()[:16],
        rule=rule.name,
        kind=rule.kind,
        severity=rule.severity,
        area=area,
        period=period,
        subjects=subjects,
        title=title,
        evidence=evidence,
        sources=sorted({e.source for e in evidence}),
        corroboration=corroboration,
        caveat=rule.caveat,
    )


def one_party(evidence: Iterable[Evidence]) -> str | None:
    """The party all the evidence comes from, when one party to a conflict alone says it."""
    sources = {e.source for e in evidence}
    parties = {e.party for e in evidence}
    return next(iter(sources)) if len(sources) == 1 and parties == sources else None


def _tier(a: Alert, rule: OneParty) -> Alert:
    """Evidence from one party alone is said to be so, and cannot raise an alert above the
    tier the rules allow it (alerts.yaml: one_party)."""
    a.one_party = one_party(a.evidence)
    if a.one_party is None:
        return a
    if SEVERITY_RANK[a.severity] < SEVERITY_RANK[rule.max_severity]:
        a.severity = rule.max_severity
    a.caveat = f"One party alone ({a.one_party}): {rule.caveat} {a.caveat}"
    return a
