"""Home page: the loaded tests with questions available."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from app.services.banks import TestSummary

_Index = QModelIndex | QPersistentModelIndex


class TestTableModel(QAbstractTableModel):
    HEADERS = ("Test", "Title", "Questions available", "Scored items", "Minutes")

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[TestSummary] = []

    def set_rows(self, rows: Sequence[TestSummary]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        t = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (t.code, t.title, t.questions, t.scored_count, t.minutes)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class HomePage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        title = QLabel("<h2>Choose a test</h2>")
        layout.addWidget(title)
        self.message = QLabel("Opening the question banks...")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.model = TestTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Loaded tests")
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)

    def show_tests(self, tests: Sequence[TestSummary]) -> None:
        self.model.set_rows(tests)
        self.message.setText(
            f"{len(tests)} tests loaded."
            if tests
            else "No question banks are loaded yet. Import one with: bayready bank import FILE"
        )
        if tests:
            self.table.selectRow(0)

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def test_count(self) -> int:
        return self.model.rowCount()
