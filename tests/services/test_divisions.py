"""Divisions and groups: add, rename, merge, retire, restore, delete (real file, built-in plan)."""
from __future__ import annotations

from datetime import date

import pytest

from bizenv_desktop.core.errors import InvalidInput, NotFound
from bizenv_desktop.services import divisions as dv
from bizenv_desktop.services import liaisons, plan_edit
from bizenv_desktop.services.plan_read import list_divisions, load_plan

YEAR = 2026


def refused(ws, snapshot, fn, error=InvalidInput, match=None):
    before = snapshot(with_audit=True)
    with pytest.raises(error, match=match):
        ws.apply("refused", fn)
    assert snapshot(with_audit=True) == before


def division(ws, row_id: int) -> dict:
    return dict(ws.db.execute("SELECT * FROM division WHERE id = ?", (row_id,)).fetchone())


def assignments(ws, indicator_id: int) -> list[tuple[int, str]]:
    return [tuple(r) for r in ws.db.query(
        "SELECT division_id, role FROM assignment WHERE indicator_id = ? ORDER BY position", (indicator_id,))]


def test_builtin_divisions_and_groups(workspace) -> None:
    found = {d.name: d for d in list_divisions(workspace.db)}
    for name in ("法规处", "规划处", "办公室", "审批办", "诚信处", "机关党委"):
        assert found[name].kind == "division" and found[name].active
    for name in ("相关业务处室", "相关处室", "机关各业务处室", "厅内各处室"):
        assert found[name].is_group
    assert len(found) == 10
    listed = [d.name for d in list_divisions(workspace.db)]
    assert all(not found[n].is_group for n in listed[:6]), "divisions are listed before groups"
    assert found["法规处"].use_count == 18


def test_add_division(workspace, snapshot) -> None:
    cs = workspace.apply("添加", lambda w: dv.add_division(w, "  高新技术  处 ", "division"))
    new = division(workspace, cs.created_id("division"))
    assert (new["name"], new["kind"], new["retired_on"]) == ("高新技术 处", "division", None)
    assert new["position"] == max(d.position for d in list_divisions(workspace.db))
    unit = workspace.apply("单位", lambda w: dv.add_division(w, "科技信息研究所", "unit")).created_id("division")
    assert division(workspace, unit)["kind"] == "unit"


@pytest.mark.parametrize("name", ["法规处", " 法规处 ", "相关处室"])
def test_add_duplicate_refused(workspace, snapshot, name: str) -> None:
    refused(workspace, snapshot, lambda w: dv.add_division(w, name), match="已有名为")


@pytest.mark.parametrize("name, kind, match", [("", "division", "不能为空"), ("   ", "division", "不能为空"),
                                              ("新处", "bureau", "未知的单位类型")])
def test_add_invalid_refused(workspace, snapshot, name, kind, match) -> None:
    refused(workspace, snapshot, lambda w: dv.add_division(w, name, kind), match=match)


def test_ensure_division_reuses_existing(workspace, div) -> None:
    ids: list[int] = []
    workspace.apply("x", lambda w: ids.extend([dv.ensure_division(w, "法规处"), dv.ensure_division(w, "新处")]))
    assert ids[0] == div("法规处") and ids[1] == div("新处")


def test_rename(workspace, snapshot, div, ind) -> None:
    fg = div("法规处")
    cs = workspace.apply("改名", lambda w: dv.rename_division(w, fg, "政策法规处"))
    assert division(workspace, fg)["name"] == "政策法规处"
    got = next(i for i in load_plan(workspace.db, YEAR).second_level() if i.code == "(1)")
    assert got.names_with_role("responsible") == ["政策法规处"], "the plan shows the new name"
    workspace.apply("same", lambda w: dv.rename_division(w, fg, "政策法规处"))  # own name: fine
    refused(workspace, snapshot, lambda w: dv.rename_division(w, fg, "规划处"), match="合并")
    refused(workspace, snapshot, lambda w: dv.rename_division(w, fg, " "), match="不能为空")
    refused(workspace, snapshot, lambda w: dv.rename_division(w, 999999, "x"), error=NotFound)
    workspace.undo(cs)
    assert division(workspace, fg)["name"] == "法规处"


def test_set_kind(workspace, snapshot, div) -> None:
    workspace.apply("类型", lambda w: dv.set_division_kind(w, div("审批办"), "unit"))
    assert division(workspace, div("审批办"))["kind"] == "unit"
    refused(workspace, snapshot, lambda w: dv.set_division_kind(w, div("审批办"), "x"), match="未知")


def test_merge_moves_everything_and_keeps_stronger_role(workspace, snapshot, div, ind) -> None:
    fg, gh, bgs = div("法规处"), div("规划处"), div("办公室")
    i8, i9, i17, i3 = ind("(8)"), ind("(9)"), ind("(17)"), ind("(3)")

    def prepare(w):
        # (17): 办公室 responsible, 法规处 responsible -> make 法规处 cooperate, 办公室 lead
        plan_edit.set_assignments(w, i17, [(bgs, "lead"), (fg, "cooperate"), (div("机关党委"), "responsible")])
        plan_edit.add_subtask(w, i3, "子任务", division_id=bgs)
        liaisons.add_liaison(w, "王明", "2026-01-05", division_id=bgs)
    workspace.apply("准备", prepare)
    before = snapshot()
    cs = workspace.apply("合并", lambda w: dv.merge_divisions(w, bgs, fg))  # 办公室 -> 法规处

    assert assignments(workspace, i8) == [(fg, "responsible"), (gh, "responsible")], "(8) had both: kept once"
    assert dict(assignments(workspace, i17))[fg] == "lead", "the stronger role (lead) survives"
    assert bgs not in dict(assignments(workspace, i17))
    assert workspace.db.scalar("SELECT count(*) FROM assignment WHERE division_id = ?", (bgs,)) == 0
    assert workspace.db.scalar("SELECT division_id FROM subtask WHERE indicator_id = ?", (i3,)) == fg
    assert workspace.db.scalar("SELECT division_id FROM liaison") == fg
    gone = division(workspace, bgs)
    assert gone["merged_into"] == fg and gone["retired_on"] == date.today().isoformat()
    assert [(a.division_id, a.role) for a in next(
        i for i in load_plan(workspace.db, YEAR).second_level() if i.code == "(14)").assignments] == [
        (div("诚信处"), "responsible"), (fg, "responsible")]
    assert assignments(workspace, i9) == [(gh, "responsible")]
    assert workspace.db.query("PRAGMA foreign_key_check") == []

    workspace.undo(cs)
    assert snapshot() == before


def test_merge_keeps_target_role_when_it_is_stronger(workspace, div, ind) -> None:
    i12 = ind("(12)")  # 法规处 lead, 审批办 cooperate
    workspace.apply("合并", lambda w: dv.merge_divisions(w, div("审批办"), div("法规处")))
    assert assignments(workspace, i12) == [(div("法规处"), "lead"), (div("相关业务处室"), "cooperate")]


def test_merge_refusals(workspace, snapshot, div) -> None:
    refused(workspace, snapshot, lambda w: dv.merge_divisions(w, div("法规处"), div("法规处")), match="自己")
    workspace.apply("停用", lambda w: dv.retire_division(w, div("诚信处")))
    refused(workspace, snapshot, lambda w: dv.merge_divisions(w, div("办公室"), div("诚信处")), match="已停用")
    refused(workspace, snapshot, lambda w: dv.merge_divisions(w, 999999, div("法规处")), error=NotFound)


def test_retire_keeps_history_and_restore(workspace, snapshot, div, ind) -> None:
    cx = div("诚信处")
    before_plan = load_plan(workspace.db, YEAR)
    workspace.apply("停用", lambda w: dv.retire_division(w, cx, date(2026, 5, 1)))
    assert division(workspace, cx)["retired_on"] == "2026-05-01"
    plan = load_plan(workspace.db, YEAR)
    got = next(i for i in plan.second_level() if i.code == "(14)")
    assert [(a.name, a.role, a.retired) for a in got.assignments] == [
        ("诚信处", "responsible", True), ("办公室", "responsible", False)]
    assert len(plan.second_level()) == len(before_plan.second_level())
    assert cx not in {d.id for d in list_divisions(workspace.db, include_retired=False)}
    assert cx in {d.id for d in list_divisions(workspace.db)}

    workspace.apply("恢复", lambda w: dv.restore_division(w, cx))
    assert division(workspace, cx)["retired_on"] is None
    assert all(not a.retired for a in next(
        i for i in load_plan(workspace.db, YEAR).second_level() if i.code == "(14)").assignments)


def test_delete_refused_when_used(workspace, snapshot, div, ind) -> None:
    for name in ("法规处", "厅内各处室"):
        refused(workspace, snapshot, lambda w, n=name: dv.delete_division(w, div(n)), match="不能删除")
    new = workspace.apply("add", lambda w: dv.add_division(w, "新处")).created_id("division")
    workspace.apply("子任务", lambda w: plan_edit.add_subtask(w, ind("(3)"), "x", division_id=new))
    refused(workspace, snapshot, lambda w: dv.delete_division(w, new), match="不能删除")

    other = workspace.apply("add", lambda w: dv.add_division(w, "另一处")).created_id("division")
    workspace.apply("联络员", lambda w: liaisons.add_liaison(w, "李华", "2026-01-01", division_id=other))
    refused(workspace, snapshot, lambda w: dv.delete_division(w, other), match="不能删除")

    merged_target = workspace.apply("add", lambda w: dv.add_division(w, "目标处")).created_id("division")
    source = workspace.apply("add", lambda w: dv.add_division(w, "来源处")).created_id("division")
    workspace.apply("合并", lambda w: dv.merge_divisions(w, source, merged_target))
    refused(workspace, snapshot, lambda w: dv.delete_division(w, merged_target), match="不能删除")


def test_delete_unused_division_and_undo(workspace, snapshot) -> None:
    new = workspace.apply("add", lambda w: dv.add_division(w, "临时处")).created_id("division")
    before = snapshot()
    cs = workspace.apply("删除", lambda w: dv.delete_division(w, new))
    assert workspace.db.scalar("SELECT count(*) FROM division WHERE id = ?", (new,)) == 0
    workspace.undo(cs)
    assert snapshot() == before
