"""The home page read with sqlite3 alone (start-up, before SQLAlchemy loads) says what the
services say: the same profiles, test cards and reviews due, or None when it cannot."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.i18n import Language
from app.domain.ids import ProfileId
from app.paths import AppPaths
from app.services.setup import AppServices, open_services
from app.services.views import QuickHome, quick_home
from tests.conftest import FakeNow
from tests.factories import write_bank


@pytest.fixture
def home_db(tmp_path: Path, fake_now: FakeNow) -> Iterator[tuple[AppServices, Path]]:
    db = tmp_path / "home.db"
    services = open_services(AppPaths(tmp_path / "data", f"sqlite:///{db}"), fake_now)
    yield services, db
    services.close()


def _english(_lang: Language | None) -> Language:
    return Language.ENGLISH


def _mock(services: AppServices, pid: ProfileId, code: str, right: int) -> int:
    """A mock with the first `right` items answered correctly and the rest wrongly."""
    st = services.exams.start_mock(pid, code)
    for n, item in enumerate(st.items):
        shown = next(i for i, c in enumerate(item.choices) if c.correct == (n < right))
        services.exams.record_response(
            st.attempt_id, item.position, shown, elapsed_s=n + 1, item_seconds=1
        )
    return int(st.attempt_id)


def _same(services: AppServices, home: QuickHome | None, pid: ProfileId) -> None:
    assert home is not None and home.profile_id == pid
    assert [(p.profile_id, p.name, p.attempts, p.language) for p in home.profiles] == [
        (p.profile_id, p.name, p.attempts, p.language) for p in services.profiles.list_profiles()
    ]
    assert list(home.cards) == services.exams.test_cards(pid)
    assert home.due == services.reviews.due_counts(pid)


def test_quick_home_equals_what_the_services_show(
    home_db: tuple[AppServices, Path], tmp_path: Path, fake_now: FakeNow
) -> None:
    services, db = home_db
    for code in ("X1", "X2"):
        services.banks.import_file(write_bank(tmp_path / code, code, {"A": 4, "B": 2}))
    bo = services.profiles.create("Bo").profile_id
    ana = services.profiles.create("Ana").profile_id
    services.profiles.set_language(bo, Language.SPANISH)
    first = _mock(services, ana, "X1", right=3)
    services.exams.submit(first, elapsed_s=60)  # type: ignore[arg-type]
    fake_now.advance(3600)
    second = _mock(services, ana, "X1", right=5)
    services.exams.submit(second, elapsed_s=60)  # type: ignore[arg-type]
    services.exams.start_practice(ana, "X2", count=2)  # left in progress
    _mock(services, bo, "X2", right=0)  # in progress, nothing submitted

    _same(services, quick_home(db, "Ana", fake_now(), _english), ana)
    _same(services, quick_home(db, None, fake_now(), _english), ana)  # first by name
    _same(services, quick_home(db, "Bo", fake_now(), _english), bo)
    _same(services, quick_home(db, "Nobody", fake_now(), _english), ana)
    home = quick_home(db, "Ana", fake_now(), _english)
    assert home is not None
    x1 = next(c for c in home.cards if c.code == "X1")
    assert x1.last_percent == pytest.approx(100 * 5 / 6) and x1.in_progress is None
    x2 = next(c for c in home.cards if c.code == "X2")
    assert x2.last_percent is None and x2.in_progress_mode == "practice"
    bo_home = quick_home(db, "Bo", fake_now(), _english)
    assert bo_home is not None and bo_home.profile.language is Language.SPANISH
    # reviews come due later: the stored datetimes compare with `now` as the services do
    seen = set()
    for hours in (0, 6, 18, 24, 48, 24 * 7, 24 * 30):
        fake_now.advance(hours * 3600)
        home = quick_home(db, "Ana", fake_now(), _english)
        _same(services, home, ana)
        assert home is not None
        seen.add(sum(home.due.values()))
    assert len(seen) > 1  # some reviews came due along the way


def test_quick_home_leaves_the_page_to_the_services_when_it_cannot_say(
    home_db: tuple[AppServices, Path], tmp_path: Path, mini_bank: Path, fake_now: FakeNow
) -> None:
    services, db = home_db
    services.banks.import_file(mini_bank)
    assert quick_home(db, None, fake_now(), _english) is None  # no profile yet: one is made
    assert quick_home(tmp_path / "missing.db", None, fake_now(), _english) is None
    services.profiles.create("Ana")
    assert quick_home(db, None, fake_now(), _english) is not None
    con = sqlite3.connect(db)
    with con:
        con.execute("UPDATE alembic_version SET version_num = '0001_older'")
    con.close()
    assert quick_home(db, None, fake_now(), _english) is None  # not this build's schema
