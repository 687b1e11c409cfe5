"""Country-year data generated in the EWP's schema, for tests (the EWP's files are not ours
to copy). Onsets follow a known logistic model of three predictors, so a model that learns
anything ranks them well, and battle deaths alone ranks them less well."""

from __future__ import annotations

import csv
import math
import random
from pathlib import Path

from tocsin.forecast.data import EWP_PREDICTORS


def write(
    path: Path, countries: int = 30, first: int = 1975, last: int = 2024, seed: int = 3
) -> Path:
    rng = random.Random(seed)
    rows: list[dict[str, object]] = []
    for k in range(countries):
        name = f"Country {k:02d}"
        fragile = rng.random()
        onsets: dict[int, int] = {}
        series = []
        for year in range(first, last + 1):
            x = {p: round(rng.random(), 3) for p in EWP_PREDICTORS}
            x["year"], x["year_sq"] = year, year * year
            x["battledeaths.log2"] = round(max(0.0, rng.gauss(fragile * 8 - 3, 2)), 3)
            x["discrimpop"] = round(fragile * rng.random(), 3)
            x["reg.eur"] = int(k % 5 == 0)
            x["popsize.log2"] = "NA" if rng.random() < 0.02 else round(20 + rng.random() * 8, 3)
            logit = -6 + 0.35 * float(x["battledeaths.log2"]) + 3 * float(x["discrimpop"])
            logit += 1.5 * float(x["widetargeting"] > 0.7)
            onsets[year + 1] = int(rng.random() < 1 / (1 + math.exp(-logit)))
            series.append((year, x))
        for year, x in series:
            row: dict[str, object] = {"ewp_name": name, "year": year, "ccode": 100 + k}
            row.update(x)
            row["mk_onset"] = onsets.get(year, 0)
            row["mk_onset_1"] = onsets.get(year + 1, 0) if year + 1 <= last else 0
            row["mk_onset_2"] = onsets.get(year + 2, 0) if year + 2 <= last else 0
            row["mk_onset_1or2"] = int(bool(row["mk_onset_1"] or row["mk_onset_2"]))
            rows.append(row)
    columns = ["ewp_name", "year", *[p for p in EWP_PREDICTORS if p != "year"]]
    columns += ["mk_onset_1or2", "mk_onset", "ccode", "mk_onset_1", "mk_onset_2"]
    with path.open("w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=columns)
        w.writeheader()
        w.writerows(rows)
    return path
