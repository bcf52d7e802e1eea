"""Prints what the fault tests did (tests/faults/tally.py) at the end of the run, so `make test`
and `make bench` show the counts without -s."""

from __future__ import annotations

import os
import random

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


SEED_ENV = "BAYREADY_FAULT_SEED"


def fault_seed() -> int:
    """The seed of a random fault test: BAYREADY_FAULT_SEED=N replays a run, else a fresh one.

    Printed, so a failure's captured output says how to replay it.
    """
    raw = os.environ.get(SEED_ENV, "").strip()
    seed = int(raw) if raw else random.randrange(2**31)
    print(f"fault seed {seed} (replay with {SEED_ENV}={seed})")
    return seed


@pytest.fixture
def seed() -> int:
    return fault_seed()
