"""Profiles: create, rename, delete and accommodations from the profiles dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.services.test_reports import sit_mock
from tests.ui.conftest import FakeDialogs


def test_create_rename_delete_and_accommodate(
    qtbot: QtBot, window: Any, dialogs: FakeDialogs
) -> None:
    from app.ui.profiles_dialog import ProfilesDialog

    svc = window.services
    dlg = ProfilesDialog(svc.profiles, dialogs, window)
    qtbot.addWidget(dlg)
    dialogs.text_answers = ["Riley"]
    qtbot.mouseClick(dlg.add, Qt.MouseButton.LeftButton)
    assert [p.name for p in svc.profiles.list_profiles()] == ["Learner", "Riley"]
    assert dlg.selected().name == "Riley"
    dialogs.text_answers = ["Learner"]  # a name already taken
    qtbot.mouseClick(dlg.rename, Qt.MouseButton.LeftButton)
    assert dialogs.errors and "already exists" in dialogs.errors[-1][1]
    dialogs.text_answers = ["Riley Chen"]
    qtbot.mouseClick(dlg.rename, Qt.MouseButton.LeftButton)
    assert dlg.selected().name == "Riley Chen"
    dlg.multiplier.setValue(1.5)
    dlg.hide_countdown.setChecked(True)
    qtbot.mouseClick(dlg.save, Qt.MouseButton.LeftButton)
    p = svc.profiles.find("Riley Chen")
    assert p.time_multiplier == 1.5 and p.hide_countdown
    sit_mock(svc, p.id, "A")
    dialogs.confirm_answers = [True]
    qtbot.mouseClick(dlg.delete, Qt.MouseButton.LeftButton)
    assert [p.name for p in svc.profiles.list_profiles()] == ["Learner"]
    assert svc.exams.in_progress(None) == []


def test_new_profile_from_home_becomes_current(
    qtbot: QtBot, window: Any, dialogs: FakeDialogs
) -> None:
    dialogs.text_answers = ["Sam"]
    qtbot.mouseClick(window.home.new_profile, Qt.MouseButton.LeftButton)
    assert window.home.profile.currentText() == "Sam"
    assert window.services.profiles.get(window.profile_id).name == "Sam"
