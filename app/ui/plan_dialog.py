"""The study plan: settings (test date, evenings, minutes, goal), progress, the weeks ahead.

The dialog shows a frozen PlanView; saving goes through a callback that stores the settings and
returns the re-made plan, so the dialog never touches the database itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.planner import (
    MAX_MINUTES,
    MIN_MINUTES,
    Goal,
    PlanError,
    PlannedSession,
    SessionKind,
)
from app.services.plans import PlanView
from app.ui.theme import colour
from app.ui.translation import Counts, translate_error, translated
from app.ui.work import TaskRunner, Ticket

Plan = Counts("Plan")  # the plan's texts with a count


def weekday_names() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("Plan", "Mon"),
        QCoreApplication.translate("Plan", "Tue"),
        QCoreApplication.translate("Plan", "Wed"),
        QCoreApplication.translate("Plan", "Thu"),
        QCoreApplication.translate("Plan", "Fri"),
        QCoreApplication.translate("Plan", "Sat"),
        QCoreApplication.translate("Plan", "Sun"),
    )


def goal_name(goal: Goal) -> str:
    """The plan's goal as the dialog's Goal box names it (and the PDF repeats it)."""
    if goal is Goal.CERTIFICATION:
        return QCoreApplication.translate("PlanDialog", "Certification")
    return QCoreApplication.translate("PlanDialog", "Recertification")


def day_text(d: date) -> str:
    """'Mon 7 December', 'lun 7 de diciembre': the names from the interface language's locale
    (set with the translators), the order and words from the translated Qt date format."""
    form = QCoreApplication.translate("Plan", "ddd d MMMM", "a day as a Qt date format")
    return QLocale().toString(QDate(d.year, d.month, d.day), form)


def session_text(x: PlannedSession) -> str:
    if x.kind is SessionKind.MOCK:
        text = QCoreApplication.translate("Plan", "Full timed mock exam")
    elif x.kind is SessionKind.RECERT_FORM:
        text = QCoreApplication.translate("Plan", "Recertification practice form")
    elif x.kind is SessionKind.REVIEW:
        text = QCoreApplication.translate("Plan", "Spaced review of missed questions")
    elif x.focus_titles:
        what = (
            QCoreApplication.translate("Plan", "Area")
            if x.focus_kind == "area"
            else QCoreApplication.translate("Plan", "Task")
        )
        text = QCoreApplication.translate("Plan", "Drill: {what} {key} {title}").format(
            what=what, key=x.focus[0], title=x.focus_titles[0]
        )
    else:
        text = QCoreApplication.translate("Plan", "Mixed practice drill")
    if x.warm_up_reviews:
        text += " " + Plan.tr("(first %n review(s) due)", "", x.warm_up_reviews)
    return text


def today_summary(view: PlanView) -> tuple[str, str, bool]:
    """(text for Home's Today box, the Start button's text, whether it can start)."""
    st = view.settings
    if st.test_date is None:
        when = QCoreApplication.translate(
            "Plan", "No test date booked yet (set one in Study plan)."
        )
    else:
        days = (st.test_date - view.plan.today).days
        booked = Plan.tr("{code} test on {day} (%n day(s)).", "", days)
        when = booked.format(code=view.test_code, day=day_text(st.test_date)) if days > 0 else ""
    nxt = view.next_session
    if view.today is not None:
        x = view.today
        text = QCoreApplication.translate("Plan", "Today: {what}, {minutes} min.").format(
            what=session_text(x), minutes=x.minutes
        )
        return (
            f"{text} {when}".strip(),
            QCoreApplication.translate("Plan", "Start today's session"),
            True,
        )
    if nxt is None:
        note = (
            translated(view.plan.notes[0])
            if view.plan.notes
            else QCoreApplication.translate("Plan", "Nothing is planned.")
        )
        return f"{when} {note}".strip(), QCoreApplication.translate("Plan", "Start"), False
    lead = (
        QCoreApplication.translate("Plan", "Today's session is done.")
        if view.done_today
        else QCoreApplication.translate("Plan", "No session planned for today.")
    )
    text = QCoreApplication.translate("Plan", "{lead} Next: {day}, {what}.").format(
        lead=lead, day=day_text(nxt.day), what=session_text(nxt)
    )
    return f"{text} {when}".strip(), QCoreApplication.translate("Plan", "Do the next one now"), True


class PlanDialog(QDialog):
    plan_changed = Signal()

    def __init__(
        self,
        view: PlanView,
        save: Callable[[date | None, frozenset[int], int, Goal], PlanView],
        export: Callable[[PlanView], None],
        parent: QWidget | None = None,
        *,
        run_sync: bool = False,
    ) -> None:
        super().__init__(parent)
        self._save = save  # stores and re-plans: run on a worker thread (see _on_save_clicked)
        self.runner = TaskRunner(self, inline=run_sync)  # inline: tests not about threads
        self.save_ticket: Ticket | None = None
        self._export = export
        self.view = view
        self.setWindowTitle(self.tr("Study plan"))
        self.resize(820, 580)
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        layout.addWidget(self._settings_box())
        self.progress = QLabel()
        self.progress.setWordWrap(True)
        self.progress.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.progress)
        self.weeks = QTreeWidget()
        self.weeks.setAccessibleName(self.tr("Weeks ahead"))
        self.weeks.setColumnCount(3)
        self.weeks.setHeaderLabels([self.tr("Day"), self.tr("Session"), self.tr("Minutes")])
        hh = self.weeks.header()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        hh.setStretchLastSection(False)
        layout.addWidget(self.weeks, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = QPushButton(self.tr("Export to calendar (.ics)..."))
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(lambda: self._export(self.view))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.show_view(view)

    def _settings_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Plan settings"))
        form = QFormLayout(box)
        date_row = QHBoxLayout()
        self.test_date = QDateEdit()
        self.test_date.setCalendarPopup(True)
        self.test_date.setDisplayFormat("yyyy-MM-dd")
        self.test_date.setAccessibleName(self.tr("Test date"))
        self.not_booked = QCheckBox(self.tr("Not booked yet"))
        self.not_booked.toggled.connect(lambda on: self.test_date.setEnabled(not on))
        date_row.addWidget(self.test_date)
        date_row.addWidget(self.not_booked)
        date_row.addStretch(1)
        form.addRow(self.tr("Test date:"), date_row)
        days_row = QHBoxLayout()
        self.day_boxes: list[QCheckBox] = []
        for name in weekday_names():
            b = QCheckBox(name)
            self.day_boxes.append(b)
            days_row.addWidget(b)
        days_row.addStretch(1)
        form.addRow(self.tr("Study evenings:"), days_row)
        time_row = QHBoxLayout()
        self.minutes = QSpinBox()
        self.minutes.setRange(MIN_MINUTES, MAX_MINUTES)
        self.minutes.setSingleStep(5)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setAccessibleName(self.tr("Minutes per session"))
        self.goal = QComboBox()
        for goal in (Goal.CERTIFICATION, Goal.RECERTIFICATION):
            self.goal.addItem(goal_name(goal), goal.value)
        self.goal.setAccessibleName(self.tr("Goal"))
        time_row.addWidget(self.minutes)
        time_row.addSpacing(16)
        time_row.addWidget(QLabel(self.tr("Goal:")))
        time_row.addWidget(self.goal)
        time_row.addStretch(1)
        self.save_button = QPushButton(self.tr("Save and re-plan"))
        self.save_button.clicked.connect(self._on_save_clicked)
        time_row.addWidget(self.save_button)
        form.addRow(self.tr("Each session:"), time_row)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet(f"color: {colour('bad')}")
        self.error.setVisible(False)
        form.addRow(self.error)
        return box

    def show_view(self, view: PlanView) -> None:
        self.view = view
        st = view.settings
        self.heading.setText(
            self.tr("{code} {title} - {profile}").format(
                code=view.test_code, title=view.test_title, profile=view.profile
            )
        )
        today = view.plan.today
        default_date = st.test_date or today + timedelta(days=42)
        self.test_date.setDate(QDate(default_date.year, default_date.month, default_date.day))
        self.not_booked.setChecked(st.test_date is None)
        self.test_date.setEnabled(st.test_date is not None)
        for i, b in enumerate(self.day_boxes):
            b.setChecked(i in st.weekdays)
        self.minutes.setValue(st.minutes)
        self.goal.setCurrentIndex(0 if st.goal is Goal.CERTIFICATION else 1)
        lines = []
        if view.stored:
            lines.append(
                self.tr("Done {done} of {planned} planned evenings since {since}.").format(
                    done=view.done_so_far, planned=view.planned_so_far, since=day_text(view.since)
                )
            )
        else:
            lines.append(self.tr("Suggested plan: save it to keep track of your evenings."))
        lines.extend(translated(n) for n in view.plan.notes)
        self.progress.setText(" ".join(lines))
        self.weeks.clear()
        for monday, sessions in view.plan.weeks():
            week = QTreeWidgetItem(
                [
                    self.tr("Week of {day}").format(day=day_text(monday)),
                    self.tr("%n session(s)", "", len(sessions)),
                    str(sum(x.minutes for x in sessions)),
                ]
            )
            font = week.font(0)
            font.setBold(True)
            for c in range(3):
                week.setFont(c, font)
            self.weeks.addTopLevelItem(week)
            for x in sessions:
                label = day_text(x.day)
                if x.day == today:
                    label = self.tr("{day} (today)").format(day=label)
                child = QTreeWidgetItem([label, session_text(x), str(x.minutes)])
                child.setTextAlignment(2, Qt.AlignmentFlag.AlignRight)
                week.addChild(child)
            week.setTextAlignment(2, Qt.AlignmentFlag.AlignRight)
            week.setExpanded(True)
        self.export_button.setEnabled(bool(view.plan.sessions))

    def chosen_weekdays(self) -> frozenset[int]:
        return frozenset(i for i, b in enumerate(self.day_boxes) if b.isChecked())

    def _on_save_clicked(self) -> None:
        """Stores the settings and re-plans on a worker thread while the button waits; a newer
        Save supersedes an older one still running (its plan is never shown)."""
        d = self.test_date.date()
        test_date = None if self.not_booked.isChecked() else date(d.year(), d.month(), d.day())
        weekdays, minutes = self.chosen_weekdays(), self.minutes.value()
        goal, save = Goal(self.goal.currentData()), self._save
        self.save_button.setEnabled(False)

        def done(view: PlanView) -> None:
            self.save_button.setEnabled(True)
            self.error.setVisible(False)
            self.show_view(view)
            self.plan_changed.emit()

        def failed(e: Exception) -> None:
            self.save_button.setEnabled(True)
            if not isinstance(e, PlanError):
                raise e  # a database fault: the error dialog; anything else: the crash log
            self.error.setText(translate_error(e))
            self.error.setVisible(True)

        self.save_ticket = self.runner.submit(
            lambda _t: save(test_date, weekdays, minutes, goal), done, failed, key="save"
        )
