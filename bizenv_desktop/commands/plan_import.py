"""`bizenv import plan FILE.docx|FILE.txt`: a plan document as a new plan year.

    bizenv --db PATH import plan FILE.docx|FILE.txt [--year Y] [--dry-run] [--json]

Prints the tree the import makes (with --json exactly the JSON of `bizenv indicators --json`
for that year), how it differs from the year before, and the reader's notes (on stderr with
--json). The year defaults to the one in the title, else the year after the newest in the
file. Registered into excel_io.IMPORTERS, so it shares the arguments of `bizenv import`.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from . import Handler


def _messages() -> None:
    from ..core import messages

    messages.register({
        "plan_import.cli_read": ("读取“{file}”：{dims} 个维度、{firsts} 个一级指标、{seconds} 个二级指标、{subtasks} 个子任务。",
                                 "Read “{file}”: {dims} dimensions, {firsts} first-level and {seconds} second-level "
                                 "indicators, {subtasks} sub-tasks."),
        "plan_import.cli_note": ("提示：{text}", "Note: {text}"),
        "plan_import.cli_diff": ("与 {year} 年度相比：新增 {added} 项、删除 {removed} 项、改动措辞 {reworded} 项、"
                                 "责任处室变化 {divisions} 项。",
                                 "Against {year}: {added} added, {removed} removed, {reworded} reworded, "
                                 "{divisions} with changed divisions."),
        "plan_import.cli_added": ("  新增：{code} {name}", "  added: {code} {name}"),
        "plan_import.cli_removed": ("  删除：{code} {name}", "  removed: {code} {name}"),
        "plan_import.cli_reworded": ("  改动：{code} {old} → {new}", "  reworded: {code} {old} → {new}"),
        "plan_import.cli_divisions": ("  责任处室：{code} {name}：{old} → {new}", "  divisions: {code} {name}: {old} → {new}"),
        "plan_import.cli_new_divisions": ("将新建处室：{names}", "New divisions: {names}"),
        "plan_import.cli_done": ("已导入为 {year} 年度{replaced}。", "Imported as the year {year}{replaced}."),
        "plan_import.cli_dry": ("（试运行，未写入）将导入为 {year} 年度{replaced}。", "(dry run, nothing written) Would "
                                "import as the year {year}{replaced}."),
        "plan_import.cli_replaced": ("（替换原有内容）", " (replacing what it held)"),
    })


def _short(text: str, n: int = 30) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[:n - 1] + "…"


def print_tree(tree: dict[str, Any]) -> None:
    for d in tree["dimensions"]:
        print(f"（{d['code']}）{d['name']}" if d["code"] else d["name"])
        for f in d["indicators"]:
            print(f"  {f['code']}、{f['name']}" if f["code"] else f"  {f['name']}")
            for s in f["children"]:
                units = "；".join(f"{u['name']}[{u['role']}]" for u in s["divisions"])
                print(f"    {s['code']} {s['name']}  —  {units}".rstrip(" —"))
                for t in s["children"]:
                    print(f"      · {t['name']}" + (f"  —  {t['divisions'][0]['name']}" if t["divisions"] else "")
                          + (f"  {t['deadline']}" if t["deadline"] else ""))


def import_plan(args: argparse.Namespace) -> int:
    from ..core import messages
    from ..services.department import get_department
    from ..services.plan_doc import read_plan_document
    from ..services.plan_import import apply_plan_import, preview_plan_import
    from ..services.plan_read import load_plan, plan_to_json
    from ..services.startup import default_database_path
    from ..services.workspace import Workspace

    _messages()
    parsed = read_plan_document(args.file)  # before the database is touched
    db_path = Path(args.db or default_database_path())
    scratch = None
    if args.dry_run and not db_path.exists():  # a dry run creates no file either
        scratch = tempfile.TemporaryDirectory()
        db_path = Path(scratch.name) / "dry-run.sqlite3"
    ws = Workspace.open(db_path, read_only_ok=args.dry_run)
    try:
        if args.dry_run:
            preview = preview_plan_import(ws.db, parsed, args.year)
            tree = preview.tree
        else:
            office = get_department(ws.db).name
            holder: dict[str, Any] = {}
            ws.apply(f"导入方案文档（{Path(args.file).name}）",
                     lambda w: holder.setdefault("p", apply_plan_import(w, parsed, args.year, office=office)))
            preview = holder["p"]
            tree = plan_to_json(load_plan(ws.db, preview.year))
    finally:
        ws.close()
        if scratch is not None:
            scratch.cleanup()
    say = messages.render
    if args.json:
        sys.stdout.write(json.dumps(tree, ensure_ascii=False, indent=2) + "\n")
        for note in preview.notes:
            print(say("plan_import.cli_note", {"text": note.text()}), file=sys.stderr)
        return 0
    plan = preview.plan
    print(say("plan_import.cli_read", {
        "file": Path(args.file).name, "dims": len(plan.dimensions), "firsts": len(plan.first_level()),
        "seconds": len(plan.second_level()), "subtasks": sum(len(s.subtasks) for s in plan.second_level())}))
    print_tree(tree)
    for note in preview.notes:
        print(say("plan_import.cli_note", {"text": note.text()}))
    if preview.new_divisions:
        print(say("plan_import.cli_new_divisions", {"names": "、".join(preview.new_divisions)}))
    diff = preview.diff
    if diff.base_year is not None:
        print(say("plan_import.cli_diff", {"year": diff.base_year, **diff.counts()}))
        for e in diff.entries:
            if e.level != 2:
                continue
            values = {"code": e.code, "name": _short(e.name), "old": _short(e.old), "new": _short(e.new)}
            print(say(f"plan_import.cli_{e.change}", values))
    replaced = say("plan_import.cli_replaced") if preview.replaces else ""
    print(say("plan_import.cli_dry" if args.dry_run else "plan_import.cli_done",
              {"year": preview.year, "replaced": replaced}))
    return 0


def register(subparsers: Any) -> dict[str, Handler]:
    from .excel_io import IMPORTERS

    IMPORTERS["plan"] = import_plan
    return {}
