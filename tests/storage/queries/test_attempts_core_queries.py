"""The Core writes on the exam path (storage/queries/attempts_core.py) on the real migrated schema
(SQLite and PostgreSQL): an UPDATE of one known row that writes none must not pass silently."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from app.domain.attempts import Status
from app.domain.ids import AttemptId
from app.services.exams import AttemptState
from app.services.setup import AppServices
from app.storage.connection import Connection
from app.storage.queries import attempts_core as core
from app.storage.queries.attempts_core import NotWritten
from tests.factories import write_bank

GONE = 999_999  # no row has this id
GONE_ATTEMPT: Any = SimpleNamespace(id=GONE, time_limit_s=None, elapsed_s=0.0)  # as a read row

WRITES: dict[str, Callable[[Connection], None]] = {
    "answer": lambda c: core.update_response(c, GONE, chosen=0, seconds=5.0),
    "clock": lambda c: core.save_clock(
        c,
        GONE_ATTEMPT,
        elapsed_s=5.0,
        position=0,
        saved_at=datetime(2026, 1, 1),
    ),
    "status": lambda c: core.set_status(c, AttemptId(GONE), Status.ABANDONED),
}


@pytest.fixture
def mock(services: AppServices, tmp_path: Path) -> AttemptState:
    services.banks.import_file(write_bank(tmp_path / "b", "X1", {"A": 2}))
    return services.exams.start_mock(services.profiles.ensure_default().profile_id, "X1")


@pytest.mark.parametrize("write", sorted(WRITES))
def test_a_write_to_a_row_that_is_not_there_raises_and_rolls_back(
    services: AppServices, mock: AttemptState, write: str
) -> None:
    with pytest.raises(NotWritten), services.db.begin() as c:
        core.set_flag(c, mock.attempt_id, 0, True)  # a real write: rolled back with the rest
        WRITES[write](c)
    assert not services.exams.load(mock.attempt_id).items[0].flagged


def test_a_write_that_changes_nothing_is_still_written(
    services: AppServices, mock: AttemptState
) -> None:
    """Both engines count the rows an UPDATE matched, changed or not: the same answer and clock
    saved twice (a retried click, a periodic save with no time gone by) is not a missing row."""
    for _ in range(2):
        services.exams.record_response(mock.attempt_id, 0, 1, elapsed_s=5, item_seconds=3)
        services.exams.save_progress(mock.attempt_id, elapsed_s=5, position=0)
    item = services.exams.load(mock.attempt_id).items[0]
    assert (item.chosen_shown, item.seconds) == (1, 3.0)


def test_the_orm_add_attempt_flushes_first_and_gives_the_session_row(
    services: AppServices, mock: AttemptState
) -> None:
    """The ORM's add_attempt is the Core insert on the session's connection: the session's
    pending changes reach the database in the same transaction, and the row it returns is the
    session's own, with the columns the Core insert set."""
    from app.domain.attempts import Mode
    from app.domain.forms import FormItem
    from app.domain.ids import QuestionId
    from app.storage.models import AttemptRow, ProfileRow, TestRow
    from app.storage.queries import attempts

    with services.db.write() as s:
        old = s.get(AttemptRow, mock.attempt_id)
        assert old is not None
        profile, test = s.get(ProfileRow, old.profile_id), s.get(TestRow, old.test_id)
        assert profile is not None and test is not None
        old.status = Status.ABANDONED  # pending
        item = FormItem(QuestionId(mock.items[0].question_id), "A", True, (1, 0, 2, 3))
        new = attempts.add_attempt(
            s,
            profile,
            test,
            Mode.PRACTICE,
            [item],
            limit_s=None,
            include_unscored=False,
            now=datetime(2026, 1, 1),
        )
        conn = s.connection()  # reads what the database holds, without an autoflush
        assert core.attempt(conn, mock.attempt_id).status == Status.ABANDONED
        assert new is s.get(AttemptRow, new.id)
        assert (new.status, new.mode, new.elapsed_s) == (Status.IN_PROGRESS, Mode.PRACTICE, 0.0)
        assert new.target_percent == test.target_percent
        r = core.response_at(conn, AttemptId(new.id), 0)
        assert r is not None and r.choice_order == "1023" and r.scored
