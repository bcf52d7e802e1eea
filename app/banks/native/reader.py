"""Reading a native bank file: load, validate, build - the public entry points."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from app.banks.diagnostics import BankError, Diagnostic, sort_diagnostics
from app.banks.gc_pause import collector_paused
from app.banks.native.builder import build_bank
from app.banks.native.loader import load_data, read_text
from app.banks.native.validator import Checker
from app.domain.bank import Bank


def parse(
    path: Path, text: str, choice_counts: Iterable[int] = (4,), *, build: bool = True
) -> tuple[Bank | None, list[Diagnostic]]:
    """Parse and validate text as a native bank; a Bank only when there are no errors (and
    `build` is set - validation alone does not need one)."""
    with collector_paused():  # a big bank is a burst of allocations, none of them garbage
        return _parse(path, text, choice_counts, build=build)


def _parse(
    path: Path, text: str, choice_counts: Iterable[int], *, build: bool
) -> tuple[Bank | None, list[Diagnostic]]:
    data, diags = load_data(path, text)
    if diags:
        return None, diags
    checker = Checker(path, text, data, choice_counts)
    checker.run()
    diags = sort_diagnostics(checker.out)
    if any(d.is_error for d in diags) or not build:
        return None, diags
    return build_bank(data, source=str(path), reference=checker.reference), diags


def validate_file(path: Path) -> list[Diagnostic]:
    text, diags = read_text(path)
    if text is None:
        return diags
    return parse(path, text, build=False)[1]


def read_bank(path: Path, on_warning: Callable[[Diagnostic], None] | None = None) -> Bank:
    text, diags = read_text(path)
    if text is None:
        raise BankError(diags)
    bank, diags = parse(path, text)
    if bank is None:
        raise BankError(diags)
    if on_warning:
        for d in diags:
            on_warning(d)
    return bank
