"""`bayready report` in json, csv and pdf, for one learner and for the class."""

from __future__ import annotations

import csv
import io
import json
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
    for name, weak in (("Ana", "C"), ("Bo", "A")):
        sit_mock(svc, svc.profiles.create(name).profile_id, weak)
    svc.close()
    return d


def test_report_json_and_csv(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(data_dir), "report", "--profile", "Ana", "--test", "x1"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["profile"] == "Ana" and doc["test"] == "X1" and len(doc["areas"]) == 3
    assert (
        main(
            [
                "--data-dir",
                str(data_dir),
                "report",
                "--profile",
                "Ana",
                "--test",
                "X1",
                "--format",
                "csv",
            ]
        )
        == 0
    )
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["level"] == "area"
    assert main(["--data-dir", str(data_dir), "report", "--profile", "Nobody", "--test", "X1"]) == 1
    assert "no profile called 'Nobody'" in capsys.readouterr().err


def test_class_report_csv(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "class.csv"
    assert (
        main(
            [
                "--data-dir",
                str(data_dir),
                "report",
                "--all-profiles",
                "--test",
                "X1",
                "--format",
                "csv",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    lines = out.read_text().splitlines()
    assert lines[0] == (
        "profile,test,mocks,last_percent,best_percent,answered,area_A_percent,"
        "area_B_percent,area_C_percent"
    )
    assert lines[1].startswith("Ana,X1,1,75.0,75.0,8,100.0,100.0,0.0")
    assert any(line.startswith("question,task,responses,facility") for line in lines)


def test_report_pdf_from_the_command_line(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "ana.pdf"
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "--data-dir",
            str(data_dir),
            "report",
            "--profile",
            "Ana",
            "--test",
            "X1",
            "--format",
            "pdf",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert r.returncode == 0, r.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_a_pdf_report_for_a_spanish_profile_says_so_in_spanish(
    data_dir: Path, tmp_path: Path
) -> None:
    """The PDF follows the profile's language, and so does the command's own message."""
    import os

    from app.domain.i18n import Language
    from app.services.setup import open_services

    svc = open_services(AppPaths(data_dir, f"sqlite:///{data_dir / 'bayready.db'}"), FakeNow())
    svc.profiles.set_language(svc.profiles.find("Ana").profile_id, Language.SPANISH)
    svc.close()
    out = tmp_path / "ana.pdf"
    env = {k: v for k, v in os.environ.items() if k != "BAYREADY_LANG"}
    argv = ["--data-dir", str(data_dir), "report", "--profile", "Ana", "--test", "X1"]
    r = subprocess.run(
        [sys.executable, "-m", "app", *argv, "--format", "pdf", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**env, "QT_QPA_PLATFORM": "offscreen", "LC_ALL": "en_US.UTF-8"},
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"se escribió {out}"
    assert out.read_bytes().startswith(b"%PDF")
