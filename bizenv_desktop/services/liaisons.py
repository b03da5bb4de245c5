"""The liaison registry (联络员, seed indicator (2)): who, from when, to when, when reported.

A change of liaison ends the current entry the day before the new one starts, so the
registry always shows one unbroken line of people; reported_on records the 报备 date.
Terms never overlap (two liaisons at once are refused, naming both), and a change not yet
reported stays a 报备 deadline in 待办 until its report date is recorded (deadlines.py).
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ..core import messages
from ..core.errors import InvalidInput, NotFound
from ..storage.changes import Writer
from .plan_edit import check_date

messages.register({
    "liaison.name_empty": ("联络员姓名不能为空。", "The liaison's name cannot be empty."),
    "liaison.start_needed": ("请填写任职开始日期。", "Fill in the date the liaison started."),
    "liaison.end_before_start": ("结束日期 {end} 早于开始日期 {start}。", "The end date {end} is before the start date {start}."),
    "liaison.missing": ("联络员记录 {liaison_id} 不存在。", "Liaison record {liaison_id} does not exist."),
    "field.liaison_start": ("任职开始日期", "Start date"),
    "field.liaison_end": ("任职结束日期", "End date"),
    "field.reported_on": ("报备日期", "Date reported"),
})

FIELDS = ("name", "division_id", "phone", "start_date", "end_date", "reported_on", "note")


def _values(fields: dict[str, Any]) -> dict[str, Any]:
    values = {k: v for k, v in fields.items() if k in FIELDS}
    if "name" in values:
        values["name"] = (values["name"] or "").strip()
        if not values["name"]:
            raise InvalidInput("liaison.name_empty")
    labels = {"start_date": "field.liaison_start", "end_date": "field.liaison_end", "reported_on": "field.reported_on"}
    for key, label in labels.items():
        if key in values:
            values[key] = check_date(values[key] or "", label)
    if "start_date" in values and not values["start_date"]:
        raise InvalidInput("liaison.start_needed")
    return values


def _check_order(row: dict[str, Any]) -> None:
    if row["end_date"] and row["end_date"] < row["start_date"]:
        raise InvalidInput("liaison.end_before_start", end=row["end_date"], start=row["start_date"])


def _term(r: Any) -> str:
    return f"{r['name']}（{r['start_date']} 至 {r['end_date'] or '今'}）"


def _check_overlaps(w: Writer) -> None:
    """Refuse two liaisons in office on the same day (the registry is one line of people)."""
    rows = w.db.query("SELECT id, name, start_date, end_date FROM liaison ORDER BY start_date, id")
    for before, after in zip(rows, rows[1:]):
        if not before["end_date"] or before["end_date"] >= after["start_date"]:
            raise InvalidInput("liaison.overlap", first=_term(before), second=_term(after))


def add_liaison(w: Writer, name: str, start_date: str, **fields: Any) -> int:
    """Register a liaison; a current liaison who started earlier is ended the day before.
    Refused when the new term overlaps another one."""
    values = _values({"name": name, "start_date": start_date, **fields})
    start = date.fromisoformat(values["start_date"])
    for r in w.db.query("SELECT id, start_date FROM liaison WHERE end_date = ''"):
        if r["start_date"] < values["start_date"]:
            w.update("liaison", r["id"], {"end_date": (start - timedelta(days=1)).isoformat()})
    new_id = w.insert("liaison", values)
    _check_order(w.get("liaison", new_id) or {})
    _check_overlaps(w)
    return new_id


def update_liaison(w: Writer, liaison_id: int, **fields: Any) -> None:
    if w.get("liaison", liaison_id) is None:
        raise NotFound("liaison.missing", liaison_id=liaison_id)
    w.update("liaison", liaison_id, _values(fields))
    _check_order(w.get("liaison", liaison_id) or {})
    _check_overlaps(w)


def delete_liaison(w: Writer, liaison_id: int) -> None:
    w.delete("liaison", liaison_id)


def unreported_changes(w_or_db: Any) -> list[dict[str, Any]]:
    """Registry entries whose start has not been reported (报备) yet."""
    db = getattr(w_or_db, "db", w_or_db)
    return [dict(r) for r in db.query("SELECT * FROM liaison WHERE reported_on = '' ORDER BY start_date")]


messages.register({
    "liaison.overlap": ("联络员任期重叠：{first} 与 {second}。同一时间只能有一名联络员；请调整开始或结束日期。",
                        "Liaison terms overlap: {first} and {second}. There can be only one liaison at a time; "
                        "change a start or end date."),
})
