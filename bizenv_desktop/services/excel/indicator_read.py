"""Reading an indicator table as offices publish it into an ImportPreview (nothing written).

Handles a merged title row, one- or two-level headers with odd spacing, first-level names
merged over their rows or written only on the first row of the group, group rows for
dimensions, numbering and scores inside names, a 分值 column, repeated header rows and
page-number rows where a PDF page broke, and 注 / 抄送 / 印发 rows at the end. This module finds
the sheet and the table; indicator_rows._Reader reads its rows.
"""
from __future__ import annotations

from pathlib import Path

from ...core import messages
from ...core.errors import InvalidInput
from ...core.progress import Progress, step
from .indicator_rows import _Reader
from .opening import where_sheets
from .preview import ImportPreview, Note
from .sheet_grid import Grid, find_header, later_headers
from .table_source import first_table

messages.register({
    "indicator_read.no_header": ("“{name}”的{where}中找不到指标表的表头（应有“二级指标”或“指标”、“考评内容及标准”、“牵头处室”等列名）。请确认选对了文件和工作表。",
                                 "No indicator table header was found in {where} of “{name}” (it should have "
                                 "columns such as “二级指标” or “指标”, “考评内容及标准”, “牵头处室”). Check that you "
                                 "chose the right file and sheet."),
    "indicator_read.unknown_role": ("未知的列含义“{role}”，可选：{roles}。",
                                    "Unknown column meaning “{role}”; choose from: {roles}."),
    "indicator_read.no_column": ("第 {index} 列不在表格范围内（表格共 {count} 列）。",
                                 "Column {index} is outside the table (the table has {count} columns)."),
})


def read_indicator_table(path: str | Path, sheet: str | None = None,
                         roles: dict[int, str] | None = None, progress: Progress | None = None) -> ImportPreview:
    """Read the indicator table in path (the first sheet that has one, or the named sheet).

    roles overrides the detected role of columns: {column number (1 = A): role}, roles
    from columns.ROLES. Raises InvalidInput for unreadable files, a missing sheet or a
    sheet without a recognisable header; problems that the user can fix by choosing column
    roles are listed in preview.errors instead. progress: before each sheet read (core/progress.py).
    """
    p = Path(path)
    title, sheets, grid, found = first_table(
        p, sheet, step(progress), find_header,
        lambda names: InvalidInput("indicator_read.no_header", name=p.name, where=where_sheets(sheet, names)))
    return _best_table(p, title, sheets, grid, found, roles or {})


def _best_table(path: Path, sheet: str, sheets: list[str], grid: Grid, first: tuple[int, int],
                overrides: dict[int, str]) -> ImportPreview:
    """The indicator table of the sheet: when it holds several tables (a summary of scores above
    the indicators, say), the one that gives the most indicators; the others' rows are listed as
    skipped."""
    starts = later_headers(grid, first)
    if len(starts) == 1:
        return _Reader(path, sheet, sheets, grid, first, overrides).read()
    previews = []
    for i, header in enumerate(starts):
        last = starts[i + 1][0] - 1 if i + 1 < len(starts) else grid.nrows
        previews.append(_Reader(path, sheet, sheets, grid, header, overrides if i == 0 else {}, last).read())
    best = max(range(len(previews)), key=lambda i: (not previews[i].errors, previews[i].size(), -i))
    chosen = previews[best]
    if best:  # its own title: the text just above its header
        above = [t for r in range(starts[best][0] - 1, starts[best - 1][1], -1) for t in grid.rows[r - 1] if t]
        chosen.title = " ".join(above[0].split()) if above else chosen.title
    for i, header in enumerate(starts):
        if i != best:
            last = starts[i + 1][0] - 1 if i + 1 < len(starts) else grid.nrows
            chosen.skipped.insert(0, Note(sheet, header[0], None, f"第 {header[0]}–{last} 行是另一张表（表头："
                                                                  f"{'、'.join(t for t in grid.rows[header[0] - 1] if t)[:40]}），"
                                                                  f"已跳过；导入的是第 {starts[best][0]} 行起的指标表"))
    return chosen
