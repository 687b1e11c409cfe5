"""Risk profiles: exact cells by construction, and the seeds' one-party evidence shown as such."""

from __future__ import annotations

import json
from pathlib import Path

from tocsin.assess import load_weights, profiles
from tocsin.corroborate import corroborate
from tocsin.types import Claim, Count, Place

from .conftest import Run, seed_paths

KESSA = Place("Kessa", "XVM", 41.8, 44.2, "user:Kessa")


def claim(
    cid: str, doc: str, event: str, indicators: tuple[str, ...], when: str, place: Place = KESSA
) -> Claim:
    return Claim(
        id=cid,
        doc_sha256=doc,
        sentence=0,
        start=0,
        end=1,
        quote="q",
        event=event,
        stance="asserts",
        count=Count(None, "unquantified"),
        when_from=when,
        when_to=when,
        places=(place,),
        risk_indicators=indicators,
        speaker_country="XVM",
        doc_date=when,
    )


def test_cells_and_scores_are_right_by_construction() -> None:
    sources = {"a": "XVM", "b": "UN", "c": "XVM"}
    found = [
        claim("k1", "a", "killing", ("FoA-10.2", "FoA-11.1"), "2024-02-12"),
        claim("k2", "b", "killing", ("FoA-10.2", "FoA-11.1"), "2024-02-12"),  # corroborates k1
        claim("g1", "c", "hate_speech", ("FoA-10.1",), "2024-03-20"),  # one source
        claim(
            "old",
            "a",
            "killing",
            ("FoA-10.2",),
            "2023-11-02",
            place=Place("Lorn", "XVM", 1.0, 2.0, "user:Lorn"),
        ),
    ]
    incidents = corroborate(found, sources)
    w = load_weights()
    (q4, q1) = profiles(found, incidents, sources, "quarter")
    assert (q4.country, q4.period, q1.period) == ("XVM", "2023-Q4", "2024-Q1")
    cell = q1.cells["FoA-10.2"]
    assert (sorted(cell.claims), sorted(cell.sources), cell.single_source, cell.contested) == (
        ["k1", "k2"],
        ["UN", "XVM"],
        0,
        0,
    )
    assert cell.value(w) == 2.0  # two corroborated claims × 1.0
    assert q1.cells["FoA-10.1"].value(w) == 0.5 and q1.cells["FoA-10.1"].single_source == 1
    # RF10 = (2.0 + 0.5) × 1.5 ; RF11 = 2.0 × 1.25
    assert q1.factor_scores(w) == {"FoA-RF10": 3.75, "FoA-RF11": 2.5}
    assert q1.score(w) == 6.25
    assert q4.score(w) == 0.75  # one single-source claim × 0.5 × 1.5


def test_the_seeds_profile_shows_one_party_and_single_source_evidence(
    run: Run, seeds: Path
) -> None:
    run("ingest", *seed_paths(seeds))
    rows = json.loads(run("risk", "AZE", "--format", "json").stdout)
    assert rows
    # every cell rests on the parties' word (Azerbaijan's, and the allegation of Armenia's
    # it quotes to reject), and a period that only Azerbaijan speaks for says so
    assert all(set(r["sources"]) <= {"AZE", "ARM"} for r in rows)
    # none corroborated: each claim rests on one source, or on one denied by the other party
    # (the allegation Azerbaijan quotes to reject is Armenia's claim, contested by the denial)
    assert all(r["single_source"] + r["contested"] == r["n_claims"] for r in rows)
    periods = {r["period"] for r in rows}
    alone = {p for p in periods if all(r["sources"] == ["AZE"] for r in rows if r["period"] == p)}
    assert alone and all(r["one_party"] == "AZE" for r in rows if r["period"] in alone)
    assert all(r["one_party"] is None for r in rows if r["period"] not in alone)
    assert {r["weights"] for r in rows} == {"weights@1"}
    for r in rows:  # the printed numbers recompute
        assert r["value"] == min(r["raw"], 3.0)
