"""Exam persistence on SQLite and PostgreSQL: every answer, flag and clock save is committed at
once and survives a restart; two processes importing and answering at once lose nothing."""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.domain.ids import AttemptId
from app.paths import AppPaths
from app.services.exams import ExamError
from app.services.setup import AppServices
from app.storage.models import QuestionRow, ResponseRow
from tests.conftest import FakeNow
from tests.factories import write_bank


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    return write_bank(tmp_path / "b", "X1", {"A": 4, "B": 2, "C": 2}, per_area_factor=2)


def test_answers_flags_and_clock_survive_a_restart(
    services: AppServices,
    app_paths: AppPaths,
    bank: Path,
    fake_now: FakeNow,
) -> None:
    from app.services.setup import open_services

    services.banks.import_file(bank)
    pid = services.profiles.create("Kai").profile_id
    st = services.exams.start_mock(pid, "X1")
    assert len(st.items) == 8 and st.time_limit_s == 60 * 60 * 8 / 10
    services.exams.record_response(st.attempt_id, 0, 2, elapsed_s=12.5, item_seconds=12.5)
    services.exams.record_response(st.attempt_id, 1, 0, elapsed_s=20, item_seconds=7.5)
    services.exams.record_response(st.attempt_id, 1, None, elapsed_s=22, item_seconds=9)
    services.exams.set_flag(st.attempt_id, 3, True, elapsed_s=25)
    services.exams.save_progress(st.attempt_id, elapsed_s=31, position=3)
    services.exams.save_progress(st.attempt_id, elapsed_s=29, position=3)  # never backwards
    second = open_services(app_paths, fake_now)  # another process, same database
    try:
        (ip,) = second.exams.in_progress(pid)
        assert (ip.answered, ip.items) == (1, 8)
        back = second.exams.load(st.attempt_id)
        assert [i.chosen_shown for i in back.items][:2] == [2, None]
        assert [i.flagged for i in back.items][3] is True
        assert back.elapsed_s == 31 and back.current_position == 3
        assert back.items[0].seconds == 12.5
        report = second.exams.submit(st.attempt_id, elapsed_s=40)
        assert report.score.total == 8 and report.score.answered == 1
        with pytest.raises(ExamError, match="already been submitted"):
            second.exams.record_response(st.attempt_id, 2, 1, elapsed_s=41, item_seconds=1)
        assert second.exams.in_progress(pid) == []
    finally:
        second.close()


def test_elapsed_is_capped_at_the_time_limit(services: AppServices, bank: Path) -> None:
    services.banks.import_file(bank)
    pid = services.profiles.create("Lee").profile_id
    st = services.exams.start_mock(pid, "X1")
    services.exams.save_progress(st.attempt_id, elapsed_s=10**6, position=0)
    assert services.exams.load(st.attempt_id).elapsed_s == st.time_limit_s


def _answer_worker(url: str, data_dir: str, attempt_id: AttemptId, rounds: int) -> None:
    from app.services.setup import open_services

    svc = open_services(AppPaths(Path(data_dir), url))
    try:
        for n in range(rounds):
            st = svc.exams.load(attempt_id)
            item = st.items[n % len(st.items)]
            svc.exams.record_response(attempt_id, item.position, n % 4, elapsed_s=n, item_seconds=1)
    finally:
        svc.close()


def _import_worker(url: str, data_dir: str, folder: str, count: int) -> None:
    from app.services.setup import open_services

    svc = open_services(AppPaths(Path(data_dir), url))
    try:
        for n in range(count):
            path = write_bank(Path(folder) / f"t{n}", f"Y{n}", {"A": 3, "B": 2}, per_area_factor=4)
            svc.banks.import_file(path)
    finally:
        svc.close()


def test_two_processes_import_and_answer_at_once(
    services: AppServices,
    app_paths: AppPaths,
    bank: Path,
    tmp_path: Path,
) -> None:
    services.banks.import_file(bank)
    pid = services.profiles.create("Max").profile_id
    st = services.exams.start_mock(pid, "X1")
    ctx = mp.get_context("spawn")
    a = ctx.Process(
        target=_answer_worker, args=(app_paths.db_url, str(app_paths.data_dir), st.attempt_id, 60)
    )
    b = ctx.Process(
        target=_import_worker,
        args=(app_paths.db_url, str(app_paths.data_dir), str(tmp_path / "gen"), 6),
    )
    a.start()
    b.start()
    a.join(180)
    b.join(180)
    assert a.exitcode == 0 and b.exitcode == 0
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(QuestionRow)) == 16 + 6 * 20
        answered = s.scalar(
            select(func.count()).where(
                ResponseRow.attempt_id == st.attempt_id, ResponseRow.chosen.is_not(None)
            )
        )
    assert answered == 8  # 60 answers over 8 items: every item ends answered
    final = services.exams.load(st.attempt_id)
    assert [i.chosen_shown is not None for i in final.items] == [True] * 8


def test_the_pool_shares_one_string_per_area_and_task(services: AppServices, bank: Path) -> None:
    """A large bank's mock draws from every item: the pool must stay small (benchmarks' peak
    RSS), so items hold the same area and task strings, not a copy per row."""
    from app.domain.forms import PoolItem
    from app.storage.models import TestRow
    from app.storage.queries import attempts

    services.banks.import_file(bank)
    with services.db.read() as s:
        test = s.scalar(select(TestRow).where(TestRow.code == "X1"))
        pool = attempts.pool(s, test)  # type: ignore[arg-type]
    by_area: dict[str, list[PoolItem]] = {}
    for item in pool:
        by_area.setdefault(item.area, []).append(item)
    assert len(pool) == 16 and len(by_area["A"]) == 8
    first = by_area["A"][0]
    assert all(p.area is first.area for p in by_area["A"])
    same_task = [p for p in pool if p.task == first.task]
    assert len(same_task) > 1 and all(p.task is first.task for p in same_task)
    assert not hasattr(first, "__dict__")  # slots: one small object per item


def test_a_new_mock_replaces_the_one_in_progress_in_one_commit(
    services: AppServices, bank: Path
) -> None:
    """Start new over an attempt in progress: the new attempt and the old one's abandonment are
    one transaction, so a crash can never leave both open (or neither)."""
    from sqlalchemy import event

    services.banks.import_file(bank)
    pid = services.profiles.create("Ana").profile_id
    old = services.exams.start_mock(pid, "X1").attempt_id
    commits: list[object] = []

    def count(conn: object) -> None:
        commits.append(conn)

    event.listen(services.db.engine, "commit", count)
    try:
        new = services.exams.start_mock(pid, "X1", replacing=old).attempt_id
    finally:
        event.remove(services.db.engine, "commit", count)
    assert len(commits) == 1
    assert [p.attempt_id for p in services.exams.in_progress(pid)] == [new]
    assert services.exams.load(old).status == "abandoned"
    with pytest.raises(ExamError, match="No test"):  # a start that fails abandons nothing
        services.exams.start_mock(pid, "Z9", replacing=new)
    assert [p.attempt_id for p in services.exams.in_progress(pid)] == [new]


def test_submit_keeps_the_clock_rule_and_reports_the_clock_it_saved(
    services: AppServices, bank: Path
) -> None:
    """Submitting saves the clock by the same rule as the periodic save (never backwards, never
    past the limit) and the report shows the clock as saved, not a stale copy."""
    services.banks.import_file(bank)
    pid = services.profiles.create("Max").profile_id
    ahead = services.exams.start_mock(pid, "X1")
    services.exams.save_progress(ahead.attempt_id, elapsed_s=31, position=2)
    assert services.exams.submit(ahead.attempt_id, elapsed_s=40).state.elapsed_s == 40
    behind = services.exams.start_mock(pid, "X1")
    services.exams.save_progress(behind.attempt_id, elapsed_s=31, position=2)
    report = services.exams.submit(behind.attempt_id, elapsed_s=5)
    assert (report.state.elapsed_s, report.state.current_position) == (31, 2)
    over = services.exams.start_mock(pid, "X1")
    report = services.exams.submit(over.attempt_id, elapsed_s=10**6)
    assert report.state.elapsed_s == over.time_limit_s
    assert services.exams.load(over.attempt_id).elapsed_s == over.time_limit_s
