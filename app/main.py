"""Entry point: arguments, paths, logging and the crash hook; then the GUI or a CLI command.

Imports only the standard library at module level so the first window appears fast; Qt, then
SQLAlchemy and Alembic, are imported when needed.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import __version__

if TYPE_CHECKING:
    from app.paths import AppPaths

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
# A plain GUI start's options (see build_parser and gui_arguments): flags, options with a value.
_GUI_FLAGS = {"--smoke-test": "smoke_test", "--debug": "debug"}
_GUI_VALUES = {"--data-dir": "data_dir", "--db": "db", "--lang": "ui_lang"}
_LANGUAGES = ("en", "es")
log = logging.getLogger("bayready")


def _global_options(p: argparse.ArgumentParser, *, suppress: bool) -> None:
    d = argparse.SUPPRESS if suppress else None
    p.add_argument(
        "--data-dir",
        default=d,
        metavar="DIR",
        help="keep every user file (database, logs, settings) under DIR",
    )
    p.add_argument(
        "--db",
        default=d,
        metavar="URL",
        help="database URL or SQLite file (default: BAYREADY_DB, then the data dir)",
    )
    p.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="verbose logging to stderr",
    )


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, suppress=True)
    p = argparse.ArgumentParser(
        prog="bayready", description="ASE practice tests. With no command, opens the app."
    )
    _global_options(p, suppress=False)
    # before the command (`bayready --lang es report ...`): `bank translate` has its own --lang
    p.add_argument(
        "--lang",
        dest="ui_lang",
        choices=list(_LANGUAGES),
        help="interface language (default: BAYREADY_LANG, then the profile's, then the system's)",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the main window and the database, print timings and exit",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    bank = sub.add_parser(
        "bank", help="validate, import, list and export question banks", parents=[common]
    )
    bsub = bank.add_subparsers(dest="bank_command", metavar="ACTION", required=True)
    v = bsub.add_parser("validate", help="check bank files; report every problem", parents=[common])
    v.add_argument("files", nargs="+", type=Path, metavar="FILE")
    v.add_argument("--test", metavar="CODE", help="target test for non-native formats")
    v.add_argument(
        "--map",
        type=Path,
        metavar="FILE.csv",
        help="category -> task code mapping for non-native formats",
    )
    v.add_argument(
        "--strict",
        action="store_true",
        help="also run bank lint; any warning fails (exit 1)",
    )
    lt = bsub.add_parser(
        "lint", help="giveaways and thin tasks in native bank files (warnings)", parents=[common]
    )
    lt.add_argument("files", nargs="+", type=Path, metavar="FILE")
    lt.add_argument("--strict", action="store_true", help="exit 1 when anything is found")
    tr = bsub.add_parser(
        "translate",
        help="write or refresh a bank's translation sidecar (FILE.LANG.yaml) to translate",
        parents=[common],
    )
    tr.add_argument("file", type=Path, metavar="FILE")
    tr.add_argument("--lang", required=True, choices=["es"], help="the language to translate into")
    i = bsub.add_parser("import", help="import bank files (all or nothing)", parents=[common])
    i.add_argument("files", nargs="+", type=Path, metavar="FILE")
    i.add_argument(
        "--dry-run",
        action="store_true",
        help="show what would be added, updated, retired and skipped; write nothing",
    )
    i.add_argument("--test", metavar="CODE", help="target test for non-native formats")
    i.add_argument(
        "--map",
        type=Path,
        metavar="FILE.csv",
        help="category -> task code mapping for non-native formats",
    )
    st = bsub.add_parser(
        "stats", help="questions per area, styles and key balance of bank files", parents=[common]
    )
    st.add_argument("files", nargs="+", type=Path, metavar="FILE")
    st.add_argument("--markdown", action="store_true", help="tables for a README")
    ls = bsub.add_parser("list", help="list loaded banks", parents=[common])
    ls.add_argument("--json", action="store_true", help="one JSON object per bank")
    e = bsub.add_parser("export", help="export a test's questions", parents=[common])
    e.add_argument("test", metavar="TEST")
    e.add_argument(
        "--format",
        choices=["yaml", "json", "moodle"],
        default="yaml",
        help="native YAML or JSON, or Moodle XML to take the bank back to an LMS",
    )
    e.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")

    db = sub.add_parser("db", help="database location and upgrades", parents=[common])
    dsub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    dsub.add_parser("path", help="print the database location", parents=[common])
    dsub.add_parser("upgrade", help="upgrade the schema to this version", parents=[common])

    r = sub.add_parser(
        "report", help="weak-area report (one learner) or class results", parents=[common]
    )
    who = r.add_mutually_exclusive_group(required=True)
    who.add_argument("--profile", metavar="NAME")
    who.add_argument(
        "--all-profiles",
        action="store_true",
        help="class results: per-profile, per-area scores (csv or json)",
    )
    r.add_argument("--test", required=True, metavar="CODE")
    r.add_argument("--format", choices=["json", "csv", "pdf"], default="json")
    r.add_argument("-o", "--output", type=Path, metavar="FILE", help="default: standard output")
    _classroom_parser(sub, common)

    pl = sub.add_parser(
        "plan", help="study plan to the test date (text, json or calendar .ics)", parents=[common]
    )
    pl.add_argument("--profile", required=True, metavar="NAME")
    pl.add_argument("--test", required=True, metavar="CODE")
    pl.add_argument("--format", choices=["text", "json", "ics"], default="text")
    pl.add_argument("-o", "--output", type=Path, metavar="FILE", help="default: standard output")
    return p


def gui_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """What build_parser().parse_args(argv) gives for a plain GUI start (no command, only the
    options spelt out in full), without building the parser and its subcommands' parsers (about
    10 ms before the first window). None for anything else: the full parser decides, reports
    usage errors and prints help."""
    found: dict[str, object] = {
        "data_dir": None,
        "db": None,
        "debug": False,
        "ui_lang": None,
        "smoke_test": False,
        "command": None,
    }
    args = iter(argv)
    for arg in args:
        name, eq, value = arg.partition("=")
        if name in _GUI_FLAGS and not eq:
            found[_GUI_FLAGS[name]] = True
        elif name in _GUI_VALUES:
            if not eq:
                value = next(args, "")
            if not value or value.startswith("-"):
                return None
            if name == "--lang" and value not in _LANGUAGES:
                return None
            found[_GUI_VALUES[name]] = value
        else:
            return None
    return argparse.Namespace(**found)


def _redacted(url: str) -> str:
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)


def _classroom_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    c = sub.add_parser(
        "classroom",
        help="logins and privacy for a shared PostgreSQL class database",
        description="Set up a shared PostgreSQL database (--db postgresql+psycopg://OWNER@HOST/DB) "
        "so each learner's login reaches only their own results and instructors their class's. "
        "Every action is safe to repeat.",
        parents=[common],
    )
    csub = c.add_subparsers(dest="classroom_command", metavar="ACTION", required=True)
    i = csub.add_parser(
        "init", help="create the schema, roles and row-level security", parents=[common]
    )
    i.add_argument("--class", dest="class_name", metavar="NAME", help="also create this class")
    for role, article in (("learner", "a"), ("instructor", "an")):
        a = csub.add_parser(
            f"add-{role}",
            help=f"create {article} {role} login (its password is printed once)",
            parents=[common],
        )
        a.add_argument("login", metavar="LOGIN", help="database login, e.g. alex_kim")
        a.add_argument(
            "--class", dest="class_name", required=True, metavar="NAME", help="made if new"
        )
        a.add_argument(
            "--profile",
            metavar="NAME",
            help="the profile the login answers as (default: named after the login)",
        )
        a.add_argument(
            "--reset-password",
            action="store_true",
            help="give an existing login a new password (printed once)",
        )
    r = csub.add_parser(
        "remove", help="revoke a login (its results stay for the instructor)", parents=[common]
    )
    r.add_argument("login", metavar="LOGIN")
    csub.add_parser("list", help="classes and their members", parents=[common])
    s = csub.add_parser(
        "save-password",
        help="keep the password of the --db login for this computer (asked, not echoed)",
        parents=[common],
    )
    s.add_argument("login", metavar="LOGIN", nargs="?", help="default: the user in --db")


def _setup_process(app_paths: AppPaths, *, debug: bool) -> None:
    """Log file, fault handler and crash hook: first, before Qt or SQLAlchemy is imported.

    Only for the process's own entry point (``main()`` with no argv): the hooks are process-wide,
    so in-process callers such as tests keep their own.
    """
    from app import logs

    logs.install_crash_hook(app_paths.crash_log)
    logs.enable_faulthandler(app_paths.crash_log)
    logs.setup_logging(app_paths.log_file, debug=debug)
    log.info(
        "BayReady %s, Python %s, data %s, database %s",
        __version__,
        sys.version.split()[0],
        app_paths.data_dir,
        _redacted(app_paths.db_url),
    )


def _planted_crash() -> None:
    """BAYREADY_PLANT_CRASH=main|thread: a programming error, for the crash log's own test."""
    where = os.environ.get("BAYREADY_PLANT_CRASH")
    if where == "thread":
        t = threading.Thread(target=_planted_error, name="planted-crash")
        t.start()
        t.join()
    elif where:
        _planted_error()


def _planted_error() -> None:
    raise RuntimeError("planted programming error (BAYREADY_PLANT_CRASH)")


def main(argv: Sequence[str] | None = None) -> int:
    args = gui_arguments(sys.argv[1:] if argv is None else argv)
    if args is None:
        try:
            args = build_parser().parse_args(argv)
        except SystemExit as e:  # argparse exits 2 on usage errors, 0 on --help
            return int(e.code or 0)
    from app import paths

    app_paths = paths.resolve(getattr(args, "data_dir", None), getattr(args, "db", None))
    debug = bool(getattr(args, "debug", False))
    if argv is None:
        _setup_process(app_paths, debug=debug)
    else:
        logging.basicConfig(
            level=logging.DEBUG if debug else logging.WARNING,
            format="%(levelname)s %(name)s: %(message)s",
        )
    _planted_crash()
    if args.command is None:
        if os.environ.get("BAYREADY_NO_GUI"):
            build_parser().print_usage(sys.stderr)
            return EXIT_USAGE
        import gc

        # Start-up makes a few hundred thousand long-lived objects (Qt wrappers, SQLAlchemy, the
        # models) and next to no garbage: the cyclic collector would walk them over and over
        # (10-15 % of start-up CPU). run_gui turns it back on once the window is usable.
        gc.disable()
        if args.ui_lang:  # the GUI reads it where it reads the profile's
            os.environ["BAYREADY_LANG"] = args.ui_lang
        from app.ui.application import run_gui

        return run_gui(app_paths, smoke_test=args.smoke_test)
    from app.cli.translator import choose_language, use_language

    use_language(choose_language(args.ui_lang))
    if args.command == "report" and args.format == "pdf":
        return _pdf_report(args, app_paths)
    from app.cli.commands import run_command

    try:
        return run_command(args, app_paths)
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _pdf_report(args: argparse.Namespace, app_paths: object) -> int:
    """The PDF is drawn by Qt, so this one report path goes through the ui package."""
    if args.all_profiles or args.output is None:
        sys.stderr.write("error: a PDF report needs --profile NAME and -o FILE\n")
        return EXIT_USAGE
    from app.cli.translator import error_text, t, use_language
    from app.domain.i18n import QT_TRANSLATE_NOOP
    from app.services.reports import ReportError
    from app.storage.database import DatabaseError
    from app.ui.report_pdf import run_pdf_report

    _ERROR = QT_TRANSLATE_NOOP("Cli", "error: {0}")

    try:
        language = run_pdf_report(
            args.profile,
            args.test.upper(),
            args.output,
            app_paths.db_url,  # type: ignore[attr-defined]
            language=args.ui_lang,
        )
    except (ReportError, DatabaseError) as e:
        sys.stderr.write(t(_ERROR, error_text(e)) + "\n")
        return EXIT_INVALID
    except OSError as e:  # ExportError says which file, why and what to do
        sys.stderr.write(t(_ERROR, error_text(e)) + "\n")
        return EXIT_INVALID
    use_language(language)  # the profile's, as the PDF itself
    print(t(QT_TRANSLATE_NOOP("Cli", "wrote {0}"), args.output))
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
