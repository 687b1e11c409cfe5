"""tocsin claims / tocsin extract as a user meets them."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import EXAMPLES, Run, seed_paths

GOLD_FIELDS = {
    "doc_sha256",
    "filename",
    "start",
    "end",
    "quote",
    "event",
    "count",
    "includes",
    "victims",
    "victim_group",
    "outcome",
    "when",
    "places",
    "accused",
    "claimed_by",
    "denies",
    "stance",
    "speaker_country",
    "source",
    "risk_indicators",
    "produced_by",
}


def claims_json(run: Run, *args: str) -> list[dict[str, object]]:
    result = run("claims", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    data: list[dict[str, object]] = json.loads(result.stdout)
    return data


def test_seeds_print_their_claims_grouped_by_event(run: Run, seeds: Path) -> None:
    assert (
        run(
            "ingest",
            *seed_paths(seeds),
        ).exit_code
        == 0
    )
    result = run("claims")
    assert result.exit_code == 0
    out = result.output
    for event in ("killing", "mine_incident", "missing_persons", "denial", "displacement"):
        assert f"{event} (" in out
    # who says it: the speaker, for the state they speak for
    assert "Tofiq F. Musayev (AZE)" in out and "Yashar Aliyev (AZE)" in out
    assert "57 citizens of Azerbaijan were killed" in out


def test_claims_json_carries_the_documented_fields_and_exact_spans(
    run: Run, seeds: Path, open_store
) -> None:  # type: ignore[no-untyped-def]

    path = seeds / "001_733dfa1beac8174d.txt"
    run("ingest", str(path))
    rows = claims_json(run)
    assert rows
    doc = open_store().get(str(rows[0]["doc_sha256"]))
    assert doc is not None
    for row in rows:
        assert set(row) >= GOLD_FIELDS, GOLD_FIELDS - set(row)
        assert doc.text[int(row["start"]) : int(row["end"])] == row["quote"]  # type: ignore[call-overload]
        assert row["filename"] == path.name
        assert row["speaker_country"] == "AZE"
    killing = next(
        r
        for r in rows
        if r["event"] == "killing" and r["count"] and r["count"]["value"] == 101  # type: ignore[index]
    )
    (sub,) = killing["includes"]  # type: ignore[misc]
    assert (sub["count"]["value"], sub["count"]["qualifier"], sub["victims"]) == (
        12,
        "exact",
        "children",
    )
    assert {p["name"] for p in killing["places"]} >= {"Ganja", "Barda"}  # type: ignore[union-attr]
    assert all(p["country"] == "AZE" for p in killing["places"])  # type: ignore[union-attr]
    # the 44-day war the statement dates, as the gold has it
    assert killing["when"] == {"from": "2020-09-27", "to": "2020-11-10"}


def test_filters_narrow_the_list(run: Run) -> None:
    run("ingest", str(EXAMPLES / "corpus"), entities=EXAMPLES / "entities.json")
    everything = claims_json(run)
    denials = claims_json(run, "--stance", "denies")
    assert denials and all(r["stance"] == "denies" for r in denials)
    killings = claims_json(run, "--event", "killing")
    assert killings and all(r["event"] == "killing" for r in killings)
    astrel = claims_json(run, "--speaker", "Viktor Hale")
    assert astrel and all(r["speaker"] == "Viktor Hale" for r in astrel)
    march = claims_json(run, "--from", "2024-03-01", "--to", "2024-03-31")
    assert march and len(march) < len(everything)
    assert run("claims", "--event", "no_such_event").exit_code == 2


def test_extract_rebuilds_claims_without_duplicates(run: Run, tmp_path: Path, open_store) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "s.txt"
    f.write_text("On 2 May 2024, 40 civilians were killed in Khartoum, Sudan.")
    assert run("ingest", "--no-extract", str(f)).exit_code == 0
    assert claims_json(run) == []
    assert run("extract").exit_code == 0
    first = claims_json(run)
    assert len(first) == 1 and first[0]["event"] == "killing"
    assert run("extract").exit_code == 0
    assert claims_json(run) == first
    # the replaced version is kept, not lost

    (earlier,) = open_store().claim_history(str(first[0]["id"]))
    assert earlier["claim"]["quote"] == first[0]["quote"] and earlier["superseded_by"]


def test_event_types_are_listed_with_their_indicators(run: Run) -> None:
    rows = json.loads(run("claims", "--types", "--format", "json").stdout)
    by_event = {r["event"]: r for r in rows}
    assert "FoA-RF10" in by_event["hate_speech"]["risk_factors"]
    assert "FoA-13.8" in by_event["humanitarian_access_denial"]["indicators"]
    assert len(by_event) >= 18


def test_claims_say_who_says_them_and_filter_by_source(run: Run, tmp_path: Path) -> None:
    doc = tmp_path / "wire.txt"
    doc.write_text(
        "Militia attack in Ituri\n\n"
        "Militiamen killed 22 villagers near Djugu in March 2022, Amnesty International said. "
        "A witness told Reuters that 40 homes were burned in Djugu.\n",
        encoding="utf-8",
    )
    assert run("ingest", str(doc)).exit_code == 0
    every = claims_json(run)
    sources = {c["event"]: c["source"] for c in every}
    amnesty = sources["killing"]
    assert isinstance(amnesty, dict) and amnesty["name"] == "Amnesty International"
    assert amnesty["kind"] == "ngo" and amnesty["origin"] == "text"
    witness = sources["destruction_property"]
    assert isinstance(witness, dict)
    assert (witness["kind"], witness["relayed_by"]) == ("person", "Reuters")
    only = claims_json(run, "--source", "amnesty")
    assert {c["event"] for c in only} == {"killing"}
    # the outlet relaying a witness finds the witness's claims too
    assert {c["event"] for c in claims_json(run, "--source", "Reuters")} == {"destruction_property"}
