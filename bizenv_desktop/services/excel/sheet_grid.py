"""A worksheet as a grid of texts with merged cells filled in, and where its header is.

A merged block's value is given to every cell of the block (so a first-level name merged
over its rows is seen on each row); merge_of tells which block a cell belongs to.
sheet_values() reads the cells of a read-only sheet as openpyxl's iter_rows(values_only=True)
does, in a third of the time.
"""
from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Any

from openpyxl.cell.text import Text
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string, coordinate_to_tuple
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.worksheet._reader import WorkSheetParser, _cast_number
from openpyxl.xml.constants import SHEET_MAIN_NS

from .columns import norm, role_of
from .labels import cell_text
from .other_formats import Sheet as OtherSheet

MAX_TRAILING_EMPTY = 200   # stop reading after this many empty rows in a row
HEADER_SEARCH_ROWS = 30
Block = tuple[int, int, int, int]  # min_row, min_col, max_row, max_col


@dataclass
class Grid:
    rows: list[list[str]]
    merge_of: dict[tuple[int, int], Block] = field(default_factory=dict)

    @property
    def nrows(self) -> int:
        return len(self.rows)

    @cached_property
    def ncols(self) -> int:  # read once the grid is complete (merges filled in)
        return max((len(r) for r in self.rows), default=0)

    def text(self, r: int, c: int) -> str:
        """The text at row r, column c (1-based), '' outside the grid."""
        if 1 <= r <= len(self.rows) and 1 <= c <= len(self.rows[r - 1]):
            return self.rows[r - 1][c - 1]
        return ""

    def continues_above(self, r: int, c: int) -> bool:
        """True when the cell is part of a merged block that began on an earlier row."""
        block = self.merge_of.get((r, c))
        return block is not None and block[0] < r


_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]+[0-9]+):([A-Z]+[0-9]+)\"")


_DATA_END = re.compile(rb"</(?:\w+:)?$")


def _after_sheet_data(xml: bytes) -> int:
    """Where the cells end (mergeCells comes after them): the last </sheetData>, found from the
    end so the cells are not scanned; 0 when there is none."""
    end = len(xml)
    while (at := xml.rfind(b"sheetData>", 0, end)) >= 0:
        if _DATA_END.search(xml, max(0, at - 40), at):  # '<' is never bare in text: a closing tag
            return at
        end = at
    return 0


def merged_blocks(ws: Any) -> list[Block]:
    """The merged blocks of a worksheet, also of one opened read-only (whose merges openpyxl
    does not read: they are taken from the sheet's XML)."""
    if hasattr(ws, "merged_cells"):
        return [(r.min_row, r.min_col, r.max_row, r.max_col) for r in ws.merged_cells.ranges]
    archive, part = getattr(ws.parent, "_archive", None), getattr(ws, "_worksheet_path", None)
    if archive is None or part is None:
        return []
    blocks = []
    xml = archive.read(part)
    for first, last in _MERGE.findall(xml, _after_sheet_data(xml)):
        c1, r1 = coordinate_from_string(first.decode())
        c2, r2 = coordinate_from_string(last.decode())
        blocks.append((r1, column_index_from_string(c1), r2, column_index_from_string(c2)))
    return blocks


_V, _IS, _T = (f"{{{SHEET_MAIN_NS}}}{tag}" for tag in ("v", "is", "t"))
_DIGITS = "0123456789"
_COLUMNS: dict[str, int] = {}  # column letters -> number, as openpyxl read them


def sheet_values(ws: Any) -> Iterable[tuple[Any, ...] | list[Any]]:
    """The rows of ws as ws.iter_rows(values_only=True) gives them. For a read-only sheet whose
    size is unset (reset_dimensions), the same values from the same XML parser, without
    openpyxl's objects for every cell (its Text for each inline string is most of a read)."""
    return _read_only_values(ws) if _streamed(ws) else ws.iter_rows(values_only=True)


def _streamed(ws: Any) -> bool:
    """True for openpyxl's ReadOnlyWorksheet of a workbook read with data_only, its size unset
    (False too for an openpyxl that keeps what _read_only_values uses elsewhere)."""
    wb = getattr(ws, "parent", None)
    used = [(wb, "_archive"), (wb, "epoch"), (wb, "_date_formats"), (wb, "_timedelta_formats"), (wb, "data_only"),
            (ws, "_worksheet_path"), (ws, "_shared_strings"), (ws, "_current_row"), (ws, "_max_row"),
            (ws, "_max_column")]
    return (all(hasattr(obj, name) for obj, name in used) and bool(getattr(wb, "data_only", False))
            and ws._current_row is None and ws._max_row is None and ws._max_column is None)


def _read_only_values(ws: Any) -> Iterator[tuple[Any, ...] | list[Any]]:
    """ReadOnlyWorksheet._cells_by_row (min_col = min_row = 1, no maximum) step for step, on
    openpyxl's own WorkSheetParser (so everything but the cells is read, and refused, as before)
    with a leaner parse_row."""
    wb = ws.parent
    with wb._archive.open(ws._worksheet_path) as source:
        parser = WorkSheetParser(source, ws._shared_strings, data_only=True, epoch=wb.epoch,
                                 date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
        parser.parse_row = partial(_parse_row, parser)
        counter = 1
        for number, cells in parser.parse():
            while counter < number:  # rows missing in the file
                counter += 1
                yield []
            if counter == number:  # (a row numbered below one already read is dropped)
                counter += 1
                if not cells:
                    yield ()
                    continue
                width = cells[-1][0]  # as openpyxl: the last cell's column
                values = [None] * width
                for c, v in cells:
                    if c <= width:
                        values[c - 1] = v
                yield tuple(values)


def _parse_row(parser: Any, element: Any) -> tuple[int, list[tuple[int, Any]]]:
    """WorkSheetParser.parse_row and parse_cell (data_only) giving (column, value) of each cell:
    the same values, and the same errors for damaged cells."""
    number = element.get("r")
    if number is not None:
        try:
            parser.row_counter = int(number)
        except ValueError:
            val = float(number)
            if not val.is_integer():
                raise ValueError(f"{number} is not a valid row number") from None
            parser.row_counter = int(val)
    else:
        parser.row_counter += 1
    strings, epoch = parser.shared_strings, parser.epoch
    dates, durations = parser.date_formats, parser.timedelta_formats
    column, cells = 0, []
    for cell in element:
        attrs = cell.attrib
        data_type = attrs.get("t", "n")
        style: Any = attrs.get("s", 0)
        if style:
            style = int(style)
        value: Any = None if data_type == "inlineStr" else cell.findtext(_V, None) or None
        ref = attrs.get("r")
        if ref:
            letters = ref.rstrip(_DIGITS)
            known = _COLUMNS.get(letters) if len(letters) < len(ref) else None
            column = _column(ref, letters) if known is None else known
        else:
            column += 1
        if value is not None:
            if data_type == "n":
                value = _cast_number(value)
                if style in dates:
                    try:
                        value = from_excel(value, epoch, timedelta=style in durations)
                    except (OverflowError, ValueError):
                        warnings.warn(f"Cell {ref} is marked as a date but the serial value {value} is outside "
                                      f"the limits for dates. The cell will be treated as an error.", stacklevel=2)
                        value = "#VALUE!"
            elif data_type == "s":
                value = strings[int(value)]
            elif data_type == "b":
                value = bool(int(value))
            elif data_type == "d":
                value = from_ISO8601(value)
        elif data_type == "inlineStr":
            text = cell.find(_IS)
            if text is not None:  # one plain <t> is the usual inline string; openpyxl's Text reads the rest
                only = text[0] if len(text) == 1 else None
                value = (only.text or "") if only is not None and only.tag == _T and not len(only) \
                    else Text.from_tree(text).content
        cells.append((column, value))
    parser.col_counter = column
    return parser.row_counter, cells


def _column(ref: str, letters: str) -> int:
    """coordinate_to_tuple(ref)[1] (its errors too), remembered for the letters of a plain reference."""
    column = coordinate_to_tuple(ref)[1]
    if letters.isalpha() and len(letters) < len(ref):  # openpyxl too splits there: the same column each time
        _COLUMNS[letters] = column
    return column


def read_grid(ws: Any) -> Grid:
    """The sheet's texts, merged blocks filled in: an openpyxl sheet, or an other_formats.Sheet
    (.xls, .ods). Reading stops after MAX_TRAILING_EMPTY empty rows: a stray cell far below
    the table costs nothing."""
    other = isinstance(ws, OtherSheet)
    if hasattr(ws, "reset_dimensions"):  # read-only: trust the cells, not the stated size
        ws.reset_dimensions()
    rows: list[list[str]] = []
    empty_run = 0
    for values in (ws.rows() if other else sheet_values(ws)):
        # cell_text, with its commonest cases inline (a call per cell is a fifth of the read)
        texts = ["" if v is None else v.strip() if type(v) is str and "\r" not in v else cell_text(v)
                 for v in values]
        if any(texts):
            empty_run = 0
        else:
            empty_run += 1
            if empty_run > MAX_TRAILING_EMPTY:
                break
        rows.append(texts)
    while rows and not any(rows[-1]):
        rows.pop()
    for i, texts in enumerate(rows):
        while texts and not texts[-1]:
            texts.pop()
        rows[i] = texts
    grid = Grid(rows)
    width = max((len(r) for r in rows), default=0)
    for block in (ws.merges if other else merged_blocks(ws)):
        min_row, min_col, max_row, max_col = block
        if min_row > len(rows) or min_col > width:
            continue
        max_col = min(max_col, width)  # columns with no text in any row add nothing (A1:XFD1048576)
        value = grid.text(min_row, min_col)
        for r in range(min_row, min(max_row, len(rows)) + 1):
            row = rows[r - 1]
            if len(row) < max_col:
                row.extend([""] * (max_col - len(row)))
            for c in range(min_col, max_col + 1):
                row[c - 1] = value
                grid.merge_of[(r, c)] = block
    return grid


def _row_roles(grid: Grid, r: int) -> set[str]:
    return {role_of(grid.text(r, c)) for c in range(1, grid.ncols + 1)} - {"ignore"}


NAME_ROLES = {"generic", "first", "second", "third"}


def is_named_header(grid: Grid, r: int) -> bool:
    """True when row r names two or more column roles, one of them an indicator name."""
    roles = _row_roles(grid, r)
    return len(roles) >= 2 and bool(roles & NAME_ROLES)


def find_header(grid: Grid) -> tuple[int, int] | None:
    """(first, last) header row: the first row naming two or more column roles, one of
    them an indicator name (else any such row); a second header row below it (merged, or
    all role words) joins."""
    rows = range(1, min(grid.nrows, HEADER_SEARCH_ROWS) + 1)
    named = [r for r in rows if is_named_header(grid, r)]
    # without a column of names the user still gets the preview, to say which column holds them
    fallback = [r for r in rows if len(_row_roles(grid, r)) >= 2]
    for r in (named or fallback)[:1]:
        return header_span(grid, r)
    return None


def header_span(grid: Grid, r: int) -> tuple[int, int]:
    """(r, last): the header starting at row r, with a second header row below it (merged, or all
    role words) joined."""
    last = r
    for c in range(1, grid.ncols + 1):
        block = grid.merge_of.get((r, c))
        if block and block[0] == r and block[2] > r:
            last = max(last, min(block[2], r + 2, grid.nrows))  # a merge may run past the last row
    if last == r and r < grid.nrows:
        below = [grid.text(r + 1, c) for c in range(1, grid.ncols + 1)
                 if grid.text(r + 1, c) and not grid.continues_above(r + 1, c)]
        if below and all(role_of(t) != "ignore" and len(norm(t)) <= 10 for t in below):
            last = r + 1
    return r, last


_DATA_LIKE = re.compile(r"[。；;]|^\s*(?:[（(]?[0-9一二三四五六七八九十]+[)）、.．]|[①-⑳]|[A-Z][0-9])")


def later_headers(grid: Grid, first: tuple[int, int]) -> list[tuple[int, int]]:
    """The header first and those of other tables further down the sheet (rows naming column roles
    with other texts than the headers before; a header repeated where a page broke is none)."""
    def signature(h: tuple[int, int]) -> tuple[str, ...]:
        return tuple(norm(t) for t in grid.rows[h[0] - 1] if t)
    found, seen = [first], {signature(first)}
    r = first[1] + 1
    while r <= grid.nrows:
        texts = [t for t in grid.rows[r - 1] if t]
        if (len(texts) >= 2 and all(len(t) <= 12 and not _DATA_LIKE.search(t) and role_of(t) != "ignore" for t in texts)
                and is_named_header(grid, r)):
            header = header_span(grid, r)
            if signature(header) not in seen:
                found.append(header)
                seen.add(signature(header))
                r = header[1] + 1
                continue
        r += 1
    return found


def header_texts(grid: Grid, first: int, last: int) -> list[list[str]]:
    """For each column of the table, its header texts top to bottom (repeats removed)."""
    width = max(len(grid.rows[r - 1]) for r in range(first, last + 1))
    out: list[list[str]] = []
    for c in range(1, width + 1):
        texts: list[str] = []
        for r in range(first, last + 1):
            t = re.sub(r"\s*\n\s*", "", grid.text(r, c))
            if t and t not in texts:
                texts.append(t)
        out.append(texts)
    while out and not out[-1]:
        out.pop()
    return out


def title_above(grid: Grid, header_first: int) -> str:
    """The table's title: the first text above the header (a merged title row)."""
    for r in range(1, header_first):
        texts = [t for t in grid.rows[r - 1] if t]
        if texts:
            return " ".join(texts[0].split())
    return ""
