"""Risk profiles: the evidence matrix first, the score second.

For each area (a country, and each first-level subdivision where the claims' places are known;
where a claim belongs is decided by assess/areas.py) and period (month or quarter), each
indicator's cell counts its claims, the independent sources behind them (each claim's own
source: corroborate/sources.py), which of those are parties to a conflict, how many rest on one
source or are contested, and the newest date; its value is the sum of its claims' weights by
incident status, capped; a risk factor's score is the sum of its indicators' values times the
factor's weight. Pure: claims, statuses and sources in, profiles out.

`RiskMatrix` keeps the profiles and recomputes only the cells a new document touches, so a
desk watching a folder does not redo a million claims for one press release.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from tocsin.assess.areas import place_areas, where_of
from tocsin.corroborate import Incident, claim_party, claim_source
from tocsin.framework import risk_factor_of
from tocsin.gcpause import paused
from tocsin.types import Claim

PRODUCER = "assess.profile@3"  # 3: areas by areas.py (never the speaker), parties

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
    parties: set[str] = field(default_factory=set)  # those of `sources` that are parties

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
        return level_of(self.area)

    def factor_scores(self, w: Weights) -> dict[str, float]:
        scores: dict[str, float] = {}
        for ind, cell in self.cells.items():
            rf = risk_factor_of(ind)
            scores[rf] = scores.get(rf, 0.0) + cell.value(w) * w.risk_factors.get(rf, 1.0)
        return {k: round(v, 3) for k, v in sorted(scores.items(), key=lambda kv: int(kv[0][6:]))}

    def score(self, w: Weights) -> float:
        return round(sum(self.factor_scores(w).values()), 3)

    def sources(self) -> set[str]:
        return {s for cell in self.cells.values() for s in cell.sources}

    def one_party(self) -> str | None:
        return one_party(self.cells.values())


def one_party(cells: Iterable[Cell]) -> str | None:
    """The party to a conflict all this evidence comes from, when it comes from one party
    alone (one source, a state or an armed group); else None."""
    sources: set[str] = set()
    parties: set[str] = set()
    for cell in cells:
        sources |= cell.sources
        parties |= cell.parties
    return next(iter(sources)) if len(sources) == 1 and sources == parties else None


def level_of(area: str) -> str:
    """ "XVM" is a country; "XVM/Dravin Valley" a first-level subdivision of one."""
    return "admin1" if "/" in area else "country"


def period_of(day: str, granularity: str) -> str:
    year, month = day[:4], int(day[5:7]) if len(day) >= 7 else 1
    return f"{year}-{month:02d}" if granularity == "month" else f"{year}-Q{(month - 1) // 3 + 1}"


def months_of(quarter: str) -> list[str]:
    q = int(quarter[6])
    return [f"{quarter[:4]}-{m:02d}" for m in range(3 * q - 2, 3 * q + 1)]


def merge(area: str, period: str, parts: Iterable[Profile]) -> Profile:
    """One profile from those of consecutive periods (months into a quarter)."""
    cells: dict[str, Cell] = {}
    for part in parts:
        for ind, c in part.cells.items():
            cell = cells.get(ind)
            if cell is None:
                cell = cells[ind] = Cell(ind)
            cell.claims += c.claims
            cell.sources |= c.sources
            cell.single_source += c.single_source
            cell.contested += c.contested
            cell.latest = max(cell.latest, c.latest)
            cell.raw += c.raw
            cell.parties |= c.parties
    return Profile(area, period, cells)


def previous_period(period: str) -> str:
    year, rest = int(period[:4]), period[5:]
    if rest.startswith("Q"):
        q = int(rest[1:])
        return f"{year - 1}-Q4" if q == 1 else f"{year}-Q{q - 1}"
    m = int(rest)
    return f"{year - 1}-12" if m == 1 else f"{year}-{m - 1:02d}"


@lru_cache(maxsize=1 << 16)
def _period(day: str, granularity: str) -> str:
    return period_of(day, granularity)


def _latest(c: Claim) -> str:
    return c.when_to or c.when_from or c.doc_date or ""


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
        self._source: dict[str, str] = {}  # claim id -> its source's label (for independence)
        self._party: dict[str, str] = {}  # claim id -> the party it comes from, if a party
        self._unplaced: dict[str, None] = {}  # evidence with no area (areas.where_of says why)
        self._latest: dict[str, str] = {}  # claim id -> its latest date (_latest)
        self._members: dict[Key, dict[str, None]] = {}  # insertion-ordered claim ids
        self._profiles: dict[Key, Profile] = {}
        self._periods: dict[str, set[str]] = {}  # area -> periods with evidence
        self._keys: dict[str, list[Key]] = {}  # claim id -> the cells it is in

    def keys_of(
        self, c: Claim, seen: dict[tuple[int, ...], tuple[str, ...]] | None = None
    ) -> list[Key]:
        """The cells a claim is in. `seen`: areas by the identity of place objects, for a
        bulk update where many claims share them (cheaper than hashing the places)."""
        day = day_of(c)
        if not c.risk_indicators or not day or c.stance == "calls_for":
            return []  # demands report no event
        period = _period(day, self.granularity)
        areas: tuple[str, ...] | None = None
        if seen is not None and c.places:
            where = tuple(map(id, c.places))
            areas = seen.get(where)
            if areas is None:
                areas = seen[where] = place_areas(c.places)
        if not areas:  # no place, or none with a country: the one rule decides (areas.py)
            areas = where_of(c).areas
        return [(area, period) for area in areas]

    def update(
        self,
        claims: Iterable[Claim],
        status: Mapping[str, str],
        sources: Mapping[str, str],
        removed: Iterable[str] = (),
    ) -> set[Key]:
        """Add or replace claims, apply incident statuses (only those that changed need be
        given) and drop removed claim ids; returns the (area, period) keys recomputed."""
        with paused():
            return self._update(claims, status, sources, removed)

    def _update(
        self,
        claims: Iterable[Claim],
        status: Mapping[str, str],
        sources: Mapping[str, str],
        removed: Iterable[str],
    ) -> set[Key]:
        touched: set[Key] = set()
        keys, members = self._keys, self._members
        for cid in removed:
            self._source.pop(cid, None)
            self._party.pop(cid, None)
            self._unplaced.pop(cid, None)
            self._latest.pop(cid, None)
            if self._claims.pop(cid, None) is not None:
                for key in keys.pop(cid):
                    members[key].pop(cid, None)
                    touched.add(key)
        # A first build (a million claims) takes the quick way: every cell it fills is new,
        # and claims naming the same places (the same objects) share one lookup of areas.
        fresh = not self._claims
        own, source_of, party_of, latest_of = self._claims, self._source, self._party, self._latest
        areas_of: dict[tuple[int, ...], tuple[str, ...]] = {}
        for c in claims:
            cid = c.id
            for key in keys.get(cid, ()):  # a claim replaced: out of its old cells
                members[key].pop(cid, None)
                touched.add(key)
            own[cid] = c
            label = sources.get(c.doc_sha256, c.doc_sha256)
            source_of[cid] = claim_source(c, label)
            party = claim_party(c, label)
            if party is None:
                party_of.pop(cid, None)
            else:
                party_of[cid] = party
            latest_of[cid] = _latest(c)
            mine = keys[cid] = self.keys_of(c, areas_of)
            if mine or not c.risk_indicators or not day_of(c) or c.stance == "calls_for":
                self._unplaced.pop(cid, None)
            else:
                self._unplaced[cid] = None
            for key in mine:
                found = members.get(key)
                if found is None:
                    members[key] = {cid: None}
                else:
                    found[cid] = None
            if not fresh:
                touched.update(mine)
        current = self._status
        if fresh:
            touched.update(members)
            current.update(status)  # every cell is touched already
        else:
            for cid, st in status.items():
                if current.get(cid) != st:
                    current[cid] = st
                    touched.update(keys.get(cid, ()))
        for key in touched:
            ids = members.get(key)
            if ids:
                self._profiles[key] = self._build(key, ids)
                self._periods.setdefault(key[0], set()).add(key[1])
            else:
                self._profiles.pop(key, None)
                self._members.pop(key, None)
                self._periods.get(key[0], set()).discard(key[1])
        return touched

    def _build(self, key: Key, members: Iterable[str]) -> Profile:
        # map() and Counter keep the per-claim loops in C: this runs for every cell a
        # million claims fill
        claims, source_of, latest_of, party_of = (
            self._claims,
            self._source,
            self._latest,
            self._party,
        )
        status_of = self._status.get
        weight_of = self.weights.status
        by_indicator: dict[str, list[str]] = {}
        for cid in members:
            for ind in claims[cid].risk_indicators:
                found = by_indicator.get(ind)
                if found is None:
                    by_indicator[ind] = [cid]
                else:
                    found.append(cid)
        cells = {}
        for ind, ids in by_indicator.items():
            st: dict[str, int] = {}
            for x, n in Counter(map(status_of, ids)).items():
                k = x or "single-source"  # no incident status given: single-source
                st[k] = st.get(k, 0) + n
            cells[ind] = Cell(
                ind,
                ids,
                set(map(source_of.__getitem__, ids)),
                st.get("single-source", 0) + st.get("repeated", 0),
                st.get("contested", 0),
                max(map(latest_of.__getitem__, ids)),
                sum(weight_of.get(x, 0.5) * n for x, n in st.items()),
                {party_of[c] for c in ids if c in party_of},
            )
        return Profile(key[0], key[1], cells)

    def quarters(self, keys: Iterable[Key] | None = None) -> list[Profile]:
        """Quarterly profiles rolled up from a monthly matrix (all, or those containing the
        given monthly keys): a claim belongs to one month, so the sums are exact and cost
        the number of cells, not of claims."""
        if self.granularity != "month":
            raise ValueError("quarters are rolled up from a monthly matrix")
        with paused():
            return self._quarters(keys)

    def _quarters(self, keys: Iterable[Key] | None) -> list[Profile]:
        wanted = {
            (a, period_of(p, "quarter")) for a, p in (keys if keys is not None else self._profiles)
        }
        out = []
        for area, quarter in sorted(wanted):
            months = [self._profiles.get((area, m)) for m in months_of(quarter)]
            parts = [p for p in months if p is not None]
            if parts:
                out.append(merge(area, quarter, parts))
        return out

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

    def claims(self) -> list[Claim]:
        return list(self._claims.values())

    def status(self, cid: str) -> str:
        return self._status.get(cid, "single-source")

    def source(self, cid: str) -> str:
        return self._source[cid]

    def party(self, cid: str) -> str | None:
        """The party to a conflict the claim comes from (corroborate.claim_party), if any."""
        return self._party.get(cid)

    def unplaced(self) -> list[str]:
        """Claims that would be evidence but have no area (areas.where_of says why): in no
        area's profile, and said so rather than filed under a guess."""
        return list(self._unplaced)


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
