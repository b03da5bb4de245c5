"""The 月调度 tab's lines about its month: the state line (填报中 / 已关闭), the comparison
filter's wording, the ranking line and the 与上月相比 panel (filled only while it is in front).

A mixin of MonthView (its controller, widgets and side tabs); the texts keep the MonthView
translation context, so the .ts file's messages stay where they were.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QCheckBox, QPlainTextEdit, QPushButton, QTabWidget

from ..core import dispatch as rules
from ..services import dispatch
from .month_model import status_label
from .text_line import TextLine

translate = QCoreApplication.translate

__all__ = ["MonthLines"]


def _when(stamp: str | None) -> str:
    """'2026-11-30T17:02:11' as 2026-11-30 17:02 (the closed-month label showed the raw ISO stamp)."""
    if not stamp:
        return ""
    try:
        return datetime.fromisoformat(stamp).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


_SHOWN: Any = object()  # MonthView._changes_for when the changes panel shows its month


class MonthLines:
    """The month's state, ranking and changes as MonthView shows them (mixed into it)."""

    controller: Any
    changed_only: QCheckBox
    fill_button: QPushButton
    close_button: QPushButton
    reopen_button: QPushButton
    state_label: TextLine
    ranking_label: TextLine
    changes: QPlainTextEdit
    side_tabs: QTabWidget
    _changes_for: dispatch.Month | None

    def _update_state(self, month: dispatch.Month | None) -> None:
        has = month is not None
        # the last month dispatched before this one (April after a March without one: February)
        previous = (month.previous_month or rules.previous_month(month.month)) if month else ""
        if month is not None and month.previous and month.skipped:
            skipped = translate("MonthView", "、").join(month.skipped)
            self.changed_only.setText(translate("MonthView", "只看与 %1 相比有变化的行（%2 未调度）")
                                      .replace("%1", previous).replace("%2", skipped))
            self.changed_only.setToolTip(translate("MonthView", "与 %1 的状态、进展、问题、下步打算和数值比较；"
                                                   "本月收回的调度表与上月相同的行不算变化").replace("%1", previous))
        elif month is not None and month.previous:
            self.changed_only.setText(translate("MonthView", "只看与上月（%1）相比有变化的行").replace("%1", previous))
            self.changed_only.setToolTip(translate("MonthView", "与 %1 的状态、进展、问题、下步打算和数值比较；"
                                                   "本月收回的调度表与上月相同的行不算变化").replace("%1", previous))
        else:
            self.changed_only.setText(translate("MonthView", "只看与上月相比有变化的行"))
            self.changed_only.setToolTip(translate("MonthView", "上月（%1）没有调度记录，没有可比较的行")
                                         .replace("%1", previous) if month else "")
        comparable = month is not None and bool(month.previous)
        if not comparable and self.changed_only.isChecked():
            self.changed_only.setChecked(False)  # nothing to compare with: the filter would hide every row
        self.changed_only.setEnabled(comparable)
        self.fill_button.setEnabled(has and not month.closed)
        self.close_button.setEnabled(has and not month.closed)
        self.reopen_button.setEnabled(has and month.closed)
        if not has:
            self.state_label.setText(translate("MonthView", "尚未开始任何月份：点“开始本月…”。"))
        elif month.closed:
            auto = getattr(month, "closed_by", "") == "auto"
            self.state_label.setText(translate("MonthView", "已关闭（%1），只读").replace("%1", _when(month.closed_at))
                                     + (translate("MonthView", "；截止后按设置自动关闭") if auto else ""))
        else:
            reason = month.reopen_reason
            reopened = translate("MonthView", "；曾重新打开：%1").replace("%1", reason) if reason else ""
            self.state_label.setText(translate("MonthView", "填报中") + reopened)

    def _update_ranking(self, month: dispatch.Month | None) -> None:
        """The ranking recorded in 考评记录 for each ranking-kind indicator of the month (issue 16)."""
        from ..services import rankings

        ranked: dict[int, str] = {}
        for r in month.rows if month is not None else ():
            if r.kind == "ranking":
                ranked.setdefault(r.indicator_id, r.indicator_code)
        if not ranked:
            self.ranking_label.hide()
            return
        assert month is not None
        found = rankings.rankings(self.controller.db, int(month.month[:4]), with_evidence=False)
        parts = [f"{code} {found[i].text}" if i in found else translate("MonthView", "%1 尚未登记").replace("%1", code)
                 for i, code in ranked.items()]
        shown = translate("MonthView", "；").join(parts)
        self.ranking_label.setText(translate("MonthView", "排名（考评记录）：%1").replace("%1", shown))
        self.ranking_label.show()

    def _update_changes(self, month: dispatch.Month | None) -> None:
        """Fill 与上月相比, or, while another side tab is in front, when it is next shown:
        laying out a few hundred lines of changes is a good part of a month switch."""
        self._changes_for = month
        if self.side_tabs.currentWidget() is self.changes:
            self._show_changes()

    def _show_changes(self) -> None:
        month, self._changes_for = self._changes_for, _SHOWN
        if month is _SHOWN:
            return
        if month is None:
            self.changes.setPlainText("")
            return
        if not month.previous:
            self.changes.setPlainText(translate("MonthView", "上月没有调度记录，无可比较。"))
            return
        rows = {r.key: r for r in month.rows}
        labels = {s: status_label(s) for s in (*rules.STATUSES, "")}
        lines = [month.compare_note,
                 translate("MonthView", "有变化的行：%1").replace("%1", str(len(month.diff.changes)))]
        titles: list[tuple[int, int]] = []  # (line, length) of the section titles, set in bold

        def section(title: str, items: list[rules.RowChange], show_old: bool) -> None:
            lines.append("")
            titles.append((len(lines), len(title)))
            if not items:
                lines.append(translate("MonthView", "%1：无").replace("%1", title))
                return
            lines.append(translate("MonthView", "%1（%2）").replace("%1", title).replace("%2", str(len(items))))
            for c in items:
                r = rows[c.key]
                move = f" {labels.get(c.old_status or '', '')} → {labels.get(c.new_status, '')}" if show_old else ""
                lines.append(translate("MonthView", "• %1（%2）%3").replace("%1", r.label)
                             .replace("%2", r.division_name).replace("%3", move))
        diff = month.diff
        section(translate("MonthView", "状态变化"), diff.status_changed(), True)
        section(translate("MonthView", "新完成"), diff.newly_done(), False)
        section(translate("MonthView", "新滞后"), diff.newly_late(), False)
        self.changes.setPlainText("\n".join(lines))
        document = self.changes.document()
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        for line, length in titles:
            cursor = QTextCursor(document.findBlockByNumber(line))
            cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, length)
            cursor.mergeCharFormat(bold)
