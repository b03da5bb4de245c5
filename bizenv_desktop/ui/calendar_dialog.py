"""The working-day calendar (工作日历): holidays, 调休 make-up days and the user's corrections.

Reads through services.calendar (two small queries); every correction and every year
confirmation is one controller.run step, undoable from the main window. The dialog
repaints on controller.changed.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (QCalendarWidget, QDialog, QHBoxLayout, QInputDialog, QLabel, QListWidget,
                               QListWidgetItem, QMessageBox, QPushButton, QVBoxLayout, QWidget)

from ..core.workdays import WorkCalendar, month_end
from ..services import calendar
from ..services.calendar import Override
from .lazy import ReloadWhenShown
from .settings import PreserveGeometry

HOLIDAY_FG, HOLIDAY_BG = QColor(198, 40, 40), QColor(253, 226, 225)
MAKEUP_FG, MAKEUP_BG = QColor(21, 101, 192), QColor(222, 235, 252)
UNCONFIRMED_FG = QColor(230, 120, 0)
DAY_ROLE = Qt.ItemDataRole.UserRole + 50


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class CalendarDialog(ReloadWhenShown, PreserveGeometry, QDialog):
    """The month calendar with marked days, the year's status, its overrides and the actions."""

    WATCHES = frozenset({"calendar_year", "workday_override"})  # what refresh() reads (tests/ui/test_watches.py)

    def __init__(self, controller: Any, parent: QWidget | None = None, day: date | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("工作日历"))
        self.cal = WorkCalendar()
        self._overrides: list[Override] = []
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.legend = [QLabel(self.tr("法定节假日（工作日放假）"), self), QLabel(self.tr("调休上班（周末上班）"), self),
                       QLabel(self.tr("下划线：人工调整"), self)]
        self.legend[0].setStyleSheet(f"color: {HOLIDAY_FG.name()}; background: {HOLIDAY_BG.name()};")
        self.legend[1].setStyleSheet(f"color: {MAKEUP_FG.name()}; background: {MAKEUP_BG.name()}; font-weight: bold;")
        underline = self.legend[2].font()
        underline.setUnderline(True)
        self.legend[2].setFont(underline)
        self.list_title = QLabel(self)
        self.override_list = QListWidget(self)
        self.workday_button = QPushButton(self.tr("设为工作日"), self)
        self.holiday_button = QPushButton(self.tr("设为休息日"), self)
        self.clear_button = QPushButton(self.tr("取消调整"), self)
        self.confirm_button = QPushButton(self.tr("确认本年安排"), self)
        self.unconfirm_button = QPushButton(self.tr("取消确认"), self)
        self.close_button = QPushButton(self.tr("关闭"), self)
        side = QVBoxLayout()
        for label in self.legend:
            side.addWidget(label)
        side.addSpacing(8)
        side.addWidget(self.list_title)
        side.addWidget(self.override_list, 1)
        middle = QHBoxLayout()
        middle.addWidget(self.calendar, 3)
        middle.addLayout(side, 2)
        buttons = QHBoxLayout()
        for b in (self.workday_button, self.holiday_button, self.clear_button):
            buttons.addWidget(b)
        buttons.addSpacing(16)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.unconfirm_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(middle, 1)
        layout.addLayout(buttons)
        self.workday_button.clicked.connect(lambda: self.ask_mark(True))
        self.holiday_button.clicked.connect(lambda: self.ask_mark(False))
        self.clear_button.clicked.connect(lambda: self.clear(self.selected_date()))
        self.confirm_button.clicked.connect(self.ask_confirm)
        self.unconfirm_button.clicked.connect(lambda: self.unconfirm_year(self.calendar.yearShown()))
        self.close_button.clicked.connect(self.reject)
        self.calendar.currentPageChanged.connect(lambda _y, _m: self.refresh())
        self.calendar.selectionChanged.connect(self._sync_buttons)
        self.override_list.itemActivated.connect(lambda item: self.show_date(date.fromisoformat(item.data(DAY_ROLE))))
        self.watch(controller)
        self.show_date(day or date.today())
        self.refresh()
        self.resize(760, 420)
        self.restore_geometry()

    # -- reading --------------------------------------------------------------
    def selected_date(self) -> date:
        return _pydate(self.calendar.selectedDate())

    def shown_year(self) -> int:
        return self.calendar.yearShown()

    def show_date(self, day: date) -> None:
        """Select day and turn the calendar to its month."""
        self.calendar.setSelectedDate(_qdate(day))
        self.calendar.setCurrentPage(day.year, day.month)

    def status_text(self) -> str:
        return self.status.text()

    def overrides(self) -> list[Override]:
        """The shown year's overrides, by date."""
        return list(self._overrides)

    def day_kind(self, day: date) -> str:
        """'holiday' (a weekday off), 'makeup' (a weekend day worked), 'workday' or 'rest'."""
        work, weekend = self.cal.is_workday(day), day.weekday() >= 5
        if work:
            return "makeup" if weekend else "workday"
        return "rest" if weekend else "holiday"

    def refresh_stale(self) -> None:  # a change it watches (when hidden: once, when shown again)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the calendar and repaint the shown month, the status line and the list."""
        db = self.controller.db
        self.cal = calendar.load_calendar(db)
        year = self.shown_year()
        self._overrides = calendar.list_overrides(db, year)
        status = calendar.year_status(db, year)
        text = {"library": self.tr("%1 年：国务院安排已收录"), "user": self.tr("%1 年：已人工确认"),
                "unconfirmed": self.tr("%1 年：未确认（依据推测，请按国务院通知核对并确认）")}[status]
        self.status.setText(text.replace("%1", str(year)))
        self.status.setStyleSheet(f"color: {UNCONFIRMED_FG.name()}; font-weight: bold;"
                                  if status == "unconfirmed" else "")
        self.confirm_button.setEnabled(status == "unconfirmed")
        self.unconfirm_button.setEnabled(status == "user")
        self.list_title.setText(self.tr("%1 年的人工调整（%2 天）").replace("%1", str(year))
                                .replace("%2", str(len(self._overrides))))
        self.override_list.clear()
        for o in self._overrides:
            kind = self.tr("工作日") if o.is_workday else self.tr("休息日")
            text = self.tr("%1 设为%2").replace("%1", o.day.isoformat()).replace("%2", kind)
            if o.note:
                text += self.tr("：%1").replace("%1", o.note)
            item = QListWidgetItem(text)
            item.setData(DAY_ROLE, o.day.isoformat())
            self.override_list.addItem(item)
        self._paint()
        self._sync_buttons()

    def _paint(self) -> None:
        """Date text formats for the shown month and the days of its neighbours on the grid."""
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clears every date's format
        notes = {o.day: o.note for o in self._overrides}
        first = date(self.shown_year(), self.calendar.monthShown(), 1)
        day, last = first - timedelta(days=7), month_end(first.year, first.month) + timedelta(days=14)
        while day <= last:
            kind = self.day_kind(day)
            overridden = day in self.cal.overrides
            if kind in ("holiday", "makeup") or overridden:
                fmt = QTextCharFormat()
                tips = []
                if kind == "holiday":
                    fmt.setForeground(QBrush(HOLIDAY_FG))
                    fmt.setBackground(QBrush(HOLIDAY_BG))
                    tips.append(self.tr("节假日"))
                elif kind == "makeup":
                    fmt.setForeground(QBrush(MAKEUP_FG))
                    fmt.setBackground(QBrush(MAKEUP_BG))
                    fmt.setFontWeight(QFont.Weight.Bold)
                    tips.append(self.tr("调休上班"))
                if overridden:
                    fmt.setFontUnderline(True)
                    tips.append(self.tr("人工调整") + (self.tr("：%1").replace("%1", notes[day]) if notes.get(day) else ""))
                if not self.cal.is_confirmed(day):
                    tips.append(self.tr("未确认"))
                fmt.setToolTip(self.tr("，").join(tips))
                self.calendar.setDateTextFormat(_qdate(day), fmt)
            day += timedelta(days=1)

    def _sync_buttons(self) -> None:
        self.clear_button.setEnabled(self.selected_date() in self.cal.overrides)

    # -- actions (no modal input; each is one undo step) -----------------------------
    def mark(self, day: date, is_workday: bool, note: str = "") -> bool:
        """Make day a working day or a day off, whatever the State Council's schedule says."""
        text = self.tr("将 %1 设为工作日") if is_workday else self.tr("将 %1 设为休息日")
        return bool(self.controller.run(text.replace("%1", day.isoformat()),
                                        lambda w: calendar.set_override(w, day.isoformat(), is_workday, note)))

    def clear(self, day: date) -> bool:
        """Drop the user's correction of day (the schedule applies again); False if there is none."""
        match = next((o for o in calendar.list_overrides(self.controller.db, day.year) if o.day == day), None)
        if match is None:
            return False
        label = self.tr("取消 %1 的调整").replace("%1", day.isoformat())
        return bool(self.controller.run(label, lambda w: calendar.remove_override(w, match.id)))

    def confirm_year(self, year: int, note: str = "") -> bool:
        label = self.tr("确认 %1 年节假日安排").replace("%1", str(year))
        return bool(self.controller.run(label, lambda w: calendar.confirm_year(w, year, note)))

    def unconfirm_year(self, year: int) -> bool:
        label = self.tr("取消确认 %1 年节假日安排").replace("%1", str(year))
        return bool(self.controller.run(label, lambda w: calendar.unconfirm_year(w, year)))

    # -- interactive ----------------------------------------------------------------
    def ask_mark(self, is_workday: bool) -> None:
        day = self.selected_date()
        title = self.tr("设为工作日") if is_workday else self.tr("设为休息日")
        note, ok = QInputDialog.getText(self, title, self.tr("%1 的调整说明（可留空），例如 国务院办公厅通知：")
                                        .replace("%1", day.isoformat()))
        if ok:
            self.mark(day, is_workday, note)

    def ask_confirm(self) -> None:
        year = self.shown_year()
        if QMessageBox.question(self, self.tr("确认本年安排"),
                                self.tr("是否已按国务院办公厅通知核对并录入 %1 年的节假日和调休安排？")
                                .replace("%1", str(year))) == QMessageBox.StandardButton.Yes:
            self.confirm_year(year)

    # -- closing --------------------------------------------------------------
    def done(self, result: int) -> None:
        self.save_geometry()
        super().done(result)
