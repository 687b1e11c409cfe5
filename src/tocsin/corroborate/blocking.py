"""Which pairs of claims could describe one incident, without comparing every pair.

Two claims can match only if they share an event type and either share a town, come from the
same document, or both have dates that overlap (and, when both are located, a country). So the
candidates are found through three indexes: by town, by document, and by date within event
and country. Every pair `incidents._match` could accept is among them, so grouping gives the
same incidents as comparing all pairs (a test checks it), at a cost that grows with the
number of claims rather than its square.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from typing import Protocol

from tocsin.types import Claim

# Claims spanning longer than this are few ("since 1991"); they are compared with every
# dated claim of their group instead of through the date window.
_LONG = timedelta(days=62)


class Where(Protocol):
    @property
    def span(self) -> tuple[date, date] | None: ...
    @property
    def towns(self) -> frozenset[str]: ...
    @property
    def countries(self) -> frozenset[str]: ...


def candidate_pairs(
    facts: Sequence[Claim], where: Sequence[Where], slack_days: int
) -> Iterator[tuple[int, int]]:
    """(i, j) with i < j, in ascending order: the pairs worth passing to `_match`.
    `where[i]` is claim i's dates, towns and countries."""
    slack = timedelta(days=slack_days)
    n = len(facts)
    by_event: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(facts):
        by_event[c.event].append(i)
    found: set[int] = set()  # pair (i, j), i < j, as i * n + j: cheap to keep and to sort
    for members in by_event.values():
        towns: dict[str, list[int]] = defaultdict(list)
        docs: dict[str, list[int]] = defaultdict(list)
        by_country: dict[str, list[int]] = defaultdict(list)
        nowhere: list[int] = []  # no place at all, not even a country
        for i in members:
            w = where[i]
            for k in w.towns:
                towns[k].append(i)
            docs[facts[i].doc_sha256].append(i)
            for k in w.countries:
                by_country[k].append(i)
            if not w.countries:
                nowhere.append(i)
        for group in towns.values():  # one town: one country; dates must overlap
            _within(group, where, slack, found, n, None, undated_too=True)
        for group in docs.values():
            _within(group, where, slack, found, n, None, undated_too=True, check=True)
        # a dated claim with no town may be any dated claim of its event and country (an
        # undated one shares nothing with it to tell: only its own document's, paired above)
        unlocated = {i for i in members if not where[i].towns}
        for group in by_country.values():
            _within(group + nowhere, where, slack, found, n, unlocated.__contains__)
        if nowhere:  # no country either: any dated claim of the event
            _within(members, where, slack, found, n, set(nowhere).__contains__)
    for pair in sorted(found):
        yield divmod(pair, n)


def _within(
    group: list[int],
    where: Sequence[Where],
    slack: timedelta,
    found: set[int],
    n: int,
    seeks: Callable[[int], bool] | None,
    undated_too: bool = False,
    check: bool = False,
) -> None:
    """Pairs in `group` led by a member for which `seeks` holds (None: every member): with
    the dated members whose dates overlap its own (within the slack) and, if `undated_too`,
    with undated members (an undated seeker then pairs with all). `check`: only pairs whose
    countries can meet."""
    if len(group) < 2:
        return

    def add(i: int, j: int) -> None:
        if i != j and (not check or _countries_meet(where[i], where[j])):
            found.add(i * n + j if i < j else j * n + i)

    if len(group) <= 4 and undated_too and seeks is None:
        # most documents and towns: every pair costs less than an index (_match sorts them)
        for a, i in enumerate(group):
            for j in group[a + 1 :]:
                add(i, j)
        return
    undated = [i for i in group if where[i].span is None] if undated_too else []
    short: list[tuple[date, int, date]] = []
    long: list[tuple[int, date, date]] = []
    for i in group:
        s = where[i].span
        if s is not None:
            if s[1] - s[0] <= _LONG:
                short.append((s[0], i, s[1]))
            else:
                long.append((i, s[0], s[1]))
    short.sort()
    starts = [d for d, _, _ in short]
    if seeks is None:
        _all_pairs(short, starts, long, undated, group, slack, add)
        return
    widest = max((e0 - s0 for s0, _, e0 in short), default=timedelta(0))
    for i in group:
        if not seeks(i):
            continue
        own = where[i].span
        if own is None:
            if not undated_too:
                continue
            near = group
        else:
            start, end = own
            lo = bisect.bisect_left(starts, start - slack - widest)
            hi = bisect.bisect_right(starts, end + slack)
            near = [j for _, j, e0 in short[lo:hi] if e0 + slack >= start]
            near += [j for j, s0, e0 in long if s0 <= end + slack and e0 + slack >= start]
            near += undated
        for j in near:
            add(i, j)


def _all_pairs(
    short: list[tuple[date, int, date]],
    starts: list[date],
    long: list[tuple[int, date, date]],
    undated: list[int],
    group: list[int],
    slack: timedelta,
    add: Callable[[int, int], None],
) -> None:
    """Every overlapping pair of the group, each met once: a short span pairs with those
    starting after it (in `short`'s order) up to its end and the slack, which is all of them
    since a later start cannot end before an earlier one starts."""
    for a, (_, i, end) in enumerate(short):
        for _, j, _ in short[a + 1 : bisect.bisect_right(starts, end + slack, a + 1)]:
            add(i, j)
    for b, (i, s0, e0) in enumerate(long):
        for s1, j, e1 in short:
            if s1 <= e0 + slack and e1 + slack >= s0:
                add(i, j)
        for j, s1, e1 in long[b + 1 :]:
            if s1 <= e0 + slack and e1 + slack >= s0:
                add(i, j)
    for u in undated:  # an undated member pairs with every member
        for j in group:
            add(u, j)


def _countries_meet(a: Where, b: Where) -> bool:
    return not (a.countries and b.countries) or bool(a.countries & b.countries)
