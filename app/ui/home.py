"""Home page: the profile, then the tests with questions, last score and any attempt to resume."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QColor, QResizeEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.i18n import QT_TRANSLATE_NOOP
from app.ui.translation import mode_name

if TYPE_CHECKING:  # the home page is built before SQLAlchemy is imported (fast first paint)
    from app.services.profiles import ProfileView
    from app.services.views import QuickProfile, TestCard

# Item roles and an alignment as Qt's integer values. Naming any `Qt.*` enum, or a Python
# override receiving one (a model's `headerData(section, orientation, role)`), makes PySide6
# build Qt's whole namespace, 15-20 ms, and the home page is the first frame (issue 15). So the
# test list is a C++ QStandardItemModel filled with plain values, and these ints stand in.
DISPLAY_ROLE = 0  # Qt.ItemDataRole.DisplayRole
TOOL_TIP_ROLE = 3  # Qt.ItemDataRole.ToolTipRole
TEXT_ALIGNMENT_ROLE = 7  # Qt.ItemDataRole.TextAlignmentRole
FOREGROUND_ROLE = 9  # Qt.ItemDataRole.ForegroundRole
ACCESSIBLE_TEXT_ROLE = 11  # Qt.ItemDataRole.AccessibleTextRole
ALIGN_RIGHT_VCENTER = 0x0002 | 0x0080  # Qt.AlignmentFlag.AlignRight | AlignVCenter
_NUMERIC_COLUMNS = (2, 3, 4, 6)
LAST_MOCK_COLUMN = 5


class TestTableModel(QStandardItemModel):
    """One row per test: its cards (`rows`) and reviews due per test (`due`) as shown."""

    HEADERS = (
        QT_TRANSLATE_NOOP("TestTableModel", "Test"),
        QT_TRANSLATE_NOOP("TestTableModel", "Title"),
        QT_TRANSLATE_NOOP("TestTableModel", "Questions available"),
        QT_TRANSLATE_NOOP("TestTableModel", "Scored items"),
        QT_TRANSLATE_NOOP("TestTableModel", "Minutes"),
        QT_TRANSLATE_NOOP("TestTableModel", "Last mock"),
        QT_TRANSLATE_NOOP("TestTableModel", "Review due"),
        QT_TRANSLATE_NOOP("TestTableModel", "In progress"),
    )

    def __init__(self) -> None:
        super().__init__(0, len(self.HEADERS))
        self.rows: list[TestCard] = []
        self.due: dict[str, int] = {}
        # the pages are rebuilt when the language changes, so the labels are set once
        self.setHorizontalHeaderLabels([self.tr(h) for h in self.HEADERS])

    def set_rows(self, rows: Sequence[TestCard], due: dict[str, int] | None = None) -> None:
        """The whole list anew: the selection goes and the page selects a row again. Rows, not
        columns, are replaced (`clear()` would drop the header's per-column resize modes)."""
        self.rows = list(rows)
        self.due = dict(due or {})
        self.setRowCount(0)
        for t in self.rows:
            self.appendRow(self._items(t))

    def _verdict(self, passed: bool | None) -> str:
        return self.tr("pass") if passed else self.tr("below target")

    def _items(self, t: TestCard) -> list[QStandardItem]:
        last = (
            "-"
            if t.last_percent is None
            else f"{t.last_percent:.0f} % ({self._verdict(t.last_passed)})"
        )
        ip = (
            ""
            if t.in_progress is None
            else self.tr("{0} - resume").format(mode_name(t.in_progress_mode))
        )
        due = self.due.get(t.code, 0)
        values = (t.code, t.title, t.questions, t.scored_count, t.minutes, last, due or "", ip)
        items = []
        for col, value in enumerate(values):
            item = QStandardItem()
            item.setEditable(False)
            item.setData(value, DISPLAY_ROLE)
            item.setData(value, ACCESSIBLE_TEXT_ROLE)
            if col in _NUMERIC_COLUMNS:
                item.setData(ALIGN_RIGHT_VCENTER, TEXT_ALIGNMENT_ROLE)
            items.append(item)
        items[LAST_MOCK_COLUMN].setData(self._verdict_colour(t), FOREGROUND_ROLE)
        return items

    @staticmethod
    def _verdict_colour(t: TestCard) -> QColor | None:
        if t.last_passed is None:
            return None
        from app.ui.theme import colour

        return QColor(colour("good") if t.last_passed else colour("bad"))

    def recolour(self) -> None:
        """The last mock's pass/below-target colour for the current scheme (light or dark)."""
        for row, t in enumerate(self.rows):
            item = self.item(row, LAST_MOCK_COLUMN)
            if item is not None:
                item.setData(self._verdict_colour(t), FOREGROUND_ROLE)


class HomePage(QWidget):
    profile_selected = Signal(int)
    new_profile_requested = Signal()
    manage_profiles_requested = Signal()
    mock_requested = Signal(str, bool)  # test code, include research items
    practice_requested = Signal(str)
    resume_requested = Signal(int)
    banks_requested = Signal()
    progress_requested = Signal(str)
    review_requested = Signal(str)
    class_requested = Signal()
    test_selected = Signal(str)  # the selected test changed (refreshes "Today")
    today_requested = Signal(str)  # start today's planned session for this test
    plan_requested = Signal(str)
    certifications_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        top = QHBoxLayout()
        top.addWidget(QLabel("<h2>BayReady</h2>"))
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Profile:")))
        self.profile = QComboBox()
        self.profile.setMinimumWidth(200)
        # a long name must not widen the combo (names are elided, the full name is the tooltip)
        self.profile.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.profile.setMinimumContentsLength(18)
        self.profile.setAccessibleName(self.tr("Profile"))
        self.profile.currentIndexChanged.connect(self._on_profile_changed)
        top.addWidget(self.profile)
        self.new_profile = QPushButton(self.tr("New profile..."))
        self.new_profile.clicked.connect(self.new_profile_requested)
        self.manage = QPushButton(self.tr("Profiles and accommodations..."))
        self.manage.clicked.connect(self.manage_profiles_requested)
        top.addWidget(self.new_profile)
        top.addWidget(self.manage)
        layout.addLayout(top)
        self.message = QLabel(self.tr("Opening the question banks..."))
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.model = TestTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Tests"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _i: self._on_start_clicked())
        layout.addWidget(self.table, 1)
        layout.addWidget(self._today_box())
        self.start = QPushButton(self.tr("Mock exam... (Enter)"))  # opens the intro; no clock yet
        self.start.setDefault(True)
        self.unscored = QCheckBox(self.tr("Add unscored research items"))
        self.unscored.setToolTip(
            self.tr(
                "About 10 extra items that do not count, mixed in as on the real "
                "test; they are scored apart and shown only on the report."
            )
        )
        self.practice = QPushButton(self.tr("Practice..."))
        self.resume = QPushButton(self.tr("Resume"))
        self.progress = QPushButton(self.tr("My progress and weak areas"))
        self.review = QPushButton(self.tr("Review missed"))
        self.review.clicked.connect(self._on_review_clicked)
        self.banks = QPushButton(self.tr("Question banks..."))
        self.class_results = QPushButton(self.tr("Class results..."))
        self.class_results.clicked.connect(self.class_requested)
        self.start.clicked.connect(self._on_start_clicked)
        self.practice.clicked.connect(self._on_practice_clicked)
        self.resume.clicked.connect(self._on_resume_clicked)
        self.progress.clicked.connect(self._on_progress_clicked)
        self.banks.clicked.connect(self.banks_requested)
        # the mock exam on the left, the other ways to study on the right; when they do not fit
        # side by side (a narrow window, longer Spanish labels) the right group takes a second row
        self._start_group = QWidget()
        row = QHBoxLayout(self._start_group)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.start, self.unscored):
            row.addWidget(w)
        row.addStretch(1)
        self._study_group = QWidget()
        row = QHBoxLayout(self._study_group)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        for w in (self.resume, self.review, self.practice, self.progress):
            row.addWidget(w)
        for group in (self._start_group, self._study_group):
            group.setMinimumWidth(1)  # the page may narrow past one row; _reflow_actions wraps
        self._actions = QGridLayout()
        self._actions.setContentsMargins(0, 0, 0, 0)
        self._actions.addWidget(self._start_group, 0, 0)
        self._actions.addWidget(self._study_group, 0, 1)
        self._two_rows = False
        layout.addLayout(self._actions)
        layout.addWidget(self._instructor_row())
        self.table.selectionModel().currentRowChanged.connect(self._on_table_row_changed)
        self._update_buttons()

    def _today_box(self) -> QWidget:
        """One line for today's planned session and one Start button; plan and tracker beside."""
        self.today_frame = QFrame()
        self.today_frame.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self.today_frame)
        row.setContentsMargins(8, 6, 8, 6)
        self.today_label = QLabel(self.tr("Today: choose a test to see your study plan."))
        self.today_label.setWordWrap(True)
        self._today_plain = False  # PlainText is set with the first text from the banks
        self.today_label.setAccessibleName(self.tr("Today"))
        self.today_start = QPushButton(self.tr("Start"))
        self.today_start.setEnabled(False)
        self.today_start.clicked.connect(self._on_today_start_clicked)
        self.plan_button = QPushButton(self.tr("Study plan..."))
        self.plan_button.clicked.connect(self._on_plan_clicked)
        self.certs_button = QPushButton(self.tr("Certifications..."))
        self.certs_button.clicked.connect(self.certifications_requested)
        row.addWidget(self.today_label, 1)
        for b in (self.today_start, self.plan_button, self.certs_button):
            row.addWidget(b)
        return self.today_frame

    def show_today_placeholder(self) -> None:
        """Before the services are open: the page's own hint, no text from a bank."""
        self.today_label.setText(self.tr("Today: choose a test to see your study plan."))
        self.today_start.setText(self.tr("Start"))
        self.today_start.setEnabled(False)

    def show_today(self, text: str, button: str, can_start: bool) -> None:
        if not self._today_plain:  # focus titles come from banks: never rendered as markup
            from PySide6.QtCore import Qt  # not before the first paint (see the roles above)

            self.today_label.setTextFormat(Qt.TextFormat.PlainText)
            self._today_plain = True
        self.today_label.setText(text)
        self.today_start.setText(button)
        self.today_start.setEnabled(can_start)

    def _instructor_row(self) -> QWidget:
        """Bank manager and class results show answer keys: instructors only."""
        self.instructor_tools = QFrame()
        self.instructor_tools.setFrameShape(QFrame.Shape.NoFrame)
        row = QHBoxLayout(self.instructor_tools)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Instructor tools:")))
        row.addWidget(self.banks)
        row.addWidget(self.class_results)
        row.addStretch(1)
        self.instructor_tools.setVisible(False)
        self._instructor = False
        return self.instructor_tools

    def set_instructor_mode(self, on: bool) -> None:
        self._instructor = on
        self.instructor_tools.setVisible(on)
        self.banks.setEnabled(on)
        self.class_results.setEnabled(on)
        if not self.model.rows and self.message.text() == self._empty_text(not on):
            self.message.setText(self._empty_text(on))

    def _empty_text(self, instructor: bool) -> str:
        if instructor:
            return self.tr(
                "No question banks are loaded yet. Import one with Question banks... or "
                "bayready bank import FILE."
            )
        return self.tr(
            "No question banks are loaded yet. An instructor imports them (Instructor menu, "
            "Instructor mode, then Question banks...), or run bayready bank import FILE."
        )

    # -- filling --------------------------------------------------------------------------------
    def show_profiles(
        self, profiles: Sequence[ProfileView | QuickProfile], current: int | None
    ) -> None:
        self.profile.blockSignals(True)
        self.profile.clear()
        from app.ui.elide import elided

        for i, p in enumerate(profiles):
            self.profile.addItem(elided(self.profile, p.name), p.profile_id)
            self.profile.setItemData(i, p.name, TOOL_TIP_ROLE)
            self.profile.setItemData(i, p.name, ACCESSIBLE_TEXT_ROLE)
        idx = self.profile.findData(current) if current is not None else -1
        self.profile.setCurrentIndex(max(0, idx))
        self.profile.blockSignals(False)

    def show_tests(self, cards: Sequence[TestCard], due: dict[str, int] | None = None) -> None:
        keep = self.selected_code()
        self.model.set_rows(cards, due)
        n = len(cards)
        self.message.setText(
            self.tr(
                "%n test(s) loaded. Choose one and start a timed mock exam, "
                "or practise by content area.",
                "",
                n,
            )
            if cards
            else self._empty_text(self._instructor)
        )
        row = next((i for i, c in enumerate(cards) if c.code == keep), 0)
        if cards:
            self.table.selectRow(row)
            self.table.setFocus()  # Qt.FocusReason.OtherFocusReason
        self._update_buttons()

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def test_count(self) -> int:
        return self.model.rowCount()

    def selected_card(self) -> TestCard | None:
        idx = self.table.currentIndex()
        if not idx.isValid() or idx.row() >= len(self.model.rows):
            return None
        return self.model.rows[idx.row()]

    def selected_code(self) -> str | None:
        c = self.selected_card()
        return c.code if c else None

    def select_test(self, code: str) -> None:
        for i, c in enumerate(self.model.rows):
            if c.code == code:
                self.table.selectRow(i)

    # -- slots ----------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        c = self.selected_card()
        has = c is not None and c.questions > 0
        for b in (self.start, self.practice, self.progress, self.plan_button):
            b.setEnabled(has)
        self.resume.setEnabled(c is not None and c.in_progress is not None)
        due = self.model.due.get(c.code, 0) if c is not None else 0
        self.review.setEnabled(due > 0)
        self.review.setText(
            self.tr("Review missed (%n due)", "", due) if due else self.tr("Review missed")
        )
        if c is not None and c.in_progress is not None:
            self.resume.setText(
                self.tr("Resume {0} {1}").format(c.code, mode_name(c.in_progress_mode))
            )
        else:
            self.resume.setText(self.tr("Resume"))
        self._reflow_actions()

    def actions_in_two_rows(self) -> bool:
        return self._two_rows

    def _reflow_actions(self) -> None:
        """One row when both groups fit at their natural width, else the study group below."""
        spacing = max(0, self._actions.horizontalSpacing())
        page = self.layout()
        m = page.contentsMargins() if page is not None else None
        room = self.width() - (m.left() + m.right() if m is not None else 0)
        for group in (self._start_group, self._study_group):
            layout = group.layout()
            if layout is not None:
                layout.invalidate()  # a button's text may have changed since the last layout
        need = self._start_group.sizeHint().width() + self._study_group.sizeHint().width() + spacing
        two = need > room
        if two == self._two_rows:
            return
        self._two_rows = two
        self._actions.removeWidget(self._study_group)
        if two:
            self._actions.addWidget(self._study_group, 1, 0)
        else:
            self._actions.addWidget(self._study_group, 0, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow_actions()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the theme followed the system's scheme
            self.model.recolour()

    def _on_table_row_changed(self, *_: object) -> None:
        self._update_buttons()
        code = self.selected_code()
        if code is not None:
            self.test_selected.emit(code)

    def _on_today_start_clicked(self) -> None:
        code = self.selected_code()
        if code is not None:
            self.today_requested.emit(code)

    def _on_plan_clicked(self) -> None:
        code = self.selected_code()
        if code is not None:
            self.plan_requested.emit(code)

    def _on_profile_changed(self, _index: int) -> None:
        pid = self.profile.currentData()
        if pid is not None:
            self.profile_selected.emit(int(pid))

    def _on_start_clicked(self) -> None:
        c = self.selected_card()
        if c is not None and c.questions:
            self.mock_requested.emit(c.code, self.unscored.isChecked())

    def _on_practice_clicked(self) -> None:
        c = self.selected_card()
        if c is not None:
            self.practice_requested.emit(c.code)

    def _on_resume_clicked(self) -> None:
        c = self.selected_card()
        if c is not None and c.in_progress is not None:
            self.resume_requested.emit(c.in_progress)

    def _on_review_clicked(self) -> None:
        c = self.selected_card()
        if c is not None:
            self.review_requested.emit(c.code)

    def _on_progress_clicked(self) -> None:
        c = self.selected_card()
        if c is not None:
            self.progress_requested.emit(c.code)
