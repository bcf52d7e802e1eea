"""The main window's size and keys: fitting it to the screen (before and after its frame is
known) and Enter pressing a focused button outside dialogs. No database, no services."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QPushButton,
    QToolButton,
    QWidget,
)

PREFERRED = (1280, 800)  # the window's size on a screen large enough for it


class EnterPressesButtons(QObject):
    """Enter on a focused push or tool button presses it (Qt only does that inside dialogs).

    Only the focused widget gets key presses, so the filter goes on a button of `window` when it
    first takes the focus: no walk over a page's children (before the first paint, for home),
    no filter on buttons never focused (every event of a filtered button goes through Python),
    and buttons a page adds later are covered too."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_app_focus_changed)

    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QPushButton | QToolButton) and new.window() is self._window:
            new.installEventFilter(self)  # once: installing it again only moves it to the front

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        # a key press on a button: not before the first paint (Qt's namespace costs 15-20 ms)
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QDialog

        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(obj, QPushButton | QToolButton)
            and obj.window() is not None
            and not isinstance(obj.window(), QDialog)
            and obj.isEnabled()
        ):
            obj.animateClick()
            return True
        return False


def fit_to_screen(window: QMainWindow) -> None:
    """Keep the whole window (status bar included) inside the screen's available area."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    avail = screen.availableGeometry()
    frame_h = 32  # a typical title bar; the frame is unknown until the window is shown
    w = min(window.width(), avail.width())
    h = min(window.height(), avail.height() - frame_h)
    # room for borders under the minimum, so fit_frame can shrink to the real frame later
    window.setMinimumSize(min(1000, w - 16), min(640, h - 16))
    window.resize(w, h)
    window.move(
        avail.x() + (avail.width() - w) // 2,
        avail.y() + max(0, (avail.height() - frame_h - h) // 2),
    )


def fit_frame(window: QMainWindow) -> None:
    """Once shown (the frame is known): the preferred size, and the whole frame on the screen."""
    screen = window.screen()
    if screen is None:
        return
    avail, frame = screen.availableGeometry(), window.frameGeometry()
    extra_w, extra_h = frame.width() - window.width(), frame.height() - window.height()
    # the preferred size, now that the real frame is known (fit_to_screen had to guess it)
    w = min(PREFERRED[0], avail.width() - extra_w)
    h = min(PREFERRED[1], avail.height() - extra_h)
    if (w, h) != (window.width(), window.height()):
        window.resize(w, h)
    frame = window.frameGeometry()
    if not avail.contains(frame):
        window.move(
            max(avail.left(), min(frame.left(), avail.right() + 1 - frame.width())),
            max(avail.top(), min(frame.top(), avail.bottom() + 1 - frame.height())),
        )
