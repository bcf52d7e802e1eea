"""partial indexes for the report's repeated wrong choices and unsure right answers

Revision ID: 0013_response_partial_indexes
Revises: 0012_answer_choice
Create Date: 2026-12-03 18:00:00.000000

The weak-area report lists wrong options a learner picked more than once and right answers they
marked unsure or a guess. Both scanned every response of the profile's attempts (through
ix_response_attempt_report); each now reads a partial index holding only the responses it can
count (wrong answers; right answers marked 1 or 2), with every column it reads. No data changes.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_response_partial_indexes"
down_revision: str | None = "0012_answer_choice"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_response_wrong_choice",
        "response",
        ["attempt_id", "question_id", "chosen", "correct"],
        sqlite_where=sa.text("correct IS 0 AND chosen IS NOT NULL"),
        postgresql_where=sa.text("correct IS false AND chosen IS NOT NULL"),
    )
    op.create_index(
        "ix_response_unsure_right",
        "response",
        ["attempt_id", "question_id", "confidence", "answered_at", "correct"],
        sqlite_where=sa.text("correct IS 1 AND confidence IN (1, 2)"),
        postgresql_where=sa.text("correct IS true AND confidence IN (1, 2)"),
    )


def downgrade() -> None:
    op.drop_index("ix_response_unsure_right", table_name="response")
    op.drop_index("ix_response_wrong_choice", table_name="response")
