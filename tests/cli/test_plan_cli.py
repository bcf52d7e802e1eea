"""`bayready plan` as text, JSON and a calendar file parsed back by a real iCalendar reader."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest

from app.main import main
from app.paths import AppPaths
from app.services.setup import open_services
from tests.factories import write_bank
from tests.services.test_reports import sit_mock

TEST_IN = timedelta(days=29)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A profile whose test is 29 days after the day the fixture runs (read when it runs, not at
    collection: a suite that crosses midnight must not move the plan under the test)."""
    d = tmp_path / "data"
    svc = open_services(AppPaths(d, f"sqlite:///{d / 'bayready.db'}"))
    svc.banks.import_file(write_bank(tmp_path / "b", "X1", {"A": 4, "B": 2, "C": 2}))
    pid = svc.profiles.create("Ana").profile_id
    sit_mock(svc, pid, "C")
    svc.plans.save_settings(
        pid, "X1", test_date=date.today() + TEST_IN, weekdays=frozenset(range(7)), minutes=30
    )
    svc.close()
    return d


def _run(data_dir: Path, *extra: str) -> int:
    return main(["--data-dir", str(data_dir), "plan", "--profile", "Ana", "--test", "x1", *extra])


def test_plan_ics_file_parses_back(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    assert _run(data_dir, "--format", "ics", "-o", str(out)) == 0
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    events = list(cal.walk("VEVENT"))
    starts = [e.decoded("DTSTART") for e in events]
    today = starts[-1] - TEST_IN  # the fixture's day (the test day is all day)
    assert today in (date.today(), date.today() - timedelta(days=1))
    days = [s.date() for s in starts[:-1]]
    # today may already be done (the mock above), else every day from today to the eve
    assert days[-1] == today + timedelta(days=28)
    assert days == sorted(set(days)) and days[0] in (today, today + timedelta(days=1))
    kinds = [str(e["CATEGORIES"].to_ical(), "utf-8") for e in events[:-1]]  # type: ignore[arg-type]
    assert "MOCK" in kinds and "DRILL" in kinds


def test_plan_json_and_text(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(data_dir, "--format", "json") == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["profile"] == "Ana" and doc["test"] == "X1" and doc["minutes"] == 30
    assert doc["sessions"] and all(s["minutes"] in (30, 60) for s in doc["sessions"])
    assert _run(data_dir) == 0
    text = capsys.readouterr().out
    assert "Ana - X1" in text and "30 min" in text
    assert main(["--data-dir", str(data_dir), "plan", "--profile", "Bo", "--test", "X1"]) == 1
    assert "no profile called 'Bo'" in capsys.readouterr().err


def test_plan_unwritable_output_is_one_message(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(data_dir, "--format", "ics", "-o", str(tmp_path / "nope" / "p.ics")) == 1
    err = capsys.readouterr().err
    assert "does not exist" in err and "Traceback" not in err


def test_installed_command_prints_the_plan(data_dir: Path) -> None:
    bayready = Path(sys.executable).with_name("bayready")
    r = subprocess.run(
        [
            str(bayready),
            "--data-dir",
            str(data_dir),
            "plan",
            "--profile",
            "Ana",
            "--test",
            "X1",
            "--format",
            "ics",
        ],
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(b"BEGIN:VCALENDAR\r\n")
