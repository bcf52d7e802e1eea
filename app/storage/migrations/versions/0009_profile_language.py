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
    op.add_column("profile", sa.Column("language", sa.String(length=8), nullable=True))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite's own DROP COLUMN (3.35+): a batch copy would drop the table that attempts,
        # review cards and plans reference, which the foreign keys refuse
        op.execute("ALTER TABLE profile DROP COLUMN language")
    else:
        op.drop_column("profile", "language")
