"""Runs user actions for every window: one service call, one transaction, one undo step.

Widgets call `controller.run(label, fn)`; errors the services raise come back as a
message box that says what is wrong and what to do, and nothing is changed.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..core.errors import BizenvError, DatabaseDamaged
from ..services.workspace import Workspace
from ..storage.changes import ChangeSet, Writer


BUSY_CHANGES = 2000  # rows an undo or redo puts back before the pointer shows it is working


class ChangeCommand(QUndoCommand):
    """An action already applied; undo and redo replay its row images."""

    def __init__(self, controller: Controller, changes: ChangeSet) -> None:
        super().__init__(changes.label)
        self.controller = controller
        self.changes = changes
        self.where = controller.where()  # the tab it was made in (the undo label names it)
        self._applied = True  # the first redo() (from push) must not apply it again

    def redo(self) -> None:
        if self._applied:
            return
        self._replay(undo=False)

    def undo(self) -> None:
        self._replay(undo=True)

    def _replay(self, undo: bool) -> None:
        busy = len(self.changes.changes) >= BUSY_CHANGES  # an import: a second or more
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            (self.controller.workspace.undo if undo else self.controller.workspace.redo)(self.changes)
            self._applied = not undo
        except BizenvError as exc:
            self.setObsolete(True)  # the stack drops a step it cannot replay
            if busy:
                QApplication.restoreOverrideCursor()
                busy = False
            self.controller.report(exc)
        finally:
            if busy:
                QApplication.restoreOverrideCursor()
        self.controller.changed.emit()


class Controller(QObject):
    """Holds the open workspace and the undo stack shared by all windows."""

    changed = Signal()

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.undo_stack = QUndoStack(self)
        self.dialog_parent: QWidget | None = None
        self.where: Callable[[], str] = lambda: ""  # the window sets it: the key of the tab in front

    @property
    def db(self) -> Any:
        return self.workspace.db

    def run(self, label: str, action: Callable[[Writer], Any]) -> bool:
        """Apply action as one undoable step; False (after telling the user) on an error."""
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
        if changes:
            self.undo_stack.push(ChangeCommand(self, changes))
            self.changed.emit()
        return True

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
        self.changed.emit()
