"""Progress report, its PDF and class results are computed on a worker thread (real threads
here): the page opens when the result arrives, a "Loading..." note appears only for slow work,
and a result that arrives after the learner moved on does not pull them away."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.services.test_reports import sit_mock
from tests.ui.conftest import FakeDialogs, profile_of

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

GATE_TIMEOUT_S = 30

WAIT_MS = 30_000  # a loaded CI machine can take seconds to run a worker thread


@pytest.fixture
def threaded(window: MainWindow) -> MainWindow:
    """The conftest window, with its background work on real threads."""
    window.inline_work = False
    window.tasks.inline = False
    return window


class Gate:
    """Wraps a service method: records the thread it ran on and holds it until released."""

    def __init__(self, fn: Any, *, hold: bool) -> None:
        self.fn = fn
        self.threads: list[int] = []
        self.release = threading.Event()
        if not hold:
            self.release.set()

    def __call__(self, *args: Any, **kw: Any) -> Any:
        self.threads.append(threading.get_ident())
        assert self.release.wait(GATE_TIMEOUT_S)
        return self.fn(*args, **kw)


def test_progress_report_is_computed_off_the_gui_thread(
    qtbot: QtBot, threaded: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = threaded
    sit_mock(window.services, profile_of(window), "C")
    reports = window.services.reports
    gate = Gate(reports.weak_area_report, hold=True)
    monkeypatch.setattr(reports, "weak_area_report", gate)
    qtbot.mouseClick(window.home.progress, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.home  # nothing to show yet
    assert window.statusBar().currentMessage() == ""  # and no flash of "Loading..."
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() != "", timeout=WAIT_MS)
    assert window.statusBar().currentMessage() == "Loading your progress report..."
    gate.release.set()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.progress, timeout=WAIT_MS)
    assert window.progress.report.weakest_area == "C"
    assert window.statusBar().currentMessage() == ""
    assert gate.threads and threading.get_ident() not in gate.threads


def test_a_report_arriving_after_the_learner_moved_on_is_dropped(
    qtbot: QtBot, threaded: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = threaded
    reports = window.services.reports
    gate = Gate(reports.weak_area_report, hold=True)
    monkeypatch.setattr(reports, "weak_area_report", gate)
    window.show_progress("X1")
    ticket = window.flows.reports.report_ticket
    window.show_intro("X1", False)  # the learner starts a mock meanwhile
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.intro, timeout=WAIT_MS)
    gate.release.set()
    qtbot.waitUntil(lambda: ticket.finished, timeout=WAIT_MS)
    assert window.pages.currentWidget() is window.intro
    assert window.progress is None


def test_a_stale_report_never_replaces_a_newer_one(
    qtbot: QtBot, threaded: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Asked for twice (the learner clicked again while the first was computing): the first
    result, arriving first, is dropped; the page opens with the second."""
    window = threaded
    sit_mock(window.services, profile_of(window), "C")
    reports = window.services.reports
    real = reports.weak_area_report
    started = [threading.Event(), threading.Event()]
    release = [threading.Event(), threading.Event()]
    threads: list[int] = []

    def report(*args: Any, **kw: Any) -> Any:
        k = len(threads)
        threads.append(threading.get_ident())
        started[k].set()
        assert release[k].wait(GATE_TIMEOUT_S)
        return replace(real(*args, **kw), test_title=f"request {k + 1}")

    monkeypatch.setattr(reports, "weak_area_report", report)
    window.show_progress("X1")
    first = window.flows.reports.report_ticket
    qtbot.waitUntil(started[0].is_set, timeout=WAIT_MS)
    window.show_progress("X1")
    second = window.flows.reports.report_ticket
    qtbot.waitUntil(started[1].is_set, timeout=WAIT_MS)
    release[0].set()
    qtbot.waitUntil(lambda: first.finished, timeout=WAIT_MS)
    assert window.pages.currentWidget() is window.home and window.progress is None
    release[1].set()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.progress, timeout=WAIT_MS)
    shown: Any = window.progress
    assert second.finished and shown.report.test_title == "request 2"
    assert len(threads) == 2 and threading.get_ident() not in threads


def test_pdf_export_reads_the_appendix_off_the_gui_thread(
    qtbot: QtBot,
    threaded: MainWindow,
    dialogs: FakeDialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = threaded
    sit_mock(window.services, profile_of(window), "B")
    window.show_progress("X1")
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.progress, timeout=WAIT_MS)
    plans = window.services.plans
    gate = Gate(plans.report_appendix, hold=False)
    monkeypatch.setattr(plans, "report_appendix", gate)
    target = tmp_path / "report.pdf"
    dialogs.text_answers = [str(target)]
    qtbot.mouseClick(window.progress.pdf, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.status_label.text() == f"Saved {target}", timeout=WAIT_MS)
    assert target.read_bytes().startswith(b"%PDF")
    assert gate.threads and threading.get_ident() not in gate.threads


def test_class_results_load_off_the_gui_thread(
    qtbot: QtBot, threaded: MainWindow, dialogs: FakeDialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui.class_dialog import ClassDialog

    window = threaded
    svc = window.services
    sit_mock(svc, profile_of(window), "A")
    gate = Gate(svc.classroom.class_results, hold=True)
    monkeypatch.setattr(svc.classroom, "class_results", gate)
    dlg = ClassDialog(svc.classroom, ["X1"], dialogs, window)
    qtbot.addWidget(dlg)
    assert dlg.results is None and not dlg.export.isEnabled()
    qtbot.waitUntil(lambda: dlg.note.text() == "Loading the class results...", timeout=WAIT_MS)
    gate.release.set()
    qtbot.waitUntil(lambda: dlg.results is not None, timeout=WAIT_MS)
    assert dlg.learners.rowCount() == 1 and dlg.export.isEnabled()
    assert "1 learners" in dlg.note.text()
    assert threading.get_ident() not in gate.threads


def test_the_window_opens_its_class_results_threaded(
    qtbot: QtBot, threaded: MainWindow, dialogs: FakeDialogs
) -> None:
    window = threaded
    window.set_instructor_mode(True)
    window.show_class_results()  # the test list is read on a worker first
    qtbot.waitUntil(lambda: dialogs.modals != [], timeout=WAIT_MS)
    (dlg,) = dialogs.modals
    assert not dlg.runner.inline
    qtbot.waitUntil(lambda: dlg.results is not None, timeout=WAIT_MS)


def test_the_report_s_database_connection_is_checked_out_on_the_worker_thread(
    qtbot: QtBot, threaded: MainWindow
) -> None:
    """Sessions are opened inside the work, so the pooled connection is used by the worker."""
    from sqlalchemy import event

    db = threaded.services.db
    used: list[int] = []

    def on_checkout(*_args: Any) -> None:
        used.append(threading.get_ident())

    engines = {db.engine, db.read_engine}
    for engine in engines:
        event.listen(engine, "checkout", on_checkout)
    try:
        threaded.show_progress("X1")
        qtbot.waitUntil(
            lambda: threaded.pages.currentWidget() is threaded.progress, timeout=WAIT_MS
        )
    finally:
        for engine in engines:
            event.remove(engine, "checkout", on_checkout)
    assert used and threading.get_ident() not in used


def _threaded_exam(qtbot: QtBot, window: MainWindow) -> Any:
    """The exam page of a threaded window (made on first use, so made threaded)."""
    assert window.exam is None
    window.start_practice("X1", count=4)  # drawn on a worker: the page opens when it is saved
    qtbot.waitUntil(lambda: window.exam is not None, timeout=WAIT_MS)
    assert not window.exam.tasks.inline  # type: ignore[attr-defined]
    return window.exam


def test_the_score_report_is_computed_off_the_gui_thread_and_input_waits(
    qtbot: QtBot, threaded: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = threaded
    exam = _threaded_exam(qtbot, window)
    exam.choose(0)
    exams = window.services.exams
    gate = Gate(exams.submit, hold=True)
    monkeypatch.setattr(exams, "submit", gate)
    recorded: list[int] = []
    record = exams.record_response
    monkeypatch.setattr(
        exams,
        "record_response",
        lambda *a, **k: recorded.append(1) or record(*a, **k),  # type: ignore[func-returns-value]
    )
    exam.submit()
    assert exam.submitting and window.pages.currentWidget() is exam
    assert exam.isEnabled()  # not greyed out at once: a fast report never flashes
    exam.go(1)
    exam.choose(1)  # ignored while the attempt is scored
    assert exam.position == 0 and recorded == []
    qtbot.waitUntil(lambda: not exam.isEnabled(), timeout=WAIT_MS)
    assert exam.banner.text() == "Scoring your answers..."
    gate.release.set()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.report, timeout=WAIT_MS)
    assert exam.state is None and not exam.submitting and exam.isEnabled()
    assert sum(i.answered for i in window.report.report.state.items) == 1
    assert gate.threads and threading.get_ident() not in gate.threads


def test_time_up_on_the_threaded_path_shows_the_report_then_says_so(
    qtbot: QtBot, threaded: MainWindow, mono: Any, dialogs: FakeDialogs
) -> None:
    window = threaded
    window.show_intro("X1", False)
    qtbot.waitUntil(lambda: window.intro is not None, timeout=WAIT_MS)
    window.intro.start.click()
    qtbot.waitUntil(lambda: window.exam is not None, timeout=WAIT_MS)
    exam = window.exam
    assert not exam.tasks.inline
    assert exam.state.time_limit_s is not None
    mono.advance(exam.state.time_limit_s + 1)
    with qtbot.waitSignal(exam.time_up, timeout=30_000):
        exam.ticker.tick()
    assert window.pages.currentWidget() is window.report
    assert dialogs.infos[-1][0] == "Time is up"


def test_a_failed_threaded_submit_keeps_the_exam_open_and_says_so(
    qtbot: QtBot, threaded: MainWindow, dialogs: FakeDialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services.setup import DatabaseBusyError

    window = threaded
    exam = _threaded_exam(qtbot, window)
    exams = window.services.exams

    def busy(*_a: Any, **_k: Any) -> None:
        raise DatabaseBusyError("Another program is using the database /x.db")

    monkeypatch.setattr(exams, "submit", busy)
    exam.submit()
    qtbot.waitUntil(lambda: not exam.submitting, timeout=WAIT_MS)
    assert window.pages.currentWidget() is exam and exam.state is not None
    assert dialogs.errors[-1][0] == "Not saved" and "/x.db" in dialogs.errors[-1][1]
    assert exam.isEnabled()


def test_home_today_is_planned_off_the_gui_thread(
    qtbot: QtBot, threaded: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Planning Today builds the whole weak-area report: a worker thread does it, and the line
    fills in when the plan arrives."""
    window = threaded
    plans = window.services.plans
    gate = Gate(plans.plan, hold=True)
    monkeypatch.setattr(plans, "plan", gate)
    window.home.show_today("placeholder", "Start", False)
    window.refresh_home()
    assert window.home.today_label.text() == "placeholder"  # the GUI thread did not plan
    gate.release.set()
    qtbot.waitUntil(lambda: window.home.today_label.text() != "placeholder", timeout=WAIT_MS)
    assert "mock" in window.home.today_label.text().lower()
    assert window.home.today_start.isEnabled()
    assert gate.threads and threading.get_ident() not in gate.threads


def test_a_today_plan_for_a_profile_no_longer_chosen_is_dropped(
    qtbot: QtBot, threaded: MainWindow, monkeypatch: pytest.MonkeyPatch, fake_now: Any
) -> None:
    window = threaded
    first = profile_of(window)
    for _ in range(3):  # the first learner's plan is a drill on C; a new learner's is a mock
        sit_mock(window.services, first, "C")
        fake_now.advance(86400)
    other = window.services.profiles.create("Second learner").profile_id
    plans = window.services.plans
    real = plans.plan
    held = threading.Event()
    release = threading.Event()

    def plan(profile: Any, code: str, *, language: str = "en") -> Any:
        if profile == first:
            held.set()
            assert release.wait(GATE_TIMEOUT_S)
        return real(profile, code, language=language)

    monkeypatch.setattr(plans, "plan", plan)
    window.refresh_home()
    stale = window.flows.study.today_ticket
    qtbot.waitUntil(held.is_set, timeout=WAIT_MS)
    window.flows.profiles.select(other)  # the learner switches profile meanwhile
    # the chosen learner's lists are read on a worker too; Today is planned once they arrive
    qtbot.waitUntil(lambda: window.flows.study.today_ticket is not stale, timeout=WAIT_MS)
    fresh = window.flows.study.today_ticket
    qtbot.waitUntil(lambda: fresh.finished, timeout=WAIT_MS)
    shown = window.home.today_label.text()
    assert "mock" in shown.lower()
    release.set()
    qtbot.waitUntil(lambda: stale.finished, timeout=WAIT_MS)
    assert window.home.today_label.text() == shown  # the first learner's drill never appears
    from app.ui.plan_dialog import today_summary

    assert "Drill" in today_summary(real(first, "X1"))[0]  # what a stale result would have shown
