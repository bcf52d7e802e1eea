"""Item difficulty recalibrated from many learners' answers in one database (a classroom's), on
SQLite and PostgreSQL, and the report's model reading it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.ids import ProfileId, QuestionId, TestId
from app.services.calibration import recalibrated_cells
from app.services.setup import AppServices
from app.storage.models import QuestionRow, TaskRow, TestRow
from app.storage.queries.calibration import item_tallies
from tests.conftest import FakeNow
from tests.factories import write_bank


def _answer(services, pid: ProfileId, qid: QuestionId, right: bool) -> None:  # type: ignore[no-untyped-def]
    st = services.exams.start_practice(pid, "X1", count=1, question_ids=[qid])
    item = st.items[0]
    pick = item.key if right else (item.key + 1) % 4
    services.exams.record_response(st.attempt_id, 0, pick, elapsed_s=1, item_seconds=1)


def test_an_item_everyone_misses_is_recalibrated_harder(
    services: AppServices,
    tmp_path: Path,
    fake_now: FakeNow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services.banks.import_file(write_bank(tmp_path / "b", "X1", {"A": 2, "B": 2}))
    with services.db.read() as s:
        tid = s.scalar(select(TestRow.id).where(TestRow.code == "X1"))
        assert tid is not None
        rows = s.execute(
            select(QuestionRow.id, TaskRow.code, QuestionRow.difficulty)
            .join(TaskRow, TaskRow.id == QuestionRow.task_id)
            .where(QuestionRow.test_id == tid)
            .order_by(QuestionRow.id)
        ).all()
    by_task: dict[str, list[QuestionId]] = {}
    for qid, task, rating in rows:
        assert rating == 2
        by_task.setdefault(task, []).append(qid)
    (hard_task, (hard, easy, *_)), (_, (other, *_)) = [
        kv for kv in by_task.items() if len(kv[1]) >= 2
    ][:2]
    pids = [services.profiles.create(f"P{k}").profile_id for k in range(3)]
    for pid in pids[:2]:  # two learners: too few to recalibrate anything
        for _ in range(12):
            _answer(services, pid, hard, right=False)
    with services.db.read() as s:
        assert recalibrated_cells(s, tid) == {}
    for pid in pids:
        for _ in range(12 if pid == pids[2] else 0):
            _answer(services, pid, hard, right=False)
        for qid in (easy, other):
            for _ in range(12):
                _answer(services, pid, qid, right=True)
        fake_now.advance(60)
    with services.db.read() as s:
        tallies = {t.question_id: t for t in item_tallies(s, TestId(tid))}
        assert (tallies[hard].n, tallies[hard].correct, tallies[hard].learners) == (36, 0, 3)
        cells = recalibrated_cells(s, tid)
    assert cells[(hard_task, 2)] > 0.5  # the item nobody gets right is harder than rated
    # the report's model is given the recalibration
    from app.domain import mastery
    from app.services import reports

    given: list[object] = []

    def spy(answers, pool, task_area, **kw):  # type: ignore[no-untyped-def]
        given.append(kw.get("recalibrated"))
        return mastery.fit(answers, pool, task_area, **kw)

    monkeypatch.setattr(reports, "fit", spy)
    services.reports.weak_area_report(pids[0], "X1")
    assert given == [cells]
