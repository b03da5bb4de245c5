"""`bizenv report KIND [--year Y] [--month M | --quarter Q] [--division NAME] -o FILE.pdf`.

A bad period, a month without dispatch, an unknown year or division: exit code 2 and a
Chinese message on stderr, and no file is written (the PDF is written atomically).
"""
from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path
from typing import Any

# The report kinds of services.pdf.reports.KINDS, named here so `bizenv --help` needs no reportlab.
REPORT_KINDS = {"assignment": "任务分工表", "plan": "年度实施方案", "monthly": "月调度情况",
                "provincial": "季度报告（报省软环境办）", "leadership": "季度汇报（厅主要领导）",
                "selfeval": "自我评价报告"}


def register(sub: Any) -> dict[str, Any]:
    rep = sub.add_parser("report", help="生成 PDF 报告（公文格式）",
                         description="报告类型：" + "；".join(f"{k} {v}" for k, v in REPORT_KINDS.items()))
    rep.add_argument("kind", metavar="KIND", help="报告类型：" + "、".join(REPORT_KINDS))
    rep.add_argument("--year", type=int, help="年度（默认：今年；数据库中没有今年时取最近的年度）")
    period = rep.add_mutually_exclusive_group()
    period.add_argument("--month", help="月份：M 或 YYYY-MM（monthly 必填）")
    period.add_argument("--quarter", help="季度：1–4（provincial、leadership 必填；selfeval 不填为全年）")
    rep.add_argument("--division", help="处室名称：只生成该处室的任务分工表（assignment）")
    rep.add_argument("--date", help="成文日期 YYYY-MM-DD（默认今天）")
    rep.add_argument("--fonts", help="字体文件夹（仿宋、黑体、楷体、宋体等；默认自动查找）")
    rep.add_argument("-o", "--output", type=Path, required=True, help="输出的 PDF 文件")
    return {"report": cmd_report}


def _period(args: argparse.Namespace) -> tuple[int | None, int | None, int | None]:
    """(the year a YYYY-MM or 2026Q3 names, month, quarter) as given on the command line."""
    from ..core.dispatch import check_month
    from ..core.errors import InvalidInput

    year = month = quarter = None
    if args.month is not None:
        text = args.month.strip()
        if re.fullmatch(r"\d{1,2}", text):
            month = int(text)
        else:
            checked = check_month(text)
            year, month = int(checked[:4]), int(checked[5:])
    if args.quarter is not None:
        match = re.fullmatch(r"(?:(\d{4})\s*)?[Qq]?(\d{1,2})", args.quarter.strip())
        if not match:
            raise InvalidInput(f"季度“{args.quarter}”无效，请填写 1–4（也可写作 Q3 或 2026Q3）。")
        year, quarter = (int(match.group(1)) if match.group(1) else None), int(match.group(2))
    return year, month, quarter


def cmd_report(args: argparse.Namespace) -> int:
    from ..core.errors import InvalidInput, NotFound
    from ..services.pdf.reports import KINDS, ReportRequest, build_report, check_request
    from ..services.plan_read import list_divisions, list_years
    from ..services.startup import open_workspace

    kind = KINDS.get(args.kind)
    if kind is None:
        raise InvalidInput(f"未知的报告类型“{args.kind}”，可用：{'、'.join(KINDS)}。")
    period_year, month, quarter = _period(args)
    if month is not None and "month" not in kind.needs:
        raise InvalidInput(f"{kind.title}不按月份生成，请去掉 --month。")
    if quarter is not None and not any(n.startswith("quarter") for n in kind.needs):
        raise InvalidInput(f"{kind.title}不按季度生成，请去掉 --quarter。")
    if args.division is not None and "division" not in kind.needs:
        raise InvalidInput(f"{kind.title}不按处室生成，请去掉 --division。")
    if "month" in kind.needs and month is None:
        raise InvalidInput(f"{kind.title}需要月份：--month M 或 --month YYYY-MM。")
    if "quarter!" in kind.needs and quarter is None:
        raise InvalidInput(f"{kind.title}需要季度：--quarter 1–4。")
    if args.year is not None and period_year is not None and args.year != period_year:
        raise InvalidInput(f"--year {args.year} 与所给期间的年度 {period_year} 不一致。")
    try:
        today = date.fromisoformat(args.date) if args.date else date.today()
    except ValueError:
        raise InvalidInput(f"--date “{args.date}”不是有效日期，请按 年-月-日 填写。") from None
    output: Path = args.output
    if output.is_dir() or not output.parent.is_dir():
        raise InvalidInput(f"无法写入“{output}”：请给出一个已存在的文件夹中的文件名。")
    ws = open_workspace(args.db, read_only_ok=True)  # a report only reads: fine while the window is open
    try:
        years = list_years(ws.db)
        if not years:
            raise NotFound("数据库中还没有任何年度的方案。")
        year = args.year or period_year or (date.today().year if date.today().year in years else years[-1])
        if year not in years:
            raise NotFound(f"数据库中没有 {year} 年度的方案（已有：{'、'.join(map(str, years))}）。")
        if args.division is not None and args.division not in {d.name for d in list_divisions(ws.db)}:
            names = "、".join(d.name for d in list_divisions(ws.db, False))
            raise NotFound(f"没有名为“{args.division}”的处室。可用的处室：{names}")
        request = ReportRequest(kind.key, year, month, quarter, args.division, today, args.fonts)
        check_request(request)
        pages = build_report(ws.db, request, output)
    finally:
        ws.close()
    print(f"已生成 {output}（{pages} 页）")
    return 0
