"""Class results for instructors: per-profile, per-area scores and item analysis. No Qt.

Item analysis uses submitted mock attempts: facility = share answering right; discrimination =
point-biserial correlation between the item (right/wrong) and the attempt's total score with the
item removed (so an item does not correlate with itself); distractor counts per shown option.
Items are flagged too easy (facility > 0.90), too hard (< 0.30) or negatively discriminating
(< 0: the strong candidates miss it - often a wrong key), once at least MIN_ITEM_RESPONSES answers.
"""

from __future__ import annotations

import io
import json
import math
from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from app.domain.bank import LABELS
from app.domain.clock import WallClock
from app.domain.errors import UserError
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.ids import ProfileId, QuestionId, TaskId, TestId
from app.services.exports import csv_writer
from app.storage.database import Database

if TYPE_CHECKING:
    from app.storage.models import QuestionRow
    from app.storage.session import Session

MIN_ITEM_RESPONSES = 5


class ClassroomError(UserError, ValueError):
    pass


@dataclass(frozen=True)
class Capabilities:
    """What the connected database login may do; the GUI hides what it may not.

    SQLite (one computer) and the owner of a classroom database may do everything, as before
    classroom logins existed; the database itself enforces the rest (grants, row-level security).
    """

    role: str  # "single computer" | "owner" | "instructor" | "learner"
    manage_banks: bool = True
    import_banks: bool = True
    class_results: bool = True
    manage_profiles: bool = True

    @property
    def instructor_tools(self) -> bool:
        return self.manage_banks or self.import_banks or self.class_results


SINGLE_COMPUTER = Capabilities("single computer")


@dataclass(frozen=True)
class ProfileResult:
    profile: str
    mocks: int
    last_percent: float | None
    best_percent: float | None
    answered: int
    area_percent: dict[str, float | None]


@dataclass(frozen=True)
class ItemAnalysis:
    question_id: QuestionId
    uid: str
    task: str
    responses: int
    facility: float
    discrimination: float | None
    option_counts: dict[str, int]
    unanswered: int
    key: str
    flags: tuple[str, ...]


@dataclass(frozen=True)
class ClassResults:
    test_code: str
    areas: tuple[str, ...]
    profiles: tuple[ProfileResult, ...]
    items: tuple[ItemAnalysis, ...]


def point_biserial(xs: list[int], totals: list[float]) -> float | None:
    n = len(xs)
    if n < 3:
        return None
    p = sum(xs) / n
    if p in (0.0, 1.0):
        return None
    mean = sum(totals) / n
    sd = math.sqrt(sum((t - mean) ** 2 for t in totals) / n)
    if sd == 0:
        return None
    m1 = sum(t for x, t in zip(xs, totals, strict=True) if x) / sum(xs)
    m0 = sum(t for x, t in zip(xs, totals, strict=True) if not x) / (n - sum(xs))
    return (m1 - m0) / sd * math.sqrt(p * (1 - p))


class ClassroomService:
    def __init__(self, db: Database, now: WallClock) -> None:
        self._db = db
        self._now = now

    def capabilities(self) -> Capabilities:
        if self._db.is_sqlite:
            return SINGLE_COMPUTER
        from app.storage.classroom_roles import Role, connected_role

        with self._db.connect() as conn:
            role = connected_role(conn)
        if role is None:
            return Capabilities("owner")
        if role is Role.INSTRUCTOR:
            # their class's results and the banks; learners' profiles are made by the owner
            return Capabilities("instructor", manage_profiles=False)
        return Capabilities(
            "learner",
            manage_banks=False,
            import_banks=False,
            class_results=False,
            manage_profiles=False,
        )

    def class_results(self, test_code: str) -> ClassResults:
        # the ORM's queries are imported on first use: start-up asks only for capabilities
        from app.storage.queries import attempts
        from app.storage.queries import classroom as q

        with self._db.read() as s:
            t = attempts.test_by_code(s, test_code)
            if t is None:
                raise ClassroomError(f"no test {test_code!r} is loaded")
            test_id = TestId(t.id)
            letters = q.area_letters(s, test_id)
            profiles = []
            area_map: dict[int, dict[str, float | None]] = defaultdict(dict)
            for pid, letter, n, c in q.mock_area_tallies(s, test_id):
                area_map[pid][letter] = 100.0 * float(c) / n if n else None
            for p in q.profiles_by_name(s):
                mocks = q.mock_scores(s, ProfileId(p.id), test_id)
                pcts = [100.0 * (c or 0) / n for c, n in mocks if n]
                answered = q.answered_count(s, ProfileId(p.id), test_id)
                profiles.append(
                    ProfileResult(
                        p.name,
                        len(pcts),
                        pcts[-1] if pcts else None,
                        max(pcts) if pcts else None,
                        answered,
                        {ltr: area_map[p.id].get(ltr) for ltr in letters},
                    )
                )
            items = self._items(s, test_id)
            return ClassResults(t.code, letters, tuple(profiles), tuple(items))

    def _items(self, s: Session, test_id: TestId) -> list[ItemAnalysis]:
        from app.storage.queries import classroom as q

        by_q: dict[QuestionId, list[tuple[int | None, bool, float]]] = defaultdict(list)
        for qid, chosen, right, total in q.mock_item_responses(s, test_id):
            # rest score: the attempt's total without this item
            by_q[qid].append((chosen, right, float((total or 0) - (1 if right else 0))))
        if not by_q:
            return []
        questions = q.questions_by_id(s, by_q)
        tasks = q.task_codes(s, test_id)
        out = []
        for qid, resp in sorted(by_q.items()):
            question = questions[qid]
            n = len(resp)
            xs = [1 if r else 0 for _c, r, _t in resp]
            facility = sum(xs) / n
            disc = point_biserial(xs, [t for _c, _r, t in resp])
            counts = dict.fromkeys(LABELS, 0)
            unanswered = 0
            for chosen, _r, _t in resp:
                if chosen is None:
                    unanswered += 1
                elif chosen < len(LABELS):
                    counts[LABELS[chosen]] += 1
            key_pos = _key_position(question)
            flags: list[str] = []
            if n >= MIN_ITEM_RESPONSES:
                if facility > 0.90:
                    flags.append(QT_TRANSLATE_NOOP("ClassFlags", "too easy"))
                if facility < 0.30:
                    flags.append(QT_TRANSLATE_NOOP("ClassFlags", "too hard"))
                if disc is not None and disc < 0:
                    flags.append(
                        QT_TRANSLATE_NOOP("ClassFlags", "negative discrimination - check the key")
                    )
            out.append(
                ItemAnalysis(
                    qid,
                    question.uid,
                    tasks.get(TaskId(question.task_id), ""),
                    n,
                    facility,
                    disc,
                    counts,
                    unanswered,
                    LABELS[key_pos],
                    tuple(flags),
                )
            )
        return out


def _key_position(question: QuestionRow) -> int:
    from app.domain.bank import tech_ab_key

    if question.style == "tech_ab":
        return tech_ab_key(bool(question.tech_a_correct), bool(question.tech_b_correct))
    return next((c.position for c in question.choices if c.correct), 0)


def class_csv(r: ClassResults) -> str:
    buf = io.StringIO()
    w = csv_writer(buf)
    w.writerow(
        [
            "profile",
            "test",
            "mocks",
            "last_percent",
            "best_percent",
            "answered",
            *[f"area_{a}_percent" for a in r.areas],
        ]
    )
    for p in r.profiles:
        w.writerow(
            [
                p.profile,
                r.test_code,
                p.mocks,
                _f(p.last_percent),
                _f(p.best_percent),
                p.answered,
                *[_f(p.area_percent.get(a)) for a in r.areas],
            ]
        )
    w.writerow([])
    w.writerow(
        [
            "question",
            "task",
            "responses",
            "facility",
            "discrimination",
            "key",
            "count_A",
            "count_B",
            "count_C",
            "count_D",
            "unanswered",
            "flags",
        ]
    )
    for i in r.items:
        w.writerow(
            [
                i.uid,
                i.task,
                i.responses,
                f"{i.facility:.3f}",
                "" if i.discrimination is None else f"{i.discrimination:.3f}",
                i.key,
                *[i.option_counts.get(x, 0) for x in LABELS],
                i.unanswered,
                "; ".join(i.flags),
            ]
        )
    return buf.getvalue()


def class_json(r: ClassResults) -> str:
    return json.dumps(asdict(r), indent=2, ensure_ascii=False) + "\n"


def _f(x: float | None) -> str:
    return "" if x is None else f"{x:.1f}"
