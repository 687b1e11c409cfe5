"""The audit log: every write recorded; any edit or deletion of a past entry detected."""

from __future__ import annotations

from pathlib import Path

from .conftest import Run, tamper

TEXT = "On 2 May 2024, 40 civilians were killed in Khartoum, Sudan."


def _ingest_two(run: Run, tmp_path: Path) -> None:
    for i in range(2):
        f = tmp_path / f"s{i}.txt"
        f.write_text(f"{TEXT} Reference {i}.")
        assert run("ingest", str(f)).exit_code == 0
    assert run("extract").exit_code == 0


def test_every_write_is_logged_without_personal_data(run: Run, tmp_path: Path) -> None:
    _ingest_two(run, tmp_path)
    result = run("audit", "log", "--format", "json")
    import json

    entries = json.loads(result.stdout)
    assert [e["action"] for e in entries] == ["ingest", "ingest", "extract", "extract"]
    assert all(len(e["object"]) == 64 for e in entries)
    assert "s0.txt" not in result.stdout  # filenames are kept as hashes only
    assert run("audit", "verify").exit_code == 0


def test_editing_a_past_entry_is_detected(run: Run, tmp_path: Path, open_store) -> None:  # type: ignore[no-untyped-def]
    _ingest_two(run, tmp_path)
    tamper(open_store(), "update audit_log set detail = '{}' where seq = 2")
    result = run("audit", "verify")
    assert result.exit_code == 1 and "entry 2: altered" in result.output


def test_deleting_a_past_entry_is_detected(run: Run, tmp_path: Path, open_store) -> None:  # type: ignore[no-untyped-def]
    _ingest_two(run, tmp_path)
    tamper(open_store(), "delete from audit_log where seq = 2")
    result = run("audit", "verify")
    assert result.exit_code == 1 and "entry 3: does not follow" in result.output


def test_removing_the_newest_entries_is_detected_against_a_kept_head(
    run: Run, tmp_path: Path, open_store
) -> None:  # type: ignore[no-untyped-def]
    _ingest_two(run, tmp_path)
    head = run("audit", "head").stdout.strip()
    tamper(open_store(), "delete from audit_log where seq = 4")
    assert run("audit", "verify").exit_code == 0  # the chain itself still holds
    result = run("audit", "verify", "--head", head)
    assert result.exit_code == 1 and "entries were removed" in result.output


def test_two_writers_at_once_keep_one_unbroken_chain(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tocsin.store import Store
    from tocsin.synth.corpus import generate

    data_dir = tmp_path / "data"
    Store(data_dir).close()  # create the schema before the race
    folders = [tmp_path / "a", tmp_path / "b"]
    for i, folder in enumerate(folders):
        generate(folder, 15, seed=100 + i, formats=("txt",), sentences=5)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tocsin", "--data-dir", str(data_dir), "ingest", str(f)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for f in folders
    ]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    store = Store(data_dir)
    assert store.count() == 30
    assert store.audit_verify() == []
    assert len([e for e in store.audit_entries() if e.action == "ingest"]) == 30
