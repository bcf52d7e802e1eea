"""The benchmark code (benchmarks/) at small sizes: every benchmark runs and produces numbers, and
the start-up runs import neither SQLAlchemy nor Alembic before the first paint.

No timing assertions: these machines are noisy; `make bench` measures at full size.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.figures import text_table
from benchmarks.run import SMOKE, Results, markdown, run_all

KEYS = [
    "startup.first_paint",
    "startup.populated",
    "startup.ready",
    "import.native",
    "validate.native",
    "forms.assemble",
    "reports.weak_area",
    "exam.switch",
    "memory.peak",
]


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Results]:
    yield run_all(SMOKE, tmp_path_factory.mktemp("bench"), log=False)


def test_every_benchmark_produces_numbers(results: Results) -> None:
    assert [f.key for f in results.figures] == KEYS
    for f in results.figures:
        assert math.isfinite(f.value) and f.value > 0, f
        assert math.isfinite(f.baseline) and f.baseline > 0, f
        assert f.ratio > 0 and f.target.kind in ("ratio", "max")
    assert {"CPU", "Cores", "RAM", "Python", "Qt", "SQLite"} <= set(results.facts)
    assert all(v and v != "unknown" for k, v in results.facts.items() if k in ("Qt", "SQLite"))


def test_no_sqlalchemy_or_alembic_before_the_first_paint(results: Results) -> None:
    first_paint = results.figures[0]
    assert first_paint.extra["loaded_before_paint"] == []
    assert results.loaded_before_paint == ()


def test_the_report_shows_every_figure(results: Results, tmp_path: Path) -> None:
    table = text_table(results.figures)
    doc = markdown(results)
    for f in results.figures:
        assert f.label in table and f.label in doc
    assert "| CPU |" in doc and "## Figures" in doc
    assert "## Peer: Anki" in doc and (results.anki.skipped or "Anki" in doc)
