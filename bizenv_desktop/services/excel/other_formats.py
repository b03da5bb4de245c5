""".xls (Excel 97-2003, WPS's default in many offices) and .ods (OpenDocument) workbooks, read as
faithfully as .xlsx: the same cell values (text, numbers, dates, booleans, cached formula results),
merged cells, hidden sheets.

- .xls: xlrd with formatting_info=True (merged cells, number formats: a 90% cell is known as one).
- .ods: python-calamine for the values (Rust, fast on big sheets); its ods reader gives no merged
  cells, so the spans are read from content.xml with a streaming parse here.

A Book looks like the part of an openpyxl read-only Workbook the readers use (worksheets,
sheetnames, book[name], close()); each Sheet gives rows() (lists of values, 1-based rows in
order, as openpyxl's iter_rows(values_only=True)), merges ((min_row, min_col, max_row, max_col)
blocks) and percent(r, c) for number formats. No Qt; runs in the caller's thread.
"""
from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import iterparse

Block = tuple[int, int, int, int]
ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
_STATES = {0: "visible", 1: "hidden", 2: "veryHidden"}
_T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_VALUE_TYPE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}value-type"
MAX_ODS_CELLS = 2_000_000  # cells up to the last filled one of each row, repeats counted: ~1 s and 250 MB


class TooLarge(ValueError):
    """An .ods whose repeated rows and cells would fill more than MAX_ODS_CELLS cells."""

    def __init__(self, sheet: str, cells: int) -> None:
        super().__init__(f"sheet {sheet!r}: {cells} cells")
        self.sheet, self.cells = sheet, cells


@dataclass
class Sheet:
    title: str
    sheet_state: str
    merges: list[Block]
    _rows: Any = None                         # a callable giving an iterator of value lists
    _percent: set[tuple[int, int]] = field(default_factory=set)

    def rows(self) -> Iterator[list[Any]]:
        return self._rows()

    def percent(self, r: int, c: int) -> bool:
        """True when cell (r, c) is formatted as a percentage (the value is then a fraction)."""
        return (r, c) in self._percent


@dataclass
class Book:
    kind: str                                 # 'xls' or 'ods'
    worksheets: list[Sheet]
    _close: Any = None

    @property
    def sheetnames(self) -> list[str]:
        return [s.title for s in self.worksheets]

    def __contains__(self, name: object) -> bool:
        return name in self.sheetnames

    def __getitem__(self, name: str) -> Sheet:
        return next(s for s in self.worksheets if s.title == name)

    def close(self) -> None:
        if self._close is not None:
            self._close()
            self._close = None


def _none_if_empty(value: Any) -> Any:
    return None if value == "" else value


# -- .xls ----------------------------------------------------------------------------------------

def open_xls(data: bytes) -> Book:
    """The .xls workbook in data (xlrd raises on a damaged or foreign file)."""
    import xlrd

    book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True,
                              logfile=io.StringIO())
    sheets = []
    for index in range(book.nsheets):
        sh = book.sheet_by_index(index)
        merges = [(rlo + 1, clo + 1, rhi, chi) for rlo, rhi, clo, chi in sh.merged_cells if rhi > rlo and chi > clo]
        sheets.append(Sheet(sh.name, _STATES.get(sh.visibility, "visible"), merges,
                            _rows=lambda sh=sh: _xls_rows(book, sh), _percent=_xls_percent(book, sh)))
    return Book("xls", sheets, book.release_resources)


def _xls_value(book: Any, cell: Any) -> Any:
    import xlrd

    kind, value = cell.ctype, cell.value
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if kind == xlrd.XL_CELL_DATE:
        try:
            day = xlrd.xldate_as_datetime(value, book.datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return value
        return day
    if kind == xlrd.XL_CELL_BOOLEAN:
        return bool(value)
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(value, "#ERR")
    if kind == xlrd.XL_CELL_NUMBER and float(value).is_integer() and abs(value) < 2**53:
        return int(value)
    return _none_if_empty(value)


def _xls_rows(book: Any, sh: Any) -> Iterator[list[Any]]:
    for r in range(sh.nrows):
        yield [_xls_value(book, cell) for cell in sh.row(r)]


def _xls_percent(book: Any, sh: Any) -> set[tuple[int, int]]:
    """Cells whose number format shows a percentage."""
    formats = {key: "%" in (fmt.format_str or "") for key, fmt in getattr(book, "format_map", {}).items()}
    percent_xf = {i for i, xf in enumerate(getattr(book, "xf_list", [])) if formats.get(xf.format_key)}
    if not percent_xf:
        return set()
    return {(r + 1, c + 1) for r in range(sh.nrows) for c, cell in enumerate(sh.row(r))
            if cell.xf_index in percent_xf}


# -- .ods ----------------------------------------------------------------------------------------

def is_ods(zf: zipfile.ZipFile) -> bool:
    names = set(zf.namelist())
    if "mimetype" in names:
        return zf.read("mimetype").strip() == ODS_MIME
    return "content.xml" in names and "META-INF/manifest.xml" in names and ODS_MIME in zf.read("META-INF/manifest.xml")


def ods_encrypted(zf: zipfile.ZipFile) -> bool:
    try:
        return b"encryption-data" in zf.read("META-INF/manifest.xml")
    except KeyError:
        return False


def open_ods(path: Path) -> Book:
    """The .ods workbook at path (python-calamine or the XML parser raise on a damaged file)."""
    from python_calamine import CalamineWorkbook

    spans = _ods_spans(path)  # first: refuses a sheet too large for calamine to fill in reasonable time
    wb = CalamineWorkbook.from_path(str(path))
    sheets = []
    for meta in wb.sheets_metadata:
        state = {"Visible": "visible", "Hidden": "hidden", "VeryHidden": "veryHidden"}.get(
            str(meta.visible).rsplit(".", 1)[-1], "visible")
        sheets.append(Sheet(meta.name, state, spans.get(meta.name, []),
                            _rows=lambda name=meta.name: _calamine_rows(wb.get_sheet_by_name(name))))
    return Book("ods", sheets, wb.close)


def _calamine_rows(sheet: Any) -> Iterator[list[Any]]:
    """Rows from the sheet's first row and column. calamine's iter_rows() starts its rows at
    row 1 but its columns at the first used column (measured with 0.9: a table at C3 came out
    two rows too low once the rows above were put back); the whole area has neither offset."""
    for values in sheet.to_python(skip_empty_area=False):
        yield [_none_if_empty(v) for v in values]


def _ods_spans(path: Path) -> dict[str, list[Block]]:
    """{sheet name: merged blocks} from content.xml: table:table-cell with number-rows-spanned /
    number-columns-spanned, counting repeated rows and cells and covered cells. Raises TooLarge
    when the filled cells (repeats counted) pass MAX_ODS_CELLS."""
    out: dict[str, list[Block]] = {}
    with zipfile.ZipFile(path) as zf, zf.open("content.xml") as f:
        name, row, col, rows_repeat, depth = "", 0, 0, 1, 0
        blocks: list[Block] = []
        filled_to, cells = 0, 0
        for event, el in iterparse(f, events=("start", "end")):
            tag = el.tag
            if event == "start":
                if tag == _T + "table":
                    depth += 1
                    if depth == 1:
                        name, row, blocks = el.get(_T + "name", ""), 0, []
                elif tag == _T + "table-row" and depth == 1:
                    col, filled_to = 0, 0
                    rows_repeat = int(el.get(_T + "number-rows-repeated", "1") or 1)
                continue
            if depth != 1:
                if tag == _T + "table":
                    depth -= 1
                continue
            if tag in (_T + "table-cell", _T + "covered-table-cell"):
                repeat = int(el.get(_T + "number-columns-repeated", "1") or 1)
                across = int(el.get(_T + "number-columns-spanned", "1") or 1)
                down = int(el.get(_T + "number-rows-spanned", "1") or 1)
                if tag == _T + "table-cell" and (across > 1 or down > 1):
                    blocks.append((row + 1, col + 1, row + down, col + across))
                col += repeat
                if len(el) or el.get(_VALUE_TYPE):
                    filled_to = col
                el.clear()
            elif tag == _T + "table-row":
                row += rows_repeat
                cells += filled_to * rows_repeat
                if cells > MAX_ODS_CELLS:
                    raise TooLarge(name, cells)
                el.clear()
            elif tag == _T + "table":
                depth -= 1
                out[name] = blocks
    return out
