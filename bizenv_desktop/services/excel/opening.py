"""Opening workbooks: .xlsx (openpyxl), .xls and .ods (other_formats), with a clear message for a
file that cannot be read (a renamed CSV or text file, a Word document, a password-protected
workbook, an empty or damaged one) and for a sheet that is not there."""
from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from ...core import messages
from ...core.errors import InvalidInput
from .other_formats import TooLarge, is_ods, ods_encrypted, open_ods, open_xls

OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")

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
