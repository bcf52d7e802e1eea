"""Queries behind a test's outline: its content areas and tasks, and how many active questions
(not retired, in an enabled bank) each task holds. Functions take a Session and never commit.
No Qt, no services."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.ids import TestId
from app.storage.models import BankRow, ContentAreaRow, QuestionRow, TaskRow


def active_counts_by_task(s: Session, test_id: TestId) -> dict[int, int]:
    """Task id -> active questions of the test (tasks without any are absent)."""
    rows = s.execute(
        select(QuestionRow.task_id, func.count())
        .join(BankRow, BankRow.id == QuestionRow.bank_id)
        .where(
            QuestionRow.test_id == test_id,
            QuestionRow.retired.is_(False),
            BankRow.enabled.is_(True),
        )
        .group_by(QuestionRow.task_id)
    ).all()
    return {int(task_id): int(n) for task_id, n in rows}


def tasks_of(s: Session, test_id: TestId) -> list[TaskRow]:
    """The test's tasks in the order they were stored (the bank's order)."""
    return list(s.scalars(select(TaskRow).where(TaskRow.test_id == test_id).order_by(TaskRow.id)))


def areas_of(s: Session, test_id: TestId) -> list[ContentAreaRow]:
    """The test's content areas by letter."""
    return list(
        s.scalars(
            select(ContentAreaRow)
            .where(ContentAreaRow.test_id == test_id)
            .order_by(ContentAreaRow.letter)
        )
    )
