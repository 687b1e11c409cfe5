"""The same flows on a real PostgreSQL server, the store's backend for teams."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import text

from tocsin.cli import cli
from tocsin.store import Store

from .conftest import EXAMPLES
from .postgres import Server


@pytest.fixture
def pg(postgres: Server, tmp_path: Path):  # type: ignore[no-untyped-def]
    url = postgres.new_database()

    def run(*args: str) -> Result:
        prefix = [
            "--data-dir",
            str(tmp_path / "data"),
            "--db",
            url,
            "--entities",
            str(EXAMPLES / "entities.json"),
        ]
        return CliRunner().invoke(cli, [*prefix, *args], catch_exceptions=False)

    run.url = url  # type: ignore[attr-defined]
    return run


def test_ingest_claims_incidents_reviews_and_audit_on_postgresql(
    pg, seeds: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert pg("ingest", str(EXAMPLES / "corpus")).exit_code == 0
    again = pg("ingest", str(EXAMPLES / "corpus"))
    assert "0 ingested, 16 already present" in again.output
    assert pg("ingest", str(seeds / "001_733dfa1beac8174d.txt")).exit_code == 0
    docs = json.loads(pg("docs", "--format", "json").stdout)
    seed = next(d for d in docs if d["filename"].startswith("001_"))
    assert (seed["speaker"], seed["speaker_country"], seed["meeting"]) == (
        "Yashar Aliyev",
        "AZE",
        "64th plenary meeting",
    )
    claims = json.loads(pg("claims", "--event", "killing", "--format", "json").stdout)
    assert any(c["count"] and c["count"]["value"] == 101 for c in claims)
    incidents = json.loads(pg("incidents", "--format", "json").stdout)
    kessa = next(r for r in incidents if r["event"] == "killing" and "Kessa" in r["places"])
    assert kessa["status"] == "contested" and kessa["contested_by"] == ["XAS"]
    assert (
        pg("review", "incident", kessa["id"], "plausible", "--reason", "several sources").exit_code
        == 0
    )
    assert pg("verify").exit_code == 0
    assert pg("audit", "verify").exit_code == 0
    assert not (tmp_path / "data" / "tocsin.db").exists()  # everything went to the server
    store = Store(tmp_path / "data", pg.url)
    assert store.original(seed["sha256"]) == (seeds / "001_733dfa1beac8174d.txt").read_bytes()
    with store.engine.begin() as conn:
        conn.execute(text("update audit_log set detail = '{}' where seq = 3"))
    result = pg("audit", "verify")
    assert result.exit_code == 1 and "entry 3: altered" in result.output


def test_bad_input_leaves_postgresql_as_it_was(pg, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "good.txt"
    good.write_text("On 2 May 2024, 40 civilians were killed in Khartoum, Sudan.")
    assert pg("ingest", str(good)).exit_code == 0
    store = Store(tmp_path / "data", pg.url)
    before = (store.count(), len(store.audit_entries()), len(store.claims()))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = pg("ingest", str(empty))
    assert result.exit_code == 1 and "empty file" in result.output
    assert (store.count(), len(store.audit_entries()), len(store.claims())) == before


def test_backup_of_a_server_database_says_what_to_use(pg, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = pg("backup", str(tmp_path / "b.tar.gz"))
    assert result.exit_code == 1 and "pg_dump" in result.output
