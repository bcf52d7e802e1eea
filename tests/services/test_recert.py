"""Recertification forms: drawn at the blueprint's proportions with no research items, timed
by the bank's figures (or the estimate), remembered as their own kind of attempt and counted
apart from full mocks in the report and progress."""

from __future__ import annotations

import json
import random
from pathlib import Path

from sqlalchemy import select

from app.services.exams import MOCK, RECERT
from app.services.setup import AppServices
from app.storage.models import AttemptRow
from tests.factories import bank_document


def _bank(folder: Path, recert: dict[str, object] | None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    doc = bank_document("R1", {"A": 10, "B": 6, "C": 4}, per_area_factor=2, minutes=60)
    doc["test"]["unscored_count"] = 4  # 24 items in 60 minutes: 2.5 min an item
    if recert is not None:
        doc["test"]["recert"] = recert
    path = folder / "r1.json"
    path.write_text(json.dumps(doc))
    return path


def test_recert_form_from_the_bank_figures(services: AppServices, tmp_path: Path) -> None:
    services.banks.import_file(_bank(tmp_path / "b", {"scored_count": 10, "minutes": 12}))
    pid = services.profiles.create("Ana").profile_id
    plan = services.exams.mock_plan(pid, "R1", include_unscored=True)
    assert plan.recert is not None
    assert (plan.recert.spec_scored, plan.recert.spec_minutes) == (10, 12)
    assert plan.recert.scored_items == 10 and plan.recert.time_limit_s == 12 * 60
    assert not plan.recert.estimated
    services.exams._rng = lambda: random.Random(3)
    st = services.exams.start_mock(pid, "R1", include_unscored=True, recert=True)
    assert st.mode == RECERT and st.time_limit_s == 12 * 60
    assert len(st.items) == 10 and all(i.scored for i in st.items)  # no research items
    per_area = {a: sum(1 for i in st.items if i.area == a) for a in "ABC"}
    assert per_area == {"A": 5, "B": 3, "C": 2}  # the blueprint's 10:6:4
    # no feedback during the form; the report says it was a recert
    for n in range(4):
        services.exams.record_response(st.attempt_id, n, 0, elapsed_s=10.0 * n, item_seconds=10)
    report = services.exams.submit(st.attempt_id, elapsed_s=60)
    assert report.state.mode == RECERT and report.score.total == 10
    with services.db.read() as s:
        assert s.scalar(select(AttemptRow.mode).where(AttemptRow.id == st.attempt_id)) == RECERT


def test_recert_estimate_when_the_bank_gives_none(services: AppServices, tmp_path: Path) -> None:
    services.banks.import_file(_bank(tmp_path / "b", None))
    pid = services.profiles.create("Ana").profile_id
    plan = services.exams.mock_plan(pid, "R1")
    assert plan.recert is not None and plan.recert.estimated
    # half of 20 scored; 2.5 min an item x 10 = 25 min
    assert (plan.recert.spec_scored, plan.recert.spec_minutes) == (10, 25)


def test_recert_attempts_are_counted_apart_from_mocks(
    services: AppServices, tmp_path: Path
) -> None:
    services.banks.import_file(_bank(tmp_path / "b", {"scored_count": 8}))
    pid = services.profiles.create("Ana").profile_id
    mock = services.exams.start_mock(pid, "R1")
    services.exams.submit(mock.attempt_id, elapsed_s=5)
    for _ in range(2):
        st = services.exams.start_mock(pid, "R1", recert=True)
        for n in range(len(st.items)):
            key = st.items[n].key
            services.exams.record_response(st.attempt_id, n, key, elapsed_s=n, item_seconds=1)
        services.exams.submit(st.attempt_id, elapsed_s=30)
    r = services.reports.weak_area_report(pid, "R1")
    assert len(r.trend) == 1 and r.trend[0].percent == 0.0  # the blank mock
    assert [p.percent for p in r.recert_trend] == [100.0, 100.0]
    card = next(c for c in services.exams.test_cards(pid) if c.code == "R1")
    assert card.last_percent == 0.0  # the home card's last mock is the full mock
    with services.db.read() as s:
        modes = sorted(s.scalars(select(AttemptRow.mode)))
    assert modes == [MOCK, RECERT, RECERT]
