"""The exam screen: one question at a time, navigator, countdown, flag, review, submit.

Every answer and flag goes to the ExamService at once (committed before the UI moves on), and the
clock is saved every few seconds, so a crash loses nothing already given.

This is the page that wires its parts: it owns the attempt on show and the position in it, connects
the widgets and keyboard shortcuts to what they do, moves between questions and records answers,
flags and confidence (each on the GUI thread, at once). Its parts, as mixins of this one QWidget:
exam_layout (the widgets), question_view (what the current question shows, exhibit and language),
exam_timekeeping (the clock and time per question), exam_submit (review, submit, leave).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from app.domain.clock import MonotonicClock
from app.domain.ids import AttemptId
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
from app.ui.exam.clock_ticker import ClockTicker
from app.ui.exam.exam_submit import ExamReviewAndSubmit
from app.ui.exam.navigator import NavigatorButton
from app.ui.exam.question_view import QuestionView
from app.ui.text import tooltip as _tooltip
from app.ui.translation import translate_error
from app.ui.work import LoadingNote, TaskRunner


class ExamPage(ExamReviewAndSubmit, QuestionView, QWidget):
    submitted = Signal(object)  # AttemptReport
    left = Signal()  # back home without submitting (the attempt stays resumable)
    warning_shown = Signal(str)
    time_up = Signal()  # after the attempt was submitted because its time ran out

    def __init__(
        self,
        exams: ExamService,
        dialogs: Dialogs,
        now: MonotonicClock = time.monotonic,
        *,
        inline_work: bool = False,
        language: str = "en",
    ) -> None:
        super().__init__()
        self._exams = exams
        # the language each question opens in ("en"/"es"; the profile's, wired by the window);
        # L switches the current question, as the real test allows, and the choice is kept
        self.language = language
        self._question_language: dict[int, str] = {}
        self._dialogs = dialogs
        self._now = now
        # the score report is computed on a worker thread (inline: tests not about threads)
        self.tasks = TaskRunner(self, inline=inline_work)
        self.submitting = False  # no answer, flag, move or leave while the attempt is scored
        self._time_up_pending = False
        self.state: AttemptState | None = None
        self.position = 0
        self.ticker: ClockTicker | None = None
        self._entered_at = 0.0
        self._unsaved: set[int] = set()
        self._countdown_low = False
        self._exhibit_hidden = False
        self._build()
        self._wire()
        self._shortcuts()
        self.scoring = LoadingNote(self._on_scoring_shown, self._on_scoring_hidden, self)

    # -- wiring ---------------------------------------------------------------------------------
    def _wire(self) -> None:
        """What each button, pane and panel does (the widgets are built by ExamPageLayout)."""
        self.flag_button.toggled.connect(self._on_flag_toggled)
        self.language_button.clicked.connect(self.switch_language)
        self.confidence.confidence_chosen.connect(self._on_confidence_chosen)
        self.exhibit.open_requested.connect(self.open_exhibit)
        self.answer.choice_clicked.connect(self._on_choice_clicked)
        self.exhibit_pane.hide_requested.connect(lambda: self.set_exhibit_shown(False))
        # one side pane at a time: at 1000 px two panes leave each too narrow to read
        self.booklet.toggle_button.toggled.connect(self._on_booklet_toggled)
        self.prev_button.clicked.connect(lambda: self.go(self.position - 1))
        self.next_button.clicked.connect(lambda: self.go(self.position + 1))
        self.review_button.clicked.connect(self.show_review)
        self.leave_button.clicked.connect(self.leave)
        self.navigator.jump_requested.connect(self.go)
        self.review.jump_requested.connect(self._on_review_jump)
        self.review.back_requested.connect(lambda: self.go(self.position, save=False))
        self.review.submit_requested.connect(self.confirm_submit)

    def _shortcuts(self) -> None:
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut

        def sc(keys: str, fn: Callable[[], object]) -> None:
            s = QShortcut(QKeySequence(keys), self)
            s.setContext(ctx)
            s.activated.connect(fn)

        for i, (letter, digit) in enumerate(zip("ABCD", "1234", strict=True)):
            sc(letter, self._chooser(i))
            sc(digit, self._digit_key(i))
        for k in ("Right", "N"):
            sc(k, lambda: self.go(self.position + 1))
        for k in ("Left", "P"):
            sc(k, lambda: self.go(self.position - 1))
        sc("F", lambda: self.flag_button.toggle() if self._in_question_view() else None)
        sc("Ctrl+R", self.show_review)
        sc("F4", self.booklet.toggle)
        sc("X", self._on_exhibit_key)
        sc("L", self.switch_language)
        for k in ("+", "=", "Ctrl++"):
            sc(k, lambda: self._zoom_exhibit(1))
        for k in ("-", "Ctrl+-"):
            sc(k, lambda: self._zoom_exhibit(-1))

    def _chooser(self, index: int) -> Callable[[], None]:
        return lambda: self.choose(index)

    def _in_question_view(self) -> bool:
        return self.state is not None and self.stack.currentIndex() == 0

    # -- state ----------------------------------------------------------------------------------
    def start(self, state: AttemptState, *, language: str | None = None) -> None:
        """Show an attempt (new or resumed) and start its clock from the saved elapsed time;
        `language` (the profile's) is the one each question opens in, if given."""
        self.stop_clock()
        if language is not None:
            self.language = language
        self.state = state
        self._unsaved = set()
        self._question_language = {}
        mock = state.mode in EXAM_MODES
        kind = self.tr("Mock exam") if mock else self.tr("Practice")
        kind = self.tr("Recertification test") if state.mode == RECERT else kind
        self.booklet.set_booklet(self._exams.booklet(state.test_code))
        title = state.title_in(self.language) if self.language != "en" else state.test_title
        self.title.setText(f"{state.test_code} {title} - {kind}")
        self.title.setToolTip(_tooltip(self.title.text()))
        self.review_button.setText(
            self.tr("Review and submit (Ctrl+R)") if mock else self.tr("Review and finish (Ctrl+R)")
        )
        self.review.set_mock(mock)
        self._fix_counter_size(len(state.items))
        self._exhibit_hidden = False
        self._show_banner(state.note)
        self.navigator.set_items(state.items, practice=not mock)
        self.ticker = self._new_ticker(state)
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

    @property
    def nav_buttons(self) -> list[NavigatorButton]:
        return self.navigator.buttons

    def _aid(self) -> AttemptId:
        assert self.state is not None
        return self.state.attempt_id

    @property
    def item(self) -> ItemView:
        assert self.state is not None
        return self.state.items[self.position]

    def _replace_item(self, item: ItemView) -> None:
        assert self.state is not None
        self.state = with_item(self.state, item)

    # -- navigation -----------------------------------------------------------------------------
    def go(self, position: int, *, save: bool = True) -> None:
        """Move to another question. Nothing is written here: the time spent on the question
        left is banked in memory and saved with the next periodic save, answer or flag."""
        if self.state is None or self.submitting or not 0 <= position < len(self.state.items):
            return
        if save:
            self._bank_item_time()
        previous = self.position
        self.position = position
        self._entered_at = self.elapsed()
        self.stack.setCurrentIndex(0)
        self._render(previous)

    # -- actions --------------------------------------------------------------------------------
    def _digit_key(self, index: int) -> Callable[[], None]:
        return lambda: self._on_digit_key(index)

    def _on_digit_key(self, index: int) -> None:
        """1-4 choose an option; once a practice answer is in, 1-3 say how sure it was."""
        if self._in_question_view() and self._locked(self.item):
            if index < 3:
                self._on_confidence_chosen(index)
            return
        self.choose(index)

    def _on_confidence_chosen(self, level: int) -> None:
        item = self.item

        def store() -> bool:
            self._exams.set_confidence(self._aid(), item.position, level)
            return True

        if self._call(store):
            self._replace_item(replace(item, confidence=level))
        self.confidence.show_level(self.item.confidence)

    def choose(self, index: int) -> None:
        if not self._in_question_view():
            return
        item = self.item
        if index >= len(item.choices) or self._locked(item):
            return
        self.choice_buttons[index].setChecked(True)
        self._on_choice_clicked(index)

    def _on_choice_clicked(self, index: int) -> None:
        if self.state is None or self.submitting:
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
        self._replace_item(replace(item, chosen_shown=index))
        self._render()
        if not self._locked(self.item):
            self.choice_buttons[index].setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_flag_toggled(self, on: bool) -> None:
        if self.state is None or self.submitting or not self._in_question_view():
            return
        item = self.item

        def save() -> bool:
            self._exams.set_flag(self._aid(), item.position, on, elapsed_s=self.elapsed())
            return True

        ok = self._call(save)
        if ok:
            self._replace_item(replace(item, flagged=on))
        self._render()

    # -- helpers --------------------------------------------------------------------------------
    def _call(self, fn: Callable[[], object]) -> object | None:
        try:
            return fn()
        except (ExamError, DatabaseError) as e:
            self._explain(e)
        return None

    def _explain(self, error: Exception) -> bool:
        """A refusal or a database fault the user can act on becomes a message (True)."""
        if isinstance(error, ExamError):
            self._dialogs.error(self.tr("Exam"), translate_error(error))
            return True
        if isinstance(error, DatabaseError):  # locked, disk full, damaged: keep the exam open
            if self.state is not None:
                self._render()  # behind the message, show what is stored, not the click
            self._dialogs.error(
                self.tr("Not saved"),
                f"{error}\n\n"
                + self.tr("This step was not saved; try it again. Answers saved earlier are kept."),
            )
            return True
        return False
