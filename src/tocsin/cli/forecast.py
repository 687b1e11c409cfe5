"""tocsin forecast fit | predict | evaluate: structural risk of mass-killing onset from
country-year data (the Early Warning Project's schema and protocol)."""

from __future__ import annotations

import json
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
import numpy as np
from rich.table import Table

from tocsin.cli import Context, cli
from tocsin.cli.output import console, emit, err_console, format_option
from tocsin.errors import TocsinError
from tocsin.forecast import data as cy
from tocsin.forecast import evaluate as ev
from tocsin.forecast import explain, metrics, models, plot
from tocsin.forecast.protocol import one_thread

MODEL_FILE_MAGIC = "tocsin-forecast-model/1"

data_option = click.option(
    "--data",
    "data_path",
    required=True,
    type=click.Path(dir_okay=False),
    help="Country-year CSV in the EWP's schema (ewp_name, year, mk_onset, mk_onset_1or2, "
    "the 39 predictors).",
)


def model_option(help: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option(
        "--model",
        "name",
        type=click.Choice(list(models.MODELS)),
        default=models.BEST,
        show_default=True,
        help=help,
    )


def fit_observed(data: cy.CountryYears, name: str) -> tuple[models.Model, cy.CountryYears]:
    """Model `name` fit on every row whose target is observed, and those rows."""
    train = data.take(data.observed())
    with one_thread(), err_console.status(f"fitting {name} on {len(train):,} country-years"):
        return models.fit(name, train), train


@cli.group()
def forecast() -> None:
    """Structural forecast of mass-killing onset from country-year data."""


@forecast.command("fit")
@data_option
@model_option("The model to fit.")
@click.option(
    "--out", "out", required=True, type=click.Path(dir_okay=False), help="Where to write the model."
)
def fit_cmd(data_path: str, name: str, out: str) -> None:
    """Fit a model on every row whose target is observed."""
    model, train = fit_observed(cy.load(data_path), name)
    blob = {"magic": MODEL_FILE_MAGIC, "name": name, "model": model, "train": train}
    tmp = Path(out).with_suffix(Path(out).suffix + ".tmp")
    tmp.write_bytes(pickle.dumps(blob))
    tmp.replace(out)
    years = f"{int(train.years.min())}–{int(train.years.max())}"
    console.print(f"{name}: fit on {len(train):,} country-years ({years}); written to {out}")


@forecast.command("predict")
@data_option
@click.option("--model-file", type=click.Path(exists=True, dir_okay=False), help="From `fit`.")
@model_option("Fit this model now (when no --model-file).")
@click.option("--year", type=int, help="The year of data to forecast from [default: the last].")
@click.option("--top", type=int, default=30, show_default=True)
@click.option("--country", help="Only this country (EWP name), with every driver.")
@format_option
@click.pass_obj
def predict_cmd(
    ctx: Context,
    data_path: str,
    model_file: str | None,
    name: str,
    year: int | None,
    top: int,
    country: str | None,
    fmt: str,
) -> None:
    """Rank countries by forecast risk, with the predictors that push each one up, beside
    the text-derived risk profile of the same country where the store has one."""
    data = cy.load(data_path)
    if model_file:
        blob = read_model(model_file)
        name, model, train = blob["name"], blob["model"], blob["train"]
        if list(train.features) != data.features:
            raise TocsinError(f"{model_file}: fit on other predictors than {data_path} holds")
    else:
        model, train = fit_observed(data, name)
    year = year or data.last_year
    rows = data.take(data.years == year)
    if not len(rows):
        raise TocsinError(f"{data_path}: no rows for {year}")
    if country:
        rows = rows.take(np.array([c.lower() == country.lower() for c in rows.countries]))
        if not len(rows):
            raise TocsinError(f"{data_path}: no row for {country!r} in {year} (use its ewp_name)")
    ranked = explain.ranking(model, train, rows, top_drivers=len(rows.features) if country else 3)
    text = _text_profiles(ctx)
    out: list[dict[str, Any]] = []
    for r in ranked[: top if not country else None]:
        code = iso3(r.country, ctx.entities)
        out.append(
            {
                "rank": r.rank,
                "country": r.country,
                "iso3": code,
                "data_year": r.year,
                "risk": round(r.risk, 4),
                "forecasts": f"onset in {r.year + 1} or {r.year + 2}",
                "drivers": [
                    {"predictor": p, "value": v, "log_odds": round(e, 3)} for p, v, e in r.drivers
                ],
                "text_profile": text.get(code or ""),
            }
        )
    if fmt == "json":
        sys.stdout.write(json.dumps({"model": name, "ranking": out}, indent=2) + "\n")
        return
    if fmt == "csv":
        flat = [
            {
                **row,
                "drivers": [d["predictor"] for d in row["drivers"]],
                "text_score": row["text_profile"]["score"] if row["text_profile"] else None,
            }
            for row in out
        ]
        emit(flat, "csv", ["rank", "country", "iso3", "data_year", "risk", "drivers", "text_score"])
        return
    table = Table(title=f"{name}: risk of a mass-killing onset in {year + 1} or {year + 2}")
    for col in ("rank", "country", "risk", "pushed up by (log-odds)", "text-derived profile"):
        table.add_column(col, overflow="fold")
    for row in out:
        tp = row["text_profile"]
        table.add_row(
            str(row["rank"]),
            row["country"],
            f"{row['risk']:.1%}",
            ", ".join(f"{d['predictor']} +{d['log_odds']:.2f}" for d in row["drivers"]) or "—",
            f"{tp['score']:g} ({tp['period']}, {tp['claims']} claims)" if tp else "no claims",
        )
    console.print(table)
    console.print(
        "The forecast is structural (country-year data); the text-derived profile is what "
        "stored reports say now (tocsin risk COUNTRY). They answer different questions."
    )


@forecast.command("evaluate")
@data_option
@click.option(
    "--models",
    "names",
    default=f"replication,{models.BEST},baseline",
    show_default=True,
    help=f"Comma-separated, from: {', '.join(models.MODELS)}.",
)
@click.option(
    "--compare",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Another forecast file (ewp_name, year, maxrisk2[, minrank2]), e.g. the EWP's own.",
)
@click.option("--threshold", type=float, default=metrics.ALERT_THRESHOLD, show_default=True)
@click.option("--plot", "plot_path", type=click.Path(dir_okay=False), help="Reliability SVG.")
@format_option
def evaluate_cmd(
    data_path: str,
    names: str,
    compare: tuple[str, ...],
    threshold: float,
    plot_path: str | None,
    fmt: str,
) -> None:
    """The EWP's protocol: train on years <= L for L = 1991…2021, forecast from L + 2,
    score each year by the larger of its two covering forecasts."""
    data = cy.load(data_path)
    chosen = [n.strip() for n in names.split(",") if n.strip()]
    with err_console.status(
        f"rolling evaluation of {', '.join(chosen)} (31 training windows, every core)"
    ):
        result = ev.evaluate(data, chosen, compare, threshold)
    if plot_path:
        svg = plot.reliability_svg(result.calibration, "Reliability of forecasts (onset in 2 yrs)")
        Path(plot_path).write_text(svg, encoding="utf-8")
    if fmt == "json":
        body = {"rows": result.rows, "years": list(result.years), "models": result.metrics}
        sys.stdout.write(json.dumps(body, indent=2) + "\n")
        return
    _print_table(result, fmt)
    if plot_path:
        console.print(f"reliability diagram: {plot_path}")


def _print_table(result: ev.Evaluation, fmt: str) -> None:
    cols = ["auc", "pr_auc", "top10", "top20", "top30", "onsets", "brier", "false_alarms_per_onset"]
    rows = [{"model": name, **m} for name, m in result.metrics.items()]
    title = f"{result.rows:,} country-years, {result.years[0]}–{result.years[1]}, same rows for all"
    emit(rows, fmt, ["model", *cols], title)
    if fmt == "table":
        threshold = next(iter(result.metrics.values())).get("threshold", metrics.ALERT_THRESHOLD)
        console.print(
            "top k: onsets whose country ranked in the top k of either forecast covering the "
            f"year; false alarms per onset at risk >= {threshold}."
        )


def read_model(path: str) -> dict[str, Any]:
    """A model written by `fit` (a pickle: load only files you wrote yourself)."""
    try:
        blob = pickle.loads(Path(path).read_bytes())  # the user's own file: see the docstring
    except Exception as exc:
        raise TocsinError(f"{path}: not a model written by tocsin forecast fit ({exc})") from None
    if not isinstance(blob, dict) or blob.get("magic") != MODEL_FILE_MAGIC:
        raise TocsinError(f"{path}: not a model written by tocsin forecast fit")
    return blob


def iso3(name: str, entities: str | None) -> str | None:
    from tocsin import countries

    names = countries.index("en", entities)
    if name in names:
        return names[name]
    found = countries.find(name, "en", entities)
    return found[0].code if found else None


def _text_profiles(ctx: Context) -> dict[str, dict[str, Any]]:
    """Each country's latest text-derived profile (overall score, period, claims), if the
    store has any; an empty or absent store gives none."""
    from tocsin.assess import load_weights
    from tocsin.record import record_of, risk_matrix
    from tocsin.store import resolve_data_dir

    if not ctx.db and not (resolve_data_dir(ctx.data_dir) / "tocsin.db").exists():
        return {}  # no store here: a forecast does not make one
    from tocsin.store.users import at_least

    try:
        if not at_least(ctx.role(), "viewer"):
            err_console.print("text-derived profiles not shown: you have no role in this store")
            return {}
        record = record_of(ctx.store)
    except TocsinError:
        return {}
    if not record.claims:
        return {}
    matrix = risk_matrix(record, "quarter")
    weights = load_weights()
    out: dict[str, dict[str, Any]] = {}
    for area in matrix.areas():
        if "/" in area:
            continue
        period = matrix.periods(area)[-1]
        p = matrix.profile((area, period))
        if p is not None:
            score = round(sum(p.factor_scores(weights).values()), 3)
            claims = len({c for cell in p.cells.values() for c in cell.claims})
            out[area] = {"period": period, "score": score, "claims": claims}
    return out
