"""The GUI's background-work mechanism on real threads: results come back on the GUI thread,
a newer submission makes the older one's result stale (never applied), errors are delivered."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QCoreApplication, QObject
from pytestqt.qtbot import QtBot

from app.ui.work import LoadingNote, TaskRunner, Ticket, wait_for_background_work
from tests.ui.test_banks_ui import GIFT

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

GATE_TIMEOUT_S = 30  # a broken gate fails the test instead of hanging the run

WAIT_MS = 30_000  # a loaded CI machine can take seconds to run a worker thread


def test_work_runs_off_the_gui_thread_and_the_result_comes_back_on_it(qtbot: QtBot) -> None:
    runner = TaskRunner()
    threads: dict[str, int] = {}
    results: list[int] = []

    def work(_t: Ticket) -> int:
        threads["work"] = threading.get_ident()
        return 42

    def done(value: int) -> None:
        threads["done"] = threading.get_ident()
        results.append(value)

    ticket = runner.submit(work, done)
    qtbot.waitUntil(lambda: ticket.finished, timeout=WAIT_MS)
    assert results == [42]
    assert threads["done"] == threading.get_ident() != threads["work"]
    assert not runner.busy()


def test_a_newer_submission_under_the_same_key_drops_the_older_result(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release_a = threading.Event()
    shown: list[str] = []

    def slow_a(_t: Ticket) -> str:
        assert release_a.wait(GATE_TIMEOUT_S)
        return "A"

    a = runner.submit(slow_a, shown.append, key="preview")
    b = runner.submit(lambda _t: "B", shown.append, key="preview")
    qtbot.waitUntil(lambda: b.finished, timeout=WAIT_MS)
    release_a.set()  # A finishes last
    qtbot.waitUntil(lambda: a.finished, timeout=WAIT_MS)
    assert a.cancelled and not b.cancelled
    assert shown == ["B"]


def test_errors_reach_failed_and_without_it_the_excepthook(qtbot: QtBot) -> None:
    runner = TaskRunner()
    errors: list[Exception] = []

    def boom(_t: Ticket) -> None:
        raise ValueError("bad file")

    t = runner.submit(boom, lambda _v: None, errors.append)
    qtbot.waitUntil(lambda: t.finished, timeout=WAIT_MS)
    assert [str(e) for e in errors] == ["bad file"]
    with qtbot.captureExceptions() as raised:
        t2 = runner.submit(boom, lambda _v: None)
        qtbot.waitUntil(lambda: t2.finished, timeout=WAIT_MS)
    assert [str(e[1]) for e in raised] == ["bad file"]


def test_progress_is_reported_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: list[tuple[int, int, int]] = []

    def work(t: Ticket) -> None:
        for i in range(3):
            t.progress(i + 1, 3)

    ticket = runner.submit(
        work, lambda _v: None, progress=lambda d, n: seen.append((d, n, threading.get_ident()))
    )
    qtbot.waitUntil(lambda: ticket.finished, timeout=WAIT_MS)
    assert [(d, n) for d, n, _ in seen] == [(1, 3), (2, 3), (3, 3)]
    assert {ident for *_, ident in seen} == {threading.get_ident()}


def test_nothing_is_delivered_once_the_owner_is_gone(qtbot: QtBot) -> None:
    owner = QObject()
    runner = TaskRunner(owner)
    release = threading.Event()
    delivered: list[object] = []

    def slow(_t: Ticket) -> int:
        assert release.wait(GATE_TIMEOUT_S)
        return 1

    ticket = runner.submit(slow, delivered.append, delivered.append)
    owner.deleteLater()
    qtbot.waitUntil(lambda: ticket.cancelled, timeout=WAIT_MS)
    release.set()
    qtbot.waitUntil(lambda: ticket.finished, timeout=WAIT_MS)
    assert delivered == []


def test_a_ticket_is_finished_when_the_owner_goes_after_its_outcome_was_sent(
    qtbot: QtBot,
) -> None:
    """The work returned and its outcome is queued to the GUI thread, then the owner is
    destroyed before the queue runs: the delivery dies with the runner, and the ticket still
    says finished (code waiting on `finished` must not wait forever)."""
    import shiboken6

    from app.ui.work import pool

    owner = QObject()
    runner = TaskRunner(owner)
    delivered: list[object] = []
    ticket = runner.submit(lambda _t: 1, delivered.append, delivered.append)
    assert pool().waitForDone(WAIT_MS)  # the outcome is emitted; the GUI thread has not run it
    assert not ticket.finished
    shiboken6.delete(owner)  # destroyed now, with the delivery still queued
    assert ticket.finished and ticket.cancelled
    QCoreApplication.processEvents()  # whatever was queued runs now: nothing reaches `done`
    assert delivered == []


def test_the_inline_runner_delivers_before_submit_returns() -> None:
    runner = TaskRunner(inline=True)
    got: list[int] = []
    ticket = runner.submit(lambda _t: 7, got.append)
    assert got == [7] and ticket.finished


def test_loading_note_never_shows_for_a_fast_result_and_shows_for_a_slow_one(
    qtbot: QtBot,
) -> None:
    events: list[str] = []
    note = LoadingNote(lambda: events.append("show"), lambda: events.append("hide"), delay_ms=50)
    note.start()
    note.stop()  # the result came before the delay: nothing to flash
    assert events == [] and not note.shown
    note.start()
    qtbot.waitUntil(lambda: note.shown, timeout=WAIT_MS)
    note.stop()
    assert events == ["show", "hide"]


def test_import_preview_never_applies_a_stale_result(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Preview A (no mapping) is slow; the user maps the category, preview B (all mapped)
    arrives first; A finishes last and must not overwrite B."""
    import app.ui.import_dialog as import_dialog
    from app.services.formats import prepare_file

    release_a = threading.Event()
    calls: list[tuple[int, Any]] = []  # (thread, prepared) per preview, in call order
    gate_next = threading.Event()  # set: the next preview to start is A, and it waits
    a_started = threading.Event()  # A is inside prepare_file (so B cannot take its place)
    a_index: list[int] = []

    def gated_prepare(*args: Any, **kw: Any) -> Any:
        n = len(calls)
        calls.append((threading.get_ident(), None))
        if gate_next.is_set():  # preview A
            gate_next.clear()
            a_index.append(n)
            a_started.set()
            assert release_a.wait(GATE_TIMEOUT_S)
        prepared = prepare_file(*args, **kw)
        calls[n] = (calls[n][0], prepared)
        return prepared

    monkeypatch.setattr(import_dialog, "prepare_file", gated_prepare)
    f = tmp_path / "class.gift"
    f.write_text(GIFT)
    dlg = import_dialog.ImportDialog(f, window.services.banks, ["X1"], window)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(
        lambda: dlg.mapping.rowCount() == 1 and "would add 1" in dlg.summary.text(), timeout=WAIT_MS
    )
    qtbot.waitUntil(lambda: dlg.preview_ticket is None or dlg.preview_ticket.finished)
    gate_next.set()
    dlg.recheck.click()  # preview A: blocked in the worker
    a = dlg.preview_ticket
    assert a is not None
    # B only once A is in its worker: otherwise a busy pool could start B first, gate B as if
    # it were A, and the test would wait for a release that only comes after B (a flake at load)
    assert a_started.wait(GATE_TIMEOUT_S)
    combo = dlg.mapping.cellWidget(0, 2)
    combo.setCurrentIndex(combo.findData("X1.B.1.1"))  # type: ignore[attr-defined]  # preview B
    b = dlg.preview_ticket
    assert b is not None and b is not a
    qtbot.waitUntil(lambda: b.finished, timeout=WAIT_MS)
    assert "would add 2" in dlg.summary.text() and dlg.do_import.isEnabled()
    release_a.set()
    qtbot.waitUntil(lambda: a.finished, timeout=WAIT_MS)
    assert a_index and calls[a_index[0]][1] is not None  # A really ran to the end
    assert dlg.prepared is calls[-1][1] and len(calls) > a_index[0] + 1  # B's result stays
    assert "would add 2" in dlg.summary.text() and dlg.do_import.isEnabled()
    assert all(thread != threading.get_ident() for thread, _ in calls)


def test_threaded_import_stores_the_bank_from_a_worker_thread(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from app.ui.import_dialog import ImportDialog

    f = tmp_path / "class.gift"
    f.write_text(GIFT.replace("::g3:: Describe brake fade. {}\n", ""))
    dlg = ImportDialog(f, window.services.banks, ["X1"], window)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.mapping.rowCount() == 1, timeout=WAIT_MS)
    dlg.mapping.cellWidget(0, 2).setCurrentIndex(1)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: dlg.do_import.isEnabled(), timeout=WAIT_MS)
    with qtbot.waitSignal(dlg.imported, timeout=30_000) as imported:
        dlg.do_import.click()
    assert imported.args is not None and imported.args[0].added == 2
    assert dlg.summary.text().startswith("Imported:")
    assert len(window.services.banks.list_banks()) == 2


def test_bank_manager_shows_only_the_newest_selection_s_questions(
    qtbot: QtBot, window: MainWindow, dialogs: Any, tmp_path: Path
) -> None:
    from app.ui.banks_dialog import BanksDialog

    dlg = BanksDialog(window.services.banks, dialogs, window, preferred_test="X1")
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.questions.count() == 16, timeout=WAIT_MS)
    assert dlg.search_count.text() == "16 questions"


def test_exit_waits_for_work_on_our_own_pool(qtbot: QtBot) -> None:
    """The app's exit path waits on the pool TaskRunner uses, not only on Qt's global pool
    (it once waited on the wrong one, so the database could close under a running import)."""
    runner = TaskRunner()
    gate = threading.Event()
    finished = threading.Event()

    def work(_t: Ticket) -> None:
        gate.wait(GATE_TIMEOUT_S)
        finished.set()

    ticket = runner.submit(work, lambda _v: None)
    threading.Timer(0.3, gate.set).start()
    assert not finished.is_set()
    assert wait_for_background_work(WAIT_MS)
    assert finished.is_set()
    qtbot.waitUntil(lambda: ticket.finished, timeout=WAIT_MS)  # delivered before the runner goes
