"""`bizenv ranking set`, `bizenv publication add|list`, `bizenv workplan list|receive`: rankings of
ranking-kind indicators ((7)), the publications register ((1), (15)) and the divisions' work plans
(四（二）), through the services the window uses.

    bizenv --db F ranking set --year 2026 --indicator 7 --rank 3 --of 40 [--benchmark 长春市]
                              [--data-year 2025] [--source S] [--note N] [--evidence FILE] [--json]
    bizenv --db F publication add --title T --date D [--kind plan|policy|other] [--year Y] [--where W]
                                  [--url URL] [--indicator CODE] [--evidence FILE] [--json]
    bizenv --db F publication list [--year Y] [--kind K] [--today D] [--json]
    bizenv --db F workplan list [--year Y] [--json]
    bizenv --db F workplan receive --year Y --division NAME [--on D] [--title T] [--file F] [--json]
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from . import Handler
from .common import add_json, apply, out, today_of, workspace, year_of


def register(subparsers: Any) -> dict[str, Handler]:
    rk = subparsers.add_parser("ranking", help="排名类指标的排名（如指标 (7)）").add_subparsers(
        dest="ranking_command", required=True, metavar="{set}")
    st = rk.add_parser("set", help="登记或修改排名")
    st.add_argument("--year", type=int)
    st.add_argument("--indicator", required=True, help="二级指标编号，如 7")
    st.add_argument("--rank", required=True, help="名次（正整数）")
    st.add_argument("--of", required=True, dest="field", help="参评总数（正整数）")
    st.add_argument("--benchmark", help="对标地区（默认 长春市）")
    st.add_argument("--data-year", help="数据年度")
    st.add_argument("--source", help="数据来源")
    st.add_argument("--note", help="备注")
    st.add_argument("--evidence", type=Path, nargs="*", default=[], help="佐证材料文件")
    add_json(st)
    pb = subparsers.add_parser("publication", help="公开发布登记（指标 (1)、(15)）").add_subparsers(
        dest="publication_command", required=True, metavar="{add,list}")
    add = pb.add_parser("add", help="登记一次公开发布")
    add.add_argument("--title", required=True)
    add.add_argument("--date", required=True, help="公开日期")
    add.add_argument("--kind", default="policy", choices=("plan", "policy", "other"),
                     help="plan：年度实施方案；policy：政策措施（默认）；other：其他")
    add.add_argument("--year", type=int, help="计入的方案年度（默认公开日期的年度）")
    add.add_argument("--where", default="", help="公开渠道，如 厅门户网站")
    add.add_argument("--url", default="")
    add.add_argument("--note", default="")
    add.add_argument("--indicator", help="关联的二级指标编号，如 1")
    add.add_argument("--evidence", type=Path, nargs="*", default=[], help="佐证材料文件（截图等）")
    add_json(add)
    ls = pb.add_parser("list", help="列出公开发布，及 (1) 是否已公开、(15) 各季度情况")
    ls.add_argument("--year", type=int)
    ls.add_argument("--kind", choices=("plan", "policy", "other"))
    ls.add_argument("--today", help="YYYY-MM-DD（默认今天）")
    add_json(ls)
    wp = subparsers.add_parser("workplan", help="各处室工作方案（四（二））").add_subparsers(
        dest="workplan_command", required=True, metavar="{list,receive}")
    ls = wp.add_parser("list", help="须报送工作方案的处室及收到情况")
    ls.add_argument("--year", type=int)
    add_json(ls)
    rc = wp.add_parser("receive", help="登记收到某处室的工作方案")
    rc.add_argument("--year", type=int)
    rc.add_argument("--division", required=True)
    rc.add_argument("--on", help="收到日期（默认今天）")
    rc.add_argument("--title", default="")
    rc.add_argument("--note", default="")
    rc.add_argument("--file", type=Path, help="工作方案文件（存为佐证材料）")
    add_json(rc)
    return {"ranking": run_ranking, "publication": run_publication, "workplan": run_workplan}


def run_ranking(args: argparse.Namespace) -> int:
    from ..services import evidence, rankings
    from ..services.lookup import indicator_by_code

    with workspace(args, write=True) as ws:
        year = year_of(args, ws)
        indicator = indicator_by_code(ws.db, year, args.indicator)

        def act(w: Any) -> None:
            rid = rankings.set_ranking(w, indicator, args.rank, args.field, args.benchmark, args.data_year,
                                       args.source, args.note)
            for f in args.evidence:
                evidence.attach(w, ws.path, f, "ranking", rid)
        apply(ws, f"登记排名：{args.indicator}", act)
        got = rankings.ranking_of(ws.db, indicator)
        code = ws.db.scalar("SELECT code FROM indicator WHERE id = ?", (indicator,))
    assert got is not None
    if args.json:
        out({"year": year, "indicator": code, "ranking": got.as_json()})
    else:
        print(f"{year} 年 {code}：{got.text}" + (f"，来源：{got.source}" if got.source else ""))
    return 0


def run_publication(args: argparse.Namespace) -> int:
    from ..services import evidence
    from ..services import publications as pub
    from ..services.lookup import indicator_by_code

    with workspace(args, write=args.publication_command == "add") as ws:
        if args.publication_command == "list":
            year = year_of(args, ws)
            found = pub.list_publications(ws.db, year, args.kind)
            summary = pub.summary_json(ws.db, year, today_of(args))
            if args.json:
                out({"year": year, **summary, "publications": [p.as_json() for p in found]})
                return 0
            print(f"{year} 年度实施方案公开：" + (f"已于 {summary['plan_published_on']} 公开" if summary["plan_published"]
                                             else "尚未登记"))
            print("政策措施公布（按季度）：" + "，".join(
                f"第{q['quarter']}季度 {q['count']} 次" + ("【缺】" if q["flagged"] else "")
                for q in summary["policy_quarters"]))
            for p in found:
                print(f"  {p.published_on}  {pub.KINDS[p.kind]}  {p.title}  {p.outlet}  {p.url}")
            return 0
        in_year: int | None = args.year or (int(args.date[:4]) if args.date[:4].isdigit() else None)
        indicator = indicator_by_code(ws.db, in_year, args.indicator) if args.indicator and in_year else None

        def act(w: Any) -> int:
            pid = pub.add_publication(w, args.title, args.date, args.kind, args.year, args.where, args.url,
                                      args.note, indicator)
            for f in args.evidence:
                evidence.attach(w, ws.path, f, "publication", pid)
            return pid
        pid = apply(ws, f"登记公开发布：{args.title[:20]}", act)
        got = next(p for p in pub.list_publications(ws.db) if p.id == pid)
    if args.json:
        out(got.as_json())
    else:
        print(f"已登记：{got.published_on} {pub.KINDS[got.kind]} {got.title}")
    return 0


def run_workplan(args: argparse.Namespace) -> int:
    from ..services import work_plans as wp
    from ..services.lookup import division_by_name

    with workspace(args, write=args.workplan_command == "receive") as ws:
        year = year_of(args, ws)
        if args.workplan_command == "receive":
            division = division_by_name(ws.db, args.division)
            apply(ws, f"收到工作方案：{args.division}", lambda w: wp.receive(
                w, year, division, args.on, args.title, args.note, args.file, ws.path, today_of(args)))
        plans = wp.list_work_plans(ws.db, year)
        line = wp.chase_line(ws.db, year)
    if args.json:
        if args.workplan_command == "receive":
            out(next(p.as_json() for p in plans if p.division_id == division))
        else:
            out({"year": year, "plans": [p.as_json() for p in plans], "missing": [p.division for p in plans
                                                                                  if p.missing]})
        return 0
    for p in plans:
        print(f"{p.division}  截止 {p.due_on}  " + (f"已于 {p.received_on} 收到" if p.received_on else "未交")
              + (f"  {p.title}" if p.title else ""))
    print(line or f"{year} 年度各处室工作方案已全部收到。")
    return 0
