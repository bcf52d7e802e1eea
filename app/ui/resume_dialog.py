"""Every attempt still in progress for the learner, to pick the one to resume."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import format_remaining
from app.domain.ids import AttemptId

if TYPE_CHECKING:
    from app.services.exams import InProgress


class ResumeDialog(QDialog):
    def __init__(self, pending: Sequence[InProgress], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Resume an attempt"))
        self.resize(560, 320)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "These attempts are still in progress. Choose one to resume; the others stay "
                "saved. Time while BayReady was closed is not counted."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Attempts in progress"))
        for p in reversed(pending):  # the latest first
            left = (
                self.tr(", {t} left").format(t=format_remaining(p.remaining_s))
                if p.remaining_s is not None
                else ""
            )
            text = self.tr("{code} {mode}: {answered} of {items} answered{left}").format(
                code=p.test_code, mode=p.mode, answered=p.answered, items=p.items, left=left
            )
            it = QListWidgetItem(text)
            it.setData(Qt.ItemDataRole.UserRole, p.attempt_id)
            self.list.addItem(it)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _i: self.accept())
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox()
        self.resume_button = buttons.addButton(
            self.tr("&Resume"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resume_button.setDefault(True)

    def selected_attempt(self) -> AttemptId | None:
        it = self.list.currentItem()
        return None if it is None else AttemptId(int(it.data(Qt.ItemDataRole.UserRole)))
