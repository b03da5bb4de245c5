"""The window as a shell: menus from ui/menus.LAYOUT filled by ui/operations, tabs from
ui/window_tabs.TABS, and main_window.py kept thin."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from bizenv_desktop.ui import main_window, window_tabs
from bizenv_desktop.ui.controller import Controller
from bizenv_desktop.ui.main_window import MainWindow
from bizenv_desktop.ui.operations import make_action


@pytest.fixture
def window(qtbot: Any, workspace: Any) -> MainWindow:
    win = MainWindow(Controller(workspace))
    qtbot.addWidget(win)
    return win


def entries(menu: QMenu) -> list[str]:
    """The menu's items as shown: separators only between two items, sub-menus with '>'."""
    out: list[str] = []
    for action in menu.actions():
        if action.isSeparator():
            if out and out[-1] != "|":
                out.append("|")
        else:
            out.append(action.text() + (" >" if action.menu() else ""))
    return out[:-1] if out and out[-1] == "|" else out


def test_menus_in_their_order_with_every_action(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["文件(&F)", "编辑(&E)", "月调度(&D)", "报告(&R)", "年度(&Y)", "管理(&M)", "视图(&V)", "帮助(&H)"]
    assert entries(window.menus["month"])[:6] == ["开始本月…", "生成处室调度表…", "收回调度表…", "催报名单…", "关闭本月…",
                                                  "生成报告…"]
    assert entries(window.menus["file"]) == [
        "打开数据库(&O)…", "|", "导入方案文档(&W)…", "导入指标表(&I)…", "导入督办事项台账(&U)…", "导出 Excel(&X) >", "|",
        "导出佐证材料包(&Z)…", "|", "立即备份(&B)", "从备份恢复…", "检查数据", "|", "设置(&S)…", "|", "退出(&X)"]
    assert entries(window.menus["edit"]) == [
        "撤销", "重做", "|", "新增维度…", "新增一级指标…", "新增二级指标…", "新增子任务…", "|", "属性(&P)…", "删除",
        "|", "上移", "下移", "移动到…", "重新编号", "|", "筛选(&F)"]
    assert entries(window.menus["year"]) == ["从本年度创建新年度…", "用内置方案创建年度…", "|", "删除本年度…"]
    assert entries(window.menus["help"]) == ["本页帮助(&H)", "用户指南(&G)", "开始使用", "月调度的步骤", "备份与恢复", "快捷键",
                                             "本单位信息（首次使用）…", "|", "关于(&A)"]
    toolbar = [a.text() or "|" for a in window.toolbar.actions() if a.isSeparator() or a.text()]
    assert toolbar == ["|", "撤销", "重做", "|", "新增二级指标…", "新增子任务…", "属性(&P)…", "删除", "上移", "下移",
                       "|", "处室管理(&D)…", "联络员登记(&L)…"]
    assert window.toolbar.widgetForAction(window.toolbar.actions()[-1]) is window.filter_edit  # the filter last


def test_an_action_added_later_goes_into_its_section(window: MainWindow) -> None:
    """What an operations module does to add a menu item (ui/operations/__init__.py)."""
    done: list[str] = []
    action = make_action(window, "导入年度方案…", lambda: done.append("import"))
    window.menus.add("file", "exchange", action)
    items = entries(window.menus["file"])
    assert items.index("导入年度方案…") == items.index("导出 Excel(&X) >") + 1  # end of its section
    assert items.index("导入年度方案…") < items.index("导出佐证材料包(&Z)…")
    action.trigger()
    assert done == ["import"]
    with pytest.raises(KeyError):
        window.menus.add("file", "no such section", QAction("x", window))


def test_tabs_follow_the_declaration_and_build_when_asked(window: MainWindow) -> None:
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["指标体系", *[t.title for t in window_tabs.TABS]]
    page = window.pages["events"]
    assert page.view is None  # not built before it is needed
    view = window.view("events")
    assert page.view is view and view is window.events_view
    assert view.year == window.year  # type: ignore[attr-defined]  # a year-following tab starts at the year
    other = next(y for y in (2025, 2027) if y != window.year)
    window.year_ops.new_year_from_current(target=other)
    assert window.year == other and view.year == other  # type: ignore[attr-defined]


def test_the_window_module_stays_a_shell() -> None:
    """New menu actions go to ui/operations, tabs to ui/window_tabs (their docstrings say how)."""
    lines = Path(main_window.__file__).read_text(encoding="utf-8").splitlines()
    assert len(lines) < 300, "main_window.py grew past 300 lines: move the new work to ui/operations"
