"""The store: the one module that knows where and how things are kept.

Everything else calls `Store`; swapping SQLite for PostgreSQL is a URL, not a rewrite.
Originals are kept byte for byte in the database, addressed by their sha256, and written
in the same transaction as the document derived from them.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Row, func, insert, select
from sqlalchemy.exc import DBAPIError, IntegrityError

from tocsin import __version__
from tocsin.errors import StoreError
from tocsin.store import alerts as alert_store
from tocsin.store import audit, reviews, users
from tocsin.store import claims as claim_store
from tocsin.store.db import make_engine, migrate
from tocsin.store.schema import document_meta, documents, originals, pages, segments
from tocsin.types import Claim, Document, DocumentInfo, MetaValue, Page, Segment

DEFAULT_DATA_DIR = "tocsin-data"


def resolve_data_dir(given: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir, then $TOCSIN_DATA_DIR, then ./tocsin-data."""
    return Path(given or os.environ.get("TOCSIN_DATA_DIR") or DEFAULT_DATA_DIR)


@dataclass(frozen=True)
class Problem:
    sha256: str
    what: str


class Store:
    def __init__(self, data_dir: str | os.PathLike[str] | None = None, url: str | None = None):
        self.data_dir = resolve_data_dir(data_dir)
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot use data directory {self.data_dir}: {exc.strerror}") from None
        self.url = url or os.environ.get("TOCSIN_DB") or f"sqlite:///{self.data_dir / 'tocsin.db'}"
        self.engine: Engine = make_engine(self.url)
        try:
            migrate(self.engine)
        except DBAPIError as exc:
            raise StoreError(
                f"cannot open database {self.url}: {exc.orig} (is it a Tocsin store? "
                "restore it from a backup or choose another --data-dir)"
            ) from None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------

    def add(
        self, doc: Document, original: bytes, found: list[Claim] | None = None, extractor: str = ""
    ) -> bool:
        """Store a document, its original and its claims in one transaction.
        False if the same bytes are already stored."""
        if self.has(doc.sha256):
            return False
        if hashlib.sha256(original).hexdigest() != doc.sha256:
            raise ValueError("original bytes do not match the document's sha256")

        def write(conn: Connection) -> None:
            conn.execute(insert(documents), [_document_row(doc)])
            conn.execute(insert(originals), [{"sha256": doc.sha256, "data": original}])
            if doc.pages:
                conn.execute(insert(pages), [_page_row(doc.sha256, p) for p in doc.pages])
            if doc.segments:
                conn.execute(insert(segments), [_segment_row(doc.sha256, s) for s in doc.segments])
            if doc.meta:
                conn.execute(
                    insert(document_meta),
                    [_meta_row(doc.sha256, k, v) for k, v in doc.meta.items()],
                )
            detail: dict[str, Any] = {
                "filename_sha256": _sha(doc.filename),
                "size": doc.size,
                "reader": doc.reader,
            }
            if found is not None:
                claim_store.replace_for_document(conn, doc.sha256, found, extractor)
                detail |= {"claims": len(found), "extractor": extractor}
            audit.append(conn, "ingest", doc.sha256, detail)

        return self._write(write, lambda: self.has(doc.sha256))

    def _write(
        self, work: Callable[[Connection], None], done: Callable[[], bool] = lambda: False
    ) -> bool:
        """Run `work` in one transaction. Two writers appending to the audit chain at once
        collide on its unique links; the loser retries. False if `done()` says another
        process did the same work first."""
        for _ in range(20):
            try:
                with self.engine.begin() as conn:
                    work(conn)
                return True
            except IntegrityError:
                if done():
                    return False
        raise StoreError("the store is too busy: another process keeps writing; try again")

    def review(self, kind: str, target: str, value: str, reason: str) -> reviews.Review:
        """Record an analyst's judgement (a new version; earlier ones stay as history)."""
        out: list[reviews.Review] = []
        self._write(lambda conn: out.append(reviews.add(conn, kind, target, value, reason)))
        return out[0]

    def review_history(self, kind: str, target: str) -> list[reviews.Review]:
        with self.engine.connect() as conn:
            return reviews.history(conn, kind, target)

    def current_reviews(self) -> dict[tuple[str, str], reviews.Review]:
        with self.engine.connect() as conn:
            return reviews.current(conn)

    def link_claims(self, kind: str, pairs: list[tuple[str, str]], reason: str) -> None:
        """An analyst's merge or split of incidents, as claim pairs, in one transaction."""

        def write(conn: Connection) -> None:
            for a, b in pairs:
                reviews.link(conn, kind, a, b, reason)

        self._write(write)

    def incident_links(self) -> tuple[set[frozenset[str]], set[frozenset[str]]]:
        with self.engine.connect() as conn:
            return reviews.links(conn)

    def log_export(self, fmt: str, public: bool, records: int) -> None:
        """Exports leave the store: each one is recorded in the audit log."""
        mode = "public" if public else "full"

        def write(conn: Connection) -> None:
            audit.append(conn, "export", f"{fmt}:{mode}", {"records": records})

        self._write(write)

    def add_alerts(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Store newly raised alerts (audited); returns those that were new."""
        out: list[list[dict[str, Any]]] = []
        self._write(lambda conn: out.append(alert_store.add(conn, records)))
        return out[-1]

    def alerts(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return alert_store.listing(conn)

    def pending_deliveries(self, target: str) -> list[tuple[dict[str, Any], bool]]:
        """Alerts not yet delivered to `target`, oldest first, with whether each is due."""
        with self.engine.connect() as conn:
            return alert_store.pending(conn, target, alert_store.now())

    def delivery_attempted(
        self, alert_id: str, target: str, error: str | None, backoff: float = 30.0
    ) -> None:
        self._write(lambda conn: alert_store.attempted(conn, alert_id, target, error, backoff))

    def deliveries(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return alert_store.delivery_state(conn)

    def role_of(self, name: str) -> str | None:
        with self.engine.connect() as conn:
            return users.role_of(conn, name)

    def set_role(self, name: str, role: str) -> None:
        self._write(lambda conn: users.add(conn, name, role))

    def users(self) -> list[dict[str, str]]:
        with self.engine.connect() as conn:
            return users.listing(conn)

    def has_users(self) -> bool:
        with self.engine.connect() as conn:
            return users.any_user(conn)

    def set_password(self, name: str, password: str) -> None:
        self._write(lambda conn: users.set_password(conn, name, password))

    def check_password(self, name: str, password: str) -> bool:
        with self.engine.connect() as conn:
            return users.check_password(conn, name, password)

    def issue_credential(
        self, name: str, kind: str, label: str, lifetime: timedelta | None = None
    ) -> str:
        out: list[str] = []
        self._write(lambda conn: out.append(users.issue(conn, name, kind, label, lifetime)))
        return out[-1]

    def credential_holder(self, secret: str, kind: str) -> str | None:
        with self.engine.connect() as conn:
            return users.holder(conn, secret, kind)

    def revoke_credential(self, secret: str) -> None:
        self._write(lambda conn: users.revoke(conn, secret))

    def record_version(self, after: int = 0, but: str | None = None) -> int:
        """Moves whenever the record changes (audit.record_version): what a reader of the
        record compares to know it is stale."""
        with self.engine.connect() as conn:
            return audit.record_version(conn, after, but)

    def record_changes(self, after: int) -> list[tuple[int, str, str]]:
        with self.engine.connect() as conn:
            return audit.record_changes(conn, after)

    def audit_entries(self) -> list[audit.Entry]:
        with self.engine.connect() as conn:
            return audit.entries(conn)

    def audit_verify(self, head: str | None = None) -> list[str]:
        with self.engine.connect() as conn:
            return audit.verify(conn, head)

    # -- reading -------------------------------------------------------------------------

    def has(self, sha256: str) -> bool:
        with self.engine.connect() as conn:
            found = conn.execute(select(documents.c.sha256).where(documents.c.sha256 == sha256))
            return found.first() is not None

    def resolve(self, prefix: str) -> str | None:
        """The full sha256 of the one document whose hash starts with `prefix`."""
        if len(prefix) < 6:
            return None
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(documents.c.sha256)
                .where(documents.c.sha256.startswith(prefix.lower()))
                .limit(2)
            ).all()
        return rows[0][0] if len(rows) == 1 else None

    def count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(documents)).scalar_one())

    def list_documents(
        self, limit: int | None = None, offset: int = 0, newest_first: bool = False
    ) -> list[DocumentInfo]:
        cols = [c for c in documents.c if c.name != "text"]
        order = (documents.c.ingested_at, documents.c.filename)
        with self.engine.connect() as conn:
            stmt = select(*cols).order_by(*(c.desc() for c in order) if newest_first else order)
            if limit is not None:
                stmt = stmt.limit(limit).offset(offset)
            rows = conn.execute(stmt).all()
            meta = select(document_meta)
            if limit is not None:  # one page: only its documents' metadata
                meta = meta.where(document_meta.c.doc_sha256.in_([r.sha256 for r in rows]))
            metas = _metas(conn.execute(meta).all())
        return [_info(r, metas.get(r.sha256, {})) for r in rows]

    def info(self, sha256: str) -> DocumentInfo | None:
        """One document's listing entry (no text), or None."""
        cols = [c for c in documents.c if c.name != "text"]
        with self.engine.connect() as conn:
            row = conn.execute(select(*cols).where(documents.c.sha256 == sha256)).first()
            if row is None:
                return None
            meta = select(document_meta).where(document_meta.c.doc_sha256 == sha256)
            return _info(row, _metas(conn.execute(meta).all()).get(sha256, {}))

    def get(self, sha256: str) -> Document | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(documents).where(documents.c.sha256 == sha256)).first()
            if row is None:
                return None
            page_rows = conn.execute(
                select(pages).where(pages.c.doc_sha256 == sha256).order_by(pages.c.number)
            ).all()
            seg_rows = conn.execute(
                select(segments)
                .where(segments.c.doc_sha256 == sha256)
                .order_by(segments.c.kind, segments.c.idx)
            ).all()
            meta_rows = conn.execute(
                select(document_meta).where(document_meta.c.doc_sha256 == sha256)
            ).all()
        return Document(
            sha256=row.sha256,
            filename=row.filename,
            size=row.size,
            media_type=row.media_type,
            reader=row.reader,
            encoding=row.encoding,
            language=row.language,
            text=row.text,
            pages=tuple(Page(p.number, p.char_start, p.char_end, p.label) for p in page_rows),
            segments=tuple(
                Segment(s.kind, s.idx, s.char_start, s.char_end, s.page, s.paragraph)
                for s in seg_rows
            ),
            meta=_metas(meta_rows).get(sha256, {}),
            warnings=tuple(json.loads(row.warnings)),
        )

    def replace_claims(self, doc_sha256: str, found: list[Claim], extractor: str) -> None:
        def write(conn: Connection) -> None:
            claim_store.replace_for_document(conn, doc_sha256, found, extractor)
            audit.append(
                conn, "extract", doc_sha256, {"claims": len(found), "extractor": extractor}
            )

        self._write(write)

    def claims(self, **filters: str | None) -> list[tuple[Claim, str]]:
        """Claims with their filename; filters: event, stance, country, speaker, source, date_from,
        date_to, doc (sha256 prefix)."""
        with self.engine.connect() as conn:
            return claim_store.query(conn, **filters)

    def claim_history(self, claim_id: str) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return claim_store.history(conn, claim_id)

    def shas(self) -> list[str]:
        with self.engine.connect() as conn:
            return [
                r[0]
                for r in conn.execute(select(documents.c.sha256).order_by(documents.c.ingested_at))
            ]

    def original(self, sha256: str) -> bytes | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(originals.c.data).where(originals.c.sha256 == sha256)).first()
        return None if row is None else bytes(row[0])

    # -- checking ------------------------------------------------------------------------

    def verify(self) -> list[Problem]:
        """Every stored document whole, every original present and matching its sha256."""
        problems: list[Problem] = []
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(documents.c.sha256, documents.c.n_pages, documents.c.n_segments)
            ).all()
            seg_counts: dict[str, int] = dict(
                conn.execute(
                    select(segments.c.doc_sha256, func.count()).group_by(segments.c.doc_sha256)
                ).all()
            )
            page_counts: dict[str, int] = dict(
                conn.execute(
                    select(pages.c.doc_sha256, func.count()).group_by(pages.c.doc_sha256)
                ).all()
            )
            for sha, n_pages, n_segments in rows:
                if seg_counts.get(sha, 0) != n_segments or page_counts.get(sha, 0) != n_pages:
                    problems.append(Problem(sha, "document rows incomplete"))
                data = conn.execute(
                    select(originals.c.data).where(originals.c.sha256 == sha)
                ).scalar()
                if data is None:
                    problems.append(Problem(sha, "original missing"))
                elif not isinstance(data, bytes | memoryview):
                    problems.append(Problem(sha, "original altered: it is no longer raw bytes"))
                elif hashlib.sha256(data).hexdigest() != sha:
                    problems.append(Problem(sha, "original altered: its sha256 differs"))
        return problems


def _sha(text: str) -> str:
    """Filenames can name people: the log keeps their hash, not the name."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _document_row(doc: Document) -> dict[str, Any]:
    return {
        "sha256": doc.sha256,
        "filename": doc.filename,
        "media_type": doc.media_type,
        "reader": doc.reader,
        "encoding": doc.encoding,
        "language": doc.language,
        "size": doc.size,
        "text": doc.text,
        "n_pages": len(doc.pages),
        "n_segments": len(doc.segments),
        "warnings": json.dumps(list(doc.warnings)),
        "ingested_at": datetime.now(UTC).isoformat(timespec="microseconds"),
        "tocsin_version": __version__,
    }


def _page_row(sha: str, p: Page) -> dict[str, Any]:
    return {
        "doc_sha256": sha,
        "number": p.number,
        "label": p.label,
        "char_start": p.start,
        "char_end": p.end,
    }


def _segment_row(sha: str, s: Segment) -> dict[str, Any]:
    return {
        "doc_sha256": sha,
        "kind": s.kind,
        "idx": s.index,
        "char_start": s.start,
        "char_end": s.end,
        "page": s.page,
        "paragraph": s.paragraph,
    }


def _meta_row(sha: str, name: str, v: MetaValue) -> dict[str, Any]:
    return {
        "doc_sha256": sha,
        "field": name,
        "value": json.dumps(v.value, ensure_ascii=False),
        "origin": v.origin,
        "producer": v.producer,
        "char_start": v.start,
        "char_end": v.end,
    }


def _metas(rows: Sequence[Row[Any]]) -> dict[str, dict[str, MetaValue]]:
    out: dict[str, dict[str, MetaValue]] = {}
    for r in rows:
        out.setdefault(r.doc_sha256, {})[r.field] = MetaValue(
            json.loads(r.value), r.origin, r.producer, r.char_start, r.char_end
        )
    return out


def _info(r: Row[Any], meta: dict[str, MetaValue]) -> DocumentInfo:
    return DocumentInfo(
        sha256=r.sha256,
        filename=r.filename,
        media_type=r.media_type,
        reader=r.reader,
        language=r.language,
        size=r.size,
        n_pages=r.n_pages,
        n_segments=r.n_segments,
        ingested_at=r.ingested_at,
        meta=meta,
        warnings=tuple(json.loads(r.warnings)),
    )
