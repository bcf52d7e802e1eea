"""The main window lists the loaded tests after opening the database off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.paths import AppPaths
from app.ui.application import open_in_background
from app.ui.main_window import MainWindow


def test_main_window_lists_tests(
    qtbot: QtBot, tmp_path: Path, mini_bank: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
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
