"""Where user files live: platformdirs by default, everything under --data-dir when given.

Standard library and platformdirs only (imported before the first window).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "BayReady"
DB_FILENAME = "bayready.db"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    db_url: str
    # the platform's log folder; None keeps the logs under data_dir (as --data-dir does)
    logs: Path | None = None

    @property
    def log_dir(self) -> Path:
        return self.logs if self.logs is not None else self.data_dir / "logs"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "bayready.log"

    @property
    def crash_log(self) -> Path:
        return self.log_dir / "crash.log"

    @property
    def settings_file(self) -> Path:
        return self.data_dir / "settings.json"

    @property
    def sqlite_file(self) -> Path | None:
        prefix = "sqlite:///"
        if self.db_url.startswith(prefix) and self.db_url[len(prefix) :] not in ("", ":memory:"):
            return Path(self.db_url[len(prefix) :])
        return None


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_log_dir() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False))


def resolve(data_dir: str | None = None, db: str | None = None) -> AppPaths:
    """--data-dir beats the platform default; --db, then BAYREADY_DB, then the data dir.

    Logs go to the platform's log folder, or under --data-dir/logs when it is given.
    """
    base = Path(data_dir).expanduser().resolve() if data_dir else default_data_dir()
    logs = None if data_dir else default_log_dir()
    url = db or os.environ.get("BAYREADY_DB") or f"sqlite:///{base / DB_FILENAME}"
    if "://" not in url:  # a bare file path
        url = f"sqlite:///{Path(url).expanduser().resolve()}"
    return AppPaths(data_dir=base, db_url=url, logs=logs)


def shipped_banks_dir() -> Path:
    """The shipped banks, inside the installed package (see app.resources)."""
    from app import resources

    return resources.shipped_banks_dir()
