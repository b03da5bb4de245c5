""".xls and .ods read as faithfully as .xlsx: the tests' own workbooks of every shape saved by
LibreOffice as .xls and .ods (as WPS and LibreOffice users send them), read by the indicator and
ledger readers, give what the .xlsx gives: the same cells, merged blocks, hidden sheets, previews."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from openpyxl.utils import range_boundaries

from bizenv_desktop.core.errors import InvalidInput
from bizenv_desktop.services.excel.indicator_read import read_indicator_table
from bizenv_desktop.services.excel.sheet_grid import read_grid
from bizenv_desktop.services.excel.supervision_import import read_supervision_ledger
from bizenv_desktop.services.excel.opening import open_workbook
from bizenv_desktop.services.excel.writing import safe_text
from tests.services.test_indicator_import import PDF_PASTE, TWO_LEVEL, TWO_LEVEL_MERGES
from tests.services.test_indicator_import import build as build_table
from tests.services.test_supervision_import import LEDGER, LEDGER_MERGES
from tests.services.test_supervision_import import build as build_ledger
from tests.services.test_task_shapes import CODED, INLINE, INLINE_MERGES, THREE_LEVELS
from tests.soffice import convert

FORMATS = ("xls", "ods")


def _hidden_first(path: Path) -> Path:
    """A workbook whose first sheet is hidden (and holds a table of its own) and whose table is on
    the second sheet."""
    wb = Workbook()
    hidden = wb.active
    hidden.title = "旧表"
    hidden.append(["二级指标", "考评内容及标准"])
    hidden.append(["（1）旧指标", "不读。"])
    hidden.sheet_state = "hidden"
    ws = wb.create_sheet("指标表")
    for r, row in enumerate(TWO_LEVEL, 1):
        for c, value in enumerate(row, 1):
            if value is not None:
                safe_text(ws.cell(r, c), value)  # '=…' typed as text
    for block in TWO_LEVEL_MERGES:
        ws.merge_cells(block)
    wb.active = 1
    wb.save(path)
    return path


def _shifted(path: Path) -> Path:
    """The two-level table two rows down and two columns right, its merges with it: a sheet whose
    first used cell is C3 (calamine reports such a sheet from its first used cell)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "指标表"
    for r, row in enumerate(TWO_LEVEL, 3):
        for c, value in enumerate(row, 3):
            if value is not None:
                safe_text(ws.cell(r, c), value)
    for block in TWO_LEVEL_MERGES:
        c1, r1, c2, r2 = range_boundaries(block)
        ws.merge_cells(start_row=r1 + 2, start_column=c1 + 2, end_row=r2 + 2, end_column=c2 + 2)
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    root = tmp_path_factory.mktemp("formats")
    made = {"two_level": build_table(root / "two_level.xlsx", TWO_LEVEL, TWO_LEVEL_MERGES),
            "pdf_paste": build_table(root / "pdf_paste.xlsx", PDF_PASTE, ("A1:E1",)),
            "hidden_first": _hidden_first(root / "hidden_first.xlsx"),
            "shifted": _shifted(root / "shifted.xlsx"),
            "ledger": build_ledger(root / "ledger.xlsx", LEDGER, LEDGER_MERGES),
            "inline": build_table(root / "inline.xlsx", INLINE, INLINE_MERGES),
            "coded": build_table(root / "coded.xlsx", CODED, ("A1:F1", "A3:A5", "B3:B4")),
            "three_levels": build_table(root / "three_levels.xlsx", THREE_LEVELS, ("A1:D1", "A3:D3", "A8:D8"))}
    out: dict[str, dict[str, Path]] = {name: {"xlsx": p} for name, p in made.items()}
    for fmt in FORMATS:
        for name, path in zip(made, convert(list(made.values()), fmt, root / fmt)):
            out[name][fmt] = path
    return out


def _indicators(path: Path) -> dict[str, Any]:
    pv = read_indicator_table(path)
    return {"json": pv.to_json(), "sheet": pv.sheet, "sheets": pv.sheets, "title": pv.title, "header": pv.header_rows,
            "roles": [c.role for c in pv.columns], "skipped": [str(s) for s in pv.skipped]}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", ["two_level", "pdf_paste", "hidden_first", "shifted", "inline", "coded",
                                  "three_levels"])
def test_indicator_tables_read_the_same(books: dict[str, dict[str, Path]], name: str, fmt: str) -> None:
    assert _indicators(books[name][fmt]) == _indicators(books[name]["xlsx"])


@pytest.mark.parametrize("fmt", FORMATS)
def test_cells_and_merged_blocks_are_the_same(books: dict[str, dict[str, Path]], fmt: str) -> None:
    for name in ("two_level", "shifted", "ledger"):
        grids = []
        for kind in ("xlsx", fmt):
            wb = open_workbook(books[name][kind], read_only=True)
            grids.append(read_grid(wb.worksheets[0]))
            wb.close()
        assert grids[1].rows == grids[0].rows, name
        assert grids[1].merge_of == grids[0].merge_of and grids[0].merge_of, name


@pytest.mark.parametrize("fmt", FORMATS)
def test_hidden_sheets_are_known(books: dict[str, dict[str, Path]], fmt: str) -> None:
    wb = open_workbook(books["hidden_first"][fmt])
    assert wb.sheetnames == ["旧表", "指标表"]
    assert [ws.sheet_state for ws in wb.worksheets] == ["hidden", "visible"]
    wb.close()


@pytest.mark.parametrize("fmt", FORMATS)
def test_ledgers_read_the_same(books: dict[str, dict[str, Path]], fmt: str) -> None:
    def ledger(path: Path) -> tuple:
        pv = read_supervision_ledger(path)
        return (pv.to_json(), pv.header_rows, pv.title, [str(s) for s in pv.skipped], [str(w) for w in pv.warnings])
    assert ledger(books["ledger"][fmt]) == ledger(books["ledger"]["xlsx"])


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bizenv_desktop.cli", *args], capture_output=True, text=True,
                          timeout=120)


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_imports_xls_and_ods(books: dict[str, dict[str, Path]], fmt: str, tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite3"
    proc = run("--db", str(db), "import", "indicators", str(books["two_level"][fmt]), "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["dimensions"] == _indicators(books["two_level"]["xlsx"])["json"]["dimensions"]
    proc = run("--db", str(db), "import", "supervision", str(books["ledger"][fmt]), "--json")
    assert proc.returncode == 0, proc.stderr
    assert [i["no"] for i in json.loads(proc.stdout)["items"]] == ["DB-2024-001", "DB-2024-002", "DB-2024-003",
                                                                   "DB-2024-004"]


def test_an_encrypted_ods_and_an_odt_are_refused_by_name(tmp_path: Path) -> None:
    import zipfile
    locked = tmp_path / "密.ods"
    with zipfile.ZipFile(locked, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", '<manifest:manifest><manifest:file-entry manifest:full-path="content.xml">'
                   "<manifest:encryption-data/></manifest:file-entry></manifest:manifest>")
        z.writestr("content.xml", b"\x00\x01garbage")
    with pytest.raises(InvalidInput, match="密.ods.*设有打开密码"):
        read_indicator_table(locked)
    text = tmp_path / "文.odt"
    with zipfile.ZipFile(text, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<x/>")
    with pytest.raises(InvalidInput, match="OpenDocument 文本"):
        read_supervision_ledger(text)
