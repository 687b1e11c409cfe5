from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import select, text

from tocsin.cli import cli
from tocsin.store import Store

from .postgres import Server

if TYPE_CHECKING:
    from .web_desk import Desk

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


SEED_FILES = ("000_a1dc4a803a23d8fa.txt", "001_733dfa1beac8174d.txt")


def seed_paths(seeds: Path) -> list[str]:
    """The two seed statements, as arguments for `tocsin ingest`."""
    return [str(seeds / name) for name in SEED_FILES]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture(scope="session")
def postgres() -> Iterator[Server]:
    server = Server()
    yield server
    server.stop()


Run = Callable[..., Result]


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    """Every test that uses the store through `run` runs on both real backends."""
    return str(request.param)


@pytest.fixture
def db_url(backend: str, request: pytest.FixtureRequest) -> str | None:
    if backend == "sqlite":
        return None  # the default: SQLite in the data directory
    server: Server = request.getfixturevalue("postgres")
    return server.new_database()


@pytest.fixture
def open_store(data_dir: Path, db_url: str | None) -> Callable[[], Store]:
    return lambda: Store(data_dir, db_url)


def _runner(data_dir: Path, db_url: str | None) -> Run:
    def _run(*args: str, input: bytes | None = None, entities: Path | None = None) -> Result:
        prefix = ["--data-dir", str(data_dir)] + (["--db", db_url] if db_url else [])
        if entities:
            prefix += ["--entities", str(entities)]
        return CliRunner().invoke(cli, [*prefix, *args], input=input, catch_exceptions=False)

    return _run


@pytest.fixture
def run(data_dir: Path, db_url: str | None) -> Run:
    """Invoke the real command-line interface against a fresh store, on each backend."""
    return _runner(data_dir, db_url)


@pytest.fixture
def run_sqlite(data_dir: Path) -> Run:
    """For what only the embedded store does (file-level backup, the data directory itself)."""
    return _runner(data_dir, None)


def snapshot(store: Store) -> dict[str, object]:
    """Everything the store holds: every table's rows, originals and audit log included."""
    from tocsin.store.schema import metadata

    state: dict[str, object] = {}
    with store.engine.connect() as conn:
        for table in metadata.sorted_tables:
            state[table.name] = sorted(map(repr, conn.execute(select(table)).all()))
    return state


def tamper(store: Store, sql: str) -> None:
    """Change the database behind Tocsin's back, as an intruder with the file would."""
    with store.engine.begin() as conn:
        conn.execute(text(sql))


def docs_json(run: Run) -> list[dict[str, object]]:
    result = run("docs", "--format", "json")
    assert result.exit_code == 0, result.output
    data: list[dict[str, object]] = json.loads(result.stdout)
    return data


def profile_shape(ps: Iterable[Any]) -> list[Any]:
    """Profiles as comparable data, a cell's claims as a set: a cell lists them in the
    order they arrived, which differs between a full and an incremental build."""
    return [
        (
            p.area,
            p.period,
            {
                i: (
                    sorted(c.claims),
                    c.sources,
                    c.single_source,
                    c.contested,
                    c.latest,
                    round(c.raw, 6),
                )
                for i, c in p.cells.items()
            },
        )
        for p in sorted(ps, key=lambda p: (p.area, p.period))
    ]


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    """A desk over the demo corpus with a user of each role, shared by a module's tests
    that only read (tests/web_desk.py)."""
    from .web_desk import make_desk

    made = make_desk(tmp_path_factory.mktemp("desk"))
    yield made
    made.store.close()
