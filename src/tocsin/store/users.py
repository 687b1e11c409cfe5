"""Roles: admin (manages users), analyst (ingests, extracts, reviews), viewer (reads, with
personal data redacted). A store with no users is a single-user store: its user does all."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, delete, insert, select, update

from tocsin.errors import TocsinError
from tocsin.store import audit
from tocsin.store.schema import credentials, users

ROLES = ("viewer", "analyst", "admin")  # each can do what the ones before it can


def role_of(conn: Connection, name: str) -> str | None:
    """The user's role; "admin" in a store with no users; None for a stranger."""
    if conn.execute(select(users.c.name).limit(1)).first() is None:
        return "admin"
    return conn.execute(select(users.c.role).where(users.c.name == name)).scalar()


def any_user(conn: Connection) -> bool:
    return conn.execute(select(users.c.name).limit(1)).first() is not None


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
    cols = [c for c in users.c if c.name != "password"]
    return [dict(r._mapping) for r in conn.execute(select(*cols).order_by(users.c.name))]


# scrypt from the standard library: memory-hard, no dependency. n=2**14, r=8: ~16 MiB, ~50 ms.
_N, _R, _P = 1 << 14, 8, 1
MIN_PASSWORD = 10


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32)


def set_password(conn: Connection, name: str, password: str) -> None:
    if conn.execute(select(users.c.name).where(users.c.name == name)).first() is None:
        raise TocsinError(f"no user {name!r}: an admin adds them first (tocsin users add)")
    if len(password) < MIN_PASSWORD:
        raise TocsinError(f"a password needs at least {MIN_PASSWORD} characters")
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, _N, _R, _P)
    b64 = base64.b64encode
    stored = f"scrypt${_N}${_R}${_P}${b64(salt).decode()}${b64(digest).decode()}"
    conn.execute(update(users).where(users.c.name == name).values(password=stored))
    # a new password ends every session opened with the old one
    conn.execute(
        delete(credentials).where((credentials.c.name == name) & (credentials.c.kind == "session"))
    )
    audit.append(conn, "user.password", name, {})


def check_password(conn: Connection, name: str, password: str) -> bool:
    """True if `name` has this password; as slow for a stranger as for a user."""
    row = conn.execute(select(users.c.password).where(users.c.name == name)).first()
    stored = row[0] if row and row[0] else f"scrypt${_N}${_R}${_P}$AAAAAAAAAAAAAAAAAAAAAA==$"
    _, n, r, p, salt, digest = stored.split("$")
    found = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
    return hmac.compare_digest(found, base64.b64decode(digest)) and bool(row and row[0])


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def issue(
    conn: Connection, name: str, kind: str, label: str, lifetime: timedelta | None = None
) -> str:
    """A new secret for `name` (an API token or a desk session); only its sha256 is kept."""
    secret = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    conn.execute(  # sessions that have expired are of no use to anyone: drop them
        delete(credentials).where(
            (credentials.c.kind == "session")
            & (credentials.c.expires_at < now.isoformat(timespec="seconds"))
        )
    )
    conn.execute(
        insert(credentials),
        [
            {
                "digest": _digest(secret),
                "name": name,
                "kind": kind,
                "label": label,
                "created_at": now.isoformat(timespec="seconds"),
                "expires_at": (now + lifetime).isoformat(timespec="seconds") if lifetime else None,
            }
        ],
    )
    if kind == "token":  # sessions come and go; tokens are worth a line in the log
        audit.append(conn, "user.token", name, {"label": label})
    return secret


def holder(conn: Connection, secret: str, kind: str) -> str | None:
    """Whose unexpired credential of this kind `secret` is."""
    row = conn.execute(
        select(credentials.c.name, credentials.c.expires_at).where(
            (credentials.c.digest == _digest(secret)) & (credentials.c.kind == kind)
        )
    ).first()
    if row is None:
        return None
    if row.expires_at and row.expires_at < datetime.now(UTC).isoformat(timespec="seconds"):
        return None
    return str(row.name)


def revoke(conn: Connection, secret: str) -> None:
    conn.execute(delete(credentials).where(credentials.c.digest == _digest(secret)))
