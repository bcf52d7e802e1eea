"""Exports are safe: CSV cells never start a formula, and a file that cannot be written says so."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from app.banks.limits import MAX_PRINTED_DIAGNOSTICS
from app.services.classroom import class_csv
from app.services.exports import ExportError, safe_cell, write_export
from app.services.reports import report_csv
from app.services.setup import AppServices
from tests.factories import bank_document
from tests.services.test_reports import sit_mock

FORMULAS = ["=1+2", "+1+2", "-1+2", "@SUM(A1:A9)", "\tx", "\rx", '=HYPERLINK("http://x","y")']


def test_safe_cell_follows_owasp() -> None:
    for f in FORMULAS:
        assert safe_cell(f) == "'" + f
    for ok in ("Ana", "", "a=b", "-0.125", "+3", "1e-5", " =spaced", 7, -3.5, None, True):
        assert safe_cell(ok) == ok


def _hostile_bank(tmp_path: Path) -> Path:
    doc = bank_document("X1", {"A": 4, "B": 2, "C": 2}, per_area_factor=3)
    doc["content_areas"][0]["title"] = "=cmd|' /C calc'!A0"
    doc["content_areas"][1]["subareas"][0]["tasks"][0]["text"] = "@SUM(1+1)*cmd|' /C calc'!A0"
    path = tmp_path / "x1.json"
    path.write_text(json.dumps(doc))
    return path


def _runs(cell: str) -> bool:
    """Whether a spreadsheet would read the cell as a formula (plain numbers aside)."""
    return cell[:1] in ("=", "+", "@", "\t", "\r") or (cell[:1] == "-" and "+" in cell)


def _cells(text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(text)) for c in row]


def test_report_and_class_csv_never_start_a_formula(services: AppServices, tmp_path: Path) -> None:
    services.banks.import_file(_hostile_bank(tmp_path))
    names = ["=2+5", "@evil", "-2+3 minus", "+cmd"]
    for n, name in enumerate(names):
        sit_mock(services, services.profiles.create(name).profile_id, "ABC"[n % 3])
    for name in names:
        cells = _cells(report_csv(services.reports.weak_area_report(name, "X1")))
        assert "'" + name in cells
        assert "'=cmd|' /C calc'!A0" in cells and "'@SUM(1+1)*cmd|' /C calc'!A0" in cells
        assert not [c for c in cells if _runs(c)]
    results = services.classroom.class_results("X1")
    cells = _cells(class_csv(results))
    assert {"'" + n for n in names} <= set(cells)
    assert not [c for c in cells if _runs(c)]


def test_write_export_failures_name_the_file_and_the_fix(tmp_path: Path) -> None:
    missing = tmp_path / "no such folder" / "r.csv"
    with pytest.raises(ExportError) as e:
        write_export(missing, "a,b\n")
    assert str(e.value).startswith(f"{missing}: cannot write the report")
    assert "does not exist" in str(e.value)
    blocker = tmp_path / "a file"
    blocker.write_text("x")
    with pytest.raises(ExportError):
        write_export(blocker / "r.csv", b"%PDF")
    with pytest.raises(ExportError) as e:
        write_export(Path("/dev/full"), "x" * 100_000)
    assert "disk is full" in str(e.value)
    write_export(tmp_path / "ok.csv", "a,b\n")
    assert (tmp_path / "ok.csv").read_text() == "a,b\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_write_export_into_a_read_only_folder(tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        with pytest.raises(ExportError) as e:
            write_export(ro / "r.csv", "x")
        assert "choose a folder you can write to" in str(e.value)
    finally:
        ro.chmod(0o700)


def test_there_is_one_export_error_for_a_failed_write_and_a_bank_that_would_not_read_back(
    tmp_path: Path,
) -> None:
    from app.services import formats

    # formats raises the exports class, not a look-alike of its own
    assert getattr(formats, "ExportError", ExportError) is ExportError
    incomplete = ExportError(
        "cannot export Z9 as YAML",
        [f"question q-{i}: no" for i in range(MAX_PRINTED_DIAGNOSTICS + 1)],
    )
    assert isinstance(incomplete, OSError)
    assert str(incomplete).startswith("cannot export Z9 as YAML:\n  question q-0: no\n")
    assert "more problems suppressed" in str(incomplete) and str(incomplete).endswith(
        ExportError.ADVICE
    )
    assert incomplete.short_text().startswith("Cannot export Z9 as YAML:\n\n")
    with pytest.raises(ExportError) as e:
        write_export(tmp_path / "missing" / "r.csv", "x")
    assert e.value.problems == [] and e.value.short_text() == str(e.value)
