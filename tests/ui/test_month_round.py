"""The monthly round as one path, driven from the window's 月调度 menu: 开始本月 → 生成处室调度表 →
收回调度表 → 催报名单 → 关闭本月 → 生成报告, on a real database, real workbooks and a real PDF."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from bizenv_desktop.services import dispatch, forms, work_plans
from bizenv_desktop.ui.controller import Controller
from bizenv_desktop.ui.main_window import MainWindow

TODAY = date(2026, 11, 20)


def when_modal(qtbot: Any, act: Callable[[QDialog], None]) -> list[QDialog]:
    """Run act on the next modal dialog once it is up (exec() blocks the test until it closes)."""
    seen: list[QDialog] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.isVisible():
            seen.append(dialog)
            act(dialog)
            if dialog.isVisible():
                dialog.accept()
        else:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(0, poll)
    return seen


def fill(path: Path, code: str, column: str, value: Any) -> None:
    wb = openpyxl.load_workbook(path)
    ws = wb[forms.SHEET]
    r = next(r for r in range(4, ws.max_row + 1) if str(ws[f"B{r}"].value).startswith(code + " "))
    ws[f"{column}{r}"] = value
    wb.save(path)


def round_menu(window: MainWindow) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and a.text().startswith(("月调度", "Monthly")))
    return [a.text() for a in menu.actions() if not a.isSeparator()]


@pytest.fixture
def window(qtbot: Any, workspace: Any) -> MainWindow:
    win = MainWindow(Controller(workspace))
    qtbot.addWidget(win)
    win.round_ops.fixed_today = TODAY
    with qtbot.waitSignal(win.ready, timeout=30000):
        win.show()
    return win


def drive_the_round(qtbot: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                    check_dialog: Callable[[QDialog], None] = lambda d: None) -> None:
    """From 开始本月 to 生成报告 through the menu's actions (what clicking them does)."""
    ops, db = window.round_ops, window.controller.db
    ops.update_steps()
    assert round_menu(window)[:6] == ["开始本月…", "生成处室调度表…", "收回调度表…", "催报名单…", "关闭本月…", "生成报告…"]
    assert ops.act_start.isEnabled() and not ops.act_make.isEnabled() and not ops.act_report.isEnabled()
    # 1. 开始本月: a month picker (not free text) with the month that is due
    picked: list[str] = []

    def accept_default(picker: QDialog) -> None:
        check_dialog(picker)
        picked.append(picker.month())  # type: ignore[attr-defined]
    when_modal(qtbot, accept_default)
    ops.act_start.trigger()
    assert picked == ["2026-11"]
    assert dispatch.month_head(db, "2026-11") is not None
    month_view = window.month_view
    assert window.tabs.currentWidget() is window.pages["month"] and month_view.current == "2026-11"
    qtbot.waitUntil(lambda: ops.act_make.isEnabled())
    assert month_view.round_bar.actions()  # the same steps as a toolbar in the 月调度 tab
    assert not month_view.start_button.isVisible()
    # 2. 生成处室调度表
    out = tmp_path / "out"
    written: list[Path] = []

    def make(dialog: QDialog) -> None:
        check_dialog(dialog)
        dialog.folder.setText(str(out))  # type: ignore[attr-defined]
        task = dialog.make(confirm=False)  # type: ignore[attr-defined]  # on a worker (ui/tasks.py)
        assert task is not None and task.wait() and task.state == "done"
        written.extend(task.result)
    when_modal(qtbot, make)
    ops.act_make.trigger()
    assert len(written) == 6 and all(p.is_file() for p in written)
    by_division = {p.name.split("（")[1].split("）")[0]: p for p in written}
    # two divisions send theirs back
    fill(by_division["法规处"], "(1)", get_column_letter(forms.COL["status"]), "已完成")
    fill(by_division["规划处"], "(9)", get_column_letter(forms.COL["problems"]), "接口未通")

    # 3. 收回调度表
    def collect(dialog: QDialog) -> None:
        check_dialog(dialog)
        dialog.add_files([by_division["法规处"], by_division["规划处"]])  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: not dialog.reading.busy, timeout=10000)  # type: ignore[attr-defined]
        task = dialog.apply_good(confirm=False)  # type: ignore[attr-defined]
        assert task is not None and task.wait() and len(task.result) == 2
    when_modal(qtbot, collect)
    ops.act_collect.trigger()
    returned, missing = forms.returned_divisions(db, "2026-11")
    assert [r.name for r in returned] == ["法规处", "规划处"] and len(missing) == 4
    qtbot.waitUntil(lambda: ops.act_chase.isEnabled())
    # 4. 催报名单: who is missing, shown and copied
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: told.append(text))
    names = ops.act_chase.trigger() or QApplication.clipboard().text()
    # the year's work plans, due 2026-03-31 and none received, are chased in the same list
    plans = work_plans.chase_line(db, 2026, TODAY)
    assert plans.startswith("2026 年度工作方案未交（截止 2026-03-31）：") and "法规处" in plans
    assert names == "、".join(r.name for r in missing) + "\n" + plans
    assert told and "还有 4 个处室没有交回调度表" in told[0] and names in told[0]
    assert month_view.side_tabs.currentWidget() is month_view.returns
    # 5. 关闭本月: with returns missing it names them and asks
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes)
    ops.act_close.trigger()
    assert asked and all(r.name in asked[0] for r in missing) and "仍然关闭本月吗" in asked[0]
    assert dispatch.month_head(db, "2026-11")["closed_at"] is not None
    qtbot.waitUntil(lambda: not ops.act_make.isEnabled())
    assert ops.act_report.isEnabled() and not ops.act_close.isEnabled()
    # 6. 生成报告: the report dialog at this month's 月调度情况, and a real PDF of it
    pages: list[int] = []

    def report(dialog: QDialog) -> None:
        check_dialog(dialog)
        assert dialog.kind.currentData() == "monthly" and dialog.month.value() == 11  # type: ignore[attr-defined]
        assert dialog.year.currentData() == 2026  # type: ignore[attr-defined]
        with qtbot.waitSignal(dialog.preview_ready, timeout=60000):  # type: ignore[attr-defined]
            dialog.refresh_preview()  # type: ignore[attr-defined]
        assert dialog.state.request.month == 11  # type: ignore[attr-defined]
        pages.append(len(dialog.page_labels()))  # type: ignore[attr-defined]
    when_modal(qtbot, report)
    ops.act_report.trigger()
    assert pages and pages[0] >= 1


def test_the_monthly_round_from_the_menu(qtbot: Any, window: MainWindow, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    drive_the_round(qtbot, window, tmp_path, monkeypatch)
    # the round's dialogs were deleted after use (none left under the window)
    QApplication.processEvents()
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert [type(d).__name__ for d in window.findChildren(QDialog) if d.objectName() != "qt_scrollarea_viewport"] == []


def test_the_due_month_is_offered_while_this_month_is_overdue(workspace: Any) -> None:
    """开始新月份 offered next month (free text) while this month was overdue."""
    workspace.apply("s", lambda w: dispatch.start_month(w, "2026-10"))
    workspace.apply("c", lambda w: dispatch.close_month(w, "2026-10"))
    # 1 December: November was never started, its dispatch was due on 30 November
    assert dispatch.due_month(workspace.db, date(2026, 12, 1)) == "2026-11"
    assert dispatch.startable_months(workspace.db, date(2026, 12, 1))[:2] == ["2026-11", "2026-12"]
    workspace.apply("s", lambda w: dispatch.start_month(w, "2026-11"))
    assert dispatch.due_month(workspace.db, date(2026, 12, 1)) == "2026-11"  # started, still open: still due
    assert dispatch.startable_months(workspace.db, date(2026, 12, 1)) == ["2026-12"]
    workspace.apply("c", lambda w: dispatch.close_month(w, "2026-11"))
    assert dispatch.due_month(workspace.db, date(2026, 12, 1)) == "2026-12"


def test_the_picker_lists_months_and_preselects_the_due_one(qtbot: Any, workspace: Any) -> None:
    from bizenv_desktop.ui.month_picker import MonthPickerDialog

    workspace.apply("s", lambda w: dispatch.start_month(w, "2026-10"))
    workspace.apply("c", lambda w: dispatch.close_month(w, "2026-10"))
    picker = MonthPickerDialog(workspace.db, date(2026, 12, 1))
    qtbot.addWidget(picker)
    assert [picker.box.itemData(i) for i in range(picker.box.count())] == ["2026-11", "2026-12"]
    assert picker.month() == "2026-11" and picker.box.currentText() == "2026年11月（应办）"
    assert picker.open_note.isHidden()  # 2026-11 not started yet: nothing open to mention


def test_the_picker_says_when_the_due_month_is_still_open(qtbot: Any, workspace: Any) -> None:
    from bizenv_desktop.ui.month_picker import MonthPickerDialog

    workspace.apply("s", lambda w: dispatch.start_month(w, "2026-11"))
    picker = MonthPickerDialog(workspace.db, date(2026, 12, 1))
    qtbot.addWidget(picker)
    assert not picker.open_note.isHidden() and "2026-11" in picker.open_note.text()
    assert [picker.box.itemData(i) for i in range(picker.box.count())] == ["2026-12"]
