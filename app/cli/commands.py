"""`bayready bank ...`, `bayready db ...`, `bayready report ...`.

Results go to stdout, errors to stderr. Exit codes: 0 ok, 1 invalid input, 2 usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.translator import error_text, t
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.paths import AppPaths

if TYPE_CHECKING:
    from app.domain.bank import Bank
    from app.services.banks import PreparedBank
    from app.services.errors import BankError, Diagnostic
    from app.services.setup import AppServices

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _err(msg: str) -> None:
    sys.stderr.write(msg.rstrip("\n") + "\n")


def _problems(diagnostics: Iterable[Diagnostic]) -> None:
    """Print a file's problems, at most MAX_PRINTED_DIAGNOSTICS of them, then how many more."""
    from app.services.errors import MAX_PRINTED_DIAGNOSTICS

    shown = 0
    suppressed = 0
    for d in diagnostics:
        if shown < MAX_PRINTED_DIAGNOSTICS:
            _err(str(d))
            shown += 1
        else:
            suppressed += 1
    if suppressed:
        _err(f"... and {suppressed:,} more problems suppressed")


def open_services_first_run(paths: AppPaths) -> AppServices:
    """Open the database as the GUI does: on first run the shipped banks are imported.

    So an instructor's first command on a fresh install (``bank import quiz.gift --test A5``)
    finds test A5. One broken shipped bank is reported and does not stop the others.
    """
    from app.paths import shipped_banks_dir
    from app.services.setup import open_services

    services = open_services(paths)
    failures: list[BankError] = []
    try:
        results = services.banks.import_shipped_if_empty(shipped_banks_dir(), failures=failures)
    except BaseException:
        services.close()
        raise
    if results:
        n = sum(r.added for r in results)
        _err(f"first run: loaded {len(results)} shipped question banks ({n} questions)")
    for e in failures:
        for d in e.diagnostics:
            _err(f"warning: shipped bank not loaded: {d}")
    return services


def run_command(args: argparse.Namespace, paths: AppPaths) -> int:
    from app.services.errors import BankError, DatabaseError, UserError

    try:
        if args.command == "bank":
            return _bank(args, paths)
        if args.command == "db":
            return _db(args, paths)
        if args.command == "report":
            return _report(args, paths)
        if args.command == "classroom":
            from app.cli.classroom import run_classroom

            return run_classroom(args, paths)
        if args.command == "plan":
            return _plan(args, paths)
    except BankError as e:
        _problems(e.diagnostics)
        return EXIT_INVALID
    except (DatabaseError, UserError) as e:  # anything else is a bug: traceback to the log
        _err(t(QT_TRANSLATE_NOOP("Cli", "error: {0}"), error_text(e)))
        return EXIT_INVALID
    _err(f"unknown command {args.command!r}")
    return EXIT_USAGE


def _db(args: argparse.Namespace, paths: AppPaths) -> int:
    if args.db_command == "path":
        from app.services.class_roster import mask_url

        print(paths.sqlite_file or mask_url(paths.db_url))
        return EXIT_OK
    from app.services.setup import upgrade_database

    done = upgrade_database(paths)
    verb = "upgraded to" if done.changed else "already at"
    print(f"database {done.database} {verb} {done.revision}")
    return EXIT_OK


def _bank(args: argparse.Namespace, paths: AppPaths) -> int:
    cmd = args.bank_command
    if cmd == "validate":
        return _validate(args, paths)
    if cmd == "stats":
        return _stats(args)
    if cmd == "lint":
        from app.cli.lint import run_lint

        return run_lint(args)
    if cmd == "translate":
        return _translate(args)
    services = open_services_first_run(paths)
    try:
        if cmd == "import":
            return _import(args, services)
        if cmd == "list":
            banks = services.banks.list_banks()
            if args.json:
                for b in banks:
                    print(
                        json.dumps(
                            {
                                "id": b.bank_id,
                                "test": b.test_code,
                                "name": b.name,
                                "source": b.source_file,
                                "format": b.source_format,
                                "format_version": b.format_version,
                                "questions": b.questions,
                                "enabled": b.enabled,
                                "imported_at": b.imported_at.isoformat(),
                            }
                        )
                    )
            else:
                if not banks:
                    print(t(QT_TRANSLATE_NOOP("Cli", "no banks loaded")))
                for b in banks:
                    state = "" if b.enabled else "  (disabled)"
                    print(
                        f"{b.test_code:<5} {b.questions:>6} questions  {b.name}  "
                        f"[{b.source_format} v{b.format_version}]{state}"
                    )
            return EXIT_OK
        if cmd == "export":
            return _export(args, services)
    finally:
        services.close()
    return EXIT_USAGE


def _prepare(
    path: Path,
    args: argparse.Namespace,
    paths: AppPaths | None = None,
    services: AppServices | None = None,
) -> PreparedBank:
    from app.services.formats import is_foreign, prepare_file

    structure: Callable[[str], Bank | None] | None = None
    if is_foreign(path) and getattr(args, "test", None):
        if services is not None:
            structure = services.banks.test_structure
        elif paths is not None:  # validate: read the target test, then let go of the database
            opened = open_services_first_run(paths)
            try:
                target = opened.banks.test_structure(args.test.upper())
            finally:
                opened.close()
            structure = lambda _code: target  # noqa: E731

    return prepare_file(
        path,
        test_code=getattr(args, "test", None),
        mapping_file=getattr(args, "map", None),
        structure=structure,
        allow_unmapped=bool(getattr(args, "dry_run", False)),
    )


def _stats(args: argparse.Namespace) -> int:
    from app.services.formats import bank_stats, markdown, read_native

    for f in args.files:
        s = bank_stats(read_native(f))
        if args.markdown:
            print(markdown(s))
            continue
        print(f"{f}: {s.code} {s.title}: {s.total} questions, {s.tasks} tasks")
        for a in s.areas:
            print(
                f"  area {a.letter}: {a.questions} questions for {a.scored_count} scored "
                f"({a.questions / max(1, a.scored_count):.1f}x), tasks {a.tasks_covered}/{a.tasks}"
            )
        print(f"  styles: {s.styles}; scenario {s.scenario} ({s.share(s.scenario):.0f} %)")
        print(f"  keys: {s.keys}; tech_ab outcomes: {s.outcomes}; exhibits: {s.exhibits}")
    return EXIT_OK


def _translate(args: argparse.Namespace) -> int:
    from app.services.translations import write_sidecar

    path, done, todo = write_sidecar(args.file, args.lang)
    print(f"{path}: {done} questions translated, {todo} to translate (marked todo: true)")
    return EXIT_OK


def _validate(args: argparse.Namespace, paths: AppPaths) -> int:
    from app.services.errors import BankError
    from app.services.translations import is_translation_file

    worst = EXIT_OK
    for f in args.files:
        if is_translation_file(f):  # a sidecar named directly: checked against its bank
            worst = max(worst, _validate_sidecar(f))
            continue
        try:
            prepared = _prepare(f, args, paths=paths)
        except BankError as e:
            _problems(e.diagnostics)
            worst = EXIT_INVALID
            continue
        lint: list[Diagnostic] = []
        if getattr(args, "strict", False) and prepared.source_format == "native":
            from app.cli.lint import lint_diagnostics

            lint = lint_diagnostics(f)
            worst = EXIT_INVALID if lint or prepared.warnings else worst
        _problems((*prepared.warnings, *prepared.skipped, *lint))
        b = prepared.bank
        print(
            f"{f}: ok - {b.test.code} {b.test.title}, {len(b.questions)} questions, "
            f"{len(b.tasks())} tasks"
            + (f", {len(prepared.skipped)} skipped" if prepared.skipped else "")
            + "".join(
                f", {t.language}: {len(t.questions)} translated" for t in prepared.translations
            )
        )
    return worst


def _validate_sidecar(f: Path) -> int:
    from app.services.errors import BankError
    from app.services.translations import check_sidecar

    try:
        translation, warnings, total = check_sidecar(f)
    except BankError as e:
        _problems(e.diagnostics)
        return EXIT_INVALID
    _problems(warnings)
    print(
        f"{f}: ok - {translation.language} translation of {translation.source}, "
        f"{len(translation.questions)} of {total} questions translated"
    )
    return EXIT_OK


def _import(args: argparse.Namespace, services: AppServices) -> int:
    from app.services.errors import BankError

    prepared = []
    failed = False
    for f in args.files:  # validate everything first: nothing is written if any file is bad
        try:
            prepared.append((f, _prepare(f, args, services=services)))
        except BankError as e:
            _problems(e.diagnostics)
            failed = True
    if failed:
        _err("nothing was imported; fix the errors above and run the import again")
        return EXIT_INVALID
    worst = EXIT_OK
    for f, p in prepared:
        _problems((*p.warnings, *p.skipped))
        result = services.banks.import_prepared(p, source=str(f), dry_run=args.dry_run)
        print(result.summary())
        if p.unmapped:
            worst = EXIT_INVALID
            total = sum(u.questions for u in p.unmapped)
            print(
                f"{f}: {total} more questions need a task: their categories match no task "
                f"code. A mapping file for --map (category,task; '*' maps everything else), "
                f"with suggested tasks to check:"
            )
            print("category,task")
            for u in p.unmapped:
                name = u.category if u.category else "*"
                hint = "" if u.suggestion else " - choose a task code"
                print(
                    f"{_csv_field(name)},{u.suggestion}"
                    f"    # {u.questions} questions from line {u.first_line}{hint}"
                )
    return worst


def _csv_field(text: str) -> str:
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in ',"\n#') else text


def _export(args: argparse.Namespace, services: AppServices) -> int:
    from app.services.formats import export_text

    bank = services.banks.load_bank(args.test.upper())
    out: Path = args.output
    text = export_text(bank, args.format, out)  # ExportError (a UserError): nothing written
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        for name, data in ({} if args.format == "moodle" else bank.exhibit_files).items():
            target = (out.parent / name).resolve()
            if target.is_relative_to(out.parent.resolve()):
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
    except OSError as e:
        _err(f"error: cannot write {out}: {e.strerror}")
        return EXIT_INVALID
    print(
        t(
            QT_TRANSLATE_NOOP("Cli", "exported {0} questions of {1} to {2}"),
            len(bank.questions),
            bank.test.code,
            out,
        )
    )
    return EXIT_OK


def _emit(text: str, output: Path | None) -> int:
    """A report or plan to stdout, or to a file through the one export writer."""
    if output is None:
        sys.stdout.write(text)
        return EXIT_OK
    from app.services.exports import ExportError, write_export

    try:
        write_export(output, text)
    except ExportError as e:
        _err(f"error: {e}")
        return EXIT_INVALID
    print(t(QT_TRANSLATE_NOOP("Cli", "wrote {0}"), output))
    return EXIT_OK


def _report(args: argparse.Namespace, paths: AppPaths) -> int:
    services = open_services_first_run(paths)
    try:
        code = args.test.upper()
        if args.all_profiles:
            from app.services.classroom import class_csv, class_json

            results = services.classroom.class_results(code)
            text = class_csv(results) if args.format == "csv" else class_json(results)
        else:
            from app.services.reports import report_csv, report_json

            _use_profile_language(args, services)
            report = services.reports.weak_area_report(args.profile, code)
            text = report_csv(report) if args.format == "csv" else report_json(report)
    finally:
        services.close()
    return _emit(text, args.output)


def _use_profile_language(args: argparse.Namespace, services: AppServices) -> str:
    """A command for one learner speaks their language, unless --lang or BAYREADY_LANG says.
    Returns the language's code."""
    from app.cli.translator import choose_language, use_language

    found = services.profiles.find(args.profile) if getattr(args, "profile", None) else None
    language = choose_language(getattr(args, "ui_lang", None), found.language if found else None)
    use_language(language)
    return language.value


def _plan(args: argparse.Namespace, paths: AppPaths) -> int:
    from app.services.plans import plan_ics, plan_json, plan_text
    from app.services.setup import open_services

    services = open_services(paths)
    try:
        language = _use_profile_language(args, services)
        # the text is read by the learner (titles in their language); JSON and iCalendar are data
        view = services.plans.plan(
            args.profile, args.test.upper(), language=language if args.format == "text" else "en"
        )
        if args.format == "json":
            text = plan_json(view)
        elif args.format == "ics":
            text = plan_ics(view, services.now())
        else:
            text = plan_text(view)
    finally:
        services.close()
    return _emit(text, args.output)
