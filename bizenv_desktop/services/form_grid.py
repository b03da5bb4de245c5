"""A returned division form read as a bounded grid of cells, its columns found by their headers.

open_form_book(path) opens .xlsx (openpyxl, read-only: a stray cell at row 1 048 576 is never
reached), .xls and .ods (services.excel.other_formats); sheet(name, rows, cols) reads at most
that many rows and columns (the form's own range), each cell's value and whether it is formatted
as a percentage. find_columns() finds the header row by its texts and maps every heading to the
columns that carry it, so a moved or swapped column is read by its header. No Qt, no database.
"""
from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from .excel.other_formats import Book, is_ods, open_ods, open_xls

HEADER_SEARCH_ROWS = 12


@dataclass
class FormSheet:
    """Rows 1.. of a sheet (values, None for empty) and the cells formatted as percentages."""
    rows: list[list[Any]]
    percent: set[tuple[int, int]] = field(default_factory=set)

    @property
    def nrows(self) -> int:
        return len(self.rows)

    def value(self, r: int, c: int) -> Any:
        if 1 <= r <= len(self.rows) and 1 <= c <= len(self.rows[r - 1]):
            return self.rows[r - 1][c - 1]
        return None


class FormBook:
    """The sheets of a returned form, whatever its format."""

    def __init__(self, path: Path, kind: str) -> None:
        self.path, self.kind = path, kind
        if kind == "xlsx":
            self._wb: Any = load_workbook(io.BytesIO(path.read_bytes()), data_only=True, read_only=True)
            self.sheetnames: list[str] = list(self._wb.sheetnames)
        else:
            self._book: Book = open_xls(path.read_bytes()) if kind == "xls" else open_ods(path)
            self.sheetnames = self._book.sheetnames

    def sheet(self, name: str, max_rows: int, max_cols: int) -> FormSheet:
        """The sheet's first max_rows rows and max_cols columns."""
        out = FormSheet([])
        if self.kind == "xlsx":
            ws = self._wb[name]
            if hasattr(ws, "reset_dimensions"):
                ws.reset_dimensions()  # trust the cells, not the stated size
            for r, cells in enumerate(ws.iter_rows(min_row=1, max_row=max_rows, max_col=max_cols), 1):
                row = []
                for c, cell in enumerate(cells, 1):
                    row.append(cell.value)
                    if cell.value is not None and "%" in (getattr(cell, "number_format", None) or ""):
                        out.percent.add((r, c))
                out.rows.append(row)
            return out
        sheet = self._book[name]
        for r, values in enumerate(sheet.rows(), 1):
            if r > max_rows:
                break
            out.rows.append(list(values[:max_cols]))
        out.percent = {(r, c) for r, c in getattr(sheet, "_percent", set()) if r <= max_rows and c <= max_cols}
        return out

    def close(self) -> None:
        if self.kind == "xlsx":
            self._wb.close()
        else:
            self._book.close()


def form_kind(path: Path) -> str:
    """'xlsx', 'xls', 'ods', or '' when the file is none of them."""
    with open(path, "rb") as f:
        head = f.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "xls"
    if head.startswith(b"PK\x03\x04"):
        import zipfile
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
                if "xl/workbook.xml" in names:
                    return "xlsx"
                return "ods" if is_ods(zf) else ""
        except Exception:  # damaged (or a zip of a version Python cannot read): openpyxl says so
            return "xlsx"
    return ""


def heading_key(text: Any) -> str:
    """A heading as compared: no spaces or line breaks, full-width made half-width."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", "" if text is None else str(text)))


def find_columns(sheet: FormSheet, names: list[str]) -> tuple[int, dict[str, list[int]]] | None:
    """(header row, {heading: columns carrying it}) for the first of the first rows that names
    at least half of the headings; None when no row does."""
    wanted = {heading_key(n): n for n in names}
    for r in range(1, min(sheet.nrows, HEADER_SEARCH_ROWS) + 1):
        found: dict[str, list[int]] = {}
        for c, value in enumerate(sheet.rows[r - 1], 1):
            name = wanted.get(heading_key(value))
            if name is not None:
                found.setdefault(name, []).append(c)
        if len(found) * 2 >= len(names):
            return r, found
    return None
