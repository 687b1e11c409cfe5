"""The analyst's desk: roles on every route, the API's answers and errors, uploads, reviews,
login, reports — against a real store holding the demo corpus."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from pypdf import PdfReader

from tocsin.store.users import at_least
from tocsin.web import create_app

from .conftest import Run, profile_shape, seed_paths, snapshot
from .web_desk import ENTITIES, PASSWORD, ROLES, Desk, make_desk

# Routes anyone may reach: signing in and out, the schema, static assets.
PUBLIC = {"/login", "/logout", "/api/v1/openapi.json"}


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Desk]:
    """A desk of its own, for tests that write."""
    made = make_desk(tmp_path / "data")
    yield made
    made.store.close()


def _routes(desk: Desk) -> list[APIRoute]:
    """Every route of the app, those of the routers it includes too."""
    out: list[APIRoute] = []
    for r in desk.app.routes:
        inner = getattr(r, "original_router", None)
        out += [x for x in (inner.routes if inner else [r]) if isinstance(x, APIRoute)]
    return out


def _needed(route: APIRoute) -> str | None:
    roles = [d.call.role for d in route.dependant.dependencies if hasattr(d.call, "role")]
    return roles[0] if roles else None


def _ids(desk: Desk) -> dict[str, str]:
    snap = desk.app.state.desk.current()
    incident = next(i for i in snap.incidents.values() if len(i.claims) > 1)
    return {
        "code": "XVM",
        "incident_id": incident.id,
        "claim_id": incident.claims[0],
        "sha256": snap.record.by_id[incident.claims[0]][0].doc_sha256,
        "fmt": "html",
    }


def test_every_route_declares_the_role_it_needs(desk: Desk) -> None:
    routes = _routes(desk)
    assert len(routes) > 25
    undeclared = [r.path for r in routes if _needed(r) is None and r.path not in PUBLIC]
    assert undeclared == []


@pytest.mark.parametrize("role", [None, *ROLES])
def test_the_route_table_walked_for_each_role(desk: Desk, role: str | None) -> None:
    """Every route, every method, as nobody, viewer, analyst and admin: refused below the
    role it needs (401 or the login page, 403), never refused at or above it, never a 5xx."""
    ids = _ids(desk)
    api = desk.client(role)
    pages = desk.browser(role) if role else TestClient(desk.app, raise_server_exceptions=False)
    csrf = _csrf(pages) if role else ""
    checked = 0
    for route in _routes(desk):
        if route.path in PUBLIC:
            continue
        path = route.path.format(**{k: v for k, v in ids.items() if "{" + k in route.path})
        needed = _needed(route)
        assert needed is not None
        for method in route.methods:
            client = api if path.startswith("/api/") else pages
            body: dict[str, Any] = {}
            if method == "POST" and not path.startswith("/api/"):
                body["data"] = {"csrf": csrf}  # a well-formed form with nothing in it
            r = client.request(method, path, follow_redirects=False, **body)
            checked += 1
            allowed = role is not None and at_least(role, needed)
            where = f"{method} {path} as {role}: {r.status_code} {r.text[:200]}"
            assert r.status_code < 500, where
            if allowed:
                assert r.status_code not in (401, 403), where
            elif role is None:
                expected = 401 if path.startswith("/api/") else 303
                assert r.status_code == expected, where
                if expected == 303:
                    assert r.headers["location"].startswith("/login?next="), where
            else:
                assert r.status_code == 403, where
                if path.startswith("/api/"):
                    assert "needs" in r.json()["detail"], where
    assert checked > 25


def _csrf(client: TestClient) -> str:
    """The form token of a signed-in page (the logout form on every page carries it)."""
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', client.get("/").text)
    assert found
    return found.group(1)


def test_word_search_works_in_every_script(desk: Desk) -> None:
    """The demo's reports in Russian, Arabic and Chinese are found by their own words."""
    api = desk.client("analyst")
    for query, text in [("погибли", "погибли"), ("死亡", "死亡"), ("قتل", "قتل")]:
        found = api.get("/api/v1/claims", params={"q": query}).json()["items"]
        assert found and all(text in c["quote"] for c in found), query
    # Chinese needs no spaces: two words in a row are found as a query of two words
    assert api.get("/api/v1/claims", params={"q": "儿童 死亡"}).json()["items"]


def test_claims_search_filters_and_pages(desk: Desk) -> None:
    api = desk.client("analyst")
    everything = api.get("/api/v1/claims").json()
    assert everything["page"] == 1 and everything["items"]
    killed = api.get("/api/v1/claims", params={"q": "killed"}).json()["items"]
    assert killed and all("killed" in c["quote"].lower() for c in killed)
    both = api.get("/api/v1/claims", params={"q": "killed civilians"}).json()["items"]
    assert all(re.search(r"\bcivilians\b", c["quote"].lower()) for c in both)
    assert {c["id"] for c in both} <= {c["id"] for c in killed}
    denials = api.get("/api/v1/claims", params={"stance": "denies"}).json()["items"]
    assert denials and {c["stance"] for c in denials} == {"denies"}
    dated = api.get("/api/v1/claims", params={"date_from": "2024-03"}).json()["items"]
    assert all(((c["when"] or {}).get("to") or c["doc_date"]) >= "2024-03" for c in dated)
    # a month given as the end includes all of it, as a month given as the start does
    march = api.get("/api/v1/claims", params={"date_from": "2024-03", "date_to": "2024-03"})
    found = march.json()["items"]
    assert found
    for c in found:
        start = (c["when"] or {}).get("from") or c["doc_date"]
        end = (c["when"] or {}).get("to") or start
        assert start[:7] <= "2024-03" <= end[:7]
    one = api.get(f"/api/v1/claims/{killed[0]['id']}").json()
    assert one["doc_sha256"] == killed[0]["doc_sha256"] and one["start"] == killed[0]["start"]
    # provenance on every claim: the document, the span, who says it, the producer
    for key in ("doc_sha256", "start", "end", "source", "doc_date", "stance", "produced_by"):
        assert key in one
    # what one source says: the same filter as `tocsin claims --source`
    named = next(c["source"]["name"] for c in everything["items"] if c.get("source"))
    theirs = api.get("/api/v1/claims", params={"source": named}).json()["items"]
    said = [f"{c['source']['name']} {c['source']['relayed_by'] or ''}" for c in theirs]
    assert theirs and all(named.lower() in who.lower() for who in said)
    refused = desk.client("viewer").get("/api/v1/claims", params={"source": named})
    assert refused.status_code == 403


def test_viewers_see_what_a_public_export_shows(desk: Desk) -> None:
    viewer = desk.client("viewer")
    claims = viewer.get("/api/v1/claims").json()["items"]
    assert claims and all(c["quote"] is None and c["filename"] is None for c in claims)
    assert all("lat" not in p for c in claims for p in c["places"])
    r = viewer.get("/api/v1/claims", params={"q": "killed"})
    assert r.status_code == 403 and "analyst" in r.json()["detail"]
    sha = claims[0]["doc_sha256"]
    assert viewer.get(f"/api/v1/documents/{sha}").json()["text"] is None
    assert viewer.get(f"/api/v1/documents/{sha}/original").status_code == 403
    alerts = viewer.get("/api/v1/alerts").json()["items"]
    assert alerts and all("quote" not in e for a in alerts for e in a["evidence"])
    page = desk.browser("viewer").get(f"/documents/{sha}").text
    assert "hidden for viewers" in page and "<mark" not in page


def test_incident_shows_every_claim_side_by_side(desk: Desk) -> None:
    snap = desk.app.state.desk.current()
    contested = next(i for i in snap.incidents.values() if i.status == "contested")
    data = desk.client("analyst").get(f"/api/v1/incidents/{contested.id}").json()
    assert data["status"] == "contested" and data["contested_by"]
    assert [c["id"] for c in data["claim_views"]] == contested.claims
    sides = {c["source"]: c["side"] for c in data["claim_views"]}
    assert {s for s, side in sides.items() if side == "contests"} <= set(contested.contested_by)
    html = desk.browser("analyst").get(f"/incidents/{contested.id}").text
    for c in data["claim_views"]:
        assert f'id="claim-{c["id"]}"' in html


def test_document_page_highlights_each_claim_span(desk: Desk) -> None:
    snap = desk.app.state.desk.current()
    claim = snap.claims[0]
    browser = desk.browser("analyst")
    r = browser.get(f"/claims/{claim.id}", follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == f"/documents/{claim.doc_sha256}#claim-{claim.id}"
    html = browser.get(r.headers["location"].split("#")[0]).text
    doc = desk.store.get(claim.doc_sha256)
    assert doc is not None
    marked = re.search(rf'<mark id="claim-{claim.id}"[^>]*>(.*?)</mark>', html, re.S)
    assert marked is not None
    from html import unescape

    assert unescape(marked.group(1)) == doc.text[claim.start : claim.end]
    original = browser.get(f"/documents/{claim.doc_sha256}/original")
    assert original.status_code == 200 and original.content == desk.store.original(doc.sha256)
    assert original.headers["x-content-sha256"] == doc.sha256


def test_errors_are_json_with_a_reason(desk: Desk) -> None:
    api = desk.client("analyst")
    for path, status in [
        ("/api/v1/claims/nope", 404),
        ("/api/v1/incidents/nope", 404),
        ("/api/v1/countries/ZZZ", 404),
        ("/api/v1/claims?page=0", 422),
        ("/api/v1/claims?date_from=yesterday", 422),
        ("/api/v1/claims?stance=shouts", 422),
        ("/api/v1/nothing-here", 404),
    ]:
        r = api.get(path)
        assert r.status_code == status, path
        assert r.headers["content-type"].startswith("application/json")
        assert r.json()["detail"], path
    bad = api.post(
        "/api/v1/claims/x/review",
        content=b"{not json",
        headers={"content-type": "application/json"},
    )
    assert bad.status_code == 422 and bad.json()["detail"]
    nobody = desk.client(None).get("/api/v1/claims")
    assert nobody.status_code == 401 and "Bearer" in nobody.json()["detail"]
    wrong = TestClient(desk.app, headers={"Authorization": "Bearer forged"}).get("/api/v1/claims")
    assert wrong.status_code == 401


def test_upload_ingests_good_files_and_refuses_bad_ones_leaving_nothing(fresh: Desk) -> None:
    analyst = fresh.client("analyst")
    before = fresh.store.count()
    good = b"On 3 May 2024 armed men killed 12 civilians in the village of Kessa, Velmora.\n"
    files = [
        ("files", ("report.txt", good, "text/plain")),
        ("files", ("empty.txt", b"", "text/plain")),
        ("files", ("broken.pdf", b"%PDF-1.7\n1 0 obj <<", "application/pdf")),
        ("files", ("../../etc/evil.html", b"<script>alert(1)</script>", "text/html")),
    ]
    r = analyst.post("/api/v1/documents", files=files)
    assert r.status_code == 200, r.text
    outcomes = {o["file"]: o for o in r.json()["outcomes"]}
    assert outcomes["report.txt"]["status"] == "ingested" and outcomes["report.txt"]["claims"]
    for name in ("empty.txt", "broken.pdf", "evil.html"):
        assert outcomes[name]["status"] == "failed" and outcomes[name]["reason"], name
    assert fresh.store.count() == before + 1
    # the desk sees the new claims at once (a small store is rebuilt before answering)
    sha = outcomes["report.txt"]["sha256"]
    claims = analyst.get("/api/v1/claims", params={"q": "Kessa"}).json()["items"]
    assert sha in {c["doc_sha256"] for c in claims}
    # the audit log names the desk user, not the account running the server
    entry = [e for e in fresh.store.audit_entries() if e.object == sha]
    assert [e.actor for e in entry] == ["analyst"]
    state = snapshot(fresh.store)
    again = analyst.post("/api/v1/documents", files=[files[0], files[1]]).json()["outcomes"]
    assert [o["status"] for o in again] == ["present", "failed"]
    assert snapshot(fresh.store) == state


def test_upload_page_refuses_a_forged_form(fresh: Desk) -> None:
    browser = fresh.browser("analyst")
    state = snapshot(fresh.store)
    r = browser.post("/upload", files=[("files", ("a.txt", b"text", "text/plain"))])
    assert r.status_code == 403 and "stale" in r.text
    assert snapshot(fresh.store) == state


def test_review_merge_and_split_through_the_api(fresh: Desk) -> None:
    api = fresh.client("analyst")
    snap = fresh.app.state.desk.current()
    inc = next(i for i in snap.incidents.values() if len(i.claims) > 2)
    r = api.post(
        f"/api/v1/incidents/{inc.id}/review",
        json={"credibility": "plausible", "reason": "two outlets"},
    )
    assert r.status_code == 200 and r.json()["actor"] == "analyst"
    assert fresh.store.review_history("incident", inc.id)[-1].value == "plausible"
    # shown at once, read as it stands (a review changes nothing derived: no re-read)
    assert fresh.app.state.desk.current() is snap
    shown = api.get(f"/api/v1/incidents/{inc.id}").json()["reviews"][0]
    assert (shown["value"], shown["reason"], shown["actor"]) == (
        "plausible",
        "two outlets",
        "analyst",
    )
    hidden = fresh.client("viewer").get(f"/api/v1/incidents/{inc.id}").json()["reviews"][0]
    assert (hidden["value"], hidden["reason"], hidden["actor"]) == ("plausible", None, None)
    assert "two outlets" in fresh.browser("analyst").get(f"/incidents/{inc.id}").text
    claim = inc.claims[0]
    api.post(f"/api/v1/claims/{claim}/review", json={"credibility": "verified", "reason": "video"})
    views = api.get(f"/api/v1/incidents/{inc.id}").json()["claim_views"]
    assert next(v for v in views if v["id"] == claim)["review"]["value"] == "verified"
    missing = api.post(
        f"/api/v1/incidents/{inc.id}/review", json={"credibility": "plausible", "reason": ""}
    )
    assert missing.status_code == 422
    r = api.post(
        f"/api/v1/incidents/{inc.id}/split",
        json={"claims": [inc.claims[0]], "reason": "a different day"},
    )
    assert r.status_code == 200, r.text
    now = fresh.app.state.desk.current()
    assert now.incident_of[inc.claims[0]].id != now.incident_of[inc.claims[1]].id
    apart = now.incident_of[inc.claims[0]]
    rest = now.incident_of[inc.claims[1]]
    r = api.post(
        f"/api/v1/incidents/{rest.id}/merge", json={"other": apart.id, "reason": "same event"}
    )
    assert r.status_code == 200, r.text
    after = fresh.app.state.desk.current()
    assert after.incident_of[inc.claims[0]].id == after.incident_of[inc.claims[1]].id
    merged = after.incident_of[inc.claims[0]]
    everything = api.post(
        f"/api/v1/incidents/{merged.id}/split", json={"claims": merged.claims, "reason": "all"}
    )
    assert everything.status_code == 422 and "not all" in everything.json()["detail"]


def test_login_sessions_and_logout(fresh: Desk) -> None:
    c = TestClient(fresh.app, raise_server_exceptions=False)
    r = c.get("/countries/XVM", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login?next=%2Fcountries%2FXVM"
    wrong = c.post("/login", data={"name": "analyst", "password": "nope"})
    assert wrong.status_code == 401 and "wrong name or password" in wrong.text
    stranger = c.post("/login", data={"name": "mallory", "password": PASSWORD})
    assert stranger.status_code == 401
    # guessing is slowed: five failures for a name within 15 minutes, then it must wait
    for _ in range(4):
        assert c.post("/login", data={"name": "mallory", "password": "guess"}).status_code == 401
    locked = c.post("/login", data={"name": "mallory", "password": "guess"})
    assert locked.status_code == 429 and "too many failed attempts" in locked.text
    r = c.post(
        "/login",
        data={"name": "analyst", "password": PASSWORD, "next": "https://evil.example/"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/"  # never off-site
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert c.get("/countries/XVM").status_code == 200
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', c.get("/").text)
    assert csrf is not None
    c.post("/logout", data={"csrf": csrf.group(1)})
    assert c.get("/", follow_redirects=False).status_code == 303
    # a new password ends the sessions opened with the old one
    other = fresh.browser("viewer")
    fresh.store.set_password("viewer", "another long password")
    assert other.get("/", follow_redirects=False).status_code == 303


def test_a_single_user_store_needs_no_login(tmp_path: Path) -> None:
    made = make_desk(tmp_path / "solo", users=False)
    c = TestClient(made.app, base_url="http://127.0.0.1:8000")
    assert c.get("/").status_code == 200
    assert c.get("/api/v1/status").json()["role"] == "admin"
    # nobody signs in, so the desk is only itself on loopback: a hostile name made to
    # resolve to 127.0.0.1 (DNS rebinding) is refused, and so is a write from another site
    rebound = TestClient(made.app, base_url="http://evil.example:8000")
    r = rebound.get("/api/v1/status")
    assert r.status_code == 403 and "only on 127.0.0.1" in r.json()["detail"]
    state = snapshot(made.store)
    forged = c.post(
        "/api/v1/documents",
        files=[("files", ("x.txt", b"killed 3 civilians in Kessa", "text/plain"))],
        headers={"Origin": "http://evil.example"},
    )
    assert forged.status_code == 403 and "another site" in forged.json()["detail"]
    page = c.get("/upload").text
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
    assert token is not None and len(token.group(1)) == 64  # keyed by a secret of the process
    assert snapshot(made.store) == state
    made.store.close()


def test_serve_refuses_a_public_address_without_users(
    run_sqlite: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run_sqlite("serve", "--host", "0.0.0.0")
    assert result.exit_code == 1
    assert "no users" in result.output and "127.0.0.1" in result.output
    monkeypatch.setenv("TOCSIN_USER", "ada")
    assert run_sqlite("users", "add", "ada", "--role", "admin").exit_code == 0
    assert run_sqlite("users", "add", "bo", "--role", "analyst").exit_code == 0
    monkeypatch.setenv("TOCSIN_USER", "bo")
    refused = run_sqlite("serve")
    assert refused.exit_code == 1 and "serving the desk needs admin" in refused.output


def test_country_page_and_its_report(desk: Desk) -> None:
    browser = desk.browser("analyst")
    html = browser.get("/countries/XVM").text
    assert "Risk factor × quarter" in html and "FoA-RF11" in html and "<svg" in html
    data = desk.client("analyst").get("/api/v1/countries/XVM").json()
    assert (
        data["heatmap"]
        and data["scores"]
        and data["n_incidents"] == len(desk.app.state.desk.current().located.select("XVM"))
    )
    report = browser.get("/countries/XVM/report.html").text
    for heading in ("Summary", "Alerts", "Risk profile", "Incident map", "Key incidents"):
        assert f"<h2>{heading}</h2>" in report
    assert "Method notes" in report and "single source" in report
    pdf = browser.get("/countries/XVM/report.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Situation report: XVM" in text and "Key incidents" in text
    public = desk.browser("viewer").get("/countries/XVM/report.html").text
    assert "public edition" in public and "<blockquote" not in public


def test_report_command_on_the_seeds_says_one_party(
    run_sqlite: Run, seeds: Path, tmp_path: Path
) -> None:
    assert run_sqlite("ingest", *seed_paths(seeds)).exit_code == 0
    out = tmp_path / "reports"
    result = run_sqlite("report", "--country", "AZE", "--out", str(out))
    assert result.exit_code == 0, result.output
    html = next(out.glob("*.html")).read_text("utf-8")
    assert "one party" in html and "one source" in html
    assert next(out.glob("*.pdf")).read_bytes().startswith(b"%PDF")
    bad = run_sqlite("report", "--country", "AZE", "--from", "March")
    assert bad.exit_code == 1 and "YYYY" in bad.output
    none = run_sqlite("report", "--country", "ZZZ", "--out", str(out))
    assert none.exit_code == 1 and "no evidence" in none.output


def test_the_desk_works_on_both_backends(data_dir: Path, db_url: str | None) -> None:
    made = make_desk(data_dir, db_url, users=False)
    app = create_app(made.store, entities=ENTITIES)
    c = TestClient(app, base_url="http://localhost")
    assert c.get("/").status_code == 200
    status = c.get("/api/v1/status").json()
    assert status["claims"] > 30 and status["incidents"] > 5
    assert json.loads(c.get("/api/v1/overview").text)["countries"]
    made.store.close()


def test_country_page_shows_the_structural_forecast_beside_the_text_profile(
    run_sqlite: Run, seeds: Path, tmp_path: Path, data_dir: Path
) -> None:
    from tocsin.cli.serve import structural
    from tocsin.store import Store

    from . import forecast_data

    assert run_sqlite("ingest", *seed_paths(seeds)).exit_code == 0
    data = forecast_data.write(tmp_path / "cy.csv")
    named = tmp_path / "named.csv"
    named.write_text(data.read_text().replace("Country 00,", "Azerbaijan,"))
    model = tmp_path / "model.pkl"
    fitted = run_sqlite(
        "forecast", "fit", "--data", str(named), "--model", "replication", "--out", str(model)
    )
    assert fitted.exit_code == 0, fitted.output
    forecast = structural(str(named), str(model), None)
    assert set(forecast) == {"AZE"}  # the generated countries have no ISO code
    store = Store(data_dir)
    page = (
        TestClient(create_app(store, forecast=forecast), base_url="http://127.0.0.1")
        .get("/countries/AZE")
        .text
    )
    risk = forecast["AZE"]["risk"] * 100
    assert f"<strong>{risk:.1f} %</strong>" in page and "replication" in page
    assert "Text-derived profile" in page
    store.close()


def test_documents_come_in_pages(desk: Desk) -> None:
    api = desk.client("viewer")
    first = api.get("/api/v1/documents").json()
    assert first["total"] == desk.store.count() == len(first["items"])
    dates = [d["ingested_at"] for d in first["items"]]
    assert dates == sorted(dates, reverse=True)
    assert api.get("/api/v1/documents", params={"page": 2}).json()["items"] == []


def test_pages_load_nothing_from_elsewhere(desk: Desk) -> None:
    ids = _ids(desk)
    browser = desk.browser("analyst")
    for path in (
        "/",
        "/countries/XVM",
        f"/incidents/{ids['incident_id']}",
        "/claims",
        "/documents",
        f"/documents/{ids['sha256']}",
        "/upload",
        "/countries/XVM/report.html",
    ):
        r = browser.get(path)
        assert r.status_code == 200, path
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", r.text), path
        policy = r.headers["content-security-policy"]
        assert ("default-src 'none'" if "report" in path else "default-src 'self'") in policy
    assert browser.get("/static/tocsin.js").status_code == 200
    assert browser.get("/api/v1/docs").status_code == 404  # no CDN-loaded explorer


def test_passwords_and_tokens_from_the_command_line(
    run_sqlite: Run, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tocsin.store import Store

    monkeypatch.setenv("TOCSIN_USER", "ada")
    assert run_sqlite("users", "add", "ada", "--role", "admin").exit_code == 0
    assert run_sqlite("users", "add", "bo", "--role", "viewer").exit_code == 0
    short = run_sqlite("users", "password", "bo", "--password", "short")
    assert short.exit_code == 1 and "at least 10 characters" in short.output
    assert run_sqlite("users", "password", "bo", "--password", PASSWORD).exit_code == 0
    made = run_sqlite("users", "token", "bo", "--label", "scripts")
    assert made.exit_code == 0
    token = made.stdout.strip()
    store = Store(data_dir)
    api = TestClient(create_app(store), headers={"Authorization": f"Bearer {token}"})
    assert api.get("/api/v1/status").json()["user"] == "bo"
    assert api.get("/api/v1/users").status_code == 403  # bo is a viewer
    monkeypatch.setenv("TOCSIN_USER", "eve")  # no role: may not touch anyone's credentials
    refused = run_sqlite("users", "password", "bo", "--password", "eve's long password")
    assert refused.exit_code == 1 and "needs admin" in refused.output
    assert store.check_password("bo", PASSWORD)
    listed = next(u for u in store.users() if u["name"] == "bo")
    assert "password" not in listed  # never shown, not even hashed
    store.close()


def test_the_desk_follows_writes_made_elsewhere(fresh: Desk, seeds: Path) -> None:
    """Another process (the CLI, `tocsin watch`) writes to the store: the next request sees it."""
    from tocsin.ingest.run import Options, ingest
    from tocsin.ingest.sources import expand
    from tocsin.store.audit import acting_as

    api = fresh.client("analyst")
    before = api.get("/api/v1/status").json()
    # writes that leave the record as it was (tokens, sessions, roles) cost no re-read
    snap = fresh.app.state.desk.current()
    fresh.store.issue_credential("viewer", "token", "another")
    fresh.browser("viewer")
    with acting_as("admin"):
        fresh.store.set_role("newcomer", "viewer")
    assert fresh.app.state.desk.current() is snap
    ingest(fresh.store, expand(seed_paths(seeds)), Options())
    after = api.get("/api/v1/status").json()
    assert after["seq"] > before["seq"] and after["claims"] > before["claims"]
    assert api.get("/api/v1/countries/AZE").status_code == 200


def test_hostile_text_is_shown_as_text(fresh: Desk) -> None:
    hostile = (
        b"<html><body><p>On 2 May 2024 armed men killed 12 civilians in Kessa, Velmora, "
        b"witnesses said &lt;script&gt;alert(1)&lt;/script&gt; and "
        b'&lt;img src=x onerror="alert(2)"&gt;.</p><script>alert(3)</script></body></html>'
    )
    r = fresh.client("analyst").post(
        "/api/v1/documents", files=[("files", ("hostile.html", hostile, "text/html"))]
    )
    (outcome,) = r.json()["outcomes"]
    assert outcome["status"] == "ingested", outcome
    browser = fresh.browser("analyst")
    page = browser.get(f"/documents/{outcome['sha256']}").text
    assert "&lt;script&gt;alert(1)" in page  # the text as written, not markup
    for path in (f"/documents/{outcome['sha256']}", "/claims?q=kessa", "/"):
        page = browser.get(path).text
        assert "<script>alert" not in page and "<img src=x" not in page, path


def test_a_viewers_report_writes_nothing(
    run_sqlite: Run, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tocsin.store import Store

    from .conftest import EXAMPLES

    monkeypatch.setenv("TOCSIN_USER", "ada")
    assert run_sqlite("users", "add", "ada", "--role", "admin").exit_code == 0
    assert run_sqlite("users", "add", "bo", "--role", "viewer").exit_code == 0
    got = run_sqlite("--entities", ENTITIES, "ingest", str(EXAMPLES / "corpus"))
    assert got.exit_code == 0
    store = Store(data_dir)
    before = snapshot(store)
    monkeypatch.setenv("TOCSIN_USER", "bo")
    out = run_sqlite(
        "--entities", ENTITIES, "report", "--country", "XVM", "--no-pdf", "--out", str(tmp_path)
    )
    assert out.exit_code == 0, out.output
    assert snapshot(store) == before  # no alerts raised on a viewer's behalf
    html = next(tmp_path.glob("*.html")).read_text("utf-8")
    assert "public edition" in html  # a viewer's report is the public one
    monkeypatch.setenv("TOCSIN_USER", "ada")
    again = run_sqlite(
        "--entities", ENTITIES, "report", "--country", "XVM", "--no-pdf", "--out", str(tmp_path)
    )
    assert again.exit_code == 0 and store.alerts()  # an admin's raises what is due
    store.close()


def test_new_documents_are_taken_in_without_reading_everything_again(
    fresh: Desk, seeds: Path
) -> None:
    """An upload updates the desk from the live state (only the new documents are read,
    only what they can change is re-grouped): the same as reading the whole store again."""
    from tocsin.web.snapshot import build

    desk = fresh.app.state.desk
    before = desk.current()
    analyst = fresh.client("analyst")
    for path in seed_paths(seeds):
        data = Path(path).read_bytes()
        r = analyst.post(
            "/api/v1/documents", files=[("files", (Path(path).name, data, "text/plain"))]
        )
        assert r.json()["outcomes"][0]["status"] == "ingested"
    after = desk.current()
    assert after is not before and after.live is before.live  # updated, not read again
    full = build(fresh.store, desk.rules, write=False)

    def incidents(s: Any) -> list[Any]:
        return sorted((i.id, i.status, i.claims, i.count, i.sources) for i in s.incidents.values())

    assert incidents(after) == incidents(full)
    assert [c.id for c in after.claims] == [c.id for c in full.claims]

    assert profile_shape(after.quarters.values()) == profile_shape(full.quarters.values())
    assert [a["id"] for a in after.alerts] == [a["id"] for a in full.alerts]
    assert after.country_rows == full.country_rows
    for q in ("killed", "mine", "Armenia civilians"):
        assert list(after.words.matching(q)) == list(full.words.matching(q))
    assert after.seq == full.seq == fresh.store.record_version()


def test_the_login_throttle_forgets_after_its_window() -> None:
    from tocsin.web.auth import Throttle

    t = Throttle(limit=3, window=100.0)
    for at in (0.0, 10.0, 20.0):
        assert t.wait("Mallory", at) == 0.0
        t.failed("Mallory", at)
    assert t.wait("mallory", 30.0) == pytest.approx(70.0)  # until the first failure is 100 s old
    assert t.wait("mallory", 100.5) == 0.0  # one of three has aged out
    assert t.wait("ana", 30.0) == 0.0  # per name
    t.passed("mallory")
    assert t.wait("mallory", 30.0) == 0.0


def test_viewers_see_private_sources_of_alerts_under_pseudonyms() -> None:
    from tocsin.report.export import pseudonym
    from tocsin.web.auth import User
    from tocsin.web.views import alert_view

    evidence = {"claim": "c1", "quote": "I saw them", "source": "Jane Witness", "date": "2024-05"}
    record = {"sources": ["Jane Witness", "UN"], "evidence": [evidence]}
    private = {"Jane Witness"}
    shown = alert_view(record, User("v", "viewer"), private)
    assert shown["sources"] == [pseudonym("Jane Witness"), "UN"]
    assert shown["evidence"] == [
        {"claim": "c1", "source": pseudonym("Jane Witness"), "date": "2024-05"}
    ]
    assert alert_view(record, User("a", "analyst"), private) == record
