"""Class results for instructors: per-learner, per-area scores and item analysis with flags."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.bank import LABELS
from app.services.classroom import ClassResults, ClassroomService, class_csv
from app.services.exports import write_export
from app.ui.dialogs import Dialogs
from app.ui.theme import colour, whole_tab_labels
from app.ui.translation import translate_error, translated
from app.ui.work import LoadingNote, TaskRunner


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x:.0f} %"


class ClassDialog(QDialog):
    def __init__(
        self,
        classroom: ClassroomService,
        tests: list[str],
        dialogs: Dialogs,
        parent: QWidget | None = None,
        *,
        run_sync: bool = False,
    ) -> None:
        super().__init__(parent)
        self._classroom = classroom
        self._dialogs = dialogs
        self.results: ClassResults | None = None
        # the class's results are computed on a worker thread (inline: tests not about threads)
        self.runner = TaskRunner(self, inline=run_sync)
        self.setWindowTitle(self.tr("Class results"))
        avail = self.screen().availableGeometry()  # a 1000x640 screen shows all of it
        self.resize(min(1100, avail.width() - 24), min(680, avail.height() - 48))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Test:")))
        self.test = QComboBox()
        self.test.addItems(tests)
        self.test.setAccessibleName(self.tr("Test"))
        self.test.currentTextChanged.connect(lambda _t: self.reload())
        top.addWidget(self.test)
        top.addStretch(1)
        self.export = QPushButton(self.tr("Export CSV..."))
        self.export.clicked.connect(self._on_export_clicked)
        top.addWidget(self.export)
        layout.addLayout(top)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.tabs = QTabWidget()
        whole_tab_labels(self.tabs)
        self.learners = QTableWidget()
        self.learners.setAccessibleName(self.tr("Results per learner"))
        self.items = QTableWidget()
        self.items.setAccessibleName(self.tr("Item analysis"))
        for t in (self.learners, self.items):
            t.verticalHeader().setVisible(False)
            t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            t.setSortingEnabled(True)
        self.tabs.addTab(self.learners, self.tr("Learners"))
        self.tabs.addTab(self.items, self.tr("Item analysis"))
        layout.addWidget(self.tabs, 1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        layout.addWidget(close)
        self.loading = LoadingNote(
            lambda: self.note.setText(self.tr("Loading the class results...")),
            lambda: None,  # the results' note replaces it
            self,
        )
        self.reload()

    def reload(self) -> None:
        code = self.test.currentText()
        if not code:
            return
        classroom = self._classroom
        self.export.setEnabled(False)
        self.loading.start()
        # another test chosen before this one's results arrive: only the newest is shown
        self.runner.submit(
            lambda _t: classroom.class_results(code), self._show, self._on_failed, key="results"
        )

    def _on_failed(self, error: Exception) -> None:
        self.loading.stop()
        self.note.setText(self.tr("The class results could not be loaded."))
        raise error  # a database fault becomes the usual error dialog; a bug, the crash log

    def _show(self, r: ClassResults) -> None:
        self.loading.stop()
        self.export.setEnabled(True)
        self.results = r
        flagged = sum(1 for i in r.items if i.flags)
        self.note.setText(
            self.tr(
                "{0} learners; {1} questions put to them in submitted mocks (answered or left "
                "blank: Blank counts those apart from wrong answers); {2} flagged. Facility is "
                "the share answering right; discrimination is the point-biserial correlation with "
                "the rest of the score (negative: strong candidates miss it - check the key)."
            ).format(len(r.profiles), len(r.items), flagged)
        )
        heads = [
            self.tr("Learner"),
            self.tr("Mocks"),
            self.tr("Last"),
            self.tr("Best"),
            self.tr("Answered"),
            *[self.tr("Area {0}").format(a) for a in r.areas],
        ]
        self.learners.setSortingEnabled(False)
        self.learners.setColumnCount(len(heads))
        self.learners.setHorizontalHeaderLabels(heads)
        self.learners.setRowCount(len(r.profiles))
        for row, p in enumerate(r.profiles):
            values = [
                p.profile,
                str(p.mocks),
                _pct(p.last_percent),
                _pct(p.best_percent),
                str(p.answered),
                *[_pct(p.area_percent.get(a)) for a in r.areas],
            ]
            for c, v in enumerate(values):
                cell = QTableWidgetItem(v)
                if c == 0:
                    cell.setToolTip(v)  # the column elides long names
                self.learners.setItem(row, c, cell)
        self.learners.setSortingEnabled(True)
        self._size_learner_columns()
        heads = [
            self.tr("Question"),
            self.tr("Task"),
            self.tr("Answers"),
            self.tr("Facility"),
            self.tr("Discrimination"),
            self.tr("Key"),
            *LABELS,
            self.tr("Blank"),
            self.tr("Flags"),
        ]
        self.items.setSortingEnabled(False)
        self.items.setColumnCount(len(heads))
        self.items.setHorizontalHeaderLabels(heads)
        self.items.setRowCount(len(r.items))
        for row, i in enumerate(r.items):
            disc = "-" if i.discrimination is None else f"{i.discrimination:+.2f}"
            values = [
                i.uid,
                i.task,
                str(i.responses),
                f"{i.facility:.2f}",
                disc,
                i.key,
                *[str(i.option_counts.get(x, 0)) for x in "ABCD"],
                str(i.unanswered),
                "; ".join(translated(f) for f in i.flags),
            ]
            for c, v in enumerate(values):
                cell = QTableWidgetItem(v)
                if i.flags:
                    cell.setForeground(QColor(colour("bad")))
                self.items.setItem(row, c, cell)
        self.items.setSortingEnabled(True)
        self.items.resizeColumnsToContents()
        self.items.horizontalHeader().setSectionResizeMode(11, QHeaderView.ResizeMode.Stretch)

    def _size_learner_columns(self) -> None:
        """Numbers at their width; the name column at most NAME_PX wide, long names elided."""
        from app.ui.elide import NAME_PX

        t = self.learners
        t.setTextElideMode(Qt.TextElideMode.ElideRight)
        t.setWordWrap(False)
        t.resizeColumnsToContents()
        t.setColumnWidth(0, min(t.columnWidth(0), NAME_PX))

    def _on_export_clicked(self) -> None:
        if self.results is None:
            return
        target = self._dialogs.save_file(
            self.tr("Export class results"), "CSV (*.csv)", f"class-{self.results.test_code}.csv"
        )
        if not target:
            return
        try:
            write_export(Path(target), class_csv(self.results))
        except OSError as e:  # ExportError: the file, the cause and the fix
            self._dialogs.error(self.tr("Export"), translate_error(e))
