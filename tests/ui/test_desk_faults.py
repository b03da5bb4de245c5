"""The faults a new liaison met (issue 15, "Why"), each driven on the real window and a real
database: each test failed before its fix."""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QToolButton

from bizenv_desktop.services import dispatch, plan_read, supervision
from bizenv_desktop.ui import settings
from bizenv_desktop.ui.controller import Controller
from bizenv_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: Any, workspace: Any) -> MainWindow:
    win = MainWindow(Controller(workspace))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def deleted_later() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def cancel_next_dialog() -> None:
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            QTimer.singleShot(10, poll)
    QTimer.singleShot(0, poll)


def second_level(window: MainWindow, code: str) -> Any:
    plan = plan_read.load_plan(window.controller.db, 2026)
    return next(i for i in plan.second_level() if i.code == code)


def test_dialogs_opened_from_the_window_are_deleted_after_use(qtbot: Any, window: MainWindow) -> None:
    """Five cancelled edits left five live dialogs under the window."""
    ind = second_level(window, "(9)")
    window.plan_tree.select_key(("indicator", ind.id))
    for _ in range(5):
        for open_one in (window.plan_ops.add_subtask, window.plan_ops.edit_current, window.workspace_ops.show_settings,
                         window.workspace_ops.manage_divisions, window.workspace_ops.show_calendar):
            cancel_next_dialog()
            open_one()
    deleted_later()
    assert window.findChildren(QDialog) == []


def test_the_detail_panel_action_is_checked_while_the_panel_shows(qtbot: Any, workspace: Any) -> None:
    win = MainWindow(Controller(workspace))  # checked before the window is shown (it read unchecked)
    qtbot.addWidget(win)
    assert win.act_detail.isChecked()
    win.show()
    assert win.detail.isVisible() and win.act_detail.isChecked()
    win.act_detail.trigger()
    assert not win.detail.isVisible() and settings.get("ui/detail_visible") is False


def test_the_open_tab_is_remembered(qtbot: Any, workspace: Any) -> None:
    first = MainWindow(Controller(workspace))
    qtbot.addWidget(first)
    first.show()
    first.tabs.setCurrentWidget(first.supervision_view)
    first.close()
    assert settings.get("ui/last_tab") == "supervision"
    again = MainWindow(Controller(workspace))
    qtbot.addWidget(again)
    assert again.tab_key() == "supervision"


def test_the_start_up_reminder_comes_once_a_day(window: MainWindow) -> None:
    """The overdue pop-up appeared at every start."""
    box = window.show_reminders(today=date(2026, 11, 20))
    assert box is not None and "已逾期" in box.text()
    box.close()
    assert window.show_reminders(today=date(2026, 11, 20)) is None  # the next start, the same day
    assert window.show_reminders(today=date(2026, 11, 23)) is not None  # the next working day


def test_the_closed_month_label_shows_date_and_time_not_an_iso_stamp(qtbot: Any, window: MainWindow) -> None:
    controller = window.controller
    assert controller.run("s", lambda w: dispatch.start_month(w, "2026-11"))
    assert controller.run("c", lambda w: dispatch.close_month(w, "2026-11"))
    view = window.month_view
    view.show_month("2026-11")
    closed_at = dispatch.month_head(controller.db, "2026-11")["closed_at"]
    assert "T" in closed_at
    text = view.state_label.text()
    assert "T" not in text and closed_at[:10] in text and closed_at[11:16] in text


def test_only_changed_rows_says_what_it_compares_with(qtbot: Any, window: MainWindow) -> None:
    """It was empty right after collecting changes: it compares with last month only, silently."""
    controller, view = window.controller, window.month_view
    assert controller.run("s", lambda w: dispatch.start_month(w, "2026-10"))
    view.show_month("2026-10")
    assert not view.changed_only.isEnabled()  # no September: nothing to compare with, and it says so
    assert "2026-09" in view.changed_only.toolTip()
    assert controller.run("s", lambda w: dispatch.start_month(w, "2026-11"))
    view.show_month("2026-11")
    assert view.changed_only.isEnabled() and "2026-10" in view.changed_only.text()


def test_undo_says_what_and_where_and_the_toolbar_keeps_still(qtbot: Any, window: MainWindow) -> None:
    """The undo label sat in the toolbar button (the toolbar jumped); undo on one tab undid an
    edit made on another without saying so."""
    button = window.toolbar.widgetForAction(window.act_undo)
    assert isinstance(button, QToolButton)
    width = button.sizeHint().width()
    window.plan_ops.add_second_level("一个新的二级指标")
    assert window.act_undo.text() == "撤销 新增二级指标“一个新的二级指标”"
    assert button.text() == "撤销" and button.sizeHint().width() == width
    assert window.act_undo.toolTip() == window.act_undo.text()
    window.tabs.setCurrentWidget(window.supervision_view)
    assert window.act_undo.text() == "撤销 新增二级指标“一个新的二级指标”（在“指标体系”中）"
    window.tabs.setCurrentWidget(window.plan_tree)
    assert window.act_undo.text().endswith("”")
    window.act_undo.trigger()
    assert window.act_redo.text() == "重做 新增二级指标“一个新的二级指标”" and window.act_undo.text() == "撤销"


def test_the_subtask_dialog_names_its_indicator_and_defaults_to_its_division(qtbot: Any, workspace: Any) -> None:
    from bizenv_desktop.ui.subtask_dialog import SubtaskDialog

    plan = plan_read.load_plan(workspace.db, 2026)
    ind = next(i for i in plan.second_level() if i.code == "(11)")
    lead = next(a for a in ind.assignments if a.role in ("lead", "responsible"))
    dialog = SubtaskDialog(plan_read.list_divisions(workspace.db), None, None, 2026, indicator=ind)
    qtbot.addWidget(dialog)
    assert dialog.owner.text() == f"所属指标：(11) {ind.name}"
    assert dialog.division.currentData() == lead.division_id


def test_add_division_offers_an_unused_one_as_cooperating(qtbot: Any, workspace: Any) -> None:
    """添加处室 copied the first row."""
    from bizenv_desktop.ui.assignment_editor import AssignmentEditor

    plan = plan_read.load_plan(workspace.db, 2026)
    ind = next(i for i in plan.second_level() if i.code == "(8)")
    editor = AssignmentEditor(plan_read.list_divisions(workspace.db))
    qtbot.addWidget(editor)
    editor.set_value(ind.assignments)
    before = editor.value()
    editor.add_button.click()
    added = editor.value()[-1]
    assert added[1] == "cooperate" and added[0] not in [d for d, _r in before]
    divisions = {d.id: d for d in plan_read.list_divisions(workspace.db)}
    assert not divisions[added[0]].is_group


def test_a_todo_opens_what_it_comes_from(qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """The 待办 panel was a dead end: double-click and right-click did nothing."""
    controller, panel = window.controller, window.deadline_panel
    assert controller.run("s", lambda w: dispatch.start_month(w, "2026-10"))
    division = next(d for d in plan_read.list_divisions(controller.db) if not d.is_group)
    assert controller.run("i", lambda w: supervision.add_item(w, "开办时间督办", received_on="2026-11-02",
                                                               deadline="2026-11-25", lead=[division.id],
                                                               today=date(2026, 11, 20)))
    item_id = supervision.list_items(controller.db)[0].id
    panel.fixed_today = date(2026, 11, 20)
    panel.reload()
    rows = {d.key: (r, d) for r, d in enumerate(panel.model.items)}
    # double-click / Enter on the month: the 月调度 tab at that month
    r, month = rows["monthly_dispatch:2026-10"]
    panel.table.activated.emit(panel.model.index(r, 1))
    assert window.tab_key() == "month" and window.month_view.current == "2026-10"
    # the supervised item: the ledger, with the item selected
    r, item = rows[f"supervision:{item_id}"]
    panel.table.activated.emit(panel.model.index(r, 1))
    assert window.tab_key() == "supervision"
    qtbot.waitUntil(lambda: window.supervision_view.selected() is not None
                    and window.supervision_view.selected().id == item_id, timeout=10000)
    # a quarterly report: the report dialog at that report and quarter
    _r, report = next(v for k, v in rows.items() if k.startswith("provincial_quarterly_report:2026Q3"))
    seen: list[tuple[str, int]] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, look)
            return
        seen.append((dialog.kind.currentData(), dialog.quarter.currentData()))  # type: ignore[attr-defined]
        dialog.reject()
    QTimer.singleShot(0, look)
    from bizenv_desktop.ui.todo_open import open_deadline

    assert open_deadline(window, report) == "report"
    assert seen == [("provincial", 3)]
    # right-click: open, mark done, undo it, copy
    menu = panel.menu_for(item)
    assert [a.text() for a in menu.actions()] == ["打开", "标记完成…", "取消完成", "复制"]
    assert [a.isEnabled() for a in menu.actions()] == [True, True, False, True]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    menu.actions()[1].trigger()
    qtbot.waitUntil(lambda: all(d.key != item.key for d in panel.model.items))
    menu.actions()[3].trigger()
    assert QApplication.clipboard().text().startswith("2026-11-25 督办事项")


def test_the_first_start_page_registers_the_liaison_and_says_where_the_data_is(qtbot: Any, workspace: Any) -> None:
    from bizenv_desktop.services.backup import backup_dir
    from bizenv_desktop.ui.first_start import FirstStartDialog

    controller = Controller(workspace)
    page = FirstStartDialog(controller)
    qtbot.addWidget(page)
    labels = " ".join(w.text() for w in page.findChildren(QLabel))
    assert str(workspace.path) in labels and str(backup_dir(workspace.path)) in labels and "立即备份" in labels
    assert page.backup_button.text() == "立即备份"
    page.name.setText("吉林省科学技术厅")
    page.liaison_name.setText("张三")
    page.liaison_division.setCurrentText("法规处")
    page.liaison_phone.setText("0431-88888888")
    page.accept()
    liaison = [x for x in plan_read.list_liaisons(workspace.db) if x.current]
    assert [(x.name, x.division_name, x.phone) for x in liaison] == [("张三", "法规处", "0431-88888888")]
    assert controller.undo_stack.count() == 1  # the department and the liaison: one step


def test_f1_opens_the_guide_at_the_tab_in_front(qtbot: Any, window: MainWindow) -> None:
    from bizenv_desktop.ui import help_window

    window.tabs.setCurrentWidget(window.month_view)
    window.help_ops.act_context.trigger()
    guide = help_window._window
    assert guide is not None and guide.isVisible()
    assert guide.browser.source().fragment() == "month"
    assert window.help_ops.act_context.shortcut().toString() == "F1"
    window.tabs.setCurrentWidget(window.supervision_view)
    window.help_ops.tab_button.click()  # the help button at the right of the tabs
    assert guide.browser.source().fragment() == "supervision"
    guide.close()


def test_the_plan_tree_keeps_number_and_name_in_view(qtbot: Any, window: MainWindow) -> None:
    """At 1366 the plan hid 牵头/负责/配合/完成时限; scrolling right hid the names."""
    from bizenv_desktop.ui.plan_model import COL_CODE, COL_DEADLINE, COL_NAME

    window.resize(1000, 700)
    tree, frozen = window.tree, window.plan_tree.frozen.frozen
    bar = tree.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    deadline_x = tree.header().sectionViewportPosition(COL_DEADLINE)
    assert 0 <= deadline_x < tree.viewport().width()  # the last column can be reached
    assert frozen.isVisible() and frozen.header().sectionViewportPosition(COL_CODE) == 0
    assert frozen.header().sectionViewportPosition(COL_NAME) == frozen.header().sectionSize(COL_CODE)
    assert frozen.isExpanded(frozen.model().index(0, 0))  # expanded as the tree is

