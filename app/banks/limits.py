"""The caps every bank reader enforces, in one place (documented in docs/bank-format.md).

A file past a cap is refused with one message naming the file, the line where the cap was passed
and what to do - never read on until memory or patience runs out. Stdlib only.
"""

from __future__ import annotations

MB = 1_048_576
# file sizes: checked with stat() before the file is opened, and again while it is read
MAX_NATIVE_FILE_BYTES = 64 * MB
MAX_FOREIGN_FILE_BYTES = 32 * MB
# questions in one file (native or foreign); the largest shipped bank has a few hundred
MAX_QUESTIONS = 50_000
# rows of a CSV or XLSX file (blank rows count) and columns (the template has 16)
MAX_ROWS = 100_000
MAX_COLUMNS = 64
# answers (options) of one question in a foreign file; BayReady shows at most 4
MAX_OPTIONS = 26
# characters in one text field of a foreign file, before its markup is cleaned
MAX_FIELD_CHARS = 20_000
# problems printed for one file; the rest are counted ("... and K more problems suppressed")
MAX_PRINTED_DIAGNOSTICS = 50


def column_letters(number: int) -> str:
    """Spreadsheet column name for a 1-based column number (1 -> A, 27 -> AA), for any number
    (openpyxl's own stops at 18,278, XFD)."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters or "A"
