"""Reading a plan year into core.model objects, and its JSON form for the CLI.

A whole year is read with one query per table (no per-row queries), so it stays quick
however many years the file holds.
"""
from __future__ import annotations

from typing import Any

from ..core import messages
from ..core.errors import NotFound
from ..core.model import Assignment, Dimension, Division, Indicator, Liaison, Plan, Subtask, Target
from ..storage.database import Database

ROLE_ORDER = {"lead": 0, "responsible": 1, "cooperate": 2}

messages.register({
    "plan.no_year": ("数据库中没有 {year} 年度的方案。", "The database holds no plan for {year}."),
})


def list_years(db: Database) -> list[int]:
    return [r[0] for r in db.query("SELECT year FROM plan_year ORDER BY year")]


def load_plan(db: Database, year: int) -> Plan:
    head = db.execute("SELECT * FROM plan_year WHERE year = ?", (year,)).fetchone()
    if head is None:
        raise NotFound("plan.no_year", year=year)
    plan = Plan(year, head["title"], head["office"])
    dims = {r["id"]: Dimension(r["id"], year, r["code"], r["name"], r["position"])
            for r in db.query("SELECT * FROM dimension WHERE year = ? ORDER BY position, id", (year,))}
    plan.dimensions = list(dims.values())
    rows = db.query(
        "SELECT i.* FROM indicator i JOIN dimension d ON d.id = i.dimension_id"
        " WHERE d.year = ? ORDER BY i.level, i.position, i.id", (year,))
    indicators: dict[int, Indicator] = {}
    for r in rows:
        target = (Target(r["target_op"], r["target_value"], r["target_unit"], r["target_metric"])
                  if r["target_op"] is not None and r["target_value"] is not None else None)
        ind = Indicator(r["id"], r["dimension_id"], r["parent_id"], r["level"], r["code"], r["name"],
                        r["criteria"], r["kind"], target, r["event_type"], r["score"], r["deadline"],
                        r["position"])
        indicators[ind.id] = ind
        if ind.parent_id is None:
            dims[ind.dimension_id].indicators.append(ind)
        else:
            indicators[ind.parent_id].children.append(ind)
    for r in db.query(
            "SELECT a.indicator_id, a.division_id, a.role, dv.name, dv.kind, dv.retired_on"
            " FROM assignment a JOIN division dv ON dv.id = a.division_id"
            " JOIN indicator i ON i.id = a.indicator_id JOIN dimension d ON d.id = i.dimension_id"
            " WHERE d.year = ? ORDER BY a.position, a.id", (year,)):
        indicators[r["indicator_id"]].assignments.append(
            Assignment(r["division_id"], r["name"], r["role"], r["kind"] == "group", r["retired_on"] is not None))
    for ind in indicators.values():
        ind.assignments.sort(key=lambda a: ROLE_ORDER[a.role])
    for r in db.query(
            "SELECT s.*, coalesce(dv.name, '') AS division_name FROM subtask s"
            " LEFT JOIN division dv ON dv.id = s.division_id"
            " JOIN indicator i ON i.id = s.indicator_id JOIN dimension d ON d.id = i.dimension_id"
            " WHERE d.year = ? ORDER BY s.position, s.id", (year,)):
        indicators[r["indicator_id"]].subtasks.append(
            Subtask(r["id"], r["indicator_id"], r["name"], r["division_id"], r["division_name"],
                    r["person"], r["deadline"], r["note"], r["position"]))
    return plan


def list_divisions(db: Database, include_retired: bool = True) -> list[Division]:
    rows = db.query(
        "SELECT dv.*, (SELECT count(*) FROM assignment a WHERE a.division_id = dv.id)"
        " + (SELECT count(*) FROM subtask s WHERE s.division_id = dv.id) AS uses"
        " FROM division dv ORDER BY dv.kind = 'group', dv.position, dv.id")
    return [Division(r["id"], r["name"], r["kind"], r["retired_on"], r["merged_into"], r["position"], r["uses"])
            for r in rows if include_retired or r["retired_on"] is None]


def list_liaisons(db: Database) -> list[Liaison]:
    rows = db.query(
        "SELECT l.*, coalesce(dv.name, '') AS division_name FROM liaison l"
        " LEFT JOIN division dv ON dv.id = l.division_id ORDER BY l.start_date, l.id")
    return [Liaison(r["id"], r["name"], r["division_id"], r["division_name"], r["phone"], r["start_date"],
                    r["end_date"], r["reported_on"], r["note"]) for r in rows]


def _subtask_json(parent: Indicator, sub: Subtask) -> dict[str, Any]:
    divisions = [{"name": sub.division_name, "role": "responsible"}] if sub.division_name else []
    return {
        "code": f"{parent.code}.{sub.position}", "name": sub.name, "kind": "subtask", "score": None,
        "criteria": sub.note, "target": None, "divisions": divisions, "children": [],
        "person": sub.person, "deadline": sub.deadline or None,
    }


def _indicator_json(ind: Indicator, rankings: dict[int, Any] | None = None) -> dict[str, Any]:
    target = None
    if ind.target is not None:
        value = ind.target.value
        target = {"op": ind.target.op, "value": int(value) if float(value).is_integer() else value,
                  "unit": ind.target.unit}
    divisions: list[dict[str, Any]] = []
    for a in ind.assignments:
        entry: dict[str, Any] = {"name": a.name, "role": a.role}
        if a.is_group:
            entry["group"] = True
        divisions.append(entry)
    out: dict[str, Any] = {
        "code": ind.code, "name": ind.name, "kind": ind.kind, "score": ind.score,
        "criteria": ind.criteria, "target": target, "divisions": divisions,
    }
    if ind.kind == "ranking":  # (7): its rank, field, benchmark (services.rankings); null when none
        found = (rankings or {}).get(ind.id)
        out["ranking"] = found.as_json() if found is not None else None
    if ind.level == 1:
        out["children"] = [_indicator_json(c, rankings) for c in ind.children]
    else:  # a second-level indicator's children are its sub-tasks (重点工作任务分解)
        out["children"] = [_subtask_json(ind, s) for s in ind.subtasks]
    return out


def plan_to_json(plan: Plan, rankings: dict[int, Any] | None = None) -> dict[str, Any]:
    """The indicators JSON of the command line (`bizenv indicators --json`); with rankings
    ({indicator id: Ranking}) a ranking-kind indicator carries its "ranking" (always null without)."""
    return {
        "year": plan.year,
        "dimensions": [{"code": d.code, "name": d.name,
                        "indicators": [_indicator_json(f, rankings) for f in d.indicators]} for d in plan.dimensions],
    }
