"""The classroom query functions on the real migrated schema, SQLite and PostgreSQL: what class
results and the roster read, straight from storage (the services' tests cover the assembly)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.ids import ProfileId, TaskId, TestId
from app.paths import AppPaths
from app.services.setup import AppServices
from app.storage.database import Database
from app.storage.models import ClassMemberRow, ClassRow
from app.storage.queries import attempts
from app.storage.queries import classroom as q
from tests.conftest import FakeNow
from tests.factories import write_bank
from tests.services.test_reports import sit_mock


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    return write_bank(tmp_path / "b", "X1", {"A": 4, "B": 2, "C": 2}, per_area_factor=3)


def test_class_results_queries_count_submitted_mocks_only(
    services: AppServices, bank: Path, app_paths: AppPaths, fake_now: FakeNow
) -> None:
    services.banks.import_file(bank)
    ana = services.profiles.create("Ana").profile_id
    ben = services.profiles.create("Ben").profile_id
    sit_mock(services, ana, "C")
    fake_now.advance(60)
    sit_mock(services, ana, "B")
    services.exams.start_mock(ben, "X1")  # open, never submitted: not a result
    db = Database(app_paths.db_url)
    try:
        with db.read() as s:
            t = attempts.test_by_code(s, "X1")
            assert t is not None
            test = TestId(t.id)
            assert q.area_letters(s, test) == ("A", "B", "C")
            tallies = {
                (a.profile_id, a.letter): (a.scored, a.correct)
                for a in q.mock_area_tallies(s, test)
            }
            assert tallies == {(ana, "A"): (8, 8), (ana, "B"): (4, 2), (ana, "C"): (4, 2)}
            assert [p.name for p in q.profiles_by_name(s)] == ["Ana", "Ben"]
            assert [(m.correct, m.total) for m in q.mock_scores(s, ana, test)] == [(6, 8)] * 2
            assert q.mock_scores(s, ben, test) == []
            assert q.answered_count(s, ana, test) == 16 and q.answered_count(s, ben, test) == 0
            items = q.mock_item_responses(s, test)
            assert len(items) == 16 and sum(i.correct for i in items) == 12
            assert {i.attempt_score for i in items} == {6}
            asked = {i.question_id for i in items}
            found = q.questions_by_id(s, asked)
            assert set(found) == asked
            codes = q.task_codes(s, test)
            assert len(codes) == 6 and {TaskId(r.task_id) for r in found.values()} <= set(codes)
    finally:
        db.dispose()


def test_roster_queries_find_classes_members_and_linked_profiles(
    services: AppServices, app_paths: AppPaths, fake_now: FakeNow
) -> None:
    ana = services.profiles.create("Ana").profile_id
    services.profiles.create("Ben")
    db = Database(app_paths.db_url)
    try:
        with db.write() as s:
            assert q.class_by_name(s, "Shop 1") is None
            klass = ClassRow(name="Shop 1", created_at=fake_now())
            s.add(klass)
            s.flush()
            s.add_all(
                [
                    ClassMemberRow(
                        class_id=klass.id,
                        login="ana",
                        role="learner",
                        profile_id=ana,
                        added_at=fake_now(),
                        active=True,
                    ),
                    ClassMemberRow(
                        class_id=klass.id,
                        login="ann",
                        role="instructor",
                        profile_id=ana,
                        added_at=fake_now(),
                        active=False,
                    ),
                ]
            )
        with db.write() as s:
            klass_found = q.class_by_name(s, "Shop 1")
            assert klass_found is not None
            member = q.membership(s, klass_found.id, "ana")
            assert member is not None and member.active
            assert q.membership(s, klass_found.id, "bob") is None
            linked = q.linked_profile(s, "ana")
            assert linked is not None and linked.name == "Ana"
            assert q.linked_profile(s, "bob") is None
            ben = q.profile_by_name(s, "Ben")
            assert ben is not None and q.profile_by_name(s, "Cy") is None
            # "ann" is inactive: only an active membership holds a profile for its login
            assert q.other_active_login(s, ProfileId(ana), "ann") == "ana"
            assert q.other_active_login(s, ProfileId(ana), "ana") is None
            assert [tuple(m) for m in q.members(s)] == [
                ("Shop 1", "ann", "instructor", "Ana", False),
                ("Shop 1", "ana", "learner", "Ana", True),
            ]
            q.deactivate_memberships(s, "ana")
        with db.read() as s:
            assert not any(m.active for m in q.members(s))
    finally:
        db.dispose()
