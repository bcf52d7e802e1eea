"""Queries behind the weak-area report, besides the answer rollup the mastery model reads
(reports_rollup.py): the bank's pool, repeated wrong choices, unsure right answers, error-type
tallies and the score trend. Functions take a Session and never commit; they return plain
tuples (Core rows, not ORM objects: the report reads thousands of them). No Qt, no services.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, literal_column, select
from sqlalchemy.orm import Session

from app.storage.models import (
    AnswerChoiceRow,
    AttemptRow,
    ChoiceRow,
    ContentAreaRow,
    QuestionRow,
    ResponseRow,
    TaskRow,
)


def _mine(profile_id: int, test_id: int) -> ColumnElement[bool]:
    return and_(AttemptRow.profile_id == profile_id, AttemptRow.test_id == test_id)


def content_areas(s: Session, test_id: int) -> Sequence[ContentAreaRow]:
    return s.scalars(select(ContentAreaRow).where(ContentAreaRow.test_id == test_id)).all()


def tasks(s: Session, test_id: int) -> Sequence[TaskRow]:
    return s.scalars(select(TaskRow).where(TaskRow.test_id == test_id)).all()


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
    """(question id, chosen position, times) of wrong options picked more than once, most first;
    ties in question and option order, so the cut at `limit` is the same on every engine."""
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
        .order_by(func.count().desc(), ResponseRow.question_id, ResponseRow.chosen)
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
            # literal, not bound: SQLite uses the partial index only when it can see the values
            ResponseRow.confidence.in_([literal_column("1"), literal_column("2")]),
        )
        .group_by(ResponseRow.question_id)
        .order_by(
            func.max(ResponseRow.confidence).desc(),
            func.max(ResponseRow.answered_at).desc(),
            ResponseRow.question_id,
        )
        .limit(limit)
    ).all()
    return [(int(q), int(said or 0), int(n), when) for q, said, n, when in rows]


def style_tallies(
    s: Session, profile_id: int, test_id: int, styles: Sequence[str]
) -> list[tuple[str, bool | None, int | None, bool | None, bool | None, int]]:
    """Answered responses of the given styles: (style, correct, chosen, Technician A right,
    Technician B right, count) - from answer_choice, kept per answer (migration 0012)."""
    picked = AnswerChoiceRow
    rows = s.connection().execute(
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
            picked.profile_id == profile_id,
            picked.test_id == test_id,
            QuestionRow.style.in_(styles),
        )
        .group_by(
            QuestionRow.style,
            picked.correct,
            picked.chosen,
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
