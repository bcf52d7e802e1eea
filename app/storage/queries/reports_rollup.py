"""The weak-area report's answer rollup (tables answer_rollup and answer_rollup_total, migration
0011): a profile's counted, scored answers summed per test, practice or not, day, task, rating,
confidence and previous answer on the same question - what the mastery model reads of them,
stored so the report never walks the whole history.

Kept in step with the responses in the transaction that writes them: a service wraps every write
that can change what counts (an answer, its removal, its time, its confidence, a submission, an
abandon) in `kept_in_step`, which sums the contributions of the responses that write can touch
before and after it and applies the difference. Which responses: the written ones and the later
ones on the same questions (a response's "previous answer" is the one before it, so a change
reaches the next one too). Profile deletion cascades; a re-import never changes a stored
question version's task or rating (a change makes a new version), so it moves nothing here.
`rebuild` recomputes everything from the responses (the migration's backfill does the same).

Functions take a Session or a Core Connection (Core tables only: answering a mock runs without
the ORM) and never commit. No Qt, no services.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Table,
    and_,
    bindparam,
    case,
    delete,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Connection

from app.domain.ids import AttemptId, ProfileId, QuestionId, ResponseId, TaskId, TestId
from app.storage import tables
from app.storage.connection import connection_of

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

DAY: Table = tables.answer_rollup_table
TOTAL: Table = tables.answer_rollup_total_table
CHOICE: Table = tables.answer_choice_table
_RESPONSE: Table = tables.response_table
_ATTEMPT: Table = tables.attempt_table
_QUESTION: Table = tables.question_table
# answer_choice: (profile id, test id, question id, option picked, right) -> answers
ChoiceKey = tuple[ProfileId, TestId, QuestionId, int, bool]
_CHOICE_KEY = ("profile_id", "test_id", "question_id", "chosen", "correct")
# (test id, practice, day, task id, rating (0 none), confidence (0 none), previous answer)
Key = tuple[TestId, bool, date, TaskId, int, int, int]
# (answers, right, seconds, not left blank)
Sums = tuple[int, int, float, int]
# what the report reads: (task id, rating, practice, day, answers, right, seconds, answered,
# confidence, previous answer)
AnswerGroup = tuple[TaskId, int | None, bool, date, int, int, float, int, int, int]
_KEY = ("test_id", "practice", "day", "task_id", "difficulty", "confidence", "previous")
_SUMS = ("answers", "correct", "seconds", "answered")
# pg_advisory_xact_lock's first key: this module's writers, per profile (the second key)
_LOCK_SPACE = 0x0B4E


def _flush(s: Session | Connection) -> None:
    """A Session's pending changes written into its transaction (a Connection has none)."""
    if not isinstance(s, Connection):
        s.flush()


def _counted(r: Any, a: Any) -> ColumnElement[bool]:
    """Responses that count: scored, and answered or an unanswered item of a submitted mock."""
    return and_(
        r.scored.is_(True),
        or_(
            r.chosen.is_not(None),
            and_(a.mode.in_(("mock", "recert")), a.status == "submitted"),
        ),
    )


def _day_of(r: Any, a: Any) -> ColumnElement[Any]:
    """The day a response was given: its answer's, else its attempt's submission or start."""
    return func.date(func.coalesce(r.answered_at, a.submitted_at, a.started_at))


def as_date(value: object) -> date:
    """A day as SQLite (text) or PostgreSQL (date) returns it."""
    if isinstance(value, date):
        return value if type(value) is date else date(value.year, value.month, value.day)
    return date.fromisoformat(str(value))


def _grouped(each: Any, *first: Any) -> Any:
    keys = [*first, *(each.c[k] for k in _KEY)]
    return select(
        *keys,
        func.count(),
        func.sum(case((each.c.right.is_(True), 1), else_=0)),
        func.sum(each.c.seconds),
        func.sum(case((each.c.chosen.is_not(None), 1), else_=0)),
    ).group_by(*keys)


def _columns(r: Any, a: Any, q: Any, previous: ColumnElement[Any]) -> list[Any]:
    return [
        a.test_id.label("test_id"),
        (a.mode == "practice").label("practice"),
        _day_of(r, a).label("day"),
        q.task_id.label("task_id"),
        func.coalesce(q.difficulty, 0).label("difficulty"),
        func.coalesce(r.confidence, 0).label("confidence"),
        previous.label("previous"),
        r.correct.label("right"),
        r.seconds.label("seconds"),
        r.chosen.label("chosen"),
    ]


def _sums(rows: Iterable[Any]) -> dict[tuple[ProfileId, Key], Sums]:
    return {
        (
            ProfileId(p),
            (TestId(t), bool(pr), as_date(d), TaskId(k), int(df), int(cf), int(pv)),
        ): (
            int(n),
            int(c or 0),
            float(sec or 0.0),
            int(ans or 0),
        )
        for p, t, pr, d, k, df, cf, pv, n, c, sec, ans in rows
    }


def recomputed(
    s: Session | Connection, profile_id: ProfileId | None = None
) -> dict[tuple[ProfileId, Key], Sums]:
    """Per (profile, key): the sums from the responses alone (one window over the history), for
    one profile or all."""
    r, a, q = _RESPONSE.c, _ATTEMPT.c, _QUESTION.c
    previous = func.lag(case((r.correct.is_(True), 1), else_=-1), 1, 0).over(
        partition_by=(a.profile_id, r.question_id), order_by=r.id
    )
    query = (
        select(a.profile_id.label("profile_id"), *_columns(r, a, q, previous))
        .select_from(
            _RESPONSE.join(_ATTEMPT, a.id == r.attempt_id).join(_QUESTION, q.id == r.question_id)
        )
        .where(_counted(r, a))
    )
    if profile_id is not None:
        query = query.where(a.profile_id == profile_id)
    each = query.subquery()
    return _sums(connection_of(s).execute(_grouped(each, each.c.profile_id)))


@cache
def _touched_query() -> Any:
    """The sums of a profile's counted responses to some questions from one response on, each
    with its previous answer looked up on its own (the history before is not read, only each
    response's predecessor). Built once: the per-answer path must not rebuild SQL (about 10 ms
    of SQLAlchemy per statement otherwise)."""
    r, a, q = _RESPONSE.c, _ATTEMPT.c, _QUESTION.c
    r2, a2 = _RESPONSE.alias("earlier"), _ATTEMPT.alias("earlier_attempt")
    previous = (
        select(case((r2.c.correct.is_(True), 1), else_=-1))
        .select_from(r2.join(a2, a2.c.id == r2.c.attempt_id))
        .where(
            r2.c.question_id == r.question_id,
            r2.c.id < r.id,
            a2.c.profile_id == bindparam("profile_id"),
            _counted(r2.c, a2.c),
        )
        .order_by(r2.c.id.desc())
        .limit(1)
        .correlate(_RESPONSE)
        .scalar_subquery()
    )
    each = (
        select(*_columns(r, a, q, func.coalesce(previous, 0)))
        .select_from(
            _RESPONSE.join(_ATTEMPT, a.id == r.attempt_id).join(_QUESTION, q.id == r.question_id)
        )
        .where(
            r.question_id.in_(bindparam("questions", expanding=True)),
            r.id >= bindparam("from_id"),
            a.profile_id == bindparam("profile_id"),
            _counted(r, a),
        )
        .subquery()
    )
    return _grouped(each)


def _touched(
    s: Session | Connection,
    profile_id: ProfileId,
    question_ids: Collection[QuestionId],
    from_id: ResponseId,
) -> dict[tuple[ProfileId, Key], Sums]:
    if not question_ids:
        return {}
    rows = connection_of(s).execute(
        _touched_query(),
        {"profile_id": profile_id, "questions": sorted(question_ids), "from_id": from_id},
    )
    return _sums((profile_id, *row) for row in rows)


@cache
def _written_query(some: bool) -> Any:
    r = _RESPONSE.c
    query = select(r.id, r.question_id).where(r.attempt_id == bindparam("attempt_id"))
    if some:
        query = query.where(r.position.in_(bindparam("positions", expanding=True)))
    return query


@contextmanager
def kept_in_step(
    s: Session | Connection, attempt_id: AttemptId, positions: Collection[int] | None = None
) -> Iterator[None]:
    """Around a write to an attempt (its responses at `positions`, or all of them, or the
    attempt itself): the rollup follows it in the same transaction."""
    _flush(s)
    conn = connection_of(s)
    found = conn.execute(select(_ATTEMPT.c.profile_id).where(_ATTEMPT.c.id == attempt_id)).first()
    if found is None:  # nothing of it counts; the caller reports the missing attempt
        yield
        return
    profile_id = ProfileId(found.profile_id)
    where: dict[str, Any] = {"attempt_id": attempt_id}
    if positions is not None:
        where["positions"] = sorted(positions)
    rows = connection_of(s).execute(_written_query(positions is not None), where).all()
    if not rows:
        yield
        return
    if conn.dialect.name == "postgresql":
        # two sessions of one learner must not both read the same "before" state
        conn.execute(select(func.pg_advisory_xact_lock(_LOCK_SPACE, profile_id)))
    from_id = min(r for r, _q in rows)
    questions = {q for _r, q in rows}
    before = _touched(s, profile_id, questions, from_id)
    picked = _choices(s, where)
    yield
    _flush(s)
    after = _touched(s, profile_id, questions, from_id)
    apply_difference(s, before, after)
    _apply_choices(s, picked, _choices(s, where))


@cache
def _choices_query(of: frozenset[str]) -> Any:
    """answer_choice's counts from the responses, of those matching `of`'s bind parameters:
    attempt_id (and positions), profile_id, or none (everyone)."""
    r, a = _RESPONSE.c, _ATTEMPT.c
    keys = (a.profile_id, a.test_id, r.question_id, r.chosen, func.coalesce(r.correct, False))
    query = (
        select(*keys, func.count())
        .select_from(_RESPONSE.join(_ATTEMPT, a.id == r.attempt_id))
        .where(r.chosen.is_not(None))
        .group_by(*keys)
    )
    if "attempt_id" in of:
        query = query.where(r.attempt_id == bindparam("attempt_id"))
    if "positions" in of:
        query = query.where(r.position.in_(bindparam("positions", expanding=True)))
    if "profile_id" in of:
        query = query.where(a.profile_id == bindparam("profile_id"))
    return query


def _choices(s: Session | Connection, where: Mapping[str, Any]) -> dict[ChoiceKey, int]:
    rows = connection_of(s).execute(_choices_query(frozenset(where)), dict(where))
    return {
        (ProfileId(p), TestId(t), QuestionId(q), int(c or 0), bool(ok)): int(n)
        for p, t, q, c, ok, n in rows
    }


def _apply_choices(
    s: Session | Connection, before: Mapping[ChoiceKey, int], after: Mapping[ChoiceKey, int]
) -> None:
    change = {k: after.get(k, 0) - before.get(k, 0) for k in before.keys() | after.keys()}
    rows = [((*k,), [float(n), 0.0, 0.0, 0.0]) for k, n in change.items() if n]
    _add(s, CHOICE, _CHOICE_KEY, rows, sums=("answers",))


def apply_difference(
    s: Session | Connection,
    before: Mapping[tuple[ProfileId, Key], Sums],
    after: Mapping[tuple[ProfileId, Key], Sums],
) -> None:
    """Adds `after` - `before` to both tables; rows left with no answers are deleted."""
    by_day: dict[tuple[ProfileId, Key], list[float]] = {}
    for sign, sums in ((-1, before), (1, after)):
        for key, values in sums.items():
            acc = by_day.setdefault(key, [0, 0, 0.0, 0])
            for i, v in enumerate(values):
                acc[i] += sign * v
    by_day = {k: v for k, v in by_day.items() if any(v)}
    if not by_day:
        return
    totals: dict[tuple[int, tuple[Any, ...]], list[float]] = {}
    for (p, k), change in by_day.items():
        total = totals.setdefault((p, k[:2] + k[3:]), [0, 0, 0.0, 0])
        for i, x in enumerate(change):
            total[i] += x
    _add(s, DAY, ("profile_id", *_KEY), [((p, *k), v) for (p, k), v in by_day.items()])
    total_key = ("profile_id", *(k for k in _KEY if k != "day"))
    _add(s, TOTAL, total_key, [((p, *k), v) for (p, k), v in totals.items() if any(v)])


def _add(
    s: Session | Connection,
    table: Any,
    key: tuple[str, ...],
    rows: list[tuple[tuple[Any, ...], list[float]]],
    sums: tuple[str, ...] = _SUMS,
) -> None:
    """Adds each row's sums to the row of its key (made if missing); rows whose answers fall
    to none are deleted."""
    if not rows:
        return
    params = [
        {**dict(zip(key, k, strict=True)), **dict(zip(sums, v[: len(sums)], strict=True))}
        for k, v in rows
    ]
    for p in params:
        for name in sums:
            p[name] = float(p[name]) if name == "seconds" else int(p[name])
    conn = connection_of(s)
    add, drop = _add_statements(conn.dialect.name, table.name, key, sums)
    conn.execute(add, params)
    shrunk = [p for p in params if p["answers"] < 0]
    if shrunk:
        conn.execute(drop, [{f"k_{name}": p[name] for name in key} for p in shrunk])


@cache
def _add_statements(
    dialect: str, table_name: str, key: tuple[str, ...], sums: tuple[str, ...]
) -> tuple[Any, Any]:
    """(upsert adding to the sums, delete of an emptied row) for one table, built once."""
    table = {t.name: t for t in (DAY, TOTAL, CHOICE)}[table_name]
    if dialect == "postgresql":
        # imported here: the PostgreSQL dialect is 2 MB that a SQLite process never needs
        from sqlalchemy.dialects import postgresql

        ins: Any = postgresql.insert(table)
    else:
        ins = sqlite.insert(table)
    add = ins.on_conflict_do_update(
        index_elements=list(key),
        set_={name: table.c[name] + ins.excluded[name] for name in sums},
    )
    drop = delete(table).where(
        *(table.c[name] == bindparam(f"k_{name}") for name in key), table.c.answers <= 0
    )
    return add, drop


def rebuild(s: Session | Connection, profile_id: ProfileId | None = None) -> None:
    """The rollup tables recomputed from the responses, for one profile or every one."""
    conn = connection_of(s)
    for table in (DAY, TOTAL, CHOICE):
        query = delete(table)
        if profile_id is not None:
            query = query.where(table.c.profile_id == profile_id)
        conn.execute(query)
    apply_difference(s, {}, recomputed(s, profile_id))
    _apply_choices(s, {}, _choices(s, {} if profile_id is None else {"profile_id": profile_id}))


def stored(
    s: Session | Connection, profile_id: ProfileId | None = None
) -> dict[tuple[ProfileId, Key], Sums]:
    """What answer_rollup holds, per (profile, key)."""
    query = select(DAY.c.profile_id, *(DAY.c[k] for k in _KEY), *(DAY.c[k] for k in _SUMS))
    if profile_id is not None:
        query = query.where(DAY.c.profile_id == profile_id)
    return _sums(connection_of(s).execute(query))


def out_of_step(s: Session | Connection, profile_id: ProfileId | None = None) -> list[str]:
    """How the stored rollup differs from a recompute from the responses (nothing: in step).
    Seconds are floats added and taken away over time, so they agree to 1e-9."""
    want, have = recomputed(s, profile_id), stored(s, profile_id)
    out = [
        f"answer_rollup {key}: stored {have.get(key)}, recomputed {want.get(key)}"
        for key in sorted(want.keys() | have.keys())
        if not _close(have.get(key), want.get(key))
    ]
    totals: dict[tuple[int, tuple[Any, ...]], list[float]] = {}
    for (p, key), v in have.items():
        acc = totals.setdefault((p, key[:2] + key[3:]), [0, 0, 0.0, 0])
        for i, x in enumerate(v):
            acc[i] += x
    query = select(
        TOTAL.c.profile_id, *(TOTAL.c[k] for k in _KEY if k != "day"), *(TOTAL.c[k] for k in _SUMS)
    )
    if profile_id is not None:
        query = query.where(TOTAL.c.profile_id == profile_id)
    total_rows = {
        (int(p), (int(t), bool(pr), int(k), int(df), int(cf), int(pv))): (
            int(n),
            int(c),
            float(sec),
            int(ans),
        )
        for p, t, pr, k, df, cf, pv, n, c, sec, ans in connection_of(s).execute(query)
    }
    out += [
        f"answer_rollup_total {key}: stored {total_rows.get(key)}, days sum to {totals.get(key)}"
        for key in sorted(totals.keys() | total_rows.keys())
        if not _close(total_rows.get(key), totals.get(key))
    ]
    picked = _choices(s, {} if profile_id is None else {"profile_id": profile_id})
    query = select(*(CHOICE.c[k] for k in _CHOICE_KEY), CHOICE.c.answers)
    if profile_id is not None:
        query = query.where(CHOICE.c.profile_id == profile_id)
    kept = {
        (ProfileId(p), TestId(t), QuestionId(q), int(c), bool(ok)): int(n)
        for p, t, q, c, ok, n in connection_of(s).execute(query)
    }
    out += [
        f"answer_choice {key}: stored {kept.get(key)}, recomputed {picked.get(key)}"
        for key in sorted(picked.keys() | kept.keys())
        if kept.get(key) != picked.get(key)
    ]
    return out


def _close(a: Iterable[float] | None, b: Iterable[float] | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    x, y = list(a), list(b)
    return (
        x[0] == y[0]
        and x[1] == y[1]
        and x[3] == y[3]
        and abs(x[2] - y[2]) <= 1e-9 * max(1.0, abs(x[2]), abs(y[2]))
    )


# -- what the report reads ------------------------------------------------------------------------
def practice_days(
    s: Session | Connection, profile_id: ProfileId, test_id: TestId, today: date
) -> list[tuple[TaskId, date]]:
    """(task id, day) of every day with counted practice answers on the task; a day after
    `today` (a clock set back) reads as today."""
    rows = (
        connection_of(s)
        .execute(_PRACTICE_DAYS_QUERY, {"profile_id": profile_id, "test_id": test_id})
        .all()
    )
    return sorted({(TaskId(t), min(as_date(d), today)) for t, d in rows})


_PRACTICE_DAYS_QUERY = (
    select(DAY.c.task_id, DAY.c.day)
    .where(
        DAY.c.profile_id == bindparam("profile_id"),
        DAY.c.test_id == bindparam("test_id"),
        DAY.c.practice.is_(True),
    )
    .distinct()
)


def answer_groups(
    s: Session | Connection,
    profile_id: ProfileId,
    test_id: TestId,
    *,
    today: date,
    old_until: date,
    later: Mapping[date, Collection[TaskId]] | None = None,
) -> list[AnswerGroup]:
    """A profile's counted, scored answers on a test, grouped as coarsely as the mastery model
    allows: (task id, difficulty, practice, day, answers, right, seconds, answered, confidence,
    previous answer on the question: -1 wrong, +1 right, 0 none).

    Answers from `since` on (the day after `old_until`, or the earliest of the `later` practice
    days if sooner) are read per day from answer_rollup: practice ones grouped per day (their
    days are what the model counts as later practice), the others per side of `old_until` and
    per how many of the `later` days (each with the task ids it counts for) are on or after
    their own day, `day` then being the latest day of the group. Every older answer reads alike
    to the model (old, and after every later practice day that counts), so those are one group
    per key, the totals minus the recent part, dated the day before `since`. Seconds and
    answered items are carried whole on those groups (the report sums them per area).
    """
    later = {d: t for d, t in (later or {}).items() if t}
    since = min([old_until + timedelta(days=1), *later])
    params: dict[str, Any] = {
        "profile_id": profile_id,
        "test_id": test_id,
        "today": today,
        "old_until": old_until,
        "since": since,
    }
    for k, (d, task_ids) in enumerate(sorted(later.items())):
        params[f"later_{k}"], params[f"tasks_{k}"] = d, sorted(task_ids)
    conn = connection_of(s)
    out: list[AnswerGroup] = []
    newer: dict[tuple[TaskId, int, bool, int, int], tuple[int, int]] = {}
    for task, difficulty, practice, d, n, c, sure, before in conn.execute(
        _recent_query(len(later)), params
    ).all():
        key = (task, difficulty, bool(practice), sure, before)
        out.append((task, difficulty or None, key[2], as_date(d), n, c, 0.0, 0, sure, before))
        n_new, c_new = newer.get(key, (0, 0))
        newer[key] = (n_new + n, c_new + c)
    older = since - timedelta(days=1)
    for task, difficulty, practice, sure, before, n, c, sec, ans in conn.execute(
        _TOTALS_QUERY, params
    ).all():
        practice = bool(practice)
        n_new, c_new = newer.get((task, difficulty, practice, sure, before), (0, 0))
        out.append(
            (
                task,
                difficulty or None,
                practice,
                older,
                n - n_new,
                c - c_new,
                float(sec),
                ans,
                sure,
                before,
            )
        )
    return out


@cache
def _recent_query(later_days: int) -> Any:
    """answer_groups' per-day part, with `later_days` later practice days (bound parameters
    later_k and tasks_k): built once per count."""
    c = DAY.c
    day = case(
        (c.day > bindparam("today", type_=Date), bindparam("today", type_=Date)), else_=c.day
    )
    later_sum: ColumnElement[Any] = literal(0)
    for k in range(later_days):
        later_sum = later_sum + case(
            (
                and_(
                    c.task_id.in_(bindparam(f"tasks_{k}", expanding=True)),
                    day <= bindparam(f"later_{k}", type_=Date),
                ),
                1,
            ),
            else_=0,
        )
    return (
        select(
            c.task_id,
            c.difficulty,
            c.practice,
            func.max(day),
            func.sum(c.answers),
            func.sum(c.correct),
            c.confidence,
            c.previous,
        )
        .where(
            c.profile_id == bindparam("profile_id"),
            c.test_id == bindparam("test_id"),
            c.practice.in_((False, True)),  # the key's order: one range of days per side
            c.day >= bindparam("since", type_=Date),
        )
        .group_by(
            c.task_id,
            c.difficulty,
            c.practice,
            case((c.practice.is_(True), day), else_=None),
            case((day <= bindparam("old_until", type_=Date), 1), else_=0),
            later_sum,
            c.confidence,
            c.previous,
        )
    )


_TOTALS_QUERY = select(
    TOTAL.c.task_id,
    TOTAL.c.difficulty,
    TOTAL.c.practice,
    TOTAL.c.confidence,
    TOTAL.c.previous,
    TOTAL.c.answers,
    TOTAL.c.correct,
    TOTAL.c.seconds,
    TOTAL.c.answered,
).where(TOTAL.c.profile_id == bindparam("profile_id"), TOTAL.c.test_id == bindparam("test_id"))
