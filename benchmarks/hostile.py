"""Hostile inputs for every bank reader and the validator, at any size, and how their cost grows.

Each `Case` builds an input of size n (in memory, or as a file in a folder) and reads it the way
the app does. `work(case, n)` is the best of three process-time measurements; `growth(case, n)`
compares n with 8n: a linear reader costs about 8x for 8x the input, a quadratic one 64x.
The test suite (tests/banks/test_reader_scaling.py) runs these at small sizes and asserts the
ratio; `python -m benchmarks.readers` (make bench) runs them larger and prints a table.
"""

from __future__ import annotations

import gc
import json
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
TAG_SOUP = "<a"  # a tag opened and never closed, again and again: quadratic for a naive scanner


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[int, Path], Any]  # (n, scratch folder) -> the input
    read: Callable[[Any], object]  # reads the input as the app does
    n: int  # test-suite size (8n stays under about a second)
    unit: str  # what n counts


def _native_document(questions: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "format": "bayready-bank",
        "format_version": 1,
        "test": {
            "code": "Z9",
            "title": "Scaling",
            "spec_version": "2026-01",
            "scored_count": 1,
            "minutes": 10,
        },
        "content_areas": [
            {
                "letter": "A",
                "title": "Area A",
                "scored_count": 1,
                "subareas": [
                    {"number": 1, "title": "Sub", "tasks": [{"code": "Z9.A.1.1", "text": "T."}]}
                ],
            }
        ],
        "questions": questions,
    }


def _native_question(i: int, stem: str) -> dict[str, Any]:
    return {
        "id": f"q{i}",
        "task": "Z9.A.1.1",
        "style": "direct",
        "difficulty": 2,
        "stem": stem,
        "explanation": "Because.",
        "choices": [
            {"text": f"Choice {k} of {i}", "correct": k == 0, "rationale": "R."} for k in range(4)
        ],
    }


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _validate(path: Path) -> object:
    from app.banks.native import validate_file

    return validate_file(path)


def _foreign(path: Path) -> object:
    from app.banks.foreign import read_foreign

    return read_foreign(path)


# -- native ----------------------------------------------------------------------------------------


def native_yaml_soup(n: int, folder: Path) -> Path:
    doc = _native_document([_native_question(1, TAG_SOUP * n)])
    return _write(folder, f"soup{n}.yaml", yaml.dump(doc, Dumper=_DUMPER, width=10**9))


def native_yaml_spaces(n: int, folder: Path) -> Path:
    """A stem of `<`, a long run of spaces and `>`: two `\\s*` side by side were quadratic."""
    doc = _native_document([_native_question(1, "<" + " " * n + ">")])
    return _write(folder, f"spaces{n}.yaml", yaml.dump(doc, Dumper=_DUMPER, width=10**9))


def native_json_soup(n: int, folder: Path) -> Path:
    doc = _native_document([_native_question(1, TAG_SOUP * n)])
    return _write(folder, f"soup{n}.json", json.dumps(doc))


def native_many_questions(n: int, folder: Path) -> Path:
    doc = _native_document([_native_question(i, f"Stem <b>{i}</b> <a") for i in range(n)])
    return _write(folder, f"many{n}.yaml", yaml.dump(doc, Dumper=_DUMPER, width=10**9))


def native_many_choices(n: int, folder: Path) -> Path:
    q = _native_question(1, "Stem")
    q["choices"] = [{"text": f"c{k}", "rationale": "r"} for k in range(n)]
    return _write(folder, f"choices{n}.json", json.dumps(_native_document([q])))


# -- CSV and XLSX ----------------------------------------------------------------------------------

CSV_HEADER = "id,task,style,stem,choice_a,choice_b,choice_c,choice_d,key,explanation\n"


def csv_soup(n: int, folder: Path) -> Path:
    # many rows, each a field of tag soup just under the field cap, so every one is cleaned
    row = ",A5.A.1.1,direct,{stem},x,y,z,w,A,{stem}\n"
    stem = "S " + TAG_SOUP * 200
    return _write(folder, f"soup{n}.csv", CSV_HEADER + row.format(stem=stem) * n)


def csv_one_field_soup(n: int, folder: Path) -> Path:
    stem = TAG_SOUP * n
    return _write(folder, f"field{n}.csv", CSV_HEADER + f",A5.A.1.1,direct,{stem},x,y,z,w,A,e\n")


def csv_wide_row(n: int, folder: Path) -> Path:
    return _write(folder, f"wide{n}.csv", CSV_HEADER + ",x" * n + "\n")


def xlsx_sparse(n: int, folder: Path) -> Path:
    """n question rows of tag soup, 10 rows apart."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(CSV_HEADER.strip().split(","))
    stem = "S " + TAG_SOUP * 200
    for i in range(n):
        for _ in range(9):
            ws.append([])
        ws.append([f"q{i}", "A5.A.1.1", "direct", stem, "x", "y", "z", "w", "A", stem])
    path = folder / f"sparse{n}.xlsx"
    wb.save(path)
    return path


def xlsx_far_cells(folder: Path, *, row: int = 2, column: int = 1, rows: int = 1) -> Path:
    """A small workbook (a few KB) under the template's header: `rows` rows, each with a cell in
    `column`, the first at `row` - a cell at row 5,000,000 or in column ZZZ (18,278)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for c, name in enumerate(CSV_HEADER.strip().split(","), start=1):
        ws.cell(row=1, column=c, value=name)
    # Excel stops at row 1,048,576 but a hand-made file need not: write row 999,999 and renumber
    marker = 999_999 if row > 1_048_576 else row
    for r in range(marker, marker + rows):
        ws.cell(row=r, column=column, value="far")
    path = folder / f"far-{row}-{column}-{rows}.xlsx"
    wb.save(path)
    if marker != row:
        _renumber(path, str(marker), str(row))
    return path


def _renumber(path: Path, old: str, new: str) -> None:
    with zipfile.ZipFile(path) as z:
        parts = {i: z.read(i) for i in z.namelist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            if name.startswith("xl/worksheets/"):
                data = data.replace(old.encode(), new.encode())
            z.writestr(name, data)


# -- GIFT, Moodle XML, Aiken -----------------------------------------------------------------------


def gift_comments(n: int, folder: Path) -> Path:
    block = "// a comment line of the kind instructors leave\n" * n
    return _write(folder, f"comments{n}.gift", block + "Q? {=a ~b}\n")


def gift_categories(n: int, folder: Path) -> Path:
    block = "".join(f"$CATEGORY: $course$/c{i}\n" for i in range(n))
    return _write(folder, f"categories{n}.gift", block + "Q? {=a ~b}\n")


def gift_soup(n: int, folder: Path) -> Path:
    text = "".join(f"::q{i}:: [html]S {TAG_SOUP * 400} {{=a ~b}}\n\n" for i in range(n))
    return _write(folder, f"soup{n}.gift", text)


def moodle_answers(n: int, folder: Path) -> Path:
    answers = "".join(
        f'<answer fraction="{100 if k == 0 else 0}"><text>a{k} &lt;a&lt;a</text></answer>'
        for k in range(n)
    )
    xml = (
        '<?xml version="1.0"?><quiz><question type="multichoice"><name><text>q</text></name>'
        f"<questiontext><text>Q</text></questiontext>{answers}</question></quiz>"
    )
    return _write(folder, f"answers{n}.xml", xml)


def moodle_soup(n: int, folder: Path) -> Path:
    soup = "&lt;a" * 400  # the text is HTML: its tags arrive as &lt;a
    question = (
        '<question type="multichoice"><name><text>q{i}</text></name>'
        "<questiontext><text>S{i} " + soup + "</text></questiontext>"
        '<answer fraction="100"><text>x</text></answer><answer fraction="0"><text>y</text>'
        "</answer></question>"
    )
    body = "".join(question.format(i=i) for i in range(n))
    return _write(folder, f"soup{n}.xml", f'<?xml version="1.0"?><quiz>{body}</quiz>')


def aiken_options(n: int, folder: Path) -> Path:
    lines = ["What is it?"] + [f"{chr(65 + k % 26)}) option {k}" for k in range(n)]
    return _write(folder, f"options{n}.txt", "\n".join([*lines, "ANSWER: A", ""]))


def aiken_many(n: int, folder: Path) -> Path:
    item = "Q{i} <a<a<a?\nA) x{i}\nB) y\nANSWER: A\n\n"
    return _write(folder, f"many{n}.aiken", "".join(item.format(i=i) for i in range(n)))


CASES: tuple[Case, ...] = (
    Case("native YAML: one stem of tag soup", native_yaml_soup, _validate, 16_000, "<a"),
    Case("native JSON: one stem of tag soup", native_json_soup, _validate, 16_000, "<a"),
    Case("native YAML: '<', spaces, '>'", native_yaml_spaces, _validate, 16_000, "spaces"),
    Case("validator: questions", native_many_questions, _validate, 80, "questions"),
    Case("validator: choices of one question", native_many_choices, _validate, 1_000, "choices"),
    Case("CSV: rows of tag soup", csv_soup, _foreign, 30, "rows"),
    Case("CSV: one field of tag soup", csv_one_field_soup, _foreign, 1_000, "<a"),
    Case("CSV: one wide row", csv_wide_row, _foreign, 2_000, "columns"),
    Case("XLSX: sparse rows of tag soup", xlsx_sparse, _foreign, 15, "rows"),
    Case("GIFT: comment block", gift_comments, _foreign, 10_000, "lines"),
    Case("GIFT: $CATEGORY lines", gift_categories, _foreign, 2_000, "lines"),
    Case("GIFT: questions of tag soup", gift_soup, _foreign, 25, "questions"),
    Case("Moodle XML: answers of one question", moodle_answers, _foreign, 1_000, "answers"),
    Case("Moodle XML: questions of tag soup", moodle_soup, _foreign, 25, "questions"),
    Case("Aiken: options of one item", aiken_options, _foreign, 4_000, "options"),
    Case("Aiken: items", aiken_many, _foreign, 200, "items"),
)


def work(case: Case, n: int, folder: Path, repeats: int = 3) -> float:
    """Best-of-`repeats` process time (s) to read the case's input of size n."""
    data = case.make(n, folder)
    best = float("inf")
    for _ in range(repeats):
        # the cyclic collector's full passes grow with every object alive, which makes any
        # allocation-heavy reader (PyYAML's too) look superlinear; measure the reader's own work
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            case.read(data)
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def peak_bytes(case: Case, n: int, folder: Path) -> int:
    """Peak memory (tracemalloc) while reading the case's input of size n."""
    data = case.make(n, folder)
    gc.collect()
    tracemalloc.start()
    try:
        case.read(data)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def growth(case: Case, n: int, folder: Path, repeats: int = 3) -> tuple[float, float, float]:
    """(time for n, time for 8n, their ratio) - about 8 when linear, 64 when quadratic."""
    case.read(case.make(max(1, n // 8), folder))  # warm up: imports, regex compilation
    small = work(case, n, folder, repeats)
    large = work(case, 8 * n, folder, repeats)
    return small, large, large / max(small, 1e-4)
