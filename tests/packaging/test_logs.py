"""Log file, crash log and --version of the real `bayready` command (subprocesses)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import app
from app import paths

EXE = shutil.which("bayready", path=str(Path(sys.executable).parent))


def _bayready(*argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    assert EXE, "the bayready console script is installed"
    full = {k: v for k, v in os.environ.items() if not k.startswith("BAYREADY_")}
    return subprocess.run(
        [EXE, *argv], capture_output=True, text=True, env={**full, **env}, timeout=120
    )


def test_version_is_the_package_version() -> None:
    r = _bayready("--version")
    assert r.returncode == 0 and r.stdout == f"bayready {app.__version__}\n"


def test_log_file_under_the_data_dir(tmp_path: Path) -> None:
    r = _bayready("--data-dir", str(tmp_path), "db", "path")
    assert r.returncode == 0, r.stderr
    text = (tmp_path / "logs" / "bayready.log").read_text()
    assert f"BayReady {app.__version__}" in text and str(tmp_path) in text


def test_logs_go_to_the_platform_log_dir_without_data_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    p = paths.resolve()
    assert p.log_dir == tmp_path / "state" / "BayReady" / "log"
    assert p.crash_log.parent == p.log_dir
    assert paths.resolve(str(tmp_path / "d")).log_dir == tmp_path / "d" / "logs"


def test_database_password_is_not_logged(tmp_path: Path) -> None:
    url = "postgresql+psycopg://coach:s3cret@127.0.0.1:1/x"
    _bayready("--data-dir", str(tmp_path), "--db", url, "db", "path")
    text = (tmp_path / "logs" / "bayready.log").read_text()
    assert "s3cret" not in text and "coach:***@127.0.0.1" in text


@pytest.mark.parametrize(("where", "thread"), [("main", ""), ("thread", "planted-crash")])
def test_programming_error_writes_the_crash_log_it_names(
    tmp_path: Path, where: str, thread: str
) -> None:
    r = _bayready("--data-dir", str(tmp_path), "db", "path", BAYREADY_PLANT_CRASH=where)
    crash_log = tmp_path / "logs" / "crash.log"
    assert f"details were saved to {crash_log}" in r.stderr
    text = crash_log.read_text()
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: planted programming error" in text and "_planted_error" in text
    assert (f"in thread {thread!r}" in text) == bool(thread)
    assert r.returncode == (1 if where == "main" else 0)
    assert "programming error" in (tmp_path / "logs" / "bayready.log").read_text()


def test_hard_crash_leaves_python_stacks_in_the_crash_log(tmp_path: Path) -> None:
    """faulthandler: a segfault or abort cannot run a hook, but its stacks reach the file."""
    assert EXE
    code = (
        "import sys, faulthandler; sys.argv = ['bayready', '--data-dir', sys.argv[1], 'db', "
        "'path']; import app.main as m; m.main(); faulthandler._sigsegv()"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("BAYREADY_")}
    r = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, env=env
    )
    assert r.returncode != 0
    text = (tmp_path / "logs" / "crash.log").read_text()
    assert "Fatal Python error: Segmentation fault" in text
