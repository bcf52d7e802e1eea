"""What a test holds: its content areas and tasks with active question counts. No Qt."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.ids import TestId
from app.storage.database import Database
from app.storage.queries import attempts as attempt_queries
from app.storage.queries import catalog as queries


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
            test = attempt_queries.test_by_code(s, test_code)
            if test is None:
                return []
            test_id = TestId(test.id)
            counts = queries.active_counts_by_task(s, test_id)
            tasks = queries.tasks_of(s, test_id)
            out = []
            for a in queries.areas_of(s, test_id):
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
