"""Raised alerts and their deliveries: written once, each raise audited."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from tocsin.store import audit
from tocsin.store.schema import alerts, deliveries


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def add(conn: Connection, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Store new alerts in the order given; those already stored are left alone. Returns the
    stored records, with when they were raised."""
    known = set(conn.execute(select(alerts.c.id)).scalars())
    seq = conn.execute(select(func.coalesce(func.max(alerts.c.seq), 0))).scalar_one()
    at = now()
    fresh = []
    for r in records:
        if r["id"] in known:
            continue
        seq += 1
        r = {**r, "raised_at": at}
        conn.execute(
            insert(alerts),
            [
                {
                    "id": r["id"],
                    "seq": seq,
                    "rule": r["rule"],
                    "area": r["area"],
                    "period": r["period"],
                    "severity": r["severity"],
                    "raised_at": at,
                    "data": json.dumps(r, ensure_ascii=False, sort_keys=True),
                }
            ],
        )
        known.add(r["id"])
        fresh.append(r)
    if fresh:
        audit.append(conn, "alert", "alerts", {"raised": [r["id"] for r in fresh]})
    return fresh


def listing(conn: Connection) -> list[dict[str, Any]]:
    rows = conn.execute(select(alerts.c.data).order_by(alerts.c.seq)).scalars()
    return [json.loads(r) for r in rows]


def pending(conn: Connection, target: str, at: str) -> list[tuple[dict[str, Any], bool]]:
    """Alerts not yet delivered to `target`, oldest first, each with whether its next attempt
    is due at `at` (those delivered are not read: the watch loop asks every few seconds)."""
    joined = alerts.outerjoin(
        deliveries, (deliveries.c.alert_id == alerts.c.id) & (deliveries.c.target == target)
    )
    rows = conn.execute(
        select(alerts.c.data, deliveries.c.next_attempt)
        .select_from(joined)
        .where(deliveries.c.delivered_at.is_(None))
        .order_by(alerts.c.seq)
    )
    return [(json.loads(r.data), r.next_attempt is None or r.next_attempt <= at) for r in rows]


def attempted(
    conn: Connection, alert_id: str, target: str, error: str | None, backoff: float
) -> None:
    """Record one delivery attempt: delivered when `error` is None, else retry after a wait
    that doubles with each failure (from `backoff` seconds, at most an hour)."""
    row = conn.execute(
        select(deliveries.c.attempts).where(
            deliveries.c.alert_id == alert_id, deliveries.c.target == target
        )
    ).first()
    attempts = (row.attempts if row else 0) + 1
    wait = min(backoff * 2 ** (attempts - 1), 3600.0)
    values = {
        "attempts": attempts,
        "next_attempt": (datetime.now(UTC) + timedelta(seconds=wait)).isoformat(
            timespec="microseconds"
        ),
        "delivered_at": now() if error is None else None,
        "last_error": error,
    }
    if row is None:
        conn.execute(insert(deliveries), [{"alert_id": alert_id, "target": target, **values}])
    else:
        conn.execute(
            update(deliveries)
            .where(deliveries.c.alert_id == alert_id, deliveries.c.target == target)
            .values(**values)
        )
    if error is None:
        audit.append(conn, "deliver", alert_id, {"target": target, "attempts": attempts})


def delivery_state(conn: Connection) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in conn.execute(select(deliveries))]
