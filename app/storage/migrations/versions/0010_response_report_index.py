"""a covering index for the weak-area report's scans of a profile's responses

Revision ID: 0010_response_report_index
Revises: 0009_profile_language
Create Date: 2026-12-03 14:40:00.000000

The report's queries (app/storage/queries/reports.py) read every response of a profile's
attempts on a test: by attempt, the columns it aggregates. With them all in one index the
scans never visit the table's rows (SQLite: "USING COVERING INDEX"). No data changes.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010_response_report_index"
down_revision: str | None = "0009_profile_language"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = [
    "attempt_id",
    "scored",
    "question_id",
    "chosen",
    "correct",
    "confidence",
    "seconds",
    "answered_at",
]


def upgrade() -> None:
    op.create_index("ix_response_attempt_report", "response", COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_response_attempt_report", table_name="response")
