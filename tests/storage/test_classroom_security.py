"""Classroom privacy enforced by PostgreSQL itself: a learner's login reaches only its own rows by
any SQL at all, cannot write the banks; an instructor sees only their class; a removed learner
loses access. Each test gets its own database; roles made for it are dropped afterwards."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError

from app.domain.i18n import Language
from app.domain.ids import ProfileId
from app.storage.classroom_roles import CLASS_TABLES, PERSONAL_TABLES, Role
from app.storage.models import Base
from app.storage.queries.attempts_core import NotWritten
from tests.factories import write_bank
from tests.pg_classroom import Classroom, classroom_database

pytestmark = pytest.mark.postgres


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Classroom]:
    """Class A: learners alice, bob and instructor ann; class B: learner carol, instructor ben.
    Alice, bob and carol each have one submitted mock, answered all wrong (so review cards too)."""
    yield from classroom_database(tmp_path)


def _populate(room: Classroom, tmp_path: Path) -> dict[str, ProfileId]:
    roster, db = room.roster()
    try:
        roster.init("Class A")
        for who, role, klass in (
            ("alice", Role.LEARNER, "Class A"),
            ("bob", Role.LEARNER, "Class A"),
            ("ann", Role.INSTRUCTOR, "Class A"),
            ("carol", Role.LEARNER, "Class B"),
            ("ben", Role.INSTRUCTOR, "Class B"),
        ):
            roster.add_member(room.login(who), role, klass, profile_name=who.title())
    finally:
        db.dispose()
    admin = room.services_as(None)
    try:
        admin.banks.import_file(write_bank(tmp_path / "bank", "X1", {"A": 2, "B": 2}))
        ids = {p.name.lower(): p.profile_id for p in admin.profiles.list_profiles()}
        assert len(ids) == 5  # the owner sees everyone
        for who in ("alice", "bob", "carol"):
            st = admin.exams.start_mock(ids[who], "X1")
            for pos, item in enumerate(st.items):  # all wrong: each missed item is reviewed
                wrong = (item.key + 1) % len(item.choices)
                admin.exams.record_response(st.attempt_id, pos, wrong, elapsed_s=1, item_seconds=1)
            admin.exams.submit(st.attempt_id, elapsed_s=10)
    finally:
        admin.close()
    return ids


@pytest.fixture
def ids(room: Classroom, tmp_path: Path) -> dict[str, ProfileId]:
    return _populate(room, tmp_path)


@pytest.fixture(scope="module")
def shared(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Classroom, dict[str, ProfileId]]]:
    """One populated classroom for the tests that only read or are refused (faster)."""
    tmp = tmp_path_factory.mktemp("shared-room")
    for r in classroom_database(tmp):
        yield r, _populate(r, tmp)


def _count(conn: Any, sql: str, **params: Any) -> int:
    return int(conn.execute(text(sql), params).scalar_one())


def test_a_learner_reads_only_their_own_rows(
    shared: tuple[Classroom, dict[str, ProfileId]],
) -> None:
    room, ids = shared
    with room.engine_as("alice").connect() as c:
        assert c.execute(text("SELECT name FROM profile")).scalars().all() == ["Alice"]
        assert c.execute(text("SELECT DISTINCT profile_id FROM attempt")).scalars().all() == [
            ids["alice"]
        ]
        assert (
            _count(c, "SELECT count(*) FROM review_card WHERE profile_id <> :a", a=ids["alice"])
            == 0
        )
        assert _count(c, "SELECT count(*) FROM review_card") == 4
        assert _count(c, "SELECT count(*) FROM response") == 4
        for rollup in ("answer_rollup", "answer_rollup_total", "answer_choice"):  # per answer
            assert c.execute(text(f"SELECT DISTINCT profile_id FROM {rollup}")).scalars().all() == [
                ids["alice"]
            ]
        assert (
            _count(
                c,
                "SELECT count(*) FROM response r JOIN attempt a ON a.id = r.attempt_id"
                " WHERE a.profile_id = :b",
                b=ids["bob"],
            )
            == 0
        )
        # asking by id does not help
        assert _count(c, "SELECT count(*) FROM profile WHERE id = :b", b=ids["bob"]) == 0
        assert c.execute(text("SELECT login FROM class_member")).scalars().all() == [
            room.login("alice")
        ]
        # the instructor-only helper gives a learner nothing
        assert _count(c, "SELECT count(*) FROM bayready_class_profiles()") == 0
    with room.engine_as("bob").connect() as c:
        assert c.execute(text("SELECT name FROM profile")).scalars().all() == ["Bob"]


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE attempt SET elapsed_s = 0 WHERE profile_id = :b",
        "UPDATE review_card SET lapses = 99 WHERE profile_id = :b",
        "UPDATE response SET seconds = 999 WHERE attempt_id IN "
        "(SELECT id FROM attempt WHERE profile_id = :b)",
        "UPDATE response SET seconds = 999",  # everything it can see is its own
        "UPDATE response SET confidence = 2",  # the column 0006 added is covered too
        "UPDATE profile SET language = 'fr'",  # a learner's own column, but only on their row
        "UPDATE answer_rollup SET answers = 999",  # the report's rollup: their own rows only
        "UPDATE answer_rollup_total SET answers = 999 WHERE profile_id = :b",
        "DELETE FROM answer_rollup WHERE profile_id = :b",
        "DELETE FROM answer_rollup_total WHERE profile_id = :b",
        "UPDATE answer_choice SET answers = 999",
    ],
)
def test_a_learner_cannot_change_another_learners_rows(
    shared: tuple[Classroom, dict[str, ProfileId]], sql: str
) -> None:
    room, ids = shared
    with room.engine_as("alice").begin() as c:
        c.execute(text(sql), {"b": ids["bob"]})
    with room.engine_as("bob").connect() as c:
        assert _count(c, "SELECT count(*) FROM review_card WHERE lapses = 99") == 0
        assert _count(c, "SELECT count(*) FROM attempt WHERE elapsed_s = 0") == 0
        assert _count(c, "SELECT count(*) FROM response WHERE seconds = 999") == 0
        assert _count(c, "SELECT count(*) FROM response WHERE confidence = 2") == 0
        assert _count(c, "SELECT count(*) FROM profile WHERE language = 'fr'") == 0
        for rollup in ("answer_rollup", "answer_rollup_total", "answer_choice"):
            assert _count(c, f"SELECT count(*) FROM {rollup} WHERE answers = 999") == 0
            assert _count(c, f"SELECT count(*) FROM {rollup}") > 0


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("DELETE FROM attempt WHERE profile_id = :b", "permission denied"),
        ("DELETE FROM response", "permission denied"),
        ("DELETE FROM review_card", "permission denied"),
        ("DELETE FROM profile WHERE id = :b", "permission denied"),
        ("UPDATE profile SET name = 'x' WHERE id = :b", "permission denied"),
        ("UPDATE profile SET time_multiplier = 3 WHERE id = :a", "permission denied"),
        ("UPDATE profile SET language = 'es', name = 'x' WHERE id = :a", "permission denied"),
        (
            "INSERT INTO attempt (profile_id, test_id, mode, status, started_at, elapsed_s,"
            " current_position, include_unscored, target_percent)"
            " SELECT :b, id, 'mock', 'submitted', now(), 0, 0, false, 70 FROM test",
            "row-level security",
        ),
        (
            "INSERT INTO review_card (profile_id, question_id, card, due, lapses)"
            " SELECT :b, id, '{}', now(), 0 FROM question LIMIT 1",
            "row-level security",
        ),
        ("UPDATE attempt SET profile_id = :b", "row-level security"),
        (
            "INSERT INTO answer_rollup (profile_id, test_id, practice, day, task_id, difficulty,"
            " confidence, previous, answers, correct, seconds, answered)"
            " SELECT :b, test_id, false, current_date, id, 2, 0, 0, 9, 9, 1, 9 FROM task LIMIT 1",
            "row-level security",
        ),
        ("UPDATE answer_rollup_total SET profile_id = :b", "row-level security"),
        ("UPDATE answer_choice SET profile_id = :b", "row-level security"),
        ("UPDATE review_card SET profile_id = :b", "row-level security"),
        (
            "INSERT INTO profile (name, created_at, time_multiplier, hide_countdown)"
            " VALUES ('Mallory', now(), 1, false)",
            "permission denied",
        ),
        (
            "INSERT INTO class_member (class_id, login, role, active, added_at)"
            " SELECT id, 'x', 'instructor', true, now() FROM classroom",
            "permission denied",
        ),
        ("UPDATE class_member SET profile_id = :b", "permission denied"),
        ("SET row_security = off; SELECT * FROM attempt", "row-level security"),
        ("ALTER TABLE attempt DISABLE ROW LEVEL SECURITY", "must be owner"),
        ("DROP POLICY bayready_own ON attempt", "must be owner"),
        ("SET ROLE bayready", "permission denied"),
        ("SET SESSION AUTHORIZATION bayready", "permission denied"),
        ("TRUNCATE response", "permission denied"),
        ("CREATE TABLE notes (x int)", "permission denied"),
        ("CREATE TEMP TABLE notes (x int)", "permission denied"),
        (
            "CREATE FUNCTION bayready_my_profiles() RETURNS int LANGUAGE sql AS 'SELECT 1'",
            "permission denied",
        ),
    ],
)
def test_a_learner_is_refused_by_the_database(
    shared: tuple[Classroom, dict[str, ProfileId]], sql: str, message: str
) -> None:
    room, ids = shared
    with room.engine_as("alice").begin() as c, pytest.raises(DBAPIError, match=message):
        for stmt in sql.split("; "):
            c.execute(
                text(stmt),
                {k: v for k, v in (("a", ids["alice"]), ("b", ids["bob"])) if f":{k}" in stmt},
            )


def test_a_response_cannot_be_slipped_into_another_learners_attempt(
    shared: tuple[Classroom, dict[str, ProfileId]],
) -> None:
    room, _ids = shared
    with room.engine_as("bob").connect() as c:
        bobs_attempt = c.execute(text("SELECT id FROM attempt")).scalar_one()
    with room.engine_as("alice").begin() as c, pytest.raises(DBAPIError, match="row-level"):
        c.execute(
            text(
                "INSERT INTO response (attempt_id, question_id, position, scored, choice_order,"
                " flagged, seconds) SELECT :x, id, 99, true, '0123', false, 0 FROM question"
                " LIMIT 1"
            ),
            {"x": bobs_attempt},
        )


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE question SET explanation = 'x'",
        "DELETE FROM choice",
        "INSERT INTO test (code, title, spec_version, scored_count, minutes, unscored_count,"
        " target_percent, shuffle_choices, notes) VALUES ('Z1', 't', '1', 1, 1, 0, 70, true, '')",
        "UPDATE bank SET enabled = false",
        "DELETE FROM alembic_version",
    ],
)
def test_a_learner_reads_but_cannot_write_the_banks(
    shared: tuple[Classroom, dict[str, ProfileId]], sql: str
) -> None:
    room, _ids = shared
    with room.engine_as("alice").connect() as c:
        assert _count(c, "SELECT count(*) FROM question") > 0
        assert _count(c, "SELECT count(*) FROM choice") > 0
    with room.engine_as("alice").begin() as c, pytest.raises(ProgrammingError, match="permission"):
        c.execute(text(sql))


def test_an_instructor_sees_only_their_class(room: Classroom, ids: dict[str, ProfileId]) -> None:
    with room.engine_as("ann").connect() as c:
        assert c.execute(text("SELECT name FROM profile ORDER BY name")).scalars().all() == [
            "Alice",
            "Ann",  # their own
            "Bob",
        ]
        assert set(c.execute(text("SELECT profile_id FROM attempt")).scalars()) == {
            ids["alice"],
            ids["bob"],
        }
        assert _count(c, "SELECT count(*) FROM response") == 8
        assert (
            _count(c, "SELECT count(*) FROM review_card WHERE profile_id = :c", c=ids["carol"]) == 0
        )
        assert c.execute(text("SELECT name FROM classroom")).scalars().all() == ["Class A"]
    with room.engine_as("ben").connect() as c:
        assert c.execute(text("SELECT name FROM profile ORDER BY name")).scalars().all() == [
            "Ben",
            "Carol",
        ]
    with room.engine_as("ann").begin() as c:
        # accommodations for their own class only; bank editing allowed
        assert (
            c.execute(
                text("UPDATE profile SET time_multiplier = 1.5 WHERE id IN (:a, :c)"),
                {"a": ids["alice"], "c": ids["carol"]},
            ).rowcount
            == 1
        )
        assert c.execute(text("UPDATE question SET difficulty = 3")).rowcount > 0
        assert c.execute(text("UPDATE attempt SET elapsed_s = 0")).rowcount == 0  # read-only


def test_an_instructor_cannot_change_results_or_delete_learners(
    shared: tuple[Classroom, dict[str, ProfileId]],
) -> None:
    room, _ids = shared
    with room.engine_as("ann").begin() as c, pytest.raises(ProgrammingError, match="permission"):
        c.execute(text("DELETE FROM attempt"))
    with room.engine_as("ann").begin() as c, pytest.raises(ProgrammingError, match="permission"):
        c.execute(text("DELETE FROM profile"))


def test_class_results_through_the_app_as_the_instructor(
    shared: tuple[Classroom, dict[str, ProfileId]],
) -> None:
    room, _ids = shared
    ann = room.services_as("ann")
    try:
        assert ann.classroom.capabilities().role == "instructor"
        results = ann.classroom.class_results("X1")
        assert [p.profile for p in results.profiles] == ["Alice", "Ann", "Bob"]
        assert [p.mocks for p in results.profiles] == [1, 0, 1]
        # in the app's profile list, the instructor answers only as themselves
        assert [p.name for p in ann.profiles.list_profiles()] == ["Ann"]
    finally:
        ann.close()


def test_an_instructor_answering_a_learners_mock_is_refused_not_acknowledged(
    room: Classroom, ids: dict[str, ProfileId]
) -> None:
    """The instructor can read the class's attempts, but row-level security filters them out of
    an UPDATE without an error: the app must refuse, never acknowledge an answer, flag or clock
    the database dropped (the ORM raised StaleDataError; plain Core UPDATEs wrote 0 rows)."""
    admin = room.services_as(None)
    try:
        st = admin.exams.start_mock(ids["alice"], "X1")
    finally:
        admin.close()
    ann = room.services_as("ann")
    try:
        with pytest.raises(NotWritten):
            ann.exams.record_response(st.attempt_id, 0, 0, elapsed_s=50, item_seconds=50)
        with pytest.raises(NotWritten):
            ann.exams.set_flag(st.attempt_id, 1, True, elapsed_s=60)
        with pytest.raises(NotWritten):
            ann.exams.save_progress(st.attempt_id, elapsed_s=70, position=1, items={1: 9.0})
    finally:
        ann.close()
    with room.engine_as("alice").connect() as c:
        assert (
            _count(
                c,
                "SELECT count(*) FROM response WHERE attempt_id = :a"
                " AND (chosen IS NOT NULL OR flagged OR seconds > 0)",
                a=st.attempt_id,
            )
            == 0
        )
        assert (
            _count(
                c, "SELECT count(*) FROM attempt WHERE id = :a AND elapsed_s = 0", a=st.attempt_id
            )
            == 1
        )


def test_removing_a_learner_revokes_access(room: Classroom, ids: dict[str, ProfileId]) -> None:
    open_conn = room.engine_as("alice").connect()  # a session already open at removal
    try:
        assert _count(open_conn, "SELECT count(*) FROM attempt") == 1
        open_conn.rollback()
        roster, db = room.roster()
        try:
            assert roster.remove(room.login("alice")) == "dropped"
            assert roster.remove(room.login("alice")) == "absent"  # idempotent
        finally:
            db.dispose()
        with pytest.raises(DBAPIError):
            _count(open_conn, "SELECT count(*) FROM attempt")
    finally:
        open_conn.close()
    with (
        pytest.raises(OperationalError, match=r"does not exist|authentication"),
        room.engine_as("alice").connect(),
    ):
        pass
    with room.engine_as("ann").connect() as c:  # the instructor keeps the past results
        assert "Alice" in c.execute(text("SELECT name FROM profile")).scalars().all()
        assert (
            c.execute(
                text("SELECT active FROM class_member WHERE login = :l"), {"l": room.login("alice")}
            ).scalar_one()
            is False
        )


def test_the_app_works_under_a_learner_login(room: Classroom, ids: dict[str, ProfileId]) -> None:
    """RLS must not break normal use: start a mock, answer, flag, save, submit, report, review."""
    alice = room.services_as("alice")
    try:
        caps = alice.classroom.capabilities()
        assert caps.role == "learner"
        assert not (caps.manage_banks or caps.import_banks or caps.class_results)
        assert not caps.manage_profiles
        (me,) = alice.profiles.list_profiles()
        assert me.name == "Alice" and alice.profiles.ensure_default().profile_id == me.profile_id
        assert [c.code for c in alice.exams.test_cards(me.profile_id)] == ["X1"]
        st = alice.exams.start_mock(me.profile_id, "X1")
        alice.exams.record_response(st.attempt_id, 0, 1, elapsed_s=5, item_seconds=5)
        alice.exams.set_flag(st.attempt_id, 1, True, elapsed_s=6)
        alice.exams.save_progress(st.attempt_id, elapsed_s=7, position=1, items={1: 2.0})
        report = alice.exams.submit(st.attempt_id, elapsed_s=9)
        assert report.score.answered == 1
        assert alice.exams.report(st.attempt_id).score.total == report.score.total
        weak = alice.reports.weak_area_report(me.profile_id, "X1")
        assert weak is not None
        assert alice.reviews.queue_size(me.profile_id) >= 3
        practice = alice.exams.start_practice(me.profile_id, "X1", count=2)
        alice.exams.record_response(practice.attempt_id, 0, 0, elapsed_s=1, item_seconds=1)
        alice.exams.submit(practice.attempt_id, elapsed_s=2)
        # a learner chooses their own interface language, and only their own
        assert (
            alice.profiles.set_language(me.profile_id, Language.SPANISH).language
            is Language.SPANISH
        )
        assert alice.profiles.get(me.profile_id).language is Language.SPANISH
        # the class results a learner can get are their own
        assert [p.profile for p in alice.classroom.class_results("X1").profiles] == ["Alice"]
    finally:
        alice.close()


def test_init_and_adding_members_are_idempotent(room: Classroom, ids: dict[str, ProfileId]) -> None:
    roster, db = room.roster()
    try:
        roster.init("Class A")
        roster.init()
        again = roster.add_member(room.login("alice"), Role.LEARNER, "Class A")
        assert again.created is False and again.password is None
        assert again.profile == "Alice"
        members = roster.members()
        assert len([m for m in members if m.login == room.login("alice")]) == 1
    finally:
        db.dispose()
    with room.engine_as("alice").connect() as c:  # still only her own
        assert c.execute(text("SELECT name FROM profile")).scalars().all() == ["Alice"]


def test_passwords_reach_the_server_only_as_a_scram_verifier(
    room: Classroom, tmp_path: Path
) -> None:
    import base64
    import hashlib
    import hmac

    roster, db = room.roster()
    try:
        roster.init()
        added = roster.add_member(room.login("dana"), Role.LEARNER, "Class C")
        assert added.created and added.password and len(added.password) >= 20
        with db.engine.connect() as c:
            stored = c.execute(
                text("SELECT rolpassword FROM pg_authid WHERE rolname = :n"),
                {"n": room.login("dana")},
            ).scalar_one()
        reset = roster.add_member(room.login("dana"), Role.LEARNER, "Class C", reset_password=True)
        assert reset.password and reset.password != added.password
    finally:
        db.dispose()
    assert stored.startswith("SCRAM-SHA-256$") and added.password not in stored
    iters_salt, keys = stored.split("$")[1:]
    iterations, salt = iters_salt.split(":")
    stored_key = base64.b64decode(keys.split(":")[0])
    salted = hashlib.pbkdf2_hmac(
        "sha256", added.password.encode(), base64.b64decode(salt), int(iterations)
    )
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    assert hashlib.sha256(client_key).digest() == stored_key


def test_an_admin_role_cannot_be_made_a_class_member(room: Classroom) -> None:
    from app.storage.classroom_roles import ClassroomSetupError

    roster, db = room.roster()
    try:
        roster.init()
        with pytest.raises(ClassroomSetupError, match="administrative"):
            roster.add_member("bayready", Role.LEARNER, "Class A")
        with pytest.raises(ClassroomSetupError, match="not a usable login"):
            roster.add_member('x"; DROP TABLE attempt; --', Role.LEARNER, "Class A")
    finally:
        db.dispose()


def test_every_table_with_personal_rows_is_protected() -> None:
    """A new table naming a profile must be added to PERSONAL_TABLES, or learners read it all."""
    for table in Base.metadata.tables.values():
        if "profile_id" in table.columns:
            assert table.name in (*PERSONAL_TABLES, *CLASS_TABLES), table.name


def test_a_learner_cannot_upgrade_the_schema_and_is_told_who_can(
    room: Classroom, ids: dict[str, ProfileId]
) -> None:
    from app.storage.database import DatabaseError

    admin = room.services_as(None)
    with admin.db.engine.begin() as c:  # as if this build were newer than the database
        c.execute(text("UPDATE alembic_version SET version_num = '0002_review_cards'"))
    admin.close()

    def start() -> str:
        try:
            room.services_as("alice").close()
        except DatabaseError as e:
            return str(e)
        return "started"

    assert "only its owner may run. Ask your instructor" in start()
    gc.collect()  # the refused start-up left no open connection behind (a ResourceWarning)
