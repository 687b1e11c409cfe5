"""tocsin risk [COUNTRY]: the evidence matrix per Framework of Analysis indicator, then scores;
--cell drills down from one cell to the claims behind it."""

from __future__ import annotations

import json
import sys
from typing import Any

import click
from rich.table import Table

from tocsin import framework
from tocsin.assess import Profile, RiskMatrix, load_weights
from tocsin.cli import Context, cli
from tocsin.cli.output import console, emit, format_option
from tocsin.record import record_of, risk_matrix
from tocsin.report.export import private_sources, pseudonym

CSV_COLUMNS = [
    "country",
    "area",
    "period",
    "risk_factor",
    "indicator",
    "n_claims",
    "n_sources",
    "single_source",
    "contested",
    "one_party",
    "latest",
    "raw",
    "value",
    "factor_score",
    "factor_change",
    "score",
    "change",
    "weights",
]


def _rows(p: Profile, previous: Profile | None, private: set[str]) -> list[dict[str, Any]]:
    w = load_weights()
    fw = framework.load()
    party = p.one_party()  # the whole period's evidence from one party alone: said on each row
    scores = p.factor_scores(w)
    before_scores = previous.factor_scores(w) if previous else {}
    score = round(sum(scores.values()), 3)
    change = round(score - round(sum(before_scores.values()), 3), 3)
    rows = []
    for ind, cell in sorted(p.cells.items(), key=lambda kv: _order(kv[0])):
        rf = framework.risk_factor_of(ind)
        rows.append(
            {
                "country": p.country,
                "area": p.area,
                "level": p.level,
                "period": p.period,
                "risk_factor": rf,
                "risk_factor_name": fw.risk_factors[rf].name,
                "indicator": ind,
                "indicator_text": fw.indicators[ind].text,
                "indicator_checked": fw.indicators[ind].checked,
                "claims": cell.claims,
                "n_claims": len(cell.claims),
                "sources": sorted(pseudonym(s) if s in private else s for s in cell.sources),
                "n_sources": len(cell.sources),
                "single_source": cell.single_source,
                "contested": cell.contested,
                "one_party": party,
                "latest": cell.latest,
                "raw": round(cell.raw, 3),
                "value": round(cell.value(w), 3),
                "factor_score": scores[rf],
                "factor_change": round(scores[rf] - before_scores.get(rf, 0.0), 3),
                "score": score,
                "change": change,
                "weights": w.producer,
            }
        )
    return rows


def _order(indicator: str) -> tuple[int, int]:
    number, sub = indicator.split("-")[1].split(".")
    return int(number), int(sub)


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
    "--areas", is_flag=True, help="Also sub-national areas (where places' regions are known)."
)
@click.option(
    "--cell",
    nargs=2,
    metavar="PERIOD INDICATOR",
    help="Drill down: the claims behind one cell, e.g. --cell 2024-Q1 FoA-10.2.",
)
@format_option
@click.pass_obj
def risk_cmd(
    obj: Context,
    country: str | None,
    granularity: str,
    areas: bool,
    cell: tuple[str, str] | None,
    fmt: str,
) -> None:
    """Risk profile by country (and sub-national area) and period: the evidence behind each
    indicator first (claims, independent sources, single-source and contested counts, newest
    date), then the score: value = min(cap, sum of claim weights by incident status); factor
    score = sum of values × factor weight; overall = sum of factor scores. Weights:
    assess/weights.toml."""
    obj.require("viewer", "reading")
    record = record_of(obj.store)
    matrix = risk_matrix(record, granularity)
    private = private_sources(obj.store.list_documents(), record.claims) if obj.redacted else set()
    wanted = country.upper() if country else None
    chosen = [
        p
        for p in matrix.profiles()
        if (wanted is None or p.country == wanted or p.area == country)
        and (areas or p.level == "country" or p.area == country)
    ]
    if not chosen:
        console.print(f"no evidence about {country}" if country else "no evidence yet")
        sys.exit(0)
    if cell:
        _drill(obj, matrix, chosen, *cell, fmt)
        return
    rows: list[dict[str, Any]] = []
    previous: dict[str, Profile] = {}
    for p in chosen:
        rows += _rows(p, previous.get(p.area), private)
        previous[p.area] = p
    if fmt in ("json", "csv"):
        emit(rows, fmt, CSV_COLUMNS)
        return
    _tables(chosen, rows)
    unplaced = len(matrix.unplaced())
    if unplaced:
        console.print(
            f"[dim]{unplaced} claim(s) of evidence have no area (no place named, and no one "
            "country their accused and victims' group point to): they count in no country's "
            "profile; `tocsin export` gives each claim's area and why.[/dim]"
        )


def _tables(chosen: list[Profile], rows: list[dict[str, Any]]) -> None:
    w = load_weights()
    fw = framework.load()
    for p in chosen:
        mine = [r for r in rows if r["area"] == p.area and r["period"] == p.period]
        change = mine[0]["change"] if mine else 0.0
        party = p.one_party()
        alone = f" — every claim from one party alone ({party})" if party else ""
        table = Table(
            title=f"{p.area} {p.period}: score {p.score(w)} ({change:+g} on the previous "
            f"period with evidence; {w.producer}){alone}",
            title_justify="left",
            expand=True,
        )
        for col in ("indicator", "claims", "sources", "one source", "denied", "newest"):
            table.add_column(col)
        table.add_column("value", justify="right")
        table.add_column("claim ids (drill: --cell)")
        for r in mine:
            mark = "" if r["indicator_checked"] else " [dim](numbering unchecked)[/dim]"
            ids = ", ".join(c[:8] for c in r["claims"][:3])
            table.add_row(
                f"{r['indicator']} {r['indicator_text']}{mark}",
                str(r["n_claims"]),
                ", ".join(r["sources"]),
                str(r["single_source"]),
                str(r["contested"]),
                r["latest"],
                str(r["value"]),
                ids + (f" +{len(r['claims']) - 3}" if len(r["claims"]) > 3 else ""),
            )
        console.print(table)
        scores = p.factor_scores(w)
        for rf, s in scores.items():
            delta = next(r["factor_change"] for r in mine if r["risk_factor"] == rf)
            console.print(f"  {rf} {fw.risk_factors[rf].name}: {s} ({delta:+g})")
        silent = [rf for rf in fw.risk_factors if rf not in scores]
        console.print(
            f"  [dim]no text evidence this period: {', '.join(silent)} (absence of reports is "
            "not absence of risk; structural factors 3–6 need data, not documents)[/dim]"
        )


def _drill(
    obj: Context, matrix: RiskMatrix, chosen: list[Profile], period: str, indicator: str, fmt: str
) -> None:
    found = [p for p in chosen if p.period == period and indicator in p.cells]
    if not found:
        console.print(f"no evidence for {indicator} in {period} (see `tocsin risk` for cells)")
        sys.exit(1)
    redacted = obj.redacted
    private = private_sources(obj.store.list_documents(), matrix.claims()) if redacted else set()
    rows = []
    for p in found:
        for cid in p.cells[indicator].claims:
            c = matrix.claim(cid)
            rows.append(
                {
                    "area": p.area,
                    "period": p.period,
                    "indicator": indicator,
                    "claim": c.id,
                    "event": c.event,
                    "stance": c.stance,
                    "source": pseudonym(matrix.source(cid))
                    if redacted and matrix.source(cid) in private
                    else matrix.source(cid),
                    "status": matrix.status(cid),
                    "date": c.when_from or c.doc_date,
                    "doc_sha256": c.doc_sha256,
                    "start": c.start,
                    "end": c.end,
                    "quote": None if redacted else c.quote,
                }
            )
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    emit(
        rows,
        fmt,
        ["area", "claim", "event", "stance", "source", "status", "date", "start", "end", "quote"],
        title=f"{indicator} {framework.load().indicators[indicator].text} — {period}",
    )
