"""Queries behind item recalibration: every learner's counted, scored answers per question of a
test, and how many learners sat it. Takes a Session, never commits. No Qt, no services.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, bindparam, case, distinct, func, or_, select
from sqlalchemy.engine import Connection

from app.domain.ids import TestId
from app.domain.mastery import ItemTally
from app.storage.connection import connection_of
from app.storage.tables import attempt_table as _attempt
from app.storage.tables import question_table as _question
from app.storage.tables import response_table as _response
from app.storage.tables import task_table as _task

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def item_tallies(s: Session | Connection, test_id: TestId) -> list[ItemTally]:
    """Per question of the test, every profile's counted, scored answers (one aggregation):
    answered ones, and the unanswered ones of submitted timed forms (they count as wrong)."""
    rows = s.execute(
        select(
            _question.c.id,
            _task.c.code,
            _question.c.difficulty,
            func.count(),
            func.sum(case((_response.c.correct.is_(True), 1), else_=0)),
            func.count(distinct(_attempt.c.profile_id)),
        )
        .select_from(_response)
        .join(_attempt, _attempt.c.id == _response.c.attempt_id)
        .join(_question, _question.c.id == _response.c.question_id)
        .join(_task, _task.c.id == _question.c.task_id)
        .where(
            _attempt.c.test_id == test_id,
            _response.c.scored.is_(True),
            or_(
                _response.c.chosen.is_not(None),
                and_(_attempt.c.mode.in_(("mock", "recert")), _attempt.c.status == "submitted"),
            ),
        )
        .group_by(_question.c.id, _task.c.code, _question.c.difficulty)
    ).all()
    return [
        ItemTally(int(q), str(task), int(d or 2), int(n), int(c or 0), int(k))
        for q, task, d, n, c, k in rows
    ]


def learners(s: Session | Connection, test_id: TestId) -> int:
    """Profiles with any attempt on the test."""
    n = connection_of(s).execute(_learners_query(), {"test_id": test_id}).scalar()
    return int(n or 0)


@cache
def _learners_query() -> Any:
    """learners' statement, built once: every report sends it."""
    return select(func.count(distinct(_attempt.c.profile_id))).where(
        _attempt.c.test_id == bindparam("test_id")
    )
