"""The native bank format, version 1 (YAML for hand authoring, JSON accepted).

`read_bank(path)` parses and validates a file and returns a `domain.bank.Bank` or raises `BankError`
with every problem found, each pinned to file, line and column. `validate_file(path)` returns the
diagnostics without raising. See docs/bank-format.md.

The package: schema (format constants), loader (text -> plain data), locator (path -> line and
column), validator (plain data -> diagnostics), builder (plain data -> Bank), reader (the entry
points), writer (Bank -> YAML or JSON).
"""

from __future__ import annotations

from app.banks.native.builder import build_bank
from app.banks.native.reader import parse, read_bank, validate_file
from app.banks.native.schema import (
    EXHIBIT_SUFFIXES,
    FORMAT,
    FORMAT_VERSION,
    LIMITS,
    MAX_FILE_BYTES,
)
from app.banks.native.writer import bank_to_plain, dump_json, dump_yaml

__all__ = [
    "EXHIBIT_SUFFIXES",
    "FORMAT",
    "FORMAT_VERSION",
    "LIMITS",
    "MAX_FILE_BYTES",
    "bank_to_plain",
    "build_bank",
    "dump_json",
    "dump_yaml",
    "parse",
    "read_bank",
    "validate_file",
]
