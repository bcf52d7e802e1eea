"""Queries behind item recalibration: every learner's counted, scored answers per question of a
test, and how many learners sat it. Takes a Session, never commits. No Qt, no services.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import and_, bindparam, case, distinct, func, or_, select
from sqlalchemy.orm import Session

from app.domain.ids import TestId
from app.domain.mastery import ItemTally
from app.storage.models import AttemptRow, QuestionRow, ResponseRow, TaskRow


def item_tallies(s: Session, test_id: TestId) -> list[ItemTally]:
    """Per question of the test, every profile's counted, scored answers (one aggregation):
    answered ones, and the unanswered ones of submitted timed forms (they count as wrong)."""
    rows = s.execute(
        select(
            QuestionRow.id,
            TaskRow.code,
            QuestionRow.difficulty,
            func.count(),
            func.sum(case((ResponseRow.correct.is_(True), 1), else_=0)),
            func.count(distinct(AttemptRow.profile_id)),
        )
        .select_from(ResponseRow)
        .join(AttemptRow, AttemptRow.id == ResponseRow.attempt_id)
        .join(QuestionRow, QuestionRow.id == ResponseRow.question_id)
        .join(TaskRow, TaskRow.id == QuestionRow.task_id)
        .where(
            AttemptRow.test_id == test_id,
            ResponseRow.scored.is_(True),
            or_(
                ResponseRow.chosen.is_not(None),
                and_(AttemptRow.mode.in_(("mock", "recert")), AttemptRow.status == "submitted"),
            ),
        )
        .group_by(QuestionRow.id, TaskRow.code, QuestionRow.difficulty)
    ).all()
    return [
        ItemTally(int(q), str(task), int(d or 2), int(n), int(c or 0), int(k))
        for q, task, d, n, c, k in rows
    ]


def learners(s: Session, test_id: TestId) -> int:
    """Profiles with any attempt on the test."""
    n = s.connection().execute(_learners_query(), {"test_id": test_id}).scalar()
    return int(n or 0)


@cache
def _learners_query() -> Any:
    """learners' statement, built once: every report sends it."""
    return select(func.count(distinct(AttemptRow.profile_id))).where(
        AttemptRow.test_id == bindparam("test_id")
    )
