"""The UN Framework of Analysis for Atrocity Crimes as Tocsin catalogues it (framework.toml).

Reference data shared by extraction (which indicators a claim evidences) and assessment (how
evidence is grouped and scored). Ids follow the Framework's numbering: "FoA-RF10" is risk
factor 10, "FoA-10.2" its second indicator.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class Indicator:
    id: str
    risk_factor: str
    text: str  # the project's paraphrase, not UN text
    checked: bool  # numbering and meaning checked against a source reproducing the Framework
    from_text: bool  # claims extracted from documents can evidence it


@dataclass(frozen=True)
class RiskFactor:
    id: str
    number: int
    name: str
    scope: str  # common | genocide | crimes against humanity | war crimes
    kind: str  # structural | dynamic | trigger
    checked: bool
    protected_group: bool  # only claims naming the targeted group evidence it
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class Framework:
    version: int
    risk_factors: dict[str, RiskFactor]
    indicators: dict[str, Indicator]

    @property
    def producer(self) -> str:
        return f"framework@{self.version}"


def risk_factor_of(indicator: str) -> str:
    """ "FoA-10.2" -> "FoA-RF10"."""
    return f"FoA-RF{indicator.split('-')[1].split('.')[0]}"


@cache
def load() -> Framework:
    with (Path(__file__).parent / "framework.toml").open("rb") as fh:
        data = tomllib.load(fh)
    factors: dict[str, RiskFactor] = {}
    indicators: dict[str, Indicator] = {}
    for rid, rf in data["risk_factors"].items():
        inds = tuple(
            Indicator(iid, rid, i["text"], bool(i["checked"]), i.get("evidence") == "text")
            for iid, i in rf["indicators"].items()
        )
        factors[rid] = RiskFactor(
            rid,
            int(rid.removeprefix("FoA-RF")),
            rf["name"],
            rf["scope"],
            rf["kind"],
            bool(rf["checked"]),
            bool(rf.get("protected_group", False)),
            inds,
        )
        indicators.update((i.id, i) for i in inds)
    return Framework(data["version"], factors, indicators)
