"""The exam clock: pure, resumable, with injected time (no sleeping in tests).

`elapsed_s` is what gets saved; time while the app was closed is never charged because a resumed
clock starts from the saved elapsed seconds, not from a wall-clock start time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

# Two kinds of "now", never mixed: the exam clock counts seconds on a monotonic clock
# (time.monotonic; immune to the wall clock being changed mid-exam), while what is stored - when
# an attempt started, when an answer was given - is the date and time (naive UTC, utc_now).
MonotonicClock = Callable[[], float]
WallClock = Callable[[], datetime]


class ExamClock:
    def __init__(self, limit_s: float | None, now: MonotonicClock, elapsed_s: float = 0.0) -> None:
        self.limit_s = limit_s
        self._now = now
        self._banked = max(0.0, elapsed_s)
        self._started_at: float | None = None

    @property
    def running(self) -> bool:
        return self._started_at is not None

    def start(self) -> None:
        if self._started_at is None:
            self._started_at = self._now()

    def pause(self) -> float:
        """Bank the running time; returns elapsed seconds (for saving)."""
        if self._started_at is not None:
            self._banked += max(0.0, self._now() - self._started_at)
            self._started_at = None
        return self._banked

    def elapsed_s(self) -> float:
        running = 0.0 if self._started_at is None else max(0.0, self._now() - self._started_at)
        total = self._banked + running
        return min(total, self.limit_s) if self.limit_s is not None else total

    def remaining_s(self) -> float | None:
        if self.limit_s is None:
            return None
        return max(0.0, self.limit_s - self.elapsed_s())

    def expired(self) -> bool:
        r = self.remaining_s()
        return r is not None and r <= 0.0


def warning_due(
    previous_remaining: float, remaining: float, marks: tuple[int, ...] = (600, 300)
) -> int | None:
    """The warning mark (seconds) crossed between two readings, if any (10 and 5 minutes)."""
    for m in marks:
        if previous_remaining > m >= remaining:
            return m
    return None


def format_remaining(seconds: float) -> str:
    s = max(0, int(seconds + 0.999))  # show 0:01 until it is really over
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"
