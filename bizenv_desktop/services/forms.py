"""Division fill-in forms of the monthly round (处室月调度表): make, read, preview, apply.

make_forms writes one workbook per division: its own rows ("R<id>") and the rows of indicators
it cooperates on ("C<id>", where it may fill only 配合处室意见). A returned form is known by
its content, never its file name: the very hidden sheet "_meta" holds the month, the division,
one line per row (key, editable figures, rate flag, the values printed) and a checksum of it
all; the hidden column Q repeats the row keys. Rows of division groups (厅内各处室 …) and rows
with no division get no form: the liaison fills those in the month view.
Only what the division changed on the form (against the values printed) is written, so edits
made in the app after the forms went out stay. A cooperating division's text is one paragraph
of the row's remarks, starting 【处室名】, so several cooperating divisions never overwrite
each other. A return is recorded as the done mark "dispatch_return:<month>:<division id>" in
deadline_done (same transaction, undoable, audited): _mark_returned and _returned_marks.
No Qt. Not thread-safe.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import re
import shutil
from copy import copy
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from ..core import dispatch as rules
from .form_returns import DivisionReturn, _return_key, _returned_marks, returned_divisions  # noqa: F401 (re-exported)
from ..core import messages
from ..core.errors import BizenvError, InvalidInput, StorageFull
from ..core.progress import Progress, step
from ..storage import faults, files
from ..storage.changes import Writer
from ..storage.database import Database
from . import deadlines, dispatch
from .excel.workbook import safe_text
from .form_grid import FormBook, find_columns, form_kind

SHEET, META, FORMAT, HEAD = "月调度表", "_meta", "bizenv-dispatch-form/1", 3
# widths in Excel character units: an A4 landscape page holds about 150 of them at 100 %, so the
# columns a form does not need (子任务, 目标 and figures, 配合处室意见, last month) are hidden
COLUMNS = (("序号", 4), ("指标", 16), ("考评内容及标准", 26), ("子任务", 12), ("责任处室", 8), ("目标", 7),
           ("上月状态", 7), ("上月进展", 16), ("完成状态", 8), ("本月进展", 24), ("存在问题", 16), ("下步打算", 16),
           ("责任人", 7), ("分子", 6), ("分母", 6), ("数值", 6), ("配合处室意见", 18), ("行键", 6))
FIELDS = ("status", "progress", "problems", "next_steps", "person", "numerator", "denominator", "value", "remarks")
COL = {f: i for i, f in enumerate(FIELDS, 9)}  # status in column 9 (I) … remarks in 17 (Q)
KEY_COL = 18  # R, hidden
CRITERIA_COL = 3
BODY_FONT_SIZE = 11
NAMES = {f: COLUMNS[c - 1][0] for f, c in COL.items()}
FIGURES = {"quantitative": ("numerator", "denominator", "value"), "ranking": ("value",)}
GUIDE = ("填写说明：只填白色单元格，灰色为只读。完成状态从下拉列表选择；分子、分母、数值只填数字（比率填 0–100，不带 %）；"
         "“责任处室”不是本处室的行，本处室为配合处室，只填“配合处室意见”。请勿增删行、改动表头或工作表名称。"
         "填好后保存交回联络员（.xlsx，或 WPS、LibreOffice 另存的 .xls、.ods 均可）。制表日期：{today}")
_THIN = Side(style="thin", color="999999")
_BORDER, _GREY = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN), PatternFill("solid", fgColor="EDEDED")
_WHITE, _HEADER = PatternFill("solid", fgColor="FFFFFF"), PatternFill("solid", fgColor="D9E1F2")
_WRAP = Alignment(wrap_text=True, vertical="top")
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


@dataclass
class Problem:
    file: str
    sheet: str
    row: int | None
    column: str  # letter, '' for the whole file or sheet
    message: str
    heading: str = ""  # the column's header as the returned form has it (columns may have moved)

    @property
    def place(self) -> str:
        """'工作表“月调度表”，第 5 行，I 列（完成状态）'; '' for the whole file."""
        where = ([f"工作表“{self.sheet}”"] if self.sheet else []) + ([f"第 {self.row} 行"] if self.row else [])
        last = get_column_letter(len(COLUMNS))
        heading = self.heading or (COLUMNS[ord(self.column) - 65][0]
                                   if len(self.column) == 1 and "A" <= self.column <= last else "")
        where += [f"{self.column} 列（{heading}）" if heading else f"{self.column} 列"] if self.column else []
        return "，".join(where)

    @property
    def text(self) -> str:
        return "，".join(filter(None, [f"文件“{self.file}”", self.place])) + "：" + self.message


@dataclass
class FormRow:
    key: str  # "R12": the division's row 12; "C12": row 12 of an indicator it cooperates on
    excel_row: int
    values: dict[str, Any]
    original: dict[str, Any]

    @property
    def row_id(self) -> int:
        return int(self.key[1:])


@dataclass
class FormData:
    path: Path
    month: str | None = None
    division_id: int | None = None
    division_name: str = ""
    rows: list[FormRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    headings: dict[str, str] = field(default_factory=dict)  # column letter -> header, as returned
    key_column: str = get_column_letter(KEY_COL)
    field_letters: dict[str, str] = field(default_factory=dict)  # field -> column letter, as returned

    def problem(self, message: str, row: int | None = None, column: str = "") -> None:
        self.problems.append(Problem(self.path.name, SHEET if row else "", row, column, message,
                                     self.headings.get(column, "")))


@dataclass
class FieldChange:
    field: str
    name: str
    old: Any
    new: Any


@dataclass
class RowChange:
    row_id: int
    excel_row: int
    label: str
    fields: list[FieldChange]

    @property
    def values(self) -> dict[str, Any]:
        return {c.field: c.new for c in self.fields}


@dataclass
class FilePreview:
    form: FormData
    changes: list[RowChange]
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


def form_name(month: str, division: str) -> str:
    return f"{month} 月调度表（{_UNSAFE.sub('_', division)}）.xlsx"


# -- making ------------------------------------------------------------------------------------

def _plan(db: Database, m: dispatch.Month) -> dict[int, tuple[str, list[tuple[str, dispatch.DispatchRow, str]]]]:
    """{division id: (name, [(R or C, row, the indicator's 考评内容及标准)])} of the divisions with rows."""
    divs = {r["id"]: r for r in db.query("SELECT id, name, kind, position FROM division")}
    criteria = {r[0]: r[1] for r in db.query("SELECT id, criteria FROM indicator WHERE id IN (SELECT indicator_id"
                                             " FROM dispatch_row WHERE month = ?)", (m.month,))}
    coop: dict[int, list[int]] = {}
    for a in db.query("SELECT a.indicator_id, a.division_id FROM assignment a JOIN division d ON d.id = a.division_id"
                      " WHERE a.role = 'cooperate' AND d.kind != 'group' AND d.retired_on IS NULL ORDER BY a.position"):
        coop.setdefault(a[0], []).append(a[1])
    out: dict[int, list[tuple[str, dispatch.DispatchRow, str]]] = {}
    for row in m.rows:
        text = criteria.get(row.indicator_id, "")
        if row.division_id and divs[row.division_id]["kind"] != "group":
            out.setdefault(row.division_id, []).append(("R", row, text))
        for d in coop.get(row.indicator_id, []):
            if d != row.division_id:
                out.setdefault(d, []).append(("C", row, text))
    order = sorted(out, key=lambda d: (divs[d]["position"], d))
    return {d: (divs[d]["name"], out[d]) for d in order}


def planned_files(db: Database, month: str, out_dir: str | Path) -> list[Path]:
    """The files make_forms would write (to ask before overwriting any)."""
    m = dispatch.load_month(db, month)
    return [Path(out_dir) / form_name(m.month, name) for name, _rows in _plan(db, m).values()]


def make_forms(db: Database, month: str, out_dir: str | Path, today: date, overwrite: bool = True,
               only: list[int] | None = None, notes: dict[int, str] | None = None,
               progress: Progress | None = None) -> list[Path]:
    """Write one form per division with rows into out_dir; returns the paths written.
    only: just these divisions' forms; notes: a line printed on a division's form above the
    guide (a send-back's reason, services/sendbacks.py); progress: before each form and before
    the renames (a Cancelled there leaves none).

    All or none: every form is written into a temporary folder inside out_dir first, then
    each is renamed into place (renames need no room), so a full disk or a failure leaves
    none of them (and any older forms of the same names as they were)."""
    m = dispatch.load_month(db, month)
    if m.closed:
        raise InvalidInput("forms.month_closed", month=m.month)
    plan = _plan(db, m)
    if only is not None:
        plan = {d: v for d, v in plan.items() if d in only}
    if not plan:
        raise InvalidInput("forms.no_rows", month=m.month)
    out = Path(out_dir)
    paths = [out / form_name(m.month, name) for name, _rows in plan.values()]
    existing = [p.name for p in paths if p.exists()]
    if existing and not overwrite:
        raise InvalidInput("forms.would_overwrite", folder=str(out), names=existing)
    with faults.quiet_write_cleanup() as outcome:
        problem = _write_forms(m, plan, paths, out, today, notes or {}, step(progress))
        outcome.failed = problem is not None
    if problem is not None:
        raise problem
    return paths


def _write_forms(m: dispatch.Month, plan: dict, paths: list[Path], out: Path, today: date,
                 notes: dict[int, str], report: Progress) -> BizenvError | None:
    """Write the forms into a staging folder, then rename each into place; the error, if any."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        files.sweep(out)  # what a killed run left
        staging = files.temp_dir(out, "forms")
        try:
            for n, (path, (division_id, (name, rows))) in enumerate(zip(paths, plan.items())):
                report(n, len(paths), path.name)
                staged = staging / path.name
                _workbook(m, division_id, name, rows, today, notes.get(division_id, "")).save(staged)
                files.make_document(staged)
                files.fsync_file(staged)
            report(len(paths), len(paths), "")  # the last moment a Cancel leaves no form
            for path in paths:  # a form open in Excel on Windows cannot be replaced: find out before any is
                if path.exists():
                    open(path, "r+b").close()
            for path in paths:
                os.replace(staging / path.name, path)
            files.fsync_dir(out)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    except faults.WRITE_ERRORS as exc:
        detail = getattr(exc, "strerror", None) or str(exc)
        if faults.is_full(exc):
            return StorageFull("forms.no_room", folder=str(out), detail=detail)
        return BizenvError("forms.cannot_write", folder=str(out), detail=detail)
    return None


def _put(ws: Any, r: int, c: int, value: Any) -> Any:
    """Write value as data: text never becomes a formula, not even when the division edits the
    cell (quotePrefix, as in every export: workbook.safe_text); characters XML cannot hold are
    dropped."""
    return safe_text(ws.cell(r, c), value)


def _checksum(parts: list[str]) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def _workbook(m: dispatch.Month, division_id: int, name: str, rows: list[tuple[str, dispatch.DispatchRow, str]],
              today: date, note: str = "") -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    last = get_column_letter(KEY_COL - 1)
    for r, text, font, height in ((1, f"{m.month} 月调度表（{name}）", Font(bold=True, size=14), 26),
                                  (2, (note + "\n" if note else "") + GUIDE.format(today=today.isoformat()),
                                   Font(size=10, color="C00000"), 64 if note else 48)):
        ws.merge_cells(f"A{r}:{last}{r}")
        cell = _put(ws, r, 1, text)
        cell.font = font
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center" if r == 1 else "left")
        ws.row_dimensions[r].height = height
    for c, (heading, width) in enumerate(COLUMNS, 1):
        cell = ws.cell(HEAD, c, heading)
        cell.font, cell.fill, cell.border = Font(bold=True), _HEADER, _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.column_dimensions[get_column_letter(KEY_COL)].hidden = True
    status_dv = DataValidation(type="list", formula1='"' + ",".join(rules.STATUSES) + '"', allow_blank=False,
                               showErrorMessage=True, errorTitle="完成状态", error="请从下拉列表中选择完成状态。")
    number_dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                               showErrorMessage=True, errorTitle="数字", error="这里只能填数字（不小于 0），不要带单位或文字。")
    rate_dv = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True,
                             showErrorMessage=True, errorTitle="比率", error="比率请填 0 到 100 之间的数字，不要带 %。")
    meta: list[list[str]] = []
    looks: dict[bool, Any] = {}  # editable or not: the body cells' styles (openpyxl StyleArray)
    for i, (role, row, criteria) in enumerate(rows):
        r = HEAD + 1 + i
        prev = m.previous.get(row.key)
        mine = _remark_of(row.remarks, name) if role == "C" else row.remarks
        cells = [i + 1, f"{row.indicator_code} {row.indicator_name}", criteria, row.subtask_name, row.division_name,
                 row.target.text() if row.target else "", prev.status if prev else "", prev.progress if prev else "",
                 *(getattr(row, f) for f in FIELDS[:-1]), mine, f"{role}{row.id}"]
        figures = FIGURES.get(row.kind, ()) if role == "R" else ()
        editable = {COL["remarks"]} if role == "C" else {COL[f] for f in FIELDS[:5] + figures}
        rate = bool(row.target and row.target.unit in ("%", "％"))
        for c, value in enumerate(cells, 1):
            cell = ws.cell(r, c)
            style = looks.get(c in editable)
            if style is None:  # the first body cell of its kind gets the styles, the others a copy of them
                cell.border, cell.alignment, cell.font = _BORDER, _WRAP, Font(size=BODY_FONT_SIZE)
                cell.fill = _WHITE if c in editable else _GREY
                cell.protection = Protection(locked=c not in editable)
                looks[c in editable] = copy(cell._style)
            else:  # (setting five styles on each of 10 000 cells hashed each: 2/3 of making the forms)
                cell._style = copy(style)
            safe_text(cell, value)
            if c in editable and COL["numerator"] <= c <= COL["value"]:
                (rate_dv if rate and c == COL["value"] else number_dv).add(cell.coordinate)
        if role == "R":
            status_dv.add(ws.cell(r, COL["status"]).coordinate)
        original = {"remarks": mine} if role == "C" else {f: getattr(row, f) for f in FIELDS[:5] + figures}
        meta.append([f"{role}{row.id}", ",".join(figures) or "-", "1" if rate else "0",
                     json.dumps(original, ensure_ascii=False, sort_keys=True)])
    for dv in (status_dv, number_dv, rate_dv):
        if dv.sqref:
            ws.add_data_validation(dv)
    for c in _unused_columns(m, rows):
        ws.column_dimensions[get_column_letter(c)].hidden = True
    ws.freeze_panes = f"D{HEAD + 1}"
    ws.print_title_rows = f"{HEAD}:{HEAD}"
    ws.print_area = f"A1:{get_column_letter(KEY_COL - 1)}{HEAD + len(rows)}"
    ws.page_setup.orientation, ws.page_setup.paperSize = "landscape", ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top, ws.page_margins.bottom = 0.5, 0.6
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "— &P —"
    ws.protection.sheet = True
    ws.protection.formatColumns = ws.protection.formatRows = False  # widths and heights may be changed
    head = [FORMAT, m.month, str(division_id), ILLEGAL_CHARACTERS_RE.sub("", name), today.isoformat()]
    info = wb.create_sheet(META)
    for r, values in enumerate([head + [_checksum(head + [x for line in meta for x in line])], *meta], 1):
        for c, value in enumerate(values, 1):
            _put(info, r, c, value)
    info.sheet_state = "veryHidden"
    info.protection.sheet = True
    wb.security = WorkbookProtection(lockStructure=True)
    return wb


def _unused_columns(m: dispatch.Month, rows: list[tuple[str, dispatch.DispatchRow, str]]) -> list[int]:
    """Columns a form need not show (so what it does show prints on A4 landscape at a readable
    size): 子任务 without sub-tasks, 目标 and figures without figures, last month's columns in a
    first month, 配合处室意见 without rows cooperated on."""
    def at(heading: str) -> int:
        return next(i for i, (h, _w) in enumerate(COLUMNS, 1) if h == heading)
    hidden = []
    if not any(row.subtask_name for _role, row, _c in rows):
        hidden.append(at("子任务"))
    if not any(row.target for _role, row, _c in rows):
        hidden.append(at("目标"))
    kinds = {row.kind for role, row, _c in rows if role == "R"}
    if not kinds & {"quantitative"}:
        hidden += [COL["numerator"], COL["denominator"]]
    if not kinds & set(FIGURES):
        hidden.append(COL["value"])
    if not m.previous:
        hidden += [at("上月状态"), at("上月进展")]
    if not any(role == "C" for role, _row, _c in rows):
        hidden.append(COL["remarks"])
    return hidden


# -- reading -----------------------------------------------------------------------------------

def _sniff(path: Path) -> str | None:
    if not path.is_file():
        return "找不到这个文件（或它是文件夹），请重新选择。"
    with open(path, "rb") as f:
        head = f.read(8)
        if not head:
            return "文件是空的（0 字节），可能没有保存好：请让处室重新保存后交回。"
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            if "EncryptionInfo".encode("utf-16-le") in head + f.read():
                return "文件设有打开密码（已加密），无法读取：请让处室去掉密码后另存为 .xlsx 再交回。"
            return None  # Excel 97-2003 (.xls), as WPS saves it
    if not head.startswith(b"PK\x03\x04"):
        return "不是 Excel 工作簿（.xlsx、.xls 或 .ods）：请选择本程序生成、处室填好的调度表。"
    return None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").strip()


def _figure(form: FormData, value: Any, percent: bool, r: int, col: str) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (date, bool)) or not isinstance(value, (int, float, str)):
        form.problem(f"“{_text(value)}”不是数字（Excel 可能把它当成了日期或其他类型）：请只填数字。", r, col)
        return None
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", "").replace("，", "").rstrip("%％").strip())
            if not math.isfinite(value):
                raise ValueError(value)
        except ValueError:
            form.problem(f"“{value.strip()}”不是数字：请只填数字，不要带单位或文字。", r, col)
            return None
    elif percent:
        value = value * 100  # typed as 90% in Excel: stored 0.9
    if not math.isfinite(value):
        form.problem(f"“{_text(value)}”不是数字：请只填数字。", r, col)
        return None
    if value < 0:
        form.problem(f"{_text(float(value))} 是负数：请填写不小于 0 的数字。", r, col)
    return round(float(value), 6)


def _rate_problem(numerator: Any, denominator: Any, value: Any, rate: bool) -> tuple[str, str] | None:
    """(field, message) when the figures break the rules update_row enforces."""
    if denominator == 0:
        return "denominator", "分母不能为 0：请填写实际的分母，或分子、分母都空着。"
    if rate and (rules.rate(numerator, denominator) or 0) > 100:
        return "numerator", "分子大于分母，比率超过 100%：请检查分子和分母。"
    if rate and (value or 0) > 100:
        return "value", "比率不能超过 100：请检查数值（按百分数填写，不带 %）。"
    return None


_META_LINE = re.compile(r"[RC]\d+\|(-|value|numerator,denominator,value)\|[01]\|\{.*\}", re.DOTALL)


def _meta(rows: list[list[str]]) -> tuple[list[str], list[tuple[str, str, str, dict]]] | None:
    """(head, [(key, figures, rate, values printed)]) of an intact _meta sheet, else None."""
    head, table = (rows[0][:5], [row[:4] for row in rows[1:]]) if rows else ([], [])
    if len(head) < 5 or head[0] != FORMAT or rows[0][5:6] != [_checksum(head + [x for t in table for x in t])] \
            or not re.fullmatch(r"\d{4}-\d{2}", head[1]) or not head[2].isdigit() \
            or not all(_META_LINE.fullmatch("|".join(t)) for t in table):
        return None
    try:
        return head, [(key, figures, rate, json.loads(original)) for key, figures, rate, original in table]
    except ValueError:
        return None


MAX_META_ROWS = 5000  # lines of the hidden sheet read: a form has one per row


def read_form(path: str | Path) -> FormData:
    """What a returned form (.xlsx, or .xls / .ods as WPS and LibreOffice save it) says, and every
    problem found in the file itself (no database). Columns are read by their headers (a moved or
    swapped column is read where it now is), rows by their keys (an inserted or deleted row gives
    one message naming it); only the form's own range is read (a stray cell far below costs
    nothing)."""
    form = FormData(Path(path))
    trouble = _sniff(form.path)
    if trouble:
        form.problem(trouble)
        return form
    kind = form_kind(form.path)
    try:
        if not kind:
            raise ValueError("no workbook")
        book = FormBook(form.path, kind)
    except Exception as exc:  # openpyxl, xlrd and calamine raise many kinds for a damaged or foreign file
        if kind == "xls":
            form.problem(f"这是旧版 .xls 文件，但无法读取（{type(exc).__name__}），可能已损坏或设有密码：请在 Excel 或 WPS 中"
                         f"打开并“另存为” .xlsx（Excel 工作簿）后再收。")
        else:
            form.problem(f"无法作为 Excel 工作簿打开（{type(exc).__name__}）：请在 Excel 或 WPS 中打开并另存为 .xlsx 后再收。")
        return form
    try:
        _read_book(form, book)
    except Exception as exc:  # damage found while the sheets stream
        form.rows.clear()
        form.problem(f"无法读取工作簿（{type(exc).__name__}），文件可能已损坏：请在 Excel 或 WPS 中打开并另存为 .xlsx 后再收。")
    finally:
        book.close()
    return form


def _read_book(form: FormData, book: FormBook) -> None:
    if META not in book.sheetnames:
        form.problem(f"不是本程序生成的月调度表（工作簿中的工作表：{'、'.join(book.sheetnames)}）："
                     f"请让处室用“生成处室调度表”生成的文件填写。")
        return
    lines = [[_text(v) for v in row] for row in book.sheet(META, MAX_META_ROWS, 8).rows]
    while lines and not any(lines[-1]):
        lines.pop()
    meta = _meta(lines)
    if meta is None:
        form.problem("工作簿中隐藏的表格信息缺失或被改动：请用原表重新填写，或重新生成调度表。")
        return
    head, table = meta
    form.month, form.division_id, form.division_name = head[1], int(head[2]), head[3]
    if SHEET not in book.sheetnames:
        form.problem(f"找不到工作表“{SHEET}”（现有：{'、'.join(s for s in book.sheetnames if s != META)}）："
                     f"工作表可能被改名或删除，请用原表填写，不要改动工作表名称。")
        return
    sheet = book.sheet(SHEET, HEAD + 2 * len(table) + 60, KEY_COL + 12)  # the form's own range, and room around it
    found = find_columns(sheet, [h for h, _w in COLUMNS])
    if found is None:
        form.problem(f"找不到表头（第 {HEAD} 行：{'、'.join(h for h, _w in COLUMNS)}）：表头可能被改动或删除，"
                     f"请用原表重新填写，不要改动表头。", HEAD)
        return
    header, cols = found
    form.headings = {get_column_letter(c): h for h, cs in cols.items() for c in cs}
    if not _columns_ok(form, header, cols, table):
        return
    key_col = cols["行键"][0]
    form.key_column = key = get_column_letter(key_col)
    col_of = {f: cols[NAMES[f]][0] for f in FIELDS if NAMES[f] in cols}
    form.field_letters = {f: get_column_letter(c) for f, c in col_of.items()}
    at: dict[str, list[int]] = {}
    for r in range(header + 1, sheet.nrows + 1):
        text = _text(sheet.value(r, key_col))
        if text:
            at.setdefault(text, []).append(r)
    expected = {line[0] for line in table}
    foreign = {r for text, rs in at.items() if text not in expected for r in rs}
    for i, (row_key, figures, rate, original) in enumerate(table):
        rows = at.get(row_key)
        if not rows:
            if HEAD + 1 + i not in foreign:  # a changed key is said once, on its row, below
                form.problem(f"原表的这一行（行键 {row_key}）不见了：可能被删除了。请用原表重新填写，不要删除行或改动行键。",
                             HEAD + 1 + i, key)
            continue
        if len(rows) > 1:
            form.problem(f"第 {'、'.join(map(str, rows))} 行的行键都是 {row_key}：可能复制了一行。请删除多余的行，"
                         f"或用原表重新填写。", rows[1], key)
        r = rows[0]
        values: dict[str, Any] = ({"remarks": _text(sheet.value(r, col_of["remarks"]))} if row_key[0] == "C" else
                                  {f: _text(sheet.value(r, col_of[f])) for f in FIELDS[:5]})
        if row_key[0] == "R":
            if values["status"] not in rules.STATUSES:
                what = f"“{values['status']}”不是有效的完成状态" if values["status"] else "完成状态不能为空"
                form.problem(f"{what}：请从下拉列表中选择（{'、'.join(rules.STATUSES)}）。", r, form.field_letters["status"])
            for f in figures.split(",") if figures != "-" else ():
                values[f] = _figure(form, sheet.value(r, col_of[f]), (r, col_of[f]) in sheet.percent, r,
                                    form.field_letters[f])
            bad = _rate_problem(values.get("numerator"), values.get("denominator"), values.get("value"), rate == "1")
            if bad:
                form.problem(bad[1], r, form.field_letters.get(bad[0], ""))
        form.rows.append(FormRow(row_key, r, values, original))
    for r in range(header + 1, sheet.nrows + 1):
        text = _text(sheet.value(r, key_col))
        if text in expected:
            continue
        if text:
            form.problem(f"行键被改动（“{text[:20]}”不是本表的行键）：请用原表重新填写，不要改动行键、增删或移动行。", r, key)
        elif any(_text(v) for v in sheet.rows[r - 1][:KEY_COL + 12]):
            form.problem("这一行不是原表中的行（没有行键），不会被读取：请删除它；新增事项请写在相应行的“存在问题”"
                         "或“下步打算”中。", r)


def _columns_ok(form: FormData, header: int, cols: dict[str, list[int]],
                table: list[tuple[str, str, str, dict]]) -> bool:
    """Every column the form's rows are read from is there once; else problems naming them."""
    needed = ["行键"]
    if any(key[0] == "R" for key, *_rest in table):
        needed += [NAMES[f] for f in FIELDS[:5]]
    needed += [NAMES[f] for _k, figures, _r, _o in table for f in (figures.split(",") if figures != "-" else ())]
    if any(key[0] == "C" for key, *_rest in table):
        needed.append(NAMES["remarks"])
    ok = True
    for name in dict.fromkeys(needed):
        if name not in cols:
            form.problem(f"找不到“{name}”列（表头在第 {header} 行）：列的标题可能被改动或删除了。请用原表重新填写，"
                         f"不要改动表头。", header)
            ok = False
        elif len(cols[name]) > 1:
            letters = "、".join(get_column_letter(c) for c in cols[name])
            form.problem(f"“{name}”出现在 {letters} 多列：请只保留一列，或用原表重新填写。", header)
            ok = False
    return ok


# -- cooperating divisions' paragraphs of the remarks ----------------------------------------------

def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n(?=【[^】\n]+】)", text or "") if p.strip()]


def _remark_of(remarks: str, name: str) -> str:
    tag = f"【{name}】"
    return next((p[len(tag):].strip() for p in _paragraphs(remarks) if p.startswith(tag)), "")


def _with_remark(remarks: str, name: str, text: str) -> str:
    tag, out, placed = f"【{name}】", [], False
    for part in _paragraphs(remarks):
        if not part.startswith(tag):
            out.append(part)
        elif not placed:
            out += [tag + text] if text else []
            placed = True
    return "\n".join(out + ([tag + text] if text and not placed else []))


# -- checking against the database, previewing and applying ---------------------------------------

_ROWS = ("SELECT r.*, i.code, i.name AS indicator, i.target_unit, coalesce(s.name, '') AS subtask,"
         " coalesce(d.name, '') AS division FROM dispatch_row r JOIN indicator i ON i.id = r.indicator_id"
         " LEFT JOIN subtask s ON s.id = r.subtask_id LEFT JOIN division d ON d.id = r.division_id WHERE r.month = ?")


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) < 1e-9
    return ("" if a is None else a) == ("" if b is None else b)


def _changes(db: Database, form: FormData, expected: str | None) -> tuple[list[RowChange], list[Problem]]:
    """What applying form would change now, and what in the database forbids it."""
    problems: list[Problem] = []

    def bad(message: str, row: int | None = None, column: str = "") -> None:
        problems.append(Problem(form.path.name, SHEET if row else "", row, column, message,
                                form.headings.get(column, "")))
    if form.month is None:
        return [], problems
    if expected and form.month != expected:
        bad(f"这是 {form.month} 的调度表，当前收的是 {expected} 的：请确认文件；如确要收 {form.month} 的，请先切换到该月份。")
    head = db.execute("SELECT closed_at FROM dispatch_month WHERE month = ?", (form.month,)).fetchone()
    name = db.scalar("SELECT name FROM division WHERE id = ?", (form.division_id,))
    if head is None or head["closed_at"] or name is None:
        bad(f"{form.month} 的月调度尚未开始，无法收表：请先开始该月份。" if head is None else
            f"{form.month} 的月调度已关闭：请先“重新打开”该月并说明原因，再收表。" if head["closed_at"] else
            f"表中的处室“{form.division_name}”在数据库中已不存在：请在程序中直接填写，或重新生成调度表。")
        return [], problems
    rows = {r["id"]: r for r in db.query(_ROWS, (form.month,))}
    coop = {r[0] for r in db.query("SELECT indicator_id FROM assignment WHERE division_id = ? AND role = 'cooperate'",
                                   (form.division_id,))}
    changes = []
    for fr in form.rows:
        row = rows.get(fr.row_id)
        if row is None or (row["division_id"] != form.division_id if fr.key[0] == "R" else
                           row["indicator_id"] not in coop):
            bad("这一行已不在本月调度中，或已不由本处室填写（计划有调整）：请重新生成调度表，或在程序中直接修改。",
                fr.excel_row, form.key_column)
            continue
        fields = []
        for f, new in fr.values.items():
            old = row[f]
            if f == "remarks":
                if _same(new, fr.original.get(f)) or _same(new, _remark_of(old, name)):
                    continue
                new = _with_remark(old, name, new)
            elif _same(new, fr.original.get(f)) or _same(new, old):
                continue  # the division left it as printed, or it already says so
            fields.append(FieldChange(f, NAMES[f], old, new))
        merged = {**dict(row), **{c.field: c.new for c in fields}}
        trouble = _rate_problem(merged["numerator"], merged["denominator"], merged["value"],
                                row["target_unit"] in ("%", "％"))
        if fields and trouble and not any(p.row == fr.excel_row for p in form.problems):
            bad("与数据库中已有的数字合起来后，" + trouble[1], fr.excel_row,
                form.field_letters.get(trouble[0], get_column_letter(COL[trouble[0]])))
        if fields:
            label = f"{row['code']} {row['indicator']}" + (f" / {row['subtask']}" if row["subtask"] else "")
            changes.append(RowChange(fr.row_id, fr.excel_row, f"{label}（{row['division'] or '-'}）", fields))
    return changes, problems


def collect_preview(db: Database, paths: list[str | Path], month: str | None = None,
                    progress: Progress | None = None) -> list[FilePreview]:
    """Per file: the rows it would change (old → new) and every problem; month defaults to the latest.
    progress: before each file (core/progress.py)."""
    expected = rules.check_month(month) if month else db.scalar("SELECT max(month) FROM dispatch_month")
    previews = []
    report = step(progress)
    for n, path in enumerate(paths):
        report(n, len(paths), Path(path).name)
        form = read_form(path)
        changes, problems = _changes(db, form, expected)
        previews.append(FilePreview(form, changes, form.problems + problems))
    groups: dict[tuple[str | None, int], list[FilePreview]] = {}
    for pv in previews:
        if pv.form.division_id is not None:
            groups.setdefault((pv.form.month, pv.form.division_id), []).append(pv)
    for group in (g for g in groups.values() if len(g) > 1):
        names = "、".join(f"“{pv.form.path.name}”" for pv in group)
        for pv in group:
            pv.problems.append(Problem(pv.form.path.name, "", None, "", f"{names} 都是{pv.form.division_name} "
                                       f"{pv.form.month} 的调度表，一次只能收一份：请只选择其中一个。"))
    return previews


def apply_form(w: Writer, db: Database, form: FormData, month: str | None = None, today: date | None = None) -> int:
    """Write what one returned form changed and record the division's return; all or nothing.
    Checked again here, so a stale preview never writes. Returns the number of rows changed."""
    changes, problems = _changes(db, form, month)
    problems = form.problems + problems
    if problems:
        raise InvalidInput("forms.has_problems", name=form.path.name, count=len(problems),
                           problems="\n".join(p.text for p in problems[:10]))
    dispatch.update_rows(w, {change.row_id: change.values for change in changes})  # update_row's checks, in bulk
    _mark_returned(w, form, len(changes), today or date.today())
    return len(changes)


# -- who has returned -------------------------------------------------------------------------------

def _mark_returned(w: Writer, form: FormData, changed: int, today: date) -> None:
    """The one place that records a return (switch here to a table of its own if one is added)."""
    assert form.month is not None and form.division_id is not None
    deadlines.mark_done(w, _return_key(form.month, form.division_id), today.isoformat(),
                        f"{form.path.name}（改动 {changed} 行）")


messages.register({
    "forms.month_closed": ("{month} 的月调度已关闭，不能再发调度表；如需补报，请先“重新打开”该月。",
                           "The monthly dispatch of {month} is closed: no more forms can be sent. To report late, "
                           "first “Reopen” the month."),
    "forms.no_rows": ("{month} 没有需要处室填写的调度行（只有处室组或未指定处室的行）。",
                      "{month} has no dispatch rows for divisions to fill in (only rows of division groups or with "
                      "no division)."),
    "forms.would_overwrite": ("文件夹“{folder}”中已有：{names}。为免覆盖已交回的表，请换一个空文件夹，或确认覆盖（命令行加 --force）。",
                              "Folder “{folder}” already holds: {names}. So as not to overwrite forms already "
                              "returned, choose an empty folder, or confirm overwriting (--force on the command "
                              "line)."),
    "forms.has_problems": ("“{name}”有 {count} 个问题，未写入任何内容：\n{problems}",
                           "“{name}” has {count} problem(s); nothing was written:\n{problems}"),
    "forms.no_room": ("磁盘已满（或超出文件大小限制），无法在“{folder}”中写入调度表（{detail}）；一个调度表也没有生成。"
                      "请腾出磁盘空间，或另选保存位置后重试。",
                      "The disk is full (or a file-size limit was reached): the forms could not be written in "
                      "“{folder}” ({detail}); none was made. Free some disk space or choose another folder, and "
                      "try again."),
    "forms.cannot_write": ("无法在“{folder}”中写入调度表（{detail}）；一个调度表也没有生成。请检查路径和文件夹权限，"
                           "或关闭正在打开同名调度表的程序后重试。",
                           "The forms could not be written in “{folder}” ({detail}); none was made. Check the path "
                           "and the folder's permissions, or close the program that has a form of the same name "
                           "open, and try again."),
})
