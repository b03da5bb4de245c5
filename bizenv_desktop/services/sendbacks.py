"""Sending a division's returned form back for revision (退回修改), the history of returns, and
each division's on-time return rate (DHIS2-style timeliness).

A send-back records the reason and the return it undid (form_sendback), deletes the return
(form_return) so the division is again on the chase list, and re-issues its form with the
reason printed on it; the re-issued form collects like any other (services.forms). On time means returned on or
before the month's 月调度 deadline (its last working day); a return later sent back still
counts by the day it first came in. No Qt.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..core import dispatch as rules
from ..core import messages
from ..core.errors import InvalidInput, NotFound
from ..core.workdays import month_end
from ..storage.changes import Writer
from ..storage.database import Database
from .calendar import load_calendar
from .form_returns import _EXPECTED, clear_return, returned_divisions

messages.register({
    "sendback.no_reason": ("退回修改须说明原因（将印在重发的调度表上）。",
                           "A send-back needs a reason (it is printed on the re-issued form)."),
    "sendback.not_returned": ("{division}尚未交回 {month} 的调度表，无需退回。",
                              "{division} has not returned its {month} form; there is nothing to send back."),
    "sendback.closed": ("{month} 的月调度已关闭，不能退回；如需退回，请先“重新打开”该月并说明原因。",
                        "The {month} dispatch is closed; reopen it with a reason before sending a form back."),
    "sendback.no_month": ("{month} 的月调度尚未开始。", "The {month} dispatch has not been started."),
    "sendback.note": ("【退回修改】{date} 退回，原因：{reason}。请按原因修改后重新交回。",
                      "[Sent back for revision] on {date}, reason: {reason}. Please revise and return it again."),
})


def _open_month(db: Database, month: str) -> dict[str, Any]:
    row = db.execute("SELECT * FROM dispatch_month WHERE month = ?", (month,)).fetchone()
    if row is None:
        raise NotFound("sendback.no_month", month=month)
    if row["closed_at"] is not None:
        raise InvalidInput("sendback.closed", month=month)
    return dict(row)


def send_back(w: Writer, month: str, division_id: int, reason: str, today: date | None = None) -> int:
    """Send the division's return of month back with a reason; returns the send-back's id."""
    month = rules.check_month(month)
    reason = " ".join((reason or "").split())
    if not reason:
        raise InvalidInput("sendback.no_reason")
    _open_month(w.db, month)
    name = w.db.scalar("SELECT name FROM division WHERE id = ?", (division_id,))
    if name is None:
        raise NotFound("workplan.no_division", division_id=division_id)
    mark = clear_return(w, month, division_id)
    if mark is None:
        raise InvalidInput("sendback.not_returned", division=name, month=month)
    return int(w.insert("form_sendback", {
        "month": month, "division_id": division_id, "sent_on": (today or date.today()).isoformat(),
        "reason": reason, "returned_on": mark["returned_on"], "returned_note": mark["note"]}))


def sent_back_counts(db: Database, month: str) -> dict[int, int]:
    """{division id: send-backs of its form of month} (one query)."""
    return {r[0]: r[1] for r in db.query("SELECT division_id, count(*) FROM form_sendback WHERE month = ?"
                                         " GROUP BY division_id", (month,))}


def last_reason(db: Database, month: str, division_id: int) -> tuple[str, str] | None:
    """(sent_on, reason) of the latest send-back of the division's form of month, if any."""
    row = db.execute("SELECT sent_on, reason FROM form_sendback WHERE month = ? AND division_id = ?"
                     " ORDER BY id DESC LIMIT 1", (month, division_id)).fetchone()
    return None if row is None else (row["sent_on"], row["reason"])


def reissue_form(db: Database, month: str, division_id: int, out_dir: str | Path, today: date,
                 overwrite: bool = True) -> Path:
    """Write the division's form of month again, its last send-back's reason printed on it."""
    from . import forms

    month = rules.check_month(month)
    last = last_reason(db, month, division_id)
    note = messages.render("sendback.note", {"date": last[0], "reason": last[1]}) if last else ""
    paths = forms.make_forms(db, month, out_dir, today, overwrite, only=[division_id], notes={division_id: note})
    return paths[0]


@dataclass(frozen=True)
class ReturnEvent:
    month: str
    division_id: int
    division: str
    kind: str        # 'returned' (a return, current or later sent back) or 'sent_back'
    on: str
    note: str        # the return's note, or the send-back's reason

    def as_json(self) -> dict[str, Any]:
        return {"month": self.month, "division": self.division, "kind": self.kind, "on": self.on, "note": self.note}


def history(db: Database, month: str | None = None, division_id: int | None = None) -> list[ReturnEvent]:
    """Every return and send-back, by month, division and date (of one month and/or division)."""
    names = {r["id"]: r["name"] for r in db.query("SELECT id, name FROM division")}
    events: list[ReturnEvent] = []
    where: list[str] = []
    params: list[Any] = []
    if month:
        where.append("month = ?")
        params.append(rules.check_month(month))
    if division_id is not None:
        where.append("division_id = ?")
        params.append(division_id)
    for r in db.query("SELECT * FROM form_sendback" + (" WHERE " + " AND ".join(where) if where else "")
                      + " ORDER BY id", params):
        name = names.get(r["division_id"], "")
        events.append(ReturnEvent(r["month"], r["division_id"], name, "returned", r["returned_on"], r["returned_note"]))
        events.append(ReturnEvent(r["month"], r["division_id"], name, "sent_back", r["sent_on"], r["reason"]))
    for r in db.query("SELECT * FROM form_return" + (" WHERE " + " AND ".join(where) if where else ""), params):
        events.append(ReturnEvent(r["month"], r["division_id"], names.get(r["division_id"], ""), "returned",
                                  r["returned_on"], r["note"]))
    order = {"returned": 0, "sent_back": 1}
    return sorted(events, key=lambda e: (e.month, e.division, e.on, order[e.kind]))


@dataclass(frozen=True)
class Timeliness:
    division_id: int
    division: str
    expected: int     # months whose deadline has passed (or that were returned) and that expected its form
    on_time: int
    late: int         # returned after the deadline
    missing: int      # not returned, deadline passed
    sent_back: int    # send-backs in those months

    @property
    def rate(self) -> float | None:
        """On-time returns as a share of expected ones (0–100), None when none was expected yet."""
        return None if not self.expected else round(100.0 * self.on_time / self.expected, 1)

    def as_json(self) -> dict[str, Any]:
        return {"division": self.division, "expected": self.expected, "on_time": self.on_time, "late": self.late,
                "missing": self.missing, "sent_back": self.sent_back, "rate": self.rate}


def month_deadline(db: Database, month: str) -> date:
    year, mon = int(month[:4]), int(month[5:7])
    return load_calendar(db).last_workday_on_or_before(month_end(year, mon)).day


def on_time_rates(db: Database, year: int, today: date | None = None) -> list[Timeliness]:
    """Per division (in division order) over the year's dispatched months: how many forms were
    expected, returned on time, late, or are missing; the rate is on time / expected."""
    today = today or date.today()
    cal = load_calendar(db)
    first: dict[tuple[str, int], str] = {}  # the day each (month, division) form first came in
    for r in db.query("SELECT month, division_id, min(returned_on) AS day FROM form_sendback WHERE month LIKE ?"
                      " GROUP BY month, division_id", (f"{year}-%",)):
        first[(r["month"], r["division_id"])] = r["day"]
    backs: dict[tuple[str, int], int] = {(r[0], r[1]): r[2] for r in db.query(
        "SELECT month, division_id, count(*) FROM form_sendback WHERE month LIKE ? GROUP BY month, division_id",
        (f"{year}-%",))}
    stats: dict[int, list[int]] = {}
    for (month,) in db.query("SELECT month FROM dispatch_month WHERE year = ? ORDER BY month", (year,)):
        deadline = cal.last_workday_on_or_before(month_end(int(month[:4]), int(month[5:7]))).day
        returned, missing = returned_divisions(db, month)
        expected = {r[0] for r in db.query(_EXPECTED, (month, month))}
        for back in returned:
            day = min(filter(None, [first.get((month, back.division_id)), back.returned_on]))
            s = stats.setdefault(back.division_id, [0, 0, 0, 0, 0])
            s[0] += 1
            s[1 if day <= deadline.isoformat() else 2] += 1
            s[4] += backs.get((month, back.division_id), 0)
        for gone in missing:
            if gone.division_id not in expected:
                continue
            s = stats.setdefault(gone.division_id, [0, 0, 0, 0, 0])
            s[4] += backs.get((month, gone.division_id), 0)
            if deadline < today:
                s[0] += 1
                early = first.get((month, gone.division_id))
                if early is not None:  # came in once, was sent back, not yet in again
                    s[1 if early <= deadline.isoformat() else 2] += 1
                else:
                    s[3] += 1
    out = []
    for r in db.query("SELECT id, name FROM division ORDER BY position, id"):
        if r["id"] in stats:
            e, on, late, miss, sent = stats[r["id"]]
            out.append(Timeliness(r["id"], r["name"], e, on, late, miss, sent))
    return out
