"""What the desk writes — uploads, reviews, merges, splits — for the pages and the API alike,
each recorded in the audit log under the desk user's name, through the same store calls as
the CLI's commands (so the same checks and the same one-transaction rules hold)."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from fastapi import HTTPException, Response

from tocsin.errors import TocsinError
from tocsin.ingest.run import Options, ingest_one
from tocsin.ingest.sources import DEFAULT_MAX_BYTES, Source
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
            "Content-Disposition": f"attachment; filename*=UTF-8''{_quote(info.filename)}",
            "X-Content-SHA256": sha,
            "Content-Security-Policy": "sandbox",  # an HTML original never runs here
        },
    )


def _quote(name: str) -> str:
    from urllib.parse import quote

    return quote(name, safe="")


def review(
    desk: Desk, user: User, kind: str, target: str, value: str, reason: str
) -> dict[str, Any]:
    snap = desk.current()
    known = snap.record.by_id if kind == "claim" else snap.incidents
    if target not in known:
        raise HTTPException(404, f"no {kind} {target!r}")
    try:
        with acting_as(user.name):
            done = desk.store.review(kind, target, value, reason)
    except TocsinError as exc:
        raise HTTPException(422, str(exc)) from None
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
    if a.id == b.id:
        raise HTTPException(422, "an incident cannot be merged with itself")
    if not reason.strip():
        raise HTTPException(422, "a merge needs a reason")
    # every pair across the two, so that this newest decision outweighs any earlier split
    pairs = [(x, y) for x in a.claims for y in b.claims if x != y]
    with acting_as(user.name):
        desk.store.link_claims("merge", pairs, reason.strip())
    desk.refresh(wait=True)
    merged = desk.snapshot.incident_of.get(a.claims[0])
    return {"merged": [a.id, b.id], "incident": merged.id if merged else None}


def split(
    desk: Desk, user: User, incident_id: str, claims: list[str], reason: str
) -> dict[str, Any]:
    snap = desk.current()
    inc = snap.incidents.get(incident_id)
    if inc is None:
        raise HTTPException(404, f"no incident {incident_id!r}")
    unknown = [c for c in claims if c not in inc.claims]
    if unknown or not claims or len(set(claims)) >= len(inc.claims):
        raise HTTPException(
            422,
            f"give some, not all, of the incident's claims (not in it: {', '.join(unknown) or '—'})",
        )
    if not reason.strip():
        raise HTTPException(422, "a split needs a reason")
    rest = [c for c in inc.claims if c not in claims]
    with acting_as(user.name):
        desk.store.link_claims("split", [(a, b) for a in claims for b in rest], reason.strip())
    desk.refresh(wait=True)
    return {"split": sorted(set(claims)), "from": inc.id}


def _one(incidents: dict[str, Any], prefix: str) -> Any:
    found = [i for k, i in incidents.items() if k.startswith(prefix)] if len(prefix) >= 4 else []
    if len(found) != 1:
        raise HTTPException(404, f"no single incident matches {prefix!r}")
    return found[0]
