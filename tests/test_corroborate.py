"""Incidents: same event, overlapping time and place, across independent sources."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tocsin.corroborate import corroborate
from tocsin.types import Claim, Count, Place, Source

from .conftest import EXAMPLES, Run, seed_paths

KESSA = Place("Kessa", "XVM", 41.8, 44.2, "user:Kessa")
SARN = Place("Sarn", "XAS", 42.0, 44.7, "user:Sarn")
_n = 0


def claim(
    doc: str,
    event: str = "killing",
    value: int | None = None,
    qualifier: str = "exact",
    when: str | None = "2024-02-12",
    place: Place | None = KESSA,
    stance: str = "asserts",
    speaker_country: str | None = "XVM",
    other_events: tuple[str, ...] = (),
    claimed_by: tuple[str, ...] = (),
    doc_date: str = "2024-03-01",
) -> Claim:
    global _n
    _n += 1
    count = Count(value, qualifier) if value is not None else Count(None, "unquantified")  # type: ignore[arg-type]
    return Claim(
        id=f"c{_n:04d}",
        doc_sha256=doc,
        sentence=0,
        start=0,
        end=1,
        quote="q",
        event=event,
        stance=stance,
        count=count,
        when_from=when,
        when_to=when,
        places=(place,) if place else (),
        speaker_country=speaker_country,
        other_events=other_events,
        claimed_by=claimed_by,
        doc_date=doc_date,
    )


SOURCES = {
    "d-velmora": "XVM",
    "d-velmora2": "XVM",
    "d-ngo": "Dravin Watch",
    "d-un": "UN",
    "d-astrel": "XAS",
}


def test_one_source_one_document_is_single_source() -> None:
    (inc,) = corroborate([claim("d-velmora", value=23)], SOURCES)
    assert (inc.status, inc.sources, inc.count) == (
        "single-source",
        ["XVM"],
        {"low": 23, "best": 23, "high": 23},
    )


def test_one_source_in_several_documents_is_repeated_not_corroborated() -> None:
    (inc,) = corroborate([claim("d-velmora", value=23), claim("d-velmora2", value=23)], SOURCES)
    assert inc.status == "repeated" and inc.sources == ["XVM"]


def test_independent_sources_agreeing_corroborate_and_counts_reconcile() -> None:
    found = [
        claim("d-velmora", value=23),
        claim("d-ngo", value=22),
        claim("d-un", value=20, qualifier="at_least"),
    ]
    (inc,) = corroborate(found, SOURCES)
    assert inc.status == "corroborated"
    assert inc.sources == ["Dravin Watch", "UN", "XVM"]
    assert inc.count == {"low": 20, "best": 22, "high": 23}
    assert {b["source"] for b in inc.count_basis} == {"Dravin Watch", "UN", "XVM"}
    assert any("same place Kessa" in e for e in inc.explanation)


def test_a_denial_by_an_independent_source_contests() -> None:
    found = [
        claim("d-velmora", value=23),
        claim("d-ngo", value=22),
        claim(
            "d-astrel",
            event="denial",
            stance="denies",
            value=None,
            speaker_country="XAS",
            other_events=("attack_on_civilians",),
        ),
    ]
    (inc,) = corroborate(found, SOURCES)
    assert inc.status == "contested" and inc.contested_by == ["XAS"]
    assert any("denies it (XAS)" in e for e in inc.explanation)


def test_figures_that_cannot_both_hold_are_disputed_not_denied() -> None:
    # two sources say it happened and disagree on how many: corroborated, figures disputed
    (inc,) = corroborate([claim("d-velmora", value=230), claim("d-ngo", value=20)], SOURCES)
    assert inc.status == "corroborated" and inc.contested_by == []
    assert inc.disputed_by == ["Dravin Watch", "XVM"]
    assert any("figures disputed" in e for e in inc.explanation)


def test_rounded_figures_a_little_apart_agree() -> None:
    # "between 10,000 and 12,000" and, weeks later, "more than 12,000": one order of figures
    between = claim("d-ngo", value=0)
    between = Claim(**{**_fields(between), "count": Count(None, "between", 10000, 12000)})
    found = [between, claim("d-velmora", value=12000, qualifier="more_than")]
    (inc,) = corroborate(found, SOURCES)
    assert inc.status == "corroborated" and inc.disputed_by == []
    assert inc.count == {"low": 10000, "best": 11500, "high": 12000}


def test_a_documents_smaller_figure_is_a_part_not_a_dispute() -> None:
    # "shelling killed 23 civilians, among them 5 children", and a monitor's 22
    found = [claim("d-velmora", value=23), claim("d-velmora", value=5), claim("d-ngo", value=22)]
    (inc,) = corroborate(found, SOURCES)
    assert inc.disputed_by == [] and inc.count == {"low": 22, "best": 22, "high": 23}


def _fields(c: Claim) -> dict[str, Any]:
    return {f: getattr(c, f) for f in c.__dataclass_fields__}


def test_a_claim_is_counted_under_its_own_source_not_its_document() -> None:
    # a state's statement quoting a UN agency: the UN's word, independent of the state's
    quoted = claim("d-velmora", value=22)
    quoted = Claim(**{**_fields(quoted), "source": Source("UNHCR", "un")})
    (inc,) = corroborate([claim("d-velmora", value=23), quoted], SOURCES)
    assert inc.status == "corroborated" and inc.sources == ["UNHCR", "XVM"]


def test_a_denial_relayed_by_a_newspaper_is_the_deniers() -> None:
    denial = claim(
        "d-news",
        event="denial",
        stance="denies",
        speaker_country=None,
        other_events=("attack_on_civilians",),
    )
    relayed = Source("Astrel", "state", "XAS", 0, 6, relayed_by="The Meridian Post")
    denial = Claim(**{**_fields(denial), "source": relayed})
    found = [claim("d-velmora", value=23), claim("d-ngo", value=22), denial]
    (inc,) = corroborate(found, {**SOURCES, "d-news": "The Meridian Post"})
    assert inc.status == "contested" and inc.contested_by == ["XAS"]
    assert "The Meridian Post" not in inc.sources


def test_different_places_or_times_are_different_incidents() -> None:
    found = [
        claim("d-velmora", value=23),
        claim("d-ngo", value=22, place=SARN),
        claim("d-un", value=21, when="2024-05-01"),
    ]
    assert len(corroborate(found, SOURCES)) == 3


def test_a_figure_repeated_over_time_is_one_series_counted_once() -> None:
    found = [
        claim(
            "d-velmora",
            event="missing_persons",
            value=4000,
            qualifier="about",
            when=None,
            place=None,
            doc_date="2021-05-17",
        ),
        claim(
            "d-velmora2",
            event="missing_persons",
            value=4000,
            qualifier="almost",
            when=None,
            place=None,
            doc_date="2023-06-26",
        ),
    ]
    (inc,) = corroborate(found, SOURCES)
    assert inc.status == "repeated"
    (series,) = inc.series
    assert [f["date"] for f in series["figures"]] == ["2021-05-17", "2023-06-26"]  # type: ignore[index]
    assert inc.count["best"] == 4000 and len(inc.count_basis) == 1


def test_demands_make_no_incident() -> None:
    assert corroborate([claim("d-velmora", stance="calls_for")], SOURCES) == []


def test_demo_corpus_incidents(run: Run) -> None:
    run("ingest", str(EXAMPLES / "corpus"), entities=EXAMPLES / "entities.json")
    result = run("incidents", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {"id", "event", "status", "count", "sources", "claims"} <= set(rows[0])
    kessa = next(r for r in rows if r["event"] == "killing" and "Kessa" in r["places"])
    # four independent sources report the killings at Kessa; Astrel denies the shelling
    assert {"XVM", "UN", "The Meridian Post"} <= set(kessa["sources"])
    assert kessa["status"] == "contested" and kessa["contested_by"] == ["XAS"]
    assert kessa["count"]["low"] <= 20 <= kessa["count"]["high"]
    missing = next(r for r in rows if r["event"] == "missing_persons")
    assert missing["status"] == "repeated" and len(missing["series"][0]["figures"]) == 3
    assert any(r["status"] == "single-source" for r in rows)
    shown = run("incident", kessa["id"][:8])
    assert shown.exit_code == 0 and "denies it (XAS)" in shown.output


# Synthetic documents written for this test, not real statements: an independent monitor
# (fictional) and a denial by the other party to the conflict the seeds describe.
MONITOR = """Caspian Civilian Harm Monitor (fictional organisation, test document)

Report, 2 February 2021

In October 2020, missile strikes on residential areas of Ganja and Barda killed more than 100 civilians, according to our field researchers.
"""
REPLY = """Statement by Mr. A. Example
Representative of the Republic of Armenia (synthetic test document)

4 July 2023

Mr. President,

Armenia categorically rejects the allegations that mine explosions since November 2020 were caused by mines laid by its forces.
"""


def test_seeds_with_other_sources_show_repeated_corroborated_and_contested(
    run: Run,
    seeds,
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    (tmp_path / "monitor.txt").write_text(MONITOR)
    (tmp_path / "reply.txt").write_text(REPLY)
    assert (
        run(
            "ingest",
            *seed_paths(seeds),
        ).exit_code
        == 0
    )
    assert (
        run(
            "ingest", "--publisher", "Caspian Civilian Harm Monitor", str(tmp_path / "monitor.txt")
        ).exit_code
        == 0
    )
    assert run("ingest", str(tmp_path / "reply.txt")).exit_code == 0
    rows = json.loads(run("incidents", "--format", "json").stdout)
    missing = next(r for r in rows if r["event"] == "missing_persons" and r["series"])
    assert missing["status"] == "repeated" and missing["sources"] == ["AZE"]
    assert [f["value"] for f in missing["series"][0]["figures"]] == [4000, 4000]
    ganja = next(r for r in rows if r["event"] == "killing" and "Ganja" in r["places"])
    assert ganja["status"] == "corroborated"
    assert ganja["sources"] == ["AZE", "Caspian Civilian Harm Monitor"]
    assert any("same place" in e for e in ganja["explanation"])
    mines = next(r for r in rows if r["event"] == "mine_incident" and r["contested_by"])
    assert mines["status"] == "contested" and mines["contested_by"] == ["ARM"]
    assert any("denies it (ARM)" in e for e in mines["explanation"])


def test_an_incident_keeps_its_id_when_new_reports_join_it() -> None:
    first = claim("d-velmora", value=23, doc_date="2024-02-20")
    (before,) = corroborate([first], SOURCES)
    (after,) = corroborate([first, claim("d-ngo", value=22, doc_date="2024-03-01")], SOURCES)
    assert after.id == before.id and after.status == "corroborated"


def _random_claims(seed: int, n: int = 400) -> tuple[list[Claim], dict[str, str]]:
    """Claims of a few events, towns, states, dates, figures and accused parties, four to a
    document: dense enough that grouping, series and ambiguity all happen."""
    import random

    rng = random.Random(seed)
    towns = [
        Place(n, c, 1.0, 2.0, f"user:{n}")
        for n, c in [("Kessa", "XVM"), ("Lorn", "XVM"), ("Sarn", "XAS"), ("Marel", "XSU")]
    ]
    states = [Place(c, c, gazetteer_id=f"iso3166:{c}") for c in ("XVM", "XAS", "XSU")]
    found = []
    for k in range(n):
        day = rng.randint(1, 60)
        when = None if rng.random() < 0.2 else f"2024-{1 + day // 28:02d}-{1 + day % 28:02d}"
        long = rng.random() < 0.05
        found.append(
            Claim(
                id=f"c{k:04d}",
                doc_sha256=f"d{k // 4:03d}",
                sentence=0,
                start=k,
                end=k + 1,
                quote="q",
                event=rng.choice(["killing", "killing", "displacement", "detention"]),
                stance="asserts",
                count=Count(rng.choice([None, 3, 5, 40, 400, 430]), "exact")
                if rng.random() < 0.7
                else Count(None, "unquantified"),
                when_from="2020" if long and when else when,
                when_to=when,
                places=tuple(rng.sample(towns + states, rng.choice([0, 1, 1, 2]))),
                accused=tuple(rng.sample(["XAS", "XVM"], rng.choice([0, 0, 1]))),
                # some claims name their own source, a quoted agency or the document's state
                source=rng.choice([None, None, Source("UNHCR", "un"), Source("X", "state", "XAS")]),
            )
        )
    sources = {f"d{i:03d}": f"source {i % 9}" for i in range(n // 4 + 1)}
    return found, sources


@pytest.mark.parametrize("seed", [7, 8, 9, 10])
def test_blocking_finds_the_same_incidents_as_comparing_every_pair(
    monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    """Candidate pairs come from indexes (town, document, date); comparing every pair of
    claims must give exactly the same incidents, explanations included."""
    from tocsin.corroborate import incidents as module

    found, sources = _random_claims(seed)
    blocked = corroborate(found, sources)

    def every_pair(facts, *_):  # type: ignore[no-untyped-def]  # the reference: all pairs
        return ((i, j) for i in range(len(facts)) for j in range(i + 1, len(facts)))

    monkeypatch.setattr(module, "candidate_pairs", every_pair)
    assert corroborate(found, sources) == blocked
    assert len(blocked) < len(found)  # the test does group claims


@pytest.mark.parametrize("seed", range(1, 13))
def test_documents_one_at_a_time_give_the_incidents_of_all_at_once(seed: int) -> None:
    """Re-grouping only what a new document can touch (its matches, the incidents they are
    in, reports naming no town, a source's series) gives what grouping everything gives."""
    from tocsin.corroborate.neighbourhood import Neighbourhoods

    found, sources = _random_claims(seed)
    full = sorted(sorted(i.claims) for i in corroborate(found, sources))
    hood = Neighbourhoods(sources=sources)
    incident_of: dict[str, Any] = {}
    for doc in sorted({c.doc_sha256 for c in found}):
        new = [c for c in found if c.doc_sha256 == doc]
        hood.add(new)
        for inc in corroborate(hood.around(new, incident_of), sources):
            incident_of.update((cid, inc) for cid in inc.claims)
    assert sorted(sorted(c) for c in {tuple(i.claims) for i in incident_of.values()}) == full
    assert len(full) < len(found)


def test_the_one_claim_shortcut_summarises_as_the_general_path() -> None:
    from tocsin.corroborate import incidents as module

    rules = module.Rules()
    counts = [
        Count(3, "exact"),
        Count(None, "between", 10, 20),
        Count(None, "unquantified"),
        Count(5, "about"),
        Count(2, "exact", unit="buildings"),
        Count(None, "vague", 100, None),
    ]
    places = [
        (),
        (Place("Kessa", "XVM", 1.0, 2.0, "user:Kessa"),),
        (Place("XVM", "XVM", gazetteer_id="iso3166:XVM"),),
    ]
    for i, (count, where, when) in enumerate(
        (c, p, w) for c in counts for p in places for w in (None, "2024-02", "2024-02-12")
    ):
        c = Claim(
            id=f"c{i}",
            doc_sha256="d",
            sentence=0,
            start=0,
            end=1,
            quote="q",
            event="killing",
            stance="asserts",
            count=count,
            when_from=when,
            when_to=when,
            places=where,
        )
        fast = module._incident([c], [[]], {"d": "S"}, rules)
        slow = module._incident([c], [[]], {"d": "S"}, rules)
        module._summarise_general(slow, [c], {"d": "S"}, rules)
        assert fast == slow


def test_a_report_naming_no_town_joins_the_one_town_it_fits_or_none() -> None:
    """ "Three civilians were killed in Velmora on 12 February" fits the Kessa report of that
    day; beside a Lorn report of the same day it fits both, and joins neither: it must not
    make one incident of two towns' killings, nor be given to one by the order of reports."""

    kessa = claim("d1", value=3)
    country = claim("d2", value=3, place=Place("XVM", "XVM", gazetteer_id="iso3166:XVM"))
    lorn = claim("d3", value=3, place=Place("Lorn", "XVM", 1.0, 2.0, "user:Lorn"))
    sources = {"d1": "A", "d2": "B", "d3": "C"}

    def groups(found: list[Claim]) -> list[set[str]]:
        return sorted((set(i.claims) for i in corroborate(found, sources)), key=min)

    k, c, lo = kessa.id, country.id, lorn.id
    assert groups([kessa, country]) == [{k, c}]
    assert groups([kessa, country, lorn]) == sorted([{k}, {c}, {lo}], key=min)
    assert groups([lorn, country, kessa]) == sorted([{k}, {c}, {lo}], key=min)


def test_grouping_in_several_processes_gives_the_incidents_of_one() -> None:
    """Event types are grouped apart, in forked processes for a large corpus: the incidents,
    explanations and analysts' corrections applied are those of grouping in one process."""
    found, sources = _random_claims(11)
    ids = [c.id for c in found if c.event == "killing"]
    merge = [frozenset((ids[0], next(c.id for c in found if c.event == "detention")))]
    split = [frozenset(ids[1:3])]
    alone = corroborate(found, sources, merge=merge, split=split, workers=1)
    assert corroborate(found, sources, merge=merge, split=split, workers=2) == alone
    merged = next(i for i in alone if ids[0] in i.claims)
    assert {"killing", "detention"} <= {c.event for c in found if c.id in merged.claims}
