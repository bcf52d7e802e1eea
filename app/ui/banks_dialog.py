"""Bank manager: the loaded banks, import (file dialog or drag and drop), question preview,
enable/disable, remove (history kept), export to native YAML or Moodle XML."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.banks import BankService, BankSummary, ImportResult, QuestionPreview
from app.ui.dialogs import Dialogs
from app.ui.text import SafeTextBrowser, esc, plain, rich
from app.ui.work import LoadingNote, TaskRunner, Ticket

if TYPE_CHECKING:
    from app.domain.bank import Bank
    from app.services.exports import ExportError

FILTERS = (
    "Question banks (*.yaml *.yml *.json *.gift *.txt *.aiken *.xml *.csv *.xlsx);;All files (*)"
)


class BanksDialog(QDialog):
    changed = Signal()

    def __init__(
        self,
        banks: BankService,
        dialogs: Dialogs,
        parent: QWidget | None = None,
        *,
        preferred_test: str | None = None,
        run_sync: bool = False,
    ) -> None:
        super().__init__(parent)
        self._banks = banks
        self._dialogs = dialogs
        self._preferred = preferred_test
        self._run_sync = run_sync
        self.runner = TaskRunner(self, inline=run_sync)  # inline: tests not about threads
        self.loading = LoadingNote(
            lambda: self.search_count.setText(self.tr("Loading the questions...")),
            lambda: None,  # the count replaces it
            self,
        )
        self.questions_ticket: Ticket | None = None
        self.banks_ticket: Ticket | None = None  # the bank list being read (after a change too)
        self.export_ticket: Ticket | None = None
        self.tests_ticket: Ticket | None = None  # the test list read before an import
        self.working = LoadingNote(
            lambda: self.status.setText(self._working_text), lambda: self.status.clear(), self
        )
        self._working_text = ""
        self.setWindowTitle(self.tr("Question banks"))
        self.resize(1180, 720)
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "Drop bank files here, or use Import. Native YAML/JSON, "
                "spreadsheets (CSV, XLSX template), Moodle XML, GIFT and Aiken."
            )
        )
        split = QSplitter(Qt.Orientation.Vertical)
        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels(
            ["Test", "Bank", "Format", "Version", "Questions", "Imported", "Enabled", "Source file"]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Banks"))
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        split.addWidget(self.table)
        lower = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by id, question text or task"))
        self.search.setAccessibleName(self.tr("Search questions"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search_count = QLabel()
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.search_count)
        self.questions = QListWidget()
        self.questions.setAccessibleName(self.tr("Questions in the bank"))
        self.questions.currentItemChanged.connect(self._on_questions_current_changed)
        self.preview = SafeTextBrowser()
        self.preview.setAccessibleName(self.tr("Question preview"))
        left_layout.addWidget(self.questions, 1)
        lower.addWidget(left)
        lower.addWidget(self.preview)
        lower.setSizes([420, 740])
        split.addWidget(lower)
        split.setSizes([260, 420])
        layout.addWidget(split, 1)
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import..."))
        self.toggle = QPushButton(self.tr("Disable"))
        self.remove = QPushButton(self.tr("Remove..."))
        self.export_yaml = QPushButton(self.tr("Export YAML..."))
        self.export_moodle = QPushButton(self.tr("Export Moodle XML..."))
        close = QPushButton(self.tr("Close"))
        self.status = QLabel()  # "Exporting..." while a slow action runs on a worker thread
        self.import_button.clicked.connect(self._on_import_clicked)
        self.toggle.clicked.connect(self._on_toggle_clicked)
        self.remove.clicked.connect(self._on_remove_clicked)
        self.export_yaml.clicked.connect(lambda: self.export("yaml"))
        self.export_moodle.clicked.connect(lambda: self.export("moodle"))
        close.clicked.connect(self.accept)
        for b in (
            self.import_button,
            self.toggle,
            self.remove,
            self.export_yaml,
            self.export_moodle,
        ):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.status)
        row.addWidget(close)
        layout.addLayout(row)
        self.rows: list[BankSummary] = []
        self._previews: list[QuestionPreview] = []
        self._haystacks: list[str] = []
        self.reload()

    # -- listing --------------------------------------------------------------------------------
    def reload(
        self,
        select_id: int | None = None,
        *,
        change: Callable[[], object] | None = None,
        select: Callable[[list[BankSummary]], int | None] | None = None,
    ) -> None:
        """Read the bank list on a worker thread (after `change`, in the same work) and show it;
        a newer reload supersedes an older one, so a stale list is never shown."""
        banks = self._banks
        self._begin(self.tr("Working..."))

        def work(_t: Ticket) -> list[BankSummary]:
            if change is not None:
                change()
            return banks.list_banks()

        def done(rows: list[BankSummary]) -> None:
            self._end()
            if change is not None:
                self.changed.emit()
            self._show_banks(rows, select(rows) if select is not None else select_id)

        def failed(error: Exception) -> None:
            self._end()
            raise error  # a database fault: the error dialog, as before; anything else: crash log

        self.banks_ticket = self.runner.submit(work, done, failed, key="banks")

    def _begin(self, text: str) -> None:
        """The bank actions wait while a change or an export runs (a note if it is slow)."""
        self._working_text = text
        for w in (
            self.import_button,
            self.toggle,
            self.remove,
            self.export_yaml,
            self.export_moodle,
        ):
            w.setEnabled(False)
        self.working.start()

    def _end(self) -> None:
        self.working.stop()
        self.import_button.setEnabled(True)
        b = self.selected()
        for w in (self.toggle, self.remove, self.export_yaml, self.export_moodle):
            w.setEnabled(b is not None)

    def _show_banks(self, rows: list[BankSummary], select_id: int | None) -> None:
        self.rows = rows
        self.table.setRowCount(len(self.rows))
        for r, b in enumerate(self.rows):
            values = (
                b.test_code,
                b.name,
                b.source_format,
                str(b.format_version),
                str(b.questions),
                b.imported_at.strftime("%Y-%m-%d %H:%M"),
                "yes" if b.enabled else "no",
                b.source_file,
            )
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                if c == 4:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        target = next((i for i, b in enumerate(self.rows) if b.bank_id == select_id), 0)
        if self.rows:
            self.table.selectRow(target)
        self._on_table_selection_changed()

    def selected(self) -> BankSummary | None:
        r = self.table.currentRow()
        return self.rows[r] if 0 <= r < len(self.rows) else None

    def _on_table_selection_changed(self) -> None:
        b = self.selected()
        for w in (self.toggle, self.remove, self.export_yaml, self.export_moodle):
            w.setEnabled(b is not None)
        self.questions.clear()
        self.preview.clear()
        if self.questions_ticket is not None:
            self.questions_ticket.cancel()
        if b is None:
            self.loading.stop()
            return
        self.toggle.setText("Disable" if b.enabled else "Enable")
        self.search_count.clear()
        self.loading.start()
        banks, bank_id = self._banks, b.bank_id
        # another bank selected before this one's questions arrive: only the newest is shown
        self.questions_ticket = self.runner.submit(
            lambda _t: list(banks.questions_of(bank_id)), self._show_questions, key="questions"
        )

    def _show_questions(self, previews: list[QuestionPreview]) -> None:
        self.loading.stop()
        self.questions.clear()
        self._previews = previews
        for p in self._previews:
            q = p.question
            stem = " ".join(plain(q.stem).split())[:80]
            flag = " (retired)" if p.retired else ""
            item = QListWidgetItem(f"{q.id}  {q.task}{flag}  {stem}")
            self.questions.addItem(item)
        self._haystacks = [
            " ".join((p.question.id, p.question.task, plain(p.question.full_stem()))).casefold()
            for p in self._previews
        ]
        if self._previews:
            self.questions.setCurrentRow(0)
        self._on_search_text_changed(self.search.text())

    def _on_search_text_changed(self, text: str) -> None:
        """Every word must appear in the question's id, task or text (case-insensitive)."""
        words = text.casefold().split()
        shown = 0
        first = -1
        for row, hay in enumerate(self._haystacks):
            hit = all(w in hay for w in words)
            self.questions.setRowHidden(row, not hit)
            if hit:
                shown += 1
                first = row if first < 0 else first
        total = len(self._haystacks)
        self.search_count.setText(
            self.tr("{shown} of {total} questions").format(shown=shown, total=total)
            if words
            else self.tr("{total} questions").format(total=total)
        )
        current = self.questions.currentRow()
        if first >= 0 and (current < 0 or self.questions.isRowHidden(current)):
            self.questions.setCurrentRow(first)
        elif first < 0 and total:
            self.preview.setPlainText(self.tr("No question matches the search."))

    def _on_questions_current_changed(self, current: QListWidgetItem | None, _p: object) -> None:
        if current is None:
            return
        p = self._previews[self.questions.row(current)]
        q = p.question
        parts = [
            f"<h3>{esc(q.id)} - {esc(q.task)} ({esc(q.style)}, difficulty {q.difficulty})</h3>",
            f"<p>{rich(q.full_stem())}</p>",
        ]
        if q.exhibit:
            exhibit = self.tr("Exhibit: {0}").format(esc(q.exhibit_caption or q.exhibit))
            parts.append(f"<p><i>{exhibit}</i></p>")
        parts.append("<ol type='A'>")
        for c in q.rendered_choices():
            key = " <b>[key]</b>" if c.correct else ""
            parts.append(
                f"<li>{esc(c.text)}{key}<br><span style='color:gray'>{esc(c.rationale)}</span></li>"
            )
        parts.append(f"</ol><p><b>Explanation:</b> {esc(q.explanation)}</p>")
        self.preview.setHtml("".join(parts))

    # -- actions --------------------------------------------------------------------------------
    def _on_import_clicked(self) -> None:
        path = self._dialogs.open_file("Import a question bank", FILTERS)
        if path:
            self.import_files([Path(path)])

    def import_files(self, paths: list[Path]) -> None:
        """The test list (for the import dialog's choice of test) is read on a worker thread
        while the bank actions wait; then one import dialog per file."""
        banks = self._banks

        def done(tests: list[str]) -> None:
            self._end()
            self._import_into(paths, tests)

        def failed(error: Exception) -> None:
            self._end()
            raise error  # a database fault: the error dialog, as before; anything else: crash log

        self._begin(self.tr("Loading..."))
        self.tests_ticket = self.runner.submit(
            lambda _t: [t.code for t in banks.list_tests()], done, failed, key="tests"
        )

    def _import_into(self, paths: list[Path], tests: list[str]) -> None:
        from app.ui.import_dialog import ImportDialog

        if self._preferred in tests:
            tests.remove(self._preferred)
            tests.insert(0, self._preferred)
        from app.paths import shipped_banks_dir
        from app.services.known_tests import shipped_structures

        known = shipped_structures(shipped_banks_dir())
        imported: list[ImportResult] = []
        for path in paths:
            dlg = ImportDialog(path, self._banks, tests, self, run_sync=self._run_sync, known=known)
            dlg.imported.connect(lambda _r: self.changed.emit())
            dlg.imported.connect(imported.append)
            self._dialogs.show_modal(dlg)
        if not imported:
            self.reload()
            return
        last = imported[-1]  # show the bank just imported
        wanted = (last.test_code, last.bank_name)
        self.reload(
            select=lambda rows: next(
                (b.bank_id for b in rows if (b.test_code, b.name) == wanted),
                None,
            )
        )

    def _on_toggle_clicked(self) -> None:
        b = self.selected()
        if b is not None:
            banks, bank_id, enabled = self._banks, b.bank_id, not b.enabled
            self.reload(bank_id, change=lambda: banks.set_enabled(bank_id, enabled))

    def _on_remove_clicked(self) -> None:
        b = self.selected()
        if b is None:
            return
        if self._dialogs.confirm(
            self.tr("Remove bank"),
            self.tr(
                "Remove the bank '{0}' ({1} questions) from {2}? Its questions will no longer be "
                "drawn; past attempts stay and are still reported."
            ).format(b.name, b.questions, b.test_code),
            ok=self.tr("Remove"),
        ):
            banks, bank_id = self._banks, b.bank_id
            self.reload(change=lambda: banks.remove(bank_id))

    def export(self, fmt: str) -> None:
        b = self.selected()
        if b is None:
            return
        suffix = "xml" if fmt == "moodle" else "yaml"
        target = self._dialogs.save_file(
            self.tr("Export bank"),
            self.tr("Moodle XML (*.xml)") if fmt == "moodle" else self.tr("YAML (*.yaml)"),
            f"{b.name}.{suffix}",
        )
        if not target:
            return
        banks, code, bank_id, out = self._banks, b.test_code, b.bank_id, Path(target)

        def work(_t: Ticket) -> tuple[Bank, str] | ExportError:
            # the whole bank is read and rendered on a worker thread
            from app.services.exports import ExportError
            from app.services.formats import export_text

            bank = banks.load_bank(code, bank_id=bank_id)
            try:
                return bank, export_text(bank, "moodle" if fmt == "moodle" else "yaml", out)
            except ExportError as e:  # a native file that would not validate is not written
                return e

        def done(result: tuple[Bank, str] | ExportError) -> None:
            self._end()
            if isinstance(result, tuple):
                self._write_export(out, fmt, *result)
            else:
                self._dialogs.error(self.tr("Export"), result.short_text())

        def failed(error: Exception) -> None:
            self._end()
            raise error  # a database fault: the error dialog, as before; anything else: crash log

        self._begin(self.tr("Exporting {0}...").format(b.name))
        self.export_ticket = self.runner.submit(work, done, failed, key="export")

    def _write_export(self, out: Path, fmt: str, bank: Bank, text: str) -> None:
        try:
            out.write_text(text, encoding="utf-8")
            if fmt != "moodle":
                for name, data in bank.exhibit_files.items():
                    dest = (out.parent / name).resolve()
                    if dest.is_relative_to(out.parent.resolve()):
                        dest.parent.mkdir(parents=True, exist_ok=True)
                        dest.write_bytes(data)
        except OSError as e:
            self._dialogs.error(
                self.tr("Export"), self.tr("Could not write {0}: {1}").format(out, e.strerror)
            )
            return
        self._dialogs.info(
            self.tr("Export"),
            self.tr("Exported {0} questions to {1}.").format(len(bank.questions), out),
        )

    # -- drag and drop --------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)
