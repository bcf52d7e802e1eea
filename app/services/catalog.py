"""What a test holds: its content areas and tasks with active question counts. No Qt."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from app.storage.database import Database
from app.storage.models import BankRow, ContentAreaRow, QuestionRow, TaskRow, TestRow


@dataclass(frozen=True)
class TaskOutline:
    code: str
    text: str
    subarea: str
    questions: int


@dataclass(frozen=True)
class AreaOutline:
    letter: str
    title: str
    scored_count: int
    questions: int
    tasks: tuple[TaskOutline, ...]


class CatalogService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def outline(self, test_code: str) -> list[AreaOutline]:
        with self._db.read() as s:
            test = s.scalar(select(TestRow).where(TestRow.code == test_code))
            if test is None:
                return []
            counts = dict(
                s.execute(
                    select(QuestionRow.task_id, func.count())
                    .join(BankRow, BankRow.id == QuestionRow.bank_id)
                    .where(
                        QuestionRow.test_id == test.id,
                        QuestionRow.retired.is_(False),
                        BankRow.enabled.is_(True),
                    )
                    .group_by(QuestionRow.task_id)
                ).all()
            )
            tasks = s.scalars(
                select(TaskRow).where(TaskRow.test_id == test.id).order_by(TaskRow.id)
            ).all()
            out = []
            for a in s.scalars(
                select(ContentAreaRow)
                .where(ContentAreaRow.test_id == test.id)
                .order_by(ContentAreaRow.letter)
            ):
                mine = tuple(
                    TaskOutline(t.code, t.text, t.subarea_title, counts.get(t.id, 0))
                    for t in tasks
                    if t.area_id == a.id
                )
                out.append(
                    AreaOutline(
                        a.letter, a.title, a.scored_count, sum(t.questions for t in mine), mine
                    )
                )
            return out
