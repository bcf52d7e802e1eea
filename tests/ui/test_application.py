"""Application-wide set-up: the window icon, names and the crash message in the GUI."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import app
from app import logs, resources
from app.ui.application import configure_application, install_crash_messages
from tests.ui.conftest import FakeDialogs

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


@pytest.fixture
def restored_app(qapp: QApplication) -> Iterator[QApplication]:
    saved = (qapp.applicationName(), qapp.organizationName(), qapp.applicationVersion())
    saved_icon, saved_desktop = qapp.windowIcon(), qapp.desktopFileName()
    yield qapp
    qapp.setApplicationName(saved[0])
    qapp.setOrganizationName(saved[1])
    qapp.setApplicationVersion(saved[2])
    qapp.setWindowIcon(saved_icon)
    qapp.setDesktopFileName(saved_desktop)


def test_window_icon_in_every_size_and_the_version(restored_app: QApplication) -> None:
    configure_application(restored_app)
    sizes = restored_app.windowIcon().availableSizes()
    for s in resources.ICON_SIZES:
        assert QSize(s, s) in sizes
    assert restored_app.windowIcon().pixmap(48, 48).isNull() is False
    assert restored_app.applicationVersion() == app.__version__
    assert restored_app.desktopFileName() == resources.APP_ID


def test_crash_in_a_worker_thread_shows_a_dialog_naming_the_log(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    install_crash_messages(window)
    crash_log = tmp_path / "logs" / "crash.log"
    notifier = logs._notifier
    assert notifier is not None
    try:
        t = threading.Thread(target=notifier, args=(crash_log, KeyError("task")))
        t.start()
        t.join()
        qtbot.waitUntil(lambda: bool(dialogs.errors))
    finally:
        logs.set_crash_notifier(None)
    title, text = dialogs.errors[0]
    assert "unexpected error" in title
    assert str(crash_log) in text and "KeyError: 'task'" in text


def test_start_up_pauses_the_cyclic_collector_until_the_window_is_usable(
    restored_app: QApplication, tmp_path: Path, mini_bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """main() pauses the collector (start-up makes long-lived objects, not garbage); run_gui
    freezes what start-up made and turns the collector back on once the database is open, and
    never leaves it off."""
    import gc

    from PySide6.QtWidgets import QStyleFactory

    import app.ui.application as application
    from app.paths import AppPaths

    monkeypatch.setenv("BAYREADY_SHIPPED_BANKS", str(mini_bank.parent))
    style, sheet, palette = restored_app.style().name(), restored_app.styleSheet(), qpalette()
    at_ready: list[bool] = []
    original = application.open_in_background

    def spying(*args: Any, **kwargs: Any) -> Any:
        runner = original(*args, **kwargs)
        runner.ready.connect(lambda: at_ready.append(gc.isenabled()))
        return runner

    monkeypatch.setattr(application, "open_in_background", spying)
    paths = AppPaths(data_dir=tmp_path / "data", db_url=f"sqlite:///{tmp_path / 'gc.db'}")
    before = set(restored_app.topLevelWidgets())
    gc.disable()
    try:
        assert application.run_gui(paths, smoke_test=True) == 0
        assert at_ready == [False]  # still paused while the database opened
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0  # start-up's long-lived objects: never walked again
    finally:
        gc.unfreeze()  # the test process's own objects go back to the collector
        gc.enable()
        for w in set(restored_app.topLevelWidgets()) - before:  # run_gui's window, still shown
            w.close()
            w.deleteLater()
        restored_app.setStyle(QStyleFactory.create(style))
        restored_app.setStyleSheet(sheet)
        restored_app.setPalette(palette)


def qpalette() -> Any:
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.palette()


def test_smoke_test_answers_no_to_resume_instead_of_waiting_for_a_click(
    tmp_path: Path, mini_bank: Path
) -> None:
    """--smoke-test now waits for the database to open, which offers to resume an attempt left
    in progress: unattended, that question is answered no (on stderr), not shown as a modal."""
    import os
    import shutil
    import subprocess
    import sys

    from app.paths import AppPaths
    from app.services.setup import open_services

    data = tmp_path / "data"
    paths = AppPaths(data_dir=data, db_url=f"sqlite:///{data / 'bayready.db'}")
    services = open_services(paths)
    try:
        services.banks.import_file(mini_bank)
        learner = services.profiles.ensure_default()
        services.exams.start_mock(learner.profile_id, "Z9")
    finally:
        services.close()
    exe = shutil.which("bayready", path=str(Path(sys.executable).parent))
    assert exe
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BAYREADY_SHIPPED_BANKS": str(tmp_path)}
    r = subprocess.run(
        [exe, "--data-dir", str(data), "--smoke-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert "ready=" in r.stdout and "tests=1" in r.stdout
    assert "smoke-test: Resume exam:" in r.stderr


def test_pyside_import_scan_reads_raw_bytes_and_keeps_no_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PySide6's per-import scan for "PySide6" keeps its answer but no longer tokenizes the
    module into linecache (SQLAlchemy's sources held ~20 MB there for the process's life)."""
    import linecache
    import sys

    from app.ui.application import scan_imports_cheaply

    assert scan_imports_cheaply() is True  # already done at import; this PySide6 has the scan
    feature = sys.modules["shibokensupport.feature"]
    (tmp_path / "bayready_scan_qt.py").write_text("# uses PySide6 in a comment\nX = 1\n")
    (tmp_path / "bayready_scan_plain.py").write_text("X = 2\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        __import__("bayready_scan_qt")
        __import__("bayready_scan_plain")
        assert feature.pyside_feature_dict["bayready_scan_qt"] == 0  # PySide switching default
        assert feature.pyside_feature_dict["bayready_scan_plain"] == -1  # ignored by switching
        cached = set(linecache.cache)
        assert str(tmp_path / "bayready_scan_qt.py") not in cached
        assert str(tmp_path / "bayready_scan_plain.py") not in cached
    finally:
        for name in ("bayready_scan_qt", "bayready_scan_plain"):
            sys.modules.pop(name, None)
            feature.pyside_feature_dict.pop(name, None)


def test_pyside_import_scan_reads_frozen_stdlib_modules_raw_too() -> None:
    """os, codecs, posixpath... are frozen into Python 3.11 (their spec's origin is "frozen"):
    the scan read them through inspect.getsource, keeping their sources in linecache and
    tokenizing them before the first paint."""
    import codecs
    import linecache
    import os
    import posixpath
    import sys

    from app.ui.application import scan_imports_cheaply

    assert scan_imports_cheaply() is True
    scan = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    for module in (os, codecs, posixpath):
        assert module.__spec__ is not None and module.__spec__.origin == "frozen"
        linecache.cache.pop(str(module.__file__), None)
        assert scan(module) is False
        assert str(module.__file__) not in linecache.cache


def _child_python(*args: str, **extra_env: str) -> subprocess.CompletedProcess[str]:
    """A fresh interpreter on this checkout, offscreen: what it loads before a first paint."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(Path(app.__file__).parents[1]),
        **extra_env,
    }
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, timeout=120
    )


SCAN_ORDER = """
import sys

scanned = {}


class Watch:
    def find_spec(self, name, path=None, target=None):
        feature = sys.modules.get("shibokensupport.feature")
        if feature is not None and name.startswith("app."):
            scan = getattr(feature, "_mod_uses_pyside", None)
            scanned[name] = getattr(scan, "reads_raw_bytes", False)
        return None


sys.meta_path.insert(0, Watch())
import app.ui.application  # first, as benchmarks/app_probe.py does

assert scanned, "no app module was imported after PySide6"
slow = sorted(name for name, cheap in scanned.items() if not cheap)
print("slow:", slow)
"""


def test_every_app_module_imported_after_pyside_gets_the_cheap_scan(tmp_path: Path) -> None:
    """The cheap scan is installed by the app.ui package before any GUI module (or the logging,
    paths and resources modules they import) loads, not after them."""

    (tmp_path / "order.py").write_text(SCAN_ORDER)
    r = _child_python(str(tmp_path / "order.py"))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "slow: []"


def test_the_modules_up_to_an_open_exam_load_no_bank_import_parsers() -> None:
    """html.parser (the import sanitiser), ElementTree and defusedxml (SVG cleaning) are for bank
    imports only: the window, the services and the exam page never load them (about 1 MB)."""

    code = (
        "import sys\n"
        "import app.ui.application, app.services.setup, app.ui.main_window\n"
        "import app.ui.exam.exam_page, app.ui.exam.intro_page, app.ui.exam.exhibit_view\n"
        "from app.banks.markup import plain_text, unsafe_markup\n"
        "assert plain_text('<b>a</b> &amp; b') == ' a  & b' and unsafe_markup('<b>x</b>') is None\n"
        "names = ('html.parser', 'xml.etree.ElementTree', 'defusedxml', 'pyexpat')\n"
        "print(sorted(m for m in names if m in sys.modules))\n"
    )
    r = _child_python("-c", code)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


def test_the_modules_before_the_first_paint_load_no_openssl() -> None:
    """hashlib loads OpenSSL (about 3 ms and 3 MB): the PIN functions of the settings need it,
    the first paint does not."""

    code = (
        "import sys\n"
        "import app.main, app.ui.application, app.ui.main_window, app.ui.theme\n"
        "import app.ui.instance_lock, app.settings\n"
        "print(sorted(m for m in ('hashlib', '_hashlib', 'hmac', 'secrets') if m in sys.modules))\n"
    )
    r = _child_python("-c", code)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


def test_the_exam_page_loads_qtsvg_only_to_draw_an_svg_exhibit() -> None:
    """QtSvg costs about 1 MB resident with a mock open; a mock without SVG exhibits needs none of
    it, and the first SVG drawn still renders."""

    code = (
        "import sys\n"
        "import app.ui.application, app.services.setup, app.ui.main_window\n"
        "import app.ui.exam.exam_page, app.ui.exam.intro_page, app.ui.report_page\n"
        "from app.ui.exam.exhibit_view import render_exhibit\n"
        "print('PySide6.QtSvg' in sys.modules)\n"
        "from PySide6.QtWidgets import QApplication\n"
        "qapp = QApplication([])\n"
        'svg = b\'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"/>\'\n'
        "print(render_exhibit(svg, 'a.svg', 80).isNull(), 'PySide6.QtSvg' in sys.modules)\n"
    )
    r = _child_python("-c", code)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["False", "False", "True"]


MOCK_WITHOUT_ORM = """
import sys
import time
from pathlib import Path

from app.paths import AppPaths
from app.ui.application import open_for_window
from app.ui.main_window import MainWindow
from app.ui.translation import language_for_profile
from app.ui.work import pool
from benchmarks.qt_support import NonBlockingDialogs, application, wait_painted

qapp = application()
db = Path(sys.argv[1])
paths = AppPaths(db.parent / "data", f"sqlite:///{db}")
window = MainWindow(paths, dialogs=NonBlockingDialogs())
window.show()
wait_painted(qapp, window)
# as the app starts: open, first-run check, the profile's home lists and what is in progress
services, results, lists = open_for_window(paths, None, language_for_profile())
window.attach_services(services, results, lists)
window.start_mock(services.exams.test_cards(None)[0].code, False)
deadline = time.monotonic() + 60
while time.monotonic() < deadline and (window.exam is None or window.exam.state is None):
    qapp.processEvents()
    time.sleep(0.005)
page = window.exam
assert page is not None and page.state is not None and window.pages.currentWidget() is page
wait_painted(qapp, page)
# the home's Today line (the plan and its report) and the booklet are read on workers too
assert pool().waitForDone(60000)
qapp.processEvents()
aid, exams = page.state.attempt_id, services.exams
ack = exams.record_response(aid, 0, 1, elapsed_s=1.0, item_seconds=1.0)
exams.set_flag(aid, 0, True, elapsed_s=2.0)
exams.save_progress(aid, elapsed_s=3.0, position=1, item_position=1, item_seconds=2.0)
state = exams.load(aid)
first = state.items[0]
print(first.chosen_shown, first.flagged, ack.correct is not None, state.items[1].seconds)
print("sqlalchemy.orm" in sys.modules)
page.leave()
services.close()
"""


def test_a_mock_opens_and_is_answered_without_loading_the_orm(tmp_path: Path) -> None:
    """The real start-up (open, home lists, Today line, resume offer), a mock drawn and shown,
    an answer, a flag and a periodic save run on Core connections: sqlalchemy.orm and the
    mapped models (about 8 MB resident) are never imported on the way."""
    from tests.faults.database import build_shipped_db

    db = build_shipped_db(tmp_path / "bayready.db")
    (tmp_path / "mock.py").write_text(MOCK_WITHOUT_ORM)
    r = _child_python(str(tmp_path / "mock.py"), str(db))
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["1", "True", "True", "2.0", "False"]


def test_the_first_paint_imports_no_dialog_flow_or_tab_style_classes(tmp_path: Path) -> None:
    """The first frame shows no dialog, no tabs and runs no use case: the message box, input
    dialog and proxy style classes (PySide6 makes a class's Python type when it is first
    named) and the flows are loaded when first used, not before the window appears."""

    code = (
        "import sys\n"
        "import PySide6.QtWidgets as widgets\n"
        "from app.paths import resolve\n"
        "from app.ui.application import configure_application\n"
        "from app.ui.main_window import MainWindow\n"
        "from app.ui.theme import apply_theme\n"
        "app = widgets.QApplication([])\n"
        "configure_application(app)\n"
        "apply_theme(app)\n"
        f"window = MainWindow(resolve({str(tmp_path)!r}, None))\n"
        "window.show()\n"
        "window.repaint()\n"
        "names = ('QMessageBox', 'QInputDialog', 'QLineEdit', 'QDialog', 'QProxyStyle',\n"
        "         'QTabWidget')\n"
        "made = [n for n in names if n in vars(widgets)]\n"
        "print(made + [m for m in ('app.ui.flows',) if m in sys.modules])\n"
    )
    r = _child_python("-c", code)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


FIRST_FRAME_PROBE = """
import sys

import PySide6.QtCore as core
import PySide6.QtWidgets as widgets

import app.ui.application as gui

seen = {}


def look(moment):
    if moment not in seen:
        seen[moment] = ("Qt" in vars(core), "QStyle" in vars(widgets))
        if moment == "populated":  # after the look: this makes QStyle's type
            qapp = widgets.QApplication.instance()
            sheet = qapp.styleSheet()
            qapp.setStyleSheet("")  # style() is the style sheet's wrapper while one is set
            seen["style"] = qapp.style().name()
            qapp.setStyleSheet(sheet)


original = gui._FirstPaint.__init__


def init(self, *args, **kwargs):
    original(self, *args, **kwargs)
    self.painted.connect(lambda: look("paint"))


gui._FirstPaint.__init__ = init

from app.main import main
from app.ui.main_window import MainWindow

window_init = MainWindow.__init__


def window(self, *args, **kwargs):
    window_init(self, *args, **kwargs)
    self.tests_populated.connect(lambda: look("populated"))


MainWindow.__init__ = window
code = main(sys.argv[1:])
print(seen["paint"], seen["populated"], seen["style"], code)
"""


def test_the_first_frame_and_the_filled_list_build_no_qt_namespace_or_qstyle(
    tmp_path: Path,
) -> None:
    """PySide6 builds the whole Qt namespace (about 90 enums, 15-20 ms) when any `Qt.*` enum
    value first reaches Python, and QStyle's type (about 5 ms) when a style object does. The
    real app's first paint and its first filled test list need neither, and the style is
    still Fusion (issue 15: first paint and populated against a bare window)."""
    data = tmp_path / "data"
    first = _child_python("-m", "app", "--data-dir", str(data), "--smoke-test")  # loads banks
    assert first.returncode == 0, first.stderr
    (tmp_path / "probe.py").write_text(FIRST_FRAME_PROBE)
    # Fusion is also the offscreen default: another style asked for by the environment shows
    # that the app's own -style fusion is what chose it
    r = _child_python(
        str(tmp_path / "probe.py"),
        "--data-dir",
        str(data),
        "--smoke-test",
        QT_STYLE_OVERRIDE="windows",
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[-1] == "(False, False) (False, False) fusion 0"
