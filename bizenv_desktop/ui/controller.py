"""Runs user actions for every window: one service call, one transaction, one undo step.

Widgets call `controller.run(label, fn)`; errors the services raise come back as a
message box that says what is wrong and what to do, and nothing is changed.

After every change (an action, undo, redo, a task's write, an import, a restore, another
file opened) `changed` carries a storage.touched.Touched: the tables and rows written. Views
follow it through ui/lazy.ReloadWhenShown (declare WATCHES, call self.watch(controller)) and
re-read only what they show. A slot taking no argument still works (it gets called for every
change); one with an optional argument would receive the Touched.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..core.errors import BizenvError, DatabaseDamaged
from ..core.progress import Progress
from ..services.workspace import Workspace
from ..storage.changes import ChangeSet, Writer
from ..storage.touched import Touched
from .tasks import Tasks, explain


BUSY_CHANGES = 2000  # rows an undo or redo puts back before the pointer shows it is working


class ChangeCommand(QUndoCommand):
    """An action already applied; undo and redo replay its row images."""

    def __init__(self, controller: Controller, changes: ChangeSet) -> None:
        super().__init__(changes.label)
        self.controller = controller
        self.changes = changes
        self.where = controller.where()  # the tab it was made in (the undo label names it)
        self._skip = True  # the first redo() (from push) must not apply it again

    def replayed_elsewhere(self) -> None:
        """The next undo()/redo() only moves the stack: a task has already put the rows back."""
        self._skip = True

    def redo(self) -> None:
        self._replay(undo=False)

    def undo(self) -> None:
        self._replay(undo=True)

    def _replay(self, undo: bool) -> None:
        if self._skip:
            self._skip = False
            return
        busy = len(self.changes.changes) >= BUSY_CHANGES  # an import: a second or more
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            (self.controller.workspace.undo if undo else self.controller.workspace.redo)(self.changes)
        except BizenvError as exc:
            self.setObsolete(True)  # the stack drops a step it cannot replay
            if busy:
                QApplication.restoreOverrideCursor()
                busy = False
            self.controller.report(exc)
        finally:
            if busy:
                QApplication.restoreOverrideCursor()
        self.controller.notify(Touched.of(self.changes))  # on a refusal too: harmless, and nothing is missed


class Controller(QObject):
    """Holds the open workspace and the undo stack shared by all windows."""

    changed = Signal(object)  # a Touched: what the change wrote (Touched.everything(): the whole file)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.undo_stack = QUndoStack(self)
        self.dialog_parent: QWidget | None = None
        self.where: Callable[[], str] = lambda: ""  # the window sets it: the key of the tab in front
        self.tasks = Tasks(self)  # long work off the GUI thread (ui/tasks.py)

    @property
    def db(self) -> Any:
        return self.workspace.db

    def run(self, label: str, action: Callable[[Writer], Any]) -> bool:
        """Apply action as one undoable step; False (after telling the user) on an error."""
        if self.tasks.writing:  # a task holds the file's one writer: nothing may wait on it here
            self.report(BizenvError("task.busy", title=self.tasks.current.title if self.tasks.current else ""))
            return False
        try:
            changes = self.workspace.apply(label, action)
        except BizenvError as exc:
            self.report(exc)
            return False
        except sqlite3.IntegrityError as exc:  # a rule the services missed; nothing was written
            self.report(Exception(self.tr("操作与已有数据冲突，未作任何修改：%1").replace("%1", str(exc))))
            return False
        except sqlite3.OperationalError as exc:  # disk full, read-only folder, file locked
            self.report(Exception(self.tr("无法写入数据库，未作任何修改：%1。请检查磁盘空间和文件权限。")
                                  .replace("%1", str(exc))))
            return False
        self.push(changes)
        return True

    def push(self, changes: ChangeSet, notify: bool = True) -> None:
        """An action applied (here or by a task): one undo step, and the views are told (unless
        notify=False: the caller tells them once for several steps)."""
        if changes:
            self.undo_stack.push(ChangeCommand(self, changes))
            if notify:
                self.notify(Touched.of(changes))

    def notify(self, touched: Touched | None = None) -> None:
        """Tell the views what changed (None: anything may have: a restore, another file)."""
        self.changed.emit(touched if touched is not None else Touched.everything())

    # -- undo and redo from the window: a large step runs as a task ------------------------
    def take_undo_actions(self, act_undo: Any, act_redo: Any) -> None:
        """Undo/redo actions made by the stack call these instead of the stack directly."""
        for action, step in ((act_undo, self.undo), (act_redo, self.redo)):
            action.triggered.disconnect()
            action.triggered.connect(lambda _checked=False, step=step: step())

    def undo(self) -> None:
        self._step(undo=True)

    def redo(self) -> None:
        self._step(undo=False)

    def _step(self, undo: bool) -> None:
        stack = self.undo_stack
        if not (stack.canUndo() if undo else stack.canRedo()):
            return
        if self.tasks.busy or self.tasks.writing:
            self.report(BizenvError("task.busy", title=self.tasks.current.title if self.tasks.current else ""))
            return
        cmd = stack.command(stack.index() - 1 if undo else stack.index())
        move = stack.undo if undo else stack.redo
        if not isinstance(cmd, ChangeCommand) or len(cmd.changes.changes) < BUSY_CHANGES:
            move()
            return
        workspace, changes = self.workspace, cmd.changes

        def replay(progress: Progress) -> None:
            progress(0, len(changes.changes), "")
            ws = workspace.on_this_thread()
            try:
                (ws.undo if undo else ws.redo)(changes, progress)
            finally:
                ws.db.close()

        def done(_result: Any) -> None:
            cmd.replayed_elsewhere()
            move()
            self.notify(Touched.of(changes))

        def failed(exc: BaseException) -> None:
            cmd.setObsolete(True)  # as a step replayed here: the stack drops what it cannot replay
            move()
            self.report(explain(exc))
            self.notify(Touched.of(changes))
        text = (self.tr("撤销“%1”") if undo else self.tr("重做“%1”")).replace("%1", changes.label)
        self.tasks.run(text, replay, writes=True, done=done, failed=failed)

    def report(self, exc: Exception) -> None:
        if isinstance(exc, DatabaseDamaged):  # not a warning: the offer to restore a backup
            from .maintenance import offer_restore

            offer_restore(self.dialog_parent, self, exc)
            return
        QMessageBox.warning(self.dialog_parent, self.tr("无法完成操作"), str(exc))

    def set_workspace(self, workspace: Workspace) -> None:
        self.workspace.close()
        self.workspace = workspace
        self.undo_stack.clear()
        self.notify()
