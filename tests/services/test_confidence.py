"""Confidence on practice answers (sure / unsure / guess): stored per response (migration 0006),
weaker evidence in the model when a right answer was a guess, and the report's lucky guesses."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import text

from app.domain.ids import AttemptId, ProfileId
from app.services.exams import ExamError
from app.services.setup import AppServices
from app.storage.database import MIGRATIONS, Database
from app.storage.schema import HEAD_REVISION
from tests.conftest import FakeNow
from tests.factories import write_bank


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    return write_bank(tmp_path / "b", "X1", {"A": 4, "B": 4}, per_area_factor=3)


def _practise_all_right(services: AppServices, pid: ProfileId, confidence: int | None) -> AttemptId:
    st = services.exams.start_practice(pid, "X1", count=24, areas=["A"])
    for item in st.items:
        services.exams.record_response(
            st.attempt_id, item.position, item.key, elapsed_s=1, item_seconds=1
        )
        if confidence is not None:
            services.exams.set_confidence(st.attempt_id, item.position, confidence)
    return st.attempt_id


def test_confidence_is_stored_weakens_right_guesses_and_lists_them(
    services: AppServices, bank: Path
) -> None:
    services.banks.import_file(bank)
    sure = services.profiles.create("Sure").profile_id
    guess = services.profiles.create("Guesser").profile_id
    _practise_all_right(services, sure, 0)
    aid = _practise_all_right(services, guess, 2)
    state = services.exams.load(aid)
    assert {i.confidence for i in state.items} == {2}
    services.exams.set_confidence(aid, 0, 1)  # changed mind: unsure
    assert services.exams.load(aid).items[0].confidence == 1

    r_sure = services.reports.weak_area_report("Sure", "X1")
    r_guess = services.reports.weak_area_report("Guesser", "X1")
    a_sure = next(a for a in r_sure.areas if a.letter == "A").mastery
    a_guess = next(a for a in r_guess.areas if a.letter == "A").mastery
    # the same answers, all right: the guessed ones say less about knowing area A
    assert (a_sure.seen, a_sure.correct) == (a_guess.seen, a_guess.correct)
    assert a_guess.estimate < a_sure.estimate - 0.02
    assert r_sure.lucky_guesses == ()
    lucky = r_guess.lucky_guesses
    assert len(lucky) == len(state.items)
    assert lucky[0].said == "guess" and lucky[-1].said == "unsure"
    assert {x.question_id for x in lucky} == {i.question_id for i in state.items}


def test_confidence_needs_an_answered_practice_item(services: AppServices, bank: Path) -> None:
    services.banks.import_file(bank)
    pid = services.profiles.create("Ana").profile_id
    st = services.exams.start_practice(pid, "X1", count=2)
    with pytest.raises(ExamError, match="no answer"):
        services.exams.set_confidence(st.attempt_id, 0, 2)
    services.exams.record_response(st.attempt_id, 0, 0, elapsed_s=1, item_seconds=1)
    with pytest.raises(ExamError, match="0 \\(sure\\)"):
        services.exams.set_confidence(st.attempt_id, 0, 7)
    mock = services.exams.start_mock(pid, "X1")
    services.exams.record_response(mock.attempt_id, 0, 0, elapsed_s=1, item_seconds=1)
    with pytest.raises(ExamError, match="practice only"):
        services.exams.set_confidence(mock.attempt_id, 0, 1)


def test_a_database_at_0005_with_answers_upgrades_and_takes_confidence(
    db_url: str, tmp_path: Path, bank: Path
) -> None:
    """Answers written before 0006 survive the upgrade (confidence NULL, read as sure)."""
    from app.paths import AppPaths
    from app.services.setup import open_services

    paths = AppPaths(data_dir=tmp_path / "data", db_url=db_url)
    services = open_services(paths, FakeNow())
    try:
        services.banks.import_file(bank)
        pid = services.profiles.create("Old").profile_id
        aid = _practise_all_right(services, pid, None)
        before = services.reports.weak_area_report("Old", "X1")
    finally:
        services.close()
    # take the database back to 0005 (the column gone), as an older build left it
    db = Database(db_url)
    try:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0005_study_plan")
        assert db.current_revision() == "0005_study_plan"
        with db.engine.connect() as c:
            cols = c.execute(text("SELECT * FROM response")).keys()
            assert "confidence" not in cols
        assert db.upgrade() is True
        assert db.current_revision() == HEAD_REVISION
        with db.engine.connect() as c:
            assert (
                c.execute(text("SELECT count(*) FROM response WHERE confidence IS NULL")).scalar()
                == c.execute(text("SELECT count(*) FROM response")).scalar()
            )
    finally:
        db.dispose()
    services = open_services(paths, FakeNow())
    try:
        after = services.reports.weak_area_report("Old", "X1")
        assert [a.mastery for a in after.areas] == [a.mastery for a in before.areas]
        services.exams.set_confidence(aid, 0, 2)
        assert len(services.reports.weak_area_report("Old", "X1").lucky_guesses) == 1
    finally:
        services.close()
