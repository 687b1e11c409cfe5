"""Alerts and sub-national profiles on a 42-document corpus built so that every cell and alert
is known in advance (tests/risk_corpus.py), the rules file's validation, and delivery."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tocsin.assess import RiskMatrix, profiles, rules, statuses
from tocsin.corroborate import corroborate, source_label
from tocsin.store import Store

from . import risk_corpus
from .conftest import Run, profile_shape

# (period, rule, area, subjects, corroboration, claims in evidence, sources)
EXPECTED = [
    (
        "2024-01",
        "intent-to-destroy-first-evidence",
        "XSU",
        ["FoA-10.1"],
        "single-source",
        1,
        ["Coastal Rights Monitor"],
    ),
    (
        "2024-01",
        "plan-or-policy-first-evidence",
        "XSU",
        ["FoA-12.1"],
        "single-source",
        1,
        ["Coastal Rights Monitor"],
    ),
    (
        "2024-02",
        "humanitarian-access-denied",
        "XSU",
        ["incident"],
        "single-source",
        1,
        ["Sundia Herald"],
    ),
    (
        "2024-03",
        "hate-speech-surge",
        "XSU",
        ["hate_speech@2024-03"],
        "single-source",
        4,
        ["Coastal Rights Monitor"],
    ),
    (
        "2024-03",
        "plan-or-policy-first-evidence",
        "XVM",
        ["FoA-12.3"],
        "corroborated",  # the figures are disputed (5,000 against 1,200); no one denies it
        2,
        ["UN Mission in the Dravin Valley", "XVM"],
    ),
    (
        "2024-04",
        "intent-to-destroy-first-evidence",
        "XSU",
        ["FoA-10.2"],
        "single-source",
        1,
        ["Coastal Rights Monitor"],
    ),
    (
        "2024-05",
        "escalation-violence",
        "XVM",
        ["killing@2024-05"],
        "single-source",
        4,
        ["Dravin Watch"],
    ),
    (
        "2024-06",
        "intent-to-destroy-first-evidence",
        "XVM",
        ["FoA-10.1"],
        "corroborated",
        2,
        ["Dravin Watch", "XVM"],
    ),
    (
        "2024-06",
        "plan-or-policy-first-evidence",
        "XVM",
        ["FoA-12.1"],
        "corroborated",
        2,
        ["Dravin Watch", "XVM"],
    ),
    (
        "2024-07",
        "new-mass-grave",
        "XVM",
        ["incident"],
        "contested",
        2,
        ["UN Mission in the Dravin Valley", "Valley News Agency"],
    ),
]


def _shape(a: dict[str, Any]) -> tuple[Any, ...]:
    # incident ids are hashes: the subject of a new_incident alert is checked for kind only
    subjects = ["incident"] if a["kind"] == "new_incident" else a["subjects"]
    return (
        a["period"],
        a["rule"],
        a["area"],
        subjects,
        a["corroboration"],
        len(a["evidence"]),
        a["sources"],
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return risk_corpus.write(tmp_path_factory.mktemp("risk"))


def _alerts(run: Run, entities: Path, *args: str) -> list[dict[str, Any]]:
    result = run("alerts", "--format", "json", *args, entities=entities)
    assert result.exit_code == 0, result.output
    data: list[dict[str, Any]] = json.loads(result.stdout)
    return data


def test_the_corpus_raises_exactly_the_alerts_it_was_built_for(
    run: Run, corpus: tuple[Path, Path]
) -> None:
    folder, entities = corpus
    assert len(risk_corpus.documents()) >= 40
    assert run("ingest", str(folder), entities=entities).exit_code == 0
    found = _alerts(run, entities)
    assert sorted(map(_shape, found)) == sorted(EXPECTED)
    by_id = {a["id"]: a for a in found}
    escalation = next(a for a in found if a["rule"] == "escalation-violence")
    # four shellings in May against one a month from January to April
    assert escalation["measure"] == {"value": 4.0, "baseline": 1.0, "months": 4.0, "factor": 2.0}
    surge = next(a for a in found if a["rule"] == "hate-speech-surge")
    assert surge["measure"]["baseline"] == 0.5  # one speech in January, none in February
    for a in found:
        assert a["caveat"] and a["severity"] in ("medium", "high")
        for e in a["evidence"]:  # every piece of evidence points at its span
            assert e["doc_sha256"] and e["end"] > e["start"] and e["quote"]
        if a["previous"]:  # the link goes to an earlier alert on the same area
            earlier = by_id[a["previous"]]
            assert earlier["area"] == a["area"] and earlier["period"] <= a["period"]
    firsts = {a["area"]: a for a in reversed(found) if a["previous"] is None}
    assert set(firsts) == {"XSU", "XVM"}
    # asking again raises nothing new
    assert sorted(a["id"] for a in _alerts(run, entities)) == sorted(by_id)


def test_month_by_month_each_alert_fires_once(
    run: Run, corpus: tuple[Path, Path], tmp_path: Path
) -> None:
    """The desk's real rhythm: documents arrive month by month and the rules run each time;
    the alerts that result are those of the whole corpus at once, none fired twice."""
    folder, entities = corpus
    names = sorted(p.name for p in folder.glob("*.txt"))
    months = sorted({n.split("-")[1] for n in names})
    raised: list[str] = []
    for month in months:
        batch = tmp_path / month
        batch.mkdir()
        for n in names:
            if n.split("-")[1] == month:
                shutil.copy(folder / n, batch / n)
                shutil.copy(folder / f"{n}.meta.json", batch / f"{n}.meta.json")
        assert run("ingest", str(batch), entities=entities).exit_code == 0
        now = _alerts(run, entities)
        new = [a["id"] for a in now if a["id"] not in raised]
        raised += new
    assert len(raised) == len(set(raised)) == len(EXPECTED)
    final = _alerts(run, entities)
    assert sorted(s[:4] for s in map(_shape, final)) == sorted(e[:4] for e in EXPECTED)


def test_profile_cells_are_right_by_construction(run: Run, corpus: tuple[Path, Path]) -> None:
    folder, entities = corpus
    assert run("ingest", str(folder), entities=entities).exit_code == 0
    rows = json.loads(run("risk", "XVM", "--format", "json").stdout)
    q2 = {r["indicator"]: r for r in rows if r["period"] == "2024-Q2"}
    cells = {
        k: (r["n_claims"], r["n_sources"], r["single_source"], r["contested"], r["raw"])
        for k, r in q2.items()
    }
    assert cells == {
        # April: one shelling, three sources (corroborated, 1.0 each); May: four, one source
        # each (0.5 each)
        "FoA-2.1": (7, 4, 4, 0, 5.0),
        "FoA-11.1": (8, 4, 5, 0, 5.5),  # + Velmora's attack claim of April, single-source
        "FoA-13.6": (1, 1, 1, 0, 0.5),
        # June: the broadcast, reported by Velmora and an NGO (corroborated)
        **{i: (2, 2, 0, 0, 2.0) for i in ("FoA-7.14", "FoA-8.7", "FoA-9.4", "FoA-10.1")},
        **{i: (2, 2, 0, 0, 2.0) for i in ("FoA-11.4", "FoA-12.1", "FoA-13.5", "FoA-13.7")},
    }
    first = q2["FoA-2.1"]
    # capped at 3; RF2 3.0 + RF7 2.0 + RF8 2.0 + RF9 2.0 + RF10 2.0×1.5 + RF11 (3+2)×1.25
    # + RF12 2.0×1.25 + RF13 (2.0+0.5+2.0) = 25.25
    assert (first["value"], first["score"]) == (3.0, 25.25)
    assert first["change"] == round(25.25 - rows[0]["score"], 3)
    # Q1's displacement: two sources agree that it happened, not on how many; disputed
    # figures are not a denial, so it is corroborated, not contested
    displaced = next(r for r in rows if r["indicator"] == "FoA-12.3")
    assert (displaced["contested"], displaced["single_source"]) == (0, 0)

    areas = json.loads(run("risk", "XVM", "--areas", "--format", "json").stdout)
    killed = {
        (r["area"], r["period"]): r["n_claims"]
        for r in areas
        if r["indicator"] == "FoA-2.1" and r["level"] == "admin1"
    }
    # Dravin Valley: Lorn, Kessa, Tarn in Q1 (3 × 3 claims) and three of May's shellings;
    # Northern March: Orlen in April (3) and Brisk in May (1)
    assert killed == {
        ("XVM/Dravin Valley", "2024-Q1"): 9,
        ("XVM/Dravin Valley", "2024-Q2"): 3,
        ("XVM/Northern March", "2024-Q2"): 4,
    }

    drill = json.loads(
        run("risk", "XVM", "--cell", "2024-Q2", "FoA-12.1", "--format", "json").stdout
    )
    assert [d["claim"] for d in drill] == q2["FoA-12.1"]["claims"]
    assert {d["source"] for d in drill} == {"Dravin Watch", "XVM"}
    assert all(d["quote"] and d["end"] > d["start"] for d in drill)
    table = run("risk", "XVM", "--cell", "2024-Q2", "FoA-12.1")
    assert table.exit_code == 0 and "cockroaches" in table.stdout
    assert run("risk", "XVM", "--cell", "2031-Q1", "FoA-12.1").exit_code == 1


def test_sub_national_rules_watch_their_own_baseline(
    run: Run, corpus: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, entities = corpus
    custom = tmp_path / "alerts.yaml"
    custom.write_text(
        "version: 3\nrules:\n"
        "  - name: valley-killings\n    kind: escalation\n    level: admin1\n"
        "    events: [killing]\n    baseline_months: 6\n    factor: 1.5\n    minimum: 3\n"
        "    severity: low\n"
    )
    assert run("ingest", str(folder), entities=entities).exit_code == 0
    found = _alerts(run, entities, "--rules", str(custom))
    # Dravin Valley: one shelling a month in January–March, none in April, three in May
    # (mean 0.75); Northern March: one in April, one in May.
    assert [(a["area"], a["subjects"], a["measure"]["baseline"]) for a in found] == [
        ("XVM/Dravin Valley", ["killing@2024-05"], 0.75)
    ]
    assert found[0]["produced_by"].endswith("rules:alerts.yaml@3")


def test_incremental_matrix_equals_full_recomputation(
    run: Run, corpus: tuple[Path, Path], open_store: Any
) -> None:
    folder, entities = corpus
    assert run("ingest", str(folder), entities=entities).exit_code == 0
    store: Store = open_store()
    found = [c for c, _ in store.claims()]
    sources = {i.sha256: source_label(i) for i in store.list_documents()}
    store.close()
    full = profiles(found, corroborate(found, sources), sources, "month")
    matrix = RiskMatrix("month")
    for i in range(0, len(found), 7):  # documents arriving in batches; statuses move
        seen = found[: i + 7]
        matrix.update(found[i : i + 7], statuses(corroborate(seen, sources)), sources)
    assert [(p.area, p.period, p.cells) for p in matrix.profiles()] == [
        (p.area, p.period, p.cells) for p in full
    ]
    # quarters rolled up from the months are the quarters computed directly
    direct = profiles(found, corroborate(found, sources), sources, "quarter")
    rolled = matrix.quarters()

    assert profile_shape(rolled) == profile_shape(direct)
    gone = found[0]
    matrix.update([], statuses(corroborate(found[1:], sources)), sources, removed=[gone.id])
    rest = profiles(found[1:], corroborate(found[1:], sources), sources, "month")
    assert [(p.area, p.period, p.cells) for p in matrix.profiles()] == [
        (p.area, p.period, p.cells) for p in rest
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rules: []\nversion: 1\n", "`rules` must be a non-empty list"),
        ("version: 1\nrules:\n  - {name: a, kind: omen, severity: low}\n", "`kind` must be one of"),
        (
            "version: 1\nrules:\n  - {name: a, kind: escalation, severity: low, events: [killing], factor: two}\n",
            "rules[0] (a): `factor` must be a number from 1 to 1000, not 'two'",
        ),
        (
            "version: 1\nrules:\n  - {name: a, kind: escalation, severity: low, events: [kiling]}\n",
            "unknown event type 'kiling'",
        ),
        (
            "version: 1\nrules:\n  - {name: a, kind: first_evidence, severity: low, risk_factors: [FoA-RF15]}\n",
            "unknown risk factor 'FoA-RF15'",
        ),
        (
            "version: 1\nrules:\n  - {name: a, kind: new_incident, severity: low, events: [mass_grave], baseline_months: 3}\n",
            "unknown key 'baseline_months' for new_incident",
        ),
        (
            "version: 1\nrules:\n  - {name: a, kind: new_incident, severity: dire, events: [mass_grave]}\n",
            "`severity` must be one of low, medium, high, critical",
        ),
        (
            "version: 1\nrules:\n  - {name: a, kind: new_incident, severity: low, events: [mass_grave]}\n"
            "  - {name: a, kind: new_incident, severity: low, events: [killing]}\n",
            "rule name 'a' is used twice",
        ),
        ("version: 1\nrules: [\n", "not valid YAML at line"),
        ("version: one\nrules: []\n", "`version` must be a whole number"),
    ],
)
def test_a_bad_rules_file_is_refused_with_where_and_why(
    run: Run, tmp_path: Path, text: str, message: str
) -> None:
    bad = tmp_path / "rules.yaml"
    bad.write_text(text)
    with pytest.raises(rules.RulesError, match=None) as err:
        rules.load(bad)
    assert message in str(err.value) and str(bad) in str(err.value)
    result = run("alerts", "--rules", str(bad))
    assert result.exit_code == 1 and message in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_the_default_rules_are_valid(run: Run) -> None:
    ruleset = rules.load()
    assert {r.kind for r in ruleset.rules} == {"first_evidence", "escalation", "new_incident"}
    assert run("alerts", "--check-rules").exit_code == 0


def test_deliver_writes_each_alert_to_a_feed_once(
    run: Run, corpus: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, entities = corpus
    assert run("ingest", str(folder), entities=entities).exit_code == 0
    raised = _alerts(run, entities)
    feed = tmp_path / "feed.json"
    first = run("deliver", "--feed", str(feed))
    assert first.exit_code == 0 and f"delivered {len(raised)} alert(s)" in first.output
    items = json.loads(feed.read_text())["items"]
    assert sorted(i["id"] for i in items) == sorted(a["id"] for a in raised)
    again = run("deliver", "--feed", str(feed))
    assert again.exit_code == 0 and "delivered" not in again.output  # nothing twice
