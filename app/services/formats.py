"""Pick the reader for a bank file by its suffix and turn it into a PreparedBank."""

from __future__ import annotations

from pathlib import Path

from app.banks.diagnostics import BankError, Diagnostic, Severity
from app.services.banks import PreparedBank, prepare_native

NATIVE_SUFFIXES = (".yaml", ".yml", ".json")


def prepare_file(
    path: Path, *, test_code: str | None = None, mapping_file: Path | None = None
) -> PreparedBank:
    suffix = path.suffix.lower()
    if not path.exists():
        raise BankError(
            [Diagnostic(str(path), 1, 1, Severity.ERROR, "file not found; check the path")]
        )
    if suffix in NATIVE_SUFFIXES:
        return prepare_native(path)
    raise BankError(
        [
            Diagnostic(
                str(path),
                1,
                1,
                Severity.ERROR,
                f"unknown bank file type '{suffix}'; use .yaml, .yml or .json",
            )
        ]
    )
