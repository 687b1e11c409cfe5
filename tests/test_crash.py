"""kill -9 at random moments during ingest: the store stays consistent and loses nothing
that was committed; a rerun finishes the job."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tocsin.store import Store
from tocsin.synth.corpus import generate

from .conftest import snapshot


def _ingest_cmd(data_dir: Path, corpus: Path) -> list[str]:
    return [sys.executable, "-m", "tocsin", "--data-dir", str(data_dir), "ingest", str(corpus)]


def _count(data_dir: Path) -> int:
    try:
        con = sqlite3.connect(data_dir / "tocsin.db", timeout=5)
        try:
            return int(con.execute("select count(*) from documents").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _assert_consistent(data_dir: Path) -> None:
    con = sqlite3.connect(data_dir / "tocsin.db")
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()
    store = Store(data_dir)
    assert store.verify() == [], "a document is half-written or its original is wrong"
    assert store.audit_verify() == [], "the audit chain is broken"
    # every stored document has its ingest entry, written in the same transaction
    logged = {e.object for e in store.audit_entries() if e.action == "ingest"}
    assert logged == {d.sha256 for d in store.list_documents()}
    store.close()


def test_kill_9_during_ingest_never_leaves_a_partial_document(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    files = generate(corpus, 120, seed=7, sentences=30)
    data_dir = tmp_path / "data"
    rng = random.Random(1234)
    committed: dict[str, object] = {}
    counts: list[int] = []
    for _ in range(8):
        proc = subprocess.Popen(
            _ingest_cmd(data_dir, corpus), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        # Kill at a random moment once this run has started committing documents.
        before = len(committed.get("documents", []))  # type: ignore[arg-type]
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None and _count(data_dir) <= before:
            time.sleep(0.05)
        time.sleep(rng.uniform(0.0, 0.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if not (data_dir / "tocsin.db").exists():
            continue
        _assert_consistent(data_dir)
        store = Store(data_dir)
        now = snapshot(store)
        store.close()
        # nothing that was committed before is lost or changed
        for table in ("documents", "originals", "segments", "document_meta", "claims"):
            before = set(committed.get(table, []))  # type: ignore[arg-type]
            assert before <= set(now[table]), table  # type: ignore[arg-type]
        committed = now
        counts.append(len(now["documents"]))  # type: ignore[arg-type]
    # the kills must really have landed mid-ingest, or this test proved nothing
    assert any(0 < c < len(files) for c in counts), counts
    finished = subprocess.run(_ingest_cmd(data_dir, corpus), capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    _assert_consistent(data_dir)
    store = Store(data_dir)
    assert store.count() == len(files)
    for path in files:
        doc = next(d for d in store.list_documents() if d.filename == path.name)
        assert store.original(doc.sha256) == path.read_bytes()


def _run_and_kill(cmd: list[str], rng: random.Random, window: tuple[float, float]) -> None:
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(*window))
    proc.send_signal(signal.SIGKILL)
    proc.wait()


def test_kill_9_during_extraction_and_reviews_keeps_the_store_whole(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    generate(corpus, 40, seed=11, sentences=30)
    data_dir = tmp_path / "data"
    done = subprocess.run(
        [*_ingest_cmd(data_dir, corpus)[:-2], "ingest", "--no-extract", str(corpus)],
        capture_output=True,
    )
    assert done.returncode == 0, done.stderr
    rng = random.Random(99)
    base = [sys.executable, "-m", "tocsin", "--data-dir", str(data_dir)]
    for _ in range(4):
        _run_and_kill([*base, "extract"], rng, (1.5, 4.0))
        _assert_consistent(data_dir)
    # many reviews in one process, killed somewhere in the middle
    script = (
        "import sys\nfrom tocsin.store import Store\ns = Store(sys.argv[1])\n"
        "for i in range(100000):\n    s.review('source', f'S{i % 50}', 'B', f'check {i}')\n"
    )
    for _ in range(3):
        _run_and_kill([sys.executable, "-c", script, str(data_dir)], rng, (1.0, 2.5))
        _assert_consistent(data_dir)
    store = Store(data_dir)
    reviews = [e for e in store.audit_entries() if e.action == "review.source"]
    assert reviews, "the kills must have landed after some reviews were committed"
    # each committed review has its audit entry, and no audit entry lacks its review
    assert len(reviews) == sum(len(store.review_history("source", f"S{i}")) for i in range(50))
    finished = subprocess.run([*base, "extract"], capture_output=True)
    assert finished.returncode == 0
    _assert_consistent(data_dir)
