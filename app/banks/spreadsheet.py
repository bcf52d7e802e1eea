"""The BayReady question spreadsheet (CSV or XLSX), one question per row under a header row.

Columns: id, task, style, stem, choice_a..choice_d, key, explanation, rationale_a..rationale_d,
difficulty, category (see question_banks/templates/README.md). A row that cannot be read is an
error naming its row (the line where it starts) and column; reading goes on so that every problem
is reported at once. Uses the csv module and openpyxl (read-only, cached values; openpyxl parses
the workbook's XML through defusedxml when it is installed, as it is here). Pure parsing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from app.banks.drafts import (
    Draft,
    DraftChoice,
    ForeignRead,
    ForeignReadBuilder,
    Markup,
)
from app.banks.limits import MAX_COLUMNS, MAX_ROWS, column_letters
from app.domain.bank import STYLES, Style

log = logging.getLogger("bayready")

COLUMNS: tuple[str, ...] = (
    "id",
    "task",
    "style",
    "stem",
    "choice_a",
    "choice_b",
    "choice_c",
    "choice_d",
    "key",
    "explanation",
    "rationale_a",
    "rationale_b",
    "rationale_c",
    "rationale_d",
    "difficulty",
    "category",
)
REQUIRED: tuple[str, ...] = ("stem", "choice_a", "choice_b", "key")
LETTERS: tuple[str, ...] = ("a", "b", "c", "d")
TECH_AB_KEYS: dict[str, tuple[bool, bool]] = {
    "A_ONLY": (True, False),
    "B_ONLY": (False, True),
    "BOTH": (True, True),
    "NEITHER": (False, False),
}
# an .xlsx is a ZIP; refuse archives that would unpack to more than this (a "zip bomb")
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}")
_TASK = re.compile(r"[A-Z][A-Z0-9]*\.[A-Z]\.\d+\.\d+")
_SAYS = re.compile(r"^\s*technician\s+[ab]\s+says\s*[:,]?\s*", re.I)

Row = tuple[int, list[str]]  # (line the row starts on, its cells)


def _header_name(cell: str) -> str:
    return re.sub(r"[\s-]+", "_", cell.strip().lower())


class _TableReader:
    def __init__(self, source: str, fmt: str, folder: Path | None) -> None:
        self.out = ForeignReadBuilder(source, fmt, folder)
        self.columns: dict[str, int] = {}
        self.ids: dict[str, int] = {}

    def run(self, rows: Iterable[Row]) -> ForeignRead:
        header_seen = False
        for line, cells in rows:
            if not any(c.strip() for c in cells):
                continue
            if not header_seen:
                header_seen = True
                if not self.header(line, cells):
                    return self.out.result()
                continue
            self.row(line, cells)
        if not header_seen:
            self.out.error(1, "the file is empty; the first row must name the columns")
        return self.out.result()

    def header(self, line: int, cells: list[str]) -> bool:
        names = [_header_name(c) for c in cells]
        if not any(n in COLUMNS for n in names):
            found = ", ".join(c.strip() for c in cells if c.strip())
            self.out.error(
                line,
                f"row {line}: the first row must be the header naming the columns "
                f"({', '.join(COLUMNS)}); found '{found[:80]}'",
            )
            return False
        ok = True
        for i, n in enumerate(names):
            if not n:
                continue
            if n not in COLUMNS:
                self.out.error(
                    line,
                    f"row {line}, column {column_letters(i + 1)}: unknown column '{cells[i]}' "
                    f"(the columns are: {', '.join(COLUMNS)})",
                    col=i + 1,
                    field=n,
                )
                ok = False
            elif n in self.columns:
                self.out.error(
                    line,
                    f"row {line}, column {column_letters(i + 1)}: column '{n}' appears twice",
                    col=i + 1,
                    field=n,
                )
                ok = False
            else:
                self.columns[n] = i
        missing = [c for c in REQUIRED if c not in self.columns]
        if "task" not in self.columns and "category" not in self.columns:
            missing.append("task (or category)")
        if missing:
            self.out.error(
                line,
                f"row {line}: the header row lacks column(s) {', '.join(missing)}; the first row "
                f"must name the columns: {', '.join(COLUMNS)}",
            )
            ok = False
        return ok

    def row(self, line: int, cells: list[str]) -> None:
        problems: list[tuple[int, str, str]] = []  # (column index, column name, problem)

        def cell(name: str) -> str:
            i = self.columns.get(name)
            return cells[i].strip() if i is not None and i < len(cells) else ""

        def problem(column: str, text: str) -> None:
            problems.append((self.columns.get(column, 0), column, text))

        named = set(self.columns.values())
        for i, c in enumerate(cells):
            if c.strip() and i not in named:
                problems.append((i, "", "has a value but no column name in the header row"))
        qid = cell("id")
        if qid:
            if not _ID.fullmatch(qid):
                problem("id", f"id '{qid}' must be letters, digits, '-', '_', '.' or ':'")
            elif qid in self.ids:
                problem("id", f"id '{qid}' is already used on row {self.ids[qid]}")
            else:
                self.ids[qid] = line
        task = cell("task")
        if task and not _TASK.fullmatch(task):
            problem("task", f"task code '{task}' must look like 'A5.A.1.1'")
        if not task and not cell("category"):
            column = "task" if "task" in self.columns else "category"
            problem(column, "give a task code (like 'A5.A.1.1') or a category")
        style = cell("style").lower() or Style.DIRECT.value
        if style not in STYLES:
            problem("style", f"style '{cell('style')}' must be one of {', '.join(STYLES)}")
        stem = cell("stem")
        if not stem:
            problem("stem", "the question text is empty")
        difficulty = 2
        raw_difficulty = cell("difficulty")
        if raw_difficulty:
            try:
                value = float(raw_difficulty)
            except ValueError:
                value = 0.0
            if value in (1.0, 2.0, 3.0):
                difficulty = int(value)
            else:
                problem("difficulty", f"difficulty '{raw_difficulty}' must be 1, 2 or 3")
        texts = {x: cell(f"choice_{x}") for x in LETTERS}
        whys = {x: cell(f"rationale_{x}") for x in LETTERS}
        key = cell("key").upper()
        choices: tuple[DraftChoice, ...] = ()
        statements: tuple[DraftChoice, DraftChoice] | None = None
        if style == Style.TECH_AB:
            for x in ("a", "b"):
                if not texts[x]:
                    problem(f"choice_{x}", f"give Technician {x.upper()}'s statement")
            for x in ("c", "d"):
                if texts[x] or whys[x]:
                    column = f"choice_{x}" if texts[x] else f"rationale_{x}"
                    problem(column, "is not used in tech_ab rows; leave it empty")
            norm = re.sub(r"[\s-]+", "_", key)
            if norm not in TECH_AB_KEYS:
                problem(
                    "key",
                    f"key '{cell('key')}' must be one of {', '.join(TECH_AB_KEYS)} "
                    "for a tech_ab row",
                )
            else:
                a_ok, b_ok = TECH_AB_KEYS[norm]
                statements = (
                    DraftChoice(Markup(_SAYS.sub("", texts["a"])), a_ok, Markup(whys["a"])),
                    DraftChoice(Markup(_SAYS.sub("", texts["b"])), b_ok, Markup(whys["b"])),
                )
        else:
            given = [x for x in LETTERS if texts[x]]
            for x in ("a", "b"):
                if not texts[x]:
                    problem(f"choice_{x}", "is empty; a question needs at least choices A and B")
            if texts["d"] and not texts["c"]:
                problem("choice_c", "is empty but choice_d is not; fill the choices in order")
            for x in LETTERS:
                if whys[x] and not texts[x]:
                    problem(f"rationale_{x}", f"explains choice_{x}, which is empty")
            if key not in ("A", "B", "C", "D"):
                problem("key", f"key '{cell('key')}' must be A, B, C or D")
            elif key.lower() not in given:
                problem("key", f"key {key} points at an empty choice_{key.lower()}")
            choices = tuple(
                DraftChoice(Markup(texts[x]), x == key.lower(), Markup(whys[x])) for x in given
            )
        if problems:
            for index, column, text in problems:
                letter = column_letters(index + 1)
                where = f"column {column} ({letter})" if column else f"column {letter}"
                self.out.error(line, f"row {line}, {where}: {text}", col=index + 1, field=column)
            return
        self.out.add(
            Draft(
                line=line,
                qtype=style,
                name=qid,
                category=cell("category"),
                stem=Markup(stem),
                choices=choices,
                explanation=Markup(cell("explanation")),
                style=style,
                task=task,
                difficulty=difficulty,
                technician_a=statements[0] if statements else None,
                technician_b=statements[1] if statements else None,
            )
        )


def _csv_rows(text: str) -> Iterator[Row]:
    # the first non-blank line, without splitting the whole file (it may have a million lines)
    first = next((line for line in io.StringIO(text, newline=None) if line.strip()), "")
    delimiter = ","
    if "," not in first:
        # Excel in many locales saves "CSV" with semicolons
        delimiter = ";" if ";" in first else ("\t" if "\t" in first else ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    for cells in reader:
        yield start, cells
        start = reader.line_num + 1


def parse_csv(text: str, source: str, folder: Path | None) -> ForeignRead:
    """Read the spreadsheet template saved as CSV (UTF-8; a byte-order mark is fine)."""
    table = _TableReader(source, "csv", folder)
    rows = _csv_rows(text.removeprefix("\ufeff"))
    collected: list[Row] = []
    try:
        for line, cells in rows:
            if len(collected) >= MAX_ROWS:
                table.out.error(
                    line,
                    f"row {line}: the file has more than {MAX_ROWS:,} rows, the limit; split it "
                    "into smaller files",
                )
                return table.out.result()
            if len(cells) > MAX_COLUMNS:
                table.out.error(
                    line,
                    f"row {line}, column {column_letters(len(cells))}: the row has "
                    f"{len(cells):,} columns; the limit is {MAX_COLUMNS} (the template has "
                    f"{len(COLUMNS)}) - check the delimiter and remove the extra cells",
                    col=MAX_COLUMNS + 1,
                )
                return table.out.result()
            collected.append((line, cells))
    except csv.Error as e:
        line = collected[-1][0] + 1 if collected else 1
        table.out.error(line, f"CSV syntax error near row {line}: {e}")
        return table.out.result()
    return table.run(collected)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value)


def parse_xlsx(data: bytes, source: str, folder: Path | None) -> ForeignRead:
    """Read the spreadsheet template saved as .xlsx: the first worksheet, values not formulas."""
    table = _TableReader(source, "xlsx", folder)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            unpacked = sum(i.file_size for i in z.infolist())
    except zipfile.BadZipFile:
        table.out.error(1, "not an Excel .xlsx workbook; save it from Excel as .xlsx or as CSV")
        return table.out.result()
    if unpacked > MAX_UNPACKED_BYTES:
        table.out.error(
            1,
            f"the workbook unpacks to {unpacked // 1_048_576} MB (limit "
            f"{MAX_UNPACKED_BYTES // 1_048_576} MB); save the questions as CSV or split them",
        )
        return table.out.result()
    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles and extensions it does not read; they do not matter here
            warnings.simplefilter("ignore")
            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                if not wb.worksheets:
                    table.out.error(1, "the workbook has no worksheet")
                    return table.out.result()
                rows = _bounded_rows(_sheet_rows(wb, wb.worksheets[0]), table.out)
                return table.run(rows)
            finally:
                wb.close()
    except Exception as e:  # openpyxl raises many types on damaged files; name the problem
        # and keep the traceback: the same net would catch a bug in the reader itself
        logging.getLogger("bayready").warning(
            "workbook %s not read", table.out.source, exc_info=True
        )
        table.out.error(1, f"cannot read the workbook ({type(e).__name__}: {e}); save it again")
        return table.out.result()


def _sheet_rows(wb: Any, ws: Any) -> Iterator[tuple[int, dict[int, Any]]]:
    """The cells the worksheet's XML actually holds, row by row: (row number, {column: value}).

    Not `iter_rows()`: that fills every gap with empty cells, so one cell in row 5,000,000 or in
    column ZZZ of a 5 KB file costs millions of rows or cells (gigabytes). Uses openpyxl's own
    worksheet parser, as its read-only worksheet does, without the filling.
    """
    from openpyxl.worksheet._reader import WorkSheetParser

    with ws._get_source() as src:
        parser = WorkSheetParser(
            src,
            wb.shared_strings,
            data_only=True,
            epoch=wb.epoch,
            date_formats=wb._date_formats,
            timedelta_formats=wb._timedelta_formats,
        )
        for number, cells in parser.parse():
            yield number, {c["column"]: c["value"] for c in cells if c["value"] is not None}


def _bounded_rows(
    sparse: Iterable[tuple[int, dict[int, Any]]], out: ForeignReadBuilder
) -> Iterator[Row]:
    """Sparse rows as the table reader wants them, refusing rows and columns past the caps."""
    for number, values in sparse:
        if number > MAX_ROWS:
            out.error(
                number,
                f"row {number}: the sheet has cells past row {MAX_ROWS:,}, the limit; delete "
                "the rows below the questions or split the file",
            )
            return
        if not values:
            continue
        widest = max(values)
        if widest > MAX_COLUMNS:
            out.error(
                number,
                f"row {number}, column {column_letters(widest)}: the sheet has cells past "
                f"column {column_letters(MAX_COLUMNS)}, the limit; the template has "
                f"{len(COLUMNS)} columns - delete the cells to the right of them",
                col=widest,
            )
            return
        yield number, [_cell_text(values.get(i)) for i in range(1, widest + 1)]
