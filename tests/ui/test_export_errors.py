"""Exporting the progress report (PDF, CSV) where it cannot be written shows an error, not
"Saved", through the dialog service."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.services.test_reports import sit_mock
from tests.ui.conftest import FakeDialogs, profile_of

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


@pytest.mark.parametrize("fmt", ["pdf", "csv"])
def test_export_to_a_missing_folder_or_full_disk_shows_an_error(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs, tmp_path: Path, fmt: str
) -> None:
    sit_mock(window.services, profile_of(window), "B")
    window.show_progress("X1")
    button = window.progress.pdf if fmt == "pdf" else window.progress.csv
    missing = tmp_path / "gone" / f"r.{fmt}"
    for target, why in ((missing, "does not exist"), (Path("/dev/full"), "disk is full")):
        window.status_label.setText("")
        dialogs.text_answers = [str(target)]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        title, text = dialogs.errors[-1]
        assert title == "Export" and text.startswith(f"{target}: cannot write the report")
        assert why in text
        assert "Saved" not in window.status_label.text()
    assert len(dialogs.errors) == 2
    good = tmp_path / f"r.{fmt}"
    dialogs.text_answers = [str(good)]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert good.stat().st_size > 0 and window.status_label.text() == f"Saved {good}"
