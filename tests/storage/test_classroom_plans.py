"""In a classroom database, a learner keeps their own study plan and certifications and sees
no one else's (row-level security covers the two planner tables)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.domain.certification import Outcome
from app.domain.ids import ProfileId
from tests.pg_classroom import Classroom, classroom_database
from tests.storage.test_classroom_security import _populate

pytestmark = pytest.mark.postgres


def test_learners_plan_and_certifications_are_their_own(tmp_path: Path) -> None:
    for room in classroom_database(tmp_path):
        _check(room, _populate(room, tmp_path))


def _check(room: Classroom, ids: dict[str, ProfileId]) -> None:
    alice = room.services_as("alice")
    try:
        me = ids["alice"]
        alice.plans.save_settings(
            me, "X1", test_date=date(2026, 12, 20), weekdays=frozenset({0, 3}), minutes=30
        )
        assert alice.plans.plan(me, "X1").settings.minutes == 30
        entry = alice.plans.record_result(me, "A5", date(2024, 4, 1), Outcome.PASS)
        alice.plans.record_result(me, "A6", date(2024, 4, 1), Outcome.PASS)
        alice.plans.remove_result(me, entry)
        assert [e.test_code for e in alice.plans.results(me)] == ["A6"]
    finally:
        alice.close()
    bob = room.services_as("bob")
    try:
        assert bob.plans.results(ids["bob"]) == []
        with pytest.raises(ValueError, match="no profile"):  # Alice's profile is invisible
            bob.plans.results(ids["alice"])
    finally:
        bob.close()
    admin = room.services_as(None)
    try:
        assert [e.test_code for e in admin.plans.results(ids["alice"])] == ["A6"]
    finally:
        admin.close()
