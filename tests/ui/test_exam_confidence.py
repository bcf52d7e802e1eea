"""Practice answers take a confidence by one key press (1 sure, 2 unsure, 3 guess) or a click;
it is stored, and a right answer marked guess shows in the progress page's Lucky guesses tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import profile_of

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

LETTERS = [Qt.Key.Key_A, Qt.Key.Key_B, Qt.Key.Key_C, Qt.Key.Key_D]


def press(qtbot: QtBot, window: MainWindow, k: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, k)


def test_confidence_keys_store_and_feed_lucky_guesses(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.start_practice("X1", count=3)
    exam = window.exam
    assert not exam.confidence.isVisible()  # nothing to be sure of before an answer
    press(qtbot, window, LETTERS[exam.item.key])  # right
    assert exam.confidence.isVisible() and exam.item.chosen_shown == exam.item.key
    assert not any(b.isChecked() for b in exam.confidence.buttons)
    press(qtbot, window, Qt.Key.Key_3)  # a guess: the answer stays, the guess is stored
    assert exam.item.chosen_shown == exam.item.key and exam.item.confidence == 2
    assert exam.confidence.buttons[2].isChecked()
    uid = exam.item.uid
    stored = window.services.exams.load(exam.state.attempt_id).items[exam.position]
    assert stored.confidence == 2
    # the second item: answered, then marked unsure with the mouse, then sure with key 1
    press(qtbot, window, Qt.Key.Key_N)
    press(qtbot, window, LETTERS[exam.item.key])
    qtbot.mouseClick(exam.confidence.buttons[1], Qt.MouseButton.LeftButton)
    assert exam.item.confidence == 1
    press(qtbot, window, Qt.Key.Key_1)
    assert exam.item.confidence == 0 and exam.confidence.buttons[0].isChecked()
    # going back shows what was said
    press(qtbot, window, Qt.Key.Key_P)
    assert exam.confidence.buttons[2].isChecked()
    window.show_progress("X1")
    page = window.progress
    page.tabs.setCurrentWidget(page.lucky)
    text = page.lucky.toPlainText()
    assert uid in text and "guess" in text
    assert text.count("right, marked") == 1  # the one marked sure in the end is not listed


def test_misconceptions_tab_opens_with_the_error_types(window: MainWindow) -> None:
    services = window.services
    pid = profile_of(window)
    # a mock is drawn at random and X1's Technician A/B items are a quarter of the bank: sit
    # mocks (all wrong) until one held such an item (a form without one is possible, about one
    # time in three, and once made this test fail at random)
    for _ in range(20):
        st = services.exams.start_mock(pid, "X1")
        for item in st.items:  # all wrong
            services.exams.record_response(
                st.attempt_id, item.position, (item.key + 1) % 4, elapsed_s=1, item_seconds=1
            )
        services.exams.submit(st.attempt_id, elapsed_s=10)
        if any(i.style == "tech_ab" for i in st.items):
            break
    else:
        pytest.fail("20 mocks of X1 without a Technician A/B item")
    window.show_progress("X1")
    page = window.progress
    page.tabs.setCurrentWidget(page.misconceptions)
    text = page.misconceptions.toPlainText()
    assert text.startswith("Error types") and "Technician A/B: misjudged" in text
