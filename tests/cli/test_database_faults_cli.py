"""Database faults through the CLI: exit 1 and one line naming the database, never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.banks.reference import is_reference_file
from app.main import main
from tests.conftest import REPO
from tests.faults.database import (
    build_shipped_db,
    damage,
    digest,
    read_only,
    silent_server,
    small_disk,
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> str:
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    return lines[0]


@pytest.fixture(autouse=True)
def keep_excepthook() -> Iterator[None]:
    hook = sys.excepthook  # main() installs the crash hook
    yield
    sys.excepthook = hook


def test_import_into_a_damaged_database_is_refused_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], mini_bank: Path, tmp_path: Path
) -> None:
    db = damage(build_shipped_db(tmp_path / "shipped.db"), tmp_path / "bayready.db")
    before = digest(db)
    code, out, err = run(capsys, "--db", str(db), "bank", "import", str(mini_bank))
    line = one_line_error(err)
    assert code == 1 and out == ""
    assert str(db) in line and "Restore a backup" in line
    assert digest(db) == before


def test_a_text_file_given_as_the_database(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list\n")
    for cmd in (["bank", "list"], ["db", "upgrade"]):
        code, _, err = run(capsys, "--db", str(notes), *cmd)
        assert code == 1 and str(notes) in one_line_error(err)
    assert notes.read_text() == "shopping list\n"


def test_a_read_only_folder(
    capsys: pytest.CaptureFixture[str], mini_bank: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    with read_only(folder):
        code, _, err = run(capsys, "--data-dir", str(folder), "bank", "import", str(mini_bank))
    assert code == 1 and str(folder) in one_line_error(err)


@pytest.mark.parametrize("url", ["foo://bar", "postgresql://u@127.0.0.1:99999/db"])
def test_a_bad_url(capsys: pytest.CaptureFixture[str], url: str) -> None:
    code, _, err = run(capsys, "--db", url, "bank", "list")
    assert code == 1 and one_line_error(err)


def test_the_installed_command_gives_up_on_a_server_that_never_answers(tmp_path: Path) -> None:
    exe = shutil.which("bayready", path=str(Path(sys.executable).parent))
    assert exe is not None
    with silent_server() as port:
        env = {**os.environ, "BAYREADY_DB": f"postgresql://u@127.0.0.1:{port}/db?connect_timeout=2"}
        r = subprocess.run(
            [exe, "--data-dir", str(tmp_path), "bank", "list"],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,  # without a connect timeout this hangs forever
        )
    assert r.returncode == 1 and r.stdout == ""
    line = one_line_error(r.stderr)
    assert f"127.0.0.1:{port}/db" in line and "timeout" in line


def test_a_full_disk(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = tmp_path / "data"
    banks = [
        p for p in sorted((REPO / "question_banks").glob("*.yaml")) if not is_reference_file(p)
    ]
    # room for the first banks (with their Spanish translations) but not for all of them
    with small_disk(data, 2400):
        code, out, err = run(capsys, "--data-dir", str(data), "bank", "import", *map(str, banks))
        listed = run(capsys, "--data-dir", str(data), "bank", "list")
    line = one_line_error(err)
    assert code == 1 and "is full" in line and str(data / "bayready.db") in line
    imported = out.count("added")
    assert 0 < imported < len(banks)  # each file is all or nothing; the ones before it stay
    assert listed[0] == 0 and len(listed[1].splitlines()) == imported
