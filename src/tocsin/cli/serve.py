"""tocsin serve: the analyst's desk in a browser; tocsin report: a situation report."""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path
from typing import Any

import click

from tocsin.cli import Context, cli
from tocsin.cli.output import console
from tocsin.errors import TocsinError


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def structural(data_path: str, model_path: str, entities: str | None) -> dict[str, dict[str, Any]]:
    """Each country's structural forecast for the data's last year, by ISO3, with the
    predictors pushing it up (as `tocsin forecast predict` ranks them)."""
    from tocsin.cli.forecast import iso3, read_model
    from tocsin.forecast import data as cy
    from tocsin.forecast import explain

    data = cy.load(data_path)
    blob = read_model(model_path)
    if list(blob["train"].features) != data.features:
        raise TocsinError(f"{model_path}: fit on other predictors than {data_path} holds")
    rows = data.take(data.years == data.last_year)
    ranked = explain.ranking(blob["model"], blob["train"], rows, top_drivers=3)
    out = {}
    for r in ranked:
        code = iso3(r.country, entities)
        if code:
            out[code] = {
                "year": f"onset in {r.year + 1} or {r.year + 2}",
                "risk": r.risk,
                "rank": r.rank,
                "of": len(ranked),
                "model": blob["name"],
                "drivers": [p for p, _, _ in r.drivers],
            }
    return out


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--rules", "rules_path", type=click.Path(dir_okay=False, exists=True))
@click.option("--forecast-data", type=click.Path(dir_okay=False, exists=True))
@click.option("--forecast-model", type=click.Path(dir_okay=False, exists=True))
@click.pass_obj
def serve_cmd(
    obj: Context,
    host: str,
    port: int,
    rules_path: str | None,
    forecast_data: str | None,
    forecast_model: str | None,
) -> None:
    """Open the analyst's desk on this store: overview, countries, incidents, claims,
    documents, upload and review in a browser; the REST API under /api/v1 (schema at
    /api/v1/openapi.json). Users log in with the password `tocsin users password` set."""
    import uvicorn

    from tocsin.web import create_app

    store = obj.store
    # the desk writes as its operator (alerts it raises), and decides who may reach it
    obj.require("admin", "serving the desk")
    if not store.has_users() and not _loopback(host):
        raise TocsinError(
            f"this store has no users, so anyone reaching {host} would be its admin: add one "
            "(tocsin users add NAME --role admin; tocsin users password NAME) or serve on 127.0.0.1"
        )
    if bool(forecast_data) != bool(forecast_model):
        raise TocsinError("give both --forecast-data and --forecast-model, or neither")
    forecast = (
        structural(forecast_data, forecast_model, obj.entities)
        if forecast_data and forecast_model
        else None
    )
    with console.status("reading the record…"):
        app = create_app(store, rules_path, obj.entities, forecast)
    snap = app.state.desk.snapshot
    console.print(
        f"{len(snap.claims):,} claims, {len(snap.incidents):,} incidents, "
        f"{len(snap.alerts):,} alerts read in {snap.seconds:.1f} s"
    )
    if not store.has_users():
        console.print("[yellow]single-user store: no login; serving on loopback only[/yellow]")
    console.print(f"Tocsin desk: [bold]http://{host}:{port}/[/bold]  (Ctrl-C stops it)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


@cli.command("report")
@click.option("--country", required=True, help="ISO alpha-3 code, e.g. XVM.")
@click.option("--from", "date_from", help="YYYY[-MM[-DD]]")
@click.option("--to", "date_to", help="YYYY[-MM[-DD]]")
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    default=".",
    show_default=True,
    help="Folder for REPORT.html and REPORT.pdf.",
)
@click.option("--public", is_flag=True, help="Public edition: no quotes, private persons, towns.")
@click.option("--no-pdf", is_flag=True, help="HTML only.")
@click.pass_obj
def report_cmd(
    obj: Context,
    country: str,
    date_from: str | None,
    date_to: str | None,
    out: str,
    public: bool,
    no_pdf: bool,
) -> None:
    """A situation report on one country: summary, alerts, risk profile chart, incident map,
    key incidents with their sources, method notes and caveats, as HTML and PDF."""
    from tocsin.record import rules_for
    from tocsin.report import situation
    from tocsin.store.users import at_least
    from tocsin.web.snapshot import build

    obj.require("viewer", "reading")
    for given in (date_from, date_to):
        if given and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", given):
            raise TocsinError(f"--from/--to take YYYY, YYYY-MM or YYYY-MM-DD, not {given!r}")
    with console.status("reading the record…"):
        # an analyst's report raises the alerts due first, as `tocsin alerts` does
        writer = at_least(obj.role(), "analyst")
        snap = build(obj.store, rules_for(obj.store), write=writer)
    made = situation.build(snap, country, date_from, date_to, public=public or obj.redacted)
    if made is None:
        raise TocsinError(f"no evidence about {country.upper()} in this store")
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"tocsin-{made.country}-{date_from or 'start'}-{date_to or 'latest'}"
    html_path = folder / f"{stem}.html"
    html_path.write_text(situation.html(made), "utf-8")
    console.print(f"wrote {html_path}")
    if not no_pdf:
        with console.status("rendering the PDF…"):
            data = situation.pdf(made)
        (folder / f"{stem}.pdf").write_bytes(data)
        console.print(f"wrote {folder / f'{stem}.pdf'}")
