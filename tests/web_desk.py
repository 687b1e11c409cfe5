"""A desk over the demo corpus with one user of each role, for the web tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient

from tocsin.ingest.run import Options, ingest
from tocsin.ingest.sources import expand
from tocsin.store import Store
from tocsin.store.audit import acting_as
from tocsin.web import create_app

from .conftest import EXAMPLES

ROLES = ("viewer", "analyst", "admin")
PASSWORD = "correct horse battery"
ENTITIES = str(EXAMPLES / "entities.json")


@dataclass
class Desk:
    store: Store
    app: FastAPI
    tokens: dict[str, str]  # role -> API token

    def client(self, role: str | None = None) -> TestClient:
        """A client with the API token of a user with this role (None: nobody)."""
        headers = {"Authorization": f"Bearer {self.tokens[role]}"} if role else {}
        return TestClient(self.app, headers=headers, raise_server_exceptions=False)

    def browser(self, role: str) -> TestClient:
        """A client logged in through the login form, with its session cookie."""
        c = TestClient(self.app, raise_server_exceptions=False)
        r = c.post("/login", data={"name": role, "password": PASSWORD}, follow_redirects=False)
        assert r.status_code == 303, r.text
        return c


def make_desk(data_dir: Path, url: str | None = None, users: bool = True) -> Desk:
    store = Store(data_dir, url)
    ingest(store, expand([str(EXAMPLES / "corpus")]), Options(entities=ENTITIES))
    tokens = {}
    if users:
        with acting_as("setup"):
            for role in ("admin", "analyst", "viewer"):  # the first user must be an admin
                store.set_role(role, role)
                store.set_password(role, PASSWORD)
                tokens[role] = store.issue_credential(role, "token", "tests")
    return Desk(store, create_app(store, entities=ENTITIES), tokens)
