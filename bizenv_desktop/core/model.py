"""Plain data of a plan year, as the services hand it to the faces (no Qt, no SQL)."""
from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("qualitative", "quantitative", "ranking", "counted")
COMPARATORS = (">=", ">", "<=", "<", "=")
DIVISION_KINDS = ("division", "unit", "group")


@dataclass(frozen=True)
class Target:
    """A quantitative standard such as 网上可办率 ≥ 90 %."""

    op: str
    value: float
    unit: str = ""
    metric: str = ""

    def met_by(self, value: float) -> bool:
        return {
            ">=": value >= self.value, ">": value > self.value, "<=": value <= self.value,
            "<": value < self.value, "=": value == self.value,
        }[self.op]

    def text(self) -> str:
        symbol = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "="}[self.op]
        number = f"{self.value:g}"
        return f"{symbol}{number}{self.unit}"


@dataclass(frozen=True)
class Assignment:
    division_id: int
    name: str
    role: str  # lead / responsible / cooperate
    is_group: bool = False
    retired: bool = False


@dataclass(frozen=True)
class Subtask:
    id: int
    indicator_id: int
    name: str
    division_id: int | None
    division_name: str
    person: str
    deadline: str
    note: str
    position: int


@dataclass
class Indicator:
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
    assignments: list[Assignment] = field(default_factory=list)
    children: list[Indicator] = field(default_factory=list)
    subtasks: list[Subtask] = field(default_factory=list)

    def names_with_role(self, role: str) -> list[str]:
        return [a.name for a in self.assignments if a.role == role]


@dataclass
class Dimension:
    id: int
    year: int
    code: str
    name: str
    position: int
    indicators: list[Indicator] = field(default_factory=list)


@dataclass
class Plan:
    year: int
    title: str
    office: str
    dimensions: list[Dimension] = field(default_factory=list)

    def second_level(self) -> list[Indicator]:
        return [c for d in self.dimensions for f in d.indicators for c in f.children]

    def all_indicators(self) -> list[Indicator]:
        return [i for d in self.dimensions for f in d.indicators for i in (f, *f.children)]


@dataclass(frozen=True)
class Division:
    id: int
    name: str
    kind: str
    retired_on: str | None
    merged_into: int | None
    position: int
    use_count: int = 0

    @property
    def is_group(self) -> bool:
        return self.kind == "group"

    @property
    def active(self) -> bool:
        return self.retired_on is None


@dataclass(frozen=True)
class Liaison:
    id: int
    name: str
    division_id: int | None
    division_name: str
    phone: str
    start_date: str
    end_date: str
    reported_on: str
    note: str

    @property
    def current(self) -> bool:
        return not self.end_date
