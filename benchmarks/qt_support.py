"""Shared by the Qt child processes (exam switch, memory): a QApplication like the app's and
dialogs that never block. Imports Qt, so only child processes import this module."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.ui.dialogs import Dialogs


class NonBlockingDialogs(Dialogs):
    """Answers every question with yes and records messages instead of showing a modal."""

    def __init__(self) -> None:
        super().__init__(None)
        self.messages: list[tuple[str, str]] = []

    def info(self, title: str, text: str) -> None:
        self.messages.append((title, text))

    def error(self, title: str, text: str) -> None:
        self.messages.append((title, text))

    def confirm(self, title: str, text: str, *, ok: str = "OK", default_ok: bool = False) -> bool:
        return True

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:  # type: ignore[override]
        return None

    def open_file(self, title: str, filters: str) -> str | None:
        return None

    def save_file(self, title: str, filters: str, suggested: str = "") -> str | None:
        return None

    def show_modal(self, dialog: QDialog) -> int:
        return 0


def application() -> QApplication:
    from app.ui.theme import apply_theme

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    apply_theme(app)
    return app


class _Painted(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen = True
        return False


def wait_painted(app: QApplication, widget: QWidget, timeout_s: float = 30.0) -> None:
    """Process events until `widget` has been painted (then once more for what that queued)."""
    watcher = _Painted()
    widget.installEventFilter(watcher)
    widget.update()
    deadline = time.monotonic() + timeout_s
    while not watcher.seen:
        if time.monotonic() > deadline:
            raise RuntimeError(f"{type(widget).__name__} was not painted within {timeout_s} s")
        app.processEvents()
    widget.removeEventFilter(watcher)
    app.processEvents()
