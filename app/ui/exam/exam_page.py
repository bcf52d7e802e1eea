"""The exam screen: one question at a time, navigator, countdown, flag, review, submit.

Every answer and flag goes to the ExamService at once (committed before the UI moves on), and the
clock is saved every few seconds, so a crash loses nothing already given.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import ExamClock, format_remaining
from app.services.exams import (
    MOCK,
    AttemptState,
    ExamError,
    ExamService,
    ItemView,
    with_item,
)
from app.ui.dialogs import Dialogs
from app.ui.exam.clock_ticker import ClockTicker
from app.ui.exam.exhibit_view import ExhibitDialog, ExhibitThumbnail
from app.ui.text import plain as _plain
from app.ui.text import rich as _html

Now = Callable[[], float]

NAV_CSS = {
    "answered": "background:#2e7d32; color:white;",
    "unanswered": "",
    "flagged": "background:#f9a825; color:black; border:2px dashed #8a5a00;",
    "flagged_answered": "background:#f9a825; color:black; border:3px solid #2e7d32;",
}
ANSWERED_MARK, FLAG_MARK = "\u2713", "\u2691"  # a tick and a flag: the state without colour


class NavigatorButton(QToolButton):
    def __init__(self, position: int) -> None:
        super().__init__()
        self.position = position
        self.setText(str(position + 1))
        self.setFixedSize(44, 32)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def show_status(self, item: ItemView, current: bool) -> None:
        if item.flagged:
            status = "flagged_answered" if item.answered else "flagged"
        else:
            status = "answered" if item.answered else "unanswered"
        css = NAV_CSS[status]
        if current:
            css += "border:3px solid palette(highlight); font-weight:bold;"
        self.setStyleSheet(f"QToolButton {{{css}}}")
        marks = (ANSWERED_MARK if item.answered else "") + (FLAG_MARK if item.flagged else "")
        self.setText(f"{item.position + 1}{marks}")
        words = {
            "answered": self.tr("answered"),
            "unanswered": self.tr("not answered"),
            "flagged": self.tr("flagged for review, not answered"),
            "flagged_answered": self.tr("flagged for review, answered"),
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        lists = QHBoxLayout()
        self.unanswered = self._list("Unanswered questions")
        self.flagged = self._list("Flagged for review")
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
        self.back = QPushButton("Return to the questions")
        self.submit = QPushButton("Submit exam...")
        self.submit.setAccessibleName("Submit exam")
        self.back.clicked.connect(self.back_requested)
        self.submit.clicked.connect(self.submit_requested)
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.submit)
        layout.addLayout(buttons)

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
        self.heading.setText(
            f"<h2>Review before submitting</h2><p>You have answered {n - len(un)} of {n} "
            "questions. Select a question below to go back to it. Unanswered questions count as "
            "wrong.</p>"
        )
        self.unanswered_label.setText(f"<b>Unanswered ({len(un)})</b>")
        self.flagged_label.setText(f"<b>Flagged for review ({len(fl)})</b>")
        for lst, items in ((self.unanswered, un), (self.flagged, fl)):
            lst.clear()
            for i in items:
                snippet = " ".join(_plain(i.stem).split())
                w = QListWidgetItem(f"Question {i.position + 1}: {snippet}")
                w.setToolTip(snippet[:300])
                w.setData(Qt.ItemDataRole.UserRole, i.position)
                lst.addItem(w)
            if not items:
                lst.addItem(QListWidgetItem("None"))
                lst.item(0).setFlags(Qt.ItemFlag.NoItemFlags)


class ExamPage(QWidget):
    submitted = Signal(object)  # AttemptReport
    left = Signal()  # back home without submitting (the attempt stays resumable)
    warning_shown = Signal(str)

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
        self._building = False
        self._build()
        self._shortcuts()

    # -- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setStyleSheet("font-weight:bold;")
        self.counter = QLabel()
        self.counter.setStyleSheet("font-size:15pt; font-weight:bold;")
        self.flag_button = QPushButton("Flag for review (F)")
        self.flag_button.setCheckable(True)
        self.flag_button.toggled.connect(self._on_flag_toggled)
        self.countdown = QLabel()
        self.countdown.setStyleSheet("font-size:15pt; font-weight:bold; padding:2px 10px;")
        self.countdown.setAccessibleName("Time remaining")
        self.show_time = QPushButton("Show time")
        self.show_time.setCheckable(True)
        self.show_time.toggled.connect(lambda on: self.countdown.setVisible(on))
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.counter)
        top.addStretch(1)
        top.addWidget(self.flag_button)
        top.addWidget(self.show_time)
        top.addWidget(self.countdown)
        outer.addLayout(top)
        self.banner = QLabel()
        self.banner.setVisible(False)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background:#fff3cd; color:#5c4400; padding:6px; "
            "border:1px solid #e0c060; border-radius:4px;"
        )
        self.banner.setAccessibleName("Time warning")
        outer.addWidget(self.banner)

        self.stack = QStackedWidget()
        outer.addWidget(self.stack, 1)
        body = QWidget()
        body_layout = QHBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(body)

        question_col = QVBoxLayout()
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
        self.choice_buttons: list[QRadioButton] = []
        for i in range(4):
            b = QRadioButton()
            b.setStyleSheet("font-size:12pt;")
            self.group.addButton(b, i)
            self.choice_buttons.append(b)
            self.content_layout.addWidget(b)
        self.group.idClicked.connect(self._on_choice_clicked)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.RichText)
        self.feedback.setVisible(False)
        self.feedback.setAccessibleName("Feedback")
        self.feedback.setStyleSheet(
            "padding:8px; border:1px solid palette(mid); border-radius:4px;"
        )
        self.content_layout.addWidget(self.feedback)
        self.content_layout.addStretch(1)
        scroll.setWidget(content)
        question_col.addWidget(scroll, 1)
        nav_row = QHBoxLayout()
        self.prev_button = QPushButton("< Previous (P)")
        self.next_button = QPushButton("Next (N) >")
        self.review_button = QPushButton("Review and submit (Ctrl+R)")
        self.leave_button = QPushButton("Save and leave")
        self.leave_button.setToolTip("The attempt is saved; resume it from the home screen.")
        self.prev_button.clicked.connect(lambda: self.go(self.position - 1))
        self.next_button.clicked.connect(lambda: self.go(self.position + 1))
        self.review_button.clicked.connect(self.show_review)
        self.leave_button.clicked.connect(self.leave)
        nav_row.addWidget(self.prev_button)
        nav_row.addWidget(self.next_button)
        nav_row.addStretch(1)
        nav_row.addWidget(self.leave_button)
        nav_row.addWidget(self.review_button)
        question_col.addLayout(nav_row)
        body_layout.addLayout(question_col, 1)

        side = QVBoxLayout()
        side_label = QLabel("<b>Questions</b>")
        side.addWidget(side_label)
        legend = QLabel(
            "<span style='background:#2e7d32;color:white'>&nbsp;answered&nbsp;</span> "
            "<span style='background:#f9a825;color:black'>&nbsp;flagged&nbsp;</span>"
            " &nbsp;plain: not answered"
        )
        legend.setWordWrap(True)
        side.addWidget(legend)
        nav_holder = QWidget()
        self.nav_grid = QGridLayout(nav_holder)
        self.nav_grid.setSpacing(4)
        self.nav_grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        nav_scroll = QScrollArea()
        nav_scroll.setWidget(nav_holder)
        nav_scroll.setWidgetResizable(True)
        nav_scroll.setFixedWidth(250)
        nav_scroll.setAccessibleName("Question navigator")
        side.addWidget(nav_scroll, 1)
        body_layout.addLayout(side)
        self.nav_buttons: list[NavigatorButton] = []

        self.review = ReviewPanel()
        self.review.jump_requested.connect(self._on_review_jump)
        self.review.back_requested.connect(lambda: self.stack.setCurrentIndex(0))
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

    def _chooser(self, index: int) -> Callable[[], None]:
        return lambda: self.choose(index)

    def _in_question_view(self) -> bool:
        return self.state is not None and self.stack.currentIndex() == 0

    # -- state ----------------------------------------------------------------------------------
    def start(self, state: AttemptState) -> None:
        """Show an attempt (new or resumed) and start its clock from the saved elapsed time."""
        self.stop_clock()
        self.state = state
        self._unsaved = set()
        mock = state.mode == MOCK
        kind = "Mock exam" if mock else "Practice"
        self.title.setText(f"{state.test_code} {state.test_title} - {kind}")
        self.review_button.setText(
            "Review and submit (Ctrl+R)" if mock else "Review and finish (Ctrl+R)"
        )
        self.banner.setVisible(bool(state.note))
        self.banner.setText(state.note)
        for b in self.nav_buttons:
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
        self.counter.setText(f"Question {item.position + 1} of {n}")
        self.counter.setAccessibleName(self.counter.text())
        self.stem.setText(_html(item.stem))
        self.stem.setAccessibleName(f"Question {item.position + 1} of {n}")
        self.stem.setAccessibleDescription(_plain(item.stem))
        self.exhibit.set_exhibit(item.exhibit, item.exhibit_name, item.exhibit_caption)
        self._building = True
        self.group.setExclusive(False)
        for i, b in enumerate(self.choice_buttons):
            if i < len(item.choices):
                c = item.choices[i]
                b.setText(f"{c.label}.  {_plain(c.text)}")
                b.setAccessibleName(f"Option {c.label}: {_plain(c.text)}")
                b.setVisible(True)
                b.setChecked(item.chosen == i)
            else:
                b.setVisible(False)
                b.setChecked(False)
        self.group.setExclusive(True)
        self._building = False
        practice_locked = state.mode != MOCK and item.answered
        for b in self.choice_buttons:
            b.setEnabled(not practice_locked)
        self._show_feedback(item if practice_locked else None)
        self.flag_button.blockSignals(True)
        self.flag_button.setChecked(item.flagged)
        self.flag_button.blockSignals(False)
        self.prev_button.setEnabled(item.position > 0)
        self.next_button.setEnabled(item.position < n - 1)
        # only the buttons that can have changed are restyled (a style sheet per button is slow)
        changed = {item.position} if previous is not None else set(range(n))
        if previous is not None and 0 <= previous < n:
            changed.add(previous)
        for pos in changed:
            self.nav_buttons[pos].show_status(state.items[pos], pos == item.position)
        target = self.choice_buttons[item.chosen] if item.chosen is not None else None
        if self.isVisible() and not practice_locked:
            (target or self.choice_buttons[0]).setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_feedback(self, item: ItemView | None) -> None:
        if item is None:
            self.feedback.setVisible(False)
            return
        right = item.correct
        key = item.choices[item.key]
        lines = [
            f"<p><b>{'Correct' if right else 'Not quite'}.</b> The answer is "
            f"<b>{key.label}. {key.text}</b></p>",
            f"<p>{item.explanation}</p>",
            "<ul>",
        ]
        for c in item.choices:
            mark = "right" if c.correct else "wrong"
            lines.append(f"<li><b>{c.label}</b> ({mark}): {c.rationale}</li>")
        lines.append("</ul>")
        self.feedback.setText("".join(lines))
        self.feedback.setVisible(True)
        self._announce(
            self.feedback, ("Correct. " if right else "Incorrect. ") + f"The answer is {key.label}."
        )

    # -- actions --------------------------------------------------------------------------------
    def choose(self, index: int) -> None:
        if not self._in_question_view():
            return
        item = self.item
        if index >= len(item.choices) or not self.choice_buttons[index].isEnabled():
            return
        self.choice_buttons[index].setChecked(True)
        self._on_choice_clicked(index)

    def _on_choice_clicked(self, index: int) -> None:
        if self._building or self.state is None:
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
        self.choice_buttons[index].setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_flag_toggled(self, on: bool) -> None:
        if self.state is None:
            return
        item = self.item

        def save() -> bool:
            self._exams.set_flag(self._aid(), item.position, on, elapsed_s=self.elapsed())
            return True

        ok = self._call(save)
        if ok:
            self._replace_item(replace(item, flagged=on))
        self._render()

    def open_exhibit(self) -> None:
        item = self.item
        if item.exhibit:
            dlg = ExhibitDialog(item.exhibit, item.exhibit_name, item.exhibit_caption, self)
            self._dialogs.show_modal(dlg)

    def show_review(self) -> None:
        if self.state is None:
            return
        self._bank_item_time()
        self.review.show_state(self.state)
        self.stack.setCurrentIndex(1)
        self.review.submit.setFocus()

    def _on_review_jump(self, position: int) -> None:
        self.go(position)

    def confirm_submit(self) -> None:
        assert self.state is not None
        un = sum(1 for i in self.state.items if not i.answered)
        fl = sum(1 for i in self.state.items if i.flagged)
        text = "Submit your exam now? You cannot change answers afterwards."
        if un or fl:
            text += f"\n\n{un} unanswered (counted wrong), {fl} flagged for review."
        if self._dialogs.confirm("Submit exam", text, ok="Submit"):
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
            self.countdown.setText(f"Elapsed {format_remaining(seconds)}")
        else:
            self.countdown.setText(f"Time left {format_remaining(seconds)}")
            low = seconds <= 300
            if low != self._countdown_low:  # restyle only when it changes (style sheets cost)
                self._set_countdown_low(low)

    def _set_countdown_low(self, low: bool) -> None:
        self._countdown_low = low
        self.countdown.setStyleSheet(
            "font-size:15pt; font-weight:bold; padding:2px 10px;"
            + ("color:white; background:#c62828; border-radius:4px;" if low else "")
        )

    def _on_ticker_warning_reached(self, mark: int) -> None:
        text = f"{mark // 60} minutes remain. The exam submits itself when time runs out."
        self.banner.setText(text)
        self.banner.setVisible(True)
        self._announce(self.banner, text)
        self.warning_shown.emit(text)

    def _on_ticker_expired(self) -> None:
        self.banner.setText("Time is up. Your exam has been submitted.")
        self.submit()

    def _on_ticker_save_due(self, elapsed: float) -> None:
        if self.state is not None:
            self._save_progress(elapsed)

    # -- helpers --------------------------------------------------------------------------------
    def _call(self, fn: Callable[[], object]) -> object | None:
        try:
            return fn()
        except ExamError as e:
            self._dialogs.error("Exam", str(e))
        except Exception as e:  # database locked, disk full: tell the user, keep the exam open
            from sqlalchemy.exc import OperationalError

            if not isinstance(e, OperationalError):
                raise
            self._dialogs.error(
                "Could not save",
                f"Your last action could not be saved ({e.orig}). Check the disk and try again.",
            )
        return None

    def _announce(self, widget: QWidget, text: str) -> None:
        widget.setAccessibleDescription(text)
        ev = QAccessibleEvent(widget, QAccessible.Event.Alert)
        QAccessible.updateAccessibility(ev)
