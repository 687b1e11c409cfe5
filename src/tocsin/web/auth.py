"""Who is asking, and may they: desk sessions (cookie + form token) for pages, bearer tokens
for the API, the store's roles for both.

Every route declares the least role it needs with `need(role)`; the route-table test walks
them all. A store with no users is a single-user store, as for the CLI: whoever reaches the
desk is its admin — `tocsin serve` therefore binds such a desk to loopback only.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException, Request

from tocsin.store.audit import actor
from tocsin.store.users import at_least

SESSION_COOKIE = "tocsin_session"
# A single-user desk has no session: its form token is keyed by a secret of this process.
_PROCESS_SECRET = secrets.token_bytes(32)
LOOPBACK_NAMES = {"127.0.0.1", "localhost", "::1", "[::1]"}


@dataclass(frozen=True)
class User:
    name: str
    role: str
    session: str | None = None  # the desk session's secret, for the forms' token

    @property
    def redacted(self) -> bool:
        """Viewers see what a public export shows: no quotes, names or exact places."""
        return self.role == "viewer"

    @property
    def csrf(self) -> str:
        """The token every form posts back: bound to the session, so another site cannot
        forge a form for it (the cookie is SameSite=Strict too)."""
        key = self.session.encode() if self.session else _PROCESS_SECRET
        return hmac.new(key, b"tocsin-form", hashlib.sha256).hexdigest()


class Throttle:
    """Failed logins per name: after `limit` within `window` seconds the name is refused
    until the oldest of them is that old (guessing passwords costs time, not just scrypt's)."""

    def __init__(self, limit: int = 5, window: float = 900.0) -> None:
        self.limit, self.window = limit, window
        self._failed: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def wait(self, name: str, now: float | None = None) -> float:
        """Seconds before `name` may try again (0: now)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            recent = [t for t in self._failed.get(name.lower(), []) if now - t < self.window]
            self._failed[name.lower()] = recent
            return self.window - (now - recent[0]) if len(recent) >= self.limit else 0.0

    def failed(self, name: str, now: float | None = None) -> None:
        with self._lock:
            self._failed.setdefault(name.lower(), []).append(
                time.monotonic() if now is None else now
            )

    def passed(self, name: str) -> None:
        with self._lock:
            self._failed.pop(name.lower(), None)


class NotSignedIn(Exception):
    """A page asked for by someone not signed in: they are sent to the login page."""


def has_users(request: Request) -> bool:
    """Whether the desk's store has users (a single-user desk has none), as the request's
    middleware found it."""
    found = getattr(request.state, "has_users", None)
    return bool(request.app.state.desk.store.has_users() if found is None else found)


def current_user(request: Request) -> User | None:
    desk = request.app.state.desk
    store = desk.store
    if not has_users(request):
        return User(actor(), "admin")  # as for the CLI: the account running Tocsin
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        name = store.credential_holder(header[7:].strip(), "token")
        kind_session = None
    else:
        kind_session = request.cookies.get(SESSION_COOKIE)
        name = store.credential_holder(kind_session, "session") if kind_session else None
    if name is None:
        return None
    role = store.role_of(name)
    return User(name, role, kind_session) if role else None


def need(role: str) -> Callable[[Request], User]:
    """A dependency: the signed-in user if their role is at least `role`; else 401 (not
    signed in: pages go to /login) or 403."""

    def check(request: Request) -> User:
        user = current_user(request)
        if user is None:
            if request.url.path.startswith("/api/"):
                raise HTTPException(401, "sign in: send Authorization: Bearer TOKEN")
            raise NotSignedIn()
        if not at_least(user.role, role):
            raise HTTPException(
                403, f"{user.name} is a {user.role}; this needs {role} (ask an admin)"
            )
        request.state.user = user
        return user

    check.role = role  # type: ignore[attr-defined]  # read by the route-table test
    return check


def refusal(request: Request, has_users: bool) -> str | None:
    """Why a request must be refused before it reaches any route, or None.

    A browser page on another site may send requests here (a form it submits, a script's
    POST): a write whose Origin is not this desk is refused. And a single-user desk, where
    nobody signs in, answers only to its loopback names, so that a hostile site whose name
    is made to resolve to 127.0.0.1 (DNS rebinding) cannot reach it as its own."""
    host = request.headers.get("host", "")
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    if not has_users and name not in LOOPBACK_NAMES:
        return f"this single-user desk answers only on 127.0.0.1 or localhost, not {host!r}"
    origin = request.headers.get("origin")
    write = request.method not in ("GET", "HEAD", "OPTIONS")
    if write and origin is not None and origin.split("://", 1)[-1] != host:
        return "a request from another site is refused"
    return None


def check_form(user: User, form: Any) -> None:
    if not hmac.compare_digest(str(form.get("csrf", "")), user.csrf):
        raise HTTPException(403, "the form is stale or came from another site: reload the page")
