"""The plan, certification and profile query functions on the real migrated schema (SQLite and
PostgreSQL), read straight from storage; the services' tests cover what is made of them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.domain.certification import Outcome
from app.domain.ids import ProfileId, TestId
from app.paths import AppPaths
from app.services.setup import AppServices
from app.storage.database import Database
from app.storage.queries import attempts, profiles, reviews
from app.storage.queries import plans as q
from tests.conftest import FakeNow
from tests.factories import write_bank
from tests.services.test_reports import sit_mock


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    return write_bank(tmp_path / "b", "X1", {"A": 4, "B": 2, "C": 2}, per_area_factor=3)


@pytest.fixture
def db(app_paths: AppPaths, services: AppServices) -> Iterator[Database]:
    d = Database(app_paths.db_url)
    yield d
    d.dispose()


def test_plan_queries_read_activity_timed_forms_and_reviews_due(
    services: AppServices, bank: Path, fake_now: FakeNow, db: Database
) -> None:
    services.banks.import_file(bank)
    ana = services.profiles.create("Ana").profile_id
    services.exams.start_mock(ana, "X1")  # opened, never answered
    fake_now.advance(3600)
    first = fake_now()
    sit_mock(services, ana, "C")  # 2 wrong answers: 2 review cards due from now on
    fake_now.advance(86400)
    services.plans.save_settings(
        ana, "X1", test_date=date(2027, 1, 5), weekdays=frozenset({1, 3}), minutes=30
    )
    with db.read() as s:
        t = attempts.test_by_code(s, "X1")
        assert t is not None
        test = TestId(t.id)
        row = q.study_plan(s, ana, test)
        assert row is not None and row.weekdays == "1,3" and row.minutes == 30
        assert q.study_plan(s, ProfileId(ana + 1), test) is None
        activity = sorted(q.attempt_activity(s, ana, test))
        assert [a.last_answered_at is None for a in activity] == [True, False]
        assert activity[1].started_at == first
        assert q.last_timed_form_at(s, ana, test) == first
        assert reviews.due_count(s, ana, test, fake_now()) == 2
        assert reviews.due_count(s, ana, test, first - timedelta(days=1)) == 0
        assert q.area_counts(s, ["X1", "Z7"]) == {"X1": 3}
        assert q.last_practice_at(s, ana, ["X1"]) == {}


def test_certification_queries_are_per_profile(services: AppServices, db: Database) -> None:
    ana = services.profiles.create("Ana").profile_id
    ben = services.profiles.create("Ben").profile_id
    keep = services.plans.record_result(ana, "A6", date(2024, 4, 1), Outcome.PASS)
    gone = services.plans.record_result(ana, "A5", date(2024, 4, 1), Outcome.FAIL)
    with db.write() as s:
        q.delete_certification(s, ProfileId(ben), gone)  # not Ben's: left alone
        assert [c.id for c in q.certifications(s, ProfileId(ana))] == [gone, keep]
        q.delete_certification(s, ProfileId(ana), gone)
    with db.read() as s:
        assert [c.test_code for c in q.certifications(s, ProfileId(ana))] == ["A6"]
        assert q.certifications(s, ProfileId(ben)) == []


def test_profile_queries_find_count_and_delete(
    services: AppServices, bank: Path, db: Database
) -> None:
    services.banks.import_file(bank)
    ben = services.profiles.create("Ben").profile_id
    ana = services.profiles.create("Ana").profile_id
    sit_mock(services, ana, "C")
    services.exams.start_mock(ana, "X1")
    with db.write() as s:
        found = profiles.profile_by_name(s, "Ana")
        assert found is not None and found.id == ana
        assert profiles.profile_id_by_name(s, "Ben") == ben
        assert profiles.profile_id_by_name(s, "Cy") is None
        assert profiles.attempt_counts(s) == {ana: 2}
        assert [p.name for p in profiles.profiles_by_name(s)] == ["Ana", "Ben"]
        assert [p.name for p in profiles.profiles_by_name(s, [ben])] == ["Ben"]
        assert profiles.profiles_by_name(s, []) == []
        profiles.delete_profile(s, ana)
    with db.read() as s:
        assert profiles.profile(s, ana) is None and profiles.attempt_counts(s) == {}
