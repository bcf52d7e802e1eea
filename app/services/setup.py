"""Open the database for an AppPaths: create, upgrade, refuse newer; wire the services.

The services the path from start-up to an open mock uses (profiles, exams, reviews, classroom)
run on Core connections and are made at once; the others use the ORM (8 MB resident) and are
made, their modules imported, the first time they are asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from typing import TYPE_CHECKING

from app.domain.clock import WallClock
from app.paths import AppPaths
from app.services.classroom import ClassroomService
from app.services.exams import ExamService
from app.services.profiles import ProfileService
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

if TYPE_CHECKING:
    from app.services.banks import BankService
    from app.services.catalog import CatalogService
    from app.services.plans import PlanService
    from app.services.reports import ReportService

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


class AppServices:
    """The use cases on one database. Those using the ORM are made on first use (one thread may
    race another to make one: both get a working service, one is dropped)."""

    def __init__(self, db: Database, now: WallClock) -> None:
        self.db = db
        self.now = now
        self.profiles = ProfileService(db, now)
        self.exams = ExamService(db, now)
        self.reviews = ReviewService(db, now)
        self.classroom = ClassroomService(db, now)

    @cached_property
    def banks(self) -> BankService:
        from app.services.banks import BankService

        return BankService(self.db, self.now)

    @cached_property
    def catalog(self) -> CatalogService:
        from app.services.catalog import CatalogService

        return CatalogService(self.db)

    @cached_property
    def reports(self) -> ReportService:
        from app.services.reports import ReportService

        return ReportService(self.db, self.now)

    @cached_property
    def plans(self) -> PlanService:
        from app.services.plans import PlanService

        return PlanService(self.db, self.now)

    def has_tests(self) -> bool:
        """Whether any test is loaded (not: a first run that imports the shipped banks)."""
        from app.storage.queries.attempts_core import has_tests

        with self.db.connect() as conn:
            return has_tests(conn)

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
    return AppServices(db, now)


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
