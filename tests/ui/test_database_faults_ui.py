"""Database faults in the GUI: an answer that could not be saved is shown as not chosen, with a
message naming the database; start-up failures are one message with Retry; nothing freezes."""

from __future__ import annotations

import contextlib
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from app.paths import AppPaths
from app.services.setup import (
    GUI_BUSY_TIMEOUT_MS,
    DatabaseBusyError,
    DatabaseWriteError,
    open_services,
)
from tests.conftest import REPO, FakeNow
from tests.faults.database import free_port, held_write_lock, immutable, small_disk
from tests.ui.conftest import FakeDialogs, FakeMonotonic
from tests.ui.test_exam import start_mock

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


@pytest.fixture
def gui_window(
    qtbot: QtBot,
    tmp_path: Path,
    dialogs: FakeDialogs,
    mono: FakeMonotonic,
    fake_now: FakeNow,
    exam_bank: Path,
) -> Iterator[Any]:
    """A main window whose services were opened the way the GUI opens them (short busy wait)."""
    from app.ui.main_window import MainWindow

    paths = AppPaths(data_dir=tmp_path / "data", db_url=f"sqlite:///{tmp_path / 'ui.db'}")
    services = open_services(paths, fake_now, busy_timeout_ms=GUI_BUSY_TIMEOUT_MS)
    services.banks.import_file(exam_bank)
    window = MainWindow(paths, dialogs=dialogs, monotonic=mono)
    qtbot.addWidget(window)
    window.show()
    window.attach_services(services, [])  # the first lists are read on a worker thread
    qtbot.waitUntil(lambda: window.services_if_open is not None, timeout=30_000)
    yield window
    if window.exam is not None:
        window.exam.stop_clock()
    window.services.close()


def stored_choice(window: MainWindow, position: int) -> int | None:
    exam = window.exam
    chosen: int | None = (
        window.services.exams.load(exam.state.attempt_id).items[position].chosen_shown
    )
    return chosen


def click_option(qtbot: QtBot, exam: Any, index: int) -> None:
    from PySide6.QtCore import QPoint, Qt

    button = exam.choice_buttons[index]  # on the radio's circle, as a user would click
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def answer_first_then_fail(
    qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs, fault: Any
) -> tuple[Any, str]:
    """Answer question 1 (saved), then click an option of question 2 while `fault` holds."""
    exam = start_mock(qtbot, window)
    click_option(qtbot, exam, 0)
    assert stored_choice(window, 0) == 0 and not dialogs.errors
    exam.go(1)
    shown_behind: list[list[bool]] = []
    record = dialogs.error
    dialogs.error = lambda title, text: (  # type: ignore[assignment, method-assign]
        shown_behind.append([b.isChecked() for b in exam.choice_buttons]),  # type: ignore[func-returns-value]
        record(title, text),
    )
    with fault():
        click_option(qtbot, exam, 2)
        assert shown_behind == [[False] * 4]  # no checked option behind the message either
        assert len(dialogs.errors) == 1
        title, message = dialogs.errors[0]
        # what is on screen is what is stored: nothing chosen on question 2
        assert not any(b.isChecked() for b in exam.choice_buttons)
        assert exam.item.chosen_shown is None
    assert stored_choice(window, 1) is None
    assert stored_choice(window, 0) == 0  # the answer committed before the fault is kept
    assert title == "Not saved" and "try it again" in message
    return exam, message


def test_an_answer_while_another_program_holds_the_database(
    qtbot: QtBot, gui_window: MainWindow, dialogs: FakeDialogs
) -> None:
    db = Path(gui_window.services.db.display_name())
    exam, message = answer_first_then_fail(qtbot, gui_window, dialogs, lambda: held_write_lock(db))
    assert "Another program is using the database" in message and str(db) in message
    click_option(qtbot, exam, 2)  # the other program let go: the retry is saved
    assert exam.choice_buttons[2].isChecked() and stored_choice(gui_window, 1) == 2


@pytest.mark.skipif(shutil.which("chattr") is None, reason="needs chattr")
def test_an_answer_when_the_disk_reports_an_io_error(
    qtbot: QtBot, gui_window: MainWindow, dialogs: FakeDialogs
) -> None:
    wal = Path(gui_window.services.db.display_name() + "-wal")
    assert wal.exists()
    exam, message = answer_first_then_fail(qtbot, gui_window, dialogs, lambda: immutable(wal))
    assert "disk reported an error" in message
    click_option(qtbot, exam, 2)
    assert exam.choice_buttons[2].isChecked() and stored_choice(gui_window, 1) == 2


def test_an_answer_when_the_file_turns_out_damaged(
    qtbot: QtBot, gui_window: MainWindow, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    exam = start_mock(qtbot, gui_window)
    db = Path(gui_window.services.db.display_name())
    gui_window.services.db.dispose()  # every page checkpointed into the file, no cache
    shutil.copy(db, tmp_path / "backup.db")
    page = 4096
    with db.open("r+b") as f:
        f.seek(page)
        f.write(b"\xff" * (db.stat().st_size - page))
    click_option(qtbot, exam, 1)
    (title, message) = dialogs.errors[0]
    assert title == "Not saved" and "is damaged" in message and str(db) in message
    assert not exam.choice_buttons[1].isChecked() and exam.item.chosen_shown is None
    gui_window.services.db.dispose()
    shutil.copy(tmp_path / "backup.db", db)  # the user restores the backup the message suggests
    click_option(qtbot, exam, 1)
    assert exam.choice_buttons[1].isChecked() and stored_choice(gui_window, 0) == 1


# -- start-up -------------------------------------------------------------------------------------
class RetryAfter(FakeDialogs):
    """Answers the start-up Retry question after running `fix` (the user fixing the cause)."""

    def __init__(self, fix: Any) -> None:
        super().__init__()
        self.fix = fix

    def confirm(self, title: str, text: str, *, ok: str = "OK", default_ok: bool = False) -> bool:
        self.confirms.append(text)  # scripted by `fix`, so never the strict parent's refusal
        if ok != "Retry" or self.fix is None:
            return False
        self.fix()
        self.fix = None
        return True


def start_window(qtbot: QtBot, paths: AppPaths, dialogs: FakeDialogs, mono: FakeMonotonic) -> Any:
    from app.ui.application import open_in_background
    from app.ui.main_window import MainWindow

    window = MainWindow(paths, dialogs=dialogs, monotonic=mono)
    qtbot.addWidget(window)
    window.show()
    window.runner = open_in_background(paths, window)  # type: ignore[attr-defined]
    return window


def test_start_up_on_a_damaged_file_explains_and_retries_once_it_is_moved_aside(
    qtbot: QtBot,
    tmp_path: Path,
    mono: FakeMonotonic,
    exam_bank: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("BAYREADY_SHIPPED_BANKS", str(exam_bank.parent))
    db = tmp_path / "bayready.db"
    db.write_bytes(b"PK\x03\x04 this is a zip file, not a database" * 100)
    dialogs = RetryAfter(lambda: db.rename(tmp_path / "bayready.db.damaged"))
    paths = AppPaths(tmp_path / "data", f"sqlite:///{db}")
    window = start_window(qtbot, paths, dialogs, mono)
    qtbot.waitUntil(lambda: window.services_if_open is not None, timeout=30000)
    assert len(dialogs.confirms) == 1 and str(db) in dialogs.confirms[0]
    assert "Restore a backup" in dialogs.confirms[0]
    assert [c.code for c in window.home.model.rows] == ["X1"]  # the retry started afresh
    QThreadPool.globalInstance().waitForDone()
    window.services.close()


def test_start_up_against_a_server_that_refuses(
    qtbot: QtBot, tmp_path: Path, mono: FakeMonotonic
) -> None:
    port = free_port()
    dialogs = RetryAfter(None)
    paths = AppPaths(tmp_path / "data", f"postgresql://u@127.0.0.1:{port}/db")
    window = start_window(qtbot, paths, dialogs, mono)
    qtbot.waitUntil(lambda: bool(dialogs.confirms), timeout=30000)
    assert f"127.0.0.1:{port}/db" in dialogs.confirms[0] and "Traceback" not in dialogs.confirms[0]
    assert window.status_label.text() == "Could not open the database."
    assert window.services_if_open is None


def test_database_faults_escaping_a_slot_become_a_dialog(dialogs: FakeDialogs) -> None:
    from app.ui.application import show_database_faults

    passed_on: list[BaseException] = []
    hook = show_database_faults(dialogs, lambda k, v, tb: passed_on.append(v))
    busy = DatabaseBusyError("Another program is using the database /x.db")
    hook(DatabaseBusyError, busy, None)
    hook(DatabaseWriteError, DatabaseWriteError("full"), None)
    bug = RuntimeError("a programming error")
    hook(RuntimeError, bug, None)
    assert [m for _, m in dialogs.errors] == [str(busy), "full"]
    assert passed_on == [bug]  # programming errors still reach the crash hook
    assert sys.excepthook is not hook


def test_first_run_on_a_full_disk_explains_and_finishes_after_space_is_freed(
    qtbot: QtBot, tmp_path: Path, mono: FakeMonotonic, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BAYREADY_SHIPPED_BANKS", str(REPO / "question_banks"))  # the real banks
    data = tmp_path / "data"
    paths = AppPaths(data, f"sqlite:///{data / 'bayready.db'}")
    with small_disk(data, 600) as grow:
        dialogs = RetryAfter(lambda: grow(40_000))
        window = start_window(qtbot, paths, dialogs, mono)
        qtbot.waitUntil(lambda: window.services_if_open is not None, timeout=120_000)
        QThreadPool.globalInstance().waitForDone()
        assert len(dialogs.confirms) == 1
        assert "is full" in dialogs.confirms[0] and str(data / "bayready.db") in dialogs.confirms[0]
        assert window.home.test_count() == 13  # the whole first run, not the part that fitted
        assert window.status_label.text() == "Loaded 13 question banks on first run."
        window.services.close()


def test_start_up_while_another_program_holds_the_database_offers_retry(
    qtbot: QtBot,
    tmp_path: Path,
    mono: FakeMonotonic,
    fake_now: FakeNow,
    exam_bank: Path,
) -> None:
    db = tmp_path / "bayready.db"
    paths = AppPaths(tmp_path / "data", f"sqlite:///{db}")
    services = open_services(paths, fake_now)
    services.banks.import_file(exam_bank)
    services.close()
    with contextlib.ExitStack() as stack:
        stack.enter_context(held_write_lock(db))
        dialogs = RetryAfter(stack.close)  # the other program finishes; the user picks Retry
        window = start_window(qtbot, paths, dialogs, mono)
        qtbot.waitUntil(lambda: window.home.profile.currentText() == "Learner", timeout=30_000)
    assert len(dialogs.confirms) == 1 and "Another program is using" in dialogs.confirms[0]
    assert str(db) in dialogs.confirms[0]
    QThreadPool.globalInstance().waitForDone()
    window.services.close()
