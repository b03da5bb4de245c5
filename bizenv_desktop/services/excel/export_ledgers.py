"""Excel exports of the running ledgers: 督办事项台账, 事件登记 and 修改记录 (audit trail).

The supervised items are read here with their own two queries (items, then divisions), so
this module does not depend on the supervision service. The audit sheet is protected (a
record, not a form); the supervision sheet offers the five statuses in its 状态 column.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ...core import messages
from ...core.errors import InvalidInput
from ...core.progress import Progress
from ...storage.database import Database
from ..audit import VERBS, describe, entity_name, field_name, iter_entries
from ..events import EVENT_KINDS, list_events
from .writing import Column, TableSheet, save_workbook, sheet_title

SUPERVISION_STATUSES = ("待签收", "办理中", "已办结", "已报结", "已销号")


messages.register({
    "excel.audit_too_many": ("符合条件的修改记录超过 {limit} 条，一个工作表放不下；请缩小日期范围后分批导出。",
                             "More than {limit} changes match: they do not fit in one sheet. Narrow the dates and "
                             "export in parts."),
})


def _today() -> str:
    return date.today().isoformat()


messages.register({
    "excel.audit_too_many": ("符合条件的修改记录超过 {limit} 条，一个工作表放不下；请缩小日期范围后分批导出。",
                             "More than {limit} changes match: they do not fit in one sheet. Narrow the dates and "
                             "export in parts."),
})


def _status_validation(ws: Any, column: int, first: int, last: int, statuses: tuple[str, ...],
                       title: str) -> None:
    letter = get_column_letter(column)
    dv = DataValidation(type="list", formula1='"' + ",".join(statuses) + '"', allow_blank=True,
                        showErrorMessage=True, errorTitle=title, error="请从列表中选择：" + "、".join(statuses))
    dv.add(f"{letter}{first}:{letter}{last}")
    ws.add_data_validation(dv)


messages.register({
    "excel.audit_too_many": ("符合条件的修改记录超过 {limit} 条，一个工作表放不下；请缩小日期范围后分批导出。",
                             "More than {limit} changes match: they do not fit in one sheet. Narrow the dates and "
                             "export in parts."),
})


def supervision_rows(db: Database) -> list[dict[str, Any]]:
    """Every supervised item with '牵头' and '配合' division names, by date received."""
    items = [dict(r) for r in db.query(
        "SELECT * FROM supervision_item ORDER BY received_on = '', received_on, no, id")]
    units: dict[int, dict[str, list[str]]] = {}
    for r in db.query("SELECT s.item_id, s.role, d.name FROM supervision_division s"
                      " JOIN division d ON d.id = s.division_id ORDER BY s.position, s.id"):
        units.setdefault(r["item_id"], {"lead": [], "cooperate": []})[r["role"]].append(r["name"])
    for item in items:
        u = units.get(item["id"], {"lead": [], "cooperate": []})
        item["lead"], item["cooperate"] = "、".join(u["lead"]), "、".join(u["cooperate"])
    return items


_LEDGER_COLUMNS = (("requirements", "督办内容及要求", 30), ("supervision_type", "督办类型", 10), ("urgency", "紧急程度", 9),
                   ("leader", "分管领导", 10), ("feedback_cycle", "反馈周期", 10), ("completion", "完成进度", 10),
                   ("urge_count", "催办次数", 9))


messages.register({
    "excel.audit_too_many": ("符合条件的修改记录超过 {limit} 条，一个工作表放不下；请缩小日期范围后分批导出。",
                             "More than {limit} changes match: they do not fit in one sheet. Narrow the dates and "
                             "export in parts."),
})


def export_supervision(db: Database, path: str | Path, progress: Progress | None = None) -> int:
    """交办督办事项台账: every item, with filter buttons and a 状态 list."""
    items = supervision_rows(db)
    columns = [Column("编号", 10, "center"), Column("来源", 12, "center"), Column("交办日期", 11, "center"),
               Column("事项内容", 40), Column("牵头处室", 12, "center"), Column("配合处室", 12, "center"),
               Column("办结时限", 14, "center"), Column("办理情况", 32), Column("状态", 9, "center"),
               Column("办结日期", 11, "center"), Column("备注", 16)]
    # the fields full ledgers carry, when any item has them (so the import reads them back)
    ledger = [(f, title, width) for f, title, width in _LEDGER_COLUMNS if any(i.get(f) for i in items)]
    columns += [Column(title, width, "center" if width < 12 else "left") for _f, title, width in ledger]
    open_items = sum(1 for i in items if i["status"] in SUPERVISION_STATUSES[:2])
    wb = Workbook()
    ws = wb.active
    ws.title = "督办事项台账"
    table = TableSheet(ws, "交办督办事项台账", columns,
                       f"共 {len(items)} 项，其中未办结 {open_items} 项　导出日期：{_today()}",
                       progress=progress, total=len(items))
    for item in items:
        deadline = item["deadline"]
        if item["deadline_text"]:
            deadline = f"{item['deadline_text']}（{deadline}）" if deadline else item["deadline_text"]
        note = item["note"]
        if item["accountability"]:
            note = "；".join(t for t in (note, f"追责：{item['accountability']}") if t)
        table.add_row([item["no"], item["source"], item["received_on"], item["content"], item["lead"],
                       item["cooperate"], deadline, item["progress"], item["status"], item["done_on"], note,
                       *(item[f] if f != "urge_count" or item[f] else "" for f, _t, _w in ledger)])
    if items:
        _status_validation(ws, 9, table.first_body_row, table.next_row - 1, SUPERVISION_STATUSES, "状态")
    table.finish(autofilter=True)
    save_workbook(wb, path)
    return len(items)


messages.register({
    "excel.audit_too_many": ("符合条件的修改记录超过 {limit} 条，一个工作表放不下；请缩小日期范围后分批导出。",
                             "More than {limit} changes match: they do not fit in one sheet. Narrow the dates and "
                             "export in parts."),
})


def export_events(db: Database, year: int | None, path: str | Path, progress: Progress | None = None) -> int:
    """事件登记: commendations, media reports, briefings and talks of year (all if None)."""
    events = list_events(db, year)
    columns = [Column("序号", 6, "center"), Column("日期", 11, "center"), Column("类别", 10, "center"),
               Column("级别", 8, "center"), Column("标题", 40), Column("媒体/会议", 20),
               Column("计入指标", 22), Column("备注", 24)]
    wb = Workbook()
    ws = wb.active
    what = f"{year}年度" if year is not None else "全部"
    ws.title = sheet_title(f"{what}事件登记")
    counts = {kind: sum(1 for e in events if e.kind == kind) for kind in EVENT_KINDS}
    subtitle = "，".join(f"{name} {counts[k]}" for k, name in EVENT_KINDS.items()) + f"　导出日期：{_today()}"
    table = TableSheet(ws, f"{what}通报表扬、媒体宣传、简报刊发、全省推广事件登记表", columns, subtitle,
                       progress=progress, total=len(events))
    for n, e in enumerate(events, 1):
        table.add_row([n, e.date, e.kind_name, e.level, e.title, e.outlet,
                       f"{e.indicator_code} {e.indicator_name}".strip(), e.note])
    table.finish(autofilter=True)
    save_workbook(wb, path)
    return len(events)


AUDIT_MAX_ROWS = 1_000_000  # one sheet holds 1,048,576 rows


messages.register({
    "excel.audit_too_many": ("符合条件的修改记录超过 {limit} 条，一个工作表放不下；请缩小日期范围后分批导出。",
                             "More than {limit} changes match: they do not fit in one sheet. Narrow the dates and "
                             "export in parts."),
})


def export_audit(db: Database, path: str | Path, progress: Progress | None = None, **filters: Any) -> int:
    """修改记录: the audit entries matching filters (date_from, date_to, entity, text, as
    services.audit.query takes them), newest first, on a protected sheet."""
    columns = [Column("时间", 18, "center"), Column("操作人", 10, "center"), Column("操作", 22),
               Column("对象", 10, "center"), Column("对象编号", 8, "center"), Column("字段", 12, "center"),
               Column("原值", 30), Column("新值", 30), Column("说明", 40)]
    wb = Workbook()
    ws = wb.active
    ws.title = "修改记录"
    parts = []
    if filters.get("date_from") or filters.get("date_to"):
        parts.append(f"{filters.get('date_from') or '…'} 至 {filters.get('date_to') or '…'}")
    if filters.get("entity"):
        parts.append(entity_name(str(filters["entity"])))
    if filters.get("text"):
        parts.append(f"含“{filters['text']}”")
    subtitle = ("；".join(parts) + "　" if parts else "") + f"导出日期：{_today()}"
    table = TableSheet(ws, "修改记录（审计日志）", columns, subtitle, max_row_height=90.0, progress=progress)
    count = 0
    for e in iter_entries(db, **filters):
        count += 1
        if count > AUDIT_MAX_ROWS:
            raise InvalidInput("excel.audit_too_many", limit=AUDIT_MAX_ROWS)
        table.add_row([e.at.replace("T", " "), e.user, e.label, entity_name(e.entity),
                       "" if e.entity_id is None else e.entity_id,
                       field_name(e.field) if e.field else VERBS[e.verb],
                       "" if e.old is None else e.old, "" if e.new is None else e.new, describe(e)])
    table.finish(protect=True, autofilter=True)
    save_workbook(wb, path)
    return count
