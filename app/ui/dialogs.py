"""Every modal the app shows goes through one injectable object, so tests never block on one.

The main window makes its Dialogs before its first paint, which shows none: the message box,
input dialog and line edit classes are imported when a dialog is first shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QMessageBox, QWidget


class Dialogs:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def info(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self._message(QMessageBox.Icon.Information, title, text).exec()

    def error(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self._message(QMessageBox.Icon.Critical, title, text).exec()

    def _message(self, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(icon, title, text, parent=self.parent)
        # messages quote file names, bank text and profile names: shown as text, never as HTML
        box.setTextFormat(Qt.TextFormat.PlainText)
        return box

    def confirm(self, title: str, text: str, *, ok: str = "OK", default_ok: bool = False) -> bool:
        """Ask before acting; Cancel is the default unless the action is the safe choice."""
        from PySide6.QtWidgets import QMessageBox

        box = self._message(QMessageBox.Icon.Question, title, text)
        yes = box.addButton(ok, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(yes if default_ok else cancel)
        box.exec()
        self._reactivate()
        return box.clickedButton() is yes

    def ask_text(
        self,
        title: str,
        label: str,
        text: str = "",
        *,
        password: bool = False,
        max_length: int = 0,
    ) -> str | None:
        """A line of text; `max_length` is enforced while typing. None when cancelled or empty."""
        from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit

        box = QInputDialog(self.parent)
        box.setWindowTitle(title)
        box.setLabelText(label)
        box.setTextValue(text)
        box.setTextEchoMode(QLineEdit.EchoMode.Password if password else QLineEdit.EchoMode.Normal)
        if max_length:
            edit = box.findChild(QLineEdit)
            if edit is not None:
                edit.setMaxLength(max_length)
        ok = box.exec() == QDialog.DialogCode.Accepted
        self._reactivate()
        value = box.textValue()
        return value.strip() if ok and value.strip() else None

    def choose(self, title: str, text: str, buttons: list[str]) -> int:
        """Ask with several answers (the first is the default); -1 when cancelled."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self.parent)
        made = [box.addButton(b, QMessageBox.ButtonRole.ActionRole) for b in buttons]
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(made[0] if made else cancel)
        box.setEscapeButton(cancel)
        box.exec()
        self._reactivate()
        clicked = box.clickedButton()
        return made.index(clicked) if clicked in made else -1

    def open_file(self, title: str, filters: str) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self.parent, title, "", filters)
        return path or None

    def save_file(self, title: str, filters: str, suggested: str = "") -> str | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self.parent, title, suggested, filters)
        return path or None

    def show_modal(self, dialog: QDialog) -> int:
        result = dialog.exec()
        self._reactivate()
        return result

    def _reactivate(self) -> None:
        """Give keyboard focus back to the window (some X setups have no WM to do it)."""
        if self.parent is not None:
            self.parent.window().activateWindow()
