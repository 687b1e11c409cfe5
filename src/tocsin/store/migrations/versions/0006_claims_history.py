"""Earlier versions of claims, kept when an extraction replaces them.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claims_history",
        sa.Column("row", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(16), nullable=False),
        sa.Column("doc_sha256", sa.String(64), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("extractor", sa.String(60), nullable=False),
        sa.Column("superseded_at", sa.String(32), nullable=False),
        sa.Column("superseded_by", sa.String(60), nullable=False),
        sa.PrimaryKeyConstraint("row", name="pk_claims_history"),
    )
    op.create_index("ix_claims_history_id", "claims_history", ["id"])


def downgrade() -> None:
    op.drop_table("claims_history")
