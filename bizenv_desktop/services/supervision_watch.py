"""Watching supervised items as 督查督办 systems do: warning levels, recurring feedback, 催办.

- Warning level: 红 when the item's next date (its deadline, or the next feedback due date of its
  反馈周期 not yet given) has passed or is at most `supervision.warn_red` working days away,
  黄 at most `supervision.warn_yellow` working days away, '' otherwise; only items still being
  handled (待签收/办理中) are warned about.
- Recurring feedback: the item's 反馈周期 text (core.feedback_cycle: 每月25日前, 每季度末 …)
  makes due dates on the working-day calendar from the day received until the item is done
  (已办结), each met by a feedback record (supervision_feedback).
- 催办 records (supervision_reminder): date, to whom (a division and/or a person), how. The
  count shown (催办次数) is the number of records plus the count a ledger import brought in
  (the imported 催办次数 is the starting figure, kept as it was; each record adds one).
No Qt.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from ..core import messages
from ..core.errors import InvalidInput, NotFound
from ..core.feedback_cycle import Cycle, due_dates, parse_cycle
from ..core.workdays import Dated, WorkCalendar
from ..storage.database import Database
from .calendar import load_calendar
from .lookup import iso_date
from .settings_store import get_setting
from .supervision_read import item_label, item_row

if TYPE_CHECKING:  # the writer only in annotations: reading needs no storage.changes
    from ..storage.changes import Writer

RED, YELLOW = "红", "黄"
OPEN = ("待签收", "办理中")
FINISHED = ("已报结", "已销号")
METHODS = ("电话", "短信", "微信", "当面", "催办单", "公文", "其他")
HORIZON_DAYS = 120                       # feedback due dates are made up to today + this

messages.register({
    "watch.finished": ("事项{label}已{status}，无需再催办。", "Item {label} is already {status}; it needs no reminder."),
    "watch.no_reminder": ("催办记录 {reminder_id} 不存在（可能已被删除）。",
                          "Reminder {reminder_id} does not exist (it may have been deleted)."),
    "watch.bad_levels": ("预警天数无效：红色须少于黄色，且都不小于 0（黄 {yellow}，红 {red}）。",
                         "Invalid warning days: red must be fewer than yellow and neither below 0 (yellow {yellow}, "
                         "red {red})."),
    "watch.no_cycle": ("事项{label}没有可识别的反馈周期（{text}），不能登记周期反馈。",
                       "Item {label} has no feedback cycle that can be read ({text}); no cycle feedback can be "
                       "recorded."),
    "watch.not_due": ("{due} 不是事项{label}的反馈日期（按“{cycle}”，近期为：{dates}）。",
                      "{due} is not a feedback date of item {label} (by “{cycle}”, the recent ones are: {dates})."),
    "watch.given_before": ("反馈日期 {given} 早于交办日期 {received}。",
                           "The feedback date {given} is earlier than the date received {received}."),
    "field.reminder_date": ("催办日期", "the reminder date"),
    "field.feedback_due": ("应反馈日期", "the feedback due date"),
    "field.feedback_given": ("反馈日期", "the feedback date"),
})


@dataclass(frozen=True)
class FeedbackDue:
    due: date
    confirmed: bool
    given_on: str = ""
    text: str = ""


@dataclass(frozen=True)
class Watch:
    item_id: int
    level: str                      # '', 黄 or 红
    next_due: date | None           # the nearest date still to meet
    next_kind: str                  # 'deadline', 'feedback' or ''
    workdays_left: int | None       # to next_due (negative: working days overdue)
    reminders: int                  # 催办次数: records + the imported starting figure
    cycle: str = ""                 # the 反馈周期 text
    cycle_readable: bool = True
    feedback: list[FeedbackDue] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"warning": self.level or None, "next_due": self.next_due.isoformat() if self.next_due else None,
                "next_kind": self.next_kind or None, "workdays_left": self.workdays_left,
                "reminders": self.reminders, "feedback_cycle": self.cycle or None,
                "feedback_due": [{"due": f.due.isoformat(), "given_on": f.given_on or None} for f in self.feedback]}


def levels(db: Database) -> tuple[int, int]:
    """(yellow, red) working days from the settings."""
    return int(get_setting(db, "supervision.warn_yellow")), int(get_setting(db, "supervision.warn_red"))


def set_levels(w: Writer, yellow: int, red: int) -> None:
    from .settings_store import set_setting

    if red < 0 or yellow < 0 or red >= yellow:
        raise InvalidInput("watch.bad_levels", yellow=yellow, red=red)
    set_setting(w, "supervision.warn_yellow", int(yellow))
    set_setting(w, "supervision.warn_red", int(red))


def level_for(days_left: int | None, yellow: int, red: int) -> str:
    if days_left is None:
        return ""
    return RED if days_left <= red else YELLOW if days_left <= yellow else ""


def _feedback_dates(cycle: Cycle | None, row: Any, cal: WorkCalendar, today: date) -> list[Dated]:
    """The item's feedback due dates: from the day received up to today's horizon, or, once the
    item is done (已办结 or later), up to the day it was done."""
    start = row["received_on"] or row["signed_on"]
    if cycle is None or not start:
        return []
    end = today + timedelta(days=HORIZON_DAYS)
    if row["status"] not in OPEN and row["done_on"]:
        end = min(end, date.fromisoformat(row["done_on"]))
    return due_dates(cycle, date.fromisoformat(start), end, cal)


def watch(db: Database, today: date | None = None, item_ids: list[int] | None = None,
          calendar: WorkCalendar | None = None) -> dict[int, Watch]:
    """{item id: Watch} for every item (or the given ones). A few queries whatever the number."""
    today = today or date.today()
    cal = calendar or load_calendar(db)
    yellow, red = levels(db)
    where = f" WHERE id IN ({', '.join('?' * len(item_ids))})" if item_ids is not None else ""
    if item_ids is not None and not item_ids:
        return {}
    # feedback_cycle (反馈周期) and urge_count (催办次数 as imported): the ledger fields of issue 13
    rows = db.query("SELECT id, received_on, signed_on, done_on, status, deadline, feedback_cycle, urge_count"
                    " FROM supervision_item" + where, item_ids or ())
    counts = {r[0]: r[1] for r in db.query("SELECT item_id, count(*) FROM supervision_reminder GROUP BY item_id")}
    given: dict[int, dict[str, tuple[str, str]]] = {}
    for r in db.query("SELECT item_id, due_on, given_on, text FROM supervision_feedback"):
        given.setdefault(r["item_id"], {})[r["due_on"]] = (r["given_on"], r["text"])
    out: dict[int, Watch] = {}
    for r in rows:
        text = r["feedback_cycle"] or ""
        cycle = parse_cycle(text) if text else None
        marks = given.get(r["id"], {})
        feedback = [FeedbackDue(d.day, d.confirmed, *marks.get(d.day.isoformat(), ("", "")))
                    for d in _feedback_dates(cycle, r, cal, today)]
        candidates: list[tuple[date, str]] = []
        if r["status"] in OPEN:
            if r["deadline"]:
                candidates.append((date.fromisoformat(r["deadline"]), "deadline"))
            open_feedback = [f.due for f in feedback if not f.given_on]
            if open_feedback:
                candidates.append((open_feedback[0], "feedback"))
        next_due, kind = min(candidates) if candidates else (None, "")
        left = None if next_due is None else cal.workdays_between(today, next_due)
        if next_due is not None and next_due < today:
            left = min(left or 0, -1)
        out[r["id"]] = Watch(r["id"], level_for(left, yellow, red), next_due, kind, left,
                             counts.get(r["id"], 0) + (r["urge_count"] or 0), text, cycle is not None or not text,
                             feedback)
    return out


def add_reminder(w: Writer, item_id: int, on: str | date | None = None, division_id: int | None = None,
                 recipient: str = "", method: str = "", note: str = "", today: date | None = None) -> int:
    """Record a 催办 of an item not yet reported closed; on defaults to today."""
    row = item_row(w, item_id)
    if row["status"] in FINISHED:
        raise InvalidInput("watch.finished", label=item_label(row), status=row["status"])
    if division_id is not None and w.get("division", division_id) is None:
        raise NotFound("workplan.no_division", division_id=division_id)
    day = iso_date(on, "field.reminder_date") or (today or date.today()).isoformat()
    return int(w.insert("supervision_reminder", {"item_id": item_id, "date": day, "division_id": division_id,
                                                 "recipient": " ".join((recipient or "").split()),
                                                 "method": (method or "").strip(), "note": (note or "").strip()}))


def delete_reminder(w: Writer, reminder_id: int) -> None:
    if w.get("supervision_reminder", reminder_id) is None:
        raise NotFound("watch.no_reminder", reminder_id=reminder_id)
    w.delete("supervision_reminder", reminder_id)


@dataclass(frozen=True)
class Reminder:
    id: int
    item_id: int
    item_no: str
    date: str
    division_id: int | None
    division: str
    recipient: str
    method: str
    note: str

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "item": self.item_no, "date": self.date, "division": self.division or None,
                "recipient": self.recipient, "method": self.method, "note": self.note}


def reminders(db: Database, item_id: int | None = None, division_id: int | None = None) -> list[Reminder]:
    """催办 records by date, of one item and/or sent to one division."""
    where, params = [], []
    if item_id is not None:
        where.append("r.item_id = ?")
        params.append(item_id)
    if division_id is not None:
        where.append("r.division_id = ?")
        params.append(division_id)
    rows = db.query("SELECT r.*, i.no, coalesce(d.name, '') AS division FROM supervision_reminder r"
                    " JOIN supervision_item i ON i.id = r.item_id LEFT JOIN division d ON d.id = r.division_id"
                    + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY r.date, r.id", params)
    return [Reminder(r["id"], r["item_id"], r["no"], r["date"], r["division_id"], r["division"], r["recipient"],
                     r["method"], r["note"]) for r in rows]


def record_feedback(w: Writer, item_id: int, due_on: str | date, given_on: str | date | None = None,
                    text: str = "", today: date | None = None) -> int:
    """Record the feedback given for one due date of the item's cycle (replacing an earlier one)."""
    today = today or date.today()
    row = item_row(w, item_id)
    item = watch(w.db, today, [item_id])[item_id]
    if not item.cycle or not item.cycle_readable:
        raise InvalidInput("watch.no_cycle", label=item_label(row), text=item.cycle or "—")
    due = iso_date(due_on, "field.feedback_due", required=True)
    dates = [f.due.isoformat() for f in item.feedback]
    if due not in dates:
        at = bisect_left(dates, due)
        near = dates[max(0, at - 2):at + 2]  # the dates around the one asked for
        raise InvalidInput("watch.not_due", due=due, label=item_label(row), cycle=item.cycle, dates=near or ["—"])
    given = iso_date(given_on, "field.feedback_given") or today.isoformat()
    if row["received_on"] and given < row["received_on"]:
        raise InvalidInput("watch.given_before", given=given, received=row["received_on"])
    existing = w.db.scalar("SELECT id FROM supervision_feedback WHERE item_id = ? AND due_on = ?", (item_id, due))
    values = {"item_id": item_id, "due_on": due, "given_on": given, "text": (text or "").strip()}
    if existing is not None:
        w.update("supervision_feedback", existing, values)
        return int(existing)
    return int(w.insert("supervision_feedback", values))


def clear_item(w: Writer, item_id: int) -> None:
    """For deleting an item: its 催办 and feedback records go with it (undo brings them back)."""
    for table in ("supervision_reminder", "supervision_feedback"):
        for r in w.db.query(f"SELECT id FROM {table} WHERE item_id = ?", (item_id,)):
            w.delete(table, r["id"])


def feedback_deadlines(db: Database, cal: WorkCalendar, first: date, last: date) -> list[tuple[int, str, str, Dated, str]]:
    """[(item id, number, content, due date, done on)] of every feedback due date from first
    through last, of items that have a 反馈周期; done on is the feedback's date, or the day the
    item was done for a date it left unmet (a done item owes no more feedback)."""
    rows = db.query("SELECT id, no, content, received_on, signed_on, done_on, status, feedback_cycle"
                    " FROM supervision_item WHERE feedback_cycle != '' AND (received_on != '' OR signed_on != '')"
                    " AND (done_on = '' OR done_on >= ?)", (first.isoformat(),))
    if not rows:
        return []
    given = {(r["item_id"], r["due_on"]): r["given_on"] for r in db.query(
        "SELECT item_id, due_on, given_on FROM supervision_feedback")}
    out = []
    for r in rows:
        cycle = parse_cycle(r["feedback_cycle"])
        for d in _feedback_dates(cycle, r, cal, last):  # up to last (and beyond, cut below)
            if first <= d.day <= last:
                done = given.get((r["id"], d.day.isoformat()), "") or (r["done_on"] if r["status"] not in OPEN else "")
                out.append((r["id"], r["no"], r["content"], d, done))
    return out
