"""The database file and the dialogs that manage it: open another file, backup, restore,
check (menu 文件); divisions, liaisons, the work calendar, the audit trail (管理); reports
(报告); settings; about (帮助). Dialog modules are imported when first used."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from ... import __version__
from ...core.errors import BizenvError
from .. import file_dialogs
from ..modal import run_modal
from . import make_action

if TYPE_CHECKING:
    from ..main_window import MainWindow


class WorkspaceOps(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        w = window
        self.act_open = make_action(w, self.tr("打开数据库(&O)…"), self.open_database, QKeySequence.StandardKey.Open)
        self.act_backup = make_action(w, self.tr("立即备份(&B)"), lambda: self._maintenance("backup_now"))
        self.act_restore = make_action(w, self.tr("从备份恢复…"), lambda: self._maintenance("restore_from"))
        self.act_check = make_action(w, self.tr("检查数据"), lambda: self._maintenance("check_data"))
        self.act_settings = make_action(w, self.tr("设置(&S)…"), self.show_settings,
                                        QKeySequence.StandardKey.Preferences)
        self.act_divisions = make_action(w, self.tr("处室管理(&D)…"), self.manage_divisions, QKeySequence("Ctrl+D"))
        self.act_liaisons = make_action(w, self.tr("联络员登记(&L)…"), self.manage_liaisons, QKeySequence("Ctrl+L"))
        self.act_reports = make_action(w, self.tr("报告与打印(&P)…"), self.show_reports, QKeySequence.StandardKey.Print)
        self.act_calendar = make_action(w, self.tr("工作日历(&C)…"), self.show_calendar)
        self.act_audit = make_action(w, self.tr("修改记录(&R)…"), self.show_audit, QKeySequence("Ctrl+H"))
        self.act_about = make_action(w, self.tr("关于(&A)"), self.about)
        w.menus.add("file", "open", self.act_open)
        w.menus.add("file", "maintenance", self.act_backup, self.act_restore, self.act_check)
        w.menus.add("file", "settings", self.act_settings)
        w.menus.add("report", "reports", self.act_reports)
        w.menus.add("manage", "people", self.act_divisions, self.act_liaisons)
        w.menus.add("manage", "records", self.act_calendar, self.act_audit)
        w.menus.add("help", "about", self.act_about)
        w.add_tools(None, self.act_divisions, self.act_liaisons)

    def _maintenance(self, name: str) -> None:
        from .. import maintenance  # backups and checks: not needed to show the window

        getattr(maintenance, name)(self.window, self.window.controller)

    def open_database(self) -> None:
        path = file_dialogs.open_file(self.window, "database", self.tr("打开数据库"),
                                      self.tr("工作台数据库 (*.sqlite3 *.db);;所有文件 (*)"))
        if not path:
            return
        from ...services.startup import open_workspace

        try:
            workspace = open_workspace(path)
        except (BizenvError, OSError) as exc:
            QMessageBox.warning(self.window, self.tr("无法打开数据库"), str(exc))
            return
        self.window.controller.set_workspace(workspace)
        self.window.show_default_year()

    def manage_divisions(self) -> None:
        from ..divisions_dialog import DivisionsDialog

        run_modal(DivisionsDialog(self.window.controller, self.window))

    def manage_liaisons(self) -> None:
        from ..liaison_dialog import LiaisonDialog

        run_modal(LiaisonDialog(self.window.controller, self.window))

    def show_reports(self) -> None:
        from ..report_dialog import ReportDialog

        run_modal(ReportDialog(self.window.controller, self.window, self.window.year))

    def show_settings(self) -> None:
        from ..settings_dialog import SettingsDialog

        run_modal(SettingsDialog(self.window.controller, self.window))

    def show_calendar(self) -> None:
        from ..calendar_dialog import CalendarDialog

        run_modal(CalendarDialog(self.window.controller, self.window))

    def show_audit(self) -> None:
        from ..audit_dialog import AuditDialog

        run_modal(AuditDialog(self.window.controller, self.window))

    def about(self) -> None:
        QMessageBox.about(
            self.window, self.tr("关于"),
            self.tr("<h3>营商环境考核评价工作台</h3><p>版本 %1</p><p>供营商环境建设联络员离线使用：维护指标体系、"
                    "分配责任处室、记录月调度、导出报告。</p><p>数据库：%2</p>")
            .replace("%1", __version__).replace("%2", str(self.window.controller.workspace.path)))
