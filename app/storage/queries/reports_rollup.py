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

Functions take a Session and never commit. No Qt, no services.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

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
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, aliased

from app.storage.models import (
    AnswerRollupRow,
    AnswerRollupTotalRow,
    AttemptRow,
    QuestionRow,
    ResponseRow,
)

DAY: Table = AnswerRollupRow.__table__  # type: ignore[assignment]
TOTAL: Table = AnswerRollupTotalRow.__table__  # type: ignore[assignment]
# (test id, practice, day, task id, rating (0 none), confidence (0 none), previous answer)
Key = tuple[int, bool, date, int, int, int, int]
# (answers, right, seconds, not left blank)
Sums = tuple[int, int, float, int]
_KEY = ("test_id", "practice", "day", "task_id", "difficulty", "confidence", "previous")
_SUMS = ("answers", "correct", "seconds", "answered")
# pg_advisory_xact_lock's first key: this module's writers, per profile (the second key)
_LOCK_SPACE = 0x0B4E


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


def _sums(rows: Iterable[Any]) -> dict[tuple[int, Key], Sums]:
    return {
        (int(p), (int(t), bool(pr), as_date(d), int(k), int(df), int(cf), int(pv))): (
            int(n),
            int(c or 0),
            float(sec or 0.0),
            int(ans or 0),
        )
        for p, t, pr, d, k, df, cf, pv, n, c, sec, ans in rows
    }


def recomputed(s: Session, profile_id: int | None = None) -> dict[tuple[int, Key], Sums]:
    """Per (profile, key): the sums from the responses alone (one window over the history), for
    one profile or all."""
    previous = func.lag(case((ResponseRow.correct.is_(True), 1), else_=-1), 1, 0).over(
        partition_by=(AttemptRow.profile_id, ResponseRow.question_id), order_by=ResponseRow.id
    )
    query = (
        select(
            AttemptRow.profile_id.label("profile_id"),
            *_columns(ResponseRow, AttemptRow, QuestionRow, previous),
        )
        .select_from(ResponseRow)
        .join(AttemptRow, AttemptRow.id == ResponseRow.attempt_id)
        .join(QuestionRow, QuestionRow.id == ResponseRow.question_id)
        .where(_counted(ResponseRow, AttemptRow))
    )
    if profile_id is not None:
        query = query.where(AttemptRow.profile_id == profile_id)
    each = query.subquery()
    return _sums(s.connection().execute(_grouped(each, each.c.profile_id)))


def _touched(
    s: Session, profile_id: int, question_ids: Collection[int], from_id: int
) -> dict[tuple[int, Key], Sums]:
    """The sums of the profile's counted responses to `question_ids` from response `from_id`
    on, each with its previous answer looked up on its own (the history before `from_id` is
    not read, only each response's predecessor)."""
    if not question_ids:
        return {}
    r2, a2 = aliased(ResponseRow), aliased(AttemptRow)
    previous = (
        select(case((r2.correct.is_(True), 1), else_=-1))
        .join(a2, a2.id == r2.attempt_id)
        .where(
            r2.question_id == ResponseRow.question_id,
            r2.id < ResponseRow.id,
            a2.profile_id == profile_id,
            _counted(r2, a2),
        )
        .order_by(r2.id.desc())
        .limit(1)
        .correlate(ResponseRow)
        .scalar_subquery()
    )
    each = (
        select(*_columns(ResponseRow, AttemptRow, QuestionRow, func.coalesce(previous, 0)))
        .select_from(ResponseRow)
        .join(AttemptRow, AttemptRow.id == ResponseRow.attempt_id)
        .join(QuestionRow, QuestionRow.id == ResponseRow.question_id)
        .where(
            ResponseRow.question_id.in_(sorted(question_ids)),
            ResponseRow.id >= from_id,
            AttemptRow.profile_id == profile_id,
            _counted(ResponseRow, AttemptRow),
        )
        .subquery()
    )
    return _sums((profile_id, *row) for row in s.connection().execute(_grouped(each)))


@contextmanager
def kept_in_step(
    s: Session, attempt_id: int, positions: Collection[int] | None = None
) -> Iterator[None]:
    """Around a write to an attempt (its responses at `positions`, or all of them, or the
    attempt itself): the rollup follows it in the same transaction."""
    attempt = s.get(AttemptRow, attempt_id)
    if attempt is None:  # nothing of it counts; the caller reports the missing attempt
        yield
        return
    profile_id = attempt.profile_id
    query = select(ResponseRow.id, ResponseRow.question_id).where(
        ResponseRow.attempt_id == attempt_id
    )
    if positions is not None:
        query = query.where(ResponseRow.position.in_(sorted(positions)))
    rows = s.execute(query).all()
    if not rows:
        yield
        return
    if s.get_bind().dialect.name == "postgresql":
        # two sessions of one learner must not both read the same "before" state
        s.execute(select(func.pg_advisory_xact_lock(_LOCK_SPACE, profile_id)))
    from_id = min(r for r, _q in rows)
    questions = {q for _r, q in rows}
    s.flush()
    before = _touched(s, profile_id, questions, from_id)
    yield
    s.flush()
    after = _touched(s, profile_id, questions, from_id)
    apply_difference(s, before, after)


def apply_difference(
    s: Session, before: Mapping[tuple[int, Key], Sums], after: Mapping[tuple[int, Key], Sums]
) -> None:
    """Adds `after` - `before` to both tables; rows left with no answers are deleted."""
    by_day: dict[tuple[int, Key], list[float]] = {}
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
    s: Session, table: Any, key: tuple[str, ...], rows: list[tuple[tuple[Any, ...], list[float]]]
) -> None:
    if not rows:
        return
    params = [
        {**dict(zip(key, k, strict=True)), **dict(zip(_SUMS, v, strict=True))} for k, v in rows
    ]
    for p in params:
        for name in ("answers", "correct", "answered"):
            p[name] = int(p[name])
        p["seconds"] = float(p["seconds"])
    dialect = s.get_bind().dialect.name
    ins: Any = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)
    stmt = ins.on_conflict_do_update(
        index_elements=list(key),
        set_={name: table.c[name] + ins.excluded[name] for name in _SUMS},
    )
    conn = s.connection()
    conn.execute(stmt, params)
    shrunk = [p for p in params if p["answers"] < 0]
    if shrunk:
        conn.execute(
            delete(table).where(
                *(table.c[name] == bindparam(f"k_{name}") for name in key),
                table.c.answers <= 0,
            ),
            [{f"k_{name}": p[name] for name in key} for p in shrunk],
        )


def rebuild(s: Session, profile_id: int | None = None) -> None:
    """Both tables recomputed from the responses, for one profile or every one."""
    conn = s.connection()
    for table in (DAY, TOTAL):
        query = delete(table)
        if profile_id is not None:
            query = query.where(table.c.profile_id == profile_id)
        conn.execute(query)
    apply_difference(s, {}, recomputed(s, profile_id))


def stored(s: Session, profile_id: int | None = None) -> dict[tuple[int, Key], Sums]:
    """What answer_rollup holds, per (profile, key)."""
    query = select(DAY.c.profile_id, *(DAY.c[k] for k in _KEY), *(DAY.c[k] for k in _SUMS))
    if profile_id is not None:
        query = query.where(DAY.c.profile_id == profile_id)
    return _sums(s.connection().execute(query))


def out_of_step(s: Session, profile_id: int | None = None) -> list[str]:
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
        for p, t, pr, k, df, cf, pv, n, c, sec, ans in s.connection().execute(query)
    }
    out += [
        f"answer_rollup_total {key}: stored {total_rows.get(key)}, days sum to {totals.get(key)}"
        for key in sorted(totals.keys() | total_rows.keys())
        if not _close(total_rows.get(key), totals.get(key))
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
def practice_days(s: Session, profile_id: int, test_id: int, today: date) -> list[tuple[int, date]]:
    """(task id, day) of every day with counted practice answers on the task; a day after
    `today` (a clock set back) reads as today."""
    rows = s.connection().execute(
        select(DAY.c.task_id, DAY.c.day)
        .where(DAY.c.profile_id == profile_id, DAY.c.test_id == test_id, DAY.c.practice.is_(True))
        .distinct()
    )
    return sorted({(int(t), min(as_date(d), today)) for t, d in rows})


def _until(day: ColumnElement[Any], today: date) -> ColumnElement[Any]:
    """`day`, or `today` if later: the model reads a future day (a clock set back) as today."""
    today_ = literal(today, Date)
    return case((day > today_, today_), else_=day)


def answer_groups(
    s: Session,
    profile_id: int,
    test_id: int,
    *,
    today: date,
    old_until: date,
    later: Mapping[date, Collection[int]] | None = None,
) -> list[tuple[int, int | None, bool, date, int, int, float, int, int, int]]:
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
    day = _until(DAY.c.day, today)
    later_terms = [
        case((and_(DAY.c.task_id.in_(sorted(task_ids)), day <= literal(d, Date)), 1), else_=0)
        for d, task_ids in sorted(later.items())
    ]
    later_sum: ColumnElement[Any] = literal(0)
    for term in later_terms:
        later_sum = later_sum + term
    recent = s.connection().execute(
        select(
            DAY.c.task_id,
            DAY.c.difficulty,
            DAY.c.practice,
            func.max(day),
            func.sum(DAY.c.answers),
            func.sum(DAY.c.correct),
            DAY.c.confidence,
            DAY.c.previous,
        )
        .where(
            DAY.c.profile_id == profile_id,
            DAY.c.test_id == test_id,
            DAY.c.practice.in_((False, True)),
            DAY.c.day >= literal(since, Date),
        )
        .group_by(
            DAY.c.task_id,
            DAY.c.difficulty,
            DAY.c.practice,
            case((DAY.c.practice.is_(True), day), else_=None),
            case((day <= literal(old_until, Date), 1), else_=0),
            later_sum,
            DAY.c.confidence,
            DAY.c.previous,
        )
    )
    out: list[tuple[int, int | None, bool, date, int, int, float, int, int, int]] = []
    newer: dict[tuple[int, int, bool, int, int], list[int]] = {}
    for task, difficulty, practice, d, n, c, sure, before in recent:
        key = (int(task), int(difficulty), bool(practice), int(sure), int(before))
        out.append(
            (key[0], key[1] or None, key[2], as_date(d), int(n), int(c), 0.0, 0, key[3], key[4])
        )
        acc = newer.setdefault(key, [0, 0])
        acc[0] += int(n)
        acc[1] += int(c)
    older = since - timedelta(days=1)
    for r in s.connection().execute(
        select(TOTAL).where(TOTAL.c.profile_id == profile_id, TOTAL.c.test_id == test_id)
    ):
        key = (
            int(r.task_id),
            int(r.difficulty),
            bool(r.practice),
            int(r.confidence),
            int(r.previous),
        )
        n, c = newer.get(key, (0, 0))
        out.append(
            (
                key[0],
                key[1] or None,
                key[2],
                older,
                int(r.answers) - n,
                int(r.correct) - c,
                float(r.seconds),
                int(r.answered),
                key[3],
                key[4],
            )
        )
    return out
