"""What each page and API endpoint shows, as plain data: the pages render it with templates,
the API returns it as JSON, so the two never disagree. Redaction for viewers happens here,
once, with the public-export rules (report/export.py)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from itertools import islice
from typing import Any

from tocsin import framework
from tocsin.assess import load_weights
from tocsin.assess.profile import one_party
from tocsin.corroborate import Incident, claim_source, source_label
from tocsin.report.export import (
    claim_record,
    incident_record,
    private_sources,
    pseudonym,
    public_alert,
)
from tocsin.store import Store
from tocsin.store.reviews import Review
from tocsin.types import Claim
from tocsin.web.auth import User
from tocsin.web.index import Ints
from tocsin.web.snapshot import Snapshot

PER_PAGE = 50
ALERTS_SHOWN = 50  # on a country page; the API pages through all of them


def claim_view(
    c: Claim,
    filename: str,
    user: User,
    status: str | None = None,
    who: tuple[str, Collection[str]] | None = None,
) -> dict[str, Any]:
    """`who`: the claim's document label and the private persons' labels, to say who says
    it (its own source, else its document's; a private person under a pseudonym for viewers)."""
    record = claim_record(c, filename, public=user.redacted)
    record.pop("kind", None)
    record["status"] = status or "single-source"
    if who is not None:
        label = claim_source(c, who[0])
        record["who"] = pseudonym(label) if user.redacted and label in who[1] else label
    return record


def incident_view(inc: Incident, snap: Snapshot, user: User) -> dict[str, Any]:
    by_id = {cid: snap.record.by_id[cid][0] for cid in inc.claims if cid in snap.record.by_id}
    record = incident_record(inc, by_id, public=user.redacted, private=snap.private_sources)
    record.pop("kind", None)
    record.pop("_point", None)
    return record


def page(items: list[Any], number: int, total: int | None = None) -> dict[str, Any]:
    return {"page": number, "per_page": PER_PAGE, "total": total, "items": items}


def alert_view(record: dict[str, Any], user: User, private: Collection[str] = ()) -> dict[str, Any]:
    """Viewers: no quotes, and private persons as sources under their stable pseudonyms,
    as in a public export."""
    return public_alert(record, private) if user.redacted else record


def overview(
    snap: Snapshot,
    user: User,
    *,
    event: str | None = None,
    status: str | None = None,
    period_from: str | None = None,
    period_to: str | None = None,
    alerts: int = 20,
) -> dict[str, Any]:
    shown = (
        [
            a
            for a in snap.alerts
            if (not period_from or a["period"] >= period_from)
            and (not period_to or a["period"][:7] <= period_to)
        ]
        if period_from or period_to
        else snap.alerts
    )
    rows = snap.located.select(None, event, status, period_from, period_to)
    return {
        "alerts": [alert_view(a, user, snap.private_sources) for a in shown[:alerts]],
        "n_alerts": len(shown),
        "countries": snap.country_rows,
        "map": points(snap, rows, user),
        "n_incidents": len(rows),
        "statuses": snap.located.count_by_status(rows),
        "unplaced": len(snap.live.matrix.unplaced()),
    }


def points(snap: Snapshot, rows: Ints, user: User) -> list[tuple[float, float, int, str, str]]:
    """Incidents by place for the map; none for viewers (exact places can point at people:
    the public export drops them too)."""
    return [] if user.redacted else snap.located.points(rows)


def country(snap: Snapshot, code: str, user: User) -> dict[str, Any] | None:
    code = code.upper()
    periods = snap.periods.get(code, [])
    if not periods:
        return None
    w = load_weights()
    fw = framework.load()
    heat: dict[str, dict[str, dict[str, Any]]] = {}
    scores = []
    for period in periods:
        prof = snap.quarters[(code, period)]
        scores.append({"period": period, "score": prof.score(w)})
        for rf, value in prof.factor_scores(w).items():  # the weights, applied in one place
            cells = [(i, c) for i, c in prof.cells.items() if framework.risk_factor_of(i) == rf]
            heat.setdefault(rf, {})[period] = {
                "value": value,
                "claims": sum(len(c.claims) for _, c in cells),
                "sources": len({s for _, c in cells for s in c.sources}),
                "indicators": sorted(i for i, _ in cells),
            }
    rows: list[dict[str, Any]] = [
        {"risk_factor": rf, "name": fw.risk_factors[rf].name, "cells": heat[rf]}
        for rf in sorted(heat, key=lambda r: int(r[6:]))
    ]
    selected = snap.located.select(code)
    located = sorted(
        (snap.located.rows[i] for i in selected),
        key=lambda r: (r.incident.when_from or "", r.incident.id),
        reverse=True,
    )
    by_month = Counter(r.month for r in located if r.month)
    return {
        "country": code,
        "periods": periods,
        "scores": scores,
        "heatmap": rows,
        "top": max((c["value"] for r in rows for c in r["cells"].values()), default=0.0),
        "incidents": [incident_view(r.incident, snap, user) for r in located[:100]],
        "n_incidents": len(located),
        "timeline": sorted(by_month.items()),
        "map": points(snap, selected, user),
        "alerts": [
            alert_view(a, user, snap.private_sources)
            for a in snap.alerts_of.get(code, [])[:ALERTS_SHOWN]
        ],
        "n_alerts": len(snap.alerts_of.get(code, [])),
        "areas": [a for a in snap.periods if a.startswith(code + "/")],
        "one_party": one_party(
            cell for p in periods for cell in snap.quarters[(code, p)].cells.values()
        ),
        "weights": w.producer,
    }


def review_view(r: Review, user: User) -> dict[str, Any]:
    """An analyst's judgement; its reason is free text that may name people: not for viewers."""
    return {
        "value": r.value,
        "field": r.field,
        "reason": None if user.redacted else r.reason,
        "actor": None if user.redacted else r.actor,
        "at": r.at,
    }


def incident(snap: Snapshot, incident_id: str, user: User, store: Store) -> dict[str, Any] | None:
    inc = snap.incidents.get(incident_id)
    if inc is None:
        return None
    record = incident_view(inc, snap, user)
    # judgements are read as they stand now, not from the snapshot
    current = store.current_reviews()
    record["reviews"] = [
        review_view(r, user) for r in reversed(store.review_history("incident", inc.id))
    ]
    claims = []
    for cid in inc.claims:
        c, filename = snap.record.by_id[cid]
        view = claim_view(c, filename, user, inc.status)
        # who says it: the claim's own source, as independence counts it
        view["source"] = claim_source(c, snap.record.sources.get(c.doc_sha256, c.doc_sha256))
        view["relayed_by"] = c.source.relayed_by if c.source else None
        # the side its stance puts it on: a denial contests, whoever relays it; a figure
        # that cannot hold with the others still supports that the event happened
        view["side"] = "contests" if c.event == "denial" or c.stance == "denies" else "supports"
        view["figure_disputed"] = view["source"] in inc.disputed_by and c.event != "denial"
        if user.redacted and view["source"] in snap.private_sources:
            view["source"] = pseudonym(view["source"])  # as the incident's sources show it
        judged = current.get(("claim", cid))
        view["review"] = review_view(judged, user) if judged else None
        claims.append(view)
    record["claim_views"] = claims
    return record


def claims(snap: Snapshot, user: User, number: int = 1, **filters: str | None) -> dict[str, Any]:
    found = snap.search(**{k: v for k, v in filters.items() if v})
    start = (number - 1) * PER_PAGE
    items = [
        claim_view(
            c,
            snap.record.by_id[c.id][1],
            user,
            inc.status if (inc := snap.incident_of.get(c.id)) else None,
            (snap.record.sources.get(c.doc_sha256, c.doc_sha256), snap.private_sources),
        )
        for c in islice(found, start, start + PER_PAGE + 1)
    ]
    more = len(items) > PER_PAGE
    out = page(items[:PER_PAGE], number)
    out["more"] = more
    return out


def document(store: Store, sha: str, user: User) -> dict[str, Any] | None:
    doc = store.get(sha)
    if doc is None:
        return None
    found = store.claims(doc=sha)
    current = store.current_reviews()
    who = (source_label(doc), private_sources([doc], (c for c, _ in found)))
    meta = {k: v.value for k, v in doc.meta.items()}
    if user.redacted:
        meta = {k: v for k, v in meta.items() if k in ("speaker_country", "speaker_org", "date")}
    return {
        "sha256": doc.sha256,
        "filename": None if user.redacted else doc.filename,
        "media_type": doc.media_type,
        "reader": doc.reader,
        "language": doc.language,
        "encoding": doc.encoding,
        "size": doc.size,
        "meta": meta,
        "warnings": list(doc.warnings),
        "text": None if user.redacted else doc.text,
        "claims": [
            {**claim_view(c, f, user, who=who), "review": review_view(r, user) if r else None}
            for c, f in found
            for r in [current.get(("claim", c.id))]
        ],
    }


def highlighted(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str | None]]:
    """The text in pieces, each with the claim id whose span it is (None between spans);
    overlapping spans keep the first."""
    out: list[tuple[str, str | None]] = []
    at = 0
    for start, end, cid in sorted(spans):
        if start < at:
            continue
        if start > at:
            out.append((text[at:start], None))
        out.append((text[start:end], cid))
        at = end
    out.append((text[at:], None))
    return out
