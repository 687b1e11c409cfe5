"""The claims a new document's claims could be grouped with, for incremental recomputation.

Claims match only within one event type, and located claims only within a shared country
(incidents._match), so the incidents a new claim can join are made of claims of its event
type located in its countries, or not located at all. `Neighbourhoods` keeps that index as
claims arrive; re-grouping a neighbourhood costs thousands of claims, not millions.

The full recomputation stays the reference: an incident whose claims reach into another
country through an unlocated claim is re-grouped whole only by a full run (what `tocsin
alerts` and `tocsin watch` do); a neighbourhood sees the part of it that touches the new claims.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from tocsin.types import Claim

_NOWHERE = ""


class Neighbourhoods:
    def __init__(self, claims: Iterable[Claim] = ()) -> None:
        self._blocks: dict[tuple[str, str], dict[str, Claim]] = defaultdict(dict)
        self.add(claims)

    @staticmethod
    def _keys(c: Claim) -> list[tuple[str, str]]:
        countries = {p.country for p in c.places if p.country}
        return [(c.event, k) for k in sorted(countries)] or [(c.event, _NOWHERE)]

    def add(self, claims: Iterable[Claim]) -> None:
        for c in claims:
            for key in self._keys(c):
                self._blocks[key][c.id] = c

    def around(self, claims: Iterable[Claim]) -> list[Claim]:
        """Every stored claim (the given ones included, once added) that could share an
        incident with one of `claims`. Denials go with the event types they may contest."""
        wanted: set[tuple[str, str]] = set()
        for c in claims:
            for event, country in self._keys(c):
                events = {event} if event != "denial" else {e for e, _ in self._blocks}
                for e in events:
                    wanted.update({(e, country), (e, _NOWHERE)} if country else set())
                    if not country:  # unlocated: any country of its event type
                        wanted.update(k for k in self._blocks if k[0] == e)
        out: dict[str, Claim] = {}
        for key in sorted(wanted):
            out.update(self._blocks.get(key, {}))
        # denials in the same countries contest these incidents: bring them along
        for country in {k[1] for k in wanted}:
            out.update(self._blocks.get(("denial", country), {}))
        return list(out.values())
