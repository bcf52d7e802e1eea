"""recertification figures, enemies and reference booklets

Revision ID: 0007_forms
Revises: 0006_response_confidence
Create Date: 2026-12-03 06:45:00.000000

Only adds nullable columns: a test's recertification form (scored count, minutes, notes; null =
derived), and per bank its `enemies` map and reference booklet as JSON text.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_forms"
down_revision: str | None = "0006_response_confidence"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # plain ADD COLUMN (nullable, no default): no table is rebuilt, so rows that other tables
    # point at stay where they are (a batch rebuild of `bank` fails its foreign keys)
    op.add_column("test", sa.Column("recert_scored_count", sa.Integer(), nullable=True))
    op.add_column("test", sa.Column("recert_minutes", sa.Integer(), nullable=True))
    op.add_column("test", sa.Column("recert_notes", sa.Text(), nullable=True))
    op.add_column("bank", sa.Column("enemies", sa.Text(), nullable=True))
    op.add_column("bank", sa.Column("reference", sa.Text(), nullable=True))


def downgrade() -> None:
    # plain DROP COLUMN (SQLite 3.35+ and PostgreSQL): a batch rebuild of `bank` would drop a
    # table that questions point at, which the foreign keys refuse
    op.drop_column("bank", "reference")
    op.drop_column("bank", "enemies")
    op.drop_column("test", "recert_notes")
    op.drop_column("test", "recert_minutes")
    op.drop_column("test", "recert_scored_count")
