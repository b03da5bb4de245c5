"""Importing a 督办事项台账 as offices keep it: workbooks built here in the usual shapes, read
into a preview, applied once, applied again (nothing), changed, and refused; the CLI too."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from bizenv_desktop.core.errors import InvalidInput
from bizenv_desktop.services import supervision
from bizenv_desktop.services.excel.export import export_supervision
from bizenv_desktop.services.excel.supervision_import import (apply_supervision_import, parse_date,
                                                              plan_supervision_import, read_supervision_ledger,
                                                              status_of)

TODAY = date(2024, 7, 1)


def build(path: Path, rows: list[list[Any]], merges: tuple[str, ...] = (), sheet: str = "台账",
          before: tuple[str, ...] = ()) -> Path:
    """A workbook with rows on sheet (after sheets named in before, holding a note), cells merged."""
    wb = Workbook()
    first = wb.active
    first.title = before[0] if before else sheet
    for name in before[1:]:
        wb.create_sheet(name)
    ws = wb.create_sheet(sheet) if before else first
    if before:
        first["A1"] = "填表说明：请按要求填写。"
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row, 1):
            if value not in (None, ""):
                ws.cell(r, c, value)
    for block in merges:
        ws.merge_cells(block)
    wb.save(path)
    return path


def apply(workspace: Any, pv: Any, today: date = TODAY) -> Any:
    holder: dict[str, Any] = {}
    workspace.apply("导入督办事项", lambda w: holder.setdefault("c", apply_supervision_import(w, pv, today)))
    return holder["c"]


def items(workspace: Any) -> dict[str, supervision.SupervisionItem]:
    return {i.no: i for i in supervision.list_items(workspace.db)}


# -- the usual shape: merged title, two-level header, page rows, 注 rows ------------------------------

LEDGER = [
    ["2024年交办督办事项台账"],
    ["编号", "来源", "交办日期", "事项内容", "责任处室", None, "办结时限", "办理情况", None],
    [None, None, None, None, "牵头", "配合", None, "办理进度", "状态"],
    ["DB-2024-001", "省软环境办交办", datetime(2024, 3, 5), "企业反映审批慢", "审批办、法规处", "规划处，办公室及诚信处",
     "2024年6月底前", "已协调", "办理中"],
    ["DB-2024-002", "投诉", 45446, "网站信息更新不及时", "办公室", None, "持续推进", "已整改完毕", "已完成"],
    ["DB-2024-003", "领导批示", "2024.6.3", "政策宣传", "法规处牵头，相关处室配合", None, datetime(2024, 12, 31), None,
     "搁置"],
    ["—7—"],
    ["编 号", "来 源", "交办日期", "事项内容", "牵头", "配合", "办结时限", "办理进度", "状态"],
    ["DB-2024-004", "会议议定", "2024年6月3日", "数据共享", "诚信处", None, "2024/9/30", None, None],
    [None, None, None, "（接上页）共享目录。", None, None, None, None, None],
    ["注：1.状态按月更新。"],
    ["2.各处室按职责落实。", None, None, "不是事项", "法规处"],
    ["抄送：省软环境办。"],
]
LEDGER_MERGES = ("A1:I1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:F2", "G2:G3", "H2:I2")


def test_merged_title_two_level_header_page_rows_and_notes(tmp_path: Path) -> None:
    pv = read_supervision_ledger(build(tmp_path / "a.xlsx", LEDGER, LEDGER_MERGES))
    assert pv.sheet == "台账" and pv.title == "2024年交办督办事项台账" and pv.header_rows == (2, 3)
    assert list(pv.columns.values()) == ["no", "source", "received", "content", "lead", "cooperate", "deadline",
                                         "progress", "status"]
    assert pv.headers[4] == "责任处室 / 牵头" and pv.headers[8] == "办理情况 / 状态"
    assert [i.no for i in pv.items] == ["DB-2024-001", "DB-2024-002", "DB-2024-003", "DB-2024-004"]
    assert pv.items[3].content == "数据共享\n（接上页）共享目录。"  # a wrapped line joins its item
    skipped = [str(s) for s in pv.skipped]
    assert skipped == ["工作表“台账”第 7 行：这一行是页码（—7—），已跳过",
                       "工作表“台账”第 8 行：这一行是重复的表头（换页处），已跳过",
                       "工作表“台账”第 11 行：从这一行起是注释、抄送或印发，不属于台账，已忽略"]
    assert [str(w) for w in pv.warnings] == [
        "工作表“台账”第 6 行 I 列：状态“搁置”无法识别，按“待签收”导入；可用的状态：待签收、办理中、已办结、已报结、已销号"]
    data = pv.to_json()
    assert data["items"][0] == {
        "no": "DB-2024-001", "source": "省软环境办交办", "content": "企业反映审批慢", "lead": ["审批办", "法规处"],
        "cooperating": ["规划处", "办公室", "诚信处"], "received": "2024-03-05", "deadline": "2024-06-30",
        "deadline_text": "2024年6月底前", "status": "办理中", "progress": "已协调", "note": "", "requirements": "",
        "supervision_type": "", "urgency": "", "leader": "", "feedback_cycle": "", "completion": "", "urge_count": 0}
    assert [(i["received"], i["deadline"], i["deadline_text"], i["status"]) for i in data["items"][1:]] == [
        ("2024-06-03", None, "持续推进", "已办结"),          # an Excel serial number; text with no date
        ("2024-06-03", "2024-12-31", "", "待签收"),          # '2024.6.3'; a date cell
        ("2024-06-03", "2024-09-30", "", "待签收")]          # '2024年6月3日'; '2024/9/30'
    assert data["items"][2]["lead"] == ["法规处"] and data["items"][2]["cooperating"] == ["相关处室"]


def test_dates_as_date_cells_serial_numbers_and_text(tmp_path: Path) -> None:
    assert [parse_date(t) for t in ("2024-06-03", "2024.6.3", "2024/6/3", "2024年6月3日", "２０２４．６．３", "20240603",
                                    "45446", "45446.75", "2024-06-03 09:30:00")] == ["2024-06-03"] * 9
    assert [parse_date(t) for t in ("6月3日", "2024-02-30", "2024", "1000", "99999", "尽快", "9999-12-31",
                                    "1899.1.1")] == [None] * 8
    rows = [["序号", "交办时间", "督办事项", "牵头单位", "完成时限"],
            [1, datetime(2024, 3, 1, 0, 0), "甲", "法规处", "6月底前"],
            [2, 45352, "乙", "法规处", 45473],
            [3, "2024/3/1", "丙", "法规处", "5个工作日内"],
            [4, "3月1日", "丁", "法规处", "2024年第三季度"],
            [5, None, "戊", "法规处", "年底前"]]
    pv = read_supervision_ledger(build(tmp_path / "d.xlsx", rows))
    got = [(i.no, i.received, i.deadline, i.deadline_text) for i in pv.items]
    # no 编号 column: the 序号 is the item's number
    assert got == [("1", "2024-03-01", "2024-06-30", "6月底前"),       # year of the date received
                   ("2", "2024-03-01", "2024-06-30", ""),              # serial numbers in both
                   ("3", "2024-03-01", "2024-03-08", "5个工作日内"),    # on the working-day calendar
                   ("4", "", "2024-09-30", "2024年第三季度"),
                   ("5", "", "", "年底前")]  # no date received, no year in the document: never this year
    assert [str(w) for w in pv.warnings] == [
        "工作表“台账”第 5 行 B 列：交办日期“3月1日”不是日期，已留空；请按 2024-06-03 的样式填写",
        "工作表“台账”第 6 行 E 列：办结时限“年底前”没有写年份，表中也没有交办日期和年份，未推算日期；请补填交办日期"]


def test_statuses_map_onto_the_workflow() -> None:
    assert [status_of(t) for t in ("办理中", "已完成", "尚未办结", "未完成", "已销号", "报结", "正在推进", "是", "否")] == [
        "办理中", "已办结", "办理中", "办理中", "已销号", "已报结", "办理中", "已办结", "办理中"]
    assert status_of("搁置") is None and status_of("不是") is None


def test_statuses_dates_and_closure(tmp_path: Path, workspace: Any) -> None:
    rows = [["编号", "交办日期", "事项内容", "牵头处室", "状态", "办结情况", "签收日期", "办结日期", "报结日期", "销号日期"],
            ["A-1", "2024-03-01", "报结的", "法规处", "已报结", "已报送办结报告", "2024-03-02", "2024-04-01",
             "2024-04-05", None],
            ["A-2", "2024-03-01", "无报告", "法规处", "已销号", None, None, None, None, None],
            ["A-3", "2024-03-01", "日期倒了", "法规处", "已办结", None, "2024-02-01", None, None, None],
            ["A-4", "2024-03-01", "只有日期", "法规处", None, None, "2024-03-03", "2024-03-20", None, None]]
    pv = read_supervision_ledger(build(tmp_path / "s.xlsx", rows))
    # 已办结 and later need the closure report: without one an item comes in as 办理中 (issue 16)
    assert [(i.no, i.status) for i in pv.items] == [("A-1", "已报结"), ("A-2", "办理中"), ("A-3", "办理中"),
                                                     ("A-4", "办理中")]  # 已办结 from its latest date
    assert [str(w) for w in pv.warnings] == [
        "工作表“台账”第 3 行 E 列：状态为“已销号”，但没有办结情况（办结报告），按“办理中”导入；请补填办结报告后在程序中办结",
        "工作表“台账”第 4 行 G 列：签收日期（2024-02-01）早于交办日期（2024-03-01），已不采用；导入时按 2024-03-01 之后记",
        "工作表“台账”第 4 行 E 列：状态为“已办结”，但没有办结情况（办结报告），按“办理中”导入；请补填办结报告后在程序中办结",
        "工作表“台账”第 5 行 E 列：状态为“已办结”，但没有办结情况（办结报告），按“办理中”导入"
        "（台账中的办结日期 2024-03-20 未导入）；请补填办结报告后在程序中办结"]
    apply(workspace, pv)
    got = items(workspace)
    one = got["A-1"]
    assert (one.status, one.signed_on, one.done_on, one.reported_on, one.closure_report) == (
        "已报结", "2024-03-02", "2024-04-01", "2024-04-05", "已报送办结报告")
    assert (got["A-2"].status, got["A-2"].signed_on, got["A-2"].done_on) == ("办理中", "2024-07-01", "")
    assert (got["A-4"].signed_on, got["A-4"].done_on) == ("2024-03-03", "")


def test_a_deadline_before_the_date_received_is_left_out_and_kept_in_the_note(tmp_path: Path, workspace: Any) -> None:
    rows = [["编号", "交办日期", "事项内容", "办结时限", "备注"],
            ["B-1", "2024-11-10", "时限在前", "2024-06-30", "原有备注"],
            ["B-2", "2024-11-10", "文字时限", "6月底前", None]]
    pv = read_supervision_ledger(build(tmp_path / "d.xlsx", rows))
    assert [str(w) for w in pv.warnings] == [
        "工作表“台账”第 2 行 D 列：办结时限（2024-06-30，即 2024-06-30）早于交办日期（2024-11-10），未导入该时限，"
        "原文已记入备注；请核实后在程序中填写",
        "工作表“台账”第 3 行 D 列：办结时限（6月底前，即 2024-06-30）早于交办日期（2024-11-10），未导入该时限，"
        "原文已记入备注；请核实后在程序中填写"]
    apply(workspace, pv)
    got = items(workspace)
    assert (got["B-1"].deadline, got["B-1"].deadline_text, got["B-1"].note) == ("", "", "原有备注；原办结时限：2024-06-30")
    assert (got["B-2"].deadline, got["B-2"].note) == ("", "原办结时限：6月底前")


# -- writing: once, again (nothing), changed ---------------------------------------------------------

def test_import_then_again_changes_nothing(tmp_path: Path, workspace: Any) -> None:
    path = build(tmp_path / "a.xlsx", LEDGER, LEDGER_MERGES)
    rows = LEDGER[:3] + [[None, "明察暗访", "2024-05-06", "没有编号的事项", "规划处", None, "6月底前", None, "办理中"]]
    bare = build(tmp_path / "b.xlsx", rows, LEDGER_MERGES)
    before = workspace.db.scalar("SELECT count(*) FROM division")
    planned = plan_supervision_import(workspace.db, read_supervision_ledger(path))
    assert planned.summary() == "导入督办事项台账：新建 4 项督办事项。" and not planned.divisions
    done = apply(workspace, read_supervision_ledger(path))
    assert [c.action for c in done.changes] == ["create"] * 4
    assert workspace.db.scalar("SELECT count(*) FROM division") == before
    got = items(workspace)
    first = got["DB-2024-001"]
    assert (first.source, first.received_on, first.deadline, first.deadline_text, first.status, first.signed_on) == (
        "省软环境办交办", "2024-03-05", "2024-06-30", "2024年6月底前", "办理中", "2024-07-01")
    assert first.lead_names == ["审批办", "法规处"] and first.cooperating_names == ["规划处", "办公室", "诚信处"]
    assert (got["DB-2024-002"].status, got["DB-2024-002"].closure_report) == ("已办结", "已整改完毕")
    assert got["DB-2024-003"].cooperating_names == ["相关处室"] and got["DB-2024-003"].status == "待签收"
    numbered = apply(workspace, read_supervision_ledger(bare))
    assert numbered.numbers == {4: "DB-2024-005"}  # numbered like items added in the program
    audit = workspace.db.scalar("SELECT count(*) FROM audit")
    for book in (path, bare):  # the second time: nothing planned, nothing written
        pv = read_supervision_ledger(book)
        assert not plan_supervision_import(workspace.db, pv)
        assert not apply(workspace, pv).changes
    assert workspace.db.scalar("SELECT count(*) FROM audit") == audit
    assert len(supervision.list_items(workspace.db)) == 5


def test_changed_fields_are_updated_and_statuses_only_move_forward(tmp_path: Path, workspace: Any) -> None:
    head = [["编号", "交办日期", "事项内容", "牵头处室", "配合处室", "办结时限", "办理进度", "状态"]]
    apply(workspace, read_supervision_ledger(build(tmp_path / "a.xlsx", head + [
        ["X-1", "2024-03-01", "甲事项", "法规处", "规划处", "6月底前", "起草中", "办理中"],
        ["X-2", "2024-03-01", "乙事项", "法规处", None, None, "已完成", "已办结"]])))
    pv = read_supervision_ledger(build(tmp_path / "b.xlsx", head + [
        ["X-1", "2024-03-01", "甲事项", "规划处", None, "9月底前", "已印发", "已办结"],
        ["X-2", "2024-03-01", "乙事项", "法规处", "新设处", None, None, "办理中"]]))
    planned = plan_supervision_import(workspace.db, pv)
    assert [c.describe() for c in planned.changes] == [
        "更新督办事项“X-1 甲事项”（第 2 行）：办理进度 起草中 → 已印发；办结时限 6月底前 → 9月底前；"
        "牵头处室 法规处 → 规划处；配合处室 规划处 → （空）；状态 办理中 → 已办结",
        "更新督办事项“X-2 乙事项”（第 3 行）：配合处室 （空） → 新设处"]
    assert planned.divisions == ["新设处"]
    assert planned.warnings == ["工作表“台账”第 3 行：数据库中该事项已是“已办结”，表中为“办理中”，状态未改回"]
    apply(workspace, pv, today=date(2024, 8, 1))
    got = items(workspace)
    assert (got["X-1"].lead_names, got["X-1"].cooperating_names, got["X-1"].deadline) == (["规划处"], [], "2024-09-30")
    assert (got["X-1"].status, got["X-1"].done_on, got["X-1"].closure_report) == ("已办结", "2024-08-01", "已印发")
    assert (got["X-2"].status, got["X-2"].cooperating_names) == ("已办结", ["新设处"])


def test_matched_by_content_and_date_when_the_number_differs(tmp_path: Path, workspace: Any) -> None:
    workspace.apply("登记", lambda w: supervision.add_item(w, "营商投诉办理", received_on="2024-04-01", today=TODAY))
    pv = read_supervision_ledger(build(tmp_path / "c.xlsx", [["督办编号", "交办日期", "事项内容"],
                                                              ["督〔2024〕3号", datetime(2024, 4, 1), "营商投诉办理"]]))
    assert [c.describe() for c in plan_supervision_import(workspace.db, pv).changes] == [
        "更新督办事项“督〔2024〕3号 营商投诉办理”（第 2 行）：编号 DB-2024-001 → 督〔2024〕3号"]
    apply(workspace, pv)
    assert list(items(workspace)) == ["督〔2024〕3号"]


def test_a_row_that_cannot_be_written_undoes_the_whole_import(tmp_path: Path, workspace: Any, snapshot: Any) -> None:
    head = [["编号", "交办日期", "事项内容", "状态"]]
    apply(workspace, read_supervision_ledger(build(tmp_path / "a.xlsx", head + [["Y-1", "2024-03-01", "甲", "办理中"]])))
    before = snapshot(with_audit=True)
    pv = read_supervision_ledger(build(tmp_path / "b.xlsx", head + [["Y-0", "2024-03-01", "新的", "待签收"],
                                                                     ["Y-1", "2024-09-01", "甲", "办理中"]]))
    with pytest.raises(InvalidInput, match=r"“b.xlsx”工作表“台账”第 3 行不能导入：签收日期.*不能早于交办日期.*"
                                           r"整个台账未导入任何内容"):
        apply(workspace, pv)
    assert snapshot(with_audit=True) == before


def test_units_in_one_cell_and_both_roles(tmp_path: Path) -> None:
    rows = [["事项", "责任单位", "配合单位"],
            ["甲", "法规处牵头，审批办及相关业务处室配合", None],
            ["乙", "规划处/诚信处", "诚信处、办公室等有关部门"]]
    pv = read_supervision_ledger(build(tmp_path / "u.xlsx", rows))
    a, b = pv.items
    assert (a.lead, a.cooperating, a.groups) == (["法规处"], ["审批办", "相关业务处室"], {"相关业务处室"})
    assert (b.lead, b.cooperating) == (["规划处", "诚信处"], ["办公室"])
    assert [str(w) for w in pv.warnings] == ["工作表“台账”第 3 行 C 列：“诚信处”既是牵头处室又是配合处室，按牵头处室导入"]


def test_cells_merged_over_several_items_or_over_the_lines_of_one(tmp_path: Path) -> None:
    rows = [["交办日期", "事项内容", "牵头处室", "配合处室", "办理进度"],
            [datetime(2024, 5, 6), "甲", "法规处", "规划处", "起草"],
            [None, "乙", None, "办公室", None],
            [None, "丙", "审批办", None, "已完成"],
            ["2024-05-07", "丁（一件事分两行写，事项内容合并）", "诚信处", None, "第一步"],
            [None, None, "规划处", None, "第二步"]]
    pv = read_supervision_ledger(build(tmp_path / "m.xlsx", rows, ("A2:A4", "C2:C3", "A5:A6", "B5:B6")))
    assert [(i.content, i.received, i.lead, i.cooperating, i.progress) for i in pv.items] == [
        ("甲", "2024-05-06", ["法规处"], ["规划处"], "起草"), ("乙", "2024-05-06", ["法规处"], ["办公室"], ""),
        ("丙", "2024-05-06", ["审批办"], [], "已完成"),
        ("丁（一件事分两行写，事项内容合并）", "2024-05-07", ["诚信处", "规划处"], [], "第一步\n第二步")]


def test_the_sheet_with_the_ledger_is_found_or_named_and_duplicates_are_skipped(tmp_path: Path) -> None:
    rows = [["编号", "事项内容"], ["Z-1", "甲"], ["Z-1", "甲（重复）"], [None, None], ["Z-2", "乙"]]
    path = build(tmp_path / "g.xlsx", rows, sheet="督办", before=("说明",))
    pv = read_supervision_ledger(path)
    assert (pv.sheet, pv.sheets, [i.no for i in pv.items]) == ("督办", ["说明", "督办"], ["Z-1", "Z-2"])
    assert [str(w) for w in pv.warnings] == ["工作表“督办”第 3 行：与第 2 行是同一事项（编号相同），已跳过"]
    with pytest.raises(InvalidInput, match="“g.xlsx”的工作表“说明”中找不到督办事项台账的表头"):
        read_supervision_ledger(path, sheet="说明")
    with pytest.raises(InvalidInput, match="没有名为“目录”的工作表.*说明、督办"):
        read_supervision_ledger(path, sheet="目录")
    empty = build(tmp_path / "e.xlsx", [["编号", "事项内容", "牵头处室"], ["1", None, "法规处"]])
    with pytest.raises(InvalidInput, match="“e.xlsx”工作表“台账”第 1 行的表头下方没有读到任何督办事项"):
        read_supervision_ledger(empty)


def test_round_trip_of_the_export_changes_nothing(tmp_path: Path, workspace: Any, div: Any) -> None:
    def add(w: Any) -> None:
        one = supervision.add_item(w, "甲", source="投诉", received_on="2024-03-01", deadline="6月底前",
                                   lead=[div("法规处")], cooperating=[div("规划处"), div("办公室")], progress="办理中",
                                   today=TODAY)
        supervision.advance(w, one, "已办结", on="2024-04-01", text="已办结报告")
        supervision.add_item(w, "乙", received_on="2024-03-02", deadline="2024-12-31", lead=[div("审批办")])
    workspace.apply("登记", add)
    path = tmp_path / "台账.xlsx"
    assert export_supervision(workspace.db, path) == 2
    pv = read_supervision_ledger(path)
    assert [(i.deadline, i.deadline_text, i.status) for i in pv.items] == [
        ("2024-06-30", "6月底前", "已办结"), ("2024-12-31", "", "待签收")]
    assert not pv.warnings and not plan_supervision_import(workspace.db, pv)


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


def test_cli_json_dry_run_and_twice(tmp_path: Path, db_file: Path) -> None:
    book = build(tmp_path / "a.xlsx", LEDGER, LEDGER_MERGES)
    digest = sha(db_file)
    proc = run("--db", str(db_file), "import", "supervision", str(book), "--dry-run", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert list(data) == ["items", "warnings", "units"] and len(data["items"]) == 4
    assert all(list(i) == ["no", "source", "content", "lead", "cooperating", "received", "deadline", "deadline_text",
                           "status", "progress", "note", "requirements", "supervision_type", "urgency", "leader",
                           "feedback_cycle", "completion", "urge_count"] for i in data["items"])
    assert {u["name"]: u["mapping"] for u in data["units"]} == {
        "审批办": "existing", "法规处": "existing", "规划处": "existing", "办公室": "existing", "诚信处": "existing",
        "相关处室": "group"}
    assert data["items"][1]["deadline"] is None and data["items"][1]["deadline_text"] == "持续推进"
    assert len(data["warnings"]) == 1 and "搁置" in data["warnings"][0]
    assert sha(db_file) == digest  # --dry-run writes nothing
    proc = run("--db", str(db_file), "import", "supervision", str(book))
    assert proc.returncode == 0, proc.stderr
    assert "已导入督办事项台账：新建 4 项督办事项。" in proc.stdout
    digest = sha(db_file)
    proc = run("--db", str(db_file), "import", "supervision", str(book), "--json")
    assert proc.returncode == 0 and json.loads(proc.stdout)["items"][0]["no"] == "DB-2024-001"
    assert sha(db_file) == digest  # the second time writes nothing


def _xls(path: Path) -> Path:
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504) + "Workbook".encode("utf-16-le"))
    return path


BAD_FILES = {
    "csv": (lambda p: (p.write_text("编号,事项内容\n1,甲\n", encoding="utf-8"), p)[1], "CSV"),
    "xls": (_xls, "97-2003"),
    "empty-file": (lambda p: (p.write_bytes(b""), p)[1], "0 字节"),
    "truncated": (lambda p: (p.write_bytes(build(p, LEDGER).read_bytes()[:900]), p)[1], "损坏"),
    "no-ledger": (lambda p: build(p, [["会议纪要"], ["今天开会。"]]), "找不到督办事项台账的表头"),
    "no-items": (lambda p: build(p, [["编号", "事项内容"], ["1"]]), "没有读到任何督办事项"),
    "bad-row": (lambda p: build(p, [["编号", "交办日期", "事项内容", "状态"], ["DB-2024-001", "2099-09-01", "甲", "办理中"],
                                    ["新", "2024-01-01", "乙", "待签收"]]), "第 2 行不能导入"),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_cli_bad_files_exit_nonzero_and_leave_the_database(kind: str, tmp_path: Path, db_file: Path) -> None:
    book = build(tmp_path / "ok.xlsx", [["编号", "交办日期", "事项内容", "状态"], ["DB-2024-001", "2024-03-01", "甲", "办理中"]])
    assert run("--db", str(db_file), "import", "supervision", str(book)).returncode == 0
    make, expected = BAD_FILES[kind]
    bad = make(tmp_path / f"{kind}.xlsx")
    digest = sha(db_file)
    proc = run("--db", str(db_file), "import", "supervision", str(bad))
    assert proc.returncode != 0
    assert proc.stderr.startswith("错误：") and expected in proc.stderr and f"{kind}.xlsx" in proc.stderr, proc.stderr
    assert sha(db_file) == digest


# -- written in bulk: the same rows and audit as item by item; one undo step -------------------------

BULK = [["编号", "来源", "交办日期", "事项内容", "牵头处室", "配合处室", "办结时限", "办理进度", "状态", "办结情况"],
        ["B-1", "投诉", "2024-03-01", "已有事项改了进度", "法规处", None, "6月底前", "新进度", "已办结", None],
        ["B-2", "明察暗访", "2024-03-02", "新事项甲", "新设处", "规划处、相关业务处室", "5个工作日内", "办理中", "办理中", None],
        [None, "领导批示", "2024-03-03", "新事项乙（无编号）", "审批办", None, "2024-09-30", None, "已报结", "报告已报送"],
        ["B-4", "其他", None, "新事项丙", "办公室", "法规处", "持续推进", "起草", "待签收", None],
        [None, "其他", "2024-03-05", "新事项丁（无编号）", "法规处", None, None, "已完成", "已办结", None]]


def _tables(db: Any) -> dict[str, list[tuple]]:
    return {t: [tuple(r) for r in db.query(f"SELECT * FROM {t} ORDER BY id")]
            for t in ("division", "supervision_item", "supervision_division")}


def _import_audit(db: Any, since: int) -> list[tuple]:
    return sorted((tuple(r)[2:] for r in db.query("SELECT * FROM audit WHERE id > ?", (since,))), key=repr)


class _OneByOne(supervision.ItemBatch):
    """Each item written as soon as it is added, its moves one update after another: how the
    import wrote before it wrote in bulk."""

    def add_item(self, *args: Any, **kwargs: Any) -> Any:
        item = super().add_item(*args, **kwargs)
        self.flush()
        return item


def test_bulk_import_writes_what_item_by_item_writes_and_undoes_in_one_step(
        tmp_path: Path, workspace: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from bizenv_desktop.services.excel import supervision_apply
    from bizenv_desktop.services.startup import open_workspace

    book = build(tmp_path / "bulk.xlsx", BULK)
    first = build(tmp_path / "first.xlsx", [BULK[0], BULK[1][:7] + ["起草", "办理中", None]])
    other = open_workspace(tmp_path / "one-by-one.sqlite3", first_year=2026)
    try:
        for ws in (workspace, other):
            apply(ws, read_supervision_ledger(first))
        assert _tables(workspace.db) == _tables(other.db)
        before, since = _tables(workspace.db), workspace.db.scalar("SELECT max(id) FROM audit")
        holder: dict[str, Any] = {}
        bulk = workspace.apply("导入督办事项", lambda w: holder.setdefault(
            "c", apply_supervision_import(w, read_supervision_ledger(book), TODAY)))
        monkeypatch.setattr(supervision_apply, "ItemBatch", _OneByOne)
        single = apply(other, read_supervision_ledger(book))
        assert holder["c"].summary() == single.summary() == "导入督办事项台账：新建 4 项督办事项、更新 1 项督办事项、新建 1 个处室。"
        numbers = {2: "B-1", 3: "B-2", 4: "DB-2024-001", 5: "B-4", 6: "DB-2024-002"}
        assert holder["c"].numbers == single.numbers == numbers
        after = _tables(workspace.db)
        assert after == _tables(other.db)  # the same rows, ids included
        assert _import_audit(workspace.db, since) == _import_audit(other.db, since)  # the same audit rows
        workspace.undo(bulk)
        assert _tables(workspace.db) == before
        workspace.redo(bulk)
        assert _tables(workspace.db) == after
        got = items(workspace)
        assert (got["B-2"].lead_names, got["B-2"].cooperating_names) == (["新设处"], ["规划处", "相关业务处室"])
        assert (got["DB-2024-001"].status, got["DB-2024-001"].reported_on) == ("已报结", "2024-07-01")
        assert workspace.db.query("PRAGMA foreign_key_check") == []
    finally:
        other.close()
