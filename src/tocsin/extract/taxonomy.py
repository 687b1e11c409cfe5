"""The event taxonomy and its mapping to Framework of Analysis indicators (taxonomy.toml)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tocsin import framework

INCIDENTS = "incidents"  # the unit of a count of occurrences of an event, of any type


@dataclass(frozen=True)
class EventType:
    name: str
    label: str
    indicators: tuple[str, ...]
    absorbs: frozenset[str]
    units: tuple[str | None, ...] = (None,)  # None: people
    outcomes: bool = False  # counts split into killed / injured
    accusatory: bool = False  # naming another party with this event accuses it
    frames: frozenset[str] = frozenset()  # absorbed across a whole clause, not one phrase

    def counts(self, unit: str | None) -> bool:
        """May a count of `unit` (None: people) be this event's count? Every event may be
        counted in incidents ("842 cases of recruitment", "31 such incidents")."""
        return unit in self.units or unit == INCIDENTS

    def indicators_for(self, group: str | None) -> tuple[str, ...]:
        """The indicators a claim of this type evidences: those of the risk factors about
        protected groups only when the claim names the group targeted."""
        if group:
            return self.indicators
        factors = framework.load().risk_factors
        return tuple(
            i for i in self.indicators if not factors[framework.risk_factor_of(i)].protected_group
        )


@dataclass(frozen=True)
class Taxonomy:
    version: int
    events: dict[str, EventType]

    @property
    def producer(self) -> str:
        return f"taxonomy@{self.version}"

    def risk_factors_of(self, event: str) -> list[str]:
        return sorted(
            {framework.risk_factor_of(i) for i in self.events[event].indicators},
            key=lambda rf: int(rf.removeprefix("FoA-RF")),
        )


@cache
def load() -> Taxonomy:
    with (Path(__file__).parent / "taxonomy.toml").open("rb") as fh:
        data = tomllib.load(fh)
    events = {
        name: EventType(
            name,
            e["label"],
            tuple(e.get("indicators", ())),
            frozenset(e.get("absorbs", ())),
            tuple(None if u == "people" else u for u in e.get("units", ["people"])),
            bool(e.get("outcomes", False)),
            bool(e.get("accusatory", False)),
            frozenset(e.get("frames", ())),
        )
        for name, e in data["events"].items()
    }
    known = framework.load().indicators
    for e in events.values():
        unknown = [i for i in e.indicators if i not in known]
        if unknown:  # a typo here would silently drop evidence from every profile
            raise ValueError(f"taxonomy.toml: {e.name} maps to unknown indicators {unknown}")
    return Taxonomy(data["version"], events)
