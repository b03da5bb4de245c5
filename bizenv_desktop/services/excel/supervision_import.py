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
from ...core.errors import BizenvError, InvalidInput
from ...storage.changes import Writer
from ...storage.database import Database
from ..divisions import ensure_division
from ..supervision import STATUS_DATES, STATUSES, ItemBatch, NewItem
from .columns import norm
from .divisions_cell import parse_division_cell
from .indicator_read import _PAGE, _TRAILER
from .preview import Note
from .sheet_grid import HEADER_SEARCH_ROWS, Grid, find_header, header_texts, read_grid, title_above
from .workbook import damaged, get_sheet, open_workbook

FIELD_NAMES = {"seq": "序号", "no": "编号", "source": "来源", "received": "交办日期", "content": "事项内容",
               "lead": "牵头处室", "cooperate": "配合处室", "responsible": "责任处室", "deadline": "办结时限",
               "progress": "办理进度", "status": "状态", "closure": "办结情况", "note": "备注", "person": "责任人",
               "signed_on": "签收日期", "done_on": "办结日期", "reported_on": "报结日期", "closed_on": "销号日期"}
_RULES = (  # the first rule with a word in the header text wins; the lowest header row decides
    ("seq", ("序号",)), ("no", ("编号", "文号", "督办号", "单号")), ("status", ("状态", "是否办结")),
    ("person", ("责任人", "联系人", "经办人", "负责人")), ("signed_on", ("签收日期", "签收时间")),
    ("done_on", ("办结日期", "办结时间", "完成日期", "实际完成")), ("reported_on", ("报结日期", "报结时间")),
    ("closed_on", ("销号日期", "销号时间")), ("deadline", ("时限", "期限", "截止", "完成时间", "要求完成")),
    ("received", ("交办日期", "交办时间", "收文日期", "接收日期", "受理日期", "登记日期", "下达日期")),
    ("source", ("来源", "交办单位", "交办部门", "交办机关")), ("lead", ("牵头",)), ("cooperate", ("配合", "协办", "协助")),
    ("responsible", ("责任", "承办", "主办", "办理处室", "办理单位")),
    ("closure", ("办结情况", "办结报告", "办理结果", "整改结果")),
    ("progress", ("进度", "进展", "办理情况", "落实情况", "推进情况", "整改情况")), ("note", ("备注", "说明")),
    ("content", ("内容", "事项", "问题", "任务")))
_MULTI = ("lead", "cooperate", "responsible")
_KEYS = ("no", "seq", "received", "status", "deadline")  # a row with none of these continues the item above
_STATUS_WORDS = {
    "待签收": ("待签收", "未签收", "待办理", "未办理", "新交办", "待接收", "未开始"),
    "办理中": ("办理中", "正在办理", "在办", "推进中", "正在推进", "进行中", "已签收", "未办结", "未完成", "整改中",
            "持续推进", "落实中", "否"),
    "已办结": ("已办结", "办结", "已完成", "完成", "已整改", "已落实", "是"),
    "已报结": ("已报结", "报结", "已上报"), "已销号": ("已销号", "销号", "已关闭", "关闭", "已结案")}
_STATUS = {norm(w): s for s, words in _STATUS_WORDS.items() for w in words}
_DONE = STATUSES.index("已办结")
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:[ T]\d{1,2}:\d\d(?::\d\d)?)?$")


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

    def to_json(self, no: str | None = None) -> dict[str, Any]:
        return {"no": self.no if no is None else no, "source": self.source, "content": self.content,
                "lead": self.lead, "cooperating": self.cooperating, "received": self.received or None,
                "deadline": self.deadline or None, "deadline_text": self.deadline_text, "status": self.status}


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

    def to_json(self, numbers: dict[int, str] | None = None, more: list[str] | None = None) -> dict[str, Any]:
        numbers = numbers or {}
        return {"items": [i.to_json(numbers.get(i.row)) for i in self.items],
                "warnings": [str(w) for w in self.warnings] + list(more or [])}


def _fields(texts: list[list[str]]) -> dict[int, str]:
    out: dict[int, str] = {}
    for c, column in enumerate(texts, 1):
        found = next((f for f in (field_of(t) for t in reversed(column)) if f), "")
        if found and (found in _MULTI or found not in out.values()):
            out[c] = found
    return out


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


def read_supervision_ledger(path: str | Path, sheet: str | None = None) -> LedgerPreview:
    """Read the ledger in path (the first sheet with one, visible sheets first, or the named
    sheet). Raises InvalidInput for unreadable files, a missing sheet, no header or no items."""
    with _collector_paused():
        return _read_ledger(Path(path), sheet)


def _read_ledger(p: Path, sheet: str | None) -> LedgerPreview:
    wb = open_workbook(p, read_only=True)
    try:
        candidates = [get_sheet(wb, sheet, p.name)] if sheet is not None else \
            sorted(wb.worksheets, key=lambda s: s.sheet_state != "visible")
        for ws in candidates:
            try:  # a read-only sheet is parsed only now: damage shows here
                grid = read_grid(ws)
            except Exception as exc:
                raise damaged(p.name, exc, ws.title) from None
            found = _header(grid)
            if found:
                return _read(p, ws.title, wb.sheetnames, grid, found)
    finally:
        wb.close()
    where = f"工作表“{sheet}”" if sheet is not None else f"各工作表（{'、'.join(wb.sheetnames)}）"
    raise InvalidInput(f"“{p.name}”的{where}中找不到督办事项台账的表头（应有“事项内容”或“督办事项”，以及“编号”“牵头处室”"
                       f"“办结时限”等列名）。请确认选对了文件和工作表，或把事项内容所在列的表头改为“事项内容”。")


def _read(p: Path, sheet: str, sheets: list[str], g: Grid, header: tuple[int, int]) -> LedgerPreview:
    texts = header_texts(g, *header)
    cols = _fields(texts)
    pv = LedgerPreview(p, sheet, sheets, title_above(g, header[0]), header, cols, [" / ".join(t) for t in texts])
    words = {norm(t) for col in texts for t in col} | {norm(n) for n in FIELD_NAMES.values()}
    keys = [c for c, f in cols.items() if f in _KEYS]
    content_col = next(c for c, f in cols.items() if f == "content")
    seen: dict[str, LedgerItem] = {}
    item: LedgerItem | None = None
    parts: dict[int, dict[str, str]] = {}  # item row -> {field: text} as read
    known: dict[str, bool] = {}  # text -> whether it is a header word (the same texts come again and again)
    for r in range(header[1] + 1, g.nrows + 1):
        row = g.rows[r - 1]
        present = [t for t in row[:len(texts)] if t]
        note, end = _skip_note(present, pv.title, words, known)
        if note:
            pv.skipped.append(Note(sheet, r, None, note))
        if end:
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
    first_col = {f: c for c, f in sorted(cols.items(), reverse=True)}
    for it in pv.items:
        _fill(pv, it, parts[it.row], first_col)
        key = it.no or f"{it.content}\x1f{it.received}"
        if key in seen:
            what = "编号相同" if it.no else "事项内容和交办日期相同"
            pv.warnings.append(Note(sheet, it.row, None, f"与第 {seen[key].row} 行是同一事项（{what}），已跳过"))
        seen.setdefault(key, it)
    pv.items = [it for it in pv.items if seen[it.no or f"{it.content}\x1f{it.received}"] is it]
    if not pv.items:
        raise InvalidInput(f"“{p.name}”工作表“{sheet}”第 {header[1]} 行的表头下方没有读到任何督办事项（每个事项须有事项内容）。"
                           f"请确认选对了工作表，并检查表格内容。")
    return pv


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


@lru_cache(maxsize=4096)
def _units(text: str, role: str) -> tuple[Any, ...]:
    """parse_division_cell, once per distinct cell."""
    return tuple(parse_division_cell(text, role)) if text else ()


def _fill(pv: LedgerPreview, it: LedgerItem, cells: dict[str, str], col: dict[str, int]) -> None:
    def warn(f: str, message: str) -> None:
        pv.warnings.append(Note(pv.sheet, it.row, col.get(f), message))
    it.no = " ".join(cells.get("no", "").split())
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
    if deadline:
        day = parse_date(deadline)
        derived = None
        if day is None:
            derived = _derive(deadline, date.fromisoformat(it.received) if it.received else date.today())
        it.deadline, it.deadline_text = (day, "") if day else (derived.isoformat() if derived else "", deadline)
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
    if STATUSES.index(it.status) > _DONE and not (it.closure or it.progress):
        warn("status", f"状态为“{it.status}”，但没有办结情况（办结报告），按“已办结”导入；请补填办结报告后在程序中报结")
        it.status = STATUSES[_DONE]


# -- planning and applying -------------------------------------------------------------------

CHANGE_NAMES = {"no": "编号", "source": "来源", "content": "事项内容", "received_on": "交办日期", "progress": "办理进度",
                "note": "备注", "deadline": "办结时限", "lead": "牵头处室", "cooperating": "配合处室",
                "closure_report": "办结情况", "status": "状态"}


@dataclass
class LedgerChange:
    action: str                                  # create, update
    row: int                                     # the row of the ledger
    label: str
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # {field: (old, new)} of an update

    def describe(self) -> str:
        text = f"{'新建' if self.action == 'create' else '更新'}督办事项{self.label}（第 {self.row} 行）"
        return text + ("：" + "；".join(f"{CHANGE_NAMES[f]} {_short(o)} → {_short(n)}"
                                       for f, (o, n) in self.fields.items()) if self.fields else "")


def _short(value: Any) -> str:
    text = "、".join(value) if isinstance(value, list) else " ".join(str(value or "").split())
    return "（空）" if not text else text if len(text) <= 30 else text[:29] + "…"


@dataclass
class LedgerChanges:
    changes: list[LedgerChange] = field(default_factory=list)
    divisions: list[str] = field(default_factory=list)     # divisions the import creates
    warnings: list[str] = field(default_factory=list)
    numbers: dict[int, str] = field(default_factory=dict)  # ledger row -> 编号 in the database (after apply)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def summary(self) -> str:
        counts = [(sum(1 for c in self.changes if c.action == a), f"{verb} {{}} 项督办事项") for a, verb in
                  (("create", "新建"), ("update", "更新"))] + [(len(self.divisions), "新建 {} 个处室")]
        parts = [text.format(n) for n, text in counts if n]
        return "导入督办事项台账：" + "、".join(parts) + "。" if self.changes else "督办事项已与台账一致，不需要导入任何内容。"


def plan_supervision_import(db: Database, preview: LedgerPreview) -> LedgerChanges:
    """What importing preview would create and update (nothing is written)."""
    return _run(db, None, preview, date.today())


def apply_supervision_import(w: Writer, preview: LedgerPreview, today: date | None = None) -> LedgerChanges:
    """Write preview with the Writer of one Workspace.apply; an error names the row and undoes all.
    Steps reached without a date in the ledger are dated today (never before an earlier step)."""
    with _collector_paused():
        return _run(w.db, w, preview, today or date.today())


def _run(db: Database, w: Writer | None, pv: LedgerPreview, today: date) -> LedgerChanges:
    out = LedgerChanges()
    rows = {r["id"]: dict(r) for r in db.query("SELECT * FROM supervision_item ORDER BY id")}
    units: dict[int, dict[str, list[str]]] = {i: {"lead": [], "cooperate": []} for i in rows}
    for r in db.query("SELECT s.item_id, s.role, d.name FROM supervision_division s JOIN division d"
                      " ON d.id = s.division_id ORDER BY s.position, s.id"):
        units[r[0]][r[1]].append(r[2])
    by_no = {r["no"]: r for r in rows.values() if r["no"]}
    by_key: dict[tuple[str, str], dict[str, Any]] = {}
    for stored in rows.values():
        by_key.setdefault((stored["content"], stored["received_on"]), stored)
    division_ids = {r[0]: r[1] for r in db.query("SELECT name, id FROM division")}
    known = set(division_ids)
    # new items are checked one by one and written together (one statement per few hundred rows)
    batch = ItemBatch(w, today) if w is not None else None
    used: dict[int, int] = {}
    for it in pv.items:
        row = (by_no.get(it.no) if it.no else None) or by_key.get((it.content, it.received))
        where = f"工作表“{pv.sheet}”第 {it.row} 行"
        if row is not None and row["id"] in used:
            out.warnings.append(f"{where}：与第 {used[row['id']]} 行是数据库中的同一事项，已跳过")
            continue
        fields = {} if row is None else _diff(it, row, units[row["id"]], out.warnings, where)
        if row is None or fields:
            label = f"“{(it.no + ' ') if it.no else ''}{_short(it.content)}”"
            out.changes.append(LedgerChange("create" if row is None else "update", it.row, label, fields))
            out.divisions += [n for n in dict.fromkeys(it.lead + it.cooperating) if n not in known]
            known.update(it.lead + it.cooperating)
        if row is not None:
            used[row["id"]] = it.row
        if batch is None or not (row is None or fields):
            out.numbers[it.row] = row["no"] if row is not None else ""
            continue
        try:
            out.numbers[it.row] = _write(batch, division_ids, it, row, fields, today)
        except BizenvError as exc:
            raise InvalidInput(f"“{pv.path.name}”{where}不能导入：{exc} 整个台账未导入任何内容；"
                               f"请在表中改正该行后重新导入。") from None
    if batch is not None:
        batch.flush()
    return out


def _diff(it: LedgerItem, row: dict[str, Any], units: dict[str, list[str]], warnings: list[str],
          where: str) -> dict[str, tuple[Any, Any]]:
    wanted = {"no": it.no, "source": it.source, "content": it.content, "received_on": it.received,
              "progress": it.progress, "note": it.note}
    fields: dict[str, tuple[Any, Any]] = {k: (row[k], v) for k, v in wanted.items() if v and v != row[k]}
    if (it.deadline_text and it.deadline_text != row["deadline_text"]) or (
            not it.deadline_text and it.deadline and (it.deadline != row["deadline"] or row["deadline_text"])):
        fields["deadline"] = (row["deadline_text"] or row["deadline"], it.deadline_text or it.deadline)
    lead = it.lead or units["lead"]
    coop = it.cooperating or [n for n in units["cooperate"] if n not in lead]
    for key, old, new in (("lead", units["lead"], lead), ("cooperating", units["cooperate"], coop)):
        if new != old:  # the other list stays as stored, which never overlaps this one
            fields[key] = (old, new)
    step, target = STATUSES.index(row["status"]), STATUSES.index(it.status)
    if target > step:
        fields["status"] = (row["status"], it.status)
    elif target < step and it.status_given:
        warnings.append(f"{where}：数据库中该事项已是“{row['status']}”，表中为“{it.status}”，状态未改回")
    if target <= step and step >= _DONE and it.closure and it.closure != row["closure_report"]:
        fields["closure_report"] = (row["closure_report"], it.closure)
    return fields


def _write(batch: ItemBatch, division_ids: dict[str, int], it: LedgerItem, row: dict[str, Any] | None,
           fields: dict[str, tuple[Any, Any]], today: date) -> str:
    """Create or update the item of ledger row it; returns its number."""
    def ids(names: list[str]) -> list[int]:
        for n in names:
            if n not in division_ids:
                division_ids[n] = ensure_division(batch.w, n, "group" if n in it.groups else "division")
        return [division_ids[n] for n in names]
    item: NewItem | int
    if row is None:
        item = batch.add_item(it.content, no=it.no, source=it.source, received_on=it.received,
                              deadline=it.deadline_text or it.deadline, lead=ids(it.lead),
                              cooperating=ids(it.cooperating), progress=it.progress, note=it.note)
        current = item.current
    else:
        item = item_id = int(row["id"])
        values = {k: ids(new) if k in ("lead", "cooperating") else new for k, (_old, new) in fields.items()
                  if k != "status"}
        if values:
            batch.update_item(item_id, **values)
        current = batch.w.get("supervision_item", item_id)  # type: ignore[assignment]
    assert current is not None
    floor = max((current[c] for c in STATUS_DATES.values() if current[c]), default="")
    for step in range(STATUSES.index(current["status"]) + 1, STATUSES.index(it.status) + 1):
        status = STATUSES[step]
        day = max(it.dates.get(STATUS_DATES[status]) or max(floor, today.isoformat()), floor)
        batch.advance(item, status, on=day, text=(it.closure or it.progress) if step >= _DONE else "")
        floor = day
    return item.current["no"] if isinstance(item, NewItem) else _row_no(batch, item)


def _row_no(batch: ItemBatch, item_id: int) -> str:
    row = batch.w.get("supervision_item", item_id)
    assert row is not None
    return row["no"]
