"""The real Dialogs (every other UI test uses FakeDialogs): each kind of modal opens and answers.

Dialogs imports its Qt classes inside the methods that show them (nothing before the first
paint); a method naming a class only imported under TYPE_CHECKING passes mypy and ruff and fails
only when a user first sees that dialog. These tests open each one for real."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from app.ui.dialogs import Dialogs


def _cases() -> list[tuple[str, Callable[[Dialogs], object], object]]:
    return [
        ("info", lambda d: d.info("Título", "Texto"), None),
        ("error", lambda d: d.error("Error", "No se pudo"), None),
        ("confirm", lambda d: d.confirm("¿Borrar?", "Texto", ok="Borrar"), False),
        ("ask_text", lambda d: d.ask_text("Nombre", "Nombre:", password=True, max_length=5), None),
        ("choose", lambda d: d.choose("Elegir", "Texto", ["Uno", "Dos"]), -1),
    ]


@pytest.mark.qt_log_ignore("propagateSizeHints")
@pytest.mark.parametrize(("kind", "show", "cancelled"), _cases(), ids=[c[0] for c in _cases()])
def test_each_dialog_opens_and_is_cancelled(
    qtbot: QtBot, kind: str, show: Callable[[Dialogs], object], cancelled: object
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    shown: list[str] = []

    def cancel() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QDialog):  # not up yet: look again once events have run
            QTimer.singleShot(0, cancel)
            return
        shown.append(box.windowTitle())
        box.reject()

    QTimer.singleShot(0, cancel)
    assert show(Dialogs(parent)) == cancelled
    assert len(shown) == 1, kind
