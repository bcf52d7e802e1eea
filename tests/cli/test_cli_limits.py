"""`bayready bank ...` on files with nothing to import, too many problems, bad names, and
exports that must read back (issue 12). In-process, on real SQLite files built by migrations."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.banks.limits import MAX_PRINTED_DIAGNOSTICS
from app.main import main

HEADER = "id,task,style,stem,choice_a,choice_b,choice_c,choice_d,key,explanation"
FULL_HEADER = HEADER + ",rationale_a,rationale_b,rationale_c,rationale_d"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(capsys: pytest.CaptureFixture[str], mini_bank: Path, tmp_path: Path) -> list[str]:
    d = ["--data-dir", str(tmp_path / "data")]
    assert run(capsys, *d, "bank", "import", str(mini_bank))[0] == 0
    return d


def _banks(capsys: pytest.CaptureFixture[str], d: list[str]) -> list[str]:
    return run(capsys, *d, "bank", "list", "--json")[1].splitlines()


def test_file_with_nothing_importable_exits_1_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], data: list[str], tmp_path: Path
) -> None:
    f = tmp_path / "essays.gift"
    f.write_text("::e1:: Explain brake fade. {}\n\n::e2:: Describe ABS. {}\n")
    before = _banks(capsys, data)
    code, out, err = run(capsys, *data, "bank", "import", "--test", "Z9", str(f))
    assert code == 1 and out == ""
    assert f"{f}:1:1: warning: skipped: essay question 'e1'" in err
    assert f"{f}:1:1: error: nothing to import: the file holds no question BayReady can take" in err
    assert "(2 skipped, listed with their lines)" in err
    assert "nothing was imported" in err
    assert _banks(capsys, data) == before  # no empty bank
    code, _, err = run(capsys, *data, "bank", "validate", "--test", "Z9", str(f))
    assert code == 1 and "nothing to import" in err


def test_printed_problems_are_capped_with_a_count(
    capsys: pytest.CaptureFixture[str], data: list[str], tmp_path: Path
) -> None:
    f = tmp_path / "bad.csv"
    rows = "".join(f",Z9.A.1.1,direct,Stem {i},x,y,,,Q,\n" for i in range(120))
    f.write_text(HEADER + "\n" + rows)
    code, _, err = run(capsys, *data, "bank", "import", "--test", "Z9", str(f))
    lines = err.splitlines()
    assert code == 1
    assert len([line for line in lines if ": error: " in line]) == MAX_PRINTED_DIAGNOSTICS
    assert f"... and {120 - MAX_PRINTED_DIAGNOSTICS} more problems suppressed" in lines
    assert lines[0].startswith(f"{f}:2:9: error: row 2, column key (I): key 'Q'")


def test_too_long_file_name_is_one_message(
    capsys: pytest.CaptureFixture[str], data: list[str], tmp_path: Path
) -> None:
    name = tmp_path / ("x" * 300 + ".yaml")
    code, _, err = run(capsys, *data, "bank", "import", str(name))
    assert code == 1 and "the file name is too long for this system" in err
    assert "Traceback" not in err
    code, _, err = run(capsys, *data, "bank", "validate", "--test", "Z9", str(name) + ".csv")
    assert code == 1 and "the file name is too long" in err


def test_export_refuses_what_would_not_validate_and_says_what_is_missing(
    capsys: pytest.CaptureFixture[str], data: list[str], tmp_path: Path
) -> None:
    f = tmp_path / "quick.csv"
    f.write_text(
        HEADER + "\n"
        "quick-1,Z9.A.1.1,direct,Which gauge reads vacuum?,A manometer,A pyrometer,,,A,\n"
        "quick-2,Z9.B.1.1,direct,Which tool checks runout?,A dial indicator,A ruler,"
        "A feeler gauge,A mirror,A,Runout is measured with a dial indicator.\n"
    )
    assert run(capsys, *data, "bank", "import", "--test", "Z9", str(f))[0] == 0
    out = tmp_path / "exp" / "z9.yaml"
    code, stdout, err = run(capsys, *data, "bank", "export", "Z9", "-o", str(out))
    assert code == 1 and stdout == "" and not out.exists()
    assert "cannot export Z9 as YAML: 2 question(s) lack what a BayReady bank file needs" in err
    assert "question quick-1: has 2 choices; it needs exactly 4" in err
    assert "question quick-1: explanation" in err or "question quick-1: missing" in err
    assert "question quick-2 choice A rationale" in err
    assert "export as Moodle XML (--format moodle)" in err
    xml = tmp_path / "exp" / "z9.xml"
    code, stdout, _ = run(
        capsys, *data, "bank", "export", "Z9", "--format", "moodle", "-o", str(xml)
    )
    assert code == 0 and xml.exists()


def test_export_of_complete_csv_questions_round_trips(
    capsys: pytest.CaptureFixture[str], data: list[str], tmp_path: Path
) -> None:
    f = tmp_path / "full.csv"
    f.write_text(
        FULL_HEADER + "\n"
        "full-1,Z9.A.1.1,direct,Which tool checks runout?,A dial indicator,A ruler,"
        "A feeler gauge,A mirror,A,Runout is measured with a dial indicator.,"
        "Right.,Too coarse.,Measures gaps.,Shows nothing.\n"
    )
    assert run(capsys, *data, "bank", "import", "--test", "Z9", str(f))[0] == 0
    for fmt in ("yaml", "json"):
        out = tmp_path / "exp" / f"z9.{fmt}"
        code, stdout, err = run(
            capsys, *data, "bank", "export", "Z9", "--format", fmt, "-o", str(out)
        )
        assert code == 0, err
        code, stdout, err = run(capsys, "bank", "validate", str(out))
        assert code == 0 and "ok - Z9 Sample Test, 9 questions" in stdout, err
