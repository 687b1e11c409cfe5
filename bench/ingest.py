"""Ingest throughput: documents/s and MB/s per format, median of several runs, one core.

    .venv/bin/python bench/ingest.py [--docs 2000] [--runs 3]

Generates a corpus of fictional statements (txt, md, html, pdf), then ingests each format's
share into a fresh store, end to end (read, detect, segment, infer metadata, store in SQLite
with the original), in this one process. Claim extraction is left out here and measured by
bench/extract_speed.py. Target: at least 50 documents/s for text formats.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from tocsin.ingest.run import Options, ingest
from tocsin.ingest.sources import expand
from tocsin.store import Store
from tocsin.synth.corpus import FORMATS, generate

TARGET_TEXT_DOCS_PER_S = 50.0


def run_once(files: list[Path], data_dir: Path) -> float:
    store = Store(data_dir)
    start = time.perf_counter()
    # The ingest stage proper; claim extraction has its own benchmark (extract_speed.py).
    outcomes = ingest(store, expand([str(f) for f in files]), Options(extract=False))
    elapsed = time.perf_counter() - start
    store.close()
    failed = [o for o in outcomes if o.status != "ingested"]
    if failed:
        raise SystemExit(f"benchmark corpus failed to ingest: {failed[0]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--docs", type=int, default=2000, help="documents in the corpus (all formats)"
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="runs per format; the median is reported"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = generate(root / "corpus", args.docs, seed=42)
        print(
            f"corpus: {len(files)} documents, formats {', '.join(FORMATS)}, "
            f"{sum(f.stat().st_size for f in files) / 2**20:.1f} MB"
        )
        print(
            f"{'format':8} {'docs':>6} {'MB':>7} {'median s':>9} {'docs/s':>8} {'MB/s':>7}  runs (s)"
        )
        totals: list[tuple[int, float, float]] = []
        for fmt in FORMATS:
            subset = [f for f in files if f.suffix == f".{fmt}"]
            size_mb = sum(f.stat().st_size for f in subset) / 2**20
            times = [run_once(subset, root / f"data-{fmt}-{i}") for i in range(args.runs)]
            median = statistics.median(times)
            totals.append((len(subset), size_mb, median))
            flag = ""
            if fmt != "pdf" and len(subset) / median < TARGET_TEXT_DOCS_PER_S:
                flag = f"  BELOW TARGET ({TARGET_TEXT_DOCS_PER_S:.0f} docs/s)"
            print(
                f"{fmt:8} {len(subset):6d} {size_mb:7.2f} {median:9.2f} {len(subset) / median:8.1f} "
                f"{size_mb / median:7.2f}  {', '.join(f'{t:.2f}' for t in times)}{flag}"
            )
        n = sum(t[0] for t in totals)
        mb = sum(t[1] for t in totals)
        secs = sum(t[2] for t in totals)
        print(f"{'all':8} {n:6d} {mb:7.2f} {secs:9.2f} {n / secs:8.1f} {mb / secs:7.2f}")
        print(
            f"target: >= {TARGET_TEXT_DOCS_PER_S:.0f} docs/s for text formats (txt, md, html) on one core"
        )


if __name__ == "__main__":
    main()
