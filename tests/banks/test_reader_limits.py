"""Hostile and careless files (issue 12): each defect found gets its regression test.

Readers and the validator must answer with FILE:LINE:COL diagnostics, never a traceback, never a
hang, and never build rows or cells a file only pretends to have. The caps are in
app/banks/limits.py and documented in docs/bank-format.md.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from app.banks import drafts, foreign, spreadsheet
from app.banks.aiken import parse_aiken
from app.banks.foreign import read_foreign
from app.banks.gift import parse_gift
from app.banks.limits import (
    MAX_COLUMNS,
    MAX_FIELD_CHARS,
    MAX_OPTIONS,
    MAX_ROWS,
    column_letters,
)
from app.banks.markup import plain_text, sanitise_html, unsafe_markup
from app.banks.moodle import parse_moodle_xml
from app.banks.native import validate_file
from app.banks.native import validator as native_validator
from app.banks.spreadsheet import parse_csv
from benchmarks.hostile import CSV_HEADER, aiken_options, moodle_answers, xlsx_far_cells

SOUP = "<a" * 50_000  # 100 KB: took tens of seconds when every `<` rescanned the rest


# -- markup ----------------------------------------------------------------------------------------


def test_unclosed_tags_are_plain_text_and_checked_in_one_pass() -> None:
    assert unsafe_markup(SOUP) is None  # no `>`: no tag, nothing unsafe
    # with a `>` at the end it is one long tag <a ...>, refused as before
    assert (unsafe_markup(SOUP + ">") or "").startswith("tag <a> is not allowed")
    # a tag that closes far away is still one tag, as before
    assert unsafe_markup("<b onclick=x <i>") == "attributes on <b> are not allowed"
    assert plain_text(SOUP) == SOUP
    clean, images = sanitise_html(SOUP)
    assert clean == "&lt;a" * 50_000 and images == []


def test_sanitiser_keeps_its_output_for_ordinary_text() -> None:
    assert sanitise_html("<p>Hello <b>there</b></p>") == ("Hello <b>there</b>", [])
    assert sanitise_html("<div>a</div><div>b</div>")[0] == "<br>a<br>b".removeprefix("<br>")
    assert sanitise_html("  <br> <br>x<br><br>y <br> ")[0] == "x<br><br>y"
    assert sanitise_html("<p>a</p><p>b</p>")[0] == "<p>a</p><p>b</p>"
    assert sanitise_html("x < y and y <z")[0] == "x &lt; y and y &lt;z"
    assert sanitise_html("<script>alert(1)</script>ok <img src='pic.png'>") == ("ok", ["pic.png"])


def test_line_breaks_in_the_middle_do_not_backtrack() -> None:
    text = "x" + "<div> " * 20_000 + "y"
    assert sanitise_html(text)[0] == "x" + "<br> " * 20_000 + "y"


def test_a_long_run_of_spaces_after_a_bracket_is_scanned_once() -> None:
    from app.banks.moodle import _bank_html

    spaces = " " * 200_000  # 40,000 took 15 s to check and 100 s to export
    assert unsafe_markup("<" + spaces + ">") is None
    assert unsafe_markup("< / b>") is None and unsafe_markup("< /div>") is not None
    assert _bank_html("<" + spaces + "x") == "&lt;" + spaces + "x"
    assert _bank_html("< / i>y< /i><br/>") == "</i>y</i><br>"


# -- GIFT ------------------------------------------------------------------------------------------


def test_gift_thousands_of_category_lines_need_no_recursion() -> None:
    text = "".join(f"$CATEGORY: $course$/c{i}\n" for i in range(3_000)) + "Q? {=a ~b}\n"
    read = parse_gift(text, "cats.gift", None)
    assert read.errors == ()
    (q,) = read.questions
    assert q.category == "$course$/c2999" and q.line == 3_001


def test_gift_long_comment_block_before_a_question() -> None:
    text = "// note\n" * 100_000 + "::q:: Q? {=a ~b}\n"
    (q,) = parse_gift(text, "comments.gift", None).questions
    assert q.name == "q" and q.line == 100_001


# -- options, fields, questions --------------------------------------------------------------------


def test_aiken_item_with_ten_thousand_options_is_skipped_in_one_short_line(
    tmp_path: Path,
) -> None:
    read = read_foreign(aiken_options(10_000, tmp_path))
    assert read.questions == () and read.errors == ()
    (skip,) = read.skipped
    assert skip.line == 1 and len(skip.message) < 200
    assert f"it has 10,000 answers; a question may have at most {MAX_OPTIONS}" in skip.message


def test_moodle_question_with_thousands_of_answers_is_skipped_briefly(tmp_path: Path) -> None:
    path = moodle_answers(5_000, tmp_path)
    read = parse_moodle_xml(path.read_bytes(), str(path), tmp_path)
    (skip,) = read.skipped
    assert "it has 5,000 answers" in skip.message and len(skip.message) < 200


def test_a_field_over_the_cap_skips_its_question_before_cleaning() -> None:
    long = "word " * (MAX_FIELD_CHARS // 5 + 1)
    read = parse_aiken(f"{long}?\nA) x\nB) y\nANSWER: A\n\nShort?\nA) x\nB) y\nANSWER: B\n", "f")
    assert [q.stem for q in read.questions] == ["Short?"]
    (skip,) = read.skipped
    assert f"its question text is {len(long) + 1:,} characters; the limit is" in skip.message


def test_more_questions_than_the_cap_is_one_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drafts, "MAX_QUESTIONS", 3)
    text = "".join(f"Q{i}?\nA) x\nB) y\nANSWER: A\n\n" for i in range(5))
    read = parse_aiken(text, "many.txt")
    assert len(read.questions) == 3
    (err,) = read.errors
    assert err.line == 16 and "more than 3 questions" in err.message


def test_errors_past_the_kept_number_are_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drafts, "MAX_KEPT_DIAGNOSTICS", 10)
    rows = "".join(f",A5.A.1.1,direct,Stem {i},x,y,,,Q,\n" for i in range(25))
    read = parse_csv(CSV_HEADER + rows, "bad.csv", None)
    assert len(read.errors) == 11
    assert read.errors[-1].message.startswith("... and 15 more errors up to line 26 not listed")


# -- CSV -------------------------------------------------------------------------------------------


def test_csv_past_column_18278_is_a_diagnostic_with_its_line() -> None:
    text = CSV_HEADER + ",A5.A.1.1,direct,S,x,y,,,A,\n" + ",x" * 20_000 + "\n"
    read = parse_csv(text, "wide.csv", None)
    (err,) = read.errors
    assert str(err).startswith("wide.csv:3:65: error: row 3, column ")
    assert column_letters(20_001) in err.message and f"the limit is {MAX_COLUMNS}" in err.message


def test_csv_header_with_a_name_past_column_18278() -> None:
    monkey_cols = ",".join(["stem", "choice_a", "choice_b", "key", "task"] + [""] * 18_300)
    read = parse_csv(monkey_cols + ",oops\n", "h.csv", None)
    (err,) = read.errors
    assert err.line == 1 and "columns; the limit is" in err.message


def test_csv_rows_past_the_cap_stop_the_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spreadsheet, "MAX_ROWS", 100)
    rows = "".join(f",A5.A.1.1,direct,Stem {i},x,y,,,A,\n" for i in range(200))
    read = parse_csv(CSV_HEADER + rows, "long.csv", None)
    assert read.questions == ()
    (err,) = read.errors
    assert err.line == 101 and "more than 100 rows" in err.message


def test_column_letters_have_no_upper_bound() -> None:
    assert [column_letters(n) for n in (1, 26, 27, 702, 703, 18_278, 18_279)] == [
        "A",
        "Z",
        "AA",
        "ZZ",
        "AAA",
        "ZZZ",
        "AAAA",
    ]


# -- XLSX ------------------------------------------------------------------------------------------


def _peak_read(path: Path) -> tuple[foreign.ForeignRead, int]:
    tracemalloc.start()
    try:
        read = read_foreign(path)
        return read, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_xlsx_cell_in_row_five_million_is_refused_without_filling_the_gap(
    tmp_path: Path,
) -> None:
    path = xlsx_far_cells(tmp_path, row=5_000_000)
    assert path.stat().st_size < 10_000
    read, peak = _peak_read(path)
    (err,) = read.errors
    assert err.line == 5_000_000 and f"cells past row {MAX_ROWS:,}" in err.message
    assert peak < 20 * 1_048_576  # the gap filled in row by row took gigabytes


def test_xlsx_cells_in_column_zzz_are_refused_without_padding_rows(tmp_path: Path) -> None:
    path = xlsx_far_cells(tmp_path, column=18_278, rows=2_000)
    read, peak = _peak_read(path)
    (err,) = read.errors
    assert (err.line, err.col) == (2, 18_278)
    assert "row 2, column ZZZ: the sheet has cells past column BL" in err.message
    assert peak < 20 * 1_048_576


def test_xlsx_rows_with_gaps_keep_their_row_numbers(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for c, name in enumerate(CSV_HEADER.strip().split(","), start=1):
        ws.cell(row=1, column=c, value=name)
    for c, v in enumerate(["", "A5.A.1.1", "direct", "Stem?", "x", "y", "", "", "B"], start=1):
        ws.cell(row=40, column=c, value=v or None)
    ws.cell(row=41, column=4, value="Only a stem")
    path = tmp_path / "gaps.xlsx"
    wb.save(path)
    read = read_foreign(path)
    assert [(q.line, q.stem) for q in read.questions] == [(40, "Stem?")]
    assert {e.line for e in read.errors} == {41}


# -- native ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_deeply_nested_native_file_is_a_diagnostic(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"deep{suffix}"
    path.write_text("[" * 100_000 + "]" * 100_000)
    (d,) = validate_file(path)
    assert d.is_error and d.line == 1 and "nest" in d.message


def test_nesting_just_under_the_parsers_limit_is_located_without_recursion(
    tmp_path: Path,
) -> None:
    path = tmp_path / "deep.yaml"  # libyaml takes up to 1,000 levels
    path.write_text('{"questions": ' + "[" * 985 + "]" * 985 + "}")
    diags = validate_file(path)  # locating the problem walked the tree recursively
    assert any(d.is_error for d in diags)
    assert all(d.line == 1 for d in diags)


def test_native_bank_over_the_question_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.factories import bank_document

    monkeypatch.setattr(native_validator, "MAX_QUESTIONS", 10)
    path = tmp_path / "big.json"
    path.write_text(json.dumps(bank_document("Z8", {"A": 5, "B": 5}, per_area_factor=2)))
    errors = [d for d in validate_file(path) if d.is_error]
    assert len(errors) == 1
    assert "the bank has 20 questions; the limit for one file is 10" in errors[0].message


def test_native_question_with_thousands_of_choices_is_one_message(tmp_path: Path) -> None:
    from tests.factories import bank_document

    doc = bank_document("Z8", {"A": 1})
    doc["questions"][0]["choices"] = [{"text": f"c{i}", "rationale": "r"} for i in range(10_000)]
    path = tmp_path / "choices.json"
    path.write_text(json.dumps(doc))
    messages = [d.message for d in validate_file(path) if d.is_error]
    assert messages == ["question Z8-00001: has 10,000 choices; it needs exactly 4"]


# -- special files and names -----------------------------------------------------------------------


def test_fifo_and_device_are_refused_without_blocking(tmp_path: Path) -> None:
    """In a child process with a timeout: the old reader blocked forever on the FIFO."""
    fifo = tmp_path / "bank.yaml"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.yaml"
    zero.symlink_to("/dev/zero")
    fifo_gift = tmp_path / "q.gift"
    os.mkfifo(fifo_gift)
    code = (
        "import sys; from pathlib import Path\n"
        "from app.banks.native import validate_file\n"
        "from app.banks.foreign import read_foreign\n"
        "for a in sys.argv[1:3]: print(validate_file(Path(a))[0].message)\n"
        "print(read_foreign(Path(sys.argv[3])).errors[0].message)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(fifo), str(zero), str(fifo_gift)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    fifo_msg, zero_msg, gift_msg = done.stdout.splitlines()
    assert fifo_msg.startswith("this is a named pipe (FIFO), not a file")
    assert zero_msg.startswith("this is a device, not a file")
    assert gift_msg.startswith("this is a named pipe (FIFO), not a file")


def test_folder_and_too_long_name(tmp_path: Path) -> None:
    (d,) = validate_file(tmp_path)
    assert "this is a folder, not a file" in d.message
    long = tmp_path / ("b" * 300 + ".yaml")
    (d,) = validate_file(long)
    assert "the file name is too long for this system" in d.message
    (e,) = read_foreign(tmp_path / ("q" * 300 + ".gift")).errors
    assert "the file name is too long" in e.message
