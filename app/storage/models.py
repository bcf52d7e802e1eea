"""SQLAlchemy 2 typed models. Every change to them needs an Alembic migration.

No Qt here. Services turn these rows into frozen dataclasses before any view sees them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.domain.ids import (
    TYPED_IDS,
    AreaId,
    AttemptId,
    BankId,
    CertificationId,
    ChoiceId,
    ClassId,
    ProfileId,
    QuestionId,
    ResponseId,
    TaskId,
    TestId,
)


class Base(DeclarativeBase):
    # the typed ids (app/domain/ids.py) are integer keys: `Mapped[ProfileId]` is an INTEGER column
    # whose Python type mypy keeps apart from every other id
    type_annotation_map: ClassVar[dict[Any, Any]] = dict.fromkeys(TYPED_IDS, Integer)


class TestRow(Base):
    __tablename__ = "test"
    __test__ = False  # not a pytest class

    id: Mapped[TestId] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    spec_version: Mapped[str] = mapped_column(String(32))
    scored_count: Mapped[int] = mapped_column(Integer)
    minutes: Mapped[int] = mapped_column(Integer)
    unscored_count: Mapped[int] = mapped_column(Integer, default=10)
    target_percent: Mapped[float] = mapped_column(Float, default=70.0)
    shuffle_choices: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # the recertification form's length and time; null = derived from the full test
    recert_scored_count: Mapped[int | None] = mapped_column(Integer)
    recert_minutes: Mapped[int | None] = mapped_column(Integer)
    recert_notes: Mapped[str | None] = mapped_column(Text)

    areas: Mapped[list[ContentAreaRow]] = relationship(
        back_populates="test", order_by="ContentAreaRow.letter", cascade="all, delete-orphan"
    )


class BankRow(Base):
    __tablename__ = "bank"

    id: Mapped[BankId] = mapped_column(primary_key=True)
    test_id: Mapped[TestId] = mapped_column(ForeignKey("test.id"))
    name: Mapped[str] = mapped_column(String(200))
    source_file: Mapped[str] = mapped_column(Text)
    source_format: Mapped[str] = mapped_column(String(16), default="native")
    format_version: Mapped[int] = mapped_column(Integer, default=1)
    checksum: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    removed: Mapped[bool] = mapped_column(Boolean, default=False)
    # JSON: {question uid: [uids it must never share a form with]} (null: none)
    enemies: Mapped[str | None] = mapped_column(Text)
    # JSON: the bank's reference booklet with its section links and exhibits (null: none)
    reference: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("test_id", "name", name="uq_bank_test_name"),)


class ContentAreaRow(Base):
    __tablename__ = "content_area"

    id: Mapped[AreaId] = mapped_column(primary_key=True)
    test_id: Mapped[TestId] = mapped_column(ForeignKey("test.id", ondelete="CASCADE"))
    letter: Mapped[str] = mapped_column(String(2))
    title: Mapped[str] = mapped_column(String(200))
    scored_count: Mapped[int] = mapped_column(Integer)

    test: Mapped[TestRow] = relationship(back_populates="areas")
    __table_args__ = (UniqueConstraint("test_id", "letter", name="uq_area_test_letter"),)


class TaskRow(Base):
    __tablename__ = "task"

    id: Mapped[TaskId] = mapped_column(primary_key=True)
    test_id: Mapped[TestId] = mapped_column(ForeignKey("test.id", ondelete="CASCADE"))
    area_id: Mapped[AreaId] = mapped_column(ForeignKey("content_area.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(32), unique=True)
    text: Mapped[str] = mapped_column(Text)
    subarea_number: Mapped[int] = mapped_column(Integer)
    subarea_title: Mapped[str] = mapped_column(String(200))


class QuestionRow(Base):
    __tablename__ = "question"

    id: Mapped[QuestionId] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(64))
    bank_id: Mapped[BankId] = mapped_column(ForeignKey("bank.id"))
    test_id: Mapped[TestId] = mapped_column(ForeignKey("test.id"))
    task_id: Mapped[TaskId] = mapped_column(ForeignKey("task.id"))
    area_id: Mapped[AreaId] = mapped_column(ForeignKey("content_area.id"))
    style: Mapped[str] = mapped_column(String(16))
    scenario: Mapped[bool] = mapped_column(Boolean, default=False)
    stem: Mapped[str] = mapped_column(Text)
    tech_a_says: Mapped[str | None] = mapped_column(Text)
    tech_a_correct: Mapped[bool | None] = mapped_column(Boolean)
    tech_a_rationale: Mapped[str | None] = mapped_column(Text)
    tech_b_says: Mapped[str | None] = mapped_column(Text)
    tech_b_correct: Mapped[bool | None] = mapped_column(Boolean)
    tech_b_rationale: Mapped[str | None] = mapped_column(Text)
    exhibit: Mapped[str | None] = mapped_column(Text)
    exhibit_caption: Mapped[str | None] = mapped_column(Text)
    exhibit_data: Mapped[bytes | None] = mapped_column(LargeBinary)
    explanation: Mapped[str] = mapped_column(Text)
    difficulty: Mapped[int] = mapped_column(Integer, default=2)
    shuffle_choices: Mapped[bool | None] = mapped_column(Boolean)
    # Not drawable: removed from its bank, or superseded by a newer version (then not current).
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    content_hash: Mapped[str] = mapped_column(String(32))
    # A row is one immutable version of the author's question `uid`: a re-import that changes it
    # adds version n+1 and marks this one not current, so attempts keep what they showed.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    is_current: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())

    choices: Mapped[list[ChoiceRow]] = relationship(
        order_by="ChoiceRow.position", cascade="all, delete-orphan"
    )
    __table_args__ = (
        UniqueConstraint("bank_id", "uid", "version", name="uq_question_bank_uid_version"),
        Index("ix_question_test_active", "test_id", "retired"),
        Index("ix_question_task", "task_id"),
    )


class ChoiceRow(Base):
    __tablename__ = "choice"

    id: Mapped[ChoiceId] = mapped_column(primary_key=True)
    question_id: Mapped[QuestionId] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(2))
    text: Mapped[str] = mapped_column(Text)
    correct: Mapped[bool] = mapped_column(Boolean, default=False)
    rationale: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (UniqueConstraint("question_id", "position", name="uq_choice_position"),)


class QuestionTranslationRow(Base):
    """One question version's words in another language, from the bank's sidecar file.

    Kept with the version it translates (history shows what was on screen); `current` is False
    when it was made from older English words than this version's (then English is shown)."""

    __tablename__ = "question_translation"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[QuestionId] = mapped_column(ForeignKey("question.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(String(8))
    fingerprint: Mapped[str] = mapped_column(String(16))  # of the English it was made from
    current: Mapped[bool] = mapped_column(Boolean, default=True)
    # JSON: stem, explanation, choices [[text, rationale], ...] in the version's option order,
    # technician_a / technician_b [says, rationale], exhibit_caption
    body: Mapped[str] = mapped_column(Text)
    exhibit_data: Mapped[bytes | None] = mapped_column(LargeBinary)  # a translated drawing

    __table_args__ = (
        UniqueConstraint("question_id", "language", name="uq_question_translation_language"),
    )


class TestTranslationRow(Base):
    """A test's title, area, sub-area and task titles in another language (JSON `body`)."""

    __tablename__ = "test_translation"
    __test__ = False  # not a pytest class

    id: Mapped[int] = mapped_column(primary_key=True)
    test_id: Mapped[TestId] = mapped_column(ForeignKey("test.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(String(8))
    body: Mapped[str] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("test_id", "language", name="uq_test_translation_language"),)


class ProfileRow(Base):
    __tablename__ = "profile"

    id: Mapped[ProfileId] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    time_multiplier: Mapped[float] = mapped_column(Float, default=1.0)
    hide_countdown: Mapped[bool] = mapped_column(Boolean, default=False)
    # the interface language, "en" or "es"; NULL follows the system locale
    language: Mapped[str | None] = mapped_column(String(8))


class AttemptRow(Base):
    __tablename__ = "attempt"

    id: Mapped[AttemptId] = mapped_column(primary_key=True)
    profile_id: Mapped[ProfileId] = mapped_column(ForeignKey("profile.id"))
    test_id: Mapped[TestId] = mapped_column(ForeignKey("test.id"))
    mode: Mapped[str] = mapped_column(String(16))  # mock | practice
    status: Mapped[str] = mapped_column(String(16))  # in_progress | submitted | abandoned
    started_at: Mapped[datetime] = mapped_column(DateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime)
    time_limit_s: Mapped[float | None] = mapped_column(Float)
    elapsed_s: Mapped[float] = mapped_column(Float, default=0.0)
    saved_at: Mapped[datetime | None] = mapped_column(DateTime)
    current_position: Mapped[int] = mapped_column(Integer, default=0)
    include_unscored: Mapped[bool] = mapped_column(Boolean, default=False)
    target_percent: Mapped[float] = mapped_column(Float, default=70.0)
    score_correct: Mapped[int | None] = mapped_column(Integer)
    score_total: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (Index("ix_attempt_profile_test", "profile_id", "test_id", "status"),)


class ResponseRow(Base):
    """One item of an attempt's form; created unanswered when the form is drawn."""

    __tablename__ = "response"

    id: Mapped[ResponseId] = mapped_column(primary_key=True)
    attempt_id: Mapped[AttemptId] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"))
    question_id: Mapped[QuestionId] = mapped_column(ForeignKey("question.id"))
    position: Mapped[int] = mapped_column(Integer)
    scored: Mapped[bool] = mapped_column(Boolean, default=True)
    choice_order: Mapped[str] = mapped_column(String(16))  # e.g. "2013": shown order
    # the option picked: its row in this question version (None for Technician A/B items, whose
    # four options are fixed) and its *authored* position, in the version's own order (immutable
    # too). In storage `chosen` is always authored; the shown position (`choice_order` maps shown
    # -> authored) exists only in the views, as `chosen_shown`
    choice_id: Mapped[ChoiceId | None] = mapped_column(ForeignKey("choice.id"))
    chosen: Mapped[int | None] = mapped_column(Integer)
    correct: Mapped[bool | None] = mapped_column(Boolean)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)
    seconds: Mapped[float] = mapped_column(Float, default=0.0)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime)
    # how sure the learner said they were (practice): 0 sure, 1 unsure, 2 guess; None not said
    confidence: Mapped[int | None] = mapped_column(SmallInteger)

    __table_args__ = (
        UniqueConstraint("attempt_id", "position", name="uq_response_attempt_position"),
        Index("ix_response_question", "question_id"),
        # covers the weak-area report's scans of a profile's responses (migration 0010)
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
        # the report's repeated wrong choices and unsure right answers read only these few
        # (migration 0013): partial, so neither scans every response of the profile. Their
        # PostgreSQL conditions are added by `describe_postgresql` (see there)
        Index(
            "ix_response_wrong_choice",
            "attempt_id",
            "question_id",
            "chosen",
            "correct",
            sqlite_where=text("correct IS 0 AND chosen IS NOT NULL"),
        ),
        Index(
            "ix_response_unsure_right",
            "attempt_id",
            "question_id",
            "confidence",
            "answered_at",
            "correct",
            sqlite_where=text("correct IS 1 AND confidence IN (1, 2)"),
        ),
    )


class ReviewCardRow(Base):
    """Spaced review of a missed question for one profile; the FSRS card is kept as JSON.

    It points at the question's current version: a re-import that adds a version moves it on."""

    __tablename__ = "review_card"

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[ProfileId] = mapped_column(ForeignKey("profile.id", ondelete="CASCADE"))
    question_id: Mapped[QuestionId] = mapped_column(ForeignKey("question.id"))
    card: Mapped[str] = mapped_column(Text)
    due: Mapped[datetime] = mapped_column(DateTime)
    lapses: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        UniqueConstraint("profile_id", "question_id", name="uq_review_profile_question"),
        Index("ix_review_due", "profile_id", "due"),
    )


class ClassRow(Base):
    """A class: an instructor's group of learners sharing one PostgreSQL database."""

    __tablename__ = "classroom"

    id: Mapped[ClassId] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class ClassMemberRow(Base):
    """A database login in a class: its role there and the profile it answers as.

    On PostgreSQL the row-level security policies map the connected login (session_user) to its
    profile through this table; on SQLite it is unused.
    """

    __tablename__ = "class_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[ClassId] = mapped_column(ForeignKey("classroom.id", ondelete="CASCADE"))
    login: Mapped[str] = mapped_column(String(63))
    role: Mapped[str] = mapped_column(String(16))  # learner | instructor
    profile_id: Mapped[ProfileId | None] = mapped_column(
        ForeignKey("profile.id", ondelete="SET NULL")
    )
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    added_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (
        UniqueConstraint("class_id", "login", name="uq_class_member_login"),
        Index("ix_class_member_login", "login"),
    )


class StudyPlanRow(Base):
    """A learner's study plan for one test: the booked date (or none) and the weekly routine."""

    __tablename__ = "study_plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[ProfileId] = mapped_column(ForeignKey("profile.id", ondelete="CASCADE"))
    test_id: Mapped[TestId] = mapped_column(ForeignKey("test.id", ondelete="CASCADE"))
    test_date: Mapped[date | None] = mapped_column(Date)
    weekdays: Mapped[str] = mapped_column(String(16))  # "0,1,3": Monday = 0
    minutes: Mapped[int] = mapped_column(Integer)
    goal: Mapped[str] = mapped_column(String(16))  # certification | recertification
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (UniqueConstraint("profile_id", "test_id", name="uq_plan_profile_test"),)


class CertificationRow(Base):
    """One real ASE test result the learner entered: test code, date taken, pass or fail.

    The code is kept as text, not a key to `test`: a technician may hold certifications for
    tests that have no bank loaded here.
    """

    __tablename__ = "certification"

    id: Mapped[CertificationId] = mapped_column(primary_key=True)
    profile_id: Mapped[ProfileId] = mapped_column(ForeignKey("profile.id", ondelete="CASCADE"))
    test_code: Mapped[str] = mapped_column(String(16))
    taken_on: Mapped[date] = mapped_column(Date)
    result: Mapped[str] = mapped_column(String(8))  # pass | fail
    recorded_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (Index("ix_certification_profile", "profile_id", "test_code"),)


class AnswerRollupRow(Base):
    """A profile's counted, scored answers on one test, summed per day and per what the weak-area
    report's mastery model reads of them (migration 0011). Kept in step with the responses in
    the transaction that writes them (app/storage/queries/reports_rollup.py); derived data, so
    it can always be rebuilt from the responses."""

    __tablename__ = "answer_rollup"

    profile_id: Mapped[int] = mapped_column(
        ForeignKey("profile.id", ondelete="CASCADE"), primary_key=True
    )
    test_id: Mapped[int] = mapped_column(
        ForeignKey("test.id", ondelete="CASCADE"), primary_key=True
    )
    practice: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    task_id: Mapped[int] = mapped_column(
        ForeignKey("task.id", ondelete="CASCADE"), primary_key=True
    )
    difficulty: Mapped[int] = mapped_column(SmallInteger, primary_key=True)  # 0: not rated
    confidence: Mapped[int] = mapped_column(SmallInteger, primary_key=True)  # 0 also: not said
    # the learner's previous counted answer on the same question: -1 wrong, +1 right, 0 none
    previous: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    answers: Mapped[int] = mapped_column(Integer)
    correct: Mapped[int] = mapped_column(Integer)  # answered right
    seconds: Mapped[float] = mapped_column(Float)
    answered: Mapped[int] = mapped_column(Integer)  # not left blank


class AnswerRollupTotalRow(Base):
    """answer_rollup summed over days: what the report reads for answers older than the days
    it must tell apart (migration 0011)."""

    __tablename__ = "answer_rollup_total"

    profile_id: Mapped[int] = mapped_column(
        ForeignKey("profile.id", ondelete="CASCADE"), primary_key=True
    )
    test_id: Mapped[int] = mapped_column(
        ForeignKey("test.id", ondelete="CASCADE"), primary_key=True
    )
    practice: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    task_id: Mapped[int] = mapped_column(
        ForeignKey("task.id", ondelete="CASCADE"), primary_key=True
    )
    difficulty: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    confidence: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    previous: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    answers: Mapped[int] = mapped_column(Integer)
    correct: Mapped[int] = mapped_column(Integer)  # answered right
    seconds: Mapped[float] = mapped_column(Float)
    answered: Mapped[int] = mapped_column(Integer)


class AnswerChoiceRow(Base):
    """How often a profile picked each option of each question version, right or wrong: every
    answered response, of any mode, status or scoring (migration 0012). What the weak-area
    report's error-type tallies count; kept in step like answer_rollup."""

    __tablename__ = "answer_choice"

    profile_id: Mapped[int] = mapped_column(
        ForeignKey("profile.id", ondelete="CASCADE"), primary_key=True
    )
    test_id: Mapped[int] = mapped_column(
        ForeignKey("test.id", ondelete="CASCADE"), primary_key=True
    )
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id"), primary_key=True)
    chosen: Mapped[int] = mapped_column(SmallInteger, primary_key=True)  # authored position
    correct: Mapped[bool] = mapped_column(Boolean, primary_key=True)
    answers: Mapped[int] = mapped_column(Integer)


# PostgreSQL's conditions of the partial indexes above (migration 0013). Naming a dialect's option
# in a model makes SQLAlchemy import that dialect to check it: `postgresql_where` loaded the whole
# PostgreSQL dialect (every driver's module: about 2 MB and 20 ms) into every process, SQLite
# ones included. They are added when a PostgreSQL database is opened instead, through the
# documented, writable `dialect_kwargs`.
POSTGRESQL_WHERE = {
    "ix_response_wrong_choice": "correct IS false AND chosen IS NOT NULL",
    "ix_response_unsure_right": "correct IS true AND confidence IN (1, 2)",
}


def describe_postgresql() -> None:
    """Give the models their PostgreSQL-only options (idempotent); before a PostgreSQL engine
    compares or builds the schema."""
    table: Any = ResponseRow.__table__
    for index in table.indexes:
        where = POSTGRESQL_WHERE.get(index.name)
        if where is not None:
            index.dialect_kwargs["postgresql_where"] = text(where)
