"""Alerts as raised, and their delivery to feeds and webhooks.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "alerts",
        sa.Column("id", sa.String(16), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("rule", sa.String(80), nullable=False),
        sa.Column("area", sa.String(80), nullable=False),
        sa.Column("period", sa.String(8), nullable=False),
        sa.Column("severity", sa.String(12), nullable=False),
        sa.Column("raised_at", sa.String(32), nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_alerts"),
        sa.UniqueConstraint("seq", name="uq_alerts_seq"),
    )
    op.create_index("ix_alerts_area", "alerts", ["area"])
    op.create_table(
        "deliveries",
        sa.Column("alert_id", sa.String(16), nullable=False),
        sa.Column("target", sa.String(500), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt", sa.String(32), nullable=False),
        sa.Column("delivered_at", sa.String(32)),
        sa.Column("last_error", sa.Text),
        sa.ForeignKeyConstraint(["alert_id"], ["alerts.id"], name="fk_deliveries_alert_id_alerts"),
        sa.PrimaryKeyConstraint("alert_id", "target", name="pk_deliveries"),
    )


def downgrade() -> None:
    op.drop_table("deliveries")
    op.drop_table("alerts")
