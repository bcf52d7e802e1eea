"""Queries behind the weak-area report, besides the answer rollup the mastery model reads
(reports_rollup.py): the test's areas and tasks, the bank's pool, repeated wrong choices, unsure
right answers, error-type tallies and the score trend. Functions take a Session or a Core
Connection and never commit; they return plain tuples (Core rows, not ORM objects; fetched with
`.all()`, as iterating a result fetches one row per call).

Each statement is built once, with bound parameters, on first use: a report sends a dozen of
them, and building a `select()` costs about as much as SQLite takes to answer it. No Qt, no
services.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import ColumnElement, and_, bindparam, func, literal_column, select
from sqlalchemy.engine import Connection

from app.domain.ids import AreaId, AttemptId, ProfileId, QuestionId, TaskId, TestId
from app.storage.connection import connection_of
from app.storage.tables import answer_choice_table as _answer_choice
from app.storage.tables import attempt_table as _attempt
from app.storage.tables import choice_table as _choice
from app.storage.tables import content_area_table as _content_area
from app.storage.tables import profile_table as _profile
from app.storage.tables import question_table as _question
from app.storage.tables import response_table as _response
from app.storage.tables import task_table as _task
from app.storage.tables import test_table as _test

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


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
        _attempt.c.profile_id == bindparam("profile_id"),
        _attempt.c.test_id == bindparam("test_id"),
    )


def _ids(profile_id: ProfileId, test_id: TestId) -> dict[str, Any]:
    return {"profile_id": profile_id, "test_id": test_id}


@cache
def _profile_query(by_name: bool) -> Any:
    key = _profile.c.name if by_name else _profile.c.id
    return select(_profile.c.id, _profile.c.name).where(key == bindparam("key"))


def profile_of(s: Session | Connection, profile: ProfileId | str) -> ProfileOfReport | None:
    """The profile by id (an int) or by name: its id and name, or None. A Core statement built
    once, not an ORM load (which costs several times what SQLite takes to answer it)."""
    row = (
        connection_of(s)
        .execute(_profile_query(not isinstance(profile, int)), {"key": profile})
        .first()
    )
    return None if row is None else ProfileOfReport(ProfileId(row[0]), row[1])


@cache
def _test_query() -> Any:
    t = _test.c
    return select(
        t.id, t.code, t.title, t.minutes, t.scored_count, t.unscored_count, t.target_percent
    ).where(t.code == bindparam("code"))


def test_of(s: Session | Connection, code: str) -> TestOfReport | None:
    """The test with this code: what the report shows of it, or None."""
    row = connection_of(s).execute(_test_query(), {"code": code}).first()
    return None if row is None else TestOfReport(TestId(row[0]), *row[1:])


@cache
def _areas_query() -> Any:
    c = _content_area.c
    return select(c.id, c.letter, c.title, c.scored_count).where(c.test_id == bindparam("test_id"))


def content_areas(s: Session | Connection, test_id: TestId) -> list[AreaOfTest]:
    rows = connection_of(s).execute(_areas_query(), {"test_id": test_id}).all()
    return [AreaOfTest(AreaId(a), letter, title, n) for a, letter, title, n in rows]


@cache
def _tasks_query() -> Any:
    return select(_task.c.id, _task.c.area_id, _task.c.code, _task.c.text).where(
        _task.c.test_id == bindparam("test_id")
    )


def tasks(s: Session | Connection, test_id: TestId) -> list[TaskOfTest]:
    rows = connection_of(s).execute(_tasks_query(), {"test_id": test_id}).all()
    return [TaskOfTest(TaskId(t), AreaId(a), code, text) for t, a, code, text in rows]


@cache
def _pool_query() -> Any:
    return (
        select(_question.c.task_id, _question.c.difficulty, func.count())
        .where(_question.c.test_id == bindparam("test_id"), _question.c.is_current.is_(True))
        .group_by(_question.c.task_id, _question.c.difficulty)
    )


def bank_pool(s: Session | Connection, test_id: TestId) -> list[tuple[TaskId, int | None, int]]:
    """(task id, difficulty, items) of the bank's current versions, retired ones too (retiring
    items does not move what a report showed)."""
    rows = connection_of(s).execute(_pool_query(), {"test_id": test_id}).all()
    return [(TaskId(t), None if d is None else int(d), int(n)) for t, d, n in rows]


@cache
def _wrong_choices_query() -> Any:
    return (
        select(_response.c.question_id, _response.c.chosen, func.count())
        .join(_attempt, _attempt.c.id == _response.c.attempt_id)
        .where(
            _mine(),
            _response.c.correct.is_(False),
            _response.c.chosen.is_not(None),
        )
        .group_by(_response.c.question_id, _response.c.chosen)
        .having(func.count() > 1)
        .order_by(func.count().desc(), _response.c.question_id, _response.c.chosen)
        .limit(bindparam("limit"))
    )


def repeated_wrong_choices(
    s: Session | Connection, profile_id: ProfileId, test_id: TestId, limit: int = 30
) -> list[tuple[QuestionId, int, int]]:
    """(question id, chosen position, times) of wrong options picked more than once, most first;
    ties in question and option order, so the cut at `limit` is the same on every engine."""
    rows = (
        connection_of(s)
        .execute(_wrong_choices_query(), {**_ids(profile_id, test_id), "limit": limit})
        .all()
    )
    return [(QuestionId(q), int(c), int(n)) for q, c, n in rows if c is not None]


@cache
def _question_words_query() -> Any:
    return select(
        _question.c.id,
        _question.c.uid,
        _question.c.task_id,
        _question.c.style,
        _question.c.stem,
        _question.c.tech_a_says,
        _question.c.tech_a_correct,
        _question.c.tech_a_rationale,
        _question.c.tech_b_says,
        _question.c.tech_b_correct,
        _question.c.tech_b_rationale,
    ).where(_question.c.id.in_(bindparam("ids", expanding=True)))


def question_words(
    s: Session | Connection, question_ids: Collection[QuestionId]
) -> dict[QuestionId, Any]:
    """Per question id: its uid, task id, style, stem and Technician A/B words and keys."""
    if not question_ids:
        return {}
    rows = connection_of(s).execute(_question_words_query(), {"ids": sorted(question_ids)}).all()
    return {QuestionId(r.id): r for r in rows}


@cache
def _choice_words_query() -> Any:
    return select(
        _choice.c.question_id,
        _choice.c.position,
        _choice.c.label,
        _choice.c.text,
        _choice.c.rationale,
    ).where(_choice.c.question_id.in_(bindparam("ids", expanding=True)))


def choice_words(
    s: Session | Connection, question_ids: Collection[QuestionId]
) -> dict[tuple[QuestionId, int], Any]:
    """Per (question id, position): the option's label, text and rationale."""
    if not question_ids:
        return {}
    rows = connection_of(s).execute(_choice_words_query(), {"ids": sorted(question_ids)}).all()
    return {(QuestionId(r.question_id), int(r.position)): r for r in rows}


@cache
def _unsure_right_query() -> Any:
    return (
        select(
            _response.c.question_id,
            func.max(_response.c.confidence),
            func.count(),
            func.max(_response.c.answered_at),
        )
        .join(_attempt, _attempt.c.id == _response.c.attempt_id)
        .where(
            _mine(),
            _response.c.correct.is_(True),
            # literal, not bound: SQLite uses the partial index only when it can see the values
            _response.c.confidence.in_([literal_column("1"), literal_column("2")]),
        )
        .group_by(_response.c.question_id)
        .order_by(
            func.max(_response.c.confidence).desc(),
            func.max(_response.c.answered_at).desc(),
            _response.c.question_id,
        )
        .limit(bindparam("limit"))
    )


def unsure_right(
    s: Session | Connection, profile_id: ProfileId, test_id: TestId, limit: int = 30
) -> list[tuple[QuestionId, int, int, datetime | None]]:
    """(question id, most doubt said, times, latest) of right answers marked unsure (1) or a
    guess (2), the most doubted and latest first."""
    rows = (
        connection_of(s)
        .execute(_unsure_right_query(), {**_ids(profile_id, test_id), "limit": limit})
        .all()
    )
    return [(QuestionId(q), int(said or 0), int(n), when) for q, said, n, when in rows]


@cache
def _style_tallies_query() -> Any:
    picked = _answer_choice.c
    return (
        select(
            _question.c.style,
            picked.correct,
            picked.chosen,
            _question.c.tech_a_correct,
            _question.c.tech_b_correct,
            func.sum(picked.answers),
        )
        .join(_question, _question.c.id == picked.question_id)
        .where(
            picked.profile_id == bindparam("profile_id"),
            picked.test_id == bindparam("test_id"),
            _question.c.style.in_(bindparam("styles", expanding=True)),
        )
        .group_by(
            _question.c.style,
            picked.correct,
            picked.chosen,
            _question.c.tech_a_correct,
            _question.c.tech_b_correct,
        )
    )


def style_tallies(
    s: Session | Connection, profile_id: ProfileId, test_id: TestId, styles: Sequence[str]
) -> list[tuple[str, bool | None, int | None, bool | None, bool | None, int]]:
    """Answered responses of the given styles: (style, correct, chosen, Technician A right,
    Technician B right, count) - from answer_choice, kept per answer (migration 0012)."""
    rows = (
        connection_of(s)
        .execute(_style_tallies_query(), {**_ids(profile_id, test_id), "styles": list(styles)})
        .all()
    )
    return [(str(st), c, ch, a, b, int(n)) for st, c, ch, a, b, n in rows]


@cache
def _full_time_query() -> Any:
    return (
        select(_attempt.c.submitted_at, _response.c.answered_at, _response.c.correct)
        .join(_attempt, _attempt.c.id == _response.c.attempt_id)
        .where(
            _mine(),
            _attempt.c.mode == "mock",
            _attempt.c.status == "submitted",
            _attempt.c.time_limit_s.is_not(None),
            _attempt.c.elapsed_s >= _attempt.c.time_limit_s - bindparam("last_seconds"),
            _response.c.answered_at.is_not(None),
            _response.c.scored.is_(True),
        )
    )


def answers_of_full_time_mocks(
    s: Session | Connection, profile_id: ProfileId, test_id: TestId, last_seconds: float
) -> list[tuple[datetime | None, datetime | None, bool | None]]:
    """(submitted, answered, correct) of the scored answers of submitted mocks that ran to within
    `last_seconds` of their limit."""
    rows = (
        connection_of(s)
        .execute(_full_time_query(), {**_ids(profile_id, test_id), "last_seconds": last_seconds})
        .all()
    )
    return [(sub, when, correct) for sub, when, correct in rows]


@cache
def _scores_query() -> Any:
    return (
        select(
            _attempt.c.mode,
            _attempt.c.id,
            _attempt.c.submitted_at,
            _attempt.c.score_correct,
            _attempt.c.score_total,
        )
        .where(
            _mine(),
            _attempt.c.mode.in_(bindparam("modes", expanding=True)),
            _attempt.c.status == "submitted",
        )
        .order_by(_attempt.c.submitted_at, _attempt.c.id)
    )


def submitted_scores(
    s: Session | Connection, profile_id: ProfileId, test_id: TestId, modes: Collection[str]
) -> dict[str, list[tuple[AttemptId, datetime | None, int | None, int | None]]]:
    """Per mode (each of `modes`, in one query): (attempt id, submitted, right, scored items) of
    its submitted attempts, in order."""
    out: dict[str, list[tuple[AttemptId, datetime | None, int | None, int | None]]] = {
        m: [] for m in modes
    }
    rows = (
        connection_of(s)
        .execute(_scores_query(), {**_ids(profile_id, test_id), "modes": sorted(modes)})
        .all()
    )
    for mode, a, when, c, n in rows:
        out[str(mode)].append((AttemptId(a), when, c, n))
    return out
