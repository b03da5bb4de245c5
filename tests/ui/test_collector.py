"""The cyclic collector runs on the GUI thread's timer, never on its own in a worker."""
from __future__ import annotations

import gc
import threading
from typing import Any

from bizenv_desktop.ui.collector import BURST, QUIET_TICKS, GuiThreadCollector, collect_if_due


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_collections_happen_on_the_timer_in_the_gui_thread(qtbot: Any) -> None:
    threads: list[str] = []

    def seen(phase: str, _info: dict[str, Any]) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)
    gc.enable()  # as in the app before the window: automatic
    collector = GuiThreadCollector(interval_ms=20)
    gc.callbacks.append(seen)
    try:
        assert not gc.isenabled()
        worker = threading.Thread(target=lambda: [Cycle() for _ in range(50_000)], name="worker")
        worker.start()
        worker.join()
        assert threads == []  # the worker crossed every threshold: nothing collected there
        qtbot.waitUntil(lambda: bool(threads), timeout=2000)
        assert set(threads) == {threading.main_thread().name}
    finally:
        gc.callbacks.remove(seen)
        collector.deleteLater()
        qtbot.wait(10)
    assert gc.isenabled()  # restored when the collector goes
    gc.disable()  # the test session's own setting (conftest)


def test_collect_if_due_takes_the_oldest_generation_due() -> None:
    gc.collect()
    assert collect_if_due() == 0  # nothing due
    garbage = [Cycle() for _ in range(gc.get_threshold()[0] + 10)]
    del garbage
    assert collect_if_due() >= gc.get_threshold()[0]  # the young cycles freed



def test_a_full_collection_waits_for_a_quarter_more_long_lived_objects() -> None:
    """As CPython's automatic collector: the oldest generation is collected again only once the
    objects moved into it since exceed a quarter of those it held (a full collection of a large
    heap is a long pause of the GUI thread)."""
    from bizenv_desktop.ui.collector import _LongLived

    full: list[int] = []

    def seen(phase: str, info: dict[str, Any]) -> None:
        if phase == "start" and info["generation"] == 2:
            full.append(1)

    def churn(kept: list[Any], garbage: int, keep: int) -> None:
        """Young garbage (cycles) and a few kept objects, collected as the timer would."""
        step = gc.get_threshold()[0]
        for n in range(0, garbage, step):
            _ = [Cycle() for _ in range(step)]
            kept.extend(Cycle() for _ in range(keep * step // garbage))
            del _
            collect_if_due()
            assert n < 100 * garbage
    held = [Cycle() for _ in range(200_000)]  # long-lived: the oldest generation holds these
    _LongLived.collect(2)
    total = _LongLived.total or 0  # all the oldest generation holds (the test session's objects too)
    gc.callbacks.append(seen)
    kept: list[Any] = []
    try:
        churn(kept, 300_000, total // 10)  # many middle collections; kept: well under a quarter
        assert gc.get_count()[2] > gc.get_threshold()[2] and full == []
        churn(kept, 300_000, total // 2)  # now over a quarter of what the oldest generation held
        assert _LongLived.pending > (_LongLived.total or 0) // 4
        assert full == []  # ... but the GUI thread is busy (new objects at every tick): later
        for _tick in range(QUIET_TICKS + 1):  # quiet ticks: few new objects (the first may still collect)
            collect_if_due()
        assert full
    finally:
        gc.callbacks.remove(seen)
    assert len(held) + len(kept) > 0


def test_a_workers_burst_of_objects_is_walked_once() -> None:
    """A young generation of more than BURST objects (a worker's result) is collected with the
    middle one: what survives goes straight to the oldest generation, not to be walked again."""
    gc.collect()
    made = [[n] for n in range(BURST + 5_000)]  # lists: tracked, alive
    young = len(gc.get_objects(0))
    assert young > BURST
    walked: list[int] = []

    def seen(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            walked.append(info["generation"])
    gc.callbacks.append(seen)
    try:
        collect_if_due()
    finally:
        gc.callbacks.remove(seen)
    assert walked == [1] and len(gc.get_objects(0)) + len(gc.get_objects(1)) < young // 10
    assert made[-1] == [BURST + 4_999]


def test_a_full_collection_comes_anyway_when_too_much_has_piled_up(monkeypatch: Any) -> None:
    from bizenv_desktop.ui import collector
    from bizenv_desktop.ui.collector import _LongLived

    monkeypatch.setattr(_LongLived, "total", 1_000)
    monkeypatch.setattr(_LongLived, "quiet", 0)
    monkeypatch.setattr(_LongLived, "pending", 10_000)
    assert not _LongLived.full_due()  # over a quarter, busy: waits
    monkeypatch.setattr(collector, "PENDING_LIMIT", 5_000)
    assert _LongLived.full_due()  # past the limit: now


def test_no_collection_while_a_hold_lasts(monkeypatch: Any) -> None:
    """A worker holding the collector (the preview's PDF build): its objects, alive until it
    ends, are not walked meanwhile; once it ends (or the hold is too old), collections resume."""
    from bizenv_desktop.ui import collector
    from bizenv_desktop.ui.collector import held

    gc.collect()
    walked: list[int] = []

    def seen(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            walked.append(info["generation"])
    gc.callbacks.append(seen)
    try:
        inside = threading.Event()
        release = threading.Event()

        def build() -> None:
            with held():
                made = [Cycle() for _ in range(BURST + 5_000)]
                inside.set()
                release.wait(10)
                del made
        worker = threading.Thread(target=build)
        worker.start()
        assert inside.wait(10)
        assert collect_if_due() == 0 and walked == []  # held: nothing walked
        monkeypatch.setattr(collector, "HOLD_LIMIT_S", 0.0)
        collect_if_due()
        assert walked  # a hold too old defers nothing
        monkeypatch.setattr(collector, "HOLD_LIMIT_S", 10.0)
        walked.clear()
        [Cycle() for _ in range(BURST + 5_000)]
        assert collect_if_due() == 0 and walked == []  # still held
        release.set()
        worker.join()
        assert collect_if_due() > 0 and walked  # ended: its cyclic leftovers are collected
    finally:
        release.set()
        gc.callbacks.remove(seen)
