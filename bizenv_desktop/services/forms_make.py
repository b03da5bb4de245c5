"""Making the division forms of a month (one workbook per division, written into a staging
folder and renamed into place); see services/forms.py. No Qt."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from copy import copy
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, Protection
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from ..core import dispatch as rules
from ..core.errors import BizenvError, InvalidInput, StorageFull
from ..core.gc_pause import collector_paused
from ..core.progress import Progress, step
from ..storage import faults, files
from ..storage.database import Database
from . import dispatch
from .excel.writing import safe_text
from .forms_model import (_BORDER, _GREY, _HEADER, _WHITE, _WRAP, BODY_FONT_SIZE, COL, COLUMNS, FIELDS, FIGURES,
                          FORMAT, GUIDE, HEAD, KEY_COL, META, SHEET, form_name, _remark_of)

_HEAD_FONT = Font(bold=True)
_HEAD_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)

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
    with faults.quiet_write_cleanup() as outcome, collector_paused():
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
            # each form reaches the disk (fsync) on a thread while the next one is made: the wait
            # for the disk overlaps the work; all are on disk before any is renamed into place
            with ThreadPoolExecutor(max_workers=2, thread_name_prefix="forms-fsync") as disk:
                synced = []
                for n, (path, (division_id, (name, rows))) in enumerate(zip(paths, plan.items())):
                    report(n, len(paths), path.name)
                    staged = staging / path.name
                    _workbook(m, division_id, name, rows, today, notes.get(division_id, "")).save(staged)
                    files.make_document(staged)
                    synced.append(disk.submit(files.fsync_file, staged))
                for done in synced:
                    done.result()  # an fsync's error (a full disk) is raised here
            report(len(paths), len(paths), "")  # the last moment a Cancel leaves no form
            for path in paths:  # a form open in Excel on Windows cannot be replaced: find out before any is
                if path.exists():
                    open(path, "r+b").close()
            files.mark_ready(staging)  # killed during the renames: the next sweep finishes them
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
        if c == 1:  # the header's styles set once (each set hashes the style into the workbook's list)
            cell.font, cell.fill, cell.border, cell.alignment = _HEAD_FONT, _HEADER, _BORDER, _HEAD_ALIGN
        else:
            cell._style = copy(ws.cell(HEAD, 1)._style)
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
    body_font = Font(size=BODY_FONT_SIZE)
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
                cell.border, cell.alignment, cell.font = _BORDER, _WRAP, body_font
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
