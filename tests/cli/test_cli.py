"""The CLI's exit codes and output (in-process), plus the installed command end to end."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.main import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_ok_and_invalid(capsys: pytest.CaptureFixture[str], mini_bank: Path) -> None:
    code, out, err = run(capsys, "bank", "validate", str(mini_bank))
    assert code == 0 and "ok - Z9 Sample Test, 8 questions" in out and err == ""
    mini_bank.write_text(mini_bank.read_text().replace("task: Z9.B.1.1\n", "task: Z9.B.1.5\n", 1))
    code, out, err = run(capsys, "bank", "validate", str(mini_bank))
    assert code == 1 and out == ""
    assert err.startswith(f"{mini_bank}:") and "task code 'Z9.B.1.5' is not in the task list" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "bank")[0] == 2
    assert run(capsys, "bank", "frobnicate")[0] == 2
    assert run(capsys, "--no-such-option")[0] == 2


def test_import_list_export_cycle(
    capsys: pytest.CaptureFixture[str], mini_bank: Path, tmp_path: Path
) -> None:
    d = ["--data-dir", str(tmp_path / "data")]
    code, out, _ = run(capsys, *d, "bank", "import", str(mini_bank))
    assert code == 0 and "added 8" in out
    code, out, _ = run(capsys, *d, "bank", "import", str(mini_bank))
    assert code == 0 and "added 0, updated 0, retired 0, left 8 unchanged" in out
    code, out, _ = run(capsys, "bank", "list", "--json", *d)  # global option after the command
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["test"], r["questions"]) for r in rows] == [("Z9", 8)]
    target = tmp_path / "exp" / "z9.yaml"
    code, out, _ = run(capsys, *d, "bank", "export", "Z9", "--format", "yaml", "-o", str(target))
    assert code == 0 and (target.parent / "exhibits" / "circuit.svg").exists()
    code, out, _ = run(capsys, *d, "bank", "import", str(target))
    assert "added 0, updated 0, retired 0, left 8 unchanged" in out
    code, _, err = run(capsys, *d, "bank", "export", "NOPE", "-o", str(target))
    assert code == 1 and "no test 'NOPE' is loaded" in err


def test_import_bad_file_imports_nothing(
    capsys: pytest.CaptureFixture[str], mini_bank: Path, tmp_path: Path
) -> None:
    d = ["--data-dir", str(tmp_path / "data")]
    bad = mini_bank.with_name("bad.yaml")
    bad.write_text(mini_bank.read_text().replace("difficulty: 2", "difficulty: 9", 1))
    code, out, err = run(capsys, *d, "bank", "import", str(mini_bank), str(bad))
    assert code == 1 and "nothing was imported" in err and out == ""
    code, out, _ = run(capsys, *d, "bank", "list")
    assert "no banks loaded" in out


def test_db_path_and_upgrade(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "db", "path")
    assert code == 0 and out.strip() == str(tmp_path / "bayready.db")
    monkeypatch.setenv("BAYREADY_DB", str(tmp_path / "env.db"))
    assert run(capsys, "db", "path")[1].strip() == str(tmp_path / "env.db")
    code, out, _ = run(capsys, "--db", f"sqlite:///{tmp_path / 'x.db'}", "db", "upgrade")
    assert code == 0 and "upgraded to" in out
    code, out, _ = run(capsys, "--db", f"sqlite:///{tmp_path / 'x.db'}", "db", "upgrade")
    assert "already at" in out


def test_cli_imports_no_qt(mini_bank: Path, tmp_path: Path) -> None:
    code = (
        "import sys; from app.main import main; "
        f"rc = main(['--data-dir', {str(tmp_path)!r}, 'bank', 'import', {str(mini_bank)!r}]); "
        "assert rc == 0; assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


def test_installed_command_end_to_end(mini_bank: Path, tmp_path: Path) -> None:
    exe = shutil.which("bayready", path=str(Path(sys.executable).parent))
    assert exe, "the bayready console script is installed"
    env = {**os.environ, "BAYREADY_SHIPPED_BANKS": str(mini_bank.parent)}
    d = ["--data-dir", str(tmp_path / "e2e")]
    r = subprocess.run(
        [exe, *d, "bank", "import", str(mini_bank)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    r = subprocess.run(
        [exe, *d, "--smoke-test"], capture_output=True, text=True, env=env, timeout=120
    )
    assert r.returncode == 0, r.stderr
    assert "smoke-test: first_paint=" in r.stdout and "tests=1" in r.stdout
    r = subprocess.run(
        [sys.executable, "-m", "app", *d, "bank", "list"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0 and "Z9" in r.stdout


def test_foreign_import_dry_run_and_map(
    capsys: pytest.CaptureFixture[str], mini_bank: Path, tmp_path: Path
) -> None:
    d = ["--data-dir", str(tmp_path / "data")]
    assert run(capsys, *d, "bank", "import", str(mini_bank))[0] == 0
    conf = Path(__file__).resolve().parents[1] / "data" / "conformance" / "moodle"
    code, out, err = run(
        capsys, *d, "bank", "import", str(conf / "questions.gift.txt"), "--dry-run", "--test", "Z9"
    )
    assert code == 1 and "would add 0" in out and "need a task" in out
    assert "skipped: essay question 'Q8'" in err
    mapping = tmp_path / "map.csv"
    mapping.write_text("category,task\n*,Z9.A.1.1\n")
    code, out, _ = run(
        capsys,
        *d,
        "bank",
        "import",
        str(conf / "questions.gift.txt"),
        "--dry-run",
        "--test",
        "Z9",
        "--map",
        str(mapping),
    )
    assert code == 0 and "would add 3" in out
    # one tense throughout: nothing happened in a dry run
    assert ", update 0, retire 0, leave 0 unchanged, skip 6 (dry run: nothing was written)" in out
    assert "updated" not in out and "retired" not in out and "skipped " not in out
    code, out, _ = run(capsys, *d, "bank", "list", "--json")
    assert len(out.splitlines()) == 1  # the dry run wrote nothing
    code, _, err = run(capsys, *d, "bank", "import", str(conf / "questions.gift.txt"))
    assert code == 1 and "--test CODE" in err


def test_hostile_xml_refused_quickly(
    capsys: pytest.CaptureFixture[str], mini_bank: Path, tmp_path: Path
) -> None:
    import time

    d = ["--data-dir", str(tmp_path / "data")]
    run(capsys, *d, "bank", "import", str(mini_bank))
    foreign = Path(__file__).resolve().parents[1] / "data" / "foreign"
    for name in ("billion-laughs.xml", "external-entity.xml"):
        t0 = time.perf_counter()
        code, _out, err = run(capsys, *d, "bank", "import", str(foreign / name), "--test", "Z9")
        assert code == 1 and time.perf_counter() - t0 < 5
        assert f"{name}:" in err and "nothing was imported" in err


def test_bank_lint_and_validate_strict(capsys: pytest.CaptureFixture[str], mini_bank: Path) -> None:
    code, out, err = run(capsys, "bank", "lint", str(mini_bank))
    assert code == 0 and "short-task 3" in out
    assert f"{mini_bank}:" in err and "warning: task Z9.A.1.1 has" in err
    assert run(capsys, "bank", "lint", "--strict", str(mini_bank))[0] == 1
    code, out, err = run(capsys, "bank", "validate", "--strict", str(mini_bank))
    assert code == 1 and "[short-task]" in err
    assert run(capsys, "bank", "validate", str(mini_bank))[0] == 0


def test_export_keeps_enemies_and_the_booklet(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from app.banks.native import read_bank
    from tests.factories import booklet_bank

    src = booklet_bank(tmp_path / "src")
    doc = json.loads(src.read_text())
    doc["questions"][0]["enemies"] = ["L9-00002"]
    doc["test"]["recert"] = {"scored_count": 2, "minutes": 9}
    src.write_text(json.dumps(doc))
    d = ["--data-dir", str(tmp_path / "data")]
    assert run(capsys, *d, "bank", "import", str(src))[0] == 0
    target = tmp_path / "exp" / "l9.yaml"
    code, _out, err = run(capsys, *d, "bank", "export", "L9", "--format", "yaml", "-o", str(target))
    assert code == 0, err
    again, first = read_bank(target), read_bank(src)
    assert again.questions[0].enemies == ("L9-00002",)
    assert again.questions[1].reference == ("S2", "S3")
    assert again.reference == first.reference
    assert (again.test.recert_scored_count, again.test.recert_minutes) == (2, 9)
