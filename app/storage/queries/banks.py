"""Reading tests, banks and questions back: row -> domain mapping and the listing queries.

Functions take a Session and never commit; they return domain objects (`Bank`, `Question`) or
plain tuples. No Qt, no services.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.domain.bank import (
    Bank,
    ContentArea,
    Question,
    SubArea,
    Task,
    TestSpec,
)
from app.domain.ids import BankId, QuestionId
from app.storage.models import BankRow, QuestionRow, TaskRow, TestRow
from app.storage.queries.attempts_core import question_of

# the test's metadata, named alike in TestSpec (domain) and TestRow (storage)
TEST_FIELDS = (
    "code",
    "title",
    "spec_version",
    "scored_count",
    "minutes",
    "unscored_count",
    "target_percent",
    "shuffle_choices",
    "notes",
    "recert_scored_count",
    "recert_minutes",
    "recert_notes",
)

# (test, active questions in enabled banks)
TestCount = tuple[TestRow, int]
# (bank id, test code, test title, name, source file, format, format version, active questions,
#  imported at, enabled)
BankListing = tuple[BankId, str, str, str, str, str, int, int, datetime, bool]


def has_tests(s: Session) -> bool:
    return bool(s.scalar(select(func.count()).select_from(TestRow)))


def tests_with_counts(s: Session) -> list[TestCount]:
    """Every test by code, with its active questions in enabled banks."""
    active = (
        select(QuestionRow.test_id, func.count().label("n"))
        .join(BankRow, BankRow.id == QuestionRow.bank_id)
        .where(QuestionRow.retired.is_(False), BankRow.enabled.is_(True))
        .group_by(QuestionRow.test_id)
        .subquery()
    )
    rows = s.execute(
        select(TestRow, func.coalesce(active.c.n, 0))
        .outerjoin(active, active.c.test_id == TestRow.id)
        .order_by(TestRow.code)
    ).all()
    return [(t, int(n)) for t, n in rows]


def bank_listing(s: Session) -> list[BankListing]:
    """Every bank not removed, by test code and name, with its active question count."""
    counts = (
        select(QuestionRow.bank_id, func.count().label("n"))
        .where(QuestionRow.retired.is_(False))
        .group_by(QuestionRow.bank_id)
        .subquery()
    )
    rows = s.execute(
        select(BankRow, TestRow.code, TestRow.title, func.coalesce(counts.c.n, 0))
        .join(TestRow, TestRow.id == BankRow.test_id)
        .outerjoin(counts, counts.c.bank_id == BankRow.id)
        .where(BankRow.removed.is_(False))
        .order_by(TestRow.code, BankRow.name)
    ).all()
    return [
        (
            BankId(b.id),
            code,
            title,
            b.name,
            b.source_file,
            b.source_format,
            b.format_version,
            int(n),
            b.imported_at,
            b.enabled,
        )
        for b, code, title, n in rows
    ]


def set_bank_enabled(s: Session, bank_id: BankId, enabled: bool) -> None:
    s.execute(update(BankRow).where(BankRow.id == bank_id).values(enabled=enabled))


def remove_bank(s: Session, bank_id: BankId) -> None:
    """Hide a bank and retire its questions; attempts that used them stay reportable."""
    s.execute(update(BankRow).where(BankRow.id == bank_id).values(removed=True, enabled=False))
    s.execute(update(QuestionRow).where(QuestionRow.bank_id == bank_id).values(retired=True))


def current_questions_of(s: Session, bank_id: BankId) -> list[tuple[QuestionId, Question]]:
    """The current version of every question of one bank (retired ones too), by id."""
    rows = s.execute(
        select(QuestionRow, TaskRow.code)
        .join(TaskRow, TaskRow.id == QuestionRow.task_id)
        .where(QuestionRow.bank_id == bank_id, QuestionRow.is_current.is_(True))
        .order_by(QuestionRow.id)
    ).all()
    return [(QuestionId(q.id), question_from_row(q, code)) for q, code in rows]


def load_bank(
    s: Session, test_code: str, *, include_retired: bool = False, bank_id: BankId | None = None
) -> Bank | None:
    """The domain Bank of a test (or of one of its banks), or None when no such test is loaded."""
    t = s.scalar(select(TestRow).where(TestRow.code == test_code))
    if t is None:
        return None
    tasks = s.scalars(select(TaskRow).where(TaskRow.test_id == t.id).order_by(TaskRow.id)).all()
    areas = []
    for a in t.areas:
        subs: dict[int, tuple[str, list[Task]]] = {}
        for k in tasks:
            if k.area_id == a.id:
                subs.setdefault(k.subarea_number, (k.subarea_title, []))[1].append(
                    Task(code=k.code, text=k.text)
                )
        areas.append(
            ContentArea(
                letter=a.letter,
                title=a.title,
                scored_count=a.scored_count,
                subareas=tuple(
                    SubArea(number=n, title=title, tasks=tuple(ts))
                    for n, (title, ts) in sorted(subs.items())
                ),
            )
        )
    task_code = {k.id: k.code for k in tasks}
    q_stmt = (
        select(QuestionRow)
        .join(BankRow, BankRow.id == QuestionRow.bank_id)
        .where(
            QuestionRow.test_id == t.id,
            QuestionRow.is_current.is_(True),
            BankRow.removed.is_(False),
        )
        .order_by(QuestionRow.id)
    )
    if not include_retired:
        q_stmt = q_stmt.where(QuestionRow.retired.is_(False))
    if bank_id is not None:
        q_stmt = q_stmt.where(QuestionRow.bank_id == bank_id)
    rows = s.scalars(q_stmt).all()  # one query feeds both the questions and their exhibits
    questions = tuple(question_from_row(q, task_code[q.task_id]) for q in rows)
    return Bank(
        test=TestSpec(**{f: getattr(t, f) for f in TEST_FIELDS}),
        content_areas=tuple(areas),
        questions=questions,
        exhibit_files={
            q.exhibit: q.exhibit_data for q in rows if q.exhibit and q.exhibit_data is not None
        },
    )


def question_from_row(q: QuestionRow, task_code: str) -> Question:
    """One stored version of a question as the domain Question the author wrote."""
    return question_of(q, task_code, q.choices)
