"""Claims in the store: one JSON document per claim, with the fields filters need as columns."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from tocsin.store.schema import claims, claims_history, documents
from tocsin.types import Claim, Count, Place, Source, SubCount


def claim_to_dict(c: Claim) -> dict[str, Any]:
    """The claim as other tools read it (field names follow shared/gold/README.md)."""

    def count(x: Count | None) -> dict[str, Any] | None:
        if x is None:
            return None
        return {
            "value": x.value,
            "qualifier": x.qualifier,
            "low": x.low,
            "high": x.high,
            "unit": x.unit,
            "span": [x.start, x.end] if x.start is not None else None,
        }

    return {
        "id": c.id,
        "doc_sha256": c.doc_sha256,
        "sentence": c.sentence,
        "start": c.start,
        "end": c.end,
        "quote": c.quote,
        "event": c.event,
        "other_events": list(c.other_events),
        "stance": c.stance,
        "count": count(c.count),
        "includes": [{"count": count(s.count), "victims": s.victims} for s in c.includes],
        "victims": c.victims,
        "victim_group": c.victim_group,
        "outcome": c.outcome,
        "when": {"from": c.when_from, "to": c.when_to} if c.when_from else None,
        "places": [asdict(p) for p in c.places],
        "accused": list(c.accused),
        "claimed_by": list(c.claimed_by),
        "denies": c.denies,
        "source": source_to_dict(c.source),
        "speaker": c.speaker,
        "speaker_country": c.speaker_country,
        "doc_date": c.doc_date,
        "risk_indicators": list(c.risk_indicators),
        "matched": [list(m) for m in c.matched],
        "produced_by": dict(c.produced_by),
    }


def source_to_dict(s: Source | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {
        "name": s.name,
        "kind": s.kind,
        "country": s.country,
        "span": [s.start, s.end] if s.start is not None else None,
        "relayed_by": s.relayed_by,
        "origin": s.origin,
        "affiliation": s.affiliation,
        "anonymous": s.anonymous,
        "short": s.affiliation,  # the name others know the source by, as the corpus scorer reads it
    }


def source_from_dict(d: dict[str, Any] | None) -> Source | None:
    if not d:
        return None
    span = d.get("span") or [None, None]
    return Source(
        d["name"],
        d["kind"],
        d.get("country"),
        span[0],
        span[1],
        d.get("relayed_by"),
        d.get("origin", "text"),
        d.get("affiliation"),
        bool(d.get("anonymous", False)),
    )


def claim_from_dict(d: dict[str, Any]) -> Claim:
    def count(x: dict[str, Any] | None) -> Count | None:
        if x is None:
            return None
        span = x.get("span") or [None, None]
        return Count(x["value"], x["qualifier"], x["low"], x["high"], x["unit"], span[0], span[1])

    when = d.get("when") or {}
    return Claim(
        id=d["id"],
        doc_sha256=d["doc_sha256"],
        sentence=d["sentence"],
        start=d["start"],
        end=d["end"],
        quote=d["quote"],
        event=d["event"],
        stance=d["stance"],
        count=count(d["count"]),
        includes=tuple(
            SubCount(count(i["count"]) or Count(None, "unquantified"), i["victims"])
            for i in d["includes"]
        ),
        victims=d["victims"],
        victim_group=d["victim_group"],
        outcome=d["outcome"],
        when_from=when.get("from"),
        when_to=when.get("to"),
        places=tuple(Place(**p) for p in d["places"]),
        accused=tuple(d["accused"]),
        claimed_by=tuple(d["claimed_by"]),
        denies=d["denies"],
        source=source_from_dict(d.get("source")),
        other_events=tuple(d["other_events"]),
        speaker=d["speaker"],
        speaker_country=d["speaker_country"],
        doc_date=d["doc_date"],
        risk_indicators=tuple(d["risk_indicators"]),
        matched=tuple((m[0], m[1], m[2]) for m in d["matched"]),
        produced_by=d["produced_by"],
    )


def row_of(c: Claim, extractor: str) -> dict[str, Any]:
    """The claim as a row of the claims table."""
    return {
        "id": c.id,
        "doc_sha256": c.doc_sha256,
        "sentence": c.sentence,
        "char_start": c.start,
        "char_end": c.end,
        "event": c.event,
        "stance": c.stance,
        "speaker_country": c.speaker_country,
        "when_from": c.when_from,
        "when_to": c.when_to,
        "doc_date": c.doc_date,
        "data": json.dumps(claim_to_dict(c), ensure_ascii=False),
        "extractor": extractor,
    }


def replace_for_document(
    conn: Connection, doc_sha256: str, found: list[Claim], extractor: str
) -> None:
    """A document's claims, replaced whole: re-extraction never leaves a mix of versions,
    and the replaced ones move to claims_history, so no version is ever lost."""
    old = conn.execute(
        select(claims.c.id, claims.c.data, claims.c.extractor).where(
            claims.c.doc_sha256 == doc_sha256
        )
    ).all()
    if old:
        now = datetime.now(UTC).isoformat(timespec="microseconds")
        conn.execute(
            insert(claims_history),
            [
                {
                    "id": r.id,
                    "doc_sha256": doc_sha256,
                    "data": r.data,
                    "extractor": r.extractor,
                    "superseded_at": now,
                    "superseded_by": extractor,
                }
                for r in old
            ],
        )
    conn.execute(delete(claims).where(claims.c.doc_sha256 == doc_sha256))
    if found:
        conn.execute(insert(claims), [row_of(c, extractor) for c in found])


def query(
    conn: Connection,
    *,
    event: str | None = None,
    stance: str | None = None,
    country: str | None = None,
    speaker: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    doc: str | None = None,
    claim_id: str | None = None,
    source: str | None = None,
) -> list[tuple[Claim, str]]:
    """Claims matching every filter given, with their document's filename, in document order."""
    stmt = select(claims.c.data, documents.c.filename).join(
        documents, documents.c.sha256 == claims.c.doc_sha256
    )
    if event:
        stmt = stmt.where((claims.c.event == event) | claims.c.event.startswith(event + "."))
    if stance:
        stmt = stmt.where(claims.c.stance == stance)
    if doc:
        stmt = stmt.where(claims.c.doc_sha256.startswith(doc))
    if claim_id:
        stmt = stmt.where(claims.c.id == claim_id)
    stmt = stmt.order_by(claims.c.doc_date, documents.c.filename, claims.c.char_start, claims.c.id)
    out = []
    for data, filename in conn.execute(stmt):
        c = claim_from_dict(json.loads(data))
        if matches(c, country, speaker, date_from, date_to, source):
            out.append((c, filename))
    return out


def matches(
    c: Claim,
    country: str | None = None,
    speaker: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    source: str | None = None,
) -> bool:
    """The filters a column cannot answer: a country the claim names in any role, part of
    the speaker's name, who says it (part of the source's name, the outlet relaying it, or a
    state's code), and events overlapping [date_from, date_to] (YYYY[-MM[-DD]]: a month or
    year given as `date_to` includes all of it)."""
    if source and not source_matches(c, source):
        return False
    if country and country.upper() not in {
        c.source.country if c.source else None,
        c.speaker_country,
        *c.accused,
        *c.claimed_by,
        *(p.country for p in c.places),
    }:
        return False
    if speaker and speaker.lower() not in (c.speaker or "").lower():
        return False
    start = c.when_from or c.doc_date
    end = c.when_to or c.when_from or c.doc_date
    if date_from and (end is None or end < date_from):
        return False
    return not (date_to and (start is None or start[: len(date_to)] > date_to))


def source_matches(c: Claim, wanted: str) -> bool:
    """Whether the claim's source is `wanted`: a state's ISO3 code, or part of the name of the
    source or of the outlet relaying it (claims stored before sources: the speaker)."""
    w = wanted.casefold()
    s = c.source
    if s is None:
        return w in (c.speaker or "").casefold() or w == (c.speaker_country or "").casefold()
    if s.country and w == s.country.casefold():
        return True
    return any(w in (n or "").casefold() for n in (s.name, s.relayed_by))


def history(conn: Connection, claim_id: str) -> list[dict[str, Any]]:
    """Earlier versions of a claim, oldest first."""
    rows = conn.execute(
        select(claims_history).where(claims_history.c.id == claim_id).order_by(claims_history.c.row)
    ).all()
    return [
        {
            "extractor": r.extractor,
            "superseded_at": r.superseded_at,
            "superseded_by": r.superseded_by,
            "claim": json.loads(r.data),
        }
        for r in rows
    ]
