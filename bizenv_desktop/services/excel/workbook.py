"""Opening workbooks and writing .xlsx files: clear errors for bad files, one look for every export.

open_workbook() opens .xlsx (openpyxl), .xls and .ods (other_formats) and says in Chinese what
is wrong with a file that cannot be read (a renamed CSV or text file, a Word document, a
password-protected workbook, an empty one);
TableSheet lays out a styled table (title row, header, widths, wrapping, frozen header,
print titles, A4 landscape); save_workbook() writes through a temporary file.
"""
from __future__ import annotations

import codecs
import io
import math
import os
import re
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ...core import messages
from ...core.cell_safety import formula_guarded
from ...core.errors import InvalidInput
from ...storage import files
from .other_formats import TooLarge, is_ods, ods_encrypted, open_ods, open_xls
from ...core.progress import Progress, every

OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
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


# -- opening --------------------------------------------------------------------------------

messages.register({
    "excel.sniff.empty": ("文件是空的（0 字节），不是 Excel 工作簿。请选择正确的 .xlsx、.xls 或 .ods 文件",
                          "the file is empty (0 bytes), not an Excel workbook. Choose the right .xlsx, .xls or .ods "
                          "file"),
    "excel.sniff.encrypted": ("工作簿设有打开密码（已加密），无法读取。请在 Excel 或 WPS 中打开，取消文件密码"
                              "（文件→信息→保护工作簿→用密码进行加密，清空密码）后另存为 .xlsx，再导入",
                              "the workbook has a password to open (it is encrypted) and cannot be read. Open it "
                              "in Excel or WPS, remove the password (File → Info → Protect Workbook → Encrypt with "
                              "Password, clear it), save it as .xlsx and import that"),
    "excel.sniff.ole_unknown": ("文件是加密（设有打开密码）的工作簿或已损坏的旧版 .xls 文件，无法读取。请在 Excel 或 WPS 中打开，"
                                "取消密码并另存为 .xlsx 后再导入",
                                "the file is an encrypted (password-protected) workbook or a damaged old .xls file "
                                "and cannot be read. Open it in Excel or WPS, remove the password, save it as .xlsx "
                                "and import that"),
    "excel.sniff.sqlite": ("文件是 SQLite 数据库，不是 Excel 工作簿（.xlsx）。请选择 .xlsx 文件",
                           "the file is an SQLite database, not an Excel workbook (.xlsx). Choose an .xlsx file"),
    "excel.sniff.csv": ("文件实际是CSV 文本文件，不是 Excel 工作簿（.xlsx）。请在 Excel 或 WPS 中打开并另存为 .xlsx",
                        "the file is really a CSV text file, not an Excel workbook (.xlsx). Open it in Excel or WPS "
                        "and save it as .xlsx"),
    "excel.sniff.text": ("文件实际是文本文件，不是 Excel 工作簿（.xlsx）。请在 Excel 或 WPS 中打开并另存为 .xlsx",
                         "the file is really a text file, not an Excel workbook (.xlsx). Open it in Excel or WPS and "
                         "save it as .xlsx"),
    "excel.sniff.not_workbook": ("文件不是 Excel 工作簿（.xlsx、.xls 或 .ods 格式）。请选择工作簿文件，或在 Excel/WPS 中另存为 .xlsx",
                                 "the file is not an Excel workbook (.xlsx, .xls or .ods). Choose a workbook, or "
                                 "save it as .xlsx in Excel/WPS"),
    "excel.sniff.bad_zip": ("文件已损坏（不是完整的 .xlsx 或 .ods 压缩包）。请在 Excel 或 WPS 中打开并重新保存",
                            "the file is damaged (not a whole .xlsx or .ods archive). Open it in Excel or WPS and "
                            "save it again"),
    "excel.sniff.ods_encrypted": ("表格设有打开密码（已加密），无法读取。请在 WPS 或 LibreOffice 中打开，取消密码后另存为 .xlsx 或 .ods，"
                                  "再导入",
                                  "the spreadsheet has a password to open (it is encrypted) and cannot be read. Open "
                                  "it in WPS or LibreOffice, remove the password, save it as .xlsx or .ods and "
                                  "import that"),
    "excel.sniff.zip_method": ("文件的压缩格式本程序无法读取（{detail}）。请在 Excel 或 WPS 中打开并另存为 .xlsx（Excel 工作簿）后再导入",
                               "the file is packed in a way this program cannot read ({detail}). Open it in Excel "
                               "or WPS, save it as .xlsx (Excel workbook) and import that"),
    "excel.sniff.word": ("Word 文档", "a Word document"),
    "excel.sniff.odf_other": ("OpenDocument 文本或演示文稿", "an OpenDocument text or presentation"),
    "excel.sniff.zip": ("zip 压缩包", "a zip archive"),
    "excel.sniff.not_sheet": ("文件是{what}，不是电子表格。请选择 .xlsx、.xls 或 .ods 工作簿",
                              "the file is {what}, not a spreadsheet. Choose an .xlsx, .xls or .ods workbook"),
    "excel.where_sheet": ("工作表“{sheet}”", "sheet “{sheet}”"),
    "excel.where_sheets": ("各工作表（{sheets}）", "the sheets ({sheets})"),
    "excel.where_row": ("工作表“{sheet}”第 {row} 行", "sheet “{sheet}”, row {row}"),
    "excel.no_file": ("找不到文件“{path}”。请检查路径。", "File “{path}” was not found. Check the path."),
    "excel.unreadable": ("无法读取“{name}”：{problem}。", "Cannot read “{name}”: {problem}."),
    "excel.too_large": ("无法读取“{name}”：工作表“{sheet}”过大（重复的行和单元格合计约 {cells} 个有内容的单元格）。"
                        "请删除表格以外多余的行和列，或只复制表格部分另存为新文件，再导入。",
                        "Cannot read “{name}”: sheet “{sheet}” is too large (its repeated rows and cells come to "
                        "about {cells} filled cells). Delete the extra rows and columns outside the table, or copy "
                        "just the table into a new file, and import that."),
    "excel.bad_xls": ("无法读取“{name}”：文件是旧版 Excel 97-2003 格式（.xls），但无法打开（{detail}），"
                      "可能已损坏或设有打开密码。请在 Excel 或 WPS 中打开，取消密码后另存为 .xlsx 再导入。",
                      "Cannot read “{name}”: the file is in the old Excel 97-2003 format (.xls) but cannot be opened "
                      "({detail}); it may be damaged or have a password to open. Open it in Excel or WPS, remove "
                      "the password, save it as .xlsx and import that."),
    "excel.empty": ("“{name}”中没有任何内容（工作簿是空的）。请检查是否选错了文件。",
                    "“{name}” holds nothing (the workbook is empty). Check that you chose the right file."),
    "excel.damaged": ("无法读取“{name}”：文件可能已损坏（{detail}）。请在 Excel 或 WPS 中打开并重新保存为 .xlsx。",
                      "Cannot read “{name}”: the file may be damaged ({detail}). Open it in Excel or WPS and save it "
                      "again as .xlsx."),
    "excel.damaged_sheet": ("无法读取“{name}”的工作表“{sheet}”：文件可能已损坏（{detail}）。请在 Excel 或 WPS 中打开并重新保存为 .xlsx。",
                            "Cannot read sheet “{sheet}” of “{name}”: the file may be damaged ({detail}). Open it "
                            "in Excel or WPS and save it again as .xlsx."),
    "excel.no_sheet": ("“{name}”中没有名为“{sheet}”的工作表。现有工作表：{sheets}。请改选其中之一。",
                       "“{name}” has no sheet named “{sheet}”. Its sheets: {sheets}. Choose one of them."),
    "excel.not_xlsx": ("导出文件“{name}”应以 .xlsx 结尾。", "The export file “{name}” should end in .xlsx."),
    "excel.no_folder": ("文件夹“{folder}”不存在。请先创建它，或另选保存位置。",
                        "Folder “{folder}” does not exist. Create it first, or choose another place to save."),
    "excel.in_use": ("无法写入“{path}”：文件可能正在 Excel 或 WPS 中打开，请关闭后重试。",
                     "Cannot write “{path}”: the file may be open in Excel or WPS; close it and try again."),
})


def _sniff(path: Path, head: bytes) -> tuple[str, messages.Phrase | None]:
    """(kind, why the file cannot be read): kind 'xlsx', 'xls' or 'ods' for a workbook that may
    be read, with None; else '' and the reason."""
    if not head:
        return "", messages.Phrase("excel.sniff.empty")
    if head.startswith(OLE2_MAGIC):
        data = path.read_bytes()[:4_000_000]
        if "EncryptedPackage".encode("utf-16-le") in data:
            return "", messages.Phrase("excel.sniff.encrypted")
        if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
            return "xls", None  # Excel 97-2003 (xlrd says whether it really is one)
        return "", messages.Phrase("excel.sniff.ole_unknown")
    if not head.startswith(b"PK"):
        sample = head
        if sample.startswith(b"SQLite format 3"):
            return "", messages.Phrase("excel.sniff.sqlite")
        for encoding in ("utf-8", "gb18030") if b"\x00" not in sample else ():
            try:  # incremental: a character cut at the end of the sample is no error
                text = codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
            except UnicodeDecodeError:
                continue
            return "", messages.Phrase("excel.sniff.csv" if ("," in text or "\t" in text) else "excel.sniff.text")
        return "", messages.Phrase("excel.sniff.not_workbook")
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            ods = "xl/workbook.xml" not in names and is_ods(zf)
            locked = ods and ods_encrypted(zf)
    except NotImplementedError as exc:  # e.g. "zip file version 7.4": a packer Python cannot read
        return "", messages.Phrase("excel.sniff.zip_method", detail=str(exc))
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError):
        return "", messages.Phrase("excel.sniff.bad_zip")
    if "xl/workbook.xml" in names:
        return "xlsx", None
    if locked:
        return "", messages.Phrase("excel.sniff.ods_encrypted")
    if ods:
        return "ods", None
    what = "excel.sniff.word" if "word/document.xml" in names else \
        "excel.sniff.odf_other" if "content.xml" in names else "excel.sniff.zip"
    return "", messages.Phrase("excel.sniff.not_sheet", what=what)


def open_workbook(path: str | Path, read_only: bool = False) -> Any:
    """The workbook at path (values of formulas as last calculated), or InvalidInput naming the
    file and what to do: an openpyxl Workbook for .xlsx, an other_formats.Book for .xls and .ods
    (the same worksheets / sheetnames / [name] / close()). read_only streams .xlsx sheets
    (several times quicker on big files; merged cells then come from sheet_grid.merged_blocks)."""
    p = Path(path)
    if not p.is_file():
        raise InvalidInput("excel.no_file", path=str(p))
    with open(p, "rb") as f:
        head = f.read(4096)
    kind, problem = _sniff(p, head)
    if problem:
        raise InvalidInput("excel.unreadable", name=p.name, problem=problem)
    try:  # from memory: openpyxl then does not insist on the suffix, nor keep the file open
        if kind == "xls":
            wb: Any = open_xls(p.read_bytes())
            empty = not any(any(v not in (None, "") for row in ws.rows() for v in row) for ws in wb.worksheets)
        elif kind == "ods":
            wb = open_ods(p)
            empty = not any(any(v not in (None, "") for row in _head_rows(ws.rows()) for v in row)
                            for ws in wb.worksheets)
        else:
            wb = load_workbook(io.BytesIO(p.read_bytes()), data_only=True, read_only=read_only)
            empty = not any(_has_content(ws) for ws in wb.worksheets)  # read-only: parses the sheets' start
    except TooLarge as exc:
        raise InvalidInput("excel.too_large", name=p.name, sheet=exc.sheet, cells=f"{exc.cells:,}") from None
    except Exception as exc:  # openpyxl, xlrd, calamine and the XML parser raise many kinds for damaged files
        if kind == "xls":
            detail = " ".join(str(exc).split())[:200]
            raise InvalidInput("excel.bad_xls", name=p.name, detail=detail) from None
        raise damaged(p.name, exc) from None
    if empty:
        raise InvalidInput("excel.empty", name=p.name)
    return wb


def _head_rows(rows: Any, limit: int = 100_000) -> Any:
    """The first rows (an empty check need not walk a million repeated empty rows)."""
    for i, row in enumerate(rows):
        if i >= limit:
            return
        yield row


def damaged(file_name: str, exc: Exception, sheet: str = "") -> InvalidInput:
    """The error for a file openpyxl fails on (opening it, or later reading a read-only sheet)."""
    detail = f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
    if sheet:
        return InvalidInput("excel.damaged_sheet", name=file_name, sheet=sheet, detail=detail)
    return InvalidInput("excel.damaged", name=file_name, detail=detail)


def _has_content(ws: Any) -> bool:
    """True at the first non-empty cell (so a full sheet is not read to the end)."""
    return any(v not in (None, "") for row in ws.iter_rows(values_only=True) for v in row)


def where_sheets(sheet: str | None, sheets: list[str]) -> messages.Phrase:
    """'工作表“X”' for the sheet looked in, or '各工作表（A、B）' when all were."""
    if sheet is not None:
        return messages.Phrase("excel.where_sheet", sheet=sheet)
    return messages.Phrase("excel.where_sheets", sheets=list(sheets))


def get_sheet(wb: Any, name: str, file_name: str) -> Any:
    if name in wb.sheetnames:
        return wb[name]
    raise InvalidInput("excel.no_sheet", name=file_name, sheet=name, sheets=list(wb.sheetnames))


def sheet_title(text: str) -> str:
    """A legal worksheet name: at most 31 characters, none of []:*?/\\."""
    return re.sub(r"[\[\]:*?/\\]", "", text)[:31] or "Sheet1"


# -- saving ---------------------------------------------------------------------------------

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
