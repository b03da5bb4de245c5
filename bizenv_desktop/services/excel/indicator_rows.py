"""Reading an indicator table row by row (_Reader): dimensions, first- and second-level
indicators and sub-tasks from the rows below the header, group rows and wrapped lines told
apart, rows that are no indicator skipped with a note; the cells' details are taken by
indicator_cells._Cells.
"""
from __future__ import annotations

from pathlib import Path

from ...core.errors import InvalidInput
from .columns import DIVISION_ROLES, ROLE_NAMES, ROLES, SINGLE_ROLES, detect_roles, norm
from .indicator_cells import _PAGE, _SUBTASK_SEQ, _TRAILER, UNGROUPED, _Cells, _divisions_of, _is_dimension_label, \
    _repeats_header, _trailer_text
from .labels import normalize_code, split_label
from .numbering import RANK, inner, is_total, main_style, seq_style, style_of, year_of
from .preview import ImportPreview, ParsedDimension, ParsedIndicator, ParsedSubtask, TableColumn
from .sheet_grid import Grid, header_texts, title_above


class _Reader(_Cells):
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
        self._known: dict[str, bool] = {}  # text -> whether it is a header word (texts repeat row after row)
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
        if _repeats_header(present, self.header_words, self._known):
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
