"""How an imported plan differs from a plan year: indicators added, removed, reworded (the same
indicator under a changed name or standard) and those whose divisions changed.

Second-level indicators are paired by name first (punctuation and width aside), then by
standard, then by code with a similar name, then by similarity alone; what is left over on
either side was added or removed. Pure data in, data out: no database, no Qt.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from ..core.model import Plan
from ..core.responsibility import Responsible, format_responsibility

ROLE_WORDS = {"lead": "牵头", "responsible": "负责", "cooperate": "配合"}


@dataclass(frozen=True)
class DiffEntry:
    change: str              # added, removed, reworded, divisions
    level: int               # 0 dimension, 1 first-level, 2 second-level
    code: str
    name: str
    old: str = ""            # reworded: the old name / standard; divisions: the old 责任处室
    new: str = ""
    fields: tuple[str, ...] = ()   # reworded: which of name, criteria changed


@dataclass
class PlanDiff:
    base_year: int | None
    entries: list[DiffEntry] = field(default_factory=list)

    def of(self, change: str, level: int | None = None) -> list[DiffEntry]:
        return [e for e in self.entries if e.change == change and level in (None, e.level)]

    def counts(self) -> dict[str, int]:
        return {c: len(self.of(c, 2)) for c in ("added", "removed", "reworded", "divisions")}

    def to_json(self) -> dict[str, Any]:
        return {"base_year": self.base_year, "counts": self.counts(), "changes": [
            {"change": e.change, "level": e.level, "code": e.code, "name": e.name, "old": e.old, "new": e.new,
             "fields": list(e.fields)} for e in self.entries]}


def _norm(text: str) -> str:
    text = text.translate(str.maketrans("（）：；，", "():;,"))
    return re.sub(r"[\s。.;；,，、:“”\"'‘’]", "", text)


def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, _norm(a), _norm(b)).ratio()


@dataclass
class _Item:
    code: str
    name: str
    criteria: str
    units: tuple[tuple[str, str], ...]


def _units_text(units: tuple[tuple[str, str], ...]) -> str:
    return format_responsibility([Responsible(n, r) for n, r in units])


def _old_items(plan: Plan | None) -> tuple[list[_Item], list[tuple[int, str, str]]]:
    if plan is None:
        return [], []
    seconds = [_Item(i.code, i.name, i.criteria, tuple((a.name, a.role) for a in i.assignments))
               for i in plan.second_level()]
    groups = [(0, d.code, d.name) for d in plan.dimensions] + [
        (1, f.code, f.name) for d in plan.dimensions for f in d.indicators]
    return seconds, groups


def _new_items(parsed: Any, rename: Callable[[str], str | None]) -> tuple[list[_Item], list[tuple[int, str, str]]]:
    def units(found: list[Any]) -> tuple[tuple[str, str], ...]:
        out: list[tuple[str, str]] = []
        for u in found:
            name = rename(u.name)
            if name is not None and all(n != name for n, _r in out):
                out.append((name, u.role))
        return tuple(out)
    seconds = [_Item(i.code, i.name, i.criteria, units(i.units)) for i in parsed.second_level()]
    groups = [(0, d.code, d.name) for d in parsed.dimensions] + [
        (1, f.code, f.name) for d in parsed.dimensions for f in d.indicators]
    return seconds, groups


def _pair(old: list[_Item], new: list[_Item]) -> list[tuple[_Item, _Item]]:
    pairs: list[tuple[_Item, _Item]] = []
    left, right = list(old), list(new)

    def take(test: Any) -> None:
        for n in list(right):
            match = next((o for o in left if test(o, n)), None)
            if match is not None:
                pairs.append((match, n))
                left.remove(match)
                right.remove(n)
    take(lambda o, n: _norm(o.name) == _norm(n.name))
    take(lambda o, n: o.criteria and _norm(o.criteria) == _norm(n.criteria))
    take(lambda o, n: o.code and o.code == n.code and _similar(o.name, n.name) >= 0.5)
    take(lambda o, n: _similar(o.name, n.name) >= 0.6 or _similar(o.criteria, n.criteria) >= 0.8)
    return pairs


def diff_plans(base: Plan | None, parsed: Any, rename: Callable[[str], str | None] = lambda n: n) -> PlanDiff:
    """The changes from base (a plan year, or None) to parsed (a plan_doc.ParsedPlan); rename
    gives the division a unit of the document is written under (None: left out)."""
    out = PlanDiff(base.year if base is not None else None)
    old, old_groups = _old_items(base)
    new, new_groups = _new_items(parsed, rename)
    if base is None:
        return out
    for level in (0, 1):
        olds = {_norm(n): (c, n) for lv, c, n in old_groups if lv == level}
        news = {_norm(n): (c, n) for lv, c, n in new_groups if lv == level}
        out.entries += [DiffEntry("added", level, c, n) for k, (c, n) in news.items() if k not in olds]
        out.entries += [DiffEntry("removed", level, c, n) for k, (c, n) in olds.items() if k not in news]
    pairs = _pair(old, new)
    paired_old = {id(o) for o, _n in pairs}
    paired_new = {id(n) for _o, n in pairs}
    for n in new:
        if id(n) not in paired_new:
            out.entries.append(DiffEntry("added", 2, n.code, n.name))
    for o in old:
        if id(o) not in paired_old:
            out.entries.append(DiffEntry("removed", 2, o.code, o.name))
    for o, n in pairs:
        changed = tuple(f for f in ("name", "criteria") if getattr(o, f) != getattr(n, f))
        if changed:
            field_name = "name" if "name" in changed else "criteria"
            out.entries.append(DiffEntry("reworded", 2, n.code, n.name, getattr(o, field_name),
                                         getattr(n, field_name), changed))
        if set(o.units) != set(n.units):
            out.entries.append(DiffEntry("divisions", 2, n.code, n.name, _units_text(o.units), _units_text(n.units)))
    return out
