"""The intro screen offers the full test or the recertification test; the choice reaches the
attempt, the exam behaves as a timed exam, and the report names it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import profile_of
from tests.ui.test_exam import activate

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def test_intro_offers_the_recertification_test(qtbot: QtBot, window: MainWindow) -> None:
    activate(qtbot, window)
    window.show_intro("X1", True)
    intro = window.intro
    assert intro.form_choice.full.isChecked() and intro.form_choice.recert.isEnabled()
    assert "<b>10</b> questions" in intro.summary.text()
    qtbot.mouseClick(intro.form_choice.recert, Qt.MouseButton.LeftButton)
    assert intro.recert_chosen()
    # X1: 8 scored in 16 min for 10 items -> an estimated 4 items in 10 min, no research items
    assert "<b>4</b> questions (all scored, no research items)" in intro.summary.text()
    assert "10 min" in intro.summary.text()
    assert "Recertification test (X1R)" in intro.heading.text()
    assert "estimate" in intro.timing.text()
    qtbot.mouseClick(intro.start, Qt.MouseButton.LeftButton)
    exam = window.exam
    assert exam is not None
    assert window.pages.currentWidget() is exam
    assert exam.state.mode == "recert" and len(exam.state.items) == 4
    assert all(i.scored for i in exam.state.items)
    assert exam.state.time_limit_s == 10 * 60
    # a timed exam: no right/wrong shown after answering
    qtbot.keyClick(exam, Qt.Key.Key_A)
    assert exam.state.items[0].answered and not exam.feedback.isVisibleTo(exam)
    exam.submit()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.report)
    assert "Recertification test report" in window.report.heading.text()


def test_back_to_the_intro_starts_at_the_full_test(qtbot: QtBot, window: MainWindow) -> None:
    window.show_intro("X1", False)
    window.intro.form_choice.recert.setChecked(True)
    window.go_home()
    window.show_intro("X1", False)
    assert not window.intro.recert_chosen()
    assert "<b>8</b> questions" in window.intro.summary.text()
    window.show_intro("X1", False, recert=True)  # a planned recertification session
    assert window.intro.recert_chosen()


def test_progress_counts_recert_apart(qtbot: QtBot, window: MainWindow) -> None:
    from app.ui.progress_page import attempts_text

    svc, pid = window.services, profile_of(window)
    st = svc.exams.start_mock(pid, "X1", recert=True)
    for n, item in enumerate(st.items):
        svc.exams.record_response(st.attempt_id, n, item.key, elapsed_s=n, item_seconds=1)
    svc.exams.submit(st.attempt_id, elapsed_s=9)
    r = svc.reports.weak_area_report(pid, "X1")
    text = attempts_text(r)
    assert "Full mock exams: none yet" in text
    assert "Recertification tests: 1 sat, last 100 % (passed)" in text
    assert "sat, last" in text
