"""Finding the table an import reads: the workbook opened with its checks (opening.open_workbook),
the sheets looked in (the one named, else every sheet, visible ones first), each read into a Grid
(sheet_grid.read_grid: texts, merged cells filled in) until one has the header the reader looks
for. Shared by the indicator-table and the ledger import.

An .xlsx sheet's cells are read with python-calamine (Rust: about a quarter of the time openpyxl
takes to stream them), its merged blocks from the sheet's XML as before; the texts are the same
(read_grid makes them from the values with labels.cell_text either way). A sheet holding error
cells (#N/A …, which calamine gives as empty where openpyxl gives the error's text) or ISO date
cells, a merged block written backwards, or a sheet calamine fails on, is read with openpyxl as
before, so a damaged sheet is refused with the same message.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from ...core.progress import Progress
from .opening import damaged, get_sheet, open_workbook
from .other_formats import Sheet as OtherSheet
from .sheet_grid import Grid, merged_blocks, read_grid

T = TypeVar("T")
# cell types openpyxl reads (or refuses) otherwise than calamine: errors (#N/A …), ISO dates; a text
# holding these bytes only sends its sheet to openpyxl
_OPENPYXL_TYPES = (b't="e"', b't="d"')


def first_table(path: Path, sheet: str | None, report: Progress, find: Callable[[Grid], T | None],
                missing: Callable[[list[str]], Exception]) -> tuple[str, list[str], Grid, T]:
    """(sheet title, the workbook's sheet names, its grid, what find() found in it) of the first sheet
    in which find() finds something; raises missing(sheet names) when none has it, InvalidInput for
    a file or sheet that cannot be read. report(n, count, title) before each sheet is read."""
    wb = open_workbook(path, read_only=True)
    fast = _Calamine(path)
    try:
        candidates = [get_sheet(wb, sheet, path.name)] if sheet is not None else \
            sorted(wb.worksheets, key=lambda s: s.sheet_state != "visible")
        for n, ws in enumerate(candidates):
            report(n, len(candidates), ws.title)
            try:  # a read-only sheet is parsed only now: damage shows here
                grid = fast.grid(ws) or read_grid(ws)
            except Exception as exc:
                raise damaged(path.name, exc, ws.title) from None
            found = find(grid)
            if found:
                return ws.title, list(wb.sheetnames), grid, found
    finally:
        fast.close()
        wb.close()
    raise missing(list(wb.sheetnames))


class _Calamine:
    """The cells of an openpyxl read-only .xlsx sheet through python-calamine (the workbook opened
    once, when first needed)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.book: Any = None

    def grid(self, ws: Any) -> Grid | None:
        """The sheet's grid, or None when openpyxl is to read it (not a streamed .xlsx sheet, error
        cells in it, or calamine failing on it)."""
        archive, part = getattr(getattr(ws, "parent", None), "_archive", None), getattr(ws, "_worksheet_path", None)
        if archive is None or part is None:
            return None  # .xls / .ods (other_formats), or a workbook not opened read-only
        try:
            xml = archive.read(part)
            if any(kind in xml for kind in _OPENPYXL_TYPES):
                return None
            del xml
            merges = merged_blocks(ws)
            if any(r1 > r2 or c1 > c2 for r1, c1, r2, c2 in merges):
                return None  # a block written backwards: openpyxl refuses the sheet
            if self.book is None:
                from python_calamine import CalamineWorkbook  # here: only imports of .xlsx need it

                self.book = CalamineWorkbook.from_path(str(self.path))
            cells = self.book.get_sheet_by_name(ws.title)
            return read_grid(OtherSheet(ws.title, ws.sheet_state, merges, _rows=lambda: _rows(cells)))
        except Exception:  # openpyxl reads it, and says what is wrong if it is damaged
            return None

    def close(self) -> None:
        if self.book is not None:
            self.book.close()
            self.book = None


def _rows(sheet: Any) -> Iterator[list[Any]]:
    """The rows from A1 (to_python(skip_empty_area=False): iter_rows starts at the first used
    column); empty cells are '' (read_grid makes '' of them as of None). The list is let go row by
    row, so only the grid's texts stay."""
    rows = sheet.to_python(skip_empty_area=False)
    rows.reverse()
    while rows:
        yield rows.pop()
