"""Risk profiles: the evidence matrix first, the score second.

For each country (where the claimed events happened) and period (month or quarter), each
indicator's cell counts its claims, the independent sources behind them, how many rest on one
source or are contested, and the newest date; its value is the sum of its claims' weights by
incident status, capped; a risk factor's score is the sum of its indicators' values times the
factor's weight. Pure: claims, incidents and sources in, profiles out.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from tocsin.corroborate import Incident
from tocsin.types import Claim

PRODUCER = "assess.profile@1"


@dataclass(frozen=True)
class Weights:
    version: int
    status: dict[str, float]
    cap: float
    risk_factors: dict[str, float]

    @property
    def producer(self) -> str:
        return f"weights@{self.version}"


@cache
def load_weights(path: str | None = None) -> Weights:
    with Path(path or Path(__file__).parent / "weights.toml").open("rb") as fh:
        data = tomllib.load(fh)
    return Weights(
        data["version"],
        dict(data["status"]),
        float(data["indicator"]["cap"]),
        dict(data["risk_factors"]),
    )


@dataclass
class Cell:
    indicator: str
    claims: list[str] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    single_source: int = 0
    contested: int = 0
    latest: str = ""
    raw: float = 0.0  # sum of the claims' weights, before the cap

    def value(self, w: Weights) -> float:
        return min(self.raw, w.cap)


@dataclass
class Profile:
    country: str
    period: str
    cells: dict[str, Cell] = field(default_factory=dict)

    def factor_scores(self, w: Weights) -> dict[str, float]:
        scores: dict[str, float] = {}
        for ind, cell in self.cells.items():
            rf = f"FoA-RF{ind.split('-')[1].split('.')[0]}"
            scores[rf] = scores.get(rf, 0.0) + cell.value(w) * w.risk_factors.get(rf, 1.0)
        return {k: round(v, 3) for k, v in sorted(scores.items(), key=lambda kv: int(kv[0][6:]))}

    def score(self, w: Weights) -> float:
        return round(sum(self.factor_scores(w).values()), 3)


def period_of(day: str, granularity: str) -> str:
    year, month = day[:4], int(day[5:7]) if len(day) >= 7 else 1
    return f"{year}-{month:02d}" if granularity == "month" else f"{year}-Q{(month - 1) // 3 + 1}"


def _countries(c: Claim) -> set[str]:
    """Where the claimed events happened: the places' countries, else the speaker's state."""
    found = {p.country for p in c.places if p.country}
    return found or ({c.speaker_country} if c.speaker_country else set())


def profiles(
    claims: list[Claim],
    incidents: list[Incident],
    sources: Mapping[str, str],
    granularity: str = "quarter",
    weights: Weights | None = None,
) -> list[Profile]:
    w = weights or load_weights()
    status = {cid: inc.status for inc in incidents for cid in inc.claims}
    out: dict[tuple[str, str], Profile] = {}
    for c in claims:
        day = c.when_from or c.doc_date
        if not c.risk_indicators or not day or c.stance == "calls_for":
            continue
        st = status.get(c.id, "single-source")
        for country in _countries(c):
            key = (country, period_of(day, granularity))
            profile = out.setdefault(key, Profile(*key))
            for ind in c.risk_indicators:
                cell = profile.cells.setdefault(ind, Cell(ind))
                cell.claims.append(c.id)
                cell.sources.add(sources.get(c.doc_sha256, c.doc_sha256))
                cell.single_source += st in ("single-source", "repeated")
                cell.contested += st == "contested"
                cell.latest = max(cell.latest, c.when_to or day)
                cell.raw += w.status.get(st, 0.5)
    return sorted(out.values(), key=lambda p: (p.country, p.period))
