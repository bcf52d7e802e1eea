"""Run the benchmarks, print the table and write docs/benchmarks.md.

    python -m benchmarks.run --full     # make bench: full sizes, writes docs/benchmarks.md
    python -m benchmarks.run --smoke    # small sizes, prints only (make test runs this code too)

Exit status is 0 when every benchmark ran, even if a figure is over its target (these machines
are noisy); --strict makes an over-target figure exit 1.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import (
    anki_peer,
    assembly,
    bank_import,
    exam_switch,
    machine,
    memory,
    startup,
    weak_area,
)
from benchmarks.figures import Figure, markdown_table, text_table

REPO = Path(__file__).resolve().parent.parent
DOC = REPO / "docs" / "benchmarks.md"


@dataclass(frozen=True)
class Sizes:
    name: str
    startup_runs: int
    bank_questions: int
    import_repeats: int
    pool: int
    pool_repeats: int
    attempts: int
    per_attempt: int
    report_repeats: int
    switches: int
    memory_runs: int
    anki_runs: int


FULL = Sizes("full", 9, 20_000, 3, 100_000, 20, 500, 50, 15, 1000, 3, 5)
SMOKE = Sizes("smoke", 1, 300, 1, 2_000, 3, 10, 50, 2, 20, 1, 1)


@dataclass(frozen=True)
class Results:
    sizes: Sizes
    figures: tuple[Figure, ...]
    facts: dict[str, str]
    seconds: float
    loaded_before_paint: tuple[str, ...]
    anki: anki_peer.PeerResult


def run_all(sizes: Sizes, workdir: Path, log: bool = True) -> Results:
    def say(text: str) -> None:
        if log:
            print(f"bench: {text}", file=sys.stderr, flush=True)

    started = time.perf_counter()
    facts = machine.facts()
    say(f"start-up, {sizes.startup_runs} runs of each")
    boot = startup.measure(workdir, sizes.startup_runs)
    say(f"import and validation, {sizes.bank_questions:,} questions")
    imported = bank_import.measure(workdir, sizes.bank_questions, sizes.import_repeats)
    say(f"exam assembly, {sizes.pool:,}-question pool")
    assembled = assembly.measure(sizes.pool, sizes.pool_repeats)
    say(f"weak-area report, {sizes.attempts} x {sizes.per_attempt}")
    report = weak_area.measure(workdir, sizes.attempts, sizes.per_attempt, sizes.report_repeats)
    say(f"question switch, {sizes.switches} presses")
    switch = exam_switch.measure(sizes.switches)
    say(f"memory, {sizes.memory_runs} runs")
    bare_kb = [b.peak_rss_kb for b in boot.bare_runs]
    peak = memory.measure(
        workdir,
        imported.database,
        bank_import.CODE,
        sizes.bank_questions,
        bare_kb,
        sizes.memory_runs,
    )
    say(f"peer: Anki, {sizes.anki_runs} runs")
    anki = anki_peer.measure(workdir, sizes.anki_runs, startup.child_env(workdir / "pycache"))
    if anki.skipped:
        say(f"Anki skipped: {anki.skipped}")
    facts["Load average at end"] = machine.load()
    figures = (*boot.figures, *imported.figures, assembled, report, switch, peak)
    loaded = tuple(sorted({m for a in boot.app_runs for m in a.loaded_before_paint}))
    return Results(sizes, figures, facts, time.perf_counter() - started, loaded, anki)


def markdown(results: Results) -> str:
    facts = "\n".join(f"| {k} | {v} |" for k, v in results.facts.items())
    notes = "\n".join(f"- **{f.label}**: {f.note}." for f in results.figures if f.note)
    over = [f for f in results.figures if not f.passed]
    verdict = (
        "Every figure is within its target."
        if not over
        else f"{len(over)} of {len(results.figures)} figures are over target:\n\n"
        + "\n".join(f"- {f.label}" for f in over)
    )
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"""# Benchmarks

Written by `make bench` (`python -m benchmarks.run --{results.sizes.name}`) on {when}; the run
took {results.seconds:.0f} s. Each figure is shown next to a baseline measured in the same run on
the same machine, and the ratio between the two; the target is that ratio, an absolute limit, or
both. The machine was shared and noisy (see the load averages): compare ratios, and expect 10-30 %
between runs.

{verdict}

## Machine

| | |
|---|---|
{facts}

## Figures

{markdown_table(results.figures)}

## Peer: Anki's desktop start-up

{anki_peer.markdown(results.anki)}

## How each figure is measured

{notes}

- **Start-up**: whole process as the parent sees it. Each child prints `time.time()` at its first
  paint (the event-loop turn after the window's first Paint event); the figure is that minus the
  parent's clock just before the spawn. "Populated" is when the test list was first filled (from
  the SQLite file with the standard library, before SQLAlchemy loads; the app's `smoke-test:` line
  gives it relative to the first paint). "Every button usable" is when the home page shows the
  profile start-up chooses, its tests with last mock score, attempt in progress and reviews due,
  and every button on it works: on a SQLite file at this build's schema that is read in one
  sqlite3 snapshot right after the first paint, while SQLAlchemy, the services and the database
  open load on a worker thread; a click made before they are attached waits for them under a
  busy cursor and then runs (`usable=` in the smoke-test line). The note gives "services
  attached" too: when the parent reads the smoke-test line, which the app prints once the
  background job has opened the database through SQLAlchemy, the services are attached and the
  home page refreshed from them (on PostgreSQL, or before a profile exists, usable is that
  moment). The app runs as `bayready --smoke-test` through `benchmarks/app_probe.py`, which only
  adds the first-paint line, on a `--data-dir` that already holds the shipped banks and the
  default profile. App and bare runs alternate; `QT_QPA_PLATFORM=offscreen`; bytecode is cached
  (in a scratch `PYTHONPYCACHEPREFIX`) as it is after a user's first start.
- **Import**: `BankService.import_file` into a fresh migrated SQLite file (read, validate, store:
  one user action) against raw `sqlite3` `executemany` of the same test, area, task, bank, question
  and choice rows in one transaction, same schema and pragmas (WAL, `synchronous=FULL`). The
  baseline's rows are built before its clock starts.
- **Validation**: `app.banks.native.validate_file` on the same file; baseline `json.loads` of it;
  target 2x the baseline (issue 15; it was an absolute 1 s).
- **Exam assembly**: `app.domain.forms.assemble_form` with 5 % of the pool seen before, the
  previous form avoided and 10 research items; baseline one pass grouping the pool by area plus
  `random.sample` per area.
- **Weak-area report**: `ReportService.weak_area_report` on a migrated SQLite file holding the
  shipped A8 bank and a history written with raw `executemany`, its answer rollup then built as
  migration 0011 backfills it (the app keeps it when answers are saved). Baseline: every SELECT
  the report sends, captured with its parameters from one report and replayed through raw
  `sqlite3` in one read transaction (the report minus SQLAlchemy and Python). The target is both
  the ratio and the absolute limit.
- **Question switch**: `ExamPage` on a real 45-item mock of the shipped A5 bank in a 1280x800
  window; each Next/Previous press timed including `processEvents()`. A press writes nothing (the
  item time is banked in memory and saved with the next answer, flag or periodic save). Baseline:
  the same text set on a bare label and four radio buttons.
- **Memory**: peak RSS (the child's own `VmHWM`) of the main window on a database holding the
  generated bank with a mock of it open on the exam page, against the bare window of the start-up
  runs.

- **Peer (Anki)**: `aqt` from PyPI in a throwaway virtualenv (`python3.11 -m venv /tmp/anki &&
  /tmp/anki/bin/pip install aqt`), run by `benchmarks/anki_peer.py` when `BAYREADY_ANKI_PYTHON`
  names its Python: a profile is made once, then spawn to the main window's first paint and to
  the collection open, offscreen, alternating with the bare window. As root, Qt WebEngine needs
  `QTWEBENGINE_DISABLE_SANDBOX=1` (set by the benchmark); nothing else is changed.

Raw samples: `python -m benchmarks.run --full --json FILE`.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--full", action="store_true", help="full sizes (the default)")
    size.add_argument("--smoke", action="store_true", help="small sizes, a quick check")
    parser.add_argument("--output", type=Path, help=f"markdown file (--full: {DOC})")
    parser.add_argument("--json", type=Path, help="also write every figure and sample as JSON")
    parser.add_argument("--workdir", type=Path, help="scratch folder (default: a temporary one)")
    parser.add_argument("--strict", action="store_true", help="exit 1 if a figure is over target")
    args = parser.parse_args(argv)
    sizes = SMOKE if args.smoke else FULL
    output = args.output or (None if args.smoke else DOC)
    with tempfile.TemporaryDirectory(prefix="bayready-bench-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        results = run_all(sizes, workdir)
    print(text_table(results.figures))
    for key, value in results.facts.items():
        print(f"{key}: {value}")
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(markdown(results), encoding="utf-8")
        print(f"wrote {output}")
    if args.json is not None:
        doc = {
            "sizes": results.sizes.__dict__,
            "facts": results.facts,
            "figures": [f.as_dict() for f in results.figures],
            "anki": results.anki.__dict__,
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    if args.strict and any(not f.passed for f in results.figures):
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
