"""The 月调度 tab driven with qtbot on real databases, including a ten-year one."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from benchmarks.generate import generate
from bizenv_desktop.core import dispatch as rules
from bizenv_desktop.services import dispatch
from bizenv_desktop.services.workspace import Workspace
from bizenv_desktop.ui.controller import Controller
from bizenv_desktop.ui.month_model import COL_MET, COL_PROGRESS, COL_STATUS, COL_VALUE, ROW_ROLE
from bizenv_desktop.ui.month_view import MonthView


@pytest.fixture
def view(qtbot: Any, workspace: Any) -> MonthView:
    widget = MonthView(Controller(workspace))
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    return widget


def proxy_row(view: MonthView, code: str, division: str = "") -> int:
    for r in range(view.proxy.rowCount()):
        row = view.proxy.index(r, 0).data(ROW_ROLE)
        if row.indicator_code == code and (not division or row.division_name == division):
            return r
    raise AssertionError(code)


def edit_text(qtbot: Any, view: MonthView, r: int, col: int, text: str) -> None:
    index = view.proxy.index(r, col)
    view.table.setCurrentIndex(index)
    view.table.edit(index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    editor.selectAll()
    editor.insert(text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def choose_status(qtbot: Any, view: MonthView, r: int, status: str) -> None:
    index = view.proxy.index(r, COL_STATUS)
    view.table.setCurrentIndex(index)
    view.table.edit(index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QComboBox), editor
    editor.setCurrentIndex(editor.findData(status))
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def db_row(ws: Workspace, month: str, code: str) -> dispatch.DispatchRow:
    return next(r for r in dispatch.load_month(ws.db, month).rows if r.indicator_code == code)


def test_fill_a_month_then_start_the_next_and_see_changes(qtbot: Any, view: MonthView, workspace: Any) -> None:
    assert "尚未开始" in view.state_label.text()
    assert view.start_month("2026-10")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 29)
    assert view.count_label.text() == "29 项：未启动 29"
    choose_status(qtbot, view, proxy_row(view, "(1)"), rules.DONE)
    qtbot.waitUntil(lambda: db_row(workspace, "2026-10", "(1)").status == rules.DONE)
    edit_text(qtbot, view, proxy_row(view, "(10)"), COL_VALUE, "89.99")
    qtbot.waitUntil(lambda: db_row(workspace, "2026-10", "(10)").value == 89.99)
    qtbot.waitUntil(lambda: view.proxy.index(proxy_row(view, "(10)"), COL_MET).data() == "未达标")
    edit_text(qtbot, view, proxy_row(view, "(2)"), COL_PROGRESS, "已确定联络员人选")
    qtbot.waitUntil(lambda: db_row(workspace, "2026-10", "(2)").progress == "已确定联络员人选")
    qtbot.waitUntil(lambda: view.count_label.text() == "29 项：未启动 28，已完成 1")
    assert view.start_month("2026-11")
    qtbot.waitUntil(lambda: view.model.month is not None and view.model.month.month == "2026-11")
    assert view.proxy.index(proxy_row(view, "(1)"), COL_STATUS).data() == "已完成"  # carried over
    choose_status(qtbot, view, proxy_row(view, "(2)"), rules.LATE)
    qtbot.waitUntil(lambda: "新滞后（1）" in view.changes.toPlainText())
    text = view.changes.toPlainText()
    assert "(2) 指定专人负责营商环境建设工作（法规处）" in text and "未启动 → 滞后" in text
    r = proxy_row(view, "(2)")
    assert view.proxy.index(r, COL_STATUS).data(Qt.ItemDataRole.FontRole).bold()
    assert view.proxy.index(r, COL_STATUS).data(Qt.ItemDataRole.ToolTipRole) == "上月：未启动"
    view.changed_only.setChecked(True)
    assert view.proxy.rowCount() == 1


def test_close_and_reopen_with_a_reason(qtbot: Any, view: MonthView, workspace: Any) -> None:
    view.start_month("2026-11")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 29)
    view.close_month(confirm=False)
    qtbot.waitUntil(lambda: "已关闭" in view.state_label.text())
    index = view.proxy.index(0, COL_PROGRESS)
    assert not (view.proxy.flags(index) & Qt.ItemFlag.ItemIsEditable)
    assert view.reopen_button.isEnabled() and not view.close_button.isEnabled()
    view.reopen_month("领导要求补充进展")
    qtbot.waitUntil(lambda: "曾重新打开：领导要求补充进展" in view.state_label.text())
    assert view.proxy.flags(view.proxy.index(0, COL_PROGRESS)) & Qt.ItemFlag.ItemIsEditable
    view.controller.undo_stack.undo()  # undo the reopening: closed again
    qtbot.waitUntil(lambda: "已关闭" in view.state_label.text())


def test_filters_and_count_line(qtbot: Any, view: MonthView, workspace: Any) -> None:
    view.start_month("2026-11")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 29)
    m = dispatch.load_month(workspace.db, "2026-11")
    for code, status in (("(1)", rules.DONE), ("(9)", rules.LATE), ("(14)", rules.IN_PROGRESS)):
        r = next(x for x in m.rows if x.indicator_code == code)
        view.controller.run("填", lambda w, r=r, s=status: dispatch.update_row(w, r.id, status=s))
    qtbot.waitUntil(lambda: "滞后 1" in view.count_label.text())
    assert view.count_label.text() == "29 项：滞后 1，未启动 26，推进中 1，已完成 1" or \
        view.count_label.text() == "29 项：未启动 26，推进中 1，已完成 1，滞后 1"
    view.division_box.setCurrentIndex(view.division_box.findData("规划处"))
    view.division_box.activated.emit(view.division_box.currentIndex())
    assert view.count_label.text() == "2 项：未启动 1，滞后 1"
    view.status_box.setCurrentIndex(view.status_box.findData(rules.LATE))
    view.status_box.activated.emit(view.status_box.currentIndex())
    assert view.proxy.rowCount() == 1 and view.count_label.text() == "1 项：滞后 1"


def test_ten_years_of_months_load_without_per_row_queries(qtbot: Any, tmp_path: Path) -> None:
    path = tmp_path / "big.sqlite3"
    made = generate(path, years=10, division_count=20)
    assert made["dispatch_rows"] > 45000 and made["months"] == 120
    ws = Workspace.open(path)
    statements: list[str] = []
    ws.db.conn.set_trace_callback(statements.append)
    view = MonthView(Controller(ws))
    qtbot.addWidget(view)
    view.show()
    # first shown at the month that is due: the earliest one still open (it was the last month)
    assert view.current == dispatch.due_month(ws.db, date.today()) and view.proxy.rowCount() > 300
    # the month list, the month head, this month, last month, the selected row's evidence and
    # the returned-forms panel (with its send-backs), the ranking of (7): a fixed handful, never one
    # per row (400+ rows)
    assert len(statements) <= 11, statements
    statements.clear()
    view.show_month("2021-05")
    view.table.sortByColumn(COL_STATUS, Qt.SortOrder.AscendingOrder)
    view.table.viewport().grab()  # paint every visible cell
    assert len(statements) <= 11, statements
    ws.db.conn.set_trace_callback(None)


def test_changes_panel_is_filled_when_it_is_in_front(qtbot: Any, view: MonthView, workspace: Any) -> None:
    view.start_month("2026-10")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 29)
    assert view.changes.toPlainText() == "上月没有调度记录，无可比较。"
    view.side_tabs.setCurrentWidget(view.evidence)  # another panel in front: the changes wait
    assert view.start_month("2026-11")
    qtbot.waitUntil(lambda: view.model.month is not None and view.model.month.month == "2026-11")
    row = next(r for r in view.model.month.rows if r.indicator_code == "(2)")
    assert view.controller.run("填", lambda w: dispatch.update_row(w, row.id, status=rules.LATE))
    qtbot.waitUntil(lambda: view.model.month.rows[0].month == "2026-11" and "滞后 1" in view.count_label.text())
    assert view.changes.toPlainText() == "上月没有调度记录，无可比较。"  # not laid out while hidden
    view.side_tabs.setCurrentWidget(view.changes)
    text = view.changes.toPlainText()
    assert text.startswith("与上月（2026-10）比较\n有变化的行：1") and "新滞后（1）" in text and "新完成：无" in text
    assert "• (2) 指定专人负责营商环境建设工作（法规处） 未启动 → 滞后" in text
    title = view.changes.document().findBlockByNumber(3)  # 状态变化（1）, in bold (after the line saying what it compares with)
    assert title.text() == "状态变化（1）" and title.begin().fragment().charFormat().fontWeight() == 700
    view.show_month("2026-10")  # back to a month without a previous one, the panel in front
    assert view.changes.toPlainText() == "上月没有调度记录，无可比较。"


def test_the_month_shows_the_ranking_recorded_for_7_and_follows_its_changes(qtbot: Any, view: MonthView,
                                                                             workspace: Any) -> None:
    from bizenv_desktop.services import rankings

    assert not view.ranking_label.isVisible()  # no month yet
    view.start_month("2026-11")
    qtbot.waitUntil(lambda: view.proxy.rowCount() == 29)
    assert view.ranking_label.isVisible()
    assert view.ranking_label.text() == "排名（考评记录）：(7) 尚未登记"
    seven = db_row(workspace, "2026-11", "(7)").indicator_id
    assert view.controller.run("排名", lambda w: rankings.set_ranking(w, seven, 3, 40, data_year=2025))
    qtbot.waitUntil(lambda: "第 3 名" in view.ranking_label.text())
    assert view.ranking_label.text() == "排名（考评记录）：(7) 长春市 第 3 名 / 共 40（2025 年数据）"
    view.controller.undo_stack.undo()
    qtbot.waitUntil(lambda: view.ranking_label.text().endswith("尚未登记"))
