"""Roles: admin manages users, analysts write, viewers read with personal data redacted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import EXAMPLES, Run

WITNESS = (
    'KESSA, 13 February 2024 - "My brother Karim Haddad was killed at the market," a witness said.'
)


@pytest.fixture
def team(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """A store with an admin, an analyst and a viewer, and some documents."""
    monkeypatch.setenv("TOCSIN_USER", "ada")
    assert run("users", "add", "ada", "--role", "admin").exit_code == 0
    assert run("users", "add", "ana", "--role", "analyst").exit_code == 0
    assert run("users", "add", "vic", "--role", "viewer").exit_code == 0
    monkeypatch.setenv("TOCSIN_USER", "ana")
    witness = tmp_path / "witness.txt"
    witness.write_text(WITNESS)
    assert (
        run(
            "ingest", str(EXAMPLES / "corpus"), str(witness), entities=EXAMPLES / "entities.json"
        ).exit_code
        == 0
    )
    return run


def test_the_first_user_must_be_an_admin(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOCSIN_USER", "ada")
    result = run("users", "add", "vic", "--role", "viewer")
    assert result.exit_code == 1 and "first user must be an admin" in result.output


def test_viewers_cannot_write_and_strangers_cannot_read(
    team: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TOCSIN_USER", "vic")
    f = tmp_path / "x.txt"
    f.write_text("On 2 May 2024, 40 civilians were killed in Khartoum, Sudan.")
    for args in (
        ["ingest", str(f)],
        ["extract"],
        ["review", "source", "XVM", "C", "--reason", "x"],
        ["users", "add", "vic", "--role", "admin"],
        ["backup", str(tmp_path / "b.tar.gz")],
        ["deliver", "--feed", str(tmp_path / "feed.json")],
        ["watch", str(tmp_path), "--cycles", "1"],
    ):
        result = team(*args)
        assert result.exit_code == 1 and "refused: vic is a viewer" in result.output, args
    # a viewer reads the alerts analysts raised, without raising any, and without quotes
    assert json.loads(team("alerts", "--format", "json").stdout) == []
    monkeypatch.setenv("TOCSIN_USER", "ana")
    raised = json.loads(team("alerts", "--format", "json").stdout)
    assert raised and all(e["quote"] for a in raised for e in a["evidence"])
    monkeypatch.setenv("TOCSIN_USER", "vic")
    seen = json.loads(team("alerts", "--format", "json").stdout)
    assert [a["id"] for a in seen] == [a["id"] for a in raised]
    assert all("quote" not in e for a in seen for e in a["evidence"])
    monkeypatch.setenv("TOCSIN_USER", "mallory")
    for args in (["claims"], ["alerts"], ["risk"]):
        result = team(*args)
        assert result.exit_code == 1 and "has no role in this store" in result.output, args
    result = team("claims")
    assert result.exit_code == 1 and "has no role in this store" in result.output
    monkeypatch.setenv("TOCSIN_USER", "ana")
    assert team("users", "list").exit_code == 1  # analysts do not manage users


def test_viewers_see_claims_and_incidents_without_personal_data(
    team: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TOCSIN_USER", "ana")
    assert "Karim Haddad" in team("claims", "--format", "json").stdout  # analysts see the words
    monkeypatch.setenv("TOCSIN_USER", "vic")
    for args in (
        ["claims", "--format", "json"],
        ["claims"],
        ["incidents", "--format", "json"],
        ["export", "--format", "json"],
    ):
        result = team(*args)
        assert result.exit_code == 0, (args, result.output)
        assert "Karim Haddad" not in result.output, args
    rows = json.loads(team("claims", "--format", "json").stdout)
    assert rows and all(r["quote"] is None for r in rows)
    incidents = json.loads(team("incidents", "--format", "json").stdout)
    assert all(r["explanation"] == [] for r in incidents)
    assert "Kessa" not in json.dumps([r["places"] for r in incidents])


def test_role_changes_are_audited(team: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOCSIN_USER", "ada")
    log = json.loads(team("audit", "log", "--format", "json").stdout)
    assert [e["object"] for e in log if e["action"] == "user.role"] == ["ada", "ana", "vic"]
    assert team("audit", "verify").exit_code == 0
