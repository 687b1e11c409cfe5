"""What the user named on the command line → the files to ingest, in a stable order."""

from __future__ import annotations

import glob
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from tocsin.errors import RejectedInput
from tocsin.ingest.given import SIDECAR_SUFFIX

STDIN = "-"
DEFAULT_MAX_BYTES = 100 * 1024 * 1024


@dataclass(frozen=True)
class Source:
    name: str  # as shown to the user and stored as the filename
    path: Path | None  # None for standard input
    problem: str | None = None  # set when the name itself is unusable


def _skip(path: Path) -> bool:
    return path.name.startswith(".") or path.name.endswith(SIDECAR_SUFFIX)


def expand(items: list[str]) -> list[Source]:
    """Files as given, folders recursively, globs (when the shell left them unexpanded)."""
    out: list[Source] = []
    seen: set[str] = set()

    def add(source: Source) -> None:
        key = str(source.path.resolve()) if source.path else source.name
        if key not in seen:
            seen.add(key)
            out.append(source)

    for item in items:
        if item == STDIN:
            add(Source("<stdin>", None))
            continue
        path = Path(item)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and not _skip(p)):
                add(Source(str(child), child))
        elif path.is_file():
            add(Source(item, path))
        elif glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            files = [Path(m) for m in matches if Path(m).is_file() and not _skip(Path(m))]
            if not files:
                add(Source(item, None, "no file matches this pattern"))
            for f in files:
                add(Source(str(f), f))
        elif path.exists():
            add(Source(item, None, "not a regular file"))
        else:
            add(Source(item, None, "no such file or directory"))
    return out


def read_bytes(source: Source, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The raw bytes, refusing anything over `max_bytes` before reading it into memory."""
    limit_note = f"limit {max_bytes / 2**20:.0f} MiB; raise it with --max-size"
    if source.path is None:
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise RejectedInput(f"standard input too large ({limit_note})")
        return data
    try:
        size = os.stat(source.path).st_size
        if size > max_bytes:
            raise RejectedInput(f"file too large: {size / 2**20:.0f} MiB ({limit_note})")
        with source.path.open("rb") as fh:
            return fh.read(max_bytes + 1)
    except PermissionError:
        raise RejectedInput("permission denied") from None
    except IsADirectoryError:
        raise RejectedInput("is a directory") from None
    except OSError as exc:
        raise RejectedInput(f"cannot read: {exc.strerror}") from None
