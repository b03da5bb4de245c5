"""Where a to-do of the 待办 panel leads (double-click, Enter, or 打开 in its menu).

    monthly_dispatch             the 月调度 tab at that month (or 开始本月 offered for it)
    subtask                      the sub-task in the indicator tree
    supervision                  the item in the 督办事项 list
    leadership / provincial      the report dialog at that report and quarter
    liaison_report               the liaison register
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from ..services import dispatch
from .modal import run_modal

if TYPE_CHECKING:
    from ..services.deadlines import Deadline
    from .main_window import MainWindow

REPORTS = {"leadership_quarterly_report": "leadership", "provincial_quarterly_report": "provincial"}


def open_deadline(window: MainWindow, d: Deadline) -> str:
    """Go to what d is about; returns where it went (for tests and the status bar)."""
    kind, _sep, ident = d.key.partition(":")
    if kind == "monthly_dispatch" and d.period:
        view = window.month_view
        window.tabs.setCurrentWidget(view)
        if dispatch.month_head(window.controller.db, d.period) is None:
            answer = QMessageBox.question(
                window, QCoreApplication.translate("MainWindow", "月调度"),
                QCoreApplication.translate("MainWindow", "%1 的月调度尚未开始。现在开始吗？").replace("%1", d.period))
            if answer == QMessageBox.StandardButton.Yes:
                window.round_ops.start_month(d.period)
            return "month"
        view.show_month(d.period)
        return "month"
    if kind == "subtask":
        window.tabs.setCurrentWidget(window.plan_tree)
        window.plan_tree.select_key(("subtask", int(ident)))
        return "plan"
    if kind == "supervision":
        ledger = window.supervision_view
        window.tabs.setCurrentWidget(ledger)
        ledger.select(int(ident))
        return "supervision"
    if kind in REPORTS and d.period:
        from .report_dialog import ReportDialog

        year, quarter = int(d.period[:4]), int(d.period[5:])
        dialog = ReportDialog(window.controller, window, year)
        dialog.select(REPORTS[kind], year, quarter=quarter)
        run_modal(dialog)
        return "report"
    if kind == "liaison_report":
        window.workspace_ops.manage_liaisons()
        return "liaisons"
    return ""
