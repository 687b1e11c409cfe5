"""Reviews and incident corrections: appended, never overwritten; each one audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, get_args

from sqlalchemy import Connection, insert, select

from tocsin.errors import TocsinError
from tocsin.store import audit
from tocsin.store.schema import incident_links, reviews

# HURIDOCS-style credibility of what is claimed; source reliability is judged apart from it.
Credibility = Literal["verified", "plausible", "unverified", "rejected"]
CREDIBILITY: tuple[Credibility, ...] = get_args(Credibility)
# Reliability of a source, after the admiralty grading used by intelligence and OSINT teams.
RELIABILITY = ("A", "B", "C", "D", "E", "F")
RELIABILITY_MEANING = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
FIELDS = {
    "claim": ("credibility", CREDIBILITY),
    "incident": ("credibility", CREDIBILITY),
    "source": ("reliability", RELIABILITY),
}


@dataclass(frozen=True)
class Review:
    target_kind: str
    target_id: str
    field: str
    value: str
    reason: str
    actor: str
    at: str


def add(conn: Connection, kind: str, target: str, value: str, reason: str) -> Review:
    if kind not in FIELDS:
        raise TocsinError(f"cannot review a {kind!r}: claims, incidents or sources")
    field, allowed = FIELDS[kind]
    if value not in allowed:
        raise TocsinError(f"{field} must be one of {', '.join(allowed)}, not {value!r}")
    if not reason.strip():
        raise TocsinError("a review needs a reason (--reason)")
    review = Review(
        kind,
        target,
        field,
        value,
        reason.strip(),
        audit.actor(),
        datetime.now(UTC).isoformat(timespec="microseconds"),
    )
    conn.execute(insert(reviews), [review.__dict__])
    # the reason is the analyst's text and may name people: the log keeps the judgement only
    audit.append(conn, f"review.{kind}", target, {"field": field, "value": value})
    return review


def history(conn: Connection, kind: str, target: str) -> list[Review]:
    rows = conn.execute(
        select(reviews)
        .where(reviews.c.target_kind == kind, reviews.c.target_id == target)
        .order_by(reviews.c.id)
    ).all()
    return [
        Review(r.target_kind, r.target_id, r.field, r.value, r.reason, r.actor, r.at) for r in rows
    ]


def current(conn: Connection) -> dict[tuple[str, str], Review]:
    """The newest review of every target."""
    out: dict[tuple[str, str], Review] = {}
    for r in conn.execute(select(reviews).order_by(reviews.c.id)).all():
        out[(r.target_kind, r.target_id)] = Review(
            r.target_kind, r.target_id, r.field, r.value, r.reason, r.actor, r.at
        )
    return out


def link(conn: Connection, kind: str, a: str, b: str, reason: str) -> None:
    if kind not in ("merge", "split"):
        raise TocsinError("an incident correction is a merge or a split")
    if not reason.strip():
        raise TocsinError("a merge or split needs a reason (--reason)")
    conn.execute(
        insert(incident_links),
        [
            {
                "kind": kind,
                "claim_a": min(a, b),
                "claim_b": max(a, b),
                "reason": reason.strip(),
                "actor": audit.actor(),
                "at": datetime.now(UTC).isoformat(timespec="microseconds"),
            }
        ],
    )
    audit.append(conn, f"incident.{kind}", f"{min(a, b)}+{max(a, b)}", {})


def links(conn: Connection) -> tuple[set[frozenset[str]], set[frozenset[str]]]:
    """(must link, cannot link) claim pairs: the newest decision on each pair stands."""
    latest: dict[frozenset[str], str] = {}
    for r in conn.execute(select(incident_links).order_by(incident_links.c.id)).all():
        latest[frozenset((r.claim_a, r.claim_b))] = r.kind
    merge = {pair for pair, kind in latest.items() if kind == "merge"}
    split = {pair for pair, kind in latest.items() if kind == "split"}
    return merge, split
