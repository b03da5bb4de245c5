"""CalendarDialog on a real database: marked days, overrides through the controller, undo, confirmed years."""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QInputDialog, QMessageBox

from bizenv_desktop.services import calendar
from bizenv_desktop.ui.calendar_dialog import HOLIDAY_FG, MAKEUP_FG, UNCONFIRMED_FG, CalendarDialog
from bizenv_desktop.ui.controller import Controller


@pytest.fixture
def controller(workspace: Any) -> Controller:
    return Controller(workspace)


@pytest.fixture
def dialog(qtbot: Any, controller: Controller) -> CalendarDialog:
    dlg = CalendarDialog(controller, day=date(2026, 10, 1))
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def fmt(dlg: CalendarDialog, day: date) -> Any:
    return dlg.calendar.dateTextFormat(QDate(day.year, day.month, day.day))


def fifth_workday(workspace: Any) -> date:
    return calendar.load_calendar(workspace.db).nth_workday_from(date(2026, 10, 1), 5).day


def test_holidays_and_make_up_days_are_marked(dialog: CalendarDialog) -> None:
    assert dialog.windowTitle() == "工作日历"
    assert (dialog.calendar.yearShown(), dialog.calendar.monthShown()) == (2026, 10)
    assert dialog.day_kind(date(2026, 10, 10)) == "makeup"  # Saturday, 调休上班
    assert dialog.day_kind(date(2026, 10, 1)) == "holiday"  # Thursday, National Day
    assert dialog.day_kind(date(2026, 10, 12)) == "workday"
    assert dialog.day_kind(date(2026, 10, 11)) == "rest"
    makeup = fmt(dialog, date(2026, 10, 10))
    assert makeup.foreground().color() == MAKEUP_FG and makeup.fontWeight() == QFont.Weight.Bold
    assert makeup.toolTip() == "调休上班"
    holiday = fmt(dialog, date(2026, 10, 1))
    assert holiday.foreground().color() == HOLIDAY_FG and not holiday.fontUnderline()
    assert fmt(dialog, date(2026, 10, 12)).foreground().style() == Qt.BrushStyle.NoBrush  # ordinary day
    assert dialog.status_text() == "2026 年：国务院安排已收录"
    assert not dialog.confirm_button.isEnabled() and not dialog.unconfirm_button.isEnabled()


def test_marking_a_holiday_moves_deadlines_and_undo_restores(qtbot: Any, dialog: CalendarDialog,
                                                             controller: Controller, workspace: Any) -> None:
    assert fifth_workday(workspace) == date(2026, 10, 13)
    assert dialog.mark(date(2026, 10, 12), False, "单位调休")
    assert fifth_workday(workspace) == date(2026, 10, 14)
    qtbot.waitUntil(lambda: dialog.day_kind(date(2026, 10, 12)) == "holiday")
    marked = fmt(dialog, date(2026, 10, 12))
    assert marked.fontUnderline() and marked.foreground().color() == HOLIDAY_FG
    assert "单位调休" in marked.toolTip()
    assert [(o.day, o.is_workday, o.note) for o in dialog.overrides()] == [(date(2026, 10, 12), False, "单位调休")]
    assert dialog.override_list.item(0).text() == "2026-10-12 设为休息日：单位调休"
    assert controller.undo_stack.undoText() == "将 2026-10-12 设为休息日"
    controller.undo_stack.undo()
    assert fifth_workday(workspace) == date(2026, 10, 13)
    qtbot.waitUntil(lambda: dialog.override_list.count() == 0)
    assert dialog.day_kind(date(2026, 10, 12)) == "workday" and not fmt(dialog, date(2026, 10, 12)).fontUnderline()


def test_buttons_ask_for_a_note_and_clear(qtbot: Any, dialog: CalendarDialog, workspace: Any,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("加班", True))
    dialog.show_date(date(2026, 10, 11))  # a Sunday
    assert not dialog.clear_button.isEnabled()
    qtbot.mouseClick(dialog.workday_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.day_kind(date(2026, 10, 11)) == "makeup")
    assert fmt(dialog, date(2026, 10, 11)).fontUnderline()
    assert dialog.clear_button.isEnabled()
    assert calendar.list_overrides(workspace.db, 2026)[0].note == "加班"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))  # cancelled: nothing
    qtbot.mouseClick(dialog.holiday_button, Qt.MouseButton.LeftButton)
    assert calendar.list_overrides(workspace.db, 2026)[0].is_workday
    qtbot.mouseClick(dialog.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.override_list.count() == 0)
    assert dialog.day_kind(date(2026, 10, 11)) == "rest"
    assert not dialog.clear(date(2026, 10, 11))  # nothing left to clear


def test_unconfirmed_year_until_confirmed(qtbot: Any, dialog: CalendarDialog, controller: Controller,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    dialog.show_date(date(2027, 5, 3))
    assert dialog.status_text() == "2027 年：未确认（依据推测，请按国务院通知核对并确认）"
    assert UNCONFIRMED_FG.name() in dialog.status.styleSheet()
    assert dialog.confirm_button.isEnabled() and not dialog.unconfirm_button.isEnabled()
    assert "未确认" in fmt(dialog, date(2027, 5, 3)).toolTip()  # a guessed holiday (Labour Day)
    assert dialog.confirm_year(2027)
    qtbot.waitUntil(lambda: dialog.status_text() == "2027 年：已人工确认")
    assert dialog.status.styleSheet() == ""
    assert not dialog.confirm_button.isEnabled() and dialog.unconfirm_button.isEnabled()
    qtbot.mouseClick(dialog.unconfirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status_text().startswith("2027 年：未确认"))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status_text() == "2027 年：已人工确认")
    assert controller.undo_stack.count() == 3
    controller.undo_stack.undo()
    qtbot.waitUntil(lambda: dialog.status_text().startswith("2027 年：未确认"))
    dialog.show_date(date(2026, 1, 1))
    assert dialog.status_text() == "2026 年：国务院安排已收录"
