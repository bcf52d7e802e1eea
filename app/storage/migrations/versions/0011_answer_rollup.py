"""the weak-area report's answer rollup, kept when answers are saved

Revision ID: 0011_answer_rollup
Revises: 0010_response_report_index
Create Date: 2026-12-03 17:45:00.000000

Two tables of derived data: answer_rollup sums a profile's counted, scored answers per test,
practice or not, day, task, rating, confidence and previous answer on the same question (what
the report's mastery model reads of them); answer_rollup_total sums the same over days. The app
keeps them in step with the responses in the transaction that writes them
(app/storage/queries/reports_rollup.py); here they are filled from the existing history with the
same definitions: a response counts when scored and answered, or left blank in a submitted mock
or recertification form; its day is its answer's, else its attempt's submission or start; its
previous answer is the profile's counted response to the same question before it (by id), -1
wrong or blank, +1 right, 0 none. On PostgreSQL run `bayready class init` again afterwards so the
new tables get their grants and policies (learners keep their own rows only).
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0011_answer_rollup"
down_revision: str | None = "0010_response_report_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY = "profile_id, test_id, practice, day, task_id, difficulty, confidence, previous"
TOTAL_KEY = "profile_id, test_id, practice, task_id, difficulty, confidence, previous"
SUMS = "answers, correct, seconds, answered"

BACKFILL = f"""
INSERT INTO answer_rollup ({KEY}, {SUMS})
SELECT {KEY}, count(*), sum(CASE WHEN right_answer THEN 1 ELSE 0 END), sum(seconds),
       sum(CASE WHEN chosen IS NOT NULL THEN 1 ELSE 0 END)
FROM (
  SELECT a.profile_id, a.test_id, a.mode = 'practice' AS practice,
         date(coalesce(r.answered_at, a.submitted_at, a.started_at)) AS day,
         q.task_id, coalesce(q.difficulty, 0) AS difficulty,
         coalesce(r.confidence, 0) AS confidence,
         lag(CASE WHEN r.correct THEN 1 ELSE -1 END, 1, 0)
           OVER (PARTITION BY a.profile_id, r.question_id ORDER BY r.id) AS previous,
         r.correct AS right_answer, r.seconds, r.chosen
  FROM response r
  JOIN attempt a ON a.id = r.attempt_id
  JOIN question q ON q.id = r.question_id
  WHERE r.scored
    AND (r.chosen IS NOT NULL OR (a.mode IN ('mock', 'recert') AND a.status = 'submitted'))
) AS given
GROUP BY {KEY}
"""

TOTALS = f"""
INSERT INTO answer_rollup_total ({TOTAL_KEY}, {SUMS})
SELECT {TOTAL_KEY}, sum(answers), sum(correct), sum(seconds), sum(answered)
FROM answer_rollup GROUP BY {TOTAL_KEY}
"""


def _columns(day: bool) -> list[sa.schema.SchemaItem]:
    key: list[sa.Column[Any]] = [
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("test_id", sa.Integer(), nullable=False),
        sa.Column("practice", sa.Boolean(), nullable=False),
        *([sa.Column("day", sa.Date(), nullable=False)] if day else []),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("difficulty", sa.SmallInteger(), nullable=False),
        sa.Column("confidence", sa.SmallInteger(), nullable=False),
        sa.Column("previous", sa.SmallInteger(), nullable=False),
    ]
    return [
        *key,
        sa.Column("answers", sa.Integer(), nullable=False),
        sa.Column("correct", sa.Integer(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.Column("answered", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["profile_id"], ["profile.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["test_id"], ["test.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["task_id"], ["task.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint(*(c.name for c in key)),
    ]


def upgrade() -> None:
    op.create_table("answer_rollup", *_columns(day=True))
    op.create_table("answer_rollup_total", *_columns(day=False))
    op.execute(BACKFILL)
    op.execute(TOTALS)


def downgrade() -> None:
    op.drop_table("answer_rollup_total")
    op.drop_table("answer_rollup")
