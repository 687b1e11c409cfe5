"""Extraction quality: the real annotated corpus, scored by its own metric, beside the seed gold.

    .venv/bin/python bench/extract_quality.py [--shared ../shared] [--corpus DIR] [--show]

First the corpus (`shared/corpus/dev` by default; any folder in its format, such as a held-out
set): its texts are ingested into a fresh store with the `tocsin` command, exactly as a user
would, and `shared/corpus/score.py` — the metric, whose matching is not ours to change —
scores `tocsin claims --format json` and `tocsin docs --format json`, per language and genre.
Issue 13's targets for English: event F1 >= 0.85, all fields >= 0.50, count >= 0.90, source
>= 0.90, stance >= 0.85, accused >= 0.80, places >= 0.85, time >= 0.80, no claim from negative
documents or spans, publication date >= 0.95, publisher >= 0.85; French event F1 >= 0.80.

Then the seed statements' gold:
Every gold claim is located by its quote; an extracted claim "meets" a gold claim when their
spans overlap. Per field: recall = gold claims met by an extracted claim that gets the field
right; precision = extracted claims meeting some gold claim that get it right. Negatives:
extracted claims overlapping a span that must yield none. Targets: event-type F1 >= 0.90,
count exact match >= 0.95, no negative extracted.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from tocsin import read_document
from tocsin.extract import extract_document
from tocsin.extract.places import fold
from tocsin.types import Claim

ROOT = Path(__file__).resolve().parents[1]
Gold = dict[str, Any]


def _event_ok(c: Claim, g: Gold) -> bool:
    return c.event == g["event"] or c.event.startswith(g["event"] + ".")


def _count_ok(c: Claim, g: Gold) -> bool:
    gc = g["count"]
    cc = c.count
    if cc is None:
        return False
    if gc["qualifier"] == "vague":
        return cc.qualifier == "vague" and (cc.low, cc.high) == (gc["low"], gc["high"])
    return (cc.value, cc.qualifier) == (gc["value"], gc["qualifier"])


def _victims_ok(c: Claim, g: Gold) -> bool:
    return bool(c.victims == g["victims"])


def _when_ok(c: Claim, g: Gold) -> bool:
    return (c.when_from, c.when_to) == (g["when"]["from"], g["when"]["to"])


def _places_ok(c: Claim, g: Gold) -> bool:
    got = {fold(p.name) for p in c.places}
    return {fold(p) for p in g["places"]} <= got


FIELDS: dict[str, tuple[str, Callable[[Claim, Gold], bool]]] = {
    "event": ("event", _event_ok),
    "count": ("count", _count_ok),
    "victims": ("victims", _victims_ok),
    "time": ("when", _when_ok),
    "places": ("places", _places_ok),
}


def _load(path: Path) -> list[Gold]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def evaluate(shared: Path, show: bool = False) -> dict[str, dict[str, float]]:
    gold = _load(shared / "gold" / "seed_claims.jsonl")
    negatives = _load(shared / "gold" / "seed_negatives.jsonl")
    docs = {}
    claims: dict[str, list[Claim]] = {}
    for name in sorted({g["doc"] for g in gold + negatives}):
        doc = read_document((shared / "seeds" / name).read_bytes(), name)
        docs[name] = doc
        claims[name] = extract_document(doc)

    def span(g: Gold) -> tuple[int, int]:
        start = docs[g["doc"]].text.find(g["quote"])
        if start < 0:
            raise SystemExit(f"gold quote not found in {g['doc']}: {g['quote'][:60]!r}")
        return start, start + len(g["quote"])

    def meeting(g: Gold) -> list[Claim]:
        s, e = span(g)
        return [c for c in claims[g["doc"]] if c.start < e and s < c.end]

    results: dict[str, dict[str, float]] = {}
    for field, (key, ok) in FIELDS.items():
        golds = [g for g in gold if key in g]
        hit = sum(
            any(ok(c, g) and (field == "event" or _event_ok(c, g)) for c in meeting(g))
            for g in golds
        )
        judged = [(c, g) for g in golds for c in meeting(g) if field == "event" or _event_ok(c, g)]
        by_claim: dict[str, bool] = {}
        for c, g in judged:
            by_claim[c.id] = by_claim.get(c.id, False) or ok(c, g)
        recall = hit / len(golds) if golds else 1.0
        precision = sum(by_claim.values()) / len(by_claim) if by_claim else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        results[field] = {"precision": precision, "recall": recall, "f1": f1, "gold": len(golds)}
    leaked = [c for g in negatives for c in meeting(g)]
    results["negatives"] = {"extracted": len(leaked), "gold": len(negatives)}
    if show:
        for g in gold:
            met = meeting(g)
            mark = "ok " if any(_event_ok(c, g) for c in met) else "MISS"
            print(f"{mark} {g['event']:30} {g['quote'][:70]!r}")
            for c in met:
                cnt = c.count and (c.count.value, c.count.qualifier, c.count.low, c.count.high)
                print(
                    f"      → {c.event:28} count={cnt} victims={c.victims} when={c.when_from}..{c.when_to} "
                    f"places={[p.name for p in c.places]}"
                )
        for c in leaked:
            print(f"NEGATIVE LEAKED: {c.event} {c.quote[:80]!r}")
    return results


def _scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tocsin(data: Path, *args: str) -> str:
    cmd = [sys.executable, "-m", "tocsin", "--data-dir", str(data), *args]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):  # 1: some file refused, the others are in
        raise SystemExit(f"{' '.join(args[:1])} failed: {done.stderr.strip()[-400:]}")
    return done.stdout


def score_corpus(corpus: Path, scorer: Path) -> dict[str, Any]:
    """Ingest the corpus's texts as a user would and score what `tocsin` prints."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "store"
        _tocsin(data, "ingest", str(corpus / "texts"))
        claims = json.loads(_tocsin(data, "claims", "--format", "json") or "[]")
        docs = json.loads(_tocsin(data, "docs", "--format", "json") or "[]")
    result: dict[str, Any] = _scorer(scorer).score(corpus, claims, docs)
    return result


def print_corpus(res: dict[str, Any]) -> None:
    cols = ["claims", "extracted", "precision", "recall", "f1", "all_fields"]
    cols += ["count", "source", "stance", "accused", "places", "when", "victim_group"]
    print("group".ljust(14) + "".join(c[:10].rjust(11) for c in cols))
    for key, row in res.items():
        if key not in ("metadata", "missed_examples"):
            print(key.ljust(14) + "".join(str(row.get(c, "-")).rjust(11) for c in cols))
    every = res["ALL"]
    print(
        f"claims from documents that state no violation: {every.get('negative_doc_claims', 0)}; "
        f"on spans that state none: {every.get('negative_span_claims', 0)}"
    )
    print("document metadata:", res.get("metadata", {}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument(
        "--corpus", type=Path, help="annotated corpus folder (default: SHARED/corpus/dev)"
    )
    parser.add_argument(
        "--show", action="store_true", help="print every gold claim and what met it"
    )
    args = parser.parse_args()
    corpus = args.corpus or args.shared / "corpus" / "dev"
    print(f"== real corpus: {corpus}")
    print_corpus(score_corpus(corpus, args.shared / "corpus" / "score.py"))
    print("\n== seed statements' gold")
    results = evaluate(args.shared, args.show)
    print(f"{'field':10} {'precision':>9} {'recall':>7} {'F1':>6} {'gold':>5}")
    for field in FIELDS:
        r = results[field]
        print(
            f"{field:10} {r['precision']:9.2f} {r['recall']:7.2f} {r['f1']:6.2f} {int(r['gold']):5d}"
        )
    neg = results["negatives"]
    print(
        f"negatives extracted: {int(neg['extracted'])} of {int(neg['gold'])} spans that must yield none"
    )
    print("targets: event F1 >= 0.90, count exact match (recall) >= 0.95, no negative extracted")


if __name__ == "__main__":
    main()
