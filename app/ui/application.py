"""Wires the GUI together: QApplication, main window, then the database off the GUI thread.

The window is shown before SQLAlchemy or Alembic are imported; the database is opened (and on
first run the shipped banks imported) by a worker thread that reports back by signal. A database
the user can fix (damaged, locked, unreachable, read-only) is explained in one message with Retry;
the same fault in any later click is shown as an error dialog, never a traceback.
"""

from __future__ import annotations

import gc
import logging
import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app import __version__, logs, resources
from app.paths import AppPaths, shipped_banks_dir
from app.ui.import_scan import scan_imports_cheaply as scan_imports_cheaply  # re-exported
from app.ui.work import TaskRunner, Ticket, wait_for_background_work

if TYPE_CHECKING:
    from app.services.setup import AppServices
    from app.ui.dialogs import Dialogs
    from app.ui.flows.profiles import LanguageFor, StartupLists
    from app.ui.main_window import MainWindow

T0 = time.perf_counter()


class StartupError(Exception):
    """Why the database could not be opened, in words for the user (already logged)."""


def open_database(paths: AppPaths, _ticket: object = None) -> tuple[AppServices, list[object]]:
    """Opens (and upgrades) the database and imports the shipped banks on first run; returns the
    services and the first run's ImportResults and BankErrors. Runs on a worker thread, so every
    database session it opens lives on that thread. Raises StartupError."""
    services, results, _lists = open_for_window(paths, None)
    return services, results


def open_for_window(
    paths: AppPaths, last_profile: str | None, language_for: LanguageFor | None = None
) -> tuple[AppServices, list[object], StartupLists | None]:
    """open_database, then (with `language_for`) what the window shows first - the chosen
    profile's home lists and what it left in progress - still on the worker thread, so that
    attaching the services on the GUI thread runs no query. Raises StartupError."""
    try:
        from app.services.problems import BankError
        from app.services.setup import GUI_BUSY_TIMEOUT_MS, DatabaseError, open_services

        try:
            # a click waits briefly for another program's write, then says so (no freeze)
            services = open_services(paths, busy_timeout_ms=GUI_BUSY_TIMEOUT_MS)
        except DatabaseError as e:
            raise StartupError(str(e)) from e
        try:
            failures: list[BankError] = []
            results: list[object] = []
            caps = services.classroom.capabilities()
            # a database with tests needs no bank service (nor the ORM it loads) at start-up
            if caps.import_banks and not services.has_tests():  # not a learner's login
                results.extend(
                    services.banks.import_shipped_if_empty(shipped_banks_dir(), failures=failures)
                )
            if results or failures:
                logging.getLogger("bayready").info(
                    "first run: imported %d shipped banks, %d failed",
                    len(results),
                    len(failures),
                )
            results.extend(failures)
            lists = None
            if language_for is not None:
                from app.ui.flows.profiles import read_startup

                lists = read_startup(services, last_profile, language_for, caps)
        except BaseException as e:
            services.close()  # nobody else will: the window never sees these services
            if isinstance(e, (DatabaseError, BankError)):
                raise StartupError(str(e)) from e
            raise
        return services, results, lists
    except StartupError:
        raise
    except Exception as e:  # a programming error: log it, tell the user where
        logging.getLogger("bayready").exception("start-up failed")
        crash = logs.write_crash(e, thread="start-up")
        where = f"\n\nDetails were saved to {crash}." if crash else ""
        raise StartupError(f"BayReady could not open its database: {e}{where}") from e


class _FirstPaint(QObject):
    painted = Signal()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self.painted.emit)
        return False


def _smoke_test_dialogs() -> Dialogs:
    """`--smoke-test` runs unattended: a question (resume an attempt left in progress, retry a
    locked database) is answered no and a message goes to stderr, so no modal can hang it."""
    from app.ui.dialogs import Dialogs

    class Unattended(Dialogs):
        def info(self, title: str, text: str) -> None:
            print(f"smoke-test: {title}: {text}", file=sys.stderr, flush=True)

        def error(self, title: str, text: str) -> None:
            self.info(title, text)

        def confirm(
            self, title: str, text: str, *, ok: str = "OK", default_ok: bool = False
        ) -> bool:
            self.info(title, text)
            return False

        def ask_text(
            self,
            title: str,
            label: str,
            text: str = "",
            *,
            password: bool = False,
            max_length: int = 0,
        ) -> str | None:
            return None

        def choose(self, title: str, text: str, buttons: list[str]) -> int:
            self.info(title, text)
            return -1

        def open_file(self, title: str, filters: str) -> str | None:
            return None

        def save_file(self, title: str, filters: str, suggested: str = "") -> str | None:
            return None

        def show_modal(self, dialog: Any) -> int:
            return 0

    return Unattended(None)


class _CrashMessages(QObject):
    """Shows the crash hook's message in the GUI thread, whichever thread crashed."""

    crashed = Signal(str, str)  # crash log path, one-line error


def app_icon() -> QIcon:
    """The application icon at every size rendered from resources/bayready.svg."""
    icon = QIcon()
    for f in resources.icon_files():
        icon.addFile(str(f))
    return icon


def configure_application(app: QApplication) -> None:
    """Names, version and the window icon every window inherits."""
    app.setApplicationName("BayReady")
    app.setOrganizationName("BayReady")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(resources.APP_ID)  # Wayland matches the window to the .desktop file
    app.setWindowIcon(app_icon())


def _show_crash(window: MainWindow, path: str, error: str) -> None:
    window.dialogs.error(
        QCoreApplication.translate("Application", "BayReady - unexpected error"),
        QCoreApplication.translate(
            "Application",
            "Something went wrong inside BayReady ({0}).\n\nThe details were saved to\n{1}\n\n"
            "Please send that file to whoever looks after BayReady, with a note of what you "
            "were doing. Your answers so far are saved.",
        ).format(error, path),
    )


def install_crash_messages(window: MainWindow) -> _CrashMessages:
    """The crash hook's message becomes a dialog naming the crash log (queued from any thread)."""
    messages = _CrashMessages(window)
    messages.crashed.connect(lambda path, error: _show_crash(window, path, error))
    logs.set_crash_notifier(
        lambda path, exc: messages.crashed.emit(str(path), f"{type(exc).__name__}: {exc}")
    )
    return messages


class StartupRunner(QObject):
    """Runs open_database through the TaskRunner; when it fails, shows why and offers Retry
    (another program may have let go of the database, the server may be back, the user may have
    moved a damaged file)."""

    ready = Signal()  # the services are attached: the database is open and every button works

    def __init__(self, paths: AppPaths, window: MainWindow, *, offer_retry: bool = True) -> None:
        super().__init__(window)
        self.paths = paths
        self.window = window
        self.offer_retry = offer_retry
        self.runner = TaskRunner(self)
        self.ticket: Ticket | None = None

    def start(self) -> Ticket:
        from app.ui.translation import language_for_profile

        paths, last = self.paths, self.window.settings.last_profile or None
        language_for = language_for_profile()  # read here, on the GUI thread
        self.ticket = self.runner.submit(
            lambda _t: open_for_window(paths, last, language_for),
            self._on_job_opened,
            self._on_job_error,
        )
        return self.ticket

    def _on_job_error(self, error: Exception) -> None:
        if not isinstance(error, StartupError):
            raise error  # open_database turns everything into StartupError; anything else is ours
        self._on_job_failed(str(error))

    def _on_job_opened(self, opened: tuple[AppServices, list[object], StartupLists | None]) -> None:
        from app.services.setup import DatabaseError

        services, results, lists = opened
        try:
            self.window.attach_services(services, results, lists)
        except DatabaseError as e:  # e.g. locked while the profile list loads: same as above
            self.window.detach_services()
            services.close()
            self._on_job_failed(str(e))
            return
        self.ready.emit()

    def _on_job_failed(self, message: str) -> None:
        self.window.show_startup_error(message)
        if self.offer_retry and self.window.dialogs.confirm(
            self.tr("BayReady cannot open its database"),
            message,
            ok=self.tr("Retry"),
            default_ok=True,
        ):
            self.window.status_label.setText(self.tr("Opening the question banks..."))
            self.start()


def open_in_background(
    paths: AppPaths, window: MainWindow, *, offer_retry: bool = True
) -> StartupRunner:
    runner = StartupRunner(paths, window, offer_retry=offer_retry)
    runner.start()
    return runner


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]


def show_database_faults(dialogs: Dialogs, previous: ExceptHook) -> ExceptHook:
    """An excepthook: a database fault the user can act on (locked, disk full, damaged) that
    escapes a slot becomes an error dialog; anything else goes on to `previous` (the crash hook)."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        setup = sys.modules.get("app.services.setup")  # not loaded yet: no database fault either
        if setup is not None and isinstance(value, setup.DatabaseError):
            logging.getLogger("bayready").warning("database fault: %s", value)
            dialogs.error(
                QCoreApplication.translate("Application", "BayReady could not use its database"),
                str(value),
            )
            return
        previous(kind, value, tb)

    return hook


def run_gui(paths: AppPaths, *, smoke_test: bool = False) -> int:
    # High-DPI scale factors pass through unrounded: Qt 6's default, so not set here (naming
    # Qt.HighDpiScaleFactorRoundingPolicy would build Qt's whole namespace before the first paint)
    existing = QApplication.instance()
    # Fusion, so the app looks the same on every desktop; named on the command line, Qt makes
    # the style itself and no QStyle object reaches Python before the first paint (theme.py)
    app = existing or QApplication([*sys.argv[:1], "-style", "fusion"])
    assert isinstance(app, QApplication)
    configure_application(app)
    from app.ui.main_window import MainWindow
    from app.ui.theme import apply_theme, confirm_scheme

    apply_theme(app, fusion_already=existing is None)
    from app.ui.instance_lock import LockRefused, acquire

    lock = acquire(paths)
    if isinstance(lock, LockRefused):
        from app.ui.dialogs import Dialogs

        message = lock.message(str(paths.sqlite_file))
        print(message, file=sys.stderr, flush=True)
        if not smoke_test:
            Dialogs(None).error(
                QCoreApplication.translate("Application", "BayReady is already open"), message
            )
        return 3
    window = MainWindow(paths, dialogs=_smoke_test_dialogs() if smoke_test else None)
    install_crash_messages(window)
    timings: dict[str, float] = {}
    first_paint = _FirstPaint()
    window.installEventFilter(first_paint)
    keep: dict[str, Any] = {}

    def on_first_paint() -> None:
        timings["first_paint"] = time.perf_counter() - T0
        window.show_quick_list()  # sqlite3 only: the list shows before SQLAlchemy loads
        runner = open_in_background(paths, window, offer_retry=not smoke_test)
        runner.ready.connect(on_ready)
        keep["job"] = runner
        # the platform's named scheme, on the next turn: after the filled list, not before
        QTimer.singleShot(0, confirm_scheme)

    collector_paused = not gc.isenabled()

    def resume_gc() -> None:
        """main() pauses the cyclic collector for start-up; it runs again from here on. What
        start-up made (modules, mappers, widgets) lives as long as the process, so it is frozen
        first: the collector's first pass would otherwise walk every one of those objects (about
        0.1 s, at the first click) and find next to no garbage."""
        if collector_paused and not gc.isenabled():
            gc.freeze()
        gc.enable()

    def on_populated() -> None:
        if "populated" not in timings:
            timings["populated"] = time.perf_counter() - T0

    def on_usable() -> None:
        if "usable" not in timings:
            timings["usable"] = time.perf_counter() - T0

    def on_ready() -> None:
        """The smoke test ends once the database is open and the services attached. `usable`
        is when the home page showed the profile's tests and every button worked, which on a
        SQLite file at this build's schema comes first (read with sqlite3; a click before the
        services are attached waits for them under a busy cursor)."""
        timings["ready"] = time.perf_counter() - T0
        resume_gc()
        if smoke_test:
            window.repaint()
            n = window.home.test_count()
            print(
                f"smoke-test: first_paint={timings['first_paint']:.3f}s "
                f"populated={timings.get('populated', timings['ready']):.3f}s "
                f"ready={timings['ready']:.3f}s tests={n} "
                f"usable={timings.get('usable', timings['ready']):.3f}s",
                flush=True,
            )
            app.exit(0 if n > 0 else 1)

    def on_failed(_msg: str) -> None:
        resume_gc()
        if smoke_test:
            print(f"smoke-test: failed: {_msg}", file=sys.stderr, flush=True)
            app.exit(1)

    if logging.getLogger("bayready").isEnabledFor(logging.DEBUG):
        app.focusChanged.connect(
            lambda old, new: logging.getLogger("bayready.focus").debug("focus %r -> %r", old, new)
        )
    crash_hook = sys.excepthook
    sys.excepthook = show_database_faults(window.dialogs, crash_hook)
    first_paint.painted.connect(on_first_paint)
    window.tests_populated.connect(on_populated)
    window.home_usable.connect(on_usable)
    window.startup_failed.connect(on_failed)
    window.show()
    QTimer.singleShot(15000, resume_gc)  # whatever happens to start-up (a hung server, say)
    if app.platformName() not in ("offscreen", "minimal"):
        window.raise_()
        window.activateWindow()  # keyboard shortcuts need an active window, even without a WM
    code = app.exec()
    resume_gc()
    logs.set_crash_notifier(None)
    sys.excepthook = crash_hook
    wait_for_background_work()  # never close the database under running work
    services: AppServices | None = window.services_if_open
    if services is not None:
        services.close()
    if lock is not None:
        lock.unlock()
    return int(code)
