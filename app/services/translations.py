"""Translation sidecars for the CLI: write a skeleton, validate a sidecar named directly. No Qt."""

from __future__ import annotations

from pathlib import Path

from app.banks.diagnostics import BankError, Diagnostic, Severity
from app.banks.translation import is_translation_file
from app.domain.translation import BankTranslation

__all__ = ["check_sidecar", "is_translation_file", "write_sidecar"]


def write_sidecar(bank_path: Path, language: str) -> tuple[Path, int, int]:
    """Write or refresh `<bank>.<language>.yaml`; returns its path, items done and items to do.
    Raises BankError when the bank (or an existing sidecar) does not read."""
    from app.banks.native import read_bank
    from app.banks.translation_writer import write_skeleton

    bank = read_bank(bank_path)
    try:
        return write_skeleton(bank, bank_path, language)
    except OSError as e:
        raise BankError(
            [
                Diagnostic(
                    str(bank_path),
                    1,
                    1,
                    Severity.ERROR,
                    f"cannot write the translation beside the bank ({e.strerror}); check the "
                    "folder is writable and the disk is not full",
                )
            ]
        ) from None


def check_sidecar(path: Path) -> tuple[BankTranslation, list[Diagnostic], int]:
    """Validate a sidecar named directly, against the English bank its name points to.
    Returns the translation, its warnings and the English bank's question count."""
    from app.banks.native import read_bank
    from app.banks.translation import read_translation, source_of_sidecar

    source = source_of_sidecar(path)
    if source is None or not source.is_file():
        raise BankError(
            [
                Diagnostic(
                    str(path),
                    1,
                    1,
                    Severity.ERROR,
                    "a translation must sit beside its English bank and be named "
                    "<bank>.<lang>.yaml (e.g. a5-brakes.es.yaml beside a5-brakes.yaml)",
                )
            ]
        )
    bank = read_bank(source)
    translation, warnings = read_translation(path, bank)
    return translation, warnings, len(bank.questions)
