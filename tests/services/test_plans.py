"""Study plans and certifications on real migrated databases (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest

from app.domain.certification import Outcome, Standing
from app.domain.planner import Goal, PlanError, SessionKind
from app.paths import AppPaths
from app.services.plans import plan_ics, plan_json
from app.services.setup import AppServices, open_services
from tests.conftest import FakeNow
from tests.factories import write_bank
from tests.services.test_reports import sit_mock

DAY = 86400


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    return write_bank(tmp_path / "b", "X1", {"A": 4, "B": 2, "C": 2}, per_area_factor=3)


def _today(fake_now: FakeNow) -> date:
    return fake_now().date()  # 09:00 UTC: the same calendar day in any time zone UTC-9..UTC+14


def test_settings_are_committed_at_once_and_plan_to_the_date(
    services: AppServices, bank: Path, fake_now: FakeNow, app_paths: AppPaths
) -> None:
    services.banks.import_file(bank)
    pid = services.profiles.create("Ana").profile_id
    default = services.plans.plan("Ana", "X1")
    assert not default.stored and default.settings.test_date is None
    assert default.plan.sessions  # four weeks on the default evenings
    booked = _today(fake_now) + timedelta(days=30)
    services.plans.save_settings(
        pid, "x1", test_date=booked, weekdays=frozenset({0, 2, 4, 6}), minutes=30
    )
    # a second connection sees it at once: nothing waits for a later commit
    other = open_services(app_paths, fake_now)
    try:
        view = other.plans.plan("Ana", "X1")
    finally:
        other.close()
    assert view.stored and view.settings.test_date == booked and view.settings.minutes == 30
    assert all(x.day < booked and x.day.weekday() in {0, 2, 4, 6} for x in view.plan.sessions)
    assert view.plan.sessions[0].kind is SessionKind.MOCK  # no mock yet: a diagnostic first
    assert view.drill_items == 15
    # changing the date replaces the row, it does not add one
    services.plans.save_settings(
        pid, "X1", test_date=None, weekdays=frozenset({1}), minutes=60, goal=Goal.RECERTIFICATION
    )
    again = services.plans.plan(pid, "X1")
    assert again.settings.test_date is None and again.settings.goal is Goal.RECERTIFICATION
    with pytest.raises(PlanError):
        services.plans.save_settings(pid, "X1", test_date=None, weekdays=frozenset(), minutes=30)
    with pytest.raises(PlanError, match="no test"):
        services.plans.plan("Ana", "Q9")
    with pytest.raises(PlanError, match="no profile"):
        services.plans.plan("Nobody", "X1")


def test_results_drive_drills_and_a_done_day_moves_today(
    services: AppServices, bank: Path, fake_now: FakeNow
) -> None:
    services.banks.import_file(bank)
    pid = services.profiles.create("Ana").profile_id
    everyday = frozenset(range(7))
    services.plans.save_settings(
        pid, "X1", test_date=_today(fake_now) + timedelta(days=40), weekdays=everyday, minutes=45
    )
    for _ in range(3):
        sit_mock(services, pid, "C")
        fake_now.advance(DAY)
    view = services.plans.plan(pid, "X1")
    assert not view.done_today and view.today is not None
    drills = [x for x in view.plan.sessions if x.kind is SessionKind.DRILL]
    assert drills[0].focus[0].endswith("C") or drills[0].focus[0].startswith("X1.C")
    assert drills[0].focus_kind in ("area", "task")
    assert view.plan.sessions[0].kind is not SessionKind.MOCK  # a mock was sat yesterday
    # the wrong answers come due: a warm-up or a review evening
    fake_now.advance(2 * DAY)
    view = services.plans.plan(pid, "X1")
    first = view.plan.sessions[0]
    assert first.kind is SessionKind.DRILL and first.warm_up_reviews == 6
    # study today: today's session is done and the plan starts tomorrow
    st = services.exams.start_practice(pid, "X1", count=2)
    services.exams.record_response(st.attempt_id, 0, 0, elapsed_s=5, item_seconds=5)
    view = services.plans.plan(pid, "X1")
    assert view.done_today and view.today is None
    assert view.plan.sessions[0].day == _today(fake_now) + timedelta(days=1)
    planned, done = view.planned_so_far, view.done_so_far
    assert done == 4 and planned >= done  # three mock days and today


def test_missed_evenings_are_counted_not_piled(
    services: AppServices, bank: Path, fake_now: FakeNow
) -> None:
    services.banks.import_file(bank)
    pid = services.profiles.create("Ana").profile_id
    services.plans.save_settings(
        pid, "X1", test_date=None, weekdays=frozenset(range(7)), minutes=40
    )
    fake_now.advance(3 * DAY)  # three evenings missed
    view = services.plans.plan(pid, "X1")
    assert (view.planned_so_far, view.done_so_far) == (3, 0)
    assert view.plan.sessions[0].day == _today(fake_now)
    assert all(x.minutes in (40, 60) for x in view.plan.sessions)  # 60: the test's mock time


def test_certifications_are_recorded_tracked_and_removed(
    services: AppServices, fake_now: FakeNow
) -> None:
    services.profiles.create("Ana")
    today = _today(fake_now)
    for n in range(1, 9):
        services.plans.record_result("Ana", f"a{n}", date(2022, 3, 1), Outcome.PASS)
    services.plans.record_result("Ana", "A9", today - timedelta(days=10), Outcome.FAIL)
    t = services.plans.tracker("Ana")
    assert t.masters[0].held and t.masters[0].held_until == date(2027, 3, 1)
    a1 = t.status("A1")
    assert a1 is not None and a1.standing is Standing.RECERTIFY
    assert a1.lapse_costs == ("Master Automobile Technician",)
    a9 = t.status("A9")
    assert a9 is not None and a9.retake_from == today + timedelta(days=20)
    entries = services.plans.results("Ana")
    assert len(entries) == 9
    services.plans.remove_result("Ana", next(e.entry_id for e in entries if e.test_code == "A8"))
    assert services.plans.tracker("Ana").masters[0].missing == ("A8",)
    with pytest.raises(PlanError, match="future"):
        services.plans.record_result("Ana", "A1", today + timedelta(days=1), Outcome.PASS)
    with pytest.raises(PlanError, match="test code"):
        services.plans.record_result("Ana", "A 1;", today, Outcome.PASS)


def test_ics_export_parses_back_with_the_sessions(
    services: AppServices, bank: Path, fake_now: FakeNow
) -> None:
    services.banks.import_file(bank)
    pid = services.profiles.create('Ana, "the"; tech').profile_id
    booked = _today(fake_now) + timedelta(days=21)
    services.plans.save_settings(
        pid, "X1", test_date=booked, weekdays=frozenset({0, 3}), minutes=50
    )
    view = services.plans.plan(pid, "X1")
    cal = icalendar.Calendar.from_ical(plan_ics(view, fake_now()))
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(view.plan.sessions) + 1
    sessions = events[:-1]
    assert [e.decoded("DTSTART").date() for e in sessions] == [x.day for x in view.plan.sessions]
    assert [e.decoded("DURATION") for e in sessions] == [
        timedelta(minutes=x.minutes) for x in view.plan.sessions
    ]
    assert "mock" in str(sessions[0]["SUMMARY"])
    assert events[-1].decoded("DTSTART") == booked
    assert len({str(e["UID"]) for e in events}) == len(events)
    data = __import__("json").loads(plan_json(view))
    assert data["test_date"] == booked.isoformat()
    assert [s["date"] for s in data["sessions"]] == [x.day.isoformat() for x in view.plan.sessions]


def test_monthly_check_counts_submitted_practice_only(
    services: AppServices, bank: Path, fake_now: FakeNow
) -> None:
    services.banks.import_file(bank)
    pid = services.profiles.create("Ana").profile_id
    services.plans.record_result(pid, "X1", date(2024, 1, 1), Outcome.PASS)
    (check,) = services.plans.renewal_checks(pid)
    assert check.due and check.last_check is None and check.questions == 6
    sit_mock(services, pid, "C")  # a mock is not a check
    open_one = services.exams.start_practice(pid, "X1", count=6)
    assert services.plans.renewal_checks(pid)[0].due  # started, not submitted
    services.exams.submit(open_one.attempt_id, elapsed_s=30)
    (done,) = services.plans.renewal_checks(pid)
    assert not done.due and done.last_check == _today(fake_now)
    fake_now.advance(30 * DAY)
    assert services.plans.renewal_checks(pid)[0].due
