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
The Task itself (its signals, dialog and worker side) is in ui/task.py; quiet_read and Latest,
for background reads, in ui/latest.py (both importable from here too).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from ..core.errors import BizenvError
from ..core.progress import Cancelled, Progress
from ..storage.changes import ChangeSet, Writer
from ..storage.database import Database, open_reader
from ..storage.touched import Touched
from .latest import Latest, quiet_read
from .task import Task, explain, launch

if TYPE_CHECKING:
    from .controller import Controller

__all__ = ["SHOW_AFTER_MS", "Latest", "Task", "Tasks", "explain", "launch", "quiet_read"]

SHOW_AFTER_MS = 300   # shorter work shows no dialog at all


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
