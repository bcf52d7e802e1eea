"""Typed ids: mypy --strict refuses one table's key where another's is wanted.

The functions below are never called; mypy checks them with the rest of tests/. Each wrong call
carries `# type: ignore[arg-type]`, and --strict warns of an unused ignore, so if a signature
fell back to a plain `int` the lint would fail. The test at the bottom proves the other half:
with the ignores stripped, mypy refuses exactly those calls.
"""

from __future__ import annotations

from pathlib import Path
from typing import assert_type

import pytest

from app.domain.ids import AttemptId, ProfileId, QuestionId, TestId
from app.services.exams import ExamService
from app.services.profiles import ProfileService
from app.services.reports import WeakAreaReport
from app.services.reviews import ReviewService
from app.storage.connection import Connection
from app.storage.models import AttemptRow, ResponseRow
from app.storage.queries import attempts_core, reports_rollup
from app.storage.queries import reports as report_queries
from app.storage.session import Session

ROOT = Path(__file__).resolve().parents[1]
IGNORE = "  # type: ignore[arg-type]"


def _an_attempt_is_not_a_profile(profiles: ProfileService, attempt: AttemptId) -> None:
    profiles.get(attempt)  # type: ignore[arg-type]


def _a_profile_is_not_an_attempt(exams: ExamService, profile: ProfileId) -> None:
    exams.load(profile)  # type: ignore[arg-type]


def _a_question_is_not_a_profile(reviews: ReviewService, question: QuestionId) -> None:
    reviews.queue_size(question)  # type: ignore[arg-type]


def _a_test_is_not_an_attempt(conn: Connection, test: TestId) -> None:
    attempts_core.shown_items(conn, test)  # type: ignore[arg-type]


def _a_profile_is_not_a_test_in_the_report(s: Session, profile: ProfileId) -> None:
    report_queries.unsure_right(s, profile, profile)  # type: ignore[arg-type]


def _a_bare_int_is_no_profile_in_the_rollup(s: Session) -> None:
    reports_rollup.rebuild(s, 7)  # type: ignore[arg-type]


def _a_bare_int_is_no_id(exams: ExamService) -> None:
    exams.start_mock(7, "A5")  # type: ignore[arg-type]


def _the_right_ids_pass(
    profiles: ProfileService,
    exams: ExamService,
    attempt: AttemptRow,
    response: ResponseRow,
    report: WeakAreaReport,
) -> None:
    assert_type(profiles.get(attempt.profile_id).profile_id, ProfileId)
    assert_type(report.trend[0].attempt_id, AttemptId)
    assert_type(report.misconceptions[0].question_id, QuestionId)
    assert_type(report.lucky_guesses[0].question_id, QuestionId)
    assert_type(exams.load(attempt.id).attempt_id, AttemptId)
    assert_type(response.question_id, QuestionId)


def test_mypy_refuses_each_mixed_up_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mypy import api

    source = Path(__file__).read_text(encoding="utf-8")
    wrong = [n for n, line in enumerate(source.splitlines(), 1) if line.endswith(IGNORE)]
    assert len(wrong) == 7
    copy = tmp_path / "typed_ids_unguarded.py"
    copy.write_text(source.replace(IGNORE + "\n", "\n"), encoding="utf-8")
    # this checkout's app/ first (a worktree's venv may point at another checkout)
    monkeypatch.setenv("MYPYPATH", str(ROOT))
    monkeypatch.chdir(ROOT)
    out, err, code = api.run(
        ["--strict", "--cache-dir", str(tmp_path / "cache"), "--no-error-summary", str(copy)]
    )
    assert code == 1, out + err
    refused = sorted(
        int(line.split(":")[1]) for line in out.splitlines() if line.endswith("[arg-type]")
    )
    assert refused == wrong, out
    assert all("[arg-type]" in line for line in out.splitlines() if ": error:" in line), out
