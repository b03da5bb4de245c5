"""Reading a returned division form (.xlsx, .xls, .ods): its hidden _meta sheet, its columns
wherever they moved, every value checked. See services/forms.py. No Qt."""
from __future__ import annotations

import json
import math
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from ..core import dispatch as rules
from .form_grid import FormBook, find_columns, form_kind
from .forms_make import _checksum
from .forms_model import COLUMNS, FIELDS, FORMAT, HEAD, KEY_COL, META, NAMES, SHEET, FormData, FormRow

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
