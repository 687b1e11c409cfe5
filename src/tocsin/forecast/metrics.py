"""How good a forecast was, on the EWP's terms and a few more.

Ranking metrics (ROC AUC, PR AUC, onsets in each year's top 10/20/30, false alarms per onset
caught at the alert threshold) are computed on the yearly scores (`protocol.Scored`, the
EWP's maxrisk2 and minrank2 against an onset that year). Probability metrics (Brier score, calibration)
compare each forecast with what it forecast: an onset in the next year or the one after.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from tocsin.forecast.data import Array
from tocsin.forecast.protocol import Forecast, Scored

TOPS = (10, 20, 30)
ALERT_THRESHOLD = 0.04  # the EWP calls a risk of 4 % or more high
CALIBRATION_EDGES = (0.0, 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 1.0)


@dataclass(frozen=True)
class Bin:
    low: float
    high: float
    n: int
    mean_risk: float
    observed: float


def auc(y: Array, s: Array) -> float:
    """ROC AUC by ranks (ties count half): the chance that an onset outranks a non-onset."""
    pos, neg = int((y == 1).sum()), int((y == 0).sum())
    if pos == 0 or neg == 0:
        return float("nan")
    ranks = _ranks(s)
    return float((ranks[y == 1].sum() - pos * (pos + 1) / 2) / (pos * neg))


def pr_auc(y: Array, s: Array) -> float:
    """Average precision: the mean, over onsets, of the precision above each onset's score
    (all rows tied at that score included)."""
    pos = int((y == 1).sum())
    if pos == 0:
        return float("nan")
    order = np.argsort(-s, kind="mergesort")
    ys, ss = y[order], s[order]
    total = 0.0
    for k in np.flatnonzero(ys == 1):
        above = ss >= ss[k]
        total += ys[above].sum() / above.sum()
    return float(total / pos)


def caught_in_top(scored: Sequence[Scored], k: int) -> int:
    """Onsets whose country ranked within the top k of either forecast covering the year
    (the EWP's count, by minrank2)."""
    return sum(1 for s in scored if s.onset == 1 and s.rank <= k)


def brier(forecasts: Sequence[Forecast]) -> float:
    pairs = [(f.risk, f.target) for f in forecasts if not np.isnan(f.target)]
    if not pairs:
        return float("nan")
    r, t = np.array(pairs).T
    return float(np.mean((r - t) ** 2))


def calibration(forecasts: Sequence[Forecast]) -> list[Bin]:
    pairs = np.array([(f.risk, f.target) for f in forecasts if not np.isnan(f.target)])
    out: list[Bin] = []
    if pairs.size == 0:
        return out
    for lo, hi in itertools.pairwise(CALIBRATION_EDGES):
        top = pairs[:, 0] <= hi if hi == 1.0 else pairs[:, 0] < hi
        inside = pairs[(pairs[:, 0] >= lo) & top]
        if len(inside):
            out.append(
                Bin(lo, hi, len(inside), float(inside[:, 0].mean()), float(inside[:, 1].mean()))
            )
    return out


def false_alarms_per_onset(scored: Sequence[Scored], threshold: float) -> tuple[int, int]:
    """(country-years at or above the threshold without an onset, onsets caught there)."""
    flagged = [s for s in scored if s.risk >= threshold]
    caught = sum(1 for s in flagged if s.onset == 1)
    return len(flagged) - caught, caught


def summary(
    scored: Sequence[Scored],
    forecasts: Sequence[Forecast] | None,
    threshold: float = ALERT_THRESHOLD,
) -> dict[str, object]:
    """The metrics of one model. `forecasts` None: a score, not a probability (no Brier,
    calibration or threshold)."""
    y = np.array([s.onset for s in scored])
    r = np.array([s.risk for s in scored])
    out: dict[str, object] = {
        "rows": len(scored),
        "onsets": int((y == 1).sum()),
        "auc": round(auc(y, r), 4),
        "pr_auc": round(pr_auc(y, r), 4),
    }
    for k in TOPS:
        out[f"top{k}"] = caught_in_top(scored, k)
    if forecasts is not None:
        out["brier"] = round(brier(forecasts), 5)
        false, caught = false_alarms_per_onset(scored, threshold)
        out["threshold"] = threshold
        out["flagged"] = false + caught
        out["false_alarms_per_onset"] = round(false / caught, 1) if caught else None
        out["calibration"] = [b.__dict__ for b in calibration(forecasts)]
    else:
        out["brier"] = None
    return out


def _ranks(s: Array) -> Array:
    """1-based ranks, ties given their average rank."""
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s))
    sorted_s = s[order]
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and sorted_s[j + 1] == sorted_s[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return ranks
