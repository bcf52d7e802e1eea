"""question versions: immutable history

A question row becomes one version of the author's question: `version` and `is_current` are added
and (bank, uid) is unique per version. A response records the option picked by its choice row
(`choice_id`), filled in here from the position it held so far. Past scores are not touched: the
attempts' totals and the responses' `correct` stay as they were.

The content hash of a question with an exhibit now covers the exhibit's bytes too (a new picture is
a new version); stored hashes are brought in line so that re-importing an unchanged bank stays a
no-op.

Revision ID: 0003_question_versions
Revises: 0002_review_cards
Create Date: 2026-12-03 03:40:00
"""

import hashlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_question_versions"
down_revision: str | None = "0002_review_cards"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _with_exhibit(content_hash: str, exhibit: bytes) -> str:
    # a frozen copy of app.storage.queries.bank_store.version_hash (migrations never import app code)
    return hashlib.sha256(content_hash.encode() + hashlib.sha256(exhibit).digest()).hexdigest()[:16]


def upgrade() -> None:
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))
        batch_op.add_column(
            sa.Column("is_current", sa.Boolean(), server_default=sa.true(), nullable=False)
        )
        batch_op.drop_constraint("uq_question_bank_uid", type_="unique")
        batch_op.create_unique_constraint(
            "uq_question_bank_uid_version", ["bank_id", "uid", "version"]
        )
    with op.batch_alter_table("response", schema=None) as batch_op:
        batch_op.add_column(sa.Column("choice_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_response_choice_id", "choice", ["choice_id"], ["id"])

    bind = op.get_bind()
    # the option each answer picked, by identity: until now `chosen` was its position
    bind.execute(
        sa.text(
            "UPDATE response SET choice_id = (SELECT c.id FROM choice c "
            "WHERE c.question_id = response.question_id AND c.position = response.chosen) "
            "WHERE chosen IS NOT NULL"
        )
    )
    rows = bind.execute(
        sa.text(
            "SELECT id, content_hash, exhibit_data FROM question WHERE exhibit_data IS NOT NULL"
        )
    ).all()
    if rows:
        bind.execute(
            sa.text("UPDATE question SET content_hash = :h WHERE id = :id"),
            [{"h": _with_exhibit(h, bytes(data)), "id": qid} for qid, h, data in rows],
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT count(*) FROM question WHERE version > 1")).scalar():
        # two versions of one question cannot share (bank, uid) again without losing history
        raise RuntimeError("0003_question_versions: the database holds question versions")
    with op.batch_alter_table("response", schema=None) as batch_op:
        batch_op.drop_constraint("fk_response_choice_id", type_="foreignkey")
        batch_op.drop_column("choice_id")
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.drop_constraint("uq_question_bank_uid_version", type_="unique")
        batch_op.create_unique_constraint("uq_question_bank_uid", ["bank_id", "uid"])
        batch_op.drop_column("is_current")
        batch_op.drop_column("version")
