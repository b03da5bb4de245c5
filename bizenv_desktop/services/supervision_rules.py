"""The rules of a supervised item (督办事项) and the checks behind them: which fields may be
edited, how a typed deadline is read, numbering DB-YYYY-NNN, the divisions of an item, the
order of the status dates, closure report and accountability, and the messages they raise.
services.supervision (one item) and services.supervision_batch (many) both write through these.
No Qt."""
from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable
from datetime import date
from functools import lru_cache
from typing import Any

from ..core import messages
from ..core.deadline_text import derive_deadline
from ..core.errors import InvalidInput, NotFound
from ..storage.changes import Writer
from .plan_edit import check_date, set_division_rows
from .supervision_read import COMPLAINT, LEDGER_FIELDS, STATUS_DATES, STATUSES, item_label, item_row

TEXT_FIELDS = ("no", "source", "content", "progress", "note", "closure_report", "accountability",
               *LEDGER_FIELDS[:-1])
EDITABLE = (*TEXT_FIELDS, "received_on", "deadline", "complaint_verified", "lead", "cooperating",
            "signed_on", "done_on", "reported_on", "closed_on", "urge_count")
messages.register({
    "supervision.bad_urge_count": ("催办次数“{value}”应为不小于 0 的整数。", "The number of times chased, “{value}”, "
                                   "must be a whole number of 0 or more."),
})
_EDITABLE = frozenset(EDITABLE)
# message ids of the dates' names and of the statuses: rendered in the sentence's language
DATE_NAMES = {"received_on": "supervision.date.received_on", "signed_on": "supervision.date.signed_on",
              "done_on": "supervision.date.done_on", "reported_on": "supervision.date.reported_on",
              "closed_on": "supervision.date.closed_on"}
STATUS_IDS = dict(zip(STATUSES, ("supervision.status.pending", "supervision.status.in_progress",
                                 "supervision.status.done", "supervision.status.reported",
                                 "supervision.status.closed")))
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_date = lru_cache(maxsize=4096)(check_date)  # an import checks the same few hundred dates again and again
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)  # what LIKE ignores


_row, _label = item_row, item_label  # (the names this module's callers use)


def _status(status: str) -> str:
    """A status as an argument: its message id (rendered in the sentence's language)."""
    return STATUS_IDS.get(status, status)


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
    used = [r[0] for r in w.db.query("SELECT no FROM supervision_item WHERE no LIKE ?", (prefix + "%",))]
    return f"{prefix}{_highest(prefix, used) + 1:03d}"


def _highest(prefix: str, numbers: Iterable[str]) -> int:
    """The highest NNN of the numbers that are prefix + digits (prefix compared as LIKE does)."""
    n, low = len(prefix), prefix.translate(_ASCII_LOWER)
    return max([int(no[n:]) for no in numbers if no[:n].translate(_ASCII_LOWER) == low and no[n:].isdigit()],
               default=0)


def _check_divisions(w: Writer, lead: Iterable[int], cooperating: Iterable[int],
                     names: dict[int, str] | None = None) -> tuple[list[int], list[int]]:
    """Lead and cooperating ids without repeats; names (id -> name of divisions known to exist)
    spares a look-up per id, and learns the ids found."""
    names = {} if names is None else names
    lead, cooperating = list(dict.fromkeys(lead)), list(dict.fromkeys(cooperating))
    for division_id in (*lead, *cooperating):
        if division_id not in names:
            row = w.get("division", division_id)
            if row is None:
                raise NotFound("supervision.no_division", division_id=division_id)
            names[division_id] = row["name"]
    both = [d for d in lead if d in cooperating]
    if both:
        raise InvalidInput("supervision.lead_and_cooperating", division=names[both[0]])
    return lead, cooperating


def _links(item_id: int, lead: list[int], cooperating: list[int]) -> list[dict[str, Any]]:
    """The supervision_division rows of a new item: lead first, then cooperating, numbered."""
    wanted = [(d, "lead") for d in lead] + [(d, "cooperate") for d in cooperating]
    return [{"item_id": item_id, "division_id": d, "role": role, "position": pos}
            for pos, (d, role) in enumerate(wanted, 1)]


def _set_divisions(w: Writer, item_id: int, lead: list[int], cooperating: list[int]) -> None:
    wanted = [(d, "lead") for d in lead] + [(d, "cooperate") for d in cooperating]
    set_division_rows(w, "supervision_division", "item_id", item_id, wanted)


def _validate(w: Writer, row: dict[str, Any], item_id: int | None) -> None:
    """The rules every stored item keeps; raises InvalidInput saying what to change."""
    _check_rules(row, lambda no: w.db.scalar("SELECT id FROM supervision_item WHERE no = ? AND id IS NOT ?",
                                            (no, item_id)) is not None)


def _clash(no: str) -> InvalidInput:
    return InvalidInput("supervision.number_taken", no=no)


def _check_rules(row: dict[str, Any], taken: Callable[[str], bool]) -> None:
    """_validate's rules, in its order; taken(no) says whether another item has the number.
    Dates are normalized in row."""
    if not row["content"]:
        raise InvalidInput("supervision.no_content")
    if row["no"] and taken(row["no"]):
        raise _clash(row["no"])
    step = STATUSES.index(row["status"])
    previous = ("", "")
    for i, status in enumerate(STATUSES):
        column = STATUS_DATES[status]
        value = row[column] or ""
        row[column] = _date(value, DATE_NAMES[column]) if type(value) is str else check_date(value, DATE_NAMES[column])
        if i > 0 and i <= step and not row[column]:
            raise InvalidInput("supervision.date_missing", status=_status(row["status"]), date=DATE_NAMES[column])
        if i > step and row[column]:
            raise InvalidInput("supervision.date_too_soon", status=_status(status), date=DATE_NAMES[column])
        if row[column] and previous[0] and row[column] < previous[0]:
            raise InvalidInput("supervision.date_order", date=DATE_NAMES[column], value=row[column],
                               previous=previous[1], previous_value=previous[0])
        if row[column]:
            previous = (row[column], DATE_NAMES[column])
    if row["deadline"] and row["received_on"] and row["deadline"] < row["received_on"]:
        raise InvalidInput("supervision.deadline_before_received", deadline=row["deadline"],
                           received=row["received_on"])
    if step >= STATUSES.index("已办结") and not row["closure_report"]:
        raise InvalidInput("supervision.needs_closure_report", status=_status(row["status"]))
    if row["complaint_verified"] and row["source"] != COMPLAINT:
        raise InvalidInput("supervision.verified_not_complaint", source=COMPLAINT)
    if row["status"] == "已销号" and row["complaint_verified"] and not row["accountability"]:
        raise InvalidInput("supervision.needs_accountability")


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = fields.keys() - _EDITABLE
    if unknown:
        raise InvalidInput("supervision.not_editable", fields=sorted(unknown))
    values = {k: v for k, v in fields.items() if k not in ("lead", "cooperating", "deadline")}
    for key in TEXT_FIELDS:
        if key in values:
            values[key] = (values[key] or "").strip()
    if "no" in values:
        values["no"] = " ".join(values["no"].split())
    if "complaint_verified" in values:
        values["complaint_verified"] = int(bool(values["complaint_verified"]))
    if "urge_count" in values:
        values["urge_count"] = _urge_count(values["urge_count"])
    return values


def _urge_count(value: Any) -> int:
    try:
        number = int(value or 0) if not isinstance(value, float) or value.is_integer() else -1
    except (TypeError, ValueError):
        number = -1
    if number < 0 or isinstance(value, bool):
        raise InvalidInput("supervision.bad_urge_count", value=value)
    return number


def _new_row(content: str, no: str, source: str, received_on: str, deadline: str, progress: str, note: str,
             split: Callable[[str, str], tuple[str, str]], ledger: dict[str, Any] | None = None) -> dict[str, Any]:
    """The row of a new item (status 待签收) as typed, cleaned; its number may still be ''.
    split(deadline, received_on) is split_deadline with the caller's today and calendar;
    ledger: values of LEDGER_FIELDS."""
    unknown = (ledger or {}).keys() - set(LEDGER_FIELDS)
    if unknown:
        raise InvalidInput("supervision.not_editable", fields=sorted(unknown))
    row: dict[str, Any] = {
           "no": no, "source": source, "content": content, "progress": progress, "note": note,
           "closure_report": "", "accountability": "", "complaint_verified": 0, "status": STATUSES[0],
           "received_on": received_on, "signed_on": "", "done_on": "", "reported_on": "", "closed_on": "",
           **{f: "" for f in LEDGER_FIELDS[:-1]}, "urge_count": 0, **(ledger or {})}
    row.update(_clean({k: row[k] for k in ("no", "source", "content", "progress", "note", *LEDGER_FIELDS)}))
    received_on = received_on or ""
    row["received_on"] = _date(received_on, "交办日期") if type(received_on) is str else check_date(received_on, "交办日期")
    row["deadline"], row["deadline_text"] = split(deadline, row["received_on"])
    return row


def _number_year(row: dict[str, Any], today: date | None) -> int:
    return int(row["received_on"][:4]) if row["received_on"] else (today or date.today()).year

def _advanced(row: dict[str, Any], to_status: str | None, on: date | str | None, text: str) -> dict[str, Any]:
    """row moved forward as advance() moves it (not yet validated); row itself is changed."""
    step = STATUSES.index(row["status"])
    if to_status is None:
        if step == len(STATUSES) - 1:
            raise InvalidInput("supervision.no_next_step", item=_label(row))
        to_status = STATUSES[step + 1]
    if to_status not in STATUSES:
        raise InvalidInput("supervision.unknown_status", status=to_status, statuses=[STATUS_IDS[s] for s in STATUSES])
    target = STATUSES.index(to_status)
    if target <= step:
        raise InvalidInput("supervision.not_forward", item=_label(row), status=_status(row["status"]),
                           to_status=_status(to_status))
    day = on.isoformat() if isinstance(on, date) else check_date(on or "", "supervision.date.day") or date.today().isoformat()
    row["status"] = to_status
    for status in STATUSES[step + 1:target + 1]:
        row[STATUS_DATES[status]] = day
    text = (text or "").strip()
    if text:
        row["closure_report" if target >= STATUSES.index("已办结") else "progress"] = text
    return row



messages.register({
    "supervision.deadline_before_received": ("办结时限（{deadline}）不能早于交办日期（{received}）：请检查两个日期。",
                                             "The deadline ({deadline}) cannot be earlier than the date received "
                                             "({received}); check both dates."),
    "supervision.needs_closure_report": ("“{status}”须有办结报告：请填写办结情况（办结报告内容）后再标记。",
                                         "“{status}” needs the closure report: fill in what was done (the closure "
                                         "report) first."),
    "supervision.date.received_on": ("交办日期", "Date received"),
    "supervision.date.signed_on": ("签收日期", "Date signed for"),
    "supervision.date.done_on": ("办结日期", "Date done"),
    "supervision.date.reported_on": ("报结日期", "Date reported done"),
    "supervision.date.closed_on": ("销号日期", "Date struck off"),
    "supervision.date.day": ("日期", "Date"),
    "supervision.status.pending": ("待签收", "Awaiting sign-off"),
    "supervision.status.in_progress": ("办理中", "In progress"),
    "supervision.status.done": ("已办结", "Completed"),
    "supervision.status.reported": ("已报结", "Closure reported"),
    "supervision.status.closed": ("已销号", "Struck off"),
    "supervision.no_item": ("督办事项 {item_id} 不存在（可能已被删除）。",
                            "Supervised item {item_id} does not exist (it may have been deleted)."),
    "supervision.no_division": ("处室 {division_id} 不存在（可能已被删除）。",
                                "Division {division_id} does not exist (it may have been deleted)."),
    "supervision.lead_and_cooperating": ("“{division}”不能既是牵头处室又是配合处室，请只选一种。",
                                         "“{division}” cannot be both a lead and a cooperating division; "
                                         "choose one."),
    "supervision.number_taken": ("编号“{no}”已被另一事项使用，请换一个编号（留空则自动编号）。",
                                 "The number “{no}” is used by another item; choose another number (leave it "
                                 "empty to number it automatically)."),
    "supervision.no_content": ("请填写事项内容。", "Fill in what the item is about (the content)."),
    "supervision.date_missing": ("事项已到“{status}”，{date}不能为空。",
                                 "The item has reached “{status}”: {date} cannot be empty."),
    "supervision.date_too_soon": ("事项尚未到“{status}”，不能填写{date}。",
                                  "The item has not reached “{status}” yet: {date} cannot be filled in."),
    "supervision.date_order": ("{date}（{value}）不能早于{previous}（{previous_value}）。",
                               "{date} ({value}) cannot be earlier than {previous} ({previous_value})."),
    "supervision.verified_not_complaint": ("只有来源为“{source}”的事项才能标记为投诉属实；其他事项的问责情况请直接填写问责记录。",
                                           "Only items whose source is “{source}” (complaint) can be marked as "
                                           "a complaint found true; for other items write the accountability "
                                           "record directly."),
    "supervision.needs_accountability": ("该投诉经查属实，须先填写问责记录（问责对象、方式、文号），才能销号。",
                                         "The complaint was found true: fill in the accountability record (who, "
                                         "how, document number) before striking the item off."),
    "supervision.not_editable": ("不能修改的字段：{fields}", "Fields that cannot be changed: {fields}"),
    "supervision.no_number": ("编号不能为空。", "The number cannot be empty."),
    "supervision.no_next_step": ("事项{item}已销号，没有下一步了。",
                                 "Item {item} is struck off already; there is no next step."),
    "supervision.unknown_status": ("未知的状态：{status}（应为{statuses}之一）。",
                                   "Unknown status: “{status}” (it should be one of {statuses})."),
    "supervision.not_forward": ("事项{item}已是“{status}”，不能推进到“{to_status}”；要回到前一步请用“退回上一步”。",
                                "Item {item} is at “{status}” already and cannot be moved forward to "
                                "“{to_status}”; to go back a step use “Step Back”."),
    "supervision.no_step_back": ("事项{item}还是“{status}”，不能再退回。",
                                 "Item {item} is still at “{status}”; it cannot go back further."),
    "supervision.has_evidence": ("事项{item}关联了 {count} 份佐证材料，不能删除；请先移除佐证材料，再删除事项。",
                                 "Item {item} has {count} evidence file(s) attached and cannot be deleted; "
                                 "remove the evidence first, then delete the item."),
})
