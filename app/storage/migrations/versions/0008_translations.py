"""translations of questions and tests (bank sidecar files)

Revision ID: 0008_translations
Revises: 0007_forms
Create Date: 2026-12-03 09:20:00.000000

Adds two tables and touches no existing row: `question_translation` (one question version's
words in another language, kept with that version) and `test_translation` (a test's titles).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_translations"
down_revision: str | None = "0007_forms"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "question_translation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("fingerprint", sa.String(length=16), nullable=False),
        sa.Column("current", sa.Boolean(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("exhibit_data", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(["question_id"], ["question.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("question_id", "language", name="uq_question_translation_language"),
    )
    op.create_table(
        "test_translation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("test_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["test_id"], ["test.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("test_id", "language", name="uq_test_translation_language"),
    )


def downgrade() -> None:
    op.drop_table("test_translation")
    op.drop_table("question_translation")
