"""Import and validation of a generated native bank (JSON).

Import: BankService.import_file (read, validate, store, all in one user action) into a fresh,
migrated SQLite file, against raw sqlite3 writing the same rows (test, areas, tasks, bank,
questions, choices) with executemany in one transaction into the same schema with the app's
pragmas. The raw rows are built before its clock starts: the baseline is the cost of the writes.
Validation: app.banks.native.validate_file on the same file, against json.loads of its text.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.figures import Figure, Target, median

BLUEPRINT = {"A": 10, "B": 8, "C": 7, "D": 7, "E": 6, "F": 5, "G": 4, "H": 3}  # 50 scored
CODE = "B20"


def write_generated_bank(folder: Path, questions: int) -> Path:
    from tests.factories import write_bank

    return write_bank(folder, CODE, BLUEPRINT, tasks_per_area=6, total_questions=questions)


def migrated(path: Path) -> str:
    from app.storage.database import Database

    url = f"sqlite:///{path}"
    db = Database(url)
    db.upgrade()
    db.dispose()
    return url


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def time_import(bank: Path, db_file: Path) -> tuple[float, int]:
    from app.services.banks import BankService
    from app.storage.database import Database

    db = Database(migrated(db_file))
    try:
        started = time.perf_counter()
        result = BankService(db, _now).import_file(bank)
        elapsed = time.perf_counter() - started
    finally:
        db.dispose()
    return elapsed, result.added


Row = tuple[Any, ...]


def _raw_rows(doc: dict[str, Any]) -> tuple[list[Row], list[Row], list[Row], list[Row]]:
    areas: list[Row] = []
    tasks: list[Row] = []
    task_ids: dict[str, tuple[int, int]] = {}
    for a_id, a in enumerate(doc["content_areas"], start=1):
        areas.append((a_id, 1, a["letter"], a["title"], a["scored_count"]))
        for sa in a["subareas"]:
            for k in sa["tasks"]:
                t_id = len(tasks) + 1
                tasks.append((t_id, 1, a_id, k["code"], k["text"], sa["number"], sa["title"]))
                task_ids[k["code"]] = (t_id, a_id)
    questions: list[Row] = []
    choices: list[Row] = []
    for q_id, q in enumerate(doc["questions"], start=1):
        t_id, a_id = task_ids[q["task"]]
        ta, tb = q.get("technician_a") or {}, q.get("technician_b") or {}
        questions.append(
            (
                q_id, q["id"], 1, 1, t_id, a_id, q["style"], q.get("scenario", False), q["stem"],
                ta.get("says"), ta.get("correct"), ta.get("rationale"),
                tb.get("says"), tb.get("correct"), tb.get("rationale"),
                None, None, None, q["explanation"], q["difficulty"], None, False, "0" * 16,
            )
        )  # fmt: skip
        for pos, c in enumerate(q.get("choices") or ()):
            choices.append(
                (q_id, pos, "ABCD"[pos], c["text"], c.get("correct", False), c["rationale"])
            )
    return areas, tasks, questions, choices


def time_raw(doc: dict[str, Any], db_file: Path) -> tuple[float, int]:
    migrated(db_file)
    areas, tasks, questions, choices = _raw_rows(doc)
    t = doc["test"]
    con = sqlite3.connect(db_file, isolation_level=None)
    try:
        for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=FULL"):
            con.execute(f"PRAGMA {pragma}")
        started = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        con.execute(
            "INSERT INTO test (id, code, title, spec_version, scored_count, minutes, "
            "unscored_count, target_percent, shuffle_choices, notes) VALUES (1,?,?,?,?,?,?,?,1,'')",
            (t["code"], t["title"], t["spec_version"], t["scored_count"], t["minutes"],
             t.get("unscored_count", 10), t.get("target_percent", 70)),
        )  # fmt: skip
        con.executemany(
            "INSERT INTO content_area (id, test_id, letter, title, scored_count) "
            "VALUES (?,?,?,?,?)",
            areas,
        )
        con.executemany(
            "INSERT INTO task (id, test_id, area_id, code, text, subarea_number, subarea_title) "
            "VALUES (?,?,?,?,?,?,?)",
            tasks,
        )
        con.execute(
            "INSERT INTO bank (id, test_id, name, source_file, source_format, format_version, "
            "checksum, imported_at, enabled, removed) "
            "VALUES (1, 1, ?, 'raw', 'native', 1, ?, ?, 1, 0)",
            (t["code"], "0" * 64, _now().isoformat(sep=" ")),
        )
        con.executemany(
            "INSERT INTO question (id, uid, bank_id, test_id, task_id, area_id, style, scenario, "
            "stem, tech_a_says, tech_a_correct, tech_a_rationale, tech_b_says, tech_b_correct, "
            "tech_b_rationale, exhibit, exhibit_caption, exhibit_data, explanation, difficulty, "
            "shuffle_choices, retired, content_hash) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            questions,
        )
        con.executemany(
            "INSERT INTO choice (question_id, position, label, text, correct, rationale) "
            "VALUES (?,?,?,?,?,?)",
            choices,
        )
        con.execute("COMMIT")
        elapsed = time.perf_counter() - started
        (n,) = con.execute("SELECT count(*) FROM question").fetchone()
    finally:
        con.close()
    return elapsed, int(n)


def time_validate(bank: Path) -> float:
    from app.banks.native import validate_file

    started = time.perf_counter()
    problems = validate_file(bank)
    elapsed = time.perf_counter() - started
    errors = [d for d in problems if d.is_error]
    if errors:
        raise RuntimeError(f"the generated bank does not validate: {errors[0]}")
    return elapsed


def time_json(bank: Path) -> float:
    started = time.perf_counter()
    json.loads(bank.read_text(encoding="utf-8"))
    return time.perf_counter() - started


@dataclass(frozen=True)
class ImportResult:
    figures: tuple[Figure, Figure]
    bank: Path
    database: Path  # holds the imported bank (for the memory benchmark)


def measure(workdir: Path, questions: int, repeats: int) -> ImportResult:
    bank = write_generated_bank(workdir / "bank", questions)
    doc = json.loads(bank.read_text(encoding="utf-8"))
    n_questions = len(doc["questions"])
    app_s: list[float] = []
    raw_s: list[float] = []
    database = workdir / "import-0.db"
    for r in range(repeats):
        database = workdir / f"import-{r}.db"
        elapsed, added = time_import(bank, database)
        if added != n_questions:
            raise RuntimeError(f"import added {added} of {n_questions} questions")
        app_s.append(elapsed)
        elapsed, stored = time_raw(doc, workdir / f"raw-{r}.db")
        if stored != n_questions:
            raise RuntimeError(f"raw insert stored {stored} of {n_questions} questions")
        raw_s.append(elapsed)
    validate_s: list[float] = []
    json_s: list[float] = []
    for _ in range(repeats):  # alternating, so that both see the same machine load
        validate_s.append(time_validate(bank))
        json_s.append(time_json(bank))
    size_mb = bank.stat().st_size / 1e6
    imported = Figure(
        key="import.native",
        label=f"Import {n_questions:,}-question bank (JSON)",
        value=median(app_s),
        baseline=median(raw_s),
        baseline_label="raw sqlite3 executemany",
        unit="s",
        target=Target("ratio", 3.0),
        samples=tuple(app_s),
        baseline_samples=tuple(raw_s),
        note=f"median of {repeats}; {size_mb:.1f} MB file, fresh migrated SQLite file each time",
    )
    validated = Figure(
        key="validate.native",
        label=f"Validate the same {n_questions:,}-question file",
        value=median(validate_s),
        baseline=median(json_s),
        baseline_label="json.loads of the file",
        unit="s",
        target=Target("ratio", 2.0),
        samples=tuple(validate_s),
        baseline_samples=tuple(json_s),
        note=f"median of {repeats}",
    )
    return ImportResult((imported, validated), bank, database)
