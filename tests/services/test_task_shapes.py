"""Task and indicator tables of the shapes offices send (issue 13), built here and read, planned and
imported: units inline in the task text, three numbered levels, A1/B2 codes under a 三级指标 header,
合计 rows, section headings as groups, two tables on one sheet, a table of first-level indicators,
years from the document, and an import that never renames an existing dimension."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bizenv_desktop.services.excel.indicator_import import apply_import, plan_changes, read_indicator_table
from bizenv_desktop.services.plan_read import load_plan
from tests.services.test_indicator_import import build


def units(ind: Any) -> list[tuple[str, str]]:
    return [(d.name, d.role) for d in ind.divisions]


INLINE = [
    ["关于进一步优化营商环境的任务分工方案"],
    ["序号", "重点任务"],
    ["一、提升政务服务效能"],
    [1, "全面推行“一网通办”。依托全省一体化政务服务平台，实现政务服务事项网上可办。（牵头单位：省政数局；责任单位：省直各有关部门、"
        "各县（市、区）人民政府）"],
    [2, "压缩企业开办时间（省市场监管厅牵头，省公安厅、省税务局配合）"],
    [3, "清理规范涉企收费"],
    ["二、优化市场环境"],
    [4, "推进信用修复〔牵头单位：省发改委；责任单位：人民银行长春中心支行，6月底完成〕"],
    [5, "落实《条例》（以下简称“条例”）（法规处负责）"],
    ["注：各地区各部门于2022年12月底前报送落实情况。"],
]
INLINE_MERGES = ("A1:B1", "A3:B3", "A7:B7")


def test_units_inline_in_the_task_text(tmp_path: Path) -> None:
    pv = read_indicator_table(build(tmp_path / "inline.xlsx", INLINE, INLINE_MERGES))
    assert not pv.errors and pv.year_hint == 2022  # from the 注 row
    assert [c.role for c in pv.columns] == ["seq", "second"]
    assert not pv.has_dimensions  # the sections are groups of tasks: first-level indicators
    assert [(f.code, f.name) for f in pv.first_level()] == [("一", "提升政务服务效能"), ("二", "优化市场环境")]
    tasks = pv.second_level()
    assert [(t.code, t.name) for t in tasks] == [
        ("1", "全面推行“一网通办”"), ("2", "压缩企业开办时间"), ("3", "清理规范涉企收费"), ("4", "推进信用修复"),
        ("5", "落实《条例》（以下简称“条例”）")]
    assert tasks[0].criteria == "依托全省一体化政务服务平台，实现政务服务事项网上可办。"
    assert units(tasks[0]) == [("省政数局", "lead"), ("省直各有关部门", "responsible"), ("各县（市、区）人民政府", "responsible")]
    assert tasks[0].divisions[2].is_group
    assert units(tasks[1]) == [("省市场监管厅", "lead"), ("省公安厅", "cooperate"), ("省税务局", "cooperate")]
    assert units(tasks[2]) == []  # no units: still a task, not a first-level indicator
    assert units(tasks[3]) == [("省发改委", "lead"), ("人民银行长春中心支行", "responsible")]
    assert tasks[3].deadline == "6月底完成"
    assert units(tasks[4]) == [("法规处", "responsible")]
    assert not pv.warnings


def test_inline_units_import_maps_units_and_makes_groups(tmp_path: Path, workspace: Any) -> None:
    pv = read_indicator_table(build(tmp_path / "inline.xlsx", INLINE, INLINE_MERGES))
    planned = plan_changes(workspace.db, 2022, pv)
    assert {u.name: u.kind for u in planned.units}["各县（市、区）人民政府"] == "group"
    assert {u.name: u.kind for u in planned.units}["法规处"] == "existing"
    workspace.apply("导入", lambda w: apply_import(w, 2022, pv))
    kinds = {r[0]: r[1] for r in workspace.db.query("SELECT name, kind FROM division")}
    assert kinds["各县（市、区）人民政府"] == "group" and kinds["省直各有关部门"] == "group" and kinds["省政数局"] == "division"
    assert "各县（市" not in kinds and "区）人民政府" not in kinds
    plan = load_plan(workspace.db, 2022)
    assert [f.name for d in plan.dimensions for f in d.indicators] == ["提升政务服务效能", "优化市场环境"]
    assert not plan_changes(workspace.db, 2022, read_indicator_table(build(tmp_path / "again.xlsx", INLINE,
                                                                           INLINE_MERGES)))


def test_a_task_content_header_names_the_tasks(tmp_path: Path) -> None:
    rows = [["序号", "任务内容", "完成时限"], [1, "建立问题台账（法规处牵头负责）", "6月底前"], [2, "开展专项整治（审批办负责）", None]]
    pv = read_indicator_table(build(tmp_path / "c.xlsx", rows))
    assert [c.role for c in pv.columns] == ["seq", "second", "deadline"] and not pv.errors
    assert [(t.name, units(t), t.deadline) for t in pv.second_level()] == [
        ("建立问题台账", [("法规处", "lead")], "6月底前"), ("开展专项整治", [("审批办", "responsible")], "")]


THREE_LEVELS = [
    ["2024年优化营商环境重点任务分解表"],
    ["序号", "工作任务", "责任单位", "完成时限"],
    ["（一）优化政务服务"],
    ["1", "推进一网通办", "法规处", "持续推进"],
    [None, "（1）建设统一平台", "规划处", "6月底前"],
    [None, "（2）推行电子证照", "审批办、各县（市、区）人民政府", "9月底前"],
    ["2", "压缩开办时间", "审批办", None],
    ["（二）强化事中事后监管"],
    ["3", "推行双随机抽查", "诚信处", "年底前"],
    [None, "（1）制定抽查清单", "诚信处", "持续推进"],
]


def test_three_numbered_levels_are_kept_as_three_levels(tmp_path: Path, workspace: Any) -> None:
    pv = read_indicator_table(build(tmp_path / "three.xlsx", THREE_LEVELS, ("A1:D1", "A3:D3", "A8:D8")))
    assert pv.year_hint == 2024 and not pv.errors
    assert [(f.code, f.name, [c.name for c in f.children]) for f in pv.first_level()] == [
        ("一", "优化政务服务", ["推进一网通办", "压缩开办时间"]), ("二", "强化事中事后监管", ["推行双随机抽查"])]
    first = pv.second_level()[0]
    assert [(t.code, t.name, t.deadline, units(t)) for t in first.subtasks] == [
        ("(1)", "建设统一平台", "6月底前", [("规划处", "responsible")]),
        ("(2)", "推行电子证照", "9月底前", [("审批办", "responsible"), ("各县（市、区）人民政府", "responsible")])]
    assert first.criteria == ""  # the third level is not folded into the second's text
    workspace.apply("导入", lambda w: apply_import(w, 2024, pv))
    plan = load_plan(workspace.db, 2024)
    second = plan.dimensions[0].indicators[0].children[0]
    assert [(s.name, s.division_name, s.deadline, s.note) for s in second.subtasks] == [
        ("建设统一平台", "规划处", "2024-06-30", ""), ("推行电子证照", "审批办", "2024-09-30", "")]
    last = plan.dimensions[0].indicators[1].children[0]
    assert [(s.name, s.deadline, s.note) for s in last.subtasks] == [("制定抽查清单", "", "完成时限：持续推进")]
    assert not plan_changes(workspace.db, 2024, read_indicator_table(tmp_path / "three.xlsx"))


def test_four_levels_of_headings_and_tasks(tmp_path: Path) -> None:
    rows = [["序号", "工作任务", "责任单位"], ["一、政务环境"], ["（一）政务服务"], ["1", "推进网办", "法规处"],
            [None, "（1）建平台", "规划处"], ["二、法治环境"], ["（一）规范执法"], ["2", "行业禁令", "法规处"]]
    pv = read_indicator_table(build(tmp_path / "four.xlsx", rows))
    assert pv.has_dimensions
    assert [(d.code, d.name, [f.name for f in d.indicators]) for d in pv.dimensions] == [
        ("一", "政务环境", ["政务服务"]), ("二", "法治环境", ["规范执法"])]
    assert [t.name for t in pv.second_level()[0].subtasks] == ["建平台"]


CODED = [
    ["2023年营商环境评价指标体系"],
    ["一级指标", "二级指标", "三级指标", "分值", "评分标准", "责任单位"],
    ["A 政务环境", "A1 政务服务", "A1.1 网上可办率", 5, "不低于90%。", "法规处"],
    [None, None, "A1.2 一窗受理", 5, "70%以上。", "审批办"],
    [None, "A2 数据共享", "A2.1 信用数据归集", 10, "完成归集。", "规划处"],
    ["B 法治环境", "B1 执法规范", "B1.1 行业禁令", 10, "制定禁令。", "法规处"],
    ["小 计", None, None, 30, None, None],
    ["合计", None, None, 30, None, None],
]


def test_codes_a1_b2_under_a_third_level_header_and_totals_dropped(tmp_path: Path, workspace: Any) -> None:
    pv = read_indicator_table(build(tmp_path / "coded.xlsx", CODED, ("A1:F1", "A3:A5", "B3:B4")))
    assert [c.role for c in pv.columns] == ["dimension", "first", "second", "score", "criteria", "responsible"]
    assert [(d.code, d.name) for d in pv.dimensions] == [("A", "政务环境"), ("B", "法治环境")]
    assert [(f.code, f.name) for f in pv.first_level()] == [("A1", "政务服务"), ("A2", "数据共享"), ("B1", "执法规范")]
    assert [(s.code, s.name, s.score) for s in pv.second_level()] == [
        ("A1.1", "网上可办率", 5.0), ("A1.2", "一窗受理", 5.0), ("A2.1", "信用数据归集", 10.0), ("B1.1", "行业禁令", 10.0)]
    skipped = [str(s) for s in pv.skipped]
    assert any("第 7 行是合计行" in s for s in skipped) and any("第 8 行是合计行" in s for s in skipped)
    workspace.apply("导入", lambda w: apply_import(w, 2023, pv))
    assert workspace.db.scalar("SELECT count(*) FROM dimension WHERE name LIKE '%计%'") == 0


TWO_TABLES = [
    ["分值汇总表"],
    ["序号", "一级指标", "分值"],
    [1, "政务环境", 20],
    [2, "法治环境", 10],
    ["合计", None, 30],
    [None],
    ["指标明细表"],
    ["序号", "一级指标", "二级指标", "考评内容及标准", "牵头处室"],
    [1, "政务环境", "（1）网上可办", "网上可办率不低于90%。", "法规处"],
    [2, None, "（2）一窗受理", "70%以上一窗受理。", "审批办"],
    [3, "法治环境", "（3）行业禁令", "制定禁令。", "法规处"],
]


def test_the_indicator_table_is_picked_when_a_sheet_holds_two(tmp_path: Path) -> None:
    pv = read_indicator_table(build(tmp_path / "two.xlsx", TWO_TABLES, ("B9:B10",)))
    assert pv.header_rows == (8, 8) and pv.title == "指标明细表"
    assert [s.name for s in pv.second_level()] == ["网上可办", "一窗受理", "行业禁令"]
    assert str(pv.skipped[0]) == ("工作表“Sheet1”第 2 行：第 2–7 行是另一张表（表头：序号、一级指标、分值），已跳过；"
                                  "导入的是第 8 行起的指标表")


def test_a_table_of_first_level_indicators_stays_first_level(tmp_path: Path, workspace: Any) -> None:
    rows = [["一级指标", "考评内容", "责任处室"], ["加强基础建设", "制定方案。", "法规处"],
            ["强化工作执行", "完成任务。", "法规处、审批办"]]
    pv = read_indicator_table(build(tmp_path / "first.xlsx", rows))
    assert not pv.errors and not pv.second_level()
    assert [(f.name, f.criteria, units(f), f.made_up) for f in pv.first_level()] == [
        ("加强基础建设", "制定方案。", [("法规处", "responsible")], False),
        ("强化工作执行", "完成任务。", [("法规处", "responsible"), ("审批办", "responsible")], False)]
    workspace.apply("导入", lambda w: apply_import(w, 2030, pv))
    plan = load_plan(workspace.db, 2030)
    firsts = [f for d in plan.dimensions for f in d.indicators]
    assert [(f.name, f.level, [a.name for a in f.assignments]) for f in firsts] == [
        ("加强基础建设", 1, ["法规处"]), ("强化工作执行", 1, ["法规处", "审批办"])]
    assert "未分组指标" not in [f.name for f in firsts]


def test_an_import_never_renames_or_moves_an_existing_dimension(tmp_path: Path, workspace: Any) -> None:
    before = [(d.code, d.name) for d in load_plan(workspace.db, 2026).dimensions]
    rows = [["维度", "一级指标", "二级指标", "考评内容及标准", "牵头处室"],
            ["一、营商环境新维度", "1、加强基础建设", "（1）制定年度营商环境建设实施计划，并在部门网站公开。", "新标准。", "法规处"]]
    pv = read_indicator_table(build(tmp_path / "dim.xlsx", rows))
    planned = plan_changes(workspace.db, 2026, pv)
    assert any("作为新维度导入，已有维度未改动" in w for w in planned.warnings)
    workspace.apply("导入", lambda w: apply_import(w, 2026, pv))
    after = [(d.code, d.name) for d in load_plan(workspace.db, 2026).dimensions]
    assert after[:2] == before and after[2:] == [("一", "营商环境新维度")]


@pytest.mark.parametrize("text, role", [("（法规处牵头）", "lead"), ("〔责任单位：法规处〕", "responsible")])
def test_inline_units_in_the_criteria_column(tmp_path: Path, text: str, role: str) -> None:
    rows = [["二级指标", "考评内容及标准"], ["（1）制定计划", "制定方案并公开。" + text]]
    pv = read_indicator_table(build(tmp_path / "crit.xlsx", rows))
    [ind] = pv.second_level()
    assert ind.criteria == "制定方案并公开。" and units(ind) == [("法规处", role)]


def test_a_county_bureau_task_table_with_gu_and_ke_units(tmp_path: Path, workspace: Any) -> None:
    rows = [["序号", "重点任务", "责任股室", "完成时限"],
            [1, "推行“一窗受理”（政务服务科负责）", None, "6月底前"],
            [2, "压缩办理时限", "行政审批股牵头，各业务股室配合", "9月底前"],
            [3, "规范涉企检查（法规股牵头，综合执法大队、各市场监管所配合）", None, None]]
    pv = read_indicator_table(build(tmp_path / "county.xlsx", rows))
    assert not pv.errors and [c.role for c in pv.columns] == ["seq", "second", "responsible", "deadline"]
    assert [(t.name, units(t)) for t in pv.second_level()] == [
        ("推行“一窗受理”", [("政务服务科", "responsible")]),
        ("压缩办理时限", [("行政审批股", "lead"), ("各业务股室", "cooperate")]),
        ("规范涉企检查", [("法规股", "lead"), ("综合执法大队", "cooperate"), ("各市场监管所", "cooperate")])]
    kinds = {u.name: u.kind for u in plan_changes(workspace.db, 2027, pv).units}
    assert kinds == {"政务服务科": "new", "行政审批股": "new", "各业务股室": "group", "法规股": "new",
                     "综合执法大队": "new", "各市场监管所": "group"}
