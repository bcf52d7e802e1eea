"""how sure the learner was of a practice answer

Revision ID: 0006_response_confidence
Revises: 0005_study_plan
Create Date: 2026-12-03 07:00:00.000000

Adds one nullable column: existing answers keep NULL ("not said"), which the report reads as
sure. Row-level security on `response` covers the new column as it does the others.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_response_confidence"
down_revision: str | None = "0005_study_plan"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("response", schema=None) as batch_op:
        batch_op.add_column(sa.Column("confidence", sa.SmallInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("response", schema=None) as batch_op:
        batch_op.drop_column("confidence")
