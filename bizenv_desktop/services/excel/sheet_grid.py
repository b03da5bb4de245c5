"""A worksheet as a grid of texts with merged cells filled in, and where its header is.

A merged block's value is given to every cell of the block (so a first-level name merged
over its rows is seen on each row); merge_of tells which block a cell belongs to.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from .columns import norm, role_of
from .labels import cell_text

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

    def spans_rows(self, r: int, c: int) -> bool:
        block = self.merge_of.get((r, c))
        return block is not None and block[2] > block[0]


_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]+[0-9]+):([A-Z]+[0-9]+)\"")


def merged_blocks(ws: Any) -> list[Block]:
    """The merged blocks of a worksheet, also of one opened read-only (whose merges openpyxl
    does not read: they are taken from the sheet's XML)."""
    if hasattr(ws, "merged_cells"):
        return [(r.min_row, r.min_col, r.max_row, r.max_col) for r in ws.merged_cells.ranges]
    archive, part = getattr(ws.parent, "_archive", None), getattr(ws, "_worksheet_path", None)
    if archive is None or part is None:
        return []
    blocks = []
    for first, last in _MERGE.findall(archive.read(part)):
        c1, r1 = coordinate_from_string(first.decode())
        c2, r2 = coordinate_from_string(last.decode())
        blocks.append((r1, column_index_from_string(c1), r2, column_index_from_string(c2)))
    return blocks


def read_grid(ws: Any) -> Grid:
    if hasattr(ws, "reset_dimensions"):  # read-only: trust the cells, not the stated size
        ws.reset_dimensions()
    rows: list[list[str]] = []
    empty_run = 0
    for values in ws.iter_rows(values_only=True):
        texts = [cell_text(v) for v in values]
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
    for block in merged_blocks(ws):
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


def find_header(grid: Grid) -> tuple[int, int] | None:
    """(first, last) header row: the first row naming two or more column roles, one of
    them an indicator name (else any such row); a second header row below it (merged, or
    all role words) joins."""
    rows = range(1, min(grid.nrows, HEADER_SEARCH_ROWS) + 1)
    named = [r for r in rows if len(_row_roles(grid, r)) >= 2 and _row_roles(grid, r) & {"generic", "first", "second"}]
    # without a column of names the user still gets the preview, to say which column holds them
    fallback = [r for r in rows if len(_row_roles(grid, r)) >= 2]
    for r in (named or fallback)[:1]:
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
    return None


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
