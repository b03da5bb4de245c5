"""Writing .xlsx files: text cells Excel accepts (and never takes for formulas), the styled table
every export and form uses (TableSheet: title row, header repeated on printed pages, widths,
wrapping, frozen header, A4 landscape), legal sheet names, and saving through a temporary file."""
from __future__ import annotations

import math
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ...core import messages
from ...core.cell_safety import formula_guarded
from ...core.errors import InvalidInput
from ...core.progress import Progress, every
from ...storage import files

MAX_CELL = 32767  # Excel's limit on the characters of one cell
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in the XML of a sheet

FONT = "宋体"
TITLE_FONT = Font(name="黑体", size=16, bold=True)
SUBTITLE_FONT = Font(name=FONT, size=10, color="595959")
HEADER_FONT = Font(name="黑体", size=11, bold=True)
BODY_FONT = Font(name=FONT, size=10.5)
GROUP_FONT = Font(name=FONT, size=10.5, bold=True)
HEADER_FILL = PatternFill("solid", start_color="D9E1F2", end_color="D9E1F2")
GROUP_FILL = PatternFill("solid", start_color="F2F2F2", end_color="F2F2F2")
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
LINE_HEIGHT = 14.0  # points per wrapped line of 10.5 pt text



messages.register({
    "excel.not_xlsx": ("导出文件“{name}”应以 .xlsx 结尾。", "The export file “{name}” should end in .xlsx."),
    "excel.no_folder": ("文件夹“{folder}”不存在。请先创建它，或另选保存位置。",
                        "Folder “{folder}” does not exist. Create it first, or choose another place to save."),
    "excel.in_use": ("无法写入“{path}”：文件可能正在 Excel 或 WPS 中打开，请关闭后重试。",
                     "Cannot write “{path}”: the file may be open in Excel or WPS; close it and try again."),
})


# -- cells ----------------------------------------------------------------------------------

def clean(value: Any) -> Any:
    """A value Excel accepts: no control characters, at most 32767 characters of text."""
    if isinstance(value, str):
        value = _ILLEGAL.sub("", value)
        if len(value) > MAX_CELL:
            value = value[: MAX_CELL - 1] + "…"
    return value


def safe_text(cell: Cell, value: Any) -> Cell:
    """Put value into cell; text a spreadsheet would take for a formula stays text
    (core/cell_safety.formula_guarded: = + - @, tab, CR).

    The cell is stored as a string (data_type 's') and marked quotePrefix, so Excel and
    WPS show it as typed and do not turn it into a formula when the cell is edited.
    """
    value = clean(value)
    cell.value = value
    if formula_guarded(value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def display_width(text: str) -> int:
    """Width in Excel character units: CJK and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrapped_lines(text: str, width: float) -> int:
    per_line = max(1.0, width - 1.0)
    return sum(max(1, math.ceil(display_width(line) / per_line)) for line in str(text).split("\n"))


# -- the styled table -----------------------------------------------------------------------

@dataclass(frozen=True)
class Column:
    title: str
    width: float            # in Excel character units
    align: str = "left"     # left, center, right
    wrap: bool = True


class TableSheet:
    """A table on one worksheet: title row merged across, optional subtitle, styled header
    (repeated on every printed page), bordered body rows, A4 landscape fitted to width."""

    def __init__(self, ws: Worksheet, title: str, columns: list[Column], subtitle: str = "",
                 max_row_height: float = 300.0, progress: Progress | None = None, total: int = 0) -> None:
        """progress(rows written, total, '') every 100 rows and in finish() (core/progress.py)."""
        self.ws = ws
        self._tick, self._total, self._rows = every(progress, 100), total, 0
        self.columns = columns
        self.max_row_height = max_row_height
        n = len(columns)
        safe_text(ws.cell(1, 1), title).font = TITLE_FONT
        ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if n > 1:
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
        ws.row_dimensions[1].height = 32
        self.header_row = 2
        if subtitle:
            safe_text(ws.cell(2, 1), subtitle).font = SUBTITLE_FONT
            ws.cell(2, 1).alignment = Alignment(horizontal="right", vertical="center")
            if n > 1:
                ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=n)
            self.header_row = 3
        hr = self.header_row
        for i, col in enumerate(columns, 1):
            cell = safe_text(ws.cell(hr, i), col.title)
            cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, BORDER
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            ws.column_dimensions[get_column_letter(i)].width = col.width
        ws.row_dimensions[hr].height = max(22.0, LINE_HEIGHT * max(
            wrapped_lines(c.title, c.width) for c in columns) + 6)
        ws.freeze_panes = ws.cell(hr + 1, 1)
        ws.print_title_rows = f"{hr}:{hr}"
        ws.print_options.horizontalCentered = True
        setup = ws.page_setup
        setup.orientation = "landscape"
        setup.paperSize = 9  # A4 (ws.PAPERSIZE_A4)
        setup.fitToWidth = 1
        setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.page_margins.top, ws.page_margins.bottom = 0.6, 0.7
        ws.oddFooter.center.text = "— &P —"
        ws.oddFooter.center.size = 10
        self.next_row = hr + 1
        self._texts: dict[int, list[tuple[int, str]]] = {}
        self._widths: dict[tuple[int, int], float] = {}  # horizontally merged cells

    @property
    def first_body_row(self) -> int:
        return self.header_row + 1

    def add_row(self, values: list[Any], group: bool = False) -> int:
        """Write one body row (values in column order); returns its row number."""
        r = self.next_row
        self.next_row += 1
        self._rows += 1
        self._tick(self._rows, self._total, "")
        for i, col in enumerate(self.columns, 1):
            value = values[i - 1] if i - 1 < len(values) else None
            cell = safe_text(self.ws.cell(r, i), "" if value is None else value)
            cell.border = BORDER
            cell.font = GROUP_FONT if group else BODY_FONT
            if group:
                cell.fill = GROUP_FILL
            cell.alignment = Alignment(horizontal=col.align, vertical="center", wrap_text=col.wrap)
            if value not in (None, ""):
                self._texts.setdefault(r, []).append((i, str(cell.value)))
        return r

    def merge(self, first_row: int, last_row: int, first_col: int, last_col: int | None = None) -> None:
        """Merge a block (the first cell's value stays); does nothing for a single cell."""
        last_col = last_col or first_col
        if last_row > first_row or last_col > first_col:
            self.ws.merge_cells(start_row=first_row, start_column=first_col,
                                end_row=last_row, end_column=last_col)
            for (r, c) in ((r, c) for r in range(first_row, last_row + 1)
                           for c in range(first_col, last_col + 1)):
                if (r, c) != (first_row, first_col):
                    self._texts[r] = [t for t in self._texts.get(r, []) if t[0] != c]
            if last_row > first_row:  # a tall merged cell must not make its first row tall
                self._texts[first_row] = [t for t in self._texts.get(first_row, []) if t[0] != first_col]
            else:
                self._widths[(first_row, first_col)] = sum(
                    self.columns[c - 1].width for c in range(first_col, last_col + 1))

    def finish(self, protect: bool = False, autofilter: bool = False) -> None:
        """Row heights from the wrapped text; optional sheet protection and filter buttons."""
        self._tick(self._rows, self._rows, "")  # a last chance to cancel before the file is written
        for r, texts in self._texts.items():
            if not texts:
                continue
            lines = max((wrapped_lines(t, self._widths.get((r, c), self.columns[c - 1].width))
                         if self.columns[c - 1].wrap else 1) for c, t in texts)
            self.ws.row_dimensions[r].height = min(self.max_row_height, max(18.0, LINE_HEIGHT * lines + 6))
        last = self.next_row - 1
        if autofilter and last > self.header_row:
            self.ws.auto_filter.ref = f"A{self.header_row}:{get_column_letter(len(self.columns))}{last}"
        if protect:
            p = self.ws.protection
            p.sheet = True
            p.formatColumns = p.formatRows = False  # the reader may still resize
            p.autoFilter = p.sort = False


# -- naming and saving ----------------------------------------------------------------------

def sheet_title(text: str) -> str:
    """A legal worksheet name: at most 31 characters, none of []:*?/\\."""
    return re.sub(r"[\[\]:*?/\\]", "", text)[:31] or "Sheet1"


def save_workbook(wb: Workbook, path: str | Path) -> Path:
    """Write wb to path through a temporary file beside it, so a failure (full disk,
    the file open in Excel) leaves any earlier file at path as it was."""
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise InvalidInput("excel.not_xlsx", name=target.name)
    if not target.parent.is_dir():
        raise InvalidInput("excel.no_folder", folder=str(target.parent))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".xlsx", dir=target.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        files.make_document(tmp)  # mkstemp makes it private; an export is an ordinary document
        os.replace(tmp, target)
    except PermissionError:
        Path(tmp).unlink(missing_ok=True)
        raise InvalidInput("excel.in_use", path=str(target)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
