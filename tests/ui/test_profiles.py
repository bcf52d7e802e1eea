"""Profiles: create, rename, delete and accommodations from the profiles dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.services.test_reports import sit_mock
from tests.ui.conftest import FakeDialogs, profile_of

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def test_create_rename_delete_and_accommodate(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs
) -> None:
    from app.ui.profiles_dialog import ProfilesDialog

    svc = window.services
    dlg = ProfilesDialog(svc.profiles, dialogs, window, run_sync=True)
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
    sit_mock(svc, p.profile_id, "A")
    dialogs.confirm_answers = [True]
    qtbot.mouseClick(dlg.delete, Qt.MouseButton.LeftButton)
    assert [p.name for p in svc.profiles.list_profiles()] == ["Learner"]
    assert svc.exams.in_progress(None) == []


def test_new_profile_from_home_becomes_current(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs
) -> None:
    dialogs.text_answers = ["Sam"]
    qtbot.mouseClick(window.home.new_profile, Qt.MouseButton.LeftButton)
    assert window.home.profile.currentText() == "Sam"
    assert window.services.profiles.get(profile_of(window)).name == "Sam"


def _dialog(qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs) -> Any:
    from app.ui.profiles_dialog import ProfilesDialog

    window.services.profiles.create("Riley")
    dlg = ProfilesDialog(window.services.profiles, dialogs, window, run_sync=True)
    qtbot.addWidget(dlg)
    assert dlg.selected().name == "Learner"
    return dlg


def test_unsaved_accommodations_are_never_dropped_silently(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs
) -> None:
    svc = window.services
    dlg = _dialog(qtbot, window, dialogs)
    assert not dlg.save.isEnabled()  # nothing to save yet
    dlg.multiplier.setValue(1.5)
    assert dlg.save.isEnabled() and dlg.status.text() == "Unsaved changes."
    dialogs.choose_answers = [-1]  # Cancel: stay on Learner with the edit
    dlg.list.setCurrentRow(1)
    assert "Save the changes for Learner?" in dialogs.chosen[-1][0]
    assert dlg.selected().name == "Learner" and dlg.multiplier.value() == 1.5
    dialogs.choose_answers = [1]  # Discard
    dlg.list.setCurrentRow(1)
    assert dlg.selected().name == "Riley"
    assert svc.profiles.find("Learner").time_multiplier == 1.0
    dlg.hide_countdown.setChecked(True)
    dialogs.choose_answers = [-1]
    dlg.reject()  # Esc or the title bar's close: asked too, and Cancel keeps the dialog open
    assert dlg.result() == 0 and len(dialogs.chosen) == 3
    dialogs.choose_answers = [0]  # Save
    qtbot.mouseClick(dlg.close_button, Qt.MouseButton.LeftButton)
    assert svc.profiles.find("Riley").hide_countdown and dlg.result() == 1


def test_new_profile_asks_about_unsaved_changes_first(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs
) -> None:
    dlg = _dialog(qtbot, window, dialogs)
    dlg.multiplier.setValue(2.0)
    dialogs.choose_answers = [0]
    dialogs.text_answers = ["Sam"]
    qtbot.mouseClick(dlg.add, Qt.MouseButton.LeftButton)
    assert window.services.profiles.find("Learner").time_multiplier == 2.0
    assert dlg.selected().name == "Sam"


def test_save_is_confirmed(qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs) -> None:
    dlg = _dialog(qtbot, window, dialogs)
    dlg.multiplier.setValue(1.25)
    qtbot.mouseClick(dlg.save, Qt.MouseButton.LeftButton)
    assert dlg.status.text() == (
        "Saved: Learner gets 1.25 x time; the countdown is shown; language: System default."
    )
    assert not dlg.save.isEnabled() and not dlg.is_dirty()
    assert dialogs.chosen == []


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_name_length_is_limited_while_typing(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

    from app.ui.dialogs import Dialogs

    typed: list[str] = []

    def type_into_the_box() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog))
        edit = box.findChild(QLineEdit)
        qtbot.keyClicks(edit, "x" * 100)
        typed.append(edit.text())
        box.accept()

    QTimer.singleShot(0, type_into_the_box)
    name = Dialogs(window).ask_text("New profile", "Learner's name:", max_length=80)
    assert typed == ["x" * 80] and name == "x" * 80


def test_new_profile_dialogs_pass_the_column_limit(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs
) -> None:
    dialogs.text_answers = [None, None, None]  # the user cancels each name question
    qtbot.mouseClick(window.home.new_profile, Qt.MouseButton.LeftButton)
    dlg = _dialog(qtbot, window, dialogs)
    qtbot.mouseClick(dlg.add, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dlg.rename, Qt.MouseButton.LeftButton)
    assert [kw for _l, kw in dialogs.asked] == [{"max_length": 80}] * 3
    assert dialogs.text_answers == []


def test_long_names_elide_on_home_and_in_profiles(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs
) -> None:
    from app.ui.profiles_dialog import ProfilesDialog

    long = "Maximilian-Alexander Featherstonehaugh-Cholmondeley of Lower Wallop the Third"
    assert len(long) <= 80
    width = window.home.profile.sizeHint().width()
    p = window.services.profiles.create(long)
    window.profile_id = p.profile_id
    window.refresh_home()
    combo = window.home.profile
    assert combo.currentText().endswith("…") and combo.currentText() != long
    assert combo.itemData(combo.currentIndex(), Qt.ItemDataRole.ToolTipRole) == long
    assert combo.sizeHint().width() == width  # the combo does not grow
    dlg = ProfilesDialog(window.services.profiles, dialogs, window, run_sync=True)
    qtbot.addWidget(dlg)
    item = next(
        dlg.list.item(i) for i in range(dlg.list.count()) if dlg.list.item(i).toolTip() == long
    )
    assert "…" in item.text()


def test_the_language_is_chosen_per_profile_in_the_dialog(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dialog's language is saved with the accommodations; closing it shows the interface
    in the current profile's language, and System default follows the system again."""
    from app.domain.i18n import Language

    monkeypatch.delenv("BAYREADY_LANG")
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    svc = window.services

    def choose(index: int) -> Any:
        def act(dlg: Any) -> int:
            assert dlg.language.count() == 3 and dlg.language.isEnabled()
            assert [dlg.language.itemText(i) for i in (1, 2)] == ["English", "Español"]
            dlg.language.setCurrentIndex(index)
            assert dlg.is_dirty() and dlg.save.isEnabled()
            qtbot.mouseClick(dlg.save, Qt.MouseButton.LeftButton)
            assert not dlg.is_dirty()
            return 1

        return act

    try:
        dialogs.modal_results = [choose(2)]
        window.flows.profiles.manage_profiles()
        assert svc.profiles.get(profile_of(window)).language is Language.SPANISH
        assert window.translators.language is Language.SPANISH
        assert window.home.practice.text() == "Práctica..."
        dialogs.modal_results = [choose(0)]  # System default: English on this system
        window.flows.profiles.manage_profiles()
        assert svc.profiles.get(profile_of(window)).language is None
        assert window.home.practice.text() == "Practice..."
    finally:
        window.translators.apply(Language.ENGLISH)


def test_a_changed_language_alone_asks_before_it_is_dropped(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs
) -> None:
    from app.domain.i18n import Language

    dlg = _dialog(qtbot, window, dialogs)
    assert dlg.chosen_language() is None
    dlg.language.setCurrentIndex(dlg.language.findData("es"))
    assert dlg.status.text() == "Unsaved changes."
    dialogs.choose_answers = [0]  # Save
    dlg.list.setCurrentRow(1)
    assert window.services.profiles.find("Learner").language is Language.SPANISH
    assert window.services.profiles.find("Learner").time_multiplier == 1.0
    assert dlg.selected().name == "Riley" and dlg.chosen_language() is None


def test_the_attempt_count_agrees_with_its_number(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs
) -> None:
    from app.ui.profiles_dialog import ProfilesDialog

    svc = window.services
    sit_mock(svc, profile_of(window), "C")
    riley = svc.profiles.create("Riley")
    for _ in range(2):
        sit_mock(svc, riley.profile_id, "C")
    dlg = ProfilesDialog(svc.profiles, dialogs, window, run_sync=True)
    qtbot.addWidget(dlg)
    texts = [dlg.list.item(i).text() for i in range(dlg.list.count())]
    assert texts == ["Learner  (1 attempt)", "Riley  (2 attempts)"]
