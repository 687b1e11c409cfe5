"""Ingest many sources into a store: the I/O edge around the pure `read_document`."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from tocsin import lang
from tocsin.errors import RejectedInput
from tocsin.extract import extract_document, version
from tocsin.ingest.document import read_document
from tocsin.ingest.given import read_sidecar, sidecar_for
from tocsin.ingest.sources import DEFAULT_MAX_BYTES, Source, read_bytes
from tocsin.store import Store
from tocsin.types import Claim, Document, MetaValue

Status = Literal["ingested", "present", "failed"]


@dataclass(frozen=True)
class Outcome:
    source: str
    status: Status
    sha256: str | None = None
    reason: str | None = None
    document: Document | None = None
    claims: list[Claim] = field(default_factory=list)
    note: str | None = None


@dataclass(frozen=True)
class Options:
    given: dict[str, MetaValue] | None = None  # from flags or --meta, for every file
    language: str | None = None
    reader: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    entities: str | None = None
    name: str | None = None  # filename to record for standard input
    extract: bool = True  # extract claims as each document goes in


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
    found, note = _claims(doc, opts)
    created = store.add(doc, data, found, version(doc.language) if found is not None else "")
    return Outcome(
        source.name,
        "ingested" if created else "present",
        doc.sha256,
        document=doc,
        claims=found or [],
        note=note,
    )


def _claims(doc: Document, opts: Options) -> tuple[list[Claim] | None, str | None]:
    """Claims for a new document. A failure here never costs the document: it is stored
    without claims and the user is told to run `tocsin extract` again."""
    if not opts.extract:
        return None, None
    note = lang.no_pack_note(doc.language)
    if note:  # said out loud: a document in another language never yields zero claims silently
        return None, note
    try:
        return extract_document(doc, entities=opts.entities), None
    except Exception as exc:  # an extraction bug must not lose the original
        return (
            None,
            f"claims not extracted ({type(exc).__name__}: {exc}); run `tocsin extract` later",
        )


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
