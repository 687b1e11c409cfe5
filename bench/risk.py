"""Risk and alerts at scale: full recomputation over a million claims, and one new document.

    .venv/bin/python bench/risk.py [--claims 1000000] [--runs 3]

Generates fictional claims (fixed seed): 50 countries with 5 regions and 40 towns each, three
years, 300 sources, eight claims per document, a fifth located only to a country, some naming
the group targeted. Then times, median of --runs:

- full: group every claim into incidents (corroborate: by event type and country, over the
  machine's cores; TOCSIN_WORKERS=1 for one), build the monthly matrix, roll it up
  into quarters, apply the default alert rules to every area;
- incremental: one new document of eight claims: re-group what it can change (the incidents
  its claims match, reports naming no town that link them, its source's series: the same
  result as a full run, tests/test_corroborate.py checks), update the monthly matrix and the
  quarters it touches, apply the rules to the areas it touched.

Each full run is timed in a fresh process forked from the one holding the claims, as each
`tocsin risk` / `tocsin alerts` runs in its own; the incremental steps run in this one, on
the state a last full run leaves. Targets: full < 60 s, incremental < 1 s. Claims are
generated in memory: reading them from the store is the store's cost, measured apart
(bench/ingest.py).
"""

from __future__ import annotations

import argparse
import os
import pickle
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tocsin.assess import Alert, Fired, RiskMatrix, evaluate, rules, statuses
from tocsin.corroborate import Incident, corroborate
from tocsin.corroborate.neighbourhood import Neighbourhoods
from tocsin.extract import taxonomy
from tocsin.types import Claim, Count, Place

FULL_TARGET, INCREMENTAL_TARGET = 60.0, 1.0
EVENTS = [
    ("killing", 30),
    ("injury", 10),
    ("attack_on_civilians", 15),
    ("displacement", 10),
    ("detention", 10),
    ("missing_persons", 5),
    ("hate_speech", 6),
    ("destruction_property", 6),
    ("humanitarian_access_denial", 3),
    ("mass_grave", 1),
    ("mine_incident", 2),
    ("sexual_violence", 2),
]


class Generator:
    def __init__(self, seed: int = 1) -> None:
        self.rng = random.Random(seed)
        self.countries = [f"Q{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(50)]
        self.towns = {
            c: [
                Place(f"{c}-town-{t}", c, 0.0, 0.0, f"user:{c}-{t}", f"region {t % 5}")
                for t in range(40)
            ]
            for c in self.countries
        }
        self.states = {c: Place(c, c, gazetteer_id=f"iso3166:{c}") for c in self.countries}
        self.counts = [Count(v, "exact") for v in (1, 2, 3, 5, 8, 12, 20, 40)] + [
            Count(None, "unquantified")
        ]
        self.tax = taxonomy.load()
        self.events = [e for e, _ in EVENTS]
        self.weights = [w for _, w in EVENTS]
        self.docs = 0

    def document(self) -> list[Claim]:
        """Eight claims from one source about one country and month."""
        rng = self.rng
        self.docs += 1
        doc = f"{self.docs:064x}"
        country = rng.choice(self.countries)
        month = rng.randrange(36)
        speaker = rng.choice(self.countries)
        out = []
        for k in range(8):
            event = rng.choices(self.events, self.weights)[0]
            place = self.states[country] if rng.random() < 0.2 else rng.choice(self.towns[country])
            day = f"{2022 + month // 12}-{month % 12 + 1:02d}-{rng.randint(1, 28):02d}"
            when = None if rng.random() < 0.05 else day
            group = "Kaduri" if rng.random() < 0.1 else None
            out.append(
                Claim(
                    id=f"{self.docs:010x}{k:06x}",
                    doc_sha256=doc,
                    sentence=k,
                    start=k * 100,
                    end=k * 100 + 80,
                    quote="…",
                    event=event,
                    stance="asserts",
                    count=rng.choice(self.counts),
                    victim_group=group,
                    when_from=when,
                    when_to=when,
                    places=(place,),
                    speaker_country=speaker,
                    doc_date=day,
                    risk_indicators=self.tax.events[event].indicators_for(group),
                )
            )
        return out


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    out = work()
    return time.perf_counter() - start, out


@dataclass
class Full:
    stages: dict[str, float]
    month: RiskMatrix
    incident_of: dict[str, Incident]
    fired: Fired
    incidents: int
    quarters: int
    alerts: int


def full_run(claims: list[Claim], sources: dict[str, str], ruleset: rules.Rules) -> Full:
    stages: dict[str, float] = {}
    stages["corroborate"], incidents = timed(lambda: corroborate(claims, sources))
    status = statuses(incidents)
    month = RiskMatrix("month")
    stages["monthly matrix"], _ = timed(lambda: month.update(claims, status, sources))
    stages["quarterly rollup"], quarters = timed(month.quarters)
    incident_of = {cid: inc for inc in incidents for cid in inc.claims}
    fired = Fired()
    stages["alerts"], raised = timed(lambda: evaluate(ruleset, month, incident_of, fired))
    stages["total"] = sum(stages.values())
    return Full(stages, month, incident_of, fired, len(incidents), len(quarters), len(raised))


def in_fresh_process(fn: Callable[[int], Any], arg: int) -> Any:
    """fn(arg) in a child forked from this process; its result comes back pickled."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run, send, leave without running the parent's exit handlers
        os.close(read)
        with os.fdopen(write, "wb") as out:
            pickle.dump(fn(arg), out)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as got:
        result = pickle.load(got)
    os.waitpid(pid, 0)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    gen = Generator()
    claims: list[Claim] = []
    while len(claims) < args.claims:
        claims += gen.document()
    sources = {c.doc_sha256: f"source {int(c.doc_sha256, 16) % 300}" for c in claims}
    ruleset = rules.load()
    print(f"{len(claims):,} claims in {gen.docs:,} documents, {len(gen.countries)} countries")

    # Each timed run in a fresh process forked from this one (the claims shared, not
    # copied), as each `tocsin risk` or `tocsin alerts` is: runs one after another in one
    # heap slow down as it fragments, which no command meets.
    def timed_run(_: int) -> tuple[dict[str, float], int, int, int]:
        run = full_run(claims, sources, ruleset)
        return run.stages, run.incidents, run.quarters, run.alerts

    results = [in_fresh_process(timed_run, k) for k in range(args.runs)]
    stages = [r[0] for r in results]
    last = full_run(claims, sources, ruleset)  # the state the incremental runs start from
    month, incident_of, fired = last.month, last.incident_of, last.fired
    print(
        f"{last.incidents:,} incidents, {last.quarters:,} quarterly profiles, "
        f"{last.alerts:,} alerts"
    )
    totals = sorted(s["total"] for s in stages)
    print(f"full recomputation, each run (s): {', '.join(f'{t:.1f}' for t in totals)}")
    print("full recomputation, median of runs (s):")
    for name in stages[0]:
        print(f"  {name:<17} {statistics.median(s[name] for s in stages):7.2f}")

    # one new document at a time, onto the state the full run left
    hood = Neighbourhoods(claims, sources)
    sources_now = dict(sources)
    incs: list[float] = []
    for _ in range(max(args.runs, 5)):
        new = gen.document()
        for c in new:
            sources_now[c.doc_sha256] = "source new"

        def step(new: list[Claim] = new) -> list[Alert]:
            hood.add(new, sources_now)
            regrouped: list[Incident] = corroborate(hood.around(new, incident_of), sources_now)
            st = statuses(regrouped)
            touched = month.update(new, st, sources_now)
            month.quarters(touched)  # the quarters the new claims fall in
            incident_of.update((cid, inc) for inc in regrouped for cid in inc.claims)
            return evaluate(ruleset, month, incident_of, fired, {a for a, _ in touched})

        t, _ = timed(step)
        incs.append(t)
    full, inc = statistics.median(s["total"] for s in stages), statistics.median(incs)
    print(f"incremental, one document of 8 claims, median of {len(incs)} (s): {inc:.3f}")
    print(
        f"targets: full < {FULL_TARGET:g} s ({'met' if full < FULL_TARGET else 'NOT MET'}), "
        f"incremental < {INCREMENTAL_TARGET:g} s "
        f"({'met' if inc < INCREMENTAL_TARGET else 'NOT MET'}); ratio {full / inc:,.0f}×"
    )


if __name__ == "__main__":
    main()
