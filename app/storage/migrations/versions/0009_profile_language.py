"""the interface language of each profile

Revision ID: 0009_profile_language
Revises: 0008_translations
Create Date: 2026-12-03 09:15:00.000000

Adds one nullable column: existing profiles keep NULL, which means "follow the system locale"
(Spanish when the system's language is Spanish, else English). Values are ISO 639-1 codes.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_profile_language"
down_revision: str | None = "0008_translations"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("profile", schema=None) as batch_op:
        batch_op.add_column(sa.Column("language", sa.String(length=8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("profile", schema=None) as batch_op:
        batch_op.drop_column("language")
