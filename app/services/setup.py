"""Open the database for an AppPaths: create, upgrade, refuse newer; wire the services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from app.domain.clock import WallClock
from app.paths import AppPaths
from app.services.banks import BankService
from app.services.catalog import CatalogService
from app.services.classroom import ClassroomService
from app.services.exams import ExamService
from app.services.plans import PlanService
from app.services.profiles import ProfileService
from app.services.reports import ReportService
from app.services.reviews import ReviewService
from app.storage.database import (
    BUSY_TIMEOUT_MS,
    DamagedDatabaseError,
    Database,
    DatabaseBusyError,
    DatabaseError,
    DatabaseUnreachableError,
    DatabaseWriteError,
)
from app.storage.database import GUI_BUSY_TIMEOUT_MS as GUI_BUSY_TIMEOUT_MS

# re-exported so the ui and cli can tell a user's database fault from a programming error
__all__ = [
    "GUI_BUSY_TIMEOUT_MS",
    "AppServices",
    "DamagedDatabaseError",
    "DatabaseBusyError",
    "DatabaseError",
    "DatabaseUnreachableError",
    "DatabaseWriteError",
    "open_services",
    "open_url",
]


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass
class AppServices:
    db: Database
    banks: BankService
    profiles: ProfileService
    exams: ExamService
    catalog: CatalogService
    reports: ReportService
    reviews: ReviewService
    classroom: ClassroomService
    plans: PlanService
    now: WallClock

    def close(self) -> None:
        self.db.dispose()


def _already_current(paths: AppPaths) -> bool:
    """A SQLite file already at this build's schema needs no Alembic import (faster start)."""
    from app.storage.schema import HEAD_REVISION, quick_revision

    f = paths.sqlite_file
    return f is not None and quick_revision(f) == HEAD_REVISION


def open_services(
    paths: AppPaths,
    now: WallClock = utc_now,
    *,
    upgrade: bool = True,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
) -> AppServices:
    """Open (checking a SQLite file's health), upgrade and wire. Raises DatabaseError."""
    from app.storage.credentials import connect_args_for

    db = Database(
        paths.db_url,
        busy_timeout_ms=busy_timeout_ms,
        connect_args=connect_args_for(paths.db_url, paths.data_dir),
    )
    try:
        if upgrade and not _already_current(paths):
            db.upgrade()
    except BaseException:
        db.dispose()  # no pooled connection left behind for the garbage collector
        raise
    return _wire(db, now)


def open_url(db_url: str, now: WallClock = utc_now) -> AppServices:
    """Open and upgrade the database at `db_url` (a one-shot command such as a PDF report)."""
    db = Database(db_url)
    try:
        db.upgrade()
    except BaseException:
        db.dispose()
        raise
    return _wire(db, now)


def _wire(db: Database, now: WallClock) -> AppServices:
    return AppServices(
        db=db,
        banks=BankService(db, now),
        profiles=ProfileService(db, now),
        exams=ExamService(db, now),
        catalog=CatalogService(db),
        reports=ReportService(db, now),
        reviews=ReviewService(db, now),
        classroom=ClassroomService(db, now),
        plans=PlanService(db, now),
        now=now,
    )


@dataclass(frozen=True)
class UpgradeOutcome:
    """`bayready db upgrade`: whether the schema moved, where it is now, which database."""

    changed: bool
    revision: str | None
    database: str


def upgrade_database(paths: AppPaths) -> UpgradeOutcome:
    """Bring the database to this build's schema (one transaction). Raises DatabaseError."""
    db = Database(paths.db_url)
    try:
        changed = db.upgrade()
        return UpgradeOutcome(changed, db.current_revision(), db.display_name())
    finally:
        db.dispose()
