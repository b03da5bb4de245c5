"""Reading the database off the GUI thread for a view: the newest request wins.

A view that must read a lot after each change (the 督办事项 ledger: 5 000 items) asks a
BackgroundRead; the read runs in the global thread pool on its own read-only connection
(sqlite3 connections belong to their thread), in one read transaction so that its queries
see one state of the file, and the result comes back on the GUI thread as `done`. One read
runs at a time: a request made meanwhile starts when it ends, and only the result of the
newest request is delivered, so a view never shows data older than what it last asked for.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from ..storage.database import Database, open_reader

Read = Callable[[Database], Any]


class _Relay(QObject):
    """Carries a result from the worker to the GUI thread. A child of its BackgroundRead, so it
    is deleted with it, on the GUI thread, and never by a worker dropping its last reference."""

    finished = Signal(int, object, str)  # ticket, result, error ('' when none)

    def send(self, ticket: int, result: Any, error: str) -> None:
        try:
            self.finished.emit(ticket, result, error)
        except RuntimeError:  # the view went away meanwhile (its window closed): nobody to tell
            pass


class BackgroundRead(QObject):
    done = Signal(object)  # the result of the newest request
    failed = Signal(str)   # why the newest request could not be read

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ticket = 0
        self._running = False
        self._pending: tuple[Path, Read] | None = None
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finished)

    @property
    def requests(self) -> int:
        """How many reads were asked for so far."""
        return self._ticket

    @property
    def busy(self) -> bool:
        """A request has not been answered yet."""
        return self._running or self._pending is not None

    def start(self, path: Path, read: Read) -> None:
        """Run read(db) on a read-only connection to the file at path."""
        self._ticket += 1
        if self._running:
            self._pending = (path, read)
        else:
            self._run(self._ticket, path, read)

    def _run(self, ticket: int, path: Path, read: Read) -> None:
        self._running = True
        relay = self._relay

        def work() -> None:
            try:
                db = open_reader(path)
                try:
                    db.execute("BEGIN")  # one snapshot for all of read's queries
                    result = read(db)
                finally:
                    db.close()
            except Exception as exc:  # noqa: BLE001 reported on the GUI thread, never lost in the worker
                relay.send(ticket, None, str(exc) or type(exc).__name__)
            else:
                relay.send(ticket, result, "")
        QThreadPool.globalInstance().start(work)

    def _finished(self, ticket: int, result: Any, error: str) -> None:
        self._running = False
        if self._pending is not None:  # asked again meanwhile: this result is already old
            path, read = self._pending
            self._pending = None
            self._run(self._ticket, path, read)
        elif ticket == self._ticket:
            if error:
                self.failed.emit(error)
            else:
                self.done.emit(result)
