"""Weak-area report from real attempts (SQL aggregation on SQLite and PostgreSQL), review queue,
misconceptions, CSV/JSON export, and class results with item analysis."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from pathlib import Path

import pytest

from app.domain.ids import ProfileId
from app.services.reports import report_csv, report_json
from app.services.setup import AppServices
from tests.conftest import FakeNow
from tests.factories import bank_document, write_bank


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    return write_bank(tmp_path / "b", "X1", {"A": 4, "B": 2, "C": 2}, per_area_factor=3)


def sit_mock(
    services: AppServices, pid: ProfileId, weak: str, *, wrong_choice_offset: int = 1
) -> int:
    """Answer every item right except those of area `weak` (always the same wrong option)."""
    st = services.exams.start_mock(pid, "X1")
    for item in st.items:
        pick = item.key if item.area != weak else (item.key + wrong_choice_offset) % 4
        services.exams.record_response(
            st.attempt_id,
            item.position,
            pick,
            elapsed_s=10,
            item_seconds=30 if item.area == weak else 10,
        )
    services.exams.submit(st.attempt_id, elapsed_s=120)
    return st.attempt_id


def test_report_finds_weak_area_and_ranks_it_first(
    services: AppServices,
    bank: Path,
    fake_now: FakeNow,
) -> None:
    services.banks.import_file(bank)
    pid = services.profiles.create("Ana").profile_id
    for _ in range(3):
        sit_mock(services, pid, "C")
        fake_now.advance(86400)
    r = services.reports.weak_area_report("Ana", "X1")
    assert r.responses == 24
    areas = {a.letter: a for a in r.areas}
    assert areas["C"].mastery.seen == 6 and areas["C"].mastery.correct == 0
    assert areas["A"].mastery.correct == 12
    assert r.weakest_area == "C"
    assert (r.study_next[0].kind, r.study_next[0].key) == ("area", "C")
    assert areas["C"].seconds_per_item == 30 and areas["A"].seconds_per_item == 10
    assert areas["C"].pace_ratio == pytest.approx(30 / (60 * 60 / 10))  # 60 min, 8+2 items
    assert [round(p.percent) for p in r.trend] == [75, 75, 75]
    assert 0.0 <= r.readiness.probability <= 1.0
    # wrong answers are queued for spaced review, due now
    fake_now.advance(86400 * 2)
    assert services.reviews.due_counts(pid) == {"X1": 6}
    due = services.reviews.due_question_ids(pid, "X1")
    assert len(due) == 6  # every area-C question met (2 per mock, 3 mocks, pool of 6)
    assert r.misconceptions == ()  # every wrong option so far was chosen once
    # the same wrong option chosen twice (shown in any order) is a misconception
    qid = due[0]
    wrong_text = None
    for _ in range(2):
        st = services.exams.start_practice(pid, "X1", count=1, question_ids=[qid])
        item = st.items[0]
        if wrong_text is None:
            wrong_text = item.choices[(item.key + 1) % 4].text
        shown = next(i for i, c in enumerate(item.choices) if c.text == wrong_text)
        services.exams.record_response(st.attempt_id, 0, shown, elapsed_s=1, item_seconds=1)
    r = services.reports.weak_area_report("Ana", "X1")
    (m,) = r.misconceptions
    assert m.question_id == qid and m.times >= 2 and m.chosen_text == wrong_text


def test_readiness_rises_as_the_weak_area_improves(
    services: AppServices,
    bank: Path,
    fake_now: FakeNow,
) -> None:
    services.banks.import_file(bank)
    pid = services.profiles.create("Bo").profile_id
    sit_mock(services, pid, "A")
    before = services.reports.weak_area_report(pid, "X1").readiness.probability
    for _ in range(3):
        fake_now.advance(3600)
        sit_mock(services, pid, "none")
    after = services.reports.weak_area_report(pid, "X1").readiness.probability
    assert after > before


def test_few_answers_are_not_enough_data(services: AppServices, bank: Path) -> None:
    services.banks.import_file(bank)
    pid = services.profiles.create("Cy").profile_id
    st = services.exams.start_practice(pid, "X1", count=3, areas=["B"])
    for item in st.items:
        services.exams.record_response(
            st.attempt_id, item.position, item.key, elapsed_s=5, item_seconds=5
        )
    r = services.reports.weak_area_report(pid, "X1")
    b = next(a for a in r.areas if a.letter == "B")
    assert b.mastery.seen == 3 and not b.mastery.enough_data


def test_exports(services: AppServices, bank: Path) -> None:
    services.banks.import_file(bank)
    pid = services.profiles.create("Di").profile_id
    sit_mock(services, pid, "B")
    r = services.reports.weak_area_report(pid, "X1")
    doc = json.loads(report_json(r))
    assert doc["weakest_area"] == "B" and len(doc["areas"]) == 3 and doc["study_next"]
    rows = list(csv.DictReader(io.StringIO(report_csv(r))))
    assert {row["level"] for row in rows} == {"area", "task"}
    assert next(row for row in rows if row["key"] == "B")["correct"] == "0"


def test_class_results_and_item_analysis(
    services: AppServices, bank: Path, fake_now: FakeNow
) -> None:
    from app.services.classroom import class_csv, point_biserial

    services.banks.import_file(bank)
    for name, weak in (
        ("P1", "none"),
        ("P2", "A"),
        ("P3", "B"),
        ("P4", "C"),
        ("P5", "none"),
        ("P6", "A"),
    ):
        pid = services.profiles.create(name).profile_id
        sit_mock(services, pid, weak)
        fake_now.advance(60)
    res = services.classroom.class_results("X1")
    assert [p.profile for p in res.profiles] == ["P1", "P2", "P3", "P4", "P5", "P6"]
    p2 = res.profiles[1]
    assert p2.mocks == 1 and p2.area_percent["A"] == 0.0 and p2.area_percent["B"] == 100.0
    assert p2.last_percent == 50.0
    assert res.items and all(0 <= i.facility <= 1 for i in res.items)
    assert (
        sum(i.option_counts[i.key] for i in res.items)
        + sum(sum(v for k, v in i.option_counts.items() if k != i.key) for i in res.items)
        == 48
    )
    text = class_csv(res)
    assert text.splitlines()[0].startswith("profile,test,mocks,last_percent")
    assert point_biserial([1, 1, 0, 0], [10, 9, 2, 1]) > 0.9  # type: ignore[operator]
    assert point_biserial([0, 0, 1, 1], [10, 9, 2, 1]) < -0.9  # type: ignore[operator]


def test_negative_discrimination_flags_a_likely_wrong_key(
    services: AppServices, bank: Path
) -> None:
    """Strong candidates all 'miss' one item, weak ones 'get' it: the key is probably wrong."""
    services.banks.import_file(bank)
    target_uid = None
    for n in range(8):
        pid = services.profiles.create(f"S{n}").profile_id
        st = services.exams.start_practice(pid, "X1", count=24)  # every item, one attempt
        strong = n < 4
        target = (
            st.items[0] if target_uid is None else next(i for i in st.items if i.uid == target_uid)
        )
        target_uid = target.uid
        for item in st.items:
            if item.uid == target_uid:
                pick = (item.key + 1) % 4 if strong else item.key
            else:
                pick = item.key if strong or item.position % 2 else (item.key + 1) % 4
            services.exams.record_response(
                st.attempt_id, item.position, pick, elapsed_s=1, item_seconds=1
            )
        # practice attempts are not item-analysed; make it a submitted mock for the analysis
        with services.db.write() as s:
            from app.storage.models import AttemptRow

            a = s.get(AttemptRow, st.attempt_id)
            a.mode = "mock"
        services.exams.submit(st.attempt_id, elapsed_s=10)
    res = services.classroom.class_results("X1")
    item = next(i for i in res.items if i.uid == target_uid)  # type: ignore[assignment]
    assert item.discrimination is not None and item.discrimination < 0  # type: ignore[attr-defined]
    assert "negative discrimination - check the key" in item.flags  # type: ignore[attr-defined]


def test_study_next_weighs_items_on_the_test_and_explains_the_lowest_area(
    services: AppServices,
    tmp_path: Path,
    fake_now: FakeNow,
) -> None:
    """A small area can have the lowest mastery while a big one costs more items: study next
    names the big one, in items, and the report says why the lowest comes second."""
    services.banks.import_file(write_bank(tmp_path / "w", "W1", {"A": 20, "B": 2}))
    pid = services.profiles.create("Bo").profile_id
    for _ in range(2):
        st = services.exams.start_mock(pid, "W1")
        for n, item in enumerate(st.items):
            right = item.area == "A" and n % 5 < 3  # A about 60 %, B never
            pick = item.key if right else (item.key + 1) % 4
            services.exams.record_response(
                st.attempt_id, item.position, pick, elapsed_s=1, item_seconds=1
            )
        services.exams.submit(st.attempt_id, elapsed_s=60)
        fake_now.advance(86400 * 7)
    r = services.reports.weak_area_report("Bo", "W1")
    first = r.study_next[0]
    assert (first.kind, first.key) == ("area", "A")
    assert first.reason.startswith(f"you lose about {first.gain:.1f} of 20 items here")
    assert r.weakest_area == "B"
    assert r.weakest_note.startswith("Area B has your lowest mastery, but it has only 2 items")
    # pooled toward the learner's level: 0 of 4 in B is low, but not the raw 0 %
    b = {a.letter: a.mastery for a in r.areas}["B"]
    assert b.seen == 4 and b.correct == 0 and 0.2 < b.estimate < 0.6
    assert '"weakest_note": "Area B has your lowest mastery' in report_json(r)


def test_error_types_from_stored_answers(
    services: AppServices, tmp_path: Path, fake_now: FakeNow
) -> None:
    """Technician A/B misjudgements, EXCEPT items answered with a true statement and answers
    rushed in the last minute of a mock that ran to its limit, all from stored responses."""
    doc = bank_document("X2", {"A": 8}, per_area_factor=2, minutes=10)
    for q in doc["questions"]:
        if q["style"] == "direct":
            q["style"] = "except"
            q["stem"] = q["stem"].replace("which reading fits", "every reading fits EXCEPT")
    path = tmp_path / "x2.json"
    path.write_text(json.dumps(doc))
    services.banks.import_file(path)
    pid = services.profiles.create("Tim").profile_id
    st = services.exams.start_mock(pid, "X2")
    assert st.time_limit_s is not None
    start, n = fake_now.value, len(st.items)
    for item in st.items:
        early = item.position < n // 2
        if not early:  # the second half answered in the last minute, all wrong
            fake_now.value = start + timedelta(seconds=st.time_limit_s - 60)
        pick = item.key if early else (item.key + 1) % len(item.choices)
        services.exams.record_response(
            st.attempt_id, item.position, pick, elapsed_s=1, item_seconds=1
        )
    services.exams.submit(st.attempt_id, elapsed_s=st.time_limit_s)
    r = services.reports.weak_area_report("Tim", "X2")
    kinds = {e.kind: e for e in r.error_types}
    late_wrong = n - n // 2
    assert (kinds["timing"].count, kinds["timing"].out_of) == (late_wrong, late_wrong)
    assert "100 % against 0 %" in kinds["timing"].label
    tech_wrong = sum(kinds[k].count for k in ("tech_a", "tech_b", "tech_both") if k in kinds)
    negative = kinds["negative"]
    assert negative.count > 0 and tech_wrong + negative.count == late_wrong
    assert negative.out_of + sum(1 for i in st.items if i.style == "tech_ab") == n
    assert json.loads(report_json(r))["error_types"][0]["count"] == r.error_types[0].count


def test_the_model_is_told_which_items_were_asked_again(
    services: AppServices,
    bank: Path,
    fake_now: FakeNow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each answer reaches the model with the learner's previous answer on the same question
    (-1 wrong, +1 right, 0 first time), from a window over the stored responses."""
    from app.domain import mastery
    from app.services import reports

    seen: list[list[mastery.Answered]] = []

    def spy(answers, pool, task_area, **kw):  # type: ignore[no-untyped-def]
        seen.append(list(answers))
        return mastery.fit(answers, pool, task_area, **kw)

    monkeypatch.setattr(reports, "fit", spy)
    services.banks.import_file(bank)
    pid = services.profiles.create("Di").profile_id
    first = services.exams.start_practice(pid, "X1", count=2)
    qids = [i.question_id for i in first.items]
    for item in first.items:  # the first wrong, the second right
        pick = (item.key + 1) % 4 if item.position == 0 else item.key
        services.exams.record_response(
            first.attempt_id, item.position, pick, elapsed_s=1, item_seconds=1
        )
    fake_now.advance(86400)
    again = services.exams.start_practice(pid, "X1", count=2, question_ids=qids)
    for item in again.items:
        services.exams.record_response(
            again.attempt_id, item.position, item.key, elapsed_s=1, item_seconds=1
        )
    services.reports.weak_area_report(pid, "X1")
    answered = seen[-1]
    by_before: dict[int, int] = {}
    for a in answered:
        by_before[a.before] = by_before.get(a.before, 0) + a.n
    # first practice: both asked the first time; the second: one after a miss, one after a hit
    assert by_before == {0: 2, -1: 1, 1: 1}


def test_the_report_finds_its_profile_by_id_or_name_and_refuses_unknown_ones(
    services: AppServices, bank: Path
) -> None:
    """The profile and the test are read by Core statements (queries.reports.profile_of and
    test_of): by id or by name, None for an unknown one, which the report names."""
    from app.services.reports import ReportError

    services.banks.import_file(bank)
    pid = services.profiles.create("Ana").profile_id
    services.profiles.create("Bo")
    by_id = services.reports.weak_area_report(pid, "X1")
    by_name = services.reports.weak_area_report("Ana", "X1")
    assert by_id.profile == by_name.profile == "Ana"
    assert (by_id.test_code, by_id.target_percent) == ("X1", by_name.target_percent)
    assert by_id.budget_per_item_s > 0 and by_id.review_due == 0
    for profile, test in (("Nobody", "X1"), (ProfileId(pid + 99), "X1"), (pid, "ZZ")):
        with pytest.raises(ReportError):
            services.reports.weak_area_report(profile, test)
