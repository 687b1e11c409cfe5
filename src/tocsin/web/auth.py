"""Who is asking, and may they: desk sessions (cookie + form token) for pages, bearer tokens
for the API, the store's roles for both.

Every route declares the least role it needs with `need(role)`; the route-table test walks
them all. A store with no users is a single-user store, as for the CLI: whoever reaches the
desk is its admin — `tocsin serve` therefore binds such a desk to loopback only.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException, Request

from tocsin.store.users import at_least

SESSION_COOKIE = "tocsin_session"


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
        key = (self.session or "single-user").encode()
        return hmac.new(key, b"tocsin-form", hashlib.sha256).hexdigest()


class NotSignedIn(Exception):
    """A page asked for by someone not signed in: they are sent to the login page."""


def current_user(request: Request) -> User | None:
    desk = request.app.state.desk
    store = desk.store
    if not store.has_users():
        return User("desk", "admin")
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


def check_form(user: User, form: Any) -> None:
    if not hmac.compare_digest(str(form.get("csrf", "")), user.csrf):
        raise HTTPException(403, "the form is stale or came from another site: reload the page")
