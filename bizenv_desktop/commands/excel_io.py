"""`bizenv import KIND FILE.xlsx` and `bizenv export KIND -o FILE.xlsx`.

    bizenv --db PATH import indicators FILE.xlsx|.xls|.ods [--year Y] [--sheet NAME] [--dry-run] [--json]
    bizenv --db PATH export indicators|dispatch|supervision|events|audit -o FILE.xlsx
                            [--year Y] [--month YYYY-MM] [--from D] [--to D]

Kinds are looked up in IMPORTERS and EXPORTERS ({kind: handler(args) -> exit code}). A sibling
module in bizenv_desktop/commands/ adds one from its register():

    from .excel_io import IMPORTERS
    def register(subparsers):
        IMPORTERS["supervision"] = import_supervision   # gets the parsed args of `import`
        return {}

The `import` arguments (file, --year, --sheet, --dry-run, --json) are shared by all kinds.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from ..core import messages

messages.register({
    "excel_cmd.no_year": ("数据库中没有 {year} 年度的方案。现有年度：{years}。",
                          "The database has no plan for {year}. Years it has: {years}."),
    "excel_cmd.no_years_word": ("无", "none"),
    "excel_cmd.no_plans": ("数据库中还没有任何年度的方案。", "The database has no plan for any year yet."),
    "excel_cmd.not_xlsx": ("输出文件“{path}”应以 .xlsx 结尾。", "The output file “{path}” should end in .xlsx."),
    "excel_cmd.needs_month": ("导出月调度台账需要 --month YYYY-MM。",
                              "Exporting the monthly dispatch ledger needs --month YYYY-MM."),
    "excel_cmd.no_database": ("找不到数据库文件“{path}”。", "Database file “{path}” was not found."),
})

Handler = Callable[[argparse.Namespace], int]


def _err(message: str) -> int:
    print(f"错误：{message}", file=sys.stderr)
    return 2


def _pick_year(db: Any, wanted: int | None) -> int:
    from ..core.errors import NotFound
    from ..services.plan_read import list_years

    years = list_years(db)
    if wanted is not None:
        if wanted not in years:
            raise NotFound("excel_cmd.no_year", year=wanted, years=[str(y) for y in years] or "excel_cmd.no_years_word")
        return wanted
    if not years:
        raise NotFound("excel_cmd.no_plans")
    return date.today().year if date.today().year in years else years[-1]


def import_indicators(args: argparse.Namespace) -> int:
    from ..services.excel.indicator_import import apply_import, plan_changes, read_indicator_table
    from ..services.startup import default_database_path
    from ..services.workspace import Workspace

    preview = read_indicator_table(args.file, sheet=args.sheet)  # before the database is touched
    year = args.year or preview.year_hint or date.today().year
    if preview.errors:
        if args.json:
            sys.stdout.write(json.dumps(preview.to_json(year), ensure_ascii=False, indent=2) + "\n")
        preview.check()
    db_path = Path(args.db or default_database_path())
    scratch = None
    if args.dry_run and not db_path.exists():  # a dry run creates no file either
        scratch = tempfile.TemporaryDirectory()
        db_path = Path(scratch.name) / "dry-run.sqlite3"
    # a new file gets no built-in plan, only what the table holds; a dry run may read beside a window
    ws = Workspace.open(db_path, read_only_ok=args.dry_run)
    try:
        if args.dry_run:
            changes = plan_changes(ws.db, year, preview)
            applied = False
        else:
            label = f"从 Excel 导入指标（{Path(args.file).name}）"
            holder: dict[str, Any] = {}
            ws.apply(label, lambda w: holder.setdefault("c", apply_import(w, year, preview)))
            changes, applied = holder["c"], True
    finally:
        ws.close()
        if scratch is not None:
            scratch.cleanup()
    warnings = [str(w) for w in preview.warnings] + changes.warnings
    if args.json:
        out = preview.to_json(year)
        out["warnings"] = warnings
        out["units"] = changes.units.to_json()
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return 0
    print(f"读取“{Path(args.file).name}”工作表“{preview.sheet}”：{len(preview.first_level())} 项一级指标，"
          f"{len(preview.second_level())} 项二级指标。")
    for w in warnings:
        print(f"提示：{w}")
    for unit in changes.units:
        if unit.kind != "existing":
            print(f"单位：{unit.describe()}")
    for change in changes.changes:
        print(f"  {change.describe()}")
    if not changes:
        print(changes.summary())
    elif applied:
        print("已" + changes.summary())
    else:
        print("（试运行，未写入）" + changes.summary())
    return 0


def _export(kind: str) -> Handler:
    def run(args: argparse.Namespace) -> int:
        from ..core.dispatch import check_month
        from ..core.errors import InvalidInput
        from ..services.excel import export
        from ..services.startup import default_database_path
        from ..services.workspace import Workspace

        out = Path(args.output)
        if out.suffix.lower() != ".xlsx":
            raise InvalidInput("excel_cmd.not_xlsx", path=str(out))
        if kind == "dispatch" and not args.month:
            raise InvalidInput("excel_cmd.needs_month")
        path = args.db or default_database_path()
        if not Path(path).is_file():
            raise InvalidInput("excel_cmd.no_database", path=str(path))
        ws = Workspace.open(path, read_only_ok=True)  # reads only: fine beside an open window
        db = ws.db
        try:
            if kind == "indicators":
                n = export.export_indicators(db, _pick_year(db, args.year), out)
            elif kind == "dispatch":
                n = export.export_dispatch(db, check_month(args.month), out)
            elif kind == "supervision":
                n = export.export_supervision(db, out)
            elif kind == "events":
                n = export.export_events(db, args.year, out)
            else:
                n = export.export_audit(db, out, date_from=args.date_from, date_to=args.date_to,
                                        entity=args.entity, text=args.text)
        finally:
            ws.close()
        print(f"已导出 {n} 行到 {out}")
        return 0
    return run


IMPORTERS: dict[str, Handler] = {"indicators": import_indicators}
EXPORTERS: dict[str, Handler] = {k: _export(k) for k in ("indicators", "dispatch", "supervision", "events", "audit")}


def cmd_import(args: argparse.Namespace) -> int:
    handler = IMPORTERS.get(args.kind)
    if handler is None:
        return _err(f"不能导入“{args.kind}”，可导入：{'、'.join(IMPORTERS)}。")
    return handler(args)


def cmd_export(args: argparse.Namespace) -> int:
    handler = EXPORTERS.get(args.kind)
    if handler is None:
        return _err(f"不能导出“{args.kind}”，可导出：{'、'.join(EXPORTERS)}。")
    return handler(args)


def register(subparsers: Any) -> dict[str, Handler]:
    imp = subparsers.add_parser("import", help="导入（indicators：指标表；supervision：督办事项台账；plan：方案文档）")
    imp.add_argument("kind", metavar="KIND", help="导入什么：indicators（指标表）、supervision（督办事项台账）"
                                                  "或 plan（方案文档 .docx/.txt，建立新年度）")
    imp.add_argument("file", metavar="FILE", help="Excel 工作簿；plan：Word 文档或文本文件")
    imp.add_argument("--year", type=int, help="导入到哪个年度（默认取标题中的年份；否则指标表为今年、方案为下一年度）")
    imp.add_argument("--sheet", help="工作表名称（默认自动查找）")
    imp.add_argument("--dry-run", action="store_true", help="只显示将要新建和更新的内容，不写入")
    imp.add_argument("--json", action="store_true", help="以 JSON 输出读到的指标和提示")
    exp = subparsers.add_parser("export", help="导出 Excel 工作簿")
    exp.add_argument("kind", metavar="KIND", help="indicators、dispatch、supervision、events 或 audit")
    exp.add_argument("-o", "--output", required=True, metavar="FILE.xlsx", help="保存到的文件")
    exp.add_argument("--year", type=int, help="年度（indicators、events）")
    exp.add_argument("--month", help="月份 YYYY-MM（dispatch）")
    exp.add_argument("--from", dest="date_from", help="起始日期（audit）")
    exp.add_argument("--to", dest="date_to", help="截止日期（audit）")
    exp.add_argument("--entity", help="对象，如 indicator（audit）")
    exp.add_argument("--text", help="包含的文字（audit）")
    return {"import": cmd_import, "export": cmd_export}
