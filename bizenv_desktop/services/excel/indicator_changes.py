"""What importing an indicator table changes: each planned creation or update (Change, with
the text the preview shows) and the whole plan (PlanChanges, with its summary), and the
mapping of every unit the table names (table_units).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...storage.database import Database
from ..unit_mapping import UnitMap, map_units
from .preview import ImportPreview, ParsedIndicator, ParsedSubtask

FIELD_LABELS = {"code": "编号", "name": "名称", "criteria": "考评内容及标准", "score": "分值",
                "deadline": "完成时限", "role": "职责", "person": "责任人", "note": "备注", "division_id": "处室"}
ROLE_LABELS = {"lead": "牵头", "responsible": "负责", "cooperate": "配合"}
ENTITY_LABELS = {"year": "年度", "dimension": "维度", "indicator": "指标", "division": "处室",
                 "assignment": "责任分工", "subtask": "子任务"}


@dataclass(frozen=True, slots=True)  # slots: an import plans tens of thousands
class Change:
    action: str                  # create, update
    entity: str                  # year, dimension, indicator, division, assignment
    label: str                   # what it is, e.g. '（3）落实重点工作任务' or '法规处（牵头）'
    level: int = 0               # 1, 2 for indicators; 0 otherwise
    parent: str = ""             # the indicator an assignment or child belongs to
    row: int | None = None       # the row of the table it comes from
    fields: tuple[tuple[str, Any, Any], ...] = ()  # (field, old, new) of an update

    def describe(self) -> str:
        verb = "新建" if self.action == "create" else "更新"
        text = f"{verb}{ENTITY_LABELS[self.entity]}“{self.label}”"
        if self.parent:
            text += f"（属于“{self.parent}”）"
        if self.fields:
            text += "：" + "；".join(f"{FIELD_LABELS.get(f, f)} {_short(o)} → {_short(n)}" for f, o, n in self.fields)
        return text


def _short(value: Any) -> str:
    if value is None or value == "":
        return "（空）"
    text = f"{value:g}" if isinstance(value, float) else " ".join(str(value).split())
    return text if len(text) <= 30 else text[:29] + "…"


@dataclass
class PlanChanges:
    year: int
    changes: list[Change] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    units: UnitMap = field(default_factory=UnitMap)  # how every unit the table names is mapped

    def __bool__(self) -> bool:
        return bool(self.changes)

    def count(self, action: str, entity: str | None = None) -> int:
        return sum(1 for c in self.changes if c.action == action and entity in (None, c.entity))

    def summary(self) -> str:
        if not self.changes:
            return f"{self.year} 年度已与表格一致，不需要导入任何内容。"
        parts = [f"{verb} {n} {unit}" for verb, action, entity, unit in (
            ("新建", "create", "indicator", "项指标"), ("更新", "update", "indicator", "项指标"),
            ("新建", "create", "dimension", "个维度"), ("更新", "update", "dimension", "个维度"),
            ("新建", "create", "division", "个处室"), ("新建", "create", "assignment", "条责任分工"),
            ("新建", "create", "subtask", "项子任务"), ("更新", "update", "subtask", "项子任务"),
            ("修改", "update", "assignment", "条责任分工"))
            if (n := self.count(action, entity))]
        new_year = "（新建该年度）" if self.count("create", "year") else ""
        return f"导入 {self.year} 年度{new_year}：" + "、".join(parts) + "。"


def table_units(db: Database, preview: ImportPreview) -> UnitMap:
    """The proposed mapping of every unit the table names, with the rows where it does."""
    found: dict[str, list[int]] = {}
    groups: set[str] = set()
    for first in preview.first_level():
        items: list[ParsedIndicator | ParsedSubtask] = [first, *first.children]
        for item in items + [t for c in first.children for t in c.subtasks]:
            for unit in item.divisions:
                found.setdefault(unit.name, []).append(item.row)
                if unit.is_group:
                    groups.add(unit.name)
    return map_units(db, found, groups)
