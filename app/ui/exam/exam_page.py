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
    QFont,
    QFontMetrics,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import ExamClock, MonotonicClock, format_remaining
from app.domain.ids import AttemptId
from app.services.exams import (
    EXAM_MODES,
    RECERT,
    AttemptReport,
    AttemptState,
    ExamError,
    ExamService,
    ItemView,
    with_item,
)
from app.services.setup import DatabaseError
from app.ui.dialogs import Dialogs
from app.ui.elide import ElidedLabel
from app.ui.exam.answer_panel import AnswerPanel
from app.ui.exam.booklet_pane import BookletPane
from app.ui.exam.clock_ticker import ClockTicker
from app.ui.exam.exhibit_view import ExhibitPane
from app.ui.exam.feedback import announce
from app.ui.exam.navigator import FLAG_MARK, Navigator, NavigatorButton
from app.ui.exam.review_panel import ReviewPanel
from app.ui.text import tooltip as _tooltip
from app.ui.translation import translate_error
from app.ui.work import LoadingNote, TaskRunner


class ExamPage(QWidget):
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
        self._shortcuts()
        self.scoring = LoadingNote(self._on_scoring_shown, self._on_scoring_hidden, self)

    # -- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        top = QHBoxLayout()
        self.title = ElidedLabel()  # cut with an ellipsis, never clipped, when room is short
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
        # centred in its share of the row, as it was when it filled the share (its size is fixed
        # per attempt, see _fix_counter_size)
        top.addWidget(self.counter, 1, Qt.AlignmentFlag.AlignCenter)
        top.addStretch(0)
        self.language_button = QPushButton()
        self.language_button.setVisible(False)  # only on a question that has a translation
        self.language_button.clicked.connect(self.switch_language)
        top.addWidget(self.language_button)
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
        self.answer = content = AnswerPanel()
        # the panel's parts, by the names the page (and its tests) have always used
        self.stem, self.exhibit, self.feedback = content.stem, content.exhibit, content.feedback
        self.group, self.choice_buttons = content.group, content.choice_buttons
        self.confidence = content.confidence
        self.confidence.confidence_chosen.connect(self._on_confidence_chosen)
        self.exhibit.open_requested.connect(self.open_exhibit)
        content.choice_clicked.connect(self._on_choice_clicked)
        scroll.setWidget(content)
        scroll.setMinimumWidth(300)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # text wraps
        self.question_scroll = scroll
        self.splitter.addWidget(scroll)
        self.exhibit_pane = ExhibitPane()
        self.exhibit_pane.setMinimumWidth(240)
        self.exhibit_pane.setVisible(False)
        self.exhibit_pane.hide_requested.connect(lambda: self.set_exhibit_shown(False))
        self.splitter.addWidget(self.exhibit_pane)
        self.booklet = BookletPane()  # the test's reference booklet, when it has one (F4)
        self.splitter.addWidget(self.booklet)
        # one side pane at a time: at 1000 px two panes leave each too narrow to read
        self.booklet.toggle_button.toggled.connect(self._on_booklet_toggled)
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

        self.navigator = Navigator()
        self.legend = self.navigator.legend
        self.navigator.jump_requested.connect(self.go)
        body_layout.addWidget(self.navigator)

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

    def _fix_counter_size(self, count: int) -> None:
        """One size for every text the counter shows in this attempt: a label whose size is
        fixed does not ask the whole window to lay itself out again when its text changes (that
        relayout was a measurable part of every question switch)."""
        self.counter.ensurePolished()  # the style sheet's 15 pt bold font, not the default
        metrics = self.counter.fontMetrics()
        texts = [self.tr("Review")]
        texts += [self.tr("Question {0} of {1}").format(n, count) for n in range(1, count + 1)]
        margins = self.counter.contentsMargins()
        width = max(metrics.horizontalAdvance(t) for t in texts) + margins.left() + margins.right()
        height = self.counter.sizeHint().height()
        self.counter.setFixedSize(width + 2 * self.counter.margin() + 4, height)

    @property
    def nav_buttons(self) -> list[NavigatorButton]:
        return self.navigator.buttons

    def stop_clock(self) -> float:
        if self.ticker is None:
            return 0.0
        elapsed = self.ticker.stop()
        self.ticker.deleteLater()
        self.ticker = None
        return elapsed

    def elapsed(self) -> float:
        return self.ticker.clock.elapsed_s() if self.ticker else 0.0

    def _aid(self) -> AttemptId:
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
        if self.state is None or self.submitting or not 0 <= position < len(self.state.items):
            return
        if save:
            self._bank_item_time()
        previous = self.position
        self.position = position
        self._entered_at = self.elapsed()
        self.stack.setCurrentIndex(0)
        self._render(previous)

    def shown_language(self, position: int | None = None) -> str:
        """The language a question is shown in: switched with L, else the page's language."""
        p = self.position if position is None else position
        return self._question_language.get(p, self.language)

    def _shown_item(self) -> ItemView:
        return self.item.in_language(self.shown_language())

    def switch_language(self) -> None:
        """Show the current question in the other language (English <-> Spanish) when it has
        a translation; its answer, flag, the clock and the scroll position stay as they are."""
        if not self._in_question_view() or self.submitting or len(self.item.languages) < 2:
            return
        shown = self.item.in_language(self.shown_language()).language
        other = next(lang for lang in self.item.languages if lang != shown)
        self._question_language[self.position] = other
        bar = self.question_scroll.verticalScrollBar()
        at = bar.value()
        self._render()
        bar.setValue(at)

    def _style_language_button(self, item: ItemView) -> None:
        switchable = len(item.languages) > 1
        self.language_button.setVisible(switchable)
        if not switchable:
            return
        if item.language == "en":
            self.language_button.setText(self.tr("Español"))
            self.language_button.setToolTip(self.tr("Show this question in Spanish (L)"))
            self.language_button.setAccessibleName(self.tr("Show this question in Spanish"))
        else:
            self.language_button.setText(self.tr("English"))
            self.language_button.setToolTip(self.tr("Show this question in English (L)"))
            self.language_button.setAccessibleName(self.tr("Show this question in English"))

    def _render(self, previous: int | None = None) -> None:
        state = self.state
        assert state is not None
        # the words in the question's language; answer, flag and time are the item's own
        item = self._shown_item()
        self._style_language_button(item)
        n = len(state.items)
        counter = self.tr("Question {0} of {1}").format(item.position + 1, n)
        if self.counter.text() != counter:
            self.counter.setText(counter)
            self.counter.setAccessibleName(counter)
        self.flag_button.setVisible(True)
        self.answer.show_stem(item, n)
        self._render_exhibit(item)
        self.booklet.show_question(item.uid)
        locked = self._locked(item)
        self.answer.show_choices(item, locked=locked)
        self.flag_button.blockSignals(True)
        self.flag_button.setChecked(item.flagged)
        self.flag_button.blockSignals(False)
        self._style_flag_button(item.flagged)
        self.prev_button.setEnabled(item.position > 0)
        self.next_button.setEnabled(item.position < n - 1)
        self.navigator.show_status(
            state.items, item.position, previous, practice=state.mode not in EXAM_MODES
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
        self._replace_item(replace(item, chosen=index))
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

    def _flag_text(self, on: bool) -> str:
        return f"{FLAG_MARK} " + self.tr("Flagged (F)") if on else self.tr("Flag for review (F)")

    def _style_flag_button(self, on: bool) -> None:
        """On, the flag button says so in words, a flag mark and a colour, not a pressed look."""
        self.flag_button.setText(self._flag_text(on))
        self.flag_button.setAccessibleName(
            self.tr("Flagged for review") if on else self.tr("Flag for review")
        )
        sheet = (
            "QPushButton { background:#f9a825; color:black; font-weight:bold; "
            "border:2px solid #8a5a00; border-radius:4px; padding:4px 10px; }"
            if on
            else ""
        )
        if self.flag_button.styleSheet() != sheet:  # re-polish only on change
            self.flag_button.setStyleSheet(sheet)

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
        if shown:
            self.booklet.toggle_button.setChecked(False)
        self._render_exhibit(self._shown_item())
        if shown and self.exhibit_pane.isVisible():
            self.exhibit_pane.viewer.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.exhibit.isVisible():
            self.exhibit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_booklet_toggled(self, on: bool) -> None:
        if on and self.state is not None and not self._exhibit_hidden:
            self._exhibit_hidden = True  # the thumbnail (or X) brings the exhibit back
            self._render_exhibit(self._shown_item())

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
        if self.state is None or self.submitting:
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
        if self.submitting:
            return
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
        """Save, stop the clock, then score the attempt on a worker thread; `submitted` follows
        with the report (the page takes no input meanwhile, and greys out after 150 ms)."""
        if self.state is None or self.submitting:
            return
        self._bank_item_time()
        self._save_progress(self.elapsed())
        elapsed = self.stop_clock()
        exams, aid, language = self._exams, self._aid(), self.language
        self.submitting = True
        self.scoring.start()
        self.tasks.submit(
            lambda _t: exams.submit(aid, elapsed_s=elapsed, language=language),
            self._on_submit_done,
            self._on_submit_failed,
        )

    def _on_scoring_shown(self) -> None:
        self._show_banner(self.tr("Scoring your answers..."))
        self.setEnabled(False)

    def _on_scoring_hidden(self) -> None:
        self.setEnabled(True)
        self._show_banner(self.state.note if self.state is not None else "")

    def _finish_submitting(self) -> bool:
        """Back to taking input; returns whether time had run out (and clears that)."""
        self.submitting = False
        self.scoring.stop()
        time_up, self._time_up_pending = self._time_up_pending, False
        return time_up

    def _on_submit_done(self, report: AttemptReport) -> None:
        time_up = self._finish_submitting()
        self.state = None
        self.submitted.emit(report)
        if time_up:
            self.time_up.emit()

    def _on_submit_failed(self, error: Exception) -> None:
        self._finish_submitting()
        if not self._explain(error):
            raise error  # a programming error: the crash log

    def leave(self) -> None:
        if self.state is None or self.submitting:
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
        announce(self.banner, text)
        self.warning_shown.emit(text)

    def _on_ticker_expired(self) -> None:
        self._show_banner(self.tr("Time is up - your answers were submitted."))
        # time_up follows the report; a failed save leaves the exam open, and says so
        self._time_up_pending = True
        self.submit()

    def _on_ticker_save_due(self, elapsed: float) -> None:
        if self.state is not None:
            self._save_progress(elapsed)

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
