"""CSV and XLSX template reader: columns, Technician A/B rows, errors by row and column."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.banks import spreadsheet
from app.banks.foreign import ForeignRead, read_foreign
from app.banks.spreadsheet import COLUMNS, parse_csv, parse_xlsx
from app.domain.bank import Statement

REPO = Path(__file__).resolve().parents[2]
FOREIGN = REPO / "tests" / "data" / "foreign"
TEMPLATES = REPO / "question_banks" / "templates"
HEADER = ",".join(COLUMNS)


def _csv(*rows: str) -> ForeignRead:
    return parse_csv("\n".join(rows) + "\n", "q.csv", None)


def _xlsx(rows: list[list[object]]) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for r in rows:
        ws.append(r)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_valid_csv() -> None:
    read = read_foreign(FOREIGN / "valid.csv")
    assert read.format == "csv"
    assert read.errors == () and read.skipped == ()
    # the second question's stem spans two lines, so the next rows start on lines 6 and 7
    assert [(q.line, q.name) for q in read.questions] == [
        (2, "CSV-1"),
        (3, "CSV-2"),
        (6, ""),
        (7, "CSV-4"),
    ]
    flush, fuse, two, tech = read.questions
    assert (flush.task, flush.style, flush.difficulty, flush.category) == (
        "A5.A.2.1",
        "direct",
        3,
        "",
    )
    assert [(c.text, c.correct, c.rationale) for c in flush.choices][:2] == [
        ("A flush", True, "Right."),
        ("A top-up", False, "Wrong fluid."),
    ]
    assert flush.explanation == "Copper shows spent inhibitors."
    assert fuse.style == "except" and fuse.difficulty == 2
    assert fuse.stem == "A fuse can be tested in all of these ways\nEXCEPT:"
    assert [c.correct for c in fuse.choices] == [False, False, True, False]
    assert (two.task, two.category, len(two.choices)) == ("", "Electrical/Basics", 2)
    assert two.choices[1].correct
    assert (tech.style, tech.choices, tech.task) == ("tech_ab", (), "A5.A.1.4")
    # a leading "Technician A says" is dropped: the app adds it
    assert tech.technician_a == Statement(
        "the flare must match the fitting.", True, "Mismatched flares leak."
    )
    assert tech.technician_b == Statement(
        "copper plumbing tube is fine.", False, "Plumbing copper cracks."
    )


def test_malformed_csv_names_row_and_column() -> None:
    path = FOREIGN / "malformed.csv"
    read = read_foreign(path)
    assert [(q.line, q.name) for q in read.questions] == [(12, "M-11")]
    assert read.skipped == ()
    assert [(d.line, d.col, d.field, d.message) for d in read.errors] == [
        (2, 9, "key", "row 2, column key (I): key 'E' must be A, B, C or D"),
        (
            3,
            3,
            "style",
            "row 3, column style (C): style 'essay' must be one of direct, tech_ab, except, "
            "least_likely, most_likely",
        ),
        (4, 4, "stem", "row 4, column stem (D): the question text is empty"),
        (
            5,
            7,
            "choice_c",
            "row 5, column choice_c (G): is empty but choice_d is not; fill the choices in order",
        ),
        (
            6,
            7,
            "choice_c",
            "row 6, column choice_c (G): is not used in tech_ab rows; leave it empty",
        ),
        (
            6,
            9,
            "key",
            "row 6, column key (I): key 'A' must be one of A_ONLY, B_ONLY, BOTH, NEITHER for a "
            "tech_ab row",
        ),
        (7, 2, "task", "row 7, column task (B): task code 'A5-1' must look like 'A5.A.1.1'"),
        (8, 1, "id", "row 8, column id (A): id 'M-1' is already used on row 2"),
        (9, 15, "difficulty", "row 9, column difficulty (O): difficulty '5' must be 1, 2 or 3"),
        (
            10,
            2,
            "task",
            "row 10, column task (B): give a task code (like 'A5.A.1.1') or a category",
        ),
        (11, 17, "", "row 11, column Q: has a value but no column name in the header row"),
        (13, 9, "key", "row 13, column key (I): key D points at an empty choice_d"),
    ]
    assert all(str(d).startswith(f"{path}:{d.line}:{d.col}: error: ") for d in read.errors)


def test_header_is_required_and_checked() -> None:
    read = _csv("CSV-1,A5.A.2.1,direct,Which fluid?,a,b,c,d,A,,,,,,2,")
    assert read.questions == ()
    (err,) = read.errors
    assert err.line == 1
    assert err.message.startswith("row 1: the first row must be the header naming the columns")
    assert "found 'CSV-1, A5.A.2.1, direct" in err.message
    typo = _csv("stem,choise_a,choice_b,key,task", "S,a,b,A,A5.A.1.1")
    lacks, unknown = typo.errors  # sorted by line, then column
    assert (lacks.line, lacks.col) == (1, 1)
    assert lacks.message.startswith("row 1: the header row lacks column(s) choice_a;")
    assert (unknown.line, unknown.col) == (1, 2)
    assert unknown.message.startswith("row 1, column B: unknown column 'choise_a' (the columns")
    dup = _csv("stem,choice_a,choice_b,key,task,Choice A", "S,a,b,A,A5.A.1.1,")
    assert [(d.line, d.col, d.message) for d in dup.errors] == [
        (1, 6, "row 1, column F: column 'choice_a' appears twice")
    ]
    assert parse_csv("", "q.csv", None).errors[0].message.startswith("the file is empty")


def test_minimal_columns_in_any_order_and_semicolons() -> None:
    read = parse_csv(
        "Key;Stem;Choice A;Choice B;Category\r\nb;Which?;x;y;Brakes\r\n", "q.csv", None
    )
    assert read.errors == ()
    (q,) = read.questions
    assert (q.stem, q.category, q.task, q.style, q.difficulty) == (
        "Which?",
        "Brakes",
        "",
        "direct",
        2,
    )
    assert [c.correct for c in q.choices] == [False, True]


def test_csv_syntax_error_is_reported() -> None:
    big = "x" * (200 * 1024)  # over the csv module's field limit
    read = _csv(HEADER, f'"{big}"')
    assert read.questions == ()
    assert read.errors[0].message.startswith("CSV syntax error near row 2")


def test_xlsx_rows_cells_and_errors() -> None:
    data = _xlsx(
        [
            list(COLUMNS),
            [
                "X-1",
                "A5.A.2.1",
                "direct",
                "Stem one",
                "a",
                "b",
                "c",
                "d",
                "B",
                "",
                "",
                "",
                "",
                "",
                3.0,
            ],
            [],
            ["X-2", "A5.A.2.1", "most_likely", "Stem two", 12, 24, None, None, "A"],
            ["X-3", "A5.A.2.1", "direct", "Stem three", "a", "b", "c", "d", "Z"],
        ]
    )
    read = parse_xlsx(data, "q.xlsx", None)
    assert read.format == "xlsx"
    assert [(q.line, q.name, q.difficulty) for q in read.questions] == [
        (2, "X-1", 3),
        (4, "X-2", 2),
    ]
    assert [c.text for c in read.questions[1].choices] == ["12", "24"]
    assert [(d.line, d.col, d.message) for d in read.errors] == [
        (5, 9, "row 5, column key (I): key 'Z' must be A, B, C or D")
    ]


def test_xlsx_that_is_not_a_workbook_or_unpacks_too_big(monkeypatch: pytest.MonkeyPatch) -> None:
    assert (
        parse_xlsx(b"PK not really", "q.xlsx", None)
        .errors[0]
        .message.startswith("not an Excel .xlsx workbook")
    )
    data = _xlsx([list(COLUMNS)])
    monkeypatch.setattr(spreadsheet, "MAX_UNPACKED_BYTES", 1000)
    (err,) = parse_xlsx(data, "q.xlsx", None).errors
    assert "unpacks to" in err.message and "limit" in err.message


def test_templates_read_cleanly_and_agree() -> None:
    csv_read = read_foreign(TEMPLATES / "bank-template.csv")
    xlsx_read = read_foreign(TEMPLATES / "bank-template.xlsx")
    for read in (csv_read, xlsx_read):
        assert read.errors == () and read.skipped == ()
        assert len(read.questions) == 3
        assert [q.style for q in read.questions].count("tech_ab") == 1
        assert all(q.task for q in read.questions)
    assert csv_read.questions == xlsx_read.questions
    with (TEMPLATES / "bank-template.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == 4


def test_template_readme_documents_every_column() -> None:
    readme = (TEMPLATES / "README.md").read_text(encoding="utf-8")
    for column in COLUMNS:
        assert f"| `{column}` |" in readme, column
    for key in ("A_ONLY", "B_ONLY", "BOTH", "NEITHER"):
        assert key in readme
