"""REST API under /api/v1: the same views as the pages, as JSON; bearer tokens
(`tocsin users token NAME`); every error a JSON body with a reason."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, Response, UploadFile
from pydantic import BaseModel, Field

from tocsin.store.reviews import Credibility
from tocsin.types import Stance, Status
from tocsin.web import actions, views
from tocsin.web.auth import User, need
from tocsin.web.snapshot import Snapshot

router = APIRouter(prefix="/api/v1")
Viewer = Annotated[User, Depends(need("viewer"))]
Analyst = Annotated[User, Depends(need("analyst"))]
Admin = Annotated[User, Depends(need("admin"))]
Page = Annotated[int, Query(ge=1, le=100_000, description="1-based page of 50")]
Day = Annotated[
    str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY[-MM[-DD]]")
]
Text = Annotated[str | None, Query(max_length=200)]


class Reason(BaseModel):
    reason: str = Field(min_length=1, max_length=2000, description="Why: kept with the change.")


class ReviewIn(Reason):
    credibility: Credibility


class MergeIn(Reason):
    other: str = Field(min_length=4, max_length=64, description="The incident to merge in.")


class SplitIn(Reason):
    claims: list[str] = Field(min_length=1, max_length=1000)


def snap(request: Request) -> Snapshot:
    return request.app.state.desk.current()  # type: ignore[no-any-return]


@router.get("/status", summary="The desk: store, snapshot age, whether it is updating")
def status(request: Request, user: Viewer) -> dict[str, Any]:
    desk = request.app.state.desk
    s = desk.current()
    return {
        "user": user.name,
        "role": user.role,
        "claims": len(s.claims),
        "incidents": len(s.incidents),
        "alerts": len(s.alerts),
        "seq": s.seq,
        "updating": desk.updating,
        "built_in_seconds": round(s.seconds, 3),
    }


@router.get("/overview", summary="Alerts, risk by country and mapped incidents")
def overview(
    request: Request,
    user: Viewer,
    event: Text = None,
    status: Status | None = None,
    period_from: Day = None,
    period_to: Day = None,
) -> dict[str, Any]:
    out = views.overview(
        snap(request),
        user,
        event=event,
        status=status,
        period_from=period_from,
        period_to=period_to,
    )
    out["statuses"] = dict(out["statuses"])
    return out


@router.get("/alerts", summary="Alerts, newest first")
def alerts(request: Request, user: Viewer, page: Page = 1, area: Text = None) -> dict[str, Any]:
    s = snap(request)
    found = [
        a
        for a in s.alerts
        if not area or a["area"].split("/")[0] == area.upper() or a["area"] == area
    ]
    start = (page - 1) * views.PER_PAGE
    items = [
        views.alert_view(a, user, s.private_sources) for a in found[start : start + views.PER_PAGE]
    ]
    return views.page(items, page, len(found))


@router.get("/countries", summary="Risk by country: latest quarter, change, trend")
def countries(request: Request, user: Viewer) -> list[dict[str, Any]]:
    return snap(request).country_rows


@router.get("/countries/{code}", summary="A country: heatmap, scores, incidents, alerts")
def country(request: Request, user: Viewer, code: str) -> dict[str, Any]:
    found = views.country(snap(request), code, user)
    if found is None:
        raise HTTPException(404, f"no evidence about {code!r}")
    found["timeline"] = [{"month": m, "incidents": n} for m, n in found["timeline"]]
    found.pop("map")
    return found


@router.get("/incidents", summary="Incidents, filtered")
def incidents(
    request: Request,
    user: Viewer,
    page: Page = 1,
    event: Text = None,
    status: Status | None = None,
    country: Text = None,
) -> dict[str, Any]:
    s = snap(request)
    found = s.located.select(country.upper() if country else None, event, status)
    start = (page - 1) * views.PER_PAGE
    items = [
        views.incident_view(s.located.rows[i].incident, s, user)
        for i in found[start : start + views.PER_PAGE]
    ]
    return views.page(items, page, len(found))


@router.get("/incidents/{incident_id}", summary="One incident with every claim, side by side")
def incident(request: Request, user: Viewer, incident_id: str) -> dict[str, Any]:
    found = views.incident(snap(request), incident_id, user, request.app.state.desk.store)
    if found is None:
        raise HTTPException(404, f"no incident {incident_id!r}")
    return found


@router.get("/claims", summary="Claims: full-text search (analysts) and the CLI's filters")
def claims(
    request: Request,
    user: Viewer,
    page: Page = 1,
    q: Text = None,
    event: Text = None,
    stance: Stance | None = None,
    country: Text = None,
    date_from: Day = None,
    date_to: Day = None,
    speaker: Text = None,
    doc: Annotated[str | None, Query(pattern=r"^[0-9a-fA-F]{1,64}$")] = None,
    source: Text = None,
) -> dict[str, Any]:
    if (q or speaker or source) and user.redacted:
        # a source's name may be a private person's: searching by it would reveal it
        raise HTTPException(403, "searching quotes, speakers' or sources' names needs analyst")
    return views.claims(
        snap(request),
        user,
        page,
        q=q,
        event=event,
        stance=stance,
        country=country,
        date_from=date_from,
        date_to=date_to,
        speaker=speaker,
        doc=doc,
        source=source,
    )


@router.get("/claims/{claim_id}", summary="One claim")
def claim(request: Request, user: Viewer, claim_id: str) -> dict[str, Any]:
    s = snap(request)
    if claim_id not in s.record.by_id:
        raise HTTPException(404, f"no claim {claim_id!r}")
    c, filename = s.record.by_id[claim_id]
    inc = s.incident_of.get(claim_id)
    out = views.claim_view(c, filename, user, inc.status if inc else None)
    out["incident"] = inc.id if inc else None
    return out


@router.get("/documents", summary="Documents, newest first")
def documents(request: Request, user: Viewer, page: Page = 1) -> dict[str, Any]:
    store = request.app.state.desk.store
    docs = store.list_documents(views.PER_PAGE, (page - 1) * views.PER_PAGE, newest_first=True)
    items = [
        {
            "sha256": d.sha256,
            "filename": None if user.redacted else d.filename,
            "language": d.language,
            "size": d.size,
            "ingested_at": d.ingested_at,
        }
        for d in docs
    ]
    return views.page(items, page, store.count())


@router.get("/documents/{sha256}", summary="A document: metadata, text, its claims")
def document(request: Request, user: Viewer, sha256: str) -> dict[str, Any]:
    found = views.document(request.app.state.desk.store, sha256.lower(), user)
    if found is None:
        raise HTTPException(404, f"no document {sha256!r}")
    return found


@router.get(
    "/documents/{sha256}/original",
    summary="The original bytes (analysts: originals can name people)",
    response_class=Response,
)
def original(request: Request, user: Analyst, sha256: str) -> Response:
    return actions.original(request.app.state.desk.store, sha256.lower())


@router.post("/documents", summary="Upload documents: each ingested in its own transaction")
def upload(
    request: Request, user: Analyst, files: Annotated[list[UploadFile], File()]
) -> dict[str, Any]:
    return {"outcomes": actions.upload(request.app.state.desk, user, files)}


@router.post("/claims/{claim_id}/review", summary="Record a claim's credibility, with a reason")
def review_claim(request: Request, user: Analyst, claim_id: str, body: ReviewIn) -> dict[str, Any]:
    return actions.review(
        request.app.state.desk, user, "claim", claim_id, body.credibility, body.reason
    )


@router.post("/incidents/{incident_id}/review", summary="Record an incident's credibility")
def review_incident(
    request: Request, user: Analyst, incident_id: str, body: ReviewIn
) -> dict[str, Any]:
    return actions.review(
        request.app.state.desk, user, "incident", incident_id, body.credibility, body.reason
    )


@router.post("/incidents/{incident_id}/merge", summary="Merge another incident into this one")
def merge(request: Request, user: Analyst, incident_id: str, body: MergeIn) -> dict[str, Any]:
    return actions.merge(request.app.state.desk, user, incident_id, body.other, body.reason)


@router.post("/incidents/{incident_id}/split", summary="Set claims apart as their own incident")
def split(request: Request, user: Analyst, incident_id: str, body: SplitIn) -> dict[str, Any]:
    return actions.split(request.app.state.desk, user, incident_id, body.claims, body.reason)


@router.get("/users", summary="Users and roles (admins)")
def users(request: Request, user: Admin) -> list[dict[str, str]]:
    return request.app.state.desk.store.users()  # type: ignore[no-any-return]
