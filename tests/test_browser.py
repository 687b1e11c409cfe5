"""The desk in a real browser (Debian's headless Chromium, driven by Playwright): log in,
upload a seed statement, see its claims, open an incident, open a claim's highlighted span,
download the report. Screenshots of each step go to test-artifacts/browser/."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright
from pypdf import PdfReader

from .browser import chromium, serving
from .conftest import ROOT, SEED_FILES
from .web_desk import PASSWORD, Desk, make_desk

ARTIFACTS = ROOT / "test-artifacts" / "browser"


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    made = make_desk(tmp_path / "data")
    yield made
    made.store.close()


@dataclass
class Session:
    page: Page
    base: str
    problems: list[str]  # script errors and failed loads the browser reported


@pytest.fixture
def page(desk: Desk) -> Iterator[Session]:
    executable = chromium()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with serving(desk.app) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        context = browser.new_context(
            viewport={"width": 1280, "height": 900}, accept_downloads=True
        )
        opened = context.new_page()
        problems: list[str] = []
        opened.on("pageerror", lambda e: problems.append(str(e)))
        opened.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        yield Session(opened, base, problems)
        context.close()
        browser.close()
        assert problems == [], problems  # no script errors, nothing refused by the CSP


def shot(page: Page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_an_analyst_works_a_seed_through_the_desk(
    page: Session, seeds: Path, tmp_path: Path
) -> None:
    p, base = page.page, page.base
    p.goto(f"{base}/")
    expect(p).to_have_url(f"{base}/login?next=%2F")
    p.fill("input[name=name]", "analyst")
    p.fill("input[name=password]", PASSWORD)
    shot(p, "01-login")
    p.click("button[type=submit]")
    expect(p.get_by_role("heading", name="Overview")).to_be_visible()
    shot(p, "02-overview")

    # upload a seed statement through the page (the progress script sends it)
    p.click("text=Upload")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    p.set_input_files("#files", [str(seeds / SEED_FILES[0]), str(empty)])
    p.click("#upload-form button[type=submit]")
    expect(p.locator("#progress-text")).to_contain_text(
        "done: 1 ingested, 1 failed", timeout=60_000
    )
    expect(p.get_by_role("heading", name="Results")).to_be_visible()
    row = p.locator("table.outcomes tr.ingested")
    expect(row).to_have_count(1)
    refused = p.locator("table.outcomes tr.failed")
    expect(refused).to_contain_text("empty.txt")
    expect(refused).to_contain_text("empty")
    shot(p, "03-uploaded")

    # its document: the claims, each span marked in the text
    row.locator("a").click()
    expect(p.locator("ol.doc-claims li").first).to_be_visible()
    n_claims = p.locator("ol.doc-claims li").count()
    assert n_claims > 3
    assert p.locator("pre.doctext mark").count() >= 1
    shot(p, "04-document")

    # the claims of Azerbaijan in the explorer, then one of its incidents
    p.goto(f"{base}/claims?country=AZE&q=killed")
    rows = p.locator("table.claims tbody tr")
    expect(rows.first).to_be_visible()
    shot(p, "05-claims")
    p.goto(f"{base}/countries/AZE")
    expect(p.get_by_role("heading", name="AZE")).to_be_visible()
    shot(p, "06-country")
    p.locator("table.incidents a").first.click()
    expect(p.locator("article.claim").first).to_be_visible()
    shot(p, "07-incident")

    # a claim opened from the incident: its document, scrolled to the span, marked
    claim_id = p.locator("article.claim").first.get_attribute("id")
    assert claim_id and claim_id.startswith("claim-")
    p.locator("article.claim").first.get_by_role("link", name="open in its document").click()
    mark = p.locator(f"mark#{claim_id}")
    expect(mark).to_be_visible()
    expect(mark).to_have_class("focus")
    # scrolled into view: its first line is on screen, in the text box and in the window
    top = mark.evaluate("m => m.getBoundingClientRect().top")
    assert -2 <= top < 900  # sub-pixel rounding at the top edge
    shot(p, "08-claim-span")

    # the situation report, downloaded
    p.goto(f"{base}/countries/AZE")
    with p.expect_download() as got:
        p.click("text=PDF")
    saved = tmp_path / "report.pdf"
    got.value.save_as(saved)
    text = "".join(page.extract_text() for page in PdfReader(saved).pages)
    assert "Situation report: AZE" in text and "one party" in text
    (ARTIFACTS / "09-report.pdf").write_bytes(saved.read_bytes())


def test_a_viewer_is_refused_the_upload_page(page: Session, desk: Desk) -> None:
    p, base = page.page, page.base
    p.goto(f"{base}/login")
    p.fill("input[name=name]", "viewer")
    p.fill("input[name=password]", PASSWORD)
    p.click("button[type=submit]")
    expect(p.get_by_role("link", name="Upload")).to_have_count(0)
    response = p.goto(f"{base}/upload")
    assert response is not None and response.status == 403
    assert page.problems == [
        "Failed to load resource: the server responded with a status of 403 (Forbidden)"
    ]
    page.problems.clear()  # the refusal itself, expected
    expect(p.locator("p.error")).to_contain_text("needs analyst")
    shot(p, "10-viewer-refused")
