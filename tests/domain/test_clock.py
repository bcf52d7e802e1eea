from __future__ import annotations

from app.domain.clock import ExamClock, format_remaining, warning_due


class FakeClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def test_clock_counts_only_while_running_and_resumes_from_saved_elapsed() -> None:
    now = FakeClock()
    c = ExamClock(600, now)
    c.start()
    now.t += 100
    assert c.elapsed_s() == 100 and c.remaining_s() == 500
    saved = c.pause()
    now.t += 10_000  # app closed: not charged
    resumed = ExamClock(600, now, elapsed_s=saved)
    resumed.start()
    now.t += 50
    assert resumed.elapsed_s() == 150
    now.t += 1000
    assert resumed.remaining_s() == 0 and resumed.expired()
    assert resumed.elapsed_s() == 600


def test_untimed_clock_never_expires() -> None:
    now = FakeClock()
    c = ExamClock(None, now)
    c.start()
    now.t += 99999
    assert c.remaining_s() is None and not c.expired() and c.elapsed_s() == 99999


def test_warnings_at_ten_and_five_minutes() -> None:
    assert warning_due(601, 599) == 600
    assert warning_due(301, 300) == 300
    assert warning_due(599, 301) is None


def test_format_remaining() -> None:
    assert format_remaining(61) == "1:01"
    assert format_remaining(0.2) == "0:01"
    assert format_remaining(3700) == "1:01:40"
