"""Plain data of a plan year, as the services hand it to the faces (no Qt, no SQL).

The classes behave as the dataclasses they were (fields, eq, repr; frozen ones hashable and
read-only) without importing dataclasses: every command and the window's start load this
module (core/records.py says what that saves).
"""
from __future__ import annotations

from .records import Frozen, Record

KINDS = ("qualitative", "quantitative", "ranking", "counted")
COMPARATORS = (">=", ">", "<=", "<", "=")
DIVISION_KINDS = ("division", "unit", "group")


class Target(Frozen):
    """A quantitative standard such as 网上可办率 ≥ 90 %."""

    FIELDS = ("op", "value", "unit", "metric")
    op: str
    value: float
    unit: str
    metric: str

    def __init__(self, op: str, value: float, unit: str = "", metric: str = "") -> None:
        self.__dict__.update(op=op, value=value, unit=unit, metric=metric)

    def met_by(self, value: float) -> bool:
        return {
            ">=": value >= self.value, ">": value > self.value, "<=": value <= self.value,
            "<": value < self.value, "=": value == self.value,
        }[self.op]

    def text(self) -> str:
        symbol = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "="}[self.op]
        number = f"{self.value:g}"
        return f"{symbol}{number}{self.unit}"


class Assignment(Frozen):
    FIELDS = ("division_id", "name", "role", "is_group", "retired")
    division_id: int
    name: str
    role: str  # lead / responsible / cooperate
    is_group: bool
    retired: bool

    def __init__(self, division_id: int, name: str, role: str, is_group: bool = False, retired: bool = False) -> None:
        self.__dict__.update(division_id=division_id, name=name, role=role, is_group=is_group, retired=retired)


class Subtask(Frozen):
    FIELDS = ("id", "indicator_id", "name", "division_id", "division_name", "person", "deadline", "note", "position")
    id: int
    indicator_id: int
    name: str
    division_id: int | None
    division_name: str
    person: str
    deadline: str
    note: str
    position: int

    def __init__(self, id: int, indicator_id: int, name: str, division_id: int | None, division_name: str,
                 person: str, deadline: str, note: str, position: int) -> None:
        self.__dict__.update(id=id, indicator_id=indicator_id, name=name, division_id=division_id,
                             division_name=division_name, person=person, deadline=deadline, note=note,
                             position=position)


class Indicator(Record):
    FIELDS = ("id", "dimension_id", "parent_id", "level", "code", "name", "criteria", "kind", "target", "event_type",
              "score", "deadline", "position", "assignments", "children", "subtasks")
    id: int
    dimension_id: int
    parent_id: int | None
    level: int
    code: str
    name: str
    criteria: str
    kind: str
    target: Target | None
    event_type: str
    score: float | None
    deadline: str
    position: int
    assignments: list[Assignment]
    children: list[Indicator]
    subtasks: list[Subtask]

    def __init__(self, id: int, dimension_id: int, parent_id: int | None, level: int, code: str,
                 name: str, criteria: str, kind: str, target: Target | None, event_type: str, score: float | None,
                 deadline: str, position: int, assignments: list[Assignment] | None = None,
                 children: list[Indicator] | None = None, subtasks: list[Subtask] | None = None) -> None:
        self.id, self.dimension_id, self.parent_id, self.level = id, dimension_id, parent_id, level
        self.code, self.name, self.criteria, self.kind, self.target = code, name, criteria, kind, target
        self.event_type, self.score, self.deadline, self.position = event_type, score, deadline, position
        self.assignments = [] if assignments is None else assignments
        self.children = [] if children is None else children
        self.subtasks = [] if subtasks is None else subtasks

    def names_with_role(self, role: str) -> list[str]:
        return [a.name for a in self.assignments if a.role == role]


class Dimension(Record):
    FIELDS = ("id", "year", "code", "name", "position", "indicators")
    id: int
    year: int
    code: str
    name: str
    position: int
    indicators: list[Indicator]

    def __init__(self, id: int, year: int, code: str, name: str, position: int,
                 indicators: list[Indicator] | None = None) -> None:
        self.id, self.year, self.code, self.name, self.position = id, year, code, name, position
        self.indicators = [] if indicators is None else indicators


class Plan(Record):
    FIELDS = ("year", "title", "office", "dimensions")
    year: int
    title: str
    office: str
    dimensions: list[Dimension]

    def __init__(self, year: int, title: str, office: str, dimensions: list[Dimension] | None = None) -> None:
        self.year, self.title, self.office = year, title, office
        self.dimensions = [] if dimensions is None else dimensions

    def second_level(self) -> list[Indicator]:
        return [c for d in self.dimensions for f in d.indicators for c in f.children]

    def all_indicators(self) -> list[Indicator]:
        return [i for d in self.dimensions for f in d.indicators for i in (f, *f.children)]


class Division(Frozen):
    FIELDS = ("id", "name", "kind", "retired_on", "merged_into", "position", "use_count")
    id: int
    name: str
    kind: str
    retired_on: str | None
    merged_into: int | None
    position: int
    use_count: int

    def __init__(self, id: int, name: str, kind: str, retired_on: str | None, merged_into: int | None,
                 position: int, use_count: int = 0) -> None:
        self.__dict__.update(id=id, name=name, kind=kind, retired_on=retired_on, merged_into=merged_into,
                             position=position, use_count=use_count)

    @property
    def is_group(self) -> bool:
        return self.kind == "group"

    @property
    def active(self) -> bool:
        return self.retired_on is None


class Liaison(Frozen):
    FIELDS = ("id", "name", "division_id", "division_name", "phone", "start_date", "end_date", "reported_on", "note")
    id: int
    name: str
    division_id: int | None
    division_name: str
    phone: str
    start_date: str
    end_date: str
    reported_on: str
    note: str

    def __init__(self, id: int, name: str, division_id: int | None, division_name: str, phone: str,
                 start_date: str, end_date: str, reported_on: str, note: str) -> None:
        self.__dict__.update(id=id, name=name, division_id=division_id, division_name=division_name, phone=phone,
                             start_date=start_date, end_date=end_date, reported_on=reported_on, note=note)

    @property
    def current(self) -> bool:
        return not self.end_date
