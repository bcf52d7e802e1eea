"""study plans and certifications

Revision ID: 0005_study_plan
Revises: 0004_classes
Create Date: 2026-12-03 04:40:00.000000

Only adds tables.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_study_plan"
down_revision: str | None = "0004_classes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "study_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("test_id", sa.Integer(), nullable=False),
        sa.Column("test_date", sa.Date(), nullable=True),
        sa.Column("weekdays", sa.String(length=16), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("goal", sa.String(length=16), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["profile_id"], ["profile.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["test_id"], ["test.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("profile_id", "test_id", name="uq_plan_profile_test"),
    )
    op.create_table(
        "certification",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("test_code", sa.String(length=16), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("result", sa.String(length=8), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["profile_id"], ["profile.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("certification", schema=None) as batch_op:
        batch_op.create_index("ix_certification_profile", ["profile_id", "test_code"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("certification", schema=None) as batch_op:
        batch_op.drop_index("ix_certification_profile")
    op.drop_table("certification")
    op.drop_table("study_plan")
