"""The catalog queries (a test's areas, tasks and active question counts) on the real migrated
schema (SQLite and PostgreSQL), read straight from storage, and the outline built on them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.ids import TestId
from app.paths import AppPaths
from app.services.setup import AppServices
from app.storage.database import Database
from app.storage.queries import attempts, catalog
from tests.factories import write_bank


@pytest.fixture
def db(app_paths: AppPaths, services: AppServices) -> Iterator[Database]:
    d = Database(app_paths.db_url)
    yield d
    d.dispose()


def test_counts_skip_retired_questions_and_disabled_banks(
    services: AppServices, tmp_path: Path, db: Database
) -> None:
    path = write_bank(tmp_path / "a", "C7", {"A": 3, "B": 2})  # 6 + 4 questions, 2 tasks per area
    doc = json.loads(path.read_text())
    doc["questions"][0]["retired"] = True  # C7.A.1.1
    path.write_text(json.dumps(doc))
    services.banks.import_file(path)
    with db.read() as s:
        test = attempts.test_by_code(s, "C7")
        assert test is not None
        test_id = TestId(test.id)
        areas = catalog.areas_of(s, test_id)
        tasks = catalog.tasks_of(s, test_id)
        counts = catalog.active_counts_by_task(s, test_id)
    assert [a.letter for a in areas] == ["A", "B"]
    assert [t.code for t in tasks] == ["C7.A.1.1", "C7.A.1.2", "C7.B.1.1", "C7.B.1.2"]
    by_code = {t.code: counts.get(t.id, 0) for t in tasks}
    assert by_code == {"C7.A.1.1": 2, "C7.A.1.2": 3, "C7.B.1.1": 2, "C7.B.1.2": 2}

    outline = services.catalog.outline("C7")
    assert [(a.letter, a.scored_count, a.questions) for a in outline] == [("A", 3, 5), ("B", 2, 4)]
    assert [t.questions for t in outline[0].tasks] == [2, 3]

    (bank,) = [b for b in services.banks.list_banks() if b.test_code == "C7"]
    services.banks.set_enabled(bank.bank_id, False)
    with db.read() as s:
        assert catalog.active_counts_by_task(s, test_id) == {}
    assert [a.questions for a in services.catalog.outline("C7")] == [0, 0]
    assert services.catalog.outline("NOPE") == []
