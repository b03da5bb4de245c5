"""Importing a plan document (services/plan_doc) as a plan year: the tree it makes, how it
differs from the year before, and writing it — all or nothing, in the caller's Workspace.apply
(so one undo step takes it all back).

The year is the one the title names, else the year after the newest in the file (this year
in an empty file). A year that exists is refused, unless the caller asks to replace it and it
holds no records yet (no monthly dispatch, self-evaluation or events): the built-in plan of a
first start, say. Written with the plan-editing services' checks (plan_edit), like an edit by
hand, in bulk (storage.batch); divisions named by the document are mapped (unit_mapping), new
ones are added.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ..core import messages
from ..core.deadline_text import derive_deadline
from ..core.errors import InvalidInput, NotFound
from ..core.model import Assignment, Dimension, Indicator, Plan, Subtask
from ..core.responsibility import Responsible
from ..storage.batch import Batch, batch
from ..storage.changes import Writer
from ..storage.database import Database
from . import plan_edit
from .plan_diff import PlanDiff, diff_plans
from .plan_doc import Note, ParsedPlan
from .plan_doc.kinds import Reference, annotate
from .plan_read import list_years, load_plan, plan_to_json
from .unit_mapping import UnitMap, map_units, resolve

messages.register({
    "plan_import.year_exists": ("{year} 年度已存在，导入方案只能建立新的年度。请选择其他年度（命令行用 --year），"
                                "或先删除 {year} 年度（年度 › 删除本年度）后再导入。",
                                "The year {year} exists; a plan document is imported as a new year. Choose another "
                                "year (--year on the command line), or delete the year {year} first (Year › Delete "
                                "this year), then import."),
    "plan_import.year_has_records": ("{year} 年度已有 {count} 条月调度、自评或宣传推广记录，不能用导入的方案替换。"
                                     "请导入为新的年度。",
                                     "The year {year} already holds {count} dispatch, self-evaluation or event records "
                                     "and cannot be replaced by an imported plan. Import it as a new year."),
    "plan_import.bad_year": ("年度 {year} 超出范围（2000–2100）。", "The year {year} is out of range (2000–2100)."),
    "plan_import.retired": ("处室“{name}”已停用，仍按文档记入责任分工；如已合并，请在处室管理中处理。",
                            "The division “{name}” is retired; it is still assigned as the document says. If it was "
                            "merged, sort it out in Divisions."),
    "plan_import.suggested": ("文档中的“{name}”可能就是“{division}”：请在导入窗口中确认；未确认时按“{name}”新建处室。",
                              "“{name}” of the document may be “{division}”: confirm it in the import window; "
                              "unconfirmed, a new division “{name}” is made."),
    "plan_import.not_unit": ("“{name}”不是单位（人名或职务），没有记入责任分工。",
                             "“{name}” is not a unit (a person or a post) and was not assigned."),
})


@dataclass
class PlanImportPreview:
    """What importing a parsed plan as `year` would make (nothing written)."""

    plan: ParsedPlan
    year: int
    base_year: int | None            # the year the diff compares with
    replaces: bool                   # the year exists and would be replaced
    diff: PlanDiff
    tree: dict[str, Any]             # the indicators JSON of `bizenv indicators --json`
    units: UnitMap                   # every unit the plan names, and how it is mapped
    notes: list[Note] = field(default_factory=list)
    new_divisions: list[str] = field(default_factory=list)


def default_year(db: Database, plan: ParsedPlan) -> int:
    if plan.year is not None:
        return plan.year
    years = list_years(db)
    return years[-1] + 1 if years else date.today().year


def _base_year(db: Database, year: int, replace: bool) -> int | None:
    years = list_years(db)
    if replace and year in years:
        return year
    before = [y for y in years if y < year]
    return before[-1] if before else (years[-1] if years else None)


def _records(db: Database, year: int) -> int:
    return int(db.scalar(
        "SELECT (SELECT count(*) FROM dispatch_month WHERE year = :y)"
        " + (SELECT count(*) FROM self_evaluation s JOIN indicator i ON i.id = s.indicator_id"
        "    JOIN dimension d ON d.id = i.dimension_id WHERE d.year = :y)"
        " + (SELECT count(*) FROM event e JOIN indicator i ON i.id = e.indicator_id"
        "    JOIN dimension d ON d.id = i.dimension_id WHERE d.year = :y)", {"y": year}) or 0)


def check_year(db: Database, year: int, replace: bool) -> bool:
    """True when year exists (and may be replaced); refuses what cannot be done."""
    if not 2000 <= year <= 2100:
        raise InvalidInput("plan_import.bad_year", year=year)
    if year not in list_years(db):
        return False
    if not replace:
        raise InvalidInput("plan_import.year_exists", year=year)
    count = _records(db, year)
    if count:
        raise InvalidInput("plan_import.year_has_records", year=year, count=count)
    return True


def references(plan: Plan | None) -> list[Reference]:
    if plan is None:
        return []
    return [Reference(i.name, i.criteria, i.kind, i.target, i.event_type) for i in plan.second_level()]


def unit_names(plan: ParsedPlan) -> dict[str, list[int]]:
    """Every unit the plan names with the lines (paragraphs) naming it: divisions first, then
    groups, each in the order the document first names them (the order they are made in)."""
    rows: dict[str, list[int]] = {}
    groups: dict[str, list[int]] = {}
    for f in plan.first_level():
        for ind in (f, *f.children):
            for unit in ind.units + [u for t in ind.subtasks for u in t.units]:
                (groups if unit.is_group else rows).setdefault(unit.name, []).append(ind.place.number)
    return {**rows, **{k: v for k, v in groups.items() if k not in rows}}


def plan_units(db: Database, plan: ParsedPlan) -> UnitMap:
    """The proposed mapping of every unit the plan names (unit_mapping.map_units)."""
    return map_units(db, unit_names(plan), plan.groups())


def _unit_notes(units: UnitMap) -> list[Note]:
    notes = []
    for u in units:
        if u.retired:
            notes.append(Note.make("plan_import.retired", name=u.division or u.name))
        if u.suggested:
            notes.append(Note.make("plan_import.suggested", name=u.name, division=u.division))
        if u.kind == "not_unit":
            notes.append(Note.make("plan_import.not_unit", name=u.name))
    return notes


def subtask_deadline(text: str, year: int) -> str:
    day = derive_deadline(text, date(year, 1, 1)) if text else None
    return day.isoformat() if day is not None else ""


def preview_plan_import(db: Database, plan: ParsedPlan, year: int | None = None, replace: bool = False,
                        units: UnitMap | None = None) -> PlanImportPreview:
    """What importing plan as year would make; units: the unit mapping the liaison confirmed
    (default: the proposed one, near matches left unconfirmed, so written as new divisions)."""
    year = default_year(db, plan) if year is None else year
    replaces = check_year(db, year, replace)
    base_year = _base_year(db, year, replace)
    base = load_plan(db, base_year) if base_year is not None else None
    annotate(plan, references(base))
    if units is None:
        units = plan_units(db, plan)
    notes = _unit_notes(units)
    tree = plan_to_json(preview_model(plan, year, units))
    diff = diff_plans(base, plan, lambda name: _target(units, name))
    return PlanImportPreview(plan, year, base_year, replaces, diff, tree, units,
                             list(plan.notes) + ([plan.stopped] if plan.stopped else []) + notes,
                             [u.name for u in units if u.kind == "new" or u.suggested])


def _target(units: UnitMap, name: str) -> str | None:
    """The division a unit is written under: its mapping, or its own name while a near match
    is unconfirmed; None when it is no unit."""
    match = units.units.get(name)
    if match is None:
        return name
    if match.kind == "not_unit":
        return None
    return name if match.suggested else (match.division or name)


def preview_model(plan: ParsedPlan, year: int, units: UnitMap) -> Plan:
    """The plan as core.model objects, as load_plan will read it back after the import
    (made-up negative ids for what is new)."""
    ids = iter(range(-1, -10**9, -1))
    made: dict[str, int] = {}

    def division(unit: Responsible) -> tuple[int, str, bool, bool] | None:
        name = _target(units, unit.name)
        if name is None:
            return None
        known = units.divisions.get(name)
        if known is not None:
            return known[0], name, known[1] == "group", known[2] is not None
        match = units.units.get(unit.name)
        group = unit.is_group or (match is not None and match.kind == "group")
        return made.setdefault(name, next(ids)), name, group, False

    def assignments(found: list[Responsible]) -> list[Assignment]:
        out, seen = [], set()
        for u in found:
            d = division(u)
            if d is not None and d[0] not in seen:
                seen.add(d[0])
                out.append(Assignment(d[0], d[1], u.role, d[2], d[3]))
        order = {"lead": 0, "responsible": 1, "cooperate": 2}
        return sorted(out, key=lambda a: order[a.role])

    model = Plan(year, plan.title, plan.office)
    for dpos, d in enumerate(plan.dimensions, 1):
        dim = Dimension(next(ids), year, d.code, d.name, dpos)
        model.dimensions.append(dim)
        for fpos, f in enumerate(d.indicators, 1):
            first = Indicator(next(ids), dim.id, None, 1, f.code, f.name, f.criteria, "qualitative", None, "",
                              f.score, f.deadline, fpos, assignments(f.units))
            dim.indicators.append(first)
            for spos, s in enumerate(f.children, 1):
                second = Indicator(next(ids), dim.id, first.id, 2, s.code, s.name, s.criteria, s.kind, s.target,
                                   s.event_type, s.score, s.deadline, spos, assignments(s.units))
                for tpos, t in enumerate(s.subtasks, 1):
                    lead = next((d for d in map(division, t.units) if d is not None), None)
                    second.subtasks.append(Subtask(next(ids), second.id, t.name, lead[0] if lead else None,
                                                   lead[1] if lead else "", t.person,
                                                   subtask_deadline(t.deadline_text, year), _subtask_note(t, year),
                                                   tpos))
                first.children.append(second)
    return model


def _subtask_note(t: Any, year: int) -> str:
    """The sub-task's note, with a deadline that names no date (长期坚持) kept in words."""
    parts = [t.note] if t.note else []
    if t.deadline_text and not subtask_deadline(t.deadline_text, year):
        parts.append(f"时限：{t.deadline_text}")
    return "\n".join(parts)


def apply_plan_import(w: Writer, plan: ParsedPlan, year: int | None = None, replace: bool = False,
                      office: str = "", units: UnitMap | None = None) -> PlanImportPreview:
    """Write plan as a plan year with the action's Writer; returns what was shown as preview.
    The unit mapping's choices are remembered (unit_mapping.resolve) in the same transaction."""
    preview = preview_plan_import(w.db, plan, year, replace, units)
    year = preview.year
    if preview.replaces:
        from .years import delete_year

        delete_year(w, year)
    w.insert("plan_year", {"year": year, "title": plan.title or f"{year}年度营商环境工作方案",
                           "office": plan.office or office, "created_at": datetime.now().isoformat(timespec="seconds")})
    mapping = preview.units
    for match in mapping:  # an unconfirmed near match is written under its own name
        if match.suggested:
            mapping.choose(match.name, "new")
    ids = resolve(w, mapping)
    sections = [("", p, False) for p in plan.preamble] + [
        (s.heading, "\n".join(s.paragraphs), s.indicator_table) for s in plan.sections]
    known = {r[0] for r in w.db.query("SELECT id FROM division")}

    def wanted(found: list[Responsible]) -> list[tuple[int, str]]:
        out: list[tuple[int, str]] = []
        for u in found:
            div_id = ids.get(u.name)
            if div_id is not None and all(d != div_id for d, _r in out):
                out.append((div_id, u.role))
        return out

    with batch(w) as b:  # what plan_edit's add/update functions write, with their checks, in bulk
        for pos, (heading, body, table) in enumerate(sections, 1):
            b.insert("plan_section", {"year": year, "position": pos, "heading": heading, "body": body,
                                      "is_indicator_table": int(table)})
        for dpos, d in enumerate(plan.dimensions, 1):
            if not d.name.strip():
                raise InvalidInput("plan.dimension_name_empty")
            dim_id = b.insert("dimension", {"year": year, "name": d.name.strip(), "code": d.code, "position": dpos})
            for fpos, f in enumerate(d.indicators, 1):
                first_id = _indicator(b, dim_id, None, fpos, f.name, f.code,
                                      {"criteria": f.criteria, "score": f.score, "deadline": f.deadline})
                if f.units:
                    _assignments(b, known, first_id, wanted(f.units))
                for spos, s in enumerate(f.children, 1):
                    ind_id = _indicator(b, dim_id, first_id, spos, s.name, s.code,
                                        {"criteria": s.criteria, "kind": s.kind, "target": s.target,
                                         "event_type": s.event_type, "score": s.score, "deadline": s.deadline})
                    _assignments(b, known, ind_id, wanted(s.units))
                    for tpos, t in enumerate(s.subtasks, 1):
                        lead = wanted(t.units)[:1]
                        b.insert("subtask", {"indicator_id": ind_id, "position": tpos, **plan_edit.subtask_values({
                            "name": t.name, "division_id": lead[0][0] if lead else None, "person": t.person,
                            "deadline": subtask_deadline(t.deadline_text, year), "note": _subtask_note(t, year)})})
    return preview


def _indicator(b: Batch, dim_id: int, parent_id: int | None, position: int, name: str, code: str,
               fields: dict[str, Any]) -> int:
    """What plan_edit.add_indicator and then update_indicator make (with their checks), as one
    new row (its audit row holds the whole indicator, not an insert and then an update)."""
    name = name.strip()
    if not name:
        raise InvalidInput("plan.indicator_name_empty")
    row = {"dimension_id": dim_id, "parent_id": parent_id, "level": 1 if parent_id is None else 2,
           "code": code, "name": name, "position": position}
    values = plan_edit.indicator_values({**row, "kind": "qualitative", "target_op": None}, fields)
    return int(b.insert("indicator", {**row, **values}))


def _assignments(b: Batch, known: set[int], indicator_id: int, units: list[tuple[int, str]]) -> None:
    """plan_edit.set_assignments of a new indicator (its checks) as rows of the batch."""
    for pos, (division_id, role) in enumerate(units, 1):
        if role not in ("lead", "responsible", "cooperate"):
            raise InvalidInput("plan.unknown_role", role=role)
        if division_id not in known:
            raise NotFound("plan.row_missing", table="division", row_id=division_id)
        b.insert("assignment", {"indicator_id": indicator_id, "division_id": division_id, "role": role,
                                "position": pos})
