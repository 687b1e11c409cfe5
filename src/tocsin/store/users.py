"""Roles: admin (manages users), analyst (ingests, extracts, reviews), viewer (reads, with
personal data redacted). A store with no users is a single-user store: its user does all."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, insert, select, update

from tocsin.errors import TocsinError
from tocsin.store import audit
from tocsin.store.schema import users

ROLES = ("viewer", "analyst", "admin")  # each can do what the ones before it can


def role_of(conn: Connection, name: str) -> str | None:
    """The user's role; "admin" in a store with no users; None for a stranger."""
    if conn.execute(select(users.c.name).limit(1)).first() is None:
        return "admin"
    return conn.execute(select(users.c.role).where(users.c.name == name)).scalar()


def at_least(role: str | None, needed: str) -> bool:
    return role is not None and ROLES.index(role) >= ROLES.index(needed)


def add(conn: Connection, name: str, role: str) -> None:
    if role not in ROLES:
        raise TocsinError(f"role must be one of {', '.join(ROLES)}")
    first = conn.execute(select(users.c.name).limit(1)).first() is None
    if first and role != "admin":
        raise TocsinError("the first user must be an admin, or nobody could manage the others")
    now = datetime.now(UTC).isoformat(timespec="seconds")
    if conn.execute(select(users.c.name).where(users.c.name == name)).first():
        conn.execute(update(users).where(users.c.name == name).values(role=role))
    else:
        conn.execute(
            insert(users),
            [{"name": name, "role": role, "created_at": now, "created_by": audit.actor()}],
        )
    audit.append(conn, "user.role", name, {"role": role})


def listing(conn: Connection) -> list[dict[str, str]]:
    return [dict(r._mapping) for r in conn.execute(select(users).order_by(users.c.name))]
