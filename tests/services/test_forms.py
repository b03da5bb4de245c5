"""Division fill-in forms on a real database and real workbooks: a whole monthly round, the
workbook's styles, protection and validation read back with openpyxl, bad files, the CLI."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from bizenv_desktop.core.errors import InvalidInput
from bizenv_desktop.services import dispatch, forms

APRIL, MAY, TODAY = "2026-04", "2026-05", date(2026, 5, 20)
SIX = ["法规处", "规划处", "办公室", "审批办", "诚信处", "机关党委"]


def row_of(ws: Any, month: str, code: str, division: str = "") -> dispatch.DispatchRow:
    return next(r for r in dispatch.load_month(ws.db, month).rows
                if r.indicator_code == code and (not division or r.division_name == division))


@pytest.fixture
def may(workspace: Any) -> Any:
    """April filled in part and May started from it (status and figures carried over)."""
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


def fill(path: Path, edits: list[tuple[str, str, str, Any]], save_as: Path | None = None) -> Path:
    """As a division would: set (indicator code, responsible division or '', column, value) cells."""
    wb = openpyxl.load_workbook(path)
    ws = wb[forms.SHEET]
    for code, division, column, value in edits:
        r = next(r for r in range(4, ws.max_row + 1) if str(ws[f"B{r}"].value).startswith(code + " ")
                 and (not division or ws[f"E{r}"].value == division))
        ws[f"{column}{r}"] = value
    wb.save(save_as or path)
    return save_as or path


def locate(path: Path, code: str, division: str = "") -> int:
    ws = openpyxl.load_workbook(path)[forms.SHEET]
    return next(r for r in range(4, ws.max_row + 1) if str(ws[f"B{r}"].value).startswith(code + " ")
                and (not division or ws[f"E{r}"].value == division))


def snapshot(db: Any) -> dict[str, list[tuple]]:
    return {t: [tuple(r) for r in db.query(f"SELECT * FROM {t} ORDER BY rowid")]
            for t in ("dispatch_row", "dispatch_month", "deadline_done", "form_return", "audit")}


def apply(ws: Any, pv: forms.FilePreview) -> None:
    ws.apply("收回", lambda w: forms.apply_form(w, w.db, pv.form, MAY, TODAY))


# -- making -------------------------------------------------------------------------------------

def test_one_workbook_per_division_with_only_its_rows(may: Any, files: dict[str, Path]) -> None:
    assert list(files) == SIX  # division order; groups (厅内各处室 …) get no form
    assert files["法规处"].name == "2026-05 月调度表（法规处）.xlsx"
    assert sorted(p.name for p in files["法规处"].parent.iterdir()) == sorted(p.name for p in files.values())
    keys = {name: [k for k in openpyxl.load_workbook(p)[forms.SHEET]["R"][3:]] for name, p in files.items()}
    rows = {r.id: r for r in dispatch.load_month(may.db, MAY).rows}
    for name, cells in keys.items():
        own = [rows[int(c.value[1:])] for c in cells if c.value.startswith("R")]
        assert own and {r.division_name for r in own} == {name}
    approvals = openpyxl.load_workbook(files["审批办"])[forms.SHEET]
    assert [(approvals[f"B{r}"].value[:4], approvals[f"R{r}"].value[0]) for r in (4, 5, 6)] == \
        [("(11)", "R"), ("(12)", "C"), ("(13)", "R")]  # cooperates on (12): 配合处室意见 only
    assert forms.returned_divisions(may.db, MAY) == ([], [forms.DivisionReturn(i, n) for i, n in enumerate(SIX, 1)])


def test_workbook_styles_merges_protection_and_validation(may: Any, files: dict[str, Path]) -> None:
    wb = openpyxl.load_workbook(files["法规处"])
    assert wb.sheetnames == [forms.SHEET, forms.META]
    assert wb[forms.META].sheet_state == "veryHidden" and wb.security.lockStructure
    ws = wb[forms.SHEET]
    assert {str(m) for m in ws.merged_cells.ranges} == {"A1:Q1", "A2:Q2"}
    assert ws["A1"].value == "2026-05 月调度表（法规处）" and ws["A1"].font.b and ws["A1"].font.sz == 14
    assert ws["A2"].value.startswith("填写说明") and "2026-05-20" in ws["A2"].value and ws["A2"].alignment.wrap_text
    assert [c.value for c in ws[3]][:10] == ["序号", "指标", "考评内容及标准", "子任务", "责任处室", "目标", "上月状态",
                                            "上月进展", "完成状态", "本月进展"]
    assert ws["I3"].font.b and ws["I3"].fill.fgColor.rgb.endswith("D9E1F2") and ws["I3"].border.left.style == "thin"
    assert ws.protection.sheet and not ws.protection.formatColumns
    assert ws.column_dimensions["R"].hidden and ws.freeze_panes == "D4" and ws.print_title_rows == "$3:$3"
    assert ws.page_setup.orientation == "landscape"
    one, rate = locate(files["法规处"], "(1)"), locate(files["法规处"], "(10)")
    assert ws[f"G{one}"].value == "推进中" and ws[f"H{one}"].value == "四月已起草"  # last month shown
    assert ws[f"I{one}"].value == "推进中" and ws[f"J{one}"].value in (None, "")  # carried over; progress blank
    assert ws[f"B{one}"].protection.locked and ws[f"R{one}"].protection.locked and ws[f"Q{one}"].protection.locked
    assert not ws[f"I{one}"].protection.locked and not ws[f"J{one}"].protection.locked
    assert ws[f"B{one}"].fill.fgColor.rgb.endswith("EDEDED") and ws[f"J{one}"].fill.fgColor.rgb.endswith("FFFFFF")
    assert ws[f"P{one}"].protection.locked and not ws[f"P{rate}"].protection.locked  # figures only where quantitative
    assert (ws[f"N{rate}"].value, ws[f"O{rate}"].value, ws[f"F{rate}"].value) == (80, 100, "≥90%")
    checks = {dv.type: dv for dv in ws.data_validations.dataValidation if dv.type == "list"}
    assert checks["list"].formula1 == '"未启动,推进中,已完成,滞后,不适用"' and f"I{one}" in checks["list"].sqref
    decimals = [dv for dv in ws.data_validations.dataValidation if dv.type == "decimal"]
    assert any(f"N{rate}" in dv.sqref and dv.operator == "greaterThanOrEqual" for dv in decimals)
    assert any(f"P{rate}" in dv.sqref and (dv.formula1, dv.formula2) == ("0", "100") for dv in decimals)
    assert all(dv.showErrorMessage for dv in ws.data_validations.dataValidation)


def test_make_refuses_to_overwrite_unless_told_and_leaves_no_temp_files(may: Any, files: dict[str, Path]) -> None:
    before = files["法规处"].read_bytes()
    with pytest.raises(InvalidInput, match="已有.*--force"):
        forms.make_forms(may.db, MAY, files["法规处"].parent, TODAY, overwrite=False)
    assert files["法规处"].read_bytes() == before
    assert forms.make_forms(may.db, MAY, files["法规处"].parent, TODAY) == list(files.values())
    assert not [p for p in files["法规处"].parent.iterdir() if p.name.startswith(".~")]


def test_a_closed_month_gets_no_forms(may: Any, tmp_path: Path) -> None:
    may.apply("c", lambda w: dispatch.close_month(w, MAY))
    with pytest.raises(InvalidInput, match="已关闭"):
        forms.make_forms(may.db, MAY, tmp_path, TODAY)


# -- a whole round ----------------------------------------------------------------------------------

def test_whole_monthly_round(may: Any, files: dict[str, Path], tmp_path: Path) -> None:
    fill(files["法规处"], [("(1)", "", "I", "已完成"), ("(1)", "", "J", "实施方案已在网站公开"),
                          ("(10)", "", "N", 95), ("(10)", "", "J", "网上可办率提升")])
    fill(files["审批办"], [("(11)", "", "I", "完成中"), ("(11)", "", "N", "约八成"), ("(11)", "", "P", 120),
                          ("(12)", "", "Q", "已配合梳理材料清单")])
    fill(files["规划处"], [("(9)", "", "K", "数据接口未打通"), ("(8)", "规划处", "I", "推进中")])
    wrong = fill(files["办公室"], [], save_as=tmp_path / "办公室.xlsx")
    openpyxl.load_workbook(wrong)  # renamed by the division: the name does not matter
    before = snapshot(may.db)
    previews = forms.collect_preview(may.db, [files["审批办"], wrong, files["法规处"], files["规划处"]])
    by = {pv.form.division_name: pv for pv in previews}
    assert [pv.ok for pv in previews] == [False, True, True, True]
    assert snapshot(may.db) == before  # previewing writes nothing
    law = by["法规处"]
    one = next(c for c in law.changes if c.label.startswith("(1) "))
    assert [(f.name, f.old, f.new) for f in one.fields] == [("完成状态", "推进中", "已完成"),
                                                           ("本月进展", "", "实施方案已在网站公开")]
    assert [(f.field, f.old, f.new) for c in law.changes if c.label.startswith("(10)") for f in c.fields] == \
        [("progress", "", "网上可办率提升"), ("numerator", 80.0, 95.0)]
    texts = [p.text for p in by["审批办"].problems]
    r11 = locate(files["审批办"], "(11)")
    assert f"文件“2026-05 月调度表（审批办）.xlsx”，工作表“月调度表”，第 {r11} 行，I 列（完成状态）：“完成中”不是有效的完成状态" \
        in texts[0] and "请从下拉列表中选择" in texts[0]
    assert any(f"第 {r11} 行，N 列（分子）：“约八成”不是数字" in t and "不要带单位或文字" in t for t in texts)
    assert any(f"第 {r11} 行，P 列（数值）：比率不能超过 100" in t for t in texts) and len(texts) == 3
    with pytest.raises(InvalidInput, match="3 个问题，未写入任何内容"):
        may.apply("x", lambda w: forms.apply_form(w, w.db, by["审批办"].form, MAY, TODAY))
    assert snapshot(may.db) == before  # the bad file changed nothing
    for pv in previews[1:]:
        apply(may, pv)
    m = dispatch.load_month(may.db, MAY)
    r1 = next(r for r in m.rows if r.indicator_code == "(1)")
    r10 = next(r for r in m.rows if r.indicator_code == "(10)")
    assert (r1.status, r1.progress) == ("已完成", "实施方案已在网站公开")
    assert (r10.numerator, r10.denominator, r10.figure, r10.target_met) == (95, 100, 95.0, True)
    assert row_of(may, MAY, "(9)").problems == "数据接口未打通"
    returned, missing = forms.returned_divisions(may.db, MAY)
    assert [r.name for r in returned] == ["法规处", "规划处", "办公室"]
    assert returned[0].returned_on == "2026-05-20" and "改动 2 行" in returned[0].note
    assert [r.name for r in missing] == ["审批办", "诚信处", "机关党委"]  # the list to chase
    fixed = fill(files["审批办"], [("(11)", "", "I", "推进中"), ("(11)", "", "N", 75), ("(11)", "", "O", 100),
                                  ("(11)", "", "P", None)])
    (pv,) = forms.collect_preview(may.db, [fixed])
    assert pv.ok and [c.label.split(" ")[0] for c in pv.changes] == ["(11)", "(12)"]
    apply(may, pv)
    assert row_of(may, MAY, "(12)").remarks == "【审批办】已配合梳理材料清单"
    assert (row_of(may, MAY, "(11)").figure, row_of(may, MAY, "(11)").target_met) == (75.0, True)
    assert [r.name for r in forms.returned_divisions(may.db, MAY)[1]] == ["诚信处", "机关党委"]


def test_only_what_the_division_changed_is_written(may: Any, files: dict[str, Path]) -> None:
    """Edits made in the app after the forms went out stay when the form left them alone."""
    r1 = row_of(may, MAY, "(1)")
    may.apply("e", lambda w: dispatch.update_row(w, r1.id, person="张三", status="滞后"))
    fill(files["法规处"], [("(1)", "", "K", "人手不足")])
    (pv,) = forms.collect_preview(may.db, [files["法规处"]])
    assert [(f.field, f.new) for c in pv.changes for f in c.fields] == [("problems", "人手不足")]
    apply(may, pv)
    after = row_of(may, MAY, "(1)")
    assert (after.person, after.status, after.problems) == ("张三", "滞后", "人手不足")


def test_text_is_never_a_formula(may: Any, tmp_path: Path) -> None:
    r3 = row_of(may, MAY, "(3)")
    may.apply("e", lambda w: dispatch.update_row(w, r3.id, progress="=1+1", problems="a\x07b"))
    path = forms.make_forms(may.db, MAY, tmp_path, TODAY)[0]
    ws = openpyxl.load_workbook(path)[forms.SHEET]
    r = locate(path, "(3)")
    assert (ws[f"J{r}"].value, ws[f"J{r}"].data_type, ws[f"K{r}"].value) == ("=1+1", "s", "ab")
    (pv,) = forms.collect_preview(may.db, [path])
    assert pv.ok and [(f.field, f.new) for c in pv.changes for f in c.fields] == [("problems", "ab")]


def test_percent_typed_in_excel_and_numbers_typed_as_text(may: Any, files: dict[str, Path]) -> None:
    wb = openpyxl.load_workbook(files["法规处"])
    ws = wb[forms.SHEET]
    r = locate(files["法规处"], "(10)")
    ws[f"N{r}"], ws[f"O{r}"], ws[f"P{r}"] = None, None, 0.92
    ws[f"P{r}"].number_format = "0%"
    wb.save(files["法规处"])
    (pv,) = forms.collect_preview(may.db, [files["法规处"]])
    assert pv.ok and {f.field: f.new for c in pv.changes for f in c.fields}["value"] == 92.0
    fill(files["法规处"], [("(10)", "", "P", " 1,5 ")])
    (pv,) = forms.collect_preview(may.db, [files["法规处"]])
    assert pv.ok and {f.field: f.new for c in pv.changes for f in c.fields}["value"] == 15.0


def test_cooperating_divisions_keep_their_own_paragraph(may: Any, files: dict[str, Path], tmp_path: Path) -> None:
    r12 = row_of(may, MAY, "(12)")
    ind = r12.indicator_id
    may.apply("a", lambda w: w.insert("assignment", {"indicator_id": ind, "division_id": 5, "role": "cooperate"}))
    may.apply("r", lambda w: dispatch.update_row(w, r12.id, remarks="联络员备注"))
    credit = forms.make_forms(may.db, MAY, tmp_path / "again", TODAY)[4]
    fill(files["审批办"], [("(12)", "", "Q", "审批办意见")])
    fill(credit, [("(12)", "", "Q", "诚信处意见")])
    for pv in forms.collect_preview(may.db, [files["审批办"], credit]):
        apply(may, pv)
    assert row_of(may, MAY, "(12)").remarks == "联络员备注\n【审批办】审批办意见\n【诚信处】诚信处意见"
    fill(files["审批办"], [("(12)", "", "Q", "改为新意见")])
    (pv,) = forms.collect_preview(may.db, [files["审批办"]])
    apply(may, pv)
    assert row_of(may, MAY, "(12)").remarks == "联络员备注\n【审批办】改为新意见\n【诚信处】诚信处意见"
    assert forms._with_remark("a\n【X】1\n【Y】2", "X", "") == "a\n【Y】2"


def test_undo_takes_the_return_back(may: Any, files: dict[str, Path]) -> None:
    fill(files["诚信处"], [("(14)", "", "I", "推进中")])
    (pv,) = forms.collect_preview(may.db, [files["诚信处"]])
    changes = may.apply("收回", lambda w: forms.apply_form(w, w.db, pv.form, MAY, TODAY))
    assert [r.name for r in forms.returned_divisions(may.db, MAY)[0]] == ["诚信处"]
    # the return is a row of form_return (not a deadline_done mark), written and audited with the rows
    division = may.db.scalar("SELECT id FROM division WHERE name = '诚信处'")
    assert [tuple(r) for r in may.db.query("SELECT month, division_id, returned_on, note FROM form_return")] == [
        (MAY, division, TODAY.isoformat(), f"{files['诚信处'].name}（改动 1 行）")]
    assert may.db.scalar("SELECT count(*) FROM deadline_done") == 0
    assert may.db.scalar("SELECT count(*) FROM audit WHERE entity = 'form_return' AND action LIKE '%[insert]'") == 1
    may.undo(changes)
    assert forms.returned_divisions(may.db, MAY)[0] == []
    assert may.db.scalar("SELECT count(*) FROM form_return") == 0
    assert row_of(may, MAY, "(14)", "诚信处").status == "未启动"
    may.redo(changes)
    assert [r.name for r in forms.returned_divisions(may.db, MAY)[0]] == ["诚信处"]


def test_an_unchanged_form_still_counts_as_returned(may: Any, files: dict[str, Path]) -> None:
    (pv,) = forms.collect_preview(may.db, [files["机关党委"]])
    assert pv.ok and pv.changes == []
    apply(may, pv)
    assert [r.name for r in forms.returned_divisions(may.db, MAY)[0]] == ["机关党委"]


# -- bad files -------------------------------------------------------------------------------------

def _tampered(files: dict[str, Path], tmp_path: Path, how: str) -> Path:
    target = tmp_path / f"{how}.xlsx"
    wb = openpyxl.load_workbook(files["规划处"])
    ws = wb[forms.SHEET]
    if how == "renamed":
        ws.title = "Sheet1"
    elif how == "key":
        ws["R5"] = "R1"
    elif how == "deleted":
        ws.delete_rows(4)
    elif how == "extra":
        ws["J9"] = "新增一项工作"
    elif how == "meta":
        wb[forms.META]["B1"] = "2026-06"
    elif how == "forged":  # a consistent checksum over nonsense
        meta = wb[forms.META]
        meta["A2"] = "R1x"
        rows = [[forms._text(c.value) for c in row] for row in meta.iter_rows()]
        meta["F1"] = forms._checksum(rows[0][:5] + [x for r in rows[1:] for x in r[:4]])
    wb.save(target)
    return target


@pytest.mark.parametrize("how, message", [
    ("text", "不是 Excel 工作簿（.xlsx、.xls 或 .ods）"), ("empty", "文件是空的"), ("password", "设有打开密码"),
    ("xls", "旧版 .xls"), ("plain", "不是本程序生成的月调度表（工作簿中的工作表：Sheet）"),
    ("zip", "无法作为 Excel 工作簿打开"), ("renamed", "找不到工作表“月调度表”"), ("key", "第 5 行，R 列（行键）：行键被改动"),
    ("deleted", "第 4 行，R 列（行键）：原表的这一行（行键 R"), ("extra", "第 9 行：这一行不是原表中的行"), ("meta", "隐藏的表格信息缺失或被改动"),
    ("forged", "隐藏的表格信息缺失或被改动"),
    ("april", "这是 2026-04 的调度表，当前收的是 2026-05 的"), ("missing", "找不到这个文件"),
])
def test_a_bad_file_is_named_and_changes_nothing(may: Any, files: dict[str, Path], tmp_path: Path,
                                                  how: str, message: str) -> None:
    path = tmp_path / f"{how}.xlsx"
    if how == "text":
        path.write_text("进展情况", encoding="utf-8")
    elif how == "empty":
        path.write_bytes(b"")
    elif how in ("password", "xls"):
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
                         + ("EncryptionInfo".encode("utf-16-le") if how == "password" else b"Workbook"))
    elif how == "plain":
        openpyxl.Workbook().save(path)
    elif how == "zip":
        import zipfile
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("word/document.xml", "<w/>")
    elif how == "april":
        path = forms.make_forms(may.db, APRIL, tmp_path / "april", TODAY)[0]
    elif how != "missing":
        path = _tampered(files, tmp_path, how)
    before = snapshot(may.db)
    (pv,) = forms.collect_preview(may.db, [path], MAY)
    assert not pv.ok
    assert any(message in p.text and p.text.startswith(f"文件“{path.name}”") for p in pv.problems), \
        [p.text for p in pv.problems]
    with pytest.raises(InvalidInput):
        may.apply("x", lambda w: forms.apply_form(w, w.db, pv.form, MAY, TODAY))
    assert snapshot(may.db) == before


def test_two_files_of_one_division_are_both_held_back(may: Any, files: dict[str, Path], tmp_path: Path) -> None:
    copy = tmp_path / "copy.xlsx"
    copy.write_bytes(files["诚信处"].read_bytes())
    previews = forms.collect_preview(may.db, [files["诚信处"], copy, files["法规处"]])
    assert [pv.ok for pv in previews] == [False, False, True]
    assert "一次只能收一份" in previews[1].problems[0].text


def test_a_form_is_checked_again_when_applied(may: Any, files: dict[str, Path]) -> None:
    """The month closed between preview and apply: nothing is written."""
    fill(files["法规处"], [("(1)", "", "I", "已完成")])
    (pv,) = forms.collect_preview(may.db, [files["法规处"]])
    assert pv.ok
    may.apply("c", lambda w: dispatch.close_month(w, MAY))
    before = snapshot(may.db)
    with pytest.raises(InvalidInput, match="已关闭"):
        may.apply("x", lambda w: forms.apply_form(w, w.db, pv.form, MAY, TODAY))
    assert snapshot(may.db) == before


def test_rate_over_100_only_with_the_database_figures(may: Any, files: dict[str, Path]) -> None:
    r10 = row_of(may, MAY, "(10)")
    may.apply("e", lambda w: dispatch.update_row(w, r10.id, numerator=40, denominator=50))  # after the forms went out
    fill(files["法规处"], [("(10)", "", "N", 90)])
    (pv,) = forms.collect_preview(may.db, [files["法规处"]])
    assert not pv.ok and "与数据库中已有的数字合起来后，分子大于分母" in pv.problems[0].text
    assert pv.problems[0].column == "N" and len(pv.problems) == 1


# -- the command line ----------------------------------------------------------------------------

def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bizenv_desktop", *args], capture_output=True, text=True,
                          encoding="utf-8", env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=120)


def test_cli_make_and_collect(may: Any, tmp_path: Path) -> None:
    db = str(may.path)
    may.close()
    out = tmp_path / "forms"
    made = _cli("--db", db, "forms", "make", "--month", MAY, "-o", str(out))
    assert made.returncode == 0, made.stderr
    assert "已为 6 个处室生成 2026-05 月调度表" in made.stdout and "2026-05 月调度表（法规处）.xlsx" in made.stdout
    again = _cli("--db", db, "forms", "make", "--month", MAY, "-o", str(out))
    assert again.returncode == 2 and "--force" in again.stderr
    law = fill(out / "2026-05 月调度表（法规处）.xlsx", [("(1)", "", "I", "已完成")])
    bad = fill(out / "2026-05 月调度表（审批办）.xlsx", [("(11)", "", "I", "差不多")])
    digest = hashlib.sha256(Path(db).read_bytes()).hexdigest()
    dry = _cli("--db", db, "forms", "collect", str(law), str(bad), "--dry-run", "--json")
    assert dry.returncode == 1 and "差不多" in dry.stderr and "I 列（完成状态）" in dry.stderr
    data = json.loads(dry.stdout)
    assert [(f["division"], f["ok"], f["applied"]) for f in data["files"]] == [("法规处", True, False),
                                                                                 ("审批办", False, False)]
    assert data["files"][0]["changes"][0]["fields"] == [{"field": "status", "name": "完成状态", "old": "推进中",
                                                         "new": "已完成"}]
    assert data["files"][1]["problems"][0]["column"] == "I" and data["missing"][0]["division"] == "法规处"
    assert hashlib.sha256(Path(db).read_bytes()).hexdigest() == digest  # a dry run writes nothing
    only_bad = _cli("--db", db, "forms", "collect", str(bad))
    assert only_bad.returncode == 1 and "未写入" in only_bad.stderr
    assert hashlib.sha256(Path(db).read_bytes()).hexdigest() == digest
    done = _cli("--db", db, "forms", "collect", str(law))
    assert done.returncode == 0, done.stderr
    assert "完成状态：推进中 → 已完成" in done.stdout and "已交回：法规处" in done.stdout
    status = _cli("--db", db, "dispatch", "--month", MAY, "--json")
    assert json.loads(status.stdout)["rows"][0]["status"] == "已完成"
    none = _cli("--db", db, "forms", "collect", str(law), "--month", "2026-09")
    assert none.returncode == 2 and "2026-09" in none.stderr
