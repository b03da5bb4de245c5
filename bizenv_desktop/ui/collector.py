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
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500
# A young generation this large is a worker's result (a 10 000-row table read and planned leaves
# 60 000-120 000 objects), not the GUI thread's own half second (a few thousand).
BURST = 20_000
QUIET_TICKS = 4             # 2 s with the default interval
PENDING_LIMIT = 1_500_000   # objects moved into the oldest generation since the last full collection
HOLD_LIMIT_S = 10.0         # a hold older than this no longer defers collections
HOLD_CAP = 1_000_000        # nor does one while more young objects than this are pending


class _LongLived:
    """CPython's rule for the oldest generation, which gc.collect(2) skips: a full collection
    only once the objects moved into it since the last one (`pending`) exceed a quarter of
    those it held then (`total`). Without the rule every tenth middle collection was a full
    one, and on ten years of data (an undo stack holding a 10 000-row import) that is 0.1-0.4 s
    of the GUI thread each time.

    And a full collection waits for a quiet moment (QUIET_TICKS of the timer in a row with
    few new objects: nobody clicking, no worker delivering), unless PENDING_LIMIT objects
    have piled up. It walks every long-lived object made since start-up (two imports of
    10 000 rows and their undo: 370 000, 140-410 ms), so it blocks whatever the liaison
    does at that moment; when nothing is going on, nobody waits for it. Nothing is collected
    less: cyclic garbage in the oldest generation only waits longer, bounded by the limit."""

    total: int | None = None
    pending = 0
    quiet = 0  # timer ticks in a row with fewer new objects than the youngest threshold

    @classmethod
    def full_due(cls) -> bool:
        if cls.total is None:
            cls.total = len(gc.get_objects(2))
        if cls.pending <= cls.total // 4:
            return False
        return cls.quiet >= QUIET_TICKS or cls.pending > PENDING_LIMIT

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


class _Hold:
    """Workers whose objects live only as long as the work (a PDF built for the preview: 94 000
    tracked objects at its peak, about 1 100 cyclic ones left when it ends). Collected while it
    runs, they are walked on the GUI thread (a middle collection of 60 ms on ten years of data)
    and none freed; after it, the few left are. So no collection while a hold lasts, bounded by
    HOLD_LIMIT_S and HOLD_CAP (other workers' garbage waits at most that long)."""

    lock = threading.Lock()
    count = 0
    since = 0.0

    @classmethod
    def active(cls) -> bool:
        return cls.count > 0 and time.monotonic() - cls.since < HOLD_LIMIT_S


@contextmanager
def held() -> Iterator[None]:
    """No collection on the GUI thread while the work inside runs (any thread)."""
    with _Hold.lock:
        if _Hold.count == 0:
            _Hold.since = time.monotonic()
        _Hold.count += 1
    try:
        yield
    finally:
        with _Hold.lock:
            _Hold.count -= 1


def collect_if_due() -> int:
    """One collection of the oldest generation whose threshold is crossed (the oldest only under
    CPython's own rule, _LongLived); objects freed.

    A young generation of more than BURST objects (what a worker made while automatic collection
    is off) is collected with the middle one: its survivors go straight to the oldest generation.
    Collected young they were walked twice on the GUI thread, the second time in a middle
    collection piled up with the next bursts (a 10 000-row import and its undo, then a ledger
    read: 180 ms in one pause, in the ledger's preview). The same objects are examined and
    freed, once each instead of twice; only the middle generation is collected earlier."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    _LongLived.quiet = _LongLived.quiet + 1 if counts[0] < thresholds[0] else 0
    if _Hold.active() and counts[0] < HOLD_CAP:
        return 0
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            if generation == 2 and not _LongLived.full_due():
                continue
            if generation == 0 and counts[0] > BURST:
                generation = 1
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
