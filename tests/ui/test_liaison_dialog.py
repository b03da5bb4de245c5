"""LiaisonDialog on a real database: registering, reporting (报备), editing, undo."""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from bizenv_desktop.services import plan_read
from bizenv_desktop.ui.controller import Controller
from bizenv_desktop.ui.liaison_dialog import LiaisonDialog, LiaisonForm


@pytest.fixture
def controller(workspace: Any) -> Controller:
    return Controller(workspace)


@pytest.fixture
def dialog(qtbot: Any, controller: Controller) -> LiaisonDialog:
    dlg = LiaisonDialog(controller)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: seen.append(text))
    return seen


def division_id(workspace: Any, name: str) -> int:
    return next(d.id for d in plan_read.list_divisions(workspace.db) if d.name == name)


def row(dlg: LiaisonDialog, name: str) -> list[str]:
    for r in range(dlg.table.rowCount()):
        if dlg.table.item(r, 0).text() == name:
            return [dlg.table.item(r, c).text() for c in range(dlg.table.columnCount())]
    raise AssertionError(f"{name} not shown")


def register_zhang(qtbot: Any, dlg: LiaisonDialog, monkeypatch: pytest.MonkeyPatch) -> None:
    """张三 through the real form, as the 登记新联络员… button opens it."""
    def fill(form: LiaisonForm) -> int:
        form.name.setText("张三")
        form.division.setCurrentIndex(form.division.findText("法规处"))
        form.phone.setText("0871-6000001")
        form.start.setDate(QDate(2026, 1, 5))
        assert not form.reported.isChecked()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(LiaisonForm, "exec", fill)
    qtbot.mouseClick(dlg.register_button, Qt.MouseButton.LeftButton)
    monkeypatch.undo()


def test_empty_registry_says_none_registered(dialog: LiaisonDialog) -> None:
    assert dialog.table.rowCount() == 0
    assert "尚未登记现任联络员" in dialog.status_text()
    assert not dialog.edit_button.isEnabled() and not dialog.report_button.isEnabled()


def test_register_two_in_sequence_report_edit_undo(qtbot: Any, dialog: LiaisonDialog, controller: Controller,
                                                   workspace: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    register_zhang(qtbot, dialog, monkeypatch)
    assert row(dialog, "张三") == ["张三", "法规处", "0871-6000001", "2026-01-05", "现任", "未报备", ""]
    assert "现任联络员：张三（法规处）" in dialog.status_text()
    assert "尚未报备的变更：张三（2026-01-05 起）" in dialog.status_text()

    li_id = dialog.register("李四", "2026-06-01", division_id=division_id(workspace, "办公室"), phone="6000002")
    assert li_id is not None
    zhang = row(dialog, "张三")
    assert zhang[4] == "2026-05-31"  # ended the day before 李四 starts
    assert row(dialog, "李四")[1:6] == ["办公室", "6000002", "2026-06-01", "现任", "未报备"]
    assert [x.name for x in dialog.liaisons()] == ["张三", "李四"]
    assert "现任联络员：李四（办公室）" in dialog.status_text()
    assert "张三（2026-01-05 起）、李四（2026-06-01 起）" in dialog.status_text()

    zhang_id = dialog.liaisons()[0].id
    assert dialog.mark_reported(zhang_id, on=date(2026, 1, 6))
    assert row(dialog, "张三")[5] == "2026-01-06"
    assert "张三" not in dialog.status_text().split("尚未报备")[1]

    dialog.select(li_id)
    assert dialog.report_button.isEnabled()
    qtbot.mouseClick(dialog.report_button, Qt.MouseButton.LeftButton)
    assert row(dialog, "李四")[5] == date.today().isoformat()
    assert "尚未报备" not in dialog.status_text() and "所有变更均已报备" in dialog.status_text()
    assert not dialog.report_button.isEnabled()  # 李四 still selected, nothing left to report

    def edit(form: LiaisonForm) -> int:
        assert form.name.text() == "李四" and form.division.currentText() == "办公室"
        assert not form.has_end.isChecked() and form.reported.isChecked()
        form.phone.setText("13800000000")
        form.note.setText("兼任信息员")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(LiaisonForm, "exec", edit)
    qtbot.mouseClick(dialog.edit_button, Qt.MouseButton.LeftButton)
    assert row(dialog, "李四")[2] == "13800000000" and row(dialog, "李四")[6] == "兼任信息员"
    assert row(dialog, "李四")[5] == date.today().isoformat()  # untouched fields kept

    stack = controller.undo_stack
    assert stack.count() == 5
    stack.undo()  # the edit
    assert row(dialog, "李四")[2] == "6000002" and row(dialog, "李四")[6] == ""
    stack.undo()  # 李四 reported
    assert row(dialog, "李四")[5] == "未报备"
    assert "尚未报备的变更：李四（2026-06-01 起）" in dialog.status_text()
    stack.undo()  # 张三 reported
    stack.undo()  # 李四 registered: 张三 is current again
    assert [x.name for x in dialog.liaisons()] == ["张三"]
    assert row(dialog, "张三")[4] == "现任"
    stack.redo()
    assert row(dialog, "张三")[4] == "2026-05-31" and row(dialog, "李四")[4] == "现任"


def test_refused_edit_changes_nothing(dialog: LiaisonDialog, controller: Controller, warnings: list[str]) -> None:
    lid = dialog.register("王五", "2026-03-01")
    assert lid is not None
    assert dialog.edit(lid, end_date="2026-02-01") is False
    assert dialog.register("", "2026-04-01") is None
    assert len(warnings) == 2 and "早于" in warnings[0] and "姓名" in warnings[1]
    assert row(dialog, "王五")[4] == "现任"
    assert controller.undo_stack.count() == 1


def test_form_lists_active_non_group_divisions(dialog: LiaisonDialog, workspace: Any) -> None:
    form = LiaisonForm(plan_read.list_divisions(workspace.db), parent=dialog)
    names = [form.division.itemText(i) for i in range(form.division.count())]
    assert names[0] == "（未指定）" and "法规处" in names and "相关处室" not in names
    assert not form.reported_on.isEnabled() and not form.has_end.isVisibleTo(form)  # no end date when new
    form.reported.setChecked(True)
    assert form.reported_on.isEnabled()
    assert form.values()["reported_on"] == date.today().isoformat()
    assert "end_date" not in form.values()


def test_delete_and_undo(qtbot: Any, dialog: LiaisonDialog, controller: Controller,
                         monkeypatch: pytest.MonkeyPatch) -> None:
    lid = dialog.register("赵六", "2026-02-01", reported_on="2026-02-02", note="试用")
    assert lid is not None and row(dialog, "赵六")[5:] == ["2026-02-02", "试用"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    dialog.select(lid)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 0 and "尚未登记现任联络员" in dialog.status_text()
    controller.undo_stack.undo()
    assert row(dialog, "赵六")[0] == "赵六"


def test_closing_stops_refreshing(dialog: LiaisonDialog, controller: Controller) -> None:
    dialog.close()  # as by the title bar: QDialog turns it into reject(), i.e. done()
    assert not dialog.isVisible()
    from bizenv_desktop.services import liaisons
    controller.run("add", lambda w: liaisons.add_liaison(w, "孙七", "2026-01-01"))
    assert dialog.table.rowCount() == 0
    dialog.show()
    assert row(dialog, "孙七")[0] == "孙七"
