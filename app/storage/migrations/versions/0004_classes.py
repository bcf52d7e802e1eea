"""classes and class membership (PostgreSQL roles and row-level security key on these)

Only adds tables: the roles, grants and policies are PostgreSQL-only and are set up by
`bayready classroom init` (app/storage/classroom_roles.py), not here.

Revision ID: 0004_classes
Revises: 0003_question_versions
Create Date: 2026-12-03 03:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_classes"
down_revision: str | None = "0003_question_versions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "classroom",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "class_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("login", sa.String(length=63), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["class_id"], ["classroom.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["profile_id"], ["profile.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("class_id", "login", name="uq_class_member_login"),
    )
    with op.batch_alter_table("class_member", schema=None) as batch_op:
        batch_op.create_index("ix_class_member_login", ["login"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("class_member", schema=None) as batch_op:
        batch_op.drop_index("ix_class_member_login")
    op.drop_table("class_member")
    op.drop_table("classroom")
