"""Files the app writes for people (report and class-results CSV, the PDF report).

`write_export` writes one and turns a missing folder, a read-only folder or a full disk into one
`ExportError` naming the file and the fix (the caller exits 1 or shows an error, never "Saved").

CSV cells are safe to open in a spreadsheet.
A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is read by Excel, LibreOffice
and Google Sheets as a formula, so a profile named `=HYPERLINK(...)` or a bank title could run one
on an instructor's machine. Following OWASP's CSV-injection guidance every such text cell is
prefixed with a single quote. Numbers the app formats itself (`-0.125`) are left as numbers.
Every CSV writer goes through `csv_writer`. No Qt, no storage imports.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

from app.banks.limits import MAX_PRINTED_DIAGNOSTICS
from app.domain.errors import UserError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


class _Writer(Protocol):
    def writerow(self, row: Iterable[Any], /) -> Any: ...


def safe_cell(value: object) -> object:
    """The value as it may appear in a CSV cell: text that a spreadsheet would run is quoted."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


class SafeCsvWriter:
    """`csv.writer` whose every row goes through `safe_cell`."""

    def __init__(self, stream: Any) -> None:
        self._writer: _Writer = csv.writer(stream)

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([safe_cell(v) for v in row])


def csv_writer(stream: Any) -> SafeCsvWriter:
    return SafeCsvWriter(stream)


class ExportError(UserError, OSError):
    """The one export failure: a file was not written, and str() is the whole message to show.

    Raised by `write_export` (a missing or read-only folder, a full disk: the file, the cause and
    the fix) and by `formats.export_text` (a bank that would not read back as a native file:
    `problems` lists, per question, what is missing, and `ADVICE` says how to fix it). It is an
    OSError so that code catching a failed write also catches it, and a UserError so the cli and
    ui show it as one message, never a traceback.
    """

    ADVICE = (
        "Add the missing text (for a CSV file: the explanation and rationale_a..rationale_d "
        "columns) and import the file again, or export as Moodle XML (--format moodle), which "
        "does not need them."
    )

    def __init__(self, summary: str, problems: Sequence[str] = ()) -> None:
        self.summary = summary
        self.problems = list(problems)
        super().__init__(self.text(MAX_PRINTED_DIAGNOSTICS) if self.problems else summary)

    def text(self, limit: int) -> str:
        """The summary, at most `limit` problems (then how many more) and the advice."""
        if not self.problems:
            return self.summary
        shown = self.problems[:limit]
        more = len(self.problems) - len(shown)
        return (
            self.summary
            + ":\n"
            + "".join(f"  {m}\n" for m in shown)
            + (f"  ... and {more} more problems suppressed\n" if more else "")
            + self.ADVICE
        )

    def short_text(self) -> str:
        """For a message box: a few problems, set apart from the advice, in the app's words."""
        if not self.problems:
            return self.summary
        advice = self.ADVICE.replace(
            "export as Moodle XML (--format moodle)", "use Export Moodle XML..."
        )
        text = (
            self.text(8)
            .replace("would not pass 'bank validate'", "could not be read back")
            .replace(":\n", ":\n\n", 1)
            .replace("\n" + self.ADVICE, "\n\n" + advice)
        )
        return text[:1].upper() + text[1:]


def write_export(path: Path, data: str | bytes) -> None:
    """Write a report file whole, or raise ExportError and leave no partial file behind."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    existed = path.exists()
    try:
        with open(path, "wb") as f:
            f.write(raw)
            f.flush()
            if path.is_file():
                os.fsync(f.fileno())  # a full disk may only show up here
    except OSError as e:
        if not existed and path.is_file():
            path.unlink(missing_ok=True)
        raise ExportError(_failure(path, e)) from e


def _failure(path: Path, e: OSError) -> str:
    why = e.strerror or str(e)
    if not path.parent.is_dir():
        fix = f"the folder {path.parent} does not exist; create it or choose another"
    elif e.errno == 28:  # ENOSPC
        fix = "the disk is full; free some space or choose another disk"
    else:
        fix = "choose a folder you can write to"
    return f"{path}: cannot write the report: {why}; {fix}"
