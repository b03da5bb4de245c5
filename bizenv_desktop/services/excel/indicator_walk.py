"""The walk of an import (_Walk): the table's dimensions, indicators, assignments and sub-tasks
matched against the plan year (_Pool: by code, else by name), in a dry run (plan_changes) or
writing through a storage.batch.Batch (apply_import), both making the same Changes.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from ...core.deadline_text import derive_deadline
from ...core.progress import Progress, step
from ...core.workdays import WorkCalendar
from ...storage.batch import Batch
from ...storage.changes import Writer
from ...storage.database import Database
from ..unit_mapping import UnitMap, resolve
from .indicator_changes import ROLE_LABELS, Change, PlanChanges, table_units
from .preview import ImportPreview, ParsedDimension, ParsedIndicator, ParsedSubtask


class _Pool:
    """Indicators that a table row may match (siblings, or the whole year), indexed by code
    and by name; new ones are added as they are made."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows: list[dict[str, Any]] = []
        self.by_code: dict[str, dict[str, Any]] = {}
        self.by_name: dict[str, dict[str, Any]] = {}
        for row in rows:
            self.add(row)

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        self.index(row)

    def index(self, row: dict[str, Any]) -> None:
        if row["code"]:
            self.by_code.setdefault(row["code"], row)
        self.by_name.setdefault(row["name"], row)

    def match(self, code: str, name: str) -> dict[str, Any] | None:
        return (self.by_code.get(code) if code else None) or self.by_name.get(name)


class _Walk:
    """Matches the preview against the database; writes when it has a Writer."""

    def __init__(self, db: Database, w: Writer | None, year: int, preview: ImportPreview,
                 units: UnitMap | None = None, progress: Progress | None = None) -> None:
        self.db, self.w, self.year, self.pv = db, w, year, preview
        self.batch = Batch(w) if w is not None else None  # what is written, at the end
        self.progress = step(progress)
        self.units = units if units is not None else table_units(db, preview)
        self.out = PlanChanges(year, units=self.units)
        if w is not None:
            resolve(w, self.units)  # new divisions and groups made, aliases remembered
        self.reference = date(preview.year_hint or year, 1, 1)  # text deadlines: the document's year
        self._fake = 0
        self.divisions = {r["name"]: (r["id"], r["retired_on"]) for r in db.query("SELECT * FROM division")}
        rows = [dict(r) for r in db.execute(
            "SELECT i.* FROM indicator i JOIN dimension d ON d.id = i.dimension_id WHERE d.year = ?"
            " ORDER BY d.position, d.id, i.level, i.position, i.id", (year,))]
        self.by_id = {r["id"]: r for r in rows}
        self.pools: dict[tuple[str, int | None], _Pool] = {
            ("year", None): _Pool([r for r in rows if r["level"] == 1]),
            ("seconds", None): _Pool([r for r in rows if r["level"] == 2])}
        for r in rows:
            key = ("dim", r["dimension_id"]) if r["level"] == 1 else ("parent", r["parent_id"])
            self.pools.setdefault(key, _Pool([])).add(r)
        self.assigned: dict[int, dict[int, dict[str, Any]]] = {}
        for a in db.execute("SELECT a.* FROM assignment a JOIN indicator i ON i.id = a.indicator_id"
                            " JOIN dimension d ON d.id = i.dimension_id WHERE d.year = ?", (year,)):
            self.assigned.setdefault(a["indicator_id"], {})[a["division_id"]] = dict(a)
        self.used: set[int] = set()
        self._division_position: int | None = None

    def _new_id(self, table: str, values: dict[str, Any]) -> int:
        if self.batch is not None:
            return int(self.batch.insert(table, values, owned=True))  # the walk's own dict: held once
        self._fake -= 1
        return self._fake  # a made-up id: nothing in the database hangs under it

    def _pool(self, key: tuple[str, int | None]) -> _Pool:
        return self.pools.setdefault(key, _Pool([]))

    def run(self) -> PlanChanges:
        total, done = sum(len(d.indicators) for d in self.pv.dimensions), 0
        self.progress(0, total, "")
        if self.db.scalar("SELECT count(*) FROM plan_year WHERE year = ?", (self.year,)) == 0:
            title = self.pv.title or f"{self.year}年度营商环境考核评价实施方案"
            self.out.changes.append(Change("create", "year", f"{self.year} 年度"))
            if self.batch is not None:
                self.batch.insert("plan_year", {"year": self.year, "title": title, "office": "",
                                                "created_at": datetime.now().isoformat(timespec="seconds")})
        for unit in self.units:  # made by resolve() in a real import; planned here in both
            if unit.kind in ("new", "group") and unit.division_id is None:
                kind = "（分组）" if unit.kind == "group" else ""
                self.out.changes.append(Change("create", "division", unit.name + kind))
                if unit.name not in self.divisions:
                    self.divisions[unit.name] = (self._new_id("division", {}), None)
        dims = [dict(r) for r in self.db.query("SELECT * FROM dimension WHERE year = ? ORDER BY position, id",
                                               (self.year,))]
        for pdim in self.pv.dimensions:
            if self.pv.has_dimensions or not dims:
                dim_id = self._dimension(pdim, dims)
                pool: tuple[str, int | None] = ("dim", dim_id)
            else:  # no dimensions in the table: first levels are matched across the year
                dim_id, pool = dims[-1]["id"], ("year", None)
            for first in pdim.indicators:
                self.progress(done, total, first.name)
                done += 1
                if first.made_up:
                    self._flat(first, pool, dim_id)
                    continue
                first_id, first_label = self._indicator(first, pool, dim_id, None, "")
                if first_id is None:
                    continue
                self._assignments(first, first_id, first_label)
                for second in first.children:
                    second_id, label = self._indicator(second, ("parent", first_id), dim_id, first_id, first_label)
                    if second_id is not None:
                        self._assignments(second, second_id, label)
                        self._subtasks(second, second_id, label)
        self.progress(total, total, "")
        if self.batch is not None:
            self.pools, self.by_id, self.assigned = {}, {}, {}  # the rows are the batch's now: each table's
            self.batch.flush()                                  # go once it is written
        return self.out

    def _flat(self, first: ParsedIndicator, pool: tuple[str, int | None], dim_id: int) -> None:
        """A table without first levels: its indicators are matched across the year; new
        ones go under the made-up first level (created when first needed)."""
        first_id: int | None = None
        for second in first.children:
            found = self._pool(("seconds", None)).match(second.code, second.name)
            parent = None if found is None else self.by_id.get(found["parent_id"])
            if found is not None and parent is not None:
                second_id, label = self._indicator(second, ("seconds", None), found["dimension_id"],
                                                   parent["id"], f"{parent['code']} {parent['name']}".strip())
            else:
                if first_id is None:
                    first_id, _label = self._indicator(first, pool, dim_id, None, "")
                    if first_id is None:
                        return
                    dim_id = self.by_id[first_id]["dimension_id"]
                second_id, label = self._indicator(second, ("parent", first_id), dim_id, first_id, first.name)
                if second_id is not None:
                    self._pool(("seconds", None)).add(self.by_id[second_id])
            if second_id is not None:
                self._assignments(second, second_id, label)
                self._subtasks(second, second_id, label)

    # -- dimensions ------------------------------------------------------------------------
    def _dimension(self, pdim: ParsedDimension, dims: list[dict[str, Any]]) -> int:
        """The dimension the table's one is: the same name (with any code), or the same code and no
        name; never renamed or renumbered. A table's dimension whose code is taken by a dimension
        of another name comes in as a new dimension."""
        found = next((d for d in dims if pdim.name and d["name"] == pdim.name), None) \
            or next((d for d in dims if not pdim.name and pdim.code and d["code"] == pdim.code), None)
        label = f"{pdim.code} {pdim.name}".strip() or "（未命名维度）"
        if found is None and pdim.code and any(d["code"] == pdim.code for d in dims if d.get("id", 0) > 0):
            taken = next(d for d in dims if d["code"] == pdim.code)
            self.out.warnings.append(f"第 {pdim.row} 行的维度“{label}”与已有维度“{taken['code']} {taken['name']}”编号相同、"
                                     f"名称不同：作为新维度导入，已有维度未改动")
        if found is None:
            values: dict[str, Any] = {"year": self.year, "code": pdim.code, "name": pdim.name,
                                      "position": len(dims) + 1}
            values["id"] = self._new_id("dimension", values)
            dims.append(values)
            self.out.changes.append(Change("create", "dimension", label, row=pdim.row))
            return int(values["id"])
        return int(found["id"])

    # -- indicators ------------------------------------------------------------------------
    def _indicator(self, ind: ParsedIndicator, pool_key: tuple[str, int | None], dim_id: int,
                   parent_id: int | None, parent_label: str) -> tuple[int | None, str]:
        pool = self._pool(pool_key)
        found = pool.match(ind.code, ind.name)
        label = f"{ind.code} {ind.name}".strip()
        if found is not None and found["id"] in self.used:
            self.out.warnings.append(f"第 {ind.row} 行“{label}”与表中前面的指标重复，已跳过")
            return None, label
        if found is None:
            siblings = self._pool(("dim", dim_id) if parent_id is None else ("parent", parent_id))
            values: dict[str, Any] = {"dimension_id": dim_id, "parent_id": parent_id, "level": ind.level,
                                      "code": ind.code, "name": ind.name, "criteria": ind.criteria,
                                      "kind": "qualitative", "score": ind.score, "deadline": ind.deadline,
                                      "position": len(siblings.rows) + 1}
            values["id"] = self._new_id("indicator", values)
            siblings.add(values)
            if pool is not siblings:
                pool.add(values)
            self.by_id[values["id"]] = values
            self.used.add(values["id"])
            self.out.changes.append(Change("create", "indicator", label, ind.level, parent_label, ind.row))
            return int(values["id"]), label
        self.used.add(found["id"])
        wanted: dict[str, Any] = {"code": ind.code, "name": ind.name, "criteria": ind.criteria,
                                  "deadline": ind.deadline, "score": ind.score}
        diff = {k: v for k, v in wanted.items() if v not in (None, "") and found[k] != v}
        self._update("indicator", found, diff, label, ind.level, parent_label, ind.row)
        if diff:
            pool.index(found)
        return int(found["id"]), label

    def _update(self, table: str, row: dict[str, Any], diff: dict[str, Any], label: str, level: int,
                parent: str, source_row: int | None) -> None:
        if not diff:
            return
        fields = tuple((k, row[k], v) for k, v in diff.items())
        self.out.changes.append(Change("update", table, label, level, parent, source_row, fields))
        if self.batch is not None:
            self.batch.update(table, row["id"], diff)
        row.update(diff)

    # -- divisions -------------------------------------------------------------------------
    def _division(self, name: str, is_group: bool) -> int | None:
        """The division a unit of the table is, as mapped (None: no unit, left out)."""
        target = self.units.target(name)
        if target is None:
            return None
        name = target
        if name in self.divisions:
            div_id, retired = self.divisions[name]
            if retired and f"处室“{name}”已停用，仍按表格记入责任分工" not in self.out.warnings:
                self.out.warnings.append(f"处室“{name}”已停用，仍按表格记入责任分工")
            return int(div_id)
        if self._division_position is None:  # counted here: the batch writes new divisions at the end
            self._division_position = self.db.scalar("SELECT max(position) FROM division") or 0
        self._division_position += 1
        div_id = self._new_id("division", {"name": name, "kind": "group" if is_group else "division",
                                           "position": self._division_position})
        self.divisions[name] = (div_id, None)
        self.out.changes.append(Change("create", "division", name + ("（分组）" if is_group else "")))
        return div_id

    def _assignments(self, ind: ParsedIndicator, ind_id: int, label: str) -> None:
        if not ind.divisions:
            return
        existing = self.assigned.setdefault(ind_id, {})
        position = max((a["position"] for a in existing.values()), default=0)
        for unit in ind.divisions:
            div_id = self._division(unit.name, unit.is_group)
            if div_id is None:
                continue
            text = f"{self.units.target(unit.name) or unit.name}（{ROLE_LABELS[unit.role]}）"
            if div_id in existing:
                row = existing[div_id]
                self._update("assignment", row, {"role": unit.role} if row["role"] != unit.role else {},
                             text, 0, label, ind.row)
                continue
            position += 1
            values = {"indicator_id": ind_id, "division_id": div_id, "role": unit.role, "position": position}
            values["id"] = self._new_id("assignment", values)
            existing[div_id] = values
            self.out.changes.append(Change("create", "assignment", text, 0, label, ind.row))

    # -- sub-tasks -------------------------------------------------------------------------
    def _subtasks(self, ind: ParsedIndicator, ind_id: int, label: str) -> None:
        if not ind.subtasks:
            return
        rows = {r["name"]: dict(r) for r in self.db.query(
            "SELECT * FROM subtask WHERE indicator_id = ? ORDER BY position, id", (ind_id,))} if ind_id > 0 else {}
        position = len(rows)
        for task in ind.subtasks:
            values = self._subtask_values(task)
            found = rows.get(task.name)
            if found is not None:
                diff = {k: v for k, v in values.items() if v not in (None, "") and found[k] != v}
                self._update("subtask", found, diff, task.name, 0, label, task.row)
                continue
            position += 1
            values = {"indicator_id": ind_id, "name": task.name, "position": position, **values}
            values["id"] = self._new_id("subtask", values)
            rows[task.name] = values
            self.out.changes.append(Change("create", "subtask", task.name, 0, label, task.row))

    def _subtask_values(self, task: ParsedSubtask) -> dict[str, Any]:
        """division (the first unit, a division before a group), person, deadline (a date; text read in
        the document's year) and note (the task's text, and a deadline no date can be read from)."""
        units = sorted(task.divisions, key=lambda u: u.is_group)
        division = next((d for d in (self._division(u.name, u.is_group) for u in units) if d is not None), None)
        deadline, note = _subtask_deadline(task.deadline, self.reference), task.criteria
        if task.deadline and not deadline:
            note = "\n".join(filter(None, [note, f"完成时限：{task.deadline}"]))
        return {"division_id": division, "person": task.person, "deadline": deadline, "note": note}


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CALENDAR = WorkCalendar()


def _subtask_deadline(text: str, reference: date) -> str:
    text = " ".join((text or "").split())
    if not text:
        return ""
    if _ISO.match(text):
        return text
    day = derive_deadline(text, reference, lambda start, n: _CALENDAR.add_workdays(start, n).day)
    return day.isoformat() if day is not None and "工作日" not in text else ""
