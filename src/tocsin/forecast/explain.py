"""Which predictors push a country's forecast up: for any model, by occlusion.

A predictor's contribution is the change in the forecast's log-odds when that predictor
alone is set back to the training window's median: positive, it pushes the risk up. The
contributions need not add up to the total for a non-linear model (trees interact); they
say what moves this country's risk, in the model's own terms.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import numpy as np

from tocsin.forecast.data import Array, CountryYears
from tocsin.forecast.models import Model


@dataclass(frozen=True)
class Ranked:
    rank: int
    country: str
    year: int
    risk: float
    drivers: list[tuple[str, float, float]]  # (predictor, its value, log-odds contribution)


def _logit(p: Array) -> Array:
    q = np.clip(p, 1e-6, 1 - 1e-6)
    out: Array = np.log(q / (1 - q))
    return out


def ranking(
    model: Model, train: CountryYears, rows: CountryYears, top_drivers: int = 5
) -> list[Ranked]:
    """Rows ranked by forecast risk, highest first, each with the predictors that push it
    up most (contributions above zero only)."""
    risk = model.predict(rows)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        reference = np.nanmedian(train.X, axis=0)
    base = _logit(risk)
    effects = np.zeros((len(rows), len(rows.features)))
    for j in range(len(rows.features)):
        X = rows.X.copy()
        X[:, j] = reference[j]
        moved = CountryYears(rows.countries, rows.years, rows.features, X, rows.target, rows.onset)
        effects[:, j] = base - _logit(model.predict(moved))
    order = [i for i in np.argsort(-risk, kind="mergesort") if not math.isnan(risk[i])]
    out = []
    for place, i in enumerate(order, start=1):
        drivers = [
            (rows.features[j], float(rows.X[i, j]), float(effects[i, j]))
            for j in np.argsort(-effects[i])[:top_drivers]
            if effects[i, j] > 1e-9
        ]
        out.append(Ranked(place, rows.countries[i], int(rows.years[i]), float(risk[i]), drivers))
    return out
