"""What to re-group when a new document arrives, for incremental recomputation.

An incident is a connected group of matching claims, so new claims can only change the
incidents of the claims they match, which incident a report naming no town fits, and a
source's series. `Neighbourhoods` indexes claims by event and town, by event, country and day,
by document and by source; `around(new, incident_of)` returns what the new claims can change
and what that depends on (see its docstring), and re-grouping that set gives the incidents a
full run gives (tests/test_corroborate.py checks it on random corpora), at the cost of a few
incidents rather than of the store. Only an analyst's split, applied in the order claims are
met, can make the two differ; `tocsin watch` rebuilds in full whenever analysts regroup.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta

from tocsin.corroborate.incidents import Incident, Rules, _match, _Where, _where
from tocsin.corroborate.sources import claim_source
from tocsin.types import Claim

_NOWHERE = ""


_LONG = timedelta(days=62)  # longer spans are few: kept in a list, not under every day


def _days(start: date, end: date) -> Iterable[date]:
    for n in range((end - start).days + 1):
        yield start + timedelta(days=n)


class Neighbourhoods:
    def __init__(
        self,
        claims: Iterable[Claim] = (),
        sources: Mapping[str, str] | None = None,
        rules: Rules | None = None,
    ) -> None:
        self.rules = rules or Rules()
        self._sources: dict[str, str] = dict(sources or {})
        # claims naming no town, or no date, by event and source: a source repeating a
        # figure makes a series of them (incidents._merge_series)
        self._series: dict[tuple[str, str], list[str]] = defaultdict(list)
        self._claims: dict[str, Claim] = {}
        self._towns: dict[tuple[str, str], list[str]] = defaultdict(list)
        # by event, country and day (within the slack): every dated claim, and those that
        # name no town; claims spanning months ("since 2020") by event and country
        self._by_day: dict[tuple[str, str, date], list[str]] = defaultdict(list)
        self._townless: dict[tuple[str, str, date], list[str]] = defaultdict(list)
        self._long: dict[tuple[str, str], list[str]] = defaultdict(list)
        self._long_townless: dict[tuple[str, str], list[str]] = defaultdict(list)
        self._wheres: dict[str, _Where] = {}
        self._denials: dict[str, list[str]] = defaultdict(list)  # by country
        self._docs: dict[str, list[str]] = defaultdict(list)
        self.add(claims)

    def add(self, claims: Iterable[Claim], sources: Mapping[str, str] | None = None) -> None:
        self._sources.update(sources or {})
        slack = timedelta(days=self.rules.time_slack_days)
        for c in claims:
            if c.id in self._claims:
                continue
            self._claims[c.id] = c
            w = self._wheres[c.id] = _where(c)
            if c.event == "denial":
                for k in w.countries or {_NOWHERE}:
                    self._denials[k].append(c.id)
                continue
            self._docs[c.doc_sha256].append(c.id)
            if (not w.towns or w.span is None) and self._could_be_series(c):
                self._series[(c.event, self._source(c))].append(c.id)
            for k in w.towns:
                self._towns[(c.event, k)].append(c.id)
            if w.span is None:
                continue
            for k in w.countries or {_NOWHERE}:
                if w.span[1] - w.span[0] > _LONG:
                    self._long[(c.event, k)].append(c.id)
                    if not w.towns:
                        self._long_townless[(c.event, k)].append(c.id)
                    continue
                for day in _days(w.span[0] - slack, w.span[1] + slack):
                    self._by_day[(c.event, k, day)].append(c.id)
                    if not w.towns:
                        self._townless[(c.event, k, day)].append(c.id)

    def around(self, new: Iterable[Claim], incident_of: Mapping[str, Incident]) -> list[Claim]:
        """The new claims and what they can change, with what that depends on: what to
        re-group so that the result is the full run's.

        1. Changed: the new claims and every claim of the incidents they match (those
           incidents may join, through them, and grow).
        2. Reports naming no town that match a changed claim: which group they fit may have
           changed (they join the one group with towns they fit, or none). Their incidents,
           and every incident they match, come too, whole, so that their fit is judged on
           everything it was judged on before; those are not searched further, because
           nothing in them has changed.
        3. A source's series (incidents._merge_series) that a changed claim may make or
           join, and the denials of the countries concerned."""
        out: dict[str, Claim] = {}

        def take(cid: str) -> list[str]:
            incident = incident_of.get(cid)
            ids = [m for m in (incident.claims if incident else [cid]) if m in self._claims]
            out.update((m, self._claims[m]) for m in ids)
            return ids

        changed: dict[str, Claim] = {c.id: c for c in new}
        for c in list(changed.values()):
            w = self._w(c)
            for other in self._partners(c, w, everything=True):
                changed.update((m, self._claims[m]) for m in take(other.id))
        out.update(changed)
        for c in list(changed.values()):
            for cid in self._series_partners(c, self._w(c)):
                take(cid)
        # A claim in `out` came with its whole incident (or is new): matching it again adds
        # nothing, and in a dense corpus most candidates are such, so they are not matched.
        townless: dict[str, Claim] = {}
        for c in changed.values():
            w = self._w(c)
            if w.towns:  # the reports naming no town it matches (its document's may name one)
                for other in self._partners(c, w, False, townless.__contains__):
                    if not self._w(other).towns:
                        townless[other.id] = other
                continue
            for other in self._partners(  # a changed report naming no town: every group it fits
                c, w, True, lambda cid: cid in out and (cid in townless or self._towned(cid))
            ):
                if not self._w(other).towns:
                    townless[other.id] = other
                take(other.id)
        for u in townless.values():
            take(u.id)
            for other in self._partners(u, self._w(u), True, out.__contains__):
                take(other.id)
        for c in list(out.values()):
            for k in (*self._w(c).countries, _NOWHERE):
                out.update((d, self._claims[d]) for d in self._denials.get(k, ()))
        return list(out.values())

    def _w(self, c: Claim) -> _Where:
        found = self._wheres.get(c.id)
        return found if found is not None else _where(c)

    def _could_be_series(self, c: Claim) -> bool:
        """A figure large enough to be a standing tally (Rules.series_min_figure), allowing
        for the tolerance: only such claims can make or join a series."""
        value = c.count.value if c.count else None
        low = self.rules.series_min_figure * (1 - self.rules.series_tolerance)
        return value is not None and value >= low

    def _series_partners(self, c: Claim, w: _Where) -> list[str]:
        """For a claim naming no town or no date, with a tally: the claims its source's
        series could join."""
        if (w.towns and w.span is not None) or not self._could_be_series(c):
            return []
        return [cid for cid in self._series.get((c.event, self._source(c)), ()) if cid != c.id]

    def _source(self, c: Claim) -> str:
        return claim_source(c, self._sources.get(c.doc_sha256, c.doc_sha256))

    def _towned(self, cid: str) -> bool:
        return bool(self._wheres[cid].towns)

    def _partners(
        self,
        c: Claim,
        w: _Where,
        everything: bool,
        known: Callable[[str], bool] = lambda _: False,
    ) -> Iterable[Claim]:
        """Stored claims that match `c`: all of them, or only those naming no town; claims
        `known` already are left out without being matched."""
        candidates: set[str] = set(self._docs.get(c.doc_sha256, ()))
        if everything:
            for k in w.towns:
                candidates.update(self._towns.get((c.event, k), ()))
        if w.span is not None:
            days, longs = (
                (self._by_day, self._long) if everything else (self._townless, self._long_townless)
            )
            if w.countries:
                countries: Iterable[str] = (*w.countries, _NOWHERE)
            else:  # a claim in no country: any country's
                countries = {k for _, k in longs} | {k for _, k, _ in days} | {_NOWHERE}
            for k in countries:
                candidates.update(longs.get((c.event, k), ()))
                for day in _days(w.span[0], w.span[1]):
                    candidates.update(days.get((c.event, k, day), ()))
        wheres = self._wheres
        for cid in candidates:
            if cid == c.id or known(cid):
                continue
            other = self._claims[cid]
            if _match(c, other, self.rules, w, wheres[cid]):
                yield other
