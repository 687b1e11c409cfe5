"""Tables of the store, as SQLAlchemy Core metadata. Alembic migrations create them."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

documents = Table(
    "documents",
    metadata,
    Column("sha256", String(64), primary_key=True),  # of the original bytes
    Column("filename", Text, nullable=False),
    Column("media_type", String(120), nullable=False),
    Column("reader", String(60), nullable=False),  # "pdf@1"
    Column("encoding", String(40)),
    Column("language", String(8), nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("text", Text, nullable=False),
    Column("n_pages", Integer, nullable=False),
    Column("n_segments", Integer, nullable=False),  # lets `verify` prove nothing is half-written
    Column("warnings", Text, nullable=False),  # JSON list
    Column("ingested_at", String(32), nullable=False),  # ISO 8601 UTC
    Column("tocsin_version", String(20), nullable=False),
)

# Originals live in the database, in the same transaction as everything derived from them:
# a crash can never leave an original without its document, or a document without its original.
originals = Table(
    "originals",
    metadata,
    Column("sha256", String(64), ForeignKey("documents.sha256"), primary_key=True),
    Column("data", LargeBinary, nullable=False),
)

pages = Table(
    "pages",
    metadata,
    Column("doc_sha256", String(64), ForeignKey("documents.sha256"), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("label", Text),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
)

segments = Table(
    "segments",
    metadata,
    Column("doc_sha256", String(64), ForeignKey("documents.sha256"), primary_key=True),
    Column("kind", String(10), primary_key=True),  # paragraph | sentence
    Column("idx", Integer, primary_key=True),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("page", Integer),
    Column("paragraph", Integer),
)

document_meta = Table(
    "document_meta",
    metadata,
    Column("doc_sha256", String(64), ForeignKey("documents.sha256"), primary_key=True),
    Column("field", String(40), primary_key=True),
    Column("value", Text, nullable=False),  # JSON: a string or a list of strings
    Column("origin", String(10), nullable=False),  # given | inferred
    Column("producer", Text, nullable=False),
    Column("char_start", Integer),
    Column("char_end", Integer),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("doc_sha256", String(64), ForeignKey("documents.sha256"), nullable=False, index=True),
    Column("sentence", Integer, nullable=False),
    Column("char_start", Integer, nullable=False),
    Column("char_end", Integer, nullable=False),
    Column("event", String(60), nullable=False, index=True),
    Column("stance", String(20), nullable=False),
    Column("speaker_country", String(8), index=True),
    Column("when_from", String(10)),
    Column("when_to", String(10)),
    Column("doc_date", String(10)),
    Column("data", Text, nullable=False),  # the whole claim as JSON
    Column("extractor", String(60), nullable=False),  # pipeline version that produced it
)

# Append-only, hash-chained record of every write: ids and hashes, never personal data.
audit_log = Table(
    "audit_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("at", String(32), nullable=False),
    Column("actor", String(80), nullable=False),
    Column("action", String(40), nullable=False),
    Column("object", Text, nullable=False),
    Column("detail", Text, nullable=False),  # JSON
    Column("prev_hash", String(64), nullable=False, unique=True),  # one successor per entry
    Column("hash", String(64), nullable=False, unique=True),
)

# Analysts' judgements, append-only: the newest row per target and field is the current one,
# the older rows are its history (who, when, why).
reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("target_kind", String(12), nullable=False),  # claim | incident | source
    Column("target_id", String(200), nullable=False, index=True),
    Column("field", String(20), nullable=False),  # credibility | reliability
    Column("value", String(40), nullable=False),
    Column("reason", Text, nullable=False),
    Column("actor", String(80), nullable=False),
    Column("at", String(32), nullable=False),
)

# Analysts' corrections to the grouping of claims into incidents, append-only.
incident_links = Table(
    "incident_links",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(8), nullable=False),  # merge | split
    Column("claim_a", String(16), nullable=False),
    Column("claim_b", String(16), nullable=False),
    Column("reason", Text, nullable=False),
    Column("actor", String(80), nullable=False),
    Column("at", String(32), nullable=False),
)

# Who may do what. Empty: a single-user store where its one user does everything.
users = Table(
    "users",
    metadata,
    Column("name", String(80), primary_key=True),
    Column("role", String(12), nullable=False),  # admin | analyst | viewer
    Column("created_at", String(32), nullable=False),
    Column("created_by", String(80), nullable=False),
    Column("password", String(200)),  # scrypt$n$r$p$salt$hash, for the web desk; never plain
)

# What lets someone in without a password each time: API tokens (until revoked) and desk
# sessions (until they expire or log out). Only a token's sha256 is kept.
credentials = Table(
    "credentials",
    metadata,
    Column("digest", String(64), primary_key=True),
    Column("name", String(80), nullable=False, index=True),
    Column("kind", String(8), nullable=False),  # token | session
    Column("label", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("expires_at", String(32)),  # None: until revoked
)

# Claims an extraction replaced: kept whole, so that re-extracting never loses a version.
claims_history = Table(
    "claims_history",
    metadata,
    Column("row", Integer, primary_key=True, autoincrement=True),
    Column("id", String(16), nullable=False, index=True),
    Column("doc_sha256", String(64), nullable=False),
    Column("data", Text, nullable=False),
    Column("extractor", String(60), nullable=False),
    Column("superseded_at", String(32), nullable=False),
    Column("superseded_by", String(60), nullable=False),  # the extractor version that replaced it
)

# Alerts as raised: kept whole, so that an alert reads the same later even after the rules or
# the evidence change, and so that the same evidence never raises it again.
alerts = Table(
    "alerts",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("seq", Integer, nullable=False, unique=True),  # the order they were raised in
    Column("rule", String(80), nullable=False),
    Column("area", String(80), nullable=False, index=True),
    Column("period", String(8), nullable=False),
    Column("severity", String(12), nullable=False),
    Column("raised_at", String(32), nullable=False),
    Column("data", Text, nullable=False),
)

# Delivery of each alert to each target (the feed file, a webhook URL): attempts until it is
# delivered once, so a receiver that is down for a while misses nothing and gets nothing twice.
deliveries = Table(
    "deliveries",
    metadata,
    Column("alert_id", String(16), ForeignKey("alerts.id"), primary_key=True),
    Column("target", String(500), primary_key=True),
    Column("attempts", Integer, nullable=False),
    Column("next_attempt", String(32), nullable=False),
    Column("delivered_at", String(32)),
    Column("last_error", Text),
)
