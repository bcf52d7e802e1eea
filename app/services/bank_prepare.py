"""Reading a bank file into a PreparedBank: parsed, validated, exhibits read, checksummed.

Everything an import does before its transaction opens, so a bad file never holds the database.
No Qt, no SQL.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from app.banks.diagnostics import BankError, Diagnostic, Severity
from app.banks.exhibits import ExhibitError, read_exhibit
from app.banks.stored import booklet_exhibits
from app.domain.bank import Bank
from app.domain.translation import BankTranslation
from app.services.bank_views import PreparedBank


def prepare_native(path: Path) -> PreparedBank:
    """Read and validate a native bank; raises BankError with every problem."""
    from app.banks.native import read_bank

    warnings: list[Diagnostic] = []
    bank = read_bank(path, on_warning=warnings.append)
    prepared = prepared_from_bank(bank, path, "native", (), tuple(warnings))
    prepared.translations = read_sidecars(bank, path, prepared)
    return prepared


def read_sidecars(bank: Bank, path: Path, prepared: PreparedBank) -> tuple[BankTranslation, ...]:
    """The bank's translation sidecars, each checked against it; raises BankError with every
    problem of every sidecar (a bank is imported with its translations or not at all)."""
    from app.banks.translation import read_translation, sidecars_of

    found: list[BankTranslation] = []
    errors: list[Diagnostic] = []
    for sidecar in sidecars_of(path):
        try:
            translation, warnings = read_translation(sidecar, bank)
        except BankError as e:
            errors += e.diagnostics
            continue
        found.append(translation)
        prepared.warnings = (*prepared.warnings, *warnings)
    if errors:
        raise BankError(errors)
    return tuple(found)


def prepared_from_bank(
    bank: Bank,
    path: Path,
    fmt: str,
    skipped: tuple[Diagnostic, ...],
    warnings: tuple[Diagnostic, ...],
) -> PreparedBank:
    digest = hashlib.sha256(path.read_bytes())
    exhibits: dict[str, bytes] = dict(bank.exhibit_files)
    for q in bank.questions:
        if q.exhibit and q.exhibit not in exhibits:
            try:  # capped and cleaned: the database never holds a 300 MB blob or a live SVG
                exhibits[q.exhibit] = read_exhibit(path.parent / q.exhibit, q.exhibit)
            except ExhibitError as e:
                raise BankError([Diagnostic(str(path), 1, 1, Severity.ERROR, str(e))]) from None
    exhibits.update(booklet_exhibits(bank, path))
    if bank.reference is not None:  # a booklet in its own file changes without the bank's bytes
        digest.update(repr(bank.reference).encode())
    for name in sorted(exhibits):
        digest.update(name.encode())
        digest.update(exhibits[name])
    # a native bank is the test's own bank whatever its file is called (export -> import is a
    # no-op); other formats are named after their file so several can feed one test
    name = bank.test.code if fmt == "native" else path.stem
    return PreparedBank(
        bank=bank,
        name=name,
        source_format=fmt,
        checksum=digest.hexdigest(),
        exhibits=exhibits,
        skipped=skipped,
        warnings=warnings,
    )
