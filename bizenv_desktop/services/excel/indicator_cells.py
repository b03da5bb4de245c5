"""What the cells of an indicator table's row give: the marks of rows that are no indicator
(page numbers, 注 / 抄送 / 印发 at the end), an indicator's criteria, score, deadline, person and
divisions (_Cells, the part of indicator_rows._Reader that takes them from a row), and the units
of its division columns or written inline in its text.
"""
from __future__ import annotations

import re

from ...core.inline_units import take_inline_units
from .columns import DIVISION_ROLES, norm
from .divisions_cell import parse_division_cell
from .labels import NUMERALS, parse_score
from .preview import ImportPreview, Note, ParsedDivision, ParsedIndicator, ParsedSubtask
from .sheet_grid import Grid

_PAGE = re.compile(r"^[—–\-－~～一_\s]*[0-9０-９]{1,4}[—–\-－~～一_\s]*$|^第\s*\d+\s*页(\s*[，,]?\s*共\s*\d+\s*页)?$"
                   r"|^\d+\s*/\s*\d+$")
_TRAILER = re.compile(r"^(注|备注|说明)\s*[:：0-9０-９一二三（(]|^注$|^抄\s*送|^印\s*发|^附件\s*[:：0-9]"
                      r"|印发\s*$")
_SUBTASK_SEQ = re.compile(r"^\(?\d+\)?-\d+$")
UNGROUPED = "未分组指标"


def _is_dimension_label(code: str, text: str) -> bool:
    return bool(code) and all(ch in NUMERALS for ch in code) or "维度" in text


def _repeats_header(present: list[str], words: set[str], known: dict[str, bool]) -> bool:
    """True when two or more of the texts are header words (the header repeated where a page
    broke). known remembers each text's answer; texts neither known nor ASCII need NFKC (slow),
    so they come last, shortest first, and only while two can still be reached (a row's unique
    long text, its 事项内容, is then seldom normalized)."""
    n, costly = 0, []
    for t in present:
        is_word = known.get(t)
        if is_word is None:
            if len(t) > 40 or t.isascii():  # norm() of ASCII: the text without spaces, in lower case
                is_word = known[t] = len(t) <= 40 and "".join(t.split()).lower() in words
            else:
                costly.append(t)
                continue
        n += is_word
        if n >= 2:
            return True
    for i, t in enumerate(sorted(costly, key=len)):
        if n + len(costly) - i < 2:
            return False
        is_word = known.get(t)
        if is_word is None:
            is_word = known[t] = norm(t) in words
        n += is_word
        if n >= 2:
            return True
    return False


class _Cells:
    """The row reader's state its cells are taken with (set by indicator_rows._Reader)."""

    grid: Grid
    pv: ImportPreview
    cells: list[str]                    # this row's texts, column c at [c - 1]
    first: ParsedIndicator | None
    _cols: dict[str, int | None]

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

    # -- a row's details -------------------------------------------------------------------
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


def _trailer_text(grid: Grid, start: int) -> str:
    """The texts of the 注 / 抄送 / 印发 rows that end the sheet (a year may be written there)."""
    for r in range(start, grid.nrows + 1):
        texts = [t for t in grid.rows[r - 1] if t]
        if texts and _TRAILER.search(texts[0]):
            return " ".join(t for row in grid.rows[r - 1:] for t in row if t)[:2000]
    return ""
