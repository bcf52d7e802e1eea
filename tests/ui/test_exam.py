"""A whole mock exam driven by keyboard; timer expiry; crash and resume; practice feedback."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.paths import AppPaths
from tests.conftest import FakeNow
from tests.ui.conftest import FakeDialogs, FakeMonotonic, make_window, profile_of

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def key(
    qtbot: QtBot,
    window: MainWindow,
    k: Qt.Key,
    mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, k, mod)


LETTERS = [Qt.Key.Key_A, Qt.Key.Key_B, Qt.Key.Key_C, Qt.Key.Key_D]


def activate(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def start_mock(qtbot: QtBot, window: MainWindow) -> Any:
    activate(qtbot, window)
    qtbot.waitUntil(lambda: window.home.start.isEnabled())
    qtbot.mouseClick(window.home.start, Qt.MouseButton.LeftButton)
    # a threaded window prepares the intro and the attempt on a worker: wait for each page
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.intro)
    assert window.exam is None or window.exam.state is None  # nothing starts before the intro
    qtbot.mouseClick(window.intro.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.exam)
    return window.exam


def test_home_lists_test_with_profile(window: MainWindow) -> None:
    assert window.home.profile.currentText() == "Learner"
    row = window.home.model.rows[0]
    assert (row.code, row.questions, row.scored_count) == ("X1", 16, 8)


def test_whole_exam_by_keyboard(
    qtbot: QtBot, window: MainWindow, mono: FakeMonotonic, dialogs: FakeDialogs
) -> None:
    exam = start_mock(qtbot, window)
    state = exam.state
    assert len(state.items) == 8
    assert exam.counter.text() == "Question 1 of 8"
    assert sorted(i.area for i in state.items) == ["A"] * 4 + ["B"] * 2 + ["C"] * 2
    # answer every question with its key except the last two (one wrong, one left blank)
    keys = {}
    for n in range(8):
        item = exam.item
        assert exam.counter.text() == f"Question {n + 1} of 8"
        mono.advance(20)
        if n < 6:
            pick = item.key
        elif n == 6:
            pick = (item.key + 1) % 4
        else:
            pick = None
        if pick is not None:
            key(
                qtbot,
                window,
                [Qt.Key.Key_A, Qt.Key.Key_2, Qt.Key.Key_C, Qt.Key.Key_4][pick]
                if pick in (0, 2)
                else [Qt.Key.Key_1, Qt.Key.Key_B, Qt.Key.Key_3, Qt.Key.Key_D][pick],
            )
            assert exam.item.chosen_shown == pick
            keys[n] = pick
        if n == 3:
            key(qtbot, window, Qt.Key.Key_F)
            assert exam.item.flagged
        if n < 7:
            key(qtbot, window, Qt.Key.Key_Right if n % 2 else Qt.Key.Key_N)
    key(qtbot, window, Qt.Key.Key_P)
    assert exam.counter.text() == "Question 7 of 8"
    key(qtbot, window, Qt.Key.Key_Left)
    assert exam.counter.text() == "Question 6 of 8"
    # navigator jump
    qtbot.mouseClick(exam.nav_buttons[2], Qt.MouseButton.LeftButton)
    assert exam.counter.text() == "Question 3 of 8"
    assert "answered" in exam.nav_buttons[0].accessibleName()
    assert "flagged" in exam.nav_buttons[3].accessibleName()
    # review screen
    key(qtbot, window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert exam.stack.currentIndex() == 1
    assert exam.review.unanswered.count() == 1 and exam.review.flagged.count() == 1
    exam.review.jump_requested.emit(exam.review.unanswered.item(0).data(Qt.ItemDataRole.UserRole))
    assert exam.counter.text() == "Question 8 of 8" and exam.stack.currentIndex() == 0
    key(qtbot, window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialogs.confirm_answers = [False]
    qtbot.mouseClick(exam.review.submit, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is exam  # cancelled
    assert "1 unanswered (they earn no points), 1 flagged" in dialogs.confirms[-1]
    dialogs.confirm_answers = [True]
    qtbot.mouseClick(exam.review.submit, Qt.MouseButton.LeftButton)
    report = window.report
    assert window.pages.currentWidget() is report
    sc = report.report.score
    assert (sc.correct, sc.total) == (6, 8)
    assert "6 of 8" in report.heading.text() and "75.0 %" in report.heading.text()
    assert "PASS" in report.heading.text()
    assert sum(a.items for a in sc.areas) == 8
    assert report.areas.rowCount() == 3
    assert sc.elapsed_s >= 160
    # item review filtered to wrong: the wrong one; the unanswered one is counted apart
    assert report.filter.currentText() == "Wrong" and report.items.count() == 1
    assert "1 wrong, 1 unanswered" in report.heading.text()
    assert report.practise.text() == "Practise the 1 I got wrong and 1 unanswered"
    assert "your answer" in report.detail.toHtml() or "did not answer" in report.detail.toHtml()
    # home shows the last score
    qtbot.mouseClick(report.home, Qt.MouseButton.LeftButton)
    assert window.home.model.rows[0].last_percent == 75.0


def test_practise_wrong_items_from_report(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs
) -> None:
    exam = start_mock(qtbot, window)
    key(qtbot, window, Qt.Key.Key_A)
    dialogs.confirm_answers = [True]
    exam.confirm_submit()
    report = window.report
    wrong = [i.question_id for i in report.report.state.items if not i.correct]
    qtbot.mouseClick(report.practise, Qt.MouseButton.LeftButton)
    st = window.exam.state
    assert st.mode == "practice"
    assert sorted(i.question_id for i in st.items) == sorted(wrong)


def test_timer_expiry_submits_and_counts_unanswered_wrong(
    qtbot: QtBot, window: MainWindow, mono: FakeMonotonic
) -> None:
    exam = start_mock(qtbot, window)
    limit = exam.state.time_limit_s
    assert limit == 16 * 60 * 8 / 10  # minutes scaled to 8 of the real test's 10 items
    key(qtbot, window, LETTERS[exam.item.key])
    warnings: list[str] = []
    exam.warning_shown.connect(warnings.append)
    mono.advance(limit - 599)
    exam.ticker.tick()
    assert warnings and "10 minutes remain" in warnings[0] and exam.banner.isVisible()
    mono.advance(300)
    exam.ticker.tick()
    assert "5 minutes remain" in warnings[-1]
    mono.advance(400)
    exam.ticker.tick()
    assert window.pages.currentWidget() is window.report
    sc = window.report.report.score
    assert sc.total == 8 and sc.correct == 1 and sc.answered == 1
    assert sc.elapsed_s == limit


def test_crash_and_resume_in_a_second_instance(
    qtbot: QtBot, tmp_path: Path, exam_bank: Path, fake_now: FakeNow
) -> None:
    paths = AppPaths(data_dir=tmp_path / "d", db_url=f"sqlite:///{tmp_path / 'crash.db'}")
    d1, m1 = FakeDialogs(), FakeMonotonic()
    w1 = make_window(qtbot, paths, d1, m1, fake_now, exam_bank)
    exam = start_mock(qtbot, w1)
    m1.advance(12)
    key(qtbot, w1, Qt.Key.Key_C)
    key(qtbot, w1, Qt.Key.Key_N)
    m1.advance(10)
    key(qtbot, w1, Qt.Key.Key_A)
    key(qtbot, w1, Qt.Key.Key_F)
    m1.advance(8)
    exam.ticker.tick()  # periodic save: elapsed 30 s
    answers = [(i.chosen_shown, i.flagged) for i in exam.state.items]
    assert sum(1 for a in answers if a[0] is not None) == 2, answers
    m1.advance(100)  # time after the last save is lost with the crash, by design
    exam.ticker.stop()  # the process "dies": no leave(), no submit
    # second instance on the same database
    d2, m2 = FakeDialogs(), FakeMonotonic()
    m2.t = 123456.0  # a new process: monotonic time unrelated to the first
    d2.confirm_answers = [True]
    w2 = make_window(qtbot, paths, d2, m2, fake_now, None)
    assert d2.confirms and "X1 mock is still in progress (2 of 8 answered" in d2.confirms[0]
    row = w2.home.model
    assert [row.index(0, c).data() for c in (0, 7)] == ["X1", "mock - resume"]
    assert row.headerData(7, Qt.Orientation.Horizontal) == "In progress"
    resumed = w2.exam
    assert resumed is not None and w2.pages.currentWidget() is resumed
    assert [(i.chosen_shown, i.flagged) for i in resumed.state.items] == answers
    assert resumed.elapsed() == 30.0
    assert resumed.counter.text() == "Question 2 of 8"
    m2.advance(5)
    assert resumed.elapsed() == 35.0
    resumed.stop_clock()
    w2.services.close()
    exam.stop_clock()
    w1.services.close()


def test_practice_shows_feedback_and_locks(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs
) -> None:
    def pick(dlg: Any) -> int:
        dlg.count.setValue(3)
        top = dlg.tree.topLevelItem(1)  # area B
        top.setCheckState(0, Qt.CheckState.Checked)
        return 1

    dialogs.modal_results = [pick]
    activate(qtbot, window)
    qtbot.mouseClick(window.home.practice, Qt.MouseButton.LeftButton)
    exam = window.exam
    st = exam.state
    assert st.mode == "practice" and len(st.items) == 3 and {i.area for i in st.items} == {"B"}
    assert st.time_limit_s is None
    wrong = (exam.item.key + 1) % 4
    key(qtbot, window, [Qt.Key.Key_A, Qt.Key.Key_B, Qt.Key.Key_C, Qt.Key.Key_D][wrong])
    assert exam.feedback.isVisible()
    text = exam.feedback.text()
    assert "Not quite" in text and exam.item.explanation in text
    # the learner's own choice stays readable (not greyed) and says what it was, in words
    mine, right = exam.choice_buttons[wrong], exam.choice_buttons[exam.item.key]
    assert mine.isEnabled() and mine.isChecked() and "your answer, wrong" in mine.text()
    assert "correct answer" in right.text()
    assert "#ffebee" in mine.styleSheet() and "#e8f5e9" in right.styleSheet()
    assert "\u2718" in text  # a cross beside the colour
    assert exam.next_button.hasFocus()  # the next step is the next question
    key(qtbot, window, Qt.Key.Key_A)  # locked: no change
    assert exam.item.chosen_shown == wrong
    qtbot.mouseClick(exam.choice_buttons[exam.item.key], Qt.MouseButton.LeftButton)
    assert exam.item.chosen_shown == wrong
    # a practice is finished, never "submitted"
    key(qtbot, window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert "Submit" not in exam.review.submit.text() and "Finish" in exam.review.submit.text()
    assert "submitting" not in exam.review.heading.text()


def test_practice_navigator_marks_a_wrong_answer_wrong(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs
) -> None:
    # walkthrough: a wrong practice answer showed a green tick in the navigator ("answered")
    dialogs.modal_results = [lambda dlg: dlg.count.setValue(3) or 1]
    activate(qtbot, window)
    qtbot.mouseClick(window.home.practice, Qt.MouseButton.LeftButton)
    exam = window.exam
    wrong = (exam.item.key + 1) % 4
    key(qtbot, window, [Qt.Key.Key_A, Qt.Key.Key_B, Qt.Key.Key_C, Qt.Key.Key_D][wrong])
    first = exam.nav_buttons[0]
    assert "\u2718" in first.text() and "\u2713" not in first.text()
    assert "#c62828" in first.styleSheet() and "wrong" in first.accessibleName()
    assert "wrong" in exam.legend.text()
    exam.go(1)
    key(qtbot, window, [Qt.Key.Key_A, Qt.Key.Key_B, Qt.Key.Key_C, Qt.Key.Key_D][exam.item.key])
    second = exam.nav_buttons[1]
    assert "\u2714" in second.text() and "#2e7d32" in second.styleSheet()
    assert "right" in second.accessibleName()
    exam.stop_clock()


def test_accommodations_extend_time_and_hide_countdown(qtbot: QtBot, window: MainWindow) -> None:
    svc = window.services
    svc.profiles.set_accommodations(profile_of(window), time_multiplier=1.5, hide_countdown=True)
    exam = start_mock(qtbot, window)
    assert exam.state.time_limit_s == 16 * 60 * 8 / 10 * 1.5
    assert not exam.countdown.isVisibleTo(window) and exam.show_time.isVisibleTo(window)
    qtbot.mouseClick(exam.show_time, Qt.MouseButton.LeftButton)
    assert exam.countdown.isVisibleTo(window)
    assert exam.countdown.accessibleName() == "Time remaining"
    for b in exam.choice_buttons:
        assert b.accessibleName().startswith("Option ")


def test_exhibit_opens_zoomable(qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs) -> None:
    activate(qtbot, window)
    window.resize(1280, 800)  # the offscreen screen is 800x600; the window fits it on first show
    window.start_practice("X1", count=16)  # the whole pool, so the exhibit item is in it
    exam = window.exam
    pos = next(i.position for i in exam.state.items if i.exhibit)
    exam.go(pos)
    # beside the question, not in a modal: the question, its options and the clock stay in view
    pane = exam.exhibit_pane
    assert pane.isVisibleTo(window) and not dialogs.modals
    assert exam.stem.isVisibleTo(window) and exam.countdown.isVisibleTo(window)
    # drawn at the pane's width (a good share of the screen), legible
    qtbot.waitUntil(lambda: pane.image.pixmap().width() == pane.fit_width())
    assert pane.image.pixmap().width() >= 400
    w0 = pane.image.pixmap().width()
    key(qtbot, window, Qt.Key.Key_Plus)
    assert pane.image.pixmap().width() > w0
    assert pane.zoom_label.text() == "125 %"
    # X hides it (the thumbnail offers it again), X brings it back
    key(qtbot, window, Qt.Key.Key_X)
    assert not pane.isVisibleTo(window) and exam.exhibit.isVisibleTo(window)
    qtbot.mouseClick(exam.exhibit, Qt.MouseButton.LeftButton)
    assert pane.isVisibleTo(window) and not exam.exhibit.isVisibleTo(window)
    # questions without an exhibit give the question the whole width
    exam.go(next(i.position for i in exam.state.items if not i.exhibit))
    assert not pane.isVisibleTo(window)


def test_enter_presses_the_focused_button(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs
) -> None:
    exam = start_mock(qtbot, window)
    key(qtbot, window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert exam.review.submit.hasFocus()
    dialogs.confirm_answers = [False]
    qtbot.keyClick(exam.review.submit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(dialogs.confirms) == 1)


def test_a_long_option_wraps_inside_the_question_column_beside_an_exhibit(
    qtbot: QtBot, window: MainWindow
) -> None:
    """At 1000 px with the exhibit pane open the question column is about 330 px wide; a long
    option must wrap there, not widen the column and push the stem past its right edge."""
    activate(qtbot, window)
    window.resize(1000, 640)
    window.start_practice("X1", count=16)
    exam = window.exam
    exam.go(next(i.position for i in exam.state.items if i.exhibit))
    assert exam.exhibit_pane.isVisibleTo(window)
    exam.choice_buttons[0].setText("A.  " + "a long option that names every part " * 4)
    viewport = exam.answer.parentWidget()
    qtbot.waitUntil(lambda: viewport.width() < 500)
    assert exam.answer.minimumSizeHint().width() <= viewport.width()
    qtbot.waitUntil(lambda: exam.answer.width() == viewport.width())


def test_next_re_styles_nothing_and_frames_the_new_current_question(
    qtbot: QtBot, window: MainWindow, monkeypatch: Any
) -> None:
    """A style sheet set on a widget re-polishes it even when it is the same text; a question
    switch on a mock sets none (it was 11 sheets a press, then 2 for the navigator's old and new
    current buttons): the current question is framed by a mark laid over its button and shown
    in bold, and no button becomes 'checked' for a screen reader."""
    from PySide6.QtWidgets import QWidget

    page = start_mock(qtbot, window)
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)  # every widget styled once
    styled: list[str] = []
    original = QWidget.setStyleSheet

    def counting(self: QWidget, sheet: str) -> None:
        styled.append(type(self).__name__)
        original(self, sheet)

    monkeypatch.setattr(QWidget, "setStyleSheet", counting)
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.position == 2
    assert styled == []
    monkeypatch.undo()
    buttons, mark = page.navigator.buttons, page.navigator.current_mark
    qtbot.waitUntil(lambda: mark.isVisible())
    assert mark.geometry() == buttons[2].geometry()
    assert buttons[2].font().bold() and not buttons[1].font().bold()
    assert not any(b.isCheckable() for b in buttons)
    page.go(7)  # the frame follows the current question wherever it is
    assert mark.geometry() == buttons[7].geometry() and mark.isVisible()


def test_question_counter_keeps_one_size_that_fits_every_text(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The counter's size is fixed per attempt (a text change then relayouts nothing else), so
    it must fit its widest text, the review's included."""
    exam = start_mock(qtbot, window)
    size = exam.counter.size()
    room = exam.counter.contentsRect().width()
    for n in range(8):
        assert exam.counter.text() == f"Question {n + 1} of 8"
        assert exam.counter.size() == size
        assert exam.counter.fontMetrics().horizontalAdvance(exam.counter.text()) <= room
        exam.go(n + 1)
    exam.show_review()
    assert exam.counter.text() == "Review"
    assert exam.counter.fontMetrics().horizontalAdvance("Review") <= room
