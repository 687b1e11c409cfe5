"""Documents, their originals, pages, segments and document metadata.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("filename", sa.Text, nullable=False),
        sa.Column("media_type", sa.String(120), nullable=False),
        sa.Column("reader", sa.String(60), nullable=False),
        sa.Column("encoding", sa.String(40)),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("n_pages", sa.Integer, nullable=False),
        sa.Column("n_segments", sa.Integer, nullable=False),
        sa.Column("warnings", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.String(32), nullable=False),
        sa.Column("tocsin_version", sa.String(20), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_documents"),
    )
    op.create_table(
        "originals",
        sa.Column("sha256", sa.String(64), sa.ForeignKey("documents.sha256"), primary_key=True),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_originals"),
    )
    op.create_table(
        "pages",
        sa.Column("doc_sha256", sa.String(64), sa.ForeignKey("documents.sha256"), primary_key=True),
        sa.Column("number", sa.Integer, primary_key=True),
        sa.Column("label", sa.Text),
        sa.Column("char_start", sa.Integer, nullable=False),
        sa.Column("char_end", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("doc_sha256", "number", name="pk_pages"),
    )
    op.create_table(
        "segments",
        sa.Column("doc_sha256", sa.String(64), sa.ForeignKey("documents.sha256"), primary_key=True),
        sa.Column("kind", sa.String(10), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("char_start", sa.Integer, nullable=False),
        sa.Column("char_end", sa.Integer, nullable=False),
        sa.Column("page", sa.Integer),
        sa.Column("paragraph", sa.Integer),
        sa.PrimaryKeyConstraint("doc_sha256", "kind", "idx", name="pk_segments"),
    )
    op.create_table(
        "document_meta",
        sa.Column("doc_sha256", sa.String(64), sa.ForeignKey("documents.sha256"), primary_key=True),
        sa.Column("field", sa.String(40), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("origin", sa.String(10), nullable=False),
        sa.Column("producer", sa.Text, nullable=False),
        sa.Column("char_start", sa.Integer),
        sa.Column("char_end", sa.Integer),
        sa.PrimaryKeyConstraint("doc_sha256", "field", name="pk_document_meta"),
    )


def downgrade() -> None:
    for table in ("document_meta", "segments", "pages", "originals", "documents"):
        op.drop_table(table)
