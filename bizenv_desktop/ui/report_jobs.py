"""The report dialog's work off the GUI thread: reads, writes and file work, each on a worker.

- ``read(channel, fn, done)``: fn(db) on a worker's read-only connection in one read
  transaction; per channel only the newest request's result is delivered (a request made
  while one runs starts when that ends), so the dialog never shows older data than it asked for.
- ``run(channel, fn, done)``: the same without a connection (rendering pages, a file).
- ``write(label, fn, then, done)``: fn(writer) as one transaction on the worker's own
  connection to the workspace's file (Workspace.apply: undo and the audit trail come from it),
  then then(db) on that connection (the state to show); back on the GUI thread the ChangeSet
  becomes one step on the app's undo stack and done(fn's result, then's result) is called.
  Writes run one at a time in the order asked, so a quick edit and a drop cannot cross.

Composing a draft of a large database takes a few hundred ms, more than the GUI thread may
block for: that is why even a one-section save runs here. (When ui/tasks.py — the app's one
runner — is on main, reads and writes go through controller.tasks instead.)
Callbacks run on the GUI thread; fn and then run on a worker and must not touch widgets.
"""
from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, QThreadPool, Signal

from ..core.errors import BizenvError, DatabaseBusy
from ..services.workspace import Workspace
from ..storage.changes import ChangeSet, Writer
from ..storage.database import Database, open_database, open_reader

Done = Callable[[Any], Any]
Failed = Callable[[BaseException], Any]


class _Relay(QObject):
    """Carries a worker's outcome to the GUI thread (a child of Jobs: deleted with it there)."""

    ended = Signal(int, bool, object)  # ticket, ok, result or exception

    def send(self, ticket: int, ok: bool, payload: Any) -> None:
        try:
            self.ended.emit(ticket, ok, payload)
        except RuntimeError:  # the dialog went away meanwhile: nobody to tell
            pass


@dataclass
class _Job:
    body: Callable[[], Any]
    done: Done | None
    failed: Failed | None
    channel: str = ""
    label: str = ""


class Jobs(QObject):
    """The dialog's worker jobs; `busy` while any runs or waits."""

    writing_changed = Signal(bool)   # a write runs or waits (undo and redo wait for it)

    def __init__(self, controller: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._ticket = 0
        self._running: dict[int, _Job] = {}
        self._channels: dict[str, int] = {}          # channel -> ticket of its running job
        self._pending: dict[str, _Job] = {}          # channel -> newest job asked meanwhile
        self._writes: deque[_Job] = deque()
        self._write_ticket = 0                       # the running write, 0 when none
        self.pushing = False                         # our own step is being pushed (views: not news)
        self.closed = False
        self._relay = _Relay(self)
        self._relay.ended.connect(self._ended)

    # -- asking ---------------------------------------------------------------------------
    def read(self, channel: str, fn: Callable[[Database], Any], done: Done | None = None,
             failed: Failed | None = None) -> None:
        path = self.controller.workspace.path

        def body() -> Any:
            db = open_reader(path)
            try:
                db.execute("BEGIN")  # one snapshot for all of fn's queries
                return fn(db)
            finally:
                db.close()
        self._ask(_Job(body, done, failed, channel))

    def run(self, channel: str, fn: Callable[[], Any], done: Done | None = None,
            failed: Failed | None = None) -> None:
        self._ask(_Job(fn, done, failed, channel))

    def write(self, label: str, fn: Callable[[Writer], Any], then: Callable[[Database], Any] | None = None,
              done: Callable[[Any, Any], Any] | None = None, failed: Failed | None = None) -> None:
        workspace = self.controller.workspace
        if workspace.read_only:
            self._fail(failed, DatabaseBusy("db.read_only"))
            return
        path = workspace.path

        def body() -> tuple[ChangeSet, Any, Any]:
            ws = Workspace(open_database(path, create=False), None)  # the window holds the lock
            try:
                out: list[Any] = []
                changes = ws.apply(label, lambda w: out.append(fn(w)))
                return changes, out[0], then(ws.db) if then is not None else None
            finally:
                ws.db.close()

        def pushed(result: tuple[ChangeSet, Any, Any]) -> None:
            changes, value, state = result
            self._push(changes)  # even after the dialog closed: the step is on the stack
            if done is not None and not self.closed:
                done(value, state)
        self._writes.append(_Job(body, pushed, failed, label=label))
        if self._write_ticket == 0:
            self._next_write()
        self.writing_changed.emit(True)

    # -- state ----------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return bool(self._running or self._pending or self._writes)

    @property
    def writing(self) -> bool:
        return self._write_ticket != 0 or bool(self._writes)

    def wait(self, timeout_ms: int = 60000) -> bool:
        """Run the event loop until no job runs or waits (tests, and closing the dialog)."""
        clock = QElapsedTimer()
        clock.start()
        while self.busy and clock.elapsed() < timeout_ms:
            QCoreApplication.processEvents()
            QCoreApplication.sendPostedEvents()
            time.sleep(0.002)
        return not self.busy

    def wait_writes(self, timeout_ms: int = 30000) -> bool:
        """Run the event loop until every write asked for is saved and on the undo stack."""
        clock = QElapsedTimer()
        clock.start()
        while self.writing and clock.elapsed() < timeout_ms:
            QCoreApplication.processEvents()
            time.sleep(0.002)
        return not self.writing

    def close(self) -> None:
        """No more callbacks (the dialog closed); running work finishes unseen."""
        self.closed = True
        self._pending.clear()

    # -- machinery ------------------------------------------------------------------------
    def _ask(self, job: _Job) -> None:
        if job.channel in self._channels:
            self._pending[job.channel] = job
        else:
            self._launch(job)

    def _next_write(self) -> None:
        if not self._writes:
            self._write_ticket = 0
            self.writing_changed.emit(False)
            return
        self._write_ticket = self._launch(self._writes.popleft())

    def _launch(self, job: _Job) -> int:
        self._ticket += 1
        ticket, relay = self._ticket, self._relay
        self._running[ticket] = job
        if job.channel:
            self._channels[job.channel] = ticket

        def work() -> None:
            try:
                result = job.body()
            except BaseException as exc:  # noqa: BLE001 told on the GUI thread, never lost in the worker
                relay.send(ticket, False, exc)
            else:
                relay.send(ticket, True, result)
        QThreadPool.globalInstance().start(work)
        return ticket

    def _ended(self, ticket: int, ok: bool, payload: Any) -> None:
        job = self._running.pop(ticket, None)
        if job is None:
            return
        stale = False
        if job.channel:
            self._channels.pop(job.channel, None)
            newer = self._pending.pop(job.channel, None)
            if newer is not None:  # asked again meanwhile: this outcome is already old
                stale = True
                self._launch(newer)
        if job.label and ok and job.done is not None:
            job.done(payload)  # a write: its step goes on the undo stack whatever happens
        elif not self.closed and not stale:
            if ok:
                if job.done is not None:
                    job.done(payload)
            else:
                self._fail(job.failed, payload)
        if ticket == self._write_ticket:
            self._next_write()

    def _fail(self, failed: Failed | None, exc: BaseException) -> None:
        if failed is not None:
            failed(exc)
        else:
            self.controller.report(explain(exc))

    def _push(self, changes: ChangeSet) -> None:
        """The write's ChangeSet as one step of the app's undo stack, as Controller.run does."""
        if not changes:
            return
        self.pushing = True
        try:
            self.controller.push(changes)  # one undo step, and the views told what it touched
        finally:
            self.pushing = False


def explain(exc: BaseException) -> Exception:
    """What to show: the services' errors as they are, anything else with its type."""
    if isinstance(exc, BizenvError):
        return exc
    if isinstance(exc, OSError):
        return Exception(exc.strerror or str(exc))
    return Exception(f"{type(exc).__name__}: {exc}")
