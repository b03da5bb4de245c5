"""Closing a month on its own (DHIS2's expiry days): with the setting dispatch.auto_close_workdays
N > 0, a month still open N working days after its 月调度 deadline (the month's last working day)
is closed, marked closed_by = 'auto'. A month reopened with a reason is an exception: it stays
open until closed by hand. Run when the window opens (one undoable action) or by
`bizenv monthly auto-close`. No Qt.
"""
from __future__ import annotations

from datetime import date

from ..core.workdays import month_end
from ..storage.changes import Writer
from ..storage.database import Database
from .calendar import load_calendar
from .settings_store import get_setting


def due_months(db: Database, today: date) -> list[str]:
    """The open months the setting would close today (none when it is 0)."""
    n = int(get_setting(db, "dispatch.auto_close_workdays"))
    if n <= 0:
        return []
    cal = load_calendar(db)
    out = []
    for r in db.query("SELECT month FROM dispatch_month WHERE closed_at IS NULL AND reopen_reason = ''"
                      " ORDER BY month"):
        month = r["month"]
        deadline = cal.last_workday_on_or_before(month_end(int(month[:4]), int(month[5:7]))).day
        if cal.add_workdays(deadline, n).day <= today:
            out.append(month)
    return out


def close_due(w: Writer, today: date) -> list[str]:
    """Close every month due_months names; returns them."""
    from . import dispatch

    months = due_months(w.db, today)
    for month in months:
        dispatch.close_month(w, month)
        head = w.db.scalar("SELECT id FROM dispatch_month WHERE month = ?", (month,))
        w.update("dispatch_month", head, {"closed_by": "auto"})
    return months
