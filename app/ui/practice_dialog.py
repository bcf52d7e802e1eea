"""Practice set-up: which content areas or tasks, how many questions, timer on or off."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.catalog import AreaOutline
from app.ui.text import tooltip


@dataclass(frozen=True)
class PracticeChoice:
    areas: tuple[str, ...]
    tasks: tuple[str, ...]
    count: int
    timed: bool


class PracticeDialog(QDialog):
    def __init__(
        self, test_code: str, outline: Sequence[AreaOutline], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Practice - {0}").format(test_code))
        self.resize(760, 620)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Choose content areas or single tasks (none = the whole test). "
                    "Questions you missed and have not seen come first; each "
                    "answer shows the explanation at once."
                )
            )
        )
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Area / task"), self.tr("Questions")])
        self.tree.setAccessibleName(self.tr("Areas and tasks"))
        self.tree.setColumnWidth(0, 600)
        for a in outline:
            top = QTreeWidgetItem([f"{a.letter}. {a.title}", str(a.questions)])
            top.setData(0, Qt.ItemDataRole.UserRole, ("area", a.letter))
            top.setFlags(
                top.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate
            )
            top.setCheckState(0, Qt.CheckState.Unchecked)
            for t in a.tasks:
                child = QTreeWidgetItem([f"{t.code}  {t.text}", str(t.questions)])
                child.setData(0, Qt.ItemDataRole.UserRole, ("task", t.code))
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                child.setCheckState(0, Qt.CheckState.Unchecked)
                child.setToolTip(0, tooltip(t.text))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
        layout.addWidget(self.tree, 1)
        form = QFormLayout()
        self.count = QSpinBox()
        self.count.setRange(1, 200)
        self.count.setValue(10)
        self.count.setAccessibleName(self.tr("Number of questions"))
        self.timed = QCheckBox(self.tr("Time me at the real test's pace"))
        form.addRow(self.tr("Number of questions:"), self.count)
        form.addRow("", self.timed)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Start practice"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choice(self) -> PracticeChoice:
        areas: list[str] = []
        tasks: list[str] = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            assert top is not None
            if top.checkState(0) == Qt.CheckState.Checked:
                areas.append(top.data(0, Qt.ItemDataRole.UserRole)[1])
                continue
            for j in range(top.childCount()):
                child = top.child(j)
                assert child is not None
                if child.checkState(0) == Qt.CheckState.Checked:
                    tasks.append(child.data(0, Qt.ItemDataRole.UserRole)[1])
        return PracticeChoice(
            tuple(areas), tuple(tasks), self.count.value(), self.timed.isChecked()
        )
