"""Exports: full and public; the public one never carries what could identify people."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from .conftest import EXAMPLES, Run

# A witness's account, written for this test: names of people that must never be published.
WITNESS = """By Amina Haddad, Kessa

KESSA, 13 February 2024 - "My brother Karim Haddad was killed at the market," said Leila Haddad, who lives at 14 Rose Street in Kessa.

On 12 February 2024, at least 18 people were killed when shells hit the central market of Kessa.
"""
SECRETS = ("Amina Haddad", "Karim Haddad", "Leila Haddad", "14 Rose Street", "witness-amina")


def _setup(run: Run, tmp_path: Path) -> None:
    run("ingest", str(EXAMPLES / "corpus"), entities=EXAMPLES / "entities.json")
    witness = tmp_path / "witness-amina-haddad.txt"
    witness.write_text(WITNESS)
    result = run("ingest", str(witness), entities=EXAMPLES / "entities.json")
    assert result.exit_code == 0, result.output


def test_full_export_has_claims_and_incidents_with_provenance(run: Run, tmp_path: Path) -> None:
    _setup(run, tmp_path)
    rows = json.loads(run("export", "--format", "json").stdout)
    kinds = {r["kind"] for r in rows}
    assert kinds == {"claim", "incident"}
    claim = next(r for r in rows if r["kind"] == "claim")
    assert claim["quote"] and claim["doc_sha256"] and claim["filename"]
    incident = next(r for r in rows if r["kind"] == "incident")
    assert {"status", "count", "sources", "claims"} <= set(incident)


def test_public_exports_leak_no_names_addresses_or_filenames(run: Run, tmp_path: Path) -> None:
    _setup(run, tmp_path)
    full = run("export", "--format", "json").stdout
    assert "Karim Haddad" in full  # the full export does carry them: the test can fail
    for fmt in ("json", "csv", "geojson"):
        out = run("export", "--format", fmt, "--public").stdout
        for secret in SECRETS:
            assert secret not in out, (fmt, secret)
    public = json.loads(run("export", "--format", "json", "--public").stdout)
    for r in public:
        if r["kind"] == "claim":
            assert r["quote"] is None and r["filename"] is None
            assert all(set(p) == {"country", "admin1"} for p in r["places"])
            assert r["doc_sha256"] and r["start"] is not None  # still traceable by those allowed


def test_geojson_and_csv_are_well_formed_and_exports_are_audited(run: Run, tmp_path: Path) -> None:
    _setup(run, tmp_path)
    geo = json.loads(run("export", "--format", "geojson").stdout)
    assert geo["type"] == "FeatureCollection"
    located = [f for f in geo["features"] if f["geometry"]]
    assert located and all(f["geometry"]["type"] == "Point" for f in located)
    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "csv").stdout)))
    assert {r["kind"] for r in rows} == {"claim", "incident"}
    log = json.loads(run("audit", "log", "--format", "json").stdout)
    assert [e["object"] for e in log if e["action"] == "export"] == ["geojson:full", "csv:full"]
