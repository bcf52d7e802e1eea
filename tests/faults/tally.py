"""What the fault tests did (kills, answers verified, inputs tried...), printed by conftest.py at
the end of the run."""

from __future__ import annotations

from collections import Counter

COUNTS: Counter[str] = Counter()
MAXIMA: dict[str, float] = {}


def count(name: str, n: int = 1) -> None:
    COUNTS[name] += n


def record_max(name: str, value: float) -> None:
    MAXIMA[name] = max(MAXIMA.get(name, value), value)
