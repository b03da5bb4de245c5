"""Editing a plan year through the services, on the built-in plan in a real file (year 2026)."""
from __future__ import annotations

from datetime import date

import pytest

from bizenv_desktop.core.errors import InvalidInput, NotFound
from bizenv_desktop.core.model import Target
from bizenv_desktop.services import plan_edit as pe
from bizenv_desktop.services import years
from bizenv_desktop.services.divisions import retire_division
from bizenv_desktop.services.plan_read import list_years, load_plan, plan_to_json

YEAR = 2026


def row(ws, table: str, row_id: int) -> dict:
    r = ws.db.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
    return None if r is None else dict(r)


def children(ws, parent_id: int) -> list[tuple[int, str, int]]:
    return [tuple(r) for r in ws.db.query(
        "SELECT id, code, position FROM indicator WHERE parent_id = ? ORDER BY position", (parent_id,))]


def find(plan, code: str):
    return next(i for i in plan.all_indicators() if i.code == code)


def refused(ws, snapshot, fn, error=InvalidInput, match: str | None = None):
    """Run fn as one action; it must raise error and leave every row (audit too) as it was."""
    before = snapshot(with_audit=True)
    with pytest.raises(error, match=match) as info:
        ws.apply("refused", fn)
    assert snapshot(with_audit=True) == before
    assert not ws.db.conn.in_transaction
    return info


# -- indicators -------------------------------------------------------------------

def test_update_indicator_fields(workspace, ind) -> None:
    i3 = ind("(3)")
    cs = workspace.apply("编辑指标", lambda w: pe.update_indicator(
        w, i3, name="  落实重点工作任务（修订）  ", criteria="新的标准", score=5, deadline="2026-06-30",
        event_type="x"))
    r = row(workspace, "indicator", i3)
    assert (r["name"], r["criteria"], r["score"], r["deadline"], r["event_type"]) == (
        "落实重点工作任务（修订）", "新的标准", 5.0, "2026-06-30", "x")
    assert cs and {c.table for c in cs.changes} == {"indicator"}
    fields = {a["field"] for a in workspace.db.query("SELECT field FROM audit WHERE action LIKE '编辑指标%'")}
    assert {"name", "criteria", "score", "deadline", "event_type"} <= fields


def test_update_indicator_target(workspace, ind) -> None:
    i9 = ind("(9)")
    workspace.apply("定量", lambda w: pe.update_indicator(
        w, i9, kind="quantitative", target=Target(">=", 95, "%", "归集率")))
    got = find(load_plan(workspace.db, YEAR), "(9)")
    assert got.kind == "quantitative"
    assert got.target == Target(">=", 95.0, "%", "归集率")
    assert got.target.met_by(95) and not got.target.met_by(94.9)
    assert got.target.text() == "≥95%"


def test_builtin_quantitative_targets_in_the_model(workspace) -> None:
    plan = load_plan(workspace.db, YEAR)
    for code, value in (("(10)", 90), ("(11)", 70), ("(12)", 60)):
        i = find(plan, code)
        assert i.kind == "quantitative"
        assert (i.target.op, i.target.value, i.target.unit) == (">=", value, "%")
        assert i.target.metric, "the metric says what is measured"


def test_quantitative_to_qualitative_clears_target(workspace, ind) -> None:
    workspace.apply("定性", lambda w: pe.update_indicator(w, ind("(10)"), kind="qualitative"))
    got = find(load_plan(workspace.db, YEAR), "(10)")
    assert got.kind == "qualitative" and got.target is None


def test_renaming_quantitative_keeps_its_target(workspace, ind) -> None:
    workspace.apply("改名", lambda w: pe.update_indicator(w, ind("(10)"), name="一网通办（改）"))
    got = find(load_plan(workspace.db, YEAR), "(10)")
    assert got.target is not None and got.target.value == 90


@pytest.mark.parametrize("fields, match", [
    ({"name": "   "}, "不能为空"),
    ({"name": ""}, "不能为空"),
    ({"kind": "quantitative"}, "目标值"),
    ({"kind": "quantitative", "target": None}, "目标值"),
    ({"kind": "bogus"}, "未知的指标类型"),
    ({"target": Target("≈", 1)}, "比较符"),
    ({"position": 9}, "不能修改"),
])
def test_update_indicator_refuses_invalid_input(workspace, snapshot, ind, fields, match) -> None:
    i9 = ind("(9)")
    refused(workspace, snapshot, lambda w: pe.update_indicator(w, i9, **fields), match=match)


@pytest.mark.parametrize("text", ["每季度前5个工作日内", "2026-06-30", "6月底前"])
def test_indicator_deadline_is_kept_as_written(workspace, ind, text) -> None:
    # an indicator's 完成时限 is often a rule, not a date (sub-task deadlines are dates)
    i3 = ind("(3)")
    workspace.apply("时限", lambda w: pe.update_indicator(w, i3, deadline=text))
    assert row(workspace, "indicator", i3)["deadline"] == text


def test_first_level_cannot_become_quantitative(workspace, snapshot, ind) -> None:
    first = ind("1")
    refused(workspace, snapshot, lambda w: pe.update_indicator(w, first, kind="ranking"), match="一级指标")


def test_update_missing_indicator_is_not_found(workspace, snapshot) -> None:
    refused(workspace, snapshot, lambda w: pe.update_indicator(w, 999999, name="x"), error=NotFound)


def test_add_second_level_after_a_sibling(workspace, ind) -> None:
    first, i1 = ind("1"), ind("(1)")
    dim_id = row(workspace, "indicator", first)["dimension_id"]
    cs = workspace.apply("添加", lambda w: pe.add_indicator(w, dim_id, first, "  新指标 ", after_id=i1, code="(x)"))
    new_id = cs.created_id("indicator")
    kids = children(workspace, first)
    assert [k[0] for k in kids][:2] == [i1, new_id]
    assert [k[2] for k in kids] == list(range(1, 8))
    r = row(workspace, "indicator", new_id)
    assert (r["name"], r["level"], r["parent_id"], r["code"], r["kind"]) == ("新指标", 2, first, "(x)", "qualitative")


def test_add_first_level_goes_last(workspace, dim) -> None:
    d1 = dim("一")
    cs = workspace.apply("添加", lambda w: pe.add_indicator(w, d1, None, "新的一级指标"))
    firsts = workspace.db.query("SELECT id, position, level FROM indicator WHERE dimension_id = ?"
                                " AND parent_id IS NULL ORDER BY position", (d1,))
    assert [tuple(r) for r in firsts][-1] == (cs.created_id("indicator"), 4, 1)


def test_add_indicator_refuses_invalid_input(workspace, snapshot, ind, dim) -> None:
    first, i1 = ind("1"), ind("(1)")
    d1 = dim("一")
    refused(workspace, snapshot, lambda w: pe.add_indicator(w, d1, first, "  "), match="不能为空")
    refused(workspace, snapshot, lambda w: pe.add_indicator(w, d1, i1, "三级"), match="二级指标只能")
    refused(workspace, snapshot, lambda w: pe.add_indicator(w, 999999, None, "x"), error=NotFound)


def test_delete_with_children_then_undo_restores_everything(workspace, snapshot, ind, div) -> None:
    first, i3 = ind("1"), ind("(3)")
    sub = workspace.apply("子任务", lambda w: pe.add_subtask(
        w, i3, "细化分解", division_id=div("法规处"), person="王明", deadline="2026-03-31")).created_id("subtask")
    workspace.apply("职责", lambda w: pe.set_assignments(w, i3, [(div("法规处"), "lead"), (div("办公室"), "cooperate")]))
    before = snapshot()
    assignments = workspace.db.scalar(
        "SELECT count(*) FROM assignment a JOIN indicator i ON i.id = a.indicator_id"
        " WHERE i.id = ? OR i.parent_id = ?", (first, first))
    assert assignments >= 7

    cs = workspace.apply("删除一级指标", lambda w: pe.delete_indicator(w, first))
    assert row(workspace, "indicator", first) is None and row(workspace, "subtask", sub) is None
    assert workspace.db.scalar("SELECT count(*) FROM indicator WHERE parent_id = ?", (first,)) == 0
    d1 = row(workspace, "indicator", ind("2"))["dimension_id"]
    assert [tuple(r) for r in workspace.db.query(
        "SELECT code, position FROM indicator WHERE dimension_id = ? AND parent_id IS NULL ORDER BY position",
        (d1,))] == [("2", 1), ("3", 2)], "remaining siblings renumbered"
    assert workspace.db.query("PRAGMA foreign_key_check") == []
    after = snapshot()

    workspace.undo(cs)
    assert snapshot() == before, "every row back, with the same ids"
    assert row(workspace, "subtask", sub)["person"] == "王明"
    workspace.redo(cs)
    assert snapshot() == after
    workspace.undo(cs)
    assert snapshot() == before


def test_delete_second_level_renumbers_siblings(workspace, ind) -> None:
    first = ind("1")
    workspace.apply("删除", lambda w: pe.delete_indicator(w, ind("(2)")))
    assert [(k[1], k[2]) for k in children(workspace, first)] == [
        ("(1)", 1), ("(3)", 2), ("(4)", 3), ("(5)", 4), ("(6)", 5)]


def test_move_indicator(workspace, snapshot, ind) -> None:
    first = ind("1")
    moved: list[bool] = []
    cs = workspace.apply("下移", lambda w: moved.append(pe.move_indicator(w, ind("(1)"), 1)))
    assert moved == [True]
    assert [k[1] for k in children(workspace, first)][:3] == ["(2)", "(1)", "(3)"]
    workspace.apply("上移", lambda w: moved.append(pe.move_indicator(w, ind("(6)"), -2)))
    assert [k[1] for k in children(workspace, first)] == ["(2)", "(1)", "(3)", "(6)", "(4)", "(5)"]
    assert [k[2] for k in children(workspace, first)] == [1, 2, 3, 4, 5, 6]

    before = snapshot(with_audit=True)
    cs = workspace.apply("顶端", lambda w: moved.append(pe.move_indicator(w, ind("(2)"), -1)))
    assert moved[-1] is False and not cs
    assert snapshot(with_audit=True) == before


def test_reparent_second_level(workspace, snapshot, ind) -> None:
    i3, first, second = ind("(3)"), ind("1"), ind("2")
    before = snapshot()
    cs = workspace.apply("移到", lambda w: pe.reparent_indicator(w, i3, second))
    r = row(workspace, "indicator", i3)
    assert r["parent_id"] == second and r["position"] == 10
    assert [k[2] for k in children(workspace, first)] == [1, 2, 3, 4, 5]
    assert [k[2] for k in children(workspace, second)] == list(range(1, 11))
    workspace.undo(cs)
    assert snapshot() == before


def test_reparent_second_level_into_other_dimension(workspace, ind) -> None:
    workspace.apply("移到", lambda w: pe.reparent_indicator(w, ind("(3)"), ind("4")))
    assert row(workspace, "indicator", ind("(3)"))["dimension_id"] == row(workspace, "indicator", ind("4"))["dimension_id"]


def test_reparent_first_level_with_children(workspace, snapshot, ind, dim) -> None:
    third, d2 = ind("3"), dim("二")
    before = snapshot()
    cs = workspace.apply("移到维度", lambda w: pe.reparent_indicator(w, third, None, d2))
    assert row(workspace, "indicator", third)["dimension_id"] == d2
    assert row(workspace, "indicator", third)["position"] == 4
    assert {row(workspace, "indicator", k[0])["dimension_id"] for k in children(workspace, third)} == {d2}
    plan = load_plan(workspace.db, YEAR)
    assert [f.code for f in plan.dimensions[1].indicators] == ["4", "5", "6", "3"]
    assert [len(c.children) for c in plan.dimensions[1].indicators] == [2, 1, 3, 2]
    workspace.undo(cs)
    assert snapshot() == before


def test_reparent_refuses_invalid_targets(workspace, snapshot, ind) -> None:
    refused(workspace, snapshot, lambda w: pe.reparent_indicator(w, ind("(3)"), None), match="必须属于")
    refused(workspace, snapshot, lambda w: pe.reparent_indicator(w, ind("(3)"), ind("(4)")), match="二级指标只能")
    refused(workspace, snapshot, lambda w: pe.reparent_indicator(w, ind("1"), None), match="目标维度")


def test_renumber_codes(workspace, ind, dim) -> None:
    def shuffle(w):
        pe.move_indicator(w, ind("(1)"), 1)
        pe.delete_indicator(w, ind("(5)"))
        pe.add_indicator(w, dim("二"), ind("6"), "新增指标")
        pe.move_dimension(w, dim("二"), -1)
        pe.update_dimension(w, dim("一"), code="x")
    workspace.apply("乱序", shuffle)
    workspace.apply("重新编号", lambda w: pe.renumber_codes(w, YEAR))
    plan = load_plan(workspace.db, YEAR)
    assert [d.code for d in plan.dimensions] == ["一", "二"]
    assert [d.name for d in plan.dimensions] == ["创新提升影响力", "基础建设和执行协同"]
    assert [f.code for d in plan.dimensions for f in d.indicators] == ["1", "2", "3", "4", "5", "6"]
    second = plan.second_level()
    assert [s.code for s in second] == [f"({n})" for n in range(1, 24)]
    assert second[0].name == "学习复制推广先进经验做法"
    assert second[6].name == "新增指标"  # last under 6、获得推广
    names = [s.name for s in second]
    assert names.index("制定年度营商环境建设实施计划，并在部门网站公开") == names.index("指定专人负责营商环境建设工作") + 1


# -- assignments -----------------------------------------------------------------------

def test_set_assignments(workspace, snapshot, ind, div) -> None:
    i13 = ind("(13)")
    old_ids = {r["division_id"]: r["id"] for r in workspace.db.query(
        "SELECT id, division_id FROM assignment WHERE indicator_id = ?", (i13,))}
    before = snapshot()
    units = [(div("相关处室"), "cooperate"), (div("审批办"), "lead"), (div("办公室"), "responsible")]
    cs = workspace.apply("职责", lambda w: pe.set_assignments(w, i13, units))
    rows = workspace.db.query("SELECT id, division_id, role, position FROM assignment WHERE indicator_id = ?"
                              " ORDER BY position", (i13,))
    assert [(r["division_id"], r["role"], r["position"]) for r in rows] == [
        (u, role, pos) for pos, (u, role) in enumerate(units, 1)]
    kept = {r["division_id"]: r["id"] for r in rows}
    assert kept[div("审批办")] == old_ids[div("审批办")], "existing rows are updated, not replaced"
    got = find(load_plan(workspace.db, YEAR), "(13)")
    assert [(a.name, a.role, a.is_group) for a in got.assignments] == [
        ("审批办", "lead", False), ("办公室", "responsible", False), ("相关处室", "cooperate", True)]
    workspace.undo(cs)
    assert snapshot() == before

    workspace.apply("清空", lambda w: pe.set_assignments(w, i13, []))
    assert find(load_plan(workspace.db, YEAR), "(13)").assignments == []


def test_set_assignments_refuses_invalid_input(workspace, snapshot, ind, div) -> None:
    i13 = ind("(13)")
    refused(workspace, snapshot, lambda w: pe.set_assignments(w, i13, [(div("法规处"), "lead"), (div("法规处"), "cooperate")]),
            match="两次")
    refused(workspace, snapshot, lambda w: pe.set_assignments(w, i13, [(div("法规处"), "boss")]), match="未知的职责")
    refused(workspace, snapshot, lambda w: pe.set_assignments(w, i13, [(div("法规处"), "lead"), (999999, "cooperate")]),
            error=NotFound)


# -- sub-tasks ------------------------------------------------------------------------

def test_subtasks(workspace, snapshot, ind, div) -> None:
    i3 = ind("(3)")
    ids: list[int] = []

    def add(w):
        ids.append(pe.add_subtask(w, i3, " 梳理条例重点内容 ", division_id=div("法规处"), person=" 王明 ",
                                  deadline=" 2026-03-31 ", note="一季度"))
        ids.append(pe.add_subtask(w, i3, "分解到处室", division_id=div("审批办"), deadline=""))
        ids.append(pe.add_subtask(w, i3, "月调度"))
    workspace.apply("子任务", add)
    s = row(workspace, "subtask", ids[0])
    assert (s["name"], s["person"], s["deadline"], s["note"], s["position"]) == (
        "梳理条例重点内容", "王明", "2026-03-31", "一季度", 1)
    assert [row(workspace, "subtask", i)["position"] for i in ids] == [1, 2, 3]

    workspace.apply("改", lambda w: pe.update_subtask(w, ids[1], deadline="2026-06-30", person="李华"))
    assert (row(workspace, "subtask", ids[1])["deadline"], row(workspace, "subtask", ids[1])["person"]) == (
        "2026-06-30", "李华")

    workspace.apply("下移", lambda w: pe.move_subtask(w, ids[0], 1))
    order = [r[0] for r in workspace.db.query("SELECT id FROM subtask WHERE indicator_id = ? ORDER BY position", (i3,))]
    assert order == [ids[1], ids[0], ids[2]]

    before = snapshot()
    cs = workspace.apply("删除", lambda w: pe.delete_subtask(w, ids[1]))
    assert [tuple(r) for r in workspace.db.query(
        "SELECT id, position FROM subtask WHERE indicator_id = ? ORDER BY position", (i3,))] == [(ids[0], 1), (ids[2], 2)]
    workspace.undo(cs)
    assert snapshot() == before

    got = find(load_plan(workspace.db, YEAR), "(3)")
    assert [(s.name, s.division_name) for s in got.subtasks] == [
        ("分解到处室", "审批办"), ("梳理条例重点内容", "法规处"), ("月调度", "")]
    out = plan_to_json(load_plan(workspace.db, YEAR))
    (i3_json,) = [c for d in out["dimensions"] for f in d["indicators"] for c in f["children"] if c["code"] == "(3)"]
    assert [c["name"] for c in i3_json["children"]] == ["分解到处室", "梳理条例重点内容", "月调度"]
    assert i3_json["children"][0]["kind"] == "subtask" and i3_json["children"][0]["deadline"] == "2026-06-30"
    assert i3_json["children"][2]["deadline"] is None and i3_json["children"][2]["divisions"] == []


@pytest.mark.parametrize("fields, match", [
    ({"name": "  "}, "不能为空"),
    ({"name": "x", "deadline": "2026-02-30"}, "不是有效日期"),
    ({"name": "x", "deadline": "六月底"}, "不是有效日期"),
])
def test_add_subtask_refuses_invalid_input(workspace, snapshot, ind, fields, match) -> None:
    i3 = ind("(3)")
    name = fields.pop("name")
    refused(workspace, snapshot, lambda w: pe.add_subtask(w, i3, name, **fields), match=match)


def test_subtask_only_under_second_level(workspace, snapshot, ind) -> None:
    refused(workspace, snapshot, lambda w: pe.add_subtask(w, ind("1"), "x"), match="二级指标")


def test_update_subtask_refuses_bad_date(workspace, snapshot, ind) -> None:
    sub = workspace.apply("add", lambda w: pe.add_subtask(w, ind("(3)"), "x")).created_id("subtask")
    refused(workspace, snapshot, lambda w: pe.update_subtask(w, sub, name="y", deadline="2026/06/30"),
            match="不是有效日期")
    refused(workspace, snapshot, lambda w: pe.update_subtask(w, sub, name=" "), match="不能为空")


def test_check_date() -> None:
    assert pe.check_date(" 2026-06-30 ", "x") == "2026-06-30"
    assert pe.check_date("", "x") == ""
    with pytest.raises(InvalidInput, match="完成时限“2026-02-30”"):
        pe.check_date("2026-02-30", "完成时限")


@pytest.mark.parametrize("label, code, name", [
    ("（3）落实重点工作任务", "(3)", "落实重点工作任务"),
    ("(10) 一网通办", "(10)", "一网通办"),
    ("1、加强基础建设", "1", "加强基础建设"),
    ("二、创新提升影响力", "二", "创新提升影响力"),
    ("没有编号", "", "没有编号"),
])
def test_split_code(label: str, code: str, name: str) -> None:
    assert pe.split_code(label) == (code, name)


# -- dimensions -----------------------------------------------------------------------

def test_dimensions(workspace, snapshot, dim) -> None:
    new = workspace.apply("维度", lambda w: pe.add_dimension(w, YEAR, " 新维度 ", "三")).created_id("dimension")
    assert (row(workspace, "dimension", new)["name"], row(workspace, "dimension", new)["position"]) == ("新维度", 3)
    workspace.apply("改维度", lambda w: pe.update_dimension(w, new, name="第三维度", code=" 三 "))
    assert (row(workspace, "dimension", new)["name"], row(workspace, "dimension", new)["code"]) == ("第三维度", "三")
    workspace.apply("上移", lambda w: pe.move_dimension(w, new, -5))
    assert [d.name for d in load_plan(workspace.db, YEAR).dimensions] == [
        "第三维度", "基础建设和执行协同", "创新提升影响力"]

    refused(workspace, snapshot, lambda w: pe.add_dimension(w, YEAR, "  "), match="不能为空")
    refused(workspace, snapshot, lambda w: pe.update_dimension(w, new, name=""), match="不能为空")

    before = snapshot()
    cs = workspace.apply("删除维度", lambda w: pe.delete_dimension(w, dim("二")))
    plan = load_plan(workspace.db, YEAR)
    assert [d.name for d in plan.dimensions] == ["第三维度", "基础建设和执行协同"]
    assert [d.position for d in plan.dimensions] == [1, 2]
    assert len(plan.second_level()) == 17
    workspace.undo(cs)
    assert snapshot() == before


# -- years ----------------------------------------------------------------------------

def test_create_year_from(workspace, snapshot, ind, div) -> None:
    i3 = ind("(3)")

    def prepare(w):
        pe.update_indicator(w, i3, deadline="2026-12-31", score=3)
        pe.add_subtask(w, i3, "细化分解", division_id=div("法规处"), person="王明", deadline="2026-03-31", note="备注")
        pe.set_assignments(w, ind("(17)"), [(div("法规处"), "responsible"), (div("机关党委"), "responsible")])
        retire_division(w, div("机关党委"), date(2026, 6, 1))
    workspace.apply("准备", prepare)
    before_2026 = load_plan(workspace.db, YEAR)

    skipped: list[int] = []
    cs = workspace.apply("新年度", lambda w: skipped.append(years.create_year_from(w, YEAR, 2027)))
    assert skipped == [1]
    assert list_years(workspace.db) == [2026, 2027]
    new = load_plan(workspace.db, 2027)
    assert (new.title, new.office) == (before_2026.title, before_2026.office)
    assert len(new.dimensions) == 2 and len(new.second_level()) == 23
    old_all, new_all = before_2026.all_indicators(), new.all_indicators()
    assert [(i.code, i.name, i.criteria, i.kind, i.target, i.score, i.level) for i in new_all] == [
        (i.code, i.name, i.criteria, i.kind, i.target, i.score, i.level) for i in old_all]
    assert not {i.id for i in new_all} & {i.id for i in old_all}, "new rows, not shared ones"
    assert all(i.deadline == "" for i in new_all), "dates are not carried over"
    n3 = find(new, "(3)")
    assert [(s.name, s.division_name, s.person, s.deadline, s.note) for s in n3.subtasks] == [
        ("细化分解", "法规处", "王明", "", "备注")]
    assert [a.name for a in find(new, "(17)").assignments] == ["法规处"], "retired division left out"
    for old, copy in zip(old_all, new_all):
        if old.code != "(17)":
            assert [(a.name, a.role) for a in copy.assignments] == [(a.name, a.role) for a in old.assignments]
    sections = lambda y: [tuple(r) for r in workspace.db.query(  # noqa: E731
        "SELECT position, heading, body, is_indicator_table FROM plan_section WHERE year = ? ORDER BY position", (y,))]
    assert sections(2027) == sections(YEAR) and sections(YEAR)
    # the source year is untouched
    assert find(load_plan(workspace.db, YEAR), "(3)").deadline == "2026-12-31"

    before = snapshot()
    workspace.undo(cs)
    assert list_years(workspace.db) == [2026]
    workspace.redo(cs)
    assert snapshot() == before


def test_create_year_refusals(workspace, snapshot) -> None:
    refused(workspace, snapshot, lambda w: years.create_year_from(w, YEAR, YEAR), match="已存在")
    refused(workspace, snapshot, lambda w: years.create_year_from(w, 2019, 2027), error=NotFound)
    refused(workspace, snapshot, lambda w: years.create_year_from(w, YEAR, 2101), match="超出范围")
    refused(workspace, snapshot, lambda w: years.create_builtin_year(w, YEAR), match="已存在")
    refused(workspace, snapshot, lambda w: years.create_builtin_year(w, 1999), match="超出范围")


def test_builtin_year_next_to_another_reuses_divisions(workspace) -> None:
    count = workspace.db.scalar("SELECT count(*) FROM division")
    workspace.apply("内置", lambda w: years.create_builtin_year(w, 2027))
    assert workspace.db.scalar("SELECT count(*) FROM division") == count
    assert len(load_plan(workspace.db, 2027).second_level()) == 23


def test_delete_year_and_undo(workspace, snapshot, ind, div) -> None:
    workspace.apply("子任务", lambda w: pe.add_subtask(w, ind("(3)"), "x", division_id=div("法规处")))
    workspace.apply("新年度", lambda w: years.create_year_from(w, YEAR, 2027))
    before = snapshot()
    cs = workspace.apply("删除年度", lambda w: years.delete_year(w, YEAR))
    assert list_years(workspace.db) == [2027]
    for table in ("plan_section", "dimension"):
        assert workspace.db.scalar(f"SELECT count(*) FROM {table} WHERE year = ?", (YEAR,)) == 0
    assert len(load_plan(workspace.db, 2027).second_level()) == 23
    assert workspace.db.query("PRAGMA foreign_key_check") == []
    workspace.undo(cs)
    assert snapshot() == before
    with pytest.raises(NotFound):
        workspace.apply("x", lambda w: years.delete_year(w, 2030))


def test_load_missing_year_is_not_found(workspace) -> None:
    with pytest.raises(NotFound, match="2030"):
        load_plan(workspace.db, 2030)
