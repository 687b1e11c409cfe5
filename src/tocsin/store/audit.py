"""The audit log: every write appended in the same transaction as the write itself, each entry
hashed together with the one before it, so editing or deleting a past entry breaks the chain.

Entries hold ids and hashes (document sha256, counts, versions), never personal data. The
chain's newest hash (`head`) can be written down elsewhere: with it, even removing the
newest entries is detected.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, insert, or_, select

from tocsin.store.schema import audit_log

GENESIS = "0" * 64


@dataclass(frozen=True)
class Entry:
    seq: int
    at: str
    actor: str
    action: str
    object: str
    detail: dict[str, Any]
    prev_hash: str
    hash: str


_acting: ContextVar[str | None] = ContextVar("tocsin_acting", default=None)


@contextmanager
def acting_as(name: str) -> Iterator[None]:
    """Writes inside are by `name` (a desk user), not by the account running the server."""
    token = _acting.set(name)
    try:
        yield
    finally:
        _acting.reset(token)


def actor() -> str:
    """Who is writing: a desk user acting, else $TOCSIN_USER, else the account running Tocsin."""
    acting = _acting.get()
    if acting:
        return acting
    try:
        return os.environ.get("TOCSIN_USER") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def entry_hash(prev_hash: str, at: str, who: str, action: str, obj: str, detail: str) -> str:
    payload = json.dumps([prev_hash, at, who, action, obj, detail], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(conn: Connection, action: str, obj: str, detail: dict[str, Any]) -> str:
    """Add an entry inside the caller's transaction; returns its hash."""
    last = conn.execute(select(audit_log.c.hash).order_by(audit_log.c.seq.desc()).limit(1)).scalar()
    prev = last or GENESIS
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    who = actor()
    text = json.dumps(detail, ensure_ascii=False, sort_keys=True)
    digest = entry_hash(prev, at, who, action, obj, text)
    conn.execute(
        insert(audit_log),
        [
            {
                "at": at,
                "actor": who,
                "action": action,
                "object": obj,
                "detail": text,
                "prev_hash": prev,
                "hash": digest,
            }
        ],
    )
    return digest


# Writes that change what is derived from the record (documents, claims, groupings, alerts).
# Reviews are read as they stand, not derived; users, tokens, exports, deliveries and backups
# change nothing a reader of the record holds.
RECORD_ACTIONS = ("ingest", "extract", "incident.", "restore", "alert")


def _changes_record() -> ColumnElement[bool]:
    return or_(*(audit_log.c.action.startswith(a) for a in RECORD_ACTIONS))


def record_version(conn: Connection, after: int = 0, but: str | None = None) -> int:
    """The seq of the newest entry that changed the record (0: none) — newer than `after`
    and of another action than `but`, when given. Read from the end of the log: cheap."""
    stmt = select(audit_log.c.seq).where(_changes_record(), audit_log.c.seq > after)
    if but:
        stmt = stmt.where(audit_log.c.action != but)
    return int(conn.execute(stmt.order_by(audit_log.c.seq.desc()).limit(1)).scalar() or 0)


def record_changes(conn: Connection, after: int) -> list[tuple[int, str, str]]:
    """(seq, action, object) of each change to the record after `after`, oldest first."""
    stmt = select(audit_log.c.seq, audit_log.c.action, audit_log.c.object).where(
        _changes_record(), audit_log.c.seq > after
    )
    return [(r.seq, r.action, r.object) for r in conn.execute(stmt.order_by(audit_log.c.seq))]


def entries(conn: Connection) -> list[Entry]:
    rows = conn.execute(select(audit_log).order_by(audit_log.c.seq)).all()
    return [
        Entry(r.seq, r.at, r.actor, r.action, r.object, json.loads(r.detail), r.prev_hash, r.hash)
        for r in rows
    ]


def verify(conn: Connection, head: str | None = None) -> list[str]:
    """Problems with the chain, each naming the entry; empty when it is whole."""
    problems = []
    prev = GENESIS
    rows = conn.execute(select(audit_log).order_by(audit_log.c.seq)).all()
    for r in rows:
        if r.prev_hash != prev:
            problems.append(
                f"entry {r.seq}: does not follow the entry before it (deleted or reordered)"
            )
        if entry_hash(r.prev_hash, r.at, r.actor, r.action, r.object, r.detail) != r.hash:
            problems.append(f"entry {r.seq}: altered after it was written")
        prev = r.hash
    if head is not None and head not in {r.hash for r in rows}:
        problems.append(f"head {head[:12]}… is not in the log: entries were removed")
    return problems
