"""`bizenv event list|add`, `bizenv selfeval list|set`, `bizenv liaison list|add`: counted events
((20)–(23)), self-evaluation and the liaison registry on the command line, through the
services the window uses.

    bizenv --db F event list [--year Y] [--kind K] [--json]
    bizenv --db F event add --kind media --date D --title T [--level 省级] [--outlet O] [--indicator CODE] [--json]
    bizenv --db F selfeval list [--year Y] [--period 2026Q1] [--json]
    bizenv --db F selfeval set --indicator CODE --period 2026Q1 [--rating 良好] [--score N] [--narrative T] [--json]
    bizenv --db F liaison list [--year Y] [--json]
    bizenv --db F liaison add --name N --start D [--end D] [--division NAME] [--phone P] [--reported D] [--json]
    bizenv --db F liaison report --name N --on D [--json]        (record the 报备 of a change)
"""
from __future__ import annotations

import argparse
from typing import Any

from ..core import messages
from . import Handler
from .common import add_json, apply, out, today_of, workspace, year_of

messages.register({
    "cli.no_liaison": ("没有名为“{name}”且尚未报备的联络员记录。", "There is no unreported liaison entry named “{name}”."),
})


def register(subparsers: Any) -> dict[str, Handler]:
    ev = subparsers.add_parser("event", help="宣传推广与表扬事件（指标 (20)–(23)）").add_subparsers(
        dest="event_command", required=True, metavar="{list,add}")
    ls = ev.add_parser("list", help="列出事件")
    ls.add_argument("--year", type=int)
    ls.add_argument("--kind", choices=("commendation", "media", "briefing", "promotion"))
    add_json(ls)
    add = ev.add_parser("add", help="登记一个事件")
    add.add_argument("--kind", required=True, choices=("commendation", "media", "briefing", "promotion"))
    add.add_argument("--date", required=True)
    add.add_argument("--title", required=True)
    add.add_argument("--level", default="", help="国家级、省级或其他")
    add.add_argument("--outlet", default="", help="媒体或会议")
    add.add_argument("--note", default="")
    add.add_argument("--indicator", help="计入的二级指标编号（默认按类别）")
    add_json(add)
    se = subparsers.add_parser("selfeval", help="逐项自我评价").add_subparsers(
        dest="selfeval_command", required=True, metavar="{list,set}")
    ls = se.add_parser("list", help="列出某年度各指标的自评")
    ls.add_argument("--year", type=int)
    ls.add_argument("--period", help="2026Q1 … 2026Q4 或 2026（默认全部）")
    add_json(ls)
    st = se.add_parser("set", help="填写一项自评")
    st.add_argument("--indicator", required=True, help="二级指标编号，如 7")
    st.add_argument("--period", required=True, help="2026Q1 … 2026Q4 或 2026")
    st.add_argument("--rating", help="优秀、良好、一般、较差（空为清除）")
    st.add_argument("--score", help="得分")
    st.add_argument("--narrative", help="自评说明")
    add_json(st)
    li = subparsers.add_parser("liaison", help="联络员登记与报备").add_subparsers(
        dest="liaison_command", required=True, metavar="{list,add,report}")
    ls = li.add_parser("list", help="列出联络员（--year：该年度在任的）")
    ls.add_argument("--year", type=int)
    add_json(ls)
    add = li.add_parser("add", help="登记联络员（变更）")
    add.add_argument("--name", required=True)
    add.add_argument("--start", required=True, help="任职开始日期")
    add.add_argument("--end", default="", help="任职结束日期")
    add.add_argument("--division", help="所在处室")
    add.add_argument("--phone", default="")
    add.add_argument("--reported", default="", help="报备日期")
    add.add_argument("--note", default="")
    add_json(add)
    rep = li.add_parser("report", help="登记变更的报备日期")
    rep.add_argument("--name", required=True)
    rep.add_argument("--on", help="报备日期（默认今天）")
    add_json(rep)
    return {"event": run_event, "selfeval": run_selfeval, "liaison": run_liaison}


def _event_json(e: Any) -> dict[str, Any]:
    return {"id": e.id, "kind": e.kind, "date": e.date, "level": e.level, "title": e.title, "outlet": e.outlet,
            "note": e.note, "indicator": e.indicator_code or None, "evidence_count": e.evidence_count}


def run_event(args: argparse.Namespace) -> int:
    from ..services import events
    from ..services.lookup import indicator_by_code

    with workspace(args, write=args.event_command == "add") as ws:
        if args.event_command == "list":
            found = events.list_events(ws.db, args.year, args.kind)
            if args.json:
                out({"year": args.year, "events": [_event_json(e) for e in found]})
            for e in [] if args.json else found:
                print(f"{e.date}  {e.kind_name}  {e.level or '-'}  {e.title}  {e.outlet}  {e.indicator_code}")
            return 0
        indicator = indicator_by_code(ws.db, int(args.date[:4]), args.indicator) if args.indicator and \
            args.date[:4].isdigit() else None
        new_id = apply(ws, f"登记事件：{args.title[:20]}", lambda w: events.add_event(
            w, args.kind, args.date, args.title, args.level, args.outlet, args.note, indicator))
        event = next(e for e in events.list_events(ws.db) if e.id == new_id)
    if args.json:
        out(_event_json(event))
    else:
        print(f"已登记：{event.date} {event.kind_name} {event.title}（计入 {event.indicator_code}）")
    return 0


def _evaluation_json(e: Any) -> dict[str, Any]:
    return {"indicator": e.code, "name": e.name, "period": e.period, "rating": e.rating or None, "score": e.score,
            "max_score": e.max_score, "narrative": e.narrative, "evidence_count": e.evidence_count,
            "missing": e.missing}


def run_selfeval(args: argparse.Namespace) -> int:
    from ..services import self_evaluation as se
    from ..services.lookup import indicator_by_code

    with workspace(args, write=args.selfeval_command == "set") as ws:
        if args.selfeval_command == "list":
            year = year_of(args, ws)
            found = se.load_evaluations(ws.db, year, [se.check_period(args.period)] if args.period else None)
            if args.json:
                out({"year": year, "evaluations": [_evaluation_json(e) for e in found]})
            for e in [] if args.json else found:
                print(f"{e.code} {e.period}  {e.rating or '（未评）'}  {'' if e.score is None else f'{e.score:g} 分'}"
                      f"  {e.narrative[:30]}")
            return 0
        period = se.check_period(args.period)
        indicator = indicator_by_code(ws.db, int(period[:4]), args.indicator)
        fields = {k: getattr(args, k) for k in ("rating", "score", "narrative") if getattr(args, k) is not None}
        apply(ws, f"自评 {args.indicator} {period}", lambda w: se.edit_evaluation(w, indicator, period, **fields))
        e = next(e for e in se.load_evaluations(ws.db, int(period[:4]), [period]) if e.indicator_id == indicator)
    if args.json:
        out(_evaluation_json(e))
    else:
        print(f"{e.code} {e.period}：{e.rating or '（未评）'} {'' if e.score is None else f'{e.score:g} 分'}")
    return 0


def _liaison_json(li: Any) -> dict[str, Any]:
    return {"id": li.id, "name": li.name, "division": li.division_name or None, "phone": li.phone,
            "start_date": li.start_date, "end_date": li.end_date or None, "reported_on": li.reported_on or None,
            "note": li.note}


def run_liaison(args: argparse.Namespace) -> int:
    from ..services import liaisons
    from ..services.lookup import division_by_name
    from ..services.plan_read import list_liaisons

    command = args.liaison_command
    with workspace(args, write=command != "list") as ws:
        if command == "list":
            found = list_liaisons(ws.db)
            if args.year:
                y = str(args.year)
                found = [li for li in found if li.start_date[:4] <= y and (not li.end_date or li.end_date[:4] >= y)]
            if args.json:
                out({"year": args.year, "liaisons": [_liaison_json(li) for li in found]})
            for li in [] if args.json else found:
                print(f"{li.name}  {li.division_name or '-'}  {li.start_date} 至 {li.end_date or '今'}  "
                      f"报备：{li.reported_on or '未报备'}")
            return 0
        if command == "add":
            division = division_by_name(ws.db, args.division) if args.division else None
            new_id = apply(ws, f"登记联络员：{args.name}", lambda w: liaisons.add_liaison(
                w, args.name, args.start, end_date=args.end, division_id=division, phone=args.phone,
                reported_on=args.reported, note=args.note))
        else:
            from ..core.errors import NotFound

            new_id = ws.db.scalar("SELECT id FROM liaison WHERE name = ? AND reported_on = '' ORDER BY start_date DESC",
                                  (args.name.strip(),))
            if new_id is None:
                raise NotFound("cli.no_liaison", name=args.name)
            on = args.on or today_of(args).isoformat()
            apply(ws, f"联络员变更报备：{args.name}", lambda w: liaisons.update_liaison(w, new_id, reported_on=on))
        li = next(li for li in list_liaisons(ws.db) if li.id == new_id)
    if args.json:
        out(_liaison_json(li))
    else:
        print(f"{li.name}  {li.start_date} 至 {li.end_date or '今'}  报备：{li.reported_on or '未报备'}")
    return 0
