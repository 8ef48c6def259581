"""Import plans: the collector pause that imports run under."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from labnews.io.plan import gc_paused


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


@pytest.mark.usefixtures("collector_on")
def test_the_collector_is_paused_inside_and_back_after_even_on_error() -> None:
    inside: list[bool] = []

    def failing_import() -> None:
        with gc_paused():
            inside.append(gc.isenabled())
            raise RuntimeError("the import failed")

    with pytest.raises(RuntimeError):
        failing_import()
    assert inside == [False]
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_overlapping_pauses_in_two_threads_end_with_the_last() -> None:
    first_in, second_done, states = threading.Event(), threading.Event(), []

    def first() -> None:
        with gc_paused():
            first_in.set()
            second_done.wait(timeout=10)
            states.append(("first, after second left", gc.isenabled()))

    worker = threading.Thread(target=first)
    worker.start()
    first_in.wait(timeout=10)
    with gc_paused():
        states.append(("second", gc.isenabled()))
    second_done.set()
    worker.join(timeout=10)
    assert states == [("second", False), ("first, after second left", False)]
    assert gc.isenabled()


def test_a_collector_the_caller_had_off_stays_off() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()
