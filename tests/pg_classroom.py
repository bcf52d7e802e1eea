"""A classroom on the throwaway PostgreSQL: its own database (roles are cluster-wide, so every
name is prefixed with the database's), set up by the real migrations and `classroom init`,
with learners and an instructor; everything - database and roles - is dropped afterwards."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from app.paths import AppPaths
from tests.conftest import PG_URL, FakeNow

if TYPE_CHECKING:
    from app.services.setup import AppServices


@dataclass
class Classroom:
    name: str  # database name, also the prefix of every role made for it
    admin_url: str
    data_dir: Path
    now: FakeNow
    engines: list[Engine] = field(default_factory=list)

    def login(self, who: str) -> str:
        return f"{self.name}_{who}"

    def url_as(self, who: str) -> str:
        base, _sep, rest = self.admin_url.partition("://")
        host_db = rest.split("@", 1)[1]
        return f"{base}://{self.login(who)}@{host_db}"

    def engine_as(self, who: str) -> Engine:
        e = create_engine(self.url_as(who))
        self.engines.append(e)
        return e

    def paths_as(self, who: str | None) -> AppPaths:
        url = self.admin_url if who is None else self.url_as(who)
        return AppPaths(data_dir=self.data_dir, db_url=url)

    def services_as(self, who: str | None) -> AppServices:
        from app.services.setup import open_services

        return open_services(self.paths_as(who), self.now)

    def roster(self) -> Any:
        from app.services.class_roster import ClassRosterService
        from app.storage.credentials import PgpassStore
        from app.storage.database import Database

        db = Database(self.admin_url)
        return ClassRosterService(db, self.now, PgpassStore(self.data_dir / "test.pgpass")), db


def require_pg() -> str:
    if not PG_URL:
        pytest.skip("PostgreSQL not available (run through make test)")
    return PG_URL


def classroom_database(tmp_path: Path) -> Iterator[Classroom]:
    pg = require_pg()
    name = "c_" + uuid.uuid4().hex[:10]
    admin = create_engine(pg, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"CREATE DATABASE {name}"))
    room = Classroom(name, pg.rsplit("/", 1)[0] + "/" + name, tmp_path / "data", FakeNow())
    try:
        yield room
    finally:
        for e in room.engines:
            e.dispose()
        with admin.connect() as c:
            c.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            for (role,) in c.execute(
                text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p"), {"p": f"{name}\\_%"}
            ).all():
                c.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
            assert not c.execute(
                text("SELECT count(*) FROM pg_roles WHERE rolname LIKE :p"), {"p": f"{name}%"}
            ).scalar()
        admin.dispose()
