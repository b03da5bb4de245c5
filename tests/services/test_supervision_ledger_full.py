"""Full supervision ledgers (issue 13): 督办内容及要求, 督办类型, 紧急程度, 分管领导, 反馈周期, 完成进度, 催办次数
and 备注 kept; status words mapped; 'N个工作日' on the working-day calendar from 交办日期; the year of
text deadlines from the document, never today; 序号 as the number where there is no 编号; 分管厅领导
(people) never divisions; every unit mapped (alias, group, not a unit) and remembered."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from bizenv_desktop.core.errors import InvalidInput
from bizenv_desktop.services import supervision
from bizenv_desktop.services.excel.supervision_import import (apply_supervision_import, plan_supervision_import,
                                                              read_supervision_ledger, status_of)
from bizenv_desktop.services.unit_mapping import list_aliases
from tests.services.test_supervision_import import build

FULL = [
    ["2022年省软环境办交办督办事项台账"],
    ["序号", "督办事项", "督办内容及要求", "督办类型", "紧急程度", "交办日期", "办结时限", "责任分工", None, None, "反馈周期",
     "办理情况", "完成进度", "状态", "催办次数", "备注"],
    [None, None, None, None, None, None, None, "牵头处室", "配合处室", "分管厅领导"],
    [1, "企业开办全程网办", "6月底前实现企业开办全程网上办理，\n每周报送进展。", "专项督办", "紧急", datetime(2022, 9, 28),
     "15个工作日", "政策法规处", "各相关处室", "张三", "每周", "正在办理", "60%", "正在办理", "2次", "已电话提醒"],
    [2, "清理证明事项", "全面清理无法律依据的证明事项。", "日常督办", "一般", "2022-03-01", "年底前", "审批办", "王明、有关部门",
     "李四", "每月", "已清理完毕", 1, "已完成", 0, None],
    [3, "推进信用修复", "建立信用修复机制。", "重点督办", "特急", None, "年底前", "诚信处", "各县（市、区）人民政府", "王五",
     "每季度", "已建立机制并报结", "100%", "已销账", "1", None],
    ["注：本台账截至2022年12月。"],
]
MERGES = ("A1:P1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:F3", "G2:G3", "H2:J2", "K2:K3", "L2:L3", "M2:M3",
          "N2:N3", "O2:O3", "P2:P3")
TODAY = date(2023, 1, 10)


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return build(tmp_path / "台账.xlsx", FULL, MERGES)


def test_every_field_is_read(ledger: Path) -> None:
    pv = read_supervision_ledger(ledger)
    assert pv.year_hint == 2022
    assert [pv.columns[c] for c in sorted(pv.columns)] == [
        "seq", "content", "requirements", "supervision_type", "urgency", "received", "deadline", "lead", "cooperate",
        "leader", "feedback_cycle", "progress", "completion", "status", "urge_count", "note"]
    data = pv.to_json()["items"]
    assert [(i["no"], i["status"], i["received"], i["deadline"], i["deadline_text"]) for i in data] == [
        ("1", "办理中", "2022-09-28", "2022-10-24", "15个工作日"),   # 15 working days after 28 September: 国庆 skipped
        ("2", "已办结", "2022-03-01", "2022-12-31", "年底前"),
        ("3", "已销号", None, "2022-12-31", "年底前")]               # no 交办日期: the year of the title, not today's
    first = data[0]
    assert (first["requirements"], first["supervision_type"], first["urgency"], first["leader"], first["feedback_cycle"],
            first["completion"], first["urge_count"], first["note"]) == (
        "6月底前实现企业开办全程网上办理，\n每周报送进展。", "专项督办", "紧急", "张三", "每周", "60%", 2, "已电话提醒")
    assert [i["leader"] for i in data] == ["张三", "李四", "王五"]
    assert all(name not in i["lead"] + i["cooperating"] for i in data for name in ("张三", "李四", "王五"))


def test_status_words() -> None:
    assert [status_of(w) for w in ("正在办理", "已完成", "已办结", "已销账", "销号", "已报结", "未办结", "尚未办结")] == [
        "办理中", "已办结", "已办结", "已销号", "已销号", "已报结", "办理中", "办理中"]


def test_units_are_mapped_and_people_are_not_divisions(ledger: Path, workspace: Any) -> None:
    pv = read_supervision_ledger(ledger)
    planned = plan_supervision_import(workspace.db, pv)
    assert {u.name: (u.kind, u.division, u.suggested) for u in planned.units} == {
        "政策法规处": ("alias", "法规处", True), "各相关处室": ("group", "", False), "审批办": ("existing", "审批办", False),
        "王明": ("not_unit", "", False), "有关部门": ("group", "", False), "诚信处": ("existing", "诚信处", False),
        "各县（市、区）人民政府": ("group", "", False)}
    assert planned.units["王明"].rows == [5]
    holder: dict[str, Any] = {}
    workspace.apply("导入", lambda w: holder.setdefault("c", apply_supervision_import(w, pv, TODAY)))
    items = {i.no: i for i in supervision.list_items(workspace.db)}
    assert items["1"].lead_names == ["法规处"] and items["1"].cooperating_names == ["各相关处室"]
    assert items["2"].cooperating_names == ["有关部门"]
    assert items["3"].cooperating_names == ["各县（市、区）人民政府"]
    names = {r[0]: r[1] for r in workspace.db.query("SELECT name, kind FROM division")}
    assert not {"政策法规处", "王明", "张三", "李四", "王五"} & set(names)
    assert names["各相关处室"] == names["有关部门"] == names["各县（市、区）人民政府"] == "group"
    assert ("政策法规处", "法规处") in list_aliases(workspace.db) and ("王明", None) in list_aliases(workspace.db)
    first = items["1"]
    assert (first.requirements, first.supervision_type, first.urgency, first.leader, first.feedback_cycle,
            first.completion, first.urge_count, first.note) == (
        "6月底前实现企业开办全程网上办理，\n每周报送进展。", "专项督办", "紧急", "张三", "每周", "60%", 2, "已电话提醒")
    assert (first.deadline, first.deadline_text, first.status) == ("2022-10-24", "15个工作日", "办理中")
    assert items["3"].status == "已销号" and items["3"].deadline == "2022-12-31"
    again = plan_supervision_import(workspace.db, read_supervision_ledger(ledger))
    assert not again and all(u.kind != "new" and not u.suggested for u in again.units)


def test_a_second_ledger_with_the_same_numbers_gets_numbers_of_its_own(ledger: Path, workspace: Any,
                                                                         tmp_path: Path) -> None:
    workspace.apply("导入", lambda w: apply_supervision_import(w, read_supervision_ledger(ledger), TODAY))
    other = build(tmp_path / "另一台账.xlsx", [["序号", "督办事项", "交办日期", "牵头处室"], [1, "另一事项", "2022-05-06", "法规处"]])
    holder: dict[str, Any] = {}
    workspace.apply("导入", lambda w: holder.setdefault("c", apply_supervision_import(w, read_supervision_ledger(other),
                                                                                     TODAY)))
    assert holder["c"].changes[0].action == "create"
    assert any("序号“1”已是另一事项的编号" in w for w in holder["c"].warnings)
    made = [i for i in supervision.list_items(workspace.db) if i.content == "另一事项"][0]
    assert made.no == "DB-2022-001" and "台账序号：1" in made.note


def test_cli_json_has_the_fields_and_the_units(ledger: Path, tmp_path: Path) -> None:
    db = tmp_path / "cli.sqlite3"
    proc = subprocess.run([sys.executable, "-m", "bizenv_desktop.cli", "--db", str(db), "init", "--year", "2026"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    proc = subprocess.run([sys.executable, "-m", "bizenv_desktop.cli", "--db", str(db), "import", "supervision", str(ledger),
                           "--json"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["items"][0]["lead"] == ["法规处"] and data["items"][0]["leader"] == "张三"
    assert data["items"][0]["urge_count"] == 2 and data["items"][2]["status"] == "已销号"
    units = {u["name"]: u for u in data["units"]}
    assert units["政策法规处"] == {"name": "政策法规处", "mapping": "alias", "division": "法规处", "rows": [4],
                                   "suggested": True}
    assert {u["mapping"] for u in data["units"]} == {"alias", "existing", "group", "not_unit"}
    proc = subprocess.run([sys.executable, "-m", "bizenv_desktop.cli", "--db", str(db), "import", "supervision",
                           str(ledger), "--dry-run"], capture_output=True, text=True, timeout=120)
    assert "单位：“政策法规处”：即“法规处”" in proc.stdout and "不需要导入任何内容" in proc.stdout


def test_urge_count_must_be_a_whole_number(workspace: Any) -> None:
    item = workspace.apply("新建", lambda w: supervision.add_item(w, "甲事项", urge_count=3, leader="张三")
                           ).created_id("supervision_item")
    for bad in (-1, "两次", 1.5):
        with pytest.raises(InvalidInput, match="催办次数"):
            workspace.apply("改", lambda w, bad=bad: supervision.update_item(w, item, urge_count=bad))
    workspace.apply("改", lambda w: supervision.update_item(w, item, urge_count="4", urgency="特急"))
    got = supervision.list_items(workspace.db)[0]
    assert (got.urge_count, got.urgency, got.leader) == (4, "特急", "张三")


def test_the_ledger_fields_survive_an_export_and_import(ledger: Path, workspace: Any, tmp_path: Path) -> None:
    from bizenv_desktop.services.excel.export import export_supervision
    workspace.apply("导入", lambda w: apply_supervision_import(w, read_supervision_ledger(ledger), TODAY))
    out = tmp_path / "导出.xlsx"
    assert export_supervision(workspace.db, out) == 3
    pv = read_supervision_ledger(out)
    assert [(i.no, i.ledger.get("leader"), i.ledger.get("urge_count", 0)) for i in pv.items] == [
        ("2", "李四", 0), ("1", "张三", 2), ("3", "王五", 1)]  # by date received, undated last
    assert not plan_supervision_import(workspace.db, pv)  # read back: nothing to change
