"""Every reader and the validator do linear work on hostile input (issue 12).

For each case in benchmarks/hostile.py (native YAML and JSON, the validator, CSV, XLSX, GIFT,
Moodle XML, Aiken) the input is read at size n and 8n, best of three in process time: a linear
reader costs about 8x, a quadratic one 64x, so the ratio must stay under 24. This is a ratio
measured within one run, never a time limit. Peak memory (tracemalloc) must grow alike where
memory was the problem (spreadsheets). `make bench` runs the same cases larger and prints a
table (python -m benchmarks.readers).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.hostile import CASES, Case, growth, peak_bytes

BELOW_QUADRATIC = 24  # linear is 8, quadratic 64


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_work_grows_linearly(case: Case, tmp_path: Path) -> None:
    small, large, ratio = growth(case, case.n, tmp_path)
    assert ratio < BELOW_QUADRATIC, (
        f"{case.name}: {case.n} {case.unit} took {small * 1000:.1f} ms, {8 * case.n} took "
        f"{large * 1000:.1f} ms ({ratio:.1f}x for 8x the input)"
    )


MEMORY_CASES = [c for c in CASES if c.name.startswith(("CSV: rows", "XLSX", "GIFT: comment"))]


@pytest.mark.parametrize("case", MEMORY_CASES, ids=[c.name for c in MEMORY_CASES])
def test_peak_memory_grows_linearly(case: Case, tmp_path: Path) -> None:
    n = max(1, case.n // 2)  # tracemalloc slows the reading down several times
    small = peak_bytes(case, n, tmp_path)
    large = peak_bytes(case, 8 * n, tmp_path)
    assert large / small < BELOW_QUADRATIC, f"{case.name}: peak {small:,} B -> {large:,} B"
