"""One runner for long work: a service call on a worker thread with its own connection, a
progress dialog with a Cancel that really stops it, and the result back on the GUI thread.

    task = controller.tasks.read(title, lambda db, progress: export(db, ..., progress=progress),
                                 done=lambda rows: ...)           # a read-only connection
    task = controller.tasks.write(label, lambda w, progress: apply_x(w, ..., progress=progress),
                                  done=lambda result: ...)        # one transaction, one undo step
    task = controller.tasks.write_each(title, [(label, work), ...])  # each its own undo step
    task = controller.tasks.run(title, lambda progress: make_file(..., progress=progress))  # no connection

`work` runs on a worker thread (never touch widgets there). It gets `progress`, to call as
`progress(done, total, what)` between units of work (core/progress.py); after Cancel that
call raises Cancelled, so a write rolls back and nothing is left half-done. Then, on the GUI
thread, exactly one of: done(result) (for write: after the ChangeSet became one undo step
and views were told), failed(error) (default: the controller's message box), cancelled()
(default: a status-bar note). The same outcomes come as the Task's signals.

The dialog (window-modal, over `parent`, default the window) shows only if the work takes
longer than SHOW_AFTER_MS; the wait cursor shows at once. One user task runs at a time
(`busy`); starting another meanwhile says so and returns None. While a write runs, the
controller refuses other writes (the file has one writer), so nothing waits on a lock.
quiet=True: no dialog, no cursor, not counted as busy (background reads, automatic backups).
Tests: `task.wait()` runs the event loop until the task has ended.
"""
from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget
from shiboken6 import isValid

from ..core.errors import BizenvError
from ..core.progress import Cancelled, Progress
from ..storage.changes import ChangeSet, Writer
from ..storage.database import Database, open_reader
from ..storage.touched import Touched

if TYPE_CHECKING:
    from .controller import Controller

SHOW_AFTER_MS = 300   # shorter work shows no dialog at all
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


class Tasks(QObject):
    """The runner of one controller (controller.tasks)."""

    started = Signal(object)   # a Task, when it starts
    ended = Signal(object)     # the Task, after its outcome was delivered

    def __init__(self, controller: Controller) -> None:
        super().__init__(controller)
        self.controller = controller
        self.current: Task | None = None        # the user task running, if any
        self.writing = False                    # a write task holds the file's one writer
        self._alive: set[Task] = set()

    @property
    def busy(self) -> bool:
        return self.current is not None

    # -- the three kinds ---------------------------------------------------------------
    def read(self, title: str, work: Callable[[Database, Progress], Any], snapshot: bool = True,
             **kw: Any) -> Task | None:
        """work(db, progress) on a read-only connection, inside one read transaction (one
        snapshot of the file for all its queries; snapshot=False: none, for work that makes
        its own, such as a backup)."""
        path = self.controller.workspace.path

        def body(progress: Progress) -> Any:
            db = open_reader(path)
            try:
                if snapshot:
                    db.execute("BEGIN")
                return work(db, progress)
            finally:
                db.close()
        return self._start(title, body, **kw)

    def write(self, label: str, work: Callable[[Writer, Progress], Any], **kw: Any) -> Task | None:
        """work(writer, progress) as one transaction on the worker's own connection; the
        ChangeSet becomes one undo step (label) before done(result) is called."""
        workspace = self.controller.workspace
        changes: list[ChangeSet] = []

        def body(progress: Progress) -> Any:
            progress(0, 0, "")  # cancelled before it began: not even a connection
            ws = workspace.on_this_thread()
            try:
                result: list[Any] = []
                changes.append(ws.apply(label, lambda w: result.append(work(w, progress))))
                return result[0]
            finally:
                ws.db.close()

        def pushed(result: Any) -> Any:
            if changes and changes[0]:
                self.controller.push(changes[0])
            return result
        return self._start(label, body, on_gui=pushed, writes=True, **kw)

    def write_each(self, title: str, steps: list[tuple[str, Callable[[Writer, Progress], Any]]],
                   **kw: Any) -> Task | None:
        """Several writes one after another on the worker, each its own transaction and undo
        step (label, work) (the returned forms of several divisions). Cancel stops before the
        next step (or rolls the current one back); steps done stay done, each whole. done()
        gets the results of the steps done: fewer than len(steps) when cancelled midway."""
        workspace = self.controller.workspace
        finished: list[ChangeSet] = []

        def body(progress: Progress) -> list[Any]:
            progress(0, len(steps), "")
            ws = workspace.on_this_thread()
            results: list[Any] = []
            try:
                for n, (label, work) in enumerate(steps):
                    try:
                        progress(n, len(steps), label)
                        out: list[Any] = []

                        def one(w: Writer, work: Callable[[Writer, Progress], Any] = work,
                                out: list[Any] = out) -> None:
                            out.append(work(w, progress))
                        finished.append(ws.apply(label, one))
                    except Cancelled:
                        if not results:
                            raise  # nothing written: an ordinary cancel
                        break  # the steps done stay done and become undo steps
                    results.append(out[0])
            finally:
                ws.db.close()
            return results

        def pushed(results: list[Any]) -> list[Any]:
            for changes in finished:  # each its own undo step; the views told once, of all of them
                self.controller.push(changes, notify=False)
            every = ChangeSet(title, [c for changes in finished for c in changes.changes])
            if every:  # (one notice per step re-read the 待办 panel 20 times in a row: 0.3 s)
                self.controller.notify(Touched.of(every))
            return results
        return self._start(title, body, on_gui=pushed, writes=True, **kw)

    def run(self, title: str, work: Callable[[Progress], Any], writes: bool = False, **kw: Any) -> Task | None:
        """work(progress) with no connection of the runner's (it opens what it needs);
        writes=True when it writes the database (a restore): other writes wait for it."""
        return self._start(title, work, writes=writes, **kw)

    # -- machinery -------------------------------------------------------------------
    def _start(self, title: str, body: Callable[[Progress], Any], *, done: Callable[[Any], Any] | None = None,
               failed: Callable[[BaseException], Any] | None = None, cancelled: Callable[[], Any] | None = None,
               parent: QWidget | None = None, quiet: bool = False, writes: bool = False,
               on_gui: Callable[[Any], Any] | None = None) -> Task | None:
        if not quiet and self.current is not None:
            self.controller.report(BizenvError("task.busy", title=self.current.title))
            return None
        if writes and self.writing:
            self.controller.report(BizenvError("task.busy", title=title))
            return None
        task = Task(title, quiet, self)
        self._alive.add(task)
        if not quiet:
            self.current = task
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            window = parent or self.controller.dialog_parent
            QTimer.singleShot(SHOW_AFTER_MS, task, lambda: task._show_dialog(window))
        if writes:
            self.writing = True
        task._on_end = lambda state, payload: self._ended(task, state, payload, done, failed, cancelled,
                                                          on_gui, writes)
        self.started.emit(task)
        launch(task, body, discard_on_cancel=not writes)
        return task

    def _ended(self, task: Task, state: str, payload: Any, done: Callable[[Any], Any] | None,
               failed: Callable[[BaseException], Any] | None, cancelled: Callable[[], Any] | None,
               on_gui: Callable[[Any], Any] | None, writes: bool) -> None:
        if writes:
            self.writing = False
        if self.current is task:
            self.current = None
            QApplication.restoreOverrideCursor()
        task._close_dialog()
        if state == "done" and on_gui is not None:
            try:
                payload = on_gui(payload)
            except BaseException as exc:  # noqa: BLE001
                state, payload = "failed", exc
        task.state = state
        if state == "done":
            task.result = payload
            task.finished.emit(payload)
            if done is not None:
                done(payload)
        elif state == "failed":
            task.error = payload
            task.failed.emit(payload)
            (failed or self.report)(payload)
        else:
            task.cancelled.emit()
            if cancelled is not None:
                cancelled()
            elif not task.quiet:
                self._note(str(Cancelled()))
        self._alive.discard(task)
        task.ended.emit()
        self.ended.emit(task)
        task.deleteLater()

    def report(self, exc: BaseException) -> None:
        """Tell the user why work failed (the controller's message box)."""
        self.controller.report(explain(exc))

    def _note(self, text: str) -> None:
        window = self.controller.dialog_parent
        bar = getattr(window, "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 8000)


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


def quiet_read(path: Path, read: Callable[[Database], Any], parent: QObject | None = None) -> Task:
    """read(db) on a worker's read-only connection, in one read transaction, with no dialog
    and no controller: for views that re-read in the background. The outcome comes as the
    Task's signals (finished / failed / cancelled, then ended)."""
    task = Task("", True, parent)

    def ended(state: str, payload: Any) -> None:
        task.state = state
        if state == "done":
            task.result = payload
            task.finished.emit(payload)
        elif state == "failed":
            task.error = payload
            task.failed.emit(payload)
        else:
            task.cancelled.emit()
        task.ended.emit()
        task.deleteLater()
    task._on_end = ended

    def body(_progress: Progress) -> Any:
        db = open_reader(path)
        try:
            db.execute("BEGIN")  # one snapshot for all of read's queries
            return read(db)
        finally:
            db.close()
    launch(task, body)
    return task


class Latest(QObject):
    """The requests of one widget of which only the newest matters (a preview read again as
    options change, a view read again after each change). A new request cancels the running
    one and starts when that has stopped; only the newest request's outcome is delivered.

        self.latest = Latest(self)
        self.latest.request(lambda: controller.tasks.read(title, work), done=self.show)
        self.latest.request(lambda: quiet_read(path, read), done=..., failed=...)
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.task: Task | None = None
        self.requests = 0
        self._pending: tuple[Callable[[], Task | None], Any, Any] | None = None

    @property
    def busy(self) -> bool:
        """A request has not been answered yet."""
        return self.task is not None or self._pending is not None

    def request(self, start: Callable[[], Task | None], done: Callable[[Any], Any] | None = None,
                failed: Callable[[BaseException], Any] | None = None) -> None:
        """start() makes the Task (tasks.read / write / run, or quiet_read); None if refused."""
        self.requests += 1
        if self.task is not None:
            self.task.cancel()
            self._pending = (start, done, failed)
        else:
            self._launch(start, done, failed)

    def _launch(self, start: Callable[[], Task | None], done: Any, failed: Any) -> None:
        task = start()
        if task is None:
            return
        self.task = task
        task.ended.connect(lambda: self._ended(task, done, failed))

    def _ended(self, task: Task, done: Any, failed: Any) -> None:
        if not isValid(self):  # its widget was deleted meanwhile (a dialog closed): nobody to tell
            return
        if task is not self.task:
            return
        self.task = None
        if self._pending is not None:  # asked again meanwhile: this outcome is already old
            start, done2, failed2 = self._pending
            self._pending = None
            self._launch(start, done2, failed2)
        elif task.state == "done" and done is not None:
            done(task.result)
        elif task.state == "failed" and failed is not None and task.error is not None:
            failed(task.error)


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
