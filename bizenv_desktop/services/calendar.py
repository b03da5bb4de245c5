"""The working-day calendar as stored: the user's overrides and confirmed years."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from ..core import messages
from ..core.errors import InvalidInput
from ..core.workdays import WorkCalendar, library_knows
from ..storage.database import Database

if TYPE_CHECKING:  # the writer only in annotations: reading needs no storage.changes
    from ..storage.changes import Writer


@dataclass(frozen=True)
class Override:
    id: int
    day: date
    is_workday: bool
    note: str


messages.register({
    "calendar.date_needed": ("请填写日期。", "Fill in the date."),
    "calendar.year_out_of_range": ("年度 {year} 超出范围。", "Year {year} is out of range."),
    "field.date": ("日期", "Date"),
})


def load_calendar(db: Database) -> WorkCalendar:
    """The calendar with every override and confirmed year (two small queries)."""
    overrides = {date.fromisoformat(r["date"]): bool(r["is_workday"])
                 for r in db.query("SELECT date, is_workday FROM workday_override")}
    confirmed = {r[0] for r in db.query("SELECT year FROM calendar_year")}
    return WorkCalendar(overrides, confirmed)


def list_overrides(db: Database, year: int | None = None) -> list[Override]:
    sql = "SELECT * FROM workday_override" + (" WHERE date LIKE ?" if year else "") + " ORDER BY date"
    return [Override(r["id"], date.fromisoformat(r["date"]), bool(r["is_workday"]), r["note"])
            for r in db.query(sql, (f"{year}-%",) if year else ())]


def set_override(w: Writer, day: str, is_workday: bool, note: str = "") -> int:
    """Mark a date as a working day or a holiday (replacing an earlier mark of that date)."""
    from .plan_edit import check_date  # here: plan_edit loads the plan model, which reading the deadlines never needs

    iso = check_date(day, "field.date")
    if not iso:
        raise InvalidInput("calendar.date_needed")
    existing = w.db.scalar("SELECT id FROM workday_override WHERE date = ?", (iso,))
    values = {"date": iso, "is_workday": int(bool(is_workday)), "note": note.strip()}
    if existing is not None:
        w.update("workday_override", existing, values)
        return existing
    return w.insert("workday_override", values)


def remove_override(w: Writer, override_id: int) -> None:
    w.delete("workday_override", override_id)


def confirm_year(w: Writer, year: int, note: str = "") -> None:
    """The user has entered this year's published schedule: stop warning about it."""
    if not 2000 <= year <= 2100:
        raise InvalidInput("calendar.year_out_of_range", year=year)
    if w.get("calendar_year", year) is None:
        w.insert("calendar_year", {"year": year, "confirmed_on": datetime.now().isoformat(timespec="seconds"),
                                   "note": note.strip()})


def unconfirm_year(w: Writer, year: int) -> None:
    w.delete("calendar_year", year)


def year_status(db: Database, year: int) -> str:
    """'library' (published schedule known), 'user' (confirmed by hand) or 'unconfirmed'."""
    if library_knows(year):
        return "library"
    if db.scalar("SELECT 1 FROM calendar_year WHERE year = ?", (year,)):
        return "user"
    return "unconfirmed"
