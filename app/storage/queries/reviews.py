"""Queries about the spaced-review queue: a profile's card for a question, what is due now (per
test, or the questions of one test), and the queue's size. Take a Session, never commit.
No Qt, no services.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from app.domain.ids import ProfileId, QuestionId, TestId
from app.storage.models import QuestionRow, ReviewCardRow, TestRow


def card(s: Session, profile_id: ProfileId, question_id: QuestionId) -> ReviewCardRow | None:
    return s.scalar(
        select(ReviewCardRow).where(
            ReviewCardRow.profile_id == profile_id, ReviewCardRow.question_id == question_id
        )
    )


def due_count(s: Session, profile_id: ProfileId, test_id: TestId, now: datetime) -> int:
    """Cards of the test's unretired questions due at `now`: what a review session of the test
    would hold (the report and the plan both count with this)."""
    n = (
        s.connection()
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
        .select_from(ReviewCardRow)
        .join(QuestionRow, QuestionRow.id == ReviewCardRow.question_id)
        .where(
            ReviewCardRow.profile_id == bindparam("profile_id"),
            QuestionRow.test_id == bindparam("test_id"),
            ReviewCardRow.due <= bindparam("now"),
            QuestionRow.retired.is_(False),
        )
    )


def due_counts(s: Session, profile_id: ProfileId, now: datetime) -> dict[str, int]:
    """Test code -> cards of unretired questions due at `now`."""
    rows = s.execute(
        select(TestRow.code, func.count())
        .join(QuestionRow, QuestionRow.test_id == TestRow.id)
        .join(ReviewCardRow, ReviewCardRow.question_id == QuestionRow.id)
        .where(
            ReviewCardRow.profile_id == profile_id,
            ReviewCardRow.due <= now,
            QuestionRow.retired.is_(False),
        )
        .group_by(TestRow.code)
    ).all()
    return {code: int(n) for code, n in rows}


def due_question_ids(
    s: Session, profile_id: ProfileId, test_code: str, now: datetime, limit: int
) -> list[QuestionId]:
    """The test's unretired questions due at `now`, longest overdue first."""
    return [
        QuestionId(q)
        for q in s.scalars(
            select(ReviewCardRow.question_id)
            .join(QuestionRow, QuestionRow.id == ReviewCardRow.question_id)
            .join(TestRow, TestRow.id == QuestionRow.test_id)
            .where(
                ReviewCardRow.profile_id == profile_id,
                TestRow.code == test_code,
                ReviewCardRow.due <= now,
                QuestionRow.retired.is_(False),
            )
            .order_by(ReviewCardRow.due)
            .limit(limit)
        )
    ]


def queue_size(s: Session, profile_id: ProfileId) -> int:
    """Every card of the profile, due or not."""
    n = s.scalar(select(func.count()).where(ReviewCardRow.profile_id == profile_id))
    return int(n or 0)
