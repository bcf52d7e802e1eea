"""Plain views the home screen needs before SQLAlchemy is loaded (standard library only)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.domain.i18n import Language
from app.domain.ids import AttemptId, ProfileId


@dataclass(frozen=True)
class TestCard:
    code: str
    title: str
    questions: int
    scored_count: int
    minutes: int
    last_percent: float | None
    last_passed: bool | None
    in_progress: AttemptId | None
    in_progress_mode: str | None
    target_percent: float
    __test__ = False


def quick_cards(db_file: Path) -> list[TestCard] | None:
    """The home screen's test list read with sqlite3 alone, so it shows before the ORM loads;
    None when the file is missing or its schema is not this build's (the slow path decides)."""
    from app.storage.schema import quick_test_list

    rows = quick_test_list(db_file)
    if rows is None:
        return None
    return [
        TestCard(
            code=c,
            title=t,
            questions=int(n),
            scored_count=sc,
            minutes=m,
            last_percent=None,
            last_passed=None,
            in_progress=None,
            in_progress_mode=None,
            target_percent=float(tp),
        )
        for c, t, sc, m, tp, n in rows
    ]


@dataclass(frozen=True)
class QuickProfile:
    """A profile as the home page's chooser shows it (the fields it shares with ProfileView)."""

    profile_id: ProfileId
    name: str
    attempts: int
    language: Language | None


@dataclass(frozen=True)
class QuickHome:
    """Everything the home page shows and its buttons depend on, for one profile."""

    profiles: tuple[QuickProfile, ...]
    profile_id: ProfileId
    cards: tuple[TestCard, ...]
    due: dict[str, int]

    @property
    def profile(self) -> QuickProfile:
        return next(p for p in self.profiles if p.profile_id == self.profile_id)


def _language(code: str | None) -> Language | None:
    try:
        return Language(code) if code else None
    except ValueError:  # a code from a newer version: follow the system locale
        return None


def quick_home(
    db_file: Path,
    wanted_profile: str | None,
    now: datetime,
    language_of: Callable[[Language | None], Language],
) -> QuickHome | None:
    """The home page read with sqlite3 alone: the same profiles, test cards and review counts
    ProfileService.list_profiles, ExamService.test_cards and ReviewService.due_counts give, for
    the profile named `wanted_profile` (else the first), titles in `language_of(its language)`.
    None when the file is not at this build's schema or has no profile yet (the services decide)."""
    from app.storage.schema import quick_home_rows

    rows = quick_home_rows(
        db_file, wanted_profile, now, lambda code: language_of(_language(code)).value
    )
    if rows is None:
        return None
    cards = []
    for code, title, scored, minutes, target, n, correct, total, open_id, mode in rows.tests:
        pct = 100.0 * correct / total if total and correct is not None else None
        cards.append(
            TestCard(
                code=code,
                title=title,
                questions=n,
                scored_count=scored,
                minutes=minutes,
                last_percent=pct,
                last_passed=None if pct is None else pct >= target,
                in_progress=None if open_id is None else AttemptId(open_id),
                in_progress_mode=mode,
                target_percent=target,
            )
        )
    return QuickHome(
        tuple(QuickProfile(ProfileId(i), n, k, _language(lang)) for i, n, lang, k in rows.profiles),
        rows.profile_id,
        tuple(cards),
        rows.due,
    )
