"""Importing indicator tables as offices publish them: workbooks built here in each shape,
read into a preview, planned against the database, applied once, and applied again (nothing)."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from bizenv_desktop.core.errors import InvalidInput
from bizenv_desktop.services.excel.export import export_indicators
from bizenv_desktop.services.excel.indicator_import import apply_import, plan_changes, read_indicator_table
from bizenv_desktop.services.excel.labels import split_label
from bizenv_desktop.services.excel.writing import safe_text
from bizenv_desktop.services.plan_edit import add_subtask, update_indicator
from bizenv_desktop.services.plan_read import load_plan, plan_to_json



def build(path: Path, rows: list[list[Any]], merges: tuple[str, ...] = (), sheet: str = "Sheet1",
          before: tuple[str, ...] = ()) -> Path:
    """A workbook with rows on sheet (after empty sheets named in before), cells merged."""
    wb = Workbook()
    wb.active.title = before[0] if before else sheet
    for name in before[1:]:
        wb.create_sheet(name)
    ws = wb.create_sheet(sheet) if before else wb.active
    if before:
        wb[before[0]]["A1"] = "填表说明：请按要求填写。"
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row, 1):
            if value not in (None, ""):
                safe_text(ws.cell(r, c), value)  # '=…' typed as text, as Excel keeps it
    for block in merges:
        ws.merge_cells(block)
    wb.save(path)
    return path


def names(units: list[Any]) -> list[tuple[str, str]]:
    return [(u.name, u.role) for u in units]


# -- shapes ---------------------------------------------------------------------------------

TWO_LEVEL = [
    ["2026年度营商环境考核评价指标及任务分工表"],
    ["序号", "评价指标", None, "考评内容及标准", "分值", "责任单位", None],
    [None, "一级指标", "二级指标", None, None, "牵头", "配合"],
    [1, "1.企业开办（25分）", "1.1 开办时间", "企业开办时间压缩至1个工作日内。", 10, "审批办、法规处", "相关处室"],
    [2, None, "1.2开办环节", "=环节不超过3个", "15分", "审批办", "规划处，办公室及诚信处"],
    [3, "2．获得电力(20分)", "2.1 办电时间", "低压办电时间不超过5个工作日。", 20, "规划处", "有关部门"],
]
TWO_LEVEL_MERGES = ("A1:G1", "A2:A3", "B2:C2", "D2:D3", "E2:E3", "F2:G2", "B4:B5")


def test_two_level_merged_header_first_level_merged_scores_and_numbering(tmp_path: Path) -> None:
    pv = read_indicator_table(build(tmp_path / "a.xlsx", TWO_LEVEL, TWO_LEVEL_MERGES))
    assert pv.title == "2026年度营商环境考核评价指标及任务分工表" and pv.year_hint == 2026
    assert pv.header_rows == (2, 3)
    assert [c.role for c in pv.columns] == ["seq", "first", "second", "criteria", "score", "lead", "cooperate"]
    assert pv.columns[1].header == "评价指标 / 一级指标" and pv.columns[5].header == "责任单位 / 牵头"
    assert not pv.errors and not pv.has_dimensions
    assert [(d.code, d.name) for d in pv.dimensions] == [("", "")]
    firsts = pv.first_level()
    assert [(f.code, f.name, f.score) for f in firsts] == [("1", "企业开办", 25.0), ("2", "获得电力", 20.0)]
    seconds = pv.second_level()
    assert [(s.code, s.name, s.score) for s in seconds] == [
        ("1.1", "开办时间", 10.0), ("1.2", "开办环节", 15.0), ("2.1", "办电时间", 20.0)]
    assert [len(f.children) for f in firsts] == [2, 1]
    assert seconds[1].criteria == "=环节不超过3个"
    assert names(seconds[0].divisions) == [("审批办", "lead"), ("法规处", "lead"), ("相关处室", "cooperate")]
    assert seconds[0].divisions[2].is_group
    assert names(seconds[1].divisions) == [("审批办", "lead"), ("规划处", "cooperate"), ("办公室", "cooperate"),
                                           ("诚信处", "cooperate")]
    assert names(seconds[2].divisions) == [("规划处", "lead"), ("有关部门", "cooperate")]
    assert seconds[2].divisions[1].is_group


PDF_PASTE = [
    ["营商环境考核评价指标"],
    ["序 号", "一 级 指 标", "二 级\n指 标", "考 评 内 容 及 标 准", "责任处室"],
    ["一、基础建设"],
    ["1", "加强基础建设", "（1）制定年度计划", "制定方案并公开。", "法规处"],
    ["2", None, "(2)指定专人", "配备联络员，如有", "法规处牵头，办公室配合"],
    [None, None, None, "变更须及时报备。", None],
    ["—7—"],
    ["序 号", "一 级 指 标", "二 级\n指 标", "考 评 内 容 及 标 准", "责任处室"],
    ["3", None, "（３）落实任务", "逐项细化分解。", "法规处、规划处、办公室"],
    ["二、创新提升"],
    ["4", "工作创新", "（4）学习推广", "学习复制推广。", "法规处牵头，相关处室配合"],
    ["- 8 -"],
    ["注：1.本表分值另行通知。"],
    ["2.各处室按职责落实。", None, "（9）不是指标", "不读"],
    ["抄送：省软环境办。"],
    ["吉林省科学技术厅办公室", None, None, "2026年1月5日印发"],
]


def test_pdf_paste_first_level_on_first_row_group_rows_page_numbers_repeated_header_trailer(
        tmp_path: Path) -> None:
    pv = read_indicator_table(build(tmp_path / "b.xlsx", PDF_PASTE, ("A1:E1",)))
    assert [c.role for c in pv.columns] == ["seq", "first", "second", "criteria", "responsible"]
    assert pv.year_hint == 2026 and pv.has_dimensions  # from the 印发 line: the document's year
    assert [(d.code, d.name) for d in pv.dimensions] == [("一", "基础建设"), ("二", "创新提升")]
    first = pv.dimensions[0].indicators
    assert [(f.code, f.name) for f in first] == [("", "加强基础建设")]
    assert [(s.code, s.name) for s in first[0].children] == [("(1)", "制定年度计划"), ("(2)", "指定专人"),
                                                            ("(3)", "落实任务")]
    assert first[0].children[1].criteria == "配备联络员，如有变更须及时报备。"
    assert names(first[0].children[1].divisions) == [("法规处", "lead"), ("办公室", "cooperate")]
    assert names(first[0].children[2].divisions) == [("法规处", "responsible"), ("规划处", "responsible"),
                                                    ("办公室", "responsible")]
    second = pv.dimensions[1].indicators
    assert [(f.name, [c.code for c in f.children]) for f in second] == [("工作创新", ["(4)"])]
    assert names(second[0].children[0].divisions) == [("法规处", "lead"), ("相关处室", "cooperate")]
    skipped = " ".join(str(s) for s in pv.skipped)
    assert "第 7 行是页码" in skipped and "第 8 行是重复的表头" in skipped and "第 12 行是页码" in skipped
    assert "第 13 行起是注释" in skipped
    assert all("不是指标" not in s.name for s in pv.second_level())
    assert not pv.warnings and not pv.errors


def test_dimension_column_score_merged_over_group_and_punctuation(tmp_path: Path) -> None:
    rows = [
        ["考评指标"],
        ["维度", "一级指标", "二级指标", "评分标准", "分值", "牵头处室", "配合处室", "完成时限"],
        ["一、营商环境", "1、政务服务", "(1) 一网通办", "网上可办率不低于90%。", 12, "法规处", "审批办", "2026-06-30"],
        [None, None, "（2）一窗受理", "70%以上事项一窗受理。", None, "审批办", "相关业务处室", "12月底前"],
        [None, "2.信用建设", "①联合奖惩", "公开“双公示”信息。", 8, "诚信处；办公室", "/", None],
    ]
    pv = read_indicator_table(build(tmp_path / "c.xlsx", rows, ("A3:A5", "B3:B4", "E3:E4")))
    assert [c.role for c in pv.columns] == ["dimension", "first", "second", "criteria", "score", "lead",
                                            "cooperate", "deadline"]
    assert [(d.code, d.name) for d in pv.dimensions] == [("一", "营商环境")]
    f1, f2 = pv.first_level()
    assert (f1.code, f1.name, f1.score) == ("1", "政务服务", 12.0)  # merged over the group: first level
    assert [(s.code, s.name, s.score, s.deadline) for s in f1.children] == [
        ("(1)", "一网通办", None, "2026-06-30"), ("(2)", "一窗受理", None, "12月底前")]
    assert (f2.code, f2.score) == ("2", None)
    assert [(s.code, s.name, s.score) for s in f2.children] == [("(1)", "联合奖惩", 8.0)]
    assert names(f2.children[0].divisions) == [("诚信处", "lead"), ("办公室", "lead")]


def test_whole_phrases_in_a_responsibility_column_and_etc(tmp_path: Path) -> None:
    rows = [
        ["指标", "考核内容", "责任单位"],
        ["一网通办", "网上可办。", "审批办牵头，相关业务处室配合。"],
        ["数据共享", "归集数据。", "规划处、诚信处等有关部门"],
        ["作风建设", "整改问题。", "法规处，机关党委"],
    ]
    pv = read_indicator_table(build(tmp_path / "d.xlsx", rows))
    a, b, c = pv.second_level()
    assert names(a.divisions) == [("审批办", "lead"), ("相关业务处室", "cooperate")]
    assert names(b.divisions) == [("规划处", "responsible"), ("诚信处", "responsible")]
    assert names(c.divisions) == [("法规处", "responsible"), ("机关党委", "responsible")]
    # no first-level column and no group rows: one made-up first level, said so
    assert [f.name for f in pv.first_level()] == ["未分组指标"]
    assert any("未分组指标" in str(w) for w in pv.warnings)


def test_numbering_and_scores_inside_labels() -> None:
    assert split_label("1.2 企业开办") == ("1.2", "企业开办", None)
    assert split_label("（3）落实重点工作任务") == ("(3)", "落实重点工作任务", None)
    assert split_label("一、基础建设和执行协同") == ("一", "基础建设和执行协同", None)
    assert split_label("1.企业开办（25分）") == ("1", "企业开办", 25.0)
    assert split_label("１．企业 开办 (满分 2.5 分)") == ("1", "企业开办", 2.5)
    assert split_label("12345热线") == ("", "12345热线", None)
    assert split_label("(一)营商环境") == ("一", "营商环境", None)


# -- no divisions, role overrides, sheets ----------------------------------------------------

NO_DIVISIONS = [
    ["一级指标", "二级指标", "考评内容及标准"],
    ["创新", "（30）新举措", "研究新举措。"],
    [None, "（31）新做法", "推广新做法。"],
]


def test_no_division_columns_invent_no_divisions(tmp_path: Path, workspace: Any) -> None:
    pv = read_indicator_table(build(tmp_path / "e.xlsx", NO_DIVISIONS))
    assert all(not s.divisions for s in pv.second_level())
    before = workspace.db.scalar("SELECT count(*) FROM division")
    changes = workspace.apply("导入", lambda w: apply_import(w, 2026, pv))
    assert changes
    assert workspace.db.scalar("SELECT count(*) FROM division") == before
    ids = [r[0] for r in workspace.db.query("SELECT id FROM indicator WHERE code IN ('(30)', '(31)')")]
    assert len(ids) == 2
    assert workspace.db.scalar(f"SELECT count(*) FROM assignment WHERE indicator_id IN ({ids[0]}, {ids[1]})") == 0


def test_roles_can_be_corrected(tmp_path: Path) -> None:
    rows = [["编号", "工作名称", "考评内容", "承办处"],
            ["1", "作风建设", "整改。", "法规处"]]
    path = build(tmp_path / "f.xlsx", rows)
    pv = read_indicator_table(path)
    assert [c.role for c in pv.columns] == ["seq", "ignore", "criteria", "responsible"]
    assert pv.errors and "二级指标" in pv.errors[0]
    with pytest.raises(InvalidInput, match="不能导入"):
        pv.check()
    pv = read_indicator_table(path, roles={2: "second", 4: "cooperate"})
    assert not pv.errors and pv.columns[1].overridden
    assert [(s.code, s.name) for s in pv.second_level()] == [("1", "作风建设")]
    assert names(pv.second_level()[0].divisions) == [("法规处", "cooperate")]
    assert pv.roles == {1: "seq", 2: "second", 3: "criteria", 4: "cooperate"}
    pv = read_indicator_table(path, roles={2: "second", 3: "second"})
    assert any("只能有一列" in e for e in pv.errors)
    with pytest.raises(InvalidInput, match="未知的列含义"):
        read_indicator_table(path, roles={2: "nonsense"})


def test_the_sheet_with_the_table_is_found_or_named(tmp_path: Path) -> None:
    path = build(tmp_path / "g.xlsx", NO_DIVISIONS, sheet="指标", before=("说明",))
    assert read_indicator_table(path).sheet == "指标"
    assert read_indicator_table(path, sheet="指标").sheets == ["说明", "指标"]
    with pytest.raises(InvalidInput, match="工作表“说明”中找不到指标表的表头"):
        read_indicator_table(path, sheet="说明")
    with pytest.raises(InvalidInput, match="没有名为“目录”的工作表.*说明、指标"):
        read_indicator_table(path, sheet="目录")


# -- writing ---------------------------------------------------------------------------------

def test_import_into_a_new_year_then_again_changes_nothing(tmp_path: Path, workspace: Any) -> None:
    pv = read_indicator_table(build(tmp_path / "a.xlsx", TWO_LEVEL, TWO_LEVEL_MERGES))
    planned = plan_changes(workspace.db, 2030, pv)
    kinds = [(c.action, c.entity) for c in planned.changes]
    assert kinds[0] == ("create", "year")
    assert kinds.count(("create", "indicator")) == 5 and kinds.count(("create", "dimension")) == 1
    assert [c.label for c in planned.changes if c.entity == "division"] == ["有关部门（分组）"]
    done = workspace.apply("导入指标", lambda w: apply_import(w, 2030, pv))
    assert sum(1 for c in done.changes if c.table == "indicator") == 5
    assert done.label == "导入指标"
    data = plan_to_json(load_plan(workspace.db, 2030))
    assert data["dimensions"][0]["name"] == ""
    read = pv.to_json(2030)
    assert data["dimensions"] == read["dimensions"]
    assert read["warnings"] == []
    assert workspace.db.scalar("SELECT kind FROM division WHERE name = '有关部门'") == "group"
    # the second time: nothing planned, nothing written
    again = read_indicator_table(tmp_path / "a.xlsx")
    assert not plan_changes(workspace.db, 2030, again)
    audit = workspace.db.scalar("SELECT count(*) FROM audit")
    assert not workspace.apply("导入指标", lambda w: apply_import(w, 2030, again))
    assert workspace.db.scalar("SELECT count(*) FROM audit") == audit


def test_import_updates_changed_fields_and_adds_but_never_deletes(tmp_path: Path, workspace: Any) -> None:
    rows = [["二级指标", "考评内容及标准", "牵头处室", "配合处室"],
            ["（9）数据共享", "完成行业信用信息数据归集和共享工作", "规划处", "诚信处"],
            ["（24）新增指标", "新内容。", "新设处", None]]
    pv = read_indicator_table(build(tmp_path / "u.xlsx", rows))
    planned = plan_changes(workspace.db, 2026, pv)
    text = [c.describe() for c in planned.changes]
    assert any(t.startswith("更新指标“(9) 数据共享”") and "考评内容及标准" in t for t in text)
    assert "更新责任分工“规划处（牵头）”（属于“(9) 数据共享”）：职责 responsible → lead" in text
    assert "新建责任分工“诚信处（配合）”（属于“(9) 数据共享”）" in text
    assert "新建处室“新设处”" in text
    assert "新建指标“(24) 新增指标”（属于“未分组指标”）" in text
    before = {r[0] for r in workspace.db.query("SELECT id FROM indicator")}
    workspace.apply("导入", lambda w: apply_import(w, 2026, pv))
    after = {r[0] for r in workspace.db.query("SELECT id FROM indicator")}
    assert before < after and len(after - before) == 2  # (24) and its made-up first level
    plan = load_plan(workspace.db, 2026)
    nine = next(i for i in plan.second_level() if i.code == "(9)")
    assert nine.criteria == "完成行业信用信息数据归集和共享工作" and nine.kind == "qualitative"
    assert [(a.name, a.role) for a in nine.assignments] == [("规划处", "lead"), ("诚信处", "cooperate")]
    ten = next(i for i in plan.second_level() if i.code == "(10)")
    assert ten.kind == "quantitative" and ten.target is not None  # untouched
    assert not plan_changes(workspace.db, 2026, read_indicator_table(tmp_path / "u.xlsx"))


def test_first_levels_are_matched_across_the_year_when_the_table_has_no_dimensions(
        tmp_path: Path, workspace: Any) -> None:
    rows = [["一级指标", "二级指标", "考评内容及标准"],
            ["4、工作创新", "（19）研究“一招鲜”工作举措", "突出特点特色，研究“一招鲜”改革举措。"],
            [None, "（24）新的创新举措", "新内容。"],
            ["1、加强基础建设", "（1）制定年度营商环境建设实施计划，并在部门网站公开", "制定方案并公开。"]]
    pv = read_indicator_table(build(tmp_path / "m.xlsx", rows))
    planned = plan_changes(workspace.db, 2026, pv)
    assert [c.describe() for c in planned.changes] == [
        "新建指标“(24) 新的创新举措”（属于“4 工作创新”）",
        "更新指标“(1) 制定年度营商环境建设实施计划，并在部门网站公开”（属于“1 加强基础建设”）："
        "考评内容及标准 制定年度营商环境建设实施方案并公开。 → 制定方案并公开。"]
    workspace.apply("导入", lambda w: apply_import(w, 2026, pv))
    plan = load_plan(workspace.db, 2026)
    assert [c.code for c in plan.dimensions[1].indicators[0].children] == ["(18)", "(19)", "(24)"]
    assert len(plan.dimensions) == 2


def test_a_failing_import_leaves_the_database_unchanged(tmp_path: Path, workspace: Any, snapshot: Any,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from bizenv_desktop.services.excel import indicator_import

    pv = read_indicator_table(build(tmp_path / "a.xlsx", TWO_LEVEL, TWO_LEVEL_MERGES))
    before = snapshot(with_audit=True)
    real = indicator_import._Walk._assignments
    calls = []

    def failing(self: Any, *args: Any) -> None:
        calls.append(1)
        real(self, *args)
        if len(calls) == 2:
            raise InvalidInput("磁盘出错（测试）")
    monkeypatch.setattr(indicator_import._Walk, "_assignments", failing)
    with pytest.raises(InvalidInput):
        workspace.apply("导入", lambda w: apply_import(w, 2031, pv))
    assert snapshot(with_audit=True) == before


# -- round trip ------------------------------------------------------------------------------

def test_round_trip_of_the_builtin_plan_changes_nothing(tmp_path: Path, workspace: Any) -> None:
    path = tmp_path / "分工表.xlsx"
    assert export_indicators(workspace.db, 2026, path) == 23
    pv = read_indicator_table(path)
    assert not pv.warnings and not pv.errors and pv.year_hint == 2026
    assert not plan_changes(workspace.db, 2026, pv)
    assert not workspace.apply("导入", lambda w: apply_import(w, 2026, pv))
    # into another year it gives the same plan (kinds and targets are not in the table)
    workspace.apply("导入", lambda w: apply_import(w, 2027, pv))
    strip = {"kind", "target", "ranking"}  # a ranking comes with the kind

    def shape(year: int) -> list[Any]:
        data = plan_to_json(load_plan(workspace.db, year))
        return [[d["code"], d["name"], [[f["code"], f["name"], [{k: v for k, v in s.items() if k not in strip}
                                                                for s in f["children"]]]
                                        for f in d["indicators"]]] for d in data["dimensions"]]
    assert shape(2027) == shape(2026)


def test_round_trip_with_scores_deadlines_subtasks_and_formula_like_text(tmp_path: Path, workspace: Any,
                                                                         ind: Any) -> None:
    def edit(w: Any) -> None:
        update_indicator(w, ind("(3)"), score=12.5, deadline="2026-06-30", criteria="=SUM(A1) 不是公式")
        update_indicator(w, ind("1"), score=30.0)
        update_indicator(w, ind("(4)"), name="-行业禁令制定")
        add_subtask(w, ind("(3)"), "细化分解任务", person="张三", deadline="2026-03-31")
    workspace.apply("编辑", edit)
    path = tmp_path / "rt.xlsx"
    assert export_indicators(workspace.db, 2026, path) == 24
    pv = read_indicator_table(path)
    assert [str(w) for w in pv.warnings] == []
    [task] = [t for s in pv.second_level() for t in s.subtasks]  # the sub-task row reads back as a sub-task
    assert (task.name, task.person, task.deadline, task.row) == ("细化分解任务", "张三", "2026-03-31", 7)
    assert pv.first_level()[0].score == 30.0
    assert not plan_changes(workspace.db, 2026, pv)


# -- the command line ------------------------------------------------------------------------

def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bizenv_desktop", *args], capture_output=True, text=True,
                          encoding="utf-8", env={**os.environ}, timeout=120)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    db = tmp_path / "cli.sqlite3"
    assert run("--db", str(db), "init", "--year", "2026").returncode == 0
    return db


def test_cli_import_json_dry_run_and_twice(tmp_path: Path, db_file: Path) -> None:
    book = build(tmp_path / "a.xlsx", TWO_LEVEL, TWO_LEVEL_MERGES)
    digest = sha(db_file)
    proc = run("--db", str(db_file), "import", "indicators", str(book), "--dry-run", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) == {"year", "dimensions", "warnings", "units"} and data["year"] == 2026
    assert {u["name"]: u["mapping"] for u in data["units"]}["有关部门"] == "group"
    assert [d["name"] for d in data["dimensions"]] == [""]
    first = data["dimensions"][0]["indicators"][0]
    assert (first["code"], first["name"], first["score"]) == ("1", "企业开办", 25.0)
    assert [c["score"] for c in first["children"]] == [10.0, 15.0]
    assert first["children"][0]["divisions"][2] == {"name": "相关处室", "role": "cooperate", "group": True}
    assert sha(db_file) == digest  # --dry-run writes nothing
    proc = run("--db", str(db_file), "import", "indicators", str(book), "--year", "2028")
    assert proc.returncode == 0, proc.stderr
    assert "已导入 2028 年度（新建该年度）：新建 5 项指标" in proc.stdout
    digest = sha(db_file)
    proc = run("--db", str(db_file), "import", "indicators", str(book), "--year", "2028")
    assert proc.returncode == 0 and "不需要导入任何内容" in proc.stdout
    assert sha(db_file) == digest


def test_cli_dry_run_on_a_missing_database_creates_nothing(tmp_path: Path) -> None:
    book = build(tmp_path / "a.xlsx", TWO_LEVEL, TWO_LEVEL_MERGES)
    db = tmp_path / "none.sqlite3"
    proc = run("--db", str(db), "import", "indicators", str(book), "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert "（试运行，未写入）导入 2026 年度（新建该年度）：新建 5 项指标" in proc.stdout
    assert not db.exists()


def _encrypted_stub(path: Path) -> Path:
    header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)
    path.write_bytes(header + "EncryptedPackage".encode("utf-16-le") + bytes(1024))
    return path


def _empty_book(path: Path) -> Path:
    Workbook().save(path)
    return path


BAD_FILES = {
    "text": (lambda p: (p.write_text("这不是表格\n一二三", encoding="utf-8"), p)[1], "文本文件"),
    "csv": (lambda p: (p.write_text("序号,指标\n1,一网通办\n", encoding="utf-8"), p)[1], "CSV"),
    "encrypted": (_encrypted_stub, "设有打开密码"),
    "ole2": (lambda p: (p.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(100)), p)[1], "加密"),
    "xls": (lambda p: (p.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)
                                     + "Workbook".encode("utf-16-le")), p)[1], "97-2003"),
    "empty-file": (lambda p: (p.write_bytes(b""), p)[1], "0 字节"),
    "empty-book": (_empty_book, "没有任何内容"),
    "no-table": (lambda p: build(p, [["会议纪要"], ["今天开会。"]]), "找不到指标表的表头"),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_cli_bad_files_exit_nonzero_and_leave_the_database(kind: str, tmp_path: Path, db_file: Path) -> None:
    make, expected = BAD_FILES[kind]
    book = make(tmp_path / f"{kind}.xlsx")
    digest = sha(db_file)
    proc = run("--db", str(db_file), "import", "indicators", str(book))
    assert proc.returncode != 0
    assert expected in proc.stderr and f"{kind}.xlsx" in proc.stderr, proc.stderr
    assert sha(db_file) == digest


def test_cli_missing_sheet_and_unknown_kind(tmp_path: Path, db_file: Path) -> None:
    book = build(tmp_path / "s.xlsx", NO_DIVISIONS, sheet="指标")
    digest = sha(db_file)
    proc = run("--db", str(db_file), "import", "indicators", str(book), "--sheet", "附表2")
    assert proc.returncode != 0 and "没有名为“附表2”的工作表" in proc.stderr and "指标" in proc.stderr
    proc = run("--db", str(db_file), "import", "budgets", str(book))
    assert proc.returncode != 0 and "可导入：indicators" in proc.stderr
    assert sha(db_file) == digest


def test_cli_export_every_kind(tmp_path: Path, db_file: Path) -> None:
    from openpyxl import load_workbook

    assert run("--db", str(db_file), "dispatch", "--month", "2026-03", "--start").returncode == 0
    for kind, extra in (("indicators", ["--year", "2026"]), ("dispatch", ["--month", "2026-03"]),
                        ("supervision", []), ("events", ["--year", "2026"]), ("audit", ["--from", "2000-01-01"])):
        out = tmp_path / f"{kind}.xlsx"
        proc = run("--db", str(db_file), "export", kind, "-o", str(out), *extra)
        assert proc.returncode == 0, proc.stderr
        assert "已导出" in proc.stdout
        assert load_workbook(out).active.max_row >= 3
    proc = run("--db", str(db_file), "export", "dispatch", "-o", str(tmp_path / "x.xlsx"))
    assert proc.returncode != 0 and "--month" in proc.stderr
    proc = run("--db", str(db_file), "export", "indicators", "-o", str(tmp_path / "x.xls"))
    assert proc.returncode != 0 and ".xlsx" in proc.stderr
    proc = run("--db", str(tmp_path / "missing.sqlite3"), "export", "audit", "-o", str(tmp_path / "x.xlsx"))
    assert proc.returncode != 0 and "找不到数据库文件" in proc.stderr
    assert not (tmp_path / "missing.sqlite3").exists()
