"""Risk profiles: the evidence matrix first, the score second.

For each area (a country, and each first-level subdivision where the claims' places are known)
and period (month or quarter), each indicator's cell counts its claims, the independent sources
behind them, how many rest on one source or are contested, and the newest date; its value is the
sum of its claims' weights by incident status, capped; a risk factor's score is the sum of its
indicators' values times the factor's weight. Pure: claims, statuses and sources in, profiles out.

`RiskMatrix` keeps the profiles and recomputes only the cells a new document touches, so a
desk watching a folder does not redo a million claims for one press release.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from tocsin.corroborate import Incident
from tocsin.framework import risk_factor_of
from tocsin.types import Claim

PRODUCER = "assess.profile@2"

Key = tuple[str, str]  # (area, period)


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
    area: str  # "XVM", or "XVM/North" for a subdivision
    period: str
    cells: dict[str, Cell] = field(default_factory=dict)

    @property
    def country(self) -> str:
        return self.area.split("/", 1)[0]

    @property
    def level(self) -> str:
        return "admin1" if "/" in self.area else "country"

    def factor_scores(self, w: Weights) -> dict[str, float]:
        scores: dict[str, float] = {}
        for ind, cell in self.cells.items():
            rf = risk_factor_of(ind)
            scores[rf] = scores.get(rf, 0.0) + cell.value(w) * w.risk_factors.get(rf, 1.0)
        return {k: round(v, 3) for k, v in sorted(scores.items(), key=lambda kv: int(kv[0][6:]))}

    def score(self, w: Weights) -> float:
        return round(sum(self.factor_scores(w).values()), 3)


def period_of(day: str, granularity: str) -> str:
    year, month = day[:4], int(day[5:7]) if len(day) >= 7 else 1
    return f"{year}-{month:02d}" if granularity == "month" else f"{year}-Q{(month - 1) // 3 + 1}"


def previous_period(period: str) -> str:
    year, rest = int(period[:4]), period[5:]
    if rest.startswith("Q"):
        q = int(rest[1:])
        return f"{year - 1}-Q4" if q == 1 else f"{year}-Q{q - 1}"
    m = int(rest)
    return f"{year - 1}-12" if m == 1 else f"{year}-{m - 1:02d}"


def areas_of(c: Claim) -> set[str]:
    """Where the claimed events happened: each place's country and, where the gazetteer or
    the entities file knows it, its first-level subdivision; else the speaker's state."""
    found: set[str] = set()
    for p in c.places:
        if p.country:
            found.add(p.country)
            if p.admin1:
                found.add(f"{p.country}/{p.admin1}")
    return found or ({c.speaker_country} if c.speaker_country else set())


def day_of(c: Claim) -> str | None:
    """The date a claim's evidence belongs to: when the event happened, else when it was said."""
    return c.when_from or c.doc_date


def statuses(incidents: Iterable[Incident]) -> dict[str, str]:
    return {cid: inc.status for inc in incidents for cid in inc.claims}


class RiskMatrix:
    """Profiles by (area, period), updated claim by claim."""

    def __init__(self, granularity: str = "quarter", weights: Weights | None = None):
        self.granularity = granularity
        self.weights = weights or load_weights()
        self._claims: dict[str, Claim] = {}
        self._status: dict[str, str] = {}
        self._source: dict[str, str] = {}
        self._members: dict[Key, dict[str, None]] = {}  # insertion-ordered claim ids
        self._profiles: dict[Key, Profile] = {}
        self._periods: dict[str, set[str]] = {}  # area -> periods with evidence

    def keys_of(self, c: Claim) -> list[Key]:
        day = day_of(c)
        if not c.risk_indicators or not day or c.stance == "calls_for":
            return []  # demands report no event
        period = period_of(day, self.granularity)
        return [(area, period) for area in sorted(areas_of(c))]

    def update(
        self,
        claims: Iterable[Claim],
        status: Mapping[str, str],
        sources: Mapping[str, str],
        removed: Iterable[str] = (),
    ) -> set[Key]:
        """Add or replace claims, apply incident statuses (only those that changed need be
        given) and drop removed claim ids; returns the (area, period) keys recomputed."""
        touched: set[Key] = set()
        for cid in removed:
            old = self._claims.pop(cid, None)
            if old is not None:
                for key in self.keys_of(old):
                    self._members[key].pop(cid, None)
                    touched.add(key)
        for c in claims:
            old = self._claims.get(c.id)
            if old is not None:
                for key in self.keys_of(old):
                    self._members[key].pop(c.id, None)
                    touched.add(key)
            self._claims[c.id] = c
            self._source[c.id] = sources.get(c.doc_sha256, c.doc_sha256)
            for key in self.keys_of(c):
                self._members.setdefault(key, {})[c.id] = None
                touched.add(key)
        for cid, st in status.items():
            if self._status.get(cid) != st:
                self._status[cid] = st
                claim = self._claims.get(cid)
                if claim is not None:
                    touched.update(self.keys_of(claim))
        for key in touched:
            members = self._members.get(key)
            if members:
                self._profiles[key] = self._build(key, members)
                self._periods.setdefault(key[0], set()).add(key[1])
            else:
                self._profiles.pop(key, None)
                self._members.pop(key, None)
                self._periods.get(key[0], set()).discard(key[1])
        return touched

    def _build(self, key: Key, members: Iterable[str]) -> Profile:
        w = self.weights
        profile = Profile(*key)
        for cid in members:
            c = self._claims[cid]
            st = self._status.get(cid, "single-source")
            weight = w.status.get(st, 0.5)
            latest = c.when_to or day_of(c) or ""
            for ind in c.risk_indicators:
                cell = profile.cells.get(ind)
                if cell is None:
                    cell = profile.cells[ind] = Cell(ind)
                cell.claims.append(cid)
                cell.sources.add(self._source[cid])
                cell.single_source += st in ("single-source", "repeated")
                cell.contested += st == "contested"
                if latest > cell.latest:
                    cell.latest = latest
                cell.raw += weight
        return profile

    def profile(self, key: Key) -> Profile | None:
        return self._profiles.get(key)

    def profiles(self) -> list[Profile]:
        return [self._profiles[k] for k in sorted(self._profiles)]

    def areas(self) -> list[str]:
        return sorted(a for a, periods in self._periods.items() if periods)

    def periods(self, area: str) -> list[str]:
        return sorted(self._periods.get(area, ()))

    def members(self, key: Key) -> list[str]:
        """The claim ids behind one (area, period), in the order they arrived."""
        return list(self._members.get(key, ()))

    def claim(self, cid: str) -> Claim:
        return self._claims[cid]

    def status(self, cid: str) -> str:
        return self._status.get(cid, "single-source")

    def source(self, cid: str) -> str:
        return self._source[cid]


def profiles(
    claims: list[Claim],
    incidents: list[Incident],
    sources: Mapping[str, str],
    granularity: str = "quarter",
    weights: Weights | None = None,
) -> list[Profile]:
    matrix = RiskMatrix(granularity, weights)
    matrix.update(claims, statuses(incidents), sources)
    return matrix.profiles()
