"""The forecasting models compared on the protocol, each fit on one training window.

Every model is fit on the rows it is given and nothing else: any choice it makes (penalty,
imputed values, ensemble weights) is made there, so the rolling evaluation never lets a
model see the years it forecasts. `predict` gives a probability per row, NaN where the
model cannot forecast (the replication, like the EWP, needs every predictor).

- replication: the EWP's model, elastic-net logistic regression (alpha 0.5, penalty by
  10-fold CV), complete rows only;
- baseline: the battle-deaths predictor alone, as a score (no fitting);
- enet-imputed: the same regression, missing predictors set to the window's medians plus
  one missing-value indicator per predictor that has gaps, so that every row is forecast;
- boosting: gradient-boosted trees (scikit-learn's histogram boosting, which routes missing
  values itself), shallow and strongly regularised: ~200 onsets are few to learn from;
- ensemble: the mean of enet-imputed and boosting probabilities, weights fixed in advance.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Protocol

import numpy as np
import numpy.typing as npt

from tocsin.forecast.data import BATTLE_DEATHS, Array, CountryYears
from tocsin.forecast.enet import ElasticNetLogit


class Model(Protocol):
    name: str

    def fit(self, data: CountryYears) -> Model: ...
    def predict(self, data: CountryYears) -> Array: ...


class Replication:
    name = "replication"

    def __init__(self) -> None:
        self.enet = ElasticNetLogit(alpha=0.5, folds=10)

    def fit(self, data: CountryYears) -> Replication:
        ok = _complete(data.X)
        self.enet.fit(data.X[ok], data.target[ok])
        return self

    def predict(self, data: CountryYears) -> Array:
        out = np.full(len(data), np.nan)
        ok = _complete(data.X)
        out[ok] = self.enet.predict_proba(data.X[ok])
        return out


class Baseline:
    """Battle deaths alone: a score to rank by, not a probability (so no Brier score)."""

    name = "baseline"
    probability = False

    def fit(self, data: CountryYears) -> Baseline:
        return self

    def predict(self, data: CountryYears) -> Array:
        return data.column(BATTLE_DEATHS).copy()


class Imputer:
    """Medians of the training window for missing values, plus an indicator column for each
    predictor that had gaps there (missingness itself can carry signal: no statistics are
    kept for states in collapse)."""

    def fit(self, X: Array) -> Imputer:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # all-missing column: median NaN
            med = np.nanmedian(X, axis=0)
        self.median = np.where(np.isnan(med), 0.0, med)
        self.flagged = np.flatnonzero(np.isnan(X).any(axis=0))
        return self

    def transform(self, X: Array) -> Array:
        gaps = np.isnan(X)
        filled = np.where(gaps, self.median, X)
        out: Array = np.hstack([filled, gaps[:, self.flagged].astype(float)])
        return out


class EnetImputed:
    name = "enet-imputed"

    def __init__(self) -> None:
        self.enet = ElasticNetLogit(alpha=0.5, folds=10)
        self.imputer = Imputer()

    def fit(self, data: CountryYears) -> EnetImputed:
        self.imputer.fit(data.X)
        self.enet.fit(self.imputer.transform(data.X), data.target)
        return self

    def predict(self, data: CountryYears) -> Array:
        return self.enet.predict_proba(self.imputer.transform(data.X))


class Boosting:
    name = "boosting"

    def __init__(self, seed: int = 0) -> None:
        from sklearn.ensemble import HistGradientBoostingClassifier  # type: ignore[import-untyped]

        self.model = HistGradientBoostingClassifier(
            learning_rate=0.03,
            max_iter=300,
            max_depth=3,
            min_samples_leaf=50,
            l2_regularization=1.0,
            max_features=0.5,
            early_stopping=False,
            random_state=seed,
        )

    def fit(self, data: CountryYears) -> Boosting:
        self.model.fit(data.X, data.target.astype(int))
        return self

    def predict(self, data: CountryYears) -> Array:
        out: Array = self.model.predict_proba(data.X)[:, 1]
        return out


class Ensemble:
    name = "ensemble"
    PARTS = ("enet-imputed", "boosting")

    def __init__(self, parts: list[Model] | None = None) -> None:
        self.parts = parts  # already fitted on the same window, or None: fit them here

    def fit(self, data: CountryYears) -> Ensemble:
        if self.parts is None:
            self.parts = [MODELS[name]().fit(data) for name in self.PARTS]
        return self

    def predict(self, data: CountryYears) -> Array:
        assert self.parts is not None, "fit first"
        out: Array = np.mean([p.predict(data) for p in self.parts], axis=0)
        return out


MODELS: dict[str, Callable[[], Model]] = {
    "replication": Replication,
    "baseline": Baseline,
    "enet-imputed": EnetImputed,
    "boosting": Boosting,
    "ensemble": Ensemble,
}
BEST = "ensemble"  # the improvement put forward, declared before the comparison is run


def fit(name: str, data: CountryYears, fitted: dict[str, Model] | None = None) -> Model:
    """Model `name` fit on `data`; `fitted` holds models already fit on the same rows, which
    an ensemble reuses instead of fitting its parts again."""
    if name not in MODELS:
        raise ValueError(f"no model {name!r}; choose from {', '.join(MODELS)}")
    done = fitted if fitted is not None else {}
    if name == Ensemble.name:
        parts = [done[p] if p in done else fit(p, data, done) for p in Ensemble.PARTS]
        done[name] = Ensemble(parts)
    elif name not in done:
        done[name] = MODELS[name]().fit(data)
    return done[name]


def _complete(X: Array) -> npt.NDArray[np.bool_]:
    out: npt.NDArray[np.bool_] = ~np.isnan(X).any(axis=1)  # type: ignore[assignment]
    return out
