"""Raw bytes → Document: read, normalise, segment, infer metadata. Pure: no I/O.

This is the function to map over millions of files on a distributed engine: it depends on
nothing but its arguments and the packaged language data.
"""

from __future__ import annotations

import hashlib

from tocsin import lang
from tocsin.errors import RejectedInput
from tocsin.ingest import metadata
from tocsin.ingest.readers import choose
from tocsin.ingest.segment import segment
from tocsin.lang import script
from tocsin.types import Document, MetaValue

SNIFF_BYTES = 4096


def read_document(
    data: bytes,
    filename: str,
    given: dict[str, MetaValue] | None = None,
    *,
    language: str | None = None,
    reader: str | None = None,
    entities: str | None = None,
) -> Document:
    """Turn one original into a Document, or raise RejectedInput with a one-line reason."""
    if not data:
        raise RejectedInput("empty file (0 bytes)")
    choice = choose(filename, data[:SNIFF_BYTES], reader)
    try:
        result = choice.reader.read(data)
    except RejectedInput:
        raise
    except Exception as exc:  # a reader (possibly a plugin) choking on hostile input
        raise RejectedInput(
            f"{choice.reader.name} reader failed: {type(exc).__name__}: {str(exc)[:200]}"
        ) from exc
    if not result.text.strip():
        raise RejectedInput(f"no readable text (read as {choice.reader.name})")
    code = language or lang.detect(result.text)
    pack = lang.pack_for(code)  # a language without a pack is still stored, under its code
    # read as the pack's rules read text (folded letters, every script's digits: same offsets)
    meta = metadata.infer(script.fold(result.text, pack), pack, result.hints, entities)
    meta.update(given or {})  # what the user says wins over what was inferred
    note = lang.no_pack_note(code)
    warnings = (*result.warnings, note) if note else result.warnings
    if choice.surprising:
        warnings = (f"read as {choice.reader.name}: {choice.why}", *warnings)
    return Document(
        sha256=hashlib.sha256(data).hexdigest(),
        filename=filename,
        size=len(data),
        media_type=result.media_type,
        reader=result.reader,
        encoding=result.encoding,
        language=code,
        text=result.text,
        pages=result.pages,
        segments=segment(result.text, pack, result.pages),
        meta=meta,
        warnings=warnings,
    )
