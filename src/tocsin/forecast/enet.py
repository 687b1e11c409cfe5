"""Elastic-net logistic regression as glmnet fits it, with the penalty chosen by CV.

The EWP's model is R's `cv.glmnet(family = "binomial", alpha = 0.5)` at `lambda.min`; to
replicate it, this follows glmnet (Friedman, Hastie & Tibshirani 2010): predictors
standardised (1/n variance), a path of 100 penalties from the smallest that keeps every
coefficient at zero down to 1e-4 of it (1e-2 when there are more predictors than rows),
stopped early where the deviance explained stops changing; each penalty solved by
iteratively reweighted least squares, the weighted problem by cyclic coordinate descent on
the weighted covariance (cheap with a few dozen predictors), warm-started from the previous
penalty. The penalty is the one with the least mean held-out binomial deviance over 10
folds (stratified here, so that every fold has onsets to score; glmnet draws them at random).

Objective: -loglik/n + lambda * (alpha * |b|_1 + (1 - alpha) / 2 * |b|_2^2).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from tocsin.forecast.data import Array

_EPS = 1e-5  # glmnet keeps fitted probabilities this far from 0 and 1
_THRESH = 1e-7


def _sigmoid(eta: Array) -> Array:
    out: Array = 1.0 / (1.0 + np.exp(-np.clip(eta, -30, 30)))
    return out


def _deviance(y: Array, q: Array) -> float:
    """Binomial deviance, probabilities kept _EPS away from 0 and 1 as glmnet keeps them."""
    q = np.clip(q, _EPS, 1 - _EPS)
    return float(-2 * np.sum(y * np.log(q) + (1 - y) * np.log(1 - q)))


@dataclass
class ElasticNetLogit:
    alpha: float = 0.5
    n_lambda: int = 100
    folds: int = 10
    seed: int = 0
    # fitted
    mean_: Array = field(default_factory=lambda: np.zeros(0))
    scale_: Array = field(default_factory=lambda: np.ones(0))
    intercept_: float = 0.0
    coef_: Array = field(default_factory=lambda: np.zeros(0))  # on standardised predictors
    lambda_: float = 0.0
    lambdas_: Array = field(default_factory=lambda: np.zeros(0))
    cv_deviance_: Array = field(default_factory=lambda: np.zeros(0))

    def fit(self, X: Array, y: Array) -> ElasticNetLogit:
        n, p = X.shape
        self.mean_ = X.mean(axis=0)
        sd = X.std(axis=0)
        self.scale_ = np.where(sd > 0, sd, 1.0)
        Z = (X - self.mean_) / self.scale_
        usable = sd > 0  # a constant predictor tells nothing: glmnet leaves it out
        Z[:, ~usable] = 0.0
        ybar = y.mean()
        lmax = float(np.max(np.abs(Z.T @ (y - ybar))) / (n * max(self.alpha, 1e-3)))
        ratio = 1e-4 if n > p else 1e-2
        grid = lmax * np.logspace(0, np.log10(ratio), self.n_lambda)
        ZT = np.ascontiguousarray(Z.T)  # predictors by rows: see _solve
        fits = _path(ZT, y, grid, self.alpha, stop_early=True)
        grid = grid[: len(fits)]
        self.lambdas_ = grid
        cv = np.zeros(len(grid))
        for held in _stratified_folds(y, self.folds, self.seed):
            train = np.ones(n, dtype=bool)
            train[held] = False
            path = _path(ZT[:, train], y[train], grid, self.alpha, stop_early=False)
            for k, (b0, b) in enumerate(path):
                cv[k] += _deviance(y[held], _sigmoid(b0 + Z[held] @ b))
        self.cv_deviance_ = cv / n
        best = int(np.argmin(self.cv_deviance_))
        self.lambda_ = float(grid[best])
        self.intercept_, self.coef_ = fits[best][0], fits[best][1].copy()
        return self

    def decision(self, X: Array) -> Array:
        out: Array = self.intercept_ + ((X - self.mean_) / self.scale_) @ self.coef_
        return out

    def predict_proba(self, X: Array) -> Array:
        return _sigmoid(self.decision(X))


def _stratified_folds(y: Array, k: int, seed: int) -> list[npt.NDArray[np.int64]]:
    rng = np.random.default_rng(seed)
    folds: list[list[int]] = [[] for _ in range(k)]
    for label in (0.0, 1.0):
        idx = np.flatnonzero(y == label)
        rng.shuffle(idx)
        for i, row in enumerate(idx):
            folds[i % k].append(int(row))
    return [np.array(sorted(f), dtype=np.int64) for f in folds if f]


def _path(
    ZT: Array, y: Array, grid: Array, alpha: float, stop_early: bool
) -> list[tuple[float, Array]]:
    """(intercept, coefficients) along the penalty grid, warm-started. `ZT`: the
    standardised predictors transposed (one row per predictor)."""
    p = ZT.shape[0]
    ybar = min(max(float(y.mean()), _EPS), 1 - _EPS)
    b0 = float(np.log(ybar / (1 - ybar)))
    b = np.zeros(p)
    null_dev = _deviance(y, np.full(len(y), ybar))
    out: list[tuple[float, Array]] = []
    ratios: list[float] = []
    for lam in grid:
        b0, b = _solve(ZT, y, float(lam), alpha, b0, b)
        out.append((b0, b.copy()))
        if not stop_early:
            continue
        dev = _deviance(y, _sigmoid(b0 + b @ ZT))
        ratios.append(1 - dev / null_dev if null_dev > 0 else 1.0)
        # glmnet's stopping rules: the deviance explained stops changing, or is ~all
        if len(ratios) > 1 and (ratios[-1] - ratios[-2] < 1e-5 * ratios[-1] or ratios[-1] > 0.999):
            break
    return out


def _solve(
    ZT: Array, y: Array, lam: float, alpha: float, b0: float, b: Array
) -> tuple[float, Array]:
    """One penalty: IRLS outside, coordinate descent on the weighted covariance inside.
    The covariance is Z'WZ less the weighted means' outer product (no centred copy of Z),
    with Z transposed so that each product runs along contiguous rows (five times faster)."""
    n = len(y)
    l1, l2 = lam * alpha, lam * (1 - alpha)
    b = b.copy()
    for _ in range(100):
        eta = b0 + b @ ZT
        q = np.clip(_sigmoid(eta), _EPS, 1 - _EPS)
        w = q * (1 - q)
        z = eta + (y - q) / w
        sw = float(w.sum())
        xm = (ZT @ w) / sw
        zm = float(w @ z) / sw
        Zw = ZT * np.sqrt(w)
        G = (Zw @ Zw.T - sw * np.outer(xm, xm)) / n
        c = (ZT @ (w * z) - sw * xm * zm) / n
        new = _coordinate_descent(G, c, b.copy(), l1, l2)
        new0 = zm - float(xm @ new)
        d = new - b
        change = max(float(np.max(np.diag(G) * d * d)), (new0 - b0) ** 2 * sw / n)
        b, b0 = new, new0
        if change < _THRESH:
            break
    return b0, b


def _coordinate_descent(G: Array, c: Array, b: Array, l1: float, l2: float) -> Array:
    """min 1/2 b'Gb - c'b + l1 |b|_1 + l2/2 |b|^2, from `b`: full sweeps to find the
    active set, then sweeps over it until it settles (glmnet's strategy)."""
    p = len(c)
    diag = np.diag(G).tolist()
    grad = c - G @ b  # c_j - sum_k G_jk b_k, kept up to date as b changes
    bl = b.tolist()
    everything = list(range(p))
    for _ in range(1000):
        change = _sweep(G, grad, bl, diag, everything, l1, l2)
        if change < _THRESH:
            break
        active = [j for j in everything if bl[j] != 0.0]
        for _ in range(1000):
            if _sweep(G, grad, bl, diag, active, l1, l2) < _THRESH:
                break
    return np.array(bl)


def _sweep(
    G: Array,
    grad: Array,
    b: list[float],
    diag: list[float],
    coords: list[int],
    l1: float,
    l2: float,
) -> float:
    biggest = 0.0
    for j in coords:
        dj = diag[j]
        if dj <= 0.0:
            continue
        old = b[j]
        r = float(grad[j]) + dj * old
        new = (r - l1 if r > l1 else r + l1 if r < -l1 else 0.0) / (dj + l2)
        if new != old:
            delta = new - old
            grad -= delta * G[:, j]
            b[j] = new
            biggest = max(biggest, dj * delta * delta)
    return biggest
