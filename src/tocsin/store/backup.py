"""Backup and restore: one archive holding the database, every original as its own file
(named by its sha256) and a manifest of sha256 sums. Restore checks every hash, the
documents and the audit chain before anything is put in place, and refuses a damaged archive.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import tarfile
import tempfile
import zlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from tocsin import __version__
from tocsin.errors import StoreError
from tocsin.store import Store, audit
from tocsin.store.schema import originals

FORMAT = 1
DB_NAME = "tocsin.db"
MANIFEST = "manifest.json"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _add(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = 0
    info.mode = 0o444
    tar.addfile(info, io.BytesIO(data))


def backup(store: Store, archive: Path) -> dict[str, Any]:
    """Write `archive` (.tar.gz); returns its manifest. SQLite stores only for now."""
    if not store.url.startswith("sqlite"):
        raise StoreError(
            "backup of a server database: use its own tools (pg_dump); Tocsin backs up SQLite stores"
        )
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / DB_NAME
        source = sqlite3.connect(store.url.removeprefix("sqlite:///"))
        target = sqlite3.connect(copy)
        with target:
            source.backup(target)  # a consistent snapshot, even while others write
        source.close()
        target.close()
        db_bytes = copy.read_bytes()
        files: dict[str, str] = {DB_NAME: _sha(db_bytes)}
        blobs: list[tuple[str, bytes]] = []
        with store.engine.connect() as conn:
            for sha, data in conn.execute(select(originals.c.sha256, originals.c.data)):
                blobs.append((f"originals/{sha}", bytes(data)))
                files[f"originals/{sha}"] = _sha(bytes(data))
        entries = store.audit_entries()
        manifest = {
            "format": FORMAT,
            "tocsin": __version__,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "documents": len(blobs),
            "audit_head": entries[-1].hash if entries else None,
            "files": files,
        }
        manifest_bytes = json.dumps(manifest, indent=2, sort_keys=True).encode()
        partial = archive.with_name(archive.name + ".partial")
        with tarfile.open(partial, "w:gz") as tar:
            _add(tar, MANIFEST, manifest_bytes)
            _add(tar, DB_NAME, db_bytes)
            for name, data in blobs:
                _add(tar, name, data)
        os.replace(partial, archive)
    with store.engine.begin() as conn:
        audit.append(conn, "backup", _sha(manifest_bytes), {"documents": len(blobs)})
    return manifest


def _read(archive: Path) -> dict[str, bytes]:
    """Every regular file in the archive, refusing links, absolute paths and '..'."""
    out: dict[str, bytes] = {}
    try:
        with tarfile.open(archive, "r:gz") as tar:
            for member in tar:
                name = member.name
                if not member.isfile() or name.startswith("/") or ".." in Path(name).parts:
                    raise StoreError(f"refused archive: unexpected entry {name!r}")
                fh = tar.extractfile(member)
                if fh is None:
                    raise StoreError(f"refused archive: unreadable entry {name!r}")
                out[name] = fh.read()
    except (tarfile.TarError, EOFError, OSError, zlib.error) as exc:
        raise StoreError(f"refused archive: it is damaged or not a Tocsin backup ({exc})") from None
    return out


def restore(archive: Path, data_dir: Path) -> dict[str, Any]:
    """Check the archive whole, then put its database in `data_dir` (which must hold none)."""
    if (data_dir / DB_NAME).exists():
        raise StoreError(f"{data_dir} already holds a store: restore into an empty data directory")
    content = _read(archive)
    if MANIFEST not in content:
        raise StoreError("refused archive: no manifest")
    try:
        manifest: dict[str, Any] = json.loads(content[MANIFEST])
    except ValueError:
        raise StoreError("refused archive: its manifest is not valid JSON") from None
    files: dict[str, str] = manifest.get("files", {})
    problems = [f"{n}: missing" for n in files if n not in content]
    problems += [f"{n}: not in the manifest" for n in content if n not in files and n != MANIFEST]
    problems += [
        f"{n}: sha256 differs"
        for n, sha in files.items()
        if n in content and _sha(content[n]) != sha
    ]
    problems += [
        f"{n}: content does not match its name"
        for n in files
        if n.startswith("originals/") and n in content and _sha(content[n]) != n.split("/", 1)[1]
    ]
    if problems:
        raise StoreError(
            f"refused archive: {len(problems)} damaged file(s): " + "; ".join(problems[:5])
        )
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / "data"
        staged.mkdir()
        (staged / DB_NAME).write_bytes(content[DB_NAME])
        store = Store(staged)
        try:
            issues = [f"{p.sha256[:12]} {p.what}" for p in store.verify()]
            issues += store.audit_verify(manifest.get("audit_head"))
            if store.count() != manifest.get("documents"):
                issues.append("document count differs from the manifest")
        finally:
            store.close()
        if issues:
            raise StoreError(
                "refused archive: the database inside is inconsistent: " + "; ".join(issues[:5])
            )
        data_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(staged / DB_NAME, data_dir / (DB_NAME + ".partial"))
        os.replace(data_dir / (DB_NAME + ".partial"), data_dir / DB_NAME)
    restored = Store(data_dir)
    with restored.engine.begin() as conn:
        audit.append(conn, "restore", _sha(content[MANIFEST]), {"documents": manifest["documents"]})
    restored.close()
    return manifest
