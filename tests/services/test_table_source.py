"""The imports read .xlsx cells with python-calamine (services/excel/table_source.py): the grid must
be the one openpyxl's streaming read gives (sheet_grid.read_grid of the read-only sheet), and the
sheets calamine reads otherwise (error cells) must still come through openpyxl."""
from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from bizenv_desktop.core.progress import step
from bizenv_desktop.services.excel.sheet_grid import Grid, find_header, read_grid
from bizenv_desktop.services.excel.table_source import _Calamine, first_table
from bizenv_desktop.services.excel.opening import open_workbook


def _openpyxl_grid(path: Path, title: str) -> Grid:
    wb = open_workbook(path, read_only=True)
    try:
        return read_grid(wb[title])
    finally:
        wb.close()


def _ledger_of_every_kind(path: Path, errors: bool = False) -> None:
    """A ledger as an office keeps it, with cells of every kind the readers meet, starting at B3."""
    wb = Workbook()
    ws = wb.active
    ws.title = "督办台账"
    ws["B3"] = "2025年交办督办事项台账"
    ws.merge_cells("B3:I3")
    ws.append([None, "序号", "编号", "交办日期", "事项内容", "牵头处室", "分值", "办结时限", "状态", "备注"])
    ws.append([None, 1, "DB-2025-001", date(2025, 3, 4), "  优化涉企审批流程\r\n压减办理时限  ", "法规处、审批办",
               2.5, datetime(2025, 6, 30, 0, 0), True, "=1+1"])
    ws.append([None, 2.0, 20250002, datetime(2025, 3, 5, 14, 30), "规范涉企检查", "执法监督处", 3, "6月底前", False,
               time(9, 30)])
    ws.append([None, 3, "DB-2025-003", 45720, CellRichText(["推进", TextBlock(InlineFont(b=True), "一网通办")]),
               "政务服务处", 0.1, "持续推进", "已办结", 1e16])
    ws["D7"].number_format = "yyyy年m月d日"  # a serial number shown as a date
    ws.merge_cells("F6:F7")                # one division merged over two items
    ws["I8"] = "注：本表由督查室汇总。"
    if errors:
        ws["K5"] = "#N/A"
        ws["K5"].data_type = "e"
    second = wb.create_sheet("说明")
    second.append(["填表说明"])
    wb.save(path)


def test_calamine_grid_is_openpyxls(tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    _ledger_of_every_kind(path)
    wb = open_workbook(path, read_only=True)
    try:
        fast = _Calamine(path)
        grid = fast.grid(wb["督办台账"])
        fast.close()
    finally:
        wb.close()
    assert grid is not None  # read by calamine
    expected = _openpyxl_grid(path, "督办台账")
    assert grid.rows == expected.rows
    assert grid.merge_of == expected.merge_of
    assert grid.rows[4][1:5] == ["1", "DB-2025-001", "2025-03-04", "优化涉企审批流程\n压减办理时限"]
    assert grid.rows[6][3:6] == ["2025-03-04", "推进一网通办", "执法监督处"] and grid.rows[5][5] == "执法监督处"


def test_first_table_finds_the_sheet_and_reports(tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    _ledger_of_every_kind(path)
    seen: list[tuple[int, int, str]] = []
    title, sheets, grid, found = first_table(path, None, step(lambda d, t, w: seen.append((d, t, w))),
                                             find_header, lambda names: AssertionError(names))
    assert (title, sheets) == ("督办台账", ["督办台账", "说明"])
    assert found == find_header(_openpyxl_grid(path, "督办台账"))
    assert grid.rows == _openpyxl_grid(path, "督办台账").rows
    assert seen[0][:2] == (0, 2)


def test_error_cells_are_read_by_openpyxl(tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    _ledger_of_every_kind(path, errors=True)
    wb = open_workbook(path, read_only=True)
    try:
        assert _Calamine(path).grid(wb["督办台账"]) is None  # calamine would give the error cell as empty
    finally:
        wb.close()
    _title, _sheets, grid, _found = first_table(path, "督办台账", step(None), find_header,
                                                lambda names: AssertionError(names))
    assert grid.rows[4][10] == "#N/A"
    assert grid.rows == _openpyxl_grid(path, "督办台账").rows
