"""The monthly round as one path (menu 月调度, and a toolbar at the top of the 月调度 tab):
开始本月 → 生成处室调度表 → 收回调度表 → 催报名单 → 关闭本月 → 生成报告.

Each step acts on the month the 月调度 tab shows, or before that tab is built on the month that
is due (services.dispatch.due_month), and is enabled when it makes sense for that month:
forms go out, come back and are chased while the month is open; it is closed once; its report
can be made once it has started. Closing with returns missing names the divisions and asks.
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ...core.errors import BizenvError
from ...services import dispatch
from ..modal import modal, run_modal
from . import make_action

if TYPE_CHECKING:
    from ...storage.touched import Touched
    from ..main_window import MainWindow
    from ..month_view import MonthView


def _returns() -> Any:
    from ...services import form_returns  # openpyxl-free, but only needed once a month is open

    return form_returns


class MonthRoundOps(QObject):
    # what update_steps() reads: the months, the plan years, who owes a form (tests/ui/test_watches.py)
    WATCHES = frozenset({"assignment", "dispatch_month", "dispatch_row", "division", "form_return",
                         "form_sendback", "plan_year"})

    def __init__(self, window: MainWindow, today: date | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.fixed_today = today
        w = window
        self.act_start = make_action(w, self.tr("开始本月…"), self.start_month)
        self.act_make = make_action(w, self.tr("生成处室调度表…"), self.make_forms)
        self.act_collect = make_action(w, self.tr("收回调度表…"), self.collect_forms)
        self.act_chase = make_action(w, self.tr("催报名单…"), self.chase)
        self.act_close = make_action(w, self.tr("关闭本月…"), self.close_month)
        self.act_report = make_action(w, self.tr("生成报告…"), self.report)
        self.round_actions = [self.act_start, self.act_make, self.act_collect, self.act_chase, self.act_close,
                              self.act_report]
        for step, action in enumerate(self.round_actions, 1):
            action.setData(step)
        w.menus.add("month", "round", *self.round_actions)
        w.tabs.built.connect(self._view_built)
        w.controller.changed.connect(self._changed, Qt.ConnectionType.QueuedConnection)
        self.update_steps()

    @property
    def today(self) -> date:
        return self.fixed_today or date.today()

    def _view(self) -> MonthView | None:
        """The month view if it is built (the round must not build it just to look)."""
        return self.window.pages["month"].view  # type: ignore[return-value]

    def month(self) -> str:
        """The month the steps act on: the one the 月调度 tab shows, else the one that is due."""
        view = self._view()
        if view is not None and view.current:
            return view.current
        return dispatch.due_month(self.window.controller.db, self.today)

    def _view_built(self, view: QWidget) -> None:
        if view is self._view():
            view.set_round_actions(self.round_actions)
            view.month_changed.connect(lambda _m: self.update_steps())
            self.update_steps()

    def _changed(self, touched: Touched) -> None:
        if touched.touches(self.WATCHES):
            self.update_steps()

    def update_steps(self) -> None:
        db = self.window.controller.db
        if getattr(db, "closed", False):
            return
        month = self.month()
        head = dispatch.month_head(db, month)
        started, is_open = head is not None, head is not None and head["closed_at"] is None
        missing = 0
        if is_open:
            try:
                missing = len(_returns().returned_divisions(db, month)[1])
            except BizenvError:
                missing = 0
        self.act_start.setEnabled(bool(dispatch.startable_months(db, self.today)))
        for action in (self.act_make, self.act_collect, self.act_close):
            action.setEnabled(is_open)
        self.act_chase.setEnabled(is_open and missing > 0)
        self.act_report.setEnabled(started)
        tips = {self.act_start: self.tr("开始一个月的月调度：从计划和上月带入各行"),
                self.act_make: self.tr("为每个处室生成 %1 的 Excel 调度表"),
                self.act_collect: self.tr("读入处室交回的 %1 调度表，检查后写入"),
                self.act_chase: self.tr("%1 还没有交回调度表的处室"),
                self.act_close: self.tr("%1 已上报：关闭后只读"),
                self.act_report: self.tr("%1 月调度情况报告（预览、PDF、打印）")}
        for action, tip in tips.items():
            text = tip.replace("%1", month)
            action.setStatusTip(text)
            action.setToolTip(text)

    # -- the steps --------------------------------------------------------------------
    def _show_month_tab(self) -> MonthView:
        view = self.window.month_view
        self.window.tabs.setCurrentWidget(view)
        return view

    def start_month(self, month: str | None = None) -> bool:
        """Pick the month (the one due first) and start it; the 月调度 tab then shows it."""
        from ..month_picker import MonthPickerDialog

        if month is None:
            with modal(MonthPickerDialog(self.window.controller.db, self.today, self.window)) as picker:
                if not picker.exec() or not picker.month():
                    return False
                month = picker.month()
        view = self._show_month_tab()
        if not view.start_month(month):
            return False
        view.show_month(month)
        return True

    def make_forms(self) -> None:
        from ..forms_dialog import MakeFormsDialog

        month = self.month()
        self._show_month_tab()
        run_modal(MakeFormsDialog(self.window.controller, month, self.window))

    def collect_forms(self) -> None:
        from ..forms_dialog import CollectFormsDialog

        month = self.month()
        self._show_month_tab()
        run_modal(CollectFormsDialog(self.window.controller, month, self.window))

    def missing_divisions(self, month: str) -> list[str]:
        return [r.name for r in _returns().returned_divisions(self.window.controller.db, month)[1]]

    def chase(self) -> str:
        """The divisions still to send their form back: shown, and copied for a message to them."""
        month = self.month()
        names = self.missing_divisions(month)
        text = self.tr("、").join(names)
        # the year's work plans past their deadline are chased in the same message (四（二）)
        from ...services import work_plans  # here: the chase list only, not the window's start

        plans = work_plans.chase_line(self.window.controller.db, int(month[:4]), self.today)
        if plans:
            text += "\n" + plans
        QApplication.clipboard().setText(text)
        view = self._show_month_tab()
        view.show_returns()
        QMessageBox.information(
            self.window, self.tr("催报名单"),
            self.tr("%1 还有 %n 个处室没有交回调度表：", "", len(names)).replace("%1", month) + "\n" + text
            + "\n\n" + self.tr("名单已复制到剪贴板。"))
        return text

    def close_month(self) -> bool:
        """Close the month; with returns missing, say which and ask."""
        month = self.month()
        view = self._show_month_tab()
        names = self.missing_divisions(month)
        if names:
            question = (self.tr("%1 还有 %n 个处室没有交回调度表：", "", len(names)).replace("%1", month) + "\n"
                        + self.tr("、").join(names) + "\n\n" + self.tr("仍然关闭本月吗？关闭后只读；如需修改须说明原因后重新打开。"))
        else:
            question = self.tr("关闭 %1 的月调度？关闭后只读；如需修改须说明原因后重新打开。").replace("%1", month)
        if QMessageBox.question(self.window, self.tr("关闭本月"), question) != QMessageBox.StandardButton.Yes:
            return False
        view.current = month
        return view.close_month(confirm=False)

    def report(self) -> None:
        from ..report_dialog import ReportDialog

        month = self.month()
        dialog = ReportDialog(self.window.controller, self.window, int(month[:4]))
        dialog.select("monthly", int(month[:4]), month=int(month[5:7]))
        run_modal(dialog)
