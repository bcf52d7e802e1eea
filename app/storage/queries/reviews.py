"""Queries about the spaced-review queue: a profile's card for a question, what is due now (per
test, or the questions of one test), and the queue's size. Never commit. The counts use the Core
tables and take a Session or a Core Connection (the home reads them without the ORM).
No Qt, no services.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.engine import Connection

from app.domain.ids import ProfileId, QuestionId, TestId
from app.storage.connection import connection_of
from app.storage.tables import question_table as _question
from app.storage.tables import review_card_table as _card
from app.storage.tables import test_table as _test

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.storage.models import ReviewCardRow


def card(s: Session, profile_id: ProfileId, question_id: QuestionId) -> ReviewCardRow | None:
    from app.storage.models import ReviewCardRow

    return s.scalar(
        select(ReviewCardRow).where(
            ReviewCardRow.profile_id == profile_id, ReviewCardRow.question_id == question_id
        )
    )


def due_count(
    s: Session | Connection, profile_id: ProfileId, test_id: TestId, now: datetime
) -> int:
    """Cards of the test's unretired questions due at `now`: what a review session of the test
    would hold (the report and the plan both count with this)."""
    n = (
        connection_of(s)
        .execute(_due_count_query(), {"profile_id": profile_id, "test_id": test_id, "now": now})
        .scalar()
    )
    return int(n or 0)


@cache
def _due_count_query() -> Any:
    """due_count's statement, built once (with bound parameters): building it per call cost
    more than SQLite takes to answer it."""
    return (
        select(func.count())
        .select_from(_card)
        .join(_question, _question.c.id == _card.c.question_id)
        .where(
            _card.c.profile_id == bindparam("profile_id"),
            _question.c.test_id == bindparam("test_id"),
            _card.c.due <= bindparam("now"),
            _question.c.retired.is_(False),
        )
    )


def due_counts(s: Session | Connection, profile_id: ProfileId, now: datetime) -> dict[str, int]:
    """Test code -> cards of unretired questions due at `now`."""
    rows = s.execute(
        select(_test.c.code, func.count())
        .join(_question, _question.c.test_id == _test.c.id)
        .join(_card, _card.c.question_id == _question.c.id)
        .where(
            _card.c.profile_id == profile_id,
            _card.c.due <= now,
            _question.c.retired.is_(False),
        )
        .group_by(_test.c.code)
    ).all()
    return {code: int(n) for code, n in rows}


def due_question_ids(
    s: Session | Connection, profile_id: ProfileId, test_code: str, now: datetime, limit: int
) -> list[QuestionId]:
    """The test's unretired questions due at `now`, longest overdue first."""
    return [
        QuestionId(q)
        for q in s.scalars(
            select(_card.c.question_id)
            .join(_question, _question.c.id == _card.c.question_id)
            .join(_test, _test.c.id == _question.c.test_id)
            .where(
                _card.c.profile_id == profile_id,
                _test.c.code == test_code,
                _card.c.due <= now,
                _question.c.retired.is_(False),
            )
            .order_by(_card.c.due)
            .limit(limit)
        )
    ]


def queue_size(s: Session | Connection, profile_id: ProfileId) -> int:
    """Every card of the profile, due or not."""
    n = s.scalar(select(func.count()).where(_card.c.profile_id == profile_id))
    return int(n or 0)
