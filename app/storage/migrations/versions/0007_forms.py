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
    with op.batch_alter_table("test", schema=None) as batch_op:
        batch_op.add_column(sa.Column("recert_scored_count", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("recert_minutes", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("recert_notes", sa.Text(), nullable=True))
    with op.batch_alter_table("bank", schema=None) as batch_op:
        batch_op.add_column(sa.Column("enemies", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("reference", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("bank", schema=None) as batch_op:
        batch_op.drop_column("reference")
        batch_op.drop_column("enemies")
    with op.batch_alter_table("test", schema=None) as batch_op:
        batch_op.drop_column("recert_notes")
        batch_op.drop_column("recert_minutes")
        batch_op.drop_column("recert_scored_count")
