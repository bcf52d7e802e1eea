"""Core queries for the path from start-up to an open mock: the home's test cards, drawing and
saving a form, an attempt's items, answers, flags and the periodic save.

Functions take a Core `Connection` (from `Database.begin()`/`connect()`, or a Session's
`connection()` inside an ORM transaction), never commit, and return rows, tuples or domain
objects. They use the Core tables only: this module must not import `sqlalchemy.orm` (about
8 MB resident), nor anything that does. Positions are *authored* ones, as in attempts.py.
No Qt, no services.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import ColumnElement, and_, func, insert, select, update
from sqlalchemy.engine import Connection, Row

from app.domain.attempts import Mode, Status
from app.domain.bank import Choice, Question, Statement, Style
from app.domain.forms import FormItem, PoolColumns
from app.domain.ids import AttemptId, ChoiceId, ProfileId, QuestionId, TestId
from app.storage.tables import attempt_table as _attempt
from app.storage.tables import bank_table as _bank
from app.storage.tables import choice_table as _choice
from app.storage.tables import content_area_table as _area
from app.storage.tables import profile_table as _profile
from app.storage.tables import question_table as _question
from app.storage.tables import response_table as _response
from app.storage.tables import task_table as _task
from app.storage.tables import test_table as _test

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class NotWritten(RuntimeError):
    """An UPDATE of one known row matched none: the row went, or (PostgreSQL) the login may read
    it but row-level security filters it out of the write (an instructor on a learner's attempt).
    Raised so the transaction rolls back and nothing is acknowledged as saved; the ORM raised
    StaleDataError here."""


def _one_written(result: Any, what: str, row_id: int) -> None:
    if result.rowcount != 1:
        raise NotWritten(f"{what} {row_id}: {result.rowcount} rows written, expected 1")


@dataclass(frozen=True)
class TestFacts:
    """A test's row with its content areas (by letter): what drawing and timing a form read."""

    __test__ = False  # not a pytest class

    id: TestId
    code: str
    title: str
    scored_count: int
    minutes: int
    unscored_count: int
    target_percent: float
    shuffle_choices: bool
    recert_scored_count: int | None
    recert_minutes: int | None
    recert_notes: str | None
    areas: tuple[Any, ...]  # content_area rows: id, letter, title, scored_count


def _facts(conn: Session | Connection, row: Row[Any] | None) -> TestFacts | None:
    if row is None:
        return None
    areas = conn.execute(
        select(_area).where(_area.c.test_id == row.id).order_by(_area.c.letter)
    ).all()
    return TestFacts(
        TestId(row.id),
        row.code,
        row.title,
        row.scored_count,
        row.minutes,
        row.unscored_count,
        row.target_percent,
        row.shuffle_choices,
        row.recert_scored_count,
        row.recert_minutes,
        row.recert_notes,
        tuple(areas),
    )


def test_by_code(conn: Session | Connection, code: str) -> TestFacts | None:
    return _facts(conn, conn.execute(select(_test).where(_test.c.code == code)).first())


def has_tests(conn: Connection) -> bool:
    return conn.execute(select(_test.c.id).limit(1)).first() is not None


def test_by_id(conn: Connection, test_id: TestId) -> TestFacts | None:
    return _facts(conn, conn.execute(select(_test).where(_test.c.id == test_id)).first())


def tests(conn: Connection) -> Sequence[Row[Any]]:
    return conn.execute(select(_test).order_by(_test.c.code)).all()


def profile(conn: Connection, profile_id: ProfileId) -> Row[Any] | None:
    return conn.execute(select(_profile).where(_profile.c.id == profile_id)).first()


def attempt(conn: Connection, attempt_id: AttemptId) -> Row[Any] | None:
    return conn.execute(select(_attempt).where(_attempt.c.id == attempt_id)).first()


def active_counts(conn: Connection) -> dict[int, int]:
    q = _question.c
    rows = conn.execute(
        select(q.test_id, func.count())
        .join(_bank, _bank.c.id == q.bank_id)
        .where(q.retired.is_(False), _bank.c.enabled.is_(True))
        .group_by(q.test_id)
    ).all()
    return {int(t): int(n) for t, n in rows}


def last_submitted_mock(
    conn: Connection, profile_id: ProfileId, test_id: TestId
) -> Row[Any] | None:
    """The profile's latest submitted full mock of the test (what the home card scores)."""
    a = _attempt.c
    return conn.execute(
        select(_attempt)
        .where(
            a.profile_id == profile_id,
            a.test_id == test_id,
            a.mode == Mode.MOCK,
            a.status == Status.SUBMITTED,
        )
        .order_by(a.submitted_at.desc(), a.id.desc())
        .limit(1)
    ).first()


def latest_open(conn: Connection, profile_id: ProfileId, test_id: TestId) -> Row[Any] | None:
    """The profile's newest attempt of the test still in progress (any mode)."""
    a = _attempt.c
    return conn.execute(
        select(_attempt)
        .where(a.profile_id == profile_id, a.test_id == test_id, a.status == Status.IN_PROGRESS)
        .order_by(a.id.desc())
        .limit(1)
    ).first()


def open_attempts(
    conn: Connection, profile_id: ProfileId | None
) -> list[tuple[Row[Any], str, int, int]]:
    """Attempts in progress (of one profile, or all), oldest first: each with its test code,
    its item count and how many items are answered."""
    a = _attempt.c
    q = (
        select(_attempt, _test.c.code.label("test_code"))
        .join(_test, _test.c.id == a.test_id)
        .where(a.status == Status.IN_PROGRESS)
        .order_by(a.id)
    )
    if profile_id is not None:
        q = q.where(a.profile_id == profile_id)
    out = []
    for row in conn.execute(q).all():
        n, answered = conn.execute(
            select(func.count(), func.count(_response.c.chosen)).where(
                _response.c.attempt_id == row.id
            )
        ).one()
        out.append((row, str(row.test_code), int(n), int(answered)))
    return out


def pool(conn: Connection, test_id: TestId, shuffle_choices: bool) -> PoolColumns:
    """What forms and practice draw from: current versions, not retired, of enabled banks."""
    q = _question.c
    query = (
        select(
            q.id,
            _area.c.letter,
            _task.c.code,
            q.style,
            q.shuffle_choices,
            select(func.count()).where(_choice.c.question_id == q.id).scalar_subquery(),
        )
        .join(_bank, _bank.c.id == q.bank_id)
        .join(_area, _area.c.id == q.area_id)
        .join(_task, _task.c.id == q.task_id)
        .where(
            q.test_id == test_id,
            q.is_current.is_(True),
            q.retired.is_(False),
            _bank.c.enabled.is_(True),
        )
    )
    out = PoolColumns()
    # rows read as they come, kept as columns: a 20,000-item pool is the mock's memory peak
    for qid, area, task, style, shuffle, n in conn.execute(query):
        tech = style == Style.TECH_AB
        allowed = (not tech) and (shuffle_choices if shuffle is None else shuffle)
        out.add(qid, area, task, 4 if tech else int(n), bool(allowed))
    return out


def same_question(version: Any, current: Any) -> ColumnElement[bool]:
    """Join condition: `current` (question columns) is the current version of the question
    `version` is one of."""
    return and_(
        current.bank_id == version.bank_id,
        current.uid == version.uid,
        current.is_current.is_(True),
    )


def current_versions(
    conn: Connection, question_ids: Iterable[QuestionId]
) -> dict[QuestionId, QuestionId]:
    """Question (version) id -> the id of the current version of the same question."""
    ids = list(set(question_ids))
    out: dict[QuestionId, QuestionId] = {}
    version, current = _question.alias("version"), _question.alias("current")
    for start in range(0, len(ids), 500):
        rows = conn.execute(
            select(version.c.id, current.c.id)
            .join(current, same_question(version.c, current.c))
            .where(version.c.id.in_(ids[start : start + 500]))
        )
        out.update({QuestionId(v): QuestionId(c) for v, c in rows})
    return out


def seen_counts(conn: Connection, profile_id: ProfileId, test_id: TestId) -> dict[QuestionId, int]:
    """Exposures per question (current version id), counting every version it was shown in."""
    version, current = _question.alias("version"), _question.alias("current")
    a, r = _attempt.c, _response.c
    rows = conn.execute(
        select(current.c.id, func.count())
        .select_from(_response)
        .join(_attempt, a.id == r.attempt_id)
        .join(version, version.c.id == r.question_id)
        .join(current, same_question(version.c, current.c))
        .where(a.profile_id == profile_id, a.test_id == test_id)
        .group_by(current.c.id)
    ).all()
    return {QuestionId(q): int(n) for q, n in rows}


def previous_form(conn: Connection, profile_id: ProfileId, test_id: TestId) -> list[QuestionId]:
    """The questions (current versions) of the profile's last mock or recertification form."""
    a, r = _attempt.c, _response.c
    last = conn.execute(
        select(a.id)
        .where(
            a.profile_id == profile_id,
            a.test_id == test_id,
            a.mode.in_((Mode.MOCK, Mode.RECERT)),
        )
        .order_by(a.id.desc())
        .limit(1)
    ).scalar()
    if last is None:
        return []
    shown = [
        QuestionId(q)
        for q in conn.execute(select(r.question_id).where(r.attempt_id == last)).scalars()
    ]
    current = current_versions(conn, shown)
    return [current.get(q, q) for q in shown]


class _TestTarget(Protocol):
    """What a new attempt copies from its test (a TestFacts or the ORM's TestRow)."""

    @property
    def id(self) -> int: ...
    @property
    def target_percent(self) -> float: ...


def add_attempt(
    conn: Connection,
    profile_id: ProfileId,
    test: _TestTarget,
    mode: Mode,
    items: Iterable[FormItem],
    *,
    limit_s: float | None,
    include_unscored: bool,
    now: datetime,
) -> AttemptId:
    """A new attempt in progress with one unanswered response per item, in form order."""
    result = conn.execute(
        insert(_attempt).values(
            profile_id=profile_id,
            test_id=test.id,
            mode=mode,
            status=Status.IN_PROGRESS,
            started_at=now,
            time_limit_s=limit_s,
            elapsed_s=0.0,
            saved_at=now,
            current_position=0,
            include_unscored=include_unscored,
            target_percent=test.target_percent,
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    attempt_id = key[0]
    rows = [
        {
            "attempt_id": attempt_id,
            "question_id": it.question_id,
            "position": n,
            "scored": it.scored,
            "choice_order": "".join(str(c) for c in it.choice_order),
            "flagged": False,
            "seconds": 0.0,
        }
        for n, it in enumerate(items)
    ]
    if rows:
        conn.execute(insert(_response), rows)
    return AttemptId(attempt_id)


def set_status(conn: Connection, attempt_id: AttemptId, status: Status) -> None:
    result = conn.execute(update(_attempt).where(_attempt.c.id == attempt_id).values(status=status))
    _one_written(result, "attempt", attempt_id)


def save_clock(
    conn: Connection, attempt: Row[Any], *, elapsed_s: float, position: int, saved_at: datetime
) -> None:
    """The attempt's clock (never run backwards, never past its limit) and position."""
    if attempt.time_limit_s is not None:
        elapsed_s = min(elapsed_s, attempt.time_limit_s)
    result = conn.execute(
        update(_attempt)
        .where(_attempt.c.id == attempt.id)
        .values(
            elapsed_s=max(attempt.elapsed_s, elapsed_s),
            current_position=position,
            saved_at=saved_at,
        )
    )
    _one_written(result, "attempt", attempt.id)


def response_at(conn: Connection, attempt_id: AttemptId, position: int) -> Row[Any] | None:
    r = _response.c
    return conn.execute(
        select(_response).where(r.attempt_id == attempt_id, r.position == position)
    ).first()


def update_response(conn: Connection, response_id: int, **values: Any) -> None:
    result = conn.execute(update(_response).where(_response.c.id == response_id).values(**values))
    _one_written(result, "response", response_id)


def set_flag(conn: Connection, attempt_id: AttemptId, position: int, flagged: bool) -> None:
    r = _response.c
    conn.execute(
        update(_response)
        .where(r.attempt_id == attempt_id, r.position == position)
        .values(flagged=flagged)
    )


def raise_seconds(conn: Connection, attempt_id: AttemptId, seconds: Mapping[int, float]) -> None:
    """Time spent per position, only ever raised (a late periodic save never lowers it)."""
    r = _response.c
    for position, secs in seconds.items():
        conn.execute(
            update(_response)
            .where(r.attempt_id == attempt_id, r.position == position, r.seconds < secs)
            .values(seconds=secs)
        )


def choices_of(conn: Connection, question_ids: Iterable[int]) -> dict[int, list[Row[Any]]]:
    """Question id -> its choice rows by position."""
    ids = list(set(question_ids))
    out: dict[int, list[Row[Any]]] = {q: [] for q in ids}
    for start in range(0, len(ids), 500):
        for c in conn.execute(
            select(_choice)
            .where(_choice.c.question_id.in_(ids[start : start + 500]))
            .order_by(_choice.c.question_id, _choice.c.position)
        ):
            out[c.question_id].append(c)
    return out


def question_of(q: Any, task_code: str, choices: Iterable[Any]) -> Question:
    """One stored version of a question (its row or ORM object, and its choices by position) as
    the domain Question the author wrote."""

    def stmt(says: str | None, correct: bool | None, rationale: str | None) -> Statement | None:
        if says is None:
            return None
        return Statement(says=says, correct=bool(correct), rationale=rationale or "")

    return Question(
        id=q.uid,
        task=task_code,
        style=q.style,
        stem=q.stem,
        explanation=q.explanation,
        difficulty=q.difficulty,
        scenario=q.scenario,
        choices=()
        if q.style == Style.TECH_AB
        else tuple(Choice(text=c.text, correct=c.correct, rationale=c.rationale) for c in choices),
        technician_a=stmt(q.tech_a_says, q.tech_a_correct, q.tech_a_rationale),
        technician_b=stmt(q.tech_b_says, q.tech_b_correct, q.tech_b_rationale),
        exhibit=q.exhibit,
        exhibit_caption=q.exhibit_caption,
        shuffle_choices=q.shuffle_choices,
        retired=q.retired,
    )


def judge(conn: Connection, question_id: QuestionId, authored: int) -> tuple[ChoiceId | None, bool]:
    """The chosen option's choice row (None for Technician A/B items) and whether it is right,
    in the version the attempt shows."""
    q = conn.execute(select(_question).where(_question.c.id == question_id)).first()
    assert q is not None
    if q.style == Style.TECH_AB:
        return None, question_of(q, "", ()).rendered_choices()[authored].correct
    c = choices_of(conn, [question_id])[question_id][authored]
    return ChoiceId(c.id), bool(c.correct)


@dataclass(frozen=True)
class ShownItem:
    """One response of an attempt with the question version it shows, its choices and task."""

    response: Any
    question: Any
    choices: tuple[Any, ...]
    task: Any


def shown_items(conn: Connection, attempt_id: AttemptId) -> list[ShownItem]:
    """An attempt's responses by position, each with the question version it shows and its task."""
    rows = conn.execute(
        select(_response).where(_response.c.attempt_id == attempt_id).order_by(_response.c.position)
    ).all()
    qids = list({r.question_id for r in rows})
    questions: dict[int, Any] = {}
    for start in range(0, len(qids), 500):
        for q in conn.execute(
            select(_question).where(_question.c.id.in_(qids[start : start + 500]))
        ):
            questions[q.id] = q
    tasks = {
        t.id: t
        for t in conn.execute(
            select(_task).where(_task.c.id.in_({q.task_id for q in questions.values()}))
        )
    }
    choices = choices_of(conn, qids)
    out = []
    for r in rows:
        q = questions[r.question_id]
        out.append(ShownItem(r, q, tuple(choices[q.id]), tasks[q.task_id]))
    return out


def marks(conn: Connection, attempt_id: AttemptId) -> dict[int, bool | None]:
    """Position -> the mark recorded when the answer was given (None: left blank)."""
    r = _response.c
    rows = conn.execute(select(r.position, r.correct).where(r.attempt_id == attempt_id))
    return {int(position): correct for position, correct in rows}
