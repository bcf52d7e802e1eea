"""`bayready classroom ...`: set-up on PostgreSQL, a password shown exactly once and kept only in
a 0600 file (no keyring here), never logged; a clear refusal on SQLite."""

from __future__ import annotations

import logging
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.main import main
from tests.pg_classroom import Classroom, classroom_database

# where the keyring package is installed, its null backend makes BayReady use the 0600 file
ENV = {
    "BAYREADY_NO_GUI": "1",
    "PATH": "/usr/bin:/bin",
    "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
}


@pytest.fixture(autouse=True)
def _no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Classroom]:
    yield from classroom_database(tmp_path)


def test_classroom_commands_refuse_sqlite_with_a_fix(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "--data-dir", str(tmp_path), "classroom", "init")
    assert code == 1 and out == ""
    assert err.startswith("error: classroom logins need the shared PostgreSQL database")
    assert "--db postgresql+psycopg://" in err and "Traceback" not in err


def test_db_path_masks_a_password_in_the_url(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "--db", "postgresql+psycopg://ann:s3cret@db.school:5432/c", "db", "path"
    )
    assert code == 0 and out.strip() == "postgresql+psycopg://ann:***@db.school:5432/c"


def test_an_unreachable_server_is_one_clear_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"postgresql+psycopg://owner:hunter22@127.0.0.1:{port}/nodb"
    code, out, err = run(capsys, "--data-dir", str(tmp_path), "--db", url, "classroom", "list")
    assert code == 1 and out == ""
    assert err.startswith("error: Cannot use the database server 127.0.0.1:")
    assert err.count("\n") == 1 and "hunter22" not in err
    assert "Traceback" not in err


@pytest.mark.postgres
def test_init_add_list_remove_with_the_password_shown_once(
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    room: Classroom,
) -> None:
    caplog.set_level(logging.DEBUG)
    d = ["--data-dir", str(room.data_dir), "--db", room.admin_url, "--debug"]
    code, out, err = run(capsys, *d, "classroom", "init", "--class", "Period  2")
    assert code == 0, err
    assert f"{room.name}_learner" in out and "class 'Period 2' exists" in out
    assert run(capsys, *d, "classroom", "init")[0] == 0  # idempotent

    login = room.login("alex")
    code, out, err = run(capsys, *d, "classroom", "add-learner", login, "--class", "Period 2")
    assert code == 0, err
    lines = out.splitlines()
    (pw_line,) = [line for line in lines if line.startswith(f"password for {login}: ")]
    password = pw_line.split(": ", 1)[1]
    assert len(password) >= 20
    assert "shown this once only" in out and "BayReady never logs it" in out
    assert out.count(password) == 1 and password not in err and password not in caplog.text

    pgpass = room.data_dir / "classroom.pgpass"
    assert stat.S_IMODE(pgpass.stat().st_mode) == 0o600
    assert pgpass.read_text().endswith(f":{room.name}:{login}:{password}\n")

    # again: nothing new, and the password is not shown again
    code, out, _ = run(capsys, *d, "classroom", "add-learner", login, "--class", "Period 2")
    assert (
        code == 0
        and "already existed" in out
        and password not in out
        and f"password for {login}:" not in out
    )

    code, out, _ = run(
        capsys, *d, "classroom", "add-instructor", room.login("pat"), "--class", "Period 2"
    )
    assert code == 0 and "instructor" in out
    code, out, _ = run(capsys, *d, "classroom", "list")
    assert f"Period 2: instructor {room.login('pat')}" in out
    assert f"Period 2: learner    {login}  profile '{login}'" in out

    code, out, _ = run(capsys, *d, "classroom", "remove", login)
    assert code == 0 and "the login is gone" in out
    assert login not in pgpass.read_text()
    code, out, _ = run(capsys, *d, "classroom", "list")
    assert f"{login}  profile '{login}'  (removed)" in out
    admin = create_engine(room.admin_url)
    with admin.connect() as c:
        assert not c.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": login}
        ).scalar()
    admin.dispose()


@pytest.mark.postgres
def test_the_installed_command_sets_up_a_learner_who_then_uses_the_app(
    room: Classroom, tmp_path: Path
) -> None:
    """End to end through the real `bayready` command, then the app's services as the learner."""
    bayready = str(Path(sys.executable).with_name("bayready"))
    d = ["--data-dir", str(room.data_dir), "--db", room.admin_url]

    def cli(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [bayready, *d, *argv], capture_output=True, text=True, env=ENV, check=False
        )

    from tests.factories import write_bank

    bank = write_bank(tmp_path / "bank", "X1", {"A": 2, "B": 2})
    assert cli("classroom", "init", "--class", "Shop 1").returncode == 0
    assert cli("bank", "import", str(bank)).returncode == 0
    r = cli("classroom", "add-learner", room.login("sam"), "--class", "Shop 1", "--profile", "Sam")
    assert r.returncode == 0 and r.stderr == "", r.stderr
    sam = room.services_as("sam")
    try:
        assert sam.classroom.capabilities().role == "learner"
        (me,) = sam.profiles.list_profiles()
        st = sam.exams.start_mock(me.profile_id, "X1")
        sam.exams.record_response(st.attempt_id, 0, 0, elapsed_s=3, item_seconds=3)
        assert sam.exams.submit(st.attempt_id, elapsed_s=4).score.answered == 1
    finally:
        sam.close()
    r = cli("classroom", "remove", room.login("sam"))
    assert r.returncode == 0 and "removed" in r.stdout


def test_save_password_reads_stdin_and_keeps_it_in_a_private_file(tmp_path: Path) -> None:
    bayready = str(Path(sys.executable).with_name("bayready"))
    url = "postgresql+psycopg://kim@db.school/class1"
    r = subprocess.run(
        [bayready, "--data-dir", str(tmp_path), "--db", url, "classroom", "save-password"],
        input="pa:ss\\word\n",
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    assert "pa:ss" not in r.stdout + r.stderr
    f = tmp_path / "classroom.pgpass"
    assert stat.S_IMODE(f.stat().st_mode) == 0o600
    assert f.read_text() == "db.school:5432:class1:kim:pa\\:ss\\\\word\n"
