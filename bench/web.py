"""The desk at scale: page latency with a million claims in the embedded store (SQLite).

    .venv/bin/python bench/web.py [--claims 1000000] [--requests 200] [--store DIR]

Builds (once; kept in --store for later runs) a SQLite store of fictional claims — bench/risk.py's
generator: 50 countries, three years, 300 sources, eight claims per document, with quotes of a
few words each so the word search has work — written in bulk, not through ingest (that path is
bench/ingest.py's). Then starts the desk on it (time to read the record, group it and index it,
printed), serves it with uvicorn on loopback, logs in, and times --requests GETs of each page
over real HTTP, varying the country, the words searched and the filters:

- overview: `/` (alerts, risk by country with trends, the incident map), half with filters;
- country: `/countries/XXX` (heatmap, timeline, incidents, map);
- claim search: `/claims?q=…` (words, with and without filters and pages).

Prints p50 / p95 / max per page and the peak memory of the desk. Target: p95 < 150 ms for each.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import resource
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
import uvicorn
from sqlalchemy import insert

from tocsin.store import Store
from tocsin.store.audit import acting_as
from tocsin.store.claims import row_of
from tocsin.store.schema import claims as claims_table
from tocsin.store.schema import document_meta, documents
from tocsin.web import create_app

sys.path.insert(0, str(Path(__file__).parent))
from risk import Generator  # bench/risk.py: the same claims as the risk bench

TARGET_P95_MS = 150.0
PASSWORD = "bench password 1"
NEW_DOCUMENT = (
    "Statement of the Commission, 14 March 2025 (ref {n}). On 12 March 2025 armed men "
    "killed 14 civilians in the town of QAA-town-3, and 200 families were displaced.\n"
)
VERBS = ["killed", "shelled", "displaced", "detained", "wounded", "attacked", "burned"]


def build_store(folder: Path, n: int) -> None:
    gen = Generator()
    rng = random.Random(2)
    store = Store(folder)
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    batch_docs: list[dict[str, object]] = []
    batch_meta: list[dict[str, object]] = []
    batch_claims: list[dict[str, object]] = []

    def flush() -> None:
        with store.engine.begin() as conn:
            if batch_docs:
                conn.execute(insert(documents), batch_docs)
                conn.execute(insert(document_meta), batch_meta)
            if batch_claims:
                conn.execute(insert(claims_table), batch_claims)
        batch_docs.clear()
        batch_meta.clear()
        batch_claims.clear()

    made = 0
    while made < n:
        doc = gen.document()
        sha = doc[0].doc_sha256
        source = f"source {int(sha, 16) % 300}"
        batch_docs.append(
            {
                "sha256": sha,
                "filename": f"{sha[:12]}.txt",
                "media_type": "text/plain",
                "reader": "bench@1",
                "encoding": "utf-8",
                "language": "en",
                "size": 800,
                "text": "",
                "n_pages": 0,
                "n_segments": 0,
                "warnings": "[]",
                "ingested_at": now,
                "tocsin_version": "bench",
            }
        )
        batch_meta.append(
            {
                "doc_sha256": sha,
                "field": "speaker_org",
                "value": json.dumps(source),
                "origin": "given",
                "producer": "bench",
                "char_start": None,
                "char_end": None,
            }
        )
        for c in doc:
            place = c.places[0]
            quote = (
                f"{rng.choice(VERBS)} {c.count.value if c.count and c.count.value else 'many'} "
                f"civilians in {place.name} {place.admin1 or ''} {c.event.replace('_', ' ')}"
            )
            c = dataclasses.replace(c, quote=quote, speaker=source)
            batch_claims.append(row_of(c, "bench"))
        made += len(doc)
        if len(batch_claims) >= 50_000:
            flush()
            print(f"  {made:,} claims written", flush=True)
    flush()
    with acting_as("bench"):
        store.set_role("bench", "admin")
        store.set_password("bench", PASSWORD)
    (folder / "complete").write_text(str(n))
    store.close()


def peak_mib() -> float:
    """This process's peak resident memory so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--store", type=Path)
    args = parser.parse_args()
    folder = args.store or Path(tempfile.gettempdir()) / f"tocsin-bench-web-{args.claims}"
    built = False
    if (folder / "complete").is_file() and (folder / "complete").read_text() == str(args.claims):
        print(f"store: {folder} (built earlier)")
    else:
        print(f"building a store of {args.claims:,} claims in {folder} …", flush=True)
        start = time.perf_counter()
        if folder.exists():
            for f in folder.iterdir():
                f.unlink()
        build_store(folder, args.claims)
        built = True
        print(f"  built in {time.perf_counter() - start:.0f} s")

    store = Store(folder)
    start = time.perf_counter()
    app = create_app(store)
    snap = app.state.desk.snapshot
    print(
        f"desk started in {time.perf_counter() - start:.1f} s: {len(snap.claims):,} claims, "
        f"{len(snap.incidents):,} incidents, {len(snap.alerts):,} alerts, "
        f"{len(snap.country_rows)} countries; peak memory {peak_mib():,.0f} MiB"
        + (" (building the store included: run again for the desk alone)" if built else ""),
        flush=True,
    )
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    rng = random.Random(3)
    countries = [r["country"] for r in snap.country_rows]
    events = sorted({i.event for i in snap.incidents.values()})
    with httpx.Client(
        base_url=f"http://127.0.0.1:{port}", timeout=60, follow_redirects=True
    ) as client:
        r = client.post("/login", data={"name": "bench", "password": PASSWORD})
        assert r.status_code == 200 and "Overview" in r.text, r.text[:300]

        def overview(k: int) -> str:
            if k % 2:
                return "/"
            return f"/?event={rng.choice(events)}&period_from=2023-01&period_to=2023-12"

        def country(k: int) -> str:
            return f"/countries/{countries[k % len(countries)]}"

        def search(k: int) -> str:
            words = f"{rng.choice(VERBS)}+{rng.choice(['civilians', 'region', 'town'])}"
            extra = [
                "",
                f"&country={rng.choice(countries)}",
                f"&event={rng.choice(events)}&date_from=2023-06",
                "&page=3",
            ][k % 4]
            return f"/claims?q={words}{extra}"

        results: dict[str, list[float]] = {}
        for name, path in (("overview", overview), ("country", country), ("claim search", search)):
            for k in range(5):  # warm: templates compiled, caches filled
                client.get(path(k))
            times = []
            for k in range(args.requests):
                url = path(k)
                t = time.perf_counter()
                r = client.get(url)
                times.append((time.perf_counter() - t) * 1000)
                assert r.status_code == 200, (url, r.status_code, r.text[:300])
            results[name] = times

        # one new document through the upload page: the answer, then the desk taking it in
        page = client.get("/upload").text
        csrf = page.split('name="csrf" value="', 1)[1].split('"', 1)[0]
        text = NEW_DOCUMENT.format(n=rng.randrange(10**6)).encode()
        desk = app.state.desk
        t = time.perf_counter()
        r = client.post(
            "/upload",
            data={"csrf": csrf},
            files=[("files", ("new.txt", text, "text/plain"))],
            headers={"Accept": "application/json"},
        )
        answered = time.perf_counter() - t
        assert r.json()["outcomes"][0]["status"] == "ingested", r.text
        while desk.updating or store.record_version() != desk.snapshot.seq:
            time.sleep(0.05)
        taken = time.perf_counter() - t
        incremental = desk.snapshot.live is snap.live
    server.should_exit = True
    thread.join(10)
    print(f"page latency over HTTP, {args.requests} requests each (ms):")
    print(f"  {'page':<13} {'p50':>7} {'p95':>7} {'max':>7}")
    worst = 0.0
    for name, times in results.items():
        p95 = percentile(times, 0.95)
        worst = max(worst, p95)
        print(f"  {name:<13} {statistics.median(times):7.1f} {p95:7.1f} {max(times):7.1f}")
    how = "updated from the live state" if incremental else "read again in full"
    print(
        f"one new document uploaded: answered in {answered:.2f} s, on every page "
        f"{taken:.1f} s after sending ({how})"
    )
    verdict = "met" if worst < TARGET_P95_MS else "NOT MET"
    print(f"target: p95 < {TARGET_P95_MS:g} ms on every page ({verdict}; worst p95 {worst:.1f} ms)")
    store.close()


if __name__ == "__main__":
    main()
