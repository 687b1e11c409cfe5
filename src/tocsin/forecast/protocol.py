"""The Early Warning Project's rolling out-of-sample protocol.

For each last training year L (1991…2021 by default) a model is fit on the years <= L whose
target is observed, and forecasts from the predictors of year L + 2 — the first year when
the targets up to L are known — an onset in L + 3 or L + 4. Each calendar year Y is then
scored by the larger of the two forecasts that cover it (from the data of Y − 1 and Y − 2),
against whether an onset began in Y: the EWP's `maxrisk2`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from tocsin.forecast import models
from tocsin.forecast.data import CountryYears
from tocsin.forecast.models import Model
from tocsin.forkmap import cores, fork_map

FIRST_LAST_TRAINING_YEAR, LAST_LAST_TRAINING_YEAR = 1991, 2021


@dataclass(frozen=True)
class Forecast:
    """One model's forecast made from one country-year's data."""

    country: str
    year: int  # the year of the data; it forecasts an onset in year + 1 or year + 2
    risk: float
    target: float  # mk_onset_1or2 of that year (NaN if not observed)


@dataclass(frozen=True)
class Scored:
    """A calendar year's score for a country: the larger of its two covering forecasts
    (maxrisk2) and the better of their ranks among their year's forecasts (minrank2)."""

    country: str
    year: int
    risk: float
    onset: float
    rank: float


def window(data: CountryYears, names: Sequence[str], last: int) -> dict[str, list[Forecast]]:
    """Fit each model on the observed years <= last; forecast from the data of last + 2."""
    train = data.take(data.observed() & (data.years <= last))
    test = data.take(data.years == last + 2)
    fitted: dict[str, Model] = {}
    out: dict[str, list[Forecast]] = {}
    for name in names:
        model = models.fit(name, train, fitted)
        risk = model.predict(test) if len(test) else np.zeros(0)
        out[name] = [
            Forecast(c, int(y), float(r), float(t))
            for c, y, r, t in zip(test.countries, test.years, risk, test.target, strict=True)
            if not np.isnan(r)
        ]
    return out


def rolling(
    data: CountryYears,
    names: Sequence[str],
    lasts: Sequence[int] | None = None,
    workers: int | None = None,
) -> dict[str, list[Forecast]]:
    """Every window's forecasts per model, windows spread over the machine's cores (each
    fit uses one BLAS thread: several threads on matrices this small only contend)."""
    years = list(lasts or range(FIRST_LAST_TRAINING_YEAR, LAST_LAST_TRAINING_YEAR + 1))
    years = [y for y in years if (data.years == y + 2).any()]

    def one(last: int) -> dict[str, list[Forecast]]:
        with one_thread():  # set in the child: BLAS starts its threads afresh after a fork
            return window(data, names, last)

    parts = fork_map(one, years, workers or cores(), size=lambda y: y)
    return {name: [f for part in parts for f in part[name]] for name in names}


def descending_ranks(risks: Sequence[float]) -> list[float]:
    """Each risk's place among them, highest first, ties at their average place."""
    ordered = np.sort(np.array(risks))
    above = len(ordered) - np.searchsorted(ordered, risks, side="right")
    tied = np.searchsorted(ordered, risks, side="right") - np.searchsorted(
        ordered, risks, side="left"
    )
    out: list[float] = (above + (tied + 1) / 2).tolist()
    return out


def score_years(data: CountryYears, forecasts: Sequence[Forecast]) -> list[Scored]:
    """maxrisk2 and minrank2 for every country-year covered by a forecast, against its onset.
    A forecast's rank is its place among that year's forecasts, highest first, ties given
    their average place (R's `rank`): a hundred countries tied at no battle deaths are not
    all "in the top 30"."""
    by_year: dict[int, list[Forecast]] = {}
    for f in forecasts:
        by_year.setdefault(f.year, []).append(f)
    made: dict[tuple[str, int], tuple[float, float]] = {}
    for year, fs in by_year.items():
        ranks = descending_ranks([f.risk for f in fs])
        for f, rank in zip(fs, ranks, strict=True):
            made[(f.country, year)] = (f.risk, rank)
    out = []
    for c, y, onset in zip(data.countries, data.years, data.onset, strict=True):
        y = int(y)
        if np.isnan(onset):
            continue
        covering = [m for m in (made.get((c, y - 1)), made.get((c, y - 2))) if m is not None]
        if covering:
            out.append(
                Scored(c, y, max(r for r, _ in covering), float(onset), min(k for _, k in covering))
            )
    return out


class one_thread:
    """One BLAS/OpenMP thread inside: small fits run in parallel processes instead."""

    def __enter__(self) -> None:
        from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

        self._limit = threadpool_limits(1)

    def __exit__(self, *_: object) -> None:
        self._limit.restore_original_limits()
