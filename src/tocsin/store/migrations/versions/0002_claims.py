"""Claims extracted from documents.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claims",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("doc_sha256", sa.String(64), sa.ForeignKey("documents.sha256"), nullable=False),
        sa.Column("sentence", sa.Integer, nullable=False),
        sa.Column("char_start", sa.Integer, nullable=False),
        sa.Column("char_end", sa.Integer, nullable=False),
        sa.Column("event", sa.String(60), nullable=False),
        sa.Column("stance", sa.String(20), nullable=False),
        sa.Column("speaker_country", sa.String(8)),
        sa.Column("when_from", sa.String(10)),
        sa.Column("when_to", sa.String(10)),
        sa.Column("doc_date", sa.String(10)),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("extractor", sa.String(60), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_claims"),
    )
    op.create_index("ix_claims_doc_sha256", "claims", ["doc_sha256"])
    op.create_index("ix_claims_event", "claims", ["event"])
    op.create_index("ix_claims_speaker_country", "claims", ["speaker_country"])


def downgrade() -> None:
    op.drop_table("claims")
