"""The structural forecast against the Early Warning Project, on the EWP's own protocol.

    .venv/bin/python bench/forecast.py [--ewp-dir ../shared/data/ewp]

Reads the EWP's prepared country-year data and its fully out-of-sample forecasts from where
they are kept (they carry no licence: never copied into this project), runs the rolling
evaluation (train on years <= L for L = 1991…2021, forecast from L + 2, score each year by
maxrisk2 / minrank2) for every model, and prints them beside the EWP's forecasts on exactly
the same country-years.

Targets: the replication within ±0.02 AUC of the EWP's (the protocol is right); the best
model (declared in tocsin.forecast.models.BEST) above the EWP's AUC (0.825) and above its
top-20 (21/39) or top-30 (27/39) recall; the whole evaluation in under 5 minutes.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from tocsin.forecast import evaluate, load, models

DATA = "prepared2024predictors-2025-09-03.csv"
FOOS = "FOOSforecasts_3Sep2025.csv"
MODELS = ["replication", "enet-imputed", "boosting", "ensemble", "baseline"]
TIME_TARGET_S = 300.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = Path(__file__).resolve().parents[1]
    parser.add_argument("--ewp-dir", type=Path, default=here.parent / "shared" / "data" / "ewp")
    args = parser.parse_args()
    data_path, foos = args.ewp_dir / DATA, args.ewp_dir / FOOS
    if not data_path.is_file() or not foos.is_file():
        raise SystemExit(f"{args.ewp_dir}: needs {DATA} and {FOOS} (see its README)")
    start = time.perf_counter()
    data = load(data_path)
    result = evaluate.evaluate(data, MODELS, compare=[foos])
    took = time.perf_counter() - start
    m = result.metrics
    ewp = m[FOOS]
    print(f"{result.rows:,} country-years, {result.years[0]}–{result.years[1]}, same for all")
    cols = ("auc", "pr_auc", "top10", "top20", "top30", "onsets", "brier")
    print(f"{'model':<14}" + "".join(f"{c:>9}" for c in cols))
    for name, row in [("EWP (FOOS)", ewp)] + [(n, m[n]) for n in MODELS]:
        label = f"{name}{' *' if name == models.BEST else ''}"
        cells = "".join(f"{'—' if row.get(c) is None else row.get(c)!s:>9}" for c in cols)
        print(f"{label:<14}{cells}")
    print("* the model put forward, declared before the comparison is run")
    rep, best = m["replication"], m[models.BEST]
    gap = abs(float(rep["auc"]) - float(ewp["auc"]))  # type: ignore[arg-type]
    beats_auc = float(best["auc"]) > float(ewp["auc"])  # type: ignore[arg-type]
    beats_top = int(best["top20"]) > int(ewp["top20"]) or int(best["top30"]) > int(ewp["top30"])  # type: ignore[call-overload]
    print(f"replication within 0.02 AUC of the EWP: {'yes' if gap <= 0.02 else 'NO'} ({gap:.4f})")
    print(
        f"{models.BEST} beats the EWP on AUC: {'yes' if beats_auc else 'NO'}; "
        f"on top-20 or top-30: {'yes' if beats_top else 'NO'}"
    )
    print(
        f"whole evaluation: {took:.0f} s (target < {TIME_TARGET_S:.0f} s: "
        f"{'met' if took < TIME_TARGET_S else 'NOT MET'})"
    )


if __name__ == "__main__":
    main()
