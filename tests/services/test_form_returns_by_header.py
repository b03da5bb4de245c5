"""Returned division forms checked by header and row key (issue 13): a moved or swapped column is read
by its header (or refused naming the columns), an inserted or deleted row gives one message naming it,
a stray cell far below costs nothing, forms come back as .xls or .ods too; each form shows the
indicator's 考评内容及标准 and prints on one A4 landscape page at a readable size (LibreOffice's PDF of
the form, measured with poppler)."""
from __future__ import annotations

import re
import statistics
import subprocess
import time
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from bizenv_desktop.services import dispatch, forms
from tests.services.test_forms import APRIL, MAY, TODAY, apply, fill, locate, row_of
from tests.soffice import convert


@pytest.fixture
def may(workspace: Any) -> Any:
    """April filled in part and May started from it (as test_forms.may)."""
    workspace.apply("s", lambda w: dispatch.start_month(w, APRIL))
    for code, fields in (("(1)", {"status": "推进中", "progress": "四月已起草"}),
                         ("(10)", {"status": "推进中", "numerator": 80, "denominator": 100})):
        row_id = row_of(workspace, APRIL, code).id
        workspace.apply("f", lambda w, i=row_id, f=fields: dispatch.update_row(w, i, **f))
    workspace.apply("s", lambda w: dispatch.start_month(w, MAY))
    return workspace


@pytest.fixture
def files(may: Any, tmp_path: Path) -> dict[str, Path]:
    paths = forms.make_forms(may.db, MAY, tmp_path / "out", TODAY)
    return {p.name.split("（")[1].split("）")[0]: p for p in paths}

PROGRESS, PROBLEMS = forms.COL["progress"], forms.COL["problems"]


def _unprotected(path: Path, target: Path) -> tuple[openpyxl.Workbook, Any]:
    wb = openpyxl.load_workbook(path)
    ws = wb[forms.SHEET]
    ws.protection.sheet = False
    wb.security = None
    return wb, ws


def _swap(path: Path, target: Path, a: int, b: int) -> Path:
    """Columns a and b exchanged, headers included (as a division that moved them would)."""
    wb, ws = _unprotected(path, target)
    for r in range(1, ws.max_row + 1):
        if r in (1, 2):
            continue
        ws.cell(r, a).value, ws.cell(r, b).value = ws.cell(r, b).value, ws.cell(r, a).value
    wb.save(target)
    return target


def test_swapped_columns_are_read_by_their_headers(may: Any, files: dict[str, Path], tmp_path: Path) -> None:
    filled = fill(files["法规处"], [("(1)", "", get_column_letter(PROGRESS), "方案已公开"),
                                    ("(1)", "", get_column_letter(PROBLEMS), "人手不足")])
    swapped = _swap(filled, tmp_path / "换列.xlsx", PROGRESS, PROBLEMS)
    ws = openpyxl.load_workbook(swapped)[forms.SHEET]
    assert ws.cell(forms.HEAD, PROGRESS).value == "存在问题"  # the file really has them the other way round
    (pv,) = forms.collect_preview(may.db, [swapped], MAY)
    assert pv.ok, [p.text for p in pv.problems]
    [change] = [c for c in pv.changes if c.label.startswith("(1)")]
    assert {f.field: f.new for f in change.fields} == {"progress": "方案已公开", "problems": "人手不足"}
    apply(may, pv)
    row = next(r for r in dispatch.load_month(may.db, MAY).rows if r.indicator_code == "(1)")
    assert (row.progress, row.problems) == ("方案已公开", "人手不足")


@pytest.mark.parametrize("how, message", [
    ("renamed", "找不到“存在问题”列（表头在第 3 行）"),
    ("twice", "“本月进展”出现在 J、K 多列"),
])
def test_a_missing_or_doubled_header_is_refused_naming_the_column(may: Any, files: dict[str, Path], tmp_path: Path,
                                                                  how: str, message: str) -> None:
    wb, ws = _unprotected(files["法规处"], tmp_path / "x.xlsx")
    ws.cell(forms.HEAD, PROBLEMS).value = "困难" if how == "renamed" else "本月进展"
    wb.save(tmp_path / f"{how}.xlsx")
    (pv,) = forms.collect_preview(may.db, [tmp_path / f"{how}.xlsx"], MAY)
    assert not pv.ok and pv.form.rows == []
    assert any(message in p.text for p in pv.problems), [p.text for p in pv.problems]


def test_an_inserted_row_gives_one_message_naming_it(may: Any, files: dict[str, Path], tmp_path: Path) -> None:
    wb, ws = _unprotected(files["法规处"], tmp_path / "x.xlsx")
    ws.insert_rows(6)
    wb.save(tmp_path / "blank.xlsx")
    (pv,) = forms.collect_preview(may.db, [tmp_path / "blank.xlsx"], MAY)
    assert pv.ok  # an empty row inserted: every row is found by its key
    ws.cell(6, PROGRESS).value = "另外做了一件事"
    wb.save(tmp_path / "filled.xlsx")
    (pv,) = forms.collect_preview(may.db, [tmp_path / "filled.xlsx"], MAY)
    assert [p.text for p in pv.problems] == [
        "文件“filled.xlsx”，工作表“月调度表”，第 6 行：这一行不是原表中的行（没有行键），不会被读取：请删除它；"
        "新增事项请写在相应行的“存在问题”或“下步打算”中。"]
    assert len(pv.form.rows) == len(forms.read_form(files["法规处"]).rows)


def test_a_deleted_row_gives_one_message_naming_it(may: Any, files: dict[str, Path], tmp_path: Path) -> None:
    wb, ws = _unprotected(files["法规处"], tmp_path / "x.xlsx")
    key = ws.cell(7, forms.KEY_COL).value
    ws.delete_rows(7)
    wb.save(tmp_path / "deleted.xlsx")
    (pv,) = forms.collect_preview(may.db, [tmp_path / "deleted.xlsx"], MAY)
    assert [p.text for p in pv.problems] == [
        f"文件“deleted.xlsx”，工作表“月调度表”，第 7 行，R 列（行键）：原表的这一行（行键 {key}）不见了：可能被删除了。"
        f"请用原表重新填写，不要删除行或改动行键。"]


def test_a_stray_cell_far_below_costs_nothing(may: Any, files: dict[str, Path], tmp_path: Path) -> None:
    wb, ws = _unprotected(files["法规处"], tmp_path / "x.xlsx")
    ws.cell(1_048_576, 5).value = "误输入"
    ws.cell(locate(files["法规处"], "(1)"), forms.COL["status"]).value = "已完成"
    wb.save(tmp_path / "stray.xlsx")
    started = time.monotonic()
    (pv,) = forms.collect_preview(may.db, [tmp_path / "stray.xlsx"], MAY)
    assert time.monotonic() - started < 3
    assert pv.ok and [c.label[:3] for c in pv.changes] == ["(1)"]


@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_forms_come_back_as_xls_and_ods(may: Any, files: dict[str, Path], tmp_path: Path, fmt: str) -> None:
    filled = fill(files["审批办"], [("(11)", "", get_column_letter(forms.COL["status"]), "推进中"),
                                    ("(11)", "", get_column_letter(forms.COL["numerator"]), 75),
                                    ("(11)", "", get_column_letter(forms.COL["denominator"]), 100),
                                    ("(12)", "", get_column_letter(forms.COL["remarks"]), "已配合梳理")],
                  save_as=tmp_path / "审批办.xlsx")
    [other] = convert(filled, fmt, tmp_path / fmt)
    (as_xlsx,) = forms.collect_preview(may.db, [filled], MAY)
    (as_other,) = forms.collect_preview(may.db, [other], MAY)
    assert as_other.ok, [p.text for p in as_other.problems]
    assert [(c.label, [(f.field, f.new) for f in c.fields]) for c in as_other.changes] == \
        [(c.label, [(f.field, f.new) for f in c.fields]) for c in as_xlsx.changes]
    assert as_other.form.division_name == "审批办" and as_other.changes
    apply(may, as_other)


def test_each_form_shows_the_standard_and_prints_on_a4_landscape_readably(may: Any, files: dict[str, Path],
                                                                          tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(files["法规处"])[forms.SHEET]
    assert ws.cell(forms.HEAD, forms.CRITERIA_COL).value == "考评内容及标准"
    r = locate(files["法规处"], "(1)")
    assert ws.cell(r, forms.CRITERIA_COL).value == "制定年度营商环境建设实施方案并公开。"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    for pdf in convert(list(files.values()), "pdf", tmp_path / "pdf"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
        assert (round(width), round(height)) == (842, 595), pdf.name  # A4 landscape
        boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        heights = [float(b) - float(a) for a, b in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', boxes)]
        # 11 pt text printed at 100 % stands 10.7 pt high here; the old 17-column form printed at 5.7
        assert statistics.median(heights) >= 8.0, (pdf.name, statistics.median(heights))
