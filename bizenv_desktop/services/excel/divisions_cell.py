"""Divisions named in one cell of a 牵头 / 配合 / 责任单位 column.

'法规处、审批办'  '法规处，规划处'  '审批办及相关业务处室'  '法规处等有关部门'  '有关部门'.
A cell of a 责任单位/责任处室 column may hold a whole 责任处室 phrase
('审批办牵头，相关业务处室配合'), read by core.responsibility with its roles; in a 牵头 or
配合 column every unit takes the column's role.
"""
from __future__ import annotations

import re

from ...core.responsibility import is_group_name, parse_responsibility
from .preview import ParsedDivision

_SPLIT = re.compile(r"[、，,；;／/\n]|以及|及")
_ETC = re.compile(r"等(有关|相关)?(部门|单位|处室)?$")
_STRIP = re.compile(r"^[\s:：]+|[\s。．.！!；;，,、]+$")
_ROLE_WORDS = re.compile(r"牵头|配合|负责")


def _units(text: str) -> list[str]:
    names: list[str] = []
    for part in _SPLIT.split(text):
        part = re.sub(r"\s+", "", _STRIP.sub("", part))
        if len(part) > 3:
            part = _ETC.sub("", part)
        if part and part not in names:
            names.append(part)
    return names


def parse_division_cell(text: str, role: str) -> list[ParsedDivision]:
    """The units of one cell of a column whose role is lead, cooperate or responsible."""
    text = text.strip()
    if not text or text in ("/", "-", "—", "无"):
        return []
    if role == "responsible" or _ROLE_WORDS.search(text):
        out: list[ParsedDivision] = []
        for unit in parse_responsibility(text.replace("\n", "、")):
            unit_role = unit.role
            if role == "lead" and unit_role == "responsible":
                unit_role = "lead"
            elif role == "cooperate":
                unit_role = "cooperate"
            out.append(ParsedDivision(unit.name, unit_role, unit.is_group))
        return out
    return [ParsedDivision(name, role, is_group_name(name)) for name in _units(text)]
