"""The units a task's label lines name, with their roles.

责任处室： lines are read by core.responsibility exactly as the built-in plan's are (牵头 lead,
配合 cooperating, listed alone jointly responsible, 相关处室 … groups). 牵头单位： names leads,
配合单位： cooperating units, 责任单位： responsible ones — unless the document says the first
unit listed leads (责任单位中排在第一位的为牵头单位), then the first leads and the others are
responsible (or cooperate, when the document says so).
"""
from __future__ import annotations

from ...core.responsibility import Responsible, format_responsibility, parse_responsibility
from .markers import UNIT_LABELS, Label


def label_units(labels: list[Label], first_is_lead: bool = False, rest_cooperate: bool = False
                ) -> tuple[list[Responsible], str]:
    """(units, the 责任处室 line to keep) of a task's label lines."""
    units: list[Responsible] = []
    seen: set[str] = set()
    lines = [lab for lab in labels if lab.kind in UNIT_LABELS and lab.value]
    for lab in lines:
        found = parse_responsibility(lab.value)
        if lab.kind == "lead":
            found = [Responsible(u.name, "lead", u.is_group) if u.role == "responsible" else u for u in found]
        elif lab.kind == "cooperate":
            found = [Responsible(u.name, "cooperate", u.is_group) for u in found]
        elif lab.kind == "responsible" and first_is_lead and found and all(u.role == "responsible" for u in found):
            rest = "cooperate" if rest_cooperate else "responsible"
            found = [Responsible(u.name, "lead" if i == 0 else rest, u.is_group) for i, u in enumerate(found)]
        for u in found:
            if u.name not in seen:
                seen.add(u.name)
                units.append(u)
    if len(lines) == 1 and lines[0].kind == "responsibility":
        return units, lines[0].value
    return units, format_responsibility(units)
