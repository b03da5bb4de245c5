"""sheet_grid.sheet_values: the values of a read-only sheet, exactly as openpyxl's
iter_rows(values_only=True) gives them (and the same errors for damaged cells), whatever the
workbook: written by openpyxl, written by hand the way other programs write, or at random."""
from __future__ import annotations

import io
import os
import zipfile
from contextlib import nullcontext
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from bizenv_desktop.services.excel.sheet_grid import _streamed, read_grid, sheet_values

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
pytestmark = pytest.mark.filterwarnings("ignore:Workbook contains no:UserWarning")  # the hand-made styles are minimal


def both(data: bytes) -> list[tuple[Any, Any]]:
    """For each sheet: (openpyxl's rows or its exception type, sheet_values' rows or its exception type)."""
    out = []
    for n in range(len(load_workbook(io.BytesIO(data), read_only=True).sheetnames)):
        got = []
        for read in (lambda ws: ws.iter_rows(values_only=True), sheet_values):
            ws = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[n]
            ws.reset_dimensions()
            try:
                got.append([list(r) for r in read(ws)])
            except Exception as exc:  # noqa: BLE001 (the kind of error is what is compared)
                got.append(type(exc))
        out.append(tuple(got))
    return out


def assert_same(data: bytes) -> None:
    for expected, actual in both(data):
        assert isinstance(expected, list), expected  # read, not refused
        assert actual == expected


def saved(wb: Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def by_hand(sheet: str, strings: tuple[str, ...] = (), styles: str = "", date1904: bool = False) -> bytes:
    """A workbook as other programs write it: sheet is the inside of <sheetData>; strings the
    <si> items of the shared strings; styles the inside of <styleSheet>."""
    types = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
             '<Override PartName="/xl/worksheets/sheet1.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
             '<Override PartName="/xl/sharedStrings.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
             '<Override PartName="/xl/styles.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>')
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": types,
        "_rels/.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
                       '</Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{NS}" xmlns:r="{rel}">'
                           + ('<workbookPr date1904="1"/>' if date1904 else "")
                           + '<sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                                      f'relationships"><Relationship Id="rId1" Type="{rel}/worksheet" '
                                      f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{rel}/'
                                      'sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" '
                                      f'Type="{rel}/styles" Target="styles.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{NS}"><sheetData>{sheet}</sheetData></worksheet>',
        "xl/sharedStrings.xml": f'<sst xmlns="{NS}">' + "".join(f"<si>{s}</si>" for s in strings) + "</sst>",
        "xl/styles.xml": f'<styleSheet xmlns="{NS}">{styles}</styleSheet>',
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in parts.items():
            z.writestr(name, xml.encode("utf-8"))
    return out.getvalue()


# one style that is a plain number, one a date (14), one a duration ([h]:mm:ss, 46), one a custom date
STYLES = ('<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
          '</numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>'
          '<xf numFmtId="46" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs>')


def test_an_openpyxl_workbook_of_every_kind_of_value() -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["交办督办事项台账"])
    ws.merge_cells("A1:F1")
    ws.append(["文本 ", " 两边有空格 ", "换行\r\n回车\r", "", None, "=SUM(A1:A3)"])
    ws.append([1, 2.5, -0.0, 10 ** 15, True, False])
    ws.append([date(2024, 6, 3), datetime(2024, 6, 3, 9, 30), time(8, 15), timedelta(days=2, hours=3), None, 45446])
    ws["C6"] = "跳过第 5 行"
    ws["H7"] = "宽"
    ws.cell(9, 2).number_format = "0.00"  # a styled empty cell
    ws["A10"] = "长" * 5000
    wb.create_sheet("空表")
    assert_same(saved(wb))


def test_a_1904_workbook() -> None:
    wb = Workbook()
    wb.epoch = CALENDAR_MAC_1904
    wb.active.append([date(2024, 6, 3), datetime(1904, 1, 2, 12), 3.25])
    assert_same(saved(wb))


@pytest.mark.parametrize("date1904", [False, True])
def test_what_other_programs_write(date1904: bool) -> None:
    strings = ("<t>共享</t>", "<r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r>",
               '<t xml:space="preserve"> 前后空格 </t>', "<t/>", "<r><t>带</t></r><rPh sb=\"0\" eb=\"1\"><t>ふ</t></rPh>")
    sheet = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
        '<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>'
        '<row r="2"><c t="inlineStr"><is><t>无坐标</t></is></c><c><v>7</v></c><c r="E2" t="inlineStr"><is><r><t>a</t>'
        '</r><r><t>b</t></r></is></c><c t="inlineStr"><is/></c><c t="inlineStr"/><c t="inlineStr"><is><t>x<b>y</b></t>'
        '</is></c></row>'
        '<row><c r="A3" s="1"><v>45446</v></c><c r="B3" s="2"><v>1.5</v></c><c r="C3" s="3"><v>45446.75</v></c>'
        '<c r="D3" s="1"><v>0.25</v></c><c r="E3" s="0"><v>3</v></c><c r="F3" s="1"><v>-5</v></c></row>'
        '<row r="5.0"><c r="A5" t="b"><v>1</v></c><c r="B5" t="b"><v>0</v></c><c r="C5" t="e"><v>#N/A</v></c>'
        '<c r="D5" t="str"><f>A1&amp;B1</f><v>公式结果</v></c><c r="E5" t="d"><v>2024-06-03T09:30:00</v></c>'
        '<c r="F5"><v></v></c><c r="G5"/><c r="H5" t="n"><v>1E3</v></c><c r="I5"><f>1/0</f></c></row>'
        '<row r="4"><c r="A4" t="inlineStr"><is><t>行号倒退：openpyxl 略去</t></is></c></row>'
        '<row r="7"><c r="D7" t="inlineStr"><is><t>后</t></is></c><c r="b7" t="inlineStr"><is><t>小写</t></is></c>'
        '</row><row r="8"/><row r="9" spans="1:3"><c r="C9" s="0"><v>1</v></c></row>'
        '<row r="10"><c r="AA10"><v>27</v></c><c r="XFD10"><v>16384</v></c></row>')
    assert_same(by_hand(sheet, strings, STYLES, date1904))


@pytest.mark.parametrize("cell", [
    '<c r="A1"><v>abc</v></c>', '<c r="A1" t="b"><v>x</v></c>', '<c r="A1" t="d"><v>2024-13-45</v></c>',
    '<c r="A1" t="s"><v>9</v></c>', '<c r="A1" t="s"><v>x</v></c>', '<c r="3D"><v>1</v></c>', '<c r="A"><v>1</v></c>',
    '<c r="$C$1"><v>1</v></c>', '<c r="A0"><v>1</v></c>', '<c r="A\u0663"><v>1</v></c>',
    '<c r="ZZZZ1"><v>1</v></c>', '<c r="A1" s="x"><v>1</v></c>', '<c r="A1" s="1"><v>1e308</v></c>',
    '<c r="A1" s="1"><v>99999999</v></c>'])
def test_odd_and_damaged_cells_are_read_or_refused_alike(cell: str) -> None:
    with pytest.warns() if "e308" in cell or "9999" in cell else nullcontext():  # openpyxl warns, then says #VALUE!
        [(expected, actual)] = both(by_hand(f'<row r="1">{cell}</row><row r="2"><c r="A2"><v>2</v></c></row>',
                                            ("<t>甲</t>",), STYLES))
    assert actual == expected


@pytest.mark.parametrize("row", ['<row r="abc"><c><v>1</v></c></row>', '<row r="2.5"><c><v>1</v></c></row>',
                                 '<row r=""><c><v>1</v></c></row>'])
def test_damaged_rows_fail_alike(row: str) -> None:
    [(expected, actual)] = both(by_hand(row))
    assert actual == expected and isinstance(actual, type)


def test_a_sheet_cut_short_fails_alike() -> None:
    wb = Workbook()
    for n in range(5):
        wb.active.append([n, f"第 {n} 行"])
    data = saved(wb)

    def cut(name: str, xml: bytes) -> bytes:
        return xml[:xml.index(b'<row r="3"') + 12] if name == "xl/worksheets/sheet1.xml" else xml
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, cut(info.filename, src.read(info.filename)))
    [(expected, actual)] = both(out.getvalue())
    assert actual == expected and isinstance(actual, type)


def test_the_grid_is_read_through_it(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.append(["编号", "事项内容"])
    wb.active.append(["A-1", " 甲\r\n乙 "])
    wb.active.append([None, 45446, True])
    wb.save(tmp_path / "g.xlsx")
    ws = load_workbook(tmp_path / "g.xlsx", read_only=True, data_only=True).active
    assert not _streamed(ws)  # its size as stated: openpyxl's own iteration
    assert read_grid(ws).rows == [["编号", "事项内容"], ["A-1", "甲\n乙"], ["", "45446", "是"]]
    assert _streamed(ws)  # read_grid unset the size: the sheet was read by sheet_values' own loop
    full = load_workbook(tmp_path / "g.xlsx", data_only=True).active
    assert not _streamed(full) and list(sheet_values(full)) == list(full.iter_rows(values_only=True))


VALUES = st.one_of(
    st.none(), st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12),
    st.sampled_from(["编号", " 事项内容 ", "=1/0", "=A1", "\r\n", "2024.6.3"]), st.integers(-10 ** 16, 10 ** 16),
    st.floats(allow_nan=False, allow_infinity=False), st.booleans(), st.dates(date(1900, 3, 1), date(9999, 12, 31)),
    st.datetimes(datetime(1900, 3, 1), datetime(9999, 12, 31)), st.times(),
    st.timedeltas(timedelta(0), timedelta(9999)))


@settings(max_examples=40, deadline=None, database=None, derandomize=not os.environ.get("BIZENV_FUZZ_RANDOM"),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(cells=st.lists(st.tuples(st.integers(1, 30), st.integers(1, 12), VALUES), max_size=40))
def test_random_workbooks(cells: list[tuple[int, int, Any]]) -> None:
    wb = Workbook()
    for r, c, value in cells:
        wb.active.cell(r, c).value = ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value
    assert_same(saved(wb))
