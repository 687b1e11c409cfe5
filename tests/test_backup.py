"""Backup and restore: one archive, every hash checked, damaged archives refused."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
from pathlib import Path

from click.testing import CliRunner

from tocsin.cli import cli

from .conftest import EXAMPLES, Run, docs_json


def _cli(data_dir: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--data-dir", str(data_dir), *args], catch_exceptions=False)
    return result.exit_code, result.output


def test_backup_then_restore_gives_back_the_same_store(
    run_sqlite: Run, tmp_path: Path, data_dir: Path
) -> None:
    run_sqlite("ingest", str(EXAMPLES / "corpus"), entities=EXAMPLES / "entities.json")
    archive = tmp_path / "backup.tar.gz"
    assert run_sqlite("backup", str(archive)).exit_code == 0
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.loads(tar.extractfile("manifest.json").read())  # type: ignore[union-attr]
    assert "tocsin.db" in names and sum(n.startswith("originals/") for n in names) == 16
    assert manifest["documents"] == 16 and set(manifest["files"]) == set(names) - {"manifest.json"}
    target = tmp_path / "restored"
    code, out = _cli(target, "restore", str(archive))
    assert code == 0, out
    before = sorted((d["sha256"], d["filename"]) for d in docs_json(run_sqlite))
    code, out = _cli(target, "docs", "--format", "json")
    assert sorted((d["sha256"], d["filename"]) for d in json.loads(out)) == before
    assert _cli(target, "verify")[0] == 0
    code, out = _cli(target, "audit", "log", "--format", "json")
    actions = [e["action"] for e in json.loads(out)]
    assert actions.count("ingest") == 16 and actions[-1] == "restore"


def _rewrite(archive: Path, damaged: Path, change: str) -> None:
    """Copy the archive, altering one original's bytes or dropping it."""
    with tarfile.open(archive) as src, tarfile.open(damaged, "w:gz") as dst:
        altered = False
        for member in src:
            data = src.extractfile(member).read()  # type: ignore[union-attr]
            if member.name.startswith("originals/") and not altered:
                altered = True
                if change == "drop":
                    continue
                data = data[:-1] + bytes([data[-1] ^ 1])
            member.size = len(data)
            dst.addfile(member, io.BytesIO(data))


def test_a_damaged_archive_is_refused_and_nothing_is_restored(
    run_sqlite: Run, tmp_path: Path
) -> None:
    f = tmp_path / "s.txt"
    f.write_text("On 2 May 2024, 40 civilians were killed in Khartoum, Sudan.")
    run_sqlite("ingest", str(f))
    archive = tmp_path / "b.tar.gz"
    run_sqlite("backup", str(archive))
    for change in ("flip", "drop"):
        damaged = tmp_path / f"{change}.tar.gz"
        _rewrite(archive, damaged, change)
        target = tmp_path / f"target-{change}"
        code, out = _cli(target, "restore", str(damaged))
        assert code == 1 and "refused archive" in out, out
        assert not (target / "tocsin.db").exists()
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[:200])
    code, out = _cli(tmp_path / "t", "restore", str(truncated))
    assert code == 1 and "damaged" in out
    not_gzip = tmp_path / "x.tar.gz"
    not_gzip.write_bytes(gzip.compress(b"not a tar"))
    assert _cli(tmp_path / "u", "restore", str(not_gzip))[0] == 1


def test_restore_never_overwrites_a_store(run_sqlite: Run, tmp_path: Path, data_dir: Path) -> None:
    f = tmp_path / "s.txt"
    f.write_text("On 2 May 2024, 40 civilians were killed in Khartoum, Sudan.")
    run_sqlite("ingest", str(f))
    archive = tmp_path / "b.tar.gz"
    run_sqlite("backup", str(archive))
    result = run_sqlite("restore", str(archive))
    assert result.exit_code == 1 and "already holds a store" in result.output
