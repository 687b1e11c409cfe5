"""Originals, byte for byte, addressed by the sha256 of their bytes.

Layout: ``originals/ab/abcdef…`` (read-only files). Writes go to ``originals/.tmp`` first,
are flushed to disk, then renamed into place, so a crash leaves either nothing or a whole,
correct file; never a partial one under a real name.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

STALE_TMP_SECONDS = 3600


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.tmp = root / ".tmp"
        self.tmp.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put(self, sha256: str, data: bytes) -> Path:
        final = self.path(sha256)
        if final.is_file() and final.stat().st_size == len(data):
            return final  # content-addressed: same name, same bytes
        final.parent.mkdir(exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=self.tmp, prefix=sha256[:12])
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp_name, 0o444)
            os.replace(tmp_name, final)
            _fsync_dir(final.parent)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        return final

    def get(self, sha256: str) -> bytes:
        return self.path(sha256).read_bytes()

    def check(self, sha256: str) -> str | None:
        """None when the original is present and intact, else what is wrong."""
        path = self.path(sha256)
        if not path.is_file():
            return "original missing"
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        return None if digest.hexdigest() == sha256 else "original altered: hash differs"

    def all(self) -> Iterator[str]:
        for sub in sorted(self.root.glob("[0-9a-f][0-9a-f]")):
            for path in sorted(sub.iterdir()):
                yield path.name

    def sweep_tmp(self) -> int:
        """Remove temporary files left by crashed writers (old enough to be nobody's now)."""
        removed = 0
        cutoff = time.time() - STALE_TMP_SECONDS
        for path in self.tmp.iterdir():
            if path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
