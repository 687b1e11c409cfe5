"""Ingest many sources into a store: the I/O edge around the pure `read_document`."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from tocsin.errors import RejectedInput
from tocsin.ingest.document import read_document
from tocsin.ingest.given import read_sidecar, sidecar_for
from tocsin.ingest.sources import DEFAULT_MAX_BYTES, Source, read_bytes
from tocsin.store import Store
from tocsin.types import Document, MetaValue

Status = Literal["ingested", "present", "failed"]


@dataclass(frozen=True)
class Outcome:
    source: str
    status: Status
    sha256: str | None = None
    reason: str | None = None
    document: Document | None = None


@dataclass(frozen=True)
class Options:
    given: dict[str, MetaValue] | None = None  # from flags or --meta, for every file
    language: str | None = None
    reader: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    entities: str | None = None
    name: str | None = None  # filename to record for standard input


def ingest_one(store: Store, source: Source, opts: Options) -> Outcome:
    if source.problem:
        return Outcome(source.name, "failed", reason=source.problem)
    try:
        data = read_bytes(source, opts.max_bytes)
        sha = hashlib.sha256(data).hexdigest()
        if store.has(sha):
            return Outcome(source.name, "present", sha)
        given: dict[str, MetaValue] = {}
        if source.path is not None and sidecar_for(source.path).is_file():
            given.update(read_sidecar(sidecar_for(source.path), opts.entities))
        given.update(opts.given or {})  # command-line flags beat the sidecar
        filename = source.path.name if source.path else (opts.name or source.name)
        doc = read_document(
            data,
            filename,
            given,
            language=opts.language,
            reader=opts.reader,
            entities=opts.entities,
        )
    except RejectedInput as exc:
        return Outcome(source.name, "failed", reason=str(exc))
    created = store.add(doc, data)
    return Outcome(source.name, "ingested" if created else "present", doc.sha256, document=doc)


def ingest(
    store: Store,
    sources: Iterable[Source],
    opts: Options | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Ingest each source in its own transaction; one failure never stops the others."""
    opts = opts or Options()
    outcomes = []
    for source in sources:
        outcome = ingest_one(store, source, opts)
        outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)
    return outcomes
