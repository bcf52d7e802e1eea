"""The bank-links (enemies, exhibits, booklet), review-queue and calibration query functions on
the real migrated schema (SQLite and PostgreSQL), read straight from storage."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from app.domain.ids import BankId, ProfileId, QuestionId, TestId
from app.paths import AppPaths
from app.services.reviews import record_review
from app.services.setup import AppServices
from app.storage.database import Database
from app.storage.queries import attempts, bank_links, calibration, reviews
from tests.conftest import FakeNow
from tests.factories import booklet_bank
from tests.services.test_form_enemies import _bank as enemies_bank
from tests.services.test_reports import sit_mock


@pytest.fixture
def db(app_paths: AppPaths, services: AppServices) -> Iterator[Database]:
    d = Database(app_paths.db_url)
    yield d
    d.dispose()


def _test(db: Database, code: str) -> TestId:
    with db.read() as s:
        t = attempts.test_by_code(s, code)
        assert t is not None
        return TestId(t.id)


def test_bank_links_read_enemies_exhibits_and_the_booklet(
    services: AppServices, tmp_path: Path, db: Database
) -> None:
    services.banks.import_file(enemies_bank(tmp_path / "e"))
    services.banks.import_file(booklet_bank(tmp_path / "l"))
    x4, l9 = _test(db, "X4"), _test(db, "L9")
    with db.read() as s:
        shown = bank_links.drawable_exhibits(s, x4)
        assert len(shown) == 2 and {x.exhibit for x in shown} == {"exhibits/f.svg"}
        listed = bank_links.enemy_lists(s, x4)
        assert len(listed) == 1 and "X4-00007" in listed[0][1]
        bank = listed[0][0]
        by_uid = bank_links.drawable_by_uid(s, x4, [bank])
        assert len(by_uid) == 10 and (bank, "X4-00001") in by_uid
        assert bank_links.drawable_by_uid(s, x4, [BankId(bank + 100)]) == {}
        assert bank_links.enemy_lists(s, l9) == []
        links = bank_links.links_of(s, "X4")
        assert len(links) == 1 and links[0].enemies and links[0].reference is None
        assert bank_links.links_of(s, "X4", BankId(bank + 100)) == []
        text = bank_links.booklet_text(s, "L9")
        assert text is not None and "S2" in text
        assert bank_links.booklet_text(s, "X4") is None
        assert bank_links.has_booklet(s, l9) and not bank_links.has_booklet(s, x4)
    services.banks.set_enabled(bank, False)
    with db.read() as s:  # a disabled bank's questions and lists are not drawn
        assert bank_links.drawable_exhibits(s, x4) == [] and bank_links.enemy_lists(s, x4) == []


def test_review_queue_queries(
    services: AppServices, tmp_path: Path, db: Database, fake_now: FakeNow
) -> None:
    services.banks.import_file(booklet_bank(tmp_path / "l"))
    ana = services.profiles.create("Ana").profile_id
    with db.read() as s:
        ids = [
            QuestionId(q)
            for q in sorted(bank_links.drawable_by_uid(s, _test(db, "L9"), [BankId(1)]).values())
        ]
    with db.write() as s:
        record_review(s, ana, ids[0], False, fake_now())
        record_review(s, ana, ids[1], False, fake_now() + timedelta(days=1))
        record_review(s, ana, ids[2], True, fake_now())  # right and never missed: not queued
    with db.read() as s:
        first = reviews.card(s, ana, ids[0])
        assert first is not None and first.lapses == 1
        assert reviews.card(s, ana, ids[2]) is None
        later = fake_now() + timedelta(days=2)
        assert reviews.due_counts(s, ana, later) == {"L9": 2}
        assert reviews.due_counts(s, ProfileId(ana + 1), later) == {}
        assert reviews.due_question_ids(s, ana, "L9", later, 50) == [ids[0], ids[1]]
        assert reviews.due_question_ids(s, ana, "L9", later, 1) == [ids[0]]
        assert reviews.due_question_ids(s, ana, "X4", later, 50) == []
        assert reviews.queue_size(s, ana) == 2


def test_calibration_counts_learners_of_the_test(
    services: AppServices, tmp_path: Path, db: Database
) -> None:
    from tests.factories import write_bank

    services.banks.import_file(write_bank(tmp_path / "b", "X1", {"A": 4, "B": 2, "C": 2}))
    for name in ("Ana", "Ben"):
        sit_mock(services, services.profiles.create(name).profile_id, "C")
    x1 = _test(db, "X1")
    with db.read() as s:
        assert calibration.learners(s, x1) == 2
        tallies = calibration.item_tallies(s, x1)
        assert sum(t.n for t in tallies) == 16 and max(t.learners for t in tallies) <= 2


def test_the_report_counts_due_reviews_as_the_review_session_holds_them(
    services: AppServices, tmp_path: Path, db: Database, fake_now: FakeNow
) -> None:
    """A retired question's card is not due anywhere: the report's "N due now" (which enables
    its Review button), the plan and the review queue all count with one query. The report once
    counted retired questions' cards too, so it could offer a review session that held none."""
    import json

    from sqlalchemy import select

    from app.storage.models import QuestionRow
    from tests.factories import write_bank

    path = write_bank(tmp_path / "r", "R5", {"A": 2})
    services.banks.import_file(path)
    ana = services.profiles.create("Ana").profile_id
    r5 = _test(db, "R5")
    with db.read() as s:
        ids = list(s.scalars(select(QuestionRow.id).where(QuestionRow.test_id == r5)))
        authored = dict(
            s.execute(
                select(QuestionRow.id, QuestionRow.uid).where(QuestionRow.test_id == r5)
            ).all()
        )
    with db.write() as s:
        record_review(s, ana, QuestionId(ids[0]), False, fake_now())
        record_review(s, ana, QuestionId(ids[1]), False, fake_now())
    fake_now.advance(3 * 86400)
    assert services.reports.weak_area_report(ana, "R5").review_due == 2

    doc = json.loads(path.read_text())
    retired_uid = authored[ids[0]]
    for q in doc["questions"]:
        if q["id"] == retired_uid:
            q["retired"] = True
    path.write_text(json.dumps(doc))
    services.banks.import_file(path)
    with db.read() as s:
        assert reviews.due_count(s, ana, r5, fake_now()) == 1
        assert reviews.due_counts(s, ana, fake_now()) == {"R5": 1}
        assert len(reviews.due_question_ids(s, ana, "R5", fake_now(), 50)) == 1
    assert services.reports.weak_area_report(ana, "R5").review_due == 1
