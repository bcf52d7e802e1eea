"""Time on the exam page: the ClockTicker for the attempt and its countdown, warnings, expiry and
periodic saves, and the time banked per question (kept in memory on a move, written with the next
periodic save, answer, flag, leave or submit - so a crash loses at most a few seconds). The
arithmetic is the pure ExamClock's; this keeps the ticker's QTimer off the page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal

from app.domain.clock import ExamClock, MonotonicClock, format_remaining
from app.domain.ids import AttemptId
from app.services.exams import AttemptState, ExamService, ItemView
from app.ui.exam.clock_ticker import ClockTicker
from app.ui.exam.exam_layout import ExamPageLayout
from app.ui.exam.feedback import announce


class ExamTimekeeping(ExamPageLayout):
    def _new_ticker(self, state: AttemptState) -> ClockTicker:
        """A ticker for the attempt's clock, resumed from its saved elapsed time (not started)."""
        clock = ExamClock(state.time_limit_s, self._now, elapsed_s=state.elapsed_s)
        ticker = ClockTicker(clock, self)
        ticker.remaining_changed.connect(self._on_ticker_remaining_changed)
        ticker.warning_reached.connect(self._on_ticker_warning_reached)
        ticker.expired.connect(self._on_ticker_expired)
        ticker.save_due.connect(self._on_ticker_save_due)
        return ticker

    def stop_clock(self) -> float:
        if self.ticker is None:
            return 0.0
        elapsed = self.ticker.stop()
        self.ticker.deleteLater()
        self.ticker = None
        return elapsed

    def elapsed(self) -> float:
        return self.ticker.clock.elapsed_s() if self.ticker else 0.0

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

    def _on_ticker_remaining_changed(self, seconds: float) -> None:
        assert self.state is not None
        if self.state.time_limit_s is None:
            self.countdown.setText(self.tr("Elapsed {0}").format(format_remaining(seconds)))
        else:
            self.countdown.setText(self.tr("Time left {0}").format(format_remaining(seconds)))
            low = seconds <= 300
            if low != self._countdown_low:  # restyle only when it changes (style sheets cost)
                self._set_countdown_low(low)

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

    # last in the class: pyside6-lupdate loses the class (the translation context) after it
    if TYPE_CHECKING:  # owned by ExamPage
        warning_shown: Signal
        state: AttemptState | None
        position: int
        ticker: ClockTicker | None
        _exams: ExamService
        _now: MonotonicClock
        _entered_at: float
        _unsaved: set[int]
        _time_up_pending: bool

        @property
        def item(self) -> ItemView: ...
        def _aid(self) -> AttemptId: ...
        def _replace_item(self, item: ItemView) -> None: ...
        def _call(self, fn: Callable[[], object]) -> object | None: ...
        def submit(self) -> None: ...
