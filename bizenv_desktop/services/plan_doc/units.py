"""The units a task names, with their roles: on label lines, or written inline at its end.

责任处室： lines are read by core.responsibility exactly as the built-in plan's are (牵头 lead,
配合 cooperating, listed alone jointly responsible, 相关处室 … groups). The other label lines
and the unit lists written inline (（牵头单位：A；责任单位：B）, （X牵头，Y配合）, （X负责）,
units in brackets with no label) are read by core.inline_units, which splits lists only
outside brackets (各县（市、区）人民政府 is one unit): 牵头单位： names leads, 配合单位：
cooperating units, 责任单位： responsible ones — unless the document says the first unit
listed leads (责任单位中排在第一位的为牵头单位), then the first of a plain list leads and the
others are responsible (or cooperate, when the document says so).
"""
from __future__ import annotations

from collections.abc import Iterable

from ...core.inline_units import InlineUnits, parse_units
from ...core.responsibility import Responsible, format_responsibility, parse_responsibility
from .markers import UNIT_LABELS, Label


def _first_leads(found: list[Responsible], rest_cooperate: bool) -> list[Responsible]:
    if not found or any(u.role != "responsible" for u in found):
        return found
    rest = "cooperate" if rest_cooperate else "responsible"
    return [Responsible(u.name, "lead" if i == 0 else rest, u.is_group) for i, u in enumerate(found)]


def _of_label(lab: Label, first_is_lead: bool, rest_cooperate: bool) -> tuple[list[Responsible], str]:
    if lab.kind == "responsibility":
        return parse_responsibility(lab.value), ""
    found, deadline = parse_units(lab.value)
    if lab.kind == "lead":
        found = [Responsible(u.name, "lead", u.is_group) if u.role == "responsible" else u for u in found]
    elif lab.kind == "cooperate":
        found = [Responsible(u.name, "cooperate", u.is_group) for u in found]
    elif first_is_lead:
        found = _first_leads(found, rest_cooperate)
    return found, deadline


def task_units(labels: list[Label], inline: Iterable[InlineUnits] = (), first_is_lead: bool = False,
               rest_cooperate: bool = False) -> tuple[list[Responsible], str, list[str]]:
    """(units, the 责任处室 line to keep, deadlines written with the units) of one task."""
    units: list[Responsible] = []
    deadlines: list[str] = []
    seen: set[str] = set()

    def add(found: list[Responsible]) -> None:
        for u in found:
            if u.name not in seen:
                seen.add(u.name)
                units.append(u)
    lines = [lab for lab in labels if lab.kind in UNIT_LABELS and lab.value]
    for lab in lines:
        found, deadline = _of_label(lab, first_is_lead, rest_cooperate)
        add(found)
        if deadline:
            deadlines.append(deadline)
    written = [i for i in inline if i]
    for item in written:
        add(_first_leads(list(item.units), rest_cooperate) if first_is_lead else list(item.units))
        if item.deadline:
            deadlines.append(item.deadline)
    if len(lines) == 1 and lines[0].kind == "responsibility" and not written:
        return units, lines[0].value, deadlines
    return units, format_responsibility(units), deadlines
