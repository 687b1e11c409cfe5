"""Alerts out of the store: a JSON Feed file and webhooks, each alert delivered once.

The store remembers, per alert and target, whether it was delivered and when to try again;
a receiver that is down gets every alert when it comes back (nothing lost), and an alert it
has acknowledged is never sent again (nothing duplicated). Each POST carries the alert id as
`Idempotency-Key`, so a receiver can also discard the one resend that follows a lost reply.

Deliveries leave the desk: they carry ids, spans, sources and the caveat, not the quoted text
(which may name people) unless asked for.
"""

from __future__ import annotations

import json
import os
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tocsin import __version__
from tocsin.store import Store

FEED_VERSION = "https://jsonfeed.org/version/1.1"


@dataclass
class Delivered:
    target: str
    sent: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # alert id -> reason


def payload(record: dict[str, Any], quotes: bool = False) -> dict[str, Any]:
    out = dict(record)
    if not quotes:
        out["evidence"] = [{k: v for k, v in e.items() if k != "quote"} for e in out["evidence"]]
    return out


def write_feed(path: Path, records: list[dict[str, Any]], quotes: bool = False) -> None:
    """Rewrite the whole feed, newest first, atomically: a reader never sees half a file."""
    items = [
        {
            "id": r["id"],
            "title": f"[{r['severity']}] {r['title']}",
            "content_text": (
                f"{r['title']}. Rule {r['rule']}; evidence {r['corroboration']} "
                f"from {', '.join(r['sources'])}. Caveat: {r['caveat']}"
            ),
            "date_published": r["raised_at"],
            "tags": [r["severity"], r["rule"], r["area"]],
            "_tocsin": payload(r, quotes),
        }
        for r in reversed(records)
    ]
    feed = {"version": FEED_VERSION, "title": "Tocsin alerts", "items": items}
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(feed, fh, ensure_ascii=False, indent=2)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def post(url: str, record: dict[str, Any], timeout: float = 10.0) -> str | None:
    """POST one alert; None when the receiver acknowledged it (2xx), else why not."""
    req = urllib.request.Request(
        url,
        data=json.dumps(record, ensure_ascii=False).encode(),
        method="POST",
        headers={
            "Content-Type": "application/json",
            "Idempotency-Key": record["id"],
            "User-Agent": f"tocsin/{__version__}",
        },
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return None if 200 <= resp.status < 300 else f"HTTP {resp.status}"
    except urllib.error.HTTPError as e:
        return f"HTTP {e.code}"
    except (urllib.error.URLError, OSError) as e:
        return str(getattr(e, "reason", e))


def to_feed(store: Store, path: Path, quotes: bool = False) -> Delivered:
    target = f"feed:{path.resolve()}"
    due = store.pending_deliveries(target)
    done = Delivered(target)
    if not due:
        return done
    write_feed(path, store.alerts(), quotes)
    for r, _ in due:
        store.delivery_attempted(r["id"], target, None)
        done.sent.append(r["id"])
    return done


def to_webhook(
    store: Store, url: str, backoff: float = 30.0, quotes: bool = False, timeout: float = 10.0
) -> Delivered:
    done = Delivered(url)
    for r, due in store.pending_deliveries(url):
        if not due:
            break  # an earlier alert is waiting for its retry: keep the receiver's order
        error = post(url, payload(r, quotes), timeout)
        store.delivery_attempted(r["id"], url, error, backoff)
        if error is None:
            done.sent.append(r["id"])
        else:
            done.failed[r["id"]] = error
            break  # the receiver is down: keep the order, try the rest next time
    return done
