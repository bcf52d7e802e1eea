"""how often each profile picked each option: the report's error-type tallies

Revision ID: 0012_answer_choice
Revises: 0011_answer_rollup
Create Date: 2026-12-03 17:50:00.000000

answer_choice counts a profile's answered responses per test, question version, option picked
(its authored position) and right or wrong, of any mode, status or scoring: what the weak-area
report's Technician A/B and EXCEPT tallies read, which scanned every response before. Derived
data kept in step by the app in the transaction that writes an answer
(app/storage/queries/reports_rollup.py); filled here from the existing history. On PostgreSQL
run `bayready class init` again afterwards so the table gets its grants and policies.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_answer_choice"
down_revision: str | None = "0011_answer_rollup"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BACKFILL = """
INSERT INTO answer_choice (profile_id, test_id, question_id, chosen, correct, answers)
SELECT a.profile_id, a.test_id, r.question_id, r.chosen, coalesce(r.correct, FALSE), count(*)
FROM response r JOIN attempt a ON a.id = r.attempt_id
WHERE r.chosen IS NOT NULL
GROUP BY a.profile_id, a.test_id, r.question_id, r.chosen, coalesce(r.correct, FALSE)
"""


def upgrade() -> None:
    op.create_table(
        "answer_choice",
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("test_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("chosen", sa.SmallInteger(), nullable=False),
        sa.Column("correct", sa.Boolean(), nullable=False),
        sa.Column("answers", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["profile_id"], ["profile.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["test_id"], ["test.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["question_id"], ["question.id"]),
        sa.PrimaryKeyConstraint("profile_id", "test_id", "question_id", "chosen", "correct"),
    )
    op.execute(BACKFILL)


def downgrade() -> None:
    op.drop_table("answer_choice")
