"""DivisionsDialog on a real database: every change is one undo step, refused ones change nothing."""
from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from bizenv_desktop.services import plan_read
from bizenv_desktop.ui.controller import Controller
from bizenv_desktop.ui.divisions_dialog import DivisionsDialog, NewDivisionDialog


@pytest.fixture
def controller(workspace: Any) -> Controller:
    return Controller(workspace)


@pytest.fixture
def dialog(qtbot: Any, controller: Controller) -> DivisionsDialog:
    dlg = DivisionsDialog(controller)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Messages Controller.report would have shown in a modal box."""
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: seen.append(text))
    return seen


def row_texts(dlg: DivisionsDialog, name: str) -> list[str]:
    for row in range(dlg.table.rowCount()):
        if dlg.table.item(row, 0).text() == name:
            return [dlg.table.item(row, c).text() for c in range(dlg.table.columnCount())]
    raise AssertionError(f"{name} not shown")


def shown_names(dlg: DivisionsDialog) -> list[str]:
    return [dlg.table.item(r, 0).text() for r in range(dlg.table.rowCount())]


def lead_and_all(workspace: Any, code: str) -> tuple[list[str], list[str]]:
    plan = plan_read.load_plan(workspace.db, 2026)
    ind = next(i for i in plan.all_indicators() if i.code == code)
    return ind.names_with_role("lead"), [a.name for a in ind.assignments]


def test_lists_divisions_with_kind_status_and_uses(dialog: DivisionsDialog) -> None:
    assert row_texts(dialog, "法规处") == ["法规处", "处室", "在用", "18"]
    assert row_texts(dialog, "相关处室")[1] == "分组"
    for b in (dialog.rename_button, dialog.merge_button, dialog.retire_button, dialog.delete_button):
        assert not b.isEnabled()
    assert dialog.add_button.isEnabled()


def test_add_rename_and_undo(qtbot: Any, dialog: DivisionsDialog, controller: Controller,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    def fill(form: NewDivisionDialog) -> int:
        form.name.setText("  数据局  ")
        form.kind.setCurrentIndex(form.kind.findData("unit"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewDivisionDialog, "exec", fill)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert row_texts(dialog, "数据局") == ["数据局", "直属单位", "在用", "0"]
    new = dialog.selected()
    assert new is not None and new.name == "数据局"
    assert dialog.delete_button.isEnabled()  # unused: may be deleted

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("大数据中心", True))
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    assert "大数据中心" in shown_names(dialog) and "数据局" not in shown_names(dialog)
    assert dialog.set_kind(new.id, "division")
    assert row_texts(dialog, "大数据中心")[1] == "处室"
    assert controller.undo_stack.count() == 3

    controller.undo_stack.undo()
    controller.undo_stack.undo()
    assert row_texts(dialog, "数据局")[1] == "直属单位"
    controller.undo_stack.undo()
    assert "数据局" not in shown_names(dialog)


def test_retire_and_restore(qtbot: Any, dialog: DivisionsDialog, controller: Controller) -> None:
    office = dialog.division_named("办公室")
    assert office is not None
    assert dialog.select(office.id)
    assert dialog.retire_button.isEnabled() and not dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.retire_button, Qt.MouseButton.LeftButton)
    assert "办公室" not in shown_names(dialog)  # retired rows are hidden by default
    box = dialog.show_retired  # click the box itself, not the stretched empty area right of its text
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert dialog.show_retired.isChecked()
    assert row_texts(dialog, "办公室")[2].startswith("已停用 ")
    dialog.select(office.id)
    assert dialog.restore_button.isEnabled() and not dialog.retire_button.isEnabled()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert row_texts(dialog, "办公室")[2] == "在用"
    assert dialog.selected() is not None and dialog.selected().name == "办公室"  # selection kept
    controller.undo_stack.undo()
    assert row_texts(dialog, "办公室")[2].startswith("已停用 ")
    controller.undo_stack.undo()
    assert row_texts(dialog, "办公室")[2] == "在用"


def test_merge_moves_assignments_and_undo_restores(qtbot: Any, dialog: DivisionsDialog, controller: Controller,
                                                   workspace: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    source, target = dialog.division_named("审批办"), dialog.division_named("法规处")
    assert source is not None and target is not None
    assert lead_and_all(workspace, "(11)")[0] == ["审批办"]
    targets = [d.name for d in dialog.merge_targets(source.id)]
    assert "法规处" in targets and "审批办" not in targets and "相关处室" not in targets  # no groups

    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("法规处", True))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes)
    dialog.select(source.id)
    assert dialog.merge_button.isEnabled()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert asked and "审批办" in asked[0] and "法规处" in asked[0] and "3" in asked[0]

    lead, everyone = lead_and_all(workspace, "(11)")
    assert lead == ["法规处"] and "审批办" not in everyone
    assert "审批办" not in shown_names(dialog)
    dialog.show_retired.setChecked(True)
    assert row_texts(dialog, "审批办")[2] == "已合并到 法规处"
    assert row_texts(dialog, "审批办")[3] == "0"
    dialog.select(dialog.division_named("审批办").id)
    assert not dialog.merge_button.isEnabled() and dialog.restore_button.isEnabled()

    controller.undo_stack.undo()
    assert lead_and_all(workspace, "(11)")[0] == ["审批办"]
    assert row_texts(dialog, "审批办")[2:] == ["在用", "3"]
    assert row_texts(dialog, "法规处")[3] == "18"


def test_merge_declined_changes_nothing(qtbot: Any, dialog: DivisionsDialog, controller: Controller,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("法规处", True))
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    dialog.select(dialog.division_named("审批办").id)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert controller.undo_stack.count() == 0
    assert row_texts(dialog, "审批办")[2] == "在用"


def test_deleting_a_used_division_is_refused(dialog: DivisionsDialog, controller: Controller, workspace: Any,
                                             warnings: list[str]) -> None:
    before = plan_read.list_divisions(workspace.db)
    used = dialog.division_named("审批办")
    dialog.select(used.id)
    assert not dialog.delete_button.isEnabled()
    assert dialog.delete(used.id) is False
    assert len(warnings) == 1 and "审批办" in warnings[0] and "停用" in warnings[0]
    assert plan_read.list_divisions(workspace.db) == before
    assert controller.undo_stack.count() == 0
    assert "审批办" in shown_names(dialog)


def test_duplicate_name_is_refused(dialog: DivisionsDialog, controller: Controller, warnings: list[str]) -> None:
    assert dialog.add("法规处") is None
    assert dialog.rename(dialog.division_named("规划处").id, "法规处") is False
    assert len(warnings) == 2 and all("法规处" in w for w in warnings)
    assert controller.undo_stack.count() == 0


def test_delete_unused_then_undo(qtbot: Any, dialog: DivisionsDialog, controller: Controller,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    new_id = dialog.add("临时专班", "group")
    assert new_id is not None and row_texts(dialog, "临时专班")[1] == "分组"
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    dialog.select(new_id)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert "临时专班" not in shown_names(dialog)
    controller.undo_stack.undo()
    assert "临时专班" in shown_names(dialog)


def test_closing_disconnects_from_controller(qtbot: Any, dialog: DivisionsDialog, controller: Controller,
                                             workspace: Any) -> None:
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    rows = dialog.table.rowCount()
    from bizenv_desktop.services import divisions
    controller.run("add", lambda w: divisions.add_division(w, "外部新增"))
    assert dialog.table.rowCount() == rows  # no longer listening
    dialog.show()
    assert "外部新增" in shown_names(dialog)  # listening again, and up to date
