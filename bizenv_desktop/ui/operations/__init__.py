"""The window's user actions, one module per kind of work (the shape of Anki's aqt/operations).

The window (ui/main_window.py) is only a shell: tree, tabs, menus, year. Everything a menu
item does lives here, each module holding the QActions of one job and the small functions
behind them; a function asks what it needs (a file name, a confirmation), calls ONE service
through the controller (`controller.run(label, fn)`: one transaction, one undo step) and says
what happened. No SQL here, nor in any widget.

    plan.py       the indicator tree: add, edit, delete, move, renumber (menu 编辑)
    years.py      plan years: new from the current one, from the built-in plan, delete (年度)
    exchange.py   files in and out: imports, Excel exports, the evidence package (文件)
    workspace.py  the database file and its dialogs: open, backup, restore, check, settings,
                  divisions, liaisons, calendar, audit, reports, about (文件, 管理, 报告, 帮助)

To add a menu action
    1. in the module of its job (or a new one here), make it in __init__:
           self.act_x = make_action(window, self.tr("做某事…"), self.do_x, QKeySequence("Ctrl+…"))
    2. put it in a menu section: window.menus.add("file", "exchange", self.act_x)
       (menus and their sections: ui/menus.py LAYOUT; a new menu is one line there);
    3. write do_x: ask, call the service (controller.run for a write), report;
    4. strings through self.tr(); run `bash .ci/update-translations` and translate.
    A new module: add its class to MainWindow.operations (main_window.py, one line).
    If it depends on the selection or the year, give it `refresh()` (see PlanOps).
To add a tab: one entry in ui/window_tabs.py TABS.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence


def make_action(parent: QObject, text: str, slot: Callable[[], Any], shortcut: Any = None,
                tip: str = "") -> QAction:
    """A QAction calling slot() (never with Qt's `checked` argument); shortcut: a key
    sequence, a standard key, or a list of QKeySequence."""
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action
