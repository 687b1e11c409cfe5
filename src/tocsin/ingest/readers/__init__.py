"""Readers turn raw bytes into text. Each is a plugin behind one interface.

Built-in readers are registered through the ``tocsin.readers`` entry-point group in
pyproject.toml, exactly as a third-party package would register its own, so adding a
format is adding a module and one line of packaging metadata.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.metadata import entry_points
from typing import Protocol

from tocsin.errors import RejectedInput
from tocsin.types import ReadResult


class Reader(Protocol):
    name: str
    version: int
    extensions: tuple[str, ...]  # lower-case, with the dot: (".html", ".htm")
    # A reader whose sniff is only a refinement of another's choice: Markdown refines "text"
    # (a .txt full of **bold** and <sup> is Markdown converted from PDF). None: sniff always.
    refines: str | None

    def sniff(self, head: bytes) -> bool:
        """True when the first bytes unmistakably belong to this format."""

    def read(self, data: bytes) -> ReadResult:
        """Bytes to text; raise RejectedInput with a one-line reason when that is impossible."""


@dataclass(frozen=True)
class Choice:
    reader: Reader
    why: str  # "extension .pdf", "content looks like pdf", "--format html"
    surprising: bool = False  # the content contradicts the file's extension: tell the user


@cache
def registry() -> dict[str, Reader]:
    found: dict[str, Reader] = {}
    for ep in entry_points(group="tocsin.readers"):
        reader = ep.load()
        found[reader.name] = reader
    if not found:
        raise RuntimeError("no readers registered: is tocsin installed (pip install -e .)?")
    return found


def choose(filename: str, head: bytes, forced: str | None = None) -> Choice:
    """Pick a reader: --format first, then unmistakable content, then the file extension.

    Content beats the extension because a PDF saved as ``.txt`` is still a PDF; text formats
    have no magic bytes, so for them the extension decides and plain text is the fallback.
    """
    readers = registry()
    if forced:
        if forced not in readers:
            raise RejectedInput(f"unknown format {forced!r} (known: {', '.join(sorted(readers))})")
        return Choice(readers[forced], f"--format {forced}")
    suffix = _suffix(filename)
    by_ext = next((r for r in readers.values() if suffix in r.extensions), None)
    for reader in readers.values():
        if reader.refines is None and reader.sniff(head):
            agrees = by_ext is reader
            return Choice(
                reader, f"content looks like {reader.name}", surprising=not agrees and bool(suffix)
            )
    choice = (
        Choice(by_ext, f"extension {suffix}")
        if by_ext is not None
        else Choice(readers["text"], "no known extension: read as plain text")
    )
    for reader in readers.values():
        if reader.refines == choice.reader.name and reader.sniff(head):
            return Choice(reader, f"content looks like {reader.name}", surprising=bool(suffix))
    return choice


def _suffix(filename: str) -> str:
    dot = filename.rfind(".")
    return filename[dot:].lower() if dot > filename.replace("\\", "/").rfind("/") else ""
