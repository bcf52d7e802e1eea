"""Home's action buttons stay whole in a narrow window: the study group moves to a second row
when the two groups do not fit side by side (Spanish labels are about a third longer)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot


def _top(home: Any, button: Any) -> int:
    return int(button.mapTo(home, QPoint(0, 0)).y())


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_study_buttons_take_a_second_row_when_they_do_not_fit(qtbot: QtBot) -> None:
    from app.ui.home import HomePage

    home = HomePage()
    qtbot.addWidget(home)
    home.resume.setText("Reanudar A6 (práctica)")
    home.review.setText("Repasar falladas (38 pendientes)")
    home.progress.setText("Mi progreso y áreas débiles")
    buttons = (home.start, home.resume, home.review, home.practice, home.progress)
    home.resize(1600, 640)
    home.show()
    qtbot.waitUntil(lambda: home.width() == 1600)
    assert not home.actions_in_two_rows()
    qtbot.waitUntil(lambda: len({_top(home, b) for b in buttons}) == 1)  # one row
    home.resize(1000, 640)
    qtbot.waitUntil(lambda: home.actions_in_two_rows())
    qtbot.waitUntil(lambda: _top(home, home.progress) > _top(home, home.start))
    for b in buttons:  # nothing clipped: each button at least as wide as its text needs
        assert b.width() >= b.sizeHint().width(), b.text()
        assert b.mapTo(home, QPoint(b.width(), 0)).x() <= home.width()
    home.resize(1600, 640)
    qtbot.waitUntil(lambda: not home.actions_in_two_rows())
