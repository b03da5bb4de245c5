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


class _LongLived:
    """CPython's rule for the oldest generation, which gc.collect(2) skips: a full collection
    only once the objects moved into it since the last one (`pending`) exceed a quarter of
    those it held then (`total`). Without the rule every tenth middle collection was a full
    one, and on ten years of data (an undo stack holding a 10 000-row import) that is 0.1-0.4 s
    of the GUI thread each time."""

    total: int | None = None
    pending = 0

    @classmethod
    def full_due(cls) -> bool:
        if cls.total is None:
            cls.total = len(gc.get_objects(2))
        return cls.pending > cls.total // 4

    @classmethod
    def collect(cls, generation: int) -> int:
        if generation == 1:  # its survivors move into the oldest generation
            young = len(gc.get_objects(0)) + len(gc.get_objects(1))
            freed = gc.collect(1)
            cls.pending += max(0, young - freed)
            return freed
        freed = gc.collect(generation)
        if generation == 2:
            cls.total, cls.pending = len(gc.get_objects(2)), 0
        return freed


def collect_if_due() -> int:
    """One collection of the oldest generation whose threshold is crossed (the oldest only under
    CPython's own rule, _LongLived); objects freed."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            if generation == 2 and not _LongLived.full_due():
                continue
            return _LongLived.collect(generation)
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
