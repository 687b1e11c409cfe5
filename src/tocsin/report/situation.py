"""Situation reports: one country over a period, as HTML and as PDF (WeasyPrint renders the
same HTML), for `tocsin report` and the desk's country page.

Summary, alerts, the risk profile (chart and evidence table), the incident map, the key
incidents with their sources, method notes and the caveats — single-source, contested and
one-party evidence said in words, not left to the reader to infer. `public=True` applies the
public-export rules (no quotes, no private persons, no towns)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from jinja2 import Environment, FileSystemLoader, select_autoescape

from tocsin import __version__, framework
from tocsin.assess import load_weights
from tocsin.assess.profile import merge, months_of
from tocsin.errors import TocsinError
from tocsin.report.export import pseudonym
from tocsin.web import svg
from tocsin.web.auth import User
from tocsin.web.snapshot import Snapshot
from tocsin.web.views import alert_view, incident_view, points

TEMPLATES = Path(__file__).parent / "templates"
KEY_INCIDENTS = 12


@dataclass
class Report:
    country: str
    date_from: str | None
    date_to: str | None
    generated: str
    public: bool
    summary: dict[str, Any]
    alerts: list[dict[str, Any]]
    factors: list[dict[str, Any]]  # the period's evidence by risk factor
    periods: list[dict[str, Any]]  # score by quarter
    incidents: list[dict[str, Any]]
    caveats: list[str]
    map_svg: str = ""
    chart_svg: str = ""
    method: dict[str, str] = field(default_factory=dict)


def _within(day: str | None, date_from: str | None, date_to: str | None) -> bool:
    if day is None:
        return date_from is None and date_to is None
    return (not date_from or day[: len(date_from)] >= date_from) and (
        not date_to or day[: len(date_to)] <= date_to
    )


def _quarter_in(period: str, date_from: str | None, date_to: str | None) -> bool:
    months = months_of(period)
    first, last = months[0], months[-1]
    return (not date_from or last >= date_from[:7]) and (not date_to or first <= date_to[:7])


def build(
    snap: Snapshot,
    country: str,
    date_from: str | None = None,
    date_to: str | None = None,
    public: bool = False,
) -> Report | None:
    """The report's content; None when the store has no evidence about the country."""
    code = country.upper()
    w, fw = load_weights(), framework.load()
    if code not in snap.periods:
        return None
    quarters = [p for p in snap.periods[code] if _quarter_in(p, date_from, date_to)]
    user = User("report", "viewer" if public else "analyst")
    profiles = [snap.quarters[(code, q)] for q in quarters]
    whole = merge(code, "period", profiles)
    scores = whole.factor_scores(w)
    factors: list[dict[str, Any]] = []
    for rf, score in sorted(scores.items(), key=lambda kv: -kv[1]):
        cells = {i: c for i, c in whole.cells.items() if framework.risk_factor_of(i) == rf}
        factors.append(
            {
                "risk_factor": rf,
                "name": fw.risk_factors[rf].name,
                "score": score,
                "indicators": [
                    {
                        "indicator": i,
                        "text": fw.indicators[i].text,
                        "claims": len(c.claims),
                        "sources": len(c.sources),
                        "single_source": c.single_source,
                        "contested": c.contested,
                        "latest": c.latest,
                    }
                    for i, c in sorted(cells.items())
                ],
            }
        )
    rows = [
        int(i)
        for i in snap.located.select(code)
        if _within(snap.located.rows[i].incident.when_from, date_from, date_to)
    ]
    located = [snap.located.rows[i] for i in rows]
    key = sorted(
        located,
        key=lambda r: (
            r.incident.status != "corroborated",
            -(r.incident.count.get("best") or 0),
            r.incident.when_from or "",
        ),
    )[:KEY_INCIDENTS]
    alerts = [
        alert_view(a, user, snap.private_sources)
        for a in snap.alerts_of.get(code, [])
        if _within(a["period"], date_from, date_to)
    ]
    claims = {c for p in profiles for cell in p.cells.values() for c in cell.claims}
    # each claim's own source, as independence counts it; private persons pseudonymised
    sources = {pseudonym(s) if public and s in snap.private_sources else s for s in whole.sources()}
    statuses = [r.incident.status for r in located]
    party = whole.one_party()  # every claim's source is this one party, and no one else
    caveats = []
    if party is not None:
        caveats.append(
            f"Every claim was made by one party ({party}). Partisan statements are claims, "
            "not established facts; nothing here is corroborated by anyone else."
        )
    elif len(sources) == 1:
        caveats.append(
            f"All evidence in this period comes from one source ({next(iter(sources))}). "
            "Nothing here is corroborated; it is what that source says."
        )
    single = sum(s in ("single-source", "repeated") for s in statuses)
    if single:
        caveats.append(
            f"{single} of {len(statuses)} incidents rest on a single source (repeated "
            "statements by one source are still one source)."
        )
    contested = statuses.count("contested")
    if contested:
        caveats.append(f"{contested} incidents are contested: a source denies them.")
    disputed = sum(bool(r.incident.disputed_by) for r in located)
    if disputed:
        caveats.append(
            f"{disputed} incidents have disputed figures: their sources agree that they "
            "happened, not on how many were harmed (low/best/high shows the spread)."
        )
    caveats.append(
        "Absence of reports is not absence of risk: structural risk factors (3–6) need data, "
        "not documents, and many events are never reported."
    )
    scores_by_quarter = [{"period": p.period, "score": p.score(w)} for p in profiles]
    return Report(
        country=code,
        date_from=date_from,
        date_to=date_to,
        generated=datetime.now(UTC).isoformat(timespec="seconds"),
        public=public,
        summary={
            "claims": len(claims),
            "sources": sorted(sources),
            "one_party": party,
            "incidents": len(located),
            "by_status": {s: statuses.count(s) for s in sorted(set(statuses))},
            "score": whole.score(w),
            "quarters": quarters,
            "latest": scores_by_quarter[-1] if scores_by_quarter else None,
        },
        alerts=alerts,
        factors=factors,
        periods=scores_by_quarter,
        incidents=[incident_view(r.incident, snap, user) for r in key],
        caveats=caveats,
        map_svg=svg.world_map(points(snap, np.array(rows, np.int32), user)) if not public else "",
        chart_svg=svg.bars([(f"{f['risk_factor']} {f['name'][:28]}", f["score"]) for f in factors]),
        method={
            "weights": w.producer,
            "framework": fw.producer,
            "tocsin": __version__,
            "text": (
                "Claims are extracted from documents with rules and lexicons (each claim keeps "
                "its document's sha256 and character span); claims about the same event are "
                "grouped into incidents across sources (each claim counted under its own "
                "source: who is quoted, else the document's author); a claim counts for the "
                "country of the places it names, else for the one country its accused and its "
                "victims' group point to, never for its speaker's state by default; an "
                "indicator's value is the sum of its claims' weights by incident status, "
                "capped; a risk factor's score is the sum of its indicators' values times the "
                "factor's weight (weights file above)."
            ),
        },
    )


def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"])
    )
    return env


def html(report: Report) -> str:
    return _env().get_template("situation.html").render(r=report)


def pdf(report: Report) -> bytes:
    try:
        from weasyprint import HTML  # type: ignore[import-untyped]
    except OSError as exc:  # Pango missing: say how to get it
        raise TocsinError(
            f"PDF needs Pango ({exc}); install it: apt-get install libpango-1.0-0 "
            "libpangoft2-1.0-0, or use the HTML report"
        ) from None
    out: bytes = HTML(string=html(report)).write_pdf()
    return out
