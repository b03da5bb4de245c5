"""A returned form checked against the database (only what the division changed), previewed
and applied in one transaction, and the return recorded. See services/forms.py. No Qt."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from ..core import dispatch as rules
from .form_returns import record_return
from ..core.errors import InvalidInput
from ..core.gc_pause import collector_paused
from ..core.progress import Progress, step
from ..storage.changes import Writer
from ..storage.database import Database
from . import dispatch
from .forms_model import (COL, NAMES, SHEET, FieldChange, FilePreview, FormData, Problem, RowChange, _remark_of,
                          _with_remark)
from .forms_read import read_form, _rate_problem

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
    ids = json.dumps(sorted({fr.row_id for fr in form.rows}))  # the form's rows, not the month's hundreds
    rows = {r["id"]: r for r in db.query(_ROWS + " AND r.id IN (SELECT value FROM json_each(?))", (form.month, ids))}
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
        if not fields:
            continue
        after = {c.field: c.new for c in fields}  # the figures as they would be written over the row's
        num, den, value = (after[f] if f in after else row[f] for f in ("numerator", "denominator", "value"))
        trouble = _rate_problem(num, den, value, row["target_unit"] in ("%", "％"))
        if trouble and not any(p.row == fr.excel_row for p in form.problems):
            bad("与数据库中已有的数字合起来后，" + trouble[1], fr.excel_row,
                form.field_letters.get(trouble[0], get_column_letter(COL[trouble[0]])))
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
    with collector_paused():
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
    """Record the division's return of the month (form_return), with the file and what it changed."""
    assert form.month is not None and form.division_id is not None
    record_return(w, form.month, form.division_id, today.isoformat(), f"{form.path.name}（改动 {changed} 行）")
