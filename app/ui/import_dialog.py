"""Import preview: what a file would add, update, retire and skip, its errors in a copyable table,
category -> task mapping for foreign files, then the import itself with a progress dialog.

Reading, mapping and storing run on a worker thread; the dialog stays responsive.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.banks.diagnostics import BankError, Diagnostic
from app.services.banks import BankService, ImportResult, PreparedBank
from app.services.formats import is_foreign, prepare_file


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class Job(QRunnable):
    """Runs `fn(progress)` off the GUI thread and reports back by signal."""

    def __init__(self, fn: Callable[[Callable[[int, int], None]], object]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        try:
            self.signals.done.emit(self.fn(self.signals.progress.emit))
        except BankError as e:
            self.signals.failed.emit(e)
        except Exception as e:  # report, never crash the thread pool
            self.signals.failed.emit(e)


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
    ) -> None:
        super().__init__(parent)
        self.path = path
        self._banks = banks
        self._run_sync = run_sync  # tests run jobs inline
        self.prepared: PreparedBank | None = None
        self.preview: ImportResult | None = None
        self.errors: list[Diagnostic] = []
        self.setWindowTitle(f"Import {path.name}")
        self.resize(980, 640)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(f"<b>{html.escape(path.name)}</b>"))
        top.addStretch(1)
        self.test_label = QLabel("Target test:")
        self.test = QComboBox()
        self.test.addItems(tests)
        self.test.setAccessibleName("Target test")
        self.test.currentIndexChanged.connect(lambda _i: self.run_preview())
        foreign = is_foreign(path)
        self.test_label.setVisible(foreign)
        self.test.setVisible(foreign)
        top.addWidget(self.test_label)
        top.addWidget(self.test)
        layout.addLayout(top)
        self.summary = QLabel("Reading the file...")
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
        self.mapping.setAccessibleName("Category mapping")
        layout.addWidget(self.mapping_label)
        layout.addWidget(self.mapping, 1)
        layout.addWidget(QLabel("<b>Problems and skipped questions</b>"))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(["File", "Line", "Field", "Kind", "Message"])
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setAccessibleName("Problems")
        layout.addWidget(self.table, 2)
        buttons = QHBoxLayout()
        self.copy = QPushButton("Copy problems")
        self.copy.clicked.connect(self.copy_problems)
        self.recheck = QPushButton("Check again with this mapping")
        self.recheck.clicked.connect(self.run_preview)
        self.do_import = QPushButton("Import")
        self.do_import.setDefault(True)
        self.do_import.clicked.connect(self.run_import)
        cancel = QPushButton("Close")
        cancel.clicked.connect(self.reject)
        for b in (self.copy, self.recheck):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.do_import)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)
        self._task_codes: list[str] = []
        self._jobs: list[Job] = []
        self.run_preview()

    # -- jobs -----------------------------------------------------------------------------------
    def _start(
        self, fn: Callable[[Callable[[int, int], None]], object], done: Callable[[Any], None]
    ) -> None:
        job = Job(fn)
        job.signals.done.connect(done)
        job.signals.failed.connect(self._on_job_failed)
        job.signals.progress.connect(self._on_job_progress)
        self._jobs.append(job)
        self.do_import.setEnabled(False)
        if self._run_sync:
            job.run()
        else:
            job.setAutoDelete(False)
            QThreadPool.globalInstance().start(job)

    def current_mapping(self) -> dict[str, str]:
        out = {}
        for row in range(self.mapping.rowCount()):
            cat = self.mapping.item(row, 0)
            combo = self.mapping.cellWidget(row, 2)
            if cat is not None and isinstance(combo, QComboBox) and combo.currentData():
                key = cat.data(Qt.ItemDataRole.UserRole)
                out["*" if key == "" else key] = str(combo.currentData())
        return out

    def run_preview(self) -> None:
        code = self.test.currentText() or None
        mapping = self.current_mapping()
        path, banks = self.path, self._banks

        def work(progress: Callable[[int, int], None]) -> tuple[PreparedBank, ImportResult]:
            p = prepare_file(
                path,
                test_code=code,
                mapping=mapping,
                structure=banks.test_structure,
                allow_unmapped=True,
            )
            return p, banks.import_prepared(p, source=str(path), dry_run=True)

        self.summary.setText("Checking the file...")
        self._start(work, self._on_preview_done)

    def run_import(self) -> None:
        if self.prepared is None:
            return
        prepared, path, banks = self.prepared, self.path, self._banks
        self.progress.setVisible(True)
        self.summary.setText("Importing...")

        def work(progress: Callable[[int, int], None]) -> ImportResult:
            return banks.import_prepared(prepared, source=str(path), progress=progress)

        self._start(work, self._on_import_done)

    # -- results --------------------------------------------------------------------------------
    def _on_preview_done(self, value: tuple[PreparedBank, ImportResult]) -> None:
        self.prepared, self.preview = value
        p, r = value
        self.errors = []
        self._show_problems([*p.warnings, *p.skipped])
        self._show_mapping(p)
        text = (
            f"{r.test_code}: would add {r.added}, update {r.updated}, retire {r.retired}, "
            f"leave {r.unchanged} unchanged, skip {len(r.skipped)}."
        )
        if p.unmapped:
            n = sum(u.questions for u in p.unmapped)
            text += f" {n} more questions wait for a task mapping below."
        self.summary.setText(text)
        self.do_import.setEnabled(not p.unmapped and (r.added + r.updated + r.retired) > 0)

    def _on_import_done(self, result: ImportResult) -> None:
        self.progress.setVisible(False)
        self.summary.setText("Imported: " + result.summary())
        self.do_import.setEnabled(False)
        self.imported.emit(result)

    def _on_job_failed(self, error: Exception) -> None:
        self.progress.setVisible(False)
        self.prepared = None
        if isinstance(error, BankError):
            self.errors = list(error.diagnostics)
            self.summary.setText(
                f"Nothing can be imported: {len(self.errors)} problem"
                f"{'s' if len(self.errors) != 1 else ''} (below). The database "
                "is unchanged."
            )
            self._show_problems(self.errors)
        else:
            self.summary.setText(f"Import failed: {error}. The database is unchanged.")
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

    def _show_mapping(self, p: PreparedBank) -> None:
        visible = bool(p.unmapped) or self.mapping.rowCount() > 0
        self.mapping_label.setVisible(visible)
        self.mapping.setVisible(visible)
        self.recheck.setVisible(visible)
        if not p.unmapped:
            return
        structure = self._banks.test_structure(p.bank.test.code)
        tasks = [(t.code, t.text) for t in structure.tasks()] if structure else []
        self.mapping.setRowCount(len(p.unmapped))
        for row, u in enumerate(p.unmapped):
            cat = QTableWidgetItem(u.category or "(no category)")
            cat.setData(Qt.ItemDataRole.UserRole, u.category)
            self.mapping.setItem(row, 0, cat)
            self.mapping.setItem(row, 1, QTableWidgetItem(str(u.questions)))
            combo = QComboBox()
            combo.addItem("- choose a task -", None)
            for code, text in tasks:
                combo.addItem(f"{code}  {text}", code)
            idx = combo.findData(u.suggestion)
            combo.setCurrentIndex(max(0, idx))
            combo.setAccessibleName(f"Task for {u.category or 'questions without a category'}")
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
