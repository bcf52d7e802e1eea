"""The GUI's one way to run slow work (database, files) off the GUI thread.

`TaskRunner.submit(work, done, failed)` runs `work(ticket)` on the GUI's own thread pool and calls
`done(result)` or `failed(error)` back on the GUI thread. The returned `Ticket` can be cancelled;
a cancelled ticket's result is dropped, never applied. Submitting again under the same `key`
cancels the ticket before it (a generation counter), so a slow, stale answer can never overwrite
a newer one. `TaskRunner(inline=True)` runs the work at once on the calling thread, for tests that
are not about threads.

Work must not touch widgets. Database sessions are opened inside the work (the services open one
per call), so each lives and dies on the worker thread that made it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

T = TypeVar("T")

# Our own pool, wider than Qt's global one (which holds one thread per core: two on a small
# laptop): a long import must not queue the learner's report behind it.
WORKER_THREADS = 4
_pool: QThreadPool | None = None


def pool() -> QThreadPool:
    """The pool every TaskRunner uses (tests wait on it to drain between tests)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(max(WORKER_THREADS, QThreadPool.globalInstance().maxThreadCount()))
    return _pool


def wait_for_background_work(timeout_ms: int = 60_000) -> bool:
    """Block until every piece of background work has finished (at exit: never close the
    database under a running import, report or start-up job). Our pool and Qt's global one.
    Returns whether both drained within the time."""
    drained = pool().waitForDone(timeout_ms)
    return QThreadPool.globalInstance().waitForDone(timeout_ms) and drained


LOADING_DELAY_MS = 150  # a "Loading..." note shows only for work slower than this: no flash


class Ticket:
    """One submitted piece of work: cancel it to drop its result; the work may poll `cancelled`
    and report `progress(done, total)`."""

    def __init__(self, key: str | None, generation: int) -> None:
        self.key = key
        self.generation = generation
        self._cancelled = threading.Event()
        self._finished = threading.Event()
        self._orphaned = False  # the runner was destroyed: nowhere to deliver to
        self._outcome_sent = False  # emitted to the GUI thread, not yet delivered there
        self._lock = threading.Lock()  # orders the worker's emit against the runner's destruction
        self._progress: Callable[[int, int], None] = lambda _d, _t: None

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    @property
    def finished(self) -> bool:
        """The work has returned or raised and its outcome was delivered (or dropped)."""
        return self._finished.is_set()

    def progress(self, done: int, total: int) -> None:
        if not self.cancelled:
            self._progress(done, total)


class _Relay(QObject):
    """Lives in the GUI thread; a worker emits on it, so the slots run in the GUI thread."""

    succeeded = Signal(object)
    raised = Signal(object)
    progressed = Signal(int, int)


class _Task(QRunnable, Generic[T]):
    def __init__(self, work: Callable[[Ticket], T], ticket: Ticket, relay: _Relay) -> None:
        super().__init__()
        self.work = work
        self.ticket = ticket
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.work(self.ticket)
        except Exception as e:  # carried to the GUI thread; never lost in the pool
            self._emit(self.relay.raised, e)
        else:
            self._emit(self.relay.succeeded, result)

    def _emit(self, signal: Any, value: object) -> None:
        # a cancelled ticket's outcome still goes back (the GUI thread drops it and tidies up),
        # unless the runner is gone with its relay; an outcome emitted but then never delivered
        # (the runner destroyed meanwhile) is finished by the runner's destroyed handler
        t = self.ticket
        with t._lock:
            if not t._orphaned:
                try:
                    signal.emit(value)  # queued to the GUI thread: returns at once
                    t._outcome_sent = True
                    return
                except RuntimeError:  # the owner was destroyed between the check and the emit
                    t.cancel()
            t._finished.set()


class TaskRunner(QObject):
    """Submits work to the thread pool and delivers outcomes to the GUI thread (see module doc).

    When the runner's owner is destroyed every ticket it handed out is cancelled, so no result
    reaches a closed dialog."""

    def __init__(self, parent: QObject | None = None, *, inline: bool = False) -> None:
        super().__init__(parent)
        self.inline = inline
        self._generation = 0
        self._latest: dict[str, Ticket] = {}
        # plain containers, not self: the destroyed handler must not touch a dying wrapper
        live: dict[int, tuple[Ticket, _Relay]] = {}
        self._live = live

        def on_destroyed(_obj: object = None) -> None:
            for t, _r in list(live.values()):
                with t._lock:
                    t._orphaned = True
                    t.cancel()
                    if t._outcome_sent:  # its queued delivery dies with the relay
                        t._finished.set()

        self.destroyed.connect(on_destroyed)

    def submit(
        self,
        work: Callable[[Ticket], T],
        done: Callable[[T], object],
        failed: Callable[[Exception], object] | None = None,
        *,
        progress: Callable[[int, int], object] | None = None,
        key: str | None = None,
    ) -> Ticket:
        """Run `work(ticket)` off the GUI thread; `done(result)` or `failed(error)` follow on the
        GUI thread unless the ticket was cancelled. Without `failed`, an error is raised in the
        GUI thread (the excepthook shows a database fault, the crash hook anything else). A new
        submit under the same `key` cancels the previous one."""
        self._generation += 1
        ticket = Ticket(key, self._generation)
        if key is not None:
            previous = self._latest.get(key)
            if previous is not None:
                previous.cancel()
            self._latest[key] = ticket
        if self.inline:
            if progress is not None:
                report = progress

                def report_inline(d: int, t: int) -> None:
                    report(d, t)

                ticket._progress = report_inline
            try:
                result = work(ticket)
            except Exception as e:
                self._deliver_error(ticket, e, failed)
            else:
                self._deliver(ticket, result, done)
            return ticket
        # created here, so it belongs to the GUI thread; owned by the runner (Qt), so dropping
        # the Python reference while its own signal is being delivered deletes nothing
        relay = _Relay(self)
        live = self._live
        live[id(ticket)] = (ticket, relay)

        def finish() -> bool:
            live.pop(id(ticket), None)
            relay.deleteLater()
            ticket._finished.set()
            return not ticket.cancelled

        def on_succeeded(result: Any) -> None:
            if finish():
                done(result)

        def on_raised(error: Exception) -> None:
            if finish():
                self._raise_or_report(error, failed)
            else:
                logging.getLogger("bayready").debug("dropped a cancelled task's error: %r", error)

        relay.succeeded.connect(on_succeeded)
        relay.raised.connect(on_raised)
        if progress is not None:
            relay.progressed.connect(lambda d, t: None if ticket.cancelled else progress(d, t))

        def report_progress(d: int, t: int) -> None:
            try:
                relay.progressed.emit(d, t)
            except RuntimeError:  # the owner was destroyed: stop reporting
                ticket.cancel()

        ticket._progress = report_progress
        pool().start(_Task(work, ticket, relay))
        return ticket

    def busy(self) -> bool:
        """Some submitted work has not been delivered yet."""
        return any(not t.cancelled for t, _r in self._live.values())

    def _deliver(self, ticket: Ticket, result: T, done: Callable[[T], object]) -> None:
        ticket._finished.set()
        if not ticket.cancelled:
            done(result)

    def _deliver_error(
        self, ticket: Ticket, error: Exception, failed: Callable[[Exception], object] | None
    ) -> None:
        ticket._finished.set()
        if not ticket.cancelled:
            self._raise_or_report(error, failed)

    @staticmethod
    def _raise_or_report(error: Exception, failed: Callable[[Exception], object] | None) -> None:
        if failed is None:
            raise error
        failed(error)


class LoadingNote(QObject):
    """Calls `show()` only when the work outlasts LOADING_DELAY_MS and `hide()` once it is done,
    so a fast result never flashes a "Loading..." state."""

    def __init__(
        self,
        show: Callable[[], object],
        hide: Callable[[], object],
        parent: QObject | None = None,
        delay_ms: int = LOADING_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self._show, self._hide = show, hide
        self.shown = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self.shown:
            self.shown = False
            self._hide()

    def _on_timer_timeout(self) -> None:
        self.shown = True
        self._show()
