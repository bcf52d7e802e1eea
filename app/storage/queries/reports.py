"""Queries behind the weak-area report, besides the answer rollup the mastery model reads
(reports_rollup.py): the test's areas and tasks, the bank's pool, repeated wrong choices, unsure
right answers, error-type tallies and the score trend. Functions take a Session and never commit;
they return plain tuples (Core rows, not ORM objects; fetched with `.all()`, as iterating a
result fetches one row per call).

Each statement is built once, with bound parameters, on first use: a report sends a dozen of
them, and building a `select()` costs about as much as SQLite takes to answer it. No Qt, no
services.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, and_, bindparam, func, literal_column, select
from sqlalchemy.orm import Session

from app.domain.ids import AreaId, AttemptId, ProfileId, QuestionId, TaskId, TestId
from app.storage.models import (
    AnswerChoiceRow,
    AttemptRow,
    ChoiceRow,
    ContentAreaRow,
    ProfileRow,
    QuestionRow,
    ResponseRow,
    TaskRow,
    TestRow,
)


class ProfileOfReport(NamedTuple):
    id: ProfileId
    name: str


class TestOfReport(NamedTuple):
    id: TestId
    code: str
    title: str
    minutes: int
    scored_count: int
    unscored_count: int
    target_percent: float


class AreaOfTest(NamedTuple):
    id: AreaId
    letter: str
    title: str
    scored_count: int


class TaskOfTest(NamedTuple):
    id: TaskId
    area_id: AreaId
    code: str
    text: str


def _mine() -> ColumnElement[bool]:
    return and_(
        AttemptRow.profile_id == bindparam("profile_id"),
        AttemptRow.test_id == bindparam("test_id"),
    )


def _ids(profile_id: ProfileId, test_id: TestId) -> dict[str, Any]:
    return {"profile_id": profile_id, "test_id": test_id}


@cache
def _profile_query(by_name: bool) -> Any:
    key = ProfileRow.name if by_name else ProfileRow.id
    return select(ProfileRow.id, ProfileRow.name).where(key == bindparam("key"))


def profile_of(s: Session, profile: ProfileId | str) -> ProfileOfReport | None:
    """The profile by id (an int) or by name: its id and name, or None. A Core statement built
    once, not an ORM load (which costs several times what SQLite takes to answer it)."""
    row = (
        s.connection()
        .execute(_profile_query(not isinstance(profile, int)), {"key": profile})
        .first()
    )
    return None if row is None else ProfileOfReport(ProfileId(row[0]), row[1])


@cache
def _test_query() -> Any:
    t = TestRow
    return select(
        t.id, t.code, t.title, t.minutes, t.scored_count, t.unscored_count, t.target_percent
    ).where(t.code == bindparam("code"))


def test_of(s: Session, code: str) -> TestOfReport | None:
    """The test with this code: what the report shows of it, or None."""
    row = s.connection().execute(_test_query(), {"code": code}).first()
    return None if row is None else TestOfReport(TestId(row[0]), *row[1:])


@cache
def _areas_query() -> Any:
    c = ContentAreaRow
    return select(c.id, c.letter, c.title, c.scored_count).where(c.test_id == bindparam("test_id"))


def content_areas(s: Session, test_id: TestId) -> list[AreaOfTest]:
    rows = s.connection().execute(_areas_query(), {"test_id": test_id}).all()
    return [AreaOfTest(AreaId(a), letter, title, n) for a, letter, title, n in rows]


@cache
def _tasks_query() -> Any:
    return select(TaskRow.id, TaskRow.area_id, TaskRow.code, TaskRow.text).where(
        TaskRow.test_id == bindparam("test_id")
    )


def tasks(s: Session, test_id: TestId) -> list[TaskOfTest]:
    rows = s.connection().execute(_tasks_query(), {"test_id": test_id}).all()
    return [TaskOfTest(TaskId(t), AreaId(a), code, text) for t, a, code, text in rows]


@cache
def _pool_query() -> Any:
    return (
        select(QuestionRow.task_id, QuestionRow.difficulty, func.count())
        .where(QuestionRow.test_id == bindparam("test_id"), QuestionRow.is_current.is_(True))
        .group_by(QuestionRow.task_id, QuestionRow.difficulty)
    )


def bank_pool(s: Session, test_id: TestId) -> list[tuple[TaskId, int | None, int]]:
    """(task id, difficulty, items) of the bank's current versions, retired ones too (retiring
    items does not move what a report showed)."""
    rows = s.connection().execute(_pool_query(), {"test_id": test_id}).all()
    return [(TaskId(t), None if d is None else int(d), int(n)) for t, d, n in rows]


@cache
def _wrong_choices_query() -> Any:
    return (
        select(ResponseRow.question_id, ResponseRow.chosen, func.count())
        .join(AttemptRow, AttemptRow.id == ResponseRow.attempt_id)
        .where(
            _mine(),
            ResponseRow.correct.is_(False),
            ResponseRow.chosen.is_not(None),
        )
        .group_by(ResponseRow.question_id, ResponseRow.chosen)
        .having(func.count() > 1)
        .order_by(func.count().desc(), ResponseRow.question_id, ResponseRow.chosen)
        .limit(bindparam("limit"))
    )


def repeated_wrong_choices(
    s: Session, profile_id: ProfileId, test_id: TestId, limit: int = 30
) -> list[tuple[QuestionId, int, int]]:
    """(question id, chosen position, times) of wrong options picked more than once, most first;
    ties in question and option order, so the cut at `limit` is the same on every engine."""
    rows = (
        s.connection()
        .execute(_wrong_choices_query(), {**_ids(profile_id, test_id), "limit": limit})
        .all()
    )
    return [(QuestionId(q), int(c), int(n)) for q, c, n in rows if c is not None]


@cache
def _question_words_query() -> Any:
    return select(
        QuestionRow.id,
        QuestionRow.uid,
        QuestionRow.task_id,
        QuestionRow.style,
        QuestionRow.stem,
        QuestionRow.tech_a_says,
        QuestionRow.tech_a_correct,
        QuestionRow.tech_a_rationale,
        QuestionRow.tech_b_says,
        QuestionRow.tech_b_correct,
        QuestionRow.tech_b_rationale,
    ).where(QuestionRow.id.in_(bindparam("ids", expanding=True)))


def question_words(s: Session, question_ids: Collection[QuestionId]) -> dict[QuestionId, Any]:
    """Per question id: its uid, task id, style, stem and Technician A/B words and keys."""
    if not question_ids:
        return {}
    rows = s.connection().execute(_question_words_query(), {"ids": sorted(question_ids)}).all()
    return {QuestionId(r.id): r for r in rows}


@cache
def _choice_words_query() -> Any:
    return select(
        ChoiceRow.question_id,
        ChoiceRow.position,
        ChoiceRow.label,
        ChoiceRow.text,
        ChoiceRow.rationale,
    ).where(ChoiceRow.question_id.in_(bindparam("ids", expanding=True)))


def choice_words(
    s: Session, question_ids: Collection[QuestionId]
) -> dict[tuple[QuestionId, int], Any]:
    """Per (question id, position): the option's label, text and rationale."""
    if not question_ids:
        return {}
    rows = s.connection().execute(_choice_words_query(), {"ids": sorted(question_ids)}).all()
    return {(QuestionId(r.question_id), int(r.position)): r for r in rows}


@cache
def _unsure_right_query() -> Any:
    return (
        select(
            ResponseRow.question_id,
            func.max(ResponseRow.confidence),
            func.count(),
            func.max(ResponseRow.answered_at),
        )
        .join(AttemptRow, AttemptRow.id == ResponseRow.attempt_id)
        .where(
            _mine(),
            ResponseRow.correct.is_(True),
            # literal, not bound: SQLite uses the partial index only when it can see the values
            ResponseRow.confidence.in_([literal_column("1"), literal_column("2")]),
        )
        .group_by(ResponseRow.question_id)
        .order_by(
            func.max(ResponseRow.confidence).desc(),
            func.max(ResponseRow.answered_at).desc(),
            ResponseRow.question_id,
        )
        .limit(bindparam("limit"))
    )


def unsure_right(
    s: Session, profile_id: ProfileId, test_id: TestId, limit: int = 30
) -> list[tuple[QuestionId, int, int, datetime | None]]:
    """(question id, most doubt said, times, latest) of right answers marked unsure (1) or a
    guess (2), the most doubted and latest first."""
    rows = (
        s.connection()
        .execute(_unsure_right_query(), {**_ids(profile_id, test_id), "limit": limit})
        .all()
    )
    return [(QuestionId(q), int(said or 0), int(n), when) for q, said, n, when in rows]


@cache
def _style_tallies_query() -> Any:
    picked = AnswerChoiceRow
    return (
        select(
            QuestionRow.style,
            picked.correct,
            picked.chosen,
            QuestionRow.tech_a_correct,
            QuestionRow.tech_b_correct,
            func.sum(picked.answers),
        )
        .join(QuestionRow, QuestionRow.id == picked.question_id)
        .where(
            picked.profile_id == bindparam("profile_id"),
            picked.test_id == bindparam("test_id"),
            QuestionRow.style.in_(bindparam("styles", expanding=True)),
        )
        .group_by(
            QuestionRow.style,
            picked.correct,
            picked.chosen,
            QuestionRow.tech_a_correct,
            QuestionRow.tech_b_correct,
        )
    )


def style_tallies(
    s: Session, profile_id: ProfileId, test_id: TestId, styles: Sequence[str]
) -> list[tuple[str, bool | None, int | None, bool | None, bool | None, int]]:
    """Answered responses of the given styles: (style, correct, chosen, Technician A right,
    Technician B right, count) - from answer_choice, kept per answer (migration 0012)."""
    rows = (
        s.connection()
        .execute(_style_tallies_query(), {**_ids(profile_id, test_id), "styles": list(styles)})
        .all()
    )
    return [(str(st), c, ch, a, b, int(n)) for st, c, ch, a, b, n in rows]


@cache
def _full_time_query() -> Any:
    return (
        select(AttemptRow.submitted_at, ResponseRow.answered_at, ResponseRow.correct)
        .join(AttemptRow, AttemptRow.id == ResponseRow.attempt_id)
        .where(
            _mine(),
            AttemptRow.mode == "mock",
            AttemptRow.status == "submitted",
            AttemptRow.time_limit_s.is_not(None),
            AttemptRow.elapsed_s >= AttemptRow.time_limit_s - bindparam("last_seconds"),
            ResponseRow.answered_at.is_not(None),
            ResponseRow.scored.is_(True),
        )
    )


def answers_of_full_time_mocks(
    s: Session, profile_id: ProfileId, test_id: TestId, last_seconds: float
) -> list[tuple[datetime | None, datetime | None, bool | None]]:
    """(submitted, answered, correct) of the scored answers of submitted mocks that ran to within
    `last_seconds` of their limit."""
    rows = (
        s.connection()
        .execute(_full_time_query(), {**_ids(profile_id, test_id), "last_seconds": last_seconds})
        .all()
    )
    return [(sub, when, correct) for sub, when, correct in rows]


@cache
def _scores_query() -> Any:
    return (
        select(
            AttemptRow.mode,
            AttemptRow.id,
            AttemptRow.submitted_at,
            AttemptRow.score_correct,
            AttemptRow.score_total,
        )
        .where(
            _mine(),
            AttemptRow.mode.in_(bindparam("modes", expanding=True)),
            AttemptRow.status == "submitted",
        )
        .order_by(AttemptRow.submitted_at, AttemptRow.id)
    )


def submitted_scores(
    s: Session, profile_id: ProfileId, test_id: TestId, modes: Collection[str]
) -> dict[str, list[tuple[AttemptId, datetime | None, int | None, int | None]]]:
    """Per mode (each of `modes`, in one query): (attempt id, submitted, right, scored items) of
    its submitted attempts, in order."""
    out: dict[str, list[tuple[AttemptId, datetime | None, int | None, int | None]]] = {
        m: [] for m in modes
    }
    rows = (
        s.connection()
        .execute(_scores_query(), {**_ids(profile_id, test_id), "modes": sorted(modes)})
        .all()
    )
    for mode, a, when, c, n in rows:
        out[str(mode)].append((AttemptId(a), when, c, n))
    return out
