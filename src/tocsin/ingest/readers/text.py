"""Plain text: decode, normalise line ends, nothing else."""

from __future__ import annotations

from tocsin.ingest.encoding import decode
from tocsin.ingest.textnorm import normalise
from tocsin.types import ReadResult


class TextReader:
    name = "text"
    version = 1
    refines: str | None = None
    extensions = (".txt", ".text", ".log", "")

    def sniff(self, head: bytes) -> bool:
        return False  # plain text has no signature; it is the fallback

    def read(self, data: bytes) -> ReadResult:
        text, encoding = decode(data)
        return ReadResult(normalise(text), f"{self.name}@{self.version}", "text/plain", encoding)


READER = TextReader()
