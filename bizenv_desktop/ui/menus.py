"""The window's menus, declared once: which menus, in what order, and their sections.

Operations put their actions into a section (`window.menus.add("file", "exchange", act)`);
sections are drawn in LAYOUT's order with a separator between them (empty sections and
doubled separators collapse), so modules can add actions in any order and the menus keep
theirs. A new menu: one line in LAYOUT. A new section: one name in its menu's tuple.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

if TYPE_CHECKING:  # PySide6's stub returns object; the marked text is the string itself
    def QT_TRANSLATE_NOOP(context: str, text: str) -> str: ...  # noqa: N802
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

# (key, title, sections); titles are translated in the MainWindow context
LAYOUT: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("file", QT_TRANSLATE_NOOP("MainWindow", "文件(&F)"),
     ("open", "exchange", "evidence", "maintenance", "settings", "quit")),
    ("edit", QT_TRANSLATE_NOOP("MainWindow", "编辑(&E)"), ("undo", "add", "change", "move", "find")),
    ("month", QT_TRANSLATE_NOOP("MainWindow", "月调度(&D)"), ("round", "month")),
    ("report", QT_TRANSLATE_NOOP("MainWindow", "报告(&R)"), ("reports",)),
    ("year", QT_TRANSLATE_NOOP("MainWindow", "年度(&Y)"), ("create", "delete")),
    ("manage", QT_TRANSLATE_NOOP("MainWindow", "管理(&M)"), ("people", "records")),
    ("view", QT_TRANSLATE_NOOP("MainWindow", "视图(&V)"), ("tree", "panels")),
    ("help", QT_TRANSLATE_NOOP("MainWindow", "帮助(&H)"), ("help", "about")),
)


class Menus:
    """The menu bar of a window, built from LAYOUT."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.menus: dict[str, QMenu] = {}
        self._ends: dict[tuple[str, str], QAction] = {}  # the separator closing each section
        bar = window.menuBar()
        for key, title, sections in LAYOUT:
            menu = bar.addMenu(QCoreApplication.translate("MainWindow", title))
            menu.setSeparatorsCollapsible(True)
            self.menus[key] = menu
            for section in sections:
                self._ends[(key, section)] = menu.addSeparator()

    def add(self, menu: str, section: str, *actions: QAction) -> None:
        """Append actions to the end of a section (KeyError names an unknown one)."""
        end = self._ends[(menu, section)]
        for action in actions:
            self.menus[menu].insertAction(end, action)

    def submenu(self, menu: str, section: str, title: str) -> QMenu:
        sub = QMenu(title, self.menus[menu])
        self.add(menu, section, sub.menuAction())
        return sub

    def __getitem__(self, menu: str) -> QMenu:
        return self.menus[menu]
