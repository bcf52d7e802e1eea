"""A second BayReady on the same database is refused with a message saying what to do."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QLockFile

from app.paths import AppPaths
from app.ui.instance_lock import LockRefused, acquire, lock_path


def _paths(tmp_path: Path) -> AppPaths:
    return AppPaths(data_dir=tmp_path, db_url=f"sqlite:///{tmp_path / 'bayready.db'}")


def test_second_holder_is_refused_until_the_first_lets_go(tmp_path: Path) -> None:
    paths = _paths(tmp_path)
    first = acquire(paths)
    assert isinstance(first, QLockFile) and first.isLocked()
    assert lock_path(paths) == tmp_path / "bayready.db.lock"
    second = acquire(paths)
    assert isinstance(second, LockRefused)
    assert second.pid == os.getpid()
    text = second.message(str(tmp_path / "bayready.db"))
    assert f"process {os.getpid()}" in text and "bayready --data-dir FOLDER" in text
    first.unlock()
    third = acquire(paths)
    assert isinstance(third, QLockFile)
    third.unlock()


def test_postgresql_is_not_locked(tmp_path: Path) -> None:
    assert acquire(AppPaths(data_dir=tmp_path, db_url="postgresql://u@h/db")) is None


def test_app_refuses_to_start_while_another_copy_holds_the_database(tmp_path: Path) -> None:
    held = acquire(_paths(tmp_path / "data"))
    assert isinstance(held, QLockFile)
    exe = Path(sys.executable).with_name("bayready")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run(
        [str(exe), "--data-dir", str(tmp_path / "data"), "--smoke-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    held.unlock()
    assert r.returncode == 3, r.stderr
    assert "BayReady is already open on this database" in r.stderr
    assert "smoke-test: first_paint" not in r.stdout
