"""The Excel imports measured by the benchmarks: the indicator table and the ledger.

The indicator-table import (services/excel/indicator_read.read_indicator_table +
indicator_import.apply_import) on a generated 10 000-row indicator table, and the
supervised-items ledger import (services/excel/supervision_import.py) on a 10 000-row
督办事项台账; each read, then applied in one Workspace.apply, into a fresh copy of the large
database. If the ledger import's functions are not the ones _supervision_import() knows, the
run says so (a TODO line) instead of guessing. Memory: the peak resident size during the
import over the size just before it (the peak is reset there).
"""
from __future__ import annotations

import importlib
import importlib.util
import inspect
import random
import sqlite3
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

EXCEL = "bizenv_desktop.services.excel"
LEDGER_HEADER = ("序号", "编号", "来源", "交办日期", "事项内容", "牵头处室", "配合处室", "办结时限", "办理进度",
                 "状态", "备注")
INDICATOR_HEADER = ("序号", "维度", "一级指标", "二级指标", "考评内容及标准", "分值", "牵头处室", "配合处室",
                    "完成时限")


def _exists(module: str) -> bool:
    try:
        return importlib.util.find_spec(f"{EXCEL}.{module}") is not None
    except ImportError:
        return False


def kinds() -> list[str]:
    """The imports the app has: 'indicator', 'supervision'."""
    return [kind for kind, modules in (("indicator", ("indicator_import", "indicator_read")),
                                       ("supervision", ("supervision_import",)))
            if all(_exists(m) for m in modules)]


def _division_names(db: Path) -> list[str]:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM division WHERE kind = 'division' ORDER BY id")]
    finally:
        conn.close()


def make_workbook(which: str, path: Path, rows: int, db: Path, seed: int = 11) -> int:
    """Write a table of `rows` data rows as offices send them (title, header, rows); returns rows."""
    from openpyxl import Workbook

    rng = random.Random(seed)
    names = _division_names(db)
    book = Workbook()
    sheet = book.active
    if which == "supervision":
        from bizenv_desktop.services.supervision_read import SOURCES, STATUSES

        sheet.title = "督办事项台账"
        sheet.append(["交办督办事项台账"])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(LEDGER_HEADER))
        sheet.append(list(LEDGER_HEADER))
        start = date(2024, 1, 1)
        for n in range(1, rows + 1):
            received = start + timedelta(days=rng.randrange(900))
            units = rng.sample(names, k=3)
            sheet.append([n, f"DR-{received.year}-{n:05d}", rng.choice(SOURCES), received.isoformat(),
                          f"导入的督办事项第 {n} 件：规范涉企检查，减少重复检查。", units[0],
                          "、".join(units[1:1 + rng.randint(0, 2)]),
                          rng.choice([(received + timedelta(days=30)).isoformat(), "6月底前", "持续推进"]),
                          "正在办理", rng.choice(STATUSES[:2]), ""])
    else:
        sheet.title = "指标表"
        sheet.append(["营商环境考核评价指标及任务分工表"])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(INDICATOR_HEADER))
        sheet.append(list(INDICATOR_HEADER))
        per_first = 100
        firsts = max(1, rows // per_first)
        dims = max(1, firsts // 25)
        n = 0
        for f in range(firsts):
            d = f * dims // firsts
            first_row = sheet.max_row + 1
            for _s in range(per_first):
                n += 1
                units = rng.sample(names, k=3)
                sheet.append([n, f"{'一二三四五六七八九十'[d % 10]}、导入维度{d + 1}", f"{f + 1}.导入一级指标{f + 1}",
                              f"（{n}）导入二级指标{n}", f"按要求完成第 {n} 项工作，材料齐全，按时报送。",
                              rng.choice([1, 2, 3, 4]), units[0], "、".join(units[1:1 + rng.randint(0, 2)]),
                              rng.choice(["6月底前", "年底前", "持续推进", ""])])
            sheet.merge_cells(start_row=first_row, start_column=3, end_row=sheet.max_row, end_column=3)
    book.save(path)
    return rows if which == "supervision" else n


def _copy(db: Path, copy: Path) -> None:
    source = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    target = sqlite3.connect(copy)
    source.backup(target)
    target.close()
    source.close()


def run_app_import(args: dict[str, Any]) -> dict[str, Any]:
    """Import args['xlsx'] into a copy of the large database as the app does: read, then one
    Workspace.apply (one transaction, undo snapshot and audit rows). Times exclude imports."""
    from bizenv_desktop.services.startup import open_workspace

    from benchmarks.probe import peak_rss_kb, rss_kb

    copy = Path(args["copy"])
    _copy(Path(args["db"]), copy)
    ws = open_workspace(copy)
    try:
        before = rss_kb()  # the peak is reset here: what follows is the import's own memory
        if args["which"] == "supervision":
            result = _supervision_import(ws, Path(args["xlsx"]))
        else:
            result = _indicator_import(ws, Path(args["xlsx"]))
        result["memory_kb"] = peak_rss_kb() - before
        return result
    finally:
        ws.close()


def _indicator_import(ws: Any, xlsx: Path) -> dict[str, Any]:
    from bizenv_desktop.services.excel.indicator_import import apply_import, plan_changes
    from bizenv_desktop.services.excel.indicator_read import read_indicator_table

    year = (ws.db.scalar("SELECT max(year) FROM plan_year") or 2026) + 1  # a new year: every row is created
    t0 = time.perf_counter()
    preview = read_indicator_table(xlsx)
    read_ms = (time.perf_counter() - t0) * 1000
    t1 = time.perf_counter()
    changes = ws.apply("导入指标表", lambda w: apply_import(w, year, preview))
    apply_ms = (time.perf_counter() - t1) * 1000
    t2 = time.perf_counter()
    plan_changes(ws.db, year, preview)  # what the preview dialog shows before importing (now: no changes)
    check_ms = (time.perf_counter() - t2) * 1000
    total = read_ms + apply_ms
    return {"ms": round(total, 1), "read_ms": round(read_ms, 1), "apply_ms": round(apply_ms, 1),
            "plan_changes_again_ms": round(check_ms, 1), "changes": len(changes.changes),
            "detail": f"read {read_ms:.0f} ms + apply {apply_ms:.0f} ms ({len(changes.changes)} row changes)"}


def _supervision_import(ws: Any, xlsx: Path) -> dict[str, Any]:
    """The ledger import, called the way the indicator import is called (read, then apply in one
    action). Extend this when supervision_import.py settles on other names."""
    functions: dict[str, Any] = {}
    for name in ("supervision_import", "supervision_apply"):  # the reader, and what it re-exports
        if _exists(name):
            module = importlib.import_module(f"{EXCEL}.{name}")
            functions.update((n, f) for n, f in inspect.getmembers(module, inspect.isfunction) if not n.startswith("_"))
    read = next((functions[n] for n in ("read_supervision_ledger", "read_ledger", "read_supervision_table")
                 if n in functions), None)
    plan = functions.get("plan_supervision_import")
    apply = next((functions[n] for n in ("apply_supervision_import", "apply_import", "import_ledger")
                  if n in functions), None)
    if read is None or apply is None:
        return {"ms": None, "todo": "TODO: services/excel/supervision_import.py exists but benchmarks/importing.py "
                                    f"does not know its functions ({', '.join(sorted(functions))}); "
                                    "teach _supervision_import() to call them"}
    t0 = time.perf_counter()
    preview = read(xlsx)
    read_ms = (time.perf_counter() - t0) * 1000
    plan_ms = None
    if plan is not None:  # what the preview dialog shows before the import (not part of the import's time)
        t1 = time.perf_counter()
        plan(ws.db, preview)
        plan_ms = (time.perf_counter() - t1) * 1000
    t2 = time.perf_counter()
    changes = ws.apply("导入督办事项台账", lambda w: apply(w, preview))
    apply_ms = (time.perf_counter() - t2) * 1000
    items = ws.db.scalar("SELECT count(*) FROM supervision_item")
    plan_text = f"; the preview before it (plan) {plan_ms:.0f} ms" if plan_ms is not None else ""
    return {"ms": round(read_ms + apply_ms, 1), "read_ms": round(read_ms, 1), "apply_ms": round(apply_ms, 1),
            "plan_ms": None if plan_ms is None else round(plan_ms, 1), "items_after": items,
            "changes": len(getattr(changes, "changes", []) or []),
            "detail": f"read {read_ms:.0f} ms + apply {apply_ms:.0f} ms{plan_text}; {items} items after"}
