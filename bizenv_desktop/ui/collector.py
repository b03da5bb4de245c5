"""Python's cyclic garbage collector, run on the GUI thread only.

Left automatic, the collector runs in whichever thread happens to allocate when a threshold
is crossed. When that is a worker (a report being built, a backup, the ledger being read),
Qt objects caught in reference cycles are destroyed off the GUI thread, and Qt may crash.
So automatic collection is switched off and this timer collects, generation by generation,
with the collector's own thresholds, between the events of the GUI thread. It is the
pattern PyQt applications such as pyqtgraph use.
"""
from __future__ import annotations

import gc
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


def collect_if_due() -> int:
    """One collection of the oldest generation whose threshold is crossed; objects freed."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            return gc.collect(generation)
    return 0


class GuiThreadCollector(QObject):
    """Switches automatic collection off while it lives; collects on its timer."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(collect_if_due)
        self.timer.start()
        self.destroyed.connect(_restore(self._was_enabled))


def _restore(enabled: bool) -> Callable[[], None]:
    # not a bound method: the object is half gone when destroyed is emitted
    def restore() -> None:
        if enabled:
            gc.enable()
    return restore
