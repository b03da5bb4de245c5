"""Plan years (menu 年度): a new year from the current one or from the built-in plan, and
deleting a year. Each is one undoable step; the window then shows the year made."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox

from ...services import plan_read
from . import make_action

if TYPE_CHECKING:
    from ..main_window import MainWindow


class YearOps(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.act_new_year = make_action(window, self.tr("从本年度创建新年度…"), self.new_year_from_current)
        self.act_builtin_year = make_action(window, self.tr("用内置方案创建年度…"), self.new_builtin_year)
        self.act_delete_year = make_action(window, self.tr("删除本年度…"), self.delete_year)
        window.menus.add("year", "create", self.act_new_year, self.act_builtin_year)
        window.menus.add("year", "delete", self.act_delete_year)

    def refresh(self) -> None:
        has_year = self.window.model.plan is not None
        self.act_new_year.setEnabled(has_year)
        self.act_delete_year.setEnabled(has_year)

    def _years(self) -> list[int]:
        return plan_read.list_years(self.window.controller.db)

    def new_year_from_current(self, target: int | None = None) -> None:
        from ...services import years

        source = self.window.year
        if target is None:
            value, ok = QInputDialog.getInt(
                self.window, self.tr("创建新年度"),
                self.tr("从 %1 年度复制指标、责任处室和子任务（不含日期），新年度：").replace("%1", str(source)),
                max(self._years()) + 1, 2000, 2100)
            if not ok:
                return
            target = value
        new = target
        if self.window.controller.run(
                self.tr("从 %1 年度创建 %2 年度").replace("%1", str(source)).replace("%2", str(new)),
                lambda w: years.create_year_from(w, source, new)):
            self.window.set_year(new)

    def new_builtin_year(self) -> None:
        from ...services import years

        value, ok = QInputDialog.getInt(self.window, self.tr("用内置方案创建年度"), self.tr("年度："),
                                        max(self._years(), default=date.today().year - 1) + 1, 2000, 2100)
        if ok and self.window.controller.run(self.tr("创建 %1 年度（内置方案）").replace("%1", str(value)),
                                             lambda w: years.create_builtin_year(w, value)):
            self.window.set_year(value)

    def delete_year(self) -> None:
        from ...services import years

        year = self.window.year
        answer = QMessageBox.question(
            self.window, self.tr("删除年度"),
            self.tr("删除 %1 年度的全部指标、责任处室和子任务？可用“撤销”恢复。").replace("%1", str(year)))
        if answer == QMessageBox.StandardButton.Yes:
            self.window.controller.run(self.tr("删除 %1 年度").replace("%1", str(year)),
                                       lambda w: years.delete_year(w, year))
