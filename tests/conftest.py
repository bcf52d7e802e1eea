"""Shared fixtures. Qt runs offscreen; databases are built by the real migrations."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("BAYREADY_DB", None)
# English whatever the machine's locale (tests about the language unset it)
os.environ["BAYREADY_LANG"] = "en"

import pytest

from app.paths import AppPaths

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("BAYREADY_TEST_PG_URL")


class FakeNow:
    """Injected wall clock for services: advances only when told to."""

    def __init__(self, start: datetime = datetime(2026, 11, 1, 9, 0, 0)) -> None:
        self.value = start

    def __call__(self) -> datetime:
        return self.value

    def advance(self, seconds: float) -> None:
        self.value += timedelta(seconds=seconds)


@pytest.fixture
def fake_now() -> FakeNow:
    return FakeNow()


@pytest.fixture
def mini_bank(tmp_path: Path) -> Path:
    """A copy of the small valid test bank (test Z9) with its exhibit, safe to edit."""
    shutil.copytree(DATA / "exhibits", tmp_path / "exhibits")
    target = tmp_path / "mini-bank.yaml"
    shutil.copy(DATA / "mini-bank.yaml", target)
    return target


def _pg_database() -> Iterator[str]:
    assert PG_URL
    from sqlalchemy import create_engine, text

    name = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"CREATE DATABASE {name}"))
    url = PG_URL.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        with admin.connect() as c:
            c.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL: a SQLite file, and PostgreSQL when the cluster is running."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'bayready.db'}"
        return
    if not PG_URL:
        pytest.skip("PostgreSQL not available (run through make test)")
    yield from _pg_database()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'bayready.db'}"


@pytest.fixture
def app_paths(tmp_path: Path, db_url: str) -> AppPaths:
    return AppPaths(data_dir=tmp_path / "data", db_url=db_url)


@pytest.fixture
def services(app_paths: AppPaths, fake_now: FakeNow):  # type: ignore[no-untyped-def]
    from app.services.setup import open_services

    s = open_services(app_paths, fake_now)
    yield s
    s.close()
