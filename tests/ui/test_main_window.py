"""The main window lists the loaded tests after opening the database off the GUI thread."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.paths import AppPaths
from app.ui.application import open_in_background
from app.ui.main_window import MainWindow


def test_main_window_lists_tests(
    qtbot: QtBot, tmp_path: Path, mini_bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BAYREADY_SHIPPED_BANKS", str(mini_bank.parent))
    paths = AppPaths(data_dir=tmp_path, db_url=f"sqlite:///{tmp_path / 'ui.db'}")
    window = MainWindow(paths)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.tests_populated, timeout=30000):
        open_in_background(paths, window)
    model = window.home.table.model()
    assert model.rowCount() == 1
    assert [model.index(0, c).data() for c in range(3)] == ["Z9", "Sample Test", 8]
    assert "1 test loaded" in window.home.message.text()
    window.services.close()


def test_quick_list_shows_tests_before_the_services_load(
    qtbot: QtBot, tmp_path: Path, mini_bank: Path
) -> None:
    from app.services.setup import open_services

    paths = AppPaths(data_dir=tmp_path, db_url=f"sqlite:///{tmp_path / 'q.db'}")
    svc = open_services(paths)
    svc.banks.import_file(mini_bank)
    svc.close()
    window = MainWindow(paths)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.tests_populated):
        assert window.show_quick_list() is True
    assert window.services_if_open is None
    assert [window.home.model.index(0, c).data() for c in range(3)] == ["Z9", "Sample Test", 8]
    empty = MainWindow(AppPaths(data_dir=tmp_path, db_url=f"sqlite:///{tmp_path / 'none.db'}"))
    qtbot.addWidget(empty)
    assert empty.show_quick_list() is False


def test_ready_fires_once_the_database_is_open_and_the_buttons_work(
    qtbot: QtBot, tmp_path: Path, mini_bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The start-up benchmark's "usable" moment (and the smoke test's exit): services attached,
    a profile chosen and the home page's buttons enabled - not just the quick list painted."""
    monkeypatch.setenv("BAYREADY_SHIPPED_BANKS", str(mini_bank.parent))
    paths = AppPaths(data_dir=tmp_path, db_url=f"sqlite:///{tmp_path / 'ready.db'}")
    window = MainWindow(paths)
    qtbot.addWidget(window)
    window.show()
    assert not window.home.start.isEnabled()
    runner = open_in_background(paths, window)
    with qtbot.waitSignal(runner.ready, timeout=30000):
        pass
    assert window.services_if_open is not None and window.profile_id
    assert window.home.start.isEnabled() and window.home.practice.isEnabled()
    window.services.close()


def _database_with_a_profile(tmp_path: Path, bank: Path) -> AppPaths:
    from app.services.setup import open_services

    paths = AppPaths(data_dir=tmp_path / "data", db_url=f"sqlite:///{tmp_path / 'warm.db'}")
    svc = open_services(paths)
    svc.banks.import_file(bank)
    svc.profiles.create("Ana")
    svc.close()
    return paths


def test_a_click_during_the_warm_up_waits_for_the_services_then_runs(
    qtbot: QtBot, tmp_path: Path, mini_bank: Path
) -> None:
    """The home page is usable from the SQLite file before SQLAlchemy loads: Mock exam clicked
    then waits under a busy cursor (no error, no lost click) and opens the intro once the
    services are attached."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from tests.ui.conftest import FakeDialogs

    paths = _database_with_a_profile(tmp_path, mini_bank)
    window = MainWindow(paths, dialogs=FakeDialogs())
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.home_usable):
        assert window.show_quick_list() is True
    assert window.services_if_open is None and window.profile_id is not None
    assert window.home.profile.currentText() == "Ana"
    assert window.home.start.isEnabled()
    qtbot.mouseClick(window.home.start, Qt.MouseButton.LeftButton)
    assert window.waiting_click() and window.current_page == "home"
    cursor = QGuiApplication.overrideCursor()
    assert cursor is not None and cursor.shape() == Qt.CursorShape.BusyCursor
    runner = open_in_background(paths, window)
    with qtbot.waitSignal(runner.ready, timeout=30000):
        pass
    qtbot.waitUntil(lambda: window.current_page == "intro", timeout=30000)
    assert not window.waiting_click() and QGuiApplication.overrideCursor() is None
    window.services.close()


def test_a_click_waiting_when_start_up_fails_is_dropped_and_explained(
    qtbot: QtBot, tmp_path: Path, mini_bank: Path
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from tests.ui.conftest import FakeDialogs

    dialogs = FakeDialogs()
    window = MainWindow(_database_with_a_profile(tmp_path, mini_bank), dialogs=dialogs)
    qtbot.addWidget(window)
    assert window.show_quick_list() is True
    qtbot.mouseClick(window.home.practice, Qt.MouseButton.LeftButton)
    assert window.waiting_click()
    window.show_startup_error("The database is locked.")
    assert not window.waiting_click() and QGuiApplication.overrideCursor() is None
    qtbot.mouseClick(window.home.practice, Qt.MouseButton.LeftButton)
    assert dialogs.errors == [("Could not open the database.", "The database is locked.")]
    assert not window.waiting_click()


def test_instructor_tools_from_the_menu_during_the_warm_up_wait_too(
    qtbot: QtBot, tmp_path: Path, mini_bank: Path
) -> None:
    from PySide6.QtGui import QGuiApplication

    from tests.ui.conftest import FakeDialogs

    window = MainWindow(_database_with_a_profile(tmp_path, mini_bank), dialogs=FakeDialogs())
    qtbot.addWidget(window)
    assert window.show_quick_list() is True
    window.show_banks()
    assert window.waiting_click()
    window.show_startup_error("The database is locked.")  # drops it and restores the cursor
    window.show_class_results()
    assert not window.waiting_click() and QGuiApplication.overrideCursor() is None
    assert len(window.dialogs.errors) == 1  # type: ignore[attr-defined]


def test_enter_presses_a_focused_button_even_one_added_after_the_page_was_shown(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Enter on a focused button outside a dialog presses it: the window does it for every
    button, not only for those a page had when it was first shown."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    window = MainWindow(AppPaths(data_dir=tmp_path, db_url=f"sqlite:///{tmp_path / 'e.db'}"))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):  # keys go to the active window only
        window.activateWindow()
    later = QPushButton("Added later", window.home)
    later.show()
    pressed: list[bool] = []
    later.clicked.connect(lambda: pressed.append(True))
    later.setFocus()
    qtbot.keyClick(later, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pressed == [True])
