"""One piece of long work (ui/tasks.py runs it): the worker's side (launch: the body on the
thread pool, progress that raises Cancelled after Cancel) and the GUI thread's (the Task's
signals, its progress dialog with a Cancel that really stops the work), and explain(), the
message a failure shows the user.

`progress(done, total, what)` is called by the work between units of work (core/progress.py);
it reaches the GUI thread at most every EMIT_EVERY_S. After Cancel it raises Cancelled, so a
write rolls back and nothing is left half-done.
"""
from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..core.errors import BizenvError
from ..core.progress import Cancelled, Progress

EMIT_EVERY_S = 0.05   # progress reaches the GUI thread at most this often


class _Relay(QObject):
    """Carries the worker's news to its Task on the GUI thread (queued: the Task lives there)."""

    progressed = Signal(int, int, str)
    ended = Signal(str, object)  # state ('done', 'failed', 'cancelled'), result or exception

    def send(self, state: str, payload: Any) -> None:
        try:
            self.ended.emit(state, payload)
        except RuntimeError:  # the Task went away meanwhile (its window closed)
            pass


class Task(QObject):
    """One piece of long work; made by Tasks.read / write / run."""

    progressed = Signal(int, int, str)   # done, total, what (GUI thread, throttled)
    finished = Signal(object)            # the result
    failed = Signal(object)              # the exception
    cancelled = Signal()
    ended = Signal()                     # after any of the three, once the outcome was delivered

    def __init__(self, title: str, quiet: bool, parent: QObject | None) -> None:
        super().__init__(parent)
        self.title = title
        self.quiet = quiet
        self.state = "running"           # then 'done', 'failed' or 'cancelled'
        self.result: Any = None
        self.error: BaseException | None = None
        self.last: tuple[int, int, str] = (0, 0, "")
        self.dialog: QProgressDialog | None = None
        self._stop = threading.Event()
        self._discard_on_cancel = True   # a result arriving after Cancel counts as cancelled
        self._on_end: Callable[[str, Any], Any] | None = None  # set by whoever launches it
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._progressed)  # bound methods of a GUI-thread object:
        self._relay.ended.connect(self._relay_ended)      # queued, so they run on the GUI thread

    @property
    def running(self) -> bool:
        return self.state == "running"

    def cancel(self) -> None:
        """Ask the work to stop at its next progress() call (any thread)."""
        self._stop.set()

    @property
    def cancel_requested(self) -> bool:
        return self._stop.is_set()

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Run the event loop until the task has ended (tests); False on timeout."""
        clock = QElapsedTimer()
        clock.start()
        while self.running and clock.elapsed() < timeout_ms:
            QCoreApplication.processEvents()
            QCoreApplication.sendPostedEvents()
            time.sleep(0.002)
        return not self.running

    # -- on the worker --------------------------------------------------------------
    def _progress_fn(self) -> Progress:
        relay, stop = self._relay, self._stop
        last_emit = [0.0]

        def progress(done: int, total: int, what: str = "") -> None:
            if stop.is_set():
                raise Cancelled()
            now = time.monotonic()
            if now - last_emit[0] >= EMIT_EVERY_S or done >= total:
                last_emit[0] = now
                try:
                    relay.progressed.emit(done, total, what)
                except RuntimeError:
                    pass
        return progress

    # -- on the GUI thread -------------------------------------------------------------
    def _relay_ended(self, state: str, payload: Any) -> None:
        if state == "done" and self._discard_on_cancel and self._stop.is_set():
            state, payload = "cancelled", None  # Cancel came after the worker's last look
        on_end, self._on_end = self._on_end, None  # it refers to this task: a cycle that kept
        if on_end is not None:                      # each result (a whole import) alive until a
            on_end(state, payload)                  # full collection walked it

    def _progressed(self, done: int, total: int, what: str) -> None:
        self.last = (done, total, what)
        if self.dialog is not None:
            self.dialog.setMaximum(max(total, 0))
            self.dialog.setValue(min(done, total) if total > 0 else 0)
            if what and not self._stop.is_set():
                self.dialog.setLabelText(f"{self.title}\n{what}")
        self.progressed.emit(done, total, what)

    def _show_dialog(self, parent: QWidget | None) -> None:
        if not self.running or self.quiet or self.dialog is not None:
            return
        done, total, what = self.last
        dialog = QProgressDialog(f"{self.title}\n{what}" if what else self.title, self.tr("取消"),
                                 0, max(total, 0), parent)
        dialog.setWindowTitle(self.tr("请稍候"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(360)
        dialog.setValue(min(done, total) if total > 0 else 0)
        dialog.canceled.connect(self._cancel_clicked)
        self.dialog = dialog
        dialog.show()

    def _cancel_clicked(self) -> None:
        self.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("正在取消……"))
            self.dialog.setCancelButtonText("")  # no second Cancel: the work stops at its next unit
            self.dialog.show()  # QProgressDialog hides itself on cancel; keep it up until stopped

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self._cancel_clicked)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None


def launch(task: Task, body: Callable[[Progress], Any], discard_on_cancel: bool = True) -> None:
    """Run body(progress) in the thread pool; the task's relay reports the outcome on the GUI
    thread. discard_on_cancel: work that returns after Cancel was asked for counts as cancelled
    (a read's result is not wanted any more; a write that committed is done, whatever was asked)."""
    progress, relay, stop = task._progress_fn(), task._relay, task._stop
    task._discard_on_cancel = discard_on_cancel

    def work() -> None:
        try:
            result = body(progress)
        except Cancelled:
            relay.send("cancelled", None)
        except BaseException as exc:  # noqa: BLE001 told on the GUI thread, never lost in the worker
            relay.send("failed", exc)
        else:
            relay.send("cancelled" if discard_on_cancel and stop.is_set() else "done", result)
    QThreadPool.globalInstance().start(work)



def explain(exc: BaseException) -> Exception:
    """The exception to show the user: services' errors as they are, SQLite's and the
    operating system's with what to do, anything else with its type (never a crash)."""
    if isinstance(exc, BizenvError):
        return exc
    if isinstance(exc, sqlite3.IntegrityError):
        return BizenvError("task.conflict", detail=str(exc))
    if isinstance(exc, (sqlite3.OperationalError, OSError)):
        return BizenvError("task.cannot_write", detail=str(exc))
    return BizenvError("task.failed", detail=f"{type(exc).__name__}: {exc}")
