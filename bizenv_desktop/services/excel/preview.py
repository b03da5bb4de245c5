"""What reading an indicator table gave: its columns, indicators and warnings.

Plain data, shown by the import dialog and the CLI before anything is written; to_json()
is the indicators JSON of `bizenv indicators --json` plus "warnings".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from ...core import messages
from ...core.errors import InvalidInput

messages.register({
    "preview.cannot_import": ("“{name}”工作表“{sheet}”不能导入：{problems}",
                              "“{name}”, sheet “{sheet}” cannot be imported: {problems}"),
})


@dataclass(frozen=True)
class Note:
    """A warning about one place of the workbook."""

    sheet: str
    row: int | None
    column: int | None
    message: str

    def __str__(self) -> str:
        where = f"工作表“{self.sheet}”"
        if self.row:
            where += f"第 {self.row} 行"
        if self.column:
            where += f" {get_column_letter(self.column)} 列"
        return f"{where}：{self.message}"


@dataclass
class TableColumn:
    index: int            # the sheet's column number, 1 for A
    header: str           # the header text as written (two levels joined by ' / ')
    role: str             # one of columns.ROLES
    detected: str         # the role guessed from the header
    overridden: bool = False

    @property
    def letter(self) -> str:
        return get_column_letter(self.index)


@dataclass(frozen=True)
class ParsedDivision:
    name: str
    role: str             # lead, responsible, cooperate
    is_group: bool = False


@dataclass
class ParsedSubtask:
    """A third level of the table (（1） under 1., a 子任务 cell): a sub-task of the indicator."""
    name: str
    row: int
    code: str = ""
    criteria: str = ""        # stored as the sub-task's note
    person: str = ""
    deadline: str = ""        # as written; the import reads the date from it (the plan's year)
    divisions: list[ParsedDivision] = field(default_factory=list)
    raw_divisions: list[tuple[str, str]] = field(default_factory=list)

    def to_json(self, parent_code: str, position: int) -> dict[str, Any]:
        return {"code": f"{parent_code}.{position}", "name": self.name, "kind": "subtask", "score": None,
                "criteria": self.criteria, "target": None,
                "divisions": [{"name": d.name, "role": d.role, **({"group": True} if d.is_group else {})}
                              for d in self.divisions],
                "children": [], "person": self.person, "deadline": self.deadline or None}


@dataclass
class ParsedIndicator:
    level: int
    code: str
    name: str
    row: int
    criteria: str = ""
    score: float | None = None
    deadline: str = ""
    divisions: list[ParsedDivision] = field(default_factory=list)
    children: list[ParsedIndicator] = field(default_factory=list)
    raw_divisions: list[tuple[str, str]] = field(default_factory=list)  # (column:role, text)
    made_up: bool = False  # a first level the table does not have (flat list of indicators)
    subtasks: list[ParsedSubtask] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        divisions: list[dict[str, Any]] = []
        for d in self.divisions:
            entry: dict[str, Any] = {"name": d.name, "role": d.role}
            if d.is_group:
                entry["group"] = True
            divisions.append(entry)
        return {"code": self.code, "name": self.name, "kind": "qualitative", "score": self.score,
                "criteria": self.criteria, "target": None, "divisions": divisions,
                "children": [c.to_json() for c in self.children] if self.level == 1 else
                [t.to_json(self.code, i) for i, t in enumerate(self.subtasks, 1)]}


@dataclass
class ParsedDimension:
    code: str
    name: str
    row: int | None
    indicators: list[ParsedIndicator] = field(default_factory=list)


@dataclass
class ImportPreview:
    path: Path
    sheet: str
    sheets: list[str]
    title: str
    header_rows: tuple[int, int]
    columns: list[TableColumn]
    dimensions: list[ParsedDimension] = field(default_factory=list)
    warnings: list[Note] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)   # blocking: nothing can be imported
    skipped: list[Note] = field(default_factory=list)  # page numbers, repeated headers, 注 rows
    year_hint: int | None = None
    has_dimensions: bool = False   # the table names dimensions (column or group rows)

    def role_of(self, role: str) -> list[int]:
        return [c.index for c in self.columns if c.role == role]

    def has_role(self, role: str) -> bool:
        return any(c.role == role for c in self.columns)

    @property
    def roles(self) -> dict[int, str]:
        """{column number: role}, what read_indicator_table(roles=…) takes back."""
        return {c.index: c.role for c in self.columns}

    def size(self) -> int:
        """How many indicators (and sub-tasks) were read: which of two tables on a sheet is the one."""
        return sum(1 + len(s.subtasks) for s in self.second_level()) + sum(
            1 for f in self.first_level() if not f.children and (f.criteria or f.divisions))

    def first_level(self) -> list[ParsedIndicator]:
        return [f for d in self.dimensions for f in d.indicators]

    def second_level(self) -> list[ParsedIndicator]:
        return [s for f in self.first_level() for s in f.children]

    def check(self) -> None:
        """Raise InvalidInput listing the blocking problems, if any."""
        if self.errors:
            sep = "; " if messages.language() == "en" else "\uff1b"  # the problems are sentences already
            raise InvalidInput("preview.cannot_import", name=self.path.name, sheet=self.sheet,
                               problems=sep.join(self.errors))

    def to_json(self, year: int | None = None) -> dict[str, Any]:
        """The indicators JSON (as plan_read.plan_to_json) of what was read, plus warnings."""
        return {
            "year": year if year is not None else self.year_hint,
            "dimensions": [{"code": d.code, "name": d.name,
                            "indicators": [f.to_json() for f in d.indicators]} for d in self.dimensions],
            "warnings": [str(w) for w in self.warnings] + self.errors,
        }
