"""The desk's pages, rendered on the server from the same views as the API."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from tocsin import framework
from tocsin.extract import taxonomy
from tocsin.report import situation
from tocsin.store.reviews import CREDIBILITY
from tocsin.types import STANCES, STATUSES
from tocsin.web import actions, svg, views
from tocsin.web.auth import SESSION_COOKIE, User, check_form, current_user, has_users, need
from tocsin.web.snapshot import Snapshot

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TEMPLATES.env.globals.update(
    sparkline=svg.sparkline,
    world_map=svg.world_map,
    meter=svg.meter,
    heat_class=svg.heat_class,
    credibility=CREDIBILITY,
    statuses=STATUSES,
    stances=STANCES,
)
SESSION_HOURS = 12

router = APIRouter(include_in_schema=False)
Viewer = Annotated[User, Depends(need("viewer"))]
Analyst = Annotated[User, Depends(need("analyst"))]
Opt = Annotated[str | None, Query(max_length=200)]


def render(request: Request, name: str, user: User | None, **context: Any) -> HTMLResponse:
    desk = request.app.state.desk
    return TEMPLATES.TemplateResponse(
        request,
        name,
        {"user": user, "updating": desk.updating, "events": _events(), **context},
    )


def render_error(request: Request, status: int, reason: str) -> HTMLResponse:
    try:
        user = current_user(request)
    except Exception:  # the store itself may be what failed
        user = None
    page = render(request, "error.html", user, status=status, reason=reason)
    page.status_code = status
    return page


def _events() -> list[str]:
    return sorted(taxonomy.load().events)


def _snap(request: Request) -> Snapshot:
    return request.app.state.desk.current()  # type: ignore[no-any-return]


@router.get("/", response_class=HTMLResponse)
def overview(
    request: Request,
    user: Viewer,
    event: Opt = None,
    status: Opt = None,
    period_from: Opt = None,
    period_to: Opt = None,
) -> HTMLResponse:
    filters = {"event": event, "status": status, "period_from": period_from, "period_to": period_to}
    data = views.overview(
        _snap(request),
        user,
        event=event,
        status=status,
        period_from=period_from,
        period_to=period_to,
    )
    return render(request, "overview.html", user, data=data, filters=filters)


@router.get("/countries/{code}", response_class=HTMLResponse)
def country(request: Request, user: Viewer, code: str) -> HTMLResponse:
    snap = _snap(request)
    data = views.country(snap, code, user)
    if data is None:
        raise HTTPException(404, f"no evidence about {code!r}")
    forecast = request.app.state.forecast.get(code.upper()) if request.app.state.forecast else None
    return render(
        request,
        "country.html",
        user,
        data=data,
        forecast=forecast,
        forecast_on=request.app.state.forecast is not None,
        fw=framework.load(),
    )


@router.get("/countries/{code}/report.{fmt}")
def report(
    request: Request,
    user: Viewer,
    code: str,
    fmt: str,
    date_from: Opt = None,
    date_to: Opt = None,
) -> Response:
    if fmt not in ("html", "pdf"):
        raise HTTPException(404, "reports come as .html or .pdf")
    made = situation.build(_snap(request), code, date_from, date_to, public=user.redacted)
    if made is None:
        raise HTTPException(404, f"no evidence about {code!r}")
    name = f"tocsin-{code.upper()}-{made.generated[:10]}.{fmt}"
    if fmt == "html":
        # the report is one self-contained file (its styles inline, as when saved): it may
        # style itself and run nothing
        return HTMLResponse(
            situation.html(made),
            headers={
                "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
                "img-src data:",
                "Content-Disposition": f'inline; filename="{name}"',
            },
        )
    return Response(
        situation.pdf(made),
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident(request: Request, user: Viewer, incident_id: str) -> HTMLResponse:
    data = views.incident(_snap(request), incident_id, user, request.app.state.desk.store)
    if data is None:
        raise HTTPException(404, f"no incident {incident_id!r}")
    return render(request, "incident.html", user, data=data)


async def _review(request: Request, user: User, kind: str, target: str) -> None:
    """A review form posted: its token checked, its judgement recorded."""
    form = await request.form()
    check_form(user, form)
    value, reason = str(form.get("credibility", "")), str(form.get("reason", ""))
    actions.review(request.app.state.desk, user, kind, target, value, reason)


@router.post("/incidents/{incident_id}/review")
async def review_incident(request: Request, user: Analyst, incident_id: str) -> Response:
    await _review(request, user, "incident", incident_id)
    return RedirectResponse(f"/incidents/{incident_id}", 303)


@router.post("/incidents/{incident_id}/merge")
async def merge(request: Request, user: Analyst, incident_id: str) -> Response:
    form = await request.form()
    check_form(user, form)
    done = actions.merge(
        request.app.state.desk,
        user,
        incident_id,
        str(form.get("other", "")).strip(),
        str(form.get("reason", "")),
    )
    return RedirectResponse(f"/incidents/{done['incident'] or incident_id}", 303)


@router.post("/incidents/{incident_id}/split")
async def split(request: Request, user: Analyst, incident_id: str) -> Response:
    form = await request.form()
    check_form(user, form)
    apart = [str(c) for c in form.getlist("claims")]
    actions.split(request.app.state.desk, user, incident_id, apart, str(form.get("reason", "")))
    moved = request.app.state.desk.snapshot.incident_of.get(apart[0])
    return RedirectResponse(f"/incidents/{moved.id if moved else incident_id}", 303)


@router.get("/claims", response_class=HTMLResponse)
def claims(
    request: Request,
    user: Viewer,
    q: Opt = None,
    event: Opt = None,
    stance: Opt = None,
    country: Opt = None,
    date_from: Opt = None,
    date_to: Opt = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    filters = {
        "q": q,
        "event": event,
        "stance": stance,
        "country": country,
        "date_from": date_from,
        "date_to": date_to,
    }
    note = None
    if q and user.redacted:
        filters["q"], note = None, "full-text search reads quotes: it needs the analyst role"
    data = views.claims(_snap(request), user, page, **filters)
    given = {k: v for k, v in filters.items() if v}
    return render(
        request,
        "claims.html",
        user,
        data=data,
        filters=filters,
        note=note,
        next_page=f"/claims?{urlencode({**given, 'page': page + 1})}" if data["more"] else None,
        prev_page=f"/claims?{urlencode({**given, 'page': page - 1})}" if page > 1 else None,
    )


@router.get("/claims/{claim_id}")
def claim(request: Request, user: Viewer, claim_id: str) -> Response:
    found = _snap(request).record.by_id.get(claim_id)
    if found is None:
        raise HTTPException(404, f"no claim {claim_id!r}")
    return RedirectResponse(f"/documents/{found[0].doc_sha256}#claim-{claim_id}", 303)


@router.post("/claims/{claim_id}/review")
async def review_claim(request: Request, user: Analyst, claim_id: str) -> Response:
    await _review(request, user, "claim", claim_id)
    sha = _snap(request).record.by_id[claim_id][0].doc_sha256
    return RedirectResponse(f"/documents/{sha}#claim-{claim_id}", 303)


@router.get("/documents", response_class=HTMLResponse)
def documents(
    request: Request, user: Viewer, page: Annotated[int, Query(ge=1, le=100_000)] = 1
) -> HTMLResponse:
    store = request.app.state.desk.store
    per = views.PER_PAGE
    docs = store.list_documents(per, (page - 1) * per, newest_first=True)
    total = store.count()
    return render(
        request,
        "documents.html",
        user,
        docs=docs,
        total=total,
        page=page,
        next_page=f"/documents?page={page + 1}" if page * per < total else None,
        prev_page=f"/documents?page={page - 1}" if page > 1 else None,
    )


@router.get("/documents/{sha256}", response_class=HTMLResponse)
def document(request: Request, user: Viewer, sha256: str) -> HTMLResponse:
    data = views.document(request.app.state.desk.store, sha256.lower(), user)
    if data is None:
        raise HTTPException(404, f"no document {sha256!r}")
    pieces = (
        views.highlighted(data["text"], [(c["start"], c["end"], c["id"]) for c in data["claims"]])
        if data["text"] is not None
        else []
    )
    return render(request, "document.html", user, data=data, pieces=pieces)


@router.get("/documents/{sha256}/original")
def original(request: Request, user: Analyst, sha256: str) -> Response:
    return actions.original(request.app.state.desk.store, sha256.lower())


@router.get("/upload", response_class=HTMLResponse)
def upload_form(request: Request, user: Analyst) -> HTMLResponse:
    return render(request, "upload.html", user, outcomes=None)


@router.post("/upload", response_class=HTMLResponse)
async def upload(request: Request, user: Analyst) -> Response:
    form = await request.form()
    check_form(user, form)
    files = [f for f in form.getlist("files") if hasattr(f, "file")]
    if not files:
        raise HTTPException(422, "choose at least one file")
    outcomes = actions.upload(request.app.state.desk, user, files)
    if "application/json" in request.headers.get("accept", ""):  # the page's script, per file
        return JSONResponse({"outcomes": outcomes})
    return render(request, "upload.html", user, outcomes=outcomes)


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: Opt = None) -> HTMLResponse:
    return render(request, "login.html", None, next=_local(next), error=None)


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request) -> Response:
    form = await request.form()
    name, password = str(form.get("name", "")), str(form.get("password", ""))
    target = _local(str(form.get("next", "") or "/"))
    store = request.app.state.desk.store
    if not has_users(request):
        return RedirectResponse(target, 303)  # a single-user desk needs no login
    throttle = request.app.state.throttle
    wait = throttle.wait(name)
    if wait:
        minutes = max(1, round(wait / 60))
        page = render(
            request,
            "login.html",
            None,
            next=target,
            error=f"too many failed attempts for this name: try again in {minutes} min",
        )
        page.status_code = 429
        return page
    # the password is checked for every name, known or not: the answer takes as long
    right = store.check_password(name, password)
    if not (name and right and store.role_of(name)):
        throttle.failed(name)
        page = render(request, "login.html", None, next=target, error="wrong name or password")
        page.status_code = 401
        return page
    throttle.passed(name)
    secret = store.issue_credential(
        name, "session", request.headers.get("user-agent", "")[:200], timedelta(hours=SESSION_HOURS)
    )
    out = RedirectResponse(target, 303)
    out.set_cookie(
        SESSION_COOKIE,
        secret,
        max_age=SESSION_HOURS * 3600,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return out


@router.post("/logout")
async def logout(request: Request) -> Response:
    user = current_user(request)
    form = await request.form()
    if user is not None and user.session:
        check_form(user, form)
        request.app.state.desk.store.revoke_credential(user.session)
    out = RedirectResponse("/login", 303)
    out.delete_cookie(SESSION_COOKIE)
    return out


def _local(target: str | None) -> str:
    """Only a path on this desk: never send a signed-in user to another site."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target
