"""Undo and redo that say what they do, and where it was done.

The Edit menu reads 撤销 新增子任务“…”; when the step was made in another tab than the one in
front, it adds where (撤销 … （在“月调度”中）), since undo on one tab undoes the last edit of any
tab. The toolbar buttons keep a fixed text (the action's iconText): a label that grew with
each edit made the toolbar jump and pushed the filter box behind ».
Controller.where tells each new step which tab it was made in (ChangeCommand.where).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

if TYPE_CHECKING:
    from .main_window import MainWindow


class UndoLabels(QObject):
    def __init__(self, parent: QWidget, stack: QUndoStack, here: Callable[[], str],
                 title_of: Callable[[str], str]) -> None:
        """here(): the key of the tab in front; title_of(key): that tab's title."""
        super().__init__(parent)
        self.stack, self.here, self.title_of = stack, here, title_of
        self.act_undo = QAction(self.tr("撤销"), parent)
        self.act_undo.setShortcuts(QKeySequence.StandardKey.Undo)
        self.act_redo = QAction(self.tr("重做"), parent)
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action, word in ((self.act_undo, self.tr("撤销")), (self.act_redo, self.tr("重做"))):
            action.setIconText(word)  # what a toolbar button shows: never changes
        self.act_undo.triggered.connect(lambda _c=False: stack.undo())
        self.act_redo.triggered.connect(lambda _c=False: stack.redo())
        stack.indexChanged.connect(lambda _i: self.update())
        stack.cleanChanged.connect(lambda _c: self.update())
        self.update()

    def _where(self, index: int) -> str:
        """' (在“月调度”中)' when the step at index was made in a tab not in front, else ''."""
        if not 0 <= index < self.stack.count():
            return ""
        command = self.stack.command(index)
        where = getattr(command, "where", "") if command is not None else ""
        if not where or where == self.here():
            return ""
        return self.tr("（在“%1”中）").replace("%1", self.title_of(where))

    def update(self) -> None:
        if not isValid(self.stack) or not isValid(self.act_undo):
            return  # the stack emits while it is being destroyed with its controller
        index = self.stack.index()
        for action, text, can, step, word in (
                (self.act_undo, self.stack.undoText(), self.stack.canUndo(), index - 1, self.tr("撤销")),
                (self.act_redo, self.stack.redoText(), self.stack.canRedo(), index, self.tr("重做"))):
            action.setEnabled(can)
            label = f"{word} {text}{self._where(step)}" if can and text else word
            action.setText(label)
            action.setToolTip(label)
            action.setStatusTip(label if can else "")


    @classmethod
    def for_window(cls, window: MainWindow) -> UndoLabels:
        """The labels of the main window: its tabs by key, new steps told where they are made."""
        from .window_tabs import TABS

        titles = {"plan": "指标体系", **{tab.key: tab.title for tab in TABS}}
        window.controller.where = window.tab_key
        labels = cls(window, window.controller.undo_stack, window.tab_key,
                     lambda key: QCoreApplication.translate("MainWindow", titles.get(key, key)))
        window.tabs.currentChanged.connect(lambda _i: labels.update())
        return labels
