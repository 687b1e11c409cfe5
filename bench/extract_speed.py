"""Extraction speed: words per second on one core, default pipeline, median of several runs.

    .venv/bin/python bench/extract_speed.py [--words 1000000] [--runs 3]

Generates fictional statements (see tocsin.synth.corpus) until the corpus holds at least
--words words, reads each once (ingest is not timed), then times `extract_document` over all
of them. The gazetteer is loaded before timing starts. Target: >= 20,000 words/s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from tocsin import read_document
from tocsin.extract import extract_document
from tocsin.extract.places import geocode
from tocsin.synth.corpus import _paragraphs, render
from tocsin.types import Document

TARGET = 20_000


def corpus(words: int, seed: int = 1) -> tuple[list[Document], int]:
    rng = random.Random(seed)
    docs: list[Document] = []
    total = 0
    i = 0
    while total < words:
        paras = [*_paragraphs(rng, 40), f"Reference {i}."]
        doc = read_document(render(paras, "txt"), f"doc-{i}.txt", language="en")
        docs.append(doc)
        total += len(doc.text.split())
        i += 1
    return docs, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    docs, words = corpus(args.words)
    geocode("Geneva")  # load the gazetteer outside the timed part
    times = []
    claims = 0
    for _ in range(args.runs):
        start = time.perf_counter()
        claims = sum(len(extract_document(d)) for d in docs)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"corpus: {len(docs)} documents, {words:,} words; {claims:,} claims per run")
    print(f"runs (s): {', '.join(f'{t:.1f}' for t in times)}")
    print(
        f"median: {median:.1f} s  →  {words / median:,.0f} words/s, {len(docs) / median:.1f} documents/s"
    )
    print(
        f"target: >= {TARGET:,} words/s on one core{'' if words / median >= TARGET else '  (BELOW TARGET)'}"
    )


if __name__ == "__main__":
    main()
