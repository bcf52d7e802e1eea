"""Plain views the home screen needs before SQLAlchemy is loaded (standard library only)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.domain.ids import AttemptId


@dataclass(frozen=True)
class TestCard:
    code: str
    title: str
    questions: int
    scored_count: int
    minutes: int
    last_percent: float | None
    last_passed: bool | None
    in_progress: AttemptId | None
    in_progress_mode: str | None
    target_percent: float
    __test__ = False


def quick_cards(db_file: Path) -> list[TestCard] | None:
    """The home screen's test list read with sqlite3 alone, so it shows before the ORM loads;
    None when the file is missing or its schema is not this build's (the slow path decides)."""
    from app.storage.schema import quick_test_list

    rows = quick_test_list(db_file)
    if rows is None:
        return None
    return [
        TestCard(
            code=c,
            title=t,
            questions=int(n),
            scored_count=sc,
            minutes=m,
            last_percent=None,
            last_passed=None,
            in_progress=None,
            in_progress_mode=None,
            target_percent=float(tp),
        )
        for c, t, sc, m, tp, n in rows
    ]
