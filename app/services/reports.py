"""Weak-area report per profile and test: mastery, readiness, study next, pacing, misconceptions,
score trend; CSV and JSON export. No Qt (the PDF is drawn by ui.report_pdf).

The SQL lives in app.storage.queries.reports and .reports_rollup; the model's evidence is read
from the answer rollup kept when answers are saved (the last few weeks per day, the rest as
totals: a few hundred rows however long the history), then pure domain code.
"""

from __future__ import annotations

import io
import json
import math
import random
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from app.domain.attempts import Mode
from app.domain.bank import LABELS, Style, tech_ab_key
from app.domain.clock import WallClock
from app.domain.error_types import LAST_SECONDS, NEGATIVE_STYLES, ErrorType, error_types
from app.domain.errors import UserError
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.ids import AttemptId, ProfileId, QuestionId, TaskId, TestId
from app.domain.mastery import (
    LEARN_CAP,
    LEARN_PER_SESSION,
    LEARN_SAME_DAY,
    RECENT_DAYS,
    Answered,
    Mastery,
    Readiness,
    StudyItem,
    fit,
    lowest_mastery_note,
    pooled_readiness,
    pooled_study_next,
)
from app.domain.translation import TECH_AB_WORDS
from app.services.calibration import recalibrated_cells
from app.services.exports import csv_writer
from app.storage.connection import Connection
from app.storage.database import Database
from app.storage.queries import reports as report_queries
from app.storage.queries import reports_rollup, reviews
from app.storage.queries.translations import titles_in, translations_of

if TYPE_CHECKING:
    from app.storage.session import Session


class ReportError(UserError, ValueError):
    pass


@dataclass(frozen=True)
class AreaRow:
    letter: str
    title: str
    scored_count: int
    mastery: Mastery
    seconds_per_item: float
    pace_ratio: float  # seconds per item / the test's budget per item


@dataclass(frozen=True)
class TaskRowView:
    code: str
    text: str
    area: str
    mastery: Mastery


@dataclass(frozen=True)
class Misconception:
    question_id: QuestionId
    uid: str
    task: str
    stem: str
    chosen_label: str
    chosen_text: str
    times: int
    rationale: str
    misjudged: str  # tech_ab: "Technician A" / "Technician B" / "both"; else ""


@dataclass(frozen=True)
class LuckyGuess:
    """A practice item answered right that the learner marked unsure or a guess: worth reviewing."""

    question_id: QuestionId
    uid: str
    task: str
    stem: str
    said: str  # "unsure" | "guess"
    times: int  # right-but-unsure answers on it
    answered_at: datetime | None  # the latest


@dataclass(frozen=True)
class TrendPoint:
    attempt_id: AttemptId
    when: datetime | None
    percent: float
    passed: bool


@dataclass(frozen=True)
class WeakAreaReport:
    profile: str
    test_code: str
    test_title: str
    target_percent: float
    budget_per_item_s: float
    responses: int
    areas: tuple[AreaRow, ...]
    tasks: tuple[TaskRowView, ...]
    readiness: Readiness
    study_next: tuple[StudyItem, ...]
    misconceptions: tuple[Misconception, ...]
    trend: tuple[TrendPoint, ...]
    weakest_area: str | None
    review_due: int
    weakest_note: str = ""  # the lowest-mastery area, and why study next differs when it does
    lucky_guesses: tuple[LuckyGuess, ...] = ()
    error_types: tuple[ErrorType, ...] = ()  # Technician A/B, EXCEPT / LEAST, timing
    recert_trend: tuple[TrendPoint, ...] = ()  # recertification forms, apart from full mocks


class ReportService:
    def __init__(
        self,
        db: Database,
        now: WallClock,
        rng: Callable[[], random.Random] = lambda: random.Random(7),
    ) -> None:
        self._db = db
        self._now = now
        self._rng = rng

    def weak_area_report(
        self, profile: str | ProfileId, test_code: str, *, language: str = "en"
    ) -> WeakAreaReport:
        """The report; with `language` its titles and question words come from the bank's
        current translations where they exist (English otherwise)."""
        with self._db.connect() as s:
            report = build_report(s, profile, test_code, self._now(), self._rng())
            return in_language(s, report, language) if language != "en" else report


# Practice days after an answer that the model counts before its learning effect is capped:
# answers with this many or more read alike, so the report's SQL need not tell them apart.
_LATER_CAP = next(k for k in range(1, 1000) if min(LEARN_CAP, LEARN_PER_SESSION * k) >= LEARN_CAP)


def build_report(
    s: Session | Connection,
    profile: str | ProfileId,
    test_code: str,
    now: datetime,
    rng: random.Random,
) -> WeakAreaReport:
    p = report_queries.profile_of(s, profile)
    if p is None:
        raise ReportError(QT_TRANSLATE_NOOP("ReportError", "no profile called '{0}'"), profile)
    t = report_queries.test_of(s, test_code)
    if t is None:
        raise ReportError(QT_TRANSLATE_NOOP("ReportError", "no test '{0}' is loaded"), test_code)
    areas = {a.id: a for a in report_queries.content_areas(s, t.id)}
    tasks = {k.id: k for k in report_queries.tasks(s, t.id)}
    task_keys: dict[TaskId, tuple[str, str]] = {
        k.id: (k.code, areas[k.area_id].letter) for k in tasks.values()
    }
    today = now.date()
    answered, secs = _answered(s, p.id, t.id, today, task_keys)
    task_area = {k.code: areas[k.area_id].letter for k in tasks.values()}
    # the bank's items per task and difficulty rating
    pool: dict[str, dict[int, int]] = {}
    for task_id, difficulty, count in report_queries.bank_pool(s, t.id):
        key = task_keys.get(task_id)
        if key is not None:
            pool.setdefault(key[0], {})[int(difficulty or 2)] = count
    # item difficulty recalibrated from every learner's answers, once enough learners sat it
    model = fit(answered, pool, task_area, recalibrated=recalibrated_cells(s, t.id))
    area_m = {letter: e.mastery for letter, e in model.areas.items()}
    task_m = {code: e.mastery for code, e in model.tasks.items()}
    blueprint = {a.letter: a.scored_count for a in areas.values()}
    budget = t.minutes * 60.0 / max(1, t.scored_count + t.unscored_count)
    area_rows = []
    for a in sorted(areas.values(), key=lambda a: a.letter):
        total, n = secs.get(a.letter, (0.0, 0))
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
    codes: dict[TaskId, str] = {k.id: k.code for k in tasks.values()}
    trend = _trends(s, p.id, t.id, t.target_percent)
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
        misconceptions=tuple(_misconceptions(s, p.id, t.id, codes)),
        trend=tuple(trend["mock"]),
        recert_trend=tuple(trend["recert"]),
        weakest_area=(
            min(area_m.values(), key=lambda m: (m.estimate, m.key)).key
            if answered and area_m
            else None
        ),
        review_due=reviews.due_count(s, p.id, t.id, now),
        weakest_note=lowest_mastery_note(model, blueprint) if answered else "",
        lucky_guesses=tuple(_lucky_guesses(s, p.id, t.id, codes)),
        error_types=tuple(_error_types(s, p.id, t.id)),
    )


def _answered(
    s: Session | Connection,
    profile_id: ProfileId,
    test_id: TestId,
    today: date,
    task_keys: Mapping[TaskId, tuple[str, str]],
) -> tuple[list[Answered], dict[str, tuple[float, int]]]:
    """The model's evidence, and per area (seconds spent, items answered).

    The model reads an answer's day only through (a) whether it is older than RECENT_DAYS and
    (b) how many days of practice in its area came on or after it (capped at _LATER_CAP; the
    same day counts in full, LEARN_SAME_DAY). So practice answers are read per day, and the
    rest per (old, later practice days) with one representative day each: a few hundred rows
    where one per task and day were thousands, for the same fit.
    """
    if LEARN_SAME_DAY != 1.0:  # pragma: no cover - the grouping below relies on it
        raise AssertionError("a same-day practice session must count in full")
    areas: dict[str, set[date]] = {}
    tasks_of: dict[str, set[TaskId]] = {}
    for task_id, (_code, area) in task_keys.items():
        tasks_of.setdefault(area, set()).add(task_id)
    for task_id, d in reports_rollup.practice_days(s, profile_id, test_id, today):
        key = task_keys.get(task_id)
        if key is not None:
            areas.setdefault(key[1], set()).add(d)
    # a day counts for an answer of every task of its area; only the latest _LATER_CAP days
    # of an area matter (more read as the cap)
    later: dict[date, set[TaskId]] = {}
    for area, days in areas.items():
        for d in sorted(days, reverse=True)[:_LATER_CAP]:
            later.setdefault(d, set()).update(tasks_of[area])
    # old: more than RECENT_DAYS whole days before today
    old_until = today - timedelta(days=math.floor(RECENT_DAYS) + 1)
    rows = reports_rollup.answer_groups(
        s, profile_id, test_id, today=today, old_until=old_until, later=later
    )
    answered: list[Answered] = []
    seconds: dict[str, float] = {}
    items: dict[str, int] = {}
    ages: dict[date, int] = {}
    key_of, age_of, append = task_keys.get, ages.get, answered.append
    # a few hundred rows per report: look-ups bound once, Answered built positionally (its
    # keyword path costs a third more), seconds and items summed apart, in row order
    for task_id, difficulty, practice, d, n, c, sec, chosen, sure, before in rows:
        key = key_of(task_id)
        if key is None:
            continue
        code, area = key
        age = age_of(d)
        if age is None:
            age = ages[d] = max(0, (today - d).days)
        append(Answered(code, area, int(difficulty or 2), age, n, c, practice, before, sure))
        seconds[area] = seconds.get(area, 0.0) + sec
        items[area] = items.get(area, 0) + chosen
    return answered, {area: (seconds[area], items[area]) for area in seconds}


def in_language(s: Session | Connection, r: WeakAreaReport, language: str) -> WeakAreaReport:
    """The report with the test's titles and the questions' words translated where a current
    translation exists; figures, keys and labels are unchanged."""
    test = report_queries.test_of(s, r.test_code)
    if test is None:
        return r
    test_id = test.id
    titles = titles_in(s, test_id, language)
    named: dict[str, str] = {}
    if titles is not None:
        named = {**titles.areas, **titles.tasks}
    words = {
        qid: st.words
        for (qid, _lang), st in translations_of(
            s,
            [m.question_id for m in r.misconceptions] + [g.question_id for g in r.lucky_guesses],
            language,
        ).items()
        if st.current
    }
    options = TECH_AB_WORDS.get(language, {}).get("options")

    def stem(qid: QuestionId, english: str) -> str:
        w = words.get(qid)
        if w is None:
            return english
        if w.technician_a and w.technician_b:
            return f"{w.stem} A: {w.technician_a.says} B: {w.technician_b.says}"
        return w.stem

    def misconception(m: Misconception) -> Misconception:
        w = words.get(m.question_id)
        if w is None:
            return m
        at = LABELS.index(m.chosen_label) if m.chosen_label in LABELS else -1
        if w.choices and 0 <= at < len(w.choices):
            text, why = w.choices[at].text, w.choices[at].rationale
        elif options and 0 <= at < len(options) and w.technician_a and w.technician_b:
            text = options[at]
            why = " ".join(
                f"{who}: {st.rationale}"
                for who, st in (("A", w.technician_a), ("B", w.technician_b))
                if who in m.misjudged
            )
        else:
            return m
        return replace(m, stem=stem(m.question_id, m.stem), chosen_text=text, rationale=why)

    return replace(
        r,
        test_title=(titles.title if titles else None) or r.test_title,
        areas=tuple(replace(a, title=named.get(a.letter, a.title)) for a in r.areas),
        tasks=tuple(replace(k, text=named.get(k.code, k.text)) for k in r.tasks),
        study_next=tuple(replace(x, title=named.get(x.key, x.title)) for x in r.study_next),
        misconceptions=tuple(misconception(m) for m in r.misconceptions),
        lucky_guesses=tuple(replace(g, stem=stem(g.question_id, g.stem)) for g in r.lucky_guesses),
    )


def _task_sort(code: str) -> tuple[object, ...]:
    return tuple(int(x) if x.isdigit() else x for x in code.split("."))


def _misconceptions(
    s: Session | Connection, profile_id: ProfileId, test_id: TestId, codes: Mapping[TaskId, str]
) -> list[Misconception]:
    rows = report_queries.repeated_wrong_choices(s, profile_id, test_id)
    if not rows:
        return []
    # two queries for all of them, not two per misconception
    qids = {qid for qid, _chosen, _n in rows}
    questions = report_queries.question_words(s, qids)
    choices = report_queries.choice_words(s, qids)
    out = []
    for qid, chosen, n in rows:
        q = questions.get(qid)
        if q is None:
            continue
        task = codes.get(q.task_id, "")
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
                    n,
                    rationale,
                    " and ".join(wrong) or f"key is {options[key]}",
                )
            )
        else:
            c = choices.get((qid, chosen))
            if c is None:
                continue
            out.append(Misconception(qid, q.uid, task, q.stem, c.label, c.text, n, c.rationale, ""))
    return out


def _error_types(
    s: Session | Connection, profile_id: ProfileId, test_id: TestId
) -> list[ErrorType]:
    """Counts for the format-specific error types, from the stored answers (two queries)."""
    styles = (Style.TECH_AB, *NEGATIVE_STYLES)
    tech: list[tuple[int, bool, bool, int]] = []
    answered = {"tech": 0, "negative": 0}
    negative_wrong = 0
    for style, correct, chosen, a_ok, b_ok, n in report_queries.style_tallies(
        s, profile_id, test_id, styles
    ):
        group = "tech" if style == Style.TECH_AB else "negative"
        answered[group] += n
        if correct:
            continue
        if group == "tech":
            tech.append((int(chosen or 0), bool(a_ok), bool(b_ok), n))
        else:
            negative_wrong += n
    # timing: answers of mocks that ran to (nearly) their limit, by how long before the end
    late, earlier = [0, 0], [0, 0]
    for submitted, when, correct in report_queries.answers_of_full_time_mocks(
        s, profile_id, test_id, LAST_SECONDS
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
    s: Session | Connection, profile_id: ProfileId, test_id: TestId, codes: Mapping[TaskId, str]
) -> list[LuckyGuess]:
    """Right answers marked unsure or guess, per question, the most doubted and latest first."""
    rows = report_queries.unsure_right(s, profile_id, test_id)
    if not rows:
        return []
    questions = report_queries.question_words(s, {r[0] for r in rows})
    out = []
    for qid, said, n, when in rows:
        q = questions.get(qid)
        if q is None:
            continue
        task = codes.get(q.task_id, "")
        stem = (
            f"{q.stem} A: {q.tech_a_says} B: {q.tech_b_says}"
            if q.style == Style.TECH_AB
            else q.stem
        )
        out.append(LuckyGuess(qid, q.uid, task, stem, "guess" if said == 2 else "unsure", n, when))
    return out


def _trends(
    s: Session | Connection, profile_id: ProfileId, test_id: TestId, target: float
) -> dict[str, list[TrendPoint]]:
    """Submitted full mocks and recertification forms, each in order (one query)."""
    out: dict[str, list[TrendPoint]] = {}
    scores = report_queries.submitted_scores(s, profile_id, test_id, (Mode.MOCK, Mode.RECERT))
    for mode, rows in scores.items():
        out[mode] = points = []
        for aid, when, c, n in rows:
            pct = 100.0 * (c or 0) / n if n else 0.0
            points.append(TrendPoint(aid, when, pct, pct >= target))
    return out


# -- export ---------------------------------------------------------------------------------------
def report_json(r: WeakAreaReport) -> str:
    def m(x: Mastery) -> dict[str, object]:
        return {
            "seen": x.seen,
            "correct": x.correct,
            "estimate": round(x.estimate, 4),
            "low": round(x.low, 4),
            "high": round(x.high, 4),
            "enough_data": x.enough_data,
        }

    doc = {
        "profile": r.profile,
        "test": r.test_code,
        "title": r.test_title,
        "target_percent": r.target_percent,
        "responses": r.responses,
        "readiness": asdict(r.readiness),
        "weakest_area": r.weakest_area,
        "weakest_note": r.weakest_note,
        "areas": [
            {
                "letter": a.letter,
                "title": a.title,
                "scored_count": a.scored_count,
                **m(a.mastery),
                "seconds_per_item": round(a.seconds_per_item, 1),
                "pace_ratio": round(a.pace_ratio, 3),
            }
            for a in r.areas
        ],
        "tasks": [
            {"code": t.code, "text": t.text, "area": t.area, **m(t.mastery)} for t in r.tasks
        ],
        "study_next": [
            {
                "kind": x.kind,
                "key": x.key,
                "title": x.title,
                "gain": round(x.gain, 3),
                "reason": x.reason,
            }
            for x in r.study_next
        ],
        "misconceptions": [asdict(x) for x in r.misconceptions],
        "error_types": [asdict(x) for x in r.error_types],
        "lucky_guesses": [
            {
                "uid": x.uid,
                "task": x.task,
                "said": x.said,
                "times": x.times,
                "answered_at": x.answered_at.isoformat() if x.answered_at else None,
            }
            for x in r.lucky_guesses
        ],
        "trend": [
            {
                "attempt": p.attempt_id,
                "when": p.when.isoformat() if p.when else None,
                "percent": round(p.percent, 1),
                "passed": p.passed,
            }
            for p in r.trend
        ],
        "recert_trend": [
            {
                "attempt": p.attempt_id,
                "when": p.when.isoformat() if p.when else None,
                "percent": round(p.percent, 1),
                "passed": p.passed,
            }
            for p in r.recert_trend
        ],
        "review_due": r.review_due,
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def report_csv(r: WeakAreaReport) -> str:
    buf = io.StringIO()
    w = csv_writer(buf)
    w.writerow(
        [
            "profile",
            "test",
            "level",
            "key",
            "title",
            "scored_items",
            "seen",
            "correct",
            "estimate_percent",
            "low_percent",
            "high_percent",
            "enough_data",
            "seconds_per_item",
            "pace_ratio",
        ]
    )

    def cells(x: Mastery) -> list[object]:
        return [
            x.seen,
            x.correct,
            f"{x.estimate * 100:.1f}",
            f"{x.low * 100:.1f}",
            f"{x.high * 100:.1f}",
            x.enough_data,
        ]

    for a in r.areas:
        w.writerow(
            [
                r.profile,
                r.test_code,
                "area",
                a.letter,
                a.title,
                a.scored_count,
                *cells(a.mastery),
                f"{a.seconds_per_item:.1f}",
                f"{a.pace_ratio:.2f}",
            ]
        )
    for t in r.tasks:
        w.writerow([r.profile, r.test_code, "task", t.code, t.text, "", *cells(t.mastery), "", ""])
    return buf.getvalue()
