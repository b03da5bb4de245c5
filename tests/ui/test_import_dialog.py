"""The import dialog: read a workbook, correct a column role, see the plan, import once."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from PySide6.QtCore import QModelIndex, Qt
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


def settle(qtbot: Any, dialog: ImportIndicatorsDialog) -> None:
    """Reading and matching run on a worker: wait until the dialog shows the result."""
    qtbot.waitUntil(lambda: not dialog.reading.busy, timeout=10000)


def shown(dialog: ImportIndicatorsDialog, parent: QModelIndex | None = None) -> list[Any]:
    """The tree of planned changes as its view shows it: [(the row's four texts, expanded,
    its children)], read through the view's model (texts are made when a row is asked for)."""
    model, parent = dialog.tree.model(), parent or QModelIndex()
    rows = []
    for r in range(model.rowCount(parent)):
        index = model.index(r, 0, parent)
        rows.append(([model.index(r, c, parent).data() for c in range(model.columnCount(parent))],
                     dialog.tree.isExpanded(index), shown(dialog, index)))
    return rows


def done(task: Any) -> bool:
    """An import the dialog started (on a worker) has been written."""
    return task is not None and task.wait() and task.state == "done"


def test_read_correct_roles_and_import(qtbot: Any, workspace: Any, tmp_path: Path) -> None:
    controller = Controller(workspace)
    dialog = ImportIndicatorsDialog(controller, year=2026, path=book(tmp_path / "a.xlsx"))
    qtbot.addWidget(dialog)
    settle(qtbot, dialog)
    assert dialog.preview is not None and dialog.preview.sheet == "指标"
    assert dialog.sheet.count() == 2 and dialog.sheet.currentText() == "指标"
    assert dialog.year.value() == 2027  # from the title
    assert dialog.columns.rowCount() == 4
    box = dialog.columns.cellWidget(3, COL_ROLE)
    assert isinstance(box, QComboBox) and box.currentData() == "responsible"
    assert dialog.import_button.isEnabled()
    assert [h for h in (dialog.tree.model().headerData(c, Qt.Orientation.Horizontal) for c in range(4))] == [
        "操作", "对象", "内容", "表格行"]
    assert shown(dialog) == [  # each indicator's children and assignments under it, all expanded
        (["新建", "年度", "2027 年度", ""], True, []), (["新建", "维度", "（未命名维度）", ""], True, []),
        (["新建", "指标", "服务", "3"], True, [
            (["新建", "指标", "(1) 一网通办", "3"], True, [
                (["新建", "责任分工", "法规处（负责）", "3"], True, []),
                (["新建", "责任分工", "审批办（负责）", "3"], True, [])]),
            (["新建", "指标", "(2) 一窗受理", "4"], True, [(["新建", "责任分工", "审批办（负责）", "4"], True, [])])])]
    assert dialog.tree.model().index(0, 2).data(Qt.ItemDataRole.ToolTipRole) == "2027 年度"
    assert "新建 3 项指标" in dialog.summary.text()
    dialog.set_role(4, "cooperate")
    settle(qtbot, dialog)
    assert dialog.preview.roles[4] == "cooperate"
    assert dialog.preview.second_level()[0].divisions[0].role == "cooperate"
    dialog.set_role(2, "ignore")  # no second level: the first-level names are the indicators
    settle(qtbot, dialog)
    assert not dialog.preview.errors and [f.name for f in dialog.preview.first_level()] == ["服务"]
    dialog.set_role(1, "ignore")  # no names left: nothing can be imported
    settle(qtbot, dialog)
    assert dialog.preview.errors and not dialog.import_button.isEnabled()
    dialog.set_role(1, "first")
    settle(qtbot, dialog)
    dialog.set_role(2, "second")
    settle(qtbot, dialog)
    assert dialog.import_button.isEnabled()
    assert done(dialog.do_import()) and dialog.imported_year == 2027
    assert controller.undo_stack.count() == 1
    assert workspace.db.scalar("SELECT count(*) FROM plan_year WHERE year = 2027") == 1
    again = ImportIndicatorsDialog(controller, year=2027, path=tmp_path / "a.xlsx")
    qtbot.addWidget(again)
    settle(qtbot, again)
    assert "修改 3 条责任分工" in again.summary.text()  # read as 承办 = responsible this time
    # what an update changes follows its label; an assignment whose indicator is unchanged is on top
    assert shown(again) == [(["更新", "责任分工", f"{unit}（负责）（职责: 配合 → 负责）", row], True, [])
                            for unit, row in (("法规处", "3"), ("审批办", "3"), ("审批办", "4"))]
    again.set_role(4, "cooperate")
    settle(qtbot, again)
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
    settle(qtbot, dialog)
    dialog.load(bad)
    settle(qtbot, dialog)
    assert messages and "bad.xlsx" in messages[0] and "CSV" in messages[0]
    assert dialog.preview is None and not dialog.import_button.isEnabled()


def test_every_unit_is_listed_and_the_liaison_confirms_the_mapping(qtbot: Any, workspace: Any, tmp_path: Path) -> None:
    """The 单位 tab: a near match suggested (政策法规处 ~ 法规处), a new unit, a group, a person; the
    liaison maps the new one to an existing division and the person stays out; remembered."""
    from bizenv_desktop.services.unit_mapping import list_aliases
    from bizenv_desktop.ui.unit_mapping_table import unit_rows
    wb = Workbook()
    for row in (["二级指标", "考评内容及标准", "牵头处室", "配合处室"],
                ["（1）一网通办", "可办率不低于90%。", "政策法规处", "各县（市、区）人民政府"],
                ["（2）一窗受理", "分类受理。", "督查专班", "王明"]):
        wb.active.append(row)
    wb.save(tmp_path / "u.xlsx")
    controller = Controller(workspace)
    dialog = ImportIndicatorsDialog(controller, year=2026, path=tmp_path / "u.xlsx")
    qtbot.addWidget(dialog)
    settle(qtbot, dialog)
    rows = {r["name"]: r for r in unit_rows(dialog.units)}
    assert rows["政策法规处"]["division"] == "法规处" and "请确认" in rows["政策法规处"]["kind_text"]
    assert rows["各县（市、区）人民政府"]["kind"] == "group" and rows["督查专班"]["kind"] == "new"
    assert rows["王明"]["kind"] == "not_unit"
    assert dialog.left_tabs.tabText(1) == "单位（请确认）"
    assert "1 个名称相近待确认" in dialog.summary.text() and "1 个新处室" in dialog.summary.text()
    assert "新建处室“督查专班”" in [c.describe() for c in dialog.changes.changes]
    dialog.units.choose("督查专班", "division", "办公室")
    settle(qtbot, dialog)
    assert "新建处室“督查专班”" not in [c.describe() for c in dialog.changes.changes]
    assert done(dialog.do_import())
    names = {r[0] for r in workspace.db.query("SELECT name FROM division")}
    assert not {"督查专班", "政策法规处", "王明"} & names and "各县（市、区）人民政府" in names
    assert {("政策法规处", "法规处"), ("督查专班", "办公室"), ("王明", None)} <= set(list_aliases(workspace.db))
    again = ImportIndicatorsDialog(controller, year=2026, path=tmp_path / "u.xlsx")
    qtbot.addWidget(again)
    settle(qtbot, again)
    assert {r["name"]: r["division"] for r in unit_rows(again.units)}["督查专班"] == "办公室"
    assert again.left_tabs.tabText(1) == "单位" and "不需要导入" in again.summary.text()
