"""`bizenv monthly auto-close|send-back|returns|compare`: the monthly round's closing, send-backs,
return history and on-time rates, and quarter snapshots, through the window's services.

    bizenv --db F monthly auto-close [--today D] [--json]       close months due (setting
                                                                 dispatch.auto_close_workdays)
    bizenv --db F monthly send-back --month M --division NAME --reason TEXT [-o DIR] [--json]
    bizenv --db F monthly returns [--year Y] [--month M] [--today D] [--json]   history and on-time rates
    bizenv --db F monthly compare --quarter 2026Q1 [--json]     now against the quarter's snapshot
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from . import Handler
from .common import add_json, apply, out, today_of, workspace, year_of


def register(subparsers: Any) -> dict[str, Handler]:
    sub = subparsers.add_parser("monthly", help="月调度：自动关闭、退回修改、交回情况、季度快照比较").add_subparsers(
        dest="monthly_command", required=True, metavar="{auto-close,send-back,returns,compare}")
    ac = sub.add_parser("auto-close", help="关闭截止后已满设定工作日数的月份")
    ac.add_argument("--today", help="YYYY-MM-DD（默认今天）")
    add_json(ac)
    sb = sub.add_parser("send-back", help="把处室交回的调度表退回修改，并重新生成该处室的表")
    sb.add_argument("--month", required=True)
    sb.add_argument("--division", required=True)
    sb.add_argument("--reason", required=True)
    sb.add_argument("-o", "--out", type=Path, help="重新生成的调度表保存到的文件夹")
    sb.add_argument("--today", help=argparse.SUPPRESS)
    add_json(sb)
    rt = sub.add_parser("returns", help="交回与退回记录，及各处室按时交回率")
    rt.add_argument("--year", type=int)
    rt.add_argument("--month")
    rt.add_argument("--today", help="YYYY-MM-DD（默认今天）")
    add_json(rt)
    cp = sub.add_parser("compare", help="与季度快照比较")
    cp.add_argument("--quarter", required=True, help="2026Q1 … 2026Q4")
    add_json(cp)
    return {"monthly": run}


def run(args: argparse.Namespace) -> int:
    from ..services import auto_close, sendbacks, snapshots

    command = args.monthly_command
    with workspace(args, write=command in ("auto-close", "send-back")) as ws:
        if command == "auto-close":
            today = today_of(args)
            months = apply(ws, "自动关闭到期的月调度", lambda w: auto_close.close_due(w, today)) \
                if auto_close.due_months(ws.db, today) else []
            if args.json:
                out({"today": today.isoformat(), "closed": months})
            else:
                print("已自动关闭：" + ("、".join(months) if months else "（无）"))
            return 0
        if command == "send-back":
            from ..core.dispatch import check_month
            from ..services.lookup import division_by_name

            month, division, today = check_month(args.month), division_by_name(ws.db, args.division), today_of(args)
            apply(ws, f"退回修改：{month} {args.division}", lambda w: sendbacks.send_back(
                w, month, division, args.reason, today))
            path = sendbacks.reissue_form(ws.db, month, division, args.out, today) if args.out else None
            if args.json:
                out({"month": month, "division": args.division, "reason": args.reason,
                     "form": str(path) if path else None})
            else:
                print(f"已退回 {args.division} {month} 的调度表：{args.reason}" + (f"；已重新生成：{path}" if path else ""))
            return 0
        if command == "returns":
            year = year_of(args, ws)
            events = sendbacks.history(ws.db, args.month)
            rates = sendbacks.on_time_rates(ws.db, year, today_of(args))
            if args.json:
                out({"year": year, "history": [e.as_json() for e in events], "on_time": [t.as_json() for t in rates]})
                return 0
            for e in events:
                print(f"{e.month}  {e.division}  {'交回' if e.kind == 'returned' else '退回'}  {e.on}  {e.note}")
            for t in rates:
                print(f"{t.division}：应交 {t.expected}，按时 {t.on_time}，逾期 {t.late}，未交 {t.missing}，退回 {t.sent_back}"
                      f"，按时交回率 {'—' if t.rate is None else f'{t.rate:g}%'}")
            return 0
        diff = snapshots.compare(ws.db, args.quarter)
    if args.json:
        out(diff.as_json())
    else:
        print(f"{diff.period} 快照（{diff.taken_at}）以来的变化：{len(diff.differences)} 处")
        for d in diff.differences:
            print(f"  [{d.area}] {d.label} {d.field or ''}：{d.before} → {d.after}")
    return 0
