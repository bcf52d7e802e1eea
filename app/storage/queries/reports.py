"""Queries behind the weak-area report: a profile's answers on one test aggregated for the mastery
model, the bank's pool, repeated wrong choices, unsure right answers, error-type tallies, the
score trend and the review queue. Functions take a Session and never commit; they return plain
tuples (Core rows, not ORM objects: the report reads thousands of them). No Qt, no services.
"""

from __future__ import annotations

import operator
from collections.abc import Collection, Mapping, Sequence
from datetime import date, datetime
from functools import reduce
from typing import Any

from sqlalchemy import ColumnElement, Date, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from app.storage.models import (
    AttemptRow,
    ChoiceRow,
    ContentAreaRow,
    QuestionRow,
    ResponseRow,
    TaskRow,
)


def counted() -> ColumnElement[bool]:
    """Responses that count: answered ones, plus unanswered items of submitted mocks (wrong)."""
    return or_(
        ResponseRow.chosen.is_not(None),
        and_(AttemptRow.mode.in_(("mock", "recert")), AttemptRow.status == "submitted"),
    )


def _given() -> ColumnElement[Any]:
    """The day a response was given: its answer's, else its attempt's submission or start."""
    # date() is a function in SQLite and a type-cast function call in PostgreSQL
    return func.date(
        func.coalesce(ResponseRow.answered_at, AttemptRow.submitted_at, AttemptRow.started_at)
    )


def _until(day: ColumnElement[Any], today: date) -> ColumnElement[Any]:
    """`day`, or `today` if later: the model reads a future day (a clock set back) as today."""
    today_ = literal(today, Date)
    return case((day > today_, today_), else_=day)


def _mine(profile_id: int, test_id: int) -> ColumnElement[bool]:
    return and_(AttemptRow.profile_id == profile_id, AttemptRow.test_id == test_id)


def _as_date(value: object) -> date:
    """A day as SQLite (text) or PostgreSQL (date) returns it."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def content_areas(s: Session, test_id: int) -> Sequence[ContentAreaRow]:
    return s.scalars(select(ContentAreaRow).where(ContentAreaRow.test_id == test_id)).all()


def tasks(s: Session, test_id: int) -> Sequence[TaskRow]:
    return s.scalars(select(TaskRow).where(TaskRow.test_id == test_id)).all()


def practice_days(s: Session, profile_id: int, test_id: int, today: date) -> list[tuple[int, date]]:
    """(task id, day) of every day with counted practice answers on the task."""
    day = _until(_given(), today)
    rows = s.connection().execute(
        select(QuestionRow.task_id, day)
        .select_from(ResponseRow)
        .join(AttemptRow, AttemptRow.id == ResponseRow.attempt_id)
        .join(QuestionRow, QuestionRow.id == ResponseRow.question_id)
        .where(
            _mine(profile_id, test_id),
            AttemptRow.mode == "practice",
            ResponseRow.scored.is_(True),
            counted(),
        )
        .group_by(QuestionRow.task_id, day)
    )
    return [(int(task), _as_date(d)) for task, d in rows]


def answer_groups(
    s: Session,
    profile_id: int,
    test_id: int,
    *,
    today: date,
    old_until: date,
    later: Mapping[date, Collection[int]] | None = None,
) -> list[tuple[int, int | None, bool, date, int, int, float, int, int, int]]:
    """A profile's counted, scored answers on a test, grouped as coarsely as the mastery model
    allows: (task id, difficulty, practice, day, answers, right, seconds, answered, confidence,
    previous answer on the question: -1 wrong, +1 right, 0 none).

    Practice answers are grouped per day (their days are what the model counts as later
    practice). Other answers are grouped per side of `old_until` (on or before it: old) and per
    how many of the `later` days (each with the task ids it counts for) are on or after their own
    day; `day` is then the latest day of the group, one that reads the same to the model as any
    of its answers' days.
    """
    # the learner's previous counted answer on the same question: an item asked again after a
    # miss is likely harder than its rating says (the model's REPEAT_SHIFT). One window over this
    # profile's responses; their ids follow the order the attempts were started in
    previous = func.lag(case((ResponseRow.correct.is_(True), 1), else_=-1), 1, 0).over(
        partition_by=ResponseRow.question_id, order_by=ResponseRow.id
    )
    each = (
        select(
            QuestionRow.task_id.label("task_id"),
            QuestionRow.difficulty.label("difficulty"),
            (AttemptRow.mode == "practice").label("practice"),
            _given().label("given"),  # once per row: the grouping below reads the column
            ResponseRow.correct.label("correct"),
            ResponseRow.seconds.label("seconds"),
            ResponseRow.chosen.label("chosen"),
            func.coalesce(ResponseRow.confidence, 0).label("sure"),
            previous.label("before"),
        )
        .select_from(ResponseRow)
        .join(AttemptRow, AttemptRow.id == ResponseRow.attempt_id)
        .join(QuestionRow, QuestionRow.id == ResponseRow.question_id)
        .where(_mine(profile_id, test_id), ResponseRow.scored.is_(True), counted())
        .subquery()
    )
    day = _until(each.c.given, today)
    later_terms = [
        case((and_(each.c.task_id.in_(sorted(task_ids)), day <= literal(d, Date)), 1), else_=0)
        for d, task_ids in sorted((later or {}).items())
        if task_ids
    ]
    rows = s.connection().execute(
        select(
            each.c.task_id,
            each.c.difficulty,
            each.c.practice,
            func.max(day),
            func.count(),
            func.sum(case((each.c.correct.is_(True), 1), else_=0)),
            func.sum(each.c.seconds),
            func.sum(case((each.c.chosen.is_not(None), 1), else_=0)),
            each.c.sure,
            each.c.before,
        ).group_by(
            each.c.task_id,
            each.c.difficulty,
            each.c.practice,
            case((each.c.practice.is_(True), day), else_=None),
            case((day <= literal(old_until, Date), 1), else_=0),
            reduce(operator.add, later_terms) if later_terms else literal(0),
            each.c.sure,
            each.c.before,
        )
    )
    return [
        (
            int(task),
            None if difficulty is None else int(difficulty),
            bool(is_practice),
            _as_date(d),
            int(n),
            int(c or 0),
            float(sec or 0.0),
            int(chosen or 0),
            int(sure or 0),
            int(before or 0),
        )
        for task, difficulty, is_practice, d, n, c, sec, chosen, sure, before in rows
    ]


def bank_pool(s: Session, test_id: int) -> list[tuple[int, int | None, int]]:
    """(task id, difficulty, items) of the bank's current versions, retired ones too (retiring
    items does not move what a report showed)."""
    rows = s.connection().execute(
        select(QuestionRow.task_id, QuestionRow.difficulty, func.count())
        .where(QuestionRow.test_id == test_id, QuestionRow.is_current.is_(True))
        .group_by(QuestionRow.task_id, QuestionRow.difficulty)
    )
    return [(int(t), None if d is None else int(d), int(n)) for t, d, n in rows]


def repeated_wrong_choices(
    s: Session, profile_id: int, test_id: int, limit: int = 30
) -> list[tuple[int, int, int]]:
    """(question id, chosen position, times) of wrong options picked more than once, most first."""
    rows = s.connection().execute(
        select(ResponseRow.question_id, ResponseRow.chosen, func.count())
        .join(AttemptRow, AttemptRow.id == ResponseRow.attempt_id)
        .where(
            _mine(profile_id, test_id),
            ResponseRow.correct.is_(False),
            ResponseRow.chosen.is_not(None),
        )
        .group_by(ResponseRow.question_id, ResponseRow.chosen)
        .having(func.count() > 1)
        .order_by(func.count().desc())
        .limit(limit)
    )
    return [(int(q), int(c), int(n)) for q, c, n in rows if c is not None]


def question_words(s: Session, question_ids: Collection[int]) -> dict[int, Any]:
    """Per question id: its uid, task id, style, stem and Technician A/B words and keys."""
    if not question_ids:
        return {}
    rows = s.connection().execute(
        select(
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
        ).where(QuestionRow.id.in_(sorted(question_ids)))
    )
    return {int(r.id): r for r in rows}


def choice_words(s: Session, question_ids: Collection[int]) -> dict[tuple[int, int], Any]:
    """Per (question id, position): the option's label, text and rationale."""
    if not question_ids:
        return {}
    rows = s.connection().execute(
        select(
            ChoiceRow.question_id,
            ChoiceRow.position,
            ChoiceRow.label,
            ChoiceRow.text,
            ChoiceRow.rationale,
        ).where(ChoiceRow.question_id.in_(sorted(question_ids)))
    )
    return {(int(r.question_id), int(r.position)): r for r in rows}


def unsure_right(
    s: Session, profile_id: int, test_id: int, limit: int = 30
) -> list[tuple[int, int, int, datetime | None]]:
    """(question id, most doubt said, times, latest) of right answers marked unsure (1) or a
    guess (2), the most doubted and latest first."""
    rows = s.execute(
        select(
            ResponseRow.question_id,
            func.max(ResponseRow.confidence),
            func.count(),
            func.max(ResponseRow.answered_at),
        )
        .join(AttemptRow, AttemptRow.id == ResponseRow.attempt_id)
        .where(
            _mine(profile_id, test_id),
            ResponseRow.correct.is_(True),
            ResponseRow.confidence.in_((1, 2)),
        )
        .group_by(ResponseRow.question_id)
        .order_by(func.max(ResponseRow.confidence).desc(), func.max(ResponseRow.answered_at).desc())
        .limit(limit)
    ).all()
    return [(int(q), int(said or 0), int(n), when) for q, said, n, when in rows]


def style_tallies(
    s: Session, profile_id: int, test_id: int, styles: Sequence[str]
) -> list[tuple[str, bool | None, int | None, bool | None, bool | None, int]]:
    """Answered responses of the given styles: (style, correct, chosen, Technician A right,
    Technician B right, count)."""
    # counted per question first (from the covering index alone), then joined to the few
    # hundred questions: not one question lookup per response
    per_question = (
        select(
            ResponseRow.question_id.label("question_id"),
            ResponseRow.correct.label("correct"),
            ResponseRow.chosen.label("chosen"),
            func.count().label("n"),
        )
        .join(AttemptRow, AttemptRow.id == ResponseRow.attempt_id)
        .where(_mine(profile_id, test_id), ResponseRow.chosen.is_not(None))
        .group_by(ResponseRow.question_id, ResponseRow.correct, ResponseRow.chosen)
        .subquery()
    )
    rows = s.connection().execute(
        select(
            QuestionRow.style,
            per_question.c.correct,
            per_question.c.chosen,
            QuestionRow.tech_a_correct,
            QuestionRow.tech_b_correct,
            func.sum(per_question.c.n),
        )
        .join(QuestionRow, QuestionRow.id == per_question.c.question_id)
        .where(QuestionRow.style.in_(styles))
        .group_by(
            QuestionRow.style,
            per_question.c.correct,
            per_question.c.chosen,
            QuestionRow.tech_a_correct,
            QuestionRow.tech_b_correct,
        )
    )
    return [(str(st), c, ch, a, b, int(n)) for st, c, ch, a, b, n in rows]


def answers_of_full_time_mocks(
    s: Session, profile_id: int, test_id: int, last_seconds: float
) -> list[tuple[datetime | None, datetime | None, bool | None]]:
    """(submitted, answered, correct) of the scored answers of submitted mocks that ran to within
    `last_seconds` of their limit."""
    return [
        (sub, when, correct)
        for sub, when, correct in s.execute(
            select(AttemptRow.submitted_at, ResponseRow.answered_at, ResponseRow.correct)
            .join(AttemptRow, AttemptRow.id == ResponseRow.attempt_id)
            .where(
                _mine(profile_id, test_id),
                AttemptRow.mode == "mock",
                AttemptRow.status == "submitted",
                AttemptRow.time_limit_s.is_not(None),
                AttemptRow.elapsed_s >= AttemptRow.time_limit_s - last_seconds,
                ResponseRow.answered_at.is_not(None),
                ResponseRow.scored.is_(True),
            )
        )
    ]


def submitted_scores(
    s: Session, profile_id: int, test_id: int, mode: str
) -> list[tuple[int, datetime | None, int | None, int | None]]:
    """(attempt id, submitted, right, scored items) of submitted attempts of one mode, in order."""
    rows = s.execute(
        select(
            AttemptRow.id, AttemptRow.submitted_at, AttemptRow.score_correct, AttemptRow.score_total
        )
        .where(
            _mine(profile_id, test_id),
            AttemptRow.mode == mode,
            AttemptRow.status == "submitted",
        )
        .order_by(AttemptRow.submitted_at, AttemptRow.id)
    ).all()
    return [(int(a), when, c, n) for a, when, c, n in rows]
