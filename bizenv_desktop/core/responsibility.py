"""Reading a 责任处室 line into divisions with roles.

Shapes found in real plans (../shared/seed/README.md):
  法规处                              one division, responsible
  法规处、规划处、办公室              several, jointly responsible
  审批办牵头，相关业务处室配合。      a lead plus a cooperating group
  法规处牵头机关各业务处室配合        the same with no comma
  法规处牵头，审批办及相关业务处室配合  several cooperating units joined by 及
  法规处、审批办，相关处室配合        joint responsibility plus cooperating group
  厅内各处室                          a group: every division
"""
from __future__ import annotations

import re
from dataclasses import dataclass

ROLES = ("lead", "responsible", "cooperate")

# Names that stand for a set of divisions rather than one division.
KNOWN_GROUPS = ("相关业务处室", "相关处室", "机关各业务处室", "厅内各处室", "各处室", "有关处室",
                "有关部门", "各直属单位")

_SEPARATORS = re.compile(r"[、，,；;／/]|及|和|与")
_TRAILING = re.compile(r"[。．.！!\s]+$")


@dataclass(frozen=True)
class Responsible:
    name: str
    role: str  # one of ROLES
    is_group: bool = False


def is_group_name(name: str) -> bool:
    return name in KNOWN_GROUPS or name.startswith(("相关", "各", "有关")) or "各" in name[:4]


def _split_units(text: str) -> list[str]:
    units = []
    for part in _SEPARATORS.split(text):
        part = part.strip()
        part = re.sub(r"等(有关|相关)?(部门|单位|处室)?$", "", part) if len(part) > 3 else part
        if part:
            units.append(part)
    return units


def parse_responsibility(line: str) -> list[Responsible]:
    """Divisions and groups named by a 责任处室 line, in order, each with its role."""
    text = _TRAILING.sub("", line.strip())
    text = re.sub(r"^责任(处室|单位)[：:]\s*", "", text)
    if not text:
        return []
    lead_part, coop_part = text, ""
    match = re.match(r"^(.*?)(配合)$", text)
    if match:  # "... X配合": everything after the last 牵头 or comma is cooperating
        body = match.group(1)
        lead_match = re.match(r"^(.*?)牵头[，,、]?(.*)$", body)
        if lead_match:
            lead_part, coop_part = lead_match.group(1), lead_match.group(2)
        else:
            cut = max(body.rfind("，"), body.rfind(","))
            lead_part, coop_part = (body[:cut], body[cut + 1:]) if cut >= 0 else ("", body)
        first_role = "lead" if lead_match else "responsible"
    else:
        lead_match = re.match(r"^(.*?)牵头$", text)
        if lead_match:
            lead_part = lead_match.group(1)
        first_role = "lead" if lead_match else "responsible"
    result: list[Responsible] = []
    seen: set[str] = set()
    for names, role in ((_split_units(lead_part), first_role), (_split_units(coop_part), "cooperate")):
        for name in names:
            if name not in seen:
                seen.add(name)
                result.append(Responsible(name, role, is_group_name(name)))
    return result


def format_responsibility(units: list[Responsible]) -> str:
    """The 责任处室 line for a list of units, as the seed writes it."""
    leads = [u.name for u in units if u.role == "lead"]
    joint = [u.name for u in units if u.role == "responsible"]
    coop = [u.name for u in units if u.role == "cooperate"]
    head = "、".join(leads) + "牵头" if leads else "、".join(joint)
    if leads and joint:
        head = "、".join(joint) + "、" + head
    if coop:
        return f"{head}，{'、'.join(coop)}配合" if head else f"{'、'.join(coop)}配合"
    return head
