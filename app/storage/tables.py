"""The database's tables in SQLAlchemy Core: one MetaData, what Alembic compares the migrations
with. Every change here needs an Alembic migration.

The ORM classes (storage/models.py) are mapped onto these tables; the path from start-up to an
open mock reads and writes them through Core (storage/queries/*_core.py) so that it never imports
`sqlalchemy.orm` (about 8 MB of the memory peak). This module must not import it either. No Qt.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
    true,
)

metadata = MetaData()

classroom_table = Table(
    "classroom",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(80), unique=True, nullable=False),
    Column("created_at", DateTime, nullable=False),
)

profile_table = Table(
    "profile",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(80), unique=True, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("time_multiplier", Float, nullable=False, default=1.0),
    Column("hide_countdown", Boolean, nullable=False, default=False),
    Column("language", String(8), nullable=True),
)

test_table = Table(
    "test",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(16), unique=True, nullable=False),
    Column("title", String(200), nullable=False),
    Column("spec_version", String(32), nullable=False),
    Column("scored_count", Integer, nullable=False),
    Column("minutes", Integer, nullable=False),
    Column("unscored_count", Integer, nullable=False, default=10),
    Column("target_percent", Float, nullable=False, default=70.0),
    Column("shuffle_choices", Boolean, nullable=False, default=True),
    Column("notes", Text, nullable=False, default=""),
    Column("recert_scored_count", Integer, nullable=True),
    Column("recert_minutes", Integer, nullable=True),
    Column("recert_notes", Text, nullable=True),
)

attempt_table = Table(
    "attempt",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("profile_id", Integer, ForeignKey("profile.id"), nullable=False),
    Column("test_id", Integer, ForeignKey("test.id"), nullable=False),
    Column("mode", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("started_at", DateTime, nullable=False),
    Column("submitted_at", DateTime, nullable=True),
    Column("time_limit_s", Float, nullable=True),
    Column("elapsed_s", Float, nullable=False, default=0.0),
    Column("saved_at", DateTime, nullable=True),
    Column("current_position", Integer, nullable=False, default=0),
    Column("include_unscored", Boolean, nullable=False, default=False),
    Column("target_percent", Float, nullable=False, default=70.0),
    Column("score_correct", Integer, nullable=True),
    Column("score_total", Integer, nullable=True),
    Index("ix_attempt_profile_test", "profile_id", "test_id", "status"),
)

bank_table = Table(
    "bank",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("test_id", Integer, ForeignKey("test.id"), nullable=False),
    Column("name", String(200), nullable=False),
    Column("source_file", Text, nullable=False),
    Column("source_format", String(16), nullable=False, default="native"),
    Column("format_version", Integer, nullable=False, default=1),
    Column("checksum", String(64), nullable=False),
    Column("imported_at", DateTime, nullable=False),
    Column("enabled", Boolean, nullable=False, default=True),
    Column("removed", Boolean, nullable=False, default=False),
    Column("enemies", Text, nullable=True),
    Column("reference", Text, nullable=True),
    UniqueConstraint("test_id", "name", name="uq_bank_test_name"),
)

certification_table = Table(
    "certification",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("profile_id", Integer, ForeignKey("profile.id", ondelete="CASCADE"), nullable=False),
    Column("test_code", String(16), nullable=False),
    Column("taken_on", Date, nullable=False),
    Column("result", String(8), nullable=False),
    Column("recorded_at", DateTime, nullable=False),
    Index("ix_certification_profile", "profile_id", "test_code"),
)

class_member_table = Table(
    "class_member",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("class_id", Integer, ForeignKey("classroom.id", ondelete="CASCADE"), nullable=False),
    Column("login", String(63), nullable=False),
    Column("role", String(16), nullable=False),
    Column("profile_id", Integer, ForeignKey("profile.id", ondelete="SET NULL"), nullable=True),
    Column("active", Boolean, nullable=False, default=True),
    Column("added_at", DateTime, nullable=False),
    UniqueConstraint("class_id", "login", name="uq_class_member_login"),
    Index("ix_class_member_login", "login"),
)

content_area_table = Table(
    "content_area",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("test_id", Integer, ForeignKey("test.id", ondelete="CASCADE"), nullable=False),
    Column("letter", String(2), nullable=False),
    Column("title", String(200), nullable=False),
    Column("scored_count", Integer, nullable=False),
    UniqueConstraint("test_id", "letter", name="uq_area_test_letter"),
)

study_plan_table = Table(
    "study_plan",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("profile_id", Integer, ForeignKey("profile.id", ondelete="CASCADE"), nullable=False),
    Column("test_id", Integer, ForeignKey("test.id", ondelete="CASCADE"), nullable=False),
    Column("test_date", Date, nullable=True),
    Column("weekdays", String(16), nullable=False),
    Column("minutes", Integer, nullable=False),
    Column("goal", String(16), nullable=False),
    Column("updated_at", DateTime, nullable=False),
    UniqueConstraint("profile_id", "test_id", name="uq_plan_profile_test"),
)

test_translation_table = Table(
    "test_translation",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("test_id", Integer, ForeignKey("test.id", ondelete="CASCADE"), nullable=False),
    Column("language", String(8), nullable=False),
    Column("body", Text, nullable=False),
    UniqueConstraint("test_id", "language", name="uq_test_translation_language"),
)

task_table = Table(
    "task",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("test_id", Integer, ForeignKey("test.id", ondelete="CASCADE"), nullable=False),
    Column("area_id", Integer, ForeignKey("content_area.id", ondelete="CASCADE"), nullable=False),
    Column("code", String(32), unique=True, nullable=False),
    Column("text", Text, nullable=False),
    Column("subarea_number", Integer, nullable=False),
    Column("subarea_title", String(200), nullable=False),
)

answer_rollup_table = Table(
    "answer_rollup",
    metadata,
    Column("profile_id", Integer, ForeignKey("profile.id", ondelete="CASCADE"), primary_key=True),
    Column("test_id", Integer, ForeignKey("test.id", ondelete="CASCADE"), primary_key=True),
    Column("practice", Boolean, primary_key=True),
    Column("day", Date, primary_key=True),
    Column("task_id", Integer, ForeignKey("task.id", ondelete="CASCADE"), primary_key=True),
    Column("difficulty", SmallInteger, primary_key=True),
    Column("confidence", SmallInteger, primary_key=True),
    Column("previous", SmallInteger, primary_key=True),
    Column("answers", Integer, nullable=False),
    Column("correct", Integer, nullable=False),
    Column("seconds", Float, nullable=False),
    Column("answered", Integer, nullable=False),
)

answer_rollup_total_table = Table(
    "answer_rollup_total",
    metadata,
    Column("profile_id", Integer, ForeignKey("profile.id", ondelete="CASCADE"), primary_key=True),
    Column("test_id", Integer, ForeignKey("test.id", ondelete="CASCADE"), primary_key=True),
    Column("practice", Boolean, primary_key=True),
    Column("task_id", Integer, ForeignKey("task.id", ondelete="CASCADE"), primary_key=True),
    Column("difficulty", SmallInteger, primary_key=True),
    Column("confidence", SmallInteger, primary_key=True),
    Column("previous", SmallInteger, primary_key=True),
    Column("answers", Integer, nullable=False),
    Column("correct", Integer, nullable=False),
    Column("seconds", Float, nullable=False),
    Column("answered", Integer, nullable=False),
)

question_table = Table(
    "question",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uid", String(64), nullable=False),
    Column("bank_id", Integer, ForeignKey("bank.id"), nullable=False),
    Column("test_id", Integer, ForeignKey("test.id"), nullable=False),
    Column("task_id", Integer, ForeignKey("task.id"), nullable=False),
    Column("area_id", Integer, ForeignKey("content_area.id"), nullable=False),
    Column("style", String(16), nullable=False),
    Column("scenario", Boolean, nullable=False, default=False),
    Column("stem", Text, nullable=False),
    Column("tech_a_says", Text, nullable=True),
    Column("tech_a_correct", Boolean, nullable=True),
    Column("tech_a_rationale", Text, nullable=True),
    Column("tech_b_says", Text, nullable=True),
    Column("tech_b_correct", Boolean, nullable=True),
    Column("tech_b_rationale", Text, nullable=True),
    Column("exhibit", Text, nullable=True),
    Column("exhibit_caption", Text, nullable=True),
    Column("exhibit_data", LargeBinary, nullable=True),
    Column("explanation", Text, nullable=False),
    Column("difficulty", Integer, nullable=False, default=2),
    Column("shuffle_choices", Boolean, nullable=True),
    Column("retired", Boolean, nullable=False, default=False),
    Column("content_hash", String(32), nullable=False),
    Column("version", Integer, nullable=False, default=1, server_default="1"),
    Column("is_current", Boolean, nullable=False, default=True, server_default=true()),
    UniqueConstraint("bank_id", "uid", "version", name="uq_question_bank_uid_version"),
    Index("ix_question_task", "task_id"),
    Index("ix_question_test_active", "test_id", "retired"),
)

answer_choice_table = Table(
    "answer_choice",
    metadata,
    Column("profile_id", Integer, ForeignKey("profile.id", ondelete="CASCADE"), primary_key=True),
    Column("test_id", Integer, ForeignKey("test.id", ondelete="CASCADE"), primary_key=True),
    Column("question_id", Integer, ForeignKey("question.id"), primary_key=True),
    Column("chosen", SmallInteger, primary_key=True),
    Column("correct", Boolean, primary_key=True),
    Column("answers", Integer, nullable=False),
)

choice_table = Table(
    "choice",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("question_id", Integer, ForeignKey("question.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("label", String(2), nullable=False),
    Column("text", Text, nullable=False),
    Column("correct", Boolean, nullable=False, default=False),
    Column("rationale", Text, nullable=False, default=""),
    UniqueConstraint("question_id", "position", name="uq_choice_position"),
)

question_translation_table = Table(
    "question_translation",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("question_id", Integer, ForeignKey("question.id", ondelete="CASCADE"), nullable=False),
    Column("language", String(8), nullable=False),
    Column("fingerprint", String(16), nullable=False),
    Column("current", Boolean, nullable=False, default=True),
    Column("body", Text, nullable=False),
    Column("exhibit_data", LargeBinary, nullable=True),
    UniqueConstraint("question_id", "language", name="uq_question_translation_language"),
)

review_card_table = Table(
    "review_card",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("profile_id", Integer, ForeignKey("profile.id", ondelete="CASCADE"), nullable=False),
    Column("question_id", Integer, ForeignKey("question.id"), nullable=False),
    Column("card", Text, nullable=False),
    Column("due", DateTime, nullable=False),
    Column("lapses", Integer, nullable=False, default=0),
    UniqueConstraint("profile_id", "question_id", name="uq_review_profile_question"),
    Index("ix_review_due", "profile_id", "due"),
)

response_table = Table(
    "response",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("attempt_id", Integer, ForeignKey("attempt.id", ondelete="CASCADE"), nullable=False),
    Column("question_id", Integer, ForeignKey("question.id"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("scored", Boolean, nullable=False, default=True),
    Column("choice_order", String(16), nullable=False),
    Column("choice_id", Integer, ForeignKey("choice.id"), nullable=True),
    Column("chosen", Integer, nullable=True),
    Column("correct", Boolean, nullable=True),
    Column("flagged", Boolean, nullable=False, default=False),
    Column("seconds", Float, nullable=False, default=0.0),
    Column("answered_at", DateTime, nullable=True),
    Column("confidence", SmallInteger, nullable=True),
    UniqueConstraint("attempt_id", "position", name="uq_response_attempt_position"),
    Index(
        "ix_response_attempt_report",
        "attempt_id",
        "scored",
        "question_id",
        "chosen",
        "correct",
        "confidence",
        "seconds",
        "answered_at",
    ),
    Index("ix_response_question", "question_id"),
    Index(
        "ix_response_unsure_right",
        "attempt_id",
        "question_id",
        "confidence",
        "answered_at",
        "correct",
        sqlite_where=text("correct IS 1 AND confidence IN (1, 2)"),
    ),
    Index(
        "ix_response_wrong_choice",
        "attempt_id",
        "question_id",
        "chosen",
        "correct",
        sqlite_where=text("correct IS 0 AND chosen IS NOT NULL"),
    ),
)


# PostgreSQL's conditions of the partial indexes above (migration 0013). Naming a dialect's option
# on a table makes SQLAlchemy import that dialect to check it: `postgresql_where` loaded the whole
# PostgreSQL dialect (every driver's module: about 2 MB and 20 ms) into every process, SQLite
# ones included. They are added when a PostgreSQL database is opened instead, through the
# documented, writable `dialect_kwargs`.
POSTGRESQL_WHERE = {
    "ix_response_wrong_choice": "correct IS false AND chosen IS NOT NULL",
    "ix_response_unsure_right": "correct IS true AND confidence IN (1, 2)",
}


def describe_postgresql() -> None:
    """Give the tables their PostgreSQL-only options (idempotent); before a PostgreSQL engine
    compares or builds the schema."""
    table: Any = response_table
    for index in table.indexes:
        where = POSTGRESQL_WHERE.get(index.name)
        if where is not None:
            index.dialect_kwargs["postgresql_where"] = text(where)
