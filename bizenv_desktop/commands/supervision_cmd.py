"""`bizenv supervision list|add|update|advance|remind`: the 交办督办事项台账 on the command line,
through the services the window uses (same rules, same messages).

    bizenv --db F supervision list [--year Y] [--status S] [--division NAME] [--today D] [--json]
    bizenv --db F supervision add --content TEXT [--no N] [--source S] [--received D] [--deadline TEXT]
                                  [--lead NAME ...] [--cooperating NAME ...] [--indicator CODE ...] [--json]
    bizenv --db F supervision update ITEM [--content …] [--deadline …] [--progress …] [--indicator …] [--json]
    bizenv --db F supervision advance ITEM [--to STATUS] [--on D] [--text T] [--json]
    bizenv --db F supervision remind ITEM [--on D] [--division NAME] [--to WHOM] [--how METHOD] [--json]
    bizenv --db F supervision feedback ITEM --due D [--on D] [--text T] [--json]   (one date of its 反馈周期)
    bizenv --db F supervision notice [ITEM ...] [--division NAME] -o FILE.pdf|FILE.docx [--record] [--json]

ITEM is an item's number (DB-2026-001) or its id. Every item in --json output carries its
warning level (黄/红/null), next date, working days left, 催办 count and linked indicators.
"""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from ..core import messages
from . import Handler
from .common import add_json, apply, out, today_of, workspace

messages.register({
    "cli.no_item": ("没有编号或 id 为“{item}”的督办事项；请用 bizenv supervision list 查看。",
                    "There is no supervised item numbered “{item}” (or with that id); see bizenv supervision list."),
})


def register(subparsers: Any) -> dict[str, Handler]:
    parser = subparsers.add_parser("supervision", help="交办督办事项：列出、登记、修改、推进、催办")
    sub = parser.add_subparsers(dest="supervision_command", required=True,
                                metavar="{list,add,update,advance,remind,feedback,notice}")
    ls = sub.add_parser("list", help="列出督办事项（含预警等级）")
    ls.add_argument("--year", type=int, help="交办年度")
    ls.add_argument("--status", help="只列该状态")
    ls.add_argument("--division", help="只列该处室牵头或配合的")
    ls.add_argument("--today", help="YYYY-MM-DD（默认今天），预警按此计算")
    add_json(ls)
    add = sub.add_parser("add", help="登记一项督办事项")
    add.add_argument("--content", required=True, help="事项内容")
    for flag, what in (("--no", "编号（默认自动编号）"), ("--source", "来源"), ("--received", "交办日期"),
                       ("--deadline", "办结时限（日期或如“6月底前”的文字）"), ("--progress", "办理进度"), ("--note", "备注"),
                       ("--feedback-cycle", "反馈周期，如 每月25日前、每季度末")):
        add.add_argument(flag, default="", help=what)
    _units(add)
    add.add_argument("--today", help=argparse.SUPPRESS)
    add_json(add)
    upd = sub.add_parser("update", help="修改一项督办事项")
    upd.add_argument("item", help="编号或 id")
    for flag, what in (("--content", "事项内容"), ("--no", "编号"), ("--source", "来源"), ("--received", "交办日期"),
                       ("--deadline", "办结时限"), ("--progress", "办理进度"), ("--note", "备注"),
                       ("--closure-report", "办结报告"), ("--feedback-cycle", "反馈周期")):
        upd.add_argument(flag, help=what)
    _units(upd)
    upd.add_argument("--today", help=argparse.SUPPRESS)
    add_json(upd)
    adv = sub.add_parser("advance", help="推进到下一步（或 --to 指定的状态）")
    adv.add_argument("item", help="编号或 id")
    adv.add_argument("--to", help="目标状态（待签收、办理中、已办结、已报结、已销号）")
    adv.add_argument("--on", help="日期（默认今天）")
    adv.add_argument("--text", default="", help="办理进度；到“已办结”及以后为办结报告")
    adv.add_argument("--today", help=argparse.SUPPRESS)
    add_json(adv)
    rem = sub.add_parser("remind", help="登记一次催办")
    rem.add_argument("item", help="编号或 id")
    rem.add_argument("--on", help="催办日期（默认今天）")
    rem.add_argument("--division", help="催办的处室")
    rem.add_argument("--to", default="", help="催办对象（人）")
    rem.add_argument("--how", default="", help="方式：电话、短信、催办单、当面……")
    rem.add_argument("--note", default="")
    rem.add_argument("--today", help=argparse.SUPPRESS)
    add_json(rem)
    nt = sub.add_parser("notice", help="打印催办单（PDF 或 Word，公文格式）：某几项，或某处室牵头的全部未办结事项")
    nt.add_argument("items", nargs="*", metavar="ITEM", help="编号或 id")
    nt.add_argument("--division", help="该处室牵头的全部未办结事项")
    nt.add_argument("-o", "--out", required=True, type=Path, help="FILE.pdf 或 FILE.docx")
    nt.add_argument("--record", action="store_true", help="同时登记一次催办（方式：催办单）")
    nt.add_argument("--today", help=argparse.SUPPRESS)
    add_json(nt)
    fb = sub.add_parser("feedback", help="登记某一期的定期反馈（按反馈周期）")
    fb.add_argument("item", help="编号或 id")
    fb.add_argument("--due", required=True, help="应反馈日期（反馈周期中的一期）")
    fb.add_argument("--on", help="反馈日期（默认今天）")
    fb.add_argument("--text", default="", help="反馈内容")
    fb.add_argument("--today", help=argparse.SUPPRESS)
    add_json(fb)
    return {"supervision": run}


def _units(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lead", nargs="*", metavar="NAME", help="牵头处室")
    p.add_argument("--cooperating", nargs="*", metavar="NAME", help="配合处室")
    p.add_argument("--indicator", nargs="*", metavar="CODE", help="关联的二级指标编号，如 17")
    p.add_argument("--year", type=int, help="指标所属年度（默认交办日期的年度）")


def _find(db: Any, text: str) -> int:
    from ..core.errors import NotFound

    found = db.scalar("SELECT id FROM supervision_item WHERE no = ?", (text.strip(),))
    if found is None and text.strip().isdigit():
        found = db.scalar("SELECT id FROM supervision_item WHERE id = ?", (int(text),))
    if found is None:
        raise NotFound("cli.no_item", item=text)
    return int(found)


def item_json(item: Any, watch: Any, indicators: list[tuple[int, str]]) -> dict[str, Any]:
    return {"id": item.id, "no": item.no, "source": item.source, "content": item.content,
            "received_on": item.received_on or None, "deadline": item.deadline or None,
            "deadline_text": item.deadline_text or None, "status": item.status, "progress": item.progress,
            "closure_report": item.closure_report, "lead": item.lead_names, "cooperating": item.cooperating_names,
            "indicators": [code for _i, code in indicators], "overdue": item.overdue, **watch.as_json()}


def _items_json(db: Any, items: list[Any], today: date) -> list[dict[str, Any]]:
    from ..services import supervision_links, supervision_watch

    watch = supervision_watch.watch(db, today, [i.id for i in items]) if items else {}
    links = supervision_links.indicators_of(db, [i.id for i in items])
    return [item_json(i, watch[i.id], links.get(i.id, [])) for i in items]


def _print(items: list[dict[str, Any]]) -> None:
    for i in items:
        flag = f"【{i['warning']}】" if i["warning"] else ""
        due = f"  时限 {i['deadline']}" if i["deadline"] else ""
        print(f"{flag}{i['no']}  {i['status']}  {i['content']}{due}  催办 {i['reminders']} 次"
              + (f"  指标 {'、'.join(i['indicators'])}" if i["indicators"] else ""))


def _fields(ws: Any, args: argparse.Namespace, received: str) -> dict[str, Any]:
    """lead/cooperating/indicators from names and codes (only those given)."""
    from ..services.lookup import division_by_name, indicator_by_code

    fields: dict[str, Any] = {}
    if args.lead is not None:
        fields["lead"] = [division_by_name(ws.db, n) for n in args.lead]
    if args.cooperating is not None:
        fields["cooperating"] = [division_by_name(ws.db, n) for n in args.cooperating]
    if args.indicator is not None:
        year = args.year or (int(received[:4]) if received else today_of(args).year)
        fields["indicators"] = [indicator_by_code(ws.db, year, c) for c in args.indicator]
    return fields


def run(args: argparse.Namespace) -> int:
    from ..services import supervision

    today = today_of(args)
    command = args.supervision_command
    if command == "notice":
        return _notice(args, today)
    with workspace(args, write=command != "list") as ws:
        if command == "list":
            division = None
            if args.division:
                from ..services.lookup import division_by_name

                division = division_by_name(ws.db, args.division)
            items = supervision.list_items(ws.db, status=args.status or None, division_id=division, today=today)
            if args.year:
                items = [i for i in items if (i.received_on or i.deadline)[:4] == str(args.year)]
            data = _items_json(ws.db, items, today)
            if args.json:
                out({"year": args.year, "today": today.isoformat(), "items": data})
            else:
                _print(data)
            return 0
        if command == "add":
            fields = _fields(ws, args, args.received)
            item_id = apply(ws, f"登记督办事项：{args.content[:20]}", lambda w: supervision.add_item(
                w, args.content, no=args.no, source=args.source, received_on=args.received, deadline=args.deadline,
                lead=fields.get("lead", ()), cooperating=fields.get("cooperating", ()), progress=args.progress,
                note=args.note, today=today, indicators=fields.get("indicators", ()),
                feedback_cycle=args.feedback_cycle))
        else:
            item_id = _find(ws.db, args.item)
            if command == "update":
                from ..services.supervision_links import set_indicators

                row = ws.db.execute("SELECT received_on FROM supervision_item WHERE id = ?", (item_id,)).fetchone()
                fields = _fields(ws, args, args.received or row["received_on"])
                links = fields.pop("indicators", None)
                for flag, key in (("content", "content"), ("no", "no"), ("source", "source"),
                                  ("received", "received_on"), ("deadline", "deadline"), ("progress", "progress"),
                                  ("note", "note"), ("closure_report", "closure_report"),
                                  ("feedback_cycle", "feedback_cycle")):
                    if getattr(args, flag) is not None:
                        fields[key] = getattr(args, flag)

                def change(w: Any) -> None:
                    if fields:
                        supervision.update_item(w, item_id, **fields)
                    if links is not None:
                        set_indicators(w, item_id, links)
                apply(ws, f"修改督办事项 {args.item}", change)
            elif command == "advance":
                apply(ws, f"推进督办事项 {args.item}", lambda w: supervision.advance(
                    w, item_id, args.to, args.on or today, args.text))
            elif command == "feedback":
                from ..services import supervision_watch

                apply(ws, f"定期反馈 {args.item} {args.due}", lambda w: supervision_watch.record_feedback(
                    w, item_id, args.due, args.on, args.text, today))
            else:
                from ..services import supervision_watch
                from ..services.lookup import division_by_name

                division = division_by_name(ws.db, args.division) if args.division else None
                apply(ws, f"催办督办事项 {args.item}", lambda w: supervision_watch.add_reminder(
                    w, item_id, args.on, division, args.to, args.how, args.note, today))
        item = next(i for i in supervision.list_items(ws.db, today=today) if i.id == item_id)
        one = _items_json(ws.db, [item], today)[0]
    if args.json:
        out(one)
    else:
        _print([one])
    return 0


def _notice(args: argparse.Namespace, today: date) -> int:
    """The printable 催办单 (and, with --record, a 催办 record per item)."""
    from ..services import reminder_notice
    from ..services.lookup import division_by_name

    with workspace(args, write=args.record) as ws:
        items = [_find(ws.db, i) for i in args.items] or None
        division = division_by_name(ws.db, args.division) if args.division else None
        notice = reminder_notice.build(ws.db, items, division, today)
        pages = reminder_notice.write(notice.document, args.out)
        if args.record:
            apply(ws, "打印催办单", lambda w: reminder_notice.record(w, notice, today))
        numbers = [r[0] for r in ws.db.query(
            f"SELECT no FROM supervision_item WHERE id IN ({', '.join('?' * len(notice.item_ids))}) ORDER BY no",
            notice.item_ids)]
    if args.json:
        out({"file": str(args.out), "pages": pages or None, "items": numbers, "recorded": bool(args.record)})
    else:
        print(f"已生成催办单：{args.out}（{len(numbers)} 项：{'、'.join(numbers)}）" + ("，已登记催办" if args.record else ""))
    return 0
