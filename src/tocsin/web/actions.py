"""What the desk writes — uploads, reviews, merges, splits — for the pages and the API alike,
each recorded in the audit log under the desk user's name, through the same store calls as
the CLI's commands (so the same checks and the same one-transaction rules hold)."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import HTTPException, Response

from tocsin.ingest.run import Options, ingest_one
from tocsin.ingest.sources import DEFAULT_MAX_BYTES, Source
from tocsin.record import merge_pairs, split_pairs
from tocsin.store import Store
from tocsin.store.audit import acting_as
from tocsin.web.auth import User
from tocsin.web.snapshot import Desk

CHUNK = 1 << 20


def safe_name(name: str | None) -> str:
    """The file's own name, without folders or control characters (it is stored and shown)."""
    base = re.sub(r"[\x00-\x1f\x7f/\\]", "_", Path(name or "").name).strip(" .")
    return base[:200] or "upload"


def upload(
    desk: Desk, user: User, files: list[Any], max_bytes: int = DEFAULT_MAX_BYTES
) -> list[dict[str, Any]]:
    """Ingest each file in its own transaction; one bad file never stops the others and
    leaves nothing behind."""
    outcomes: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="tocsin-upload-") as tmp, acting_as(user.name):
        for i, f in enumerate(files):
            name = safe_name(f.filename)
            folder = Path(tmp) / str(i)
            folder.mkdir()
            path = folder / name
            size = 0
            with path.open("wb") as out:
                while chunk := f.file.read(CHUNK):
                    size += len(chunk)
                    if size > max_bytes:
                        break
                    out.write(chunk)
            if size > max_bytes:
                outcomes.append(
                    {
                        "file": name,
                        "status": "failed",
                        "reason": f"file too large: over {max_bytes / 2**20:.0f} MiB",
                    }
                )
                continue
            got = ingest_one(desk.store, Source(name, path), Options(entities=desk.entities))
            outcomes.append(
                {
                    "file": name,
                    "status": got.status,
                    "sha256": got.sha256,
                    "reason": got.reason,
                    "claims": len(got.claims),
                    "note": got.note,
                }
            )
            shutil.rmtree(folder, ignore_errors=True)
    if any(o["status"] == "ingested" for o in outcomes):
        desk.refresh(wait=desk.snapshot.seconds < desk.SYNC_BELOW)
    return outcomes


def original(store: Store, sha: str) -> Response:
    data = store.original(sha)
    info = store.info(sha)
    if data is None or info is None:
        raise HTTPException(404, f"no document {sha!r}")
    return Response(
        data,
        media_type=info.media_type,
        headers={
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(info.filename, safe='')}",
            "X-Content-SHA256": sha,
            "Content-Security-Policy": "sandbox",  # an HTML original never runs here
        },
    )


def review(
    desk: Desk, user: User, kind: str, target: str, value: str, reason: str
) -> dict[str, Any]:
    snap = desk.current()
    known = snap.record.by_id if kind == "claim" else snap.incidents
    if target not in known:
        raise HTTPException(404, f"no {kind} {target!r}")
    with acting_as(user.name):  # the store's checks refuse a bad value or no reason: 422
        done = desk.store.review(kind, target, value, reason)
    return {  # reviews are read as they stand: nothing derived to re-read
        "kind": kind,
        "target": target,
        "value": done.value,
        "reason": done.reason,
        "actor": done.actor,
        "at": done.at,
    }


def merge(desk: Desk, user: User, first: str, second: str, reason: str) -> dict[str, Any]:
    snap = desk.current()
    a, b = snap.incidents.get(first), _one(snap.incidents, second)
    if a is None:
        raise HTTPException(404, f"no incident {first!r}")
    _link(desk, user, "merge", merge_pairs(a, b), reason)
    merged = desk.snapshot.incident_of.get(a.claims[0])
    return {"merged": [a.id, b.id], "incident": merged.id if merged else None}


def split(
    desk: Desk, user: User, incident_id: str, claims: list[str], reason: str
) -> dict[str, Any]:
    snap = desk.current()
    inc = snap.incidents.get(incident_id)
    if inc is None:
        raise HTTPException(404, f"no incident {incident_id!r}")
    _link(desk, user, "split", split_pairs(inc, claims), reason)
    return {"split": sorted(set(claims)), "from": inc.id}


def _link(desk: Desk, user: User, kind: str, pairs: list[tuple[str, str]], reason: str) -> None:
    """A merge or split, through the store's own checks; the desk re-reads the record."""
    with acting_as(user.name):
        desk.store.link_claims(kind, pairs, reason)
    desk.refresh(wait=True)


def _one(incidents: dict[str, Any], prefix: str) -> Any:
    found = [i for k, i in incidents.items() if k.startswith(prefix)] if len(prefix) >= 4 else []
    if len(found) != 1:
        raise HTTPException(404, f"no single incident matches {prefix!r}")
    return found[0]
