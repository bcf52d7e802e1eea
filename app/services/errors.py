"""What the ui and cli catch: a user's mistake or a database fault, each one clear message.

`UserError` is the family of mistakes a user can fix (`BankError` with its diagnostics, and the
services' `ProfileError`, `ExamError`, `ReportError`...); `DatabaseError` is a database the user
can act on (locked, full, damaged, newer, unreachable). Anything else is a programming error: it
is logged with its traceback (app/logs.py), never reworded as a one-line message.
"""

from __future__ import annotations

from app.banks.diagnostics import BankError, Diagnostic, Severity
from app.banks.limits import MAX_PRINTED_DIAGNOSTICS
from app.domain.errors import UserError
from app.storage.database import (
    DamagedDatabaseError,
    DatabaseBusyError,
    DatabaseError,
    DatabaseUnreachableError,
    DatabaseWriteError,
    NewerDatabaseError,
)

__all__ = [
    "MAX_PRINTED_DIAGNOSTICS",
    "BankError",
    "DamagedDatabaseError",
    "DatabaseBusyError",
    "DatabaseError",
    "DatabaseUnreachableError",
    "DatabaseWriteError",
    "Diagnostic",
    "NewerDatabaseError",
    "Severity",
    "UserError",
]
