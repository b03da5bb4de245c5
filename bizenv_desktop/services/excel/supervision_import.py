"""Importing a 督办事项台账 (ledger of supervised items) as offices keep it: read, plan, apply.

read_supervision_ledger() reads with the indicator import's helpers: open_workbook (file
checks), read_grid (merged cells filled in), find_header and header_texts (one- or two-level
headers, spaced text), title_above, the page-number and 注/抄送/印发 rules and
parse_division_cell (several units in a cell). Dates may be date cells, Excel serial numbers
or text (2024.6.3, 2024/6/3, 2024年6月3日); a 办结时限 that is not a plain date is kept as
written, with the date core.deadline_text reads from it. plan_supervision_import() lists what
apply_supervision_import() writes in one Workspace.apply: items are matched by 编号, else by
content and date received; changed fields are updated, statuses only move forward, empty
cells never erase and nothing is deleted, so importing the same file again writes nothing.
New items are checked row by row and written together (supervision.ItemBatch): a 10 000-row
ledger is read and written in well under twice the time openpyxl alone takes to read it.
The meaning of columns and cells is in ledger_fields.py, the items and how a row becomes one in
ledger_items.py; this module finds the header and walks the rows.
"""
from __future__ import annotations

from pathlib import Path

from ...core import messages
from ...core.errors import InvalidInput
from ...core.progress import Progress, every
from .columns import norm
from .indicator_cells import _PAGE, _TRAILER, _repeats_header
from .ledger_fields import _KEYS, _MULTI, FIELD_NAMES, _fields, _year_of, field_of, parse_date, status_of, \
    text_deadline
from .ledger_items import LedgerItem, LedgerPreview, _fill, _key
from .opening import where_sheets
from .preview import Note
from .sheet_grid import HEADER_SEARCH_ROWS, Grid, find_header, header_texts, title_above
from ...core.gc_pause import collector_paused
from .table_source import first_table

messages.register({
    "ledger_import.no_header": ("“{name}”的{where}中找不到督办事项台账的表头（应有“事项内容”或“督办事项”，以及“编号”“牵头处室”“办结时限”等列名）。请确认选对了文件和工作表，或把事项内容所在列的表头改为“事项内容”。",
                                "No supervision ledger header was found in {where} of “{name}” (it should have "
                                "“事项内容” or “督办事项”, and columns such as “编号” “牵头处室” “办结时限”). Check "
                                "that you chose the right file and sheet, or rename the header of the content "
                                "column to “事项内容”."),
    "ledger_import.no_items": ("“{name}”工作表“{sheet}”第 {row} 行的表头下方没有读到任何督办事项（每个事项须有事项内容）。请确认选对了工作表，并检查表格内容。",
                               "No supervision item was read below the header in row {row} of sheet “{sheet}” of "
                               "“{name}” (each item needs its content). Check that you chose the right sheet, and "
                               "check the table."),
})


def _header(grid: Grid) -> tuple[int, int] | None:
    """(first, last) header row: find_header's, else the first row naming 事项内容 and another
    column; a row of short column names under merged group titles joins it."""
    found = find_header(grid)
    for r in ([found[0]] if found else []) + list(range(1, min(grid.nrows, HEADER_SEARCH_ROWS) + 1)):
        last = found[1] if found and r == found[0] else r
        for c in range(1, grid.ncols + 1):
            b = grid.merge_of.get((r, c))
            if b and b[0] == r and b[2] > r:
                last = max(last, min(b[2], r + 2, grid.nrows))
        if last == r and r < grid.nrows:
            under = {c for c in range(1, grid.ncols + 1)
                     if (b := grid.merge_of.get((r, c))) and b[0] == r and b[3] > b[1]}
            below = [c for c in range(1, grid.ncols + 1) if grid.text(r + 1, c)]
            if below and set(below) <= under and all(field_of(grid.text(r + 1, c)) for c in below):
                last = r + 1
        fields = set(_fields(header_texts(grid, r, last)).values())
        if "content" in fields and len(fields) >= 2:
            return r, last
    return None


def read_supervision_ledger(path: str | Path, sheet: str | None = None,
                            progress: Progress | None = None) -> LedgerPreview:
    """Read the ledger in path (the first sheet with one, visible sheets first, or the named
    sheet). Raises InvalidInput for unreadable files, a missing sheet, no header or no items.
    progress: before each sheet read (core/progress.py)."""
    with collector_paused():
        return _read_ledger(Path(path), sheet, every(progress, 1))


def _read_ledger(p: Path, sheet: str | None, report: Progress) -> LedgerPreview:
    title, sheets, grid, found = first_table(
        p, sheet, report, _header,
        lambda names: InvalidInput("ledger_import.no_header", name=p.name, where=where_sheets(sheet, names)))
    return _read(p, title, sheets, grid, found)


def _read(p: Path, sheet: str, sheets: list[str], g: Grid, header: tuple[int, int]) -> LedgerPreview:
    texts = header_texts(g, *header)
    cols = _fields(texts)
    pv = LedgerPreview(p, sheet, sheets, title_above(g, header[0]), header, cols, [" / ".join(t) for t in texts])
    words = {norm(t) for col in texts for t in col} | {norm(n) for n in FIELD_NAMES.values()}
    keys = [c for c, f in cols.items() if f in _KEYS]
    content_col = next(c for c, f in cols.items() if f == "content")
    seen: dict[str, LedgerItem] = {}
    item: LedgerItem | None = None
    trailer = ""
    parts: dict[int, dict[str, str]] = {}  # item row -> {field: text} as read
    known: dict[str, bool] = {}  # text -> whether it is a header word (the same texts come again and again)
    for r in range(header[1] + 1, g.nrows + 1):
        row = g.rows[r - 1]
        present = [t for t in row[:len(texts)] if t]
        note, end = _skip_note(present, pv.title, words, known)
        if note:
            pv.skipped.append(Note(sheet, r, None, note))
        if end:
            trailer = " ".join(t for row_texts in g.rows[r - 1:] for t in row_texts if t)
            break
        if note or not present:
            continue
        if item is not None and (g.continues_above(r, content_col)
                                 or keys and not any(c <= len(row) and row[c - 1] for c in keys)):
            for f, text in _cells(g, r, cols, merged=False).items():  # a line of the item above (wrapped text)
                old = parts[item.row].get(f, "")
                parts[item.row][f] = old + ("、" if f in _MULTI else "\n") + text if old else text
            continue
        cells = _cells(g, r, cols, merged=True)  # a date or division merged over several items is each one's
        if "content" not in cells:
            if set(cells) - {"seq"}:
                pv.warnings.append(Note(sheet, r, content_col, "这一行没有事项内容，已跳过；如是事项，请填写事项内容"))
            continue
        item = LedgerItem(r)
        parts[r] = cells
        pv.items.append(item)
    pv.year_hint = _year_of(pv.title) or _year_of(trailer)
    first_col = {f: c for c, f in sorted(cols.items(), reverse=True)}
    numbered = "no" in cols.values()
    for it in pv.items:
        _fill(pv, it, parts[it.row], first_col, numbered)
        key = _key(it)
        if key in seen:
            what = "编号相同" if it.no and not it.no_from_seq else "事项内容和交办日期相同"
            pv.warnings.append(Note(sheet, it.row, None, f"与第 {seen[key].row} 行是同一事项（{what}），已跳过"))
        seen.setdefault(key, it)
    pv.items = [it for it in pv.items if seen[_key(it)] is it]
    if not pv.items:
        raise InvalidInput("ledger_import.no_items", name=p.name, sheet=sheet, row=header[1])
    return pv


def _cells(g: Grid, r: int, cols: dict[int, str], merged: bool) -> dict[str, str]:
    """{field: text} of row r (merged: with cells merged from rows above); several division
    columns of one kind are joined."""
    out: dict[str, str] = {}
    row = g.rows[r - 1]  # (g.text(r, c) without a call per cell)
    for c, f in cols.items():
        text = row[c - 1] if c <= len(row) else ""
        if text and (merged or not g.continues_above(r, c)):
            out[f] = out[f] + "、" + text if f in out else text
    return out


def _skip_note(present: list[str], title: str, words: set[str], known: dict[str, bool] | None = None
               ) -> tuple[str, bool]:
    """(why a row with these texts is no item, whether the table ends there): 注 / 抄送 / 印发,
    page numbers, the title or the header repeated where a page broke, group titles."""
    distinct = list(dict.fromkeys(present))
    if present and _TRAILER.search(present[0]):
        return "从这一行起是注释、抄送或印发，不属于台账，已忽略", True
    if len(distinct) == 1 and _PAGE.match(distinct[0]):
        return f"这一行是页码（{distinct[0]}），已跳过", False
    if len(distinct) == 1 and title and norm(distinct[0]) == norm(title):
        return "这一行重复了表格标题，已跳过", False
    if len(distinct) == 1 and len(present) > 1:
        return f"这一行是分组标题（{distinct[0][:20]}），已跳过", False
    if _repeats_header(present, words, {} if known is None else known):
        return "这一行是重复的表头（换页处），已跳过", False
    return "", False


# planning and applying: supervision_apply (re-exported here, where the faces have always found them)
from .supervision_apply import (LedgerChange, LedgerChanges, apply_supervision_import,  # noqa: E402
                                plan_supervision_import)

__all__ = ["FIELD_NAMES", "LedgerChange", "LedgerChanges", "LedgerItem", "LedgerPreview", "apply_supervision_import",
           "field_of", "parse_date", "plan_supervision_import", "read_supervision_ledger", "status_of",
           "text_deadline"]
