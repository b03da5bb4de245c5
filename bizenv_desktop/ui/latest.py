"""Background reads of which only the newest matters: quiet_read (no dialog, no controller)
and Latest (a new request cancels the running one; only the newest outcome is delivered).
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from shiboken6 import isValid

from ..core.progress import Progress
from ..storage.database import Database, open_reader
from .task import Task, launch


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

