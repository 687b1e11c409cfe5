"""tocsin risk [COUNTRY]: the evidence matrix per Framework of Analysis indicator, then scores."""

from __future__ import annotations

import json
import sys
from typing import Any

import click
from rich.table import Table

from tocsin.assess import Profile, load_weights, profiles
from tocsin.cli import Context, cli
from tocsin.cli.incidents import incidents_of
from tocsin.cli.output import console, emit
from tocsin.corroborate import source_label
from tocsin.extract import taxonomy


def _rows(p: Profile, previous: Profile | None) -> list[dict[str, Any]]:
    w = load_weights()
    scores = p.factor_scores(w)
    before = previous.score(w) if previous else 0.0
    rows = []
    for ind, cell in sorted(p.cells.items()):
        rf = f"FoA-RF{ind.split('-')[1].split('.')[0]}"
        rows.append(
            {
                "country": p.country,
                "period": p.period,
                "risk_factor": rf,
                "indicator": ind,
                "claims": cell.claims,
                "n_claims": len(cell.claims),
                "sources": sorted(cell.sources),
                "n_sources": len(cell.sources),
                "single_source": cell.single_source,
                "contested": cell.contested,
                "latest": cell.latest,
                "raw": round(cell.raw, 3),
                "value": round(cell.value(w), 3),
                "factor_score": scores[rf],
                "score": p.score(w),
                "change": round(p.score(w) - before, 3),
                "weights": w.producer,
            }
        )
    return rows


@cli.command("risk")
@click.argument("country", required=False)
@click.option(
    "--period",
    "granularity",
    type=click.Choice(["quarter", "month"]),
    default="quarter",
    show_default=True,
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
)
@click.pass_obj
def risk_cmd(obj: Context, country: str | None, granularity: str, fmt: str) -> None:
    """Risk profile by country and period: the evidence behind each indicator first (claims,
    independent sources, single-source and contested shares, newest date), then the score:
    value = min(cap, sum of claim weights by incident status); factor score = sum of values ×
    factor weight; overall = sum of factor scores. Weights: assess/weights.toml."""
    obj.require("viewer", "reading")
    incidents, by_id = incidents_of(obj.store)
    sources = {i.sha256: source_label(i) for i in obj.store.list_documents()}
    all_profiles = profiles([c for c, _ in by_id.values()], incidents, sources, granularity)
    if country:
        all_profiles = [p for p in all_profiles if p.country == country.upper()]
        if not all_profiles:
            console.print(f"no evidence about {country.upper()}")
            sys.exit(0)
    rows: list[dict[str, Any]] = []
    previous: dict[str, Profile] = {}
    for p in all_profiles:
        rows += _rows(p, previous.get(p.country))
        previous[p.country] = p
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt == "csv":
        emit(
            rows,
            fmt,
            [
                "country",
                "period",
                "risk_factor",
                "indicator",
                "n_claims",
                "n_sources",
                "single_source",
                "contested",
                "latest",
                "raw",
                "value",
                "factor_score",
                "score",
                "change",
                "weights",
            ],
        )
        return
    w = load_weights()
    tax = taxonomy.load()
    for p in all_profiles:
        table = Table(
            title=f"{p.country} {p.period}: score {p.score(w)} ({w.producer})",
            title_justify="left",
            expand=True,
        )
        for col in ("indicator", "claims", "sources", "one source", "contested", "newest", "value"):
            table.add_column(col)
        for row in (r for r in rows if r["country"] == p.country and r["period"] == p.period):
            text = tax.indicators.get(row["indicator"], {}).get("text", "")
            table.add_row(
                f"{row['indicator']} {text}",
                str(row["n_claims"]),
                ", ".join(row["sources"]),
                str(row["single_source"]),
                str(row["contested"]),
                row["latest"],
                str(row["value"]),
            )
        console.print(table)
        factors = ", ".join(f"{rf} {s}" for rf, s in p.factor_scores(w).items())
        console.print(f"  risk factors: {factors}")
