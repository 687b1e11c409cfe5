"""Review workflow: judgements are versions, never overwrites; merges and splits stick."""

from __future__ import annotations

import json

from .conftest import EXAMPLES, Run


def _incidents(run: Run) -> list[dict[str, object]]:
    result = run("incidents", "--format", "json")
    assert result.exit_code == 0, result.output
    rows: list[dict[str, object]] = json.loads(result.stdout)
    return rows


def test_reviews_keep_every_version_with_who_when_and_why(run: Run, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    run("ingest", str(EXAMPLES / "corpus"), entities=EXAMPLES / "entities.json")
    claim = json.loads(run("claims", "--event", "killing", "--format", "json").stdout)[0]["id"]
    monkeypatch.setenv("TOCSIN_USER", "analyst-1")
    assert (
        run(
            "review", "claim", claim, "plausible", "--reason", "two sources, not yet checked"
        ).exit_code
        == 0
    )
    monkeypatch.setenv("TOCSIN_USER", "analyst-2")
    assert (
        run("review", "claim", claim, "verified", "--reason", "hospital records seen").exit_code
        == 0
    )
    history = json.loads(run("review", "history", "claim", claim, "--format", "json").stdout)
    assert [(h["actor"], h["value"], h["reason"]) for h in history] == [
        ("analyst-1", "plausible", "two sources, not yet checked"),
        ("analyst-2", "verified", "hospital records seen"),
    ]
    log = json.loads(run("audit", "log", "--format", "json").stdout)
    assert [e["action"] for e in log].count("review.claim") == 2
    assert "hospital" not in json.dumps(log)  # reasons stay out of the audit log
    assert run("audit", "verify").exit_code == 0


def test_source_reliability_is_separate_from_claim_credibility(run: Run) -> None:
    run("ingest", str(EXAMPLES / "corpus"), entities=EXAMPLES / "entities.json")
    assert run("review", "source", "XVM", "C", "--reason", "party to the conflict").exit_code == 0
    kessa = next(r for r in _incidents(run) if r["event"] == "killing" and "Kessa" in r["places"])  # type: ignore[operator]
    assert kessa["source_reliability"] == {"XVM": "C"}
    assert kessa["review"] is None
    assert (
        run("review", "incident", str(kessa["id"]), "verified", "--reason", "site visit").exit_code
        == 0
    )
    again = next(r for r in _incidents(run) if r["id"] == kessa["id"])
    assert again["review"] == {"credibility": "verified", "reason": "site visit"}


def test_bad_reviews_are_refused(run: Run) -> None:
    run("ingest", str(EXAMPLES / "corpus"), entities=EXAMPLES / "entities.json")
    assert run("review", "claim", "nosuchclaim", "verified", "--reason", "x").exit_code == 2
    assert run("review", "source", "XVM", "Z", "--reason", "x").exit_code == 2
    assert run("review", "source", "XVM", "A", "--reason", "  ").exit_code == 1


def test_split_and_merge_change_the_grouping_and_stick(run: Run) -> None:
    run("ingest", str(EXAMPLES / "corpus"), entities=EXAMPLES / "entities.json")
    kessa = next(r for r in _incidents(run) if r["event"] == "killing" and "Kessa" in r["places"])  # type: ignore[operator]
    members = [c for c in kessa["claims"]]  # type: ignore[union-attr]
    apart = members[0]
    result = run("split", str(kessa["id"]), "--claims", apart, "--reason", "a different market")
    assert result.exit_code == 0, result.output
    rows = _incidents(run)
    holding = [r for r in rows if apart in r["claims"]]  # type: ignore[operator]
    assert len(holding) == 1 and len(holding[0]["claims"]) < len(members)  # type: ignore[arg-type]
    # the incident holding most of the others (a report naming no town that fits both the
    # split-off report and the rest stays apart: it is ambiguous now)
    rest = max(
        (r for r in rows if apart not in r["claims"]),  # type: ignore[operator]
        key=lambda r: len(set(r["claims"]) & set(members)),  # type: ignore[arg-type]
    )
    assert apart not in rest["claims"]  # type: ignore[operator]
    result = run(
        "merge", str(holding[0]["id"]), str(rest["id"]), "--reason", "same market after all"
    )
    assert result.exit_code == 0, result.output
    merged = [r for r in _incidents(run) if apart in r["claims"]]  # type: ignore[operator]
    together = set(holding[0]["claims"]) | set(rest["claims"])  # type: ignore[arg-type]
    assert together <= set(merged[0]["claims"])  # type: ignore[arg-type]
    # a claim the analyst split from `apart` and did not merge back stays apart from it
    still_split = set(members) - together
    assert still_split.isdisjoint(merged[0]["claims"])  # type: ignore[arg-type]
    assert any("merged by an analyst" in e for e in merged[0]["explanation"])  # type: ignore[union-attr]
