"""Every test BayReady knows, loaded or not: the structures (areas, tasks) of the shipped banks.

A foreign file (GIFT, Aiken, Moodle XML, spreadsheet) has no test of its own; with these it can be
mapped onto, say, A5 even before the native A5 bank is imported. No Qt.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from app.banks.diagnostics import BankError
from app.domain.bank import Bank

NATIVE = (".yaml", ".yml", ".json")


@lru_cache(maxsize=4)
def shipped_structures(folder: Path) -> dict[str, Bank]:
    """Test code -> its structure without questions, for every valid bank file in `folder`."""
    from app.services.banks import prepare_native

    out: dict[str, Bank] = {}
    if not folder.is_dir():
        return out
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in NATIVE:
            continue
        try:
            bank = prepare_native(path).bank
        except (BankError, OSError):
            continue  # a broken shipped file is reported by the start-up import, not here
        out.setdefault(
            bank.test.code, Bank(test=bank.test, content_areas=bank.content_areas, questions=())
        )
    return out
