"""`bizenv report KIND [--year Y] [--month M | --quarter Q] [--division NAME] [--date YYYY-MM-DD]
-o OUT.pdf|OUT.docx`, `--draft-json` (the draft's sections as JSON), `--draft-from FILE.json`.

The saved draft of that kind and period is used when there is one. A bad period, a month
without dispatch, an unknown year or division, a bad draft file: exit code 2 and a message on
stderr, and no file is written (reports are written atomically).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

from ..core import messages

# The report kinds of services.drafting.kinds.KINDS, named here so `bizenv --help` imports nothing more.
REPORT_KINDS = {"assignment": "任务分工表", "plan": "年度实施方案", "monthly": "月调度情况",
                "provincial": "季度报告（报上级）", "leadership": "季度汇报（主要领导）",
                "selfeval": "自我评价报告"}

messages.register({
    "cli.report.no_month": ("{title}不按月份生成，请去掉 --month。", "{title} is not made per month; leave out --month."),
    "cli.report.no_quarter": ("{title}不按季度生成，请去掉 --quarter。",
                              "{title} is not made per quarter; leave out --quarter."),
    "cli.report.no_division": ("{title}不按处室生成，请去掉 --division。",
                               "{title} is not made per division; leave out --division."),
    "cli.report.month_needed": ("{title}需要月份：--month M 或 --month YYYY-MM。",
                                "{title} needs a month: --month M or --month YYYY-MM."),
    "cli.report.quarter_needed": ("{title}需要季度：--quarter 1–4。", "{title} needs a quarter: --quarter 1–4."),
    "cli.report.bad_quarter": ("季度“{value}”无效，请填写 1–4（也可写作 Q3 或 2026Q3）。",
                               "The quarter “{value}” is not valid; give 1–4 (or Q3, 2026Q3)."),
    "cli.report.year_clash": ("--year {year} 与所给期间的年度 {period_year} 不一致。",
                              "--year {year} does not match the period's year {period_year}."),
    "cli.report.bad_date": ("--date “{value}”不是有效日期，请按 年-月-日 填写。",
                            "--date “{value}” is not a valid date; write it as YYYY-MM-DD."),
    "cli.report.bad_output": ("无法写入“{path}”：请给出一个已存在的文件夹中、以 .pdf 或 .docx 结尾的文件名。",
                              "Cannot write “{path}”: give a file name ending in .pdf or .docx in an existing folder."),
    "cli.report.no_output": ("请用 -o 指定输出文件（.pdf 或 .docx），或用 --draft-json 查看草稿。",
                             "Give the output file with -o (.pdf or .docx), or use --draft-json to see the draft."),
    "cli.report.no_years": ("数据库中还没有任何年度的方案。", "The database has no plan year yet."),
    "cli.report.draft_file": ("无法读取草稿文件“{path}”：{detail}", "Cannot read the draft file “{path}”: {detail}"),
    "cli.report.done": ("已生成 {path}（{pages} 页）", "Written {path} ({pages} pages)"),
    "cli.report.done_docx": ("已生成 {path}", "Written {path}"),
})


def register(sub: Any) -> dict[str, Any]:
    rep = sub.add_parser("report", help="生成报告（公文格式，PDF 或 Word）",
                         description="报告类型：" + "；".join(f"{k} {v}" for k, v in REPORT_KINDS.items()))
    rep.add_argument("kind", metavar="KIND", help="报告类型：" + "、".join(REPORT_KINDS))
    rep.add_argument("--year", type=int, help="年度（默认：今年；数据库中没有今年时取最近的年度）")
    period = rep.add_mutually_exclusive_group()
    period.add_argument("--month", help="月份：M 或 YYYY-MM（monthly 必填）")
    period.add_argument("--quarter", help="季度：1–4（provincial、leadership 必填；selfeval 不填为全年）")
    rep.add_argument("--division", help="处室名称：只生成该处室的任务分工表（assignment）")
    rep.add_argument("--date", help="成文日期 YYYY-MM-DD（默认：草稿中的日期，或今天）")
    rep.add_argument("--fonts", help="字体文件夹（仿宋、黑体、楷体、宋体等；默认自动查找）")
    rep.add_argument("--draft-json", action="store_true", help="输出草稿的各部分（JSON），不生成文件")
    rep.add_argument("--draft-from", type=Path, metavar="FILE.json", help="使用文件中编辑过的各部分（JSON）")
    rep.add_argument("-o", "--output", type=Path, help="输出文件：.pdf 或 .docx（按扩展名）")
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
            raise InvalidInput("cli.report.bad_quarter", value=args.quarter)
        year, quarter = (int(match.group(1)) if match.group(1) else None), int(match.group(2))
    return year, month, quarter


def _request(args: argparse.Namespace) -> Any:
    from ..core.errors import InvalidInput
    from ..services.drafting.kinds import KINDS, ReportRequest

    kind = KINDS.get(args.kind)
    if kind is None:
        raise InvalidInput("report.unknown_kind", kind=args.kind, kinds=list(KINDS))
    period_year, month, quarter = _period(args)
    if month is not None and "month" not in kind.needs:
        raise InvalidInput("cli.report.no_month", title=kind.title)
    if quarter is not None and not any(n.startswith("quarter") for n in kind.needs):
        raise InvalidInput("cli.report.no_quarter", title=kind.title)
    if args.division is not None and "division" not in kind.needs:
        raise InvalidInput("cli.report.no_division", title=kind.title)
    if "month" in kind.needs and month is None:
        raise InvalidInput("cli.report.month_needed", title=kind.title)
    if "quarter!" in kind.needs and quarter is None:
        raise InvalidInput("cli.report.quarter_needed", title=kind.title)
    if args.year is not None and period_year is not None and args.year != period_year:
        raise InvalidInput("cli.report.year_clash", year=args.year, period_year=period_year)
    try:
        today = date.fromisoformat(args.date) if args.date else None
    except ValueError:
        raise InvalidInput("cli.report.bad_date", value=args.date) from None
    return ReportRequest(kind.key, args.year or period_year or 0, month, quarter, args.division, today, args.fonts)


def cmd_report(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from ..core.errors import InvalidInput, NotFound
    from ..services.plan_read import list_years
    from ..services.startup import open_workspace

    request = _request(args)
    output: Path | None = args.output
    if output is None and not args.draft_json:
        raise InvalidInput("cli.report.no_output")
    if output is not None and (output.is_dir() or not output.parent.is_dir()
                               or output.suffix.lower() not in (".pdf", ".docx")):
        raise InvalidInput("cli.report.bad_output", path=output)
    edited: Any = None
    if args.draft_from is not None:
        try:
            edited = json.loads(args.draft_from.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError) as exc:
            raise InvalidInput("cli.report.draft_file", path=args.draft_from, detail=exc) from None
    ws = open_workspace(args.db, read_only_ok=True)  # a report only reads: fine while the window is open
    try:
        years = list_years(ws.db)
        if not years:
            raise NotFound("cli.report.no_years")
        if not request.year:
            request = replace(request, year=date.today().year if date.today().year in years else years[-1])
        from ..services import drafting
        from ..services.pdf.reports import build_report, check_data

        check_data(ws.db, request)
        doc = (drafting.document_from_json(ws.db, request, edited) if edited is not None
               else drafting.document(ws.db, request))
        if args.draft_json:
            json.dump({**drafting.draft_json(doc), "period": request.period}, sys.stdout, ensure_ascii=False,
                      indent=1)
            sys.stdout.write("\n")
        if output is not None:
            pages = build_report(ws.db, request, output, doc)
            if output.suffix.lower() == ".docx":
                print(messages.render("cli.report.done_docx", {"path": output}), file=sys.stderr
                      if args.draft_json else sys.stdout)
            else:
                print(messages.render("cli.report.done", {"path": output, "pages": pages}), file=sys.stderr
                      if args.draft_json else sys.stdout)
    finally:
        ws.close()
    return 0
