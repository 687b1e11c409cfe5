"""Structural forecast: reading country-year files, the glmnet-style regression, the EWP's
rolling protocol, its metrics, and the `tocsin forecast` commands. Data are generated in the
EWP's schema (tests/forecast_data.py); the EWP's own files are only read by bench/forecast.py."""

from __future__ import annotations

import json
import math
import random
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tocsin.forecast import data as cy
from tocsin.forecast import evaluate, metrics, models, protocol
from tocsin.forecast.enet import ElasticNetLogit, _path

from . import forecast_data
from .conftest import Run


@pytest.fixture(scope="module")
def csv_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return forecast_data.write(tmp_path_factory.mktemp("cy") / "countryyears.csv")


@pytest.fixture(scope="module")
def panel(csv_path: Path) -> cy.CountryYears:
    return cy.load(csv_path)


def test_loads_the_schema_and_knows_which_targets_are_observed(panel: cy.CountryYears) -> None:
    assert len(panel) == 30 * 50 and panel.features == cy.EWP_PREDICTORS
    assert panel.last_year == 2024
    observed = panel.observed()
    assert not observed[panel.years >= 2023].any()  # the target looks two years ahead
    assert observed[panel.years == 2022].all()
    assert np.isnan(panel.column("popsize.log2")).any()  # "NA" read as missing


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda t: t.replace("battledeaths.log2,", "battle,", 1), "missing column battledeaths"),
        (lambda t: t.replace(",0.5", ",lots", 1) if ",0.5" in t else t + "x", "not a number"),
        (lambda t: "", "empty"),
        (lambda t: t.splitlines()[0] + "\n", "a header and no rows"),
        (lambda t: t + t.splitlines()[1] + "\n", "is also on line 2"),
    ],
)
def test_bad_files_get_one_clear_line(
    csv_path: Path, tmp_path: Path, edit: object, message: str
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(edit(csv_path.read_text()))  # type: ignore[operator]
    with pytest.raises(cy.ForecastDataError, match=message) as caught:
        cy.load(bad)
    assert "\n" not in str(caught.value) and str(bad) in str(caught.value)


def test_a_target_never_1_is_refused(csv_path: Path, tmp_path: Path) -> None:
    lines = csv_path.read_text().splitlines()
    header = lines[0].split(",")
    k = header.index("mk_onset_1or2")
    rows = [line.split(",") for line in lines[1:]]
    for r in rows:
        r[k] = "0"
    bad = tmp_path / "never.csv"
    bad.write_text("\n".join([lines[0], *(",".join(r) for r in rows)]) + "\n")
    with pytest.raises(cy.ForecastDataError, match="never 1"):
        cy.load(bad)


def test_wrong_encoding_and_bad_outcome_values(csv_path: Path, tmp_path: Path) -> None:
    latin = tmp_path / "latin.csv"
    latin.write_bytes(csv_path.read_bytes().replace(b"Country 01", "Côte 01".encode("latin-1")))
    with pytest.raises(cy.ForecastDataError, match="not UTF-8"):
        cy.load(latin)
    lines = csv_path.read_text().splitlines()
    k = lines[0].split(",").index("mk_onset")
    row = lines[1].split(",")
    row[k] = "2"
    odd = tmp_path / "odd.csv"
    odd.write_text("\n".join([lines[0], ",".join(row), *lines[2:]]) + "\n")
    with pytest.raises(cy.ForecastDataError, match="mk_onset must be 0 or 1"):
        cy.load(odd)


def test_elastic_net_solves_glmnets_objective(panel: cy.CountryYears) -> None:
    """At a fixed penalty the coordinate-descent solution is the minimum of glmnet's
    objective: no small step in any coordinate lowers it (and scikit-learn's solver of the
    same objective agrees)."""
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    ok = panel.observed() & ~np.isnan(panel.X).any(axis=1)
    X, y = panel.X[ok], panel.target[ok]
    Z = (X - X.mean(0)) / np.where(X.std(0) > 0, X.std(0), 1)
    lam, alpha = 0.01, 0.5
    ((b0, b),) = _path(np.ascontiguousarray(Z.T), y, np.array([lam]), alpha, stop_early=False)

    def objective(b0: float, b: np.ndarray) -> float:  # type: ignore[type-arg]
        eta = b0 + Z @ b
        loglik = np.sum(y * eta - np.log1p(np.exp(eta)))
        return float(-loglik / len(y) + lam * (alpha * np.abs(b).sum() + (1 - alpha) / 2 * b @ b))

    best = objective(b0, b)
    for j in range(len(b)):
        for step in (1e-3, -1e-3):
            moved = b.copy()
            moved[j] += step
            assert objective(b0, moved) >= best - 1e-9
    sk = LogisticRegression(
        l1_ratio=alpha, C=1 / (lam * len(y)), solver="saga", max_iter=20000, tol=1e-8
    ).fit(Z, y)
    assert np.allclose(sk.coef_[0], b, atol=2e-3)
    assert (b == 0).any() and (b != 0).any()  # the L1 part does select


def test_cv_picks_a_penalty_on_the_path_and_predicts_probabilities(
    panel: cy.CountryYears,
) -> None:
    ok = panel.observed() & ~np.isnan(panel.X).any(axis=1)
    model = ElasticNetLogit().fit(panel.X[ok], panel.target[ok])
    assert model.lambda_ in model.lambdas_
    assert int(np.argmin(model.cv_deviance_)) == list(model.lambdas_).index(model.lambda_)
    p = model.predict_proba(panel.X[ok])
    assert ((p > 0) & (p < 1)).all()
    assert metrics.auc(panel.target[ok], p) > 0.7  # it learns the generated signal


def test_each_window_trains_only_on_observed_years_up_to_l(
    panel: cy.CountryYears, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[int, int, bool]] = []

    class Spy:
        name = "spy"

        def fit(self, data: cy.CountryYears) -> Spy:
            seen.append((int(data.years.max()), len(data), bool(np.isnan(data.target).any())))
            return self

        def predict(self, data: cy.CountryYears) -> np.ndarray:  # type: ignore[type-arg]
            assert set(data.years.tolist()) == {seen[-1][0] + 2}
            return np.full(len(data), 0.5)

    monkeypatch.setitem(models.MODELS, "spy", Spy)
    forecasts = protocol.rolling(panel, ["spy"], lasts=[1995, 2010, 2021], workers=1)["spy"]
    assert [s[0] for s in seen] == [1995, 2010, 2021]
    assert all(not has_nan for _, _, has_nan in seen)
    assert seen[0][1] == 30 * (1995 - 1975 + 1)
    assert {f.year for f in forecasts} == {1997, 2012, 2023}


def test_years_are_scored_by_the_larger_forecast_and_the_better_rank() -> None:
    F = protocol.Forecast
    nan = math.nan
    data = cy.CountryYears(
        ["A", "B", "C"],
        np.array([2000, 2000, 2000]),
        ["x"],
        np.zeros((3, 1)),
        np.array([nan, nan, nan]),
        np.array([1.0, 0.0, 0.0]),
    )
    forecasts = [
        F("A", 1999, 0.10, 0),
        F("B", 1999, 0.30, 0),
        F("C", 1999, 0.10, 0),  # A and C tie for 2nd/3rd: rank 2.5 each
        F("A", 1998, 0.50, 0),  # the earlier forecast was higher and ranked first
        F("B", 1998, 0.20, 0),
    ]
    scored = {s.country: s for s in protocol.score_years(data, forecasts)}
    assert (scored["A"].risk, scored["A"].rank, scored["A"].onset) == (0.5, 1, 1.0)
    assert (scored["B"].risk, scored["B"].rank) == (0.3, 1)
    assert (scored["C"].risk, scored["C"].rank) == (0.1, 2.5)
    assert metrics.caught_in_top(list(scored.values()), 1) == 1


def test_metrics_agree_with_scikit_learn() -> None:
    from sklearn.metrics import average_precision_score, roc_auc_score  # type: ignore[import-untyped]

    rng = random.Random(5)
    y = np.array([float(rng.random() < 0.1) for _ in range(500)])
    s = np.array([rng.random() + 0.5 * t for t in y])
    assert metrics.auc(y, s) == pytest.approx(roc_auc_score(y, s))
    assert metrics.pr_auc(y, s) == pytest.approx(average_precision_score(y, s))
    tied = np.round(s, 1)  # ties count half, as ranks do
    assert metrics.auc(y, tied) == pytest.approx(roc_auc_score(y, tied))


def test_evaluation_puts_a_compared_file_on_the_same_rows(
    panel: cy.CountryYears, tmp_path: Path
) -> None:
    lasts = list(range(1995, 2001))
    first = evaluate.evaluate(panel, ["replication", "baseline"], lasts=lasts)
    ours = protocol.score_years(
        panel, protocol.rolling(panel, ["replication"], lasts)["replication"]
    )
    other = tmp_path / "theirs.csv"
    with other.open("w") as fh:
        fh.write("ewp_name,year,maxrisk2\n")
        for s in ours[::2]:  # half the rows: the comparison keeps only the common ones
            fh.write(f"{s.country},{s.year},{s.risk}\n")
    both = evaluate.evaluate(panel, ["replication"], compare=[other], lasts=lasts)
    mine, theirs = both.metrics["replication"], both.metrics["theirs.csv"]
    assert both.rows == len(ours[::2]) < first.rows
    for key in ("auc", "pr_auc", "onsets", "top10", "top20", "top30"):
        assert mine[key] == theirs[key]  # same scores on the same rows
    assert first.metrics["baseline"]["brier"] is None  # a score, not a probability
    rep = first.metrics["replication"]
    assert 0 < float(rep["brier"]) < 0.25 and rep["onsets"] == sum(  # type: ignore[arg-type]
        1 for s in ours if s.onset == 1
    )


def test_the_ensemble_reuses_its_fitted_parts(panel: cy.CountryYears) -> None:
    train = panel.take(panel.observed() & (panel.years <= 2000))
    fitted: dict[str, models.Model] = {}
    ens = models.fit("ensemble", train, fitted)
    assert set(fitted) == {"enet-imputed", "boosting", "ensemble"}
    rows = panel.take(panel.years == 2002)
    p = ens.predict(rows)
    parts = [fitted["enet-imputed"].predict(rows), fitted["boosting"].predict(rows)]
    assert np.allclose(p, np.mean(parts, axis=0)) and not np.isnan(p).any()


def test_cli_evaluate_json_plot_fit_and_predict(
    run_sqlite: Run, csv_path: Path, tmp_path: Path
) -> None:
    svg = tmp_path / "reliability.svg"
    run = run_sqlite
    out = run(
        "forecast",
        "evaluate",
        "--data",
        str(csv_path),
        "--models",
        "replication,baseline",
        "--plot",
        str(svg),
        "--format",
        "json",
    )
    body = json.loads(out.stdout)
    for name in ("replication", "baseline"):
        assert {"auc", "pr_auc", "top10", "top20", "top30", "onsets", "brier"} <= set(
            body["models"][name]
        )
    assert body["years"] == [1994, 2024]
    root = ET.fromstring(svg.read_text())
    assert root.tag.endswith("svg") and "replication" in svg.read_text()

    model = tmp_path / "model.pkl"
    run("forecast", "fit", "--data", str(csv_path), "--model", "replication", "--out", str(model))

    def predict(*extra: str) -> list[dict[str, Any]]:
        args = ("--data", str(csv_path), "--model-file", str(model), "--format", "json")
        out: list[dict[str, Any]] = json.loads(run("forecast", "predict", *args, *extra).stdout)[
            "ranking"
        ]
        return out

    ranking = predict("--top", "5")
    assert [r["rank"] for r in ranking] == [1, 2, 3, 4, 5]
    assert all(r["data_year"] == 2024 for r in ranking)
    assert ranking[0]["risk"] >= ranking[-1]["risk"]
    assert all(d["log_odds"] > 0 for r in ranking for d in r["drivers"])
    one = predict("--country", ranking[0]["country"])
    assert len(one) == 1 and one[0]["country"] == ranking[0]["country"]


def test_cli_errors_are_one_line(run_sqlite: Run, csv_path: Path, tmp_path: Path) -> None:
    run = run_sqlite
    missing = run("forecast", "evaluate", "--data", str(tmp_path / "none.csv"))
    assert missing.exit_code == 1 and "no such file" in missing.stderr
    bad_model = tmp_path / "model.pkl"
    bad_model.write_bytes(b"not a pickle")
    out = run("forecast", "predict", "--data", str(csv_path), "--model-file", str(bad_model))
    assert out.exit_code == 1 and "not a model written by tocsin forecast fit" in out.stderr
    unknown = run("forecast", "evaluate", "--data", str(csv_path), "--models", "oracle")
    assert unknown.exit_code == 1 and "no model 'oracle'" in unknown.stderr


def test_the_ranking_sits_beside_the_text_derived_profile(
    run_sqlite: Run,
    seeds: Path,
    csv_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A country the store holds reports about shows its latest text-derived profile next
    to its structural forecast; the others say they have none."""
    from .conftest import seed_paths

    assert run_sqlite("ingest", *seed_paths(seeds)).exit_code == 0
    named = tmp_path / "named.csv"
    named.write_text(csv_path.read_text().replace("Country 00,", "Azerbaijan,"))
    out = run_sqlite(
        "forecast",
        "predict",
        "--data",
        str(named),
        "--model",
        "replication",
        "--top",
        "30",
        "--format",
        "json",
    )
    rows = {r["country"]: r for r in json.loads(out.stdout)["ranking"]}
    aze = rows["Azerbaijan"]
    assert aze["iso3"] == "AZE"
    profile = aze["text_profile"]
    assert profile["claims"] > 0 and profile["score"] > 0 and profile["period"].startswith("20")
    assert rows["Country 01"]["text_profile"] is None
    table = run_sqlite("forecast", "predict", "--data", str(named), "--model", "replication")
    assert "text-derived profile" in table.stdout and "no claims" in table.stdout
    # once the store has users, someone without a role sees the forecast, not the record
    monkeypatch.setenv("TOCSIN_USER", "ada")
    assert run_sqlite("users", "add", "ada", "--role", "admin").exit_code == 0
    monkeypatch.setenv("TOCSIN_USER", "eve")
    args = ("--data", str(named), "--model", "replication", "--format", "json")
    hidden = run_sqlite("forecast", "predict", *args)
    assert hidden.exit_code == 0 and "no role in this store" in hidden.stderr
    assert all(r["text_profile"] is None for r in json.loads(hidden.stdout)["ranking"])
