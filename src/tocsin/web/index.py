"""Column indexes over the snapshot, so a page's filters cost milliseconds at a million
claims: incidents as integer-coded numpy columns (type, status, month, place, country), and
the claims' words as sorted numpy postings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from tocsin.corroborate import Incident
from tocsin.lang.script import search_keys

Ints = npt.NDArray[np.int32]


@dataclass(frozen=True)
class Located:
    """An incident as the map and its filters need it."""

    incident: Incident
    month: str  # YYYY-MM of its start, "" when undated
    countries: frozenset[str]
    lon: float | None
    lat: float | None
    place: str


def _codes(values: Sequence[str]) -> tuple[list[str], Ints]:
    names = sorted(set(values))
    at = {v: i for i, v in enumerate(names)}
    return names, np.fromiter((at[v] for v in values), np.int32, len(values))


class IncidentIndex:
    def __init__(self, rows: list[Located]) -> None:
        self.rows = rows
        self.events, self.event = _codes([r.incident.event for r in rows])
        self.statuses, self.status = _codes([r.incident.status for r in rows])
        self.months, self.month = _codes([r.month for r in rows])  # "" sorts first: undated
        where = [(r.lon, r.lat) if r.lon is not None and r.lat is not None else None for r in rows]
        places: dict[tuple[float, float], int] = {}
        self.place_rows: list[int] = []  # a row at each place: its label and link
        codes = []
        for i, xy in enumerate(where):
            if xy is None:
                codes.append(-1)
                continue
            key = (round(xy[0], 2), round(xy[1], 2))
            if key not in places:
                places[key] = len(places)
                self.place_rows.append(i)
            codes.append(places[key])
        self.place = np.array(codes, np.int32)
        self.place_xy = list(places)
        members: dict[str, list[int]] = {}
        for i, r in enumerate(rows):
            for code in r.countries:
                members.setdefault(code, []).append(i)
        self.country = {k: np.array(v, np.int32) for k, v in members.items()}

    def select(
        self,
        country: str | None = None,
        event: str | None = None,
        status: str | None = None,
        period_from: str | None = None,
        period_to: str | None = None,
    ) -> Ints:
        """Row numbers of the incidents matching every filter given, in row order."""
        rows: Ints = (
            self.country.get(country, np.empty(0, np.int32))
            if country
            else np.arange(len(self.rows), dtype=np.int32)
        )
        keep = np.ones(len(rows), bool)
        for given, names, column in (
            (event, self.events, self.event),
            (status, self.statuses, self.status),
        ):
            if given:
                keep &= column[rows] == (names.index(given) if given in names else -2)
        if period_from or period_to:
            month = self.month[rows]
            undated = 1 if self.months and self.months[0] == "" else 0
            first = int(np.searchsorted(self.months, period_from[:7])) if period_from else 0
            keep &= month >= max(first, undated)  # an undated incident is in no period
            if period_to:
                keep &= month < np.searchsorted(self.months, period_to[:7], "right")
        out: Ints = rows[keep]
        return out

    def count_by_status(self, rows: Ints) -> dict[str, int]:
        counts = np.bincount(self.status[rows], minlength=len(self.statuses))
        return {s: int(n) for s, n in zip(self.statuses, counts, strict=True) if n}

    def points(self, rows: Ints) -> list[tuple[float, float, int, str, str]]:
        """(lon, lat, incidents, place, link to one of them) for each place with any."""
        codes = self.place[rows]
        counts = np.bincount(codes[codes >= 0], minlength=len(self.place_xy))
        out = []
        for code in np.flatnonzero(counts):
            lon, lat = self.place_xy[code]
            row = self.rows[self.place_rows[code]]
            out.append((lon, lat, int(counts[code]), row.place, f"/incidents/{row.incident.id}"))
        return out


class WordIndex:
    """Each word's positions in a list of texts, as sorted arrays: the texts holding all
    of a query's words come from intersecting them."""

    def __init__(self, texts: Iterable[str]) -> None:
        found: dict[str, list[int]] = {}
        for i, text in enumerate(texts):
            for w in search_keys(text):
                slot = found.get(w)
                if slot is None:
                    found[w] = [i]
                else:
                    slot.append(i)
        self.postings = {w: np.array(v, np.int32) for w, v in found.items()}

    def matching(self, query: str) -> Ints:
        words = search_keys(query, query=True)
        if not words:
            return np.empty(0, np.int32)
        lists = sorted((self.postings.get(w, np.empty(0, np.int32)) for w in words), key=len)
        out = lists[0]
        for more in lists[1:]:
            out = np.intersect1d(out, more, assume_unique=True)
        return out
