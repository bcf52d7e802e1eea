"""`bayready report -o FILE` into a missing folder or onto a full disk fails loudly (exit 1)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.main import main
from app.paths import AppPaths
from tests.conftest import FakeNow
from tests.factories import write_bank
from tests.services.test_reports import sit_mock


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    from app.services.setup import open_services

    d = tmp_path / "data"
    svc = open_services(AppPaths(d, f"sqlite:///{d / 'bayready.db'}"), FakeNow())
    svc.banks.import_file(write_bank(tmp_path / "b", "X1", {"A": 4, "B": 2, "C": 2}))
    sit_mock(svc, svc.profiles.create("Ana").profile_id, "C")
    svc.close()
    return d


def _report(data_dir: Path, fmt: str, out: Path, *who: str) -> list[str]:
    return [
        "--data-dir",
        str(data_dir),
        "report",
        *who,
        "--test",
        "X1",
        "--format",
        fmt,
        "-o",
        str(out),
    ]


@pytest.mark.parametrize("who", [("--profile", "Ana"), ("--all-profiles",)])
def test_csv_to_a_missing_folder_or_full_disk_exits_1(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], who: tuple[str, ...]
) -> None:
    missing = tmp_path / "gone" / "r.csv"
    assert main(_report(data_dir, "csv", missing, *who)) == 1
    out, err = capsys.readouterr()
    assert "wrote" not in out
    assert f"error: {missing}: cannot write the report" in err and "does not exist" in err
    assert not missing.parent.exists()
    assert main(_report(data_dir, "csv", Path("/dev/full"), *who)) == 1
    out, err = capsys.readouterr()
    assert "wrote" not in out and "disk is full" in err
    assert main(_report(data_dir, "json", tmp_path / "ok.json", *who)) == 0


def test_pdf_to_a_missing_folder_or_full_disk_exits_1(data_dir: Path, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for target, why in (
        (tmp_path / "gone" / "r.pdf", "does not exist"),
        (Path("/dev/full"), "disk is full"),
    ):
        r = subprocess.run(
            [sys.executable, "-m", "app", *_report(data_dir, "pdf", target, "--profile", "Ana")],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )
        assert r.returncode == 1, (r.stdout, r.stderr)
        assert "wrote" not in r.stdout
        assert r.stderr.startswith(f"error: {target}: cannot write the report: ")
        assert why in r.stderr and "Traceback" not in r.stderr
