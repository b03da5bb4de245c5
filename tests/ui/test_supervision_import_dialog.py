"""The ledger import dialog on a full ledger: items with their mapped units and 分管领导, the 单位 tab
where the liaison confirms or changes each unit's mapping, one undoable import, choices remembered."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from bizenv_desktop.services import supervision
from bizenv_desktop.services.unit_mapping import list_aliases
from bizenv_desktop.ui.controller import Controller
from bizenv_desktop.ui.supervision_import_dialog import COL_LEAD, COL_LEADER, COL_NO, ImportSupervisionDialog
from bizenv_desktop.ui.unit_mapping_table import unit_rows
from tests.services.test_supervision_ledger_full import FULL, MERGES
from tests.services.test_supervision_import import build


def settle(qtbot: Any, dialog: ImportSupervisionDialog) -> None:
    """Reading and matching run on a worker (ui/tasks.py): wait until the dialog shows the result."""
    qtbot.waitUntil(lambda: not dialog.reading.busy, timeout=10000)


def test_full_ledger_units_confirmed_and_imported(qtbot: Any, workspace: Any, tmp_path: Path) -> None:
    path = build(tmp_path / "台账.ods.xlsx", FULL, MERGES)
    controller = Controller(workspace)
    dialog = ImportSupervisionDialog(controller, path=path)
    qtbot.addWidget(dialog)
    settle(qtbot, dialog)
    assert [dialog.cell(r, COL_NO) for r in range(3)] == ["1", "2", "3"]
    assert dialog.cell(0, COL_LEAD) == "法规处"      # 政策法规处, as suggested
    assert dialog.cell(0, COL_LEADER) == "张三"      # a person: shown, never a division
    assert dialog.tabs.tabText(1) == "单位（请确认）"
    rows = {r["name"]: r for r in unit_rows(dialog.units)}
    assert set(rows) == {"政策法规处", "各相关处室", "审批办", "王明", "有关部门", "诚信处", "各县（市、区）人民政府"}
    assert rows["王明"]["kind"] == "not_unit" and rows["各相关处室"]["kind"] == "group"
    dialog.units.choose("政策法规处", "division", "规划处")  # the liaison knows better
    settle(qtbot, dialog)
    assert dialog.cell(0, COL_LEAD) == "规划处"
    task = dialog.do_import()
    assert task is not None and task.wait() and task.state == "done"
    assert controller.undo_stack.count() == 1
    items = {i.no: i for i in supervision.list_items(workspace.db)}
    assert items["1"].lead_names == ["规划处"] and items["1"].leader == "张三" and items["1"].urge_count == 2
    assert ("政策法规处", "规划处") in list_aliases(workspace.db)
    again = ImportSupervisionDialog(controller, path=path)
    qtbot.addWidget(again)
    settle(qtbot, again)
    assert again.tabs.tabText(1) == "单位" and "不需要导入" in again.summary.text()
    controller.undo_stack.undo()
    assert supervision.list_items(workspace.db) == [] and list_aliases(workspace.db) == []
