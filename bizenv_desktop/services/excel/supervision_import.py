"""Importing a 督办事项台账 (ledger of supervised items) as offices keep it: read, plan, apply.

read_supervision_ledger() reads with the indicator import's helpers: open_workbook (file
checks), read_grid (merged cells filled in), find_header and header_texts (one- or two-level
headers, spaced text), title_above, the page-number and 注/抄送/印发 rules and
parse_division_cell (several units in a cell). Dates may be date cells, Excel serial numbers
or text (2024.6.3, 2024/6/3, 2024年6月3日); a 办结时限 that is not a plain date is kept as
written, with the date core.deadline_text reads from it. plan_supervision_import() lists what
apply_supervision_import() writes in one Workspace.apply: items are matched by 编号, else by
content and date received; changed fields are updated, statuses only move forward, empty
cells never erase and nothing is deleted, so importing the same file again writes nothing.
New items are checked row by row and written together (supervision.ItemBatch): a 10 000-row
ledger is read and written in well under twice the time openpyxl alone takes to read it.
"""
from __future__ import annotations

import gc
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...core.deadline_text import derive_deadline
from ...core import messages
from ...core.errors import InvalidInput
from ...core.progress import Progress, every
from ...core.workdays import WorkCalendar
from ..supervision import LEDGER_FIELDS, STATUS_DATES, STATUSES
from .columns import norm
from .divisions_cell import parse_division_cell
from .indicator_read import _PAGE, _TRAILER
from .preview import Note
from .sheet_grid import HEADER_SEARCH_ROWS, Grid, find_header, header_texts, read_grid, title_above
from .workbook import damaged, get_sheet, open_workbook, where_sheets

FIELD_NAMES = {"seq": "序号", "no": "编号", "source": "来源", "received": "交办日期", "content": "事项内容",
               "lead": "牵头处室", "cooperate": "配合处室", "responsible": "责任处室", "deadline": "办结时限",
               "progress": "办理进度", "status": "状态", "closure": "办结情况", "note": "备注", "person": "责任人",
               "signed_on": "签收日期", "done_on": "办结日期", "reported_on": "报结日期", "closed_on": "销号日期",
               "requirements": "督办内容及要求", "supervision_type": "督办类型", "urgency": "紧急程度",
               "leader": "分管领导", "feedback_cycle": "反馈周期", "completion": "完成进度", "urge_count": "催办次数"}
_RULES = (  # the first rule with a word in the header text wins; the lowest header row decides
    ("seq", ("序号",)), ("no", ("编号", "文号", "督办号", "单号")), ("urge_count", ("催办次数", "催办次", "催办（次）")),
    ("status", ("状态", "是否办结", "办理结果类型")),
    # 分管（厅）领导 are people: never read as lead divisions (牵头), never as 责任人 either
    ("leader", ("分管领导", "分管厅领导", "分管局领导", "厅领导", "局领导", "牵头领导", "分管负责同志", "包保领导", "领导")),
    ("urgency", ("紧急程度", "缓急程度", "缓急", "紧急")),
    ("feedback_cycle", ("反馈周期", "反馈频次", "反馈频率", "报送周期", "报送频次", "调度频次", "反馈时间要求")),
    ("person", ("责任人", "联系人", "经办人", "负责人")), ("signed_on", ("签收日期", "签收时间")),
    ("done_on", ("办结日期", "办结时间", "完成日期", "实际完成")), ("reported_on", ("报结日期", "报结时间")),
    ("closed_on", ("销号日期", "销号时间")), ("deadline", ("时限", "期限", "截止", "完成时间", "要求完成")),
    ("received", ("交办日期", "交办时间", "收文日期", "接收日期", "受理日期", "登记日期", "下达日期")),
    ("source", ("来源", "交办单位", "交办部门", "交办机关")),
    ("supervision_type", ("督办类型", "督办类别", "事项类型", "事项类别", "交办类型", "督办方式", "类型", "类别")),
    ("requirements", ("督办内容及要求", "内容及要求", "督办要求", "办理要求", "工作要求", "具体要求", "整改要求")),
    ("lead", ("牵头",)), ("cooperate", ("配合", "协办", "协助")),
    ("responsible", ("责任", "承办", "主办", "办理处室", "办理单位")),
    ("closure", ("办结情况", "办结报告", "办理结果", "整改结果")),
    ("completion", ("完成进度", "完成比例", "完成率", "完成百分比", "进度（%）", "进度(%)", "完成情况（%）")),
    ("progress", ("进度", "进展", "办理情况", "落实情况", "推进情况", "整改情况")), ("note", ("备注", "说明")),
    ("content", ("内容", "事项", "问题", "任务")))
_MULTI = ("lead", "cooperate", "responsible")
_KEYS = ("no", "seq", "received", "status", "deadline")  # a row with none of these continues the item above
_STATUS_WORDS = {
    "待签收": ("待签收", "未签收", "待办理", "未办理", "新交办", "待接收", "未开始"),
    "办理中": ("办理中", "正在办理", "在办", "推进中", "正在推进", "进行中", "已签收", "未办结", "未完成", "整改中",
            "持续推进", "落实中", "否"),
    "已办结": ("已办结", "办结", "已完成", "完成", "已整改", "已落实", "是", "已办理", "办理完毕", "已解决", "整改完成"),
    "已报结": ("已报结", "报结", "已上报"),
    "已销号": ("已销号", "销号", "已关闭", "关闭", "已结案", "已销账", "销账", "已销项", "销项", "已办结销号")}
_STATUS = {norm(w): s for s, words in _STATUS_WORDS.items() for w in words}
_DONE = STATUSES.index("已办结")
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:[ T]\d{1,2}:\d\d(?::\d\d)?)?$")


messages.register({
    "ledger_import.no_header": ("“{name}”的{where}中找不到督办事项台账的表头（应有“事项内容”或“督办事项”，以及“编号”“牵头处室”“办结时限”等列名）。请确认选对了文件和工作表，或把事项内容所在列的表头改为“事项内容”。",
                                "No supervision ledger header was found in {where} of “{name}” (it should have "
                                "“事项内容” or “督办事项”, and columns such as “编号” “牵头处室” “办结时限”). Check "
                                "that you chose the right file and sheet, or rename the header of the content "
                                "column to “事项内容”."),
    "ledger_import.no_items": ("“{name}”工作表“{sheet}”第 {row} 行的表头下方没有读到任何督办事项（每个事项须有事项内容）。请确认选对了工作表，并检查表格内容。",
                               "No supervision item was read below the header in row {row} of sheet “{sheet}” of "
                               "“{name}” (each item needs its content). Check that you chose the right sheet, and "
                               "check the table."),
})


def field_of(text: str) -> str:
    t = norm(text)
    if t in ("序号", "序", "no", "no.", "#"):
        return "seq"
    return next((f for f, words in _RULES if any(w in t for w in words)), "") if t else ""


@lru_cache(maxsize=4096)  # a ledger repeats its dates: read each once
def parse_date(text: str) -> str | None:
    """ISO date of '2024-06-03', '2024.6.3', '2024/6/3', '2024年6月3日', '20240603' or an
    Excel serial number (1970–2099); None when the text is no date of 1900–2099."""
    t = unicodedata.normalize("NFKC", text).strip()
    m = _DATE.match(t) or re.fullmatch(r"(\d{4})(\d\d)(\d\d)", t)
    try:
        if m and 1900 <= int(m.group(1)) <= 2099:  # far years are typing errors (and overflow date arithmetic)
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        if re.fullmatch(r"\d{5}(?:\.\d+)?", t) and 25569 <= float(t) < 73051:
            return (date(1899, 12, 30) + timedelta(days=int(float(t)))).isoformat()
    except ValueError:
        pass
    return None


def status_of(text: str) -> str | None:
    """The workflow status a status cell names, None if none: the whole text, else the longest
    word of two or more characters in it ('尚未办结' is 办理中, not 已办结)."""
    t = norm(text)
    if t in _STATUS:
        return _STATUS[t]
    found = [w for w in _STATUS if len(w) > 1 and w in t]
    return _STATUS[max(found, key=len)] if found else None


@dataclass
class LedgerItem:
    row: int
    no: str = ""
    source: str = ""
    content: str = ""
    received: str = ""          # ISO date or ''
    deadline: str = ""          # ISO date given or read from deadline_text, '' if none
    deadline_text: str = ""     # the deadline as written when it is not a plain date
    lead: list[str] = field(default_factory=list)
    cooperating: list[str] = field(default_factory=list)
    groups: set[str] = field(default_factory=set)   # names that stand for several divisions
    status: str = STATUSES[0]
    status_given: bool = False
    progress: str = ""
    closure: str = ""
    note: str = ""
    dates: dict[str, str] = field(default_factory=dict)  # signed_on … closed_on from their columns
    ledger: dict[str, Any] = field(default_factory=dict)  # LEDGER_FIELDS as read (督办内容及要求 …)
    no_from_seq: bool = False   # the ledger has no 编号: its 序号 is the item's number
    reference: str = ""         # the day a text deadline is read from (交办日期, else 1 January of the document's year)

    def to_json(self, no: str | None = None) -> dict[str, Any]:
        return {"no": self.no if no is None else no, "source": self.source, "content": self.content,
                "lead": self.lead, "cooperating": self.cooperating, "received": self.received or None,
                "deadline": self.deadline or None, "deadline_text": self.deadline_text, "status": self.status,
                "progress": self.progress, "note": self.note,
                **{f: self.ledger.get(f, 0 if f == "urge_count" else "") for f in LEDGER_FIELDS}}


@dataclass
class LedgerPreview:
    path: Path
    sheet: str
    sheets: list[str]
    title: str
    header_rows: tuple[int, int]
    columns: dict[int, str]                 # {column number: field}
    headers: list[str]                      # header text of each column (two levels joined by ' / ')
    items: list[LedgerItem] = field(default_factory=list)
    warnings: list[Note] = field(default_factory=list)
    skipped: list[Note] = field(default_factory=list)  # page numbers, repeated headers, 注 rows
    year_hint: int | None = None  # the document's year (title, 注 rows): for deadlines of items with no 交办日期

    def to_json(self, numbers: dict[int, str] | None = None, more: list[str] | None = None,
                units: Any = None) -> dict[str, Any]:
        """The items as read (numbers: 编号 in the database by row; units: a UnitMap, to give lead
        and cooperating as mapped) and the warnings (more: those of planning or applying)."""
        from .supervision_apply import mapped_units

        numbers = numbers or {}
        items = []
        for i in self.items:
            entry = i.to_json(numbers.get(i.row))
            if units is not None:
                entry["lead"], entry["cooperating"] = mapped_units(i, units)
            items.append(entry)
        return {"items": items, "warnings": [str(w) for w in self.warnings] + list(more or [])}


messages.register({
    "ledger_import.no_header": ("“{name}”的{where}中找不到督办事项台账的表头（应有“事项内容”或“督办事项”，以及“编号”“牵头处室”“办结时限”等列名）。请确认选对了文件和工作表，或把事项内容所在列的表头改为“事项内容”。",
                                "No supervision ledger header was found in {where} of “{name}” (it should have "
                                "“事项内容” or “督办事项”, and columns such as “编号” “牵头处室” “办结时限”). Check "
                                "that you chose the right file and sheet, or rename the header of the content "
                                "column to “事项内容”."),
    "ledger_import.no_items": ("“{name}”工作表“{sheet}”第 {row} 行的表头下方没有读到任何督办事项（每个事项须有事项内容）。请确认选对了工作表，并检查表格内容。",
                               "No supervision item was read below the header in row {row} of sheet “{sheet}” of "
                               "“{name}” (each item needs its content). Check that you chose the right sheet, and "
                               "check the table."),
})


def _fields(texts: list[list[str]]) -> dict[int, str]:
    out: dict[int, str] = {}
    for c, column in enumerate(texts, 1):
        found = next((f for f in (field_of(t) for t in reversed(column)) if f), "")
        if found and (found in _MULTI or found not in out.values()):
            out[c] = found
    if "content" not in out.values():  # 督办内容及要求 is then the item itself
        for c, f in out.items():
            if f == "requirements":
                out[c] = "content"
                break
    return out


messages.register({
    "ledger_import.no_header": ("“{name}”的{where}中找不到督办事项台账的表头（应有“事项内容”或“督办事项”，以及“编号”“牵头处室”“办结时限”等列名）。请确认选对了文件和工作表，或把事项内容所在列的表头改为“事项内容”。",
                                "No supervision ledger header was found in {where} of “{name}” (it should have "
                                "“事项内容” or “督办事项”, and columns such as “编号” “牵头处室” “办结时限”). Check "
                                "that you chose the right file and sheet, or rename the header of the content "
                                "column to “事项内容”."),
    "ledger_import.no_items": ("“{name}”工作表“{sheet}”第 {row} 行的表头下方没有读到任何督办事项（每个事项须有事项内容）。请确认选对了工作表，并检查表格内容。",
                               "No supervision item was read below the header in row {row} of sheet “{sheet}” of "
                               "“{name}” (each item needs its content). Check that you chose the right sheet, and "
                               "check the table."),
})


def _header(grid: Grid) -> tuple[int, int] | None:
    """(first, last) header row: find_header's, else the first row naming 事项内容 and another
    column; a row of short column names under merged group titles joins it."""
    found = find_header(grid)
    for r in ([found[0]] if found else []) + list(range(1, min(grid.nrows, HEADER_SEARCH_ROWS) + 1)):
        last = found[1] if found and r == found[0] else r
        for c in range(1, grid.ncols + 1):
            b = grid.merge_of.get((r, c))
            if b and b[0] == r and b[2] > r:
                last = max(last, min(b[2], r + 2, grid.nrows))
        if last == r and r < grid.nrows:
            under = {c for c in range(1, grid.ncols + 1)
                     if (b := grid.merge_of.get((r, c))) and b[0] == r and b[3] > b[1]}
            below = [c for c in range(1, grid.ncols + 1) if grid.text(r + 1, c)]
            if below and set(below) <= under and all(field_of(grid.text(r + 1, c)) for c in below):
                last = r + 1
        fields = set(_fields(header_texts(grid, r, last)).values())
        if "content" in fields and len(fields) >= 2:
            return r, last
    return None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a whole ledger is read or written: the work makes
    hundreds of thousands of objects that stay alive (rows, images for undo), which the collector
    would walk over and over (a fifth of the time) without freeing any."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


messages.register({
    "ledger_import.no_header": ("“{name}”的{where}中找不到督办事项台账的表头（应有“事项内容”或“督办事项”，以及“编号”“牵头处室”“办结时限”等列名）。请确认选对了文件和工作表，或把事项内容所在列的表头改为“事项内容”。",
                                "No supervision ledger header was found in {where} of “{name}” (it should have "
                                "“事项内容” or “督办事项”, and columns such as “编号” “牵头处室” “办结时限”). Check "
                                "that you chose the right file and sheet, or rename the header of the content "
                                "column to “事项内容”."),
    "ledger_import.no_items": ("“{name}”工作表“{sheet}”第 {row} 行的表头下方没有读到任何督办事项（每个事项须有事项内容）。请确认选对了工作表，并检查表格内容。",
                               "No supervision item was read below the header in row {row} of sheet “{sheet}” of "
                               "“{name}” (each item needs its content). Check that you chose the right sheet, and "
                               "check the table."),
})


def read_supervision_ledger(path: str | Path, sheet: str | None = None,
                            progress: Progress | None = None) -> LedgerPreview:
    """Read the ledger in path (the first sheet with one, visible sheets first, or the named
    sheet). Raises InvalidInput for unreadable files, a missing sheet, no header or no items.
    progress: before each sheet read (core/progress.py)."""
    with _collector_paused():
        return _read_ledger(Path(path), sheet, every(progress, 1))


messages.register({
    "ledger_import.no_header": ("“{name}”的{where}中找不到督办事项台账的表头（应有“事项内容”或“督办事项”，以及“编号”“牵头处室”“办结时限”等列名）。请确认选对了文件和工作表，或把事项内容所在列的表头改为“事项内容”。",
                                "No supervision ledger header was found in {where} of “{name}” (it should have "
                                "“事项内容” or “督办事项”, and columns such as “编号” “牵头处室” “办结时限”). Check "
                                "that you chose the right file and sheet, or rename the header of the content "
                                "column to “事项内容”."),
    "ledger_import.no_items": ("“{name}”工作表“{sheet}”第 {row} 行的表头下方没有读到任何督办事项（每个事项须有事项内容）。请确认选对了工作表，并检查表格内容。",
                               "No supervision item was read below the header in row {row} of sheet “{sheet}” of "
                               "“{name}” (each item needs its content). Check that you chose the right sheet, and "
                               "check the table."),
})


def _read_ledger(p: Path, sheet: str | None, report: Progress) -> LedgerPreview:
    wb = open_workbook(p, read_only=True)
    try:
        candidates = [get_sheet(wb, sheet, p.name)] if sheet is not None else \
            sorted(wb.worksheets, key=lambda s: s.sheet_state != "visible")
        for n, ws in enumerate(candidates):
            report(n, len(candidates), ws.title)
            try:  # a read-only sheet is parsed only now: damage shows here
                grid = read_grid(ws)
            except Exception as exc:
                raise damaged(p.name, exc, ws.title) from None
            found = _header(grid)
            if found:
                return _read(p, ws.title, wb.sheetnames, grid, found)
    finally:
        wb.close()
    raise InvalidInput("ledger_import.no_header", name=p.name, where=where_sheets(sheet, wb.sheetnames))


messages.register({
    "ledger_import.no_header": ("“{name}”的{where}中找不到督办事项台账的表头（应有“事项内容”或“督办事项”，以及“编号”“牵头处室”“办结时限”等列名）。请确认选对了文件和工作表，或把事项内容所在列的表头改为“事项内容”。",
                                "No supervision ledger header was found in {where} of “{name}” (it should have "
                                "“事项内容” or “督办事项”, and columns such as “编号” “牵头处室” “办结时限”). Check "
                                "that you chose the right file and sheet, or rename the header of the content "
                                "column to “事项内容”."),
    "ledger_import.no_items": ("“{name}”工作表“{sheet}”第 {row} 行的表头下方没有读到任何督办事项（每个事项须有事项内容）。请确认选对了工作表，并检查表格内容。",
                               "No supervision item was read below the header in row {row} of sheet “{sheet}” of "
                               "“{name}” (each item needs its content). Check that you chose the right sheet, and "
                               "check the table."),
})


def _read(p: Path, sheet: str, sheets: list[str], g: Grid, header: tuple[int, int]) -> LedgerPreview:
    texts = header_texts(g, *header)
    cols = _fields(texts)
    pv = LedgerPreview(p, sheet, sheets, title_above(g, header[0]), header, cols, [" / ".join(t) for t in texts])
    words = {norm(t) for col in texts for t in col} | {norm(n) for n in FIELD_NAMES.values()}
    keys = [c for c, f in cols.items() if f in _KEYS]
    content_col = next(c for c, f in cols.items() if f == "content")
    seen: dict[str, LedgerItem] = {}
    item: LedgerItem | None = None
    trailer = ""
    parts: dict[int, dict[str, str]] = {}  # item row -> {field: text} as read
    known: dict[str, bool] = {}  # text -> whether it is a header word (the same texts come again and again)
    for r in range(header[1] + 1, g.nrows + 1):
        row = g.rows[r - 1]
        present = [t for t in row[:len(texts)] if t]
        note, end = _skip_note(present, pv.title, words, known)
        if note:
            pv.skipped.append(Note(sheet, r, None, note))
        if end:
            trailer = " ".join(t for row_texts in g.rows[r - 1:] for t in row_texts if t)
            break
        if note or not present:
            continue
        if item is not None and (g.continues_above(r, content_col)
                                 or keys and not any(c <= len(row) and row[c - 1] for c in keys)):
            for f, text in _cells(g, r, cols, merged=False).items():  # a line of the item above (wrapped text)
                old = parts[item.row].get(f, "")
                parts[item.row][f] = old + ("、" if f in _MULTI else "\n") + text if old else text
            continue
        cells = _cells(g, r, cols, merged=True)  # a date or division merged over several items is each one's
        if "content" not in cells:
            if set(cells) - {"seq"}:
                pv.warnings.append(Note(sheet, r, content_col, "这一行没有事项内容，已跳过；如是事项，请填写事项内容"))
            continue
        item = LedgerItem(r)
        parts[r] = cells
        pv.items.append(item)
    pv.year_hint = _year_of(pv.title) or _year_of(trailer)
    first_col = {f: c for c, f in sorted(cols.items(), reverse=True)}
    numbered = "no" in cols.values()
    for it in pv.items:
        _fill(pv, it, parts[it.row], first_col, numbered)
        key = _key(it)
        if key in seen:
            what = "编号相同" if it.no and not it.no_from_seq else "事项内容和交办日期相同"
            pv.warnings.append(Note(sheet, it.row, None, f"与第 {seen[key].row} 行是同一事项（{what}），已跳过"))
        seen.setdefault(key, it)
    pv.items = [it for it in pv.items if seen[_key(it)] is it]
    if not pv.items:
        raise InvalidInput("ledger_import.no_items", name=p.name, sheet=sheet, row=header[1])
    return pv


messages.register({
    "ledger_import.no_header": ("“{name}”的{where}中找不到督办事项台账的表头（应有“事项内容”或“督办事项”，以及“编号”“牵头处室”“办结时限”等列名）。请确认选对了文件和工作表，或把事项内容所在列的表头改为“事项内容”。",
                                "No supervision ledger header was found in {where} of “{name}” (it should have "
                                "“事项内容” or “督办事项”, and columns such as “编号” “牵头处室” “办结时限”). Check "
                                "that you chose the right file and sheet, or rename the header of the content "
                                "column to “事项内容”."),
    "ledger_import.no_items": ("“{name}”工作表“{sheet}”第 {row} 行的表头下方没有读到任何督办事项（每个事项须有事项内容）。请确认选对了工作表，并检查表格内容。",
                               "No supervision item was read below the header in row {row} of sheet “{sheet}” of "
                               "“{name}” (each item needs its content). Check that you chose the right sheet, and "
                               "check the table."),
})


def _key(it: LedgerItem) -> str:
    """What makes two rows one item: the 编号, else (a 序号 restarts in each part of a ledger)
    the content and the date received."""
    return it.no if it.no and not it.no_from_seq else f"{it.content}\x1f{it.received}"


messages.register({
    "ledger_import.no_header": ("“{name}”的{where}中找不到督办事项台账的表头（应有“事项内容”或“督办事项”，以及“编号”“牵头处室”“办结时限”等列名）。请确认选对了文件和工作表，或把事项内容所在列的表头改为“事项内容”。",
                                "No supervision ledger header was found in {where} of “{name}” (it should have "
                                "“事项内容” or “督办事项”, and columns such as “编号” “牵头处室” “办结时限”). Check "
                                "that you chose the right file and sheet, or rename the header of the content "
                                "column to “事项内容”."),
    "ledger_import.no_items": ("“{name}”工作表“{sheet}”第 {row} 行的表头下方没有读到任何督办事项（每个事项须有事项内容）。请确认选对了工作表，并检查表格内容。",
                               "No supervision item was read below the header in row {row} of sheet “{sheet}” of "
                               "“{name}” (each item needs its content). Check that you chose the right sheet, and "
                               "check the table."),
})


def _year_of(text: str) -> int | None:
    found = re.search(r"(?<!\d)(20\d\d)\s*年", text or "")
    return int(found.group(1)) if found else None


messages.register({
    "ledger_import.no_header": ("“{name}”的{where}中找不到督办事项台账的表头（应有“事项内容”或“督办事项”，以及“编号”“牵头处室”“办结时限”等列名）。请确认选对了文件和工作表，或把事项内容所在列的表头改为“事项内容”。",
                                "No supervision ledger header was found in {where} of “{name}” (it should have "
                                "“事项内容” or “督办事项”, and columns such as “编号” “牵头处室” “办结时限”). Check "
                                "that you chose the right file and sheet, or rename the header of the content "
                                "column to “事项内容”."),
    "ledger_import.no_items": ("“{name}”工作表“{sheet}”第 {row} 行的表头下方没有读到任何督办事项（每个事项须有事项内容）。请确认选对了工作表，并检查表格内容。",
                               "No supervision item was read below the header in row {row} of sheet “{sheet}” of "
                               "“{name}” (each item needs its content). Check that you chose the right sheet, and "
                               "check the table."),
})


def _cells(g: Grid, r: int, cols: dict[int, str], merged: bool) -> dict[str, str]:
    """{field: text} of row r (merged: with cells merged from rows above); several division
    columns of one kind are joined."""
    out: dict[str, str] = {}
    row = g.rows[r - 1]  # (g.text(r, c) without a call per cell)
    for c, f in cols.items():
        text = row[c - 1] if c <= len(row) else ""
        if text and (merged or not g.continues_above(r, c)):
            out[f] = out[f] + "、" + text if f in out else text
    return out


messages.register({
    "ledger_import.no_header": ("“{name}”的{where}中找不到督办事项台账的表头（应有“事项内容”或“督办事项”，以及“编号”“牵头处室”“办结时限”等列名）。请确认选对了文件和工作表，或把事项内容所在列的表头改为“事项内容”。",
                                "No supervision ledger header was found in {where} of “{name}” (it should have "
                                "“事项内容” or “督办事项”, and columns such as “编号” “牵头处室” “办结时限”). Check "
                                "that you chose the right file and sheet, or rename the header of the content "
                                "column to “事项内容”."),
    "ledger_import.no_items": ("“{name}”工作表“{sheet}”第 {row} 行的表头下方没有读到任何督办事项（每个事项须有事项内容）。请确认选对了工作表，并检查表格内容。",
                               "No supervision item was read below the header in row {row} of sheet “{sheet}” of "
                               "“{name}” (each item needs its content). Check that you chose the right sheet, and "
                               "check the table."),
})


def _skip_note(present: list[str], title: str, words: set[str], known: dict[str, bool] | None = None
               ) -> tuple[str, bool]:
    """(why a row with these texts is no item, whether the table ends there): 注 / 抄送 / 印发,
    page numbers, the title or the header repeated where a page broke, group titles."""
    distinct = list(dict.fromkeys(present))
    if present and _TRAILER.search(present[0]):
        return "从这一行起是注释、抄送或印发，不属于台账，已忽略", True
    if len(distinct) == 1 and _PAGE.match(distinct[0]):
        return f"这一行是页码（{distinct[0]}），已跳过", False
    if len(distinct) == 1 and title and norm(distinct[0]) == norm(title):
        return "这一行重复了表格标题，已跳过", False
    if len(distinct) == 1 and len(present) > 1:
        return f"这一行是分组标题（{distinct[0][:20]}），已跳过", False
    if _repeats_header(present, words, {} if known is None else known):
        return "这一行是重复的表头（换页处），已跳过", False
    return "", False


messages.register({
    "ledger_import.no_header": ("“{name}”的{where}中找不到督办事项台账的表头（应有“事项内容”或“督办事项”，以及“编号”“牵头处室”“办结时限”等列名）。请确认选对了文件和工作表，或把事项内容所在列的表头改为“事项内容”。",
                                "No supervision ledger header was found in {where} of “{name}” (it should have "
                                "“事项内容” or “督办事项”, and columns such as “编号” “牵头处室” “办结时限”). Check "
                                "that you chose the right file and sheet, or rename the header of the content "
                                "column to “事项内容”."),
    "ledger_import.no_items": ("“{name}”工作表“{sheet}”第 {row} 行的表头下方没有读到任何督办事项（每个事项须有事项内容）。请确认选对了工作表，并检查表格内容。",
                               "No supervision item was read below the header in row {row} of sheet “{sheet}” of "
                               "“{name}” (each item needs its content). Check that you chose the right sheet, and "
                               "check the table."),
})


def _repeats_header(present: list[str], words: set[str], known: dict[str, bool]) -> bool:
    """True when two or more of the texts are header words (the header repeated where a page
    broke). known remembers each text's answer; texts neither known nor ASCII need NFKC (slow),
    so they come last, shortest first, and only while two can still be reached (a row's unique
    long text, its 事项内容, is then seldom normalized)."""
    n, costly = 0, []
    for t in present:
        is_word = known.get(t)
        if is_word is None:
            if len(t) > 40 or t.isascii():  # norm() of ASCII: the text without spaces, in lower case
                is_word = known[t] = len(t) <= 40 and "".join(t.split()).lower() in words
            else:
                costly.append(t)
                continue
        n += is_word
        if n >= 2:
            return True
    for i, t in enumerate(sorted(costly, key=len)):
        if n + len(costly) - i < 2:
            return False
        is_word = known.get(t)
        if is_word is None:
            is_word = known[t] = norm(t) in words
        n += is_word
        if n >= 2:
            return True
    return False


_SHOWN = re.compile(r"(.+?)\s*[（(]\d{4}-\d\d-\d\d[)）]")
_derive = lru_cache(maxsize=4096)(derive_deadline)  # the same few texts and dates, row after row
_WRITTEN_YEAR = re.compile(r"\d{4}\s*[年/.\-]")
_CALENDAR = WorkCalendar()  # the State Council's schedule; plan and apply read again with the user's overrides


messages.register({
    "ledger_import.no_header": ("“{name}”的{where}中找不到督办事项台账的表头（应有“事项内容”或“督办事项”，以及“编号”“牵头处室”“办结时限”等列名）。请确认选对了文件和工作表，或把事项内容所在列的表头改为“事项内容”。",
                                "No supervision ledger header was found in {where} of “{name}” (it should have "
                                "“事项内容” or “督办事项”, and columns such as “编号” “牵头处室” “办结时限”). Check "
                                "that you chose the right file and sheet, or rename the header of the content "
                                "column to “事项内容”."),
    "ledger_import.no_items": ("“{name}”工作表“{sheet}”第 {row} 行的表头下方没有读到任何督办事项（每个事项须有事项内容）。请确认选对了工作表，并检查表格内容。",
                               "No supervision item was read below the header in row {row} of sheet “{sheet}” of "
                               "“{name}” (each item needs its content). Check that you chose the right sheet, and "
                               "check the table."),
})


def _ADD(start: date, n: int) -> date:
    return _CALENDAR.add_workdays(start, n).day


messages.register({
    "ledger_import.no_header": ("“{name}”的{where}中找不到督办事项台账的表头（应有“事项内容”或“督办事项”，以及“编号”“牵头处室”“办结时限”等列名）。请确认选对了文件和工作表，或把事项内容所在列的表头改为“事项内容”。",
                                "No supervision ledger header was found in {where} of “{name}” (it should have "
                                "“事项内容” or “督办事项”, and columns such as “编号” “牵头处室” “办结时限”). Check "
                                "that you chose the right file and sheet, or rename the header of the content "
                                "column to “事项内容”."),
    "ledger_import.no_items": ("“{name}”工作表“{sheet}”第 {row} 行的表头下方没有读到任何督办事项（每个事项须有事项内容）。请确认选对了工作表，并检查表格内容。",
                               "No supervision item was read below the header in row {row} of sheet “{sheet}” of "
                               "“{name}” (each item needs its content). Check that you chose the right sheet, and "
                               "check the table."),
})


def text_deadline(text: str, reference: str, calendar: WorkCalendar | None = None) -> str:
    """The ISO date a written deadline names, read from reference (the date received, or 1 January
    of the document's year); with no reference only a deadline that writes its own year is read:
    never today's year. 'N个工作日' counts working days on calendar (the published schedule)."""
    cal = calendar or _CALENDAR
    if not reference and not _WRITTEN_YEAR.search(text):
        return ""
    start = date.fromisoformat(reference) if reference else date(2000, 1, 1)
    derived = _derive(text, start, _ADD) if cal is _CALENDAR else derive_deadline(
        text, start, lambda d, n: cal.add_workdays(d, n).day)
    if derived is not None and not reference and "工作日" in text:
        return ""  # N working days from an unknown day
    return derived.isoformat() if derived else ""


@lru_cache(maxsize=4096)
def _units(text: str, role: str) -> tuple[Any, ...]:
    """parse_division_cell, once per distinct cell."""
    return tuple(parse_division_cell(text, role)) if text else ()


messages.register({
    "ledger_import.no_header": ("“{name}”的{where}中找不到督办事项台账的表头（应有“事项内容”或“督办事项”，以及“编号”“牵头处室”“办结时限”等列名）。请确认选对了文件和工作表，或把事项内容所在列的表头改为“事项内容”。",
                                "No supervision ledger header was found in {where} of “{name}” (it should have "
                                "“事项内容” or “督办事项”, and columns such as “编号” “牵头处室” “办结时限”). Check "
                                "that you chose the right file and sheet, or rename the header of the content "
                                "column to “事项内容”."),
    "ledger_import.no_items": ("“{name}”工作表“{sheet}”第 {row} 行的表头下方没有读到任何督办事项（每个事项须有事项内容）。请确认选对了工作表，并检查表格内容。",
                               "No supervision item was read below the header in row {row} of sheet “{sheet}” of "
                               "“{name}” (each item needs its content). Check that you chose the right sheet, and "
                               "check the table."),
})


def _fill(pv: LedgerPreview, it: LedgerItem, cells: dict[str, str], col: dict[str, int], numbered: bool) -> None:
    def warn(f: str, message: str) -> None:
        pv.warnings.append(Note(pv.sheet, it.row, col.get(f), message))
    it.no = " ".join(cells.get("no", "").split())
    if not numbered and cells.get("seq", "").strip():  # no 编号 column: the 序号 bulletins cite is the number
        it.no, it.no_from_seq = " ".join(cells["seq"].split()), True
    for f in LEDGER_FIELDS[:-1]:
        text = cells.get(f, "").strip()
        if text:
            it.ledger[f] = " ".join(text.split()) if f != "requirements" else text
    count = cells.get("urge_count", "").strip()
    if count:
        number = re.search(r"\d+", unicodedata.normalize("NFKC", count))
        if number and int(number.group()) < 10**6:
            it.ledger["urge_count"] = int(number.group())
        elif count not in ("无", "/", "-", "—"):
            warn("urge_count", f"催办次数“{count}”不是数字，已按 0 次导入")
    it.source, it.content = cells.get("source", "").strip(), cells.get("content", "").strip()
    it.progress, it.closure, it.note = (cells.get(f, "").strip() for f in ("progress", "closure", "note"))
    for f in ("received", "signed_on", "done_on", "reported_on", "closed_on"):
        text = cells.get(f, "").strip()
        day = parse_date(text) if text else ""
        if day is None:
            warn(f, f"{FIELD_NAMES[f]}“{text}”不是日期，已留空；请按 2024-06-03 的样式填写")
        elif f == "received":
            it.received = day
        elif day:
            it.dates[f] = day
    deadline = " ".join(cells.get("deadline", "").split())
    shown = _SHOWN.fullmatch(deadline)  # '6月底前（2024-06-30）' as exported
    deadline = shown.group(1) if shown else deadline
    it.reference = it.received or (f"{pv.year_hint}-01-01" if pv.year_hint else "")
    if deadline:
        day = parse_date(deadline)
        it.deadline, it.deadline_text = (day, "") if day else (text_deadline(deadline, it.reference), deadline)
        if not day and not it.deadline and not it.reference and _derive(deadline, date(2000, 1, 1), _ADD):
            warn("deadline", f"办结时限“{deadline}”没有写年份，表中也没有交办日期和年份，未推算日期；请补填交办日期")
    for f, role in (("lead", "lead"), ("responsible", "responsible"), ("cooperate", "cooperate")):
        for unit in _units(cells.get(f, ""), role):
            names, name = it.cooperating if unit.role == "cooperate" else it.lead, " ".join(unit.name.split())
            if name and name not in names:
                names.append(name)
            if unit.is_group:
                it.groups.add(name)
    for name in [n for n in it.cooperating if n in it.lead]:
        it.cooperating.remove(name)
        warn("cooperate", f"“{name}”既是牵头处室又是配合处室，按牵头处室导入")
    text = cells.get("status", "").strip()
    found = status_of(text) if text else None
    it.status_given = found is not None
    if text and found is None:
        warn("status", f"状态“{text}”无法识别，按“{STATUSES[0]}”导入；可用的状态：{'、'.join(STATUSES)}")
    reached = [s for s in STATUSES[1:] if it.dates.get(STATUS_DATES[s])]
    it.status = found or (reached[-1] if reached and not text else STATUSES[0])
    previous = (it.received, FIELD_NAMES["received"])
    for s in STATUSES[1:STATUSES.index(it.status) + 1]:  # dates of steps reached, in order
        column = STATUS_DATES[s]
        day = it.dates.get(column, "")
        if day and previous[0] and day < previous[0]:
            warn(column, f"{FIELD_NAMES[column]}（{day}）早于{previous[1]}（{previous[0]}），已不采用；"
                         f"导入时按 {previous[0]} 之后记")
            del it.dates[column]
        elif day:
            previous = (day, FIELD_NAMES[column])
    if STATUSES.index(it.status) >= _DONE and not (it.closure or it.progress):  # 已办结 needs its report
        done = it.dates.get("done_on", "")
        warn("status", f"状态为“{it.status}”，但没有办结情况（办结报告），按“{STATUSES[_DONE - 1]}”导入"
                       + (f"（台账中的办结日期 {done} 未导入）" if done else "") + "；请补填办结报告后在程序中办结")
        it.status = STATUSES[_DONE - 1]
    if it.deadline and it.received and it.deadline < it.received:  # a deadline before receipt is refused
        warn("deadline", f"办结时限（{it.deadline_text or it.deadline}，即 {it.deadline}）早于交办日期（{it.received}），"
                         f"未导入该时限，原文已记入备注；请核实后在程序中填写")
        it.note = "；".join(filter(None, [it.note, f"原办结时限：{it.deadline_text or it.deadline}"]))
        it.deadline, it.deadline_text = "", ""


# planning and applying: supervision_apply (re-exported here, where the faces have always found them)
from .supervision_apply import (LedgerChange, LedgerChanges, apply_supervision_import,  # noqa: E402,F401
                                plan_supervision_import)
