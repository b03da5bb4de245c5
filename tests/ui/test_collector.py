"""The cyclic collector runs on the GUI thread's timer, never on its own in a worker."""
from __future__ import annotations

import gc
import threading
from typing import Any

from bizenv_desktop.ui.collector import GuiThreadCollector, collect_if_due


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
