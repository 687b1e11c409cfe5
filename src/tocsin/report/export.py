"""Exports: one row per claim and one per incident, as CSV, JSON or GeoJSON.

The public mode is for publication: it keeps what a claim says and where it comes from
(document sha256, offsets, speaking state or organisation, date, event, counts, stance) and
drops or generalises what can identify victims, witnesses or sources: quoted text, the names
of people speaking for no state or organisation (a claim's source that is a private person,
or a document's private speaker, appears under a stable pseudonym: `pseudonym`, decided by
`private_sources`), filenames, exact places (kept as country and first-level admin area,
without coordinates), and analysts' free-text reasons.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Collection, Iterable
from typing import Any

from tocsin.assess.areas import where_of
from tocsin.corroborate import Incident, is_private, is_public_source, source_label
from tocsin.corroborate.sources import label_of
from tocsin.store.claims import claim_to_dict
from tocsin.types import Claim, Document, DocumentInfo

CLAIM_COLUMNS = [
    "kind",
    "id",
    "event",
    "stance",
    "count_value",
    "count_qualifier",
    "count_low",
    "count_high",
    "count_unit",
    "victims",
    "victim_group",
    "when_from",
    "when_to",
    "places",
    "accused",
    "source",
    "areas",
    "speaker",
    "speaker_country",
    "doc_date",
    "doc_sha256",
    "start",
    "end",
    "filename",
    "quote",
]
INCIDENT_COLUMNS = [
    "kind",
    "id",
    "event",
    "status",
    "count_low",
    "count_best",
    "count_high",
    "when_from",
    "when_to",
    "places",
    "sources",
    "contested_by",
    "disputed_by",
    "claims",
]


def claim_record(c: Claim, filename: str, public: bool) -> dict[str, Any]:
    d = claim_to_dict(c)
    # where the claim is counted, and why (or why nowhere): the one rule, assess/areas.py
    record = {"kind": "claim", **d, "filename": filename, "area": where_of(c).record()}
    if public:
        record["quote"] = None
        record["denies"] = None  # the denied allegation is quoted text too
        record["matched"] = []
        record["filename"] = None
        if not c.speaker_country:
            record["speaker"] = None  # a private person (witness, journalist) is not published
        if is_private(c) and c.source is not None and record.get("source"):
            record["source"] = {**record["source"], "name": pseudonym(label_of(c.source))}
        record["places"] = [{"country": p.country, "admin1": p.admin1} for p in c.places]
        if record.get("count"):
            record["count"].pop("span", None)
    return record


def pseudonym(label: str) -> str:
    """A stable stand-in for a private person's name: the same person, the same stand-in."""
    return "private source " + hashlib.sha256(label.encode("utf-8")).hexdigest()[:10]


def public_alert(record: dict[str, Any], private: Collection[str] = ()) -> dict[str, Any]:
    """An alert as a public export would show it: no quotes, and the sources that are
    private persons (`private`) under their stable pseudonyms."""

    def who(label: str) -> str:
        return pseudonym(label) if label in private else label

    out = dict(record)
    out["sources"] = [who(s) for s in record["sources"]]
    out["evidence"] = [
        {k: who(v) if k == "source" else v for k, v in e.items() if k != "quote"}
        for e in record["evidence"]
    ]
    return out


def private_sources(
    infos: Iterable[DocumentInfo | Document], claims: Iterable[Claim] = ()
) -> set[str]:
    """The source labels that name private persons, pseudonymised in public: documents
    spoken by one (witnesses, bylines: the label of their claims with no source of their
    own) and claims' own sources that are persons ("a resident told us")."""
    found = {source_label(i) for i in infos if not is_public_source(i)}
    found.update(label_of(c.source) for c in claims if c.source is not None and is_private(c))
    return found


def incident_record(
    inc: Incident, claims_by_id: dict[str, Claim], public: bool, private: Collection[str] = ()
) -> dict[str, Any]:
    """`private`: source labels that name private persons, replaced by pseudonyms in public."""
    places = [p for cid in inc.claims if cid in claims_by_id for p in claims_by_id[cid].places]

    def who(label: str) -> str:
        return pseudonym(label) if public and label in private else label

    record: dict[str, Any] = {
        "kind": "incident",
        "id": inc.id,
        "event": inc.event,
        "status": inc.status,
        "count": inc.count,
        "when": {"from": inc.when_from, "to": inc.when_to},
        "sources": [who(s) for s in inc.sources],
        "contested_by": [who(s) for s in inc.contested_by],
        "disputed_by": [who(s) for s in inc.disputed_by],
        "claims": inc.claims,
        "places": sorted({p.name for p in places})
        if not public
        else sorted({f"{p.country}/{p.admin1 or '-'}" for p in places}),
        "series": [{**s, "source": who(str(s["source"]))} for s in inc.series],
        # explanations quote the claims: kept out of publication
        "explanation": [] if public else inc.explanation,
    }
    located = [p for p in places if p.lat is not None and p.lon is not None]
    if located and not public:
        record["_point"] = (located[0].lon, located[0].lat)
    return record


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    flat = dict(record)
    count = record.get("count") or {}
    for key in ("value", "qualifier", "low", "high", "unit", "best"):
        flat[f"count_{key}"] = count.get(key)
    when = record.get("when") or {}
    flat["when_from"], flat["when_to"] = when.get("from"), when.get("to")
    source = record.get("source")
    if isinstance(source, dict):
        flat["source"] = source.get("name")
    area = record.get("area")
    if isinstance(area, dict):
        flat["areas"] = "; ".join(area.get("areas") or []) or f"none ({area.get('note')})"
    for key in ("places", "accused", "sources", "contested_by", "disputed_by", "claims"):
        value = record.get(key)
        if isinstance(value, list):
            flat[key] = "; ".join(
                v
                if isinstance(v, str)
                else (v.get("name") or f"{v.get('country')}/{v.get('admin1')}")
                for v in value
            )
    return flat


def render(records: Iterable[dict[str, Any]], fmt: str) -> str:
    rows = list(records)
    if fmt == "json":
        return json.dumps(
            [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows],
            ensure_ascii=False,
            indent=2,
        )
    if fmt == "csv":
        buf = io.StringIO()
        columns = list(dict.fromkeys(CLAIM_COLUMNS + INCIDENT_COLUMNS))
        writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            writer.writerow(_flat(r))
        return buf.getvalue()
    if fmt == "geojson":
        features = []
        for r in rows:
            geometry = None
            if r["kind"] == "claim":
                located = [p for p in r.get("places", []) if p.get("lat") is not None]
                if located:
                    geometry = {
                        "type": "Point",
                        "coordinates": [located[0]["lon"], located[0]["lat"]],
                    }
            elif r.get("_point"):
                geometry = {"type": "Point", "coordinates": list(r["_point"])}
            properties = {k: v for k, v in _flat(r).items() if not k.startswith("_")}
            features.append({"type": "Feature", "geometry": geometry, "properties": properties})
        return json.dumps(
            {"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=2
        )
    raise ValueError(f"unknown export format {fmt!r}")
