"""Which divisions have returned the month's form (催报名单, the form_return table), without openpyxl.

The month view asks at start-up; services.forms (which needs openpyxl, 0.2–0.4 s and 10 MB
to import) records the returns and re-exports what is here.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..core import dispatch as rules
from ..storage.database import Database

if TYPE_CHECKING:
    from ..storage.changes import Writer


@dataclass(frozen=True)
class DivisionReturn:
    division_id: int
    name: str
    returned_on: str = ""
    note: str = ""


def _returned_marks(db: Database, month: str) -> dict[int, tuple[str, str]]:
    """{division id: (returned on, note)} of the returns of month (form_return)."""
    return {r["division_id"]: (r["returned_on"], r["note"]) for r in db.query(
        "SELECT division_id, returned_on, note FROM form_return WHERE month = ?", (month,))}


def record_return(w: Writer, month: str, division_id: int, returned_on: str, note: str = "") -> None:
    """The one place that records a return: the row of (month, division), new or replaced."""
    values = {"month": month, "division_id": division_id, "returned_on": returned_on, "note": note.strip()}
    existing = w.db.scalar("SELECT id FROM form_return WHERE month = ? AND division_id = ?", (month, division_id))
    if existing is None:
        w.insert("form_return", values)
    else:
        w.update("form_return", existing, values)


def clear_return(w: Writer, month: str, division_id: int) -> dict[str, Any] | None:
    """Delete the division's return of month; the row it was (None when there was none)."""
    row = w.db.execute("SELECT * FROM form_return WHERE month = ? AND division_id = ?",
                       (month, division_id)).fetchone()
    if row is None:
        return None
    w.delete("form_return", row["id"])
    return dict(row)


_EXPECTED = ("SELECT d.id FROM division d WHERE d.kind != 'group' AND (d.id IN (SELECT division_id FROM dispatch_row"
             " WHERE month = ?) OR (d.retired_on IS NULL AND d.id IN (SELECT a.division_id FROM assignment a JOIN"
             " dispatch_row r ON r.indicator_id = a.indicator_id WHERE r.month = ? AND a.role = 'cooperate'"
             " AND coalesce(r.division_id, 0) != a.division_id)))")


def returned_divisions(db: Database, month: str) -> tuple[list[DivisionReturn], list[DivisionReturn]]:
    """(divisions whose form of month was collected, divisions still to chase), in division order."""
    month = rules.check_month(month)
    marks = _returned_marks(db, month)
    expected = {r[0] for r in db.query(_EXPECTED, (month, month))}
    names = {r["id"]: r["name"] for r in db.query("SELECT id, name FROM division ORDER BY position, id")}
    return ([DivisionReturn(d, name, *marks[d]) for d, name in names.items() if d in marks],
            [DivisionReturn(d, name) for d, name in names.items() if d in expected and d not in marks])
