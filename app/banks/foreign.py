"""Instructors' question files in foreign formats: pick the reader by suffix.

`read_foreign(path)` picks the reader by suffix (GIFT, Aiken, Moodle XML, CSV, XLSX) and returns a
`ForeignRead`: the single-answer multiple-choice questions the file holds, every other question
listed in `skipped` with its line and the reason, and `errors` for input that cannot be read.
No reader raises on bad input.

The input is untrusted. Text goes through `markup.sanitise_html`; images must come embedded in the
file or sit inside the import file's folder - a path that escapes the folder is an error for that
question and is never opened. Pure parsing: no database, no Qt, never storage or services.
"""

from __future__ import annotations

from pathlib import Path

from app.banks.diagnostics import Diagnostic, Severity
from app.banks.drafts import ForeignQuestion, ForeignRead
from app.banks.files import read_capped
from app.banks.limits import MAX_FOREIGN_FILE_BYTES

# the services and tests take the read's types from here, beside read_foreign
__all__ = ["FORMATS", "SUFFIXES", "ForeignQuestion", "ForeignRead", "read_foreign"]

MAX_FILE_BYTES = MAX_FOREIGN_FILE_BYTES
FORMATS: tuple[str, ...] = ("gift", "aiken", "moodle", "csv", "xlsx")
SUFFIXES: tuple[str, ...] = (".gift", ".aiken", ".txt", ".xml", ".csv", ".xlsx")


def read_foreign(path: Path) -> ForeignRead:
    """Read a foreign question file, choosing the format by suffix; never raises on bad input.

    `.gift`, `.aiken`, `.txt` (GIFT when it has `{...}` answer blocks, else Aiken), `.xml`
    (Moodle XML), `.csv` and `.xlsx` (the BayReady spreadsheet template).
    """
    # each reader is imported when needed: openpyxl alone costs a noticeable fraction of a second
    source = str(path)
    suffix = path.suffix.lower()
    folder = path.parent
    if suffix not in SUFFIXES:
        return failed(
            source,
            "",
            f"unknown question file type '{suffix}'; use .gift, .txt, .aiken, .xml (Moodle XML), "
            ".csv or .xlsx",
        )
    if suffix in (".xml", ".xlsx"):
        fmt = "moodle" if suffix == ".xml" else "xlsx"
        data, problem = load_bytes(path)
        if data is None:
            return ForeignRead(source, fmt, (), (), (problem,) if problem else ())
        if fmt == "moodle":
            from app.banks.moodle import parse_moodle_xml

            return parse_moodle_xml(data, source, folder)
        from app.banks.spreadsheet import parse_xlsx

        return parse_xlsx(data, source, folder)
    guess = {".gift": "gift", ".aiken": "aiken", ".csv": "csv"}.get(suffix, "gift")
    text, problem = load_text(path)
    if text is None:
        return ForeignRead(source, guess, (), (), (problem,) if problem else ())
    if suffix == ".csv":
        from app.banks.spreadsheet import parse_csv

        return parse_csv(text, source, folder)
    from app.banks.gift import looks_like_gift, parse_gift

    if suffix == ".gift" or (suffix == ".txt" and looks_like_gift(text)):
        return parse_gift(text, source, folder)
    from app.banks.aiken import parse_aiken

    return parse_aiken(text, source)


# -- reading the file ------------------------------------------------------------------------------


def failed(source: str, fmt: str, message: str, line: int = 1, col: int = 1) -> ForeignRead:
    """A read that produced nothing but one error."""
    return ForeignRead(
        source, fmt, (), (), (Diagnostic(source, line, col, Severity.ERROR, message),)
    )


def load_bytes(path: Path) -> tuple[bytes | None, Diagnostic | None]:
    """The file's bytes: a regular file only, refused past MAX_FILE_BYTES before it is read."""
    return read_capped(path, MAX_FILE_BYTES)


def load_text(path: Path) -> tuple[str | None, Diagnostic | None]:
    """The file as UTF-8 text (a byte-order mark is dropped)."""
    data, problem = load_bytes(path)
    if data is None:
        return None, problem
    return decode_utf8(data, str(path))


def decode_utf8(data: bytes, source: str) -> tuple[str | None, Diagnostic | None]:
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        return None, Diagnostic(
            source,
            line,
            1,
            Severity.ERROR,
            f"file is not UTF-8 text (byte 0x{data[e.start]:02x}); save it as UTF-8 "
            "(in Excel: 'CSV UTF-8')",
        )
