"""Evaluate models on the protocol, side by side with other forecast files, on the same rows.

Every model, and every file given to compare (such as the EWP's own forecasts), is scored on
exactly the country-years that all of them score: a model that cannot forecast a row
(the replication, like the EWP, skips rows with a missing predictor) does not get to
choose easier rows than the others.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tocsin.forecast import metrics, models, protocol
from tocsin.forecast.data import CountryYears, ForecastDataError
from tocsin.forecast.metrics import Bin
from tocsin.forecast.protocol import Forecast, Scored


@dataclass
class Evaluation:
    metrics: dict[str, dict[str, object]]  # per model or compared file, in the order given
    calibration: dict[str, list[Bin]]
    rows: int
    years: tuple[int, int]


def read_scores(path: str | Path, data: CountryYears) -> list[Scored]:
    """A forecast file to compare: `ewp_name`, `year`, `maxrisk2` (the yearly score) and,
    if it has one, `minrank2` (else ranks are taken within each year by maxrisk2). Onsets
    come from the data file, so that both are judged against the same outcomes."""
    where = str(path)
    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError) as exc:
        raise ForecastDataError(f"{where}: cannot be read ({exc})") from None
    if not rows or not {"ewp_name", "year", "maxrisk2"} <= set(rows[0]):
        raise ForecastDataError(f"{where}: needs columns ewp_name, year and maxrisk2")
    onset = {
        (c, int(y)): o
        for c, y, o in zip(data.countries, data.years, data.onset, strict=True)
        if not math.isnan(o)
    }
    found: dict[int, list[tuple[str, float, float | None]]] = {}
    for line, r in enumerate(rows, start=2):
        if r["maxrisk2"] in ("", "NA"):
            continue
        try:
            year, risk = int(float(r["year"])), float(r["maxrisk2"])
            rank = float(r["minrank2"]) if r.get("minrank2") not in (None, "", "NA") else None
        except ValueError:
            raise ForecastDataError(
                f"{where}: line {line}: year, maxrisk2 or minrank2 is not a number"
            ) from None
        found.setdefault(year, []).append((r["ewp_name"], risk, rank))
    out = []
    for year, entries in found.items():
        ranks = protocol.descending_ranks([r for _, r, _ in entries])
        for (country, risk, given), rank in zip(entries, ranks, strict=True):
            if (country, year) in onset:
                out.append(Scored(country, year, risk, onset[(country, year)], given or rank))
    if not out:
        raise ForecastDataError(f"{where}: no country-year in common with the data file")
    return out


def evaluate(
    data: CountryYears,
    names: Sequence[str],
    compare: Sequence[str | Path] = (),
    threshold: float = metrics.ALERT_THRESHOLD,
    lasts: Sequence[int] | None = None,
) -> Evaluation:
    for name in names:
        if name not in models.MODELS:
            raise ForecastDataError(f"no model {name!r}; choose from {', '.join(models.MODELS)}")
    forecasts = protocol.rolling(data, names, lasts)
    scored: dict[str, list[Scored]] = {n: protocol.score_years(data, forecasts[n]) for n in names}
    for path in compare:
        scored[Path(path).name] = read_scores(path, data)
    common = set.intersection(*({(s.country, s.year) for s in v} for v in scored.values()))
    if not common:
        raise ForecastDataError("the models and files compared have no country-year in common")
    out: dict[str, dict[str, object]] = {}
    bins: dict[str, list[Bin]] = {}
    for name, rows in scored.items():
        kept = [s for s in rows if (s.country, s.year) in common]
        probabilistic = name in forecasts and getattr(models.MODELS[name], "probability", True)
        own: list[Forecast] | None = forecasts[name] if probabilistic else None
        out[name] = metrics.summary(kept, own, threshold)
        if own is not None:
            bins[name] = metrics.calibration(own)
    years = sorted(y for _, y in common)
    return Evaluation(out, bins, len(common), (years[0], years[-1]))
