"""The import dialog: read a workbook, correct a column role, see the plan, import once."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from PySide6.QtWidgets import QComboBox, QMessageBox

from bizenv_desktop.ui.controller import Controller
from bizenv_desktop.ui.import_dialog import COL_ROLE, ImportIndicatorsDialog


def book(path: Path) -> Path:
    wb = Workbook()
    wb.active.title = "说明"
    wb.active["A1"] = "填表说明"
    ws = wb.create_sheet("指标")
    for row in (["2027年度考评指标"], ["一级指标", "二级指标", "考评内容及标准", "承办处"],
                ["服务", "（1）一网通办", "可办率不低于90%。", "法规处、审批办"],
                [None, "（2）一窗受理", "分类受理。", "审批办"]):
        ws.append(row)
    wb.save(path)
    return path


def test_read_correct_roles_and_import(qtbot: Any, workspace: Any, tmp_path: Path) -> None:
    controller = Controller(workspace)
    dialog = ImportIndicatorsDialog(controller, year=2026, path=book(tmp_path / "a.xlsx"))
    qtbot.addWidget(dialog)
    assert dialog.preview is not None and dialog.preview.sheet == "指标"
    assert dialog.sheet.count() == 2 and dialog.sheet.currentText() == "指标"
    assert dialog.year.value() == 2027  # from the title
    assert dialog.columns.rowCount() == 4
    box = dialog.columns.cellWidget(3, COL_ROLE)
    assert isinstance(box, QComboBox) and box.currentData() == "responsible"
    assert dialog.tree.topLevelItemCount() > 0 and dialog.import_button.isEnabled()
    assert "新建 3 项指标" in dialog.summary.text()
    dialog.set_role(4, "cooperate")
    assert dialog.preview.roles[4] == "cooperate"
    assert dialog.preview.second_level()[0].divisions[0].role == "cooperate"
    dialog.set_role(2, "ignore")  # no names left: nothing can be imported
    assert dialog.preview.errors and not dialog.import_button.isEnabled()
    dialog.set_role(2, "second")
    assert dialog.import_button.isEnabled()
    assert dialog.do_import() and dialog.imported_year == 2027
    assert controller.undo_stack.count() == 1
    assert workspace.db.scalar("SELECT count(*) FROM plan_year WHERE year = 2027") == 1
    again = ImportIndicatorsDialog(controller, year=2027, path=tmp_path / "a.xlsx")
    qtbot.addWidget(again)
    assert "修改 3 条责任分工" in again.summary.text()  # read as 承办 = responsible this time
    again.set_role(4, "cooperate")
    assert not again.import_button.isEnabled() and "不需要导入" in again.summary.text()
    controller.undo_stack.undo()
    assert workspace.db.scalar("SELECT count(*) FROM plan_year WHERE year = 2027") == 0


def test_a_bad_file_is_reported(qtbot: Any, workspace: Any, tmp_path: Path, monkeypatch: Any) -> None:
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: messages.append(a[2]))
    bad = tmp_path / "bad.xlsx"
    bad.write_text("序号,指标\n", encoding="utf-8")
    dialog = ImportIndicatorsDialog(Controller(workspace), year=2026)
    qtbot.addWidget(dialog)
    assert not dialog.load(bad)
    assert messages and "bad.xlsx" in messages[0] and "CSV" in messages[0]
    assert dialog.preview is None and not dialog.import_button.isEnabled()
