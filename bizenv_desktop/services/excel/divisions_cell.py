"""Divisions named in one cell of a 牵头 / 配合 / 责任单位 column.

'法规处、审批办'  '法规处，规划处'  '审批办及相关业务处室'  '法规处等有关部门'  '有关部门'.
A cell of a 责任单位/责任处室 column may hold a whole 责任处室 phrase
('审批办牵头，相关业务处室配合', '牵头单位：…；责任单位：…'), read by core.inline_units with its
roles; in a 牵头 or 配合 column every unit takes the column's role. Lists are split only outside
brackets: 各县（市、区）人民政府 is one unit.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...core.inline_units import is_group, parse_units, split_unit_list
from .preview import ParsedDivision

_ROLE_WORDS = re.compile(r"牵头|配合|负责|[:：]")


def parse_division_cell(text: str, role: str) -> list[ParsedDivision]:
    """The units of one cell of a column whose role is lead, cooperate or responsible."""
    return [ParsedDivision(*unit) for unit in _units(text.strip(), role)]


@lru_cache(maxsize=4096)  # a table names the same few units in row after row
def _units(text: str, role: str) -> tuple[tuple[str, str, bool], ...]:
    if not text or text in ("/", "-", "—", "无"):
        return ()
    if role == "responsible" or _ROLE_WORDS.search(text):
        out: list[tuple[str, str, bool]] = []
        for unit in parse_units(text.replace("\n", "、"))[0]:
            unit_role = unit.role
            if role == "lead" and unit_role == "responsible":
                unit_role = "lead"
            elif role == "cooperate":
                unit_role = "cooperate"
            out.append((unit.name, unit_role, unit.is_group))
        return tuple(out)
    return tuple((name, role, is_group(name)) for name in split_unit_list(text.replace("\n", "、")))
