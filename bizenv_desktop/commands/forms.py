"""`bizenv forms make` and `bizenv forms collect`: the divisions' monthly fill-in forms.

make writes one workbook per division into a folder, all or none; collect checks returned
workbooks, shows per file what would change and every problem, writes each good file as one
transaction, and lists every file with what became of it (written, or not and why: a full disk
stops one file, not the list).
Exit codes: 0 all files good, 1 some file has problems (it was not written; the good ones were,
unless --dry-run), 2 an error before any file was read (no such month, database locked …).
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from datetime import date
from pathlib import Path
from typing import Any

from ..core import messages

messages.register({
    "forms_cmd.not_started": ("{month}还没有开始月调度，无法收表：请先开始该月份（bizenv dispatch --month … --start）。",
                              "The monthly dispatch of {month} has not been started, so no forms can be collected: "
                              "start that month first (bizenv dispatch --month … --start)."),
    "forms_cmd.none_started": ("本数据库还没有开始月调度，无法收表：请先开始该月份（bizenv dispatch --month … --start）。",
                               "No monthly dispatch has been started in this database, so no forms can be "
                               "collected: start the month first (bizenv dispatch --month … --start)."),
})

from . import Handler


def register(subparsers: Any) -> dict[str, Handler]:
    parser = subparsers.add_parser("forms", help="处室月调度表：生成、收回")
    sub = parser.add_subparsers(dest="forms_command", required=True, metavar="{make,collect}")
    make = sub.add_parser("make", help="为每个处室生成本月调度表（Excel）")
    make.add_argument("--month", required=True, help="YYYY-MM")
    make.add_argument("-o", "--out", required=True, type=Path, help="保存到的文件夹")
    make.add_argument("--force", action="store_true", help="覆盖文件夹中的同名文件")
    collect = sub.add_parser("collect", help="收回处室填好的调度表，检查后写入")
    collect.add_argument("files", nargs="+", type=Path, metavar="FILE.xlsx")
    collect.add_argument("--month", help="收哪个月的表（默认最近开始的月份）")
    collect.add_argument("--dry-run", action="store_true", help="只检查和预览，不写入")
    collect.add_argument("--json", action="store_true", help="以 JSON 输出")
    return {"forms": run}


def run(args: argparse.Namespace) -> int:
    from ..services.startup import open_workspace

    ws = open_workspace(args.db)
    try:
        return _make(ws, args) if args.forms_command == "make" else _collect(ws, args)
    finally:
        ws.close()


def _make(ws: Any, args: argparse.Namespace) -> int:
    from ..core.dispatch import check_month
    from ..services import forms

    month = check_month(args.month)
    paths = forms.make_forms(ws.db, month, args.out, date.today(), overwrite=args.force)
    print(f"已为 {len(paths)} 个处室生成 {month} 月调度表，保存在 {args.out}：")
    for path in paths:
        print(f"  {path.name}")
    return 0


def _show(value: Any) -> str:
    if value is None or value == "":
        return "（空）"
    return f"{value:g}" if isinstance(value, float) else " ".join(str(value).split())


def _collect(ws: Any, args: argparse.Namespace) -> int:
    from ..core.dispatch import check_month
    from ..core.errors import BizenvError, NotFound
    from ..services import dispatch, forms
    from ..storage import faults

    months = [m["month"] for m in dispatch.list_months(ws.db)]
    month = check_month(args.month) if args.month else (months[-1] if months else None)
    if month is None or month not in months:
        raise NotFound("forms_cmd.not_started" if month else "forms_cmd.none_started", month=month)
    previews = forms.collect_preview(ws.db, args.files, month)
    applied: set[int] = set()
    for i, pv in enumerate(previews):
        if pv.ok and not args.dry_run:
            try:
                ws.apply(f"收回调度表：{pv.form.month} {pv.form.division_name}",
                         lambda w, form=pv.form: forms.apply_form(w, w.db, form, month))
                applied.add(i)
            except BizenvError as exc:  # changed since the preview, a full disk: nothing of this file was written
                pv.problems.append(forms.Problem(pv.form.path.name, "", None, "", str(exc)))
            except sqlite3.DatabaseError as exc:  # the same, said plainly; the other files still get their turn
                why = faults.translate(exc, ws.path)
                pv.problems.append(forms.Problem(pv.form.path.name, "", None, "", str(why or exc)))
    returned, missing = forms.returned_divisions(ws.db, month)
    bad = [pv for pv in previews if not pv.ok]
    if args.json:
        sys.stdout.write(json.dumps(_json(month, args.dry_run, previews, applied, returned, missing),
                                    ensure_ascii=False, indent=2) + "\n")
    else:
        _print(month, args.dry_run, previews, applied, returned, missing)
    for pv in bad:  # what is wrong goes to stderr, once, in both output forms
        who = f"{pv.form.division_name}，{pv.form.month}" if pv.form.month else "无法识别"
        print(f"✗ {pv.form.path.name}（{who}）：{len(pv.problems)} 个问题，未写入：", file=sys.stderr)
        for problem in pv.problems:
            print(f"    {problem.text}", file=sys.stderr)
    if bad:
        print(f"错误：{len(bad)} 个文件有问题，未写入：{'、'.join(pv.form.path.name for pv in bad)}。"
              f"请按上面列出的问题处理后再收。", file=sys.stderr)
        return 1
    return 0


def _print(month: str, dry_run: bool, previews: list, applied: set[int], returned: list, missing: list) -> None:
    """One line per file, in the order given: what became of it (the problems follow on stderr)."""
    print(f"收 {month} 月调度表：{len(previews)} 个文件" + ("（试运行，未写入）" if dry_run else ""))
    for i, pv in enumerate(previews):
        if not pv.ok:
            who = f"{pv.form.division_name}，{pv.form.month}" if pv.form.month else "无法识别"
            print(f"✗ {pv.form.path.name}（{who}）：未写入，{len(pv.problems)} 个问题：{pv.problems[0].message.splitlines()[0]}")
            continue
        who = f"{pv.form.division_name}，{pv.form.month}"
        state = "已写入" if i in applied else "可写入"
        print(f"✓ {pv.form.path.name}（{who}）：改动 {len(pv.changes)} 行，{state}")
        for change in pv.changes:
            print(f"    第 {change.excel_row} 行 {change.label}")
            for fc in change.fields:
                print(f"      {fc.name}：{_show(fc.old)} → {_show(fc.new)}")
    print("已交回：" + ("、".join(r.name for r in returned) or "（无）"))
    print("未交回：" + ("、".join(r.name for r in missing) or "（无）"))


def _json(month: str, dry_run: bool, previews: list, applied: set[int], returned: list, missing: list) -> dict:
    return {
        "month": month, "dry_run": dry_run,
        "files": [{
            "file": str(pv.form.path), "month": pv.form.month, "division_id": pv.form.division_id,
            "division": pv.form.division_name or None, "ok": pv.ok, "applied": i in applied,
            "changes": [{"row": c.excel_row, "row_id": c.row_id, "label": c.label,
                         "fields": [{"field": f.field, "name": f.name, "old": f.old, "new": f.new} for f in c.fields]}
                        for c in pv.changes],
            "problems": [{"file": p.file, "sheet": p.sheet, "row": p.row, "column": p.column, "message": p.message,
                          "text": p.text} for p in pv.problems],
        } for i, pv in enumerate(previews)],
        "returned": [{"division_id": r.division_id, "division": r.name, "on": r.returned_on, "note": r.note}
                     for r in returned],
        "missing": [{"division_id": r.division_id, "division": r.name} for r in missing],
    }
