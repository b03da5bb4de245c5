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
                "有关部门", "各直属单位",
                # county and city bureaus name their units 股/科/室/站/所
                "各股室", "各科室", "各业务股室", "各业务科室", "相关股室", "相关科室", "相关业务股室",
                "相关业务科室", "有关股室", "有关科室", "机关各科室", "局内各股室", "局内各科室", "各站所",
                "业务股室", "业务科室", "业务处室")

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


_MARKERS = {"牵头": "lead", "负责": "responsible", "配合": "cooperate"}


def parse_responsibility(line: str) -> list[Responsible]:
    """Divisions and groups named by a 责任处室 line, in order, each with its role.

    The line is cut at each role word (牵头/负责/配合); the units before a role word take
    that role, except those before a comma inside the same piece, which are listed
    without a role word and so are jointly responsible (法规处、审批办，相关处室配合).
    """
    text = _TRAILING.sub("", line.strip())
    text = re.sub(r"^责任(处室|单位)[：:]\s*", "", text)
    pieces = re.split(r"(牵头|负责|配合)", text)
    result: list[Responsible] = []
    seen: set[str] = set()

    def add(chunk: str, role: str) -> None:
        for name in _split_units(chunk):
            if name not in seen:
                seen.add(name)
                result.append(Responsible(name, role, is_group_name(name)))
    for i in range(0, len(pieces), 2):
        chunk = pieces[i]
        marker = pieces[i + 1] if i + 1 < len(pieces) else None
        cut = max(chunk.rfind("，"), chunk.rfind(","), chunk.rfind("；"))
        if marker and cut >= 0:
            add(chunk[:cut], "responsible")
            add(chunk[cut + 1:], _MARKERS[marker])
        else:
            add(chunk, _MARKERS[marker] if marker else "responsible")
    return result


def format_responsibility(units: list[Responsible]) -> str:
    """The 责任处室 line for a list of units, as the seed writes it; reads back the same."""
    leads = [u.name for u in units if u.role == "lead"]
    joint = [u.name for u in units if u.role == "responsible"]
    coop = [u.name for u in units if u.role == "cooperate"]
    parts = []
    if leads:
        parts.append("、".join(leads) + "牵头")
        if joint:
            parts.append("、".join(joint) + "负责")
    elif joint:
        parts.append("、".join(joint))
    if coop:
        parts.append("、".join(coop) + "配合")
    return "，".join(parts)
