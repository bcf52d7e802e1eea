"""Prints what the fault tests did (tests/faults/tally.py) at the end of the run, so `make test`
and `make bench` show the counts without -s."""

from __future__ import annotations

import pytest

from tests.faults.tally import COUNTS, MAXIMA


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not COUNTS and not MAXIMA:
        return
    terminalreporter.section("fault tests")
    for name in sorted(COUNTS):
        terminalreporter.write_line(f"{name}: {COUNTS[name]}")
    for name in sorted(MAXIMA):
        terminalreporter.write_line(f"{name}: {MAXIMA[name]:.3f}")
