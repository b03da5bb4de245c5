"""Reading an indicator table as offices publish it into an ImportPreview (nothing written).

Handles a merged title row, one- or two-level headers with odd spacing, first-level names
merged over their rows or written only on the first row of the group, group rows for
dimensions, numbering and scores inside names, a 分值 column, repeated header rows and
page-number rows where a PDF page broke, and 注 / 抄送 / 印发 rows at the end.
"""
from __future__ import annotations

import re
from pathlib import Path

from ...core import messages
from ...core.errors import InvalidInput
from ...core.progress import Progress, step
from .columns import DIVISION_ROLES, ROLE_NAMES, ROLES, SINGLE_ROLES, detect_roles, norm
from ...core.inline_units import take_inline_units
from .divisions_cell import parse_division_cell
from .labels import NUMERALS, normalize_code, parse_score, split_label
from .numbering import RANK, inner, is_total, main_style, seq_style, style_of, year_of
from .preview import ImportPreview, Note, ParsedDimension, ParsedDivision, ParsedIndicator, ParsedSubtask, TableColumn
from .sheet_grid import Grid, find_header, header_texts, later_headers, read_grid, title_above
from .workbook import damaged, get_sheet, open_workbook, where_sheets

_PAGE = re.compile(r"^[—–\-－~～一_\s]*[0-9０-９]{1,4}[—–\-－~～一_\s]*$|^第\s*\d+\s*页(\s*[，,]?\s*共\s*\d+\s*页)?$"
                   r"|^\d+\s*/\s*\d+$")
_TRAILER = re.compile(r"^(注|备注|说明)\s*[:：0-9０-９一二三（(]|^注$|^抄\s*送|^印\s*发|^附件\s*[:：0-9]"
                      r"|印发\s*$")
_SUBTASK_SEQ = re.compile(r"^\(?\d+\)?-\d+$")
UNGROUPED = "未分组指标"


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
    report = step(progress)
    wb = open_workbook(p, read_only=True)
    try:
        if sheet is not None:
            candidates = [get_sheet(wb, sheet, p.name)]
        else:
            candidates = sorted(wb.worksheets, key=lambda s: s.sheet_state != "visible")
        for n, ws in enumerate(candidates):
            report(n, len(candidates), ws.title)
            try:  # a read-only sheet is parsed only now: damage shows here
                grid = read_grid(ws)
            except Exception as exc:
                raise damaged(p.name, exc, ws.title) from None
            found = find_header(grid)
            if found:
                return _best_table(p, ws.title, wb.sheetnames, grid, found, roles or {})
    finally:
        wb.close()
    raise InvalidInput("indicator_read.no_header", name=p.name, where=where_sheets(sheet, wb.sheetnames))


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


def _is_dimension_label(code: str, text: str) -> bool:
    return bool(code) and all(ch in NUMERALS for ch in code) or "维度" in text


class _Reader:
    def __init__(self, path: Path, sheet: str, sheets: list[str], grid: Grid, header: tuple[int, int],
                 overrides: dict[int, str], last_row: int | None = None) -> None:
        self.grid = grid
        self.last_row = min(last_row or grid.nrows, grid.nrows)
        texts = header_texts(grid, *header)
        detected = detect_roles(texts)
        columns = [TableColumn(i, " / ".join(t), detected[i - 1], detected[i - 1])
                   for i, t in enumerate(texts, 1)]
        for index, role in overrides.items():
            if role not in ROLES:
                raise InvalidInput("indicator_read.unknown_role", role=role, roles=list(ROLES))
            if not 1 <= index <= len(columns):
                raise InvalidInput("indicator_read.no_column", index=index, count=len(columns))
            columns[index - 1].role = role
            columns[index - 1].overridden = role != columns[index - 1].detected
        title = title_above(grid, header[0])
        self.pv = ImportPreview(path, sheet, sheets, title, header, columns,
                                year_hint=year_of(title) or year_of(_trailer_text(grid, header[1] + 1)))
        self.header_words = {norm(t) for col in texts for t in col} | {norm(n) for n in ROLE_NAMES.values()}
        self._cols: dict[str, int | None] = {}
        self.used = {c.index: c.role for c in columns if c.role != "ignore"}
        self.detail_cols = [c.index for c in columns
                            if c.role in ("criteria", "score", "deadline", *DIVISION_ROLES)]
        self.dim: ParsedDimension | None = None
        self.first: ParsedIndicator | None = None
        self.second: ParsedIndicator | None = None
        self.target: ParsedIndicator | ParsedSubtask | None = None  # what a continued line adds to
        self.second_style = ""
        self.cells: list[str] = []
        self.task_style, self.heading_styles = "", list[str]()

    # -- helpers ---------------------------------------------------------------------------
    def col(self, role: str) -> int | None:
        if role not in self._cols:
            found = self.pv.role_of(role)
            self._cols[role] = found[0] if found else None
        return self._cols[role]

    def warn(self, row: int | None, column: int | None, message: str) -> None:
        self.pv.warnings.append(Note(self.pv.sheet, row, column, message))

    def skip(self, row: int, message: str) -> None:
        self.pv.skipped.append(Note(self.pv.sheet, row, None, message))

    def new_dimension(self, label: str, row: int | None) -> None:
        code, name, _score = split_label(label)
        self.dim = ParsedDimension(code, name, row)
        self.pv.dimensions.append(self.dim)
        self.pv.has_dimensions = True
        self.first = self.second = self.target = None

    def new_first(self, label: str, row: int) -> None:
        if self.dim is None:
            self.dim = ParsedDimension("", "", None)
            self.pv.dimensions.append(self.dim)
        code, name, score = split_label(label)
        self.first = ParsedIndicator(1, code, name, row, score=score)
        self.dim.indicators.append(self.first)
        self.second = None
        self.target = self.first if self.col("second") is None else None

    # -- reading ---------------------------------------------------------------------------
    def read(self) -> ImportPreview:
        self._check_roles()
        if not self.pv.errors:
            self._scan_styles()
            for r in range(self.pv.header_rows[1] + 1, self.last_row + 1):
                if not self._row(r):
                    break
            self._finish()
        return self.pv

    def _scan_styles(self) -> None:
        """The tasks' numbering style (of rows with details) and the styles of heading rows."""
        name_col = self.col("second") or self.col("first")
        seq_col = self.col("seq")
        tasks, headings = [], []
        for r in range(self.pv.header_rows[1] + 1, self.last_row + 1):
            row = self.grid.rows[r - 1]
            label = row[name_col - 1] if name_col and name_col <= len(row) else ""
            seq = row[seq_col - 1] if seq_col and seq_col <= len(row) else ""
            texts = {row[c - 1] for c in self.used if c <= len(row) and row[c - 1]}
            if any(c <= len(row) and row[c - 1] for c in self.detail_cols) or (not self.detail_cols and len(texts) > 1):
                tasks.append(label if style_of(label) else seq_style(seq) and f"{seq}、")
            elif len(texts) == 1:
                headings.append(next(iter(texts)))
        self.task_style = main_style(tasks)
        found = {style_of(t) for t in headings} - {"", self.task_style}
        self.heading_styles = sorted(found, key=lambda st: RANK[st])

    def _check_roles(self) -> None:
        if not self.pv.has_role("second") and not self.pv.has_role("first"):
            self.pv.errors.append("没有识别出指标名称列（“二级指标”或“指标”）；请在“列的含义”中把指标名称所在的列设为"
                                  "“二级指标”")
        for role in SINGLE_ROLES:
            cols = self.pv.role_of(role)
            if len(cols) > 1:
                letters = "、".join(self.pv.columns[c - 1].letter for c in cols)
                self.pv.errors.append(f"{letters} 列都设为了“{ROLE_NAMES[role]}”，这种列只能有一列；请改设其中的一列")

    def _row(self, r: int) -> bool:
        """Read row r; False when the table has ended (注 / 抄送 / 印发)."""
        g, pv = self.grid, self.pv
        width = len(pv.columns)
        row = g.rows[r - 1][:width]
        self.cells = row + [""] * (width - len(row))  # this row's texts, column c at [c - 1]
        present = [t for t in self.cells if t]
        if not present:
            return True
        if _TRAILER.search(present[0]):
            self.skip(r, f"第 {r} 行起是注释、抄送或印发，不属于指标表，已忽略")
            return False
        distinct = list(dict.fromkeys(present))
        if len(distinct) == 1 and _PAGE.match(distinct[0]):
            self.skip(r, f"第 {r} 行是页码（{distinct[0]}），已跳过")
            return True
        if any(is_total(t) for t in distinct[:3]):
            self.skip(r, f"第 {r} 行是合计行（{distinct[0][:20]}），已跳过")
            return True
        if len(distinct) == 1 and pv.title and norm(distinct[0]) == norm(pv.title):
            self.skip(r, f"第 {r} 行重复了表格标题，已跳过")
            return True
        if sum(1 for t in present if len(t) <= 40 and norm(t) in self.header_words) >= 2:
            self.skip(r, f"第 {r} 行是重复的表头（换页处），已跳过")
            return True
        filled = [c for c in self.used if self.cells[c - 1]]
        values = {self.cells[c - 1] for c in filled}
        if len(values) == 1 and not self._single(r, filled, values.pop()):
            return True
        self._content(r)
        return True

    def _single(self, r: int, filled: list[int], label: str) -> bool:
        """A row with one text only: a group row or a wrapped line; False if handled here."""
        roles = {self.pv.columns[c - 1].role for c in filled}
        across = len(filled) > 1
        code, _name, _score = split_label(label)
        if not across and (roles in ({"first"}, {"dimension"})
                           or (roles == {"second"} and self.col("first") is not None)
                           or not roles <= {"seq", "second"}):
            return True  # an ordinary row, or a line of a cell above (criteria, divisions …)
        style = style_of(label)
        if not across and style and style == self.task_style:
            return True  # a task in the tasks' own numbering whose other cells are empty
        if self.col("first") is None:  # headings are the levels above the tasks
            (self.new_dimension if self._heading_is_dimension(style, label) else self.new_first)(label, r)
        elif _is_dimension_label(code, label):
            self.new_dimension(label, r)
        elif across:
            self.new_dimension(label, r)
        else:
            self.warn(r, filled[0], f"“{label}”单独成行，无法判断属于哪一级，已跳过")
        return False

    def _heading_is_dimension(self, style: str, label: str) -> bool:
        """With no first-level column a heading row is a first-level group, unless it says 维度 or
        is the outer of two levels of headings (一、 over （一）)."""
        if "维度" in label:
            return True
        return len(self.heading_styles) >= 2 and style == self.heading_styles[0]

    def _content(self, r: int) -> None:
        g = self.grid
        dim_col, first_col, second_col = self.col("dimension"), self.col("first"), self.col("second")
        if dim_col and self.cells[dim_col - 1]:
            label = self.cells[dim_col - 1]
            if self.dim is None or self.dim.row is None or label != g.text(self.dim.row, dim_col):
                self.new_dimension(label, r)
        if first_col and self.cells[first_col - 1]:
            label = self.cells[first_col - 1]
            if self.first is None or label != g.text(self.first.row, first_col):
                self.new_first(label, r)
                if second_col is None:  # a table of first-level indicators only
                    assert self.first is not None
                    self._fill(self.first, r, joiner=None)
                    return
        if second_col is None:
            if self.target is not None and any(self.cells[c - 1] for c in self.detail_cols):
                self._fill(self.target, r, joiner="\n")
            return
        label = self.cells[second_col - 1]
        seq_col, sub_col = self.col("seq"), self.col("subtask")
        seq = self.cells[seq_col - 1] if seq_col else ""
        sub = self.cells[sub_col - 1] if sub_col and not g.continues_above(r, sub_col) else ""
        if label.startswith("└") or _SUBTASK_SEQ.match(seq):
            self._subtask(label.lstrip("└ ") or sub, r, second_col)
            return
        details = [c for c in self.detail_cols if self.cells[c - 1]]
        style = style_of(label) or seq_style(seq)
        if label and not details and not sub and first_col is None and seq and style != self.task_style:
            code = split_label(label)[0] or normalize_code(seq)  # 序号 | 名称 of a heading row
            full = label if split_label(label)[0] else f"{seq}、{label}"
            (self.new_dimension if self._heading_is_dimension(style, label) or _is_dimension_label(code, label)
             and len(self.heading_styles) > 1 else self.new_first)(full, r)
            return
        if not label or (g.continues_above(r, second_col) and self.second is not None):
            if sub:
                self._subtask(sub, r, sub_col)
            elif details and self.target is None:
                self.warn(r, second_col, "这一行没有指标名称，也接不上上一行的指标，已跳过")
            elif details and self.target is not None:
                self._fill(self.target, r, joiner="" if not label else "\n")
            return
        if self.second is not None and inner(style, self.second_style):
            self._subtask(label, r, second_col)  # （1） under 1.: the third level, kept as sub-tasks
            return
        code, name, score = split_label(label)
        if not code and seq:
            code = normalize_code(seq)
        if self.first is None:
            self.new_first(UNGROUPED, r)
            assert self.first is not None
            self.first.made_up = True
        self.second = ParsedIndicator(2, code, name, r, score=score)
        self.second_style = style
        self.first.children.append(self.second)
        self.target = self.second
        self._fill(self.second, r, joiner=None)
        if sub:
            self._subtask(sub, r, sub_col, own_details=False)

    def _subtask(self, label: str, r: int, column: int | None, own_details: bool = True) -> None:
        """A sub-task of the second-level indicator above (a third numbered level, a 子任务 cell)."""
        if self.second is None:
            self.warn(r, column, f"“{label[:20]}”像是子任务，但上面没有它所属的指标，已跳过")
            return
        code, name, _score = split_label(label)
        task = ParsedSubtask(name or label, r, code)
        self.second.subtasks.append(task)
        self.target = task
        if own_details:
            self._fill(task, r, joiner=None)

    def _fill(self, ind: ParsedIndicator | ParsedSubtask, r: int, joiner: str | None) -> None:
        """Take criteria, score, deadline, person and divisions of row r into ind (joiner None: a
        new indicator or sub-task; else the text joining a continued cell to what came before)."""
        g = self.grid
        for col in self.pv.columns:
            text = self.cells[col.index - 1]
            if not text or ((joiner is not None or col.role == "score") and g.continues_above(r, col.index)):
                continue
            sep = "\n" if joiner is None else joiner
            if col.role == "criteria":
                ind.criteria = text if not ind.criteria else ind.criteria + sep + text
            elif col.role == "deadline":
                ind.deadline = text if not ind.deadline else ind.deadline + sep + text
            elif col.role == "person" and isinstance(ind, ParsedSubtask):
                ind.person = text if not ind.person else ind.person + "、" + text
            elif col.role == "score":
                if isinstance(ind, ParsedIndicator):
                    self._score(ind, r, col.index, text)
            elif col.role in DIVISION_ROLES:
                for i, (role, old) in enumerate(ind.raw_divisions):
                    if role == f"{col.index}:{col.role}" and joiner is not None:
                        ind.raw_divisions[i] = (role, old + ("、" if joiner else "") + text)
                        break
                else:
                    ind.raw_divisions.append((f"{col.index}:{col.role}", text))

    def _score(self, ind: ParsedIndicator, r: int, c: int, text: str) -> None:
        try:
            score = parse_score(text)
        except ValueError:
            self.warn(r, c, f"分值“{text}”不是数字，已忽略")
            return
        block = self.grid.merge_of.get((r, c))
        second_col = self.col("second")
        own = self.grid.merge_of.get((r, second_col)) if second_col else None
        if block and block[2] > block[0] and (own is None or own[::2] != block[::2]) and self.first is not None:
            if self.first.score is None:  # a score merged over a group belongs to the first level
                self.first.score = score
            return
        if ind.score is not None and score is not None and ind.score != score:
            self.warn(r, c, f"分值列写 {score:g} 分，名称中写 {ind.score:g} 分；按分值列导入")
        ind.score = score if score is not None else ind.score

    def _finish(self) -> None:
        pv = self.pv
        split_names = not pv.has_role("criteria")
        for first in pv.first_level():
            if first.made_up:
                self.warn(None, None, f"表中没有一级指标，{len(first.children)} 项指标已放在一级指标“{UNGROUPED}”下；"
                                      f"导入后可改名或调整")
            for ind in [first, *first.children]:
                _divisions_of(ind, split_names and ind.level == 2 or split_names and not first.children)
                for task in getattr(ind, "subtasks", []):
                    _divisions_of(task, False)
        if not pv.second_level() and not any(f.criteria or f.divisions for f in pv.first_level()):
            pv.errors.append("表中没有读到任何指标；请检查“列的含义”是否设对，以及表头下方是否有数据")


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


def _divisions_of(ind: ParsedIndicator | ParsedSubtask, split_name: bool) -> None:
    """Units of the division columns, else units written inline at the end of the text (taken out
    of it, with a deadline written inside them); split_name: a long task text with no criteria
    column is cut after its first sentence (the rest is its content)."""
    seen: set[str] = set()
    for key, text in ind.raw_divisions:
        _col, role = key.split(":")
        for unit in parse_division_cell(text, role):
            if unit.name not in seen:
                seen.add(unit.name)
                ind.divisions.append(unit)
    if not ind.raw_divisions:
        for attr in ("criteria", "name"):
            found = take_inline_units(getattr(ind, attr))
            if found:
                setattr(ind, attr, found.text)
                ind.divisions = [ParsedDivision(u.name, u.role, u.is_group) for u in found.units]
                ind.deadline = ind.deadline or found.deadline
                break
    if split_name and not ind.criteria and "。" in ind.name[:60]:
        head, _, rest = ind.name.partition("。")
        if head and rest.strip():
            ind.name, ind.criteria = head, rest.strip()


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


def _trailer_text(grid: Grid, start: int) -> str:
    """The texts of the 注 / 抄送 / 印发 rows that end the sheet (a year may be written there)."""
    for r in range(start, grid.nrows + 1):
        texts = [t for t in grid.rows[r - 1] if t]
        if texts and _TRAILER.search(texts[0]):
            return " ".join(t for row in grid.rows[r - 1:] for t in row if t)[:2000]
    return ""
