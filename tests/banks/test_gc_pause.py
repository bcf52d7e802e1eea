"""The collector pause around a bank's import: nests, is shared by threads, restores the state."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from app.banks.gc_pause import collector_paused


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


@pytest.mark.usefixtures("collector_on")
def test_a_pause_turns_the_collector_off_and_back_on_even_on_error() -> None:
    with pytest.raises(ValueError), collector_paused():
        assert not gc.isenabled()
        raise ValueError("a bad bank")
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_pauses_nest_and_the_collector_resumes_when_the_last_one_ends() -> None:
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled(), "the outer pause still holds"
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


@pytest.mark.usefixtures("collector_on")
def test_two_threads_share_one_pause() -> None:
    inside, release = threading.Event(), threading.Event()

    def other_import() -> None:
        with collector_paused():
            inside.set()
            release.wait(5)

    worker = threading.Thread(target=other_import)
    with collector_paused():
        worker.start()
        assert inside.wait(5)
    assert not gc.isenabled(), "the worker's pause is still running"
    release.set()
    worker.join(5)
    assert gc.isenabled()
