"""The report and period of the 报告与打印 dialog (ui/report_dialog.py): the boxes that choose
them (报告, 年度, 月份, 季度, 处室), the names of the kinds in the UI's language, which boxes a kind
needs, and the ReportRequest they make. A new period flushes what was typed and reads its draft.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QDialog, QSpinBox

from ..services import plan_read
from ..services.department import get_department
from ..services.drafting.kinds import KINDS, ReportRequest
from . import settings
from .report_state import DraftState

QUARTERS = (1, 2, 3, 4)

# a mixin of ReportDialog: mypy sees the dialog it becomes part of, Python a plain class
if TYPE_CHECKING:
    _Dialog = QDialog
else:
    _Dialog = object


class ReportPeriod(_Dialog):
    """The period half of ReportDialog (its tr() strings: this context in the .ts, found along the MRO)."""

    controller: Any
    request: ReportRequest | None
    state: DraftState | None
    flush: Callable[[], None]      # ReportEdits'
    load: Callable[..., None]      # the dialog's

    def _period_boxes(self, year: int | None) -> None:
        """The boxes that choose the report and its period, at the year asked for."""
        controller = self.controller
        self.department = get_department(controller.db)  # the kinds' names (省软环境办, 局主要领导)
        self.kind = QComboBox()
        # as wide as a short name: a long English name is elided here, whole in the list
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind.setMinimumContentsLength(24)  # a Chinese name whole (two widths a character)
        for key in KINDS:
            self.kind.addItem(self.kind_name(key), key)
        self.year = QComboBox()
        for y in plan_read.list_years(controller.db):
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(max(0, self.year.findData(year or date.today().year)))
        self.month = QSpinBox()
        self.month.setRange(1, 12)
        self.month.setValue(self._default_month(year or date.today().year))
        self.month.setSuffix(self.tr(" 月"))
        self.month.setKeyboardTracking(False)
        self.quarter = QComboBox()
        self.quarter.addItem(self.tr("全年"), None)
        for q, name in zip(QUARTERS, (self.tr("第一季度"), self.tr("第二季度"), self.tr("第三季度"), self.tr("第四季度"))):
            self.quarter.addItem(name, q)
        self.quarter.setCurrentIndex((date.today().month - 1) // 3 + 1)
        self.division = QComboBox()
        self.division.addItem(self.tr("全部处室"), None)
        for d in plan_read.list_divisions(controller.db, include_retired=False):
            if not d.is_group:
                self.division.addItem(d.name, d.name)

    def kind_name(self, key: str) -> str:
        dep = self.department
        # the names of the settings; the defaults and the office words in the UI's language
        superior = dep.superior.short if dep.superior.configured else self.tr("省软环境办")
        offices = {"厅": self.tr("厅"), "局": self.tr("局"), "委": self.tr("委"), "办": self.tr("办"), "单位": self.tr("单位")}
        names = {"assignment": self.tr("任务分工表"), "plan": self.tr("年度实施方案"), "monthly": self.tr("月调度情况"),
                 "provincial": self.tr("季度报告（报%1）").replace("%1", superior),
                 "leadership": self.tr("季度汇报（%1主要领导）").replace("%1", offices.get(dep.office, dep.office)),
                 "selfeval": self.tr("自我评价报告")}
        return names.get(key, KINDS[key].title if key in KINDS else key)


    def _default_month(self, year: int) -> int:
        """The latest month of the year with a dispatch up to today (a month with none errors)."""
        from ..services import dispatch

        today = date.today().strftime("%Y-%m")
        months = [m for m, _closed in dispatch.month_heads(self.controller.db) if m[:4] == str(year) and m <= today]
        return int(months[-1][5:7]) if months else date.today().month

    def select(self, kind: str, year: int, month: int | None = None, quarter: int | None = None,
               division: str | None = None) -> None:
        """Open at a report and period (the 月调度 menu, a to-do of the 待办 panel)."""
        boxes = (self.kind, self.year, self.month, self.quarter, self.division)
        for box in boxes:
            box.blockSignals(True)
        try:
            self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
            self.year.setCurrentIndex(max(0, self.year.findData(year)))
            if month is not None:
                self.month.setValue(month)
            if quarter is not None:
                self.quarter.setCurrentIndex(max(0, self.quarter.findData(quarter)))
            if division is not None:
                self.division.setCurrentIndex(max(0, self.division.findData(division)))
        finally:
            for box in boxes:
                box.blockSignals(False)
        self._period_changed()

    def _sync_period(self) -> None:
        needs = KINDS[self.kind.currentData()].needs
        self.month.setEnabled("month" in needs)
        self.quarter.setEnabled("quarter" in needs or "quarter!" in needs)
        quarter_needed = "quarter!" in needs
        whole_year = self.quarter.model().item(0)  # type: ignore[attr-defined]
        whole_year.setEnabled(not quarter_needed)
        if quarter_needed and self.quarter.currentData() is None:
            self.quarter.blockSignals(True)
            self.quarter.setCurrentIndex((date.today().month - 1) // 3 + 1)
            self.quarter.blockSignals(False)
        self.division.setEnabled("division" in needs)

    def current_request(self) -> ReportRequest:
        key = self.kind.currentData()
        needs = KINDS[key].needs
        quarter = self.quarter.currentData() if ("quarter" in needs or "quarter!" in needs) else None
        return ReportRequest(key, int(self.year.currentData() or date.today().year),
                             self.month.value() if "month" in needs else None, quarter,
                             self.division.currentData() if "division" in needs else None)

    def font_folder(self) -> str | None:
        return settings.get("pdf/font_folder") or None

    def build_request(self) -> ReportRequest:
        """The request for a file: the current one with the fonts folder of the settings."""
        assert self.request is not None
        return replace(self.request, font_folder=self.font_folder())

    def _period_changed(self, *_args: Any) -> None:
        self.flush()  # what was typed belongs to the period it was typed for
        self._sync_period()
        request = self.current_request()
        if request != self.request:
            self.request = request
            self.state = None
            self.load()
