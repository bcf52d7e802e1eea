"""The exam screen: one question at a time, navigator, countdown, flag, review, submit.

Every answer and flag goes to the ExamService at once (committed before the UI moves on), and the
clock is saved every few seconds, so a crash loses nothing already given.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QFont,
    QFontMetrics,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import ExamClock, format_remaining
from app.services.exams import (
    EXAM_MODES,
    RECERT,
    AttemptState,
    ExamError,
    ExamService,
    ItemView,
    with_item,
)
from app.services.setup import DatabaseError
from app.ui.dialogs import Dialogs
from app.ui.exam.booklet_pane import BookletPane
from app.ui.exam.choice_button import ChoiceButton
from app.ui.exam.clock_ticker import ClockTicker
from app.ui.exam.exhibit_view import ExhibitPane, ExhibitThumbnail
from app.ui.text import esc as _esc
from app.ui.text import plain as _plain
from app.ui.text import rich as _html
from app.ui.text import tooltip as _tooltip

Now = Callable[[], float]

NAV_CSS = {
    "answered": "background:#2e7d32; color:white;",
    "wrong": "background:#c62828; color:white;",  # practice only: answered and wrong
    "unanswered": "",
    "flagged": "background:#f9a825; color:black; border:2px dashed #8a5a00;",
    "flagged_answered": "background:#f9a825; color:black; border:3px solid #2e7d32;",
}
ANSWERED_MARK, FLAG_MARK = "\u2713", "\u2691"  # a tick and a flag: the state without colour
RIGHT_MARK, WRONG_MARK = "\u2714", "\u2718"  # heavy tick and cross: right and wrong without colour
# explicit text colour with each background, so the cue reads in a dark theme too
FEEDBACK_CSS = {
    "right": "background:#e8f5e9; color:#1b5e20; border:2px solid #2e7d32;",
    "wrong": "background:#ffebee; color:#8e0000; border:2px solid #c62828;",
}
FEEDBACK_TEXT_CSS = {
    "right": "color:#1b5e20; font-weight:bold;",
    "wrong": "color:#8e0000; font-weight:bold;",
}
CHOICE_TEXT_CSS = "font-size:12pt;"
# the option with keyboard focus is framed (its words are a child label, out of the style's reach)
CHOICE_FOCUS_CSS = (
    "QRadioButton { border:2px solid transparent; border-radius:4px; }"
    "QRadioButton:focus { border:2px solid palette(highlight); }"
)


class NavigatorButton(QToolButton):
    def __init__(self, position: int) -> None:
        super().__init__()
        self.position = position
        self.setText(str(position + 1))
        self.setFixedSize(44, 32)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def show_status(self, item: ItemView, current: bool, practice: bool = False) -> None:
        """A mock shows answered or not; a practice (marked at once) shows right or wrong."""
        wrong = practice and item.answered and not item.correct
        if item.flagged:
            status = "flagged_answered" if item.answered else "flagged"
        else:
            status = ("wrong" if wrong else "answered") if item.answered else "unanswered"
        css = NAV_CSS[status]
        if current:
            css += "border:3px solid palette(highlight); font-weight:bold;"
        self.setStyleSheet(f"QToolButton {{{css}}}")
        answered_mark = (WRONG_MARK if wrong else RIGHT_MARK) if practice else ANSWERED_MARK
        marks = (answered_mark if item.answered else "") + (FLAG_MARK if item.flagged else "")
        self.setText(f"{item.position + 1}{marks}")
        words = {
            "answered": self.tr("answered, right") if practice else self.tr("answered"),
            "wrong": self.tr("answered, wrong"),
            "unanswered": self.tr("not answered"),
            "flagged": self.tr("flagged for review, not answered"),
            "flagged_answered": (
                self.tr("flagged for review, answered wrong")
                if wrong
                else self.tr("flagged for review, answered right")
                if practice
                else self.tr("flagged for review, answered")
            ),
        }
        self.setAccessibleName(
            self.tr("Question {0}, {1}").format(item.position + 1, words[status])
        )
        self.setToolTip(self.accessibleName())


class ReviewPanel(QWidget):
    """Before submitting: unanswered and flagged items, each a link back to the question."""

    jump_requested = Signal(int)
    back_requested = Signal()
    submit_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._mock = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        lists = QHBoxLayout()
        self.unanswered = self._list(self.tr("Unanswered questions"))
        self.flagged = self._list(self.tr("Flagged for review"))
        self.unanswered_label = QLabel()
        self.flagged_label = QLabel()
        for label, lst in (
            (self.unanswered_label, self.unanswered),
            (self.flagged_label, self.flagged),
        ):
            col = QVBoxLayout()
            col.addWidget(label)
            col.addWidget(lst)
            lists.addLayout(col)
        layout.addLayout(lists, 1)
        buttons = QHBoxLayout()
        self.back = QPushButton(self.tr("Return to the questions"))
        self.submit = QPushButton()
        self.back.clicked.connect(self.back_requested)
        self.submit.clicked.connect(self.submit_requested)
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.submit)
        layout.addLayout(buttons)
        self.set_mock(True)

    def set_mock(self, mock: bool) -> None:
        """A practice is finished, not submitted: no exam wording outside a mock."""
        self._mock = mock
        self.submit.setText(self.tr("Submit exam...") if mock else self.tr("Finish practice..."))
        self.submit.setAccessibleName(
            self.tr("Submit exam") if mock else self.tr("Finish practice")
        )

    def _list(self, name: str) -> QListWidget:
        lst = QListWidget()
        lst.setAccessibleName(name)
        lst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lst.setTextElideMode(Qt.TextElideMode.ElideRight)
        lst.itemActivated.connect(self._on_list_item_activated)
        lst.itemClicked.connect(self._on_list_item_activated)
        return lst

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        position = item.data(Qt.ItemDataRole.UserRole)
        if position is not None:
            self.jump_requested.emit(int(position))

    def show_state(self, state: AttemptState) -> None:
        n = len(state.items)
        un = [i for i in state.items if not i.answered]
        fl = [i for i in state.items if i.flagged]
        title = (
            self.tr("Review before submitting")
            if self._mock
            else self.tr("Review before finishing")
        )
        self.heading.setText(
            f"<h2>{title}</h2><p>"
            + self.tr(
                "You have answered {0} of {1} questions. Select a question below to go back to "
                "it. An unanswered question earns no points."
            ).format(n - len(un), n)
            + "</p>"
        )
        self.unanswered_label.setText("<b>" + self.tr("Unanswered ({0})").format(len(un)) + "</b>")
        self.flagged_label.setText(
            "<b>" + self.tr("Flagged for review ({0})").format(len(fl)) + "</b>"
        )
        for lst, items, flagged in ((self.unanswered, un, False), (self.flagged, fl, True)):
            lst.clear()
            for i in items:
                snippet = " ".join(_plain(i.stem).split())
                head = self.tr("Question {0}").format(i.position + 1)
                if flagged:  # flagged and answered is not flagged and blank: say which
                    state_words = (
                        f"{ANSWERED_MARK}{FLAG_MARK} " + self.tr("answered")
                        if i.answered
                        else f"{FLAG_MARK} " + self.tr("not answered")
                    )
                    head = f"{head} ({state_words})"
                w = QListWidgetItem(f"{head}: {snippet}")
                w.setToolTip(_tooltip(i.stem))
                w.setData(Qt.ItemDataRole.UserRole, i.position)
                lst.addItem(w)
            if not items:
                lst.addItem(QListWidgetItem(self.tr("None")))
                lst.item(0).setFlags(Qt.ItemFlag.NoItemFlags)


class ExamPage(QWidget):
    submitted = Signal(object)  # AttemptReport
    left = Signal()  # back home without submitting (the attempt stays resumable)
    warning_shown = Signal(str)
    time_up = Signal()  # after the attempt was submitted because its time ran out

    def __init__(self, exams: ExamService, dialogs: Dialogs, now: Now = time.monotonic) -> None:
        super().__init__()
        self._exams = exams
        self._dialogs = dialogs
        self._now = now
        self.state: AttemptState | None = None
        self.position = 0
        self.ticker: ClockTicker | None = None
        self._entered_at = 0.0
        self._unsaved: set[int] = set()
        self._countdown_low = False
        self._exhibit_hidden = False
        self._building = False
        self._build()
        self._shortcuts()

    # -- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # the test's title comes from a bank
        self.title.setStyleSheet("font-weight:bold;")
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.counter = QLabel()
        self.counter.setStyleSheet("font-size:15pt; font-weight:bold;")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.flag_button = QPushButton()
        self.flag_button.setCheckable(True)
        self.flag_button.toggled.connect(self._on_flag_toggled)
        # the header never moves: the flag button and the clock keep one width whatever they say
        self._style_flag_button(False)
        self.flag_button.setMinimumWidth(
            max(
                self.flag_button.fontMetrics().horizontalAdvance(t)
                for t in (self._flag_text(False), self._flag_text(True))
            )
            + 36
        )
        keep = self.flag_button.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.flag_button.setSizePolicy(keep)
        self.countdown = QLabel()
        self.countdown.setAccessibleName(self.tr("Time remaining"))
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._set_countdown_low(False)
        clock_font = QFont(self.countdown.font())
        clock_font.setPointSize(15)
        clock_font.setBold(True)
        wide = QFontMetrics(clock_font)
        self.countdown.setFixedWidth(
            max(
                wide.horizontalAdvance(t)
                for t in (self.tr("Time left {0}"), self.tr("Elapsed {0}"))
                for t in (t.format("0:00:00"), t.format("00:00"))
            )
            + 28
        )
        self.show_time = QPushButton(self.tr("Show time"))
        self.show_time.setCheckable(True)
        self.show_time.toggled.connect(lambda on: self.countdown.setVisible(on))
        top.addWidget(self.title, 1)
        top.addWidget(self.counter, 1)
        top.addStretch(0)
        top.addWidget(self.flag_button)
        top.addWidget(self.show_time)
        top.addWidget(self.countdown)
        outer.addLayout(top)
        # the warning strip's line is always reserved, so a warning never pushes the question down
        self.banner = QLabel()
        self.banner.setVisible(False)
        self.banner.setWordWrap(False)
        self.banner.setStyleSheet(
            "background:#fff3cd; color:#5c4400; padding:3px 6px; "
            "border:1px solid #e0c060; border-radius:4px;"
        )
        self.banner.setAccessibleName(self.tr("Time warning"))
        self.banner.setFixedHeight(self.banner.fontMetrics().lineSpacing() + 10)
        strip = self.banner.sizePolicy()
        strip.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        strip.setRetainSizeWhenHidden(True)
        self.banner.setSizePolicy(strip)
        outer.addWidget(self.banner)

        self.stack = QStackedWidget()
        outer.addWidget(self.stack, 1)
        body = QWidget()
        body_layout = QHBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(body)

        question_col = QVBoxLayout()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        self.content_layout = QVBoxLayout(content)
        self.content_layout.setContentsMargins(4, 4, 12, 4)
        self.stem = QLabel()
        self.stem.setWordWrap(True)
        self.stem.setTextFormat(Qt.TextFormat.RichText)
        self.stem.setStyleSheet("font-size:13pt;")
        self.stem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stem.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.content_layout.addWidget(self.stem)
        self.exhibit = ExhibitThumbnail()
        self.exhibit.open_requested.connect(self.open_exhibit)
        self.content_layout.addWidget(self.exhibit, 0, Qt.AlignmentFlag.AlignLeft)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.choice_buttons: list[ChoiceButton] = []
        for i in range(4):
            b = ChoiceButton()
            b.set_label_style(CHOICE_TEXT_CSS)
            self.group.addButton(b, i)
            self.choice_buttons.append(b)
            self.content_layout.addWidget(b)
        self.group.idClicked.connect(self._on_choice_clicked)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.RichText)
        self.feedback.setVisible(False)
        self.feedback.setAccessibleName(self.tr("Feedback"))
        self.content_layout.addWidget(self.feedback)
        self.content_layout.addStretch(1)
        scroll.setWidget(content)
        scroll.setMinimumWidth(300)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # text wraps
        self.splitter.addWidget(scroll)
        self.exhibit_pane = ExhibitPane()
        self.exhibit_pane.setMinimumWidth(240)
        self.exhibit_pane.setVisible(False)
        self.exhibit_pane.hide_requested.connect(lambda: self.set_exhibit_shown(False))
        self.splitter.addWidget(self.exhibit_pane)
        self.booklet = BookletPane()  # the test's reference booklet, when it has one (F4)
        self.splitter.addWidget(self.booklet)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        question_col.addWidget(self.splitter, 1)
        nav_row = QHBoxLayout()
        self.prev_button = QPushButton(self.tr("< Previous (P)"))
        self.next_button = QPushButton(self.tr("Next (N) >"))
        self.review_button = QPushButton(self.tr("Review and submit (Ctrl+R)"))
        self.leave_button = QPushButton(self.tr("Save and leave"))
        self.leave_button.setToolTip(
            self.tr("The attempt is saved; resume it from the home screen.")
        )
        self.prev_button.clicked.connect(lambda: self.go(self.position - 1))
        self.next_button.clicked.connect(lambda: self.go(self.position + 1))
        self.review_button.clicked.connect(self.show_review)
        self.leave_button.clicked.connect(self.leave)
        nav_row.addWidget(self.prev_button)
        nav_row.addWidget(self.next_button)
        nav_row.addWidget(self.booklet.toggle_button)
        nav_row.addStretch(1)
        nav_row.addWidget(self.leave_button)
        nav_row.addWidget(self.review_button)
        question_col.addLayout(nav_row)
        body_layout.addLayout(question_col, 1)

        side = QVBoxLayout()
        side_label = QLabel("<b>" + self.tr("Questions") + "</b>")
        side.addWidget(side_label)
        self.legend = legend = QLabel(self._legend_html(practice=False))
        legend.setAccessibleName(self.tr("Navigator legend"))
        legend.setWordWrap(True)
        side.addWidget(legend)
        nav_holder = QWidget()
        self.nav_grid = QGridLayout(nav_holder)
        self.nav_grid.setSpacing(4)
        self.nav_grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        nav_scroll = QScrollArea()
        nav_scroll.setWidget(nav_holder)
        nav_scroll.setWidgetResizable(True)
        nav_scroll.setFixedWidth(5 * 44 + 4 * 4 + 34)
        nav_scroll.setAccessibleName(self.tr("Question navigator"))
        side.addWidget(nav_scroll, 1)
        body_layout.addLayout(side)
        self.nav_buttons: list[NavigatorButton] = []

        self.review = ReviewPanel()
        self.review.jump_requested.connect(self._on_review_jump)
        self.review.back_requested.connect(lambda: self.go(self.position, save=False))
        self.review.submit_requested.connect(self.confirm_submit)
        self.stack.addWidget(self.review)

    def _shortcuts(self) -> None:
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut

        def sc(keys: str, fn: Callable[[], object]) -> None:
            s = QShortcut(QKeySequence(keys), self)
            s.setContext(ctx)
            s.activated.connect(fn)

        for i, (letter, digit) in enumerate(zip("ABCD", "1234", strict=True)):
            sc(letter, self._chooser(i))
            sc(digit, self._chooser(i))
        for k in ("Right", "N"):
            sc(k, lambda: self.go(self.position + 1))
        for k in ("Left", "P"):
            sc(k, lambda: self.go(self.position - 1))
        sc("F", lambda: self.flag_button.toggle() if self._in_question_view() else None)
        sc("Ctrl+R", self.show_review)
        sc("F4", self.booklet.toggle)
        sc("X", self._on_exhibit_key)
        for k in ("+", "=", "Ctrl++"):
            sc(k, lambda: self._zoom_exhibit(1))
        for k in ("-", "Ctrl+-"):
            sc(k, lambda: self._zoom_exhibit(-1))

    def _chooser(self, index: int) -> Callable[[], None]:
        return lambda: self.choose(index)

    def _in_question_view(self) -> bool:
        return self.state is not None and self.stack.currentIndex() == 0

    # -- state ----------------------------------------------------------------------------------
    def _legend_html(self, *, practice: bool) -> str:
        swatch = "<td><span style='{0}'>&nbsp;9{1}&nbsp;</span>&nbsp;{2}</td>"
        green, amber = "background:#2e7d32;color:white", "background:#f9a825;color:black"
        red = "background:#c62828;color:white"
        if practice:
            first = [
                swatch.format(green, RIGHT_MARK, self.tr("right")),
                swatch.format(red, WRONG_MARK, self.tr("wrong")),
            ]
        else:
            first = [swatch.format(green, ANSWERED_MARK, self.tr("answered"))]
        cells = [
            *first,
            swatch.format("", "", self.tr("not answered")),
            swatch.format(amber, FLAG_MARK, self.tr("flagged")),
            swatch.format(amber, ANSWERED_MARK + FLAG_MARK, self.tr("flagged, answered")),
        ]
        rows = ["".join(cells[i : i + 2]) for i in range(0, len(cells), 2)]  # two to a row
        return "<table cellspacing='2'><tr>" + "</tr><tr>".join(rows) + "</tr></table>"

    def start(self, state: AttemptState) -> None:
        """Show an attempt (new or resumed) and start its clock from the saved elapsed time."""
        self.stop_clock()
        self.state = state
        self._unsaved = set()
        mock = state.mode in EXAM_MODES
        kind = self.tr("Mock exam") if mock else self.tr("Practice")
        kind = self.tr("Recertification test") if state.mode == RECERT else kind
        self.booklet.set_booklet(self._exams.booklet(state.test_code))
        self.title.setText(f"{state.test_code} {state.test_title} - {kind}")
        self.title.setToolTip(_tooltip(self.title.text()))
        self.review_button.setText(
            self.tr("Review and submit (Ctrl+R)") if mock else self.tr("Review and finish (Ctrl+R)")
        )
        self.review.set_mock(mock)
        self.legend.setText(self._legend_html(practice=not mock))
        self._exhibit_hidden = False
        self._show_banner(state.note)
        for b in self.nav_buttons:  # out of the grid at once; deleted when control returns
            self.nav_grid.removeWidget(b)
            b.hide()
            b.deleteLater()
        self.nav_buttons = []
        for item in state.items:
            b = NavigatorButton(item.position)
            b.clicked.connect(lambda _c=False, p=item.position: self.go(p))
            self.nav_grid.addWidget(b, item.position // 5, item.position % 5)
            self.nav_buttons.append(b)
        clock = ExamClock(state.time_limit_s, self._now, elapsed_s=state.elapsed_s)
        self.ticker = ClockTicker(clock, self)
        self.ticker.remaining_changed.connect(self._on_ticker_remaining_changed)
        self.ticker.warning_reached.connect(self._on_ticker_warning_reached)
        self.ticker.expired.connect(self._on_ticker_expired)
        self.ticker.save_due.connect(self._on_ticker_save_due)
        hidden = state.hide_countdown
        self.show_time.setVisible(hidden)
        self.show_time.setChecked(not hidden)
        self.countdown.setVisible(not hidden)
        self.stack.setCurrentIndex(0)
        self._set_countdown_low(False)  # a new attempt never inherits the last one's alarm
        # every navigator button is new: style them all from the saved answers and flags
        self.position = min(state.current_position, len(state.items) - 1)
        self._entered_at = self.elapsed()
        self._render(None)
        self.ticker.start()

    def stop_clock(self) -> float:
        if self.ticker is None:
            return 0.0
        elapsed = self.ticker.stop()
        self.ticker.deleteLater()
        self.ticker = None
        return elapsed

    def elapsed(self) -> float:
        return self.ticker.clock.elapsed_s() if self.ticker else 0.0

    def _aid(self) -> int:
        assert self.state is not None
        return self.state.attempt_id

    @property
    def item(self) -> ItemView:
        assert self.state is not None
        return self.state.items[self.position]

    def _item_seconds(self) -> float:
        return self.item.seconds + max(0.0, self.elapsed() - self._entered_at)

    def _bank_item_time(self) -> None:
        if self.state is None:
            return
        self._replace_item(replace(self.item, seconds=self._item_seconds()))
        self._entered_at = self.elapsed()
        self._unsaved.add(self.position)

    def _unsaved_seconds(self) -> dict[int, float]:
        """Seconds per item not yet written, the current item's running time included."""
        assert self.state is not None
        out = {p: self.state.items[p].seconds for p in self._unsaved}
        out[self.position] = self._item_seconds()
        return out

    def _save_progress(self, elapsed: float) -> None:
        items = self._unsaved_seconds()

        def save() -> bool:
            self._exams.save_progress(
                self._aid(), elapsed_s=elapsed, position=self.position, items=items
            )
            return True

        if self._call(save):
            self._unsaved.clear()

    def _replace_item(self, item: ItemView) -> None:
        assert self.state is not None
        self.state = with_item(self.state, item)

    # -- navigation -----------------------------------------------------------------------------
    def go(self, position: int, *, save: bool = True) -> None:
        """Move to another question. Nothing is written here: the time spent on the question
        left is banked in memory and saved with the next periodic save, answer or flag."""
        if self.state is None or not 0 <= position < len(self.state.items):
            return
        if save:
            self._bank_item_time()
        previous = self.position
        self.position = position
        self._entered_at = self.elapsed()
        self.stack.setCurrentIndex(0)
        self._render(previous)

    def _render(self, previous: int | None = None) -> None:
        state = self.state
        assert state is not None
        item = self.item
        n = len(state.items)
        self.counter.setText(self.tr("Question {0} of {1}").format(item.position + 1, n))
        self.counter.setAccessibleName(self.counter.text())
        self.flag_button.setVisible(True)
        self.stem.setText(_html(item.stem))
        self.stem.setAccessibleName(self.tr("Question {0} of {1}").format(item.position + 1, n))
        self.stem.setAccessibleDescription(_plain(item.stem))
        self._render_exhibit(item)
        self.booklet.show_question(item.uid)
        self._building = True
        self.group.setExclusive(False)
        locked = self._locked(item)
        for i, b in enumerate(self.choice_buttons):
            if i < len(item.choices):
                c = item.choices[i]
                b.setText(self._choice_text(item, i) if locked else f"{c.label}.  {_plain(c.text)}")
                body = b.text()[len(c.label) + 1 :].strip()
                b.setAccessibleName(self.tr("Option {0}: {1}").format(c.label, body))
                b.setVisible(True)
                b.setChecked(item.chosen == i)
            else:
                b.setVisible(False)
                b.setChecked(False)
            self._lock_choice(b, locked, self._choice_style(item, i) if locked else None)
        self.group.setExclusive(True)
        self._building = False
        self._show_feedback(item if locked else None)
        self.flag_button.blockSignals(True)
        self.flag_button.setChecked(item.flagged)
        self.flag_button.blockSignals(False)
        self._style_flag_button(item.flagged)
        self.prev_button.setEnabled(item.position > 0)
        self.next_button.setEnabled(item.position < n - 1)
        # only the buttons that can have changed are restyled (a style sheet per button is slow)
        changed = {item.position} if previous is not None else set(range(n))
        if previous is not None and 0 <= previous < n:
            changed.add(previous)
        for pos in changed:
            self.nav_buttons[pos].show_status(
                state.items[pos], pos == item.position, practice=state.mode not in EXAM_MODES
            )
        if not self.isVisible():
            return
        if locked:  # the answer is in and explained: the next step is the next question
            (self.next_button if self.next_button.isEnabled() else self.review_button).setFocus(
                Qt.FocusReason.OtherFocusReason
            )
        else:
            target = self.choice_buttons[item.chosen] if item.chosen is not None else None
            (target or self.choice_buttons[0]).setFocus(Qt.FocusReason.OtherFocusReason)

    def _locked(self, item: ItemView) -> bool:
        """Practice answers are final once given (the feedback shows at once)."""
        return self.state is not None and self.state.mode not in EXAM_MODES and item.answered

    @staticmethod
    def _lock_choice(button: ChoiceButton, locked: bool, cue: str | None) -> None:
        # not disabled: a disabled button greys out, and the learner must see their own choice
        button.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, locked)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus if locked else Qt.FocusPolicy.StrongFocus)
        button.setStyleSheet(f"QRadioButton {{ {FEEDBACK_CSS[cue]} }}" if cue else CHOICE_FOCUS_CSS)
        button.set_label_style(CHOICE_TEXT_CSS + (FEEDBACK_TEXT_CSS[cue] if cue else ""))

    def _choice_text(self, item: ItemView, index: int) -> str:
        """An answered practice option says in words what the colours say."""
        c = item.choices[index]
        text = f"{c.label}.  {_plain(c.text)}"
        if c.correct and index == item.chosen:
            return f"{text}   {RIGHT_MARK} " + self.tr("your answer, correct")
        if c.correct:
            return f"{text}   {RIGHT_MARK} " + self.tr("correct answer")
        if index == item.chosen:
            return f"{text}   {WRONG_MARK} " + self.tr("your answer, wrong")
        return text

    @staticmethod
    def _choice_style(item: ItemView, index: int) -> str | None:
        if item.choices[index].correct:
            return "right"
        return "wrong" if index == item.chosen else None

    def _show_feedback(self, item: ItemView | None) -> None:
        if item is None:
            self.feedback.setVisible(False)
            return
        right = item.correct
        key = item.choices[item.key]
        self.feedback.setStyleSheet(
            "QLabel { padding:8px; border-radius:4px; "
            + FEEDBACK_CSS["right" if right else "wrong"]
            + " }"
        )
        self.feedback.setText(self._feedback_html(item))
        self.feedback.setVisible(True)
        self._announce(
            self.feedback,
            (self.tr("Correct.") if right else self.tr("Incorrect."))
            + " "
            + self.tr("The answer is {0}.").format(key.label),
        )

    def _feedback_html(self, item: ItemView) -> str:
        """The practice feedback as rich text; every piece of bank text goes through here."""
        key = item.choices[item.key]
        verdict = (
            f"{RIGHT_MARK} " + self.tr("Correct.")
            if item.correct
            else f"{WRONG_MARK} " + self.tr("Not quite.")
        )
        lines = [
            f"<p><b>{verdict}</b> "
            + self.tr("The answer is {0}.").format(f"<b>{_esc(key.label)}. {_html(key.text)}</b>")
            + "</p>",
            f"<p>{_html(item.explanation)}</p>",
            "<ul>",
        ]
        for c in item.choices:
            mark = self.tr("right") if c.correct else self.tr("wrong")
            lines.append(f"<li><b>{_esc(c.label)}</b> ({mark}): {_html(c.rationale)}</li>")
        lines.append("</ul>")
        return "".join(lines)

    # -- actions --------------------------------------------------------------------------------
    def choose(self, index: int) -> None:
        if not self._in_question_view():
            return
        item = self.item
        if index >= len(item.choices) or self._locked(item):
            return
        self.choice_buttons[index].setChecked(True)
        self._on_choice_clicked(index)

    def _on_choice_clicked(self, index: int) -> None:
        if self._building or self.state is None:
            return
        item = self.item
        if self._locked(item):  # a locked practice answer does not change
            self._render()
            return
        self._bank_item_time()
        item = self.item
        ack = self._call(
            lambda: self._exams.record_response(
                self._aid(),
                item.position,
                index,
                elapsed_s=self.elapsed(),
                item_seconds=item.seconds,
            )
        )
        if ack is None:
            self._render()  # the answer was not saved: show what is saved
            return
        self._replace_item(replace(item, chosen=index))
        self._render()
        if not self._locked(self.item):
            self.choice_buttons[index].setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_flag_toggled(self, on: bool) -> None:
        if self.state is None or not self._in_question_view():
            return
        item = self.item

        def save() -> bool:
            self._exams.set_flag(self._aid(), item.position, on, elapsed_s=self.elapsed())
            return True

        ok = self._call(save)
        if ok:
            self._replace_item(replace(item, flagged=on))
        self._render()

    def _flag_text(self, on: bool) -> str:
        return f"{FLAG_MARK} " + self.tr("Flagged (F)") if on else self.tr("Flag for review (F)")

    def _style_flag_button(self, on: bool) -> None:
        """On, the flag button says so in words, a flag mark and a colour, not a pressed look."""
        self.flag_button.setText(self._flag_text(on))
        self.flag_button.setAccessibleName(
            self.tr("Flagged for review") if on else self.tr("Flag for review")
        )
        self.flag_button.setStyleSheet(
            "QPushButton { background:#f9a825; color:black; font-weight:bold; "
            "border:2px solid #8a5a00; border-radius:4px; padding:4px 10px; }"
            if on
            else ""
        )

    # -- exhibit --------------------------------------------------------------------------------
    def _render_exhibit(self, item: ItemView) -> None:
        shown = bool(item.exhibit) and not self._exhibit_hidden
        self.exhibit.set_exhibit(item.exhibit, item.exhibit_name, item.exhibit_caption)
        self.exhibit.setVisible(bool(item.exhibit) and not shown)
        was_shown = self.exhibit_pane.isVisibleTo(self)
        self.exhibit_pane.setVisible(shown)
        if shown and not was_shown:
            total = sum(self.splitter.sizes()) or self.splitter.width()
            if self.exhibit_pane.width() < total * 0.35:  # first shown: a readable share
                self.splitter.setSizes([round(total * 0.5), round(total * 0.5)])
        if shown:
            self.exhibit_pane.set_exhibit(item.exhibit, item.exhibit_name, item.exhibit_caption)

    def set_exhibit_shown(self, shown: bool) -> None:
        """Show or hide the exhibit pane beside the question (the choice holds for the attempt)."""
        if self.state is None:
            return
        self._exhibit_hidden = not shown
        self._render_exhibit(self.item)
        if shown and self.exhibit_pane.isVisible():
            self.exhibit_pane.viewer.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.exhibit.isVisible():
            self.exhibit.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_exhibit(self) -> None:
        self.set_exhibit_shown(True)

    def _on_exhibit_key(self) -> None:
        if self._in_question_view() and self.item.exhibit:
            self.set_exhibit_shown(self._exhibit_hidden)

    def _zoom_exhibit(self, step: int) -> None:
        if self._in_question_view() and self.exhibit_pane.isVisible():
            self.exhibit_pane.zoom_by(step)

    # -- review and submit ----------------------------------------------------------------------
    def show_review(self) -> None:
        if self.state is None:
            return
        self._bank_item_time()
        self.review.show_state(self.state)
        self.stack.setCurrentIndex(1)
        # the header speaks of the review now, and offers no flag for a question not shown
        self.counter.setText(self.tr("Review"))
        self.counter.setAccessibleName(self.tr("Review"))
        self.flag_button.setVisible(False)
        self.review.submit.setFocus()

    def _on_review_jump(self, position: int) -> None:
        self.go(position)

    def confirm_submit(self) -> None:
        assert self.state is not None
        mock = self.state.mode in EXAM_MODES
        un = sum(1 for i in self.state.items if not i.answered)
        fl = sum(1 for i in self.state.items if i.flagged)
        text = (
            self.tr("Submit your exam now? You cannot change answers afterwards.")
            if mock
            else self.tr("Finish this practice and see the report?")
        )
        if un or fl:
            text += "\n\n" + self.tr(
                "{0} unanswered (they earn no points), {1} flagged for review."
            ).format(un, fl)
        title = self.tr("Submit exam") if mock else self.tr("Finish practice")
        ok = self.tr("Submit") if mock else self.tr("Finish")
        if self._dialogs.confirm(title, text, ok=ok):
            self.submit()

    def submit(self) -> None:
        if self.state is None:
            return
        self._bank_item_time()
        self._save_progress(self.elapsed())
        elapsed = self.stop_clock()
        report = self._call(lambda: self._exams.submit(self._aid(), elapsed_s=elapsed))
        if report is not None:
            self.state = None
            self.submitted.emit(report)

    def leave(self) -> None:
        if self.state is None:
            return
        self._bank_item_time()
        self._save_progress(self.stop_clock())
        self.state = None
        self.left.emit()

    # -- clock ----------------------------------------------------------------------------------
    def _on_ticker_remaining_changed(self, seconds: float) -> None:
        assert self.state is not None
        if self.state.time_limit_s is None:
            self.countdown.setText(self.tr("Elapsed {0}").format(format_remaining(seconds)))
        else:
            self.countdown.setText(self.tr("Time left {0}").format(format_remaining(seconds)))
            low = seconds <= 300
            if low != self._countdown_low:  # restyle only when it changes (style sheets cost)
                self._set_countdown_low(low)

    def _set_countdown_low(self, low: bool) -> None:
        self._countdown_low = low
        self.countdown.setStyleSheet(
            "font-size:15pt; font-weight:bold; padding:2px 10px;"
            + ("color:white; background:#c62828; border-radius:4px;" if low else "")
        )

    def _show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setToolTip(text)
        self.banner.setVisible(bool(text))

    def _on_ticker_warning_reached(self, mark: int) -> None:
        text = self.tr("{0} minutes remain. The exam submits itself when time runs out.").format(
            mark // 60
        )
        self._show_banner(text)
        self._announce(self.banner, text)
        self.warning_shown.emit(text)

    def _on_ticker_expired(self) -> None:
        self._show_banner(self.tr("Time is up - your answers were submitted."))
        self.submit()
        if self.state is None:  # submitted (a failed save left the exam open, and said so)
            self.time_up.emit()

    def _on_ticker_save_due(self, elapsed: float) -> None:
        if self.state is not None:
            self._save_progress(elapsed)

    # -- helpers --------------------------------------------------------------------------------
    def _call(self, fn: Callable[[], object]) -> object | None:
        try:
            return fn()
        except ExamError as e:
            self._dialogs.error("Exam", str(e))
        except DatabaseError as e:  # locked, disk full, damaged: say so, keep the exam open
            if self.state is not None:
                self._render()  # behind the message, show what is stored, not the click
            self._dialogs.error(
                "Not saved",
                f"{e}\n\nThis step was not saved; try it again. Answers saved earlier are kept.",
            )
        return None

    def _announce(self, widget: QWidget, text: str) -> None:
        widget.setAccessibleDescription(text)
        ev = QAccessibleEvent(widget, QAccessible.Event.Alert)
        QAccessible.updateAccessibility(ev)
