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
