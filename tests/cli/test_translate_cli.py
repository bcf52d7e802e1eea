"""`bayready bank translate`, and `bank validate` / `bank lint` on banks with sidecars."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from app.banks.translation_writer import dump
from tests.banks.test_translation import translate_all
from tests.cli.test_cli import run
from tests.factories import write_bank


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    return write_bank(tmp_path / "b", "X1", {"A": 2, "B": 1}, per_area_factor=2)


def test_translate_writes_a_skeleton_that_validates(
    capsys: pytest.CaptureFixture[str], bank: Path
) -> None:
    code, out, err = run(capsys, "bank", "translate", str(bank), "--lang", "es")
    sidecar = bank.with_name("x1.es.yaml")
    assert code == 0 and err == ""
    assert out == f"{sidecar}: 0 questions translated, 6 to translate (marked todo: true)\n"
    code, out, err = run(capsys, "bank", "validate", str(sidecar), str(bank))
    assert code == 0 and err == ""
    assert f"{sidecar}: ok - es translation of x1.json, 0 of 6 questions translated" in out
    assert f"{bank}: ok - X1 Test X1, 6 questions, 4 tasks, es: 0 translated" in out
    translate_all(bank)
    code, out, _ = run(capsys, "bank", "translate", str(bank), "--lang", "es")
    assert "6 questions translated, 0 to translate" in out


def test_validate_reports_a_bad_sidecar_with_file_and_line(
    capsys: pytest.CaptureFixture[str], bank: Path
) -> None:
    sidecar = translate_all(bank)
    data = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
    data["questions"][0]["choices"]["B"]["correct"] = False  # X1-00001's key is B
    sidecar.write_text(dump(data), encoding="utf-8")
    line = next(
        n
        for n, text in enumerate(sidecar.read_text(encoding="utf-8").splitlines(), 1)
        if "correct: false" in text
    )
    for target in (sidecar, bank):  # named directly, or found beside its bank
        code, out, err = run(capsys, "bank", "validate", str(target))
        assert code == 1 and out == ""
        assert err.startswith(f"{sidecar}:{line}:")
        assert "a translation never changes the key" in err


def test_a_sidecar_without_its_bank_is_one_clear_error(
    capsys: pytest.CaptureFixture[str], bank: Path, tmp_path: Path
) -> None:
    sidecar = translate_all(bank)
    lone = tmp_path / "alone" / "x1.es.yaml"
    lone.parent.mkdir()
    shutil.copy(sidecar, lone)
    code, _out, err = run(capsys, "bank", "validate", str(lone))
    assert code == 1 and err.startswith(f"{lone}:1:1: error:")
    assert "must sit beside its English bank" in err


def test_a_stale_translation_warns_and_strict_fails(
    capsys: pytest.CaptureFixture[str], bank: Path
) -> None:
    translate_all(bank)
    bank.write_text(bank.read_text().replace("Item 3: which", "Item 3: now, which"))
    code, out, err = run(capsys, "bank", "validate", str(bank))
    assert code == 0 and "ok - X1" in out
    assert "warning: question X1-00003: translated from an older English text" in err
    code, _out, _err = run(capsys, "bank", "validate", "--strict", str(bank))
    assert code == 1


def test_installed_command_translates(bank: Path) -> None:
    exe = shutil.which("bayready", path=str(Path(sys.executable).parent))
    assert exe
    r = subprocess.run(
        [exe, "bank", "translate", str(bank), "--lang", "es"],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert bank.with_name("x1.es.yaml").is_file()
