"""First run from the command line loads the shipped banks, as the GUI's first start does."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.main import main
from app.resources import shipped_banks_dir

QUIZ = """\
$CATEGORY: $course$/Brakes/A5.A.2.1

::BRK-1:: A test strip shows high copper in the brake fluid. What is needed?{
\t=Flush and refill the system
\t~Top up with DOT 5
\t~Add a conditioner
\t~Nothing
}

::BRK-2:: DOT 5 brake fluid is silicone based.{TRUE}
"""


def test_instructor_first_command_finds_the_shipped_test(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BAYREADY_SHIPPED_BANKS")
    quiz = tmp_path / "quiz.gift"
    quiz.write_text(QUIZ, encoding="utf-8")
    d = ["--data-dir", str(tmp_path / "fresh")]

    assert main([*d, "bank", "import", str(quiz), "--test", "A5"]) == 0
    out, err = capsys.readouterr()
    shipped = [  # not L1's booklet and its question map
        p
        for p in sorted(shipped_banks_dir().glob("*.yaml"))
        if "bayready-reference" not in p.read_text()[:400]
    ]
    assert f"first run: loaded {len(shipped)} shipped question banks" in err
    assert "no test" not in err

    assert main([*d, "bank", "list", "--json"]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == len(shipped) + 1  # the shipped banks and the quiz
    assert "first run" not in err  # only once


def test_shipped_bank_that_fails_is_reported_not_fatal(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    mini_bank: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    broken = mini_bank.parent / "broken.yaml"
    broken.write_text("format_version: 1\ntest: [not, a, mapping]\n", encoding="utf-8")
    monkeypatch.setenv("BAYREADY_SHIPPED_BANKS", str(mini_bank.parent))
    assert main(["--data-dir", str(tmp_path / "fresh"), "bank", "list"]) == 0
    out, err = capsys.readouterr()
    assert "first run: loaded 1 shipped question banks" in err
    assert "warning: shipped bank not loaded:" in err and "broken.yaml" in err
    assert out.startswith("Z9 ")
