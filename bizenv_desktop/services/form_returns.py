"""Which divisions have returned the month's form (催报名单), without openpyxl.

The month view asks at start-up; services.forms (which needs openpyxl, 0.2–0.4 s and 10 MB
to import) records the returns and re-exports what is here.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core import dispatch as rules
from ..storage.database import Database


@dataclass(frozen=True)
class DivisionReturn:
    division_id: int
    name: str
    returned_on: str = ""
    note: str = ""


def _return_key(month: str, division_id: int | str) -> str:
    return f"dispatch_return:{month}:{division_id}"


def _returned_marks(db: Database, month: str) -> dict[int, tuple[str, str]]:
    prefix = _return_key(month, "")
    return {int(r["key"][len(prefix):]): (r["done_on"], r["note"]) for r in db.query(
        "SELECT key, done_on, note FROM deadline_done WHERE substr(key, 1, ?) = ?", (len(prefix), prefix))}


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
