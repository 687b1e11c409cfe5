"""Extraction: documents → source-attributed claims, each traced to its span.

`extract(text, meta)` is a pure function of one document, so it can be mapped over millions
of documents on any distributed engine; `extract_document(doc)` does the same for a stored
`Document`, reusing its segments.
"""

from __future__ import annotations

from collections.abc import Mapping

from tocsin import countries, framework, lang
from tocsin.extract import taxonomy
from tocsin.extract.claims import Settings, extract_claims
from tocsin.ingest.segment import segment
from tocsin.lang import LangPack, script
from tocsin.types import Claim, Document, Segment

PIPELINE = "extract@1"

__all__ = ["Settings", "extract", "extract_document", "version"]


def version(language: str) -> str:
    """The name and version of everything that shapes the claims for one language."""
    pack = lang.load(language)
    return f"{PIPELINE}+{pack.producer}+{taxonomy.load().producer}+{framework.load().producer}"


def extract(
    text: str,
    meta: Mapping[str, object] | None = None,
    *,
    language: str | None = None,
    doc_sha256: str = "",
    entities: str | None = None,
    settings: Settings | None = None,
) -> list[Claim]:
    """Claims in `text`. `meta` gives speaker, speaker_country and date (ISO) when known."""
    code = language or lang.detect(text)
    if not lang.has_pack(code):
        return []  # no lexicons for this language: nothing can be read (see lang.no_pack_note)
    pack = lang.load(code)
    flat = {k: str(v) for k, v in (meta or {}).items() if isinstance(v, str)}
    return _read(text, segment(text, pack), flat, pack, doc_sha256, entities, settings)


def extract_document(
    doc: Document, *, entities: str | None = None, settings: Settings | None = None
) -> list[Claim]:
    if not lang.has_pack(doc.language):
        return []  # the document carries the warning (lang.no_pack_note)
    pack = lang.load(doc.language)
    meta = {k: v.value for k, v in doc.meta.items() if isinstance(v.value, str)}
    return _read(doc.text, doc.segments, meta, pack, doc.sha256, entities, settings)


def _read(
    text: str,
    segments: tuple[Segment, ...],
    meta: dict[str, str],
    pack: LangPack,
    doc_sha256: str,
    entities: str | None,
    settings: Settings | None,
) -> list[Claim]:
    """The rules read the text as its script needs (folded letters and digits, words set
    apart where the script writes none); the claims keep the document's own offsets."""
    script.keep_whole(pack, countries.user_names(entities))
    seen = script.view(text, pack)
    claims = extract_claims(
        seen.text,
        seen.segments(segments),
        meta,
        pack,
        doc_sha256=doc_sha256,
        entities=entities,
        settings=settings or Settings(),
    )
    return [seen.restore(c, text) for c in claims]
