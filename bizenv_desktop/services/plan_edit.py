"""Editing a plan year: indicators, their divisions and sub-tasks, dimensions.

Every function takes the Writer of the current action (see Workspace.apply), so each
user action is one transaction and can be undone. Positions are kept 1..n per parent.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..core import messages
from ..core.errors import InvalidInput, NotFound
from ..core.model import COMPARATORS, KINDS, Target
from ..storage.changes import Writer

EDITABLE = ("code", "name", "criteria", "kind", "score", "deadline", "event_type")

messages.register({
    "plan.row_missing": ("{table} {row_id} 不存在（可能已被删除）。",
                         "{table} {row_id} does not exist (it may have been deleted)."),
    "plan.bad_date": ("{what}“{text}”不是有效日期，请按 年-月-日 填写，例如 2026-06-30。",
                      "{what} “{text}” is not a valid date; write it as YYYY-MM-DD, e.g. 2026-06-30."),
    "plan.not_editable": ("不能修改的字段：{fields}", "Fields that cannot be changed: {fields}"),
    "plan.indicator_name_empty": ("指标名称不能为空。", "The indicator's name cannot be empty."),
    "plan.unknown_kind": ("未知的指标类型：{kind}", "Unknown indicator type: {kind}"),
    "plan.unknown_comparator": ("未知的比较符：{op}", "Unknown comparator: {op}"),
    "plan.target_needed": ("定量指标需要目标值（比较符、数值和单位），例如 ≥ 90 %。",
                           "A quantitative indicator needs a target (comparator, value and unit), e.g. ≥ 90 %."),
    "plan.first_level_is_group": ("一级指标只是分组，不能设为定量、排名或计数类指标。",
                                  "A first-level indicator is only a group; it cannot be quantitative, ranked or "
                                  "counted."),
    "plan.second_under_first": ("二级指标只能放在一级指标下。",
                                "A second-level indicator can only be placed under a first-level one."),
    "plan.indicator_has_history": ("“{name}”已有 {count} 条月调度、自评、事件、排名、公开、督办、督查或佐证记录，"
                                   "不能删除（记录须保留）；可以改名或移动。",
                                   "“{name}” has {count} dispatch, self-evaluation, event, ranking, publication, "
                                   "supervision, inspection or evidence records and cannot be deleted (records must be "
                                   "kept); it can be renamed or moved."),
    "plan.second_needs_parent": ("二级指标必须属于一个一级指标。",
                                 "A second-level indicator must belong to a first-level indicator."),
    "plan.dimension_needed": ("请指定目标维度。", "Choose the dimension to move it to."),
    "plan.unknown_role": ("未知的职责：{role}", "Unknown role: {role}"),
    "plan.division_twice": ("同一处室不能在一个指标中出现两次。",
                            "The same division cannot appear twice in one indicator."),
    "plan.subtask_name_empty": ("子任务名称不能为空。", "The sub-task's name cannot be empty."),
    "plan.subtask_under_second": ("子任务只能加在二级指标下。",
                                  "Sub-tasks can only be added under a second-level indicator."),
    "plan.subtask_has_history": ("子任务“{name}”已有 {count} 条月调度记录，不能删除（记录须保留）。",
                                 "Sub-task “{name}” has {count} dispatch records and cannot be deleted (records "
                                 "must be kept)."),
    "plan.dimension_name_empty": ("维度名称不能为空。", "The dimension's name cannot be empty."),
    # what a date is, in the messages above (check_date's `what`)
    "field.deadline": ("完成时限", "Deadline"),
    "field.done_on": ("完成日期", "Date done"),
})


def _row(w: Writer, table: str, row_id: int) -> dict[str, Any]:
    row = w.get(table, row_id)
    if row is None:
        raise NotFound("plan.row_missing", table=table, row_id=row_id)
    return row


def _siblings_sql(row: dict[str, Any]) -> tuple[str, tuple[Any, ...]]:
    if row["parent_id"] is None:
        return "SELECT id FROM indicator WHERE dimension_id = ? AND parent_id IS NULL ORDER BY position, id", \
            (row["dimension_id"],)
    return "SELECT id FROM indicator WHERE parent_id = ? ORDER BY position, id", (row["parent_id"],)


def _renumber(w: Writer, table: str, ids: list[int]) -> None:
    for pos, row_id in enumerate(ids, 1):
        w.update(table, row_id, {"position": pos})


def _move(w: Writer, table: str, ids: list[int], row_id: int, delta: int) -> bool:
    """Move row_id by delta places within ids; False when it is already at that end."""
    i = ids.index(row_id)
    j = max(0, min(len(ids) - 1, i + delta))
    if i == j:
        return False
    ids.insert(j, ids.pop(i))
    _renumber(w, table, ids)
    return True


def check_date(text: str, what: str) -> str:
    """'' or an ISO date; anything else is refused with a message saying what to type."""
    text = text.strip()
    if not text:
        return ""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise InvalidInput("plan.bad_date", what=what, text=text) from None


# -- indicators -------------------------------------------------------------

def update_indicator(w: Writer, indicator_id: int, **fields: Any) -> None:
    """Change any of code, name, criteria, kind, score, deadline, event_type, target."""
    w.update("indicator", indicator_id, indicator_values(_row(w, "indicator", indicator_id), fields))


def indicator_values(row: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    """What update_indicator writes over row (its kind, target_op and level are read), or InvalidInput."""
    values: dict[str, Any] = {k: v for k, v in fields.items() if k in EDITABLE}
    unknown = set(fields) - set(EDITABLE) - {"target"}
    if unknown:
        raise InvalidInput("plan.not_editable", fields=", ".join(sorted(unknown)))
    if "name" in values:
        values["name"] = values["name"].strip()
        if not values["name"]:
            raise InvalidInput("plan.indicator_name_empty")
    kind = values.get("kind", row["kind"])
    if kind not in KINDS:
        raise InvalidInput("plan.unknown_kind", kind=kind)
    if "target" in fields:
        target: Target | None = fields["target"]
        if target is None:
            values.update(target_op=None, target_value=None, target_unit="", target_metric="")
        else:
            if target.op not in COMPARATORS:
                raise InvalidInput("plan.unknown_comparator", op=target.op)
            values.update(target_op=target.op, target_value=float(target.value),
                          target_unit=target.unit, target_metric=target.metric)
    if kind == "quantitative" and values.get("target_op", row["target_op"]) is None:
        raise InvalidInput("plan.target_needed")
    if kind != "quantitative" and "target" not in fields:
        values.update(target_op=None, target_value=None)
    if row["level"] == 1 and kind != row["kind"] and kind != "qualitative":
        raise InvalidInput("plan.first_level_is_group")
    return values


def add_indicator(w: Writer, dimension_id: int, parent_id: int | None, name: str,
                  after_id: int | None = None, code: str = "") -> int:
    """Add a first-level (parent_id None) or second-level indicator after after_id (or last)."""
    name = name.strip()
    if not name:
        raise InvalidInput("plan.indicator_name_empty")
    _row(w, "dimension", dimension_id)
    if parent_id is not None and _row(w, "indicator", parent_id)["level"] != 1:
        raise InvalidInput("plan.second_under_first")
    probe = {"parent_id": parent_id, "dimension_id": dimension_id}
    ids = [r[0] for r in w.db.query(*_siblings_sql(probe))]
    new_id = w.insert("indicator", {
        "dimension_id": dimension_id, "parent_id": parent_id, "level": 1 if parent_id is None else 2,
        "code": code, "name": name, "position": len(ids) + 1})
    if after_id is not None and after_id in ids:
        ids.insert(ids.index(after_id) + 1, new_id)
        _renumber(w, "indicator", ids)
    return new_id


def check_no_history(w: Writer, row: dict[str, Any]) -> None:
    """InvalidInput when records hang under the indicator row (it may not be deleted)."""
    history = w.db.scalar(
        "SELECT (SELECT count(*) FROM dispatch_row WHERE indicator_id = :i)"
        " + (SELECT count(*) FROM self_evaluation WHERE indicator_id = :i)"
        " + (SELECT count(*) FROM event WHERE indicator_id = :i)"
        " + (SELECT count(*) FROM ranking WHERE indicator_id = :i)"
        " + (SELECT count(*) FROM publication WHERE indicator_id = :i)"
        " + (SELECT count(*) FROM supervision_indicator WHERE indicator_id = :i)"
        " + (SELECT count(*) FROM inspection_scope WHERE indicator_id = :i)"
        " + (SELECT count(*) FROM evidence_link WHERE target_kind = 'indicator' AND target_id = :i)",
        {"i": row["id"]})
    if history:
        raise InvalidInput("plan.indicator_has_history", name=row["name"], count=history)


def delete_indicator(w: Writer, indicator_id: int) -> None:
    """Delete an indicator with its children, divisions and sub-tasks (undo restores all)."""
    row = _row(w, "indicator", indicator_id)
    check_no_history(w, row)
    for child in w.db.query("SELECT id FROM indicator WHERE parent_id = ?", (indicator_id,)):
        delete_indicator(w, child["id"])
    for sub in w.db.query("SELECT id FROM subtask WHERE indicator_id = ?", (indicator_id,)):
        w.delete("subtask", sub["id"])
    for a in w.db.query("SELECT id FROM assignment WHERE indicator_id = ?", (indicator_id,)):
        w.delete("assignment", a["id"])
    w.delete("indicator", indicator_id)
    _renumber(w, "indicator", [r[0] for r in w.db.query(*_siblings_sql(row))])


def move_indicator(w: Writer, indicator_id: int, delta: int) -> bool:
    """Move up (delta < 0) or down among its siblings; False when already at the end."""
    row = _row(w, "indicator", indicator_id)
    ids = [r[0] for r in w.db.query(*_siblings_sql(row))]
    return _move(w, "indicator", ids, indicator_id, delta)


def reparent_indicator(w: Writer, indicator_id: int, new_parent_id: int | None,
                       new_dimension_id: int | None = None) -> None:
    """Move a second-level indicator under another first-level one, or a first-level
    indicator (with its children) into another dimension; it goes last there."""
    row = _row(w, "indicator", indicator_id)
    if row["level"] == 2:
        if new_parent_id is None:
            raise InvalidInput("plan.second_needs_parent")
        parent = _row(w, "indicator", new_parent_id)
        if parent["level"] != 1:
            raise InvalidInput("plan.second_under_first")
        dim_id = parent["dimension_id"]
    else:
        if new_dimension_id is None:
            raise InvalidInput("plan.dimension_needed")
        _row(w, "dimension", new_dimension_id)
        dim_id, new_parent_id = new_dimension_id, None
    old_siblings = _siblings_sql(row)
    count = len(w.db.query(*_siblings_sql({"parent_id": new_parent_id, "dimension_id": dim_id})))
    w.update("indicator", indicator_id, {"parent_id": new_parent_id, "dimension_id": dim_id,
                                         "position": count + 1})
    for child in w.db.query("SELECT id FROM indicator WHERE parent_id = ?", (indicator_id,)):
        w.update("indicator", child["id"], {"dimension_id": dim_id})
    _renumber(w, "indicator", [r[0] for r in w.db.query(*old_siblings)])


def renumber_codes(w: Writer, year: int) -> None:
    """Number the plan as the seed does: 一、二 … / 1、2 … / (1) … (n) across the year."""
    numerals = "一二三四五六七八九十"
    first_no = second_no = 0
    dims = w.db.query("SELECT id FROM dimension WHERE year = ? ORDER BY position, id", (year,))
    for dpos, d in enumerate(dims):
        w.update("dimension", d["id"], {"code": numerals[dpos] if dpos < len(numerals) else str(dpos + 1)})
        for f in w.db.query("SELECT id FROM indicator WHERE dimension_id = ? AND parent_id IS NULL"
                            " ORDER BY position, id", (d["id"],)):
            first_no += 1
            w.update("indicator", f["id"], {"code": str(first_no)})
            for s in w.db.query("SELECT id FROM indicator WHERE parent_id = ? ORDER BY position, id", (f["id"],)):
                second_no += 1
                w.update("indicator", s["id"], {"code": f"({second_no})"})


# -- divisions of an indicator ------------------------------------------------

def set_assignments(w: Writer, indicator_id: int, units: list[tuple[int, str]]) -> None:
    """Make the indicator's divisions exactly units [(division_id, role)], in that order."""
    _row(w, "indicator", indicator_id)
    seen: set[int] = set()
    for division_id, role in units:
        if role not in ("lead", "responsible", "cooperate"):
            raise InvalidInput("plan.unknown_role", role=role)
        if division_id in seen:
            raise InvalidInput("plan.division_twice")
        seen.add(division_id)
        _row(w, "division", division_id)
    set_division_rows(w, "assignment", "indicator_id", indicator_id, units)


def set_division_rows(w: Writer, table: str, owner_column: str, owner_id: int,
                      wanted: list[tuple[int, str]]) -> None:
    """Make the (division, role) rows of one owner in table (assignment of an indicator,
    supervision_division of an item) exactly wanted, in that order: rows of divisions no
    longer wanted go, kept ones are updated in place (their history stays with them)."""
    existing = {r["division_id"]: r["id"] for r in
                w.db.query(f"SELECT id, division_id FROM {table} WHERE {owner_column} = ?", (owner_id,))}
    keep = {d for d, _role in wanted}
    for division_id, row_id in existing.items():
        if division_id not in keep:
            w.delete(table, row_id)
    for pos, (division_id, role) in enumerate(wanted, 1):
        if division_id in existing:
            w.update(table, existing[division_id], {"role": role, "position": pos})
        else:
            w.insert(table, {owner_column: owner_id, "division_id": division_id, "role": role, "position": pos})


# -- sub-tasks ----------------------------------------------------------------

def subtask_values(fields: dict[str, Any]) -> dict[str, Any]:
    values = {k: v for k, v in fields.items() if k in ("name", "division_id", "person", "deadline", "note")}
    if "name" in values:
        values["name"] = values["name"].strip()
        if not values["name"]:
            raise InvalidInput("plan.subtask_name_empty")
    if "deadline" in values:
        values["deadline"] = check_date(values["deadline"] or "", "field.deadline")
    for key in ("person", "note"):
        if key in values:
            values[key] = (values[key] or "").strip()
    return values


def add_subtask(w: Writer, indicator_id: int, name: str, **fields: Any) -> int:
    if _row(w, "indicator", indicator_id)["level"] != 2:
        raise InvalidInput("plan.subtask_under_second")
    values = subtask_values({"name": name, **fields})
    count = w.db.scalar("SELECT count(*) FROM subtask WHERE indicator_id = ?", (indicator_id,))
    return w.insert("subtask", {"indicator_id": indicator_id, "position": count + 1, **values})


def update_subtask(w: Writer, subtask_id: int, **fields: Any) -> None:
    _row(w, "subtask", subtask_id)
    w.update("subtask", subtask_id, subtask_values(fields))


def delete_subtask(w: Writer, subtask_id: int) -> None:
    row = _row(w, "subtask", subtask_id)
    used = w.db.scalar("SELECT count(*) FROM dispatch_row WHERE subtask_id = ?", (subtask_id,))
    if used:
        raise InvalidInput("plan.subtask_has_history", name=row["name"], count=used)
    w.delete("subtask", subtask_id)
    _renumber(w, "subtask", [r[0] for r in w.db.query(
        "SELECT id FROM subtask WHERE indicator_id = ? ORDER BY position, id", (row["indicator_id"],))])


def move_subtask(w: Writer, subtask_id: int, delta: int) -> bool:
    row = _row(w, "subtask", subtask_id)
    ids = [r[0] for r in w.db.query("SELECT id FROM subtask WHERE indicator_id = ? ORDER BY position, id",
                                    (row["indicator_id"],))]
    return _move(w, "subtask", ids, subtask_id, delta)


# -- dimensions ---------------------------------------------------------------

def add_dimension(w: Writer, year: int, name: str, code: str = "") -> int:
    name = name.strip()
    if not name:
        raise InvalidInput("plan.dimension_name_empty")
    count = w.db.scalar("SELECT count(*) FROM dimension WHERE year = ?", (year,))
    return w.insert("dimension", {"year": year, "name": name, "code": code, "position": count + 1})


def update_dimension(w: Writer, dimension_id: int, **fields: Any) -> None:
    _row(w, "dimension", dimension_id)
    values = {k: v.strip() for k, v in fields.items() if k in ("name", "code")}
    if "name" in values and not values["name"]:
        raise InvalidInput("plan.dimension_name_empty")
    w.update("dimension", dimension_id, values)


def delete_dimension(w: Writer, dimension_id: int) -> None:
    row = _row(w, "dimension", dimension_id)
    for f in w.db.query("SELECT id FROM indicator WHERE dimension_id = ? AND parent_id IS NULL", (dimension_id,)):
        delete_indicator(w, f["id"])
    w.delete("dimension", dimension_id)
    _renumber(w, "dimension", [r[0] for r in w.db.query(
        "SELECT id FROM dimension WHERE year = ? ORDER BY position, id", (row["year"],))])


def move_dimension(w: Writer, dimension_id: int, delta: int) -> bool:
    row = _row(w, "dimension", dimension_id)
    ids = [r[0] for r in w.db.query("SELECT id FROM dimension WHERE year = ? ORDER BY position, id", (row["year"],))]
    return _move(w, "dimension", ids, dimension_id, delta)


def split_code(label: str) -> tuple[str, str]:
    """'（3）落实重点工作任务' -> ('(3)', '落实重点工作任务'); used when pasting names."""
    match = re.match(r"^\s*([（(]\s*\d+\s*[)）]|\d+(?:\.\d+)*[、.．]?|[一二三四五六七八九十]+、)\s*(.*)$", label)
    if not match:
        return "", label.strip()
    code = match.group(1).replace("（", "(").replace("）", ")").rstrip("、.．").replace(" ", "")
    return code, match.group(2).strip()
