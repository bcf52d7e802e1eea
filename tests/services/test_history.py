"""History is immutable: re-importing an edited bank never rescores or rewrites past attempts.

An attempt is scored, reviewed and reported against the question versions it showed; a changed
question becomes a new version; forms, exposures and spaced review follow the current version.
Runs on SQLite and on the throwaway PostgreSQL.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.domain.ids import AttemptId, ProfileId
from app.services.exams import AttemptState
from app.services.setup import AppServices
from app.storage.models import QuestionRow, ResponseRow, ReviewCardRow
from tests.conftest import FakeNow
from tests.factories import write_bank

CODE = "H1"


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    # 8 scored items from 8 questions: a mock draws all of them; question 1 has an exhibit
    return write_bank(
        tmp_path / "b", CODE, {"A": 4, "B": 2, "C": 2}, per_area_factor=1, exhibit=True
    )


def _edit(path: Path, *, drop: int = 0) -> None:
    """Reverse every question's options, reword some stems and rationales, swap the exhibit's
    bytes and (with `drop`) leave the last questions out, so they are retired."""
    doc: dict[str, Any] = json.loads(path.read_text())
    for n, q in enumerate(doc["questions"]):
        if q["style"] == "tech_ab":
            q["technician_a"]["rationale"] += " Reworded."
            q["technician_a"]["says"] += " (edited)"
        else:
            q["choices"].reverse()
            if n % 2:
                q["choices"][0]["rationale"] = "A rewritten rationale."
        if n % 3 == 0:
            q["stem"] = "Edited: " + q["stem"]
    if drop:
        doc["questions"] = doc["questions"][:-drop]
    path.write_text(json.dumps(doc))
    (path.parent / "exhibits" / "figure.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="5" '
        'height="5"/></svg>'
    )


def _answer_all_correctly(
    services: AppServices, st: AttemptState, positions: range | None = None
) -> None:
    for item in st.items:
        if positions is None or item.position in positions:
            services.exams.record_response(
                st.attempt_id, item.position, item.key, elapsed_s=1, item_seconds=1
            )


def _everything_shown(
    services: AppServices, attempt_id: AttemptId, profile_id: ProfileId
) -> tuple[object, ...]:
    """What a learner or instructor can see of one attempt, in every place it is reported."""
    report = services.exams.report(attempt_id)
    review = tuple(
        (
            i.uid,
            i.stem,
            tuple((c.label, c.text, c.correct, c.rationale) for c in i.choices),
            i.chosen_shown,
            i.correct,
            i.exhibit,
        )
        for i in report.state.items
    )
    weak = services.reports.weak_area_report(profile_id, CODE)
    items = services.classroom.class_results(CODE).items
    return (
        report.score.correct,
        report.score.total,
        report.score.percent,
        review,
        tuple((p.attempt_id, p.percent, p.passed) for p in weak.trend),
        tuple((a.letter, a.mastery) for a in weak.areas),
        tuple((i.question_id, i.facility, i.option_counts, i.key) for i in items),
    )


def test_a_perfect_mock_stays_perfect_after_any_reimport(services: AppServices, bank: Path) -> None:
    services.banks.import_file(bank)
    pid = services.profiles.create("Ana").profile_id
    st = services.exams.start_mock(pid, CODE)
    assert len(st.items) == 8
    _answer_all_correctly(services, st)
    done = services.exams.submit(st.attempt_id, elapsed_s=60)
    assert done.score.percent == 100.0
    before = _everything_shown(services, st.attempt_id, pid)

    _edit(bank)
    r = services.banks.import_file(bank)
    assert (r.added, r.updated, r.retired) == (0, 8, 0)
    assert _everything_shown(services, st.attempt_id, pid) == before
    assert services.banks.import_file(bank).changed is False  # re-import stays idempotent

    _edit(bank, drop=3)  # edited again and three questions retired
    r = services.banks.import_file(bank)
    assert r.retired == 3
    assert _everything_shown(services, st.attempt_id, pid) == before
    assert services.exams.report(st.attempt_id).score.percent == 100.0
    card = next(c for c in services.exams.test_cards(pid) if c.code == CODE)
    assert card.last_percent == 100.0 and card.questions == 5


def test_an_open_attempt_keeps_the_versions_it_started_with(
    services: AppServices, bank: Path
) -> None:
    services.banks.import_file(bank)
    pid = services.profiles.create("Bo").profile_id
    st = services.exams.start_mock(pid, CODE)
    _answer_all_correctly(services, st, range(4))
    shown = services.exams.load(st.attempt_id)

    _edit(bank, drop=2)
    services.banks.import_file(bank)
    resumed = services.exams.load(st.attempt_id)
    assert resumed.items == shown.items  # same stems, options, order, answers and exhibits
    _answer_all_correctly(services, resumed, range(4, 8))
    report = services.exams.submit(st.attempt_id, elapsed_s=90)
    assert report.score.percent == 100.0 and report.score.correct == 8
    assert all(i.correct for i in report.state.items)


def test_new_forms_draw_only_current_versions(
    services: AppServices, bank: Path, fake_now: FakeNow
) -> None:
    services.banks.import_file(bank)
    pid = services.profiles.create("Cy").profile_id
    first = services.exams.start_mock(pid, CODE)
    services.exams.submit(first.attempt_id, elapsed_s=1)
    _edit(bank, drop=1)
    services.banks.import_file(bank)
    fake_now.advance(60)
    second = services.exams.start_mock(pid, CODE)
    assert len(second.items) == 7
    with services.db.read() as s:
        drawn = s.scalars(
            select(QuestionRow).where(QuestionRow.id.in_([i.question_id for i in second.items]))
        ).all()
        assert all(q.is_current and not q.retired and q.version == 2 for q in drawn)
        versions = s.scalar(select(func.count()).select_from(QuestionRow))
    assert versions == 8 + 7  # the first versions stay, history points at them
    assert {i.stem for i in second.items} != {i.stem for i in first.items}
    practice = services.exams.start_practice(
        pid, CODE, count=3, question_ids=[i.question_id for i in first.items]
    )
    # practising an old attempt's questions draws their current versions, retired ones left out
    assert {i.question_id for i in practice.items} <= {q.id for q in drawn}
    assert len(practice.items) == 3


def test_exposures_and_misses_count_across_versions(services: AppServices, bank: Path) -> None:
    from app.storage.queries.attempts import missed as _missed
    from app.storage.queries.attempts import seen_counts as _seen_counts

    services.banks.import_file(bank)
    pid = services.profiles.create("Di").profile_id
    st = services.exams.start_mock(pid, CODE)
    missed = st.items[0]
    wrong = next(n for n, c in enumerate(missed.choices) if not c.correct)
    services.exams.record_response(st.attempt_id, 0, wrong, elapsed_s=1, item_seconds=1)
    services.exams.submit(st.attempt_id, elapsed_s=1)
    _edit(bank)
    services.banks.import_file(bank)
    with services.db.read() as s:
        current = set(s.scalars(select(QuestionRow.id).where(QuestionRow.is_current)))
        test_id = s.scalar(select(QuestionRow.test_id).limit(1))
        seen = _seen_counts(s, pid, test_id)  # type: ignore[arg-type]
        (again,) = _missed(s, pid, test_id)  # type: ignore[arg-type]
        now_of_missed = s.scalar(
            select(QuestionRow.id).where(QuestionRow.uid == missed.uid, QuestionRow.is_current)
        )
    assert set(seen) == current and set(seen.values()) == {1}
    assert again == now_of_missed != missed.question_id  # missed first, in its new version


def test_review_cards_follow_the_question_to_its_new_version(
    services: AppServices,
    bank: Path,
    fake_now: FakeNow,
) -> None:
    services.banks.import_file(bank)
    pid = services.profiles.create("Ed").profile_id
    st = services.exams.start_practice(pid, CODE, count=8)
    direct = next(i for i in st.items if i.style == "direct")
    wrong = next(n for n, c in enumerate(direct.choices) if not c.correct)
    services.exams.record_response(
        st.attempt_id, direct.position, wrong, elapsed_s=1, item_seconds=1
    )
    fake_now.advance(86400)
    (due,) = services.reviews.due_question_ids(pid, CODE)
    assert due == direct.question_id

    _edit(bank)
    services.banks.import_file(bank)
    (due,) = services.reviews.due_question_ids(pid, CODE)
    with services.db.read() as s:
        q = s.get(QuestionRow, due)
        assert q is not None and q.uid == direct.uid and q.is_current and q.version == 2
        (card,) = s.scalars(select(ReviewCardRow)).all()
        assert card.lapses == 1
    assert services.reviews.due_counts(pid) == {CODE: 1}

    # the open practice still answers on the version it showed; the card is rescheduled
    other = next(i for i in st.items if i.position != direct.position)
    services.exams.record_response(
        st.attempt_id,
        other.position,
        next(n for n, c in enumerate(other.choices) if not c.correct),
        elapsed_s=2,
        item_seconds=1,
    )
    with services.db.read() as s:
        cards = s.scalars(select(ReviewCardRow)).all()
        assert len(cards) == 2
        assert all(s.get(QuestionRow, c.question_id).is_current for c in cards)


def test_responses_record_the_choice_row(services: AppServices, bank: Path) -> None:
    services.banks.import_file(bank)
    pid = services.profiles.create("Fa").profile_id
    st = services.exams.start_mock(pid, CODE)
    _answer_all_correctly(services, st)
    with services.db.read() as s:
        for r in s.scalars(select(ResponseRow)):
            q = s.get(QuestionRow, r.question_id)
            assert q is not None
            if q.style == "tech_ab":
                assert r.choice_id is None and r.chosen is not None
            else:
                chosen = next(c for c in q.choices if c.id == r.choice_id)
                assert chosen.correct and chosen.position == r.chosen
    services.exams.record_response(st.attempt_id, 0, None, elapsed_s=2, item_seconds=1)
    with services.db.read() as s:
        r0 = s.scalar(select(ResponseRow).where(ResponseRow.position == 0))
        assert r0 is not None and (r0.choice_id, r0.chosen, r0.correct) == (None, None, None)


def test_previews_and_export_show_each_question_once_at_its_current_version(
    services: AppServices,
    bank: Path,
) -> None:
    from app.banks.native import read_bank

    services.banks.import_file(bank)
    _edit(bank, drop=1)
    services.banks.import_file(bank)
    (summary,) = services.banks.list_banks()
    previews = services.banks.questions_of(summary.bank_id)
    assert len(previews) == 8 and len({p.uid for p in previews}) == 8
    assert sum(p.retired for p in previews) == 1
    exported = services.banks.load_bank(CODE, include_retired=True)
    edited = read_bank(bank)
    assert {q.id: q for q in exported.questions if not q.retired} == {
        q.id: q for q in edited.questions
    }


def test_the_orm_entries_to_the_version_rule_see_the_session_pending_changes(
    services: AppServices, bank: Path
) -> None:
    """The ORM-side `current_versions` and `seen_counts` run the Core queries on the session's
    connection: they must flush first, as the ORM's own (autoflushing) queries did."""
    from app.storage.models import AttemptRow
    from app.storage.queries.attempts import seen_counts as _seen_counts
    from app.storage.versions import current_versions

    services.banks.import_file(bank)
    pid = services.profiles.create("Fa").profile_id
    other = services.profiles.create("Gu").profile_id
    st = services.exams.start_mock(pid, CODE)
    services.exams.submit(st.attempt_id, elapsed_s=1)
    _edit(bank)
    services.banks.import_file(bank)
    shown = st.items[0].question_id
    with pytest.raises(_Undone), services.db.write() as s:
        test_id = s.scalar(select(QuestionRow.test_id).limit(1))
        assert len(_seen_counts(s, pid, test_id)) == len(st.items)  # type: ignore[arg-type]
        (now,) = current_versions(s, [shown]).values()
        attempt = s.get(AttemptRow, st.attempt_id)
        assert attempt is not None
        attempt.profile_id = other  # not flushed yet
        assert _seen_counts(s, pid, test_id) == {}  # type: ignore[arg-type]
        current = s.get(QuestionRow, now)
        assert current is not None
        current.is_current = False  # not flushed yet
        assert current_versions(s, [shown]) == {}
        raise _Undone  # roll the changes back


class _Undone(Exception):
    pass
