from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tocsin.cli import cli

from .postgres import Server

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session", autouse=True)
def _cache_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Derived caches (the gazetteer index) go to a temporary folder, not the user's home;
    subprocesses inherit it through the environment."""
    os.environ["TOCSIN_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture
def seeds() -> Path:
    if not (SEEDS / "000_a1dc4a803a23d8fa.txt").is_file():
        pytest.skip(f"seed statements not found in {SEEDS} (shared/ must sit beside the repo)")
    return SEEDS


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture(scope="session")
def postgres() -> Iterator[Server]:
    server = Server()
    yield server
    server.stop()


Run = Callable[..., Result]


@pytest.fixture
def run(data_dir: Path) -> Run:
    """Invoke the real command-line interface against a fresh data directory."""

    def _run(*args: str, input: bytes | None = None, entities: Path | None = None) -> Result:
        prefix = ["--data-dir", str(data_dir)]
        if entities:
            prefix += ["--entities", str(entities)]
        return CliRunner().invoke(cli, [*prefix, *args], input=input, catch_exceptions=False)

    return _run


def snapshot(data_dir: Path) -> dict[str, object]:
    """Everything the store holds: every table's rows (originals included) and its files."""
    state: dict[str, object] = {}
    db = data_dir / "tocsin.db"
    if db.exists():
        con = sqlite3.connect(db)
        tables = [r[0] for r in con.execute("select name from sqlite_master where type='table'")]
        for t in sorted(tables):
            state[t] = sorted(map(repr, con.execute(f"select * from {t}").fetchall()))
        con.close()
    state["files"] = (
        sorted(
            p.name
            for p in data_dir.glob("*")
            if p.is_file() and not p.name.startswith("tocsin.db-")
        )
        if data_dir.exists()
        else []
    )
    return state


def docs_json(run: Run) -> list[dict[str, object]]:
    result = run("docs", "--format", "json")
    assert result.exit_code == 0, result.output
    data: list[dict[str, object]] = json.loads(result.stdout)
    return data
