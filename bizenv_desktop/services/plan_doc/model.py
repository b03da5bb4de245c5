"""What reading a plan document gave: the plan as plain data, with notes on what was odd.

ParsedPlan mirrors bizenv_desktop/data/builtin_plan.json (to_builtin_dict() gives exactly that
shape, so the built-in plan's own source text can be checked against it field by field) and
adds where each part was read and the notes for the preview. No database, no Qt.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...core import messages
from ...core.model import Target
from ...core.responsibility import Responsible
from .source import Place


@dataclass(frozen=True)
class Note:
    """A remark about one place of the document, rendered in the UI language when shown."""

    message_id: str
    args: tuple[tuple[str, Any], ...] = ()
    place: Place | None = None

    @classmethod
    def make(cls, message_id: str, place: Place | None = None, **args: Any) -> Note:
        return cls(message_id, tuple(args.items()), place)

    def text(self, lang: str | None = None) -> str:
        """The sentence in lang; arguments that are notes (or tuples of notes) render in it too."""
        args: dict[str, Any] = {}
        for key, value in self.args:
            if isinstance(value, Note):
                value = value.text(lang)
            elif isinstance(value, tuple) and all(isinstance(v, Note) for v in value):
                value = "".join(v.text(lang) for v in value)
            args[key] = value
        args["where"] = self.place.text(lang) if self.place is not None else ""
        return messages.render(self.message_id, args, lang)

    def __str__(self) -> str:
        return self.text()


@dataclass
class PlanSubtask:
    name: str
    place: Place
    units: list[Responsible] = field(default_factory=list)
    deadline_text: str = ""
    person: str = ""
    note: str = ""


@dataclass
class PlanIndicator:
    level: int                       # 1 (一级) or 2 (二级)
    code: str
    name: str
    place: Place
    criteria: str = ""
    responsibility: str = ""         # the 责任处室 line as written (or made from the units)
    units: list[Responsible] = field(default_factory=list)
    kind: str = "qualitative"
    target: Target | None = None
    event_type: str = ""
    score: float | None = None
    deadline: str = ""
    children: list[PlanIndicator] = field(default_factory=list)
    subtasks: list[PlanSubtask] = field(default_factory=list)
    annotated_from: str = ""         # where kind/target came from: reference, text ('' = none)


@dataclass
class PlanDimension:
    code: str
    name: str
    place: Place | None
    indicators: list[PlanIndicator] = field(default_factory=list)


@dataclass
class PlanSection:
    heading: str
    paragraphs: list[str]
    indicator_table: bool = False


@dataclass
class ParsedPlan:
    source: str                      # file name, or 粘贴的文本
    title: str = ""
    office: str = ""
    year: int | None = None          # the year written in the title
    preamble: list[str] = field(default_factory=list)
    sections: list[PlanSection] = field(default_factory=list)
    dimensions: list[PlanDimension] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    stopped: Note | None = None      # set when the document seems cut off: where it ended
    pdf_text: bool = False           # read as text copied out of a PDF

    def first_level(self) -> list[PlanIndicator]:
        return [f for d in self.dimensions for f in d.indicators]

    def second_level(self) -> list[PlanIndicator]:
        return [s for f in self.first_level() for s in f.children]

    def all_units(self) -> list[Responsible]:
        """Every unit named, once each, in the order the document first names it."""
        seen: dict[str, Responsible] = {}
        for f in self.first_level():
            for ind in (f, *f.children):
                for u in ind.units:
                    seen.setdefault(u.name, u)
                for sub in ind.subtasks:
                    for u in sub.units:
                        seen.setdefault(u.name, u)
        return list(seen.values())

    def divisions(self) -> list[str]:
        return [u.name for u in self.all_units() if not u.is_group]

    def groups(self) -> list[str]:
        return [u.name for u in self.all_units() if u.is_group]

    def to_builtin_dict(self) -> dict[str, Any]:
        """The plan in the shape of data/builtin_plan.json."""
        def second(ind: PlanIndicator) -> dict[str, Any]:
            out: dict[str, Any] = {"code": ind.code, "name": ind.name, "criteria": ind.criteria,
                                   "responsibility": ind.responsibility, "kind": ind.kind}
            if ind.target is not None:
                target: dict[str, Any] = {"op": ind.target.op, "value": _number(ind.target.value),
                                          "unit": ind.target.unit, "metric": ind.target.metric}
                out["target"] = target
            if ind.event_type:
                out["event_type"] = ind.event_type
            return out
        sections = []
        for s in self.sections:
            entry: dict[str, Any] = {"heading": s.heading, "paragraphs": list(s.paragraphs)}
            if s.indicator_table:
                entry["indicator_table"] = True
            sections.append(entry)
        return {
            "title": self.title, "preamble": list(self.preamble), "sections": sections, "office": self.office,
            "divisions": self.divisions(), "groups": self.groups(),
            "dimensions": [{"code": d.code, "name": d.name, "indicators": [
                {"code": f.code, "name": f.name, "children": [second(s) for s in f.children]}
                for f in d.indicators]} for d in self.dimensions],
        }


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
