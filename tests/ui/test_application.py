"""Application-wide set-up: the window icon, names and the crash message in the GUI."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import app
from app import logs, resources
from app.ui.application import configure_application, install_crash_messages


@pytest.fixture
def restored_app(qapp: QApplication) -> Iterator[QApplication]:
    saved = (qapp.applicationName(), qapp.organizationName(), qapp.applicationVersion())
    saved_icon, saved_desktop = qapp.windowIcon(), qapp.desktopFileName()
    yield qapp
    qapp.setApplicationName(saved[0])
    qapp.setOrganizationName(saved[1])
    qapp.setApplicationVersion(saved[2])
    qapp.setWindowIcon(saved_icon)
    qapp.setDesktopFileName(saved_desktop)


def test_window_icon_in_every_size_and_the_version(restored_app: QApplication) -> None:
    configure_application(restored_app)
    sizes = restored_app.windowIcon().availableSizes()
    for s in resources.ICON_SIZES:
        assert QSize(s, s) in sizes
    assert restored_app.windowIcon().pixmap(48, 48).isNull() is False
    assert restored_app.applicationVersion() == app.__version__
    assert restored_app.desktopFileName() == resources.APP_ID


def test_crash_in_a_worker_thread_shows_a_dialog_naming_the_log(
    qtbot: QtBot, window: Any, tmp_path: Path
) -> None:
    install_crash_messages(window)
    crash_log = tmp_path / "logs" / "crash.log"
    notifier = logs._notifier
    assert notifier is not None
    try:
        t = threading.Thread(target=notifier, args=(crash_log, KeyError("task")))
        t.start()
        t.join()
        qtbot.waitUntil(lambda: bool(window.dialogs.errors))
    finally:
        logs.set_crash_notifier(None)
    title, text = window.dialogs.errors[0]
    assert "unexpected error" in title
    assert str(crash_log) in text and "KeyError: 'task'" in text
