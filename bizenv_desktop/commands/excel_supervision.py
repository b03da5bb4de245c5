"""`bizenv import supervision FILE.xlsx`: a 督办事项台账 into the supervised items.

    bizenv --db PATH import supervision FILE.xlsx [--sheet NAME] [--dry-run] [--json]

--json prints {"items": [{"no", "source", "content", "lead", "cooperating", "received",
"deadline", "deadline_text", "status", "progress", "note", "requirements", "supervision_type",
"urgency", "leader", "feedback_cycle", "completion", "urge_count"}], "warnings": [...],
"units": [{"name", "mapping", "division", "rows", "suggested"?}]}: the items as read (after a
real import, "no" is the number the item has in the database; lead and cooperating as mapped),
and every unit the ledger names with its mapping (existing, alias, new, group, not_unit).
FILE may be .xlsx, .xls or .ods. Registered into excel_io.IMPORTERS, so it shares the
arguments of `bizenv import`; --year is not used.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from . import Handler


def import_supervision(args: argparse.Namespace) -> int:
    from ..services.excel.supervision_import import (apply_supervision_import, plan_supervision_import,
                                                     read_supervision_ledger)
    from ..services.startup import default_database_path
    from ..services.workspace import Workspace

    preview = read_supervision_ledger(args.file, sheet=args.sheet)  # before the database is touched
    db_path = Path(args.db or default_database_path())
    scratch = None
    if args.dry_run and not db_path.exists():  # a dry run creates no file either
        scratch = tempfile.TemporaryDirectory()
        db_path = Path(scratch.name) / "dry-run.sqlite3"
    ws = Workspace.open(db_path, read_only_ok=args.dry_run)
    try:
        if args.dry_run:
            changes, applied = plan_supervision_import(ws.db, preview), False
        else:
            holder: dict[str, Any] = {}
            ws.apply(f"从 Excel 导入督办事项（{Path(args.file).name}）",
                     lambda w: holder.setdefault("c", apply_supervision_import(w, preview)))
            changes, applied = holder["c"], True
    finally:
        ws.close()
        if scratch is not None:
            scratch.cleanup()
    if args.json:
        numbers = changes.numbers if applied else None
        out = preview.to_json(numbers, changes.warnings, changes.units)
        out["units"] = changes.units.to_json()
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return 0
    print(f"读取“{Path(args.file).name}”工作表“{preview.sheet}”：{len(preview.items)} 项督办事项。")
    for warning in [str(w) for w in preview.warnings] + changes.warnings:
        print(f"提示：{warning}")
    for unit in changes.units:
        if unit.kind != "existing":
            print(f"单位：{unit.describe()}")
    for change in changes.changes:
        print(f"  {change.describe()}")
    print(("已" if applied and changes else "（试运行，未写入）" if changes else "") + changes.summary())
    return 0


def register(subparsers: Any) -> dict[str, Handler]:
    from .excel_io import IMPORTERS

    IMPORTERS["supervision"] = import_supervision
    return {}
