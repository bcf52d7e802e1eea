"""SQLAlchemy 2 typed models, mapped onto the Core tables of storage/tables.py (one MetaData; a
change to a table needs an Alembic migration). The `Mapped[...]` annotations type the columns.

No Qt here. Services turn these rows into frozen dataclasses before any view sees them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import Integer
from sqlalchemy.orm import DeclarativeBase, Mapped, relationship

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
from app.storage import tables
from app.storage.tables import POSTGRESQL_WHERE as POSTGRESQL_WHERE  # re-exported
from app.storage.tables import describe_postgresql as describe_postgresql  # re-exported


class Base(DeclarativeBase):
    metadata = tables.metadata
    # the typed ids (app/domain/ids.py) are integer keys: `Mapped[ProfileId]` is an INTEGER column
    # whose Python type mypy keeps apart from every other id
    type_annotation_map: ClassVar[dict[Any, Any]] = dict.fromkeys(TYPED_IDS, Integer)


class TestRow(Base):
    __table__ = tables.test_table
    __test__ = False  # not a pytest class

    id: Mapped[TestId]
    code: Mapped[str]
    title: Mapped[str]
    spec_version: Mapped[str]
    scored_count: Mapped[int]
    minutes: Mapped[int]
    unscored_count: Mapped[int]
    target_percent: Mapped[float]
    shuffle_choices: Mapped[bool]
    notes: Mapped[str]
    # the recertification form's length and time; null = derived from the full test
    recert_scored_count: Mapped[int | None]
    recert_minutes: Mapped[int | None]
    recert_notes: Mapped[str | None]

    areas: Mapped[list[ContentAreaRow]] = relationship(
        back_populates="test", order_by="ContentAreaRow.letter", cascade="all, delete-orphan"
    )


class BankRow(Base):
    __table__ = tables.bank_table

    id: Mapped[BankId]
    test_id: Mapped[TestId]
    name: Mapped[str]
    source_file: Mapped[str]
    source_format: Mapped[str]
    format_version: Mapped[int]
    checksum: Mapped[str]
    imported_at: Mapped[datetime]
    enabled: Mapped[bool]
    removed: Mapped[bool]
    # JSON: {question uid: [uids it must never share a form with]} (null: none)
    enemies: Mapped[str | None]
    # JSON: the bank's reference booklet with its section links and exhibits (null: none)
    reference: Mapped[str | None]


class ContentAreaRow(Base):
    __table__ = tables.content_area_table

    id: Mapped[AreaId]
    test_id: Mapped[TestId]
    letter: Mapped[str]
    title: Mapped[str]
    scored_count: Mapped[int]

    test: Mapped[TestRow] = relationship(back_populates="areas")


class TaskRow(Base):
    __table__ = tables.task_table

    id: Mapped[TaskId]
    test_id: Mapped[TestId]
    area_id: Mapped[AreaId]
    code: Mapped[str]
    text: Mapped[str]
    subarea_number: Mapped[int]
    subarea_title: Mapped[str]


class QuestionRow(Base):
    __table__ = tables.question_table

    id: Mapped[QuestionId]
    uid: Mapped[str]
    bank_id: Mapped[BankId]
    test_id: Mapped[TestId]
    task_id: Mapped[TaskId]
    area_id: Mapped[AreaId]
    style: Mapped[str]
    scenario: Mapped[bool]
    stem: Mapped[str]
    tech_a_says: Mapped[str | None]
    tech_a_correct: Mapped[bool | None]
    tech_a_rationale: Mapped[str | None]
    tech_b_says: Mapped[str | None]
    tech_b_correct: Mapped[bool | None]
    tech_b_rationale: Mapped[str | None]
    exhibit: Mapped[str | None]
    exhibit_caption: Mapped[str | None]
    exhibit_data: Mapped[bytes | None]
    explanation: Mapped[str]
    difficulty: Mapped[int]
    shuffle_choices: Mapped[bool | None]
    # Not drawable: removed from its bank, or superseded by a newer version (then not current).
    retired: Mapped[bool]
    content_hash: Mapped[str]
    # A row is one immutable version of the author's question `uid`: a re-import that changes it
    # adds version n+1 and marks this one not current, so attempts keep what they showed.
    version: Mapped[int]
    is_current: Mapped[bool]

    choices: Mapped[list[ChoiceRow]] = relationship(
        order_by="ChoiceRow.position", cascade="all, delete-orphan"
    )


class ChoiceRow(Base):
    __table__ = tables.choice_table

    id: Mapped[ChoiceId]
    question_id: Mapped[QuestionId]
    position: Mapped[int]
    label: Mapped[str]
    text: Mapped[str]
    correct: Mapped[bool]
    rationale: Mapped[str]


class QuestionTranslationRow(Base):
    """One question version's words in another language, from the bank's sidecar file.

    Kept with the version it translates (history shows what was on screen); `current` is False
    when it was made from older English words than this version's (then English is shown)."""

    __table__ = tables.question_translation_table

    id: Mapped[int]
    question_id: Mapped[QuestionId]
    language: Mapped[str]
    fingerprint: Mapped[str]
    current: Mapped[bool]
    # JSON: stem, explanation, choices [[text, rationale], ...] in the version's option order,
    # technician_a / technician_b [says, rationale], exhibit_caption
    body: Mapped[str]
    exhibit_data: Mapped[bytes | None]


class TestTranslationRow(Base):
    """A test's title, area, sub-area and task titles in another language (JSON `body`)."""

    __table__ = tables.test_translation_table
    __test__ = False  # not a pytest class

    id: Mapped[int]
    test_id: Mapped[TestId]
    language: Mapped[str]
    body: Mapped[str]


class ProfileRow(Base):
    __table__ = tables.profile_table

    id: Mapped[ProfileId]
    name: Mapped[str]
    created_at: Mapped[datetime]
    time_multiplier: Mapped[float]
    hide_countdown: Mapped[bool]
    # the interface language, "en" or "es"; NULL follows the system locale
    language: Mapped[str | None]


class AttemptRow(Base):
    __table__ = tables.attempt_table

    id: Mapped[AttemptId]
    profile_id: Mapped[ProfileId]
    test_id: Mapped[TestId]
    mode: Mapped[str]
    status: Mapped[str]
    started_at: Mapped[datetime]
    submitted_at: Mapped[datetime | None]
    time_limit_s: Mapped[float | None]
    elapsed_s: Mapped[float]
    saved_at: Mapped[datetime | None]
    current_position: Mapped[int]
    include_unscored: Mapped[bool]
    target_percent: Mapped[float]
    score_correct: Mapped[int | None]
    score_total: Mapped[int | None]


class ResponseRow(Base):
    """One item of an attempt's form; created unanswered when the form is drawn."""

    __table__ = tables.response_table

    id: Mapped[ResponseId]
    attempt_id: Mapped[AttemptId]
    question_id: Mapped[QuestionId]
    position: Mapped[int]
    scored: Mapped[bool]
    choice_order: Mapped[str]
    # the option picked: its row in this question version (None for Technician A/B items, whose
    # four options are fixed) and its *authored* position, in the version's own order (immutable
    # too). In storage `chosen` is always authored; the shown position (`choice_order` maps shown
    # -> authored) exists only in the views, as `chosen_shown`
    choice_id: Mapped[ChoiceId | None]
    chosen: Mapped[int | None]
    correct: Mapped[bool | None]
    flagged: Mapped[bool]
    seconds: Mapped[float]
    answered_at: Mapped[datetime | None]
    # how sure the learner said they were (practice): 0 sure, 1 unsure, 2 guess; None not said
    confidence: Mapped[int | None]


class ReviewCardRow(Base):
    """Spaced review of a missed question for one profile; the FSRS card is kept as JSON.

    It points at the question's current version: a re-import that adds a version moves it on."""

    __table__ = tables.review_card_table

    id: Mapped[int]
    profile_id: Mapped[ProfileId]
    question_id: Mapped[QuestionId]
    card: Mapped[str]
    due: Mapped[datetime]
    lapses: Mapped[int]


class ClassRow(Base):
    """A class: an instructor's group of learners sharing one PostgreSQL database."""

    __table__ = tables.classroom_table

    id: Mapped[ClassId]
    name: Mapped[str]
    created_at: Mapped[datetime]


class ClassMemberRow(Base):
    """A database login in a class: its role there and the profile it answers as.

    On PostgreSQL the row-level security policies map the connected login (session_user) to its
    profile through this table; on SQLite it is unused.
    """

    __table__ = tables.class_member_table

    id: Mapped[int]
    class_id: Mapped[ClassId]
    login: Mapped[str]
    role: Mapped[str]
    profile_id: Mapped[ProfileId | None]
    active: Mapped[bool]
    added_at: Mapped[datetime]


class StudyPlanRow(Base):
    """A learner's study plan for one test: the booked date (or none) and the weekly routine."""

    __table__ = tables.study_plan_table

    id: Mapped[int]
    profile_id: Mapped[ProfileId]
    test_id: Mapped[TestId]
    test_date: Mapped[date | None]
    weekdays: Mapped[str]
    minutes: Mapped[int]
    goal: Mapped[str]
    updated_at: Mapped[datetime]


class CertificationRow(Base):
    """One real ASE test result the learner entered: test code, date taken, pass or fail.

    The code is kept as text, not a key to `test`: a technician may hold certifications for
    tests that have no bank loaded here.
    """

    __table__ = tables.certification_table

    id: Mapped[CertificationId]
    profile_id: Mapped[ProfileId]
    test_code: Mapped[str]
    taken_on: Mapped[date]
    result: Mapped[str]
    recorded_at: Mapped[datetime]


class AnswerRollupRow(Base):
    """A profile's counted, scored answers on one test, summed per day and per what the weak-area
    report's mastery model reads of them (migration 0011). Kept in step with the responses in
    the transaction that writes them (app/storage/queries/reports_rollup.py); derived data, so
    it can always be rebuilt from the responses."""

    __table__ = tables.answer_rollup_table

    profile_id: Mapped[int]
    test_id: Mapped[int]
    practice: Mapped[bool]
    day: Mapped[date]
    task_id: Mapped[int]
    difficulty: Mapped[int]
    confidence: Mapped[int]
    # the learner's previous counted answer on the same question: -1 wrong, +1 right, 0 none
    previous: Mapped[int]
    answers: Mapped[int]
    correct: Mapped[int]
    seconds: Mapped[float]
    answered: Mapped[int]


class AnswerRollupTotalRow(Base):
    """answer_rollup summed over days: what the report reads for answers older than the days
    it must tell apart (migration 0011)."""

    __table__ = tables.answer_rollup_total_table

    profile_id: Mapped[int]
    test_id: Mapped[int]
    practice: Mapped[bool]
    task_id: Mapped[int]
    difficulty: Mapped[int]
    confidence: Mapped[int]
    previous: Mapped[int]
    answers: Mapped[int]
    correct: Mapped[int]
    seconds: Mapped[float]
    answered: Mapped[int]


class AnswerChoiceRow(Base):
    """How often a profile picked each option of each question version, right or wrong: every
    answered response, of any mode, status or scoring (migration 0012). What the weak-area
    report's error-type tallies count; kept in step like answer_rollup."""

    __table__ = tables.answer_choice_table

    profile_id: Mapped[int]
    test_id: Mapped[int]
    question_id: Mapped[int]
    chosen: Mapped[int]
    correct: Mapped[bool]
    answers: Mapped[int]
