"""A first run cut short (disk full, killed) is finished on the next start, never left half done."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from app.banks.reference import is_reference_file
from app.paths import AppPaths
from app.services.setup import DatabaseWriteError, open_services
from tests.conftest import REPO, FakeNow

SHIPPED = REPO / "question_banks"
SHIPPED_TESTS = sorted(
    p.stem.split("-")[0].upper() for p in SHIPPED.glob("*.yaml") if not is_reference_file(p)
)


def loaded_tests(paths: AppPaths, now: FakeNow) -> list[str]:
    services = open_services(paths, now)
    try:
        return [t.code for t in services.banks.list_tests()]
    finally:
        services.close()


def finish_first_run(paths: AppPaths, now: FakeNow) -> int:
    services = open_services(paths, now)
    try:
        return len(services.banks.import_shipped_if_empty(SHIPPED))
    finally:
        services.close()


def test_disk_full_during_first_run_leaves_nothing_and_the_next_start_finishes(
    tmp_path: Path, fake_now: FakeNow
) -> None:
    paths = AppPaths(tmp_path / "data", f"sqlite:///{tmp_path / 'bayready.db'}")
    services = open_services(paths, fake_now)

    def disk_nearly_full(dbapi_conn: Any, _record: Any) -> None:
        n = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count={n + 120}")  # room for two or three banks

    services.db.engine.dispose()
    event.listen(services.db.engine, "connect", disk_nearly_full)
    with pytest.raises(DatabaseWriteError, match="is full"):
        services.banks.import_shipped_if_empty(SHIPPED)
    services.close()
    assert loaded_tests(paths, fake_now) == []
    assert finish_first_run(paths, fake_now) == len(SHIPPED_TESTS) == 13
    assert loaded_tests(paths, fake_now) == SHIPPED_TESTS


CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from app.paths import AppPaths
    from app.services import banks
    from app.services.setup import open_services

    paths = AppPaths(Path(sys.argv[1]), "sqlite:///" + sys.argv[2])
    services = open_services(paths)
    store, calls = banks._store, []

    def store_then_die(*args, **kwargs):
        calls.append(1)
        if len(calls) == 5:  # four banks stored, the fifth under way
            os.kill(os.getpid(), signal.SIGKILL)
        return store(*args, **kwargs)

    banks._store = store_then_die
    services.banks.import_shipped_if_empty(Path(sys.argv[3]))
    """
)


def test_a_first_run_killed_half_way_is_finished_on_the_next_start(
    tmp_path: Path, fake_now: FakeNow
) -> None:
    db = tmp_path / "bayready.db"
    r = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "data"), str(db), str(SHIPPED)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == -signal.SIGKILL, r.stderr
    paths = AppPaths(tmp_path / "data", f"sqlite:///{db}")
    assert loaded_tests(paths, fake_now) == []  # not four of thirteen, which would stay so forever
    assert finish_first_run(paths, fake_now) == 13
    assert loaded_tests(paths, fake_now) == SHIPPED_TESTS
    assert finish_first_run(paths, fake_now) == 0  # done means done
