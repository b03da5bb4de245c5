"""Excel exports read back with openpyxl: layout, styles, merges, protection, validation,
and text that looks like a formula stored as text."""
from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from bizenv_desktop.core.errors import InvalidInput, NotFound
from bizenv_desktop.services import dispatch
from bizenv_desktop.services.audit import query
from bizenv_desktop.services.events import add_event
from bizenv_desktop.services.excel.export import (export_audit, export_dispatch, export_events, export_indicators,
                                                  export_supervision)
from bizenv_desktop.services.plan_edit import update_indicator


def ranges(ws: Any) -> set[str]:
    return {str(r) for r in ws.merged_cells.ranges}


def assert_page_layout(ws: Any, header_row: int, columns: int) -> None:
    """Title merged over the table, styled header, frozen below it, printed on every page,
    A4 landscape fitted to the page width."""
    last = ws.cell(header_row, columns).column_letter
    assert f"A1:{last}1" in ranges(ws)
    assert ws["A1"].font.bold and ws["A1"].font.size == 16
    for c in range(1, columns + 1):
        cell = ws.cell(header_row, c)
        assert cell.font.bold and cell.font.name == "黑体"
        assert cell.fill.fill_type == "solid" and cell.fill.start_color.rgb.endswith("D9E1F2")
        assert cell.border.left.style == "thin"
        assert cell.alignment.horizontal == "center"
        assert ws.column_dimensions[cell.column_letter].width > 5
    assert ws.freeze_panes == f"A{header_row + 1}"
    assert ws.print_title_rows.replace("$", "") == f"{header_row}:{header_row}"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage


def assert_no_formulas(path: Path) -> None:
    """No cell of any sheet is a formula (what Excel would run when the file opens)."""
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert b"<f>" not in zf.read(name) and b"<f " not in zf.read(name), name


def test_indicators_sheet(tmp_path: Path, workspace: Any) -> None:
    path = tmp_path / "分工表.xlsx"
    assert export_indicators(workspace.db, 2026, path) == 23
    ws = load_workbook(path).active
    assert ws.title == "2026年度任务分工表"
    assert ws["A1"].value == "2026年度营商环境考核评价任务分工表"
    header = [c.value for c in ws[3]]
    assert header == ["序号", "维度", "一级指标", "二级指标", "考评内容及标准", "分值", "牵头处室", "责任处室",
                      "配合处室", "责任人", "完成时限"]
    assert_page_layout(ws, 3, 11)
    # dimension 一 over the first 17 second-level rows, first levels over theirs
    assert {"B4:B20", "B21:B26", "C4:C9", "C10:C18", "C19:C20", "C21:C22", "C24:C26"} <= ranges(ws)
    assert "C23:C23" not in ranges(ws)  # one child: nothing to merge
    assert (ws["B4"].value, ws["C4"].value, ws["C10"].value) == ("一、基础建设和执行协同", "1、加强基础建设",
                                                                 "2、强化工作执行")
    assert [ws["A4"].value, ws["D4"].value] == ["(1)", "制定年度营商环境建设实施计划，并在部门网站公开"]
    eleven = next(r for r in ws.iter_rows(min_row=4) if r[0].value == "(11)")
    assert [c.value for c in eleven[6:9]] == ["审批办", None, "相关业务处室"]
    eight = next(r for r in ws.iter_rows(min_row=4) if r[0].value == "(8)")
    assert eight[7].value == "法规处、规划处、办公室"
    assert ws["E4"].alignment.wrap_text and ws["E4"].border.left.style == "thin"
    assert ws.row_dimensions[4].height >= 18
    assert ws.oddFooter.center.text == "— &P —"


def test_formula_like_text_is_stored_as_text(tmp_path: Path, workspace: Any, ind: Any) -> None:
    texts = {"(1)": "=SUM(A1)", "(2)": "+86 电话", "(3)": "-1 项", "(4)": "@某人"}
    workspace.apply("编辑", lambda w: [update_indicator(w, ind(code), criteria=text) for code, text in texts.items()])
    workspace.apply("编辑", lambda w: update_indicator(w, ind("(5)"), name="=HYPERLINK(\"http://x\")"))
    path = tmp_path / "f.xlsx"
    export_indicators(workspace.db, 2026, path)
    ws = load_workbook(path).active
    for row, text in zip(range(4, 8), texts.values()):
        cell = ws.cell(row, 5)
        assert cell.value == text and cell.data_type == "s" and cell.quotePrefix
    assert ws["D8"].value == "=HYPERLINK(\"http://x\")" and ws["D8"].data_type == "s"
    assert not ws["E9"].quotePrefix  # ordinary text is left alone
    assert_no_formulas(path)


def test_a_plan_without_named_dimensions_has_no_dimension_column(tmp_path: Path, workspace: Any) -> None:
    from openpyxl import Workbook

    from bizenv_desktop.services.excel.indicator_import import apply_import, plan_changes, read_indicator_table

    source = tmp_path / "flat.xlsx"
    wb = Workbook()
    for row in (["一级指标", "二级指标", "考评内容及标准", "牵头处室"], ["服务", "（1）一网通办", "可办率。", "审批办"],
                [None, "（2）一窗受理", "分类受理。", "审批办"]):
        wb.active.append(row)
    wb.save(source)
    workspace.apply("导入", lambda w: apply_import(w, 2040, read_indicator_table(source)))
    path = tmp_path / "x.xlsx"
    assert export_indicators(workspace.db, 2040, path) == 2
    ws = load_workbook(path).active
    assert [c.value for c in ws[3]][:4] == ["序号", "一级指标", "二级指标", "考评内容及标准"]
    assert "B4:B5" in ranges(ws)
    assert not plan_changes(workspace.db, 2040, read_indicator_table(path))


def test_dispatch_sheet_is_a_form(tmp_path: Path, workspace: Any, ind: Any) -> None:
    workspace.apply("开始", lambda w: dispatch.start_month(w, "2026-03"))
    row_id = workspace.db.scalar("SELECT id FROM dispatch_row WHERE indicator_id = ?", (ind("(10)"),))
    workspace.apply("填", lambda w: dispatch.update_row(w, row_id, status="推进中", value="85", progress="=已上线"))
    path = tmp_path / "d.xlsx"
    rows = export_dispatch(workspace.db, "2026-03", path)
    assert rows == workspace.db.scalar("SELECT count(*) FROM dispatch_row WHERE month = '2026-03'")
    ws = load_workbook(path).active
    assert ws["A1"].value == "2026年3月营商环境建设工作月调度台账"
    assert ws["A2"].value.startswith(f"共 {rows} 项：未启动")
    header = [c.value for c in ws[3]]
    assert header == ["序号", "指标", "责任处室", "进展情况", "存在问题", "下步打算", "完成状态", "数值", "目标",
                      "责任人", "备注"]
    assert_page_layout(ws, 3, 11)
    ten = next(r for r in ws.iter_rows(min_row=4) if str(r[1].value).startswith("(10)"))
    assert ten[3].value == "=已上线" and ten[3].data_type == "s"
    assert (ten[6].value, ten[7].value, ten[8].value) == ("推进中", 85, "≥90%")
    # (8) has three divisions: its number and name merged over three rows
    eight = next(r[0].row for r in ws.iter_rows(min_row=4) if str(r[1].value).startswith("(8)"))
    assert {f"A{eight}:A{eight + 2}", f"B{eight}:B{eight + 2}"} <= ranges(ws)
    assert [ws.cell(eight + i, 3).value for i in range(3)] == ["法规处", "规划处", "办公室"]
    # protection: the sheet is locked, the columns divisions fill are not
    assert ws.protection.sheet and not ws.protection.password
    assert ws["B4"].protection.locked and ws["C4"].protection.locked
    assert not ws["D4"].protection.locked and not ws["G4"].protection.locked
    (dv,) = ws.data_validations.dataValidation
    assert dv.type == "list" and dv.formula1 == '"未启动,推进中,已完成,滞后,不适用"'
    assert str(dv.sqref) == f"G4:G{3 + rows}"
    assert_no_formulas(path)


def test_a_closed_month_is_locked_throughout(tmp_path: Path, workspace: Any) -> None:
    workspace.apply("开始", lambda w: dispatch.start_month(w, "2026-04"))
    workspace.apply("关闭", lambda w: dispatch.close_month(w, "2026-04"))
    path = tmp_path / "d.xlsx"
    export_dispatch(workspace.db, "2026-04", path)
    ws = load_workbook(path).active
    assert ws["A2"].value.startswith("（已关闭）") and ws["D4"].protection.locked


def test_supervision_ledger(tmp_path: Path, workspace: Any) -> None:
    def add(w: Any) -> None:
        item = w.insert("supervision_item", {"no": "督-1", "source": "省软环境办督办", "received_on": "2026-02-03",
                                             "content": "-关于某企业投诉的核查", "deadline": "2026-03-31",
                                             "deadline_text": "3月底前", "status": "办理中",
                                             "accountability": "约谈"})
        for pos, (name, role) in enumerate((("法规处", "lead"), ("办公室", "cooperate"), ("审批办", "cooperate"))):
            div = w.db.scalar("SELECT id FROM division WHERE name = ?", (name,))
            w.insert("supervision_division", {"item_id": item, "division_id": div, "role": role, "position": pos})
        w.insert("supervision_item", {"content": "明察暗访发现的问题", "status": "已销号", "source": "明察暗访"})
    workspace.apply("督办", add)
    path = tmp_path / "s.xlsx"
    assert export_supervision(workspace.db, path) == 2
    ws = load_workbook(path).active
    assert ws["A2"].value.startswith("共 2 项，其中未办结 1 项")
    assert [c.value for c in ws[3]] == ["编号", "来源", "交办日期", "事项内容", "牵头处室", "配合处室", "办结时限",
                                        "办理情况", "状态", "办结日期", "备注"]
    assert_page_layout(ws, 3, 11)
    first = [c.value for c in ws[4]]
    assert first[:7] == ["督-1", "省软环境办督办", "2026-02-03", "-关于某企业投诉的核查", "法规处", "办公室、审批办",
                         "3月底前（2026-03-31）"]
    assert first[8] == "办理中" and first[10] == "追责：约谈"
    assert ws["D4"].data_type == "s" and ws["D4"].quotePrefix
    assert ws["A6"].value is None  # the undated item comes last, and nothing after it
    assert ws.auto_filter.ref == "A3:K5"
    (dv,) = ws.data_validations.dataValidation
    assert dv.formula1 == '"待签收,办理中,已办结,已报结,已销号"' and str(dv.sqref) == "I4:I5"


def test_events_register(tmp_path: Path, workspace: Any) -> None:
    workspace.apply("事件", lambda w: (add_event(w, "media", "2026-05-06", "经验做法获报道", "省级", "吉林日报"),
                                       add_event(w, "briefing", "2026-02-01", "简报采用", note="第3期")))
    path = tmp_path / "e.xlsx"
    assert export_events(workspace.db, 2026, path) == 2
    ws = load_workbook(path).active
    assert ws["A1"].value == "2026年度通报表扬、媒体宣传、简报刊发、全省推广事件登记表"
    assert "媒体宣传 1" in ws["A2"].value and "简报刊发 1" in ws["A2"].value
    assert_page_layout(ws, 3, 8)
    assert [c.value for c in ws[4]] == [1, "2026-02-01", "简报刊发", None, "简报采用", None, "(22) 简报刊发", "第3期"]
    assert ws["E5"].value == "经验做法获报道" and ws["G5"].value == "(21) 媒体宣传"
    assert export_events(workspace.db, None, path) == 2
    assert load_workbook(path).active["A1"].value.startswith("全部")
    assert export_events(workspace.db, 2027, path) == 0
    assert load_workbook(path).active.max_row == 3  # an empty register still has its header


def test_audit_trail_is_a_protected_record(tmp_path: Path, workspace: Any, ind: Any) -> None:
    workspace.apply("改名", lambda w: update_indicator(w, ind("(9)"), name="=数据共享"))
    path = tmp_path / "a.xlsx"
    total = query(workspace.db)[1]
    assert export_audit(workspace.db, path) == total
    ws = load_workbook(path).active
    assert_page_layout(ws, 3, 9)
    assert ws.max_row == 3 + total
    newest = [c.value for c in ws[4]]
    assert newest[2:6] == ["改名", "指标", ind("(9)"), "名称"]
    assert (newest[6], newest[7]) == ("数据共享", "=数据共享") and ws["H4"].data_type == "s"
    assert ws.protection.sheet and ws["A4"].protection.locked
    assert ws.auto_filter.ref == f"A3:I{3 + total}"
    assert export_audit(workspace.db, path, text="数据共享", entity="indicator") == 2
    assert "指标" in load_workbook(path).active["A2"].value
    assert_no_formulas(path)


def test_failed_exports_leave_an_earlier_file(tmp_path: Path, workspace: Any) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "keep.xlsx"
    path.write_bytes(b"earlier")
    with pytest.raises(NotFound):
        export_dispatch(workspace.db, "2026-09", path)
    with pytest.raises(NotFound):
        export_indicators(workspace.db, 2019, path)
    assert path.read_bytes() == b"earlier"
    with pytest.raises(InvalidInput, match=r"应以 \.xlsx 结尾"):
        export_indicators(workspace.db, 2026, folder / "x.xls")
    with pytest.raises(InvalidInput, match="不存在"):
        export_indicators(workspace.db, 2026, folder / "no" / "x.xlsx")
    export_indicators(workspace.db, 2026, path)
    assert load_workbook(path).active["A1"].value.endswith("任务分工表")
    assert sorted(p.name for p in folder.iterdir()) == ["keep.xlsx"]  # no temporary file left


def test_workbooks_are_well_formed(tmp_path: Path, workspace: Any) -> None:
    """What Excel and WPS check before offering a repair: well-formed parts, print titles as a
    sheet-local defined name, merges that do not overlap, a legal sheet name."""
    from xml.etree import ElementTree as ET

    workspace.apply("开始", lambda w: dispatch.start_month(w, "2026-03"))
    for name, export in (("i", lambda p: export_indicators(workspace.db, 2026, p)),
                         ("d", lambda p: export_dispatch(workspace.db, "2026-03", p)),
                         ("a", lambda p: export_audit(workspace.db, p))):
        path = tmp_path / f"{name}.xlsx"
        export(path)
        with zipfile.ZipFile(path) as zf:
            assert zf.testzip() is None
            for part in zf.namelist():
                if part.endswith(".xml") or part.endswith(".rels"):
                    ET.fromstring(zf.read(part))
            book = zf.read("xl/workbook.xml").decode()
            assert 'name="_xlnm.Print_Titles" localSheetId="0"' in book
        ws = load_workbook(path).active
        cells: set[tuple[int, int]] = set()
        for rng in ws.merged_cells.ranges:
            block = {(r, c) for r in range(rng.min_row, rng.max_row + 1) for c in range(rng.min_col, rng.max_col + 1)}
            assert not block & cells, f"overlapping merge {rng}"
            cells |= block
        assert len(ws.title) <= 31
