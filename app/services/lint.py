"""Bank lint for the CLI (`bayready bank lint`, `bank validate --strict`): the likely giveaways and
thin tasks of a native bank file, and the glossary's avoided terms in its translation sidecars
(or in a sidecar named directly). No Qt."""

from __future__ import annotations

from pathlib import Path

from app.banks.diagnostics import Diagnostic
from app.banks.glossary import glossary_path, read_glossary
from app.banks.lint import lint_file, lint_translation
from app.banks.native import read_bank
from app.banks.translation import (
    is_translation_file,
    read_translation,
    sidecars_of,
    source_of_sidecar,
)
from app.domain.bank import Bank


def lint_diagnostics(path: Path) -> list[Diagnostic]:
    """Lint warnings of a native bank file and its sidecars, or of a sidecar named directly
    (raises BankError when a file does not read)."""
    if is_translation_file(path):
        source = source_of_sidecar(path)
        bank = read_bank(source if source is not None else path)
        return _lint_sidecar(path, bank)
    bank = read_bank(path)
    out = lint_file(path, bank)
    for sidecar in sidecars_of(path):
        out += _lint_sidecar(sidecar, bank)
    return out


def _lint_sidecar(path: Path, bank: Bank) -> list[Diagnostic]:
    from app.paths import shipped_banks_dir

    translation, _warnings = read_translation(path, bank)
    glossary = glossary_path(path.parent, translation.language)
    if not glossary.is_file():  # a bank outside the shipped folder uses the shipped glossary
        glossary = glossary_path(shipped_banks_dir(), translation.language)
    if not glossary.is_file():
        return []
    return lint_translation(path, translation, read_glossary(glossary))
