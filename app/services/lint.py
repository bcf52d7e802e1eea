"""Bank lint for the CLI (`bayready bank lint`, `bank validate --strict`): the likely giveaways and
thin tasks of a native bank file. No Qt."""

from __future__ import annotations

from pathlib import Path

from app.banks.diagnostics import Diagnostic
from app.banks.lint import lint_file
from app.banks.native import read_bank


def lint_diagnostics(path: Path) -> list[Diagnostic]:
    """Lint warnings of a native bank file (raises BankError when it does not read)."""
    return lint_file(path, read_bank(path))
