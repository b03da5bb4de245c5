"""A pause of Python's cyclic collector around bulk work (no Qt).

Reading or writing a whole ledger, or twenty forms with openpyxl, makes hundreds of thousands of
objects that stay alive (rows, undo images, workbook parts); every collection they set off walks
the whole heap of the open workspace without freeing any (a fifth of the time). What they leave
is collected after. In the window the automatic collector is off anyway (ui/collector.py): this
serves the command line and the tests, and costs nothing there.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic cyclic collection inside; the collector's state as it was after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
