"""Extraction speed: words per second on one core, default pipeline, median of several runs.

    .venv/bin/python bench/extract_speed.py [--words 1000000] [--runs 3]
    .venv/bin/python bench/extract_speed.py --lang zh [--corpus ../shared/corpus/dev]

Generates fictional statements (see tocsin.synth.corpus) until the corpus holds at least
--words words, reads each once (ingest is not timed), then times `extract_document` over all
of them. With --lang, the corpus is the real documents of that language in --corpus (a folder
in the format of shared/corpus: texts/ and docs.jsonl), each numbered copy a document of its
own, until it holds --words words. Words are counted as the rules read them (for a script
written without spaces, the words its segmenter finds). The gazetteer and the language's
segmenter are loaded before timing starts. Target: >= 20,000 words/s, in every language.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import time
from pathlib import Path

from tocsin import lang, read_document
from tocsin.extract import extract_document
from tocsin.extract.places import geocode
from tocsin.lang import script
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


_WORDS = re.compile(r"\w+")


def real(code: str, folder: Path, words: int) -> tuple[list[Document], int]:
    """Copies of the corpus documents in language `code`, until they hold `words` words."""
    ids = [
        d["id"]
        for d in map(json.loads, (folder / "docs.jsonl").read_text("utf-8").splitlines())
        if d.get("lang") == code
    ]
    if not ids:
        raise SystemExit(f"no documents in {code!r} in {folder}: try another --lang or --corpus")
    texts = [(folder / "texts" / f"{i}.txt").read_text("utf-8") for i in ids]
    pack = lang.load(code)
    docs: list[Document] = []
    total = 0
    while total < words:
        text = f"{texts[len(docs) % len(texts)]}\n\n{len(docs)}"  # each copy a new document
        docs.append(read_document(text.encode(), f"doc-{len(docs)}.txt", language=code))
        total += len(_WORDS.findall(script.view(text, pack).text))
    return docs, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lang", help="time the real documents of this language instead")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev",
        help="folder of real documents for --lang (default: ../shared/corpus/dev)",
    )
    args = parser.parse_args()
    if args.lang:
        docs, words = real(args.lang, args.corpus, args.words)
        script.first_use(lang.load(args.lang))
    else:
        docs, words = corpus(args.words)
    geocode("Geneva")  # load the gazetteer outside the timed part
    times = []
    claims = 0
    for _ in range(args.runs):
        start = time.perf_counter()
        claims = sum(len(extract_document(d)) for d in docs)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(
        f"corpus ({args.lang or 'en, generated'}): {len(docs)} documents, {words:,} words; "
        f"{claims:,} claims per run"
    )
    print(f"runs (s): {', '.join(f'{t:.1f}' for t in times)}")
    print(
        f"median: {median:.1f} s  →  {words / median:,.0f} words/s, {len(docs) / median:.1f} documents/s"
    )
    print(
        f"target: >= {TARGET:,} words/s on one core{'' if words / median >= TARGET else '  (BELOW TARGET)'}"
    )


if __name__ == "__main__":
    main()
