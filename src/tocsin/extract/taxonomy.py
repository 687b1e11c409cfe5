"""The event taxonomy and its mapping to Framework of Analysis indicators (taxonomy.toml)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class EventType:
    name: str
    label: str
    indicators: tuple[str, ...]
    absorbs: frozenset[str]
    units: tuple[str | None, ...] = (None,)  # None: people
    outcomes: bool = False  # counts split into killed / injured
    accusatory: bool = False  # naming another party with this event accuses it

    def counts(self, unit: str | None) -> bool:
        """May a count of `unit` (None: people) be this event's count?"""
        return unit in self.units


@dataclass(frozen=True)
class Taxonomy:
    version: int
    events: dict[str, EventType]
    indicators: dict[str, dict[str, object]]
    risk_factors: dict[str, dict[str, str]]

    @property
    def producer(self) -> str:
        return f"taxonomy@{self.version}"

    def risk_factors_of(self, event: str) -> list[str]:
        return sorted(
            {f"FoA-RF{i.split('-')[1].split('.')[0]}" for i in self.events[event].indicators}
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
        )
        for name, e in data["events"].items()
    }
    return Taxonomy(data["version"], events, data["indicators"], data["risk_factors"])
