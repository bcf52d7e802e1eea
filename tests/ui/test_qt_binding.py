"""Guards against a Qt binding that leaks references (PySide6 6.12.0 dropped one reference to
None on every void setter call, so the app crashed after a few thousand screen updates)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QToolButton
from pytestqt.qtbot import QtBot


def test_void_setters_keep_none_alive(qtbot: QtBot) -> None:
    button, label = QToolButton(), QLabel()
    qtbot.addWidget(button)
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(500):
        button.setStyleSheet("QToolButton { font-weight: bold; }")
        button.setAccessibleName("Question 1, answered")
        label.setText("Question 1 of 45")
    assert sys.getrefcount(None) - before > -50
