"""Owns the QTimer that drives the pure ExamClock; no arithmetic of its own beyond reading it."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from app.domain.clock import ExamClock, warning_due

SAVE_EVERY_S = 4.0  # the brief asks for at least every 5 s


class ClockTicker(QObject):
    remaining_changed = Signal(float)  # seconds remaining (or elapsed when untimed)
    warning_reached = Signal(int)  # 600 or 300
    expired = Signal()
    save_due = Signal(float)  # elapsed seconds to persist

    def __init__(
        self, clock: ExamClock, parent: QObject | None = None, interval_ms: int = 250
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.tick)
        self._last_remaining = clock.remaining_s()
        self._last_saved = clock.elapsed_s()
        self._expired_sent = False

    def start(self) -> None:
        self.clock.start()
        self._timer.start()
        self.tick()

    def stop(self) -> float:
        self._timer.stop()
        return self.clock.pause()

    def tick(self) -> None:
        """One reading of the clock; tests call this directly after advancing a fake clock."""
        elapsed = self.clock.elapsed_s()
        remaining = self.clock.remaining_s()
        self.remaining_changed.emit(remaining if remaining is not None else elapsed)
        if remaining is not None and self._last_remaining is not None:
            mark = warning_due(self._last_remaining, remaining)
            if mark is not None:
                self.warning_reached.emit(mark)
        self._last_remaining = remaining
        if elapsed - self._last_saved >= SAVE_EVERY_S:
            self._last_saved = elapsed
            self.save_due.emit(elapsed)
        if self.clock.expired() and not self._expired_sent:
            self._expired_sent = True
            self._timer.stop()
            self.expired.emit()
