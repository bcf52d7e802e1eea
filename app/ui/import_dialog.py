"""Import preview: what a file would add, update, retire and skip, its errors in a copyable table,
category -> task mapping for foreign files, then the import itself with a progress dialog.

Reading, mapping and storing run on a worker thread; the dialog stays responsive.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.bank import LABELS, Bank, Question
from app.services.banks import BankService, ImportResult, PreparedBank
from app.services.formats import is_foreign, prepare_file
from app.services.problems import BankError, Diagnostic
from app.services.setup import DatabaseError
from app.ui.text import plain
from app.ui.work import TaskRunner, Ticket

_Index = QModelIndex | QPersistentModelIndex


class QuestionPreviewModel(QAbstractTableModel):
    """The questions a file would import: id, task, key and stem (lazy: 20,000 rows are cheap)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Question] = []
        self.headers = (self.tr("Id"), self.tr("Task"), self.tr("Key"), self.tr("Question"))

    def set_questions(self, questions: tuple[Question, ...]) -> None:
        self.beginResetModel()
        self.rows = list(questions)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        q = self.rows[index.row()]
        col = index.column()
        if col == 0:
            return q.id
        if col == 1:
            return q.task
        if col == 2:
            keys = [LABELS[i] for i, c in enumerate(q.rendered_choices()) if c.correct]
            return ", ".join(keys)
        stem = " ".join(plain(q.full_stem()).split())
        return stem if role == Qt.ItemDataRole.ToolTipRole else stem[:200]


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportResult

    def __init__(
        self,
        path: Path,
        banks: BankService,
        tests: list[str],
        parent: QWidget | None = None,
        *,
        run_sync: bool = False,
        known: dict[str, Bank] | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self._banks = banks
        self.runner = TaskRunner(self, inline=run_sync)  # inline: tests not about threads
        # tests BayReady knows (the shipped banks) but this database has not loaded yet
        self._known = {c: b for c, b in (known or {}).items() if c not in tests}
        self.prepared: PreparedBank | None = None
        self.preview: ImportResult | None = None
        self.errors: list[Diagnostic] = []
        self.setWindowTitle(f"Import {path.name}")
        self.resize(980, 640)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(f"<b>{html.escape(path.name)}</b>"))
        top.addStretch(1)
        self.test_label = QLabel(self.tr("Target test:"))
        self.test = QComboBox()
        for code in tests:
            self.test.addItem(code, code)
        for code, known_bank in sorted(self._known.items()):
            self.test.addItem(
                self.tr("{code} {title} (not loaded yet)").format(
                    code=code, title=known_bank.test.title
                ),
                code,
            )
        self.test.setAccessibleName(self.tr("Target test"))
        self.test.currentIndexChanged.connect(lambda _i: self._on_test_changed())
        foreign = is_foreign(path)
        self.test_label.setVisible(foreign)
        self.test.setVisible(foreign)
        top.addWidget(self.test_label)
        top.addWidget(self.test)
        layout.addLayout(top)
        self.summary = QLabel(self.tr("Reading the file..."))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the file's errors
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.mapping_label = QLabel(
            "<b>Categories to map to a task</b> (suggestions pre-selected; check them)"
        )
        self.mapping = QTableWidget(0, 3)
        self.mapping.setHorizontalHeaderLabels(["Category", "Questions", "Task"])
        self.mapping.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.mapping.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.mapping.verticalHeader().setVisible(False)
        self.mapping.setAccessibleName(self.tr("Category mapping"))
        self.mapping.setMinimumHeight(110)  # header and three categories without scrolling
        layout.addWidget(self.mapping_label)
        layout.addWidget(self.mapping, 1)
        self.questions_label = QLabel(self.tr("<b>Questions in the file</b>"))
        self.question_model = QuestionPreviewModel()
        self.questions = QTableView()
        self.questions.setModel(self.question_model)
        self.questions.setAccessibleName(self.tr("Questions in the file"))
        self.questions.verticalHeader().setVisible(False)
        self.questions.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.questions.setWordWrap(False)
        qh = self.questions.horizontalHeader()
        for col in (0, 1, 2):
            qh.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        qh.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.questions_label)
        layout.addWidget(self.questions, 3)
        layout.addWidget(QLabel(self.tr("<b>Problems and skipped questions</b>")))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(["File", "Line", "Field", "Kind", "Message"])
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(self.tr("Problems"))
        layout.addWidget(self.table, 2)
        buttons = QHBoxLayout()
        self.copy = QPushButton(self.tr("Copy problems"))
        self.copy.clicked.connect(self.copy_problems)
        self.recheck = QPushButton(self.tr("Check again with this mapping"))
        self.recheck.clicked.connect(self.run_preview)
        self.do_import = QPushButton(self.tr("Import"))
        self.do_import.setDefault(True)
        self.do_import.clicked.connect(self.run_import)
        cancel = QPushButton(self.tr("Close"))
        cancel.clicked.connect(self.reject)
        for b in (self.copy, self.recheck):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.do_import)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)
        self._task_codes: list[str] = []
        self.preview_ticket: Ticket | None = None
        self._categories: dict[str, tuple[str, int, str]] = {}  # key -> (label, count, suggestion)
        self._previewed: dict[str, str] = {}
        self.run_preview()

    def _on_test_changed(self) -> None:
        self._categories.clear()  # another test has other tasks
        self.mapping.setRowCount(0)
        self.run_preview()

    # -- jobs -----------------------------------------------------------------------------------
    def _start(
        self,
        fn: Callable[[Ticket], Any],
        done: Callable[[Any], None],
        key: str | None = None,
    ) -> Ticket:
        self.do_import.setEnabled(False)
        return self.runner.submit(
            fn, done, self._on_job_failed, progress=self._on_job_progress, key=key
        )

    def current_mapping(self) -> dict[str, str]:
        out = {}
        for row in range(self.mapping.rowCount()):
            cat = self.mapping.item(row, 0)
            combo = self.mapping.cellWidget(row, 2)
            if cat is not None and isinstance(combo, QComboBox) and combo.currentData():
                key = cat.data(Qt.ItemDataRole.UserRole)
                out["*" if key == "" else key] = str(combo.currentData())
        return out

    def _structure(self, code: str) -> Bank | None:
        return self._banks.test_structure(code) or self._known.get(code)

    def target_code(self) -> str | None:
        data = self.test.currentData()
        return str(data) if data else (self.test.currentText() or None)

    def run_preview(self) -> None:
        code = self.target_code()
        mapping = self.current_mapping()
        self._previewed = dict(mapping)
        path, banks, structure = self.path, self._banks, self._structure

        def work(_ticket: Ticket) -> tuple[PreparedBank, ImportResult, Bank | None]:
            p = prepare_file(
                path,
                test_code=code,
                mapping=mapping,
                structure=structure,
                allow_unmapped=True,
            )
            result = banks.import_prepared(p, source=str(path), dry_run=True)
            # the test's tasks for the mapping table, read here rather than on the GUI thread
            return p, result, structure(p.bank.test.code) if p.unmapped else None

        self.summary.setText(self.tr("Checking the file..."))
        # a newer preview (another test, another mapping) cancels this one: never shown stale
        self.preview_ticket = self._start(work, self._on_preview_done, key="preview")

    def run_import(self) -> None:
        if self.prepared is None:
            return
        prepared, path, banks = self.prepared, self.path, self._banks
        self.progress.setVisible(True)
        self.summary.setText(self.tr("Importing..."))

        def work(ticket: Ticket) -> ImportResult:
            return banks.import_prepared(prepared, source=str(path), progress=ticket.progress)

        self._start(work, self._on_import_done)

    # -- results --------------------------------------------------------------------------------
    def _on_preview_done(self, value: tuple[PreparedBank, ImportResult, Bank | None]) -> None:
        p, r, structure = value
        self.prepared, self.preview = p, r
        self.errors = []
        self._show_problems([*p.warnings, *p.skipped])
        self._show_mapping(p, structure)
        self.question_model.set_questions(p.bank.questions)
        self.questions_label.setText(
            self.tr("<b>Questions in the file</b> ({n} ready to import)").format(
                n=len(p.bank.questions)
            )
        )
        mapping = self.current_mapping()
        if p.unmapped and mapping != self._previewed and self._all_mapped():
            self.run_preview()  # every category has a task (suggested or chosen): count them
            return
        text = self.tr(
            "{0}: would add {1}, update {2}, retire {3}, leave {4} unchanged, skip {5}."
        ).format(r.test_code, r.added, r.updated, r.retired, r.unchanged, len(r.skipped))
        if p.unmapped:
            n = sum(u.questions for u in p.unmapped)
            text += " " + self.tr("{0} more questions wait for a task mapping below.").format(n)
        self.summary.setText(text)
        self.do_import.setEnabled(not p.unmapped and (r.added + r.updated + r.retired) > 0)

    def _on_import_done(self, result: ImportResult) -> None:
        self.progress.setVisible(False)
        self.summary.setText(self.tr("Imported: {0}").format(result.summary()))
        self.do_import.setEnabled(False)
        self.imported.emit(result)

    def _on_job_failed(self, error: Exception) -> None:
        self.progress.setVisible(False)
        self.prepared = None
        if isinstance(error, BankError):
            self.errors = list(error.diagnostics)
            self.summary.setText(
                self.tr(
                    "Nothing can be imported: %n problem(s) (below). The database is unchanged.",
                    "",
                    len(self.errors),
                )
            )
            self._show_problems(self.errors)
        else:
            if not isinstance(error, DatabaseError | OSError):  # a programming error: keep it
                logging.getLogger("bayready").error("import failed", exc_info=error)
            self.summary.setText(
                self.tr("Import failed: {0}. The database is unchanged.").format(error)
            )
        self.do_import.setEnabled(False)

    def _on_job_progress(self, done: int, total: int) -> None:
        self.progress.setVisible(True)
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _show_problems(self, diags: list[Diagnostic]) -> None:
        self.table.setRowCount(len(diags))
        for row, d in enumerate(diags):
            for col, v in enumerate(
                (Path(d.file).name, str(d.line), d.field, d.severity.value, d.message)
            ):
                self.table.setItem(row, col, QTableWidgetItem(v))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)

    def _all_mapped(self) -> bool:
        for row in range(self.mapping.rowCount()):
            combo = self.mapping.cellWidget(row, 2)
            if not isinstance(combo, QComboBox) or not combo.currentData():
                return False
        return self.mapping.rowCount() > 0

    def _show_mapping(self, p: PreparedBank, structure: Bank | None) -> None:
        """Every category seen so far keeps its row (and its choice) until the target changes;
        `structure` (the test's tasks) was read with the preview, on its worker thread."""
        new = [u for u in p.unmapped if u.category not in self._categories]
        visible = bool(p.unmapped) or self.mapping.rowCount() > 0
        self.mapping_label.setVisible(visible)
        self.mapping.setVisible(visible)
        self.recheck.setVisible(visible)
        if not new:
            return
        chosen = self.current_mapping()
        for u in new:
            self._categories[u.category] = (
                u.category or self.tr("(no category)"),
                u.questions,
                u.suggestion,
            )
        tasks = [(t.code, t.text) for t in structure.tasks()] if structure else []
        self.mapping.setRowCount(len(self._categories))
        for row, (key, (label, count, suggestion)) in enumerate(self._categories.items()):
            cat = QTableWidgetItem(label)
            cat.setData(Qt.ItemDataRole.UserRole, key)
            self.mapping.setItem(row, 0, cat)
            self.mapping.setItem(row, 1, QTableWidgetItem(str(count)))
            combo = QComboBox()
            combo.addItem(self.tr("- choose a task -"), None)
            for code, text in tasks:
                combo.addItem(f"{code}  {text}", code)
            idx = combo.findData(chosen.get("*" if key == "" else key, suggestion))
            combo.setCurrentIndex(max(0, idx))
            combo.setAccessibleName(f"Task for {key or 'questions without a category'}")
            # choosing a task re-checks at once: Import is enabled as soon as all are mapped
            combo.currentIndexChanged.connect(lambda _i: self.run_preview())
            self.mapping.setCellWidget(row, 2, combo)

    def copy_problems(self) -> None:
        def cell(r: int, c: int) -> str:
            item = self.table.item(r, c)
            return item.text() if item is not None else ""

        lines = [
            "\t".join(cell(r, c) for c in range(self.table.columnCount()))
            for r in range(self.table.rowCount())
        ]
        QGuiApplication.clipboard().setText("\n".join(["file\tline\tfield\tkind\tmessage", *lines]))
