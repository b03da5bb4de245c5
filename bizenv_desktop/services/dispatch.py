"""The monthly dispatch (月调度): open a month from the plan and last month, fill, close.

Writes take the action's Writer: starting a month writes its rows in bulk (storage.batch), a
returned form's rows go through update_rows (update_row's checks, one read, one write). The
reading side (DispatchRow, Month, load_month, …) is services.dispatch_read, re-exported here.
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ..core import dispatch as rules
from ..core import messages
from ..core.errors import InvalidInput, NotFound
from ..storage.batch import insert_rows
from ..storage.batch import update_rows as update_rows_of
from ..storage.changes import Writer
from .dispatch_read import (ROLE_RANK, DispatchRow, Key, Month, due_month, last_dispatched_before,  # noqa: F401
                            list_months, load_month, month_head, month_heads, month_json, planned_rows,
                            startable_months)

messages.register({
    "dispatch.closed": ("{month} 的月调度已关闭（已上报），不能修改；如需修改，请先“重新打开”并说明原因。",
                        "The dispatch of {month} is closed (reported) and cannot be changed; to change it, reopen "
                        "it first and give the reason."),
    "dispatch.no_plan_year": ("数据库中没有 {year} 年度的方案，请先创建该年度。",
                              "The database holds no plan for {year}; create that year first."),
    "dispatch.already_started": ("{month} 的月调度已经开始。", "The dispatch of {month} has already been started."),
    "dispatch.not_number": ("{what}“{value}”不是数字。", "{what} “{value}” is not a number."),
    "dispatch.row_missing": ("调度行 {row_id} 不存在。", "Dispatch row {row_id} does not exist."),
    "dispatch.not_editable": ("不能修改的字段：{fields}", "Fields that cannot be changed: {fields}"),
    "dispatch.bad_status": ("状态“{status}”无效，应为：{allowed}。", "Status “{status}” is not valid; use one of: {allowed}."),
    "dispatch.zero_denominator": ("分母不能为 0。", "The denominator cannot be 0."),
    "dispatch.rate_over_100": ("比率不能超过 100%，请检查分子、分母或数值。",
                               "A rate cannot exceed 100%; check the numerator, the denominator or the value."),
    "dispatch.not_closed": ("{month} 的月调度没有关闭。", "The dispatch of {month} is not closed."),
    "dispatch.reason_needed": ("重新打开已上报的月份必须说明原因。", "Reopening a month already reported needs a reason."),
    "field.numerator": ("分子", "Numerator"),
    "field.denominator": ("分母", "Denominator"),
    "field.value": ("数值", "Value"),
})


def _head(w: Writer, month: str) -> dict[str, Any] | None:
    row = w.db.execute("SELECT * FROM dispatch_month WHERE month = ?", (month,)).fetchone()
    return None if row is None else dict(row)


def _require_open(w: Writer, month: str) -> dict[str, Any]:
    head = _head(w, month)
    if head is None:
        raise NotFound("dispatch.not_started", month=month)
    if head["closed_at"] is not None:
        raise InvalidInput("dispatch.closed", month=month)
    return head


def start_month(w: Writer, month: str) -> int:
    """Open a month with one row per planned item; what last month said is carried over
    (status, problems, next steps, person, figures; progress only where finished).
    Returns the number of rows."""
    month = rules.check_month(month)
    year = int(month[:4])
    if w.get("plan_year", year) is None:
        raise NotFound("dispatch.no_plan_year", year=year)
    if _head(w, month) is not None:
        raise InvalidInput("dispatch.already_started", month=month)
    w.insert("dispatch_month", {"month": month, "year": year,
                                "created_at": datetime.now().isoformat(timespec="seconds")})
    return _add_planned_rows(w, month, year)


def add_missing_rows(w: Writer, month: str) -> int:
    """Add rows for indicators, sub-tasks or divisions added to the plan since the month began."""
    head = _require_open(w, month)
    return _add_planned_rows(w, month, head["year"])


def _add_planned_rows(w: Writer, month: str, year: int) -> int:
    existing = {(r[0], r[1] or 0, r[2] or 0) for r in w.db.query(
        "SELECT indicator_id, subtask_id, division_id FROM dispatch_row WHERE month = ?", (month,))}
    previous = {(r["indicator_id"], r["subtask_id"] or 0, r["division_id"] or 0): r for r in w.db.query(
        "SELECT * FROM dispatch_row WHERE month = ?", (last_dispatched_before(w.db, month) or "",))}
    rows = []
    for pos, key in enumerate(planned_rows(w.db, year), 1):
        if key in existing:
            continue
        values: dict[str, Any] = {"month": month, "indicator_id": key[0], "subtask_id": key[1] or None,
                                  "division_id": key[2] or None, "position": pos}
        old = previous.get(key)
        if old is not None:
            carried = ["status", "problems", "next_steps", "person", "numerator", "denominator", "value"]
            if old["status"] in (rules.DONE, rules.NOT_APPLICABLE):
                carried.append("progress")
            values.update({f: old[f] for f in carried})
        rows.append(values)
    return len(insert_rows(w, "dispatch_row", rows))  # in bulk: the ids and audit rows of one insert each


def _number(value: Any, what: str) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return float(str(value).replace(",", "").replace("%", "").strip())
    except ValueError:
        raise InvalidInput("dispatch.not_number", what=what, value=value) from None


def update_row(w: Writer, row_id: int, **fields: Any) -> None:
    """Change what a division reported for a row; the month must be open."""
    update_rows(w, {row_id: fields})


def update_rows(w: Writer, changes: Mapping[int, Mapping[str, Any]]) -> int:
    """update_row() of each {row id: fields} (a returned form's rows), with the same checks,
    read and written in a few statements; all or nothing. Returns the rows changed."""
    ids = list(changes)
    rows = {r["id"]: dict(r) for start in range(0, len(ids), 500) for r in w.db.query(
        "SELECT r.*, i.target_unit AS _unit, i.kind AS _kind FROM dispatch_row r JOIN indicator i"
        f" ON i.id = r.indicator_id WHERE r.id IN ({', '.join('?' * len(ids[start:start + 500]))})",
        ids[start:start + 500])}
    opened: set[str] = set()
    values: dict[int, dict[str, Any]] = {}
    for row_id in ids:
        row = rows.get(row_id)
        if row is None:
            raise NotFound("dispatch.row_missing", row_id=row_id)
        if row["month"] not in opened:
            _require_open(w, row["month"])
            opened.add(row["month"])
        unit, kind = row.pop("_unit"), row.pop("_kind")
        values[row_id] = _checked(row, dict(changes[row_id]), unit, kind)
    return update_rows_of(w, "dispatch_row", values)


def _checked(row: dict[str, Any], values: dict[str, Any], unit: str, kind: str) -> dict[str, Any]:
    """values as they are written over row (numbers read, text trimmed), or InvalidInput."""
    unknown = set(values) - set(rules.FILLED)
    if unknown:
        raise InvalidInput("dispatch.not_editable", fields=", ".join(sorted(unknown)))
    if "status" in values and values["status"] not in rules.STATUSES:
        raise InvalidInput("dispatch.bad_status", status=values["status"],
                           allowed=[rules.STATUS_IDS[s] for s in rules.STATUSES])
    labels = {"numerator": "field.numerator", "denominator": "field.denominator", "value": "field.value"}
    for key, label in labels.items():
        if key in values:
            values[key] = _number(values[key], label)
    for key in ("progress", "problems", "next_steps", "person", "remarks"):
        if key in values:
            values[key] = (values[key] or "").strip()
    merged = {**row, **values}
    if merged["denominator"] == 0:
        raise InvalidInput("dispatch.zero_denominator")
    if kind == "ranking" and merged["value"] is not None and (merged["value"] < 1 or not merged["value"].is_integer()):
        raise InvalidInput("dispatch.bad_rank", value=f"{merged['value']:g}")
    pct = rules.rate(merged["numerator"], merged["denominator"])
    if unit in ("%", "％") and ((pct is not None and pct > 100) or (merged["value"] or 0) > 100):
        raise InvalidInput("dispatch.rate_over_100")
    return values


def close_month(w: Writer, month: str) -> None:
    month = rules.check_month(month)
    head = _require_open(w, month)
    w.update("dispatch_month", head["id"], {"closed_at": datetime.now().isoformat(timespec="seconds"),
                                            "closed_by": ""})
    from .snapshots import on_month_closed

    on_month_closed(w, month)  # a quarter's last month keeps the quarter's snapshot


def reopen_month(w: Writer, month: str, reason: str) -> None:
    month = rules.check_month(month)
    head = _head(w, month)
    if head is None:
        raise NotFound("dispatch.not_started", month=month)
    if head["closed_at"] is None:
        raise InvalidInput("dispatch.not_closed", month=month)
    if not reason.strip():
        raise InvalidInput("dispatch.reason_needed")
    w.update("dispatch_month", head["id"], {"closed_at": None, "reopen_reason": reason.strip()})


messages.register({
    "dispatch.bad_rank": ("排名类指标的数值是名次，须为不小于 1 的整数，填写的是 {value}。",
                          "The figure of a ranking indicator is a rank: a whole number of at least 1; {value} was "
                          "given."),
})
