"""交办督办事项台账: items handed down or supervised, from receipt to closure (销号).

An item moves along STATUSES one step at a time (or several forward at once, the skipped
steps getting the same date); each status has its date column, filled on the way forward
and cleared on the way back. Reaching 已报结 needs the closure report; a complaint (投诉)
found true needs its accountability record (问责, seed indicator (17)) before 已销号.

The deadline is a date or text as written (持续推进, 6月底前): text is kept in
deadline_text and the date read from it (core.deadline_text, the year taken from the
date received) is stored in deadline, '' when none can be read. Reading is in
supervision_read (list_items, counts). Every write goes through the caller's Writer.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from ..core.deadline_text import derive_deadline
from ..core.errors import InvalidInput, NotFound
from ..storage.changes import Writer
from .calendar import load_calendar
from .plan_edit import check_date
from .supervision_read import (COMPLAINT, DONE_STATUSES, OPEN_STATUSES, SOURCES, STATUS_DATES, STATUSES,
                               SupervisionItem, counts, list_items, workdays_left)

__all__ = ["COMPLAINT", "DONE_STATUSES", "OPEN_STATUSES", "SOURCES", "STATUSES", "STATUS_DATES", "SupervisionItem",
           "add_item", "advance", "counts", "delete_item", "list_items", "next_number", "revert",
           "set_accountability", "split_deadline", "update_item", "workdays_left"]

TEXT_FIELDS = ("no", "source", "content", "progress", "note", "closure_report", "accountability")
EDITABLE = (*TEXT_FIELDS, "received_on", "deadline", "complaint_verified", "lead", "cooperating",
            "signed_on", "done_on", "reported_on", "closed_on")
DATE_NAMES = {"received_on": "交办日期", "signed_on": "签收日期", "done_on": "办结日期",
              "reported_on": "报结日期", "closed_on": "销号日期"}
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _row(w: Writer, item_id: int) -> dict[str, Any]:
    row = w.get("supervision_item", item_id)
    if row is None:
        raise NotFound(f"督办事项 {item_id} 不存在（可能已被删除）。")
    return row


def _label(row: dict[str, Any]) -> str:
    content = row["content"] if len(row["content"]) <= 20 else row["content"][:20] + "…"
    return f"{row['no']}“{content}”" if row["no"] else f"“{content}”"


def split_deadline(text: str, received_on: str = "", today: date | None = None,
                   calendar: Any = None) -> tuple[str, str]:
    """(deadline, deadline_text) for what the user typed: an ISO date is stored as the date,
    anything else is kept as written with the date read from it ('' when none)."""
    text = " ".join((text or "").split())
    if not text:
        return "", ""
    if _ISO.match(text):
        return check_date(text, "办结时限"), ""
    reference = date.fromisoformat(received_on) if received_on else (today or date.today())
    add = (lambda start, n: calendar.add_workdays(start, n).day) if calendar is not None else None
    derived = derive_deadline(text, reference, add)
    return (derived.isoformat() if derived else ""), text


def next_number(w: Writer, year: int) -> str:
    """The next free number DB-YYYY-NNN of the year."""
    prefix = f"DB-{year}-"
    used = [r[0][len(prefix):] for r in w.db.query("SELECT no FROM supervision_item WHERE no LIKE ?",
                                                    (prefix + "%",))]
    return f"{prefix}{max([int(n) for n in used if n.isdigit()], default=0) + 1:03d}"


def _check_divisions(w: Writer, lead: Iterable[int], cooperating: Iterable[int]) -> tuple[list[int], list[int]]:
    lead, cooperating = list(dict.fromkeys(lead)), list(dict.fromkeys(cooperating))
    for division_id in (*lead, *cooperating):
        if w.get("division", division_id) is None:
            raise NotFound(f"处室 {division_id} 不存在（可能已被删除）。")
    both = [d for d in lead if d in cooperating]
    if both:
        name = w.get("division", both[0])["name"]  # type: ignore[index]
        raise InvalidInput(f"“{name}”不能既是牵头处室又是配合处室，请只选一种。")
    return lead, cooperating


def _set_divisions(w: Writer, item_id: int, lead: list[int], cooperating: list[int]) -> None:
    wanted = [(d, "lead") for d in lead] + [(d, "cooperate") for d in cooperating]
    existing = {r["division_id"]: r["id"] for r in
                w.db.query("SELECT id, division_id FROM supervision_division WHERE item_id = ?", (item_id,))}
    keep = {d for d, _role in wanted}
    for division_id, row_id in existing.items():
        if division_id not in keep:
            w.delete("supervision_division", row_id)
    for pos, (division_id, role) in enumerate(wanted, 1):
        if division_id in existing:
            w.update("supervision_division", existing[division_id], {"role": role, "position": pos})
        else:
            w.insert("supervision_division", {"item_id": item_id, "division_id": division_id,
                                              "role": role, "position": pos})


def _validate(w: Writer, row: dict[str, Any], item_id: int | None) -> None:
    """The rules every stored item keeps; raises InvalidInput saying what to change."""
    if not row["content"]:
        raise InvalidInput("请填写事项内容。")
    if row["no"]:
        clash = w.db.scalar("SELECT id FROM supervision_item WHERE no = ? AND id IS NOT ?", (row["no"], item_id))
        if clash is not None:
            raise InvalidInput(f"编号“{row['no']}”已被另一事项使用，请换一个编号（留空则自动编号）。")
    step = STATUSES.index(row["status"])
    previous = ("", "")
    for i, status in enumerate(STATUSES):
        column = STATUS_DATES[status]
        row[column] = check_date(row[column] or "", DATE_NAMES[column])
        if i > 0 and i <= step and not row[column]:
            raise InvalidInput(f"事项已到“{row['status']}”，{DATE_NAMES[column]}不能为空。")
        if i > step and row[column]:
            raise InvalidInput(f"事项尚未到“{status}”，不能填写{DATE_NAMES[column]}。")
        if row[column] and previous[0] and row[column] < previous[0]:
            raise InvalidInput(f"{DATE_NAMES[column]}（{row[column]}）不能早于{previous[1]}（{previous[0]}）。")
        if row[column]:
            previous = (row[column], DATE_NAMES[column])
    if step >= STATUSES.index("已报结") and not row["closure_report"]:
        raise InvalidInput("报结须有办结报告：请填写办结情况（办结报告内容），再标记为“已报结”。")
    if row["complaint_verified"] and row["source"] != COMPLAINT:
        raise InvalidInput(f"只有来源为“{COMPLAINT}”的事项才能标记为投诉属实；其他事项的问责情况请直接填写问责记录。")
    if row["status"] == "已销号" and row["complaint_verified"] and not row["accountability"]:
        raise InvalidInput("该投诉经查属实，须先填写问责记录（问责对象、方式、文号），才能销号。")


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise InvalidInput(f"不能修改的字段：{', '.join(sorted(unknown))}")
    values = {k: v for k, v in fields.items() if k not in ("lead", "cooperating", "deadline")}
    for key in TEXT_FIELDS:
        if key in values:
            values[key] = (values[key] or "").strip()
    if "no" in values:
        values["no"] = " ".join(values["no"].split())
    if "complaint_verified" in values:
        values["complaint_verified"] = int(bool(values["complaint_verified"]))
    return values


def add_item(w: Writer, content: str, no: str = "", source: str = "", received_on: str = "",
             deadline: str = "", lead: Iterable[int] = (), cooperating: Iterable[int] = (),
             progress: str = "", note: str = "", today: date | None = None) -> int:
    """Register an item (status 待签收); without a number it gets the next DB-YYYY-NNN of the
    year received (or of today). deadline is an ISO date or text such as 6月底前 or 持续推进."""
    row = {"no": no, "source": source, "content": content, "progress": progress, "note": note,
           "closure_report": "", "accountability": "", "complaint_verified": 0, "status": STATUSES[0],
           "received_on": received_on, "signed_on": "", "done_on": "", "reported_on": "", "closed_on": ""}
    row.update(_clean({k: row[k] for k in ("no", "source", "content", "progress", "note")}))
    row["received_on"] = check_date(received_on or "", "交办日期")
    row["deadline"], row["deadline_text"] = split_deadline(deadline, row["received_on"], today, load_calendar(w.db))
    lead_ids, coop_ids = _check_divisions(w, lead, cooperating)
    if not row["no"]:
        year = int(row["received_on"][:4]) if row["received_on"] else (today or date.today()).year
        row["no"] = next_number(w, year)
    _validate(w, row, None)
    item_id = w.insert("supervision_item", row)
    _set_divisions(w, item_id, lead_ids, coop_ids)
    return item_id


def update_item(w: Writer, item_id: int, **fields: Any) -> None:
    """Change any of no, source, received_on, content, deadline, progress, note, closure_report,
    complaint_verified, accountability, the dates of statuses reached, lead and cooperating
    (lists of division ids). A deadline kept as text is read again when received_on changes."""
    current = _row(w, item_id)
    values = _clean(fields)
    row = {**current, **values}
    if "no" in values and not values["no"]:
        raise InvalidInput("编号不能为空。")
    if "received_on" in values:
        row["received_on"] = check_date(values["received_on"] or "", "交办日期")
    if "deadline" in fields:
        row["deadline"], row["deadline_text"] = split_deadline(fields["deadline"], row["received_on"],
                                                               calendar=load_calendar(w.db))
    elif current["deadline_text"] and row["received_on"] != current["received_on"]:
        row["deadline"], row["deadline_text"] = split_deadline(current["deadline_text"], row["received_on"],
                                                               calendar=load_calendar(w.db))
    _validate(w, row, item_id)
    if "lead" in fields or "cooperating" in fields:
        old_lead = [r[0] for r in w.db.query("SELECT division_id FROM supervision_division WHERE item_id = ?"
                                             " AND role = 'lead' ORDER BY position, id", (item_id,))]
        old_coop = [r[0] for r in w.db.query("SELECT division_id FROM supervision_division WHERE item_id = ?"
                                             " AND role = 'cooperate' ORDER BY position, id", (item_id,))]
        lead, coop = _check_divisions(w, fields.get("lead", old_lead), fields.get("cooperating", old_coop))
        _set_divisions(w, item_id, lead, coop)
    w.update("supervision_item", item_id, {k: row[k] for k in current if k != "id"})


def advance(w: Writer, item_id: int, to_status: str | None = None, on: date | str | None = None,
            text: str = "") -> str:
    """Move the item forward to to_status (default: the next step) on the given date (default
    today); steps passed over get the same date. text, if given, becomes the closure report
    when the move reaches 已办结 or later, else the progress. Returns the new status."""
    row = _row(w, item_id)
    step = STATUSES.index(row["status"])
    if to_status is None:
        if step == len(STATUSES) - 1:
            raise InvalidInput(f"事项{_label(row)}已销号，没有下一步了。")
        to_status = STATUSES[step + 1]
    if to_status not in STATUSES:
        raise InvalidInput(f"未知的状态：{to_status}（应为{'、'.join(STATUSES)}之一）。")
    target = STATUSES.index(to_status)
    if target <= step:
        raise InvalidInput(f"事项{_label(row)}已是“{row['status']}”，不能推进到“{to_status}”；"
                           f"要回到前一步请用“退回上一步”。")
    day = on.isoformat() if isinstance(on, date) else check_date(on or "", "日期") or date.today().isoformat()
    row["status"] = to_status
    for status in STATUSES[step + 1:target + 1]:
        row[STATUS_DATES[status]] = day
    text = (text or "").strip()
    if text:
        row["closure_report" if target >= STATUSES.index("已办结") else "progress"] = text
    _validate(w, row, item_id)
    w.update("supervision_item", item_id, {k: row[k] for k in row if k != "id"})
    return to_status


def revert(w: Writer, item_id: int) -> str:
    """Move the item back one step, clearing that step's date. Returns the new status."""
    row = _row(w, item_id)
    step = STATUSES.index(row["status"])
    if step == 0:
        raise InvalidInput(f"事项{_label(row)}还是“{STATUSES[0]}”，不能再退回。")
    w.update("supervision_item", item_id, {"status": STATUSES[step - 1], STATUS_DATES[STATUSES[step]]: ""})
    return STATUSES[step - 1]


def set_accountability(w: Writer, item_id: int, complaint_verified: bool, record: str) -> None:
    """Record whether a complaint was found true and what accountability followed (问责)."""
    update_item(w, item_id, complaint_verified=complaint_verified, accountability=record)


def delete_item(w: Writer, item_id: int) -> None:
    """Delete an item with its divisions; refused while evidence files are attached."""
    row = _row(w, item_id)
    links = w.db.scalar("SELECT count(*) FROM evidence_link WHERE target_kind = 'supervision_item'"
                        " AND target_id = ?", (item_id,))
    if links:
        raise InvalidInput(f"事项{_label(row)}关联了 {links} 份佐证材料，不能删除；请先移除佐证材料，再删除事项。")
    for r in w.db.query("SELECT id FROM supervision_division WHERE item_id = ?", (item_id,)):
        w.delete("supervision_division", r["id"])
    w.delete("supervision_item", item_id)
