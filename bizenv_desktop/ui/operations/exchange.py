"""Files in and out (menu 文件): the indicator-table and ledger imports, the Excel exports,
the evidence package. The import dialogs own their preview and apply; exports and the
package are built on a worker (ui/tasks.py) with a progress dialog and Cancel.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from .. import file_dialogs
from ..modal import modal, run_modal
from ...core.progress import Progress
from ..tasks import Task, explain
from . import make_action

if TYPE_CHECKING:
    from ..main_window import MainWindow


class ExchangeOps(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.act_import = make_action(window, self.tr("导入指标表(&I)…"), self.import_indicators)
        self.act_import_supervision = make_action(window, self.tr("导入督办事项台账(&U)…"), self.import_supervision)
        self.export_actions = [
            make_action(window, self.tr("指标表（任务分工表）…"), lambda: self.export_excel("indicators")),
            make_action(window, self.tr("本月月调度…"), lambda: self.export_excel("dispatch")),
            make_action(window, self.tr("督办事项台账…"), lambda: self.export_excel("supervision")),
            make_action(window, self.tr("宣传推广与表扬登记…"), lambda: self.export_excel("events")),
            make_action(window, self.tr("修改记录…"), lambda: self.export_excel("audit")),
        ]
        self.act_export_evidence = make_action(window, self.tr("导出佐证材料包(&Z)…"), self.export_evidence)
        self.act_import_plan = make_action(window, self.tr("导入方案文档(&W)…"), self.import_plan)
        window.menus.add("file", "exchange", self.act_import_plan, self.act_import, self.act_import_supervision)
        export_menu = window.menus.submenu("file", "exchange", self.tr("导出 Excel(&X)"))
        export_menu.addActions(self.export_actions)
        window.menus.add("file", "evidence", self.act_export_evidence)

    def import_indicators(self) -> None:
        from ..import_dialog import ImportIndicatorsDialog

        with modal(ImportIndicatorsDialog(self.window.controller, self.window, self.window.year)) as dialog:
            dialog.exec()
            imported = dialog.imported_year
        if imported:
            self.window.set_year(imported)

    def import_plan(self) -> None:
        from ..plan_import_dialog import PlanImportDialog

        dialog = PlanImportDialog(self.window.controller, self.window)
        dialog.exec()
        if dialog.imported_year:
            self.window.set_year(dialog.imported_year)

    def import_supervision(self) -> None:
        from ..supervision_import_dialog import ImportSupervisionDialog

        run_modal(ImportSupervisionDialog(self.window.controller, self.window))

    def export_excel(self, kind: str, target: str | None = None) -> Task | None:
        """Write one of the Excel exports on a worker (ui/tasks.py); the month is the month
        view's current month. Returns the task (its result: the rows written)."""
        from ...services.excel import export

        year, month = self.window.year, self.window.month_view.current
        names = {"indicators": self.tr("%1年任务分工表").replace("%1", str(year)),
                 "dispatch": self.tr("%1 月调度").replace("%1", month or ""),
                 "supervision": self.tr("督办事项台账"), "events": self.tr("%1年宣传推广与表扬").replace("%1", str(year)),
                 "audit": self.tr("修改记录")}
        if target is None:
            target = file_dialogs.save_file(self.window, "exports", self.tr("导出 Excel"), f"{names[kind]}.xlsx",
                                            self.tr("Excel 工作簿 (*.xlsx)"))
            if not target:
                return None
        out = target
        calls: dict[str, Callable[[Any, Progress], int]] = {
            "indicators": lambda db, p: export.export_indicators(db, year, out, progress=p),
            "dispatch": lambda db, p: export.export_dispatch(db, month, out, progress=p),
            "supervision": lambda db, p: export.export_supervision(db, out, progress=p),
            "events": lambda db, p: export.export_events(db, year, out, progress=p),
            "audit": lambda db, p: export.export_audit(db, out, progress=p)}
        return self.window.controller.tasks.read(
            self.tr("正在导出“%1”").replace("%1", Path(out).name), calls[kind],
            done=lambda rows: self.window.statusBar().showMessage(
                self.tr("已导出 %n 行到 %2", "", rows).replace("%2", str(out)), 8000),
            failed=lambda exc: QMessageBox.warning(self.window, self.tr("无法导出"), str(explain(exc))))

    def export_evidence(self, target: str | None = None) -> Task | None:
        """Zip this year's evidence on a worker, one folder per indicator, with an index."""
        from ...services import evidence

        year = self.window.year
        if target is None:
            target = file_dialogs.save_file(self.window, "evidence", self.tr("导出佐证材料包"),
                                            self.tr("%1年佐证材料.zip").replace("%1", str(year)),
                                            self.tr("压缩包 (*.zip)"))
            if not target:
                return None
        out, db_path = Path(target), self.window.controller.workspace.path
        return self.window.controller.tasks.read(
            self.tr("正在导出佐证材料包"),
            lambda db, p: evidence.export_package(db, db_path, year, out, progress=p),
            done=lambda summary: self.window.statusBar().showMessage(
                self.tr("已导出 %n 个文件到 %2", "", summary.files).replace("%2", str(out)), 8000),
            failed=lambda exc: QMessageBox.warning(self.window, self.tr("无法导出"), str(explain(exc))))
