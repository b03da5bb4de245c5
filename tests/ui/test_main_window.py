"""The real main window on a real database, driven with qtbot."""
from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox

from bizenv_desktop.services import plan_read
from bizenv_desktop.ui.controller import Controller
from bizenv_desktop.ui.indicator_dialog import IndicatorDialog
from bizenv_desktop.ui.main_window import MainWindow
from bizenv_desktop.ui.plan_model import COL_CRITERIA, COL_NAME


def second_level(ws: Any, code: str, year: int = 2026) -> Any:
    plan = plan_read.load_plan(ws.db, year)
    return next(i for i in plan.second_level() if i.code == code)


@pytest.fixture
def window(qtbot: Any, workspace: Any) -> MainWindow:
    win = MainWindow(Controller(workspace))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def visible_codes(win: MainWindow) -> list[str]:
    codes: list[str] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(win.proxy.rowCount(parent)):
            index = win.proxy.index(row, 0, parent)
            codes.append(index.data())
            walk(index)
    walk(QModelIndex())
    return codes


def test_window_shows_the_builtin_plan(window: MainWindow) -> None:
    codes = visible_codes(window)
    assert [c for c in codes if c.startswith("(")] == [f"({n})" for n in range(1, 24)]
    assert codes[0] == "一"
    assert "23 个二级指标" in window.status_label.text()
    assert window.windowTitle().startswith("营商环境考核评价工作台")


def test_edit_standard_in_place_then_undo_and_redo(qtbot: Any, window: MainWindow, workspace: Any) -> None:
    ind = second_level(workspace, "(10)")
    index = window.plan_tree.edit_cell(("indicator", ind.id), COL_CRITERIA)
    window.tree.setCurrentIndex(index)
    window.tree.edit(index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    editor.insert("省级政务服务事项网上可办率不低于95%。")  # QTest types ASCII only
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: second_level(workspace, "(10)").criteria == "省级政务服务事项网上可办率不低于95%。")
    assert window.act_undo.isEnabled()
    window.act_undo.trigger()
    qtbot.waitUntil(lambda: second_level(workspace, "(10)").criteria == "省级政务服务事项网上可办率不低于90%。")
    window.act_redo.trigger()
    qtbot.waitUntil(lambda: second_level(workspace, "(10)").criteria == "省级政务服务事项网上可办率不低于95%。")
    qtbot.waitUntil(lambda: window.plan_tree.edit_cell(("indicator", ind.id), COL_CRITERIA).data()
                    == "省级政务服务事项网上可办率不低于95%。")


def test_assign_division_with_role_in_dialog(qtbot: Any, window: MainWindow, workspace: Any,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    ind = second_level(workspace, "(9)")
    bureau = next(d for d in plan_read.list_divisions(workspace.db) if d.name == "办公室")

    def fill(dialog: IndicatorDialog) -> int:
        dialog.assignments.add_row(bureau.id, "cooperate")
        dialog.name.setText("数据共享与归集")
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(IndicatorDialog, "exec", fill)
    window.plan_tree.select_key(("indicator", ind.id))
    window.plan_ops.act_edit.trigger()
    changed = second_level(workspace, "(9)")
    assert changed.name == "数据共享与归集"
    assert [(a.name, a.role) for a in changed.assignments] == [("规划处", "responsible"), ("办公室", "cooperate")]
    qtbot.waitUntil(lambda: "办公室" in window.plan_tree.edit_cell(("indicator", ind.id), 6).data())
    window.act_undo.trigger()  # the dialog was one action: one undo restores both
    restored = second_level(workspace, "(9)")
    assert restored.name == "数据共享"
    assert [(a.name, a.role) for a in restored.assignments] == [("规划处", "responsible")]


def test_reorder_with_move_down_and_undo(qtbot: Any, window: MainWindow, workspace: Any) -> None:
    first = second_level(workspace, "(1)")
    window.plan_tree.select_key(("indicator", first.id))
    window.plan_ops.act_down.trigger()
    plan = plan_read.load_plan(workspace.db, 2026)
    assert [c.code for c in plan.dimensions[0].indicators[0].children][:3] == ["(2)", "(1)", "(3)"]
    qtbot.waitUntil(lambda: window.plan_tree.edit_cell(("indicator", first.id), 0).row() == 1)
    assert window.plan_tree.current_key() == ("indicator", first.id)  # selection follows the row
    window.plan_ops.act_renumber.trigger()
    plan = plan_read.load_plan(workspace.db, 2026)
    assert [c.name for c in plan.dimensions[0].indicators[0].children][:2] == \
        ["指定专人负责营商环境建设工作", "制定年度营商环境建设实施计划，并在部门网站公开"]
    assert plan.dimensions[0].indicators[0].children[0].code == "(1)"
    window.act_undo.trigger()
    window.act_undo.trigger()
    plan = plan_read.load_plan(workspace.db, 2026)
    assert [c.code for c in plan.dimensions[0].indicators[0].children][:3] == ["(1)", "(2)", "(3)"]


def test_delete_and_undo_restores_everything(qtbot: Any, window: MainWindow, workspace: Any) -> None:
    before = plan_read.plan_to_json(plan_read.load_plan(workspace.db, 2026))
    first = plan_read.load_plan(workspace.db, 2026).dimensions[0].indicators[1]
    window.plan_tree.select_key(("indicator", first.id))
    window.plan_ops.delete_current(confirm=False)
    assert len(plan_read.load_plan(workspace.db, 2026).second_level()) == 23 - 9
    qtbot.waitUntil(lambda: "14 个二级指标" in window.status_label.text())
    window.act_undo.trigger()
    assert plan_read.plan_to_json(plan_read.load_plan(workspace.db, 2026)) == before


def test_create_next_year_from_current(qtbot: Any, window: MainWindow, workspace: Any) -> None:
    window.year_ops.new_year_from_current(target=2027)
    assert plan_read.list_years(workspace.db) == [2026, 2027]
    assert window.year == 2027
    qtbot.waitUntil(lambda: window.year_box.currentData() == 2027)
    assert len(plan_read.load_plan(workspace.db, 2027).second_level()) == 23
    assert sum(1 for c in visible_codes(window) if c.startswith("(")) == 23


def test_add_second_level_and_subtask(qtbot: Any, window: MainWindow, workspace: Any,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    three = second_level(workspace, "(3)")
    window.plan_tree.select_key(("indicator", three.id))
    window.plan_ops.add_second_level("优化科技服务")
    plan = plan_read.load_plan(workspace.db, 2026)
    names = [c.name for c in plan.dimensions[0].indicators[0].children]
    assert names.index("优化科技服务") == names.index("落实重点工作任务") + 1
    from bizenv_desktop.ui.subtask_dialog import SubtaskDialog

    def fill(dialog: SubtaskDialog) -> int:
        dialog.name.setText("梳理年度重点任务清单")
        dialog.division.setCurrentIndex(dialog.division.findText("规划处"))
        dialog.person.setText("张三")
        dialog.has_deadline.setChecked(True)
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(SubtaskDialog, "exec", fill)
    window.plan_tree.select_key(("indicator", three.id))
    window.plan_ops.act_add_subtask.trigger()
    sub = second_level(workspace, "(3)").subtasks[0]
    assert (sub.name, sub.division_name, sub.person, sub.deadline) == ("梳理年度重点任务清单", "规划处", "张三", "2026-12-31")
    qtbot.waitUntil(lambda: window.plan_tree.current_key() == ("subtask", sub.id))


def test_filter_matches_any_column(qtbot: Any, window: MainWindow) -> None:
    window.filter_edit.insert("审批办")
    codes = [c for c in visible_codes(window) if c.startswith("(")]
    assert codes == ["(11)", "(12)", "(13)"]
    window.filter_edit.clear()
    assert len([c for c in visible_codes(window) if c.startswith("(")]) == 23


def test_bad_input_is_refused_with_a_message(qtbot: Any, window: MainWindow, workspace: Any,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: messages.append(a[2]))
    ind = second_level(workspace, "(5)")
    index = window.plan_tree.edit_cell(("indicator", ind.id), COL_NAME)
    assert window.proxy.setData(index, "   ") is False
    assert messages and "名称不能为空" in messages[0]
    assert second_level(workspace, "(5)").name == "机关作风建设"
    assert not window.act_undo.isEnabled()


def test_window_geometry_is_remembered(qtbot: Any, workspace: Any) -> None:
    controller = Controller(workspace)
    first = MainWindow(controller)
    qtbot.addWidget(first)
    first.show()
    first.resize(1100, 700)
    qtbot.waitUntil(lambda: first.width() == 1100)
    first.close()
    second = MainWindow(controller)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (1100, 700)
