"""Plan years: the built-in plan for a year, a new year from the previous one, deletion."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from ..core import messages
from ..core.errors import InvalidInput, NotFound
from ..storage.batch import batch, delete_rows
from ..storage.changes import Writer
from .builtin_plan import install_builtin_plan
from .plan_edit import check_no_history


messages.register({
    "year.out_of_range": ("年度 {year} 超出范围（2000–2100）。", "Year {year} is out of range (2000–2100)."),
    "year.exists": ("{year} 年度已存在。", "Year {year} already exists."),
    "year.no_source": ("没有 {year} 年度的方案可供复制。", "There is no plan of {year} to copy."),
    "year.missing": ("没有 {year} 年度。", "There is no year {year}."),
    "year.has_dispatch": ("{year} 年度已有 {months} 个月的月调度记录，不能删除（记录须保留）。",
                          "Year {year} has {months} months of dispatch records and cannot be deleted (records must "
                          "be kept)."),
    "year.has_records": ("{year} 年度已有 {count} 条公开发布或工作方案记录，不能删除（记录须保留）。",
                         "Year {year} has {count} publication or work-plan records and cannot be deleted (records "
                         "must be kept)."),
})


def year_exists(w: Writer, year: int) -> bool:
    return w.get("plan_year", year) is not None


def _check_year(year: int) -> None:
    if not 2000 <= year <= 2100:
        raise InvalidInput("year.out_of_range", year=year)


def create_builtin_year(w: Writer, year: int) -> None:
    _check_year(year)
    if year_exists(w, year):
        raise InvalidInput("year.exists", year=year)
    install_builtin_plan(w, year)


def create_year_from(w: Writer, source: int, year: int) -> int:
    """Copy dimensions, indicators, divisions and sub-tasks (without dates) of source into
    a new year. Assignments to retired divisions are not carried over; returns how many
    were left out. Read in five queries, written in bulk (storage.batch)."""
    _check_year(year)
    head = w.get("plan_year", source)
    if head is None:
        raise NotFound("year.no_source", year=source)
    if year_exists(w, year):
        raise InvalidInput("year.exists", year=year)
    db = w.db
    in_year = "JOIN dimension d ON d.id = i.dimension_id WHERE d.year = ?"
    indicators: dict[int, list[Any]] = {}
    for ind in db.query(f"SELECT i.* FROM indicator i {in_year} ORDER BY i.level, i.position, i.id", (source,)):
        indicators.setdefault(ind["dimension_id"], []).append(ind)
    assignments: dict[int, list[Any]] = {}
    for a in db.query(f"SELECT a.*, dv.retired_on FROM assignment a JOIN division dv ON dv.id = a.division_id"
                      f" JOIN indicator i ON i.id = a.indicator_id {in_year} ORDER BY a.position, a.id", (source,)):
        assignments.setdefault(a["indicator_id"], []).append(a)
    subtasks: dict[int, list[Any]] = {}
    for t in db.query(f"SELECT s.* FROM subtask s JOIN indicator i ON i.id = s.indicator_id {in_year}"
                      " ORDER BY s.position, s.id", (source,)):
        subtasks.setdefault(t["indicator_id"], []).append(t)
    skipped = 0
    new_ids: dict[int, int] = {}
    with batch(w) as b:
        b.insert("plan_year", {"year": year, "title": head["title"], "office": head["office"],
                               "created_at": datetime.now().isoformat(timespec="seconds")})
        for s in db.query("SELECT * FROM plan_section WHERE year = ? ORDER BY position", (source,)):
            b.insert("plan_section", {"year": year, "position": s["position"], "heading": s["heading"],
                                      "body": s["body"], "is_indicator_table": s["is_indicator_table"]})
        for d in db.query("SELECT * FROM dimension WHERE year = ? ORDER BY position", (source,)):
            dim_id = b.insert("dimension", {"year": year, "code": d["code"], "name": d["name"],
                                            "position": d["position"]})
            for ind in indicators.get(d["id"], []):
                values = {k: ind[k] for k in ind.keys() if k not in ("id", "dimension_id", "parent_id")}
                values["dimension_id"] = dim_id
                values["parent_id"] = new_ids.get(ind["parent_id"]) if ind["parent_id"] else None
                values["deadline"] = ""
                new_ids[ind["id"]] = b.insert("indicator", values)
        for old_id, new_id in new_ids.items():
            for a in assignments.get(old_id, []):
                if a["retired_on"] is not None:
                    skipped += 1
                    continue
                b.insert("assignment", {"indicator_id": new_id, "division_id": a["division_id"],
                                        "role": a["role"], "position": a["position"]})
            for t in subtasks.get(old_id, []):
                b.insert("subtask", {"indicator_id": new_id, "name": t["name"], "division_id": t["division_id"],
                                     "person": t["person"], "deadline": "", "note": t["note"],
                                     "position": t["position"]})
    return skipped


def delete_year(w: Writer, year: int) -> None:
    if not year_exists(w, year):
        raise NotFound("year.missing", year=year)
    months = w.db.scalar("SELECT count(*) FROM dispatch_month WHERE year = ?", (year,))
    if months:
        raise InvalidInput("year.has_dispatch", year=year, months=months)
    kept = w.db.scalar("SELECT (SELECT count(*) FROM publication WHERE year = :y)"
                       " + (SELECT count(*) FROM work_plan WHERE year = :y)", {"y": year})
    if kept:
        raise InvalidInput("year.has_records", year=year, count=kept)
    # what delete_dimension does for each dimension (the same check of each indicator's records),
    # in bulk and without renumbering what goes anyway: sub-tasks, divisions, indicators, dimensions
    in_year = "JOIN indicator i ON i.id = x.indicator_id JOIN dimension d ON d.id = i.dimension_id WHERE d.year = ?"
    indicators = [dict(r) for r in w.db.query("SELECT i.* FROM indicator i JOIN dimension d ON d.id = i.dimension_id"
                                              " WHERE d.year = ? ORDER BY i.level DESC, i.id", (year,))]
    for row in indicators:
        check_no_history(w, row)
    delete_rows(w, "subtask", [r[0] for r in w.db.query(f"SELECT x.id FROM subtask x {in_year}", (year,))])
    delete_rows(w, "assignment", [r[0] for r in w.db.query(f"SELECT x.id FROM assignment x {in_year}", (year,))])
    delete_rows(w, "indicator", [r["id"] for r in indicators])  # second levels before their first levels
    delete_rows(w, "dimension", [r[0] for r in w.db.query("SELECT id FROM dimension WHERE year = ?", (year,))])
    delete_rows(w, "plan_section", [r[0] for r in w.db.query("SELECT id FROM plan_section WHERE year = ?", (year,))])
    w.delete("plan_year", year)
