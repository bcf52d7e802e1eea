"""The exam screen a candidate trusts: the navigator after every kind of resume, the countdown's
alarm per attempt, the intro screen before any clock starts (issue 13)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.paths import AppPaths
from tests.conftest import FakeNow
from tests.ui.conftest import FakeDialogs, FakeMonotonic, make_window, profile_of
from tests.ui.test_exam import activate, key, start_mock

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def answer_two_flag_one(qtbot: QtBot, window: MainWindow) -> list[tuple[int | None, bool]]:
    """Answer questions 1 and 3, flag 3 and (unanswered) 5; end on question 4."""
    exam = start_mock(qtbot, window)
    key(qtbot, window, Qt.Key.Key_B)
    exam.go(2)
    key(qtbot, window, Qt.Key.Key_C)
    key(qtbot, window, Qt.Key.Key_F)
    exam.go(4)
    key(qtbot, window, Qt.Key.Key_F)
    exam.go(3)
    return [(i.chosen_shown, i.flagged) for i in exam.state.items]


def assert_navigator_shows(exam: Any) -> None:
    """Every navigator button tells (in words and style) what its question's saved state is."""
    names = [b.accessibleName() for b in exam.nav_buttons]
    assert names[0] == "Question 1, answered"
    assert names[1] == "Question 2, not answered"
    assert names[2] == "Question 3, flagged for review, answered"
    assert names[4] == "Question 5, flagged for review, not answered"
    assert names[3] == "Question 4, not answered"  # the current one
    assert "background" in exam.nav_buttons[0].styleSheet()
    assert "background" in exam.nav_buttons[2].styleSheet()
    assert "background" not in exam.nav_buttons[1].styleSheet()
    # flagged-answered and flagged-unanswered differ in their text as well as their colour
    assert exam.nav_buttons[2].text() != exam.nav_buttons[4].text()
    assert exam.nav_buttons[2].styleSheet() != exam.nav_buttons[4].styleSheet()
    assert exam.counter.text() == "Question 4 of 8"


def test_navigator_after_save_and_leave_then_resume(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs
) -> None:
    before = answer_two_flag_one(qtbot, window)
    qtbot.mouseClick(window.exam.leave_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.home
    qtbot.waitUntil(lambda: window.home.resume.isEnabled())
    qtbot.mouseClick(window.home.resume, Qt.MouseButton.LeftButton)
    exam = window.exam
    assert window.pages.currentWidget() is exam
    assert [(i.chosen_shown, i.flagged) for i in exam.state.items] == before
    assert_navigator_shows(exam)


def _second_window(qtbot: QtBot, paths: AppPaths, fake_now: FakeNow) -> Any:
    d2, m2 = FakeDialogs(), FakeMonotonic()
    d2.confirm_answers = [True]  # resume the attempt offered at start-up
    w2 = make_window(qtbot, paths, d2, m2, fake_now, None)
    assert d2.confirms and "in progress" in d2.confirms[0]
    assert w2.pages.currentWidget() is w2.exam
    return w2


def test_navigator_after_normal_close_then_resume(
    qtbot: QtBot, tmp_path: Path, exam_bank: Path, fake_now: FakeNow
) -> None:
    paths = AppPaths(data_dir=tmp_path / "d", db_url=f"sqlite:///{tmp_path / 'close.db'}")
    w1 = make_window(qtbot, paths, FakeDialogs(), FakeMonotonic(), fake_now, exam_bank)
    before = answer_two_flag_one(qtbot, w1)
    w1.close()  # closeEvent saves and leaves
    assert w1.exam.state is None
    w1.services.close()
    w2 = _second_window(qtbot, paths, fake_now)
    assert [(i.chosen_shown, i.flagged) for i in w2.exam.state.items] == before
    assert_navigator_shows(w2.exam)
    w2.exam.stop_clock()
    w2.services.close()


def test_navigator_after_kill_then_resume(
    qtbot: QtBot, tmp_path: Path, exam_bank: Path, fake_now: FakeNow
) -> None:
    paths = AppPaths(data_dir=tmp_path / "d", db_url=f"sqlite:///{tmp_path / 'kill.db'}")
    w1 = make_window(qtbot, paths, FakeDialogs(), FakeMonotonic(), fake_now, exam_bank)
    before = answer_two_flag_one(qtbot, w1)
    w1.exam.ticker.stop()  # the process dies: no leave(), no submit; answers were committed
    w2 = _second_window(qtbot, paths, fake_now)
    assert [(i.chosen_shown, i.flagged) for i in w2.exam.state.items] == before
    # the position is saved with each answer or flag: the last flag was on question 5
    assert w2.exam.counter.text() == "Question 5 of 8"
    w2.exam.go(3)
    assert_navigator_shows(w2.exam)
    w2.exam.stop_clock()
    w2.services.close()
    w1.exam.stop_clock()
    w1.services.close()


def test_countdown_alarm_is_per_attempt(
    qtbot: QtBot, window: MainWindow, mono: FakeMonotonic, dialogs: FakeDialogs
) -> None:
    exam = start_mock(qtbot, window)
    mono.advance(exam.state.time_limit_s - 200)
    exam.ticker.tick()
    assert "#c62828" in exam.countdown.styleSheet()
    exam.leave()
    # a new mock (the old one abandoned) starts calm, and so does a timed practice
    dialogs.confirm_answers = [True]
    start_mock(qtbot, window)
    assert "#c62828" not in exam.countdown.styleSheet()
    mono.advance(exam.state.time_limit_s - 100)
    exam.ticker.tick()
    assert "#c62828" in exam.countdown.styleSheet()
    exam.leave()
    window.start_practice("X1", count=8, timed=True)  # 12.8 min: not low
    assert window.exam.state.mode == "practice"
    assert "#c62828" not in exam.countdown.styleSheet()


def test_double_click_on_a_test_opens_the_intro_and_starts_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    activate(qtbot, window)
    table = window.home.table
    rect = table.visualRect(window.home.model.index(0, 1))
    # a real double-click is press, release, then the double-click event
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.intro)
    assert window.services.exams.in_progress(profile_of(window)) == []
    assert window.exam is None or window.exam.state is None
    assert window.intro.start.hasFocus()
    # Esc goes back; Enter on the row opens the intro again; still no attempt
    key(qtbot, window, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.home
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.intro
    assert window.services.exams.in_progress(profile_of(window)) == []
    # Enter on the focused Start button starts the clock
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.exam)
    assert window.exam.state is not None and window.exam.state.mode == "mock"
    assert len(window.services.exams.in_progress(profile_of(window))) == 1


def test_intro_says_items_time_and_why(qtbot: QtBot, window: MainWindow) -> None:
    svc = window.services
    svc.profiles.set_accommodations(profile_of(window), time_multiplier=1.5, hide_countdown=True)
    window.show_intro("X1", False)
    intro = window.intro
    heading = intro.heading.text()
    assert "X1" in heading and "Learner" in heading
    summary = intro.summary.text()
    assert "<b>8</b> questions" in summary
    timing = intro.timing.text()
    # the bank's blueprint: 16 minutes for 8 scored + 2 research items
    assert "16 minutes for 10 questions" in timing
    assert "research items are off" in timing and "12 min 48 s" in timing
    assert "1.5 times the time: 19 min 12 s" in timing
    assert "countdown is hidden" in timing
    rules = intro.rules.text()
    for word in ("Flag", "navigator", "Review and submit", "time is up", "unanswered"):
        assert word.lower() in rules.lower(), word
    assert "Ctrl+R" in intro.keys.text()
    qtbot.mouseClick(intro.start, Qt.MouseButton.LeftButton)
    assert window.exam.state.time_limit_s == 16 * 60 * 8 / 10 * 1.5
    assert window.exam.state.items and len(window.exam.state.items) == 8


def test_intro_with_research_items_matches_the_form(qtbot: QtBot, window: MainWindow) -> None:
    window.show_intro("X1", True)
    assert "research items are off" not in window.intro.timing.text()
    assert "2 unscored research" in window.intro.summary.text()
    qtbot.mouseClick(window.intro.start, Qt.MouseButton.LeftButton)
    assert len(window.exam.state.items) == 10
    assert window.exam.state.time_limit_s == 16 * 60


def test_intro_warns_about_the_attempt_in_progress(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs
) -> None:
    start_mock(qtbot, window)
    window.exam.leave()
    window.show_intro("X1", False)
    assert window.intro.warning.isVisibleTo(window)
    assert "an X1 mock in progress" in window.intro.warning.text()
    dialogs.confirm_answers = [False]
    qtbot.mouseClick(window.intro.start, Qt.MouseButton.LeftButton)
    assert "You already have an X1 mock in progress" in dialogs.confirms[-1]
    assert window.pages.currentWidget() is window.intro  # declined: nothing abandoned


def test_time_up_says_the_answers_were_submitted(
    qtbot: QtBot, window: MainWindow, mono: FakeMonotonic, dialogs: FakeDialogs
) -> None:
    exam = start_mock(qtbot, window)
    pos = next((i.position for i in exam.state.items if i.exhibit), None)
    if pos is not None:
        exam.go(pos)
        assert exam.exhibit_pane.isVisibleTo(window)
    mono.advance(exam.state.time_limit_s + 1)
    exam.ticker.tick()
    assert window.pages.currentWidget() is window.report
    assert dialogs.infos[-1] == (
        "Time is up",
        "Time is up - your answers were submitted. Your score report is on the screen.",
    )
    assert "Time is up" in window.statusBar().currentMessage()
    # nothing of the exam (no exhibit window) is left over the report
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]


def test_review_header_and_flag_button_speak_of_the_review(
    qtbot: QtBot, window: MainWindow
) -> None:
    exam = start_mock(qtbot, window)
    key(qtbot, window, Qt.Key.Key_F)
    assert exam.flag_button.isChecked()
    assert exam.flag_button.text().startswith("\u2691 Flagged")
    assert "#f9a825" in exam.flag_button.styleSheet()
    assert exam.flag_button.accessibleName() == "Flagged for review"
    key(qtbot, window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert exam.counter.text() == "Review"
    assert not exam.flag_button.isVisibleTo(window)
    key(qtbot, window, Qt.Key.Key_F)  # no hidden question is flagged or unflagged
    assert exam.state.items[0].flagged
    row = exam.review.flagged.item(0).text()
    assert row.startswith("Question 1 (\u2691 not answered)")
    qtbot.mouseClick(exam.review.back, Qt.MouseButton.LeftButton)
    assert exam.counter.text() == "Question 1 of 8" and exam.flag_button.isVisibleTo(window)
    key(qtbot, window, Qt.Key.Key_F)
    assert exam.flag_button.text() == "Flag for review (F)" and exam.flag_button.styleSheet() == ""


def test_header_and_question_stay_put_as_time_runs(
    qtbot: QtBot, tmp_path: Path, fake_now: FakeNow
) -> None:
    from tests.factories import write_bank

    bank = write_bank(tmp_path / "long", "X1", {"A": 4, "B": 2, "C": 2}, minutes=100)
    paths = AppPaths(data_dir=tmp_path / "d", db_url=f"sqlite:///{tmp_path / 'long.db'}")
    mono = FakeMonotonic()
    window = make_window(qtbot, paths, FakeDialogs(), mono, fake_now, bank)
    exam = start_mock(qtbot, window)  # 80 minutes: the clock starts above an hour
    qtbot.waitUntil(lambda: exam.counter.x() > 0)
    assert exam.countdown.text().startswith("Time left 1:")

    def where() -> tuple[int, int, int]:
        stem_y = exam.stem.mapTo(window, exam.stem.rect().topLeft()).y()
        return exam.counter.x(), exam.countdown.width(), stem_y

    before = where()
    mono.advance(exam.state.time_limit_s - 3500)
    exam.ticker.tick()
    assert exam.countdown.text().startswith("Time left 58:")
    mono.advance(3500 - 599)
    exam.ticker.tick()
    assert exam.banner.isVisible() and "10 minutes remain" in exam.banner.text()
    QApplication.processEvents()
    assert where() == before
    exam.stop_clock()
    window.services.close()


def test_unanswered_is_not_wrong_in_report_practice_or_review_queue(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs, fake_now: FakeNow
) -> None:
    exam = start_mock(qtbot, window)
    items = exam.state.items
    key(
        qtbot,
        window,
        [Qt.Key.Key_A, Qt.Key.Key_B, Qt.Key.Key_C, Qt.Key.Key_D][(items[0].key + 1) % 4],
    )  # question 1 wrong; the other seven left blank
    dialogs.confirm_answers = [True]
    exam.confirm_submit()
    report = window.report
    assert "Answered 1 of 8: 1 wrong, 7 unanswered" in report.heading.text()
    assert report.practise.text() == "Practise the 1 I got wrong and 7 unanswered"
    report.filter.setCurrentText("Wrong")
    assert report.items.count() == 1
    # the spaced-review queue holds the one missed, not the seven never answered
    svc = window.services
    assert svc.reviews.queue_size(profile_of(window)) == 1
    fake_now.advance(86400)
    assert svc.reviews.due_question_ids(profile_of(window), "X1") == [items[0].question_id]
    assert svc.exams.wrong_question_ids(report.report.state.attempt_id) == [items[0].question_id]


# the offscreen platform (tests only) says this of every new top-level window
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_exhibit_opens_from_the_score_report_beside_it(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs
) -> None:
    activate(qtbot, window)
    window.start_practice("X1", count=16)  # the whole pool, so the exhibit item is in it
    exam = window.exam
    pos = next(i.position for i in exam.state.items if i.exhibit)
    dialogs.confirm_answers = [True]
    exam.confirm_submit()
    report = window.report
    report.filter.setCurrentIndex(0)  # all questions
    report.items.setCurrentRow(0)
    assert not report.show_exhibit.isEnabled() or report.report.state.items[0].exhibit
    report.items.setCurrentRow(pos)
    assert report.show_exhibit.isEnabled()
    qtbot.mouseClick(report.show_exhibit, Qt.MouseButton.LeftButton)
    viewer = report._exhibit_window
    assert viewer is not None and viewer.isVisible() and not viewer.isModal()
    assert not dialogs.modals  # not through the modal path: the report stays usable
    assert viewer.image.pixmap().width() > 400
    assert window.pages.currentWidget() is report
    qtbot.mouseClick(report.home, Qt.MouseButton.LeftButton)
    assert not viewer.isVisible()  # it does not outlive the report


def test_class_results_tell_blank_from_answered(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs
) -> None:
    from app.ui.class_dialog import ClassDialog

    svc = window.services
    pid = svc.profiles.create("Avery").profile_id
    st = svc.exams.start_mock(pid, "X1")
    first = st.items[0]
    svc.exams.record_response(
        st.attempt_id, 0, (first.key + 1) % 4, elapsed_s=10, item_seconds=10
    )  # one wrong answer, seven blank
    svc.exams.submit(st.attempt_id, elapsed_s=20)
    dlg = ClassDialog(svc.classroom, ["X1"], dialogs, window, run_sync=True)
    qtbot.addWidget(dlg)
    assert "8 questions put to them" in dlg.note.text() and "left blank" in dlg.note.text()
    heads = [dlg.items.horizontalHeaderItem(c).text() for c in range(dlg.items.columnCount())]
    blank = sum(int(dlg.items.item(r, heads.index("Blank")).text()) for r in range(8))  # type: ignore[misc]
    assert blank == 7
    row = next(
        r for r in range(dlg.learners.rowCount()) if dlg.learners.item(r, 0).text() == "Avery"
    )
    assert dlg.learners.item(row, 4).text() == "1"  # answered: the blanks are not answers


def test_home_start_button_says_it_opens_the_intro(window: MainWindow) -> None:
    assert window.home.start.text() == "Mock exam... (Enter)"  # an ellipsis: a step comes first
