"""Certification tracker: the learner enters real test results; the dialog shows expiry, the
recertify-by window, Master Automobile progress, what a lapse would cost, the retake date and
the monthly renewal-style check of each held certification.

Adding and removing go through callbacks that store the change (one transaction each) and return
the new state, so the dialog never touches the database itself. "Start monthly check" only
records the chosen check in `check_requested` and closes the dialog; the caller starts the practice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.certification import MasterProgress, Outcome, RenewalCheck, Standing, Tracker
from app.domain.ids import CertificationId
from app.domain.planner import PlanError
from app.services.plans import CertificationEntry
from app.ui.theme import colour
from app.ui.translation import Counts, translate_error
from app.ui.work import TaskRunner, Ticket

Certifications = Counts("Certifications")  # the tracker's texts with a count

TrackerState = tuple[Tracker, Sequence[CertificationEntry], Sequence[RenewalCheck]]
CHECK_COLUMN = 7


def standing_text(s: Standing) -> str:
    return {
        Standing.CURRENT: QCoreApplication.translate("Certifications", "Current"),
        Standing.RECERTIFY: QCoreApplication.translate("Certifications", "Recertify now"),
        Standing.EXPIRED: QCoreApplication.translate("Certifications", "Expired"),
        Standing.NOT_HELD: QCoreApplication.translate("Certifications", "Not held"),
    }[s]


def master_text(m: MasterProgress) -> str:
    if m.held:
        until = m.held_until.isoformat() if m.held_until else ""
        return QCoreApplication.translate(
            "Certifications", "{title}: held - all {n} current, until {until}."
        ).format(title=m.title, n=len(m.required), until=until)
    return QCoreApplication.translate(
        "Certifications", "{title}: {done} of {n} current; still needed: {missing}."
    ).format(title=m.title, done=len(m.current), n=len(m.required), missing=", ".join(m.missing))


def check_text(c: RenewalCheck | None) -> str:
    if c is None:
        return ""
    if c.questions == 0:
        return QCoreApplication.translate("Certifications", "test not loaded")
    if c.due or c.last_check is None:
        return Certifications.tr("due (%n question(s))", "", c.questions)
    return QCoreApplication.translate("Certifications", "done {date}").format(
        date=c.last_check.isoformat()
    )


def _d(d: date | None) -> str:
    return d.isoformat() if d else ""


class CertificationsDialog(QDialog):
    changed = Signal()

    def __init__(
        self,
        profile: str,
        state: TrackerState,
        add: Callable[[str, date, Outcome], TrackerState],
        remove: Callable[[CertificationId], TrackerState],
        parent: QWidget | None = None,
        *,
        run_sync: bool = False,
    ) -> None:
        super().__init__(parent)
        self._add, self._remove = add, remove  # run on a worker thread (see `_change`)
        self.runner = TaskRunner(self, inline=run_sync)  # inline: tests not about threads
        self.change_ticket: Ticket | None = None
        self._checks: dict[str, RenewalCheck] = {}
        self.check_requested: RenewalCheck | None = None
        self.setWindowTitle(self.tr("Certifications - {profile}").format(profile=profile))
        self.resize(860, 580)
        layout = QVBoxLayout(self)
        self.masters = QLabel()
        self.masters.setTextFormat(Qt.TextFormat.PlainText)
        self.masters.setWordWrap(True)
        font = self.masters.font()
        font.setBold(True)
        self.masters.setFont(font)
        layout.addWidget(self.masters)
        self.status = QTableWidget(0, 8)
        self.status.setAccessibleName(self.tr("Certifications held"))
        self.status.setHorizontalHeaderLabels(
            [
                self.tr("Test"),
                self.tr("Standing"),
                self.tr("Passed"),
                self.tr("Expires"),
                self.tr("Recertify from"),
                self.tr("Retake from"),
                self.tr("A lapse would end"),
                self.tr("Monthly check"),
            ]
        )
        self._table_look(self.status)
        self.status.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.status.itemSelectionChanged.connect(self._update_check)
        layout.addWidget(self.status, 3)
        check_row = QHBoxLayout()
        self.check_button = QPushButton(self.tr("Start monthly check"))
        self.check_button.setToolTip(
            self.tr(
                "A few questions per content area of the selected certification, as ASE's renewal "
                "app does, to keep your knowledge current between recertifications."
            )
        )
        self.check_button.clicked.connect(self._on_check_clicked)
        check_row.addWidget(self.check_button)
        check_row.addStretch(1)
        layout.addLayout(check_row)
        layout.addWidget(self._entry_box(), 2)
        self.hint = QLabel(
            self.tr(
                "Certifications last five years from the pass date. The recertify window opens "
                "one year before expiry (BayReady's choice, leaving time for a retake). After a "
                "failed test, ASE lets you retake it 30 days later."
            )
        )
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.show_state(state)

    @staticmethod
    def _table_look(t: QTableWidget) -> None:
        t.verticalHeader().setVisible(False)
        # one line of text per row: the tracker and the results both fit without scrolling
        t.verticalHeader().setDefaultSectionSize(t.fontMetrics().height() + 8)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _entry_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Test results you entered"))
        v = QVBoxLayout(box)
        row = QHBoxLayout()
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("Test, e.g. A5"))
        self.code.setMaxLength(16)
        self.code.setAccessibleName(self.tr("Test code"))
        self.taken_on = QDateEdit()
        self.taken_on.setCalendarPopup(True)
        self.taken_on.setDisplayFormat("yyyy-MM-dd")
        self.taken_on.setAccessibleName(self.tr("Date taken"))
        self.outcome = QComboBox()
        self.outcome.addItem(self.tr("Passed"), Outcome.PASS.value)
        self.outcome.addItem(self.tr("Failed"), Outcome.FAIL.value)
        self.outcome.setAccessibleName(self.tr("Result"))
        self.add_button = QPushButton(self.tr("Add result"))
        self.add_button.clicked.connect(self._on_add_clicked)
        self.code.returnPressed.connect(self._on_add_clicked)
        for w in (QLabel(self.tr("Test:")), self.code, QLabel(self.tr("Taken on:")), self.taken_on):
            row.addWidget(w)
        row.addWidget(self.outcome)
        row.addWidget(self.add_button)
        row.addStretch(1)
        v.addLayout(row)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet(f"color: {colour('bad')}")
        self.error.setVisible(False)
        v.addWidget(self.error)
        lower = QHBoxLayout()
        self.entries = QTableWidget(0, 3)
        self.entries.setAccessibleName(self.tr("Results entered"))
        self.entries.setHorizontalHeaderLabels(
            [self.tr("Test"), self.tr("Date"), self.tr("Result")]
        )
        self._table_look(self.entries)
        self.entries.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.entries.itemSelectionChanged.connect(self._update_remove)
        self.remove_button = QPushButton(self.tr("Remove result"))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        lower.addWidget(self.entries, 1)
        lower.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        v.addLayout(lower)
        return box

    def show_state(self, state: TrackerState) -> None:
        tracker, entries, checks = state
        self.tracker = tracker
        self._checks = {c.test_code: c for c in checks}
        self.masters.setText("\n".join(master_text(m) for m in tracker.masters))
        today = tracker.today
        self.taken_on.setMaximumDate(QDate(today.year, today.month, today.day))
        if self.taken_on.date() > self.taken_on.maximumDate() or not self.code.text():
            self.taken_on.setDate(QDate(today.year, today.month, today.day))
        self.status.setRowCount(len(tracker.certifications))
        for r, c in enumerate(tracker.certifications):
            cells = [
                c.test_code,
                standing_text(c.standing),
                _d(c.passed_on),
                _d(c.expires_on),
                _d(c.window_opens),
                _d(c.retake_from),
                ", ".join(c.lapse_costs),
                check_text(self._checks.get(c.test_code)),
            ]
            check = self._checks.get(c.test_code)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 1 and c.standing in (Standing.EXPIRED, Standing.RECERTIFY):
                    item.setForeground(QColor(colour("bad")))
                if col == CHECK_COLUMN and check is not None and check.due and check.questions:
                    item.setForeground(QColor(colour("bad")))
                self.status.setItem(r, col, item)
        self._entry_ids = [e.entry_id for e in entries]
        self.entries.setRowCount(len(entries))
        for r, e in enumerate(entries):
            result = self.tr("Passed") if e.outcome is Outcome.PASS else self.tr("Failed")
            for col, text in enumerate((e.test_code, e.taken_on.isoformat(), result)):
                self.entries.setItem(r, col, QTableWidgetItem(text))
        self._update_remove()
        self._select_first_due()
        self._update_check()

    def _select_first_due(self) -> None:
        if self.selected_check() is not None:
            return
        codes = [c.test_code for c in self.tracker.certifications]
        ready = [c for c in self._checks.values() if c.questions]
        first = next((c for c in ready if c.due), ready[0] if ready else None)
        if first is not None:
            self.status.selectRow(codes.index(first.test_code))

    def selected_check(self) -> RenewalCheck | None:
        rows = {i.row() for i in self.status.selectedItems()}
        if len(rows) != 1:
            return None
        item = self.status.item(rows.pop(), 0)
        check = self._checks.get(item.text()) if item is not None else None
        return check if check is not None and check.questions else None

    def _update_check(self) -> None:
        self.check_button.setEnabled(self.selected_check() is not None)

    def _on_check_clicked(self) -> None:
        check = self.selected_check()
        if check is None:
            return
        self.check_requested = check
        self.accept()

    def _update_remove(self) -> None:
        self.remove_button.setEnabled(bool(self.entries.selectedItems()))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _on_add_clicked(self) -> None:
        d = self.taken_on.date()
        code, taken_on = self.code.text(), date(d.year(), d.month(), d.day())
        outcome, add = Outcome(self.outcome.currentData()), self._add

        def added() -> None:
            self.code.clear()

        self._change(lambda: add(code, taken_on, outcome), added)

    def _on_remove_clicked(self) -> None:
        row = self.entries.currentRow()
        if 0 <= row < len(self._entry_ids):
            entry, remove = self._entry_ids[row], self._remove
            self._change(lambda: remove(entry), lambda: None)

    def _change(self, work: Callable[[], TrackerState], then: Callable[[], None]) -> None:
        """Stores a change and reads the new state on a worker thread while the buttons wait;
        a refusal (an unknown test, a date ahead) is shown under the entry row."""
        if self.change_ticket is not None and not self.change_ticket.finished:
            return  # one change at a time (Enter in the test field while one is stored)
        buttons = (self.add_button, self.remove_button, self.check_button)
        for b in buttons:
            b.setEnabled(False)

        def settle() -> None:
            self.add_button.setEnabled(True)
            self._update_remove()
            self._update_check()

        def done(state: TrackerState) -> None:
            self._show_error("")
            then()
            self.show_state(state)
            settle()
            self.changed.emit()

        def failed(e: Exception) -> None:
            settle()
            if not isinstance(e, PlanError):
                raise e  # a database fault: the error dialog; anything else: the crash log
            self._show_error(translate_error(e))

        self.change_ticket = self.runner.submit(lambda _t: work(), done, failed, key="change")
