"""交办督办事项台账: items handed down or supervised, from receipt to closure (销号).

An item moves along STATUSES one step at a time (or several forward at once, the skipped
steps getting the same date); each status has its date column, filled on the way forward
and cleared on the way back. Reaching 已办结 needs the closure report (办结报告); the deadline
may not be earlier than the date received; a complaint (投诉) found true needs its
accountability record (问责, seed indicator (17)) before 已销号.

The deadline is a date or text as written (持续推进, 6月底前): text is kept in
deadline_text and the date read from it (core.deadline_text, the year taken from the
date received) is stored in deadline, '' when none can be read. Reading is in
supervision_read (list_items, counts), the rules and their messages in supervision_rules, many
items at once (an import, ItemBatch) in supervision_batch; all re-exported here. Every write
goes through the caller's Writer.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from ..core.errors import InvalidInput
from ..storage.changes import Writer
from .calendar import WorkCalendar, load_calendar
from .plan_edit import check_date
from .supervision_batch import ItemBatch, NewItem
from .supervision_read import (COMPLAINT, DONE_STATUSES, LEDGER_FIELDS, OPEN_STATUSES, SOURCES, STATUS_DATES, STATUSES,
                               SupervisionItem, counts, list_items, sources, workdays_left)
from .supervision_rules import (DATE_NAMES, EDITABLE, STATUS_IDS, TEXT_FIELDS, _advanced, _check_divisions,  # noqa: F401
                                _clean, _label, _new_row, _number_year, _row, _set_divisions, _status, _validate,
                                next_number, split_deadline)

__all__ = ["COMPLAINT", "DONE_STATUSES", "LEDGER_FIELDS", "OPEN_STATUSES", "SOURCES", "STATUSES", "STATUS_DATES", "SupervisionItem",
           "ItemBatch", "NewItem", "add_item", "advance", "counts", "delete_item", "list_items", "next_number",
           "revert", "set_accountability", "sources", "split_deadline", "update_item", "workdays_left"]


def add_item(w: Writer, content: str, no: str = "", source: str = "", received_on: str = "",
             deadline: str = "", lead: Iterable[int] = (), cooperating: Iterable[int] = (),
             progress: str = "", note: str = "", today: date | None = None,
             calendar: WorkCalendar | None = None, indicators: Iterable[int] = (), **ledger: Any) -> int:
    """Register an item (status 待签收); without a number it gets the next DB-YYYY-NNN of the
    year received (or of today). deadline is an ISO date or text such as 6月底前 or 持续推进.
    calendar: the working-day calendar, when the caller has it loaded already. ledger: any of
    LEDGER_FIELDS (requirements, supervision_type, urgency, leader, feedback_cycle, completion,
    urge_count). indicators: ids of the second-level indicators it concerns (supervision_links)."""
    calendar = calendar if calendar is not None else load_calendar(w.db)
    row = _new_row(content, no, source, received_on, deadline, progress, note,
                   lambda text, received: split_deadline(text, received, today, calendar), ledger)
    lead_ids, coop_ids = _check_divisions(w, lead, cooperating)
    if not row["no"]:
        row["no"] = next_number(w, _number_year(row, today))
    _validate(w, row, None)
    item_id = w.insert("supervision_item", row)
    _set_divisions(w, item_id, lead_ids, coop_ids)
    if indicators:
        from .supervision_links import set_indicators

        set_indicators(w, item_id, indicators)
    return item_id



def update_item(w: Writer, item_id: int, calendar: WorkCalendar | None = None, **fields: Any) -> None:
    """Change any of no, source, received_on, content, deadline, progress, note, closure_report,
    complaint_verified, accountability, the dates of statuses reached, lead and cooperating
    (lists of division ids). A deadline kept as text is read again when received_on changes.
    calendar: the working-day calendar, when the caller has it loaded already."""
    current = _row(w, item_id)
    values = _clean(fields)
    row = {**current, **values}
    if "no" in values and not values["no"]:
        raise InvalidInput("supervision.no_number")
    if "received_on" in values:
        row["received_on"] = check_date(values["received_on"] or "", DATE_NAMES["received_on"])
    if "deadline" in fields:
        row["deadline"], row["deadline_text"] = split_deadline(fields["deadline"], row["received_on"],
                                                               calendar=calendar or load_calendar(w.db))
    elif current["deadline_text"] and row["received_on"] != current["received_on"]:
        row["deadline"], row["deadline_text"] = split_deadline(current["deadline_text"], row["received_on"],
                                                               calendar=calendar or load_calendar(w.db))
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
    row = _advanced(_row(w, item_id), to_status, on, text)
    _validate(w, row, item_id)
    w.update("supervision_item", item_id, {k: row[k] for k in row if k != "id"})
    return row["status"]



def revert(w: Writer, item_id: int) -> str:
    """Move the item back one step, clearing that step's date. Returns the new status."""
    row = _row(w, item_id)
    step = STATUSES.index(row["status"])
    if step == 0:
        raise InvalidInput("supervision.no_step_back", item=_label(row), status=_status(STATUSES[0]))
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
        raise InvalidInput("supervision.has_evidence", item=_label(row), count=links)
    for r in w.db.query("SELECT id FROM supervision_division WHERE item_id = ?", (item_id,)):
        w.delete("supervision_division", r["id"])
    from . import supervision_links, supervision_watch

    supervision_links.clear_item(w, item_id)
    supervision_watch.clear_item(w, item_id)
    w.delete("supervision_item", item_id)
