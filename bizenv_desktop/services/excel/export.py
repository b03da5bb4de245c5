"""Excel exports: 任务分工表 (the indicators of a year) and 月调度台账 (a month's dispatch).

The ledgers (督办事项台账, 事件登记, 修改记录) are in export_ledgers and re-exported here.
Each export reads with a few queries, builds the workbook in memory and writes it through
a temporary file; it returns the number of table rows written. No Qt; call it from any
thread with that thread's connection.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ...core import dispatch as rules
from ...core.model import Indicator, Plan
from ...core.progress import Progress
from ...storage.database import Database
from ..dispatch_read import load_month
from ..plan_read import load_plan
from .export_ledgers import export_audit, export_events, export_supervision
from .labels import format_label
from .writing import Column, TableSheet, save_workbook, sheet_title

__all__ = ["export_audit", "export_dispatch", "export_events", "export_indicators", "export_supervision",
           "indicator_columns"]


def _today() -> str:
    return date.today().isoformat()


def indicator_columns(plan: Plan) -> list[Column]:
    """The 任务分工表 columns; 维度 only when the plan names its dimensions."""
    cols = [Column("序号", 7, "center")]
    if len(plan.dimensions) > 1 or any(d.name or d.code for d in plan.dimensions):
        cols.append(Column("维度", 14, "center"))
    cols += [Column("一级指标", 16, "center"), Column("二级指标", 24), Column("考评内容及标准", 48),
             Column("分值", 7, "center"), Column("牵头处室", 12, "center"), Column("责任处室", 14, "center"),
             Column("配合处室", 14, "center"), Column("责任人", 10, "center"), Column("完成时限", 12, "center")]
    return cols


def _second_values(ind: Indicator) -> list[str | float | None]:
    persons = "、".join(dict.fromkeys(s.person for s in ind.subtasks if s.person))
    return [ind.code, ind.name, ind.criteria, ind.score, "、".join(ind.names_with_role("lead")),
            "、".join(ind.names_with_role("responsible")), "、".join(ind.names_with_role("cooperate")),
            persons, ind.deadline]


def export_indicators(db: Database, year: int, path: str | Path, progress: Progress | None = None) -> int:
    """任务分工表 of year: one row per second-level indicator (and per sub-task, marked └),
    dimension and first-level cells merged over their rows."""
    plan = load_plan(db, year)
    columns = indicator_columns(plan)
    has_dim = columns[1].title == "维度"
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title(f"{year}年度任务分工表")
    rows = sum(len(i.subtasks) + 1 for i in plan.second_level())
    table = TableSheet(ws, f"{year}年度营商环境考核评价任务分工表", columns, f"导出日期：{_today()}",
                       progress=progress, total=rows)
    off = 1 if has_dim else 0  # column offset of the first-level column
    for dim in plan.dimensions:
        dim_start = table.next_row
        dim_label = format_label(dim.code, dim.name)
        if not dim.indicators and has_dim:
            table.add_row(["", dim_label])
        for first in dim.indicators:
            first_start = table.next_row
            lead = [""] + ([dim_label] if has_dim else []) + [format_label(first.code, first.name, first.score)]
            if not first.children:
                table.add_row(lead)
            for ind in first.children:
                code, *rest = _second_values(ind)
                table.add_row([code, *lead[1:], *rest])
                for sub in ind.subtasks:
                    table.add_row([f"{ind.code}-{sub.position}", *lead[1:], f"└ {sub.name}", sub.note, None, "",
                                   sub.division_name, "", sub.person, sub.deadline])
            table.merge(first_start, table.next_row - 1, 2 + off)
        if has_dim:
            table.merge(dim_start, table.next_row - 1, 2)
    table.finish()
    save_workbook(wb, path)
    return table.next_row - table.first_body_row


DISPATCH_INPUT = ("进展情况", "存在问题", "下步打算", "完成状态", "数值", "责任人", "备注")


def export_dispatch(db: Database, month: str, path: str | Path, progress: Progress | None = None) -> int:
    """月调度台账 of month: a form the divisions can fill in. The columns they fill are
    unlocked, the rest protected (no password); 完成状态 offers the five statuses."""
    m = load_month(db, month)
    with_sub = any(r.subtask_name for r in m.rows)
    columns = [Column("序号", 6, "center"), Column("指标", 24)]
    if with_sub:
        columns.append(Column("子任务", 20))
    columns += [Column("责任处室", 12, "center"), Column("进展情况", 36), Column("存在问题", 24),
                Column("下步打算", 24), Column("完成状态", 10, "center"), Column("数值", 9, "center"),
                Column("目标", 10, "center"), Column("责任人", 9, "center"), Column("备注", 14)]
    total, counts = rules.count_line(r.status for r in m.rows)
    year, mon = m.month.split("-")
    subtitle = (f"{'（已关闭）' if m.closed else ''}共 {total} 项：" + "，".join(f"{s} {n}" for s, n in counts)
                + f"　导出日期：{_today()}")
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title(f"{m.month}月调度")
    table = TableSheet(ws, f"{year}年{int(mon)}月营商环境建设工作月调度台账", columns, subtitle,
                       progress=progress, total=len(m.rows))
    number = 0
    start = table.next_row
    previous: int | None = None
    for r in m.rows:
        if r.indicator_id != previous:
            if previous is not None:
                table.merge(start, table.next_row - 1, 1)
                table.merge(start, table.next_row - 1, 2)
            number, start, previous = number + 1, table.next_row, r.indicator_id
        figure = r.figure if r.kind == "quantitative" else r.value
        values = [number, f"{r.indicator_code} {r.indicator_name}".strip()]
        if with_sub:
            values.append(r.subtask_name)
        values += [r.division_name, r.progress, r.problems, r.next_steps, r.status, figure,
                   r.target.text() if r.target else "", r.person, r.remarks]
        table.add_row(values)
    if previous is not None:
        table.merge(start, table.next_row - 1, 1)
        table.merge(start, table.next_row - 1, 2)
    first, last = table.first_body_row, table.next_row - 1
    if last >= first:
        status_col = next(i for i, c in enumerate(columns, 1) if c.title == "完成状态")
        letter = get_column_letter(status_col)
        dv = DataValidation(type="list", formula1='"' + ",".join(rules.STATUSES) + '"', allow_blank=True,
                            showErrorMessage=True, errorTitle="完成状态",
                            error="请从列表中选择：" + "、".join(rules.STATUSES))
        dv.add(f"{letter}{first}:{letter}{last}")
        ws.add_data_validation(dv)
        if not m.closed:
            for i, col in enumerate(columns, 1):
                if col.title in DISPATCH_INPUT:
                    for row in range(first, last + 1):
                        ws.cell(row, i).protection = Protection(locked=False)
    table.finish(protect=True)
    save_workbook(wb, path)
    return len(m.rows)
