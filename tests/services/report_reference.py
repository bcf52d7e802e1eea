"""The weak-area report as `app.services.reports.build_report` computed it before its queries
moved to `app.storage.queries.reports` (commit bcbd33b, verbatim but for imports): one row per
task, rating, mode, day, confidence and previous answer, ORM rows for the question details. Kept
as the oracle the new path is compared with on randomized histories."""

from __future__ import annotations

import random
from datetime import datetime

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from app.domain.bank import LABELS, Style, tech_ab_key
from app.domain.error_types import LAST_SECONDS, NEGATIVE_STYLES, ErrorType, error_types
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.mastery import (
    Answered,
    fit,
    lowest_mastery_note,
    pooled_readiness,
    pooled_study_next,
)
from app.services.calibration import recalibrated_cells
from app.services.reports import (
    AreaRow,
    LuckyGuess,
    Misconception,
    ReportError,
    TaskRowView,
    TrendPoint,
    WeakAreaReport,
)
from app.storage.models import (
    AttemptRow,
    ChoiceRow,
    ContentAreaRow,
    ProfileRow,
    QuestionRow,
    ResponseRow,
    ReviewCardRow,
    TaskRow,
    TestRow,
)


def _counted() -> ColumnElement[bool]:
    """Responses that count: answered ones, plus unanswered items of submitted mocks (wrong)."""
    return or_(
        ResponseRow.chosen.is_not(None),
        and_(AttemptRow.mode.in_(("mock", "recert")), AttemptRow.status == "submitted"),
    )


def build_report(
    s: Session, profile: str | int, test_code: str, now: datetime, rng: random.Random
) -> WeakAreaReport:
    p = (
        s.get(ProfileRow, profile)
        if isinstance(profile, int)
        else s.scalar(select(ProfileRow).where(ProfileRow.name == profile))
    )
    if p is None:
        raise ReportError(QT_TRANSLATE_NOOP("ReportError", "no profile called '{0}'"), profile)
    t = s.scalar(select(TestRow).where(TestRow.code == test_code))
    if t is None:
        raise ReportError(QT_TRANSLATE_NOOP("ReportError", "no test '{0}' is loaded"), test_code)
    areas = {
        a.id: a for a in s.scalars(select(ContentAreaRow).where(ContentAreaRow.test_id == t.id))
    }
    tasks: dict[int, TaskRow] = {
        k.id: k for k in s.scalars(select(TaskRow).where(TaskRow.test_id == t.id))
    }
    # date() is a function in SQLite and a type-cast function call in PostgreSQL
    day = func.date(
        func.coalesce(ResponseRow.answered_at, AttemptRow.submitted_at, AttemptRow.started_at)
    )
    confidence = func.coalesce(ResponseRow.confidence, 0)
    # the learner's previous counted answer on the same question (-1 wrong, +1 right, 0 none): an
    # item asked again after a miss is likely harder than its rating says (the model's
    # REPEAT_SHIFT). One window over this profile's responses; their ids follow the order the
    # attempts were started in (cheaper to sort than the answer times, the same order)
    previous = (
        func.lag(case((ResponseRow.correct.is_(True), 1), else_=-1), 1, 0)
        .over(partition_by=ResponseRow.question_id, order_by=ResponseRow.id)
        .label("before")
    )
    # Core, not the ORM: thousands of plain tuples, no ORM row loading (the report's hot path)
    core = s.connection()
    each = (
        select(
            QuestionRow.task_id,
            QuestionRow.difficulty,
            AttemptRow.mode,
            day.label("day"),
            ResponseRow.correct,
            ResponseRow.seconds,
            ResponseRow.chosen,
            confidence.label("sure"),
            previous,
        )
        .select_from(ResponseRow)
        .join(AttemptRow, AttemptRow.id == ResponseRow.attempt_id)
        .join(QuestionRow, QuestionRow.id == ResponseRow.question_id)
        .where(
            AttemptRow.profile_id == p.id,
            AttemptRow.test_id == t.id,
            ResponseRow.scored.is_(True),
            _counted(),
        )
        .subquery()
    )
    rows = core.execute(
        select(
            each.c.task_id,
            each.c.difficulty,
            each.c.mode,
            each.c.day,
            func.count(),
            func.sum(case((each.c.correct.is_(True), 1), else_=0)),
            func.sum(each.c.seconds),
            func.sum(case((each.c.chosen.is_not(None), 1), else_=0)),
            each.c.sure,
            each.c.before,
        ).group_by(
            each.c.task_id, each.c.difficulty, each.c.mode, each.c.day, each.c.sure, each.c.before
        )
    ).all()
    answered: list[Answered] = []
    secs: dict[str, list[float]] = {}
    today = now.date()
    # One row per task and day, thousands for a long history: codes and ages are looked up once
    # (not through the ORM per row) and the areas' evidence is summed per day before it is built.
    task_keys = {k.id: (k.code, areas[k.area_id].letter) for k in tasks.values()}
    ages: dict[object, int] = {}
    for task_id, difficulty, mode, d, n, c, sec, chosen, sure, before in rows:
        key = task_keys.get(task_id)
        if key is None:
            continue
        code, area = key
        age = ages.get(d)
        if age is None:
            day_ = datetime.fromisoformat(d).date() if isinstance(d, str) else d
            age = ages[d] = max(0, (today - day_).days) if day_ is not None else 0
        n, c = int(n), int(c or 0)
        answered.append(
            Answered(
                code,
                area,
                int(difficulty or 2),
                age,
                n,
                c,
                mode == "practice",
                int(before or 0),
                confidence=int(sure),
            )
        )
        acc = secs.setdefault(area, [0.0, 0])
        acc[0] += float(sec or 0.0)
        acc[1] += int(chosen or 0)
    task_area = {k.code: areas[k.area_id].letter for k in tasks.values()}
    # the bank's items per task and difficulty rating (one row per question, its current
    # version; retired ones too, so retiring items does not move what a report showed)
    pool: dict[str, dict[int, int]] = {}
    for task_id, difficulty, count in s.execute(
        select(QuestionRow.task_id, QuestionRow.difficulty, func.count())
        .where(QuestionRow.test_id == t.id, QuestionRow.is_current.is_(True))
        .group_by(QuestionRow.task_id, QuestionRow.difficulty)
    ):
        key = task_keys.get(task_id)
        if key is not None:
            pool.setdefault(key[0], {})[int(difficulty or 2)] = int(count)
    # item difficulty recalibrated from every learner's answers, once enough learners sat it
    model = fit(answered, pool, task_area, recalibrated=recalibrated_cells(s, t.id))
    area_m = {letter: e.mastery for letter, e in model.areas.items()}
    task_m = {code: e.mastery for code, e in model.tasks.items()}
    blueprint = {a.letter: a.scored_count for a in areas.values()}
    budget = t.minutes * 60.0 / max(1, t.scored_count + t.unscored_count)
    area_rows = []
    for a in sorted(areas.values(), key=lambda a: a.letter):
        total, n = secs.get(a.letter, [0.0, 0])
        per = total / n if n else 0.0
        area_rows.append(
            AreaRow(
                a.letter,
                a.title,
                a.scored_count,
                area_m[a.letter],
                per,
                per / budget if budget else 0.0,
            )
        )
    titles = {a.letter: a.title for a in areas.values()}
    titles.update({k.code: k.text for k in tasks.values()})
    task_rows = tuple(
        TaskRowView(k.code, k.text, task_area[k.code], task_m[k.code])
        for k in sorted(tasks.values(), key=lambda k: _task_sort(k.code))
    )
    due = (
        s.scalar(
            select(func.count())
            .select_from(ReviewCardRow)
            .join(QuestionRow, QuestionRow.id == ReviewCardRow.question_id)
            .where(
                ReviewCardRow.profile_id == p.id,
                QuestionRow.test_id == t.id,
                ReviewCardRow.due <= now,
                QuestionRow.retired.is_(False),  # since: what a review session would hold
            )
        )
        or 0
    )
    return WeakAreaReport(
        profile=p.name,
        test_code=t.code,
        test_title=t.title,
        target_percent=t.target_percent,
        budget_per_item_s=budget,
        responses=sum(m.seen for m in area_m.values()),
        areas=tuple(area_rows),
        tasks=task_rows,
        readiness=pooled_readiness(model, blueprint, t.target_percent),
        study_next=tuple(pooled_study_next(model, blueprint, titles, task_area)),
        misconceptions=tuple(_misconceptions(s, p.id, t.id, tasks)),
        trend=tuple(_trend(s, p.id, t.id, t.target_percent)),
        recert_trend=tuple(_trend(s, p.id, t.id, t.target_percent, "recert")),
        weakest_area=(
            min(area_m.values(), key=lambda m: (m.estimate, m.key)).key
            if answered and area_m
            else None
        ),
        review_due=int(due),
        weakest_note=lowest_mastery_note(model, blueprint) if answered else "",
        lucky_guesses=tuple(_lucky_guesses(s, p.id, t.id, tasks)),
        error_types=tuple(_error_types(s, p.id, t.id)),
    )


def _task_sort(code: str) -> tuple[object, ...]:
    return tuple(int(x) if x.isdigit() else x for x in code.split("."))


def _misconceptions(
    s: Session, profile_id: int, test_id: int, tasks: dict[int, TaskRow]
) -> list[Misconception]:
    rows = s.execute(
        select(ResponseRow.question_id, ResponseRow.chosen, func.count())
        .join(AttemptRow, AttemptRow.id == ResponseRow.attempt_id)
        .where(
            AttemptRow.profile_id == profile_id,
            AttemptRow.test_id == test_id,
            ResponseRow.correct.is_(False),
            ResponseRow.chosen.is_not(None),
        )
        .group_by(ResponseRow.question_id, ResponseRow.chosen)
        .having(func.count() > 1)
        .order_by(func.count().desc(), ResponseRow.question_id, ResponseRow.chosen)
        .limit(30)
    ).all()
    if not rows:
        return []
    # two queries for all of them, not two per misconception
    qids = {qid for qid, _chosen, _n in rows}
    questions = {q.id: q for q in s.scalars(select(QuestionRow).where(QuestionRow.id.in_(qids)))}
    choices = {
        (c.question_id, c.position): c
        for c in s.scalars(select(ChoiceRow).where(ChoiceRow.question_id.in_(qids)))
    }
    out = []
    for qid, chosen, n in rows:
        q = questions.get(qid)
        if q is None or chosen is None:
            continue
        task = tasks[q.task_id].code if q.task_id in tasks else ""
        if q.style == Style.TECH_AB:
            key = tech_ab_key(bool(q.tech_a_correct), bool(q.tech_b_correct))
            said_a, said_b = chosen in (0, 2), chosen in (1, 2)
            wrong = [
                name
                for name, said, real in (
                    ("Technician A", said_a, q.tech_a_correct),
                    ("Technician B", said_b, q.tech_b_correct),
                )
                if said != bool(real)
            ]
            options = ("A only", "B only", "Both A and B", "Neither A nor B")
            rationale = " ".join(
                f"{w}: {q.tech_a_rationale if w.endswith('A') else q.tech_b_rationale}"
                for w in wrong
            )
            stem = f"{q.stem} A: {q.tech_a_says} B: {q.tech_b_says}"
            out.append(
                Misconception(
                    qid,
                    q.uid,
                    task,
                    stem,
                    LABELS[chosen],
                    options[chosen],
                    int(n),
                    rationale,
                    " and ".join(wrong) or f"key is {options[key]}",
                )
            )
        else:
            c = choices.get((qid, chosen))
            if c is None:
                continue
            out.append(
                Misconception(qid, q.uid, task, q.stem, c.label, c.text, int(n), c.rationale, "")
            )
    return out


def _error_types(s: Session, profile_id: int, test_id: int) -> list[ErrorType]:
    """Counts for the format-specific error types, from the stored answers (two queries)."""
    mine = and_(AttemptRow.profile_id == profile_id, AttemptRow.test_id == test_id)
    styles = (Style.TECH_AB, *NEGATIVE_STYLES)
    tallies = s.execute(
        select(
            QuestionRow.style,
            ResponseRow.correct,
            ResponseRow.chosen,
            QuestionRow.tech_a_correct,
            QuestionRow.tech_b_correct,
            func.count(),
        )
        .join(AttemptRow, AttemptRow.id == ResponseRow.attempt_id)
        .join(QuestionRow, QuestionRow.id == ResponseRow.question_id)
        .where(mine, ResponseRow.chosen.is_not(None), QuestionRow.style.in_(styles))
        .group_by(
            QuestionRow.style,
            ResponseRow.correct,
            ResponseRow.chosen,
            QuestionRow.tech_a_correct,
            QuestionRow.tech_b_correct,
        )
    ).all()
    tech: list[tuple[int, bool, bool, int]] = []
    answered = {"tech": 0, "negative": 0}
    negative_wrong = 0
    for style, correct, chosen, a_ok, b_ok, n in tallies:
        group = "tech" if style == Style.TECH_AB else "negative"
        answered[group] += int(n)
        if correct:
            continue
        if group == "tech":
            tech.append((int(chosen or 0), bool(a_ok), bool(b_ok), int(n)))
        else:
            negative_wrong += int(n)
    # timing: answers of mocks that ran to (nearly) their limit, by how long before the end
    late, earlier = [0, 0], [0, 0]
    for submitted, when, correct in s.execute(
        select(AttemptRow.submitted_at, ResponseRow.answered_at, ResponseRow.correct)
        .join(AttemptRow, AttemptRow.id == ResponseRow.attempt_id)
        .where(
            mine,
            AttemptRow.mode == "mock",
            AttemptRow.status == "submitted",
            AttemptRow.time_limit_s.is_not(None),
            AttemptRow.elapsed_s >= AttemptRow.time_limit_s - LAST_SECONDS,
            ResponseRow.answered_at.is_not(None),
            ResponseRow.scored.is_(True),
        )
    ):
        if submitted is None or when is None:
            continue
        bucket = late if (submitted - when).total_seconds() <= LAST_SECONDS else earlier
        bucket[0] += not correct
        bucket[1] += 1
    return error_types(
        tech,
        answered["tech"],
        negative_wrong,
        answered["negative"],
        (late[0], late[1]),
        (earlier[0], earlier[1]),
    )


def _lucky_guesses(
    s: Session, profile_id: int, test_id: int, tasks: dict[int, TaskRow]
) -> list[LuckyGuess]:
    """Right answers marked unsure or guess, per question, the most doubted and latest first."""
    rows = s.execute(
        select(
            ResponseRow.question_id,
            func.max(ResponseRow.confidence),
            func.count(),
            func.max(ResponseRow.answered_at),
        )
        .join(AttemptRow, AttemptRow.id == ResponseRow.attempt_id)
        .where(
            AttemptRow.profile_id == profile_id,
            AttemptRow.test_id == test_id,
            ResponseRow.correct.is_(True),
            ResponseRow.confidence.in_((1, 2)),
        )
        .group_by(ResponseRow.question_id)
        .order_by(
            func.max(ResponseRow.confidence).desc(),
            func.max(ResponseRow.answered_at).desc(),
            ResponseRow.question_id,
        )
        .limit(30)
    ).all()
    if not rows:
        return []
    questions = {
        q.id: q
        for q in s.scalars(select(QuestionRow).where(QuestionRow.id.in_({r[0] for r in rows})))
    }
    out = []
    for qid, said, n, when in rows:
        q = questions.get(qid)
        if q is None:
            continue
        task = tasks[q.task_id].code if q.task_id in tasks else ""
        stem = (
            f"{q.stem} A: {q.tech_a_says} B: {q.tech_b_says}"
            if q.style == Style.TECH_AB
            else q.stem
        )
        out.append(
            LuckyGuess(qid, q.uid, task, stem, "guess" if said == 2 else "unsure", int(n), when)
        )
    return out


def _trend(
    s: Session, profile_id: int, test_id: int, target: float, mode: str = "mock"
) -> list[TrendPoint]:
    """Submitted attempts of one kind (full mocks, or recertification forms) in order."""
    rows = s.execute(
        select(
            AttemptRow.id, AttemptRow.submitted_at, AttemptRow.score_correct, AttemptRow.score_total
        )
        .where(
            AttemptRow.profile_id == profile_id,
            AttemptRow.test_id == test_id,
            AttemptRow.mode == mode,
            AttemptRow.status == "submitted",
        )
        .order_by(AttemptRow.submitted_at, AttemptRow.id)
    ).all()
    out = []
    for aid, when, c, n in rows:
        pct = 100.0 * (c or 0) / n if n else 0.0
        out.append(TrendPoint(aid, when, pct, pct >= target))
    return out
