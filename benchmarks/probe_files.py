"""Probes of the file work (reports, imports, forms), each with its bare-library twin.

Each pair runs in two fresh processes (benchmarks/probe.py starts them): the app's call, then
the same rows, cells or fonts through the library alone — reportlab for the PDFs, openpyxl for
the imports and the forms. The app probe writes what the twin needs (the captured rows, the
files it made) to a JSON file the twin reads before its clock starts.
"""
from __future__ import annotations

import cProfile
import json
import statistics
import time
from pathlib import Path
from typing import Any

from benchmarks.probe import emit, rss_kb


# -- PDF reports ----------------------------------------------------------------------------

def pdf_app(args: dict[str, Any]) -> None:
    """build_report on the large database: the first build in a fresh process (fonts found and
    registered), then warm builds. The paragraphs and tables it lays out are captured for the twin."""
    from datetime import date

    from bizenv_desktop.services.pdf import render, reports
    from bizenv_desktop.storage.database import open_reader

    kind = args["kind"]
    if kind not in reports.KINDS:
        emit({"missing": f"report kind {kind!r} is not in services/pdf/reports.KINDS"})
        return
    paras: list[dict[str, Any]] = []
    tables: list[dict[str, Any]] = []
    block, grid = render.Renderer.block, render.grid_table

    def spy_block(self: Any, items: Any, keep_last: int = 0) -> Any:
        paras.extend({"runs": [[r.text, r.font] for r in p.runs], "size": p.size, "blank": p.blank} for p in items)
        return block(self, items, keep_last)

    def spy_grid(header: Any, rows: Any, widths_mm: Any, styles: Any, *more: Any, **kw: Any) -> Any:
        tables.append({"header": [str(h) for h in header], "widths_mm": list(widths_mm),
                       "rows": [[c if isinstance(c, str) else "" for c in row] for row in rows],
                       "cell_font": styles.cell.fontName, "head_font": styles.cell_head.fontName,
                       "cell_pt": styles.cell.fontSize})
        return grid(header, rows, widths_mm, styles, *more, **kw)
    render.Renderer.block = spy_block  # type: ignore[method-assign]
    render.grid_table = spy_grid  # type: ignore[assignment]
    db = open_reader(args["db"])
    request = reports.ReportRequest(kind, args["year"], month=args.get("month"), quarter=args.get("quarter"),
                                    today=date.fromisoformat(args["today"]) if args.get("today") else None)
    out = Path(args["out_dir"])
    profiler = cProfile.Profile() if args.get("profile") else None
    if profiler:
        profiler.enable()
    t0 = time.perf_counter()
    pages = reports.build_report(db, request, out / f"{kind}-cold.pdf")
    cold = (time.perf_counter() - t0) * 1000
    if profiler:
        profiler.disable()
        profiler.dump_stats(args["profile"])
    captured = {"paras": list(paras), "tables": list(tables)}
    warm = []
    for n in range(args.get("repeat", 3)):
        t0 = time.perf_counter()
        reports.build_report(db, request, out / f"{kind}-{n}.pdf")
        warm.append((time.perf_counter() - t0) * 1000)
    from bizenv_desktop.services.pdf.fonts import choose_fonts
    fonts = {c.name: [str(c.path), c.subfont] for c in choose_fonts(None).values()}
    Path(args["tables_out"]).write_text(json.dumps({**captured, "fonts": fonts,
                                                    "orientation": reports.KINDS[kind].orientation},
                                                   ensure_ascii=False), encoding="utf-8")
    emit({"cold_ms": round(cold, 1), "warm_ms": round(statistics.median(warm), 1), "pages": pages,
          "paras": len(captured["paras"]), "tables": len(tables), "rows": sum(len(t["rows"]) for t in tables),
          "bytes": (out / f"{kind}-cold.pdf").stat().st_size})


def pdf_bare(args: dict[str, Any]) -> None:
    """The same paragraphs and table rows in bare reportlab: the same TrueType fonts registered,
    each paragraph a Paragraph in its fonts and size, each table of Paragraph cells with a grid
    and its header repeated; the same page size and orientation."""
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    spec = json.loads(Path(args["tables_in"]).read_text(encoding="utf-8"))
    out = Path(args["out_dir"])

    def build(name: str) -> None:
        story: list[Any] = []
        styles: dict[tuple[str, float], ParagraphStyle] = {}
        for par in spec["paras"]:
            if par["blank"] or not par["runs"]:
                story.append(Spacer(1, par["size"]))
                continue
            font, size = par["runs"][0][1], par["size"]
            style = styles.setdefault((font, size), ParagraphStyle(f"p{len(styles)}", fontName=font, fontSize=size,
                                                                   leading=size * 1.75, wordWrap="CJK"))
            text = "".join(escape(t) if f == font else f'<font name="{f}">{escape(t)}</font>' for t, f in par["runs"])
            story.append(Paragraph(text, style))
        for t in spec["tables"]:
            cell = ParagraphStyle("cell", fontName=t["cell_font"], fontSize=t["cell_pt"],
                                  leading=t["cell_pt"] * 1.35, wordWrap="CJK")
            head = ParagraphStyle("head", parent=cell, fontName=t["head_font"])
            width = len(t["header"])
            body = [[Paragraph(escape(h), head) for h in t["header"]]]
            body += [[Paragraph(escape(c), cell) for c in row] + [""] * (width - len(row)) for row in t["rows"]]
            table = Table(body, colWidths=[w * mm for w in t["widths_mm"]], repeatRows=1)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                                       ("FONTNAME", (0, 0), (-1, -1), t["cell_font"])]))
            story.append(table)
        size = landscape(A4) if spec["orientation"] == "landscape" else A4
        SimpleDocTemplate(str(out / name), pagesize=size, leftMargin=28 * mm, rightMargin=26 * mm,
                          topMargin=37 * mm, bottomMargin=35 * mm).build(story)

    t0 = time.perf_counter()
    for name, (path, subfont) in spec["fonts"].items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, path, subfontIndex=subfont))
    build("bare-cold.pdf")
    cold = (time.perf_counter() - t0) * 1000
    warm = []
    for n in range(args.get("repeat", 3)):
        t0 = time.perf_counter()
        build(f"bare-{n}.pdf")
        warm.append((time.perf_counter() - t0) * 1000)
    emit({"cold_ms": round(cold, 1), "warm_ms": round(statistics.median(warm), 1)})


# -- Excel imports --------------------------------------------------------------------------

def import_app(args: dict[str, Any]) -> None:
    """One import (benchmarks/importing.py) into a fresh copy of the large database, with the
    memory it took: the peak resident size over the size just before the file is read."""
    from benchmarks import importing

    profiler = cProfile.Profile() if args.get("profile") else None
    if profiler:
        profiler.enable()
    result = importing.run_app_import(args)
    if profiler:
        profiler.disable()
        profiler.dump_stats(args["profile"])
    emit(result)


def import_bare(args: dict[str, Any]) -> None:
    """openpyxl read-only iteration of every row of the same file, and the memory that took."""
    from openpyxl import load_workbook

    from benchmarks.probe import peak_rss_kb

    before = rss_kb()
    t0 = time.perf_counter()
    book = load_workbook(args["xlsx"], read_only=True, data_only=True)
    rows = 0
    for sheet in book.worksheets:
        for _row in sheet.iter_rows(values_only=True):
            rows += 1
    book.close()
    ms = (time.perf_counter() - t0) * 1000
    emit({"ms": round(ms, 1), "rows": rows, "memory_kb": peak_rss_kb() - before})


# -- the divisions' forms -------------------------------------------------------------------

def forms_app(args: dict[str, Any]) -> None:
    """make_forms for a month of the large database (every division's workbook), then, after the
    divisions filled them in (openpyxl, not timed), collect_preview and apply_form of each, one
    action per form as the window does."""
    from datetime import date

    import openpyxl

    from bizenv_desktop.services import forms
    from bizenv_desktop.services.startup import open_workspace
    from benchmarks.importing import _copy

    copy = Path(args["copy"])
    _copy(Path(args["db"]), copy)
    ws = open_workspace(copy)
    month, out = args["month"], Path(args["out_dir"])
    today = date.fromisoformat(args["today"])
    t0 = time.perf_counter()
    paths = forms.make_forms(ws.db, month, out, today)
    make_ms = (time.perf_counter() - t0) * 1000
    cells = 0
    for n, path in enumerate(paths):  # as each division would: its rows' progress and status filled in
        book = openpyxl.load_workbook(path)
        sheet = book[forms.SHEET]
        head = {str(c.value): c.column for c in sheet[forms.HEAD] if c.value}
        for r in range(forms.HEAD + 1, sheet.max_row + 1):
            if sheet.cell(r, head["本月进展"]).protection.locked:
                continue
            sheet.cell(r, head["本月进展"]).value = f"第 {n} 处室本月推进情况，第 {r} 行。"
            sheet.cell(r, head["完成状态"]).value = "推进中"
        book.save(path)
    for path in paths:
        book = openpyxl.load_workbook(path, read_only=True)
        cells += sum(1 for s in book.worksheets for row in s.iter_rows(values_only=True) for _v in row)
        book.close()
    t0 = time.perf_counter()
    previews = forms.collect_preview(ws.db, paths, month)
    read_ms = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    changed = 0
    for pv in previews:
        if pv.ok:
            ws.apply("收回调度表", lambda w, pv=pv: forms.apply_form(w, w.db, pv.form, month, today))
            changed += len(pv.changes)
    apply_ms = (time.perf_counter() - t0) * 1000
    ws.close()
    Path(args["files_out"]).write_text(json.dumps([str(p) for p in paths], ensure_ascii=False), encoding="utf-8")
    emit({"make_ms": round(make_ms, 1), "collect_ms": round(read_ms + apply_ms, 1), "read_ms": round(read_ms, 1),
          "apply_ms": round(apply_ms, 1), "files": len(paths), "cells": cells, "rows_changed": changed,
          "not_ok": sum(1 for pv in previews if not pv.ok)})


def forms_bare(args: dict[str, Any]) -> None:
    """openpyxl alone on the same cells: writing every value of the app's forms into new workbooks
    (same sheets, no styles, no validation, no protection), and reading the filled forms back
    (read-only, every cell's value)."""
    import openpyxl

    paths = [Path(p) for p in json.loads(Path(args["files_in"]).read_text(encoding="utf-8"))]
    values = []
    for path in paths:  # what the app wrote (filled in since; the same cells): not timed
        book = openpyxl.load_workbook(path, read_only=True)
        values.append([(s.title, [list(r) for r in s.iter_rows(values_only=True)]) for s in book.worksheets])
        book.close()
    out = Path(args["out_dir"])
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    for n, sheets in enumerate(values):
        book = openpyxl.Workbook()
        book.remove(book.active)
        for title, rows in sheets:
            sheet = book.create_sheet(title)
            for row in rows:
                sheet.append(row)
        book.save(out / f"bare-{n}.xlsx")
    write_ms = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    cells = 0
    for path in paths:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        cells += sum(1 for s in book.worksheets for row in s.iter_rows(values_only=True) for _v in row)
        book.close()
    read_ms = (time.perf_counter() - t0) * 1000
    emit({"make_ms": round(write_ms, 1), "collect_ms": round(read_ms, 1), "cells": cells})


PROBES = {f.__name__: f for f in (pdf_app, pdf_bare, import_app, import_bare, forms_app, forms_bare)}
