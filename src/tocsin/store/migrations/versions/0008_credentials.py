"""Passwords and credentials (API tokens, desk sessions) for the web desk.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("password", sa.String(200)))
    op.create_table(
        "credentials",
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("expires_at", sa.String(32)),
        sa.PrimaryKeyConstraint("digest", name="pk_credentials"),
    )
    op.create_index("ix_credentials_name", "credentials", ["name"])


def downgrade() -> None:
    op.drop_table("credentials")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("password")
